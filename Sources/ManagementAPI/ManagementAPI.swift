/// Module marker for `ManagementAPI`; see ARCHITECTURE.md for what lives here.
public enum ManagementAPIModule {
    public static let name = "ManagementAPI"
}
