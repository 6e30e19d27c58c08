/// Counts of values in fixed bins: equal steps over a range, or powers of two (for lengths, which spread over orders
/// of magnitude). Values below the first bin fall in it, values past the last in the last.
public struct Histogram: Sendable, Equatable {
    public enum Bins: Sendable, Equatable {
        /// `count` bins of width `width` from `start`.
        case steps(start: Double, width: Double, count: Int)
        /// A bin below `first`, one per doubling from `first` up to `last`, and one from `last` on.
        case doublings(first: Int, last: Int)
    }

    public let bins: Bins
    public private(set) var counts: [Int]

    public init(_ bins: Bins) {
        self.bins = bins
        switch bins {
        case .steps(_, _, let count): counts = Array(repeating: 0, count: count)
        case .doublings(let first, let last): counts = Array(repeating: 0, count: Self.log2(last / first) + 2)
        }
    }

    public mutating func add(_ value: Double) {
        guard value.isFinite else { return }
        let bin: Int
        switch bins {
        case .steps(let start, let width, let count):
            bin = Int(max(0, min(Double(count - 1), ((value - start) / width).rounded(.down))))
        case .doublings(let first, _):
            // Past the last bin every value is alike: capped before it becomes an Int.
            bin = value < Double(first) ? 0 : min(counts.count - 1, Self.log2(Int(min(value, 0x1p62)) / first) + 1)
        }
        counts[bin] += 1
    }

    public mutating func merge(_ other: Histogram) {
        guard other.bins == bins else { return }
        for i in counts.indices { counts[i] += other.counts[i] }
    }

    /// Each bin's label: its lower bound (`0.05`, `1K`), with `<` before the first of doublings and `+` after the
    /// last.
    public var labels: [String] {
        switch bins {
        case .steps(let start, let width, let count):
            return (0..<count).map { Self.decimal(start + Double($0) * width) }
        case .doublings(let first, let last):
            return ["<\(Self.short(first))"] + (0..<counts.count - 1).map { k in
                let low = first << k
                return low >= last ? "\(Self.short(low))+" : Self.short(low)
            }
        }
    }

    /// `{"bins": [labels], "counts": [counts]}`.
    public var json: JSON {
        .object([("bins", .array(labels.map(JSON.string))), ("counts", .array(counts.map(JSON.int)))])
    }

    private static func log2(_ value: Int) -> Int { value <= 1 ? 0 : Int.bitWidth - 1 - value.leadingZeroBitCount }

    private static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// `512`, `1K`, `64K`, `1M`.
    static func short(_ value: Int) -> String {
        value >= 1 << 20 && value % (1 << 20) == 0 ? "\(value >> 20)M"
            : value >= 1 << 10 && value % (1 << 10) == 0 ? "\(value >> 10)K" : "\(value)"
    }
}

/// Counts of string keys in bounded memory: exact while there are at most `capacity` distinct keys, then a
/// Misra–Gries summary, where each count is short by at most 2 × total ÷ capacity, so that every key with a larger
/// count than that is kept.
public struct TopCounts: Sendable, Equatable {
    public let capacity: Int
    public private(set) var counts: [String: Int] = [:]
    /// Every count added, kept or not.
    public private(set) var total = 0
    /// Whether keys were dropped to stay within `capacity`.
    public private(set) var approximate = false

    public init(capacity: Int) { self.capacity = capacity }

    public mutating func add(_ key: String, _ count: Int = 1) {
        total += count
        counts[key, default: 0] += count
        if counts.count > capacity { shrink() }
    }

    public mutating func merge(_ other: TopCounts) {
        total += other.total
        approximate = approximate || other.approximate
        counts.merge(other.counts, uniquingKeysWith: +)
        if counts.count > capacity { shrink() }
    }

    /// The `limit` largest counts, largest first (ties by key).
    public func top(_ limit: Int) -> [(key: String, count: Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit).map { ($0.key, $0.value) }
    }

    /// Subtracts the (capacity / 2 + 1)-th largest count from every count and drops those left at zero or below:
    /// at least half the keys go.
    private mutating func shrink() {
        let cut = counts.values.sorted(by: >)[capacity / 2]
        counts = counts.compactMapValues { $0 > cut ? $0 - cut : nil }
        approximate = true
    }
}
