#if canImport(Glibc)
import Glibc
#endif

/// Writes a gzip file incrementally, under a temporary name until `commit` renames it into place, so a killed run
/// never leaves a half-written file under its final name. The input is compressed by libdeflate in blocks of
/// `blockBytes`, each a gzip member of its own: readers of gzip (zcat, Python's `gzip`, HF `datasets`) read the
/// members as one stream.
final class GzipFileWriter {
    /// Uncompressed bytes per gzip member: large enough that the split costs nothing in size.
    static let blockBytes = 1 << 20
    /// libdeflate's level 2 compresses text smaller than zlib's level 3, in half the time.
    static let level: Int32 = 2

    private let file: AtomicFile
    private let compressor = Compression.GzipMembers(level: level)
    private var pending: [UInt8] = []
    /// Uncompressed bytes written so far.
    private(set) var bytesIn = 0

    init(path: String) throws(OutputError) {
        file = try AtomicFile(path: path)
        pending.reserveCapacity(Self.blockBytes)
    }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        bytesIn += bytes.count
        if !pending.isEmpty && pending.count + bytes.count > Self.blockBytes { try writeMember() }
        pending += bytes
        if pending.count >= Self.blockBytes { try writeMember() }
    }

    /// Compresses what is pending (an empty file gets one empty member), syncs the file and renames it to its final
    /// name.
    /// The file's final name, without its directory.
    var name: String { file.path.split(separator: "/").last.map(String.init) ?? file.path }

    func commit() throws(OutputError) {
        if !pending.isEmpty || bytesIn == 0 { try writeMember() }
        try file.commit()
    }

    /// Compresses the pending bytes as one gzip member and appends it to the file.
    private func writeMember() throws(OutputError) {
        let (member, count) = compressor.member(pending)
        try file.write(member, count: count)
        pending.removeAll(keepingCapacity: true)
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
