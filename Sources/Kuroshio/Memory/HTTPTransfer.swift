import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP request made with libcurl, read by pulling: `read(into:)` runs the transfer on the calling thread until
/// bytes arrive. Nothing is read from the socket ahead of the reader, so TCP holds the sender back and the body never
/// sits in memory whole: at most one read's worth (libcurl's pause bounds it to `pauseAbove`) waits here. The body of
/// an answer that is not a success is kept apart (its first 4 KiB), never handed to the reader.
final class HTTPTransfer {
    /// How a transfer ended.
    enum Ending: Equatable {
        case complete
        /// libcurl's error, or a stall: nothing arrived for the idle timeout.
        case failed(String)
    }

    /// The final answer's status (0 until its status line arrives) and header fields, by lowercased name.
    private(set) var status = 0
    private(set) var fields: [String: String] = [:]
    /// Whether the final answer's header is complete.
    private(set) var headerComplete = false
    /// The first 4 KiB of the body of an answer that is not a success.
    private(set) var errorBody: [UInt8] = []
    /// Body bytes received, of every answer.
    private(set) var bodyBytes = 0
    private(set) var ending: Ending?

    private let multi: UnsafeMutableRawPointer
    private let easy: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var paused = false
    private let idleTimeout: Double
    private var lastProgress: Double
    private var headerBytes = 0
    /// Body bytes held for the reader past which libcurl is paused.
    static let pauseAbove = 1 << 20

    private static let global: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// Starts a GET (or a HEAD) of `url` with `headers`, failing when no connection is made in `connectTimeout`
    /// seconds or nothing arrives for `idleTimeout` seconds while the reader waits. Only http and https are spoken,
    /// redirects included.
    init(url: String, head: Bool = false, headers: [(String, String)], userAgent: String, connectTimeout: Double,
         idleTimeout: Double) {
        _ = Self.global
        multi = curl_multi_init()
        easy = curl_easy_init()
        self.idleTimeout = idleTimeout
        lastProgress = Self.now()
        for (name, value) in headers { headerList = curl_slist_append(headerList, "\(name): \(value)") }
        _ = kuroshio_curl_set_string(easy, CURLOPT_URL, url)
        _ = kuroshio_curl_set_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = kuroshio_curl_set_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = kuroshio_curl_set_string(easy, CURLOPT_USERAGENT, userAgent)
        _ = kuroshio_curl_set_list(easy, CURLOPT_HTTPHEADER, headerList)
        _ = kuroshio_curl_set_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = kuroshio_curl_set_long(easy, CURLOPT_FOLLOWLOCATION, 1)
        _ = kuroshio_curl_set_long(easy, CURLOPT_MAXREDIRS, 5)
        _ = kuroshio_curl_set_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        _ = kuroshio_curl_set_long(easy, CURLOPT_BUFFERSIZE, 256 << 10)
        _ = kuroshio_curl_set_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Int(connectTimeout * 1000))
        if head { _ = kuroshio_curl_set_long(easy, CURLOPT_NOBODY, 1) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = kuroshio_curl_set_callback(easy, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            Unmanaged<HTTPTransfer>.fromOpaque(context!).takeUnretainedValue()
                .receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        }
        _ = kuroshio_curl_set_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = kuroshio_curl_set_callback(easy, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            Unmanaged<HTTPTransfer>.fromOpaque(context!).takeUnretainedValue()
                .receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
        }
        _ = kuroshio_curl_set_pointer(easy, CURLOPT_HEADERDATA, context)
        curl_multi_add_handle(multi, easy)
    }

    deinit {
        curl_multi_remove_handle(multi, easy)
        curl_easy_cleanup(easy)
        curl_multi_cleanup(multi)
        curl_slist_free_all(headerList)
    }

    /// Copies up to `buffer.count` next body bytes of a successful answer into `buffer`; 0 once the transfer ended
    /// (`ending` says how).
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while pending.count == pendingStart {
            if ending != nil { return 0 }
            drive()
        }
        let count = min(buffer.count, pending.count - pendingStart)
        pending.withUnsafeBytes { held in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: held[pendingStart..<pendingStart + count]))
        }
        pendingStart += count
        resumeIfDrained()
        return count
    }

    /// Runs the transfer until the final answer's header is complete, or the transfer ends.
    func waitForHeader() {
        while !headerComplete && ending == nil { drive() }
    }

    /// Drops up to `count` body bytes; returns how many it dropped (fewer only when the transfer ended).
    func skip(_ count: Int) -> Int {
        var left = count
        while left > 0 {
            if pending.count == pendingStart {
                if ending != nil { break }
                drive()
                continue
            }
            let n = min(left, pending.count - pendingStart)
            pendingStart += n
            left -= n
            resumeIfDrained()
        }
        return count - left
    }

    /// Runs the transfer to its end, dropping the body (an error answer's first bytes stay in `errorBody`).
    func finish() {
        while ending == nil {
            pendingStart = pending.count
            resumeIfDrained()
            drive()
        }
    }

    /// Lets libcurl deliver again once the reader has taken most of what it held.
    private func resumeIfDrained() {
        if paused && pending.count - pendingStart < Self.pauseAbove / 2 {
            paused = false
            curl_easy_pause(easy, CURLPAUSE_CONT)
        }
    }

    /// One step of the transfer: what libcurl can do now, else a wait of up to 200 ms for the socket.
    private func drive() {
        let before = (bodyBytes, headerBytes)
        var running: Int32 = 0
        curl_multi_perform(multi, &running)
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE else { continue }
            let code = kuroshio_curl_message_result(message)
            ending = code == CURLE_OK ? .complete : .failed(String(cString: curl_easy_strerror(code)) + " (curl \(code.rawValue))")
        }
        let now = Self.now()
        if ending != nil || before != (bodyBytes, headerBytes) {
            lastProgress = now
            return
        }
        if now - lastProgress >= idleTimeout {
            ending = .failed("stalled: nothing arrived for \(idleTimeout) s")
            return
        }
        var ready: Int32 = 0
        curl_multi_poll(multi, nil, 0, 200, &ready)
    }

    private func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard (200..<300).contains(status) else {
            bodyBytes += bytes.count
            errorBody += bytes.prefix(max(0, 4096 - errorBody.count))
            return bytes.count
        }
        if pending.count - pendingStart >= Self.pauseAbove {
            paused = true
            return Int(CURL_WRITEFUNC_PAUSE)
        }
        bodyBytes += bytes.count
        if pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
        }
        pending += bytes
        return bytes.count
    }

    /// Each header line of each answer (redirects and `100 Continue` included): a status line starts an answer.
    private func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Int {
        headerBytes += bytes.count
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: " \t\r\n")
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            fields = [:]
            errorBody = []
            headerComplete = false
        } else if line.isEmpty {
            headerComplete = !(100..<200).contains(status)
        } else if let colon = line.firstIndex(of: ":") {
            fields[line[..<colon].lowercased()] = String(line[line.index(after: colon)...]).trimmingCharacters(in: " \t")
        }
        return bytes.count
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A stream of bytes that come from HTTP transfers one after another: a remote file, resumed after each break.
protocol TransferSource: AnyObject {
    /// The transfer to read the next bytes from, or nil when there are none (the end, or a failure it records).
    func currentTransfer() -> HTTPTransfer?
    /// Told how many bytes were read from the current transfer: 0 when it ended.
    func transferred(_ count: Int)
}
