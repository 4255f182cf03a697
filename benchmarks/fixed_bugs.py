"""Recall on leaks that real projects fixed: is the bug found before the fix, silent after it?

    python benchmarks/fixed_bugs.py MIRRORS [--bugs benchmarks/fixed_bugs.toml] [--details] [--work DIR]

benchmarks/fixed_bugs.toml lists real, fixed leaks of the kinds the rules cover, by
reference only (no code of those projects is kept here): the repository, the fixing
commit, the file, the function and line that leaked in the commit's first parent, the
rule expected to report it, a one-line description and a link to the fix.

MIRRORS is a folder holding a git repository of each project with its history. A
repository `owner/name` is looked for at `MIRRORS/owner+name/repo` (the layout of the
session tool `fetch github:owner/name`, a bare git directory), `MIRRORS/owner/name`
or `MIRRORS/name` (a `git clone`). Without the fetch tool:

    mkdir -p ~/bugs && cd ~/bugs
    git clone https://github.com/google/gnostic google/gnostic   # one per repo in the toml
    python benchmarks/fixed_bugs.py ~/bugs

For each bug, the file's folder (the file and its same-package siblings, so the
package-wide facts the rules use are there, plus the nearest go.mod above them, and the
non-test files of the other packages of that module that the file imports, whose
exported functions the ownership summaries read) is written at
two commits, the fix's first parent ("before") and the fix ("after"), into a scratch
folder outside this repository (--work keeps it; default: a temporary folder), and
goleaklint scans all of them in one run (`check --format json -j 1 --no-cache`).

- found: before the fix, a finding of the expected rule inside the named function (any
  function of that name in the file: `init` may repeat; a method is named without its
  receiver), on a `go` statement of the file that starts it (`go f()`, `go x.f()`: the
  goroutine that runs the function begins there, and a goroutine rule may report its
  leak at the start), or within LINE_SLACK lines of the recorded line.
- silent after the fix: after the fix, no finding of the expected rule inside the
  function of that name or on a `go` statement starting it (or, if the fix removed the
  function, near the recorded line).

The table counts each rule and all bugs; silent-after-fix is given over all bugs (a
miss is silent too, as in the held-out set's measure) and over the bugs found.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from goleaklint import parsing  # noqa: E402
from peer_suites import functions, percent  # noqa: E402

LINE_SLACK = 3
BUGS = os.path.join(ROOT, "benchmarks", "fixed_bugs.toml")


@dataclass
class Bug:
    id: str
    repo: str
    fix: str
    path: str
    function: str
    line: int
    rule: str
    description: str
    link: str


@dataclass
class Outcome:
    bug: Bug
    found: bool
    silent_after: bool
    before: list[dict]  # findings of the expected rule at the site before the fix
    after: list[dict]  # ... after the fix
    error: str = ""


def load(path: str) -> list[Bug]:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    return [Bug(**entry) for entry in data["bug"]]


def site_lines(source: bytes, function: str) -> list[tuple[int, int]]:
    """The 1-based line spans of the file's functions named function, and of the file's
    `go` statements that start one of that name (`go f(...)`, `go x.f(...)`)."""
    return [(first, last) for name, first, last in functions(source) if name == function] + \
        go_starts(source, function)


def go_starts(source: bytes, function: str) -> list[tuple[int, int]]:
    """The 1-based line spans of the `go` statements of source whose call names function,
    plain or as a selector's field."""
    spans = []
    stack = [parsing.parse(source)]
    while stack:
        node = stack.pop()
        if node.type == "go_statement":
            call = next((c for c in node.named_children if c.type == "call_expression"), None)
            callee = call.child_by_field_name("function") if call is not None else None
            if callee is not None and callee.type == "selector_expression":
                callee = callee.child_by_field_name("field")
            if callee is not None and callee.type in ("identifier", "field_identifier") and \
                    callee.text.decode() == function:
                spans.append((node.start_point[0] + 1, node.end_point[0] + 1))
        stack.extend(node.children)
    return spans


def at_site(findings: list[dict], rule: str, spans: list[tuple[int, int]], line: int | None) -> list[dict]:
    """The findings of rule inside one of spans, or within LINE_SLACK of line."""
    return [f for f in findings if f["rule"] == rule and (
        any(first <= f["line"] <= last for first, last in spans)
        or (line is not None and abs(f["line"] - line) <= LINE_SLACK))]


def judge(bug: Bug, before_source: bytes, before: list[dict],
          after_source: bytes | None, after: list[dict]) -> Outcome:
    """before/after: the findings in the bug's file before and after the fix; after_source
    None when the fix deleted the file."""
    hits = at_site(before, bug.rule, site_lines(before_source, bug.function), bug.line)
    after_spans = site_lines(after_source, bug.function) if after_source is not None else []
    # the recorded line only stands for the site after the fix when the function is gone
    stays = at_site(after, bug.rule, after_spans, None if after_spans else bug.line)
    return Outcome(bug, bool(hits), not stays, hits, stays)


def git_dir(mirrors: str, repo: str) -> str | None:
    owner, name = repo.split("/")
    for candidate in (os.path.join(mirrors, f"{owner}+{name}", "repo"),
                      os.path.join(mirrors, owner, name), os.path.join(mirrors, name)):
        if os.path.isdir(candidate):
            return candidate
    return None


def git(gitdir: str, *args: str) -> bytes:
    return subprocess.run(["git", "-C", gitdir, *args], capture_output=True, check=True).stdout


def _repository_path(gitdir: str, rev: str, path: str) -> str:
    """The import path the repository had at rev, read from path's imports: the first
    `host/owner/name/rest` whose `rest` is a folder of the repository (a renamed
    repository keeps its old import path in old commits); "" when none says."""
    try:
        head = git(gitdir, "show", f"{rev}:{path}").split(b"\nfunc ", 1)[0]
    except subprocess.CalledProcessError:
        return ""
    for match in _IMPORT.finditer(head):
        parts = match.group(1).decode().split("/")
        if len(parts) > 3 and "." in parts[0] and \
                git(gitdir, "ls-tree", "--name-only", rev, "/".join(parts[3:])).strip():
            return "/".join(parts[:3])
    return ""


def write_package(gitdir: str, rev: str, path: str, dest: str, repo: str = "") -> tuple[bytes | None, str]:
    """Write path's folder's .go files and the nearest go.mod above them at rev under dest,
    and the .go files (not tests) of the other packages of that module that path imports:
    what a checkout has and the package-wide and module-wide facts the rules read need.
    A repository without a go.mod (GOPATH era) is written where GOPATH puts it,
    dest/src/<its import path> (`_repository_path`, else github.com/owner/name), with the
    packages of the repository that path imports. (path's text or None if it is not there at rev, the folder under dest that
    the repository's root was written to, "" or the GOPATH one.)"""
    folder = os.path.dirname(path)
    names = git(gitdir, "ls-tree", "--name-only", rev, *([folder + "/"] if folder else [])).decode().split("\n")
    wanted = [n for n in names if n.endswith(".go")]
    parts = folder.split("/") if folder else []
    under = ""
    for depth in range(len(parts), -1, -1):
        gomod = "/".join(parts[:depth] + ["go.mod"])
        if git(gitdir, "ls-tree", "--name-only", rev, gomod).strip():
            wanted.append(gomod)
            wanted += _imported_packages(gitdir, rev, path, gomod, folder)
            break
    else:
        prefix = _repository_path(gitdir, rev, path) or (f"github.com/{repo}" if repo else "")
        if prefix:
            under = f"src/{prefix}"
            wanted += _imported_packages(gitdir, rev, path, "", folder, prefix)
    text = None
    for name in wanted:
        data = git(gitdir, "show", f"{rev}:{name}")
        target = os.path.join(dest, under, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(data)
        if name == path:
            text = data
    return text, under


_MODULE = re.compile(rb"^module[ \t]+\"?([^\s\"]+)", re.M)
_IMPORT = re.compile(rb'"([^"\n]+)"')


def _imported_packages(gitdir: str, rev: str, path: str, gomod: str, folder: str, prefix: str = "") -> list[str]:
    """The .go files (not tests) at rev of the packages of gomod's module (or, without a
    gomod, of the repository whose import path is prefix) that path imports."""
    module = _MODULE.search(git(gitdir, "show", f"{rev}:{gomod}")) if gomod else None
    try:
        source = git(gitdir, "show", f"{rev}:{path}")
    except subprocess.CalledProcessError:
        return []
    head = source.split(b"\nfunc ", 1)[0]  # the imports come before the first function
    if module is None and not prefix:
        return []
    prefix, root = (module.group(1).decode(), os.path.dirname(gomod)) if module is not None else (prefix, "")
    found = []
    for match in _IMPORT.finditer(head):
        imported = match.group(1).decode()
        if not imported.startswith(prefix + "/"):
            continue
        other = "/".join(p for p in (root, imported[len(prefix) + 1:]) if p)
        if other == folder:
            continue
        names = git(gitdir, "ls-tree", "--name-only", rev, other + "/").decode().split("\n")
        found += [n for n in names if n.endswith(".go") and not n.endswith("_test.go")]
    return found


MIN_CONFIDENCE = "medium"  # --min-confidence: the default, what users see


def scan(folder: str) -> dict[str, list[dict]]:
    """goleaklint's findings under folder, by path relative to folder."""
    proc = subprocess.run(
        [sys.executable, "-m", "goleaklint", "check", "--format", "json", "--no-cache", "-j", "1",
         "--fail-on", "never", "--no-default-excludes", "--min-confidence", MIN_CONFIDENCE, folder],
        capture_output=True, text=True, cwd=ROOT,
    )
    by_path: dict[str, list[dict]] = {}
    for finding in json.loads(proc.stdout)["findings"]:
        rel = os.path.relpath(os.path.realpath(finding["path"]), os.path.realpath(folder))
        by_path.setdefault(rel, []).append(finding)
    return by_path


def evaluate(bugs: list[Bug], mirrors: str, work: str) -> list[Outcome]:
    sources: dict[str, tuple[bytes | None, bytes | None]] = {}
    errors: dict[str, str] = {}
    places: dict[str, tuple[str, str]] = {}  # the file before and after the fix, under work
    for bug in bugs:
        gitdir = git_dir(mirrors, bug.repo)
        if gitdir is None:
            errors[bug.id] = f"no repository {bug.repo} under {mirrors}"
            continue
        try:
            parent = git(gitdir, "rev-parse", f"{bug.fix}^1").decode().strip()
            before, under = write_package(gitdir, parent, bug.path, os.path.join(work, bug.id, "before"), bug.repo)
            after, later = write_package(gitdir, bug.fix, bug.path, os.path.join(work, bug.id, "after"), bug.repo)
        except subprocess.CalledProcessError as exc:
            errors[bug.id] = f"git: {exc.stderr.decode(errors='replace').strip()}"
            continue
        if before is None:
            errors[bug.id] = f"{bug.path} is not in {bug.fix}^1"
            continue
        sources[bug.id] = (before, after)
        places[bug.id] = (os.path.join(bug.id, "before", under, bug.path), os.path.join(bug.id, "after", later, bug.path))
    findings = scan(work) if sources else {}
    outcomes = []
    for bug in bugs:
        if bug.id in errors:
            outcomes.append(Outcome(bug, False, False, [], [], errors[bug.id]))
            continue
        before, after = sources[bug.id]
        outcomes.append(judge(bug, before, findings.get(os.path.normpath(places[bug.id][0]), []),
                              after, findings.get(os.path.normpath(places[bug.id][1]), [])))
    return outcomes


def report(outcomes: list[Outcome], details: bool = False) -> str:
    judged = [o for o in outcomes if not o.error]
    lines = ["| rule | bugs | projects | found | silent after the fix | silent after the fix, of those found |",
             "|---|---|---|---|---|---|"]
    groups = sorted({o.bug.rule for o in judged})
    for name, group in [(rule, [o for o in judged if o.bug.rule == rule]) for rule in groups] + [("all", judged)]:
        found = [o for o in group if o.found]
        silent = sum(o.silent_after for o in group)
        silent_found = sum(o.silent_after for o in found)
        label = "**all**" if name == "all" else name
        lines.append(f"| {label} | {len(group)} | {len({o.bug.repo for o in group})} "
                     f"| {len(found)} of {len(group)} ({percent(len(found), len(group))}) "
                     f"| {silent} of {len(group)} ({percent(silent, len(group))}) "
                     f"| {silent_found} of {len(found)} ({percent(silent_found, len(found))}) |")
    for o in outcomes:
        if o.error:
            lines.append(f"not judged {o.bug.id}: {o.error}")
    if details:
        for o in judged:
            if o.found:
                lines.append(f"found {o.bug.id} {o.bug.rule} {o.bug.path}:{o.before[0]['line']}: "
                             f"{o.before[0]['message']}")
        for o in judged:
            if not o.found:
                lines.append(f"miss  {o.bug.id} {o.bug.rule} {o.bug.path}:{o.bug.line} "
                             f"{o.bug.function}: {o.bug.description}")
        for o in judged:
            for f in o.after:
                lines.append(f"after {o.bug.id} {o.bug.rule} {o.bug.path}:{f['line']}: {f['message']}")
    return "\n".join(lines)


def main() -> int:
    global MIN_CONFIDENCE
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mirrors", help="folder of the projects' git repositories")
    parser.add_argument("--bugs", default=BUGS, help="the bug list (default: %(default)s)")
    parser.add_argument("--details", action="store_true", help="list each bug found (with its finding), each miss, and each finding left after a fix")
    parser.add_argument("--min-confidence", default=MIN_CONFIDENCE, choices=("high", "medium", "low"),
                        help="passed to goleaklint check (default: %(default)s, what users see)")
    parser.add_argument("--work", help="scratch folder to keep (default: a temporary one); not inside this repository")
    args = parser.parse_args()
    MIN_CONFIDENCE = args.min_confidence
    try:
        bugs = load(args.bugs)
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        print(f"cannot read the bug list {args.bugs}: {exc}", file=sys.stderr)
        return 2
    if args.work:
        work = os.path.abspath(args.work)
        if os.path.commonpath([work, ROOT]) == ROOT:
            print("--work must be outside the repository", file=sys.stderr)
            return 2
        os.makedirs(work, exist_ok=True)
        outcomes = evaluate(bugs, os.path.abspath(args.mirrors), work)
    else:
        with tempfile.TemporaryDirectory() as work:
            outcomes = evaluate(bugs, os.path.abspath(args.mirrors), work)
    print(report(outcomes, args.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
