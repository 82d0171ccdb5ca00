import Foundation
import Testing
@testable import TenantConfig

/// Issue 14's collections in the Deploy CLI's format (YAML, and the files beside it: a module's code, a form's or a
/// flow's JSON), and what the API would refuse, caught while loading with the file and line.
@Suite struct TenantCollectionsLoadingTests {
    @Test func theDeployCLIFormatLoadsWithItsFiles() throws {
        let tenant = loadTenant([
            "tenant.yaml": """
                actionModules:
                  - name: auth-helper
                    code: ./action-modules/auth-helper/code.js
                    dependencies: [{name: axios, version: 1.6.0}]
                    secrets: [{name: JWT_SECRET, value: "##JWT_SECRET##"}]
                forms:
                  - name: New Kyc form
                    body: ./forms/New Kyc form.json
                networkACLs:
                  - description: Allow Specific Countries
                    active: true
                    priority: 2
                    rule: {action: {allow: true}, scope: authentication, match: {geo_country_codes: [US, CA]}}
                rateLimitPolicies:
                  - resource: oauth_authentication_api
                    consumer: client
                    consumer_selector: default
                    configuration: {action: block, limit: 100}
                eventStreams:
                  - name: Hook
                    destination:
                      type: webhook
                      configuration:
                        webhook_endpoint: https://example.com/events
                        webhook_authorization: {method: bearer, token: "##TOKEN##"}
                """,
            "action-modules/auth-helper/code.js": "module.exports = {};\n",
            "forms/New Kyc form.json": #"{"name":"New Kyc form","nodes":[]}"#,
        ], environment: ["JWT_SECRET": "x", "TOKEN": "y"])
        #expect(tenant.findings.isEmpty, "\(tenant.findings)")
        #expect(tenant.resources(.networkACLs).map(\.key) == ["2"], "named by priority, a number")
        #expect(tenant.resources(.rateLimitPolicies).map(\.key) == ["oauth_authentication_api → client → default"])
        #expect(tenant.attachedFile(.actionModules, owner: "auth-helper", field: "code")?.value == .string("module.exports = {};\n"))
        #expect(tenant.attachedFile(.forms, owner: "New Kyc form", field: "body")?.value == .object(["name": .string("New Kyc form"), "nodes": .array([])]))
    }

    @Test func aCustomDomainTheAPIRefusesIsAnErrorWithItsLine() throws {
        let tenant = loadTenant(["tenant.yaml": "customDomains:\n  - domain: my_domain.com\n    type: auth0_managed_certs\n"])
        let finding = try #require(tenant.findings("api-limit").first)
        #expect(finding.severity == .error)
        #expect(finding.location == SourceLocation(file: "t/tenant.yaml", line: 2, column: 13))
        #expect(finding.message.hasPrefix("`domain` in `customDomains` is `my_domain.com`, which the Management API refuses (it must match `^(([a-zA-Z0-9]|"))
        #expect(loadTenant(["tenant.yaml": "customDomains:\n  - domain: login.my-domain.com\n    type: auth0_managed_certs\n"]).findings.isEmpty)
    }

    @Test func aTokenExchangeProfileNameUnderTheAPIsMinimumIsAnError() throws {
        let tenant = loadTenant(["tenant.yaml": "tokenExchangeProfiles:\n  - name: ab\n    type: custom_authentication\n    subject_token_type: urn:a:token\n    action: x\n"])
        let finding = try #require(tenant.findings("api-limit").first)
        #expect(finding.message == "`name` in `tokenExchangeProfiles` is 2 characters long; the Management API needs at least 3.")
        #expect(finding.location?.line == 2)
    }

    @Test func aConnectionProfilePrefixOverTheAPIsLimitIsAnError() throws {
        let tenant = loadTenant(["tenant.yaml": "connectionProfiles:\n  - name: SSO\n    connection_name_prefix_template: org-{org_name}-sso\n"])
        #expect(tenant.findings("api-limit").map(\.message) == ["`connection_name_prefix_template` in `connectionProfiles` is 18 characters long; the Management API accepts at most 15. Shorten it."])
        // The spec's pattern names `{org_id}` and `{org_name}` as literal text, and refuses a doubled `-`.
        #expect(loadTenant(["tenant.yaml": "connectionProfiles:\n  - name: SSO\n    connection_name_prefix_template: org-{org_name}\n"]).findings.isEmpty)
        #expect(loadTenant(["tenant.yaml": "connectionProfiles:\n  - name: SSO\n    connection_name_prefix_template: org--x\n"]).findings("api-limit").count == 1)
    }

    @Test func aNetworkACLWithoutAPriorityHasNoName() throws {
        let tenant = loadTenant(["tenant.yaml": "networkACLs:\n  - description: Allow\n    active: true\n"])
        #expect(tenant.findings("missing-field").map(\.message) == ["this network ACL has no `priority`; add one"])
    }

    @Test func aFormWhoseJSONFileIsNotAnObjectIsAnError() throws {
        let tenant = loadTenant(["tenant.yaml": "forms:\n  - name: KYC\n    body: ./forms/kyc.json\n", "forms/kyc.json": "[1, 2]"])
        #expect(tenant.findings("wrong-type").map(\.message) == ["t/forms/kyc.json must hold a JSON object: the form itself"])
        let broken = loadTenant(["tenant.yaml": "flows:\n  - name: Update\n    body: ./flows/update.json\n", "flows/update.json": "{\"name\": "])
        #expect(broken.findings("json-syntax").map(\.message) == ["t/flows/update.json is not valid JSON; fix it (a form or flow is the JSON the Management API takes)"])
    }
}
