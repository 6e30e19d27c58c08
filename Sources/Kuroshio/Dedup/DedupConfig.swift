/// What a recipe's dedup stages ask for. Each kind is optional; the passes do only what is set.
///
/// ```yaml
/// stages:
///   - exact_dedup: {keep: first}          # NFKC, whitespace-collapsed text; or keep: newest (warc_date)
///   - url_dedup: {}                       # the newest copy of each URL
///   - paragraph_dedup: {max_count: 1, min_chars: 50}
///   - minhash_dedup: {hashes: 128, bands: 20, rows: 6, threshold: 0.75, char_ngram: 5, word_ngram: 5}
/// ```
public struct DedupConfig: Sendable, Equatable {
    /// Documents whose normalised texts are equal.
    public var exact = false
    /// Documents with the same URL (several dumps of one page).
    public var url = false
    public var paragraphs: ParagraphOptions?
    public var minhash: MinHashOptions?
    /// Which copy of a cluster stays: the first in sorted input order, or the newest `warc_date`.
    public var keep = Keep.first
    /// The fingerprint of the recipe these stages came from (`RecipeMarker`).
    public var fingerprint = ""

    public enum Keep: String, Sendable, Equatable {
        case first, newest
    }

    /// Paragraphs counted across the corpus, once per document: one of at least `minLength` characters (a CJK
    /// character counting as 2.5) seen in more than `maxCount` documents is removed but from the document where it
    /// first occurs, and a document left with fewer than `minChars` characters is dropped. Boilerplate is a long
    /// paragraph repeated across pages; a short one (`2023`, `Conclusion`, `価格 : 8,800円(税込)`) is a heading, a
    /// date or a table cell, and stays. The `code` bucket is never touched: a line repeated across files (`});`,
    /// `var _ = this;`) is syntax, not boilerplate, and removing it breaks the code.
    public struct ParagraphOptions: Sendable, Equatable {
        /// The buckets paragraph dedup leaves alone.
        public static let untouched: Set<String> = ["code"]
        public var maxCount = 1
        public var minChars = 50
        public var minLength = 30
        /// Frequency tables of other runs or dumps whose counts are added to this corpus's.
        public var tables: [String] = []
        public init() {}
    }

    /// Near duplicates by MinHash-LSH: `bands` bands of `rows` values each make the candidates, and a candidate pair
    /// is kept when its signatures agree in at least `threshold` of their `hashes` positions.
    public struct MinHashOptions: Sendable, Equatable {
        public var hashes = 128
        public var bands = 20
        public var rows = 6
        public var threshold = 0.75
        public var shingles = Shingler()
        public init() {}
    }

    public init() {}

    /// True when documents are compared with each other (not only paragraphs).
    var comparesDocuments: Bool { exact || url || minhash != nil }
}
