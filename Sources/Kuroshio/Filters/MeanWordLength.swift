/// The mean word length in characters (Gopher keeps 3 to 10): gibberish and run-together tokens fall outside.
/// Words are whitespace-separated unless `unit` says otherwise.
struct MeanWordLength: DocumentFilter {
    static let spec = FilterSpec("mean_word_length", "Mean length of words.", min: 3, max: 10,
                                 parameters: [TextUnits.unitParameter]) { parameters throws(ConfigError) in
        MeanWordLength(unit: try TextUnits.unit(parameters))
    }

    let unit: TextUnits.Kind

    func measure(_ document: Document) -> Double {
        let words = document.analysis.tokens(unit == .auto ? .words : unit)
        return words.isEmpty ? 0 : Double(words.reduce(0) { $0 + $1.count }) / Double(words.count)
    }
}
