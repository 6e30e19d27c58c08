/// Dedup keys of documents and their parts.
enum DedupKeys {
    /// The key of a normalised text; never 0, which means "none".
    static func text(_ normalized: [UInt8]) -> UInt64 {
        Hash64.bytes(normalized.span, seed: 1) | 1
    }

    /// The key of a URL: scheme and fragment dropped, host lowered; 0 for no URL.
    static func url(_ url: String) -> UInt64 {
        guard !url.isEmpty else { return 0 }
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        return Hash64.string(rest[..<slash].lowercased() + rest[slash...], seed: 2) | 1
    }

    /// A paragraph unit of a text: the parts between blank lines.
    static func paragraphs(_ text: String) -> [Substring] { text.split(separator: "\n\n", omittingEmptySubsequences: false) }

    /// The key of a paragraph; 0 for one that is blank once normalised, or shorter than `minLength` characters (a
    /// CJK character counting as 2.5).
    static func paragraph(_ paragraph: Substring, minLength: Int) -> UInt64 {
        if minLength > 0 && ScriptCounts(paragraph).content(alphabeticWeight: 0.4) < 0.4 * Double(minLength) { return 0 }
        let normalized = TextNormalizer.normalize(paragraph)
        return normalized.isEmpty ? 0 : Hash64.bytes(normalized.span, seed: 3) | 1
    }

    /// Seconds since 1970 of an ISO-8601 date (`2024-03-01T12:00:00Z`, or a prefix of it); `Int64.min` when there is
    /// none, so that any dated copy is newer.
    static func date(_ text: String) -> Int64 {
        let digits = text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.map { Int64($0 - 0x30) }
        guard digits.count >= 8 else { return .min }
        func number(_ from: Int, _ count: Int) -> Int64 {
            guard from + count <= digits.count else { return 0 }
            return digits[from..<from + count].reduce(0) { $0 * 10 + $1 }
        }
        let year = number(0, 4), month = number(4, 2), day = number(6, 2)
        // Days from civil date (proleptic Gregorian).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86400 + number(8, 2) * 3600 + number(10, 2) * 60 + number(12, 2)
    }
}
