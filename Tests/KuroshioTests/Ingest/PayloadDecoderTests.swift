import Testing
@testable import Kuroshio

/// The SampleData pages end to end: record, HTTP payload, charset and UTF-8 text.
@Suite struct PayloadDecoderTests {
    static let records = (try? Fixtures.records(Fixtures.sample)) ?? []

    private func record(_ path: String) throws -> WARCRecord {
        try #require(Self.records.first { $0.targetURI == "http://sample.kuroshio.test" + path && $0.type == "response" })
    }

    @Test(arguments: [
        ("/ja/utf8", "UTF-8", "<ruby>子<rt>こ</rt></ruby>どもたちは夏になると海辺で貝殻を集めます。"),
        ("/ja/shift_jis", "CP932", "①営業時間は午前九時から午後六時までです。②定休日は毎週水曜日と年末年始です。"),
        ("/ja/shift_jis", "CP932", "㈱黒潮商店では、地元の港で水揚げされた魚を毎朝お届けしています。価格は一尾三百円～千円です。"),
        ("/ja/euc-jp", "EUC-JP", "湯船にタオルを入れないのが昔からの作法です。"),
        ("/ja/iso-2022-jp", "ISO-2022-JP", "手紙は季節のあいさつから始めるのが一般的です。"),
        ("/en/kuroshio", "UTF-8", "The Kuroshio is a warm ocean current that flows north along the Pacific coast of Japan."),
        ("/ja/wrong-http-charset", "CP932", "雨の日は家でゆっくり本を読むのもよいものです。"),
        ("/ja/no-charset", "EUC-JP", "秋の山は紅葉がとてもきれいです。"),
        ("/ja/chunked", "UTF-8", "毎月第一日曜日には朝市が開かれ、近くの農家がとれたての野菜を売りに来ます。"),
        ("/ja/gzip", "UTF-8", "市立図書館では、今月から電子書籍の貸し出しを始めました。"),
        ("/missing", "UTF-8", "The requested page was not found on this server."),
        ("/zh/kuroshio", "GB18030", "黑潮是北太平洋西部的一支强大暖流，沿着台湾东岸和日本南岸向东北方向流动。"),
        ("/code/wordcount.py", "UTF-8", "def count_words(path):\n    counts = collections.Counter()"),
    ])
    func decodedText(path: String, charset: String, sentence: String) throws {
        let payload = try #require(PayloadDecoder().decode(try record(path)))
        #expect(payload.decision?.charset.name == charset)
        #expect(payload.decision?.replaced == 0)
        let text = Fixtures.string(payload.text)
        #expect(text.contains(sentence))
        #expect(!text.contains("\u{FFFD}"))
    }

    @Test func summaries() throws {
        let decoder = PayloadDecoder()
        let rows = Self.records.map { decoder.summarize($0) }
        #expect(rows.map(\.charset) == [nil, nil, "UTF-8", "CP932", "EUC-JP", "ISO-2022-JP", "UTF-8", "CP932", "EUC-JP",
                                        "UTF-8", "UTF-8", nil, "UTF-8", nil, "GB18030", "UTF-8", "UTF-8"])
        #expect(rows.map(\.httpStatus) == [nil, nil, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 404, nil, 200, 200, 200])
        #expect(rows[11].contentType == "image/png")
        #expect(rows[13].warcType == "revisit")
        #expect(rows[16].problems == [.truncated])
        #expect(rows[15].contentType == "text/plain")
        #expect(rows[3].fields == ["\(Fixtures.sample)", "1315", "response", "http://sample.kuroshio.test/ja/shift_jis",
                                   "200", "text/html", "CP932", "761", ""])
    }

    @Test func nonTextPayloadIsKeptAsBytes() throws {
        let payload = try #require(PayloadDecoder().decode(try record("/images/wave.png")))
        #expect(payload.decision == nil)
        #expect(payload.text.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
