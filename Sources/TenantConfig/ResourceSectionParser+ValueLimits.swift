/// The spec's limits on nested values the field catalog does not reach (a part's body), from the descriptor.
extension ResourceSectionParser {
    static func valueLimitFindings(_ type: ResourceType, _ item: ConfigNode) -> [Finding] {
        type.valueLimits.flatMap { pattern, limit in
            pattern.values(in: item).compactMap { match -> Finding? in
                guard let text = match.value.string, !SecretReference.contains(text), let problem = StringLimitCheck.problem(text, limit) else { return nil }
                return .loader("api-limit", match.value.location, "`\(pattern)` \(problem)")
            }
        }
    }
}
