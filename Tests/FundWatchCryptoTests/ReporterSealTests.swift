import Foundation
import FundWatchCrypto
import Testing

@Suite("Reporter seal (AES-GCM)")
struct ReporterSealTests {
    @Test("a sealed reporter opens with the same key only, and never contains the plain text")
    func roundTrip() throws {
        let hex = ReporterSeal.newKeyHex()
        #expect(hex.count == 64)
        let seal = try ReporterSeal(keyFileContents: Array((hex + "\n").utf8))
        let sealed = seal.seal("李四 13900000000")
        #expect(sealed.hasPrefix("aesgcm1:"))
        #expect(!sealed.contains("13900000000"))
        #expect(seal.open(sealed) == "李四 13900000000")
        // A fresh nonce each time: the same reporter never seals to the same text.
        #expect(seal.seal("李四 13900000000") != sealed)
        let other = try ReporterSeal(keyFileContents: Array(ReporterSeal.newKeyHex().utf8))
        #expect(other.open(sealed) == nil)
        // A tampered value does not open: flip one bit of each byte in turn (nonce, text, tag).
        var box = Array(Data(base64Encoded: String(sealed.dropFirst("aesgcm1:".count)))!)
        for i in box.indices {
            box[i] ^= 0x01
            #expect(seal.open("aesgcm1:" + Data(box).base64EncodedString()) == nil, "byte \(i) flipped")
            box[i] ^= 0x01
        }
        #expect(seal.open("aesgcm1:" + Data(box).base64EncodedString()) == "李四 13900000000")
        #expect(seal.seal("") == "")
    }

    @Test("keys: 32 raw bytes, 64 hex digits or base64; anything else is refused with a hint")
    func keyForms() throws {
        let raw = [UInt8](repeating: 7, count: 32)
        let a = try ReporterSeal(keyFileContents: raw)
        let b = try ReporterSeal(keyFileContents: Array(String(repeating: "07", count: 32).utf8))
        let c = try ReporterSeal(keyFileContents: Array(Data(raw).base64EncodedString().utf8))
        let sealed = a.seal("x")
        #expect(b.open(sealed) == "x" && c.open(sealed) == "x")
        #expect(throws: ReporterSeal.KeyProblem.self) { try ReporterSeal(keyFileContents: Array("short".utf8)) }
        do {
            _ = try ReporterSeal(keyFile: "/nonexistent/key")
            Issue.record("a missing key file was accepted")
        } catch {
            #expect(error.description.contains("/nonexistent/key"))
        }
    }

    @Test("without a key only presence is kept")
    func presenceOnly() {
        #expect(ReporterSeal.presenceOnly.seal("王五") == "present")
        #expect(ReporterSeal.presenceOnly.seal("") == "")
        #expect(ReporterSeal.presenceOnly.open("present") == nil)
    }
}
