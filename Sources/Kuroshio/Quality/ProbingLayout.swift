/// Where the parts of a KenLM binary model in the PROBING structure lie (KenLM's `build_binary probing`, format
/// version 5, the layout `kenlm.Model` maps): an 88-byte sanity header, the fixed parameters and the n-gram counts;
/// the vocabulary, a table of words' MurmurHash64A keys and ids; then the search: every unigram's probability and
/// back-off by id, one table of 16-byte entries per middle order and one of 12-byte entries for the longest; then
/// the words, NUL-terminated. Tables are probed linearly from `key % buckets`, key 0 marking an empty bucket.
public struct ProbingLayout: Sendable, Equatable {
    static let magic = Array("mmap lm http://kheafield.com/code format version 5\n".utf8)

    /// The sanity header: the magic padded to 56 bytes, then values that tell the byte order and float format.
    static let sanity: [UInt8] = {
        var bytes = magic + [UInt8](repeating: 0, count: 56 - magic.count)
        for value: UInt32 in [Float(0).bitPattern, Float(1).bitPattern, Float(-0.5).bitPattern, 1, 0xFFFF_FFFF, 0] {
            bytes += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        }
        return bytes + (0..<8).map { $0 == 0 ? 1 : 0 }
    }()

    /// KenLM's default probing multiplier: tables have 1.5 buckets per entry.
    public static let defaultMultiplier: Float = 1.5
    /// An order KenLM cannot have; `kenlm.Model` from PyPI reads up to 6.
    static let maxOrder = 64

    let order: Int
    let multiplier: Float
    /// The n-gram counts, unigrams first.
    let counts: [Int]

    /// The bytes of the header: sanity, parameters, counts, padded to 8 bytes.
    var headerBytes: Int { 112 + 8 * order }
    var vocabularyBuckets: Int { buckets(counts[0]) }
    /// The vocabulary's table, after its version and bound.
    var vocabularyTable: Int { headerBytes + 8 }
    var unigrams: Int { vocabularyTable + 12 * vocabularyBuckets }
    /// The middle tables (orders 2 to order − 1), each as its start and buckets.
    var middles: [(start: Int, buckets: Int)] {
        var start = unigrams + 8 * (counts[0] + 1)
        return (1..<(order - 1)).map { n in
            defer { start += 16 * buckets(counts[n]) }
            return (start, buckets(counts[n]))
        }
    }
    var longest: (start: Int, buckets: Int) {
        let start = middles.last.map { $0.start + 16 * $0.buckets } ?? unigrams + 8 * (counts[0] + 1)
        return (start, buckets(counts[order - 1]))
    }
    /// Where the words begin: the end of the tables.
    var words: Int { longest.start + 12 * longest.buckets }

    /// The layout of a model of these counts; nil when they are past what a file can hold.
    init?(order: Int, multiplier: Float = defaultMultiplier, counts: [Int]) {
        guard (2...Self.maxOrder).contains(order), counts.count == order, multiplier.isFinite, multiplier >= 1, multiplier <= 100,
              counts.allSatisfy({ (0..<(1 << 40)).contains($0) }), counts[0] > 0 else { return nil }
        (self.order, self.multiplier, self.counts) = (order, multiplier, counts)
    }

    /// KenLM's table size for `count` entries: `count × multiplier` in 32-bit floats, and one empty bucket at least.
    func buckets(_ count: Int) -> Int { max(count + 1, Int(Float(count) * multiplier)) }

    /// KenLM's key of an n-gram of word ids, from its last word back to its first.
    static func key<C: BidirectionalCollection<Int32>>(_ ids: C) -> UInt64 {
        var key = UInt64(UInt32(bitPattern: ids.last!))
        for id in ids.dropLast().reversed() { key = combine(key, id) }
        return key
    }

    /// One more word of context.
    static func combine(_ key: UInt64, _ id: Int32) -> UInt64 {
        (key &* 8_978_948_897_894_561_157) ^ (UInt64(UInt32(bitPattern: id) &+ 1) &* 17_894_857_484_156_487_943)
    }

    /// MurmurHash64A with seed 0, the key of a word in the vocabulary.
    static func hash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 where C.Index == Int {
        let m: UInt64 = 0xC6A4_A793_5BD1_E995
        var h = UInt64(bytes.count) &* m
        var i = bytes.startIndex
        while bytes.endIndex - i >= 8 {
            var k: UInt64 = 0
            for j in 0..<8 { k |= UInt64(bytes[i + j]) << (8 * j) }
            k = k &* m
            k ^= k >> 47
            k = k &* m
            h ^= k
            h = h &* m
            i += 8
        }
        if i < bytes.endIndex {
            for j in 0..<(bytes.endIndex - i) { h ^= UInt64(bytes[i + j]) << (8 * j) }
            h = h &* m
        }
        h ^= h >> 47
        h = h &* m
        h ^= h >> 47
        return h
    }
}
