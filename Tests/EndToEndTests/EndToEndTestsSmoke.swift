import Testing

@Suite struct EndToEndTestsSmoke {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
