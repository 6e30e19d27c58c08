/// `japanese_prefilter`: drops pages that cannot be Japanese on their raw bytes, before any decoding or parsing.
public struct JapanesePrefilterStage: StatelessStage {
    public let name = "japanese_prefilter"
    public var prefilter: JapanesePrefilter

    static let spec = StageSpec(name: "japanese_prefilter",
                                summary: "drops pages with no lang=\"ja\", no Japanese charset label and too few kana, before parsing",
                                parameters: [ParameterSpec("min_kana", .number, "3", "kana needed in the first 64 KiB")],
                                order: .init(once: true, before: ("extract", "reads raw bytes"))) { parameters throws(ConfigError) in
        JapanesePrefilterStage(prefilter: JapanesePrefilter(minimumKana: try parameters.whole("min_kana", 3, in: 0...65_536)))
    }

    public func run(_ item: inout StageItem, stats: inout RunStats) -> StageVerdict {
        let passed = if let response = item.response {
            prefilter.mayBeJapanese(response.payload, httpCharset: response.charsetLabel)
        } else {
            prefilter.mayBeJapanese(Array((item.document?.text ?? "").utf8), httpCharset: nil)
        }
        return StageVerdict(passed: passed, value: passed ? "may be Japanese" : "cannot be Japanese")
    }
}
