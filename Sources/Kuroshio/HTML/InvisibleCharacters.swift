/// Characters that take no room and carry nothing for a corpus: zero width space (U+200B), the byte order mark or
/// zero width no-break space (U+FEFF) anywhere in the text, and the zero width joiner (U+200D) except where it joins
/// emoji (👨‍👩‍👧).
enum InvisibleCharacters {
    /// The length in bytes of the invisible character at `i` in UTF-8, or 0. `afterEmoji` tells whether the text
    /// kept so far ends in an emoji, where a joiner stays.
    @inline(__always)
    static func length(_ bytes: ByteView, _ i: Int, afterEmoji: @autoclosure () -> Bool) -> Int {
        guard i + 2 < bytes.count else { return 0 }
        let (a, b, c) = (bytes[i], bytes[i + 1], bytes[i + 2])
        if a == 0xE2 && b == 0x80 && (c == 0x8B || (c == 0x8D && !afterEmoji())) { return 3 }
        if a == 0xEF && b == 0xBB && c == 0xBF { return 3 }
        return 0
    }

    /// Whether UTF-8 `text` ends in an emoji (U+1F000 and above, dingbats and symbols U+2600–27BF) or the emoji
    /// variation selector U+FE0F.
    static func endsInEmoji(_ text: [UInt8]) -> Bool {
        let n = text.count
        if n >= 4 && text[n - 4] == 0xF0 && text[n - 3] == 0x9F { return true }
        if n >= 3 && text[n - 3] == 0xEF && text[n - 2] == 0xB8 && text[n - 1] == 0x8F { return true }
        if n >= 3 && text[n - 3] == 0xE2 && (text[n - 2] == 0x98 || text[n - 2] == 0x99 || text[n - 2] == 0x9A
                                              || text[n - 2] == 0x9B || text[n - 2] == 0x9C || text[n - 2] == 0x9D
                                              || text[n - 2] == 0x9E) { return true }
        return false
    }

    /// `utf8` without invisible characters, and with carriage returns as line ends (CR LF and a lone CR, as old Mac
    /// files end lines, both become LF).
    static func clean(_ utf8: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        utf8.withByteView { bytes in
            var i = 0
            while i < bytes.count {
                let skip = length(bytes, i, afterEmoji: endsInEmoji(out))
                if skip > 0 {
                    i += skip
                    continue
                }
                if bytes[i] == 0x0D {
                    if i + 1 == bytes.count || bytes[i + 1] != 0x0A { out.append(0x0A) }
                } else {
                    out.append(bytes[i])
                }
                i += 1
            }
        }
        return out
    }
}
