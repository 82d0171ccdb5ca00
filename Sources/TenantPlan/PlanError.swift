import TenantConfig

/// Why a plan could not be made. Every case says what to do.
public enum PlanError: Error, Equatable, CustomStringConvertible {
    case snapshotOfAnotherTenant(snapshotDomain: String, tenantDomain: String)
    case missingSection(String)
    case secretsNotSet([String])
    /// `TENANTCTL_DIGEST_KEY` is set but too short to key digests.
    case digestKeyTooShort(length: Int, minimum: Int)
    case unresolvedReference(ResourceAddress, String, String, location: SourceLocation?)
    case immutableField(ResourceAddress, field: String, reason: String, location: SourceLocation?)
    case unsupported(ResourceAddress, String, location: SourceLocation?)
    case ambiguousReference(ResourceAddress, String, String, candidates: [String], location: SourceLocation?)
    case dependencyCycle([String])
    case tooLarge(steps: Int, limit: Int)
    case digestFailed(ConfigurationDigest.Failure)

    public var description: String {
        switch self {
        case .snapshotOfAnotherTenant(let snapshot, let tenant):
            "the snapshot is of \(snapshot) but this tenant is \(tenant); export this tenant's state with `tenantctl export --snapshot`"
        case .missingSection(let section):
            "the snapshot has no `\(section)` section, so what lives on the tenant is unknown; re-export it with `tenantctl export --snapshot`"
        case .secretsNotSet(let names):
            "secrets not set in the environment: \(names.joined(separator: ", ")); export them (a CI secret store, or `export NAME=…`) and plan again"
                + (names.contains(DigestKey.variable) ? ". \(DigestKey.howToSet)" : "")
        case .digestKeyTooShort(let length, let minimum):
            "\(DigestKey.variable) has \(length) characters; a digest key needs at least \(minimum) random ones. \(DigestKey.howToSet)"
        case .unresolvedReference(let address, let name, let what, let location):
            "\(location.map { "\($0): " } ?? "")\(address) names the \(what) `\(name)`, which exists neither in the files nor on the tenant; declare it or fix the name"
        case .immutableField(let address, let field, let reason, let location):
            "\(location.map { "\($0): " } ?? "")\(address): `\(field)` cannot change on a live \(address.kind.noun): \(reason)"
        case .unsupported(let address, let why, let location):
            "\(location.map { "\($0): " } ?? "")\(address) cannot be planned: \(why)"
        case .ambiguousReference(let address, let name, let what, let candidates, let location):
            "\(location.map { "\($0): " } ?? "")\(address) names the \(what) of `\(name)`, " + (candidates.isEmpty
                ? "and there is none in the files or on the tenant; declare it or fix the name"
                : "which could be any of \(candidates.map { "`\($0)`" }.joined(separator: ", ")); name it whole (add the other fields of its key)")
        case .dependencyCycle(let steps):
            "the changes depend on each other in a cycle (\(steps.joined(separator: " → "))); split the change into two deploys"
        case .tooLarge(let steps, let limit):
            "the plan has \(steps) API calls; tenantctl refuses more than \(limit) in one plan (hours at the Management API's rate limit). Deploy in smaller steps, for example one resource type at a time with `managed` in tenantctl.yaml"
        case .digestFailed(let failure):
            failure.description
        }
    }
}
