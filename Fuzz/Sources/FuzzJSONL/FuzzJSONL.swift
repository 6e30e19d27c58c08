import FuzzSupport
import Kuroshio

/// The JSONL reader, and the JSON parser on each line; a value that parses is written and parsed back unchanged.
private let file = ScratchFile(name: "jsonl")

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzJSONL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    file.write(bytes(data, size))
    guard let reader = try? JSONLReader(path: file.path, maxLineBytes: 1 << 12) else { return 0 }
    for line in reader {
        guard let line = line.bytes, let value = JSONParser.parse(line) else { continue }
        var written: [UInt8] = []
        value.write(to: &written)
        let again = JSONParser.parse(written)
        precondition(again == value, "JSON changes when written and read back: \(value.serialized)")
    }
    return 0
}

@_cdecl("FuzzJSONL_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzJSONL)
}
