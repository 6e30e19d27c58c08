import Yams

/// A training mix, read from YAML: sources of documents, each with a target in tokens or a share of a total.
///
/// ```yaml
/// seed: 1
/// total_tokens: 260000000000   # what the ratios are of
/// weight: cluster_size         # or uniform: how up- and down-sampling weigh documents
/// sources:
///   - {name: ja, paths: [run1/ja, run2/ja], tokens: 130000000000}
///   - {name: en, paths: [run1/en], ratio: 0.5}   # the targets add up to total_tokens
///   - {name: ja-high, paths: [run1/ja], band: high, ratio: 0.1}   # only documents of one quality band
/// ```
public struct MixConfig: Sendable {
    public struct Source: Sendable {
        public var name: String
        public var paths: [String]
        /// When set, the source holds only the documents whose `meta.quality_band` is this band (`select`'s bands).
        public var band: String?
        /// The tokens the mix should hold of this source.
        public var target: Int
        /// Where the source and each of its paths are written in the config, for errors.
        public var line: Int?
        public var pathLines: [Int?] = []
    }

    public enum Weight: String, Sendable {
        /// Every document alike.
        case uniform
        /// By `meta.dedup_cluster_size`, as FineWeb-2 rehydrates: a document that had copies counts that many times.
        case clusterSize = "cluster_size"
    }

    /// No mix is larger: a quadrillion tokens, ten times the largest corpora trained on.
    public static let maxTokens = 1_000_000_000_000_000
    /// No source is repeated more often to meet its target.
    public static let maxRepeats = 1000

    /// The config's file, for errors found when the mix is built.
    public var file = ""
    public var seed: UInt64 = 1
    public var weight = Weight.uniform
    public var shardBytes = 128 << 20
    public var sources: [Source] = []

    public static func load(path: String) throws(ConfigError) -> MixConfig {
        guard let bytes = FileSystem.read(path) else { throw ConfigError(file: path, line: nil, message: "cannot read the file") }
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Reads a mix config, refusing what cannot mean anything: unknown keys, a source without a name or paths, two
    /// sources of one name, a target in both tokens and ratio or in neither, a ratio outside (0, 1], a token count
    /// of zero or past `maxTokens`, and targets that do not add up to `total_tokens`. Each error names the file, the
    /// line and the key.
    public static func parse(_ yaml: String, file: String) throws(ConfigError) -> MixConfig {
        let reader = ConfigReader(file: file)
        let root = try reader.root(yaml)
        let top = try reader.mapping(root, at: "the mix", allowed: ["seed", "total_tokens", "weight", "shard_bytes", "sources"])
        var config = MixConfig()
        config.file = file
        if let node = top["seed"] { config.seed = UInt64(try reader.whole(node, "seed", from: 0, to: .max)) }
        let total = try top["total_tokens"].map { (node) throws(ConfigError) in
            (value: try reader.whole(node, "total_tokens", from: 1, to: maxTokens), node: node)
        }
        if let node = top["weight"] {
            guard let weight = node.string.flatMap(Weight.init) else { throw reader.fail(node, "weight must be uniform or cluster_size") }
            config.weight = weight
        }
        if let node = top["shard_bytes"] { config.shardBytes = try reader.whole(node, "shard_bytes", from: 4096, to: maxTokens) }
        var pending: [(source: Source, ratio: (value: Double, node: Node)?, node: Node)] = []
        guard let list = try reader.list(top["sources"], "sources"), !list.isEmpty else {
            throw reader.fail(top["sources"] ?? root, top["sources"] == nil ? "a mix needs sources" : "sources must be a list")
        }
        for item in list {
            let fields = try reader.mapping(item, at: "a source", allowed: ["name", "paths", "band", "tokens", "ratio"])
            var source = Source(name: "", paths: [], target: 0, line: item.mark?.line)
            if let entry = fields["name"] {
                guard case .scalar = entry, let name = entry.string, !name.isEmpty else { throw reader.fail(entry, "name must be a text") }
                source.name = name
            }
            if let entry = fields["paths"] {
                let nodes = if case .sequence(let paths) = entry { Array(paths) } else { [entry] }
                for node in nodes {
                    guard case .scalar = node, let path = node.string, !path.isEmpty else { throw reader.fail(node, "paths must be paths") }
                    // Relative paths are read from the config's own directory, wherever the command runs.
                    source.paths.append(FileSystem.resolve(path, relativeTo: file))
                    source.pathLines.append(node.mark?.line)
                }
            }
            if let entry = fields["band"] {
                guard case .scalar = entry, let band = entry.string, !band.isEmpty else { throw reader.fail(entry, "band must be a band's name") }
                source.band = band
            }
            if let entry = fields["tokens"] { source.target = try reader.whole(entry, "tokens", from: 1, to: maxTokens) }
            var ratio: (value: Double, node: Node)?
            if let entry = fields["ratio"] {
                guard case .scalar = entry, let share = entry.float, share > 0, share <= 1 else {
                    throw reader.fail(entry, "ratio must be a number above 0 and at most 1")
                }
                ratio = (share, entry)
            }
            guard !source.name.isEmpty, !source.paths.isEmpty else { throw reader.fail(item, "a source needs a name and paths") }
            if let tokens = fields["tokens"], ratio != nil { throw reader.fail(tokens, "\(source.name): give tokens or a ratio, not both") }
            if let other = pending.first(where: { $0.source.name == source.name }) {
                throw reader.fail(item, "two sources are named \(source.name) (the first at line \((other.node.mark?.line).map(String.init) ?? "?"))")
            }
            pending.append((source, ratio, item))
        }
        var sum = 0
        for (source, ratio, node) in pending {
            var source = source
            if let ratio {
                guard let total else { throw reader.fail(ratio.node, "\(source.name): a ratio needs total_tokens") }
                source.target = max(1, Int((Double(total.value) * ratio.value).rounded()))
            } else if source.target == 0 {
                throw reader.fail(node, "\(source.name): give tokens or a ratio")
            }
            sum.add(saturating: source.target)
            config.sources.append(source)
        }
        // The mix's size is total_tokens: its sources' targets, in tokens or ratios, must make it up (to 0.1%).
        if let total, abs(Double(sum) - Double(total.value)) > 0.001 * Double(total.value) {
            throw reader.fail(total.node, "total_tokens is \(total.value), but the sources' targets add up to \(sum) "
                + "(ratios must sum to 1 with the tokens given)")
        }
        return config
    }

    /// A config error at `line` of this config.
    func error(_ line: Int?, _ message: String) -> ConfigError { ConfigError(file: file, line: line, message: message) }
}
