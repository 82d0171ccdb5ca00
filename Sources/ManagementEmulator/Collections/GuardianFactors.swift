import APIJSON

extension SingletonSpec {
    /// The spec's `GuardianFactorNameEnum`, in the order `GET /guardian/factors` lists them (recorded).
    static let guardianFactorNames = ["sms", "push-notification", "otp", "email", "duo", "webauthn-roaming", "webauthn-platform", "recovery-code"]

    /// `PUT /guardian/factors/{name}` `{enabled}`: answers `{enabled}` alone, as recorded; `trial_expired` is kept.
    /// Every factor exists, disabled, on a fresh tenant (as `GET /guardian/factors` lists them, recorded).
    static let guardianFactors: SingletonSpec = SingletonSpec(
        path: "guardian/factors/{name}", keys: ["name": guardianFactorNames], reads: false,
        writes: ["PUT": .topLevelMerge],
        fields: [.of("boolean", "enabled", required: true, description: "Whether this factor is enabled (true) or disabled (false).")],
        requiredOnUpdate: true,
        presentedKeys: ["name": "name"],
        writeAnswer: { answer in .object(["enabled": answer["enabled"] ?? .bool(false)]) },
        initial: Dictionary(uniqueKeysWithValues: guardianFactorNames.map {
            ("guardian/factors/\($0)", JSONValue.object(["enabled": .bool(false), "trial_expired": .bool(false)]))
        }),
        scope: ScopeRule(resource: "guardian_factors"),
        snapshot: .items("guardian_factors", keys: ["name": "name"])
    )
}

extension SingletonListing {
    /// `GET /guardian/factors`: a plain array of `{name, enabled, trial_expired}`, every factor, in the API's order.
    static let guardianFactors = SingletonListing(path: "guardian/factors", of: .guardianFactors, listing: .plainArray,
                                                  orderedByKeyEnum: true, scope: ScopeRule(resource: "guardian_factors"))
}
