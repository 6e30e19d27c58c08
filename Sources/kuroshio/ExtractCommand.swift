import ArgumentParser
import Kuroshio

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the main text of HTML files.",
        discussion: """
        Reads each HTML file (gzip allowed), decides its charset as for a WARC payload, and prints its main text:
        paragraphs separated by blank lines, boilerplate left out. With --paragraphs, prints every paragraph as
        TSV (boilerplate, link_ratio, path, text) instead.
        """
    )

    @Argument(help: "HTML files (.html or .html.gz).")
    var files: [String]

    @Option(help: "Paragraphs with a larger share of link text are boilerplate.")
    var maxLinkRatio: Double = 0.5

    @Flag(help: "Keep text outside the main content block.")
    var wholePage = false

    @Flag(help: "Print every paragraph as TSV, with why it is boilerplate.")
    var paragraphs = false

    func validate() throws {
        guard (0...1).contains(maxLinkRatio) else { throw ValidationError("--max-link-ratio must lie in 0...1 (got \(maxLinkRatio))") }
    }

    func run() throws {
        let extractor = HTMLExtractor(maxLinkRatio: maxLinkRatio, mainContentOnly: !wholePage)
        let charsets = CharsetDecoder()
        let output = OutputBuffer()
        for file in files {
            guard var bytes = FileSystem.read(file) else { throw Failure("\(file): cannot read") }
            if let plain = Gzip.decompress(bytes) { bytes = plain }
            let page = extractor.extract(charsets.decode(bytes, httpLabel: nil).utf8)
            if paragraphs {
                for paragraph in page.paragraphs {
                    let fields = [paragraph.boilerplate?.rawValue ?? "", Log.fixed(paragraph.linkRatio, 2), paragraph.path,
                                  paragraph.text.tsvField]
                    output.write(fields.joined(separator: "\t") + "\n")
                }
            } else {
                output.write(page.mainText + "\n")
            }
        }
        output.flush()
    }
}
