/// A map from 64-bit keys to non-negative 32-bit values, by open addressing: pair merges by their two ids, and trie
/// edges by their node and byte. Filled once, then read concurrently. A key and its value share a slot, so a lookup
/// touches one cache line.
struct IntegerMap: Sendable {
    private struct Slot {
        var key: UInt64
        /// -1 marks an empty slot.
        var value: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask }

    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        var slot = slot(key)
        while true {
            let found = slots[slot]
            if found.value < 0 { return nil }
            if found.key == key { return found.value }
            slot = (slot + 1) & mask
        }
    }

    /// Sets `key` to `value` (≥ 0) unless it already has one; returns the value the key ends up with.
    @discardableResult
    mutating func insertIfAbsent(_ key: UInt64, _ value: Int32) -> Int32 {
        precondition(value >= 0, "IntegerMap values are non-negative")
        if count * 2 >= slots.count { grow() }
        var slot = slot(key)
        while slots[slot].value >= 0 {
            if slots[slot].key == key { return slots[slot].value }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(key: key, value: value)
        count += 1
        return value
    }

    private mutating func grow() {
        let old = slots.filter { $0.value >= 0 }
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: slots.count * 2)
        mask = slots.count - 1
        count = 0
        for slot in old { insertIfAbsent(slot.key, slot.value) }
    }
}
