import CZstd
import Testing
@testable import Kuroshio

@Suite struct JSONLReaderTests {
    private func lines(_ path: String, maxLineBytes: Int = 1 << 20) throws -> ([JSONLLine], [InputProblem]) {
        let reader = try JSONLReader(path: path, maxLineBytes: maxLineBytes)
        let lines = Array(reader)
        return (lines, reader.trailingProblems)
    }

    @Test func plainLinesWithBlankOnesAndNoFinalNewline() throws {
        let path = try Fixtures.temporaryFile(Array("{\"a\":1}\n\n  \n{\"b\":2}".utf8), suffix: ".jsonl")
        let (read, problems) = try lines(path)
        #expect(read.map(\.number) == [1, 4])
        #expect(read.map { Fixtures.string($0.bytes ?? []) } == ["{\"a\":1}", "{\"b\":2}"])
        #expect(problems.isEmpty)
    }

    @Test func overlongLineIsSkippedWithoutBuffering() throws {
        let long = "{\"text\":\"" + String(repeating: "x", count: 5000) + "\"}"
        let path = try Fixtures.temporaryFile(Array("\(long)\n{\"text\":\"ok\"}\n".utf8), suffix: ".jsonl")
        let (read, _) = try lines(path, maxLineBytes: 1000)
        #expect(read.count == 2)
        #expect(read[0].bytes == nil)
        #expect(read[0].problems.map(\.kind) == [.oversize])
        #expect(read[1].bytes.map(Fixtures.string) == "{\"text\":\"ok\"}")
    }

    @Test func truncatedZstdFrameIsOneProblem() throws {
        let plain = Array((0..<200).map { "{\"n\":\($0),\"text\":\"line \($0)\"}\n" }.joined().utf8)
        var compressed = [UInt8](repeating: 0, count: ZSTD_compressBound(plain.count))
        let size = ZSTD_compress(&compressed, compressed.count, plain, plain.count, 3)
        let path = try Fixtures.temporaryFile(Array(compressed[0..<(size - 20)]), suffix: ".jsonl.zst")
        let (read, problems) = try lines(path)
        #expect(read.count < 200)
        #expect(read.dropLast().allSatisfy { $0.bytes != nil && $0.problems.isEmpty })
        #expect((read.flatMap(\.problems) + problems).map(\.kind) == [.truncated])
    }
}
