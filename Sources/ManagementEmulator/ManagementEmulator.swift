import Foundation
import Hummingbird
import Logging
import UnixSignals

/// A local Auth0 Management API v2 for tests, benchmarks and rehearsals (`tenantctl emulator`).
public enum ManagementEmulator {
    /// Starts an emulator on 127.0.0.1 and returns once it accepts connections.
    public static func start(_ configuration: EmulatorConfiguration) async throws -> RunningEmulator {
        let (ports, continuation) = AsyncThrowingStream<Int, any Error>.makeStream()
        let task = Task {
            do {
                try await run(configuration, gracefulShutdownSignals: []) { port in continuation.yield(port) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        for try await port in ports { return RunningEmulator(port: port, task: task) }
        throw EmulatorError.didNotStart
    }

    /// Runs an emulator until cancelled or signalled; `onReady` gets the bound port.
    public static func run(_ configuration: EmulatorConfiguration, gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
                           onReady: @escaping @Sendable (Int) -> Void) async throws {
        let store = try EmulatorStore(domain: configuration.domain, seed: configuration.seed, stateFile: configuration.stateFile,
                                      unavailableFeatures: configuration.unavailableFeatures, web: configuration.web)
        let gate = EmulatorGate(configuration: configuration)
        let boundPort = BoundPort()
        let responder = EmulatorResponder(configuration: configuration, store: store, gate: gate, port: { boundPort.value })
        var logger = Logger(label: "tenantctl.emulator")
        logger.logLevel = .critical
        let app = Application(
            responder: CallbackResponder<EmulatorRequestContext> { request, context in try await responder.respond(request, context) },
            configuration: .init(address: .hostname("127.0.0.1", port: configuration.port), serverName: "tenantctl-emulator"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                boundPort.set(port)
                onReady(port)
            },
            logger: logger
        )
        try await app.runService(gracefulShutdownSignals: gracefulShutdownSignals)
    }
}

/// A running emulator: its address, and how to stop it.
public struct RunningEmulator: Sendable {
    public let port: Int
    let task: Task<Void, Never>

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Stops the server and waits until it has.
    public func stop() async {
        task.cancel()
        await task.value
    }
}

/// Why the emulator could not serve.
public enum EmulatorError: Error, CustomStringConvertible {
    case didNotStart

    public var description: String { "the emulator stopped before it was listening" }
}

/// The port the server bound, known only once it runs (port 0 picks one).
final class BoundPort: @unchecked Sendable {
    private let lock = NSLock()
    private var port = 0

    var value: Int { lock.withLock { port } }
    func set(_ newValue: Int) { lock.withLock { port = newValue } }
}
