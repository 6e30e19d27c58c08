import Testing
@testable import Kuroshio

@Suite struct CleanerTests {
    private func cleaner(_ name: String, _ parameters: String = "") throws -> any ParagraphCleaner {
        let config = try PipelineConfig.parse("stages:\n  - extract:\n  - \(name): \(parameters)\n", file: "t.yaml")
        guard let stage = config.stages[1] as? CleanerStage else { fatalError("\(name) is not a cleaner") }
        return stage.configured.cleaner
    }

    private func paragraphs(_ texts: [String], kinds: [(Paragraph.Kind, Int)] = []) -> [Paragraph] {
        texts.enumerated().map { index, text in
            let (kind, level) = index < kinds.count ? kinds[index] : (.text, 0)
            return Paragraph(text: text, path: "p", kind: kind, level: level, characters: text.unicodeScalars.count,
                             linkCharacters: 0, boilerplate: nil)
        }
    }

    @Test func footerCutAtTrailingKeywordLine() throws {
        let page = paragraphs(["黒潮の話です。", "海は広いです。", "魚がたくさんいます。", "夏は暑いです。",
                               "会社概要\nプライバシーポリシー", "Copyright 2026 Example"])
        #expect(try cleaner("footer_cut").clean(page).map(\.text) == ["黒潮の話です。", "海は広いです。", "魚がたくさんいます。", "夏は暑いです。"])
        // A keyword early in the document is not a footer.
        let early = paragraphs(["お問い合わせはこちらから受け付けています。", "本文です。", "本文の続きです。"])
        #expect(try cleaner("footer_cut").clean(early).map(\.text) == early.map(\.text))
        let english = paragraphs(["The river.", "The sea.", "The sky.", "All rights reserved."])
        #expect(try cleaner("footer_cut", "{keywords: [all rights reserved]}").clean(english).map(\.text)
                == ["The river.", "The sea.", "The sky."])
    }

    @Test func headingsBecomeMarkdown() throws {
        let page = paragraphs(["潮流", "本文です。", "Overview"], kinds: [(.heading, 2), (.text, 0), (.heading, 1)])
        #expect(try cleaner("markdown_headings").clean(page).map(\.text) == ["## 潮流", "本文です。", "# Overview"])
    }

    @Test func punctuationIsNormalisedWhereWesternDominates() throws {
        let science = paragraphs(["水は，100度で沸騰する．", "氷は0度で融ける．"])
        #expect(try cleaner("normalize_punctuation").clean(science).map(\.text) == ["水は、100度で沸騰する。", "氷は0度で融ける。"])
        let mixed = paragraphs(["今日は、晴れです。", "数値は1，000です。"])
        #expect(try cleaner("normalize_punctuation").clean(mixed).map(\.text) == mixed.map(\.text))
    }

    @Test func personalInformationIsMasked() throws {
        let page = paragraphs(["連絡先: taro.yamada@example.co.jp または 03-1234-5678 まで。",
                               "Call 090-1234-5678 or +81-3-1234-5678; server 192.168.10.20 is down.",
                               "The year 2026 and version 1.2.3 stay."])
        #expect(try cleaner("mask_pii").clean(page).map(\.text) == [
            "連絡先: <email> または <phone> まで。",
            "Call <phone> or <phone>; server <ip> is down.",
            "The year 2026 and version 1.2.3 stay.",
        ])
    }
}
