import APIJSON
import TenantConfig

/// The parts of each resource that the API lists for every resource at one path (a connection's directory
/// provisioning at `/connections-directory-provisionings`): read with one list, instead of a GET per resource.
extension LiveTenantReader {
    /// By part pattern, each resource's answer by the resource's id, less the fields the API alone sets.
    typealias ListedParts = [String: [String: JSONValue]]

    /// Reads the listed parts of the types sharing a section, each list once. A tenant without the feature (a 403
    /// that is not a missing scope) has none.
    func listedParts(of types: [ResourceType]) async throws(ManagementAPIError) -> ListedParts {
        var result: ListedParts = [:]
        for type in types {
            for part in type.parts where result[part.pattern] == nil {
                guard case .embedded = part.snapshot, let listing = part.listedAt, let field = listing.resourceField else { continue }
                var answers: [String: JSONValue] = [:]
                for item in try await listIfPresent(listing) {
                    guard let id = item[field]?.stringValue else { throw .invalidResponse("GET \(listing.path) listed an item without `\(field)`") }
                    answers[id] = part.answer(in: item)
                }
                result[part.pattern] = answers
            }
        }
        return result
    }
}
