import Testing
@testable import Kuroshio

@Suite struct TextNormalizerTests {
    func normalized(_ text: String) -> String { String(decoding: TextNormalizer.normalize(text), as: UTF8.self) }

    @Test func foldsWidthsAndCollapsesWhitespace() {
        #expect(normalized("  ＡＢＣ　１２３\n\n\tabc  ") == "ABC 123 abc")
        #expect(normalized("ｶﾞｷﾞｸﾞ ㈱ café") == "ガギグ (株) café")
        #expect(normalized("日本語の文章です。") == "日本語の文章です。")
        #expect(normalized("\u{3000}\n") == "")
        #expect(normalized("ﬁle ①㍿ e\u{301}x か\u{3099}\u{A0}\u{2003}Café — “quoted”") == "file 1株式会社 éx が Café — “quoted”")
    }

    /// Random texts mixing scalars known here with ones that are not (combining marks, half-width kana, ligatures,
    /// Hangul jamo, odd spaces) normalise as the whole text does under NFKC.
    @Test func equalsFullNFKCOnMixedText() {
        let alphabet: [String] = ["a", "e", "Z", " ", "\n", "。", "か", "カ", "ハ", "東", "Ａ", "　", "\u{301}", "\u{308}",
                                  "\u{3099}", "\u{309A}", "ｶ", "ﾞ", "ﾟ", "ﬁ", "①", "㍿", "é", "ß", "\u{1100}", "\u{1161}",
                                  "\u{11A8}", "\u{A0}", "\u{2003}", "’", "…", "😀", "ｱ", "\u{FF9E}", "Å", "\u{212B}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(TextNormalizer.normalize(text) == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// NFKC of the whole text, whitespace collapsed.
    static func reference(_ text: String) -> [UInt8] {
        let words = text.nfkc.unicodeScalars.split { TextNormalizer.isSpace($0.value) }
        return Array(words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ").utf8)
    }
}
