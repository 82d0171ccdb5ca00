import APIJSON
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// A request the scripted API received, as the test wants to check it.
struct ReceivedRequest: Sendable, Equatable {
    var method: String
    /// The path under `/api/v2/` (`clients/abc`), or the whole path for anything else (`/oauth/token`).
    var path: String
    /// The query, percent-decoded, in the order sent: `["page=0", "per_page=100"]`.
    var query: [String]
    var authorization: String?
    var body: JSONValue?
}

/// What the scripted API answers to one request.
enum ScriptedAnswer: Sendable {
    case reply(Int, JSONValue? = nil, headers: [String: String] = [:])
    /// Reads the request, then closes the connection without answering (a lost answer).
    case drop

    static func ok(_ body: JSONValue) -> ScriptedAnswer { .reply(200, body) }

    /// An error in the Management API's shape: `{statusCode, error, message, errorCode}`.
    static func apiError(_ status: Int, _ error: String, _ message: String, _ errorCode: String? = nil, headers: [String: String] = [:]) -> ScriptedAnswer {
        var body: [String: JSONValue] = ["statusCode": .number(Double(status)), "error": .string(error), "message": .string(message)]
        if let errorCode { body["errorCode"] = .string(errorCode) }
        return .reply(status, .object(body), headers: headers)
    }
}

/// A value shared between a test and the server's handler.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    var current: Value { lock.withLock { value } }

    @discardableResult
    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}

/// The request context, keeping the connection's channel so an answer can be dropped.
struct ScriptedContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// A Management API on 127.0.0.1 whose every answer the test scripts: `/oauth/token` issues `token-1`,
/// `token-2`, … (or answers `tokenScript`), and each `/api/v2/…` request is answered by `script`, given the
/// request and its 0-based number among API requests.
final class ScriptedAPI: Sendable {
    let baseURL: String
    private let task: Task<Void, Never>
    private let apiLog: Locked<[ReceivedRequest]>
    private let tokenLog: Locked<[ReceivedRequest]>

    /// Every `/api/v2` request, in the order received.
    var requests: [ReceivedRequest] { apiLog.current }
    /// Every `/oauth/token` request, in the order received.
    var tokenRequests: [ReceivedRequest] { tokenLog.current }

    private init(baseURL: String, task: Task<Void, Never>, apiLog: Locked<[ReceivedRequest]>, tokenLog: Locked<[ReceivedRequest]>) {
        self.baseURL = baseURL
        self.task = task
        self.apiLog = apiLog
        self.tokenLog = tokenLog
    }

    static func start(tokenLifetime: Double = 86400, tokenScript: (@Sendable (Int) -> ScriptedAnswer)? = nil,
                      _ script: @escaping @Sendable (ReceivedRequest, Int) -> ScriptedAnswer) async throws -> ScriptedAPI {
        let apiLog = Locked<[ReceivedRequest]>([])
        let tokenLog = Locked<[ReceivedRequest]>([])
        let (ports, continuation) = AsyncThrowingStream<Int, any Error>.makeStream()
        let responder = CallbackResponder<ScriptedContext> { request, context in
            let received = try await ReceivedRequest(request)
            let answer: ScriptedAnswer
            if received.path == "/oauth/token" {
                let number = tokenLog.withLock { log in log.append(received); return log.count }
                answer = tokenScript?(number - 1) ?? .ok(.object([
                    "access_token": .string("token-\(number)"), "token_type": .string("Bearer"), "expires_in": .number(tokenLifetime),
                ]))
            } else {
                let number = apiLog.withLock { log in log.append(received); return log.count }
                answer = script(received, number - 1)
            }
            switch answer {
            case .drop:
                context.channel.close(promise: nil)
                throw CancellationError()
            case .reply(let status, let body, let extra):
                var headers = HTTPFields()
                for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
                guard let body else { return Response(status: .init(code: status), headers: headers) }
                headers[.contentType] = "application/json"
                return Response(status: .init(code: status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: body.encoded())))
            }
        }
        var logger = Logger(label: "tenantctl.scripted-api")
        logger.logLevel = .critical
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "scripted-api"),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let task = Task {
            do {
                try await app.runService(gracefulShutdownSignals: [])
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        for try await port in ports {
            return ScriptedAPI(baseURL: "http://127.0.0.1:\(port)", task: task, apiLog: apiLog, tokenLog: tokenLog)
        }
        throw CancellationError()
    }

    func stop() async {
        task.cancel()
        await task.value
    }
}

extension ReceivedRequest {
    init(_ request: Request) async throws {
        let path = request.uri.path
        method = request.method.rawValue
        self.path = path.hasPrefix("/api/v2/") ? String(path.dropFirst("/api/v2/".count)) : path
        query = (request.uri.query ?? "").split(separator: "&").map { pair in
            pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                .map { String($0).removingPercentEncoding ?? String($0) }.joined(separator: "=")
        }
        authorization = request.headers[.authorization]
        let bytes = try await request.body.collect(upTo: 1 << 20)
        self.body = bytes.readableBytes == 0 ? nil : try? JSONValue.parse(Data(bytes.readableBytesView))
    }
}
