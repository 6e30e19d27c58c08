/// Parses JSON text (RFC 8259) into `JSON` values: enough for JSONL corpora, without Foundation. Object members keep
/// their order; of a key given twice the first value is kept, everywhere alike. Numbers without a fraction or
/// exponent that fit in an Int are integers; others keep their text.
public struct JSONParser {
    private let bytes: ByteView
    private var i = 0
    /// Nesting beyond this is refused rather than recursed into.
    static let maxDepth = 512

    /// What was mended while parsing.
    public struct Repairs: Sendable, Equatable {
        /// Escaped surrogate halves without their other half, each read as U+FFFD.
        public var loneSurrogates = 0
        /// Object members whose key an earlier member of the same object had: dropped.
        public var duplicateKeys = 0
        public init() {}
    }

    private var repairs = Repairs()

    /// The value in `text`, or nil when it is not one JSON value.
    static func parse(_ text: ByteView) -> JSON? {
        var repairs = Repairs()
        return parse(text, repairs: &repairs)
    }

    /// The value in `bytes`, or nil when they are not one JSON value.
    public static func parse(_ bytes: [UInt8]) -> JSON? { bytes.withByteView { parse($0) } }

    /// The value in `text`, adding to `repairs` what was mended.
    static func parse(_ text: ByteView, repairs: inout Repairs) -> JSON? {
        var parser = JSONParser(bytes: text)
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipSpace()
        repairs.loneSurrogates += parser.repairs.loneSurrogates
        repairs.duplicateKeys += parser.repairs.duplicateKeys
        return parser.i == text.count ? value : nil
    }

    private init(bytes: ByteView) { self.bytes = bytes }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func value(depth: Int) -> JSON? {
        skipSpace()
        guard i < bytes.count, depth < Self.maxDepth else { return nil }
        switch bytes[i] {
        case 0x7B: return object(depth: depth)
        case 0x5B: return array(depth: depth)
        case 0x22: return string().map(JSON.string)
        case 0x74: return literal("true", .bool(true))
        case 0x66: return literal("false", .bool(false))
        case 0x6E: return literal("null", .null)
        default: return number()
        }
    }

    private mutating func literal(_ word: String, _ value: JSON) -> JSON? {
        for byte in word.utf8 {
            guard i < bytes.count, bytes[i] == byte else { return nil }
            i += 1
        }
        return value
    }

    private mutating func object(depth: Int) -> JSON? {
        i += 1
        var members: [(String, JSON)] = []
        // Keys seen, once an object is large enough that a scan of its members would cost more.
        var seen: Set<String>?
        skipSpace()
        if i < bytes.count, bytes[i] == 0x7D { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x22, let key = string() else { return nil }
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x3A else { return nil }
            i += 1
            guard let item = value(depth: depth + 1) else { return nil }
            if members.count == 16 && seen == nil { seen = Set(members.map(\.0)) }
            let repeated = seen != nil ? !seen!.insert(key).inserted : members.contains { $0.0 == key }
            if repeated {
                repairs.duplicateKeys += 1
            } else {
                members.append((key, item))
            }
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x7D { i += 1; return .object(members) }
            return nil
        }
    }

    private mutating func array(depth: Int) -> JSON? {
        i += 1
        var items: [JSON] = []
        skipSpace()
        if i < bytes.count, bytes[i] == 0x5D { i += 1; return .array(items) }
        while true {
            guard let item = value(depth: depth + 1) else { return nil }
            items.append(item)
            skipSpace()
            guard i < bytes.count else { return nil }
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x5D { i += 1; return .array(items) }
            return nil
        }
    }

    /// A number by RFC 8259's grammar: an integer that fits in an Int, or else the text as written, so that
    /// nothing is rounded (`18446744073709551615`, `1e-7`, `1e999` pass through unchanged).
    private mutating func number() -> JSON? {
        let start = i
        if i < bytes.count && bytes[i] == 0x2D { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { return nil }
        if bytes[i] == 0x30 { i += 1 } else { skipDigits() }
        var integral = true
        if i < bytes.count && bytes[i] == 0x2E {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { return nil }
            skipDigits()
            integral = false
        }
        if i < bytes.count && (bytes[i] == 0x65 || bytes[i] == 0x45) {
            i += 1
            if i < bytes.count && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { return nil }
            skipDigits()
            integral = false
        }
        let text = bytes[start..<i].string
        if integral, let int = Int(text), text != "-0" { return .int(int) }
        return .number(text)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func skipDigits() {
        while i < bytes.count && isDigit(bytes[i]) { i += 1 }
    }

    /// A string at `i` (which holds the opening quote), with escapes decoded.
    private mutating func string() -> String? {
        i += 1
        var out: [UInt8] = []
        var runStart = i
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x22 {
                out.append(contentsOf: bytes[runStart..<i])
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if byte < 0x20 { return nil }
            guard byte == 0x5C else { i += 1; continue }
            out.append(contentsOf: bytes[runStart..<i])
            i += 1
            guard i < bytes.count else { return nil }
            let escape = bytes[i]
            i += 1
            switch escape {
            case 0x22, 0x5C, 0x2F: out.append(escape)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard var scalar = hex4() else { return nil }
                // A surrogate pair: the low half follows as another \u escape. A half without its other half becomes
                // U+FFFD, counted.
                if scalar >= 0xD800 && scalar < 0xDC00, i + 5 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 {
                    let mark = i
                    i += 2
                    if let low = hex4(), low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = mark
                    }
                }
                if let decoded = Unicode.Scalar(scalar) {
                    UTF8.encode(decoded) { out.append($0) }
                } else {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    repairs.loneSurrogates += 1
                }
            default:
                return nil
            }
            runStart = i
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[i]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
            i += 1
        }
        return value
    }
}
