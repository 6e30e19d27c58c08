import Testing
@testable import Kuroshio

@Suite struct CharsetLabelTests {
    @Test(arguments: [
        ("Shift_JIS", "CP932"), ("sjis", "CP932"), ("x-sjis", "CP932"), ("Windows-31J", "CP932"), ("MS_Kanji", "CP932"),
        ("euc-jp", "EUC-JP"), ("x-euc-jp", "EUC-JP"), ("ISO-2022-JP", "ISO-2022-JP"), ("csISO2022JP", "ISO-2022-JP"),
        ("GB2312", "GB18030"), ("gbk", "GB18030"), ("big5", "Big5"), ("EUC-KR", "CP949"), ("ks_c_5601-1987", "CP949"),
        ("\"utf8\"", "UTF-8"), ("ISO-8859-1", "windows-1252"), ("us-ascii", "windows-1252"), ("koi8-r", "KOI8-R"),
        ("tis-620", "CP874"),
    ])
    func normalises(label: String, name: String) {
        #expect(Charset(label: label)?.name == name)
    }

    @Test func unknownLabel() {
        #expect(Charset(label: "x-klingon") == nil)
        #expect(Charset(label: "") == nil)
    }
}

@Suite struct MetaPrescanTests {
    private func label(_ html: String) -> String? {
        Array(html.utf8).withByteView { MetaPrescan.declaredLabel($0) }
    }

    @Test func metaCharset() {
        #expect(label("<html><head><META CHARSET=euc-jp></head>") == "euc-jp")
        #expect(label("<meta charset='Shift_JIS'/>") == "Shift_JIS")
    }

    @Test func httpEquiv() {
        #expect(label(#"<meta content="text/html; charset=x-sjis" http-equiv="Content-Type">"#) == "x-sjis")
        #expect(label(#"<meta http-equiv="refresh" content="0; charset=utf-8"><meta charset="gbk">"#) == "gbk")
    }

    @Test func xmlDeclaration() {
        #expect(label(#"<?xml version="1.0" encoding="EUC-JP"?><html>"#) == "EUC-JP")
    }

    @Test func commentsAndLookalikesAreSkipped() {
        #expect(label(#"<!-- <meta charset="big5"> --><metadata charset="x"><meta charset="utf-8">"#) == "utf-8")
        #expect(label("<p>no declaration</p>") == nil)
    }
}

@Suite struct TranscoderTests {
    @Test func cp932OnlyCharacters() {
        let (text, replaced) = Transcoder().decode([0x87, 0x40, 0x87, 0x8A, 0x81, 0x60], from: .cp932)
        #expect(Fixtures.string(text) == "①㈱～")
        #expect(replaced == 0)
    }

    @Test func invalidSequencesAreReplacedAndCounted() {
        // "日本" in EUC-JP, a stray 0xFF, then "語".
        let (text, replaced) = Transcoder().decode([0xC6, 0xFC, 0xCB, 0xDC, 0xFF, 0xB8, 0xEC], from: .eucJP)
        #expect(Fixtures.string(text) == "日本\u{FFFD}語")
        #expect(replaced == 1)
    }

    @Test func utf8Repair() {
        let (text, replaced) = Transcoder().decode([0x61, 0xE3, 0x81, 0x82, 0xE3, 0x81, 0x62, 0xC0], from: .utf8)
        #expect(Fixtures.string(text) == "aあ\u{FFFD}b\u{FFFD}")
        #expect(replaced == 2)
    }
}

@Suite struct CharsetDecisionTests {
    let decoder = CharsetDecoder()
    static let japanese = "<p>黒潮は日本列島の南岸に沿って北へ流れる暖流です。その幅は約百キロメートルに達します。"
        + "子どもたちは夏になると海辺で貝殻を集めます。海の色が濃い青に見えるのは、透明度が高いからです。</p>"
    static let chinese = "<p>黑潮是北太平洋西部的一支强大暖流，沿着台湾东岸向北流动，对东亚的气候和渔业有很大影响。"
        + "每年夏天，许多渔民在这片海域捕鱼，海水的颜色显得特别深蓝。</p>"
    static let korean = "<p>구로시오 해류는 일본 남쪽 해안을 따라 북쪽으로 흐르는 따뜻한 해류입니다. "
        + "이 해류는 주변 지역의 기후와 어업에 큰 영향을 줍니다.</p>"

    private func page(_ body: String, meta: String? = nil) -> String {
        "<html><head>" + (meta.map { "<meta charset=\"\($0)\">" } ?? "") + "<title>t</title></head><body>" + body + "</body></html>"
    }

    @Test func byteOrderMarkWins() {
        let (decision, text) = decoder.decode([0xEF, 0xBB, 0xBF] + Array("<p>é</p>".utf8), httpLabel: "Shift_JIS")
        #expect(decision == CharsetDecision(charset: .utf8, source: .bom, replaced: 0))
        #expect(Fixtures.string(text) == "<p>é</p>")
    }

    @Test func httpLabelThatHoldsUp() {
        let (decision, text) = decoder.decode(Fixtures.encode(page(Self.japanese), "CP932"), httpLabel: "Shift_JIS")
        #expect(decision == CharsetDecision(charset: .cp932, source: .http, replaced: 0))
        #expect(Fixtures.string(text) == page(Self.japanese))
    }

    @Test(arguments: ["ISO-8859-1", "UTF-8", "GB2312", "Big5", "EUC-KR"])
    func wrongHTTPLabelGivesWayToMeta(wrong: String) {
        let bytes = Fixtures.encode(page(Self.japanese, meta: "EUC-JP"), "EUC-JP")
        let (decision, text) = decoder.decode(bytes, httpLabel: wrong)
        #expect(decision == CharsetDecision(charset: .eucJP, source: .meta, replaced: 0))
        #expect(Fixtures.string(text).contains("子どもたちは夏になると"))
    }

    @Test func shiftJISLabelOnEUCJPBytes() {
        let bytes = Fixtures.encode(page(Self.japanese), "EUC-JP")
        #expect(decoder.decide(bytes, httpLabel: "Shift_JIS").charset == .eucJP)
    }

    @Test(arguments: [("CP932", Charset.cp932), ("EUC-JP", .eucJP), ("ISO-2022-JP", .iso2022JP)])
    func undeclaredJapanese(iconvName: String, expected: Charset) {
        let decision = decoder.decide(Fixtures.encode(page(Self.japanese), iconvName), httpLabel: nil)
        #expect(decision.charset == expected)
        #expect(decision.source == .detector)
    }

    @Test func undeclaredChineseAndKorean() {
        #expect(decoder.decide(Fixtures.encode(page(Self.chinese), "GB2312"), httpLabel: nil).charset == .gb18030)
        #expect(decoder.decide(Fixtures.encode(page(Self.korean), "EUC-KR"), httpLabel: nil).charset == .cp949)
    }

    @Test func chineseIsNotJapanese() {
        // GB2312 bytes labelled EUC-JP decode, but hold no kana: uchardet's GB18030 wins.
        let bytes = Fixtures.encode(page(Self.chinese), "GB2312")
        #expect(decoder.decide(bytes, httpLabel: "EUC-JP").charset == .gb18030)
    }

    @Test func koreanLabelledChinese() {
        let bytes = Fixtures.encode(page(Self.korean), "EUC-KR")
        #expect(decoder.decide(bytes, httpLabel: "GB2312").charset == .cp949)
    }

    @Test func chineseAfterALongASCIIHead() {
        // More markup before the first Chinese character than uchardet's sample: it is given the bytes from there on.
        let head = "<html><head><title>t</title></head><body>" + String(repeating: "<div class=\"menu-item\"><a href=\"/x\">x</a></div>\n", count: 2000)
        let bytes = Fixtures.encode(head + Self.chinese + "</body></html>", "GB2312")
        #expect(bytes.count > Uchardet.sampleBytes + Self.chinese.utf8.count)
        #expect(decoder.decide(bytes, httpLabel: "windows-1252") == CharsetDecision(charset: .gb18030, source: .detector, replaced: 0))
        #expect(decoder.decide(bytes, httpLabel: nil).charset == .gb18030)
    }

    @Test func validUTF8BeatsLegacyLabel() {
        let decision = decoder.decide(Array(page(Self.japanese).utf8), httpLabel: "Shift_JIS")
        #expect(decision == CharsetDecision(charset: .utf8, source: .detector, replaced: 0))
    }

    @Test func asciiWithISO2022EscapesIsISO2022JP() {
        let bytes = Fixtures.encode(page(Self.japanese), "ISO-2022-JP")
        let (decision, text) = decoder.decode(bytes, httpLabel: "UTF-8")
        #expect(decision.charset == .iso2022JP)
        #expect(Fixtures.string(text) == page(Self.japanese))
    }

    @Test func plainASCIIKeepsItsLabel() {
        #expect(decoder.decide(Array("<p>hello</p>".utf8), httpLabel: "Shift_JIS").charset == .cp932)
        #expect(decoder.decide(Array("<p>hello</p>".utf8), httpLabel: nil).charset == .utf8)
    }

    @Test func westernSingleByte() {
        let bytes = Fixtures.encode(page("<p>Caf\u{E9} cr\u{E8}me br\u{FB}l\u{E9}e, na\u{EF}ve fa\u{E7}ade.</p>"), "ISO-8859-1")
        let (decision, text) = decoder.decode(bytes, httpLabel: "iso-8859-1")
        #expect(decision == CharsetDecision(charset: .windows1252, source: .http, replaced: 0))
        #expect(Fixtures.string(text).contains("Café crème brûlée"))
    }

    @Test func undecodableBytesFallBackWithoutLoss() {
        // Bytes no candidate decodes (these five are undefined even in windows-1252) still come out, replaced.
        let bytes: [UInt8] = Array("<p>".utf8) + [0x81, 0x8D, 0x8F, 0x90, 0x9D] + Array("</p>".utf8)
        let (decision, text) = decoder.decode(bytes, httpLabel: "UTF-8")
        #expect(decision.source == .fallback)
        #expect(decision.replaced == 5)
        #expect(Fixtures.string(text) == "<p>\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}</p>")
    }
}
