import ArgumentParser
import Kuroshio
#if canImport(Glibc)
import Glibc
#endif

struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Count or list the tokens of each line on stdin with a model's tokenizer.",
        discussion: """
        Prints one line per input line: the number of tokens, or with --ids the ids separated by spaces. A line longer \
        than --max-line-bytes, or one whose normalised form would grow past the tokenizer's bounds, stops the \
        command with an error naming it (exit status 1), after the lines before it are printed.
        """
    )

    @Option(help: "The tokenizer file: a SentencePiece .model, a tiktoken .tiktoken rank file or a Hugging Face tokenizer.json.")
    var tokenizer: String

    @Option(help: "For .tiktoken: the pre-tokenisation regex, or a preset: cl100k (default), o200k, qwen2, llama3.")
    var pattern: String?

    @Flag(help: "Print the token ids instead of their count.")
    var ids = false

    @Option(help: "The longest line read, in bytes: a longer line stops the command with an error, before it is held in memory.")
    var maxLineBytes = 4 << 20

    func validate() throws {
        guard maxLineBytes >= 1 && maxLineBytes <= 1 << 30 else { throw ValidationError("--max-line-bytes must lie in 1...2^30") }
    }

    func run() throws {
        let model: any Tokenizer
        do {
            model = try TokenizerLoader.load(path: tokenizer, pattern: pattern)
        } catch {
            throw Failure("\(error)")
        }
        let output = OutputBuffer()
        defer { output.flush() }
        for (index, line) in StandardInputLines(maxBytes: maxLineBytes).enumerated() {
            // A line that cannot be tokenized ends the output there, so that every line printed answers its own.
            guard case .text(let text) = line else {
                throw Failure("stdin line \(index + 1): longer than --max-line-bytes (\(maxLineBytes)); stopped there")
            }
            let tokens: [Int32]
            do { tokens = try model.encode(text) } catch { throw Failure("stdin line \(index + 1): \(error); stopped there") }
            output.write(ids ? tokens.map(String.init).joined(separator: " ") + "\n" : "\(tokens.count)\n")
        }
    }
}
