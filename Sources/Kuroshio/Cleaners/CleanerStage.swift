/// A paragraph cleaner as a stage: rewrites or removes paragraphs and rebuilds the text; a document left with none
/// is dropped.
public struct CleanerStage: StatelessStage {
    public var configured: ConfiguredCleaner
    public var name: String { configured.name }

    public func run(_ item: inout StageItem, stats: inout RunStats) -> StageVerdict {
        guard var document = item.document else { return .notYet }
        let before = document.paragraphs.count
        document.paragraphs = configured.cleaner.clean(document.paragraphs)
        document.text = document.paragraphs.map(\.text).joined(separator: "\n\n")
        item.document = document
        let value = "\(before) paragraphs in, \(document.paragraphs.count) out"
        return document.paragraphs.isEmpty ? StageVerdict(passed: false, value: value, reason: .emptyText)
            : StageVerdict(passed: true, value: value)
    }
}
