import Testing
@testable import Kuroshio

@Suite struct ByteViewTests {
    /// Indexing, slicing (from 0 again), little-endian words, searches and decoding read the bytes the view holds.
    @Test func readsWhatItHolds() {
        Array("<meta charset=utf-8> 黒潮 --> end".utf8).withByteView { view in
            #expect(view.count == 35 && view[0] == UInt8(ascii: "<") && view[34] == UInt8(ascii: "d"))
            let slice = view[1..<5]
            #expect(slice.count == 4 && slice[0] == UInt8(ascii: "m") && slice.string == "meta")
            #expect(view[21...].string == "黒潮 --> end" && view[..<5].string == "<meta")
            #expect(view.word(at: 1) == Array("meta cha".utf8).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
            #expect(view.firstIndex(of: UInt8(ascii: "=")) == 13 && view.firstIndex(of: UInt8(ascii: "=")) == view.firstIndex(of: "="))
            #expect(view.firstIndex(of: "-->") == 28 && view.firstIndex(of: "-->", from: 29) == nil && view.firstIndex(of: "") == nil)
            #expect(view.firstIndex(of: UInt8(ascii: "e"), from: 40) == nil && view.lastIndex(of: UInt8(ascii: "e")) == 32)
            #expect(view.starts(with: "<meta".utf8) && !view.starts(with: "<metal".utf8) && view[0..<0].isEmpty)
            #expect(view[1..<5].elementsEqual(view[1..<5]) && !view[1..<5].elementsEqual(view[2..<6]))
            #expect(view.firstIndex { $0 >= 0x80 } == 21 && Array(view[28..<31]) == Array("-->".utf8))
            #expect(view.endOfASCII(from: 0) == 21 && view.endOfASCII(from: 21) == 21 && view.endOfASCII(from: 27) == 35)
        }
    }

    /// The end of an ASCII run is found across whole words and the bytes after them.
    @Test func findsTheEndOfASCII() {
        for length in [0, 7, 8, 31, 32, 33, 70] {
            let bytes = Array(repeating: UInt8(ascii: "a"), count: length) + [0xE3, 0x81, 0x82] + Array("bc".utf8)
            bytes.withByteView { view in
                #expect(view.endOfASCII(from: 0) == length && view.endOfASCII(from: length + 3) == length + 5)
                #expect(view.endOfASCII(from: length + 5) == length + 5)
            }
        }
    }

    /// Reading past the bytes traps, in every build, instead of reading memory beyond them.
    @Test func accessesPastTheBytesTrap() async {
        await #expect(processExitsWith: .failure) { _ = [UInt8](repeating: 1, count: 8).withByteView { $0[8] } }
        await #expect(processExitsWith: .failure) { _ = [UInt8](repeating: 1, count: 8).withByteView { $0[-1] } }
        await #expect(processExitsWith: .failure) { _ = [UInt8](repeating: 1, count: 8).withByteView { $0[4..<9].count } }
        await #expect(processExitsWith: .failure) { _ = [UInt8](repeating: 1, count: 8).withByteView { $0.word(at: 1) } }
        await #expect(processExitsWith: .failure) { _ = [UInt8](repeating: 1, count: 8).withByteView { $0[2..<6][4] } }
        await #expect(processExitsWith: .failure) { _ = [UInt8](repeating: 1, count: 8).withByteView { $0.endOfASCII(from: 9) } }
    }
}
