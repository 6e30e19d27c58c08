import ArgumentParser
import Kuroshio

struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Count or list the tokens of each line on stdin with a model's tokenizer.",
        discussion: "Prints one line per input line: the number of tokens, or with --ids the ids separated by spaces."
    )

    @Option(help: "The tokenizer file: a SentencePiece .model.")
    var tokenizer: String

    @Flag(help: "Print the token ids instead of their count.")
    var ids = false

    func run() throws {
        let model: any Tokenizer
        do {
            model = try TokenizerLoader.load(path: tokenizer)
        } catch {
            throw Failure("\(error)")
        }
        let output = OutputBuffer()
        while let line = readLine(strippingNewline: true) {
            let tokens = model.encode(line)
            output.write(ids ? tokens.map(String.init).joined(separator: " ") + "\n" : "\(tokens.count)\n")
        }
        output.flush()
    }
}
