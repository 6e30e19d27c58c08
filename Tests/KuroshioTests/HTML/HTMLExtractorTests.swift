import Testing
@testable import Kuroshio

@Suite struct HTMLExtractorTests {
    private func page(_ html: String, maxLinkRatio: Double = 0.5, mainContentOnly: Bool = false) -> ExtractedPage {
        HTMLExtractor(maxLinkRatio: maxLinkRatio, mainContentOnly: mainContentOnly).extract(Array(html.utf8))
    }

    private func texts(_ html: String) -> [String] { page(html).paragraphs.map(\.text) }

    /// Deep nesting costs memory and time linear in the depth: the element path keeps the nearest 32 ancestors.
    @Test func deeplyNestedTextIsKeptWithACappedPath() {
        let html = "<html><body>" + String(repeating: "<blockquote>", count: 30_000) + "deep text"
            + String(repeating: "</blockquote>", count: 30_000) + "<p>after</p></body></html>"
        let paragraphs = page(html).paragraphs
        #expect(paragraphs.map(\.text) == ["deep text", "after"])
        #expect(paragraphs[0].path == "…>" + Array(repeating: "blockquote", count: 32).joined(separator: ">"))
        #expect(paragraphs[1].path == "html>body>p")
        #expect(page(html).limitsHit == [.depthLimit])
    }

    /// Elements nested past `pageDepth` fold into their ancestor, which gets their text; the bounds on elements and
    /// paragraphs stop the page where they are reached, keeping what came before; a passed deadline stops it too.
    @Test func pageBoundsKeepWhatCameBefore() {
        var limits = InputLimits()
        limits.pageDepth = 4
        let nested = HTMLExtractor(mainContentOnly: false).extract(Array(("<html><body><div><section><p>deep <b>bold</b> text</p>"
            + "</section></div><p>after</p></body></html>").utf8), limits: limits)
        #expect(nested.paragraphs.map(\.text) == ["deep bold text", "after"])
        #expect(nested.paragraphs[0].path == "html>body>div>section")
        #expect(nested.limitsHit == [.depthLimit])

        let html = Array(("<html><body>" + (1...40).map { "<p>段落\($0)</p>" }.joined() + "</body></html>").utf8)
        limits = InputLimits()
        limits.pageElements = 12
        let few = HTMLExtractor(mainContentOnly: false).extract(html, limits: limits)
        #expect(few.paragraphs.map(\.text) == (1...10).map { "段落\($0)" })
        #expect(few.limitsHit == [.elementLimit])
        limits = InputLimits()
        limits.pageParagraphs = 3
        let three = HTMLExtractor(mainContentOnly: false).extract(html, limits: limits)
        #expect(three.paragraphs.map(\.text) == ["段落1", "段落2", "段落3"])
        #expect(three.limitsHit == [.paragraphLimit])
        let late = HTMLExtractor(mainContentOnly: false).extract(Array(String(repeating: "<p>x</p>", count: 2000).utf8),
                                                                 watch: DocumentWatch(deadline: 0))
        #expect(late.limitsHit == [.timeLimit])
        #expect(late.paragraphs.count < 200)
        #expect(HTMLExtractor().extract(html).limitsHit.isEmpty)
    }

    @Test func blocksSplitInlineJoinsBreaksAreNewlines() {
        #expect(texts("<p>one <b>two</b> three</p><div>four<br>five</div><p>six<span>seven</span></p>")
                == ["one two three", "four\nfive", "sixseven"])
    }

    @Test func rubyKeepsTheBaseText() {
        let html = "<p><ruby>子<rt>こ</rt></ruby>どもと<ruby>漁師<rp>(</rp><rt>りょうし</rt><rp>)</rp></ruby>の話。</p>"
        #expect(texts(html) == ["子どもと漁師の話。"])
    }

    @Test func droppedElements() {
        let html = """
        <head><style>p{}</style><script>var x = "<p>no</p>";</script></head><body>
        <noscript>enable js</noscript><template><p>t</p></template><svg><text>s</text></svg>
        <iframe>frame</iframe><object>obj</object><form><p>Name <input value="v"> <select><option>o</option></select>
        <textarea>area</textarea><button>Go</button></p></form><p>kept</p></body>
        """
        #expect(texts(html) == ["Name", "kept"])
    }

    @Test func preformattedKeepsWhitespace() {
        let html = "<p>a   b</p><pre>  let x = 1\n    y  = 2</pre><p>inline <code>a  b</code> end</p>"
        #expect(texts(html) == ["a b", "  let x = 1\n    y  = 2", "inline a  b end"])
    }

    @Test func tableRowsBecomeLines() {
        #expect(texts("<table><tr><th>名前</th><th>値</th></tr><tr><td>a</td><td>1</td></tr></table>")
                == ["名前 値\na 1"])
    }

    @Test func titleAndLanguage() {
        let extracted = page("<html lang=\"ja-JP\"><head><title> 黒潮の\n旅 </title></head><body><p>本文</p></body></html>")
        #expect(extracted.title == "黒潮の 旅")
        #expect(extracted.language == "ja-JP")
        #expect(extracted.paragraphs.map(\.text) == ["本文"])
    }

    @Test func whitespaceIsNormalisedButFullWidthStays() {
        #expect(texts("<p>a&nbsp;&nbsp;b \t\n c　全角　スペース</p>") == ["a b c　全角　スペース"])
    }

    @Test func pathsNameTagsClassesAndIds() {
        let extracted = page(#"<body><div class="main  wide" id="top"><p>text</p></div></body>"#)
        #expect(extracted.paragraphs.map(\.path) == ["html>body>div.main.wide#top>p"])
    }

    @Test func pathsAreLeftOutOnRequest() {
        let html = Array(#"<body><nav><a href="/">Home</a></nav><div id="top"><p>first</p><p>second</p></div></body>"#.utf8)
        let with = HTMLExtractor(mainContentOnly: false).extract(html)
        let without = HTMLExtractor(mainContentOnly: false, recordsPaths: false).extract(html)
        #expect(with.paragraphs.map(\.path) == ["html>body>nav", "html>body>div#top>p", "html>body>div#top>p"])
        #expect(without.paragraphs.map(\.path) == ["", "", ""])
        #expect(without.paragraphs.map(\.text) == ["Home", "first", "second"])
        #expect(without.paragraphs.map(\.boilerplate) == with.paragraphs.map(\.boilerplate))
    }

    @Test func frameElementsAreBoilerplate() {
        let html = "<header><p>site</p></header><nav><a href=/>home</a></nav><main><p>body text</p></main>"
            + "<aside><p>aside</p></aside><footer><p>(c) 2026</p></footer>"
        let extracted = page(html)
        #expect(extracted.paragraphs.map(\.text) == ["site", "home", "body text", "aside", "(c) 2026"])
        #expect(extracted.paragraphs.map(\.boilerplate) == [.navigation, .links, nil, .navigation, .navigation])
        #expect(extracted.mainText == "body text")
    }

    @Test func linkRatioThresholdIsConfigurable() {
        let html = #"<p><a href="/a">link text here</a> and a little</p><p>plain words</p>"#
        let strict = page(html, maxLinkRatio: 0.5)
        #expect(strict.paragraphs[0].linkCharacters == 14)
        #expect(strict.paragraphs[0].characters == 27)
        #expect(strict.paragraphs.map(\.boilerplate) == [.links, nil])
        #expect(page(html, maxLinkRatio: 0.6).paragraphs.map(\.boilerplate) == [nil, nil])
    }

    @Test func mainContentLeavesCommentsAndSidebarsOut() {
        let prose = "This sentence is long enough to count as real prose in an article body. "
        let html = """
        <body><div class="layout has-sidebar"><div class="article-body"><h2>Heading</h2>
        <p>\(prose)One.</p><p>\(prose)Two.</p><p>\(prose)Three.</p><div class="share"><p>Share this article on social media now</p></div></div>
        <div class="sidebar"><p>\(prose)Sidebar.</p></div></div>
        <div id="comments"><div class="comment"><p>\(prose)Comment.</p></div></div></body>
        """
        let extracted = page(html, mainContentOnly: true)
        #expect(extracted.mainText == "Heading\n\n\(prose)One.\n\n\(prose)Two.\n\n\(prose)Three.")
        let byText = Dictionary(extracted.paragraphs.map { ($0.text, $0.boilerplate) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["Share this article on social media now"] == .some(.navigation))
        #expect(byText["\(prose)Sidebar."] == .some(.outsideMain))
        #expect(byText["\(prose)Comment."] == .some(.outsideMain))
    }

    @Test func brokenHTMLStillYieldsText() {
        #expect(texts("<p>unclosed <b>bold <i>italic</p><p>next</div></span>") == ["unclosed bold italic", "next"])
        #expect(texts("").isEmpty)
        #expect(texts("plain text without tags") == ["plain text without tags"])
    }

    @Test func scriptBodiesAreCutBeforeParsing() {
        let html = Array("<p>a</p><script type=x>if (a<b) { s = '</p><p>no'; }</script><!-- <p>c</p> --><p>b</p>".utf8)
        #expect(Fixtures.string(InertContent.strip(html)) == "<p>a</p><script type=x></script><p>b</p>")
    }
}

@Suite struct TextCleanupTests {
    func text(_ html: String) -> String {
        HTMLExtractor(maxLinkRatio: 0.5, mainContentOnly: false).extract(Array(html.utf8)).paragraphs.map(\.text).joined(separator: "|")
    }

    @Test func carriageReturnsEndLinesInPlainTextAndPre() {
        let novel = "羅生門\r\r或日の暮方の事である。\r一人の下人が、羅生門の下で雨やみを待っていた。\r"
        #expect(HTMLExtractor.plainText(Array(novel.utf8)).paragraphs.map(\.text)
            == ["羅生門", "或日の暮方の事である。\n一人の下人が、羅生門の下で雨やみを待っていた。"])
        #expect(HTMLExtractor.plainText(Array("a\r\nb\r\n\r\nc".utf8)).paragraphs.map(\.text) == ["a\nb", "c"])
        #expect(text("<pre>line one\rline two\r\nline three</pre>") == "line one\nline two\nline three")
    }

    /// Japanese prose hard-wrapped at a fixed width is joined where a line is full and CJK meets CJK; short lines,
    /// a new paragraph's ideographic-space indent and Latin text keep their line ends.
    @Test func hardWrappedJapaneseIsJoined() {
        let wrapped = """
            　ある日の暮方の事である。一人の下人が、羅生門の下で雨やみを待っていた。きりぎ
            りすが一匹とまっている。広い門の下には、この男のほかに誰もいない。唯、所々丹塗の
            剥げた、大きな円柱に、蟋蟀が一匹とまっている。
            　作者はさっき、「下人が雨やみを待っていた」と書いた。
            Produced by a volunteer from images generously made available by the
            library of a university.
            """
        #expect(HTMLExtractor.plainText(Array(wrapped.utf8)).paragraphs.map(\.text) == ["""
            　ある日の暮方の事である。一人の下人が、羅生門の下で雨やみを待っていた。きりぎりすが一匹とまっている。\
            広い門の下には、この男のほかに誰もいない。唯、所々丹塗の剥げた、大きな円柱に、蟋蟀が一匹とまっている。
            　作者はさっき、「下人が雨やみを待っていた」と書いた。
            Produced by a volunteer from images generously made available by the
            library of a university.
            """])
        let list = "よくある質問\nお支払いについて\n配送について"
        #expect(HTMLExtractor.plainText(Array(list.utf8)).paragraphs.map(\.text) == [list])
        // In HTML a line end between two wide characters goes, as browsers drop it; elsewhere it is a space.
        #expect(text("<p>きりぎ\nりすが一匹\n とまっている。\nThe end\nof it.</p><table><tr><td>漢字</td>\n<td>表</td></tr></table>")
            == "きりぎりすが一匹とまっている。 The end of it.|漢字 表")
    }

    @Test func invisibleCharactersGoExceptJoinersInEmoji() {
        #expect(text("<p>\u{FEFF}ゼロ\u{200B}幅\u{200D}の文字</p>") == "ゼロ幅の文字")
        #expect(text("<p>家族👨\u{200D}👩\u{200D}👧です</p>") == "家族👨\u{200D}👩\u{200D}👧です")
        #expect(HTMLExtractor.plainText(Array("\u{FEFF}print(1)\u{200B}".utf8)).paragraphs.map(\.text) == ["print(1)"])
    }

    @Test func theTitleIsTheHeadsNotAnSVGs() {
        let html = "<html><head><title>本当の題名</title></head><body><svg><title>アイコン</title></svg><p>本文です。</p>"
            + "<title>二つ目</title></body></html>"
        let page = HTMLExtractor().extract(Array(html.utf8))
        #expect(page.title == "本当の題名")
        #expect(page.paragraphs.map(\.text) == ["本文です。"])
    }
}

/// Main text found by what paragraphs hold, not only where they sit.
@Suite struct MainTextLayoutTests {
    func mainText(_ html: String) -> String { HTMLExtractor().extract(Array(html.utf8)).mainText }

    static let articleSentences = [
        "The harbour reopened on Monday after three weeks of repairs to the breakwater damaged in the winter storms.",
        "Fishing boats returned at dawn, and the morning market sold out of mackerel before eight o'clock.",
        "Officials said the new concrete blocks should protect the quay from waves twice as high as last year's.",
    ]

    /// A table layout's sidebar column ends in loose text (a counter, a link list); that text is the column's, not
    /// the start of the content column beside it.
    @Test func aLayoutColumnKeepsItsOwnLastLines() {
        let html = "<table><tr><td><table><tr><td>今日の記念日は手羽先記念日です。</td></tr></table>あなたは 番目のお客様です"
            + "<br>相互リンク大歓迎です！</td><td><table><tr><td>" + Self.japaneseDiary + "</td></tr></table></td></tr></table>"
        #expect(mainText(html) == Self.japaneseDiary)
    }

    /// A hero block named like a header (`header-section`) that holds the page's h1 and prose is its lead; a real
    /// site header holds neither.
    @Test func aHeroNamedLikeAHeaderIsTheLead() {
        let html = "<div class=\"site-header\"><a href=/>Harbour Weekly</a></div><div class=\"header-section\"><h1 class=\"header-heading\">The harbour reopens</h1>"
            + "<p class=\"header-subheading\">\(Self.articleSentences[0])</p></div><div class=\"section\"><p>\(Self.articleSentences[1])</p>"
            + "<p>\(Self.articleSentences[2])</p></div>"
        #expect(mainText(html) == (["The harbour reopens"] + Self.articleSentences).joined(separator: "\n\n"))
    }

    /// The walk does not go into a list: a publication list keeps its heading and introduction, and its items are
    /// alike.
    @Test func aListKeepsItsIntroduction() {
        let entries = (1...8).map { "<li><a href=\"p\($0).pdf\">A study of harbour breakwater number \($0) under winter storms</a>. "
            + "A. Author and B. Author. Coastal Engineering \(2010 + $0).</li>" }
        // A shorter entry, more than half linked, is an entry like the others, not a link list.
        let short = "<li><a href=\"m.pdf\">Mussel beds after an algal bloom</a>. S. Ruiz. Harmful Algae 2019.</li>"
        let html = "<div id=content><h1>Publications</h1><p>\(Self.articleSentences[0])</p><ul>\(entries.joined())\(short)</ul></div>"
        let text = mainText(html)
        #expect(text.hasPrefix("Publications\n\n\(Self.articleSentences[0])\n\nA study of harbour breakwater number 1"))
        #expect(text.hasSuffix("\n\nMussel beds after an algal bloom. S. Ruiz. Harmful Algae 2019."))
    }

    /// What lies outside the page's one `<main>` (teasers of other stories) is not its content, however long.
    @Test func outsideMainIsNotContent() {
        let teasers = (1...6).map { "<div class=teaser><p>Another story, number \($0), about the fishing fleet and the price of fuel this winter.</p></div>" }
        let html = "<body><main><article><h1>The harbour reopens</h1>" + Self.articleSentences.map { "<p>\($0)</p>" }.joined()
            + "</article></main><div class=below>\(teasers.joined())</div></body>"
        #expect(mainText(html) == (["The harbour reopens"] + Self.articleSentences).joined(separator: "\n\n"))
    }

    /// A forum post's signature is the poster's, not the post's.
    @Test func aForumSignatureIsNotContent() {
        let html = "<div class=post><div class=content><p>\(Self.articleSentences[0])</p><p>\(Self.articleSentences[1])</p></div>"
            + "<div class=signature>Road bikes and a town bike, both loved equally by me.</div></div>"
        #expect(mainText(html) == Self.articleSentences[0...1].joined(separator: "\n\n"))
    }

    /// A class that says content outweighs an id's strong word: `TOC_TITLE_1` is an anchor the table of contents
    /// links to, not the table itself.
    @Test func aContentClassOutweighsAnAnchorID() {
        let html = "<nav id=toc><a href=#TOC_TITLE_1>Harbour</a></nav><div class=content_body id=TOC_TITLE_1>"
            + Self.articleSentences.map { "<p>\($0)</p>" }.joined() + "</div>"
        #expect(mainText(html) == Self.articleSentences.joined(separator: "\n\n"))
    }

    /// A BEM modifier says what a block holds or how it looks: `Section--Ads` is a section of the report with ad
    /// slots in it, not an ad.
    @Test func aBEMModifierDoesNotNameThePart() {
        let html = "<article><section class=\"Report__Section Report__Section--Ads\">"
            + Self.articleSentences.map { "<p>\($0)</p>" }.joined() + "</section><div class=\"ads\"><p>Buy a boat today at half price.</p></div></article>"
        #expect(mainText(html) == Self.articleSentences.joined(separator: "\n\n"))
    }

    static let japaneseDiary = "今日は朝から雨でした。梅雨に入ってから、水槽の水がなんとなく濁りやすくなった気がします。午後から思い切って、水槽の水を三分の一ほど入れ替えました。"
        + "カルキ抜きをした水をバケツに汲んで、半日ほど部屋に置いて温度をそろえておくのがコツです。うちには今、琉金が三匹と、和金が二匹います。"

    @Test func anArticleWrappedInAHeaderIsKept() {
        let html = "<body><nav><a href=/>Home</a> <a href=/news>News</a></nav><header><h1>Harbour reopens</h1>"
            + Self.articleSentences.map { "<p>\($0)</p>" }.joined() + "</header><footer><p>© 2026 Port News</p></footer></body>"
        let text = mainText(html)
        for sentence in Self.articleSentences { #expect(text.contains(sentence)) }
        #expect(!text.contains("© 2026") && !text.contains("Home"))
    }

    @Test func aPageInsideAnUnclosedNavIsKept() {
        let html = "<body><nav><ul><li><a href=/>Home</a></li><li><a href=/about>About</a></li></ul>"
            + "<div class=post>" + Self.articleSentences.map { "<p>\($0)</p>" }.joined() + "</div></body>"
        let text = mainText(html)
        for sentence in Self.articleSentences { #expect(text.contains(sentence)) }
    }

    @Test func oneShortJapaneseSentenceADivIsProse() {
        let lines = ["今日は朝から雨でした。", "傘を持って駅まで歩きました。", "電車はとても混んでいました。", "会社に着いたら靴が濡れていました。",
                     "お昼は同僚とうどんを食べました。", "午後は会議が三つもありました。", "帰りには雨がやんでいました。", "夕焼けがきれいでした。"]
        let html = "<body><div class=header><a href=/>ホーム</a> <a href=/profile>プロフィール</a></div><div class=skin-entryBody>"
            + lines.map { "<div>\($0)</div>" }.joined() + "</div><div class=side><p>月別アーカイブ</p></div></body>"
        let text = mainText(html)
        #expect(text == lines.joined(separator: "\n\n"))
    }

    @Test func proseDenseWithLinksIsKeptButLinkListsAreNot() {
        let lead = #"<p>The <a href="/k">Kuroshio</a> is a <a href="/w">warm</a> <a href="/c">ocean current</a> on the west side of the <a href="/n">North Pacific</a>. It begins off the east coast of <a href="/t">Taiwan</a> and flows north past <a href="/j">Japan</a>, where it merges with the easterly drift of the <a href="/np">North Pacific Current</a>.</p>"#
        let list = #"<p><a href="/a">Ocean currents</a> <a href="/b">Pacific Ocean</a> <a href="/c">Climate of Japan</a> <a href="/d">Fisheries</a></p>"#
        let page = HTMLExtractor(mainContentOnly: false).extract(Array(("<body>" + lead + list + "</body>").utf8))
        #expect(page.paragraphs.map(\.boilerplate) == [nil, .links])
    }

    @Test func aLongCommentThreadIsNotTheMainText() {
        let comments = (1...6).map { "<div class=comment><p>Reader \($0): I walked along that quay last summer and the view of the boats at sunrise was wonderful, thank you for this report.</p></div>" }
        let html = "<body><article>" + Self.articleSentences.map { "<p>\($0)</p>" }.joined()
            + "</article><div id=comments><h3>Comments</h3>" + comments.joined() + "</div></body>"
        let text = mainText(html)
        for sentence in Self.articleSentences { #expect(text.contains(sentence)) }
        #expect(!text.contains("Reader 1"))
    }
}

extension MainTextLayoutTests {
    @Test func wikiHeadingsLoseTheirEditLinks() {
        let html = #"<h2><span class="mw-headline">History</span><span class="mw-editsection">[<a href="/e">edit</a> | <a href="/s">edit source</a>]</span></h2><p>Founded in 1901.</p><h2>歴史<span>[<a href="/e">編集</a>]</span></h2><p>一九〇一年に創立。</p>"#
        let page = HTMLExtractor(mainContentOnly: false).extract(Array(html.utf8))
        #expect(page.paragraphs.map(\.text) == ["History", "Founded in 1901.", "歴史", "一九〇一年に創立。"])
        #expect(page.paragraphs.map(\.boilerplate) == [nil, nil, nil, nil])
    }

    @Test func aHeadingLeftWithNothingUnderItGoes() {
        let html = "<h1>Harbour news</h1><p>The harbour reopened.</p><h2>Related posts</h2><p><a href=/a>Other news</a></p>"
            + "<h2>References</h2>"
        let page = HTMLExtractor(mainContentOnly: false).extract(Array(html.utf8))
        #expect(page.paragraphs.filter { $0.boilerplate == nil }.map(\.text) == ["Harbour news", "The harbour reopened."])
    }
}

/// Boilerplate told by its text.
@Suite struct BoilerplateTextTests {
    func kept(_ html: String) -> [String] {
        HTMLExtractor(mainContentOnly: false).extract(Array(html.utf8)).paragraphs.filter { $0.boilerplate == nil }.map(\.text)
    }

    @Test func aTitleLinePrintedTwiceStaysOnce() {
        let html = "<html><head><title>黒潮の旅 | 海のブログ</title></head><body><h1>黒潮の旅</h1><p>黒潮の旅</p>"
            + "<p>今日は船で黒潮を見に行きました。</p><table><tr><td>朝</td></tr><tr><td>朝</td></tr></table></body></html>"
        #expect(kept(html) == ["黒潮の旅", "今日は船で黒潮を見に行きました。", "朝\n朝"])
    }

    @Test func breadcrumbTrailsWrittenAsText() {
        #expect(BoilerplateText.isBreadcrumb("ホーム > ニュース > 社会"))
        #expect(BoilerplateText.isBreadcrumb("TOP ＞ 商品一覧 ＞ ブリーフケース"))
        #expect(!BoilerplateText.isBreadcrumb("1/2 cup of sugar"))
        #expect(!BoilerplateText.isBreadcrumb("価格は3,000円 > 2,800円に値下げしました。"))
    }

    @Test func aCompanyFooterBlockAtTheEndGoes() {
        let html = "<body><div><p>当店では手作りの革製品を販売しております。一点一点、職人が丁寧に仕上げています。</p>"
            + "<p>株式会社黒潮レザー</p><p>〒105-0011 東京都港区芝公園1-2-3</p><p>TEL 03-1234-5678 営業時間 10:00〜18:00</p>"
            + "<p>Copyright © 2026 Kuroshio Leather. All Rights Reserved.</p></div></body>"
        #expect(kept(html) == ["当店では手作りの革製品を販売しております。一点一点、職人が丁寧に仕上げています。"])
        // A hotel is not a phone line.
        #expect(!BoilerplateText.isFooterLine("We stayed at a small hotel by the sea."))
    }
}

extension TextCleanupTests {
    @Test func tableCellsHoldingParagraphsKeepTheirRowsAsLines() {
        let html = "<table><tr><td><p>会社名</p></td><td><p>株式会社黒潮商事</p></td></tr>"
            + "<tr><td><p>所在地</p></td><td><p>東京都港区芝公園一丁目</p></td></tr></table>"
        #expect(text(html) == "会社名 株式会社黒潮商事\n所在地 東京都港区芝公園一丁目")
        // A page laid out in a table keeps its long cells as paragraphs.
        let long = String(repeating: "黒潮は日本列島の南岸に沿って北へ流れる暖流です。", count: 5)
        #expect(text("<table><tr><td><p>\(long)</p><p>\(long)</p></td></tr></table>") == long + "|" + long)
        // Short blocks of one cell are its lines, not cells of a row.
        #expect(text("<table><tr><td><p>問一　目的は何か。</p><p>答　喜ぶことである。</p></td></tr></table>") == "問一　目的は何か。\n答　喜ぶことである。")
    }
}

extension BoilerplateTextTests {
    @Test func aCommentSectionUnderItsHeadingGoes() {
        let html = "<body><h1>週末の釣り</h1><p>土曜日に港で釣りをしました。アジがたくさん釣れました。</p>"
            + "<h3>コメント（2）</h3><p>たくさん釣れましたね！</p><p>次は私も行きたいです。</p><h2>プロフィール</h2><p>釣りが好きな会社員です。</p></body>"
        #expect(kept(html) == ["週末の釣り", "土曜日に港で釣りをしました。アジがたくさん釣れました。", "プロフィール", "釣りが好きな会社員です。"])
        #expect(BoilerplateText.isCommentHeading("3 Comments"))
        #expect(BoilerplateText.isCommentHeading("Leave a Reply"))
        #expect(!BoilerplateText.isCommentHeading("コメントの書き方について"))
    }
}

extension BoilerplateTextTests {
    @Test func cookieNoticesGo() {
        #expect(BoilerplateText.isCookieNotice("We use cookies to improve your experience. By continuing you accept our use of cookies."))
        #expect(BoilerplateText.isCookieNotice("当サイトではCookieを使用しています。同意の上ご利用ください。"))
        #expect(!BoilerplateText.isCookieNotice("Bake the cookies for twelve minutes until golden."))
    }
}

extension BoilerplateTextTests {
    @Test func aBreadcrumbMayEndInALongPageTitle() {
        #expect(BoilerplateText.isBreadcrumb("TOP > 値段別カテゴリ > ￥30,000〜￥34,999 > X-PAC ジム ボストンバッグ【ヘッドポーター HEADPORTER 吉田カバン】"))
        #expect(!BoilerplateText.isBreadcrumb("TOP > 値段別カテゴリ > " + String(repeating: "長い", count: 60)))
    }

    @Test func aPageOfNothingButACopyrightLineIsEmpty() {
        #expect(kept("<body><p>Copyright 2017-2025 http://www.example.test All Rights Reserved.</p></body>").isEmpty)
        #expect(kept("<body><p>猫の写真を撮りに公園へ行きました。</p><p>© 2026 猫ブログ</p></body>") == ["猫の写真を撮りに公園へ行きました。"])
    }
}
