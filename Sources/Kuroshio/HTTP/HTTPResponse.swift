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
        message.withUnsafeBufferPointer { bytes -> HTTPResponse? in
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
            let headers = HeaderFields.parse(UnsafeBufferPointer(rebasing: bytes[min(lineEnd + 1, headEnd)..<headEnd]),
                                             maxFields: maxHeaderFields)
            if headers.overflowed { problems.append(.headerLimit) }
            var payload = Array(bytes[bodyStart...])
            if let transfer = headers["Transfer-Encoding"], transfer.lowercased().contains("chunked") {
                if let dechunked = Chunked.decode(payload) {
                    payload = dechunked.bytes
                    switch dechunked.ending {
                    case .complete: break
                    case .cut: problems.append(.truncated)
                    case .malformed: problems.append(.badChunked)
                    }
                } else {
                    problems.append(.badChunked)
                }
            }
            if let coding = headers["Content-Encoding"]?.trimmingCharacters(in: " \t").lowercased(),
               !coding.isEmpty, coding != "identity" {
                switch ContentDecoding.decode(payload, coding: coding, maxBytes: maxPayloadBytes) {
                case .decoded(let plain): payload = plain
                case .notEncoded: break
                case .failed: problems.append(.badEncoding)
                }
            }
            return HTTPResponse(status: status, headers: headers, payload: payload, problems: problems)
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

extension StringProtocol {
    /// The string without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        let unwanted = Set(set)
        guard let first = firstIndex(where: { !unwanted.contains($0) }) else { return "" }
        let last = lastIndex(where: { !unwanted.contains($0) })!
        return String(self[first...last])
    }
}
