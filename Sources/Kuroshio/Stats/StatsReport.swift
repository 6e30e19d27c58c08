/// The statistics of runs as one self-contained HTML page (inline SVG charts and CSS; no scripts, no network) and
/// as a short Markdown summary.
public enum StatsReport {
    public static func html(_ stats: CorpusStats) -> String {
        let profile = stats.profile, total = profile.total, funnel = Funnel(stats.counters)
        let names = profile.bucketNames
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Kuroshio corpus report</title>
            <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", Meiryo,
                   "Noto Sans CJK SC", "Microsoft YaHei", "Noto Sans CJK KR", sans-serif; margin: 0 auto; max-width: 1040px; padding: 24px; color: #111; }
            section { margin: 28px 0; } h1 { font-size: 26px; } h2 { font-size: 20px; border-bottom: 1px solid #ddd; }
            table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
            th, td { padding: 4px 10px; border-bottom: 1px solid #eee; text-align: right; vertical-align: top; }
            th:first-child, td:first-child, td.text { text-align: left; }
            .note { color: #555; font-size: 14px; } svg { display: block; margin: 16px 0; }
            blockquote { margin: 4px 0 12px; padding: 6px 10px; background: #f7f7f7; font-size: 14px; white-space: pre-wrap; }
            </style></head><body>
            <h1>Kuroshio corpus report</h1>

            """
        page += "<p class=\"note\">" + stats.runs.map { run in
            "\(ReportText.escaped(run.path)): " + (run.finished ? "finished" : "in progress") + ", \(ReportText.count(run.filesDone)) input files done"
        }.joined(separator: "<br>") + "<br>\(ReportText.count(profile.shards)) shards read"
            + (profile.badLines > 0 ? ", \(ReportText.count(profile.badLines)) lines that are not documents" : "") + ".</p>\n"

        // The mix.
        page += "<section><h2>Buckets and the mix</h2>\n<table><tr><th>bucket</th><th>documents</th><th>characters</th>"
            + "<th>bytes (JSONL)</th><th>tokens</th><th>share of documents</th><th>share of characters</th><th>share of tokens</th></tr>\n"
        for name in names + (names.count > 1 ? ["all"] : []) {
            let bucket = profile.buckets[name] ?? total
            page += "<tr><td>\(ReportText.escaped(name))</td><td>\(ReportText.count(bucket.docs))</td><td>\(ReportText.count(bucket.chars))</td>"
                + "<td>\(ReportText.count(bucket.bytes))</td><td>\(bucket.docsWithTokens > 0 ? ReportText.count(bucket.tokens) : "–")</td>"
                + "<td>\(ReportText.share(bucket.docs, total.docs))</td><td>\(ReportText.share(bucket.chars, total.chars))</td>"
                + "<td>\(ReportText.share(bucket.tokens, total.tokens))</td></tr>\n"
        }
        page += "</table>\n<p class=\"note\">Characters are Unicode scalars of the documents' text; bytes are those of "
            + "the JSONL lines as written in the shards before compression, metadata included.</p>\n"
        var rows: [(label: String, parts: [(name: String, value: Double)])] = [
            ("documents", names.map { ($0, Double(profile.buckets[$0]!.docs)) }),
            ("characters", names.map { ($0, Double(profile.buckets[$0]!.chars)) }),
        ]
        if total.tokens > 0 { rows.append(("tokens", names.map { ($0, Double(profile.buckets[$0]!.tokens)) })) }
        page += SVGChart.stacked("mix", title: "Share of the mix by bucket", rows: rows) + "</section>\n"

        // The funnel.
        page += "<section><h2>Funnel</h2>\n"
        page += SVGChart.bars("funnel", title: "Documents out of each step (records read, stages, dedup, kept)", unit: "documents",
                              funnel.steps.enumerated().map { index, step in
                                  let lost = step.docsIn > 0 ? Double(step.docsIn - step.docsOut) / Double(step.docsIn) : 0
                                  // Records that are not responses (requests, metadata) are not losses.
                                  let text = index == 0 ? "\(ReportText.count(step.docsIn)) records, \(ReportText.count(step.docsOut)) to the stages"
                                      : "\(ReportText.count(step.docsIn)) → \(ReportText.count(step.docsOut))"
                                          + (lost > 0 ? " (−\(ReportText.percent(lost)))" : "")
                                  return SVGChart.Bar(step.name, Double(step.docsOut), text: text)
                              })
        if !funnel.dropReasons.isEmpty {
            page += SVGChart.bars("drop-reasons", title: "Why documents were dropped", unit: "documents",
                                  funnel.dropReasons.prefix(15).map { SVGChart.Bar($0.reason, Double($0.count)) })
        }
        page += bucketFunnels(stats) + "</section>\n"

        // Lengths and scores.
        page += "<section><h2>Lengths and language scores</h2>\n"
        for name in names {
            let bucket = profile.buckets[name]!
            page += SVGChart.columns("length-chars-\(name)", title: "\(name): document length in characters", xAxis:
                                        "characters (each bin from the value shown up to double it)", yAxis: "documents",
                                     bars(bucket.lengthChars))
            if bucket.docsWithTokens > 0 {
                page += SVGChart.columns("length-tokens-\(name)", title: "\(name): document length in tokens", xAxis:
                                            "tokens (each bin from the value shown up to double it)", yAxis: "documents",
                                         bars(bucket.lengthTokens))
            }
            if bucket.langScores.counts.contains(where: { $0 > 0 }) {
                page += SVGChart.columns("lang-scores-\(name)", title: "\(name): language score", xAxis:
                                            "score of the bucket's language (bins of 0.05)", yAxis: "documents",
                                         bars(bucket.langScores))
            }
        }
        page += "</section>\n"

        // Learned scores.
        let scores = stats.counters.each { if case .score(let bucket, let field, let bin) = $0 { (bucket, field, bin) } else { nil } }
        if !scores.isEmpty {
            page += "<section><h2>Quality scores</h2>\n<p class=\"note\">Documents the stages kept, by the score a model gave them "
                + "(before dedup and selection).</p>\n"
            var charts: [String] = []
            for ((bucket, field, _), _) in scores where !charts.contains("\(bucket)/\(field)") { charts.append("\(bucket)/\(field)") }
            for chart in charts {
                let bins = scores.filter { "\($0.0.0)/\($0.0.1)" == chart }
                let (bucket, field) = (bins[0].0.0, bins[0].0.1)
                page += SVGChart.columns("score-\(bucket)-\(field)", title: "\(bucket): \(field)", xAxis: "score (each bin from the value shown)",
                                         yAxis: "documents", bins.map { SVGChart.Bar($0.0.2, Double($0.1)) })
            }
            page += "</section>\n"
        }

        // Where the documents came from.
        page += "<section><h2>Sources</h2>\n"
        page += SVGChart.bars("charsets", title: "Charsets of the documents kept", unit: "documents",
                              profile.charsets.top(CorpusStats.listed).map { SVGChart.Bar($0.key, Double($0.count)) })
        page += SVGChart.bars("tlds", title: "Top-level domains (.jp: \(ReportText.percent(profile.jpShare)) of documents)", unit: "documents",
                              profile.tlds.top(15).map { SVGChart.Bar("." + $0.key, Double($0.count)) })
        page += SVGChart.bars("domains", title: "Top domains" + (profile.domains.approximate ? " (approximate counts)" : ""),
                              unit: "documents", profile.domains.top(20).map { SVGChart.Bar($0.key, Double($0.count)) })
        page += SVGChart.columns("warc-months", title: "Capture months (WARC-Date)", xAxis: "month", yAxis: "documents",
                                 profile.months.counts.sorted { $0.key < $1.key }.map { SVGChart.Bar($0.key, Double($0.value)) })
        page += "</section>\n"

        // Dedup.
        let rates = stats.dedupRates
        if !rates.isEmpty {
            page += "<section><h2>Deduplication</h2>\n<table><tr><th>step</th><th>removed</th><th>rate</th></tr>\n"
            for rate in rates {
                page += "<tr><td>\(rate.step == "paragraphs" ? "paragraphs (of those compared)" : "\(rate.step) duplicates (documents)")</td>"
                    + "<td>\(ReportText.count(rate.removed))</td><td>\(ReportText.percent(rate.rate))</td></tr>\n"
            }
            let removedCharacters = stats.counters[.paragraphs(.charsRemoved)]
            if stats.counters.has(.paragraphs(.charsRemoved)) {
                let before = stats.counters.each { if case .preDedup(let bucket, .chars) = $0 { bucket } else { nil } }.reduce(0) { $0 + $1.1 }
                page += "<tr><td>characters removed by paragraph dedup (of the text before dedup)</td>"
                    + "<td>\(ReportText.count(removedCharacters))</td><td>\(ReportText.share(removedCharacters, before))</td></tr>\n"
            }
            page += "</table>\n"
            page += SVGChart.columns("cluster-sizes", title: "Near-duplicate cluster sizes", xAxis: "documents in a cluster",
                                     yAxis: "clusters", stats.clusterSizes.map { SVGChart.Bar($0.size, Double($0.count)) })
            page += "</section>\n"
        }

        // Problems.
        let problems = stats.problems
        page += "<section><h2>Input problems</h2>\n"
        if let remote = remoteSummary(stats.counters) { page += "<p>\(ReportText.escaped(remote))</p>\n" }
        if problems.isEmpty {
            page += "<p>None.</p>\n"
        } else {
            page += "<table><tr><th>kind</th><th>count</th><th>the input</th><th>examples (file @ offset: detail)</th></tr>\n"
            for (kind, count) in problems {
                let whole = ProblemKind(rawValue: kind)?.keptWhole == true
                let examples = stats.counters.examples.filter { $0.kind.rawValue == kind }.prefix(3)
                    .map { ReportText.escaped("\($0.file) @ \($0.offset)" + ($0.detail.isEmpty ? "" : ": \($0.detail)")) }
                page += "<tr><td>\(ReportText.escaped(kind))</td><td>\(ReportText.count(count))</td>"
                    + "<td class=\"text\">\(whole ? "read whole" : "cut, skipped or dropped")</td><td class=\"text\">"
                    + examples.joined(separator: "<br>") + "</td></tr>\n"
            }
            page += "</table>\n"
        }
        page += "</section>\n"

        // Rejected examples.
        if !profile.rejected.isEmpty {
            page += "<section><h2>Rejected examples</h2>\n<p class=\"note\">The first documents each stage rejected "
                + "(kept with <code>--keep-rejected</code>), with the value it measured.</p>\n"
            for stage in profile.rejected.keys.sorted() {
                page += "<h3>\(ReportText.escaped(stage))</h3>\n"
                for document in profile.rejected[stage]! {
                    page += "<p class=\"note\">\(document.value.map { "value \(ReportText.count($0))" } ?? "no value") · "
                        + (document.language.map { "identified as \(ReportText.escaped($0)) · " } ?? "")
                        + "\(ReportText.escaped(document.url.isEmpty ? document.id : document.url))</p>\n"
                        + "<blockquote>\(ReportText.escaped(document.excerpt))</blockquote>\n"
                }
            }
            page += "</section>\n"
        }
        return page + "</body></html>\n"
    }

    /// Each bucket's own funnel: the documents routed to it, what each later stage dropped, what dedup removed and
    /// what was kept; and the documents whose largest language stayed below its bucket's share, by language.
    static func bucketFunnels(_ stats: CorpusStats) -> String {
        let counters = stats.counters
        var drops: [String: [(reason: String, count: Int)]] = [:]
        for entry in counters.each({ counter -> [String]? in
            if case .bucketDropped(let bucket, let reason) = counter { return [bucket, reason] } else { return nil }
        }) {
            drops[entry.0[0], default: []].append((entry.0[1], entry.1))
        }
        let pre: [String] = counters.each { if case .preDedup(let bucket, .docs) = $0 { bucket } else { nil } }.map(\.0)
        var html = ""
        let buckets = Set(pre).union(drops.keys).sorted()
        if !buckets.isEmpty {
            html += "<h3>By bucket</h3>\n<table><tr><th>bucket</th><th>routed</th><th>dropped after routing (most first)</th>"
                + "<th>after the stages</th><th>removed by dedup</th><th>kept</th></tr>\n"
            for bucket in buckets {
                let own = (drops[bucket] ?? []).sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
                let after = counters[.preDedup(bucket, .docs)], kept = counters[.bucket(bucket, .docs)]
                let routed = own.reduce(after) { $0 + $1.count }
                let reasons = own.prefix(6).map { "\(ReportText.escaped($0.reason)) \(ReportText.count($0.count))" }
                let listed = own.isEmpty ? "none" : reasons.joined(separator: ", ") + (own.count > 6 ? ", …" : "")
                html += "<tr><td>\(ReportText.escaped(bucket))</td><td>\(ReportText.count(routed))</td><td class=\"text\">\(listed)</td>"
                html += "<td>\(ReportText.count(after))</td><td>\(ReportText.count(after - kept))</td><td>\(ReportText.count(kept))</td></tr>\n"
            }
            html += "</table>\n"
        }
        let languages = counters.each { if case .languageDropped(let label) = $0 { label } else { nil } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        if !languages.isEmpty {
            let listed = languages.prefix(12).map { "\(ReportText.escaped($0.0)) \(ReportText.count($0.1))" }.joined(separator: ", ")
            html += "<p class=\"note\">Dropped at routing, by the largest language of each document (<code>languages_dropped</code>): "
                + listed + (languages.count > 12 ? ", …" : "") + ". A routed language here fell below its bucket's share.</p>\n"
        }
        return html
    }

    /// What remote inputs cost, when there were any: `Remote inputs: 18 files, 23 requests, 38.9 MB fetched at 41.2 MB/s
    /// per transfer, 5 retries (2 resumed by range).`
    static func remoteSummary(_ counters: RunStats) -> String? {
        let files = counters[.remote(.files)], seconds = Double(counters[.remote(.transferMs)]) / 1000
        guard files > 0 else { return nil }
        let megabytes = Double(counters[.remote(.bytes)]) / 1e6
        return "Remote inputs: \(ReportText.count(files)) files, \(ReportText.count(counters[.remote(.requests)])) requests, "
            + "\(ReportText.number(megabytes)) MB fetched" + (seconds > 0 ? " at \(ReportText.number(megabytes / seconds)) MB/s per transfer" : "")
            + ", \(ReportText.count(counters[.remote(.retries)])) retries (\(ReportText.count(counters[.remote(.resumes)])) resumed by range)."
    }

    /// A histogram's bins as chart columns.
    private static func bars(_ histogram: Histogram) -> [SVGChart.Bar] {
        zip(histogram.labels, histogram.counts).map { SVGChart.Bar($0, Double($1)) }
    }

    /// A short Markdown summary: the buckets, the funnel, dedup rates and problems.
    public static func markdown(_ stats: CorpusStats) -> String {
        let profile = stats.profile, total = profile.total, funnel = Funnel(stats.counters)
        var text = "# Corpus statistics\n\n" + stats.runs.map {
            "- `\(ReportText.markdown($0.path))`: \($0.finished ? "finished" : "in progress"), \(ReportText.count($0.filesDone)) input files done\n"
        }.joined()
        text += "\n| bucket | documents | characters | tokens | share of documents | share of characters | share of tokens |\n"
            + "|---|---:|---:|---:|---:|---:|---:|\n"
        for name in profile.bucketNames {
            let bucket = profile.buckets[name]!
            text += "| \(ReportText.markdown(name)) | \(ReportText.count(bucket.docs)) | \(ReportText.count(bucket.chars)) | "
                + "\(bucket.docsWithTokens > 0 ? ReportText.count(bucket.tokens) : "–") | \(ReportText.share(bucket.docs, total.docs)) | "
                + "\(ReportText.share(bucket.chars, total.chars)) | \(ReportText.share(bucket.tokens, total.tokens)) |\n"
        }
        text += "\n| step | in | out |\n|---|---:|---:|\n"
            + funnel.steps.map { "| \(ReportText.markdown($0.name)) | \(ReportText.count($0.docsIn)) | \(ReportText.count($0.docsOut)) |\n" }.joined()
        if !funnel.dropReasons.isEmpty {
            text += "\nTop drop reasons: " + funnel.dropReasons.prefix(5).map { "\(ReportText.markdown($0.reason)) \(ReportText.count($0.count))" }
                .joined(separator: ", ") + ".\n"
        }
        let rates = stats.dedupRates
        if !rates.isEmpty {
            text += "Dedup removed: " + rates.map { "\(ReportText.markdown($0.step)) \(ReportText.percent($0.rate)) (\(ReportText.count($0.removed)))" }
                .joined(separator: ", ") + ".\n"
        }
        if let remote = remoteSummary(stats.counters) { text += remote + "\n" }
        if !stats.problems.isEmpty {
            text += "Input problems: " + stats.problems.map { "\(ReportText.markdown($0.kind)) \(ReportText.count($0.count))" }.joined(separator: ", ") + ".\n"
        }
        return text
    }
}
