#!/usr/bin/env python3
"""Single-thread tokenising throughput, kuroshio against each reference implementation, in one run.

For each tokenizer file in ../shared/data/tokenizers and each of a Japanese and an English text (the langid-dev
sentences of that language, repeated to about --mb MB, one sentence a line), it times:
- kuroshio: `kuroshio tokens --tokenizer FILE` over the text on stdin (a child process; its user + system time), less
  the time of the same command on empty input (starting up and loading the tokenizer, which the reference's timing
  leaves out too); the load time is printed as well;
- the reference, in this process over the same lines: `sentencepiece` for .model, `tiktoken` (cl100k preset, ordinary
  encoding) for .tiktoken, `tokenizers` (`encode_batch` is not used: one `encode` per line, without special tokens)
  for tokenizer.json.
It prints MB per CPU-second for both and their ratio, best of --repeat runs.

Repeating sentences favours caches: Kuroshio keeps the pieces of recent words per thread (as `tokenizers` does for
BPE; `sentencepiece` and `tiktoken` keep none). `--novel` writes the text instead with a character-level Markov chain
(order 3) trained on the same sentences, seeded: lines of the same scripts and local statistics that hardly repeat a
word, so caches help only as much as real running text lets them.

usage: Benchmarks/tokenizer-throughput.py [--mb 4] [--repeat 3] [--novel] [--json FILE] [--smoke]
"""
import argparse, json, os, resource, subprocess, time

from benchlib import ROOT, build_release

TOKENIZERS = os.path.join(ROOT, "..", "shared", "data", "tokenizers")
SENTENCES = os.path.join(ROOT, "..", "shared", "data", "langid-dev", "sentences.tsv")
CL100K = r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"""


def reference(path):
    if path.endswith(".model"):
        import sentencepiece
        return sentencepiece.SentencePieceProcessor(model_file=path).encode
    if path.endswith(".tiktoken"):
        import tiktoken
        from tiktoken.load import load_tiktoken_bpe
        return tiktoken.Encoding("cl100k", pat_str=CL100K, mergeable_ranks=load_tiktoken_bpe(path), special_tokens={}).encode_ordinary
    import tokenizers
    tokenizer = tokenizers.Tokenizer.from_file(path)
    return lambda text: tokenizer.encode(text, add_special_tokens=False).ids


def novel(sentences, mb, order=3):
    """About `mb` MB of lines from a seeded character-level Markov chain of `order` over `sentences`."""
    import random
    rng = random.Random(7)
    follows = {}
    for sentence in sentences:
        padded = "\0" * order + sentence + "\n"
        for i in range(order, len(padded)):
            follows.setdefault(padded[i - order:i], []).append(padded[i])
    lines, size = [], 0
    while size < mb * 1e6:
        context, line = "\0" * order, []
        while len(line) < 400:
            char = rng.choice(follows[context])
            if char == "\n":
                break
            line.append(char)
            context = context[1:] + char
        lines.append("".join(line))
        size += len(lines[-1].encode()) + 1
    return "\n".join(lines) + "\n"


def cpu(command, stdin):
    """User + system seconds of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, input=stdin, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--novel", action="store_true", help="Markov-chain text instead of repeated sentences")
    parser.add_argument("--json")
    parser.add_argument("--smoke", action="store_true", help="a small, quick run (CI runs every benchmark so)")
    args = parser.parse_args()
    if args.smoke:
        args.mb, args.repeat = 0.05, 1
    if not os.path.isdir(TOKENIZERS) or not os.path.exists(SENTENCES):
        print(f"skipped: {os.path.normpath(TOKENIZERS)} or the langid sentences are absent")
        return
    kuroshio = build_release()
    rows = [line.rstrip("\n").split("\t", 2) for line in open(SENTENCES, encoding="utf-8")][1:]
    results = []
    print(f"{'tokenizer':<28} {'text':<4} {'kuroshio MB/s':>14} {'reference MB/s':>15} {'ratio':>6} {'load s':>7}")
    for language in ["ja", "en"]:
        sentences = [row[2] for row in rows if len(row) == 3 and row[0] == language]
        text = "\n".join(sentences) + "\n"
        text = novel(sentences, args.mb) if args.novel else text * max(1, int(args.mb * 1e6 / len(text.encode())))
        data = text.encode()
        lines = text.split("\n")
        for name in sorted(os.listdir(TOKENIZERS)):
            path = os.path.join(TOKENIZERS, name)
            encode = reference(path)
            ours, load, theirs = float("inf"), float("inf"), float("inf")
            for _ in range(args.repeat):
                load = min(load, cpu([kuroshio, "tokens", "--tokenizer", path], b"a\n"))
                ours = min(ours, cpu([kuroshio, "tokens", "--tokenizer", path], data))
                start = time.process_time()
                for line in lines:
                    encode(line)
                theirs = min(theirs, time.process_time() - start)
            mb, ours = len(data) / 1e6, max(ours - load, 1e-6)
            results.append({"tokenizer": name, "text": language, "kuroshio_mb_per_s": mb / ours, "reference_mb_per_s": mb / theirs,
                            "kuroshio_load_s": load})
            print(f"{name:<28} {language:<4} {mb / ours:>14.1f} {mb / theirs:>15.1f} {theirs / ours:>6.2f} {load:>7.2f}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
