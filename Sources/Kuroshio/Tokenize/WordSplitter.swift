/// The pre-tokenisation regexes of the cl100k family (cl100k, llama3, qwen2), written out as code: the same pieces as
/// the regex, without a regex engine. The alternatives, tried in order at each position:
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

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) &- 0x61 < 26 }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    @inline(__always) static func isNumber(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value &- 0x30 < 10 }
        switch s.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value == 0x20 || s.value &- 0x09 < 5) : s.properties.isWhitespace
    }

    @inline(__always) static func isLineBreak(_ s: Unicode.Scalar) -> Bool { s == "\r" || s == "\n" }

    /// The pieces of `text`, as UTF-8.
    func split(_ text: String) -> [ArraySlice<UInt8>] {
        let scalars = Array(text.unicodeScalars)
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (i, scalar) in scalars.enumerated() { offsets[i + 1] = offsets[i] + UTF8.width(scalar) }
        let bytes = Array(text.utf8)
        var pieces: [ArraySlice<UInt8>] = []
        var i = 0
        let n = scalars.count
        while i < n {
            let end = pieceEnd(scalars, i)
            pieces.append(bytes[offsets[i]..<offsets[end]])
            i = end
        }
        return pieces
    }

    /// Where the piece starting at `i` ends.
    private func pieceEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        let n = s.count
        let c = s[i]
        // 1. Contractions.
        if c == "'" && i + 1 < n {
            let a = Self.lower(s[i + 1])
            if a == "s" || a == "t" || a == "m" || a == "d" { return i + 2 }
            if i + 2 < n {
                let b = Self.lower(s[i + 2])
                if (a == "r" && b == "e") || (a == "v" && b == "e") || (a == "l" && b == "l") { return i + 3 }
            }
        }
        // 2. An optional non-letter, non-number, non-line-break, then letters.
        var j = i
        if !Self.isLetter(c) && !Self.isNumber(c) && !Self.isLineBreak(c) { j += 1 }
        if j < n && Self.isLetter(s[j]) {
            j += 1
            while j < n && Self.isLetter(s[j]) { j += 1 }
            return j
        }
        // 3. Numbers.
        if Self.isNumber(c) {
            j = i + 1
            while j < n && j - i < maxDigits && Self.isNumber(s[j]) { j += 1 }
            return j
        }
        // 4. An optional space, punctuation and symbols, then line breaks.
        j = c == " " ? i + 1 : i
        if j < n && !Self.isSpace(s[j]) && !Self.isLetter(s[j]) && !Self.isNumber(s[j]) {
            j += 1
            while j < n && !Self.isSpace(s[j]) && !Self.isLetter(s[j]) && !Self.isNumber(s[j]) { j += 1 }
            while j < n && Self.isLineBreak(s[j]) { j += 1 }
            return j
        }
        // 5–8. Whitespace.
        var run = i
        var lastBreak = -1
        while run < n && Self.isSpace(s[run]) {
            if Self.isLineBreak(s[run]) { lastBreak = run }
            run += 1
        }
        if trailingWhitespace && run == n { return n }
        if lastBreak >= 0 { return lastBreak + 1 }
        if run == n || run - i == 1 { return run }
        return run - 1
    }

    @inline(__always) static func lower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value &- 0x41 < 26 { return Unicode.Scalar(s.value | 0x20)! }
        return s == "\u{17F}" ? "s" : s
    }
}
