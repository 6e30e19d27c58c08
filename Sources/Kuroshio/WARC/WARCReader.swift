/// Reads WARC records one at a time from a `.warc` or `.warc.gz` file (WARC/0.18, 1.0 and 1.1, and ARC files, whose
/// records come out as WARC ones), in bounded memory. Bad input never stops it: a truncated record comes back with a `truncated` problem, garbage is skipped
/// up to the next `WARC/` line, and a record above `maxRecordBytes` is skipped without being buffered.
public final class WARCReader: Sequence, IteratorProtocol {
    public static let defaultMaxRecordBytes = 16 << 20
    /// The largest record cap a caller may set: a record is held in memory whole.
    public static let largestMaxRecordBytes = 1 << 30

    public let path: String
    public let maxRecordBytes: Int
    /// The header and resynchronisation bounds (`headerBytes`, `headerFields`, `resyncBytes`).
    public let limits: InputLimits
    /// Set when more than `limits.resyncBytes` in a row of a plain file were not a record: the rest is given up.
    private var givenUp = false
    let stream: ByteStream
    var pending: [InputProblem] = []
    /// Whether the file is in the older ARC format (it starts with a `filedesc://` record).
    private var isARC: Bool?
    /// Problems that belong to no record (such as garbage at the end of the file), once the file is read.
    public private(set) var trailingProblems: [InputProblem] = []

    /// How far into the file (in its own, possibly compressed, bytes) reading has come.
    public var fileBytesRead: Int { stream.fileBytesRead }

    /// Opens `path` for reading, from its start or from the record or gzip member at byte `offset`.
    public init(path: String, offset: Int = 0, maxRecordBytes: Int = WARCReader.defaultMaxRecordBytes,
                limits: InputLimits = InputLimits()) throws(InputProblem) {
        self.path = path
        self.limits = limits
        self.maxRecordBytes = Swift.min(Swift.max(maxRecordBytes, 1), Self.largestMaxRecordBytes)
        stream = try ByteStream(path: path, fileOffset: offset)
    }

    /// Reads the remote file `remote` (named by its URL) from its start.
    init(remote: RemoteFile, maxRecordBytes: Int, limits: InputLimits) throws(InputProblem) {
        path = remote.location.name
        self.limits = limits
        self.maxRecordBytes = Swift.min(Swift.max(maxRecordBytes, 1), Self.largestMaxRecordBytes)
        stream = try ByteStream(path: path, remote: remote)
    }

    public func next() -> WARCRecord? {
        while true {
            skipBlankLines()
            guard !givenUp, stream.fill(1) else {
                claimBreaks(through: .max, into: &pending)
                trailingProblems += pending
                pending = []
                return nil
            }
            if isARC == nil {
                stream.fill(11)
                isARC = stream.bytes.starts(with: "filedesc://".utf8)
            }
            if isARC == true {
                if let record = readARCRecord() { return record }
            } else if startsWithVersionLine() {
                if let record = readRecord() { return record }
            } else {
                skipGarbage()
            }
        }
    }

    private func skipBlankLines() {
        while stream.fill(1) {
            var n = 0
            let bytes = stream.bytes
            while n < bytes.count && (bytes[n] == 0x0d || bytes[n] == 0x0a) { n += 1 }
            stream.consume(n)
            if n < bytes.count { return }
        }
    }

    /// Whether the next bytes are `WARC/` followed by a version number.
    private func startsWithVersionLine() -> Bool {
        stream.fill(8)
        return isVersionLine(stream.bytes, at: 0)
    }

    private func isVersionLine(_ b: ByteView, at i: Int) -> Bool {
        guard i + 6 < b.count, b[i] == 0x57, b[i + 1] == 0x41, b[i + 2] == 0x52, b[i + 3] == 0x43, b[i + 4] == 0x2f
        else { return false }
        return b[i + 5] >= 0x30 && b[i + 5] <= 0x39
    }

    /// Bytes read at a time while scanning garbage or skipping an oversize block: the window never grows with them.
    static let readStep = 1 << 16

    /// Skips bytes up to the next line, or gzip member, that starts with `WARC/` and a digit, noting one `resync`
    /// problem.
    private func skipGarbage() {
        let from = stream.position
        let fileOffset = stream.fileOffset(of: from)
        stream.consume(1)
        while stream.fill(8) || stream.available > 0 {
            let b = stream.bytes
            // The scan stops at the bound, however much is in view.
            let scanEnd = Swift.min(b.count, Swift.max(0, limits.resyncBytes - (stream.position - from)) + 8)
            var i = 0
            var found = false
            while i + 7 <= scanEnd {
                if b[i] == 0x0a && isVersionLine(b, at: i + 1) { found = true; break }
                i += 1
            }
            // A record also starts where a gzip member does, with no line break before it.
            if let member = stream.memberStartsAhead.first(where: { $0 <= i && isVersionLine(b, at: $0) }) {
                stream.consume(member)
                break
            }
            if found { stream.consume(i + 1); break }
            if stream.atEOF && scanEnd == b.count { stream.consume(b.count); break }
            if scanEnd < b.count || stream.position - from > limits.resyncBytes {
                // Past the bound, a gzip member is dropped unread and reading goes on at the next one; in a plain
                // file, the rest is given up.
                let abandoned = stream.abandonMember(at: Swift.max(0, scanEnd - 8))
                givenUp = !abandoned
                pending.append(InputProblem(.resyncLimit, file: path, offset: fileOffset,
                                            detail: "over \(limits.resyncBytes) bytes without a record: the rest of "
                                                + (abandoned ? "the gzip member" : "the file") + " is skipped"))
                return
            }
            // Keep the last 7 bytes (a version line may straddle) and read on in bounded steps: the window
            // never grows with the garbage.
            stream.consume(Swift.max(0, b.count - 7))
            stream.fill(Self.readStep)
        }
        pending.append(InputProblem(.resync, file: path, offset: fileOffset,
                                    detail: "\(stream.position - from) bytes that are not a WARC record skipped"))
    }

    /// Reads the record at the current position, or returns nil when its header is not one.
    private func readRecord() -> WARCRecord? {
        let start = stream.position
        let offset = stream.fileOffset(of: start)
        guard let headerLength = findHeaderEnd() else {
            if stream.atEOF {
                // The file ends inside the header: report what is there as a truncated record.
                let (version, headers) = parseHead(stream.bytes, length: stream.available)
                stream.consume(stream.available)
                var problems = pending + [InputProblem(.truncated, file: path, offset: offset, detail: "file ends inside a WARC header")]
                pending = []
                claimBreaks(through: .max, into: &problems, absorbing: .truncated)
                return WARCRecord(file: path, offset: offset, version: version, headers: headers, block: [],
                                  contentLength: 0, problems: problems)
            }
            skipGarbage()
            return nil
        }
        let (version, headers) = parseHead(stream.bytes, length: headerLength.head)
        stream.consume(headerLength.total)
        var problems = pending
        pending = []
        guard let length = headers["Content-Length"].flatMap({ Int($0) }), length >= 0 else {
            problems.append(InputProblem(.badHeader, file: path, offset: offset, detail: "no valid Content-Length"))
            return WARCRecord(file: path, offset: offset, version: version, headers: headers, block: [],
                              contentLength: 0, problems: problems)
        }
        var block: [UInt8] = []
        var got: Int
        if length > maxRecordBytes {
            got = skipBlock(length)
            problems.append(InputProblem(.oversize, file: path, offset: offset,
                                         detail: "\(length) bytes, above the \(maxRecordBytes)-byte cap"))
        } else {
            stream.fill(length + 8)
            got = Swift.min(length, stream.available)
            if let next = nextRecordMember(within: got) { got = next }
            block = stream.bytes[0..<got].array
            stream.consume(got)
        }
        if got < length {
            problems.append(InputProblem(.truncated, file: path, offset: offset,
                                         detail: "block has \(got) of \(length) bytes"))
        }
        claimBreaks(through: stream.position, into: &problems, absorbing: got < length ? .truncated : nil)
        return WARCRecord(file: path, offset: offset, version: version, headers: headers, block: block,
                          contentLength: length, bytesRead: got, problems: problems)
    }

    /// Where, within the next `count` readable bytes, a gzip member starts with a WARC record: a declared length that
    /// runs into it is wrong, and the block ends there (so the records after it are not lost).
    private func nextRecordMember(within count: Int) -> Int? {
        stream.memberStartsAhead.first { $0 < count && isVersionLine(stream.bytes, at: $0) }
    }

    /// Skips an oversize block without holding it, up to its declared length, the end of the input, or a gzip member
    /// that starts a record. Returns how many bytes it skipped.
    private func skipBlock(_ length: Int) -> Int {
        var got = 0
        while got < length {
            stream.fill(Swift.min(length - got, Self.readStep) + 8)
            guard stream.available > 0 else { break }
            // Leave 7 bytes unread until the input ends, so that a version line at a member start is seen whole.
            let step = Swift.min(length - got, stream.atEOF ? stream.available : Swift.max(stream.available - 7, 1))
            if let next = nextRecordMember(within: step) {
                stream.consume(next)
                return got + next
            }
            stream.consume(step)
            got += step
        }
        return got
    }

    /// Moves the stream's breaks up to `position` into `problems`. A break of the kind already reported for the
    /// record (a truncated block at a truncated gzip stream) is the same problem and is not added twice.
    func claimBreaks(through position: Int, into problems: inout [InputProblem], absorbing: ProblemKind? = nil) {
        for item in stream.takeBreaks(through: position) where item.kind != absorbing {
            problems.append(InputProblem(item.kind, file: path, offset: item.fileOffset, detail: item.detail))
        }
    }

    /// Finds the blank line that ends the header block: its length without and with the blank line.
    private func findHeaderEnd() -> (head: Int, total: Int)? {
        var scanned = 0
        while true {
            let b = stream.bytes
            var i = Swift.max(0, scanned - 3)
            while i < b.count {
                if b[i] == 0x0a {
                    if i + 1 < b.count && b[i + 1] == 0x0a { return (i + 1, i + 2) }
                    if i + 2 < b.count && b[i + 1] == 0x0d && b[i + 2] == 0x0a { return (i + 1, i + 3) }
                }
                i += 1
            }
            scanned = b.count
            if scanned >= limits.headerBytes || !stream.fill(scanned + 4096) && stream.available == scanned {
                return nil
            }
        }
    }

    private func parseHead(_ bytes: ByteView, length: Int) -> (String, HeaderFields) {
        var lineEnd = 0
        while lineEnd < length && bytes[lineEnd] != 0x0a { lineEnd += 1 }
        let versionLine = trimmedString(bytes, 5, lineEnd > 0 && bytes[lineEnd - 1] == 0x0d ? lineEnd - 1 : lineEnd)
        let rest = bytes[Swift.min(lineEnd + 1, length)..<length]
        let headers = HeaderFields.parse(rest, maxFields: limits.headerFields)
        if headers.overflowed {
            pending.append(InputProblem(.headerLimit, file: path, offset: stream.fileOffset(of: stream.position),
                                        detail: "fields after the first \(limits.headerFields) dropped"))
        }
        return (versionLine, headers)
    }
}
