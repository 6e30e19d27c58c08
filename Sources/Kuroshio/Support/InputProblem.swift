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
    /// Chunked transfer-encoding that did not decode; the body is kept as it was.
    case badChunked = "bad-chunked"
    /// A Content-Encoding that is not supported or did not decode; the body is kept as it was.
    case badEncoding = "bad-encoding"
    /// The file could not be opened or read.
    case unreadable

    public static func < (lhs: ProblemKind, rhs: ProblemKind) -> Bool { lhs.rawValue < rhs.rawValue }
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
