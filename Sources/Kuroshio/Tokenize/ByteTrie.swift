/// A trie over byte strings, each ending in a value: the walk a Viterbi cut or a longest match takes from one place
/// in the text, a byte at a time. Stored as a double array (each node's children sit at `base + byte`, and a child
/// names its parent), so that a step reads one small unit near its siblings.
struct ByteTrie: Sendable {
    private struct Cell {
        /// Where this node's children start (child for byte `b` at `base + b`); 0 when it has none.
        var base: Int32 = 0
        /// The parent node, or -1 for a free unit. The root is its own parent.
        var check: Int32 = -1
        /// The value of the key ending here, or -1.
        var value: Int32 = -1
    }

    private var units: [Cell]

    /// The first value given for a key wins.
    init<Keys: Sequence>(_ entries: Keys) where Keys.Element == ([UInt8], Int32) {
        // Keys back to back, then sorted (equal keys in the order given): children are contiguous ranges of keys.
        var bytes: [UInt8] = [], starts: [Int] = [0], values: [Int32] = []
        for (key, value) in entries {
            bytes += key
            starts.append(bytes.count)
            values.append(value)
        }
        var order = Array(values.indices)
        let span = bytes.span
        order.sort { a, b in
            let order = span.extracting(starts[a]..<starts[a + 1]).compare(span.extracting(starts[b]..<starts[b + 1]))
            return order != 0 ? order < 0 : a < b
        }
        var builder = Builder()
        builder.units[0].check = 0
        // Nodes still to place children for: (node, their keys' range in `order`, depth).
        var pending: [(Int, Range<Int>, Int)] = order.isEmpty ? [] : [(0, order.indices, 0)]
        while let (node, range, depth) = pending.popLast() {
            var i = range.lowerBound
            func length(_ i: Int) -> Int { starts[order[i] + 1] - starts[order[i]] }
            func label(_ i: Int) -> UInt8 { bytes[starts[order[i]] + depth] }
            if length(i) == depth {
                builder.units[node].value = values[order[i]]
                // Equal keys after the first are dropped.
                while i < range.upperBound && length(i) == depth { i += 1 }
            }
            var labels: [UInt8] = [], groups: [Range<Int>] = []
            while i < range.upperBound {
                let first = label(i)
                var j = i + 1
                while j < range.upperBound && label(j) == first { j += 1 }
                labels.append(first)
                groups.append(i..<j)
                i = j
            }
            guard !labels.isEmpty else { continue }
            let base = builder.place(labels, parent: node)
            for (label, group) in zip(labels, groups) { pending.append((base + Int(label), group, depth + 1)) }
        }
        units = builder.units
    }

    /// Lays units out: finds room for a node's children among free units, which form a linked list.
    private struct Builder {
        var units = [Cell](repeating: Cell(), count: 256)
        var nextFree: [Int] = Array(1...256), previousFree: [Int] = Array(-1..<255)
        var firstFree = 1

        init() {
            nextFree[255] = -1
            previousFree[1] = -1
        }

        /// Marks room for children with `labels` under `parent`, and returns their base.
        mutating func place(_ labels: [UInt8], parent: Int) -> Int {
            var free = firstFree
            while true {
                if free < 0 { free = grow() }
                let base = free - Int(labels[0])
                if base >= 1 {
                    let last = base + Int(labels[labels.count - 1])
                    while last >= units.count { _ = grow() }
                    if labels.allSatisfy({ units[base + Int($0)].check < 0 }) {
                        units[parent].base = Int32(base)
                        for label in labels { take(base + Int(label), parent: parent) }
                        return base
                    }
                }
                free = nextFree[free]
            }
        }

        private mutating func take(_ unit: Int, parent: Int) {
            units[unit].check = Int32(parent)
            let next = nextFree[unit], previous = previousFree[unit]
            if previous >= 0 { nextFree[previous] = next } else { firstFree = next }
            if next >= 0 { previousFree[next] = previous }
        }

        /// Doubles the units, the new ones free; returns the first new one.
        private mutating func grow() -> Int {
            let old = units.count
            units += [Cell](repeating: Cell(), count: old)
            nextFree += Array(old + 1...2 * old)
            previousFree += Array(old - 1..<2 * old - 1)
            nextFree[2 * old - 1] = -1
            // Link the new run after the last free unit of the old ones.
            var last = -1
            var unit = firstFree
            while unit >= 0 && unit < old { last = unit; unit = nextFree[unit] }
            if last >= 0 { nextFree[last] = old } else { firstFree = old }
            previousFree[old] = last
            return old
        }
    }

    var isEmpty: Bool { units[0].base == 0 && units[0].value < 0 }

    /// The node reached from `node` by `byte`, or nil when no key continues that way.
    @inline(__always) func child(_ node: Int32, _ byte: UInt8) -> Int32? {
        let next = Int(units[Int(node)].base) + Int(byte)
        guard next < units.count, units[next].check == node, next != Int(node) else { return nil }
        return Int32(next)
    }

    /// The value of the key ending at `node`, or -1.
    @inline(__always) func value(_ node: Int32) -> Int32 { units[Int(node)].value }

    /// The longest of the first `maxMatches` keys that start `text` (shorter keys are met first), with its value; nil
    /// when none does.
    func longestPrefix(of text: Span<UInt8>, maxMatches: Int = .max) -> (length: Int, value: Int32)? {
        var node: Int32 = 0
        var found: (Int, Int32)?
        var matches = 0
        for i in text.indices {
            guard let next = child(node, text[i]) else { break }
            node = next
            if units[Int(node)].value >= 0 {
                if matches < maxMatches { found = (i + 1, units[Int(node)].value) }
                matches += 1
            }
        }
        return found
    }
}
