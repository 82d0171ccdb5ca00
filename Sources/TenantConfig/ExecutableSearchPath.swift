import Foundation

/// Finds programs the way a shell does, for the features that run scripts under Node.js.
public enum ExecutableSearchPath {
    /// The first executable named `name` in the directories of `PATH`, or nil.
    public static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
