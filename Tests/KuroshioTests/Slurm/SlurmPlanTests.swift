import Foundation
import Testing
@testable import Kuroshio

@Suite struct SlurmPlanTests {
    static func plan(_ output: String, deduplicates: Bool) -> SlurmPlan {
        SlurmPlan(kuroshio: "/opt/kuroshio", config: "/r/ja cc.yaml", output: output, inputList: "/r/paths.txt", tasks: 2,
                  deduplicates: deduplicates)
    }

    /// Ranks become arrays within MaxArraySize, each with its offset and its indices as ranges.
    @Test func ranksSplitIntoArraysWithinTheLimit() {
        #expect(SlurmPlan.arrays([0, 1, 2, 3, 7], maxArraySize: 1001).elementsEqual([(0, "0-3,7")]) { $0 == $1 })
        #expect(SlurmPlan.arrays(Array(0...2500), maxArraySize: 1000)
            .elementsEqual([(0, "0-999"), (1000, "0-999"), (2000, "0-500")]) { $0 == $1 })
        #expect(SlurmPlan.arrays([5, 1003, 1004, 1009], maxArraySize: 1000)
            .elementsEqual([(0, "5"), (1000, "3-4,9")]) { $0 == $1 })
        #expect(SlurmPlan.ranges([3, 0, 1, 2, 9]) == "0-3,9" && SlurmPlan.ranges([]) == "-")
    }

    /// Each pass's script runs one rank of its command, logging to OUT/logs; the last pass writes stats.json.
    @Test func scriptsRunOneRankOfEachPass() {
        var plan = Self.plan("/out", deduplicates: true)
        plan.partition = "cpu"
        plan.memory = "4G"
        #expect(plan.passes == [.map, .signatures, .buckets, .clusters, .apply, .stats])
        #expect(Self.plan("/out", deduplicates: false).passes == [.map, .stats])
        let map = plan.script(.map)
        #expect(map.hasPrefix("#!/bin/bash\n#SBATCH --job-name=kuroshio-map\n#SBATCH --output=/out/logs/map-%A_%a.log\n"))
        #expect(map.contains("#SBATCH --partition=cpu\n#SBATCH --mem=4G\n") && !map.contains("--time"))
        #expect(map.hasSuffix("""
            rank=$(( ${KUROSHIO_RANK_OFFSET:-0} + ${SLURM_ARRAY_TASK_ID:-0} ))
            exec /opt/kuroshio run --config '/r/ja cc.yaml' --output /out --input-list /r/paths.txt --rank "$rank" --world-size 2 --jobs 1

            """))
        #expect(plan.command(.buckets) == ["/opt/kuroshio", "dedup", "buckets", "/out/.stage", "--output", "/out", "--config",
                                           "/r/ja cc.yaml", "--rank", "$rank", "--world-size", "2", "--jobs", "1"])
        #expect(plan.command(.stats).suffix(6) == ["--rank", "0", "--world-size", "1", "--jobs", "1"])
        #expect(plan.command(.stats)[1...2] == ["dedup", "apply"])
    }

    /// What is pending comes from the markers: a rank's map work until all its files are done, every dedup rank
    /// until the map pass is, then the ranks with tasks left.
    @Test func pendingRanksFollowTheMarkers() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-slurm-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: "\(base)/in", withIntermediateDirectories: true)
        for name in ["a", "b", "c"] {
            try FileManager.default.copyItem(atPath: Fixtures.sample, toPath: "\(base)/in/\(name).warc.gz")
        }
        let inputs = ["a", "b", "c"].map { "\(base)/in/\($0).warc.gz" }
        let recipe = try PipelineConfig.parse("stages:\n  - extract:\n  - exact_dedup: {keep: first}\n", file: "t.yaml")
        let output = "\(base)/out"
        let plan = Self.plan(output, deduplicates: true)
        func state() -> (Runner, Deduplicator, [SlurmPlan.Pass: [Int]]) {
            let runner = Runner(config: recipe, inputs: inputs, output: output, worldSize: 2)
            let deduplicator = runner.deduplicator!
            return (runner, deduplicator, plan.pendingRanks(runner: runner, deduplicator: deduplicator))
        }
        var (runner, deduplicator, pending) = state()
        #expect(plan.passes.map { pending[$0]! } == [[0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0]])
        _ = try Runner(config: recipe, inputs: inputs, output: output, rank: 0, worldSize: 2).run()
        (runner, deduplicator, pending) = state()
        #expect(pending[.map] == [1])
        #expect(runner.progress() == (2, 3))
        _ = try Runner(config: recipe, inputs: inputs, output: output, rank: 1, worldSize: 2).run()
        (runner, deduplicator, pending) = state()
        #expect(pending[.map]!.isEmpty)
        // Three shards: signatures tasks 0 and 2 are rank 0's, 1 is rank 1's; the buckets pass has one task (exact).
        #expect(pending[.signatures] == [0, 1])
        #expect(pending[.buckets] == [0])
        var rank1 = deduplicator
        rank1.rank = 1
        try rank1.run(.signatures)
        (runner, deduplicator, pending) = state()
        #expect(pending[.signatures] == [0])
        #expect(deduplicator.progress(.signatures) == (1, 3))
        #expect(pending[.stats] == [0])
    }
}
