import Testing

@Suite struct TenantPlanTestsSmoke {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
