#!/usr/bin/env python3
"""Charset decision accuracy on CJK pages whose HTTP charset is right, missing or wrong.

Builds a WARC of HTML pages from labelled sentences (../shared/data/langid-dev/sentences.tsv by default), each
page encoded in a CJK charset, with or without a <meta> declaration, and with an HTTP Content-Type charset that is
right, missing or wrong. Runs `kuroshio warc ls` on it and prints the share of pages whose decided charset is the
true one, overall and by charset and HTTP case.

Big5 pages need traditional Chinese: the simplified sentences are converted with OpenCC
(`pip install opencc-python-reimplemented`); without it, Big5 pages are left out.

usage: Benchmarks/charset-accuracy.py [--sentences TSV] [--pages 1400] [--seed 7] [--kuroshio PATH] [--smoke]
"""
import argparse, codecs, collections, gzip, io, os, random, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ENCODINGS = {  # true charset -> language of its sentences
    "shift_jis": "ja", "cp932": "ja", "euc_jp": "ja", "iso2022_jp": "ja", "utf-8": "ja",
    "gb2312": "zh", "gbk": "zh", "big5": "zh-hant", "euc_kr": "ko",
}
LABELS = {"shift_jis": "Shift_JIS", "cp932": "Windows-31J", "euc_jp": "EUC-JP", "iso2022_jp": "ISO-2022-JP",
          "utf-8": "UTF-8", "gb2312": "GB2312", "gbk": "GBK", "big5": "Big5", "euc_kr": "EUC-KR"}
WRONG = ["ISO-8859-1", "windows-1252", "UTF-8", "Shift_JIS", "EUC-JP", "GB2312", "Big5", "EUC-KR", "US-ASCII"]
SAME = [{"shift_jis", "cp932"}, {"gb2312", "gbk", "gb18030"}, {"euc_kr", "cp949"}, {"big5", "cp950"}]


def canonical(name):
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return name.lower()
    for group in SAME:
        if name in group:
            return sorted(group)[0]
    return name


def page(rng, sentences, encoding, meta):
    chosen = []
    for _ in range(200):
        if len(chosen) >= rng.randint(1, 6):
            break
        text = rng.choice(sentences)
        try:
            text.encode(encoding)
        except UnicodeEncodeError:
            continue
        chosen.append(text)
    if not chosen:
        return None
    head = ""
    if meta == "charset":
        head = f'<meta charset="{LABELS[encoding]}">'
    elif meta == "http-equiv":
        head = f'<meta http-equiv="Content-Type" content="text/html; charset={LABELS[encoding]}">'
    title = chosen[0][:20]
    body = "".join(f"<p>{s}</p>\n" for s in chosen)
    html = f"<!DOCTYPE html>\n<html><head>{head}<title>{title}</title></head>\n<body>\n{body}</body></html>\n"
    return html.encode(encoding)


def record(uri, payload, http_label):
    content_type = "text/html" + (f"; charset={http_label}" if http_label else "")
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n").encode() + payload
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n", mtime=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", default=os.path.join(HERE, "..", "..", "shared", "data", "langid-dev", "sentences.tsv"))
    parser.add_argument("--pages", type=int, default=1400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kuroshio", default=os.path.join(HERE, "..", ".build", "release", "kuroshio"))
    parser.add_argument("--smoke", action="store_true", help="a small, quick run (CI runs every benchmark so)")
    args = parser.parse_args()
    if args.smoke:
        args.pages = 60
    if not os.path.exists(args.sentences):
        print(f"skipped: {os.path.normpath(args.sentences)} is absent")
        return
    by_language = collections.defaultdict(list)
    for line in open(args.sentences, encoding="utf-8"):
        label, _, text = line.rstrip("\n").split("\t", 2)
        by_language[label].append(text)
    try:
        from opencc import OpenCC
        to_traditional = OpenCC("s2t").convert
        by_language["zh-hant"] = [to_traditional(text) for text in by_language["zh"]]
    except ImportError:
        print("opencc is not installed: no Big5 pages", file=sys.stderr)
        del ENCODINGS["big5"]
    rng = random.Random(args.seed)
    truth = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "charsets.warc.gz")
        with open(path, "wb") as out:
            n = 0
            while n < args.pages:
                encoding = rng.choice(list(ENCODINGS))
                http = rng.choice(["right", "missing", "wrong"])
                meta = rng.choice(["charset", "http-equiv", "none"])
                html = page(rng, by_language[ENCODINGS[encoding]], encoding, meta)
                if html is None:
                    continue
                label = {"right": LABELS[encoding], "missing": None,
                         "wrong": rng.choice([w for w in WRONG if canonical(w) != canonical(encoding)])}[http]
                uri = f"http://example.test/{n}"
                truth[uri] = (encoding, http, meta)
                out.write(record(uri, html, label))
                n += 1
        listing = subprocess.run([args.kuroshio, "warc", "ls", path], capture_output=True, text=True, check=True).stdout
    right = collections.Counter()
    total = collections.Counter()
    misses = collections.Counter()
    for row in listing.splitlines()[1:]:
        cols = row.split("\t")
        encoding, http, meta = truth[cols[3]]
        ok = canonical(cols[6]) == canonical(encoding)
        for key in [("all",), ("charset", encoding), ("http", http), ("meta", meta)]:
            total[key] += 1
            right[key] += ok
        if not ok:
            misses[(encoding, http, meta, cols[6])] += 1
    for key in sorted(total):
        print(f"{' '.join(key):<20} {right[key]:>5}/{total[key]:<5} {100 * right[key] / total[key]:6.2f}%")
    for miss, count in misses.most_common(15):
        print("miss", count, *miss, file=sys.stderr)


if __name__ == "__main__":
    main()
