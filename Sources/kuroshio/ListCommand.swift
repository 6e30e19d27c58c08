import ArgumentParser
import Kuroshio

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List the records of WARC files as TSV.",
        discussion: """
        Prints a header row, then one row per record with the columns
        file, offset, warc_type, target_uri, http_status, content_type, charset, bytes, problem.
        offset is where `warc cat --offset` finds the record (its gzip member, or its byte offset). For responses,
        content_type is the HTTP media type and charset the one decided and verified for the payload. bytes is the
        record's Content-Length. problem lists what went wrong (truncated, oversize, resync, corrupt, …).
        Reads .warc and .warc.gz; a directory is searched for them. Progress and the summary go to stderr.
        """
    )

    @Argument(help: "WARC files or directories holding them.")
    var inputs: [String]

    @Option(help: "Records above this many bytes are skipped, not buffered.")
    var maxRecordBytes: Int = WARCReader.defaultMaxRecordBytes

    func validate() throws { try RecordCap.validate(maxRecordBytes) }

    func run() throws {
        let files = try InputFiles.expand(inputs)
        let output = OutputBuffer()
        let progress = Progress(totalFiles: files.count)
        let decoder = PayloadDecoder(maxPayloadBytes: maxRecordBytes)
        var problems: [ProblemKind: Int] = [:]
        var records = 0
        var unreadable = 0
        output.write(RecordSummary.columns.joined(separator: "\t") + "\n")
        for file in files {
            let reader: WARCReader
            do {
                reader = try WARCReader(path: file, maxRecordBytes: maxRecordBytes)
            } catch {
                Log.error("\(error)")
                unreadable += 1
                continue
            }
            for record in reader {
                let summary = decoder.summarize(record)
                output.write(summary.fields.joined(separator: "\t") + "\n")
                records += 1
                for kind in summary.problems { problems[kind, default: 0] += 1 }
                progress.record(bytes: record.bytesRead)
            }
            for problem in reader.trailingProblems {
                Log.warning("\(problem)")
                problems[problem.kind, default: 0] += 1
            }
            progress.fileDone()
        }
        output.flush()
        progress.finish(summary: "\(records) records" + Log.describe(problems))
        if unreadable > 0 { throw ExitCode(1) }
    }
}
