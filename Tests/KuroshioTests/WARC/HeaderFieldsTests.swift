import Testing
@testable import Kuroshio

@Suite struct HeaderFieldsTests {
    let fields = "WARC-Type: response\r\ncontent-TYPE: text/html; charset=EUC-JP\r\nX-Long:  a\r\n b\r\nWARC-Typf: no\r\n"

    @Test func lookupIgnoresASCIICaseOnly() {
        let headers = Array(fields.utf8).withByteView { HeaderFields.parse($0) }
        #expect(headers["Content-Type"] == "text/html; charset=EUC-JP")
        #expect(headers["warc-type"] == "response")
        #expect(headers["WARC-Typf"] == "no")
        #expect(headers["x-long"] == "a b")
        // Same length, differing in more than case: `[` and `{` differ by 0x20 too, but are not letters.
        #expect(!HeaderFields.sameName("a[b", "a{b"))
        #expect(headers["Content-Typ"] == nil)
        #expect(headers["Content-Types"] == nil)
    }
}
