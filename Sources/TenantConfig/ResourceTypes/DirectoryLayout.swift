/// How the Deploy CLI's directory format lays a type's section out in a tenant folder (`clients/My SPA.json`,
/// `database-connections/users/database.json` with its scripts beside it, `tenant.json`). The directory loader
/// assembles the section from these files into the same `ConfigNode` the YAML loader reads, and the exporter writes
/// them; neither knows a type by name. A descriptor that leaves it alone gets one JSON file per resource in a folder
/// named after its section, kebab-cased (`resourceServers` → `resource-servers/`), or, for a singleton, one file
/// (`supplemental-signals.json`).
public struct DirectoryLayout: Sendable, Equatable {
    /// The files and folders the section is assembled from, in order.
    public var pieces: [DirectoryPiece]
    /// For each of the type's file fields (`ResourceType.files`, by pattern), where the file is and how the JSON names it.
    public var files: [String: FilePlacement]

    public init(_ pieces: [DirectoryPiece], files: [String: FilePlacement] = [:]) {
        self.pieces = pieces
        self.files = files
    }

    /// One JSON file per resource in `folder`.
    public static func filePerResource(_ folder: String, files: [String: FilePlacement] = [:]) -> DirectoryLayout {
        DirectoryLayout([DirectoryPiece(path: folder, form: .filePerItem)], files: files)
    }

    /// One file holding the whole section (a list, a mapping, or a singleton's fields).
    public static func sectionFile(_ path: String) -> DirectoryLayout {
        DirectoryLayout([DirectoryPiece(path: path, form: .file)])
    }

    /// What a descriptor gets unless it says otherwise.
    static func standard(for kind: ResourceKind, section: SectionShape) -> DirectoryLayout {
        let name = kebabCase(kind.rawValue)
        switch section {
        case .list: return .filePerResource(name)
        case .singleton, .map: return .sectionFile(name + ".json")
        }
    }

    /// `resourceServers` → `resource-servers`, `networkACLs` → `network-acls`.
    static func kebabCase(_ name: String) -> String {
        var result = ""
        var previous: Character?
        for character in name {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { result.append("-") }
            result += character.lowercased()
            previous = character
        }
        return result
    }

    /// The top-level names (folders and files of the tenant folder) the layout reads.
    public var topLevelNames: Set<String> {
        Set(pieces.compactMap { $0.path.split(separator: "/").first.map(String.init) })
    }
}

/// A file or folder a section is assembled from.
public struct DirectoryPiece: Sendable, Equatable {
    /// Where in the section the piece goes: "" for the section itself (a list's items, a singleton's own fields, a
    /// mapping), or a member of a singleton (`botDetection`, `templates`).
    public var member: String
    /// The file or folder, relative to the tenant folder.
    public var path: String
    public var form: PieceForm
    /// File names in the folder that are not items (`emails/provider.json` is the email provider, not a template).
    public var skipping: Set<String>
    /// The fields whose values name an item's file on export (joined by `_`); empty: the type's key fields.
    public var naming: [String]

    public init(_ member: String = "", path: String, form: PieceForm, skipping: Set<String> = [], naming: [String] = []) {
        self.member = member
        self.path = path
        self.form = form
        self.skipping = skipping
        self.naming = naming
    }
}

/// How a piece's files hold its value.
public enum PieceForm: Sendable, Equatable {
    /// One JSON file holding the value (`tenant.json`, `custom-domains/custom-domains.json`, `attack-protection/captcha.json`).
    case file
    /// Every `.json` file of the folder is one item of a list (`clients/My SPA.json`), read in name order.
    case filePerItem
    /// Every folder of the folder holds one item in a file of this name (`database-connections/users/database.json`).
    case folderPerItem(file: String)
    /// Universal Login partials as the Deploy CLI writes them: `{prompt: [{screen: [{name, template}]}]}`, each
    /// `template` a `.liquid` file (relative to the JSON file's folder) whose text, trimmed, is the partial; the
    /// section holds `{prompt: {screen: {name: text}}}`, as tenant.yaml writes it.
    case promptPartials
    /// Every `.json` file of the folder holds one value of a nested list, its levels as fields
    /// (`prompts/screenRenderSettings/login-id_login-id.json`: `{"prompt", "screen", …}`); the section holds
    /// `[{prompt: {screen: value}}]`, as tenant.yaml writes it with the file's path in place of the value.
    case nestedFilePerItem(levels: [String])
}

/// Where the file a file field names lives in the directory format, and how the JSON writes its path. The loader
/// turns every such path into one relative to the tenant folder, as tenant.yaml writes it.
public enum FilePlacement: Sendable, Equatable {
    /// Relative to the item's JSON file (`"login": "./login.js"` beside `database.json`, a rule's `./<name>.js`).
    /// Export writes it there under `name` (`{name}`: the resource's file name, `{entry}`: the mapping entry's key).
    case besideItem(name: String)
    /// Relative to the tenant folder (an action's `./actions/<name>/code.js`). The Deploy CLI wrote these paths
    /// relative to wherever it ran (`directory/actions/x/code.js`, or absolute), so a path not found as written is
    /// found by its longest tail that names a file in the tenant folder. Export writes it at `path`.
    case inTenantFolder(path: String)
    /// The file beside the item's JSON with the same name and this extension (`pages/login.json` and
    /// `pages/login.html`), whatever the JSON says; when there is none, a path the JSON writes is taken relative to
    /// the JSON file.
    case companion(extension: String)
    /// The item's JSON file is the resource itself (a form, a flow): the field is not written.
    case itemIsFile
}
