/// Cuts normalised text into overlapping n-grams and hashes each: characters for Japanese and Chinese (no word
/// spaces to split on), words for English and code. Each n-gram hash is a rolling (cyclic polynomial) hash over the
/// hashes of its units, so a document is hashed in one pass whatever `n` is.
public struct Shingler: Sendable, Equatable {
    public enum Token: String, Sendable, Equatable {
        /// Unicode scalars, whitespace skipped, ASCII letters lowered.
        case characters
        /// Runs of non-space scalars, ASCII letters lowered.
        case words
        /// Characters when CJK scripts make up at least 30% of the non-space scalars, words otherwise.
        case auto
    }

    public var unit: Token
    /// n for character n-grams (default 5, as Swallow's Doubri and HojiChar use).
    public var characterN: Int
    /// n for word n-grams (default 5).
    public var wordN: Int

    public init(unit: Token = .auto, characterN: Int = 5, wordN: Int = 5) {
        self.unit = unit
        self.characterN = max(1, characterN)
        self.wordN = max(1, wordN)
    }

    /// The n-gram hashes of `normalized` (UTF-8 from `TextNormalizer`), written over `hashes`. A text shorter than
    /// n units yields one shingle of all its units; an empty text yields none.
    public func shingles(_ normalized: [UInt8], into hashes: inout [UInt64]) {
        hashes.removeAll(keepingCapacity: true)
        // One pass collects both kinds of unit; `auto` then picks by the share of CJK scalars.
        var characters: [UInt64] = [], words: [UInt64] = []
        characters.reserveCapacity(normalized.count)
        var word: UInt64 = Self.wordSeed
        var inWord = false
        var cjk = 0
        normalized.withByteView { bytes in
            var i = 0
            while i < bytes.count {
                let (value, length) = Self.decode(bytes, at: i)
                i += length
                if value == 0x20 {
                    if inWord { words.append(Hash64.mix(word)) }
                    word = Self.wordSeed
                    inWord = false
                    continue
                }
                let lowered = Self.lowered(value)
                characters.append(Hash64.mix(UInt64(lowered)))
                word = (word ^ UInt64(lowered)) &* 0x0000_0100_0000_01B3
                inWord = true
                if Self.isCJK(value) { cjk += 1 }
            }
        }
        if inWord { words.append(Hash64.mix(word)) }
        let useCharacters = switch unit {
        case .characters: true
        case .words: false
        case .auto: cjk * 10 >= characters.count * 3 && cjk > 0
        }
        let units = useCharacters ? characters : words
        guard !units.isEmpty else { return }
        let window = min(useCharacters ? characterN : wordN, units.count)
        hashes.reserveCapacity(units.count)
        // h = rotl(h, 1) ^ unit; a unit leaving the window is removed as rotl(unit, window).
        var h: UInt64 = 0
        let shift = UInt64(window & 63)
        for i in 0..<units.count {
            h = (h << 1 | h >> 63) ^ units[i]
            if i >= window {
                let old = units[i - window]
                h ^= shift == 0 ? old : (old << shift | old >> (64 - shift))
            }
            if i >= window - 1 { hashes.append(Hash64.mix(h ^ UInt64(window))) }
        }
    }

    static let wordSeed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The scalar at `i` of valid UTF-8 and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: ByteView, at i: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0, i + 1 < bytes.count { return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if lead < 0xF0, i + 2 < bytes.count {
            return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        if i + 3 < bytes.count {
            return ((lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, bytes.count - i)
    }

    /// Han, kana, Hangul, CJK punctuation and half-width kana.
    @inline(__always)
    static func isCJK(_ v: UInt32) -> Bool {
        (0x3000...0x9FFF).contains(v) || (0xAC00...0xD7AF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFF66...0xFF9F).contains(v) || (0x20000...0x3FFFF).contains(v)
    }

    @inline(__always)
    static func lowered(_ value: UInt32) -> UInt32 { value &- 0x41 < 26 ? value | 0x20 : value }
}

