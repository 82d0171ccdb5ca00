import TenantConfig

/// The output formats of `validate`.
public enum FindingFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github
}

/// Renders a lint report in one format. Every format renders the same `LintReport`, so they cannot disagree.
public enum FindingReporter {
    public static func render(_ report: LintReport, format: FindingFormat, color: Bool = false, summary: Bool = true) -> String {
        switch format {
        case .text: TextFindingReporter(color: color, summary: summary).render(report)
        case .json: JSONFindingReporter.render(report)
        case .sarif: SARIFFindingReporter.render(report)
        case .github: GitHubFindingReporter.render(report)
        }
    }
}
