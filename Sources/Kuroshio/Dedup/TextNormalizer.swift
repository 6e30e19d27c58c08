import Foundation

/// The text that dedup compares: Unicode NFKC (full-width Latin and half-width kana folded), with every run of
/// whitespace collapsed to one space and none at either end. Two documents with the same normalised text are exact
/// duplicates.
enum TextNormalizer {
    /// The normalised text as UTF-8.
    static func normalize(_ text: Substring) -> [UInt8] {
        if let folded = foldCommon(text) { return folded }
        return collapse(String(text).precomposedStringWithCompatibilityMapping.unicodeScalars)
    }

    static func normalize(_ text: String) -> [UInt8] { normalize(text[...]) }

    /// The normalised text when every scalar is one whose NFKC form is known here: ASCII, hiragana, katakana, the
    /// common CJK ideographs and Japanese punctuation (unchanged), full-width ASCII (folded to ASCII) and
    /// whitespace. Nil otherwise, for the full normaliser. Most Japanese and English text takes this path.
    private static func foldCommon(_ text: Substring) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if isSpace(value) {
                pendingSpace = !out.isEmpty
                continue
            }
            switch value {
            case 0x00..<0x80, 0x3001...0x3007, 0x3008...0x301F, 0x3041...0x3096, 0x30A1...0x30FE, 0x4E00...0x9FFF:
                break
            case 0xFF01...0xFF5E:
                value -= 0xFEE0
            default:
                return nil
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            UTF8.encode(Unicode.Scalar(value)!) { out.append($0) }
        }
        return out
    }

    private static func collapse(_ scalars: String.UnicodeScalarView) -> [UInt8] {
        var out: [UInt8] = []
        var pendingSpace = false
        for scalar in scalars {
            if isSpace(scalar.value) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            UTF8.encode(scalar) { out.append($0) }
        }
        return out
    }

    /// Unicode whitespace (White_Space=yes).
    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
