import FundWatchCore
import FundWatchCrypto
import Testing

@Suite("SHA-256 through swift-crypto")
struct SHA256DigestTests {
    @Test("matches the FIPS 180-4 test vectors")
    func vectors() {
        #expect(SHA256Digest.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256Digest.hex(of: Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a content digest hashes the canonical form, whatever the blocks it is written in")
    func submissionDigest() {
        var record = CaseRecord(caseID: "2026-001", institutionCode: "H99010100001", openedOn: Day(iso: "2026-01-05")!,
                                source: .referral, violations: [])
        record.facts = String(repeating: "虚构诊疗项目 <x> & 'y' ", count: 2_000)
        let submission = Submission(
            header: SubmissionHeader(countyCode: "990101", countyName: "某县", period: YearMonth(year: 2026, month: 3)!,
                                     preparedBy: "张三", submittedOn: Day(iso: "2026-04-03")!),
            institutions: [Institution(code: "H99010100001", name: "某医院", category: .publicHospital, agreementStatus: .active)],
            inspections: [], cases: [record])
        var canonical: [UInt8] = []
        var blocks = 0
        submission.writeCanonicalForm { canonical.append(contentsOf: $0); blocks += 1 }
        #expect(blocks > 1, "a long text is handed on in several blocks")
        #expect(submission.contentDigest == SHA256Digest.hex(of: canonical))
        #expect(submission.contentDigest.count == 64)
        #expect(canonical.contains(0x1F) && canonical.contains(0x1E), "fields and rows are separated by unit and record separators")
    }
}
