import CSentencePiece

/// A SentencePiece model (Unigram or BPE, with byte fallback and the model's own normaliser spec), through
/// libsentencepiece: the ids are the library's own.
public final class SentencePieceTokenizer: Tokenizer, @unchecked Sendable {
    // The model is immutable once loaded, and SentencePieceProcessor::Encode is const and thread-safe.
    private let model: OpaquePointer
    public let vocabularySize: Int

    public init(path: String) throws(TokenizerError) {
        var error = [CChar](repeating: 0, count: 512)
        guard let model = kuroshio_spm_load(path, &error, Int32(error.count)) else {
            throw TokenizerError(path: path, reason: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        self.model = model
        vocabularySize = Int(kuroshio_spm_size(model))
    }

    deinit { kuroshio_spm_free(model) }

    public var endOfDocument: Int32? {
        let id = kuroshio_spm_eos(model)
        return id >= 0 ? id : nil
    }

    public func encode(_ text: String) -> [Int32] {
        var text = text
        return text.withUTF8 { bytes -> [Int32] in
            var ids = [Int32](repeating: 0, count: max(16, bytes.count / 2))
            let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var count = ids.withUnsafeMutableBufferPointer { kuroshio_spm_encode(model, base, bytes.count, $0.baseAddress, $0.count) }
            if count > ids.count {
                ids = [Int32](repeating: 0, count: count)
                count = ids.withUnsafeMutableBufferPointer { kuroshio_spm_encode(model, base, bytes.count, $0.baseAddress, $0.count) }
            }
            return count < 0 ? [] : Array(ids.prefix(count))
        }
    }
}
