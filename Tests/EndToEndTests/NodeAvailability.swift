import Testing
import TenantConfig

/// Whether `node` is on PATH, found as tenantctl finds it (the CLI runs with the test's PATH): tests of what needs
/// Node.js are skipped without it, with the reason shown.
enum NodeAvailability {
    static let isOnPath = ExecutableSearchPath.find("node") != nil
    static let whyAbsent: Comment = "node is not on PATH: test-scripts and script-node-syntax run Node.js (install it to run this)"
}
