import Testing
@testable import Kuroshio

@Suite struct HTTPResponseTests {
    private func message(_ head: String, _ body: [UInt8]) -> [UInt8] { Array(head.utf8) + body }

    @Test func statusHeadersAndBody() throws {
        let response = try #require(HTTPResponse.parse(message(
            "HTTP/1.1 404 Not Found\r\nContent-Type: Text/HTML; Charset=\"Shift_JIS\"\r\nX-Folded: a\r\n b\r\n\r\n",
            Array("body".utf8))))
        #expect(response.status == 404)
        #expect(response.mediaType == "text/html")
        #expect(response.charsetLabel == "Shift_JIS")
        #expect(response.headers["x-folded"] == "a b")
        #expect(Fixtures.string(response.payload) == "body")
        #expect(response.problems.isEmpty)
    }

    @Test func bareLineFeeds() throws {
        let response = try #require(HTTPResponse.parse(message("HTTP/1.0 200 OK\nContent-Type: text/plain\n\n", Array("x\ny".utf8))))
        #expect(response.status == 200)
        #expect(Fixtures.string(response.payload) == "x\ny")
    }

    @Test func notHTTP() {
        #expect(HTTPResponse.parse(Array("<html></html>".utf8)) == nil)
        #expect(HTTPResponse.parse(Array("HTTP/1.1 abc\r\n\r\n".utf8)) == nil)
    }

    @Test func chunkedSplitInsideCharacters() throws {
        let text = Array("黒潮は暖流です。".utf8)
        let body = Array("5\r\n".utf8) + text[0..<5] + Array("\r\n13;ext=1\r\n".utf8) + text[5...] + Array("\r\n0\r\n\r\n".utf8)
        let response = try #require(HTTPResponse.parse(message("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", body)))
        #expect(Fixtures.string(response.payload) == "黒潮は暖流です。")
        #expect(response.problems.isEmpty)
    }

    @Test func chunkedHeaderOnPlainBodyKeepsBody() throws {
        let response = try #require(HTTPResponse.parse(message("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                                                               Array("<html>plain</html>".utf8))))
        #expect(Fixtures.string(response.payload) == "<html>plain</html>")
        #expect(response.problems == [.notChunked] && ProblemKind.notChunked.keptWhole)
        // Chunks that stop making sense, with no last chunk after them, keep what decoded, and that is a loss.
        let lying = try #require(HTTPResponse.parse(message("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                                                            Array("4\r\nkuro\r\nzz\r\nshio".utf8))))
        #expect(Fixtures.string(lying.payload) == "kuro")
        #expect(lying.problems == [.badChunked] && !ProblemKind.badChunked.keptWhole)
        // A size that lied short over data that still ends with the last chunk: the chunk is read whole.
        let short = try #require(HTTPResponse.parse(message("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                                                            Array("4\r\n<p>kuroshio</p>\n\r\n0\r\n\r\n".utf8))))
        #expect(Fixtures.string(short.payload) == "<p>kuroshio</p>\n")
        #expect(short.problems == [.chunkSizeLied] && ProblemKind.chunkSizeLied.keptWhole)
    }

    @Test func realGzipContentEncoding() throws {
        let response = try #require(HTTPResponse.parse(message("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n",
                                                               Gzip.compress(Array("<p>圧縮</p>".utf8)))))
        #expect(Fixtures.string(response.payload) == "<p>圧縮</p>")
        #expect(response.problems.isEmpty)
    }

    @Test func lyingGzipHeaderKeepsPlainBody() throws {
        let response = try #require(HTTPResponse.parse(message("HTTP/1.1 200 OK\nContent-Encoding: gzip\n\n",
                                                               Array("<html>plain</html>".utf8))))
        #expect(Fixtures.string(response.payload) == "<html>plain</html>")
        #expect(response.problems.isEmpty)
    }

    @Test func deflateZlibWrappedAndRaw() throws {
        let plain = Array("<p>deflated text, deflated text</p>".utf8)
        let gz = Gzip.compress(plain)
        // A raw deflate stream is the gzip member without its 10-byte header and 8-byte trailer.
        let raw = Array(gz[10..<(gz.count - 8)])
        for body in [raw] {
            let response = try #require(HTTPResponse.parse(message("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", body)))
            #expect(response.payload == plain)
        }
        var zlibWrapped: [UInt8] = [0x78, 0x9C] + raw
        var adler = (UInt32(1), UInt32(0))
        for byte in plain { adler.0 = (adler.0 + UInt32(byte)) % 65521; adler.1 = (adler.1 + adler.0) % 65521 }
        let checksum = adler.1 << 16 | adler.0
        zlibWrapped += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: checksum >> $0) }
        let response = try #require(HTTPResponse.parse(message("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", zlibWrapped)))
        #expect(response.payload == plain)
    }

    @Test func crawlerDecodedHeadersAreLeftAlone() throws {
        let body = Array("<html>already decoded</html>".utf8)
        let response = try #require(HTTPResponse.parse(message(
            "HTTP/1.1 200 OK\r\nX-Crawler-Content-Encoding: gzip\r\nX-Crawler-Transfer-Encoding: chunked\r\n\r\n", body)))
        #expect(response.payload == body)
        #expect(response.problems.isEmpty)
    }

    @Test func unsupportedEncodingKeepsBody() throws {
        let response = try #require(HTTPResponse.parse(message("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n", [1, 2, 3])))
        #expect(response.payload == [1, 2, 3])
        #expect(response.problems == [.badEncoding])
    }
}
