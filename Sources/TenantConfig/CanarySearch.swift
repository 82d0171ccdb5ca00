#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Finds which of many byte patterns (every form of every watched secret, thousands for a tenant with many secret
/// keywords) occur in an output, in one pass over it: each position's next 8 bytes are checked against a bitmap of the
/// patterns' first 8 bytes, and only a hit is compared in full. Searching pattern by pattern cost a pass over a
/// megabytes-long plan per pattern. Every pattern is at least 8 bytes long (shorter secrets are not watched).
struct CanarySearch: Sendable {
    /// Patterns by their first 8 bytes; each with the number of the canary it belongs to.
    private var byPrefix: [UInt64: [(canary: Int, pattern: [UInt8])]] = [:]
    /// One bit per hash of a prefix: a clear bit means no pattern starts at that position.
    private var bitmap = [UInt64](repeating: 0, count: Self.bitmapWords)
    private static let bitmapBits = 1 << 18
    private static let bitmapWords = bitmapBits / 64

    /// `patterns[i]` are the forms of canary `i`; patterns shorter than 8 bytes are left out.
    init(_ patterns: [[Data]]) {
        for (canary, forms) in patterns.enumerated() {
            for form in forms where form.count >= 8 {
                let bytes = [UInt8](form)
                let prefix = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                byPrefix[prefix, default: []].append((canary, bytes))
                let bit = Self.bit(prefix)
                bitmap[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    private static func bit(_ prefix: UInt64) -> Int {
        Int(truncatingIfNeeded: (prefix &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - 18))
    }

    /// The lowest canary number any of whose patterns `data` holds; nil when none.
    func firstCanary(in data: Data) -> Int? {
        guard !byPrefix.isEmpty, data.count >= 8 else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            guard let base = raw.baseAddress else { return nil }
            var best: Int?
            for offset in 0...(raw.count - 8) {
                let prefix = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                let bit = Self.bit(prefix)
                guard bitmap[bit >> 6] & (1 << UInt64(bit & 63)) != 0, let candidates = byPrefix[prefix] else { continue }
                for candidate in candidates where best.map({ candidate.canary < $0 }) ?? true {
                    guard offset + candidate.pattern.count <= raw.count else { continue }
                    let same = candidate.pattern.withUnsafeBytes { memcmp(base + offset, $0.baseAddress!, candidate.pattern.count) == 0 }
                    if same { best = candidate.canary }
                }
            }
            return best
        }
    }
}
