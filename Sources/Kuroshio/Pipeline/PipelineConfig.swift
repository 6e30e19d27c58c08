import Yams

/// A pipeline recipe, read from YAML: which records to read, the stages in order, and where documents go.
///
/// ```yaml
/// reader:
///   format: warc                # or jsonl, with text_field and id_field
///   max_record_bytes: 16777216
///   http_status: [200]
///   content_types: [text/html, application/xhtml+xml]
/// stages:
///   - japanese_prefilter: {min_kana: 3}
///   - extract: {main_content: true, max_link_ratio: 0.5}
///   - kana_ratio: {min: 0.15}
///   - exact_dedup: {}           # corpus-wide stages come last (`DedupConfig`)
/// limits:                      # optional bounds on one input's cost (`InputLimits`)
///   page_elements: 250000
///   document_seconds: 2
/// output:
///   bucket: ja
///   shard_bytes: 134217728
///   tokenizer: llm-jp.model     # optional: meta.n_tokens in every record (a .tiktoken file takes a
///                               # tokenizer_pattern: cl100k, o200k, qwen2, llama3 or a regex)
/// ```
/// Stages are looked up by name in `StageRegistry`, `FilterRegistry` and `CleanerRegistry`. Unknown keys and values
/// of the wrong type are errors that name the file, line and key.
public struct PipelineConfig: Sendable {
    /// A language bucket kept by the `language` stage, with the least score a document needs to enter it.
    public struct Bucket: Sendable, Equatable {
        public var name: String
        public var minimumScore: Double
    }

    /// What the input files hold.
    public enum InputFormat: String, Sendable {
        /// WARC records (`.warc`, `.warc.gz`, and the older `.arc`, `.arc.gz`).
        case warc
        /// One JSON object per line (`.jsonl`, `.jsonl.gz`, `.jsonl.zst`), its text in `textField`.
        case jsonl

        /// The file name endings of inputs found in a directory.
        public var suffixes: [String] {
            switch self {
            case .warc: [".warc", ".warc.gz", ".arc", ".arc.gz"]
            case .jsonl: [".jsonl", ".jsonl.gz", ".jsonl.zst"]
            }
        }
    }

    public var format = InputFormat.warc
    /// For JSONL: the field holding the text (`text`, or `content` in code corpora), and the one holding the id.
    public var textField = "text"
    public var idField = "id"
    public var maxRecordBytes = WARCReader.defaultMaxRecordBytes
    public var limits = InputLimits()
    public var httpStatuses: [Int] = [200]
    public var contentTypes = ["text/html", "application/xhtml+xml"]
    /// The per-document stages in order: built-ins from `StageRegistry`, filters and cleaners.
    public var stages: [any PipelineStage] = []
    /// Corpus-wide dedup, listed last among the stages; nil when the recipe has none.
    public var dedup: DedupConfig?
    /// The recipe's `select` stage, run over the whole corpus after dedup.
    public var selection: SelectionConfig?
    public var bucket = "ja"
    public var shardBytes = 128 << 20
    /// The recipe text's fingerprint (comments aside), recorded with the markers of what it makes.
    public var fingerprint = ""
    /// The model tokenizer (`output.tokenizer`) that counts every document's tokens into `meta.n_tokens`; with none,
    /// no count is written.
    public var tokenizer: (any Tokenizer)?

    public init() {}

    /// Reads and checks a recipe file.
    public static func load(path: String) throws(ConfigError) -> PipelineConfig {
        guard let bytes = FileSystem.read(path) else {
            throw ConfigError(file: path, line: nil, message: "cannot read the file")
        }
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    public static func parse(_ yaml: String, file: String) throws(ConfigError) -> PipelineConfig {
        let reader = ConfigReader(file: file)
        var config = try reader.pipeline(try reader.root(yaml))
        config.fingerprint = RecipeMarker.fingerprint(yaml)
        config.dedup?.fingerprint = config.fingerprint
        return config
    }
}

/// A recipe that cannot be used, with where and why.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var message: String

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

extension ConfigReader {
    /// Filters used more than once get names that tell them apart in stats and `explain`: their number parameters
    /// (`top_ngram_share_n3`), or else their position (`keywords_2`).
    static func distinctNames(_ stages: [any PipelineStage]) -> [any PipelineStage] {
        let names = stages.map(\.name)
        var used: [String: Int] = [:]
        return stages.map { stage in
            guard var configured = (stage as? FilterStage)?.configured, names.filter({ $0 == configured.name }).count > 1
            else { return stage }
            let numbers = configured.parameters.values.sorted { $0.key < $1.key }.compactMap { key, value -> String? in
                guard case .number(let number) = value else { return nil }
                return "\(key)\(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))"
            }
            // Scores are told apart by the field they write, other filters by their numbers.
            let field = configured.scoring.map { [$0.field] } ?? []
            var name = ([configured.name] + field + numbers).joined(separator: "_")
            used[name, default: 0] += 1
            if used[name]! > 1 || (numbers.isEmpty && field.isEmpty) { name += "_\(used[name]!)" }
            configured.name = name
            return FilterStage(configured: configured)
        }
    }
}

extension PipelineConfig {
    /// The meta fields the recipe's scores and bands add to each bucket, for the dataset card.
    var cardExtras: @Sendable (String) -> DatasetCard.Extras {
        let scores = stages.compactMap { stage -> (buckets: [String], fields: [(name: String, type: DatasetCard.FieldType)])? in
            guard let configured = (stage as? FilterStage)?.configured, let scoring = configured.scoring else { return nil }
            return (configured.buckets, scoring.cardFields)
        }
        let selection = selection
        return { bucket in
            DatasetCard.Extras(scores: scores.filter { $0.buckets.isEmpty || $0.buckets.contains(bucket) }.flatMap(\.fields),
                               band: selection.map { !$0.bands.isEmpty && $0.selects(bucket) } ?? false)
        }
    }
}

/// The recipe's own parts of the reader: the pipeline, its limits, stages and filters.
extension ConfigReader {
    func limits(_ node: Node) throws(ConfigError) -> InputLimits {
        let values = try mapping(node, at: "limits", allowed: InputLimits.keys)
        var limits = InputLimits()
        func count(_ key: String, _ value: inout Int) throws(ConfigError) {
            value = try int(values[key], "limits.\(key)", default: value)
            guard (1...(1 << 40)).contains(value) else { throw fail(values[key], "limits.\(key) must lie in 1...2^40") }
        }
        try count("resync_bytes", &limits.resyncBytes)
        try count("header_bytes", &limits.headerBytes)
        try count("header_fields", &limits.headerFields)
        try count("page_depth", &limits.pageDepth)
        try count("page_elements", &limits.pageElements)
        try count("page_paragraphs", &limits.pageParagraphs)
        limits.documentSeconds = try double(values["document_seconds"], "limits.document_seconds", default: limits.documentSeconds)
        guard limits.documentSeconds > 0, limits.documentSeconds.isFinite else {
            throw fail(values["document_seconds"], "limits.document_seconds must be a positive number of seconds")
        }
        return limits
    }

    func pipeline(_ root: Node) throws(ConfigError) -> PipelineConfig {
        var config = PipelineConfig()
        let top = try mapping(root, at: "the recipe", allowed: ["reader", "limits", "stages", "output"])
        if let node = top["reader"] {
            let reader = try mapping(node, at: "reader", allowed: ["format", "max_record_bytes", "http_status", "content_types",
                                                                 "text_field", "id_field"])
            let format = try string(reader["format"], "reader.format", default: "warc")
            guard let parsed = PipelineConfig.InputFormat(rawValue: format) else {
                throw fail(reader["format"], "reader.format must be warc or jsonl")
            }
            config.format = parsed
            config.textField = try string(reader["text_field"], "reader.text_field", default: config.textField)
            config.idField = try string(reader["id_field"], "reader.id_field", default: config.idField)
            config.maxRecordBytes = try int(reader["max_record_bytes"], "reader.max_record_bytes", default: config.maxRecordBytes)
            guard (1...WARCReader.largestMaxRecordBytes).contains(config.maxRecordBytes) else {
                throw fail(reader["max_record_bytes"], "reader.max_record_bytes must lie in 1...\(WARCReader.largestMaxRecordBytes) (1 GiB)")
            }
            if let statuses = try list(reader["http_status"], "reader.http_status") {
                var parsed: [Int] = []
                for status in statuses { parsed.append(try int(status, "reader.http_status[]", default: 0)) }
                config.httpStatuses = parsed
            }
            if let types = try list(reader["content_types"], "reader.content_types") {
                var parsed: [String] = []
                for type in types { parsed.append(try string(type, "reader.content_types[]", default: "").lowercased()) }
                config.contentTypes = parsed
            }
        }
        if let node = top["limits"] { config.limits = try limits(node) }
        if let stages = try list(top["stages"], "stages") {
            for (index, node) in stages.enumerated() {
                if case .mapping(let entry) = node, entry.count == 1, let name = entry.first?.key.string,
                   let spec = DedupStages.spec(named: name) {
                    var dedup = config.dedup ?? DedupConfig()
                    try dedupStage(spec, entry.first!.value, path: "stages[\(index)].\(name)", into: &dedup)
                    config.dedup = dedup
                } else if case .mapping(let entry) = node, entry.count == 1, entry.first?.key.string == "select" {
                    guard config.selection == nil else { throw fail(node, "stages[\(index)]: a recipe has one select stage") }
                    let path = "stages[\(index)].select"
                    let entries = try mapping(entry.first!.value, at: path, allowed: ["field", "lowest", "keep", "bands", "buckets"])
                    config.selection = try SelectionConfig.parse(entries, at: path, reader: self)
                } else {
                    guard config.dedup == nil && config.selection == nil else {
                        throw fail(node, "stages[\(index)]: dedup and select stages work on the whole corpus and must come last")
                    }
                    config.stages.append(try stage(node, index))
                }
            }
            config.stages = Self.distinctNames(config.stages)
        }
        if let node = top["output"] {
            let output = try mapping(node, at: "output", allowed: ["bucket", "shard_bytes", "tokenizer", "tokenizer_pattern"])
            config.bucket = try string(output["bucket"], "output.bucket", default: config.bucket)
            if let path = output["tokenizer"] {
                let file = try string(path, "output.tokenizer", default: "")
                let pattern = try output["tokenizer_pattern"].map { (node) throws(ConfigError) in
                    try string(node, "output.tokenizer_pattern", default: "")
                }
                do {
                    config.tokenizer = try TokenizerLoader.load(path: file, pattern: pattern)
                } catch {
                    throw fail(path, "output.tokenizer: \(error)")
                }
            }
            config.shardBytes = try int(output["shard_bytes"], "output.shard_bytes", default: config.shardBytes)
            guard config.shardBytes >= 4096 else { throw fail(output["shard_bytes"], "output.shard_bytes must be at least 4096") }
            guard !config.bucket.isEmpty, !config.bucket.contains("/"), !config.bucket.hasPrefix("."),
                  !Self.reservedNames.contains(config.bucket) else {
                throw fail(output["bucket"], "output.bucket must be a plain directory name, not one of "
                    + Self.reservedNames.sorted().joined(separator: ", "))
            }
        }
        for spec in StageRegistry.all {
            let places = config.stages.indices.filter { config.stages[$0].name == spec.name }
            if spec.order.once && places.count > 1 { throw fail(top["stages"], "stages may have one \(spec.name) stage") }
            if spec.order.requiredFor == config.format && places.isEmpty {
                throw fail(top["stages"] ?? root, "stages must include \(spec.name)")
            }
            if let (stage, reason) = spec.order.before, let first = places.first,
               let other = config.stages.firstIndex(where: { $0.name == stage }), first > other {
                throw fail(top["stages"], "\(spec.name) \(reason) and must come before \(stage)")
            }
        }
        if config.stages.contains(where: { $0.name == "japanese_prefilter" }),
           let language = config.stages.lazy.compactMap({ $0 as? LanguageStage }).first,
           language.buckets.contains(where: { $0.name != "ja" }) {
            throw fail(top["stages"], "japanese_prefilter drops every page that cannot be Japanese, so it would cost the "
                + "other language buckets their pages: leave it out when they are kept")
        }
        return config
    }

    /// A filter stage: `min` and `max` (a number, or null for no bound) and the filter's own parameters.
    private func filter(_ spec: FilterSpec, _ value: Node, isEmpty: Bool, path: String) throws(ConfigError) -> ConfiguredFilter {
        let entries = isEmpty ? [:] : try mapping(value, at: path, allowed: ["min", "max", "buckets"] + spec.parameters.map(\.name))
        func bound(_ key: String, _ fallback: Double?) throws(ConfigError) -> Double? {
            guard let node = entries[key] else { return fallback }
            if node.null != nil { return nil }
            return try double(node, "\(path).\(key)", default: 0)
        }
        let parameters = try self.parameters(spec.parameters, entries, path: path)
        let min = try bound("min", spec.min), max = try bound("max", spec.max)
        for (key, bound) in [("min", min), ("max", max)] where bound?.isFinite == false {
            throw fail(entries[key], "\(path).\(key) must be a finite number")
        }
        if let min, let max, min > max { throw fail(entries["min"] ?? value, "\(path).min (\(min)) is above its max (\(max))") }
        var buckets: [String] = []
        if let node = entries["buckets"] {
            for item in try list(node, "\(path).buckets") ?? [] { buckets.append(try string(item, "\(path).buckets[]", default: "")) }
        }
        do {
            return ConfiguredFilter(name: spec.name, min: min, max: max, buckets: buckets, parameters: parameters,
                                    filter: try spec.make(parameters))
        } catch {
            throw ConfigError(file: file, line: value.mark?.line, message: error.message)
        }
    }

    /// The values of a filter's or cleaner's own parameters, checked against their kinds.
    private func parameters(_ specs: [ParameterSpec], _ entries: [String: Node], path: String) throws(ConfigError) -> FilterParameters {
        var parameters = FilterParameters()
        parameters.file = file
        parameters.path = path
        for parameter in specs {
            guard let node = entries[parameter.name] else { continue }
            let key = "\(path).\(parameter.name)"
            switch parameter.kind {
            case .number: parameters.values[parameter.name] = .number(try double(node, key, default: 0))
            case .text: parameters.values[parameter.name] = .text(try string(node, key, default: ""))
            case .flag: parameters.values[parameter.name] = .flag(try bool(node, key, default: false))
            case .scores:
                guard case .mapping(let mapping) = node else { throw fail(node, "\(key) must map names to numbers") }
                var scores: [FilterParameters.Score] = []
                for (name, value) in mapping {
                    scores.append(.init(name: name.string ?? "", value: try double(value, "\(key).\(name.string ?? "")", default: 0)))
                }
                parameters.values[parameter.name] = .scores(scores)
            case .list:
                if case .scalar = node {
                    parameters.values[parameter.name] = .list([try string(node, key, default: "")])
                } else {
                    var items: [String] = []
                    for item in try list(node, key) ?? [] { items.append(try string(item, "\(key)[]", default: "")) }
                    parameters.values[parameter.name] = .list(items)
                }
            }
        }
        return parameters
    }

    /// Names a run's output directory already uses, which no bucket may take.
    static let reservedNames: Set<String> = ["stats.json", "README.md", "dedup", "rejected"]

    /// One dedup stage's options, added to `dedup`.
    private func dedupStage(_ spec: DedupStageSpec, _ value: Node, path: String, into dedup: inout DedupConfig) throws(ConfigError) {
        let entries = value.null != nil ? [:] : try mapping(value, at: path, allowed: spec.parameters.map(\.name))
        do {
            try spec.apply(try parameters(spec.parameters, entries, path: path), &dedup)
        } catch {
            throw ConfigError(file: file, line: error.line ?? value.mark?.line, message: error.message)
        }
    }

    private func stage(_ node: Node, _ index: Int) throws(ConfigError) -> any PipelineStage {
        let names = StageRegistry.all.map(\.name) + FilterRegistry.all.map(\.name) + CleanerRegistry.all.map(\.name)
            + DedupStages.all.map(\.name) + ["select"]
        let entry = try mapping(node, at: "stages[\(index)]", allowed: names)
        guard entry.count == 1, let (name, value) = entry.first else {
            throw fail(node, "stages[\(index)] must name exactly one stage")
        }
        let path = "stages[\(index)].\(name)"
        let isEmpty = value.null != nil
        if let spec = FilterRegistry.spec(named: name) {
            return FilterStage(configured: try filter(spec, value, isEmpty: isEmpty, path: path))
        }
        let (parameterSpecs, make): ([ParameterSpec], (FilterParameters) throws(ConfigError) -> any PipelineStage)
        if let spec = CleanerRegistry.spec(named: name) {
            parameterSpecs = spec.parameters
            make = { (parameters) throws(ConfigError) in
                CleanerStage(configured: ConfiguredCleaner(name: name, parameters: parameters, cleaner: try spec.make(parameters)))
            }
        } else {
            let spec = StageRegistry.spec(named: name)!
            (parameterSpecs, make) = (spec.parameters, spec.make)
        }
        let entries = isEmpty ? [:] : try mapping(value, at: path, allowed: parameterSpecs.map(\.name))
        let parameters = try self.parameters(parameterSpecs, entries, path: path)
        do {
            return try make(parameters)
        } catch {
            throw ConfigError(file: file, line: error.line ?? value.mark?.line, message: error.message)
        }
    }
}
