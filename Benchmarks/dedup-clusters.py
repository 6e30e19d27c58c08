#!/usr/bin/env python3
"""Time and peak memory of each dedup pass over millions of documents.

Writes --docs short English-like JSONL documents (40 words from a vocabulary of 100,000, in shards of 100,000
documents): a share --dup-share of them are copies of an earlier document, a tenth of those exact and the rest with
their last one or two words changed (about 0.9 Jaccard on word 5-grams). Then runs `kuroshio dedup --pass P` for
the signatures, buckets, clusters and apply passes in turn (Pipelines/dedup-only.yaml: 128 MinHash values, 20 bands
of 6 rows; --jobs 2, --memory-mb 1024), each timed with its peak RSS (`/usr/bin/time -v`), and checks that the
documents removed are the copies written.

--smoke: 20,000 documents, for CI.

usage: Benchmarks/dedup-clusters.py [--docs 1000000,3000000,10000000] [--dup-share 0.1] [--workdir DIR] [--json F]
       [--kuroshio PATH] [--smoke]
"""
import argparse, json, os, re, shutil, subprocess, tempfile, time

import numpy as np

from benchlib import ROOT, build_release

WORDS, VOCABULARY, UNIT = 40, 100_000, 100_000
PASSES = ["signatures", "buckets", "clusters", "apply"]


def vocabulary(rng):
    """VOCABULARY distinct lower-case words of 3 to 9 letters."""
    words = set()
    while len(words) < VOCABULARY:
        for length, letters in zip(rng.integers(3, 10, size=VOCABULARY), rng.integers(0, 26, size=(VOCABULARY, 9))):
            words.add("".join(chr(97 + c) for c in letters[:length]))
    return np.array(sorted(words)[:VOCABULARY])


def write_corpus(directory, docs, dup_share, seed=1):
    """The shards under `directory`; returns the number of copies written. The first documents (a quarter, at most
    20,000) are the originals: every copy is of one of them, so each copy's cluster is its source's."""
    rng = np.random.default_rng(seed)
    vocab = vocabulary(rng)
    originals = min(docs // 4, 20_000)
    copies = 0
    source_texts = None
    for unit in range(0, docs, UNIT):
        n = min(UNIT, docs - unit)
        texts = rng.integers(0, VOCABULARY, size=(n, WORDS))
        if source_texts is None:
            source_texts = texts[:originals].copy()
        copied = (rng.random(n) < dup_share) & (np.arange(unit, unit + n) >= originals)
        sources = source_texts[rng.integers(0, originals, size=int(copied.sum()))]
        near = rng.random(len(sources)) >= 0.1
        changed = rng.integers(1, 3, size=len(sources))
        for row, (is_near, count) in enumerate(zip(near, changed)):
            if is_near:
                tail = sources[row, WORDS - count:]
                sources[row, WORDS - count:] = (tail + 1 + rng.integers(0, VOCABULARY - 1, size=count)) % VOCABULARY
        texts[copied] = sources
        copies += int(copied.sum())
        words = vocab[texts]
        with open(os.path.join(directory, f"part-{unit // UNIT:06d}.jsonl"), "w") as f:
            f.writelines(f'{{"id":"doc-{unit + i:09d}","text":"{" ".join(row)}"}}\n' for i, row in enumerate(words))
    return copies


def timed(kuroshio, corpus, output, name):
    """Wall seconds and peak RSS (MB) of one pass."""
    command = ["/usr/bin/time", "-v", kuroshio, "dedup", corpus, "--pass", name, "--output", output,
               "--config", os.path.join(ROOT, "Pipelines", "dedup-only.yaml"), "--jobs", "2", "--memory-mb", "1024"]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"dedup --pass {name} failed: {result.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    return wall, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", default="1000000,3000000,10000000", help="comma-separated corpus sizes")
    parser.add_argument("--dup-share", type=float, default=0.1)
    parser.add_argument("--workdir", help="where to write (default: a temporary directory; needs ~5 GB per 10M)")
    parser.add_argument("--kuroshio", help="the binary (default: a release build)")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--smoke", action="store_true", help="20,000 documents")
    args = parser.parse_args()
    sizes = [20_000] if args.smoke else [int(d) for d in args.docs.split(",")]
    kuroshio = args.kuroshio or build_release()
    results = []
    print(f"{'documents':>11} {'write s':>8}" + "".join(f" {name + ' s':>13} {'RSS MB':>7}" for name in PASSES)
          + f" {'removed':>9} {'copies':>9}")
    for docs in sizes:
        root = tempfile.mkdtemp(prefix="kuroshio-dedup-bench-", dir=args.workdir)
        try:
            corpus, output = os.path.join(root, "in"), os.path.join(root, "out")
            os.makedirs(corpus)
            start = time.perf_counter()
            copies = write_corpus(corpus, docs, args.dup_share)
            row = {"docs": docs, "write_s": time.perf_counter() - start, "copies": copies}
            for name in PASSES:
                row[f"{name}_s"], row[f"{name}_rss_mb"] = timed(kuroshio, corpus, output, name)
            with open(os.path.join(output, "stats.json")) as f:
                dedup = json.load(f)["dedup"]
            row["removed"] = sum(dedup[kind]["docs_in"] - dedup[kind]["docs_out"] for kind in ("exact", "url", "near") if kind in dedup)
            results.append(row)
            print(f"{docs:>11,} {row['write_s']:>8.1f}" + "".join(f" {row[name + '_s']:>13.1f} {row[name + '_rss_mb']:>7.0f}"
                                                           for name in PASSES) + f" {row['removed']:>9,} {copies:>9,}", flush=True)
            if row["removed"] != copies:
                raise SystemExit(f"dedup removed {row['removed']:,} documents of {docs:,}, where {copies:,} copies were written")
        finally:
            shutil.rmtree(root, ignore_errors=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
