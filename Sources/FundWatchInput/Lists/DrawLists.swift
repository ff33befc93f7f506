import FundWatchCore
import FundWatchDraw

/// The lists the 双随机 draw reads besides the returns (docs/DRAW.md, "Inputs"), read as
/// ``ListFile``s (CSV or a workbook) and checked row by row with the `list.*` rules.
public enum DrawLists {
    /// The inspectors list: every row checked (required fields, a county with a return or the
    /// city, a 是/否 qualification, each id once), each finding naming its line or cell.
    public static func inspectors(_ input: SubmissionInput, counties: Set<String>, findings: inout [Finding]) -> [Inspector] {
        let path = input.displayName
        let list = ListFile(input, required: ["inspector_id", "name", "county_code", "unit", "qualified"])
        findings += list.findings.findings
        var seen = Set<String>(), out: [Inspector] = []
        var collector = FindingCollector(limit: 1000)
        for r in list.records {
            for field in ["inspector_id", "name", "county_code", "unit"] where r[field].isEmpty {
                collector.add(.listRequired, at: r.location(path, field), detail: field, detailEN: field)
            }
            let county = r["county_code"]
            if !county.isEmpty && !(CountyCode(county).map { counties.contains($0.text) || $0.isCityLevel } ?? false) {
                collector.add(.listCounty, at: r.location(path, "county_code"), detail: "「\(county)」", detailEN: "'\(county)'")
            }
            let qualified: Bool? =
                switch r["qualified"].lowercased() {
                case "true", "是", "1", "yes": true
                case "false", "否", "0", "no": false
                default: nil
                }
            if qualified == nil {
                collector.add(.listBoolean, at: r.location(path, "qualified"), detail: "「\(r["qualified"])」", detailEN: "'\(r["qualified"])'")
            }
            if !r["inspector_id"].isEmpty && !seen.insert(r["inspector_id"]).inserted {
                collector.add(.listDuplicate, at: r.location(path, "inspector_id"), detail: r["inspector_id"], detailEN: r["inspector_id"])
            }
            out.append(Inspector(id: r["inspector_id"], name: r["name"], countyCode: county, unit: r["unit"], qualified: qualified ?? false))
        }
        findings += collector.findings
        return out
    }

    /// The risk classes (信用风险分类) of institutions of the returns, each checked.
    public static func riskClasses(_ input: SubmissionInput, codes: Set<String>, findings: inout [Finding]) -> [String: RiskClass] {
        let path = input.displayName
        let list = ListFile(input, required: ["institution_code", "risk_class"])
        findings += list.findings.findings
        var collector = FindingCollector(limit: 1000), out: [String: RiskClass] = [:]
        for r in list.records {
            let code = r["institution_code"]
            guard let risk = RiskClass(rawValue: r["risk_class"].uppercased()) else {
                collector.add(.listRiskClass, at: r.location(path, "risk_class"), detail: "「\(r["risk_class"])」", detailEN: "'\(r["risk_class"])'")
                continue
            }
            if !codes.contains(code) {
                collector.add(.listInstitution, at: r.location(path, "institution_code"), detail: "「\(code)」", detailEN: "'\(code)'")
            } else if out[code] != nil {
                collector.add(.listDuplicate, at: r.location(path, "institution_code"), detail: code, detailEN: code)
            }
            out[code] = risk
        }
        findings += collector.findings
        return out
    }

    /// The check items, each with an optional institution category.
    public static func items(_ input: SubmissionInput, findings: inout [Finding]) -> [CheckItem] {
        let path = input.displayName
        let list = ListFile(input, required: ["item_id", "title"])
        findings += list.findings.findings
        var collector = FindingCollector(limit: 1000), seen = Set<String>(), out: [CheckItem] = []
        for r in list.records {
            for field in ["item_id", "title"] where r[field].isEmpty {
                collector.add(.listRequired, at: r.location(path, field), detail: field, detailEN: field)
            }
            var category: InstitutionCategory?
            if !r["category"].isEmpty {
                category = InstitutionCategory(codeOrLabel: r["category"])
                if category == nil {
                    collector.add(.listCategory, at: r.location(path, "category"), detail: "「\(r["category"])」", detailEN: "'\(r["category"])'")
                }
            }
            if !seen.insert(r["item_id"]).inserted {
                collector.add(.listDuplicate, at: r.location(path, "item_id"), detail: r["item_id"], detailEN: r["item_id"])
            }
            out.append(CheckItem(id: r["item_id"], title: r["title"], category: category))
        }
        findings += collector.findings
        return out
    }
}
