import FuzzSupport
import Kuroshio

/// A `stats.json` read as `kuroshio stats` reads it: any JSON gives counters (values that are not counts counted as
/// problems), an aggregate JSON, a report and a summary, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzStats(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = bytes(data, size)
    guard let json = JSONParser.parse(input) else { return 0 }
    var stats = CorpusStats()
    stats.counters = RunStats(json: json, file: "fuzz/stats.json")
    stats.counters.merge(stats.counters)
    stats.runs = [.init(path: "fuzz", finished: true, filesDone: stats.counters["inputs.files"])]
    _ = stats.json.serialized
    _ = StatsReport.html(stats)
    _ = StatsReport.markdown(stats)
    _ = RunStats(tsv: stats.counters.tsv)
    return 0
}

@_cdecl("FuzzStats_main")
func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzStats)
}
