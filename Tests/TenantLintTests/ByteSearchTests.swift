import Testing
@testable import TenantLint

@Suite struct ByteSearchTests {
    func contains(_ haystack: String, _ needle: String) -> Bool {
        ByteSearch.contains(Array(haystack.utf8), Array(needle.utf8))
    }

    @Test func findsNeedlesAnywhereAndOnlyWhole() {
        #expect(contains("const url = 'https://legacy.acme.example/api';", "https://legacy.acme.example/api"))
        #expect(contains("abc", "abc") && contains("xabc", "abc") && contains("abcx", "abc"))
        #expect(contains("aab", "ab"), "a false start on the first byte does not hide the match after it")
        #expect(!contains("https://legacy.acme.example/ap", "https://legacy.acme.example/api"))
        #expect(!contains("ab", "abc") && !contains("", "a"))
        #expect(contains("anything", ""))
        #expect(contains("café → ünïcode", "→ ü"))
    }
}
