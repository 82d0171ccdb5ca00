import TenantConfig

extension StepBuilder {
    /// A change of a field holding ids deep inside it (a form's flow nodes, an event stream's action) as a reviewer
    /// reads it: each id the references name shown as the name the files use.
    func namingNestedReferences(_ change: FieldChange, _ type: ResourceType) -> FieldChange {
        let nested = type.references.filter { $0.inAPI == .id && $0.path.segments.count > 1 && $0.path.topLevelField == change.path }
        guard !nested.isEmpty else { return change }
        func named(_ value: JSONValue?) -> JSONValue? {
            guard let value else { return nil }
            var object = JSONValue.object([change.path: value])
            for reference in nested {
                object = reference.path.rewrite(object) { found in
                    guard let id = found.stringValue else { return found }
                    return .string(live.names.key(of: id, among: reference.targets) ?? Self.nameInPlaceholder(id) ?? id)
                }
            }
            return object[change.path]
        }
        var shown = change
        shown.before = named(change.before)
        shown.after = named(change.after)
        return shown
    }

    /// Where the files write a name a nested reference holds: its own line in the YAML, or, when a file beside the
    /// YAML holds it (a form's JSON), the line naming that file.
    func location(of name: String, _ reference: Reference, in resource: DesiredResource) -> SourceLocation {
        if let match = reference.path.values(in: resource.source).first(where: { $0.value.string == name }) { return match.value.location }
        if let field = reference.path.topLevelField, resource.source.entry(field) != nil { return resource.location(of: field) }
        if let file = resource.address.kind.type.files.first(where: { $0.content == .jsonSpread }), let field = file.pattern.topLevelField {
            return resource.location(of: field)
        }
        return resource.location
    }

    /// The name in a `{{ref:kind/name}}` placeholder (what this plan creates).
    static func nameInPlaceholder(_ text: String) -> String? {
        guard text.hasPrefix("{{ref:"), text.hasSuffix("}}"), let slash = text.firstIndex(of: "/") else { return nil }
        return String(text[text.index(after: slash)..<text.index(text.endIndex, offsetBy: -2)])
    }
}
