#!/usr/bin/env python3
"""The cost of Swift's safety checks: CPU seconds of the shipped release build against a baseline binary (the same
or an older tree built with `-Xswiftc -Ounchecked`), side by side in one run, one job, on a CC-like WARC.

Each command runs `--runs` times per binary, interleaved; the best CPU time of each is compared. CPU time on a shared
machine drifts by ±15% from run to run, so the script also counts the instructions each command executes (valgrind's
callgrind, over stripped copies of both binaries): repeatable to about 0.5% (hash seeds differ per process), though
blind to cache and branch effects.

usage: Benchmarks/checks-cost.py --baseline BIN [WARC.gz] [--mb 20] [--runs 3] [--no-instructions] [--smoke]
       (a baseline: git worktree add /tmp/old <commit> && cd /tmp/old && swift build -c release -Xswiftc -Ounchecked)
"""
import argparse, os, re, resource, shutil, subprocess, tempfile

from benchlib import ROOT, build_release, cc_like_warc


def cpu_seconds(command, output):
    shutil.rmtree(output, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def instructions(command, output, work):
    """Instructions `command` executes, counted by callgrind over a stripped copy of its binary (valgrind cannot read
    Swift's debug information)."""
    binary = os.path.join(work, f"stripped-{abs(hash(command[0]))}")
    if not os.path.exists(binary):
        subprocess.run(["strip", "-o", binary, command[0]], check=True)
    shutil.rmtree(output, ignore_errors=True)
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary] + command[1:],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True, cwd=ROOT)
    return int(re.search(r"Collected : (\d+)", run.stderr).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warc", nargs="?")
    parser.add_argument("--baseline", help="the binary to compare with (required but with --smoke: this build)")
    parser.add_argument("--mb", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-instructions", action="store_true", help="CPU time only, without counting instructions")
    parser.add_argument("--smoke", action="store_true", help="a small, quick run (CI runs every benchmark so)")
    args = parser.parse_args()
    checked = build_release()
    if args.smoke:
        args.mb, args.runs, args.baseline = 2, 1, args.baseline or checked
    if not args.baseline:
        parser.error("--baseline is required")
    with tempfile.TemporaryDirectory() as work:
        warc = cc_like_warc(args.warc, work, args.mb)
        output = os.path.join(work, "out")
        commands = [("warc ls", ["warc", "ls", warc])] + [
            (f"run {recipe}", ["run", "--config", f"Pipelines/{recipe}.yaml", "--jobs", "1", "--output", output, warc])
            for recipe in ("extract-only", "ja-cc", "ja-en-code-cc")]
        counting = not args.no_instructions
        if counting and not shutil.which("valgrind"):
            parser.error("valgrind is missing (scripts/bootstrap installs it), or pass --no-instructions")
        print(f"{'command':<22} {'baseline s':>10} {'checked s':>10} {'checked / baseline':>19}"
              + (f" {'instructions ratio':>19}" if counting else ""))
        for name, arguments in commands:
            best = {"baseline": float("inf"), "checked": float("inf")}
            for _ in range(args.runs):
                for label, binary in (("baseline", args.baseline), ("checked", checked)):
                    best[label] = min(best[label], cpu_seconds([binary] + arguments, output))
            line = f"{name:<22} {best['baseline']:10.2f} {best['checked']:10.2f} {best['checked'] / best['baseline']:19.2f}"
            if counting:
                ratio = instructions([checked] + arguments, output, work) / instructions([args.baseline] + arguments, output, work)
                line += f" {ratio:19.3f}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
