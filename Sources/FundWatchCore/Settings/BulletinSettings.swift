/// The fixed texts of the monthly publicity bulletin (`[bulletin]`).
public struct BulletinSettings: Sendable, Hashable {
    /// Who issues it, e.g. `某市医疗保障局`.
    public var issuer = "市医疗保障局"
    /// The tip-off hotline.
    public var hotline = "12393"
    /// The reward text printed under the hotline.
    public var rewardText = "举报违法违规使用医疗保障基金行为,经查证属实的,按规定给予奖励;举报人信息严格保密。"

    public init() {}

    public static let standard = BulletinSettings()

    public init(config: ConfigFile) throws(ConfigFile.Problem) {
        self.init()
        for entry in config.section("bulletin") {
            switch entry.key {
            case "issuer": issuer = try config.text(entry)
            case "hotline": hotline = try config.text(entry)
            case "reward_text": rewardText = try config.text(entry)
            default: throw config.problem(entry, "unknown key \(entry.key) in [bulletin]; known: issuer, hotline, reward_text")
            }
        }
    }
}
