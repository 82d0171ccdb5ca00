import APIJSON
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Something worth telling a person watching a long run.
public enum ClientEvent: Sendable {
    case waitingForRateLimit(seconds: Double)
    case retrying(method: String, path: String, attempt: Int, reason: String)
}

/// Counts of what the client did, for summaries and benchmarks.
public struct ClientStatistics: Sendable, Equatable {
    public var requests: [String: Int] = [:]
    public var retries = 0
    public var rateLimitWaits = 0
    public var total: Int { requests.values.reduce(0, +) }
}

/// The Management API v2 client: token (cached for its lifetime), rate limiting from the server's headers,
/// retries of what is safe to retry, pagination. One request at a time: tenantctl is serial by design.
public actor ManagementClient {
    public nonisolated let endpoint: ManagementEndpoint
    private let credentials: ManagementCredentials
    private let http: HTTPClient
    private let ownsHTTPClient: Bool
    private var limiter: ClientRateLimiter
    private let retry: RetryPolicy
    private let events: @Sendable (ClientEvent) -> Void
    private var token: (value: String, expiresAt: Double)?
    public private(set) var statistics = ClientStatistics()
    /// How long one HTTP exchange may take.
    public var timeout: TimeAmount = .seconds(30)

    public init(endpoint: ManagementEndpoint, credentials: ManagementCredentials, maxRequestsPerSecond: Double? = nil,
                retryPolicy: RetryPolicy = RetryPolicy(), events: @escaping @Sendable (ClientEvent) -> Void = { _ in }) {
        self.endpoint = endpoint
        self.credentials = credentials
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(timeout: .init(connect: .seconds(10), read: .seconds(60))))
        ownsHTTPClient = true
        limiter = ClientRateLimiter(maxRequestsPerSecond: maxRequestsPerSecond)
        retry = retryPolicy
        self.events = events
    }

    /// Releases the HTTP client's connections.
    public func shutdown() async {
        if ownsHTTPClient { try? await http.shutdown() }
    }

    // MARK: - Requests

    /// Sends one request, waiting for the rate limit and retrying 429s and, when safe, transient failures.
    public func send(_ request: APIRequest) async throws(ManagementAPIError) -> APIResponse {
        var attempt = 0
        var repeatedAfterFailure = false
        while true {
            attempt += 1
            let response: APIResponse
            do {
                response = try await exchange(request)
            } catch let error as ManagementAPIError {
                throw error
            } catch {
                // No answer: the connection dropped or timed out.
                guard request.isIdempotent else { throw .outcomeUnknown("\(request.method) \(request.path)") }
                guard attempt < retry.maxAttempts else { throw .unreachable("\(error)") }
                statistics.retries += 1
                events(.retrying(method: request.method, path: request.path, attempt: attempt, reason: "no answer"))
                repeatedAfterFailure = true
                await sleep(retry.delay(attempt: attempt))
                continue
            }
            if response.status == 429 {
                guard attempt < retry.maxAttempts * 2 else { throw .rateLimitExhausted }
                let wait = ClientRateLimiter.waitAfterTooManyRequests(headers: response.headers, now: Date().timeIntervalSince1970)
                statistics.rateLimitWaits += 1
                events(.waitingForRateLimit(seconds: wait))
                await sleep(min(wait, 60))
                continue
            }
            if RetryPolicy.transientStatuses.contains(response.status) {
                // A POST that failed on the server may have landed: the caller must read before retrying.
                guard request.isIdempotent else { throw .outcomeUnknown("\(request.method) \(request.path) (answered \(response.status))") }
                guard attempt < retry.maxAttempts else { throw Self.error(from: response) }
                statistics.retries += 1
                events(.retrying(method: request.method, path: request.path, attempt: attempt, reason: "\(response.status)"))
                repeatedAfterFailure = true
                await sleep(retry.delay(attempt: attempt))
                continue
            }
            // A DELETE repeated after a failure whose first attempt landed finds nothing left: it is done.
            if response.status == 404, request.method == "DELETE", repeatedAfterFailure { return response }
            guard (200..<300).contains(response.status) else { throw Self.error(from: response) }
            return response
        }
    }

    /// Every item of a list endpoint: page-based (`per_page=100&include_totals=true`) or checkpoint (`from`/`take`).
    public func listAll(_ path: String, itemsKey: String, checkpoint: Bool = false, take: Int = 100, query: [(String, String)] = []) async throws(ManagementAPIError) -> [JSONValue] {
        var items: [JSONValue] = []
        if checkpoint {
            var from: String?
            repeat {
                var q = query + [("take", String(take))]
                if let from { q.append(("from", from)) }
                let body = try await send(APIRequest("GET", path, query: q)).body
                items += body?[itemsKey]?.arrayValue ?? body?.arrayValue ?? []
                from = body?["next"]?.stringValue
            } while from != nil
            return items
        }
        var page = 0
        while true {
            let body = try await send(APIRequest("GET", path, query: query + [("page", String(page)), ("per_page", "100"), ("include_totals", "true")])).body
            if let array = body?.arrayValue { return array }
            let batch = body?[itemsKey]?.arrayValue ?? []
            items += batch
            let total = Int(body?["total"]?.numberValue ?? 0)
            if batch.isEmpty || items.count >= total { return items }
            page += 1
        }
    }

    // MARK: - HTTP

    private func exchange(_ request: APIRequest) async throws -> APIResponse {
        // The token first: the pacing below is about API requests, and a token fetched after the pause would
        // push this request later than its slot and let the next one follow it too closely.
        let bearer = try await accessToken()
        let wait = limiter.delay(now: Date().timeIntervalSince1970)
        if wait > 0 {
            statistics.rateLimitWaits += 1
            events(.waitingForRateLimit(seconds: wait))
            await sleep(wait)
        }
        var url = "\(endpoint.baseURL)/api/v2/\(request.path.hasPrefix("/") ? String(request.path.dropFirst()) : request.path)"
        if !request.query.isEmpty {
            url += "?" + request.query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        var http = HTTPClientRequest(url: url)
        http.method = HTTPMethod(rawValue: request.method)
        http.headers.add(name: "authorization", value: "Bearer \(bearer)")
        http.headers.add(name: "user-agent", value: "tenantctl")
        if let body = request.body {
            http.headers.add(name: "content-type", value: "application/json")
            http.body = .bytes(ByteBuffer(bytes: body.encoded()))
        }
        limiter.sent(now: Date().timeIntervalSince1970)
        statistics.requests[request.method, default: 0] += 1
        let response = try await self.http.execute(http, timeout: timeout)
        let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        limiter.observe(headers: headers, now: Date().timeIntervalSince1970)
        let data = Data(bytes.readableBytesView)
        let body = data.isEmpty ? nil : try? JSONValue.parse(data)
        if response.status.code == 401 {
            token = nil
            throw ManagementAPIError.refusedCredentials(body?["message"]?.stringValue ?? "401 Unauthorized")
        }
        return APIResponse(status: Int(response.status.code), body: body, headers: headers)
    }

    /// The bearer token: given, or from the client credentials grant, cached until a minute before it expires.
    private func accessToken() async throws -> String {
        switch credentials {
        case .accessToken(let value): return value
        case .clientCredentials(let id, let secret):
            if let token, token.expiresAt > Date().timeIntervalSince1970 + 60 { return token.value }
            var request = HTTPClientRequest(url: "\(endpoint.baseURL)/oauth/token")
            request.method = .POST
            request.headers.add(name: "content-type", value: "application/json")
            let body = JSONValue.object(["grant_type": .string("client_credentials"), "client_id": .string(id), "client_secret": .string(secret), "audience": .string(endpoint.audience)])
            request.body = .bytes(ByteBuffer(bytes: body.encoded()))
            // Asking for a token twice is harmless: 429 and 5xx are retried like any idempotent request, and only a
            // real refusal is blamed on the credentials. No answer at all is not retried: it is the first request
            // of a run, so it almost always means a wrong or unreachable host, and the HTTP client has already
            // spent its connect timeout trying.
            var attempt = 0
            var response: HTTPClientResponse
            var json: JSONValue?
            while true {
                attempt += 1
                do { response = try await http.execute(request, timeout: timeout) } catch {
                    throw ManagementAPIError.unreachable("\(endpoint.baseURL): \(error)")
                }
                let data = Data((try await response.body.collect(upTo: 1024 * 1024)).readableBytesView)
                json = try? JSONValue.parse(data)
                let status = Int(response.status.code)
                guard status == 429 || RetryPolicy.transientStatuses.contains(status), attempt < retry.maxAttempts else { break }
                statistics.retries += 1
                events(.retrying(method: "POST", path: "/oauth/token", attempt: attempt, reason: "\(status)"))
                if status == 429 {
                    var headers: [String: String] = [:]
                    for header in response.headers { headers[header.name.lowercased()] = header.value }
                    await sleep(min(ClientRateLimiter.waitAfterTooManyRequests(headers: headers, now: Date().timeIntervalSince1970), 60))
                } else {
                    await sleep(retry.delay(attempt: attempt))
                }
            }
            guard response.status.code == 200, let value = json?["access_token"]?.stringValue else {
                if response.status.code == 429 || RetryPolicy.transientStatuses.contains(Int(response.status.code)) {
                    throw ManagementAPIError.unreachable("\(endpoint.baseURL)/oauth/token answered \(response.status.code) \(attempt) times")
                }
                let why = json?["error_description"]?.stringValue ?? json?["error"]?.stringValue ?? "HTTP \(response.status.code)"
                throw ManagementAPIError.refusedCredentials(why)
            }
            let lifetime = json?["expires_in"]?.numberValue ?? 3600
            token = (value, Date().timeIntervalSince1970 + lifetime)
            return value
        }
    }

    private func sleep(_ seconds: Double) async {
        guard seconds > 0 else { return }
        try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
    }

    static func error(from response: APIResponse) -> ManagementAPIError {
        let body = response.body
        let message = body?["message"]?.stringValue ?? ""
        if response.status == 403, body?["errorCode"]?.stringValue == "insufficient_scope",
           let range = message.range(of: "expected any of: ") {
            return .missingScopes(message[range.upperBound...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return .http(status: response.status, error: body?["error"]?.stringValue ?? "HTTP \(response.status)", message: message, errorCode: body?["errorCode"]?.stringValue)
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+?"))) ?? text
    }
}
