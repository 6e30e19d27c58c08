import Foundation

/// How the statistics report writes numbers and text.
enum ReportText {
    /// A count with thousands separators (`12,345`), or a short decimal for fractions.
    static func count(_ value: Double) -> String {
        guard value.rounded() == value, abs(value) < 1e15 else { return String(format: "%.3g", value) }
        let digits = String(Int(value).magnitude)
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    static func count(_ value: Int) -> String { count(Double(value)) }

    /// A share as a percentage with one decimal (`12.3%`).
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    /// `part` of `whole` as a percentage, or `–` when the whole is nothing.
    static func share(_ part: Int, _ whole: Int) -> String { whole > 0 ? percent(Double(part) / Double(whole)) : "–" }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        guard value.rounded() == value else { return String(format: "%.1f", value) }
        return abs(value) < 1e15 ? String(Int(value)) : String(format: "%.0f", value)
    }

    /// Text safe inside HTML and SVG, attributes included. Byte by byte: `&`, `<`, `>`, `"` and `'` are ASCII, so
    /// they never occur inside another character's bytes, whereas a `Character` walk would pass `"` followed by a
    /// combining mark through as one grapheme unlike `"`.
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text for one cell or line of the Markdown summary, which a terminal shows: control characters (escape
    /// sequences, line breaks) become U+FFFD and `|` is escaped, by scalar.
    static func markdown(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control { out += "\u{FFFD}" } else {
                if scalar == "|" { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// At most `limit` characters, with `…` where cut.
    static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
