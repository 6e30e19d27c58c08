/// Counts of the scripts in decoded text, used to tell a right decoding from mojibake: Japanese decoded as
/// Chinese keeps its kana, Chinese or Korean decoded as Japanese has none, and EUC-JP read as Shift_JIS turns
/// into half-width katakana.
struct ScriptProfile: Equatable {
    var nonASCII = 0
    var kana = 0
    var halfwidthKana = 0
    var han = 0
    var hangul = 0
    var hangulJamo = 0
    /// C1 controls, private-use characters and U+FFFD: what wrong decodings produce and text seldom holds.
    var junk = 0
    /// Ideographs or syllables with a single space between them: Korean spaces its words, Chinese and Japanese
    /// do not, so Korean read as either shows many.
    var spacedPairs = 0

    init(_ utf8: ByteView) {
        var i = 0
        let count = utf8.count
        var lastWide = -10
        var spaceAfterWide = false
        while i < count {
            let lead = utf8[i]
            if lead < 0x80 {
                spaceAfterWide = lead == 0x20 && lastWide == i - 3
                i += 1
                continue
            }
            var scalar: UInt32
            if lead < 0xE0, i + 1 < count {
                scalar = UInt32(lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                i += 2
            } else if lead < 0xF0, i + 2 < count {
                scalar = UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                i += 3
            } else {
                scalar = 0x10000
                i += 4
            }
            nonASCII += 1
            var wide = true
            switch scalar {
            case 0x3041...0x30FF: kana += 1
            case 0xFF61...0xFF9F: halfwidthKana += 1; wide = false
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: han += 1
            case 0xAC00...0xD7A3: hangul += 1
            case 0x3131...0x318E: hangulJamo += 1
            case 0x80...0x9F, 0xE000...0xF8FF, 0xFFFD: junk += 1; wide = false
            default: wide = false
            }
            if wide {
                if spaceAfterWide && lastWide == i - 4 { spacedPairs += 1 }
                lastWide = i - 3
                if scalar > 0xFFFF { lastWide = -10 }
            }
            spaceAfterWide = false
        }
    }

    /// Whether text in this profile reads as the writing system of `family`.
    func isPlausible(as family: Charset.Family) -> Bool {
        if junk * 10 > nonASCII { return false }
        let ideographic = han + kana
        let enough = ideographic + hangul >= 20
        switch family {
        case .japanese:
            if halfwidthKana * 3 > nonASCII || hangul * 10 > nonASCII || spacedPairs * 5 > ideographic { return false }
            return !enough || kana * 20 >= ideographic
        case .simplifiedChinese, .traditionalChinese:
            if halfwidthKana * 10 > nonASCII || hangul * 10 > nonASCII || spacedPairs * 5 > ideographic { return false }
            return !enough || kana * 20 < ideographic
        case .korean:
            if kana * 10 > nonASCII { return false }
            return !enough || (hangul * 10 >= (hangul + ideographic) * 3 && hangulJamo * 5 <= hangul)
        case .unicode, .singleByte:
            return true
        }
    }

    /// Whether the text carries its writing system's own mark, which a wrong decoding is unlikely to produce:
    /// kana for Japanese, Hangul syllables for Korean. Chinese has no such mark.
    func isDistinctive(as family: Charset.Family) -> Bool {
        switch family {
        case .japanese: kana >= 10 && kana * 10 >= han + kana && halfwidthKana * 10 < nonASCII
        case .korean: hangul >= 10 && hangul * 2 >= hangul + han + kana && hangulJamo * 10 < hangul
        default: false
        }
    }
}
