#!/usr/bin/env python3
"""Recall and precision of dedup in `kuroshio run`, on a corpus made by scripts/make-near-duplicates, whose
pairs.tsv gives the true Jaccard (primary: char5 for ja, word5 for en) of every pair of near-duplicates it made.

Runs `kuroshio run --config CONFIG CORPUS/corpus.jsonl --output OUTDIR` (OUTDIR is deleted first) unless --skip-run,
then gives every document a cluster: a kept one's is its meta.dedup_cluster (OUTDIR/<bucket>/*.jsonl.gz), a removed
one's the `cluster` column of OUTDIR/dedup/removed/<bucket>/*.tsv, except that documents removed for `paragraphs`,
and documents in neither place, are clusters of their own. Two documents are detected as duplicates when their
clusters are equal.

- recall: the share of generated pairs that are detected, by bin of true Jaccard, by kind (exact, normalised, near),
  and over the pairs with a Jaccard at or above 0.6, 0.7, 0.8 and 0.9 (recall_at_0.8 and so on)
- precision: the share of detected pairs (any two documents sharing a cluster) that are generated pairs, so that
  merging unrelated documents counts against it; precision_at_0.8 (0.7): the share that are generated pairs with a
  Jaccard of 0.8 (0.7) or more
- documents in, kept, removed by reason, and missing (in neither the shards nor the removed lists)

usage: Benchmarks/dedup-recall.py --corpus DIR --output OUTDIR [--kuroshio PATH] [--config YAML] [--skip-run]
                                  [--json FILE] [--make-corpus [--lang ja|en] [--docs N] [--bytes B] [--seed S]]
       Benchmarks/dedup-recall.py --smoke   (a corpus of 100 documents made and scored in a temporary directory)
"""
import argparse, collections, glob, gzip, json, os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINS = [(0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.0)]  # half-open; J = 1.0 has a bin of its own
THRESHOLDS = [0.6, 0.7, 0.8, 0.9]


def bin_name(j):
    if j >= 1.0:
        return "1.0"
    for low, high in BINS:
        if low <= j < high:
            return f"[{low},{high})"
    return f"<{BINS[0][0]}"


def read_corpus(corpus):
    """The document ids of corpus.jsonl, and the generated pairs of pairs.tsv as (id_a, id_b, jaccard, kind)."""
    with open(os.path.join(corpus, "corpus.jsonl"), encoding="utf-8") as f:
        ids = [json.loads(line)["id"] for line in f if line.strip()]
    with open(os.path.join(corpus, "pairs.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    return ids, [(row["id_a"], row["id_b"], float(row["jaccard"]), row["kind"]) for row in rows]


def read_output(output):
    """id -> cluster of every document in the output, the kept documents' dedup_cluster_size, and the ids removed
    by reason."""
    clusters, sizes, removed = {}, {}, collections.defaultdict(list)
    for shard in sorted(glob.glob(os.path.join(output, "*", "*.jsonl.gz"))):  # glob skips hidden directories
        if os.path.basename(os.path.dirname(shard)) == "dedup":
            continue
        with gzip.open(shard, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    doc = json.loads(line)
                    meta = doc.get("meta") or {}
                    clusters[doc["id"]] = meta.get("dedup_cluster", doc["id"])
                    sizes[doc["id"]] = meta.get("dedup_cluster_size")
    for table in sorted(glob.glob(os.path.join(output, "dedup", "removed", "*", "*.tsv"))):
        with open(table, encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            for line in f:
                if line.strip():
                    row = dict(zip(header, line.rstrip("\n").split("\t")))
                    removed[row["reason"]].append(row["id"])
                    clusters[row["id"]] = row["id"] if row["reason"] == "paragraphs" else row["cluster"]
    return clusters, sizes, removed


def share(part, whole):
    return part / whole if whole else None


def score(ids, pairs, clusters, sizes, removed):
    members = collections.Counter(clusters.values())
    detected_pairs = sum(n * (n - 1) // 2 for n in members.values())
    found = {(a, b): clusters.get(a, a) == clusters.get(b, b) for a, b, _, _ in pairs}
    by_bin, by_kind = collections.defaultdict(list), collections.defaultdict(list)
    for a, b, j, kind in pairs:
        by_bin[bin_name(j)].append(found[a, b])
        by_kind[kind].append(found[a, b])
    bins = [f"[{low},{high})" for low, high in BINS] + ["1.0"]
    if bin_name(0.0) in by_bin:  # pairs below the first bin, when the corpus was made with a lower --min-jaccard
        bins.insert(0, bin_name(0.0))
    result = {
        "documents_in": len(ids),
        "documents_kept": len(sizes),
        "documents_removed": {reason: len(removed[reason]) for reason in sorted(removed)},
        "documents_missing": len(set(ids) - set(clusters)),
        "pairs": len(pairs),
        "recall_by_jaccard": {name: {"pairs": len(by_bin[name]), "detected": sum(by_bin[name]),
                                     "recall": share(sum(by_bin[name]), len(by_bin[name]))} for name in bins},
        "recall_by_kind": {kind: {"pairs": len(hits), "detected": sum(hits), "recall": share(sum(hits), len(hits))}
                           for kind, hits in sorted(by_kind.items())},
        "detected_pairs": detected_pairs,
        "detected_generated_pairs": sum(found.values()),
        "precision": share(sum(found.values()), detected_pairs),
    }
    for t in THRESHOLDS:
        hits = [found[a, b] for a, b, j, _ in pairs if j >= t]
        result[f"recall_at_{t}"] = share(sum(hits), len(hits))
    for t in (0.8, 0.7):
        result[f"precision_at_{t}"] = share(sum(found[a, b] for a, b, j, _ in pairs if j >= t), detected_pairs)
    # A kept document's dedup_cluster_size should be the number of documents found with its cluster.
    result["cluster_size_mismatches"] = sum(1 for doc, size in sizes.items()
                                            if size is not None and size != members[clusters[doc]])
    return result


def report(result):
    number = lambda x: "n/a" if x is None else f"{x:.3f}"
    removed = ", ".join(f"{reason} {n}" for reason, n in result["documents_removed"].items()) or "none"
    print(f"documents in {result['documents_in']}, kept {result['documents_kept']}, removed "
          f"{sum(result['documents_removed'].values())} ({removed}), missing {result['documents_missing']}")
    print(f"\n{'true Jaccard':<14}{'pairs':>7}{'detected':>10}{'recall':>8}")
    for name, row in list(result["recall_by_jaccard"].items()) + [(kind, row) for kind, row in
                                                                  result["recall_by_kind"].items()]:
        print(f"{name:<14}{row['pairs']:>7}{row['detected']:>10}{number(row['recall']):>8}")
    for t in THRESHOLDS:
        print(f"{'J >= ' + str(t):<14}{'':>17}{number(result[f'recall_at_{t}']):>8}")
    print(f"\ndetected pairs {result['detected_pairs']}, of them generated {result['detected_generated_pairs']}: "
          f"precision {number(result['precision'])}, precision_at_0.8 {number(result['precision_at_0.8'])}, "
          f"precision_at_0.7 {number(result['precision_at_0.7'])}")
    if result["run_seconds"] is not None:
        print(f"kuroshio run took {result['run_seconds']:.1f} s")
    if result["cluster_size_mismatches"]:
        print(f"warning: {result['cluster_size_mismatches']} kept documents have a dedup_cluster_size other than the "
              "number of documents found in their cluster")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\nusage:")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", metavar="DIR", help="holds corpus.jsonl and pairs.tsv")
    parser.add_argument("--output", metavar="OUTDIR", help="where kuroshio writes (or has written)")
    parser.add_argument("--kuroshio", default=os.path.join(ROOT, ".build", "release", "kuroshio"))
    parser.add_argument("--config", default=os.path.join(ROOT, "Pipelines", "dedup-only.yaml"))
    parser.add_argument("--skip-run", action="store_true", help="score OUTDIR as it is")
    parser.add_argument("--json", metavar="FILE", help="also write the numbers here as JSON")
    parser.add_argument("--make-corpus", action="store_true",
                        help="make --corpus with scripts/make-near-duplicates when it does not exist, passing on "
                             "--lang, --docs, --bytes and --seed")
    for option in ("--lang", "--docs", "--bytes", "--seed"):
        parser.add_argument(option, help="for --make-corpus (default: the generator's)")
    parser.add_argument("--smoke", action="store_true", help="a small, quick run (CI runs every benchmark so)")
    args = parser.parse_args()
    if args.smoke:
        work = tempfile.mkdtemp(prefix="kuroshio-recall-")
        args.corpus, args.output, args.make_corpus = os.path.join(work, "corpus"), os.path.join(work, "out"), True
        args.docs, args.bytes = "100", "400"
    if not args.corpus or not args.output:
        parser.error("--corpus and --output are required (or --smoke)")

    if not os.path.exists(args.corpus):
        if not args.make_corpus:
            sys.exit(f"dedup-recall: {args.corpus} does not exist (--make-corpus makes it)")
        command = [sys.executable, os.path.join(ROOT, "scripts", "make-near-duplicates"), "--output", args.corpus]
        for option in ("lang", "docs", "bytes", "seed"):
            if getattr(args, option) is not None:
                command += [f"--{option}", getattr(args, option)]
        if subprocess.run(command).returncode:
            sys.exit("dedup-recall: make-near-duplicates failed")
    seconds = None
    if not args.skip_run:
        if not os.access(args.kuroshio, os.X_OK):
            sys.exit(f"dedup-recall: no kuroshio at {args.kuroshio} (swift build -c release --product kuroshio)")
        shutil.rmtree(args.output, ignore_errors=True)
        start = time.perf_counter()
        run = subprocess.run([args.kuroshio, "run", "--config", args.config,
                              os.path.join(args.corpus, "corpus.jsonl"), "--output", args.output], stdout=sys.stderr)
        if run.returncode:
            sys.exit(f"dedup-recall: kuroshio run failed (exit status {run.returncode})")
        seconds = time.perf_counter() - start
    if not os.path.isdir(args.output):
        sys.exit(f"dedup-recall: no output at {args.output}")

    ids, pairs = read_corpus(args.corpus)
    result = {"corpus": args.corpus, "output": args.output, "run_seconds": seconds,
              **score(ids, pairs, *read_output(args.output))}
    report(result)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
