import APIJSON

extension SingletonSpec {
    /// `/emails/provider`: 404 until created with `POST` (201; 409 when one exists), `PATCH` replaces the
    /// top-level fields it names, `DELETE` 204; `credentials` are write-only.
    static let emailProvider: SingletonSpec = SingletonSpec(
        path: "emails/provider", writes: ["PATCH": .topLevelMerge],
        createStatus: 201, deletion: .noContent,
        notFound: .notFound("There is not a configured email provider", "inexistent_email_provider"),
        conflict: .conflict("An email provider is already configured", "email_provider_conflict"),
        fields: [.string("name", required: true)],
        writeOnly: [["credentials"]],
        projectsFields: true,
        scope: ScopeRule(resource: "email_provider"),
        snapshot: .section("email_provider")
    )
}
