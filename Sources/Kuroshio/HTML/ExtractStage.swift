/// `extract`: decodes an HTTP payload to UTF-8 (deciding its charset) and reduces it to its main text, which
/// becomes the document; boilerplate paragraphs are left out. Documents that are already text pass as they are.
public struct ExtractStage: PipelineStage {
    public let name = "extract"
    public var mainContent: Bool
    public var maxLinkRatio: Double

    static let spec = StageSpec(name: "extract", summary: "decodes the payload and keeps its main text", parameters: [
        ParameterSpec("main_content", .flag, "true", "keep only the main content block"),
        ParameterSpec("max_link_ratio", .number, "0.5", "paragraphs with a larger share of link text are boilerplate"),
    ], order: .init(once: true, requiredFor: .warc)) { parameters in
        ExtractStage(mainContent: parameters.flag("main_content", true), maxLinkRatio: parameters.number("max_link_ratio", 0.5))
    }

    /// Documents keep no element paths, so the extractor builds none.
    public func makeWorker() -> any StageWorker {
        Worker(extractor: HTMLExtractor(maxLinkRatio: maxLinkRatio, mainContentOnly: mainContent, recordsPaths: false))
    }

    struct Worker: StageWorker {
        let extractor: HTMLExtractor
        let charsets = CharsetDecoder()

        func run(_ item: inout StageItem, stats: inout RunStats) -> StageVerdict {
            guard let record = item.record, let response = item.response, item.document == nil else {
                return StageVerdict(passed: true, value: "text as given")
            }
            if let kind = BinaryPayload.kind(response.payload) {
                return StageVerdict(passed: false, value: "binary payload (\(kind))", reason: .binary)
            }
            let (decision, utf8) = charsets.decode(response.payload, httpLabel: response.charsetLabel)
            let charset = decision.charset.name
            stats.add(.charset(charset))
            if decision.replaced > 0 { stats.add(.charset("replaced_sequences"), decision.replaced) }
            let isMarkup = response.mediaType.contains("html") || response.mediaType.contains("xml")
            let page = isMarkup ? extractor.extract(utf8, limits: item.limits, watch: item.watch)
                : HTMLExtractor.plainText(utf8)
            // The runner counts the time and memory limits when the stage returns; the other bounds keep what came
            // before them.
            for limit in page.limitsHit where limit != .timeLimit && limit != .memoryLimit {
                let detail = switch limit {
                case .depthLimit: "elements nested deeper than \(item.limits.pageDepth) folded into their ancestors"
                case .elementLimit: "parsing stopped after \(item.limits.pageElements) elements"
                default: "paragraphs after the first \(item.limits.pageParagraphs) dropped"
                }
                stats.add(InputProblem(limit, file: record.file, offset: record.offset, detail: detail))
            }
            let kept = page.paragraphs.filter { $0.boilerplate == nil }
            let value = "charset \(charset) from \(decision.source.rawValue); \(kept.count) of \(page.paragraphs.count) paragraphs kept"
            guard !kept.isEmpty else { return StageVerdict(passed: false, value: value, reason: .emptyText) }
            var meta = ExtractStage.meta(record, page: page, charset: charset)
            if meta.warcDate.isEmpty, let date = response.headers["Date"].flatMap(WARCDate.normalize(http:)) {
                // The capture time unreadable, the server's clock at the response stands in, and says so.
                meta.warcDate = date
                meta.warcDateSource = "http"
            }
            meta.contentType = response.mediaType
            meta.charsetReplaced = decision.replaced
            item.document = Document(id: ExtractStage.identifier(record), text: kept.map(\.text).joined(separator: "\n\n"),
                                     paragraphs: kept, meta: meta)
            return StageVerdict(passed: true, value: value)
        }
    }

    static func meta(_ record: WARCRecord, page: ExtractedPage, charset: String) -> Document.Meta {
        var meta = Document.Meta()
        meta.url = record.targetURI
        meta.warcRecordID = record.recordID
        meta.warcDate = WARCDate.normalize(record.date) ?? ""
        if !meta.warcDate.isEmpty { meta.warcDateSource = "warc" }
        // The path or URL as given: two dumps' `part-00000.warc.gz` stay apart.
        meta.warcFile = record.file
        meta.warcOffset = record.offset
        meta.charset = charset
        meta.title = page.title
        meta.htmlLang = page.language
        return meta
    }

    /// The record id without `<urn:uuid:` and `>`, or `file:offset` when there is none.
    static func identifier(_ record: WARCRecord) -> String {
        var id = Substring(record.recordID)
        if id.hasPrefix("<") && id.hasSuffix(">") { id = id.dropFirst().dropLast() }
        if id.hasPrefix("urn:uuid:") { id = id.dropFirst(9) }
        return id.isEmpty ? "\(record.file.split(separator: "/").last ?? ""):\(record.offset)" : String(id)
    }
}
