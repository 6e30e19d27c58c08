import Synchronization

/// Runs a pipeline over one input file: reads its records, takes each through the stages, and writes the documents
/// kept to shards, which it commits when the file is done. One per worker thread.
public final class UnitProcessor {
    let config: PipelineConfig
    /// This thread's worker of each stage.
    private var workers: [any StageWorker]
    /// Told of each document a stage rejects, with the stage's name, while a file is processed.
    private var onRejected: ((String, Document) -> Void)?
    /// The process's memory budget; documents in flight while it is over are dropped.
    var memoryBudget: MemoryBudget?

    /// The scores the stages write, whose histograms are counted over the documents kept.
    private let scores: [(field: String, bins: ScoreBins)]

    public init(config: PipelineConfig) {
        self.config = config
        workers = config.stages.map { $0.makeWorker() }
        scores = config.stages.compactMap { ($0 as? FilterStage)?.configured.scoring.map { ($0.field, $0.bins) } }
    }

    /// Processes `file` (or the remote file `remote`), writing shards named `part-<stem>-<n>` under `output/<bucket>`,
    /// and returns the file's counters. A remote file that could not be read whole commits nothing: its counters are
    /// its problem and what it cost. `progress` is told the input bytes read after each record; `warn` of a file
    /// that cannot be read.
    /// Rejected documents, up to `keepRejected.limit` per stage over the whole run, go to `rejected/<stage>/` (by
    /// default `output/rejected`) with the values that rejected them.
    func process(file: String, remote: RemoteFile? = nil, output: String, rejected: String? = nil, stem: String,
                 keepRejected: RejectedBudget? = nil, warn: (InputProblem) -> Void = { _ in },
                 progress: (Int) -> Void) throws(OutputError) -> RunStats {
        var stats = RunStats()
        stats.add(.inputs(.files))
        let writers = BucketWriters(output: output, stem: stem, maxBytes: config.shardBytes)
        let rejectedWriters = BucketWriters(output: rejected ?? "\(output)/rejected", stem: stem, maxBytes: config.shardBytes)
        var rejectedError: OutputError?
        if let keepRejected {
            onRejected = { stage, document in
                guard rejectedError == nil, keepRejected.take(stage) else { return }
                var kept = document
                kept.meta.rejectedBy = stage
                do throws(OutputError) { try rejectedWriters.writer(for: stage).write(kept.jsonLine) } catch { rejectedError = error }
            }
        }
        defer { onRejected = nil }
        func emit(_ result: (Document, String)?, file: String, offset: Int, stats: inout RunStats) throws(OutputError) {
            guard let (kept, bucket) = result else { return }
            var document = kept
            if let tokenizer = config.tokenizer, config.dedup == nil {
                guard let tokens = count(document.text, tokenizer, file: file, offset: offset, stats: &stats) else { return }
                document.meta["n_tokens"] = .int(tokens)
                stats.add(.bucket(bucket, .tokens), tokens)
            }
            let line = document.jsonLine
            try writers.writer(for: bucket).write(line)
            stats.add(.bucket(bucket, .docs))
            stats.add(.bucket(bucket, .chars), document.characterCount)
            stats.add(.bucket(bucket, .bytes), line.count)
            for (field, bins) in scores {
                if let value = document.meta[field]?.doubleValue { stats.addScore(value, field: field, bins: bins, bucket: bucket) }
            }
        }
        do {
            switch config.format {
            case .warc:
                try (remote.map { try WARCReader(remote: $0, maxRecordBytes: config.maxRecordBytes, limits: config.limits) }
                    ?? WARCReader(path: file, maxRecordBytes: config.maxRecordBytes, limits: config.limits))
                    .forEach(stats: &stats, progress: progress) { (record, stats) throws(OutputError) in
                        let result = document(from: record, stats: &stats)
                        try emit(result, file: record.file, offset: record.offset, stats: &stats)
                    }
            case .jsonl:
                try (remote.map { try JSONLReader(remote: $0, maxLineBytes: config.maxRecordBytes) }
                    ?? JSONLReader(path: file, maxLineBytes: config.maxRecordBytes))
                    .forEach(stats: &stats, progress: progress) { (line, stats) throws(OutputError) in
                        let result = document(from: line, stats: &stats)
                        try emit(result, file: line.file, offset: line.offset, stats: &stats)
                    }
            }
        } catch let problem as InputProblem {
            stats.add(problem)
            warn(problem)
        } catch let error as OutputError {
            throw error
        } catch {
            preconditionFailure("only input problems and output errors are thrown here")
        }
        if let remote {
            remote.close()
            if let failure = remote.failure {
                // What a file that could not be read whole yielded is dropped: only its problem and its cost count.
                warn(failure)
                var failed = RunStats()
                failed.add(.inputs(.files))
                failed.add(failure)
                remote.count(into: &failed)
                return failed
            }
            remote.count(into: &stats)
        }
        if let rejectedError { throw rejectedError }
        try writers.commit()
        try rejectedWriters.commit()
        return stats
    }

    /// The document a JSONL line yields and its bucket: its text field, its id, and its other fields kept for meta.
    func document(from line: JSONLLine, stats: inout RunStats) -> (Document, String)? {
        stats.add(.stage(Self.readStage, .docsIn))
        guard let bytes = line.bytes else { return drop(.oversize, &stats) }
        stats.add(.stage(Self.readStage, .bytesIn), bytes.count)
        var repairs = JSONParser.Repairs()
        let (parsed, invalid) = bytes.withByteView {
            (JSONParser.parse($0, repairs: &repairs), UTF8Check.scan($0).invalid)
        }
        guard case .object(let members)? = parsed else { return drop(.badJSON, &stats) }
        func problem(_ kind: ProblemKind, _ detail: String) {
            stats.add(InputProblem(kind, file: line.file, offset: line.offset, detail: "line \(line.number): \(detail)"))
        }
        // Kept, with U+FFFD in place of what could not be read, or the first of a repeated key, and counted.
        if invalid > 0 { problem(.badUTF8, "\(invalid) invalid UTF-8 sequences") }
        if repairs.loneSurrogates > 0 { problem(.loneSurrogate, "\(repairs.loneSurrogates) lone surrogate escapes") }
        if repairs.duplicateKeys > 0 { problem(.duplicateKey, "\(repairs.duplicateKeys) keys given again; the first value kept") }
        guard case .string(let text)? = members.first(where: { $0.0 == config.textField })?.1, !text.isEmpty else {
            return drop(.noText, &stats)
        }
        // The id as written: a string, or a number's own digits (`18446744073709551615` and `1e999` stay themselves).
        let id: String
        switch members.first(where: { $0.0 == config.idField })?.1 {
        case .string(let value)?: id = value
        case .int(let value)?: id = String(value)
        case .number(let text)?: id = text
        default: id = "\(line.file.split(separator: "/").last ?? ""):\(line.number)"
        }
        var meta = Document.Meta()
        meta.adopt(members.filter { $0.0 != config.textField && $0.0 != config.idField })
        // A token count carried in is kept only while it can be true of this text.
        if case .failure(let error) = MetaCount.check(meta["n_tokens"], "n_tokens", bytes: text.utf8.count) {
            meta["n_tokens"] = nil
            problem(.badValue, error.detail + "; left out")
        }
        let paragraphs = HTMLExtractor.plainText(Array(text.utf8)).paragraphs
        stats.add(.stage(Self.readStage, .docsOut))
        stats.add(.stage(Self.readStage, .bytesOut), text.utf8.count)
        var item = StageItem(document: Document(id: id, text: text, paragraphs: paragraphs, meta: meta), bucket: config.bucket,
                             file: line.file, offset: line.offset)
        return runStages(&item, stats: &stats)
    }

    /// The document a record yields and its bucket, or nil when a check drops it (counted in `stats` with its
    /// reason).
    func document(from record: WARCRecord, stats: inout RunStats) -> (Document, String)? {
        stats.add(.records(type: Self.statsKey(warcType: record.type)))
        guard record.type == "response" else { return nil }
        stats.add(.stage(Self.readStage, .docsIn))
        stats.add(.stage(Self.readStage, .bytesIn), record.bytesRead)
        let (response, dropped) = read(record)
        for kind in response?.problems ?? [] {
            stats.add(InputProblem(kind, file: record.file, offset: record.offset, detail: "in the HTTP response"))
        }
        if let dropped { return drop(dropped, &stats) }
        guard let response else { return nil }
        stats.add(.stage(Self.readStage, .docsOut))
        stats.add(.stage(Self.readStage, .bytesOut), response.payload.count)
        var item = StageItem(record: record, response: response, bucket: config.bucket)
        return runStages(&item, stats: &stats)
    }

    /// One stage's verdict on one record, as `explain` shows it.
    public struct StageTrace: Sendable, Equatable {
        public var stage: String
        /// What the stage measured or decided, in words and numbers.
        public var value: String
        public var passed: Bool
    }

    /// Takes a record or document through the stages; returns the document kept and its bucket. With `trace`, every
    /// stage's verdict is reported and a rejection does not stop the record, so later stages show their values too.
    func runStages(_ item: inout StageItem, stats: inout RunStats,
                   trace: ((StageTrace) -> Void)? = nil) -> (Document, String)? {
        var rejected = false
        let routedAt = config.stages.firstIndex { $0 is LanguageStage } ?? -1
        item.limits = config.limits
        item.watch = DocumentWatch(deadline: ThreadClock.seconds() + config.limits.documentSeconds, memory: memoryBudget)
        for (index, stage) in config.stages.enumerated() {
            stats.add(.stage(stage.name, .docsIn))
            stats.add(.stage(stage.name, .bytesIn), item.size)
            var verdict = workers[index].run(&item, stats: &stats)
            if let passed = item.watch.exceeded() {
                // Counted where it happened, and dropped: a document this slow or this large is most likely hostile.
                let (detail, value, reason): (String, String, DropReason) = passed == .timeLimit
                    ? ("over \(config.limits.documentSeconds) CPU seconds", "over the time limit", .timeLimit)
                    : ("the process over its memory budget of \(memoryBudget.map { $0.bytes >> 20 } ?? 0) MiB",
                       "over the memory budget", .memoryLimit)
                stats.add(InputProblem(passed, file: item.file, offset: item.offset, detail: "\(detail), in \(stage.name)"))
                verdict = StageVerdict(passed: false, value: value, reason: reason)
            }
            trace?(StageTrace(stage: stage.name, value: verdict.value, passed: verdict.passed))
            guard verdict.passed else {
                if trace == nil {
                    if let document = item.document { onRejected?(stage.name, document) }
                    let reason = verdict.reason ?? .rejected(by: stage.name)
                    // A bucket's own funnel starts where documents are routed to it (or at once, without routing).
                    if index > routedAt { stats.add(.bucketDropped(item.bucket, reason.key)) }
                    return drop(reason, &stats)
                }
                rejected = true
                continue
            }
            stats.add(.stage(stage.name, .docsOut))
            stats.add(.stage(stage.name, .bytesOut), item.size)
        }
        return rejected ? nil : item.document.map { ($0, item.bucket) }
    }

    /// Every stage's verdict on one WARC record, past the first rejection.
    public func explain(_ record: WARCRecord) -> [StageTrace] {
        var stats = RunStats()
        var lines: [StageTrace] = []
        guard record.type == "response" else { return [StageTrace(stage: Self.readStage, value: "a \(record.type) record", passed: false)] }
        let (response, dropped) = read(record)
        guard let response else {
            return [StageTrace(stage: Self.readStage, value: dropped == .notHTTP ? "no HTTP response" : "dropped: \(dropped?.key ?? "")",
                               passed: false)]
        }
        lines.append(StageTrace(stage: Self.readStage, value: "HTTP \(response.status) \(response.mediaType), \(response.payload.count) bytes"
                                    + (dropped.map { ", dropped: \($0.key)" } ?? ""), passed: dropped == nil))
        var item = StageItem(record: record, response: response, bucket: config.bucket)
        _ = runStages(&item, stats: &stats) { lines.append($0) }
        return lines
    }

    /// The read stage on a WARC response record, for `run` and `explain` alike: its HTTP response (parsed within the
    /// recipe's record cap and header bound) and why the record is no document, if it is not. A record cut short (or
    /// skipped as oversize) holds part of a page at most.
    private func read(_ record: WARCRecord) -> (response: HTTPResponse?, dropped: DropReason?) {
        if let damage = record.problems.first(where: { $0.kind == .truncated || $0.kind == .oversize }) {
            return (nil, damage.kind == .truncated ? .truncated : .oversize)
        }
        guard record.isHTTPResponse, let response = HTTPResponse.parse(record.block, maxPayloadBytes: config.maxRecordBytes,
                                                                       maxHeaderFields: config.limits.headerFields) else {
            return (nil, .notHTTP)
        }
        guard config.httpStatuses.isEmpty || config.httpStatuses.contains(response.status) else { return (response, .httpStatus) }
        guard config.contentTypes.isEmpty || config.contentTypes.contains(response.mediaType) else { return (response, .contentType) }
        return (response, nil)
    }

    /// The tokens of a kept document, counted within the document's bounds: a text the tokenizer cannot count, or
    /// one that takes longer than `seconds` of CPU time, or the process over its memory budget meanwhile, drops the
    /// document (counted under `dropped.<reason>`), with its problem counted at `file`, `offset` and `place`.
    static func countTokens(_ text: String, _ tokenizer: any Tokenizer, seconds: Double, memory: MemoryBudget?, file: String,
                            offset: Int, place: String = "", stats: inout RunStats) -> Int? {
        let start = ThreadClock.seconds()
        var failure: (ProblemKind, String)?
        var tokens = 0
        do {
            tokens = try tokenizer.count(text)
            if let passed = DocumentWatch(deadline: start + seconds, memory: memory).exceeded() {
                failure = (passed, passed == .timeLimit ? "over \(seconds) CPU seconds" : "the process over its memory budget")
            }
        } catch {
            failure = (.tokenLimit, error.reason)
        }
        guard let (kind, detail) = failure else { return tokens }
        stats.add(InputProblem(kind, file: file, offset: offset, detail: place + detail + ", in tokenize"))
        stats.add(.dropped(kind.rawValue))
        return nil
    }

    private func count(_ text: String, _ tokenizer: any Tokenizer, file: String, offset: Int, stats: inout RunStats) -> Int? {
        Self.countTokens(text, tokenizer, seconds: config.limits.documentSeconds, memory: memoryBudget, file: file, offset: offset,
                         stats: &stats)
    }

    private func drop(_ reason: DropReason, _ stats: inout RunStats) -> (Document, String)? {
        stats.add(.dropped(reason.key))
        return nil
    }
}

/// How many rejected documents each stage may still keep for inspection, shared by a run's workers.
public final class RejectedBudget: Sendable {
    public let limit: Int
    private let taken = Mutex<[String: Int]>([:])

    public init(limit: Int) { self.limit = limit }

    /// Takes one place for `stage`; false when its places are gone.
    func take(_ stage: String) -> Bool {
        taken.withLock { counts in
            guard counts[stage, default: 0] < limit else { return false }
            counts[stage, default: 0] += 1
            return true
        }
    }
}

extension UnitProcessor {
    /// The first stage of every run, whose counters count the records read as documents.
    static let readStage = "read"

    /// The WARC types the standard names, as stats keys; any other value read from input is `other` (an input
    /// value is never a key: dots would nest it, tabs would break marker lines).
    static func statsKey(warcType: String) -> String {
        switch warcType {
        case "warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation": warcType
        case "": "unknown"
        default: "other"
        }
    }
}
