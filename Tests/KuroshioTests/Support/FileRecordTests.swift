import Foundation
import Testing
@testable import Kuroshio

@Suite struct FileRecordTests {
    /// A record matches its file until its bytes change; a file only touched still matches, and is reread to tell.
    @Test func aRecordMatchesItsBytes() throws {
        let path = try Fixtures.temporaryFile(Array("黒潮は暖流です。".utf8), suffix: ".bin")
        let record = try #require(FileRecord(path: path))
        #expect(record.size == 24 && record.matches(path) && record.matches(path, trustingTime: true))
        #expect(FileRecord(fields: record.fields.split(separator: "\t")) == record)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path)
        #expect(record.matches(path))
        try Data("黒潮は寒流です。".utf8).write(to: URL(fileURLWithPath: path))
        #expect(!record.matches(path) && record.change(path) == "its bytes changed")
        try Data("黒潮".utf8).write(to: URL(fileURLWithPath: path))
        #expect(record.change(path) == "24 bytes when recorded, 6 now")
        try FileManager.default.removeItem(atPath: path)
        #expect(!record.matches(path) && record.change(path) == "it is gone" && FileRecord(path: path) == nil)
        #expect(FileRecord(fields: ["-1", "0.0", "ff"]) == nil && FileRecord(fields: ["3", "0.0", "xyz"]) == nil)
    }
}
