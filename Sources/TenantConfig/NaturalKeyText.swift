/// A key field's value as text, the way resources are named in plans and addresses. Most keys are strings; a network
/// ACL is named by its `priority`, a whole number, which reads the same in the files and from the API ("2").
extension ConfigNode {
    /// The text of a string or whole-number value; nil for anything else.
    public var keyText: String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number) where number == number.rounded() && abs(number) < 1e15: String(Int(number))
        default: nil
        }
    }
}

extension JSONValue {
    /// The text of a string or whole-number value; nil for anything else.
    public var keyText: String? {
        switch self {
        case .string(let text): text
        case .number(let number) where number == number.rounded() && abs(number) < 1e15: String(Int(number))
        default: nil
        }
    }
}
