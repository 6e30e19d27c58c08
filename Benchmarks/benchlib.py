"""What the benchmark scripts share: a release build of kuroshio, and a CC-like input WARC."""
import os, subprocess, sys

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
