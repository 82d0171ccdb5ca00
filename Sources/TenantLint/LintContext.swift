import Foundation
import TenantConfig

/// What a rule looks at: the loaded tenant (resources, scripts, settings) and each script lexed once, and the day
/// to judge by (what runs depends on it: Rules stopped on `RulesEndOfLife.date`). Rules read, never write.
public struct LintContext: Sendable {
    public var tenant: TenantDefinition
    /// The day the tenant is judged on: now for `validate`, a fixed day in tests.
    public var today: Date
    private var lexedScripts: [String: JavaScriptSource]

    public init(tenant: TenantDefinition, today: Date = Date()) {
        self.tenant = tenant
        self.today = today
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
