import APIJSON
import Foundation
import Testing

/// Applies under the emulator's fault injection (429, 500, 503, dropped connections, slow answers, writes that
/// landed but whose answer was lost): each ends converged or with a journal from which re-plan + apply converges,
/// and nothing is created twice. `scripts/soak-apply.py` runs many more (200 random plans, 20 kill -9).
@Suite(.serialized) struct FaultToleranceTests {
    let secret = ["LEGACY_API_CLIENT_SECRET": "fault-test-secret", "TENANTCTL_DIGEST_KEY": e2eDigestKey]

    @Test(arguments: [UInt64(1), 2, 3])
    func replanAndApplyConvergeUnderFaults(seed: UInt64) async throws {
        let fixture = try await EmulatorFixture.start { $0.faultRate = 0.25; $0.faultSeed = seed }
        defer { Task { await fixture.stop() } }
        _ = try fixture.copyTenant("tenants/acme-dev", as: "dev")
        var converged = false
        for _ in 0..<8 where !converged {
            let applied = try await fixture.run(["apply", "dev", "--auto-approve", "-q"], environment: secret)
            converged = applied.status == 0 && (applied.stdout.contains("Verified") || applied.stdout.contains("No changes."))
        }
        #expect(converged, "seed \(seed): re-plan + apply did not converge in 8 rounds")
        let state = try await fixture.snapshot()
        let identifiers = state["resource_servers"]?.arrayValue?.compactMap { $0["identifier"]?.stringValue } ?? []
        #expect(identifiers.sorted() == ["https://legacy-users.acme.example/api", "https://orders.acme.example/api"], "nothing created twice")
        #expect(try await fixture.statistics()["faults"]?.numberValue ?? 0 > 0, "the faults must actually have happened")
        #expect(!fixture.everythingWritten().contains("fault-test-secret"))
    }
}
