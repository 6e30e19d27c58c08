import Foundation

/// How the statistics report writes numbers and text.
enum Format {
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
        value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Text safe inside HTML and SVG, attributes included.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// At most `limit` characters, with `…` where cut.
    static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
