/// Runs a pipeline over one input file: reads its records, takes each through the stages, and writes the documents
/// kept to shards, which it commits when the file is done. One per worker thread.
final class UnitProcessor {
    let config: PipelineConfig
    private let decoder: PayloadDecoder
    private let extractor: HTMLExtractor
    private let charsets = CharsetDecoder()
    private let languages = LanguageIdentifier()

    init(config: PipelineConfig) {
        self.config = config
        decoder = PayloadDecoder(maxPayloadBytes: config.maxRecordBytes)
        var mainContent = true
        var maxLinkRatio = 0.5
        for case .extract(let main, let ratio) in config.stages {
            mainContent = main
            maxLinkRatio = ratio
        }
        extractor = HTMLExtractor(maxLinkRatio: maxLinkRatio, mainContentOnly: mainContent)
    }

    /// Processes `file`, writing shards named `part-<stem>-<n>` under `output/<bucket>`. `progress` is told the
    /// input bytes read after each record. Returns the file's counters.
    func process(file: String, output: String, stem: String,
                 progress: (Int) -> Void) throws(OutputError) -> RunStats {
        var stats = RunStats()
        stats.add("inputs.files")
        let writers = BucketWriters(output: output, stem: stem, maxBytes: config.shardBytes)
        func emit(_ result: (Document, String)?) throws(OutputError) {
            guard let (document, bucket) = result else { return }
            let line = document.jsonLine
            try writers.writer(for: bucket).write(line)
            stats.add("buckets.\(bucket).docs")
            stats.add("buckets.\(bucket).chars", document.characterCount)
            stats.add("buckets.\(bucket).bytes", line.count)
        }
        do {
            switch config.format {
            case .warc:
                let reader = try WARCReader(path: file, maxRecordBytes: config.maxRecordBytes)
                for record in reader {
                    stats.add("inputs.records")
                    stats.add("inputs.bytes", record.contentLength)
                    for problem in record.problems { stats.add("problems.\(problem.kind.rawValue)") }
                    try emit(document(from: record, stats: &stats))
                    progress(reader.fileBytesRead)
                }
                for problem in reader.trailingProblems { stats.add("problems.\(problem.kind.rawValue)") }
            case .jsonl:
                let reader = try JSONLReader(path: file, maxLineBytes: config.maxRecordBytes)
                for line in reader {
                    stats.add("inputs.records")
                    stats.add("inputs.bytes", line.bytes?.count ?? 0)
                    for problem in line.problems { stats.add("problems.\(problem.kind.rawValue)") }
                    try emit(document(from: line, stats: &stats))
                    progress(reader.fileBytesRead)
                }
                for problem in reader.trailingProblems { stats.add("problems.\(problem.kind.rawValue)") }
            }
        } catch let problem as InputProblem {
            stats.add("problems.\(problem.kind.rawValue)")
        } catch let error as OutputError {
            throw error
        } catch {
            preconditionFailure("only input problems and output errors are thrown here")
        }
        try writers.commit()
        return stats
    }

    /// The document a JSONL line yields and its bucket: its text field, its id, and its other fields kept for meta.
    func document(from line: JSONLLine, stats: inout RunStats) -> (Document, String)? {
        stats.add("stages.read.in")
        guard let bytes = line.bytes else { return drop("oversize", &stats) }
        stats.add("stages.read.bytes_in", bytes.count)
        guard case .object(let members)? = bytes.withUnsafeBufferPointer({ JSONParser.parse($0) }) else {
            return drop("bad-json", &stats)
        }
        guard case .string(let text)? = members.first(where: { $0.0 == config.textField })?.1, !text.isEmpty else {
            return drop("no-text", &stats)
        }
        let name = String(line.file.split(separator: "/").last ?? "")
        var id = "\(name):\(line.number)"
        switch members.first(where: { $0.0 == config.idField })?.1 {
        case .string(let value)?: id = value
        case .int(let value)?: id = String(value)
        default: break
        }
        var meta = Document.Meta()
        meta.source = members.filter { $0.0 != config.textField && $0.0 != config.idField }
        let paragraphs = HTMLExtractor.plainText(Array(text.utf8)).paragraphs
        stats.add("stages.read.out")
        stats.add("stages.read.bytes_out", text.utf8.count)
        return runStages(.text(Document(id: id, text: text, paragraphs: paragraphs, meta: meta)), stats: &stats)
    }

    /// The document a record yields and its bucket, or nil when a check drops it (counted in `stats` with its
    /// reason).
    func document(from record: WARCRecord, stats: inout RunStats) -> (Document, String)? {
        stats.add("records.\(record.type.isEmpty ? "unknown" : record.type)")
        guard record.type == "response" else { return nil }
        stats.add("stages.read.in")
        stats.add("stages.read.bytes_in", record.contentLength)
        // A record cut short (or skipped as oversize) holds part of a page at most: it is not a document.
        if let damage = record.problems.first(where: { $0.kind == .truncated || $0.kind == .oversize }) {
            return drop(damage.kind.rawValue, &stats)
        }
        guard record.isHTTPResponse, let response = HTTPResponse.parse(record.block, maxPayloadBytes: config.maxRecordBytes)
        else { return drop("not-http", &stats) }
        for problem in response.problems { stats.add("problems.\(problem.rawValue)") }
        guard config.httpStatuses.isEmpty || config.httpStatuses.contains(response.status) else {
            return drop("http-status", &stats)
        }
        guard config.contentTypes.isEmpty || config.contentTypes.contains(response.mediaType) else {
            return drop("content-type", &stats)
        }
        stats.add("stages.read.out")
        stats.add("stages.read.bytes_out", response.payload.count)
        return runStages(.payload(record, response), stats: &stats)
    }

    /// What the stages start from: an HTTP payload still to be decoded and extracted, or a document already text.
    enum StageInput {
        case payload(WARCRecord, HTTPResponse)
        case text(Document)
    }

    /// Takes a record or document through the stages; returns the document kept and its bucket.
    func runStages(_ input: StageInput, stats: inout RunStats) -> (Document, String)? {
        var document: Document?
        if case .text(let ready) = input { document = ready }
        var bucket = config.bucket
        let size = { () -> Int in
            if let document { return document.text.utf8.count }
            if case .payload(_, let response) = input { return response.payload.count }
            return 0
        }
        for stage in config.stages {
            stats.add("stages.\(stage.name).in")
            stats.add("stages.\(stage.name).bytes_in", size())
            switch (stage, input) {
            case (.japanesePrefilter(let minimumKana), .payload(_, let response)):
                guard JapanesePrefilter(minimumKana: minimumKana).mayBeJapanese(response.payload,
                                                                                 httpCharset: response.charsetLabel)
                else { return drop(stage.name, &stats) }
            case (.japanesePrefilter(let minimumKana), .text(let ready)):
                guard JapanesePrefilter(minimumKana: minimumKana).mayBeJapanese(Array(ready.text.utf8), httpCharset: nil)
                else { return drop(stage.name, &stats) }
            case (.extract, .payload(let record, let response)):
                let (decision, utf8) = charsets.decode(response.payload, httpLabel: response.charsetLabel)
                let charset = decision.charset.name
                stats.add("charsets.\(charset)")
                if decision.replaced > 0 { stats.add("charsets.replaced_sequences", decision.replaced) }
                let isMarkup = response.mediaType.contains("html") || response.mediaType.contains("xml")
                let page = isMarkup ? extractor.extract(utf8) : HTMLExtractor.plainText(utf8)
                let kept = page.paragraphs.filter { $0.boilerplate == nil }
                guard !kept.isEmpty else { return drop("empty-text", &stats) }
                document = Document(id: Self.identifier(record), text: kept.map(\.text).joined(separator: "\n\n"),
                                    paragraphs: kept, meta: meta(record, page: page, charset: charset))
            case (.extract, .text):
                break
            case (.kanaRatio(let minimum), _):
                guard var current = document else { continue }
                let ratio = ScriptCounts(current.text).kanaRatio
                let passed = ratio >= minimum
                current.decisions.append(Document.Decision(stage: stage.name, value: ratio, passed: passed))
                guard passed else { return drop(stage.name, &stats) }
                if current.meta.lang.isEmpty {
                    current.meta.lang = "ja"
                    current.meta.langScore = ratio
                }
                document = current
            case (.language(let buckets), _):
                guard var current = document else { continue }
                let guess = languages.identify(&current.paragraphs)
                current.meta.lang = guess.label
                current.meta.langScore = guess.score
                current.meta.langShares = guess.shares
                let target = buckets.first { $0.name == guess.label }
                current.decisions.append(Document.Decision(stage: stage.name, value: guess.score,
                                                           passed: target.map { guess.score >= $0.minimumScore } ?? false))
                guard let target, guess.score >= target.minimumScore else {
                    stats.add("languages_dropped.\(guess.label)")
                    return drop(target == nil ? "language" : "language-score", &stats)
                }
                bucket = target.name
                document = current
            }
            stats.add("stages.\(stage.name).out")
            stats.add("stages.\(stage.name).bytes_out", size())
        }
        return document.map { ($0, bucket) }
    }

    private func drop(_ reason: String, _ stats: inout RunStats) -> (Document, String)? {
        stats.add("dropped.\(reason)")
        return nil
    }

    private func meta(_ record: WARCRecord, page: ExtractedPage, charset: String) -> Document.Meta {
        var meta = Document.Meta()
        meta.url = record.targetURI
        meta.warcRecordID = record.recordID
        meta.warcDate = record.date
        meta.warcFile = String(record.file.split(separator: "/").last ?? "")
        meta.charset = charset
        meta.title = page.title
        meta.htmlLang = page.language
        return meta
    }

    /// The record id without `<urn:uuid:` and `>`, or `file:offset` when there is none.
    static func identifier(_ record: WARCRecord) -> String {
        var id = Substring(record.recordID)
        if id.hasPrefix("<") && id.hasSuffix(">") { id = id.dropFirst().dropLast() }
        if id.hasPrefix("urn:uuid:") { id = id.dropFirst(9) }
        return id.isEmpty ? "\(record.file.split(separator: "/").last ?? ""):\(record.offset)" : String(id)
    }
}
