/// 64-bit hashing for dedup keys and shingles: a multiply–xorshift finaliser over 8-byte words. Not cryptographic;
/// fast, well mixed, and the same on every machine, so keys written by one task are read by another.
enum Hash64 {
    /// Mixes all 64 bits of `x` into every bit of the result (a bijection).
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The hash of `bytes`, read as little-endian 8-byte words; the length is mixed in, so prefixes differ.
    @inline(__always)
    static func bytes(_ bytes: Span<UInt8>, seed: UInt64 = 0) -> UInt64 {
        var h = mix(seed ^ UInt64(bytes.count))
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(h ^ bytes.word(at: i))
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            for j in i..<bytes.count { tail |= UInt64(bytes[j]) << UInt64(8 * (j - i)) }
            h = mix(h ^ tail ^ 0xFF)
        }
        return h
    }

    /// A hash of long runs of bytes (whole lines and files, to tell that they did not change) at memory speed: four
    /// lanes take 8-byte words in turn, each a multiply and a rotation, independent of one another; the lanes, the
    /// length and the tail are mixed at the end. Fed in pieces of any size, it gives the hash of the whole.
    struct Bulk {
        private var lanes: (UInt64, UInt64, UInt64, UInt64)
        private var length = 0
        /// Bytes of an unfinished 32-byte block, kept little-endian in four words.
        private var block: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var blockBytes = 0

        init(seed: UInt64 = 0) {
            let base = Hash64.mix(seed)
            lanes = (base, base ^ 0x9E37_79B9_7F4A_7C15, base ^ 0xBF58_476D_1CE4_E5B9, base ^ 0x94D0_49BB_1331_11EB)
        }

        @inline(__always) private static func step(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let x = (lane ^ word) &* 0x9E37_79B9_7F4A_7C15
            return x << 29 | x >> 35
        }

        mutating func add(_ bytes: ByteView) {
            length += bytes.count
            var i = 0
            while blockBytes > 0 && i < bytes.count {
                take(bytes[i])
                i += 1
            }
            while i + 32 <= bytes.count {
                lanes.0 = Self.step(lanes.0, bytes.word(at: i))
                lanes.1 = Self.step(lanes.1, bytes.word(at: i + 8))
                lanes.2 = Self.step(lanes.2, bytes.word(at: i + 16))
                lanes.3 = Self.step(lanes.3, bytes.word(at: i + 24))
                i += 32
            }
            while i < bytes.count {
                take(bytes[i])
                i += 1
            }
        }

        /// One byte into the unfinished block; a full block goes into the lanes.
        @inline(__always) private mutating func take(_ byte: UInt8) {
            let shift = UInt64(8 * (blockBytes & 7))
            switch blockBytes >> 3 {
            case 0: block.0 |= UInt64(byte) << shift
            case 1: block.1 |= UInt64(byte) << shift
            case 2: block.2 |= UInt64(byte) << shift
            default: block.3 |= UInt64(byte) << shift
            }
            blockBytes += 1
            if blockBytes == 32 {
                lanes = (Self.step(lanes.0, block.0), Self.step(lanes.1, block.1), Self.step(lanes.2, block.2),
                         Self.step(lanes.3, block.3))
                (block, blockBytes) = ((0, 0, 0, 0), 0)
            }
        }

        func finish() -> UInt64 {
            let h = Hash64.mix(Hash64.mix(Hash64.mix(Hash64.mix(UInt64(length) ^ lanes.0) ^ lanes.1) ^ lanes.2) ^ lanes.3)
            return Hash64.mix(Hash64.mix(Hash64.mix(Hash64.mix(h ^ block.0) ^ block.1) ^ block.2) ^ block.3)
        }

        static func hash(_ bytes: ByteView, seed: UInt64 = 0) -> UInt64 {
            var hasher = Bulk(seed: seed)
            hasher.add(bytes)
            return hasher.finish()
        }
    }

    static func string(_ text: String, seed: UInt64 = 0) -> UInt64 { bytes(text.utf8.span, seed: seed) }
}
