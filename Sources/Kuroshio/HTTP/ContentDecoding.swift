/// HTTP `Content-Encoding` of gzip or deflate. The header can lie (crawlers store bodies already decoded, and
/// some servers label plain bodies), so the bytes decide: a body that is not compressed is kept as it is.
enum ContentDecoding {
    enum Outcome: Equatable {
        case decoded([UInt8])
        /// The body is not in the named encoding; keep it.
        case notEncoded
        /// The encoding is unsupported or the data is corrupt; keep the body.
        case failed
    }

    static func decode(_ body: [UInt8], coding: String, maxBytes: Int) -> Outcome {
        switch coding {
        case "gzip", "x-gzip":
            guard body.count >= 2, body[0] == 0x1f, body[1] == 0x8b else { return .notEncoded }
            return inflate(body, windowBits: 15 + 16, maxBytes: maxBytes)
        case "deflate":
            // RFC 9110 says zlib-wrapped; many servers send raw deflate. Plain text starts with neither.
            if body.count >= 2, body[0] & 0x0f == 8, (Int(body[0]) << 8 | Int(body[1])) % 31 == 0 {
                return inflate(body, windowBits: 15, maxBytes: maxBytes)
            }
            if looksLikeText(body) { return .notEncoded }
            return inflate(body, windowBits: -15, maxBytes: maxBytes)
        default:
            return .failed
        }
    }

    /// Whether the first bytes are plausible text rather than compressed data.
    private static func looksLikeText(_ body: [UInt8]) -> Bool {
        let head = body.prefix(512)
        let control = head.filter { $0 < 0x09 || ($0 > 0x0d && $0 < 0x20) }.count
        return control * 20 < head.count
    }

    /// Inflates `input` (`Compression.inflate`): what decoded, or a failure.
    static func inflate(_ input: [UInt8], windowBits: Int32, maxBytes: Int) -> Outcome {
        Compression.inflate(input, windowBits: windowBits, maxBytes: maxBytes).map(Outcome.decoded) ?? .failed
    }
}
