"""The Go version of a file's module decides what GL010 may say: since Go 1.23 an
unreferenced ticker is collected without Stop. The version comes from the nearest
go.mod, and a cached result is redone when that go.mod changes."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from goleaklint.cli import cli

TICKER = "package x\n\nimport \"time\"\n\nfunc poll(d time.Duration) {\n\tt := time.NewTicker(d)\n\t<-t.C\n}\n"


def lines(*args: str) -> list[tuple[str, int]]:
    # low findings too: the question here is the Go version, not whether the poll repeats
    result = CliRunner().invoke(cli, ["check", "--select", "GL010", "--min-confidence", "low", "--format", "json",
                                      *args])
    assert result.exit_code in (0, 1), result.output
    return [(os.path.basename(f["path"]), f["line"]) for f in json.loads(result.stdout)["findings"]]


def module(folder, go_lines: str, mtime: int) -> None:
    gomod = folder / "go.mod"
    gomod.write_text(f"module example.com/x\n\n{go_lines}\n")
    os.utime(gomod, (mtime, mtime))


@pytest.mark.parametrize("go_lines, reported", [
    ("go 1.22", True),
    ("go 1.23.0", False),
    ("go 1.24\n\ngodebug asynctimerchan=1", True),  # the old timers, on request
])
def test_go_line_of_the_nearest_go_mod(tmp_path, go_lines: str, reported: bool) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "poll.go").write_text(TICKER)
    module(tmp_path, go_lines, 1_600_000_000)
    found = lines("--no-cache", str(tmp_path))
    assert found == ([("poll.go", 6)] if reported else [])


def test_no_go_mod_and_testdata_keep_the_old_timers(tmp_path) -> None:
    module(tmp_path, "go 1.23", 1_600_000_000)
    (tmp_path / "testdata").mkdir()
    (tmp_path / "testdata" / "poll.go").write_text(TICKER)  # not built by the module above
    assert lines("--no-cache", "--no-default-excludes", str(tmp_path)) == [("poll.go", 6)]


def test_cached_result_is_redone_when_go_mod_changes(tmp_path) -> None:
    (tmp_path / "poll.go").write_text(TICKER)
    cache = str(tmp_path / "cache")
    module(tmp_path, "go 1.22", 1_600_000_000)
    assert lines("--cache-dir", cache, str(tmp_path / "poll.go")) == [("poll.go", 6)]
    module(tmp_path, "go 1.23", 1_600_000_100)
    assert lines("--cache-dir", cache, str(tmp_path / "poll.go")) == []


def test_cached_result_is_redone_when_a_go_mod_appears(tmp_path) -> None:
    (tmp_path / "poll.go").write_text(TICKER)
    cache = str(tmp_path / "cache")
    assert lines("--cache-dir", cache, str(tmp_path / "poll.go")) == [("poll.go", 6)]  # GOPATH mode
    module(tmp_path, "go 1.23", 1_600_000_000)
    assert lines("--cache-dir", cache, str(tmp_path / "poll.go")) == []


CONSUMER = ("package x\n\nimport amqp \"github.com/rabbitmq/amqp091-go\"\n\n"
            "func watch(conn *amqp.Connection) {\n\tconn.NotifyClose(make(chan *amqp.Error))\n}\n")


def notify_lines(*args: str) -> list[tuple[str, int]]:
    result = CliRunner().invoke(cli, ["check", "--select", "GL002", "--min-confidence", "low", "--format", "json",
                                      *args])
    assert result.exit_code in (0, 1), result.output
    return [(os.path.basename(f["path"]), f["line"]) for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize("require, reported", [
    ("", True),  # no amqp091 release required here: it may be an old one
    ("require github.com/rabbitmq/amqp091-go v1.11.0", True),
    ("require github.com/rabbitmq/amqp091-go v1.12.0-rc.1", True),  # a pre-release may lack the change
    ("require (\n\tgithub.com/rabbitmq/amqp091-go v1.12.0 // indirect\n)", False),
    ("require github.com/rabbitmq/amqp091-go v1.14.0", False),
])
def test_amqp091_release_required_decides_notify_close(tmp_path, require: str, reported: bool) -> None:
    (tmp_path / "watch.go").write_text(CONSUMER)
    module(tmp_path, f"go 1.21\n\n{require}", 1_600_000_000)
    assert notify_lines("--no-cache", str(tmp_path)) == ([("watch.go", 6)] if reported else [])


def test_cached_notify_result_is_redone_when_the_required_release_changes(tmp_path) -> None:
    (tmp_path / "watch.go").write_text(CONSUMER)
    cache = str(tmp_path / "cache")
    module(tmp_path, "go 1.21\n\nrequire github.com/rabbitmq/amqp091-go v1.10.0", 1_600_000_000)
    assert notify_lines("--cache-dir", cache, str(tmp_path / "watch.go")) == [("watch.go", 6)]
    module(tmp_path, "go 1.21\n\nrequire github.com/rabbitmq/amqp091-go v1.13.0", 1_600_000_100)
    assert notify_lines("--cache-dir", cache, str(tmp_path / "watch.go")) == []
