/// Gzip compression of whole buffers.
public enum Gzip {
    /// `bytes` as one gzip member (no file name, zero modification time, so the output is reproducible).
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] { Compression.gzip(bytes, level: level) }

    /// Gzip data inflated (every member, as one stream), or nil when it is not valid gzip.
    public static func decompress(_ bytes: [UInt8], maxBytes: Int = 1 << 30) -> [UInt8]? {
        guard bytes.starts(with: [0x1f, 0x8b]) else { return nil }
        return Compression.inflate(bytes, windowBits: 15 + 16, maxBytes: maxBytes, concatenated: true)
    }
}
