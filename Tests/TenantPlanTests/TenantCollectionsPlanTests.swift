import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// The references, replacements and orders of issue 14's collections as the planner makes their calls: names
/// resolved to ids (top-level, renamed in the API, deep in a resource or in a JSON file beside the YAML), a name that
/// exists nowhere an error with its file and line, immutable fields replaced.
@Suite struct TenantCollectionsPlanTests {
    typealias F = PlanFixtures

    static let action = F.object(#"[{"id":"act_1","name":"exchange","code":"x","supported_triggers":[{"id":"custom-token-exchange","version":"v1"}],"all_changes_deployed":true}]"#)

    // MARK: - Token exchange profiles: `action` in the files, `action_id` in the API

    static let profileYAML = """
    tokenExchangeProfiles:
      - name: Partner
        type: custom_authentication
        subject_token_type: urn:partner:token
        action: exchange
    """

    @Test func aProfileNamesItsActionByNameAndTheAPIGetsItsID() throws {
        let plan = try F.plan(F.tenant(Self.profileYAML), F.snapshot([.actions: Self.action]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /token-exchange-profiles"])
        #expect(plan.steps[0].body == F.object(#"{"name":"Partner","type":"custom_authentication","subject_token_type":"urn:partner:token","action_id":"act_1"}"#))
        let live = F.snapshot([.actions: Self.action, .tokenExchangeProfiles: F.object(
            #"[{"id":"tep_1","name":"Partner","type":"custom_authentication","subject_token_type":"urn:partner:token","action_id":"act_1","created_at":"x","updated_at":"y"}]"#)])
        #expect(try F.plan(F.tenant(Self.profileYAML), live).isEmpty)
    }

    @Test func aProfileFollowsTheCreateAndDeployOfItsAction() throws {
        let yaml = "actions:\n  - name: exchange\n    code: ./code.js\n    supported_triggers: [{id: custom-token-exchange, version: v1}]\n" + Self.profileYAML
        let plan = try F.plan(F.tenant(yaml, files: ["code.js": "exports.onExecuteCustomTokenExchange = async () => {};\n"]), F.snapshot([:]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /actions/actions", "POST /actions/actions/{{ref:actions/exchange}}/deploy", "POST /token-exchange-profiles"])
        #expect(plan.steps[2].body?["action_id"] == .string("{{ref:actions/exchange}}"))
        #expect(plan.steps[2].dependsOn == [1, 2])
    }

    @Test func aProfileNamingAnActionThatExistsNowhereIsAnErrorWithItsLine() throws {
        let error = try #require(throws: PlanError.self) { try F.plan(F.tenant(Self.profileYAML), F.snapshot([:])) }
        #expect(error.description == "acme-test/tenant.yaml:5:13: tokenExchangeProfiles/Partner names the action `exchange`, which exists neither in the files nor on the tenant; declare it or fix the name")
    }

    @Test func anotherActionReplacesTheProfile() throws {
        let actions = F.object(#"[{"id":"act_1","name":"exchange","all_changes_deployed":true},{"id":"act_2","name":"exchange-v2","all_changes_deployed":true}]"#)
        let live = F.snapshot([.actions: actions, .tokenExchangeProfiles: F.object(
            #"[{"id":"tep_1","name":"Partner","type":"custom_authentication","subject_token_type":"urn:partner:token","action_id":"act_1"}]"#)])
        let plan = try F.plan(F.tenant(Self.profileYAML.replacingOccurrences(of: "action: exchange", with: "action: exchange-v2")), live)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["DELETE /token-exchange-profiles/tep_1", "POST /token-exchange-profiles"])
        #expect(plan.steps[0].notes == ["Replaced: `action_id` cannot change in place, so the live token exchange profile is deleted and created again (it gets a new id)."])
        #expect(plan.steps[1].body?["action_id"] == .string("act_2"))
    }

    // MARK: - Custom domains: `domain` is the key, `type` cannot change

    static let domains = F.object(#"[{"custom_domain_id":"cd_1","domain":"login.example.com","type":"auth0_managed_certs","primary":false,"status":"ready","tls_policy":"recommended"}]"#)

    @Test func anotherProvisioningTypeReplacesTheCustomDomain() throws {
        let yaml = "customDomains:\n  - domain: login.example.com\n    type: self_managed_certs\n"
        let plan = try F.plan(F.tenant(yaml), F.snapshot([.customDomains: Self.domains]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["DELETE /custom-domains/cd_1", "POST /custom-domains"])
        #expect(plan.steps[0].notes.first?.contains("`type` cannot change in place") == true)
        #expect(plan.steps[1].body == F.object(#"{"domain":"login.example.com","type":"self_managed_certs"}"#))
    }

    @Test func anotherDomainIsANewCustomDomainAndTheOldOneIsDeletedOnlyWithAllowDeletes() throws {
        let yaml = "customDomains:\n  - domain: auth.example.com\n    type: auth0_managed_certs\n    is_default: true\n"
        let kept = try F.plan(F.tenant(yaml), F.snapshot([.customDomains: Self.domains]))
        #expect(kept.steps.map { "\($0.method) \($0.path)" } == ["POST /custom-domains"])
        #expect(kept.steps[0].body?["is_default"] == nil, "the API refuses the flag in a domain's body")
        #expect(kept.notes?.map(\.resource) == [ResourceAddress(.customDomains, "auth.example.com")], "the default waits for verification")
        #expect(kept.kept.map(\.resource) == [ResourceAddress(.customDomains, "login.example.com")])
        let deleting = try F.plan(F.tenant(yaml, settings: "domain: acme-test.eu.auth0.com\nallow_deletes: true\n"), F.snapshot([.customDomains: Self.domains]))
        #expect(deleting.steps.map { "\($0.method) \($0.path)" } == ["POST /custom-domains", "DELETE /custom-domains/cd_1"])
        #expect(TextPlanRenderer(color: false).render(deleting).contains("customDomains/login.example.com"))
        #expect(F.tenant(yaml).findings.filter { $0.rule == "unmanaged-field" }.isEmpty)
    }

    // MARK: - Event streams: an action destination names its action

    @Test func anActionDestinationNamesItsActionDeepInTheStream() throws {
        let yaml = """
        eventStreams:
          - name: Audit
            subscriptions: [{event_type: user.created}]
            destination:
              type: action
              configuration:
                action_id: exchange
        """
        let plan = try F.plan(F.tenant(yaml), F.snapshot([.actions: Self.action]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /event-streams"])
        #expect(plan.steps[0].body?["destination"] == F.object(#"{"type":"action","configuration":{"action_id":"act_1"}}"#))
        let live = F.snapshot([.actions: Self.action, .eventStreams: F.object(
            #"[{"id":"est_1","name":"Audit","subscriptions":[{"event_type":"user.created"}],"destination":{"type":"action","configuration":{"action_id":"act_1"}}}]"#)])
        #expect(try F.plan(F.tenant(yaml), live).isEmpty)
        let changed = try F.plan(F.tenant(yaml.replacingOccurrences(of: "user.created", with: "user.deleted")), live)
        #expect(changed.steps.map(\.changes) == [[FieldChange(path: "subscriptions", before: F.object(#"[{"event_type":"user.created"}]"#), after: F.object(#"[{"event_type":"user.deleted"}]"#))]])
        let error = try #require(throws: PlanError.self) { try F.plan(F.tenant(yaml), F.snapshot([:])) }
        #expect(error.description == "acme-test/tenant.yaml:7:20: eventStreams/Audit names the action `exchange`, which exists neither in the files nor on the tenant; declare it or fix the name")
    }

    @Test func aWebhookTokenIsNeverShownAndAKeywordIsShownByName() throws {
        let yaml = "eventStreams:\n  - name: Hook\n    destination: {type: webhook, configuration: {webhook_endpoint: https://h.example, webhook_authorization: {method: bearer, token: TOKEN}}}\n"
        let literal = try F.plan(F.tenant(yaml.replacingOccurrences(of: "TOKEN", with: "literal-token-3f9")), F.snapshot([:]))
        #expect(literal.steps[0].changes.first { $0.path == "destination" }?.after
            == F.object(#"{"type":"webhook","configuration":{"webhook_endpoint":"https://h.example","webhook_authorization":{"method":"bearer","token":"(sensitive)"}}}"#))
        #expect(!TextPlanRenderer(color: false).render(literal).contains("literal-token-3f9"))
        let keyword = try F.plan(F.tenant(yaml.replacingOccurrences(of: "TOKEN", with: "\"##HOOK_TOKEN##\""), settings: "domain: acme-test.eu.auth0.com\nsecrets: [HOOK_TOKEN]\n",
                                          environment: ["HOOK_TOKEN": "t0k"]), F.snapshot([:]), environment: ["HOOK_TOKEN": "t0k"])
        #expect(keyword.steps[0].changes.first { $0.path == "destination" }?.after?["configuration"]?["webhook_authorization"]?["token"] == .string("(sensitive)"),
                "a secret field is (sensitive) whatever its source")
        #expect(keyword.steps[0].body?["destination"]?["configuration"]?["webhook_authorization"]?["token"] == .string("{{secret:HOOK_TOKEN}}"))
    }

    @Test func aChangedActionDestinationShowsActionNamesNotIDs() throws {
        let actions = F.object(#"[{"id":"act_1","name":"exchange","all_changes_deployed":true},{"id":"act_2","name":"audit","all_changes_deployed":true}]"#)
        let live = F.snapshot([.actions: actions, .eventStreams: F.object(
            #"[{"id":"est_1","name":"Audit","destination":{"type":"action","configuration":{"action_id":"act_1"}}}]"#)])
        let yaml = "eventStreams:\n  - name: Audit\n    destination: {type: action, configuration: {action_id: audit}}\n"
        let plan = try F.plan(F.tenant(yaml), live)
        #expect(plan.steps.first?.body?["destination"]?["configuration"]?["action_id"] == .string("act_2"))
        #expect(plan.steps.first?.changes == [FieldChange(path: "destination", before: F.object(#"{"type":"action","configuration":{"action_id":"exchange"}}"#),
                                                          after: F.object(#"{"type":"action","configuration":{"action_id":"audit"}}"#))])
    }

    // MARK: - Vault connections, flows and forms

    static let formsYAML = """
    flowVaultConnections:
      - name: M2M
        app_id: AUTH0
    flows:
      - name: Update name
        body: ./flows/update.json
    forms:
      - name: KYC
        body: ./forms/kyc.json
    """
    static let flowFile = #"{"name":"Update name","actions":[{"id":"u","type":"AUTH0","action":"UPDATE_USER","params":{"connection_id":"M2M","user_id":"{{context.user.user_id}}"}}]}"#
    static let formFile = #"""
        {"name":"KYC","id":"ap_from_an_export","created_at":"2026-01-01T00:00:00.000Z",
         "nodes":[{"id":"f","type":"FLOW","config":{"flow_id":"Update name","next_node":"$ending"}}],
         "ending":{"resume_flow":true,"after_submit":{"flow_id":"Update name"}}}
        """#

    @Test func vaultConnectionsComeBeforeFlowsWhichComeBeforeFormsAndNamesBecomeIDs() throws {
        let tenant = F.tenant(Self.formsYAML, files: ["flows/update.json": Self.flowFile, "forms/kyc.json": Self.formFile])
        let plan = try F.plan(tenant, F.snapshot([:]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /flows/vault/connections", "POST /flows", "POST /forms"])
        #expect(plan.steps[1].body?["actions"]?.arrayValue?.first?["params"]?["connection_id"] == .string("{{ref:flowVaultConnections/M2M}}"))
        #expect(plan.steps[1].body?["body"] == nil && plan.steps[1].body?["name"] == .string("Update name"))
        #expect(plan.steps[2].body?["nodes"]?.arrayValue?.first?["config"]?["flow_id"] == .string("{{ref:flows/Update name}}"))
        #expect(plan.steps[2].body?["ending"]?["after_submit"]?["flow_id"] == .string("{{ref:flows/Update name}}"))
        #expect(plan.steps[2].body?["id"] == nil && plan.steps[2].body?["created_at"] == nil, "what the API sets is never sent, even from the JSON file")
        #expect(plan.steps[1].dependsOn == [1] && plan.steps[2].dependsOn == [2])

        let live = F.snapshot([
            .flowVaultConnections: F.object(#"[{"id":"ac_1","name":"M2M","app_id":"AUTH0","ready":false,"fingerprint":"f"}]"#),
            .flows: F.object(#"[{"id":"af_1","name":"Update name","actions":[{"id":"u","type":"AUTH0","action":"UPDATE_USER","params":{"connection_id":"ac_1","user_id":"{{context.user.user_id}}"}}]}]"#),
            .forms: F.object(#"[{"id":"ap_1","name":"KYC","nodes":[{"id":"f","type":"FLOW","config":{"flow_id":"af_1","next_node":"$ending"}}],"ending":{"resume_flow":true,"after_submit":{"flow_id":"af_1"}}}]"#),
        ])
        #expect(try F.plan(tenant, live).isEmpty)
    }

    @Test func aFlowNamingAVaultConnectionThatExistsNowhereIsAnErrorAtTheLineNamingItsFile() throws {
        let yaml = "flows:\n  - name: Update name\n    body: ./flows/update.json\n"
        let error = try #require(throws: PlanError.self) { try F.plan(F.tenant(yaml, files: ["flows/update.json": Self.flowFile]), F.snapshot([:])) }
        #expect(error.description == "acme-test/tenant.yaml:3:11: flows/Update name names the flow vault connection `M2M`, which exists neither in the files nor on the tenant; declare it or fix the name")
    }

    @Test func aFormNamingAFlowThatExistsNowhereIsAnError() throws {
        let yaml = "forms:\n  - name: KYC\n    body: ./forms/kyc.json\n"
        let error = try #require(throws: PlanError.self) { try F.plan(F.tenant(yaml, files: ["forms/kyc.json": Self.formFile]), F.snapshot([:])) }
        #expect(error.description == "acme-test/tenant.yaml:3:11: forms/KYC names the flow `Update name`, which exists neither in the files nor on the tenant; declare it or fix the name")
    }

    // MARK: - Self-service profiles name user attribute profiles

    @Test func aSelfServiceProfileNamesItsUserAttributeProfile() throws {
        let yaml = """
        userAttributeProfiles:
          - name: Attributes
            user_attributes: {email: {label: Email, description: Email, auth0_mapping: email, profile_required: true}}
        selfServiceProfiles:
          - name: SSO
            allowed_strategies: [okta]
            user_attribute_profile_id: Attributes
            customText:
              en:
                get-started:
                  introduction: Welcome
        """
        let plan = try F.plan(F.tenant(yaml), F.snapshot([:]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /user-attribute-profiles", "POST /self-service-profiles",
                                                                  "PUT /self-service-profiles/{{ref:selfServiceProfiles/SSO}}/custom-text/en/get-started"])
        #expect(plan.steps[1].body == F.object(#"{"name":"SSO","allowed_strategies":["okta"],"user_attribute_profile_id":"{{ref:userAttributeProfiles/Attributes}}"}"#),
                "the custom text is not part of the profile's own body")
        #expect(plan.steps[2].body == F.object(#"{"introduction":"Welcome"}"#))
        #expect(plan.steps[2].dependsOn.contains(2), "after the profile it belongs to")
        #expect(F.tenant(yaml).findings.filter { $0.rule == "unmanaged-field" }.isEmpty)
        let error = try #require(throws: PlanError.self) { try F.plan(F.tenant(yaml.replacingOccurrences(of: "id: Attributes", with: "id: Missing")), F.snapshot([:])) }
        #expect(error.description.hasPrefix("acme-test/tenant.yaml:7:32: selfServiceProfiles/SSO names the user attribute profile `Missing`"))
    }

    // MARK: - Action modules: created published, changes published, before the actions that name them

    static let modulesYAML = """
    actionModules:
      - name: helper
        code: ./action-modules/helper/code.js
    actions:
      - name: login
        code: ./actions/login/code.js
        supported_triggers: [{id: post-login, version: v3}]
        modules:
          - module_name: helper
            module_version_number: 1
    """
    static let moduleFiles = ["action-modules/helper/code.js": "module.exports = {};\n", "actions/login/code.js": "exports.onExecutePostLogin = async () => {};\n"]

    @Test func aModuleIsCreatedPublishedBeforeTheActionThatNamesIt() throws {
        let plan = try F.plan(F.tenant(Self.modulesYAML, files: Self.moduleFiles), F.snapshot([:]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["POST /actions/modules", "POST /actions/actions", "POST /actions/actions/{{ref:actions/login}}/deploy"])
        #expect(plan.steps[0].body == F.object(#"{"name":"helper","code":"module.exports = {};\n","publish":true}"#))
        #expect(plan.steps[1].body?["modules"] == F.object(#"[{"module_name":"helper","module_version_number":1}]"#))
        #expect(plan.steps[1].dependsOn == [1])
    }

    @Test func aChangedModuleIsPublishedAsItsNextVersionBeforeAnActionNamesThatVersion() throws {
        let live = F.snapshot([
            .actionModules: F.object(#"[{"id":"mod_1","name":"helper","code":"module.exports = {};\n","dependencies":[],"secrets":[],"all_changes_published":true,"latest_version_number":1}]"#),
            .actions: F.object(#"[{"id":"act_1","name":"login","code":"exports.onExecutePostLogin = async () => {};\n","supported_triggers":[{"id":"post-login","version":"v3"}],"all_changes_deployed":true,"modules":[{"module_id":"mod_1","module_name":"helper","module_version_id":"v1","module_version_number":1}]}]"#),
        ])
        #expect(try F.plan(F.tenant(Self.modulesYAML, files: Self.moduleFiles), live).isEmpty)
        var files = Self.moduleFiles
        files["action-modules/helper/code.js"] = "module.exports = { v: 2 };\n"
        let plan = try F.plan(F.tenant(Self.modulesYAML.replacingOccurrences(of: "module_version_number: 1", with: "module_version_number: 2"), files: files), live)
        #expect(plan.steps.map { "\($0.action.rawValue) \($0.method) \($0.path)" } == [
            "update PATCH /actions/modules/mod_1", "deploy POST /actions/modules/mod_1/versions", "update PATCH /actions/actions/act_1", "deploy POST /actions/actions/act_1/deploy",
        ])
        #expect(plan.steps[1].notes == ["Publishes the module's draft as version 2, which actions can then name (each action keeps the version it names)."])
        #expect(plan.steps[2].dependsOn.contains(2), "the action names version 2 only once it is published")
        #expect(plan.steps[2].body == F.object(#"{"modules":[{"module_name":"helper","module_version_number":2}]}"#))
    }

    @Test func aDraftLeftUnpublishedIsPublishedUnlessTheFilesSayNot() throws {
        let live = F.snapshot([.actionModules: F.object(#"[{"id":"mod_1","name":"helper","code":"module.exports = {};\n","all_changes_published":false,"latest_version_number":3}]"#)])
        let yaml = "actionModules:\n  - name: helper\n    code: ./action-modules/helper/code.js\n"
        #expect(try F.plan(F.tenant(yaml, files: Self.moduleFiles), live).steps.map(\.path) == ["/actions/modules/mod_1/versions"])
        #expect(try F.plan(F.tenant(yaml + "    publish: false\n", files: Self.moduleFiles), live).isEmpty)
    }

    @Test func aModulesAPIVersionCannotChange() throws {
        let live = F.snapshot([.actionModules: F.object(#"[{"id":"mod_1","name":"helper","code":"module.exports = {};\n","api_version":"1","all_changes_published":true}]"#)])
        let yaml = "actionModules:\n  - name: helper\n    code: ./action-modules/helper/code.js\n    api_version: \"2\"\n"
        let error = try #require(throws: PlanError.self) { try F.plan(F.tenant(yaml, files: Self.moduleFiles), live) }
        #expect(error.description == "acme-test/tenant.yaml:4:18: actionModules/helper: `api_version` cannot change on a live action module: the API takes it only when a module is created; create a module under another name")
    }

    @Test func anActionNamingAModuleThatExistsNowhereIsAnErrorWithItsLine() throws {
        let yaml = Self.modulesYAML.replacingOccurrences(of: "module_name: helper", with: "module_name: helpers")
        let error = try #require(throws: PlanError.self) { try F.plan(F.tenant(yaml, files: Self.moduleFiles), F.snapshot([:])) }
        #expect(error.description == "acme-test/tenant.yaml:9:22: actions/login names the action module `helpers`, which exists neither in the files nor on the tenant; declare it or fix the name")
    }

    // MARK: - Keys that are not one string

    @Test func networkACLsAreNamedByPriorityAndRateLimitPoliciesByWhatTheyLimit() throws {
        let yaml = """
        networkACLs:
          - description: Allow
            active: true
            priority: 2
            rule: {action: {allow: true}, scope: authentication, match: {geo_country_codes: [US]}}
        rateLimitPolicies:
          - resource: oauth_authentication_api
            consumer: client
            consumer_selector: default
            configuration: {action: block, limit: 100}
        """
        let live = F.snapshot([
            .networkACLs: F.object(#"[{"id":"acl_1","description":"Allow","active":false,"priority":2,"rule":{"action":{"allow":true},"scope":"authentication","match":{"geo_country_codes":["US"]}}}]"#),
            .rateLimitPolicies: F.object(#"[{"id":"rlp_1","resource":"oauth_authentication_api","consumer":"client","consumer_selector":"default","configuration":{"action":"log","limit":100}}]"#),
        ])
        let plan = try F.plan(F.tenant(yaml), live)
        #expect(plan.steps.map { "\($0.resource) \($0.method) \($0.path)" } == [
            "networkACLs/2 PATCH /network-acls/acl_1", "rateLimitPolicies/oauth_authentication_api → client → default PATCH /rate-limit-policies/rlp_1",
        ])
        #expect(plan.steps[0].body == F.object(#"{"active":true}"#))
        #expect(plan.steps[1].body == F.object(#"{"configuration":{"action":"block","limit":100}}"#))
    }
}
