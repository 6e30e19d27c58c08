/// Every document filter, by the name recipes use. The one place where YAML names map to filter types.
public enum FilterRegistry {
    public static let all: [FilterSpec] = [
        DocumentLength.spec, WordCount.spec, HiraganaRatio.spec, KatakanaRatio.spec, JapaneseRatio.spec,
        JapaneseLetters.spec, KutenRate.spec,
        SentenceLength.meanSpec, SentenceLength.maxSpec, EllipsisSentenceRatio.spec,
        DuplicateUnits.lineSpec, DuplicateUnits.lineCharacterSpec, DuplicateUnits.paragraphSpec,
        DuplicateUnits.paragraphCharacterSpec, DuplicateUnits.sentenceSpec, DuplicateUnits.sentenceCharacterSpec,
        NgramShares.topSpec, NgramShares.duplicateSpec, CompressionRatio.spec,
        LinkRatio.spec, SymbolRatio.spec, BulletLineRatio.spec, StopWords.spec, MeanWordLength.spec,
        LineEndPunctuation.spec, LineEndPunctuation.countSpec, NewlineRatio.spec, TextContains.loremIpsumSpec, TextContains.placeholderSpec, TextContains.curlyBracesSpec, TextContains.javascriptSpec,
        KeywordHits.spec, KeywordHits.adultSpec, URLBlocklist.spec, CharacterShare.replacementSpec,
        LineLength.maxSpec, LineLength.meanSpec, CharacterShare.alphanumericSpec, GeneratedCode.spec,
        FastTextScore.spec, PerplexityScore.spec, MetaScore.spec,
    ]

    public static func spec(named name: String) -> FilterSpec? { all.first { $0.name == name } }
}
