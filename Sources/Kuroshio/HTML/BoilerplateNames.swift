/// Class and id words that name a page's parts. Content management systems name their templates this way, so
/// the words are a strong hint of what is navigation, comments or ads and what is the article.
enum BoilerplateNames {
    /// Words that mark an element as not content, whatever else its names say.
    static let strong: Set<String> = [
        "nav", "navbar", "navigation", "menu", "footer", "sidebar", "breadcrumb", "breadcrumbs", "share", "sharing",
        "social", "related", "recommended", "recommendations", "comment", "comments", "cookie", "cookies", "newsletter",
        "subscribe", "subscription", "signup", "advert", "advertisement", "ad", "ads", "promo", "sponsor", "sponsored",
        "outbrain", "taboola", "popup", "modal", "trending", "popular", "widget", "pagination", "pager", "disqus",
        "respond", "tagcloud", "toc", "navbox", "catlinks", "signature",
    ]
    /// Words that mark an element as not content unless its names also say it is content.
    static let weak: Set<String> = [
        "header", "masthead", "byline", "meta", "caption", "credit", "credits", "tags", "banner", "toolbar", "print",
        "login", "search", "teaser", "more", "skip", "hidden", "copyright", "disclaimer", "bio", "author", "date",
        "timestamp", "headline", "title", "tools", "utility", "newsletter",
    ]
    static let content: Set<String> = ["article", "content", "post", "entry", "story", "body", "main", "text", "blog"]
    /// Strong words whose parts never wrap a page's content, however much prose they hold (a long comment thread).
    static let neverWrapping: Set<String> = [
        "footer", "comment", "comments", "respond", "disqus", "related", "recommended",
        "recommendations", "share", "sharing", "social", "cookie", "cookies", "breadcrumb", "breadcrumbs", "outbrain",
        "taboola", "tagcloud", "signature",
    ]

    /// The lists a word is on.
    private struct Lists: OptionSet, Sendable {
        let rawValue: UInt8
        static let strong = Lists(rawValue: 1), weak = Lists(rawValue: 2), content = Lists(rawValue: 4)
        static let neverWrapping = Lists(rawValue: 8)
    }

    /// Every word with the lists it is on, for one lookup per word.
    private static let lists: NameTable<Lists> = {
        var all: [String: Lists] = [:]
        for (words, list) in [(strong, Lists.strong), (weak, .weak), (content, .content), (neverWrapping, .neverWrapping)] {
            for word in words { all[word, default: []].insert(list) }
        }
        return NameTable(all.map { ($0.key, $0.value) })
    }()

    /// What the words of class and id values say of an element: `article-body__text`
    /// gives article, body, text. Long compound names (`navigation-border-thin-decoration`) describe styling more
    /// than parts, and are left out.
    static func judge(_ first: ByteView?, _ second: ByteView?)
        -> (boilerplate: Bool, content: Bool, neverWrapper: Bool, strong: Bool) {
        var found: Lists = []
        func mark(_ word: NameKey?) {
            if let word, let on = lists[word] { found.formUnion(on) }
        }
        func scan(_ value: ByteView) {
            var i = 0
            while value[orNUL: i] != 0 {
                while value[orNUL: i].isASCIIWhitespace { i += 1 }
                // One whitespace-separated name, of at most three words.
                var words = (NameKey?.none, NameKey?.none, NameKey?.none)
                var count = 0
                var modifier = false
                while value[orNUL: i] != 0 && !value[orNUL: i].isASCIIWhitespace {
                    while value[orNUL: i] != 0 && !isWordByte(value[orNUL: i]) && !value[orNUL: i].isASCIIWhitespace {
                        // A BEM modifier (`Section--Ads`) says what a block holds or how it looks, not what it is.
                        if value[orNUL: i] == 0x2D && value[orNUL: i + 1] == 0x2D { modifier = true }
                        i += 1
                    }
                    let start = i
                    while isWordByte(value[orNUL: i]) { i += 1 }
                    guard i > start else { continue }
                    let key = modifier ? nil : NameKey(value, from: start, to: i)
                    switch count {
                    case 0: words.0 = key
                    case 1: words.1 = key
                    case 2: words.2 = key
                    default: break
                    }
                    count += 1
                }
                guard count <= 3 else { continue }
                mark(words.0)
                mark(words.1)
                mark(words.2)
            }
        }
        if let first { scan(first) }
        let byClass = found
        if let second { scan(second) }
        // A class that says content outweighs an id's strong word: such an id is an anchor for a table of contents or
        // a share link (`<div class="content_body" id="TOC_TITLE_1">`), not the part itself.
        let strong = found.contains(.strong) && !(byClass.contains(.content) && !byClass.contains(.strong))
        let boilerplate = strong || (found.contains(.weak) && !found.contains(.content))
        return (boilerplate, found.contains(.content), found.contains(.neverWrapping), strong)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte >= 0x80
    }

}
