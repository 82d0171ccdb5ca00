/// Why `apply` refuses to send anything: printed as `error: <message>`, exit 1.
struct ApplyRefusal: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
