#!/usr/bin/env python3
"""Extraction by wanted and unwanted snippets, as trafilatura's evaluation scores it, through
`kuroshio run --config Pipelines/extract-only.yaml`.

--data names a directory laid out as trafilatura's tests are: evaldata.json ({url: {"file", "with", "without"}}) and
the pages under cache/ or eval/. It is read where it lies, never copied: get it from a checkout of the trafilatura
repository (`git archive HEAD tests/evaldata.json tests/cache tests/eval | tar -x -C DIR`, then --data DIR/tests).
Every page is wrapped into a WARC response record under its URL; output documents are matched by `meta.url`, and a
page without one has found none of its wanted snippets. Snippets match as whitespace-normalized substrings.

- wanted found: share of `with` snippets in the page's text (recall);
- unwanted absent: share of `without` snippets not in it.

usage: Benchmarks/snippet-eval.py --data DIR [--kuroshio PATH] [--config RECIPE] [--misses N] [--smoke]
"""
import argparse, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from benchlib import extracted_texts  # noqa: E402


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def page(data, name):
    for folder in ("cache", "eval"):
        path = os.path.join(data, folder, name)
        if os.path.exists(path):
            return open(path, "rb").read()
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "snippet-eval"))
    parser.add_argument("--kuroshio", default=os.path.join(ROOT, ".build", "release", "kuroshio"))
    parser.add_argument("--config", default=os.path.join(ROOT, "Pipelines", "extract-only.yaml"))
    parser.add_argument("--misses", type=int, default=0, help="print this many missed or leaked snippets")
    parser.add_argument("--smoke", action="store_true", help="a small, quick run (CI runs every benchmark so)")
    args = parser.parse_args()
    if not os.path.exists(os.path.join(args.data, "evaldata.json")):
        print(f"skipped: {os.path.normpath(args.data)}/evaldata.json is absent")
        return
    items = json.load(open(os.path.join(args.data, "evaldata.json"), encoding="utf-8"))
    if args.smoke:
        items = {url: items[url] for url in sorted(items)[:30]}
    pages = [(url.strip(), body) for url, body in ((url, page(args.data, items[url]["file"])) for url in sorted(items))
             if body is not None]
    kept = extracted_texts(args.kuroshio, args.config, pages)
    # Some of the set's URLs end in spaces, which a WARC header does not keep.
    texts = {url: norm(kept[url.strip()]) for url in items if url.strip() in kept}
    found = wanted = absent = unwanted = 0
    misses = []
    for url, item in sorted(items.items()):
        text = texts.get(url, "")
        for snippet in item["with"]:
            wanted += 1
            if norm(snippet) in text:
                found += 1
            else:
                misses.append(f"missing {url}: {snippet[:80]}")
        for snippet in item["without"]:
            unwanted += 1
            if not text or norm(snippet) not in text:
                absent += 1
            else:
                misses.append(f"leaked  {url}: {snippet[:80]}")
    print(f"pages {len(items)}, with output {sum(1 for url in items if url in texts)}")
    for line in misses[:args.misses]:
        print("  " + line, file=sys.stderr)
    print(f"wanted found {found / wanted:.3f} ({found} of {wanted}), unwanted absent {absent / unwanted:.3f} "
          f"({absent} of {unwanted})")


if __name__ == "__main__":
    main()
