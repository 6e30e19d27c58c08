/// What a stage is called in recipes, what it does, its parameters, and how a recipe entry makes it.
public struct StageSpec: Sendable {
    public var name: String
    public var summary: String
    public var parameters: [ParameterSpec]
    /// Where a recipe may place the stage.
    var order = Order()
    let make: @Sendable (FilterParameters) throws(ConfigError) -> any PipelineStage

    /// A stage's place in a recipe: at most once, before another stage (and why), or required for an input format.
    struct Order: Sendable {
        var once = false
        var before: (stage: String, reason: String)?
        var requiredFor: PipelineConfig.InputFormat?
    }
}

/// Every stage a recipe can name besides the filters (`FilterRegistry`), the cleaners (`CleanerRegistry`) and the
/// dedup stages (`DedupConfig`), which work on the whole corpus. A new stage is one file and one line here.
public enum StageRegistry {
    public static let all: [StageSpec] = [JapanesePrefilterStage.spec, ExtractStage.spec, KanaRatioStage.spec, LanguageStage.spec]

    public static func spec(named name: String) -> StageSpec? { all.first { $0.name == name } }
}
