import TenantConfig

/// What a rule looks at: the loaded tenant (resources, scripts, settings) and each script lexed once.
/// Rules read, never write.
public struct LintContext: Sendable {
    public var tenant: TenantDefinition
    private var lexedScripts: [String: JavaScriptSource]

    public init(tenant: TenantDefinition) {
        self.tenant = tenant
        var lexed: [String: JavaScriptSource] = [:]
        for script in tenant.scripts where lexed[script.path] == nil {
            lexed[script.path] = JavaScriptSource(script.text)
        }
        lexedScripts = lexed
    }

    /// The script's tokens, comments and syntax errors.
    public func javaScript(_ script: ScriptSource) -> JavaScriptSource {
        lexedScripts[script.path] ?? JavaScriptSource(script.text)
    }
}
