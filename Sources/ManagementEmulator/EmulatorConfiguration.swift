import APIJSON
import Foundation

/// How an emulator behaves: where it listens, who may get tokens, its rate limit, faults and state.
public struct EmulatorConfiguration: Sendable {
    /// 0 picks a free port.
    public var port = 0
    /// The tenant domain the emulator stands for (token audience `https://<domain>/api/v2/`).
    public var domain = "tenantctl-emulator.local"
    public var clientID = "emulator"
    public var clientSecret = "emulator-secret"
    /// Token bucket: `rate` requests per second refill a bucket of `burst` (Auth0 non-production: 2/s, burst 10).
    public var rate: Double = 2
    public var burst = 10
    /// The fraction of API requests answered with a fault, chosen deterministically from `faultSeed`.
    public var faultRate: Double = 0
    public var faultSeed: UInt64 = 0
    /// Added to every API response.
    public var latencyMilliseconds = 0
    /// A snapshot (docs/snapshot-format.md) to start from.
    public var seed: Data?
    /// A file the state is written to after every change and read back at start.
    public var stateFile: String?
    /// Scopes tokens carry; nil means every scope.
    public var grantedScopes: [String]?
    /// The tenant's plan lacks Akamai supplemental signals: `/supplemental-signals` answers the real 403 "Please
    /// upgrade your subscription to enable Akamai Signals." (as the Deploy CLI's recordings show). Off by default:
    /// the endpoint is served.
    public var supplementalSignalsNeedUpgrade = false
    /// The tenant's plan lacks inbound directory provisioning: its endpoints answer the spec's 403 "The inbound
    /// directory provisioning feature is not enabled for this tenant". Off by default.
    public var directoryProvisioningNotEnabled = false

    /// Documents the emulated Auth0 fetches from the web, by URL (it has no network): the Client ID Metadata
    /// Documents `POST /clients/cimd/register` reads. A URL not here answers as unreachable.
    public var web: [String: JSONValue] = [:]

    /// The features the emulated tenant lacks.
    var unavailableFeatures: Set<TenantFeature> {
        Set((supplementalSignalsNeedUpgrade ? [TenantFeature.supplementalSignals] : []) + (directoryProvisioningNotEnabled ? [.inboundDirectoryProvisioning] : []))
    }

    public init() {}
}
