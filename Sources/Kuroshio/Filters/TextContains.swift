/// Whether the text holds a telltale string (C4's rules): 1 when it does, 0 when it does not. With the default
/// maximum of 0, such documents are dropped.
struct TextContains: DocumentFilter {
    static let loremIpsumSpec = FilterSpec("lorem_ipsum", "1 when the text holds \"lorem ipsum\" (any case).", max: 0) { _ in
        TextContains(needles: ["lorem ipsum"], ignoringCase: true)
    }
    static let curlyBracesSpec = FilterSpec("curly_braces", "1 when the text holds { or } (code, templates).", max: 0) { _ in
        TextContains(needles: ["{", "}"], ignoringCase: false)
    }
    static let javascriptSpec = FilterSpec("javascript_notice", "1 when the text asks to enable JavaScript.", max: 0) { _ in
        TextContains(needles: ["enable javascript", "javascript is disabled", "javascriptを有効", "javascriptが無効"],
                     ignoringCase: true)
    }

    /// Pages no one wrote to be read: placeholder text, server default pages, parked domains and the notes project
    /// wizards generate. Common Crawl holds thousands of copies of each, and dedup keeps one of every kind.
    static let placeholderSpec = FilterSpec("placeholder_text", "1 when the text is a placeholder, a server's default page, a "
                                            + "parked domain or a generated project note.", max: 0) { _ in
        TextContains(needles: placeholders, ignoringCase: true, collapsingWhitespace: true)
    }

    static let placeholders = [
        "lorem ipsum", "for use in illustrative examples in documents", "to be used for illustrative examples in documents",
        "welcome to nginx!", "the nginx web server is successfully installed", "apache2 ubuntu default page",
        "apache2 debian default page", "this is the default web page for this server", "test page for the apache http server",
        "if you can read this, the new server is working", "default welcome page", "the web server was installed correctly",
        "this page is used to test the proper operation of", "domain default page", "default web site page",
        "future home of something quite cool", "/etc/httpd/conf.d/welcome.conf",
        "it means that the web server installed at this site is working properly",
        "the website you just visited is either experiencing problems", "wizard has created this", "wizard has generated this",
        "this file contains a summary of what you will find in each of the files that make up your",
        "this domain is for sale", "this domain may be for sale", "this domain name is parked", "buy this domain",
        "このドメインは売却", "このドメインはお名前.comで取得", "ドメインパーキング",
    ]

    let needles: [String]
    let ignoringCase: Bool
    /// Whether runs of whitespace are read as one space, so that a phrase matches across a hard wrap.
    var collapsingWhitespace = false

    func measure(_ document: Document) -> Double {
        var text = ignoringCase ? document.text.lowercased() : document.text
        if collapsingWhitespace { text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return needles.contains { text.contains($0) } ? 1 : 0
    }
}
