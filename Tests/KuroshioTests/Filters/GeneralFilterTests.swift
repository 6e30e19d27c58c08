import Foundation
import Testing
@testable import Kuroshio

@Suite struct SizeFilterTests {
    @Test func lengthInCharacters() throws {
        let japanese = FilterCase.document(String(repeating: "黒潮は暖流です。", count: 25))
        #expect(try FilterCase.judge("length", "{}", japanese) == .init(stage: "length", value: 200, passed: true))
        let english = FilterCase.document("Too short.")
        #expect(try FilterCase.judge("length", "{}", english) == .init(stage: "length", value: 10, passed: false))
    }

    @Test func wordCount() throws {
        let english = FilterCase.document("one two three", lang: "en")
        #expect(try FilterCase.judge("word_count", "{min: 3}", english) == .init(stage: "word_count", value: 3, passed: true))
        #expect(try FilterCase.judge("word_count", "{min: 4}", english).passed == false)
        // Characters for Japanese; script runs as rough words: 黒潮 は 暖流 です.
        let japanese = FilterCase.document("黒潮は暖流です", lang: "ja")
        #expect(try FilterCase.judge("word_count", "{min: 5}", japanese) == .init(stage: "word_count", value: 7, passed: true))
        #expect(try FilterCase.judge("word_count", "{unit: script_runs, min: 5}", japanese)
                == .init(stage: "word_count", value: 4, passed: false))
    }

    @Test func meanWordLength() throws {
        let english = FilterCase.document("The current flows north.")
        #expect(try FilterCase.judge("mean_word_length", "{}", english) == .init(stage: "mean_word_length", value: 5, passed: true))
        let gibberish = FilterCase.document("a b c d")
        #expect(try FilterCase.judge("mean_word_length", "{}", gibberish) == .init(stage: "mean_word_length", value: 1, passed: false))
        // 黒潮 は 暖流 です: 2 + 1 + 2 + 2 characters over 4 runs.
        let japanese = FilterCase.document("黒潮は暖流です")
        #expect(try FilterCase.judge("mean_word_length", "{unit: script_runs, min: 1, max: 5}", japanese)
                == .init(stage: "mean_word_length", value: 1.75, passed: true))
    }

    @Test func compressionRatio() throws {
        let repetitive = FilterCase.document(String(repeating: "同じ文が続きます。", count: 40))
        let zlib = try FilterCase.judge("compression_ratio", "{}", repetitive)
        #expect(zlib.value < 0.05)
        #expect(zlib.passed == false)
        #expect(try FilterCase.judge("compression_ratio", "{compressor: lz4}", repetitive).passed == false)
        let english = FilterCase.document("""
            The Kuroshio is a north-flowing ocean current on the west side of the North Pacific Ocean. It is similar \
            to the Gulf Stream in the North Atlantic and is part of the North Pacific ocean gyre.
            """)
        let value = try FilterCase.judge("compression_ratio", "{}", english)
        #expect(value.value > 0.5 && value.value < 0.75)
        #expect(value.passed)
        // LZ4 compresses prose less than zlib does.
        #expect(try FilterCase.judge("compression_ratio", "{compressor: lz4}", english).value > value.value)
        #expect(throws: ConfigError.self) { try FilterCase.filter("compression_ratio", "{compressor: brotli}") }
    }
}

@Suite struct MarkupFilterTests {
    @Test func linkRatio() throws {
        let linked = FilterCase.document("ホーム\n\n本文です。", linkCharacters: [3, 0])
        #expect(try FilterCase.judge("link_ratio", "{}", linked) == .init(stage: "link_ratio", value: 3.0 / 8.0, passed: true))
        let menu = FilterCase.document("Home About Contact", linkCharacters: [16])
        #expect(try FilterCase.judge("link_ratio", "{}", menu) == .init(stage: "link_ratio", value: 16.0 / 18.0, passed: false))
    }

    @Test func symbolRatio() throws {
        let tags = FilterCase.document("#travel #food #japan great day", lang: "en")
        #expect(try FilterCase.judge("symbol_ratio", "{}", tags) == .init(stage: "symbol_ratio", value: 3.0 / 5.0, passed: false))
        let japanese = FilterCase.document("続きを読む…今日は晴れでした。明日も晴れるでしょう。", lang: "ja")
        #expect(try FilterCase.judge("symbol_ratio", "{}", japanese) == .init(stage: "symbol_ratio", value: 1.0 / 26.0, passed: true))
    }

    @Test func bulletLineRatio() throws {
        let menu = FilterCase.document("・ホーム\n・会社概要\n・お問い合わせ")
        #expect(try FilterCase.judge("bullet_line_ratio", "{}", menu) == .init(stage: "bullet_line_ratio", value: 1, passed: false))
        let english = FilterCase.document("Things to bring:\n- water\n- a map")
        #expect(try FilterCase.judge("bullet_line_ratio", "{}", english) == .init(stage: "bullet_line_ratio", value: 2.0 / 3.0, passed: true))
    }

    @Test func lineEndPunctuationAndNewlines() throws {
        let prose = FilterCase.document("今日は晴れです。\n明日は雨です。\nメニュー")
        #expect(try FilterCase.judge("line_end_punctuation", "{}", prose)
                == .init(stage: "line_end_punctuation", value: 2.0 / 3.0, passed: true))
        let menu = FilterCase.document("Home\nNews\nSports\nWeather")
        #expect(try FilterCase.judge("line_end_punctuation", "{}", menu) == .init(stage: "line_end_punctuation", value: 0, passed: false))
        #expect(try FilterCase.judge("newline_ratio", "{}", menu) == .init(stage: "newline_ratio", value: 0.75, passed: false))
        let english = FilterCase.document("The river runs to the sea and the sea is wide.")
        #expect(try FilterCase.judge("newline_ratio", "{}", english) == .init(stage: "newline_ratio", value: 0, passed: true))
    }
}

@Suite struct WordFilterTests {
    @Test func englishStopWords() throws {
        let english = FilterCase.document("The history of the current and the people that live with it.")
        #expect(try FilterCase.judge("stop_words", "{}", english) == .init(stage: "stop_words", value: 7, passed: true))
        let list = FilterCase.document("Shoes Hats Bags Sale")
        #expect(try FilterCase.judge("stop_words", "{}", list) == .init(stage: "stop_words", value: 0, passed: false))
    }

    @Test func japaneseStopWordsAsCharacters() throws {
        let parameters = "{unit: characters, words: [の, に, を, は], min: 2}"
        let japanese = FilterCase.document("日本の南の海には黒潮が流れる。")
        #expect(try FilterCase.judge("stop_words", parameters, japanese) == .init(stage: "stop_words", value: 4, passed: true))
        #expect(try FilterCase.judge("stop_words", parameters, FilterCase.document("東京都 大阪府")).passed == false)
    }

    @Test func c4Rules() throws {
        #expect(try FilterCase.judge("lorem_ipsum", "{}", FilterCase.document("Lorem ipsum dolor sit amet.")).passed == false)
        #expect(try FilterCase.judge("lorem_ipsum", "{}", FilterCase.document("本文です。")) == .init(stage: "lorem_ipsum", value: 0, passed: true))
        #expect(try FilterCase.judge("curly_braces", "{}", FilterCase.document("function f() { return 1 }")).passed == false)
        #expect(try FilterCase.judge("curly_braces", "{}", FilterCase.document("「括弧」は大丈夫です。")).passed)
        #expect(try FilterCase.judge("javascript_notice", "{}", FilterCase.document("Please enable JavaScript to view.")).passed == false)
        #expect(try FilterCase.judge("javascript_notice", "{}", FilterCase.document("JavaScriptを有効にしてください。")).value == 1)
        #expect(try FilterCase.judge("javascript_notice", "{}", FilterCase.document("JavaScript is a language.")).passed)
    }

    /// Placeholders, server default pages, parked domains and wizard notes, matched across hard wraps.
    @Test func placeholderPages() throws {
        let template = "This file contains a summary of what you will find in each of the files\nthat make up your Ledger application."
        #expect(try FilterCase.judge("placeholder_text", "{}", FilterCase.document(template)).passed == false)
        #expect(try FilterCase.judge("placeholder_text", "{}", FilterCase.document("Welcome to nginx! If you see this page...")).value == 1)
        #expect(try FilterCase.judge("placeholder_text", "{}", FilterCase.document("このドメインはお名前.comで取得されています。")).value == 1)
        #expect(try FilterCase.judge("placeholder_text", "{}",
                                     FilterCase.document("We installed nginx on the new server and tested the default page.")).value == 0)
    }

    /// Adult-site terms count once each, as whole words: `pornography` in a news story is not `porn`.
    @Test func adultTerms() throws {
        let landing = FilterCase.document("Hot singles in your area! XXX videos and live cams, 18+ only. Hot singles again.")
        #expect(try FilterCase.judge("adult_terms", "{}", landing) == .init(stage: "adult_terms", value: 5, passed: false))
        let news = FilterCase.document("The court ruled on the pornography law; the nude painting stays in the museum.")
        #expect(try FilterCase.judge("adult_terms", "{}", news) == .init(stage: "adult_terms", value: 1, passed: true))
        #expect(try FilterCase.judge("adult_terms", "{}", FilterCase.document("無修正のアダルト動画、出会い系")).value == 3)
    }

    @Test func keywordLists() throws {
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-keywords-\(UUID().uuidString).txt")
        try "# advertising\n激安\n送料無料\nFREE SHIPPING\n".write(to: list, atomically: true, encoding: .utf8)
        let parameters = "{files: [\(list.path)], max: 1}"
        let ad = FilterCase.document("激安セール！送料無料でお届けします。")
        #expect(try FilterCase.judge("keywords", parameters, ad) == .init(stage: "keywords", value: 2, passed: false))
        let english = FilterCase.document("Free shipping on all orders.")
        #expect(try FilterCase.judge("keywords", parameters, english) == .init(stage: "keywords", value: 1, passed: true))
        #expect(throws: ConfigError.self) { try FilterCase.filter("keywords", "{files: [/nonexistent/list.txt]}") }
        // A list is read relative to the recipe that names it.
        let recipe = list.deletingLastPathComponent().appendingPathComponent("recipe.yaml").path
        let config = try PipelineConfig.parse("stages:\n  - extract:\n  - keywords: {files: [\(list.lastPathComponent)], max: 1}\n", file: recipe)
        #expect(config.stages.count == 2)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.sharedData.appendingPathComponent("wordlists").path)))
    func sharedAdvertisingList() throws {
        let list = Fixtures.sharedData.appendingPathComponent("wordlists/advertisement_keywords_ja.txt").path
        let filter = try FilterCase.filter("keywords", "{files: [\(list)], max: 0}")
        #expect(filter.judge(FilterCase.document("黒潮は日本列島の南岸に沿って北へ流れる暖流です。")).passed)
    }

    @Test func urlBlocklist() throws {
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("kuroshio-blocklist-\(UUID().uuidString).txt")
        try "spam.example\nhttp://good.example/bad-page\n".write(to: list, atomically: true, encoding: .utf8)
        let parameters = "{file: \(list.path)}"
        #expect(try FilterCase.judge("url_blocklist", parameters, FilterCase.document("x", url: "https://www.spam.example/a"))
                == .init(stage: "url_blocklist", value: 1, passed: false))
        #expect(try FilterCase.judge("url_blocklist", parameters, FilterCase.document("x", url: "http://good.example/bad-page")).passed == false)
        #expect(try FilterCase.judge("url_blocklist", parameters, FilterCase.document("x", url: "http://good.example/page"))
                == .init(stage: "url_blocklist", value: 0, passed: true))
    }
}

@Suite struct FilterRegistryTests {
    @Test func namesAreUniqueAndListed() {
        let names = FilterRegistry.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.count == 42)
    }

    @Test func recipesCheckFilterParameters() {
        #expect(throws: ConfigError.self) { try FilterCase.filter("hiragana_ratio", "{minimum: 0.2}") }
        #expect(throws: ConfigError.self) { try FilterCase.filter("top_ngram_share", "{unit: syllables}") }
        #expect(throws: ConfigError.self) { try FilterCase.filter("hiragana_ratio", "{min: high}") }
    }

    @Test func repeatedFiltersGetDistinctNames() throws {
        let config = try PipelineConfig.parse("""
            stages:
              - extract:
              - top_ngram_share: {n: 2}
              - top_ngram_share: {n: 3}
              - length: {min: 10}
            """, file: "x.yaml")
        #expect(config.stages.map(\.name) == ["extract", "top_ngram_share_n2", "top_ngram_share_n3", "length"])
    }

    @Test func boundsCanBeLifted() throws {
        let filter = try FilterCase.filter("length", "{min: null}")
        #expect(filter.min == nil)
        #expect(filter.judge(FilterCase.document("x")).passed)
    }
}

/// The n-gram shares, counted by sorting hashes, equal a plain dictionary count of the same n-grams on random texts.
@Suite struct NgramSharesTests {
    /// Gopher's and Swallow's values counted the obvious way, over n-grams as token arrays.
    private func reference(_ tokens: [String], n: Int, top: Bool, occurrences: Bool) -> Double {
        guard tokens.count >= n else { return 0 }
        let grams = (0...(tokens.count - n)).map { Array(tokens[$0..<($0 + n)]) }
        var counts: [[String]: Int] = [:]
        for gram in grams { counts[gram, default: 0] += 1 }
        let total = tokens.reduce(0) { $0 + $1.count }
        if occurrences {
            return top ? Double(counts.values.max()!) / Double(grams.count)
                : Double(counts.values.filter { $0 > 1 }.count) / Double(counts.count)
        }
        if top {
            let best = counts.values.max()!
            guard best > 1, let start = grams.firstIndex(where: { counts[$0] == best }) else { return 0 }
            return Double(grams[start].reduce(0) { $0 + $1.count } * best) / Double(total)
        }
        var covered = [Bool](repeating: false, count: tokens.count)
        for (start, gram) in grams.enumerated() where counts[gram]! > 1 { for k in start..<(start + n) { covered[k] = true } }
        return Double(zip(tokens, covered).reduce(0) { $0 + ($1.1 ? $1.0.count : 0) }) / Double(total)
    }

    @Test func matchesAPlainCount() throws {
        var generator = SystemRandomNumberGenerator()
        let words = ["海", "の", "黒潮", "流れ", "が", "速い", "で", "す"]
        for trial in 0..<60 {
            let tokens = (0..<Int.random(in: 1...120, using: &generator)).map { _ in words.randomElement(using: &generator)! }
            let document = FilterCase.document(tokens.joined(separator: " "))
            for (name, n) in [("top_ngram_share", 2), ("top_ngram_share", 4), ("duplicate_ngram_share", 5)] {
                for occurrences in [false, true] {
                    let parameters = "{n: \(n), unit: words\(occurrences ? ", count: occurrences" : "")}"
                    let value = try FilterCase.judge(name, parameters, document).value
                    let expected = reference(tokens, n: n, top: name.hasPrefix("top"), occurrences: occurrences)
                    #expect(abs(value - expected) < 1e-12, "trial \(trial) \(name) \(parameters): \(tokens)")
                }
            }
        }
    }
}
