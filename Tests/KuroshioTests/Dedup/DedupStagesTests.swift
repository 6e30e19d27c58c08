import Testing
@testable import Kuroshio

@Suite struct DedupStagesTests {
    private func parse(_ stages: String, file: String = "r/t.yaml") throws -> DedupConfig? {
        try PipelineConfig.parse("stages:\n  - extract:\n" + stages, file: file).dedup
    }

    private func error(_ stages: String) -> String? {
        do { _ = try parse(stages); return nil } catch { return "\(error)" }
    }

    /// Each registered stage sets its part of the dedup config, with the defaults its spec lists.
    @Test func stagesSetTheirOptions() throws {
        let all = try #require(try parse("  - exact_dedup:\n  - url_dedup: {}\n  - paragraph_dedup: {tables: [a.tsv, /b.tsv]}\n"
            + "  - minhash_dedup: {threshold: 0.8, shingles: words}\n"))
        #expect(all.exact && all.url && all.keep == .newest)
        #expect(all.paragraphs?.maxCount == 1 && all.paragraphs?.minChars == 50 && all.paragraphs?.tables == ["r/a.tsv", "/b.tsv"])
        #expect(all.minhash?.hashes == 128 && all.minhash?.bands == 20 && all.minhash?.rows == 6 && all.minhash?.threshold == 0.8)
        #expect(all.minhash?.shingles == Shingler(unit: .words))
        #expect(try parse("  - exact_dedup: {keep: newest}\n")?.keep == .newest && (try parse("  - exact_dedup:\n"))?.keep == .first)
        for spec in DedupStages.all {
            let defaults = spec.parameters.filter { $0.kind == .number }.map { "\($0.name): \($0.defaultValue)" }.joined(separator: ", ")
            #expect(throws: Never.self, "\(spec.name)") { _ = try parse("  - \(spec.name): {\(defaults)}\n") }
        }
    }

    /// A value a stage cannot use is refused with the recipe, the line and the key.
    @Test func badValuesAreRefusedWithTheirPlace() {
        #expect(error("  - paragraph_dedup: {max_count: 0}\n") == "r/t.yaml:3: stages[1].paragraph_dedup.max_count must be a whole number from 1 to 2147483647")
        #expect(error("  - exact_dedup: {keep: oldest}\n") == "r/t.yaml:3: stages[1].exact_dedup.keep must be first or newest")
        #expect(error("  - minhash_dedup: {bands: 30, rows: 5}\n") == "r/t.yaml:3: stages[1].minhash_dedup: bands × rows must be at most hashes (1 to 1024)")
        #expect(error("  - minhash_dedup: {threshold: 2}\n") == "r/t.yaml:3: stages[1].minhash_dedup.threshold must be in [0, 1]")
        #expect(error("  - minhash_dedup: {shingles: bytes}\n") == "r/t.yaml:3: stages[1].minhash_dedup.shingles must be auto, characters or words")
        #expect(error("  - url_dedup: {keep: newest}\n")?.hasPrefix("r/t.yaml:3: unknown key 'keep' in stages[1].url_dedup") == true)
        #expect(error("  - exact_dedup:\n  - length: {min: 1}\n") == "r/t.yaml:4: stages[2]: dedup and select stages work on the whole corpus and must come last")
    }
}
