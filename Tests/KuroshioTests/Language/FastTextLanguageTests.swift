import Foundation
import Testing
@testable import Kuroshio

/// The `language` stage with a fastText language-ID model as its backend: labels of lid.176's and GlotLID's kinds
/// route documents to the buckets of those languages.
struct FastTextLanguageTests {
    /// A language-ID model trained here by the `fasttext` command, on character n-grams, with labels spelt `ja` and `en`
    /// (lid.176) or `jpn_Jpan` and `eng_Latn` (GlotLID).
    static func model(glotLID: Bool) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-lid-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let (ja, en) = glotLID ? ("__label__jpn_Jpan", "__label__eng_Latn") : ("__label__ja", "__label__en")
        let japanese = ["黒潮は日本の南岸を北へ流れる暖流です。", "流れは速く、幅も広い。", "漁業にとって大切な海流です。", "海の色は濃い藍色です。"]
        let english = ["The Kuroshio is a warm current.", "It flows north along the coast of Japan.", "Its water is deep blue.", "Fishing depends on it."]
        var lines: [String] = []
        for i in 0..<30 {
            lines.append("\(ja) \(japanese[i % 4])")
            lines.append("\(en) \(english[i % 4])")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: "\(directory)/train.txt", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FastTextModelTests.fasttext)
        process.arguments = ["supervised", "-input", "\(directory)/train.txt", "-output", "\(directory)/lid", "-minn", "1", "-maxn", "3",
                             "-dim", "16", "-epoch", "25", "-bucket", "20000", "-thread", "1", "-seed", "1", "-verbose", "0"]
        try process.run()
        process.waitUntilExit()
        return "\(directory)/lid.bin"
    }

    @Test(.enabled(if: FastTextModelTests.hasFastText), arguments: [false, true])
    func documentsGoToTheBucketsOfTheModelsLabels(_ glotLID: Bool) throws {
        let config = try PipelineConfig.parse("""
            stages:
              - extract:
              - language: {backend: fasttext, model: \(try Self.model(glotLID: glotLID)), buckets: {ja: 0.5, en: 0.5, code: 0.5}}
            """, file: "t.yaml")
        var worker = config.stages[1].makeWorker()
        for (text, bucket) in [("黒潮は日本の南岸を流れる。\n\n海の色は藍色です。", "ja"), ("The current flows north.\n\nIts water is blue.", "en"),
                               ("def flow(speed):\n    return speed * 2\n\nprint(flow(3))", "code")] {
            var item = StageItem(bucket: "")
            item.document = FilterCase.document(text)
            var stats = RunStats()
            #expect(worker.run(&item, stats: &stats).passed, "\(text)")
            #expect(item.bucket == bucket && item.document?.meta.lang == bucket, "\(text)")
            #expect((item.document?.meta.langScore ?? 0) >= 0.5)
        }
    }

    @Test func labelsAreReadAsLanguageNames() {
        #expect(["__label__ja", "__label__jpn_Jpan", "__label__cmn_Hani", "__label__eng_Latn", "__label__fra_Latn", "de"].map(FastTextLanguage.name)
                == ["ja", "ja", "zh", "en", "fra", "de"])
        #expect(throws: ConfigError.self) { try PipelineConfig.parse("stages:\n  - language: {backend: fasttext, buckets: {ja: 0.5}}\n", file: "t.yaml") }
        #expect(throws: ConfigError.self) { try PipelineConfig.parse("stages:\n  - language: {backend: cld3, buckets: {ja: 0.5}}\n", file: "t.yaml") }
    }
}
