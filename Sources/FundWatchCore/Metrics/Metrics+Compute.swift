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
        grouped(submission, windows: [window], by: key)[0]
    }

    /// ``grouped(_:window:by:)`` over several windows at once (a report's period and year to
    /// date), still one pass over the registers: each row's institution is looked up once.
    public static func grouped<Key: Hashable>(_ submission: Submission, windows: [Window], by key: (Institution) -> Key?) -> [[Key: Metrics]] {
        var keys: [Key] = []
        var groupIndex: [Key: Int] = [:]
        var slotOf: [String: Int] = [:]
        slotOf.reserveCapacity(submission.institutions.count)
        var groupOfSlot: [Int] = []
        var designated: [Bool] = []
        groupOfSlot.reserveCapacity(submission.institutions.count)
        for institution in submission.institutions {
            guard let k = key(institution), slotOf[institution.code] == nil else { continue }
            let group: Int
            if let known = groupIndex[k] {
                group = known
            } else {
                group = keys.count
                groupIndex[k] = group
                keys.append(k)
            }
            slotOf[institution.code] = groupOfSlot.count
            groupOfSlot.append(group)
            designated.append(institution.agreementStatus.isDesignated)
        }
        // Per window: the groups' sums, and what happened to each institution.
        var metrics = [[Metrics]](repeating: [Metrics](repeating: Metrics(), count: keys.count), count: windows.count)
        var flags = [[InstitutionFlags]](repeating: designated.map { $0 ? .designated : [] }, count: windows.count)

        for inspection in submission.inspections {
            guard let slot = slotOf[inspection.institutionCode], designated[slot] else { continue }
            let found: InstitutionFlags =
                switch inspection.method {
                case .selfInspection: .selfInspected
                case .random: [.random, .inspected]
                default: .inspected
                }
            for w in windows.indices where windows[w].contains(inspection.inspectedOn) { flags[w][slot].formUnion(found) }
        }

        for record in submission.cases {
            guard let slot = slotOf[record.institutionCode] else { continue }
            let g = groupOfSlot[slot]
            for w in windows.indices {
                let window = windows[w]
                if window.contains(record.policeTransferOn) { metrics[w][g].policeTransfers += 1 }
                if window.contains(record.disciplineTransferOn) { metrics[w][g].disciplineTransfers += 1 }
                if window.contains(record.exposedOn) { metrics[w][g].exposures += 1 }
                guard window.contains(record.openedOn) else { continue }
                metrics[w][g].handledCases += 1
                flags[w][slot].insert(.handled)
                if record.closedOn != nil { metrics[w][g].closedCases += 1 }
                metrics[w][g].amountInvolved += record.amountInvolved
                metrics[w][g].refusedRecovered += record.amountRefused + record.amountRecovered
                metrics[w][g].damagesFines += record.damages + record.fine
                metrics[w][g].voluntaryRefund += record.voluntaryRefund
                metrics[w][g].rewards += record.rewardPaid
                if record.actions.contains(.suspend) { flags[w][slot].insert(.suspended) }
                if record.actions.contains(.terminate) { flags[w][slot].insert(.terminated) }
            }
        }

        return windows.indices.map { w in
            for slot in groupOfSlot.indices {
                let f = flags[w][slot], g = groupOfSlot[slot]
                if f.contains(.designated) { metrics[w][g].designated += 1 }
                if f.contains(.inspected) { metrics[w][g].inspected += 1 }
                if f.contains(.random) { metrics[w][g].randomSampled += 1 }
                if f.contains(.selfInspected) { metrics[w][g].selfInspected += 1 }
                if f.contains(.handled) { metrics[w][g].handledInstitutions += 1 }
                if f.contains(.suspended) { metrics[w][g].suspensions += 1 }
                if f.contains(.terminated) { metrics[w][g].terminations += 1 }
            }
            return Dictionary(uniqueKeysWithValues: zip(keys, metrics[w]))
        }
    }
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
