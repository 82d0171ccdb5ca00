/// The emulator's table of collections: every endpoint `CollectionEngine` serves. A plain collection is one
/// spec file in this folder and one line here (plus its write endpoints in `scripts/derive-api-fields.py`).
///
/// Order matters twice: snapshots load in this order (a grant after the clients it names), and a parent comes
/// before its sub-resources.
enum CollectionTable {
    static let all: [CollectionSpec] = [
        .resourceServers,
        .clientGrants,
        .rules,
        .logStreams,
        .organizations,
        .organizationEnabledConnections,
        .organizationConnections,
        .organizationClientGrants,
        .organizationDiscoveryDomains,
        .organizationMembers,
        .organizationInvitations,
        .roles,
        .rolePermissions,
        .hooks,
        .customDomains,
        .tokenExchangeProfiles,
        .actionModules,
        .actionModuleVersions,
        .eventStreams,
        .flowVaultConnections,
        .flows,
        .forms,
        .userAttributeProfiles,
        .selfServiceProfiles,
        .networkACLs,
        .connectionProfiles,
        .rateLimitPolicies,
        .phoneProviders,
        .phoneTemplates,
    ]

    /// Tenant-wide objects, and families of them by key (email templates by name). Several specs may share a
    /// snapshot section (each attack protection part is a member of `attack_protection`); items of a list section
    /// are written in this order.
    static let singletons: [SingletonSpec] = [
        .tenantSettings,
        .emailProvider,
        .emailTemplates,
        .guardianFactors,
        .smsTwilio,
        .phoneTwilio,
        .pushSNS,
        .pushAPNS,
        .pushFCM,
        .pushFCMv1,
        .smsTemplates,
        .phoneTemplates,
        .guardianPolicies,
        .phoneSelectedProvider,
        .phoneMessageTypes,
        .botDetection,
        .breachedPasswordDetection,
        .bruteForceProtection,
        .suspiciousIPThrottling,
        .captcha,
        .phoneProviderProtection,
        .riskAssessmentSettings,
        .riskAssessmentNewDevice,
        .supplementalSignals,
        .promptSettings,
        .promptCustomText,
        .promptPartials,
        .promptScreenRendering,
        .branding,
        .universalLoginTemplate,
        .brandingThemes,
    ]

    /// Lists of a keyed singleton's objects.
    static let singletonListings: [SingletonListing] = [
        .guardianFactors,
        .promptRenderings,
    ]

    /// Routes the table's specs cannot express.
    static let customRoutes: [CustomRoute] = [
        .organizationByName,
        .discoveryDomainByName,
        .addRolePermissions,
        .removeRolePermissions,
        .createHook,
        .updateHook,
        .createEmailTemplate,
        .setUniversalLoginTemplate,
        .createTheme,
        .defaultTheme,
        .publishActionModule,
    ] + CustomRoute.selfServiceProfileCustomText + CustomRoute.directoryProvisioning + [.directoryProvisioningList] + CustomRoute.synchronizedGroups

    /// Real endpoints the emulator does not serve, known for their scope: the Deploy CLI's recordings show
    /// `GET /organizations/{id}/clients` answering 403 "Insufficient scope, expected any of: read:organization_clients".
    static let unserved: [UnservedEndpoint] = [
        UnservedEndpoint(method: "GET", path: "organizations/{id}/clients", scope: "read:organization_clients"),
    ]

    /// The spec whose collection path is `path`.
    static func spec(at path: PathPattern) -> CollectionSpec? { all.first { $0.path == path } }

    /// The specs embedded in each item of `parent` in the snapshot, in table order.
    static func embedded(in parent: CollectionSpec) -> [CollectionSpec] {
        all.filter { child in
            guard case .embedded = child.snapshot else { return false }
            return child.path.parentCollection?.path == parent.path
        }
    }
}
