import Foundation

/// A tokenizer.json normaliser.
indirect enum Normalizer {
    case sequence([Normalizer])
    case prepend(String)
    case replace(TokenizerPattern, String)
    case nfkc, nfc, nfd, nfkd, lowercase
    case strip(left: Bool, right: Bool)

    init(_ json: JSONValue) throws {
        switch json["type"]?.string {
        case "Sequence": self = .sequence(try (json["normalizers"]?.array ?? []).map(Normalizer.init))
        case "Prepend": self = .prepend(try Self.affix(json["prepend"]?.string ?? ""))
        case "Replace":
            guard let pattern = json["pattern"] else { throw Unsupported("Replace without a pattern") }
            self = .replace(try TokenizerPattern(pattern), try Self.affix(json["content"]?.string ?? ""))
        case "NFKC": self = .nfkc
        case "NFC": self = .nfc
        case "NFD": self = .nfd
        case "NFKD": self = .nfkd
        case "Lowercase": self = .lowercase
        case "Strip": self = .strip(left: json["strip_left"]?.bool ?? true, right: json["strip_right"]?.bool ?? true)
        case let other: throw Unsupported("normalizer \(other ?? "without a type")")
        }
    }

    /// A text to prepend or put in place of matches, refused past `TokenizerBounds.affixBytes`.
    private static func affix(_ text: String) throws -> String {
        guard text.utf8.count <= TokenizerBounds.affixBytes else {
            throw Unsupported("a normalizer adds \(text.utf8.count) bytes, past the \(TokenizerBounds.affixBytes) it may add")
        }
        return text
    }

    /// `text` with each match of `pattern` replaced by `content`, copied as bytes (a match starts and ends on
    /// scalar boundaries); a `TokenizerLimit` when the result would pass `limit` bytes, before it is made.
    static func replace(_ pattern: TokenizerPattern, with content: String, in text: String, limit: Int = .max) throws(TokenizerLimit) -> String {
        let matches = pattern.byteRanges(in: text)
        guard !matches.isEmpty else { return text }
        let size = text.utf8.count + matches.reduce(0) { $0 + content.utf8.count - $1.count }
        guard size <= limit else { throw TokenizerLimit(reason: "the normalised text would pass \(limit) bytes") }
        return replaced(matches, with: content, in: text)
    }

    /// `text` with the byte ranges `matches` (in order, on scalar boundaries) replaced by `content`.
    static func replaced(_ matches: [Range<Int>], with content: String, in text: String) -> String {
        guard !matches.isEmpty else { return text }
        let bytes = text.utf8.span
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + matches.count * content.utf8.count)
        var last = 0
        for range in matches {
            out.append(bytes.extracting(last..<range.lowerBound))
            out += content.utf8
            last = range.upperBound
        }
        out.append(bytes.extracting(last...))
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` normalised, or a `TokenizerLimit` when a step would make it longer than `limit` bytes (the prepended
    /// text is short, and the Unicode forms and case mappings lengthen a text a few times at most).
    func apply(_ text: String, limit: Int) throws(TokenizerLimit) -> String {
        let result: String
        switch self {
        case .sequence(let parts):
            var text = text
            for part in parts { text = try part.apply(text, limit: limit) }
            return text
        case .replace(let pattern, let content): return try Self.replace(pattern, with: content, in: text, limit: limit)
        case .prepend(let prefix): result = text.isEmpty ? text : prefix + text
        case .nfkc: result = text.nfkc
        case .nfc: result = text.precomposedStringWithCanonicalMapping
        case .nfd: result = text.decomposedStringWithCanonicalMapping
        case .nfkd: result = text.decomposedStringWithCompatibilityMapping
        case .lowercase: result = text.lowercased()
        case .strip(let left, let right):
            var scalars = Substring(text).unicodeScalars
            if left { while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() } }
            if right { while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() } }
            result = String(scalars)
        }
        guard result.utf8.count <= limit else { throw TokenizerLimit(reason: "the normalised text would pass \(limit) bytes") }
        return result
    }
}
