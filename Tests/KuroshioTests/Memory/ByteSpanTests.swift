import Testing
@testable import Kuroshio

@Suite struct ByteSpanTests {
    /// Words load little-endian from any offset; comparison, decoding and copies see exactly the bytes spanned.
    @Test func readsWhatItSpans() {
        let bytes = Array("黒潮 kuroshio".utf8)
        let span = bytes.span
        #expect(span.word(at: 0) == 0x6B_20_AE_BD_E6_92_BB_E9 && span.word(at: 7) == 0x6F_69_68_73_6F_72_75_6B)
        #expect(span.halfWord(at: 11) == 0x6F_69_68_73 && span.extracting(3..<7).halfWord(at: 0) == 0x20_AE_BD_E6)
        let kuroshio = Array("kuroshio".utf8)
        let equal = span.extracting(7...).elementsEqual(kuroshio.span), shorter = span.extracting(7..<14).elementsEqual(kuroshio.span)
        let empty = span.extracting(0..<0).elementsEqual([UInt8]().span)
        #expect(equal && !shorter && empty)
        #expect(span.string(0..<6) == "黒潮" && span.string(1..<3) == "\u{FFFD}\u{FFFD}")
        let abc = Array("abc".utf8), abd = Array("abd".utf8), ab = Array("ab".utf8)
        let orders = [abc.span.compare(abd.span), abd.span.compare(abc.span), abc.span.compare(abc.span), ab.span.compare(abc.span),
                      abc.span.compare(ab.span), [UInt8]().span.compare(ab.span)].map { $0.signum() }
        #expect(orders == [-1, 1, 0, -1, 1, -1])
        var copy: [UInt8] = [0x21]
        copy.append(span.extracting(7..<11))
        #expect(copy == Array("!kuro".utf8))
    }

    /// Loads and ranges past the bytes trap, in every build, instead of reading memory beyond them.
    @Test func accessesPastTheBytesTrap() async {
        await #expect(processExitsWith: .failure) { _ = [UInt8](repeating: 1, count: 8).span.word(at: 1) }
        await #expect(processExitsWith: .failure) { _ = [UInt8](repeating: 1, count: 8).span.halfWord(at: 5) }
        await #expect(processExitsWith: .failure) { _ = [UInt8](repeating: 1, count: 8).span.word(at: -1) }
        await #expect(processExitsWith: .failure) { _ = [UInt8](repeating: 1, count: 8).span.string(4..<9) }
        await #expect(processExitsWith: .failure) { _ = [UInt8](repeating: 1, count: 8).span.extracting(2..<6)[4] }
    }
}
