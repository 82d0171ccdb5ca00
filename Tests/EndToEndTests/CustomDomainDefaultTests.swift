import APIJSON
import Foundation
import Testing

/// The tenant's default custom domain through the real CLI: a verified domain the files flag `is_default` is made
/// the default with `PATCH /custom-domains/default`, then plans "No changes" and exports with the flag; a domain
/// not verified yet gets a note and no call.
@Suite struct CustomDomainDefaultTests {
    static let seed = #"""
    {"format_version": 1, "custom_domains": [
      {"custom_domain_id": "cd_ready0000000001", "domain": "login.example.com", "type": "auth0_managed_certs", "tls_policy": "recommended", "primary": false, "status": "ready", "is_default": false},
      {"custom_domain_id": "cd_pending00000001", "domain": "id.example.com", "type": "auth0_managed_certs", "tls_policy": "recommended", "primary": false, "status": "pending_verification", "is_default": false}
    ]}
    """#

    /// tenant.yaml declaring both domains, `defaultDomain` the default.
    static func files(defaultDomain: String) -> String {
        "customDomains:\n" + ["login.example.com", "id.example.com"].map { "  - domain: \($0)\n    type: auth0_managed_certs\n    is_default: \($0 == defaultDomain)\n" }.joined()
    }

    @Test func aVerifiedDomainBecomesTheDefaultAndAPendingOneWaits() async throws {
        let fixture = try await EmulatorFixture.start(seed: nil) { $0.seed = Data(Self.seed.utf8) }
        defer { Task { await fixture.stop() } }
        let folder = fixture.directory.appendingPathComponent("t")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "managed: [customDomains]\n".write(to: folder.appendingPathComponent("tenantctl.yaml"), atomically: true, encoding: .utf8)
        try Self.files(defaultDomain: "login.example.com").write(to: folder.appendingPathComponent("tenant.yaml"), atomically: true, encoding: .utf8)
        let environment = ["TENANTCTL_DIGEST_KEY": e2eDigestKey]

        let planned = try await fixture.run(["plan", "t", "--detailed-exitcode"], environment: environment)
        #expect(planned.status == 2, "\(planned.stdout)\(planned.stderr)")
        #expect(planned.stdout.contains("PATCH /custom-domains/default"), "\(planned.stdout)")
        #expect(planned.stdout.contains("is_default: false → true"), "\(planned.stdout)")
        #expect(!planned.stdout.contains("PATCH /custom-domains/cd_"), "the flag is never sent in a domain's body")

        let applied = try await fixture.run(["apply", "t", "--auto-approve"], environment: environment)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let defaults = (try await fixture.snapshot()["custom_domains"]?.arrayValue ?? []).filter { $0["is_default"] == .bool(true) }
        #expect(defaults.compactMap { $0["domain"]?.stringValue } == ["login.example.com"])

        // The pending domain flagged too: a note, no call, and the exit code of "No changes".
        try Self.files(defaultDomain: "id.example.com").write(to: folder.appendingPathComponent("tenant.yaml"), atomically: true, encoding: .utf8)
        let waiting = try await fixture.run(["plan", "t", "--detailed-exitcode"], environment: environment)
        #expect(waiting.status == 0, "\(waiting.stdout)\(waiting.stderr)")
        #expect(waiting.stdout.contains("No changes."), "\(waiting.stdout)")
        #expect(waiting.stdout.contains("`is_default` waits: it can be set once the custom domain's `status` is ready, and its `status` is pending_verification"), "\(waiting.stdout)")

        let exported = try await fixture.run(["export", "--tenant", "out", "-q"], environment: environment)
        #expect(exported.status == 0, "\(exported.stdout)\(exported.stderr)")
        let yaml = try String(contentsOf: fixture.directory.appendingPathComponent("out/tenant.yaml"), encoding: .utf8)
        #expect(yaml.contains("- domain: login.example.com\n  is_default: true\n") || yaml.contains("domain: login.example.com") && yaml.contains("is_default: true"), "\(yaml)")
    }
}
