import Foundation
import TenantConfig

/// Asks Node.js whether scripts parse, all in one `node` process, each compiled (never run) with `vm.Script`
/// the way Auth0 wraps it. Line and column come back relative to the script file.
public struct NodeSyntaxCheck: Sendable {
    public struct Verdict: Sendable, Equatable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    public enum Wrapping: Sendable {
        /// A custom database script or rule: Auth0 evaluates the file as a function expression.
        case functionExpression
        /// An action: a CommonJS module.
        case module

        /// Text put before the script on its first line (so only line 1's columns shift).
        var prefix: String {
            switch self {
            case .functionExpression: "var __tenantctlScript = "
            case .module: "(function (exports, require, module, __filename, __dirname) { "
            }
        }

        var suffix: String {
            switch self {
            case .functionExpression: "\n"
            case .module: "\n})"
            }
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case nodeNotFound
        case failed(String)

        public var description: String {
            switch self {
            case .nodeNotFound: "node is not on PATH"
            case .failed(let reason): reason
            }
        }
    }

    public var node: String

    public init(node: String) { self.node = node }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let node = ExecutableSearchPath.find("node", environment: environment) else { throw Failure.nodeNotFound }
        self.node = node
    }

    static let driver = """
    const vm = require('vm');
    const chunks = [];
    process.stdin.on('data', (chunk) => chunks.push(chunk));
    process.stdin.on('end', () => {
      const scripts = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const verdicts = scripts.map((code) => {
        try { new vm.Script(code, { filename: 'script.js' }); return null; }
        catch (error) {
          if (!(error instanceof SyntaxError)) return null;
          const lines = String(error.stack).split('\\n');
          const place = /^script\\.js:(\\d+)$/.exec(lines[0]);
          const caret = lines.length > 2 ? lines[2].indexOf('^') : -1;
          return { message: error.message, line: place ? Number(place[1]) : 1, column: caret >= 0 ? caret + 1 : 1 };
        }
      });
      process.stdout.write(JSON.stringify(verdicts));
    });
    """

    /// One verdict per script, in order: nil when the script parses.
    public func check(_ scripts: [(text: String, wrapping: Wrapping)]) throws -> [Verdict?] {
        guard !scripts.isEmpty else { return [] }
        let wrapped = scripts.map { $0.wrapping.prefix + $0.text + $0.wrapping.suffix }
        let input = try JSONSerialization.data(withJSONObject: wrapped)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", Self.driver]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch { throw Failure.failed("could not start \(node): \(error.localizedDescription)") }
        // Read the outputs while writing, so neither side blocks on a full pipe.
        let output = PipeReader(stdout.fileHandleForReading)
        let errors = PipeReader(stderr.fileHandleForReading)
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        let outputData = output.finish(), errorData = errors.finish()
        guard process.terminationStatus == 0,
              let verdicts = try? JSONSerialization.jsonObject(with: outputData) as? [Any], verdicts.count == scripts.count else {
            throw Failure.failed("node exited with status \(process.terminationStatus): \(String(decoding: errorData.prefix(500), as: UTF8.self))")
        }
        return zip(verdicts, scripts).map { verdict, script in
            guard let object = verdict as? [String: Any], let message = object["message"] as? String else { return nil }
            let line = object["line"] as? Int ?? 1
            var column = object["column"] as? Int ?? 1
            if line == 1 { column = max(1, column - script.wrapping.prefix.count) }
            return Verdict(message: message, line: line, column: column)
        }
    }
}
