"""What the benchmark scripts share: a release build of kuroshio, a CC-like input WARC, and timing a command."""
import os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build_release():
    """Builds the release binary and returns its path."""
    subprocess.run(["swift", "build", "-c", "release", "--product", "kuroshio"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "kuroshio")


def cc_like_warc(given, workdir, mb, ja_share=0.05):
    """`given` if set, else a new CC-like WARC of about `mb` MB made by ../shared/bench/make-cc-like-warc."""
    if given:
        return given
    warc = os.path.join(workdir, "cc-like.warc.gz")
    maker = os.path.join(ROOT, "..", "shared", "bench", "make-cc-like-warc")
    subprocess.run([sys.executable, maker, warc, "--mb", str(mb), "--ja-share", str(ja_share)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return warc


def measure(command, capture=False):
    """Wall seconds, CPU seconds (user + system), peak RSS in MB and (if captured) stdout of one child process."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out if capture else subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed with status {child.returncode}")
        out.seek(0)
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read().decode()


def extracted_texts(kuroshio, config, pages):
    """{url: text} of the documents `kuroshio run --config config` keeps from `pages`, (url, html bytes) pairs, each
    wrapped into a WARC response record under its url."""
    import glob, gzip, json
    with tempfile.TemporaryDirectory() as tmp:
        warc = os.path.join(tmp, "pages.warc.gz")
        with open(warc, "wb") as out:
            for url, html in pages:
                out.write(response_record(url, html))
        subprocess.run([kuroshio, "run", warc, "--config", config, "--output", os.path.join(tmp, "out")],
                       check=True, stderr=subprocess.DEVNULL)
        texts = {}
        for shard in glob.glob(os.path.join(tmp, "out", "*", "*.jsonl.gz")):
            for line in gzip.open(shard, "rt", encoding="utf-8"):
                document = json.loads(line)
                texts[document["meta"]["url"]] = document["text"]
        return texts


def response_record(uri, html):
    """One gzipped WARC/1.0 response record: HTTP 200, text/html, `html` as its payload, under `uri`."""
    import gzip
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(html) + html
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n", mtime=0)
