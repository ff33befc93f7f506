import FundWatchCore

/// The 核实性审核 (plausibility checks) of one return against the county's own history:
/// warnings the return is accepted with, each naming its rule and a `key` (the row, the
/// month, the register or the metric), which the clerk explains. The same checks serve
/// `validate`, `import`, the API and the portal; the caller gathers the history (returns
/// read together, or the store).
public struct Plausibility: Sendable {
    public let settings: PlausibilitySettings

    public init(settings: PlausibilitySettings = .standard) {
        self.settings = settings
    }

    /// The plausibility findings of a return (`profile`, read from `file`), given the
    /// current versions of the county's earlier months (`history`, any order; other counties'
    /// and later months' returns are ignored) and, for a county with few cases of its own,
    /// the city's case amounts (`city`).
    public func check(_ profile: ReturnProfile, file: String, history: [ReturnProfile], city: AmountReference = .none) -> [Finding] {
        let earlier = history.filter { $0.countyCode == profile.countyCode && $0.period < profile.period }
        var out: [Finding] = []
        if let previous = earlier.first(where: { $0.period == profile.period.previous }) {
            out += PreviousMonthCheck(settings: settings).findings(profile, file: file, previous: previous)
        }
        let outliers = OutlierCheck(settings: settings)
        out += outliers.metricFindings(profile, file: file, history: earlier)
        out += outliers.amountFindings(profile, file: file, history: earlier, city: city)
        return out
    }

    /// Whether the amount check of `profile` needs the city's amounts: the county's earlier
    /// months hold fewer than `minHistoryCases` cases with an amount, and the return has a
    /// new case with one.
    public func needsCityAmounts(_ profile: ReturnProfile, history: [ReturnProfile]) -> Bool {
        OutlierCheck(settings: settings).needsCityAmounts(
            profile, history: history.filter { $0.countyCode == profile.countyCode && $0.period < profile.period })
    }

    /// ``check(_:file:history:city:)`` of a whole return.
    public func check(_ submission: Submission, file: String, history: [ReturnProfile], city: AmountReference = .none) -> [Finding] {
        check(ReturnProfile(submission), file: file, history: history, city: city)
    }
}
