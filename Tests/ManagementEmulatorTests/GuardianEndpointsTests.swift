import APIJSON
import Foundation
import ManagementEmulator
import Testing

/// `/guardian`: the factors, their providers (credentials write-only), the phone templates, the MFA policies, the
/// phone provider and message types, with the recorded answers and defaults.
@Suite struct GuardianEndpointsTests {
    let j = EmulatorHTTP.json

    @Test func aFreshTenantListsEveryFactorDisabledAsRecorded() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "guardian/factors").body == j(#"""
            [{"name":"sms","enabled":false,"trial_expired":false},{"name":"push-notification","enabled":false,"trial_expired":false},
             {"name":"otp","enabled":false,"trial_expired":false},{"name":"email","enabled":false,"trial_expired":false},
             {"name":"duo","enabled":false,"trial_expired":false},{"name":"webauthn-roaming","enabled":false,"trial_expired":false},
             {"name":"webauthn-platform","enabled":false,"trial_expired":false},{"name":"recovery-code","enabled":false,"trial_expired":false}]
            """#))
    }

    @Test func puttingAFactorAnswersEnabledAlone() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let put = try await http.api("PUT", "guardian/factors/push-notification", body: j(#"{"enabled":true}"#))
        #expect(put.status == 200 && put.body == j(#"{"enabled":true}"#))
        let listed = try await http.api("GET", "guardian/factors").body?.arrayValue ?? []
        #expect(listed.first { $0["name"] == .string("push-notification") } == j(#"{"name":"push-notification","enabled":true,"trial_expired":false}"#))
        #expect(listed.count == 8)
        #expect(try await http.api("GET", "guardian/factors/push-notification").status == 404, "the spec has no read of one factor")

        let unknown = try await http.api("PUT", "guardian/factors/carrier-pigeon", body: j(#"{"enabled":true}"#))
        #expect(unknown.status == 400 && unknown.body?["message"] == .string(#"Path validation error: 'No enum match for: "carrier-pigeon"' on property name."#))
        let missing = try await http.api("PUT", "guardian/factors/sms", body: j("{}"))
        #expect(missing.status == 400 && missing.body?["message"] == .string("Payload validation error: 'Missing required property: enabled'."))
        let extra = try await http.api("PUT", "guardian/factors/sms", body: j(#"{"enabled":true,"trial_expired":true}"#))
        #expect(extra.status == 400 && extra.body?["message"] == .string("Payload validation error: 'Additional properties not allowed: trial_expired'."))
    }

    @Test func anUnsetProviderReadsEmptyAndCredentialsAreNeverReturned() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        for path in ["sms/providers/twilio", "phone/providers/twilio", "push-notification/providers/sns", "push-notification/providers/apns"] {
            let reply = try await http.api("GET", "guardian/factors/\(path)")
            #expect(reply.status == 200 && reply.body == j("{}"), "\(path)")
        }
        let twilio = j(#"{"sid":"AC123","auth_token":"twilio-secret","from":"+15550100","messaging_service_sid":null}"#)
        let put = try await http.api("PUT", "guardian/factors/sms/providers/twilio", body: twilio)
        #expect(put.status == 200 && put.body == j(#"{"sid":"AC123","from":"+15550100","messaging_service_sid":null}"#))
        #expect(try await http.api("GET", "guardian/factors/sms/providers/twilio").body == j(#"{"sid":"AC123","from":"+15550100","messaging_service_sid":null}"#))
        #expect(try await http.api("GET", "guardian/factors/phone/providers/twilio").body == j("{}"), "the phone provider is kept apart")

        let sns = j(#"{"aws_access_key_id":"AKIA1","aws_secret_access_key":"sns-secret","aws_region":"eu-west-1"}"#)
        #expect(try await http.api("PUT", "guardian/factors/push-notification/providers/sns", body: sns).body
            == j(#"{"aws_access_key_id":"AKIA1","aws_region":"eu-west-1"}"#))
        let patched = try await http.api("PATCH", "guardian/factors/push-notification/providers/sns", body: j(#"{"aws_region":"us-east-1"}"#))
        #expect(patched.body == j(#"{"aws_access_key_id":"AKIA1","aws_region":"us-east-1"}"#))
        #expect(try await http.api("PUT", "guardian/factors/push-notification/providers/apns", body: j(#"{"sandbox":true,"bundle_id":"com.acme","p12":"cert-secret"}"#)).body
            == j(#"{"sandbox":true,"bundle_id":"com.acme"}"#))
        let fcm = try await http.api("PUT", "guardian/factors/push-notification/providers/fcm", body: j(#"{"server_key":"fcm-secret"}"#))
        #expect(fcm.status == 200 && fcm.body == j("{}"))
        #expect(try await http.api("PATCH", "guardian/factors/push-notification/providers/fcmv1", body: j(#"{"server_credentials":"{}"}"#)).body == j("{}"))
        #expect(try await http.api("GET", "guardian/factors/push-notification/providers/fcm").status == 404, "the spec has no read of FCM")

        let snapshot = try await http.call("GET", "/__emulator/snapshot")
        for secret in ["twilio-secret", "sns-secret", "cert-secret", "fcm-secret"] { #expect(!snapshot.raw.contains(secret)) }
        #expect(snapshot.body?["guardian_factor_providers"] == j(#"""
            [{"name":"sms","provider":"twilio","sid":"AC123","from":"+15550100","messaging_service_sid":null},
             {"name":"push-notification","provider":"sns","aws_access_key_id":"AKIA1","aws_region":"us-east-1"},
             {"name":"push-notification","provider":"apns","sandbox":true,"bundle_id":"com.acme"},
             {"name":"push-notification","provider":"fcm"},
             {"name":"push-notification","provider":"fcmv1"}]
            """#))
    }

    @Test func theStateFileKeepsTheCredentialsForARestart() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("guardian-state-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let first = try await EmulatorHTTP.start { $0.stateFile = file }
        _ = try await first.api("PUT", "guardian/factors/phone/providers/twilio", body: j(#"{"sid":"AC1","auth_token":"kept-secret"}"#))
        await first.stop()
        let state = try String(contentsOfFile: file, encoding: .utf8)
        #expect(state.contains("kept-secret"), "the state file holds what no read shows")
        let second = try await EmulatorHTTP.start { $0.stateFile = file }
        defer { Task { await second.stop() } }
        #expect(try await second.api("GET", "guardian/factors/phone/providers/twilio").body == j(#"{"sid":"AC1"}"#))
        let patched = try await second.api("PUT", "guardian/factors/phone/providers/twilio", body: j(#"{"sid":"AC2"}"#))
        #expect(patched.body == j(#"{"sid":"AC2"}"#))
    }

    @Test func phoneTemplatesHaveTheSpecsDefaultsAndPutReplacesBoth() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        let defaults = j(#"""
            {"enrollment_message":"{{code}} is your verification code for {{tenant.friendly_name}}. Please enter this code to verify your enrollment.",
             "verification_message":"{{code}} is your verification code for {{tenant.friendly_name}}"}
            """#)
        #expect(try await http.api("GET", "guardian/factors/sms/templates").body == defaults)
        #expect(try await http.api("GET", "guardian/factors/phone/templates").body == defaults)
        let set = j(#"{"enrollment_message":"enroll foo","verification_message":"verify foo"}"#)
        #expect(try await http.api("PUT", "guardian/factors/sms/templates", body: set).body == set)
        #expect(try await http.api("GET", "guardian/factors/sms/templates").body == set)
        let partial = try await http.api("PUT", "guardian/factors/phone/templates", body: j(#"{"enrollment_message":"x"}"#))
        #expect(partial.status == 400 && partial.body?["message"] == .string("Payload validation error: 'Missing required property: verification_message'."))
        let snapshot = try await http.call("GET", "/__emulator/snapshot").body
        #expect(snapshot?["guardian_factor_templates"]?.arrayValue?.map { $0["name"] } == [.string("sms"), .string("phone")])
    }

    @Test func policiesAreAnArrayBody() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "guardian/policies").body == j("[]"))
        let put = try await http.api("PUT", "guardian/policies", body: j(#"["all-applications"]"#))
        #expect(put.status == 200 && put.body == j(#"["all-applications"]"#))
        #expect(try await http.api("GET", "guardian/policies").body == j(#"["all-applications"]"#))
        let object = try await http.api("PUT", "guardian/policies", body: j(#"{"policies":[]}"#))
        #expect(object.status == 400 && object.body?["message"] == .string("Payload validation error: 'Expected type array but found type object'."))
        let unknown = try await http.api("PUT", "guardian/policies", body: j(#"["sometimes"]"#))
        #expect(unknown.status == 400 && unknown.body?["message"] == .string(#"Payload validation error: 'No enum match for: "sometimes"'."#))
        #expect(try await http.call("GET", "/__emulator/snapshot").body?["guardian_policies"] == j(#"["all-applications"]"#))
    }

    @Test func policiesNeedTheMFAPoliciesScopes() async throws {
        let http = try await EmulatorHTTP.start { $0.grantedScopes = ["read:guardian_factors", "update:guardian_factors"] }
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "guardian/policies").body?["message"] == .string("Insufficient scope, expected any of: read:mfa_policies"))
        #expect(try await http.api("PUT", "guardian/policies", body: j("[]")).body?["message"] == .string("Insufficient scope, expected any of: update:mfa_policies"))
        #expect(try await http.api("GET", "guardian/factors").status == 200)
    }

    @Test func thePhoneProviderAndMessageTypesAreReplacedAsRecorded() async throws {
        let http = try await EmulatorHTTP.start()
        defer { Task { await http.stop() } }
        #expect(try await http.api("GET", "guardian/factors/phone/selected-provider").body == j(#"{"provider":"auth0"}"#))
        #expect(try await http.api("GET", "guardian/factors/phone/message-types").body == j(#"{"message_types":[]}"#))
        #expect(try await http.api("PUT", "guardian/factors/phone/selected-provider", body: j(#"{"provider":"twilio"}"#)).body == j(#"{"provider":"twilio"}"#))
        #expect(try await http.api("PUT", "guardian/factors/phone/message-types", body: j(#"{"message_types":["sms","voice"]}"#)).body
            == j(#"{"message_types":["sms","voice"]}"#))
        let badProvider = try await http.api("PUT", "guardian/factors/phone/selected-provider", body: j(#"{"provider":"carrier"}"#))
        #expect(badProvider.status == 400 && badProvider.body?["message"] == .string(#"Payload validation error: 'No enum match for: "carrier"' on property provider."#))
        let badType = try await http.api("PUT", "guardian/factors/phone/message-types", body: j(#"{"message_types":["fax"]}"#))
        #expect(badType.status == 400 && badType.body?["message"] == .string(#"Payload validation error: 'No enum match for: "fax"' on property message_types."#))
        let snapshot = try await http.call("GET", "/__emulator/snapshot").body
        #expect(snapshot?["guardian_phone_selected_provider"] == j(#"{"provider":"twilio"}"#))
        #expect(snapshot?["guardian_phone_message_types"] == j(#"{"message_types":["sms","voice"]}"#))
    }

    @Test func factorsAreASnapshotListAndASeedFillsTheFactorsItLeavesOut() async throws {
        let seed = j(#"""
            {"format_version":1,"guardian_factors":[{"name":"otp","enabled":true,"trial_expired":false}],
             "guardian_factor_providers":[{"name":"sms","provider":"twilio","sid":"AC9","auth_token":"seeded-secret"}],
             "guardian_policies":["all-applications"]}
            """#)
        let http = try await EmulatorHTTP.start { $0.seed = seed.encoded() }
        defer { Task { await http.stop() } }
        let factors = try await http.api("GET", "guardian/factors").body?.arrayValue ?? []
        #expect(factors.count == 8)
        #expect(factors.filter { $0["enabled"] == .bool(true) }.map { $0["name"] } == [.string("otp")])
        #expect(try await http.api("GET", "guardian/factors/sms/providers/twilio").body == j(#"{"sid":"AC9"}"#))
        #expect(try await http.api("GET", "guardian/policies").body == j(#"["all-applications"]"#))
        let snapshot = try await http.call("GET", "/__emulator/snapshot").body
        #expect(snapshot?["guardian_factors"]?.arrayValue?.count == 8)
        #expect(snapshot?["guardian_factors"]?.arrayValue?.first { $0["name"] == .string("otp") } == j(#"{"name":"otp","enabled":true,"trial_expired":false}"#))
    }
}
