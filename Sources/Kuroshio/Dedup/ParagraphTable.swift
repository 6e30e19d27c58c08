#if canImport(Glibc)
import Glibc
#endif

/// A paragraph frequency table: `KPARA1` and a version, then (key, count) pairs of UInt64 in ascending key order.
/// Tables of several runs or dumps merge by summing counts, so one table can serve a whole series of crawls.
public enum ParagraphTable {
    static let magic: [UInt8] = Array("KPARA1\0\0".utf8)

    /// Writes a table in key order, under a temporary name until `commit`.
    final class Writer {
        private let file: AtomicFile
        private var buffer: [UInt64] = []

        init(path: String) throws(OutputError) {
            file = try AtomicFile(path: path)
            try file.write(ParagraphTable.magic)
        }

        func add(_ key: UInt64, _ count: Int) throws(OutputError) {
            buffer += [key, UInt64(count)]
            if buffer.count >= 1 << 16 { try flush() }
        }

        private func flush() throws(OutputError) {
            try file.write(BinaryFile.bytes(buffer))
            buffer.removeAll(keepingCapacity: true)
        }

        func commit() throws(OutputError) {
            try flush()
            try file.commit()
        }
    }

    /// Reads a table in key order, in 1 MiB chunks. A table that is cut short, holds a key out of order or a count past
    /// `Int.max` stops there, with `failure` saying why.
    final class Reader {
        let path: String
        private let fd: Int32
        private var chunk: [UInt64] = []
        private var position = 0
        private var entry = 0
        private(set) var current: (key: UInt64, count: Int)?
        private(set) var failure: String?

        init?(path: String) {
            self.path = path
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            var header = [UInt8](repeating: 0, count: 8)
            let n = FileIO.read(fd, into: &header)
            // Closed by deinit, which a failing initializer of a class still runs.
            guard n == 8, header == ParagraphTable.magic else { return nil }
            if (FileSystem.size(path) - 8) % 16 != 0 { failure = "\(path): cut short (not whole key and count pairs)" }
            advance()
        }

        deinit { if fd >= 0 { close(fd) } }

        /// Moves to the next pair; `current` is nil at the end, or at a broken entry (`failure`).
        func advance() {
            let previous = current?.key
            current = nil
            guard failure == nil else { return }
            if position + 2 > chunk.count {
                var bytes = [UInt8](repeating: 0, count: 1 << 20)
                let n = FileIO.read(fd, into: &bytes)
                chunk = BinaryFile.values(Array(bytes[..<max(0, n)]))
                position = 0
                guard chunk.count >= 2 else { return }
            }
            let (key, count) = (chunk[position], chunk[position + 1])
            position += 2
            entry += 1
            if let previous, key <= previous {
                failure = "\(path): entry \(entry) is out of key order"
            } else if count > UInt64(Int.max) || count == 0 {
                failure = "\(path): entry \(entry) has a count of \(count)"
            } else {
                current = (key, Int(count))
            }
        }

        /// The count of `key`, for keys asked in ascending order.
        func count(of key: UInt64) -> Int {
            while let current, current.key < key { advance() }
            guard let current, current.key == key else { return 0 }
            return current.count
        }
    }

    /// Why a table cannot be used.
    public struct TableError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Sums the tables at `inputs` into one at `output` (counts held at `Int.max`); refuses a file that is not a
    /// table, or a table that breaks off (see `Reader`), naming it.
    public static func merge(_ inputs: [String], into output: String) throws(TableError) {
        var readers: [Reader] = []
        for path in inputs {
            guard let reader = Reader(path: path) else { throw TableError(description: "\(path): not a paragraph frequency table") }
            readers.append(reader)
        }
        do {
            let writer = try Writer(path: output)
            while let key = readers.compactMap({ $0.current?.key }).min() {
                var count = 0
                for reader in readers where reader.current?.key == key {
                    count.add(saturating: reader.current!.count)
                    reader.advance()
                }
                try writer.add(key, count)
            }
            if let failure = readers.compactMap(\.failure).first { throw TableError(description: failure) }
            try writer.commit()
        } catch let error as TableError {
            throw error
        } catch {
            throw TableError(description: "cannot write \(error)")
        }
    }

    /// Every (key, count) of a table, for tests and inspection; nil when it is not a table or breaks off.
    public static func entries(_ path: String) -> [(key: UInt64, count: Int)]? {
        guard let reader = Reader(path: path) else { return nil }
        var entries: [(key: UInt64, count: Int)] = []
        while let current = reader.current {
            entries.append(current)
            reader.advance()
        }
        return reader.failure == nil ? entries : nil
    }
}
