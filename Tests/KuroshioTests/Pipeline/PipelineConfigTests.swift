import Testing
@testable import Kuroshio

@Suite struct PipelineConfigTests {
    private func recipe(_ name: String) throws -> PipelineConfig {
        try PipelineConfig.load(path: Fixtures.root.appendingPathComponent("Pipelines/\(name)").path)
    }

    private func error(_ yaml: String) -> String? {
        do {
            _ = try PipelineConfig.parse(yaml, file: "x.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    /// Meaningless values are errors that name the file, the line and the key.
    @Test func meaninglessValuesAreRefused() {
        let cases = [
            ("stages:\n  - extract:\n  - hiragana_ratio: {min: 0.5, max: 0.2}\n",
             "t.yaml:3: stages[1].hiragana_ratio.min (0.5) is above its max (0.2)"),
            ("stages:\n  - extract:\n  - hiragana_ratio: {min: .nan}\n", "t.yaml:3: stages[1].hiragana_ratio.min must be a finite number"),
            ("stages:\n  - extract:\noutput:\n  shard_bytes: 0\n", "t.yaml:4: output.shard_bytes must be at least 4096"),
            ("stages:\n  - extract:\noutput:\n  bucket: stats.json\n",
             "t.yaml:4: output.bucket must be a plain directory name, not one of README.md, dedup, rejected, stats.json"),
            ("stages:\n  - extract:\n  - language: {buckets: {ja: 0.5}}\n  - language: {buckets: {en: 0.5}}\n",
             "t.yaml:2: stages may have one language stage"),
            ("limits:\n  page_depth: 0\nstages:\n  - extract:\n", "t.yaml:2: limits.page_depth must lie in 1...2^40"),
            ("limits:\n  document_seconds: .nan\nstages:\n  - extract:\n",
             "t.yaml:2: limits.document_seconds must be a positive number of seconds"),
            ("limits:\n  page_width: 3\nstages:\n  - extract:\n",
             "t.yaml:2: unknown key 'page_width' in limits (allowed: resync_bytes, header_bytes, header_fields, page_depth, "
                + "page_elements, page_paragraphs, document_seconds)"),
        ]
        for (yaml, message) in cases {
            #expect(performing: { try PipelineConfig.parse(yaml, file: "t.yaml") }, throws: { "\($0)" == message })
        }
    }

    /// A whole-number parameter out of range, fractional or not a number is an error naming the file, line and key.
    @Test func wholeNumberParametersAreChecked() throws {
        for value in ["-1", "1e30", ".nan", "2.5", "0"] {
            #expect {
                try PipelineConfig.parse("stages:\n  - extract:\n  - top_ngram_share: {n: \(value), max: 0.2}\n", file: "t.yaml")
            } throws: { error in
                "\(error)" == "t.yaml:3: stages[1].top_ngram_share.n must be a whole number from 1 to 20"
            }
        }
        #expect(throws: ConfigError.self) { try PipelineConfig.parse("stages:\n  - japanese_prefilter: {min_kana: -3}\n", file: "t.yaml") }
        _ = try PipelineConfig.parse("stages:\n  - extract:\n  - top_ngram_share: {n: 3, max: 0.2}\n", file: "t.yaml")
    }

    @Test func defaultRecipe() throws {
        let config = try recipe("ja-cc.yaml")
        #expect(config.stages.map(\.name) == ["japanese_prefilter", "extract", "normalize_punctuation", "footer_cut", "length", "kana_ratio",
                                              "hiragana_ratio", "duplicate_lines", "duplicate_line_chars", "top_ngram_share",
                                              "mean_sentence_length", "link_ratio", "replacement_share", "language"])
        #expect((config.stages.first as? JapanesePrefilterStage)?.prefilter.minimumKana == 3)
        #expect((config.stages.last as? LanguageStage)?.buckets == [.init(name: "ja", minimumScore: 0.5)])
        #expect(config.httpStatuses == [200])
        #expect(config.contentTypes == ["text/html", "application/xhtml+xml"])
        #expect(config.bucket == "ja")
        #expect(config.shardBytes == 134_217_728)
        #expect(config.maxRecordBytes == 16_777_216)
    }

    @Test func routingRecipes() throws {
        let routed = try recipe("ja-en-code-cc.yaml")
        #expect(routed.stages.lazy.compactMap { $0 as? LanguageStage }.first?.buckets == [.init(name: "ja", minimumScore: 0.5),
                                                                     .init(name: "en", minimumScore: 0.7),
                                                                     .init(name: "code", minimumScore: 0.5)])
        #expect(routed.contentTypes.contains("text/plain"))
        let jsonl = try recipe("code-jsonl.yaml")
        #expect(jsonl.format == .jsonl)
        #expect(jsonl.textField == "content")
    }

    @Test func limitsAreRead() throws {
        let config = try PipelineConfig.parse("limits:\n  page_elements: 10\n  document_seconds: 0.5\nstages:\n  - extract:\n",
                                              file: "t.yaml")
        var expected = InputLimits()
        expected.pageElements = 10
        expected.documentSeconds = 0.5
        #expect(config.limits == expected)
    }

    @Test func extractOnlyRecipe() throws {
        let config = try recipe("extract-only.yaml")
        #expect(config.stages.map(\.name) == ["extract"])
        let extract = try #require(config.stages.first as? ExtractStage)
        #expect(extract.mainContent && extract.maxLinkRatio == 0.5)
        #expect(config.bucket == "all")
    }

    @Test func unknownKeyNamesFileLineAndKey() {
        #expect(error("reader:\n  formatt: warc\nstages:\n  - extract:\n")
                == "x.yaml:2: unknown key 'formatt' in reader (allowed: format, max_record_bytes, http_status, content_types, text_field, id_field)")
        #expect(error("stages:\n  - extract:\n  - kana_ratio: {minimum: 0.2}\n")?
            .hasPrefix("x.yaml:3: unknown key 'minimum' in stages[1].kana_ratio") == true)
        #expect(error("stages:\n  - extract:\n  - dedupe: {}\n")?.hasPrefix("x.yaml:3: unknown key 'dedupe' in stages[1]") == true)
    }

    @Test func wrongTypesAreNamed() {
        #expect(error("stages:\n  - extract:\n  - kana_ratio: {min: high}\n") == "x.yaml:3: stages[1].kana_ratio.min must be a number")
        #expect(error("reader:\n  http_status: 200\nstages:\n  - extract:\n") == "x.yaml:2: reader.http_status must be a list")
        #expect(error("stages:\n  - extract: {main_content: maybe}\n") == "x.yaml:2: stages[0].extract.main_content must be true or false")
        #expect(error("output:\n  bucket: ../x\nstages:\n  - extract:\n") == "x.yaml:2: output.bucket must be a plain directory name, not one of README.md, dedup, rejected, stats.json")
    }

    @Test func stagesMustMakeSense() {
        #expect(error("stages:\n  - kana_ratio:\n")?.hasSuffix("stages must include extract") == true)
        #expect(error("stages:\n  - extract:\n  - japanese_prefilter:\n")?
            .hasSuffix("japanese_prefilter reads raw bytes and must come before extract") == true)
        #expect(error("stages:\n  - japanese_prefilter:\n  - extract:\n  - language: {buckets: {ja: 0.5, en: 0.5}}\n")?
            .contains("japanese_prefilter drops every page that cannot be Japanese") == true)
        #expect(error("stages:\n  - extract:\n  - language: {buckets: {fr: 0.5}}\n")?
            .hasPrefix("x.yaml:3: stages[1].language.buckets: unknown bucket 'fr'") == true)
        #expect(error("") == "x.yaml: the file is empty")
        #expect(error("a: [")?.hasPrefix("x.yaml: not valid YAML") == true)
    }

    @Test func missingFile() {
        #expect(throws: ConfigError.self) { try PipelineConfig.load(path: "/nonexistent.yaml") }
    }
}
