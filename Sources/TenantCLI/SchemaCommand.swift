import ArgumentParser
import Foundation
import TenantConfig
import TenantLint

/// `tenantctl schema`: the JSON Schemas of tenant.yaml and tenantctl.yaml, for editors.
public struct SchemaCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of tenant.yaml or tenantctl.yaml, so editors complete and check them.",
        discussion: """
        Generated from what tenantctl loads: the Management API's field names, the Deploy CLI sections, the \
        settings keys and the rule identifiers. The repository keeps both in schemas/ (a test keeps them in sync). \
        With the YAML language server (VS Code's YAML extension, and others), put this first line in a file:
          # yaml-language-server: $schema=../../schemas/tenant.schema.json

        Examples:
          tenantctl schema tenant > schemas/tenant.schema.json
          tenantctl schema settings --out schemas/tenantctl.schema.json
        """
    )

    public enum Document: String, ExpressibleByArgument, CaseIterable, Sendable {
        case tenant, settings
    }

    @Argument(help: "tenant (tenant.yaml) or settings (tenantctl.yaml).")
    public var document: Document

    @Option(help: "Write the schema to this file instead of standard output.")
    public var out: String?

    public init() {}

    public func run() throws {
        let schema = switch document {
        case .tenant: TenantSchema.tenantDocument()
        case .settings: TenantSchema.settings(ruleIdentifiers: (RuleRegistry.identifiers + RuleRegistry.renamed.keys).sorted())
        }
        var data = schema.encoded(pretty: true)
        data.append(0x0A)
        if let out {
            try OutputGuard.shared.write(data, to: out, as: .schemaFile(out))
        } else {
            try OutputGuard.shared.print(String(decoding: data, as: UTF8.self), what: "the schema")
        }
    }
}
