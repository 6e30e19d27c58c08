/// Substring search over UTF-8 bytes, for checks run on every paragraph: Foundation's `String.contains` compares by
/// grapheme and is many times slower.
enum TextSearch {
    /// The bytes of `text`, ASCII letters lowered.
    static func loweredBytes(_ text: String) -> [UInt8] {
        text.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    }

    /// Whether `haystack` holds `needle` (compare lowered bytes with a lowercase needle to ignore ASCII case).
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool { haystack.withByteView { $0.firstIndex(of: needle) != nil } }

    /// Where `needle` starts in `haystack`, or nil.
    static func firstIndex(_ haystack: [UInt8], _ needle: String) -> Int? { haystack.withByteView { $0.firstIndex(of: needle) } }

    /// Whether the UTF-8 of `text` holds `needle`, case as it is.
    static func contains(_ text: String, _ needle: String) -> Bool { text.withByteView { $0.firstIndex(of: needle) != nil } }
}
