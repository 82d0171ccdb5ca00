import Foundation

/// The tenant digest key (`TENANTCTL_DIGEST_KEY`) the end-to-end tests set beside a tenant's secrets, as a
/// pipeline sets it from its secret store.
let e2eDigestKey = "e2e-digest-key-5b1d0c8e7f3a49a2b6c4d9e0f1a2b3c4"

/// Runs the built `tenantctl` executable as a user would, capturing what it prints and its exit code.
struct CLIProcess {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
        /// From the process's start to its exit (not the wait for a slot).
        var duration: Duration = .zero
    }

    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable beside the test bundle in the build products folder.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        for candidate in [directory, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("tenantctl")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/tenantctl")
    }

    /// Runs `tenantctl arguments…` in `directory` (the package root by default) with a clean environment plus
    /// `environment`. The waiting happens off Swift's cooperative pool, so an in-process emulator keeps serving.
    /// At most `ProcessSlots.shared.limit` run at once (the waiting is async, so no thread is held).
    static func run(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:], stdin: String? = nil) async throws -> Result {
        await ProcessSlots.shared.acquire()
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Swift.Result<CLIProcess.Result, any Error>, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: Swift.Result { try runBlocking(arguments, in: directory, environment: environment, stdin: stdin) })
            }
        }
        await ProcessSlots.shared.release()
        return try result.get()
    }

    private static func runBlocking(_ arguments: [String], in directory: URL, environment: [String: String], stdin: String?) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "NO_COLOR": "1"]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let clock = ContinuousClock()
        let started = clock.now
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self), status: process.terminationStatus,
                      duration: clock.now - started)
    }
}

/// How many CLI processes the tests run at once. Swift Testing starts every test at the same time; unbounded, a
/// hundred-odd `tenantctl` processes shared two cores, and a request from one of them to an in-process emulator
/// could wait past the client's 30-second deadline (seen in CI as `HTTPClientError.deadlineExceeded`). A test never
/// holds a slot while waiting for another, so the bound cannot deadlock.
actor ProcessSlots {
    static let shared = ProcessSlots(limit: max(4, 2 * ProcessInfo.processInfo.activeProcessorCount))
    let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func acquire() async {
        guard running >= limit else { running += 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the slot to the next waiting run, if any.
    func release() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}

/// Compares output with a committed golden file; `UPDATE_GOLDEN=1 swift test` rewrites them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The outcome of a comparison; prints as the first differing line, not as both whole files.
    struct Comparison: CustomStringConvertible {
        var matches: Bool
        var description: String
    }

    static func check(_ actual: String, against name: String) throws -> Comparison {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return Comparison(matches: false, description: "missing golden file \(name) (UPDATE_GOLDEN=1 swift test writes it)")
        }
        if expected == actual { return Comparison(matches: true, description: "matches \(name)") }
        let expectedLines = expected.components(separatedBy: "\n"), actualLines = actual.components(separatedBy: "\n")
        let line = (0..<min(expectedLines.count, actualLines.count)).first { expectedLines[$0] != actualLines[$0] } ?? min(expectedLines.count, actualLines.count)
        func at(_ lines: [String]) -> String { line < lines.count ? lines[line] : "<end of output>" }
        return Comparison(matches: false, description: "\(name) differs at line \(line + 1):\n  golden: \(at(expectedLines))\n  actual: \(at(actualLines))\n(UPDATE_GOLDEN=1 swift test rewrites the golden files; review the diff)")
    }
}
