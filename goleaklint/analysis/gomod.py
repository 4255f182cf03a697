"""The Go version a file is built with, from the `go` line of the nearest go.mod.

Some facts a rule states depend on it: since Go 1.23 an unreferenced `time.Ticker` or
`time.Timer` is garbage collected even if it was never stopped, but only in a program
whose main module says `go 1.23` or later (a module's go line is a lower bound for every
program that uses it: the main module's go line must be at least its dependencies'). A
`godebug asynctimerchan=1` line in the go.mod brings the old timers back. Without a
go.mod (GOPATH mode) a program gets the old behaviour, and so do files under a
`testdata` folder, which the module above it does not build.

A result computed with a go.mod holds only while that go.mod is unchanged: the engine
stores `used(path)` with the result and checks it when the result comes from the cache.
"""

from __future__ import annotations

import os
import re

_GO_LINE = re.compile(rb"^go[ \t]+(\d+)\.(\d+)", re.M)
_OLD_TIMERS = re.compile(rb"asynctimerchan=1")

# go.mod path -> ((size, mtime_ns), (major, minor) or None, old timers?)
_parsed: dict[str, tuple[tuple[int, int], tuple[int, int] | None, bool]] = {}
# the file whose analysis asked, and the go.mod record it used
_asked: list = [None, None]


def _find(folder: str) -> str:
    """The go.mod governing folder, or "" (looked up on every call: only files that
    use timers ask, and an editor session may create or move a go.mod)."""
    while True:
        candidate = os.path.join(folder, "go.mod")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if os.path.basename(folder) == "testdata" or parent == folder:
            return ""  # the go command ignores testdata: a module above does not build it
        folder = parent


def module_folder(folder: str) -> str:
    """The folder of the go.mod governing folder, or "" outside a module."""
    return os.path.dirname(_find(folder))


_MODULE_LINE = re.compile(rb"^module[ \t]+\"?([^\s\"]+)", re.M)
# go.mod path -> ((size, mtime_ns), module path or "")
_modules: dict[str, tuple[tuple[int, int], str]] = {}


def module_of(folder: str) -> tuple[str, str] | None:
    """(folder of the governing go.mod, its module path), None outside a module."""
    gomod = _find(folder)
    if not gomod:
        return None
    try:
        stat = os.stat(gomod)
        version = (stat.st_size, stat.st_mtime_ns)
        cached = _modules.get(gomod)
        if cached is None or cached[0] != version:
            with open(gomod, "rb") as handle:
                match = _MODULE_LINE.search(handle.read())
            cached = _modules[gomod] = (version, match.group(1).decode("utf-8", "replace") if match else "")
    except OSError:
        return None
    return (os.path.dirname(gomod), cached[1]) if cached[1] else None


def gopath_repository(folder: str) -> tuple[str, str] | None:
    """Outside a module (GOPATH mode, no go.mod above folder): (the folder of the
    repository holding folder, its import path) when folder lies under a `src` folder
    as `src/<host>/<owner>/<repository>/...` with a host that has a dot
    (`src/github.com/coreos/etcd-operator/pkg/controller`); None otherwise. Its other
    packages are what a module's would be: source at hand, imported by that path."""
    if _find(folder):
        return None
    parts = os.path.abspath(folder).split(os.sep)
    if "src" not in parts:
        return None
    at = len(parts) - 1 - parts[::-1].index("src")
    repository = parts[at + 1:at + 4]
    if len(repository) < 3 or "." not in repository[0]:
        return None
    return os.sep.join(parts[:at + 4]), "/".join(repository)


def _read(gomod: str) -> tuple[tuple[int, int], tuple[int, int] | None, bool] | None:
    try:
        stat = os.stat(gomod)
        version = (stat.st_size, stat.st_mtime_ns)
        cached = _parsed.get(gomod)
        if cached is not None and cached[0] == version:
            return cached
        with open(gomod, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    match = _GO_LINE.search(data)
    go = (int(match.group(1)), int(match.group(2))) if match else None
    _parsed[gomod] = (version, go, _OLD_TIMERS.search(data) is not None)
    return _parsed[gomod]


def collects_unstopped_timers(path: str) -> bool:
    """Whether the module of the file at path is built with Go 1.23's timers: an
    unreferenced ticker or timer is collected without Stop."""
    folder = os.path.dirname(os.path.abspath(path))
    gomod = _find(folder)
    parsed = _read(gomod) if gomod else None
    _asked[0], _asked[1] = path, [folder, gomod, *(parsed[0] if parsed is not None else (0, 0))]
    return parsed is not None and parsed[1] is not None and parsed[1] >= (1, 23) and not parsed[2]


def used(path: str) -> list | None:
    """What the analysis of path read the Go version from, as [folder, go.mod path or
    "", size, mtime_ns]; None when it asked for none."""
    return _asked[1] if _asked[0] == path else None


def unchanged(record: list) -> bool:
    """Whether the folder recorded by `used` is still governed by the same go.mod (or
    still by none), unchanged."""
    try:
        folder, gomod, size, mtime = record
        if _find(folder) != gomod:
            return False
        if not gomod:
            return True
        stat = os.stat(gomod)
    except (OSError, TypeError, ValueError):
        return False
    return [stat.st_size, stat.st_mtime_ns] == [size, mtime]
