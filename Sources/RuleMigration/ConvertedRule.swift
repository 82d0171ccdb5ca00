/// A rule's code converted into a post-login action's, with what the action needs beside its code.
public struct ConvertedRule: Sendable, Equatable {
    /// The action's code: `exports.onExecutePostLogin = async (event, api) => { … };`.
    public var code: String
    /// npm packages the rule required with a version (`require('lodash@4.17.21')`), or without one (`latest`).
    public var dependencies: [ActionDependency]
    /// The `configuration` keys the code reads, in order of first use: they become the action's secrets.
    public var configurationKeys: [String]
    /// Whether the code reads `configuration` by a computed key or as a whole, so it may need every key.
    public var readsAllConfiguration: Bool
    /// What was left for a person, each behind a `// TODO(migrate-rules):` comment in `code`.
    public var todos: [MigrationTodo]

    public init(code: String, dependencies: [ActionDependency] = [], configurationKeys: [String] = [], readsAllConfiguration: Bool = false, todos: [MigrationTodo] = []) {
        self.code = code
        self.dependencies = dependencies
        self.configurationKeys = configurationKeys
        self.readsAllConfiguration = readsAllConfiguration
        self.todos = todos
    }
}

/// An npm package an action depends on (`dependencies:` of the action).
public struct ActionDependency: Sendable, Hashable {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}

/// A part of a rule the converter could not convert: the `// TODO(migrate-rules):` comment it wrote (line and
/// column in the action's code) and what it says.
public struct MigrationTodo: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

/// Why a rule could not be converted at all.
public enum RuleConversionError: Error, Equatable, Sendable {
    /// The lexer rejects the code (an unterminated string, unbalanced brackets, …).
    case doesNotParse(line: Int, column: Int, message: String)
    /// The code is not `function name(user, context, callback) { … }`.
    case notARuleFunction(line: Int, column: Int, found: String)

    public var line: Int {
        switch self {
        case .doesNotParse(let line, _, _), .notARuleFunction(let line, _, _): line
        }
    }

    public var column: Int {
        switch self {
        case .doesNotParse(_, let column, _), .notARuleFunction(_, let column, _): column
        }
    }

    public var description: String {
        switch self {
        case .doesNotParse(_, _, let message): "does not parse: \(message)"
        case .notARuleFunction(_, _, let found): "is not a rule function `function name(user, context, callback) { … }` (it starts with `\(found)`)"
        }
    }
}
