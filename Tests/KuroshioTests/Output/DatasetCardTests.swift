import Foundation
import Testing
@testable import Kuroshio
import Yams

@Suite struct DatasetCardTests {
    @Test func theCardDeclaresEveryBucketAndField() {
        let card = DatasetCard.text(buckets: ["en", "ja"], deduplicated: true)
        #expect(card.hasPrefix("---\nconfigs:\n- config_name: \"en\"\n  data_files: \"en/*.jsonl.gz\"\n- config_name: \"ja\"\n"))
        #expect(card.components(separatedBy: "  features:\n  - name: text\n    dtype: string\n  - name: id\n").count == 3)
        #expect(card.contains("    - name: \"warc_offset\"\n      dtype: int64\n"))
        #expect(card.contains("    - name: \"warc_date\"\n      dtype: timestamp[s, tz=UTC]\n"))
        #expect(card.contains("    - name: \"lang_shares\"\n      list:\n      - name: lang\n        dtype: string\n"))
        #expect(card.contains("    - name: \"dedup_cluster_size\"\n      dtype: int64\n"))
        #expect(!DatasetCard.text(buckets: ["ja"], deduplicated: false).contains("dedup_cluster"))
    }

    /// Scores come after the meta's own fields, in the order their stages write them; the band comes last.
    @Test func scoresAndBandsAreDeclaredWhereRecordsWriteThem() throws {
        let config = try PipelineConfig.parse("""
            stages:
              - extract:
              - language: {buckets: {ja: 0.5, en: 0.5}}
              - score: {field: quality}
              - perplexity: {model: \(Fixtures.root.path)/Tests/KuroshioTests/Quality/Models/tiny.arpa, field: ppl, paragraphs: true, buckets: [ja]}
              - select: {field: ppl, lowest: true, bands: [{name: good, top: 30%}, {name: rest}], buckets: [ja]}
            """, file: "t.yaml")
        let names = { (bucket: String) in
            DatasetCard.fields(deduplicated: false, tokens: true, extras: config.cardExtras(bucket)).map(\.0)
        }
        #expect(names("ja").suffix(7) == ["html_lang", "ppl", "ppl_paragraphs", "n_chars", "n_paragraphs", "n_tokens", "quality_band"])
        #expect(names("en").suffix(4) == ["html_lang", "n_chars", "n_paragraphs", "n_tokens"])
    }

    /// A bucket name is a quoted YAML scalar whatever it holds: quotes, backslashes, line breaks and other controls
    /// are escaped, so no name adds a key; Yams reads each back as it was.
    @Test func bucketNamesCannotBreakTheYAML() throws {
        let names = ["a\"b", "x\\y", "line\nbreak: true", "tab\there", "del\u{7F}c1\u{85}", "sep\u{2028}", "é\"\u{301}"]
        let card = DatasetCard.text(buckets: names, deduplicated: false)
        let yaml = card.dropFirst(4).components(separatedBy: "\n---\n")[0]
        let root = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let configs = try #require(root["configs"] as? [[String: Any]])
        #expect(configs.map { $0["config_name"] as? String } == names)
        #expect(configs.map { $0["data_files"] as? String } == names.map { $0 + "/*.jsonl.gz" })
        #expect(root.keys.sorted() == ["configs", "dataset_info"])
    }

    @Test func aRunWritesTheCardForTheBucketsItFilled() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-card-\(UUID().uuidString)").path
        let config = try PipelineConfig.load(path: Fixtures.root.appendingPathComponent("Pipelines/ja-en-code-cc.yaml").path)
        _ = try Runner(config: config, inputs: [Fixtures.sample], output: output).run()
        let card = Fixtures.string(try #require(FileSystem.read("\(output)/README.md")))
        #expect(card.hasPrefix(DatasetCard.text(buckets: ["code", "en", "ja"], deduplicated: true)))
    }
}
