import Testing
@testable import Kuroshio

/// The C libraries' bindings in Memory/, each over a small input whose answer is known.
@Suite struct BindingsTests {
    static let shiftJIS: [UInt8] = Array(repeating: "8d9592aa82cd93fa967b97f1938782cc93ec8add82f097ac82ea82e9926797ac82c582b78142", count: 40)
        .joined().hexBytes

    /// iconv converts Shift_JIS and ISO-2022-JP (with its shift state), and counts each invalid byte it replaces.
    @Test func iconvConvertsAndCountsWhatItReplaces() throws {
        let sjis = try #require(Iconv(from: "CP932"))
        let (text, replaced) = Array(Self.shiftJIS.prefix(38)).withByteView { sjis.convert($0) }
        #expect(String(decoding: text, as: UTF8.self) == "黒潮は日本列島の南岸を流れる暖流です。" && replaced == 0)
        let (mixed, bad) = ([0x82, 0xA0, 0xFF, 0x41] as [UInt8]).withByteView { sjis.convert($0) }
        #expect(String(decoding: mixed, as: UTF8.self) == "あ\u{FFFD}A" && bad == 1)
        let jis = try #require(Iconv(from: "ISO-2022-JP"))
        #expect(String(decoding: "1b24423975442c1b2842".hexBytes.withByteView { jis.convert($0) }.utf8, as: UTF8.self) == "黒潮")
        #expect(Iconv(from: "NO-SUCH-CHARSET") == nil)
    }

    /// uchardet names Shift_JIS (read as CP932, its superset) from its bytes, and nothing for ASCII.
    @Test func uchardetNamesTheCharset() {
        let detector = Uchardet()
        #expect(Self.shiftJIS.withByteView { detector.detect($0) } == Charset.cp932)
        #expect(Array("plain ASCII text".utf8).withByteView { detector.detect($0) } == nil)
    }

    /// CLD2 names English and French prose, and gives up on digits.
    @Test func cld2NamesTheLanguage() {
        let english = CLD2.detect("The Kuroshio is a warm ocean current that flows north along the coast of Japan.")
        #expect(english.languages[0].code == "en" && english.languages[0].percent > 90 && english.scoredBytes > 40)
        #expect(CLD2.detect("Le Kuroshio est un courant océanique chaud qui longe les côtes du Japon vers le nord.").languages[0].code == "fr")
        #expect(CLD2.detect("1234 5678").languages[0].code == "un")
    }

    /// libsentencepiece loads a model and encodes with it; a file that is not a model is refused with its reason.
    @Test func sentencePieceLibraryEncodesAndRefuses() throws {
        let path = Fixtures.root.appendingPathComponent("Tests/KuroshioTests/Tokenize/Models/characters.model").path
        let library = try SentencePieceLibrary(path: path)
        let ids = try #require(library.encode("黒潮"))
        #expect(ids.count >= 2 && ids.allSatisfy { $0 >= 0 })
        #expect(library.encode("") == [])
        #expect(throws: TokenizerError.self) { try SentencePieceLibrary(path: Fixtures.sample) }
    }
}

extension String {
    /// The bytes a string of hexadecimal digits spells.
    var hexBytes: [UInt8] {
        var bytes: [UInt8] = []
        var index = startIndex
        while index < endIndex, let next = self.index(index, offsetBy: 2, limitedBy: endIndex) {
            bytes.append(UInt8(self[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }
}
