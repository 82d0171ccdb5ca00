import APIJSON
import Crypto
import Foundation

extension CollectionSpec {
    /// `/flows/vault/connections`: offset lists under `connections` (recorded: `{limit, start, total,
    /// connections}`). `setup` holds credentials: taken, never answered; reads show `ready` and a `fingerprint` of
    /// it (the spec's summary). The PATCH takes `name` and `setup` (the spec). Ids (`ac_` + 22), the fingerprint's
    /// form and errorCodes are inferred.
    static let flowVaultConnections: CollectionSpec = CollectionSpec(
        path: "flows/vault/connections", itemParameter: "id", plural: "connections",
        identifiers: .random(prefix: "ac_", length: 22, alphabet: .alphanumeric),
        listing: .offset,
        createStatus: 201, updates: true, deletion: .noContent,
        notFound: .notFound("The Flow vault connection does not exist.", "inexistent_flows_vault_connection"),
        createEndpoint: "POST /flows/vault/connections", updateEndpoint: "PATCH /flows/vault/connections/{id}",
        fields: [
            .string("name", required: true, minLength: 1, maxLength: 150, description: "Flows Vault Connection name."),
            .string("app_id", required: true, minLength: 1, maxLength: 55, description: "Flows Vault Connection app identifier."),
            .of("object", "setup"),
        ],
        scope: ScopeRule(resource: "flows_vault_connections"),
        snapshot: .section("flow_vault_connections"),
        stampsTimes: true,
        hooks: CollectionHooks(present: { row, _ in
            var connection = row
            let setup = connection.removeValue(forKey: "setup")
            connection["ready"] = .bool(setup != nil)
            let digest = SHA256.hash(data: (setup ?? .null).encoded())
            connection["fingerprint"] = .string(digest.prefix(16).map { String(format: "%02x", $0) }.joined())
            return connection
        })
    )
}
