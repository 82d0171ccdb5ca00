import APIJSON
import TenantConfig

extension PlanExecutor {
    /// Whether the create of a part that is an object of its own (a connection's directory provisioning) landed: the
    /// object is there at the path the POST went to, or the API answers 404 while it is not.
    func landedPart(at path: String) async throws(ManagementAPIError) -> Bool {
        do {
            _ = try await client.send(APIRequest("GET", path))
            return true
        } catch .http(let status, _, _, _) where status == 404 {
            return false
        }
    }
}
