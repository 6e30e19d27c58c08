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
        case "Prepend": self = .prepend(json["prepend"]?.string ?? "")
        case "Replace":
            guard let pattern = json["pattern"] else { throw Unsupported("Replace without a pattern") }
            self = .replace(try TokenizerPattern(pattern), json["content"]?.string ?? "")
        case "NFKC": self = .nfkc
        case "NFC": self = .nfc
        case "NFD": self = .nfd
        case "NFKD": self = .nfkd
        case "Lowercase": self = .lowercase
        case "Strip": self = .strip(left: json["strip_left"]?.bool ?? true, right: json["strip_right"]?.bool ?? true)
        case let other: throw Unsupported("normalizer \(other ?? "without a type")")
        }
    }

    /// `text` with each match of `pattern` replaced by `content`.
    static func replace(_ pattern: TokenizerPattern, with content: String, in text: String) -> String {
        var out = ""
        var last = text.startIndex
        for range in pattern.matches(in: text) {
            out.unicodeScalars += text.unicodeScalars[last..<range.lowerBound]
            out += content
            last = range.upperBound
        }
        out.unicodeScalars += text.unicodeScalars[last...]
        return out
    }

    func apply(_ text: String) -> String {
        switch self {
        case .sequence(let parts): return parts.reduce(text) { $1.apply($0) }
        case .prepend(let prefix): return text.isEmpty ? text : prefix + text
        case .replace(let pattern, let content): return Self.replace(pattern, with: content, in: text)
        case .nfkc: return text.nfkc
        case .nfc: return text.precomposedStringWithCanonicalMapping
        case .nfd: return text.decomposedStringWithCanonicalMapping
        case .nfkd: return text.decomposedStringWithCompatibilityMapping
        case .lowercase: return text.lowercased()
        case .strip(let left, let right):
            var scalars = Substring(text).unicodeScalars
            if left { while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() } }
            if right { while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() } }
            return String(scalars)
        }
    }
}
