/// Up to 16 ASCII bytes of a name, lowercased and packed into two integers: a key made without building a String,
/// for the per-element lookups of the parse.
struct NameKey: Hashable, Sendable {
    fileprivate var low: UInt64 = 0
    fileprivate var high: UInt64 = 0

    /// The key of `bytes[from..<to]`, or nil when longer than 16 bytes.
    init?(_ bytes: ByteView, from: Int, to: Int) {
        guard to - from <= 16 else { return nil }
        for i in from..<to {
            var byte = UInt64(bytes[i])
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            let k = i - from
            if k < 8 { low |= byte << (8 * UInt64(k)) } else { high |= byte << (8 * UInt64(k - 8)) }
        }
    }

    init?(_ name: ByteView) { self.init(name, from: 0, to: name.count) }

    init(_ name: String) { self = name.withByteView { NameKey($0)! } }
}

/// A fixed table from names to values, built once: open addressing with a multiplicative hash, cheaper per lookup
/// than a Dictionary's seeded hashing on this hot path.
struct NameTable<Value: Sendable>: Sendable {
    private var keys: [NameKey?]
    private var values: [Value?]
    private let shift: UInt64

    init(_ entries: [(String, Value)]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        shift = 64 - bits
        keys = Array(repeating: nil, count: 1 << bits)
        values = Array(repeating: nil, count: 1 << bits)
        for (name, value) in entries {
            let key = NameKey(name)
            var slot = slot(of: key)
            while let present = keys[slot], present != key { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            values[slot] = value
        }
    }

    private func slot(of key: NameKey) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ (key.high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9) >> shift)
    }

    subscript(key: NameKey) -> Value? {
        var slot = slot(of: key)
        while let present = keys[slot] {
            if present == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return nil
    }

    func contains(_ key: NameKey) -> Bool { self[key] != nil }
}
