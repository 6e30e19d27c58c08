import Foundation
import Testing
@testable import Kuroshio

@Suite struct FileIOTests {
    /// Arrays of bytes and of wider values go to a file and back, whole, at an offset, and in part.
    @Test func valuesRoundTripThroughAFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-io-\(UUID().uuidString)").path
        try FileSystem.makeDirectories(directory)
        let path = "\(directory)/values.bin"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(FileIO.writeAll(fd, [UInt64](1...1000)) && FileIO.writeAll(fd, [UInt8](repeating: 7, count: 10), count: 3))
        close(fd)
        #expect(FileSystem.size(path) == 8003)
        let reading = open(path, O_RDONLY)
        defer { close(reading) }
        var values = [UInt64](repeating: 0, count: 4)
        #expect(FileIO.read(reading, into: &values) == 32 && values == [1, 2, 3, 4])
        #expect(FileIO.read(reading, into: &values, count: 1) == 8 && values == [5, 2, 3, 4])
        var tail = [UInt8](repeating: 0, count: 8)
        #expect(FileIO.read(reading, into: &tail, at: 7998) == 5 && tail.prefix(5) == [0, 0, 7, 7, 7])
        #expect(FileIO.read(reading, into: &values, at: 8 * 998) == 19 && values[0] == 999 && values[1] == 1000)
        #expect(FileIO.entries(of: directory)?.map(\.name) == ["values.bin"] && FileIO.entries(of: path) == nil)
        #expect(BinaryFile.values(BinaryFile.bytes([UInt32(7), 1 << 31])) as [UInt32] == [7, 1 << 31])
    }
}
