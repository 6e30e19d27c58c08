/// Finds the charset an HTML or XML document declares in its first bytes: `<meta charset>`, `<meta http-equiv=
/// "Content-Type" content="…; charset=…">`, or an XML declaration's `encoding`. Comments are skipped.
enum MetaPrescan {
    /// How many leading bytes are searched. Browsers search 1024; real pages often declare later, after scripts.
    static let limit = 8192

    static func declaredLabel(_ bytes: ByteView) -> String? {
        let b = bytes[0..<min(bytes.count, limit)]
        if b.starts(with: "<?xml".utf8), let end = b.firstIndex(of: ">", from: 5) {
            let attributes = parseAttributes(b, from: 5, to: end)
            if let encoding = attributes["encoding"] { return encoding }
        }
        var i = 0
        while let open = b.firstIndex(of: "<", from: i) {
            i = open + 1
            if matches(b, at: open, "<!--") {
                guard let close = b.firstIndex(of: "-->", from: open + 4) else { return nil }
                i = close + 3
            } else if matches(b, at: open, "<meta"), open + 5 < b.count, b[open + 5].isASCIIWhitespace || b[open + 5] == 0x2f {
                guard let close = b.firstIndex(of: ">", from: open + 5) else { return nil }
                let attributes = parseAttributes(b, from: open + 5, to: close)
                if let charset = attributes["charset"], !charset.isEmpty { return charset }
                if attributes["http-equiv"]?.lowercased() == "content-type", let content = attributes["content"],
                   let charset = charsetInContent(content) {
                    return charset
                }
                i = close + 1
            }
        }
        return nil
    }

    /// The value after `charset=` in a `content` attribute.
    static func charsetInContent(_ content: String) -> String? {
        let text = Array(content.lowercased().utf8)
        let key = "charset"
        guard let found = TextSearch.firstIndex(text, key) else { return nil }
        let blank: Set<UInt8> = [0x20, 0x09]
        let quote: Set<UInt8> = [0x22, 0x27]
        var i = found + key.utf8.count
        while i < text.count && blank.contains(text[i]) { i += 1 }
        guard i < text.count, text[i] == 0x3d else { return nil }
        i += 1
        while i < text.count && (blank.contains(text[i]) || quote.contains(text[i])) { i += 1 }
        let start = i
        while i < text.count && !blank.contains(text[i]) && !quote.contains(text[i]) && text[i] != 0x3b { i += 1 }
        return i > start ? String(decoding: text[start..<i], as: UTF8.self) : nil
    }

    /// Attributes between `from` and `to`, names lowercased, quotes removed.
    private static func parseAttributes(_ b: ByteView, from: Int, to: Int) -> [String: String] {
        var result: [String: String] = [:]
        var i = from
        while i < to {
            while i < to && (b[i].isASCIIWhitespace || b[i] == 0x2f || b[i] == 0x3f) { i += 1 }
            let nameStart = i
            while i < to && !b[i].isASCIIWhitespace && b[i] != 0x3d && b[i] != 0x2f { i += 1 }
            let name = b[nameStart..<i].string.lowercased()
            while i < to && b[i].isASCIIWhitespace { i += 1 }
            var value = ""
            if i < to && b[i] == 0x3d {
                i += 1
                while i < to && b[i].isASCIIWhitespace { i += 1 }
                if i < to && (b[i] == 0x22 || b[i] == 0x27) {
                    let quote = b[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < to && b[i] != quote { i += 1 }
                    value = b[valueStart..<i].string
                    i += 1
                } else {
                    let valueStart = i
                    while i < to && !b[i].isASCIIWhitespace { i += 1 }
                    value = b[valueStart..<i].string
                }
            }
            if !name.isEmpty && result[name] == nil { result[name] = value.trimmingCharacters(in: " \t\r\n") }
            if i == nameStart { i += 1 }
        }
        return result
    }

    /// Whether `b` holds `text` (lowercase ASCII) at `i`, ignoring ASCII case.
    private static func matches(_ b: ByteView, at i: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        return i + count <= b.count && b[i..<i + count].equalsIgnoringCase(text)
    }
}
