#!/usr/bin/env python3
"""Throughput of `kuroshio run`, measured in the same run as its floor and its peer.

1. Default pipeline (Pipelines/ja-cc.yaml) wall time against `zcat FILE > /dev/null`: the ratio must stay <= 2.0.
   The same pipeline without its language stage is timed too: routing may add at most 15%.
2. Extract-only (Pipelines/extract-only.yaml, one job) documents per CPU-second (user + system) against FastWARC +
   Resiliparse in one process: `extract_plain_text(html, main_content=True)` on every HTTP-200 HTML response.
   (FastWARC misreads HTTP heads with bare LF line ends, as in the ClueWeb pages, and sees no HTML there; each
   tool's rate is over the documents it yields.)

The input is a Common-Crawl-like WARC made by ../shared/bench/make-cc-like-warc (--ja-share 0.05) unless one is
given. Commands run interleaved, several times; medians are reported, and for the extract-only ratio the median
of each run's ratio. Peak RSS is reported for kuroshio.

With `--baseline BIN` (an older build), its ja-cc and extract-only runs are timed in the same runs, and its ratios
printed beside this build's.

usage: Benchmarks/run-throughput.py [WARC.gz] [--mb 300] [--runs 3] [--baseline BIN] [--smoke]
"""
import argparse, json, os, shutil, statistics, sys, tempfile

from benchlib import ROOT, build_release, cc_like_warc, measure
RESILIPARSE = r"""
import sys
from fastwarc.warc import ArchiveIterator, WarcRecordType
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import bytes_to_str, detect_encoding
documents = 0
for record in ArchiveIterator(open(sys.argv[1], 'rb'), record_types=WarcRecordType.response, parse_http=True):
    if record.http_headers is None or record.http_headers.status_code != 200:
        continue
    if 'html' not in (record.http_content_type or ''):
        continue
    body = record.reader.read()
    extract_plain_text(bytes_to_str(body, detect_encoding(body)), main_content=True)
    documents += 1
print(documents)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warc", nargs="?")
    parser.add_argument("--mb", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", help="an older kuroshio binary to time in the same runs")
    parser.add_argument("--smoke", action="store_true", help="a small, quick run (CI runs every benchmark so)")
    args = parser.parse_args()
    if args.smoke:
        args.mb, args.runs = 2, 1
    binaries = {"": build_release()}
    if args.baseline:
        binaries[" (baseline)"] = args.baseline
    work = tempfile.mkdtemp(prefix="kuroshio-bench-")
    try:
        warc = cc_like_warc(args.warc, work, args.mb)
        unrouted = os.path.join(work, "ja-cc-unrouted.yaml")
        recipe = open(os.path.join(ROOT, "Pipelines", "ja-cc.yaml"), encoding="utf-8").read()
        with open(unrouted, "w", encoding="utf-8") as out:
            out.write(recipe[:recipe.index("  - language:")] + recipe[recipe.index("  - exact_dedup:"):])
        runs = [(name + label, binary, config, jobs) for label, binary in binaries.items()
                for name, config, jobs in [("ja-cc", "ja-cc.yaml", "2"), ("ja-cc-unrouted", unrouted, "2"),
                                           ("extract-only", "extract-only.yaml", "1")]
                if not label or name != "ja-cc-unrouted"]
        results = {name: [] for name in ["zcat", "resiliparse"] + [run[0] for run in runs]}
        documents = {}
        for run in range(args.runs):
            results["zcat"].append(measure(["zcat", warc]))
            for name, kuroshio, config, jobs in runs:
                out = os.path.join(work, f"{name}-{run}")
                results[name].append(measure([kuroshio, "run", warc, "--config", os.path.join(ROOT, "Pipelines", config),
                                              "--output", out, "--jobs", jobs]))
                stats = json.load(open(os.path.join(out, "stats.json")))
                documents[name] = sum(bucket["docs"] for bucket in stats.get("buckets", {}).values())
                shutil.rmtree(out)
            resiliparse = measure([sys.executable, "-c", RESILIPARSE, warc], capture=True)
            results["resiliparse"].append(resiliparse)
            documents["resiliparse"] = int(resiliparse[3])
        median = {name: (statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows),
                         max(r[2] for r in rows)) for name, rows in results.items()}
        print(f"input: {os.path.getsize(warc) / 1e6:.0f} MB compressed, medians of {args.runs} runs")
        zcat_wall = median["zcat"][0]
        print(f"zcat                  wall {zcat_wall:6.2f} s")
        for label in binaries:
            wall, cpu, rss = median["ja-cc" + label]
            print(f"run ja-cc{label} (2 jobs)  wall {wall:6.2f} s  ratio to zcat {wall / zcat_wall:.2f}  peak RSS {rss:.0f} MB  "
                  f"docs {documents['ja-cc' + label]}")
        routed, unrouted_wall = median["ja-cc"][0], median["ja-cc-unrouted"][0]
        print(f"run ja-cc without its language stage  wall {unrouted_wall:6.2f} s  routing adds "
              f"{100 * (routed / unrouted_wall - 1):+.1f}%  docs {documents['ja-cc-unrouted']}")
        rates = {}
        for name in ["resiliparse"] + ["extract-only" + label for label in binaries]:
            wall, cpu, rss = median[name]
            rates[name] = documents[name] / cpu
            print(f"{name:<21} cpu  {cpu:6.2f} s  {documents[name]} docs  {rates[name]:6.0f} docs per CPU-second"
                  + (f"  peak RSS {rss:.0f} MB" if name.startswith("extract-only") else ""))
        for label in binaries:
            # Each run's ratio, then their median: the machine's speed may drift between runs, not within one.
            paired = statistics.median((documents["extract-only" + label] / mine[1]) / (documents["resiliparse"] / theirs[1])
                                       for mine, theirs in zip(results["extract-only" + label], results["resiliparse"]))
            print(f"extract-only{label} / resiliparse docs per CPU-second: {paired:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
