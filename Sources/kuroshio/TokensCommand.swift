import ArgumentParser
import Kuroshio

struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Count or list the tokens of each line on stdin with a model's tokenizer.",
        discussion: "Prints one line per input line: the number of tokens, or with --ids the ids separated by spaces."
    )

    @Option(help: "The tokenizer file: a SentencePiece .model, a tiktoken .tiktoken rank file or a Hugging Face tokenizer.json.")
    var tokenizer: String

    @Option(help: "For .tiktoken: the pre-tokenisation regex, or a preset: cl100k (default), o200k, qwen2, llama3.")
    var pattern: String?

    @Flag(help: "Print the token ids instead of their count.")
    var ids = false

    func run() throws {
        let model: any Tokenizer
        do {
            model = try TokenizerLoader.load(path: tokenizer, pattern: pattern)
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
