import Testing
@testable import Kuroshio

@Suite struct ProtobufReaderTests {
    @Test func readsVarintsFixedAndLengthDelimitedFields() throws {
        // field 1 varint 300; field 2 fixed32 1.5; field 3 bytes "ab"; field 4 fixed64 7.
        let bytes: [UInt8] = [0x08, 0xAC, 0x02, 0x15, 0x00, 0x00, 0xC0, 0x3F, 0x1A, 0x02, 0x61, 0x62,
                              0x21, 7, 0, 0, 0, 0, 0, 0, 0]
        var reader = ProtobufReader(bytes[...])
        var fields: [String] = []
        while let (number, value) = try reader.next() {
            switch value {
            case .varint(let v): fields.append("\(number):\(v)")
            case .fixed32: fields.append("\(number):\(value.float!)")
            case .fixed64(let v): fields.append("\(number):\(v)")
            case .bytes(let b): fields.append("\(number):\(String(decoding: b, as: UTF8.self))")
            }
        }
        #expect(fields == ["1:300", "2:1.5", "3:ab", "4:7"])
    }

    @Test func truncatedOrMalformedBytesThrow() {
        for bytes: [UInt8] in [[0x08], [0x1A, 0x05, 0x61], [0x0F, 0x00], [0x00, 0x01], [0x08] + [UInt8](repeating: 0xFF, count: 11)] {
            var reader = ProtobufReader(bytes[...])
            #expect(throws: ProtobufReader.Malformed.self) { while try reader.next() != nil {} }
        }
    }
}
