/// SentencePiece's normaliser, as the model spec says: user-defined symbols kept as they are, the longest rule of the
/// precompiled character map (a Darts double-array trie) applied at each place, whitespace trimmed and collapsed, a
/// dummy prefix added and spaces escaped as U+2581.
struct SentencePieceNormalizer: Sendable {
    /// Double-array units, and the NUL-terminated strings that rule values point into.
    private let units: [UInt32]
    private let strings: [UInt8]
    private let userDefined: ByteTrie
    /// Bytes that start a user-defined symbol, and characters of the Basic Multilingual Plane that start no rule of
    /// the character map: the common case, copied without a walk.
    private let startsSymbol: [Bool]
    private let startsNoRule: [Bool]
    private let addDummyPrefix, removeExtraWhitespaces, escapeWhitespaces, treatWhitespaceAsSuffix: Bool

    /// The library records at most this many matches of a prefix, and picks the longest of those.
    private static let maxRuleMatches = 32, maxSymbolMatches = 64
    static let spaceSymbol: [UInt8] = [0xE2, 0x96, 0x81]

    init(_ model: SentencePieceModel, userDefined: ByteTrie) throws(Unsupported) {
        var units: [UInt32] = [], strings: [UInt8] = []
        if !model.charsmap.isEmpty {
            let blob = model.charsmap
            guard blob.count > 4 else { throw Unsupported("the precompiled character map is broken") }
            let trieSize = Int(blob[0]) | Int(blob[1]) << 8 | Int(blob[2]) << 16 | Int(blob[3]) << 24
            guard trieSize % 4 == 0, trieSize <= blob.count - 4 else { throw Unsupported("the precompiled character map is broken") }
            units = stride(from: 4, to: 4 + trieSize, by: 4).map {
                UInt32(blob[$0]) | UInt32(blob[$0 + 1]) << 8 | UInt32(blob[$0 + 2]) << 16 | UInt32(blob[$0 + 3]) << 24
            }
            strings = Array(blob[(4 + trieSize)...])
            // libsentencepiece walks the map without bounds checks: a map it would read past is refused here.
            if let flaw = Self.flaw(units: units, strings: strings) {
                throw Unsupported("the precompiled character map is broken: \(flaw)")
            }
            strings.append(0)
        }
        self.units = units
        self.strings = strings
        self.userDefined = userDefined
        var startsSymbol = [Bool](repeating: false, count: 256)
        for byte in 0...255 where userDefined.child(0, UInt8(byte)) != nil { startsSymbol[byte] = true }
        self.startsSymbol = startsSymbol
        let unitSpan = units.span
        startsNoRule = (0..<0x10000).map { value in
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return false }
            let text = String(scalar)
            return !Self.walks(unitSpan, text.utf8.span)
        }
        addDummyPrefix = model.addDummyPrefix
        removeExtraWhitespaces = model.removeExtraWhitespaces
        escapeWhitespaces = model.escapeWhitespaces
        treatWhitespaceAsSuffix = model.treatWhitespaceAsSuffix
    }

    /// Why a walk of the character map (Darts' common-prefix search, as the library does it) could read past it, or
    /// nil when none can: from every node reachable from the root, each of the 256 children it may be asked for lies
    /// inside the units, as does each leaf's value unit, and each value points at a NUL-terminated string inside
    /// `strings`.
    static func flaw(units: [UInt32], strings: [UInt8]) -> String? {
        guard !units.isEmpty else { return "no trie" }
        let lastNUL = strings.lastIndex(of: 0) ?? -1
        var visited = [Bool](repeating: false, count: units.count)
        var pending = [Int(offset(units[0]))]
        while let node = pending.popLast() {
            guard node | 0xFF < units.count else { return "a node's children lie past its \(units.count) units" }
            guard !visited[node] else { continue }
            visited[node] = true
            for byte in 0...255 {
                let unit = units[node ^ byte]
                guard unit & (1 << 31 | 0xFF) == UInt32(byte) else { continue }
                let next = node ^ byte ^ Int(offset(unit))
                if (unit >> 8) & 1 == 1 {
                    guard next < units.count else { return "a value lies past the units" }
                    let value = Int(units[next] & 0x7FFF_FFFF)
                    guard value <= lastNUL else { return "a rule's text is not inside the map, ended by a NUL" }
                }
                pending.append(next)
            }
        }
        return nil
    }

    /// Writes the normalised form of `input` (valid UTF-8) to `output`; false, with the output cut there, when it
    /// would pass `TokenizerBounds.normalizedBytes` (a map's rules may lengthen text).
    func normalize(_ input: Span<UInt8>, into output: inout [UInt8]) -> Bool {
        output.removeAll(keepingCapacity: true)
        let limit = TokenizerBounds.normalizedBytes(input.count)
        let units = units.span, strings = strings.span
        var i = 0
        if removeExtraWhitespaces {
            while i < input.count {
                let (range, isRule, consumed) = prefix(input, i, units, strings)
                let replacement = isRule ? strings.extracting(range) : input.extracting(range)
                guard replacement.count == 1 && replacement[0] == 0x20 else { break }
                i += consumed
            }
        }
        guard i < input.count else { return true }
        let space: [UInt8] = escapeWhitespaces ? Self.spaceSymbol : [0x20]
        if !treatWhitespaceAsSuffix && addDummyPrefix { output += space }
        var previousIsSpace = removeExtraWhitespaces
        while i < input.count {
            let (range, isRule, consumed) = prefix(input, i, units, strings)
            let replacement = isRule ? strings.extracting(range) : input.extracting(range)
            var k = 0
            if previousIsSpace { while k < replacement.count && replacement[k] == 0x20 { k += 1 } }
            if k < replacement.count {
                for j in k..<replacement.count {
                    let byte = replacement[j]
                    if byte == 0x20 && escapeWhitespaces { output += Self.spaceSymbol } else { output.append(byte) }
                }
                previousIsSpace = replacement[replacement.count - 1] == 0x20
            }
            i += consumed
            if !removeExtraWhitespaces { previousIsSpace = false }
            if output.count > limit { return false }
        }
        if removeExtraWhitespaces {
            while output.count >= space.count && output[(output.count - space.count)...].elementsEqual(space) {
                output.removeLast(space.count)
            }
        }
        if treatWhitespaceAsSuffix && addDummyPrefix { output += space }
        return true
    }

    /// What the text at `i` normalises to, as a range of the input or (`isRule`) of the rules' strings, and how many
    /// bytes that consumes: a user-defined symbol as it is, else the longest rule of the character map, else one
    /// character unchanged.
    @inline(__always)
    private func prefix(
        _ input: Span<UInt8>, _ i: Int, _ units: Span<UInt32>, _ strings: Span<UInt8>
    ) -> (range: Range<Int>, isRule: Bool, consumed: Int) {
        let rest = input.extracting(i...)
        let symbol = symbol(rest)
        let unchanged = (i..<i + symbol.length, false, symbol.length)
        if symbol.frozen { return unchanged }
        let scalar = rest.scalar(at: 0).scalar
        if scalar < 0x10000 && startsNoRule[Int(scalar)] { return unchanged }
        if let (length, value) = longestRule(rest, units), value < strings.count - 1 {
            var end = value
            while strings[end] != 0 { end += 1 }
            return (value..<end, true, length)
        }
        return unchanged
    }

    /// Calls `body` with where each word starts in normalised text: each U+2581 that does not follow another.
    @inline(__always)
    static func forEachWordStart(_ text: Span<UInt8>, _ body: (Int) -> Void) {
        var i = 0
        while i + 2 < text.count {
            if text[i] == 0xE2 && text[i + 1] == 0x96 && text[i + 2] == 0x81 {
                if i < 3 || !(text[i - 3] == 0xE2 && text[i - 2] == 0x96 && text[i - 1] == 0x81) { body(i) }
                i += 3
            } else {
                i += 1
            }
        }
    }

    /// Whether a word starts inside `text`, not at its beginning.
    static func hasInnerWordStart(_ text: Span<UInt8>) -> Bool {
        var found = false
        forEachWordStart(text) { if $0 > 0 { found = true } }
        return found
    }

    /// The symbol that starts `text`, as BPE cuts it: a user-defined symbol (frozen: it never merges), else one
    /// character.
    func symbol(_ text: Span<UInt8>) -> (length: Int, frozen: Bool) {
        if startsSymbol[Int(text[0])], let length = userDefined.longestPrefix(of: text, maxMatches: Self.maxSymbolMatches)?.length {
            return (length, true)
        }
        return (min(text.count, Self.characterLength(text[0])), false)
    }

    /// The longest of the first `maxRuleMatches` rules that start `text`: Darts' common-prefix search.
    @inline(__always)
    private func longestRule(_ text: Span<UInt8>, _ units: Span<UInt32>) -> (Int, Int)? {
        guard !units.isEmpty else { return nil }
        var found: (Int, Int)?
        var matches = 0
        var node = Int(Self.offset(units[0]))
        for i in text.indices {
            let byte = text[i]
            node ^= Int(byte)
            guard node < units.count else { break }
            let unit = units[node]
            guard unit & (1 << 31 | 0xFF) == UInt32(byte) else { break }
            node ^= Int(Self.offset(unit))
            if (unit >> 8) & 1 == 1 {
                guard node < units.count else { break }
                if matches < Self.maxRuleMatches { found = (i + 1, Int(units[node] & 0x7FFF_FFFF)) }
                matches += 1
            }
        }
        return found
    }

    /// Whether a rule of the character map starts with `text`, or with a part of it.
    private static func walks(_ units: Span<UInt32>, _ text: Span<UInt8>) -> Bool {
        guard !units.isEmpty else { return false }
        var node = Int(offset(units[0]))
        for i in text.indices {
            let byte = text[i]
            node ^= Int(byte)
            guard node < units.count else { return false }
            let unit = units[node]
            guard unit & (1 << 31 | 0xFF) == UInt32(byte) else { return false }
            if (unit >> 8) & 1 == 1 { return true }
            node ^= Int(offset(unit))
        }
        return true
    }

    @inline(__always) private static func offset(_ unit: UInt32) -> UInt32 { (unit >> 10) << ((unit & (1 << 9)) >> 6) }

    /// The byte length of the UTF-8 character a byte leads, as SentencePiece counts it (a stray continuation byte is 1).
    @inline(__always) static func characterLength(_ lead: UInt8) -> Int {
        switch lead >> 4 {
        case 0xC, 0xD: 2
        case 0xE: 3
        case 0xF: 4
        default: 1
        }
    }
}
