import APIJSON
import Foundation
import ManagementAPI
import TenantConfig
import TenantPlan

/// Plans for the executor's tests, built the way apply reads them: from plan-file JSON.
enum TestPlan {
    /// One step as the plan file spells it. `placeholders` is its index as the plan file writes it; nil lets
    /// `make` index every placeholder of the step, as the planner does.
    static func step(_ number: Int, _ action: String, _ kind: String, _ key: String, _ method: String, _ path: String,
                     body: JSONValue? = nil, produces field: String? = nil, placeholders: [StepPlaceholder]? = nil) -> JSONValue {
        var step: [String: JSONValue] = [
            "number": .number(Double(number)), "action": .string(action), "resource": .object(["kind": .string(kind), "key": .string(key)]),
            "method": .string(method), "path": .string(path), "changes": .array([]), "notes": .array([]), "depends_on": .array([]),
        ]
        if let body { step["body"] = body }
        if let field { step["produces"] = .object(["address": .string("\(kind)/\(key)"), "field": .string(field)]) }
        if let placeholders { step["placeholders"] = encoded(placeholders) }
        return .object(step)
    }

    static func make(_ steps: [JSONValue], fingerprints: [String: String] = [:], managed: [String]? = nil,
                     secrets: [(name: String, digest: String)] = [], unresolvedSecrets: [String] = []) throws -> Plan {
        let produced = Set(steps.compactMap { $0["produces"]?["address"]?.stringValue })
        let indexed: [JSONValue] = steps.map { step in
            guard step["placeholders"] == nil, var object = step.objectValue else { return step }
            let index = StepPlaceholder.index(path: step["path"]?.stringValue ?? "", body: step["body"], refs: produced, secrets: secretNames(in: step["body"]))
            if !index.isEmpty { object["placeholders"] = encoded(index) }
            return .object(object)
        }
        var plan: [String: JSONValue] = [
            "format_version": .number(Double(Plan.formatVersion)), "tenant": .string("acme-dev"), "directory": .string("tenants/acme-dev"),
            "domain": .string("acme-dev.eu.auth0.com"), "live_source": .string("live"), "live_read_at": .string("2026-11-20T09:30:00Z"),
            "desired_digest": .string("sha256:desired"), "steps_digest": .string("sha256:steps"), "fingerprints": .object(fingerprints.mapValues(JSONValue.string)),
            "secrets": .array(secrets.map { .object(["name": .string($0.name), "digest": .string($0.digest)]) }),
            "unresolved_secrets": .array(unresolvedSecrets.map(JSONValue.string)), "steps": .array(indexed), "kept": .array([]),
            "summary": .object(["add": .number(0), "change": .number(0), "destroy": .number(0)]),
        ]
        if let managed { plan["managed"] = .array(managed.map(JSONValue.string)) }
        return try PlanFile.decode(JSONValue.object(plan).encoded())
    }
}

extension TestPlan {
    /// Every `{{secret:NAME}}` name in a body (the planner knows them as the secret keywords it resolved).
    static func secretNames(in value: JSONValue?) -> Set<String> {
        switch value {
        case .string(let text)?:
            var names: Set<String> = []
            var rest = Substring(text)
            while let open = rest.range(of: "{{secret:"), let close = rest[open.upperBound...].range(of: "}}") {
                names.insert(String(rest[open.upperBound..<close.lowerBound]))
                rest = rest[close.upperBound...]
            }
            return names
        case .array(let items)?: return items.reduce(into: []) { $0.formUnion(secretNames(in: $1)) }
        case .object(let members)?: return members.values.reduce(into: []) { $0.formUnion(secretNames(in: $1)) }
        default: return []
        }
    }

    static func encoded(_ placeholders: [StepPlaceholder]) -> JSONValue {
        // Test data: encoding these plain values cannot fail.
        try! JSONValue.parse(JSONEncoder().encode(placeholders))
    }
}

/// A journal in a fresh folder, and its lines read back.
struct TestJournal {
    let directory: URL
    let journal: ApplyJournal

    init() throws {
        directory = TestFiles.temporaryDirectory()
        journal = try ApplyJournal(directory: directory.path, tenant: "acme-dev") { _, _ in }
    }

    /// The raw text of the journal file.
    var text: String { (try? String(contentsOfFile: journal.path, encoding: .utf8)) ?? "" }

    /// Every line as JSON, without its `at` time stamp (checked to be there).
    var entries: [JSONValue] {
        text.split(separator: "\n").map { line in
            guard var object = (try? JSONValue.parse(Data(line.utf8)))?.objectValue else { return .string("not JSON: \(line)") }
            guard object.removeValue(forKey: "at")?.stringValue.flatMap(ISO8601DateFormatter().date(from:)) != nil else { return .string("no time: \(line)") }
            return .object(object)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
