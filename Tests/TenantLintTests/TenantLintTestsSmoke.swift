import Testing

@Suite struct TenantLintTestsSmoke {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
