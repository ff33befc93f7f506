import ArgumentParser
import Foundation
import FundWatchCore
import FundWatchPipeline
import FundWatchReturns
import FundWatchReturnsStore
import FundWatchStore
import FundWatchStores

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the portal's users and API tokens.",
        discussion: "Passwords are read from standard input when it is not a terminal, prompted for twice otherwise; never an argument.",
        subcommands: [Add.self, List.self, Disable.self, ResetPassword.self, Token.self, RevokeTokens.self]
    )

    /// Opens the store and the return cycle's user administration over it for `body`,
    /// closing it afterwards; a refusal (a bad name, a short password) is its message and exit 1.
    static func withAdmin<R>(_ db: String?, _ body: (UserAdmin) async throws -> R) async throws -> R {
        try await Console.run {
            try await StoreOptions.with(db) { store in
                try await body(ReturnCycle(store: store, pipeline: try Pipeline()).users)
            }
        }
    }

    /// The operator, for the audit log.
    static var actor: String { "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown") }

    /// A password from standard input (a pipe), or typed twice at a prompt without echo.
    static func readPassword() throws -> String {
        if isatty(0) == 0 {
            guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password on standard input") }
            return line
        }
        guard let first = getpass("密码 / password: ").map({ String(cString: $0) }),
            let second = getpass("再次输入 / again: ").map({ String(cString: $0) })
        else { throw ValidationError("no password typed") }
        guard first == second else { throw ValidationError("the two passwords differ") }
        return first
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user (county clerks need --county, any 6-digit division code).")
        @Option(help: StoreOptions.help) var db: String?
        @Option(help: "county (县区填报员), city (市局统计员) or admin (系统管理员).") var role: String
        @Option(help: "The county a clerk is bound to (6-digit division code).") var county: String?
        @Argument(help: "User name.") var name: String

        func run() async throws {
            guard let role = UserRole(rawValue: role) else { throw ValidationError("--role must be county, city or admin") }
            let password = try UserCommand.readPassword()
            let user = try await withAdmin(db) {
                try await $0.add(name: name, role: role, county: county, password: password, actor: actor, address: "cli")
            }
            Console.out("added \(user.name) (\(user.role.rawValue)\(user.countyCode.map { " \($0)" } ?? ""))\n")

        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @Option(help: StoreOptions.help) var db: String?

        func run() async throws {
            let users = try await withAdmin(db) { try await $0.users() }
            for u in users {
                Console.out("\(u.name)\t\(u.role.rawValue)\t\(u.countyCode ?? "-")\t\(u.disabled ? "disabled" : "active")\n")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user: their sessions end and their tokens stop at once.")
        @Option(help: StoreOptions.help) var db: String?
        @Argument(help: "User name.") var name: String

        func run() async throws {
            try await withAdmin(db) { admin in try await admin.disable(try await admin.user(name), actor: actor, address: "cli") }
            Console.out("disabled \(name)\n")

        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "Set a new password (ends the user's sessions).")
        @Option(help: StoreOptions.help) var db: String?
        @Argument(help: "User name.") var name: String

        func run() async throws {
            let password = try UserCommand.readPassword()
            try await withAdmin(db) { admin in try await admin.resetPassword(try await admin.user(name), to: password, actor: actor, address: "cli") }
            Console.out("password of \(name) changed\n")

        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a new API token for a user (stored hashed; shown only now).")
        @Option(help: StoreOptions.help) var db: String?
        @Argument(help: "User name.") var name: String

        func run() async throws {
            let token = try await withAdmin(db) { admin in try await admin.newToken(try await admin.user(name), actor: actor, address: "cli") }
            Console.out(token + "\n")

        }
    }

    struct RevokeTokens: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke-tokens", abstract: "Revoke every API token of a user.")
        @Option(help: StoreOptions.help) var db: String?
        @Argument(help: "User name.") var name: String

        func run() async throws {
            let n = try await withAdmin(db) { admin in try await admin.revokeTokens(try await admin.user(name), actor: actor, address: "cli") }
            Console.out("revoked \(n) token(s) of \(name)\n")

        }
    }
}
