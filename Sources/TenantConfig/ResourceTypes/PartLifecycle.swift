/// Whether a part of a section is always there, written in place, or an object the API creates and deletes.
public enum PartLifecycle: Sendable, Equatable {
    /// Always there (a default until written): written with the part's method (PATCH or PUT); a part the files leave
    /// out keeps its live value.
    case inPlace
    /// An object of its own that exists or not (a connection's directory provisioning): created with `create` while
    /// absent, changed with the part's method, and deleted with DELETE at its path when the files drop it from a
    /// resource they still declare (only when deletes are allowed, like every delete).
    case object(create: String)

    /// The method that creates the part while it is absent, nil for a part written in place.
    public var createMethod: String? {
        switch self {
        case .inPlace: nil
        case .object(let create): create
        }
    }
}
