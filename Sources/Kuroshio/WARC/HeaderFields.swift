/// Header fields in their original order, looked up by name case-insensitively (WARC and HTTP alike).
public struct HeaderFields: Sendable, Equatable, Sequence {
    public private(set) var fields: [(name: String, value: String)] = []
    /// Whether `parse` dropped fields past its `maxFields`.
    public private(set) var overflowed = false

    public init() {}

    public init(_ fields: [(name: String, value: String)]) { self.fields = fields }

    public static func == (lhs: HeaderFields, rhs: HeaderFields) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    public mutating func append(name: String, value: String) { fields.append((name, value)) }

    /// The first value of `name`, compared without regard to ASCII case.
    public subscript(name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }

    /// Whether two field names are equal but for ASCII case, compared byte by byte.
    static func sameName(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { x, y in
            x == y || (x ^ y == 0x20 && (x | 0x20) &- 0x61 < 26)
        }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    /// Parses `Name: value` lines ending in CRLF or LF. A line starting with a space or tab continues the previous
    /// value; a line without a colon is ignored. Fields past `maxFields` are dropped, and `overflowed` says so.
    static func parse(_ lines: ByteView, maxFields: Int = InputLimits().headerFields) -> HeaderFields {
        var result = HeaderFields()
        var lineStart = 0
        let count = lines.count
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count && lines[lineEnd] != 0x0a { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart && lines[contentEnd - 1] == 0x0d { contentEnd -= 1 }
            let first = lines[lineStart]
            if (first == 0x20 || first == 0x09), !result.fields.isEmpty {
                let more = trimmedString(lines, lineStart, contentEnd)
                result.fields[result.fields.count - 1].value += " " + more
            } else if let colon = (lineStart..<contentEnd).first(where: { lines[$0] == 0x3a }) {
                guard result.fields.count < maxFields else {
                    result.overflowed = true
                    return result
                }
                result.fields.append((trimmedString(lines, lineStart, colon), trimmedString(lines, colon + 1, contentEnd)))
            }
            lineStart = lineEnd + 1
        }
        return result
    }
}

/// The bytes `from..<to` as a string, without leading and trailing spaces and tabs. Invalid UTF-8 is replaced.
func trimmedString(_ bytes: ByteView, _ from: Int, _ to: Int) -> String {
    var from = from, to = to
    while from < to && (bytes[from] == 0x20 || bytes[from] == 0x09) { from += 1 }
    while to > from && (bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09) { to -= 1 }
    return bytes[from..<to].string
}
