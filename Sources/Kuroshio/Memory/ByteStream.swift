import CDeflate
import CZlib
import CZstd
#if canImport(Glibc)
import Glibc
#endif

/// A forward-only window over a file's bytes. Gzip input (one member per record, or one for the whole file) is
/// inflated straight into the window: a member that lies whole in the read buffer and inflates to at most
/// `wholeMemberBytes` is inflated in one call by libdeflate (its CRC and size checked), and any other (a longer one,
/// a cut or corrupt one) is streamed through zlib, which says where it breaks. Zstd input (one frame or several) is
/// streamed too. Memory stays bounded: the window grows only to the largest span a caller asks to see at once, or
/// `wholeMemberBytes` past what is unread.
final class ByteStream {
    /// A discontinuity in the decompressed data: the bytes before `position` end abruptly.
    struct Break {
        var kind: ProblemKind
        /// Stream (decompressed) offset where the good data ends.
        var position: Int
        /// File offset of the gzip member where it happened.
        var fileOffset: Int
        var detail: String
    }

    let path: String
    private(set) var isGzip = false
    private(set) var isZstd = false
    /// The local file read, or -1 for a remote one.
    private let fd: Int32
    private let remote: TransferSource?
    private var zstd: OpaquePointer?

    private var window: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    /// Stream offset of `window[0]`.
    private var base = 0
    private(set) var atEOF = false

    private var raw: UnsafeMutablePointer<UInt8>
    private let rawCapacity = 1 << 20
    /// The most a gzip member may inflate to for libdeflate to take it whole: Common Crawl cuts payloads at 1 MiB,
    /// so its records fit.
    static let wholeMemberBytes = 4 << 20
    private var rawStart = 0
    private var rawEnd = 0
    /// File offset of `raw[0]`.
    private var rawBase = 0
    private var rawEOF = false
    private var zs = z_stream()
    private var deflater: OpaquePointer?
    private var inMember = false
    private var memberFileOffset = 0
    /// Set after a corrupt member, while skipping to the next one.
    private var recovering = false

    /// Gzip member starts not yet consumed: (stream offset, file offset).
    private var memberStarts: [(stream: Int, file: Int)] = []
    /// Discontinuities not yet claimed by the reader.
    private(set) var breaks: [Break] = []

    /// Opens `path`, starting at byte `fileOffset` (a record or gzip member start); or reads the transfers of
    /// `remote`, named `path`, from its start.
    init(path: String, fileOffset: Int = 0, remote: TransferSource? = nil) throws(InputProblem) {
        self.path = path
        self.remote = remote
        if remote == nil {
            fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                throw InputProblem(.unreadable, file: path, offset: 0, detail: String(cString: strerror(errno)))
            }
            if fileOffset > 0 { lseek(fd, off_t(fileOffset), SEEK_SET) }
        } else {
            fd = -1
        }
        capacity = 1 << 20
        window = .allocate(capacity: capacity)
        raw = .allocate(capacity: rawCapacity)
        rawBase = fileOffset
        base = fileOffset
        while rawEnd < 4 && !rawEOF { _ = refillRaw() }
        isGzip = rawEnd >= 2 && raw[0] == 0x1f && raw[1] == 0x8b
        isZstd = rawEnd >= 4 && raw[0] == 0x28 && raw[1] == 0xB5 && raw[2] == 0x2F && raw[3] == 0xFD
        if isGzip {
            base = 0
            _ = kuroshio_inflateInit2(&zs, 15 + 16)
            deflater = libdeflate_alloc_decompressor()
        }
        if isZstd {
            base = 0
            zstd = ZSTD_createDCtx()
        }
    }

    deinit {
        if isGzip { inflateEnd(&zs) }
        if let deflater { libdeflate_free_decompressor(deflater) }
        if let zstd { ZSTD_freeDCtx(zstd) }
        if fd >= 0 { close(fd) }
        window.deallocate()
        raw.deallocate()
    }

    /// Bytes of the file read and used so far.
    var fileBytesRead: Int { isGzip || isZstd ? rawBase + rawStart : position }

    /// Stream offset of the next unread byte.
    var position: Int { base + start }
    /// Number of bytes readable now without refilling.
    var available: Int { end - start }
    /// The unread bytes in the window.
    var bytes: ByteView { ByteView(unsafe: UnsafeBufferPointer(start: window + start, count: end - start)) }

    /// Makes at least `count` bytes readable, unless the input ends first. Returns whether it could.
    @discardableResult
    func fill(_ count: Int) -> Bool {
        while end - start < count {
            if atEOF { return false }
            makeRoom(for: count)
            produce()
        }
        return true
    }

    /// Drops `count` readable bytes; traps unless `0 <= count <= available`.
    func consume(_ count: Int) {
        precondition(count >= 0 && count <= available, "ByteStream: consumed past the readable bytes")
        start += count
        if start == end {
            base += start
            start = 0
            end = 0
        }
        while let first = memberStarts.first, first.stream < position { memberStarts.removeFirst() }
    }

    /// Drops `count` bytes, reading through the input without growing the window. Returns how many were dropped.
    func skip(_ count: Int) -> Int {
        var left = count
        while left > 0 {
            if available == 0 {
                if atEOF { break }
                makeRoom(for: 1)
                produce()
                continue
            }
            let n = min(left, available)
            consume(n)
            left -= n
        }
        return count - left
    }

    /// The file offset at which a reader can seek to reach stream offset `position`: the gzip member starting
    /// there, or the offset itself in an uncompressed file. Records inside a larger gzip member have no such
    /// offset; they are named by their decompressed offset.
    func fileOffset(of position: Int) -> Int {
        guard isGzip else { return position }
        return memberStarts.first(where: { $0.stream == position })?.file ?? position
    }

    /// Where gzip members start within the readable bytes, as offsets from the read position.
    var memberStartsAhead: [Int] {
        memberStarts.lazy.map { $0.stream - self.position }.filter { $0 > 0 && $0 < self.available }
    }

    /// Removes and returns the breaks at or before stream offset `position`.
    func takeBreaks(through position: Int) -> [Break] {
        let taken = breaks.filter { $0.position <= position }
        if !taken.isEmpty { breaks.removeAll { $0.position <= position } }
        return taken
    }

    /// Moves unread bytes to the front, growing the window if needed, so that `count` bytes fit from the read
    /// position with at least 64 KiB free to read into.
    private func makeRoom(for count: Int) {
        let unread = end - start
        let needed = max(count, unread + (64 << 10))
        if capacity - start >= needed { return }
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        if newCapacity == capacity {
            if unread > 0 { memmove(window, window + start, unread) }
        } else {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: window + start, count: unread)
            window.deallocate()
            window = grown
            capacity = newCapacity
        }
        base += start
        start = 0
        end = unread
    }

    /// Appends at least one byte to the window, or sets `atEOF`.
    private func produce() {
        if isZstd { return produceZstd() }
        if !isGzip {
            // What the format check read comes first.
            let n = rawStart < rawEnd ? min(rawEnd - rawStart, capacity - end) : readInput(window + end, capacity - end)
            if rawStart < rawEnd {
                (window + end).update(from: raw + rawStart, count: n)
                rawStart += n
            }
            if n > 0 { end += n } else { atEOF = true }
            return
        }
        while true {
            if rawStart == rawEnd && !refillRaw() { return endOfInput("gzip stream ends mid-member") }
            if !inMember {
                guard beginMember() else { continue }
                let before = end
                if inflateWholeMember() {
                    if end > before { return }
                    continue
                }
            }
            zs.next_in = raw + rawStart
            zs.avail_in = UInt32(rawEnd - rawStart)
            zs.next_out = window + end
            zs.avail_out = UInt32(capacity - end)
            let status = inflate(&zs, Z_NO_FLUSH)
            let consumed = (rawEnd - rawStart) - Int(zs.avail_in)
            let produced = (capacity - end) - Int(zs.avail_out)
            rawStart += consumed
            end += produced
            switch status {
            case Z_STREAM_END:
                inMember = false
            case Z_OK, Z_BUF_ERROR:
                break
            default:
                let message = zs.msg.map { String(cString: $0) } ?? "inflate error \(status)"
                breaks.append(Break(kind: .corrupt, position: base + end, fileOffset: memberFileOffset,
                                    detail: message))
                inMember = false
                recovering = true
            }
            if produced > 0 { return }
        }
    }

    /// Inflates the member just begun in one call with libdeflate, when it lies whole in the read buffer and its
    /// output fits the window (which is given `wholeMemberBytes` of room first). Returns false, having used nothing,
    /// when it does not; zlib then streams the member.
    private func inflateWholeMember() -> Bool {
        guard let deflater else { return false }
        if rawEnd - rawStart < rawCapacity / 2 && !rawEOF { _ = refillRaw() }
        if capacity - end < Self.wholeMemberBytes { makeRoom(for: end - start + Self.wholeMemberBytes) }
        var consumed = 0, produced = 0
        let result = libdeflate_gzip_decompress_ex(deflater, raw + rawStart, rawEnd - rawStart, window + end, capacity - end,
                                                   &consumed, &produced)
        guard result == LIBDEFLATE_SUCCESS else { return false }
        rawStart += consumed
        end += produced
        inMember = false
        return true
    }

    /// The compressed input is used up: a member or frame still open is cut short.
    private func endOfInput(_ detail: String) {
        if inMember {
            breaks.append(Break(kind: .truncated, position: base + end, fileOffset: memberFileOffset, detail: detail))
            inMember = false
        }
        atEOF = true
    }

    /// Appends zstd-decompressed bytes to the window, or sets `atEOF`. A stream cut inside a frame, or corrupt,
    /// leaves a break.
    private func produceZstd() {
        while true {
            if rawStart == rawEnd && !refillRaw() { return endOfInput("zstd stream ends mid-frame") }
            if !inMember { memberFileOffset = rawBase + rawStart }
            var input = ZSTD_inBuffer(src: raw + rawStart, size: rawEnd - rawStart, pos: 0)
            var output = ZSTD_outBuffer(dst: window + end, size: capacity - end, pos: 0)
            let status = ZSTD_decompressStream(zstd, &output, &input)
            rawStart += input.pos
            end += output.pos
            if ZSTD_isError(status) != 0 {
                breaks.append(Break(kind: .corrupt, position: base + end, fileOffset: memberFileOffset,
                                    detail: String(cString: ZSTD_getErrorName(status))))
                // Nothing after a corrupt zstd frame can be found again: stop here.
                rawStart = rawEnd
                rawEOF = true
                inMember = false
                atEOF = true
                return
            }
            inMember = status != 0
            if output.pos > 0 { return }
        }
    }

    /// At a member boundary: starts the next gzip member, or skips bytes up to one. Returns whether a member began.
    private func beginMember() -> Bool {
        if rawEnd - rawStart < 3 && !rawEOF { _ = refillRaw() }
        if rawEnd - rawStart >= 3 && raw[rawStart] == 0x1f && raw[rawStart + 1] == 0x8b && raw[rawStart + 2] == 8 {
            memberFileOffset = rawBase + rawStart
            memberStarts.append((stream: base + end, file: memberFileOffset))
            inflateReset(&zs)
            inMember = true
            recovering = false
            return true
        }
        // Not a member: skip at least one byte, then up to the next gzip magic. Zero or blank padding is skipped
        // silently, and so are the remains of a corrupt member, which is reported already.
        let from = rawBase + rawStart
        var meaningful = false
        repeat {
            let byte = raw[rawStart]
            if byte != 0 && byte != 0x0a && byte != 0x0d && byte != 0x20 { meaningful = true }
            rawStart += 1
        } while rawStart < rawEnd && !(raw[rawStart] == 0x1f && (rawStart + 1 == rawEnd || raw[rawStart + 1] == 0x8b))
        if meaningful && !recovering {
            breaks.append(Break(kind: .resync, position: base + end, fileOffset: from,
                                detail: "\(rawBase + rawStart - from) bytes between gzip members"))
        }
        return false
    }

    /// Drops the rest of the gzip member that holds the readable byte at `offset` (what is decompressed of it, and
    /// the rest of its deflate data), so that reading goes on at the next member. Returns false when the input is
    /// not gzip.
    func abandonMember(at offset: Int = 0) -> Bool {
        guard isGzip else { return false }
        if let next = memberStartsAhead.first(where: { $0 > offset }) {
            consume(next)
            return true
        }
        consume(available)
        if inMember {
            inMember = false
            recovering = true
        }
        return true
    }

    /// Reads more compressed input, keeping unread bytes. Returns false at end of file.
    private func refillRaw() -> Bool {
        if rawEOF { return rawStart < rawEnd }
        let unread = rawEnd - rawStart
        if rawStart > 0 {
            if unread > 0 { memmove(raw, raw + rawStart, unread) }
            rawBase += rawStart
            rawStart = 0
            rawEnd = unread
        }
        let n = readInput(raw + rawEnd, rawCapacity - rawEnd)
        if n > 0 { rawEnd += n } else { rawEOF = true }
        return rawStart < rawEnd
    }

    /// Reads up to `count` bytes of the input into `destination`: from the file, or from the remote source's
    /// transfers (one after another, as it resumes them). Returns 0 at the end.
    private func readInput(_ destination: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        guard let remote else { return read(fd, destination, count) }
        let buffer = UnsafeMutableRawBufferPointer(start: destination, count: count)
        while let transfer = remote.currentTransfer() {
            let n = transfer.read(into: buffer)
            remote.transferred(n)
            if n > 0 { return n }
        }
        return 0
    }
}
