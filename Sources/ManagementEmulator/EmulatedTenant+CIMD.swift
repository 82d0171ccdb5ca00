import APIJSON

extension EmulatedTenant {
    /// `POST /clients/cimd/register {"external_client_id"}`: fetches the Client ID Metadata Document at that URL (from
    /// `web`: the emulator has no network), maps it to a client, and creates that client (201) or updates the one
    /// already registered from the URL (200): the URL is the upsert key. The answer is the spec's `{client_id,
    /// mapped_fields, validation}`. A document that cannot be fetched, or breaks CIMD's rules (its `client_id` is not
    /// its URL; a shared secret), is a 400. The mapping follows the spec's `mapped_fields`: `client_name` → `name`,
    /// `redirect_uris` → `callbacks`, `logo_uri`, `grant_types`, `token_endpoint_auth_method`, `jwks_uri`; the
    /// `app_type` (`regular_web` for a client authenticating with `private_key_jwt`, else `native`) and the messages
    /// are inferred.
    mutating func registerMetadataDocumentClient(_ body: [String: JSONValue]) throws(APIErrorResponse) -> APIResult {
        let unknown = body.keys.filter { $0 != "external_client_id" }.sorted()
        guard unknown.isEmpty else { throw .additionalProperties(unknown) }
        guard case .string(let url)? = body["external_client_id"], !url.isEmpty else {
            throw .invalidBody("Payload validation error: 'Missing required property: external_client_id'.")
        }
        guard url.hasPrefix("https://"), url.count <= 120 else {
            throw .invalidBody("Payload validation error: 'Object didn't pass validation for format absolute-https-uri-or-empty: \(url)' on property external_client_id.")
        }
        guard let document = web[url]?.objectValue else {
            throw .invalidBody("The Client ID Metadata Document could not be retrieved from \(url).")
        }
        var violations: [String] = []
        if document["client_id"]?.stringValue != url { violations.append("client_id must be the document's URL (\(url))") }
        let method = document["token_endpoint_auth_method"]?.stringValue ?? "none"
        if method.hasPrefix("client_secret") { violations.append("token_endpoint_auth_method \(method) uses a shared secret, which CIMD clients cannot") }
        guard violations.isEmpty else { throw .invalidBody("The Client ID Metadata Document is invalid: \(violations.joined(separator: "; ")).") }

        var mapped: [String: JSONValue] = ["external_client_id": .string(url), "token_endpoint_auth_method": .string(method),
                                           "app_type": .string(method == "private_key_jwt" ? "regular_web" : "native")]
        for (from, to) in [("client_name", "name"), ("redirect_uris", "callbacks"), ("logo_uri", "logo_uri"), ("grant_types", "grant_types"),
                           ("jwks_uri", "jwks_uri"), ("description", "description")] {
            if let value = document[from] { mapped[to] = value }
        }
        let answer = { (id: String) -> JSONValue in
            .object(["client_id": .string(id), "mapped_fields": .object(mapped),
                     "validation": .object(["valid": .bool(true), "violations": .array([]), "warnings": .array([])])])
        }
        if let existing = clients.first(where: { $0["external_client_id"]?.stringValue == url }), let id = existing["client_id"]?.stringValue {
            clients[id] = existing.merging(mapped) { _, document in document }
            return .ok(answer(id))
        }
        let id = Identifiers.clientID()
        var client = mapped
        client["client_id"] = .string(id)
        client["name"] = client["name"] ?? .string(url)
        client["tenant"] = .string(domain.split(separator: ".").first.map(String.init) ?? domain)
        client["global"] = .bool(false)
        client["is_first_party"] = .bool(false)
        clients[id] = client
        return .created(answer(id))
    }
}
