#if canImport(Glibc)
import Glibc
#endif

/// What a pass records of a file it read or wrote, so that a later pass can tell the file is still that one: its
/// size, its modification time, and a 64-bit hash of its bytes (`Hash64.Bulk`), unless the file is too large to read
/// twice (an input WARC file: its size and time are its record).
struct FileRecord: Equatable, Sendable {
    var size: Int
    /// `<seconds>.<nanoseconds>`.
    var modified: String
    var hash: UInt64?

    /// The record of the file at `path` as it is now, read in chunks of up to 1 MiB; nil when it cannot be read.
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        size = Int(info.st_size)
        modified = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        var hasher = Hash64.Bulk()
        // One byte past a small file's size, so that its end is seen without zeroing a whole chunk.
        var chunk = [UInt8](repeating: 0, count: Swift.min(1 << 20, size + 1))
        var total = 0
        while true {
            let n = FileIO.read(fd, into: &chunk)
            guard n >= 0 else { return nil }
            if n == 0 { break }
            chunk[..<n].withByteView { hasher.add($0) }
            total += n
        }
        // A file that grew or shrank while it was read is not one state of it.
        guard total == size else { return nil }
        hash = hasher.finish()
    }

    init(size: Int, modified: String, hash: UInt64?) {
        self.size = size
        self.modified = modified
        self.hash = hash
    }

    /// The size and modification time of the file at `path`, without its hash; nil when there is none.
    init?(statusOf path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(size: Int(info.st_size), modified: "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)", hash: nil)
    }

    /// Whether `path` still holds these bytes. With `trustingTime`, an unchanged size and modification time are
    /// taken as proof without reading the file (a rerun's check of inputs it will not read); otherwise, and when the
    /// time changed, the bytes are hashed. A record without a hash matches on size and time alone.
    func matches(_ path: String, trustingTime: Bool = false) -> Bool {
        guard let now = FileRecord(statusOf: path), now.size == size else { return false }
        guard let hash else { return now.modified == modified }
        if trustingTime && now.modified == modified { return true }
        return FileRecord(path: path).map { $0.size == size && $0.hash == hash } ?? false
    }

    /// `<size>\t<modified>\t<hash in hex, or ->`, as markers store it.
    var fields: String { "\(size)\t\(modified)\t" + (hash.map { String($0, radix: 16) } ?? "-") }

    /// The record from its three marker fields.
    init?<S: StringProtocol>(fields: [S]) {
        guard fields.count == 3, let size = Int(fields[0]), size >= 0 else { return nil }
        let hash = UInt64(fields[2], radix: 16)
        guard hash != nil || fields[2] == "-" else { return nil }
        self.init(size: size, modified: String(fields[1]), hash: hash)
    }

    /// What differs, for messages: `size 120, now 96` or `its bytes changed`, or `it is gone`.
    func change(_ path: String) -> String {
        guard let now = FileRecord(statusOf: path) else { return "it is gone" }
        if now.size != size { return "\(size) bytes when recorded, \(now.size) now" }
        return hash == nil ? "modified \(modified) when recorded, \(now.modified) now" : "its bytes changed"
    }
}
