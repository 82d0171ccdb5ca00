import Foundation
import TenantConfig

/// The plan file: the `Plan` as stable JSON (sorted keys), and reading it back with a version check.
public enum PlanFile {
    public enum ReadError: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case unsupportedVersion(Int)
        /// A plan file from an older tenantctl (before apply checked every step against the files, or before steps
        /// recorded where their placeholders sit).
        case olderVersion(Int)

        public var description: String {
            switch self {
            case .unreadable(let why): "cannot read the plan file: \(why)"
            case .unsupportedVersion(let v): "plan format_version \(v) is not supported (this tenantctl reads \(Plan.formatVersion)); plan again with this version"
            case .olderVersion(let v) where v < 2:
                "plan format_version \(v) comes from an older tenantctl, whose plan files record no steps_digest and were applied as written; this tenantctl reads \(Plan.formatVersion) and checks every step against the files: plan again with this version and review the new plan"
            case .olderVersion(let v):
                "plan format_version \(v) comes from an older tenantctl, whose steps do not record where their placeholders sit; this tenantctl reads \(Plan.formatVersion): plan again with this version and review the new plan"
            }
        }
    }

    /// Why a plan could not be written as JSON.
    public enum WriteError: Error, Equatable, CustomStringConvertible {
        case unencodable(String)

        public var description: String {
            switch self {
            case .unencodable(let why): "cannot encode the plan as JSON (\(why)); nothing was written"
            }
        }
    }

    /// The plan as stable JSON. Throws rather than return a partial or empty file that apply would later reject
    /// (or worse, that a reviewer would read as "no changes").
    public static func encode(_ plan: Plan) throws(WriteError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do { return try encoder.encode(plan) + Data("\n".utf8) } catch { throw .unencodable(Self.reason(error)) }
    }

    /// The encoder's reason with the path to the value it could not encode.
    private static func reason(_ error: any Error) -> String {
        guard case EncodingError.invalidValue(_, let context) = error else { return "\(error)" }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? context.debugDescription : "\(context.debugDescription) at \(path)"
    }

    public static func decode(_ data: Data) throws(ReadError) -> Plan {
        struct Version: Decodable { var format_version: Int? }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else { throw .unreadable("not JSON") }
        if let found = version.format_version, found >= 1, found < Plan.formatVersion { throw .olderVersion(found) }
        guard version.format_version == Plan.formatVersion else { throw .unsupportedVersion(version.format_version ?? 0) }
        do { return try JSONDecoder().decode(Plan.self, from: data) } catch { throw .unreadable("\(error)") }
    }
}
