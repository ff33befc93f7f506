import FundWatchCore
import Foundation
import ZIPFoundation

/// The outcome of reading one submission: what was kept of it when it has no error (the
/// submission itself, or a summary made from it), its header, and every finding (errors
/// and warnings).
public struct Loaded<Payload: Sendable>: Sendable {
    public var source: SubmissionSource
    /// Nil when any error was found: a submission is accepted or rejected whole.
    public var payload: Payload?
    /// The header of an accepted submission.
    public var header: SubmissionHeader?
    public var findings: FindingCollector
    /// The submission's content digest, computed on the reading thread.
    public var digest: String?

    public var isAccepted: Bool { payload != nil }

    /// The same outcome keeping `transform(submission)` instead of the submission.
    public func map<Other: Sendable>(_ transform: (Payload) -> Other) -> Loaded<Other> {
        Loaded<Other>(source: source, payload: payload.map(transform), header: header, findings: findings, digest: digest)
    }
}

/// A submission as read: the registers themselves.
public typealias LoadedSubmission = Loaded<Submission>

extension Loaded where Payload == Submission {
    init(source: SubmissionSource, submission: Submission?, findings: FindingCollector, digest: (Submission) -> String) {
        self.init(source: source, payload: submission, header: submission?.header, findings: findings,
                  digest: submission.map(digest))
    }

    /// The submission, when accepted.
    public var submission: Submission? { payload }
}

/// Reads submissions from their sources, applying every rule of FORMAT.md.
public struct SubmissionReader: Sendable {
    public var limits: ReadLimits
    /// How an accepted submission's content digest is computed (the core's portable SHA-256
    /// unless the caller has a faster one; the digest is the same).
    public var digest: @Sendable (Submission) -> String

    public init(limits: ReadLimits = .standard, digest: @escaping @Sendable (Submission) -> String = { $0.contentDigest }) {
        self.limits = limits
        self.digest = digest
    }

    /// Reads one source.
    public func read(_ source: SubmissionSource) -> LoadedSubmission {
        switch source.kind {
        case .xml(let path):
            let (submission, findings) = XMLSubmissionReader(limits: limits).read(path: path, displayName: path)
            return LoadedSubmission(source: source, submission: submission, findings: findings, digest: digest)
        case .csvFolder(let path):
            let streams = Dictionary(uniqueKeysWithValues: Register.allCases.compactMap { register -> (Register, ByteStream)? in
                let file = SourceDiscovery.join(path, register.fileName)
                guard FileManager.default.fileExists(atPath: file) else { return nil }
                return (register, FileByteStream(path: file, displayName: file))
            })
            return readCSV(source, streams: streams, folderName: path)
        case .csvZip(let archivePath, let folder):
            do {
                let archive = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .read)
                var streams: [Register: ByteStream] = [:]
                for entry in archive where entry.type == .file {
                    let (entryFolder, name) = ZipLayout.split(entry.path)
                    guard entryFolder == folder, let register = Register.allCases.first(where: { $0.fileName == name }) else { continue }
                    streams[register] = ZipEntryStream(archive: archive, entry: entry, displayName: "\(archivePath)!/\(entry.path)")
                }
                return readCSV(source, streams: streams, folderName: source.displayName)
            } catch {
                var findings = FindingCollector()
                findings.add(.zipInvalid, at: SourceLocation(file: archivePath, line: nil))
                return LoadedSubmission(source: source, submission: nil, findings: findings, digest: digest)
            }
        }
    }

    /// Reads many sources, in parallel on every core, keeping only `summarise(submission)` of
    /// each (`{ $0 }` keeps the submission): memory holds one submission per core at a time,
    /// not all of them. Results keep the sources' order.
    public func read<Summary: Sendable>(_ sources: [SubmissionSource],
                                        summarising summarise: @Sendable (Submission) -> Summary) -> [Loaded<Summary>] {
        sources.parallelMap { read($0).map(summarise) }
    }

    /// Reads `sources` batch by batch, in parallel, and hands each outcome to `body` in the
    /// sources' order while the next batch is being read: a writer (an import into a store)
    /// works at the same time as the readers, and memory holds two batches, not everything.
    /// `prepare` runs on the reading threads, next to the reading (the rows a store writes).
    public func forEach<Prepared: Sendable>(_ sources: [SubmissionSource], batchSize: Int = 16,
                                            preparing prepare: @escaping @Sendable (Submission) -> Prepared,
                                            _ body: (Loaded<Prepared>) async throws -> Void) async throws {
        let size = max(1, batchSize)
        let batches = stride(from: 0, to: sources.count, by: size).map { Array(sources[$0..<min($0 + size, sources.count)]) }
        let reader = self
        func start(_ index: Int) -> Task<[Loaded<Prepared>], Never>? {
            guard index < batches.count else { return nil }
            let batch = batches[index]
            return Task.detached { reader.read(batch, summarising: prepare) }
        }
        var next = start(0)
        for index in batches.indices {
            guard let current = next else { break }
            let loaded = await current.value
            next = start(index + 1)
            for item in loaded { try await body(item) }
        }
    }

    private func readCSV(_ source: SubmissionSource, streams: [Register: ByteStream], folderName: String) -> LoadedSubmission {
        var collector = FindingCollector()
        let missing = Register.allCases.filter { streams[$0] == nil }
        for register in missing {
            collector.add(.fileMissing, at: SourceLocation(file: SourceDiscovery.join(folderName, register.fileName), line: nil),
                          detail: register.fileName, detailEN: register.fileName)
        }
        guard missing.isEmpty else { return LoadedSubmission(source: source, submission: nil, findings: collector, digest: digest) }

        let reader = CSVRegisterReader(limits: limits)
        let budget = CSVRegisterReader.ByteBudget(limit: limits.maxSubmissionBytes)
        var builder = SubmissionBuilder(collector: collector)
        let errorsBefore = builder.collector.errorCount
        let header = reader.readHeader(from: streams[.header]!, budget: budget, into: &builder)
        let headerReadable = builder.collector.errorCount == errorsBefore
        for register in [Register.institutions, .inspections, .cases] {
            reader.readRegister(register, from: streams[register]!, budget: budget, into: &builder)
        }
        if headerReadable { builder.addHeader(header) }
        let submission = builder.finish()
        return LoadedSubmission(source: source, submission: submission, findings: builder.collector, digest: digest)
    }
}

