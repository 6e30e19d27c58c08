/// Sentence lengths in characters: the mean, or the longest. Run-on text without sentence ends (keyword stuffing,
/// tables flattened into one line) has very long sentences.
struct SentenceLength: DocumentFilter {
    static let meanSpec = FilterSpec("mean_sentence_length", "Mean sentence length in characters.", max: 250) { _ in
        SentenceLength(longest: false)
    }
    static let maxSpec = FilterSpec("max_sentence_length", "Longest sentence in characters.", max: 999) { _ in
        SentenceLength(longest: true)
    }

    let longest: Bool

    func measure(_ document: Document) -> Double {
        let lengths = document.analysis.sentences.map { $0.unicodeScalars.count }
        guard !lengths.isEmpty else { return 0 }
        return longest ? Double(lengths.max()!) : Double(lengths.reduce(0, +)) / Double(lengths.count)
    }
}
