/// Reads protocol buffer wire format (what SentencePiece `.model` files are): each call to `next` gives one field's
/// number and value. Only what a model file needs: varints, 32-bit fixed and length-delimited fields.
struct ProtobufReader {
    enum Value {
        case varint(UInt64)
        case fixed32(UInt32)
        case fixed64(UInt64)
        case bytes(ArraySlice<UInt8>)
    }

    struct Malformed: Error {}

    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    /// The next field, or nil at the end; throws on bytes that are not wire format.
    mutating func next() throws(Malformed) -> (number: Int, value: Value)? {
        guard position < bytes.endIndex else { return nil }
        let key = try varint()
        let number = Int(key >> 3)
        guard number > 0 else { throw Malformed() }
        switch key & 7 {
        case 0: return (number, .varint(try varint()))
        case 1: return (number, .fixed64(try fixed(8)))
        case 2:
            let length = try varint()
            guard length <= UInt64(bytes.endIndex - position) else { throw Malformed() }
            defer { position += Int(length) }
            return (number, .bytes(bytes[position..<position + Int(length)]))
        case 5: return (number, .fixed32(UInt32(try fixed(4))))
        default: throw Malformed()
        }
    }

    private mutating func varint() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            guard position < bytes.endIndex else { throw Malformed() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte < 0x80 { return value }
        }
        throw Malformed()
    }

    private mutating func fixed(_ size: Int) throws(Malformed) -> UInt64 {
        guard bytes.endIndex - position >= size else { throw Malformed() }
        var value: UInt64 = 0
        for i in 0..<size { value |= UInt64(bytes[position + i]) << UInt64(8 * i) }
        position += size
        return value
    }
}

extension ProtobufReader.Value {
    var bool: Bool? { if case .varint(let v) = self { v != 0 } else { nil } }
    var int: Int? { if case .varint(let v) = self { Int(truncatingIfNeeded: v) } else { nil } }
    var float: Float? { if case .fixed32(let v) = self { Float(bitPattern: v) } else { nil } }
    var data: ArraySlice<UInt8>? { if case .bytes(let b) = self { b } else { nil } }
}
