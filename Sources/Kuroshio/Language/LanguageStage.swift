/// `language`: identifies each document's languages and routes it to the first bucket, in the recipe's order, whose
/// language holds at least the bucket's share of the document: `en: 0.7` keeps a Portuguese page with English lines
/// out.
/// Other documents are dropped, counted by their largest language. `lang` is the bucket's language and `lang_score`
/// its share. With `trim_edges`, each bucket's language is measured on the document's body for it, without the runs
/// of other languages that open or close it (an e-book's English header and licence around a Japanese story), and a
/// routed document loses those runs; code and paragraphs in between stay.
public struct LanguageStage: PipelineStage {
    public let name = "language"
    /// The kept buckets with the least score a document needs to enter each.
    public var buckets: [PipelineConfig.Bucket]
    /// The fastText language-ID model that labels documents instead of scripts and CLD2 (`backend: fasttext`).
    var fastText: FastTextLanguage?
    /// Whether a routed document loses the paragraphs of other languages at its start and end.
    var trimsEdges = false

    static let routable = ["ja", "en", "code", "zh", "ko"]

    static let spec = StageSpec(name: "language", summary: "routes documents to the ja, en, code, zh or ko bucket by language",
                                parameters: [ParameterSpec("buckets", .scores, "", "bucket names (ja, en, code, zh, ko) with their least scores"),
                                             ParameterSpec("backend", .text, "scripts", "scripts (kana, Hangul, Han, then CLD2) or fasttext"),
                                             ParameterSpec("model", .text, "(none)", "with backend fasttext: a language-ID model (lid.176, GlotLID)"),
                                             ParameterSpec("trim_edges", .flag, "false", "cut paragraphs of other languages that open or close a routed document (backend scripts)")],
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
        stage.trimsEdges = parameters.flag("trim_edges", false)
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

    /// The body of a document for `language`: its paragraphs without the runs of languages of the other kind of
    /// script (alphabets around CJK, or CJK around an alphabet; code aside) that open and close it, as an English
    /// e-book frame closes around a Japanese story. Languages of one kind are not a frame for each other: an English
    /// table inside a Portuguese page, a Japanese phrase inside a Korean lesson. An edge run takes the undecided
    /// paragraphs among it (a licence's short title) when its decided ones hold most of its characters. Nil when
    /// nothing would go, or when the body would hold less than `minimumBody` of the document's content.
    static func body(_ paragraphs: [Paragraph], for language: String) -> Range<Int>? {
        guard language != "code" else { return nil }
        let cjk: Set<String> = ["ja", "zh", "ko"]
        func undecided(_ paragraph: Paragraph) -> Bool { paragraph.languageScore == 0 }
        func foreign(_ paragraph: Paragraph) -> Bool {
            !undecided(paragraph) && paragraph.language != "code" && cjk.contains(paragraph.language) != cjk.contains(language)
        }
        /// Whether a run at an edge goes: its decided foreign paragraphs outweigh its undecided ones.
        func goes(_ run: ArraySlice<Paragraph>) -> Bool {
            let foreignCharacters = run.filter(foreign).reduce(0) { $0 + $1.characters }
            return foreignCharacters > 0 && foreignCharacters >= run.filter(undecided).reduce(0) { $0 + $1.characters }
        }
        guard let first = paragraphs.firstIndex(where: { !foreign($0) && !undecided($0) }),
              let last = paragraphs.lastIndex(where: { !foreign($0) && !undecided($0) }) else { return nil }
        let start = goes(paragraphs[..<first]) ? first : 0
        let end = goes(paragraphs[(last + 1)...]) ? last + 1 : paragraphs.count
        guard start > 0 || end < paragraphs.count else { return nil }
        func content(_ part: ArraySlice<Paragraph>) -> Double { part.reduce(0) { $0 + $1.languageContent } }
        return content(paragraphs[start..<end]) >= minimumBody * content(paragraphs[...]) ? start..<end : nil
    }

    /// The least share of a document's content its body for a language must hold.
    static let minimumBody = 0.3

    /// `language`'s share of the content of a body's decided paragraphs, each counted for its label, shared as
    /// `LanguageIdentifier` shares a document.
    static func share(of language: String, in paragraphs: ArraySlice<Paragraph>) -> Double {
        var content: [String: Double] = [:]
        for paragraph in paragraphs where paragraph.languageScore > 0 { content[paragraph.language, default: 0] += paragraph.languageContent }
        let code = content.removeValue(forKey: "code") ?? 0
        return LanguageIdentifier.shares(prose: content, code: code)?[language, default: 0] ?? 0
    }

    struct Worker: StageWorker {
        let stage: LanguageStage
        let languages = LanguageIdentifier()

        func run(_ item: inout StageItem, stats: inout RunStats) -> StageVerdict {
            guard var document = item.document else { return .notYet }
            let guess = stage.fastText?.identify(document.text) ?? languages.identify(&document.paragraphs)
            // A bucket's language is measured on the document's body for it when edges are trimmed: an e-book's
            // English frame does not count against the Japanese story inside it.
            let trims = stage.trimsEdges && stage.fastText == nil
            func share(_ language: String) -> (Double, Range<Int>?) {
                guard trims, let body = LanguageStage.body(document.paragraphs, for: language) else { return (guess.shares[language, default: 0], nil) }
                return (LanguageStage.share(of: language, in: document.paragraphs[body]), body)
            }
            var body: Range<Int>?
            var score = guess.score
            let routed = stage.buckets.first { bucket in
                let (value, range) = share(bucket.name)
                guard value >= bucket.minimumScore else { return false }
                (score, body) = (value, range)
                return true
            }
            let label = routed?.name ?? guess.label
            var trimmed = 0
            if let body {
                trimmed = document.paragraphs.count - body.count
                document.paragraphs = Array(document.paragraphs[body])
                document.text = document.paragraphs.map(\.text).joined(separator: "\n\n")
            }
            document.meta.lang = label
            document.meta.langScore = score
            document.meta.langShares = guess.shares
            document.decisions.append(Document.Decision(stage: stage.name, value: score, passed: routed != nil))
            item.document = document
            guard let routed else {
                let kept = stage.buckets.first { $0.name == guess.label }
                stats.add(.languageDropped(guess.label))
                return StageVerdict(passed: false, value: "\(guess.label) \(guess.score)" + (kept.map { " (min \($0.minimumScore))" } ?? " (bucket not kept)"),
                                    reason: kept == nil ? .language : .languageScore)
            }
            item.bucket = routed.name
            return StageVerdict(passed: true, value: "\(label) \(score) (min \(routed.minimumScore))"
                                + (trimmed > 0 ? "; \(trimmed) paragraphs of other languages cut from the edges" : ""))
        }
    }
}
