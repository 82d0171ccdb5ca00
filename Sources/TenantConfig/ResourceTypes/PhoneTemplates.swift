extension SnapshotSection {
    public static let phoneTemplates: SnapshotSection = "phone_templates"
}

extension ResourceType {
    /// Phone notification templates: `/branding/phone/templates` (one GET, items under `templates`), named by their
    /// notification `type`. The API sets `content.syntax` (`liquid`) and its PATCH does not take it.
    static let phoneTemplates: ResourceType = {
        var type = ResourceType(
            kind: .phoneTemplates, noun: "phone template", section: .list(key: ["type"]),
            api: APIShape(path: "/branding/phone/templates", listing: .unpaged(itemsKey: "templates"), snapshotSection: .phoneTemplates,
                          sortKey: ["type"]),
            lifecycle: .standard, rank: 121)
        type.readOnlyFields = ["id", "tenant", "channel", "customizable", "created_at", "updated_at", "content.syntax"]
        type.example = TypeExample(yaml: """
            phoneTemplates:
              - type: otp_verify
                disabled: false
                content:
                  from: "+15555550100"
                  body:
                    text: "Your verification code is {{ code }}"
                    voice: "Your verification code is {{ code }}"
            """)
        return type
    }()
}
