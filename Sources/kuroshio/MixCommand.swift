import ArgumentParser
import Kuroshio

struct MixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mix",
        abstract: "Build a training mix to target token counts, as sharded JSONL or Megatron-LM's indexed dataset.",
        discussion: """
        The mix config lists sources (output directories or buckets of runs) with a target in tokens or a ratio of \\
        total_tokens. Sampling is decided by a hash of the seed and each document id; documents are repeated when a \\
        target exceeds what a source has (weighted by meta.dedup_cluster_size with `weight: cluster_size`); sources \\
        are interleaved in a seeded order. Writes OUT/part-*.jsonl.gz (or OUT/mix.bin and OUT/mix.idx) and \\
        OUT/manifest.json with each source's target and achieved tokens.
        """
    )

    @Option(help: "The mix config (YAML).")
    var config: String

    @Option(help: "The output directory.")
    var output: String

    @Option(help: "jsonl or megatron.")
    var format = "jsonl"

    @Option(help: "The tokenizer: counts documents without meta.n_tokens, and gives Megatron's ids.")
    var tokenizer: String?

    @Option(help: "For a .tiktoken tokenizer: its pre-tokenisation preset or regex.")
    var pattern: String?

    @Option(help: "The end-of-document id appended to each document in Megatron output (default: the tokenizer's).")
    var eodId: Int32?

    func validate() throws {
        guard Mixer.OutputFormat(rawValue: format) != nil else { throw ValidationError("--format must be jsonl or megatron (got \(format))") }
        if let eodId, eodId < 0 { throw ValidationError("--eod-id must be 0 or more (got \(eodId))") }
    }

    func run() throws {
        let format = Mixer.OutputFormat(rawValue: format)!
        let mix: MixConfig
        do { mix = try MixConfig.load(path: config) } catch { throw Failure("\(error)") }
        var model: (any Tokenizer)?
        if let tokenizer {
            do { model = try TokenizerLoader.load(path: tokenizer, pattern: pattern) } catch { throw Failure("\(error)") }
        }
        do {
            let manifest = try Mixer(config: mix, tokenizer: model, endOfDocument: eodId).run(output: output, format: format)
            Log.info("mix written to \(output): \(manifest.serialized)")
        } catch {
            throw Failure("\(error)")
        }
    }
}
