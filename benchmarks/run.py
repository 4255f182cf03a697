"""Side-by-side benchmark: parse floor, goleaklint cold and warm, semgrep, in one run.

    python benchmarks/run.py [--corpus small|full] [--jobs N] [--no-semgrep] [--no-install]
                             [--rounds N] [--against CHECKOUT ...]

Installs the Debian Go source corpus (benchmarks/install-corpus.sh) and semgrep (into
its own venv, benchmarks/.semgrep-venv), then times each tool on the Go standard library
and on the whole corpus with the same number of processes, and reports wall time, peak
RSS (the largest single process, from GNU time) and ratios. Everything is measured in
this one run, one command after another, so the ratios compare like with like on a
shared, noisy machine. Writes benchmarks/RESULTS.md.

--rounds N (N > 1) adds N interleaved rounds of the floor and the cold scan per tree (by
default, and with --min-confidence low, which also runs the rules that find only findings
of low confidence in a test file), the order reversed every other round, and reports per
round the load average and CPU (user + system, workers included) and wall seconds, then
the median ratio to the floor of the same round and the range: one run on a shared
machine can read 1.0x or 1.4x for the same code. --against CHECKOUT adds the cold scan of another checkout (its .venv) to
each round, side by side.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
STDLIB = "/usr/share/go-1.19/src"
GOCODE = "/usr/share/gocode/src"
SEMGREP_VENV = os.path.join(HERE, ".semgrep-venv")
SEMGREP_RULES = os.path.join(HERE, "semgrep", "rules.yml")


def timed(command: list[str], limit: float | None = None, **kwargs
          ) -> tuple[float, int, subprocess.CompletedProcess | None, float | None]:
    """Wall seconds, peak RSS in MB (largest process) and CPU seconds (user + system,
    worker processes included) of command, via GNU time: on a shared machine, other
    work stretches wall time far more than the CPU time a command needs. Past `limit`
    seconds the command is stopped: (limit, 0, None, None) says "more than"."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        try:
            proc = subprocess.run(
                ["/usr/bin/time", "-o", out.name, "-f", "%e %M %U %S", *command],
                capture_output=True, text=True, timeout=limit, **kwargs,
            )
        except subprocess.TimeoutExpired:
            return float(limit), 0, None, None
        seconds, kb, user, system = out.read().split()[-4:]
    return float(seconds), int(kb) // 1024, proc, float(user) + float(system)


def count_lines(paths: list[str]) -> tuple[int, int]:
    sys.path.insert(0, ROOT)
    from goleaklint import engine

    files, _ = engine.discover(paths, engine.Settings())
    lines = 0
    for path in files:
        with open(path, "rb") as handle:
            lines += handle.read().count(b"\n")
    return len(files), lines


def semgrep() -> str:
    exe = os.path.join(SEMGREP_VENV, "bin", "semgrep")
    if not os.path.exists(exe):
        subprocess.run([sys.executable, "-m", "venv", SEMGREP_VENV], check=True)
        subprocess.run([os.path.join(SEMGREP_VENV, "bin", "pip"), "install", "-q", "semgrep"],
                       check=True)
    return exe


def measure(name: str, paths: list[str], jobs: int, use_semgrep: bool,
            semgrep_limit: float) -> list[dict]:
    goleaklint = [sys.executable, "-m", "goleaklint", "check", "--format", "json",
                  "--jobs", str(jobs), "--fail-on", "error"]
    rows = []
    floor, floor_rss, _, cpu = timed([sys.executable, os.path.join(HERE, "parse_floor.py"),
                                    "--jobs", str(jobs), *paths], cwd=ROOT)
    rows.append(dict(corpus=name, tool="tree-sitter parse alone (floor)", seconds=floor, rss=floor_rss,
                     cpu=cpu))
    cache = tempfile.mkdtemp(prefix="goleaklint-bench-")
    try:
        cold, cold_rss, proc, cpu = timed([*goleaklint, "--cache-dir", cache, *paths], cwd=ROOT)
        findings = proc.stdout.count('"rule":')
        rows.append(dict(corpus=name, tool="goleaklint, all rules, cold", seconds=cold,
                         rss=cold_rss, findings=findings, cpu=cpu))
        warm, warm_rss, _, cpu = timed([*goleaklint, "--cache-dir", cache, *paths], cwd=ROOT)
        rows.append(dict(corpus=name, tool="goleaklint, warm cache", seconds=warm, rss=warm_rss,
                         cpu=cpu))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    subset, _, _, cpu = timed([*goleaklint, "--no-cache", "--select", "GL001,GL002,GL006,GL009",
                             *paths], cwd=ROOT)
    rows.append(dict(corpus=name, tool="goleaklint, GL001/2/6/9, cold", seconds=subset, rss=None,
                     cpu=cpu))
    if use_semgrep:
        command = [semgrep(), "--metrics=off", "--disable-version-check", "--quiet", "--json",
                   "--config", SEMGREP_RULES, "-j", str(jobs), "--max-target-bytes", "0",
                   "--exclude", "vendor", "--exclude", "testdata", "--exclude", ".*",
                   "--exclude", "_*", "--no-git-ignore", *paths]
        seconds, rss, proc, cpu = timed(command, limit=semgrep_limit, cwd=ROOT)
        rows.append(dict(corpus=name, tool="semgrep, GL001/2/6/9 equivalents", seconds=seconds,
                         rss=rss or None, stopped=proc is None,
                         findings=proc.stdout.count('"check_id"') if proc else "", cpu=cpu))
    return rows


def rounds(paths: list[str], jobs: int, count: int, against: list[str]) -> list[dict]:
    """count interleaved rounds: the floor and each checkout's cold scan (a fresh cache
    each), in one order, then reversed in the next round. Per round: the load average
    (1 min) at its start and end, and {label: (CPU seconds, wall seconds)}."""
    def scan(root: str) -> list[str]:
        python = sys.executable if root == ROOT else os.path.join(root, ".venv", "bin", "python")
        return [python, "-m", "goleaklint", "check", "--format", "json", "--jobs", str(jobs),
                "--fail-on", "error"]
    commands = [("floor", [sys.executable, os.path.join(HERE, "parse_floor.py"), "--jobs", str(jobs)], ROOT)]
    commands += [(label(root), scan(root), root) for root in [ROOT, *against]]
    # By default findings of low confidence are hidden, and rules that find only those in
    # a test file are not run there (Rule.tests_shown): the scan that shows them all too.
    commands.insert(2, (label(ROOT) + " --min-confidence low", [*scan(ROOT), "--min-confidence", "low"], ROOT))
    found = []
    for number in range(count):
        load = os.getloadavg()[0]
        times = {}
        for name, command, cwd in commands if number % 2 == 0 else commands[::-1]:
            cache = tempfile.mkdtemp(prefix="goleaklint-bench-")
            try:
                cache_dir = [] if name == "floor" else ["--cache-dir", cache]
                seconds, _, _, cpu = timed([*command, *cache_dir, *paths], cwd=cwd)
            finally:
                shutil.rmtree(cache, ignore_errors=True)
            times[name] = (cpu, seconds)
        found.append(dict(load=(load, os.getloadavg()[0]), times=times))
    return found


def label(root: str) -> str:
    """A checkout's name for the rounds' table: its folder and commit."""
    commit = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    return f"{os.path.basename(root)} {commit}".strip()


def rounds_table(found: list[dict]) -> list[str]:
    """The rounds as a table (CPU seconds with the ratio to the round's floor, wall
    seconds in parentheses), then the median ratio and the range per checkout."""
    labels = [name for name in found[0]["times"] if name != "floor"]
    lines = ["| round | load (start, end) | floor CPU (wall) | " + " | ".join(labels) + " |",
             "|---|---|---|" + "---|" * len(labels)]
    for number, one in enumerate(found):
        floor_cpu, floor_wall = one["times"]["floor"]
        cells = [f"{cpu:.2f} ({cpu / floor_cpu:.2f}×; wall {wall / floor_wall:.2f}×)"
                 for cpu, wall in (one["times"][name] for name in labels)]
        order = "" if number % 2 == 0 else " (reversed)"
        lines.append(f"| {number + 1}{order} | {one['load'][0]:.1f}, {one['load'][1]:.1f} | "
                     f"{floor_cpu:.2f} ({floor_wall:.2f}) | " + " | ".join(cells) + " |")
    cells = []
    for name in labels:
        cpu = [one["times"][name][0] / one["times"]["floor"][0] for one in found]
        wall = [one["times"][name][1] / one["times"]["floor"][1] for one in found]
        cells.append(f"CPU {statistics.median(cpu):.2f}× ({min(cpu):.2f}-{max(cpu):.2f}); "
                     f"wall {statistics.median(wall):.2f}× ({min(wall):.2f}-{max(wall):.2f})")
    lines.append("| median (range) | | | " + " | ".join(cells) + " |")
    return lines


def precommit_run(jobs: int) -> float:
    """A 20-file invocation, start-up included, as pre-commit would make it."""
    files = []
    for dirpath, _, names in os.walk(os.path.join(GOCODE, "github.com/gomodule/redigo")):
        files += [os.path.join(dirpath, n) for n in names if n.endswith(".go")]
    random.Random(7).shuffle(files)
    seconds, _, _, _ = timed([os.path.join(os.path.dirname(sys.executable), "goleaklint"),
                           "check", "--no-cache", "--jobs", str(jobs), *sorted(files[:20])],
                          cwd=ROOT)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=["small", "full"], default="full")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--no-semgrep", action="store_true")
    parser.add_argument("--no-install", action="store_true")
    parser.add_argument("--semgrep-limit", type=float, default=1800,
                        help="stop semgrep after this many seconds and report 'more than'")
    parser.add_argument("--rounds", type=int, default=1,
                        help="interleaved rounds of the floor and the cold scan per tree (see above)")
    parser.add_argument("--against", nargs="*", default=[], metavar="CHECKOUT",
                        help="other checkouts (each with its .venv) scanned in the same rounds")
    args = parser.parse_args()
    if not args.no_install:
        subprocess.run([os.path.join(HERE, "install-corpus.sh"), args.corpus], check=True,
                       stdout=subprocess.DEVNULL)
    corpora = [("Go stdlib", [STDLIB]), ("whole corpus", [STDLIB, GOCODE])]
    load_before = os.getloadavg()[0]
    rows = []
    sizes = {}
    interleaved: dict[str, list[dict]] = {}
    for name, paths in corpora:
        sizes[name] = count_lines(paths)
        print(f"measuring {name}: {sizes[name][0]} files, {sizes[name][1]:,} lines", file=sys.stderr)
        rows += measure(name, paths, args.jobs, not args.no_semgrep, args.semgrep_limit)
        if args.rounds > 1:
            print(f"{args.rounds} interleaved rounds of {name}", file=sys.stderr)
            interleaved[name] = rounds(paths, args.jobs, args.rounds, args.against)
    precommit = precommit_run(args.jobs)

    lines = ["# Benchmark results", "",
             f"Measured {datetime.date.today()} by `python benchmarks/run.py --corpus {args.corpus}"
             f" --jobs {args.jobs}`, every number from this one run.", "",
             f"- Machine: {platform.machine()}, {os.cpu_count()} cores, "
             f"{platform.system()} {platform.release()}; Python {platform.python_version()}",
             f"- Versions: {versions()}",
             f"- Load average (1 min) at the start and the end: {load_before:.1f} and "
             f"{os.getloadavg()[0]:.1f}; above {os.cpu_count()} means other work shared the cores"
             " (wall seconds then stretch far more than CPU seconds, user + system, workers included).",
             ""]
    for name, _ in corpora:
        files, line_count = sizes[name]
        lines += [f"## {name}: {files:,} files, {line_count:,} lines", "",
                  "| tool | seconds | peak RSS MB | findings | ratio | CPU seconds | CPU ratio |",
                  "|---|---|---|---|---|---|---|"]
        mine = [r for r in rows if r["corpus"] == name]
        floor, floor_cpu = mine[0]["seconds"], mine[0].get("cpu")
        cold, cold_cpu = mine[1]["seconds"], mine[1].get("cpu")
        subset = next(r["seconds"] for r in mine if "GL001/2/6/9, cold" in r["tool"])
        for r in mine:
            cpu = r.get("cpu")
            cpu_ratio = ""
            if r is mine[0]:
                ratio = cpu_ratio = "1.00× (the floor)"
            elif "semgrep" in r["tool"]:
                more = "more than " if r.get("stopped") else ""
                ratio = f"{more}{r['seconds'] / max(subset, 1e-9):.1f}× goleaklint on the same rules"
            elif "warm" in r["tool"]:
                ratio = f"{r['seconds'] / max(cold, 1e-9):.0%} of cold"
                if cpu is not None and cold_cpu:
                    cpu_ratio = f"{cpu / cold_cpu:.0%} of cold"
            else:
                ratio = f"{r['seconds'] / floor:.2f}× floor"
                if cpu is not None and floor_cpu:
                    cpu_ratio = f"{cpu / floor_cpu:.2f}× floor"
            rss = "" if r.get("rss") is None else str(r["rss"])
            seconds = f"> {r['seconds']:.0f} (stopped)" if r.get("stopped") else f"{r['seconds']:.2f}"
            shown = "" if cpu is None else f"{cpu:.2f}"
            lines.append(f"| {r['tool']} | {seconds} | {rss} | {r.get('findings', '')} | {ratio} "
                         f"| {shown} | {cpu_ratio} |")
        lines.append("")
        if name in interleaved:
            lines += [f"{args.rounds} interleaved rounds, cold, CPU seconds (user + system, workers "
                      "included) and the ratios to the floor of the same round:", "",
                      *rounds_table(interleaved[name]), ""]
    lines += [f"A 20-file invocation as pre-commit makes it (start-up included): {precommit:.2f} s.", ""]
    text = "\n".join(lines)
    print(text)
    write_results(text, [f"## {name}:" for name, _ in corpora])


def write_results(text: str, own: list[str]) -> None:
    """Replace this script's part of RESULTS.md (the top, up to the first section that
    another benchmark wrote or the first session's notes, `### `) and keep the rest as
    it is."""
    path = os.path.join(HERE, "RESULTS.md")
    kept: list[str] = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as old:
            lines = old.read().splitlines()
        start = next((i for i, line in enumerate(lines)
                      if line.startswith("### ") or
                      (line.startswith("## ") and not any(line.startswith(o) for o in own))), None)
        if start is not None:
            kept = lines[start:]
    with open(path, "w", encoding="utf-8") as out:
        out.write(text + ("\n" + "\n".join(kept) + "\n" if kept else ""))


def versions() -> str:
    from importlib.metadata import version

    parts = [f"goleaklint {version('goleaklint')}", f"tree-sitter {version('tree-sitter')}",
             f"tree-sitter-go {version('tree-sitter-go')}"]
    exe = os.path.join(SEMGREP_VENV, "bin", "semgrep")
    if os.path.exists(exe):
        out = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()
        parts.append(f"semgrep {out}")
    return ", ".join(parts)


if __name__ == "__main__":
    main()
