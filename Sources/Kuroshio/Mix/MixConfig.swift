import Yams

/// A training mix, read from YAML: sources of documents, each with a target in tokens or a share of a total.
///
/// ```yaml
/// seed: 1
/// total_tokens: 260000000000   # what the ratios are of
/// weight: cluster_size         # or uniform: how up- and down-sampling weigh documents
/// sources:
///   - {name: ja, paths: [run1/ja, run2/ja], tokens: 130000000000}
///   - {name: en, paths: [run1/en], ratio: 0.46}
/// ```
public struct MixConfig: Sendable {
    public struct Source: Sendable {
        public var name: String
        public var paths: [String]
        /// The tokens the mix should hold of this source.
        public var target: Int
    }

    public enum Weight: String, Sendable {
        /// Every document alike.
        case uniform
        /// By `meta.dedup_cluster_size`, as FineWeb-2 rehydrates: a document that had copies counts that many times.
        case clusterSize = "cluster_size"
    }

    public var seed: UInt64 = 1
    public var weight = Weight.uniform
    public var shardBytes = 128 << 20
    public var sources: [Source] = []

    public static func load(path: String) throws(ConfigError) -> MixConfig {
        guard let bytes = FileSystem.read(path) else { throw ConfigError(file: path, line: nil, message: "cannot read the file") }
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    public static func parse(_ yaml: String, file: String) throws(ConfigError) -> MixConfig {
        func fail(_ node: Node?, _ message: String) -> ConfigError {
            ConfigError(file: file, line: node?.mark.map { $0.line }, message: message)
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else { throw fail(nil, "the file is empty") }
            root = node
        } catch let error as ConfigError {
            throw error
        } catch {
            throw fail(nil, "not valid YAML: \(error)")
        }
        guard case .mapping(let top) = root else { throw fail(root, "a mix must be a mapping") }
        var config = MixConfig()
        var total: Int?
        var pending: [(Source, Double?, Node)] = []
        for (key, value) in top {
            switch key.string {
            case "seed": guard let seed = value.int, seed >= 0 else { throw fail(value, "seed must be a whole number") }
                config.seed = UInt64(seed)
            case "total_tokens": guard let number = value.int, number > 0 else { throw fail(value, "total_tokens must be positive") }
                total = number
            case "weight": guard let weight = value.string.flatMap(Weight.init) else { throw fail(value, "weight must be uniform or cluster_size") }
                config.weight = weight
            case "shard_bytes": guard let bytes = value.int, bytes > 0 else { throw fail(value, "shard_bytes must be positive") }
                config.shardBytes = bytes
            case "sources":
                guard case .sequence(let list) = value, !list.isEmpty else { throw fail(value, "sources must be a list") }
                for item in list {
                    guard case .mapping(let fields) = item else { throw fail(item, "a source must be a mapping") }
                    var source = Source(name: "", paths: [], target: 0)
                    var ratio: Double?
                    for (field, entry) in fields {
                        switch field.string {
                        case "name": source.name = entry.string ?? ""
                        case "paths":
                            if case .sequence(let paths) = entry { source.paths = paths.compactMap(\.string) } else { source.paths = [entry.string ?? ""] }
                        case "tokens": guard let tokens = entry.int, tokens >= 0 else { throw fail(entry, "tokens must be a whole number") }
                            source.target = tokens
                        case "ratio": guard let share = entry.float, share >= 0 else { throw fail(entry, "ratio must be a number") }
                            ratio = share
                        case let other: throw fail(field, "unknown key '\(other ?? "")' in a source (allowed: name, paths, tokens, ratio)")
                        }
                    }
                    guard !source.name.isEmpty, !source.paths.isEmpty else { throw fail(item, "a source needs a name and paths") }
                    pending.append((source, ratio, item))
                }
            case let other: throw fail(key, "unknown key '\(other ?? "")' (allowed: seed, total_tokens, weight, shard_bytes, sources)")
            }
        }
        for (source, ratio, node) in pending {
            var source = source
            if let ratio {
                guard let total else { throw fail(node, "\(source.name): a ratio needs total_tokens") }
                source.target = Int((Double(total) * ratio).rounded())
            } else if source.target == 0 {
                throw fail(node, "\(source.name): give tokens or a ratio")
            }
            config.sources.append(source)
        }
        guard !config.sources.isEmpty else { throw fail(root, "a mix needs sources") }
        return config
    }
}
