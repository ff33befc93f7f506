import FundWatchCore
import FundWatchExcel
import FundWatchInput
import FundWatchReports

extension Pipeline {
    /// The fill-in workbook (填报模板) of `county` for `period`, as .xlsx bytes: the header
    /// filled in, the institutions register prefilled from the county's latest return in
    /// `source` for that month or before (none: an empty register), the deadline from
    /// `[returns] due_day` and the contact from `[report] contact`.
    /// With `onlyCounty`, only that county's versions are looked at (and loaded) — what the
    /// portal asks for, so a county's template never touches another county's data.
    public func template(county: String, period: YearMonth, source: DataSource?, onlyCounty: Bool = false) async throws(PipelineError) -> [UInt8] {
        guard CountyCode(county) != nil else {
            throw .badRequest("county code \(county) is not 6 digits")
        }
        var institutions: [Institution] = []
        var name = "", from: String?
        if let source {
            var set = try await versions(source)
            if onlyCounty { set = set.only(county: county) }
            let selection = try await set.select(for: period) { submission in
                (submission.header, submission.institutions)
            }
            if let choice = selection.choices.first(where: { $0.countyCode == county }), let chosen = choice.chosen {
                name = chosen.payload.0.countyName
                institutions = chosen.payload.1
                from = "\(county) \(chosen.period) 报送于 \(chosen.submittedOn)"
            }
        }
        let template = ReturnTemplate(
            countyCode: county, countyName: name, period: period, due: settings.policy.returnDue(for: period),
            contact: settings.report.contact, institutions: institutions, prefilledFrom: from)
        do {
            return try template.render()
        } catch {
            throw .cannotWrite("the template workbook: \(error.description)")
        }
    }
}
