import CMeCab

/// MeCab, splitting Japanese text into words as `mecab -Owakati` does, for classifiers trained on segmented text.
/// One per process: the model and its tagger are shared by every thread, and each call parses on a lattice of its
/// own, as MeCab allows.
public final class MeCabSegmenter: @unchecked Sendable {
    private let model: kuroshio_mecab_model
    private let tagger: kuroshio_mecab_tagger

    /// A segmenter with the system dictionary (`/etc/mecabrc`), or the dictionary in `dictionary`.
    public init(dictionary: String? = nil) throws(SegmenterError) {
        let arguments = "-Owakati" + (dictionary.map { " -d \($0)" } ?? "")
        guard let model = mecab_model_new2(arguments) else {
            throw SegmenterError(message: "MeCab cannot start (\(arguments)): " + String(cString: mecab_strerror(nil)))
        }
        guard let tagger = mecab_model_new_tagger(model) else {
            mecab_model_destroy(model)
            throw SegmenterError(message: "MeCab cannot make a tagger: " + String(cString: mecab_strerror(nil)))
        }
        self.model = model
        self.tagger = tagger
    }

    deinit {
        mecab_destroy(tagger)
        mecab_model_destroy(model)
    }

    /// The words of `text`, line by line, separated by single spaces (lines too). NULs, which end a C string, are
    /// read as spaces.
    public func segment(_ text: String) -> String {
        guard let lattice = mecab_model_new_lattice(model) else { return text }
        defer { mecab_lattice_destroy(lattice) }
        var words: [Substring] = []
        for line in text.split(whereSeparator: { $0.isNewline || $0 == "\0" }) {
            guard let parsed = kuroshio_mecab_wakati(tagger, lattice, String(line)) else {
                words += line.split(separator: " ")
                continue
            }
            words += String(cString: parsed).split(whereSeparator: \.isWhitespace)
        }
        return words.joined(separator: " ")
    }
}

/// MeCab could not start: its dictionary is missing or unreadable.
public struct SegmenterError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
