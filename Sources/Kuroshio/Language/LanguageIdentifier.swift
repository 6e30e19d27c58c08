import CCLD2

/// A language decision: a label (`ja`, `en`, `zh`, `ko`, `code`, or `other:<ISO code>`), its score, and the share of
/// the text's letters in each language.
public struct LanguageGuess: Sendable, Equatable {
    public var label: String
    public var score: Double
    public var shares: [String: Double]

    /// The label as `langid` prints it: `other` for every language that is not routed.
    public var shortLabel: String { label.hasPrefix("other") ? "other" : label }
}

/// Identifies the language of text. Scripts decide what scripts can decide: kana make Japanese, Hangul makes
/// Korean, Han without kana makes Chinese (never Japanese). Letters of other scripts go to CLD2, the detector Common
/// Crawl itself uses. Code is told apart first, by `CodeDetector`, since CLD2 calls code English. Mixed text is
/// decided by each language's share of letters, where a CJK character or Hangul syllable weighs as much as
/// `alphabeticWeight` inverse letters of other scripts (a syllable carries about as much as two or three Latin
/// letters). One per thread.
public final class LanguageIdentifier {
    public var code = CodeDetector()
    /// Kana must be at least this share of Han and kana together for CJK text to be Japanese.
    public var minimumKanaShare = 0.1
    /// What one letter of an alphabet weighs against one CJK character or Hangul syllable.
    public var alphabeticWeight = 0.4

    public init() {}

    public func identify(_ text: String) -> LanguageGuess {
        let (codeShare, isCode) = code.measure(text)
        if isCode { return LanguageGuess(label: "code", score: Swift.min(1, codeShare * 5), shares: ["code": 1]) }
        let counts = ScriptCounts(text)
        let cjk = counts.kana + counts.han
        let japanese = counts.kana > 0 && Double(counts.kana) >= minimumKanaShare * Double(cjk)
        var letters: [String: Double] = [:]
        if cjk > 0 { letters[japanese ? "ja" : "zh"] = Double(cjk) }
        if counts.hangul > 0 {
            // Han inside Hangul text is Korean hanja.
            letters["ko"] = Double(counts.hangul + (japanese ? 0 : counts.han))
            if !japanese { letters["zh"] = nil }
        }
        var cld2Percent = 100
        if counts.otherLetters > 0 {
            let (language, percent) = Self.cld2(text, asciiOnly: counts.otherLetters == counts.asciiLetters)
            letters[language, default: 0] += Double(counts.otherLetters) * alphabeticWeight
            cld2Percent = percent
        }
        let total = letters.values.reduce(0, +)
        guard total > 0, let (label, count) = letters.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })
        else { return LanguageGuess(label: "other:un", score: 0, shares: [:]) }
        var score = count / total
        if !["ja", "zh", "ko"].contains(label) { score *= Double(cld2Percent) / 100 }
        return LanguageGuess(label: label, score: score, shares: letters.mapValues { $0 / total })
    }

    /// CLD2's top language for the text's letters outside CJK, as a label, with its percent. When CLD2 cannot tell
    /// (too little text) and the letters are plain ASCII, English is the likely answer, at half confidence.
    private static func cld2(_ text: String, asciiOnly: Bool) -> (String, Int) {
        var result = kuroshio_cld2_result()
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { kuroshio_cld2_detect($0.baseAddress, Int32($0.count), &result) }
        }
        let code = result.codes.0.map { String(cString: $0) } ?? "un"
        switch code {
        case "en": return ("en", Int(result.percents.0))
        case "un": return asciiOnly ? ("en", 50) : ("other:un", 0)
        default: return ("other:\(code)", Int(result.percents.0))
        }
    }
}
