import CZlib
#if canImport(Glibc)
import Glibc
#endif

/// Writes a gzip file incrementally, under a temporary name until `commit` renames it into place, so a killed run
/// never leaves a half-written file under its final name.
final class GzipFileWriter {
    private let file: AtomicFile
    private var stream = z_stream()
    private var output = [UInt8](repeating: 0, count: 1 << 17)
    /// Uncompressed bytes written so far.
    private(set) var bytesIn = 0
    private var finished = false

    init(path: String) throws(OutputError) {
        file = try AtomicFile(path: path)
        _ = kuroshio_deflateInit2(&stream, 3, 15 + 16)
    }

    deinit {
        if !finished { deflateEnd(&stream) }
    }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        bytesIn += bytes.count
        try bytes.withUnsafeBufferPointer { (input) throws(OutputError) in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            try pump(Z_NO_FLUSH)
        }
    }

    /// Finishes the gzip stream, syncs it and renames it to its final name.
    func commit() throws(OutputError) {
        stream.next_in = nil
        stream.avail_in = 0
        try pump(Z_FINISH)
        deflateEnd(&stream)
        finished = true
        try file.commit()
    }

    private func pump(_ flush: Int32) throws(OutputError) {
        repeat {
            let produced = output.withUnsafeMutableBufferPointer { out -> Int in
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                _ = deflate(&stream, flush)
                return out.count - Int(stream.avail_out)
            }
            try file.write(output, count: produced)
        } while stream.avail_out == 0
    }
}

/// An output file that could not be written, with the system's reason.
public struct OutputError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    init(path: String, reason: String = String(cString: strerror(errno))) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
