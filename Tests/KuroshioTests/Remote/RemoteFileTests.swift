import Foundation
import Testing
@testable import Kuroshio

/// Remote files read through a `ByteStream` from the loopback fault server: what arrives, and what it cost.
@Suite(.serialized) struct RemoteFileTests {
    /// 3 MB that differ everywhere, so that a byte read twice or skipped shows.
    static let object: [UInt8] = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }

    static func options(idleTimeout: Double = 30, retries: Int = 8) -> RemoteOptions {
        var options = RemoteOptions(environment: { _ in nil })
        options.idleTimeout = idleTimeout
        options.retries = retries
        return options
    }

    /// Every byte of the object through a stream, and the file that fetched it.
    static func read(_ url: String, _ options: RemoteOptions = options()) throws -> ([UInt8], RemoteFile) {
        let file = RemoteFile(RemoteLocation(url, options: options)!, options: options)
        let stream = try ByteStream(path: url, remote: file)
        var bytes: [UInt8] = []
        while stream.fill(1) {
            bytes += stream.bytes.array
            stream.consume(stream.available)
        }
        file.close()
        return (bytes, file)
    }

    @Test func aCleanObjectInOneRequest() throws {
        let server = try FaultServer(["a.bin": Self.object])
        let (bytes, file) = try Self.read(server.url("a.bin"))
        #expect(bytes == Self.object)
        #expect(file.requests == 1 && file.retries == 0 && file.bytesFetched == Self.object.count && file.failure == nil)
        #expect(file.identity?.size == Self.object.count && file.identity?.etag?.hasPrefix("\"") == true)
        #expect(file.identity?.record.size == Self.object.count && file.identity?.record.hash == nil)
    }

    /// Resets mid-body resume where the bytes stopped: nothing lost, nothing fetched twice.
    @Test func resetsResumeAtTheByteReached() throws {
        let server = try FaultServer(["a.bin": Self.object], ["--fault-rate", "1", "--max-faults", "2", "--fault-kinds", "reset"])
        let (bytes, file) = try Self.read(server.url("a.bin"))
        #expect(bytes == Self.object)
        #expect(file.requests == 3 && file.retries == 2 && file.resumes == 2 && file.bytesFetched == Self.object.count)
        // The server counts what it wrote before each reset, some of which the reset discards unsent.
        #expect(try server.stats()["ranges"] as? Int == 2)
    }

    /// A stall is abandoned after the idle timeout and resumed.
    @Test func aStallIsAbandonedAndResumed() throws {
        let server = try FaultServer(["a.bin": Self.object],
                                     ["--fault-rate", "1", "--max-faults", "1", "--fault-kinds", "stall", "--stall-seconds", "6"])
        let (bytes, file) = try Self.read(server.url("a.bin"), Self.options(idleTimeout: 1))
        #expect(bytes == Self.object && file.requests == 2 && file.resumes == 1 && file.bytesFetched == Self.object.count)
    }

    /// 503 and 429 are retried from the start; the server's Retry-After (1 s) is waited for.
    @Test func busyAnswersAreRetried() throws {
        let server = try FaultServer(["a.bin": Self.object], ["--fault-rate", "1", "--max-faults", "2", "--fault-kinds", "503,429"])
        let started = Date()
        let (bytes, file) = try Self.read(server.url("a.bin"))
        #expect(bytes == Self.object && file.requests == 3 && file.retries == 2 && file.resumes == 0)
        #expect(Date().timeIntervalSince(started) >= 2, "at most one retry a second")
    }

    /// Too many failures in a row give the file up, with a counted problem.
    @Test func retriesRunOut() throws {
        let server = try FaultServer(["a.bin": Self.object], ["--fault-rate", "1", "--max-faults", "9", "--fault-kinds", "429"])
        let (bytes, file) = try Self.read(server.url("a.bin"), Self.options(retries: 1))
        #expect(bytes.isEmpty && file.requests == 2)
        #expect(file.failure?.kind == .remote && file.failure?.detail == "given up after 2 failed requests; the last: HTTP 429")
    }

    /// A 404 is not retried.
    @Test func aMissingObjectFailsAtOnce() throws {
        let server = try FaultServer(["a.bin": Self.object])
        let (bytes, file) = try Self.read(server.url("b.bin"))
        #expect(bytes.isEmpty && file.requests == 1)
        #expect(file.failure == InputProblem(.remote, file: server.url("b.bin"), offset: 0, detail: "HTTP 404: refused, not retried"))
    }

    /// An object that changes between a reset and the resume is never spliced.
    @Test func aChangedObjectIsNotSpliced() throws {
        let server = try FaultServer(["a.bin": Self.object],
                                     ["--changing", "a.bin", "--fault-rate", "1", "--max-faults", "1", "--fault-kinds", "reset"])
        let (bytes, file) = try Self.read(server.url("a.bin"))
        #expect(bytes.count < Self.object.count && bytes == Array(Self.object.prefix(bytes.count)))
        #expect(file.failure?.kind == .remote && file.failure?.detail.hasPrefix("the object changed while it was read") == true)
        #expect(file.failure?.offset == bytes.count)
    }

    /// Gzip members and WARC records come through a remote stream as they do from the file.
    @Test func warcRecordsAsFromTheFile() throws {
        let warc = try #require(FileSystem.read(Fixtures.sample))
        let server = try FaultServer(["s.warc.gz": warc], ["--fault-rate", "1", "--max-faults", "3", "--fault-kinds", "reset"])
        let options = Self.options()
        let file = RemoteFile(RemoteLocation(server.url("s.warc.gz"), options: options)!, options: options)
        let remote = try WARCReader(remote: file, maxRecordBytes: WARCReader.defaultMaxRecordBytes, limits: InputLimits())
        let local = try WARCReader(path: Fixtures.sample)
        let ids = { (reader: WARCReader) in reader.map { "\($0.offset) \($0.recordID)" } }
        #expect(ids(remote) == ids(local) && file.resumes == 3 && file.bytesFetched == warc.count)
    }

    /// HEAD gives the object's size and ETag, which a marker records.
    @Test func headGivesTheRecord() throws {
        let server = try FaultServer(["a.bin": Self.object])
        let options = Self.options()
        let identity = RemoteFile(RemoteLocation(server.url("a.bin"), options: options)!, options: options).head()
        #expect(identity?.size == Self.object.count && identity?.etag != nil && identity?.lastModified != nil)
        #expect(RemoteFile(RemoteLocation(server.url("gone"), options: options)!, options: options).head() == nil)
    }

    /// What a file cost goes under `inputs.remote` in stats.json.
    @Test func countsGoUnderInputsRemote() throws {
        let server = try FaultServer(["a.bin": Self.object])
        var stats = RunStats()
        try Self.read(server.url("a.bin")).1.count(into: &stats)
        guard case .object(let top) = stats.json, case .object(let inputs)? = top.first(where: { $0.0 == "inputs" })?.1,
              case .object(let remote)? = inputs.first(where: { $0.0 == "remote" })?.1 else {
            Issue.record("no inputs.remote in \(stats.json.serialized)")
            return
        }
        #expect(remote.map(\.0) == ["files", "requests", "bytes", "retries", "resumes", "transfer_ms"])
        #expect(Counter(key: "inputs.remote.bytes") == .remote(.bytes) && stats[.remote(.bytes)] == Self.object.count)
    }
}
