#if canImport(Glibc)
import Glibc
#endif

/// Sorts (key, value) pairs of any number in bounded memory: pairs gather in a buffer of at most `budgetBytes`;
/// a full buffer is sorted and spilled to a run file in `directory`, and the runs are merged at the end, then
/// removed.
final class ExternalSorter {
    struct Pair: Comparable {
        var key: UInt64
        var value: UInt64

        static func < (a: Pair, b: Pair) -> Bool { a.key != b.key ? a.key < b.key : a.value < b.value }
    }

    let directory: String
    let capacity: Int
    private var buffer: [Pair] = []
    private var runs: [String] = []
    /// Pairs taken in so far.
    private(set) var count = 0

    init(directory: String, budgetBytes: Int) {
        self.directory = directory
        capacity = max(1024, budgetBytes / MemoryLayout<Pair>.stride)
    }

    deinit {
        for run in runs { unlink(run) }
    }

    func append(_ key: UInt64, _ value: UInt64) throws(OutputError) {
        if buffer.count == capacity { try spill() }
        buffer.append(Pair(key: key, value: value))
        count += 1
    }

    private func spill() throws(OutputError) {
        try FileSystem.makeDirectories(directory)
        buffer.sort()
        // Named as temporary files are: two processes sorting into one directory keep apart, and a killed one's runs
        // are removed as leftovers.
        let path = AtomicFile.temporaryName(for: "\(directory)/run-\(runs.count).bin")
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path) }
        defer { close(fd) }
        runs.append(path)
        guard FileIO.writeAll(fd, buffer) else { throw OutputError(path: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with every pair in ascending order, then frees the buffer and the run files.
    func forEachSorted(_ body: (Pair) throws(OutputError) -> Void) throws(OutputError) {
        buffer.sort()
        defer {
            buffer = []
            for run in runs { unlink(run) }
            runs = []
        }
        if runs.isEmpty {
            for pair in buffer { try body(pair) }
            return
        }
        var sources = runs.map { RunReader(path: $0) }
        // Readers left open when `body` throws.
        defer { for source in sources where source.fd >= 0 { close(source.fd) } }
        var heads: [Pair?] = sources.indices.map { sources[$0].next() }
        var inMemory = 0
        while true {
            var best = -1
            var bestPair = inMemory < buffer.count ? buffer[inMemory] : nil
            for (i, head) in heads.enumerated() {
                if let head, bestPair == nil || head < bestPair! {
                    best = i
                    bestPair = head
                }
            }
            guard let pair = bestPair else { break }
            if best < 0 { inMemory += 1 } else { heads[best] = sources[best].next() }
            try body(pair)
        }
    }

    /// Reads a run file's pairs in 1 MiB chunks.
    private struct RunReader {
        var fd: Int32
        var chunk: [Pair] = []
        var position = 0

        init(path: String) { fd = open(path, O_RDONLY) }

        mutating func next() -> Pair? {
            if position == chunk.count {
                guard fd >= 0 else { return nil }
                chunk = [Pair](repeating: Pair(key: 0, value: 0), count: 65536)
                let n = FileIO.read(fd, into: &chunk)
                let pairs = max(0, n) / MemoryLayout<Pair>.stride
                if pairs == 0 {
                    close(fd)
                    fd = -1
                    chunk = []
                    position = 0
                    return nil
                }
                chunk.removeLast(chunk.count - pairs)
                position = 0
            }
            defer { position += 1 }
            return chunk[position]
        }
    }
}
