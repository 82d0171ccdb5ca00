import APIJSON

extension CollectionSpec {
    /// `/hooks`: listed, read and deleted as the real API does (offset lists `{hooks, start, limit, total}` as
    /// recorded, `fields` projections, ULID ids), seeded through the snapshot. Hooks reached end of life on
    /// 2026-11-18: creating or updating one is refused (see `hooksEndOfLife`).
    static let hooks: CollectionSpec = CollectionSpec(
        path: "hooks", itemParameter: "id", plural: "hooks",
        identifiers: .ulid, listing: .offset, filters: ["triggerId", "enabled"], projectsFields: true,
        deletion: .noContent,
        notFound: .notFound("The hook does not exist", "inexistent_hook"),
        scope: ScopeRule(resource: "hooks", verbs: ["PATCH": "create"]),
        snapshot: .section("hooks")
    )
}

extension CustomRoute {
    /// Creating or updating a hook after its end of life. The answer is inferred: no recording shows it. It takes
    /// the shape the Deploy CLI's recordings show for a feature a tenant cannot use (403, errorCode
    /// `insufficient_scope`, "Please upgrade your subscription to enable Akamai Signals."). The spec's scope for
    /// both writes is `create:hooks`.
    static let createHook: CustomRoute = CustomRoute(method: "POST", path: "hooks", scope: ScopeRule(resource: "hooks")) { _, _, _ throws(APIErrorResponse) in
        throw hooksEndOfLife
    }

    static let updateHook: CustomRoute = CustomRoute(method: "PATCH", path: "hooks/{id}", scope: ScopeRule(resource: "hooks", verbs: ["PATCH": "create"])) {
        _, _, _ throws(APIErrorResponse) in
        throw hooksEndOfLife
    }

    static let hooksEndOfLife = APIErrorResponse(
        status: 403, message: "Hooks reached end of life on 2026-11-18 and can no longer be created or updated. Use Actions instead.",
        errorCode: "insufficient_scope")
}
