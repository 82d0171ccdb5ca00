/// The desired state of one tenant: what `tenants/<name>/` declares, loaded and keyword-replaced,
/// with every script file read. Loading problems are kept as findings, so one run reports them all.
public struct TenantDefinition: Sendable {
    /// The tenant folder's name (`acme-dev`).
    public var name: String
    /// The tenant folder as shown to users.
    public var directory: String
    /// The resource document as shown to users (`tenants/acme-dev/tenant.yaml`; `tenant.json` in the directory format).
    public var documentPath: String
    /// Whether the resources are written in tenant.yaml or in the Deploy CLI's directory format.
    public var layout: TenantLayout = .yaml
    /// Every file the resources were read from (the document or JSON files, scripts, templates), as shown to users.
    public var sourceFiles: [String] = []
    /// The folders this tenant's files may be read from: the tenant folder, and its `base` when it has one.
    /// Nothing outside them is read on its behalf (`TenantFileAccess`).
    public var folders: [String] = []
    public var settings: DeploySettings
    /// Every declared resource of a type tenantctl manages, in file order.
    public var resources: [ResourceDefinition]
    /// Every script the tenant deploys that could be read.
    public var scripts: [ScriptSource]
    /// Every HTML or JSON file beside the YAML that could be read (pages, email templates, forms, flows).
    public var attachedFiles: [AttachedFile] = []
    /// The resource sections the file has, even when empty (`rules: []` declares "no rules").
    public var declaredSections: Set<ResourceKind> = []
    /// Deploy CLI sections present in the file that tenantctl does not manage (reported once, as notes).
    public var unmanagedSections: [String]
    /// Those sections' values, for rules that read them (customized `emailTemplates`); tenantctl never deploys them.
    public var unmanagedSectionValues: [String: ConfigNode] = [:]
    /// What loading found: syntax errors, unknown keys, missing files, unresolved keywords.
    public var findings: [Finding]

    public init(
        name: String,
        directory: String,
        documentPath: String,
        settings: DeploySettings = DeploySettings(),
        resources: [ResourceDefinition] = [],
        scripts: [ScriptSource] = [],
        unmanagedSections: [String] = [],
        findings: [Finding] = []
    ) {
        self.name = name
        self.directory = directory
        self.documentPath = documentPath
        self.settings = settings
        self.resources = resources
        self.scripts = scripts
        self.unmanagedSections = unmanagedSections
        self.findings = findings
    }

    /// The file a resource's field names, once read.
    public func attachedFile(_ kind: ResourceKind, owner: String, field: String) -> AttachedFile? {
        attachedFiles.first { $0.kind == kind && $0.owner == owner && $0.field == field }
    }

    /// The declared resources of one type.
    public func resources(_ kind: ResourceKind) -> [ResourceDefinition] {
        resources.filter { $0.kind == kind }
    }
}
