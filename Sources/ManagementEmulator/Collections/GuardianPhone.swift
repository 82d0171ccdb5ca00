import APIJSON

extension SingletonSpec {
    /// `/guardian/factors/phone/selected-provider`: `PUT {provider}` replaces it; `{"provider": "auth0"}` on a fresh
    /// tenant (recorded).
    static let phoneSelectedProvider: SingletonSpec = SingletonSpec(
        path: "guardian/factors/phone/selected-provider", writes: ["PUT": .replace],
        fields: [.string("provider", required: true, allowed: ["auth0", "twilio", "phone-message-hook"])],
        initial: initial("guardian/factors/phone/selected-provider", .object(["provider": .string("auth0")])),
        scope: ScopeRule(resource: "guardian_factors"),
        snapshot: .section("guardian_phone_selected_provider")
    )

    /// `/guardian/factors/phone/message-types`: `PUT {message_types}` replaces it; `{"message_types": []}` on a
    /// fresh tenant (recorded).
    static let phoneMessageTypes: SingletonSpec = SingletonSpec(
        path: "guardian/factors/phone/message-types", writes: ["PUT": .replace],
        fields: [.of("array", "message_types", required: true,
                     description: "The list of phone factors to enable on the tenant. Can include `sms` and `voice`.")],
        validate: { body throws(APIErrorResponse) in
            for item in body["message_types"]?.arrayValue ?? [] where !["sms", "voice"].contains(item.stringValue ?? "") {
                let shown = item.stringValue ?? String(decoding: item.encoded(), as: UTF8.self)
                throw .invalidBody("Payload validation error: 'No enum match for: \"\(shown)\"' on property message_types.")
            }
        },
        initial: initial("guardian/factors/phone/message-types", .object(["message_types": .array([])])),
        scope: ScopeRule(resource: "guardian_factors"),
        snapshot: .section("guardian_phone_message_types")
    )
}
