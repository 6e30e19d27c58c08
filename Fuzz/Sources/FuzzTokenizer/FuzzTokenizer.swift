import FuzzSupport
import Kuroshio

/// Tokenizer files of the three kinds, chosen by the input's first byte (tokenizer.json, SentencePiece .model,
/// .tiktoken), loaded and run on a few texts: a file is a tokenizer or a `TokenizerError`, a text ids or a
/// `TokenizerLimit`, never a crash, and no id is negative.
private let files = ["json", "model", "tiktoken"].map { ScratchFile(name: "tokenizer.\($0)") }
private let texts = ["黒潮は日本列島の南岸に沿って北へ流れる暖流です。", "The Kuroshio is a warm current.  ", "  a\u{301} ①㍻ 🇯🇵\t\n",
                     String(repeating: " ", count: 300), "aaaa aaaa aaaa", ""]

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTokenizer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    guard let kind = input.first else { return 0 }
    let file = files[Int(kind) % files.count]
    file.write(Array(input.dropFirst()))
    guard let tokenizer = try? TokenizerLoader.load(path: file.path) else { return 0 }
    for text in texts {
        guard let ids = try? tokenizer.encode(text) else { continue }
        precondition(ids.allSatisfy { $0 >= 0 }, "a negative id for \(text.debugDescription)")
    }
    return 0
}

@_cdecl("FuzzTokenizer_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzTokenizer)
}
