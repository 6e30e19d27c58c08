import Testing
@testable import Kuroshio

@Suite struct CounterTests {
    /// Every kind of counter reads back from its key, dotted names included; keys no writer makes read as none.
    @Test func keysReadBackAsTheirCounters() {
        var counters: [Counter] = Counter.InputField.allCases.map { .inputs($0) } + ProblemKind.allCases.map { .problem($0) }
            + Counter.ParagraphField.allCases.map { .paragraphs($0) } + ClusterSize.allCases.map { .clusterSize($0) }
            + Counter.DedupWork.allCases.map { .dedupWork($0) }
        for removal in DedupRemoval.allCases { counters += Counter.DedupSide.allCases.map { .dedup(removal, $0) } }
        counters += Counter.StageField.allCases.map { .stage("language", $0) } + Counter.BucketField.allCases.map { .bucket("ja.v2", $0) }
        counters += [.preDedup("en", .docs), .records(type: "response"), .dropped("http-status"), .charset("shift_jis"),
                     .languageDropped("zh")]
        for counter in counters { #expect(Counter(key: counter.key) == counter, "\(counter.key)") }
        #expect(Counter(key: "buckets.ja.docs") == .bucket("ja", .docs) && Counter(key: "dedup.url.docs_out") == .dedup(.url, .docsOut))
        for key in ["stages.read", "buckets.ja.words", "problems.no-such-kind", "dedup.near", "custom", "widgets.x"] {
            #expect(Counter(key: key) == nil, "\(key)")
        }
    }

    /// Cluster sizes fall in their bins.
    @Test func clusterSizesFallInTheirBins() {
        #expect([2, 3, 4, 5, 8, 9, 16, 17, 64, 65, 128, 129, 10_000].map { ClusterSize($0).rawValue }
            == ["2", "3-4", "3-4", "5-8", "5-8", "9-16", "9-16", "17-32", "33-64", "65-128", "65-128", "129+", "129+"])
    }

    /// Removals are the documents in less those out, of each kind of dedup the runs did.
    @Test func removalsAreTheDocumentsEachKindOfDedupTookOut() {
        var stats = RunStats()
        stats.add(.dedup(.exact, .docsIn), 10)
        stats.add(.dedup(.exact, .docsOut), 7)
        stats.add(.dedup(.url, .docsIn), 7)
        stats.add(.dedup(.url, .docsOut), 7)
        stats.add(.dedup(.near, .docsIn), 3)
        stats.add(.dedup(.near, .docsOut), 5)  // a hostile file: no negative removal
        #expect(stats.dedupRemovals.elementsEqual([(.exact, 3), (.url, 0), (.near, 0)]) { $0 == $1 })
        #expect(stats.renaming { if case .dedup(let removal, .docsIn) = $0 { .dedup(removal, .docsOut) } else { $0 } }[.dedup(.exact, .docsOut)] == 17)
    }
}
