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
/// Crawl itself uses, and are shared among the languages it finds by its percents. Code is told apart first, by
/// `CodeDetector`, since CLD2 calls code English. Mixed text is decided by each language's share of content, where
/// a CJK character or Hangul syllable weighs as much as 1 / `alphabeticWeight` other characters (a syllable carries
/// about as much as two or three Latin letters). A guess's score is its label's share. One per thread.
public final class LanguageIdentifier {
    public var code = CodeDetector()
    /// Kana must be at least this share of Han and kana together for CJK text to be Japanese.
    public var minimumKanaShare = 0.1
    /// What one character of an alphabet (or one digit or mark) weighs against one CJK character or Hangul syllable.
    public var alphabeticWeight = 0.4

    public init() {}

    /// The label, score and shares of `text` read as one piece.
    public func identify(_ text: String) -> LanguageGuess { read(text).guess }

    /// What one text tells: its guess; its content, in CJK characters (`alphabeticWeight` for each other character
    /// that is not whitespace); and whether anything decided it. Short ASCII text that CLD2 cannot place is English
    /// at score 0.5, undecided.
    struct Reading {
        var guess: LanguageGuess
        var content: Double
        var decided: Bool
    }

    func read(_ text: String) -> Reading {
        let counts = ScriptCounts(text)
        let cjk = counts.kana + counts.han
        let content = counts.content(alphabeticWeight: alphabeticWeight)
        let (codeShare, isCode) = code.measure(text)
        if isCode {
            return Reading(guess: LanguageGuess(label: "code", score: Swift.min(1, codeShare * 5), shares: ["code": 1]),
                           content: content, decided: true)
        }
        let japanese = counts.kana > 0 && Double(counts.kana) >= minimumKanaShare * Double(cjk)
        var letters: [String: Double] = [:]
        if cjk > 0 { letters[japanese ? "ja" : "zh"] = Double(cjk) }
        if counts.hangul > 0 {
            // Han inside Hangul text is Korean hanja.
            letters["ko"] = Double(counts.hangul + (japanese ? 0 : counts.han))
            if !japanese { letters["zh"] = nil }
        }
        var decided = cjk + counts.hangul > 0
        let alphabetic = Double(counts.otherLetters) * alphabeticWeight
        // A few Latin letters in CJK text (a brand, a unit) cannot change the outcome: CLD2 is not asked about them.
        if counts.otherLetters > 0 && alphabetic >= 0.1 * Double(cjk + counts.hangul) {
            // CLD2 sees the alphabetic part alone, so that CJK around it does not decide for it.
            let latinPart = cjk + counts.hangul == 0 ? text : Self.withoutCJK(text)
            let (languages, known) = Self.cld2(latinPart, asciiOnly: counts.otherLetters == counts.asciiLetters)
            for (language, share) in languages { letters[language, default: 0] += alphabetic * share }
            decided = decided || known
        }
        let total = letters.values.reduce(0, +)
        guard total > 0, let (label, count) = Self.largest(letters) else {
            return Reading(guess: LanguageGuess(label: "other:un", score: 0, shares: [:]), content: content, decided: false)
        }
        if !decided { return Reading(guess: LanguageGuess(label: label, score: 0.5, shares: [label: 1]), content: content, decided: false) }
        return Reading(guess: LanguageGuess(label: label, score: count / total, shares: letters.mapValues { $0 / total }),
                       content: content, decided: true)
    }

    /// The entry with the largest value, ties to the first name.
    static func largest(_ values: [String: Double]) -> (String, Double)? {
        values.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }.map { ($0.key, $0.value) }
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

    /// CLD2's languages for the text's letters outside CJK, as labels with their shares, and whether CLD2 could tell.
    /// CLD2 is weak on a few words: when it cannot tell and the letters are plain ASCII, or when a short ASCII text it
    /// calls another language holds English function words ("She got angry."), English is the guess, undecided.
    private static func cld2(_ text: String, asciiOnly: Bool) -> ([(String, Double)], Bool) {
        let result = CLD2.detect(text)
        let found = result.languages.filter { $0.code != "un" && $0.percent > 0 }
        let guessEnglish = found.first?.code != "en" && asciiOnly && result.scoredBytes < 40 && Self.holdsEnglishFunctionWords(text)
        if found.isEmpty || guessEnglish { return asciiOnly ? ([("en", 1)], false) : ([("other:un", 1)], false) }
        let sum = Double(found.reduce(0) { $0 + $1.percent })
        return (found.map { ($0.code == "en" ? "en" : "other:\($0.code)", Double($0.percent) / sum) }, true)
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

    /// Identifies every paragraph, then the document: each language's share is its share of the content of the
    /// paragraphs that were decided (a paragraph's content shared among its languages), the label is the largest
    /// share and the score that share. Undecided paragraphs (short ASCII lines CLD2 cannot place) take the document's
    /// label at score 0; when no paragraph is decided, the whole text is read as one. Two rules of context come first:
    /// - In a document whose kana-bearing paragraphs hold at least a quarter of its CJK text, Han-only paragraphs of
    ///   short lines (headlines, addresses, company tables, 令和五年度) are Japanese. Chinese has no kana, so it never
    ///   turns Japanese this way.
    /// - Code blocks do not outvote prose: when prose is at least 30% of the content, shares are of the prose alone,
    ///   and a Japanese technical article keeps its code blocks inside it.
    public func identify(_ paragraphs: inout [Paragraph]) -> LanguageGuess {
        var readings: [Reading] = []
        readings.reserveCapacity(paragraphs.count)
        var cjk: [String: Double] = [:]
        for i in paragraphs.indices {
            let reading = read(paragraphs[i].text)
            paragraphs[i].language = reading.guess.label
            paragraphs[i].languageScore = reading.guess.score
            paragraphs[i].languageContent = reading.content
            if reading.guess.label == "ja" || reading.guess.label == "zh" { cjk[reading.guess.label, default: 0] += reading.content }
            readings.append(reading)
        }
        let japanese = cjk["ja", default: 0], chinese = cjk["zh", default: 0]
        if japanese > 0, chinese > 0, japanese >= 0.25 * (japanese + chinese) {
            for i in paragraphs.indices where paragraphs[i].language == "zh"
                && paragraphs[i].text.split(separator: "\n").allSatisfy({ $0.count <= Self.shortHanParagraph }) {
                paragraphs[i].language = "ja"
                readings[i].guess.shares = ["ja": 1]
            }
        }
        var prose: [String: Double] = [:]
        var code = 0.0
        for reading in readings where reading.decided {
            if reading.guess.label == "code" { code += reading.content; continue }
            for (language, share) in reading.guess.shares { prose[language, default: 0] += reading.content * share }
        }
        guard let shares = Self.shares(prose: prose, code: code) else {
            let whole = identify(paragraphs.map(\.text).joined(separator: "\n"))
            for i in paragraphs.indices { paragraphs[i].language = whole.label }
            return whole
        }
        let (label, score) = Self.largest(shares)!
        for i in paragraphs.indices where !readings[i].decided {
            paragraphs[i].language = label
            paragraphs[i].languageScore = 0
        }
        return LanguageGuess(label: label, score: score, shares: shares)
    }

    /// Each language's share of content, from the content of prose by language and of code: code blocks do not
    /// outvote prose, so when prose is 30% of the content or more, the shares are of the prose alone. Nil when there
    /// is no content.
    static func shares(prose: [String: Double], code: Double) -> [String: Double]? {
        let proseContent = prose.values.reduce(0, +)
        guard proseContent + code > 0 else { return nil }
        var shares = prose
        if proseContent < 0.3 * (proseContent + code) { shares["code"] = code }
        let total = shares.values.reduce(0, +)
        return shares.mapValues { $0 / total }
    }

    /// The longest line of a Han-only paragraph that context makes Japanese, in characters (a table's rows are lines).
    static let shortHanParagraph = 80
}
