#!/usr/bin/env python3
"""Remote input, measured in one run against the same work on a local file, and the HTTP engine chosen for it.

1. `kuroshio run` of Pipelines/ja-cc.yaml (one job) over a CC-like WARC on disk and the same file served on loopback
   by scripts/fault-http-server, interleaved: the remote run's speed (local wall time / remote wall time) must be
   >= 0.85 and its peak RSS within 20 MB of the local run's.
2. The engine: libcurl pulled by the reader (Kuroshio's HTTPTransfer, in Benchmarks/engines/fetch-libcurl.swift)
   against Foundation's URLSession (Benchmarks/engines/fetch-urlsession.swift), both compiled here with the same
   resume policy, fetching the same file:
   - with a reader as slow as kuroshio's ja-cc run on it (measured in 1): peak RSS, and what URLSession held;
   - with a reader that takes everything at once: wall time;
   - with every request of the file faulty at first (503, 429, resets, stalls; 3 faults, then clean), for several
     seeds: whether each completed, its requests and its time.

The input is a Common-Crawl-like WARC made by ../shared/bench/make-cc-like-warc unless one is given. Medians are
reported over --runs.

usage: Benchmarks/remote-throughput.py [WARC.gz] [--mb 300] [--runs 3] [--seeds 3] [--smoke]
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys, tempfile, time

from benchlib import ROOT, build_release, cc_like_warc, measure


class Server:
    """scripts/fault-http-server over `folder` with `options`, on a free loopback port."""

    def __init__(self, folder, *options):
        self.process = subprocess.Popen([sys.executable, os.path.join(ROOT, "scripts", "fault-http-server"), folder,
                                         "--port", "0", *options], stdout=subprocess.PIPE, text=True)
        self.port = int(re.match(r"port (\d+)", self.process.stdout.readline()).group(1))

    def url(self, name):
        return f"http://127.0.0.1:{self.port}/{name}"

    def stop(self):
        self.process.kill()
        self.process.wait()


def compile_engines(workdir):
    """The two fetchers, built with -O: libcurl's with Kuroshio's HTTPTransfer compiled in."""
    engines = os.path.join(ROOT, "Benchmarks", "engines")
    main = os.path.join(workdir, "main.swift")
    shutil.copy(os.path.join(engines, "fetch-libcurl.swift"), main)
    built = {"libcurl": os.path.join(workdir, "fetch-libcurl"), "URLSession": os.path.join(workdir, "fetch-urlsession")}
    subprocess.run(["swiftc", "-O", "-I", os.path.join(ROOT, "Sources", "CCurl"), "-lcurl", main,
                    os.path.join(ROOT, "Sources", "Kuroshio", "Memory", "HTTPTransfer.swift"),
                    os.path.join(ROOT, "Sources", "Kuroshio", "Support", "Trimming.swift"), "-o", built["libcurl"]], check=True)
    subprocess.run(["swiftc", "-O", os.path.join(engines, "fetch-urlsession.swift"), "-o", built["URLSession"]], check=True)
    return built


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warc", nargs="?")
    parser.add_argument("--mb", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="a 5 MB file, one run, one seed")
    args = parser.parse_args()
    if args.smoke:
        args.mb, args.runs, args.seeds = 5, 1, 1
    kuroshio = build_release()
    workdir = tempfile.mkdtemp(prefix="kuroshio-remote-bench-")
    servers = []
    try:
        folder = os.path.join(workdir, "served")
        os.makedirs(folder)
        warc = os.path.join(folder, "cc-like.warc.gz")
        shutil.copy(cc_like_warc(args.warc, workdir, args.mb), warc)
        size = os.path.getsize(warc)
        clean = Server(folder)
        servers.append(clean)
        recipe = os.path.join(ROOT, "Pipelines", "ja-cc.yaml")
        print(f"input: {size / 1e6:.1f} MB compressed; kuroshio run ja-cc --jobs 1, {args.runs} interleaved runs")

        # 1. The same run, on the local file and over loopback HTTP.
        results = {"local": [], "HTTP": []}
        for run in range(args.runs):
            for name, source in (("local", warc), ("HTTP", clean.url("cc-like.warc.gz"))):
                output = os.path.join(workdir, f"out-{name}-{run}")
                results[name].append(measure([kuroshio, "run", "--config", recipe, "--output", output, "--jobs", "1", source]))
                shutil.rmtree(output)
        median = {name: [statistics.median(r[i] for r in runs) for i in range(3)] for name, runs in results.items()}
        for name, (wall, cpu, rss) in median.items():
            print(f"  {name:6} {wall:7.2f} s wall  {cpu:7.2f} s CPU  {size / 1e6 / wall:6.1f} MB/s  peak RSS {rss:6.1f} MB")
        speed = median["local"][0] / median["HTTP"][0]
        extra = median["HTTP"][2] - median["local"][2]
        print(f"remote speed: {speed:.2f}x the local run's ({'ok' if speed >= 0.85 else 'BELOW 0.85'}); "
              f"peak RSS {extra:+.1f} MB ({'ok' if extra <= 20 else 'ABOVE 20 MB'})")

        # 2. The engines.
        engines = compile_engines(workdir)
        reader = size / 1e6 / median["local"][0]
        print(f"\nengines, fetching the same file; the slow reader takes {reader:.1f} MB/s (ja-cc's pace above)")
        print(f"  {'engine':10} {'slow reader: RSS':>17} {'held':>9} {'fast reader':>12} {'faults: completed':>18} {'requests':>9} {'time':>7}")
        for name, binary in engines.items():
            wall, _, slow_rss, out = measure([binary, clean.url("cc-like.warc.gz"), f"{reader:.3f}", "30"], capture=True)
            slow = json.loads(out)
            assert slow["ok"] and slow["bytes"] == size, f"{name}: {slow}"
            fast_wall, _, _, out = measure([binary, clean.url("cc-like.warc.gz"), "1e9", "30"], capture=True)
            assert json.loads(out)["bytes"] == size
            completed, requests, seconds = 0, [], []
            for seed in range(1, args.seeds + 1):
                faulty = Server(folder, "--fault-rate", "1", "--max-faults", "3", "--stall-seconds", "3", "--seed", str(seed))
                try:
                    fault_wall, _, _, out = measure([binary, faulty.url("cc-like.warc.gz"), "1e9", "1"], capture=True)
                finally:
                    faulty.stop()
                result = json.loads(out)
                completed += result["ok"] and result["bytes"] == size
                requests.append(result["requests"])
                seconds.append(fault_wall)
            held = f"{slow['peak_buffered'] / 1e6:.1f} MB" if "peak_buffered" in slow else "socket"
            print(f"  {name:10} {slow_rss:14.1f} MB {held:>9} {fast_wall:10.2f} s {completed:>11} of {args.seeds}"
                  f" {statistics.median(requests):9.0f} {statistics.median(seconds):6.1f}s")
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
