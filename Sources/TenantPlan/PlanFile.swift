import Foundation
import TenantConfig

/// The plan file: the `Plan` as stable JSON (sorted keys), and reading it back with a version check.
public enum PlanFile {
    public enum ReadError: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case unsupportedVersion(Int)

        public var description: String {
            switch self {
            case .unreadable(let why): "cannot read the plan file: \(why)"
            case .unsupportedVersion(let v): "plan format_version \(v) is not supported (this tenantctl reads \(Plan.formatVersion)); plan again with this version"
            }
        }
    }

    public static func encode(_ plan: Plan) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return ((try? encoder.encode(plan)) ?? Data()) + Data("\n".utf8)
    }

    public static func decode(_ data: Data) throws(ReadError) -> Plan {
        struct Version: Decodable { var format_version: Int? }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else { throw .unreadable("not JSON") }
        guard version.format_version == Plan.formatVersion else { throw .unsupportedVersion(version.format_version ?? 0) }
        do { return try JSONDecoder().decode(Plan.self, from: data) } catch { throw .unreadable("\(error)") }
    }
}
