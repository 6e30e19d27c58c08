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

    public var kana: Int { hiragana + katakana }
    public var letters: Int { kana + han + hangul + otherLetters }
    /// The share of kana among all letters, 0 when there are none.
    public var kanaRatio: Double { letters == 0 ? 0 : Double(kana) / Double(letters) }

    public init(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A:
                otherLetters += 1
                asciiLetters += 1
            case 0..<0x80, 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20: break
            case 0x3041...0x309F: hiragana += 1
            case 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: katakana += 1
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: han += 1
            case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
            default: if scalar.properties.isAlphabetic { otherLetters += 1 }
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

    /// `lang="ja"`, `lang=ja-JP` or `xml:lang='ja'` in the first bytes.
    private func declaresJapanese(_ b: ByteView) -> Bool {
        var i = 0
        while i + 7 < b.count {
            if b[i] | 0x20 == 0x6C && b[i + 1] | 0x20 == 0x61 && b[i + 2] | 0x20 == 0x6E && b[i + 3] | 0x20 == 0x67 {
                var j = i + 4
                while j < b.count && b[j] == 0x20 { j += 1 }
                if j < b.count && b[j] == 0x3D {
                    j += 1
                    while j < b.count && (b[j] == 0x20 || b[j] == 0x22 || b[j] == 0x27) { j += 1 }
                    if j + 1 < b.count && b[j] | 0x20 == 0x6A && b[j + 1] | 0x20 == 0x61
                        && (j + 2 == b.count || !isLetter(b[j + 2])) {
                        return true
                    }
                }
            }
            i += 1
        }
        return false
    }

    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Kana in any of the Japanese encodings, stopping once enough are found.
    private func countKana(_ b: ByteView) -> Int {
        var utf8 = 0, shiftJIS = 0, eucJP = 0
        var i = 0
        let count = b.count
        while i + 2 < count {
            // Skip plain ASCII eight bytes at a time; ISO-2022 escapes are looked for byte by byte below.
            while i + 8 <= count {
                let word = b.word(at: i)
                if word & 0x8080_8080_8080_8080 != 0 || (word ^ 0x1B1B_1B1B_1B1B_1B1B).hasZeroByte { break }
                i += 8
            }
            guard i + 2 < count else { break }
            let byte = b[i]
            if byte < 0x80 {
                if byte == 0x1B && b[i + 1] == 0x24 && (b[i + 2] == 0x42 || b[i + 2] == 0x40) { return minimumKana }
                i += 1
                continue
            }
            let next = b[i + 1]
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            if byte >= 0xC2 && byte <= 0xF4 && i + length <= count && b[i + 1] & 0xC0 == 0x80
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

extension UInt64 {
    /// Whether any of the eight bytes is zero.
    var hasZeroByte: Bool { (self &- 0x0101_0101_0101_0101) & ~self & 0x8080_8080_8080_8080 != 0 }
}
