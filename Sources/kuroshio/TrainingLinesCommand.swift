import ArgumentParser
import Kuroshio

struct TrainingLinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training-lines",
        abstract: "Write fastText training lines, labelled, from the documents of JSONL files.",
        discussion: """
        Prints `<label> <text>` for each document with text, the text prepared as the `fasttext` recipe stage \
        prepares what it scores (--lowercase and --segment as the stage's lowercase and segment), so that a model \
        trained on the lines with `fasttext supervised` scores documents as it was trained. Run once per label, for \
        example curated documents as __label__hq and random crawl output as __label__lq, then shuffle the lines \
        together. The files may be gzip- or zstd-compressed; lines that are not JSON objects with the text field are \
        counted on stderr.
        """
    )

    @Option(help: "The label each line starts with, such as __label__hq.")
    var label: String

    @Option(help: "The field holding the document's text.")
    var textField = "text"

    @Flag(help: "Lowercase the text.")
    var lowercase = false

    @Flag(help: "Split Japanese into words with MeCab (mecab -Owakati) first.")
    var segment = false

    @Option(help: "MeCab's dictionary directory for --segment (default: the system's).")
    var mecabDictionary: String?

    @Argument(help: "JSONL files, such as a run's shards.")
    var files: [String]

    func validate() throws {
        guard label.hasPrefix("__label__"), !label.contains(where: \.isWhitespace) else {
            throw ValidationError("--label must be one word starting with __label__ (got \(label))")
        }
    }

    func run() throws {
        var preparation = ClassifierText(lowercase: lowercase)
        if segment {
            do { preparation.segmenter = try MeCabSegmenter(dictionary: mecabDictionary) } catch { throw Failure("\(error)") }
        }
        let output = OutputBuffer()
        defer { output.flush() }
        var written = 0, skipped = 0
        for file in files {
            let reader: JSONLReader
            do { reader = try JSONLReader(path: file) } catch { throw Failure("\(error)") }
            for line in reader {
                guard let bytes = line.bytes, case .object(let members)? = JSONParser.parse(bytes),
                      case .string(let text)? = members.first(where: { $0.0 == textField })?.1 else {
                    skipped += 1
                    continue
                }
                let prepared = preparation.line(text)
                guard !prepared.isEmpty else { skipped += 1; continue }
                output.write("\(label) \(prepared)\n")
                written += 1
            }
        }
        Log.info("training-lines: \(written) lines labelled \(label), \(skipped) documents without text skipped")
    }
}
