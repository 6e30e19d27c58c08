#if canImport(Glibc)
import Glibc
#endif

/// The system calls that move bytes between files and arrays: each reads into or writes from an array within its
/// bounds (never past `count` elements), so that their callers handle no pointers.
enum FileIO {
    /// Reads up to `count` elements' bytes (all of `values` by default) from `fd` into the start of `values`;
    /// the bytes read, 0 at the end of the file, or -1 on an error.
    static func read<T: BitwiseCopyable>(_ fd: Int32, into values: inout [T], count: Int? = nil) -> Int {
        let count = Swift.min(count ?? values.count, values.count)
        return values.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count * MemoryLayout<T>.stride) }
    }

    /// Reads up to `values.count` elements' bytes from `fd` at byte `offset` into `values` (several calls if need
    /// be); the bytes read.
    static func read<T: BitwiseCopyable>(_ fd: Int32, into values: inout [T], at offset: Int) -> Int {
        let total = values.count * MemoryLayout<T>.stride
        var done = 0
        while done < total {
            let n = values.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, total - done, off_t(offset + done)) }
            if n <= 0 { break }
            done += n
        }
        return done
    }

    /// Writes the first `count` elements of `values` (all by default) to `fd`, however many calls it takes; false
    /// when a write fails.
    static func writeAll<T: BitwiseCopyable>(_ fd: Int32, _ values: [T], count: Int? = nil) -> Bool {
        let total = Swift.min(count ?? values.count, values.count) * MemoryLayout<T>.stride
        return values.withUnsafeBytes { raw in
            var done = 0
            while done < total {
                let n = Glibc.write(fd, raw.baseAddress! + done, total - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }

    /// The entries of a directory, without `.` and `..`, each with its `d_type` (`DT_UNKNOWN` where the filesystem
    /// does not say); nil when it cannot be read.
    static func entries(of directory: String) -> [(name: String, type: UInt8)]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { entries.append((name, entry.pointee.d_type)) }
        }
        return entries
    }
}
