#!/usr/bin/env python3
"""MinHash signature throughput on ~2 KB Japanese documents: kuroshio against rensa and datatrove, in one run.

Measured, each --repeat times (interleaved), best run kept, as documents per CPU-second and per wall-second:
- kuroshio: `kuroshio dedup CORPUS_DIR --pass signatures --output WORK --config Pipelines/dedup-only.yaml --jobs 1`, a child
  process; CPU is its user + system time (getrusage(RUSAGE_CHILDREN) deltas). It reads corpus.jsonl.gz itself and
  writes its signatures, so its time includes decompression, JSON parsing and output.
- rensa: in this process, over texts already in memory: whitespace removed, character 5-grams built in Python
  (Python shingling included), then `RMinHash(num_perm=128, seed=42).update(shingles)` and `.digest()` per document.
- datatrove: in this process, `MinhashDedupSignature(folder, MinhashConfig(), language="jpn").run(documents)` over
  `Document`s already in memory (the signature step alone, with its bucket sort and verification; 1 task). Its
  defaults: word 5-grams after simplify_text, spaCy's Japanese tokenizer (SudachiPy), xxhash64, 14 x 8 = 112 hashes.
CPU time of the Python peers is time.process_time deltas. Warm-up (tokenizer load) is done before timing.
datatrove runs at roughly 140 documents per second here (mostly spaCy's wrapping of SudachiPy), so the defaults
spend about 7 minutes in it; --docs 2000 is enough for a quick look.

The corpus: --docs documents built from Japanese sentences of ../shared/data/langid-dev/sentences.tsv (label `ja`),
seeded random sentences appended while a document stays within 2048 UTF-8 bytes, paragraphs of 2-5 sentences separated
by "\\n\\n" (sentences repeat across documents: this is a throughput test). Written once as corpus.jsonl.gz
({"id", "text"}) in a temporary directory.

Needs: pip install rensa datatrove "spacy[ja]" "xxhash<4" tokenizers

usage: Benchmarks/dedup-signatures.py [--docs 20000] [--repeat 3] [--kuroshio PATH | --peers-only] [--json FILE] [--smoke]
                                     [--seed 1]
"""
import argparse, gzip, json, os, random, resource, shutil, subprocess, tempfile, time

from benchlib import ROOT

SENTENCES = os.path.join(ROOT, "..", "shared", "data", "langid-dev", "sentences.tsv")
TARGET_BYTES = 2048


def build_corpus(count, seed, workdir):
    """Writes corpus.jsonl.gz under workdir/corpus; returns (corpus dir, texts)."""
    with open(SENTENCES, encoding="utf-8") as source:
        sentences = [row[2].strip() for row in (line.rstrip("\n").split("\t", 2) for line in source)
                     if len(row) == 3 and row[0] == "ja" and row[2].strip()]
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        paragraphs, size, room = [], -2, 0
        while True:
            sentence = rng.choice(sentences)
            grows = len(sentence.encode("utf-8")) + (0 if room else 2)
            if paragraphs and size + grows > TARGET_BYTES:
                break
            if not room:
                paragraphs.append("")
                room = rng.randint(2, 5)
            paragraphs[-1] += sentence
            size, room = size + grows, room - 1
        texts.append("\n\n".join(paragraphs))
    corpus = os.path.join(workdir, "corpus")
    os.makedirs(corpus)
    lines = "".join(json.dumps({"id": f"doc-{i:06d}", "text": text}, ensure_ascii=False) + "\n"
                    for i, text in enumerate(texts)).encode("utf-8")
    with gzip.open(os.path.join(corpus, "corpus.jsonl.gz"), "wb", compresslevel=6) as out:
        out.write(lines)
    return corpus, texts


def timed(work):
    """(CPU seconds of this process, wall seconds) of work()."""
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def rensa_signatures(texts):
    from rensa import RMinHash
    digests = []
    for text in texts:
        chars = "".join(text.split())
        minhash = RMinHash(num_perm=128, seed=42)
        minhash.update([chars[i:i + 5] for i in range(len(chars) - 4)])
        digests.append(minhash.digest())
    return digests


def datatrove_step(folder):
    from datatrove.pipeline.dedup.minhash import MinhashConfig, MinhashDedupSignature
    from datatrove.utils.typeshelper import Languages
    return MinhashDedupSignature(output_folder=folder, config=MinhashConfig(), language=Languages.japanese)


def run_kuroshio(kuroshio, corpus, output):
    """(child CPU seconds, wall seconds) of one `kuroshio dedup --pass signatures` run."""
    command = [kuroshio, "dedup", corpus, "--pass", "signatures", "--output", output,
               "--config", os.path.join(ROOT, "Pipelines", "dedup-only.yaml"), "--jobs", "1"]
    before, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    child = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {child.returncode}:\n"
                         f"{child.stderr.decode(errors='replace')[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kuroshio", default=os.path.join(ROOT, ".build", "release", "kuroshio"))
    parser.add_argument("--peers-only", action="store_true", help="measure rensa and datatrove only")
    parser.add_argument("--json", metavar="FILE", help="also write the numbers here")
    parser.add_argument("--smoke", action="store_true", help="a small, quick run (CI runs every benchmark so)")
    args = parser.parse_args()
    if args.smoke:
        args.docs, args.repeat = 300, 1
    if not os.path.exists(SENTENCES):
        print(f"skipped: {os.path.normpath(SENTENCES)} is absent")
        return
    try:
        import rensa, datatrove  # noqa: F401
        from importlib.metadata import version
        versions = {name: version(name) for name in ["rensa", "datatrove", "spacy", "sudachipy", "xxhash"]}
    except ImportError as error:
        raise SystemExit(f"{error}: pip install rensa datatrove 'spacy[ja]' 'xxhash<4' tokenizers")
    from datatrove.data import Document
    import datatrove.pipeline.dedup.minhash  # noqa: F401  (sets up datatrove's logger, removed here)
    from loguru import logger
    logger.remove()  # datatrove logs each step at INFO
    kuroshio = None if args.peers_only else args.kuroshio
    if kuroshio and not os.path.exists(kuroshio):
        print(f"kuroshio not found at {kuroshio} (build it, or pass --kuroshio): measuring the peers only")
        kuroshio = None

    work = tempfile.mkdtemp(prefix="kuroshio-dedup-bench-")
    try:
        corpus, texts = build_corpus(args.docs, args.seed, work)
        mean_bytes = sum(len(t.encode("utf-8")) for t in texts) / len(texts)
        documents = [Document(text=text, id=f"doc-{i:06d}") for i, text in enumerate(texts)]
        datatrove_step(os.path.join(work, "warm-up")).run(iter(documents[:5]))  # loads SudachiPy's dictionary
        rensa_signatures(texts[:5])
        runs = {name: [] for name in (["kuroshio"] if kuroshio else []) + ["rensa", "datatrove"]}
        for run in range(args.repeat):
            if kuroshio:
                output = os.path.join(work, f"kuroshio-{run}")
                runs["kuroshio"].append(run_kuroshio(kuroshio, corpus, output))
                shutil.rmtree(output, ignore_errors=True)
            runs["rensa"].append(timed(lambda: rensa_signatures(texts)))
            folder = os.path.join(work, f"datatrove-{run}")
            step = datatrove_step(folder)
            runs["datatrove"].append(timed(lambda: step.run(iter(documents))))
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    results = {name: {"cpu_s": min(r[0] for r in rows), "wall_s": min(r[1] for r in rows)}
               for name, rows in runs.items()}
    for numbers in results.values():
        numbers["docs_per_cpu_s"] = args.docs / numbers["cpu_s"]
        numbers["docs_per_wall_s"] = args.docs / numbers["wall_s"]
    print(f"{args.docs} documents of {mean_bytes:.0f} bytes on average, best of {args.repeat} runs")
    print(f"{'tool':<10} {'CPU s':>8} {'wall s':>8} {'docs/CPU-s':>11} {'docs/wall-s':>12}")
    for name, numbers in results.items():
        print(f"{name:<10} {numbers['cpu_s']:8.2f} {numbers['wall_s']:8.2f} "
              f"{numbers['docs_per_cpu_s']:11.0f} {numbers['docs_per_wall_s']:12.0f}")
    ratios = {}
    if kuroshio:
        for peer in ["rensa", "datatrove"]:
            for unit in ["cpu", "wall"]:
                key = f"docs_per_{unit}_s"
                ratios[f"kuroshio/{peer} {unit}"] = results["kuroshio"][key] / results[peer][key]
            print(f"kuroshio / {peer:<9} docs per CPU-second {ratios[f'kuroshio/{peer} cpu']:6.2f}   "
                  f"per wall-second {ratios[f'kuroshio/{peer} wall']:6.2f}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"docs": args.docs, "mean_bytes": mean_bytes, "repeat": args.repeat, "seed": args.seed,
                       "versions": versions, "results": results, "ratios": ratios}, out, indent=2)
            out.write("\n")


if __name__ == "__main__":
    main()
