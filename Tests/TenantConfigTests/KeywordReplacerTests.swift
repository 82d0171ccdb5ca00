import Testing
@testable import TenantConfig

@Suite struct KeywordReplacerTests {
    let replacer = KeywordReplacer(
        keywords: ["ENV": .string("dev"), "ORIGINS": .json(.array([.string("https://a"), .string("https://b")]))],
        secretKeywords: ["DB_PASSWORD_X"],
        environment: ["ENV": "staging", "PORT": "8080"]
    )

    @Test func literalKeywordsTakeTheEnvironmentFirst() {
        let result = replacer.replace(in: "url: https://##ENV##.acme.com:##PORT##")
        #expect(result.text == "url: https://staging.acme.com:8080")
        #expect(result.problems.isEmpty)
    }

    @Test func jsonKeywordsInsertJSON() {
        #expect(replacer.replace(in: "allowed_origins: @@ORIGINS@@").text == #"allowed_origins: ["https://a","https://b"]"#)
        #expect(replacer.replace(in: "name: @@ENV@@").text == #"name: "staging""#)
    }

    /// As the Deploy CLI does: YAML files quote `@@KEY@@` either way, and the quotes go with it (the Deploy CLI's
    /// example writes `setup: '@@SETUP_CONFIG@@'` for an object).
    @Test func aQuotedJSONKeywordTakesItsQuotesWithIt() {
        #expect(replacer.replace(in: "allowed_origins: '@@ORIGINS@@'").text == #"allowed_origins: ["https://a","https://b"]"#)
        #expect(replacer.replace(in: #"allowed_origins: "@@ORIGINS@@""#).text == #"allowed_origins: ["https://a","https://b"]"#)
        #expect(replacer.replace(in: "name: '@@ENV@@'").text == #"name: "staging""#)
        // Mismatched quotes are not a quoted keyword: the keyword alone is replaced.
        #expect(replacer.replace(in: #"name: '@@ENV@@""#).text == #"name: '"staging"""#)
        #expect(replacer.replace(in: "name: '@@MISSING@@'").problems.map(\.column) == [8], "the keyword's own column, inside the quotes")
        // So a JSON file of the directory format is valid JSON before replacement.
        #expect(replacer.replace(in: #"{"allowed_origins": "@@ORIGINS@@"}"#).text == #"{"allowed_origins": ["https://a","https://b"]}"#)
        let unknown = replacer.replace(in: #"{"x": "@@NOPE@@"}"#)
        #expect(unknown.problems.map { "\($0.line):\($0.column)" } == ["1:8"])
    }

    @Test func secretKeywordsBecomeReferencesNeverValues() {
        let result = KeywordReplacer(keywords: [:], secretKeywords: [], environment: ["LEGACY_API_SECRET": "s3cr3t"])
            .replace(in: "secret: ##LEGACY_API_SECRET##")
        #expect(result.text == "secret: ⟦secret:LEGACY_API_SECRET⟧")
        #expect(!result.text.contains("s3cr3t"))
        #expect(result.secretsUsed == ["LEGACY_API_SECRET"])
    }

    @Test func aSecretWrittenInTheSettingsFileIsRefused() {
        let result = KeywordReplacer(keywords: ["API_TOKEN": .string("x")], secretKeywords: [], environment: [:]).replace(in: "a: ##API_TOKEN##")
        #expect(result.problems.map(\.keyword) == ["API_TOKEN"])
        #expect(result.problems.first?.message.contains("must come from the environment") == true)
    }

    @Test func anUnresolvedKeywordIsNamedWithItsPosition() {
        let result = replacer.replace(in: "a: 1\nb: x-##MISSING##")
        #expect(result.problems == [.init(keyword: "MISSING", line: 2, column: 6,
            message: "keyword `MISSING` has no value: set it under `keywords:` in tenantctl.yaml or export MISSING in the environment")])
    }

    @Test func textThatIsNotAKeywordIsLeftAlone() {
        #expect(replacer.replace(in: "a: '## not a keyword ##' # comment ## here").text == "a: '## not a keyword ##' # comment ## here")
        #expect(replacer.replace(in: "email: me@@example.com").text == "email: me@@example.com")
    }
}
