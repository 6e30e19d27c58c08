/// Cuts what the extractor would drop anyway out of the HTML bytes before libxml2 sees them: the contents of
/// `<script>` and `<style>` elements, and comments. On modern pages that is often half the bytes, and libxml2 would
/// tokenize and allocate nodes for all of it. The cut follows HTML's own rule: a script ends at the first
/// `</script`, whatever the script says.
enum InertContent {
    static func strip(_ html: [UInt8]) -> [UInt8] {
        html.withByteView { b -> [UInt8] in
            var out: [UInt8] = []
            var copied = 0
            var i = 0
            let count = b.count
            while i < count {
                guard let open = nextByte(0x3C, b, from: i) else { break }
                i = open + 1
                var end: Int?
                // Most tags start neither `<!` nor `<s`, and are passed over at a glance.
                let second = b[orNUL: open + 1] | 0x20
                if second == 0x21 && matches(b, open, Self.commentOpen) {
                    end = find(b, from: open + 4, Self.commentClose).map { $0 + 3 } ?? count
                } else if second == 0x73, let tag = rawTextTag(b, open) {
                    // Keep the start tag so the element still exists; drop its body and end tag.
                    guard let close = nextByte(0x3E, b, from: open + 1) else { break }
                    out.append(contentsOf: b[copied..<close + 1])
                    copied = close + 1
                    if let endTag = find(b, from: close + 1, tag) {
                        out.append(contentsOf: tag)
                        copied = endTag + tag.count
                        i = copied
                    } else {
                        copied = count
                        i = count
                    }
                    continue
                }
                if let end {
                    if out.isEmpty { out.reserveCapacity(count) }
                    out.append(contentsOf: b[copied..<open])
                    copied = end
                    i = end
                }
            }
            if copied == 0 { return html }
            if copied < count { out.append(contentsOf: b[copied...]) }
            return out
        }
    }

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    private static let rawText = [("<script", "</script"), ("<style", "</style")].map { (Array($0.utf8), Array($1.utf8)) }

    /// `</script` or `</style` when a raw-text element starts at `at`.
    private static func rawTextTag(_ b: ByteView, _ at: Int) -> [UInt8]? {
        for (open, close) in rawText where matches(b, at, open) {
            let next = at + open.count
            if next < b.count, b[next] == 0x3E || b[next] == 0x20 || b[next] == 0x09 || b[next] == 0x0A
                || b[next] == 0x0D || b[next] == 0x2F {
                return close
            }
        }
        return nil
    }

    private static func nextByte(_ byte: UInt8, _ b: ByteView, from: Int) -> Int? { b.firstIndex(of: byte, from: from) }

    /// Whether `text` (ASCII) is at `at`, ignoring case.
    private static func matches(_ b: ByteView, _ at: Int, _ text: [UInt8]) -> Bool {
        guard b.count - at >= text.count else { return false }
        for k in text.indices where b[at + k] | 0x20 != text[k] | 0x20 { return false }
        return true
    }

    /// The next position of `text` (ASCII, any case) from `from`.
    private static func find(_ b: ByteView, from: Int, _ text: [UInt8]) -> Int? {
        let first = text[0]
        var i = from
        while let at = nextByte(first, b, from: i) {
            if matches(b, at, text) { return at }
            i = at + 1
        }
        return nil
    }
}
