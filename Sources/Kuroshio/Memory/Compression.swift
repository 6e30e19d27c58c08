import CDeflate
import CLZ4
import CZlib

/// The compression libraries (zlib, libdeflate, LZ4), called on whole arrays: each call is given its buffers' own
/// addresses and sizes, and output never grows past the cap the caller names.
enum Compression {
    /// `bytes` as one gzip member by zlib (no file name, zero modification time, so the output is reproducible).
    static func gzip(_ bytes: [UInt8], level: Int32) -> [UInt8] {
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

    /// `input` inflated by zlib with `windowBits` (15 + 16: gzip; 15: zlib; -15: raw deflate). A stream that ends
    /// early gives what decoded; nil when nothing decoded, or when the output would pass `maxBytes` (a decompression
    /// bomb is refused, not cut silently). With `concatenated`, gzip members that follow the first are inflated too,
    /// as one stream (as `zcat` reads them).
    static func inflate(_ input: [UInt8], windowBits: Int32, maxBytes: Int, concatenated: Bool = false) -> [UInt8]? {
        var stream = z_stream()
        guard kuroshio_inflateInit2(&stream, windowBits) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: min(maxBytes, max(4096, input.count * 4)))
        var produced = 0
        var status = Z_OK
        input.withUnsafeBufferPointer { inBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = UInt32(inBuffer.count)
            while status == Z_OK && produced < maxBytes {
                if produced == output.count {
                    output.append(contentsOf: repeatElement(0, count: min(output.count, maxBytes - output.count)))
                }
                output.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress! + produced
                    stream.avail_out = UInt32(out.count - produced)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    produced = out.count - Int(stream.avail_out)
                }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
                let left = Int(stream.avail_in)
                if status == Z_STREAM_END && concatenated && left >= 2 && inBuffer[inBuffer.count - left] == 0x1f
                    && inBuffer[inBuffer.count - left + 1] == 0x8b {
                    inflateReset(&stream)
                    status = Z_OK
                }
            }
        }
        if status == Z_OK && produced >= maxBytes { return nil }
        return produced > 0 || status == Z_STREAM_END ? Array(output[0..<produced]) : nil
    }

    /// The size of the UTF-8 of `text` compressed by zlib at level 6, or by LZ4; nil for an empty text or one
    /// too large for the libraries' 32-bit sizes.
    static func compressedSize(_ text: String, lz4: Bool) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else { return nil }
            if lz4 {
                var output = [CChar](repeating: 0, count: Int(LZ4_compressBound(Int32(bytes.count))))
                let size = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    LZ4_compress_default($0, &output, Int32(bytes.count), Int32(output.count))
                }
                return size > 0 ? Int(size) : nil
            }
            var size = compressBound(UInt(bytes.count))
            var output = [UInt8](repeating: 0, count: Int(size))
            return compress2(&output, &size, base, UInt(bytes.count), 6) == Z_OK ? Int(size) : nil
        }
    }

    /// A libdeflate compressor that makes gzip members, reused from member to member.
    final class GzipMembers {
        private let compressor: OpaquePointer
        private var output: [UInt8] = []

        init(level: Int32) {
            guard let compressor = libdeflate_alloc_compressor(level) else {
                preconditionFailure("libdeflate could not allocate a compressor")
            }
            self.compressor = compressor
        }

        deinit { libdeflate_free_compressor(compressor) }

        /// `bytes` as one gzip member: the first `count` bytes of the returned buffer (valid until the next call).
        func member(_ bytes: [UInt8]) -> (buffer: [UInt8], count: Int) {
            let bound = libdeflate_gzip_compress_bound(compressor, bytes.count)
            if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
            let written = bytes.withUnsafeBytes { input in
                output.withUnsafeMutableBytes { out in
                    libdeflate_gzip_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
                }
            }
            precondition(written > 0, "libdeflate's bound leaves room for the whole member")
            return (output, written)
        }
    }
}
