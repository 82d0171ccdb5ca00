/// Unified line diffs for scripts, rules and action code, the way reviewers read them in pull requests.
public enum LineDiff {
    /// A unified diff (`-` removed, `+` added, ` ` context) with `context` unchanged lines around each change;
    /// empty when the texts are equal.
    public static func unified(from old: String, to new: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a != b else { return "" }
        let operations = diff(a, b)
        // Keep changed lines and `context` lines around them.
        var keep = [Bool](repeating: false, count: operations.count)
        for (index, op) in operations.enumerated() where op.0 != " " {
            for j in max(0, index - context)...min(operations.count - 1, index + context) { keep[j] = true }
        }
        var lines: [String] = []
        var skipping = false
        for (index, op) in operations.enumerated() {
            if keep[index] {
                lines.append("\(op.0)\(op.1)")
                skipping = false
            } else if !skipping {
                lines.append("@@")
                skipping = true
            }
        }
        if lines.last == "@@" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Longest-common-subsequence edit script: (" ", line), ("-", line), ("+", line).
    static func diff(_ a: [String], _ b: [String]) -> [(Character, String)] {
        // Trim the common prefix and suffix first: scripts usually change in one place.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let a2 = Array(a[prefix..<(a.count - suffix)]), b2 = Array(b[prefix..<(b.count - suffix)])
        var table = [[Int]](repeating: [Int](repeating: 0, count: b2.count + 1), count: a2.count + 1)
        if !a2.isEmpty && !b2.isEmpty {
            for i in stride(from: a2.count - 1, through: 0, by: -1) {
                for j in stride(from: b2.count - 1, through: 0, by: -1) {
                    table[i][j] = a2[i] == b2[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var result: [(Character, String)] = a[..<prefix].map { (" ", $0) }
        var i = 0, j = 0
        while i < a2.count || j < b2.count {
            if i < a2.count, j < b2.count, a2[i] == b2[j] {
                result.append((" ", a2[i])); i += 1; j += 1
            } else if i < a2.count, j == b2.count || table[i + 1][j] >= table[i][j + 1] {
                result.append(("-", a2[i])); i += 1
            } else {
                result.append(("+", b2[j])); j += 1
            }
        }
        result += a[(a.count - suffix)...].map { (" ", $0) }
        return result
    }
}
