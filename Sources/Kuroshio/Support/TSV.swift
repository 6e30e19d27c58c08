/// Fields of the tab-separated files Kuroshio writes (`warc ls`, completion markers).
extension String {
    /// The string with tabs and line breaks made spaces, to sit in one TSV field.
    public var tsvField: String {
        guard unicodeScalars.contains(where: Self.breaksTSV) else { return self }
        var out = ""
        for scalar in unicodeScalars { out.unicodeScalars.append(Self.breaksTSV(scalar) ? " " : scalar) }
        return out
    }

    /// Whether a scalar would end a TSV field or line. (By scalar: CR LF is one Character, equal to neither.)
    private static func breaksTSV(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar == "\n" || scalar == "\r" }

    /// The string with backslashes, tabs and line breaks escaped (`\\`, `\t`, `\n`, `\r`), so that any file name or
    /// detail fits in one TSV field and comes back whole with `tsvUnescaped`.
    public var tsvEscaped: String {
        guard unicodeScalars.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The inverse of `tsvEscaped`.
    public var tsvUnescaped: String {
        guard contains("\\") else { return self }
        var out = ""
        var escaping = false
        for scalar in unicodeScalars {
            if escaping {
                switch scalar {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// The lines of tab-separated text cut into fields, by bytes: no walk of Characters, as `split(separator: "\n")`
    /// takes (a marker of thousands of lines is read many times), and no `\r\n` taken for one separator. A line is
    /// cut at most `maxSplits` times; the last field keeps any tabs after that.
    func tsvRows(omittingEmptyLines: Bool = true, maxSplits: Int = .max) -> [[Substring]] {
        utf8.split(separator: 0x0A, omittingEmptySubsequences: omittingEmptyLines).map { line in
            line.split(separator: 0x09, maxSplits: maxSplits, omittingEmptySubsequences: false).map { Substring($0) }
        }
    }
}
