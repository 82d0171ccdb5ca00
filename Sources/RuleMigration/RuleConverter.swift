import Foundation
import TenantLint

/// Converts a rule's code into a post-login action's, mechanically, token by token on the JavaScript lexer: the
/// documented mappings are applied where they fit exactly; everything else stays as written, behind a
/// `// TODO(migrate-rules):` comment that `validate` reports until someone removes it. Comments, formatting and
/// the rest of the code are kept.
///
/// | rule | action |
/// | --- | --- |
/// | `user` | `event.user` |
/// | `context.clientID`, `clientName`, `connection`, `connectionStrategy`, `protocol`, `request.*`, `stats`, … | their `event.*` fields (`RuleContextMapping`) |
/// | `callback(new UnauthorizedError(m))` | `api.access.deny(m)` |
/// | `context.idToken[k] = v`, `context.accessToken[k] = v` | `api.idToken.setCustomClaim(k, v)`, `api.accessToken.setCustomClaim(k, v)` |
/// | `configuration.X` | `event.secrets.X` |
/// | `auth0.users.updateAppMetadata(id, m)` | `api.user.setAppMetadata(key, value)` for each key of `m` |
/// | `context.multifactor = { provider: p, … }` | `api.multifactor.enable(p, { … })` |
/// | `context.redirect = { url: u }` | `api.redirect.sendUserTo(u)` |
/// | `callback(null, user, context)` | `return` |
/// | `require('x@1.2.3')` | `require('x')` and the dependency `x` 1.2.3 |
public enum RuleConverter {
    /// The action's code for a rule's code, or why the rule cannot be read as a rule at all.
    public static func convert(_ code: String) throws(RuleConversionError) -> ConvertedRule {
        let source = JavaScriptSource(code)
        if let error = source.syntaxErrors.first {
            throw .doesNotParse(line: error.line, column: error.column, message: error.message)
        }
        guard let main = source.mainFunction, !main.isArrow, main.bodyClose > main.bodyOpen else {
            let first = source.tokens.first
            throw .notARuleFunction(line: first?.line ?? 1, column: first?.column ?? 1, found: first?.text ?? "nothing")
        }
        var rewriter = RuleRewriter(source: source, code: code, main: main)
        return rewriter.convert()
    }
}

/// One conversion's state: the output so far, where each original line starts in it, and what was found.
struct RuleRewriter {
    let source: JavaScriptSource
    let tokens: [JavaScriptToken]
    let scalars: [Unicode.Scalar]
    let lineStarts: [Int]
    let main: JavaScriptFunction
    let userName: String
    let contextName: String
    let callbackName: String
    /// Token ranges where a nested function's own parameter of that name hides the rule's.
    let shadowed: [String: [Range<Int>]]

    var output = String.UnicodeScalarView()
    /// Original line → where that line's text starts in the output (lines copied as they were).
    var outputLineStarts: [Int: Int] = [:]
    /// Original line → what to leave for a person there, in order.
    var todos: [Int: [String]] = [:]
    var dependencies: [ActionDependency] = []
    var configurationKeys: [String] = []
    var readsAllConfiguration = false

    init(source: JavaScriptSource, code: String, main: JavaScriptFunction) {
        self.source = source
        tokens = source.tokens
        scalars = Array(code.unicodeScalars)
        var starts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
        lineStarts = starts
        self.main = main
        userName = main.parameters.first ?? "user"
        contextName = main.parameters.count > 1 ? main.parameters[1] : "context"
        callbackName = main.parameters.count > 2 ? main.parameters[2] : "callback"
        var shadowed: [String: [Range<Int>]] = [:]
        for index in (main.bodyOpen + 1)..<main.bodyClose {
            guard let function = source.function(startingAt: index), function.bodyClose > function.bodyOpen else { continue }
            for name in [main.parameters.first, main.parameters.dropFirst().first, main.parameters.dropFirst(2).first].compactMap({ $0 })
            where function.parameters.contains(name) {
                shadowed[name, default: []].append(function.start..<(function.bodyClose + 1))
            }
        }
        self.shadowed = shadowed
    }

    // MARK: - Offsets

    func start(_ index: Int) -> Int { lineStarts[tokens[index].line - 1] + tokens[index].column - 1 }
    func end(_ index: Int) -> Int { start(index) + tokens[index].text.unicodeScalars.count }

    /// Copies original text, noting where each original line starts in the output.
    mutating func copy(_ from: Int, _ to: Int) {
        guard from < to else { return }
        for offset in from..<to {
            if scalars[offset] == "\n", offset + 1 < scalars.count {
                outputLineStarts[lineIndex(startingAt: offset + 1)] = output.count + 1
            }
            output.append(scalars[offset])
        }
    }

    func lineIndex(startingAt offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    mutating func emit(_ text: String) { output.append(contentsOf: text.unicodeScalars) }

    // MARK: - The whole rule

    mutating func convert() -> ConvertedRule {
        outputLineStarts[1] = 0
        // `async function rule(…)`: the header replaced starts at `async`.
        copy(0, start(source[main.start - 1]?.isIdentifier("async") == true ? main.start - 1 : main.start))
        emit("exports.onExecutePostLogin = async (event, api) => {")
        render(from: end(main.bodyOpen), tokens: (main.bodyOpen + 1)..<main.bodyClose, to: start(main.bodyClose))
        emit(source[main.bodyClose + 1]?.isPunctuator(";") == true ? "}" : "};")
        copy(end(main.bodyClose), scalars.count)
        return ConvertedRule(code: withTodos(String(output)), dependencies: dependencies, configurationKeys: configurationKeys,
                             readsAllConfiguration: readsAllConfiguration, todos: [])
            .withTodosFound()
    }

    /// Writes the TODO comments above the lines they concern (or the nearest line before that was copied as is).
    func withTodos(_ text: String) -> String {
        var result = Array(text.unicodeScalars)
        for line in todos.keys.sorted(by: >) {
            let anchor = (1...line).reversed().first { outputLineStarts[$0] != nil } ?? 1
            let offset = outputLineStarts[anchor] ?? 0
            let indent = String(String.UnicodeScalarView(scalars[lineStarts[line - 1]...].prefix { $0 == " " || $0 == "\t" }))
            let comments = todos[line]!.map { "\(indent)// \(MigrateRulesTodoRule.marker) \($0)\n" }.joined()
            result.insert(contentsOf: comments.unicodeScalars, at: offset)
        }
        return String(String.UnicodeScalarView(result))
    }

    mutating func todo(_ index: Int, _ message: String) {
        let line = tokens[index].line
        if !(todos[line] ?? []).contains(message) { todos[line, default: []].append(message) }
    }

    // MARK: - Rendering with conversions

    /// A conversion found at a token: what replaces the tokens `begin..<end`.
    struct Conversion {
        enum Piece { case text(String), tokens(Range<Int>) }
        var begin: Int
        var pieces: [Piece]
        var end: Int
    }

    /// Copies `from..<to` of the original, converting the tokens in `range` (which lie inside it).
    mutating func render(from: Int, tokens range: Range<Int>, to: Int) {
        var cursor = from
        var index = range.lowerBound
        var consumed = range.lowerBound
        while index < range.upperBound {
            guard let conversion = convert(at: index, after: consumed, limit: range.upperBound) else {
                index += 1
                continue
            }
            copy(cursor, start(conversion.begin))
            for piece in conversion.pieces {
                switch piece {
                case .text(let text): emit(text)
                case .tokens(let tokens) where !tokens.isEmpty: render(from: start(tokens.lowerBound), tokens: tokens, to: end(tokens.upperBound - 1))
                case .tokens: break
                }
            }
            cursor = end(conversion.end - 1)
            index = conversion.end
            consumed = conversion.end
        }
        copy(cursor, to)
    }

    /// The conversion at `index`, if one of the documented mappings fits; notes a TODO where none does.
    mutating func convert(at index: Int, after consumed: Int, limit: Int) -> Conversion? {
        let token = tokens[index]
        guard token.kind == .identifier, isReference(index) else { return nil }
        switch token.text {
        case callbackName where !isShadowed(callbackName, index): return convertCallback(index, after: consumed, limit: limit)
        case userName where !isShadowed(userName, index): return convertUser(index)
        case contextName where !isShadowed(contextName, index): return convertContext(index, limit: limit)
        case "configuration": return convertConfiguration(index)
        case "auth0": return convertManagementClient(index)
        case "require": return convertRequire(index)
        case "global":
            todo(index, "actions do not keep `global` between executions as rules did: keep values worth caching with api.cache.set/get, or recompute them.")
            return nil
        case "UnauthorizedError":
            todo(index, "actions have no UnauthorizedError: refuse the login with api.access.deny(reason).")
            return nil
        default:
            return nil
        }
    }

    // MARK: - callback

    mutating func convertCallback(_ index: Int, after consumed: Int, limit: Int) -> Conversion? {
        guard source[index + 1]?.isPunctuator("(") == true, let close = source.partner(of: index + 1), close < limit else {
            todo(index, "the rule's `\(callbackName)` is passed on here; an action ends by returning: return (carry on) or call api.access.deny(reason) where it was called.")
            return nil
        }
        let arguments = splitArguments((index + 2)..<close)
        let returns = index - 1 >= consumed && source[index - 1]?.isIdentifier("return") == true
        let begin = returns ? index - 1 : index
        let isAsynchronous = isInNestedFunction(index)
        if arguments.count >= 2, isIdentifier(arguments[0], "null"), isIdentifier(arguments[1], userName),
           arguments.count == 2 || (arguments.count == 3 && isIdentifier(arguments[2], contextName)) {
            // `return` where the call is a statement; `undefined` as a concise arrow's body; elsewhere (`a && callback(…)`)
            // no statement fits.
            let replacement: String
            if returns || isStatementStart(index) {
                replacement = "return"
            } else if source[index - 1]?.isPunctuator("=>") == true {
                replacement = "undefined"
            } else {
                todo(index, "`\(callbackName)(null, \(userName), \(contextName))` is used as a value here; an action carries on by returning: rewrite it as a statement.")
                return verbatim(index, through: close)
            }
            if isAsynchronous { asynchronousTodo(index) }
            return Conversion(begin: begin, pieces: [.text(replacement)], end: close + 1)
        }
        // `callback(new UnauthorizedError(m))`, also with the user and context after it as some rules pass them.
        if (1...3).contains(arguments.count), let error = arguments.first, error.count >= 3, tokens[error.lowerBound].isIdentifier("new"),
           ["UnauthorizedError", "Error"].contains(tokens[error.lowerBound + 1].text), source[error.lowerBound + 2]?.isPunctuator("(") == true,
           source.partner(of: error.lowerBound + 2) == error.upperBound - 1 {
            if isAsynchronous { asynchronousTodo(index) }
            let message = (error.lowerBound + 3)..<(error.upperBound - 1)
            let deny: [Conversion.Piece] = message.isEmpty ? [.text("api.access.deny('Access denied.')")] : [.text("api.access.deny("), .tokens(message), .text(")")]
            return Conversion(begin: begin, pieces: (returns ? [.text("return ")] : []) + deny, end: close + 1)
        }
        todo(index, "`\(callbackName)(…)` here has no mechanical equivalent: an action carries on by returning, and refuses the login with api.access.deny(reason).")
        return verbatim(index, through: close)
    }

    /// The tokens `index...last` left exactly as written (a call kept for a person to convert, arguments included).
    func verbatim(_ index: Int, through last: Int) -> Conversion {
        Conversion(begin: index, pieces: [.text(String(String.UnicodeScalarView(scalars[start(index)..<end(last)])))], end: last + 1)
    }

    mutating func asynchronousTodo(_ index: Int) {
        todo(index, "the rule called back here after asynchronous work; the action must await that work (async/await) before it returns, or Auth0 ignores what it does after.")
    }

    // MARK: - user

    mutating func convertUser(_ index: Int) -> Conversion? {
        if source[index + 1]?.isPunctuator("=") == true {
            todo(index, "the rule replaces `\(userName)`; in an action event.user is read-only: store changes with api.user.setAppMetadata / setUserMetadata.")
            return nil
        }
        return Conversion(begin: index, pieces: [.text("event.user")], end: index + 1)
    }

    // MARK: - context

    mutating func convertContext(_ index: Int, limit: Int) -> Conversion? {
        guard source[index + 1]?.isPunctuator(".") == true, let field = source[index + 2], field.kind == .identifier else {
            todo(index, "the rule uses `\(contextName)` as a whole; an action reads the event's fields (event.client, event.request, …) and acts through api.")
            return nil
        }
        let afterField = index + 3
        switch field.text {
        case "idToken", "accessToken":
            if let conversion = claimAssignment(index, token: field.text, limit: limit) { return conversion }
            todo(index, "`\(contextName).\(field.text)` is read or replaced here; an action only sets claims, one at a time: api.\(field.text).setCustomClaim(name, value).")
            return nil
        case "multifactor":
            if let conversion = multifactorAssignment(index) { return conversion }
            todo(index, "`\(contextName).multifactor` is not set from an object literal here; an action calls api.multifactor.enable(provider, options).")
            return nil
        case "redirect":
            if let conversion = redirectAssignment(index) { return conversion }
            todo(index, "`\(contextName).redirect` is not `{ url: … }` here; an action calls api.redirect.sendUserTo(url, { query }).")
            return nil
        default:
            break
        }
        guard let mapped = RuleContextMapping.fields[field.text] else {
            todo(index, "`\(contextName).\(field.text)` has no mechanical equivalent in the post-login event or api.")
            return nil
        }
        if isAssignment(afterField) {
            todo(index, "`\(contextName).\(field.text)` is assigned here; the event is read-only in an action.")
            return nil
        }
        if source[afterField]?.isPunctuator(".") == true, let sub = source[afterField + 1], sub.kind == .identifier {
            switch field.text {
            case "request":
                if sub.text == "geoip", source[afterField + 2]?.isPunctuator(".") == true, let geo = source[afterField + 3], geo.kind == .identifier,
                   let renamed = RuleContextMapping.geoipFields[geo.text] {
                    return Conversion(begin: index, pieces: [.text("event.request.geoip.\(renamed)")], end: afterField + 4)
                }
                return Conversion(begin: index, pieces: [.text("event.request.\(RuleContextMapping.requestFields[sub.text] ?? sub.text)")], end: afterField + 2)
            case "stats":
                return Conversion(begin: index, pieces: [.text("event.stats.\(RuleContextMapping.statsFields[sub.text] ?? sub.text)")], end: afterField + 2)
            default:
                break
            }
        }
        return Conversion(begin: index, pieces: [.text(mapped)], end: afterField)
    }

    /// `context.idToken[k] = v` or `context.idToken.k = v` → `api.idToken.setCustomClaim(k, v)`.
    func claimAssignment(_ index: Int, token: String, limit: Int) -> Conversion? {
        let call = "api.\(token).setCustomClaim("
        if source[index + 3]?.isPunctuator("[") == true, let close = source.partner(of: index + 3), isAssignment(close + 1) {
            let value = (close + 2)..<expressionEnd(from: close + 2, limit: limit)
            guard !value.isEmpty else { return nil }
            return Conversion(begin: index, pieces: [.text(call), .tokens((index + 4)..<close), .text(", "), .tokens(value), .text(")")], end: value.upperBound)
        }
        if source[index + 3]?.isPunctuator(".") == true, let name = source[index + 4], name.kind == .identifier, isAssignment(index + 5) {
            let value = (index + 6)..<expressionEnd(from: index + 6, limit: limit)
            guard !value.isEmpty else { return nil }
            return Conversion(begin: index, pieces: [.text("\(call)'\(name.text)', "), .tokens(value), .text(")")], end: value.upperBound)
        }
        return nil
    }

    /// `context.multifactor = { provider: p, allowRememberBrowser: b }` → `api.multifactor.enable(p, { allowRememberBrowser: b })`.
    func multifactorAssignment(_ index: Int) -> Conversion? {
        guard isAssignment(index + 3), source[index + 4]?.isPunctuator("{") == true, let close = source.partner(of: index + 4),
              let properties = objectProperties((index + 5)..<close) else { return nil }
        var pieces: [Conversion.Piece] = [.text("api.multifactor.enable(")]
        if let provider = properties.first(where: { $0.key == "provider" }) { pieces.append(.tokens(provider.value)) } else { pieces.append(.text("'any'")) }
        let options = properties.filter { $0.key != "provider" }
        if !options.isEmpty {
            pieces.append(.text(", { "))
            for (offset, option) in options.enumerated() {
                if offset > 0 { pieces.append(.text(", ")) }
                pieces.append(.tokens(option.whole))
            }
            pieces.append(.text(" }"))
        }
        pieces.append(.text(")"))
        return Conversion(begin: index, pieces: pieces, end: close + 1)
    }

    /// `context.redirect = { url: u }` → `api.redirect.sendUserTo(u)`.
    func redirectAssignment(_ index: Int) -> Conversion? {
        guard isAssignment(index + 3), source[index + 4]?.isPunctuator("{") == true, let close = source.partner(of: index + 4),
              let properties = objectProperties((index + 5)..<close), properties.count == 1, let url = properties.first, url.key == "url" else { return nil }
        return Conversion(begin: index, pieces: [.text("api.redirect.sendUserTo("), .tokens(url.value), .text(")")], end: close + 1)
    }

    // MARK: - configuration, auth0, require

    mutating func convertConfiguration(_ index: Int) -> Conversion? {
        if source[index + 1]?.isPunctuator(".") == true, let key = source[index + 2], key.kind == .identifier {
            if !configurationKeys.contains(key.text) { configurationKeys.append(key.text) }
            return Conversion(begin: index, pieces: [.text("event.secrets.\(key.text)")], end: index + 3)
        }
        if source[index + 1]?.isPunctuator("[") == true, let close = source.partner(of: index + 1) {
            let key = (index + 2)..<close
            if key.count == 1, tokens[key.lowerBound].isStringLiteral, let name = tokens[key.lowerBound].value {
                if !configurationKeys.contains(name) { configurationKeys.append(name) }
            } else {
                readsAllConfiguration = true
            }
            return Conversion(begin: index, pieces: [.text("event.secrets["), .tokens(key), .text("]")], end: close + 1)
        }
        readsAllConfiguration = true
        return Conversion(begin: index, pieces: [.text("event.secrets")], end: index + 1)
    }

    mutating func convertManagementClient(_ index: Int) -> Conversion? {
        if source[index + 1]?.isPunctuator(".") == true, source[index + 2]?.isIdentifier("users") == true, source[index + 3]?.isPunctuator(".") == true,
           let method = source[index + 4], ["updateAppMetadata", "updateUserMetadata"].contains(method.text),
           source[index + 5]?.isPunctuator("(") == true, let close = source.partner(of: index + 5) {
            let arguments = splitArguments((index + 6)..<close)
            if arguments.count == 2, !arguments[1].isEmpty {
                let setter = method.text == "updateAppMetadata" ? "setAppMetadata" : "setUserMetadata"
                return Conversion(begin: index, pieces: [
                    .text("Promise.resolve(Object.entries("), .tokens(arguments[1]),
                    .text(" || {}).forEach(([key, value]) => api.user.\(setter)(key, value)))"),
                ], end: close + 1)
            }
        }
        todo(index, "actions have no built-in Management API client (`auth0`): prefer what event and api give (api.user.setAppMetadata, event.authorization), or call the Management API from the `auth0` npm package with a machine-to-machine client, not on every login.")
        return nil
    }

    mutating func convertRequire(_ index: Int) -> Conversion? {
        guard source[index + 1]?.isPunctuator("(") == true, let close = source.partner(of: index + 1), close == index + 3,
              tokens[index + 2].isStringLiteral, let module = tokens[index + 2].value else { return nil }
        let at = module.hasPrefix("@") ? module.dropFirst().firstIndex(of: "@") : module.firstIndex(of: "@")
        if let at {
            let name = String(module[..<at]), version = String(module[module.index(after: at)...])
            addDependency(ActionDependency(name: name, version: version))
            let quote = tokens[index + 2].text.first.map(String.init) ?? "'"
            return Conversion(begin: index, pieces: [.text("require(\(quote)\(name)\(quote))")], end: close + 1)
        }
        let root = String(module.split(separator: "/").first ?? Substring(module))
        guard !RuleContextMapping.nodeModules.contains(module), !RuleContextMapping.nodeModules.contains(root), !module.hasPrefix(".") else { return nil }
        addDependency(ActionDependency(name: module, version: "latest"))
        todo(index, "the Rules sandbox provided `\(module)` without a version; the action depends on `\(module)@latest`: pin the version the rule used in the action's `dependencies`.")
        return nil
    }

    mutating func addDependency(_ dependency: ActionDependency) {
        if !dependencies.contains(where: { $0.name == dependency.name }) { dependencies.append(dependency) }
    }

    // MARK: - Token questions

    /// An identifier used as a value: not a property name (`x.user`, `{ user: … }`), not a declaration or parameter.
    func isReference(_ index: Int) -> Bool {
        if let previous = source[index - 1] {
            if previous.isPunctuator(".") || previous.isPunctuator("?.") { return false }
            if previous.kind == .identifier, ["var", "let", "const", "function"].contains(previous.text) { return false }
            if (previous.isPunctuator("{") || previous.isPunctuator(",")) && source[index + 1]?.isPunctuator(":") == true { return false }
        }
        if let paren = source.container(of: index), tokens[paren].isPunctuator("("), isParameterList(paren) { return false }
        if source[index + 1]?.isPunctuator("=>") == true { return false }
        return true
    }

    func isParameterList(_ paren: Int) -> Bool {
        if source[paren - 1]?.isIdentifier("function") == true || source[paren - 2]?.isIdentifier("function") == true { return true }
        if let close = source.partner(of: paren), source[close + 1]?.isPunctuator("=>") == true { return true }
        return false
    }

    func isShadowed(_ name: String, _ index: Int) -> Bool {
        (shadowed[name] ?? []).contains { $0.contains(index) }
    }

    func isIdentifier(_ range: Range<Int>, _ name: String) -> Bool {
        range.count == 1 && tokens[range.lowerBound].isIdentifier(name)
    }

    /// Whether a statement starts at the token: after `;`, a brace, `else`, `do`, or the `)` of an `if`/`for`/`while`.
    func isStatementStart(_ index: Int) -> Bool {
        guard let previous = source[index - 1] else { return true }
        if previous.isPunctuator(";") || previous.isPunctuator("{") || previous.isPunctuator("}") || previous.isIdentifier("else") || previous.isIdentifier("do") { return true }
        // A line break after a complete expression ends the statement before it (automatic semicolon insertion).
        if tokens[index].followsLineBreak, previous.kind != .punctuator || [")", "]"].contains(previous.text), !previous.isIdentifier("return") {
            if !previous.isPunctuator(")") { return true }
        }
        if previous.isPunctuator(")"), let open = source.partner(of: index - 1), let keyword = source[open - 1],
           keyword.isIdentifier("if") || keyword.isIdentifier("for") || keyword.isIdentifier("while") {
            return true
        }
        return tokens[index].followsLineBreak && (previous.isPunctuator(")") || previous.isPunctuator("]"))
    }

    /// `=` (not `==`, `===`, `=>`) at `index`.
    func isAssignment(_ index: Int) -> Bool { source[index]?.isPunctuator("=") == true }

    /// Whether the token runs inside a function nested in the rule (a callback run after asynchronous work).
    func isInNestedFunction(_ index: Int) -> Bool {
        for bracket in source.containers(of: index) where bracket != main.bodyOpen {
            if let owner = source.owner(ofBracket: bracket), owner == "function" || owner == "=>" { return true }
            if tokens[bracket].isPunctuator("(") {
                // A concise arrow body inside a call's arguments: `.then(() => callback(null, user, context))`.
                var back = index - 1
                while back > bracket {
                    if source.container(of: back) == bracket, tokens[back].isPunctuator(",") { break }
                    if tokens[back].isPunctuator("=>") { return true }
                    back -= 1
                }
            }
        }
        return false
    }

    /// Comma-separated arguments at the top level of `range`.
    func splitArguments(_ range: Range<Int>) -> [Range<Int>] {
        guard !range.isEmpty else { return [] }
        var parts: [Range<Int>] = []
        var partStart = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if tokens[index].isPunctuator(",") {
                parts.append(partStart..<index)
                partStart = index + 1
                index += 1
            } else if let partner = source.partner(of: index), partner > index {
                index = partner + 1
            } else {
                index += 1
            }
        }
        parts.append(partStart..<range.upperBound)
        return parts
    }

    /// `key: value` properties of an object literal's inside, or nil when one is not that simple form.
    func objectProperties(_ range: Range<Int>) -> [(key: String, value: Range<Int>, whole: Range<Int>)]? {
        var properties: [(key: String, value: Range<Int>, whole: Range<Int>)] = []
        for part in splitArguments(range) where !part.isEmpty {
            guard part.count >= 3, tokens[part.lowerBound].kind == .identifier || tokens[part.lowerBound].isStringLiteral,
                  tokens[part.lowerBound + 1].isPunctuator(":") else { return nil }
            let key = tokens[part.lowerBound].value ?? tokens[part.lowerBound].text
            properties.append((key, (part.lowerBound + 2)..<part.upperBound, part))
        }
        return properties
    }

    /// Where the expression starting at `start` ends: before a `;` or `,`, a bracket closing its container, or a line
    /// break that ends the statement.
    func expressionEnd(from start: Int, limit: Int) -> Int {
        var index = start
        while index < limit {
            let token = tokens[index]
            if token.isPunctuator(";") || token.isPunctuator(",") || token.isPunctuator(")") || token.isPunctuator("]") || token.isPunctuator("}") { break }
            if index > start, token.followsLineBreak {
                let previous = tokens[index - 1]
                let previousEnds = previous.kind != .punctuator || [")", "]", "}"].contains(previous.text)
                let continues = token.kind == .punctuator && !["{", "[", "(", "!", "~", "++", "--"].contains(token.text)
                if previousEnds && !continues { break }
            }
            if let partner = source.partner(of: index), partner > index { index = partner + 1 } else { index += 1 }
        }
        return min(index, limit)
    }
}

extension ConvertedRule {
    /// The TODO comments as they stand in the code: line, column and message.
    func withTodosFound() -> ConvertedRule {
        var copy = self
        copy.todos = code.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, line in
            guard let marker = line.range(of: "// " + MigrateRulesTodoRule.marker) else { return nil }
            let column = line.distance(from: line.startIndex, to: marker.lowerBound) + 1
            let message = line[marker.upperBound...].drop { $0 == " " }
            return MigrationTodo(line: offset + 1, column: column, message: String(message))
        }
        return copy
    }
}
