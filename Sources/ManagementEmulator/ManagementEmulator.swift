/// Module marker for `ManagementEmulator`; see ARCHITECTURE.md for what lives here.
public enum ManagementEmulatorModule {
    public static let name = "ManagementEmulator"
}
