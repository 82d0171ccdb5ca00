import Foundation
import TenantConfig

/// Runs one tenantctl command per tenant, several tenants at once (each tenant's own calls stay strictly serial:
/// each is a separate process doing exactly what the single-tenant command does), then prints every tenant's
/// output in name order, and a combined summary.
struct TenantFanOut {
    struct Outcome: Sendable {
        var directory: String
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// At most this many tenants at once; tenants share nothing, but the machine does.
    var concurrency = 4

    /// Runs `arguments(directory)` for every directory; the outcomes come back in the directories' order.
    func run(_ directories: [String], arguments: @escaping @Sendable (String) -> [String]) async -> [Outcome] {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return await withTaskGroup(of: (Int, Outcome).self) { group in
            var outcomes = [Outcome?](repeating: nil, count: directories.count)
            var next = 0
            func start() {
                guard next < directories.count else { return }
                let index = next, directory = directories[index]
                next += 1
                group.addTask { (index, await Self.runProcess(executable, arguments(directory), directory: directory)) }
            }
            for _ in 0..<min(concurrency, directories.count) { start() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                start()
            }
            return outcomes.compactMap { $0 }
        }
    }

    private static func runProcess(_ executable: URL, _ arguments: [String], directory: String) async -> Outcome {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = executable
                process.arguments = arguments
                let out = Pipe(), err = Pipe()
                process.standardOutput = out
                process.standardError = err
                do { try process.run() } catch {
                    continuation.resume(returning: Outcome(directory: directory, status: 1, stdout: "", stderr: "error: could not run \(executable.path): \(error)\n"))
                    return
                }
                let errors = PipeReader(err.fileHandleForReading)
                let output = out.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: Outcome(directory: directory, status: process.terminationStatus,
                                                       stdout: String(decoding: output, as: UTF8.self), stderr: String(decoding: errors.finish(), as: UTF8.self)))
            }
        }
    }
}
