import FuzzSupport
import Kuroshio

/// The WARC reader (plain, and the same bytes as one gzip member), then HTTP parsing, chunked and content decoding and
/// the charset decision of every record, as `warc ls` does. A small record cap sends large records down the
/// oversize path.
private let plain = ScratchFile(name: "warc")
private let gzipped = ScratchFile(name: "warc.gz")
/// libFuzzer calls the target on one thread, so per-thread state can be global.
nonisolated(unsafe) private let decoder = PayloadDecoder(maxPayloadBytes: 1 << 16)

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzWARC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    plain.write(input)
    gzipped.write(Gzip.compress(input, level: 1))
    for file in [plain, gzipped] {
        guard let reader = try? WARCReader(path: file.path, maxRecordBytes: 1 << 12) else { continue }
        var lastOffset = -1
        for record in reader {
            precondition(record.offset > lastOffset, "record offsets go back: \(record.offset) after \(lastOffset)")
            lastOffset = record.offset
            _ = decoder.summarize(record)
            _ = decoder.decode(record)
        }
    }
    return 0
}

@_cdecl("FuzzWARC_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzWARC)
}
