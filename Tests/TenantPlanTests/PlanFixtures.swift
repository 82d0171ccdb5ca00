import Foundation
import TenantConfig
@testable import TenantPlan

/// Small tenants and snapshots built in memory for planner tests.
enum PlanFixtures {
    static let domain = "acme-test.eu.auth0.com"

    static func tenant(_ yaml: String, files: [String: String] = [:], settings: String = "domain: acme-test.eu.auth0.com\n",
                       environment: [String: String] = [:]) -> TenantDefinition {
        var all = files
        all["tenant.yaml"] = yaml
        all["tenantctl.yaml"] = settings
        return TenantLoader(fileSystem: InMemoryFileSystem(root: "acme-test", textFiles: all), environment: environment).load("acme-test")
    }

    static func snapshot(_ sections: [SnapshotSection: JSONValue]) -> TenantSnapshot {
        var all: [SnapshotSection: JSONValue] = [:]
        for section in SnapshotSection.allCases { all[section] = section == .triggerBindings ? .object([:]) : (section == .tenantSettings ? .object([:]) : .array([])) }
        all[.emailProvider] = .null
        for (k, v) in sections { all[k] = v }
        return TenantSnapshot(domain: domain, exportedAt: "2026-11-22T00:00:00Z", sections: all)
    }

    static func object(_ json: String) -> JSONValue {
        // Test fixtures are literal JSON written in the tests; a typo is a test bug worth crashing on.
        try! JSONValue.parse(Data(json.utf8))
    }

    /// A digest key for tests (`TENANTCTL_DIGEST_KEY`), which `plan` sets unless the environment given has one.
    static let digestKey = "test-digest-key-0123456789abcdefghijklmnopqrstuv"

    static func plan(_ tenant: TenantDefinition, _ snapshot: TenantSnapshot, environment: [String: String] = [:]) throws -> Plan {
        try Planner(environment: environment.merging([DigestKey.variable: digestKey]) { given, _ in given }).plan(tenant, against: snapshot, liveSource: "snapshot test")
    }
}
