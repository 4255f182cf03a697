"""Score goleaklint on the peers' own test suites, by the peers' own expectation markers.

    python benchmarks/peer_suites.py FOLDER [--details]

FOLDER holds the peers' suites as fetched from their public repositories (never commit
them here; see "Peer suites" in benchmarks/RESULTS.md for how to fetch them). Each suite
is found by its path inside its repository, wherever it sits under FOLDER:

| suite | path in its repository | expectations | our rules |
|---|---|---|---|
| sqlclosecheck | pkg/analyzer/testdata | `// want` | GL001 |
| bodyclose | passes/bodyclose/testdata | `// want` | GL008 |
| lostcancel (go vet) | go/analysis/passes/lostcancel/testdata | `// want` | GL009 |
| sigchanyzer (go vet) | go/analysis/passes/sigchanyzer/testdata | `// want` | GL002 |
| staticcheck SA1015 | staticcheck/sa1015/testdata | `//@ diag(...)` | GL010 |
| gosec G114 | testutils/g114_samples.go | expected count per sample | GL006 |
| gosec G118 | testutils/g118_samples.go | expected count per sample | GL009 |
| GoKer blocking | gobench/goker/blocking | blocked sends (see below) | GL003, GL004 |

Options: a suite whose own test turns an option of the peer on for one package is run
with ours turned on for that package only: bodyclose's `TestConsumption` sets
`check-consumption` for `testdata/src/consumption` (its `Test` runs package `a` without
it), so that package is scanned with `[rules.GL008] check-consumption = true`.

Positives: each marked line (a `// want` or `//@ diag`) is one case, found when one of
the suite's rules reports on that line. lostcancel's second marker of a case ("this
return statement may be reached without using the cancel var") names the return that
the first marker's finding already covers and is not counted apart. gosec: each sample
with an expected count N > 0 is N cases, found up to the number of findings in it.
G118 mixes three checks; only its lost-cancel samples are ours: a sample is in scope
when it calls `context.With{Cancel,Timeout,Deadline}` and its comment speaks of the
cancel function or the code discards the cancel (`_` in its place); its N is capped by
its number of such calls. Samples whose comment starts with "Note:" record gosec's own
known limitations, not ground truth, and are left out.

Negatives: every function (declaration or method) with no marker in a `// want` suite,
and every function of a sample expecting 0 in gosec, is a negative; it is flagged when
one of the suite's rules reports inside it.

GoKer (Yuan et al., CGO'21) kernels are read as production files (copied without the
`_test` suffix). A blocked send is a send statement that the kernel documents a goroutine
stuck on: the top frame of a README backtrace in state `chan send` (the backtraces come
from earlier versions of the kernels, so a frame line that is no longer a send is taken
as the send of the frame's function, or of its n-th function literal for `.funcN`,
nearest to it); a send whose comment says it blocks or waits there; or the last event of
a goroutine that the kernel's `///` interleaving diagram ends as leaked or deadlocked
(`----G2 leak----`), when that event is a send (`ch <-`): the sends on that channel (by
name, else by last part, else by a last part that starts with the other: `result<-`).
A send is "under a lock" when its function calls `Lock()` or `RLock()` earlier with no
`Unlock()` of the same value in between.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIN_CONFIDENCE = "medium"  # --min-confidence: the default, what users see
sys.path.insert(0, ROOT)

from goleaklint import parsing  # noqa: E402

# A suite's packages that its own test analyses with an option on -> our config for them.
OPTIONS = {
    "bodyclose": {"src/consumption": "[rules.GL008]\ncheck-consumption = true\n"},
}
WANT_SUITES = [
    ("sqlclosecheck", "pkg/analyzer/testdata", ("GL001",)),
    ("bodyclose", "passes/bodyclose/testdata", ("GL008",)),
    ("lostcancel", "go/analysis/passes/lostcancel/testdata", ("GL009",)),
    ("sigchanyzer", "go/analysis/passes/sigchanyzer/testdata", ("GL002",)),
    ("SA1015", "staticcheck/sa1015/testdata", ("GL010",)),
]
GOSEC_SUITES = [
    ("gosec G114", "testutils/g114_samples.go", ("GL006",)),
    ("gosec G118", "testutils/g118_samples.go", ("GL009",)),
]
GOKER = ("GoKer blocking", "gobench/goker/blocking", ("GL003", "GL004"))

MARKER = re.compile(r"//\s*want\s|//@\s*diag\(")
SECONDARY = re.compile(r"return statement|may be reached without using")
SAMPLE = re.compile(r"(?://([^\n]*)\n\s*)?\{\[\]string\{(.*?)\},\s*(\d+),\s*gosec\.NewConfig\(\)\}", re.S)
RAW_STRING = re.compile(r"`([^`]*)`", re.S)
WITH_CALL = re.compile(r"\bcontext\.With(?:Cancel|Timeout|Deadline)\(")
CANCEL_WORDS = re.compile(r"cancel|With(?:Cancel|Timeout|Deadline)|context creations", re.I)
DISCARDED = re.compile(r"(?:,\s*_\s*:?=|_\s*=)\s*context\.With(?:Cancel|Timeout|Deadline)\(")
BACKTRACE = re.compile(r"goroutine \d+ \[([^\]]+)\]:\n(.*?)(?=\n\s*\n|```|\Z)", re.S)
BLOCK_COMMENT = re.compile(r"//.*\b(block|blocked|blocking|waiting)\b", re.I)
DIAGRAM_HEADER = re.compile(r"\s*///((?:\s*(?:G\d+|helper goroutine))+)\s*")
DIAGRAM_END = re.compile(r"-{3,}(.*?)-{3,}")
DIAGRAM_SEND = re.compile(r"([\w.]+)\s*<-")


@dataclass
class Score:
    name: str
    rules: tuple[str, ...]
    positives: int = 0
    found: int = 0
    negatives: int = 0
    flagged: int = 0
    extra: int = 0  # findings in a positive function on a line with no marker
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    lock_sends: int = 0
    lock_found: int = 0


def find(root: str, rel: str) -> str | None:
    for dirpath, dirnames, filenames in os.walk(root):
        candidate = os.path.join(dirpath, rel)
        if os.path.exists(candidate):
            return candidate
    return None


def run(paths: list[str], rules: tuple[str, ...], config: str | None = None) -> dict[str, list[dict]]:
    """The findings of the suite's rules in paths, by real path; config: a config
    file's text to scan them with (default: none, the defaults)."""
    with tempfile.TemporaryDirectory() as work:
        flags = []
        if config is not None:
            flags = ["--config", os.path.join(work, "goleaklint.toml")]
            with open(flags[1], "w", encoding="utf-8") as handle:
                handle.write(config)
        proc = subprocess.run(
            [sys.executable, "-m", "goleaklint", "check", "--format", "json", "--no-cache",
             "--fail-on", "error", "--min-confidence", MIN_CONFIDENCE, "--select", ",".join(rules),
             *flags, *paths],
            capture_output=True, text=True, cwd=ROOT,
        )
    by_path: dict[str, list[dict]] = {}
    for finding in json.loads(proc.stdout)["findings"]:
        by_path.setdefault(os.path.realpath(finding["path"]), []).append(finding)
    return by_path


def functions(source: bytes) -> list[tuple[str, int, int]]:
    """(name, first line, last line) of each top-level function, 1-based."""
    spans = []
    for node in parsing.parse(source).children:
        if node.type in ("function_declaration", "method_declaration"):
            name = node.child_by_field_name("name")
            spans.append((name.text.decode() if name else "?", node.start_point[0] + 1, node.end_point[0] + 1))
    return spans


def go_files(folder: str) -> list[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d != "vendor")
        out += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".go")]
    return out


def score_files(score: Score, files: list[str], findings: dict[str, list[dict]],
                expected: dict[str, int] | None = None) -> None:
    """`expected` given (gosec): path -> count; otherwise markers are read from the lines."""
    for path in files:
        with open(path, "rb") as handle:
            source = handle.read()
        lines = source.decode(errors="replace").splitlines()
        hits = {f["line"] for f in findings.get(os.path.realpath(path), [])}
        spans = functions(source)
        if expected is None:
            marked = {i + 1 for i, text in enumerate(lines) if MARKER.search(text) and not SECONDARY.search(text)}
            every_mark = {i + 1 for i, text in enumerate(lines) if MARKER.search(text)}
            score.positives += len(marked)
            for line in sorted(marked):
                if line in hits:
                    score.found += 1
                else:
                    score.missed.append(f"{path}:{line}")
            for name, first, last in spans:
                inside = {line for line in hits if first <= line <= last}
                if not any(first <= m <= last for m in every_mark):
                    score.negatives += 1
                    if inside:
                        score.flagged += 1
                        score.false.append(f"{path}:{min(inside)} ({name})")
                else:
                    score.extra += len(inside - every_mark)
        else:
            want = expected[path]
            if want > 0:
                score.positives += want
                score.found += min(want, len(hits))
                if len(hits) < want:
                    score.missed.append(f"{path} ({len(hits)} of {want})")
            else:
                for name, first, last in spans:
                    score.negatives += 1
                    inside = {line for line in hits if first <= line <= last}
                    if inside:
                        score.flagged += 1
                        score.false.append(f"{path}:{min(inside)} ({name})")


def want_suite(root: str, name: str, rel: str, rules: tuple[str, ...]) -> Score | None:
    folder = find(root, rel)
    if folder is None:
        return None
    score = Score(name, rules)
    findings = run([folder], rules)
    for package, config in OPTIONS.get(name, {}).items():
        inside = os.path.realpath(os.path.join(folder, package)) + os.sep
        findings = {path: found for path, found in findings.items() if not path.startswith(inside)}
        findings.update(run([os.path.join(folder, package)], rules, config))
    score_files(score, go_files(folder), findings)
    return score


def gosec_suite(root: str, name: str, rel: str, rules: tuple[str, ...], work: str) -> Score | None:
    path = find(root, rel)
    if path is None:
        return None
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    folder = os.path.join(work, os.path.basename(rel)[:-3])
    expected: dict[str, int] = {}
    scoped_by_calls = "g118" in rel
    for index, match in enumerate(SAMPLE.finditer(text)):
        comment, body, count = (match.group(1) or "").strip(), match.group(2), int(match.group(3))
        sources = RAW_STRING.findall(body)
        code = "\n".join(sources)
        if comment.startswith("Note:"):
            continue
        if scoped_by_calls:
            calls = len(WITH_CALL.findall(code))
            if count > 0:
                if not calls or not (CANCEL_WORDS.search(comment) or DISCARDED.search(code)):
                    continue
                count = min(count, calls)
        sample = os.path.join(folder, f"sample{index:03d}")
        os.makedirs(sample)
        for n, src in enumerate(sources):
            file = os.path.join(sample, f"file{n}.go")
            with open(file, "w", encoding="utf-8") as out:
                out.write(src)
            expected[file] = count if n == 0 else 0
    score = Score(name, rules)
    files = sorted(expected)
    findings = run([folder], rules)
    # a multi-file sample counts once, on its first file, with the findings of all its files
    merged: dict[str, list[dict]] = {}
    for file in files:
        key = os.path.join(os.path.dirname(file), "file0.go")
        merged.setdefault(os.path.realpath(key), []).extend(findings.get(os.path.realpath(file), []))
    score_files(score, [f for f in files if f.endswith("file0.go")], merged, expected)
    return score


def blocked_sends(kernel: str, source_name: str, source: str) -> set[int]:
    lines = set()
    readme = os.path.join(kernel, "README.md")
    if os.path.exists(readme):
        with open(readme, encoding="utf-8") as handle:
            for state, frames in BACKTRACE.findall(handle.read()):
                if "chan send" in state:
                    frame = re.search(re.escape(source_name) + r":(\d+)", frames)
                    if frame:
                        lines.add(frame_send(source.encode(), frames.split("\n")[0], int(frame.group(1))))
    texts = source.splitlines()
    found = sends(source.encode())
    for row in found:
        if BLOCK_COMMENT.search(texts[row - 1]):
            lines.add(row)
    for channel in diagram_sends(texts):
        # the diagrams abbreviate: `result<-` for `results <- true`, `ProgressChan<-`
        # for `progressChan <- p`: the same name, else the same last part, else one
        # last part starting with the other
        last = channel.rsplit(".", 1)[-1].lower()
        for same in ([row for row, name in found.items() if name == channel],
                     [row for row, name in found.items() if name.rsplit(".", 1)[-1].lower() == last],
                     [row for row, name in found.items() if name.rsplit(".", 1)[-1].lower().startswith(last)
                      or last.startswith(name.rsplit(".", 1)[-1].lower() or "-")]):
            if same:
                lines.update(same)
                break
    return lines


def frame_send(source: bytes, frame: str, row: int) -> int:
    """The send line a backtrace's top frame (`pkg.(*T).Up.func2(...)` at `row`) is
    blocked on. The READMEs' backtraces were taken from earlier versions of the kernels,
    so `row` can have moved: when it is not a send, the send of that function (its n-th
    function literal for `.funcN`) nearest to `row` is the one."""
    found = sends(source)
    if row in found:
        return row
    parts = re.sub(r"\(\.\.\.\)|\(0x[^)]*\)|\(\)$", "", frame.strip()).split(".")
    literals = [p for p in parts if re.fullmatch(r"func\d+", p)]
    names = [p for p in parts if p and not re.fullmatch(r"func\d+|\(\*?\w+\)", p)]
    if not names:
        return row
    scope = next((n for n in parsing.parse(source).children
                  if n.type in ("function_declaration", "method_declaration")
                  and n.child_by_field_name("name") is not None
                  and n.child_by_field_name("name").text.decode() == names[-1]), None)
    if scope is None:
        return row
    if literals:
        outer, stack = [], [scope]
        while stack:  # the function literals of scope not nested in another, in order
            node = stack.pop()
            if node.type == "func_literal" and node != scope:
                outer.append(node)
                continue
            stack.extend(reversed(node.children))
        index = int(literals[0][4:]) - 1
        if index >= len(outer):
            return row
        scope = outer[index]
    inside = [r for r in found if scope.start_point[0] < r <= scope.end_point[0] + 1]
    return min(inside, key=lambda r: abs(r - row), default=row)


def diagram_sends(texts: list[str]) -> list[str]:
    """The channels of the sends that the kernel's interleaving diagram shows a goroutine
    stuck on: a `///` table whose header names the goroutines (`G1  G2  helper goroutine`),
    one event per line in its goroutine's column, closed by a line naming the blocked ones
    (`----G2 leak----`, `----G1,G2 deadlock----`, `G2,G3,...`: all). A blocked goroutine
    whose last event is `ch <-` or `ch <- v` is stuck on that send."""
    channels = []
    for index, row in enumerate(texts):
        header = DIAGRAM_HEADER.fullmatch(row)
        if header is None:
            continue
        layout = row.lstrip()[3:].expandtabs(4)
        columns = [(m.start(), m.group()) for m in re.finditer(r"G\d+|helper goroutine", layout)]
        last: dict[str, str] = {}
        for event in texts[index + 1:]:
            if not event.lstrip().startswith("///"):
                break
            body = event.lstrip()[3:].expandtabs(4)
            end = DIAGRAM_END.search(body)
            if end is not None:
                blocked = re.findall(r"G\d+", end.group(1))
                if "..." in end.group(1):
                    blocked += [name for _, name in columns]
                for name in dict.fromkeys(blocked):
                    channels += DIAGRAM_SEND.findall(last.get(name, ""))
                break
            if body.strip() and body.strip() != "...":
                start = len(body) - len(body.lstrip())
                last[min(columns, key=lambda c: abs(c[0] - start))[1]] = body.strip()
    return channels


def sends(source: bytes) -> dict[int, str]:
    """Line -> channel (as written, spaces removed) of each send statement (a bare send
    or a select case)."""
    rows, stack = {}, [parsing.parse(source)]
    while stack:
        node = stack.pop()
        if node.type == "send_statement":
            channel = node.child_by_field_name("channel")
            rows[node.start_point[0] + 1] = re.sub(r"\s", "", channel.text.decode()) if channel else ""
        stack.extend(node.children)
    return rows


def under_lock(source: bytes, line: int) -> bool:
    for name, first, last in functions(source):
        if first <= line <= last:
            text = source.decode(errors="replace").splitlines()[first - 1:line - 1]
            held: set[str] = set()
            for row in text:
                code = row.split("//")[0]
                if code.strip().startswith("defer"):
                    continue
                for value in re.findall(r"([\w.]+)\.R?Lock\(\)", code):
                    held.add(value)
                for value in re.findall(r"([\w.]+)\.R?Unlock\(\)", code):
                    held.discard(value)
            return bool(held)
    return False


def goker_suite(root: str, work: str) -> Score | None:
    name, rel, rules = GOKER
    folder = find(root, rel)
    if folder is None:
        return None
    score = Score(name, rules)
    copies: dict[str, tuple[set[int], bytes]] = {}
    for path in go_files(folder):
        if not path.endswith("_test.go"):
            continue
        with open(path, "rb") as handle:
            source = handle.read()
        sends = blocked_sends(os.path.dirname(path), os.path.basename(path), source.decode(errors="replace"))
        copy = os.path.join(work, "goker", os.path.relpath(os.path.dirname(path), folder),
                            os.path.basename(path)[: -len("_test.go")] + ".go")
        os.makedirs(os.path.dirname(copy), exist_ok=True)
        shutil.copyfile(path, copy)
        copies[copy] = (sends, source)
    findings = run([os.path.join(work, "goker")], rules)
    for copy, (sends, source) in sorted(copies.items()):
        hits = {f["line"] for f in findings.get(os.path.realpath(copy), [])}
        for line in sorted(sends):
            locked = under_lock(source, line)
            score.positives += 1
            score.lock_sends += locked
            if line in hits:
                score.found += 1
                score.lock_found += locked
            else:
                score.missed.append(f"{copy}:{line}{' (under a lock)' if locked else ''}")
        score.extra += len(hits - sends)
    return score


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "n/a"


def main() -> int:
    global MIN_CONFIDENCE
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--details", action="store_true", help="list each miss and flagged negative")
    parser.add_argument("--min-confidence", default=MIN_CONFIDENCE, choices=("high", "medium", "low"),
                        help="passed to goleaklint check (default: %(default)s, what users see)")
    args = parser.parse_args()
    MIN_CONFIDENCE = args.min_confidence
    root = os.path.abspath(args.folder)
    scores: list[Score] = []
    with tempfile.TemporaryDirectory() as work:
        for suite in WANT_SUITES:
            scores.append(want_suite(root, *suite))
        for suite in GOSEC_SUITES:
            scores.append(gosec_suite(root, *suite, work))
        scores.append(goker_suite(root, work))
    print("| suite | rules | positives found | negative functions flagged | other findings in positive functions |")
    print("|---|---|---|---|---|")
    total = Score("all marker suites", ())
    for score in scores:
        if score is None:
            continue
        print(f"| {score.name} | {', '.join(score.rules)} | {score.found} of {score.positives} "
              f"({percent(score.found, score.positives)}) | {score.flagged} of {score.negatives} "
              f"({percent(score.flagged, score.negatives)}) | {score.extra} |")
        if score.name != GOKER[0]:
            total.found += score.found
            total.positives += score.positives
            total.flagged += score.flagged
            total.negatives += score.negatives
            total.extra += score.extra
    print(f"| **{total.name}** | | {total.found} of {total.positives} ({percent(total.found, total.positives)}) "
          f"| {total.flagged} of {total.negatives} ({percent(total.flagged, total.negatives)}) | {total.extra} |")
    goker = scores[-1]
    if goker is not None:
        print(f"\nGoKer blocked sends found: {goker.found} of {goker.positives}; "
              f"under a lock: {goker.lock_found} of {goker.lock_sends}")
    missing = [s for s, score in zip(WANT_SUITES + GOSEC_SUITES + [GOKER], scores) if score is None]
    for suite in missing:
        print(f"not found under {root}: {suite[0]} ({suite[1]})", file=sys.stderr)
    if args.details:
        for score in scores:
            if score is None:
                continue
            for miss in score.missed:
                print(f"miss  {score.name}: {miss}")
            for flagged in score.false:
                print(f"flag  {score.name}: {flagged}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
