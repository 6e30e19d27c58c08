import Foundation
import Testing
@testable import Kuroshio

@Suite struct DatasetCardTests {
    @Test func theCardDeclaresEveryBucketAndField() {
        let card = DatasetCard.text(buckets: ["en", "ja"], deduplicated: true)
        #expect(card.hasPrefix("---\nconfigs:\n- config_name: en\n  data_files: \"en/*.jsonl.gz\"\n- config_name: ja\n"))
        #expect(card.components(separatedBy: "  features:\n  - name: text\n    dtype: string\n  - name: id\n").count == 3)
        #expect(card.contains("    - name: warc_offset\n      dtype: int64\n"))
        #expect(card.contains("    - name: lang_shares\n      list:\n      - name: lang\n        dtype: string\n"))
        #expect(card.contains("    - name: dedup_cluster_size\n      dtype: int64\n"))
        #expect(!DatasetCard.text(buckets: ["ja"], deduplicated: false).contains("dedup_cluster"))
    }

    @Test func aRunWritesTheCardForTheBucketsItFilled() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-card-\(UUID().uuidString)").path
        let config = try PipelineConfig.load(path: Fixtures.root.appendingPathComponent("Pipelines/ja-en-code-cc.yaml").path)
        _ = try Runner(config: config, inputs: [Fixtures.sample], output: output).run()
        let card = Fixtures.string(try #require(FileSystem.read("\(output)/README.md")))
        #expect(card.hasPrefix(DatasetCard.text(buckets: ["code", "en", "ja"], deduplicated: true)))
    }
}
