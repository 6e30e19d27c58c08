/// A SentencePiece model with its own normaliser spec, encoded as SentencePiece 0.2.3 encodes it: Unigram by Viterbi
/// over piece scores, BPE by merging the highest-scoring pair first, byte fallback for unknown characters, runs of
/// unknowns fused. Unigram and BPE models are encoded here; word and character models go through libsentencepiece.
public final class SentencePieceTokenizer: Tokenizer, @unchecked Sendable {
    // Immutable after init and read concurrently; the library model (word and character models only) is const and
    // thread-safe.
    private let kind: SentencePieceModel.Kind
    /// Each piece's score and type, by id.
    private let scores: [Float]
    private let types: [SentencePieceModel.PieceType]
    private let normalizer: SentencePieceNormalizer
    /// Normal, user-defined and unused pieces: walked by the Unigram Viterbi, looked up by BPE merges.
    private let trie: ByteTrie
    private let pieces: TokenTable
    /// The unknown piece, or -1 when a model with byte fallback has none.
    private let unknown: Int32
    private let bytes: [Int32]?
    /// The lowest score of a normal piece, from which an unknown character's score is made.
    private let minScore: Float
    /// True when no piece has U+2581 after a character other than U+2581: then no BPE merge crosses the start of a
    /// word, and words are merged (and cached) one at a time.
    private let mergesStayInWords: Bool
    private let hasUnusedPieces: Bool
    private let library: SentencePieceLibrary?
    private let scratch = ScratchPool { Scratch() }
    /// Each piece's text, by id.
    private let pieceTexts: [String]
    public let vocabularySize: Int
    public let endOfDocument: Int32?

    private struct Scratch: Sendable {
        var normalized: [UInt8] = []
        var cuts: [Cut] = []
        var frozen: [Bool] = [], symbolStarts: [Int32] = [], partIDs: [Int32] = []
        var merger = PairMerger()
        var memo = TokenTable.Memo()
        var words = WordCache()
        var parts: [Int32] = []
    }

    public init(path: String) throws(TokenizerError) {
        guard let bytes = FileSystem.read(path) else { throw TokenizerError(path: path, reason: "cannot read the file") }
        let model: SentencePieceModel
        do throws(Unsupported) {
            model = try SentencePieceModel(bytes)
            if let long = model.pieces.firstIndex(where: { $0.text.count > TokenizerBounds.pieceBytes }) {
                throw Unsupported("piece \(long) has \(model.pieces[long].text.count) bytes, past the \(TokenizerBounds.pieceBytes) a piece may have")
            }
            guard TokenizerBounds.ids.contains(model.pieces.count) else { throw Unsupported("\(model.pieces.count) pieces, past 2^24") }
            scores = model.pieces.map(\.score)
            types = model.pieces.map(\.type)
            let numbered = model.pieces.enumerated().map { ($0.element, Int32($0.offset)) }
            func table(_ types: Set<SentencePieceModel.PieceType>) -> [([UInt8], Int32)] {
                numbered.filter { types.contains($0.0.type) }.map { ($0.0.text, $0.1) }
            }
            // An unused piece of one NUL byte is a placeholder the library skips.
            let ordinary = table([.normal, .userDefined, .unused]).filter { $0.0 != [0] }
            trie = ByteTrie(ordinary)
            pieces = TokenTable(ordinary)
            let reserved = TokenTable(table([.unknown, .control, .byte]))
            unknown = numbered.first(where: { $0.0.type == .unknown })?.1 ?? -1
            guard unknown >= 0 || model.byteFallback else { throw Unsupported("the model has no unknown piece") }
            guard model.pieces.allSatisfy({ $0.score.isFinite }) else { throw Unsupported("a piece score is not finite") }
            if model.byteFallback {
                let ids = (0..<256).map { reserved[Array(String(format: "<0x%02X>", $0).utf8)] }
                guard !ids.contains(nil) else { throw Unsupported("byte fallback without all 256 byte pieces") }
                self.bytes = ids.map { $0! }
            } else {
                self.bytes = nil
            }
            normalizer = try SentencePieceNormalizer(model, userDefined: ByteTrie(table([.userDefined])))
            mergesStayInWords = model.escapeWhitespaces && !model.treatWhitespaceAsSuffix && ordinary.allSatisfy { piece, _ in
                !SentencePieceNormalizer.hasInnerWordStart(piece.span)
            }
            hasUnusedPieces = model.pieces.contains { $0.type == .unused }
            minScore = model.pieces.filter { $0.type == .normal }.map(\.score).min() ?? .greatestFiniteMagnitude
            let eos = reserved[model.endOfSentence]
            endOfDocument = eos.flatMap { [types] in types[Int($0)] == .control ? $0 : nil }
        } catch {
            throw TokenizerError(path: path, reason: error.reason)
        }
        vocabularySize = model.pieces.count
        pieceTexts = model.pieces.map { String(decoding: $0.text, as: UTF8.self) }
        kind = model.kind
        if model.kind == .word || model.kind == .character {
            library = try SentencePieceLibrary(path: path)
        } else {
            library = nil
        }
    }

    public func encode(_ text: String) throws(TokenizerLimit) -> [Int32] {
        if let library {
            guard let ids = library.encode(text) else {
                throw TokenizerLimit(reason: "libsentencepiece could not encode the text")
            }
            return ids
        }
        return try scratch.with { (scratch) throws(TokenizerLimit) in
            guard normalizer.normalize(text.utf8.span, into: &scratch.normalized) else {
                throw TokenizerLimit(reason: "the normalised text would pass \(TokenizerBounds.normalizedBytes(text.utf8.count)) bytes")
            }
            var ids: [Int32] = []
            // Lent out while the encoders use the rest of the scratch, then given back.
            let normalized = scratch.normalized
            scratch.normalized = []
            defer { scratch.normalized = normalized }
            var merged = true
            if kind == .bpe {
                merged = mergePairs(normalized.span, &scratch, into: &ids)
            } else {
                viterbi(normalized.span, &scratch, into: &ids)
            }
            guard merged else { throw TokenizerLimit(reason: "a word past the \(TokenizerBounds.mergeBytes) bytes a merge may take") }
            return ids
        }
    }

    /// The pieces of `text`, as `encode_as_pieces` gives them for known pieces (an unknown one is the unknown
    /// piece's text, such as `<unk>`, where the library gives its surface).
    public func pieces(_ text: String) throws(TokenizerLimit) -> [String] { try encode(text).map { pieceTexts[Int($0)] } }

    /// Appends a piece's id as the library reports it: an unknown piece in bytes with byte fallback, else fused with
    /// an unknown before it.
    @inline(__always)
    private func emit(_ id: Int32, _ text: Span<UInt8>, into ids: inout [Int32], previousUnknown: inout Bool) {
        let isUnknown = id == unknown || (id >= 0 && types[Int(id)] == .unknown)
        if isUnknown, let bytes {
            for i in text.indices { ids.append(bytes[Int(text[i])]) }
        } else if !(isUnknown && previousUnknown) {
            ids.append(id)
        }
        previousUnknown = isUnknown
    }

    /// The best cut of the text up to a byte found so far: its score, where its last piece starts (-1 before one is
    /// found) and that piece's id.
    fileprivate struct Cut {
        var score: Float
        var start: Int32
        var id: Int32
    }

    /// Unigram: the best-scoring cut, ending at each character boundary in turn, with the library's arithmetic
    /// (single precision; a user-defined symbol scores 0.1 per byte after its first; sums far from zero are moved
    /// back to zero, which changes how ties round).
    private func viterbi(_ text: Span<UInt8>, _ scratch: inout Scratch, into ids: inout [Int32]) {
        let size = text.count
        guard size > 0 else { return }
        scratch.cuts.removeAll(keepingCapacity: true)
        scratch.cuts.append(contentsOf: repeatElement(Cut(score: 0, start: -1, id: -1), count: size + 1))
        let unknownScore = minScore - 10
        do {
            // A view that writes without a uniqueness check per element, and checks bounds as the array does.
            var cuts = scratch.cuts.mutableSpan
            var start = 0, frontier = 0
            while start < size {
                var here = cuts[start].score
                if here < -100_000 || here > 100_000 {
                    for i in start...frontier where i == start || cuts[i].start != -1 { cuts[i].score -= here }
                    here = 0
                }
                let length = Swift.min(SentencePieceNormalizer.characterLength(text[start]), size - start)
                var coversCharacter = false
                var node: Int32 = 0
                var end = start
                while end < size, let next = trie.child(node, text[end]) {
                    node = next
                    end += 1
                    let id = trie.value(node)
                    guard id >= 0 else { continue }
                    let type = types[Int(id)]
                    if type == .unused { continue }
                    frontier = Swift.max(frontier, end)
                    let score = type == .userDefined ? Float(0.1 * Double(end - start - 1)) : scores[Int(id)]
                    cuts.offer(end, score + here, from: start, id)
                    if end - start == length { coversCharacter = true }
                }
                if !coversCharacter {
                    frontier = Swift.max(frontier, start + length)
                    cuts.offer(start + length, unknownScore + here, from: start, unknown)
                }
                start += length
            }
        }
        // Back from the end, then emitted in order.
        var path: [Int32] = []
        var end = size
        while end > 0 {
            path.append(Int32(end))
            end = Int(scratch.cuts[end].start)
        }
        var previousUnknown = false
        for end in path.reversed() {
            let cut = scratch.cuts[Int(end)]
            emit(cut.id, text.extracting(Int(cut.start)..<Int(end)), into: &ids, previousUnknown: &previousUnknown)
        }
    }

    /// BPE, word by word when merges stay in words (each word's pieces cached), else over the whole text; false when
    /// a word is longer than `TokenizerBounds.mergeBytes`.
    private func mergePairs(_ text: Span<UInt8>, _ scratch: inout Scratch, into ids: inout [Int32]) -> Bool {
        var previousUnknown = false
        var fits = true
        func encode(_ from: Int, _ to: Int) {
            fits = fits && to - from <= TokenizerBounds.mergeBytes
            guard fits else { return }
            let word = text.extracting(from..<to)
            scratch.parts.removeAll(keepingCapacity: true)
            if !mergesStayInWords || !scratch.words.lookup(word, into: &scratch.parts) {
                mergePairs(word, &scratch)
                if mergesStayInWords { scratch.words.store(word, scratch.parts[...]) }
            }
            var offset = from
            for k in stride(from: 0, to: scratch.parts.count, by: 2) {
                let length = Int(scratch.parts[k + 1])
                emit(scratch.parts[k], text.extracting(offset..<offset + length), into: &ids,
                     previousUnknown: &previousUnknown)
                offset += length
            }
        }
        var start = 0
        if mergesStayInWords {
            SentencePieceNormalizer.forEachWordStart(text) { position in
                guard position > start else { return }
                encode(start, position)
                start = position
            }
        }
        encode(start, text.count)
        return fits
    }

    /// BPE over `text`: characters (a user-defined symbol is one, never merged) merge pair by pair, the highest
    /// piece score first and the leftmost on ties. Leaves each resulting piece's id and byte length in
    /// `scratch.parts`.
    private func mergePairs(_ text: Span<UInt8>, _ scratch: inout Scratch) {
        // Units are symbols; `symbolStarts` has where each starts, then the end.
        scratch.symbolStarts.removeAll(keepingCapacity: true)
        scratch.frozen.removeAll(keepingCapacity: true)
        var i = 0
        while i < text.count {
            let symbol = normalizer.symbol(text.extracting(i...))
            scratch.symbolStarts.append(Int32(i))
            scratch.frozen.append(symbol.frozen)
            i += symbol.length
        }
        scratch.symbolStarts.append(Int32(text.count))
        let count = scratch.symbolStarts.count - 1
        let starts = scratch.symbolStarts, frozen = scratch.frozen
        // Pieces made of an unused pair: how the library splits them again, from the latest pair that formed them.
        var unusedSplits: [[UInt8]: ([UInt8], [UInt8])] = [:]
        // Each part's id once it has merged; single symbols are looked up at the end.
        scratch.partIDs.removeAll(keepingCapacity: true)
        scratch.partIDs.append(contentsOf: repeatElement(-1, count: count))
        scratch.merger.merge(count: count) { left, right, end in
            guard !frozen[left], !frozen[right] else { return nil }
            let from = Int(starts[left]), to = Int(starts[end])
            guard let id = scratch.memo.lookup(text.extracting(from..<to), in: pieces) else { return nil }
            if hasUnusedPieces && types[Int(id)] == .unused {
                let middle = Int(starts[right])
                unusedSplits[Self.copy(text, from..<to)] = (Self.copy(text, from..<middle), Self.copy(text, middle..<to))
            }
            return (-scores[Int(id)], id)
        } merged: { left, id in
            scratch.partIDs[left] = id
        }
        scratch.merger.forEachPart(count: count) { start, end in
            let piece = text.extracting(Int(starts[start])..<Int(starts[end]))
            var id = scratch.partIDs[start]
            if id < 0 { id = scratch.memo.lookup(piece, in: pieces) ?? unknown }
            resegment(piece, id, depth: 0, unusedSplits, into: &scratch.parts)
        }
    }

    /// Appends a BPE piece's id (unknown when it is not in the vocabulary) and length; an unused piece is split again
    /// as it was formed (unknown with no pair on record), at most 100 levels deep.
    private func resegment(
        _ piece: Span<UInt8>, _ id: Int32, depth: Int, _ unusedSplits: [[UInt8]: ([UInt8], [UInt8])],
        into parts: inout [Int32]
    ) {
        guard hasUnusedPieces, id >= 0, types[Int(id)] == .unused, depth <= 100 else {
            parts.append(id)
            parts.append(Int32(piece.count))
            return
        }
        guard let (left, right) = unusedSplits[Self.copy(piece, 0..<piece.count)] else {
            parts.append(unknown)
            parts.append(Int32(piece.count))
            return
        }
        for part in [left, right] {
            resegment(part.span, pieces[part] ?? unknown, depth: depth + 1, unusedSplits, into: &parts)
        }
    }

    private static func copy(_ text: Span<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.append(text.extracting(range))
        return bytes
    }
}

extension MutableSpan where Element == SentencePieceTokenizer.Cut {
    /// Keeps a cut ending at `end` when it is the first there or scores higher.
    @inline(__always)
    fileprivate mutating func offer(_ end: Int, _ score: Float, from start: Int, _ id: Int32) {
        if self[end].start == -1 || score > self[end].score { self[end] = .init(score: score, start: Int32(start), id: id) }
    }
}
