/// Module marker for `TenantPlan`; see ARCHITECTURE.md for what lives here.
public enum TenantPlanModule {
    public static let name = "TenantPlan"
}
