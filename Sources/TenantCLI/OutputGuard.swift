import ArgumentParser
import Foundation
import TenantConfig

/// The one way tenantctl writes: standard output and error, plan files, the apply journal and pre-apply snapshot,
/// exports and restored folders. Before anything is written, it checks that nothing of it holds the value of a
/// secret tenantctl was given (`SecretCanaries`); if one does, it writes nothing, says which variable and which
/// output (never the value), and the command exits 1.
///
/// Test seam: `TENANTCTL_TEST_LEAK=<kind>:<VARIABLE>` (kinds: `OutputKind`) adds the variable's value to every output
/// of that kind just before the check, so end-to-end tests show each kind of output is checked. It can only make
/// tenantctl refuse: a variable that is not watched is refused outright instead of added.
final class OutputGuard: @unchecked Sendable {
    /// The guard of this process, watching its environment.
    static let shared = OutputGuard(environment: ProcessInfo.processInfo.environment)
    static let seamVariable = "TENANTCTL_TEST_LEAK"

    private let lock = NSLock()
    private let environment: [String: String]
    private var canaries: SecretCanaries
    private let forced: (kind: OutputKind?, variable: String, setting: String)?

    init(environment: [String: String]) {
        self.environment = environment
        canaries = SecretCanaries(environment: environment)
        forced = environment[Self.seamVariable].map { setting in
            let parts = setting.split(separator: ":", maxSplits: 1).map(String.init)
            return (parts.first.flatMap(OutputKind.init(rawValue:)), parts.count == 2 ? parts[1] : "", setting)
        }
    }

    /// Watches these variables too: a tenant's declared secret keywords, the secrets a plan file names.
    func watch(_ names: some Sequence<String>) {
        lock.withLock { canaries.watch(names, in: environment) }
    }

    /// The tenant, its declared secret keywords watched from now on.
    func watching(_ tenant: TenantDefinition) -> TenantDefinition {
        watch(tenant.settings.secretKeywords)
        return tenant
    }

    /// Why `data` must not be written to `destination`, if it must not.
    func refusal(for data: Data, at destination: OutputDestination) -> (any Error & CustomStringConvertible)? {
        let canaries = lock.withLock { self.canaries }
        var data = data
        if let forced, forced.kind == destination.kind || forced.kind == nil {
            guard forced.kind != nil, let value = canaries.value(of: forced.variable) else {
                return SeamMisuse(setting: forced.setting, watched: canaries.canaries.map(\.name))
            }
            data += Data(value.utf8)
        }
        return canaries.firstLeak(in: data).map { SecretLeak(variable: $0, destination: destination) }
    }

    /// Checks every output before any is written: a refusal is printed, and the command exits 1 having written none.
    func screen(_ outputs: [(Data, OutputDestination)]) throws {
        for (data, destination) in outputs {
            if let refusal = refusal(for: data, at: destination) {
                StandardError.writeRefusal(refusal)
                throw ExitCode.failure
            }
        }
    }

    /// The command's result on standard output, as one piece.
    func print(_ text: String, what: String) throws {
        try screen([(Data(text.utf8), .standardOutput(what))])
        Swift.print(text, terminator: "")
    }

    /// A file, written atomically once checked.
    func write(_ data: Data, to path: String, as destination: OutputDestination) throws {
        try screen([(data, destination)])
        try AtomicFiles.write(data, to: path)
    }

    /// The check the apply journal runs on each entry before writing it (ManagementAPI knows nothing of this type).
    var journalScreen: @Sendable (_ entry: Data, _ path: String) throws -> Void {
        { [self] entry, path in
            if let refusal = refusal(for: entry, at: .journal(path)) { throw refusal }
        }
    }
}

/// `TENANTCTL_TEST_LEAK` set to something that would not make a refusal: refused itself, loudly.
struct SeamMisuse: Error, CustomStringConvertible {
    var setting: String
    var watched: [String]

    var description: String {
        "\(OutputGuard.seamVariable)=\(setting) is a test seam: it takes <kind>:<VARIABLE>, with a kind among \(OutputKind.allCases.map(\.rawValue).joined(separator: ", ")) and a variable tenantctl watches here (\(watched.isEmpty ? "none" : watched.joined(separator: ", ")))"
    }
}
