/// One document on its way through the pipeline: its text and paragraphs, where it came from, and every decision
/// taken about it with the value measured.
public struct Document: Sendable {
    public var id: String
    /// The kept paragraphs, joined by blank lines.
    public var text: String { didSet { analysis = TextAnalysis(text) } }
    public var paragraphs: [Paragraph]
    public var meta: Meta
    public var decisions: [Decision] = []
    /// What filters measure about `text`, worked out once for all of them.
    public private(set) var analysis: TextAnalysis

    public init(id: String, text: String, paragraphs: [Paragraph], meta: Meta) {
        self.id = id
        self.text = text
        self.paragraphs = paragraphs
        self.meta = meta
        analysis = TextAnalysis(text)
    }

    public struct Meta: Sendable {
        public var url = ""
        public var warcRecordID = ""
        public var warcDate = ""
        public var warcFile = ""
        public var charset = ""
        public var title = ""
        public var htmlLang = ""
        public var lang = ""
        public var langScore = 0.0
        /// Each language's share of the document's characters.
        public var langShares: [String: Double] = [:]
        /// Fields a JSONL source carried besides its text and id, written into `meta` as they were.
        public var source: [(String, JSON)] = []
        /// The stage that rejected the document, for documents kept for inspection.
        public var rejectedBy = ""
    }

    /// A stage's verdict on the document, with what it measured.
    public struct Decision: Sendable, Equatable {
        public var stage: String
        public var value: Double
        public var passed: Bool
    }

    /// Unicode scalars in `text`: the paragraphs' characters and the blank lines between them.
    public var characterCount: Int {
        paragraphs.isEmpty ? text.unicodeScalars.count : paragraphs.reduce(2 * (paragraphs.count - 1)) { $0 + $1.characters }
    }

    /// The JSONL line: `{"text", "id", "meta": {...}}`. Fields a source carried come first in `meta`; Kuroshio's
    /// own keys follow and win, except those it has no value for.
    public var jsonLine: [UInt8] {
        var own: [(String, JSON)] = [
            ("url", .string(meta.url)),
            ("warc_record_id", .string(meta.warcRecordID)),
            ("warc_date", .string(meta.warcDate)),
            ("warc_file", .string(meta.warcFile)),
            ("charset", .string(meta.charset)),
            ("lang", .string(meta.lang)),
            ("lang_score", .double(meta.langScore)),
            ("lang_shares", .object(meta.langShares.sorted { $0.value > $1.value }.map { ($0.key, .double($0.value)) })),
            ("title", .string(meta.title)),
            ("html_lang", .string(meta.htmlLang)),
            ("n_chars", .int(characterCount)),
            ("n_paragraphs", .int(paragraphs.count)),
        ]
        if !meta.rejectedBy.isEmpty {
            own.append(("rejected_by", .string(meta.rejectedBy)))
            own.append(("decisions", .object(decisions.map { ($0.stage, .object([("value", .double($0.value)), ("passed", .bool($0.passed))])) })))
        }
        let sourceKeys = Set(meta.source.map(\.0))
        own.removeAll { key, value in value == .string("") && sourceKeys.contains(key) }
        let ownKeys = Set(own.map(\.0))
        let json = JSON.object([
            ("text", .string(text)),
            ("id", .string(id)),
            ("meta", .object(meta.source.filter { !ownKeys.contains($0.0) } + own)),
        ])
        var line: [UInt8] = []
        line.reserveCapacity(text.utf8.count + 512)
        json.write(to: &line)
        line.append(0x0A)
        return line
    }
}
