import ArgumentParser
import Kuroshio

struct MixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mix",
        abstract: "Build a training mix to target token counts, as sharded JSONL or Megatron-LM's indexed dataset.",
        discussion: """
        The mix config lists sources (output directories or buckets of runs) with a target in tokens or a ratio of \
        total_tokens. Sampling is decided by a hash of the seed and each document id; documents are repeated when a \
        target exceeds what a source has (weighted by meta.dedup_cluster_size with `weight: cluster_size`); sources \
        are interleaved by tokens, each next document from the source furthest behind its target. Paths are read \
        from the config's directory. Writes OUT/part-*.jsonl.gz (or OUT/mix.bin and OUT/mix.idx) and \
        OUT/manifest.json with each source's target and achieved tokens. A source whose documents cannot come \
        within 1% of its target is a warning, and with --strict an error before anything is written.
        """
    )

    @Flag(help: "Refuse a mix that would miss a source's target by more than 1%.")
    var strict = false

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
            var mixer = Mixer(config: mix, tokenizer: model, endOfDocument: eodId)
            mixer.strict = strict
            let manifest = try mixer.run(output: output, format: format)
            if case .object(let members) = manifest, case .array(let missed)? = members.first(where: { $0.0 == "missed" })?.1 {
                for case .string(let miss) in missed { Log.warning("mix: target missed by more than 1%: \(miss)") }
            }
            Log.info("mix written to \(output): \(manifest.serialized)")
        } catch {
            throw Failure("\(error)")
        }
    }
}
