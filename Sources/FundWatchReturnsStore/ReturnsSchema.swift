/// The portal's tables (schema version 2), the same on both stores: users, sessions, API
/// tokens, failed logins (throttling), review events, upload attempts and the audit log.
/// Times are seconds since 1970 (UTC); flags 0/1. Nothing is ever updated in place but a
/// user's password and disabled flag, and a session's last request; the review events
/// and the audit log are append-only.
public enum ReturnsSchema {
    /// `CREATE` statements of version 2; `idColumn` is the dialect's auto-increment key.
    public static func version2(idColumn: String) -> [String] {
        [
            """
            CREATE TABLE users (
              id \(idColumn), name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, county_code TEXT,
              password_hash TEXT NOT NULL, disabled BIGINT NOT NULL DEFAULT 0,
              created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE sessions (
              token_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id), csrf TEXT NOT NULL,
              created_at BIGINT NOT NULL, last_seen BIGINT NOT NULL, address TEXT NOT NULL)
            """,
            "CREATE INDEX sessions_user ON sessions (user_id)",
            """
            CREATE TABLE api_tokens (
              id \(idColumn), user_id BIGINT NOT NULL REFERENCES users(id), token_hash TEXT NOT NULL UNIQUE,
              created_at BIGINT NOT NULL, revoked_at BIGINT)
            """,
            "CREATE TABLE login_failures (id \(idColumn), user_name TEXT NOT NULL, address TEXT NOT NULL, at BIGINT NOT NULL)",
            "CREATE INDEX login_failures_user ON login_failures (user_name, at)",
            "CREATE INDEX login_failures_address ON login_failures (address, at)",
            """
            CREATE TABLE review_events (
              id \(idColumn), county_code TEXT NOT NULL, period TEXT NOT NULL, seq BIGINT NOT NULL, state TEXT NOT NULL,
              submission_id BIGINT, reason TEXT NOT NULL, actor TEXT NOT NULL, at BIGINT NOT NULL,
              UNIQUE (county_code, period, seq))
            """,
            """
            CREATE TABLE uploads (
              id \(idColumn), at BIGINT NOT NULL, actor TEXT NOT NULL, county_code TEXT, period TEXT, file_name TEXT NOT NULL,
              outcome TEXT NOT NULL, digest TEXT, submission_id BIGINT, on_behalf BIGINT NOT NULL, note TEXT NOT NULL,
              findings TEXT NOT NULL)
            """,
            "CREATE INDEX uploads_county ON uploads (county_code, period)",
            """
            CREATE TABLE audit (
              id \(idColumn), at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, outcome TEXT NOT NULL,
              detail TEXT NOT NULL, address TEXT NOT NULL)
            """,
        ]
    }

    /// Version 3: the 双随机 draws the city runs in the portal. A draw is kept as the XML of
    /// its plan (every document of the plan renders from it); `published_at` is set once,
    /// when the city publishes it, and counties see only published draws.
    public static func version3(idColumn: String) -> [String] {
        [
            """
            CREATE TABLE draws (
              id \(idColumn), period TEXT NOT NULL, seed TEXT NOT NULL, inputs_digest TEXT NOT NULL, plan_xml TEXT NOT NULL,
              created_at BIGINT NOT NULL, actor TEXT NOT NULL, published_at BIGINT, published_by TEXT)
            """
        ]
    }

    /// Version 6: a draw kept as its plan's data (JSON), which every document of the plan
    /// renders from; `plan_xml` stays for draws kept before, read once and kept as data.
    public static let version6 = ["ALTER TABLE draws ADD COLUMN plan_json TEXT"]

    /// Version 7: the clerks' explanations (说明) of plausibility warnings, append-only, each
    /// with the stored version it answers for; the latest of a rule and key counts.
    public static func version7(idColumn: String) -> [String] {
        [
            """
            CREATE TABLE explanations (
              id \(idColumn), county_code TEXT NOT NULL, period TEXT NOT NULL, submission_id BIGINT NOT NULL,
              rule TEXT NOT NULL, warning_key TEXT NOT NULL, text TEXT NOT NULL, actor TEXT NOT NULL, at BIGINT NOT NULL)
            """,
            "CREATE INDEX explanations_version ON explanations (submission_id)",
            "CREATE INDEX explanations_county ON explanations (county_code, period)",
        ]
    }
}
