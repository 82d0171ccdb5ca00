/// What a tenant is for (`environment:` in tenantctl.yaml): rules that Auth0's operations best practices ask of a
/// production tenant are errors or warnings there, warnings naming the setting when it is not set, and silent for
/// staging and development tenants.
public enum TenantEnvironment: String, CaseIterable, Sendable, Hashable {
    case production
    case staging
    case development
}
