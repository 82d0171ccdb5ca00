/// Where a value came from: a file (as the user named it, relative to the working directory when possible),
/// a 1-based line and a 1-based column. Findings print it as `file:line:column`.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
