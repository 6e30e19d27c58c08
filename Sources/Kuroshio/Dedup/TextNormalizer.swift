import Foundation

/// The text that dedup compares: Unicode NFKC (full-width Latin and half-width kana folded), with every run of
/// whitespace collapsed to one space and none at either end. Two documents with the same normalised text are exact
/// duplicates.
enum TextNormalizer {
    static func normalize(_ text: Substring) -> String {
        let folded = isNFKCStable(text) ? String(text) : String(text).precomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(scalar)
        }
        return String(out)
    }

    static func normalize(_ text: String) -> String { normalize(text[...]) }

    /// True when NFKC leaves `text` as it is because it holds only scalars that NFKC neither maps nor composes with:
    /// ASCII, hiragana, katakana, the common CJK ideographs and Japanese punctuation. Most Japanese and English text
    /// takes this path and skips the (slow) normaliser.
    static func isNFKCStable(_ text: Substring) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00..<0x80, 0x3001...0x3003, 0x3005...0x3007, 0x300C...0x3011, 0x3041...0x3096, 0x30A1...0x30FA,
                 0x30FC...0x30FE, 0x4E00...0x9FFF:
                continue
            default:
                return false
            }
        }
        return true
    }
}
