/// A count in a document's meta read back from a file (`n_chars`, `n_tokens`), trusted only when it is a whole
/// number from 0 to what the document's bytes could hold: a character is at least one byte, and a token covers at
/// least one byte of text once normalised, which NFKC may lengthen many times over. Anything else is a `bad-value`.
enum MetaCount {
    /// The largest `name` a document of `bytes` bytes can have.
    static func limit(_ name: String, bytes: Int) -> Int {
        name == "n_tokens" ? 16 * max(0, bytes) + 16 : max(0, bytes)
    }

    /// The count under `name` in `meta`: nil when there is none, or why it cannot be trusted.
    static func read(_ meta: [(String, JSON)], _ name: String, bytes: Int) -> Result<Int?, MetaCountError> {
        check(meta.first(where: { $0.0 == name })?.1, name, bytes: bytes)
    }

    /// `value`, the count under `name`: nil when there is none, or why it cannot be trusted.
    static func check(_ value: JSON?, _ name: String, bytes: Int) -> Result<Int?, MetaCountError> {
        switch value {
        case nil, .null?: .success(nil)
        case .int(let count)? where count >= 0 && count <= limit(name, bytes: bytes): .success(count)
        case let value?:
            .failure(MetaCountError(detail: "meta.\(name) is \(value.serialized.prefix(40)), not a count that a document of "
                + "\(bytes) bytes could have"))
        }
    }
}

struct MetaCountError: Error {
    var detail: String
}
