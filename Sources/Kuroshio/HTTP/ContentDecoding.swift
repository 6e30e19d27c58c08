import CZlib

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

    /// Inflates `input`. A stream that ends early gives what decoded; one that would exceed `maxBytes` fails. With
    /// `concatenated`, gzip members that follow the first are inflated too, as one stream (as `zcat` reads them).
    static func inflate(_ input: [UInt8], windowBits: Int32, maxBytes: Int, concatenated: Bool = false) -> Outcome {
        var stream = z_stream()
        guard kuroshio_inflateInit2(&stream, windowBits) == Z_OK else { return .failed }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: min(maxBytes, max(4096, input.count * 4)))
        var produced = 0
        var status = Z_OK
        input.withUnsafeBufferPointer { inBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = UInt32(inBuffer.count)
            while status == Z_OK && produced < maxBytes {
                if produced == output.count {
                    output.append(contentsOf: repeatElement(0, count: min(output.count, maxBytes - output.count)))
                }
                output.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress! + produced
                    stream.avail_out = UInt32(out.count - produced)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    produced = out.count - Int(stream.avail_out)
                }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
                if status == Z_STREAM_END && concatenated && stream.avail_in >= 2 && stream.next_in[0] == 0x1f
                    && stream.next_in[1] == 0x8b {
                    inflateReset(&stream)
                    status = Z_OK
                }
            }
        }
        // Output beyond the cap (a decompression bomb) is refused rather than cut silently.
        if status == Z_OK && produced >= maxBytes { return .failed }
        return produced > 0 || status == Z_STREAM_END ? .decoded(Array(output[0..<produced])) : .failed
    }
}
