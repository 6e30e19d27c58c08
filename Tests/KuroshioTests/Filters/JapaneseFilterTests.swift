import Testing
@testable import Kuroshio

/// Filters measured on Japanese text and English text, each on both sides of its threshold.
@Suite struct JapaneseScriptFilterTests {
    let prose = FilterCase.document("今日はいい天気です。公園を散歩しました。")
    let list = FilterCase.document("東京都 大阪府 京都府 北海道 沖縄県")
    let english = FilterCase.document("The weather is fine today.")

    @Test func hiraganaRatio() throws {
        // 今日はいい天気です。公園を散歩しました。: 20 characters, 10 of them hiragana.
        #expect(try FilterCase.judge("hiragana_ratio", "{}", prose) == .init(stage: "hiragana_ratio", value: 0.5, passed: true))
        #expect(try FilterCase.judge("hiragana_ratio", "{}", list) == .init(stage: "hiragana_ratio", value: 0, passed: false))
        #expect(try FilterCase.judge("hiragana_ratio", "{}", english).passed == false)
        // Over Japanese letters (kana, kanji, 。、), as the Swallow corpus counts: 10 of 20.
        #expect(try FilterCase.judge("hiragana_ratio", "{over: japanese, min: 0.2}", prose).value == 0.5)
        #expect(try FilterCase.judge("hiragana_ratio", "{over: japanese, min: 0.2}", list).value == 0)
    }

    @Test func katakanaRatio() throws {
        let katakana = FilterCase.document("コンピュータソフトウェアのダウンロード")
        #expect(try FilterCase.judge("katakana_ratio", "{}", katakana) == .init(stage: "katakana_ratio", value: 18.0 / 19.0, passed: false))
        #expect(try FilterCase.judge("katakana_ratio", "{}", prose) == .init(stage: "katakana_ratio", value: 0, passed: true))
        #expect(try FilterCase.judge("katakana_ratio", "{}", english).passed)
    }

    @Test func japaneseRatioAndLetters() throws {
        #expect(try FilterCase.judge("japanese_ratio", "{}", prose) == .init(stage: "japanese_ratio", value: 18.0 / 20.0, passed: true))
        #expect(try FilterCase.judge("japanese_ratio", "{}", english) == .init(stage: "japanese_ratio", value: 0, passed: false))
        #expect(try FilterCase.judge("japanese_letters", "{min: 18}", prose) == .init(stage: "japanese_letters", value: 18, passed: true))
        #expect(try FilterCase.judge("japanese_letters", "{min: 19}", prose).passed == false)
        #expect(try FilterCase.judge("japanese_letters", "{min: 1}", english) == .init(stage: "japanese_letters", value: 0, passed: false))
    }

    @Test func kutenRate() throws {
        // Two 。 in 20 characters.
        #expect(try FilterCase.judge("kuten_rate", "{}", prose) == .init(stage: "kuten_rate", value: 0.1, passed: true))
        #expect(try FilterCase.judge("kuten_rate", "{}", list) == .init(stage: "kuten_rate", value: 0, passed: false))
        #expect(try FilterCase.judge("kuten_rate", "{}", english).passed == false)
    }
}

@Suite struct SentenceFilterTests {
    @Test func meanAndMaxSentenceLength() throws {
        let japanese = FilterCase.document("短い文です。これはもう少しだけ長い文になっています。")
        // Sentences of 6 and 20 characters.
        #expect(try FilterCase.judge("mean_sentence_length", "{min: 10, max: 90}", japanese)
                == .init(stage: "mean_sentence_length", value: 13, passed: true))
        #expect(try FilterCase.judge("mean_sentence_length", "{min: 20, max: 90}", japanese).passed == false)
        #expect(try FilterCase.judge("max_sentence_length", "{max: 20}", japanese) == .init(stage: "max_sentence_length", value: 20, passed: true))
        #expect(try FilterCase.judge("max_sentence_length", "{max: 19}", japanese).passed == false)
        // Sentences of 9 and 21 characters.
        let english = FilterCase.document("It rains. The river rises fast.")
        #expect(try FilterCase.judge("mean_sentence_length", "{min: 10, max: 90}", english)
                == .init(stage: "mean_sentence_length", value: 15, passed: true))
        #expect(try FilterCase.judge("max_sentence_length", "{max: 20}", english).value == 21)
        #expect(try FilterCase.judge("max_sentence_length", "{max: 20}", english).passed == false)
    }

    @Test func ellipsisRatio() throws {
        let japanese = FilterCase.document("続きはこちら…\n詳しくは本文で・\n今日は晴れです。")
        #expect(try FilterCase.judge("ellipsis_ratio", "{}", japanese) == .init(stage: "ellipsis_ratio", value: 2.0 / 3.0, passed: false))
        let english = FilterCase.document("Read more...\nThe sun is out.\nIt is warm.\nWe walk home.\nThe end.")
        #expect(try FilterCase.judge("ellipsis_ratio", "{}", english) == .init(stage: "ellipsis_ratio", value: 0.2, passed: true))
    }
}

@Suite struct RepetitionFilterTests {
    @Test func duplicateLinesByCountAndCharacters() throws {
        let japanese = FilterCase.document("ログイン\nログイン\nログイン\n本文の段落です。")
        #expect(try FilterCase.judge("duplicate_lines", "{}", japanese) == .init(stage: "duplicate_lines", value: 0.5, passed: false))
        // 8 of 20 characters are in repeated lines.
        #expect(try FilterCase.judge("duplicate_line_chars", "{}", japanese)
                == .init(stage: "duplicate_line_chars", value: 8.0 / 20.0, passed: false))
        let english = FilterCase.document("Home\nAbout us\nThe text of the page goes here.\nHome")
        #expect(try FilterCase.judge("duplicate_lines", "{}", english) == .init(stage: "duplicate_lines", value: 0.25, passed: true))
        #expect(try FilterCase.judge("duplicate_line_chars", "{}", english)
                == .init(stage: "duplicate_line_chars", value: 4.0 / 47.0, passed: true))
    }

    @Test func duplicateParagraphsAndSentences() throws {
        let japanese = FilterCase.document("同じ段落です。\n\n同じ段落です。\n\n違う段落です。")
        #expect(try FilterCase.judge("duplicate_paragraphs", "{}", japanese)
                == .init(stage: "duplicate_paragraphs", value: 1.0 / 3.0, passed: false))
        #expect(try FilterCase.judge("duplicate_paragraph_chars", "{}", japanese)
                == .init(stage: "duplicate_paragraph_chars", value: 1.0 / 3.0, passed: false))
        let english = FilterCase.document("Buy now. Buy now. Buy now. Free shipping.")
        #expect(try FilterCase.judge("duplicate_sentences", "{}", english)
                == .init(stage: "duplicate_sentences", value: 0.5, passed: false))
        #expect(try FilterCase.judge("duplicate_sentence_chars", "{}", english)
                == .init(stage: "duplicate_sentence_chars", value: 16.0 / 38.0, passed: false))
        let varied = FilterCase.document("一つ目の文です。二つ目の文です。")
        #expect(try FilterCase.judge("duplicate_sentences", "{}", varied) == .init(stage: "duplicate_sentences", value: 0, passed: true))
    }

    @Test func topNgramShare() throws {
        // Characters for Japanese: "あい" covers 8 of 10 characters (Gopher's count); 4 of 9 bigrams (Swallow's).
        let repeated = FilterCase.document("あいあいあいあいうえ", lang: "ja")
        #expect(try FilterCase.judge("top_ngram_share", "{n: 2}", repeated) == .init(stage: "top_ngram_share", value: 0.8, passed: false))
        #expect(try FilterCase.judge("top_ngram_share", "{n: 2, count: occurrences, max: 0.5}", repeated)
                == .init(stage: "top_ngram_share", value: 4.0 / 9.0, passed: true))
        // Words for English: "big sale" twice covers 14 of 33 word characters.
        let english = FilterCase.document("big sale big sale on shoes and hats today", lang: "en")
        #expect(try FilterCase.judge("top_ngram_share", "{n: 2}", english) == .init(stage: "top_ngram_share", value: 14.0 / 33.0, passed: false))
        let plain = FilterCase.document("the quick brown fox jumps over the lazy dog", lang: "en")
        #expect(try FilterCase.judge("top_ngram_share", "{n: 2}", plain) == .init(stage: "top_ngram_share", value: 0, passed: true))
    }

    @Test func duplicateNgramShare() throws {
        let japanese = FilterCase.document("今日は晴れです今日は晴れです", lang: "ja")
        #expect(try FilterCase.judge("duplicate_ngram_share", "{n: 5}", japanese)
                == .init(stage: "duplicate_ngram_share", value: 1, passed: false))
        let unique = FilterCase.document("今日は晴れですが明日は雨になりそうです", lang: "ja")
        #expect(try FilterCase.judge("duplicate_ngram_share", "{n: 5}", unique)
                == .init(stage: "duplicate_ngram_share", value: 0, passed: true))
        let english = FilterCase.document("one two three four five one two three four five six", lang: "en")
        #expect(try FilterCase.judge("duplicate_ngram_share", "{n: 5}", english)
                == .init(stage: "duplicate_ngram_share", value: 38.0 / 41.0, passed: false))
        // Swallow counts distinct 5-grams seen twice over distinct 5-grams: 1 of 6.
        #expect(try FilterCase.judge("duplicate_ngram_share", "{n: 5, count: occurrences}", english).value == 1.0 / 6.0)
    }
}
