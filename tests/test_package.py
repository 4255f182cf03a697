"""Package facts (analysis/package.py): a file is analysed with what the other files of
its package declare, whether it is given alone, with its folder, or from the cache."""

from __future__ import annotations

import os
import textwrap

import pytest

from goleaklint import engine
from goleaklint.analysis import package
from goleaklint.analysis.package import FileFacts, Package, index, skeleton
from goleaklint.rules import ALL_RULES

TESTDATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "testdata")


def found(result: engine.ScanResult, path: str) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.message) for f in result.findings
            if os.path.samefile(f.path, path)]


@pytest.mark.parametrize("folder, name", [
    ("body_not_closed/package", "ping.go"),
    ("body_not_closed/package", "noimport.go"),  # GL008 runs on it for its siblings' sake
    ("rows_not_closed/package", "count.go"),
])
def test_a_file_alone_and_with_its_folder_give_the_same_findings(folder, name) -> None:
    folder = os.path.join(TESTDATA, folder)
    path = os.path.join(folder, name)
    settings = engine.Settings(default_excludes=False)
    alone = found(engine.scan([path], ALL_RULES, settings), path)
    together = found(engine.scan([folder], ALL_RULES, settings), path)
    with open(path, "rb") as handle:
        buffer = found(engine.scan([], ALL_RULES, settings, stdin=(path, handle.read())), path)
    assert alone, "the positive needs the sibling's facts"
    assert alone == together == buffer


def write(path, text: str) -> None:
    path.write_text(textwrap.dedent(text).lstrip())


CLIENT = """
    package app

    import "net/http"

    func newClient() *http.Client { return &http.Client{} }
"""
NOT_A_CLIENT = """
    package app

    type fake struct{}

    func (fake) Get(u string) (int, error) { return 0, nil }

    func newClient() fake { return fake{} }
"""
USE = """
    package app

    import (
        "fmt"
        "net/http"
    )

    func run(u string) error {
        c := newClient()
        r, err := c.Get(u)
        if err != nil {
            return err
        }
        fmt.Println(r, http.StatusOK)
        return nil
    }
"""


def test_a_cached_result_is_dropped_when_a_sibling_changes(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "client.go", CLIENT)
    write(tmp_path / "use.go", USE)
    settings = engine.Settings(cache_dir=str(tmp_path / "cache"))
    gl008 = [r for r in ALL_RULES if r.code == "GL008"]
    first = engine.scan(["use.go"], gl008, settings)
    assert [f.line for f in first.findings] == [10]
    write(tmp_path / "client.go", NOT_A_CLIENT)
    os.utime(tmp_path / "client.go", ns=(1, 1))  # a new mtime even on a coarse clock
    assert engine.scan(["use.go"], gl008, settings).findings == []
    os.remove(tmp_path / "client.go")  # now nothing says what newClient returns
    assert engine.scan(["use.go"], gl008, settings).findings == []
    write(tmp_path / "other.go", CLIENT)  # a new file of the package declares it
    assert [f.line for f in engine.scan(["use.go"], gl008, settings).findings] == [10]


def test_siblings_are_the_files_of_the_same_package(tmp_path) -> None:
    write(tmp_path / "a.go", "package app\n\nfunc a() int { return 1 }\n")
    write(tmp_path / "b_test.go", "package app\n\nfunc b() int { return 1 }\n")
    write(tmp_path / "c_test.go", "package app_test\n\nfunc c() int { return 1 }\n")
    write(tmp_path / "d.go", "package other\n\nfunc d() int { return 1 }\n")
    code = Package(str(tmp_path / "x.go"), "app")
    assert [n for n in ("a", "b", "c", "d") if code.function(n)] == ["a"]
    test = Package(str(tmp_path / "x_test.go"), "app")
    assert [n for n in ("a", "b", "c", "d") if test.function(n)] == ["a", "b"]
    external = Package(str(tmp_path / "x_test.go"), "app_test")
    assert [n for n in ("a", "b", "c", "d") if external.function(n)] == ["c"]


def test_file_facts_state_results_fields_methods_and_variables() -> None:
    source = textwrap.dedent("""
        package app

        import (
            "database/sql"
            "net/http"
        )

        var shared = &http.Client{}

        const (
            limit, burst = 10, 20
        )

        type store struct {
            *base
            db *sql.DB
        }

        type fetcher interface {
            Fetch(u string) (*http.Response, error)
        }

        func (s *store) rows() (*sql.Rows, error) {
            return s.db.Query("SELECT 1")
        }

        func open() (*store,
            error) {
            return nil, nil
        }
    """).replace("    ", "\t").encode()  # gofmt's layout: tabs
    declared = index(source)
    assert (declared["package"], declared["functions"], declared["methods"]) == ("app", {"open"}, {"store.rows"})
    assert (declared["types"], declared["values"]) == ({"store", "fetcher"}, {"shared", "limit", "burst"})
    facts = FileFacts(source)
    assert facts.var("shared") == (True, {"kind": "pointer", "elem": {"kind": "named", "path": "net/http", "name": "Client"}})
    assert facts.var("burst") == (True, None) and facts.var("open") == (False, None)
    assert [f[0] for f in facts.type("store")["fields"]] == ["base", "db"]
    assert facts.type("store")["fields"][0][2] is True
    assert facts.type("fetcher")["methods"]["Fetch"][0]["elem"]["name"] == "Response"
    assert facts.method("store", "rows")[0]["elem"]["name"] == "Rows"
    assert facts.function("open")[0]["elem"]["name"] == "store"


def test_the_quick_pass_cuts_bodies_and_falls_back_on_odd_layouts() -> None:
    gofmt = b"package app\n\nfunc f() int {\n\tif true {\n\t\treturn 1\n\t}\n\treturn 2\n}\n\nfunc g() {}\n"
    cut = skeleton(gofmt)
    assert b"return" not in cut and b"func g() {}" in cut
    squeezed = b"package app\nfunc f() int {\nreturn 1 }\nfunc g() string { return \"\" }\n"
    facts = FileFacts(squeezed)
    assert (facts.function("f"), facts.function("g")) == (
        [{"kind": "named", "path": "builtin", "name": "int"}],
        [{"kind": "named", "path": "builtin", "name": "string"}])


def test_a_dot_imported_name_is_the_imported_packages_unless_the_package_declares_it(tmp_path) -> None:
    from goleaklint import parsing
    from goleaklint.analysis.names import MEMBER, PACKAGE, UNKNOWN, Names
    from goleaklint.syntax import walk

    write(tmp_path / "helpers_test.go", "package web_test\n\nfunc Get(u string) int { return 0 }\n")
    source = textwrap.dedent("""
        package web_test

        import . "net/http"

        var a, b = Get("u"), Head
    """).encode()
    root = parsing.parse(source)
    names = Names(root, source)
    names.path = str(tmp_path / "web_test.go")
    kinds = {n.text.decode(): names.resolve(n) for n in walk(root) if n.type == "identifier"}
    assert kinds["Get"].kind == PACKAGE
    assert (kinds["Head"].kind, kinds["Head"].path) == (MEMBER, "net/http")
    names.path = None  # without the package's facts nothing says whose it is
    names._resolved.clear()
    assert names.resolve(next(n for n in walk(root) if n.text == b"Head")).kind == UNKNOWN


def test_facts_are_read_again_when_the_memo_of_indexes_was_emptied(tmp_path, monkeypatch) -> None:
    # A scan of more files than the memo holds empties it; a question about a sibling
    # indexed before that once raised KeyError (an internal error on the whole corpus).
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(package, "_MEMO_FILES", 1)
    write(tmp_path / "client.go", CLIENT)
    write(tmp_path / "use.go", USE)
    write(tmp_path / "zz.go", "package " + USE.split("package ")[1].split()[0] + "\n")
    gl008 = [r for r in ALL_RULES if r.code == "GL008"]
    result = engine.scan(["use.go"], gl008, engine.Settings(cache_dir=None))
    assert result.errors == [] and [f.line for f in result.findings] == [10]


MODULE_HELPER = """\
package dbutil

import "database/sql"

func ScanFirst(rows *sql.Rows, dest *int) error {
	if rows.Next() {
		return rows.Scan(dest)
	}
	return rows.Err()
}
"""

MODULE_USE = """\
package store

import (
	"database/sql"

	"example.com/shop/dbutil"
)

func count(db *sql.DB) (int, error) {
	var n int
	rows, err := db.Query("SELECT count(*) FROM t")
	if err != nil {
		return 0, err
	}
	if err := dbutil.ScanFirst(rows, &n); err != nil {
		return 0, err
	}
	return n, nil
}
"""


def test_a_cached_result_is_dropped_when_a_package_of_the_module_it_read_changes(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "go.mod", "module example.com/shop\n\ngo 1.21\n")
    (tmp_path / "dbutil").mkdir()
    (tmp_path / "store").mkdir()
    write(tmp_path / "dbutil" / "dbutil.go", MODULE_HELPER)
    write(tmp_path / "store" / "store.go", MODULE_USE)
    settings = engine.Settings(cache_dir=str(tmp_path / "cache"))
    gl001 = [r for r in ALL_RULES if r.code == "GL001"]
    first = engine.scan(["store/store.go"], gl001, settings)
    assert [(f.line, "passed to dbutil.ScanFirst, which reads them" in f.message) for f in first.findings] == \
        [(11, True)]
    closing = MODULE_HELPER.replace("\tif rows.Next() {", "\tdefer rows.Close()\n\tif rows.Next() {")
    write(tmp_path / "dbutil" / "dbutil.go", closing)
    os.utime(tmp_path / "dbutil" / "dbutil.go", ns=(1, 1))  # a new mtime even on a coarse clock
    assert engine.scan(["store/store.go"], gl001, settings).findings == []
    write(tmp_path / "dbutil" / "dbutil.go", MODULE_HELPER)
    os.utime(tmp_path / "dbutil" / "dbutil.go", ns=(2, 2))
    assert len(engine.scan(["store/store.go"], gl001, settings).findings) == 1
    # Outside the module (no go.mod now), another package's code is not read.
    os.remove(tmp_path / "go.mod")
    assert engine.scan(["store/store.go"], gl001, settings).findings == []


MODULE_ENTRY = """\
package dbutil

import "database/sql"

func ScanFirst(rows *sql.Rows, dest *int) error {
	return scan(rows, dest)
}
"""

MODULE_SCAN = """\
package dbutil

import "database/sql"

func scan(rows *sql.Rows, dest *int) error {
	if rows.Next() {
		return rows.Scan(dest)
	}
	return rows.Err()
}
"""


def test_a_summary_of_another_package_follows_its_other_files_and_notices_a_new_one(tmp_path, monkeypatch) -> None:
    """dbutil.ScanFirst hands the rows to scan, declared in another file of dbutil: the
    summary reads it there (scan only reads them: reported). Before that file exists,
    scan is unknown (an escape: silent), and the cached result is dropped once it is
    added, or changed to close them."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "go.mod", "module example.com/shop\n\ngo 1.21\n")
    (tmp_path / "dbutil").mkdir()
    (tmp_path / "store").mkdir()
    write(tmp_path / "dbutil" / "dbutil.go", MODULE_ENTRY)
    write(tmp_path / "store" / "store.go", MODULE_USE)
    gl001 = [r for r in ALL_RULES if r.code == "GL001"]
    settings = engine.Settings(cache_dir=str(tmp_path / "cache"))
    assert engine.scan(["store/store.go"], gl001, settings).findings == []
    write(tmp_path / "dbutil" / "scan.go", MODULE_SCAN)
    for cache in (settings, engine.Settings(cache_dir=None)):
        assert [(f.line, "passed to dbutil.ScanFirst, which reads them" in f.message)
                for f in engine.scan(["store/store.go"], gl001, cache).findings] == [(11, True)]
    write(tmp_path / "dbutil" / "scan.go", MODULE_SCAN.replace("\tif rows.Next() {", "\tdefer rows.Close()\n\tif rows.Next() {"))
    os.utime(tmp_path / "dbutil" / "scan.go", ns=(1, 1))
    assert engine.scan(["store/store.go"], gl001, settings).findings == []


_SENDER = """package pump

type pump struct {
\tevents chan int
\tquit   chan struct{}
}

func newPump() *pump {
\treturn &pump{events: make(chan int), quit: make(chan struct{})}
}

func (p *pump) push(v int) {
\tp.events <- v
}

func (p *pump) stop() { close(p.quit) }
"""
_RECEIVER = """package pump

func (p *pump) run() {
\tfor {
\t\tselect {
\t\tcase v := <-p.events:
\t\t\t_ = v
\t\tcase <-p.quit:
\t\t\treturn
\t\t}
\t}
}
"""
_ENDLESS = """package pump

func (p *pump) run() {
\tfor v := range p.events {
\t\t_ = v
\t}
}
"""


def test_the_fixer_reads_another_files_receiver_as_fixed_not_as_on_disk(tmp_path) -> None:
    """GL003's package check summarises the receiver in another file from that file's
    bytes, read when a send asks: after fixes held in memory (engine.relint), the
    fixed bytes (`package.analysed_from`), not the disk's."""
    (tmp_path / "a.go").write_text(_SENDER)
    (tmp_path / "b.go").write_text(_RECEIVER)
    settings = engine.Settings(default_excludes=False)
    rules = [r for r in ALL_RULES if r.code == "GL003"]
    result = engine.scan([str(tmp_path)], rules, settings)
    assert [(os.path.basename(f.path), "(b.go:6)" in f.message) for f in result.findings] == [("a.go", True)]
    receiver = next(r.path for r in result.results if r.path.endswith("b.go"))
    moved = engine.relint(result, {receiver: ("\n\n" + _RECEIVER).encode()}, settings)
    assert [("(b.go:8)" in f.message) for f in moved.findings] == [True]
    ended = engine.relint(result, {receiver: _ENDLESS.encode()}, settings)
    assert ended.findings == []
    assert (tmp_path / "b.go").read_text() == _RECEIVER


def test_a_scan_lists_each_folder_once_at_discovery(tmp_path) -> None:
    """While a scan holds discovery's listing, `go_files` gives it (the folder as it
    was when discovered) instead of listing the folder for each batch."""
    (tmp_path / "a.go").write_text("package p\n")
    (tmp_path / "_skip.go").write_text("package p\n")
    listing: dict[str, list[str]] = {}
    engine.discover([str(tmp_path)], engine.Settings(), listing=listing)
    folder = engine._norm(str(tmp_path))
    assert listing[folder] == ["a.go"]
    (tmp_path / "b.go").write_text("package p\n")
    with package.listing_held(listing):
        assert package.go_files(folder) == ["a.go"]
    assert package.go_files(folder) == ["a.go", "b.go"]


def test_the_modules_folders_are_recorded_for_the_cache_as_one_digest(tmp_path) -> None:
    """Every answer that read the module's index records, for the result cache, one
    digest of the module's folders with their (size, mtime_ns), taken once per module
    and process (not each folder: that was most of a large corpus's cache): the files of
    two packages record the same digest, and a folder added anywhere in the module, or
    a file added to one, moves it."""
    (tmp_path / "go.mod").write_text("module example.com/m\n\ngo 1.21\n")
    for name, text in (("a/a.go", "package a\n\nfunc A() {}\n"),
                       ("b/b.go", 'package b\n\nimport "example.com/m/a"\n\nfunc B() { a.A() }\n'),
                       ("c/c.go", "package c\n\nfunc C() {}\n")):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    first, second = Package(str(tmp_path / "a" / "a.go"), "a"), Package(str(tmp_path / "c" / "c.go"), "c")
    assert first.importers()[1] == [str(tmp_path / "b" / "b.go")]
    assert second.importers()[1] == []
    key = package.MODULE_MARK + str(tmp_path)
    assert isinstance(first.imports[key], str) and first.imports[key] == second.imports[key]
    assert not any(os.path.isdir(k) for k in first.imports)
    assert package.imports_unchanged(first.imports)
    digests: dict[str, str] = {}
    assert package.imports_unchanged(first.imports, digests) and list(digests) == [str(tmp_path)]
    (tmp_path / "c" / "d.go").write_text("package c\n")
    assert not package.imports_unchanged(first.imports)
    assert package.imports_unchanged(first.imports, digests)  # taken once per scan
    (tmp_path / "c" / "d.go").unlink()
    (tmp_path / "e").mkdir()
    package._module_trees.clear()  # a new process walks the module again
    assert not package.imports_unchanged(first.imports)


def test_the_workers_of_a_scan_share_each_modules_index(tmp_path, monkeypatch) -> None:
    """A module's index built by one worker process is kept in the folder the scan's
    workers share (`package._shared`) and read there by the others instead of built
    again: the same importers, folders and files."""
    module = tmp_path / "m"
    for name, text in (("go.mod", "module example.com/m\n"), ("a/a.go", "package a\n\nfunc A() {}\n"),
                       ("b/b.go", 'package b\n\nimport "example.com/m/a"\n\nfunc B() { a.A() }\n')):
        (module / name).parent.mkdir(parents=True, exist_ok=True)
        (module / name).write_text(text)
    (tmp_path / "shared").mkdir()
    monkeypatch.setattr(package, "_shared", [str(tmp_path / "shared")])
    for name in ("_module_imports", "_module_recovers", "_module_trees"):
        monkeypatch.setattr(package, name, {})  # a process that has indexed nothing
    built = package._module_index(str(module))
    assert len(os.listdir(tmp_path / "shared")) == 1
    (module / "b" / "b.go").unlink()  # another worker reads the kept index, not the folders
    for name in ("_module_imports", "_module_recovers", "_module_trees"):
        getattr(package, name).clear()
    assert package._module_index(str(module)) == built
    assert built[0]["example.com/m/a"] == [str(module / "b" / "b.go")]
    assert package._module_recovers[str(module)] == (None, [str(module / "a" / "a.go"), str(module / "b" / "b.go")])


def test_a_modules_mentions_and_recovers_are_answered_before_anything_read_its_index(tmp_path) -> None:
    """An answer that walks the module's files (who mentions a name, who calls
    `recover()`) reads the module's index itself when it is the first of the process to
    need it: a scan of one rule (`--select GL003`) asked for mentions first and stopped
    with an internal error."""
    (tmp_path / "go.mod").write_text("module example.com/fresh\n\ngo 1.21\n")
    for name, text in (("a/a.go", "package a\n\nfunc Stop() {}\n"),
                       ("b/b.go", 'package b\n\nimport "example.com/fresh/a"\n\nfunc B() {\n\tdefer recover()\n\ta.Stop()\n}\n')):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    assert Package(str(tmp_path / "a" / "a.go"), "a").mentioning("Stop") == [str(tmp_path / "b" / "b.go")]
    (tmp_path / "go.mod").write_text("module example.com/fresher\n\ngo 1.21\n")
    other = tmp_path / "other"
    other.mkdir()
    (other / "go.mod").write_text("module example.com/other\n\ngo 1.21\n")
    (other / "c.go").write_text("package c\n\nfunc C() { defer func() { recover() }() }\n")
    assert Package(str(other / "c.go"), "c").recovers() is True
