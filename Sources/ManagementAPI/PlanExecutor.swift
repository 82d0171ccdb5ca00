import APIJSON
import Foundation
import TenantConfig
import TenantPlan

/// Executes a reviewed plan: refuses a stale one, then sends its steps one at a time, resolving the ids earlier
/// steps created and the secrets from the environment, journaling every outcome before the next step.
public struct PlanExecutor: Sendable {
    /// What happened to one step.
    public struct StepOutcome: Sendable, Equatable {
        public var number: Int
        public var succeeded: Bool
        public var createdID: String?
        public var message: String?
    }

    /// Why an apply did not run, or stopped.
    public enum Failure: Error, CustomStringConvertible {
        case previewPlan([String])
        case secretChanged([String])
        /// The plan records secret digests and the environment has no (valid) digest key to check them with.
        case digestKey(String)
        /// A digest key other than the one the plan was made with.
        case otherDigestKey
        /// A placeholder the plan's index names has no value: an id no earlier step produced, a secret not set.
        case unresolvedPlaceholder(step: Int, name: String)
        case stale([String])
        case wrongTenant(planned: String, connected: String)
        case stepFailed(number: Int, error: ManagementAPIError, outcomes: [StepOutcome])

        public var description: String {
            switch self {
            case .previewPlan(let names):
                "this plan is a preview: it was made without the secrets \(names.joined(separator: ", ")); set them and plan again"
            case .secretChanged(let names):
                "the environment's value of \(names.joined(separator: ", ")) differs from the one the plan was reviewed with; plan again"
            case .digestKey(let problem):
                "\(problem); apply checks the plan's secret digests with it"
            case .otherDigestKey:
                "\(DigestKey.variable) is not the digest key the plan was made with; set the tenant's key (or plan again with this one)"
            case .unresolvedPlaceholder(let step, let name):
                "step \(step) needs \(name), which has no value (no earlier step produced it, or it is not set); nothing was sent for it: re-plan and apply again"
            case .stale(let addresses):
                "the tenant changed since the plan was made (\(addresses.prefix(10).joined(separator: ", "))\(addresses.count > 10 ? ", and \(addresses.count - 10) more" : "")); plan again and review the new plan"
            case .wrongTenant(let planned, let connected):
                "the plan is for \(planned) but the credentials reach \(connected)"
            case .stepFailed(let number, let error, _):
                "step \(number) failed: \(error)"
            }
        }
    }

    public let client: ManagementClient
    public let environment: [String: String]
    /// Told before each step is sent (number, method, path) for progress displays.
    public var willSend: @Sendable (PlanStep, Int) -> Void = { _, _ in }

    public init(client: ManagementClient, environment: [String: String]) {
        self.client = client
        self.environment = environment
    }

    /// Checks that the plan still describes the tenant: secrets as reviewed, and every resource it read unchanged.
    /// Reads the tenant unless `read` is given: the live state the plan was just made from, when nothing (no person at
    /// a prompt) stood between that read and now. Returns the live state it compared (saved by the caller as the
    /// pre-apply snapshot).
    public func checkFreshness(of plan: Plan, domain: String, read: TenantSnapshot? = nil) async throws -> TenantSnapshot {
        try checkSecrets(of: plan)
        let live: TenantSnapshot
        if let read { live = read } else { live = try await LiveTenantReader(client: client).read(domain: plan.domain) }
        let kinds = plan.managedKinds.map(Set.init) ?? Set(plan.fingerprints.keys.compactMap { $0.split(separator: "/").first.flatMap { ResourceKind(rawValue: String($0)) } }
                        + plan.steps.map(\.resource.kind))
        let now = Planner.fingerprints(TenantPlan.LiveState(snapshot: live), managed: kinds)
        let drifted = Set(plan.fingerprints.keys).union(now.keys).filter { plan.fingerprints[$0] != now[$0] }.sorted()
        guard drifted.isEmpty else { throw Failure.stale(drifted) }
        return live
    }

    /// The environment holds the secrets the plan was reviewed with (by their digests) and the key to tell.
    func checkSecrets(of plan: Plan) throws {
        guard plan.unresolvedSecrets.isEmpty else { throw Failure.previewPlan(plan.unresolvedSecrets) }
        guard !plan.secrets.isEmpty else { return }
        let key: DigestKey
        do {
            guard let found = try DigestKey.from(environment: environment) else { throw Failure.digestKey("\(DigestKey.variable) is not set") }
            key = found
        } catch let error as PlanError {
            throw Failure.digestKey("\(error)")
        }
        guard plan.secrets.allSatisfy({ $0.digest.hasPrefix("v2:\(key.id):") }) else { throw Failure.otherDigestKey }
        let changed = plan.secrets.filter { secret in
            guard let value = environment[secret.name] else { return true }
            return ConfigurationDigest.secretDigest(name: secret.name, value: value, key: key, domain: plan.domain) != secret.digest
        }.map(\.name)
        guard changed.isEmpty else { throw Failure.secretChanged(changed) }
    }

    /// Sends the steps in order. Stops at the first failure, after journaling it.
    public func execute(_ plan: Plan, journal: ApplyJournal) async throws -> [StepOutcome] {
        var created: [String: String] = [:]
        var outcomes: [StepOutcome] = []
        try journal.record(["event": .string("start"), "tenant": .string(plan.tenant), "domain": .string(plan.domain),
                            "steps": .number(Double(plan.steps.count)), "desired_digest": .string(plan.desiredDigest),
                            "steps_digest": .string(plan.stepsDigest)])
        for step in plan.steps {
            willSend(step, plan.steps.count)
            let call: (path: String, body: JSONValue?)
            do { call = try resolvedCall(step, created: created) } catch {
                try journal.record(["event": .string("failed"), "step": .number(Double(step.number)), "error": .string("\(error)")])
                throw error
            }
            try journal.record(["event": .string("send"), "step": .number(Double(step.number)), "method": .string(step.method),
                                "path": .string(call.path)])
            do {
                let id = try await send(step, path: call.path, body: call.body)
                if let produces = step.produces, let id { created[produces.address] = id }
                var entry: [String: JSONValue] = ["event": .string("done"), "step": .number(Double(step.number))]
                if let id, step.produces != nil { entry["created_id"] = .string(id); entry["resource"] = .string(step.resource.description) }
                try journal.record(entry)
                outcomes.append(StepOutcome(number: step.number, succeeded: true, createdID: step.produces != nil ? id : nil))
            } catch let error as ManagementAPIError {
                try journal.record(["event": .string("failed"), "step": .number(Double(step.number)), "error": .string(error.description)])
                outcomes.append(StepOutcome(number: step.number, succeeded: false, message: error.description))
                throw Failure.stepFailed(number: step.number, error: error, outcomes: outcomes)
            }
        }
        try journal.record(["event": .string("finished"), "steps": .number(Double(outcomes.count))])
        return outcomes
    }

    /// One step, its placeholders filled in; a write whose outcome is unknown is resolved by reading, never by
    /// repeating blindly.
    private func send(_ step: PlanStep, path: String, body: JSONValue?) async throws(ManagementAPIError) -> String? {
        let request = APIRequest(step.method, path, body: body, isIdempotent: step.method != "POST" || step.action == .deploy)
        do {
            let response = try await client.send(request)
            return step.produces.flatMap { response.body?[$0.field]?.stringValue }
        } catch .outcomeUnknown(let what) {
            if let landed = try await landed(step, path: path, body: body) { return landed.id }
            // It did not land: sending it again cannot create a duplicate.
            do {
                let response = try await client.send(APIRequest(step.method, path, body: body, isIdempotent: false))
                return step.produces.flatMap { response.body?[$0.field]?.stringValue }
            } catch .outcomeUnknown {
                if let landed = try await landed(step, path: path, body: body) { return landed.id }
                throw .outcomeUnknown(what)
            }
        }
    }

    /// A POST that did land, found by reading: the id it created, if it creates one.
    struct Landed { var id: String? }

    /// Looks for what a POST whose answer was lost made: the resource by its natural key, a singleton by reading
    /// it, a sub-resource's items in its list. Nil when it did not land (or the step is not a POST).
    private func landed(_ step: PlanStep, path: String, body: JSONValue?) async throws(ManagementAPIError) -> Landed? {
        guard step.method == "POST", step.action != .deploy else { return nil }
        let type = step.resource.kind.type
        if let field = step.subResource, let sub = type.subResources.first(where: { $0.field == field }) {
            return try await landedItems(sub, path: path, body: body) ? Landed(id: nil) : nil
        }
        if let field = step.subResource, type.parts.contains(where: { $0.pattern == field && $0.lifecycle.createMethod == step.method }) {
            return try await landedPart(at: path) ? Landed(id: nil) : nil
        }
        guard step.action == .create else { return nil }
        switch type.api.listing {
        case .singleton:
            do {
                _ = try await client.send(APIRequest("GET", path))
                return Landed(id: nil)
            } catch .http(let status, _, _, _) where status == 404 {
                return nil
            }
        case .paged, .checkpoint, .plain, .unpaged:
            let items = try await client.list(String(type.api.path.dropFirst()), type.api.listing)
            // A registration sends no key field: what it sent (the document's URL) is what the resource is found by.
            let fields = type.lifecycle.registration.flatMap { body?[$0.field] != nil ? [$0.field] : nil } ?? type.keyFields
            let match = items.first { item in fields.allSatisfy { item[$0] == body?[$0] } }
            return match.map { item in Landed(id: step.produces.flatMap { item[$0.field]?.stringValue }) }
        case .single(let itemPath):
            // At most one (the default theme), read at its own path: 404 while there is none.
            do {
                guard let item = try await client.send(APIRequest("GET", String(itemPath.dropFirst()))).body,
                      type.keyFields.allSatisfy({ item[$0] == body?[$0] }) else { return nil }
                return Landed(id: step.produces.flatMap { item[$0.field]?.stringValue })
            } catch .http(let status, _, _, _) where status == 404 {
                return nil
            }
        case .keyed:
            // Created by a POST to the collection, read at its own path (an email template): there, or not.
            let key = ResourceType.joinKey(type.keyFields.compactMap { body?[$0]?.stringValue })
            do {
                let object = try await client.send(APIRequest("GET", String(type.api.itemPath(key, keyFields: type.keyFields).dropFirst()))).body
                return Landed(id: step.produces.flatMap { object?[$0.field]?.stringValue } ?? key)
            } catch .http(let status, _, _, _) where status == 404 {
                return nil
            }
        case .perName, .parts, .pages:
            // Written in place (PUT or PATCH at their own path): sending again cannot duplicate anything.
            return nil
        }
    }

    /// Whether every item a sub-resource POST sent is now in the sub-resource's list.
    private func landedItems(_ sub: SubResource, path: String, body: JSONValue?) async throws(ManagementAPIError) -> Bool {
        let sent: [JSONValue] = switch sub.write {
        case .addRemoveLists(let wrapper): body?[wrapper]?.arrayValue ?? []
        case .associate(let bodyField): [.object([sub.itemKey[0]: body?[bodyField] ?? .null])]
        case .perItem, .toggle: body.map { [$0] } ?? []
        }
        let items = try await client.list(String(path.dropFirst()), sub.listing)
        return sent.allSatisfy { wanted in items.contains { item in sub.itemKey.allSatisfy { item[$0] == wanted[$0] } } }
    }

    /// The step's path and body with the ids earlier steps created and the secrets' values filled in, exactly
    /// where its placeholder index says; every other string is sent as written.
    func resolvedCall(_ step: PlanStep, created: [String: String]) throws -> (path: String, body: JSONValue?) {
        var path = step.path, body = step.body
        for placeholder in step.placeholders ?? [] {
            let fill = { (text: String) throws -> String in try self.fill(text, placeholder, step: step.number, created: created) }
            if placeholder.at == StepPlaceholder.pathLocation {
                guard placeholder.secrets == nil else { throw Failure.unresolvedPlaceholder(step: step.number, name: "a secret in its path") }
                path = try fill(path)
            } else {
                guard let current = body, let replaced = try JSONPointer.replacingString(at: placeholder.at, in: current, fill) else {
                    throw Failure.unresolvedPlaceholder(step: step.number, name: "the body's \(placeholder.at)")
                }
                body = replaced
            }
        }
        return (path, body)
    }

    /// The text with each placeholder the index names replaced, in one pass over the text as planned (a value
    /// filled in is never searched again); any other `{{…}}` stays as written.
    private func fill(_ text: String, _ placeholder: StepPlaceholder, step: Int, created: [String: String]) throws -> String {
        let refs = Set(placeholder.refs ?? []), secrets = Set(placeholder.secrets ?? [])
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let inner = rest[open.upperBound..<close.lowerBound]
            result += rest[..<open.lowerBound]
            if inner.hasPrefix("ref:"), refs.contains(String(inner.dropFirst(4))) {
                let address = String(inner.dropFirst(4))
                guard let id = created[address] else { throw Failure.unresolvedPlaceholder(step: step, name: "the id of \(address)") }
                result += id
            } else if inner.hasPrefix("secret:"), secrets.contains(String(inner.dropFirst(7))) {
                let name = String(inner.dropFirst(7))
                guard let value = environment[name] else { throw Failure.unresolvedPlaceholder(step: step, name: name) }
                result += value
            } else {
                result += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
