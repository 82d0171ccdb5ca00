/// The version `tenantctl --version` prints: the release version and the commit it was built from.
public enum TenantctlVersion {
    /// The version the next release from this source carries (scripts/release.sh reads it from this line).
    public static let release = "0.1.0"

    /// `0.1.0 (commit <40 hex digits>)` for a binary from scripts/release.sh; `0.1.0-dev (development build)` for
    /// `swift build`, which records no commit.
    public static let current = describe(release: release, commit: ReleaseStamp.commit)

    /// The version line for a release version and the commit stamped into the build, if any.
    public static func describe(release: String, commit: String?) -> String {
        guard let commit else { return "\(release)-dev (development build)" }
        return "\(release) (commit \(commit))"
    }
}
