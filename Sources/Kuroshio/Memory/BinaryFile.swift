#if canImport(Glibc)
import Glibc
#endif

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

/// Little-endian floats of a file, mapped read-only rather than read: pages come from the page cache as rows are
/// touched, and every process reading the file shares them (a fastText model's matrices, hundreds of megabytes of
/// which a run reads a part). Each row read is checked against the mapping in every build.
final class MappedFloats: @unchecked Sendable {
    // Immutable after init: read concurrently.
    private let mapping: UnsafeMutableRawPointer?
    private let mappedBytes: Int
    private let offset: Int
    let count: Int

    /// The `count` floats at byte `offset` of the file open as `fd`, or nil when they cannot be mapped.
    init?(fd: Int32, offset: Int, count: Int) {
        guard count > 0 else {
            (mapping, mappedBytes, self.offset, self.count) = (nil, 0, 0, 0)
            return
        }
        let bytes = offset + count * 4
        guard let pointer = mmap(nil, bytes, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else { return nil }
        // Rows are read in no order: reading ahead would fetch pages no row needs.
        _ = madvise(pointer, bytes, MADV_RANDOM)
        (mapping, mappedBytes, self.offset, self.count) = (pointer, bytes, offset, count)
    }

    deinit { if let mapping { munmap(mapping, mappedBytes) } }

    /// The floats of row `row` of `columns`, checked to lie within the mapping.
    @inline(__always) private func row(_ row: Int, _ columns: Int) -> UnsafeRawPointer {
        precondition(row >= 0 && columns > 0 && row < count / columns, "MappedFloats: row \(row) out of range")
        return UnsafeRawPointer(mapping!) + offset + row * columns * 4
    }

    /// Adds row `row` (of `columns` floats) times `scale` to `vector`, which must have `columns` elements.
    func addRow(_ row: Int, columns: Int, scale: Float, to vector: inout [Float]) {
        let source = self.row(row, columns)
        precondition(vector.count == columns, "MappedFloats: a vector of \(vector.count) for rows of \(columns)")
        vector.withUnsafeMutableBufferPointer { target in
            for j in 0..<columns { target[j] += scale * source.loadUnaligned(fromByteOffset: 4 * j, as: Float.self) }
        }
    }

    /// The dot product of row `row` (of `columns` floats) with `vector`, which must have `columns` elements.
    func dot(row: Int, columns: Int, _ vector: [Float]) -> Float {
        let source = self.row(row, columns)
        precondition(vector.count == columns, "MappedFloats: a vector of \(vector.count) for rows of \(columns)")
        return vector.withUnsafeBufferPointer { other in
            var sum: Float = 0
            for j in 0..<columns { sum += source.loadUnaligned(fromByteOffset: 4 * j, as: Float.self) * other[j] }
            return sum
        }
    }
}
