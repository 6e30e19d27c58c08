/// One line of a JSONL file: its position and its bytes (nil when the line was too long to keep).
public struct JSONLLine: Sendable {
    public var file: String
    /// 1-based line number.
    public var number: Int
    /// Where the line starts in the file (in a compressed file, the offset of its gzip member or frame).
    public var offset: Int
    public var bytes: [UInt8]?
    public var problems: [InputProblem]
}

/// Reads JSONL corpora line by line, in bounded memory, from `.jsonl`, `.jsonl.gz` or `.jsonl.zst` (the
/// compression is told by the bytes, not the name). A line above `maxLineBytes` is skipped without being buffered,
/// with an `oversize` problem; a cut-off file gives a `truncated` one.
public final class JSONLReader: Sequence, IteratorProtocol {
    public let path: String
    public let maxLineBytes: Int
    private let stream: ByteStream
    private var number = 0
    public private(set) var trailingProblems: [InputProblem] = []

    public init(path: String, maxLineBytes: Int = WARCReader.defaultMaxRecordBytes) throws(InputProblem) {
        self.path = path
        self.maxLineBytes = maxLineBytes
        stream = try ByteStream(path: path)
    }

    /// Reads the remote file `remote` (named by its URL).
    init(remote: RemoteFile, maxLineBytes: Int) throws(InputProblem) {
        path = remote.location.name
        self.maxLineBytes = maxLineBytes
        stream = try ByteStream(path: path, remote: remote)
    }

    /// How far into the file (in its own, possibly compressed, bytes) reading has come.
    public var fileBytesRead: Int { stream.fileBytesRead }

    public func next() -> JSONLLine? {
        while true {
            guard stream.fill(1) else {
                trailingProblems += stream.takeBreaks(through: .max).map {
                    InputProblem($0.kind, file: path, offset: $0.fileOffset, detail: $0.detail)
                }
                return nil
            }
            number += 1
            let offset = stream.fileOffset(of: stream.position)
            var scanned = 0
            while true {
                let bytes = stream.bytes
                if let newline = bytes.firstIndex(of: 0x0A, from: scanned) {
                    if newline > maxLineBytes {
                        stream.consume(newline + 1)
                        return oversize(at: offset)
                    }
                    let line = Array(bytes[0..<newline])
                    stream.consume(newline + 1)
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { break }
                    return JSONLLine(file: path, number: number, offset: offset, bytes: line, problems: claimBreaks())
                }
                scanned = bytes.count
                if scanned > maxLineBytes {
                    skipLine()
                    return oversize(at: offset)
                }
                if !stream.fill(scanned + 65536) && stream.available == scanned {
                    // The last line, without a newline.
                    let line = Array(stream.bytes)
                    stream.consume(line.count)
                    return JSONLLine(file: path, number: number, offset: offset, bytes: line, problems: claimBreaks())
                }
            }
        }
    }

    private func claimBreaks() -> [InputProblem] {
        stream.takeBreaks(through: stream.position).map { InputProblem($0.kind, file: path, offset: $0.fileOffset, detail: $0.detail) }
    }

    /// Drops the rest of an overlong line.
    private func skipLine() {
        while stream.fill(1) {
            if let newline = stream.bytes.firstIndex(of: 0x0A) {
                stream.consume(newline + 1)
                return
            }
            stream.consume(stream.available)
        }
    }

    /// The current line, dropped for its length.
    private func oversize(at offset: Int) -> JSONLLine {
        JSONLLine(file: path, number: number, offset: offset, bytes: nil, problems: [
            InputProblem(.oversize, file: path, offset: offset, detail: "line \(number) is above \(maxLineBytes) bytes"),
        ] + claimBreaks())
    }
}
