/// A file beside the YAML that is not a script: an HTML template (pages, email templates, the universal login
/// template) or a JSON document (forms, flows). Read through the same checks as scripts (`TenantFileAccess`).
public struct AttachedFile: Sendable, Hashable {
    /// The resource it belongs to, and the field of the files that names it (`body`, `html`).
    public var kind: ResourceKind
    public var owner: String
    public var field: String
    /// The file as shown to users.
    public var path: String
    /// The path as the YAML writes it (`./pages/login.html`), which names the file among the resource's others.
    public var written: String
    /// Its content: the text of an HTML file, the parsed value of a JSON file.
    public var value: JSONValue
    /// Where the YAML names this file.
    public var reference: SourceLocation

    public init(kind: ResourceKind, owner: String, field: String, path: String, written: String, value: JSONValue, reference: SourceLocation) {
        self.written = written
        self.kind = kind
        self.owner = owner
        self.field = field
        self.path = path
        self.value = value
        self.reference = reference
    }
}
