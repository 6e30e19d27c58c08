import Foundation
import Testing
@testable import Kuroshio

/// The selection passes: `keep: {top}` keeps exactly the best share of each bucket's scored documents, with bands,
/// and the same documents however the run is split over ranks and jobs.
struct SelectionTests {
    /// 60 documents over 6 JSONL files, scored 0.001 to 0.060 in a scrambled order (`doc-<n>` has n/1000), and two
    /// without a score.
    static func corpus() throws -> (inputs: [String], scores: [String: Double]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-select-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var scores: [String: Double] = [:]
        var inputs: [String] = []
        for file in 0..<6 {
            var lines = ""
            for k in 0..<10 {
                let n = (file * 10 + k) * 37 % 60 + 1
                scores["doc-\(n)"] = Double(n) / 1000
                lines += "{\"id\": \"doc-\(n)\", \"text\": \"document \(n)\", \"quality\": \(Double(n) / 1000)}\n"
            }
            if file == 2 { lines += "{\"id\": \"unscored-\(file)\", \"text\": \"no score\"}\n{\"id\": \"nan\", \"text\": \"a text\", \"quality\": \"high\"}\n" }
            let path = "\(directory)/in-\(file).jsonl"
            try lines.write(toFile: path, atomically: true, encoding: .utf8)
            inputs.append(path)
        }
        return (inputs, scores)
    }

    static let recipe = """
        reader: {format: jsonl}
        stages:
          - length: {min: 1}
          - select:
              field: quality
              keep: {top: 10%}
              bands: [{name: high, top: 5%}, {name: good, top: 10%}, {name: rest}]
        output: {bucket: ja, shard_bytes: 4096}
        """

    /// The documents of the run in `output`: id to meta, and the shard files' bytes.
    static func read(_ output: String) throws -> (meta: [String: [String: Any]], files: [String: [UInt8]]) {
        var meta: [String: [String: Any]] = [:]
        var files: [String: [UInt8]] = [:]
        for shard in FileSystem.files(under: "\(output)/ja", suffixes: [".jsonl.gz"]) {
            files[String(shard.dropFirst(output.count))] = FileSystem.read(shard)
            for object in try Fixtures.shardObjects(shard) { meta[object["id"] as! String] = object["meta"] as? [String: Any] }
        }
        return (meta, files)
    }

    @Test func theBestShareIsKeptWithItsBands() throws {
        let (inputs, _) = try Self.corpus()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-select-out-\(UUID().uuidString)").path
        let stats = try Runner(config: try PipelineConfig.parse(Self.recipe, file: "t.yaml"), inputs: inputs, output: output).run()
        let (meta, _) = try Self.read(output)
        // 60 scored: the best 6 (0.055 to 0.060) are kept, the best 3 of them high; the unscored pass through.
        #expect(Set(meta.keys) == Set((55...60).map { "doc-\($0)" } + ["unscored-2", "nan"]))
        #expect((58...60).allSatisfy { meta["doc-\($0)"]?["quality_band"] as? String == "high" })
        #expect((55...57).allSatisfy { meta["doc-\($0)"]?["quality_band"] as? String == "good" })
        #expect(meta["unscored-2"]?["quality_band"] is NSNull && meta["nan"]?["quality_band"] is NSNull)
        #expect(stats[.bucket("ja", .docs)] == 8 && stats[.preSelect("ja", .docs)] == 62)
        #expect(stats[.stage("select", .docsIn)] == 60 && stats[.stage("select", .docsOut)] == 6 && stats[.dropped("select")] == 54)
    }

    @Test func threeRanksOfTwoJobsKeepWhatOneRankKeeps() throws {
        let (inputs, _) = try Self.corpus()
        let config = try PipelineConfig.parse(Self.recipe, file: "t.yaml")
        let one = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-select-one-\(UUID().uuidString)").path
        _ = try Runner(config: config, inputs: inputs, output: one).run()
        let many = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-select-many-\(UUID().uuidString)").path
        var runner = Runner(config: config, inputs: inputs, output: many, jobs: 2, worldSize: 3)
        runner.dedupMemoryBytes = 1
        for pass in runner.plan().names where pass != "finalize" {
            for rank in 0..<3 {
                runner.rank = rank
                _ = try runner.run(pass: pass)
            }
        }
        let (oneMeta, oneFiles) = try Self.read(one)
        let (manyMeta, manyFiles) = try Self.read(many)
        #expect(oneMeta.count == 8 && Set(oneMeta.keys) == Set(manyMeta.keys))
        #expect(oneFiles == manyFiles)
        #expect(FileSystem.read("\(one)/stats.json") == FileSystem.read("\(many)/stats.json"))
    }

    @Test func tiesAreBrokenToKeepExactlyTheShare() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-select-ties-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // 200 documents, half scored 0.9 and half 0.1: the top 25% is 50 of the tied best, the same 50 each run.
        let lines = (0..<200).map { "{\"id\": \"t\($0)\", \"text\": \"same\", \"quality\": \($0 % 2 == 0 ? 0.9 : 0.1)}\n" }.joined()
        try lines.write(toFile: "\(directory)/in.jsonl", atomically: true, encoding: .utf8)
        let config = try PipelineConfig.parse(Self.recipe.replacingOccurrences(of: "top: 10%}", with: "top: 25%}"), file: "t.yaml")
        var kept: [Set<String>] = []
        for run in 0..<2 {
            let output = "\(directory)/out-\(run)"
            _ = try Runner(config: config, inputs: ["\(directory)/in.jsonl"], output: output, jobs: 2).run()
            let meta = try Self.read(output).meta
            #expect(meta.count == 50 && meta.values.allSatisfy { $0["quality"] as? Double == 0.9 })
            kept.append(Set(meta.keys))
        }
        #expect(kept[0] == kept[1])
    }

    @Test func lowestFirstKeepsTheLowestScores() throws {
        let (inputs, _) = try Self.corpus()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-select-low-\(UUID().uuidString)").path
        let recipe = "reader: {format: jsonl}\nstages:\n  - select: {field: quality, lowest: true, keep: {top: 5%}}\noutput: {bucket: ja}\n"
        _ = try Runner(config: try PipelineConfig.parse(recipe, file: "t.yaml"), inputs: inputs, output: output).run()
        #expect(Set(try Self.read(output).meta.keys) == ["doc-1", "doc-2", "doc-3", "unscored-2", "nan"])
    }

    @Test(arguments: [
        ("{field: quality}", "needs keep or bands"),
        ("{field: quality, keep: {top: 0}}", "keep.top must be a share above 0 and at most 1"),
        ("{field: quality, keep: {top: 120%}}", "keep.top must be a share"),
        ("{field: quality, bands: [{name: a, top: 50%}, {name: b, top: 20%}]}", "must be above the band before's"),
        ("{field: quality, bands: [{name: a}, {name: b, top: 20%}]}", "only the last band may leave out top"),
        ("{field: quality.x, keep: {top: 1%}}", "field must name a meta field"),
    ])
    func aWrongSelectionIsARecipeError(_ entry: String, _ message: String) {
        let error = #expect(throws: ConfigError.self) { try PipelineConfig.parse("stages:\n  - extract:\n  - select: \(entry)\n", file: "t.yaml") }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }
}
