/// Megatron-LM's indexed dataset: `PREFIX.bin` holds every document's token ids one after another (uint16 for a
/// vocabulary under 65,500, else int32), and `PREFIX.idx` the index: `MMIDIDX\0\0`, version 1, the dtype code, the
/// numbers of sequences and of document indices, then each sequence's length (int32) and byte offset (int64), and the
/// document indices (int64, 0…n: one sequence a document). Both are written under temporary names until `commit`.
final class MegatronWriter {
    let prefix: String
    let wide: Bool
    private let bin: AtomicFile
    private var lengths: [Int32] = []
    private var pointers: [Int64] = []
    private var offset: Int64 = 0

    init(prefix: String, vocabularySize: Int) throws(OutputError) {
        self.prefix = prefix
        wide = vocabularySize >= 65_500
        bin = try AtomicFile(path: "\(prefix).bin")
    }

    /// Appends one document's ids; an id that does not fit the dtype (negative, or past uint16 in a narrow file) is
    /// refused, never wrapped.
    func append(_ ids: [Int32]) throws(OutputError) {
        if let bad = ids.first(where: { $0 < 0 || (!wide && $0 > Int32(UInt16.max)) }) {
            throw OutputError(path: "\(prefix).bin", reason: "id \(bad) does not fit its \(wide ? "int32" : "uint16") dtype")
        }
        let bytes = wide ? BinaryFile.bytes(ids) : BinaryFile.bytes(ids.map { UInt16(truncatingIfNeeded: $0) })
        try bin.write(bytes)
        lengths.append(Int32(ids.count))
        pointers.append(offset)
        offset += Int64(bytes.count)
    }

    func commit() throws(OutputError) {
        try bin.commit()
        var index = Array("MMIDIDX\0\0".utf8)
        index += BinaryFile.bytes([UInt64(1)])
        index.append(wide ? 4 : 8)
        index += BinaryFile.bytes([UInt64(lengths.count), UInt64(lengths.count + 1)])
        index += BinaryFile.bytes(lengths)
        index += BinaryFile.bytes(pointers)
        index += BinaryFile.bytes((0...Int64(lengths.count)).map { $0 })
        try FileSystem.writeAtomically(index, to: "\(prefix).idx")
    }
}
