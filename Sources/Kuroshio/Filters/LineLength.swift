/// Line lengths in characters, as The Stack filters source files: minified bundles and data blobs have lines of
/// thousands of characters, and a long mean marks generated or packed code.
struct LineLength: DocumentFilter {
    static let maxSpec = FilterSpec("max_line_length", "Characters in the longest line (The Stack: at most 1,000).",
                                    max: 1000) { _ in LineLength(mean: false) }
    static let meanSpec = FilterSpec("mean_line_length", "Mean characters per line (The Stack: at most 100).",
                                     max: 100) { _ in LineLength(mean: true) }

    let mean: Bool

    func measure(_ document: Document) -> Double {
        var longest = 0, current = 0, total = 0, lines = 1
        for scalar in document.text.unicodeScalars {
            if scalar == "\n" {
                longest = max(longest, current)
                current = 0
                lines += 1
            } else {
                current += 1
                total += 1
            }
        }
        longest = max(longest, current)
        return mean ? Double(total) / Double(lines) : Double(longest)
    }
}
