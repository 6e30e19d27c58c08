import CUchardet

/// uchardet, the statistical charset detector, over a sample of a payload. One per thread.
final class Uchardet {
    /// How many leading bytes are given to the detector to name a payload's charset.
    static let sampleBytes = 64 << 10
    /// How many bytes, from the first non-ASCII one, are given to it to check a declared charset.
    static let checkBytes = 4 << 10
    private let handle: uchardet_t

    init() { handle = uchardet_new() }
    deinit { uchardet_delete(handle) }

    /// The charset uchardet names for the leading bytes of `bytes`, or nil when it names none (or only ASCII).
    func detect(_ bytes: ByteView) -> Charset? {
        detect(sample: bytes[0..<min(bytes.count, Self.sampleBytes)].base)
    }

    /// The charset uchardet names for the non-ASCII part of `bytes`: a sample from the first byte that uchardet
    /// reads as non-ASCII (any high byte but NBSP). It is enough to tell whether a declared charset's bytes read as
    /// another encoding, and it skips the ASCII scripts and styles that open most pages.
    func detectFromNonASCII(_ bytes: ByteView) -> Charset? {
        let from = bytes.firstIndex { $0 >= 0x80 && $0 != 0xA0 } ?? 0
        return detect(sample: bytes[from..<min(bytes.count, from + Self.checkBytes)].base)
    }

    private func detect(sample: UnsafeBufferPointer<UInt8>) -> Charset? {
        uchardet_reset(handle)
        guard let base = sample.baseAddress else { return nil }
        _ = UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: sample.count) {
            uchardet_handle_data(handle, $0, sample.count)
        }
        uchardet_data_end(handle)
        guard let name = uchardet_get_charset(handle).map({ String(cString: $0) }), !name.isEmpty,
              name.uppercased() != "ASCII" else { return nil }
        return Charset(label: name)
    }
}
