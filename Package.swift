// swift-tools-version: 6.0
import PackageDescription

/// tenantctl: Auth0 tenants as code.
///
/// Imports point one way: TenantCLI → {RuleMigration, TenantLint, TenantPlan, ManagementAPI, ScriptTesting} → TenantConfig;
/// RuleMigration also reads scripts through TenantLint's JavaScript lexer.
/// ManagementEmulator speaks only the Management API and imports none of the others.
let package = Package(
    name: "tenantctl",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tenantctl", targets: ["tenantctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        // Already part of Hummingbird's graph; named because the emulator imports them directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .executableTarget(name: "tenantctl", dependencies: ["TenantCLI"]),
        .target(
            name: "TenantCLI",
            dependencies: [
                "TenantConfig", "TenantLint", "TenantPlan", "ManagementAPI", "ManagementEmulator", "ScriptTesting", "RuleMigration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // JSON values as the Management API sends them: shared by the model and the emulator, nothing else.
        .target(name: "APIJSON"),
        .target(
            name: "TenantConfig",
            dependencies: [
                "APIJSON",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Collections", package: "swift-collections"),
            ],
            // Embedded in the binary, so a release binary is one file that needs nothing beside it.
            resources: [.embedInCode("Resources/api-fields.json")]
        ),
        .target(name: "TenantLint", dependencies: ["TenantConfig"]),
        // `tenantctl migrate-rules`: rules converted into post-login actions, pure functions over text.
        .target(name: "RuleMigration", dependencies: ["TenantConfig", "TenantLint"]),
        .target(
            name: "ScriptTesting",
            dependencies: ["TenantConfig"],
            resources: [.embedInCode("Resources/harness.js")]
        ),
        .target(
            name: "TenantPlan",
            dependencies: [
                "TenantConfig",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "ManagementAPI",
            dependencies: [
                "TenantConfig", "TenantPlan",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ManagementEmulator",
            dependencies: [
                "APIJSON",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Resources/request-fields.json")]
        ),
        .testTarget(name: "TenantConfigTests", dependencies: ["TenantConfig"]),
        .testTarget(name: "TenantLintTests", dependencies: ["TenantLint", "TenantConfig"]),
        .testTarget(name: "RuleMigrationTests", dependencies: ["RuleMigration", "TenantLint", "TenantConfig"]),
        .testTarget(name: "TenantPlanTests", dependencies: ["TenantPlan", "TenantConfig"]),
        .testTarget(name: "ScriptTestingTests", dependencies: ["ScriptTesting", "TenantConfig"]),
        .testTarget(
            name: "ManagementAPITests",
            dependencies: [
                "ManagementAPI", "ManagementEmulator", "TenantConfig", "TenantPlan", "APIJSON",
                // A scripted Management API (exact statuses, headers, dropped connections) for the client's tests.
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ManagementEmulatorTests",
            dependencies: [
                "ManagementEmulator", "APIJSON",
                // The recordings' tenants rebuilt, exported and planned in process (DeployCLIRecordedTenantsTests).
                "ManagementAPI", "TenantConfig", "TenantPlan",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ],
            // Recorded API exchanges the tests read by path (see Fixtures/README.md).
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["tenantctl", "TenantCLI", "TenantLint", "TenantPlan", "ManagementEmulator", "TenantConfig"],
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
