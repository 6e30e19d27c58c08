import Foundation
import Testing
@testable import Kuroshio

@Suite struct GzipFileWriterTests {
    /// Three and a half MiB of lines go out as four gzip members, which read back as one stream, line for line.
    @Test func largeOutputIsSeveralMembersReadAsOne() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-gzip-\(UUID().uuidString).jsonl.gz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try GzipFileWriter(path: path)
        var expected: [UInt8] = []
        var line = 0
        while expected.count < GzipFileWriter.blockBytes * 7 / 2 {
            let bytes = Array("{\"text\":\"line \(line) 黒潮 \(String(repeating: "x", count: line % 97))\"}\n".utf8)
            try writer.write(bytes)
            expected += bytes
            line += 1
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.commit()
        let file = try #require(FileSystem.read(path))
        // Each member starts with libdeflate's header: magic, deflate, no flags, no time.
        let header: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0]
        let members = (0...(file.count - header.count)).filter { file[$0..<($0 + header.count)].elementsEqual(header) }
        #expect(members.count == 4)
        #expect(members.first == 0)
        #expect(Gzip.decompress(file) == expected)
        let read = try JSONLReader(path: path, maxLineBytes: 1 << 20).map { $0.bytes ?? [] }
        #expect(read.count == line)
        #expect(read.last.map { Fixtures.string($0) } == "{\"text\":\"line \(line - 1) 黒潮 \(String(repeating: "x", count: (line - 1) % 97))\"}")
    }

    @Test func emptyFileIsValidGzip() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-gzip-\(UUID().uuidString).gz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try GzipFileWriter(path: path)
        try writer.commit()
        #expect(Gzip.decompress(try #require(FileSystem.read(path))) == [])
    }
}
