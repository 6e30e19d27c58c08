/// The number of words: whitespace-separated for alphabetic text, characters for CJK (Gopher keeps 50 to 100,000).
struct WordCount: DocumentFilter {
    static let spec = FilterSpec("word_count", "Words (characters for CJK text, unless unit says).", min: 50, max: 100_000,
                                 parameters: [TextUnits.unitParameter]) { parameters throws(ConfigError) in
        WordCount(unit: try TextUnits.unit(parameters))
    }

    let unit: TextUnits.Kind

    func measure(_ document: Document) -> Double { Double(TextUnits.tokens(document, unit: unit).count) }
}
