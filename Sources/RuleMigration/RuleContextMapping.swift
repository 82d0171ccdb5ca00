/// What a rule's `context` and `user` become in a post-login action, as Auth0's migration guide documents them
/// (https://auth0.com/docs/customize/actions/migrate/migrate-from-rules-to-actions).
enum RuleContextMapping {
    /// `context.<field>` read as a value → the event's field.
    static let fields: [String: String] = [
        "clientID": "event.client.client_id",
        "clientName": "event.client.name",
        "clientMetadata": "event.client.metadata",
        "connection": "event.connection.name",
        "connectionID": "event.connection.id",
        "connectionStrategy": "event.connection.strategy",
        "protocol": "event.transaction.protocol",
        "tenant": "event.tenant.id",
        "authentication": "event.authentication",
        "authorization": "event.authorization",
        "request": "event.request",
        "stats": "event.stats",
    ]

    /// `context.request.<field>` whose name changed.
    static let requestFields: [String: String] = [
        "userAgent": "user_agent",
    ]

    /// `context.request.geoip.<field>` → `event.request.geoip.<field>`.
    static let geoipFields: [String: String] = [
        "country_code": "countryCode", "country_code3": "countryCode3", "country_name": "countryName", "city_name": "cityName",
        "time_zone": "timeZone", "continent_code": "continentCode", "latitude": "latitude", "longitude": "longitude",
    ]

    /// `context.stats.<field>` whose name changed.
    static let statsFields: [String: String] = [
        "loginsCount": "logins_count",
    ]

    /// Node's own modules, which an action requires without declaring a dependency.
    static let nodeModules: Set<String> = [
        "assert", "buffer", "crypto", "dns", "events", "http", "https", "net", "os", "path", "punycode", "querystring",
        "stream", "string_decoder", "timers", "tls", "url", "util", "zlib",
    ]
}
