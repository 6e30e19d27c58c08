#!/usr/bin/env python3
"""Extraction and routing on common kinds of web page: present and absent snippets, and buckets.

Builds a WARC of the pages in --pages (default Tests/KuroshioTests/Pages: files plus expectations.json, a list of
{"file", "url", "content_type", "bucket", "present", "absent"}) with scripts/make-page-warc, runs
`kuroshio run WARC --config RECIPE --output OUT`, reads OUT/<bucket>/*.jsonl.gz (hidden dirs and `dedup` skipped)
and matches documents to pages by meta.url. Snippets are compared after NFKC and whitespace collapsing.

- present: share of `present` snippets found in the page's document (all missed when it has none); pages expected
  in no bucket, or in one the recipe does not route (zh in ja-en-code-cc), have none scored.
- leaked: share of `absent` snippets found in the page's document (a page without one leaks nothing).
- lines lost: for pages marked `"all_lines": true` (code files), the file's non-blank lines missing from its
  document, compared whole after trailing whitespace.
- bucket: share of pages in the expected bucket. `null` means in no bucket; a bucket the recipe does not route
  means in no bucket and identified as that language by `kuroshio explain`.

Wrong pages get the failing stages from `kuroshio explain`.

usage: Benchmarks/page-kinds.py [--pages DIR] [--kuroshio PATH] [--config RECIPE] [--json FILE] [--keep DIR] [--smoke]
"""
import argparse, glob, gzip, json, os, re, shutil, subprocess, sys, tempfile, time, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def norm(text):
    return " ".join(unicodedata.normalize("NFKC", text).split())


def recipe_buckets(config):
    """The buckets the recipe's language stage routes to, or None when it cannot be told."""
    try:
        import yaml
        for stage in yaml.safe_load(open(config, encoding="utf-8"))["stages"]:
            if isinstance(stage, dict) and "language" in stage:
                return set((stage["language"] or {}).get("buckets", {}))
    except Exception:
        return None
    return None


def read_output(out):
    """{url: [(bucket, text)]} from OUT/<bucket>/*.jsonl.gz."""
    docs = {}
    for bucket in sorted(os.listdir(out)):
        if bucket.startswith(".") or bucket == "dedup" or not os.path.isdir(os.path.join(out, bucket)):
            continue
        for shard in sorted(glob.glob(os.path.join(out, bucket, "*.jsonl.gz"))):
            for line in gzip.open(shard, "rt", encoding="utf-8"):
                doc = json.loads(line)
                docs.setdefault(doc["meta"]["url"], []).append((bucket, doc["text"]))
    return docs


def explain(kuroshio, config, warc, url):
    """(language label or None, [failing stage lines]) as `kuroshio explain` reports them."""
    run = subprocess.run([kuroshio, "explain", "--config", config, warc, "--url", url], capture_output=True, text=True)
    lang = re.search(r"^\w+\s+language: (\w+)", run.stdout, re.M)
    fails = [line.strip() for line in run.stdout.splitlines() if line.startswith("FAIL")]
    return (lang.group(1) if lang else None), fails or ([run.stderr.strip()[:200]] if run.returncode else [])


def lost_lines(path, text):
    """The non-blank lines of the file at `path` that are not lines of `text`."""
    kept = {line.rstrip() for line in text.split("\n")}
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    return [line.rstrip() for line in lines if line.strip() and line.rstrip() not in kept]


def score(pages, docs, routed, why, folder):
    rows = []
    for page in pages:
        want, got = page["bucket"], sorted({b for b, _ in docs.get(page["url"], [])})
        text = norm(docs[page["url"]][0][1]) if got else ""
        scored = want is not None and (routed is None or want in routed)
        present = page["present"] if scored else []
        row = {"file": page["file"], "want": want, "got": got,
               "missing": [s for s in present if norm(s) not in text],
               "leaked": [s for s in page["absent"] if text and norm(s) in text],
               "n_present": len(present), "n_absent": len(page["absent"]),
               "lines_lost": lost_lines(os.path.join(folder, page["file"]), docs[page["url"]][0][1])
               if page.get("all_lines") and got else []}
        if scored:
            row["right"] = got == [want]
        else:
            row["lang"], row["fails"] = why(page["url"]) if want is not None else (None, [])
            row["right"] = not got and (want is None or row["lang"] == want)
        if not row["right"] and "fails" not in row:
            row["lang"], row["fails"] = why(page["url"])
        rows.append(row)
    n_present = sum(r["n_present"] for r in rows)
    n_absent = sum(r["n_absent"] for r in rows)
    summary = {"pages": len(rows),
               "present": 1 - sum(len(r["missing"]) for r in rows) / n_present if n_present else None,
               "leaked": sum(len(r["leaked"]) for r in rows) / n_absent if n_absent else None,
               "bucket": sum(r["right"] for r in rows) / len(rows),
               "lines_lost": sum(len(r["lines_lost"]) for r in rows),
               "n_present": n_present, "n_absent": n_absent}
    return summary, rows


def report(summary, rows):
    print(f"{summary['pages']} pages: present {summary['present']:.1%} of {summary['n_present']} snippets, "
          f"leaked {summary['leaked']:.1%} of {summary['n_absent']}, right bucket {summary['bucket']:.1%}, "
          f"code lines lost {summary['lines_lost']}\n")
    print(f"{'page':<26} {'want':<5} {'got':<9} {'present':>8} {'leaked':>7}")
    for r in rows:
        mark = "" if r["right"] and not r["missing"] and not r["leaked"] and not r["lines_lost"] else "  <-"
        print(f"{r['file']:<26} {r['want'] or 'null':<5} {','.join(r['got']) or '-':<9} "
              f"{r['n_present'] - len(r['missing']):>4}/{r['n_present']:<3} {len(r['leaked']):>3}/{r['n_absent']:<3}{mark}")
    print("\nFailures:")
    for r in rows:
        if r["right"] and not r["missing"] and not r["leaked"] and not r["lines_lost"]:
            continue
        print(f"\n{r['file']}" + ("" if r["right"] else f": want {r['want'] or 'null'}, got {','.join(r['got']) or 'none'}"))
        for line in r.get("fails", []):
            print(f"    why: {line}")
        for s in r["missing"]:
            print(f"    missing: {s}")
        for s in r["leaked"]:
            print(f"    leaked:  {s}")
        for s in r["lines_lost"]:
            print(f"    lost line: {s}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default=os.path.join(ROOT, "Tests", "KuroshioTests", "Pages"))
    parser.add_argument("--kuroshio", default=os.path.join(ROOT, ".build", "release", "kuroshio"))
    parser.add_argument("--config", default=os.path.join(ROOT, "Pipelines", "ja-en-code-cc.yaml"))
    parser.add_argument("--json", help="write the summary and per-page rows here")
    parser.add_argument("--keep", help="keep the WARC and the run's output in this directory")
    parser.add_argument("--smoke", action="store_true", help="the same run (the test pages are few): CI runs every benchmark so")
    args = parser.parse_args()
    pages = json.load(open(os.path.join(args.pages, "expectations.json"), encoding="utf-8"))
    work = args.keep or tempfile.mkdtemp(prefix="page-kinds-")
    os.makedirs(work, exist_ok=True)
    warc, out = os.path.join(work, "pages.warc.gz"), os.path.join(work, "out")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make-page-warc"), warc, "--pages", args.pages],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(out, ignore_errors=True)
    for attempt in range(10):  # the binary may be mid-rebuild
        if os.path.exists(args.kuroshio):
            break
        time.sleep(15)
    subprocess.run([args.kuroshio, "run", warc, "--config", args.config, "--output", out], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    summary, rows = score(pages, read_output(out), recipe_buckets(args.config),
                          lambda url: explain(args.kuroshio, args.config, warc, url), args.pages)
    report(summary, rows)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"summary": summary, "pages": rows}, f, ensure_ascii=False, indent=1)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
