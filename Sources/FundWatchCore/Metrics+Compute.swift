extension Metrics {
    /// Computes the metrics of one county's submission over `window`.
    ///
    /// - Parameter including: restricts every figure to institutions for which it returns
    ///   true (the by-category table); cases and inspections follow their institution.
    public init(submission: Submission, window: Window, including: (Institution) -> Bool = { _ in true }) {
        self.init()
        var counted: [String: Institution] = [:]
        counted.reserveCapacity(submission.institutions.count)
        var designatedCodes = Set<String>()
        for institution in submission.institutions where including(institution) {
            counted[institution.code] = institution
            if institution.agreementStatus.isDesignated {
                designatedCodes.insert(institution.code)
            }
        }
        designated = designatedCodes.count

        var inspectedCodes = Set<String>(), randomCodes = Set<String>(), selfCodes = Set<String>()
        for inspection in submission.inspections
        where window.contains(inspection.inspectedOn) && designatedCodes.contains(inspection.institutionCode) {
            switch inspection.method {
            case .selfInspection: selfCodes.insert(inspection.institutionCode)
            case .random:
                randomCodes.insert(inspection.institutionCode)
                inspectedCodes.insert(inspection.institutionCode)
            default: inspectedCodes.insert(inspection.institutionCode)
            }
        }
        inspected = inspectedCodes.count
        randomSampled = randomCodes.count
        selfInspected = selfCodes.count

        var handledCodes = Set<String>(), suspendedCodes = Set<String>(), terminatedCodes = Set<String>()
        for record in submission.cases where counted[record.institutionCode] != nil {
            if window.contains(record.policeTransferOn) { policeTransfers += 1 }
            if window.contains(record.disciplineTransferOn) { disciplineTransfers += 1 }
            if window.contains(record.exposedOn) { exposures += 1 }
            guard window.contains(record.openedOn) else { continue }
            handledCases += 1
            handledCodes.insert(record.institutionCode)
            if record.closedOn != nil { closedCases += 1 }
            amountInvolved += record.amountInvolved
            refusedRecovered += record.amountRefused + record.amountRecovered
            damagesFines += record.damages + record.fine
            voluntaryRefund += record.voluntaryRefund
            rewards += record.rewardPaid
            if record.actions.contains(.suspend) { suspendedCodes.insert(record.institutionCode) }
            if record.actions.contains(.terminate) { terminatedCodes.insert(record.institutionCode) }
        }
        handledInstitutions = handledCodes.count
        suspensions = suspendedCodes.count
        terminations = terminatedCodes.count
    }
}
