/// The pre-tokenisation regexes of the cl100k family (cl100k, llama3, qwen2), written out as code over UTF-8 bytes:
/// the same pieces as the regex, without a regex engine. The alternatives, tried in order at each position:
///
/// 1. an apostrophe and s, t, m, d, re, ve or ll, in any case;
/// 2. one optional character that is not a letter, a number or a line break, then letters;
/// 3. one to `maxDigits` numbers;
/// 4. an optional space, then characters that are not whitespace, letters or numbers, then line breaks;
/// 5. (cl100k) whitespace up to the end of the text;
/// 6. whitespace up to and including its last line break;
/// 7. whitespace not followed by a non-space (all of it at the end, else all but its last character);
/// 8. whitespace.
struct WordSplitter: Sendable {
    /// 3 for cl100k and llama3, 1 for qwen2.
    let maxDigits: Int
    /// cl100k's `\s++$`: whitespace running to the end is one piece.
    let trailingWhitespace: Bool

    static let presets: [String: WordSplitter] = [
        "cl100k": WordSplitter(maxDigits: 3, trailingWhitespace: true),
        "llama3": WordSplitter(maxDigits: 3, trailingWhitespace: false),
        "qwen2": WordSplitter(maxDigits: 1, trailingWhitespace: false),
    ]

    /// Calls `piece(start, end)` with the byte range of each piece of `text` (valid UTF-8), in order.
    @inline(__always)
    func split(_ text: Span<UInt8>, _ piece: (_ start: Int, _ end: Int) -> Void) {
        var i = 0
        while i < text.count {
            let end = pieceEnd(text, i)
            piece(i, end)
            i = end
        }
    }

    /// Where the piece starting at byte `i` ends.
    private func pieceEnd(_ s: Span<UInt8>, _ i: Int) -> Int {
        let n = s.count
        let (c, afterC) = s.scalar(at: i)
        let kind = ScalarClass.of(c)
        // 1. Contractions.
        if c == 0x27 && afterC < n {
            let (a, afterA) = s.scalar(at: afterC)
            switch Self.lower(a) {
            case 0x73, 0x74, 0x6D, 0x64: return afterA  // s t m d
            case 0x72, 0x76, 0x6C:  // r(e) v(e) l(l)
                if afterA < n {
                    let (b, afterB) = s.scalar(at: afterA)
                    let lowerA = Self.lower(a), lowerB = Self.lower(b)
                    if (lowerA == 0x6C && lowerB == 0x6C) || (lowerA != 0x6C && lowerB == 0x65) { return afterB }
                }
            default: break
            }
        }
        // 2. An optional non-letter, non-number, non-line-break, then letters.
        var j = i
        if !kind.contains(.letter) && !kind.contains(.number) && !Self.isLineBreak(c) { j = afterC }
        if j < n, ScalarClass.of(s.scalar(at: j).scalar).contains(.letter) {
            j = s.scalar(at: j).next
            while j < n {
                let (scalar, next) = s.scalar(at: j)
                guard ScalarClass.of(scalar).contains(.letter) else { break }
                j = next
            }
            return j
        }
        // 3. Numbers.
        if kind.contains(.number) {
            j = afterC
            var digits = 1
            while j < n && digits < maxDigits {
                let (scalar, next) = s.scalar(at: j)
                guard ScalarClass.of(scalar).contains(.number) else { break }
                j = next
                digits += 1
            }
            return j
        }
        // 4. An optional space, punctuation and symbols, then line breaks.
        j = c == 0x20 ? afterC : i
        if j < n, ScalarClass.of(s.scalar(at: j).scalar).isEmpty {
            j = s.scalar(at: j).next
            while j < n {
                let (scalar, next) = s.scalar(at: j)
                guard ScalarClass.of(scalar).isEmpty else { break }
                j = next
            }
            while j < n && Self.isLineBreak(s.scalar(at: j).scalar) { j += 1 }
            return j
        }
        // 5–8. Whitespace.
        var run = i, last = i
        var afterLastBreak = -1
        while run < n {
            let (scalar, next) = s.scalar(at: run)
            guard ScalarClass.of(scalar).contains(.space) else { break }
            if Self.isLineBreak(scalar) { afterLastBreak = next }
            last = run
            run = next
        }
        if trailingWhitespace && run == n { return n }
        if afterLastBreak >= 0 { return afterLastBreak }
        if run == n || s.scalar(at: i).next == run { return run }
        return last
    }

    @inline(__always) static func isLineBreak(_ s: UInt32) -> Bool { s == 0x0D || s == 0x0A }

    /// ASCII letters and U+017F (long s, which folds to s) in lower case; other scalars unchanged.
    @inline(__always) static func lower(_ s: UInt32) -> UInt32 {
        if s &- 0x41 < 26 { return s | 0x20 }
        return s == 0x17F ? 0x73 : s
    }
}

extension Span where Element == UInt8 {
    /// The scalar of valid UTF-8 that starts at byte `i`, and the byte after it.
    @inline(__always)
    func scalar(at i: Int) -> (scalar: UInt32, next: Int) {
        let lead = UInt32(self[i])
        if lead < 0x80 { return (lead, i + 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(self[i + 1] & 0x3F), i + 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(self[i + 1] & 0x3F) << 6 | UInt32(self[i + 2] & 0x3F), i + 3)
        }
        return ((lead & 0x07) << 18 | UInt32(self[i + 1] & 0x3F) << 12 | UInt32(self[i + 2] & 0x3F) << 6
            | UInt32(self[i + 3] & 0x3F), i + 4)
    }
}

/// The classes the pre-tokenisation regexes ask about (`\p{L}`, `\p{N}`, `\s`), from a table for the Basic
/// Multilingual Plane and Unicode properties above it.
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8
    static let letter = ScalarClass(rawValue: 1)
    static let number = ScalarClass(rawValue: 2)
    static let space = ScalarClass(rawValue: 4)

    private static let basicPlane: [ScalarClass] = (0..<0x10000).map { value in
        Unicode.Scalar(UInt32(value)).map(compute) ?? []
    }

    @inline(__always) static func of(_ scalar: UInt32) -> ScalarClass {
        scalar < 0x10000 ? basicPlane[Int(scalar)] : Unicode.Scalar(scalar).map(compute) ?? []
    }

    private static func compute(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .decimalNumber, .letterNumber, .otherNumber: return .number
        default: return scalar.properties.isWhitespace ? .space : []
        }
    }
}
