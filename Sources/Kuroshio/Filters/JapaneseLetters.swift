/// The number of Japanese letters (kana and kanji): the Swallow corpus wants 400 at least.
enum JapaneseLetters {
    static let spec = FilterSpec("japanese_letters", "Hiragana, katakana and kanji in the document.", min: 400) { _ in
        LetterCount()
    }

    struct LetterCount: DocumentFilter {
        func measure(_ document: Document) -> Double {
            let counts = document.analysis.scripts
            return Double(counts.kana + counts.han)
        }
    }
}
