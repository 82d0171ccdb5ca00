import APIJSON
import Foundation
@testable import ManagementEmulator

/// The tenant a Deploy CLI recording reads, as a seed of every section tenantctl manages: the seeds the recordings'
/// replays build (organizations, roles, hooks, the global client and the tenant-wide objects; the fourteen
/// collections), with the sections they leave out from the recording's first answers too: applications, APIs, grants,
/// connections with their enabled clients, actions and their trigger bindings, rules, rules configs and log
/// streams. What the recording creates (a `POST`'s answer) was not on the tenant before and is left out.
enum DeployCLIRecordedTenantSeed {
    /// The lists the replays' seeds leave out, by API path, with the snapshot section and the answer's plural.
    static let lists: [(path: String, section: String, plural: String?)] = [
        ("/api/v2/clients", "clients", "clients"), ("/api/v2/resource-servers", "resource_servers", "resource_servers"),
        ("/api/v2/client-grants", "client_grants", "client_grants"), ("/api/v2/connections", "connections", "connections"),
        ("/api/v2/actions/actions", "actions", "actions"), ("/api/v2/rules", "rules", "rules"), ("/api/v2/rules-configs", "rules_configs", nil),
        ("/api/v2/log-streams", "log_streams", nil),
    ]

    static func seed(_ exchanges: [JSONValue]) -> JSONValue {
        var root = DeployCLIRecordingsTests.seed(exchanges).objectValue ?? [:]
        for (section, value) in DeployCLICollectionRecordingsTests.seed(exchanges).objectValue ?? [:] where root[section] == nil { root[section] = value }
        let created = Set(exchanges.filter { $0["method"] == .string("POST") }.compactMap { ($0["response"]?["id"] ?? $0["response"]?["client_id"])?.stringValue })
        var seen: Set<String> = []
        var order: [String: [String]] = [:]
        var items: [String: [String: JSONValue]] = [:]
        var enabledClients: [String: JSONValue] = [:]
        var bindings: [String: JSONValue] = [:]
        for exchange in exchanges where exchange["method"] == .string("GET") && exchange["status"] == .number(200) {
            let full = exchange["path"]?.stringValue ?? ""
            guard seen.insert(full).inserted, let response = exchange["response"] else { continue }
            let path = DeployCLICollectionRecordingsTests.path(exchange)
            let segments = path.split(separator: "/").map(String.init)
            if let list = lists.first(where: { $0.path == path }) {
                for item in (list.plural.flatMap { response[$0]?.arrayValue } ?? response.arrayValue ?? []) {
                    guard let id = (item["id"] ?? item["client_id"] ?? item["key"])?.stringValue, !created.contains(id),
                          item["global"]?.boolValue != true, items[list.section]?[id] == nil else { continue }
                    items[list.section, default: [:]][id] = item
                    order[list.section, default: []].append(id)
                }
            } else if segments.count == 5, segments[2] == "connections", segments[4] == "clients", enabledClients[segments[3]] == nil {
                enabledClients[segments[3]] = .array((response["clients"]?.arrayValue ?? []).compactMap { $0["client_id"] })
            } else if segments.count == 6, segments[2...3] == ["actions", "triggers"], segments[5] == "bindings", bindings[segments[4]] == nil,
                      let list = response["bindings"]?.arrayValue, !list.isEmpty {
                bindings[segments[4]] = .array(list)
            }
        }
        for (section, ids) in order {
            var objects = ids.compactMap { items[section]?[$0] }
            if section == "connections" {
                objects = objects.map { connection in
                    guard case .object(var object) = connection, let id = object["id"]?.stringValue, let clients = enabledClients[id] else { return connection }
                    object["enabled_clients"] = clients
                    return .object(object)
                }
            }
            // The global client comes from the replays' seed; the others join it.
            root[section] = .array((root[section]?.arrayValue ?? []) + objects)
        }
        if !bindings.isEmpty { root["trigger_bindings"] = .object(bindings) }
        return .object(root)
    }
}
