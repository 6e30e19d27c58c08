import ArgumentParser
import Kuroshio
#if canImport(Glibc)
import Glibc
#endif

struct LangidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "langid",
        abstract: "Identify the language of text: ja, en, zh, ko, code or other.",
        discussion: """
        Reads UTF-8 lines on stdin and prints `label<TAB>score` for each. With --file, classifies each named file as
        a whole and prints `file<TAB>label<TAB>score`.
        """
    )

    @Option(name: .customLong("file"), help: "Classify this file as a whole (repeatable).")
    var files: [String] = []

    func run() throws {
        let identifier = LanguageIdentifier()
        let output = OutputBuffer()
        if !files.isEmpty {
            for file in files {
                guard let bytes = FileSystem.read(file) else { throw Failure("\(file): cannot read") }
                let guess = identifier.identify(String(decoding: bytes, as: UTF8.self))
                output.write("\(file)\t\(guess.shortLabel)\t\(Log.fixed(guess.score, 3))\n")
            }
        } else {
            while let line = readLine(strippingNewline: true) {
                let guess = identifier.identify(line)
                output.write("\(guess.shortLabel)\t\(Log.fixed(guess.score, 3))\n")
            }
        }
        output.flush()
    }
}
