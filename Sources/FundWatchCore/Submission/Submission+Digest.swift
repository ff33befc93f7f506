extension Submission {
    /// Writes the canonical content a content digest is computed over (FundWatchCrypto
    /// hashes it with SHA-256), handing it to `sink` in blocks: the same registers give the
    /// same bytes whether they arrived as XML or CSV, with codes or labels, with or without
    /// optional zeros. Row order counts (a register is a list).
    ///
    /// A case's reporter enters only as `reporter` makes it — whether there is one, or a keyed
    /// HMAC of it (FundWatchCrypto's `ReporterSeal`) — never as its text: a digest is stored,
    /// logged and answered, and a plain reporter inside it could be guessed back from it.
    public func writeCanonicalForm(reporter: (Confidential) -> String, to sink: (UnsafeRawBufferPointer) -> Void) {
        var w = CanonicalWriter()
        w.field(header.countyCode)
        w.field(header.countyName)
        w.field(header.period.description)
        w.field(header.preparedBy)
        w.day(header.submittedOn)
        w.row()
        for i in institutions {
            w.field(i.code)
            w.field(i.name)
            w.field(i.category.code)
            w.field(i.agreementStatus.code)
            w.row()
            if w.isFull { w.flush(to: sink) }
        }
        w.row()
        for i in inspections {
            w.field(i.institutionCode)
            w.day(i.inspectedOn)
            w.field(i.method.code)
            w.flag(i.problemsFound)
            w.row()
            if w.isFull { w.flush(to: sink) }
        }
        w.row()
        for c in cases {
            w.field(c.caseID)
            w.field(c.institutionCode)
            w.day(c.openedOn)
            w.day(c.closedOn)
            w.field(c.source.code)
            w.codes(c.violations)
            w.money(c.amountInvolved)
            w.money(c.amountRefused)
            w.money(c.amountRecovered)
            w.money(c.damages)
            w.money(c.fine)
            w.money(c.voluntaryRefund)
            w.codes(c.actions)
            if let months = c.suspensionMonths { w.digits(months) }
            w.end()
            w.day(c.policeTransferOn)
            w.day(c.disciplineTransferOn)
            w.day(c.exposedOn)
            w.flag(c.publicAttention)
            w.day(c.noticeSubmittedOn)
            w.field(reporter(c.reporter))
            w.money(c.rewardPaid)
            w.field(c.discovery)
            w.field(c.facts)
            w.field(c.outcome)
            w.field(c.basis)
            // The subject only when it is not the default institution: a case without the
            // new fields keeps the digest it had before they existed.
            if c.subjectType != .institution || c.physicianID != nil || c.points != nil {
                w.field(c.subjectType.code)
                w.field(c.physicianID ?? "")
                if let points = c.points { w.digits(points) }
                w.end()
            }
            w.row()
            if w.isFull { w.flush(to: sink) }
        }
        // The tip-off register only when there is one: a return without it keeps the
        // digest it had before the register existed.
        if !tipoffs.isEmpty {
            w.row()
            w.field("tipoffs")
            w.row()
        }
        for t in tipoffs {
            w.field(t.tipoffID)
            w.day(t.receivedOn)
            w.field(t.channel.code)
            w.flag(t.realName)
            w.field(t.subjectType.code)
            w.field(t.institutionCode ?? "")
            w.day(t.decidedOn)
            w.field(t.decision?.code ?? "")
            w.day(t.informedOn)
            w.day(t.closedOn)
            w.flag(t.substantiated)
            w.field(t.caseID ?? "")
            w.day(t.feedbackOn)
            w.money(t.rewardPaid)
            w.day(t.rewardPaidOn)
            w.field(reporter(t.reporter))
            w.row()
            if w.isFull { w.flush(to: sink) }
        }
        w.flush(to: sink)
    }
}

/// Writes a submission's canonical form: fields end with 0x1F and rows with 0x1E (never in
/// text); numbers and dates as decimal text, written digit by digit (no string made);
/// bytes gathered to be handed on in blocks.
private struct CanonicalWriter {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(16_384) }

    mutating func end() { buffer.append(0x1F) }

    mutating func field(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        buffer.append(0x1F)
    }

    mutating func flag(_ value: Bool) {
        buffer.append(value ? 0x31 : 0x30)
        buffer.append(0x1F)
    }

    mutating func row() { buffer.append(0x1E) }

    /// Whether enough is gathered to hand on.
    var isFull: Bool { buffer.count >= 8192 }

    /// `value` in decimal, zero-padded to `width` digits, `-` first when negative.
    mutating func digits(_ value: Int, width: Int = 1) {
        if value < 0 { buffer.append(0x2D) }
        var magnitude = value.magnitude
        var count = 1
        var rest = magnitude / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        count = max(count, width)
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(48, count: count))
        var index = start + count - 1
        while magnitude > 0 {
            buffer[index] = UInt8(48 + magnitude % 10)
            magnitude /= 10
            index -= 1
        }
    }

    mutating func day(_ d: Day?) {
        if let d {
            let c = d.civil
            digits(c.year, width: 4)
            buffer.append(0x2D)
            digits(c.month, width: 2)
            buffer.append(0x2D)
            digits(c.day, width: 2)
        }
        buffer.append(0x1F)
    }

    mutating func money(_ m: Money) {
        digits(Int(m.fen))
        buffer.append(0x1F)
    }

    mutating func codes<Code: LabelledCode>(_ items: [Code]) {
        for index in items.indices {
            if index > 0 { buffer.append(0x3B) }
            var code = items[index].code
            code.withUTF8 { buffer.append(contentsOf: $0) }
        }
        buffer.append(0x1F)
    }

    /// Hands what is gathered to `sink` and empties the buffer.
    mutating func flush(to sink: (UnsafeRawBufferPointer) -> Void) {
        buffer.withUnsafeBytes { sink($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
