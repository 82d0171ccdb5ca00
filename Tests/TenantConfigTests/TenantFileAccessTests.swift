import Foundation
import Testing
@testable import TenantConfig

/// The loader reads only regular files inside the tenant's folders (symlinks resolved), never /proc, never a NUL
/// byte; each refusal is a loading error that names the file and never quotes it.
@Suite struct TenantFileAccessTests {
    // MARK: - The rules, in memory

    func memoryTenant(login: String = "./databases/db/login.js", change: (inout InMemoryFileSystem) -> Void) -> TenantDefinition {
        var files = InMemoryFileSystem(root: "t", textFiles: ["tenant.yaml": database(login: login)])
        change(&files)
        return TenantLoader(fileSystem: files, environment: [:]).load("t")
    }

    @Test func aScriptLinkedToProcIsRefused() throws {
        let tenant = memoryTenant { $0.links["t/databases/db/login.js"] = "/proc/self/environ"; $0.files["/proc/self/environ"] = Data("SECRET=x\0".utf8) }
        let finding = try #require(tenant.findings("not-a-regular-file").first)
        #expect(finding.message == "t/databases/db/login.js resolves to /proc/self/environ, a /proc entry (the state of a running process, its environment included), not a tenant file; tenantctl reads only regular files inside the tenant folder")
        #expect(finding.location == SourceLocation(file: "t/tenant.yaml", line: 7, column: 16), "at the YAML that names the script")
        #expect(tenant.scripts.isEmpty)
    }

    @Test func aScriptLinkedOutOfTheFolderIsRefused() throws {
        let tenant = memoryTenant { $0.links["t/databases/db/login.js"] = "../../../outside.js"; $0.files["outside.js"] = Data("root:x:0:0".utf8) }
        let finding = try #require(tenant.findings("path-escapes-tenant").first)
        #expect(finding.message == "t/databases/db/login.js resolves to outside.js, outside the tenant folder t; tenantctl reads only files inside it, so a symlink must point to a file there (or copy the file in)")
        #expect(!finding.message.contains("root:x"))
        #expect(tenant.scripts.isEmpty)
    }

    @Test func aScriptLinkedInsideTheFolderIsRead() throws {
        let tenant = memoryTenant {
            $0.links["t/databases/db/login.js"] = "../../common/login.js"
            $0.files["t/common/login.js"] = Data("function login(email, password, callback) { callback(null); }\n".utf8)
        }
        #expect(tenant.findings.filter { $0.severity == .error }.isEmpty, "\(tenant.findings)")
        #expect(tenant.scripts.first?.text.hasPrefix("function login") == true)
    }

    @Test(arguments: [FileFacts.Kind.fifo, .characterDevice, .socket])
    func aSpecialFileIsRefused(_ kind: FileFacts.Kind) throws {
        let tenant = memoryTenant { $0.specialFiles["t/databases/db/login.js"] = kind }
        let finding = try #require(tenant.findings("not-a-regular-file").first)
        #expect(finding.message == "t/databases/db/login.js is \(kind.description), not a regular file; tenantctl reads only regular files inside the tenant folder")
    }

    @Test func aNULByteIsRefusedWithItsPlace() throws {
        let tenant = memoryTenant { $0.files["t/databases/db/login.js"] = Data("function login() {\n  var a = 1;\0\n}\n".utf8) }
        let finding = try #require(tenant.findings("nul-byte").first)
        #expect(finding.message == "t/databases/db/login.js holds a NUL byte (line 2, column 13); scripts and tenant files are text, so tenantctl refuses it")
        #expect(finding.location == SourceLocation(file: "t/databases/db/login.js", line: 2, column: 13))
        #expect(tenant.scripts.isEmpty)
    }

    @Test func settingsAndTheTenantFileFollowTheSameRules() throws {
        var files = InMemoryFileSystem(root: "t", textFiles: ["tenant.yaml": "clients: []\n"])
        files.links["t/tenantctl.yaml"] = "/etc/passwd"
        files.files["/etc/passwd"] = Data("root:x:0:0:root:/root:/bin/bash\n".utf8)
        let tenant = TenantLoader(fileSystem: files, environment: [:]).load("t")
        let finding = try #require(tenant.findings("path-escapes-tenant").first)
        #expect(finding.message == "t/tenantctl.yaml resolves to /etc/passwd, outside the tenant folder t; tenantctl reads only files inside it, so a symlink must point to a file there (or copy the file in)")
    }

    @Test func aBaseMayHoldTheScriptsButNothingOutsideBoth() throws {
        var files = InMemoryFileSystem(root: "tenants", textFiles: [
            "stage/tenantctl.yaml": "base: ../_base\n",
            "_base/tenant.yaml": database(login: "./login.js"),
            "_base/login.js": "function login(email, password, callback) { callback(null); }\n",
        ])
        #expect(TenantLoader(fileSystem: files, environment: [:]).load("tenants/stage").findings.filter { $0.severity == .error }.isEmpty)
        files.links["tenants/_base/login.js"] = "../../elsewhere/login.js"
        files.files["elsewhere/login.js"] = Data("function login() {}".utf8)
        let tenant = TenantLoader(fileSystem: files, environment: [:]).load("tenants/stage")
        #expect(tenant.findings("path-escapes-tenant").first?.message
            == "tenants/_base/login.js resolves to elsewhere/login.js, outside the tenant folder tenants/_base; tenantctl reads only files inside it, so a symlink must point to a file there (or copy the file in)")
    }

    // MARK: - On disk: real symlinks and a real FIFO

    /// A tenant folder in a temporary directory, with one database script the test replaces.
    struct DiskTenant {
        let root: URL
        var tenant: URL { root.appendingPathComponent("t") }
        var script: URL { tenant.appendingPathComponent("databases/db/login.js") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("tenantctl-files-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("t/databases/db"), withIntermediateDirectories: true)
            try database(login: "./databases/db/login.js").write(to: tenant.appendingPathComponent("tenant.yaml"), atomically: true, encoding: .utf8)
        }

        /// The real path of the temporary folder (`/private/var/…` on macOS).
        var realRoot: String { root.resolvingSymlinksInPath().path }

        func link(to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: script.path, withDestinationPath: target)
        }

        func load() -> TenantDefinition {
            TenantLoader(environment: ["AUTH0_CLIENT_SECRET": "must-never-be-read"]).load(tenant.path)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/environ"), "this system has no /proc (the outside-the-folder rule covers such links)"))
    func onDiskALinkToProcSelfEnvironIsRefused() throws {
        let disk = try DiskTenant()
        defer { disk.remove() }
        try disk.link(to: "/proc/self/environ")
        let tenant = disk.load()
        let finding = try #require(tenant.findings("not-a-regular-file").first)
        #expect(finding.message == "\(disk.script.path) resolves to /proc/self/environ, a /proc entry (the state of a running process, its environment included), not a tenant file; tenantctl reads only regular files inside the tenant folder")
        #expect(tenant.scripts.isEmpty)
    }

    @Test func onDiskLinksToEtcPasswdAndOutOfTheFolderAreRefused() throws {
        for target in ["/etc/passwd", "../../../outside.js"] {
            let disk = try DiskTenant()
            defer { disk.remove() }
            try "root:x:0:0".write(to: disk.root.appendingPathComponent("outside.js"), atomically: true, encoding: .utf8)
            try disk.link(to: target)
            let tenant = disk.load()
            let real = target.hasPrefix("/") ? URL(fileURLWithPath: target).resolvingSymlinksInPath().path : "\(disk.realRoot)/outside.js"
            let finding = try #require(tenant.findings("path-escapes-tenant").first, "\(target)")
            #expect(finding.message == "\(disk.script.path) resolves to \(real), outside the tenant folder \(disk.tenant.path); tenantctl reads only files inside it, so a symlink must point to a file there (or copy the file in)")
            #expect(!tenant.findings.contains { $0.message.contains("root:") })
            #expect(tenant.scripts.isEmpty)
        }
    }

    @Test func onDiskALinkInsideTheFolderIsRead() throws {
        let disk = try DiskTenant()
        defer { disk.remove() }
        let text = "function login(email, password, callback) { callback(null); }\n"
        try text.write(to: disk.tenant.appendingPathComponent("login-v2.js"), atomically: true, encoding: .utf8)
        try disk.link(to: "../../login-v2.js")
        let tenant = disk.load()
        #expect(tenant.findings.filter { $0.severity == .error }.isEmpty, "\(tenant.findings)")
        #expect(tenant.scripts.first?.text == text)
        #expect(tenant.scripts.first?.byteCount == text.utf8.count, "the file's size, not the link's")
    }

    @Test(.timeLimit(.minutes(1))) func onDiskAFIFOIsRefusedWithoutBeingOpened() throws {
        let disk = try DiskTenant()
        defer { disk.remove() }
        #expect(mkfifo(disk.script.path, 0o600) == 0)
        // Opening a FIFO nobody writes to blocks forever: loading returning at all is half of this test.
        let tenant = disk.load()
        let finding = try #require(tenant.findings("not-a-regular-file").first)
        #expect(finding.message == "\(disk.script.path) is a FIFO (named pipe), not a regular file; tenantctl reads only regular files inside the tenant folder")
    }

    @Test func onDiskANULByteIsRefused() throws {
        let disk = try DiskTenant()
        defer { disk.remove() }
        try Data("function login(email, password, callback) {\0}\n".utf8).write(to: disk.script)
        let finding = try #require(disk.load().findings("nul-byte").first)
        #expect(finding.message == "\(disk.script.path) holds a NUL byte (line 1, column 44); scripts and tenant files are text, so tenantctl refuses it")
    }

    @Test func lineAndColumnCountBytes() {
        let data = Data("ab\ncd\0".utf8)
        #expect(TenantFileAccess.lineAndColumn(of: data.firstIndex(of: 0)!, in: data) == (2, 3))
        #expect(TenantFileAccess.path("/a/b/c", isInside: "/a/b"))
        #expect(!TenantFileAccess.path("/a/bc", isInside: "/a/b"))
        #expect(!TenantFileAccess.path("../x", isInside: "."))
    }
}
