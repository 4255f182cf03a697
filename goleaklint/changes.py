"""`--new-from-rev REV`: keep only findings on lines changed since REV, as
golangci-lint's option of the same name does.

Changed lines come from `git diff -U0 REV` (the working tree against REV, staged or
not); files git does not track yet count as changed everywhere. Renamed files keep
their old findings hidden: only the lines the rename changed are new.
"""

from __future__ import annotations

import os
import re
import subprocess

from goleaklint.model import Finding

_HUNK = re.compile(r"^@@ -\S+ \+(\d+)(?:,(\d+))? @@")
ALL_LINES = None  # a file git does not track: every line is new


class ChangesError(Exception):
    pass


def _git(args: list[str], cwd: str) -> str:
    try:
        done = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd,
                              capture_output=True, text=True, check=False)
    except OSError as exc:
        raise ChangesError(f"--new-from-rev needs git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        raise ChangesError(f"git {args[0]}: {done.stderr.strip() or 'failed'}")
    return done.stdout


def _unquote(name: str) -> str:
    # git C-quotes names with control characters, '"' or '\' (octal escapes for bytes).
    if name.startswith('"'):
        raw = name[1:-1].encode("utf-8").decode("unicode_escape").encode("latin-1")
        return raw.decode("utf-8", "replace")
    return name


def changed_lines(rev: str, cwd: str = ".") -> tuple[str, dict[str, set[int] | None]]:
    """The git top level, and per path (relative to it) the line numbers added or
    changed since `rev` (ALL_LINES for untracked files)."""
    top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], top)
    diff = _git(["diff", "-U0", "-M", "--no-color", "--no-ext-diff", "--src-prefix=a/",
                 "--dst-prefix=b/", rev, "--"], top)
    changed: dict[str, set[int] | None] = {}
    lines: set[int] | None = None
    for row in diff.splitlines():
        if row.startswith("+++ "):
            # git ends a name holding a space with a tab, as diff(1) does
            name = _unquote(row[4:].removesuffix("\t"))
            lines = changed.setdefault(name[2:], set()) if name.startswith("b/") else None
        elif lines is not None and (hunk := _HUNK.match(row)):
            start, count = int(hunk[1]), int(hunk[2] if hunk[2] is not None else 1)
            lines.update(range(start, start + count))
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0"):
        if name:
            changed[name] = ALL_LINES
    return top, changed


def only_changed(findings: list[Finding], rev: str) -> list[Finding]:
    """The findings on lines changed since `rev`, each diffed in its own repository
    (a scan may span several checkouts: `rev` must exist in each)."""
    tops: dict[str, str] = {}
    changes: dict[str, dict[str, set[int] | None]] = {}
    kept = []
    for f in findings:
        folder = os.path.dirname(os.path.realpath(f.path))
        if folder not in tops:
            where = folder if os.path.isdir(folder) else "."  # --stdin-filename may name no real folder
            tops[folder] = os.path.realpath(_git(["rev-parse", "--show-toplevel"], where).strip())
        top = tops[folder]
        if top not in changes:
            changes[top] = changed_lines(rev, top)[1]
        path = os.path.relpath(os.path.realpath(f.path), top).replace(os.sep, "/")
        lines = changes[top].get(path, set())
        if lines is ALL_LINES or any(n in lines for n in range(f.line, f.end_line + 1)):
            kept.append(f)
    return kept
