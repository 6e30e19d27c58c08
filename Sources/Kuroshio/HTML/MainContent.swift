/// Finds the block that holds a page's main text, in the manner of readability: every paragraph of real prose
/// (long enough, few links) scores its parent, grandparent and great-grandparent; class and id names that say
/// content or boilerplate raise or lower an element's score. Paragraphs outside the best-scoring block, and
/// outside siblings that score nearly as well, are marked as boilerplate; so are those inside it under an element
/// named as boilerplate (share buttons, related links, captions). Names above the block are not trusted: wrappers
/// often carry layout names such as `has-sidebar`.
enum MainContent {
    /// Paragraphs shorter than this (in characters) do not vote.
    static let minimumVoteCharacters = 25

    static func mark(_ paragraphs: inout [Paragraph], owners: [Int], elements: [ElementRecord]) {
        guard !elements.isEmpty else { return }
        var scores = [Double](repeating: 0, count: elements.count)
        for (paragraph, owner) in zip(paragraphs, owners) where paragraph.boilerplate == nil {
            let length = paragraph.characters - paragraph.linkCharacters
            guard length >= minimumVoteCharacters, paragraph.linkRatio < 0.5 else { continue }
            let vote = Double(length) * (1 - paragraph.linkRatio)
            var element = elements[owner].parent
            var weight = 1.0
            for _ in 0..<3 where element >= 0 {
                scores[element] += vote * weight
                weight /= 2
                element = elements[element].parent
            }
        }
        for index in elements.indices where scores[index] > 0 {
            if elements[index].looksLikeBoilerplate { scores[index] *= 0.2 }
            else if elements[index].looksLikeContent { scores[index] *= 1.25 }
        }
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] > 0 else { return }
        // Siblings of the best block that score well take part too (articles split across sibling blocks).
        var kept = [best]
        let parent = elements[best].parent
        if parent >= 0 {
            for index in elements.indices where index != best && elements[index].parent == parent
                && scores[index] >= scores[best] * 0.2 {
                kept.append(index)
            }
        }
        for i in paragraphs.indices where paragraphs[i].boilerplate == nil {
            let owner = owners[i]
            guard let container = kept.first(where: { owner >= $0 && owner < elements[$0].end }) else {
                paragraphs[i].boilerplate = .outsideMain
                continue
            }
            var element = owner
            while element != container && element >= 0 {
                if elements[element].looksLikeBoilerplate {
                    paragraphs[i].boilerplate = .navigation
                    break
                }
                element = elements[element].parent
            }
        }
    }
}
