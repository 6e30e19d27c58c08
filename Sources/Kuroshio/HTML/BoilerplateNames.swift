/// Class and id words that name a page's parts. Content management systems name their templates this way, so
/// the words are a strong hint of what is navigation, comments or ads and what is the article.
enum BoilerplateNames {
    /// Words that mark an element as not content, whatever else its names say.
    static let strong: Set<String> = [
        "nav", "navbar", "navigation", "menu", "footer", "sidebar", "breadcrumb", "breadcrumbs", "share", "sharing",
        "social", "related", "recommended", "recommendations", "comment", "comments", "cookie", "cookies", "newsletter",
        "subscribe", "subscription", "signup", "advert", "advertisement", "ad", "ads", "promo", "sponsor", "sponsored",
        "outbrain", "taboola", "popup", "modal", "trending", "popular", "widget", "pagination", "pager", "disqus",
    ]
    /// Words that mark an element as not content unless its names also say it is content.
    static let weak: Set<String> = [
        "header", "masthead", "byline", "meta", "caption", "credit", "credits", "tags", "banner", "toolbar", "print",
        "login", "search", "teaser", "more", "skip", "hidden", "copyright", "disclaimer", "bio", "author", "date",
        "timestamp", "headline", "title", "tools", "utility", "newsletter",
    ]
    static let content: Set<String> = ["article", "content", "post", "entry", "story", "body", "main", "text", "blog"]

    /// Whether the class and id words (lowercased) name a non-content part.
    static func isBoilerplate(_ names: String) -> Bool {
        let words = split(names)
        if !words.isDisjoint(with: strong) { return true }
        return !words.isDisjoint(with: weak) && words.isDisjoint(with: content)
    }

    static func isContent(_ names: String) -> Bool { !split(names).isDisjoint(with: content) }

    /// Words of class and id names: `article-body__text` gives article, body, text. Long compound names
    /// (`navigation-border-thin-decoration`) describe styling more than parts, and are left out.
    private static func split(_ names: String) -> Set<String> {
        var words: Set<String> = []
        for name in names.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let parts = name.split { !($0.isLetter || $0.isNumber) }
            if parts.count <= 3 { words.formUnion(parts.map(String.init)) }
        }
        return words
    }
}
