#!/usr/bin/env python3
"""`kuroshio classify` against `fasttext predict-prob` (the C++ binary, Debian's `fasttext`), whole process, one
thread each, on the same text and model: wall and CPU time, peak RSS, and whether every line has the same labels with
probabilities within 1e-5.

The model is trained here with the `fasttext` command: 100 dimensions, word bigrams, character n-grams of 2–4, 2M
buckets, softmax over three labels, on generated labelled lines; the text to classify is 8 MB of lines drawn from
the same words. Commands run interleaved; medians are reported.

usage: Benchmarks/classify-throughput.py [--mb 8] [--runs 3] [--smoke]
"""
import argparse, os, random, shutil, statistics, subprocess, tempfile

from benchlib import build_release, measure


def write_corpus(path, size, labelled, seed):
    """Lines of 5–40 words from three overlapping word lists, with suffixes; labelled ones name their list."""
    rng = random.Random(seed)
    lists = {"animal": "cat dog fish bird horse cow sheep goat mouse rabbit",
             "vehicle": "car bus train plane ship truck bike boat tram taxi",
             "color": "red blue green yellow black white pink brown gray gold"}
    everything = " ".join(lists.values()).split() + ["日本語", "ｶﾀｶﾅ", "naïve"]
    written = 0
    with open(path, "w") as out:
        while written < size:
            label = rng.choice(sorted(lists))
            pool = lists[label].split() + rng.sample(everything, 4) if labelled else everything
            words = " ".join(rng.choice(pool) + rng.choice(["", "s", "ing"]) for _ in range(rng.randint(5, 40)))
            line = (f"__label__{label} " if labelled else "") + words + "\n"
            out.write(line)
            written += len(line.encode())


def agree(ours, theirs):
    """The same labels in the same order on every line, and probabilities within 1e-5."""
    ours, theirs = ours.splitlines(), theirs.splitlines()
    if len(ours) != len(theirs):
        return False
    for a, b in zip(ours, theirs):
        a, b = a.split(), b.split()
        if a[0::2] != b[0::2] or any(abs(float(x) - float(y)) > 1e-5 for x, y in zip(a[1::2], b[1::2])):
            return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="1 MB, a 10-dimension model, one run")
    args = parser.parse_args()
    dimension, buckets = 100, 2_000_000
    if args.smoke:
        args.mb, args.runs, dimension, buckets = 1, 1, 10, 100_000
    fasttext = shutil.which("fasttext")
    if fasttext is None:
        raise SystemExit("classify-throughput: the fasttext command is missing (scripts/bootstrap installs it)")
    kuroshio = build_release()
    workdir = tempfile.mkdtemp(prefix="kuroshio-classify-")
    try:
        train, text, model = (os.path.join(workdir, name) for name in ("train.txt", "text.txt", "model"))
        write_corpus(train, 2_000_000, True, 1)
        write_corpus(text, int(args.mb * 1e6), False, 2)
        subprocess.run([fasttext, "supervised", "-input", train, "-output", model, "-dim", str(dimension), "-wordNgrams", "2",
                        "-minn", "2", "-maxn", "4", "-bucket", str(buckets), "-epoch", "2", "-thread", "2", "-verbose", "0"],
                       check=True)
        commands = {"kuroshio classify": ["sh", "-c", f'"{kuroshio}" classify --model "{model}.bin" --k 2 < "{text}"'],
                    "fasttext predict-prob": [fasttext, "predict-prob", model + ".bin", text, "2"]}
        results = {name: [] for name in commands}
        outputs = {}
        for _ in range(args.runs):
            for name, command in commands.items():
                wall, cpu, rss, out = measure(command, capture=True)
                results[name].append((wall, cpu, rss))
                outputs[name] = out
        same = agree(outputs["kuroshio classify"], outputs["fasttext predict-prob"])
        lines = outputs["fasttext predict-prob"].count("\n")
        print(f"{args.mb:g} MB, {lines} lines, model of {dimension} dimensions and {buckets} buckets, k 2, one thread")
        for name, runs in results.items():
            wall, cpu, rss = (statistics.median(run[i] for run in runs) for i in range(3))
            print(f"  {name:22} {wall:6.2f} s wall  {cpu:6.2f} s CPU  peak RSS {rss:7.1f} MB")
        ratio = statistics.median(r[0] for r in results["fasttext predict-prob"]) / statistics.median(r[0] for r in results["kuroshio classify"])
        print(f"kuroshio classify speed: {ratio:.2f}x fasttext predict-prob's; same labels, probabilities within 1e-5, "
              f"every line: {same}")
        if not same:
            raise SystemExit("classify-throughput: the outputs differ")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
