import FuzzSupport
import Kuroshio

/// The charset decision and the decode it verifies. The input's first line, when short, is the HTTP header's label.
nonisolated(unsafe) private let charsets = CharsetDecoder()

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCharset(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    var label: String?
    var payload = input[...]
    if let newline = input.prefix(41).firstIndex(of: 0x0A) {
        label = String(decoding: input[..<newline], as: UTF8.self)
        payload = input[(newline + 1)...]
    }
    let (decision, utf8) = charsets.decode(Array(payload), httpLabel: label)
    precondition(charsets.decide(Array(payload), httpLabel: label) == decision, "decide and decode disagree")
    _ = String(validating: utf8, as: UTF8.self)
    return 0
}

@_cdecl("FuzzCharset_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzCharset)
}
