import Foundation
import Testing
@testable import Kuroshio

/// The `fasttext` recipe stage: it writes the label's probability to meta, prepares text as the model's training
/// lines were, and bounds the score like any filter.
struct FastTextScoreTests {
    static let directory = Fixtures.root.appendingPathComponent("Tests/KuroshioTests/Quality")
    static let model = directory.appendingPathComponent("Models/softmax.bin").path

    /// The `fasttext` Python package's probability of `label` for reference line `index`.
    static func reference(_ index: Int, _ label: String) throws -> (line: String, probability: Double) {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("fasttext-reference.json"))) as! [String: Any]
        let predictions = (json["models"] as! [String: [[[Any]]]])["softmax.bin"]![index]
        let probability = predictions.first { $0[0] as! String == label }![1] as! Double
        return ((json["lines"] as! [String])[index], probability)
    }

    @Test func theLabelsProbabilityGoesToMetaAndIsBounded() throws {
        let (line, probability) = try Self.reference(4, "__label__sea")
        let words = line.split(separator: " ")
        // Paragraphs and line breaks are read as the spaces of the training line.
        let text = words[..<3].joined(separator: " ") + "\n\n" + words[3...].joined(separator: "\n")
        var item = StageItem(bucket: "ja")
        item.document = FilterCase.document(text)
        let stage = FilterStage(configured: try FilterCase.filter("fasttext", "{model: \(Self.model), label: __label__sea, field: sea, min: 0.3}"))
        var stats = RunStats()
        let verdict = stage.run(&item, stats: &stats)
        let score = try #require(item.document?.meta["sea"]?.doubleValue)
        #expect(abs(score - probability) <= 1e-6)
        #expect(verdict.passed == (probability >= 0.3))
        let strict = FilterStage(configured: try FilterCase.filter("fasttext", "{model: \(Self.model), label: __label__sea, min: 0.99}"))
        #expect(!strict.run(&item, stats: &stats).passed)
        #expect(item.document?.meta["fasttext_sea"]?.doubleValue == score)
        #expect(try FilterCase.judge("score", "{field: sea}", item.document!).value == score)
        #expect(try FilterCase.judge("score", "{field: absent, min: 0}", item.document!).passed == false)
    }

    @Test func textIsPreparedAsTrainingLinesAre() throws {
        #expect(ClassifierText(lowercase: true).line("Ocean WAVE\n\n  Tide\u{0}reef\r\n") == "ocean wave tide reef")
        let mecab = ClassifierText(segmenter: try MeCabSegmenter())
        #expect(mecab.line("黒潮は日本の海です。\n漁船が港に帰った。") == "黒潮 は 日本 の 海 です 。 漁船 が 港 に 帰っ た 。")
        let lowered = try FilterCase.judge("fasttext", "{model: \(Self.model), label: __label__sea, lowercase: true}",
                                           FilterCase.document("OCEAN Wave TIDE"))
        let plain = try FilterCase.judge("fasttext", "{model: \(Self.model), label: __label__sea}", FilterCase.document("ocean wave tide"))
        #expect(lowered.value == plain.value)
        #expect(try FilterCase.judge("fasttext", "{model: \(Self.model), label: __label__sea, segment: true}",
                                     FilterCase.document("海ocean")).value
                == FilterCase.judge("fasttext", "{model: \(Self.model), label: __label__sea}", FilterCase.document("海 ocean")).value)
    }

    @Test func twoModelsScoreOneDocumentUnderTheirFields() throws {
        let config = try PipelineConfig.parse("""
            stages:
              - extract:
              - fasttext: {model: \(Self.model), label: __label__sea, field: sea}
              - fasttext: {model: \(Self.directory.appendingPathComponent("Models/hs.bin").path), label: __label__code, field: code}
            """, file: "test.yaml")
        #expect(config.stages.map(\.name) == ["extract", "fasttext_sea", "fasttext_code"])
    }

    @Test func aWrongModelOrLabelIsARecipeError() throws {
        #expect(throws: ConfigError.self) { try FilterCase.filter("fasttext", "{label: __label__sea}") }
        let missing = #expect(throws: ConfigError.self) { try FilterCase.filter("fasttext", "{model: /nonexistent.bin, label: x}") }
        #expect(missing?.description.contains("/nonexistent.bin: cannot read the file") == true)
        let label = #expect(throws: ConfigError.self) { try FilterCase.filter("fasttext", "{model: \(Self.model), label: __label__hq}") }
        #expect(label?.description.contains("must be one of the model's labels: __label__") == true)
    }
}
