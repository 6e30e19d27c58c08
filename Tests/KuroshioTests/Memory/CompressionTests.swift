import Testing
@testable import Kuroshio

@Suite struct CompressionTests {
    /// Gzip members one after another inflate as one stream; a cap refuses what would grow past it; a cut stream
    /// gives what decoded.
    @Test func membersInflateAsOneStreamWithinTheirCap() {
        let parts = ["黒潮は暖流です。", String(repeating: "a", count: 100_000), "end"].map { Array($0.utf8) }
        let members = parts.flatMap { Compression.gzip($0, level: 6) }
        #expect(Compression.inflate(members, windowBits: 15 + 16, maxBytes: 1 << 20, concatenated: true) == parts.flatMap { $0 })
        #expect(Compression.inflate(members, windowBits: 15 + 16, maxBytes: 1 << 20) == parts[0])
        #expect(Compression.inflate(members, windowBits: 15 + 16, maxBytes: 50_000, concatenated: true) == nil)
        let cut = Array(Compression.gzip(parts[1], level: 6).dropLast(40))
        #expect(Compression.inflate(cut, windowBits: 15 + 16, maxBytes: 1 << 20).map { $0.allSatisfy { $0 == 0x61 } && !$0.isEmpty } == true)
        #expect(Compression.inflate(Array("plain".utf8), windowBits: 15 + 16, maxBytes: 1 << 20) == nil)
    }

    /// libdeflate members read back with zlib; compressed sizes of repetitive text are small, of empty text none.
    @Test func membersAndSizes() {
        let members = Compression.GzipMembers(level: 2)
        let text = Array(String(repeating: "黒潮 ", count: 5000).utf8)
        let (buffer, count) = members.member(text)
        #expect(Compression.inflate(Array(buffer[..<count]), windowBits: 15 + 16, maxBytes: 1 << 20) == text)
        #expect(Compression.compressedSize(String(repeating: "ab", count: 1000), lz4: false).map { $0 < 60 } == true)
        #expect(Compression.compressedSize(String(repeating: "ab", count: 1000), lz4: true).map { $0 < 60 } == true)
        #expect(Compression.compressedSize("", lz4: true) == nil && Compression.compressedSize("", lz4: false) == nil)
    }
}
