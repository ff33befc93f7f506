import Foundation
import FundWatchCore

/// Writes a submission as the CSV folder of FORMAT.md, the way counties' Excel sheets
/// come out: UTF-8 (with or without BOM) or GBK, CRLF line ends, RFC 4180 quoting.
public struct SubmissionCSVWriter: Sendable {
    public enum Encoding: Sendable { case utf8, utf8BOM, gbk }

    public var encoding: Encoding

    public init(encoding: Encoding) { self.encoding = encoding }

    /// The four files, by name (five with a tip-off register).
    public func files(_ s: Submission) -> [(name: String, bytes: [UInt8])] {
        let h = s.header
        let header: [[String]] = [
            ["field", "value"], ["county_code", h.countyCode], ["county_name", h.countyName],
            ["period", h.period.description], ["prepared_by", h.preparedBy], ["submitted_on", h.submittedOn.description],
        ]
        let institutions =
            [["code", "name", "category", "agreement_status"]]
            + s.institutions.map { [$0.code, $0.name, $0.category.code, $0.agreementStatus.code] }
        let inspections =
            [["institution_code", "inspected_on", "method", "problems_found"]]
            + s.inspections.map { [$0.institutionCode, $0.inspectedOn.description, $0.method.code, $0.problemsFound ? "true" : "false"] }
        let caseHeader = [
            "case_id", "institution_code", "opened_on", "closed_on", "source", "violations", "amount_involved",
            "amount_refused", "amount_recovered", "damages", "fine", "voluntary_refund", "actions", "suspension_months",
            "police_transfer_on", "discipline_transfer_on", "exposed_on", "public_attention", "notice_submitted_on",
            "reporter", "reward_paid", "discovery", "facts", "outcome", "basis", "subject_type", "physician_id", "points",
        ]
        let cases =
            [caseHeader]
            + s.cases.map { c -> [String] in
                [
                    c.caseID, c.institutionCode, c.openedOn.description, c.closedOn?.description ?? "", c.source.code,
                    c.violations.map(\.code).joined(separator: ";"), c.amountInvolved.yuanString, c.amountRefused.yuanString,
                    c.amountRecovered.yuanString, c.damages.yuanString, c.fine.yuanString, c.voluntaryRefund.yuanString,
                    c.actions.map(\.code).joined(separator: ";"), c.suspensionMonths.map { "\($0)" } ?? "",
                    c.policeTransferOn?.description ?? "", c.disciplineTransferOn?.description ?? "", c.exposedOn?.description ?? "",
                    c.publicAttention ? "true" : "false", c.noticeSubmittedOn?.description ?? "", c.reporter.revealedForStorage,
                    c.rewardPaid.yuanString, c.discovery, c.facts, c.outcome, c.basis, c.subjectType.code, c.physicianID ?? "",
                    c.points.map { "\($0)" } ?? "",
                ]
            }
        var files = [
            ("submission.csv", encode(header)), ("institutions.csv", encode(institutions)),
            ("inspections.csv", encode(inspections)), ("cases.csv", encode(cases)),
        ]
        // The tip-off register is optional: written only when there is one.
        if !s.tipoffs.isEmpty {
            let tipoffHeader = [
                "tipoff_id", "received_on", "channel", "real_name", "subject_type", "institution_code", "decided_on", "decision",
                "informed_on", "closed_on", "substantiated", "case_id", "feedback_on", "reward_paid", "reward_paid_on", "reporter",
            ]
            let tipoffs =
                [tipoffHeader]
                + s.tipoffs.map { t -> [String] in
                    [
                        t.tipoffID, t.receivedOn.description, t.channel.code, t.realName ? "true" : "false", t.subjectType.code,
                        t.institutionCode ?? "", t.decidedOn?.description ?? "", t.decision?.code ?? "", t.informedOn?.description ?? "",
                        t.closedOn?.description ?? "", t.substantiated ? "true" : "false", t.caseID ?? "", t.feedbackOn?.description ?? "",
                        t.rewardPaid.yuanString, t.rewardPaidOn?.description ?? "", t.reporter.revealedForStorage,
                    ]
                }
            files.append(("tipoffs.csv", encode(tipoffs)))
        }
        return files
    }

    /// Writes the folder `directory` (created if needed).
    public func write(_ s: Submission, to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in files(s) {
            try Data(file.bytes).write(to: URL(fileURLWithPath: directory + "/" + file.name))
        }
    }

    func encode(_ rows: [[String]]) -> [UInt8] {
        var text = ""
        for row in rows {
            text += row.map(Self.quote).joined(separator: ",")
            text += "\r\n"
        }
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .gbk: return Array(text.data(using: String.Encoding(rawValue: 0x8000_0632)) ?? Data(text.utf8))
        }
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
