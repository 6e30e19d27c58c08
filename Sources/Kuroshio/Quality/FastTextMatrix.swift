#if canImport(Glibc)
import Glibc
#endif

/// A fastText weight matrix, as a model file stores it: dense `Float` rows (mapped from the file, not read), or rows
/// product-quantized (`.ftz`) to one byte per subvector, optionally scaled by a quantized norm.
enum FastTextMatrix: Sendable {
    case dense(rows: Int, columns: Int, values: MappedFloats)
    case quantized(rows: Int, columns: Int, codes: [UInt8], quantizer: ProductQuantizer, norms: (codes: [UInt8], quantizer: ProductQuantizer)?)

    var rows: Int {
        switch self {
        case .dense(let rows, _, _), .quantized(let rows, _, _, _, _): rows
        }
    }

    var columns: Int {
        switch self {
        case .dense(_, let columns, _), .quantized(_, let columns, _, _, _): columns
        }
    }

    /// Adds row `row` times `scale` to `vector`.
    func addRow(_ row: Int, scale: Float = 1, to vector: inout [Float]) {
        switch self {
        case .dense(_, let columns, let values): values.addRow(row, columns: columns, scale: scale, to: &vector)
        case .quantized(_, _, let codes, let quantizer, let norms):
            quantizer.add(codes: codes, row: row, scale: scale * norm(row, norms), to: &vector)
        }
    }

    /// The dot product of row `row` with `vector`.
    func dot(row: Int, _ vector: [Float]) -> Float {
        switch self {
        case .dense(_, let columns, let values): values.dot(row: row, columns: columns, vector)
        case .quantized(_, _, let codes, let quantizer, let norms):
            quantizer.dot(codes: codes, row: row, vector) * norm(row, norms)
        }
    }

    private func norm(_ row: Int, _ norms: (codes: [UInt8], quantizer: ProductQuantizer)?) -> Float {
        guard let norms else { return 1 }
        return norms.quantizer.centroid(0, Int(norms.codes[row])).first ?? 1
    }

    /// Reads a matrix: a quantized one (`QuantMatrix`) when `quantized`, else a dense one.
    static func read(_ reader: FastTextReader, quantized: Bool) throws(FastTextError) -> FastTextMatrix {
        guard quantized else {
            let rows = try reader.count(), columns = try reader.count()
            let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
            guard !overflow else { throw reader.error("a matrix of \(rows) × \(columns)") }
            return .dense(rows: rows, columns: columns, values: try reader.mappedFloats(count))
        }
        let hasNorms = try reader.bool()
        let rows = try reader.count(), columns = try reader.count()
        let codeCount = Int(try reader.int32())
        let codes = try reader.bytes(codeCount)
        let quantizer = try ProductQuantizer.read(reader)
        let (expected, overflow) = rows.multipliedReportingOverflow(by: quantizer.subquantizers)
        guard quantizer.dimension == columns, !overflow, codeCount == expected else {
            throw reader.error("\(codeCount) codes of \(quantizer.dimension) dimensions for \(rows) rows of \(columns)")
        }
        let norms = hasNorms ? (try reader.bytes(rows), try ProductQuantizer.read(reader)) : nil
        if let norms, norms.1.dimension != 1 { throw reader.error("norms quantized in \(norms.1.dimension) dimensions") }
        return .quantized(rows: rows, columns: columns, codes: codes, quantizer: quantizer, norms: norms)
    }
}

/// fastText's product quantizer: each row is cut into `subquantizers` subvectors of `subdimension` values (the last
/// of `lastSubdimension`), each replaced by the nearest of 256 centroids.
struct ProductQuantizer: Sendable {
    static let centroidsPerSubquantizer = 256
    var dimension: Int
    var subquantizers: Int
    var subdimension: Int
    var lastSubdimension: Int
    var centroids: [Float]

    /// The centroid `index` of subquantizer `m`.
    func centroid(_ m: Int, _ index: Int) -> ArraySlice<Float> {
        let start = m == subquantizers - 1
            ? m * Self.centroidsPerSubquantizer * subdimension + index * lastSubdimension
            : (m * Self.centroidsPerSubquantizer + index) * subdimension
        return centroids[start..<start + (m == subquantizers - 1 ? lastSubdimension : subdimension)]
    }

    func add(codes: [UInt8], row: Int, scale: Float, to vector: inout [Float]) {
        for m in 0..<subquantizers {
            let centroid = centroid(m, Int(codes[row * subquantizers + m]))
            var j = m * subdimension
            for value in centroid {
                vector[j] += scale * value
                j += 1
            }
        }
    }

    func dot(codes: [UInt8], row: Int, _ vector: [Float]) -> Float {
        var sum: Float = 0
        for m in 0..<subquantizers {
            let centroid = centroid(m, Int(codes[row * subquantizers + m]))
            var j = m * subdimension
            for value in centroid {
                sum += vector[j] * value
                j += 1
            }
        }
        return sum
    }

    static func read(_ reader: FastTextReader) throws(FastTextError) -> ProductQuantizer {
        let dimension = Int(try reader.int32()), subquantizers = Int(try reader.int32())
        let subdimension = Int(try reader.int32()), last = Int(try reader.int32())
        guard dimension > 0, subquantizers > 0, subdimension > 0, last > 0, last <= subdimension,
              (subquantizers - 1) * subdimension + last == dimension else {
            throw reader.error("a product quantizer of \(subquantizers) × \(subdimension) for \(dimension) dimensions")
        }
        return ProductQuantizer(dimension: dimension, subquantizers: subquantizers, subdimension: subdimension,
                                lastSubdimension: last, centroids: try reader.floats(dimension * centroidsPerSubquantizer))
    }
}

/// Reads a fastText model file's little-endian fields in order, each checked against the bytes left: small fields
/// through a 1 MiB window, dense matrices mapped.
final class FastTextReader {
    let path: String
    private let fd: Int32
    private let size: Int
    private var window: [UInt8] = []
    /// The file mapped, once a matrix is read from it.
    private var mapped: MappedFile?
    /// File offset of `window[0]`.
    private var windowStart = 0
    private(set) var offset = 0

    init(path: String) throws(FastTextError) {
        self.path = path
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, let record = FileRecord(statusOf: path) else { throw FastTextError(path: path, detail: "cannot read the file") }
        size = record.size
    }

    deinit { if fd >= 0 { close(fd) } }

    func error(_ detail: String) -> FastTextError {
        FastTextError(path: path, detail: "not a fastText model: \(detail) at byte \(offset)")
    }

    /// Makes the window hold `count` bytes from the read offset.
    private func load(_ count: Int) throws(FastTextError) {
        guard count >= 0, count <= size - offset else { throw error("the file ends before \(count) more bytes") }
        if offset >= windowStart && offset + count <= windowStart + window.count { return }
        var chunk = [UInt8](repeating: 0, count: min(max(count, 1 << 20), size - offset))
        guard FileIO.read(fd, into: &chunk, at: offset) == chunk.count else { throw error("cannot read \(chunk.count) bytes") }
        (window, windowStart) = (chunk, offset)
    }

    private func take(_ count: Int) throws(FastTextError) -> ArraySlice<UInt8> {
        try load(count)
        defer { offset += count }
        return window[(offset - windowStart)..<(offset - windowStart + count)]
    }

    private func integer(_ width: Int) throws(FastTextError) -> UInt64 {
        try take(width).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    func int32() throws(FastTextError) -> Int32 { Int32(truncatingIfNeeded: try integer(4)) }
    func int64() throws(FastTextError) -> Int64 { Int64(bitPattern: try integer(8)) }
    func double() throws(FastTextError) -> Double { Double(bitPattern: try integer(8)) }
    func bool() throws(FastTextError) -> Bool { try integer(1) != 0 }
    func byte() throws(FastTextError) -> UInt8 { UInt8(try integer(1)) }
    func bytes(_ count: Int) throws(FastTextError) -> [UInt8] { Array(try take(count)) }

    /// A 64-bit count that must fit what is left of the file.
    func count() throws(FastTextError) -> Int {
        let value = try int64()
        guard value >= 0, value <= Int64(size) else { throw error("a count of \(value)") }
        return Int(value)
    }

    /// `count` little-endian floats (a quantizer's centroids), read.
    func floats(_ count: Int) throws(FastTextError) -> [Float] {
        guard count >= 0, count <= (size - offset) / 4 else { throw error("the file ends before \(count) floats") }
        return BinaryFile.values(try bytes(count * 4), as: UInt32.self).map(Float.init(bitPattern:))
    }

    /// `count` little-endian floats (a dense matrix), mapped from the file.
    func mappedFloats(_ count: Int) throws(FastTextError) -> MappedFloats {
        guard count >= 0, count <= (size - offset) / 4 else { throw error("the file ends before \(count) floats") }
        if mapped == nil { mapped = MappedFile(fd: fd, count: size) }
        guard let file = mapped, let values = MappedFloats(file, offset: offset, count: count) else { throw error("cannot map \(count) floats") }
        offset += count * 4
        return values
    }

    /// A NUL-terminated string (of less than 1 MiB): found in the window, or else in a new one from the offset.
    func string() throws(FastTextError) -> String {
        for fresh in [false, true] {
            if fresh { try load(min(1 << 20, size - offset)) }
            let start = offset - windowStart
            guard start >= 0, start <= window.count, let end = window[start...].firstIndex(of: 0) else { continue }
            offset += end - start + 1
            return String(decoding: window[start..<end], as: UTF8.self)
        }
        throw error("a word without its end")
    }
}

/// A model file that cannot be read, with why.
public struct FastTextError: Error, CustomStringConvertible {
    public var path: String
    public var detail: String
    public var description: String { "\(path): \(detail)" }
}
