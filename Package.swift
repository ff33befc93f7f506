// swift-tools-version:6.1
import PackageDescription

/// FundWatch: validates county medical-insurance fund supervision registers,
/// computes the campaign metrics and renders the city's report tables.
///
/// The pipeline runs through small targets:
/// `FundWatchCore` (domain, no I/O, no dependencies) ←
/// `FundWatchInput` (CSV / XML / zip readers and validation) ←
/// `FundWatchReports` (output models and renderers) ←
/// `fundwatch` (the command-line tool).
let package = Package(
    name: "FundWatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fundwatch", targets: ["fundwatch"]),
        .library(name: "FundWatchCore", targets: ["FundWatchCore"]),
        .library(name: "FundWatchInput", targets: ["FundWatchInput"]),
        .library(name: "FundWatchReports", targets: ["FundWatchReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "FundWatchCore"),
        // Mustache templates compiled once and rendered into bytes (no dependencies).
        .target(name: "FundWatchTemplating"),
        .target(
            name: "FundWatchInput",
            dependencies: [
                "FundWatchCore",
                "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/submission.xsd")]
        ),
        // The default templates live at the repository root, where a bureau edits them;
        // this resource-only target ships them inside the executable too.
        .target(
            name: "FundWatchTemplates",
            path: "report-templates",
            exclude: ["README.md"],
            sources: ["DefaultTemplates.swift"],
            resources: [
                .copy("report.html.mustache"), .copy("report.xml.mustache"), .copy("report.xsd"),
                .copy("notice.html.mustache"), .copy("notice.xml.mustache"), .copy("notice.xsd"),
                .copy("bulletin.html.mustache"), .copy("bulletin.txt.mustache"),
            ]
        ),
        .target(
            name: "FundWatchReports",
            dependencies: [
                "FundWatchCore",
                "FundWatchInput",
                "FundWatchTemplates",
                "FundWatchTemplating",
            ]
        ),
        // Content digests through swift-crypto (hardware SHA-256); the readers stay free of it.
        .target(
            name: "FundWatchHashing",
            dependencies: ["FundWatchCore", "FundWatchInput", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "FundWatchStore",
            dependencies: ["FundWatchCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        .target(
            name: "FundWatchPostgres",
            dependencies: [
                "FundWatchCore",
                "FundWatchStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "FundWatchSampleData",
            dependencies: [
                "FundWatchCore",
                "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "fundwatch",
            dependencies: [
                "FundWatchSampleData",
                "FundWatchStore",
                "FundWatchPostgres",
                "FundWatchCore",
                "FundWatchInput",
                "FundWatchReports",
                "FundWatchHashing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FundWatchCoreTests", dependencies: ["FundWatchCore"]),
        .testTarget(name: "FundWatchTemplatingTests", dependencies: ["FundWatchTemplating"]),
        .testTarget(name: "FundWatchHashingTests", dependencies: ["FundWatchHashing", "FundWatchCore"]),
        // Helpers shared by the test targets (a fresh PostgreSQL database per test).
        .target(name: "FundWatchTestSupport", path: "Tests/FundWatchTestSupport"),
        .testTarget(
            name: "FundWatchStoreTests",
            dependencies: ["FundWatchStore", "FundWatchPostgres", "FundWatchInput", "FundWatchCore", "FundWatchTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FundWatchReportsTests",
            dependencies: ["FundWatchReports", "FundWatchInput", "FundWatchCore", "FundWatchSampleData", "FundWatchTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FundWatchInputTests",
            dependencies: ["FundWatchInput", "FundWatchCore", "FundWatchTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FundWatchCLITests",
            dependencies: ["fundwatch", "FundWatchCore", "FundWatchTestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
