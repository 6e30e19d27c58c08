#if canImport(Glibc)
import Glibc
#endif

/// A file written under a temporary name beside its final one and renamed into place by `commit`, so that a killed
/// run never leaves a half-written file under a final name. A file dropped before `commit` is removed.
final class AtomicFile {
    let path: String
    let temporaryPath: String
    private var fd: Int32

    init(path: String) throws(OutputError) {
        self.path = path
        temporaryPath = AtomicFile.temporaryName(for: path)
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw OutputError(path: temporaryPath) }
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporaryPath)
        }
    }

    /// `.name.tmp` beside `path`: hidden, and not matched by `*.jsonl.gz`.
    static func temporaryName(for path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return String(path[..<slash]) + "." + String(path[slash...]) + ".tmp"
    }

    /// Appends the first `count` of `bytes` (all of them by default).
    func write(_ bytes: [UInt8], count: Int? = nil) throws(OutputError) {
        let written = bytes.withUnsafeBytes { raw in
            FileSystem.writeAll(fd, UnsafeRawBufferPointer(rebasing: raw[..<(count ?? raw.count)]))
        }
        guard written else { throw OutputError(path: temporaryPath) }
    }

    /// Syncs the file and renames it to its final name.
    func commit() throws(OutputError) {
        fsync(fd)
        close(fd)
        fd = -1
        guard rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw OutputError(path: path)
        }
    }
}
