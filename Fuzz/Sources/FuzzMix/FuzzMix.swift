import FuzzSupport
import Glibc
import Kuroshio

/// Mix configs: any YAML is a mix or a `ConfigError`; a mix is then built from a small corpus of its own (every
/// source's paths pointed at it), to a manifest or a refusal, never a trap.
private let corpus = ScratchFile(name: "mix-corpus.jsonl")
private let output = ScratchFile(name: "mix-output")
private let documents: [UInt8] = Array((0..<60).map { i in
    "{\"text\":\"\(String(repeating: "黒潮", count: 1 + i % 9))\",\"id\":\"d\(i)\",\"meta\":{\"n_tokens\":\(2 + 2 * (i % 9)),\"dedup_cluster_size\":\(1 + i % 4)}}\n"
}.joined().utf8)

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzMix(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if access(corpus.path, F_OK) != 0 { corpus.write(documents) }
    guard var config = try? MixConfig.parse(String(decoding: bytes(data, size), as: UTF8.self), file: "fuzz.yaml") else { return 0 }
    for index in config.sources.indices { config.sources[index].paths = [corpus.path] }
    config.shardBytes = max(config.shardBytes, 1 << 16)
    _ = try? Mixer(config: config, tokenizer: nil).run(output: output.path, format: .jsonl)
    return 0
}

@_cdecl("FuzzMix_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzMix)
}
