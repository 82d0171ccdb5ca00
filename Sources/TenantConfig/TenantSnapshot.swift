import Foundation

/// The live state of a tenant as the Management API returns it: the `format_version: 1` snapshot
/// described in `docs/snapshot-format.md`. Export writes it, plan reads it, the emulator seeds from it.
public struct TenantSnapshot: Sendable, Hashable {
    /// The snapshot format this build reads and writes.
    public static let formatVersion = 1

    public var domain: String
    public var exportedAt: String
    /// Sections by snapshot key (`clients`, `connections`, ...). A missing section means "not read".
    public var sections: [SnapshotSection: JSONValue]

    public init(domain: String, exportedAt: String, sections: [SnapshotSection: JSONValue]) {
        self.domain = domain
        self.exportedAt = exportedAt
        self.sections = sections
    }

    /// The objects of a list section (empty when the section is missing or not a list).
    public func objects(_ section: SnapshotSection) -> [[String: JSONValue]] {
        sections[section]?.arrayValue?.compactMap(\.objectValue) ?? []
    }
}

/// The key of a snapshot section, as the file names it (`clients`, `resource_servers`). Each resource type's
/// descriptor names the section it is read into (`ResourceType.api.snapshotSection`).
public struct SnapshotSection: RawRepresentable, Hashable, Sendable, Codable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }
    public static func < (a: SnapshotSection, b: SnapshotSection) -> Bool { a.rawValue < b.rawValue }

    /// Every section the resource-type table reads, in table order, without repeats.
    public static var allCases: [SnapshotSection] {
        var seen: Set<SnapshotSection> = []
        return ResourceKind.allCases.flatMap(\.type.snapshotSections).filter { seen.insert($0).inserted }
    }
}

/// Why a snapshot file could not be read.
public enum SnapshotError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case notAnObject(file: String)
    case unsupportedVersion(file: String, found: String)
    case missingField(file: String, field: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read the snapshot: \(reason)"
        case .notAnObject(let file):
            "\(file): a snapshot is a JSON object with format_version, domain and resource sections"
        case .unsupportedVersion(let file, let found):
            "\(file): snapshot format_version \(found) is not supported; this tenantctl reads version \(TenantSnapshot.formatVersion). Re-export with `tenantctl export --snapshot`."
        case .missingField(let file, let field):
            "\(file): the snapshot has no `\(field)`"
        }
    }
}

extension TenantSnapshot {
    /// Reads a snapshot file, refusing unknown format versions.
    public static func read(from url: URL, displayPath: String? = nil) throws -> TenantSnapshot {
        let name = displayPath ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SnapshotError.unreadable(file: name, reason: error.localizedDescription)
        }
        return try decode(data, file: name)
    }

    /// Decodes snapshot JSON bytes; `file` names the source in errors.
    public static func decode(_ data: Data, file: String) throws -> TenantSnapshot {
        let value: JSONValue
        do { value = try JSONValue.parse(data) } catch {
            throw SnapshotError.unreadable(file: file, reason: "not valid JSON")
        }
        guard case .object(let root) = value else { throw SnapshotError.notAnObject(file: file) }
        guard let version = root["format_version"] else { throw SnapshotError.missingField(file: file, field: "format_version") }
        guard version.numberValue == Double(formatVersion) else {
            let found: String = switch version {
            case .number(let n): String(Int(n))
            case .string(let s): "\"\(s)\""
            default: "\(version)"
            }
            throw SnapshotError.unsupportedVersion(file: file, found: found)
        }
        guard let domain = root["domain"]?.stringValue else { throw SnapshotError.missingField(file: file, field: "domain") }
        var sections: [SnapshotSection: JSONValue] = [:]
        for section in SnapshotSection.allCases {
            if let v = root[section.rawValue] { sections[section] = v }
        }
        return TenantSnapshot(domain: domain, exportedAt: root["exported_at"]?.stringValue ?? "", sections: sections)
    }

    /// The snapshot as the JSON document the file holds (sorted keys, indented).
    public func encoded() -> Data {
        var root: [String: JSONValue] = [
            "format_version": .number(Double(Self.formatVersion)),
            "domain": .string(domain),
            "exported_at": .string(exportedAt),
        ]
        for (section, value) in sections { root[section.rawValue] = value }
        return JSONValue.object(root).encoded(pretty: true)
    }
}
