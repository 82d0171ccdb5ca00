import Crypto
import Foundation
import TenantConfig

/// Compares a plan file's steps with the plan the tenant's files make now, and digests steps. `apply` runs only
/// what the files say: a plan file is what a reviewer expects to happen, and whoever produced it (a pull request's
/// own workflow, say) may have edited a step, so apply plans again and refuses the file at its first difference.
public enum PlanComparison {
    /// `sha256:` over the steps as a plan file writes them (sorted keys), so the digest of a plan file's steps read
    /// back equals the one recorded when it was written.
    public static func digest(_ steps: [PlanStep]) -> String {
        let bytes = encode(steps)
        return "sha256:" + SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The first way `planFile` (the plan file's steps) differs from `files` (the steps the files make now), or
    /// nil when they are the same calls in the same order; then the digest the plan file records must describe them.
    public static func firstDifference(planFile: [PlanStep], recordedDigest: String, files: [PlanStep]) -> PlanDifference? {
        let planFile = asWritten(planFile), files = asWritten(files)
        for index in 0..<max(planFile.count, files.count) {
            let number = index + 1
            guard index < planFile.count else { return .removed(number: number, step: StepSummary(files[index])) }
            guard index < files.count else { return .added(number: number, step: StepSummary(planFile[index])) }
            let ours = planFile[index], theirs = files[index]
            guard ours != theirs else { continue }
            if !sameCall(ours, theirs) {
                // A step slipped in, one left out, or the same calls in another order: numbers shift, calls do not.
                if planFile.count == files.count + 1, zip(planFile[(index + 1)...], files[index...]).allSatisfy(sameCall) {
                    return .added(number: number, step: StepSummary(ours))
                }
                if files.count == planFile.count + 1, zip(planFile[index...], files[(index + 1)...]).allSatisfy(sameCall) {
                    return .removed(number: number, step: StepSummary(theirs))
                }
                if let elsewhere = files.firstIndex(where: { sameCall($0, ours) }) {
                    return .moved(number: number, step: StepSummary(ours), filesNumber: elsewhere + 1)
                }
            }
            return fieldDifference(number: number, ours, theirs)
        }
        let computed = digest(planFile)
        return recordedDigest == computed ? nil : .digest(recorded: recordedDigest, computed: computed)
    }

    /// Whether two steps send the same call for the same resource; numbers and the numbers they depend on are
    /// left out, as they shift when a step is added, removed or moved.
    static func sameCall(_ a: PlanStep, _ b: PlanStep) -> Bool {
        var a = a, b = b
        (a.number, a.dependsOn, b.number, b.dependsOn) = (0, [], 0, [])
        return a == b
    }

    /// Two steps at the same place: the first field that differs, the call's own fields first.
    static func fieldDifference(number: Int, _ ours: PlanStep, _ theirs: PlanStep) -> PlanDifference {
        let resource = theirs.resource.description
        if ours.method != theirs.method { return .method(number: number, resource: resource, planFile: ours.method, files: theirs.method) }
        if ours.path != theirs.path { return .path(number: number, resource: resource, planFile: ours.path, files: theirs.path) }
        if ours.body != theirs.body { return .body(number: number, resource: resource, at: firstDifference(ours.body, theirs.body) ?? "") }
        // Where apply fills in ids and secrets: an index that differs would send a value somewhere else.
        if ours.placeholders != theirs.placeholders { return .field(number: number, resource: resource, name: "placeholders") }
        let others: [(String, Bool)] = [
            ("resource", ours.resource == theirs.resource), ("action", ours.action == theirs.action),
            ("produces", ours.produces == theirs.produces), ("depends_on", ours.dependsOn == theirs.dependsOn),
            ("number", ours.number == theirs.number), ("changes", ours.changes == theirs.changes), ("notes", ours.notes == theirs.notes),
        ]
        return .field(number: number, resource: resource, name: others.first { !$0.1 }?.0 ?? "number")
    }

    /// The path (`options.customScripts.login`, `scopes[2]`) of the first place two bodies differ; "" for the whole.
    static func firstDifference(_ a: JSONValue?, _ b: JSONValue?, at path: String = "") -> String? {
        guard a != b else { return nil }
        switch (a, b) {
        case (.object(let x)?, .object(let y)?):
            for key in Set(x.keys).union(y.keys).sorted() {
                if let found = firstDifference(x[key], y[key], at: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
            return path
        case (.array(let x)?, .array(let y)?) where x.count == y.count:
            for (index, pair) in zip(x, y).enumerated() {
                if let found = firstDifference(pair.0, pair.1, at: "\(path)[\(index)]") { return found }
            }
            return path
        default:
            return path
        }
    }

    /// The steps exactly as a plan file holds them once read back (an explicit JSON null and an absent field read
    /// back alike), so a plan made now compares equal to the same plan written and read.
    static func asWritten(_ steps: [PlanStep]) -> [PlanStep] {
        steps.map(\.asWritten)
    }

    /// The steps as the plan file writes them, compact with sorted keys: the text `JSONEncoder` writes for them.
    static func encode(_ steps: [PlanStep]) -> Data {
        // Steps that cannot be encoded (a NaN in a body) get bytes no other call produces: their digest matches
        // nothing, so such a plan is refused rather than compared as empty.
        JSONValue.array(steps.map(\.writtenJSON)).compactEncoded() ?? Data("unencodable \(UUID().uuidString)".utf8)
    }
}

/// A step as a message names it: `POST /clients (clients/Evil)`.
public struct StepSummary: Equatable, Sendable, CustomStringConvertible {
    public var method: String
    public var path: String
    public var resource: String

    init(_ step: PlanStep) {
        method = step.method
        path = step.path
        resource = step.resource.description
    }

    public var description: String { "\(method) \(path) (\(resource))" }
}

/// The first way a plan file differs from the plan the files make now, named for the person reading the refusal.
/// Values are never quoted: a plan file is untrusted input, and a body holds what a reviewer reads in the diff.
public enum PlanDifference: Equatable, Sendable, CustomStringConvertible {
    /// The plan file has a step here that the files do not make.
    case added(number: Int, step: StepSummary)
    /// The files make this step; the plan file does not have it.
    case removed(number: Int, step: StepSummary)
    /// The plan file has this step here; the files make it at `filesNumber`.
    case moved(number: Int, step: StepSummary, filesNumber: Int)
    case method(number: Int, resource: String, planFile: String, files: String)
    case path(number: Int, resource: String, planFile: String, files: String)
    /// The body differs; `at` is the first field that does (empty: the whole body).
    case body(number: Int, resource: String, at: String)
    /// Another field of the step: placeholders, resource, action, produces, depends_on, number, changes or notes.
    case field(number: Int, resource: String, name: String)
    /// The steps are those the files make, but the digest recorded beside them describes others.
    case digest(recorded: String, computed: String)

    public var description: String {
        switch self {
        case .added(let number, let step):
            "step \(number) of the plan file, \(step), is not in the plan the files make (a step was added)"
        case .removed(let number, let step):
            "step \(number) of the plan the files make, \(step), is not in the plan file (a step was removed)"
        case .moved(let number, let step, let filesNumber):
            "step \(number) of the plan file, \(step), is step \(filesNumber) in the plan the files make (the order differs)"
        case .method(let number, let resource, let planFile, let files):
            "step \(number) (\(resource)): the method differs: \(planFile) in the plan file, \(files) from the files"
        case .path(let number, let resource, let planFile, let files):
            "step \(number) (\(resource)): the path differs: \(planFile) in the plan file, \(files) from the files"
        case .body(let number, let resource, let at):
            "step \(number) (\(resource)): the body differs \(at.isEmpty ? "as a whole" : "at `\(at)`")"
        case .field(let number, let resource, let name):
            "step \(number) (\(resource)): `\(name)` differs"
        case .digest(let recorded, let computed):
            "the steps are the ones the files make, but the plan file's steps_digest (\(recorded.prefix(19))…) is not theirs (\(computed.prefix(19))…): the file was edited after `tenantctl plan` wrote it"
        }
    }
}
