import Foundation

/// A tokenizer.json pre-tokeniser: cuts normalised text into the words the model encodes one by one.
indirect enum PreTokenizer {
    enum Behavior: String {
        case removed = "Removed", isolated = "Isolated", mergedWithPrevious = "MergedWithPrevious"
        case mergedWithNext = "MergedWithNext", contiguous = "Contiguous"
    }

    case sequence([PreTokenizer])
    case split(TokenizerPattern, Behavior, invert: Bool)
    /// GPT-2's: an optional leading space, its word regex, then every byte as a printable character.
    case byteLevel(addPrefixSpace: Bool, useRegex: Bool)
    case metaspace(replacement: String, prepend: String, split: Bool)
    case whitespace, whitespaceSplit
    case digits(individual: Bool)

    // Compiled once; matching only reads them.
    nonisolated(unsafe) static let gpt2Words = try! Regex(#"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#)
        .matchingSemantics(.unicodeScalar)
    /// `\w+|[^\w\s]+` with `\w` spelled out as the Rust regex crate defines it (marks included).
    nonisolated(unsafe) static let words = try! Regex(
        #"[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]+|[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}\s]+"#
    ).matchingSemantics(.unicodeScalar)

    init(_ json: JSONValue) throws {
        switch json["type"]?.string {
        case "Sequence": self = .sequence(try (json["pretokenizers"]?.array ?? []).map(PreTokenizer.init))
        case "Split":
            guard let pattern = json["pattern"], let behavior = Behavior(rawValue: json["behavior"]?.string ?? "") else {
                throw Unsupported("Split without a pattern or a known behavior")
            }
            self = .split(try TokenizerPattern(pattern), behavior, invert: json["invert"]?.bool ?? false)
        case "ByteLevel":
            self = .byteLevel(addPrefixSpace: json["add_prefix_space"]?.bool ?? true, useRegex: json["use_regex"]?.bool ?? true)
        case "Metaspace":
            let scheme = json["prepend_scheme"]?.string ?? ((json["add_prefix_space"]?.bool ?? true) ? "always" : "never")
            let replacement = json["replacement"]?.string ?? "\u{2581}"
            guard (1...TokenizerBounds.affixBytes).contains(replacement.utf8.count) else {
                throw Unsupported("a Metaspace replacement of \(replacement.utf8.count) bytes (1 to \(TokenizerBounds.affixBytes) are read)")
            }
            self = .metaspace(replacement: replacement, prepend: scheme, split: json["split"]?.bool ?? true)
        case "Whitespace": self = .whitespace
        case "WhitespaceSplit": self = .whitespaceSplit
        case "Digits": self = .digits(individual: json["individual_digits"]?.bool ?? false)
        case let other: throw Unsupported("pre_tokenizer \(other ?? "without a type")")
        }
    }

    /// The words of `text`.
    func split(_ text: String) -> [String] {
        switch self {
        case .sequence(let parts):
            return parts.reduce([text]) { words, part in words.flatMap { part.split($0) } }
        case .split(let pattern, let behavior, let invert):
            return Self.cut(text, at: pattern.matches(in: text), behavior: behavior, invert: invert)
        case .byteLevel(let addPrefixSpace, let useRegex):
            let spaced = addPrefixSpace && text.unicodeScalars.first != " " ? " " + text : text
            let words = useRegex ? spaced.matches(of: Self.gpt2Words).map { String(spaced[$0.range]) } : [spaced]
            return words.map { String(String.UnicodeScalarView($0.utf8.map { ByteLevelAlphabet.scalars[Int($0)] })) }
        case .metaspace(let replacement, let prepend, let split):
            // Scalars, not Characters: a space before a combining mark is still a space.
            var replaced = Normalizer.replaced(TokenizerPattern.string(" ").byteRanges(in: text), with: replacement, in: text)
            if prepend == "always" || prepend == "first", !replaced.unicodeScalars.starts(with: replacement.unicodeScalars) {
                replaced = replacement + replaced
            }
            guard split else { return [replaced] }
            return Self.cut(replaced, at: TokenizerPattern.string(replacement).matches(in: replaced), behavior: .mergedWithNext,
                            invert: false)
        case .whitespace:
            return text.matches(of: Self.words).map { String(text[$0.range]) }
        case .whitespaceSplit:
            return text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).map { String(String.UnicodeScalarView($0)) }
        case .digits(let individual):
            // Rust's `char::is_numeric`: the number categories, not every character with a numeric value.
            let digits = text.unicodeScalars.indices.filter {
                [.decimalNumber, .letterNumber, .otherNumber].contains(text.unicodeScalars[$0].properties.generalCategory)
            }
            let ranges = digits.map { $0..<text.unicodeScalars.index(after: $0) }
            return Self.cut(text, at: ranges, behavior: individual ? .isolated : .contiguous, invert: false)
        }
    }

    /// `text` cut at `matches` as `behavior` says (with `invert`, the matches are the words and the rest the
    /// delimiters).
    static func cut(_ text: String, at matches: [Range<String.Index>], behavior: Behavior, invert: Bool) -> [String] {
        // Alternate runs of (delimiter?, text).
        var runs: [(isMatch: Bool, text: Substring)] = []
        var last = text.startIndex
        for range in matches {
            if last < range.lowerBound { runs.append((false, text[last..<range.lowerBound])) }
            runs.append((true, text[range]))
            last = range.upperBound
        }
        if last < text.endIndex { runs.append((false, text[last...])) }
        if invert { runs = runs.map { (!$0.isMatch, $0.text) } }
        var words: [String] = []
        switch behavior {
        case .removed: words = runs.filter { !$0.isMatch }.map { String($0.text) }
        case .isolated: words = runs.map { String($0.text) }
        case .contiguous:
            var previousMatch = false
            for run in runs {
                if run.isMatch && previousMatch && !words.isEmpty { words[words.count - 1] += run.text } else { words.append(String(run.text)) }
                previousMatch = run.isMatch
            }
        case .mergedWithPrevious:
            for run in runs {
                if run.isMatch && !words.isEmpty { words[words.count - 1] += run.text } else { words.append(String(run.text)) }
            }
        case .mergedWithNext:
            var pending = ""
            for run in runs {
                if run.isMatch {
                    if !pending.isEmpty { words.append(pending) }
                    pending = String(run.text)
                } else {
                    words.append(pending + run.text)
                    pending = ""
                }
            }
            if !pending.isEmpty { words.append(pending) }
        }
        return words.filter { !$0.isEmpty }
    }
}

/// GPT-2's mapping of bytes to printable characters, so that byte-level vocabularies are strings.
enum ByteLevelAlphabet {
    static let scalars: [Unicode.Scalar] = {
        let printable = Set(Array(0x21...0x7E) + Array(0xA1...0xAC) + Array(0xAE...0xFF))
        var next: UInt32 = 256
        return (0..<256).map { byte in
            if printable.contains(byte) { return Unicode.Scalar(UInt32(byte))! }
            defer { next += 1 }
            return Unicode.Scalar(next)!
        }
    }()
}
