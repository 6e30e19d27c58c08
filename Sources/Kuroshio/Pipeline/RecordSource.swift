/// An input file read record by record, in bounded memory: WARC records or JSONL lines. The map pass reads every
/// format through this one loop; a new format (or a remote file) is a new source.
protocol RecordSource: AnyObject {
    associatedtype Record: SourceRecord
    func next() -> Record?
    /// How far into the file (in its own, possibly compressed, bytes) reading has come.
    var fileBytesRead: Int { get }
    /// Problems that belong to no record, once the file is read.
    var trailingProblems: [InputProblem] { get }
}

/// One record of a source, with where it is and what went wrong reading it.
protocol SourceRecord {
    var file: String { get }
    var offset: Int { get }
    var problems: [InputProblem] { get }
    /// The input bytes it took (the block read, or the line).
    var inputBytes: Int { get }
}

extension WARCReader: RecordSource {}
extension JSONLReader: RecordSource {}

extension WARCRecord: SourceRecord {
    var inputBytes: Int { bytesRead }
}

extension JSONLLine: SourceRecord {
    var inputBytes: Int { bytes?.count ?? 0 }
}

extension RecordSource {
    /// Calls `body` with each record in turn, after counting it, its bytes and its problems in `stats`; then counts
    /// the problems left over. `progress` is told the file bytes read after each record.
    func forEach<Failure: Error>(stats: inout RunStats, progress: (Int) -> Void,
                                 _ body: (Record, inout RunStats) throws(Failure) -> Void) throws(Failure) {
        while let record = next() {
            stats.add(.inputs(.records))
            stats.add(.inputs(.bytes), record.inputBytes)
            for problem in record.problems { stats.add(problem) }
            try body(record, &stats)
            progress(fileBytesRead)
        }
        for problem in trailingProblems { stats.add(problem) }
    }
}
