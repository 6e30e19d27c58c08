#!/usr/bin/env python3
"""The cost of `kuroshio stats` against the run that made the shards it reads.

1. `kuroshio run` (extract-only, which writes the most output per CPU-second, so the hardest case) over a CC-like WARC
   is timed, then `kuroshio stats` (with `--report` and `--json`) over its output.
2. For 1 GB of shards, the run's shards are hard-linked over and over into one output directory until they hold
   `--gb` GB on disk, and `kuroshio stats` is timed on that. The run that would have made them takes the measured
   run's time times the number of copies.

Wall times; each measurement is the median of `--runs`.

usage: Benchmarks/stats-throughput.py [WARC.gz] [--mb 300] [--gb 1] [--runs 3] [--smoke]
"""
import argparse, json, os, resource, shutil, statistics, subprocess, tempfile, time

from benchlib import ROOT, build_release, cc_like_warc


def timed(command):
    """Wall seconds and peak RSS (MB) of one command."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def shard_bytes(directory):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(directory) for f in files
               if f.endswith(".jsonl.gz"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warc", nargs="?")
    parser.add_argument("--mb", type=int, default=300)
    parser.add_argument("--gb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="a small, quick run (CI runs every benchmark so)")
    args = parser.parse_args()
    if args.smoke:
        args.mb, args.gb, args.runs = 2, 0.01, 1
    kuroshio = build_release()
    with tempfile.TemporaryDirectory(prefix="kuroshio-stats-bench-") as work:
        warc = cc_like_warc(args.warc, work, args.mb)
        output = os.path.join(work, "run")
        runs = []
        for _ in range(args.runs):
            shutil.rmtree(output, ignore_errors=True)
            runs.append(timed([kuroshio, "run", warc, "--config", os.path.join(ROOT, "Pipelines", "extract-only.yaml"),
                               "--jobs", "1", "--output", output])[0])
        run_wall = statistics.median(runs)
        report = [kuroshio, "stats", "--report", os.path.join(work, "report.html"), "--json", os.path.join(work, "stats.json")]
        direct = statistics.median(timed(report + [output])[0] for _ in range(args.runs))
        size = shard_bytes(output)
        print(f"run extract-only: {run_wall:.2f} s, {size / 1e6:.1f} MB of shards; stats over them {direct:.2f} s, "
              f"{100 * direct / run_wall:.1f}% of the run")

        # The same shards, linked until they hold --gb GB.
        big = os.path.join(work, "big")
        shutil.copytree(output, big, ignore=shutil.ignore_patterns("*.jsonl.gz"))
        shards = [os.path.join(d, f) for d, _, files in os.walk(output) for f in files if f.endswith(".jsonl.gz")]
        copies = max(1, int(args.gb * 1e9 / size + 0.999))
        for copy in range(copies):
            for shard in shards:
                name = os.path.relpath(shard, output)
                head, tail = os.path.split(name)
                os.link(shard, os.path.join(big, head, f"copy{copy:05d}-{tail}"))
        measured = [timed(report + [big]) for _ in range(args.runs)]
        wall = statistics.median(m[0] for m in measured)
        rss = max(m[1] for m in measured)
        scaled_run = run_wall * copies
        print(f"stats over {shard_bytes(big) / 1e9:.2f} GB of shards ({copies} copies): {wall:.1f} s, peak RSS {rss:.0f} MB; "
              f"the run that made them: {scaled_run:.0f} s ({copies} x {run_wall:.2f} s); stats / run: "
              f"{100 * wall / scaled_run:.1f}%")
        documents = json.load(open(os.path.join(work, "stats.json")))["corpus"]["docs"]
        print(f"documents profiled: {documents}, {documents / wall:.0f} per second")


if __name__ == "__main__":
    main()
