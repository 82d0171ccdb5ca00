/// A JavaScript source the tenant deploys: a custom database action script, a rule, or an action's code,
/// read from the file the YAML names.
public struct ScriptSource: Sendable, Hashable {
    /// What the script is for; rules about naming and callbacks depend on it.
    public enum Kind: Sendable, Hashable {
        case databaseScript(DatabaseScriptName)
        case rule
        case action
    }

    public var kind: Kind
    /// The connection, rule or action the script belongs to.
    public var owner: String
    /// The script file as shown to users (relative to the working directory when possible).
    public var path: String
    /// The script text (UTF-8 decoded), keywords replaced: what Auth0 is sent.
    public var text: String
    /// The file's text as written, when keywords made `text` differ from it (migrate-rules carries the keywords over).
    public var asWritten: String?
    /// Size of the file in bytes, as Auth0 counts it against the 100 KB limit.
    public var byteCount: Int
    /// Where the YAML names this file.
    public var reference: SourceLocation?

    public init(kind: Kind, owner: String, path: String, text: String, byteCount: Int? = nil, reference: SourceLocation? = nil) {
        self.kind = kind
        self.owner = owner
        self.path = path
        self.text = text
        self.byteCount = byteCount ?? text.utf8.count
        self.reference = reference
    }

    /// A location inside the script file.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }
}
