/// A SHA-256 implementation a content digest can be computed with: the core's own
/// (``SHA256``, portable) or one using the processor's SHA instructions.
public protocol SHA256Hashing {
    init()
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    /// The digest as 64 lowercase hex digits.
    mutating func finalizeHex() -> String
}

extension SHA256: SHA256Hashing {}

extension Submission {
    /// SHA-256 of the submission's canonical content: the same registers give the same
    /// digest whether they arrived as XML or CSV, with codes or labels, with or without
    /// optional zeros. Row order counts (a register is a list).
    public var contentDigest: String { contentDigest(using: SHA256.self) }

    /// ``contentDigest`` computed with another SHA-256 implementation (same result).
    public func contentDigest<Hasher: SHA256Hashing>(using _: Hasher.Type) -> String {
        var hasher = Hasher()
        // Fields end with 0x1F and rows with 0x1E (never in text), gathered to hash in bulk.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16_384)
        func field(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            buffer.append(0x1F)
        }
        func flush() {
            buffer.withUnsafeBytes { hasher.update($0) }
            buffer.removeAll(keepingCapacity: true)
        }
        func row() {
            buffer.append(0x1E)
            if buffer.count >= 8192 { flush() }
        }
        // Numbers and dates are written as their decimal text, digit by digit (no String made):
        // least significant first, zero-padded to `width`, then turned around.
        func digits(_ value: Int, width: Int = 1) {
            let start = buffer.count
            var magnitude = value.magnitude
            repeat {
                buffer.append(UInt8(48 + magnitude % 10))
                magnitude /= 10
            } while magnitude > 0
            while buffer.count - start < width { buffer.append(48) }
            if value < 0 { buffer.append(0x2D) }
            buffer[start...].reverse()
        }
        func day(_ d: Day?) {
            if let d {
                let c = d.civil
                digits(c.year, width: 4); buffer.append(0x2D); digits(c.month, width: 2); buffer.append(0x2D); digits(c.day, width: 2)
            }
            buffer.append(0x1F)
        }
        func money(_ m: Money) { digits(Int(m.fen)); buffer.append(0x1F) }
        func codes(_ items: [some LabelledCode]) {
            for (i, item) in items.enumerated() {
                if i > 0 { buffer.append(0x3B) }
                buffer.append(contentsOf: item.code.utf8)
            }
            buffer.append(0x1F)
        }

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
            codes(c.violations)
            money(c.amountInvolved); money(c.amountRefused); money(c.amountRecovered)
            money(c.damages); money(c.fine); money(c.voluntaryRefund)
            codes(c.actions)
            if let months = c.suspensionMonths { digits(months) }
            buffer.append(0x1F)
            day(c.policeTransferOn); day(c.disciplineTransferOn); day(c.exposedOn)
            field(c.publicAttention ? "1" : "0"); day(c.noticeSubmittedOn)
            field(c.reporter.revealedForStorage); money(c.rewardPaid)
            field(c.discovery); field(c.facts); field(c.outcome); field(c.basis); row()
        }
        flush()
        return hasher.finalizeHex()
    }
}
