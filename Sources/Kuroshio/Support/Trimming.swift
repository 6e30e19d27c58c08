extension Unicode.Scalar {
    /// A space or a tab: the scalars of Foundation's `CharacterSet.whitespaces` (general category Zs, U+0009, and
    /// the zero-width space U+200B, as Foundation counts it).
    var isSpaceOrTab: Bool {
        value < 0x80 ? value == 0x20 || value == 0x09 : value == 0x200B || properties.generalCategory == .spaceSeparator
    }
}

extension Substring {
    /// The text without the scalars at either end that `unwanted` picks, trimmed by scalar (as Foundation trims),
    /// with no allocation but the result's.
    func trimming(_ unwanted: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !unwanted($0) }),
              let last = scalars.lastIndex(where: { !unwanted($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// The text without spaces and tabs at either end, as Foundation's `trimmingCharacters(in: .whitespaces)`
    /// trims it, without bridging to `NSString`.
    func trimmingSpaces() -> String { trimming(\.isSpaceOrTab) }

    /// The text without the characters of `set` at either end.
    func trimmingCharacters(in set: String) -> String { trimming { set.unicodeScalars.contains($0) } }
}

extension String {
    /// The text without spaces and tabs at either end (see `Substring.trimmingSpaces`).
    func trimmingSpaces() -> String { self[...].trimmingSpaces() }

    /// The text without the characters of `set` at either end.
    func trimmingCharacters(in set: String) -> String { self[...].trimmingCharacters(in: set) }
}
