import Foundation

/// The text that dedup compares: Unicode NFKC (full-width Latin and half-width kana folded), with every run of
/// whitespace collapsed to one space and none at either end. Two documents with the same normalised text are exact
/// duplicates.
enum TextNormalizer {
    /// The normalised text as UTF-8.
    static func normalize(_ text: Substring) -> [UInt8] {
        if let folded = foldCommon(text) { return folded }
        return collapse(text.nfkc.unicodeScalars)
    }

    static func normalize(_ text: String) -> [UInt8] { normalize(text[...]) }

    /// The normalised text when every scalar is one whose NFKC form is known here: ASCII, hiragana, katakana, the
    /// common CJK ideographs and Japanese punctuation (unchanged), full-width ASCII (folded to ASCII) and
    /// whitespace. Nil otherwise, for the full normaliser. Most Japanese and English text takes this path, on bytes.
    private static func foldCommon(_ text: Substring) -> [UInt8]? {
        var text = text
        return text.withUTF8 { bytes -> [UInt8]? in
            var complete = true
            let out = [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
                count = 0
                var pendingSpace = false
                var i = 0
                while i < bytes.count {
                    let lead = bytes[i]
                    if lead < 0x80 {
                        i += 1
                        if lead == 0x20 || lead &- 0x09 < 5 {
                            pendingSpace = count > 0
                            continue
                        }
                        if pendingSpace {
                            out[count] = 0x20
                            count += 1
                            pendingSpace = false
                        }
                        out[count] = lead
                        count += 1
                        continue
                    }
                    guard lead >= 0xE0, lead < 0xF0, i + 2 < bytes.count else {
                        complete = false
                        return
                    }
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    if isSpace(value) {
                        pendingSpace = count > 0
                        i += 3
                        continue
                    }
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    switch value {
                    case 0xFF01...0xFF5E:
                        out[count] = UInt8(value - 0xFEE0)
                        count += 1
                    case 0x3001...0x301F, 0x3041...0x3096, 0x30A1...0x30FE, 0x4E00...0x9FFF:
                        out[count] = lead
                        out[count + 1] = bytes[i + 1]
                        out[count + 2] = bytes[i + 2]
                        count += 3
                    default:
                        complete = false
                        return
                    }
                    i += 3
                }
            }
            return complete ? out : nil
        }
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
