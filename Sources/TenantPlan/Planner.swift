import Crypto
import Foundation
import TenantConfig

/// Turns desired state and live state into a `Plan`: diff per resource and field, one API call per step,
/// ordered by dependencies. Pure: no network; secrets are read from `environment` only to compute digests.
public struct Planner: Sendable {
    /// Plans with more calls than this are refused: at Auth0's non-production rate limit it is hours of calls.
    public static let maximumSteps = 10_000

    public var environment: [String: String]
    /// Plan without secrets that are not set (a preview that cannot be applied) instead of refusing.
    public var allowMissingSecrets: Bool

    public init(environment: [String: String], allowMissingSecrets: Bool = false) {
        self.environment = environment
        self.allowMissingSecrets = allowMissingSecrets
    }

    public func plan(_ tenant: TenantDefinition, against snapshot: TenantSnapshot, liveSource: String, liveEndpoint: String? = nil) throws(PlanError) -> Plan {
        if let domain = tenant.settings.domain, domain != snapshot.domain {
            throw .snapshotOfAnotherTenant(snapshotDomain: snapshot.domain, tenantDomain: domain)
        }
        let managed = tenant.settings.managed.intersection(tenant.declaredSections)
        let live = LiveState(snapshot: snapshot)
        for kind in managed.sorted(by: { $0.rawValue < $1.rawValue }) {
            for section in kind.type.snapshotSections where !live.sections.contains(section) { throw .missingSection(section.rawValue) }
        }
        let desired = DesiredState.resources(of: tenant).filter { managed.contains($0.address.kind) }
        // `exclude:` and `ignore_fields:` narrow what is planned (PlanScope); the digest stays the files'.
        let scope = PlanScope(tenant.settings).apply(to: desired, of: tenant, live: live, managed: managed)
        let digestKey = try DigestKey.from(environment: environment)
        // Secret fields written in clear stand for themselves, under names that never show their values.
        let literals = DesiredState.literalSecrets(of: tenant)
        let (secrets, missing) = try resolveSecrets(in: scope.desired, literals: literals, digestKey: digestKey)
        if let digestKey { Self.prepareV1Digests(scope.desired, live: live, secrets: secrets, missing: Set(missing), key: digestKey) }
        // Compared with the live values of secret keywords masked (see `maskingSecretValues`); a literal of a secret
        // field stands only there, and its value may well be written in clear elsewhere (an API's identifier).
        let compared = LiveState(snapshot: snapshot.maskingSecretValues(secrets.filter { literals[$0.key] == nil }, withinText: Self.secretsWithinText(scope.desired)))
        var builder = StepBuilder(tenant: scope.tenant, live: compared, desired: scope.desired, secrets: secrets, missingSecrets: Set(missing), domain: snapshot.domain)
        builder.digestKey = digestKey
        for resource in scope.desired { try builder.plan(resource) }
        builder.planDeletions(managed: managed)
        guard builder.steps.count <= Self.maximumSteps else { throw .tooLarge(steps: builder.steps.count, limit: Self.maximumSteps) }
        let steps = try Self.assemble(builder.steps, secretNames: Set(secrets.keys).union(missing))
        let summary = PlanSummary(
            add: steps.count { $0.action == .create },
            change: Set(steps.filter { $0.action == .update || $0.action == .deploy }.map(\.resource)).subtracting(steps.filter { $0.action == .create }.map(\.resource)).count,
            destroy: steps.count { $0.action == .delete })
        return Plan(
            formatVersion: Plan.formatVersion, tenant: tenant.name, directory: tenant.directory, domain: snapshot.domain, liveSource: liveSource, liveEndpoint: liveEndpoint,
            managedKinds: managed.sorted { $0.rawValue < $1.rawValue }, liveReadAt: snapshot.exportedAt,
            desiredDigest: Self.digest(desired), stepsDigest: PlanComparison.digest(steps), fingerprints: Self.fingerprints(live, managed: managed),
            secrets: digestKey.map { key in
                secrets.keys.sorted().map { SecretDigest(name: $0, digest: ConfigurationDigest.secretDigest(name: $0, value: secrets[$0]!, key: key, domain: snapshot.domain)) }
            } ?? [],
            unresolvedSecrets: missing, steps: steps, kept: builder.kept.sorted { $0.resource < $1.resource }, summary: summary,
            notes: (Self.uncomparable(scope.desired, compared) + scope.notes + builder.notes).nilIfEmpty, excluded: scope.excluded.nilIfEmpty, warnings: scope.warnings.nilIfEmpty)
    }

    /// Write-only secrets the files set on a resource that exists: the API never returns them, so a change of their
    /// value alone cannot be seen. Said once per resource, never a change.
    static func uncomparable(_ desired: [DesiredResource], _ live: LiveState) -> [ResourceNote] {
        desired.compactMap { resource in
            let type = resource.address.kind.type
            guard live[resource.address] != nil else { return nil }
            let fields = type.secretFields.filter { $0.onRead == .writeOnly }.flatMap { secret -> [String] in
                var found: [String] = []
                _ = secret.pattern.rewrite(.object(resource.payload)) { (path: [String], value: JSONValue) in
                    if !value.isNull { found.append(path.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")) }
                    return value
                }
                return found
            }
            guard !fields.isEmpty else { return nil }
            let list = fields.sorted().map { "`\($0)`" }.joined(separator: ", ")
            return ResourceNote(resource: resource.address, note: "\(list) \(fields.count == 1 ? "is" : "are") write-only: the Management API never returns \(fields.count == 1 ? "it" : "them"), so tenantctl cannot tell whether \(fields.count == 1 ? "it" : "they") changed. \(fields.count == 1 ? "It is" : "They are") sent whenever the \(type.noun) is created or another of its fields changes.")
        }
    }

    /// The value of every secret keyword the desired resources use; all must be set, and so must the digest key
    /// when there is a secret or a connection's configuration to digest (it is then listed among the missing).
    private func resolveSecrets(in desired: [DesiredResource], literals: [String: String], digestKey: DigestKey?) throws(PlanError) -> (values: [String: String], missing: [String]) {
        let environment = environment.merging(literals) { set, _ in set }
        var names: Set<String> = []
        func collect(_ value: JSONValue) {
            switch value {
            case .string(let s): if SecretReference.contains(s) { names.formUnion(SecretReference.names(in: s)) }
            case .array(let items): items.forEach(collect)
            case .object(let members): members.values.forEach(collect)
            default: break
            }
        }
        for resource in desired { collect(.object(resource.payload)) }
        var missing = names.filter { environment[$0] == nil }
        if digestKey == nil, !names.isEmpty || desired.contains(where: Self.hasConfiguration) { missing.insert(DigestKey.variable) }
        guard missing.isEmpty || allowMissingSecrets else { throw .secretsNotSet(missing.sorted()) }
        return (Dictionary(uniqueKeysWithValues: names.filter { environment[$0] != nil }.map { ($0, environment[$0]!) }), missing.sorted())
    }

    /// Whether a desired resource is a connection with an `options.configuration`, whose digest needs the key.
    static func hasConfiguration(_ resource: DesiredResource) -> Bool {
        resource.address.kind.type.planning == .connection && resource.payload["options"]?["configuration"] != nil
    }

    /// Derives, over every core, the old (v1) digests the live connections still carry, before the steps are built
    /// one connection at a time.
    static func prepareV1Digests(_ desired: [DesiredResource], live: LiveState, secrets: [String: String], missing: Set<String>, key: DigestKey) {
        var comparisons: [(stored: String, configuration: [String: String])] = []
        for resource in desired where hasConfiguration(resource) {
            guard let configuration = resource.payload["options"]?["configuration"]?.objectValue,
                  let stored = live[resource.address]?.object["metadata"]?[ConfigurationDigest.metadataKey]?.stringValue, stored.hasPrefix("v1:"),
                  !configuration.values.contains(where: { SecretReference.names(in: $0.stringValue ?? "").contains(where: missing.contains) })
            else { continue }
            comparisons.append((stored, ConfigurationDigest.resolved(configuration, secrets: secrets)))
        }
        ConfigurationDigest.prepareV1(comparisons)
    }

    /// The ordered steps as the plan holds them: numbered, their dependencies by number, and the index of where
    /// their placeholders sit (ids this plan creates, secrets it knows), recorded once here for apply.
    static func assemble(_ pending: [PendingStep], secretNames: Set<String>) throws(PlanError) -> [PlanStep] {
        let ordered = try StepOrdering.order(pending)
        let produced = Set(pending.compactMap { $0.produces?.address })
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(ordered.count)
        for (index, step) in ordered.enumerated() { numbers[step.key] = index + 1 }
        return ordered.enumerated().map { index, step in
            let placeholders = StepPlaceholder.index(path: step.path, body: step.body, refs: produced, secrets: secretNames)
            return PlanStep(number: index + 1, action: step.action, resource: step.resource, method: step.method, path: step.path, body: step.body,
                            produces: step.produces, changes: step.changes, notes: step.notes,
                            dependsOn: step.dependsOn.compactMap { numbers[$0] }.sorted(), subResource: step.subResource,
                            placeholders: placeholders.isEmpty ? nil : placeholders)
        }
    }

    /// The digest a plan of this tenant records as `desired_digest`.
    public func desiredDigest(of tenant: TenantDefinition) -> String {
        let managed = tenant.settings.managed.intersection(tenant.declaredSections)
        return Self.digest(DesiredState.resources(of: tenant).filter { managed.contains($0.address.kind) })
    }

    static func digest(_ desired: [DesiredResource]) -> String {
        var hasher = SHA256()
        for resource in desired.sorted(by: { $0.address < $1.address }) {
            hasher.update(data: Data(resource.address.description.utf8))
            hasher.update(data: JSONValue.object(resource.payload).encoded())
            hasher.update(data: Data((resource.enabledClients ?? []).joined(separator: "\u{1}").utf8))
            hasher.update(data: Data(resource.bindings.map { "\($0.action)\u{1}\($0.displayName)" }.joined(separator: "\u{2}").utf8))
            // Other sub-resources (the digest of the types that existed before them is unchanged).
            for (field, items) in resource.subItems.sorted(by: { $0.key < $1.key }) where field != "enabled_clients" {
                hasher.update(data: Data(field.utf8))
                hasher.update(data: JSONValue.array(items).encoded())
            }
        }
        return "sha256:" + hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// A digest of every live resource of a managed type, without the values that change on every read.
    public static func fingerprints(_ live: LiveState, managed: Set<ResourceKind>) -> [String: String] {
        var result: [String: String] = [:]
        for resource in live.resources.values where managed.contains(resource.address.kind) {
            result[resource.address.description] = fingerprint(resource.object)
        }
        return result
    }

    public static func fingerprint(_ object: [String: JSONValue]) -> String {
        var object = object
        object["client_secret"] = nil
        object["updated_at"] = nil
        if var options = object["options"]?.objectValue, let configuration = options["configuration"]?.objectValue {
            options["configuration"] = .object(configuration.mapValues { _ in .string("<ciphertext>") })
            object["options"] = .object(options)
        }
        let digest = SHA256.hash(data: JSONNormalizer.normalize(.object(object)).encoded())
        return "sha256:" + digest.map { String(format: "%02x", $0) }.joined()
    }
}

extension Array {
    /// nil for an empty array (a plan file leaves out what it has nothing to say about).
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
