/// The settings the selection passes share, and the passes (one file each), which hand off files as dedup's do:
///
/// 1. `scores` (`ScorePass`, per unit): each line's rank key, from its score, as a side output in
///    `OUT/.select/<bucket>/units/`.
/// 2. `cutoffs` (`CutoffPass`, per bucket): sorts the bucket's keys in bounded memory and writes the key at each share
///    (`keep.top` and every band) to `OUT/.select/<bucket>/cutoffs.json`.
/// 3. `select` (`SelectPass`, per unit): writes the documents kept, with `meta.quality_band`, to
///    `OUT/<bucket>/part-<unit>-<n>.jsonl.gz`.
///
/// The units are the shards the passes before wrote: the map pass's in `OUT/.stage`, or after dedup apply's in
/// `OUT/.deduped`. Their names do not carry ranks, so the documents kept are the same however the run was split.
public struct Selector: Sendable {
    public var config: SelectionConfig
    public var units: DedupUnits
    public var output: String
    public var shardBytes: Int
    /// The memory the cutoffs pass's sorts of all workers may use together; past it they spill to disk.
    public var memoryBytes: Int
    public var jobs: Int

    public init(config: SelectionConfig, units: DedupUnits, output: String, shardBytes: Int = 128 << 20, jobs: Int = 1,
                memoryBytes: Int = 1 << 30) {
        self.config = config
        self.units = units
        self.output = output
        self.shardBytes = shardBytes
        self.jobs = max(1, jobs)
        self.memoryBytes = memoryBytes
    }

    /// The three passes, in order.
    var passes: [any CorpusPass] { [ScorePass(selector: self), CutoffPass(selector: self), SelectPass(selector: self)] }

    func cutoffs(_ bucket: String) -> String { "\(units.work)/\(bucket)/cutoffs.json" }

    /// The buckets whose documents are ranked.
    var buckets: [String] { units.buckets.filter(config.selects) }

    /// A document's place in its bucket's ranking: its score, then a hash of its line and place, compared as
    /// unsigned integers, higher first; a zero score means the document has none.
    struct RankKey: Comparable, Equatable {
        var score: UInt64
        var tiebreak: UInt64

        static let none = RankKey(score: 0, tiebreak: 0)

        static func < (a: RankKey, b: RankKey) -> Bool { (a.score, a.tiebreak) < (b.score, b.tiebreak) }

        /// The key of `score` (best highest, or lowest when `lowestFirst`) for the line hashed `line` at `place`;
        /// `.none` for a missing or NaN score.
        init(score: Double?, lowestFirst: Bool, line: UInt64, place: UInt64) {
            guard let score, !score.isNaN else {
                self = .none
                return
            }
            let bits = (lowestFirst ? -score : score).bitPattern
            self.score = bits >> 63 == 1 ? ~bits : bits | 1 << 63
            tiebreak = Hash64.mix(line ^ Hash64.mix(place))
        }

        init(score: UInt64, tiebreak: UInt64) {
            self.score = score
            self.tiebreak = tiebreak
        }

        /// The score a key was made from.
        func value(lowestFirst: Bool) -> Double {
            let bits = score >> 63 == 1 ? score & ~(1 << 63) : ~score
            return lowestFirst ? -Double(bitPattern: bits) : Double(bitPattern: bits)
        }
    }

    /// The place of line `local` of `unit`, for tie-breaks: the same line elsewhere ranks apart.
    func place(_ unit: DedupUnits.Shard, _ local: Int) -> UInt64 { UInt64(unit.index) << 40 | UInt64(local) }

    /// The score of `document`: its `meta.<field>` when a number.
    func score(_ document: ShardDocument) -> Double? {
        document.meta.first { $0.0 == config.field }?.1.doubleValue
    }

    func readSide(_ path: String) throws(RunError) -> [UInt8] { try units.readSide(path) }
}
