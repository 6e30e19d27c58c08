import ArgumentParser
import Kuroshio

struct CatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat",
        abstract: "Print one record's payload, decoded to UTF-8.",
        discussion: """
        For an HTTP response, prints the payload after dechunking, decompression and charset decoding, and says on
        stderr which charset was decided and why. For other records, prints the record's block as it is.
        """
    )

    @Argument(help: "The WARC file.")
    var file: String

    @Option(help: "The record's offset, as `warc ls` prints it.")
    var offset: Int

    @Option(help: "Records above this many bytes are skipped, not buffered.")
    var maxRecordBytes: Int = WARCReader.defaultMaxRecordBytes

    func validate() throws {
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more (got \(offset))") }
        try RecordCap.validate(maxRecordBytes)
    }

    func run() throws {
        guard let record = try RecordLookup.record(in: file, at: offset, maxRecordBytes: maxRecordBytes) else {
            throw Failure("\(file): no record at offset \(offset); `kuroshio warc ls \(file)` lists the offsets")
        }
        for problem in record.problems { Log.warning("\(problem)") }
        let output = OutputBuffer()
        if let payload = PayloadDecoder(maxPayloadBytes: maxRecordBytes).decode(record) {
            if let decision = payload.decision {
                Log.info("charset \(decision.charset) from \(decision.source.rawValue), \(decision.replaced) invalid sequences replaced")
            }
            output.write(payload.text)
        } else {
            output.write(record.block)
        }
        output.flush()
    }
}
