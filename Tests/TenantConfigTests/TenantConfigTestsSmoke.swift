import Testing

@Suite struct TenantConfigTestsSmoke {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
