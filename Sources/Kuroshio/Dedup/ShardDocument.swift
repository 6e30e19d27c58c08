/// One line of a JSONL shard as the dedup passes see it: its members in order, and the fields dedup reads.
struct ShardDocument {
    var members: [(String, JSON)]

    /// The document on `line`, or nil when the line is not a JSON object.
    init?(_ line: [UInt8]) {
        guard case .object(let members)? = JSONParser.parse(line) else { return nil }
        self.members = members
    }

    var text: String { string(members, "text") ?? "" }

    var id: String {
        switch members.first(where: { $0.0 == "id" })?.1 {
        case .string(let value)?: value
        case .int(let value)?: String(value)
        default: ""
        }
    }

    var meta: [(String, JSON)] {
        if case .object(let meta)? = members.first(where: { $0.0 == "meta" })?.1 { return meta }
        return []
    }

    var url: String { string(meta, "url") ?? "" }
    var warcDate: String { string(meta, "warc_date") ?? "" }

    private func string(_ members: [(String, JSON)], _ key: String) -> String? {
        if case .string(let value)? = members.first(where: { $0.0 == key })?.1 { return value }
        return nil
    }

    /// Replaces (or appends) top-level member `key`.
    mutating func set(_ key: String, _ value: JSON) {
        if let i = members.firstIndex(where: { $0.0 == key }) { members[i].1 = value } else { members.append((key, value)) }
    }

    /// Replaces (or appends) `meta.key`.
    mutating func setMeta(_ key: String, _ value: JSON) {
        var meta = self.meta
        if let i = meta.firstIndex(where: { $0.0 == key }) { meta[i].1 = value } else { meta.append((key, value)) }
        set("meta", .object(meta))
    }

    var jsonLine: [UInt8] {
        var line: [UInt8] = []
        JSON.object(members).write(to: &line)
        line.append(0x0A)
        return line
    }
}

/// Dedup keys of documents and their parts.
enum DedupKeys {
    /// The key of a normalised text; never 0, which means "none".
    static func text(_ normalized: [UInt8]) -> UInt64 {
        normalized.withByteView { Hash64.bytes($0, seed: 1) } | 1
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

    /// The key of a paragraph; 0 for one that is blank once normalised.
    static func paragraph(_ paragraph: Substring) -> UInt64 {
        let normalized = TextNormalizer.normalize(paragraph)
        return normalized.isEmpty ? 0 : normalized.withByteView { Hash64.bytes($0, seed: 3) } | 1
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
