import Foundation
import Testing
@testable import Kuroshio

/// The funnel accounts for every document: those into the stages are those kept plus every drop and dedup removal.
@Suite struct FunnelTests {
    static let recipes = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Pipelines").path))?
        .filter { $0.hasSuffix(".yaml") }.sorted() ?? []

    func directory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-funnel-\(UUID().uuidString)").path
    }

    /// JSONL documents with `text` and `content` (as code corpora store it) and a URL: exact copies, a near copy, a
    /// URL met twice, code, and lines too short to keep.
    func corpus() throws -> String {
        let input = directory()
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let article = String(repeating: "黒潮は日本列島の南岸に沿って北へ流れる暖流で、流速が速く幅も広い。", count: 6)
        let code = "def flow(speed, width):\n    return speed * width\n\n\nprint(flow(2, 100))\n" + String(repeating: "# current\n", count: 8)
        let texts = [(article, "a"), (article, "b"), (article + "親潮。", "c"), ("親潮は千島列島に沿って南下する寒流です。" + article, "a"),
                     (code, "d"), (code, "e"), ("short", "f"), (String(repeating: "The Kuroshio is a warm current. ", count: 12), "g")]
        let lines = texts.enumerated().map { index, entry in
            JSON.object([("id", .string("doc-\(index)")), ("text", .string(entry.0)), ("content", .string(entry.0)),
                         ("url", .string("https://example.jp/\(entry.1)"))]).serialized
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: "\(input)/part.jsonl"))
        return "\(input)/part.jsonl"
    }

    /// Documents into the first stage, and those the funnel accounts for: kept, or with a drop reason.
    static func balance(_ funnel: Funnel) -> (into: Int, accounted: Int) {
        (funnel.steps[1].docsIn, funnel.steps.last!.docsIn + funnel.dropReasons.map(\.count).reduce(0, +))
    }

    /// Every recipe, over SampleData and the shared WARCs (WARC recipes) or a JSONL corpus with copies: each document
    /// into the stages is kept or dropped for a reason, in the counters of the run and in `stats.json`.
    @Test(arguments: recipes) func everyDocumentIsKeptOrDroppedForAReason(_ name: String) throws {
        let config = try Fixtures.recipe(name)
        let shared = Fixtures.hasSharedData ? ["warcio", "resiliparse", "jwarc"].map { Fixtures.sharedData.appendingPathComponent("warc/\($0)").path } : []
        let inputs = config.format == .warc ? [Fixtures.sample] + shared.flatMap { FileSystem.files(under: $0, suffixes: config.format.suffixes) }
            : [try corpus()]
        let output = directory()
        let counters = try Runner(config: config, inputs: inputs, output: output, jobs: 2).run()
        let funnel = Funnel(counters)
        let (into, accounted) = Self.balance(funnel)
        #expect(into > 0 && into == accounted, "\(name): \(into) into the stages, \(accounted) kept or dropped: \(funnel.dropReasons)")
        let read = try CorpusStats.gather([output]).counters
        #expect(read.keys.sorted() == counters.keys.sorted() && read.keys.allSatisfy { read[$0] == counters[$0] }, "\(name): stats.json")
    }

    /// URL dedup shows in the funnel, the drop reasons and the dedup rates: three documents, two of one URL.
    @Test func urlDedupIsAStepWithItsRemovals() throws {
        let input = directory()
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        let lines = ["黒潮は暖流です。", "親潮は寒流です。", "対馬海流は暖流です。"].enumerated().map { index, text in
            JSON.object([("id", .string("\(index)")), ("text", .string(text)), ("url", .string("https://example.jp/\(index == 1 ? 0 : index)"))]).serialized
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: "\(input)/a.jsonl"))
        let config = try PipelineConfig.parse("reader:\n  format: jsonl\nstages:\n  - url_dedup: {}\n", file: "t.yaml")
        let output = directory()
        _ = try Runner(config: config, inputs: ["\(input)/a.jsonl"], output: output).run()
        let stats = try CorpusStats.gather([output])
        let funnel = Funnel(stats.counters)
        #expect(funnel.steps.map(\.name) == ["records", "read", "url dedup", "kept"])
        #expect(funnel.steps.map(\.docsOut) == [3, 3, 2, 2])
        #expect(funnel.dropReasons.elementsEqual([("url duplicate", 1)]) { $0 == $1 })
        #expect(stats.dedupRates.elementsEqual([("url", 1.0 / 3, 1)]) { $0 == $1 })
        #expect(Self.balance(funnel) == (3, 3))
    }
}
