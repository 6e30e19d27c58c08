/// HTTP/1.1 chunked transfer-encoding.
enum Chunked {
    /// Joined chunks, and how they ended.
    struct Decoded: Equatable {
        enum Ending: Equatable {
            /// With the last, zero-size chunk.
            case complete
            /// The body ran out inside a chunk or a size line.
            case cut
            /// A size line that is not one, where more bytes follow (a chunk's size lied).
            case malformed
            /// A chunk's size lied short, and the bytes after it end with the last, zero-size chunk: they are the
            /// chunk's own, joined whole.
            case resized
        }

        var bytes: [UInt8]
        var ending: Ending
    }

    /// Joins the chunks of `body`. Returns nil when it is not chunked after all (the header can lie), so the
    /// caller keeps the body as it is. A body that is cut, or whose chunks stop making sense, yields the chunks
    /// before, with how it ended.
    static func decode(_ body: [UInt8]) -> Decoded? {
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = 0
        var chunks = 0
        while i < body.count {
            // Chunk size in hex, optional extensions after ';', then CRLF.
            var size = 0
            var digits = 0
            while i < body.count, let digit = hexValue(body[i]) {
                guard size <= (Int.max >> 5) else { return nil }
                size = size * 16 + digit
                digits += 1
                i += 1
            }
            guard digits > 0 else {
                guard chunks > 0 else { return nil }
                guard i < body.count else { return Decoded(bytes: out, ending: .cut) }
                if let end = lastChunkStart(body, from: i) {
                    out.append(contentsOf: body[i..<end])
                    return Decoded(bytes: out, ending: .resized)
                }
                return Decoded(bytes: out, ending: .malformed)
            }
            while i < body.count && body[i] != 0x0a { i += 1 }
            // A body cut inside the size line ends here.
            guard i < body.count else { return chunks > 0 ? Decoded(bytes: out, ending: .cut) : nil }
            i += 1
            if size == 0 { return Decoded(bytes: out, ending: .complete) }
            let available = min(size, max(0, body.count - i))
            out.append(contentsOf: body[i..<(i + available)])
            i += available
            // CRLF after the chunk data.
            if i < body.count && body[i] == 0x0d { i += 1 }
            if i < body.count && body[i] == 0x0a { i += 1 }
            chunks += 1
        }
        return chunks > 0 ? Decoded(bytes: out, ending: .cut) : nil
    }

    /// Where the line break before a closing `0` chunk (`\r\n0\r\n\r\n`, trailing whitespace aside) starts, when
    /// the body after `from` ends so.
    private static func lastChunkStart(_ body: [UInt8], from: Int) -> Int? {
        var end = body.count
        while end > from && (body[end - 1] == 0x0d || body[end - 1] == 0x0a) { end -= 1 }
        guard end - from >= 2, body[end - 1] == 0x30, body[end - 2] == 0x0a else { return nil }
        var start = end - 2
        if start > from && body[start - 1] == 0x0d { start -= 1 }
        return start
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }
}
