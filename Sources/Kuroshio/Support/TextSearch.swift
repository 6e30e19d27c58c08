/// Substring search over UTF-8 bytes, for checks run on every paragraph: Foundation's `String.contains` compares by
/// grapheme and is many times slower.
enum TextSearch {
    /// The bytes of `text`, ASCII letters lowered.
    static func loweredBytes(_ text: String) -> [UInt8] {
        text.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    }

    /// Whether `haystack` holds `needle` (compare lowered bytes with a lowercase needle to ignore ASCII case).
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool { firstIndex(haystack, needle) != nil }

    /// Whether the UTF-8 of `text` holds `needle`, case as it is.
    static func contains(_ text: String, _ needle: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { firstIndex($0, needle) != nil } ?? contains(Array(text.utf8), needle)
    }

    /// Where `needle` starts in `haystack`, or nil.
    static func firstIndex(_ haystack: [UInt8], _ needle: String) -> Int? {
        haystack.withUnsafeBufferPointer { firstIndex($0, needle) }
    }

    /// Where `needle` first starts in `haystack` at or after `from`, or nil.
    static func firstIndex(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: String, from: Int = 0) -> Int? {
        var needle = needle
        return needle.withUTF8 { needle -> Int? in
            guard let first = needle.first, haystack.count - from >= needle.count else { return nil }
            var i = max(0, from)
            let last = haystack.count - needle.count
            while i <= last {
                if haystack[i] == first {
                    var j = 1
                    while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
    }
}
