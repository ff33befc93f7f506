import Foundation
import FundWatchCore
import FundWatchCrypto
import FundWatchZip

/// Reads submissions from their sources, applying every rule of FORMAT.md.
public struct SubmissionReader: Sendable {
    public var limits: ReadLimits
    /// How the reporter enters each submission's content digest (its presence, or a keyed HMAC).
    public var seal: ReporterSeal

    public init(limits: ReadLimits = .standard, seal: ReporterSeal = .presenceOnly) {
        self.limits = limits
        self.seal = seal
    }

    /// Reads one source.
    public func read(_ source: SubmissionSource) -> ReadOutcome<Submission> {
        switch source.kind {
        case .xml(let input):
            let (submission, findings) = XMLSubmissionReader(limits: limits).read(input.stream)
            return outcome(source, submission, findings)
        case .xlsx(let input):
            let result = XLSXSubmissionReader(limits: limits).read(input)
            var read = outcome(source, result.submission, result.findings)
            read.explanations = result.explanations
            return read
        case .csvFolder(let path):
            let streams = Dictionary(
                uniqueKeysWithValues: Register.allCases.compactMap { register -> (Register, ByteStream)? in
                    let file = SourceDiscovery.join(path, register.fileName)
                    guard FileManager.default.fileExists(atPath: file) else { return nil }
                    return (register, FileByteStream(path: file, displayName: file))
                })
            return readCSV(source, streams: streams, folderName: path)
        case .csvZip(let input, let folder):
            let archive: ZipArchive
            do {
                archive = try input.openZip(limits: limits.zip)
            } catch {
                var findings = FindingCollector()
                findings.add(Finding(zip: error, archive: input.displayName))
                return outcome(source, nil, findings)
            }
            var streams: [Register: ByteStream] = [:]
            for entry in archive.entries where !entry.isDirectory {
                let (entryFolder, name) = ZipEntryName.split(entry.name)
                guard entryFolder == folder, let register = Register.allCases.first(where: { $0.fileName == name }) else { continue }
                streams[register] = ZipEntryStream(archive: archive, entry: entry, displayName: "\(input.displayName)!/\(entry.name)")
            }
            return readCSV(source, streams: streams, folderName: source.displayName)
        }
    }

    /// Finds and reads the submissions `inputs` name, keeping `summarise(submission)` of each.
    public func read<Summary: Sendable>(_ inputs: [SubmissionInput], summarising summarise: @Sendable (Submission) -> Summary) -> ReadBatch<Summary> {
        let discovery = SourceDiscovery(inputs, zipLimits: limits.zip)
        return ReadBatch(outcomes: read(discovery.sources, summarising: summarise), inputFindings: discovery.findings)
    }

    private func outcome(_ source: SubmissionSource, _ submission: Submission?, _ findings: FindingCollector) -> ReadOutcome<Submission> {
        ReadOutcome(
            source: source, payload: submission, header: submission?.header, findings: findings, digest: submission?.contentDigest(seal: seal))
    }

    /// Reads many sources, in parallel on every core, keeping only `summarise(submission)` of
    /// each (`{ $0 }` keeps the submission): memory holds one submission per core at a time,
    /// not all of them. Results keep the sources' order.
    public func read<Summary: Sendable>(
        _ sources: [SubmissionSource],
        summarising summarise: @Sendable (Submission) -> Summary
    ) -> [ReadOutcome<Summary>] {
        sources.parallelMap { read($0).map(summarise) }
    }

    /// Reads `sources` batch by batch, in parallel, and hands each outcome to `body` in the
    /// sources' order while the next batch is being read: a writer (an import into a store)
    /// works at the same time as the readers, and memory holds two batches, not everything.
    /// `prepare` runs on the reading threads, next to the reading (the rows a store writes).
    public func forEach<Prepared: Sendable>(
        _ sources: [SubmissionSource], batchSize: Int = 16,
        preparing prepare: @escaping @Sendable (Submission) -> Prepared,
        _ body: (ReadOutcome<Prepared>) async throws -> Void
    ) async throws {
        try await forEachBatch(sources, batchSize: batchSize, preparing: prepare) { batch in
            for item in batch { try await body(item) }
        }
    }

    /// ``forEach(_:batchSize:preparing:_:)`` handing on a batch at a time (an import stores
    /// each batch in one transaction).
    public func forEachBatch<Prepared: Sendable>(
        _ sources: [SubmissionSource], batchSize: Int = 16,
        preparing prepare: @escaping @Sendable (Submission) -> Prepared,
        _ body: ([ReadOutcome<Prepared>]) async throws -> Void
    ) async throws {
        let size = max(1, batchSize)
        let batches = stride(from: 0, to: sources.count, by: size).map { Array(sources[$0..<min($0 + size, sources.count)]) }
        let reader = self
        // Each batch is read on a dispatch queue (the reading is CPU-heavy), never on Swift's
        // cooperative pool.
        func start(_ index: Int) -> Task<[ReadOutcome<Prepared>], Never>? {
            guard index < batches.count else { return nil }
            let batch = batches[index]
            return Task { await offloaded { reader.read(batch, summarising: prepare) } }
        }
        var next = start(0)
        for index in batches.indices {
            guard let current = next else { break }
            let outcomes = await current.value
            next = start(index + 1)
            try await body(outcomes)
        }
    }

    private func readCSV(_ source: SubmissionSource, streams: [Register: ByteStream], folderName: String) -> ReadOutcome<Submission> {
        var collector = FindingCollector()
        let missing = Register.allCases.filter { streams[$0] == nil && !$0.isOptional }
        for register in missing {
            collector.add(
                .fileMissing, at: FindingLocation(file: SourceDiscovery.join(folderName, register.fileName), line: nil),
                detail: register.fileName, detailEN: register.fileName)
        }
        guard missing.isEmpty else { return outcome(source, nil, collector) }

        let reader = CSVRegisterReader(limits: limits)
        let budget = CSVRegisterReader.ByteBudget(limit: limits.maxSubmissionBytes)
        var builder = SubmissionBuilder(collector: collector)
        let errorsBefore = builder.collector.errorCount
        let header = reader.readHeader(from: streams[.header]!, budget: budget, into: &builder)
        let headerReadable = builder.collector.errorCount == errorsBefore
        for register in [Register.institutions, .inspections, .cases, .tipoffs] {
            guard let stream = streams[register] else { continue }
            reader.readRegister(register, from: stream, budget: budget, into: &builder)
        }
        if headerReadable { builder.addHeader(header) }
        let submission = builder.finish()
        return outcome(source, submission, builder.collector)
    }
}
