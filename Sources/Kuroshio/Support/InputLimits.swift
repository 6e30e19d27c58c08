/// Bounds on what one piece of input may cost, set in a recipe's `limits` section, so that hostile or unlucky input
/// costs bounded time and memory. A limit hit is a counted problem with its file and offset; what came before it is
/// kept, and the run goes on. (The record cap, `reader.max_record_bytes`, also bounds decompressed bodies.)
public struct InputLimits: Sendable, Equatable {
    /// Bytes scanned in one stretch for the next record; past them the rest of the gzip member (or of a plain file)
    /// is skipped unread.
    public var resyncBytes = 256 << 20
    /// Bytes of one WARC header block; a longer one is taken for garbage.
    public var headerBytes = 1 << 20
    /// Fields of one WARC or HTTP header; the rest are dropped.
    public var headerFields = 1000
    /// Nesting depth of HTML elements; deeper ones fold into their ancestor, which gets their text.
    public var pageDepth = 256
    /// Elements of one HTML page; parsing stops there, keeping the paragraphs before.
    public var pageElements = 250_000
    /// Paragraphs of one HTML page; the rest are dropped.
    public var pageParagraphs = 50_000
    /// CPU seconds one document may spend in the stages; a slower one is dropped.
    public var documentSeconds = 2.0

    public init() {}

    /// The keys of a recipe's `limits` section.
    static let keys = ["resync_bytes", "header_bytes", "header_fields", "page_depth", "page_elements", "page_paragraphs",
                       "document_seconds"]
}
