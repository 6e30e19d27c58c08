#!/usr/bin/env python3
"""Accuracy of `kuroshio langid` on labelled sentences (../shared/data/langid-dev/sentences.tsv by default):
`label<TAB>source<TAB>text` rows, labels ja, en, zh, ko, code (12-line chunks of source files) and other:xx.

Prints the measures the routing is held to, then accuracy by label.

usage: Benchmarks/langid-accuracy.py [--sentences TSV] [--kuroshio PATH] [--misses N] [--smoke]
"""
import argparse, collections, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GOALS = [("ja accuracy", ">=", 99.9), ("en accuracy", ">=", 99.5), ("zh labelled ja", "<=", 0.1),
         ("ko accuracy", ">=", 99.5), ("code recall", ">=", 95.0), ("prose labelled code", "<=", 1.0)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", default=os.path.join(ROOT, "..", "shared", "data", "langid-dev", "sentences.tsv"))
    parser.add_argument("--kuroshio", default=os.path.join(ROOT, ".build", "release", "kuroshio"))
    parser.add_argument("--misses", type=int, default=0, help="print this many misclassified rows per label")
    parser.add_argument("--smoke", action="store_true", help="a small, quick run (CI runs every benchmark so)")
    args = parser.parse_args()
    if not os.path.exists(args.sentences):
        print(f"skipped: {os.path.normpath(args.sentences)} is absent")
        return
    rows = []
    for line in open(args.sentences, encoding="utf-8"):
        label, _, text = line.rstrip("\n").split("\t", 2)
        if label != "label":
            rows.append((label, text.replace("\r", " ")))
    if args.smoke:
        rows = rows[::20]
    stdin = "".join(text + "\n" for _, text in rows)
    output = subprocess.run([args.kuroshio, "langid"], input=stdin, capture_output=True, text=True, check=True).stdout
    predicted = [line.split("\t")[0] for line in output.splitlines()]
    assert len(predicted) == len(rows), "one answer per line"
    by_label = collections.defaultdict(collections.Counter)
    for (label, _), guess in zip(rows, predicted):
        by_label[label.split(":")[0]][guess] += 1

    def share(label, guess):
        counts = by_label[label]
        return 100 * counts[guess] / max(1, sum(counts.values()))

    prose = collections.Counter()
    for label, counts in by_label.items():
        if label != "code":
            prose.update(counts)
    measured = {"ja accuracy": share("ja", "ja"), "en accuracy": share("en", "en"), "zh labelled ja": share("zh", "ja"),
                "ko accuracy": share("ko", "ko"), "code recall": share("code", "code"),
                "prose labelled code": 100 * prose["code"] / sum(prose.values())}
    print(f"{'measure':<22}{'result':>9}   goal")
    for name, sign, goal in GOALS:
        value = measured[name]
        met = value >= goal if sign == ">=" else value <= goal
        print(f"{name:<22}{value:8.2f}%   {sign} {goal}%  {'ok' if met else 'MISSED'}")
    print()
    for label in sorted(by_label):
        counts = by_label[label]
        print(f"{label:<8} n={sum(counts.values()):<5} " + ", ".join(f"{g} {c}" for g, c in counts.most_common()))
    if args.misses:
        shown = collections.Counter()
        for (label, text), guess in zip(rows, predicted):
            base = label.split(":")[0]
            if guess != base and shown[base] < args.misses and base != "other":
                shown[base] += 1
                print(f"miss {label} -> {guess}: {text[:100]}", file=sys.stderr)


if __name__ == "__main__":
    main()
