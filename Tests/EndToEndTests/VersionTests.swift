import Foundation
import TenantCLI
import Testing

/// `tenantctl --version`: the release version and the commit a release binary was built from (scripts/release.sh
/// stamps it; a plain build says it is a development build).
@Suite struct VersionTests {
    @Test func aReleaseBuildNamesItsCommit() {
        let commit = "89dd225c1a2b3c4d5e6f708192a3b4c5d6e7f809"
        #expect(TenantctlVersion.describe(release: "1.2.3", commit: commit) == "1.2.3 (commit 89dd225c1a2b3c4d5e6f708192a3b4c5d6e7f809)")
        #expect(TenantctlVersion.describe(release: "1.2.3", commit: nil) == "1.2.3-dev (development build)")
    }

    @Test func theExecutablePrintsItsVersionLine() async throws {
        let result = try await CLIProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == TenantctlVersion.current + "\n")
        #expect(result.stdout.wholeMatch(of: /\d+\.\d+\.\d+(-dev \(development build\)| \(commit [0-9a-f]{40}\))\n/) != nil, "\(result.stdout)")
    }

    @Test func theReleaseScriptPackagesTheVersionTheBinaryPrints() throws {
        let process = Process()
        process.executableURL = CLIProcess.packageRoot.appendingPathComponent("scripts/release.sh")
        process.arguments = ["--print-version"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed == TenantctlVersion.release + "\n")
    }
}
