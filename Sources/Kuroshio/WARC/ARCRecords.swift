/// ARC, the Internet Archive's format before WARC: each record is one header line, `URL IP date content-type length`
/// (version 1; version 2 adds fields before the length, which stays last), then `length` bytes. Records come out as
/// WARC records, as warcio converts them: the first (`filedesc://`) is `warcinfo`, the rest are `response`.
extension WARCReader {
    /// Reads the ARC record at the current position, or skips a line that is not an ARC header (nil).
    func readARCRecord() -> WARCRecord? {
        let start = stream.position
        let offset = stream.fileOffset(of: start)
        var lineEnd: Int?
        while lineEnd == nil {
            lineEnd = stream.bytes.firstIndex(of: 0x0A)
            if lineEnd == nil && (!stream.fill(stream.available + 4096) || stream.available > limits.headerBytes) { break }
        }
        let lineLength = lineEnd ?? stream.available
        let line = stream.bytes[0..<lineLength].string
        stream.consume(Swift.min(stream.available, lineLength + 1))
        let fields = line.split(separator: " ")
        guard fields.count >= 5, let length = Int(fields.last!), length >= 0, fields[0].contains("://") else {
            // One problem for a run of such lines, so that garbage cannot grow the list.
            if pending.last?.kind != .resync {
                pending.append(InputProblem(.resync, file: path, offset: offset, detail: "lines that are not ARC headers skipped"))
            }
            return nil
        }
        let uri = String(fields[0])
        let isInfo = uri.hasPrefix("filedesc://")
        let date = String(fields[2])
        var headers = HeaderFields()
        headers.append(name: "WARC-Type", value: isInfo ? "warcinfo" : "response")
        if !isInfo { headers.append(name: "WARC-Target-URI", value: uri) }
        headers.append(name: "WARC-Date", value: Self.isoDate(arc: date))
        headers.append(name: "Content-Type", value: isInfo ? "text/plain"
                       : uri.hasPrefix("http") ? "application/http; msgtype=response" : String(fields[3]))
        headers.append(name: "Content-Length", value: String(length))
        var problems = pending
        pending = []
        var block: [UInt8] = []
        var got: Int
        if length > maxRecordBytes {
            got = stream.skip(length)
            if got < length {
                problems.append(InputProblem(.truncated, file: path, offset: offset, detail: "block cut short"))
            }
            problems.append(InputProblem(.oversize, file: path, offset: offset, detail: "\(length) bytes"))
        } else {
            stream.fill(length)
            got = Swift.min(length, stream.available)
            block = stream.bytes[0..<got].array
            stream.consume(got)
            if got < length {
                problems.append(InputProblem(.truncated, file: path, offset: offset, detail: "block has \(got) of \(length) bytes"))
            }
        }
        claimBreaks(through: stream.position, into: &problems, absorbing: .truncated)
        return WARCRecord(file: path, offset: offset, version: "ARC", headers: headers, block: block, contentLength: length,
                          bytesRead: got, problems: problems)
    }

    /// `20140216050221` as `2014-02-16T05:02:21Z`; other forms unchanged.
    static func isoDate(arc: String) -> String {
        let digits = Array(arc)
        guard digits.count == 14, digits.allSatisfy(\.isNumber) else { return arc }
        let part = { (from: Int, to: Int) in String(digits[from..<to]) }
        return "\(part(0, 4))-\(part(4, 6))-\(part(6, 8))T\(part(8, 10)):\(part(10, 12)):\(part(12, 14))Z"
    }
}
