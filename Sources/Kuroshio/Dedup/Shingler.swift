/// Cuts normalised text into overlapping n-grams and hashes each: characters for Japanese and Chinese (no word
/// spaces to split on), words for English and code. Each n-gram hash is a rolling (cyclic polynomial) hash over the
/// hashes of its units, so a document is hashed in one pass whatever `n` is.
public struct Shingler: Sendable, Equatable {
    public enum Unit: String, Sendable, Equatable {
        /// Unicode scalars, whitespace skipped, ASCII letters lowered.
        case characters
        /// Runs of non-space scalars, ASCII letters lowered.
        case words
        /// Characters when CJK scripts make up at least 30% of the non-space scalars, words otherwise.
        case auto
    }

    public var unit: Unit
    /// n for character n-grams (default 5, as Swallow's Doubri and HojiChar use).
    public var characterN: Int
    /// n for word n-grams (default 5).
    public var wordN: Int

    public init(unit: Unit = .auto, characterN: Int = 5, wordN: Int = 5) {
        self.unit = unit
        self.characterN = max(1, characterN)
        self.wordN = max(1, wordN)
    }

    /// The n-gram hashes of `normalized`, appended to `hashes` (cleared first). A text shorter than n units yields
    /// one shingle of all its units; an empty text yields none.
    public func shingles(_ normalized: String, into hashes: inout [UInt64]) {
        hashes.removeAll(keepingCapacity: true)
        var units: [UInt64] = []
        units.reserveCapacity(normalized.utf8.count)
        let useCharacters: Bool
        switch unit {
        case .characters: useCharacters = true
        case .words: useCharacters = false
        case .auto: useCharacters = Self.isMostlyCJK(normalized)
        }
        if useCharacters {
            for scalar in normalized.unicodeScalars where scalar != " " {
                units.append(Hash64.mix(UInt64(Self.lowered(scalar.value))))
            }
        } else {
            var word: UInt64 = 0xCBF2_9CE4_8422_2325
            var inWord = false
            for scalar in normalized.unicodeScalars {
                if scalar == " " {
                    if inWord { units.append(Hash64.mix(word)) }
                    word = 0xCBF2_9CE4_8422_2325
                    inWord = false
                } else {
                    word = (word ^ UInt64(Self.lowered(scalar.value))) &* 0x0000_0100_0000_01B3
                    inWord = true
                }
            }
            if inWord { units.append(Hash64.mix(word)) }
        }
        let n = useCharacters ? characterN : wordN
        guard !units.isEmpty else { return }
        let window = min(n, units.count)
        // h = rotl(h, 1) ^ unit; leaving the window removes rotl(unit, window).
        var h: UInt64 = 0
        for i in 0..<units.count {
            h = (h << 1 | h >> 63) ^ units[i]
            if i >= window {
                let old = units[i - window]
                let shift = UInt64(window & 63)
                h ^= shift == 0 ? old : (old << shift | old >> (64 - shift))
            }
            if i >= window - 1 { hashes.append(Hash64.mix(h ^ UInt64(window))) }
        }
    }

    @inline(__always)
    static func lowered(_ value: UInt32) -> UInt32 { value &- 0x41 < 26 ? value | 0x20 : value }

    /// True when CJK scalars (Han, kana, Hangul, CJK punctuation) make up at least 30% of the non-space scalars.
    static func isMostlyCJK(_ text: String) -> Bool {
        var cjk = 0, all = 0
        for scalar in text.unicodeScalars where scalar != " " {
            all += 1
            let v = scalar.value
            if (0x3000...0x9FFF).contains(v) || (0xAC00...0xD7AF).contains(v) || (0xF900...0xFAFF).contains(v)
                || (0xFF66...0xFF9F).contains(v) || (0x20000...0x3FFFF).contains(v) { cjk += 1 }
        }
        return all > 0 && cjk * 10 >= all * 3
    }
}
