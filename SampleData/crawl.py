#!/usr/bin/env python3
"""Writes SampleData/crawl.warc.gz: a small made-up web crawl on which every stage of Kuroshio has work to do.

About 200 captures (a request record and a response record each) from invented sites: Japanese blogs, news, a
shop, a Q&A board, a company, recipes, a 2000s table-layout hobby site in Shift_JIS, EUC-JP and ISO-2022-JP pages;
English blogs, news with comments, documentation, a publication list and recipes; source code; Chinese, Korean,
German, Portuguese and French pages; exact copies and near copies; spam, a link farm, an adult landing page, parked
domains, server default pages, login pages; images, a PDF, redirects, errors, revisits, metadata; and broken
records (chunking and gzip that lie, an HTTP Content-Length that lies, 3,000 nested divs, and a last gzip member
cut in half). Every text is written here, in this file, or read from Tests/KuroshioTests/Pages (this project's
own pages, under their own URLs). crawl.md lists the kinds with their counts.

Python standard library only. The output is the same byte for byte on every run: fixed seeds (random.Random),
a fixed clock, uuid5 record ids, and gzip members written here with a zeroed header (mtime 0, OS 255).

usage: python3 SampleData/crawl.py [OUT.warc.gz]
"""
import base64
import datetime
import hashlib
import html
import json
import os
import random
import struct
import sys
import uuid
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PAGES = os.path.join(ROOT, "Tests", "KuroshioTests", "Pages")
SEED = 20240304
UTC = datetime.timezone.utc
CRAWL_START = datetime.datetime(2024, 3, 4, 2, 17, 5, tzinfo=UTC)
USER_AGENT = "KuroshioSampleBot/1.0 (+https://kuroshio.test/bot.html)"

esc = html.escape


# ---------------------------------------------------------------------------------------------------------------
# Bytes: gzip members, digests, HTTP messages, WARC records
# ---------------------------------------------------------------------------------------------------------------

def gzip_member(data, level=9):
    """One gzip member with a fixed header (no name, mtime 0, XFL 2, OS 255), so that output does not depend on the
    clock, the platform or the Python version."""
    deflate = zlib.compressobj(level, zlib.DEFLATED, -15, 9)
    body = deflate.compress(data) + deflate.flush()
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + body + struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)


def digest(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def http_date(when):
    return when.strftime("%a, %d %b %Y %H:%M:%S GMT")


def warc_date(when):
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def record_id(url, index):
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{url}#{index}')}>"


def warc_record(fields, block):
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields) + f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 404: "Not Found",
           500: "Internal Server Error", 503: "Service Unavailable"}


def split_url(url):
    scheme, rest = url.split("://", 1)
    host, _, path = rest.partition("/")
    return scheme, host, "/" + path


def chunked(body, sizes):
    """`body` in chunks of the given sizes (then the rest), with the closing zero chunk."""
    out, start = b"", 0
    for size in list(sizes) + [len(body)]:
        part = body[start:start + size]
        if part:
            out += b"%x\r\n" % len(part) + part + b"\r\n"
        start += len(part)
    return out + b"0\r\n\r\n"


# ---------------------------------------------------------------------------------------------------------------
# Captures: what one fetch brought back, and where it goes in the file
# ---------------------------------------------------------------------------------------------------------------

# Response headers each host's server sends, besides Date, Content-Type and Content-Length.
SERVERS = {}
DEFAULT_SERVER = [("Server", "Apache"), ("Vary", "Accept-Encoding")]


def server(host, *headers):
    SERVERS[host] = list(headers)


class Capture:
    """One fetch: a request record, then a response (or revisit) record, then maybe a metadata record.

    kind and lang are for the table in crawl.md. `after` is the capture this one copies (it is placed later in the
    file); `broken` captures are placed between good ones; `length` is the HTTP Content-Length ("auto", a number
    that may lie, or None for none)."""

    def __init__(self, url, body, ctype="text/html; charset=UTF-8", *, kind, lang, status=200, headers=(),
                 length="auto", after=None, broken=False, revisit=None, metadata=False, server_headers=None,
                 group=None):
        self.url, self.body, self.ctype, self.kind, self.lang = url, body, ctype, kind, lang
        self.status, self.headers, self.length, self.after, self.broken = status, list(headers), length, after, broken
        self.revisit, self.metadata, self.server_headers = revisit, metadata, server_headers
        self.group = group or kind
        self.record_id = None
        self.when = None

    @property
    def host(self):
        return split_url(self.url)[1]

    def http_head(self, when):
        status_line = f"HTTP/1.1 {self.status} {REASONS[self.status]}"
        fields = [("Date", http_date(when))]
        fields += self.server_headers if self.server_headers is not None else SERVERS.get(self.host, DEFAULT_SERVER)
        if self.ctype is not None:
            fields.append(("Content-Type", self.ctype))
        fields += self.headers
        if self.length == "auto":
            fields.append(("Content-Length", str(len(self.body))))
        elif self.length is not None:
            fields.append(("Content-Length", str(self.length)))
        fields.append(("Connection", "close"))
        return (status_line + "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields) + "\r\n").encode("latin-1")


def request_block(url, extra=()):
    _, host, path = split_url(url)
    lines = [f"GET {path} HTTP/1.1", f"User-Agent: {USER_AGENT}",
             "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
             "Accept-Language: ja,en-US;q=0.8,en;q=0.6", "Accept-Encoding: br,gzip", f"Host: {host}",
             "Connection: Keep-Alive", *extra]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def ip_address(host):
    value = int.from_bytes(hashlib.sha1(host.encode()).digest()[:2], "big")
    nets = ["192.0.2", "198.51.100", "203.0.113"]
    return f"{nets[value % 3]}.{value // 3 % 250 + 3}"


def order(captures, rng):
    """Crawl order: originals shuffled, as a crawl interleaves hosts; each copy somewhere after what it copies;
    broken captures between good ones; the capture marked last at the end."""
    last = [c for c in captures if c.broken == "last"]
    originals = [c for c in captures if c.after is None and not c.broken and c.revisit is None]
    dependents = [c for c in captures if (c.after is not None or c.revisit is not None) and not c.broken]
    broken = [c for c in captures if c.broken and c.broken != "last"]
    rng.shuffle(originals)
    result = originals
    for copy in dependents:
        source = copy.after or copy.revisit[0]
        start = result.index(source) + 1
        result.insert(rng.randint(start + 1, len(result)) if start < len(result) else start, copy)
    for bad in broken:
        while True:
            at = rng.randint(5, len(result) - 2)
            if not result[at - 1].broken and not result[at].broken:
                result.insert(at, bad)
                break
    return result + last


def write_warc(captures, out, rng):
    records = []
    info = (b"software: Kuroshio SampleData/crawl.py\r\n"
            b"isPartOf: KUROSHIO-SAMPLE-CRAWL-2024\r\n"
            b"operator: the Kuroshio project (a made-up crawl: every site and page in it is invented)\r\n"
            b"description: A small synthetic crawl of invented sites for Kuroshio's tests and statistics report\r\n"
            b"robots: checked via crawler-commons\r\n"
            b"hostname: crawler-01.kuroshio.test\r\n"
            b"http-header-user-agent: " + USER_AGENT.encode() + b"\r\n"
            b"format: WARC File Format 1.0\r\n"
            b"conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n")
    info_id = record_id("warcinfo:crawl.warc.gz", 0)
    records.append(warc_record([("WARC-Type", "warcinfo"), ("WARC-Date", warc_date(CRAWL_START)),
                                ("WARC-Record-ID", info_id), ("WARC-Filename", "crawl.warc.gz"),
                                ("Content-Type", "application/warc-fields")], info))
    when = CRAWL_START
    for capture in order(captures, rng):
        when += datetime.timedelta(seconds=rng.randint(1800, 70000))
        capture.when = when
        common = [("WARC-Date", warc_date(when))]
        response_index = len(records) + 1
        response_id = record_id(capture.url, response_index)
        capture.record_id = response_id
        # The request.
        extra = ()
        if capture.revisit and capture.revisit[1] == "server-not-modified":
            extra = (f"If-Modified-Since: {http_date(capture.revisit[0].when)}",)
        block = request_block(capture.url, extra)
        records.append(warc_record([("WARC-Type", "request"), *common,
                                    ("WARC-Record-ID", record_id(capture.url, len(records))),
                                    ("Content-Type", "application/http; msgtype=request"),
                                    ("WARC-Warcinfo-ID", info_id), ("WARC-IP-Address", ip_address(capture.host)),
                                    ("WARC-Concurrent-To", response_id), ("WARC-Target-URI", capture.url),
                                    ("WARC-Block-Digest", digest(block))], block))
        # The response, or a revisit of an earlier one: headers only.
        if capture.revisit:
            original, profile = capture.revisit
            block = capture.http_head(when)
            records.append(warc_record([("WARC-Type", "revisit"), *common, ("WARC-Record-ID", response_id),
                                        ("Content-Type", "application/http; msgtype=response"),
                                        ("WARC-Warcinfo-ID", info_id), ("WARC-IP-Address", ip_address(capture.host)),
                                        ("WARC-Target-URI", capture.url),
                                        ("WARC-Profile", f"http://netpreserve.org/warc/1.0/revisit/{profile}"),
                                        ("WARC-Refers-To", original.record_id),
                                        ("WARC-Refers-To-Target-URI", original.url),
                                        ("WARC-Refers-To-Date", warc_date(original.when)),
                                        ("WARC-Payload-Digest", digest(original.body)),
                                        ("WARC-Block-Digest", digest(block))], block))
        else:
            block = capture.http_head(when) + capture.body
            identified = (capture.ctype or "").split(";")[0]
            fields = [("WARC-Type", "response"), *common, ("WARC-Record-ID", response_id),
                      ("Content-Type", "application/http; msgtype=response"), ("WARC-Warcinfo-ID", info_id),
                      ("WARC-Concurrent-To", record_id(capture.url, len(records) - 1)),
                      ("WARC-IP-Address", ip_address(capture.host)), ("WARC-Target-URI", capture.url),
                      ("WARC-Payload-Digest", digest(capture.body)), ("WARC-Block-Digest", digest(block))]
            if identified:
                fields.append(("WARC-Identified-Payload-Type", identified))
            records.append(warc_record(fields, block))
        if capture.metadata:
            fetch = rng.randint(80, 2400)
            meta = (f"fetchTimeMs: {fetch}\r\ncharset-detected: {capture.metadata.get('charset', 'UTF-8')}\r\n"
                    f"languages-cld2: {json.dumps(capture.metadata['languages'], separators=(',', ':'))}\r\n").encode()
            records.append(warc_record([("WARC-Type", "metadata"), *common,
                                        ("WARC-Record-ID", record_id(capture.url, len(records))),
                                        ("Content-Type", "application/warc-fields"), ("WARC-Warcinfo-ID", info_id),
                                        ("WARC-Concurrent-To", response_id), ("WARC-Target-URI", capture.url),
                                        ("WARC-Block-Digest", digest(meta))], meta))
    members = [gzip_member(r) for r in records]
    # The last member is cut in half: the file ends mid-record, as an interrupted download leaves it.
    members[-1] = members[-1][:len(members[-1]) // 2]
    data = b"".join(members)
    with open(out, "wb") as f:
        f.write(data)
    return records, len(data)


# ---------------------------------------------------------------------------------------------------------------
# Shared pieces of markup
# ---------------------------------------------------------------------------------------------------------------

CSS_PROPERTIES = [
    ("margin", ["0", "0 auto", "0 0 1.5em", "1em 0", "24px 0 16px", "0 0 8px"]),
    ("padding", ["0", "8px 12px", "16px", "1.25rem 1rem", "4px 0", "12px 20px"]),
    ("color", ["#333", "#222", "#555", "#1a1a1a", "#4a4a4a", "#2b5f8a", "#8a5a2b", "#fff"]),
    ("background", ["#fff", "#f7f5f0", "#fafafa", "#eef3f7", "transparent", "#2b5f8a", "#fdfbf6"]),
    ("font-size", ["14px", "15px", "16px", ".875rem", "1.125rem", "1.5rem", "12px", "2rem"]),
    ("line-height", ["1.6", "1.8", "1.9", "1.4", "2"]),
    ("border-bottom", ["1px solid #ddd", "2px solid #2b5f8a", "1px dotted #ccc", "none"]),
    ("display", ["block", "flex", "inline-block", "none", "grid"]),
    ("max-width", ["1080px", "760px", "100%", "320px", "1200px"]),
    ("text-decoration", ["none", "underline"]),
    ("font-weight", ["bold", "normal", "600", "400"]),
    ("border-radius", ["4px", "50%", "0", "8px"]),
]


def stylesheet(name, selectors):
    """A site's inline CSS: a rule for each selector, with properties that stay the same for the site."""
    r = random.Random("css:" + name)
    rules = []
    for selector in selectors:
        props = r.sample(CSS_PROPERTIES, r.randint(2, 5))
        rules.append(selector + "{" + ";".join(f"{p}:{r.choice(v)}" for p, v in props) + "}")
    media = "@media (max-width:768px){" + "".join(
        f"{s}{{padding:8px;font-size:15px}}" for s in r.sample(selectors, min(4, len(selectors)))) + "}"
    return "\n".join(rules) + "\n" + media


_SITE_CHROME = {}


def site_chrome(site):
    """A site's design tokens and icon sprite: the same on every page of the site (made once)."""
    if site not in _SITE_CHROME:
        r = random.Random("chrome:" + site)
        colors = ["primary", "secondary", "accent", "base", "contrast", "muted", "border", "link", "link-hover", "notice",
                  "success", "warning", "danger", "surface", "overlay"]
        tokens = [f"--wp--preset--color--{c}:#{r.getrandbits(24):06x}" for c in colors]
        tokens += [f"--wp--preset--font-size--{n}:{v}" for n, v in zip(["x-small", "small", "medium", "large", "x-large", "xx-large"],
                                                                       ["0.75rem", "0.875rem", "1rem", "1.25rem", "1.75rem", "2.5rem"])]
        tokens += [f"--wp--preset--spacing--{10 * k}:{round(0.44 * 1.5 ** k, 3)}rem" for k in range(2, 9)]
        tokens += [f"--wp--preset--shadow--{n}:{r.randint(1, 6)}px {r.randint(1, 6)}px {r.randint(0, 12)}px rgba(0,0,0,.{r.randint(10, 40)})"
                   for n in ["natural", "deep", "sharp", "outlined", "crisp"]]
        utilities = []
        for prop, short in [("margin-top", "mt"), ("margin-bottom", "mb"), ("padding-top", "pt"), ("padding-bottom", "pb"),
                            ("gap", "gap"), ("font-size", "fs")]:
            utilities += [f".u-{short}-{k}{{{prop}:{k * 4}px!important}}" for k in range(0, 13)]
        utilities += [f".has-{c}-color{{color:var(--wp--preset--color--{c})!important}}" for c in colors]
        utilities += [f".has-{c}-background-color{{background-color:var(--wp--preset--color--{c})!important}}" for c in colors]
        css = "body{" + ";".join(tokens) + "}\n" + "\n".join(utilities)
        symbols = []
        for name in ["search", "menu", "close", "arrow-right", "arrow-left", "share", "x", "facebook", "line", "mail",
                     "print", "bookmark", "clock", "tag", "home", "user", "cart", "heart"]:
            points = " ".join(f"{'M' if k == 0 else r.choice('LCQ')}{r.randint(0, 240) / 10} {r.randint(0, 240) / 10}" for k in range(r.randint(14, 30)))
            symbols.append(f'<symbol id="icon-{name}" viewBox="0 0 24 24"><path d="{points}Z"/></symbol>')
        sprite = '<svg xmlns="http://www.w3.org/2000/svg" style="display:none">' + "".join(symbols) + "</svg>"
        _SITE_CHROME[site] = (css, sprite)
    return _SITE_CHROME[site]


def page_config(site, r, units=12):
    """What a commercial page's scripts are configured with: a page id, experiments, ad units and bidders."""
    config = {"site": site, "pageId": "%032x" % r.getrandbits(128),
              "experiments": {f"exp_{r.randint(1000, 9999)}": r.choice("abc") for _ in range(6)},
              "adUnits": [{"code": f"div-gpt-ad-{r.randint(10 ** 12, 10 ** 13)}-{k}", "sizes": r.choice([[[300, 250]], [[728, 90], [320, 50]], [[300, 600], [300, 250]]]),
                           "bids": [{"bidder": b, "params": {"placementId": r.randint(10 ** 7, 10 ** 8), "siteId": "%x" % r.getrandbits(40)}}
                                    for b in r.sample(["appnexus", "rubicon", "ix", "openx", "pubmatic", "criteo"], 3)]} for k in range(units)],
              "consent": {"vendors": sorted(r.sample(range(1, 900), 40))}}
    return ("<script>window.__PAGE_CONFIG__=" + json.dumps(config, separators=(",", ":")) + ";</script>\n"
            '<script async src="https://securepubads.adnet.test/tag/js/gpt.js"></script>')


def lqip(r, size=None):
    """A blurred placeholder image inlined as a data URI, as lazy-loading themes write them."""
    data = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(
        r.getrandbits(8) for _ in range(size or r.randint(700, 1500))) + b"\xff\xd9"
    return "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")


def jp_date(y, m, d):
    return f"{y}年{m}月{d}日"


def iso(y, m, d, hh=9, mm=0):
    return f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00+09:00"


def paras(items, cls=None):
    attr = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{attr}>{p}</p>" for p in items)


def links(items, fmt='<li><a href="{0}">{1}</a></li>'):
    return "\n".join(fmt.format(href, esc(text)) for href, text in items)


# ---------------------------------------------------------------------------------------------------------------
# Japanese: a personal blog (WordPress-like), ひなた日和
# ---------------------------------------------------------------------------------------------------------------

BLOG_HOST = "hinata-biyori.jp"
server(BLOG_HOST, ("Server", "nginx"), ("X-Powered-By", "PHP/8.1.27"), ("Vary", "Accept-Encoding, Cookie"),
       ("Link", f'<https://{BLOG_HOST}/wp-json/>; rel="https://api.w.org/"'), ("Cache-Control", "max-age=3, must-revalidate"))

BLOG_CATEGORIES = {"台所しごと": "kitchen", "庭とベランダ": "garden", "手仕事": "handmade", "おでかけ": "odekake",
                   "本のこと": "books", "暮らし": "kurashi"}

# (slug, title, category, date, paragraphs that are always there, paragraphs that may be, a reader's comment)
BLOG_POSTS = [
    ("ume-syrup", "はじめての梅仕事、梅シロップを漬けました", "台所しごと", (2023, 6, 10), [
        "スーパーの入り口に青梅が並ぶようになりました。毎年見かけるたびに気になっていたのですが、今年は思い切って一キロ買ってきました。人生で初めての梅仕事です。",
        "まずは梅を水で洗って、たっぷりの水に二時間ほどつけてアクを抜きます。そのあと一つずつ布巾で水けをふき取り、竹串でなり口のヘタを取りました。ヘタはつまようじでも取れますが、竹串のほうが力を入れやすかったです。",
        "保存びんは煮沸したあと、ホワイトリカーで内側をふいておきます。梅と氷砂糖を交互に入れていくと、びんの中がしましま模様になって、それだけで楽しい気分になりました。",
        "梅一キロに対して氷砂糖も一キロ。びんはこれで七分目くらいです。一日に一回、びんをゆっくり回して砂糖を溶かしていくと、十日ほどでシロップができあがるそうです。",
    ], [
        "途中で梅の表面に泡がついてきたら発酵のサインなので、そのときは一度鍋で温めるといいと母に教わりました。発酵しないように、涼しい場所に置いて毎日様子を見るつもりです。",
        "できあがったら炭酸水で割って、家族みんなで飲むのが今から楽しみです。シロップをとったあとの梅は、ジャムにしてみようかと考えています。",
    ], "梅シロップ、わたしも毎年作っています。びんを回す時間が好きなんですよね。完成が楽しみですね。"),
    ("old-chair", "祖父の木の椅子を塗り直しました", "手仕事", (2023, 9, 2), [
        "祖父の家から譲り受けた木の椅子が、すっかり色あせていました。座面の角もすれて白っぽくなっていたので、週末に塗り直してみることにしました。",
        "最初に、古い塗装を紙やすりで落とします。八十番の粗いやすりで表面を削り、そのあと二百四十番で仕上げました。ベランダに新聞紙を広げて作業しましたが、粉がかなり舞うので、マスクは必須です。",
        "塗料は水性のウレタンニスを選びました。においが少なく、はけも水で洗えるので、マンションでも気軽に使えます。色は落ち着いたウォルナットにしました。",
        "一度目を塗って乾かし、軽くやすりをかけてから二度目を塗ると、つやが出てぐっと深い色になりました。乾くまで丸一日待つのが一番つらかったです。",
    ], [
        "脚のぐらつきは、ねじを締め直しただけで直りました。思っていたよりずっと簡単だったので、次は同じ家から持ってきた小さな棚にも挑戦してみたいと思います。",
        "祖父が毎朝新聞を読んでいた椅子なので、きれいになった姿を見せたかったなと、少しだけしんみりしました。",
    ], "おじいさまの椅子、大切に使われていて素敵です。やすりの番手まで書いてあって参考になりました。"),
    ("shiodamari", "『潮だまりの図書室』を読みました", "本のこと", (2023, 11, 18), [
        "図書館で予約していた本の順番が、ようやく回ってきました。三か月待ちだった『潮だまりの図書室』という小説です。",
        "海辺の小さな町で、閉館が決まった図書室を守ろうとする司書と、町の子どもたちの話です。大きな事件が起きるわけではないのですが、一人ひとりの暮らしが丁寧に描かれていて、読み終えるのが惜しくなりました。",
        "特に好きだったのは、毎週土曜日に本を返しに来るおじいさんの場面です。借りた本に必ず押し花をはさんで返してくるのですが、その理由が最後の章でわかったとき、思わず涙が出ました。",
        "読んでいるあいだ、子どものころに通っていた町の図書館を何度も思い出しました。木の床がきしむ音や、窓ぎわの席のあたたかさを、今でもよく覚えています。",
    ], [
        "返却期限まではまだ一週間あるので、気に入った場面をもう一度読み返すつもりです。次は同じ作家の短編集を予約しました。",
    ], "この本、わたしも気になっていました。押し花の理由、知りたくなってしまいます。予約してみます。"),
    ("haru-kyabetsu", "春キャベツを一玉使い切る一週間", "台所しごと", (2024, 3, 23), [
        "八百屋さんで立派な春キャベツが一玉百五十円でした。つい買ってしまったものの、四人家族でも一玉はなかなか減りません。そこで今週は、春キャベツを使い切る一週間にしてみました。",
        "一日目はシンプルに千切りにして、とんかつのつけ合わせに。春キャベツは葉がやわらかいので、生で食べるとほんのり甘みがあります。",
        "二日目と三日目は、ざく切りにして豚肉と炒めた回鍋肉風と、コンソメで煮たスープにしました。スープは芯の部分も薄く切って入れると、とろりとして娘にも好評でした。",
        "残りは塩もみにして、浅漬けにしています。塩昆布と一緒にポリ袋でもむだけなので、忙しい朝でもすぐにできます。",
    ], [
        "最後の一切れは、お好み焼きにたっぷり入れて使い切りました。一玉をむだなく食べきれると、なんだか気持ちがいいですね。",
    ], "塩昆布の浅漬け、さっそく真似してみます。春キャベツの季節は短いので、たくさん食べたいですね。"),
    ("asaichi", "神社の朝市に行ってきました", "おでかけ", (2023, 10, 8), [
        "毎月第二日曜日に、近所の神社で朝市が開かれています。ずっと気になっていたのですが、今朝ようやく行くことができました。",
        "朝七時過ぎに着くと、境内にはもう二十ほどのお店が並んでいました。とれたての野菜や手作りのお菓子、古道具を並べたお店まであって、見ているだけでわくわくします。",
        "農家のおばあちゃんのお店で、泥つきのごぼうと新玉ねぎを買いました。玉ねぎは三つで百円。おまけに、ふきを一束つけてくれました。",
        "甘酒のお店では、紙コップ一杯を二百円で売っていて、冷えた体にじんわりしみました。焼きたてのパンや天然酵母のマフィンはすぐに売り切れていたので、次はもっと早く来ようと思います。",
    ], [
        "帰り道、息子がお店のおじさんにもらった竹とんぼを何度も飛ばしていました。来月の朝市も今から楽しみです。",
    ], "朝市、楽しそうですね。おまけをつけてもらえるのも、朝市ならではのうれしさです。"),
    ("nukadoko", "ぬか床を始めて一か月たちました", "台所しごと", (2024, 1, 20), [
        "ぬか床を始めて、ちょうど一か月がたちました。最初は毎日かき混ぜられるか不安でしたが、朝のコーヒーを入れるついでに混ぜるようにしたら、すっかり習慣になりました。",
        "始めたばかりのころは、キャベツの外葉やにんじんの皮で捨て漬けをして、ぬかに乳酸菌を増やしました。二週間ほどで、ぬかの香りがふっくらとやわらかくなってきました。",
        "今のお気に入りは、きゅうりとみょうがです。きゅうりは半日、みょうがは一日ほど漬けると、ちょうどいい塩かげんになります。",
        "一度、旅行で三日家を空けたときは、ぬか床を冷蔵庫に入れておきました。帰ってきてよく混ぜたら、ちゃんと元に戻ってくれてほっとしました。",
    ], [
        "ぬかが水っぽくなってきたら、足しぬかをして、昆布と唐辛子を少し入れています。育てるような感覚が楽しくて、思っていたよりずっと長続きしそうです。",
    ], "冷蔵庫で休ませてもいいんですね。旅行が多いので始められずにいましたが、勇気が出ました。"),
    ("amenohi-amimono", "雨の日は編み物", "手仕事", (2023, 11, 26), [
        "朝から雨が降り続いていて、外に出る気になれない一日でした。こういう日は、しまいこんでいた毛糸を出してきて、編み物をするに限ります。",
        "今編んでいるのは、娘のための小さなマフラーです。ガーター編みだけのかんたんなものですが、色を三段ごとに変えているので、ボーダー模様になります。",
        "途中で目を落としてしまい、十段ほどほどいて編み直しました。ほどいた毛糸はくるくるになってしまうので、少し湿らせてから巻き直すと、また編みやすくなります。",
        "ラジオを聞きながら手を動かしていると、気がつけば夕方になっていました。雨の音と編み針の音だけが聞こえる時間は、なんだかとても贅沢です。",
    ], [
        "あと半分ほどで完成しそうです。寒くなる前に間に合いそうなので、できあがったらまた写真を載せますね。",
    ], "ボーダーのマフラー、かわいいでしょうね。毛糸を湿らせて巻き直すの、知りませんでした。"),
    ("bara-uekae", "つるバラを地植えにしました", "庭とベランダ", (2024, 2, 11), [
        "庭のつるバラを鉢から地植えにしました。三年前に小さな苗で買ったものが、気がつけば鉢いっぱいに根を張っていて、水やりをしてもすぐに乾いてしまうようになっていたからです。",
        "植え穴は、直径も深さも五十センチくらい掘りました。庭の土は粘土質で水はけが悪いので、腐葉土と堆肥をたっぷり混ぜ込んでいます。",
        "鉢から抜くと、根がぐるぐると回っていました。古い土を三分の一ほど落として、回っていた根を軽くほぐしてから植えつけます。",
        "植えつけたあとは、バケツで二杯分の水をゆっくりあげて、土を落ち着かせました。つるはまだフェンスに届いていないので、しばらくは支柱に誘引しておきます。",
    ], [
        "来年の春に、フェンスいっぱいにピンクの花が咲いてくれたらうれしいです。それまで、虫や病気に気をつけながら見守りたいと思います。",
    ], "地植えにするとぐんと大きくなりますよね。フェンスいっぱいのバラ、春が楽しみです。"),
    ("higaeri-onsen", "母と日帰り温泉へ", "おでかけ", (2023, 12, 3), [
        "母の誕生日に、二人で日帰り温泉へ出かけました。電車とバスを乗り継いで一時間半ほどの、山あいにある小さな温泉です。",
        "平日の昼間だったので、お客さんは数えるほどしかいませんでした。露天風呂からは川の流れがすぐ近くに見えて、母は何度も「いいところだね」と言っていました。",
        "お昼は、温泉の食堂で山菜そばとおこわのセットをいただきました。そばは地元の粉を使った手打ちで、香りがとてもよかったです。",
        "帰りのバスを待つあいだ、足湯につかりながら、母が若いころに父とこの辺りへ旅行に来た話を聞きました。初めて聞く話ばかりで、なんだか新鮮でした。",
    ], [
        "また季節が変わったら、今度は紅葉の時期に来ようねと約束して帰ってきました。",
    ], "お母さまとの温泉旅、すてきですね。親の若いころの話って、聞けるときに聞いておきたいです。"),
    ("reizoko", "月末の冷蔵庫整理と作り置き", "暮らし", (2024, 2, 29), [
        "月末になると、冷蔵庫の中がなんとなくごちゃごちゃしてきます。今日は思い切って中身を全部出して、整理と作り置きをすることにしました。",
        "出してみると、使いかけの調味料が思っていた以上にたくさんありました。同じ種類のドレッシングが三本もあったのには、自分でも笑ってしまいました。",
        "残っていた野菜で、きんぴらごぼう、にんじんのラペ、ひじきの煮物を作りました。どれも冷蔵庫で三、四日はもつので、平日のお弁当にも使えます。",
        "棚には百円ショップの透明なケースを入れて、朝ごはん用、お弁当用、調味料と分けて並べました。どこに何があるか一目でわかるので、家族も探し物をしなくなりそうです。",
    ], [
        "きれいになった冷蔵庫を見ると、それだけで料理をする気持ちがわいてきます。月に一度の習慣にしたいと思います。",
    ], "ドレッシング三本、うちもやってしまいます。透明なケースで分けるの、まねしてみますね。"),
]

BLOG_GREETINGS = ["こんにちは、みどりです。", "こんばんは、みどりです。", "みどりです。今日ものぞいてくださってありがとうございます。",
                  "こんにちは。", "おはようございます、みどりです。"]
BLOG_CLOSINGS = ["今日も最後まで読んでくださって、ありがとうございました。", "それでは、また。", "また次の記事でお会いしましょう。",
                 "みなさんも、どうぞよい週末を。"]
# The same paragraph under every post: paragraph dedup keeps its first copy only.
BLOG_SIGNATURE = ("このブログでは、静岡の海の近くの小さな家での庭仕事と台所仕事のことを、ゆっくり書いています。"
                  "よかったら、また遊びに来てくださいね。")
BLOG_COMMENTERS = [
    ("さくらもち", "いつも楽しく拝見しています。丁寧な暮らしぶりに、わたしも見習わなくてはと思いました。"),
    ("ぽんた", "文章だけでも様子が目に浮かぶようです。続きを楽しみにしています。"),
    ("山の上のはな", "わたしも同じことをやってみたくなりました。コツを書いてくださってありがとうございます。"),
    ("ゆきんこ", "読んでいてほっこりしました。季節を感じる記事、いいですね。"),
    ("たまご焼き係", "うちでも先週まったく同じことを考えていました！参考にさせてもらいます。"),
]
BLOG_PROFILE = ("静岡県の海の近くで、夫と娘と息子の四人で暮らしています。小さな庭で野菜とバラを育てながら、"
                "毎日の台所仕事を記録しています。")

BLOG_CSS = stylesheet("hinata", [".site-header", ".site-title a", ".main-navigation ul", ".main-navigation li a",
                                 ".entry-title", ".entry-meta", ".entry-content p", ".entry-content h2",
                                 ".wp-block-image figcaption", ".share-buttons a", ".author-box", ".comment-list li",
                                 ".comment-respond textarea", ".widget-title", ".widget ul li", ".site-footer",
                                 ".post-navigation a", ".skip-link", ".tags-links a", "body"])


def blog_body(post, r, edited=None):
    slug, title, category, (y, m, d), always, optional, reader = post
    body = [r.choice(BLOG_GREETINGS)]
    picked = always + [p for p in optional if r.random() < 0.75]
    body += picked
    if edited:
        body = [edited.get(p, p) for p in body]
    return body


def blog_page(post, r, sidebar_posts, *, edited=None, extra_note=None, comments=None):
    slug, title, category, (y, m, d), always, optional, reader = post
    post_id = 100 + sum(map(ord, slug)) % 900
    body = blog_body(post, r, edited)
    pieces = []
    for i, p in enumerate(body):
        pieces.append(f"<p>{esc(p)}</p>")
        if i == 2:
            pieces.append(f'<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="768" '
                          f'src="{lqip(r)}" data-src="https://{BLOG_HOST}/wp-content/uploads/{y}/{m:02d}/{slug}-{r.randint(1, 9)}.jpg" alt="" '
                          f'class="lazyload wp-image-{post_id * 3}"/></figure>')
    if extra_note:
        pieces.append(f"<p>{esc(extra_note)}</p>")
    pieces.append(f"<p>{esc(r.choice(BLOG_CLOSINGS))}</p>")
    pieces.append(f"<p>{esc(BLOG_SIGNATURE)}</p>")
    if comments is None:
        comments = r.sample(BLOG_COMMENTERS, r.randint(0, 3))
        if r.random() < 0.8:
            comments.append((r.choice(["かもめ", "ちいさな畑", "ねこ日和", "のんびり母さん"]), reader))
    comment_items = []
    for i, (name, text) in enumerate(comments):
        cm, cd = (m, d + 1) if d < 27 else (m % 12 + 1, 2)
        comment_items.append(
            f'<li id="comment-{post_id * 10 + i}" class="comment"><article class="comment-body">'
            f'<footer class="comment-meta"><b class="fn">{esc(name)}</b> より：<time>{y}年{cm}月{cd}日 {r.randint(7, 23)}:{r.randint(0, 59):02d}</time></footer>'
            f'<div class="comment-content"><p>{esc(text)}</p></div><div class="reply"><a class="comment-reply-link" href="#respond">返信</a></div></article></li>')
        if r.random() < 0.4:
            comment_items.append(f'<li class="comment byuser bypostauthor"><article class="comment-body"><footer class="comment-meta">'
                                 f'<b class="fn">みどり</b> より：</footer><div class="comment-content"><p>'
                                 f'{esc(name)}さん、コメントありがとうございます。とてもうれしいです。</p></div></article></li>')
    recent = links([(f"https://{BLOG_HOST}/{p[3][0]}/{p[3][1]:02d}/{p[3][2]:02d}/{p[0]}/", p[1]) for p in sidebar_posts])
    months = sorted({(p[3][0], p[3][1]) for p in BLOG_POSTS}, reverse=True)
    archive = "\n".join(f'<li><a href="https://{BLOG_HOST}/{yy}/{mm:02d}/">{yy}年{mm}月</a>&nbsp;({sum(1 for p in BLOG_POSTS if p[3][:2] == (yy, mm))})</li>'
                        for yy, mm in months)
    cats = "\n".join(f'<li class="cat-item"><a href="https://{BLOG_HOST}/category/{s}/">{c}</a> ({sum(1 for p in BLOG_POSTS if p[2] == c)})</li>'
                     for c, s in BLOG_CATEGORIES.items())
    url = f"https://{BLOG_HOST}/{y}/{m:02d}/{d:02d}/{slug}/"
    ld = json.dumps({"@context": "https://schema.org", "@type": "BlogPosting", "headline": title,
                     "datePublished": iso(y, m, d, 20, 15), "author": {"@type": "Person", "name": "みどり"}},
                    ensure_ascii=False)
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} | ひなた日和</title>
<meta name="description" content="{esc(body[1][:90])}">
<link rel="canonical" href="{url}">
<meta property="og:locale" content="ja_JP">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(title)}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="ひなた日和">
<meta name="generator" content="WordPress 6.4.3">
<link rel='stylesheet' id='wp-block-library-css' href='https://{BLOG_HOST}/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3' type='text/css' media='all' />
<link rel='stylesheet' id='hinata-style-css' href='https://{BLOG_HOST}/wp-content/themes/hinata/style.css?ver=1.0.2' type='text/css' media='all' />
<style id='global-styles-inline-css' type='text/css'>
{site_chrome(BLOG_HOST)[0]}
</style>
<style id='hinata-inline-css' type='text/css'>
{BLOG_CSS}
</style>
{page_config(BLOG_HOST, r, units=3)}
{inline_runtime(BLOG_HOST, 120)}
<script type="application/ld+json">{ld}</script>
<script async src="https://stats.analytics.test/tag.js?id=HB-20391"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','HB-20391');</script>
</head>
<body class="post-template-default single single-post postid-{post_id} single-format-standard">
{site_chrome(BLOG_HOST)[1]}
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">コンテンツへスキップ</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="https://{BLOG_HOST}/" rel="home">ひなた日和</a></p>
<p class="site-description">小さな庭と台所の記録</p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle" aria-controls="primary-menu">メニュー</button>
<ul id="primary-menu" class="menu">
<li><a href="https://{BLOG_HOST}/">ホーム</a></li>
{links([(f"https://{BLOG_HOST}/category/{s}/", c) for c, s in list(BLOG_CATEGORIES.items())[:4]])}
<li><a href="https://{BLOG_HOST}/about/">プロフィール</a></li>
<li><a href="https://{BLOG_HOST}/contact/">お問い合わせ</a></li>
</ul></nav>
</header>
<div id="content" class="site-content">
<main id="primary" class="site-main">
<article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard hentry category-{BLOG_CATEGORIES[category]}">
<header class="entry-header">
<h1 class="entry-title">{esc(title)}</h1>
<div class="entry-meta"><span class="posted-on">投稿日：<time class="entry-date published" datetime="{iso(y, m, d, 20, 15)}">{jp_date(y, m, d)}</time></span>
<span class="cat-links">カテゴリー：<a href="https://{BLOG_HOST}/category/{BLOG_CATEGORIES[category]}/" rel="category tag">{category}</a></span></div>
</header>
<div class="entry-content">
{chr(10).join(pieces)}
</div>
<footer class="entry-footer"><span class="tags-links">タグ：<a href="https://{BLOG_HOST}/tag/{slug}/" rel="tag">{category}</a>、<a href="https://{BLOG_HOST}/tag/kurashi/" rel="tag">暮らし</a></span></footer>
<div class="share-buttons"><span class="share-title">この記事をシェアする</span>
<a class="share-x" href="https://x.test/intent/post?url={url}">ポスト</a>
<a class="share-fb" href="https://facebook.test/sharer.php?u={url}">シェア</a>
<a class="share-hatena" href="https://b.hatena.test/entry/{url}">はてブ</a>
<a class="share-line" href="https://line.test/share?url={url}">LINEで送る</a></div>
<div class="author-box"><img src="{lqip(r, 400)}" data-src="https://{BLOG_HOST}/wp-content/uploads/profile.png" alt="みどり" width="80" height="80">
<p class="author-name">この記事を書いた人：みどり</p><p class="author-bio">{BLOG_PROFILE}</p></div>
</article>
<nav class="navigation post-navigation" aria-label="投稿"><div class="nav-links">
<div class="nav-previous"><a href="https://{BLOG_HOST}/{sidebar_posts[0][3][0]}/{sidebar_posts[0][3][1]:02d}/{sidebar_posts[0][3][2]:02d}/{sidebar_posts[0][0]}/" rel="prev">前の記事：{esc(sidebar_posts[0][1])}</a></div>
<div class="nav-next"><a href="https://{BLOG_HOST}/{sidebar_posts[1][3][0]}/{sidebar_posts[1][3][1]:02d}/{sidebar_posts[1][3][2]:02d}/{sidebar_posts[1][0]}/" rel="next">次の記事：{esc(sidebar_posts[1][1])}</a></div>
</div></nav>
<div id="comments" class="comments-area">
{f'<h2 class="comments-title">「{esc(title)}」への{len(comments)}件のコメント</h2>' if comments else ''}
<ol class="comment-list">
{chr(10).join(comment_items)}
</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">コメントを残す</h3>
<form action="https://{BLOG_HOST}/wp-comments-post.php" method="post" id="commentform" class="comment-form">
<p class="comment-notes">メールアドレスが公開されることはありません。<span class="required">*</span> が付いている欄は必須項目です</p>
<p class="comment-form-comment"><label for="comment">コメント</label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
<p class="comment-form-author"><label for="author">名前 *</label><input id="author" name="author" type="text" size="30" required></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="コメントを送信"></p>
</form></div>
</div>
</main>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="https://{BLOG_HOST}/"><input type="search" class="search-field" placeholder="検索&hellip;" name="s"></form></section>
<section id="profile-2" class="widget widget_profile"><h2 class="widget-title">プロフィール</h2><p>{BLOG_PROFILE}</p></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">最近の投稿</h2><ul>
{recent}
</ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">アーカイブ</h2><ul>
{archive}
</ul></section>
<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">カテゴリー</h2><ul>
{cats}
</ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; 2024 ひなた日和<span class="sep"> | </span>Proudly powered by WordPress</div>
<a class="privacy-policy-link" href="https://{BLOG_HOST}/privacy-policy/">プライバシーポリシー</a></footer>
</div>
<script src="https://{BLOG_HOST}/wp-content/themes/hinata/js/navigation.js?ver=1.0.2" id="hinata-navigation-js"></script>
</body>
</html>
"""


def blog_captures():
    out = []
    by_slug = {}
    for post in BLOG_POSTS:
        r = random.Random(f"blog:{post[0]}")
        others = [p for p in BLOG_POSTS if p is not post]
        sidebar = r.sample(others, 5)
        page = blog_page(post, random.Random(f"blog:{post[0]}"), sidebar)
        url = f"https://{BLOG_HOST}/{post[3][0]}/{post[3][1]:02d}/{post[3][2]:02d}/{post[0]}/"
        c = Capture(url, page.encode("utf-8"), kind="ja blog post", lang="ja", group="ja-blog")
        out.append(c)
        by_slug[post[0]] = (c, post, sidebar)
    # The blog's top page: a list of excerpts, each a link.
    items = []
    for post in sorted(BLOG_POSTS, key=lambda p: p[3], reverse=True)[:6]:
        y, m, d = post[3]
        items.append(f'<article class="post-excerpt"><h2 class="entry-title"><a href="https://{BLOG_HOST}/{y}/{m:02d}/{d:02d}/{post[0]}/">{esc(post[1])}</a></h2>'
                     f'<div class="entry-meta"><time>{jp_date(y, m, d)}</time></div><div class="entry-summary"><p>{esc(post[4][0][:70])}&hellip;</p></div>'
                     f'<a class="more-link" href="https://{BLOG_HOST}/{y}/{m:02d}/{d:02d}/{post[0]}/">続きを読む</a></article>')
    top = (f'<!DOCTYPE html>\n<html lang="ja"><head><meta charset="UTF-8"><title>ひなた日和 | 小さな庭と台所の記録</title>\n'
           f"<style>{BLOG_CSS}</style></head>\n<body class=\"home blog\"><header class=\"site-header\"><p class=\"site-title\">ひなた日和</p>"
           f'<p class="site-description">小さな庭と台所の記録</p></header>\n<main id="primary" class="site-main">\n' + "\n".join(items) +
           f'\n<nav class="pagination"><span class="current">1</span> <a href="https://{BLOG_HOST}/page/2/">2</a> <a href="https://{BLOG_HOST}/page/3/">3</a> <a class="next" href="https://{BLOG_HOST}/page/2/">次へ</a></nav>\n</main>\n'
           f'<aside class="widget-area"><section class="widget"><h2 class="widget-title">プロフィール</h2><p>{BLOG_PROFILE}</p></section></aside>\n'
           f'<footer class="site-footer">&copy; 2024 ひなた日和</footer></body></html>\n')
    out.append(Capture(f"https://{BLOG_HOST}/", top.encode("utf-8"), kind="ja blog top page (excerpts)", lang="ja", group="ja-blog"))
    r = random.Random("blog:category:kitchen")
    kitchen = [p for p in BLOG_POSTS if p[2] == "台所しごと"]
    items = "\n".join(
        f'<article class="post-excerpt"><h2 class="entry-title"><a href="https://{BLOG_HOST}/{p[3][0]}/{p[3][1]:02d}/{p[3][2]:02d}/{p[0]}/">{esc(p[1])}</a></h2>'
        f'<figure><img src="{lqip(r, 900)}" alt=""></figure><div class="entry-meta"><time>{jp_date(*p[3])}</time></div>'
        f'<div class="entry-summary"><p>{esc(p[4][0])}</p><p>{esc(p[4][1])}</p></div>'
        f'<a class="more-link" href="https://{BLOG_HOST}/{p[3][0]}/{p[3][1]:02d}/{p[3][2]:02d}/{p[0]}/">続きを読む</a></article>' for p in kitchen)
    page = (f'<!DOCTYPE html>\n<html lang="ja"><head><meta charset="UTF-8"><title>台所しごと | ひなた日和</title>\n'
            f"<style id='global-styles-inline-css'>{site_chrome(BLOG_HOST)[0]}</style>\n<style>{BLOG_CSS}</style>\n{inline_runtime(BLOG_HOST, 120)}\n</head>\n"
            f'<body class="archive category"><header class="site-header"><p class="site-title"><a href="https://{BLOG_HOST}/">ひなた日和</a></p></header>\n'
            f'<main id="primary" class="site-main"><header class="page-header"><h1 class="page-title">カテゴリー: 台所しごと</h1></header>\n{items}\n</main>\n'
            f'<aside class="widget-area"><section class="widget"><h2 class="widget-title">プロフィール</h2><p>{BLOG_PROFILE}</p></section></aside>\n'
            f'<footer class="site-footer">&copy; 2024 ひなた日和</footer></body></html>\n')
    out.append(Capture(f"https://{BLOG_HOST}/category/kitchen/", page.encode("utf-8"), kind="ja blog category page (excerpts)", lang="ja", group="ja-blog"))
    return out, by_slug


# ---------------------------------------------------------------------------------------------------------------
# Japanese: a regional newspaper, しおかぜ新聞デジタル, and a portal that carries its articles
# ---------------------------------------------------------------------------------------------------------------

NEWS_HOST = "www.shiokaze-np.jp"
server(NEWS_HOST, ("Server", "Apache"), ("Cache-Control", "max-age=300"), ("X-Frame-Options", "SAMEORIGIN"),
       ("Vary", "Accept-Encoding,User-Agent"), ("Set-Cookie", "sknp_uid=a81f3c; Path=/; Max-Age=31536000; SameSite=Lax"))

# (id, section, date, time, title, lead, body paragraphs, photo caption)
NEWS_ARTICLES = [
    ("20240212-0031", "くらし", (2024, 2, 12), "17:40", "潮見市立水族館、昨年度の来館者が過去最多に　新設の深海コーナーが人気",
     "潮見市立水族館は十二日、昨年度の来館者数が約四十八万人となり、一九九二年の開館以来最多を更新したと発表した。昨年七月に新設した深海生物のコーナーが話題となり、県外からの来館者も増えたという。", [
         "水族館によると、昨年度の来館者数は前年度より約九万人多かった。夏休み期間中は一日の来館者が五千人を超える日もあり、駐車場の待ち時間が一時間近くになったこともあった。",
         "深海コーナーでは、地元の漁港で網にかかったオオグソクムシやタカアシガニなど約三十種を展示している。水温を四度前後に保つ特別な水槽を使い、暗い館内で生き物の姿が浮かび上がるように照明を工夫した。",
         "館長は「漁業者の協力があって初めてできた展示。地元の海の奥深さを知ってもらえたのがうれしい」と話した。今年度は、深海魚の飼育の様子を紹介する見学ツアーも始める予定だ。",
         "一方で、混雑への対策が課題となっている。水族館は今年の夏休みから、土日と祝日に限って入館の時間帯を予約できる仕組みを試験的に導入する。",
     ], "深海コーナーの水槽をのぞき込む親子連れ＝潮見市立水族館で"),
    ("20240220-0012", "経済", (2024, 2, 20), "12:05", "潮見港に大型クルーズ船が初寄港　乗客ら朝市や城跡めぐり楽しむ",
     "乗客と乗員合わせて約三千人を乗せた大型クルーズ船が二十日、潮見港に初めて寄港した。岸壁では地元の中学生による吹奏楽や太鼓の演奏で歓迎し、乗客は市内の観光に出かけた。", [
         "船は全長約二百九十メートルで、潮見港にこれまで入った船の中で最も大きい。港の岸壁が短いため、市は昨年度、船をつなぐための設備を新たに整えた。",
         "乗客の多くは、市が用意したシャトルバスで中心街へ向かった。港に近い朝市では、干物やみかんを買い求める姿が見られ、城跡をめぐる無料のガイドツアーにも多くの人が参加した。",
         "夫婦で参加したという東京都の七十代の男性は「海から見た町並みがとてもきれいだった。干物がおいしかったので、家族にも送りたい」と笑顔で話した。",
         "市は今年、このほかに四隻の寄港を見込んでいる。市の担当者は「今回の経験を生かし、案内の看板を増やすなど受け入れ態勢を整えたい」としている。",
     ], "潮見港に接岸した大型クルーズ船"),
    ("20240215-0044", "教育", (2024, 2, 15), "19:20", "小学生がロボットを動かす　地元IT企業が出前授業",
     "潮見市立みなと小学校で十五日、地元のIT企業の社員が講師となり、六年生約六十人にプログラミングの出前授業を行った。", [
         "児童は三、四人のグループに分かれ、タブレット端末で命令を組み合わせて、小さな車輪つきのロボットを動かした。机の上に作ったコースを、壁にぶつからずに一周させるのが課題だ。",
         "最初はロボットが途中で止まったり、逆の方向に進んだりして、あちこちから笑い声が上がった。何度も命令を直すうちに、最後にはほとんどのグループがゴールにたどり着いた。",
         "講師を務めた社員は「うまくいかないところを自分で見つけて直すのが、プログラミングの一番面白いところ。失敗を楽しんでほしい」と話した。",
         "授業を受けた女子児童は「思った通りに動いたときはうれしかった。家でももっとやってみたい」と話していた。",
     ], "タブレット端末でロボットを動かす児童たち"),
    ("20240226-0008", "社会", (2024, 2, 26), "10:30", "県道潮見山線、トンネル補修で来月から夜間通行止め",
     "県は、県道潮見山線の潮見トンネルで、老朽化に伴う補修工事を来月一日から始めると発表した。工事期間中は、午後八時から翌朝六時まで全面通行止めとなる。", [
         "潮見トンネルは一九七八年に完成し、長さは約六百メートル。昨年の点検で、内側のコンクリートにひび割れが複数見つかったため、はがれ落ちを防ぐ補強を行う。",
         "通行止めの間は、海沿いの市道を通る迂回路を案内する。迂回路を通ると、通常より十分ほど余計にかかる見込みだという。",
         "工事は十月末までの予定。県の道路課は「ご不便をおかけするが、安全のために必要な工事なので理解してほしい」と話している。",
     ], "補修工事が行われる潮見トンネルの入り口"),
    ("20240321-0019", "経済", (2024, 3, 21), "15:10", "しらす漁が解禁　初日は上々の水揚げ、漁港に活気",
     "潮見沖でしらす漁が二十一日に解禁され、初日は約一・二トンの水揚げがあった。漁港では朝早くから釜ゆでの湯気が立ち上り、にぎわいを見せた。", [
         "漁協によると、初日の水揚げは昨年の初日の約二倍で、型もよいという。漁船は午前五時ごろに出港し、二隻一組で網を引いた。",
         "水揚げされたしらすは、すぐに港の加工場で釜ゆでにされ、昼前には直売所に並んだ。開店を待つ客の列は五十メートルほどにもなった。",
         "漁協の組合長は「今年は水温がちょうどよく、滑り出しは順調。新鮮なしらすをたくさんの人に味わってほしい」と話した。漁は十二月末まで続く。",
     ], "水揚げされたしらすを運ぶ漁業者"),
    ("20240118-0027", "くらし", (2024, 1, 18), "18:00", "電気の使い方で高齢者を見守り　潮見市が新サービス",
     "潮見市は、一人暮らしの高齢者の自宅の電力使用量から異変を察知し、家族に知らせる見守りサービスを来月から始める。", [
         "自宅に設置されたスマートメーターのデータを使い、電気がいつもと違う使われ方をしたときに、登録した家族の携帯電話へメールで知らせる仕組みだ。カメラやセンサーを取り付ける必要がないため、本人の負担が少ないという。",
         "たとえば、朝になっても電気がまったく使われていない場合や、夜中に長い時間電気がつけっぱなしになっている場合に通知が届く。",
         "利用料は月額五百円で、市が半額を補助する。市の担当者は「離れて暮らす家族の安心につなげたい」と話している。申し込みは市役所の高齢福祉課で受け付けている。",
     ], ""),
    ("20240310-0003", "スポーツ", (2024, 3, 10), "16:45", "潮見シーサイドマラソン、過去最多の八千人が力走",
     "第二十回潮見シーサイドマラソンが十日、市内で開かれ、過去最多となる約八千人のランナーが海沿いのコースを駆け抜けた。", [
         "大会はフルマラソンと十キロ、親子で走る二キロの三部門で行われた。沿道には多くの市民が集まり、ランナーに声援を送ったほか、地元の高校生が給水所でボランティアを務めた。",
         "フルマラソン男子は、市内在住の会社員が二時間二十八分で初優勝した。「最後の五キロは向かい風で苦しかったが、沿道の声に背中を押してもらった」と話した。",
         "給水所では、名物のみかんやしらすのおにぎりが配られ、ランナーに人気を集めていた。",
     ], "海沿いのコースを走るランナーたち"),
    ("20240129-0015", "社会", (2024, 1, 29), "20:10", "駅前の老舗書店、七十年の歴史に幕　「町の本屋」惜しむ声",
     "潮見駅前で七十年以上営業してきた汐見堂書店が、今月末で閉店する。店主の高齢化に加え、売り上げの落ち込みが続いていたという。", [
         "同店は一九五一年に創業し、現在の店主は三代目。地元の小学校や中学校の教科書も扱い、多くの市民が子どものころから通ってきた。",
         "閉店を知らせる貼り紙が出てからは、思い出を語りに訪れる客が後を絶たない。店の一角には、客が書き残したメッセージカードが百枚以上貼られている。",
         "店主は「長い間、本当にありがとうございました。本を通して町の皆さんとつながれたことが何よりの財産です」と話した。",
     ], "閉店を前に、客のメッセージカードが貼られた店内"),
    ("20240304-0022", "くらし", (2024, 3, 4), "11:25", "白浜海岸の清掃に二百人、プラスチックごみ三百キロ回収",
     "潮見市の白浜海岸で三日、市民ボランティアによる清掃活動が行われ、約二百人が参加して約三百キロのごみを集めた。", [
         "集まったごみの多くは、ペットボトルや食品の包装などのプラスチックごみだった。漁網の切れ端や、外国語が書かれた容器も見つかった。",
         "参加した中学生は「砂の中から小さなプラスチックのかけらがたくさん出てきて驚いた。ごみを捨てないように気をつけたい」と話した。",
         "主催した市民団体は、年に四回の清掃活動を続けている。代表の女性は「一人ひとりが海のことを考えるきっかけになれば」と話していた。",
     ], "砂浜でごみを拾う参加者"),
    ("20240319-0006", "政治", (2024, 3, 19), "13:50", "子ども医療費の無料化、高校生まで拡大へ　潮見市議会が可決",
     "潮見市議会は十九日の本会議で、子どもの医療費の無料化の対象を、現在の中学生から高校生の年代まで広げる条例の改正案を賛成多数で可決した。十月から実施する。", [
         "これまでは中学三年生までが対象だったが、改正により十八歳になって最初の三月三十一日までの子どもが対象となる。市内では約三千人が新たに対象になる見込みだ。",
         "必要な費用は年間約一億二千万円と見込まれ、市はふるさと納税の寄付金などを充てる方針だ。",
         "採決では、財源の見通しが不十分だとして一部の議員が反対した。市長は「子育て世代が住み続けたいと思える町にしたい」と話した。",
     ], ""),
]
NEWS_SECTIONS = {"社会": "society", "経済": "economy", "くらし": "life", "教育": "education", "スポーツ": "sports", "政治": "politics"}
NEWS_SITEMAP = "\n".join(
    f'<dl><dt><a href="/news/{slug}/">{name}</a></dt>' + "".join(f'<dd><a href="/news/{slug}/{sub}/">{label}</a></dd>' for sub, label in subs) + "</dl>"
    for (name, slug), subs in zip(list({"社会": "society", "経済": "economy", "くらし": "life", "教育": "education", "スポーツ": "sports", "政治": "politics"}.items()), [
        [("jiken", "事件・事故"), ("saigai", "災害"), ("kotsu", "交通"), ("kankyo", "環境"), ("iryo", "医療"), ("fukushi", "福祉")],
        [("kigyo", "企業"), ("gyogyo", "漁業"), ("nogyo", "農業"), ("kanko", "観光"), ("shogyo", "商業"), ("koyo", "雇用")],
        [("gourmet", "グルメ"), ("event", "イベント"), ("kenko", "健康"), ("kosodate", "子育て"), ("sumai", "住まい"), ("okuyami", "おくやみ")],
        [("gakko", "学校"), ("nyushi", "入試"), ("bunka", "文化"), ("rekishi", "歴史"), ("kyoiku-iinkai", "教育委員会")],
        [("yakyu", "野球"), ("soccer", "サッカー"), ("rikujo", "陸上"), ("koko", "高校スポーツ"), ("marathon", "マラソン")],
        [("shigikai", "市議会"), ("kenkai", "県議会"), ("senkyo", "選挙"), ("gyosei", "行政")]]))
NEWS_CSS = stylesheet("shiokaze", [".cookie-notice", ".site-header", ".global-nav a", ".breadcrumb", ".article h1",
                                   ".article-lead", ".article-body p", ".article-photo figcaption", ".article-meta",
                                   ".sns-share a", ".related-news li", ".ranking ol li", ".ad-slot", ".site-footer",
                                   ".paywall-note", "body"])


def news_url(article):
    return f"https://{NEWS_HOST}/news/{NEWS_SECTIONS[article[1]]}/{article[0]}.html"


def news_page(article, r, *, updated=None, edits=None):
    aid, section, (y, m, d), hm, title, lead, body, caption = article
    if edits:
        body = [edits.get(p, p) for p in body]
        lead = edits.get(lead, lead)
    others = [a for a in NEWS_ARTICLES if a is not article]
    related = r.sample(others, 4)
    ranking = r.sample(others, 5)
    time_line = f'<time datetime="{y}-{m:02d}-{d:02d}T{hm}">{y}年{m}月{d}日 {hm.replace(":", "時")}分</time>'
    if updated:
        time_line += f' <span class="article-meta__updated">（{updated} 更新）</span>'
    photo = (f'<figure class="article-photo"><img src="{lqip(r, 1800)}" data-src="https://img.{NEWS_HOST[4:]}/news/{aid}/01.jpg" alt="" width="640" height="427">'
             f'<figcaption>{esc(caption)}</figcaption></figure>') if caption else ""
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>{esc(title)}｜しおかぜ新聞デジタル</title>
<meta name="description" content="{esc(lead[:100])}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="canonical" href="{news_url(article)}">
<meta property="og:title" content="{esc(title)}">
<meta property="og:image" content="https://img.{NEWS_HOST[4:]}/news/{aid}/ogp.jpg">
<meta name="twitter:card" content="summary_large_image">
<link rel="stylesheet" href="/common/css/article.css?v=20240105">
<style>{site_chrome(NEWS_HOST)[0]}
{NEWS_CSS}</style>
{page_config(NEWS_HOST, r, units=14)}
{inline_runtime(NEWS_HOST, 360)}
<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": f"{y}-{m:02d}-{d:02d}T{hm}:00+09:00", "publisher": {"@type": "Organization", "name": "しおかぜ新聞社"}}, ensure_ascii=False)}</script>
<script async src="https://ads.adnet.test/gpt.js"></script>
<script>var adSlots=adSlots||[];adSlots.push({{id:"rect-1",size:[300,250],section:"{NEWS_SECTIONS[section]}"}});</script>
</head>
<body class="page-article section-{NEWS_SECTIONS[section]}">
{site_chrome(NEWS_HOST)[1]}
<div id="cookie-consent" class="cookie-notice" role="dialog">
<p>当サイトでは、利便性の向上や広告配信のためにクッキーを使用しています。サイトの閲覧を続けることで、クッキーの使用に同意したものとみなします。</p>
<button type="button" class="cookie-notice__ok">同意する</button> <a href="/policy/cookie.html">詳細</a>
</div>
<header class="site-header">
<div class="site-header__logo"><a href="/"><img src="/common/img/logo.svg" alt="しおかぜ新聞デジタル" width="220" height="40"></a></div>
<div class="site-header__date">{y}年{m}月{d}日</div>
<nav class="global-nav"><ul>
<li><a href="/">トップ</a></li>
{links([(f"/news/{s}/", n) for n, s in NEWS_SECTIONS.items()])}
<li><a href="/weather/">天気</a></li><li><a href="/obituary/">おくやみ</a></li>
</ul></nav>
<div class="site-header__member"><a href="/member/login/">ログイン</a> <a href="/member/register/">会員登録</a></div>
</header>
<div class="breadcrumb"><a href="/">ホーム</a> &gt; <a href="/news/">ニュース</a> &gt; <a href="/news/{NEWS_SECTIONS[section]}/">{section}</a></div>
<div class="l-container">
<main class="l-main">
<article class="article">
<h1>{esc(title)}</h1>
<div class="article-meta">{time_line} <span class="article-meta__section">{section}</span></div>
<div class="sns-share sns-share--top"><a class="sns-share__x" href="https://x.test/share?url={news_url(article)}">X</a> <a class="sns-share__fb" href="https://facebook.test/share">Facebook</a> <a class="sns-share__line" href="https://line.test/share">LINE</a> <a class="sns-share__mail" href="mailto:?subject={esc(title)}">メール</a></div>
{photo}
<div class="article-body">
<p class="article-lead">{esc(lead)}</p>
{paras([esc(p) for p in body])}
</div>
<p class="article-credit">（しおかぜ新聞社　報道部）</p>
<div class="sns-share sns-share--bottom"><span>この記事をシェアする</span> <a class="sns-share__x" href="https://x.test/share">X</a> <a class="sns-share__fb" href="https://facebook.test/share">Facebook</a> <a class="sns-share__line" href="https://line.test/share">LINE</a></div>
</article>
<div class="ad-slot" id="rect-1">広告</div>
<section class="related-news"><h2>関連記事</h2><ul>
{chr(10).join(f'<li><a href="{news_url(a)}"><img src="{lqip(r, 380)}" alt="" width="120" height="80">{esc(a[4])}</a></li>' for a in related)}
</ul></section>
</main>
<aside class="l-side">
<section class="ranking"><h2>アクセスランキング</h2><ol>
{chr(10).join(f'<li><a href="{news_url(a)}"><img src="{lqip(r, 350)}" alt="" width="80" height="60">{esc(a[4])}</a></li>' for a in ranking)}
</ol></section>
<section class="paper-info"><h2>紙面のご案内</h2><p>しおかぜ新聞は潮見市と周辺の町の話題を毎朝お届けしています。購読のお申し込みは販売店まで。</p></section>
</aside>
</div>
<footer class="site-footer">
<div class="site-footer__sitemap">{NEWS_SITEMAP}</div>
<ul class="site-footer__links"><li><a href="/company/">会社案内</a></li><li><a href="/policy/">個人情報保護方針</a></li><li><a href="/contact/">お問い合わせ</a></li><li><a href="/ad/">広告掲載</a></li></ul>
<p>しおかぜ新聞デジタルに掲載の記事・写真の無断転載を禁じます。</p>
<p class="copyright">Copyright &copy; The Shiokaze Shimbun. All rights reserved.</p>
</footer>
<script src="/common/js/article.js?v=20240105"></script>
</body>
</html>
"""


PORTAL_HOST = "news.hiroba-portal.jp"
server(PORTAL_HOST, ("Server", "nginx"), ("Cache-Control", "private, max-age=0"), ("X-Content-Type-Options", "nosniff"),
       ("Vary", "Accept-Encoding"))


def portal_page(article, r, *, comment_count):
    """The same article as a news portal carries it: its own template, the source's credit, readers' reactions."""
    aid, section, (y, m, d), hm, title, lead, body, caption = article
    key = hashlib.sha1(aid.encode()).hexdigest()[:12]
    pick = [a for a in NEWS_ARTICLES if a is not article]
    return f"""<!doctype html>
<html lang="ja"><head><meta charset="utf-8">
<title>{esc(title)}（しおかぜ新聞） - ひろばニュース</title>
<meta name="viewport" content="width=device-width">
<link rel="canonical" href="https://{PORTAL_HOST}/articles/{key}">
<link rel="stylesheet" href="https://s.hiroba-portal.jp/news/css/main.4e1b2c.css">
<style>{site_chrome(PORTAL_HOST)[0]}</style>
{page_config(PORTAL_HOST, r, units=10)}
{inline_runtime(PORTAL_HOST, 300)}
</head>
<body>
<div id="root">
<header class="hd"><a class="hd__logo" href="https://{PORTAL_HOST}/">ひろばニュース</a>
<nav class="hd__nav"><a href="/topics/domestic">国内</a> <a href="/topics/local">地域</a> <a href="/topics/business">経済</a> <a href="/topics/entertainment">エンタメ</a> <a href="/topics/sports">スポーツ</a></nav></header>
<div class="contents">
<main class="contents__main">
<article class="article-detail">
<header class="article-detail__head"><h1>{esc(title)}</h1>
<p class="article-detail__source"><a href="https://{PORTAL_HOST}/media/shiokaze">しおかぜ新聞</a> {m}/{d}({"月火水木金土日"[datetime.date(y, m, d).weekday()]}) {hm} 配信</p></header>
<div class="article-detail__thumb"><img src="{lqip(r, 1600)}" alt="" width="640" height="360"></div>
<div class="article-detail__body">
<p>{esc(lead)}</p>
{paras([esc(p) for p in body])}
</div>
<p class="article-detail__copyright">【関連記事】しおかぜ新聞デジタルで地域のニュースをもっと読む</p>
<p class="article-detail__media">最終更新：{m}/{d}({"月火水木金土日"[datetime.date(y, m, d).weekday()]}) {hm}　しおかぜ新聞</p>
</article>
<section class="reaction"><h2>コメント{comment_count}件</h2><a href="/articles/{key}/comments">コメントを見る</a></section>
<section class="recommend"><h2>あわせて読みたい</h2><ul>
{links([(f"/articles/{hashlib.sha1(a[0].encode()).hexdigest()[:12]}", a[4]) for a in r.sample(pick, 3)])}
</ul></section>
</main>
<aside class="contents__side"><section class="ranking"><h2>地域 アクセスランキング</h2><ol>
{links([(f"/articles/{hashlib.sha1(a[0].encode()).hexdigest()[:12]}", a[4]) for a in r.sample(pick, 5)])}
</ol></section></aside>
</div>
<footer class="ft"><p>&copy; Hiroba Portal Corporation</p></footer>
</div>
</body></html>
"""


def news_index_page(title, articles, r, path):
    """A section page: each article's headline, thumbnail and lead, as the site lists them."""
    items = "\n".join(f'<li class="news-list__item"><a href="{news_url(a)}"><img src="{lqip(r, 380)}" alt="" width="160" height="107">'
                      f'<h3>{esc(a[4])}</h3></a><p class="news-list__lead">{esc(a[5])}</p><time>{a[2][1]}月{a[2][2]}日</time></li>' for a in articles)
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>{esc(title)}｜しおかぜ新聞デジタル</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="canonical" href="https://{NEWS_HOST}{path}">
<style>{site_chrome(NEWS_HOST)[0]}
{NEWS_CSS}</style>
{page_config(NEWS_HOST, r, units=14)}
{inline_runtime(NEWS_HOST, 360)}
</head>
<body class="page-list">
{site_chrome(NEWS_HOST)[1]}
<header class="site-header">
<div class="site-header__logo"><a href="/"><img src="/common/img/logo.svg" alt="しおかぜ新聞デジタル" width="220" height="40"></a></div>
<nav class="global-nav"><ul>
<li><a href="/">トップ</a></li>
{links([(f"/news/{s}/", n) for n, s in NEWS_SECTIONS.items()])}
</ul></nav>
</header>
<main class="l-main">
<h1 class="page-title">{esc(title)}</h1>
<ul class="news-list">
{items}
</ul>
<nav class="pager"><a class="pager__next" href="{path}?page=2">次のページ</a></nav>
</main>
<footer class="site-footer">
<div class="site-footer__sitemap">{NEWS_SITEMAP}</div>
<p>しおかぜ新聞デジタルに掲載の記事・写真の無断転載を禁じます。</p>
<p class="copyright">Copyright &copy; The Shiokaze Shimbun. All rights reserved.</p>
</footer>
</body>
</html>
"""


def news_captures():
    out, by_id = [], {}
    for article in NEWS_ARTICLES:
        c = Capture(news_url(article), news_page(article, random.Random(f"news:{article[0]}")).encode("utf-8"),
                    "text/html; charset=utf-8", kind="ja news article", lang="ja", group="ja-news")
        out.append(c)
        by_id[article[0]] = (c, article)
    newest = sorted(NEWS_ARTICLES, key=lambda a: (a[2], a[3]), reverse=True)
    out.append(Capture(f"https://{NEWS_HOST}/", news_index_page("しおかぜ新聞デジタル　潮見市と周辺のニュース", newest[:8],
                                                                  random.Random("news:top"), "/").encode("utf-8"),
                       "text/html; charset=utf-8", kind="ja news index page (headlines and leads)", lang="ja", group="ja-news"))
    for name in ("くらし", "社会"):
        slug = NEWS_SECTIONS[name]
        out.append(Capture(f"https://{NEWS_HOST}/news/{slug}/", news_index_page(f"{name}のニュース一覧", [a for a in newest if a[1] == name],
                                                                                 random.Random(f"news:{slug}"), f"/news/{slug}/").encode("utf-8"),
                           "text/html; charset=utf-8", kind="ja news index page (headlines and leads)", lang="ja", group="ja-news"))
    return out, by_id


# ---------------------------------------------------------------------------------------------------------------
# Japanese: a woodworking shop, 木工房こもれび (product pages share a template and much of their copy)
# ---------------------------------------------------------------------------------------------------------------

SHOP_HOST = "komorebi-kobo.jp"
server(SHOP_HOST, ("Server", "nginx"), ("X-Powered-By", "PHP/7.4.33"), ("Set-Cookie", "cartsid=4f2a; path=/; HttpOnly"),
       ("Cache-Control", "no-store, no-cache, must-revalidate"), ("Pragma", "no-cache"))

SHOP_CARE = ("ご使用後は、やわらかいスポンジと中性洗剤で洗い、水けをよくふき取ってから風通しのよい場所で乾かしてください。"
             "食器洗い乾燥機や電子レンジ、オーブンではお使いいただけません。")
SHOP_WOOD = ("天然の木を使っているため、木目や色合いは一点ずつ異なります。また、節や小さな割れ止めの跡が見られることがありますが、"
             "品質には問題ございません。あらかじめご了承ください。")
SHOP_SHIPPING = ("ご注文から三営業日以内に発送いたします。一点ずつ手作りしているため、在庫がない場合はお届けまでに二、三週間ほど"
                 "お時間をいただくことがございます。")
# (code, name, price, paragraphs, spec rows)
SHOP_PRODUCTS = [
    ("mamezara-s", "山桜の豆皿（小）", 1980, [
        "山桜の木を一枚ずつろくろでひいて仕上げた、手のひらにのる小さなお皿です。しょうゆ皿や薬味皿として、またお茶うけの和菓子をのせるのにもちょうどよい大きさです。",
        "山桜はきめが細かく、使ううちにあめ色へと深みを増していきます。木目の出方は一枚ごとに異なりますので、世界にひとつだけの表情をお楽しみください。",
    ], [("サイズ", "直径約9cm×高さ1.5cm"), ("重さ", "約25g"), ("素材", "山桜"), ("仕上げ", "ウレタン塗装")]),
    ("mamezara-l", "山桜の豆皿（大）", 2640, [
        "山桜の木を一枚ずつろくろでひいて仕上げた、少し大きめのお皿です。取り皿やケーキ皿として、またお茶うけの和菓子をのせるのにもちょうどよい大きさです。",
        "山桜はきめが細かく、使ううちにあめ色へと深みを増していきます。木目の出方は一枚ごとに異なりますので、世界にひとつだけの表情をお楽しみください。",
    ], [("サイズ", "直径約12cm×高さ1.8cm"), ("重さ", "約45g"), ("素材", "山桜"), ("仕上げ", "ウレタン塗装")]),
    ("kuri-spoon-l", "栗の木のスプーン（大）", 2200, [
        "栗の木から一本ずつ手彫りで削り出したスプーンです。口当たりがやわらかく、スープやカレー、ヨーグルトなど毎日の食卓で気軽にお使いいただけます。",
        "栗は水に強く、しなやかで割れにくい木です。持ち手はにぎりやすいよう、少しだけ平たく削っています。",
    ], [("サイズ", "長さ約18cm×幅4cm"), ("重さ", "約15g"), ("素材", "栗"), ("仕上げ", "えごま油")]),
    ("kuri-spoon-s", "栗の木のスプーン（小）", 1760, [
        "栗の木から一本ずつ手彫りで削り出した、小さめのスプーンです。口当たりがやわらかく、デザートやヨーグルト、お子さまの食事などに気軽にお使いいただけます。",
        "栗は水に強く、しなやかで割れにくい木です。持ち手はにぎりやすいよう、少しだけ平たく削っています。",
    ], [("サイズ", "長さ約14cm×幅3cm"), ("重さ", "約9g"), ("素材", "栗"), ("仕上げ", "えごま油")]),
    ("butter-knife", "ウォールナットのバターナイフ", 2420, [
        "かたいバターもすっとすくえるよう、刃先を薄く仕上げたバターナイフです。ジャムやクリームチーズを塗るのにも便利です。",
        "ウォールナットは落ち着いたこげ茶色が特徴で、使い込むほどにつやが増していきます。パンの朝ごはんが少し楽しみになる道具です。",
    ], [("サイズ", "長さ約17cm×幅2.5cm"), ("重さ", "約12g"), ("素材", "ウォールナット"), ("仕上げ", "蜜ろうワックス")]),
    ("shiruwan-urushi", "くるみの木の汁椀（拭き漆）", 6600, [
        "くるみの木をくりぬいて作った汁椀です。手に持ったときに熱さが伝わりにくく、熱いお味噌汁も安心して召し上がっていただけます。",
        "拭き漆仕上げは、漆を塗っては拭き取る作業を五回くり返しています。水や汚れに強く、長くお使いいただけます。",
    ], [("サイズ", "直径約12cm×高さ7cm"), ("容量", "約300ml"), ("素材", "くるみ"), ("仕上げ", "拭き漆")]),
    ("shiruwan-oil", "くるみの木の汁椀（オイル仕上げ）", 5280, [
        "くるみの木をくりぬいて作った汁椀です。手に持ったときに熱さが伝わりにくく、熱いお味噌汁も安心して召し上がっていただけます。",
        "オイル仕上げは、えごま油を何度もすり込んで仕上げています。木の手ざわりをそのまま感じられるのが魅力です。",
    ], [("サイズ", "直径約12cm×高さ7cm"), ("容量", "約300ml"), ("素材", "くるみ"), ("仕上げ", "えごま油")]),
    ("bento", "ブナの曲げわっぱ弁当箱", 7480, [
        "ブナの薄い板を曲げて作った、小判形のお弁当箱です。木が余分な水分を吸ってくれるので、ご飯が冷めてもべたつかず、おいしくいただけます。",
        "内側はウレタン塗装をしているので、油もののおかずを入れても染みになりにくく、お手入れもかんたんです。容量は約五百五十ミリリットルで、女性やお子さまにちょうどよい大きさです。",
    ], [("サイズ", "幅17cm×奥行10cm×高さ6cm"), ("容量", "約550ml"), ("素材", "ブナ"), ("仕上げ", "ウレタン塗装")]),
]
# Variants of a product: the same page, a sentence and the sizes changed.
SHOP_VARIANTS = {"mamezara-l": "mamezara-s", "kuri-spoon-s": "kuri-spoon-l", "shiruwan-oil": "shiruwan-urushi"}
SHOP_REVIEWS = [
    ("★★★★★", "40代・女性", "思っていたより軽くて、手になじみます。毎日使っています。"),
    ("★★★★★", "30代・女性", "贈り物にしました。包装もていねいで、とても喜ばれました。"),
    ("★★★★☆", "50代・男性", "木目がきれいです。届くまで少し時間がかかりましたが、待ったかいがありました。"),
    ("★★★★★", "20代・女性", "写真よりも色が明るめでしたが、使ううちに落ち着いてきました。"),
    ("★★★☆☆", "60代・女性", "もう少し大きいと使いやすかったです。品物自体はていねいな作りです。"),
]
SHOP_CSS = stylesheet("komorebi", [".shop-header", ".shop-nav a", ".item-name", ".item-price", ".cart-button",
                                   ".item-gallery img", ".item-description p", ".spec-table th", ".spec-table td",
                                   ".review-list li", ".recommend-items li", ".shop-footer", ".company-info dt",
                                   ".company-info dd", "body"])


def shop_url(product):
    return f"https://{SHOP_HOST}/items/{product[0]}.html"


def shop_page(product, r):
    code, name, price, description, spec = product
    reviews = r.sample(SHOP_REVIEWS, r.randint(1, 3))
    recommend = r.sample([p for p in SHOP_PRODUCTS if p is not product], 4)
    spec_rows = "\n".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in spec + [("生産地", "秋田県")])
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>{esc(name)} | 木工房こもれび オンラインショップ</title>
<meta name="description" content="{esc(description[0][:80])}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="product">
<meta property="product:price:amount" content="{price}"><meta property="product:price:currency" content="JPY">
<link rel="stylesheet" href="/css/shop.css?v=3.2">
<style>{site_chrome(SHOP_HOST)[0]}
{SHOP_CSS}</style>
{page_config(SHOP_HOST, r, units=2)}
{inline_runtime(SHOP_HOST, 240)}
<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@type": "Product", "name": name, "offers": {"@type": "Offer", "price": price, "priceCurrency": "JPY", "availability": "https://schema.org/InStock"}}, ensure_ascii=False)}</script>
</head>
<body class="item-detail">
<header class="shop-header">
<p class="shop-header__notice">5,500円以上のご注文で送料無料</p>
<h1 class="shop-logo"><a href="/">木工房こもれび</a></h1>
<nav class="shop-nav"><a href="/items/">商品一覧</a> <a href="/category/tableware/">うつわ</a> <a href="/category/cutlery/">カトラリー</a> <a href="/about/">工房について</a> <a href="/guide/">ご利用ガイド</a> <a href="/cart/">カートを見る</a></nav>
</header>
<div class="breadcrumbs"><a href="/">ホーム</a> &gt; <a href="/items/">商品一覧</a> &gt; {esc(name)}</div>
<main class="item-main">
<div class="item-gallery"><img src="{lqip(r, 1700)}" data-src="/img/items/{code}_01.jpg" alt="{esc(name)}" width="600" height="600"><img src="{lqip(r, 500)}" data-src="/img/items/{code}_02.jpg" alt="" width="120" height="120"><img src="{lqip(r, 500)}" data-src="/img/items/{code}_03.jpg" alt="" width="120" height="120"></div>
<div class="item-info">
<h2 class="item-name">{esc(name)}</h2>
<p class="item-price">{price:,}円（税込）</p>
<form action="/cart/add" method="post" class="cart-form"><input type="hidden" name="item" value="{code}">
<label>数量 <select name="qty"><option>1</option><option>2</option><option>3</option></select></label>
<button type="submit" class="cart-button">カートに入れる</button></form>
<p class="item-stock">在庫あり</p>
</div>
<section class="item-description">
<h3>商品について</h3>
{paras([esc(p) for p in description])}
<h3>お手入れ方法</h3>
<p>{esc(SHOP_CARE)}</p>
<h3>木製品について</h3>
<p>{esc(SHOP_WOOD)}</p>
</section>
<section class="item-spec"><h3>仕様</h3><table class="spec-table">
{spec_rows}
</table></section>
<section class="item-shipping"><h3>お届けについて</h3><p>{esc(SHOP_SHIPPING)}</p></section>
<section class="review-list"><h3>お客さまの声（{len(reviews)}件）</h3><ul>
{chr(10).join(f'<li><span class="review-star">{s}</span> <span class="review-user">{u}</span><p>{esc(t)}</p></li>' for s, u, t in reviews)}
</ul></section>
<section class="recommend-items"><h3>この商品を見た人はこんな商品も見ています</h3><ul>
{links([(shop_url(p), f"{p[1]} {p[2]:,}円") for p in recommend])}
</ul></section>
</main>
<footer class="shop-footer">
<dl class="company-info">
<dt>販売業者</dt><dd>木工房こもれび</dd>
<dt>運営責任者</dt><dd>佐伯 拓</dd>
<dt>所在地</dt><dd>〒019-1400 秋田県仙北郡美郷町六郷字森ノ下12-3</dd>
<dt>電話番号</dt><dd>0187-00-4521（平日10時〜17時）</dd>
<dt>メールアドレス</dt><dd>shop@komorebi-kobo.jp</dd>
</dl>
<p><a href="/law/">特定商取引法に基づく表記</a> | <a href="/privacy/">プライバシーポリシー</a> | <a href="/contact/">お問い合わせ</a></p>
<p class="copyright">&copy; 2024 komorebi kobo</p>
</footer>
{site_chrome(SHOP_HOST)[1]}
<script>window.__INITIAL_STATE__={json.dumps({"cart": {"items": [], "total": 0}, "item": {"code": code, "name": name, "price": price, "description": description, "stock": r.randint(1, 12)}, "catalog": [{"code": p[0], "name": p[1], "price": p[2], "thumb": f"/img/items/{p[0]}_s.jpg"} for p in SHOP_PRODUCTS], "reviews": [{"star": s, "user": u, "text": t} for s, u, t in reviews]}, ensure_ascii=False, separators=(",", ":"))};</script>
<script src="/js/app.c81f2e.js" defer></script>
</body>
</html>
"""


def shop_captures():
    out, by_code = [], {}
    for product in SHOP_PRODUCTS:
        variant = product[0] in SHOP_VARIANTS
        c = Capture(shop_url(product), shop_page(product, random.Random(f"shop:{product[0]}")).encode("utf-8"),
                    "text/html; charset=utf-8",
                    kind="ja shop product, a variant of another (near-duplicate)" if variant else "ja shop product page",
                    lang="ja", group="ja-shop", after=by_code.get(SHOP_VARIANTS.get(product[0])))
        out.append(c)
        by_code[product[0]] = c
    listing = "\n".join(f'<li class="item-card"><a href="{shop_url(p)}"><img src="/img/items/{p[0]}_s.jpg" alt="">'
                        f'<span class="item-card__name">{esc(p[1])}</span><span class="item-card__price">{p[2]:,}円</span></a></li>'
                        for p in SHOP_PRODUCTS)
    page = (f'<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><title>商品一覧 | 木工房こもれび オンラインショップ</title>'
            f'<style>{SHOP_CSS}</style></head>\n<body><header class="shop-header"><h1 class="shop-logo"><a href="/">木工房こもれび</a></h1></header>\n'
            f'<main><h2>商品一覧</h2><p class="list-note">全{len(SHOP_PRODUCTS)}件</p><ul class="item-list">\n{listing}\n</ul></main>\n'
            f'<footer class="shop-footer"><p>&copy; 2024 komorebi kobo</p></footer></body></html>\n')
    out.append(Capture(f"https://{SHOP_HOST}/items/", page.encode("utf-8"), "text/html; charset=utf-8",
                       kind="ja shop listing (links only)", lang="ja", group="ja-shop"))
    return out, by_code


# ---------------------------------------------------------------------------------------------------------------
# Japanese: a Q&A board, おしえて！ひろば
# ---------------------------------------------------------------------------------------------------------------

QA_HOST = "oshiete-hiroba.jp"
server(QA_HOST, ("Server", "nginx"), ("Cache-Control", "private"), ("X-Request-Id", "q-7f3e"), ("Vary", "Accept-Encoding"))

# (id, category, title, question, answers (first is the best answer), asker's thanks or "")
QA_THREADS = [
    (11482093, "住まい", "賃貸マンションの結露がひどく、カビが出てしまいます",
     "築二十年の賃貸マンションに住んでいます。冬になると毎朝、北側の寝室の窓がびっしょりになり、カーテンの裾に黒いカビが出てきてしまいました。朝に窓をふいてはいるのですが、追いつきません。家具の配置や暖房の使い方など、できる対策があれば教えてください。",
     ["まずは湿気の元を減らすことが大切です。寝室で洗濯物を干していたり、加湿器を強めに使っていたりしませんか。寝る前に十分ほど窓を少し開けて換気するだけでも、朝の結露はかなり減ります。窓に貼る断熱シートもホームセンターで手軽に買えますよ。",
      "うちも同じような部屋でしたが、除湿機を置いたらほとんど結露しなくなりました。電気代は少しかかりますが、カビ取りの手間を考えると買ってよかったと思っています。",
      "家具を壁からこぶし一つ分ほど離して置くと、裏にカビが生えにくくなります。カーテンは窓に触れないよう、少し短めにするのもおすすめです。"],
     "みなさん、ありがとうございます。寝室で洗濯物を干していたので、まずはそれをやめて、寝る前の換気を続けてみます。"),
    (11490577, "子育て", "補助輪を外す練習はどう進めればいいですか",
     "五歳の息子が補助輪つきの自転車に乗っています。保育園のお友だちが補助輪なしで乗れるようになったと聞いて、本人も外したいと言い出しました。練習はどのように進めればよいでしょうか。",
     ["うちはまず、ペダルを外して、キックバイクのように地面をけって進む練習をしました。足を浮かせたままバランスをとれるようになってからペダルをつけたら、二日で乗れるようになりました。",
      "後ろの荷台を持って支えるより、子どもの肩のあたりを軽く支えてあげると、自分でバランスをとる感覚がつかみやすいそうです。ゆるい下り坂の芝生の広場だと、転んでも痛くないので安心です。",
      "本人がやる気になった今が一番のタイミングだと思います。できたらたくさんほめてあげてくださいね。"], ""),
    (11502318, "税金", "会社員ですが、医療費控除を受けるには何を準備すればいいですか",
     "昨年、家族の通院や入院で医療費が二十万円を超えました。医療費控除というものがあると聞いたのですが、会社員でも確定申告をすればお金が戻ってくるのでしょうか。初めてなので、何を準備すればいいのかわかりません。",
     ["会社員の方でも、確定申告をすれば医療費控除を受けられます。病院や薬局の領収書をもとに、医療費控除の明細書を作成します。源泉徴収票と、還付金を受け取る口座の情報も用意しておきましょう。",
      "生計を同じくする家族の分はまとめて申告できます。通院のためのバスや電車の運賃も対象になるので、日付と金額をメモしておくといいですよ。",
      "保険で補てんされた金額は差し引く必要があるので、入院給付金を受け取った場合は注意してください。"],
     "ありがとうございました。家族の分をまとめられると知らず、夫の分は別にしていました。領収書を整理してみます。"),
    (11511764, "園芸", "パキラの下の葉が次々に黄色くなります",
     "リビングでパキラを育てています。最近、下のほうの葉が次々に黄色くなって落ちてしまいます。水やりは週に二回、コップ一杯ずつあげています。何が原因なのでしょうか。",
     ["冬のあいだは成長がゆるやかになるので、週に二回だと水が多すぎるかもしれません。土の表面がしっかり乾いてから、さらに二、三日待ってあげるくらいで大丈夫です。",
      "窓ぎわに置いている場合、夜に冷え込んで葉が傷むこともあります。夜だけ部屋の中央に移動させてみてはいかがでしょう。",
      "下葉が少し落ちるのは自然なことなので、新しい葉が出ていれば心配いりませんよ。"], ""),
    (11520931, "パソコン", "大学用に中古のノートパソコンを買うときの注意点",
     "大学のレポート作成とオンライン授業用に、中古のノートパソコンを買おうと思っています。予算は四万円くらいです。中古を選ぶときに気をつけたほうがいい点はありますか。",
     ["まずはメモリが八ギガ以上、保存先はSSDのものを選ぶと、動作がもたつきにくいです。バッテリーは消耗していることが多いので、持ち歩くなら残りの容量が表示されている商品を選ぶと安心です。",
      "保証がついている販売店を選ぶのがおすすめです。届いてすぐに不具合が見つかることもあるので、最低でも三か月の保証があると心強いです。",
      "大学によっては推奨スペックが決まっていることもあるので、一度確認してみてください。"], ""),
    (11533402, "仕事", "職場の飲み会を角を立てずに断る方法はありますか",
     "職場の飲み会が月に二回ほどあります。お酒があまり飲めないうえ、小さい子どもがいるので、できれば参加を減らしたいです。角が立たない断り方はありますか。",
     ["「子どもの迎えがあるので」と正直に伝えて大丈夫だと思います。そのかわり、仕事中の会話やランチで積極的に話しておけば、付き合いが悪いと思われることはないですよ。",
      "最初の一時間だけ参加して先に帰る、という方法もあります。乾杯だけでも顔を出すと、印象がぜんぜん違います。",
      "年に数回の大きな会だけ参加すると決めておくと、気持ちが楽になりました。"],
     "回答ありがとうございます。正直に伝えて、大きな会だけ参加するようにしてみます。"),
]
QA_NAMES = ["mikan_2019", "ひよこ豆", "とおりすがり", "kuma-san", "雨のち晴れ", "ななし", "たけのこ", "ベテラン主婦", "sora_blue"]
QA_CSS = stylesheet("oshiete", [".qa-header", ".qa-search input", ".question-title", ".question-body",
                                ".answer-item", ".best-answer", ".answer-meta", ".thanks-button", ".related-qa li",
                                ".category-list a", ".qa-footer", "body"])


def qa_url(thread):
    return f"https://{QA_HOST}/qa/{thread[0]}.html"


def qa_page(thread, r):
    qid, category, title, question, answers, thanks = thread
    names = r.sample(QA_NAMES, len(answers) + 1)
    y, m, d = 2024, r.randint(1, 2), r.randint(1, 27)
    items = []
    for i, (answer, name) in enumerate(zip(answers, names[1:])):
        best = i == 0
        items.append(f'<div class="answer-item{" best-answer" if best else ""}" id="a{qid * 10 + i}">'
                     + ('<p class="best-answer__label">ベストアンサー</p>' if best else "")
                     + f'<p class="answer-meta"><span class="answer-user">{esc(name)}</span> 回答日時：{y}/{m:02d}/{d + i // 2:02d} {r.randint(6, 23):02d}:{r.randint(0, 59):02d}</p>'
                     f'<div class="answer-body"><p>{esc(answer)}</p></div>'
                     f'<p class="answer-tools"><button class="thanks-button">ナイス！ {r.randint(0, 40)}</button> <a href="/report/{qid}/{i}">違反報告</a></p></div>')
    if thanks:
        items.append(f'<div class="asker-comment"><p class="answer-meta">質問者からのお礼</p><p>{esc(thanks)}</p></div>')
    related = r.sample([t for t in QA_THREADS if t is not thread], 3)
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<title>{esc(title)} - おしえて！ひろば</title>
<meta name="description" content="{esc(question[:110])}">
<link rel="canonical" href="{qa_url(thread)}">
<style>{site_chrome(QA_HOST)[0]}
{QA_CSS}</style>
{page_config(QA_HOST, r, units=8)}
{inline_runtime(QA_HOST, 160)}
</head>
<body>
<header class="qa-header"><a class="qa-logo" href="/">おしえて！ひろば</a>
<form class="qa-search" action="/search"><input type="text" name="q" placeholder="キーワードで質問を探す"><button>検索</button></form>
<a class="qa-ask" href="/ask/">質問する</a> <a href="/login/">ログイン</a></header>
<nav class="breadcrumb"><a href="/">トップ</a> &gt; <a href="/category/">カテゴリ一覧</a> &gt; <a href="/category/{qid % 97}/">{category}</a></nav>
<main class="qa-main">
<div class="question">
<h1 class="question-title">{esc(title)}</h1>
<p class="question-meta"><span class="question-user">{esc(names[0])}</span>さん　質問日時：{y}/{m:02d}/{d:02d} {r.randint(6, 23):02d}:{r.randint(0, 59):02d}　回答数：{len(answers)}件</p>
<div class="question-body"><p>{esc(question)}</p></div>
<p class="question-tools"><button class="thanks-button">共感した {r.randint(1, 30)}</button></p>
</div>
<section class="answers"><h2>回答（{len(answers)}件）</h2>
{chr(10).join(items)}
</section>
<section class="related-qa"><h2>このQ&amp;Aを見た人はこんなQ&amp;Aも見ています</h2><ul>
{links([(qa_url(t), t[2]) for t in related])}
</ul></section>
</main>
<aside class="category-list"><h2>カテゴリ</h2>
<a href="/category/1/">住まい</a> <a href="/category/2/">子育て</a> <a href="/category/3/">税金</a> <a href="/category/4/">園芸</a> <a href="/category/5/">パソコン</a> <a href="/category/6/">仕事</a></aside>
<footer class="qa-footer"><p><a href="/rule/">利用規約</a> | <a href="/privacy/">プライバシーポリシー</a> | <a href="/help/">ヘルプ</a></p>
<p>&copy; Oshiete Hiroba Inc.</p></footer>
</body>
</html>
"""


SCRAPER_HOST = "matome-qa-navi.com"
server(SCRAPER_HOST, ("Server", "Apache/2.4.41 (Ubuntu)"), ("X-Powered-By", "PHP/7.2.24"))


def scraper_page(thread, r):
    """A Q&A thread copied whole onto a scraper site with ads around it."""
    qid, category, title, question, answers, thanks = thread
    return f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="UTF-8"><title>【解決】{esc(title)}｜Q&amp;Aまとめナビ</title>
<script async src="https://ads.adnet.test/show_ads.js"></script></head>
<body>
<div class="header">Q&amp;Aまとめナビ - みんなの疑問をまとめました</div>
<div class="ad ad-top">スポンサーリンク</div>
<div class="main">
<h1>{esc(title)}</h1>
<div class="q"><p>{esc(question)}</p></div>
<div class="ad ad-middle">スポンサーリンク</div>
{chr(10).join(f'<div class="a"><p class="a-label">回答{i + 1}</p><p>{esc(a)}</p></div>' for i, a in enumerate(answers))}
<p class="source">引用元：おしえて！ひろば</p>
</div>
<div class="ad ad-bottom">スポンサーリンク</div>
<div class="footer">Q&amp;Aまとめナビ</div>
</body></html>
"""


def qa_captures():
    out, by_id = [], {}
    for thread in QA_THREADS:
        c = Capture(qa_url(thread), qa_page(thread, random.Random(f"qa:{thread[0]}")).encode("utf-8"),
                    kind="ja Q&A thread", lang="ja", group="ja-qa")
        out.append(c)
        by_id[thread[0]] = (c, thread)
    return out, by_id


# ---------------------------------------------------------------------------------------------------------------
# Japanese: a small company, 有限会社波多野印刷
# ---------------------------------------------------------------------------------------------------------------

COMPANY_HOST = "www.hatano-insatsu.co.jp"
server(COMPANY_HOST, ("Server", "Apache"), ("Last-Modified", "Tue, 14 Nov 2023 02:11:40 GMT"), ("Accept-Ranges", "bytes"),
       ("ETag", '"2f1c-60a11c9e"'))

COMPANY_PAGES = [
    ("company/", "会社案内", [
        ("h2", "代表あいさつ"),
        ("p", "当社は昭和四十八年の創業以来、地域の皆さまの印刷物を一枚一枚心を込めてお作りしてまいりました。名刺やはがきから、町内会の会報、学校の文集、企業のパンフレットまで、お客さまの思いを形にするお手伝いをしています。"),
        ("p", "近年はデジタル印刷機の導入により、少ない部数でも短い納期でお届けできるようになりました。これからも地域に根ざした印刷会社として、ていねいな仕事を続けてまいります。"),
        ("p", "代表取締役　波多野 修"),
        ("h2", "会社概要"),
        ("table", [("商号", "有限会社波多野印刷"), ("設立", "昭和48年4月"), ("資本金", "300万円"), ("代表者", "代表取締役　波多野 修"),
                   ("従業員数", "12名（パート含む）"), ("所在地", "〒420-0000 静岡県静岡市葵区本通七丁目2番地の5"),
                   ("事業内容", "各種印刷物の企画・デザイン・印刷・製本、自費出版のお手伝い"), ("取引銀行", "しずなみ信用金庫 本通支店")]),
    ]),
    ("service/", "事業内容", [
        ("h2", "オフセット印刷"),
        ("p", "チラシやパンフレットなど、数千部以上の大量の印刷に向いています。色の再現性が高く、写真の多い印刷物もきれいに仕上がります。紙の種類も豊富にご用意していますので、用途に合わせてご相談ください。"),
        ("h2", "オンデマンド印刷"),
        ("p", "一部から数百部までの少部数の印刷は、オンデマンド印刷機で対応いたします。版を作らないため費用をおさえられ、最短で翌日にお渡しできます。会議の資料や、イベントのプログラムなどによくご利用いただいています。"),
        ("h2", "デザイン"),
        ("p", "専属のデザイナーが、お客さまのお話をうかがいながらデザインを作成します。ロゴの作成から、お店のメニュー表、冊子の編集まで、どうぞお気軽にご相談ください。"),
        ("h2", "自費出版"),
        ("p", "句集や歌集、自分史、旅行記など、世界に一冊だけの本づくりをお手伝いします。原稿の整理から校正、製本まで、担当者が最後までご一緒しますので、初めての方も安心してお任せください。"),
    ]),
    ("history/", "沿革", [
        ("h2", "沿革"),
        ("table", [("昭和48年4月", "静岡市紺屋町にて波多野印刷所として創業"), ("昭和55年6月", "有限会社波多野印刷に改組"),
                   ("平成3年9月", "現在地に本社・工場を移転"), ("平成15年2月", "DTPシステムを導入し、デザイン部門を開設"),
                   ("平成24年5月", "自費出版の受け付けを開始"), ("令和2年10月", "オンデマンド印刷機を導入"),
                   ("令和5年4月", "創業五十周年を迎える")]),
        ("p", "創業から五十年、多くのお客さまに支えられてここまで歩んでまいりました。これからも、印刷を通して地域の皆さまの暮らしと仕事のお役に立てるよう努めてまいります。"),
    ]),
]


def company_page(path, title, blocks):
    body = []
    for kind, value in blocks:
        if kind == "h2":
            body.append(f"<h2>{esc(value)}</h2>")
        elif kind == "p":
            body.append(f"<p>{esc(value)}</p>")
        else:
            body.append('<table class="info-table">\n' + "\n".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in value) + "\n</table>")
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<title>{title}｜有限会社波多野印刷</title>
<meta name="keywords" content="印刷,静岡,名刺,チラシ,自費出版,波多野印刷">
<link href="../css/common.css" rel="stylesheet" type="text/css">
</head>
<body>
<div id="wrapper">
<div id="header"><h1><a href="../index.html"><img src="../img/logo.gif" alt="有限会社波多野印刷" width="260" height="50"></a></h1>
<p class="tel">お電話でのお問い合わせ TEL 054-000-3318（平日8:30〜17:30）</p></div>
<ul id="gnav"><li><a href="../index.html">ホーム</a></li><li><a href="../company/">会社案内</a></li><li><a href="../service/">事業内容</a></li><li><a href="../history/">沿革</a></li><li><a href="../recruit/">採用情報</a></li><li><a href="../contact/">お問い合わせ</a></li></ul>
<div id="contents">
<div id="main">
<h2 class="page-title">{title}</h2>
{chr(10).join(body)}
</div>
<div id="side"><p><a href="../contact/"><img src="../img/bn_contact.gif" alt="お見積もり・ご相談はこちら"></a></p>
<p><a href="../recruit/"><img src="../img/bn_recruit.gif" alt="採用情報"></a></p></div>
</div>
<div id="footer"><p>有限会社波多野印刷　〒420-0000 静岡県静岡市葵区本通七丁目2番地の5　TEL 054-000-3318　FAX 054-000-3319</p>
<p>Copyright &copy; Hatano Printing Co., Ltd. All Rights Reserved.</p></div>
</div>
</body>
</html>
"""


def company_captures():
    return [Capture(f"https://{COMPANY_HOST}/{path}", company_page(path, title, blocks).encode("utf-8"),
                    kind="ja company page", lang="ja", group="ja-company") for path, title, blocks in COMPANY_PAGES]


# ---------------------------------------------------------------------------------------------------------------
# Japanese: a recipe site, きょうの台所
# ---------------------------------------------------------------------------------------------------------------

RECIPE_HOST = "kyou-no-daidokoro.jp"
server(RECIPE_HOST, ("Server", "cloudfront"), ("X-Cache", "Hit from cloudfront"), ("Age", "412"),
       ("Via", "1.1 4a1b.cloudfront.test (CloudFront)"), ("Vary", "Accept-Encoding"))

# (id, title, servings, intro, ingredients, steps, point)
RECIPES = [
    (10231, "鶏むね肉の南蛮漬け", "2人分",
     "パサつきがちな鶏むね肉も、片栗粉をまぶして揚げ焼きにすると、しっとりやわらかく仕上がります。甘酸っぱい南蛮酢に野菜もたっぷり漬けて、冷めてもおいしい一品です。",
     [("鶏むね肉", "1枚（約300g）"), ("玉ねぎ", "1/2個"), ("にんじん", "1/3本"), ("ピーマン", "1個"), ("片栗粉", "大さじ2"),
      ("塩・こしょう", "少々"), ("揚げ油", "適量"), ("酢", "大さじ4"), ("しょうゆ", "大さじ2"), ("砂糖", "大さじ2"), ("水", "大さじ2"),
      ("赤唐辛子（輪切り）", "少々")],
     ["玉ねぎは薄切り、にんじんとピーマンはせん切りにする。",
      "鍋に酢、しょうゆ、砂糖、水、赤唐辛子を入れてひと煮立ちさせ、バットに移して野菜を漬けておく。",
      "鶏むね肉はそぎ切りにして塩、こしょうをふり、片栗粉を薄くまぶす。",
      "フライパンに一センチほどの油を熱し、鶏肉を両面こんがりと揚げ焼きにする。",
      "揚げたての鶏肉を南蛮酢に漬け、十五分以上おいて味をなじませる。"],
     "鶏肉は熱いうちに漬けると、南蛮酢がよくしみ込みます。冷蔵庫で一晩おくと、さらに味がなじんでおいしくなります。"),
    (10388, "切り干し大根の煮物", "4人分",
     "常備菜の定番、切り干し大根の煮物です。戻し汁にもうまみがあるので、だし汁の一部に使うと、より味わい深くなります。",
     [("切り干し大根", "40g"), ("にんじん", "1/3本"), ("油揚げ", "1枚"), ("だし汁", "300ml"), ("しょうゆ", "大さじ2"),
      ("みりん", "大さじ2"), ("砂糖", "小さじ2"), ("ごま油", "小さじ1")],
     ["切り干し大根はさっと洗い、たっぷりの水に十五分ほどつけて戻す。水けをしぼって食べやすい長さに切る。",
      "にんじんはせん切りにする。油揚げは熱湯をかけて油抜きをし、細切りにする。",
      "鍋にごま油を熱してにんじんを炒め、切り干し大根と油揚げを加えてさっと炒め合わせる。",
      "だし汁と調味料を加え、落としぶたをして中火で十五分ほど煮る。",
      "煮汁が少なくなったら火を止め、そのまま冷まして味を含ませる。"],
     "冷ますあいだに味がしみ込むので、少し薄味かなと思うくらいで火を止めるのがコツです。"),
    (10412, "具だくさんの豚汁", "4人分",
     "寒い日にうれしい、根菜たっぷりの豚汁です。具材を最初にごま油で炒めることで、こくと香りがぐんと増します。",
     [("豚こま切れ肉", "150g"), ("大根", "5cm"), ("にんじん", "1/2本"), ("ごぼう", "1/3本"), ("こんにゃく", "1/2枚"),
      ("長ねぎ", "1/2本"), ("だし汁", "800ml"), ("みそ", "大さじ4"), ("ごま油", "小さじ2")],
     ["大根とにんじんはいちょう切りにし、ごぼうはささがきにして水にさらす。",
      "こんにゃくは手でひと口大にちぎり、下ゆでしてアクを抜く。",
      "鍋にごま油を熱して豚肉を炒め、色が変わったら野菜とこんにゃくを加えて炒め合わせる。",
      "だし汁を加えて煮立て、アクを取りながら、野菜がやわらかくなるまで弱火で煮る。",
      "火を弱めてみそを溶き入れ、小口切りにした長ねぎを加えてひと煮する。"],
     "みそを入れたあとは煮立たせないようにすると、香りよく仕上がります。"),
    (10455, "ほっくりかぼちゃの煮物", "3〜4人分",
     "ほくほくのかぼちゃを、甘じょっぱく煮含めました。煮くずれしないよう、皮を下にして並べるのがポイントです。",
     [("かぼちゃ", "1/4個（約400g）"), ("水", "200ml"), ("砂糖", "大さじ1と1/2"), ("みりん", "大さじ1"), ("しょうゆ", "大さじ1")],
     ["かぼちゃは種とわたを取り、ひと口大に切る。ところどころ皮をむいておくと、味がしみやすい。",
      "鍋に皮を下にして並べ、水と砂糖を入れて火にかける。",
      "煮立ったら落としぶたをして、弱火で五分煮る。",
      "みりんとしょうゆを加え、さらに十分ほど煮る。",
      "竹串がすっと通ったら火を止め、そのまま冷まして味を含ませる。"],
     "かぼちゃによって水分量が違うので、煮汁が少なくなりすぎたら水を少し足してください。"),
    (10502, "鮭ときのこの炊き込みご飯", "3合分",
     "秋の味覚をたっぷり詰め込んだ炊き込みご飯です。鮭は切り身のままのせて炊くだけなので、手間もかかりません。",
     [("米", "3合"), ("甘塩鮭", "2切れ"), ("しめじ", "1パック"), ("まいたけ", "1パック"), ("にんじん", "1/3本"),
      ("酒", "大さじ2"), ("しょうゆ", "大さじ2"), ("みりん", "大さじ1"), ("昆布", "5cm")],
     ["米は洗ってざるに上げ、三十分おく。",
      "しめじとまいたけは小房に分け、にんじんはせん切りにする。",
      "炊飯器に米と調味料を入れ、三合の目盛りまで水を加えて軽く混ぜる。",
      "きのことにんじんを広げてのせ、その上に鮭と昆布をのせて普通に炊く。",
      "炊き上がったら鮭の皮と骨を取り除き、身をほぐしながら全体をさっくりと混ぜる。"],
     "具材は米と混ぜずに上にのせて炊くと、炊きむらができにくくなります。"),
    (10537, "小松菜と油揚げの煮びたし", "2人分",
     "あと一品ほしいときに、五分でできる煮びたしです。だしを吸った油揚げがおいしく、冷蔵庫で二日ほど保存できます。",
     [("小松菜", "1束"), ("油揚げ", "1枚"), ("だし汁", "200ml"), ("しょうゆ", "大さじ1"), ("みりん", "大さじ1")],
     ["小松菜は根元を落として四センチの長さに切り、茎と葉に分けておく。",
      "油揚げは熱湯をかけて油抜きし、短冊切りにする。",
      "鍋にだし汁と調味料、油揚げを入れて煮立てる。",
      "小松菜の茎を入れて一分煮たら、葉を加えてさっと煮る。",
      "火を止めてそのまま冷まし、味を含ませる。"],
     "小松菜は茎から先に入れると、葉が煮えすぎず、色よく仕上がります。"),
]
RECIPE_REPORTS = ["家族に好評でした！リピート決定です。", "冷めてもおいしいので、お弁当に入れました。", "分量どおりで味が決まりました。",
                  "子どももたくさん食べてくれました。", "作り置きにしています。二日目のほうが好きです。"]
RECIPE_CSS = stylesheet("daidokoro", [".rcp-header", ".rcp-title", ".rcp-intro", ".ingredients li", ".ingredients .amount",
                                      ".steps li", ".steps li::before", ".point", ".tsukurepo li", ".rcp-related a",
                                      ".rcp-footer", ".print-button", "body"])


def recipe_page(recipe, r, *, printable=False):
    rid, title, servings, intro, ingredients, steps, point = recipe
    ing = "\n".join(f'<li><span class="name">{esc(n)}</span><span class="amount">{esc(a)}</span></li>' for n, a in ingredients)
    st = "\n".join(f'<li><p>{esc(s)}</p></li>' if printable else f'<li><img src="{lqip(r, 450)}" alt="" width="160" height="120"><p>{esc(s)}</p></li>' for s in steps)
    if printable:
        return (f'<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><title>{esc(title)}（印刷用）| きょうの台所</title>'
                f'<meta name="robots" content="noindex"></head>\n<body onload="window.print()">\n<h1>{esc(title)}</h1>\n'
                f'<p>{esc(intro)}</p>\n<h2>材料（{servings}）</h2><ul class="ingredients">\n{ing}\n</ul>\n<h2>作り方</h2><ol class="steps">\n{st}\n</ol>\n'
                f'<h2>コツ・ポイント</h2><p>{esc(point)}</p>\n<p class="print-url">https://{RECIPE_HOST}/recipe/{rid}/</p>\n</body></html>\n')
    reports = r.sample(RECIPE_REPORTS, r.randint(1, 3))
    related = r.sample([x for x in RECIPES if x is not recipe], 3)
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>{esc(title)}のレシピ・作り方 | きょうの台所</title>
<meta name="description" content="{esc(intro[:90])}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{site_chrome(RECIPE_HOST)[0]}
{RECIPE_CSS}</style>
{page_config(RECIPE_HOST, r, units=10)}
{inline_runtime(RECIPE_HOST, 240)}
<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@type": "Recipe", "name": title, "recipeYield": servings, "recipeIngredient": [f"{n} {a}" for n, a in ingredients], "recipeInstructions": [{"@type": "HowToStep", "text": s} for s in steps]}, ensure_ascii=False)}</script>
</head>
<body>
<header class="rcp-header"><a class="logo" href="/">きょうの台所</a>
<form action="/search/"><input type="search" name="q" placeholder="料理名・食材で検索"></form>
<nav class="gnav"><a href="/category/main/">主菜</a> <a href="/category/side/">副菜</a> <a href="/category/soup/">汁物</a> <a href="/category/rice/">ご飯もの</a> <a href="/category/sweets/">おやつ</a></nav></header>
<main class="rcp-main">
<article class="recipe">
<h1 class="rcp-title">{esc(title)}</h1>
<p class="rcp-meta">調理時間：約{r.choice([15, 20, 25, 30, 40])}分　｜　<a class="print-button" href="/recipe/{rid}/print/">印刷する</a></p>
<div class="rcp-photo"><img src="{lqip(r, 1800)}" data-src="https://img.{RECIPE_HOST}/recipe/{rid}/main.jpg" alt="{esc(title)}" width="640" height="480"></div>
<p class="rcp-intro">{esc(intro)}</p>
<section class="ingredients-box"><h2>材料（{servings}）</h2><ul class="ingredients">
{ing}
</ul></section>
<section class="steps-box"><h2>作り方</h2><ol class="steps">
{st}
</ol></section>
<section class="point"><h2>コツ・ポイント</h2><p>{esc(point)}</p></section>
</article>
<section class="tsukurepo"><h2>つくったよレポート（{len(reports)}件）</h2><ul>
{chr(10).join(f'<li><p>{esc(t)}</p><span class="user">{esc(n)}</span></li>' for t, n in zip(reports, r.sample(["はるママ", "こうじ", "mii", "台所番長", "ちゃこ"], len(reports))))}
</ul></section>
<section class="rcp-related"><h2>この料理に合う献立</h2><ul>
{links([(f"/recipe/{x[0]}/", x[1]) for x in related])}
</ul></section>
</main>
<footer class="rcp-footer"><p><a href="/about/">きょうの台所について</a> | <a href="/terms/">利用規約</a> | <a href="/privacy/">プライバシーポリシー</a></p><p>&copy; Kyou no Daidokoro</p></footer>
</body>
</html>
"""


def recipe_captures():
    out, by_id = [], {}
    for recipe in RECIPES:
        c = Capture(f"https://{RECIPE_HOST}/recipe/{recipe[0]}/",
                    recipe_page(recipe, random.Random(f"recipe:{recipe[0]}")).encode("utf-8"), "text/html; charset=utf-8",
                    kind="ja recipe", lang="ja", group="ja-recipe")
        out.append(c)
        by_id[recipe[0]] = (c, recipe)
    r = random.Random("recipe:category")
    cards = "\n".join(f'<li class="rcp-card"><a href="/recipe/{x[0]}/"><img src="{lqip(r, 700)}" alt="" width="300" height="225"><h2>{esc(x[1])}</h2></a>'
                      f'<p>{esc(x[3])}</p><p class="rcp-card__meta">材料（{x[2]}）・{len(x[5])}ステップ</p></li>' for x in RECIPES[1:])
    page = (f'<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><title>副菜のレシピ一覧 | きょうの台所</title>\n'
            f'<style>{site_chrome(RECIPE_HOST)[0]}\n{RECIPE_CSS}</style>\n{page_config(RECIPE_HOST, r, units=10)}\n{inline_runtime(RECIPE_HOST, 240)}\n</head>\n'
            f'<body><header class="rcp-header"><a class="logo" href="/">きょうの台所</a></header>\n<main class="rcp-main"><h1>副菜・汁物のレシピ</h1>\n'
            f'<ul class="rcp-list">\n{cards}\n</ul>\n<nav class="pagination"><a href="?page=2">次へ</a></nav></main>\n'
            f'<footer class="rcp-footer"><p>&copy; Kyou no Daidokoro</p></footer></body></html>\n')
    out.append(Capture(f"https://{RECIPE_HOST}/category/side/", page.encode("utf-8"), "text/html; charset=utf-8",
                       kind="ja recipe category page (introductions)", lang="ja", group="ja-recipe"))
    return out, by_id


# ---------------------------------------------------------------------------------------------------------------
# Japanese in legacy encodings: a 2000s table-layout hobby site (Shift_JIS), a diary CGI (EUC-JP), a mailing-list
# archive (ISO-2022-JP), a neighbourhood page whose server mislabels it, and a lab page written with ，．
# ---------------------------------------------------------------------------------------------------------------

HOBBY_HOST = "www2.hp-machi.ne.jp"
server(HOBBY_HOST, ("Server", "Apache/1.3.42 (Unix)"), ("Last-Modified", "Sat, 12 Jun 2004 13:02:11 GMT"),
       ("Accept-Ranges", "bytes"), ("ETag", '"1c0a3-2f41-40cafe43"'))

HOBBY_DIARY = [
    [("６月１２日（土）　晴れ", "朝、睡蓮鉢をのぞいたら、ホテイアオイの根に卵がたくさんついていました！さっそく卵のついた根ごと、別の容器に移しました。去年は親メダカに卵を食べられてしまったので、今年はこまめに採卵しようと思います。"),
     ("６月８日（火）　くもり", "水が少し緑色になってきました。グリーンウォーターは稚魚のえさになるそうなので、しばらくはこのままにしておきます。足し水には、汲み置きしておいた水を使っています。"),
     ("６月３日（木）　雨", "雨で睡蓮鉢の水があふれそうになっていたので、あわてて水を抜きました。メダカが流れ出していないか数えたら、ちゃんと十二匹いました。ほっとしました。"),
     ("５月２９日（土）　晴れ", "ホームセンターで新しい睡蓮鉢を買ってきました。直径四十センチの大きなものです。赤玉土を敷いて、水草はマツモとアナカリスを入れました。"),
     ("５月２２日（土）　晴れ", "今年初めての産卵を確認しました♪　水温は二十度くらい。暖かくなるとメダカが元気に泳ぎ回るので、見ていて飽きません。")],
    [("５月１６日（日）　晴れ", "稚魚用の容器を三つに増やしました。生まれた日ごとに分けておかないと、大きい子が小さい子を食べてしまうことがあるそうです。"),
     ("５月９日（日）　くもりのち雨", "掲示板で教えていただいた方法で、えさを指先ですりつぶしてからあげてみました。稚魚たちがよく食べてくれて、うれしかったです。"),
     ("５月２日（日）　晴れ", "ゴールデンウィークなので、ベランダの大そうじをしました。睡蓮鉢のまわりのコケを落として、すだれを掛け直しました。夏の日差しよけです。"),
     ("４月２５日（日）　晴れ", "冬のあいだじっとしていたメダカたちが、水面近くまで上がってくるようになりました。えさやりを少しずつ再開しています。")],
]
HOBBY_KINDS = [
    ("黒メダカ", "昔から日本の小川にいる、いちばん身近なメダカです。体は地味な色ですが、丈夫で育てやすく、はじめての方におすすめです。"),
    ("ヒメダカ", "オレンジ色の体がかわいいメダカです。お店でもよく見かけます。上から見ても目立つので、睡蓮鉢で飼うのにぴったりです。"),
    ("白メダカ", "白っぽい体のメダカです。黒い鉢に入れると、体の色がきれいに映えます。水草の緑ともよく合います。"),
    ("楊貴妃メダカ", "濃い朱色のメダカです。色が濃いものを選んで増やしていくと、どんどん赤みが強くなっていくそうです。うちでは今年から育てています。"),
]
HOBBY_LINKS = [
    ("めだか日和～ベランダの小さな池～", "日記です。"), ("ビオトープのある暮らし", "庭の池です。"), ("金魚すくいから始まった水槽生活", "金魚です。"),
    ("水草の小部屋～アクアリウム日記～", "くわしいです。"), ("ちいさな池の四季", "写真がきれい。"), ("メダカ飼育のいろは", "初心者向け。"),
    ("ベランダ菜園と睡蓮鉢の日々", "野菜と睡蓮。"), ("川魚の観察ノート", "川の生き物。"), ("ガーデニング倶楽部リンク集", "園芸のリンク集。"),
    ("ひなたぼっこ水族館", "イラストがかわいい。"), ("ザリガニ研究所", "ザリガニです。"), ("ミナミヌマエビの館", "エビのサイト。"),
    ("みずべのいきもの図鑑", "図鑑です。"), ("Aqua Garden 睡蓮と水辺の植物", "睡蓮です。"), ("熱帯魚ショップ マリンブルー通信", "お店です。"),
    ("メダカ掲示板リング", "リングです。"),
]


def hobby_page(title, content, *, counter=None, charset_meta=True):
    meta = '<META http-equiv="Content-Type" content="text/html; charset=Shift_JIS">\n' if charset_meta else ""
    count = (f'<TR><TD align="center"><FONT size="2">あなたは <IMG src="/cgi-bin/count.cgi?id=medaka&amp;dd=B" alt="{counter:06d}"> 人目のお客様です<BR>'
             f'（since 2001.4.1）</FONT></TD></TR>') if counter else ""
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
<HEAD>
{meta}<META name="GENERATOR" content="IBM WebSphere Homepage Builder Version 6.5.0.0 for Windows">
<TITLE>{title}</TITLE>
</HEAD>
<BODY bgcolor="#e8f4ff" text="#333366" link="#0033cc" vlink="#663399" background="img/bg_mizu.gif">
<CENTER>
<TABLE width="760" border="0" cellpadding="0" cellspacing="0">
<TR><TD colspan="2"><IMG src="img/title.gif" width="760" height="90" alt="めだかの小部屋"></TD></TR>
<TR>
<TD width="150" valign="top" bgcolor="#cce6ff">
<TABLE width="150" border="0" cellpadding="4" cellspacing="0">
<TR><TD><FONT size="2"><A href="index.html">トップ</A><BR><A href="diary.html">飼育日記</A><BR><A href="diary2.html">飼育日記（前のページ）</A><BR>
<A href="hinshu.html">メダカの種類</A><BR><A href="link.html">リンク</A><BR><A href="/cgi-bin/bbs/medaka/yybbs.cgi">掲示板</A><BR><A href="mailto:medaka-room@hp-machi.ne.jp">メール</A></FONT></TD></TR>
<TR><TD><IMG src="img/spacer.gif" width="1" height="20" alt=""></TD></TR>
<TR><TD><FONT size="1" color="#666666">このホームページはInternet Explorer 6.0、画面サイズ800×600で最適化されています。</FONT></TD></TR>
</TABLE>
</TD>
<TD width="610" valign="top" bgcolor="#ffffff">
<TABLE width="600" border="0" cellpadding="8" cellspacing="0">
{content}
{count}
</TABLE>
</TD>
</TR>
<TR><TD colspan="2" align="center" bgcolor="#cce6ff"><FONT size="2">(C) 2001-2004 めだかの小部屋 All Rights Reserved. 画像・文章の無断転載はご遠慮ください。</FONT></TD></TR>
</TABLE>
</CENTER>
</BODY>
</HTML>
"""


def hobby_captures():
    def row(html_text):
        return f"<TR><TD>{html_text}</TD></TR>"

    index = "\n".join([
        row('<FONT size="4" color="#3366cc"><B>ようこそ「めだかの小部屋」へ！</B></FONT>'),
        row('<FONT size="2">このホームページは、ベランダの睡蓮鉢でメダカを育てている管理人の飼育日記です。はじめてメダカを飼う方の参考になれば、とてもうれしいです。'
            'メダカは小さな鉢でも育てられて、毎年春になると卵を産んでくれます。卵から育てた稚魚が大きくなっていくのを見るのは、本当に楽しいですよ。</FONT>'),
        row('<FONT size="3" color="#3366cc"><B>■更新履歴</B></FONT><BR><FONT size="2">'
            '2004/06/12　飼育日記を更新しました。<BR>2004/05/30　メダカの種類に楊貴妃メダカを追加しました。<BR>'
            '2004/05/03　リンクを追加しました。相互リンクありがとうございます！<BR>2004/04/25　飼育日記を再開しました。今年もよろしくお願いします。<BR>'
            '2004/01/01　あけましておめでとうございます☆</FONT>'),
        row('<FONT size="2" color="#cc3333">★キリ番 15000 を踏んだ方は、掲示板でお知らせください♪　記念に壁紙をプレゼントします！</FONT>'),
        row('<FONT size="2">当サイトはリンクフリーです。バナーはお持ち帰りでお願いします。<BR><IMG src="img/banner.gif" width="200" height="40" alt="めだかの小部屋"></FONT>'),
    ])
    pages = [("index.html", "めだかの小部屋 ～ベランダビオトープ日記～", index, 14872, "ja hobby site, Shift_JIS (table layout, counter, kiriban)")]
    for i, entries in enumerate(HOBBY_DIARY):
        body = [row('<FONT size="4" color="#3366cc"><B>飼育日記</B></FONT>')]
        for head, text in entries:
            body.append(row(f'<FONT size="2" color="#3366cc"><B>{head}</B></FONT><BR><FONT size="2">{text}</FONT>'))
        pages.append((["diary.html", "diary2.html"][i], "飼育日記 - めだかの小部屋", "\n".join(body), None,
                      "ja hobby site, Shift_JIS (diary)"))
    kinds = [row('<FONT size="4" color="#3366cc"><B>メダカの種類</B></FONT><BR><FONT size="2">うちで育てているメダカを紹介します。</FONT>')]
    kinds += [row(f'<IMG src="img/{n}.jpg" width="120" height="90" align="left" alt="{name}"><FONT size="2"><B>{name}</B><BR>{text}</FONT>')
              for n, (name, text) in enumerate(HOBBY_KINDS)]
    pages.append(("hinshu.html", "メダカの種類 - めだかの小部屋", "\n".join(kinds), None, "ja hobby site, Shift_JIS (kinds)"))
    # Linked names with a short sentence each, in one cell: most of the text is link text.
    link_lines = "<BR>\n".join(f'<A href="http://www.hp-machi.ne.jp/~site{k:02d}/" target="_blank">{esc(name)}</A>　{esc(text)}'
                               for k, (name, text) in enumerate(HOBBY_LINKS))
    pages.append(("link.html", "リンク - めだかの小部屋", "\n".join([
        row('<FONT size="4" color="#3366cc"><B>リンク</B></FONT>'),
        row(f'<FONT size="2">{link_lines}</FONT>'),
        row('<FONT size="2">相互リンク募集中です。掲示板かメールでご連絡ください。</FONT>')]), None,
        "ja hobby site, Shift_JIS (link page: mostly link text)"))
    out = []
    for name, title, content, counter, kind in pages:
        body = hobby_page(title, content, counter=counter).encode("cp932")
        out.append(Capture(f"http://{HOBBY_HOST}/~medaka/{name}", body, "text/html", kind=kind, lang="ja",
                           group="ja-hobby"))
    return out


DIARY_HOST = "www.yamabiko-net.or.jp"
server(DIARY_HOST, ("Server", "Apache/2.0.63 (Unix) mod_perl/2.0.4 Perl/v5.8.8"), ("Pragma", "no-cache"))

EUC_DIARY = [
    ("200310", [
        ("２００３年１０月１２日（日）　霧ヶ岳", "朝六時に家を出て、登山口の駐車場に着いたのは七時半。すでに車が十台ほど止まっていた。紅葉はまだ少し早く、山頂付近のカエデがほんのり色づき始めたところだった。"),
        ("２００３年１０月１２日（日）　つづき", "山頂で食べたカップラーメンがとてもおいしかった。風が冷たくなってきたので、次からは手袋を持ってこようと思う。下りは膝に負担がかからないよう、ゆっくり歩いた。"),
        ("２００３年１０月２６日（日）　沢沿いの道", "先週の雨で沢の水が多く、飛び石を渡るのに苦労した。途中でキノコをたくさん見かけたが、名前がわからないので写真だけ撮ってきた。図鑑で調べてみるつもり。"),
    ]),
    ("200311", [
        ("２００３年１１月３日（月）　文化の日、大見晴台", "久しぶりに友人と二人で歩いた。尾根道は落ち葉がふかふかで、歩くたびにかさかさと音がする。大見晴台からは遠くの海まで見えて、二人でしばらく黙って景色を眺めていた。"),
        ("２００３年１１月１６日（日）　雨で中止", "朝から雨。予定していた縦走は中止にして、家で地図を広げて次の計画を立てた。冬になる前に、もう一度霧ヶ岳に登っておきたい。"),
        ("２００３年１１月２４日（月）　初冠雪", "霧ヶ岳の山頂が白くなっていると、ふもとの店のおばさんが教えてくれた。今年の山歩きはそろそろおしまいかもしれない。来年の春までは、近所の里山を歩くことにする。"),
    ]),
]


def euc_diary_page(month, entries, *, declare):
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">\n' if declare else ""
    body = "\n".join(f'<h3 class="day">{esc(h)}</h3>\n<p>{esc(t)}</p>' for h, t in entries)
    return f"""<html>
<head>
{meta}<title>とものやまあるき日記 {month[:4]}年{int(month[4:])}月</title>
<link rel="stylesheet" href="/~tomo/diary.css">
</head>
<body>
<div class="menu"><a href="/~tomo/">ホーム</a> | <a href="/~tomo/diary/diary.cgi">最新の日記</a> | <a href="/~tomo/diary/diary.cgi?mode=past">過去の日記</a></div>
<h1>とものやまあるき日記</h1>
<h2>{month[:4]}年{int(month[4:])}月</h2>
{body}
<hr>
<p>Copyright (C) 2003 tomo. 写真と文章の無断転載はご遠慮ください。</p>
<address>diary.cgi ver 1.32 / tomo</address>
</body>
</html>
"""


def euc_captures():
    out = []
    for (month, entries), declare in zip(EUC_DIARY, [True, False]):
        page = euc_diary_page(month, entries, declare=declare).encode("euc_jp")
        out.append(Capture(f"http://{DIARY_HOST}/~tomo/diary/diary.cgi?month={month}", page,
                           "text/html; charset=EUC-JP" if declare else "text/html",
                           kind="ja diary, EUC-JP declared in HTTP and <meta>" if declare else "ja diary, EUC-JP declared nowhere",
                           lang="ja", group="ja-legacy"))
    return out


ML_HOST = "ml.yamabiko-net.or.jp"
server(ML_HOST, ("Server", "Apache/2.2.15 (CentOS)"), ("Last-Modified", "Mon, 15 Apr 2002 12:40:02 GMT"))

ML_MESSAGE = """やまびこ会のみなさま

こんばんは、幹事の佐藤です。
五月の例会のご案内をお送りします。

　日時：五月十九日（日）午前八時
　集合：駅北口のバスターミナル
　行き先：霧ヶ岳（標高１２０３メートル）
　持ち物：お弁当、水筒、雨具、防寒着

今回は、山頂の少し手前にある避難小屋で昼食をとる予定です。
初めて参加される方も歓迎しますので、お友だちもお誘いください。

参加される方は、五月十日までに、このメーリングリストあてに
お返事をお願いします。雨天の場合は、前日の夜にメールで
お知らせします。

それでは、当日お会いできるのを楽しみにしています。

--
佐藤 健一"""


def ml_captures():
    page = f"""<!-- MHonArc v2.5.2 -->
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=ISO-2022-JP">
<title>[yamabiko:01234] 五月の例会のお知らせ</title>
</head>
<body>
<!--X-Body-Begin-->
<hr>
[<a href="msg01233.html">前の記事</a>][<a href="msg01235.html">次の記事</a>][<a href="maillist.html#01234">日付順索引</a>][<a href="threads.html#01234">スレッド索引</a>]
<hr>
<h1>[yamabiko:01234] 五月の例会のお知らせ</h1>
<ul>
<li><em>From</em>: 佐藤 健一 &lt;sato@yamabiko-net.or.jp&gt;</li>
<li><em>Date</em>: Mon, 15 Apr 2002 21:03:11 +0900</li>
<li><em>Subject</em>: [yamabiko:01234] 五月の例会のお知らせ</li>
</ul>
<hr>
<pre>
{esc(ML_MESSAGE)}
</pre>
<hr>
<ul><li>Follow-Ups:<ul><li><strong><a href="msg01236.html">[yamabiko:01236] Re: 五月の例会のお知らせ</a></strong> <em>From:</em> 山田</li></ul></li></ul>
<hr>
[<a href="index.html">やまびこ会メーリングリスト アーカイブ</a>]
</body>
</html>
"""
    return [Capture(f"http://{ML_HOST}/archive/yamabiko/2002/msg01234.html", page.encode("iso2022_jp"), "text/html",
                    kind="ja mailing-list archive, ISO-2022-JP declared only in <meta>", lang="ja", group="ja-legacy")]


TOWN_HOST = "www.midoricho3.sakura-hp.jp"
server(TOWN_HOST, ("Server", "Apache/2.2.3 (CentOS)"))


def town_captures():
    """Shift_JIS bytes whose server says ISO-8859-1 (Apache's AddDefaultCharset); the <meta> is right."""
    notices = [
        ("資源ごみの回収日が変わります", "四月から、資源ごみの回収日が毎月第二・第四水曜日に変わります。びん・缶・ペットボトルは、それぞれ分けて、朝八時までに集積所へお出しください。"),
        ("春の一斉清掃のお知らせ", "四月二十一日（日）午前九時から、町内の一斉清掃を行います。軍手とごみ袋は班長さんがお配りします。雨天の場合は翌週に延期します。"),
        ("防災訓練へのご参加のお願い", "五月十二日（日）に、みどり公園で防災訓練を行います。消火器の使い方や、非常食の試食もあります。ご家族おそろいでご参加ください。"),
        ("回覧板のお願い", "回覧板は、読み終わったらなるべく早く次のお宅へ回してください。お留守の場合は、郵便受けに入れていただいてもかまいません。"),
    ]
    body = "\n".join(f'<tr><td class="title">■{t}</td></tr>\n<tr><td>{x}</td></tr>' for t, x in notices)
    page = f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
<title>みどり町三丁目町内会 お知らせ</title>
</head>
<body bgcolor="#ffffee">
<h2>みどり町三丁目町内会　お知らせ</h2>
<table border="0" cellpadding="6" width="640">
{body}
</table>
<p>ご不明な点は、町内会長（みどり町三丁目　田中）までお問い合わせください。</p>
<p><a href="index.html">トップページへ戻る</a></p>
</body>
</html>
"""
    return [Capture(f"http://{TOWN_HOST}/oshirase.html", page.encode("cp932"), "text/html; charset=ISO-8859-1",
                    kind="ja page, Shift_JIS: HTTP says ISO-8859-1, <meta> is right", lang="ja", group="ja-legacy")]


LAB_HOST = "www.sci.shiomi-u.ac.jp"
server(LAB_HOST, ("Server", "Apache/2.4.6 (Red Hat Enterprise Linux) OpenSSL/1.0.2k-fips"), ("Accept-Ranges", "bytes"))

LAB_PAGES = [
    ("research.html", "研究内容", [
        "当研究室では，黒潮をはじめとする海流の変動と，それが沿岸の海洋環境に与える影響について研究しています．観測船による現場観測と，数値モデルによる再現実験を組み合わせ，海の中で何が起きているのかを明らかにすることを目指しています．",
        "主な研究テーマは次の三つです．第一に，黒潮の流路が大きく蛇行する現象の発生と消滅の仕組みの解明です．第二に，沿岸に流れ込む暖水が，漁場の水温や栄養塩の分布に及ぼす影響の評価です．第三に，人工衛星の海面高度データを用いた，短期的な海況予測手法の開発です．",
        "観測は主に附属の臨海実験所を拠点として行っており，学生も年に数回，小型の観測船に乗って水温や塩分の測定を行います．得られたデータは，研究室で開発した解析プログラムを用いて処理しています．",
        "研究室には，教員二名，博士課程の学生三名，修士課程の学生五名，学部四年生四名が所属しています．週に一度のゼミでは，各自の研究の進み具合を報告し合い，活発に議論を行っています．",
    ]),
    ("admission.html", "研究室を希望する学生の方へ", [
        "当研究室で卒業研究を行う学生は，三年次の後期に行われる研究室配属で決まります．配属を希望する方は，事前に研究室を見学することをお勧めします．見学は随時受け付けていますので，メールで連絡してください．",
        "卒業研究では，過去の観測データや数値計算の結果を用いて，各自が一つのテーマに取り組みます．プログラミングの経験は問いませんが，配属後の春休みに，解析に必要な基礎を身につけるための勉強会を開いています．",
        "大学院への進学を考えている方は，入試の出願時期や試験科目について，大学院の募集要項を必ず確認してください．他大学からの受験も歓迎します．",
    ]),
]


def lab_captures():
    out = []
    for name, title, body in LAB_PAGES:
        page = f"""<!DOCTYPE html>
<html lang="ja">
<head><meta charset="UTF-8"><title>{title} | 汐見大学 理学部 海洋物理学研究室</title></head>
<body>
<div id="header"><p class="univ">汐見大学 理学部 地球科学科</p><h1>海洋物理学研究室</h1></div>
<div id="menu"><ul><li><a href="index.html">ホーム</a></li><li><a href="research.html">研究内容</a></li><li><a href="members.html">メンバー</a></li><li><a href="papers.html">研究業績</a></li><li><a href="admission.html">配属・進学希望の方へ</a></li><li><a href="access.html">アクセス</a></li></ul></div>
<div id="content">
<h2>{title}</h2>
{paras([esc(p) for p in body])}
</div>
<div id="footer"><p>〒790-0000 汐見市文京町1-1 汐見大学 理学部 海洋物理学研究室</p><p>Copyright (C) Ocean Physics Lab., Shiomi University.</p></div>
</body>
</html>
"""
        out.append(Capture(f"https://{LAB_HOST}/~oceanphys/{name}", page.encode("utf-8"), "text/html",
                           kind="ja university lab page written with ，．", lang="ja", group="ja-lab"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Japanese pages that a quality rule is for: run-on sentences, song lyrics, listings with a repeated note, a
# katakana catalogue, a kanji table, a board log whose characters were lost, keyword stuffing, a Korean page of
# Japanese phrases, an English page with a little Japanese
# ---------------------------------------------------------------------------------------------------------------

def simple_page(lang, title, body_html, *, charset="utf-8", head="", body_class=""):
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="{charset}">\n<title>{title}</title>\n{head}</head>\n'
            f'<body{f" class={chr(34)}{body_class}{chr(34)}" if body_class else ""}>\n{body_html}\n</body>\n</html>\n')


YURU_HOST = "yurulog.jp"
server(YURU_HOST, ("Server", "nginx"), ("Cache-Control", "no-cache"))

# Written the way some people write online: sentences run on, joined by spaces, with no 。 at all.
RUN_ON = [
    "今日は朝から雨だったので一日中おうちでごろごろしてた　お昼はこの前買った冷凍のパスタを食べたんだけど思ってたよりずっとおいしくてびっくり　"
    "ソースがたっぷりでまた買おうかなって思った　午後は録りためてたドラマを三話くらい一気に見てそのまま昼寝しちゃって　起きたらもう外が暗くなっててちょっとショック　"
    "夜ごはんは冷蔵庫に残ってた野菜とベーコンでスープを作ってパンと一緒に食べたよ　あったかいスープってそれだけでほっとするよね　"
    "明日は晴れるみたいだからひさしぶりに駅前のカフェに行ってみようかな　新しいケーキが出てるってお店のアカウントに書いてあったからすごく気になってる　"
    "いちごのタルトだったらうれしいな　ついでに本屋さんにも寄って前から読みたかった漫画の新刊を買う予定　帰りにスーパーで牛乳と卵を買うのも忘れないようにしないと　"
    "この前も忘れて二回行ったからね　"
    "ところで最近ハマってるのが夜寝る前のストレッチ　動画を見ながら十分くらいやるだけなんだけど　続けてたら肩こりがだいぶ楽になってきた気がする　"
    "最初は体がかたすぎて前屈で手が床に届かなかったのに　今は指先がちょっとつくようになってうれしい　三日坊主になりがちなわたしにしてはめずらしく二週間も続いてるから　"
    "このまま習慣にできたらいいな　あと寝る前にスマホを見る時間を減らしたらなんとなく眠りが深くなった気がする　朝もすっきり起きられるようになってきたし　"
    "いいことばっかりだからみんなにもおすすめしたい　でも今日はドラマを見すぎてストレッチをさぼっちゃったから　明日はちゃんとやろうと思う　"
    "そういえば来週は友だちの誕生日なのにまだプレゼントを決めてない　去年はハンドクリームをあげたから今年はちがうものにしたいんだけど　"
    "マグカップとかタオルとかいろいろ考えてたら全然決まらなくてずっと悩んでる　明日カフェに行ったあと雑貨屋さんものぞいてみようと思う　"
    "いいものが見つかるといいな　あとは週末に部屋の片づけもしたいし衣替えもしなきゃいけないし　やりたいことはいっぱいあるのに気がつくと夜になってる　"
    "平日は仕事から帰ってごはんを食べたらもう眠くなっちゃうから　休みの日くらいはちゃんと早起きしてゆっくりコーヒーを飲む時間を作りたいなって思ってる　"
    "そうそう　来月は実家に帰る予定だからお母さんに何かおみやげを買っていきたいんだけど　去年持っていったおせんべいがすごく喜ばれたから今年も同じお店で買おうかなって思ってる　"
    "駅ビルに新しいお店もできたみたいだしついでにのぞいてみるつもり　じゃあ今日はこのへんで　おやすみなさい",
]

LYRICS_VERSE1 = ["夕凪の坂道を　ひとりで歩いてた", "君がくれた言葉を　ポケットにしまって", "遠くで鳴る汽笛が　夏の終わりを告げる",
                 "振り返ればいつも　そこに君がいた"]
LYRICS_CHORUS = ["忘れないよ　あの日の空を", "忘れないよ　笑った君を", "季節がいくつ過ぎても", "この坂道で　また会おうね"]
LYRICS_VERSE2 = ["自転車を押しながら　たわいない話をした", "影が長くのびてく　ふたりの足もとに", "言えなかった想いは　波の音に消えて",
                 "今もまだこの胸で　静かに揺れている"]
LYRICS_BRIDGE = ["いつか大人になって　この町を離れても", "きっと思い出すよ　あの夕焼けの色"]

LISTINGS = [
    ("メゾン潮見 203号室", "家賃 5.8万円 ／ 管理費 3,000円", "1K ／ 24.5㎡ ／ 2階", "みなと線 潮見駅 徒歩6分", "駅から近く、買い物にも便利なお部屋です。"),
    ("グランコート白浜 105号室", "家賃 7.2万円 ／ 管理費 5,000円", "1LDK ／ 38.1㎡ ／ 1階", "みなと線 白浜駅 徒歩9分", "小さな専用の庭がついています。"),
    ("サンハイツ本町 302号室", "家賃 4.9万円 ／ 管理費 2,000円", "1R ／ 20.0㎡ ／ 3階", "バス 本町三丁目 徒歩2分", "日当たりがよく、明るいお部屋です。"),
    ("パークサイド汐見 401号室", "家賃 8.5万円 ／ 管理費 6,000円", "2LDK ／ 52.3㎡ ／ 4階", "みなと線 汐見公園駅 徒歩4分", "公園がすぐ近くにあり、子育てにも向いています。"),
    ("コーポ緑ヶ丘 201号室", "家賃 5.2万円 ／ 管理費 なし", "2K ／ 33.0㎡ ／ 2階", "みなと線 緑ヶ丘駅 徒歩12分", "ペットと一緒に暮らせるお部屋です。"),
    ("リバーテラス港町 502号室", "家賃 9.8万円 ／ 管理費 8,000円", "2LDK ／ 60.2㎡ ／ 5階", "みなと線 潮見駅 徒歩3分", "川が見える、眺めのよいお部屋です。"),
]
LISTING_NOTE = ("※掲載している情報は、ご覧いただいた時点で変わっている場合がございます。最新の空き状況や条件につきましては、"
                "お気軽に店舗までご連絡ください。")

CATALOGUE = [
    ("オーガニックコットン クルーネックTシャツ", "ネイビー／ホワイト／グレー", "2,980円"),
    ("リネンブレンド ワイドパンツ", "ベージュ／ブラック", "5,990円"),
    ("ストレッチデニム スキニージーンズ", "インディゴ／ライトブルー", "4,990円"),
    ("ウォッシャブルウール カーディガン", "キャメル／チャコール", "6,990円"),
    ("ナイロンタフタ ショルダーバッグ", "カーキ／ブラック", "3,490円"),
    ("キャンバス ローカットスニーカー", "オフホワイト／ネイビー", "4,290円"),
    ("コットンツイル ワークシャツ", "オリーブ／サックス", "3,990円"),
    ("フリースライナー マウンテンパーカー", "ブラック／カーキ", "8,990円"),
    ("メリノウール リブソックス 3足セット", "ミックスカラー", "1,990円"),
    ("レザー ミニウォレット", "ブラウン／ブラック／レッド", "5,490円"),
    ("ボア フリース ジャケット", "アイボリー／ブラウン", "6,490円"),
    ("ポリエステル ストレッチ スラックス", "ネイビー／グレー", "3,990円"),
]

AWARDS = [
    ("潮見建設株式会社", "潮見市本町一丁目", "建設業"), ("有限会社白浜水産", "潮見市白浜三丁目", "水産加工業"),
    ("汐見精密工業株式会社", "潮見市工業団地", "製造業"), ("株式会社港町運輸", "潮見市港町二丁目", "運輸業"),
    ("緑ヶ丘介護福祉会", "潮見市緑ヶ丘四丁目", "福祉"), ("潮見中央病院", "潮見市中央二丁目", "医療"),
    ("株式会社海浜電設", "潮見市海浜町", "建設業"), ("本町商店街振興組合", "潮見市本町三丁目", "商業"),
    ("汐見食品工業株式会社", "潮見市工業団地", "製造業"), ("有限会社潮見造園", "潮見市北山一丁目", "建設業"),
    ("株式会社潮見信用保証", "潮見市中央一丁目", "金融業"), ("社会福祉法人若潮会", "潮見市西浜二丁目", "福祉"),
]

# A board's old log, moved between systems: every character outside the old character set was lost (U+FFFD).
LOST = "\ufffd"
BOARD_LOG = [
    ("管理人", f"{LOST}初めての方へ{LOST}　この掲示板は、金魚の飼育について情報交換をする場所です。{LOST}質問の前に過去ログを検索してください。{LOST}宣伝目的の書き込みは削除します。"),
    ("らんちゅう好き", f"水温が二十度{LOST}二十五度くらいのときに、えさの量を少し増やしています。{LOST}{LOST}さんの水槽はヒーターを使っていますか{LOST}"),
    ("髙{LOST}", f"はい、冬のあいだだけ使っています{LOST}　設定は二十二度です{LOST}{LOST}　水換えは週に一回、三分の一ずつしています{LOST}"),
    ("みずいろ", f"{LOST}{LOST}金魚の会{LOST}の例会は、来月の第二日曜日です{LOST}　場所はいつもの公民館{LOST}第三会議室{LOST}です{LOST}"),
    ("らんちゅう好き", f"ありがとうございます{LOST}　参加します{LOST}{LOST}{LOST}"),
]

KEYWORD_SPAM = [
    "格安航空券なら格安旅行ナビ！格安ツアーも格安ホテルも格安で予約できる格安サイトです。",
    "沖縄旅行も格安、北海道旅行も格安、ハワイ旅行も格安！格安プランを今すぐ比較して格安予約。",
    "格安航空券の最安値を格安検索。格安チケットは格安旅行ナビで格安ゲットがおすすめです。",
    "格安ホテル・格安旅館の格安予約なら、格安宿泊プランがいっぱいの格安旅行ナビへ。",
    "直前割で格安、早割でも格安、格安ツアーは格安旅行ナビの格安ランキングで選ぼう！",
    "格安レンタカーも格安でまとめて予約。格安で楽しい格安旅行を格安旅行ナビでどうぞ。",
    "格安の国内旅行、格安の海外旅行、格安の温泉旅行。全部まとめて格安旅行ナビが格安です。",
]

PHRASEBOOK = [
    ("안녕하세요", "こんにちは", "곤니치와", "낮에 쓰는 기본 인사입니다.", "こんにちは、いい天気ですね。"),
    ("감사합니다", "ありがとうございます", "아리가토 고자이마스", "도움을 받았을 때 꼭 쓰는 말입니다.", "どういたしまして。"),
    ("실례합니다", "すみません", "스미마센", "점원을 부를 때도 씁니다.", "はい、どうしましたか。"),
    ("역은 어디에 있어요?", "えきは どこですか", "에키와 도코데스카", "길을 잃었을 때 쓰는 표현입니다.", "このみちを まっすぐ いって、みぎです。"),
    ("이거 주세요", "これを ください", "고레오 쿠다사이", "물건을 가리키면서 말하면 됩니다.", "はい、ひとつですね。"),
    ("얼마예요?", "いくらですか", "이쿠라데스카", "값을 물을 때 씁니다.", "さんびゃくえんです。"),
    ("맛있어요", "おいしいです", "오이시데스", "가게 주인이 아주 기뻐합니다.", "ありがとう。また きてね。"),
    ("화장실은 어디예요?", "トイレは どこですか", "토이레와 도코데스카", "여행 중에 꼭 필요한 표현입니다.", "あちらの かいだんの よこです。"),
]


def special_captures():
    out = []
    # Run-on sentences: mean sentence length.
    body = (f'<header class="blog-header"><p class="blog-title"><a href="/">ゆるゆるログ</a></p></header>\n'
            f'<main><article class="entry"><h1 class="entry-title">雨の日のどうでもいい日記</h1>\n<p class="date">2024.02.18</p>\n'
            f'<div class="entry-body">\n{paras(RUN_ON)}\n</div></article></main>\n'
            f'<footer class="blog-footer"><p>ゆるゆるログ</p></footer>')
    out.append(Capture(f"https://{YURU_HOST}/entry/2024/02/18/213344", simple_page("ja", "雨の日のどうでもいい日記 - ゆるゆるログ", body).encode("utf-8"),
                       kind="ja blog post in run-on sentences (no 。)", lang="ja", group="ja-quality"))
    # Lyrics: repeated lines.
    lines = (LYRICS_VERSE1 + [""] + LYRICS_CHORUS + [""] + LYRICS_VERSE2 + [""] + LYRICS_CHORUS + [""] + LYRICS_BRIDGE + [""]
             + LYRICS_CHORUS + LYRICS_CHORUS)
    stanzas = "<br>\n".join(lines).replace("<br>\n<br>\n", "</p>\n<p>")
    body = (f'<header class="site-header"><a href="/">歌詞ナビ</a></header>\n<main><div class="lyric-header"><h1>夕凪の坂道</h1>'
            f'<p class="artist">歌：しおさいポスト　作詞：水野 遥　作曲：しおさいポスト</p></div>\n'
            f'<div id="lyric" class="lyric-body"><p>{stanzas}</p></div>\n<p class="lyric-note">この歌詞の著作権は作詞者に帰属します。</p></main>\n'
            f'<aside class="ranking"><h2>歌詞ランキング</h2><ol><li><a href="/song/11">風の通り道</a></li><li><a href="/song/12">春色ノート</a></li></ol></aside>')
    out.append(Capture("https://kashi-navi.jp/song/40912/", simple_page("ja", "夕凪の坂道 歌詞 - しおさいポスト - 歌詞ナビ", body).encode("utf-8"),
                       kind="ja song lyrics (repeated chorus lines)", lang="ja", group="ja-quality"))
    # Listings with the same long note under each: characters in repeated lines.
    items = []
    for name, rent, plan, access, comment in LISTINGS:
        items.append(f'<div class="property"><h2 class="property-name">{esc(name)}</h2>\n<p>{esc(rent)}</p>\n<p>{esc(plan)}</p>\n'
                     f'<p>{esc(access)}</p>\n<p>{esc(comment)}</p>\n<p class="note">{esc(LISTING_NOTE)}</p></div>')
    body = (f'<header class="header"><a href="/">すまいサーチ潮見</a></header>\n<main><h1>潮見市の賃貸物件一覧（{len(LISTINGS)}件）</h1>\n'
            + "\n".join(items) + '\n</main>\n<footer class="footer">株式会社すまいサーチ潮見　宅地建物取引業者免許</footer>')
    out.append(Capture("https://www.sumai-search-shiomi.jp/rent/list?area=shiomi&page=1", simple_page("ja", "潮見市の賃貸物件一覧 | すまいサーチ潮見", body).encode("utf-8"),
                       kind="ja property listings (one long note repeated)", lang="ja", group="ja-quality"))
    # Katakana catalogue: little hiragana.
    cards = "\n".join(f'<li class="product"><p class="product-name">{esc(n)}</p><p class="product-color">カラー：{esc(c)}</p><p class="product-price">{p}（税込）</p></li>'
                      for n, c, p in CATALOGUE)
    body = (f'<header class="header"><a class="logo" href="/">ユニバーサルクローゼット</a></header>\n<main><h1>新着アイテム</h1>\n'
            f'<p class="lead">トレンドのベーシックアイテムをチェック！</p><ul class="product-list">\n{cards}\n</ul></main>')
    out.append(Capture("https://universal-closet.jp/shop/new/", simple_page("ja", "新着アイテム | ユニバーサルクローゼット", body).encode("utf-8"),
                       kind="ja catalogue in katakana (little hiragana)", lang="ja", group="ja-quality"))
    # A table of names and places: kanji, few kana.
    rows = "\n".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in AWARDS)
    body = (f'<div id="header"><p>潮見市</p></div>\n<div id="main"><h1>令和五年度 潮見市優良事業所表彰 受賞事業所一覧</h1>\n'
            f'<p>令和五年度の受賞事業所は次のとおりです。</p>\n<table class="list">\n<tr><th>事業所名</th><th>所在地</th><th>業種</th></tr>\n{rows}\n</table>\n'
            f'<p>担当：商工観光課 商工振興係</p></div>')
    out.append(Capture("https://www.city.shiomi.lg.jp/shoko/hyosho/r5.html", simple_page("ja", "令和五年度 潮見市優良事業所表彰 受賞事業所一覧", body).encode("utf-8"),
                       kind="ja municipal table of names (kanji, few kana)", lang="ja", group="ja-quality"))
    # A board log whose special characters became U+FFFD.
    posts = "\n".join(f'<div class="post"><p class="post-head">投稿者：{esc(n)}</p><p class="post-body">{esc(t)}</p></div>' for n, t in BOARD_LOG)
    body = (f'<h1>金魚の飼育掲示板　過去ログ（2009年）</h1>\n<div class="log">\n{posts}\n</div>\n<p><a href="/bbs/">掲示板へ戻る</a></p>')
    out.append(Capture("http://kingyo-club.sakura-hp.jp/bbs/log/2009_03.html", simple_page("ja", "金魚の飼育掲示板 過去ログ", body).encode("utf-8"),
                       kind="ja board log with characters lost to U+FFFD", lang="ja", group="ja-quality"))
    # Keyword stuffing: one bigram everywhere.
    body = ('<div id="wrap"><h1>格安旅行ナビ｜格安航空券・格安ツアー・格安ホテル</h1>\n'
            + paras(KEYWORD_SPAM) + '\n<p class="kw">格安 航空券 ツアー ホテル 最安値 比較 予約 激安</p>\n</div>')
    out.append(Capture("http://kakuyasu-ryoko-navi.xyz/", simple_page("ja", "格安旅行ナビ｜格安航空券・格安ツアー・格安ホテルの格安予約", body,
                                                                      head='<meta name="keywords" content="格安,格安航空券,格安ツアー,格安ホテル,格安旅行">\n').encode("utf-8"),
                       kind="ja keyword-stuffed spam", lang="ja", group="ja-junk"))
    # A Korean page of Japanese phrases: kana enough to pass the raw check, but mostly Korean.
    items = "\n".join(f'<div class="phrase"><h3>{esc(ko)}</h3><p class="ja">{esc(ja)}</p><p class="read">[{esc(read)}]</p><p>{esc(note)}</p>'
                      f'<p class="ja example">대답 예：{esc(answer)}</p></div>' for ko, ja, read, note, answer in PHRASEBOOK)
    body = (f'<header class="blog-header"><a href="/">도쿄 여행 노트</a></header>\n<main><article><h1>일본 여행 전에 꼭 외워야 할 일본어 인사말 8가지</h1>\n'
            f'<p>일본 여행을 앞두고 간단한 인사말을 정리해 보았습니다. 발음은 한글로 적어 두었으니 소리 내어 읽어 보세요.</p>\n{items}\n'
            f'<p>짧은 말이라도 일본어로 인사하면 현지 사람들이 정말 반가워합니다. 즐거운 여행 되세요!</p></article></main>')
    out.append(Capture("https://tokyo-travel-note.kr/japanese-greetings", simple_page("ko", "일본 여행 일본어 인사말 8가지 - 도쿄 여행 노트", body).encode("utf-8"),
                       kind="ko page of Japanese phrases (mixed ko/ja)", lang="mixed", group="ja-quality"))
    # An English page of a Japanese inn with a few Japanese lines.
    body = ('<header class="site-header"><a href="/en/">Ryokan Shiosai</a> <a href="/">日本語</a></header>\n<main class="content"><h1>Access</h1>\n'
            "<p>Ryokan Shiosai is a ten-minute walk from Shiomi Station on the Minato Line. If you arrive by car, there is free parking for "
            "twelve cars next to the main building. Please let us know your arrival time when you book, and we will be happy to meet you at the station.</p>\n"
            "<p>From the station, walk south along the harbour road until you reach the old lighthouse, then turn left into the narrow street "
            "lined with pine trees. Our entrance is the wooden gate with a blue curtain.</p>\n"
            "<p>Check-in is from 3 pm and check-out is until 10 am. Dinner is served in your room between 6 pm and 8 pm.</p>\n"
            "<p class=\"ja-address\">〒790-0000 汐見市港町三丁目五番地　潮騒旅館（しおさいりょかん）</p>\n"
            "<p>If you show the address above to a taxi driver, they will know the way.</p></main>\n"
            '<footer class="site-footer">&copy; Ryokan Shiosai</footer>')
    out.append(Capture("https://www.ryokan-shiosai.jp/en/access.html", simple_page("en", "Access | Ryokan Shiosai", body).encode("utf-8"),
                       kind="en page with a few Japanese lines", lang="en", group="ja-quality"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Japanese junk: a link farm, short pages, a login page, a parked domain, a 404
# ---------------------------------------------------------------------------------------------------------------

def ja_junk_captures():
    out = []
    words = ["脱毛", "ダイエット", "カードローン", "転職", "英会話", "引っ越し", "中古車", "格安スマホ", "婚活", "ふるさと納税",
             "ウォーターサーバー", "保険", "投資", "美容液", "育毛剤", "青汁", "プロテイン", "置き薬"]
    r = random.Random("ja-linkfarm")
    anchors = []
    for k in range(48):
        a, b = r.sample(words, 2)
        anchors.append(f'<a href="http://osusume-ranking-navi.info/go/{k + 100}">{a} {b} おすすめ</a>')
    body = ('<div id="container"><h1>おすすめランキングナビ</h1>\n<div class="linkbox">\n' + "\n".join(
        " | ".join(anchors[i:i + 6]) + "<br>" for i in range(0, len(anchors), 6)) +
            '\n</div>\n<p class="mutual">相互リンク募集中！SEO対策にどうぞ</p>\n</div>')
    out.append(Capture("http://osusume-ranking-navi.info/", simple_page("ja", "おすすめランキングナビ｜人気キーワード比較", body).encode("utf-8"),
                       kind="ja link farm", lang="ja", group="ja-junk"))
    out.append(Capture("https://www.hatano-insatsu.co.jp/recruit/", simple_page(
        "ja", "採用情報｜有限会社波多野印刷", '<div id="main"><h2>採用情報</h2><p>ただいま募集はしておりません。</p></div>').encode("utf-8"),
                       kind="ja very short page", lang="ja", group="ja-junk"))
    out.append(Capture("https://kyou-no-daidokoro.jp/campaign/", simple_page(
        "ja", "キャンペーン | きょうの台所", '<main><p>準備中です。しばらくお待ちください。</p></main>').encode("utf-8"),
                       kind="ja very short page", lang="ja", group="ja-junk"))
    login = ('<main class="login"><h1>ログイン</h1><form action="/member/login" method="post">'
             '<label>メールアドレス<input type="email" name="email"></label><label>パスワード<input type="password" name="password"></label>'
             '<label><input type="checkbox" name="remember">ログインしたままにする</label><button type="submit">ログイン</button></form>'
             '<p><a href="/member/reminder">パスワードを忘れた方はこちら</a></p><p><a href="/member/register/">新規会員登録（無料）</a></p></main>')
    out.append(Capture("https://www.shiokaze-np.jp/member/login/?return=%2Fnews%2F", simple_page("ja", "ログイン｜しおかぜ新聞デジタル", login).encode("utf-8"),
                       kind="ja login page", lang="ja", group="ja-junk"))
    parked = ('<div class="parked"><h1>sakura-tabi.jp</h1><p>このドメインは、お名前ネットで取得されています。</p>'
              '<p>このドメインは販売中です。ご購入をご希望の方は、下記よりお問い合わせください。</p>'
              '<p><a href="https://domain.onamae-net.test/buy?d=sakura-tabi.jp">ドメインを購入する</a></p>'
              '<ul class="ads"><li><a href="/ads?q=1">国内旅行</a></li><li><a href="/ads?q=2">温泉宿</a></li><li><a href="/ads?q=3">格安ツアー</a></li></ul></div>')
    out.append(Capture("http://sakura-tabi.jp/", simple_page("ja", "sakura-tabi.jp", parked).encode("utf-8"),
                       kind="ja parked domain", lang="ja", group="ja-junk", server_headers=[("Server", "Parking/1.0")]))
    notfound = ('<main><h1>お探しのページは見つかりませんでした</h1><p>申し訳ございません。お探しのページは、移動または削除された可能性があります。</p>'
                '<p><a href="/">トップページへ戻る</a></p></main>')
    out.append(Capture("https://www.shiokaze-np.jp/news/society/20231101-0099.html", simple_page("ja", "ページが見つかりません｜しおかぜ新聞デジタル", notfound).encode("utf-8"),
                       status=404, kind="404 Not Found", lang="-", group="http-status"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# English: a personal blog, Slow Miles
# ---------------------------------------------------------------------------------------------------------------

EN_BLOG_HOST = "slowmiles.blog"
server(EN_BLOG_HOST, ("Server", "nginx"), ("X-Powered-By", "PHP/8.2.15"), ("Link", f'<https://{EN_BLOG_HOST}/wp-json/>; rel="https://api.w.org/"'),
       ("Vary", "Accept-Encoding"))

EN_BLOG_POSTS = [
    ("wet-weekend-coast-path", "A Wet Weekend on the Coast Path", (2023, 10, 15), "Walking", [
        "The forecast said showers. What we got was two days of the kind of rain that finds its way through every seam you own. I am writing this with my boots stuffed with newspaper by the radiator, and I regret nothing.",
        "We started at the harbour on Saturday morning and followed the path west along the cliffs. The first few miles are gentle: wide grassy tracks, a few stiles, and a bench every so often with a plaque for someone who loved the view. By eleven the cloud had come down so low that the view was mostly a suggestion.",
        "The best part of the day was the little cafe at the cove, which I had assumed would be shut for the season. It was not. The owner let us drip on her floor for an hour while we ate cheese scones and watched the sea throw itself at the rocks.",
        "Sunday was shorter and steeper. The descent into the second valley was a stream rather than a path, and I went down the last section mostly on my backside. My friend, who has walked this route six times, says it is lovely in June. I believe her, and I will be back to check.",
    ], [
        "A note on kit: my waterproof jacket held up, my waterproof trousers did not, and my phone survived only because it lived in a freezer bag. Pack the freezer bag.",
    ]),
    ("rebuilding-a-wheel", "What I Learned Rebuilding an Old Bike Wheel", (2023, 11, 28), "Bikes", [
        "My commuter bike has a rear wheel older than some of my colleagues. Last month the rim finally cracked around a spoke hole, and instead of buying a new wheel I decided to rebuild the old hub onto a new rim.",
        "The hub was worth saving. It spins smoothly, the bearings are adjustable cup-and-cone, and it has the kind of polished shell nobody bothers with anymore. A new rim of the same size cost less than a takeaway, and a box of spokes not much more.",
        "Lacing the wheel took me three attempts. The first time I got the pattern wrong and ended up with the valve hole in the worst possible place. The second time I lost count halfway round. The third time I laid out the spokes on the kitchen table in groups and ticked them off on a piece of paper like a child doing sums.",
        "Truing is the part everyone warns you about, and rightly. It is slow, fiddly work: a quarter turn here, a quarter turn there, spin, look, repeat. After two evenings the wheel was straight enough that I could not see any wobble against the brake pads.",
    ], [
        "It has now done about three hundred miles of commuting and has not needed touching. I am unreasonably proud of it.",
    ]),
    ("sourdough-attempt-six", "Sourdough, Attempt Number Six", (2024, 1, 9), "Kitchen", [
        "The first five loaves were, in order: a brick, a pancake, a brick with a crust you could knock on, a decent loaf that I could not repeat, and a pancake again. This is the story of the sixth.",
        "The big change this time was temperature. My kitchen in winter sits at about sixteen degrees, which is far too cold for the dough to do much overnight. I started proving it in the oven with only the light switched on, and the difference was dramatic.",
        "I also stopped following the recipe's timings and started watching the dough instead. When it had grown by about half and the surface had a few bubbles, I shaped it, whatever the clock said. It went into the fridge overnight and into a very hot pot the next morning.",
        "The result had an open crumb, a crackling crust and a proper sour tang. My partner, who has eaten all five previous attempts without complaint, asked for a second slice before I had finished taking photos.",
    ], [
        "I have no idea whether I can do it again. That is half the fun.",
    ]),
    ("pollinator-strip", "Planting a Pollinator Strip on the Allotment", (2024, 3, 2), "Allotment", [
        "Our allotment has a narrow strip along the south fence where nothing has ever grown well. The soil is thin and the brambles from next door keep creeping through. This spring we decided to stop fighting it and turn it over to the bees.",
        "We cleared the brambles, forked in two barrows of leaf mould, and sowed a mix of native wildflowers: knapweed, bird's-foot trefoil, oxeye daisy, red clover and field scabious. Poor soil suits most of them, which is a nice change.",
        "At the ends of the strip we planted a few things for early and late flowers, when bees struggle most: a couple of pussy willows for March, and some Michaelmas daisies for September.",
        "The committee has agreed to let us leave the strip uncut until late summer, on the condition that we put up a small sign so nobody thinks we have simply given up. The sign says 'Left wild on purpose'.",
    ], [
        "I will post photos in June, if anything comes up. If nothing does, I will post photos of the sign.",
    ]),
    ("ten-days-without-my-phone", "Ten Days Without My Phone (Mostly)", (2024, 2, 12), "Life", [
        "In January I dropped my phone in a car park and the screen shattered so completely that it stopped responding to touch. The repair shop said ten days. I decided to treat it as an experiment rather than an emergency.",
        "The first two days were awkward. I reached for my pocket constantly, usually in queues. I did not know what time the bus was coming, and I had to ask a stranger for directions for the first time in years. She was delighted to help.",
        "By the end of the first week things had settled. I read two books. I went to bed earlier. I wrote a shopping list on paper and, to my surprise, remembered to take it with me.",
        "I did cheat a little. I used the laptop for work messages and for checking the train times before a long journey. But the constant background checking simply stopped, and I have not let it come all the way back.",
    ], [
        "The phone is fixed now. It lives in a drawer in the evenings, which is the one rule I have kept.",
    ]),
    ("best-flask", "The Best Flask I've Owned, and Two That Leaked", (2023, 12, 20), "Kit", [
        "A good flask is the piece of kit I would miss most on a winter walk. Over the years I have owned five, and two of them were so bad they deserve a warning.",
        "The first bad one was a cheap plastic-lidded flask that kept tea warm for about an hour and then leaked it into my rucksack. The second was an expensive one with a clever push-button lid that leaked in exactly the same way, only more slowly.",
        "The one I use now is a plain steel flask with a screw stopper and a cup that doubles as the lid. It is heavy and not at all clever. Tea poured at seven in the morning is still too hot to drink at lunchtime.",
        "If you are choosing one, my advice is simple: avoid anything with a button, look for a stopper you can take apart to clean, and fill it with boiling water for five minutes before you pour your drink in.",
    ], []),
    ("first-hundred-mile-ride", "My First Hundred-Mile Ride", (2024, 3, 16), "Bikes", [
        "I have wanted to ride a hundred miles in a day for about ten years. Last Saturday, on a cold, bright morning, I finally did it, and I am still not entirely sure how.",
        "The route was a big loop through the hills north of town, chosen mostly because it passes three cafes at sensible intervals. I set off at seven with two bottles, a pocket full of flapjack and a spare inner tube I very much hoped not to need.",
        "The first fifty miles felt easy, which in hindsight was a warning. Somewhere around mile seventy my legs filed a formal complaint, and the long drag up to the reservoir took longer than I would like to admit.",
        "What got me home was food. At the last cafe I ate a bowl of soup, a cheese toastie and a slice of carrot cake, and the final twenty miles were almost pleasant. I rolled back into town just as the street lights came on.",
    ], [
        "Total time on the bike: seven hours and forty minutes. Total cake: two slices. I would recommend both.",
    ]),
]
EN_BLOG_COMMENTS = [
    ("Marion", "This made me laugh out loud. I have done exactly the same thing more times than I would like to admit."),
    ("Dev P.", "Great write-up. Thanks for being honest about the parts that went wrong; it is much more useful than a success story."),
    ("hillwalker_jo", "Lovely post as always. Looking forward to the next one!"),
    ("Tom", "Saving this for later. Did you find the second half easier than the first?"),
    ("Sarah K", "The photos would be nice, but honestly your description was enough to picture it."),
]
EN_BLOG_CSS = stylesheet("slowmiles", [".site-header", ".site-title", ".menu-item a", ".entry-title", ".entry-meta",
                                       ".entry-content p", ".wp-block-quote", ".sharedaddy", ".jp-relatedposts",
                                       ".comment-body", ".comment-respond", ".widget-title", ".site-footer", "body"])


def en_blog_page(post, r, *, date_line=None):
    slug, title, (y, m, d), category, always, optional = post
    body = always + [p for p in optional if r.random() < 0.8]
    comments = r.sample(EN_BLOG_COMMENTS, r.randint(1, 4))
    month = datetime.date(y, m, d).strftime("%B")
    date_text = date_line or f"{month} {d}, {y}"
    related = r.sample([p for p in EN_BLOG_POSTS if p is not post], 3)
    comment_html = "\n".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">{esc(n)}</b> '
        f'<time>{month} {min(d + 1 + i, 28)}, {y} at {r.randint(7, 11)}:{r.randint(0, 59):02d} {r.choice(["am", "pm"])}</time></footer>'
        f'<div class="comment-content"><p>{esc(t)}</p></div><a class="comment-reply-link" href="#respond">Reply</a></article></li>'
        for i, (n, t) in enumerate(comments))
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} &#8211; Slow Miles</title>
<meta name="description" content="{esc(always[0][:150])}">
<link rel="canonical" href="https://{EN_BLOG_HOST}/{y}/{m:02d}/{slug}/">
<meta property="og:type" content="article"><meta property="og:title" content="{esc(title)}">
<style id="global-styles-inline-css">{site_chrome(EN_BLOG_HOST)[0]}
{EN_BLOG_CSS}</style>
{inline_runtime(EN_BLOG_HOST, 100)}
<script src="https://stats.analytics.test/e.js" defer data-site="slowmiles"></script>
</head>
<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="https://{EN_BLOG_HOST}/">Slow Miles</a></p>
<p class="site-description">Walking, cycling, and the occasional loaf of bread</p>
<nav class="main-navigation"><ul><li class="menu-item"><a href="/">Home</a></li><li class="menu-item"><a href="/category/walking/">Walking</a></li>
<li class="menu-item"><a href="/category/bikes/">Bikes</a></li><li class="menu-item"><a href="/category/kitchen/">Kitchen</a></li><li class="menu-item"><a href="/about/">About</a></li></ul></nav>
</header>
<div id="content" class="site-content">
<main id="main" class="site-main">
<article class="post type-post status-publish hentry">
<header class="entry-header"><h1 class="entry-title">{esc(title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published">{esc(date_text)}</time></span> <span class="byline">by Hannah</span> in <a href="/category/{category.lower()}/">{category}</a></div></header>
<div class="entry-content">
<figure class="wp-block-image"><img src="{lqip(r, 1400)}" data-src="https://{EN_BLOG_HOST}/wp-content/uploads/{y}/{m:02d}/{slug}.jpg" alt="" class="lazyload"></figure>
{paras([esc(p) for p in body])}
</div>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="https://x.test/share">X</a></li><li><a href="https://facebook.test/share">Facebook</a></li><li><a href="mailto:?subject={esc(title)}">Email</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><ul>
{chr(10).join(f'<li><a href="https://{EN_BLOG_HOST}/{p[2][0]}/{p[2][1]:02d}/{p[0]}/"><img src="{lqip(r, 420)}" alt="">{esc(p[1])}</a></li>' for p in related)}
</ul></div>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">{len(comments)} thoughts on &ldquo;{esc(title)}&rdquo;</h2>
<ol class="comment-list">
{comment_html}
</ol>
<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3><form class="comment-form"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div>
</div>
</main>
<aside class="widget-area"><section class="widget"><h2 class="widget-title">About me</h2><p>I'm Hannah. I walk, I cycle to work, and I write about both when it rains.</p></section>
<section class="widget"><h2 class="widget-title">Follow Blog via Email</h2><form><input type="email" placeholder="Email Address"><button>Follow</button></form></section></aside>
</div>
<footer class="site-footer"><p>&copy; 2024 Slow Miles. Privacy Policy.</p></footer>
</body>
</html>
"""


def en_blog_captures():
    out, by_slug = [], {}
    for post in EN_BLOG_POSTS:
        y, m, _ = post[2]
        c = Capture(f"https://{EN_BLOG_HOST}/{y}/{m:02d}/{post[0]}/", en_blog_page(post, random.Random(f"enblog:{post[0]}")).encode("utf-8"),
                    kind="en blog post", lang="en", group="en-blog")
        out.append(c)
        by_slug[post[0]] = (c, post)
    return out, by_slug


# ---------------------------------------------------------------------------------------------------------------
# English: a local newspaper with comments and "You may also like", The Lakeside Ledger
# ---------------------------------------------------------------------------------------------------------------

EN_NEWS_HOST = "www.lakesideledger.com"
server(EN_NEWS_HOST, ("Server", "Apache"), ("Cache-Control", "max-age=600, public"), ("X-Cache", "MISS"),
       ("Strict-Transport-Security", "max-age=31536000"))

EN_NEWS = [
    ("council-approves-harbour-road-cycle-lane", "Council approves Harbour Road cycle lane after year-long consultation", "News",
     (2024, 2, 8), "Emma Clarke", [
         "A protected cycle lane will be built along Harbour Road this summer after councillors voted seven to three in favour on Tuesday evening, ending more than a year of public consultation.",
         "The lane will run for just under a mile between the railway bridge and the ferry terminal, separated from traffic by a raised kerb. Around forty on-street parking spaces will be removed, although the council says new bays will be created on two side streets.",
         "Supporters packed the public gallery for the vote. Several parents spoke about children who cycle to the secondary school on Quay Lane, which sits halfway along the route. \"At the moment you need nerves of steel,\" one father told the meeting.",
         "Traders were more divided. The chair of the Harbour Road business association said members were worried about deliveries and about older customers who rely on parking outside the shops.",
         "Work is expected to start in June and to take around ten weeks. The council has promised to keep at least one lane open to traffic throughout.",
     ]),
    ("library-seed-swap-doubles-membership", "Library's seed-swap scheme doubles membership in first spring", "Community",
     (2024, 3, 12), "Priya Shah", [
         "A seed library set up in a disused card-index cabinet at Lakeside Central Library has doubled its membership in its first month, with more than three hundred people now signed up.",
         "The idea is simple: borrowers take a packet of seeds, grow the plants, and return some seeds from the harvest at the end of the season. The drawers, which once held catalogue cards, are now labelled beans, tomatoes, herbs and flowers.",
         "Librarian Gwen Porter, who started the scheme, said she had expected a handful of keen gardeners. \"Instead we have had whole families, people from the flats with only a windowsill, and one gentleman who is ninety-one and wants to grow the runner beans his father grew.\"",
         "Local allotment societies have donated seeds to get the collection started. A series of free talks on saving seeds begins next month.",
     ]),
    ("storm-closes-pier-again", "Storm damage closes pier for second time this winter", "News",
     (2024, 1, 22), "Emma Clarke", [
         "The Victorian pier has been closed to the public again after high winds and heavy seas damaged decking near the far end on Sunday night.",
         "Engineers inspected the structure on Monday morning and found that several boards had been lifted and a section of railing had been torn away. Nobody was on the pier at the time.",
         "It is the second closure this winter. The pier reopened only three weeks ago after repairs following a storm in December.",
         "The pier trust said it hoped to reopen the landward half within days, but that the end section, including the cafe, was likely to remain shut until the spring.",
         "A spokesperson for the trust said the repeated damage showed the need for long-term investment, and appealed for volunteers to help with fundraising.",
     ]),
    ("bakery-wins-award-for-rye", "Lakeside bakery wins regional award for its rye loaf", "Business",
     (2024, 2, 27), "Tom Reilly", [
         "A small bakery on Mill Street has won a regional award for its dark rye loaf, beating more than a hundred entries from across the county.",
         "The bakery opened four years ago in a former shoe shop. Its owner, who trained in Denmark, bakes every loaf in a single deck oven that she bought second-hand from a closing hotel.",
         "The judges praised the loaf's deep flavour and moist crumb. The recipe uses a sourdough starter the owner says she has kept going for eleven years.",
         "Since the news broke, queues have formed outside the shop before opening time, and the rye now sells out by ten in the morning. \"I am going to have to get up even earlier,\" she said.",
     ]),
    ("school-bus-route-changes", "School bus route changes spark parent concerns", "Education",
     (2024, 3, 5), "Priya Shah", [
         "Parents in the villages north of the lake have raised concerns about changes to a school bus route that will mean some children walking more than a mile along an unlit road.",
         "The county council says the change, which takes effect after the Easter holidays, is needed because the bus operator can no longer run two vehicles on the route.",
         "Under the new timetable, the bus will no longer stop at the end of Church Lane. Children living there will be expected to walk to a new stop on the main road.",
         "A petition asking the council to think again has gathered more than four hundred signatures. A council spokesperson said officers would meet parents next week to discuss safety measures, including the possibility of a temporary footpath.",
     ]),
    ("volunteers-restore-lifeboat-house", "Volunteers restore 19th-century lifeboat house", "Community",
     (2024, 3, 18), "Tom Reilly", [
         "A group of volunteers has finished restoring the old lifeboat house on the north shore, which had stood empty for nearly forty years.",
         "The building was used by the local lifeboat crew from 1872 until a new station opened in the 1960s. By last year the roof had partly collapsed and the great wooden doors were rotten.",
         "Over eighteen months, the volunteers replaced the roof, rebuilt the doors using oak from a local sawmill, and cleared decades of rubbish from the slipway.",
         "The building will open as a small museum in May, with photographs and logbooks lent by families of former crew members.",
     ]),
    ("harbour-festival-returns", "Harbour festival returns after four-year break", "Community",
     (2024, 3, 22), "Emma Clarke", [
         "The Lakeside Harbour Festival will return this August for the first time since 2019, organisers confirmed on Thursday, after a new volunteer committee took over the running of the event.",
         "The festival, which once drew more than ten thousand visitors over a weekend, was cancelled during the pandemic and did not come back when the previous organisers stepped down.",
         "This year's programme will be smaller, with a single day of events on the quayside: boat trips, a seafood market, live music on a stage built on two borrowed flatbed trailers, and the traditional raft race across the inner harbour.",
         "Committee chair Linda Moss said the group wanted to start modestly and get it right. \"We would rather have a good small festival than an overstretched big one,\" she said.",
         "Volunteers are still needed for stewarding and litter picking. Anyone interested can sign up at the harbour master's office.",
     ]),
    ("new-gp-surgery-opens", "New GP surgery opens on former bus depot site", "News",
     (2024, 3, 26), "Priya Shah", [
         "A new doctors' surgery has opened on the site of the old bus depot in Eastgate, bringing three practices under one roof.",
         "The building includes twelve consulting rooms, a small pharmacy and a community room that local groups will be able to book in the evenings.",
         "Patients of the three practices will not need to re-register, but appointments will move to the new building over the next fortnight. Letters are being sent to every household affected.",
         "Some residents have raised concerns about parking, as the site has only forty spaces. The health board said the surgery is on two bus routes and that a new pedestrian crossing will be installed on Station Road in May.",
     ]),
]
EN_NEWS_COMMENTS = [
    ("LakesideLocal", "About time. I've lived here thirty years and this has been talked about for most of them."),
    ("Grumpy Gary", "And who is paying for all this? Not the people who actually use it, I bet."),
    ("J. Marsh", "Good news for once. Well done to everyone involved."),
    ("Anon", "The Ledger should look into how the decision was actually made. There's more to this story."),
    ("Carol B", "My grandchildren will be thrilled. Thank you for reporting on this."),
    ("PeteR", "Same thing happened in my old town and it worked out fine in the end. Give it a chance."),
]
EN_NEWS_CSS = stylesheet("ledger", [".masthead", ".nav-primary a", ".article-headline", ".article-byline", ".article-body p",
                                    ".article-tags a", ".comments-section", ".comment", ".you-may-also-like li",
                                    ".newsletter-signup", ".site-footer", ".ad-container", "body"])


def en_news_url(a):
    y, m, d = a[3]
    return f"https://{EN_NEWS_HOST}/{a[2].lower()}/{y}/{m:02d}/{d:02d}/{a[0]}"


def en_news_page(article, r, *, syndicated=False):
    slug, title, section, (y, m, d), author, body = article
    comments = r.sample(EN_NEWS_COMMENTS, r.randint(2, 5))
    more = r.sample([a for a in EN_NEWS if a is not article], 4)
    when = datetime.date(y, m, d).strftime("%A %d %B %Y")
    comment_html = "\n".join(f'<div class="comment"><p class="comment-author">{esc(n)}</p><p class="comment-time">{r.randint(1, 23)} hours ago</p>'
                             f'<p class="comment-text">{esc(t)}</p><p class="comment-actions"><a href="#">Reply</a> <a href="#">Report</a></p></div>'
                             for n, t in comments)
    if syndicated:
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)} | Regional Wire</title>
<link rel="canonical" href="{en_news_url(article)}"></head>
<body><div class="wire-header"><a href="/">Regional Wire</a> <span>News from around the county</span></div>
<div class="wire-article"><h1>{esc(title)}</h1>
<p class="wire-source">By {esc(author)}, The Lakeside Ledger &middot; {when}</p>
{paras([esc(p) for p in body])}
<p class="wire-credit">This story first appeared in The Lakeside Ledger and is republished with permission.</p></div>
<div class="wire-more"><h3>More regional news</h3><ul>{links([(en_news_url(a), a[1]) for a in more[:3]])}</ul></div>
<div class="wire-footer">&copy; Regional Wire Syndicate</div></body></html>
"""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(title)} | The Lakeside Ledger</title>
<meta name="description" content="{esc(body[0][:155])}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{esc(title)}"><meta property="article:section" content="{section}">
<style>{site_chrome(EN_NEWS_HOST)[0]}
{EN_NEWS_CSS}</style>
{page_config(EN_NEWS_HOST, r, units=14)}
{inline_runtime(EN_NEWS_HOST, 360)}
<script async src="https://ads.adnet.test/prebid.js"></script>
</head>
<body class="article-page">
<header class="masthead"><a class="logo" href="/">The Lakeside Ledger</a><p class="masthead-date">{when}</p>
<nav class="nav-primary"><a href="/news/">News</a> <a href="/community/">Community</a> <a href="/business/">Business</a> <a href="/education/">Education</a> <a href="/sport/">Sport</a> <a href="/opinion/">Opinion</a> <a href="/subscribe/">Subscribe</a></nav></header>
<main class="article-main">
<article class="article">
<p class="article-section"><a href="/{section.lower()}/">{section}</a></p>
<h1 class="article-headline">{esc(title)}</h1>
<p class="article-byline">By <a href="/authors/{author.lower().replace(' ', '-')}/">{esc(author)}</a> &middot; <time>{when}</time></p>
<figure class="article-image"><img src="{lqip(r, 1800)}" data-src="https://img.lakesideledger.com/{slug}.jpg" alt=""><figcaption>Photo: Ledger staff</figcaption></figure>
<div class="article-body">
{paras([esc(p) for p in body])}
</div>
<p class="article-tags">Topics: <a href="/tag/{section.lower()}/">{section}</a> <a href="/tag/lakeside/">Lakeside</a></p>
</article>
<div class="ad-container">Advertisement</div>
<section class="comments-section" id="comments"><h2>Comments ({len(comments)})</h2>
<p class="comments-policy">Comments are moderated. Please keep it civil.</p>
{comment_html}
<form class="comment-form"><textarea placeholder="Join the conversation"></textarea><button>Post comment</button></form>
</section>
<section class="you-may-also-like"><h2>You may also like</h2><ul>
{chr(10).join(f'<li><a href="{en_news_url(a)}"><img src="{lqip(r, 400)}" alt="">{esc(a[1])}</a></li>' for a in more)}
</ul></section>
{site_chrome(EN_NEWS_HOST)[1]}
<section class="newsletter-signup"><h2>Get the Ledger in your inbox</h2><p>Sign up for our free morning newsletter.</p><form><input type="email"><button>Sign up</button></form></section>
</main>
<footer class="site-footer"><p><a href="/about/">About us</a> | <a href="/contact/">Contact</a> | <a href="/privacy/">Privacy policy</a> | <a href="/terms/">Terms of use</a></p>
<p>&copy; 2024 The Lakeside Ledger. All rights reserved.</p></footer>
</body>
</html>
"""


def en_news_captures():
    out, by_slug = [], {}
    for a in EN_NEWS:
        c = Capture(en_news_url(a), en_news_page(a, random.Random(f"ennews:{a[0]}")).encode("utf-8"),
                    "text/html; charset=UTF-8", kind="en news article with comments", lang="en", group="en-news")
        out.append(c)
        by_slug[a[0]] = (c, a)
    r = random.Random("ennews:community")
    items = "\n".join(f'<article class="card"><a href="{en_news_url(a)}"><img src="{lqip(r, 600)}" alt=""><h2>{esc(a[1])}</h2></a>'
                      f'<p class="card-standfirst">{esc(a[5][0])}</p><p class="card-byline">By {esc(a[4])}</p></article>'
                      for a in EN_NEWS if a[2] in ("Community", "News"))
    page = (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Community | The Lakeside Ledger</title>\n'
            f'<style>{site_chrome(EN_NEWS_HOST)[0]}\n{EN_NEWS_CSS}</style>\n{page_config(EN_NEWS_HOST, r, units=14)}\n{inline_runtime(EN_NEWS_HOST, 360)}\n</head>\n'
            f'<body class="section-page"><header class="masthead"><a class="logo" href="/">The Lakeside Ledger</a></header>\n'
            f'<main><h1>Community</h1>\n{items}\n<a class="load-more" href="/community/?page=2">Load more</a></main>\n'
            f'<footer class="site-footer"><p>&copy; 2024 The Lakeside Ledger. All rights reserved.</p></footer></body></html>\n')
    out.append(Capture(f"https://{EN_NEWS_HOST}/community/", page.encode("utf-8"), "text/html; charset=UTF-8",
                       kind="en news section page (standfirsts)", lang="en", group="en-news"))
    return out, by_slug


# ---------------------------------------------------------------------------------------------------------------
# English: documentation with code blocks (tidekit), a publication list, recipes
# ---------------------------------------------------------------------------------------------------------------

DOCS_HOST = "docs.tidekit.dev"
server(DOCS_HOST, ("Server", "GitHub.com"), ("Cache-Control", "max-age=600"), ("Access-Control-Allow-Origin", "*"),
       ("X-GitHub-Request-Id", "A1B2:3C4D:5E6F7A:8B9C0D:65F0A1B2"))

DOCS_PAGES = [
    ("installation", "Installation", [
        ("p", "tidekit is a small Python library for reading and summarising tide-gauge records. It needs Python 3.9 or later and has no required dependencies outside the standard library."),
        ("h2", "Installing from PyPI"),
        ("p", "The easiest way to install tidekit is with pip. We recommend installing it into a virtual environment so that it does not interfere with other projects:"),
        ("code", "python3 -m venv .venv\nsource .venv/bin/activate\npip install tidekit"),
        ("p", "To check that the installation worked, print the version number:"),
        ("code", "python -c \"import tidekit; print(tidekit.__version__)\""),
        ("h2", "Optional extras"),
        ("p", "Plotting support is available as an extra. It pulls in matplotlib, which is large, so it is not installed by default:"),
        ("code", "pip install \"tidekit[plot]\""),
        ("p", "If you only need to read files and compute statistics, the plain install is enough."),
    ]),
    ("quickstart", "Quickstart", [
        ("p", "This page walks through reading a tide-gauge file, cleaning it and computing a few summary statistics. It assumes you have already installed tidekit."),
        ("h2", "Reading a file"),
        ("p", "Most gauges export comma-separated files with a timestamp and a water level on each line. Open one with read_gauge, which returns a Series object:"),
        ("code", "import tidekit\n\nseries = tidekit.read_gauge(\"harbour-2023.csv\")\nprint(len(series), \"readings from\", series.start, \"to\", series.end)"),
        ("p", "Timestamps are converted to UTC. If your file uses local time without an offset, pass the time zone explicitly with the tz argument."),
        ("h2", "Cleaning the data"),
        ("p", "Real gauge records have gaps and spikes. The clean method drops readings that jump further than a threshold from their neighbours and fills short gaps by linear interpolation:"),
        ("code", "cleaned = series.clean(max_jump=0.5, fill_gaps=\"15min\")\nprint(cleaned.gaps())"),
        ("h2", "Summary statistics"),
        ("p", "Once the series is clean, you can compute the usual tidal datums:"),
        ("code", "stats = cleaned.datums()\nfor name, level in stats.items():\n    print(f\"{name:>6}: {level:.2f} m\")"),
        ("p", "This prints mean high water, mean low water and mean sea level for the period covered by the file."),
    ]),
    ("configuration", "Configuration", [
        ("p", "tidekit reads optional settings from a file named tidekit.toml in the current directory, or from the path in the TIDEKIT_CONFIG environment variable."),
        ("h2", "Example"),
        ("code", "[reader]\ntimezone = \"Europe/London\"\ndecimal = \".\"\nskip_rows = 2\n\n[clean]\nmax_jump = 0.4\nfill_gaps = \"30min\""),
        ("p", "Every setting can also be passed as a keyword argument, which takes precedence over the file. Unknown keys are an error, so that a misspelt setting does not silently do nothing."),
        ("h2", "Settings"),
        ("p", "The reader section controls how files are parsed. The clean section sets the defaults for the clean method. A full list of settings, with their defaults, is printed by the command tidekit config --defaults."),
    ]),
    ("api/series", "API reference: Series", [
        ("p", "A Series holds an ordered sequence of timestamped water levels. It is immutable: every method returns a new Series."),
        ("h2", "Series.clean(max_jump=0.5, fill_gaps=None)"),
        ("p", "Returns a copy without spikes. A reading is dropped when it differs from both of its neighbours by more than max_jump metres. When fill_gaps is given, gaps up to that length are filled by linear interpolation."),
        ("code", "def clean(self, max_jump=0.5, fill_gaps=None):\n    kept = [r for i, r in enumerate(self.readings) if not self._is_spike(i, max_jump)]\n    series = Series(kept)\n    return series.fill(fill_gaps) if fill_gaps else series"),
        ("h2", "Series.datums()"),
        ("p", "Returns a dictionary of tidal datums (MHW, MLW, MSL) in metres, computed from the high and low waters found in the series. Raises ValueError when the series is shorter than one tidal day."),
        ("h2", "Series.resample(interval)"),
        ("p", "Returns the series at a fixed interval, such as \"10min\" or \"1h\", averaging the readings that fall in each interval."),
    ]),
    ("faq", "Frequently asked questions", [
        ("h2", "Why are my timestamps an hour out?"),
        ("p", "Your file is probably in local time and includes summer time. Pass tz=\"Europe/London\" (or your own zone) to read_gauge so that tidekit can convert the timestamps correctly."),
        ("h2", "Can tidekit read NetCDF files?"),
        ("p", "Not directly. Convert them to CSV first, or open them with another library and build a Series from the values with Series.from_pairs."),
        ("h2", "How do I report a bug?"),
        ("p", "Please open an issue on the project's tracker with a small file that shows the problem, the command you ran and the full error message."),
    ]),
    ("changelog", "Changelog", [
        ("h2", "1.4.0 (2024-02-20)"),
        ("p", "Added Series.resample for fixed-interval averages. The clean method now fills gaps only when fill_gaps is given; previously it filled gaps of up to fifteen minutes by default."),
        ("p", "Timestamps without an offset are now an error unless a time zone is given, instead of being read as UTC without a warning."),
        ("h2", "1.3.2 (2023-11-07)"),
        ("p", "Fixed a crash when a file ended with an empty line. Reading large files is now about twice as fast."),
        ("h2", "1.3.0 (2023-08-15)"),
        ("p", "Added the configuration file, tidekit.toml, and the TIDEKIT_CONFIG environment variable. Dropped support for Python 3.8."),
    ]),
]
DOCS_CSS = stylesheet("tidekit", [".wy-nav-side", ".wy-menu a", ".rst-content h1", ".rst-content h2", ".rst-content p",
                                  ".highlight pre", ".highlight .k", ".highlight .s", ".rst-footer-buttons a",
                                  ".version-switch", "body"])


def docs_page(slug, title, blocks, version="1.4"):
    body = []
    for kind, value in blocks:
        if kind == "code":
            body.append(f'<div class="highlight-python notranslate"><div class="highlight"><pre><span></span><code>{esc(value)}</code></pre></div></div>')
        else:
            body.append(f"<{kind}>{esc(value)}</{kind}>")
    menu = "\n".join(f'<li class="toctree-l1{" current" if s == slug else ""}"><a class="reference internal" href="/en/{version}/{s}.html">{esc(t)}</a></li>'
                     for s, t, _ in DOCS_PAGES)
    return f"""<!DOCTYPE html>
<html class="writer-html5" lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(title)} &mdash; tidekit {version} documentation</title>
<link rel="stylesheet" href="/en/{version}/_static/css/theme.css" type="text/css">
<style>{DOCS_CSS}</style>
<script src="/en/{version}/_static/documentation_options.js"></script>
</head>
<body class="wy-body-for-nav">
<div class="wy-grid-for-nav">
<nav data-toggle="wy-nav-shift" class="wy-nav-side"><div class="wy-side-scroll">
<div class="wy-side-nav-search"><a href="/en/{version}/index.html" class="icon icon-home">tidekit</a><div class="version">{version}</div>
<form id="rtd-search-form" action="/en/{version}/search.html"><input type="text" name="q" placeholder="Search docs"></form></div>
<div class="wy-menu wy-menu-vertical" role="navigation"><p class="caption"><span class="caption-text">Contents</span></p><ul>
{menu}
</ul></div></div></nav>
<section data-toggle="wy-nav-shift" class="wy-nav-content-wrap"><div class="wy-nav-content"><div class="rst-content">
<div role="navigation" aria-label="Page navigation"><ul class="wy-breadcrumbs"><li><a href="/en/{version}/index.html">Docs</a> &raquo;</li><li>{esc(title)}</li></ul></div>
<div role="main" class="document"><div itemprop="articleBody">
<section id="{slug.replace('/', '-')}"><h1>{esc(title)}</h1>
{chr(10).join(body)}
</section>
</div></div>
<footer><div class="rst-footer-buttons" role="navigation"><a href="/en/{version}/index.html" class="btn btn-neutral float-left">Previous</a> <a href="/en/{version}/faq.html" class="btn btn-neutral float-right">Next</a></div>
<hr><div role="contentinfo"><p>&copy; Copyright 2022-2024, the tidekit authors.</p></div>
Built with <a href="https://www.sphinx-doc.test/">Sphinx</a> using a theme provided by Read the Docs.</footer>
</div></div></section>
</div>
</body>
</html>
"""


def docs_captures():
    out, by_slug = [], {}
    for slug, title, blocks in DOCS_PAGES:
        c = Capture(f"https://{DOCS_HOST}/en/1.4/{slug}.html", docs_page(slug, title, blocks).encode("utf-8"),
                    "text/html; charset=utf-8", kind="en documentation page with code blocks", lang="en", group="en-docs")
        out.append(c)
        by_slug[slug] = (c, (slug, title, blocks))
    return out, by_slug


PUBLICATIONS = [
    ("Seasonal variability of the coastal current off the Shiomi peninsula", "A. Hart, K. Mori, L. Evans", "Journal of Coastal Oceanography", 2024, "12(3): 201-219"),
    ("A low-cost drifter for student field courses", "A. Hart, R. Okafor", "Oceanography Education Letters", 2023, "7: 44-52"),
    ("Tide-gauge records as a teaching resource: three case studies", "A. Hart", "Marine Science Teaching", 2023, "15(1): 9-21"),
    ("Warm-water intrusions and the timing of the spring bloom", "K. Mori, A. Hart, S. Tanaka", "Continental Shelf Dynamics", 2022, "41: 1130-1148"),
    ("Cleaning noisy sea-level data without discarding the storms", "A. Hart, J. Lindqvist", "Journal of Atmospheric and Oceanic Methods", 2022, "39(8): 1502-1515"),
    ("Mapping the harbour front with an autonomous kayak", "R. Okafor, A. Hart", "Proceedings of the Small Vessels Workshop", 2021, "pp. 88-95"),
    ("Long-term trends in surface temperature at two island stations", "A. Hart, L. Evans", "Regional Climate Notes", 2020, "4(2): 17-30"),
    ("An open dataset of hourly water levels, 1950-2019", "A. Hart, M. Bauer, K. Mori", "Data in Ocean Science", 2020, "2: e14"),
]


def publications_capture():
    items = "\n".join(f'<li><a href="/papers/{y}-{k}.pdf">{esc(t)}</a>. {esc(a)}. <em>{esc(j)}</em> ({y}), {esc(v)}.</li>'
                      for k, (t, a, j, y, v) in enumerate(PUBLICATIONS))
    body = (f'<div id="nav"><a href="/~ahart/">Home</a> | <a href="/~ahart/teaching.html">Teaching</a> | <a href="/~ahart/pubs.html">Publications</a> | <a href="/~ahart/group.html">Group</a></div>\n'
            f'<div id="main"><h1>Publications</h1>\n<p>Copies of papers are provided for personal research use. Students on my courses can find reading lists on the teaching page.</p>\n'
            f'<h2>Journal articles and proceedings</h2>\n<ol reversed>\n{items}\n</ol>\n'
            f'<h2>Theses supervised</h2>\n<ul><li>R. Okafor, <em>Small autonomous platforms for harbour surveys</em>, PhD thesis, 2023.</li>'
            f'<li>S. Tanaka, <em>Nutrient supply by warm-water intrusions</em>, MSc thesis, 2021.</li></ul>\n'
            f'<p class="updated">Last updated: 5 February 2024</p></div>')
    return Capture("https://www.ocean.northshore.ac.uk/~ahart/pubs.html", simple_page("en", "Amelia Hart - Publications", body).encode("utf-8"),
                   "text/html", kind="en publication list", lang="en", group="en-pubs")


EN_RECIPES = [
    ("weeknight-lentil-soup", "Weeknight Red Lentil Soup", [
        "There is a particular kind of Tuesday when you get home late, the fridge is nearly empty, and you want something warm that does not involve a trip to the shop. This soup was made for that Tuesday.",
        "It uses store-cupboard ingredients, takes about thirty minutes, and freezes well. I make a double batch and keep portions in the freezer for exactly this kind of evening.",
        "Red lentils are the key. Unlike green or brown ones, they break down completely as they cook, so the soup becomes thick and creamy without any cream at all.",
    ], ["1 tbsp olive oil", "1 onion, chopped", "2 carrots, diced", "2 garlic cloves, crushed", "1 tsp ground cumin",
        "200 g red lentils, rinsed", "1 tin chopped tomatoes", "1.2 litres vegetable stock", "Juice of half a lemon", "Salt and pepper"],
     ["Heat the oil in a large pan and cook the onion and carrots gently for about eight minutes, until soft.",
      "Stir in the garlic and cumin and cook for one more minute.",
      "Add the lentils, tomatoes and stock. Bring to the boil, then simmer for twenty minutes, stirring now and then, until the lentils have collapsed.",
      "Blend until smooth, or leave it chunky if you prefer. Stir in the lemon juice and season to taste."]),
    ("lemon-drizzle-traybake", "Lemon Drizzle Traybake", [
        "Every family has a cake that appears at every birthday, bake sale and funeral. In ours, it is this one. My grandmother made it in a battered roasting tin, and so do I.",
        "A traybake is more forgiving than a round cake. It bakes evenly, it cuts into neat squares, and it does not matter if the top cracks, because the drizzle will cover it.",
        "The trick is to pour the lemon syrup over the cake while it is still hot, so that it soaks right in and leaves a crunchy sugar crust on top.",
    ], ["225 g softened butter", "225 g caster sugar", "275 g self-raising flour", "2 tsp baking powder", "4 eggs",
        "4 tbsp milk", "Finely grated zest of 2 lemons", "For the drizzle: 175 g granulated sugar and the juice of 2 lemons"],
     ["Heat the oven to 180C (160C fan) and line a tin of about 30 x 23 cm with baking paper.",
      "Beat the butter, sugar, flour, baking powder, eggs, milk and lemon zest together until smooth.",
      "Spread into the tin and bake for 35 to 40 minutes, until golden and springy to the touch.",
      "Mix the granulated sugar with the lemon juice and spoon it over the cake as soon as it comes out of the oven. Leave to cool in the tin before cutting."]),
]


FORUM_HOST = "forum.commuter-cyclists.org.uk"
server(FORUM_HOST, ("Server", "Apache"), ("X-Powered-By", "PHP/8.1.2-1ubuntu2.14"), ("Cache-Control", "private, no-cache"),
       ("Set-Cookie", "phpbb3_ccf_sid=9c1e07; path=/; secure; HttpOnly"))
FORUM_POSTS = [
    ("rustyspokes", "My bike was stolen from outside the station last week, despite being locked with a cable lock. I know, I know. Before I buy a replacement bike I want a lock I can actually trust. What do people here use, and how do you lock up at stations?"),
    ("gearcrunch", "A decent D-lock through the frame and rear wheel, plus a cable for the front wheel. Cable locks on their own can be cut in seconds with small bolt cutters, so I'm afraid you learned that the hard way."),
    ("Ms_Pedals", "Two different kinds of lock, if you can carry the weight. Thieves tend to carry one kind of tool, and a bike that takes two tools to free is less attractive than the one next to it."),
    ("old_tom", "Lock it to something that can't be lifted or unbolted, keep the lock off the ground so it can't be smashed against the pavement, and register the frame number. The last one is how I got my bike back two years ago."),
    ("rustyspokes", "Thanks all, this is really helpful. D-lock plus cable it is, and I'm registering the frame number tonight."),
]


def forum_capture():
    r = random.Random("forum")
    posts = "\n".join(
        f'<div id="p{88120 + k}" class="post bg{k % 2 + 1}"><div class="postbody"><h3><a href="#p{88120 + k}">{"Re: " if k else ""}Which lock do you actually trust?</a></h3>'
        f'<p class="author">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u={r.randint(100, 9999)}" class="username">{esc(n)}</a></strong> &raquo; {12 + k // 2} Mar 2024, {r.randint(7, 22)}:{r.randint(0, 59):02d}</p>'
        f'<div class="content">{esc(t)}</div></div>'
        f'<dl class="postprofile"><dt>{esc(n)}</dt><dd><strong>Posts:</strong> {r.randint(3, 4000)}</dd><dd><strong>Joined:</strong> {r.choice(["Jan", "Jun", "Oct"])} {r.randint(2009, 2023)}</dd></dl>'
        f'<ul class="post-buttons"><li><a href="./posting.php?mode=quote&amp;p={88120 + k}" class="button">Quote</a></li></ul></div>'
        for k, (n, t) in enumerate(FORUM_POSTS))
    body = (f'<div id="wrap"><div class="headerbar"><a href="./index.php" class="logo">Commuter Cyclists Forum</a><p>Riding to work, all year round</p></div>\n'
            f'<div class="navbar"><ul class="nav-breadcrumbs"><li><a href="./index.php">Board index</a> &lsaquo; <a href="./viewforum.php?f=4">Kit and Security</a></li></ul>'
            f'<a href="./ucp.php?mode=login">Login</a> <a href="./ucp.php?mode=register">Register</a></div>\n'
            f'<div id="page-body"><h2 class="topic-title"><a href="./viewtopic.php?t=9911">Which lock do you actually trust?</a></h2>\n'
            f'<div class="action-bar"><a href="./posting.php?mode=reply&amp;t=9911" class="button">Post Reply</a> <span class="pagination">{len(FORUM_POSTS)} posts &bull; Page 1 of 1</span></div>\n'
            f'{posts}\n<div class="stat-block online-list"><h3>Who is online</h3><p>Users browsing this forum: No registered users and 4 guests</p></div></div>\n'
            f'<div class="copyright">Powered by phpBB&reg; Forum Software &copy; phpBB Limited</div></div>')
    return Capture(f"https://{FORUM_HOST}/viewtopic.php?t=9911", simple_page("en-gb", "Which lock do you actually trust? - Commuter Cyclists Forum", body).encode("utf-8"),
                   kind="en forum thread", lang="en", group="en-forum")


def en_recipe_captures():
    out = []
    for slug, title, intro, ingredients, steps in EN_RECIPES:
        body = (f'<header class="site-header"><a class="logo" href="/">Crumbs &amp; Co.</a><nav class="menu"><a href="/recipes/">Recipes</a> <a href="/about/">About</a></nav></header>\n'
                f'<main><article class="post"><h1 class="entry-title">{esc(title)}</h1>\n<p class="jump"><a href="#recipe">Jump to Recipe</a> &middot; <a href="#print">Print Recipe</a></p>\n'
                f'<div class="entry-content">\n{paras([esc(p) for p in intro])}\n'
                f'<div class="recipe-card" id="recipe"><h2>{esc(title)}</h2>\n<h3>Ingredients</h3><ul class="ingredients">\n'
                + "\n".join(f"<li>{esc(i)}</li>" for i in ingredients) + '\n</ul>\n<h3>Method</h3><ol class="instructions">\n'
                + "\n".join(f"<li>{esc(s)}</li>" for s in steps) + '\n</ol></div>\n</div></article>\n'
                '<section class="comments"><h2>Comments</h2><div class="comment"><p>Made this last night and it was perfect. Thank you!</p></div></section></main>\n'
                '<footer class="site-footer">&copy; Crumbs &amp; Co. As an affiliate we may earn from qualifying purchases.</footer>')
        out.append(Capture(f"https://crumbsandco.kitchen/recipes/{slug}/", simple_page("en", f"{title} - Crumbs &amp; Co.", body).encode("utf-8"),
                           kind="en recipe", lang="en", group="en-recipe"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# English junk: keyword spam, a link farm, an adult landing page, parked domains, server default pages, logins,
# very short pages, a registry-like table with repeated rows
# ---------------------------------------------------------------------------------------------------------------

def en_junk_captures():
    out = []
    spam = [
        "Cheap flights cheap flights cheap flights to London, cheap flights to Paris, cheap flights to New York. Find cheap flights now.",
        "Best cheap flights deals. Cheap flights cheap hotels cheap car hire. Cheap flights today, cheap flights tomorrow, cheap flights always.",
        "Compare cheap flights from all airlines. Cheap flights, cheapest flights, cheap flight tickets, cheap airfare, cheap flights online.",
        "Book cheap flights. Cheap flights UK. Cheap flights Europe. Cheap flights last minute. Cheap flights cheap flights.",
    ]
    body = '<div class="content"><h1>Cheap Flights | Cheap Flights Deals | Cheap Flights Online</h1>\n' + paras(spam) + \
           '\n<p class="tags">cheap flights, cheap flight, flights cheap, cheap air tickets, cheap flights deals, best cheap flights</p></div>'
    out.append(Capture("http://cheap-flights-deals-now.top/", simple_page("en", "Cheap Flights - Cheap Flights Deals - Cheap Flights Online", body).encode("utf-8"),
                       kind="en keyword-stuffed spam", lang="en", group="en-junk"))
    r = random.Random("en-linkfarm")
    topics = ["payday loans", "car insurance", "weight loss", "seo services", "casino bonus", "web hosting", "crypto wallet",
              "dating tips", "cheap watches", "forex signals", "vpn deals", "replica bags"]
    anchors = [f'<a href="http://best-directory-links.biz/out/{k}">{" ".join(r.sample(topics, 1))} {r.choice(["best", "top", "cheap", "free", "online"])}</a>'
               for k in range(60)]
    body = ('<h1>Best Directory Links - Submit Your Site</h1>\n<div class="links">' + " &middot; ".join(anchors) +
            '</div>\n<p>Submit your link for free. Reciprocal links welcome.</p>')
    out.append(Capture("http://best-directory-links.biz/", simple_page("en", "Best Directory Links", body).encode("utf-8"),
                       kind="en link farm", lang="en", group="en-junk"))
    adult = ('<div id="age-check" class="modal"><h2>Are you 18 or older?</h2><p>This site contains adult content. You must be at least 18 years old to enter.</p>'
             '<a class="yes" href="/enter">Yes, I am 18+</a> <a class="no" href="https://www.example.com/">No, take me away</a></div>\n'
             '<header><a href="/">LiveCams XXX</a> <a href="/cams">Live Cams</a> <a href="/videos">XXX Videos</a> <a href="/singles">Hot Singles</a></header>\n'
             '<h1>Live cams and hot singles online now</h1>\n<p>Thousands of live cams. Hot singles near you. Free xxx videos updated daily. Live cams live cams. '
             'Hot singles want to chat tonight. Join free, 18+ only.</p>\n<div class="tiles">' +
             "".join(f'<a href="/room/{k}"><img src="/thumbs/{k}.jpg" alt=""><span>{t}</span></a>' for k, t in enumerate(
                 ["Live cams now", "Hot singles online", "XXX videos HD", "Private live cams", "Hot singles near you", "New xxx videos"] * 2)) +
             '</div>\n<p class="seo">live cams xxx videos hot singles adult chat live cams free xxx videos hot singles live cams</p>\n'
             '<footer>18 U.S.C. 2257 Record-Keeping Requirements Compliance Statement</footer>')
    out.append(Capture("https://livecams-xxx-online.test/", simple_page("en", "Live Cams, XXX Videos and Hot Singles - 18+", adult,
                                                                        head='<meta name="rating" content="adult">\n').encode("utf-8"),
                       kind="en adult landing page (age gate)", lang="en", group="en-junk"))
    parked = ('<div class="parking"><h1>harbourviewholidays.net</h1><p>This domain may be for sale!</p><p>Click here to inquire about this domain.</p>'
              '<h2>Related Searches:</h2><ul><li><a href="/search?q=holiday+cottages">Holiday Cottages</a></li><li><a href="/search?q=beach+hotels">Beach Hotels</a></li>'
              '<li><a href="/search?q=cheap+holidays">Cheap Holidays</a></li><li><a href="/search?q=harbour+view">Harbour View</a></li></ul>'
              '<p class="disclaimer">The sponsored listings displayed above are served automatically by a third party. Neither the service provider nor the domain owner maintain any relationship with the advertisers.</p></div>')
    out.append(Capture("http://harbourviewholidays.net/", simple_page("en", "harbourviewholidays.net", parked).encode("utf-8"),
                       kind="en parked domain", lang="en", group="en-junk", server_headers=[("Server", "Parking/1.0")]))
    coming = ('<div class="center"><h1>Coming Soon</h1><p>Our new website is under construction. Please check back soon!</p>'
              '<p>Follow us on social media for updates.</p></div>')
    out.append(Capture("https://www.greenleaf-landscaping.co/", simple_page("en", "Coming Soon", coming).encode("utf-8"),
                       kind="en placeholder page (coming soon)", lang="en", group="en-junk"))
    nginx = ('<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and working. Further configuration is required.</p>\n'
             '<p>For online documentation and support please refer to <a href="http://nginx.org/">nginx.org</a>.<br/>\nCommercial support is available at '
             '<a href="http://nginx.com/">nginx.com</a>.</p>\n<p><em>Thank you for using nginx.</em></p>')
    out.append(Capture("http://203.0.113.77/", f'<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml {{ color-scheme: light dark; }}\n'
                       f'body {{ width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }}\n</style>\n</head>\n<body>\n{nginx}\n</body>\n</html>\n'.encode(),
                       "text/html", kind="web-server default page (nginx)", lang="en", group="en-junk", server_headers=[("Server", "nginx/1.18.0 (Ubuntu)")]))
    apache = ('<div class="main_page"><div class="page_header floating_element"><span class="floating_element">Apache2 Ubuntu Default Page</span></div>\n'
              '<div class="content_section floating_element"><div class="section_header section_header_red"><div id="about"></div>It works!</div>\n'
              '<div class="content_section_text"><p>This is the default welcome page used to test the correct operation of the Apache2 server after installation on Ubuntu systems. '
              'It is based on the equivalent page on Debian, from which the Ubuntu Apache packaging is derived. If you can read this page, it means that the Apache HTTP server '
              'installed at this site is working properly. You should <b>replace this file</b> (located at <tt>/var/www/html/index.html</tt>) before continuing to operate your HTTP server.</p>\n'
              '<p>If you are a normal user of this web site and don\'t know what this page is about, this probably means that the site is currently unavailable due to maintenance.</p></div></div></div>')
    out.append(Capture("http://mail.shiomi-kaiun.co.jp/", simple_page("en", "Apache2 Ubuntu Default Page: It works", apache).encode("utf-8"),
                       kind="web-server default page (Apache)", lang="en", group="en-junk", server_headers=[("Server", "Apache/2.4.52 (Ubuntu)")]))
    login = ('<div class="login-box"><img src="/static/logo.svg" alt="Lakeside Webmail"><h1>Sign in</h1><form method="post" action="/login">'
             '<label>Username<input name="user"></label><label>Password<input type="password" name="pass"></label>'
             '<label><input type="checkbox"> Keep me signed in</label><button>Sign in</button></form><p><a href="/forgot">Forgot your password?</a></p></div>')
    out.append(Capture("https://webmail.lakeside-net.com/login?next=%2Finbox", simple_page("en", "Lakeside Webmail - Sign in", login).encode("utf-8"),
                       kind="en login page", lang="en", group="en-junk"))
    admin = ('<div id="login"><h1><a href="https://wordpress.test/">Powered by WordPress</a></h1><form name="loginform" id="loginform" action="/wp-login.php" method="post">'
             '<p><label for="user_login">Username or Email Address</label><input type="text" name="log" id="user_login"></p>'
             '<p><label for="user_pass">Password</label><input type="password" name="pwd" id="user_pass"></p>'
             '<p class="forgetmenot"><input name="rememberme" type="checkbox" id="rememberme"> <label for="rememberme">Remember Me</label></p>'
             '<p class="submit"><input type="submit" name="wp-submit" value="Log In"></p></form><p id="nav"><a href="/wp-login.php?action=lostpassword">Lost your password?</a></p>'
             '<p id="backtoblog"><a href="https://slowmiles.blog/">&larr; Go to Slow Miles</a></p></div>')
    out.append(Capture("https://slowmiles.blog/wp-login.php", simple_page("en", "Log In &lsaquo; Slow Miles &#8212; WordPress", admin).encode("utf-8"),
                       kind="en login page", lang="en", group="en-junk"))
    out.append(Capture("https://api.tidekit.dev/health", b"OK\n", "text/plain", kind="en very short page", lang="en", group="en-junk"))
    out.append(Capture("https://www.lakesideledger.com/subscribe/thanks", simple_page(
        "en", "Thanks!", "<main><h1>Thanks!</h1><p>You're subscribed.</p></main>").encode("utf-8"),
                       kind="en very short page", lang="en", group="en-junk"))
    # A registry-like table: the same row shape again and again, many rows identical but for a number.
    rr = random.Random("registry")
    rows = []
    for k in range(90):
        status = rr.choice(["Active", "Active", "Active", "Lapsed", "Pending"])
        rows.append(f"<tr><td>LKS-{2024000 + k}</td><td>Dog licence</td><td>{status}</td><td>Lakeside District</td><td>{rr.choice(['Annual', 'Annual', 'Lifetime'])}</td></tr>")
    body = ('<h1>Public Register of Dog Licences</h1>\n<p>Register maintained under the Animal Licensing Bylaw. Extract generated 2024-03-01.</p>\n'
            '<table class="register"><tr><th>Licence number</th><th>Type</th><th>Status</th><th>District</th><th>Term</th></tr>\n' + "\n".join(rows) + '\n</table>')
    out.append(Capture("https://registers.lakeside-district.gov.test/dog-licences?page=1", simple_page("en", "Public Register of Dog Licences", body).encode("utf-8"),
                       kind="en registry table (repeated rows)", lang="en", group="en-junk"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Source code: Python, JavaScript, Go and C files, a minified bundle, a JSONP response
# ---------------------------------------------------------------------------------------------------------------

CODE_HOST = "raw.codeberg-mirror.test"
server(CODE_HOST, ("Server", "nginx"), ("Cache-Control", "max-age=300"), ("X-Content-Type-Options", "nosniff"),
       ("Access-Control-Allow-Origin", "*"))

GAUGE_STATS_PY = '''#!/usr/bin/env python3
"""Summarise a tide-gauge CSV file: the number of readings, the highest and lowest water, and the mean level.

usage: gauge_stats.py FILE.csv [--column level]
"""
import argparse
import csv
import statistics
import sys
from datetime import datetime


def read_levels(path, column):
    """Yields (timestamp, level) pairs, skipping rows whose level is missing or not a number."""
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            try:
                when = datetime.fromisoformat(row["time"])
                level = float(row[column])
            except (KeyError, ValueError):
                continue
            yield when, level


def summarise(readings):
    if not readings:
        raise ValueError("no readings")
    levels = [level for _, level in readings]
    high = max(readings, key=lambda r: r[1])
    low = min(readings, key=lambda r: r[1])
    return {
        "count": len(readings),
        "start": readings[0][0],
        "end": readings[-1][0],
        "high": high,
        "low": low,
        "mean": statistics.fmean(levels),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--column", default="level")
    args = parser.parse_args(argv)
    readings = list(read_levels(args.file, args.column))
    try:
        summary = summarise(readings)
    except ValueError as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 1
    print(f"{summary['count']} readings from {summary['start']:%Y-%m-%d %H:%M} to {summary['end']:%Y-%m-%d %H:%M}")
    print(f"highest {summary['high'][1]:.2f} m at {summary['high'][0]:%Y-%m-%d %H:%M}")
    print(f"lowest  {summary['low'][1]:.2f} m at {summary['low'][0]:%Y-%m-%d %H:%M}")
    print(f"mean    {summary['mean']:.3f} m")
    return 0


if __name__ == "__main__":
    sys.exit(main())
'''

TABS_JS = '''/* tabs.js - accessible tabs for the shop's product pages. */
(function ($) {
  "use strict";

  function activate($tabs, index) {
    $tabs.find("[role=tab]").each(function (i) {
      var selected = i === index;
      $(this).attr("aria-selected", selected).attr("tabindex", selected ? 0 : -1);
    });
    $tabs.find("[role=tabpanel]").each(function (i) {
      $(this).prop("hidden", i !== index);
    });
  }

  $.fn.tabs = function () {
    return this.each(function () {
      var $tabs = $(this);
      var $buttons = $tabs.find("[role=tab]");

      $buttons.on("click", function () {
        activate($tabs, $buttons.index(this));
      });

      $buttons.on("keydown", function (event) {
        var index = $buttons.index(this);
        if (event.key === "ArrowRight") {
          index = (index + 1) % $buttons.length;
        } else if (event.key === "ArrowLeft") {
          index = (index - 1 + $buttons.length) % $buttons.length;
        } else {
          return;
        }
        activate($tabs, index);
        $buttons.eq(index).focus();
      });

      activate($tabs, 0);
    });
  };

  $(function () {
    $(".js-tabs").tabs();
  });
})(jQuery);
'''

LAZYLOAD_JS = '''/* lazyload.js - load images when they scroll into view. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";

  var images = document.querySelectorAll("img[data-src]");

  function load(image) {
    image.src = image.dataset.src;
    if (image.dataset.srcset) {
      image.srcset = image.dataset.srcset;
    }
    image.removeAttribute("data-src");
    image.classList.add("is-loaded");
  }

  if (!("IntersectionObserver" in window)) {
    images.forEach(function (image) {
      load(image);
    });
    return;
  }

  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        load(entry.target);
        observer.unobserve(entry.target);
      }
    });
  }, { rootMargin: "200px 0px" });

  images.forEach(function (image) {
    observer.observe(image);
  });
});
'''

HEALTHCHECK_GO = '''// Command healthcheck serves /healthz and reports whether the tide-gauge feed has updated recently.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"
	"os"
	"time"
)

type status struct {
	OK          bool      `json:"ok"`
	LastReading time.Time `json:"last_reading"`
	AgeSeconds  int       `json:"age_seconds"`
}

func lastModified(path string) (time.Time, error) {
	info, err := os.Stat(path)
	if err != nil {
		return time.Time{}, err
	}
	return info.ModTime(), nil
}

func main() {
	addr := flag.String("addr", ":8080", "address to listen on")
	feed := flag.String("feed", "/var/lib/gauge/latest.csv", "file the gauge writes")
	maxAge := flag.Duration("max-age", 15*time.Minute, "oldest acceptable reading")
	flag.Parse()

	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		modified, err := lastModified(*feed)
		if err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		age := time.Since(modified)
		s := status{OK: age <= *maxAge, LastReading: modified.UTC(), AgeSeconds: int(age.Seconds())}
		if !s.OK {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		w.Header().Set("Content-Type", "application/json")
		if err := json.NewEncoder(w).Encode(s); err != nil {
			log.Printf("writing response: %v", err)
		}
	})

	log.Printf("listening on %s", *addr)
	log.Fatal(http.ListenAndServe(*addr, nil))
}
'''

RINGBUF_C = '''/* ringbuf.c - a fixed-size ring buffer of readings for the gauge logger. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ringbuf.h"

void ringbuf_init(struct ringbuf *rb, struct reading *storage, size_t capacity)
{
	rb->items = storage;
	rb->capacity = capacity;
	rb->head = 0;
	rb->count = 0;
}

int ringbuf_push(struct ringbuf *rb, const struct reading *r)
{
	size_t tail;

	if (rb->capacity == 0)
		return -1;
	tail = (rb->head + rb->count) % rb->capacity;
	memcpy(&rb->items[tail], r, sizeof(*r));
	if (rb->count < rb->capacity) {
		rb->count++;
	} else {
		/* Full: the oldest reading is overwritten. */
		rb->head = (rb->head + 1) % rb->capacity;
	}
	return 0;
}

int ringbuf_pop(struct ringbuf *rb, struct reading *out)
{
	if (rb->count == 0)
		return -1;
	memcpy(out, &rb->items[rb->head], sizeof(*out));
	rb->head = (rb->head + 1) % rb->capacity;
	rb->count--;
	return 0;
}

int32_t ringbuf_mean_mm(const struct ringbuf *rb)
{
	int64_t sum = 0;
	size_t i;

	if (rb->count == 0)
		return 0;
	for (i = 0; i < rb->count; i++)
		sum += rb->items[(rb->head + i) % rb->capacity].level_mm;
	return (int32_t)(sum / (int64_t)rb->count);
}
'''


def minified_bundle():
    """A one-line webpack-style bundle: short names, no spaces, modules joined by commas."""
    modules = minified_modules(random.Random("bundle"), 36)
    return ('/*! app.c81f2e.js | (c) 2024 Komorebi Kobo */!function(e){var t={};function n(r){if(t[r])return t[r].exports;'
            'var o=t[r]={i:r,l:!1,exports:{}};return e[r].call(o.exports,o,o.exports,n),o.l=!0,o.exports}n.m=e,n.c=t,'
            'n.d=function(e,t,r){n.o(e,t)||Object.defineProperty(e,t,{enumerable:!0,get:r})},n.o=function(e,t){'
            'return Object.prototype.hasOwnProperty.call(e,t)},n(n.s=0)}([' + ",".join(modules) + "]);\n")


def minified_modules(r, count):
    names = "abcdefghijklmnopqrstuvwxyz"
    modules = []
    for k in range(count):
        a, b, c = r.sample(names, 3)
        body = r.choice([
            f'function({a},{b},{c}){{"use strict";{c}.d({b},{{A:function(){{return {a}}}}});var {a}=function(e,t){{return e.reduce(function(e,n){{return e+n[t]}},0)}}}}',
            f'function({a},{b}){{{a}.exports=function(e){{var t=[];return e.forEach(function(e){{e&&t.push(String(e).trim())}}),t.join(" ")}}}}',
            f'function({a},{b},{c}){{var n={c}({k + 3});{a}.exports=function(e,t){{return n(e).filter(function(e){{return e.id!==t}})}}}}',
            f'function({a},{b},{c}){{"use strict";Object.defineProperty({b},"__esModule",{{value:!0}});{b}.debounce=function(e,t){{var n;return function(){{var r=this,o=arguments;clearTimeout(n),n=setTimeout(function(){{e.apply(r,o)}},t)}}}}}}',
            f'function({a},{b}){{{a}.exports={{api:"/api/v2/",timeout:{r.randint(2, 9)}e3,retries:{r.randint(1, 4)},locale:"ja-JP"}}}}',
        ])
        modules.append(body)
    return modules


_RUNTIMES = {}


def inline_runtime(site, count):
    """A site's script runtime inlined into every page, as bundlers emit it: a chunk map of content hashes and
    minified modules. The same on each page of the site."""
    if site not in _RUNTIMES:
        r = random.Random("runtime:" + site)
        chunks = {str(r.randint(100, 9999)): "%08x%04x" % (r.getrandbits(32), r.getrandbits(16)) for _ in range(count)}
        _RUNTIMES[site] = ('<script id="runtime">!function(){var c=' + json.dumps(chunks, separators=(",", ":"))
                           + ';self.__chunks=c;self.__m=[' + ",".join(minified_modules(r, count)) + ']}();</script>')
    return _RUNTIMES[site]


def code_captures():
    out = [
        Capture(f"https://{CODE_HOST}/tidekit/tools/raw/branch/main/gauge_stats.py", GAUGE_STATS_PY.encode(), "text/x-python; charset=utf-8",
                kind="code: Python (text/x-python)", lang="code", group="code"),
        Capture(f"https://{SHOP_HOST}/js/tabs.js?v=3.2", TABS_JS.encode(), "application/javascript",
                kind="code: JavaScript (application/javascript)", lang="code", group="code",
                server_headers=SERVERS[SHOP_HOST][:1] + [("Cache-Control", "max-age=2592000")]),
        Capture(f"https://{BLOG_HOST}/wp-content/themes/hinata/js/lazyload.js?ver=1.0.2", LAZYLOAD_JS.encode(), "application/javascript; charset=utf-8",
                kind="code: JavaScript (application/javascript)", lang="code", group="code",
                server_headers=[("Server", "nginx"), ("Cache-Control", "max-age=31536000")]),
        Capture(f"https://{CODE_HOST}/tidekit/healthcheck/raw/branch/main/main.go", HEALTHCHECK_GO.encode(), "text/plain; charset=utf-8",
                kind="code: Go (text/plain)", lang="code", group="code"),
        Capture(f"https://{CODE_HOST}/tidekit/logger/raw/branch/main/src/ringbuf.c", RINGBUF_C.encode(), "text/x-c; charset=utf-8",
                kind="code: C (text/x-c)", lang="code", group="code"),
        Capture(f"https://{SHOP_HOST}/js/app.c81f2e.js", minified_bundle().encode(), "application/javascript",
                kind="code: minified one-line JavaScript bundle", lang="code", group="code",
                server_headers=[("Server", "nginx"), ("Cache-Control", "max-age=31536000, immutable")]),
    ]
    ranking = {"status": "ok", "updated": "2024-03-21T15:30:00+09:00",
               "items": [{"rank": i + 1, "id": a[0], "title": a[4], "url": news_url(a)} for i, a in enumerate(NEWS_ARTICLES[:6])]}
    jsonp = "/**/jQuery35104459129_1711002600123(" + json.dumps(ranking, ensure_ascii=False) + ");\n"
    out.append(Capture(f"https://{NEWS_HOST}/api/ranking.js?callback=jQuery35104459129_1711002600123&_=1711002600124",
                       jsonp.encode("utf-8"), "application/javascript; charset=utf-8", kind="code: JSONP response", lang="code", group="code",
                       server_headers=[("Server", "Apache"), ("Cache-Control", "no-cache")]))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Other languages: Chinese (GBK, Big5, UTF-8), Korean (EUC-KR, UTF-8), German, Portuguese, French; and mixed pages
# ---------------------------------------------------------------------------------------------------------------

def other_language_captures():
    out = []
    zh_news = ["近日，海滨市图书馆在三楼新开设了夜间自习室，每天开放至晚上十点，为学生和上班族提供了安静的学习环境。",
               "据图书馆工作人员介绍，自习室共有一百二十个座位，每个座位都配有台灯和电源插座。读者只需刷读者证即可免费入场，无需提前预约。",
               "开放第一周，自习室几乎每晚都座无虚席。一位正在准备考试的大学生说：“家里太吵了，这里环境好，离家也近，我每天下班后都会来。”",
               "图书馆表示，将根据读者的意见，考虑在周末延长开放时间，并增加饮水机等设施。"]
    body = (f'<div class="top"><a href="/">海滨日报网</a> | <a href="/news/">新闻</a> | <a href="/city/">本地</a></div>\n'
            f'<div class="article"><h1>市图书馆推出夜间自习室 读者好评如潮</h1><p class="info">2024-03-11 08:30　来源：海滨日报</p>\n{paras(zh_news)}\n'
            f'<p class="editor">责任编辑：王丽</p></div>\n<div class="copyright">版权所有 海滨日报社</div>')
    out.append(Capture("http://www.haibin-daily.cn/city/2024-03/11/content_2291.htm",
                       simple_page("zh-CN", "市图书馆推出夜间自习室 读者好评如潮_海滨日报网", body, charset="gbk").encode("gbk"),
                       "text/html; charset=GBK", kind="zh news article (GBK)", lang="zh", group="other-lang",
                       server_headers=[("Server", "Tengine"), ("Vary", "Accept-Encoding")]))
    zh_forum = [("shutter_bug", "最近想開始學攝影，但預算有限，想先買一台二手的單眼相機。請問大家在台北有沒有推薦的店家？網路上買的話又要注意哪些地方呢？"),
                ("老陳", "可以去中華路附近的幾間老相機店看看，老闆都很熱心，會讓你試拍。買之前記得檢查快門次數和感光元件有沒有髒污。"),
                ("小米粥", "網拍的話盡量選擇可以面交的賣家，當面確認機器狀況比較安心。鏡頭也要看看有沒有發霉。"),
                ("阿哲", "新手的話建議先買入門機種加一顆標準變焦鏡頭就好，等熟悉之後再看自己喜歡拍什麼來升級。")]
    posts = "\n".join(f'<div class="post"><p class="author">{n}</p><p class="content">{t}</p></div>' for n, t in zh_forum)
    body = (f'<div id="hd"><a href="/">攝影討論區</a> &gt; <a href="/forum-12-1.html">器材交流</a></div>\n'
            f'<div id="thread"><h1>請問台北哪裡可以買到二手相機？</h1>\n{posts}\n</div>\n<div id="ft">Powered by Discuz! X3.4</div>')
    out.append(Capture("http://bbs.photo-talk.tw/thread-88213-1-1.html",
                       simple_page("zh-TW", "請問台北哪裡可以買到二手相機？ - 器材交流 - 攝影討論區", body, charset="big5").encode("big5"),
                       "text/html; charset=big5", kind="zh forum thread (Big5)", lang="zh", group="other-lang",
                       server_headers=[("Server", "Apache/2.2.34"), ("X-Powered-By", "PHP/5.6.40")]))
    zh_blog = ["上周末终于抽出时间，和朋友一起去西湖边骑行。早上七点出发，湖面上还飘着一层薄雾，路上的游客也不多，骑起来特别舒服。",
               "我们从断桥出发，沿着北山路一路骑到杨公堤，中途在一家小茶馆喝了杯龙井，看着湖上的游船慢慢划过，感觉时间都慢了下来。",
               "中午在附近的小馆子吃了片儿川和葱包烩，价格实惠，味道也很地道。下午天气转阴，我们就骑回了市区。整个行程大约二十公里，强度不大，很适合周末放松。"]
    body = (f'<header class="blog-head"><a href="/">慢慢走的博客</a></header>\n<main><article><h1>周末去西湖骑行</h1><p class="date">2024年3月17日</p>\n'
            f'{paras(zh_blog)}\n</article></main>\n<footer>© 慢慢走的博客</footer>')
    out.append(Capture("https://manmanzou.blog.cn/2024/03/xihu-qixing.html", simple_page("zh-CN", "周末去西湖骑行 - 慢慢走的博客", body).encode("utf-8"),
                       kind="zh blog post (UTF-8)", lang="zh", group="other-lang"))
    ko_news = ["지난 주말 해솔시 은빛해변에서 시민 약 삼백 명이 참여한 가운데 해변 청소 행사가 열렸다.",
               "참가자들은 두 시간 동안 모래사장과 방파제 주변을 돌며 플라스틱 병과 비닐봉지, 버려진 그물 등 약 사백 킬로그램의 쓰레기를 수거했다.",
               "행사에 참여한 한 대학생은 \"생각보다 작은 플라스틱 조각이 많아서 놀랐다\"며 \"앞으로 일회용품을 줄이도록 노력하겠다\"고 말했다.",
               "해솔시는 앞으로 매달 한 차례씩 시민과 함께하는 해변 정화 활동을 이어갈 계획이다."]
    body = (f'<div class="gnb"><a href="/">해솔일보</a> <a href="/society">사회</a> <a href="/local">지역</a></div>\n'
            f'<div class="article"><h1>은빛해변 청소에 시민 300명 참여</h1><p class="byline">입력 2024.03.25 09:12 | 김민지 기자</p>\n{paras(ko_news)}\n</div>\n'
            f'<div class="copy">저작권자 ⓒ 해솔일보 무단전재 및 재배포 금지</div>')
    out.append(Capture("http://www.haesol-ilbo.co.kr/news/articleView.html?idxno=51230",
                       simple_page("ko", "은빛해변 청소에 시민 300명 참여 - 해솔일보", body, charset="euc-kr").encode("euc_kr"),
                       "text/html; charset=euc-kr", kind="ko news article (EUC-KR)", lang="ko", group="other-lang",
                       server_headers=[("Server", "Microsoft-IIS/8.5"), ("X-Powered-By", "ASP.NET")]))
    ko_blog = ["오늘은 집에서 자주 끓여 먹는 된장찌개 레시피를 소개하려고 해요. 재료도 간단하고 삼십 분이면 충분히 만들 수 있어요.",
               "먼저 냄비에 멸치와 다시마를 넣고 물을 부어 십 분 정도 끓여 육수를 만들어 주세요. 육수가 우러나면 건더기는 건져 냅니다.",
               "육수에 된장 두 큰술을 풀고 감자와 양파, 애호박을 넣어 끓여 주세요. 채소가 익으면 두부와 청양고추를 넣고 한소끔 더 끓이면 완성이에요.",
               "된장은 집집마다 맛이 달라서 간을 보면서 조금씩 넣는 게 좋아요. 따뜻한 밥과 함께 맛있게 드세요!"]
    body = (f'<header><a href="/">소소한 부엌</a></header>\n<main><article class="post"><h1>초간단 된장찌개 끓이는 법</h1>\n{paras(ko_blog)}\n'
            f'<div class="tags">#된장찌개 #집밥 #레시피</div></article></main>')
    out.append(Capture("https://sosohan-kitchen.tistory.test/entry/doenjang-jjigae", simple_page("ko", "초간단 된장찌개 끓이는 법 - 소소한 부엌", body).encode("utf-8"),
                       kind="ko blog post (UTF-8)", lang="ko", group="other-lang"))
    de = ["Am Samstag sind wir früh aufgebrochen, um dem Trubel zu entgehen. Vom Parkplatz am Ortsrand führt der Weg zunächst gemütlich am Bach entlang, vorbei an alten Mühlen und blühenden Obstwiesen.",
          "Nach etwa einer Stunde wird es steiler. Der schmale Pfad windet sich durch den Buchenwald nach oben, und an einigen Stellen helfen Holzstufen über die Wurzeln. Oben wartet eine kleine Hütte mit einem wunderbaren Blick über das ganze Tal.",
          "Für den Rückweg haben wir die längere Variante über den Kamm gewählt. Insgesamt waren es vierzehn Kilometer und knapp fünfhundert Höhenmeter. Eine schöne Tour für einen Frühlingstag, die wir gerne wieder gehen."]
    body = (f'<header class="site-header"><a href="/">Unterwegs im Mittelgebirge</a></header>\n<main><article><h1>Rundwanderung durch das Mühlbachtal</h1>\n'
            f'<p class="meta">Veröffentlicht am 14. April 2024</p>\n{paras(de)}\n</article></main>\n<footer>Impressum | Datenschutz</footer>')
    out.append(Capture("https://unterwegs-im-mittelgebirge.de/2024/04/muehlbachtal/", simple_page("de", "Rundwanderung durch das Mühlbachtal", body).encode("utf-8"),
                       kind="de blog post", lang="de", group="other-lang"))
    pt = ["Não existe domingo na casa da minha avó sem bolo de fubá. A receita passou pela família inteira e cada um jura que a sua versão é a melhor.",
          "Bata no liquidificador três ovos, uma xícara de leite, meia xícara de óleo e uma xícara e meia de açúcar. Depois acrescente duas xícaras de fubá, meia xícara de farinha de trigo e uma colher de sopa de fermento.",
          "Despeje a massa numa forma untada e leve ao forno preaquecido a cento e oitenta graus por cerca de quarenta minutos. O bolo está pronto quando o palito sai limpo. Sirva com um café fresquinho."]
    body = (f'<header><a href="/">Cozinha da Vó Lurdes</a></header>\n<main><article><h1>Bolo de fubá da vó</h1>\n{paras(pt)}\n</article></main>')
    out.append(Capture("https://cozinhadavolurdes.com.br/receitas/bolo-de-fuba/", simple_page("pt-BR", "Bolo de fubá da vó - Cozinha da Vó Lurdes", body).encode("utf-8"),
                       kind="pt recipe", lang="pt", group="other-lang"))
    fr = ["La boulangerie de la rue des Tilleuls a fêté samedi ses cinquante ans. Pour l'occasion, les habitants du quartier se sont retrouvés devant la boutique autour d'un grand gâteau et d'un café offert.",
          "Fondée en 1974 par un jeune couple venu de Bretagne, la boulangerie est aujourd'hui tenue par leur petite-fille, qui a repris le fournil il y a six ans. Elle continue de préparer la baguette selon la recette de son grand-père.",
          "« Ici, tout le monde se connaît. Les clients viennent chercher leur pain, mais aussi prendre des nouvelles », explique-t-elle. Une exposition de photos anciennes est visible dans la boutique jusqu'à la fin du mois."]
    body = (f'<header class="header"><a href="/">Le Journal du Quartier</a></header>\n<main><article><h1>La boulangerie des Tilleuls fête ses cinquante ans</h1>\n'
            f'<p class="date">Publié le 9 mars 2024</p>\n{paras(fr)}\n</article></main>')
    out.append(Capture("https://journal-du-quartier.fr/2024/03/09/boulangerie-des-tilleuls-50-ans", simple_page("fr", "La boulangerie des Tilleuls fête ses cinquante ans", body).encode("utf-8"),
                       kind="fr news article", lang="fr", group="other-lang"))
    return out


# A Japanese novel as plain text, with an English e-book header and licence around it.
ETEXT_HEADER = """The Kuroshio E-Text Library eBook of "Shiokaze no Machi" (The Town of Sea Breezes)

This eBook is for the use of anyone anywhere at no cost and with almost no restrictions whatsoever. You may copy
it, give it away or re-use it under the terms of the Kuroshio E-Text Library License included with this eBook.

Title: Shiokaze no Machi (The Town of Sea Breezes), Chapter 1
Author: Haruka Minase
Release Date: March 2, 2024 [eBook #4172]
Language: Japanese
Character set encoding: UTF-8

*** START OF THE KUROSHIO E-TEXT LIBRARY EBOOK SHIOKAZE NO MACHI ***
"""

ETEXT_BODY = """潮風の町

水瀬　遥

　　第一章

　その町に着いたのは、三月の終わりの、風の強い午後だった。駅を出ると、潮のにおいがいきなり鼻をついて、私は思わず立ち止まった。
　ホームから見えた海は、思っていたよりもずっと近かった。改札の向こうには小さなロータリーがあって、客待ちのタクシーが一台だけ、のんびりと止まっている。
　祖母の家は、駅から歩いて十五分ほどのところにあると聞いていた。私は重たい旅行かばんを持ち直して、海に向かってゆるやかに下っていく坂道を歩きはじめた。
　坂の両側には、古い木造の家が肩を寄せ合うように並んでいた。どの家の軒先にも植木鉢が置かれていて、まだ冷たい風の中で、黄色い水仙がいっせいに揺れていた。
　途中で、自転車に乗った中学生くらいの男の子とすれちがった。男の子は私をちらりと見て、それから何事もなかったように、坂の上のほうへ力いっぱいペダルをこいでいった。
　祖母の家は、坂を下りきった先の、小さな漁港のすぐそばにあった。瓦屋根の低い家で、玄関の脇には、子どものころに見たのと同じ、青い郵便受けがかかっていた。
「よう来たね」
　玄関の戸を開けると、祖母はそう言って笑った。五年ぶりに会う祖母は、前よりも少し小さくなったように見えた。けれども、その声の張りは、昔とまったく変わっていなかった。
「疲れたやろ。お茶でも飲み」
　居間に通されると、ちゃぶ台の上には、もう湯気の立つ湯のみと、おはぎがふたつ並んでいた。私が来る時間を見はからって、用意してくれていたのだろう。
　縁側の向こうには、狭い庭と、低い石垣と、その先に灰色の海が見えた。風が吹くたびに、ガラス戸ががたがたと鳴った。
「この時期は、毎日こんな風や。そのうち慣れる」
　祖母はそう言って、おはぎをひとつ私のほうへ押しやった。
　私はうなずいて、湯のみを両手で包んだ。手のひらから、じんわりと温かさが伝わってきた。
　東京での暮らしを引き払って、この町に来ることを決めたのは、ほんのひと月前のことだった。仕事を辞めたことも、住んでいた部屋を出たことも、まだうまく人に説明できる気がしなかった。
　けれども祖母は、何も聞かなかった。ただ、私の湯のみが空になるたびに、黙ってお茶をついでくれた。
　その夜、私は二階の小さな部屋で、波の音を聞きながら眠った。ふとんからは、日なたと防虫剤のまじったにおいがした。遠くで汽笛が一度だけ鳴って、それからまた、波の音だけになった。
　翌朝、目を覚ますと、窓の外はすっかり晴れていた。港には漁から戻った船が何艘も並び、おおぜいの人が忙しそうに立ち働いていた。
　私はしばらく窓辺に立ったまま、その光景を眺めていた。知らない町の、知らない朝だった。それなのに、なぜか胸の奥のほうが、少しだけ軽くなったような気がした。
"""

ETEXT_FOOTER = """
*** END OF THE KUROSHIO E-TEXT LIBRARY EBOOK SHIOKAZE NO MACHI ***

Updated editions will replace the previous one; the old editions will be renamed.

THE FULL KUROSHIO E-TEXT LIBRARY LICENSE
PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK

Section 1. General Terms of Use and Redistributing Kuroshio E-Text Library works

1.A. By reading or using any part of this electronic work, you indicate that you have read, understand, agree to
and accept all the terms of this license. If you do not agree to abide by all the terms of this agreement, you
must cease using and return or destroy all copies of this work in your possession.

1.B. This work may be copied and distributed for non-commercial purposes, provided that this license, the header
above and the notice of the author's name are kept with every copy. You may convert the work to any format, and
you may correct typographical errors, but you may not change the text itself.

1.C. The Library makes no representations concerning the copyright status of this work in any country other than
the one in which it was prepared. If you are outside that country, check the laws of your country before you
download, copy or distribute it.

Section 2. Disclaimer of Warranty

This work is provided "as is", without warranty of any kind, express or implied, including but not limited to the
warranties of merchantability and fitness for a particular purpose. In no event shall the Library or the
volunteers who prepared this work be liable for any claim, damages or other liability arising from its use.

Section 3. About the Kuroshio E-Text Library

The Library is run by volunteers who type, proofread and format public-domain and freely licensed texts. Donations
of time and money help us keep the collection free for everyone. For more information, visit our web site.
"""


def mixed_captures():
    out = [Capture("https://etext.kuroshio-library.test/files/4172/4172-0.txt",
                   (ETEXT_HEADER + "\n" + ETEXT_BODY + ETEXT_FOOTER).replace("\n", "\r\n").encode("utf-8"), "text/plain; charset=utf-8",
                   kind="ja novel as text/plain with an English e-book header and licence", lang="mixed", group="mixed",
                   server_headers=[("Server", "Apache"), ("Last-Modified", "Sat, 02 Mar 2024 10:00:00 GMT"), ("Accept-Ranges", "bytes")])]
    pairs = [
        ("私たちは、静岡で五十年続く小さな印刷会社です。", "We are a small printing company that has been in Shizuoka for fifty years."),
        ("名刺やはがきから本まで、一枚一枚ていねいにお作りしています。", "From business cards and postcards to books, we print every sheet with care."),
        ("海外のお客さまからのご注文も、英語で承っています。", "We are happy to take orders from customers abroad, in English."),
        ("お見積もりは無料です。お気軽にご相談ください。", "Quotes are free of charge. Please feel free to contact us."),
    ]
    rows = "\n".join(f'<tr><td lang="ja">{j}</td><td lang="en">{e}</td></tr>' for j, e in pairs)
    body = (f'<div id="header"><h1>Hatano Printing / 波多野印刷</h1></div>\n<div id="main"><h2>About us / 会社について</h2>\n'
            f'<table class="bilingual">\n{rows}\n</table>\n</div>\n<div id="footer">Copyright &copy; Hatano Printing Co., Ltd.</div>')
    out.append(Capture(f"https://{COMPANY_HOST}/en/about.html", simple_page("en", "About us | Hatano Printing", body).encode("utf-8"),
                       kind="bilingual ja/en page", lang="mixed", group="mixed"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Not HTML, not 200: images, a PDF, redirects, errors
# ---------------------------------------------------------------------------------------------------------------

def png(width, height, pixel):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


SPACER_GIF = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
              b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


def pdf_brochure():
    """A PDF-like file: header, a font, a compressed content stream of noise (as scanned pages look), an xref."""
    r = random.Random("pdf")
    noise = bytes(r.getrandbits(8) for _ in range(14000))
    stream = zlib.compress(noise, 6)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
        b"<< /Length 44 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 120 /Height 117 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length "
        + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Producer (Hatano Printing DTP 2.1) /Title (Company brochure 2024) /CreationDate (D:20240115093000+09'00') >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def binary_and_status_captures():
    out = [
        Capture(f"https://{BLOG_HOST}/wp-content/uploads/2024/02/bara-uekae-thumb.png",
                png(16, 16, lambda x, y: (200 - 8 * y, 120 + 5 * x, 140)), "image/png", kind="image (PNG)", lang="-", group="binary",
                server_headers=[("Server", "nginx"), ("Cache-Control", "max-age=31536000"), ("Accept-Ranges", "bytes")]),
        Capture(f"https://{NEWS_HOST}/common/img/icon-share.png", png(2, 2, lambda x, y: (40, 90, 160)), "image/png",
                kind="image (PNG)", lang="-", group="binary"),
        Capture(f"http://{HOBBY_HOST}/~medaka/img/spacer.gif", SPACER_GIF, "image/gif", kind="image (GIF, 1x1 spacer)", lang="-", group="binary"),
        Capture(f"https://{COMPANY_HOST}/pdf/brochure2024.pdf", pdf_brochure(), "application/pdf", kind="PDF-like binary", lang="-", group="binary"),
    ]
    moved = ('<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>301 Moved Permanently</title>\n</head><body>\n'
             '<h1>Moved Permanently</h1>\n<p>The document has moved <a href="{0}">here</a>.</p>\n</body></html>\n')
    out.append(Capture(f"http://{NEWS_HOST}/", moved.format(f"https://{NEWS_HOST}/").encode(), "text/html; charset=iso-8859-1", status=301,
                       headers=[("Location", f"https://{NEWS_HOST}/")], kind="redirect (301/302)", lang="-", group="http-status",
                       server_headers=[("Server", "Apache")]))
    out.append(Capture("http://lakesideledger.com/", moved.format(f"https://{EN_NEWS_HOST}/").encode(), "text/html; charset=iso-8859-1", status=301,
                       headers=[("Location", f"https://{EN_NEWS_HOST}/")], kind="redirect (301/302)", lang="-", group="http-status",
                       server_headers=[("Server", "Apache")]))
    out.append(Capture(f"https://{BLOG_HOST}/2024/01/20/nukadoko", b"", "text/html; charset=UTF-8", status=301,
                       headers=[("X-Redirect-By", "WordPress"), ("Location", f"https://{BLOG_HOST}/2024/01/20/nukadoko/")],
                       kind="redirect (301/302)", lang="-", group="http-status"))
    out.append(Capture(f"https://{QA_HOST}/mypage/", b"", None, status=302, headers=[("Location", "/login/?next=%2Fmypage%2F")],
                       kind="redirect (301/302)", lang="-", group="http-status"))
    out.append(Capture(f"https://{EN_BLOG_HOST}/2022/05/old-post-that-was-deleted/",
                       b"<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
                       "text/html", status=404, kind="404 Not Found", lang="-", group="http-status", server_headers=[("Server", "nginx")]))
    out.append(Capture(f"https://{DOCS_HOST}/en/0.9/index.html",
                       b'<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n'
                       b"<p>The requested URL was not found on this server.</p>\n</body></html>\n",
                       "text/html; charset=iso-8859-1", status=404, kind="404 Not Found", lang="-", group="http-status",
                       server_headers=[("Server", "Apache")]))
    out.append(Capture(f"https://{RECIPE_HOST}/search/?q=%E3%81%8B%E3%81%BC%E3%81%A1%E3%82%83",
                       simple_page("en", "WordPress &rsaquo; Error", '<div class="wp-die-message"><p>There has been a critical error on this website.</p>'
                                   '<p><a href="https://wordpress.test/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p></div>').encode(),
                       "text/html; charset=UTF-8", status=500, kind="500 Internal Server Error", lang="-", group="http-status"))
    out.append(Capture(f"https://{SHOP_HOST}/cart/",
                       simple_page("ja", "メンテナンス中", "<h1>ただいまメンテナンス中です</h1><p>ご不便をおかけして申し訳ございません。午後三時ごろに再開する予定です。</p>").encode("utf-8"),
                       "text/html; charset=utf-8", status=503, headers=[("Retry-After", "3600")], kind="503 Service Unavailable", lang="-",
                       group="http-status"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# This project's own test pages (Tests/KuroshioTests/Pages), under their own URLs and content types
# ---------------------------------------------------------------------------------------------------------------

server("pages.kuroshio.test", ("Server", "nginx/1.24.0"), ("Accept-Ranges", "bytes"))


def test_page_captures():
    entries = json.load(open(os.path.join(PAGES, "expectations.json"), encoding="utf-8"))
    out = []
    for entry in entries:
        body = open(os.path.join(PAGES, entry["file"]), "rb").read()
        name = entry["file"]
        bucket = entry.get("bucket")
        lang = bucket or ("-" if name.endswith(".png") else "junk")
        out.append(Capture(entry["url"], body, entry["content_type"], lang=lang, group="test-pages",
                           kind=f"project test page ({bucket or 'no bucket expected'})"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Copies: exact ones at other URLs, and near ones
# ---------------------------------------------------------------------------------------------------------------

def exact_copy(original, url):
    host = split_url(url)[1]
    return Capture(url, original.body, original.ctype, headers=original.headers, after=original, lang=original.lang,
                   kind="exact copy at another URL (mirror, ?utm_source=, http/https)", group="dup-exact",
                   server_headers=None if host in SERVERS else SERVERS.get(original.host, DEFAULT_SERVER))


def near(original, url, body, kind, ctype=None):
    host = split_url(url)[1]
    return Capture(url, body, ctype or original.ctype, after=original, lang=original.lang, kind=kind, group="dup-near",
                   server_headers=None if host in SERVERS else SERVERS.get(original.host, DEFAULT_SERVER))


def copies(sites):
    blog, news, shop, qa, recipes, en_blog, en_news, docs, code, hobby, company = (
        sites[k] for k in ("blog", "news", "shop", "qa", "recipes", "en_blog", "en_news", "docs", "code", "hobby", "company"))
    out = []
    # Exact copies.
    b = lambda slug: blog[slug][0]
    n = lambda aid: news[aid][0]
    out += [
        exact_copy(b("ume-syrup"), b("ume-syrup").url + "?utm_source=twitter&utm_medium=social&utm_campaign=share"),
        exact_copy(b("shiodamari"), b("shiodamari").url.replace("https://", "http://")),
        exact_copy(b("asaichi"), b("asaichi").url.replace("https://", "https://www.")),
        exact_copy(n("20240215-0044"), n("20240215-0044").url + "?utm_source=line&utm_medium=share"),
        exact_copy(n("20240304-0022"), n("20240304-0022").url.replace("https://", "http://")),
        exact_copy(n("20240129-0015"), n("20240129-0015").url + "?ref=rss"),
        exact_copy(qa[11511764][0], qa[11511764][0].url.replace("https://", "http://")),
        exact_copy(recipes[10412][0], recipes[10412][0].url + "?utm_source=instagram&utm_medium=social"),
        exact_copy(shop["butter-knife"], shop["butter-knife"].url + "?utm_source=google&utm_medium=cpc&gclid=Cj0KCQiA"),
        exact_copy(hobby[0], hobby[0].url.replace("www2.", "www.")),
        exact_copy(hobby[1], hobby[1].url.replace("www2.", "www.")),
        exact_copy(company[0], company[0].url.replace("www.", "")),
        exact_copy(en_blog["sourdough-attempt-six"][0], en_blog["sourdough-attempt-six"][0].url + "?utm_source=newsletter&utm_medium=email"),
        exact_copy(en_news["bakery-wins-award-for-rye"][0], en_news["bakery-wins-award-for-rye"][0].url + "?ref=twitter"),
        exact_copy(docs["quickstart"][0], docs["quickstart"][0].url.replace("/1.4/", "/latest/")),
        exact_copy(docs["installation"][0], docs["installation"][0].url.replace("/1.4/", "/stable/")),
        exact_copy(code[0], "https://mirror.pkgs-archive.test/tidekit-tools/gauge_stats.py"),
    ]
    # Near copies: the same article updated (a date line and a sentence), carried by a portal, a different sidebar
    # or template around the same post, a product in another size, a scraped Q&A, a print view, a syndicated story,
    # the same documentation page for another version.
    c, article = news["20240212-0031"]
    out.append(near(c, c.url + "?update=1", news_page(article, random.Random("news-upd-1"), updated="2月13日 10時05分", edits={
        article[6][0]: article[6][0].replace("約九万人多かった", "約九万二千人多かった。開館三十周年の記念行事も重なった"),
    }).encode("utf-8"), "near copy: news article updated (date line, one sentence)"))
    c, article = news["20240226-0008"]
    out.append(near(c, c.url.replace(".html", "_2.html"), news_page(article, random.Random("news-upd-2"), updated="2月27日 9時00分", edits={
        article[6][2]: article[6][2] + "期間中は、迂回路の案内のため交差点に警備員を配置する。",
    }).encode("utf-8"), "near copy: news article updated (date line, one sentence)"))
    for aid in ("20240310-0003", "20240220-0012"):
        c, article = news[aid]
        key = hashlib.sha1(aid.encode()).hexdigest()[:12]
        out.append(near(c, f"https://{PORTAL_HOST}/articles/{key}", portal_page(article, random.Random(f"portal:{aid}"),
                                                                                comment_count=random.Random(aid).randint(3, 90)).encode("utf-8"),
                        "near copy: news article syndicated on a portal"))
    c, post, sidebar = blog["nukadoko"]
    amp = blog_page(post, random.Random(f"blog:{post[0]}"), sidebar[::-1][:3])
    out.append(near(c, c.url + "?replytocom=1352", amp.encode("utf-8"), "near copy: blog post with another sidebar (same text)"))
    c, post, sidebar = blog["bara-uekae"]
    edited = {post[4][3]: post[4][3].replace("バケツで二杯分", "じょうろで五杯分")}
    out.append(near(c, f"https://{BLOG_HOST}/archives/{300 + sum(map(ord, post[0])) % 900}",
                    blog_page(post, random.Random(f"blog:{post[0]}"), BLOG_POSTS[:5], edited=edited,
                              extra_note="追記：三月に入って、新しい芽がいくつも出てきました。無事に根づいてくれたようです。").encode("utf-8"),
                    "near copy: blog post at a new permalink, a sentence edited and a note added"))
    c, post, sidebar = blog["old-chair"]
    out.append(near(c, c.url + "amp/", blog_page(post, random.Random(f"blog:{post[0]}"), sidebar[1:] + sidebar[:1], comments=[]).encode("utf-8"),
                    "near copy: blog post with another sidebar (same text)"))
    c, thread = qa[11482093]
    out.append(near(c, f"https://{SCRAPER_HOST}/archives/{thread[0] % 100000}.html", scraper_page(thread, random.Random("scrape")).encode("utf-8"),
                    "near copy: Q&A thread copied by a scraper site"))
    c, recipe = recipes[10231]
    out.append(near(c, c.url + "print/", recipe_page(recipe, random.Random("print"), printable=True).encode("utf-8"),
                    "near copy: recipe print view"))
    for slug in ("council-approves-harbour-road-cycle-lane", "storm-closes-pier-again"):
        c, a = en_news[slug]
        out.append(near(c, f"https://regionalwire.news/stories/{a[0]}", en_news_page(a, random.Random(f"wire:{slug}"), syndicated=True).encode("utf-8"),
                        "near copy: news story syndicated on another site"))
    c, post = en_blog["pollinator-strip"]
    changed = (post[0], post[1], post[2], post[3],
               [p.replace("two barrows of leaf mould", "three barrows of leaf mould") for p in post[4]], post[5])
    out.append(near(c, c.url + "?updated=2024-04", en_blog_page(changed, random.Random(f"enblog:{post[0]}"), date_line="Updated April 3, 2024").encode("utf-8"),
                    "near copy: blog post with a changed date line and one sentence edited"))
    for slug in ("configuration", "api/series"):
        c, (s, title, blocks) = docs[slug]
        older = [(k, v.replace("0.5", "0.6").replace("Unknown keys are an error", "Unknown keys are ignored with a warning"))
                 if k != "code" else (k, v) for k, v in blocks]
        out.append(near(c, c.url.replace("/1.4/", "/1.3/"), docs_page(s, title, older, version="1.3").encode("utf-8"),
                        "near copy: documentation page of an older version"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Broken records, and HTTP bodies that are chunked or compressed
# ---------------------------------------------------------------------------------------------------------------

def lying_chunks(body):
    """Chunks whose third size line claims more than its chunk holds, so reading runs past the next size line."""
    sizes = [700, 900, 800]
    good = chunked(body, sizes)
    parts, start = [], 0
    for size in sizes + [len(body) - sum(sizes)]:
        parts.append(body[start:start + size])
        start += size
    prefix = b"".join(b"%x\r\n" % len(p) + p + b"\r\n" for p in parts[:2])
    # Claim a size that lands on a byte no chunk size can start with, so that decoding stops there.
    rest = parts[2] + b"\r\n" + b"%x\r\n" % len(parts[3]) + parts[3] + b"\r\n0\r\n\r\n"
    lie = len(parts[2]) + 40
    while rest[lie:lie + 1] in b"0123456789abcdefABCDEF\r\n" or lie >= len(rest) - 10:
        lie += 1
    assert len(good) > 0
    return prefix + b"%x\r\n" % lie + rest


def corrupt_gzip(body):
    data = bytearray(gzip_member(body, 6))
    middle = len(data) // 2
    for i in range(middle, middle + 64):
        data[i] ^= 0xA5
    return bytes(data)


NESTED_TEXT = ("この掲示板は、システムの移行にともない、三月末で書き込みを停止しました。これまでにいただいた投稿は、過去ログとしてこのまま残しておきます。"
               "長いあいだ、たくさんの書き込みをありがとうございました。新しい掲示板のご案内は、準備ができしだい、トップページでお知らせします。")


def nested_page(depth=3000):
    opening = "".join(f'<div class="c{k % 7}">' for k in range(depth))
    return (f'<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><title>掲示板の書き込み停止のお知らせ</title></head>\n<body>\n'
            f'<h1>掲示板の書き込み停止のお知らせ</h1>\n{opening}<p>{NESTED_TEXT}</p>{"</div>" * depth}\n'
            f'<p>管理人より</p>\n</body></html>\n').encode("utf-8")


def broken_captures(sites):
    blog, news, en_blog, en_news, recipes = (sites[k] for k in ("blog", "news", "en_blog", "en_news", "recipes"))
    out = []
    c = blog["reizoko"][0]
    out.append(Capture(c.url, c.body, c.ctype, headers=[("Transfer-Encoding", "chunked")], length=None, broken=True, lang="ja",
                       kind="broken: says Transfer-Encoding: chunked, body is not chunked", group="broken"))
    c = news["20240319-0006"][0]
    out.append(Capture(c.url, lying_chunks(c.body), c.ctype, headers=[("Transfer-Encoding", "chunked")], length=None, broken=True,
                       lang="ja", kind="broken: chunk sizes lie mid-way", group="broken"))
    c = en_blog["best-flask"][0]
    out.append(Capture(c.url, c.body, c.ctype, headers=[("Content-Encoding", "gzip")], broken=True, lang="en",
                       kind="broken: says Content-Encoding: gzip, body is plain HTML", group="broken"))
    c = en_news["volunteers-restore-lifeboat-house"][0]
    out.append(Capture(c.url, corrupt_gzip(c.body), c.ctype, headers=[("Content-Encoding", "gzip")], broken=True, lang="en",
                       kind="broken: Content-Encoding: gzip with corrupt gzip data", group="broken"))
    c = recipes[10537][0]
    out.append(Capture(c.url, c.body, c.ctype, length=len(c.body) + 3172, broken=True, lang="ja",
                       kind="broken: HTTP Content-Length lies", group="broken"))
    out.append(Capture("http://kingyo-club.sakura-hp.jp/bbs/index.html", nested_page(), "text/html; charset=utf-8", broken=True, lang="ja",
                       kind="broken: 3,000 nested divs", group="broken", server_headers=[("Server", "Apache/2.2.15")]))
    c = blog["higaeri-onsen"][0]
    out.append(Capture(c.url, c.body, c.ctype, broken="last", lang="ja", kind="broken: last record, gzip member cut in half", group="broken"))
    return out


def encoded_bodies(sites):
    """Bodies that are really chunked or gzipped, as some WARC writers keep them, and CC's way: decoded, with the
    original headers renamed X-Crawler-*."""
    qa, docs, news = sites["qa"], sites["docs"], sites["news"]
    c = qa[11490577][0]
    c.headers.append(("Transfer-Encoding", "chunked"))
    c.body, c.length = chunked(c.body, [512, 1024, 333]), None
    c.kind = "ja Q&A thread, really chunked"
    c = docs["faq"][0]
    c.headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
    c.body = gzip_member(c.body, 6)
    c.kind = "en documentation page, really gzip-encoded"
    for aid in ("20240212-0031", "20240118-0027", "20240321-0019"):
        c = news[aid][0]
        c.headers += [("X-Crawler-Content-Encoding", "gzip"), ("X-Crawler-Content-Length", str(len(c.body) // 3))]


def revisits(sites):
    news, en_blog = sites["news"], sites["en_blog"]
    out = []
    c = news["20240215-0044"][0]
    out.append(Capture(c.url, b"", c.ctype, length=len(c.body), revisit=(c, "identical-payload-digest"), lang="-",
                       kind="revisit (identical payload digest)", group="revisit"))
    c = en_blog["wet-weekend-coast-path"][0]
    out.append(Capture(c.url, b"", None, status=304, length=None, revisit=(c, "server-not-modified"), lang="-",
                       headers=[("ETag", '"5e1f-6130a2"')], kind="revisit (304 Not Modified)", group="revisit"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# The crawl
# ---------------------------------------------------------------------------------------------------------------

def build():
    sites = {}
    captures = []
    blog, sites["blog"] = blog_captures()
    news, sites["news"] = news_captures()
    shop, sites["shop"] = shop_captures()
    qa, sites["qa"] = qa_captures()
    recipes, sites["recipes"] = recipe_captures()
    en_blog, sites["en_blog"] = en_blog_captures()
    en_news, sites["en_news"] = en_news_captures()
    docs, sites["docs"] = docs_captures()
    sites["code"] = code_captures()
    sites["hobby"] = hobby_captures()
    sites["company"] = company_captures()
    broken = broken_captures(sites)
    # A broken capture stands in for the page's good one.
    replaced = {id(sites["blog"]["reizoko"][0]), id(sites["news"]["20240319-0006"][0]), id(sites["en_blog"]["best-flask"][0]),
                id(sites["en_news"]["volunteers-restore-lifeboat-house"][0]), id(sites["recipes"][10537][0]),
                id(sites["blog"]["higaeri-onsen"][0])}
    encoded_bodies(sites)
    for group in (blog, news, shop, qa, recipes, sites["company"], sites["hobby"], euc_captures(), ml_captures(),
                  town_captures(), lab_captures(), special_captures(), ja_junk_captures(), en_blog, en_news, docs,
                  [publications_capture()], en_recipe_captures(), [forum_capture()], en_junk_captures(), sites["code"],
                  other_language_captures(), mixed_captures(), binary_and_status_captures(), test_page_captures()):
        captures += [c for c in group if id(c) not in replaced]
    captures += copies(sites) + revisits(sites) + broken
    sites["blog"]["ume-syrup"][0].metadata = {"charset": "UTF-8", "languages": {
        "reliable": True, "text-bytes": 2917, "languages": [{"code": "ja", "code-iso-639-3": "jpn", "text-covered": 0.97, "score": 1810.0, "name": "Japanese"}]}}
    sites["en_news"]["library-seed-swap-doubles-membership"][0].metadata = {"charset": "UTF-8", "languages": {
        "reliable": True, "text-bytes": 1874, "languages": [{"code": "en", "code-iso-639-3": "eng", "text-covered": 0.99, "score": 946.0, "name": "English"}]}}
    return captures


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "crawl.warc.gz")
    captures = build()
    records, size = write_warc(captures, out, random.Random(SEED))
    kinds = {}
    for c in captures:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    langs = {}
    for c in captures:
        langs[c.lang] = langs.get(c.lang, 0) + 1
    lines = [f"{len(captures)} captures, {len(records)} records, {size:,} bytes -> {out}"]
    lines += [f"{count:4d}  {kind}" for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines.append("languages: " + ", ".join(f"{k} {v}" for k, v in sorted(langs.items(), key=lambda kv: -kv[1])))
    try:
        print("\n".join(lines))
    except BrokenPipeError:
        pass


if __name__ == "__main__":
    main()
