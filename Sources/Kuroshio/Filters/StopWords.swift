/// How many stop words the document uses: prose always has some. The default list is Gopher's English one; a
/// recipe can give its own, and a `unit` to cut the text with (FineWeb-2 counts の, に, を … in Japanese words).
struct StopWords: DocumentFilter {
    static let spec = FilterSpec("stop_words", "Stop words in the text (default: the, be, to, of, and, that, have, with).",
                                 min: 2, parameters: [ParameterSpec("words", .list, "Gopher's English list", "the stop words"),
                                                      TextUnits.unitParameter]) { parameters throws(ConfigError) in
        let words = parameters.list("words")
        return StopWords(words: Set(words.isEmpty ? gopher : words), unit: try TextUnits.unit(parameters))
    }
    static let gopher = ["the", "be", "to", "of", "and", "that", "have", "with"]

    let words: Set<String>
    let unit: TextUnits.Kind

    func measure(_ document: Document) -> Double {
        let tokens = document.analysis.tokens(unit == .auto ? .words : unit)
        return Double(tokens.filter { words.contains($0.lowercased()) }.count)
    }
}
