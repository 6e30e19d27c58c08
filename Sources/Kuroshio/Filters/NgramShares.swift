/// Gopher's n-gram repetition rules. Tokens are characters for CJK text and words otherwise, unless `unit` says.
/// Shares are counted as Gopher does, in the characters the n-grams cover, or as the Swallow corpus does, in n-gram
/// occurrences (`count: occurrences`: the top n-gram's occurrences over all n-grams; the distinct n-grams seen more
/// than once over all distinct n-grams).
struct NgramShares: DocumentFilter {
    static let countParameter = ParameterSpec("count", .text, "characters", "characters (Gopher) or occurrences (Swallow)")

    /// The share of the text covered by its most frequent n-gram (n = 2, 3 or 4).
    static let topSpec = FilterSpec("top_ngram_share", "Share of the text in the most frequent n-gram.", max: 0.2,
                                    parameters: [ParameterSpec("n", .number, "2", "n-gram length, 2 to 4"),
                                                 TextUnits.unitParameter, countParameter]) { parameters throws(ConfigError) in
        try NgramShares(parameters, n: 2, top: true)
    }
    /// The share of the text inside n-grams that occur more than once (n = 5 to 10).
    static let duplicateSpec = FilterSpec("duplicate_ngram_share", "Share of the text inside repeated n-grams.", max: 0.15,
                                          parameters: [ParameterSpec("n", .number, "5", "n-gram length, 5 to 10"),
                                                       TextUnits.unitParameter, countParameter]) { parameters throws(ConfigError) in
        try NgramShares(parameters, n: 5, top: false)
    }

    let n: Int
    let top: Bool
    let unit: TextUnits.Kind
    let byOccurrences: Bool

    init(_ parameters: FilterParameters, n: Int, top: Bool) throws(ConfigError) {
        self.n = try parameters.whole("n", n, in: 1...20)
        self.top = top
        unit = try TextUnits.unit(parameters)
        let count = parameters.text("count", "characters")
        guard count == "characters" || count == "occurrences" else {
            throw ConfigError(file: parameters.file, line: nil, message: "count must be characters or occurrences")
        }
        byOccurrences = count == "occurrences"
    }

    /// Counted by sorting 64-bit n-gram hashes rather than in a dictionary, so the working set stays about 24 bytes
    /// a token however long the page.
    func measure(_ document: Document) -> Double {
        let (ids, lengths) = document.analysis.tokenIDs(TextUnits.resolve(unit, for: document))
        guard n > 0, ids.count >= n else { return 0 }
        let total = lengths.reduce(0) { $0 + Int($1) }
        guard total > 0 else { return 0 }
        let grams = Self.hashes(ids, n: n)
        let sorted = grams.sorted()
        var maxCount = 0
        var distinct = 0
        var repeated: [UInt64] = []
        Self.forEachRun(sorted) { hash, count in
            maxCount = Swift.max(maxCount, count)
            distinct += 1
            if count > 1 { repeated.append(hash) }
        }
        if byOccurrences {
            if top { return Double(maxCount) / Double(grams.count) }
            return Double(repeated.count) / Double(distinct)
        }
        guard maxCount > 1 else { return 0 }
        if top {
            // The most frequent n-gram; among equals, the one seen first, so the value does not depend on hashing.
            var best: [UInt64] = []
            Self.forEachRun(sorted) { hash, count in if count == maxCount { best.append(hash) } }
            guard let start = grams.firstIndex(where: { Self.contains(best, $0) }) else { return 0 }
            let covered = lengths[start..<(start + n)].reduce(0) { $0 + Int($1) }
            return Double(covered * maxCount) / Double(total)
        }
        // Every token inside an n-gram seen more than once, each token once.
        var coveredUntil = 0
        var covered = 0
        for (start, gram) in grams.enumerated() where Self.contains(repeated, gram) {
            for k in Swift.max(start, coveredUntil)..<(start + n) { covered += Int(lengths[k]) }
            coveredUntil = start + n
        }
        return Double(covered) / Double(total)
    }

    /// A 64-bit hash of each run of `n` ids, in order: the same on every run and machine.
    static func hashes(_ ids: [Int32], n: Int) -> [UInt64] {
        (0...(ids.count - n)).map { start in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for k in start..<(start + n) { hash = (hash ^ UInt64(UInt32(bitPattern: ids[k]))) &* 0x0100_0000_01B3 }
            // A final mix (splitmix64's), since FNV's low bits are weak on small ids.
            hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
            hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
            return hash ^ (hash >> 31)
        }
    }

    /// Calls `body` with each distinct value of a sorted array and how often it occurs, in order.
    static func forEachRun(_ sorted: [UInt64], _ body: (UInt64, Int) -> Void) {
        guard !sorted.isEmpty else { return }
        var start = 0
        for end in 1...sorted.count where end == sorted.count || sorted[end] != sorted[start] {
            body(sorted[start], end - start)
            start = end
        }
    }

    /// Whether the sorted array `values` holds `value` (binary search).
    static func contains(_ values: [UInt64], _ value: UInt64) -> Bool {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < values.count && values[low] == value
    }
}
