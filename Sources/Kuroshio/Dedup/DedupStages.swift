/// A dedup stage as recipes name it, registered like the other stages: its name, what it does and its parameters.
/// What it makes is part of the recipe's `DedupConfig`, which the dedup passes run over the whole corpus after the
/// map pass, so dedup stages come last.
public struct DedupStageSpec: Sendable {
    public var name: String
    public var summary: String
    public var parameters: [ParameterSpec]
    /// Adds the stage's options, read from its parameters, to a recipe's dedup config.
    let apply: @Sendable (FilterParameters, inout DedupConfig) throws(ConfigError) -> Void
}

/// Every dedup stage a recipe can name. A new kind of dedup is a spec here and a pass in `Deduplicator`.
public enum DedupStages {
    public static let all: [DedupStageSpec] = [exact, url, paragraph, minhash]

    public static func spec(named name: String) -> DedupStageSpec? { all.first { $0.name == name } }

    private static let keep = ParameterSpec("keep", .text, "first", "which copy stays: first (input order) or newest (warc_date)")

    static let exact = DedupStageSpec(name: "exact_dedup", summary: "one document of each normalised (NFKC, whitespace-collapsed) text",
                                      parameters: [keep]) { parameters, dedup throws(ConfigError) in
        try keepOption(parameters, &dedup)
        dedup.exact = true
    }

    static let url = DedupStageSpec(name: "url_dedup", summary: "the newest copy of each URL (scheme and fragment dropped, host lowercased)",
                                    parameters: []) { _, dedup in
        dedup.url = true
        dedup.keep = .newest
    }

    static let paragraph = DedupStageSpec(
        name: "paragraph_dedup", summary: "removes each paragraph seen more than max_count times in the corpus, but where it first occurs",
        parameters: [ParameterSpec("max_count", .number, "1", "how often a paragraph may occur before its copies go"),
                     ParameterSpec("min_length", .number, "30", "shorter paragraphs are never removed (characters, CJK counting 2.5)"),
                     ParameterSpec("min_chars", .number, "50", "a document left with fewer characters is dropped"),
                     ParameterSpec("tables", .list, "none", "frequency tables of other runs or dumps, whose counts are added "
                                   + "(paths relative to the recipe)")]
    ) { parameters, dedup throws(ConfigError) in
        var options = DedupConfig.ParagraphOptions()
        options.maxCount = try parameters.whole("max_count", options.maxCount, in: 1...Int(Int32.max))
        options.minChars = try parameters.whole("min_chars", options.minChars, in: 0...Int(Int32.max))
        options.minLength = try parameters.whole("min_length", options.minLength, in: 0...Int(Int32.max))
        options.tables = parameters.list("tables").map { FileSystem.resolve($0, relativeTo: parameters.file) }
        dedup.paragraphs = options
    }

    static let minhash = DedupStageSpec(
        name: "minhash_dedup", summary: "one document of each cluster of near-duplicates (MinHash LSH, Jaccard ≥ threshold)",
        parameters: [ParameterSpec("hashes", .number, "128", "MinHash signature length, 1 to 1024"),
                     ParameterSpec("bands", .number, "20", "LSH bands; bands × rows at most hashes"),
                     ParameterSpec("rows", .number, "6", "hashes per band"),
                     ParameterSpec("threshold", .number, "0.75", "the Jaccard similarity a pair must reach, 0 to 1"),
                     ParameterSpec("shingles", .text, "auto", "characters, words, or auto: by the share of CJK characters"),
                     ParameterSpec("char_ngram", .number, "5", "characters per shingle"),
                     ParameterSpec("word_ngram", .number, "5", "words per shingle"), keep]
    ) { parameters, dedup throws(ConfigError) in
        try keepOption(parameters, &dedup)
        var options = DedupConfig.MinHashOptions()
        options.hashes = try parameters.whole("hashes", options.hashes, in: 1...1024)
        options.bands = try parameters.whole("bands", options.bands, in: 1...options.hashes)
        options.rows = try parameters.whole("rows", options.rows, in: 1...options.hashes)
        guard options.bands * options.rows <= options.hashes else {
            throw parameters.error(": bands × rows must be at most hashes (1 to 1024)")
        }
        options.threshold = parameters.number("threshold", options.threshold)
        guard (0...1).contains(options.threshold) else { throw parameters.error(".threshold must be in [0, 1]") }
        guard let unit = Shingler.Token(rawValue: parameters.text("shingles", "auto")) else {
            throw parameters.error(".shingles must be auto, characters or words")
        }
        options.shingles = Shingler(unit: unit, characterN: try parameters.whole("char_ngram", 5, in: 1...1024),
                                    wordN: try parameters.whole("word_ngram", 5, in: 1...1024))
        dedup.minhash = options
    }

    /// `keep: newest` makes the newest copy stay, in every dedup stage of the recipe.
    private static func keepOption(_ parameters: FilterParameters, _ dedup: inout DedupConfig) throws(ConfigError) {
        guard let keep = DedupConfig.Keep(rawValue: parameters.text("keep", "first")) else {
            throw parameters.error(".keep must be first or newest")
        }
        if keep == .newest { dedup.keep = .newest }
    }
}
