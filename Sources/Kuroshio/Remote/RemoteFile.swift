#if canImport(Glibc)
import Glibc
#endif

/// A remote input read as a stream: the `TransferSource` a `ByteStream` reads, holding one of the process's transfer
/// slots while it is open.
///
/// It asks for the object with one GET. When a transfer breaks (a reset, a stall, a 5xx, 429 or S3's `SlowDown`),
/// it waits, by a jittered exponential backoff of at least a second or the server's `Retry-After`, and asks for the
/// rest with `Range: bytes=N-` and `If-Range`, N being the bytes already handed to the reader. The reader's inflater
/// keeps its state across the break, so the gzip member it was in goes on where it stopped: no record is lost or read
/// twice, and no byte is fetched twice. An answer from another version of the object (another ETag, size or
/// Last-Modified, or a whole object where the rest was asked for) is never spliced on: the file fails with a `remote`
/// problem, and a rerun reads it again. A definite refusal (404, a refused S3 signature, another 4xx) fails at once.
final class RemoteFile: TransferSource {
    /// What an answer said of the object.
    struct Identity: Equatable, Sendable {
        var size: Int?
        var etag: String?
        var lastModified: String?

        /// What a marker records: the size, and the ETag (else Last-Modified) in place of a modification time.
        var record: FileRecord {
            FileRecord(size: size ?? 0, modified: (etag ?? lastModified ?? "-").replacingTabs, hash: nil)
        }
    }

    let location: RemoteLocation
    let options: RemoteOptions
    /// The object as its first answer described it.
    private(set) var identity: Identity?
    /// Bytes of the object handed to the reader.
    private(set) var offset = 0
    /// Why the file could not be read whole, once it could not.
    private(set) var failure: InputProblem?
    /// Requests made, body bytes fetched, retries (of which resumes, with a range) and milliseconds open.
    private(set) var requests = 0, bytesFetched = 0, retries = 0, resumes = 0, milliseconds = 0
    private var transfer: HTTPTransfer?
    private var finished = false
    private var holdsSlot = false
    private var failuresInARow = 0, failures = 0
    private var notBefore = 0.0
    private var opened: Double?

    init(_ location: RemoteLocation, options: RemoteOptions) {
        self.location = location
        self.options = options
    }

    deinit { close() }

    func currentTransfer() -> HTTPTransfer? {
        while transfer == nil && !finished && failure == nil { request() }
        if transfer == nil { close() }
        return transfer
    }

    func transferred(_ count: Int) {
        guard let ended = transfer else { return }
        if count > 0 {
            offset += count
            failuresInARow = 0
            return
        }
        transfer = nil
        bytesFetched += ended.bodyBytes
        switch ended.ending {
        case .complete?:
            if let size = identity?.size, offset < size {
                retry("the answer ended at byte \(offset) of \(size)")
            } else {
                finished = true
            }
        case .failed(let why)?: retry(why)
        case nil: retry("the transfer stopped")
        }
    }

    /// Adds what the file cost to `stats`, under `inputs.remote`.
    func count(into stats: inout RunStats) {
        for (field, value) in [(Counter.RemoteField.files, 1), (.requests, requests), (.bytes, bytesFetched), (.retries, retries),
                               (.resumes, resumes), (.transferMs, milliseconds)] {
            stats.add(.remote(field), value)
        }
    }

    /// The object's identity now, by a HEAD request (with the same retries); nil when it cannot be had.
    func head() -> Identity? {
        defer { close() }
        while failure == nil {
            let answer = send(head: true)
            drain(answer)
            if answer.ending == .complete && (200..<300).contains(answer.status) { return Self.identity(of: answer) }
            guard case .retry(let why, let after) = verdict(on: answer) else { return nil }
            retry(why, after: after)
        }
        return nil
    }

    /// Sends the next request for the object (the rest of it, past `offset`), and takes its answer as the transfer to
    /// read, or as a reason to retry or to fail.
    private func request() {
        let answer = send(head: false)
        let verdict = verdict(on: answer)
        switch verdict {
        case .read:
            transfer = answer
            return
        case .skip(let count) where answer.skip(count) == count:
            // A server that ignores ranges sent the same object whole: what was read already is dropped.
            transfer = answer
            return
        default:
            drain(answer)
        }
        switch verdict {
        case .read: break
        case .skip(let count): retry("the answer ended before byte \(count)")
        case .done: finished = true
        case .retry(let why, let after): retry(why, after: after)
        case .fail(let why): failure = InputProblem(.remote, file: location.name, offset: offset, detail: why)
        }
    }

    /// Runs an answer that is not read to its end, counting its bytes.
    private func drain(_ answer: HTTPTransfer) {
        answer.finish()
        bytesFetched += answer.bodyBytes
    }

    /// A GET of the rest of the object (or a HEAD), once the backoff allows and a slot is free; its header read.
    private func send(head: Bool) -> HTTPTransfer {
        if !holdsSlot {
            options.slots.take()
            holdsSlot = true
        }
        let wait = notBefore - Self.now()
        if wait > 0 { usleep(UInt32(min(wait, 3600) * 1e6)) }
        let now = Self.now()
        if opened == nil { opened = now }
        notBefore = now + 1
        var headers = location.signature(method: head ? "HEAD" : "GET", seconds: Int(time(nil)), options: options)
        if offset > 0 {
            headers.append(("Range", "bytes=\(offset)-"))
            if let validator = identity?.etag.flatMap({ $0.hasPrefix("W/") ? nil : $0 }) ?? identity?.lastModified {
                headers.append(("If-Range", validator))
            }
        }
        requests += 1
        let answer = HTTPTransfer(url: location.url, head: head, headers: headers, userAgent: RemoteOptions.userAgent,
                                  connectTimeout: options.connectTimeout, idleTimeout: options.idleTimeout)
        answer.waitForHeader()
        return answer
    }

    private enum Verdict {
        case read, skip(Int), done, retry(String, after: Double?), fail(String)
    }

    /// What to do with an answer whose header arrived (or that ended before it).
    private func verdict(on answer: HTTPTransfer) -> Verdict {
        guard answer.headerComplete else {
            if case .failed(let why)? = answer.ending { return .retry(why, after: nil) }
            return .retry("the answer ended before its header", after: nil)
        }
        let status = answer.status, now = Self.identity(of: answer)
        switch status {
        case 200 where offset == 0 || identity == nil:
            identity = now
            return offset == 0 ? .read : .skip(offset)
        case 200:
            guard let then = identity, then.etag != nil || then.lastModified != nil, now == then else {
                return .fail(changed(now))
            }
            return .skip(offset)
        case 206:
            let range = Self.contentRange(answer.fields["content-range"])
            guard range?.first == offset else {
                return .fail("asked for bytes from \(offset), got \(answer.fields["content-range"] ?? "no Content-Range")")
            }
            var resumed = now
            resumed.size = range?.total
            guard let then = identity else {
                identity = resumed
                return .read
            }
            if resumed.size != nil && then.size != nil && resumed.size != then.size
                || resumed.etag != nil && then.etag != nil && resumed.etag != then.etag {
                return .fail(changed(resumed))
            }
            return .read
        case 416 where offset > 0 && offset == identity?.size:
            return .done
        case 408, 429, 500..<600:
            let code = Self.s3Error(answer.errorBody).map { " (\($0))" } ?? ""
            return .retry("HTTP \(status)\(code)", after: Self.retryAfter(answer.fields["retry-after"]))
        case 403:
            // S3 says why in its body: a refused key or signature is definite; a bare 403 may be a rate limit.
            if let code = Self.s3Error(answer.errorBody) {
                return .fail("HTTP 403 \(code): S3 refused the request" + (location.key.map { " for key \($0)" } ?? "")
                    + (options.credentials == nil ? " (sent unsigned)" : " (signed with access key \(options.credentials!.accessKey))"))
            }
            return .retry("HTTP 403", after: Self.retryAfter(answer.fields["retry-after"]))
        default:
            let code = Self.s3Error(answer.errorBody).map { " \($0)" } ?? ""
            return .fail("HTTP \(status)\(code): refused, not retried" + (location.key.map { " (key \($0))" } ?? ""))
        }
    }

    private func changed(_ now: Identity) -> String {
        "the object changed while it was read (\(Self.describe(identity)) at first, \(Self.describe(now)) at byte \(offset)): "
            + "not spliced; a rerun reads it again"
    }

    /// Counts a failed request, and sets when the next may go: after a jittered exponential backoff (1, 2, 4 … 60 s,
    /// times 0.5–1), at least a second after this one, or when the server's `Retry-After` says (up to 10 minutes).
    /// Too many failures in a row fail the file.
    private func retry(_ why: String, after: Double? = nil) {
        failuresInARow += 1
        failures += 1
        guard failuresInARow <= options.retries && failures <= 4 * options.retries else {
            failure = InputProblem(.remote, file: location.name, offset: offset,
                                   detail: "given up after \(failures) failed requests; the last: \(why)")
            return
        }
        retries += 1
        if offset > 0 { resumes += 1 }
        let backoff = Double(1 << min(failuresInARow - 1, 6)) * Double.random(in: 0.5...1)
        notBefore = max(notBefore, Self.now() + max(1, min(backoff, 60), min(after ?? 0, 600)))
    }

    /// Ends the open transfer, gives the slot back and counts the time the file was open.
    func close() {
        bytesFetched += transfer?.bodyBytes ?? 0
        transfer = nil
        if holdsSlot {
            options.slots.give()
            holdsSlot = false
        }
        if let opened {
            milliseconds += Int((Self.now() - opened) * 1000)
            self.opened = nil
        }
    }

    private static func identity(of answer: HTTPTransfer) -> Identity {
        Identity(size: answer.fields["content-length"].flatMap { Int($0) }, etag: answer.fields["etag"],
                 lastModified: answer.fields["last-modified"])
    }

    private static func describe(_ identity: Identity?) -> String {
        guard let identity else { return "unknown" }
        return [identity.size.map { "\($0) bytes" }, identity.etag.map { "ETag \($0)" }, identity.lastModified]
            .compactMap { $0 }.joined(separator: ", ")
    }

    /// `Retry-After` as seconds from `now`: a number of seconds, or an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func retryAfter(_ value: String?, now: Int = time(nil)) -> Double? {
        guard let value else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        let fields = value.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let clock = fields.count == 6 ? fields[4].split(separator: ":").compactMap { Int32($0) } : []
        guard fields.count == 6, fields[5] == "GMT", let day = Int32(fields[1]), let month = months.firstIndex(of: String(fields[2])),
              let year = Int32(fields[3]), clock.count == 3 else { return nil }
        var parts = tm()
        (parts.tm_year, parts.tm_mon, parts.tm_mday) = (year - 1900, Int32(month), day)
        (parts.tm_hour, parts.tm_min, parts.tm_sec) = (clock[0], clock[1], clock[2])
        return Double(max(0, timegm(&parts) - now))
    }

    /// `bytes first-last/total` as its first byte and total (nil when `*`).
    static func contentRange(_ value: String?) -> (first: Int, total: Int?)? {
        guard let value, value.hasPrefix("bytes ") else { return nil }
        let parts = value.dropFirst(6).split(separator: "/")
        guard parts.count == 2, let dash = parts[0].firstIndex(of: "-"), let first = Int(parts[0][..<dash]) else { return nil }
        return (first, Int(parts[1]))
    }

    /// The `<Code>` of an S3 error body.
    static func s3Error(_ body: [UInt8]) -> String? {
        let text = String(decoding: body, as: UTF8.self)
        guard let open = text.firstRange(of: "<Code>"), let close = text[open.upperBound...].firstRange(of: "</Code>") else { return nil }
        let code = text[open.upperBound..<close.lowerBound]
        return code.isEmpty || code.count > 64 ? nil : String(code)
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

private extension String {
    var replacingTabs: String { split(separator: "\t", omittingEmptySubsequences: false).joined(separator: " ") }
}
