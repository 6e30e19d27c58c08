/// What the documents in a run's output shards hold, per bucket and over all: counts, length and language-score
/// histograms, and where the documents came from (charsets, domains, TLDs, capture months). Built by reading each
/// line's `meta` (`n_chars`, `n_tokens`, `lang_score`, `url`, `charset`, `warc_date`) without decoding its text;
/// mergeable, so shards can be read in parallel.
public struct CorpusProfile: Sendable, Equatable {
    /// One bucket's documents.
    public struct Bucket: Sendable, Equatable {
        public var docs = 0
        public var chars = 0
        /// Bytes of the JSONL lines with their line ends, uncompressed.
        public var bytes = 0
        public var tokens = 0
        /// Documents with a token count (`meta.n_tokens`); 0 when no tokenizer counted them.
        public var docsWithTokens = 0
        public var lengthChars = Histogram(.doublings(first: 64, last: 1 << 20))
        public var lengthTokens = Histogram(.doublings(first: 16, last: 1 << 18))
        public var langScores = Histogram(.steps(start: 0, width: 0.05, count: 20))

        mutating func merge(_ other: Bucket) {
            docs.add(saturating: other.docs)
            chars.add(saturating: other.chars)
            bytes.add(saturating: other.bytes)
            tokens.add(saturating: other.tokens)
            docsWithTokens.add(saturating: other.docsWithTokens)
            lengthChars.merge(other.lengthChars)
            lengthTokens.merge(other.lengthTokens)
            langScores.merge(other.langScores)
        }
    }

    /// A document a stage rejected, kept by `--keep-rejected`, with the value that rejected it.
    public struct Rejected: Sendable, Equatable {
        public var id: String
        public var url: String
        /// The stage's measured value (`meta.decisions.<stage>.value`), when it recorded one.
        public var value: Double?
        /// The text's first characters.
        public var excerpt: String
        /// The language it was identified as (`meta.lang`), when the language stage ran on it.
        public var language: String? = nil
    }

    public private(set) var buckets: [String: Bucket] = [:]
    public private(set) var charsets = TopCounts(capacity: 1000)
    public private(set) var domains = TopCounts(capacity: 100_000)
    public private(set) var tlds = TopCounts(capacity: 10_000)
    public private(set) var months = TopCounts(capacity: 10_000)
    /// A few rejected documents per stage.
    public private(set) var rejected: [String: [Rejected]] = [:]
    /// Lines that are not documents (not JSON objects).
    public private(set) var badLines = 0
    public private(set) var shards = 0

    static let rejectedPerStage = 3
    static let excerptCharacters = 240

    public init() {}

    /// The buckets in order of their documents, most first.
    public var bucketNames: [String] {
        buckets.keys.sorted { (buckets[$0]!.docs, $1) > (buckets[$1]!.docs, $0) }
    }

    public var total: Bucket { buckets.values.reduce(into: Bucket()) { $0.merge($1) } }

    /// The share of documents from `.jp` hosts.
    public var jpShare: Double { tlds.total > 0 ? Double(tlds.counts["jp"] ?? 0) / Double(tlds.total) : 0 }

    public mutating func merge(_ other: CorpusProfile) {
        for (name, bucket) in other.buckets { buckets[name, default: Bucket()].merge(bucket) }
        charsets.merge(other.charsets)
        domains.merge(other.domains)
        tlds.merge(other.tlds)
        months.merge(other.months)
        for (stage, documents) in other.rejected {
            rejected[stage, default: []] = Array((rejected[stage, default: []] + documents).prefix(Self.rejectedPerStage))
        }
        badLines += other.badLines
        shards += other.shards
    }

    /// Counts one shard of `bucket`, read whole, and returns the problems met in it (a cut-off file, an oversize line,
    /// a count in meta that cannot be true).
    public mutating func addShard(_ path: String, bucket: String) throws(InputProblem) -> [InputProblem] {
        let reader = try JSONLReader(path: path)
        shards += 1
        var problems: [InputProblem] = []
        for line in reader {
            problems += line.problems
            guard let bytes = line.bytes else { continue }
            if let detail = addDocument(bytes, bucket: bucket) {
                problems.append(InputProblem(.badValue, file: path, offset: line.offset, detail: "line \(line.number): \(detail)"))
            }
        }
        return problems + reader.trailingProblems
    }

    /// Keeps the first few documents of a shard of `stage`'s rejected documents.
    public mutating func addRejected(_ path: String, stage: String) throws(InputProblem) {
        let reader = try JSONLReader(path: path)
        while rejected[stage, default: []].count < Self.rejectedPerStage, let line = reader.next() {
            guard let document = line.bytes.flatMap(ShardDocument.init) else { continue }
            let decision = document.meta.first { $0.0 == "decisions" }.flatMap { decisions -> JSON? in
                guard case .object(let stages) = decisions.1, case .object(let fields)? = stages.first(where: { $0.0 == stage })?.1
                else { return nil }
                return fields.first { $0.0 == "value" }?.1
            }
            var language: String?
            if case .string(let label)? = document.meta.first(where: { $0.0 == "lang" })?.1 { language = label }
            rejected[stage, default: []].append(Rejected(id: document.id, url: document.url, value: decision?.doubleValue,
                                                         excerpt: String(document.text.prefix(Self.excerptCharacters)),
                                                         language: language))
        }
    }

    /// Counts one JSONL line of `bucket`; returns what was wrong with a count in its meta, which is left out.
    @discardableResult
    mutating func addDocument(_ line: [UInt8], bucket: String) -> String? {
        guard let meta = Self.meta(of: line) else {
            badLines += 1
            return nil
        }
        let field = { (name: String) in meta.first { $0.0 == name }?.1 }
        var counts = buckets[bucket, default: Bucket()]
        counts.docs += 1
        counts.bytes += line.count + 1
        var problem: String?
        switch MetaCount.read(meta, "n_chars", bytes: line.count) {
        case .success(let chars?):
            counts.chars += chars
            counts.lengthChars.add(Double(chars))
        case .success(nil): break
        case .failure(let error): problem = error.detail
        }
        switch MetaCount.read(meta, "n_tokens", bytes: line.count) {
        case .success(let tokens?):
            counts.tokens += tokens
            counts.docsWithTokens += 1
            counts.lengthTokens.add(Double(tokens))
        case .success(nil): break
        case .failure(let error): problem = error.detail
        }
        if let score = field("lang_score")?.doubleValue { counts.langScores.add(score) }
        buckets[bucket] = counts
        if case .string(let charset)? = field("charset") { charsets.add(charset) }
        if case .string(let url)? = field("url"), let host = Self.host(url) {
            domains.add(host.hasPrefix("www.") ? String(host.dropFirst(4)) : host)
            tlds.add(Self.tld(host))
        }
        if case .string(let date)? = field("warc_date"), date.count >= 7 { months.add(String(date.prefix(7))) }
        return problem
    }

    /// The `meta` object of a document line. Shards written here put `meta` last, after the text, so it is found
    /// by its key (which cannot occur inside a JSON string, where every quote is escaped) and parsed alone; any other
    /// line is parsed whole.
    static func meta(of line: [UInt8]) -> [(String, JSON)]? {
        line.withByteView { bytes -> [(String, JSON)]? in
            if let key = bytes.firstIndex(of: #""meta":{"#),
               let end = bytes.lastIndex(of: UInt8(ascii: "}")), end > key + 7,
               case .object(let meta)? = JSONParser.parse(bytes[(key + 7)..<end]) {
                return meta
            }
            guard case .object(let members)? = JSONParser.parse(bytes) else { return nil }
            if case .object(let meta)? = members.first(where: { $0.0 == "meta" })?.1 { return meta }
            return []
        }
    }

    /// The host of a URL, lowercased, without port or user.
    static func host(_ url: String) -> String? {
        var rest = Substring(url)
        guard let scheme = rest.range(of: "://") else { return nil }
        rest = rest[scheme.upperBound...]
        rest = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") { return rest.prefix { $0 != "]" }.dropFirst().lowercased() }
        rest = rest.prefix { $0 != ":" }
        return rest.isEmpty ? nil : rest.lowercased()
    }

    /// The top-level domain of a host (`jp` for `www.example.co.jp`), or `(ip)` for an address.
    static func tld(_ host: String) -> String {
        let last = host.split(separator: ".").last.map(String.init) ?? host
        return last.isEmpty || last.allSatisfy(\.isNumber) || host.contains(":") ? "(ip)" : last
    }
}
