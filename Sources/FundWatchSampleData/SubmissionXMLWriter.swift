import CLibXML2
import Foundation
import FundWatchCore

/// Writes a submission as the XML of FORMAT.md with libxml2's text writer (which does
/// the escaping), omitting empty optional fields as counties' systems do.
public struct SubmissionXMLWriter: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "could not write \(path)" }
    }

    public init() {}

    public func write(_ s: Submission, to path: String) throws {
        guard let writer = xmlNewTextWriterFilename(path, 0) else { throw Failure(path: path) }
        defer { xmlFreeTextWriter(writer) }
        var ok = true
        func check(_ status: Int32) { if status < 0 { ok = false } }
        func start(_ name: String) { check(name.withXMLChars { xmlTextWriterStartElement(writer, $0) }) }
        func end() { check(xmlTextWriterEndElement(writer)) }
        func element(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            check(name.withXMLChars { n in value.withXMLChars { v in xmlTextWriterWriteElement(writer, n, v) } })
        }
        check(xmlTextWriterSetIndent(writer, 1))
        check("  ".withXMLChars { xmlTextWriterSetIndentString(writer, $0) })
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
        start("submission")
        check("xmlns".withXMLChars { n in "urn:fundwatch:submission:1".withXMLChars { v in xmlTextWriterWriteAttribute(writer, n, v) } })
        let h = s.header
        element("county_code", h.countyCode)
        element("county_name", h.countyName)
        element("period", h.period.description)
        element("prepared_by", h.preparedBy)
        element("submitted_on", h.submittedOn.description)
        start("institutions")
        for i in s.institutions {
            start("institution")
            element("code", i.code)
            element("name", i.name)
            element("category", i.category.code)
            element("agreement_status", i.agreementStatus.code)
            end()
        }
        end()
        start("inspections")
        for i in s.inspections {
            start("inspection")
            element("institution_code", i.institutionCode)
            element("inspected_on", i.inspectedOn.description)
            element("method", i.method.code)
            element("problems_found", i.problemsFound ? "true" : "false")
            end()
        }
        end()
        start("cases")
        for c in s.cases {
            start("case")
            element("case_id", c.caseID)
            element("institution_code", c.institutionCode)
            element("opened_on", c.openedOn.description)
            element("closed_on", c.closedOn?.description)
            element("source", c.source.code)
            element("violations", c.violations.map(\.code).joined(separator: ";"))
            element("amount_involved", c.amountInvolved.yuanString)
            element("amount_refused", c.amountRefused.yuanString)
            element("amount_recovered", c.amountRecovered.yuanString)
            element("damages", c.damages.yuanString)
            element("fine", c.fine.yuanString)
            element("voluntary_refund", c.voluntaryRefund.yuanString)
            element("actions", c.actions.map(\.code).joined(separator: ";"))
            element("suspension_months", c.suspensionMonths.map { "\($0)" })
            element("police_transfer_on", c.policeTransferOn?.description)
            element("discipline_transfer_on", c.disciplineTransferOn?.description)
            element("exposed_on", c.exposedOn?.description)
            element("public_attention", c.publicAttention ? "true" : "false")
            element("notice_submitted_on", c.noticeSubmittedOn?.description)
            element("reporter", c.reporter.revealedForStorage)
            element("reward_paid", c.rewardPaid.yuanString)
            element("discovery", c.discovery)
            element("facts", c.facts)
            element("outcome", c.outcome)
            element("basis", c.basis)
            element("subject_type", c.subjectType == .institution ? nil : c.subjectType.code)
            element("physician_id", c.physicianID)
            element("points", c.points.map { "\($0)" })
            end()
        }
        end()
        if !s.tipoffs.isEmpty {
            start("tipoffs")
            for t in s.tipoffs {
                start("tipoff")
                element("tipoff_id", t.tipoffID)
                element("received_on", t.receivedOn.description)
                element("channel", t.channel.code)
                element("real_name", t.realName ? "true" : "false")
                element("subject_type", t.subjectType.code)
                element("institution_code", t.institutionCode)
                element("decided_on", t.decidedOn?.description)
                element("decision", t.decision?.code)
                element("informed_on", t.informedOn?.description)
                element("closed_on", t.closedOn?.description)
                element("substantiated", t.substantiated ? "true" : "false")
                element("case_id", t.caseID)
                element("feedback_on", t.feedbackOn?.description)
                element("reward_paid", t.rewardPaid.yuanString)
                element("reward_paid_on", t.rewardPaidOn?.description)
                element("reporter", t.reporter.revealedForStorage)
                end()
            }
            end()
        }
        end()
        check(xmlTextWriterEndDocument(writer))
        if !ok { throw Failure(path: path) }
    }
}

extension String {
    /// Calls `body` with the string as a NUL-terminated `xmlChar` buffer.
    func withXMLChars<R>(_ body: (UnsafePointer<xmlChar>) -> R) -> R {
        withCString { $0.withMemoryRebound(to: xmlChar.self, capacity: utf8.count + 1, body) }
    }
}
