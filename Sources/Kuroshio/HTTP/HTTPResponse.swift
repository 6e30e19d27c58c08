/// The HTTP response inside a WARC `response` record: status, headers and the payload after transfer and content
/// decoding.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HeaderFields
    /// The entity body, dechunked and decompressed where the headers say so and the bytes agree.
    public var payload: [UInt8]
    /// Problems met while decoding; the payload is then kept as it was.
    public var problems: [ProblemKind]

    /// The media type of `Content-Type`, lowercased, without parameters.
    public var mediaType: String {
        let value = headers["Content-Type"] ?? ""
        let type = value.split(separator: ";", maxSplits: 1).first ?? ""
        return type.trimmingCharacters(in: " \t").lowercased()
    }

    /// The `charset` parameter of `Content-Type`, if any.
    public var charsetLabel: String? { headers["Content-Type"].flatMap(Self.charsetParameter) }

    /// Whether the payload is text a charset applies to (HTML, XML, plain text, JSON, scripts), or unlabelled.
    public var isText: Bool {
        let type = mediaType
        return type.isEmpty || type.hasPrefix("text/") || type.contains("html") || type.contains("xml")
            || type.contains("json") || type.contains("javascript")
    }

    /// Parses an HTTP response message. Returns nil when it does not start with an HTTP status line.
    /// `maxPayloadBytes` bounds what decompression may produce, and `maxHeaderFields` the fields read.
    public static func parse(_ message: [UInt8], maxPayloadBytes: Int = WARCReader.defaultMaxRecordBytes,
                             maxHeaderFields: Int = InputLimits().headerFields) -> HTTPResponse? {
        message.withByteView { bytes -> HTTPResponse? in
            guard let (head, bodyStart) = parseHead(bytes, maxHeaderFields: maxHeaderFields) else { return nil }
            var response = head
            response.payload = Array(bytes[bodyStart...])
            response.decodeBody(maxPayloadBytes: maxPayloadBytes)
            return response
        }
    }

    /// The status line and header fields of an HTTP response message, with an empty payload, and where its body
    /// starts. Returns nil when the message does not start with an HTTP status line.
    static func parseHead(_ bytes: ByteView, maxHeaderFields: Int) -> (HTTPResponse, bodyStart: Int)? {
        guard bytes.count >= 12, bytes.starts(with: "HTTP/".utf8) else { return nil }
        var lineEnd = 0
        while lineEnd < bytes.count && bytes[lineEnd] != 0x0a { lineEnd += 1 }
        // "HTTP/1.1 200 OK": the status is the three digits after the first space.
        var i = 5
        while i < lineEnd && bytes[i] != 0x20 { i += 1 }
        while i < lineEnd && bytes[i] == 0x20 { i += 1 }
        var status = 0
        var digits = 0
        while i < lineEnd && digits < 3, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
            status = status * 10 + Int(bytes[i] - 0x30)
            i += 1
            digits += 1
        }
        guard digits == 3 else { return nil }
        var problems: [ProblemKind] = []
        // The head ends at the first empty line (CRLF or bare LF). A message without one is all head.
        var headEnd = bytes.count
        var bodyStart = bytes.count
        var j = lineEnd
        while j < bytes.count {
            if bytes[j] == 0x0a {
                if j + 1 < bytes.count && bytes[j + 1] == 0x0a { headEnd = j + 1; bodyStart = j + 2; break }
                if j + 2 < bytes.count && bytes[j + 1] == 0x0d && bytes[j + 2] == 0x0a { headEnd = j + 1; bodyStart = j + 3; break }
            }
            j += 1
        }
        if j >= bytes.count { problems.append(.badHTTP) }
        let headers = HeaderFields.parse(bytes[min(lineEnd + 1, headEnd)..<headEnd],
                                         maxFields: maxHeaderFields)
        if headers.overflowed { problems.append(.headerLimit) }
        return (HTTPResponse(status: status, headers: headers, payload: [], problems: problems), bodyStart)
    }

    /// Whether the body is chunked or content-coded: it must be decoded to be the payload.
    var bodyIsEncoded: Bool { isChunked || contentCoding != nil }

    private var isChunked: Bool { headers["Transfer-Encoding"]?.lowercased().contains("chunked") ?? false }

    /// The `Content-Encoding`, lowercased, unless it is none or `identity`.
    private var contentCoding: String? {
        guard let coding = headers["Content-Encoding"]?.trimmingCharacters(in: " \t").lowercased(),
              !coding.isEmpty, coding != "identity" else { return nil }
        return coding
    }

    /// Dechunks and decompresses the payload where the headers say so and the bytes agree; a problem is noted, and
    /// the payload kept as it was, where they do not.
    private mutating func decodeBody(maxPayloadBytes: Int) {
        if isChunked {
            if let dechunked = Chunked.decode(payload) {
                payload = dechunked.bytes
                switch dechunked.ending {
                case .complete: break
                case .cut: problems.append(.truncated)
                case .malformed: problems.append(.badChunked)
                case .resized: problems.append(.chunkSizeLied)
                }
            } else {
                problems.append(.notChunked)
            }
        }
        if let coding = contentCoding {
            switch ContentDecoding.decode(payload, coding: coding, maxBytes: maxPayloadBytes) {
            case .decoded(let plain): payload = plain
            case .notEncoded: break
            case .failed: problems.append(.badEncoding)
            }
        }
    }

    /// The value of the `charset` parameter in a `Content-Type` value, unquoted.
    static func charsetParameter(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: " \t").lowercased() == "charset" else { continue }
            let value = pair[1].trimmingCharacters(in: " \t\"'")
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
