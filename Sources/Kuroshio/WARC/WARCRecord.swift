/// One WARC record: its version, header fields and content block.
public struct WARCRecord: Sendable {
    /// The file the record came from.
    public var file: String
    /// Where a reader can seek to read this record again: the start of its gzip member, or of the record itself
    /// in an uncompressed file. A record inside a larger gzip member is named by its decompressed offset.
    public var offset: Int
    /// The version from the first line, such as `1.0`, `1.1` or `0.18`.
    public var version: String
    public var headers: HeaderFields
    /// The content block, or fewer bytes when the record is truncated, or none when it is oversize.
    public var block: [UInt8]
    /// The block length the header declares.
    public var contentLength: Int
    /// The block bytes actually read or skipped (fewer than declared when the input ends first): what byte counters
    /// add up, since a declared length can be anything.
    public var bytesRead = 0
    /// What went wrong reading this record, or reaching it, in the order found.
    public var problems: [InputProblem]

    public var type: String { headers["WARC-Type"] ?? "" }
    public var targetURI: String {
        var uri = Substring(headers["WARC-Target-URI"] ?? "")
        if uri.hasPrefix("<") && uri.hasSuffix(">") { uri = uri.dropFirst().dropLast() }
        return String(uri)
    }
    public var recordID: String { headers["WARC-Record-ID"] ?? "" }
    public var date: String { headers["WARC-Date"] ?? "" }
    public var contentType: String { headers["Content-Type"] ?? "" }

    /// Whether the block holds an HTTP response message.
    public var isHTTPResponse: Bool {
        type == "response" && (block.starts(with: "HTTP/".utf8) || contentType.lowercased().contains("application/http"))
    }
}
