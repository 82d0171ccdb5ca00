/// Keyword replacement in the files a tenant file names, as the Deploy CLI does: it replaces `##KEY##` and `@@KEY@@`
/// in every file it reads for a resource (pages, email templates, the universal login template, action module code,
/// custom database scripts, rules, action code; forms and flows as JSON), so a tenant written for it loads unchanged.
/// The same `KeywordReplacer` as tenant.yaml, with the same rules; a finding names the file's own line and column.
///
/// A secret keyword in an HTML or JSON file becomes a marker (`SecretReference`), as in tenant.yaml: only apply fills
/// it in. In a script it is refused: the code is what test-scripts runs and lint reads, plans show it, and on the
/// tenant anyone who can read the connection, rule or action reads it; a secret belongs in the connection's
/// `options.configuration`, `rulesConfigs` or the action's `secrets`, which the API keeps apart.
struct FileKeywordReplacement {
    let replacer: KeywordReplacer
    /// The secret keywords the files use, for the loader's `secret-not-set` note.
    private(set) var secretsUsed: Set<String> = []

    init(replacer: KeywordReplacer) {
        self.replacer = replacer
    }

    /// An HTML, text or JSON file's text with its keywords replaced.
    mutating func attachment(_ text: String, file: String, findings: inout [Finding]) -> String {
        replace(text, with: replacer, file: file, findings: &findings)
    }

    /// A script's text with its keywords replaced, secret keywords refused (and left as written).
    mutating func script(_ text: String, kind: ScriptSource.Kind, file: String, findings: inout [Finding]) -> String {
        var refusing = replacer
        refusing.secretsRefused = Self.secretAdvice(kind)
        return replace(text, with: refusing, file: file, findings: &findings)
    }

    private mutating func replace(_ text: String, with replacer: KeywordReplacer, file: String, findings: inout [Finding]) -> String {
        // Most files hold no keyword: one pass over the bytes, and the text itself comes back.
        guard KeywordReplacer.mayHoldKeyword(Substring(text)) else { return text }
        let replaced = replacer.replace(in: text)
        for problem in replaced.problems {
            let rule = replacer.secretsRefused != nil && replacer.isSecret(problem.keyword) ? "secret-in-script" : "unresolved-keyword"
            findings.append(.loader(rule, SourceLocation(file: file, line: problem.line, column: problem.column), problem.message))
        }
        secretsUsed.formUnion(replaced.secretsUsed)
        return replaced.text
    }

    /// Where the secret belongs instead, by the script's kind.
    static func secretAdvice(_ kind: ScriptSource.Kind) -> String {
        let home = switch kind {
        case .databaseScript: "put it in the connection's `options.configuration` and read it as `configuration.<KEY>`"
        case .rule: "declare it in `rulesConfigs` and read it as `configuration.<KEY>`"
        case .action: "add it to the action's `secrets` and read it as `event.secrets.<KEY>`"
        }
        return "and tenantctl never writes a secret into a script's code (plans show the code, and so does the tenant to anyone who can read it): \(home)"
    }
}
