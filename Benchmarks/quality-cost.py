#!/usr/bin/env python3
"""What a learned quality score costs in a whole run: `Pipelines/ja-en-code-cc.yaml` on a CC-like WARC, one job,
against the same recipe with a `fasttext` stage after the language stage that scores every document with a
supervised model of 100 dimensions and word bigrams (2M buckets, as `fasttext supervised` makes by default), and
with the stage scoring the ja bucket only, its text split into words by MeCab first (`segment: true`), as a Japanese
classifier trained on segmented text does (Pipelines/ja-quality.yaml). Whole process, CPU time (user + system) and peak RSS; runs interleaved, medians reported.

The model is trained here with the `fasttext` command on `kuroshio training-lines` of a first run's output (ja and en
documents as two labels): its weights do not change the cost, its shape does.

usage: Benchmarks/quality-cost.py [WARC.gz] [--mb 40] [--runs 3] [--smoke]
"""
import argparse, glob, os, shutil, statistics, subprocess, tempfile

from benchlib import ROOT, build_release, cc_like_warc, measure

RECIPE = os.path.join(ROOT, "Pipelines", "ja-en-code-cc.yaml")


def with_stage(recipe, stage):
    """The recipe text with `stage` (YAML lines) after its language stage."""
    lines = recipe.splitlines()
    at = lines.index("  - replacement_share: {max: 0.01}")
    return "\n".join(lines[:at] + stage + lines[at:]) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warc", nargs="?")
    parser.add_argument("--mb", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="a 4 MB WARC, a 10-dimension model, one run")
    args = parser.parse_args()
    dimension, buckets = 100, 2_000_000
    if args.smoke:
        args.mb, args.runs, dimension, buckets = 4, 1, 10, 100_000
    fasttext = shutil.which("fasttext")
    if fasttext is None:
        raise SystemExit("quality-cost: the fasttext command is missing (scripts/bootstrap installs it)")
    kuroshio = build_release()
    workdir = tempfile.mkdtemp(prefix="kuroshio-quality-cost-")
    try:
        warc = cc_like_warc(args.warc, workdir, args.mb)
        first = os.path.join(workdir, "first")
        subprocess.run([kuroshio, "run", "--config", RECIPE, "--output", first, warc], check=True, capture_output=True)
        train = os.path.join(workdir, "train.txt")
        with open(train, "w") as out:
            for bucket, label in (("ja", "__label__hq"), ("en", "__label__lq"), ("code", "__label__lq")):
                shards = sorted(glob.glob(os.path.join(first, bucket, "*.jsonl.gz")))
                if shards:
                    subprocess.run([kuroshio, "training-lines", "--label", label] + shards, stdout=out, stderr=subprocess.DEVNULL,
                                   check=True)
        model = os.path.join(workdir, "model")
        subprocess.run([fasttext, "supervised", "-input", train, "-output", model, "-dim", str(dimension), "-wordNgrams", "2",
                        "-bucket", str(buckets), "-epoch", "2", "-thread", "2", "-verbose", "0"], check=True)
        recipe = open(RECIPE).read()
        stage = ["  - fasttext:", f"      model: {model}.bin", "      label: __label__hq", "      field: quality_hq"]
        recipes = {"ja-en-code-cc": recipe, "+ fasttext": with_stage(recipe, stage),
                   "+ fasttext on ja, MeCab": with_stage(recipe, stage + ["      segment: true", "      buckets: [ja]"])}
        paths = {}
        for name, text in recipes.items():
            paths[name] = os.path.join(workdir, f"recipe-{len(paths)}.yaml")
            open(paths[name], "w").write(text)
        results = {name: [] for name in recipes}
        for run in range(args.runs):
            for name, path in paths.items():
                output = os.path.join(workdir, f"out-{run}-{len(results[name])}-{list(paths).index(name)}")
                wall, cpu, rss, _ = measure([kuroshio, "run", "--config", path, "--output", output, "--jobs", "1", warc])
                results[name].append((wall, cpu, rss))
                shutil.rmtree(output, ignore_errors=True)
        size = os.path.getsize(warc) / 1e6
        print(f"{size:.0f} MB CC-like WARC (gzip), one job; model of {dimension} dimensions, word bigrams, {buckets} buckets")
        base = statistics.median(r[1] for r in results["ja-en-code-cc"])
        for name, runs in results.items():
            wall, cpu, rss = (statistics.median(run[i] for run in runs) for i in range(3))
            print(f"  {name:26} {wall:6.2f} s wall  {cpu:6.2f} s CPU ({cpu / base - 1:+6.1%})  peak RSS {rss:7.1f} MB")
        added = statistics.median(r[1] for r in results["+ fasttext"]) / base - 1
        print(f"the fasttext stage adds {added:.1%} CPU to ja-en-code-cc")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
