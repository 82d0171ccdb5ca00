/// What scripts/release.sh records about a release build. It replaces this file in the copy of the sources it
/// builds from; a plain `swift build` keeps this one, which records nothing.
enum ReleaseStamp {
    /// The full commit the binary was built from.
    static let commit: String? = nil
}
