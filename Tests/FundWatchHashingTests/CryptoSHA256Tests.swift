import Testing
import FundWatchCore
@testable import FundWatchHashing

@Suite("SHA-256 through swift-crypto")
struct CryptoSHA256Tests {
    private func digest<H: SHA256Hashing>(_ type: H.Type, _ bytes: [UInt8], pieces: Int = 1) -> String {
        var hasher = H()
        let size = max(1, bytes.count / pieces)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            bytes[start..<end].withUnsafeBytes { hasher.update($0) }
            start = end
        }
        return hasher.finalizeHex()
    }

    @Test("known answers (FIPS 180-4 examples)")
    func knownAnswers() {
        #expect(digest(CryptoSHA256.self, []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest(CryptoSHA256.self, Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest(CryptoSHA256.self, Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("the same digest as the core's portable SHA-256, at every length around the block size and in pieces")
    func agreesWithPortable() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...200) + [1_000, 65_536, 1_000_003] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let portable = digest(FundWatchCore.SHA256.self, bytes)
            #expect(digest(CryptoSHA256.self, bytes) == portable, "length \(length)")
            #expect(digest(CryptoSHA256.self, bytes, pieces: 7) == portable, "length \(length) in pieces")
        }
    }

    @Test("a submission's content digest is the same with either")
    func submissionDigest() {
        var record = CaseRecord(caseID: "2026-001", institutionCode: "H99010100001", openedOn: Day(iso: "2026-01-05")!,
                                source: .referral, violations: [])
        record.facts = "虚构诊疗项目 <x> & 'y'"
        let submission = Submission(
            header: SubmissionHeader(countyCode: "990101", countyName: "某县", period: YearMonth(year: 2026, month: 3)!,
                                     preparedBy: "张三", submittedOn: Day(iso: "2026-04-03")!),
            institutions: [Institution(code: "H99010100001", name: "某医院", category: .publicHospital, agreementStatus: .active)],
            inspections: [], cases: [record])
        #expect(submission.contentDigest(using: CryptoSHA256.self) == submission.contentDigest)
        #expect(submission.contentDigest.count == 64)
    }
}
