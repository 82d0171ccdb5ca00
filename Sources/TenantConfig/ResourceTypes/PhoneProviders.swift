extension SnapshotSection {
    public static let phoneProviders: SnapshotSection = "phone_providers"
}

extension ResourceType {
    /// The phone notification provider: `/branding/phone/providers` (one GET, items under `providers`). Its
    /// `credentials` are write-only: the API answers them as `null`, as recorded.
    static let phoneProviders: ResourceType = {
        var type = ResourceType(
            kind: .phoneProviders, noun: "phone provider", section: .list(key: ["name"]),
            api: APIShape(path: "/branding/phone/providers", listing: .unpaged(itemsKey: "providers"), snapshotSection: .phoneProviders,
                          sortKey: ["name"]),
            lifecycle: .standard, rank: 120)
        type.readOnlyFields = ["id", "tenant", "channel", "created_at", "updated_at"]
        type.secretFields = [SecretField("credentials", onRead: .writeOnly)]
        type.example = TypeExample(
            yaml: """
            phoneProviders:
              - name: twilio
                disabled: false
                configuration:
                  sid: AC0123456789
                  default_from: "+15555550100"
                  delivery_methods:
                    - text
                credentials:
                  auth_token: ##TWILIO_CREDENTIALS_AUTH_TOKEN##
            """,
            secrets: ["TWILIO_CREDENTIALS_AUTH_TOKEN": "round-trip-twilio-token-40d7"])
        // One file holds the list, as the Deploy CLI writes it.
        type.directory = .sectionFile("phone-providers/provider.json")
        return type
    }()
}
