/// Fixed-width little-endian integers in files: how the dedup passes hand off keys, signatures and edges. (`Memory/`
/// holds the small, checked types that touch memory through pointers: views, file I/O and the C bindings.)
enum BinaryFile {
    /// The bytes of `values` as they lie in memory (little-endian on every platform Kuroshio builds for).
    static func bytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        values.withUnsafeBytes { Array($0) }
    }

    /// `bytes` read as values of `T`; a trailing partial value is ignored.
    static func values<T: FixedWidthInteger>(_ bytes: [UInt8], as type: T.Type = T.self) -> [T] {
        let count = bytes.count / MemoryLayout<T>.size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                for i in 0..<count { buffer[i] = raw.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self) }
            }
            initialized = count
        }
    }

    static func write<T: FixedWidthInteger>(_ values: [T], to path: String) throws(OutputError) {
        try FileSystem.writeAtomically(bytes(values), to: path)
    }

    /// The values of a whole file, or nil when it cannot be read.
    static func read<T: FixedWidthInteger>(_ path: String, as type: T.Type = T.self) -> [T]? {
        FileSystem.read(path).map { values($0) }
    }
}
