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

    /// Lines that cross the reader's 1 MiB window, and one longer than it, come out whole, each in its place.
    @Test func linesAcrossTheReadWindowAreWhole() throws {
        var random = SplitMix(seed: 9)
        let texts = (0..<6000).map { index in
            "{\"id\":\(index),\"text\":\"" + String(repeating: "潮", count: Int(random.next() % 400)) + "\"}"
        } + ["{\"text\":\"" + String(repeating: "a", count: 1_500_000) + "\"}", "{\"id\":\"last\"}"]
        let path = try Fixtures.temporaryFile(Array(texts.joined(separator: "\n").utf8), suffix: ".jsonl")
        let (read, problems) = try lines(path, maxLineBytes: 4 << 20)
        #expect(read.map(\.number) == Array(1...texts.count) && problems.isEmpty)
        #expect(read.map { Fixtures.string($0.bytes ?? []) } == texts)
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
