import APIJSON

extension SingletonSpec {
    /// The spec's `MFAPolicyEnum`.
    static let mfaPolicies = ["all-applications", "confidence-score"]

    /// `/guardian/policies`: an array of policy names; `PUT` replaces it and answers it (recorded). Scopes
    /// `read:mfa_policies`/`update:mfa_policies` (the spec's security). A fresh tenant has none (`[]`, recorded).
    static let guardianPolicies: SingletonSpec = SingletonSpec(
        path: "guardian/policies", writes: ["PUT": .replace], arrayBody: true,
        validate: { body throws(APIErrorResponse) in
            for item in body.arrayValue ?? [] {
                guard let name = item.stringValue else {
                    throw .invalidBody("Payload validation error: 'Expected type string but found type \(APIRequest.typeName(item))'.")
                }
                if !mfaPolicies.contains(name) { throw .invalidBody("Payload validation error: 'No enum match for: \"\(name)\"'.") }
            }
        },
        initial: initial("guardian/policies", .array([])),
        scope: ScopeRule(resource: "mfa_policies"),
        snapshot: .section("guardian_policies")
    )
}
