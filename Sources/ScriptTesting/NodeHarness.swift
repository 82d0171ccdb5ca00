import Foundation
import TenantConfig

/// Runs test cases in Node with tenantctl's harness (`Resources/harness.js`), one process per run.
public struct NodeHarness: Sendable {
    /// Why the harness could not run.
    public enum Failure: Error, CustomStringConvertible {
        case nodeNotFound
        case crashed(status: Int32, stderr: String)
        case unreadableOutput(String)

        public var description: String {
            switch self {
            case .nodeNotFound:
                "node is not on PATH: test-scripts runs the scripts under Node.js, as Auth0 does. Install it (`apt-get install nodejs`, or from nodejs.org) and run again."
            case .crashed(let status, let stderr):
                "the script harness exited with status \(status): \(stderr.prefix(2000))"
            case .unreadableOutput(let text):
                "the script harness printed something that is not its result: \(text.prefix(500))"
            }
        }
    }

    public var node: String
    /// How long a script may take before it is reported as never calling back.
    public var timeoutMilliseconds: Int

    public init(node: String, timeoutMilliseconds: Int = 20_000) {
        self.node = node
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// The first `node` on PATH, or nil.
    public static func findNode(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        ExecutableSearchPath.find("node", environment: environment)
    }

    /// Variables node keeps from tenantctl's environment. The scripts come from the pull request, and Node's `vm`
    /// is no sandbox (`callback.constructor('return process')()` reaches the real process), so the credentials and
    /// secret keywords CI gives tenantctl must not be there for a script to read.
    public static let keptVariables: Set<String> = ["PATH", "TZ"]

    static func scriptEnvironment(_ environment: [String: String]) -> [String: String] {
        environment.filter { keptVariables.contains($0.key) }
    }

    /// Runs the cases in order; results come back in the same order.
    public func run(_ cases: [ScriptTestCase]) throws -> [ScriptRun] {
        guard !cases.isEmpty else { return [] }
        let input = JSONValue.object([
            "timeoutMs": .number(Double(timeoutMilliseconds)),
            "cases": .array(cases.map { testCase in
                .object([
                    "name": .string(testCase.name), "script": .string(testCase.script.rawValue), "file": .string(testCase.file),
                    "code": .string(testCase.code), "args": .array(testCase.arguments),
                    "configuration": .object(testCase.configuration), "http": .array(testCase.exchanges),
                ])
            }),
        ])
        return try execute(input, resultsKey: "results", count: cases.count).map(ScriptRun.decode)
    }

    /// Runs action cases in order (each a trigger's actions until one denies); results come back in the same order.
    public func run(actions cases: [ActionTestCase]) throws -> [ActionRun] {
        guard !cases.isEmpty else { return [] }
        let input = JSONValue.object([
            "timeoutMs": .number(Double(timeoutMilliseconds)),
            "actionCases": .array(cases.map { testCase in
                .object([
                    "name": .string(testCase.name), "trigger": .string(testCase.trigger), "handler": .string(testCase.handler),
                    "event": testCase.event, "http": .array(testCase.exchanges),
                    "actions": .array(testCase.actions.map { action in
                        .object(["name": .string(action.name), "file": .string(action.file), "code": .string(action.code), "secrets": .object(action.secrets)])
                    }),
                ])
            }),
        ])
        return try execute(input, resultsKey: "actionResults", count: cases.count).map(ActionRun.decode)
    }

    /// One harness process for `input`; its results under `resultsKey`, exactly `count` of them.
    private func execute(_ input: JSONValue, resultsKey: String, count: Int) throws -> [JSONValue] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tenantctl-harness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The harness is embedded in the binary; node reads it from beside the input.
        let harness = directory.appendingPathComponent("harness.js")
        try Data(PackageResources.harness_js).write(to: harness)
        let inputURL = directory.appendingPathComponent("input.json")
        try input.encoded().write(to: inputURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [harness.path, inputURL.path]
        process.currentDirectoryURL = directory
        process.environment = Self.scriptEnvironment(ProcessInfo.processInfo.environment)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = PipeReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.finish()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure.crashed(status: process.terminationStatus, stderr: String(decoding: errData, as: UTF8.self))
        }
        guard let output = try? JSONValue.parse(outData), let results = output[resultsKey]?.arrayValue, results.count == count else {
            throw Failure.unreadableOutput(String(decoding: outData, as: UTF8.self))
        }
        return results
    }
}
