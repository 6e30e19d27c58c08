/// UTF-8 validation and repair over raw bytes, with an ASCII fast path.
enum UTF8Check {
    struct Summary: Equatable {
        /// Maximal invalid subsequences, each of which decoding replaces with U+FFFD.
        var invalid = 0
        /// Well-formed multi-byte sequences.
        var multibyte = 0
        var isValid: Bool { invalid == 0 }
    }

    /// Counts well-formed multi-byte sequences and invalid ones.
    static func scan(_ bytes: ByteView) -> Summary {
        var summary = Summary()
        walk(bytes) { _, length in
            if length == 0 { summary.invalid += 1 } else { summary.multibyte += 1 }
        }
        return summary
    }

    /// `bytes` as valid UTF-8: invalid sequences become U+FFFD. Returns the text and how many were replaced.
    static func repair(_ bytes: ByteView) -> (utf8: [UInt8], replaced: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var replaced = 0
        var copied = 0
        walk(bytes) { start, length in
            guard length == 0 else { return }
            out.append(contentsOf: bytes[copied..<start])
            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            replaced += 1
            copied = start + invalidLength(bytes, at: start)
        }
        out.append(contentsOf: bytes[copied...])
        return (out, replaced)
    }

    /// Calls `visit(start, length)` for every non-ASCII sequence: length is 2...4 for a well-formed one, and 0 for
    /// a maximal invalid subsequence (whose length `invalidLength` gives).
    @inline(__always)
    private static func walk(_ bytes: ByteView, _ visit: (Int, Int) -> Void) {
        let count = bytes.count
        var i = 0
        while i < count {
            i = bytes.endOfASCII(from: i)
            guard i < count else { return }
            let length = sequenceLength(bytes, i)
            if length > 0 {
                visit(i, length)
                i += length
            } else {
                visit(i, 0)
                i += invalidLength(bytes, at: i)
            }
        }
    }

    /// The length of the well-formed sequence at `i` (which holds a byte ≥ 0x80), or 0. Bytes past the end read as 0,
    /// never a continuation byte.
    @inline(__always)
    private static func sequenceLength(_ b: ByteView, _ i: Int) -> Int {
        let lead = b[i], second = b[orNUL: i + 1]
        @inline(__always) func cont(_ k: Int) -> Bool { b[orNUL: i + k] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0...0xEF:
            guard cont(1), cont(2) else { return 0 }
            if lead == 0xE0 && second < 0xA0 { return 0 }
            if lead == 0xED && second > 0x9F { return 0 }
            return 3
        case 0xF0...0xF4:
            guard cont(1), cont(2), cont(3) else { return 0 }
            if lead == 0xF0 && second < 0x90 { return 0 }
            if lead == 0xF4 && second > 0x8F { return 0 }
            return 4
        default:
            return 0
        }
    }

    /// The length of the maximal invalid subsequence at `i`: a lead byte with the continuation bytes that fit it.
    private static func invalidLength(_ bytes: ByteView, at i: Int) -> Int {
        let lead = bytes[i]
        let (needed, low, high): (Int, UInt8, UInt8) = switch lead {
        case 0xC2...0xDF: (1, 0x80, 0xBF)
        case 0xE0: (2, 0xA0, 0xBF)
        case 0xED: (2, 0x80, 0x9F)
        case 0xE1...0xEF: (2, 0x80, 0xBF)
        case 0xF0: (3, 0x90, 0xBF)
        case 0xF4: (3, 0x80, 0x8F)
        case 0xF1...0xF3: (3, 0x80, 0xBF)
        default: (0, 0, 0)
        }
        var length = 1
        while length <= needed && i + length < bytes.count {
            let byte = bytes[i + length]
            let lo: UInt8 = length == 1 ? low : 0x80
            let hi: UInt8 = length == 1 ? high : 0xBF
            guard byte >= lo && byte <= hi else { break }
            length += 1
        }
        return length
    }
}

/// Wide CJK characters at the edges of UTF-8 text: what decides whether a line end between two characters is a
/// space or a hard wrap.
enum UTF8Scalars {
    /// Whether a scalar is East Asian wide and not Hangul: kana, Han, CJK punctuation and full-width forms. Text in
    /// these scripts puts no spaces between words.
    static func isWideCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: true
        default: false
        }
    }

    /// Whether the last character of `text` is wide CJK.
    static func endsWideCJK(_ text: [UInt8]) -> Bool {
        var start = text.count - 1
        while start > 0 && text[start] & 0xC0 == 0x80 && text.count - start < 4 { start -= 1 }
        return start >= 0 && isWideCJK(text, start)
    }

    /// Whether the character starting at `index` of `bytes` is wide CJK.
    static func startsWideCJK(_ bytes: ByteView, _ index: Int) -> Bool {
        let lead = bytes[index]
        guard lead >= 0xE2 else { return false }
        let length = lead >= 0xF0 ? 4 : 3
        guard index + length <= bytes.count else { return false }
        var value = UInt32(lead & (length == 4 ? 0x07 : 0x0F))
        for k in 1..<length { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        return isWideCJK(value)
    }

    private static func isWideCJK(_ text: [UInt8], _ start: Int) -> Bool {
        text.withByteView { startsWideCJK($0, start) }
    }
}
