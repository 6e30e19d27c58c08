#!/usr/bin/env python3
"""What the quality filters cost: each recipe's time against the same recipe with its filter stages removed, measured
in the same run on a Common-Crawl-like WARC, as wall time and as CPU time (user + system, steadier on a busy
machine). For swallow-like the ratio must stay <= 1.2.

usage: Benchmarks/filter-cost.py [WARC.gz] [--mb 300] [--runs 3] [--recipes swallow-like uzushio-like fineweb2-ja] [--smoke]
"""
import argparse, os, shutil, statistics, subprocess, tempfile, time

from benchlib import ROOT, build_release, cc_like_warc


def without_filters(recipe, kuroshio):
    """The recipe's text with every stage that `kuroshio filters` lists as a document filter removed, with its
    indented options."""
    listing = subprocess.run([kuroshio, "filters"], capture_output=True, text=True, check=True).stdout
    section = listing.split("\nDocument filters:\n")[1].split("\nParagraph cleaners:")[0]
    filters = {line.strip() for line in section.splitlines() if line and not line.startswith(" ")}
    kept, dropping = [], None
    for line in open(recipe, encoding="utf-8"):
        indent = len(line) - len(line.lstrip())
        if dropping is not None and line.strip() and indent > dropping:
            continue
        dropping = None
        stripped = line.strip()
        if stripped.startswith("- ") and stripped[2:].split(":")[0] in filters:
            dropping = indent
            continue
        kept.append(line)
    return "".join(kept)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warc", nargs="?")
    parser.add_argument("--mb", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--recipes", nargs="+", default=["swallow-like", "uzushio-like", "fineweb2-ja"])
    parser.add_argument("--smoke", action="store_true", help="a small, quick run (CI runs every benchmark so)")
    args = parser.parse_args()
    if args.smoke:
        args.mb, args.runs = 2, 1
    kuroshio = build_release()
    work = tempfile.mkdtemp(prefix="kuroshio-filters-")
    try:
        warc = cc_like_warc(args.warc, work, args.mb)
        variants = {}
        for name in args.recipes:
            recipe = os.path.join(ROOT, "Pipelines", f"{name}.yaml")
            bare = os.path.join(work, f"{name}-bare.yaml")
            with open(bare, "w", encoding="utf-8") as out:
                out.write(without_filters(recipe, kuroshio))
            variants[name] = (recipe, bare)
        times = {(name, kind): [] for name in variants for kind in ("filters", "bare")}
        for run in range(args.runs):
            for name, (recipe, bare) in variants.items():
                for kind, config in (("filters", recipe), ("bare", bare)):
                    out = os.path.join(work, f"out-{name}-{kind}-{run}")
                    start = time.perf_counter()
                    child = subprocess.Popen([kuroshio, "run", warc, "--config", config, "--output", out, "--jobs", "2"],
                                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    _, status, usage = os.wait4(child.pid, 0)
                    if status != 0:
                        raise SystemExit(f"kuroshio run --config {config} failed")
                    times[(name, kind)].append((time.perf_counter() - start, usage.ru_utime + usage.ru_stime))
                    shutil.rmtree(out)
        print(f"input: {os.path.getsize(warc) / 1e6:.0f} MB compressed, medians of {args.runs} runs")
        for name in variants:
            wall = [statistics.median(t[0] for t in times[(name, kind)]) for kind in ("filters", "bare")]
            cpu = [statistics.median(t[1] for t in times[(name, kind)]) for kind in ("filters", "bare")]
            print(f"{name:<14} wall {wall[0]:5.2f} s / {wall[1]:5.2f} s = {wall[0] / wall[1]:.2f}   "
                  f"cpu {cpu[0]:5.2f} s / {cpu[1]:5.2f} s = {cpu[0] / cpu[1]:.2f}   (with filters / without)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
