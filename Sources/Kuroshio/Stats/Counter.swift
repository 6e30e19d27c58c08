/// A counter of a run: the one place where each key of `stats.json` is spelled. Writers add counters; readers (the
/// funnel, the dedup rates, the command summaries, the report) ask for them by case, or iterate a kind's cases
/// (`DedupRemoval.allCases`), so that no kind is forgotten by one of them.
public enum Counter: Hashable, Sendable {
    /// `inputs.files`, `inputs.records`, `inputs.bytes`.
    case inputs(InputField)
    /// `inputs.remote.files`, `.requests`, `.bytes`, `.retries`, `.resumes`, `.transfer_ms`: what remote inputs cost.
    case remote(RemoteField)
    /// `records.<WARC type>`: records read, by type.
    case records(type: String)
    /// `stages.<stage>.in`, `.out`, `.bytes_in`, `.bytes_out`: documents into and out of a stage, and their bytes.
    case stage(String, StageField)
    /// `buckets.<bucket>.docs`, `.chars`, `.bytes`, `.tokens`: what a bucket keeps.
    case bucket(String, BucketField)
    /// `pre_dedup.<bucket>.…`: what the map pass kept, before the dedup passes.
    case preDedup(String, BucketField)
    /// `pre_select.<bucket>.…`: what the pass before the selection passes kept.
    case preSelect(String, BucketField)
    /// `scores.<bucket>.<field>.<bin>`: documents the stages kept, by the bin of a score they wrote (`ScoreBins`).
    case score(bucket: String, field: String, bin: String)
    /// `dropped.<reason>`: documents dropped, by reason (a filter's name, a `DropReason`, a problem kind).
    case dropped(String)
    /// Documents of a bucket a later stage dropped, by reason: the bucket's own funnel.
    case bucketDropped(String, String)
    /// `problems.<kind>`: problems met in the input.
    case problem(ProblemKind)
    /// `charsets.<name>`: documents by the charset they were decoded from; `charsets.replaced_sequences`.
    case charset(String)
    /// `languages_dropped.<label>`: documents dropped by the language stage, by language.
    case languageDropped(String)
    /// `dedup.<removal>.docs_in`, `.docs_out`: documents into and out of one kind of dedup.
    case dedup(DedupRemoval, DedupSide)
    /// `dedup.paragraphs.…`: what paragraph dedup counted.
    case paragraphs(ParagraphField)
    /// `dedup.cluster_sizes.<bin>`: clusters of two or more documents, by size.
    case clusterSize(ClusterSize)
    /// `dedup.<group>.<name>`: the dedup passes' own work (`dedup.signatures.docs`, `dedup.candidates.pairs_kept`).
    case dedupWork(DedupWork)

    public enum InputField: String, Sendable, CaseIterable { case files, records, bytes }
    public enum RemoteField: String, Sendable, CaseIterable {
        case files, requests, bytes, retries, resumes, transferMs = "transfer_ms"
    }
    public enum StageField: String, Sendable, CaseIterable { case docsIn = "in", docsOut = "out", bytesIn = "bytes_in", bytesOut = "bytes_out" }
    public enum BucketField: String, Sendable, CaseIterable { case docs, chars, bytes, tokens }
    public enum DedupSide: String, Sendable, CaseIterable { case docsIn = "docs_in", docsOut = "docs_out" }
    public enum ParagraphField: String, Sendable, CaseIterable {
        case removed, charsRemoved = "chars_removed", docsDropped = "docs_dropped", frequentKeys = "frequent_keys", distinct, occurrences
    }
    public enum DedupWork: String, Sendable, CaseIterable {
        case signatures = "signatures.docs", noShingles = "signatures.no_shingles", badJSON = "bad_json"
        case exactGroups = "candidates.exact_groups", urlGroups = "candidates.url_groups", nearGroups = "candidates.near_groups"
        case pairsChecked = "candidates.pairs_checked", pairsKept = "candidates.pairs_kept", applied = "apply.docs_in"
    }

    /// The key in `stats.json` and in markers.
    public var key: String {
        switch self {
        case .inputs(let field): "inputs.\(field.rawValue)"
        case .remote(let field): "inputs.remote.\(field.rawValue)"
        case .records(let type): "records.\(type)"
        case .stage(let stage, let field): "stages.\(stage).\(field.rawValue)"
        case .bucket(let bucket, let field): "buckets.\(bucket).\(field.rawValue)"
        case .preDedup(let bucket, let field): "pre_dedup.\(bucket).\(field.rawValue)"
        case .preSelect(let bucket, let field): "pre_select.\(bucket).\(field.rawValue)"
        case .score(let bucket, let field, let bin): "scores.\(bucket).\(field).\(bin)"
        case .dropped(let reason): "dropped.\(reason)"
        case .bucketDropped(let bucket, let reason): "bucket_dropped.\(bucket).\(reason)"
        case .problem(let kind): "problems.\(kind.rawValue)"
        case .charset(let name): "charsets.\(name)"
        case .languageDropped(let label): "languages_dropped.\(label)"
        case .dedup(let removal, let side): "dedup.\(removal.rawValue).\(side.rawValue)"
        case .paragraphs(let field): "dedup.paragraphs.\(field.rawValue)"
        case .clusterSize(let size): "dedup.cluster_sizes.\(size.rawValue)"
        case .dedupWork(let work): "dedup.\(work.rawValue)"
        }
    }

    /// The counter a key names, or nil for a key no writer makes.
    public init?(key: String) {
        let parts = key.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { return nil }
        let rest = parts[1]
        /// `<name>.<field>`, the name possibly dotted.
        func named<Field: RawRepresentable<String>>(_: Field.Type) -> (String, Field)? {
            guard let dot = rest.lastIndex(of: "."), let field = Field(rawValue: String(rest[rest.index(after: dot)...])),
                  dot > rest.startIndex else { return nil }
            return (String(rest[..<dot]), field)
        }
        switch parts[0] {
        case "inputs":
            if let field = InputField(rawValue: rest) {
                self = .inputs(field)
            } else if rest.hasPrefix("remote."), let field = RemoteField(rawValue: String(rest.dropFirst(7))) {
                self = .remote(field)
            } else {
                return nil
            }
        case "records": self = .records(type: rest)
        case "stages": guard let (stage, field) = named(StageField.self) else { return nil }; self = .stage(stage, field)
        case "buckets": guard let (bucket, field) = named(BucketField.self) else { return nil }; self = .bucket(bucket, field)
        case "pre_dedup": guard let (bucket, field) = named(BucketField.self) else { return nil }; self = .preDedup(bucket, field)
        case "pre_select": guard let (bucket, field) = named(BucketField.self) else { return nil }; self = .preSelect(bucket, field)
        case "scores":
            let names = rest.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard names.count == 3, !names.contains(where: \.isEmpty) else { return nil }
            self = .score(bucket: names[0], field: names[1], bin: names[2])
        case "dropped": self = .dropped(rest)
        case "bucket_dropped":
            guard let dot = rest.firstIndex(of: "."), dot != rest.startIndex else { return nil }
            self = .bucketDropped(String(rest[..<dot]), String(rest[rest.index(after: dot)...]))
        case "problems": guard let kind = ProblemKind(rawValue: rest) else { return nil }; self = .problem(kind)
        case "charsets": self = .charset(rest)
        case "languages_dropped": self = .languageDropped(rest)
        case "dedup":
            if let work = DedupWork(rawValue: rest) {
                self = .dedupWork(work)
            } else if rest.hasPrefix("cluster_sizes."), let size = ClusterSize(rawValue: String(rest.dropFirst(14))) {
                self = .clusterSize(size)
            } else if rest.hasPrefix("paragraphs."), let field = ParagraphField(rawValue: String(rest.dropFirst(11))) {
                self = .paragraphs(field)
            } else if let (name, side) = named(DedupSide.self), let removal = DedupRemoval(rawValue: name) {
                self = .dedup(removal, side)
            } else {
                return nil
            }
        default: return nil
        }
    }
}

/// Why dedup removes a document, in the order the clusters pass applies them.
public enum DedupRemoval: String, Sendable, CaseIterable {
    /// Its normalised text equals its cluster keeper's.
    case exact
    /// Its URL equals its cluster keeper's.
    case url
    /// It is a near duplicate of a document in its cluster.
    case near
    /// Too little text was left once its frequent paragraphs were removed.
    case paragraphs

    /// The drop reason the funnel gives the documents it removed.
    public var dropReason: String { self == .paragraphs ? "too short after paragraph dedup" : "\(rawValue) duplicate" }
}

/// The histogram bins of dedup cluster sizes.
public enum ClusterSize: String, Sendable, CaseIterable {
    case two = "2", upTo4 = "3-4", upTo8 = "5-8", upTo16 = "9-16", upTo32 = "17-32", upTo64 = "33-64", upTo128 = "65-128", more = "129+"

    /// The bin of a cluster of `size` documents (two or more).
    public init(_ size: Int) {
        self = Self.allCases.first { bin in bin == .more || size <= bin.upper } ?? .more
    }

    private var upper: Int { Int(rawValue.split(separator: "-").last!)! }
}

extension RunStats {
    public subscript(counter: Counter) -> Int { self[counter.key] }

    public mutating func add(_ counter: Counter, _ amount: Int = 1) { add(counter.key, amount) }

    /// Whether the counter was ever added (a kind of dedup the runs did, even when it removed nothing).
    public func has(_ counter: Counter) -> Bool { keys.contains(counter.key) }

    /// The counters in the order first added, each as its case, with its value; keys no writer makes are left out.
    public var counters: [(counter: Counter, value: Int)] {
        keys.compactMap { key in Counter(key: key).map { ($0, self[key]) } }
    }

    /// What `pick` finds in each counter, with the counter's value, in the order added: `counters { if case
    /// .dropped(let reason) = $0 { reason } else { nil } }`.
    public func each<T>(_ pick: (Counter) -> T?) -> [(T, Int)] {
        counters.compactMap { entry in pick(entry.counter).map { ($0, entry.value) } }
    }

    /// The buckets that kept documents, with their counts.
    public var keptBuckets: [(bucket: String, docs: Int)] {
        each { if case .bucket(let bucket, .docs) = $0 { bucket } else { nil } }.map { ($0.0, $0.1) }
    }

    /// Documents that each kind of dedup removed, of the kinds the runs did.
    public var dedupRemovals: [(removal: DedupRemoval, docs: Int)] {
        DedupRemoval.allCases.filter { has(.dedup($0, .docsIn)) }.map { ($0, max(0, self[.dedup($0, .docsIn)] - self[.dedup($0, .docsOut)])) }
    }

    /// The same counters, each renamed by `rename` (keys no writer makes as they are).
    public func renaming(_ rename: (Counter) -> Counter) -> RunStats {
        renamingKeys { key in Counter(key: key).map { rename($0).key } ?? key }
    }
}
