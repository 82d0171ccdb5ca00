extension SnapshotSection {
    public static let guardianPolicies: SnapshotSection = "guardian_policies"
    public static let guardianPhoneFactorSelectedProvider: SnapshotSection = "guardian_phone_selected_provider"
    public static let guardianPhoneFactorMessageTypes: SnapshotSection = "guardian_phone_message_types"
}

extension ResourceType {
    /// When MFA is required (`policies: [all-applications]`, or none): `PUT /guardian/policies` with the list.
    static let guardianPolicies: ResourceType = tenantWide(
        .guardianPolicies, noun: "MFA policies",
        parts: [SingletonPart("policies", path: "/guardian/policies", method: "PUT", snapshot: .section(.guardianPolicies))],
        example: "guardianPolicies:\n  policies:\n    - all-applications\n", directory: .sectionFile("guardian/policies.json"))

    /// Which provider sends phone factor messages (`auth0`, `twilio`, `phone-message-hook`).
    static let guardianPhoneFactorSelectedProvider: ResourceType = tenantWide(
        .guardianPhoneFactorSelectedProvider, noun: "MFA phone provider",
        parts: [SingletonPart("", path: "/guardian/factors/phone/selected-provider", method: "PUT", snapshot: .section(.guardianPhoneFactorSelectedProvider))],
        example: "guardianPhoneFactorSelectedProvider:\n  provider: twilio\n", directory: .sectionFile("guardian/phoneFactorSelectedProvider.json"))

    /// Whether phone factors send SMS, voice, or both.
    static let guardianPhoneFactorMessageTypes: ResourceType = tenantWide(
        .guardianPhoneFactorMessageTypes, noun: "MFA phone message types",
        parts: [SingletonPart("", path: "/guardian/factors/phone/message-types", method: "PUT", snapshot: .section(.guardianPhoneFactorMessageTypes))],
        example: "guardianPhoneFactorMessageTypes:\n  message_types:\n    - sms\n    - voice\n",
        directory: .sectionFile("guardian/phoneFactorMessageTypes.json"))

    /// A tenant-wide setting kept at its own endpoints: a singleton in parts, never created or deleted; a section the
    /// files leave out is left alone.
    static func tenantWide(_ kind: ResourceKind, noun: String, parts: [SingletonPart], example: String, exampleFiles: [String: String] = [:],
                           secrets: [String: String] = [:], rank: Int = 93, directory: DirectoryLayout? = nil) -> ResourceType {
        let section = parts[0].snapshot.section ?? SnapshotSection(rawValue: kind.rawValue)
        var type = ResourceType(
            kind: kind, noun: noun, section: .singleton,
            api: APIShape(path: parts.first?.path ?? "/", listing: .parts, snapshotSection: section),
            lifecycle: Lifecycle(create: nil, update: parts.first?.method, delete: .never("\(noun) always exist on a tenant")), rank: rank)
        type.parts = parts
        type.planning = .parts
        type.example = TypeExample(yaml: example, files: exampleFiles, secrets: secrets)
        if let directory { type.directory = directory }
        return type
    }
}
