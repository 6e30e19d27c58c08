import Foundation
import Testing
@testable import Kuroshio

/// The other side of each threshold, in the other language, for the filters whose own tests cover one side only.
@Suite struct BothSidesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var filter: String
        var parameters = "{}"
        var text: String
        var lang = ""
        var links: [Int] = []
        var value: Double
        var passed: Bool
        var testDescription: String { "\(filter) on \(text.prefix(12))" }
    }

    static let cases: [Case] = [
        Case(filter: "japanese_ratio", text: "ABC 123 テスト", value: 3.0 / 9.0, passed: false),
        Case(filter: "ellipsis_ratio", text: "今日は晴れです。明日も晴れです。", value: 0, passed: true),
        Case(filter: "ellipsis_ratio", text: "More…\nRead on...\nThe end.", value: 2.0 / 3.0, passed: false),
        Case(filter: "duplicate_lines", text: "一行目です。\n二行目です。", value: 0, passed: true),
        Case(filter: "duplicate_lines", text: "Home\nHome\nNews", value: 1.0 / 3.0, passed: false),
        Case(filter: "duplicate_line_chars", text: "一行目です。\n二行目です。", value: 0, passed: true),
        Case(filter: "duplicate_line_chars", text: "Home\nHome\nNews", value: 1.0 / 3.0, passed: false),
        Case(filter: "duplicate_paragraphs", text: "段落一です。\n\n段落二です。", value: 0, passed: true),
        Case(filter: "duplicate_paragraphs", text: "Buy now.\n\nBuy now.\n\nBuy now.\n\nShop.", value: 0.5, passed: false),
        Case(filter: "duplicate_paragraphs", text: "One.\n\nTwo.", value: 0, passed: true),
        Case(filter: "duplicate_paragraph_chars", text: "Buy now.\n\nBuy now.\n\nBuy now.\n\nShop.", value: 16.0 / 29.0, passed: false),
        Case(filter: "duplicate_paragraph_chars", text: "段落一です。\n\n段落二です。", value: 0, passed: true),
        Case(filter: "duplicate_sentences", text: "It rains. It snows.", value: 0, passed: true),
        Case(filter: "duplicate_sentences", text: "晴れです。晴れです。雨です。", value: 1.0 / 3.0, passed: false),
        Case(filter: "duplicate_sentence_chars", text: "晴れです。晴れです。雨です。", value: 5.0 / 14.0, passed: false),
        Case(filter: "duplicate_sentence_chars", text: "It rains. It snows.", value: 0, passed: true),
        Case(filter: "duplicate_ngram_share", parameters: "{n: 5}", text: "the quick brown fox jumps over the lazy dog",
             lang: "en", value: 0, passed: true),
        Case(filter: "length", text: "短い。", value: 3, passed: false),
        Case(filter: "length", text: String(repeating: "a", count: 200), value: 200, passed: true),
        Case(filter: "mean_word_length", text: "黒潮は日本列島の南岸に沿って北へ流れる暖流です", value: 23, passed: false),
        Case(filter: "link_ratio", text: "ホーム 会社概要", links: [8], value: 1, passed: false),
        Case(filter: "link_ratio", text: "The text.", links: [0], value: 0, passed: true),
        Case(filter: "symbol_ratio", text: "#東京 #大阪", lang: "ja", value: 2.0 / 6.0, passed: false),
        Case(filter: "symbol_ratio", text: "the river runs", lang: "en", value: 0, passed: true),
        Case(filter: "bullet_line_ratio", text: "本文です。\n・項目", value: 0.5, passed: true),
        Case(filter: "bullet_line_ratio", text: "- a\n- b", value: 1, passed: false),
        Case(filter: "line_end_punctuation", text: "ホーム\nニュース\n天気", value: 0, passed: false),
        Case(filter: "line_end_punctuation", text: "It is warm.\nWe walk.", value: 1, passed: true),
        Case(filter: "punctuated_lines", text: "2023-06-14 zone-a temp=17.9\n2023-06-14 zone-b temp=18.1\nIt is warm.", value: 1, passed: false),
        Case(filter: "punctuated_lines", text: "海は青い。\n風が強い！\nHome\n本当ですか？", value: 3, passed: true),
        Case(filter: "newline_ratio", text: "晴れ\n雨\n雪", lang: "ja", value: 0.5, passed: false),
        Case(filter: "newline_ratio", text: "今日は晴れです。", lang: "ja", value: 0, passed: true),
        Case(filter: "lorem_ipsum", text: "ダミーテキスト Lorem ipsum です。", value: 1, passed: false),
        Case(filter: "lorem_ipsum", text: "Real text.", value: 0, passed: true),
        Case(filter: "curly_braces", text: "No braces here.", value: 0, passed: true),
        Case(filter: "curly_braces", text: "テンプレート{name}です", value: 1, passed: false),
        Case(filter: "javascript_notice", text: "今日は晴れです。", value: 0, passed: true),
        Case(filter: "kuten_rate", text: "Plain English has no kuten at all.", value: 0, passed: false),
        Case(filter: "japanese_letters", parameters: "{min: 5}", text: "黒潮は暖流です", value: 7, passed: true),
    ]

    @Test(arguments: cases)
    func measuresAndJudges(_ item: Case) throws {
        let document = FilterCase.document(item.text, lang: item.lang, linkCharacters: item.links)
        let decision = try FilterCase.judge(item.filter, item.parameters, document)
        #expect(abs(decision.value - item.value) < 1e-12, "measured \(decision.value)")
        #expect(decision.passed == item.passed)
    }

    @Test func compressionRatioOnBothSides() throws {
        let japanese = FilterCase.document("""
            黒潮は日本列島の南岸に沿って北へ流れる暖流で、その幅は約百キロメートルに達する。流れの速さは場所によって異なり、\
            速いところでは時速七キロメートルを超える。沿岸の気候や漁業に大きな影響を与えている。
            """)
        let value = try FilterCase.judge("compression_ratio", "{}", japanese)
        #expect(value.value > 0.5 && value.value < 0.75)
        #expect(value.passed)
        let spam = FilterCase.document(String(repeating: "spam ", count: 50))
        #expect(try FilterCase.judge("compression_ratio", "{}", spam).passed == false)
    }

    @Test func keywordsOnBothSides() throws {
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-keywords-\(UUID().uuidString).txt")
        try "激安\nfree shipping\n".write(to: list, atomically: true, encoding: .utf8)
        let parameters = "{files: [\(list.path)], max: 1}"
        #expect(try FilterCase.judge("keywords", parameters, FilterCase.document("黒潮は暖流です。"))
                == .init(stage: "keywords", value: 0, passed: true))
        #expect(try FilterCase.judge("keywords", parameters, FilterCase.document("FREE SHIPPING and 激安"))
                == .init(stage: "keywords", value: 2, passed: false))
    }
}
