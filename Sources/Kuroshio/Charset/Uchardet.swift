import CUchardet

/// uchardet, the statistical charset detector, over the leading bytes of a payload. One per thread.
final class Uchardet {
    /// How many leading bytes are given to the detector.
    static let sampleBytes = 64 << 10
    private let handle: uchardet_t

    init() { handle = uchardet_new() }
    deinit { uchardet_delete(handle) }

    /// The charset uchardet names for `bytes`, or nil when it names none (or only ASCII).
    func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Charset? {
        uchardet_reset(handle)
        let sample = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[0..<min(bytes.count, Self.sampleBytes)])
        guard let base = sample.baseAddress else { return nil }
        _ = uchardet_handle_data(handle, base.assumingMemoryBound(to: CChar.self), sample.count)
        uchardet_data_end(handle)
        guard let name = uchardet_get_charset(handle).map({ String(cString: $0) }), !name.isEmpty,
              name.uppercased() != "ASCII" else { return nil }
        return Charset(label: name)
    }
}
