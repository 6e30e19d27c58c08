/// A fastText weight matrix, as a model file stores it: dense `Float` rows, or rows product-quantized (`.ftz`) to one
/// byte per subvector, optionally scaled by a quantized norm.
enum FastTextMatrix {
    case dense(rows: Int, columns: Int, values: [Float])
    case quantized(rows: Int, columns: Int, codes: [UInt8], quantizer: ProductQuantizer, norms: (codes: [UInt8], quantizer: ProductQuantizer)?)

    var rows: Int {
        switch self {
        case .dense(let rows, _, _), .quantized(let rows, _, _, _, _): rows
        }
    }

    /// Adds row `row` times `scale` to `vector`.
    func addRow(_ row: Int, scale: Float = 1, to vector: inout [Float]) {
        switch self {
        case .dense(_, let columns, let values):
            let start = row * columns
            for j in 0..<columns { vector[j] += scale * values[start + j] }
        case .quantized(_, _, let codes, let quantizer, let norms):
            quantizer.add(codes: codes, row: row, scale: scale * norm(row, norms), to: &vector)
        }
    }

    /// The dot product of row `row` with `vector`.
    func dot(row: Int, _ vector: [Float]) -> Float {
        switch self {
        case .dense(_, let columns, let values):
            var sum: Float = 0
            let start = row * columns
            for j in 0..<columns { sum += values[start + j] * vector[j] }
            return sum
        case .quantized(_, _, let codes, let quantizer, let norms):
            return quantizer.dot(codes: codes, row: row, vector) * norm(row, norms)
        }
    }

    private func norm(_ row: Int, _ norms: (codes: [UInt8], quantizer: ProductQuantizer)?) -> Float {
        guard let norms else { return 1 }
        return norms.quantizer.centroid(0, Int(norms.codes[row])).first ?? 1
    }

    /// Reads a matrix: a quantized one (`QuantMatrix`) when `quantized`, else a dense one.
    static func read(_ reader: inout FastTextReader, quantized: Bool) throws(FastTextError) -> FastTextMatrix {
        guard quantized else {
            let rows = try reader.count(), columns = try reader.count()
            return .dense(rows: rows, columns: columns, values: try reader.floats(rows * columns))
        }
        let hasNorms = try reader.bool()
        let rows = try reader.count(), columns = try reader.count()
        let codeCount = Int(try reader.int32())
        let codes = try reader.bytes(codeCount)
        let quantizer = try ProductQuantizer.read(&reader)
        guard codeCount == rows * quantizer.subquantizers else { throw reader.error("\(codeCount) codes for \(rows) rows") }
        let norms = hasNorms ? (try reader.bytes(rows), try ProductQuantizer.read(&reader)) : nil
        return .quantized(rows: rows, columns: columns, codes: codes, quantizer: quantizer, norms: norms)
    }
}

/// fastText's product quantizer: each row is cut into `subquantizers` subvectors of `subdimension` values (the last
/// of `lastSubdimension`), each replaced by the nearest of 256 centroids.
struct ProductQuantizer {
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

    static func read(_ reader: inout FastTextReader) throws(FastTextError) -> ProductQuantizer {
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

/// Reads a fastText model file's little-endian fields in order, each checked against the bytes left.
struct FastTextReader {
    let path: String
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(path: String) throws(FastTextError) {
        guard let bytes = FileSystem.read(path) else { throw FastTextError(path: path, detail: "cannot read the file") }
        self.path = path
        self.bytes = bytes
    }

    func error(_ detail: String) -> FastTextError { FastTextError(path: path, detail: "\(detail) at byte \(offset)") }

    private mutating func take(_ count: Int) throws(FastTextError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw error("the file ends before \(count) more bytes") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    private mutating func integer(_ width: Int) throws(FastTextError) -> UInt64 {
        try take(width).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func int32() throws(FastTextError) -> Int32 { Int32(truncatingIfNeeded: try integer(4)) }
    mutating func int64() throws(FastTextError) -> Int64 { Int64(bitPattern: try integer(8)) }
    mutating func double() throws(FastTextError) -> Double { Double(bitPattern: try integer(8)) }
    mutating func bool() throws(FastTextError) -> Bool { try integer(1) != 0 }
    mutating func byte() throws(FastTextError) -> UInt8 { UInt8(try integer(1)) }
    mutating func bytes(_ count: Int) throws(FastTextError) -> [UInt8] { Array(try take(count)) }

    /// A 64-bit count that must fit what is left of the file.
    mutating func count() throws(FastTextError) -> Int {
        let value = try int64()
        guard value >= 0, value <= Int64(bytes.count) else { throw error("a count of \(value)") }
        return Int(value)
    }

    mutating func floats(_ count: Int) throws(FastTextError) -> [Float] {
        guard count <= (bytes.count - offset) / 4 else { throw error("the file ends before \(count) floats") }
        return BinaryFile.values(try bytes(count * 4), as: UInt32.self).map(Float.init(bitPattern:))
    }

    /// A NUL-terminated string.
    mutating func string() throws(FastTextError) -> String {
        guard let end = bytes[offset...].firstIndex(of: 0) else { throw error("a word without its end") }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        offset = end + 1
        return text
    }
}

/// A model file that cannot be read, with why.
public struct FastTextError: Error, CustomStringConvertible {
    public var path: String
    public var detail: String
    public var description: String { "\(path): not a fastText model (\(detail))" }
}
