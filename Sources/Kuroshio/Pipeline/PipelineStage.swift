/// One step of a pipeline, applied to each record or document in turn. A stage is configured once from its recipe
/// entry and shared by every worker thread; each thread runs it through a worker of its own, so that stages holding
/// parsers or detectors (which are not thread-safe) make one per thread. `StageRegistry` maps recipe names to stages.
public protocol PipelineStage: Sendable {
    var name: String { get }
    func makeWorker() -> any StageWorker
}

/// A stage's work on one thread.
public protocol StageWorker {
    /// Judges the item, and may change it (extract makes its document, language picks its bucket); counters that
    /// are not a stage's in and out go to `stats`.
    mutating func run(_ item: inout StageItem, stats: inout RunStats) -> StageVerdict
}

/// A stage without per-thread state is its own worker.
public protocol StatelessStage: PipelineStage, StageWorker {}

extension StatelessStage {
    public func makeWorker() -> any StageWorker { self }
}

/// What the stages work on: a WARC record and its HTTP response until a stage makes the document, then the
/// document, and the bucket it is headed for.
public struct StageItem {
    public var record: WARCRecord?
    public var response: HTTPResponse?
    public var document: Document?
    public var bucket: String
    /// Where the item was read: its file, and the offset of its record or line.
    public var file = ""
    public var offset = 0
    /// The input's bounds, and what stops the document in flight: its CPU deadline and the memory budget.
    public var limits = InputLimits()
    public var watch = DocumentWatch()

    /// The bytes of the text, or of the payload before there is text.
    var size: Int { document?.text.utf8.count ?? response?.payload.count ?? 0 }
}

extension StageItem {
    /// The item of a WARC record: where it was read comes from the record.
    init(record: WARCRecord, response: HTTPResponse, bucket: String) {
        self.init(record: record, response: response, bucket: bucket, file: record.file, offset: record.offset)
    }
}

/// A stage's verdict on one item and what it measured, in words and numbers (as `explain` shows it).
public struct StageVerdict: Sendable, Equatable {
    public var passed: Bool
    public var value: String
    /// Why the item is dropped when it does not pass; nil means rejected by the stage itself.
    public var reason: DropReason?

    public init(passed: Bool, value: String, reason: DropReason? = nil) {
        self.passed = passed
        self.value = value
        self.reason = reason
    }

    /// The verdict of a stage that has nothing to judge yet (no document before extraction).
    static let notYet = StageVerdict(passed: true, value: "no document yet")
}

/// Why a record or document leaves the pipeline, counted in `stats.json` under `dropped.<key>`.
public enum DropReason: Sendable, Equatable {
    /// The record was cut short, or skipped as larger than the cap.
    case truncated, oversize
    /// The record is not an HTTP response, or not one the recipe reads (status, content type).
    case notHTTP, httpStatus, contentType
    /// A JSONL line is not a JSON object, or has no text.
    case badJSON, noText
    /// Nothing was left of the text (every paragraph was boilerplate, or cleaned away).
    case emptyText
    /// The payload is not text whatever its content type says (an image, an archive, bytes with NULs).
    case binary
    /// The language stage routed the document to no kept bucket, or below its bucket's least score.
    case language, languageScore
    /// It took more than `limits.document_seconds` of CPU time.
    case timeLimit
    /// It was in flight while the process was over its memory budget (`MemoryBudget`).
    case memoryLimit
    /// Its tokenizer could not count it within `TokenizerBounds`.
    case tokenLimit
    /// A stage rejected it: a filter's value out of bounds, or a check such as the Japanese prefilter.
    case rejected(by: String)

    public var key: String {
        switch self {
        case .truncated: "truncated"
        case .oversize: "oversize"
        case .notHTTP: "not-http"
        case .httpStatus: "http-status"
        case .contentType: "content-type"
        case .badJSON: "bad-json"
        case .noText: "no-text"
        case .emptyText: "empty-text"
        case .binary: "binary"
        case .language: "language"
        case .languageScore: "language-score"
        case .timeLimit: "time-limit"
        case .memoryLimit: "memory-limit"
        case .tokenLimit: "token-limit"
        case .rejected(let stage): stage
        }
    }
}
