/// MinHash signatures by one-permutation hashing with optimal densification (Li, Owen and Zhang 2012;
/// Shrivastava 2017). Each shingle is hashed once; the top bits of its hash pick one of `hashes` bins and the low 32
/// bits are its value; each bin keeps its least value. A bin no shingle fell into borrows the value of the first
/// non-empty bin on a probe sequence fixed by the bin's index. Two documents then agree in any one bin with
/// probability equal to their Jaccard similarity, as with `hashes` independent permutations, at the cost of one hash
/// per shingle instead of `hashes`.
public struct MinHasher: Sendable {
    public let hashes: Int

    public init(hashes: Int) { self.hashes = max(1, hashes) }

    /// The signature of a shingle set (`hashes` values), written over `signature`; false when there are no shingles.
    public func signature(of shingles: [UInt64], into signature: inout [UInt32]) -> Bool {
        let k = UInt64(hashes)
        var bins = [UInt64](repeating: .max, count: hashes)
        for shingle in shingles {
            let bin = Int(shingle.multipliedFullWidth(by: k).high)
            let value = shingle & 0xFFFF_FFFF
            if value < bins[bin] { bins[bin] = value }
        }
        if signature.count != hashes { signature = [UInt32](repeating: 0, count: hashes) }
        guard !shingles.isEmpty else { return false }
        for i in 0..<hashes {
            var value = bins[i]
            var attempt: UInt64 = 1
            while value == .max {
                let probe = Int(Hash64.mix(UInt64(i) << 32 | attempt).multipliedFullWidth(by: k).high)
                value = bins[probe]
                attempt += 1
            }
            signature[i] = UInt32(truncatingIfNeeded: value)
        }
        return true
    }

    /// The share of positions where two signatures agree: the estimate of their Jaccard similarity.
    public static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        var equal = 0
        for i in 0..<min(a.count, b.count) where a[i] == b[i] { equal += 1 }
        return Double(equal) / Double(max(1, min(a.count, b.count)))
    }

    /// The hash of band `band` (`rows` values from `band * rows`); never 0, which marks "no signature".
    public static func bandHash(_ signature: [UInt32], band: Int, rows: Int) -> UInt64 {
        var h = Hash64.mix(UInt64(band))
        for i in band * rows..<(band + 1) * rows { h = Hash64.mix(h ^ UInt64(signature[i])) }
        return h | 1
    }
}
