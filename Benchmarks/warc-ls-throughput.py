#!/usr/bin/env python3
"""Throughput of `kuroshio warc ls` against `zcat` (the floor) and FastWARC, measured in the same run.

Builds a Common-Crawl-like WARC with ../shared/bench/make-cc-like-warc unless one is given, then times each
command several times, interleaved, and reports the median wall time and the ratio to zcat. FastWARC
(`pip install fastwarc`) iterates every record and reads its content; it is skipped when not installed.

usage: Benchmarks/warc-ls-throughput.py [WARC.gz] [--mb 300] [--runs 5]
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

from benchlib import build_release, cc_like_warc
FASTWARC = """
import sys
from fastwarc.warc import ArchiveIterator
for record in ArchiveIterator(open(sys.argv[1], 'rb'), parse_http=True):
    record.reader.read()
"""


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warc", nargs="?")
    parser.add_argument("--mb", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    kuroshio = build_release()
    workdir = tempfile.mkdtemp(prefix="kuroshio-bench-")
    try:
        warc = cc_like_warc(args.warc, workdir, args.mb)
        commands = {"zcat": ["zcat", warc], "kuroshio warc ls": [kuroshio, "warc", "ls", warc]}
        try:
            import fastwarc  # noqa: F401
            commands["fastwarc (python)"] = [sys.executable, "-c", FASTWARC, warc]
        except ImportError:
            print("fastwarc is not installed; skipping it", file=sys.stderr)
        times = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(timed(command))
        size = os.path.getsize(warc) / 1e6
        floor = statistics.median(times["zcat"])
        print(f"input: {warc} ({size:.0f} MB compressed), median of {args.runs} runs")
        for name, values in times.items():
            median = statistics.median(values)
            print(f"{name:<20} {median:6.2f} s   ratio to zcat {median / floor:4.2f}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
