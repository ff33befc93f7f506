// swift-tools-version:6.1
import PackageDescription

/// FundWatch: validates county medical-insurance fund supervision registers, computes the
/// campaign metrics, renders the city's report tables, and runs the return cycle (a portal
/// and a command line over one library).
///
/// Data flows one way through small targets: the core (the domain, no I/O) at the bottom,
/// the C libraries' wrappers (libxml2, minizip, libxlsxwriter) beside it, then the readers,
/// the stores, the renderers, the pipeline every front door calls, the return cycle, and the
/// two front doors on top. README.md, "Layout", has the map of layers and direct
/// dependencies; it is made from this file by `scripts/target-map.py` and checked by
/// `Tests/layout`, so it cannot drift. The core and the readers depend on no server or
/// database package, so their tests build in seconds; a server on PostgreSQL alone links
/// `FundWatchPostgres` and never SQLite.
let package = Package(
    name: "FundWatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "fundwatch", targets: ["fundwatch"]),
        .library(name: "FundWatchCore", targets: ["FundWatchCore"]),
        .library(name: "FundWatchInput", targets: ["FundWatchInput"]),
        .library(name: "FundWatchReports", targets: ["FundWatchReports"]),
        .library(name: "FundWatchTemplating", targets: ["FundWatchTemplating"]),
        .library(name: "FundWatchPipeline", targets: ["FundWatchPipeline"]),
        .library(name: "FundWatchStore", targets: ["FundWatchStore"]),
        .library(name: "FundWatchSQLite", targets: ["FundWatchSQLite"]),
        .library(name: "FundWatchPostgres", targets: ["FundWatchPostgres"]),
        .library(name: "FundWatchStores", targets: ["FundWatchStores"]),
        .library(name: "FundWatchPortal", targets: ["FundWatchPortal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // C libraries from Debian, through pkg-config.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CMinizip", pkgConfig: "minizip", providers: [.apt(["libminizip-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),

        // The domain: codes, money, days, the submission model, findings and rules, metrics,
        // version choice, notices, evaluation, settings. No I/O, no dependencies.
        .target(name: "FundWatchCore"),
        // Content digests through swift-crypto's SHA-256.
        .target(name: "FundWatchCrypto", dependencies: ["FundWatchCore", .product(name: "Crypto", package: "swift-crypto")]),
        // libxml2 with FundWatch's safe options: the SAX2 push parser, its error sink, schema checks.
        .target(name: "FundWatchXML", dependencies: ["FundWatchCore", "CLibXML2"]),
        // Zip archives read under limits (entries, ratio, size, names) and written deterministically.
        .target(name: "FundWatchZip", dependencies: ["CMinizip"]),
        // Reading and validating submissions: CSV, XML, zip; paths or bytes in memory.
        .target(
            name: "FundWatchInput",
            dependencies: ["FundWatchCore", "FundWatchCrypto", "FundWatchDraw", "FundWatchXML", "FundWatchZip", "CLibXML2"],
            resources: [.copy("Resources/submission.xsd")]
        ),
        // .xlsx workbooks written through libxlsxwriter, every argument checked first.
        .target(name: "FundWatchExcel", dependencies: ["CXlsxWriter"]),
        // The 双随机 draw: a counter-mode SHA-256 stream, strata, inspectors, the results (docs/DRAW.md).
        .target(name: "FundWatchDraw", dependencies: ["FundWatchCore", "FundWatchCrypto", "FundWatchXML"]),
        // Mustache templates compiled once and rendered into bytes (no dependencies).
        .target(name: "FundWatchTemplating"),
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
                .copy("draw-plan.html.mustache"), .copy("draw-plan.xml.mustache"), .copy("draw-plan.xsd"),
                .copy("draw-public.html.mustache"), .copy("draw-public.xml.mustache"), .copy("draw-public.xsd"),
                .copy("draw-results.html.mustache"),
            ]
        ),
        // The report tables, the notice and bulletin documents, their renderers and output sinks.
        .target(
            name: "FundWatchReports",
            dependencies: [
                "FundWatchCore", "FundWatchCrypto", "FundWatchDraw", "FundWatchInput", "FundWatchXML", "FundWatchExcel", "FundWatchTemplates",
                "FundWatchTemplating",
            ]
        ),
        // Stores: the protocol and shared schema; SQLite (GRDB); PostgreSQL (PostgresNIO).
        .target(name: "FundWatchStore", dependencies: ["FundWatchCore"]),
        // The return cycle's tables (users, sessions, tokens, failed logins, review events,
        // uploads, the audit log, draws) over any store's SQL, and what review events say.
        .target(name: "FundWatchReturnsStore", dependencies: ["FundWatchCore", "FundWatchStore"]),
        .target(
            name: "FundWatchSQLite",
            dependencies: [
                "FundWatchCore", "FundWatchStore", "FundWatchReturnsStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "FundWatchPostgres",
            dependencies: [
                "FundWatchCore",
                "FundWatchStore",
                "FundWatchReturnsStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Opens either store from a URL (for the command line).
        .target(
            name: "FundWatchStores",
            dependencies: [
                "FundWatchStore", "FundWatchSQLite", "FundWatchPostgres", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The pipeline every front door calls: sources → validation → versions → summaries → documents → sinks.
        // 核实性审核: a return against the county's own history (previous month, outliers).
        .target(name: "FundWatchPlausibility", dependencies: ["FundWatchCore", "FundWatchInput"]),
        .target(
            name: "FundWatchPipeline",
            dependencies: [
                "FundWatchCore", "FundWatchCrypto", "FundWatchInput", "FundWatchDraw", "FundWatchExcel", "FundWatchPlausibility", "FundWatchReports",
                "FundWatchStore", "FundWatchReturnsStore", "FundWatchXML",
            ]
        ),
        // The return cycle under both front doors: receiving a return (read once, stored with its
        // records in one transaction), reviewing it, scoped reads, users and tokens. Typed refusals.
        .target(
            name: "FundWatchReturns",
            dependencies: [
                "FundWatchCore", "FundWatchCrypto", "FundWatchDraw", "FundWatchInput", "FundWatchPipeline", "FundWatchReports", "FundWatchStore",
                "FundWatchReturnsStore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        // The reporting portal: pages, the JSON API, sessions, access control, audit (Hummingbird).
        .target(
            name: "FundWatchPortal",
            dependencies: [
                "FundWatchCore", "FundWatchPipeline", "FundWatchReports", "FundWatchReturns", "FundWatchReturnsStore", "FundWatchStore",
                "FundWatchTemplating",
                "FundWatchZip", "FundWatchDraw", "FundWatchInput",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(name: "FundWatchSampleData", dependencies: ["FundWatchCore", "CLibXML2", "FundWatchZip"]),
        // The command line: options, printing, exit statuses.
        .executableTarget(
            name: "fundwatch",
            dependencies: [
                "FundWatchPipeline",
                "FundWatchDraw",
                "FundWatchPortal",
                "FundWatchStore",
                "FundWatchReturns",
                "FundWatchReturnsStore",
                "FundWatchStores",
                "FundWatchSampleData",
                "FundWatchPostgres",
                "FundWatchSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .testTarget(name: "FundWatchCoreTests", dependencies: ["FundWatchCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FundWatchCryptoTests", dependencies: ["FundWatchCrypto", "FundWatchCore"]),
        .testTarget(name: "FundWatchTemplatingTests", dependencies: ["FundWatchTemplating"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FundWatchZipTests", dependencies: ["FundWatchZip", "FundWatchTestSupport"], resources: [.copy("Fixtures")]),
        // Helpers shared by the test targets (a scratch folder, a fresh PostgreSQL database per test,
        // the worked example and other fixtures kept once).
        .target(name: "FundWatchTestSupport", path: "Tests/FundWatchTestSupport", resources: [.copy("Fixtures")]),
        .testTarget(
            name: "FundWatchStoreTests",
            dependencies: [
                "FundWatchStore", "FundWatchReturnsStore", "FundWatchSQLite", "FundWatchPostgres", "FundWatchStores", "FundWatchInput",
                "FundWatchCrypto",
                "FundWatchCore", "FundWatchTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "FundWatchPlausibilityTests", dependencies: ["FundWatchPlausibility", "FundWatchCore", "FundWatchInput", "FundWatchSampleData"]
        ),
        .testTarget(
            name: "FundWatchDrawTests",
            dependencies: ["FundWatchDraw", "FundWatchCore", "FundWatchCrypto", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "FundWatchReportsTests",
            dependencies: [
                "FundWatchReports", "FundWatchInput", "FundWatchCore", "FundWatchXML", "FundWatchExcel", "FundWatchZip", "FundWatchSampleData",
                "FundWatchTestSupport",
            ]
        ),
        .testTarget(
            name: "FundWatchInputTests",
            dependencies: ["FundWatchInput", "FundWatchCore", "FundWatchCrypto", "FundWatchZip", "FundWatchTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "FundWatchPipelineTests",
            dependencies: [
                "FundWatchPipeline", "FundWatchDraw", "FundWatchInput", "FundWatchReports", "FundWatchStore", "FundWatchReturnsStore",
                "FundWatchSQLite", "FundWatchZip",
                "FundWatchCore", "FundWatchSampleData", "FundWatchTestSupport",
            ]
        ),
        .testTarget(
            name: "FundWatchPortalTests",
            dependencies: [
                "FundWatchPortal", "FundWatchPipeline", "FundWatchDraw", "FundWatchStore", "FundWatchReturnsStore", "FundWatchSQLite",
                "FundWatchCore",
                "FundWatchTestSupport",
                "FundWatchZip", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "FundWatchCLITests",
            dependencies: ["fundwatch", "FundWatchCore", "FundWatchTestSupport"]
        ),
    ]
)
