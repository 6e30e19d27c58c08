import CZlib

/// Gzip compression of whole buffers.
public enum Gzip {
    /// `bytes` as one gzip member (no file name, zero modification time, so the output is reproducible).
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard kuroshio_deflateInit2(&stream, level, 15 + 16) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        var status = Z_OK
        bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                status = deflate(&stream, Z_FINISH)
            }
        }
        precondition(status == Z_STREAM_END, "deflateBound leaves room for the whole stream")
        return Array(output[0..<Int(stream.total_out)])
    }

    /// Gzip data inflated (every member, as one stream), or nil when it is not valid gzip.
    public static func decompress(_ bytes: [UInt8], maxBytes: Int = 1 << 30) -> [UInt8]? {
        guard bytes.starts(with: [0x1f, 0x8b]),
              case .decoded(let plain) = ContentDecoding.inflate(bytes, windowBits: 15 + 16, maxBytes: maxBytes,
                                                                 concatenated: true)
        else { return nil }
        return plain
    }
}
