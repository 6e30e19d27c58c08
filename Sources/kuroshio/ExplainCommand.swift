import ArgumentParser
import Kuroshio

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show every stage's decision on one record, with the values measured.",
        discussion: """
        Runs the recipe on one WARC record, found by --offset (as `warc ls` prints it) or by --url, and prints one
        line per stage: PASS or FAIL, the stage, and what it measured. A rejection does not stop the record, so the
        stages after it show their values too. The values are the ones `run` uses.
        """
    )

    @Option(help: "The pipeline recipe.")
    var config = "Pipelines/ja-cc.yaml"

    @Argument(help: "The WARC file.")
    var file: String

    @Option(help: "The record's offset.")
    var offset: Int?

    @Option(help: "The record's target URI (the first response with it).")
    var url: String?

    func run() throws {
        let pipeline = try Recipe.load(config)
        let record: WARCRecord?
        if let offset {
            record = try RecordLookup.record(in: file, at: offset, maxRecordBytes: pipeline.maxRecordBytes)
        } else if let url {
            record = try WARCReader(path: file, maxRecordBytes: pipeline.maxRecordBytes)
                .first { $0.type == "response" && $0.targetURI == url }
        } else {
            throw ValidationError("give --offset or --url")
        }
        guard let record else { throw Failure("\(file): no such record") }
        let output = OutputBuffer()
        output.write("\(record.targetURI) (\(file) at \(record.offset))\n")
        for line in UnitProcessor(config: pipeline).explain(record) {
            output.write("\(line.passed ? "PASS" : "FAIL")  \(line.stage): \(line.value)\n")
        }
        output.flush()
    }
}
