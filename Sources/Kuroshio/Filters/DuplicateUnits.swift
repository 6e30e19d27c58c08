/// Repeated lines, paragraphs or sentences (Gopher's and the Swallow corpus's repetition rules): the share of units
/// that repeat an earlier one, by count or by characters.
struct DuplicateUnits: DocumentFilter {
    static let lineSpec = FilterSpec("duplicate_lines", "Share of lines that repeat an earlier line.", max: 0.3) { _ in
        DuplicateUnits(unit: .lines, byCharacters: false)
    }
    static let lineCharacterSpec = FilterSpec("duplicate_line_chars", "Share of characters in repeated lines.",
                                              max: 0.2) { _ in DuplicateUnits(unit: .lines, byCharacters: true) }
    static let paragraphSpec = FilterSpec("duplicate_paragraphs", "Share of paragraphs that repeat an earlier one.",
                                          max: 0.3) { _ in DuplicateUnits(unit: .paragraphs, byCharacters: false) }
    static let paragraphCharacterSpec = FilterSpec("duplicate_paragraph_chars", "Share of characters in repeated paragraphs.",
                                                   max: 0.2) { _ in DuplicateUnits(unit: .paragraphs, byCharacters: true) }

    static let sentenceSpec = FilterSpec("duplicate_sentences", "Share of sentences that repeat an earlier one.",
                                         max: 0.3) { _ in DuplicateUnits(unit: .sentences, byCharacters: false) }
    static let sentenceCharacterSpec = FilterSpec("duplicate_sentence_chars", "Share of characters in repeated sentences.",
                                                  max: 0.2) { _ in DuplicateUnits(unit: .sentences, byCharacters: true) }

    enum Part { case lines, paragraphs, sentences }

    let unit: Part
    let byCharacters: Bool

    func measure(_ document: Document) -> Double {
        let units: [Substring] = switch unit {
        case .lines: document.analysis.lines
        case .paragraphs: document.paragraphs.map { Substring($0.text) }
        case .sentences: document.analysis.sentences
        }
        var seen: Set<Substring> = []
        var repeated = 0, repeatedCharacters = 0, characters = 0
        for unit in units {
            let length = unit.unicodeScalars.count
            characters += length
            if !seen.insert(unit).inserted {
                repeated += 1
                repeatedCharacters += length
            }
        }
        if byCharacters { return characters == 0 ? 0 : Double(repeatedCharacters) / Double(characters) }
        return units.isEmpty ? 0 : Double(repeated) / Double(units.count)
    }
}
