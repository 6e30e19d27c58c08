/// Counts of letters by script in UTF-8 text: what the Japanese checks measure.
public struct ScriptCounts: Sendable, Equatable {
    public var hiragana = 0
    public var katakana = 0
    public var han = 0
    public var hangul = 0
    /// Letters of other scripts (Latin, Cyrillic, …), by a cheap test: ASCII letters plus non-CJK letters.
    public var otherLetters = 0
    /// Of `otherLetters`, those in ASCII.
    public var asciiLetters = 0
    /// Characters that are neither letters nor whitespace: digits, punctuation, symbols.
    public var marks = 0

    public var kana: Int { hiragana + katakana }
    public var letters: Int { kana + han + hangul + otherLetters }
    /// The share of kana among all letters, 0 when there are none.
    public var kanaRatio: Double { letters == 0 ? 0 : Double(kana) / Double(letters) }

    /// The text's content in CJK characters: a kana, Han or Hangul character is 1, and any other character that
    /// is not whitespace `alphabeticWeight` (a CJK character carries about as much as two or three Latin letters).
    public func content(alphabeticWeight: Double) -> Double {
        Double(kana + han + hangul) + alphabeticWeight * Double(otherLetters + marks)
    }

    public init<Text: StringProtocol>(_ text: Text) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A:
                otherLetters += 1
                asciiLetters += 1
            case 0x09, 0x0A, 0x0D, 0x20: break
            case 0..<0x80, 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20: marks += 1
            case 0x3041...0x309F: hiragana += 1
            case 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: katakana += 1
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: han += 1
            case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
            default: if scalar.properties.isAlphabetic { otherLetters += 1 } else { marks += 1 }
            }
        }
    }
}

/// The cheap test Common Crawl pages meet before any parsing: a page that cannot be Japanese is dropped on its raw
/// bytes. It passes on `<html lang="ja">` (or `xml:lang`), a Japanese charset label (HTTP or `<meta>`), or kana in
/// the payload: UTF-8, Shift_JIS or EUC-JP kana, or ISO-2022-JP escapes. Shift_JIS and EUC-JP byte pairs can be
/// other encodings' characters too, so they must be four times as many.
public struct JapanesePrefilter: Sendable {
    /// How many kana must appear for the bytes alone to pass.
    public var minimumKana: Int

    /// How many leading bytes are searched for kana: Japanese pages show them in their title and first paragraphs.
    static let kanaScanBytes = 64 << 10

    public init(minimumKana: Int = 3) { self.minimumKana = minimumKana }

    /// Whether the page may be Japanese, with the reason when it may.
    public func mayBeJapanese(_ payload: [UInt8], httpCharset: String?) -> Bool {
        if let label = httpCharset, Charset(label: label)?.family == .japanese { return true }
        return payload.withByteView { bytes in
            let head = bytes[0..<Swift.min(bytes.count, 4096)]
            if declaresJapanese(head) { return true }
            if let label = MetaPrescan.declaredLabel(bytes), Charset(label: label)?.family == .japanese { return true }
            return countKana(bytes[0..<Swift.min(bytes.count, Self.kanaScanBytes)]) >= minimumKana
        }
    }

    /// `lang="ja"`, `lang=ja-JP` or `xml:lang='ja'` in the first bytes: found from each `=`.
    private func declaresJapanese(_ b: ByteView) -> Bool {
        var from = 0
        while let equals = b.firstIndex(of: 0x3D, from: from) {
            from = equals + 1
            var k = equals
            while k > 0 && b[k - 1] == 0x20 { k -= 1 }
            guard k >= 4, k + 3 < b.count, b[k - 4] | 0x20 == 0x6C, b[k - 3] | 0x20 == 0x61, b[k - 2] | 0x20 == 0x6E,
                  b[k - 1] | 0x20 == 0x67 else { continue }
            var j = equals + 1
            while j < b.count && (b[j] == 0x20 || b[j] == 0x22 || b[j] == 0x27) { j += 1 }
            if j + 1 < b.count && b[j] | 0x20 == 0x6A && b[j + 1] | 0x20 == 0x61 && (j + 2 == b.count || !isLetter(b[j + 2])) {
                return true
            }
        }
        return false
    }

    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Kana in any of the Japanese encodings, stopping once enough are found; enough when an ISO-2022-JP escape
    /// (`ESC $ B` or `ESC $ @`) appears.
    private func countKana(_ b: ByteView) -> Int {
        var escape = 0
        while let found = b.firstIndex(of: 0x1B, from: escape), found + 2 < b.count {
            if b[found + 1] == 0x24 && (b[found + 2] == 0x42 || b[found + 2] == 0x40) { return minimumKana }
            escape = found + 1
        }
        var utf8 = 0, shiftJIS = 0, eucJP = 0
        var i = 0
        let count = b.count
        while i + 2 < count {
            i = b.endOfASCII(from: i)
            guard i + 2 < count else { break }
            let byte = b[i], next = b[i + 1]
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            if byte >= 0xC2 && byte <= 0xF4 && i + length <= count && next & 0xC0 == 0x80
                && (length < 3 || b[i + 2] & 0xC0 == 0x80) && (length < 4 || b[i + 3] & 0xC0 == 0x80) {
                // A whole UTF-8 sequence: kana are U+3040–U+30FF.
                if byte == 0xE3 && next >= 0x81 && next <= 0x83 { utf8 += 1 }
                i += length
            } else if (byte == 0x82 && next >= 0x9F && next <= 0xF1) || (byte == 0x83 && next >= 0x40 && next <= 0x96) {
                shiftJIS += 1
                i += 2
            } else if (byte == 0xA4 || byte == 0xA5) && next >= 0xA1 && next <= 0xF6 {
                eucJP += 1
                i += 2
            } else {
                i += 1
            }
            if utf8 >= minimumKana || shiftJIS >= minimumKana * 4 || eucJP >= minimumKana * 4 { return minimumKana }
        }
        return Swift.max(utf8, shiftJIS / 4, eucJP / 4)
    }
}
