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
    public static func grouped<Key: Hashable>(_ submission: Submission, window: Window, by key: (Institution) -> Key?) -> [Key: Metrics] {
        var groupOf: [String: (key: Key, designated: Bool)] = [:]
        groupOf.reserveCapacity(submission.institutions.count)
        var tallies: [Key: Tally] = [:]
        for institution in submission.institutions {
            guard let k = key(institution) else { continue }
            let designated = institution.agreementStatus.isDesignated
            groupOf[institution.code] = (k, designated)
            if designated {
                tallies[k, default: Tally()].designated.insert(institution.code)
            } else if tallies[k] == nil {
                tallies[k] = Tally()
            }
        }

        for inspection in submission.inspections where window.contains(inspection.inspectedOn) {
            guard let group = groupOf[inspection.institutionCode], group.designated else { continue }
            let code = inspection.institutionCode
            switch inspection.method {
            case .selfInspection: tallies[group.key]!.selfInspected.insert(code)
            case .random:
                tallies[group.key]!.random.insert(code)
                tallies[group.key]!.inspected.insert(code)
            default: tallies[group.key]!.inspected.insert(code)
            }
        }

        for record in submission.cases {
            guard let group = groupOf[record.institutionCode] else { continue }
            let code = record.institutionCode
            var t = tallies.removeValue(forKey: group.key)!
            if window.contains(record.policeTransferOn) { t.metrics.policeTransfers += 1 }
            if window.contains(record.disciplineTransferOn) { t.metrics.disciplineTransfers += 1 }
            if window.contains(record.exposedOn) { t.metrics.exposures += 1 }
            if window.contains(record.openedOn) {
                t.metrics.handledCases += 1
                t.handled.insert(code)
                if record.closedOn != nil { t.metrics.closedCases += 1 }
                t.metrics.amountInvolved += record.amountInvolved
                t.metrics.refusedRecovered += record.amountRefused + record.amountRecovered
                t.metrics.damagesFines += record.damages + record.fine
                t.metrics.voluntaryRefund += record.voluntaryRefund
                t.metrics.rewards += record.rewardPaid
                if record.actions.contains(.suspend) { t.suspended.insert(code) }
                if record.actions.contains(.terminate) { t.terminated.insert(code) }
            }
            tallies[group.key] = t
        }

        return tallies.mapValues { tally in
            var m = tally.metrics
            m.designated = tally.designated.count
            m.inspected = tally.inspected.count
            m.randomSampled = tally.random.count
            m.selfInspected = tally.selfInspected.count
            m.handledInstitutions = tally.handled.count
            m.suspensions = tally.suspended.count
            m.terminations = tally.terminated.count
            return m
        }
    }
}

/// One group's running counts, with the distinct institutions behind each count.
private struct Tally {
    var metrics = Metrics()
    var designated = Set<String>(), inspected = Set<String>(), random = Set<String>(), selfInspected = Set<String>()
    var handled = Set<String>(), suspended = Set<String>(), terminated = Set<String>()
}
