#if canImport(Glibc)
import Glibc
#endif

/// Cuts what the extractor would drop anyway out of the HTML bytes before libxml2 sees them: the contents of
/// `<script>` and `<style>` elements, and comments. On modern pages that is often half the bytes, and libxml2 would
/// tokenize and allocate nodes for all of it. The cut follows HTML's own rule: a script ends at the first
/// `</script`, whatever the script says.
enum InertContent {
    static func strip(_ html: [UInt8]) -> [UInt8] {
        html.withUnsafeBufferPointer { b -> [UInt8] in
            var out: [UInt8] = []
            var copied = 0
            var i = 0
            let count = b.count
            while i < count {
                guard let open = nextByte(0x3C, b, from: i) else { break }
                i = open + 1
                var end: Int?
                if matches(b, open, "<!--") {
                    end = find(b, from: open + 4, "-->").map { $0 + 3 } ?? count
                } else if let tag = rawTextTag(b, open) {
                    // Keep the start tag so the element still exists; drop its body and end tag.
                    guard let close = nextByte(0x3E, b, from: open + 1) else { break }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...close]))
                    copied = close + 1
                    if let endTag = find(b, from: close + 1, tag) {
                        tag.withUTF8Buffer { out.append(contentsOf: $0) }
                        copied = endTag + tag.utf8CodeUnitCount
                        i = copied
                    } else {
                        copied = count
                        i = count
                    }
                    continue
                }
                if let end {
                    if out.isEmpty { out.reserveCapacity(count) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<open]))
                    copied = end
                    i = end
                }
            }
            if copied == 0 { return html }
            if copied < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...])) }
            return out
        }
    }

    /// `</script` or `</style` when a raw-text element starts at `at`.
    private static func rawTextTag(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> StaticString? {
        for (open, close): (StaticString, StaticString) in [("<script", "</script"), ("<style", "</style")] where matches(b, at, open) {
            let next = at + open.utf8CodeUnitCount
            if next < b.count, b[next] == 0x3E || b[next] == 0x20 || b[next] == 0x09 || b[next] == 0x0A
                || b[next] == 0x0D || b[next] == 0x2F {
                return close
            }
        }
        return nil
    }

    private static func nextByte(_ byte: UInt8, _ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < b.count, let found = memchr(b.baseAddress! + from, Int32(byte), b.count - from) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(b.baseAddress!)
    }

    /// Whether `text` (ASCII) is at `at`, ignoring case.
    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ text: StaticString) -> Bool {
        text.withUTF8Buffer { text in
            guard b.count - at >= text.count else { return false }
            for k in text.indices where b[at + k] | 0x20 != text[k] | 0x20 { return false }
            return true
        }
    }

    /// The next position of `text` (ASCII, any case) from `from`.
    private static func find(_ b: UnsafeBufferPointer<UInt8>, from: Int, _ text: StaticString) -> Int? {
        let first = text.withUTF8Buffer { $0[0] }
        var i = from
        while let at = nextByte(first, b, from: i) {
            if matches(b, at, text) { return at }
            i = at + 1
        }
        return nil
    }
}
