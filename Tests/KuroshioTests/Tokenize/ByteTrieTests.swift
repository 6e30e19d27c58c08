import Testing
@testable import Kuroshio

@Suite struct ByteTrieTests {
    static let keys: [(String, Int32)] = [("to", 1), ("tea", 2), ("ted", 3), ("ten", 4), ("i", 5), ("in", 6), ("inn", 7), ("to", 8)]
    static let trie = ByteTrie(keys.map { (Array($0.0.utf8), $0.1) } + [([0, 255], 9)])

    func walk(_ text: String) -> [Int32] {
        var node: Int32 = 0, values: [Int32] = []
        for byte in text.utf8 {
            guard let next = Self.trie.child(node, byte) else { break }
            node = next
            values.append(Self.trie.value(node))
        }
        return values
    }

    @Test func walksKeysByteByByte() {
        #expect(walk("tea") == [-1, -1, 2])
        #expect(walk("tent") == [-1, -1, 4])
        #expect(walk("inn") == [5, 6, 7])
        #expect(walk("to") == [-1, 1])
        #expect(walk("x") == [])
        #expect(Self.trie.child(0, 0).flatMap { Self.trie.child($0, 255) }.map(Self.trie.value) == 9)
    }

    @Test func findsTheLongestPrefixAmongTheFirstMatches() {
        func longest(_ text: String, _ limit: Int = .max) -> Int? {
            Self.trie.longestPrefix(of: text.utf8.span, maxMatches: limit)?.length
        }
        #expect(longest("innate") == 3)
        #expect(longest("innate", 2) == 2)
        #expect(longest("te") == nil)
        #expect(ByteTrie([]).isEmpty && !Self.trie.isEmpty)
    }

    @Test func holdsAThousandRandomKeys() {
        var generator = SystemRandomNumberGenerator()
        var keys: [[UInt8]] = []
        for _ in 0..<1000 { keys.append((0..<Int.random(in: 1...12, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }) }
        let trie = ByteTrie(keys.enumerated().map { ($0.element, Int32($0.offset)) })
        for (id, key) in keys.enumerated() {
            let found = trie.longestPrefix(of: key.span)?.length
            #expect(found == key.count)
            var node: Int32 = 0
            for byte in key { node = trie.child(node, byte)! }
            // A key given twice keeps its first value.
            #expect(trie.value(node) == Int32(keys.firstIndex(of: key)!), "\(id)")
        }
    }
}
