// One HTTP engine of Benchmarks/remote-throughput.py: libcurl, pulled by the reader through Kuroshio's own
// `HTTPTransfer` (Sources/Kuroshio/Memory/HTTPTransfer.swift, compiled in). The same policy as fetch-urlsession: GET,
// resume after a failure with Range and If-Range from the byte reached (after a second), and a reader that takes the
// bytes at a fixed rate. Nothing is read from the socket before the reader asks. Prints JSON: ok, bytes, requests.
//
// usage: fetch-libcurl URL READER_MB_PER_S IDLE_TIMEOUT_S
#if canImport(Glibc)
import Glibc
#endif

let url = CommandLine.arguments[1]
let rate = Double(CommandLine.arguments[2])! * 1e6
let idle = Double(CommandLine.arguments[3])!
var offset = 0, requests = 0, failures = 0
var etag: String?
var buffer = [UInt8](repeating: 0, count: 64 << 10)
while true {
    var headers: [(String, String)] = []
    if offset > 0 {
        headers.append(("Range", "bytes=\(offset)-"))
        if let etag { headers.append(("If-Range", etag)) }
    }
    requests += 1
    let transfer = HTTPTransfer(url: url, headers: headers, userAgent: "fetch-libcurl", connectTimeout: 10, idleTimeout: idle)
    transfer.waitForHeader()
    if etag == nil { etag = transfer.fields["etag"] }
    while true {
        let n = buffer.withUnsafeMutableBytes { transfer.read(into: $0) }
        if n == 0 { break }
        offset += n
        usleep(UInt32(Double(n) / rate * 1e6))
    }
    transfer.finish()
    if transfer.ending == .complete && (200...299).contains(transfer.status) { break }
    failures += 1
    guard failures <= 8 else { break }
    sleep(1)
}
print("{\"ok\": \(failures <= 8), \"bytes\": \(offset), \"requests\": \(requests)}")
