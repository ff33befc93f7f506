/// A moment as seconds since 1970-01-01 UTC, written for people and files.
public enum Timestamp {
    /// `YYYY-MM-DDTHH:MM:SSZ` (UTC), as the store's import times are written.
    public static func utc(_ seconds: Int64) -> String {
        let (day, s) = split(seconds)
        return "\(day)T\(two(s / 3_600)):\(two(s / 60 % 60)):\(two(s % 60))Z"
    }

    /// `YYYY-MM-DD HH:MM` in China Standard Time (UTC+8), as pages show times.
    public static func chinaStandardTime(_ seconds: Int64) -> String {
        let (day, s) = split(seconds + 8 * 3_600)
        return "\(day) \(two(s / 3_600)):\(two(s / 60 % 60))"
    }

    /// The seconds of a `YYYY-MM-DDTHH:MM:SSZ` text (nil for anything else).
    public static func seconds(utc text: String) -> Int64? {
        let parts = text.split(whereSeparator: { "T:Z".contains($0) })
        guard parts.count == 4, let day = Day(iso: String(parts[0])), let h = Int(parts[1]), let m = Int(parts[2]), let s = Int(parts[3]) else {
            return nil
        }
        return Int64(day.ordinal) * 86_400 + Int64(h * 3_600 + m * 60 + s)
    }

    private static func split(_ seconds: Int64) -> (Day, Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (Day(ordinal: Int32(days)), Int(seconds - days * 86_400))
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
