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
    static func bytes(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var h = mix(seed ^ UInt64(bytes.count))
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            for j in i..<bytes.count { tail |= UInt64(bytes[j]) << UInt64(8 * (j - i)) }
            h = mix(h ^ tail ^ 0xFF)
        }
        return h
    }

    /// `bytes(_:seed:)` of a whole whose length is known, fed in pieces of any size.
    struct Stream {
        private var h: UInt64
        private var tail: UInt64 = 0
        private var tailBytes = 0

        init(length: Int, seed: UInt64 = 0) { h = Hash64.mix(seed ^ UInt64(length)) }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var i = 0
            while tailBytes > 0 && tailBytes < 8 && i < bytes.count {
                tail |= UInt64(bytes[i]) << UInt64(8 * tailBytes)
                tailBytes += 1
                i += 1
            }
            if tailBytes == 8 {
                h = Hash64.mix(h ^ tail)
                (tail, tailBytes) = (0, 0)
            }
            while i + 8 <= bytes.count {
                h = Hash64.mix(h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            while i < bytes.count {
                tail |= UInt64(bytes[i]) << UInt64(8 * tailBytes)
                tailBytes += 1
                i += 1
            }
        }

        func finish() -> UInt64 { tailBytes > 0 ? Hash64.mix(h ^ tail ^ 0xFF) : h }
    }

    static func string(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes(UnsafeRawBufferPointer($0), seed: seed) }
    }
}
