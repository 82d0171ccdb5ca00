import TenantConfig

/// A flag the API keeps on one resource of a type at a time (the tenant's default custom domain, `is_default`) is
/// set on one resource in the files: with two, each apply would make the other the default, and no plan would ever
/// say "No changes".
public struct FlagOnOneResourceRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        identifier: "flag-on-one-resource",
        name: "One default at a time",
        rationale: "The API keeps some flags on one resource of a type at a time (the tenant's default custom domain): setting one moves it. Two resources flagged in the files fight at every apply.",
        severity: .error,
        documentation: "https://auth0.com/docs/customize/custom-domains/multiple-custom-domains",
        triggeringExamples: [
            RuleExample(label: "two default custom domains", files: ["tenant.yaml": domains(("login.example.com", true), ("id.example.com", true))],
                        expectedMessage: "custom domain `id.example.com` sets `is_default: true`, and so does `login.example.com`"),
        ],
        nonTriggeringExamples: [
            RuleExample(label: "one default custom domain", files: ["tenant.yaml": domains(("login.example.com", true), ("id.example.com", false))]),
            RuleExample(label: "no default custom domain", files: ["tenant.yaml": domains(("login.example.com", false))]),
        ]
    )

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for kind in ResourceKind.allCases {
            let type = kind.type
            for flag in type.flags {
                let flagged = context.tenant.resources(kind).filter { $0.body[flag.field]?.bool == true }
                guard let first = flagged.first else { continue }
                for other in flagged.dropFirst() {
                    findings.append(Finding(rule: Self.description.identifier, severity: .error, location: other.body[flag.field]?.location ?? other.location,
                        message: "\(type.noun) `\(other.key)` sets `\(flag.field): true`, and so does `\(first.key)`: the API keeps it on one \(type.noun) at a time, so each apply would move it. Keep `\(flag.field): true` on one of them."))
                }
            }
        }
        return findings
    }

    static func domains(_ domains: (String, Bool)...) -> String {
        "customDomains:\n" + domains.map { "  - domain: \($0.0)\n    type: auth0_managed_certs\n    is_default: \($0.1)\n" }.joined()
    }
}
