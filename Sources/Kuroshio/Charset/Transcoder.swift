/// Converts bytes in a given charset to UTF-8 with glibc's iconv. Invalid sequences become U+FFFD and are
/// counted. One transcoder per thread: it keeps its iconv descriptors open.
public final class Transcoder {
    private var converters: [String: Iconv?] = [:]

    public init() {}

    /// `bytes` decoded from `charset` into UTF-8, with the number of invalid sequences replaced. Of the charset's
    /// iconv variants, the first that decodes without replacement wins, or else the one that replaces least.
    func decode(_ bytes: ByteView, from charset: Charset) -> (utf8: [UInt8], replaced: Int) {
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

    /// `bytes` converted by the iconv converter named `name`, opened once and kept; nil when iconv lacks it.
    private func convert(_ bytes: ByteView, iconvName name: String) -> (utf8: [UInt8], replaced: Int)? {
        if converters[name] == nil { converters[name] = .some(Iconv(from: name)) }
        return converters[name]!.map { $0.convert(bytes) }
    }
}
