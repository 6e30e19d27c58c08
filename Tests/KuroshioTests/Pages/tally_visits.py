#!/usr/bin/env python3
"""Count visits per day and per path from a plain access log.

Each input line looks like:

    2024-05-01T08:15:02Z GET /docs/install 200 5123

Lines that do not parse are counted and reported at the end, so a log with
a few damaged lines still gives useful totals.
"""
import argparse
import collections
import sys
from datetime import datetime

FIELDS = ("time", "method", "path", "status", "size")


def parse_line(line):
    """Returns a dict for one log line, or None when the line is malformed."""
    parts = line.split()
    if len(parts) != len(FIELDS):
        return None
    record = dict(zip(FIELDS, parts))
    try:
        record["time"] = datetime.strptime(record["time"], "%Y-%m-%dT%H:%M:%SZ")
        record["status"] = int(record["status"])
        record["size"] = int(record["size"])
    except ValueError:
        return None
    return record


def tally(lines, only_ok=True):
    """Counts records by day and by path; returns (per_day, per_path, bad)."""
    per_day = collections.Counter()
    per_path = collections.Counter()
    bad = 0
    for line in lines:
        record = parse_line(line)
        if record is None:
            bad += 1
            continue
        if only_ok and not 200 <= record["status"] < 300:
            continue
        per_day[record["time"].date().isoformat()] += 1
        per_path[record["path"]] += 1
    return per_day, per_path, bad


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logs", nargs="*", help="log files (default: stdin)")
    parser.add_argument("--top", type=int, default=10, help="paths to show")
    parser.add_argument("--all-status", action="store_true",
                        help="count every response, not only 2xx")
    args = parser.parse_args(argv)

    streams = [open(name, encoding="utf-8") for name in args.logs] or [sys.stdin]
    per_day, per_path, bad = collections.Counter(), collections.Counter(), 0
    for stream in streams:
        days, paths, skipped = tally(stream, only_ok=not args.all_status)
        per_day.update(days)
        per_path.update(paths)
        bad += skipped

    for day in sorted(per_day):
        print(f"{day}\t{per_day[day]}")
    print()
    for path, count in per_path.most_common(args.top):
        print(f"{count:>8}  {path}")
    if bad:
        print(f"skipped {bad} malformed line(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
