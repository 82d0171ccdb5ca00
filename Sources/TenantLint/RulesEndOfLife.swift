import Foundation

/// When Auth0 Rules (and Hooks) stop running: their end of life, 2026-11-18 (00:00 UTC).
///
/// Source: Auth0's documentation, https://auth0.com/docs/customize/rules ("The End of Life (EOL) date of Rules and
/// Hooks will be November 18, 2026, and they are no longer available to new tenants created as of October 16, 2023").
/// Rules take the day to judge by from `LintContext.today`, so tests never depend on the clock.
public enum RulesEndOfLife {
    /// The date as messages print it.
    public static let dateText = "2026-11-18"
    /// 2026-11-18T00:00:00Z.
    public static let date = Date(timeIntervalSince1970: 1_794_960_000)

    /// Whether a tenant's rules still run on `day`.
    public static func rulesRun(on day: Date) -> Bool { day < date }
}
