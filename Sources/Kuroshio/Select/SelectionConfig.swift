import Yams

/// A recipe's `select` stage: corpus-wide selection by a score in meta (a `fasttext` or `perplexity` field, or one a
/// JSONL source carried), by rank within each bucket over every shard, rank and job:
///
/// ```yaml
/// - select:
///     field: quality_hq
///     keep: {top: 10%}                     # the best 10% of each bucket's scored documents
///     bands: [{name: high, top: 10%}, {name: middle, top: 50%}, {name: low}]   # meta.quality_band
///     buckets: [ja]                        # default: every bucket
/// ```
///
/// Documents rank by score, best first (`lowest: true` for perplexity, where less is better), ties broken by a hash of
/// the line and its place, so that the documents kept do not depend on how the work was split. A share keeps
/// `round(share × scored)` documents. Documents without the score are neither ranked nor dropped.
public struct SelectionConfig: Sendable, Equatable {
    public struct Band: Sendable, Equatable {
        public var name: String
        /// The share of the best documents this band and those before it hold; nil for the rest.
        public var top: Double?
    }

    public var field = ""
    public var lowestFirst = false
    /// The share of each bucket's scored documents kept, best first; nil keeps them all.
    public var keepTop: Double?
    public var bands: [Band] = []
    /// The buckets selected from; empty for all.
    public var buckets: [String] = []

    /// The meta field a band is written to.
    public static let bandField = "quality_band"

    /// Whether the documents of `bucket` are ranked.
    func selects(_ bucket: String) -> Bool { buckets.isEmpty || buckets.contains(bucket) }

    /// Reads the stage's entry, refusing shares outside (0, 1], bands whose shares do not grow, and a stage that
    /// neither keeps nor bands.
    static func parse(_ entries: [String: Node], at path: String, reader: ConfigReader) throws(ConfigError) -> SelectionConfig {
        var config = SelectionConfig()
        guard let field = entries["field"]?.string, !field.isEmpty, field.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw reader.fail(entries["field"], "\(path).field must name a meta field (letters, digits and _)")
        }
        config.field = field
        if let node = entries["lowest"] { config.lowestFirst = try reader.bool(node, "\(path).lowest", default: false) }
        if let node = entries["keep"] {
            let keep = try reader.mapping(node, at: "\(path).keep", allowed: ["top"])
            guard let top = keep["top"] else { throw reader.fail(node, "\(path).keep needs top: a share such as 10%") }
            config.keepTop = try share(top, "\(path).keep.top", reader)
        }
        for (index, node) in (try reader.list(entries["bands"], "\(path).bands") ?? []).enumerated() {
            let at = "\(path).bands[\(index)]"
            let band = try reader.mapping(node, at: at, allowed: ["name", "top"])
            guard let name = band["name"]?.string, !name.isEmpty else { throw reader.fail(node, "\(at).name must be a text") }
            let top = try band["top"].map { (node) throws(ConfigError) in try share(node, "\(at).top", reader) }
            if let last = config.bands.last {
                guard let previous = last.top else { throw reader.fail(node, "\(at): only the last band may leave out top") }
                if let top, top <= previous {
                    throw reader.fail(node, "\(at).top must be above the band before's (\(previous)): shares count from the best")
                }
            }
            guard !config.bands.contains(where: { $0.name == name }) else { throw reader.fail(node, "\(at): two bands are named \(name)") }
            config.bands.append(Band(name: name, top: top))
        }
        for node in try reader.list(entries["buckets"], "\(path).buckets") ?? [] {
            config.buckets.append(try reader.string(node, "\(path).buckets[]", default: ""))
        }
        guard config.keepTop != nil || !config.bands.isEmpty else {
            throw reader.fail(entries["field"], "\(path) needs keep or bands")
        }
        return config
    }

    /// A share: `10%`, or a number above 0 and at most 1.
    private static func share(_ node: Node, _ key: String, _ reader: ConfigReader) throws(ConfigError) -> Double {
        let text = node.string ?? ""
        let value = text.hasSuffix("%") ? Double(text.dropLast().trimmingWhitespace()).map { $0 / 100 } : Double(text)
        guard let value, value > 0, value <= 1 else { throw reader.fail(node, "\(key) must be a share above 0 and at most 1, such as 10%") }
        return value
    }
}
