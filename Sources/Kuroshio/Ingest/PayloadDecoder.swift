/// A response record's payload in UTF-8, with the decisions made on the way.
public struct DecodedPayload: Sendable {
    public var response: HTTPResponse
    /// The charset decision; nil when the payload is not text (images, archives).
    public var decision: CharsetDecision?
    /// The payload in UTF-8 (for non-text payloads, the raw bytes).
    public var text: [UInt8]
}

/// One line of `warc ls`: what a record is and what ingest decided about it.
public struct RecordSummary: Sendable, Equatable {
    public var file: String
    public var offset: Int
    public var warcType: String
    public var targetURI: String
    public var httpStatus: Int?
    public var contentType: String
    public var charset: String?
    public var bytes: Int
    public var problems: [ProblemKind]

    public static let columns = ["file", "offset", "warc_type", "target_uri", "http_status", "content_type", "charset",
                                 "bytes", "problem"]

    /// The fields in `columns` order, with tabs and line breaks made spaces.
    public var fields: [String] {
        [file, String(offset), warcType, targetURI, httpStatus.map(String.init) ?? "", contentType, charset ?? "",
         String(bytes), problems.map(\.rawValue).joined(separator: ",")].map(\.tsvField)
    }
}

/// Turns WARC records into HTTP responses and UTF-8 text. One per thread: it holds iconv and uchardet state.
public final class PayloadDecoder {
    private let charsets = CharsetDecoder()
    public let maxPayloadBytes: Int

    public init(maxPayloadBytes: Int = WARCReader.defaultMaxRecordBytes) {
        self.maxPayloadBytes = maxPayloadBytes
    }

    /// The decoded payload of a `response` record holding HTTP, else nil.
    public func decode(_ record: WARCRecord) -> DecodedPayload? {
        guard record.isHTTPResponse, let response = HTTPResponse.parse(record.block, maxPayloadBytes: maxPayloadBytes)
        else { return nil }
        guard response.isText else { return DecodedPayload(response: response, decision: nil, text: response.payload) }
        let (decision, text) = charsets.decode(response.payload, httpLabel: response.charsetLabel)
        return DecodedPayload(response: response, decision: decision, text: text)
    }

    /// The `warc ls` line for a record. The charset is decided (and verified) for text responses, on the body where
    /// it lies in the record unless it must be dechunked or decompressed first.
    public func summarize(_ record: WARCRecord) -> RecordSummary {
        var summary = RecordSummary(file: record.file, offset: record.offset, warcType: record.type,
                                    targetURI: record.targetURI, httpStatus: nil, contentType: record.contentType,
                                    charset: nil, bytes: record.contentLength, problems: record.problems.map(\.kind))
        guard record.isHTTPResponse else { return summary }
        record.block.withByteView { block in
            guard let (head, bodyStart) = HTTPResponse.parseHead(block, maxHeaderFields: InputLimits().headerFields) else {
                if !block.isEmpty { summary.problems.append(.badHTTP) }
                return
            }
            let decoded = head.bodyIsEncoded ? HTTPResponse.parse(record.block, maxPayloadBytes: maxPayloadBytes) : nil
            let response = decoded ?? head
            summary.httpStatus = response.status
            summary.contentType = response.mediaType
            summary.problems += response.problems
            guard response.isText else { return }
            let decision = if let decoded {
                charsets.decide(decoded.payload, httpLabel: response.charsetLabel)
            } else {
                charsets.decide(block[bodyStart...], httpLabel: response.charsetLabel)
            }
            summary.charset = decision.charset.name
        }
        return summary
    }
}
