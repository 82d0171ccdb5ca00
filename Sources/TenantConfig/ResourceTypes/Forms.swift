extension SnapshotSection {
    public static let forms: SnapshotSection = "forms"
}

extension ResourceType {
    /// Forms: `/forms` (offset lists of summaries; each form is read whole at `/forms/{id}`). The files keep a
    /// form in a JSON file beside the YAML (`body: ./forms/<name>.json`), as the Deploy CLI does. A form names flows
    /// by name where the API holds a flow id: a flow node's `config.flow_id`, a resend button's, and the ending's
    /// `after_submit.flow_id`. Flows never name forms, so flows come first.
    static let forms: ResourceType = {
        var type = ResourceType(
            kind: .forms, noun: "form", section: .list(key: ["name"]),
            api: APIShape(path: "/forms", listing: .paged(itemsKey: "forms"), snapshotSection: .forms, sortKey: ["name"]),
            lifecycle: .standard, rank: 102)
        type.api.listsSummaries = true
        type.readOnlyFields = ["id", "created_at", "updated_at", "embedded_at", "submitted_at", "flow_count"]
        type.files = [FileField("body", content: .jsonSpread, exportPath: "forms/{name}.json")]
        type.directory.files = ["body": .itemIsFile]
        type.references = ["nodes[].config.flow_id", "nodes[].config.components[].config.flow_id", "ending.after_submit.flow_id"].map {
            Reference($0, to: [.flows], inAPI: .id)
        }
        type.example = TypeExample(
            yaml: """
            flowVaultConnections:
              - name: Auth0 management
                app_id: AUTH0
            flows:
              - name: Update KYC name
                body: ./flows/Update KYC name.json
            forms:
              - name: KYC form
                body: ./forms/KYC form.json
            """,
            files: ["flows/Update KYC name.json": Self.kycFlow, "forms/KYC form.json": """
                {
                  "name": "KYC form",
                  "languages": { "primary": "en" },
                  "nodes": [
                    {
                      "id": "step_name",
                      "type": "STEP",
                      "coordinates": { "x": 500, "y": 0 },
                      "alias": "Your name",
                      "config": {
                        "components": [
                          { "id": "full_name", "category": "FIELD", "type": "TEXT", "label": "Your Name", "required": true, "sensitive": false,
                            "config": { "multiline": false, "min_length": 1, "max_length": 50 } },
                          { "id": "next", "category": "BLOCK", "type": "NEXT_BUTTON", "config": { "text": "Continue" } }
                        ],
                        "next_node": "flow_update"
                      }
                    },
                    {
                      "id": "flow_update",
                      "type": "FLOW",
                      "coordinates": { "x": 1000, "y": 0 },
                      "alias": "Update KYC name",
                      "config": { "flow_id": "Update KYC name", "next_node": "$ending" }
                    }
                  ],
                  "start": { "next_node": "step_name", "coordinates": { "x": 0, "y": 0 } },
                  "ending": { "resume_flow": true, "coordinates": { "x": 1250, "y": 0 } }
                }

                """])
        return type
    }()
}
