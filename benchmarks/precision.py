"""Per-rule finding counts on the real-code corpus, a stable seeded sample to triage,
and the precision the recorded verdicts give.

    python benchmarks/precision.py [--sample 12] [--seed 11] [--context 4]
                                   [--verdicts docs/precision/verdicts.tsv] [PATH...]

Default paths: the Debian Go corpus (benchmarks/install-corpus.sh). Prints, per rule,
the findings and their density per 100k analysed lines (tests and non-test files apart;
files the scan skips, such as generated ones, are not counted), then the sample with the
code around each finding and its recorded verdict, then the precision table.

The sample is stable: findings are ordered by a hash of the seed and the finding's key
(rule, path below the corpus root, the source line's text), so a change that adds or
removes findings elsewhere leaves the rest of the sample as it was, and verdicts already
recorded for it still apply (a line text repeated in one file is numbered by which of
the file's lines with that text it is, so the key never moves to another line when a
finding on an earlier copy disappears). Verdicts (`--verdicts`, tab-separated: key, verdict, reason, the message
judged) are read strictly, and a verdict whose message is no longer the one the rule
prints is stale: the finding is read again.

- `right`: every fact the message states is true of the code, and the code needs a
  change or a reviewer would accept the warning;
- `wrong-fact`: the message states something that is not true of the code;
- `wrong-fine`: the code is fine as written; no reviewer would change it.

A sampled finding with no verdict is printed as `unread` and left out of the precision.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

DEFAULT_PATHS = ["/usr/share/go-1.19/src", "/usr/share/gocode/src"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERDICTS = ("right", "wrong-fact", "wrong-fine")


def count_lines(paths: list[str]) -> tuple[int, int]:
    """Lines of the files the scan analyses (generated files are skipped, so not counted)."""
    sys.path.insert(0, ROOT)
    from goleaklint import engine

    files, _ = engine.discover(paths, engine.Settings())
    total = tests = 0
    for path in files:
        with open(path, "rb") as handle:
            source = handle.read()
        if engine.is_generated(source):
            continue
        total += source.count(b"\n")
        tests += source.count(b"\n") if path.endswith("_test.go") else 0
    return total, tests


def short(path: str, paths: list[str]) -> str:
    """The path below the corpus root it was found under."""
    for root in paths:
        root = os.path.abspath(root)
        if os.path.abspath(path).startswith(root + os.sep):
            return os.path.relpath(os.path.abspath(path), root)
    return path


def key_of(finding: dict, text: list[str], paths: list[str]) -> str:
    line = text[finding["line"] - 1].strip() if finding["line"] <= len(text) else ""
    key = f"{finding['rule']}|{short(finding['path'], paths)}|{line}"
    copy = sum(other.strip() == line for other in text[:finding["line"] - 1]) + 1
    return key if copy == 1 else f"{key}|{copy}"


def load_verdicts(path: str | None) -> dict[str, tuple[str, str, str]]:
    if not path or not os.path.exists(path):
        return {}
    verdicts = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, escapechar="\\"):
            if not row or row[0].startswith("#"):
                continue
            key, verdict, reason, message = (row + ["", "", ""])[:4]
            if verdict not in VERDICTS:
                sys.exit(f"{path}: unknown verdict {verdict!r} for {key!r} (one of {VERDICTS})")
            verdicts[key] = (verdict, reason, message)
    return verdicts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    parser.add_argument("--sample", type=int, default=12)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--context", type=int, default=4)
    parser.add_argument("--rule", action="append", help="only these rule codes")
    parser.add_argument("--verdicts", help="TSV of recorded verdicts (key, verdict, reason)")
    parser.add_argument("--unread", action="store_true", help="print only unread sample members")
    parser.add_argument("--min-confidence", default="medium", choices=("high", "medium", "low"),
                        help="passed to goleaklint check (default: %(default)s, what users see); "
                             "the sample and counts mark the low findings")
    args = parser.parse_args()

    proc = subprocess.run(
        [sys.executable, "-m", "goleaklint", "check", "--format", "json", "--no-cache",
         "--fail-on", "error", "--min-confidence", args.min_confidence, *args.paths],
        capture_output=True, text=True, cwd=ROOT,
    )
    document = json.loads(proc.stdout)
    lines, test_lines = count_lines(args.paths)
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for finding in document["findings"]:
        if not args.rule or finding["rule"] in args.rule:
            by_rule[finding["rule"]].append(finding)
    verdicts = load_verdicts(args.verdicts)

    print(f"corpus: {', '.join(args.paths)}: {lines:,} analysed lines "
          f"({test_lines:,} in _test.go)")
    print("| rule | findings | in tests | per 100k lines (non-test) | per 100k lines (tests) |")
    print("|---|---|---|---|---|")
    for rule in sorted(by_rule):
        found = by_rule[rule]
        in_tests = sum(f["path"].endswith("_test.go") for f in found)
        print(f"| {rule} | {len(found)} | {in_tests} | "
              f"{(len(found) - in_tests) * 1e5 / max(lines - test_lines, 1):.2f} | "
              f"{in_tests * 1e5 / max(test_lines, 1):.2f} |")

    table = []
    for rule in sorted(by_rule):
        keyed, seen = [], Counter()
        for f in sorted(by_rule[rule], key=lambda f: (f["path"], f["line"], f["column"])):
            with open(f["path"], encoding="utf-8", errors="replace") as handle:
                text = handle.read().splitlines()
            key = key_of(f, text, args.paths)
            seen[key] += 1
            if seen[key] > 1:  # two findings on one line: number the second
                key += f"#{seen[key]}"
            rank = hashlib.sha256(f"{args.seed}:{key}".encode()).hexdigest()
            keyed.append((rank, key, f, text))
        sample = sorted(keyed, key=lambda k: k[0])[:args.sample]
        counts = dict.fromkeys(VERDICTS + ("unread",), 0)
        print(f"\n## {rule}: sample of {len(sample)} of {len(keyed)}")
        for i, (_, key, f, text) in enumerate(sample, 1):
            verdict, reason, judged = verdicts.get(key, ("unread", "", ""))
            if verdict != "unread" and judged != f["message"]:
                verdict, reason = "unread", f"(stale: was {verdict}, {reason!r}, for {judged!r})"
            counts[verdict] += 1
            if args.unread and verdict != "unread":
                continue
            print(f"\n### {rule}-{i} {f['path']}:{f['line']}:{f['column']} [{verdict}] {reason}")
            print(f"key: {key}\n{f['message']}")
            lo, hi = max(0, f["line"] - 1 - args.context), min(len(text), f["line"] + args.context)
            for n in range(lo, hi):
                mark = ">" if n == f["line"] - 1 else " "
                print(f"{mark}{n + 1:6} {text[n]}")
        table.append((rule, len(keyed), counts))

    print("\n| rule | findings | sample | right | wrong fact | code fine | unread | precision |")
    print("|---|---|---|---|---|---|---|---|")
    total = dict.fromkeys(VERDICTS + ("unread",), 0)
    for rule, n, counts in table:
        read = sum(counts[v] for v in VERDICTS)
        for v in total:
            total[v] += counts[v]
        share = f"{100 * counts['right'] / read:.0f}%" if read else "n/a"
        print(f"| {rule} | {n} | {read + counts['unread']} | {counts['right']} | "
              f"{counts['wrong-fact']} | {counts['wrong-fine']} | {counts['unread']} | {share} |")
    read = sum(total[v] for v in VERDICTS)
    if read:
        print(f"| all | | {read + total['unread']} | {total['right']} | {total['wrong-fact']} | "
              f"{total['wrong-fine']} | {total['unread']} | {100 * total['right'] / read:.0f}% |")


if __name__ == "__main__":
    main()
