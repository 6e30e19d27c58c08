/// A JSON value, written compactly with keys in the order given. Enough for JSONL documents and stats.
public indirect enum JSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    /// A number as its input wrote it (a fraction, an exponent, or an integer beyond `Int`), kept exactly.
    case number(String)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.serialized == rhs.serialized }

    /// A number's value as a double (nil for other values).
    public var doubleValue: Double? {
        switch self {
        case .double(let value): value
        case .int(let value): Double(value)
        case .number(let text): Double(text)
        default: nil
        }
    }

    /// The value as compact JSON text.
    public var serialized: String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public func write(to out: inout [UInt8]) {
        switch self {
        case .string(let text): JSON.writeString(text, to: &out)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .double(let value):
            out.append(contentsOf: (value.isFinite ? JSON.shortest(value) : "null").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                item.write(to: &out)
            }
            out.append(0x5D)
        case .object(let members):
            out.append(0x7B)
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                JSON.writeString(key, to: &out)
                out.append(0x3A)
                value.write(to: &out)
            }
            out.append(0x7D)
        }
    }

    /// A number with at most six decimals, always with a decimal point (`1.0`, not `1`), so that readers that infer
    /// column types (Arrow, Hugging Face datasets) see a float in every line.
    private static func shortest(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) + ".0" }
        let scaled = (value * 1_000_000).rounded() / 1_000_000
        return "\(scaled)"
    }

    /// Writes `text` as a JSON string: quotes, backslashes and control characters escaped; the rest as UTF-8,
    /// copied in runs.
    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        let bytes = text.utf8.span
        var runStart = 0
        for i in bytes.indices {
            let byte = bytes[i]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            out.append(bytes.extracting(runStart..<i))
            runStart = i + 1
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            default:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            }
        }
        out.append(bytes.extracting(runStart...))
        out.append(0x22)
    }
}
