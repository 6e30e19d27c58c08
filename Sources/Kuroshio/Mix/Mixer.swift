/// Builds a training mix: each source sampled to its target in tokens, deterministically, and the sources interleaved
/// by tokens, to sharded JSONL or Megatron-LM's indexed dataset.
///
/// A document's share of copies is `rate × weight`, where the weight is 1 or its `dedup_cluster_size` and the rate
/// makes the source's tokens its target: below 1 that down-samples, above 1 it repeats documents. Every document gets
/// the whole part of its share; the fractions go to documents in the order of a hash of the seed, the source and the
/// document id, each taken while it does not overshoot the target, and one more that does when that comes closer, so
/// a rerun picks the same documents and the target is met as closely as the documents' sizes allow. A source that
/// still misses its target by more than `tolerance` is named (`misses`), and refused with `strict`. Copy k of a
/// document is emitted in the source's k-th sweep, so repeats lie far apart. Each next document comes from the source
/// furthest behind its target, so that every stretch of the stream holds the sources in the shares of their targets.
public struct Mixer {
    public enum OutputFormat: String, Sendable { case jsonl, megatron }

    public var config: MixConfig
    /// Counts tokens where a document has no `meta.n_tokens`, and gives the ids for Megatron output.
    public var tokenizer: (any Tokenizer)?
    /// The id appended to each document in Megatron output (as `preprocess_data.py --append-eod` does): the
    /// tokenizer's own end of document unless given.
    public var endOfDocument: Int32?

    /// Refuse to write a mix whose planned tokens miss a target by more than `tolerance`.
    public var strict = false
    /// The share of its target a source may miss by.
    public static let tolerance = 0.01

    public init(config: MixConfig, tokenizer: (any Tokenizer)?, endOfDocument: Int32? = nil) {
        self.config = config
        self.tokenizer = tokenizer
        self.endOfDocument = endOfDocument ?? tokenizer?.endOfDocument
    }

    /// One source's documents as the mix reads them.
    struct SourceState {
        var source: MixConfig.Source
        var files: [String]
        var available = 0, weighted = 0.0, documents = 0
        var rate = 0.0
        var sweeps = 1
        /// Each readable document's copies, in reading order.
        var copies: [UInt16] = []
        // The stream: sweep, file, reader and document.
        var sweep = 0, file = 0, document = 0
        var reader: JSONLReader?
        var written = 0, writtenDocuments = 0
        /// The tokens its copies hold.
        var planned = 0
        var remaining: Double { Double(source.target - written) }
        /// How much of its target it has written.
        var progress: Double { Double(written) / Double(max(1, source.target)) }
    }

    /// Writes the mix to `output` and returns its manifest (also written as `OUT/manifest.json`). The directory holds
    /// one mix: a new one, an empty one, or one with an earlier mix, whose files the new one replaces; any other is
    /// refused. A source whose paths hold no shards, a document whose `meta.n_tokens` cannot be true, a target more
    /// than `MixConfig.maxRepeats` times what a source holds, and an end-of-document id outside the vocabulary are
    /// refused with the config's file and line, or the shard's.
    public func run(output: String, format: OutputFormat) throws(RunError) -> JSON {
        guard format == .jsonl || tokenizer != nil else { throw .conflict("Megatron output needs a tokenizer for the ids") }
        if format == .megatron {
            guard let endOfDocument else { throw .conflict("the tokenizer names no end-of-document token: give its id (--eod-id)") }
            guard endOfDocument >= 0, Int(endOfDocument) < vocabularySize else {
                throw .conflict("the end-of-document id \(endOfDocument) is not an id of the tokenizer (its vocabulary has "
                    + "\(vocabularySize) ids): give one below that (--eod-id)")
            }
        }
        let earlier = try earlierMix(output)
        var states: [SourceState] = []
        for source in config.sources {
            var files: [String] = []
            for (path, line) in zip(source.paths, source.pathLines + Array(repeating: nil, count: source.paths.count)) {
                guard FileSystem.exists(path) else { throw .conflict(config.error(line ?? source.line, "\(source.name): \(path): no such file or directory").description) }
                files += FileSystem.isDirectory(path) ? FileSystem.files(under: path, suffixes: DedupUnits.suffixes) : [path]
            }
            guard !files.isEmpty else {
                throw .conflict(config.error(source.line, "\(source.name): no JSONL shards in \(source.paths.joined(separator: " "))").description)
            }
            var state = SourceState(source: source, files: files.sorted())
            var documents: [(hash: UInt64, tokens: Int, weight: Double)] = []
            let salt = config.seed ^ Hash64.string(source.name)
            for file in state.files {
                guard let reader = try? JSONLReader(path: file) else { throw .conflict("\(file): cannot be read") }
                for line in reader {
                    guard let document = line.bytes.flatMap(ShardDocument.init), source.holds(document) else { continue }
                    documents.append((Hash64.string(document.id, seed: salt), try count(document, "\(file), line \(line.number)"),
                                      weight(document)))
                }
            }
            if let band = source.band, documents.isEmpty {
                throw .conflict(config.error(source.line, "\(source.name): no documents of band \(band) (meta.\(SelectionConfig.bandField)) "
                    + "in \(source.paths.joined(separator: " "))").description)
            }
            state.available = documents.reduce(0) { $0.adding(saturating: $1.tokens) }
            state.weighted = documents.reduce(0) { $0 + Double($1.tokens) * $1.weight }
            state.documents = documents.count
            state.rate = state.weighted > 0 ? Double(source.target) / state.weighted : 0
            guard state.rate <= Double(MixConfig.maxRepeats) else {
                throw .conflict(config.error(source.line, "\(source.name): its target of \(source.target) tokens is more than "
                    + "\(MixConfig.maxRepeats) times the \(state.available) it holds").description)
            }
            state.copies = Self.copies(documents, rate: state.rate, target: source.target)
            state.planned = zip(documents, state.copies).reduce(0) { $0.adding(saturating: $1.0.tokens * Int($1.1)) }
            state.sweeps = max(1, Int(state.copies.max() ?? 1))
            states.append(state)
        }
        let misses = states.filter { abs(Double($0.planned - $0.source.target)) > Self.tolerance * Double($0.source.target) }.map { state in
            "\(state.source.name): \(state.planned) of its \(state.source.target) tokens, from \(state.documents) documents of "
                + "\(state.available) tokens (its documents are too few or too large to come closer)"
        }
        if strict && !misses.isEmpty {
            throw .conflict("targets missed by more than \(Int(Self.tolerance * 100))%: " + misses.joined(separator: "; "))
        }
        do { try FileSystem.makeDirectories(output) } catch { throw .output(error) }
        let shards = ShardWriter(directory: output, stem: "part", maxBytes: config.shardBytes)
        let megatron: MegatronWriter?
        do {
            megatron = format == .megatron ? try MegatronWriter(prefix: "\(output)/mix", vocabularySize: vocabularySize) : nil
        } catch {
            throw .output(error)
        }
        while true {
            let open = states.indices.filter { states[$0].remaining > 0 && states[$0].sweep < states[$0].sweeps }
            guard let s = open.min(by: { states[$0].progress < states[$1].progress }) else { break }
            guard let (found, place) = try next(&states[s]) else { continue }
            var document = found
            let tokens = try count(document, place)
            document.setMeta("mix_source", .string(states[s].source.name))
            states[s].written.add(saturating: tokens)
            states[s].writtenDocuments += 1
            var ids: [Int32] = []
            if let tokenizer, megatron != nil {
                do { ids = try tokenizer.encode(document.text) } catch { throw .conflict("\(place): \(error)") }
            }
            do throws(OutputError) {
                if let megatron, let endOfDocument {
                    try megatron.append(ids + [endOfDocument])
                } else {
                    try shards.write(document.jsonLine)
                }
            } catch {
                throw .output(error)
            }
        }
        do {
            try shards.commit()
            try megatron?.commit()
        } catch {
            throw .output(error)
        }
        let manifest = JSON.object([
            ("seed", .int(Int(config.seed))), ("weight", .string(config.weight.rawValue)), ("format", .string(format.rawValue)),
            ("sources", .array(states.map { state in
                .object([("name", .string(state.source.name)), ("target_tokens", .int(state.source.target)),
                         ("achieved_tokens", .int(state.written)), ("available_tokens", .int(state.available)),
                         ("available_documents", .int(state.documents)), ("written_documents", .int(state.writtenDocuments)),
                         ("rate", .double(state.rate))])
            })),
            ("missed", .array(misses.map(JSON.string))),
        ])
        do { try FileSystem.writeAtomically(Array((manifest.serialized + "\n").utf8), to: "\(output)/manifest.json") } catch {
            throw .output(error)
        }
        // The earlier mix's files that this one did not write over.
        let written = Set(format == .jsonl ? shards.committed : ["mix.bin", "mix.idx"])
        for name in earlier where !written.contains(name) { FileSystem.remove("\(output)/\(name)") }
        return manifest
    }

    /// The files of an earlier mix in `output` (its shards, Megatron files and manifest), which a new mix replaces;
    /// refuses a directory that holds anything else.
    private func earlierMix(_ output: String) throws(RunError) -> [String] {
        let names = FileSystem.list(output).filter { !$0.hasPrefix(".") }
        guard !names.isEmpty else { return [] }
        let ours = names.filter { $0 == "manifest.json" || $0 == "mix.bin" || $0 == "mix.idx" || ($0.hasPrefix("part-") && $0.hasSuffix(".jsonl.gz")) }
        guard ours.count == names.count, names.contains("manifest.json") else {
            throw .conflict("\(output) holds files that are not a mix (\(names.filter { !ours.contains($0) }.prefix(3).joined(separator: ", "))"
                + (names.contains("manifest.json") ? "" : ", and no manifest.json") + "): give a new or empty directory")
        }
        return ours.filter { $0 != "manifest.json" }
    }

    private var vocabularySize: Int { tokenizer?.vocabularySize ?? 1 << 20 }

    /// Each document's copies: the whole part of `rate × weight`, then one more for documents in hash order while
    /// the total stays within the target, and at last one more for the smallest document left over when that brings
    /// the total closer to the target.
    static func copies(_ documents: [(hash: UInt64, tokens: Int, weight: Double)], rate: Double, target: Int) -> [UInt16] {
        var copies = documents.map { UInt16(min(Double(UInt16.max - 1), ($0.weight * rate).rounded(.down))) }
        var total = zip(documents, copies).reduce(0) { $0 + $1.0.tokens * Int($1.1) }
        var overshooting: Int?
        for index in documents.indices.sorted(by: { documents[$0].hash < documents[$1].hash }) {
            guard total < target else { break }
            let fraction = documents[index].weight * rate - Double(copies[index])
            guard fraction > 0, copies[index] < UInt16.max - 1 else { continue }
            guard total + documents[index].tokens <= target else {
                if documents[index].tokens < overshooting.map({ documents[$0].tokens }) ?? .max { overshooting = index }
                continue
            }
            copies[index] += 1
            total += documents[index].tokens
        }
        if let index = overshooting, total < target, total + documents[index].tokens - target < target - total {
            copies[index] += 1
        }
        return copies
    }

    /// The next document copy of a source and where it lies, or nil when its sweeps are done: copy k of a document
    /// goes in sweep k.
    private func next(_ state: inout SourceState) throws(RunError) -> (ShardDocument, String)? {
        while state.sweep < state.sweeps {
            if state.reader == nil {
                guard state.file < state.files.count else {
                    state.sweep += 1
                    (state.file, state.document) = (0, 0)
                    continue
                }
                state.reader = try? JSONLReader(path: state.files[state.file])
            }
            guard let line = state.reader?.next() else {
                state.reader = nil
                state.file += 1
                continue
            }
            guard let document = line.bytes.flatMap(ShardDocument.init), state.source.holds(document) else { continue }
            defer { state.document += 1 }
            if state.document < state.copies.count, Int(state.copies[state.document]) > state.sweep {
                return (document, "\(state.files[state.file]), line \(line.number)")
            }
        }
        return nil
    }

    private func weight(_ document: ShardDocument) -> Double {
        guard config.weight == .clusterSize, case .int(let size)? = document.meta.first(where: { $0.0 == "dedup_cluster_size" })?.1
        else { return 1 }
        return Double(max(1, size))
    }

    /// The tokens of a document at `place` (a shard and line): its `meta.n_tokens`, or its text counted.
    private func count(_ document: ShardDocument, _ place: String) throws(RunError) -> Int {
        switch MetaCount.read(document.meta, "n_tokens", bytes: document.text.utf8.count) {
        case .success(let tokens?): return tokens
        case .failure(let error): throw .conflict("\(place): \(error.detail)")
        case .success(nil):
            guard let tokenizer else { throw .conflict("\(place): a document without meta.n_tokens, and no --tokenizer to count it") }
            do { return try tokenizer.count(document.text) } catch { throw .conflict("\(place): \(error)") }
        }
    }
}

extension MixConfig.Source {
    /// Whether the document belongs to the source: any, or one of its band.
    func holds(_ document: ShardDocument) -> Bool {
        guard let band else { return true }
        return document.meta.first { $0.0 == SelectionConfig.bandField }?.1 == .string(band)
    }
}
