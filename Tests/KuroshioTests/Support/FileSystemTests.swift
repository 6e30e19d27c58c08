import Foundation
import Testing
@testable import Kuroshio

@Suite struct FileSystemTests {
    /// Traversal follows links but enters each directory once, and skips FIFOs; real paths name a linked file once.
    @Test func traversalEndsLinkCyclesAndSkipsFifos() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-walk-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: "\(root)/d/sub", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(root)/d/a.warc.gz"))
        try manager.createSymbolicLink(atPath: "\(root)/d/sub/up", withDestinationPath: "\(root)/d")
        try manager.createSymbolicLink(atPath: "\(root)/d/across", withDestinationPath: "\(root)/d/sub")
        try manager.createSymbolicLink(atPath: "\(root)/d/b.warc.gz", withDestinationPath: "\(root)/d/a.warc.gz")
        #expect(mkfifo("\(root)/d/fifo.warc.gz", 0o600) == 0)
        let found = FileSystem.files(under: "\(root)/d", suffixes: [".warc.gz"])
        #expect(found == ["\(root)/d/a.warc.gz", "\(root)/d/b.warc.gz"])
        #expect(Set(found.compactMap(FileSystem.realPath)).count == 1)
        #expect(!FileSystem.isRegularFile("\(root)/d/fifo.warc.gz") && FileSystem.isRegularFile("\(root)/d/b.warc.gz"))
    }
}
