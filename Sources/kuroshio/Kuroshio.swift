import ArgumentParser
import Kuroshio

@main
struct KuroshioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kuroshio",
        abstract: "Build clean Japanese, English and code corpora from Common Crawl WARC files.",
        version: KuroshioVersion.current,
        subcommands: [RunCommand.self, DedupCommand.self, TokensCommand.self, MixCommand.self, StatsCommand.self, SlurmCommand.self, WARCCommand.self, ExtractCommand.self, LangidCommand.self, ClassifyCommand.self, TrainingLinesCommand.self, KenLMCommand.self, FiltersCommand.self, ExplainCommand.self]
    )

    static func main() {
        HeapTuning.keepRecordBuffers()
        main(nil)
    }
}

struct WARCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warc",
        abstract: "Inspect WARC files: list records, print payloads.",
        subcommands: [ListCommand.self, CatCommand.self]
    )
}
