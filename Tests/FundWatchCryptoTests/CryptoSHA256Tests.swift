import FundWatchCore
import FundWatchCrypto
import Testing

@Suite("SHA-256 through swift-crypto")
struct SHA256DigestTests {
    @Test("matches the FIPS 180-4 test vectors")
    func vectors() {
        #expect(SHA256Digest.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256Digest.hex(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256Digest.hex(of: Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a content digest hashes the canonical form, whatever the blocks it is written in")
    func submissionDigest() {
        var record = CaseRecord(
            caseID: "2026-001", institutionCode: "H99010100001", openedOn: Day(iso: "2026-01-05")!,
            source: .referral, violations: [])
        record.facts = String(repeating: "虚构诊疗项目 <x> & 'y' ", count: 2_000)
        let submission = Submission(
            header: SubmissionHeader(
                countyCode: "990101", countyName: "某县", period: YearMonth(year: 2026, month: 3)!,
                preparedBy: "张三", submittedOn: Day(iso: "2026-04-03")!),
            institutions: [Institution(code: "H99010100001", name: "某医院", category: .publicHospital, agreementStatus: .active)],
            inspections: [], cases: [record])
        var canonical: [UInt8] = []
        var blocks = 0
        submission.writeCanonicalForm(reporter: { ReporterSeal.presenceOnly.digestToken($0.revealedForStorage) }) {
            canonical.append(contentsOf: $0)
            blocks += 1
        }
        #expect(blocks > 1, "a long text is handed on in several blocks")
        #expect(submission.contentDigest() == SHA256Digest.hex(of: canonical))
        #expect(submission.contentDigest().count == 64)
        #expect(canonical.contains(0x1F) && canonical.contains(0x1E), "fields and rows are separated by unit and record separators")
    }

    static func submission(reporter: String) -> Submission {
        var record = CaseRecord(
            caseID: "2026-002", institutionCode: "P99010100001", openedOn: Day(iso: "2026-03-13")!,
            source: .method(.tipoff), violations: [.cardMisuse])
        record.reporter = Confidential(reporter)
        return Submission(
            header: SubmissionHeader(
                countyCode: "990101", countyName: "示例区", period: YearMonth(year: 2026, month: 3)!,
                preparedBy: "王晓", submittedOn: Day(iso: "2026-04-03")!),
            institutions: [Institution(code: "P99010100001", name: "药房", category: .pharmacy, agreementStatus: .active)],
            inspections: [], cases: [record])
    }

    @Test(
        "a digest never holds the reporter's text: without a key only whether there is one, with a key an HMAC no one without it can test a guess against"
    )
    func reporterInDigests() throws {
        let a = Self.submission(reporter: "张某某,电话13800000000"), b = Self.submission(reporter: "张某某,电话13800000001")
        let none = Self.submission(reporter: "")
        // The digest as it was before: the plain reporter hashed in. A guess of the number reproduced it.
        let plain = a.contentDigest(reporterToken: { $0.revealedForStorage })
        #expect(a.contentDigest() != plain)
        // Without a key: presence only. Any reporter gives the same digest, so the digest says nothing of who.
        #expect(a.contentDigest() == b.contentDigest() && a.contentDigest() != none.contentDigest())
        #expect(ReporterSeal.presenceOnly.digestToken("张某某") == "present" && ReporterSeal.presenceOnly.digestScheme == "presence")
        // With a key: a corrected reporter is a different content, and the digest depends on the key.
        let key = try ReporterSeal(keyFileContents: Array(String(repeating: "ab", count: 32).utf8))
        let other = try ReporterSeal(keyFileContents: Array(String(repeating: "cd", count: 32).utf8))
        #expect(a.contentDigest(seal: key) != b.contentDigest(seal: key))
        #expect(a.contentDigest(seal: key) != a.contentDigest(seal: other))
        #expect(a.contentDigest(seal: key) == Self.submission(reporter: "张某某,电话13800000000").contentDigest(seal: key))
        let token = key.digestToken("张某某,电话13800000000")
        #expect(token.hasPrefix("hmac1:") && token.count == 6 + 64 && !token.contains("1380"))
        #expect(key.digestScheme.hasPrefix("hmac1:") && key.digestScheme != other.digestScheme)
        // A stored sealed value reads back to the same token; one sealed under another key counts as present.
        #expect(key.digestToken(stored: key.seal("张某某,电话13800000000")) == token)
        #expect(key.digestToken(stored: other.seal("张某某")) == "present" && key.digestToken(stored: "present") == "present")
        #expect(key.digestToken(stored: "") == "" && key.digestToken("") == "")
    }
}
