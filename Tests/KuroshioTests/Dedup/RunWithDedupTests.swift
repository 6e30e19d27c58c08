import Foundation
import Testing
@testable import Kuroshio

/// `run` with dedup stages in its recipe: the stages, then every dedup pass, into one output.
@Suite struct RunWithDedupTests {
    func directory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-run-dedup-\(UUID().uuidString)").path
    }

    /// Texts by bucket, in output order.
    func texts(_ output: String) throws -> [String: [String]] {
        var texts: [String: [String]] = [:]
        for bucket in FileSystem.list(output).sorted() where !bucket.hasPrefix(".") && bucket != "dedup" && FileSystem.isDirectory("\(output)/\(bucket)") {
            for shard in FileSystem.files(under: "\(output)/\(bucket)", suffixes: [".jsonl.gz"]) {
                texts[bucket, default: []] += try Fixtures.shardObjects(shard).map { $0["text"] as! String }
            }
        }
        return texts
    }

    @Test func dedupStagesMustComeLast() {
        #expect(throws: ConfigError.self) {
            try PipelineConfig.parse("stages:\n  - extract: {}\n  - exact_dedup: {}\n  - kana_ratio: {}\n", file: "t.yaml")
        }
        #expect(throws: ConfigError.self) {
            try PipelineConfig.parse("stages:\n  - extract: {}\n  - minhash_dedup: {bands: 30, rows: 5}\n", file: "t.yaml")
        }
        let config = try? PipelineConfig.parse("stages:\n  - extract: {}\n  - minhash_dedup: {hashes: 64, bands: 8, rows: 8}\n", file: "t.yaml")
        #expect(config?.stages.map(\.name) == ["extract"])
        #expect(config?.dedup?.minhash?.bands == 8 && config?.dedup?.exact == false)
    }

    @Test func theDedupOnlyRecipeKeepsTheInputIds() throws {
        let input = directory() + ".jsonl"
        let texts = [DeduplicatorTests.article, DeduplicatorTests.english, DeduplicatorTests.article, DeduplicatorTests.nearArticle]
        let lines = texts.enumerated().map { JSON.object([("id", .int(100 + $0.offset)), ("text", .string($0.element)),
                                                          ("source", .string("test"))]).serialized + "\n" }
        try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: input))
        let output = directory()
        let config = try PipelineConfig.load(path: Fixtures.root.appendingPathComponent("Pipelines/dedup-only.yaml").path)
        let stats = try Runner(config: config, inputs: [input], output: output).run()
        let shard = try #require(FileSystem.files(under: "\(output)/docs", suffixes: [".jsonl.gz"]).first)
        let kept = try Fixtures.shardObjects(shard)
        #expect(kept.map { $0["id"] as! String } == ["100", "101"])
        #expect(kept.map { ($0["meta"] as! [String: Any])["source"] as! String } == ["test", "test"])
        #expect(kept.map { ($0["meta"] as! [String: Any])["dedup_cluster_size"] as! Int } == [3, 1])
        #expect(stats["pre_dedup.docs.docs"] == 4 && stats["buckets.docs.docs"] == 2)
        #expect(stats["dedup.exact.docs_out"] == 3 && stats["dedup.near.docs_out"] == 2)
    }

    @Test(.enabled(if: Fixtures.hasSharedData))
    func noTwoIdenticalTextsAreLeftInAnyBucketOfTheSharedWARCs() throws {
        let yaml = String(decoding: try #require(FileSystem.read(Fixtures.root.appendingPathComponent("Pipelines/ja-en-code-cc.yaml").path)), as: UTF8.self)
        let config = try PipelineConfig.parse(yaml, file: "ja-en-code-cc.yaml")
        #expect(config.dedup?.exact == true && config.dedup?.minhash != nil)
        let inputs = FileSystem.files(under: Fixtures.sharedData.appendingPathComponent("warc").path, suffixes: PipelineConfig.InputFormat.warc.suffixes)
        let output = directory()
        let stats = try Runner(config: config, inputs: inputs, output: output, jobs: 2).run()
        let buckets = try texts(output)
        var removed = 0
        for (bucket, texts) in buckets {
            #expect(Set(texts).count == texts.count, "identical texts in \(bucket)")
            #expect(stats["buckets.\(bucket).docs"] == texts.count)
            removed += stats["pre_dedup.\(bucket).docs"] - texts.count
        }
        // Every removal is counted: by exact and near dedup, and by paragraph dedup.
        #expect(removed > 0)
        #expect(removed == stats["dedup.exact.docs_in"] - stats["dedup.near.docs_out"] + stats["dedup.paragraphs.docs_dropped"])
        let listed = FileSystem.files(under: "\(output)/dedup/removed", suffixes: [".tsv"])
            .map { Fixtures.string(FileSystem.read($0)!).split(separator: "\n").count - 1 }.reduce(0, +)
        #expect(listed == removed)
    }
}
