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

import contextlib
import os
import re
from typing import Callable, Iterator

from goleaklint.syntax import test_support_name

_GO_LINE = re.compile(rb"^go[ \t]+(\d+)\.(\d+)", re.M)
_OLD_TIMERS = re.compile(rb"asynctimerchan=1")

# go.mod path -> ((size, mtime_ns), (major, minor) or None, old timers?)
_parsed: dict[str, tuple[tuple[int, int], tuple[int, int] | None, bool]] = {}
# the file whose analysis asked, and the go.mod record it used
_asked: list = [None, None]


# The files that make a folder a module's, in the order the go command's users expect:
# a go.mod, or a `vendor.mod` of the same syntax where a repository keeps its
# dependencies vendored without declaring a module to the go command (docker/cli's
# layout: its scripts copy it to go.mod to build). Either names the module path, the go
# version and the requirements that the analysis reads.
MODULE_FILES = ("go.mod", "vendor.mod")


def module_file(folder: str) -> str:
    """The module file (`MODULE_FILES`) in folder itself, or ""."""
    for name in MODULE_FILES:
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate):
            return candidate
    return ""


# folder -> `_search(folder)`, within `modules_held` (a fresh dict for each scan's batch
# of files), None outside.
_found: dict[str, str] | None = None


@contextlib.contextmanager
def modules_held() -> Iterator[None]:
    """Within (a scan's batch of files, `engine.reading_ahead`): each folder's go.mod is
    looked up once. The files of a batch ask for the folders of their package again and
    again (11,000 lookups over the Debian corpus, most of them up to the root, where no
    go.mod is)."""
    global _found
    outer, _found = _found, {}
    try:
        yield
    finally:
        _found = outer


def _find(folder: str) -> str:
    """The go.mod (or vendor.mod: `module_file`) governing folder, or "" (looked up on
    every call outside a scan's batch: an editor session may create or move a go.mod)."""
    if _found is None:
        return _search(folder)
    found = _found.get(folder)
    if found is None:
        found = _found[folder] = _search(folder)
    return found


def _search(folder: str) -> str:
    while True:
        candidate = module_file(folder)
        if candidate:
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


def _require_line(module: str) -> re.Pattern:
    """`require M vX.Y.Z` or, inside a `require (` block, `M vX.Y.Z`: its version."""
    return re.compile(rb"^(?:require[ \t]+)?[ \t]*" + re.escape(module.encode()) +
                      rb"[ \t]+v(\d+)\.(\d+)\.(\d+)(-?)", re.M)


def required(path: str, module: str) -> tuple[int, int, int] | None:
    """The version of module the go.mod governing the file at path requires, as
    (major, minor, patch); None when it requires none (or there is no go.mod). A
    pre-release or pseudo-version (`v1.12.0-rc.1`, `v1.11.1-0.2024...`) counts as the
    release before it: it may lack what the release brought."""
    folder = os.path.dirname(os.path.abspath(path))
    gomod = _find(folder)
    _asked[0], _asked[1] = path, [folder, gomod, 0, 0]
    if not gomod:
        return None
    try:
        stat = os.stat(gomod)
        with open(gomod, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    _asked[1] = [folder, gomod, stat.st_size, stat.st_mtime_ns]
    match = _require_line(module).search(data)
    if match is None:
        return None
    version = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match.group(4):
        version = (version[0], version[1], version[2] - 1) if version[2] else (version[0], version[1] - 1, 10 ** 6)
    return version


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


# Folders of test programs and fuzzers: an integration suite's fakes and probes, a
# functional test harness.
_TEST_TREES = frozenset({"tests", "fuzz", "fuzzing", "e2e", "functional", "harness", "integration"})
# Folders of example and demo programs (`examples`, `_example`, `raftexample`, `tlsdemo`,
# `samples`; not `sample`, which names a sampling package as often): code that shows a
# library's use, run by hand, not a service exposed to strangers.
_EXAMPLES = re.compile(r"(?i)(?:examples?|samples|demos?)$")


def _set_aside(name: str) -> bool:
    """A folder of test helpers, test programs or example programs (see _in_tree)."""
    return name in _TEST_TREES or test_support_name(name) or \
        _EXAMPLES.search(name) is not None


def _in_tree(path: str, set_aside: Callable[[str], bool]) -> bool:
    """Whether a folder of the file's module, between its go.mod and the file, is a
    test helper package, a folder of test programs (`tests`, `fuzz`, `e2e`: an
    integration suite's fake servers and probes) or of example programs (`examples`,
    `raftexample`, `tlsdemo`); set_aside says which names count. Folders above the
    module, where a checkout happens to lie, do not count, but the module's own folder
    and those between it and the module around it do when it lies in another module
    (`examples/go.mod` beside the library's: a module of examples; `test/e2e/mock/go.mod`:
    a test program of the suite), and with no module around it, the folders between the
    repository and the module's own that its module path names
    (`github.com/org/sdk/samples/http`); outside a module, the folders below the last `src` (GOPATH's
    layout) do, and nothing else."""
    folder = os.path.dirname(os.path.abspath(path))
    names = folder.split(os.sep)
    if not any(set_aside(n) for n in names):
        return any(set_aside(n) for n in _named_folders(folder))
    root = module_folder(folder)
    if not root:  # GOPATH mode: the folders below the last `src`
        return "src" in names and any(set_aside(n) for n in names[len(names) - names[::-1].index("src"):])
    if any(set_aside(n) for n in os.path.relpath(folder, root).split(os.sep) if n != "."):
        return True
    outer = module_folder(os.path.dirname(root))
    if outer:
        return any(set_aside(n) for n in os.path.relpath(root, outer).split(os.sep) if n != ".")
    return any(set_aside(n) for n in _named_folders(folder))


def _named_folders(folder: str) -> tuple[str, ...]:
    """The folders below its repository's that the module path of a module with no
    module around it names (`github.com/org/sdk/samples/http`: samples, http; a module
    of sample programs lying in a checkout with no go.mod at its top). Looked up on
    every call, like `_find`: an editor session may create a go.mod (0.1 ms a call,
    a few calls per hundred files)."""
    root = module_folder(folder)
    if not root or module_folder(os.path.dirname(root)):
        return ()
    module = module_of(root)
    parts = module[1].split("/") if module is not None else []
    below = 3 if parts[:1] in (["github.com"], ["gitlab.com"], ["bitbucket.org"]) else 2  # host/org/repo, host/repo
    return tuple(parts[below:])


def test_folder(name: str) -> bool:
    """A folder of test helpers or test programs (not of examples, which users copy)."""
    return name in _TEST_TREES or test_support_name(name)


def in_test_tree(path: str) -> bool:
    """Whether the file lies in a folder of test helpers or test programs of its module
    (`tests`, `e2e`, `fuzz`, `functional`, `harness`, `integration`, `testutil`, ...; see _in_tree):
    an integration suite's fakes, probes and runners."""
    return _in_tree(path, test_folder)


def in_example_tree(path: str) -> bool:
    """Whether the file lies in a folder of example programs of its module (`examples`,
    `demo`; see _in_tree): code that shows a library's users how to call it."""
    return _in_tree(path, lambda name: _EXAMPLES.search(name) is not None)


# A folder named for a demonstration or example program by one of its words
# (`demo-server`, `example_client`, `grpc-demo-app`), or for teaching material
# (`codelab`, `tutorial-basic-chat-app`, `quickstart`).
_EXAMPLE_WORD = re.compile(r"(?i)(?:^|[-_.])(?:examples?|demos?|codelabs?|tutorials?|quickstarts?)(?:[-_.]|$)")
# A bug's reproducer: `internal/cmd/issue-908`, `repro`, `bug1234-repro`.
_REPRODUCER_WORD = re.compile(r"(?i)(?:^|[-_.])(?:repro|reproducer|(?:issue|bug)[-_]?\d+)(?:[-_.]|$)")


def in_demo_named_tree(path: str) -> bool:
    """Whether a folder of the file's module is named for a demonstration or example
    program by one of its words (`cmd/demo-server`, `codelab/app`; see _in_tree), or for a bug's
    reproducer (`internal/cmd/issue-908`, `repro`): a program its authors run by hand
    to show something, as a rule, though the name alone does not prove that no stranger
    reaches it."""
    return _in_tree(path, lambda name: _EXAMPLE_WORD.search(name) is not None or
                    _REPRODUCER_WORD.search(name) is not None)


# A folder of a repository's own build, CI, maintenance and load-test programs (`build/`,
# `ci/deb`, Kubernetes' `hack/`, `cmd/authelia-scripts`, `pkg/scripts/issues`,
# `benchmarks/push`): run by its developers or its CI, not by its users.
_TOOLING = frozenset({"build", "ci", "hack", "bench", "benchmark", "benchmarks", "devtools", "dev-tools", "dev_tools"})
_SCRIPTS_WORD = re.compile(r"(?i)(?:^|[-_.])scripts(?:[-_.]|$)")
# A folder of test doubles: `mock`, `mocks`, `fakes`, `mockslack`, `mock-oidc` (one of its
# words a mock, or a fake).
_DOUBLES_WORD = re.compile(r"(?i)(?:^|[-_.])(?:mock[a-z0-9]*|fakes?)(?:[-_.]|$)")
# The folders at the top of a module that hold its supporting programs: `tools`, and
# `t`, the test-suite folder of Git's layout (`t/cmd/lfstest-gitserver`).
_TOOLING_TOPS = ("tools", "t")


def in_tooling_tree(path: str, doubles: bool = True) -> bool:
    """Whether a folder of the file's module (see _in_tree) holds the repository's build,
    CI, maintenance, load-test or developer programs, or its test doubles: one named `build`, `ci`, `hack`,
    `bench`/`benchmark(s)` or `devtools`, with `scripts` among its words
    (`authelia-scripts`), or with a mock or fake as one (`mocks`, `mockslack`,
    `fakes`), or the `tools` or `t` folder at the top of the module
    (or of the module around a module of its own there, `tools/s3/go.mod`; or the
    module's own folder, `tools/go.mod` at the top of a repository with no go.mod of
    its own): the
    project's supporting programs by the common layout (load generators, migrations,
    fake servers for its tests, visualisers), though some projects ship a service from
    there too; a `tools` folder deeper down (`pkg/tools`) is a package like any other.
    A stall there hangs a developer's or operator's run, a test or a CI step, which its owner
    sees and stops. Without doubles, a folder of test doubles does not count (a `mocks`
    package may well be one that production code imports)."""
    if _in_tree(path, lambda name: name in _TOOLING or _SCRIPTS_WORD.search(name) is not None or
                doubles and _DOUBLES_WORD.search(name) is not None):
        return True
    folder = os.path.dirname(os.path.abspath(path))
    root = module_folder(folder)
    outer = module_folder(os.path.dirname(root)) if root else ""
    if any(os.path.relpath(folder, top).split(os.sep)[0] in _TOOLING_TOPS for top in (root, outer) if top):
        return True
    # a module of its own in that folder, below a repository's path (`github.com/org/sdk/tools`;
    # not `golang.org/x/tools`, the repository itself)
    module = module_of(root) if root and not outer and os.path.basename(root) in _TOOLING_TOPS else None
    parts = module[1].split("/") if module is not None else []
    return len(parts) >= 4 and parts[-1] == os.path.basename(root)


def in_test_or_example_tree(path: str) -> bool:
    """Whether the file lies in a folder of test helpers, test programs or example
    programs of its module (see _in_tree)."""
    return _in_tree(path, _set_aside)
