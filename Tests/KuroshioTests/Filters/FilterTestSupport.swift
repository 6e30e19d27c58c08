@testable import Kuroshio

/// Builds documents and runs registered filters on them, as recipes configure them.
enum FilterCase {
    /// A document whose paragraphs are `text` split at blank lines; `lang` as the language stage would set it.
    static func document(_ text: String, lang: String = "", url: String = "", linkCharacters: [Int] = []) -> Document {
        let parts = text.split(separator: "\n\n", omittingEmptySubsequences: true).map(String.init)
        let paragraphs = parts.enumerated().map { index, part in
            Paragraph(text: part, path: "p", kind: .text, level: 0, characters: part.unicodeScalars.count,
                      linkCharacters: index < linkCharacters.count ? linkCharacters[index] : 0, boilerplate: nil)
        }
        var document = Document(id: "t", text: parts.joined(separator: "\n\n"), paragraphs: paragraphs, meta: Document.Meta())
        document.meta.lang = lang
        document.meta.url = url
        return document
    }

    /// The filter `name` configured by a YAML mapping of its parameters (`{}` for the defaults).
    static func filter(_ name: String, _ parameters: String = "{}") throws -> ConfiguredFilter {
        let config = try PipelineConfig.parse("stages:\n  - extract:\n  - \(name): \(parameters)\n", file: "test.yaml")
        guard let stage = config.stages[1] as? FilterStage else { fatalError("\(name) is not a filter") }
        return stage.configured
    }

    /// The value and verdict of filter `name` on `document`.
    static func judge(_ name: String, _ parameters: String = "{}", _ document: Document) throws -> Document.Decision {
        try filter(name, parameters).judge(document)
    }
}
