"""Would a narrower default hold on code nobody has read? Leave-one-set-out over the
fresh strict readings.

    python benchmarks/heldout_policy.py [--min-support 3]

Reads the sets read fresh (docs/precision/heldout-s17.tsv .. the newest: each set was
read before any fix saw it; a finding read by both readers counts once, by the first
reading; a low-confidence finding, whose reason starts `(low` or `(warning, low)`, is left
out, but the seventeenth and eighteenth sessions' files do not mark all of theirs, so up
to 15 low ones of corpus12-15 are counted as shown). For every set in turn, it learns from the other sets the precision of each
class of finding, shows in the left-out set only the classes whose learned precision
(with one right and one wrong added, so that a class seen twice is not taken for 100%)
reaches a threshold, and scores what it shows with that set's own verdicts. A class is
the rule, the first N words of the message (names, lines and numbers blanked) and where
the file lies (test file, a command/tooling/example folder, or elsewhere). The table
says how much of what would be shown is right, and how many of all right findings stay.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
from collections import defaultdict

HERE = os.path.join(os.path.dirname(__file__), "..", "docs", "precision")
TOOLING = re.compile(r"(^|/)(cmd|tools?|hack|scripts?|benchmarks?|samples?|examples?|demo|"
                     r"contrib|tests?|testing|e2e|integration|testutil\w*|dev|debug)(/|$)")


def readings() -> list[dict]:
    """Shown (not low) findings of the fresh sets, one reading per (set, key)."""
    seen, rows = set(), []
    files = sorted(glob.glob(os.path.join(HERE, "heldout-s*.tsv")))
    for path in [f for f in files if int(re.search(r"s(\d+)", f).group(1)) >= 17]:
        for line in open(path, encoding="utf-8"):
            if line.startswith("#"):
                continue
            corpus, _, key, verdict, _, reason, message = line.rstrip("\n").split("\t")
            if re.match(r"\((low|\w+, low)", reason) or (corpus, key) in seen:
                continue
            seen.add((corpus, key))
            rows.append(dict(corpus=corpus, key=key, right=verdict == "right", message=message))
    return rows


def where(key: str) -> str:
    path = key.split("|")[1].split("/", 1)[-1]
    return "test" if path.endswith("_test.go") else "tooling" if TOOLING.search(path) else "other"


def kind(row: dict, words: int) -> tuple:
    text = re.sub(r"`[^`]*`", "X", row["message"])
    text = re.sub(r"\((line \d+|[\w.]+\.go:\d+)\)", "", text)
    text = re.sub(r"from [\w.…()]+ ", "from F ", re.sub(r"\d+", "N", text))
    return (row["key"].split("|")[0], " ".join(text.split()[:words]), where(row["key"]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--min-support", type=int, default=3)
    args = parser.parse_args()
    rows = readings()
    sets = sorted({r["corpus"] for r in rows})
    total_right = sum(r["right"] for r in rows)
    print(f"{len(sets)} sets, {len(rows)} shown findings read, {total_right} right "
          f"({total_right / len(rows):.0%})\n")
    print("| class = rule, first words of the message, folder | threshold | shown | right of shown | right findings kept |")
    print("|---|---|---|---|---|")
    for words in (0, 5, 8):
        for threshold in (0.6, 0.7, 0.8, 0.9):
            shown = right = 0
            for left_out in sets:
                learned = defaultdict(lambda: [0, 0])
                for r in rows:
                    if r["corpus"] != left_out:
                        learned[kind(r, words)][0] += r["right"]
                        learned[kind(r, words)][1] += 1
                for r in rows:
                    if r["corpus"] == left_out:
                        good, seen = learned.get(kind(r, words), (0, 0))
                        if seen >= args.min_support and (good + 1) / (seen + 2) >= threshold:
                            shown += 1
                            right += r["right"]
            share = f"{right / shown:.0%}" if shown else "n/a"
            print(f"| rule, {words} words, folder | {threshold:.0%} | {shown} | {right} ({share}) "
                  f"| {right} of {total_right} ({right / total_right:.0%}) |")


if __name__ == "__main__":
    main()
