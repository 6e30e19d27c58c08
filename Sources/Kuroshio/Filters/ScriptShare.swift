/// The share of one script in the document: over its non-space characters (as Uzushio counts), or over its
/// Japanese letters, meaning kana, kanji and Japanese punctuation (as the Swallow corpus counts).
struct ScriptShare: DocumentFilter {
    static let overParameter = ParameterSpec("over", .text, "characters", "characters (non-space) or japanese (letters)")

    let counts: @Sendable (ScriptCounts) -> Int
    let overJapaneseLetters: Bool

    static func make(_ parameters: FilterParameters, _ counts: @escaping @Sendable (ScriptCounts) -> Int) throws(ConfigError) -> ScriptShare {
        let over = parameters.text("over", "characters")
        guard over == "characters" || over == "japanese" else {
            throw ConfigError(file: parameters.file, line: nil, message: "over must be characters or japanese")
        }
        return ScriptShare(counts: counts, overJapaneseLetters: over == "japanese")
    }

    func measure(_ document: Document) -> Double {
        let script = document.analysis.scripts
        let whole = overJapaneseLetters
            ? script.kana + script.han + document.text.unicodeScalars.filter { "。．！？、，".unicodeScalars.contains($0) }.count
            : document.analysis.nonSpaceCharacters
        return whole == 0 ? 0 : Double(counts(script)) / Double(whole)
    }
}
