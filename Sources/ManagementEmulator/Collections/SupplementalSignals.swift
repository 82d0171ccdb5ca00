import APIJSON

extension SingletonSpec {
    /// `/supplemental-signals` `{akamai_enabled}` (required on `PATCH`). Served by default, `{"akamai_enabled":
    /// false}` on a fresh tenant (inferred); with `EmulatorConfiguration.supplementalSignalsNeedUpgrade` every
    /// request answers the recorded 403 "Please upgrade your subscription to enable Akamai Signals.".
    static let supplementalSignals: SingletonSpec = SingletonSpec(
        path: "supplemental-signals", writes: ["PATCH": .topLevelMerge],
        fields: [.of("boolean", "akamai_enabled", required: true, description: "Indicates if incoming Akamai Headers should be processed")],
        requiredOnUpdate: true,
        initial: initial("supplemental-signals", .object(["akamai_enabled": .bool(false)])),
        feature: .supplementalSignals,
        scope: ScopeRule(resource: "attack_protection"),
        snapshot: .section("supplemental_signals")
    )
}
