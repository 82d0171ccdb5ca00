import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// The collections of issue 14 (custom domains, token exchange profiles, event streams, forms, flows and their vault
/// connections, self-service, user attribute and connection profiles, network ACLs, rate limit policies, phone
/// providers and templates): status codes, list shapes, errors, unique fields and write-only secrets.
@Suite struct TenantCollectionEndpointsTests {
    let j = EmulatorHTTP.json

    static func started() async throws -> EmulatorHTTP {
        try await EmulatorHTTP.start { $0.domain = "acme-dev.eu.auth0.com" }
    }

    @Test func aCustomDomainIsPendingVerificationAndItsDomainIsUniqueAndValid() async throws {
        let http = try await Self.started()
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "custom-domains").body == j("[]"))
        let created = try await http.api("POST", "custom-domains", body: j(#"{"domain":"login.example.com","type":"auth0_managed_certs","verification_method":"txt"}"#))
        #expect(created.status == 201)
        let id = try #require(created.body?["custom_domain_id"]?.stringValue)
        #expect(id.hasPrefix("cd_") && id.count == 19)
        #expect(created.body?["status"] == .string("pending_verification") && created.body?["primary"] == .bool(false))
        #expect(created.body?["tls_policy"] == .string("recommended") && created.body?["verification_method"] == nil)
        #expect(created.body?["verification"]?["methods"]?.arrayValue?.first?["domain"] == .string("_cf-custom-hostname.login.example.com"))
        #expect(try await http.api("GET", "custom-domains").body?.arrayValue?.count == 1)
        #expect(try await http.api("POST", "custom-domains", body: j(#"{"domain":"login.example.com","type":"self_managed_certs"}"#)).body
            == j(#"{"statusCode":409,"error":"Conflict","message":"Custom domain already exists.","errorCode":"custom_domain_conflict"}"#))
        let underscore = try await http.api("POST", "custom-domains", body: j(#"{"domain":"my_domain.com","type":"auth0_managed_certs"}"#))
        #expect(underscore.status == 400 && underscore.body?["message"]?.stringValue?.contains("does not match pattern") == true)
        #expect(try await http.api("PATCH", "custom-domains/\(id)", body: j(#"{"type":"self_managed_certs"}"#)).body?["message"]
            == .string("Payload validation error: 'Additional properties not allowed: type'."))
        let patched = try await http.api("PATCH", "custom-domains/\(id)", body: j(#"{"domain_metadata":{"team":"identity"}}"#))
        #expect(patched.status == 200 && patched.body?["domain_metadata"] == j(#"{"team":"identity"}"#))
        #expect(try await http.api("DELETE", "custom-domains/\(id)").status == 204)
        #expect(try await http.api("GET", "custom-domains/\(id)").body
            == j(#"{"statusCode":404,"error":"Not Found","message":"Custom domain not found.","errorCode":"inexistent_custom_domain"}"#))
    }

    @Test func aTokenExchangeProfileNamesAnActionAndOwnsItsSubjectTokenType() async throws {
        let http = try await Self.started()
        defer { Task { await http.stop() } }
        let action = try #require(try await http.api("POST", "actions/actions", body: j(#"{"name":"exchange","code":"","supported_triggers":[{"id":"custom-token-exchange","version":"v1"}]}"#)).body?["id"]?.stringValue)
        let body = #"{"name":"Partner","type":"custom_authentication","subject_token_type":"urn:partner:token","action_id":"\#(action)"}"#
        let created = try await http.api("POST", "token-exchange-profiles", body: j(body))
        #expect(created.status == 201 && created.body?["action_id"] == .string(action) && created.body?["created_at"]?.stringValue != nil)
        let id = try #require(created.body?["id"]?.stringValue)
        #expect(try await http.api("POST", "token-exchange-profiles", body: j(body.replacingOccurrences(of: "Partner", with: "Other"))).body
            == j(#"{"statusCode":409,"error":"Conflict","message":"subject_token_type already exists for tenant","errorCode":"token_exchange_profile_conflict"}"#))
        #expect(try await http.api("POST", "token-exchange-profiles", body: j(#"{"name":"Ghost","type":"custom_authentication","subject_token_type":"urn:ghost:token","action_id":"nope"}"#)).status == 404)
        #expect(try await http.api("PATCH", "token-exchange-profiles/\(id)", body: j(#"{"action_id":"\#(action)"}"#)).body?["message"]
            == .string("Payload validation error: 'Additional properties not allowed: action_id'."))
        #expect(try await http.api("GET", "token-exchange-profiles?take=50").body?["token_exchange_profiles"]?.arrayValue?.count == 1)
        #expect(try await http.api("GET", "token-exchange-profiles?page=0").status == 400, "checkpoint lists only")
    }

    @Test func anActionModuleIsPublishedAsVersionsAndCannotBeDeletedWhileAnActionUsesIt() async throws {
        let http = try await Self.started()
        defer { Task { await http.stop() } }
        let created = try await http.api("POST", "actions/modules", body: j(#"{"name":"helper","code":"module.exports = {};","secrets":[{"name":"KEY","value":"s3cret-module-value"}],"publish":true}"#))
        #expect(created.status == 201)
        let id = try #require(created.body?["id"]?.stringValue)
        #expect(created.body?["latest_version_number"] == .number(1) && created.body?["all_changes_published"] == .bool(true))
        #expect(created.body?["secrets"]?.arrayValue?.first?["name"] == .string("KEY") && created.body?["secrets"]?.arrayValue?.first?["value"] == nil)
        #expect(!created.raw.contains("s3cret-module-value"))
        let listed = try await http.api("GET", "actions/modules?page=0&per_page=100")
        #expect(listed.body?["total"] == .number(1) && listed.body?["page"] == .number(0) && listed.body?["per_page"] == .number(100))
        #expect(!listed.raw.contains("s3cret-module-value"))
        #expect(try await http.api("POST", "actions/modules/\(id)/versions").body
            == j(#"{"statusCode":409,"error":"Conflict","message":"No draft version is available to publish.","errorCode":"no_draft_to_publish"}"#))
        let patched = try await http.api("PATCH", "actions/modules/\(id)", body: j(#"{"code":"module.exports = { v: 2 };"}"#))
        #expect(patched.body?["all_changes_published"] == .bool(false))
        let version = try await http.api("POST", "actions/modules/\(id)/versions")
        #expect(version.status == 200 && version.body?["version_number"] == .number(2) && version.body?["code"] == .string("module.exports = { v: 2 };"))
        #expect(try await http.api("GET", "actions/modules/\(id)/versions").body?["versions"]?.arrayValue?.count == 2)

        // An action names a published version; it reads with the module's and the version's ids.
        let action = try await http.api("POST", "actions/actions", body: j(#"{"name":"uses-helper","code":"","supported_triggers":[{"id":"post-login","version":"v3"}],"modules":[{"module_name":"helper","module_version_number":2}]}"#))
        #expect(action.body?["modules"]?.arrayValue?.first?["module_id"] == .string(id) && action.body?["modules"]?.arrayValue?.first?["module_version_id"]?.stringValue != nil)
        #expect(try await http.api("POST", "actions/actions", body: j(#"{"name":"later","code":"","supported_triggers":[{"id":"post-login","version":"v3"}],"modules":[{"module_name":"helper","module_version_number":3}]}"#)).status == 404)
        #expect(try await http.api("GET", "actions/modules/\(id)").body?["actions_using_module_total"] == .number(1))
        #expect(try await http.api("DELETE", "actions/modules/\(id)").body
            == j(#"{"statusCode":412,"error":"Precondition Failed","message":"The Actions Module cannot be deleted because it is in use by one or more actions.","errorCode":"action_module_in_use"}"#))
        #expect(try await http.api("DELETE", "actions/actions/\(action.body?["id"]?.stringValue ?? "")?force=true").status == 204)
        #expect(try await http.api("DELETE", "actions/modules/\(id)").status == 204)
        #expect(try await http.api("GET", "actions/modules/\(id)").status == 404)
        #expect(try await http.api("GET", "actions/actions?page=0&per_page=100").status == 200, "the actions' own routes still answer beside the modules'")
    }

    @Test func anEventStreamNeverReadsItsWebhookCredentials() async throws {
        let http = try await Self.started()
        defer { Task { await http.stop() } }
        let body = #"{"name":"Audit","subscriptions":[{"event_type":"user.created"}],"destination":{"type":"webhook","configuration":{"webhook_endpoint":"https://audit.example.com","webhook_authorization":{"method":"bearer","token":"bearer-canary-71"}}}}"#
        let created = try await http.api("POST", "event-streams", body: j(body))
        #expect(created.status == 201 && created.body?["destination"]?["configuration"]?["webhook_authorization"] == j(#"{"method":"bearer"}"#))
        let id = try #require(created.body?["id"]?.stringValue)
        #expect(id.hasPrefix("est_") && id.count == 26)
        let listed = try await http.api("GET", "event-streams?take=50")
        #expect(listed.body?["eventStreams"]?.arrayValue?.count == 1 && listed.body?["next"] == nil && !listed.raw.contains("bearer-canary-71"))
        #expect(try await http.api("POST", "event-streams", body: j(body)).status == 409)
        #expect(try await http.api("POST", "event-streams", body: j(#"{"name":"To action","destination":{"type":"action","configuration":{"action_id":"missing"}}}"#)).status == 404)
        #expect(try await http.api("PATCH", "event-streams/\(id)", body: j(#"{"destination":{"type":"eventbridge","configuration":{"aws_account_id":"123456789012","aws_region":"us-east-1"}}}"#)).status == 400)
        #expect(try await http.api("PATCH", "event-streams/\(id)", body: j(#"{"status":"disabled"}"#)).body?["status"] == .string("disabled"))
    }

    @Test func formsAndFlowsListSummariesAndNameWhatTheyUseByID() async throws {
        let http = try await Self.started()
        defer { Task { await http.stop() } }
        let vault = try await http.api("POST", "flows/vault/connections", body: j(#"{"name":"M2M","app_id":"AUTH0","setup":{"type":"OAUTH_APP","client_id":"c","client_secret":"vault-canary-33","domain":"acme.auth0.com"}}"#))
        #expect(vault.status == 201 && vault.body?["setup"] == nil && vault.body?["ready"] == .bool(true) && vault.body?["fingerprint"]?.stringValue != nil)
        #expect(!vault.raw.contains("vault-canary-33"))
        let vaultID = try #require(vault.body?["id"]?.stringValue)
        #expect(try await http.api("GET", "flows/vault/connections?page=0&per_page=50&include_totals=true").body?["total"] == .number(1))
        let flowBody = #"{"name":"Update","actions":[{"id":"u","type":"AUTH0","action":"UPDATE_USER","params":{"connection_id":"\#(vaultID)","user_id":"x","changes":{}}}]}"#
        let flow = try await http.api("POST", "flows", body: j(flowBody))
        #expect(flow.status == 201)
        let flowID = try #require(flow.body?["id"]?.stringValue)
        #expect(try await http.api("POST", "flows", body: j(flowBody.replacingOccurrences(of: vaultID, with: "ac_missing"))).status == 404)
        let flows = try await http.api("GET", "flows?page=0&per_page=100&include_totals=true")
        #expect(flows.body?["flows"]?.arrayValue?.first?["actions"] == nil && flows.body?["flows"]?.arrayValue?.first?["name"] == .string("Update"), "lists give summaries")
        #expect(try await http.api("GET", "flows/\(flowID)").body?["actions"]?.arrayValue?.count == 1, "one flow reads whole")
        let formBody = #"{"name":"KYC","nodes":[{"id":"f","type":"FLOW","config":{"flow_id":"\#(flowID)","next_node":"$ending"}}],"ending":{"resume_flow":true}}"#
        let form = try await http.api("POST", "forms", body: j(formBody))
        #expect(form.status == 201)
        let forms = try await http.api("GET", "forms?page=0&per_page=100&include_totals=true")
        #expect(forms.body?["forms"]?.arrayValue?.first?["flow_count"] == .number(1) && forms.body?["forms"]?.arrayValue?.first?["nodes"] == nil)
        #expect(try await http.api("POST", "forms", body: j(formBody.replacingOccurrences(of: flowID, with: "af_missing"))).status == 404)
        #expect(try await http.api("DELETE", "flows/af_missing").status == 404)
    }

    @Test func profilesPoliciesAndACLsKeepTheirUniqueFields() async throws {
        let http = try await Self.started()
        defer { Task { await http.stop() } }
        let acl = #"{"description":"Allow","active":true,"priority":2,"rule":{"action":{"allow":true},"scope":"authentication","match":{"geo_country_codes":["US"]}}}"#
        #expect(try await http.api("POST", "network-acls", body: j(acl)).status == 201)
        #expect(try await http.api("POST", "network-acls", body: j(acl)).body?["message"] == .string("A Network ACL with this priority number has already been created."))
        #expect(try await http.api("GET", "network-acls?page=0&per_page=100&include_totals=true").body?["network_acls"]?.arrayValue?.count == 1)

        let uap = try await http.api("POST", "user-attribute-profiles", body: j(#"{"name":"Attributes","user_id":{"oidc_mapping":"sub"},"user_attributes":{"email":{"label":"Email","description":"Email","auth0_mapping":"email","profile_required":true}}}"#))
        #expect(uap.status == 201 && uap.body?["user_id"]?["scim_mapping"] == .string("externalId"))
        let uapID = try #require(uap.body?["id"]?.stringValue)
        let merged = try await http.api("PATCH", "user-attribute-profiles/\(uapID)", body: j(#"{"user_id":{"scim_mapping":"userName"}}"#))
        #expect(merged.body?["user_id"]?["oidc_mapping"] == .string("sub") && merged.body?["user_id"]?["scim_mapping"] == .string("userName"))
        let ssp = try await http.api("POST", "self-service-profiles", body: j(#"{"name":"SSO","allowed_strategies":["okta"],"user_attribute_profile_id":"\#(uapID)"}"#))
        #expect(ssp.status == 201)
        #expect(try await http.api("POST", "self-service-profiles", body: j(#"{"name":"SSO 2","user_attribute_profile_id":"uap_missing"}"#)).status == 404)
        #expect(try await http.api("POST", "self-service-profiles", body: j(#"{"name":"SSO 3","allowed_strategies":[]}"#)).status == 400)

        #expect(try await http.api("POST", "connection-profiles", body: j(#"{"name":"Enterprise"}"#)).status == 201)
        #expect(try await http.api("POST", "connection-profiles", body: j(#"{"name":"Enterprise"}"#)).status == 409)
        #expect(try await http.api("GET", "connection-profiles?take=11").status == 400, "at most 10 a page")

        let policy = #"{"resource":"oauth_authentication_api","consumer":"client","consumer_selector":"default","configuration":{"action":"block","limit":100}}"#
        let created = try await http.api("POST", "rate-limit-policies", body: j(policy))
        #expect(created.status == 201)
        #expect(try await http.api("POST", "rate-limit-policies", body: j(policy)).status == 409)
        #expect(try await http.api("PATCH", "rate-limit-policies/\(created.body?["id"]?.stringValue ?? "")", body: j(#"{"consumer_selector":"third_party_clients"}"#)).status == 400)
        #expect(try await http.api("GET", "rate-limit-policies?consumer_selector=default").body?["rate_limit_policies"]?.arrayValue?.count == 1)
        #expect(try await http.api("GET", "rate-limit-policies?consumer_selector=other").body?["rate_limit_policies"]?.arrayValue?.count == 0)
    }

    @Test func phoneProvidersHideTheirCredentialsAndTemplatesMergeTheirContent() async throws {
        let http = try await Self.started()
        defer { Task { await http.stop() } }
        let provider = try await http.api("POST", "branding/phone/providers", body: j(#"{"name":"twilio","configuration":{"sid":"AC1","delivery_methods":["text"]},"credentials":{"auth_token":"twilio-canary-52"}}"#))
        #expect(provider.status == 201 && provider.body?["credentials"] == nil && provider.body?["tenant"] == .string("acme-dev") && provider.body?["channel"] == .string("phone"))
        #expect(try await http.api("POST", "branding/phone/providers", body: j(#"{"name":"custom","credentials":{}}"#)).status == 409)
        let providers = try await http.api("GET", "branding/phone/providers")
        #expect(providers.body?["providers"]?.arrayValue?.count == 1 && !providers.raw.contains("twilio-canary-52"))
        #expect(providers.body?["providers"]?.arrayValue?.first?["credentials"] == .null, "reads show credentials as null, as recorded")
        #expect(try await http.api("POST", "branding/phone/providers", body: j(#"{"name":"twilio"}"#)).status == 400, "credentials are required")

        let template = try await http.api("POST", "branding/phone/templates", body: j(#"{"type":"otp_verify","content":{"from":"+1555","body":{"text":"Code {{ code }}"}}}"#))
        #expect(template.status == 201 && template.body?["content"]?["syntax"] == .string("liquid") && template.body?["disabled"] == .bool(false))
        let id = try #require(template.body?["id"]?.stringValue)
        #expect(try await http.api("POST", "branding/phone/templates", body: j(#"{"type":"otp_verify"}"#)).body?["message"] == .string("Phone template already configured for tenant"))
        #expect(try await http.api("PATCH", "branding/phone/templates/\(id)", body: j(#"{"content":{"syntax":"liquid"}}"#)).status == 400)
        let patched = try await http.api("PATCH", "branding/phone/templates/\(id)", body: j(#"{"content":{"body":{"text":"New {{ code }}"}}}"#))
        #expect(patched.body?["content"] == j(#"{"syntax":"liquid","from":"+1555","body":{"text":"New {{ code }}"}}"#))
        #expect(try await http.api("GET", "branding/phone/templates").body?["templates"]?.arrayValue?.count == 1)
        #expect(try await http.api("DELETE", "branding/phone/templates/\(id)").status == 204)
        #expect(try await http.api("DELETE", "branding/phone/templates/\(id)").status == 404)
    }
}
