import APIJSON
import Foundation
import ManagementAPI
import ManagementEmulator

/// JSON from text, so expectations read like the API's answers.
func json(_ text: String) -> JSONValue {
    do { return try JSONValue.parse(Data(text.utf8)) } catch { fatalError("bad JSON in a test: \(text)") }
}

/// The text of a JSON value (sorted keys), to look for strings anywhere in it.
func text(_ value: JSONValue) -> String { String(decoding: value.encoded(), as: UTF8.self) }

enum TestFiles {
    /// The package root, found from this file (Tests/ManagementAPITests/Support/TestSupport.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The acme-dev tenant's snapshot, the emulator's usual seed.
    static var acmeDevSnapshot: Data {
        get throws { try Data(contentsOf: packageRoot.appendingPathComponent("tenants/acme-dev/snapshot.json")) }
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tenantctl-apitests-\(UUID().uuidString)")
    }
}

/// Collects what a client reports while it works.
final class EventRecorder: Sendable {
    private let events = Locked<[ClientEvent]>([])

    var sink: @Sendable (ClientEvent) -> Void { { [events] event in events.withLock { $0.append(event) } } }

    /// The seconds of every `waitingForRateLimit`, in order.
    var rateLimitWaits: [Double] {
        events.current.compactMap { if case .waitingForRateLimit(let seconds) = $0 { seconds } else { nil } }
    }

    /// Every `retrying` as `METHOD path #attempt reason`.
    var retries: [String] {
        events.current.compactMap {
            if case .retrying(let method, let path, let attempt, let reason) = $0 { "\(method) \(path) #\(attempt) \(reason)" } else { nil }
        }
    }
}

/// Retries without real backoff: 3 attempts, delays of at most 1 ms.
let fastRetries = RetryPolicy(maxAttempts: 3, baseDelay: 0.001, maxDelay: 0.001)

let testCredentials = ManagementCredentials.clientCredentials(id: "tenantctl-test", secret: "test-secret")

/// A client for `baseURL`, shut down after `body` whatever it does.
@discardableResult
func withClient<T>(baseURL: String, credentials: ManagementCredentials = testCredentials, maxRequestsPerSecond: Double? = nil,
                   retry: RetryPolicy = fastRetries, events: EventRecorder? = nil,
                   _ body: (ManagementClient) async throws -> T) async throws -> T {
    let endpoint = try ManagementEndpoint(domain: baseURL)
    let sink: @Sendable (ClientEvent) -> Void = if let events { events.sink } else { { _ in } }
    let client = ManagementClient(endpoint: endpoint, credentials: credentials, maxRequestsPerSecond: maxRequestsPerSecond,
                                  retryPolicy: retry, events: sink)
    do {
        let result = try await body(client)
        await client.shutdown()
        return result
    } catch {
        await client.shutdown()
        throw error
    }
}

/// A scripted API and a client pointed at it, both stopped after `body`.
@discardableResult
func withScriptedAPI<T>(tokenLifetime: Double = 86400, tokenScript: (@Sendable (Int) -> ScriptedAnswer)? = nil,
                        credentials: ManagementCredentials = testCredentials, maxRequestsPerSecond: Double? = nil,
                        retry: RetryPolicy = fastRetries, events: EventRecorder? = nil,
                        script: @escaping @Sendable (ReceivedRequest, Int) -> ScriptedAnswer,
                        _ body: (ScriptedAPI, ManagementClient) async throws -> T) async throws -> T {
    let api = try await ScriptedAPI.start(tokenLifetime: tokenLifetime, tokenScript: tokenScript, script)
    do {
        let result = try await withClient(baseURL: api.baseURL, credentials: credentials, maxRequestsPerSecond: maxRequestsPerSecond,
                                          retry: retry, events: events) { try await body(api, $0) }
        await api.stop()
        return result
    } catch {
        await api.stop()
        throw error
    }
}

/// An in-process emulator (seeded with acme-dev unless told otherwise, no rate limit to speak of) and a client
/// holding its credentials, both stopped after `body`.
@discardableResult
func withEmulator<T>(seed: Data?, configure: (inout EmulatorConfiguration) -> Void = { _ in }, retry: RetryPolicy = fastRetries,
                     _ body: (RunningEmulator, ManagementClient) async throws -> T) async throws -> T {
    var configuration = EmulatorConfiguration()
    configuration.domain = "acme-dev.eu.auth0.com"
    configuration.rate = 10_000
    configuration.burst = 10_000
    configuration.seed = seed
    configure(&configuration)
    let emulator = try await ManagementEmulator.start(configuration)
    do {
        let result = try await withClient(baseURL: emulator.baseURL, credentials: .clientCredentials(id: configuration.clientID, secret: configuration.clientSecret),
                                          retry: retry) { try await body(emulator, $0) }
        await emulator.stop()
        return result
    } catch {
        await emulator.stop()
        throw error
    }
}
