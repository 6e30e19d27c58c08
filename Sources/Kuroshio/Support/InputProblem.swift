/// Why a piece of input was cut short, skipped or kept as it was. Bad input never traps: it becomes one of these,
/// counted and reported with the file and byte offset where it happened.
public enum ProblemKind: String, Sendable, CaseIterable, Comparable {
    /// The file, a gzip member or a record body ended before its declared length.
    case truncated
    /// A record above the size cap, skipped without being buffered whole.
    case oversize
    /// Bytes that were not a record (or not a gzip member) were skipped up to the next one.
    case resync
    /// A gzip member whose deflate data is invalid.
    case corrupt
    /// A WARC header without a usable Content-Length.
    case badHeader = "bad-header"
    /// An HTTP response whose head could not be parsed.
    case badHTTP = "bad-http"
    /// Chunked transfer-encoding whose chunks stopped making sense (a chunk's size lied): the body is kept as far as
    /// it decoded.
    case badChunked = "bad-chunked"
    /// A chunk whose size lied short, over data that ends as chunked data ends (with the last, zero-size chunk):
    /// the chunk was read whole. Nothing is lost.
    case chunkSizeLied = "chunk-size-lied"
    /// A body the headers call chunked that is not (WARC writers often store bodies dechunked and keep the header):
    /// read whole, as it was. Nothing is lost.
    case notChunked = "not-chunked"
    /// A Content-Encoding that is not supported or did not decode; the body is kept as it was.
    case badEncoding = "bad-encoding"
    /// The file could not be opened or read.
    case unreadable
    /// A remote input that could not be read whole: refused (a 404, a refused S3 signature), given up after its
    /// retries, or changed while it was read. What it yielded is not kept, and a rerun asks for it again.
    case remote
    /// A JSONL line with bytes that are not UTF-8: each invalid sequence was read as U+FFFD.
    case badUTF8 = "bad-utf8"
    /// A JSON string with an escaped surrogate half (`\ud800`) missing its other half: it was read as U+FFFD.
    case loneSurrogate = "lone-surrogate"
    /// More bytes than `limits.resync_bytes` were not a record: the rest of the file was given up.
    case resyncLimit = "resync-limit"
    /// A WARC or HTTP header with more fields than `limits.header_fields`: the rest were dropped.
    case headerLimit = "header-limit"
    /// A page with elements nested deeper than `limits.page_depth`: they were folded into their ancestors.
    case depthLimit = "depth-limit"
    /// A page with more elements than `limits.page_elements`: parsing stopped there.
    case elementLimit = "element-limit"
    /// A page with more paragraphs than `limits.page_paragraphs`: the rest were dropped.
    case paragraphLimit = "paragraph-limit"
    /// A document that spent more than `limits.document_seconds` of CPU time in the stages: it was dropped.
    case timeLimit = "time-limit"
    /// A document in flight while the process held more memory than its budget (`--memory-mb` per job): it was
    /// dropped.
    case memoryLimit = "memory-limit"

    /// A number read from a file that cannot be what it claims (a count that is negative, fractional or past
    /// `Int.max`, a token count larger than its document could hold): it was left out.
    case badValue = "bad-value"
    /// A JSON object with a key given twice: the first value was kept.
    case duplicateKey = "duplicate-key"
    /// A document its tokenizer could not count within its bounds (a piece or an expansion past the caps, or the
    /// time limit): it was dropped.
    case tokenLimit = "token-limit"

    public static func < (lhs: ProblemKind, rhs: ProblemKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether the input was read whole despite the problem (a header that lied about chunking, a repaired
    /// character, a duplicate key), rather than cut, skipped or dropped.
    public var keptWhole: Bool {
        switch self {
        case .notChunked, .chunkSizeLied, .badUTF8, .loneSurrogate, .duplicateKey, .depthLimit: true
        default: false
        }
    }
}

/// One problem, with where it happened.
public struct InputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var kind: ProblemKind
    public var file: String
    /// Byte offset in the file (for gzip files, of the member in which the problem was found).
    public var offset: Int
    public var detail: String

    public init(_ kind: ProblemKind, file: String, offset: Int, detail: String = "") {
        self.kind = kind
        self.file = file
        self.offset = offset
        self.detail = detail
    }

    public var description: String {
        "\(file)@\(offset): \(kind.rawValue)" + (detail.isEmpty ? "" : " (\(detail))")
    }
}
