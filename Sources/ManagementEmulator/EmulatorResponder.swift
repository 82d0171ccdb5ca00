import APIJSON
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Answers every HTTP request: the token endpoint, the `/api/v2` endpoints (behind auth, the rate limit and the
/// fault injector) and the `/__emulator` admin channel.
struct EmulatorResponder: Sendable {
    static let maximumBodyBytes = 1_048_576
    static let slowResponse: Duration = .milliseconds(1500)

    let configuration: EmulatorConfiguration
    let store: EmulatorStore
    let gate: EmulatorGate
    let port: @Sendable () -> Int

    func respond(_ request: Request, _ context: EmulatorRequestContext) async throws -> Response {
        let path = request.uri.path
        if path.hasPrefix("/__emulator/") { return try await admin(request, path: path) }
        if path == "/oauth/token" { return try await token(request) }
        guard path.hasPrefix("/api/v2/") else { return json(404, APIErrorResponse.unknownRoute.body) }
        return try await api(request, context, path: String(path.dropFirst("/api/v2/".count)))
    }

    // MARK: - /api/v2

    private func api(_ request: Request, _ context: EmulatorRequestContext, path: String) async throws -> Response {
        let method = request.method.rawValue
        guard let token = bearer(request), let scopes = await gate.scopes(of: token) else {
            return json(401, .object(["statusCode": .number(401), "error": .string("Unauthorized"), "message": .string(bearer(request) == nil ? "Missing authentication" : "Invalid token")]))
        }
        await gate.count(method)
        let verdict = await gate.takeRateLimit()
        var headers = HTTPFields()
        headers[HTTPField.Name("x-ratelimit-limit")!] = String(verdict.limit)
        headers[HTTPField.Name("x-ratelimit-remaining")!] = String(verdict.remaining)
        headers[HTTPField.Name("x-ratelimit-reset")!] = String(verdict.reset)
        guard verdict.allowed else { return json(429, APIErrorResponse.tooManyRequests.body, headers) }

        if configuration.latencyMilliseconds > 0 { try await Task.sleep(for: .milliseconds(configuration.latencyMilliseconds)) }
        let decision = await gate.decideFault(method: method, path: path)
        if decision.fault == .tooManyRequests { return json(429, APIErrorResponse.tooManyRequests.body, headers) }
        if decision.fault == .slowResponse { try await Task.sleep(for: Self.slowResponse) }

        var apiRequest = APIRequest(method: method, segments: path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) },
                                    query: query(request), body: nil)
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: Self.maximumBodyBytes) } catch {
            return json(413, APIErrorResponse(status: 413, message: "Payload too large: the limit is 1 MB", errorCode: "payload_too_large").body, headers)
        }
        if buffer.readableBytes > 0 {
            guard let body = try? JSONValue.parse(Data(buffer.readableBytesView)) else {
                return json(400, APIErrorResponse.invalidBody("Invalid request payload JSON format").body, headers)
            }
            apiRequest.body = body
        }
        guard EmulatedTenant.servesRoot(apiRequest.segments) else { return json(404, APIErrorResponse.unknownRoute.body, headers) }
        let needed = EmulatedTenant.requiredScope(apiRequest)
        if !scopes.contains(needed) {
            return json(403, APIErrorResponse(status: 403, message: "Insufficient scope, expected any of: \(needed)", errorCode: "insufficient_scope").body, headers)
        }
        let failsAfterWrite = decision.fault == .internalError || decision.fault == .unavailable || decision.fault == .droppedConnection
        // A failed write may or may not have landed, as on the real service.
        var result: APIResult?
        if !(failsAfterWrite && apiRequest.isWrite && !decision.writeLands) {
            do { result = try await store.apply(apiRequest) } catch {
                return json(error.status, error.body, headers)
            }
        }
        switch decision.fault {
        case .droppedConnection:
            context.channel.close(promise: nil)
            throw CancellationError()
        case .internalError:
            return json(500, APIErrorResponse(status: 500, message: "Internal Server Error", errorCode: nil).body, headers)
        case .unavailable:
            return json(503, APIErrorResponse(status: 503, message: "Service Unavailable", errorCode: nil).body, headers)
        default:
            guard let result else { return json(500, APIErrorResponse(status: 500, message: "Internal Server Error", errorCode: nil).body, headers) }
            return json(result.status, result.body, headers)
        }
    }

    // MARK: - /oauth/token

    private func token(_ request: Request) async throws -> Response {
        guard request.method == .post else { return json(404, APIErrorResponse.unknownRoute.body) }
        let buffer = (try? await request.body.collect(upTo: Self.maximumBodyBytes)) ?? ByteBuffer()
        let data = Data(buffer.readableBytesView)
        var fields: [String: String] = [:]
        if let json = try? JSONValue.parse(data), let object = json.objectValue {
            for (k, v) in object { fields[k] = v.stringValue }
        } else {
            for pair in String(decoding: data, as: UTF8.self).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0) }
                if parts.count == 2 { fields[parts[0]] = parts[1] }
            }
        }
        func denied(_ status: Int, _ error: String, _ description: String) -> Response {
            json(status, .object(["error": .string(error), "error_description": .string(description)]))
        }
        guard fields["grant_type"] == "client_credentials" else { return denied(400, "unsupported_grant_type", "Unsupported grant type: \(fields["grant_type"] ?? "none")") }
        guard fields["client_id"] == configuration.clientID, fields["client_secret"] == configuration.clientSecret else {
            return denied(401, "access_denied", "Unauthorized")
        }
        let audience = fields["audience"] ?? ""
        let accepted = ["https://\(configuration.domain)/api/v2/", "http://127.0.0.1:\(port())/api/v2/", "http://localhost:\(port())/api/v2/",
                        "https://127.0.0.1:\(port())/api/v2/", "https://localhost:\(port())/api/v2/"]
        guard accepted.contains(audience) else { return denied(403, "access_denied", "Service not enabled within domain: \(audience)") }
        let scopes = Set(configuration.grantedScopes ?? ManagementScopes.all)
        let token = await gate.issueToken(scopes: scopes)
        return json(200, .object(["access_token": .string(token), "token_type": .string("Bearer"), "expires_in": .number(86400),
                                  "scope": .string(scopes.sorted().joined(separator: " "))]))
    }

    // MARK: - /__emulator

    private func admin(_ request: Request, path: String) async throws -> Response {
        switch (request.method, path) {
        case (.get, "/__emulator/stats"): return json(200, await gate.statistics)
        case (.delete, "/__emulator/stats"):
            await gate.resetStatistics()
            return json(204, nil)
        case (.post, "/__emulator/reset"):
            do { try await store.reset() } catch { return json(500, .object(["error": .string("\(error)")])) }
            await gate.resetStatistics()
            return json(204, nil)
        case (.get, "/__emulator/snapshot"): return json(200, await store.snapshot(includeSecrets: false))
        case (.post, "/__emulator/faults"):
            let buffer = try await request.body.collect(upTo: Self.maximumBodyBytes)
            guard let body = try? JSONValue.parse(Data(buffer.readableBytesView)), let fault = ScheduledFault(body) else {
                return json(400, .object(["error": .string("expected {\"method\", \"path\", \"fault\": too_many_requests|internal_error|unavailable|dropped_connection|slow_response, \"lands\"}")]))
            }
            await gate.schedule(fault)
            return json(204, nil)
        default: return json(404, APIErrorResponse.unknownRoute.body)
        }
    }

    // MARK: - Helpers

    private func bearer(_ request: Request) -> String? {
        guard let value = request.headers[.authorization], value.hasPrefix("Bearer ") else { return nil }
        return String(value.dropFirst("Bearer ".count))
    }

    private func query(_ request: Request) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in request.uri.queryParameters {
            result[String(key)] = String(value).removingPercentEncoding ?? String(value)
        }
        return result
    }

    private func json(_ status: Int, _ body: JSONValue?, _ headers: HTTPFields = HTTPFields()) -> Response {
        var headers = headers
        guard let body else { return Response(status: .init(code: status), headers: headers) }
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .init(code: status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: body.encoded())))
    }
}

extension EmulatorStore {
    /// Runs one request against the tenant; a successful write is persisted before the answer.
    func apply(_ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        // Endpoints validate everything before they change anything, so a refused request changes nothing.
        let result = try tenant.handle(request)
        if request.isWrite { persist() }
        return result
    }
}

/// The scopes a Management API token can carry, for the endpoints the emulator serves.
enum ManagementScopes {
    static let all: [String] = {
        let handWritten = EmulatedTenant.handWrittenScopeResources.flatMap { ScopeRule(resource: $0).all }
        return Array(Set(handWritten + CollectionRoutes.scopes)).sorted()
    }()
}
