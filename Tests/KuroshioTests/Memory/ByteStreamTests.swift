import Testing
@testable import Kuroshio

@Suite struct ByteStreamTests {
    static let parts = [String(repeating: "a", count: 100), (0..<40_000).map { "line \($0)\n" }.joined(), "end"].map { Array($0.utf8) }

    /// Gzip members read as one stream through a bounded window: member starts map to file offsets, skipping reads
    /// through, and the end is reported.
    @Test func membersReadAsOneStream() throws {
        let members = Self.parts.map { Compression.gzip($0, level: 6) }
        let stream = try ByteStream(path: Fixtures.temporaryFile(members.flatMap { $0 }, suffix: ".gz"))
        #expect(stream.isGzip && stream.fill(101))
        #expect(Array(stream.bytes[0..<101]) == Self.parts[0] + Self.parts[1].prefix(1) && stream.memberStartsAhead == [100])
        stream.consume(100)
        #expect(stream.position == 100 && stream.fileOffset(of: 100) == members[0].count)
        #expect(stream.skip(Self.parts[1].count) == Self.parts[1].count)
        #expect(stream.fill(3) && stream.bytes.string == "end" && !stream.fill(4) && stream.atEOF)
        #expect(stream.takeBreaks(through: .max).isEmpty)
    }

    /// Files shorter than the format check's four bytes are read whole; a gzip magic with nothing after it ends.
    @Test func tinyFilesAreReadWhole() throws {
        for count in 0...5 {
            let bytes = Array("WARC/".utf8.prefix(count))
            let stream = try ByteStream(path: Fixtures.temporaryFile(bytes, suffix: ".bin"))
            #expect(stream.fill(count) && !stream.fill(count + 1) && stream.bytes.array == bytes, "\(count) bytes")
        }
        let magic = try ByteStream(path: Fixtures.temporaryFile([0x1f, 0x8b], suffix: ".gz"))
        #expect(magic.isGzip && !magic.fill(1) && magic.atEOF)
    }

    /// A member cut short ends the good bytes with a break at its place; consuming past the readable bytes traps.
    @Test func aCutMemberIsABreak() async throws {
        let members = Self.parts.map { Compression.gzip($0, level: 6) }
        let cut = members[0] + members[1].prefix(members[1].count / 2)
        let stream = try ByteStream(path: Fixtures.temporaryFile(cut, suffix: ".gz"))
        let read = stream.skip(.max)
        let breaks = stream.takeBreaks(through: .max)
        #expect(read > 100 && read < 100 + Self.parts[1].count)
        #expect(breaks.map(\.kind) == [.truncated] && breaks.map(\.fileOffset) == [members[0].count] && breaks.map(\.position) == [read])
        await #expect(processExitsWith: .failure) {
            let stream = try ByteStream(path: Fixtures.temporaryFile(Array("plain text".utf8)))
            stream.fill(4)
            stream.consume(stream.available + 1)
        }
    }
}
