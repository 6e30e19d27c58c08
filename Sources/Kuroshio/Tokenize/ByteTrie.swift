/// A trie over byte strings, each ending in a value: the walk a Viterbi cut or a longest-match takes from one position
/// of the text, one byte at a time. Edges are kept in an `IntegerMap` keyed by node and byte.
struct ByteTrie: Sendable {
    private var edges = IntegerMap()
    /// Each node's value, or -1 when no key ends there. Node 0 is the root.
    private var values: [Int32] = [-1]

    /// The first value given for a key wins.
    init<Keys: Sequence>(_ entries: Keys) where Keys.Element == ([UInt8], Int32) {
        for (key, value) in entries {
            var node: Int32 = 0
            for byte in key {
                let child = edges.insertIfAbsent(Self.edge(node, byte), Int32(values.count))
                if child == Int32(values.count) { values.append(-1) }
                node = child
            }
            if values[Int(node)] < 0 { values[Int(node)] = value }
        }
    }

    var isEmpty: Bool { values.count == 1 }

    @inline(__always) private static func edge(_ node: Int32, _ byte: UInt8) -> UInt64 { UInt64(node) << 8 | UInt64(byte) }

    /// The node reached from `node` by `byte`, or nil when no key continues that way.
    @inline(__always) func child(_ node: Int32, _ byte: UInt8) -> Int32? { edges[Self.edge(node, byte)] }

    /// The value of the key ending at `node`, or -1.
    @inline(__always) func value(_ node: Int32) -> Int32 { values[Int(node)] }

    /// The longest of the first `maxMatches` keys that start `text` (shorter keys are met first), with its value; nil
    /// when none does.
    func longestPrefix(of text: UnsafeBufferPointer<UInt8>, maxMatches: Int = .max) -> (length: Int, value: Int32)? {
        var node: Int32 = 0
        var found: (Int, Int32)?
        var matches = 0
        for (i, byte) in text.enumerated() {
            guard let next = child(node, byte) else { break }
            node = next
            if values[Int(node)] >= 0 {
                if matches < maxMatches { found = (i + 1, values[Int(node)]) }
                matches += 1
            }
        }
        return found
    }
}
