"""files -> prefilter -> parse -> one query pass -> rule checks -> suppress -> sort.

`analyze_source` does one file and returns plain data (JSON-able through
`FileResult.to_dict`), so the same code serves a serial scan, a process pool and the
result cache.
"""

from __future__ import annotations

import ctypes
import dataclasses
import gc
import json
import multiprocessing
import os
import re
import signal
import sys
import tempfile
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

try:  # one pass over a file for all the rules' triggers (a pass per trigger without it)
    from ahocorasick_rs import BytesAhoCorasick
except ImportError:  # pragma: no cover
    BytesAhoCorasick = None

from goleaklint import parsing
from goleaklint.cache import Cache, Version, config_key, content_hash, file_stat
from goleaklint.config import Patterns
from goleaklint.model import (Context, Finding, Report, Rule, Severity, Span, fingerprints,
                              span_of)
from goleaklint.rules import BY_CODE, BY_NAME, query_text
from goleaklint.analysis.names import names_for
from goleaklint.analysis import gomod
from goleaklint.analysis import package
from goleaklint.analysis.package import imports_unchanged, imports_used, siblings_used, unchanged
from goleaklint.syntax import enclosing_function, forget, function_name, is_test_file, text
from goleaklint.suppressions import Directive, parse_directive

DEFAULT_EXCLUDED_DIRS = ("vendor", "testdata")
_GENERATED = re.compile(rb"^// Code generated .* DO NOT EDIT\.\r?$", re.M)
_PACKAGE = re.compile(rb"^package\s", re.M)
KNOWN_NAMES = set(BY_CODE) | set(BY_NAME)
# Part of the cache key: results cached before findings carried fixes lack them,
# before their siblings were a digest hold them as a list, and before GL003's package
# check summarised receivers itself hold its summaries.
RESULT_FORMAT = "fixes, sibling digests, received fields"


@dataclass
class Settings:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    default_excludes: bool = True
    include_generated: bool = False
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    jobs: int = 0  # 0: one process per core
    cache_dir: str | None = None  # None: no cache
    debug: bool = False  # let internal errors raise, with their traceback
    file_budget: float = 60.0  # seconds of analysis per file; 0: no limit
    # Whether findings of low confidence are shown: when not, rules whose findings in a
    # test file are of low confidence only are left out there (Rule.tests_shown).
    low_shown: bool = True


@dataclass
class Problem:
    """A file the scan could not fully do (error) or did only in part (note)."""

    path: str
    message: str
    line: int = 0
    column: int = 0

    def to_dict(self) -> dict:
        data = {"path": self.path, "message": self.message}
        if self.line:
            data.update(line=self.line, column=self.column)
        return data


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    stopped: bool = False  # the time budget ran out: never cached

    def to_dict(self) -> dict:
        """Plain JSON data, for the cache (never pickle: a cache can come with a checkout)."""
        return {
            "path": self.path,
            "findings": [f.to_dict(full=True) for f in self.findings],
            "directives": [d.to_dict() for d in self.directives],
            "facts": self.facts,
            "errors": [dataclasses.asdict(e) for e in self.errors],
            "notes": [dataclasses.asdict(n) for n in self.notes],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "FileResult":
        return cls(
            path=data["path"],
            findings=[Finding.from_dict(f) for f in data["findings"]],
            directives=[Directive.from_dict(d) for d in data["directives"]],
            facts=data["facts"],
            errors=[Problem(**e) for e in data["errors"]],
            notes=[Problem(**n) for n in data["notes"]],
        )


@dataclass
class ScanResult:
    findings: list[Finding]
    errors: list[Problem]
    notes: list[Problem]
    files: int
    seconds: float
    rules: list[Rule]
    paths: list[str] = field(default_factory=list)  # the files scanned, as reported
    results: list[FileResult] = field(default_factory=list)  # per file, for the fixer
    unsafe_fixes: bool = False  # whether unsafe fixes count as fixable (formatters)
    hidden: int = 0  # findings below the min-confidence of their file's config
    # test files some rule was left out of, as it would have found only hidden findings
    # there (Settings.low_shown)
    unchecked: int = 0


# --- discovery -------------------------------------------------------------------


def default_skip(settings: Settings) -> Callable[[str, bool], bool]:
    """Discovery's test of a path found below a root (a folder, or a file): the default
    excluded folders and `settings.exclude`, gitignore patterns anchored at the current
    directory. The command line uses `project.Project.skip`, which knows config files."""
    exclude = Patterns(".", settings.exclude)

    def skip(path: str, is_dir: bool) -> bool:
        name = os.path.basename(path)
        if is_dir and settings.default_excludes and (name[:1] in "._" or name in DEFAULT_EXCLUDED_DIRS):
            return True
        return exclude.match(path, is_dir)

    return skip


def _norm(path: str) -> str:
    path = os.path.normpath(path)
    return path.replace(os.sep, "/")


def discover(paths: list[str], settings: Settings,
             skip: Callable[[str, bool], bool] | None = None,
             listing: dict[str, list[str]] | None = None) -> tuple[list[str], list[Problem]]:
    """The .go files under paths, sorted and unique, and the paths that do not exist.
    `skip(path, is_dir)` (default: `default_skip`) is asked about each folder below a
    root and each file, so default excludes apply only below a root. listing, when
    given, gets each folder walked -> its `package.go_files` (for `package.listing_held`)."""
    skip = skip or default_skip(settings)
    files: list[str] = []
    problems: list[Problem] = []
    for root in paths:
        if root == "..." or root.endswith("/..."):  # Go's package pattern: dir and below
            root = root[:-3].rstrip("/") or "."
        root_norm = _norm(root)
        if os.path.isfile(root):
            if not skip(root_norm, False):
                files.append(root_norm)
            continue
        if not os.path.isdir(root):
            what = "does not exist" if not os.path.lexists(root) else "is not a file or directory"
            problems.append(Problem(root_norm, f"path {what}"))
            continue
        for dirpath, dirnames, filenames in os.walk(root, onerror=None):
            folder = _norm(dirpath)
            if listing is not None:
                listing[folder] = sorted(n for names in (dirnames, filenames) for n in names
                                         if n.endswith(".go") and not n.startswith((".", "_")))
            # The folder's normal path, then each name: no path of the walk to normalise again.
            prefix = "" if folder == "." else folder if folder.endswith("/") else folder + "/"
            dirnames[:] = [d for d in sorted(dirnames) if not skip(prefix + d, True)]
            for name in sorted(filenames):
                if name.endswith(".go") and not skip(prefix + name, False):
                    files.append(prefix + name)
    return sorted(set(files)), problems


def is_generated(source: bytes) -> bool:
    package = _PACKAGE.search(source)
    header = source[: package.start()] if package else source
    return _GENERATED.search(header) is not None


# --- one file ---------------------------------------------------------------------


@lru_cache(maxsize=None)
def _triggers(codes: tuple[str, ...]) -> tuple[Any, tuple[bytes, ...], tuple[tuple[frozenset[str], frozenset[str]], ...]]:
    """The triggers and required words of the rules codes, and the words the engine
    reads (_ENGINE_WORDS): an automaton that finds them all in one pass (None without
    ahocorasick_rs), the words, and for each the rules it triggers and the rules it is
    required by."""
    owners: dict[bytes, tuple[set[str], set[str]]] = {word: (set(), set()) for word in _ENGINE_WORDS}
    for code in codes:
        for trigger in BY_CODE[code].triggers:
            owners.setdefault(trigger, (set(), set()))[0].add(code)
        for word in BY_CODE[code].requires:
            owners.setdefault(word, (set(), set()))[1].add(code)
    words = tuple(sorted(owners))
    automaton = BytesAhoCorasick(words) if BytesAhoCorasick is not None and words else None
    return automaton, words, tuple((frozenset(owners[w][0]), frozenset(owners[w][1])) for w in words)


@lru_cache(maxsize=None)
def _checked(codes: tuple[str, ...]) -> tuple[tuple[str, Rule], ...]:
    """(code, rule) of the rules of codes that have a check, looked up once: `triggered`
    asks for each file of the scan."""
    return tuple((code, BY_CODE[code]) for code in codes if BY_CODE[code].check is not None)


def trigger_hits(codes: tuple[str, ...], source: bytes) -> set[int]:
    """The indexes of the words of `_triggers(codes)` that occur in source."""
    automaton, words, _ = _triggers(codes)
    if automaton is not None:
        return {i for i, _, _ in automaton.find_matches_as_indexes(source, overlapping=True)}
    return {i for i, word in enumerate(words) if word in source}


def triggered(codes: tuple[str, ...], path: str, source: bytes, rule_options: dict[str, dict],
              found: set[int] | None = None, ranges: Callable[[str], list] | None = None) -> tuple[str, ...]:
    """The rules of codes to run on source (the file at path): those with a check, with
    options set in the config (they may name calls that the built-in triggers do not
    cover), with a trigger somewhere in source (or no triggers) and, when the rule
    requires words, one of them, or else whose package trigger says so. The files of
    a scan are mostly not Go code any rule is about: finding the triggers is a pass
    over every byte of the tree, so it is one pass for all of them (a pass per trigger
    cost as much as parsing half the tree). `found`, when given, is the indexes of the
    words of `_triggers(codes)` that occur in source, and `ranges(code)` gives
    `anchor_ranges(code, source)` (the editor server keeps them from one version to
    the next)."""
    _, _, owners = _triggers(codes)
    if found is None:
        found = trigger_hits(codes, source)
    if ranges is None:
        ranges = lambda code: anchor_ranges(code, source)  # noqa: E731
    hit: set[str] = set().union(*(owners[i][0] for i in found))
    met: set[str] = set().union(*(owners[i][1] for i in found))
    return tuple(c for c, rule in _checked(codes) if (
        c in rule_options or ((not rule.triggers or c in hit)
                              and (not rule.requires or c in met)
                              and (rule.anchored is None or ranges(c))
                              and (rule.package_requires is None or rule.package_requires(path, source)))
        or (rule.package_trigger is not None and rule.package_trigger(path, source))))


@lru_cache(maxsize=None)
def _anchor_automaton(code: str) -> Any:
    anchors = BY_CODE[code].anchors
    return BytesAhoCorasick(anchors) if BytesAhoCorasick is not None else None


@lru_cache(maxsize=8)
def anchor_ranges(code: str, source: bytes) -> list[tuple[int, int]]:
    """The byte ranges of source where the anchors of the rule code occur (those its
    `anchored` accepts), in order, overlapping ones merged. Remembered for the last
    few files: `triggered` asks first, then the query pass (and the editor's re-runs).
    Shared: do not modify."""
    rule = BY_CODE[code]
    automaton = _anchor_automaton(code)
    if automaton is not None:
        found = [(start, end) for _, start, end in automaton.find_matches_as_indexes(source, overlapping=True)]
    else:
        found = [(m.start(), m.start() + len(word)) for word in rule.anchors
                 for m in re.finditer(b"(?=" + re.escape(word) + b")", source)]
    if rule.anchored is not None:
        found = [(start, end) for start, end in found if rule.anchored(source, start, end)]
    ranges: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if ranges and start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))
    return ranges


@lru_cache(maxsize=None)
def _rule_query(code: str) -> Any:
    """A rule's compiled query, once per process."""
    return parsing.compile_query(query_text(BY_CODE[code]))


@lru_cache(maxsize=None)
def _combined(codes: tuple[str, ...]) -> tuple[Any, tuple[tuple[str, int], ...]]:
    """One query with the patterns of the rules `codes`, and for each of its patterns,
    the rule and the index of the pattern in the rule's own query."""
    rules = [BY_CODE[c] for c in codes if BY_CODE[c].check is not None]
    owners = tuple((rule.code, i) for rule in rules for i in range(_rule_query(rule.code).pattern_count))
    return parsing.compile_query("\n".join(query_text(rule) for rule in rules)), owners


# A query pass costs over a quarter of a parse whatever its patterns (its walk of the
# tree), so one pass of the patterns of all the rules a file triggered beats a pass
# per rule, while one pass of the patterns of every rule of the run costs more than
# the separate passes. Compiling a set of rules' patterns together costs 5-20 ms: a
# set is combined from the COMBINED_AFTER-th file of this process that triggers
# exactly it (over the corpus, serially, compilation included: 4.0 s of query passes
# when combined from the 16th file, 3.8 s from the 2nd).
COMBINED_AFTER = 2
_seen: dict[tuple[str, ...], int] = {}


def _matches(codes: tuple[str, ...], active: tuple[str, ...], root: Any, source: bytes,
             rule_options: dict[str, dict]) -> dict[str, list[tuple[int, dict[str, list[Any]]]]]:
    """The query matches in root of each rule of active, as its own query gives them:
    those of a rule with anchors found around them only, the others' in one pass."""
    found: dict[str, list[tuple[int, dict[str, list[Any]]]]] = {code: [] for code in active}
    whole = _unanchored(active, rule_options)
    for code in active:
        if code not in whole:
            found[code] = parsing.matches_around(_rule_query(code), root, anchor_ranges(code, source))
    if not whole:
        return found
    seen = _seen[whole] = _seen.get(whole, 0) + 1
    if len(whole) == 1 or seen < COMBINED_AFTER:
        found.update((code, parsing.matches(_rule_query(code), root)) for code in whole)
        return found
    query, owners = _combined(whole)
    for index, captures in parsing.matches(query, root):
        code, own = owners[index]
        found[code].append((own, captures))
    return found


def _unanchored(codes: tuple[str, ...], rule_options: dict[str, dict]) -> tuple[str, ...]:
    """The rules of codes whose query runs over whole files."""
    return tuple(c for c in codes if not BY_CODE[c].anchors or c in rule_options)


def _finding(rule: Rule, path: str, report: Report, source: bytes = b"", root: Any = None) -> Finding:
    function = snippet = ""
    if isinstance(report.at, Span):
        span = report.at
    else:
        span = span_of(report.at)
        func = names_for(source, report.at, root).enclosing_function(report.at) \
            if root is not None else enclosing_function(report.at)
        function = function_name(func, source) if func is not None else ""
        snippet = " ".join(text(source, report.at).split())[:200]
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=report.severity or rule.severity,
        confidence=report.confidence or rule.confidence,
        path=path,
        line=span.line,
        column=span.column,
        end_line=span.end_line,
        end_column=span.end_column,
        message=report.message,
        function=function,
        snippet=snippet,
        related=tuple((at if isinstance(at, Span) else span_of(at), what) for at, what in report.related),
        fix=report.fix,
    )


class BudgetExceeded(BaseException):
    """The file's time budget ran out. A BaseException, so that no `except Exception`
    in a rule can take it for an error of its own."""


class _Watchdog:
    """Raises BudgetExceeded in a thread other than the main one when its deadline
    passes (signals reach only the main thread): one daemon thread per process sleeps
    until the nearest deadline and raises the exception asynchronously in the late
    thread, at its next Python instruction, as a signal handler would."""

    def __init__(self) -> None:
        self.wake = threading.Condition()
        self.deadlines: dict[int, float] = {}  # thread ident -> time.monotonic() deadline
        self.fired: set[int] = set()
        threading.Thread(target=self._run, name="goleaklint-budget", daemon=True).start()

    def _run(self) -> None:
        with self.wake:
            while True:
                now = time.monotonic()
                for ident, deadline in list(self.deadlines.items()):
                    if deadline <= now:
                        del self.deadlines[ident]
                        self.fired.add(ident)
                        _raise_in(ident, BudgetExceeded)
                self.wake.wait(min(self.deadlines.values(), default=now + 3600) - now)

    @contextmanager
    def watch(self, seconds: float):
        ident = threading.get_ident()
        with self.wake:
            self.fired.discard(ident)
            self.deadlines[ident] = time.monotonic() + seconds
            self.wake.notify()
        try:
            yield
        finally:
            with self.wake:
                self.deadlines.pop(ident, None)
                if ident in self.fired:  # fired as the block ended: not delivered yet
                    self.fired.discard(ident)
                    _raise_in(ident, None)


def _raise_in(ident: int, exception: type[BaseException] | None) -> None:
    """Make `exception` pending in thread ident (None: withdraw a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), ctypes.py_object(exception) if exception is not None else None)


# pid -> its watchdog, started on first use (a forked child starts its own: the
# parent's thread is not copied into it)
_watchdogs: dict[int, _Watchdog] = {}


@contextmanager
def time_budget(seconds: float):
    """Raise BudgetExceeded in the code of the with-block after `seconds` (a real-time
    timer, so any Python loop is stopped; a long call into C ends first). In the main
    thread a SIGALRM timer does it, in any other thread (an editor's or embedder's
    lint thread) the watchdog; 0: no limit."""
    if not seconds:
        yield
        return
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        if not hasattr(ctypes, "pythonapi"):
            yield
            return
        watchdog = _watchdogs.get(os.getpid())
        if watchdog is None:
            watchdog = _watchdogs[os.getpid()] = _Watchdog()
        with watchdog.watch(seconds):
            yield
        return

    held = signal.getsignal(signal.SIGALRM) is _expire  # set for the whole scan (_alarm_held)
    previous = None if held else signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        if not held:
            signal.signal(signal.SIGALRM, previous)


def _expire(signum, frame):
    raise BudgetExceeded


@contextmanager
def _alarm_held() -> Iterator[None]:
    """The budget's SIGALRM handler set once across the files of a scan (where this
    thread can set it), instead of set and restored around each file's analysis."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    try:
        yield
    finally:
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _collector_paused():
    """The rules make many short-lived lists of syntax nodes; the cyclic garbage
    collector's full passes over them took more than half the analysis of a
    75,000-line file (2 s of 3.5 s). Paused while they run, it resumes afterwards
    (reference counting frees almost all of it meanwhile)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def analyze_source(
    path: str, source: bytes, codes: tuple[str, ...], rule_options: dict[str, dict],
    debug: bool = False, root: Any = None, budget: float = 0,
    matches: dict[str, list] | None = None, alone: bool = False, low_shown: bool = True,
) -> FileResult:
    """Run the rules `codes` on one file's bytes (`root`: its syntax tree, when the
    caller has parsed it already), for at most `budget` seconds of rule checks (0: no
    limit): past it, what was found until then is kept and a note says where the
    analysis stopped. `matches`, when given, gets each rule's query matches (the
    editor's incremental analysis notes which declarations each rule looked at).
    alone: the package checks will read this file's facts only (`Context.alone`).
    low_shown false: no finding of low confidence will be shown, so a test file is
    spared the rules that find only those there (`unshown`)."""
    result = FileResult(path)
    found = trigger_hits(codes, source)  # the directives' words too: one pass over the bytes
    active = triggered(codes, path, source, rule_options, found)
    words = _triggers(codes)[1]
    held = {words[i] for i in found if words[i] in _ENGINE_WORDS}
    mentioned = "GL000" in codes and b"goleaklint:" in held
    wanted = mentioned or not held.isdisjoint(_DIRECTIVE_WORDS)  # wants_directives
    if not low_shown and not wanted:
        left = unshown(path, source, active, rule_options)
        if left:
            active = tuple(c for c in active if c not in left)
            result.facts[UNSHOWN] = list(left)
    if not active and not mentioned:
        used = siblings_used(path, source)
        if used is not None:  # a package requirement read them (Rule.package_requires)
            result.facts["siblings"] = used
        return result
    by_bytes = root is None and _by_bytes(codes, path, source, active, wanted)
    if not by_bytes:
        root = package.parsed(source) if root is None else root  # shared with the readers of siblings
        result.notes += syntax_notes(path, root)
    if active:
        running: list[Rule] = []
        try:
            with time_budget(budget), _collector_paused():
                found = {code: [] for code in active}
                if not by_bytes:
                    found.update(_matches(codes, _queried(path, active, matches is not None), root,
                                          source, rule_options))
                if matches is not None:
                    matches.update(found)
                _run_rules(result, source, root, found, rule_options, debug, running, alone)
        except BudgetExceeded:
            result.stopped = True
            result.facts.pop(running[-1].code, None)
            result.notes.append(Problem(
                path, f"analysis of {path} stopped after {budget:g} s in {running[-1].code} "
                f"{running[-1].name}; the findings up to then are reported "
                "(--file-time-budget raises the limit)"))
    used = siblings_used(path, source)
    if used is not None:  # the result holds only while these files are unchanged (see _from_cache)
        result.facts["siblings"] = used
    imported = imports_used(path, source)
    if imported is not None:  # likewise for the files of other packages of the module
        result.facts["imports"] = imported
    module = gomod.used(path)
    if module is not None:  # likewise for the go.mod a rule read the Go version from
        result.facts["go.mod"] = module
    if result.findings or wanted:
        result.directives = directives(source, root)
    return result


# The fact of a file that names the rules left out of it as they would find nothing shown.
UNSHOWN = "unshown"


def unshown(path: str, source: bytes, active: tuple[str, ...], rule_options: dict[str, dict]) -> tuple[str, ...]:
    """The rules of active that would find nothing but findings of low confidence in the
    file at path: in a test file, those whose `Rule.tests_shown` says no to its bytes
    (options set in the config keep a rule in: they may change what it reports)."""
    if not is_test_file(path):
        return ()
    return tuple(c for c in active if BY_CODE[c].tests_shown is not None and c not in rule_options
                 and not BY_CODE[c].tests_shown(source))


def _by_bytes(codes: tuple[str, ...], path: str, source: bytes, active: tuple[str, ...],
              wanted: bool | None = None) -> bool:
    """Whether the rules active on the file at path read nothing but its path and
    bytes: a test file whose triggered rules all look only at those in tests
    (`Rule.tests_by_bytes`) and that holds no directive (wanted: `wants_directives`,
    when known). It is not parsed."""
    return bool(active) and is_test_file(path) and all(BY_CODE[c].tests_by_bytes for c in active) \
        and not (wants_directives(codes, source) if wanted is None else wanted)


def _queried(path: str, active: tuple[str, ...], editor: bool) -> tuple[str, ...]:
    """The rules of active whose query runs on the parsed file at path: in a test file,
    not those that read only its path and bytes there (`Rule.tests_by_bytes`), which
    another rule had it parsed for. The editor's analysis, which notes every rule's
    matches per declaration, runs them all."""
    if editor or not is_test_file(path):
        return active
    return tuple(c for c in active if not BY_CODE[c].tests_by_bytes)


def wants_directives(codes: Iterable[str], source: bytes) -> bool:
    """Whether an analysed file's directives must be read whatever its own checks found:
    it holds one (a package check may report in it later), or GL000 checks them."""
    return any(word in source for word in _DIRECTIVE_WORDS) or \
        ("GL000" in codes and b"goleaklint:" in source)


def syntax_notes(path: str, root: Any) -> list[Problem]:
    """The note on a file that did not parse cleanly, naming the first error."""
    bad = parsing.first_error(root)
    if bad is None:
        return []
    return [syntax_note(path, bad.start_point[0] + 1, bad.start_point[1] + 1)]


def syntax_note(path: str, line: int, column: int) -> Problem:
    return Problem(path, f"syntax error at {line}:{column}; analysed the intact parts", line, column)


# Every directive (suppressions.parse_directive) holds one of these.
_DIRECTIVE_WORDS = (b"goleaklint:ignore", b"nolint", b"#nosec")
# The words the engine looks for in every file, in the pass that finds the rules'
# triggers: the directives', and what GL000 reads a file for.
_ENGINE_WORDS = (*_DIRECTIVE_WORDS, b"goleaklint:")


def directives(source: bytes, root: Any) -> list[Directive]:
    """The file's suppression directives, in source order. Found by searching the bytes
    for what every directive holds, then reading the comment there: a pass over every
    comment of a large file costs more."""
    found: list[Directive] = []
    seen: set[int] = set()
    at = sorted(m.start() for word in _DIRECTIVE_WORDS for m in re.finditer(word, source))  # plain: fast
    for start in at:
        comment = root.descendant_for_byte_range(start, start + 1)
        if comment is None or comment.type != "comment" or comment.start_byte in seen:
            continue
        seen.add(comment.start_byte)
        directive = parse_directive(
            source[comment.start_byte : comment.end_byte].decode("utf-8", "replace"),
            span_of(comment),
            KNOWN_NAMES,
        )
        if directive is not None:
            found.append(directive)
    return found


def _run_rules(result: FileResult, source: bytes, root: Any,
               matches: dict[str, list[tuple[int, dict[str, list[Any]]]]],
               rule_options: dict[str, dict], debug: bool, running: list[Rule], alone: bool = False) -> None:
    """Each rule's check on the file (matches: the query matches of each rule to run);
    `running` gets each rule as it starts."""
    path = result.path
    for code, found in matches.items():
        rule = BY_CODE[code]
        running.append(rule)
        options = {**rule.options, **rule_options.get(rule.code, {})}
        ctx = Context(path, source, root, found, options, alone=alone)
        try:
            for report in rule.check(ctx):
                result.findings.append(_finding(rule, path, report, source, root))
        except Exception as exc:  # contain a rule's crash to this rule and file
            if debug:
                raise
            result.errors.append(
                Problem(path, f"internal error in {rule.code} {rule.name}: "
                        f"{type(exc).__name__}: {exc}")
            )
            continue
        if rule.package_check is not None:
            # Exactly what a cache round trip gives back, on cold runs too.
            result.facts[rule.code] = json.loads(json.dumps(ctx.facts))


def read_and_analyze(path: str, codes: tuple[str, ...], settings: Settings
                     ) -> tuple[FileResult, Version | None]:
    """One file from disk: its result, and for the cache the stat the file had before
    it was read with the hash of the bytes analysed (None when it could not be read;
    the hash is "" when the scan has no cache, and for a binary or generated file,
    which the cache then takes only while its stat is unchanged)."""
    held = _ahead.get(path)
    try:
        if held is not None:
            stat, source = file_stat(held[0]), held[1]
        else:
            info, source = package.read_file(path)
            stat = file_stat(info)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return FileResult(path, errors=[Problem(path, f"cannot read: {reason}")]), None
    if b"\0" in source:  # Go source never holds a NUL byte
        return FileResult(path, notes=[Problem(path, "binary file, not Go source: skipped")]), Version(stat, "")
    if not settings.include_generated and is_generated(source):
        # No hash: a generated file is found skipped again from its first lines, which
        # costs less than hashing it (two thirds of the corpus's bytes are generated).
        return FileResult(path), Version(stat, "")
    version = Version(stat, content_hash(source) if settings.cache_dir else "")
    try:
        # The whole analysis of a file, parsing and queries too, without the cyclic
        # collector: in a scan it took 7% of the time beyond pausing it for the rules.
        with _collector_paused():
            try:
                return analyze_source(path, source, codes, settings.rule_options, settings.debug,
                                      budget=settings.file_budget, low_shown=settings.low_shown), version
            finally:
                forget(source)  # freed now, while its memory is still in the CPU caches
    except Exception as exc:  # never let one file stop the scan
        if settings.debug:
            raise
        return FileResult(path, errors=[Problem(
            path, f"internal error: {type(exc).__name__}: {exc}")]), version


# The files read ahead (path -> (os.stat_result before the read, bytes)): see reading_ahead.
_ahead: dict[str, tuple[os.stat_result, bytes]] = {}
# Reading ahead stops once this many bytes are held.
AHEAD_BYTES = 64 << 20


@contextmanager
def reading_ahead(paths: list[str]) -> Iterator[None]:
    """Within: paths (a batch of files, a folder's mostly) read before they are
    analysed: the analysis of one file reads its siblings (analysis/package.py), which
    then come from memory instead of being read once more from disk; and, when one was
    read, each folder's go.mod looked up once (`gomod.modules_held`). A file that
    cannot be read is left to `read_and_analyze`."""
    _read_ahead(paths)
    try:
        with gomod.modules_held() if _ahead else nullcontext():
            yield
    finally:
        _read_ahead([])


def _read_ahead(paths: list[str]) -> None:
    """Hold the files of paths, in place of those held before."""
    _ahead.clear()
    total = 0
    for path in paths:
        try:
            info, source = package.read_file(path)
        except OSError:
            continue
        _ahead[path] = (info, source)  # read now: kept, not read a second time later
        total += len(source)
        if total >= AHEAD_BYTES:
            break
    package.read_ahead({path: ((info.st_size, info.st_mtime_ns), source)
                        for path, (info, source) in _ahead.items()})


_worker_args: tuple = ()


def _init_worker(codes: tuple[str, ...], settings: Settings, parent: int, shared: str) -> None:
    global _worker_args
    _worker_args = (codes, settings)
    package._shared[0] = shared  # where the workers share module indexes
    # Ctrl-C reaches the whole process group: the parent alone handles it. SIGINT
    # was blocked across the fork (_sigint_blocked), so one that comes while the worker
    # starts waits until it is ignored here instead of raising a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _exit_with_parent(parent)


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT held back (not lost) in this thread meanwhile, where the OS allows it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent dies (SIGKILL, the OOM killer, a supervisor's timeout)
    would wait for work forever, keeping the output pipe open: on Linux the kernel
    kills it (PR_SET_PDEATHSIG), elsewhere a thread watches the parent's pid. The
    check after prctl covers a parent that died before it took effect."""
    watched = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            watched = libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)
    if not watched:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()


def _work(paths: list[str]) -> list[tuple[FileResult | None, Version | None]]:
    """The results of a batch, None for an empty one (most files): the parent makes
    those itself instead of unpickling them (`_analyze_all`)."""
    done: list[tuple[FileResult | None, Version | None]] = []
    with reading_ahead(paths), _alarm_held():
        for path in paths:
            with _collector_held():
                result, version = read_and_analyze(path, *_worker_args)
            done.append((None if result == FileResult(path) else result, version))
    return done


def _batches(files: list[str], size: int) -> list[list[str]]:
    """files cut into batches of about size files, folder by folder (a folder larger
    than 4 x size is cut): a worker then reads and indexes a folder's files once,
    where with them dealt to every worker each did."""
    folders: dict[str, list[str]] = {}
    for path in files:
        folders.setdefault(os.path.dirname(path), []).append(path)
    batches: list[list[str]] = []
    for paths in folders.values():
        if batches and len(batches[-1]) + len(paths) <= size:
            batches[-1] += paths
        else:
            batches += [paths[i:i + 4 * size] for i in range(0, len(paths), 4 * size)]
    return batches


# A serial scan reads ahead at most this many files of a folder at once.
AHEAD_FILES = 128


def _folder_runs(files: list[str], size: int) -> Iterator[list[str]]:
    """files in order, cut where the folder changes and every size files."""
    run: list[str] = []
    for path in files:
        if run and (len(run) >= size or os.path.dirname(path) != os.path.dirname(run[0])):
            yield run
            run = []
        run.append(path)
    if run:
        yield run


# Files analysed between two full collections while a scan holds the collector off
# (every 5,000 files, each of the 7 of a serial corpus scan took 20-60 ms, and those
# after the first found nothing to free).
COLLECT_EVERY = 20000
_held = {"files": 0}


@contextmanager
def _collector_held() -> Iterator[None]:
    """The cyclic collector off across the files of a scan (in a worker, or around a
    serial scan's file), with a full collection every COLLECT_EVERY files. Pausing it
    per file (`_collector_paused`) left a collection to run after every file, over
    what the file's analysis still held: 10% of a whole-corpus scan. The analysis
    makes few cycles (collections during a corpus scan found none, and its peak
    memory is the same without any), and the periodic collection bounds what they
    can hold. What survives a collection is frozen, so that the next one does not go
    over it again (what the memos keep grows to 300,000 objects)."""
    gc.disable()
    try:
        yield
    finally:
        _held["files"] += 1
        if _held["files"] >= COLLECT_EVERY:
            _held["files"] = 0
            gc.collect()
            gc.freeze()


# Below this many files to analyse, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 48


def _analyze_all(files: list[str], codes: tuple[str, ...], settings: Settings
                 ) -> Iterator[tuple[str, FileResult, Version | None]]:
    """(path, result, version) for each file, in the order given, on `settings.jobs`
    processes; the order of results never depends on the number of processes."""
    jobs, _ = capped_jobs(settings.jobs, len(files))
    if jobs <= 1:
        enabled = gc.isenabled()
        try:
            with _alarm_held():
                for run in _folder_runs(files, AHEAD_FILES):
                    with reading_ahead(run):
                        for path in run:
                            with _collector_held():
                                analysed = read_and_analyze(path, codes, settings)
                            yield path, *analysed
        finally:
            if enabled:
                gc.unfreeze()
                gc.enable()
        return
    _triggers(codes)  # built and compiled once here: forked workers inherit them
    for code in codes:
        if BY_CODE[code].check is not None:
            _rule_query(code)
        if BY_CODE[code].anchors:
            _anchor_automaton(code)
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    chunk = max(1, min(32, len(files) // (jobs * 8)))
    shared = tempfile.TemporaryDirectory(prefix="goleaklint-", ignore_cleanup_errors=True)
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                               initargs=(codes, settings, os.getpid(), shared.name))
    try:
        with _sigint_blocked():  # the first submission forks the workers
            batches = _batches(files, chunk)
            results = pool.map(_work, batches)
        done: dict[str, tuple[FileResult, Version | None]] = {}
        ready = (item for batch, found in zip(batches, results) for item in zip(batch, found))
        for path in files:  # in the order given: the batches go folder by folder
            while path not in done:
                key, (result, version) = next(ready)
                done[key] = (result if result is not None else FileResult(key), version)
            yield path, *done.pop(path)
    except BaseException:
        # Ctrl-C or a failure: drop the queued work instead of finishing it.
        pool.shutdown(wait=False, cancel_futures=True)
        shared.cleanup()
        raise
    pool.shutdown()
    shared.cleanup()


def available_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def capped_jobs(requested: int, files: int) -> tuple[int, str | None]:
    """The processes a scan of `files` files uses for `--jobs requested` (0: one per
    CPU): never more than the CPUs available or the files, and one below
    PARALLEL_THRESHOLD files; with a note when that is fewer than asked for."""
    cpus = available_cpus()
    jobs = max(1, min(requested or cpus, cpus, files))
    if files < PARALLEL_THRESHOLD:
        jobs = 1
    if requested <= jobs:
        return jobs, None
    return jobs, (f"--jobs {requested} capped at {jobs}: {cpus} CPU{'s' if cpus != 1 else ''} "
                  f"available, {files} file{'s' if files != 1 else ''} to scan")


# --- the whole scan ---------------------------------------------------------------


def _suppress(results: list[FileResult], findings: list[Finding], codes: set[str]) -> list[Finding]:
    """Drop suppressed findings; report GL000 for directives that cannot do their job.
    Results are not modified: they may come from, and go to, the cache."""
    directives = {r.path: r.directives for r in results if r.directives}
    used: set[tuple[str, int]] = set()
    kept = []
    for finding in findings:
        peers = BY_CODE[finding.rule].peers if finding.rule in BY_CODE else ()
        hits = [i for i, d in enumerate(directives.get(finding.path, ())) if d.covers(finding, peers)]
        used.update((finding.path, i) for i in hits)
        if not hits:
            kept.append(finding)
    if "GL000" not in codes:
        return kept
    gl000 = BY_CODE["GL000"]
    for path, items in directives.items():
        for i, d in enumerate(items):
            if d.kind != "ignore":
                continue
            problems = list(d.problems)
            if d.codes and (path, i) not in used and not d.problems:
                named = {BY_NAME[c].code if c in BY_NAME else c for c in d.codes}
                if named <= codes:
                    problems.append("suppresses nothing: no finding of "
                                    f"{', '.join(sorted(d.codes))} on this line or the next")
            if problems:
                kept.append(_finding(gl000, path, Report(d.span, "suppression " + "; ".join(problems))))
    return kept


def package_findings(results: list[FileResult], rules: list[Rule], settings: Settings
                     ) -> tuple[list[Finding], list[Problem]]:
    """The findings of the package checks over the facts of results, and their errors."""
    findings: list[Finding] = []
    errors: list[Problem] = []
    for rule in rules:
        if rule.package_check is None:
            continue
        facts = {r.path: r.facts[rule.code] for r in results if rule.code in r.facts}
        options = {**rule.options, **settings.rule_options.get(rule.code, {})}
        try:
            for path, report in rule.package_check(facts, options):
                findings.append(_finding(rule, path, report))
        except Exception as exc:
            errors.append(Problem("", f"internal error in {rule.code} {rule.name}: "
                                  f"{type(exc).__name__}: {exc}"))
    return findings, errors


def scan_results(
    results: Iterable[FileResult], rules: list[Rule], settings: Settings
) -> tuple[list[Finding], list[Problem], list[Problem], int]:
    codes = {rule.code for rule in rules}
    collected = list(results)
    findings: list[Finding] = []
    errors: list[Problem] = []
    notes: list[Problem] = []
    for result in collected:
        findings.extend(result.findings)
        errors.extend(result.errors)
        notes.extend(result.notes)
    package, problems = package_findings(collected, rules, settings)
    findings += package
    errors += problems
    findings = _suppress(collected, findings, codes)
    findings.sort(key=Finding.sort_key)
    for finding, fingerprint in zip(findings, fingerprints(findings)):
        finding.fingerprint = fingerprint
    return findings, errors, notes, len(collected)


def _from_cache(data: Any, path: str, codes: tuple[str, ...], digests: dict[str, str] | None = None
                ) -> FileResult | None:
    """A cached result checked to be one these rules can give, with this run's spelling
    of its path (the cache is keyed by real path); None for anything else. digests:
    `imports_unchanged`'s, kept for one scan."""
    if not isinstance(data, dict):
        return None
    try:
        result = FileResult.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    sane = isinstance(result.facts, dict) and all(
        f.rule in codes and BY_CODE[f.rule].name == f.name
        and all(isinstance(n, int) and n >= 1 for n in (f.line, f.column, f.end_line, f.end_column))
        and isinstance(f.message, str)
        for f in result.findings
    ) and all(isinstance(p.message, str) for p in result.errors + result.notes)
    if not sane:
        return None
    siblings = result.facts.get("siblings")
    if siblings is not None and not (isinstance(siblings, str) and unchanged(path, siblings)):
        return None  # analysed with the facts of files of its package that changed since
    if "go.mod" in result.facts and not gomod.unchanged(result.facts["go.mod"]):
        return None  # analysed for another Go version
    if "imports" in result.facts and not imports_unchanged(result.facts["imports"], digests):
        return None  # analysed with summaries of another package's files that changed since
    result.path = path
    for item in [*result.findings, *result.errors, *result.notes]:
        item.path = path
    return result


# The JSON text of an empty result (most files), `FileResult.to_dict` without building
# and encoding the dict, and without its path: `_from_cache` gives a result this run's.
_EMPTY_TEXT = '{"path":"","findings":[],"directives":[],"facts":{},"errors":[],"notes":[]}'


def cache_text(result: FileResult) -> str:
    """The JSON text the cache keeps for result (`FileResult.to_dict`)."""
    if not (result.findings or result.directives or result.facts or result.errors or result.notes):
        return _EMPTY_TEXT
    return json.dumps(result.to_dict(), separators=(",", ":"))


def iter_results(
    files: list[str],
    rules: list[Rule],
    settings: Settings,
    stdin: tuple[str, bytes] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[FileResult]:
    """Each file's result, in the order of files: from the cache where the file is
    unchanged, else analysed (in parallel when there are many)."""
    codes = tuple(rule.code for rule in rules)
    if stdin is not None:
        path, source = stdin
        yield analyze_source(_norm(path), source, codes, settings.rule_options, settings.debug,
                             budget=settings.file_budget, low_shown=settings.low_shown)
        return
    # The cyclic collector stays off until the last result is in (see _collector_held):
    # the results, kept to the end, hold no cycles, and each of its full passes went
    # over all of them kept so far (0.45 s of the parent's CPU in a whole-corpus scan
    # on two processes: unpickling what the workers send, the cache's JSON).
    enabled = gc.isenabled()
    gc.disable()
    try:
        cache = None
        if settings.cache_dir:
            cache = Cache(settings.cache_dir, config_key(
                [codes, settings.rule_options, settings.include_generated, settings.low_shown, RESULT_FORMAT]))
        cached: dict[str, FileResult] = {}
        if cache is not None:
            digests: dict[str, str] = {}  # of the modules' folders, taken once per scan
            for path in files:
                hit = _from_cache(cache.lookup(path), path, codes, digests)
                if hit is not None:
                    cached[path] = hit
        misses = _analyze_all([p for p in files if p not in cached], codes, settings)
        for path in files:
            if path in cached:
                result = cached[path]
            else:
                _, result, version = next(misses)
                if cache is not None and version is not None and not result.stopped and not result.errors:
                    cache.store(path, version.stat, version.digest, cache_text(result))
            if progress is not None:
                progress(1)
            yield result
        for _ in misses:  # past the last result: the pool shuts down now, not when collected
            pass
        if cache is not None:
            cache.save()
    finally:
        if enabled:
            gc.unfreeze()  # what _collector_held froze in a serial scan
            gc.enable()


def scan(
    paths: list[str],
    rules: list[Rule],
    settings: Settings,
    stdin: tuple[str, bytes] | None = None,
    progress: Callable[[list[str]], Any] | None = None,
) -> ScanResult:
    """Scan paths (or one source from stdin). `progress(files)` may return a callable
    that is told each time a file is done."""
    started = time.perf_counter()
    listing: dict[str, list[str]] = {}
    if stdin is None:
        files, problems = discover(paths, settings, listing=listing)
    else:
        files, problems = [], []
    advance = progress(files) if progress is not None else None
    with package.listing_held(listing):
        results = list(iter_results(files, rules, settings, stdin, advance))
    findings, errors, notes, count = scan_results(results, rules, settings)
    scanned = [_norm(stdin[0])] if stdin is not None else files
    return ScanResult(findings, problems + errors, notes, count,
                      time.perf_counter() - started, rules, scanned, results)


def relint(result: ScanResult, sources: dict[str, bytes], settings: Settings) -> ScanResult:
    """result with the files in sources (path -> new bytes) analysed again and the
    package checks, suppressions and fingerprints redone over all files."""
    codes = tuple(rule.code for rule in result.rules)
    results = [analyze_source(r.path, sources[r.path], codes, settings.rule_options, settings.debug,
                              budget=settings.file_budget, low_shown=settings.low_shown)
               if r.path in sources else r for r in result.results]
    with package.analysed_from(sources):
        findings, errors, notes, count = scan_results(results, result.rules, settings)
    problems = [e for e in result.errors if e.path not in {r.path for r in result.results}]
    return dataclasses.replace(result, findings=findings, errors=problems + errors,
                               notes=notes, results=results)


def fail_threshold(findings: list[Finding], fail_on: Severity) -> bool:
    return any(f.severity.rank >= fail_on.rank for f in findings)
