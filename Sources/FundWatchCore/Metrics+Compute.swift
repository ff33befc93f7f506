extension Metrics {
    /// Computes the metrics of one county's submission over `window`.
    ///
    /// - Parameter including: restricts every figure to institutions for which it returns
    ///   true (the by-category table); cases and inspections follow their institution.
    public init(submission: Submission, window: Window, including: (Institution) -> Bool = { _ in true }) {
        self = Self.grouped(submission, window: window, by: { including($0) ? true : nil })[true] ?? Metrics()
    }

    /// The metrics over `window` of each group of institutions, in one pass over the
    /// registers: `key` puts an institution in a group, or leaves it out (nil). Cases and
    /// inspections follow their institution. Groups never share an institution, so the
    /// groups' metrics add up to those of all the institutions they hold.
    ///
    /// Counts of distinct institutions (inspected, handled, suspended…) are kept as flags
    /// per institution, not as sets of codes: one lookup of the code per inspection or case.
    /// A code listed twice counts once, in the group of its first row.
    public static func grouped<Key: Hashable>(_ submission: Submission, window: Window, by key: (Institution) -> Key?) -> [Key: Metrics] {
        var keys: [Key] = []
        var groupIndex: [Key: Int] = [:]
        var slotOf: [String: Int] = [:]
        slotOf.reserveCapacity(submission.institutions.count)
        var slots: [Slot] = []
        slots.reserveCapacity(submission.institutions.count)
        for institution in submission.institutions {
            guard let k = key(institution), slotOf[institution.code] == nil else { continue }
            let group: Int
            if let known = groupIndex[k] { group = known } else {
                group = keys.count
                groupIndex[k] = group
                keys.append(k)
            }
            slotOf[institution.code] = slots.count
            slots.append(Slot(group: group, flags: institution.agreementStatus.isDesignated ? .designated : []))
        }
        var metrics = [Metrics](repeating: Metrics(), count: keys.count)

        for inspection in submission.inspections where window.contains(inspection.inspectedOn) {
            guard let slot = slotOf[inspection.institutionCode], slots[slot].flags.contains(.designated) else { continue }
            switch inspection.method {
            case .selfInspection: slots[slot].flags.insert(.selfInspected)
            case .random: slots[slot].flags.formUnion([.random, .inspected])
            default: slots[slot].flags.insert(.inspected)
            }
        }

        for record in submission.cases {
            guard let slot = slotOf[record.institutionCode] else { continue }
            let g = slots[slot].group
            if window.contains(record.policeTransferOn) { metrics[g].policeTransfers += 1 }
            if window.contains(record.disciplineTransferOn) { metrics[g].disciplineTransfers += 1 }
            if window.contains(record.exposedOn) { metrics[g].exposures += 1 }
            if window.contains(record.openedOn) {
                metrics[g].handledCases += 1
                slots[slot].flags.insert(.handled)
                if record.closedOn != nil { metrics[g].closedCases += 1 }
                metrics[g].amountInvolved += record.amountInvolved
                metrics[g].refusedRecovered += record.amountRefused + record.amountRecovered
                metrics[g].damagesFines += record.damages + record.fine
                metrics[g].voluntaryRefund += record.voluntaryRefund
                metrics[g].rewards += record.rewardPaid
                if record.actions.contains(.suspend) { slots[slot].flags.insert(.suspended) }
                if record.actions.contains(.terminate) { slots[slot].flags.insert(.terminated) }
            }
        }

        for slot in slots {
            let f = slot.flags
            if f.contains(.designated) { metrics[slot.group].designated += 1 }
            if f.contains(.inspected) { metrics[slot.group].inspected += 1 }
            if f.contains(.random) { metrics[slot.group].randomSampled += 1 }
            if f.contains(.selfInspected) { metrics[slot.group].selfInspected += 1 }
            if f.contains(.handled) { metrics[slot.group].handledInstitutions += 1 }
            if f.contains(.suspended) { metrics[slot.group].suspensions += 1 }
            if f.contains(.terminated) { metrics[slot.group].terminations += 1 }
        }
        return Dictionary(uniqueKeysWithValues: zip(keys, metrics))
    }
}

/// One institution in a grouped computation: its group and what happened to it in the window.
private struct Slot {
    var group: Int
    var flags: InstitutionFlags
}

/// What counts an institution adds to (each at most once).
private struct InstitutionFlags: OptionSet {
    let rawValue: UInt8
    static let designated = Self(rawValue: 1 << 0)
    static let inspected = Self(rawValue: 1 << 1)
    static let random = Self(rawValue: 1 << 2)
    static let selfInspected = Self(rawValue: 1 << 3)
    static let handled = Self(rawValue: 1 << 4)
    static let suspended = Self(rawValue: 1 << 5)
    static let terminated = Self(rawValue: 1 << 6)
}
