import Foundation

/// Deploy CLI-compatible keyword replacement on the raw text of a tenant file, before YAML parsing:
/// `##KEY##` is replaced by the value as text, `@@KEY@@` by the value as JSON (with the quotes around it, when it is
/// written `"@@KEY@@"`).
///
/// Values come from the environment first, then from the settings' `keywords`. Secret keywords (declared in
/// `secrets:` or named like one) are replaced by a `SecretReference` marker, so secrets never enter the model.
public struct KeywordReplacer: Sendable {
    public var keywords: [String: KeywordValue]
    public var secretKeywords: Set<String>
    public var environment: [String: String]
    /// When set, a secret keyword is not replaced but reported, this advice ending the message: a script's code is
    /// no place for a secret (`FileKeywordReplacement`).
    public var secretsRefused: String?

    public init(keywords: [String: KeywordValue], secretKeywords: Set<String>, environment: [String: String]) {
        self.keywords = keywords
        self.secretKeywords = secretKeywords
        self.environment = environment
    }

    /// One keyword use that could not be replaced.
    public struct Problem: Sendable, Equatable {
        public var keyword: String
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// The text with every keyword replaced, and the keywords that could not be.
    public func replace(in text: String) -> (text: String, problems: [Problem], secretsUsed: Set<String>) {
        var problems: [Problem] = []
        var secretsUsed: Set<String> = []
        var lines: [String] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard Self.mayHoldKeyword(line) else {
                lines.append(String(line))
                continue
            }
            lines.append(replaceLine(String(line), lineNumber: lineNumber, problems: &problems, secretsUsed: &secretsUsed))
        }
        return (lines.joined(separator: "\n"), problems, secretsUsed)
    }

    /// Whether a line holds `##` or `@@` (a keyword's delimiter), tested on its bytes: every line of tenant.yaml is
    /// asked, and Foundation's string search is slow.
    static func mayHoldKeyword(_ line: Substring) -> Bool {
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if byte == previous, byte == UInt8(ascii: "#") || byte == UInt8(ascii: "@") { return true }
            previous = byte
        }
        return false
    }

    /// Whether a keyword is treated as a secret.
    public func isSecret(_ name: String) -> Bool {
        secretKeywords.contains(name) || SecretReference.nameLooksSecret(name)
    }

    private func replaceLine(_ line: String, lineNumber: Int, problems: inout [Problem], secretsUsed: inout Set<String>) -> String {
        var output = ""
        var index = line.startIndex
        while index < line.endIndex {
            let rest = line[index...]
            if let (name, end) = quotedJSONKeywordAt(rest) {
                // The Deploy CLI replaces a quoted `'@@KEY@@'` or `"@@KEY@@"`, quotes included, by the JSON value
                // (YAML files quote it either way), so `setup: '@@SETUP@@'` is an object, not a string. A finding
                // names the keyword's own column, inside the quotes.
                let column = line.distance(from: line.startIndex, to: index) + 2
                output += value(for: name, asJSON: true, line: lineNumber, column: column, problems: &problems, secretsUsed: &secretsUsed)
                    ?? String(line[index..<end])
                index = end
            } else if let (delimiter, name, end) = keywordAt(rest) {
                let column = line.distance(from: line.startIndex, to: index) + 1
                output += value(for: name, asJSON: delimiter == "@@", line: lineNumber, column: column, problems: &problems, secretsUsed: &secretsUsed)
                    ?? String(line[index..<end])
                index = end
            } else {
                output.append(line[index])
                index = line.index(after: index)
            }
        }
        return output
    }

    /// A `##NAME##` or `@@NAME@@` starting at the beginning of `text`: its delimiter, name and end.
    private func keywordAt(_ text: Substring) -> (String, String, String.Index)? {
        for delimiter in ["##", "@@"] where text.hasPrefix(delimiter) {
            let afterOpen = text.index(text.startIndex, offsetBy: 2)
            guard let close = text[afterOpen...].range(of: delimiter) else { return nil }
            let name = text[afterOpen..<close.lowerBound]
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), name.first?.isNumber == false else { return nil }
            return (delimiter, String(name), close.upperBound)
        }
        return nil
    }

    /// A `'@@NAME@@'` or `"@@NAME@@"` starting at the beginning of `text`: its name and the end after the closing quote.
    private func quotedJSONKeywordAt(_ text: Substring) -> (String, String.Index)? {
        guard let quote = text.first, quote == "'" || quote == "\"" else { return nil }
        let afterQuote = text[text.index(after: text.startIndex)...]
        guard let (delimiter, name, end) = keywordAt(afterQuote), delimiter == "@@", end < text.endIndex, text[end] == quote else { return nil }
        return (name, text.index(after: end))
    }

    private func value(for name: String, asJSON: Bool, line: Int, column: Int, problems: inout [Problem], secretsUsed: inout Set<String>) -> String? {
        if isSecret(name) {
            if let advice = secretsRefused {
                problems.append(Problem(keyword: name, line: line, column: column, message: "keyword `\(name)` holds a secret, \(advice)"))
                return nil
            }
            secretsUsed.insert(name)
            if keywords[name] != nil && environment[name] == nil {
                problems.append(Problem(keyword: name, line: line, column: column,
                    message: "keyword `\(name)` holds a secret, so its value must come from the environment, not from tenantctl.yaml; export \(name)=… in the shell or CI secret store"))
            }
            let marker = SecretReference.marker(for: name)
            return asJSON ? "\"\(marker)\"" : marker
        }
        let resolved: KeywordValue
        if let env = environment[name] {
            resolved = asJSON ? (parseJSON(env).map(KeywordValue.json) ?? .string(env)) : .string(env)
        } else if let setting = keywords[name] {
            resolved = setting
        } else {
            problems.append(Problem(keyword: name, line: line, column: column,
                message: "keyword `\(name)` has no value: set it under `keywords:` in tenantctl.yaml or export \(name) in the environment"))
            return nil
        }
        switch (resolved, asJSON) {
        case (.string(let s), false):
            if s.contains("\n") {
                problems.append(Problem(keyword: name, line: line, column: column,
                    message: "keyword `\(name)` spans several lines; use @@\(name)@@ to insert it as a JSON string"))
                return nil
            }
            return s
        case (.string(let s), true):
            return String(decoding: JSONValue.string(s).encoded(), as: UTF8.self)
        case (.json(let v), true):
            return String(decoding: v.encoded(), as: UTF8.self)
        case (.json(let v), false):
            if case .string(let s) = v { return s }
            return String(decoding: v.encoded(), as: UTF8.self)
        }
    }

    private func parseJSON(_ text: String) -> JSONValue? {
        guard let first = text.trimmingCharacters(in: .whitespaces).first, "[{\"".contains(first) || first.isNumber || text == "true" || text == "false" else {
            return nil
        }
        return try? JSONValue.parse(Data(text.utf8))
    }
}
