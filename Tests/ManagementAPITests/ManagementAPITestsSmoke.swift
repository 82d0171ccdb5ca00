import Testing

@Suite struct ManagementAPITestsSmoke {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
