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
    let unit: TextUnits.Unit
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

    func measure(_ document: Document) -> Double {
        let (grams, lengths) = document.analysis.ngrams(TextUnits.resolve(unit, for: document), n: n)
        guard n > 0, !grams.isEmpty else { return 0 }
        let total = lengths.reduce(0, +)
        guard total > 0 else { return 0 }
        var counts: [Int: Int] = [:]
        for gram in grams { counts[gram, default: 0] += 1 }
        if byOccurrences {
            if top { return Double(counts.values.max() ?? 0) / Double(grams.count) }
            return Double(counts.values.filter { $0 > 1 }.count) / Double(counts.count)
        }
        if top {
            // The most frequent n-gram; among equals, the one seen first, so the value does not depend on hashing.
            var best = (start: 0, count: 0)
            for (start, gram) in grams.enumerated() where counts[gram]! > best.count { best = (start, counts[gram]!) }
            guard best.count > 1 else { return 0 }
            return Double(lengths[best.start..<(best.start + n)].reduce(0, +) * best.count) / Double(total)
        }
        // Mark every token inside an n-gram seen more than once, each token once.
        var covered = [Bool](repeating: false, count: lengths.count)
        for (start, gram) in grams.enumerated() where counts[gram]! > 1 {
            for k in start..<(start + n) { covered[k] = true }
        }
        return Double(zip(lengths, covered).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }) / Double(total)
    }
}
