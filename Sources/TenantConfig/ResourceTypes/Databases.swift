extension ResourceType {
    /// Custom database connections (`strategy: auth0`) with their action scripts beside the YAML.
    static let databases: ResourceType = connectionType(kind: .databases, noun: "database connection", strategyIsAuth0: true)
}
