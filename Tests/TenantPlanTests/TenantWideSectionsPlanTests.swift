import Foundation
import Testing
import TenantConfig
@testable import TenantPlan

/// Sections the API keeps at fixed paths: keyed objects (email templates, MFA factors), singletons in parts
/// (attack protection, prompts, MFA policies) and hosted pages. Each is written where it lives, only what changed.
@Suite struct TenantWideSectionsPlanTests {
    typealias F = PlanFixtures

    static let page = ["pages/reset.html": "<html>reset</html>\n", "pages/error.html": "<html>error</html>\n", "emails/welcome.html": "<h1>Hi</h1>\n"]

    @Test func anUnsetEmailTemplateIsCreatedThenASetOneIsPatched() throws {
        let yaml = "emailTemplates:\n  - template: welcome_email\n    enabled: true\n    from: hi@example.com\n    subject: Welcome\n    syntax: liquid\n    body: ./emails/welcome.html\n"
        let created = try F.plan(F.tenant(yaml, files: Self.page), F.snapshot([:]))
        #expect(created.steps.map { "\($0.method) \($0.path)" } == ["POST /email-templates"])
        #expect(created.steps[0].body?["template"] == .string("welcome_email"))
        #expect(created.steps[0].body?["body"] == .string("<h1>Hi</h1>\n"), "the HTML file is the body")
        let live = F.snapshot([.emailTemplates: F.object(#"[{"template":"welcome_email","enabled":true,"from":"hi@example.com","subject":"Hello","syntax":"liquid","body":"<h1>Hi</h1>\n"}]"#)])
        let changed = try F.plan(F.tenant(yaml, files: Self.page), live)
        #expect(changed.steps.map { "\($0.method) \($0.path)" } == ["PATCH /email-templates/welcome_email"])
        #expect(changed.steps[0].body == F.object(#"{"subject":"Welcome"}"#))
    }

    @Test func anMFAFactorIsPutWithoutItsNameAndNeverDeleted() throws {
        let live = F.snapshot([.guardianFactors: F.object(#"[{"name":"otp","enabled":false,"trial_expired":false},{"name":"sms","enabled":true,"trial_expired":false}]"#)])
        let plan = try F.plan(F.tenant("guardianFactors:\n  - name: otp\n    enabled: true\n", settings: "domain: acme-test.eu.auth0.com\nallow_deletes: true\n"), live)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["PUT /guardian/factors/otp"])
        #expect(plan.steps[0].body == F.object(#"{"enabled":true}"#))
        #expect(plan.kept.isEmpty, "a factor the files leave out is neither deleted nor listed: it cannot be deleted")
    }

    @Test func aFactorProviderIsKeyedByFactorAndProviderAndItsTokenIsWriteOnly() throws {
        let yaml = "guardianFactorProviders:\n  - name: sms\n    provider: twilio\n    sid: AC1\n    auth_token: ##TWILIO_TOKEN##\n"
        let settings = "domain: acme-test.eu.auth0.com\nsecrets: [TWILIO_TOKEN]\n"
        let environment = ["TWILIO_TOKEN": "twilio-token-value"]
        let plan = try F.plan(F.tenant(yaml, settings: settings, environment: environment), F.snapshot([:]), environment: environment)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["PUT /guardian/factors/sms/providers/twilio"])
        #expect(plan.steps[0].body == F.object(#"{"sid":"AC1","auth_token":"{{secret:TWILIO_TOKEN}}"}"#))
        let live = F.snapshot([.guardianFactorProviders: F.object(#"[{"name":"sms","provider":"twilio","sid":"AC1"}]"#)])
        #expect(try F.plan(F.tenant(yaml, settings: settings, environment: environment), live, environment: environment).isEmpty,
                "the token the API never returns is not a change by itself")
    }

    @Test func attackProtectionPatchesOnlyThePartsAndFieldsThatChanged() throws {
        let yaml = """
        attackProtection:
          bruteForceProtection:
            enabled: true
            max_attempts: 8
          breachedPasswordDetection:
            enabled: false
        """
        // A snapshot keeps each part as its endpoint answers it.
        let live = F.snapshot([.attackProtection: F.object("""
            {"brute_force_protection":{"enabled":true,"max_attempts":10,"mode":"count_per_identifier_and_ip"},
             "breached_password_detection":{"enabled":false,"shields":[]},"bot_detection":{"bot_detection_level":"low"}}
            """)])
        let plan = try F.plan(F.tenant(yaml), live)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["PATCH /attack-protection/brute-force-protection"])
        #expect(plan.steps[0].body == F.object(#"{"max_attempts":8}"#))
        #expect(plan.steps[0].changes == [FieldChange(path: "bruteForceProtection.max_attempts", before: .number(10), after: .number(8))])
    }

    @Test func aCaptchaSecretIsSentWithItsProviderButNeverComparedOrShown() throws {
        let yaml = "attackProtection:\n  captcha:\n    active_provider_id: recaptcha_v2\n    recaptcha_v2:\n      site_key: new-site\n      secret: ##CAPTCHA_SECRET##\n"
        let settings = "domain: acme-test.eu.auth0.com\nsecrets: [CAPTCHA_SECRET]\n"
        let environment = ["CAPTCHA_SECRET": "captcha-secret-value"]
        let live = F.snapshot([.attackProtection: F.object(#"{"captcha":{"active_provider_id":"recaptcha_v2","recaptcha_v2":{"site_key":"old-site"}}}"#)])
        let plan = try F.plan(F.tenant(yaml, settings: settings, environment: environment), live, environment: environment)
        #expect(plan.steps.map(\.path) == ["/attack-protection/captcha"])
        #expect(plan.steps[0].body == F.object(#"{"recaptcha_v2":{"site_key":"new-site","secret":"{{secret:CAPTCHA_SECRET}}"}}"#))
        #expect(!TextPlanRenderer(color: false).render(plan).contains("captcha-secret-value"))
        let same = F.snapshot([.attackProtection: F.object(#"{"captcha":{"active_provider_id":"recaptcha_v2","recaptcha_v2":{"site_key":"new-site"}}}"#)])
        #expect(try F.plan(F.tenant(yaml, settings: settings, environment: environment), same, environment: environment).isEmpty)
    }

    @Test func promptsWriteOnlyTheLanguagesAndPromptsTheFilesName() throws {
        let yaml = """
        prompts:
          identifier_first: true
          customText:
            en:
              login-id:
                login-id:
                  title: Welcome back
            fr:
              login-id:
                login-id:
                  title: Bon retour
          partials:
            login:
              login:
                form-content-start: <div>hi</div>
        """
        let live = F.snapshot([
            .prompts: F.object(#"{"identifier_first":true,"universal_login_experience":"new"}"#),
            .promptsCustomText: F.object(#"[{"prompt":"login-id","language":"en","custom_text":{"login-id":{"title":"Welcome back"}}},{"prompt":"login","language":"de","custom_text":{"login":{"title":"Hallo"}}}]"#),
        ])
        let plan = try F.plan(F.tenant(yaml), live)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["PUT /prompts/login-id/custom-text/fr", "PUT /prompts/login/partials"])
        #expect(plan.steps[0].body == F.object(#"{"login-id":{"title":"Bon retour"}}"#))
        #expect(plan.steps[1].body == F.object(#"{"login":{"form-content-start":"<div>hi</div>"}}"#))
    }

    @Test func mfaPoliciesArePutAsTheListTheAPITakes() throws {
        let plan = try F.plan(F.tenant("guardianPolicies:\n  policies:\n    - all-applications\n"), F.snapshot([.guardianPolicies: .array([])]))
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["PUT /guardian/policies"])
        #expect(plan.steps[0].body == F.object(#"["all-applications"]"#))
        #expect(try F.plan(F.tenant("guardianPolicies:\n  policies: []\n"), F.snapshot([.guardianPolicies: .array([])])).isEmpty)
    }

    @Test func pagesAreWrittenWhereTheyLive() throws {
        let yaml = """
        pages:
          - name: password_reset
            enabled: true
            html: ./pages/reset.html
          - name: error_page
            html: ./pages/error.html
            url: https://example.com/error
          - name: login
            enabled: true
            html: ./pages/reset.html
        """
        let live = F.snapshot([
            .clients: F.object(#"[{"client_id":"global1","name":"All Applications","global":true}]"#),
            .tenantSettings: F.object(#"{"error_page":{"html":"<html>error</html>\n","url":"https://old.example.com"}}"#),
        ])
        let plan = try F.plan(F.tenant(yaml, files: Self.page), live)
        #expect(plan.steps.map { "\($0.method) \($0.path)" } == ["PATCH /tenants/settings", "PATCH /clients/global1", "PATCH /tenants/settings"], "by page name")
        let bodies = plan.steps.map(\.body)
        #expect(bodies.contains(F.object(#"{"custom_login_page_on":true,"custom_login_page":"<html>reset</html>\n"}"#)))
        #expect(bodies.contains(F.object(#"{"change_password":{"enabled":true,"html":"<html>reset</html>\n"}}"#)))
        #expect(bodies.contains(F.object(#"{"error_page":{"url":"https://example.com/error"}}"#)), "only the page's changed field, merged")
    }

    @Test func anUnknownPageIsAnErrorWithItsLine() throws {
        let error = try #require(throws: PlanError.self) { try F.plan(F.tenant("pages:\n  - name: logn\n    html: ./pages/reset.html\n", files: Self.page), F.snapshot([:])) }
        #expect(error.description.hasPrefix("acme-test/tenant.yaml:2:5: pages/logn cannot be planned: tenantctl manages the pages `login`, `password_reset`"))
    }

    @Test func aWriteOnlySecretIsANoteNotAChange() throws {
        let yaml = "emailProvider:\n  name: smtp\n  enabled: true\n  credentials:\n    smtp_host: smtp.example.com\n    smtp_pass: ##SMTP_PASS##\n"
        let settings = "domain: acme-test.eu.auth0.com\nsecrets: [SMTP_PASS]\n"
        let environment = ["SMTP_PASS": "smtp-pass-value"]
        let live = F.snapshot([.emailProvider: F.object(#"{"name":"smtp","enabled":true}"#)])
        let plan = try F.plan(F.tenant(yaml, settings: settings, environment: environment), live, environment: environment)
        #expect(plan.isEmpty)
        #expect(plan.notes == [ResourceNote(resource: ResourceAddress(.emailProvider, "emailProvider"),
                                            note: "`credentials` is write-only: the Management API never returns it, so tenantctl cannot tell whether it changed. It is sent whenever the email provider is created or another of its fields changes.")])
        let text = TextPlanRenderer(color: false).render(plan)
        #expect(text.hasPrefix("No changes.") && text.contains("Not compared:\n  i emailProvider/emailProvider: `credentials` is write-only"))
        #expect(!text.contains("smtp-pass-value"))
        #expect(try F.plan(F.tenant(yaml, settings: settings, environment: environment), F.snapshot([:]), environment: environment).notes == nil,
                "a provider created by the plan sends its credentials: nothing to say")
    }
}
