import APIJSON

/// A `GET` that lists every object of a keyed singleton: `/guardian/factors` (each factor with its `name`),
/// `/prompts/rendering` (each screen's render settings, paged).
struct SingletonListing: Sendable {
    var path: PathPattern
    /// The spec whose objects are listed.
    var of: SingletonSpec
    /// The key of wrapped lists (`configs`); nil for a plain array.
    var plural: String?
    var listing: ListShape
    /// Query parameters that filter by the field of the same name.
    var filters: [String] = []
    /// The order of the objects: by the values of the first key's enum (the order the API lists guardian factors
    /// in), or by path.
    var orderedByKeyEnum = false
    var scope: ScopeRule

    /// Every stored object of the spec as the list shows it: the path parameters as the spec presents them.
    func items(in tenant: EmulatedTenant) -> [JSONValue] {
        var found: [(path: String, parameters: [String: String])] = []
        for key in tenant.singletons.keys {
            if let parameters = of.path.match(key.split(separator: "/").map(String.init)) { found.append((key, parameters)) }
        }
        if orderedByKeyEnum, let parameter = of.path.parameters.first, let order = of.keys[parameter] {
            found.sort { (order.firstIndex(of: $0.parameters[parameter] ?? "") ?? .max) < (order.firstIndex(of: $1.parameters[parameter] ?? "") ?? .max) }
        } else {
            found.sort { $0.path < $1.path }
        }
        return found.compactMap { entry in tenant.singletons[entry.path].map { tenant.presented(of, $0, entry.parameters) } }
    }
}

extension EmulatedTenant {
    /// Answers a listing: every object, filtered, in the listing's shape.
    func listSingletons(_ listing: SingletonListing, _ request: APIRequest) throws(APIErrorResponse) -> APIResult {
        var items = listing.items(in: self)
        for filter in listing.filters {
            guard let wanted = request.query[filter] else { continue }
            items = items.filter { $0[filter]?.stringValue == wanted }
        }
        let pagination = ListPagination(query: request.query)
        guard let plural = listing.plural else { return .ok(.array(items)) }
        return .ok(pagination.project(try pagination.page(items, plural: plural, shape: listing.listing)))
    }
}
