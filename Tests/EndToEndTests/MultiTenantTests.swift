import APIJSON
import Foundation
import Testing

/// Several tenants side by side under tenants/: listing them for a CI matrix, planning and applying them all.
@Suite struct MultiTenantTests {
    @Test func tenantsAreListedForACIMatrix() async throws {
        let result = try await CLIProcess.run(["tenants", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let list = try JSONValue.parse(Data(result.stdout.utf8)).arrayValue ?? []
        #expect(list.compactMap { $0["name"]?.stringValue } == ["acme-dev", "acme-legacy"])
        #expect(list.first?["domain"] == .string("acme-dev.eu.auth0.com"))
        #expect(list.first?["secrets"] == .array([.string("LEGACY_API_CLIENT_SECRET")]))
    }

    @Test func planAllPlansEveryTenantWithACombinedSummaryAndExitCode() async throws {
        let result = try await CLIProcess.run(["plan", "--all", "--detailed-exitcode", "-q"])
        #expect(result.status == 2, "changes in at least one tenant: \(result.stderr)")
        #expect(result.stdout.contains("━━ acme-dev (tenants/acme-dev) ━━"))
        #expect(result.stdout.contains("━━ acme-legacy (tenants/acme-legacy) ━━"))
        #expect(result.stdout.contains("Summary:\n  acme-dev: changes\n  acme-legacy: changes"))
        let markdown = try await CLIProcess.run(["plan", "--all", "--format", "markdown", "-q"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("## acme-dev") && markdown.stdout.contains("| `acme-legacy` | changes |"))
        let json = try await CLIProcess.run(["plan", "--all", "--format", "json"])
        let plans = try JSONValue.parse(Data(json.stdout.utf8))["tenants"]?.objectValue ?? [:]
        #expect(plans.keys.sorted() == ["acme-dev", "acme-legacy"])
        #expect(plans["acme-dev"]?["summary"]?["add"] == .number(1))
    }

    @Test func planAllRefusesPerTenantOptions() async throws {
        let result = try await CLIProcess.run(["plan", "--all", "--out", "plan.json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--out-directory"))
    }

    @Test func applyAllAppliesEachTenantToItsOwnTenant() async throws {
        let dev = try await EmulatorFixture.start()
        defer { Task { await dev.stop() } }
        let legacy = try await EmulatorFixture.start(seed: "tenants/acme-legacy/snapshot.json", domain: "acme-legacy.us.auth0.com")
        defer { Task { await legacy.stop() } }
        // Each tenant's settings name its own emulator; AUTH0_DOMAIN is not set.
        for (name, fixture) in [("acme-dev", dev), ("acme-legacy", legacy)] {
            let folder = try dev.copyTenant("tenants/\(name)", as: "tenants/\(name)")
            let settings = folder.appendingPathComponent("tenantctl.yaml")
            let text = try String(contentsOf: settings, encoding: .utf8)
            let domainLine = text.split(separator: "\n").first { $0.hasPrefix("domain:") }!
            try text.replacingOccurrences(of: String(domainLine), with: "domain: \(fixture.emulator.baseURL)").write(to: settings, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("snapshot.json"))
        }
        let environment = ["AUTH0_CLIENT_ID": "emulator", "AUTH0_CLIENT_SECRET": "emulator-secret",
                           "LEGACY_API_CLIENT_SECRET": "all-dev-secret", "ACCOUNTS_API_KEY": "all-legacy-key", "TENANTCTL_DIGEST_KEY": e2eDigestKey]
        let refused = try await CLIProcess.run(["apply", "--all"], in: dev.directory, environment: environment)
        #expect(refused.status != 0 && refused.stderr.contains("--auto-approve"))
        let applied = try await CLIProcess.run(["apply", "--all", "--auto-approve", "-q"], in: dev.directory, environment: environment)
        #expect(applied.status == 0, "\(applied.stdout)\n\(applied.stderr)")
        #expect(applied.stdout.contains("Summary:\n  acme-dev: applied\n  acme-legacy: applied"))
        #expect(try await dev.writes() > 0)
        #expect(try await legacy.writes() > 0)
        let again = try await CLIProcess.run(["plan", "--all", "--detailed-exitcode", "-q"], in: dev.directory, environment: environment)
        #expect(again.status == 0, "\(again.stdout)")
    }

    @Test func stagesSharingABaseAreListedValidatedAndAppliedWithTheirOwnKeywords() async throws {
        let listed = try await CLIProcess.run(["tenants", "--root", "examples/shared-base", "--format", "json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let names = try JSONValue.parse(Data(listed.stdout.utf8)).arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["prod", "staging"], "the base (_base) is not a tenant of its own")
        let validated = try await CLIProcess.run(["validate", "examples/shared-base/staging", "examples/shared-base/prod"])
        #expect(validated.status == 0, "\(validated.stdout)")

        let fixture = try await EmulatorFixture.start(seed: nil, domain: "acme-staging.eu.auth0.com")
        defer { Task { await fixture.stop() } }
        _ = try fixture.copyTenant("examples/shared-base", as: "stages")
        let secret = ["LEGACY_API_KEY": "staging-key", "TENANTCTL_DIGEST_KEY": e2eDigestKey]
        let applied = try await fixture.run(["apply", "stages/staging", "--auto-approve", "-q"], environment: secret)
        #expect(applied.status == 0, "\(applied.stdout)\n\(applied.stderr)")
        let settings = try await fixture.snapshot()["tenant_settings"]
        #expect(settings?["friendly_name"] == .string("Acme (staging)"), "\(String(describing: settings))")
        let again = try await fixture.run(["plan", "stages/staging", "--detailed-exitcode", "-q"], environment: secret)
        #expect(again.status == 0, "\(again.stdout)")
    }
}
