#!/usr/bin/env python3
"""Reading throughput: `kuroshio warc ls` and `kuroshio run --jobs 1` (ja-cc) against FastWARC, in the same run.

Builds a Common-Crawl-like WARC with ../shared/bench/make-cc-like-warc (--mb 200 by default) unless one is given,
then runs each command several times, interleaved, and reports median wall and CPU (user + system) times, and
the median over the runs of each run's ratio (the machine's speed may drift between runs, not within one):
- `kuroshio warc ls > /dev/null` wall time / FastWARC's (target: at most 1);
- `kuroshio run --jobs 1` with Pipelines/ja-cc.yaml, CPU time / FastWARC's (target: at most 1.5), with its peak RSS;
- `zcat`, for scale.
FastWARC (`pip install fastwarc`) iterates every record with `parse_http=True` and reads its body.

usage: Benchmarks/warc-ls-throughput.py [WARC.gz] [--mb 200] [--runs 5] [--smoke]
"""
import argparse, os, shutil, statistics, sys, tempfile

from benchlib import ROOT, build_release, cc_like_warc, measure
FASTWARC = """
import sys
from fastwarc.warc import ArchiveIterator
for record in ArchiveIterator(open(sys.argv[1], 'rb'), parse_http=True):
    record.reader.read()
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warc", nargs="?")
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="a small, quick run (CI runs every benchmark so)")
    args = parser.parse_args()
    if args.smoke:
        args.mb, args.runs = 2, 1
    try:
        import fastwarc  # noqa: F401
    except ImportError:
        raise SystemExit("FastWARC is not installed: pip install fastwarc")
    kuroshio = build_release()
    workdir = tempfile.mkdtemp(prefix="kuroshio-bench-")
    try:
        warc = cc_like_warc(args.warc, workdir, args.mb)
        output = os.path.join(workdir, "out")
        commands = {
            "zcat": ["zcat", warc],
            "fastwarc": [sys.executable, "-c", FASTWARC, warc],
            "kuroshio warc ls": [kuroshio, "warc", "ls", warc],
            "kuroshio run ja-cc": [kuroshio, "run", warc, "--config", os.path.join(ROOT, "Pipelines", "ja-cc.yaml"),
                                   "--output", output, "--jobs", "1"],
        }
        results = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                shutil.rmtree(output, ignore_errors=True)
                results[name].append(measure(command))
        wall = {name: statistics.median(r[0] for r in rows) for name, rows in results.items()}
        cpu = {name: statistics.median(r[1] for r in rows) for name, rows in results.items()}
        rss = {name: max(r[2] for r in rows) for name, rows in results.items()}

        def ratio(name, measure):
            return statistics.median(a[measure] / b[measure] for a, b in zip(results[name], results["fastwarc"]))

        print(f"input: {warc} ({os.path.getsize(warc) / 1e6:.0f} MB compressed), median of {args.runs} runs")
        for name in commands:
            print(f"{name:<20} wall {wall[name]:6.2f} s   cpu {cpu[name]:6.2f} s   peak RSS {rss[name]:5.0f} MB")
        print(f"warc ls wall / FastWARC wall:   {ratio('kuroshio warc ls', 0):.2f}  (target <= 1)")
        print(f"run ja-cc cpu / FastWARC cpu:   {ratio('kuroshio run ja-cc', 1):.2f}  (target <= 1.5)")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
