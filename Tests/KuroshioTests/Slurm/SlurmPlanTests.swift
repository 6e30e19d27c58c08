import Foundation
import Testing
@testable import Kuroshio

@Suite struct SlurmPlanTests {
    static func plan(_ output: String, deduplicates: Bool) -> SlurmPlan {
        let recipe = try! PipelineConfig.parse("stages:\n  - extract:\n" + (deduplicates ? "  - exact_dedup: {keep: first}\n" : ""), file: "t.yaml")
        let passes = Runner(config: recipe, inputs: [], output: output).plan().ranks(worldSize: 2)
        return SlurmPlan(kuroshio: "/opt/kuroshio", config: "/r/ja cc.yaml", output: output, inputList: "/r/paths.txt", tasks: 2,
                         passes: passes)
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
        #expect(plan.passes.map(\.name) == ["map", "signatures", "buckets", "clusters", "apply", "finalize"])
        #expect(plan.passes.map(\.ranks) == [2, 2, 2, 2, 2, 1])
        #expect(Self.plan("/out", deduplicates: false).passes.map(\.name) == ["map", "finalize"])
        let map = plan.script("map")
        #expect(map.hasPrefix("#!/bin/bash\n#SBATCH --job-name=\"kuroshio-map\"\n#SBATCH --output=\"/out/logs/map-%A_%a.log\"\n"))
        #expect(map.contains("#SBATCH --partition=\"cpu\"\n#SBATCH --mem=\"4G\"\n") && !map.contains("--time"))
        #expect(map.hasSuffix("""
            rank=$(( ${KUROSHIO_RANK_OFFSET:-0} + ${SLURM_ARRAY_TASK_ID:-0} ))
            exec '/opt/kuroshio' 'run' '--pass' 'map' '--config' '/r/ja cc.yaml' '--output' '/out' '--input-list' '/r/paths.txt' \
            '--rank' "$rank" '--world-size' '2' '--jobs' '1'

            """))
        #expect(plan.command("buckets") == ["/opt/kuroshio", "run", "--pass", "buckets", "--config", "/r/ja cc.yaml", "--output", "/out",
                                            "--input-list", "/r/paths.txt", "--rank", "$rank", "--world-size", "2", "--jobs", "1"])
        #expect(plan.command("finalize").suffix(6) == ["--rank", "0", "--world-size", "1", "--jobs", "1"])
    }

    /// A plan over URLs passes the base URL and the fetch options to every command, and records the base URL for
    /// `slurm status`.
    @Test func remoteOptionsReachEveryCommand() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-slurm-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var plan = Self.plan(output, deduplicates: false)
        plan.baseURL = "https://data.commoncrawl.org/"
        plan.remoteArguments = ["--max-transfers", "2", "--no-sign-request"]
        #expect(plan.command("map").suffix(5) == ["--base-url", "https://data.commoncrawl.org/", "--max-transfers", "2", "--no-sign-request"])
        #expect(plan.script("finalize").hasSuffix("'--base-url' 'https://data.commoncrawl.org/' '--max-transfers' '2' '--no-sign-request'\n"))
        try plan.write()
        #expect(SlurmPlan.recorded(in: output)?.baseURL == "https://data.commoncrawl.org/")
        plan.baseURL = "https://x/\n#SBATCH --wrap=evil"
        #expect(throws: SlurmPlanError.self) { try plan.validate() }
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
        func state() -> (PassPlan, [String: [Int]]) {
            let plan = Runner(config: recipe, inputs: inputs, output: output, worldSize: 2).plan()
            return (plan, Dictionary(uniqueKeysWithValues: plan.pendingRanks(worldSize: 2).map { ($0.pass, $0.ranks) }))
        }
        var (passes, pending) = state()
        #expect(passes.pendingRanks(worldSize: 2).map(\.ranks) == [[0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0]])
        _ = try Runner(config: recipe, inputs: inputs, output: output, rank: 0, worldSize: 2).run()
        (passes, pending) = state()
        #expect(pending["map"] == [1])
        #expect(passes.progress("map")! == (2, 3) && passes.progress("signatures") == nil)
        _ = try Runner(config: recipe, inputs: inputs, output: output, rank: 1, worldSize: 2).run()
        (passes, pending) = state()
        #expect(pending["map"]!.isEmpty)
        // Three shards: signatures tasks 0 and 2 are rank 0's, 1 is rank 1's; the passes after one with tasks left
        // are pending on every rank.
        #expect(pending["signatures"] == [0, 1])
        #expect(pending["buckets"] == [0, 1])
        try passes.run("signatures", rank: 1, worldSize: 2)
        (passes, pending) = state()
        #expect(pending["signatures"] == [0])
        #expect(passes.progress("signatures")! == (1, 3))
        #expect(pending["finalize"] == [0])
    }

    /// Names that try to run a command, as a shell or sbatch would read them unquoted: none runs anything but the
    /// command, which gets each name back as one argument. A Prepend letter (U+0D4E) makes one grapheme with the `&`
    /// after it, and a `'` followed by a combining mark one with the mark.
    static let hostileNames = [
        "a\u{0D4E}&touch CANARY", "a\u{0D4E}>CANARY", "a\u{0D4E};>CANARY", "$(touch CANARY)", "`touch CANARY`", "'; touch CANARY; '", "'\u{301};touch CANARY;#",
        "\\'\u{301}; touch CANARY", "x\"y;touch CANARY", "#;touch CANARY", ";touch CANARY", "|touch CANARY", ">CANARY",
        "$HOME", "*", "two words", "-n", "%A", "\u{0D4E}'touch CANARY'", "\u{2028}touch CANARY", "é\u{301}&&touch CANARY",
        "\\\"\u{301}; touch CANARY", "!!", "${IFS}touch${IFS}CANARY",
    ]

    @Test func noNameRunsACommand() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-sbatch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        // A stand-in for kuroshio that records its arguments, one per line, escaped.
        let stub = "\(base)/stub kuroshio"
        try Data("#!/usr/bin/env python3\nimport sys, json\nopen(sys.argv[0] + '.args', 'w').write(json.dumps(sys.argv[1:]))\n".utf8)
            .write(to: URL(fileURLWithPath: stub))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub)
        for name in Self.hostileNames {
            for place in 0..<3 {
                var plan = SlurmPlan(kuroshio: stub, config: place == 0 ? "\(base)/\(name)" : "\(base)/c.yaml",
                                     output: place == 1 ? "\(base)/\(name)" : "\(base)/out", inputList: place == 2 ? name : "list",
                                     tasks: 3, passes: [("signatures", 3)])
                plan.partition = "cpu"
                try plan.validate()
                let script = "\(base)/task.sbatch"
                try Data(plan.script("signatures").utf8).write(to: URL(fileURLWithPath: script))
                let bash = Process()
                bash.executableURL = URL(fileURLWithPath: "/bin/bash")
                bash.arguments = [script]
                bash.currentDirectoryURL = URL(fileURLWithPath: base)
                bash.environment = ["PATH": "/usr/bin:/bin", "SLURM_ARRAY_TASK_ID": "1", "HOME": base]
                try bash.run()
                bash.waitUntilExit()
                #expect(bash.terminationStatus == 0, "\(name.debugDescription)")
                #expect(!FileManager.default.fileExists(atPath: "\(base)/CANARY"), "\(name.debugDescription) ran a command")
                let arguments = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: stub + ".args"))) as? [String]
                #expect(arguments == plan.command("signatures").dropFirst().map { $0 == "$rank" ? "1" : $0 }, "\(name.debugDescription)")
                try? FileManager.default.removeItem(atPath: stub + ".args")
            }
        }
    }

    /// Control characters in a path or an option, and options sbatch would not read, are refused by name.
    @Test func controlCharactersAndMalformedOptionsAreRefused() {
        var plan = Self.plan("/out\nlogs", deduplicates: false)
        #expect(throws: SlurmPlanError.self) { try plan.validate() }
        plan = Self.plan("/out", deduplicates: false)
        for (partition, time, memory) in [("cpu\ntouch x", nil, nil), ("cpu", "1:00\rx", nil), (nil, nil, "4G\u{85}"),
                                          ("a b", nil, nil), (nil, "$(x)", nil), (nil, nil, "4G;x")] as [(String?, String?, String?)] {
            (plan.partition, plan.time, plan.memory) = (partition, time, memory)
            #expect(throws: SlurmPlanError.self, "\([partition, time, memory])") { try plan.validate() }
        }
        (plan.partition, plan.time, plan.memory) = ("cpu,gpu", "1-02:00:00", "4096M")
        #expect(throws: Never.self) { try plan.validate() }
    }

    /// sbatch reads a quoted `#SBATCH` value whole: quotes and backslashes escaped, a `#` kept inside the quotes.
    @Test func sbatchValuesAreQuotedAsSbatchReadsThem() {
        #expect(SlurmPlan.sbatchQuoted(#"/a b/#x"y\z"#) == #""/a b/#x\"y\\z""#)
        #expect(SlurmPlan.shellQuoted("it'\u{301}s") == "'it'\\''\u{301}s'")
    }
}
