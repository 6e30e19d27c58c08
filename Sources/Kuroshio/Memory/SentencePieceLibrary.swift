import CSentencePiece

/// A model loaded by libsentencepiece, for the word and character models that Kuroshio does not encode itself.
/// Encoding from several threads at once is safe.
final class SentencePieceLibrary: @unchecked Sendable {
    private let model: OpaquePointer

    /// The model in the `.model` file at `path`; throws the library's reason when it cannot load it.
    init(path: String) throws(TokenizerError) {
        var error = [CChar](repeating: 0, count: 512)
        guard let model = kuroshio_spm_load(path, &error, Int32(error.count)) else {
            throw TokenizerError(path: path, reason: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        self.model = model
    }

    deinit { kuroshio_spm_free(model) }

    /// The ids of `text`, or nil when the library reports an error or an id that is not one of the model's.
    func encode(_ text: String) -> [Int32]? {
        var text = text
        return text.withUTF8 { bytes -> [Int32]? in
            var ids = [Int32](repeating: 0, count: max(16, bytes.count / 2))
            let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var count = ids.withUnsafeMutableBufferPointer { kuroshio_spm_encode(model, base, bytes.count, $0.baseAddress, $0.count) }
            if count > ids.count {
                ids = [Int32](repeating: 0, count: count)
                count = ids.withUnsafeMutableBufferPointer { kuroshio_spm_encode(model, base, bytes.count, $0.baseAddress, $0.count) }
            }
            guard count >= 0, count <= ids.count else { return nil }
            let result = Array(ids.prefix(count))
            return result.contains { $0 < 0 } ? nil : result
        }
    }
}
