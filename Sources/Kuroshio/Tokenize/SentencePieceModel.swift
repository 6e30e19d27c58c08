/// The parts of a SentencePiece `.model` file (a `ModelProto`) that encoding needs: the pieces with their scores and
/// types, the model type, byte fallback, and the normaliser spec with its precompiled character map.
struct SentencePieceModel {
    enum Kind: Int { case unigram = 1, bpe, word, character }

    enum PieceType: Int { case normal = 1, unknown, control, userDefined, unused, byte }

    struct Piece {
        var text: [UInt8] = []
        var score: Float = 0
        var type = PieceType.normal
    }

    var pieces: [Piece] = []
    var kind = Kind.unigram
    var byteFallback = false
    var treatWhitespaceAsSuffix = false
    var endOfSentence = Array("</s>".utf8)
    /// A Darts double-array trie of normalisation rules, then the strings they map to.
    var charsmap: [UInt8] = []
    var addDummyPrefix = true
    var removeExtraWhitespaces = true
    var escapeWhitespaces = true

    init(_ bytes: [UInt8]) throws(Unsupported) {
        do {
            var model = ProtobufReader(bytes[...])
            while let (number, value) = try model.next() {
                switch (number, value) {
                case (1, .bytes(let data)): pieces.append(try Self.piece(data))
                case (2, .bytes(let data)): try readTrainerSpec(data)
                case (3, .bytes(let data)): try readNormalizerSpec(data)
                default: break
                }
            }
        } catch let error as Unsupported {
            throw error
        } catch {
            throw Unsupported("not a SentencePiece model (its protocol buffer is malformed)")
        }
    }

    private static func piece(_ data: ArraySlice<UInt8>) throws -> Piece {
        var piece = Piece(), fields = ProtobufReader(data)
        while let (number, value) = try fields.next() {
            switch number {
            case 1: piece.text = Array(value.data ?? [])
            case 2: piece.score = value.float ?? 0
            case 3:
                guard let type = value.int.flatMap({ PieceType(rawValue: $0) }) else { throw Unsupported("a piece of unknown type") }
                piece.type = type
            default: break
            }
        }
        return piece
    }

    private mutating func readTrainerSpec(_ data: ArraySlice<UInt8>) throws {
        var fields = ProtobufReader(data)
        while let (number, value) = try fields.next() {
            switch number {
            case 3:
                guard let kind = value.int.flatMap({ Kind(rawValue: $0) }) else { throw Unsupported("a model of unknown type") }
                self.kind = kind
            case 24: treatWhitespaceAsSuffix = value.bool ?? false
            case 35: byteFallback = value.bool ?? false
            case 47: endOfSentence = Array(value.data ?? [])
            default: break
            }
        }
    }

    private mutating func readNormalizerSpec(_ data: ArraySlice<UInt8>) throws {
        var fields = ProtobufReader(data)
        while let (number, value) = try fields.next() {
            switch number {
            case 2: charsmap = Array(value.data ?? [])
            case 3: addDummyPrefix = value.bool ?? true
            case 4: removeExtraWhitespaces = value.bool ?? true
            case 5: escapeWhitespaces = value.bool ?? true
            default: break
            }
        }
    }
}
