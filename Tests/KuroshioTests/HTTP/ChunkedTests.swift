import Testing
@testable import Kuroshio

@Suite struct ChunkedTests {
    func decode(_ text: String) -> String? { Chunked.decode(Array(text.utf8)).map { String(decoding: $0.bytes, as: UTF8.self) } }

    @Test func joinsChunksAndStopsAtTheLastOne() {
        #expect(decode("5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n") == "hello world")
        #expect(Chunked.decode(Array("5\r\nhello\r\n0\r\n\r\n".utf8))?.ending == .complete)
        // A chunk longer than its size says: the size line after it is not one. When the last chunk still closes
        // the body, the chunk is read whole; when nothing does, what decoded is kept.
        #expect(Chunked.decode(Array("3\r\nhello\r\n0\r\n\r\n".utf8)) == Chunked.Decoded(bytes: Array("hello".utf8), ending: .resized))
        #expect(Chunked.decode(Array("3\r\nhello\r\n".utf8)) == Chunked.Decoded(bytes: Array("hel".utf8), ending: .malformed))
        #expect(decode("not chunked") == nil)
    }

    /// A body cut anywhere keeps what was there, is not complete, and never reads past its end.
    @Test func aBodyCutAnywhereKeepsWhatIsThere() {
        let body = "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n"
        let expected = ["", "", "", "", "h", "he", "hel", "hell", "hello"]
        for cut in 0...body.utf8.count {
            let decoded = decode(String(decoding: Array(body.utf8)[..<cut], as: UTF8.self))
            if cut < 3 { #expect(decoded == nil, "\(cut)") }
            if cut >= 3 && cut < expected.count { #expect(decoded == expected[cut], "\(cut)") }
            if cut >= 10 && cut <= 17 { #expect(decoded == "hello", "\(cut)") }
            if cut >= 26 { #expect(decoded == "hello world", "\(cut)") }
            if cut >= 3 && cut < 28 { #expect(Chunked.decode(Array(body.utf8)[..<cut].map { $0 })?.ending == .cut, "\(cut)") }
        }
    }
}
