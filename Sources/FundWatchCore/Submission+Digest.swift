extension Submission {
    /// SHA-256 of the submission's canonical content: the same registers give the same
    /// digest whether they arrived as XML or CSV, with codes or labels, with or without
    /// optional zeros. Row order counts (a register is a list).
    public var contentDigest: String {
        var hasher = SHA256()
        // Fields end with 0x1F and rows with 0x1E (never in text), gathered per row to hash in bulk.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        func field(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            buffer.append(0x1F)
        }
        func row() {
            buffer.append(0x1E)
            buffer.withUnsafeBytes { hasher.update($0) }
            buffer.removeAll(keepingCapacity: true)
        }
        func day(_ d: Day?) { field(d.map(\.description) ?? "") }
        func money(_ m: Money) { field(String(m.fen)) }

        field(header.countyCode); field(header.countyName); field(header.period.description)
        field(header.preparedBy); day(header.submittedOn); row()
        for i in institutions {
            field(i.code); field(i.name); field(i.category.code); field(i.agreementStatus.code); row()
        }
        row()
        for i in inspections {
            field(i.institutionCode); day(i.inspectedOn); field(i.method.code); field(i.problemsFound ? "1" : "0"); row()
        }
        row()
        for c in cases {
            field(c.caseID); field(c.institutionCode); day(c.openedOn); day(c.closedOn); field(c.source.code)
            field(c.violations.map(\.code).joined(separator: ";"))
            money(c.amountInvolved); money(c.amountRefused); money(c.amountRecovered)
            money(c.damages); money(c.fine); money(c.voluntaryRefund)
            field(c.actions.map(\.code).joined(separator: ";")); field(c.suspensionMonths.map(String.init) ?? "")
            day(c.policeTransferOn); day(c.disciplineTransferOn); day(c.exposedOn)
            field(c.publicAttention ? "1" : "0"); day(c.noticeSubmittedOn)
            field(c.reporter.revealedForStorage); money(c.rewardPaid)
            field(c.discovery); field(c.facts); field(c.outcome); field(c.basis); row()
        }
        return hasher.finalizeHex()
    }
}
