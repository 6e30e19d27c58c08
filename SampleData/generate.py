#!/usr/bin/env python3
"""Writes SampleData/sample.warc.gz: small pages Kuroshio's tests and README commands run on.

Every page is written here, by this project. Each record is its own gzip member, as in Common Crawl, and the
output is byte-for-byte reproducible (fixed dates, ids and gzip headers). README.md lists what each record is for.

usage: SampleData/generate.py [OUT.warc.gz]
"""
import gzip, os, struct, sys, zlib

DATE = "2026-11-01T00:00:00Z"
HERE = os.path.dirname(os.path.abspath(__file__))


def page(lang, title, paragraphs, head="", nav=True):
    """An HTML page with a header, navigation and footer around its article."""
    nav_html = ('<header><nav><a href="/">ホーム</a> | <a href="/about">このサイトについて</a> | '
                '<a href="/contact">お問い合わせ</a></nav></header>\n') if nav else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head>{head}<title>{title}</title></head>\n<body>\n{nav_html}'
            f'<main><article><h1>{title}</h1>\n{body}\n</article></main>\n'
            f'<footer><p>Copyright 2026 Kuroshio Sample Site</p></footer>\n</body></html>\n')


UTF8_JA = page("ja", "黒潮の旅", [
    "黒潮は日本列島の南岸に沿って北へ流れる暖流です。その幅は約百キロメートルに達し、流れの速さは時速七キロメートルを超えることもあります。",
    "<ruby>子<rt>こ</rt></ruby>どもたちは夏になると海辺で貝殻を集めます。<ruby>漁師<rp>(</rp><rt>りょうし</rt><rp>)</rp></ruby>の話では、黒潮が近づく年はカツオがよく獲れるそうです。",
    "海の色が濃い青に見えるのは、黒潮の水に栄養分やプランクトンが少なく、透明度が高いからだと言われています。",
], head='<meta charset="utf-8">')

SJIS_JA = page("ja", "黒潮商店のご案内", [
    "①営業時間は午前九時から午後六時までです。②定休日は毎週水曜日と年末年始です。",
    "㈱黒潮商店では、地元の港で水揚げされた魚を毎朝お届けしています。価格は一尾三百円～千円です。",
    "ご来店の際は、駐車場をご利用ください。お支払いには現金のほか、各種カードが使えます。",
], head='<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')

EUCJP_JA = page("ja", "温泉の楽しみ方", [
    "温泉に入る前には、かけ湯をして体を湯に慣らしましょう。いきなり熱い湯に入ると、体に負担がかかります。",
    "湯船にタオルを入れないのが昔からの作法です。長く入りすぎず、ときどき休みながらゆっくり楽しんでください。",
    "湯上がりには水分をしっかりとって、のんびり過ごすのがおすすめです。",
], head='<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">')

ISO2022JP_JA = page("ja", "手紙の書き方", [
    "手紙は季節のあいさつから始めるのが一般的です。春なら桜の話題、秋なら紅葉の話題がよく使われます。",
    "相手の健康を気づかう言葉を添えると、やわらかい印象になります。",
], head='<meta http-equiv="Content-Type" content="text/html; charset=ISO-2022-JP">')

ENGLISH = page("en", "The Kuroshio Current", [
    "The Kuroshio is a warm ocean current that flows north along the Pacific coast of Japan.",
    "It carries warm water from the tropics and shapes the climate and fisheries of the region.",
    "Sailors have known its strength for centuries, and modern ships still plan their routes around it.",
], head='<meta charset="utf-8">', nav=False)

WRONG_HTTP_JA = page("ja", "雨の日の過ごし方", [
    "雨の日は家でゆっくり本を読むのもよいものです。窓の外の雨音を聞きながら、温かいお茶を飲みましょう。",
    "美術館や水族館など、屋内で楽しめる場所に出かけるのもおすすめです。",
], head='<meta charset="Shift_JIS">')

UNDECLARED_JA = page("ja", "秋の山歩き", [
    "秋の山は紅葉がとてもきれいです。朝早く出発すると、澄んだ空気の中で景色を楽しめます。",
    "山道では足もとに気をつけて、無理をせずに休みながら歩きましょう。天気が変わりやすいので、雨具を忘れずに持っていきます。",
    "山頂で食べるおにぎりは格別の味がします。帰り道では温泉に立ち寄るのもよいでしょう。",
])

CHUNKED_JA = page("ja", "駅前の商店街", [
    "駅前の商店街には、八百屋や魚屋、パン屋などの小さな店が並んでいます。",
    "毎月第一日曜日には朝市が開かれ、近くの農家がとれたての野菜を売りに来ます。",
], head='<meta charset="utf-8">')

GZIP_JA = page("ja", "図書館の新しいサービス", [
    "市立図書館では、今月から電子書籍の貸し出しを始めました。",
    "利用者カードをお持ちの方は、家にいながら本を借りることができます。",
], head='<meta charset="utf-8">')

CHINESE = page("zh-CN", "黑潮简介", [
    "黑潮是北太平洋西部的一支强大暖流，沿着台湾东岸和日本南岸向东北方向流动。",
    "它把热带的温暖海水带到较高纬度的海域，对东亚的气候和渔业都有重要影响。",
    "每年夏天，许多渔船在黑潮经过的海域捕捞鲣鱼和金枪鱼。",
], head='<meta charset="gb2312">', nav=False)

CODE = """\"\"\"Count the words of a text file, most frequent first.\"\"\"
import collections
import sys


def count_words(path):
    counts = collections.Counter()
    with open(path, encoding="utf-8") as source:
        for line in source:
            counts.update(word.lower() for word in line.split())
    return counts


if __name__ == "__main__":
    for word, count in count_words(sys.argv[1]).most_common(10):
        print(f"{count:6d} {word}")
"""

NOT_FOUND = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>" \
            "<p>The requested page was not found on this server.</p></body></html>\n"

TRUNCATED_JA = page("ja", "海辺の町の朝", [
    "海辺の町の朝は早く、日の出前から漁船が港を出ていきます。" * 20,
], head='<meta charset="utf-8">')


def png():
    """A valid 2x2 grey PNG image."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes([0x80, 0x80]) for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def chunked(body, sizes):
    """`body` in chunks of the given sizes (the rest in a last one), split without regard to characters."""
    out, start = b"", 0
    for size in sizes + [len(body)]:
        part = body[start:start + size]
        if part:
            out += b"%x\r\n" % len(part) + part + b"\r\n"
        start += len(part)
    return out + b"0\r\n\r\n"


def http(status, headers, body):
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("ascii") + body


def record(number, warc_type, uri, block, content_type="application/http; msgtype=response", extra=()):
    fields = [("WARC-Type", warc_type), ("WARC-Date", DATE),
              ("WARC-Record-ID", f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>")]
    if uri:
        fields.append(("WARC-Target-URI", uri))
    fields += list(extra) + [("Content-Type", content_type), ("Content-Length", str(len(block)))]
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields) + "\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def member(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


def records():
    site = "http://sample.kuroshio.test"
    html = lambda charset=None: "text/html" + (f"; charset={charset}" if charset else "")
    yield record(1, "warcinfo", None, b"software: kuroshio SampleData/generate.py\r\nformat: WARC File Format 1.0\r\n",
                 content_type="application/warc-fields")
    yield record(2, "request", f"{site}/ja/utf8", b"GET /ja/utf8 HTTP/1.1\r\nHost: sample.kuroshio.test\r\n\r\n",
                 content_type="application/http; msgtype=request")
    yield record(3, "response", f"{site}/ja/utf8", http("200 OK", [("Content-Type", html("UTF-8"))], UTF8_JA.encode("utf-8")))
    yield record(4, "response", f"{site}/ja/shift_jis",
                 http("200 OK", [("Content-Type", html("Shift_JIS"))], SJIS_JA.encode("cp932")))
    yield record(5, "response", f"{site}/ja/euc-jp", http("200 OK", [("Content-Type", html("EUC-JP"))], EUCJP_JA.encode("euc_jp")))
    yield record(6, "response", f"{site}/ja/iso-2022-jp", http("200 OK", [("Content-Type", html())], ISO2022JP_JA.encode("iso2022_jp")))
    yield record(7, "response", f"{site}/en/kuroshio", http("200 OK", [("Content-Type", html("utf-8"))], ENGLISH.encode("utf-8")))
    yield record(8, "response", f"{site}/ja/wrong-http-charset",
                 http("200 OK", [("Content-Type", html("ISO-8859-1"))], WRONG_HTTP_JA.encode("cp932")))
    yield record(9, "response", f"{site}/ja/no-charset", http("200 OK", [("Content-Type", html())], UNDECLARED_JA.encode("euc_jp")))
    yield record(10, "response", f"{site}/ja/chunked",
                 http("200 OK", [("Content-Type", html("utf-8")), ("Transfer-Encoding", "chunked")],
                      chunked(CHUNKED_JA.encode("utf-8"), [100, 201])))
    yield record(11, "response", f"{site}/ja/gzip",
                 http("200 OK", [("Content-Type", html("utf-8")), ("Content-Encoding", "gzip")],
                      gzip.compress(GZIP_JA.encode("utf-8"), mtime=0)))
    yield record(12, "response", f"{site}/images/wave.png", http("200 OK", [("Content-Type", "image/png")], png()))
    yield record(13, "response", f"{site}/missing", http("404 Not Found", [("Content-Type", html("utf-8"))], NOT_FOUND.encode("utf-8")))
    yield record(14, "revisit", f"{site}/ja/utf8", http("200 OK", [("Content-Type", html("UTF-8"))], b""),
                 extra=[("WARC-Refers-To", "<urn:uuid:00000000-0000-4000-8000-000000000003>"),
                        ("WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest")])
    yield record(15, "response", f"{site}/zh/kuroshio", http("200 OK", [("Content-Type", html("gb2312"))], CHINESE.encode("gb2312")))
    yield record(16, "response", f"{site}/code/wordcount.py",
                 http("200 OK", [("Content-Type", "text/plain; charset=utf-8")], CODE.encode("utf-8")))
    yield record(17, "response", f"{site}/ja/truncated", http("200 OK", [("Content-Type", html("utf-8"))], TRUNCATED_JA.encode("utf-8")))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "sample.warc.gz")
    data = [member(r) for r in records()]
    # The last record's gzip member is cut in half: the file ends mid-record, as an interrupted download does.
    data[-1] = data[-1][:len(data[-1]) // 2]
    with open(out, "wb") as f:
        f.write(b"".join(data))


if __name__ == "__main__":
    main()
