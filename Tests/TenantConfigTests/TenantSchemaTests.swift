import Foundation
import Testing
@testable import TenantConfig

/// The JSON Schemas `tenantctl schema` prints follow what the loader accepts.
@Suite struct TenantSchemaTests {
    let tenant = TenantSchema.tenantDocument()
    let settings = TenantSchema.settings(ruleIdentifiers: ["script-named", "script-size"])

    @Test func everySectionTheLoaderKnowsIsAPropertyAndNothingElse() {
        let properties = Set(tenant["properties"]?.objectValue?.keys ?? [:].keys)
        let sections = Set(ResourceKind.allCases.map(\.rawValue)).union(ResourceSectionParser.unmanagedDeployCLISections)
        #expect(properties == sections)
        #expect(tenant["additionalProperties"] == .bool(false))
    }

    @Test func listSectionsRequireTheirKeyFieldsAndCloseTheirTopLevel() {
        for kind in ResourceKind.allCases where !kind.keyFields.isEmpty {
            let item = tenant["properties"]?[kind.rawValue]?["items"]
            #expect(item?["required"] == .array(kind.keyFields.map(JSONValue.string)), "\(kind)")
            #expect(item?["additionalProperties"] == .bool(false), "\(kind)")
        }
        #expect(tenant["properties"]?["clientGrants"]?["items"]?["required"] == .array([.string("client_id"), .string("audience")]))
    }

    @Test func customScriptsNameTheSevenScripts() {
        let scripts = tenant["properties"]?["databases"]?["items"]?["properties"]?["options"]
        let reference = scripts?["$ref"]?.stringValue ?? ""
        #expect(reference == "#/$defs/databases.options")
        let definition = tenant["$defs"]?["databases.options"]?["properties"]?["customScripts"]
        #expect(Set(definition?["properties"]?.objectValue?.keys ?? [:].keys) == Set(DatabaseScriptName.allCases.map(\.rawValue)))
        #expect(definition?["additionalProperties"] == .bool(false))
    }

    @Test(.enabled(if: Reference.isPresent, Reference.whyAbsent))
    func everyFieldOfTheReferenceFilesIsAProperty() throws {
        // The Deploy CLI's real files load unchanged, so the schema accepts every field they use.
        for name in Reference.tenantFiles {
            let path = Reference.a0deploy(name)
            let root = try #require(try YAMLDocument.parse(String(contentsOfFile: path, encoding: .utf8), file: path))
            for section in root.entries {
                guard let kind = ResourceKind(rawValue: section.key), !kind.keyFields.isEmpty else { continue }
                let known = tenant["properties"]?[kind.rawValue]?["items"]?["properties"]?.objectValue ?? [:]
                for item in section.value.items {
                    // A field the API refuses, which the Deploy CLI's example writes anyway (see ReferenceFilesTests).
                    for field in item.entries where !(name == "examples-yaml.tenant.yaml" && kind == .userAttributeProfiles && field.key == "description") {
                        #expect(known[field.key] != nil, "\(name): \(kind.rawValue).\(field.key)")
                    }
                }
            }
        }
    }

    @Test func settingsSchemaCoversEveryKeyTheParserReads() {
        let properties = settings["properties"]?.objectValue ?? [:]
        #expect(properties.keys.sorted() == DeploySettingsParser.knownKeys.sorted())
        for (key, schema) in properties {
            #expect(schema != .object([:]), "\(key) has a schema")
        }
        #expect(settings["properties"]?["lint"]?["properties"]?["disable"]?["items"]?["properties"]?["rule"]?["enum"]
            == .array([.string("script-named"), .string("script-size")]))
        #expect(settings["properties"]?["managed"]?["items"]?["enum"] == .array(ResourceKind.allCases.map { .string($0.rawValue) }))
    }
}
