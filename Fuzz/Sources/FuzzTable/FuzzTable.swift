import FuzzSupport
import Kuroshio

/// Paragraph frequency tables: read whole and merged with themselves, each a table or refused, never a trap; a
/// table read whole merges into one with every count doubled (held at Int.max).
private let file = ScratchFile(name: "table")
private let merged = ScratchFile(name: "merged.table")

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTable(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    file.write(bytes(data, size))
    let entries = ParagraphTable.entries(file.path)
    do {
        try ParagraphTable.merge([file.path, file.path], into: merged.path)
        let sum = ParagraphTable.entries(merged.path)
        precondition(sum?.map(\.key) == entries?.map(\.key), "a merge of a table with itself has other keys")
        precondition(sum.map { zip($0, entries!).allSatisfy { $0.count == ($1.count > Int.max / 2 ? Int.max : 2 * $1.count) } } ?? false,
                     "a merge of a table with itself does not double its counts")
    } catch {
        precondition(entries == nil, "a table read whole is refused by merge: \(error)")
    }
    return 0
}

@_cdecl("FuzzTable_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzTable)
}
