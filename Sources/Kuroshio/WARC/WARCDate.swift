/// Capture dates normalised to ISO-8601 UTC with second precision (`2024-03-01T12:00:05Z`), the one form every output
/// record carries. WARC writes `YYYY-MM-DDThh:mm:ss[.fraction]Z` (WARC/1.1 allows a fraction, a zone offset, and a
/// date alone or to the minute), ARC writes 14 digits, and HTTP's `Date` header `Wed, 28 Jan 2009 17:05:56 GMT`.
/// Anything else, or an impossible date (ClueWeb's `2008-10-294`), has none.
public enum WARCDate {
    /// A WARC or ARC date, normalised; nil when it is not one.
    public static func normalize(_ raw: String) -> String? {
        let bytes = Array(raw.utf8)
        if bytes.count == 14, bytes.allSatisfy(isDigit) {
            // ARC: YYYYMMDDhhmmss.
            return format([(0, 4), (4, 2), (6, 2), (8, 2), (10, 2), (12, 2)].map { number(bytes[$0.0..<$0.0 + $0.1]) }, offset: 0)
        }
        // ISO-8601: YYYY-MM-DD, then optionally Thh:mm[:ss[.fraction]], then Z, ±hh:mm, ±hhmm or nothing (UTC).
        var body = bytes[...]
        var offset = 0
        if body.last == 0x5A || body.last == 0x7A {
            body = body.dropLast()
        } else if body.count > 10, let sign = body[body.index(body.startIndex, offsetBy: 10)...].lastIndex(where: { $0 == 0x2B || $0 == 0x2D }) {
            let zone = body[(sign + 1)...].filter { $0 != 0x3A }
            guard zone.count == 4, zone.allSatisfy(isDigit) else { return nil }
            let minutes = number(zone.prefix(2)) * 60 + number(zone.suffix(2))
            offset = body[sign] == 0x2B ? minutes : -minutes
            body = body[..<sign]
        }
        if let dot = body.firstIndex(of: 0x2E) {
            guard dot + 1 < body.endIndex, body[(dot + 1)...].allSatisfy(isDigit) else { return nil }
            body = body[..<dot]
        }
        let separators: [UInt8] = [0x2D, 0x2D, 0x54, 0x3A, 0x3A]
        let lengths = [4, 2, 2, 2, 2, 2]
        var fields: [Int] = []
        var position = body.startIndex
        for (index, length) in lengths.enumerated() {
            if index > 0 {
                guard position < body.endIndex else { break }
                guard body[position] == separators[index - 1] || (index == 3 && body[position] == 0x74) else { return nil }
                position += 1
            }
            let end = position + length
            guard end <= body.endIndex, body[position..<end].allSatisfy(isDigit) else { return nil }
            fields.append(number(body[position..<end]))
            position = end
        }
        guard position == body.endIndex, fields.count >= 3 else { return nil }
        return format(fields + Array(repeating: 0, count: 6 - fields.count), offset: offset)
    }

    /// An HTTP `Date` header (RFC 9110's IMF-fixdate, `Wed, 28 Jan 2009 17:05:56 GMT`), normalised.
    public static func normalize(http raw: String) -> String? {
        let parts = raw.split(separator: " ")
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard parts.count == 6, parts[5].uppercased() == "GMT", let day = Int(parts[1]), let year = Int(parts[3]),
              let month = months.firstIndex(of: parts[2].lowercased()) else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        return format([year, month + 1, day] + time, offset: 0)
    }

    /// `YYYY-MM-DDThh:mm:ssZ` of fields given at a zone `offset` minutes east of UTC; nil for an impossible date.
    private static func format(_ fields: [Int], offset: Int) -> String? {
        var (year, month, day, hour, minute, second) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5])
        guard (1...12).contains(month), (1...days(year, month)).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        second = min(second, 59)
        // To UTC: move by the offset, carrying through hours and days.
        var minutes = hour * 60 + minute - offset
        while minutes < 0 {
            minutes += 1440
            day -= 1
            if day == 0 {
                month -= 1
                if month == 0 { (month, year) = (12, year - 1) }
                day = days(year, month)
            }
        }
        while minutes >= 1440 {
            minutes -= 1440
            day += 1
            if day > days(year, month) {
                (day, month) = (1, month + 1)
                if month == 13 { (month, year) = (1, year + 1) }
            }
        }
        (hour, minute) = (minutes / 60, minutes % 60)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let paddedYear = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(paddedYear)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))Z"
    }

    private static func days(_ year: Int, _ month: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    private static func number<C: Collection>(_ digits: C) -> Int where C.Element == UInt8 {
        digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
