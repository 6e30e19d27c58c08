import FuzzSupport
import Kuroshio

/// HTML to paragraphs with main-content detection, and the same bytes as plain text.
/// libFuzzer calls the target on one thread, so per-thread state can be global.
nonisolated(unsafe) private let extractor = HTMLExtractor()

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let page = extractor.extract(input)
    precondition(page.paragraphs.allSatisfy { !$0.text.isEmpty }, "an empty paragraph")
    _ = HTMLExtractor.plainText(input)
    return 0
}

@_cdecl("FuzzHTML_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzHTML)
}
