import APIJSON
import TenantConfig

extension ManagementClient {
    /// Every item of a list, paged through as the descriptor's listing says (a path without the leading `/`).
    public func list(_ path: String, _ listing: Listing) async throws(ManagementAPIError) -> [JSONValue] {
        switch listing {
        case .paged(let itemsKey): try await listAll(path, itemsKey: itemsKey)
        case .checkpoint(let itemsKey, let take): try await listAll(path, itemsKey: itemsKey, checkpoint: true, take: take)
        case .unpaged(let itemsKey): try await send(APIRequest("GET", path)).body?[itemsKey]?.arrayValue ?? []
        case .plain, .singleton, .perName, .keyed, .parts, .single, .pages: try await send(APIRequest("GET", path)).body?.arrayValue ?? []
        }
    }
}
