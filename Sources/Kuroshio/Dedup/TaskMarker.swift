/// The completion marker of one dedup task, `OUT/.done/<pass>/<task>.tsv`: what the task read (its input: a shard
/// with the record of its bytes, or a bucket; and a digest of the side outputs it read, each path with its bytes'
/// hash), every side output it wrote with the record of its bytes (paths relative to `OUT`), and its counters.
///
/// ```
/// input   <shard path, escaped>   <size>  <modified>  <hash>
/// reads   <number of side outputs>    <digest>
/// file    .dedup/ja/units/000003.docs <size>  <modified>  <hash>
/// dedup.signatures.docs   120
/// ```
struct TaskMarker {
    var input: String
    /// The record of the shard read, for tasks over one.
    var source: FileRecord?
    /// The side outputs read, as a count and a digest (`Deduplicator.digest`).
    var reads = "0\t0"
    var files: [String: FileRecord] = [:]
    var stats = RunStats()

    init(input: String, source: FileRecord?, reads: String, files: [String: FileRecord], stats: RunStats) {
        self.input = input
        self.source = source
        self.reads = reads
        self.files = files
        self.stats = stats
    }

    var text: String {
        "input\t\(input.tsvEscaped)" + (source.map { "\t" + $0.fields } ?? "") + "\n" + "reads\t\(reads)\n"
            + files.keys.sorted().map { "file\t\($0.tsvEscaped)\t\(files[$0]!.fields)\n" }.joined() + stats.tsv
    }

    /// The marker in `text`, or nil when it is not one (no `input` line first, or a file line that does not read).
    init?(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let head = lines.first?.split(separator: "\t", omittingEmptySubsequences: false) ?? []
        guard head.count == 2 || head.count == 5, head[0] == "input" else { return nil }
        input = String(head[1]).tsvUnescaped
        if head.count == 5 {
            guard let record = FileRecord(fields: Array(head[2...])) else { return nil }
            source = record
        }
        guard lines.count > 1, lines[1].hasPrefix("reads\t") else { return nil }
        reads = String(lines[1].dropFirst(6))
        for line in lines.dropFirst(2) where line.hasPrefix("file\t") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 5, let record = FileRecord(fields: Array(fields[2...])) else { return nil }
            files[String(fields[1]).tsvUnescaped] = record
        }
        stats = RunStats(tsv: lines.dropFirst(2).filter { !$0.hasPrefix("file\t") }.joined(separator: "\n"))
    }

    static func read(_ path: String) -> TaskMarker? {
        FileSystem.read(path).flatMap { TaskMarker(text: String(decoding: $0, as: UTF8.self)) }
    }
}
