import FuzzSupport
import Kuroshio

/// Shard lines as the readers of outputs take them: `kuroshio stats` profiles them (a count in meta that cannot be
/// true is a problem, not a sum) and reports them, and a mix samples them to a target; any bytes, never a trap.
private let shard = ScratchFile(name: "shard.jsonl")
private let output = ScratchFile(name: "mix-out")

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzShard(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    shard.write(bytes(data, size))
    var stats = CorpusStats()
    _ = try? stats.profile.addShard(shard.path, bucket: "ja")
    var rejected = CorpusProfile()
    try? rejected.addRejected(shard.path, stage: "length")
    stats.profile.merge(rejected)
    _ = StatsReport.html(stats)
    _ = stats.json.serialized
    if let config = try? MixConfig.parse("seed: 7\nsources:\n  - {name: ja, paths: [\(shard.path)], tokens: 40}\n", file: "fuzz.yaml") {
        _ = try? Mixer(config: config, tokenizer: nil).run(output: output.path, format: .jsonl)
    }
    return 0
}

@_cdecl("FuzzShard_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzShard)
}
