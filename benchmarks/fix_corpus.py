"""Apply `goleaklint check --fix --unsafe-fixes` to a COPY of a Go corpus and check
what the fixes did to it.

    python benchmarks/fix_corpus.py [--corpus /usr/share/gocode/src] [--jobs 1]

Copies the corpus's .go files to a temporary folder (the corpus itself is never
written), lints the copy (SARIF, for line-independent fingerprints), fixes it, lints
it again, and prints a Markdown section for benchmarks/RESULTS.md:
- fixes applied (by rule) and files touched;
- touched files that parsed cleanly before and do not after, and touched files that
  were gofmt-clean before and are not after (both must be 0; gofmt must be installed);
- findings before and after, findings the fixes removed, and findings that are new
  after fixing (by fingerprint; must be 0).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from goleaklint import __version__, parsing  # noqa: E402


def copy_go_files(src: str, dst: str) -> int:
    count = 0
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames[:] = sorted(d for d in dirnames if not os.path.islink(os.path.join(dirpath, d)))
        for name in filenames:
            path = os.path.join(dirpath, name)
            if name.endswith(".go") and os.path.isfile(path) and not os.path.islink(path):
                target = os.path.join(dst, os.path.relpath(path, src))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(path, target)
                count += 1
    return count


def goleaklint(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "goleaklint", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


def fingerprints(sarif_path: str) -> set[tuple[str, str, str]]:
    with open(sarif_path, encoding="utf-8") as handle:
        results = json.load(handle)["runs"][0]["results"]
    return {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["partialFingerprints"]["goleaklint/v1"]) for r in results}


def parses(source: bytes) -> bool:
    return parsing.first_error(parsing.parse(source)) is None


def gofmt_clean(path: str) -> bool:
    proc = subprocess.run(["gofmt", "-l", path], capture_output=True, text=True, check=False)
    return proc.returncode == 0 and proc.stdout == ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="/usr/share/gocode/src")
    parser.add_argument("--jobs", default="1")
    parser.add_argument("--keep", action="store_true", help="keep the fixed copy")
    args = parser.parse_args()
    if shutil.which("gofmt") is None:
        print("gofmt is not installed", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="goleaklint-fix-corpus-")
    copy = os.path.join(work, "src")
    try:
        files = copy_go_files(args.corpus, copy)
        common = ["check", "--no-cache", "-j", args.jobs, "--format", "sarif"]
        before = goleaklint(common + ["-o", os.path.join(work, "before.sarif"), "."], copy)
        if before.returncode == 2:
            print(before.stderr[-2000:], file=sys.stderr)
        started = time.perf_counter()
        fixed = goleaklint(common + ["--fix", "--unsafe-fixes", "-o",
                                     os.path.join(work, "after.sarif"), "."], copy)
        seconds = time.perf_counter() - started
        note = next((line for line in fixed.stderr.splitlines() if "fixed " in line), "")
        touched = []
        for dirpath, _, names in os.walk(copy):
            for name in names:
                path = os.path.join(dirpath, name)
                original = os.path.join(args.corpus, os.path.relpath(path, copy))
                with open(path, "rb") as a, open(original, "rb") as b:
                    if a.read() != b.read():
                        touched.append((original, path))
        broke_parse = broke_gofmt = 0
        for original, path in touched:
            with open(original, "rb") as a, open(path, "rb") as b:
                old, new = a.read(), b.read()
            if parses(old) and not parses(new):
                broke_parse += 1
                print(f"no longer parses: {original}", file=sys.stderr)
            if gofmt_clean(original) and not gofmt_clean(path):
                broke_gofmt += 1
                print(f"no longer gofmt-clean: {original}", file=sys.stderr)
        old, new = fingerprints(os.path.join(work, "before.sarif")), fingerprints(os.path.join(work, "after.sarif"))
        counts = re.search(r"fixed (\d+) findings? (\(([^)]*)\) )?in (\d+) file", note)
        load = os.getloadavg()[0]
        print("## --fix on a copy of the corpus (`benchmarks/fix_corpus.py`)\n")
        print(f"Measured {time.strftime('%Y-%m-%d')} by `python benchmarks/fix_corpus.py "
              f"--corpus {args.corpus} --jobs {args.jobs}`: goleaklint {__version__}, "
              f"Python {platform.python_version()}, load average {load:.1f} at the end.\n")
        print("| measure | value |\n|---|---|")
        print(f"| .go files in the copy | {files:,} |")
        print(f"| fixes applied (`--fix --unsafe-fixes`) | {counts.group(1) if counts else '?'} |")
        print(f"| by rule | {counts.group(3) if counts and counts.group(3) else '-'} |")
        print(f"| files touched | {len(touched):,} |")
        print(f"| touched files that parsed before and no longer parse | {broke_parse} |")
        print(f"| touched files that were gofmt-clean and no longer are | {broke_gofmt} |")
        print(f"| findings before / after | {len(old):,} / {len(new):,} |")
        print(f"| findings removed by the fixes | {len(old - new):,} |")
        print(f"| findings new after fixing | {len(new - old):,} |")
        print(f"| seconds for the --fix run (scan, fixes, re-lint), -j {args.jobs} | {seconds:.1f} |")
        for rule, path, _ in sorted(new - old):
            print(f"new after fixing: {rule} {path}", file=sys.stderr)
        return 0 if not (broke_parse or broke_gofmt or (new - old)) else 1
    finally:
        if args.keep:
            print(f"fixed copy kept in {copy}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
