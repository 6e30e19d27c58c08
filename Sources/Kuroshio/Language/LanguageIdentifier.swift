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
        let alphabetic = Double(counts.otherLetters) * alphabeticWeight
        // A few Latin letters in CJK text (a brand, a unit) cannot change the outcome: CLD2 is not asked about them.
        if counts.otherLetters > 0 && alphabetic >= 0.1 * Double(cjk + counts.hangul) {
            // CLD2 sees the alphabetic part alone, so that CJK around it does not decide for it.
            let latinPart = cjk + counts.hangul == 0 ? text : Self.withoutCJK(text)
            let (language, percent) = Self.cld2(latinPart, asciiOnly: counts.otherLetters == counts.asciiLetters)
            letters[language, default: 0] += alphabetic
            cld2Percent = percent
        }
        let total = letters.values.reduce(0, +)
        guard total > 0, let (label, count) = letters.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })
        else { return LanguageGuess(label: "other:un", score: 0, shares: [:]) }
        var score = count / total
        if !["ja", "zh", "ko"].contains(label) { score *= Double(cld2Percent) / 100 }
        return LanguageGuess(label: label, score: score, shares: letters.mapValues { $0 / total })
    }

    /// `text` with kana, Han and Hangul made spaces.
    private static func withoutCJK(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7AF, 0x1100...0x11FF,
                 0x3130...0x318F, 0x20000...0x2FA1F:
                scalars.append(" ")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// CLD2's top language for the text's letters outside CJK, as a label, with its percent. CLD2 is weak on a few
    /// words: when it cannot tell and the letters are plain ASCII, or when a short ASCII text it calls another
    /// language holds English function words ("She got angry."), English is the answer, at half confidence.
    private static func cld2(_ text: String, asciiOnly: Bool) -> (String, Int) {
        var (code, percent, scored) = CLD2.detect(text)
        if code != "en", asciiOnly, scored < 40, Self.holdsEnglishFunctionWords(text) { code = "un" }
        switch code {
        case "en": return ("en", percent)
        case "un": return asciiOnly ? ("en", 50) : ("other:un", 0)
        default: return ("other:\(code)", percent)
        }
    }
}

extension LanguageIdentifier {
    /// Words that English sentences can hardly do without and other Latin-script languages do not use.
    static let englishFunctionWords: Set<String> = [
        "the", "a", "an", "of", "and", "to", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that",
        "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "my", "with", "for", "at", "on",
        "from", "by", "not", "have", "has", "had", "will", "would", "can", "could", "should", "did", "does", "got",
    ]

    /// Whether at least one word in three of a short text is an English function word.
    static func holdsEnglishFunctionWords(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter && $0 != "'" }
        guard !words.isEmpty else { return false }
        return words.filter { englishFunctionWords.contains(String($0)) }.count * 3 >= words.count
    }

    /// Identifies every paragraph, then the document: each language's share is the share of the document's
    /// characters in paragraphs of that language, and the label is the largest share. Its score is that share times
    /// the mean score of those paragraphs. Two rules of context come first:
    /// - In a document whose kana-bearing paragraphs hold at least a quarter of its CJK text, Han-only paragraphs of
    ///   short lines (headlines, addresses, company tables, 令和五年度) are Japanese. Chinese has no kana, so it never
    ///   turns Japanese this way.
    /// - Code blocks do not outvote prose: when prose is at least 30% of the text (a CJK character counting as
    ///   1 / `alphabeticWeight` letters), the label is the prose's, and a Japanese technical article keeps its code
    ///   blocks inside it.
    public func identify(_ paragraphs: inout [Paragraph]) -> LanguageGuess {
        var weights: [String: Double] = [:]
        for i in paragraphs.indices {
            let guess = identify(paragraphs[i].text)
            paragraphs[i].language = guess.label
            paragraphs[i].languageScore = guess.score
            weights[guess.label, default: 0] += Double(paragraphs[i].characters)
        }
        let japanese = weights["ja", default: 0], chinese = weights["zh", default: 0]
        if japanese > 0, chinese > 0, japanese >= 0.25 * (japanese + chinese) {
            for i in paragraphs.indices where paragraphs[i].language == "zh"
                && paragraphs[i].text.split(separator: "\n").allSatisfy({ $0.count <= Self.shortHanParagraph }) {
                paragraphs[i].language = "ja"
            }
        }
        var scores: [String: Double] = [:]
        weights = [:]
        var total = 0.0
        for paragraph in paragraphs {
            let weight = Double(paragraph.characters)
            weights[paragraph.language, default: 0] += weight
            scores[paragraph.language, default: 0] += weight * paragraph.languageScore
            total += weight
        }
        guard total > 0 else { return LanguageGuess(label: "other:un", score: 0, shares: [:]) }
        // Prose against code by content: a CJK character says as much as 1 / alphabeticWeight letters.
        let prose = weights.filter { $0.key != "code" }
        let prosePart = prose.reduce(0) { $0 + $1.value / (["ja", "zh", "ko"].contains($1.key) ? alphabeticWeight : 1) }
        let candidates = prosePart >= 0.3 * (prosePart + weights["code", default: 0]) ? prose : weights
        let part = candidates.values.reduce(0, +)
        guard let (label, weight) = candidates.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })
        else { return LanguageGuess(label: "other:un", score: 0, shares: [:]) }
        return LanguageGuess(label: label, score: weight / part * (scores[label]! / weight),
                             shares: weights.mapValues { $0 / total })
    }

    /// The longest line of a Han-only paragraph that context makes Japanese, in characters (a table's rows are lines).
    static let shortHanParagraph = 80
}
