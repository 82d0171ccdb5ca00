import Foundation

/// A tenant.yaml edited as text, line by line, so that every comment and every line it does not touch stays as
/// written. It knows the file's top-level sections by their key lines (a top-level key starts at column 1); the
/// caller checks those against the loader's source locations, and reloads the result.
struct TenantDocumentText {
    private(set) var lines: [String]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    var text: String { lines.joined(separator: "\n") }

    // MARK: - Sections

    /// The key a line opens at the top level (`rules:` → `rules`), or nil.
    static func topLevelKey(_ line: String) -> String? {
        guard let first = line.first, !first.isWhitespace, first != "#", first != "-", first != "{", first != "[",
              !line.hasPrefix("---"), !line.hasPrefix("...") else { return nil }
        let key: Substring
        let rest: Substring
        if first == "\"" || first == "'" {
            guard let close = line.dropFirst().firstIndex(of: first) else { return nil }
            key = line[line.index(after: line.startIndex)..<close]
            rest = line[line.index(after: close)...]
        } else {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            key = line[..<colon]
            rest = line[colon...]
        }
        let afterKey = rest.drop { $0 == " " }
        guard afterKey.first == ":" else { return nil }
        let afterColon = afterKey.dropFirst()
        guard afterColon.isEmpty || afterColon.first == " " || afterColon.first == "\t" else { return nil }
        return String(key).trimmingTrailingSpaces
    }

    /// The line indices (0-based) of every top-level key, in order.
    var topLevelKeys: [(key: String, line: Int)] {
        lines.enumerated().compactMap { index, line in Self.topLevelKey(line).map { ($0, index) } }
    }

    /// The lines of a section: its key line to its last line of content (blank lines and comments at column 1
    /// before the next section belong to that section).
    func section(_ key: String) -> Range<Int>? {
        let keys = topLevelKeys
        guard let position = keys.firstIndex(where: { $0.key == key }) else { return nil }
        let start = keys[position].line
        var end = position + 1 < keys.count ? keys[position + 1].line : lines.count
        while end - 1 > start, Self.isBlankOrTopLevelComment(lines[end - 1]) { end -= 1 }
        return start..<end
    }

    static func isBlankOrTopLevelComment(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } || line.hasPrefix("#")
    }

    /// Removes a section with the comment lines directly above it; returns the lines it took (nil when absent).
    @discardableResult
    mutating func removeSection(_ key: String) -> Range<Int>? {
        guard let range = section(key) else { return nil }
        var start = range.lowerBound
        while start > 0, lines[start - 1].hasPrefix("#") { start -= 1 }
        lines.removeSubrange(start..<range.upperBound)
        return start..<range.upperBound
    }

    /// Where a removed section leaves two blank lines in a row, keeps one; returns whether it removed one.
    @discardableResult
    mutating func collapseBlankLines(at index: Int) -> Bool {
        guard index > 0, index < lines.count, Self.isBlank(lines[index - 1]), Self.isBlank(lines[index]) else { return false }
        lines.remove(at: index - 1)
        return true
    }

    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }

    static func indentation(_ line: String) -> String { String(line.prefix { $0 == " " }) }

    /// The value written on a section's key line after the colon (`[]`, `{}`, or empty), trimmed.
    func inlineValue(ofSectionAt line: Int) -> String {
        let text = lines[line]
        guard let colon = text.firstIndex(of: ":") else { return "" }
        return Self.withoutComment(String(text[text.index(after: colon)...])).trimmingSpaces
    }

    static func withoutComment(_ text: String) -> String {
        if let hash = text.range(of: " #") { return String(text[..<hash.lowerBound]) }
        return text.hasPrefix("#") ? "" : text
    }

    // MARK: - Adding entries

    /// Appends list entries to a top-level list section, or writes the section at `fallback` when it is missing.
    /// `entries` are written at two spaces and indented to match the section's own entries.
    mutating func appendEntries(_ entries: [String], toList key: String, orInsertAt fallback: Int) {
        guard !entries.isEmpty else { return }
        guard let range = section(key) else {
            insert(["\(key):"] + entries.flatMap { reindent($0, from: 2, to: 2) }, at: fallback)
            return
        }
        let inline = inlineValue(ofSectionAt: range.lowerBound)
        if inline == "[]" || inline == "null" || inline == "~" { lines[range.lowerBound] = "\(key):" }
        let itemLine = lines[range].dropFirst().first { $0.drop { $0 == " " }.hasPrefix("- ") }
        let shift = itemLine.map { Self.indentation($0).count } ?? 2
        insert(entries.flatMap { reindent($0, from: 2, to: shift) }, at: range.upperBound)
    }

    /// Puts trigger bindings first under `triggers:` → `trigger:` (creating either when missing; `fallback` is where
    /// a missing `triggers:` goes). Rules ran before every action, so their replacements run first too.
    mutating func prependBindings(_ bindings: [String], trigger: String, orInsertAt fallback: Int) {
        guard !bindings.isEmpty else { return }
        guard let range = section("triggers") else {
            insert(["", "triggers:", "  \(trigger):"] + bindings.flatMap { reindent($0, from: 2, to: 4) }, at: fallback)
            return
        }
        let inline = inlineValue(ofSectionAt: range.lowerBound)
        if inline == "{}" || inline == "null" || inline == "~" { lines[range.lowerBound] = "triggers:" }
        let children = lines[range].dropFirst().enumerated().filter { !Self.isBlank($0.element) && !$0.element.drop { $0 == " " }.hasPrefix("#") }
        let childIndent = children.first.map { Self.indentation($0.element).count } ?? 2
        let childPrefix = String(repeating: " ", count: childIndent)
        guard let triggerLine = range.dropFirst().first(where: { line in
            Self.indentation(lines[line]).count == childIndent && (lines[line].dropFirst(childIndent).hasPrefix("\(trigger):")
                || lines[line].dropFirst(childIndent).hasPrefix("\"\(trigger)\":") || lines[line].dropFirst(childIndent).hasPrefix("'\(trigger)':"))
        }) else {
            insert(["\(childPrefix)\(trigger):"] + bindings.flatMap { reindent($0, from: 2, to: childIndent + 2) }, at: range.lowerBound + 1)
            return
        }
        let inlineBindings = inlineValue(ofSectionAt: triggerLine)
        if inlineBindings == "[]" || inlineBindings == "null" || inlineBindings == "~" { lines[triggerLine] = "\(childPrefix)\(trigger):" }
        let firstItem = ((triggerLine + 1)..<range.upperBound).first { lines[$0].drop { $0 == " " }.hasPrefix("- ") && Self.indentation(lines[$0]).count >= childIndent }
        let itemIndent = firstItem.map { Self.indentation(lines[$0]).count } ?? childIndent + 2
        insert(bindings.flatMap { reindent($0, from: 2, to: itemIndent) }, at: firstItem ?? triggerLine + 1)
    }

    mutating func insert(_ newLines: [String], at index: Int) {
        lines.insert(contentsOf: newLines, at: min(index, lines.count))
    }

    /// An entry written at `from` spaces, as lines at `to` spaces.
    func reindent(_ entry: String, from: Int, to: Int) -> [String] {
        let parts: [Substring] = entry.split(separator: "\n")
        return parts.map { line -> String in
            let current = line.prefix { $0 == " " }.count
            return String(repeating: " ", count: max(0, current - from + to)) + String(line.drop { $0 == " " })
        }
    }
}

extension String {
    var trimmingSpaces: String { String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()) }
    var trimmingTrailingSpaces: String { String(reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
}
