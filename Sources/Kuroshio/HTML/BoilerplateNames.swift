/// Class and id words that name a page's parts. Content management systems name their templates this way, so
/// the words are a strong hint of what is navigation, comments or ads and what is the article.
enum BoilerplateNames {
    /// Words that mark an element as not content, whatever else its names say.
    static let strong: Set<String> = [
        "nav", "navbar", "navigation", "menu", "footer", "sidebar", "breadcrumb", "breadcrumbs", "share", "sharing",
        "social", "related", "recommended", "recommendations", "comment", "comments", "cookie", "cookies", "newsletter",
        "subscribe", "subscription", "signup", "advert", "advertisement", "ad", "ads", "promo", "sponsor", "sponsored",
        "outbrain", "taboola", "popup", "modal", "trending", "popular", "widget", "pagination", "pager", "disqus",
        "respond", "tagcloud", "toc", "navbox", "catlinks",
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
        "taboola", "tagcloud",
    ]

    private static let strongKeys = NameTable(strong.map { ($0, ()) })
    private static let weakKeys = NameTable(weak.map { ($0, ()) })
    private static let contentKeys = NameTable(content.map { ($0, ()) })
    private static let neverWrappingKeys = NameTable(neverWrapping.map { ($0, ()) })

    /// What the words of class and id values (C strings from libxml2) say of an element: `article-body__text`
    /// gives article, body, text. Long compound names (`navigation-border-thin-decoration`) describe styling more
    /// than parts, and are left out.
    static func judge(_ first: UnsafePointer<UInt8>?, _ second: UnsafePointer<UInt8>?)
        -> (boilerplate: Bool, content: Bool, neverWrapper: Bool) {
        var found = (strong: false, weak: false, content: false, neverWrapper: false)
        for value in [first, second] {
            guard let value else { continue }
            var i = 0
            while value[i] != 0 {
                while value[i].isASCIIWhitespace { i += 1 }
                // One whitespace-separated name, of at most three words.
                var words = (NameKey?.none, NameKey?.none, NameKey?.none)
                var count = 0
                while value[i] != 0 && !value[i].isASCIIWhitespace {
                    while value[i] != 0 && !isWordByte(value[i]) && !value[i].isASCIIWhitespace { i += 1 }
                    let start = i
                    while isWordByte(value[i]) { i += 1 }
                    guard i > start else { continue }
                    let key = NameKey(value, from: start, to: i)
                    switch count {
                    case 0: words.0 = key
                    case 1: words.1 = key
                    case 2: words.2 = key
                    default: break
                    }
                    count += 1
                }
                guard count <= 3 else { continue }
                for case let word? in [words.0, words.1, words.2] {
                    if strongKeys.contains(word) { found.strong = true }
                    if weakKeys.contains(word) { found.weak = true }
                    if contentKeys.contains(word) { found.content = true }
                    if neverWrappingKeys.contains(word) { found.neverWrapper = true }
                }
            }
        }
        return (found.strong || (found.weak && !found.content), found.content, found.neverWrapper)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte >= 0x80
    }

}
