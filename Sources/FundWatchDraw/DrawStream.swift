import FundWatchCrypto

/// The draw's random numbers: a counter-mode SHA-256 stream, one per named use (a stratum,
/// a target's inspectors), so anyone can recompute every number from the published seed
/// and input digest (docs/DRAW.md, "The stream").
///
///     key     = SHA-256( UTF-8(seed) ‖ 0x00 ‖ ASCII(inputs digest, 64 hex digits) )
///     block i = SHA-256( key ‖ UTF-8(label) ‖ 0x00 ‖ i as 8 bytes big-endian ),  i = 0, 1, 2 …
///
/// Each block gives four 64-bit words (big-endian, in order). A number below `m` is the
/// next word `x` with `x < 2^64 − (2^64 mod m)`, taken mod `m` (words at or above the
/// limit are skipped, so every value is equally likely).
public struct DrawStream {
    private let prefix: [UInt8]
    private var counter: UInt64 = 0
    private var words: [UInt64] = []

    /// The key of a draw.
    public static func key(seed: String, inputsDigest: String) -> [UInt8] {
        SHA256Digest.bytes(of: Array(seed.utf8) + [0] + Array(inputsDigest.utf8))
    }

    public init(key: [UInt8], label: String) {
        prefix = key + Array(label.utf8) + [0]
    }

    /// The next 64-bit word.
    public mutating func nextWord() -> UInt64 {
        if words.isEmpty {
            var block = prefix
            for shift in stride(from: 56, through: 0, by: -8) { block.append(UInt8(truncatingIfNeeded: counter >> UInt64(shift))) }
            counter += 1
            let digest = SHA256Digest.bytes(of: block)
            words = (0..<4).reversed().map { w in digest[(w * 8)..<(w * 8 + 8)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        }
        return words.removeLast()
    }

    /// A number in `0..<m`, every one equally likely.
    public mutating func below(_ m: Int) -> Int {
        precondition(m > 0)
        let bound = UInt64(m)
        let limit = UInt64.max - (UInt64.max % bound + 1) % bound  // the largest multiple of m, minus one
        while true {
            let x = nextWord()
            if x <= limit { return Int(x % bound) }
        }
    }

    /// `count` of `items` in draw order: the first `count` steps of a Fisher–Yates shuffle
    /// (step i swaps position i with position i + below(n − i)).
    public mutating func choose<T>(_ count: Int, of items: [T]) -> [T] {
        var pool = items
        let k = min(count, pool.count)
        for i in 0..<k {
            let j = i + below(pool.count - i)
            pool.swapAt(i, j)
        }
        return Array(pool.prefix(k))
    }
}
