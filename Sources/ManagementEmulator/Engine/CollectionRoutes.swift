/// The routes the collection table serves, and the scope each request needs.
enum CollectionRoutes {
    enum Kind: Sendable {
        /// `GET` (list) and `POST` (create) on a collection.
        case collection(CollectionSpec)
        /// `GET`, `PATCH` and `DELETE` on one item.
        case item(CollectionSpec)
        case custom(CustomRoute)
        /// `GET`, and the update, create and delete the object has.
        case singleton(SingletonSpec)
        /// `GET` of every object of a keyed singleton.
        case singletonList(SingletonListing)
    }

    struct Route: Sendable {
        var path: PathPattern
        var kind: Kind

        func accepts(_ method: String) -> Bool {
            switch kind {
            case .collection(let spec): method == "GET" || (method == "POST" && spec.createStatus != nil)
            case .item(let spec): (method == "GET" && spec.readsItems) || (method == "PATCH" && spec.updates) || (method == "DELETE" && spec.deletion != nil)
            case .custom(let route): method == route.method
            case .singleton(let spec):
                (method == "GET" && spec.reads) || spec.writes[method] != nil || (method == "POST" && spec.createStatus != nil)
                    || (method == "DELETE" && spec.deletion != nil)
            case .singletonList: method == "GET"
            }
        }

        func scope(for method: String) -> String {
            switch kind {
            case .collection(let spec), .item(let spec): spec.scope.scope(for: method)
            case .custom(let route): route.scope.scope(for: method)
            case .singleton(let spec): spec.scope.scope(for: method)
            case .singletonList(let listing): listing.scope.scope(for: method)
            }
        }
    }

    /// Custom routes first, so they win a tie with a collection route of the same shape.
    static let all: [Route] = CollectionTable.customRoutes.map { Route(path: $0.path, kind: .custom($0)) }
        + CollectionTable.all.flatMap { spec in
            [Route(path: spec.path, kind: .collection(spec))]
                + (spec.hasItemRoutes ? [Route(path: spec.path.appending(parameter: spec.itemParameter), kind: .item(spec))] : [])
        }
        + CollectionTable.singletons.map { Route(path: $0.path, kind: .singleton($0)) }
        + CollectionTable.singletonListings.map { Route(path: $0.path, kind: .singletonList($0)) }

    /// The first path segments the table serves.
    static let roots: Set<String> = Set(all.map(\.path.root))

    /// Among the routes whose path matches, the most specific; with `method`, only routes taking it.
    static func route(_ segments: [String], method: String? = nil) -> (route: Route, parameters: [String: String])? {
        var best: (route: Route, parameters: [String: String])?
        for route in all {
            guard let parameters = route.path.match(segments), method.map(route.accepts) ?? true else { continue }
            if best == nil || route.path.literalCount > best!.route.path.literalCount { best = (route, parameters) }
        }
        return best
    }

    /// The scope a request under one of the table's roots needs, as the real API names it.
    static func scope(_ method: String, _ segments: [String]) -> String {
        if let match = route(segments, method: method) ?? route(segments) { return match.route.scope(for: method) }
        if let unserved = CollectionTable.unserved.first(where: { $0.method == method && $0.path.match(segments) != nil }) { return unserved.scope }
        // Any other path under a root needs the scope of the root's collection or object; the endpoint then answers 404.
        let owner = all.first { route in
            if case .custom = route.kind { return false }
            return route.path.root == segments.first
        }
        return owner?.scope(for: method) ?? ScopeRule(resource: segments.first ?? "").scope(for: method)
    }

    /// Every scope the table's endpoints can ask for.
    static let scopes: [String] = Array(Set(all.flatMap { route -> [String] in
        switch route.kind {
        case .collection(let spec), .item(let spec): spec.scope.all
        case .custom(let custom): custom.scope.all
        case .singleton(let spec): spec.scope.all
        case .singletonList(let listing): listing.scope.all
        }
    } + CollectionTable.unserved.map(\.scope))).sorted()
}
