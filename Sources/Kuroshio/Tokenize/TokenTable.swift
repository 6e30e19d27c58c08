/// An immutable map from byte strings (token texts) to ids, looked up by a range of bytes without building an array.
/// Open addressing where a slot holds a key's first bytes, length, hash and id, so that most lookups touch one cache
/// line; keys longer than 8 bytes are also compared with their stored bytes. A hash collision cannot mislead.
struct TokenTable: Sendable {
    private struct Slot {
        /// `packed(key)`: the key's bytes when it has at most 8, else its first 8.
        var packed: UInt64
        /// The key's hash (high 32 bits), its length capped at 255 (8 bits) and its id (low 24 bits); 0 when empty.
        var meta: UInt64
    }

    private let slots: [Slot]
    private let mask: Int
    /// The bytes of every key longer than 8 bytes, back to back, and each id's range in them.
    private let longKeys: [UInt8]
    private let longKeyRanges: [Int32: Range<Int32>]
    /// The largest id, or -1 when empty.
    let largestID: Int32

    /// Entries with an empty key, or an id outside 0..<2^24, are left out; the first id given for a byte string wins.
    init<Keys: Sequence>(_ entries: Keys) where Keys.Element == ([UInt8], Int32) {
        var keys: [UInt8] = [], starts: [Int32] = [0], ids: [Int32] = []
        for (key, id) in entries {
            keys += key
            starts.append(Int32(keys.count))
            ids.append(id)
        }
        self.init(keys: keys, starts: starts, ids: ids)
    }

    /// The same, with the keys back to back in `keys`: key `k` spans `starts[k]..<starts[k + 1]` and has id `ids[k]`.
    init(keys: [UInt8], starts: [Int32], ids: [Int32]) {
        precondition(starts.count == ids.count + 1 && Int(starts.last ?? 0) <= keys.count)
        var capacity = 16
        while capacity < ids.count * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(packed: 0, meta: 0), count: capacity)
        var longKeys: [UInt8] = [], longKeyRanges: [Int32: Range<Int32>] = [:]
        var largestID: Int32 = -1
        let keys = keys.span
        for (k, id) in ids.enumerated() where (0..<1 << 24).contains(id) && starts[k] < starts[k + 1] {
            let key = keys.extracting(Int(starts[k])..<Int(starts[k + 1]))
            let (packed, meta) = Self.describe(key)
            var slot = Int(truncatingIfNeeded: meta >> 32) & (capacity - 1)
            var duplicate = false
            while slots[slot].meta != 0 {
                if slots[slot].packed == packed && slots[slot].meta >> 24 == meta >> 24 {
                    // Equal unless a long key differs after its first 8 bytes.
                    let other = longKeyRanges[Int32(truncatingIfNeeded: slots[slot].meta & 0xFF_FFFF)]
                    duplicate = other.map { longKeys.span.extracting(Int($0.lowerBound)..<Int($0.upperBound)).elementsEqual(key) } ?? true
                    if duplicate { break }
                }
                slot = (slot + 1) & (capacity - 1)
            }
            guard !duplicate else { continue }
            slots[slot] = Slot(packed: packed, meta: meta | UInt64(id))
            largestID = max(largestID, id)
            if key.count > 8 {
                longKeyRanges[id] = Int32(longKeys.count)..<Int32(longKeys.count + key.count)
                longKeys.append(key)
            }
        }
        self.slots = slots
        mask = capacity - 1
        self.longKeys = longKeys
        self.longKeyRanges = longKeyRanges
        self.largestID = largestID
    }

    /// The id of `key`.
    subscript(key: Span<UInt8>) -> Int32? {
        guard !key.isEmpty else { return nil }
        let (packed, meta) = Self.describe(key)
        var slot = Int(truncatingIfNeeded: meta >> 32) & mask
        while true {
            let found = slots[slot]
            if found.meta == 0 { return nil }
            if found.packed == packed && found.meta >> 24 == meta >> 24 {
                let id = Int32(truncatingIfNeeded: found.meta & 0xFF_FFFF)
                if key.count <= 8 || longKeyMatches(id, key) { return id }
            }
            slot = (slot + 1) & mask
        }
    }

    private func longKeyMatches(_ id: Int32, _ key: Span<UInt8>) -> Bool {
        guard let range = longKeyRanges[id], Int(range.count) == key.count else { return false }
        return longKeys.span.extracting(Int(range.lowerBound)..<Int(range.upperBound)).elementsEqual(key)
    }

    /// A small direct-mapped memo of lookups of keys up to 16 bytes, for one thread: a BPE asks for the same short
    /// pairs again and again, and the memo answers from cache where the table would miss it. Such a key is fixed by
    /// its length, its first 8 bytes and its last 8 (overlapping loads; `packed` below 8 bytes), so a hit is exact.
    struct Memo: Sendable {
        private struct Entry {
            var first: UInt64, last: UInt64
            /// Length (bits 32–39, 0 when empty) and the id, or -1 for a key not in the table.
            var answer: UInt64
        }
        private var entries = [Entry](repeating: Entry(first: 0, last: 0, answer: 0), count: 1 << 14)

        @inline(__always)
        mutating func lookup(_ key: Span<UInt8>, in table: TokenTable) -> Int32? {
            let n = key.count
            guard n <= 16, n > 0 else { return table[key] }
            let first = TokenTable.packed(key)
            let last = n > 8 ? key.word(at: n - 8) : 0
            let slot = Int(truncatingIfNeeded: ((first ^ last &* 0xD6E8_FEB8_6659_FD93 ^ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15) >> 50)
            let entry = entries[slot]
            if entry.first == first && entry.last == last && entry.answer >> 32 == UInt64(n) {
                let id = Int32(truncatingIfNeeded: entry.answer)
                return id < 0 ? nil : id
            }
            let id = table[key]
            entries[slot] = Entry(first: first, last: last, answer: UInt64(n) << 32 | UInt64(UInt32(bitPattern: id ?? -1)))
            return id
        }
    }

    subscript(key: [UInt8]) -> Int32? { self[key.span] }

    subscript(key: String) -> Int32? { self[key.utf8.span] }

    /// A key's packed bytes: all of a short key, in a few overlapping loads, which given the length fix every byte;
    /// the first 8 bytes of a longer one.
    @inline(__always)
    static func packed(_ key: Span<UInt8>) -> UInt64 {
        let n = key.count
        if n >= 8 { return key.word(at: 0) }
        if n >= 4 { return UInt64(key.halfWord(at: 0)) << 32 | UInt64(key.halfWord(at: n - 4)) }
        return UInt64(key[0]) << 16 | UInt64(key[n >> 1]) << 8 | UInt64(key[n - 1])
    }

    /// A key's packed bytes, and its slot metadata without the id: a hash mixing every byte and the length.
    @inline(__always)
    private static func describe(_ key: Span<UInt8>) -> (packed: UInt64, meta: UInt64) {
        let n = key.count
        let packed = packed(key)
        var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        if n > 8 {
            var i = 8
            while i + 8 < n {
                h = (h ^ key.word(at: i)) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 29
                i += 8
            }
            h ^= key.word(at: n - 8) &* 0xD6E8_FEB8_6659_FD93
        }
        h = (h ^ packed ^ (packed >> 31)) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return (packed, (h >> 32) << 32 | UInt64(min(n, 255)) << 24)
    }
}
