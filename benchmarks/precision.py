"""Per-rule finding counts on the real-code corpus, and a seeded sample to triage.

    python benchmarks/precision.py [--sample 30] [--seed 9] [--context 3] [PATH...]

Default paths: the Debian Go corpus (benchmarks/install-corpus.sh). Prints, per rule,
the findings, their density per 100k lines (tests and non-test files apart), and a
random sample with the code around each finding, in the same order every time for the
same corpus and seed. The triage of that sample lives in docs/precision.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from collections import defaultdict

DEFAULT_PATHS = ["/usr/share/go-1.19/src", "/usr/share/gocode/src"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def count_lines(paths: list[str]) -> tuple[int, int]:
    sys.path.insert(0, ROOT)
    from goleaklint import engine

    files, _ = engine.discover(paths, engine.Settings())
    total = tests = 0
    for path in files:
        with open(path, "rb") as handle:
            n = handle.read().count(b"\n")
        total += n
        if path.endswith("_test.go"):
            tests += n
    return total, tests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--context", type=int, default=3)
    parser.add_argument("--rule", action="append", help="only these rule codes")
    args = parser.parse_args()

    proc = subprocess.run(
        [sys.executable, "-m", "goleaklint", "check", "--format", "json", "--no-cache",
         "--fail-on", "error", *args.paths],
        capture_output=True, text=True, cwd=ROOT,
    )
    document = json.loads(proc.stdout)
    lines, test_lines = count_lines(args.paths)
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for finding in document["findings"]:
        if not args.rule or finding["rule"] in args.rule:
            by_rule[finding["rule"]].append(finding)

    print(f"corpus: {', '.join(args.paths)}: {lines:,} lines ({test_lines:,} in _test.go)")
    print("| rule | findings | in tests | per 100k lines (non-test) | per 100k lines (tests) |")
    print("|---|---|---|---|---|")
    for rule in sorted(by_rule):
        found = by_rule[rule]
        in_tests = sum(f["path"].endswith("_test.go") for f in found)
        print(f"| {rule} | {len(found)} | {in_tests} | "
              f"{(len(found) - in_tests) * 1e5 / max(lines - test_lines, 1):.2f} | "
              f"{in_tests * 1e5 / max(test_lines, 1):.2f} |")

    for rule in sorted(by_rule):
        found = sorted(by_rule[rule], key=lambda f: (f["path"], f["line"], f["column"]))
        sample = random.Random(f"{args.seed}:{rule}").sample(found, min(args.sample, len(found)))
        print(f"\n## {rule}: sample of {len(sample)} of {len(found)}")
        for i, f in enumerate(sample, 1):
            print(f"\n### {rule}-{i} {f['path']}:{f['line']}:{f['column']}\n{f['message']}")
            with open(f["path"], encoding="utf-8", errors="replace") as handle:
                text = handle.read().splitlines()
            lo, hi = max(0, f["line"] - 1 - args.context), min(len(text), f["line"] + args.context)
            for n in range(lo, hi):
                mark = ">" if n == f["line"] - 1 else " "
                print(f"{mark}{n + 1:6} {text[n]}")


if __name__ == "__main__":
    main()
