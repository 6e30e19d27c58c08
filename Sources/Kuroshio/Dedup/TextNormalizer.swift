import Foundation

/// The text that dedup compares: Unicode NFKC (full-width Latin and half-width kana folded), with every run of
/// whitespace collapsed to one space and none at either end. Two documents with the same normalised text are exact
/// duplicates.
enum TextNormalizer {
    /// The normalised text as UTF-8. Scalars whose NFKC form is known here (ASCII, kana, common CJK ideographs,
    /// Japanese punctuation, full-width ASCII, whitespace) are handled on bytes; each run of other scalars goes to
    /// the full normaliser, with the scalar before it, which a combining mark in the run may compose with. The
    /// scalars known here are starters that never compose with what precedes them, so the runs are normalised alone
    /// exactly as in the whole text.
    static func normalize(_ text: Substring) -> [UInt8] {
        text.withByteView { bytes in
            var out = CollapsedText(capacity: bytes.count)
            var i = 0
            while i < bytes.count {
                let (form, length) = commonForm(bytes, at: i)
                switch form {
                case .space:
                    out.space()
                case .ascii(let byte):
                    out.begin(at: i)
                    out.bytes.append(byte)
                case .unchanged:
                    out.begin(at: i)
                    out.bytes.append(contentsOf: bytes[i..<i + length])
                case .other:
                    let start = out.reopenLastScalar() ?? i
                    var end = i + length
                    while end < bytes.count, case (.other, let next) = commonForm(bytes, at: end) { end += next }
                    let run = bytes[start..<end].string
                    for scalar in run.nfkc.unicodeScalars {
                        if isSpace(scalar.value) {
                            out.space()
                        } else {
                            out.begin(at: nil)
                            UTF8.encode(scalar) { out.bytes.append($0) }
                        }
                    }
                    i = end
                    continue
                }
                i += length
            }
            return out.bytes
        }
    }

    static func normalize(_ text: String) -> [UInt8] { normalize(text[...]) }

    /// The NFKC form of a scalar, where it is known here.
    private enum CommonForm {
        case space
        /// Full-width ASCII, folded, or ASCII itself.
        case ascii(UInt8)
        /// Hiragana, katakana, common CJK ideographs and Japanese punctuation.
        case unchanged
        /// Anything else, for the full normaliser.
        case other
    }

    /// The NFKC form of the scalar at `i` and its length in bytes.
    private static func commonForm(_ bytes: ByteView, at i: Int) -> (CommonForm, Int) {
        let lead = bytes[i]
        if lead < 0x80 { return (lead == 0x20 || lead &- 0x09 < 5 ? .space : .ascii(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard length == 3 else { return (.other, length) }
        let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        switch value {
        case _ where isSpace(value): return (.space, 3)
        case 0xFF01...0xFF5E: return (.ascii(UInt8(value - 0xFEE0)), 3)
        case 0x3001...0x301F, 0x3041...0x3096, 0x30A1...0x30FE, 0x4E00...0x9FFF: return (.unchanged, 3)
        default: return (.other, 3)
        }
    }

    /// Normalised UTF-8 under construction: runs of whitespace collapse to one space, and none lead or trail.
    private struct CollapsedText {
        var bytes: [UInt8] = []
        private var pendingSpace = false
        /// Where the last scalar began in the input and in `bytes`, while it is the last thing read.
        private var last: (input: Int, output: Int)?

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func space() {
            pendingSpace = !bytes.isEmpty
            last = nil
        }

        /// Starts a scalar read at input position `input` (nil: one that cannot be reopened).
        mutating func begin(at input: Int?) {
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            last = input.map { ($0, bytes.count) }
        }

        /// Takes back the last scalar, when it was the last thing read, and returns where it began in the input.
        mutating func reopenLastScalar() -> Int? {
            guard let last else { return nil }
            bytes.removeSubrange(last.output...)
            self.last = nil
            return last.input
        }
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
