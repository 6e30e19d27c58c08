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
    /// come first; Kuroshio's own keys follow, always present and of one type each, so that every shard has one
    /// schema: a value that is not known is `null`, never `""` or `0`.
    public struct Meta: Sendable {
        public private(set) var fields: [(key: String, value: JSON)] = [
            "url", "warc_record_id", "warc_date", "warc_date_source", "warc_file", "warc_offset", "content_type", "charset", "charset_replaced",
            "lang", "lang_score", "lang_shares", "title", "html_lang",
        ].map { ($0, JSON.null) }

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

        /// A text field: "" reads and writes as `null`.
        private func string(_ key: String) -> String {
            if case .string(let value)? = self[key] { return value }
            return ""
        }

        private mutating func setString(_ key: String, _ value: String) { self[key] = value.isEmpty ? .null : .string(value) }

        private func int(_ key: String) -> Int? {
            if case .int(let value)? = self[key] { return value }
            return nil
        }

        public var url: String { get { string("url") } set { setString("url", newValue) } }
        public var warcRecordID: String { get { string("warc_record_id") } set { setString("warc_record_id", newValue) } }
        /// ISO-8601 UTC (`WARCDate`), or "" when the record's date could not be read.
        public var warcDate: String { get { string("warc_date") } set { setString("warc_date", newValue) } }
        public var warcFile: String { get { string("warc_file") } set { setString("warc_file", newValue) } }
        /// Where `warc_date` came from: `warc` (the record's WARC-Date) or `http` (the response's Date, when the
        /// WARC-Date was missing or unreadable).
        public var warcDateSource: String { get { string("warc_date_source") } set { setString("warc_date_source", newValue) } }
        /// The record's byte offset in its file, for `kuroshio explain --offset`.
        public var warcOffset: Int? { get { int("warc_offset") } set { self["warc_offset"] = newValue.map(JSON.int) ?? .null } }
        /// The HTTP media type (`text/html`).
        public var contentType: String { get { string("content_type") } set { setString("content_type", newValue) } }
        public var charset: String { get { string("charset") } set { setString("charset", newValue) } }
        /// Byte sequences the charset decoder had to replace with U+FFFD.
        public var charsetReplaced: Int? {
            get { int("charset_replaced") }
            set { self["charset_replaced"] = newValue.map(JSON.int) ?? .null }
        }
        public var title: String { get { string("title") } set { setString("title", newValue) } }
        public var htmlLang: String { get { string("html_lang") } set { setString("html_lang", newValue) } }
        public var lang: String { get { string("lang") } set { setString("lang", newValue) } }

        public var langScore: Double? {
            get { self["lang_score"]?.doubleValue }
            set { self["lang_score"] = newValue.map(JSON.double) ?? .null }
        }

        /// Each language's share of the document's characters, written as a list of `{"lang", "share"}`, largest
        /// first (one type whatever the languages).
        public var langShares: [String: Double] {
            get {
                guard case .array(let items)? = self["lang_shares"] else { return [:] }
                var shares: [String: Double] = [:]
                for case .object(let members) in items {
                    if case .string(let lang)? = members.first(where: { $0.0 == "lang" })?.1,
                       let share = members.first(where: { $0.0 == "share" })?.1.doubleValue { shares[lang] = share }
                }
                return shares
            }
            set {
                self["lang_shares"] = newValue.isEmpty ? .null : .array(newValue.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
                    .object([("lang", .string($0.key)), ("share", .double($0.value))])
                })
            }
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

    /// The JSONL line: `{"text", "id", "meta": {...}}`, with the character, paragraph and token counts at the end of
    /// `meta`,
    /// and for a rejected document kept for inspection every decision taken.
    public var jsonLine: [UInt8] {
        var meta = self.meta
        let tokens = meta["n_tokens"]
        meta["n_tokens"] = nil
        meta["n_chars"] = .int(characterCount)
        meta["n_paragraphs"] = .int(paragraphs.count)
        meta["n_tokens"] = tokens
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
