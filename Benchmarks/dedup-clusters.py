#!/usr/bin/env python3
"""Time and peak memory of the dedup buckets and clusters passes on the signatures of millions of documents.

Writes the side outputs that `kuroshio dedup signatures` would write for --docs documents (Pipelines/dedup-only.yaml:
128 MinHash values, 20 bands of 6 rows) in units of 100,000 documents, then times `kuroshio dedup buckets` and
`kuroshio dedup clusters` (--jobs 2, --memory-mb 1024) with their peak RSS (`/usr/bin/time -v`).

The signatures are synthetic, made with numpy: a share --dup-share of the documents are near copies of another
(each of their 128 values replaced with probability 0.1, so about 0.82 Jaccard), a tenth of those exact copies, and the
rest random. Band hashes are computed as Kuroshio computes them (`MinHasher.bandHash`), so the candidates and the
checks on full signatures are real. The side-output formats are those of Sources/Kuroshio/Dedup/SignaturePass.swift.

usage: Benchmarks/dedup-clusters.py [--docs 1000000,3000000,10000000] [--dup-share 0.1] [--workdir DIR] [--json F]
"""
import argparse, json, os, re, shutil, subprocess, tempfile, time

import numpy as np

from benchlib import ROOT, build_release

HASHES, BANDS, ROWS, UNIT = 128, 20, 6, 100_000
M = np.uint64(0xFFFFFFFFFFFFFFFF)


def mix(x):
    """Hash64.mix over a uint64 array (wrapping arithmetic)."""
    with np.errstate(over="ignore"):
        z = x + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def band_hashes(signatures):
    """MinHasher.bandHash of every band of every signature: an array of shape (BANDS, docs)."""
    out = np.empty((BANDS, len(signatures)), dtype=np.uint64)
    for band in range(BANDS):
        h = np.full(len(signatures), mix(np.array([band], dtype=np.uint64))[0], dtype=np.uint64)
        for row in range(band * ROWS, (band + 1) * ROWS):
            h = mix(h ^ signatures[:, row].astype(np.uint64))
        out[band] = h | np.uint64(1)
    return out


def write_corpus(root, docs, dup_share, seed=1):
    """Empty shards under root/in/docs (the units) and their side outputs under root/out/.dedup/docs/units."""
    rng = np.random.default_rng(seed)
    units_dir = os.path.join(root, "out", ".dedup", "docs", "units")
    os.makedirs(units_dir)
    os.makedirs(os.path.join(root, "in", "docs"))
    originals = None
    for unit in range(0, docs, UNIT):
        n = min(UNIT, docs - unit)
        index = unit // UNIT
        open(os.path.join(root, "in", "docs", f"part-{index:06d}.jsonl"), "w").close()
        signatures = rng.integers(0, 2**32, size=(n, HASHES), dtype=np.uint32)
        if originals is not None:  # near copies of documents of earlier units
            copies = rng.random(n) < dup_share
            sources = originals[rng.integers(0, len(originals), size=int(copies.sum()))]
            changed = rng.random(sources.shape) < 0.1
            exact = rng.random(len(sources)) < 0.1
            changed[exact] = False
            sources[changed] = rng.integers(0, 2**32, size=int(changed.sum()), dtype=np.uint32)
            signatures[copies] = sources
        originals = signatures[: min(n, 20_000)].copy()
        name = os.path.join(units_dir, f"{index:06d}")
        keys = np.zeros((n, 4), dtype=np.uint64)
        keys[:, 0] = mix(np.arange(unit, unit + n, dtype=np.uint64)) | np.uint64(1)
        keys[:, 2] = np.uint64(0x8000000000000000)  # no date
        keys[:, 3] = 1
        keys.tofile(name + ".docs")
        signatures.tofile(name + ".sig")
        band_hashes(signatures).tofile(name + ".bands")
        with open(name + ".ids", "wb") as f:
            for i in range(unit, unit + n):
                text = f"doc-{i:09d}".encode()
                f.write(len(text).to_bytes(4, "little") + text)


def timed(kuroshio, root, passname):
    """Wall seconds and peak RSS (MB) of one pass."""
    command = ["/usr/bin/time", "-v", kuroshio, "dedup", passname, os.path.join(root, "in"), "--output",
               os.path.join(root, "out"), "--config", os.path.join(ROOT, "Pipelines", "dedup-only.yaml"),
               "--jobs", "2", "--memory-mb", "1024"]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    return wall, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", default="1000000,3000000,10000000", help="comma-separated corpus sizes")
    parser.add_argument("--dup-share", type=float, default=0.1)
    parser.add_argument("--workdir", help="where to write (default: a temporary directory; needs ~7 GB per 10M)")
    parser.add_argument("--kuroshio", help="the binary (default: a release build)")
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args()
    kuroshio = args.kuroshio or build_release()
    results = []
    print(f"{'documents':>11} {'write s':>8} {'buckets s':>10} {'RSS MB':>7} {'clusters s':>11} {'RSS MB':>7} "
          f"{'removed':>9} {'pairs kept':>11}")
    for docs in (int(d) for d in args.docs.split(",")):
        root = tempfile.mkdtemp(prefix="kuroshio-dedup-bench-", dir=args.workdir)
        try:
            start = time.perf_counter()
            write_corpus(root, docs, args.dup_share)
            written = time.perf_counter() - start
            buckets = timed(kuroshio, root, "buckets")
            clusters = timed(kuroshio, root, "clusters")
            stats = {}
            for name in os.listdir(os.path.join(root, "out", ".done", "clusters")) + os.listdir(
                    os.path.join(root, "out", ".done", "buckets")):
                folder = "clusters" if name == "docs.tsv" else "buckets"
                for line in open(os.path.join(root, "out", ".done", folder, name)):
                    key, _, value = line.rstrip("\n").partition("\t")
                    if value.isdigit():
                        stats[key] = stats.get(key, 0) + int(value)
            removed = stats.get("dedup.exact.docs_in", 0) - stats.get("dedup.near.docs_out", 0)
            row = {"docs": docs, "write_s": written, "buckets_s": buckets[0], "buckets_rss_mb": buckets[1],
                   "clusters_s": clusters[0], "clusters_rss_mb": clusters[1], "removed": removed,
                   "pairs_kept": stats.get("dedup.candidates.pairs_kept", 0)}
            results.append(row)
            print(f"{docs:>11,} {written:>8.1f} {buckets[0]:>10.1f} {buckets[1]:>7.0f} {clusters[0]:>11.1f} "
                  f"{clusters[1]:>7.0f} {removed:>9,} {row['pairs_kept']:>11,}", flush=True)
        finally:
            shutil.rmtree(root, ignore_errors=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
