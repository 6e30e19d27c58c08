/// Japanese letters (hiragana, katakana, kanji) among the document's characters.
enum JapaneseRatio {
    static let spec = FilterSpec("japanese_ratio", "Share of hiragana, katakana and kanji among non-space characters.",
                                 min: 0.5) { _ in
        ScriptShare(counts: { $0.kana + $0.han }, overJapaneseLetters: false)
    }
}

