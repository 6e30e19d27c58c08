/// The units filters count in: lines, sentences, words and characters, split in ways that work for Japanese as
/// well as for languages that put spaces between words.
enum TextUnits {
    /// Non-empty lines, trimmed.
    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// Sentences: text up to 。！？!? (and a Latin full stop before a space or the end), or to a line end.
    static func sentences(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            var ends = false
            switch scalar {
            case "\n", "。", "！", "？", "!", "?": ends = true
            case ".": ends = next == scalars.endIndex || scalars[next] == " " || scalars[next] == "\n"
            default: break
            }
            if ends {
                let sentence = text[start..<(scalar == "\n" ? index : next)].trimmingWhitespace()
                if !sentence.isEmpty { result.append(sentence) }
                start = next
            }
            index = next
        }
        let rest = text[start...].trimmingWhitespace()
        if !rest.isEmpty { result.append(rest) }
        return result
    }

    /// Whitespace-separated words, without surrounding punctuation.
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: \.isWhitespace).map { $0.trimmingPunctuation() }.filter { !$0.isEmpty }
    }

    /// Whether the text is mostly CJK, so that its units are characters rather than words.
    static func isCJK(_ document: Document) -> Bool {
        switch document.meta.lang {
        case "ja", "zh", "ko": return true
        case "en": return false
        default:
            let counts = document.analysis.scripts
            return counts.kana + counts.han + counts.hangul > counts.otherLetters
        }
    }

    /// `unit`, with `auto` resolved for the document.
    static func resolve(_ unit: Kind, for document: Document) -> Kind {
        unit == .auto ? (isCJK(document) ? .characters : .words) : unit
    }

    /// What text is cut into for counting.
    enum Kind: String, Sendable {
        /// Characters for CJK text, words otherwise.
        case auto
        case characters, words
        /// Runs of one script (kanji, hiragana, katakana, Latin letters and digits): rough words for Japanese,
        /// without a dictionary.
        case scriptRuns = "script_runs"
    }

    static let unitParameter = ParameterSpec("unit", .text, "auto", "auto, characters, words or script_runs")

    static func unit(_ parameters: FilterParameters) throws(ConfigError) -> Kind {
        guard let unit = Kind(rawValue: parameters.text("unit", "auto")) else {
            throw ConfigError(file: parameters.file, line: nil, message: "unit must be auto, characters, words or script_runs")
        }
        return unit
    }

    /// The document's tokens in `unit`.
    static func tokens(_ document: Document, unit: Kind = .auto) -> [String] {
        document.analysis.tokens(resolve(unit, for: document))
    }

    /// Runs of characters of one script; punctuation and spaces end a run and are left out.
    static func scriptRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var current = String.UnicodeScalarView()
        var currentScript = -1
        for scalar in text.unicodeScalars {
            let script = scriptClass(scalar)
            if script != currentScript || script == 0 {
                if !current.isEmpty { runs.append(String(current)) }
                current = String.UnicodeScalarView()
                currentScript = script
            }
            if script != 0 { current.append(scalar) }
        }
        if !current.isEmpty { runs.append(String(current)) }
        return runs
    }

    /// 1 kanji, 2 hiragana, 3 katakana, 4 hangul, 5 letters and digits of other scripts, 0 anything else.
    private static func scriptClass(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x3005: return 1
        case 0x3041...0x309F: return 2
        case 0x30A0...0x30FF, 0xFF66...0xFF9F: return 3
        case 0xAC00...0xD7AF: return 4
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return 5
        case 0..<0x80: return 0
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? 5 : 0
        }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> SubSequence {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        return self[first...lastIndex(where: { !$0.isWhitespace })!]
    }

    func trimmingPunctuation() -> SubSequence {
        guard let first = firstIndex(where: { $0.isLetter || $0.isNumber }) else { return self[endIndex...] }
        return self[first...lastIndex(where: { $0.isLetter || $0.isNumber })!]
    }
}
