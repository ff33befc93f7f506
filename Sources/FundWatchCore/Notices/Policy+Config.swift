extension Policy {
    /// Reads `[notices]` (`major_amount_threshold`, `notice_days`) and `[returns]`
    /// (`due_day`) from a configuration; other sections are left to their readers.
    public init(config: ConfigFile) throws(ConfigFile.Problem) {
        self.init()
        for entry in config.section("notices") {
            switch entry.key {
            case "major_amount_threshold": majorAmountThreshold = try config.money(entry)
            case "notice_days": noticeDays = try config.integer(entry, in: 1...60)
            default: throw config.problem(entry, "unknown key \(entry.key) in [notices]; known: major_amount_threshold, notice_days")
            }
        }
        tipoffs = try TipoffSettings(config: config)
        for entry in config.section("returns") {
            switch entry.key {
            case "due_day": returnDueDay = try config.integer(entry, in: 1...28)
            default: throw config.problem(entry, "unknown key \(entry.key) in [returns]; known: due_day")
            }
        }
    }
}
