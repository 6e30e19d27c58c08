#if canImport(Glibc)
import Glibc
#endif

/// Converts bytes in a given charset to UTF-8 with glibc's iconv. Invalid sequences become U+FFFD and are
/// counted. One transcoder per thread: it keeps its iconv descriptors open.
public final class Transcoder {
    private var descriptors: [String: iconv_t] = [:]

    public init() {}

    deinit {
        for descriptor in descriptors.values { iconv_close(descriptor) }
    }

    /// `bytes` decoded from `charset` into UTF-8, with the number of invalid sequences replaced. Of the charset's
    /// iconv variants, the first that decodes without replacement wins, or else the one that replaces least.
    public func decode(_ bytes: ByteView, from charset: Charset) -> (utf8: [UInt8], replaced: Int) {
        if charset == .utf8 { return UTF8Check.repair(bytes) }
        var best: (utf8: [UInt8], replaced: Int)?
        for name in charset.iconvNames {
            guard let result = convert(bytes, iconvName: name) else { continue }
            if best == nil || result.replaced < best!.replaced { best = result }
            if result.replaced == 0 { break }
        }
        // An encoding iconv lacks: keep the bytes as UTF-8 with replacement rather than drop them.
        return best ?? UTF8Check.repair(bytes)
    }

    public func decode(_ bytes: [UInt8], from charset: Charset) -> (utf8: [UInt8], replaced: Int) {
        bytes.withByteView { decode($0, from: charset) }
    }

    private func descriptor(_ name: String) -> iconv_t? {
        if let cached = descriptors[name] { return cached }
        let descriptor = iconv_open("UTF-8", name)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        descriptors[name] = descriptor
        return descriptor
    }

    private func convert(_ bytes: ByteView, iconvName: String) -> (utf8: [UInt8], replaced: Int)? {
        guard let cd = descriptor(iconvName) else { return nil }
        _ = iconv(cd, nil, nil, nil, nil)
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
                status = iconv(cd, &inPointer, &inputLeft, &outPointer, &outLeft)
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
