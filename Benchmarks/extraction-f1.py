#!/usr/bin/env python3
"""Extraction quality of `kuroshio run --config Pipelines/extract-only.yaml`, scored as the article extraction
benchmark does: precision, recall and F1 over the multiset of whitespace-separated tokens, per page, then averaged
(macro), and over all tokens (micro).

Wraps every page of ../shared/data/extraction-dev (html/<id>.html.gz and ground-truth.json) into a WARC response
record under its URL, runs the pipeline, and matches output documents to pages by `meta.url`. A page with no
output document scores zero.

usage: Benchmarks/extraction-f1.py [--data DIR] [--kuroshio PATH] [--worst 10] [--smoke]
"""
import argparse, collections, gzip, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from benchlib import extracted_texts  # noqa: E402


def score(predicted, truth):
    pred, true = collections.Counter(predicted.split()), collections.Counter(truth.split())
    tp = sum((pred & true).values())
    return tp, sum(pred.values()) - tp, sum(true.values()) - tp


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "extraction-dev"))
    parser.add_argument("--kuroshio", default=os.path.join(ROOT, ".build", "release", "kuroshio"))
    parser.add_argument("--config", default=os.path.join(ROOT, "Pipelines", "extract-only.yaml"))
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--smoke", action="store_true", help="a small, quick run (CI runs every benchmark so)")
    args = parser.parse_args()
    if not os.path.exists(os.path.join(args.data, "ground-truth.json")):
        print(f"skipped: {os.path.normpath(args.data)} is absent")
        return
    truth = json.load(open(os.path.join(args.data, "ground-truth.json"), encoding="utf-8"))
    if args.smoke:
        truth = {key: truth[key] for key in sorted(truth)[:20]}
    extracted = extracted_texts(args.kuroshio, args.config,
                                ((truth[key]["url"], gzip.open(os.path.join(args.data, "html", f"{key}.html.gz")).read())
                                 for key in sorted(truth)))
    rows, totals = [], [0, 0, 0]
    for key, item in truth.items():
        tp, fp, fn = score(extracted.get(item["url"], ""), item["articleBody"])
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, item["url"]))
    n = len(rows)
    tp, fp, fn = totals
    micro_p, micro_r = tp / (tp + fp), tp / (tp + fn)
    print(f"pages {n}, with output {sum(1 for item in truth.values() if item['url'] in extracted)}")
    print(f"macro  precision {sum(r[1] for r in rows) / n:.3f}  recall {sum(r[2] for r in rows) / n:.3f}  "
          f"F1 {sum(r[0] for r in rows) / n:.3f}")
    print(f"micro  precision {micro_p:.3f}  recall {micro_r:.3f}  F1 {2 * micro_p * micro_r / (micro_p + micro_r):.3f}")
    for f1, p, r, url in sorted(rows)[:args.worst]:
        print(f"  {f1:.2f}  P {p:.2f}  R {r:.2f}  {url}", file=sys.stderr)


if __name__ == "__main__":
    main()
