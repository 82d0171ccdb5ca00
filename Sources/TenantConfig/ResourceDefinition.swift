/// One resource the YAML declares: its type, its natural key (a name, an identifier, a trigger id, or
/// `client + audience` for grants) and its body as written (after keyword replacement, file paths not yet read).
public struct ResourceDefinition: Sendable, Hashable {
    public var kind: ResourceKind
    /// The natural key users know the resource by; unique per kind.
    public var key: String
    public var body: ConfigNode

    public init(kind: ResourceKind, key: String, body: ConfigNode) {
        self.kind = kind
        self.key = key
        self.body = body
    }

    public var location: SourceLocation { body.location }
}
