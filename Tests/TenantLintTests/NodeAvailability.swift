import Testing
import TenantConfig

/// Whether `node` is on PATH, found as tenantctl finds it: tests that need Node's parser are skipped without it,
/// with the reason shown.
enum NodeAvailability {
    static let isOnPath = ExecutableSearchPath.find("node") != nil
    static let whyAbsent: Comment = "node is not on PATH: script-node-syntax uses Node's own parser (install Node.js to run this)"
}
