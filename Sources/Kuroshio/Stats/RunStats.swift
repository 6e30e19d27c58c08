/// Counters of a run, keyed by dotted names (`stages.extract.in`, `dropped.http-status`, `buckets.ja.docs`), kept
/// in the order first seen. Mergeable, and stored per input file in completion markers as `key<TAB>value` lines.
public struct RunStats: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private(set) var counts: [String: Int] = [:]

    public init() {}

    public subscript(key: String) -> Int { counts[key] ?? 0 }

    public mutating func add(_ key: String, _ amount: Int = 1) {
        if counts[key] == nil { keys.append(key) }
        counts[key, default: 0] += amount
    }

    public mutating func merge(_ other: RunStats) {
        for key in other.keys { add(key, other.counts[key]!) }
    }

    /// `key<TAB>value` lines.
    public var tsv: String { keys.map { "\($0)\t\(counts[$0]!)\n" }.joined() }

    public init(tsv: String) {
        for line in tsv.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            if parts.count == 2, let value = Int(parts[1]) { add(String(parts[0]), value) }
        }
    }

    /// Writes the counters as JSON (`stats.json`), atomically.
    func writeJSON(to path: String) throws(OutputError) {
        try FileSystem.writeAtomically(Array((json.serialized + "\n").utf8), to: path)
    }

    /// The counters as nested JSON objects, split at the first two dots.
    public var json: JSON {
        var tree = Tree()
        for key in keys { tree.insert(key.split(separator: ".", maxSplits: 2).map(String.init), counts[key]!) }
        return tree.json
    }

    private struct Tree {
        var order: [String] = []
        var leaves: [String: Int] = [:]
        var children: [String: Tree] = [:]

        mutating func insert(_ path: [String], _ value: Int) {
            let head = path[0]
            if leaves[head] == nil && children[head] == nil { order.append(head) }
            if path.count == 1 { leaves[head, default: 0] += value } else {
                children[head, default: Tree()].insert(Array(path.dropFirst()), value)
            }
        }

        var json: JSON {
            .object(order.map { key in (key, children[key]?.json ?? .int(leaves[key]!)) })
        }
    }
}
