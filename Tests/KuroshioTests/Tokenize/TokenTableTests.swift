import Testing
@testable import Kuroshio

@Suite struct TokenTableTests {
    static let keys = ["a", "ab", "abc", "abcd", "abcdefgh", "abcdefghi", "abcdefghX", "long token of many bytes",
                       "long token of many bytez", "黒潮", "ab"]
    static let entries = keys.enumerated().map { (Array($0.element.utf8), Int32($0.offset)) }

    @Test func looksUpExactByteStringsAndTheFirstIdForEach() {
        let table = TokenTable(Self.entries)
        #expect(table["a"] == 0 && table["ab"] == 1 && table["abc"] == 2 && table["abcd"] == 3)
        #expect(table["abcdefgh"] == 4 && table["abcdefghi"] == 5 && table["abcdefghX"] == 6)
        #expect(table["long token of many bytes"] == 7 && table["long token of many bytez"] == 8 && table["黒潮"] == 9)
        #expect(table["b"] == nil && table["abcdefg"] == nil && table["abcdefghY"] == nil && table[""] == nil)
        #expect(table["long token of many byte"] == nil && table["long token of many bytesX"] == nil)
        #expect(table.largestID == 9)
    }

    @Test func aThousandKeysOfEveryLengthAreAllFound() {
        let keys = (0..<1000).map { n in Array("k\(n)-".utf8) + [UInt8](repeating: UInt8(n % 251), count: n % 40) }
        let table = TokenTable(keys.enumerated().map { ($0.element, Int32($0.offset)) })
        for (id, key) in keys.enumerated() { #expect(table[key] == Int32(id)) }
        #expect(table[Array("k1000-".utf8)] == nil)
    }

    @Test func theMemoGivesTheTablesAnswers() {
        let table = TokenTable(Self.entries)
        var memo = TokenTable.Memo()
        for _ in 0..<2 {
            for key in ["a", "ab", "zz", "abcdefghi", "abcdefghY", "long token of many bytes", "黒潮", "黒"] {
                let bytes = Array(key.utf8)
                #expect(memo.lookup(bytes.span, in: table) == table[bytes], "\(key)")
            }
        }
    }
}

@Suite struct IntegerMapTests {
    @Test func keepsTheFirstValueAndGrows() {
        var map = IntegerMap()
        for key in 0..<5000 { map.insertIfAbsent(UInt64(key) &* 0x1_0000_0001, Int32(key)) }
        #expect(map.insertIfAbsent(7 &* 0x1_0000_0001, 99) == 7)
        #expect(map.count == 5000)
        #expect(map[4999 &* 0x1_0000_0001] == 4999 && map[0] == 0 && map[5000 &* 0x1_0000_0001] == nil)
    }
}
