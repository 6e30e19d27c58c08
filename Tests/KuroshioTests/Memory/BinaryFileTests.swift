import Foundation
import Testing
@testable import Kuroshio

/// Files mapped rather than read: little-endian loads at any offset, copies of ranges, float rows added and dotted,
/// and floats that do not lie within the file refused before any row is read.
struct BinaryFileTests {
    @Test func aMappedFileLoadsItsBytesLittleEndian() throws {
        let bytes: [UInt8] = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0xFF]
        let path = try Fixtures.temporaryFile(bytes, suffix: ".bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        for file in [try #require(MappedFile(fd: fd, count: bytes.count)), try #require(MappedFile(bytes: bytes))] {
            #expect(file.count == 10)
            #expect(file.uint64(at: 1) == 0x0908_0706_0504_0302)
            #expect(file.uint32(at: 6) == 0xFF09_0807)
            #expect(file.uint8(at: 9) == 0xFF)
            #expect(file.bytes(3..<6) == [0x04, 0x05, 0x06])
        }
        #expect(MappedFile(bytes: [])?.count == 0)
    }

    @Test func floatRowsAreAddedAndDottedWithinTheirBounds() throws {
        // A 3-byte header, then two rows of three floats, unaligned.
        var bytes: [UInt8] = [0xAA, 0xBB, 0xCC]
        for value: Float in [1, 2, 3, -1, 0.5, 4] { bytes += (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) } }
        let file = try #require(MappedFile(bytes: bytes))
        let rows = try #require(MappedFloats(file, offset: 3, count: 6))
        var vector: [Float] = [1, 1, 1]
        rows.addRow(1, columns: 3, scale: 2, to: &vector)
        #expect(vector == [-1, 2, 9])
        #expect(rows.dot(row: 0, columns: 3, [1, 0, 2]) == 7)
        #expect(MappedFloats(file, offset: 3, count: 7) == nil)
        #expect(MappedFloats(file, offset: -1, count: 1) == nil)
        #expect(MappedFloats(file, offset: 28, count: 0) == nil)
    }
}
