#if canImport(Glibc)
import Glibc
#endif

/// The few file operations the pipeline needs, on paths as strings.
public enum FileSystem {
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    public static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The size and modification time of a file (`<bytes>:<seconds>.<nanoseconds>`), or nil when it cannot be
    /// read: what a completion marker records to tell that its input changed.
    static func fingerprint(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Creates `path` and its missing parents.
    public static func makeDirectories(_ path: String) throws(OutputError) {
        if isDirectory(path) { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part + "/"
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw OutputError(path: prefix) }
        }
    }

    /// The names in a directory, without `.` and `..`; empty when it cannot be read.
    static func list(_ directory: String) -> [String] {
        FileIO.entries(of: directory)?.map(\.name) ?? []
    }

    /// The regular files under `directory` whose names end in one of `suffixes`, sorted. Symbolic links are
    /// followed, but each directory is entered once, so a link cycle ends; FIFOs, sockets and devices are skipped.
    public static func files(under directory: String, suffixes: [String]) -> [String] {
        var found: [String] = [], pending = [directory]
        var entered = Set<[UInt64]>()
        while let current = pending.popLast() {
            var info = stat()
            guard stat(current, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
                  entered.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { continue }
            for name in list(current) {
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                guard stat(path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    pending.append(path)
                } else if info.st_mode & S_IFMT == S_IFREG, suffixes.contains(where: { name.hasSuffix($0) }) {
                    found.append(path)
                }
            }
        }
        return found.sorted()
    }

    /// Whether `path` is a regular file (following links).
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// `paths` in order without repeats: a file named twice, or reached through a link, is kept once, first where it
    /// comes.
    public static func distinctFiles(_ paths: [String]) -> [String] {
        var seen = Set<String>()
        return paths.filter { seen.insert(realPath($0) ?? $0).inserted }
    }

    /// The canonical absolute path of `path` (links resolved), or nil when it cannot be resolved.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : 1 << 16
        var bytes: [UInt8] = []
        // One byte past a small file's size, so that its end is seen without zeroing a whole chunk.
        var chunk = [UInt8](repeating: 0, count: Swift.max(1, Swift.min(1 << 16, size + 1)))
        while true {
            let n = FileIO.read(fd, into: &chunk)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    /// Writes `bytes` to `path` through a temporary file and a rename.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let file = try AtomicFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

}

extension FileSystem {
    /// Up to `count` bytes of `path` from `offset`; nil when the file cannot be read.
    static func read(_ path: String, offset: Int, count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        let done = FileIO.read(fd, into: &bytes, at: offset)
        return done == count ? bytes : Array(bytes[..<done])
    }

    /// Removes a file, or a directory and everything under it; no error when it is not there.
    /// `path` as a config at `file` names it: an absolute path as it is, a relative one from the config's directory.
    static func resolve(_ path: String, relativeTo file: String) -> String {
        guard !path.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }

    static func remove(_ path: String) {
        if isDirectory(path) {
            for name in list(path) { remove("\(path)/\(name)") }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
