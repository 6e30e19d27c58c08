/// What a stage is called in recipes, what it does, its parameters, and how a recipe entry makes it.
public struct StageSpec: Sendable {
    public var name: String
    public var summary: String
    public var parameters: [ParameterSpec]
    let make: @Sendable (FilterParameters) throws(ConfigError) -> any PipelineStage
}

/// Every stage a recipe can name besides the filters (`FilterRegistry`), the cleaners (`CleanerRegistry`) and the
/// dedup stages (`DedupConfig`), which work on the whole corpus. A new stage is one file and one line here.
public enum StageRegistry {
    public static let all: [StageSpec] = [JapanesePrefilterStage.spec, ExtractStage.spec, KanaRatioStage.spec, LanguageStage.spec]

    public static func spec(named name: String) -> StageSpec? { all.first { $0.name == name } }
}
