/// The kinds of output tenantctl writes. Each is checked for secrets before it is written; the raw values name them
/// in the test seam (`TENANTCTL_TEST_LEAK=plan-file:AUTH0_CLIENT_SECRET`).
enum OutputKind: String, CaseIterable, Sendable {
    case standardOutput = "stdout"
    case standardError = "stderr"
    case planFile = "plan-file"
    case journal
    case preApplySnapshot = "pre-apply-snapshot"
    case exportedFolder = "export-folder"
    case exportedSnapshot = "export-snapshot"
    case rollbackFolder = "rollback-folder"
    case schemaFile = "schema-file"
    case initFolder = "init-folder"
}

/// One place an output goes, named as a refusal names it: `the plan file plan.json`.
struct OutputDestination: Sendable, Equatable {
    var kind: OutputKind
    var name: String

    /// The command's result on standard output; `what` says which (`the plan, as markdown`).
    static func standardOutput(_ what: String) -> OutputDestination { OutputDestination(kind: .standardOutput, name: "standard output (\(what))") }
    static let standardError = OutputDestination(kind: .standardError, name: "standard error")
    static func planFile(_ path: String) -> OutputDestination { OutputDestination(kind: .planFile, name: "the plan file \(path)") }
    static func journal(_ path: String) -> OutputDestination { OutputDestination(kind: .journal, name: "the apply journal \(path)") }
    static func preApplySnapshot(_ path: String) -> OutputDestination { OutputDestination(kind: .preApplySnapshot, name: "the pre-apply snapshot \(path)") }
    static func exportedFile(_ folder: String, _ file: String) -> OutputDestination {
        OutputDestination(kind: .exportedFolder, name: "the exported tenant folder \(folder) (\(file))")
    }
    static func exportedSnapshot(_ path: String) -> OutputDestination { OutputDestination(kind: .exportedSnapshot, name: "the snapshot \(path)") }
    static func restoredFile(_ folder: String, _ file: String) -> OutputDestination {
        OutputDestination(kind: .rollbackFolder, name: "the restored tenant folder \(folder) (\(file))")
    }
    static func schemaFile(_ path: String) -> OutputDestination { OutputDestination(kind: .schemaFile, name: "the schema file \(path)") }
    static func initFile(_ folder: String, _ file: String) -> OutputDestination {
        OutputDestination(kind: .initFolder, name: "the new tenant folder \(folder) (\(file))")
    }
}

/// An output refused because it would hold a secret's value. Names the variable and the output, never the value.
struct SecretLeak: Error, Equatable, CustomStringConvertible {
    var variable: String
    var destination: OutputDestination

    var description: String {
        "refusing to write \(destination.name): it would hold the value of \(variable); nothing was written. No output may hold a secret: look for a tenant file that pulls it in, or report a tenantctl bug"
    }
}
