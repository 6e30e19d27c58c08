/// `kana_ratio`: keeps documents whose letters are at least `minimum` kana; it also labels them Japanese when no
/// language stage has.
public struct KanaRatioStage: StatelessStage {
    public let name = "kana_ratio"
    public var minimum: Double

    static let spec = StageSpec(name: "kana_ratio", summary: "keeps documents whose letters are at least `min` kana",
                                parameters: [ParameterSpec("min", .number, "0.15", "the least share of kana among letters")]) { parameters in
        KanaRatioStage(minimum: parameters.number("min", 0.15))
    }

    public func run(_ item: inout StageItem, stats: inout RunStats) -> StageVerdict {
        guard var document = item.document else { return .notYet }
        let ratio = document.analysis.scripts.kanaRatio
        let passed = ratio >= minimum
        document.decisions.append(Document.Decision(stage: name, value: ratio, passed: passed))
        if document.meta.lang.isEmpty {
            document.meta.lang = "ja"
            document.meta.langScore = ratio
        }
        item.document = document
        return StageVerdict(passed: passed, value: "\(ratio) (min \(minimum))")
    }
}
