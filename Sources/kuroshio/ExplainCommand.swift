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

    @Option(help: "The pipeline recipe (default: Pipelines/ja-cc.yaml, here or in the package kuroshio was built in).")
    var config: String?

    @Argument(help: "The WARC file.")
    var file: String

    @Option(help: "The record's offset.")
    var offset: Int?

    @Option(help: "The record's target URI (the first response with it).")
    var url: String?

    func validate() throws {
        guard (offset == nil) != (url == nil) else { throw ValidationError("give either --offset or --url") }
        if let offset, offset < 0 { throw ValidationError("--offset must be 0 or more (got \(offset))") }
    }

    func run() throws {
        let pipeline = try Recipe.load(config ?? BundledPath.resolve("Pipelines/ja-cc.yaml"))
        let record: WARCRecord?
        if let offset {
            record = try RecordLookup.record(in: file, at: offset, maxRecordBytes: pipeline.maxRecordBytes)
        } else {
            record = try WARCReader(path: file, maxRecordBytes: pipeline.maxRecordBytes, limits: pipeline.limits)
                .first { $0.type == "response" && $0.targetURI == url }
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
