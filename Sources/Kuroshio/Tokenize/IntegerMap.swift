/// A map from 64-bit keys to non-negative 32-bit values, by open addressing: pair merges by their two ids, and trie
/// edges by their node and byte. Filled once, then read concurrently.
struct IntegerMap: Sendable {
    private var keys: [UInt64]
    /// -1 marks an empty slot.
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        var slot = slot(key)
        while true {
            let value = values[slot]
            if value < 0 { return nil }
            if keys[slot] == key { return value }
            slot = (slot + 1) & mask
        }
    }

    /// Sets `key` to `value` (≥ 0) unless it already has one; returns the value the key ends up with.
    @discardableResult
    mutating func insertIfAbsent(_ key: UInt64, _ value: Int32) -> Int32 {
        precondition(value >= 0, "IntegerMap values are non-negative")
        if count * 2 >= keys.count { grow() }
        var slot = slot(key)
        while values[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = value
        count += 1
        return value
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.1 >= 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        values = [Int32](repeating: -1, count: keys.count)
        mask = keys.count - 1
        count = 0
        for (key, value) in old { insertIfAbsent(key, value) }
    }
}
