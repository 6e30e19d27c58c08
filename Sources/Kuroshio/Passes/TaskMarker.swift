/// The completion marker of one task of a pass, `OUT/.done/<pass>/<task>.tsv`: which task it is, whether it is done or
/// to be retried, the recipe it ran, what it read (its input: a file with the record of its bytes, or a name such as
/// a bucket; and a digest of the side outputs of earlier passes it read), every side output it wrote with the record
/// of its bytes, and its counters. Paths and names are escaped; side outputs are relative to `OUT`.
///
/// ```
/// task    signatures  000003
/// status  done
/// recipe  5c0f3a9e1b2d4c6f
/// input   /data/.stage/ja/part-000003-00000.jsonl.gz  9120    1733560000.123  9f1c…
/// reads   0   0
/// file    .dedup/ja/units/000003.docs 4800    1733560001.456  77ab…
/// dedup.signatures.docs   120
/// ```
struct TaskMarker: Equatable {
    enum Status: String { case done, retry }

    var pass: String
    var task: String
    var status = Status.done
    var recipe = ""
    var input: String
    /// The record of the file read, for tasks over one.
    var source: FileRecord?
    /// The side outputs read, as a count and a digest (`PassLedger.digest`).
    var reads = "0\t0"
    var files: [String: FileRecord] = [:]
    var counters = RunStats()

    var text: String {
        "task\t\(pass.tsvEscaped)\t\(task.tsvEscaped)\nstatus\t\(status.rawValue)\nrecipe\t\(recipe)\n"
            + "input\t\(input.tsvEscaped)" + (source.map { "\t" + $0.fields } ?? "") + "\nreads\t\(reads)\n"
            + files.keys.sorted().map { "file\t\($0.tsvEscaped)\t\(files[$0]!.fields)\n" }.joined() + counters.tsv
    }
}

extension TaskMarker {
    /// The marker in `text`, or nil when it is not one: the header lines missing or out of order, or a record that
    /// does not read.
    init?(text: String) {
        var rows = text.tsvRows(omittingEmptyLines: false)[...]
        func header(_ name: String, _ counts: Set<Int>) -> [Substring]? {
            guard let fields = rows.first, fields[0] == name, counts.contains(fields.count) else { return nil }
            rows = rows.dropFirst()
            return Array(fields.dropFirst())
        }
        guard let task = header("task", [3]), let status = header("status", [2]).flatMap({ Status(rawValue: String($0[0])) }),
              let recipe = header("recipe", [2]), let input = header("input", [2, 5]), let reads = header("reads", [3])
        else { return nil }
        (pass, self.task, self.status, self.recipe) = (String(task[0]).tsvUnescaped, String(task[1]).tsvUnescaped, status, String(recipe[0]))
        self.input = String(input[0]).tsvUnescaped
        if input.count == 4 {
            guard let record = FileRecord(fields: Array(input[1...])) else { return nil }
            source = record
        }
        self.reads = reads.joined(separator: "\t")
        while let fields = rows.first, fields.count > 1, fields[0] == "file" {
            guard let file = header("file", [5]), let record = FileRecord(fields: Array(file[1...])) else { return nil }
            files[String(file[0]).tsvUnescaped] = record
        }
        counters = RunStats(rows: rows)
    }

    static func read(_ path: String) -> TaskMarker? {
        FileSystem.read(path).flatMap { TaskMarker(text: String(decoding: $0, as: UTF8.self)) }
    }
}
