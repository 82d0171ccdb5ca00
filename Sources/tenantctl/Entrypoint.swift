import TenantCLI

/// The executable is a few lines: every command lives in TenantCLI, where tests call it directly.
@main
struct Entrypoint {
    static func main() async {
        await TenantctlCommand.main(nil)
    }
}
