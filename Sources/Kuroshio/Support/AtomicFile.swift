import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A file written under a temporary name beside its final one and renamed into place by `commit`, so that a killed
/// run never leaves a half-written file under a final name. A file dropped before `commit` is removed.
///
/// The temporary name is unique to the host, the process and the file (`.<name>.<host>-<pid>-<n>.tmp`), so two
/// processes writing one path (ranks finishing together, a task run twice) never write into each other's file: each
/// renames a whole file into place. What a killed process left is removed by `removeLeftovers`.
final class AtomicFile {
    let path: String
    let temporaryPath: String
    private var fd: Int32

    init(path: String) throws(OutputError) {
        self.path = path
        temporaryPath = AtomicFile.temporaryName(for: path)
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: temporaryPath) }
    }

    deinit {
        if fd >= 0 {
            close(fd)
            unlink(temporaryPath)
        }
    }

    /// This process's mark in temporary names: the host (dots made underscores) and the process id.
    static let owner: (host: String, pid: Int32) = {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count - 1)
        let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (String(String.UnicodeScalarView(host.unicodeScalars.map { $0 == "." || $0 == "/" || $0 == "-" ? "_" : $0 })), getpid())
    }()
    private static let counter = Atomic<Int>(0)

    /// `.name.<host>-<pid>-<n>.tmp` beside `path`: hidden, and not matched by `*.jsonl.gz`.
    static func temporaryName(for path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let n = counter.add(1, ordering: .relaxed).newValue
        return String(path[..<slash]) + "." + String(path[slash...]) + ".\(owner.host)-\(owner.pid)-\(n).tmp"
    }

    /// Removes the temporary files under `directory` that processes of this host left when they died (a process
    /// still alive, or one of another host, keeps its own). Called by a rank that holds its lock, before it writes.
    /// Only names are read, not each file's status, so that many ranks starting on a shared filesystem cost it little.
    static func removeLeftovers(under directory: String) {
        var pending = [directory]
        while let current = pending.popLast() {
            for (name, type) in FileIO.entries(of: current) ?? [] {
                let path = current + "/" + name
                if type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN) && FileSystem.isDirectory(path) {
                    pending.append(path)
                } else if name.hasPrefix("."), name.hasSuffix(".tmp"), isLeftover(name) {
                    unlink(path)
                }
            }
        }
    }

    /// Whether a temporary name is one of this host's, of a process that is gone.
    private static func isLeftover(_ name: String) -> Bool {
        guard let dot = name.dropLast(4).lastIndex(of: ".") else { return false }
        let parts = name[name.index(after: dot)...].dropLast(4).split(separator: "-")
        guard parts.count == 3, parts[0] == owner.host, let pid = Int32(parts[1]), pid != owner.pid else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Appends the first `count` of `bytes` (all of them by default).
    func write(_ bytes: [UInt8], count: Int? = nil) throws(OutputError) {
        guard FileIO.writeAll(fd, bytes, count: count) else { throw OutputError(path: temporaryPath) }
    }

    /// Syncs the file and renames it to its final name.
    func commit() throws(OutputError) {
        try finish()
        guard rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw OutputError(path: path)
        }
    }

    /// Syncs the file and gives it its final name only if that name is free; returns false, and removes the file,
    /// when another process got there first. Many processes may race for one name: exactly one wins.
    func commitIfAbsent() throws(OutputError) -> Bool {
        try finish()
        defer { unlink(temporaryPath) }
        if link(temporaryPath, path) == 0 { return true }
        guard errno == EEXIST else { throw OutputError(path: path) }
        return false
    }

    private func finish() throws(OutputError) {
        let synced = fsync(fd) == 0
        close(fd)
        fd = -1
        guard synced || errno == EINVAL else {
            unlink(temporaryPath)
            throw OutputError(path: temporaryPath)
        }
    }
}
