/// `language`: identifies each document's language and routes it to the bucket of that name, when the recipe keeps
/// the bucket and the score reaches its minimum; other documents are dropped, counted by language.
public struct LanguageStage: PipelineStage {
    public let name = "language"
    /// The kept buckets with the least score a document needs to enter each.
    public var buckets: [PipelineConfig.Bucket]
    /// The fastText language-ID model that labels documents instead of scripts and CLD2 (`backend: fasttext`).
    var fastText: FastTextLanguage?

    static let routable = ["ja", "en", "code", "zh", "ko"]

    static let spec = StageSpec(name: "language", summary: "routes documents to the ja, en, code, zh or ko bucket by language",
                                parameters: [ParameterSpec("buckets", .scores, "", "bucket names (ja, en, code, zh, ko) with their least scores"),
                                             ParameterSpec("backend", .text, "scripts", "scripts (kana, Hangul, Han, then CLD2) or fasttext"),
                                             ParameterSpec("model", .text, "(none)", "with backend fasttext: a language-ID model (lid.176, GlotLID)")],
                                order: .init(once: true)) { (parameters) throws(ConfigError) in
        let buckets = parameters.scores("buckets")
        guard !buckets.isEmpty else {
            throw ConfigError(file: parameters.file, line: nil,
                              message: "\(parameters.path).buckets must map bucket names (ja, en, code, zh, ko) to minimum scores")
        }
        for bucket in buckets where !routable.contains(bucket.name) {
            throw ConfigError(file: parameters.file, line: nil, message: "\(parameters.path).buckets: unknown bucket "
                + "'\(bucket.name)' (allowed: \(routable.joined(separator: ", ")))")
        }
        var stage = LanguageStage(buckets: buckets.map { PipelineConfig.Bucket(name: $0.name, minimumScore: $0.value) })
        switch parameters.text("backend", "scripts") {
        case "scripts":
            guard parameters.text("model", "").isEmpty else { throw parameters.error(".model needs backend: fasttext") }
        case "fasttext":
            let path = parameters.text("model", "")
            guard !path.isEmpty else { throw parameters.error(".model must name a fastText language-ID model for backend: fasttext") }
            do { stage.fastText = FastTextLanguage(model: try FastTextModel(path: path)) } catch { throw parameters.error(".model: \(error)") }
        case let other:
            throw parameters.error(".backend must be scripts or fasttext (got \(other))")
        }
        return stage
    }

    public func makeWorker() -> any StageWorker { Worker(stage: self) }

    struct Worker: StageWorker {
        let stage: LanguageStage
        let languages = LanguageIdentifier()

        func run(_ item: inout StageItem, stats: inout RunStats) -> StageVerdict {
            guard var document = item.document else { return .notYet }
            let guess = stage.fastText?.identify(document.text) ?? languages.identify(&document.paragraphs)
            document.meta.lang = guess.label
            document.meta.langScore = guess.score
            document.meta.langShares = guess.shares
            let target = stage.buckets.first { $0.name == guess.label }
            let passed = target.map { guess.score >= $0.minimumScore } ?? false
            document.decisions.append(Document.Decision(stage: stage.name, value: guess.score, passed: passed))
            item.document = document
            let value = "\(guess.label) \(guess.score)" + (target.map { " (min \($0.minimumScore))" } ?? " (bucket not kept)")
            guard passed, let target else {
                stats.add(.languageDropped(guess.label))
                return StageVerdict(passed: false, value: value, reason: target == nil ? .language : .languageScore)
            }
            item.bucket = target.name
            return StageVerdict(passed: true, value: value)
        }
    }
}
