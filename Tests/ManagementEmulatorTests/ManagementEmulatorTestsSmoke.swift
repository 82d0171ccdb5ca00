import Testing

@Suite struct ManagementEmulatorTestsSmoke {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
