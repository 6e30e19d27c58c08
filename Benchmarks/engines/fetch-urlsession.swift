// One HTTP engine of Benchmarks/remote-throughput.py: Foundation's URLSession. It GETs a URL, resumes after a failure
// with Range and If-Range from the byte reached (after a second), and hands the bytes to a reader that takes them at
// a fixed rate, as a pipeline would. URLSession pushes bytes to its delegate as they come: they wait in memory until
// the reader takes them. Prints JSON: ok, bytes, requests, peak_buffered.
//
// usage: fetch-urlsession URL READER_MB_PER_S IDLE_TIMEOUT_S
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let condition = NSCondition()
    var chunks: [Data] = []
    var buffered = 0, peak = 0, status = 0
    var etag: String?
    var finished = false, failed = false

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let http = response as! HTTPURLResponse
        condition.lock()
        (status, etag) = (http.statusCode, http.value(forHTTPHeaderField: "ETag"))
        condition.unlock()
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        condition.lock()
        chunks.append(data)
        buffered += data.count
        peak = max(peak, buffered)
        condition.signal()
        condition.unlock()
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        condition.lock()
        (finished, failed) = (true, error != nil)
        condition.signal()
        condition.unlock()
    }
}

let url = URL(string: CommandLine.arguments[1])!
let rate = Double(CommandLine.arguments[2])! * 1e6
let configuration = URLSessionConfiguration.ephemeral
configuration.timeoutIntervalForRequest = Double(CommandLine.arguments[3])!
var offset = 0, requests = 0, peak = 0, failures = 0
var etag: String?
while true {
    let transfer = Transfer()
    let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
    var request = URLRequest(url: url)
    if offset > 0 {
        request.setValue("bytes=\(offset)-", forHTTPHeaderField: "Range")
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-Range") }
    }
    requests += 1
    session.dataTask(with: request).resume()
    while true {
        transfer.condition.lock()
        while transfer.chunks.isEmpty && !transfer.finished { transfer.condition.wait() }
        guard !transfer.chunks.isEmpty else {
            transfer.condition.unlock()
            break
        }
        let chunk = transfer.chunks.removeFirst()
        transfer.buffered -= chunk.count
        let status = transfer.status
        transfer.condition.unlock()
        guard status == 200 || status == 206 else { continue }
        offset += chunk.count
        Thread.sleep(forTimeInterval: Double(chunk.count) / rate)
    }
    session.finishTasksAndInvalidate()
    peak = max(peak, transfer.peak)
    if etag == nil { etag = transfer.etag }
    if !transfer.failed && (200...299).contains(transfer.status) { break }
    failures += 1
    guard failures <= 8 else { break }
    Thread.sleep(forTimeInterval: 1)
}
print("{\"ok\": \(failures <= 8), \"bytes\": \(offset), \"requests\": \(requests), \"peak_buffered\": \(peak)}")
