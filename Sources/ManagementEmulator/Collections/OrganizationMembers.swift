import APIJSON

extension CollectionSpec {
    /// `/organizations/{id}/members`: user data, read-only here (tenantctl never writes it); seeded through an
    /// organization's `members` in the snapshot, which the admin snapshot leaves out (it shows `member_count`).
    static let organizationMembers: CollectionSpec = CollectionSpec(
        path: "organizations/{id}/members", itemParameter: "user_id", plural: "members",
        idField: "user_id", identifiers: .fromBody, listing: .offsetOrCheckpoint, projectsFields: true,
        hasItemRoutes: false,
        notFound: organizationNotFound, parentNotFound: organizationNotFound,
        scope: ScopeRule(resource: "organization_members"),
        snapshot: .embedded("members", inAdminSnapshot: false)
    )

    /// `/organizations/{id}/invitations`: user data like members (`uinv_` ids).
    static let organizationInvitations: CollectionSpec = CollectionSpec(
        path: "organizations/{id}/invitations", itemParameter: "invitation_id", plural: "invitations",
        identifiers: .random(prefix: "uinv_", length: 16, alphabet: .alphanumeric), listing: .offset, projectsFields: true,
        notFound: .notFound("The invitation does not exist.", "inexistent_invitation"),
        parentNotFound: .notFound("No organization found by that id.", "inexistent_organization"),
        scope: ScopeRule(resource: "organization_invitations"),
        snapshot: .embedded("invitations", inAdminSnapshot: false)
    )
}
