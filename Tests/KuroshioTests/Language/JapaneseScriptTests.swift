import Testing
@testable import Kuroshio

@Suite struct ScriptCountsTests {
    @Test func countsByScript() {
        let counts = ScriptCounts("ひらがなカタカナ漢字 Latin 한글 ｶﾅ")
        #expect(counts.hiragana == 4)
        #expect(counts.katakana == 6)
        #expect(counts.han == 2)
        #expect(counts.otherLetters == 5)
        #expect(counts.hangul == 2)
        #expect(counts.kanaRatio == 10.0 / 19.0)
    }

    @Test func noLettersMeansZero() {
        #expect(ScriptCounts("123 !?").kanaRatio == 0)
    }
}

@Suite struct JapanesePrefilterTests {
    let prefilter = JapanesePrefilter(minimumKana: 3)

    private func passes(_ html: String, _ charset: String = "UTF-8", http: String? = nil) -> Bool {
        prefilter.mayBeJapanese(Fixtures.encode(html, charset), httpCharset: http)
    }

    @Test func passesOnDeclarations() {
        #expect(passes("<html lang=\"ja\"><p>English only</p>"))
        #expect(passes("<html xml:lang='ja-JP'><p>x</p>"))
        #expect(passes("<p>x</p>", http: "Shift_JIS"))
        #expect(passes("<meta charset=\"euc-jp\"><p>x</p>"))
    }

    @Test func passesOnKanaInAnyJapaneseEncoding() {
        // Legacy bytes are ambiguous, so they need four times as many kana as UTF-8.
        let text = "<p>これはテストです。ひらがなとカタカナがあります。</p>"
        #expect(passes(text))
        #expect(passes(text, "CP932"))
        #expect(passes(text, "EUC-JP"))
        #expect(passes(text, "ISO-2022-JP"))
    }

    /// A declaration is found with spaces, quotes and any case around `=`, and only as a whole `lang`; an ISO-2022-JP
    /// escape counts wherever it lies whole in the scanned bytes.
    @Test func findsDeclarationsAndEscapesWhereverTheyLie() {
        #expect(passes("<html LANG  =  'JA'><p>x</p>") && passes("lang=ja>") && passes(String(repeating: " ", count: 4000) + "<p lang=ja>"))
        #expect(!passes("<p>lang is ja</p><a href=x>y</a>") && !passes("<html lang=\"jav\">") && !passes(String(repeating: " ", count: 4100) + "<p lang=ja>"))
        #expect(passes(String(repeating: "<p>x</p>", count: 100) + "\u{1B}$B") && passes("\u{1B}$@"))
        #expect(!passes(String(repeating: "<p>x</p>", count: 100) + "\u{1B}$") && !passes("\u{1B}(B\u{1B}$C"))
    }

    @Test func dropsWhatCannotBeJapanese() {
        #expect(!passes("<html lang=\"en\"><p>The Kuroshio is a current.</p></html>"))
        #expect(!passes("<html lang=\"javanese\"><p>x</p></html>"))
        #expect(!passes("<p>黑潮是北太平洋西部的一支强大暖流，沿着台湾东岸向北流动。</p>"))
        #expect(!passes("<p>구로시오 해류는 따뜻한 해류입니다.</p>"))
        #expect(!passes("<p>ひと</p>"))
        #expect(!passes("<p>これはテストです</p>", "CP932"))
    }
}
