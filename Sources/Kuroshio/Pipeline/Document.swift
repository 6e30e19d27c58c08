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

    /// The document's meta: an ordered map of JSON values, written in its order. Fields a JSONL source carried
    /// come first; Kuroshio's own keys follow, always present (one schema for every shard), with typed accessors.
    public struct Meta: Sendable {
        public private(set) var fields: [(key: String, value: JSON)] = [
            ("url", .string("")), ("warc_record_id", .string("")), ("warc_date", .string("")), ("warc_file", .string("")),
            ("charset", .string("")), ("lang", .string("")), ("lang_score", .double(0)), ("lang_shares", .object([])),
            ("title", .string("")), ("html_lang", .string("")),
        ]

        public init() {}

        public subscript(key: String) -> JSON? {
            get { fields.first { $0.key == key }?.value }
            set {
                let index = fields.firstIndex { $0.key == key }
                switch (index, newValue) {
                case (let i?, let value?): fields[i].value = value
                case (let i?, nil): fields.remove(at: i)
                case (nil, let value?): fields.append((key, value))
                case (nil, nil): break
                }
            }
        }

        /// Takes the fields a JSONL source carried besides its text and id: unknown keys go first, in their order;
        /// Kuroshio's own keys take their values until a stage sets them.
        public mutating func adopt(_ source: [(String, JSON)]) {
            var extra: [(key: String, value: JSON)] = []
            for (key, value) in source {
                if self[key] != nil { self[key] = value } else { extra.append((key, value)) }
            }
            fields = extra + fields
        }

        private func string(_ key: String) -> String {
            if case .string(let value)? = self[key] { return value }
            return ""
        }

        public var url: String { get { string("url") } set { self["url"] = .string(newValue) } }
        public var warcRecordID: String { get { string("warc_record_id") } set { self["warc_record_id"] = .string(newValue) } }
        public var warcDate: String { get { string("warc_date") } set { self["warc_date"] = .string(newValue) } }
        public var warcFile: String { get { string("warc_file") } set { self["warc_file"] = .string(newValue) } }
        public var charset: String { get { string("charset") } set { self["charset"] = .string(newValue) } }
        public var title: String { get { string("title") } set { self["title"] = .string(newValue) } }
        public var htmlLang: String { get { string("html_lang") } set { self["html_lang"] = .string(newValue) } }
        public var lang: String { get { string("lang") } set { self["lang"] = .string(newValue) } }

        public var langScore: Double {
            get {
                switch self["lang_score"] {
                case .double(let value)?: value
                case .int(let value)?: Double(value)
                default: 0
                }
            }
            set { self["lang_score"] = .double(newValue) }
        }

        /// Each language's share of the document's characters, written largest first.
        public var langShares: [String: Double] {
            get {
                guard case .object(let members)? = self["lang_shares"] else { return [:] }
                return Dictionary(members.compactMap { key, value in
                    if case .double(let share) = value { (key, share) } else { nil }
                }, uniquingKeysWith: { first, _ in first })
            }
            set { self["lang_shares"] = .object(newValue.sorted { $0.value > $1.value }.map { ($0.key, .double($0.value)) }) }
        }

        /// The stage that rejected the document, for documents kept for inspection ("" when none did).
        public var rejectedBy: String {
            get { string("rejected_by") }
            set { self["rejected_by"] = newValue.isEmpty ? nil : .string(newValue) }
        }
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

    /// The JSONL line: `{"text", "id", "meta": {...}}`, with the character and paragraph counts at the end of `meta`,
    /// and for a rejected document kept for inspection every decision taken.
    public var jsonLine: [UInt8] {
        var meta = self.meta
        meta["n_chars"] = .int(characterCount)
        meta["n_paragraphs"] = .int(paragraphs.count)
        if !meta.rejectedBy.isEmpty {
            meta["decisions"] = .object(decisions.map { ($0.stage, .object([("value", .double($0.value)), ("passed", .bool($0.passed))])) })
        }
        let json = JSON.object([("text", .string(text)), ("id", .string(id)), ("meta", .object(meta.fields.map { ($0.key, $0.value) }))])
        var line: [UInt8] = []
        line.reserveCapacity(text.utf8.count + 512)
        json.write(to: &line)
        line.append(0x0A)
        return line
    }
}
