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

    @Test func aQuotedJSONKeywordIsReplacedQuotesAndAllAsTheDeployCLIDoes() {
        // So a JSON file of the directory format is valid JSON before replacement.
        #expect(replacer.replace(in: #"{"allowed_origins": "@@ORIGINS@@"}"#).text == #"{"allowed_origins": ["https://a","https://b"]}"#)
        #expect(replacer.replace(in: #"{"name": "@@ENV@@"}"#).text == #"{"name": "staging"}"#)
        // Single quotes are not the Deploy CLI's: the keyword inside is replaced, the quotes stay.
        #expect(replacer.replace(in: "name: '@@ENV@@'").text == #"name: '"staging"'"#)
        let unknown = replacer.replace(in: #"{"x": "@@NOPE@@"}"#)
        #expect(unknown.problems.map { "\($0.line):\($0.column)" } == ["1:8"], "the keyword's own column, inside the quotes")
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
