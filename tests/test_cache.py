"""The result cache never changes what is reported: attacks on it and races with it."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner

from goleaklint import cache as cache_module
from goleaklint import engine
from goleaklint.cli import cli

LEAK = "package x\n\nfunc f(conn *amqp.Connection) {\n\tconn.NotifyClose(make(chan *amqp.Error))\n}\n"
CLEAN = LEAK.replace("make(chan *amqp.Error)", "make(chan *amqp.Error, 1)")
OLD = 1_600_000_000  # an mtime well in the past


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src").mkdir()
    return tmp_path


def write(path, text: str, mtime: int = OLD) -> None:
    path.write_text(text)
    os.utime(path, (mtime, mtime))


def findings(*args) -> list[tuple[str, str, int]]:
    """(rule, path, line) of a run with the cache in $TEST_CACHE_DIR."""
    result = CliRunner().invoke(cli, ["check", "--cache-dir", os.environ["TEST_CACHE_DIR"],
                                      "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.stderr
    return [(f["rule"], f["path"], f["line"]) for f in json.loads(result.stdout)["findings"]]


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("TEST_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def cache_files(cache_dir) -> list:
    return [p for p in cache_dir.rglob("*.json")]


def test_an_edit_during_analysis_is_seen_next_run(repo, monkeypatch) -> None:
    """The file is clean when read and leaks once saved: the next run must analyse
    what is on disk, not replay the result of the bytes read before."""
    target = repo / "src" / "a.go"
    write(target, CLEAN)
    original = engine.analyze_source

    def edited_meanwhile(path, *args, **kwargs):
        result = original(path, *args, **kwargs)
        write(target, LEAK + "\n", OLD + 100)  # saved by an editor while we analysed
        return result

    monkeypatch.setattr(engine, "analyze_source", edited_meanwhile)
    assert findings("src") == []
    monkeypatch.setattr(engine, "analyze_source", original)
    assert findings("src") == [("GL002", "src/a.go", 4)]


def _tamper(value, change):
    """Apply change to every result in a cache file, whatever its layout: a dict with
    findings, or JSON text holding one."""
    if isinstance(value, dict):
        if "findings" in value:
            return change(value)
        return {k: _tamper(v, change) for k, v in value.items()}
    if isinstance(value, list):
        return [_tamper(v, change) for v in value]
    if isinstance(value, str) and value.startswith("{"):
        try:
            inner = json.loads(value)
        except ValueError:
            return value
        return json.dumps(_tamper(inner, change))
    return value


def _rewrite(cache_dir, change) -> None:
    (path,) = cache_files(cache_dir)
    data = json.loads(path.read_text())
    path.write_text(json.dumps(change(data)))


def test_a_forged_cache_cannot_hide_or_inject_findings(repo, cache_dir) -> None:
    write(repo / "src" / "leak.go", LEAK)
    write(repo / "src" / "clean.go", CLEAN)
    before = findings("src")
    assert before == [("GL002", "src/leak.go", 4)]

    fake = {"rule": "GL001", "name": "rows-not-closed", "severity": "error",
            "confidence": "high", "path": "../../../etc/passwd", "line": 1, "column": 1,
            "end_line": 1, "end_column": 2, "message": "forged", "function": "",
            "snippet": "", "fingerprint": "", "related": [], "fix": None}

    def forge(result):  # hide the real finding, inject a fake one
        return {**result, "findings": [fake] if "clean" in result["path"] else []}

    _rewrite(cache_dir, lambda data: _tamper(data, forge))
    assert findings("src") == before


def test_malformed_entries_are_skipped(repo, cache_dir) -> None:
    write(repo / "src" / "leak.go", LEAK)
    expected = findings("src")
    _rewrite(cache_dir, lambda data: {name: [0] for name in data})
    assert findings("src") == expected
    _rewrite(cache_dir, lambda data: {name: {"findings": 3} for name in data})
    assert findings("src") == expected


def test_an_authentic_entry_is_still_validated(repo, cache_dir) -> None:
    """Signed with this user's key but not a result these rules can give (a rule that
    was not selected): analysed again."""
    target = repo / "src" / "clean.go"
    write(target, CLEAN)
    assert findings("src") == []
    (path,) = cache_files(cache_dir)
    store = cache_module.Cache(str(cache_dir), path.stem)
    source = target.read_bytes()
    store.store(str(target), cache_module.file_stat(str(target)), cache_module.content_hash(source),
                {"path": "src/clean.go", "findings": [{"rule": "GL999"}], "directives": [],
                 "facts": {}, "errors": [], "notes": [], "parsed": True})
    store.save()
    assert findings("src") == []


def test_a_cache_made_without_the_users_key_is_ignored(repo, cache_dir, monkeypatch, tmp_path) -> None:
    write(repo / "src" / "leak.go", LEAK)
    assert findings("src") == [("GL002", "src/leak.go", 4)]
    _rewrite(cache_dir, lambda data: _tamper(data, lambda r: {**r, "findings": []}))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
    assert findings("src") == [("GL002", "src/leak.go", 4)]


def test_paths_are_reported_as_this_run_spells_them(repo) -> None:
    write(repo / "src" / "leak.go", LEAK)
    assert findings("src") == [("GL002", "src/leak.go", 4)]
    assert findings(str(repo / "src")) == [("GL002", f"{repo}/src/leak.go", 4)]
    os.chdir(repo / "src")
    assert findings(".") == [("GL002", "leak.go", 4)]


@pytest.mark.parametrize("how", ["relinked", "moved"])
def test_another_file_of_the_same_size_and_mtime_in_its_place_is_analysed_again(repo, how) -> None:
    """A link pointed at another file, or another file moved over it, with the same
    size and mtime (files unpacked from one archive share their mtime): the stat alone
    cannot tell, the inode does."""
    size = len(CLEAN) + 8

    def padded(text: str) -> str:  # the two versions, of one size
        return text + "//" + " " * (size - len(text) - 3) + "\n"

    write(repo / "leak.go.txt", padded(LEAK))
    write(repo / "clean.go.txt", padded(CLEAN))
    target = repo / "src" / "a.go"
    if how == "relinked":
        target.symlink_to(repo / "leak.go.txt")
    else:
        os.replace(repo / "leak.go.txt", target)
    assert findings("src") == [("GL002", "src/a.go", 4)]
    if how == "relinked":
        target.unlink()
        target.symlink_to(repo / "clean.go.txt")
    else:
        os.replace(repo / "clean.go.txt", target)
    assert os.stat(target).st_size == size and os.stat(target).st_mtime == OLD
    assert findings("src") == []


def test_entries_of_deleted_files_are_pruned(repo, cache_dir) -> None:
    write(repo / "src" / "leak.go", LEAK)
    write(repo / "src" / "gone.go", LEAK)
    findings("src")
    (path,) = cache_files(cache_dir)
    assert "gone.go" in path.read_text()
    (repo / "src" / "gone.go").unlink()
    findings("src/leak.go")  # a run that does not even look at src/ as a whole
    assert "gone.go" not in path.read_text()


def test_no_temporary_file_is_left_when_the_cache_cannot_be_written(repo, cache_dir) -> None:
    """A file size limit (EFBIG; ENOSPC takes the same path) while the cache is saved:
    the scan still reports, and no temporary file stays behind."""
    for i in range(40):
        write(repo / "src" / f"f{i}.go", LEAK)

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    proc = subprocess.run(
        [sys.executable, "-m", "goleaklint", "check", "--cache-dir", str(cache_dir), "-j", "1",
         "src"], capture_output=True, text=True, preexec_fn=limited, cwd=repo,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.count("GL002") == 40
    leftovers = [p.name for p in cache_dir.rglob("*") if p.is_file() and p.name != ".gitignore"]
    assert leftovers == []


MIDDLE = "package x\n\nfunc relay(key string) error {\n\tdefer lock.Release()\n\treturn fetch(key)\n}\n"
NO_POOL = ("package x\n\nfunc Forward(key string) error {\n\treturn relay(key)\n}\n\n"
           "func fetch(key string) error { return nil }\n")
POOL = ("package x\n\nimport \"github.com/gomodule/redigo/redis\"\n\n"
        "var pool = &redis.Pool{MaxActive: 8, Wait: true}\n\n"
        "func Forward(key string) error {\n\tconn := pool.Get()\n\tdefer conn.Close()\n\treturn relay(key)\n}\n\n"
        "func fetch(key string) error {\n\tconn := pool.Get()\n\tdefer conn.Close()\n"
        "\t_, err := conn.Do(\"GET\", key)\n\treturn err\n}\n")


def test_a_file_left_out_for_its_package_is_analysed_again_when_a_sibling_changes(repo) -> None:
    """GL007 reads nothing of a file in a package that never acquires from a pool
    (Rule.package_requires): once a sibling acquires, the cached result of the file in
    the middle of the chain must not stand in for its facts."""
    write(repo / "src" / "a.go", MIDDLE)
    write(repo / "src" / "b.go", NO_POOL)
    assert findings("--select", "GL007", "src") == []
    write(repo / "src" / "b.go", POOL, OLD + 100)
    expected = [("GL007", "src/b.go", 10)]
    assert findings("--select", "GL007", "--no-cache", "src") == expected
    assert findings("--select", "GL007", "src") == expected


def test_the_cache_written_in_parts_is_the_whole_text(tmp_path, monkeypatch) -> None:
    """Cache.save makes and writes the entries' JSON text a few entries at a time (for
    its peak memory): the file is the text json.dumps makes of them all, its HMAC holds,
    and the next run reads every entry back."""
    monkeypatch.setattr(cache_module, "ENTRIES_PER_PART", 3)
    saved = cache_module.Cache(str(tmp_path / "c"), "k")
    for count in (0, 1, 3, 7):
        saved.entries = {f"/src/f\u00e9{i}\".go": [i, i or None, "", json.dumps({"path": f"{i}"})]
                         for i in range(count)}
        saved.dirty = True
        saved.save()
        with open(saved.path, encoding="utf-8") as handle:
            text = handle.read()
        assert text.endswith(cache_module._ENTRIES + json.dumps(saved.entries, separators=(",", ":")) + "}")
        assert cache_module.Cache(str(tmp_path / "c"), "k").entries == saved.entries
