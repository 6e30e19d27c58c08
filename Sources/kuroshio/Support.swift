import ArgumentParser
import Kuroshio
#if canImport(Glibc)
import Glibc
#endif

/// Expands command-line inputs: files as given, directories searched for WARC files, in sorted order. A file named
/// twice (or reached twice, through links) is read once; an input that is not a regular file or directory is an
/// error.
enum InputFiles {
    /// The files `inputs` name: each file, the files under each directory with one of `suffixes`, and each URL as it
    /// is (an S3 URL must name a key).
    static func expand(_ inputs: [String], suffixes: [String] = PipelineConfig.InputFormat.warc.suffixes) throws -> [String] {
        var files: [String] = []
        for input in inputs {
            if RemoteLocation.isRemote(input) {
                guard RemoteLocation(input, options: RemoteOptions()) != nil else { throw Failure("\(input): an S3 URL is s3://bucket/key") }
                files.append(input)
                continue
            }
            guard FileSystem.exists(input) else { throw Failure("\(input): no such file or directory") }
            if FileSystem.isDirectory(input) {
                files += FileSystem.files(under: input, suffixes: suffixes)
            } else {
                guard FileSystem.isRegularFile(input) else { throw Failure("\(input): not a regular file") }
                files.append(input)
            }
        }
        return FileSystem.distinctFiles(files)
    }
}

/// Files the commands use by default (`Pipelines/ja-cc.yaml`, `SampleData`), found from any working directory: in
/// the current one, else in the package the binary was built in (a parent of `.build/<config>/kuroshio`).
enum BundledPath {
    static func resolve(_ relative: String) -> String {
        guard !FileSystem.exists(relative), var directory = FileSystem.realPath("/proc/self/exe") else { return relative }
        for _ in 0..<6 {
            guard let slash = directory.lastIndex(of: "/"), slash > directory.startIndex else { break }
            directory = String(directory[..<slash])
            if FileSystem.exists("\(directory)/\(relative)") { return "\(directory)/\(relative)" }
        }
        return relative
    }
}

/// How remote inputs (`https://`, `http://`, `s3://`) are fetched.
struct RemoteInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Makes the relative lines of the input list URLs under this one.", discussion: """
        With it, Common Crawl's own paths file is an input list as it stands: \
        --input-list warc.paths.gz --base-url https://data.commoncrawl.org/
        """))
    var baseUrl: String?

    @Option(help: "Transfers open at once in this process; more jobs than this wait for one.")
    var maxTransfers = RemoteOptions.defaults.maxTransfers

    @Option(help: "Seconds without a byte after which a transfer is abandoned and resumed where it broke.")
    var idleTimeout = RemoteOptions.defaults.idleTimeout

    @Option(help: "Failed requests in a row after which a remote file is given up (counted, and asked for again by a rerun).")
    var retries = RemoteOptions.defaults.retries

    @Flag(help: "Send S3 requests unsigned, whatever AWS credentials are set (as for a public bucket).")
    var noSignRequest = false

    func validate() throws {
        guard maxTransfers >= 1 else { throw ValidationError("--max-transfers must be at least 1 (got \(maxTransfers))") }
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be above 0 (got \(idleTimeout))") }
        guard retries >= 0 else { throw ValidationError("--retries must be 0 or more (got \(retries))") }
        if let baseUrl, !RemoteLocation.isRemote(baseUrl) && !baseUrl.hasPrefix("/") {
            throw ValidationError("--base-url must be an http, https or s3 URL, or an absolute path (got \(baseUrl))")
        }
    }

    var options: RemoteOptions {
        var options = RemoteOptions(maxTransfers: maxTransfers, signRequests: !noSignRequest)
        options.idleTimeout = idleTimeout
        options.retries = retries
        return options
    }

    /// The fetch options (all but --base-url) as `kuroshio run` takes them, for the commands of a Slurm plan; defaults
    /// left out.
    var fetchArguments: [String] {
        let defaults = RemoteOptions.defaults
        return (maxTransfers == defaults.maxTransfers ? [] : ["--max-transfers", String(maxTransfers)])
            + (idleTimeout == defaults.idleTimeout ? [] : ["--idle-timeout", String(idleTimeout)])
            + (retries == defaults.retries ? [] : ["--retries", String(retries)]) + (noSignRequest ? ["--no-sign-request"] : [])
    }
}

/// How a command's work is split: threads, this task's rank among how many, and the memory budget of each thread.
struct WorkOptions: ParsableArguments {
    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int?

    @Option(help: "This task's rank (default: $SLURM_ARRAY_TASK_ID, or 0).")
    var rank: Int?

    @Option(help: "The number of tasks (default: $SLURM_ARRAY_TASK_COUNT, or 1).")
    var worldSize: Int?

    @Option(help: ArgumentHelp("The memory budget of one job, in MiB.", discussion: """
        While `run` reads, documents in flight when the process holds more than jobs × this are dropped (memory-limit). \
        Dedup's key sorts, shared by the jobs, spill to disk past it.
        """))
    var memoryMb = 1024

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
        if let worldSize, worldSize < 1 { throw ValidationError("--world-size must be at least 1 (got \(worldSize))") }
        if let rank, rank < 0 || rank >= (worldSize ?? Int.max) {
            throw ValidationError("--rank must be in 0..<--world-size (got rank \(rank) of \(worldSize.map(String.init) ?? "?"))")
        }
        guard memoryMb >= 16 else { throw ValidationError("--memory-mb must be at least 16 (got \(memoryMb))") }
    }

    /// Threads, rank and world size: from the flags, else from Slurm's array variables, else all cores and 0 of 1.
    func resolved() throws -> (jobs: Int, rank: Int, worldSize: Int) {
        let environment = { (name: String) in getenv(name).flatMap { Int(String(cString: $0)) } }
        let rank = rank ?? environment("SLURM_ARRAY_TASK_ID") ?? 0
        let worldSize = worldSize ?? environment("SLURM_ARRAY_TASK_COUNT") ?? 1
        guard worldSize >= 1, rank >= 0, rank < worldSize else {
            throw Failure("--rank must be in 0..<--world-size (got rank \(rank) of \(worldSize))")
        }
        return (jobs ?? Self.cores, rank, worldSize)
    }

    /// The cores online: the default number of worker threads.
    static var cores: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

/// The `--max-record-bytes` option's range.
enum RecordCap {
    static func validate(_ bytes: Int) throws {
        guard (1...WARCReader.largestMaxRecordBytes).contains(bytes) else {
            throw ValidationError("--max-record-bytes must lie in 1...\(WARCReader.largestMaxRecordBytes) (got \(bytes))")
        }
    }
}

/// Pipeline recipes, their errors as command failures.
enum Recipe {
    static func load(_ path: String) throws -> PipelineConfig {
        do {
            return try PipelineConfig.load(path: path)
        } catch {
            throw Failure("\(error)")
        }
    }
}

/// An error that ends a command with its message and exit status 1, without the usage text.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The lines of standard input (a `\n` or `\r\n` ends one), each kept up to `maxBytes`: a longer line is read past
/// without being kept, so memory stays bounded whatever comes in.
struct StandardInputLines: Sequence, IteratorProtocol {
    enum Line {
        case text(String)
        /// A line longer than `maxBytes`.
        case oversize
    }

    let maxBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Whether the bytes being read belong to a line already found too long.
    private var skipping = false

    init(maxBytes: Int) { self.maxBytes = maxBytes }

    mutating func next() -> Line? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                defer { start = newline + 1 }
                if skipping || newline - start > maxBytes {
                    skipping = false
                    return .oversize
                }
                let end = newline > start && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                return .text(String(decoding: buffer[start..<end], as: UTF8.self))
            }
            if buffer.count - start > maxBytes {
                skipping = true
                (buffer, start) = ([], 0)
            }
            if atEnd {
                guard start < buffer.count || skipping else { return nil }
                defer { (buffer, start, skipping) = ([], 0, false) }
                return skipping ? .oversize : .text(String(decoding: buffer[start...], as: UTF8.self))
            }
            buffer.removeFirst(start)
            start = 0
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n <= 0 { atEnd = true } else { buffer += chunk[..<n] }
        }
    }
}

/// Buffered writes to standard output.
final class OutputBuffer {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 17) }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + done, $0.count - done) }
            if n <= 0 { break }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Messages on standard error.
enum Log {
    static func info(_ message: String) { emit("kuroshio: \(message)") }
    static func warning(_ message: String) { emit("kuroshio: warning: \(message)") }
    static func error(_ message: String) { emit("kuroshio: error: \(message)") }

    static func emit(_ line: String) { toStandardError(line + "\n") }

    static func toStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }

    /// `value` with `digits` decimals.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = String(scaled / Int(scale))
        guard digits > 0 else { return whole }
        let fraction = String(abs(scaled) % Int(scale))
        return whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// ", 2 problems (truncated 1, resync 1)", or "" when there are none.
    static func describe(_ problems: [ProblemKind: Int]) -> String {
        let total = problems.values.reduce(0, +)
        guard total > 0 else { return ", no problems" }
        let parts = problems.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }
        return ", \(total) problem\(total == 1 ? "" : "s") (\(parts.joined(separator: ", ")))"
    }
}

/// A progress line on a terminal's stderr, redrawn at most four times a second; a summary line at the end.
final class Progress {
    private let totalFiles: Int
    private let interactive = isatty(2) == 1
    private let started = Progress.now()
    private var lastDrawn = 0.0
    private var files = 0
    private var records = 0
    private var bytes = 0

    init(totalFiles: Int) { self.totalFiles = totalFiles }

    func record(bytes: Int) {
        records += 1
        self.bytes += bytes
        if interactive && records & 63 == 0 { draw() }
    }

    func fileDone() {
        files += 1
        if interactive { draw() }
    }

    func finish(summary: String) {
        let seconds = Progress.now() - started
        if interactive { Log.toStandardError("\r\u{1B}[K") }
        Log.info("\(files) file\(files == 1 ? "" : "s"), \(summary), \(Log.fixed(Double(bytes) / 1e6, 1)) MB in \(Log.fixed(seconds, 2)) s")
    }

    private func draw() {
        let now = Progress.now()
        guard now - lastDrawn >= 0.25 else { return }
        lastDrawn = now
        let elapsed = max(now - started, 1e-9)
        let rate = Double(bytes) / 1e6 / elapsed
        Log.toStandardError("\r\u{1B}[K[\(files)/\(totalFiles) files] \(records) records, \(Log.fixed(Double(bytes) / 1e6, 0)) MB, \(Log.fixed(rate, 0)) MB/s")
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
