/// Boilerplate told by what the text says, where markup gives no sign: the page's title line printed twice, a
/// breadcrumb trail written as text (`ホーム > ニュース > 社会`), a reader-comment section under its heading, and a
/// shop's or company's footer block of address, phone and copyright lines at the end of the page.
enum BoilerplateText {
    /// Marks such paragraphs among those still kept. A line repeating the page `title` (or the start of it, before a
    /// ` | site name`), or a heading repeating an earlier one, stays only where it first appears; other repeated
    /// lines, such as table cells, are content.
    static func mark(_ paragraphs: inout [Paragraph], title: String) {
        let titleLine = title.trimmingSpaces()
        // The title's start before each separator it holds (a separator it lacks leaves the whole line).
        let titles = [titleLine] + separators.compactMap { separator in
            guard titleLine.unicodeScalars.contains(separator.unicodeScalars.first!) else { return nil }
            return titleLine.split(separator: separator).first.map { $0.trimmingSpaces() }
        }.filter { $0.count >= 4 }
        var seen = Set<String>()
        for i in paragraphs.indices where paragraphs[i].boilerplate == nil {
            let key = paragraphs[i].text
            let titleLike = paragraphs[i].kind == .heading || (!titleLine.isEmpty && key.utf8.count <= titleLine.utf8.count
                && titles.contains(key))
            if titleLike && !seen.insert(key).inserted {
                paragraphs[i].boilerplate = .repeated
            } else if isBreadcrumb(key) || isCookieNotice(key) {
                paragraphs[i].boilerplate = .navigation
            }
        }
        markCommentSections(&paragraphs)
        markFooterBlock(&paragraphs)
        markOrphanHeadings(&paragraphs)
    }

    /// Headings that open a reader-comment section, whatever the markup: コメント, コメント（3）, 3 Comments,
    /// Leave a Reply, 回覆, 留言, 评论.
    static func isCommentHeading(_ text: String) -> Bool {
        guard text.utf8.count <= 90 else { return false }
        let lowered = text.lowercased().trimmingSpaces()
        guard lowered.count <= 30 else { return false }
        let words = lowered.filter { !$0.isNumber && !"()（）[]【】:：-".contains($0) }.trimmingSpaces()
        return ["コメント", "コメント一覧", "コメントする", "コメントを書く", "コメントを残す", "comments", "comment", "leave a reply",
                "leave a comment", "reader comments", "responses", "回覆", "回复", "留言", "评论", "評論", "댓글"].contains(words)
    }

    /// A comment section opened by such a heading after the content: the heading and all under it, up to the next
    /// heading of the same or a higher level.
    static func markCommentSections(_ paragraphs: inout [Paragraph]) {
        var sawContent = false
        var i = 0
        while i < paragraphs.count {
            defer { i += 1 }
            guard paragraphs[i].boilerplate == nil else { continue }
            guard paragraphs[i].kind == .heading, sawContent, isCommentHeading(paragraphs[i].text) else {
                if paragraphs[i].kind != .heading { sawContent = true }
                continue
            }
            let level = paragraphs[i].level
            paragraphs[i].boilerplate = .navigation
            while i + 1 < paragraphs.count, !(paragraphs[i + 1].kind == .heading && paragraphs[i + 1].level <= level) {
                i += 1
                if paragraphs[i].boilerplate == nil { paragraphs[i].boilerplate = .navigation }
            }
        }
    }

    /// Headings left with nothing under them once their section's boilerplate is gone ("Related posts" over a
    /// dropped link list, "References" at the end): no kept paragraph follows before the next heading of the same
    /// or a higher level.
    static func markOrphanHeadings(_ paragraphs: inout [Paragraph]) {
        for i in paragraphs.indices.reversed() where paragraphs[i].kind == .heading && paragraphs[i].boilerplate == nil {
            var hasContent = false
            var j = i + 1
            while j < paragraphs.count {
                let next = paragraphs[j]
                if next.kind == .heading && next.level <= paragraphs[i].level { break }
                if next.boilerplate == nil && next.kind != .heading {
                    hasContent = true
                    break
                }
                if next.boilerplate == nil && next.kind == .heading { hasContent = true; break }
                j += 1
            }
            if !hasContent { paragraphs[i].boilerplate = .navigation }
        }
    }

    /// A short notice that the site uses cookies, asking to accept them.
    static func isCookieNotice(_ text: String) -> Bool {
        guard text.utf8.count <= 900, TextSearch.contains(text, "ookie") || TextSearch.contains(text, "OOKIE")
                || TextSearch.contains(text, "クッキー") else { return false }
        let lowered = TextSearch.loweredBytes(text)
        guard TextSearch.contains(lowered, "cookie") || TextSearch.contains(lowered, "クッキー") else { return false }
        return ["accept", "consent", "agree", "同意", "許可", "受け入れ"].contains { TextSearch.contains(lowered, $0) }
    }

    /// Separators of breadcrumbs (the first eight) and of site names in titles.
    static let separators: [Character] = [">", "›", "»", "＞", "≫", "/", "|", "｜", "-", "–", "—", ":"]

    /// A short line of short parts split by one separator used at least twice, with no sentence in it; the last part,
    /// the page's own title, may be longer.
    static func isBreadcrumb(_ text: String) -> Bool {
        guard text.utf8.count <= 450, !text.utf8.contains(0x0A) else { return false }
        // How often each breadcrumb separator occurs: one that is not there twice cannot split the line in three.
        var uses = [Int](repeating: 0, count: 8)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3002: return false
            case 0x3E: uses[0] += 1
            case 0x203A: uses[1] += 1
            case 0xBB: uses[2] += 1
            case 0xFF1E: uses[3] += 1
            case 0x226B: uses[4] += 1
            case 0x2F: uses[5] += 1
            case 0x7C: uses[6] += 1
            case 0xFF5C: uses[7] += 1
            default: break
            }
        }
        guard uses.contains(where: { $0 >= 2 }), text.count <= 150 else { return false }
        for (separator, count) in zip(separators.prefix(8), uses) where count >= 2 {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count >= 3 else { continue }
            let short = parts.dropLast().allSatisfy { $0.count <= 40 } && parts.last!.count <= 100
            if short && parts.allSatisfy({ !$0.unicodeScalars.allSatisfy(\.isSpaceOrTab) }) { return true }
        }
        return false
    }

    static let footerMarks = ["©", "(c)", "copyright", "all rights reserved", "〒", "tel", "fax", "電話番号", "営業時間", "定休日",
                              "特定商取引", "運営会社", "住所"]

    /// Whether a short line reads as part of a site footer: copyright, postal address, phone or opening hours.
    static func isFooterLine(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 120 else { return false }
        let lowered = TextSearch.loweredBytes(text)
        return footerMarks.contains { mark in
            guard let start = TextSearch.firstIndex(lowered, mark) else { return false }
            // "tel" and "fax" as words, not inside "hotel" or "Telegram".
            guard mark == "tel" || mark == "fax" else { return true }
            let isLetter = { (byte: UInt8) in byte &- 0x61 < 26 }
            let end = start + mark.utf8.count
            return (start == 0 || !isLetter(lowered[start - 1])) && (end == lowered.count || !isLetter(lowered[end]))
        }
    }

    /// The footer block: from the last kept paragraph up, footer lines, the short lines between them, and one name
    /// line (a company's, under 30 characters and no sentence) just above them. It is all a page holds when every
    /// line of it is a footer line.
    static func markFooterBlock(_ paragraphs: inout [Paragraph]) {
        let kept = paragraphs.indices.filter { paragraphs[$0].boilerplate == nil }
        guard !kept.isEmpty else { return }
        var block: [Int] = []
        var topFooterLine: Int?
        var gap = 0
        for index in kept.reversed() {
            let text = paragraphs[index].text
            if isFooterLine(text) {
                block.append(index)
                topFooterLine = block.count
                gap = 0
            } else if text.unicodeScalars.count <= 40 && gap < 2 && (topFooterLine != nil || block.isEmpty) {
                block.append(index)
                gap += 1
            } else {
                break
            }
        }
        // A page that is nothing but footer lines (a copyright line) has no content left.
        guard var top = topFooterLine, top < kept.count || top == block.count else { return }
        if top < block.count {
            let name = paragraphs[block[top]].text
            if name.unicodeScalars.count <= 30, !name.unicodeScalars.contains("。"), !name.hasSuffix(".") { top += 1 }
        }
        for index in block.prefix(top) { paragraphs[index].boilerplate = .footer }
    }
}
