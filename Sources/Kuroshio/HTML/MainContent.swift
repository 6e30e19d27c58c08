/// Finds the block that holds a page's main text: the smallest element that still holds most of the page's prose.
///
/// Every paragraph of real prose (`Prose`: heavy enough, few links or linked sentences) weighs its prose. Weights
/// add up the tree; a frame (`nav`, `header`, `footer`, `aside`) or an element whose class or id names boilerplate
/// (comments, related links, share buttons) passes on only a fifth of its weight, unless it holds half of the page's
/// prose or more: then it is a layout wrapper (`has-sidebar`, `header-style-2`, an article in `<header>`, a page
/// inside an unclosed `<nav>`) and says nothing, except footers, asides, comments and the like, which never wrap
/// content. A block named only weakly (`header-section`, `hero-banner`) that holds the page's `<h1>` and prose is its
/// lead, not its header, and weak names inside it name its parts. From the root (or the page's `<main>`), the walk goes down into the heaviest child as long as that child keeps
/// `coverage` of the page's weight, and stops above a list, whose heading and introduction belong with it.
/// Paragraphs outside the block found are marked `outsideMain`, and those inside it under a boilerplate element
/// `navigation`.
enum MainContent {
    /// The share of the page's prose the main block must keep.
    static let coverage = 0.75
    /// The share of the page's prose a `<main>` must hold to be where the walk starts.
    static let mainShare = 0.2

    static func mark(_ paragraphs: inout [Paragraph], owners: [Int], elements: [ElementRecord]) {
        guard !elements.isEmpty else { return }
        var weight = [Double](repeating: 0, count: elements.count)
        for (paragraph, owner) in zip(paragraphs, owners) where paragraph.boilerplate == nil {
            if let prose = Prose.proseWeight(paragraph) { weight[owner] += prose }
        }
        // Children come after their parents in document order, so a backward pass sums every subtree.
        var raw = weight
        for index in elements.indices.reversed() where elements[index].parent >= 0 {
            raw[elements[index].parent] += raw[index]
        }
        // Level-1 headings in each subtree: a weakly named block with one and with prose is the page's lead.
        var leads = [Int](repeating: 0, count: elements.count)
        for (paragraph, owner) in zip(paragraphs, owners) where paragraph.boilerplate == nil && paragraph.kind == .heading
            && paragraph.level == 1 { leads[owner] += 1 }
        for index in elements.indices.reversed() where elements[index].parent >= 0 { leads[elements[index].parent] += leads[index] }
        // Weak names inside a lead (`header-subheading`, `header-content-wrap`) name its parts.
        var inLead = [Bool](repeating: false, count: elements.count)
        for index in elements.indices {
            let parent = elements[index].parent
            let isLead = elements[index].namedWeakly && leads[index] > 0 && raw[index] > 0
            inLead[index] = isLead || (parent >= 0 && inLead[parent])
        }
        let named = elements.indices.map {
            elements[$0].looksLikeBoilerplate && (elements[$0].neverWrapper || raw[$0] < raw[0] * 0.5)
                && !(elements[$0].namedWeakly && inLead[$0])
        }
        var heaviestChild = [Int](repeating: -1, count: elements.count)
        for index in elements.indices.reversed() {
            let parent = elements[index].parent
            guard parent >= 0 else { continue }
            let passed = named[index] ? weight[index] * 0.2 : weight[index]
            weight[parent] += passed
            if heaviestChild[parent] < 0 || passed > weight[heaviestChild[parent]] { heaviestChild[parent] = index }
        }
        guard weight[0] > 0 else { return }
        // The walk starts at the page's one `<main>` when it holds a fifth of the prose or more: what lies outside
        // it (teasers of other stories, a site's rails) is not the page's content, however much prose it holds.
        let mains = elements.indices.filter { elements[$0].isMain && raw[$0] >= raw[0] * mainShare }
        let root = mains.count == 1 ? mains[0] : 0
        var best = root
        while heaviestChild[best] >= 0, !named[heaviestChild[best]], !elements[heaviestChild[best]].isList,
              weight[heaviestChild[best]] >= weight[root] * coverage {
            best = heaviestChild[best]
        }
        for i in paragraphs.indices where paragraphs[i].boilerplate == nil {
            let owner = owners[i]
            guard owner >= best && owner < elements[best].end else {
                paragraphs[i].boilerplate = .outsideMain
                continue
            }
            var element = owner
            while element != best && element >= 0 {
                if named[element] {
                    paragraphs[i].boilerplate = .navigation
                    break
                }
                element = elements[element].parent
            }
        }
    }
}
