import Foundation

/// The PostgreSQL server the tests may use, and a fresh database on it for each test.
///
/// Suites run in parallel in one process, so tests never share a database: each asks for
/// its own with ``freshDatabase()``. The role in `FUNDWATCH_TEST_POSTGRES_URL` needs
/// `CREATEDB` (`scripts/with-postgres.sh` creates it so).
public enum TestPostgres {
    /// `FUNDWATCH_TEST_POSTGRES_URL`, when a server was provided.
    public static var baseURL: String? { ProcessInfo.processInfo.environment["FUNDWATCH_TEST_POSTGRES_URL"] }

    /// Creates a new, empty database on the test server and returns its URL.
    public static func freshDatabase() throws -> String {
        guard let base = baseURL else { throw Failure("FUNDWATCH_TEST_POSTGRES_URL is not set") }
        guard let scheme = base.range(of: "://"),
            let slash = base[scheme.upperBound...].firstIndex(of: "/")
        else {
            throw Failure("FUNDWATCH_TEST_POSTGRES_URL has no database: expected postgres://user:password@host:port/database")
        }
        let name = "fw_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let psql = Process()
        psql.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        psql.arguments = ["psql", base, "-q", "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE \(name)"]
        let errors = Pipe()
        psql.standardOutput = FileHandle.nullDevice
        psql.standardError = errors
        try psql.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        psql.waitUntilExit()
        guard psql.terminationStatus == 0 else {
            throw Failure("cannot create a test database (does the role have CREATEDB?): \(message)")
        }
        let query = base[slash...].firstIndex(of: "?").map { String(base[$0...]) } ?? ""
        return String(base[...slash]) + name + query
    }

    /// Why a test database could not be made.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
