import APIJSON
import AsyncHTTPClient
import Foundation
import ManagementEmulator
import NIOCore

/// A raw HTTP view of a running emulator, to check exact statuses, headers and bodies.
struct EmulatorHTTP {
    let emulator: RunningEmulator
    var token = ""

    struct Reply {
        var status: Int
        var body: JSONValue?
        var headers: [String: String]
        var raw: String
    }

    static func start(_ configure: (inout EmulatorConfiguration) -> Void = { _ in }) async throws -> EmulatorHTTP {
        var configuration = EmulatorConfiguration()
        configuration.rate = 10_000
        configuration.burst = 10_000
        configure(&configuration)
        var http = EmulatorHTTP(emulator: try await ManagementEmulator.start(configuration))
        let reply = try await http.call("POST", "/oauth/token", body: .object([
            "grant_type": .string("client_credentials"), "client_id": .string(configuration.clientID),
            "client_secret": .string(configuration.clientSecret), "audience": .string("\(http.emulator.baseURL)/api/v2/"),
        ]), authorized: false)
        http.token = reply.body?["access_token"]?.stringValue ?? ""
        return http
    }

    func api(_ method: String, _ path: String, body: JSONValue? = nil) async throws -> Reply {
        try await call(method, "/api/v2/" + path, body: body)
    }

    func call(_ method: String, _ path: String, body: JSONValue? = nil, rawBody: Data? = nil, authorized: Bool = true) async throws -> Reply {
        var request = HTTPClientRequest(url: emulator.baseURL + path)
        request.method = .init(rawValue: method)
        if authorized { request.headers.add(name: "authorization", value: "Bearer \(token)") }
        if let data = rawBody ?? body.map({ $0.encoded() }) {
            request.headers.add(name: "content-type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: data))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 32 * 1024 * 1024)
        let data = Data(bytes.readableBytesView)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return Reply(status: Int(response.status.code), body: try? JSONValue.parse(data), headers: headers, raw: String(decoding: data, as: UTF8.self))
    }

    func stop() async { await emulator.stop() }

    static func json(_ text: String) -> JSONValue { try! JSONValue.parse(Data(text.utf8)) }
}
