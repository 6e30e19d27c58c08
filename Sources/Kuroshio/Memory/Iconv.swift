#if canImport(Glibc)
import Glibc
#endif

/// One glibc iconv converter from a charset to UTF-8. Invalid sequences become U+FFFD, one byte at a time, and are
/// counted.
final class Iconv {
    private let descriptor: iconv_t

    /// The converter from `charset` (an iconv name), or nil when iconv has none.
    init?(from charset: String) {
        let descriptor = iconv_open("UTF-8", charset)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        self.descriptor = descriptor
    }

    deinit { iconv_close(descriptor) }

    /// `bytes` as UTF-8, with the number of invalid sequences replaced.
    func convert(_ bytes: ByteView) -> (utf8: [UInt8], replaced: Int) {
        _ = iconv(descriptor, nil, nil, nil, nil)
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 64)
        var written = 0
        var replaced = 0
        guard let base = bytes.base.baseAddress else { return ([], 0) }
        var input = UnsafeMutablePointer<CChar>(mutating: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self))
        var inputLeft = bytes.count
        while inputLeft > 0 {
            var status = 0
            var failure: Int32 = 0
            output.withUnsafeMutableBytes { out in
                var outPointer: UnsafeMutablePointer<CChar>? = out.baseAddress!.advanced(by: written)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = out.count - written
                var inPointer: UnsafeMutablePointer<CChar>? = input
                status = iconv(descriptor, &inPointer, &inputLeft, &outPointer, &outLeft)
                failure = errno
                input = inPointer!
                written = out.count - outLeft
            }
            guard status == -1 else { break }
            if failure == E2BIG {
                output.append(contentsOf: repeatElement(0, count: output.count))
                continue
            }
            // EILSEQ, or EINVAL for a sequence cut off at the end: replace one byte and go on.
            if output.count - written < 3 { output.append(contentsOf: repeatElement(0, count: 64)) }
            output[written] = 0xEF
            output[written + 1] = 0xBF
            output[written + 2] = 0xBD
            written += 3
            replaced += 1
            input += 1
            inputLeft -= 1
            if failure == EINVAL { break }
        }
        // Flush a stateful encoding's pending shift state.
        output.removeSubrange(written...)
        return (output, replaced)
    }
}
