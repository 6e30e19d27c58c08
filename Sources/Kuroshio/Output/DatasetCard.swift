/// `OUT/README.md`, a Hugging Face dataset card whose YAML names each bucket as a config and declares its features,
/// so that `datasets.load_dataset(OUT, "ja")` loads a whole bucket with one schema. (Read without it, `datasets` takes
/// the types from the first block of the first shard, and a field that is `null` all through that block, such as
/// `html_lang` on pages that declare none, then fails on the shards where it is set.)
enum DatasetCard {
    /// The type of a meta field, as the card declares it.
    enum FieldType: String {
        case string, int64, float64
        /// An ISO-8601 UTC time to the second (`warc_date`): Arrow's JSON reader reads such text as a timestamp, and
        /// declared as text it would come back reformatted (`2024-03-01 12:00:05`).
        case timestamp = "timestamp[s, tz=UTC]"
        /// A list of `{lang, share}`, as `lang_shares` is.
        case shares
        /// A list of numbers (each paragraph's perplexity).
        case float64s
    }

    /// The fields a recipe's stages and passes add to a bucket's meta: its scores (after `Document.Meta`'s own
    /// keys), and `quality_band` last when the selection passes band the bucket.
    struct Extras: Sendable {
        var scores: [(name: String, type: FieldType)] = []
        var band = false
    }

    /// `Document.Meta`'s own keys, in order: every record's meta opens with them.
    static let metaFields: [(String, FieldType)] = [
        ("url", .string), ("warc_record_id", .string), ("warc_date", .timestamp), ("warc_date_source", .string), ("warc_file", .string), ("warc_offset", .int64),
        ("content_type", .string), ("charset", .string), ("charset_replaced", .int64), ("lang", .string),
        ("lang_score", .float64), ("lang_shares", .shares), ("title", .string), ("html_lang", .string),
    ]
    /// The counts every record's meta has after the stages' fields; tokens and dedup's two follow when counted.
    static let countFields: [(String, FieldType)] = [("n_chars", .int64), ("n_paragraphs", .int64)]
    static let dedupFields: [(String, FieldType)] = [("dedup_cluster", .string), ("dedup_cluster_size", .int64)]
    static let tokenField: [(String, FieldType)] = [("n_tokens", .int64)]

    /// The card for `buckets` (those with shards in `output`).
    static func text(buckets: [String], deduplicated: Bool, tokens: Bool = false,
                     extras: (String) -> Extras = { _ in Extras() }) -> String {
        var lines = ["---", "configs:"]
        for bucket in buckets { lines += ["- config_name: \(yamlQuoted(bucket))", "  data_files: \(yamlQuoted(bucket + "/*.jsonl.gz"))"] }
        lines.append("dataset_info:")
        for bucket in buckets {
            lines += ["- config_name: \(yamlQuoted(bucket))", "  features:", "  - name: text", "    dtype: string", "  - name: id",
                      "    dtype: string", "  - name: meta", "    struct:"]
            for (name, type) in fields(deduplicated: deduplicated, tokens: tokens, extras: extras(bucket)) {
                lines.append("    - name: \(yamlQuoted(name))")
                switch type {
                case .shares:
                    lines += ["      list:", "      - name: lang", "        dtype: string", "      - name: share", "        dtype: float64"]
                case .float64s: lines.append("      list: float64")
                default: lines.append("      dtype: \(type.rawValue)")
                }
            }
        }
        lines += ["---", "", "# Kuroshio output", "",
                  "JSONL shards by bucket, one `{\"text\", \"id\", \"meta\"}` line per document, and `stats.json`. Load a bucket "
                    + "whole with `datasets.load_dataset(\"<this directory>\", \"<bucket>\")`.", ""]
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar, whatever the name holds: `"` and `\` escaped, and every scalar YAML does not
    /// allow raw (controls, DEL, C1, line and paragraph separators, BOM) written as `\u` or `\U` escapes.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22, 0x5C: out += "\\" + String(scalar)
            case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The meta fields in the order records write them.
    static func fields(deduplicated: Bool, tokens: Bool, extras: Extras = Extras()) -> [(String, FieldType)] {
        metaFields + extras.scores.map { ($0.name, $0.type) } + countFields + (tokens ? tokenField : [])
            + (deduplicated ? dedupFields : []) + (extras.band ? [(SelectionConfig.bandField, .string)] : [])
    }

    /// Writes the card for the buckets that have shards; none for outputs of JSONL sources, whose meta carries fields
    /// of their own that the card cannot know.
    static func write(output: String, format: PipelineConfig.InputFormat, deduplicated: Bool, tokens: Bool,
                      extras: (String) -> Extras = { _ in Extras() }) throws(OutputError) {
        guard format == .warc else { return }
        let buckets = FileSystem.list(output).sorted().filter { name in
            !name.hasPrefix(".") && name != "rejected" && name != "dedup"
                && !FileSystem.files(under: "\(output)/\(name)", suffixes: [".jsonl.gz"]).isEmpty
        }
        guard !buckets.isEmpty else { return }
        try FileSystem.writeAtomically(Array(text(buckets: buckets, deduplicated: deduplicated, tokens: tokens, extras: extras).utf8),
                                       to: "\(output)/README.md")
    }
}
