import ArgumentParser
import Foundation
import FundWatchCore
import FundWatchPipeline
import FundWatchPortal
import FundWatchPostgres
import FundWatchReturns
import FundWatchReturnsStore
import FundWatchSQLite
import FundWatchSampleData
import FundWatchStore
import FundWatchStores
import Hummingbird
import Logging
import PostgresNIO
import ServiceLifecycle

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the reporting portal (counties upload, the city reviews and downloads reports).",
        discussion: """
            Serves on --host:--port from the same store as import (--db, else $FUNDWATCH_DB, else ./fundwatch.sqlite; \
            PostgreSQL for a shared installation: several serve processes on one database behave as one). Cookies are \
            marked Secure unless the portal listens on loopback over plain HTTP; put a reverse proxy with TLS in front \
            of any other address. --demo: a throw-away store with the sample city imported and one user per role, whose \
            names and generated passwords are printed.
            """
    )

    @Option(help: StoreOptions.help)
    var db: String?

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(name: .customLong("config"), help: "Configuration file ([returns] due_day, [portal] limits, [store] reporter_key_file …).")
    var config: String?

    @Flag(help: "Start a throw-away store with the sample city and demo users (ignores --db).")
    var demo = false

    @Option(
        help: ArgumentHelp(
            "Run as if today were this day (YYYY-MM-DD, China Standard Time); the clock runs on from its start. "
                + "For tests and demonstrations of deadlines: 距截止, 今天截止, 已逾期.", valueName: "day"))
    var today: String?

    func validate() throws {
        if demo && db != nil { throw ValidationError("--demo makes its own store: leave out --db") }
        if let today, Day(iso: today) == nil { throw ValidationError("--today must be a day YYYY-MM-DD (应为日期)") }
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1…65535") }
    }

    /// The portal's clock: the real one, or one that starts at the same time of day on `day`
    /// (China Standard Time) and runs on from there.
    static func clock(startingOn day: Day?) -> @Sendable () -> Int64 {
        let real: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
        guard let day else { return real }
        let start = real()
        let cstToday = (start + 8 * 3_600) / 86_400
        let offset = (Int64(day.ordinal) - cstToday) * 86_400
        return { real() + offset }
    }

    static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
    }

    func run() async throws {
        var settings = try await Console.run { try config.map { path throws(PipelineError) in try Pipeline.settings(file: path) } ?? Settings() }
        if demo && settings.counties.names.isEmpty {
            // The demo registers the sample city's counties, as a bureau does in [counties].
            settings.counties = CountyNames(Dictionary(uniqueKeysWithValues: SampleCity.standard().counties.map { ($0.code, $0.name) }))
        }
        var logger = Logger(label: "fundwatch.portal")
        logger.logLevel = .info
        var demoFolder: String?
        let url: String
        if demo {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fundwatch-demo-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            demoFolder = folder
            url = folder + "/demo.sqlite"
        } else {
            url = StoreConnection.url(db)
        }
        let pipeline = try await Console.run { try Pipeline(settings: settings) }
        // A PostgreSQL store's client runs as a service of the application (started before the
        // server, stopped after it); its schema is migrated once it runs, before serving.
        let store: any ReturnsDatabase
        var services: [any Service] = []
        var migrate: @Sendable () async throws(StoreError) -> Void = {}
        if StoreConnection.isPostgres(url) {
            let client = PostgresClient(
                configuration: try await Console.run { try PostgresStore.configuration(url: url) },
                backgroundLogger: StoreConnection.quietLogger)
            // Uploads go in by INSERT: a COPY cut off by the server going away is a fatal error in PostgresNIO.
            let postgres = PostgresStore(
                unmigratedOn: client, logger: StoreConnection.quietLogger, deadline: .seconds(settings.store.deadlineSeconds),
                callLimit: .seconds(settings.store.callSeconds), bulkCopy: false)
            store = postgres
            services = [client]
            migrate = { () throws(StoreError) in try await postgres.migrate() }
        } else {
            store = try await Console.run { try await SQLiteStore.open(path: StoreConnection.sqlitePath(url)) }
        }
        let secure = settings.portal.secureCookies.secure(onLoopback: Self.isLoopback(host))
        let cycle = ReturnCycle(store: store, pipeline: pipeline, now: Self.clock(startingOn: today.flatMap(Day.init(iso:))))
        // The operator's log: logfmt lines on standard output, at [portal] log_level.
        let log = RequestLog(level: settings.portal.logLevel) { line in Console.out(line + "\n") }
        let core = try PortalCore(returns: cycle, secureCookies: secure, log: log)
        let (prepareStore, demoFolderToFill) = (migrate, demoFolder)
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (store: \(StoreConnection.redacted(url)))"
        let app = Portal(core: core).application(host: host, port: port, logger: logger, services: services) {
            try await Console.run {
                try await prepareStore()
                // Stored digests follow this configuration's reporter settings before anything is served.
                try await pipeline.alignDigests(of: store)
            }
            if let demoFolderToFill { try await Self.prepareDemo(cycle, store: store, folder: demoFolderToFill) }
            Console.out("FundWatch portal on \(address)\n")
        }
        defer { if let demoFolder { try? FileManager.default.removeItem(atPath: demoFolder) } }
        // SIGTERM or SIGINT: stop accepting, let the requests in flight finish (an upload is
        // answered and stored, or not stored at all) for at most the grace period, then close
        // the store and exit 0.
        var group = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(settings.portal.shutdownGraceSeconds)
        do {
            try await ServiceGroup(configuration: group).run()
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        Console.out("FundWatch portal stopped; the store is closed\n")
    }

    /// Imports the sample city and makes one user per role with generated passwords.
    static func prepareDemo(_ cycle: ReturnCycle, store: any ReturnsDatabase, folder: String) async throws {
        let samples = folder + "/samples"
        _ = try SampleCity.standard(seed: 2026).write(to: samples)
        let totals = try await Console.run { try await cycle.pipeline.importSubmissions([.path(samples)], into: store) }
        let county = try await store.versions(county: nil, period: nil).first?.countyCode ?? "990201"
        let admin = cycle.users
        Console.out("demo store: \(totals.new + totals.newVersion) versions of the sample city imported into \(folder)\n")
        Console.out("demo users (passwords generated for this run only):\n")
        for (name, role, code) in [("county", UserRole.county, county as String?), ("city", .city, nil), ("admin", .admin, nil)] {
            let password = UserAdmin.generatedPassword()
            try await admin.add(name: "demo-\(name)", role: role, county: code, password: password, actor: "demo", address: "local")
            Console.out("  demo-\(name)  \(role.label)\(code.map { " (\($0))" } ?? "")  password: \(password)\n")
        }
    }
}
