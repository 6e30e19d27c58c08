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

/// A file's bytes mapped read-only rather than read (or bytes copied into a mapping of their own): pages come from
/// the page cache as they are touched, and every process reading the file shares them. Model files are read so: a
/// fastText model's matrices and a KenLM binary's tables, hundreds of megabytes of which a run touches a part. Every
/// load is checked against the mapping in every build.
final class MappedFile: @unchecked Sendable {
    // Immutable after init: read concurrently.
    fileprivate let base: UnsafeRawPointer?
    let count: Int

    /// The file open as `fd`, whose size is `count`; nil when it cannot be mapped.
    init?(fd: Int32, count: Int) {
        guard count > 0 else {
            (base, self.count) = (nil, 0)
            return
        }
        guard let pointer = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else { return nil }
        // Rows and buckets are read in no order: reading ahead would fetch pages nothing needs.
        _ = madvise(pointer, count, MADV_RANDOM)
        (base, self.count) = (UnsafeRawPointer(pointer), count)
    }

    /// A mapping of its own holding `bytes`.
    init?(bytes: [UInt8]) {
        guard !bytes.isEmpty else {
            (base, count) = (nil, 0)
            return
        }
        guard let pointer = mmap(nil, bytes.count, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), pointer != MAP_FAILED
        else { return nil }
        bytes.withUnsafeBytes { pointer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        (base, count) = (UnsafeRawPointer(pointer), bytes.count)
    }

    deinit { if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) } }

    /// The `size` bytes at `offset`, checked to lie within the mapping.
    @inline(__always) fileprivate func at(_ offset: Int, _ size: Int) -> UnsafeRawPointer {
        precondition(offset >= 0 && size >= 0 && offset <= count - size, "MappedFile: \(size) bytes at \(offset) out of range")
        return base! + offset
    }

    func uint64(at offset: Int) -> UInt64 { UInt64(littleEndian: at(offset, 8).loadUnaligned(as: UInt64.self)) }
    func uint32(at offset: Int) -> UInt32 { UInt32(littleEndian: at(offset, 4).loadUnaligned(as: UInt32.self)) }
    func uint8(at offset: Int) -> UInt8 { at(offset, 1).load(as: UInt8.self) }

    /// The bytes in `range`, copied.
    func bytes(_ range: Range<Int>) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: at(range.lowerBound, range.count), count: range.count))
    }
}

/// Little-endian float rows of a mapped file (a fastText model's dense matrix), added and dotted with each row
/// checked to lie within them.
struct MappedFloats: Sendable {
    let file: MappedFile
    /// Where the floats start in the file.
    let offset: Int
    let count: Int

    /// The `count` floats at `offset`; nil when they do not lie within the file.
    init?(_ file: MappedFile, offset: Int, count: Int) {
        guard offset >= 0, offset <= file.count, count >= 0, count <= (file.count - offset) / 4 else { return nil }
        (self.file, self.offset, self.count) = (file, offset, count)
    }

    /// The floats of row `row` of `columns`, checked to lie within the floats.
    @inline(__always) private func row(_ row: Int, _ columns: Int) -> UnsafeRawPointer {
        precondition(row >= 0 && columns > 0 && row < count / columns, "MappedFloats: row \(row) out of range")
        return file.at(offset + row * columns * 4, columns * 4)
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
