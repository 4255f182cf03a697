"""The work done on one file grows linearly with the file, and a file that takes too
long is stopped with a note while the scan goes on.

Work is counted, not timed: the number of Python lines of goleaklint executed on a
shape of size n and of size 4n (benchmarks/scaling.py times the same shapes). A
linear analysis does about 4 times the work; one that re-reads the function or the
file for each candidate does about 16 times."""

from __future__ import annotations

import dataclasses
import os
import sys
import threading

import pytest
from click.testing import CliRunner

from goleaklint import engine
from goleaklint.cli import cli
from goleaklint.rules import ALL_RULES

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(__file__)), "benchmarks"))
import scaling  # noqa: E402

PACKAGE = os.path.dirname(engine.__file__)
CODES = tuple(rule.code for rule in ALL_RULES)


def lines_executed(source: str) -> int:
    """Python lines of goleaklint run by analysing source with every rule."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def global_(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    sys.settrace(global_)
    try:
        engine.analyze_source("shape.go", source.encode(), CODES, {})
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("shape, n", [
    ("goroutine-sends", 40),
    ("one-line-functions", 100),
    ("sends-under-lock", 60),
    ("field-sends", 60),
    ("resources", 10),
    ("checked-resources", 10),
    ("reused-names", 10),
])
def test_work_grows_linearly(shape: str, n: int) -> None:
    generate, _ = scaling.SHAPES[shape]
    small, large = lines_executed(generate(n)), lines_executed(generate(4 * n))
    assert large / small < 6, f"{shape}: {small} -> {large} lines for 4x the input"


def test_none_left_condition_is_still_recognised() -> None:
    """The loop exit under `if len(pending) == 0` is the senders' own doing (the regex
    lost its quadratic `len(...)` form, not this meaning)."""
    source = ("package p\n\nfunc (s *S) loop() {\n\tfor {\n\t\tv := <-s.in\n\t\ts.use(v)\n"
              "\t\tif len(s.pending[s.key]) == 0 {\n\t\t\treturn\n\t\t}\n\t}\n}\n\n"
              "func (s *S) put() { s.in <- 1 }\n")
    result = engine.analyze_source("a.go", source.encode(), ("GL003",), {})
    assert result.findings == []
    fires = source.replace("len(s.pending[s.key]) == 0", "len(s.pending[s.key]) == 1")
    result = engine.analyze_source("a.go", fires.encode(), ("GL003",), {})
    assert [f.rule for f in result.findings] == ["GL003"]


SLOW = "package p\n\nfunc (s *S) put() { s.in <- 1 }\n"
FAST = "package q\n\nfunc f(conn *amqp.Connection) {\n\tconn.NotifyClose(make(chan *amqp.Error))\n}\n"


@pytest.fixture
def spinning(monkeypatch) -> dict:
    """GL003 made to spin forever on files whose name holds `slow` while
    spinning["on"] is true."""
    from goleaklint import rules as registry

    rule = registry.BY_CODE["GL003"]
    state = {"on": True}

    def spin(ctx):
        while state["on"] and "slow" in ctx.path:
            pass
        yield from rule.check(ctx)

    monkeypatch.setitem(registry.BY_CODE, "GL003", dataclasses.replace(rule, check=spin))
    monkeypatch.setattr(engine, "BY_CODE", registry.BY_CODE)
    engine._rule_query.cache_clear()
    engine._combined.cache_clear()
    yield state
    engine._rule_query.cache_clear()
    engine._combined.cache_clear()


def test_a_file_over_the_budget_is_noted_and_the_scan_goes_on(tmp_path, monkeypatch,
                                                              spinning) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slow.go").write_text(SLOW)
    (tmp_path / "fast.go").write_text(FAST)
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--file-time-budget", "0.2",
                                      "-j", "1", "."])
    assert result.exit_code == 1  # the other file's finding
    assert "fast.go:4:2" in result.stdout
    assert ("analysis of slow.go stopped after 0.2 s in GL003 blocking-send; "
            "the findings up to then are reported") in result.stderr
    assert "Traceback" not in result.stderr


def test_a_stopped_file_is_not_cached(tmp_path, monkeypatch, spinning) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slow.go").write_text(SLOW)
    args = ["check", "--cache-dir", str(tmp_path / "cache"), "--file-time-budget", "0.2", "."]
    assert "stopped after 0.2 s" in CliRunner().invoke(cli, args).stderr
    spinning["on"] = False
    assert "stopped" not in CliRunner().invoke(cli, args).stderr  # analysed, not replayed


def test_the_budget_holds_in_any_thread(spinning) -> None:
    """Signals reach only the main thread: elsewhere (an editor's lint thread) the
    watchdog stops the file, and the thread's next file is analysed in full."""
    results = []

    def lint() -> None:
        results.append(engine.analyze_source("slow.go", SLOW.encode(), CODES, {}, budget=0.2))
        results.append(engine.analyze_source("a.go", FAST.encode(), CODES, {}, budget=30))

    thread = threading.Thread(target=lint, daemon=True)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    stopped, fast = results
    assert stopped.stopped and "analysis of slow.go stopped after 0.2 s in GL003" in stopped.notes[-1].message
    assert not fast.stopped and [f.rule for f in fast.findings] == ["GL002"]


# The real program, with GL003 made to spin on files named slow*.go. Workers are forked
# from it, so they run the same rule; each says which process ran the slow file.
SPINNING_CLI = """
import dataclasses, os, sys
from goleaklint import engine, rules
rule = rules.BY_CODE["GL003"]
def spin(ctx):
    if "slow" in ctx.path:
        with open(os.environ["SLOW_PIDS"], "a") as out:
            out.write(f"{os.getpid()}\\n")
        while True:
            pass
    yield from rule.check(ctx)
rules.BY_CODE["GL003"] = engine.BY_CODE["GL003"] = dataclasses.replace(rule, check=spin)
print(os.getpid(), file=open(os.environ["MAIN_PID"], "w"))
from goleaklint.cli import main
main()
"""


@pytest.mark.parametrize("how", ["flag", "config"])
def test_the_budget_holds_in_pool_workers(tmp_path, how) -> None:
    from integration import env, run

    for i in range(60):  # enough files for the process pool
        (tmp_path / f"fast{i}.go").write_text(FAST)
    (tmp_path / "slow.go").write_text(SLOW)
    args = ["--file-time-budget", "0.5"] if how == "flag" else []
    if how == "config":
        (tmp_path / ".goleaklint.toml").write_text("file-time-budget = 0.5\n")
    done = run([sys.executable, "-c", SPINNING_CLI, "check", "--no-cache", "-j", "2", *args, "."],
               str(tmp_path), env={**env(), "SLOW_PIDS": str(tmp_path / "pids"),
                                   "MAIN_PID": str(tmp_path / "main-pid")}, timeout=120)
    assert done.returncode == 1, done.stderr  # the other files' findings
    assert done.stdout.count("GL002") == 60
    assert ("analysis of slow.go stopped after 0.5 s in GL003 blocking-send; "
            "the findings up to then are reported") in done.stderr
    if engine.capped_jobs(2, 61)[0] > 1:
        (worker,) = (tmp_path / "pids").read_text().split()
        assert worker != (tmp_path / "main-pid").read_text().strip()


def test_the_editor_server_keeps_the_configured_budget(tmp_path, spinning) -> None:
    from goleaklint.project import lint_source

    os.makedirs(tmp_path / ".git")
    (tmp_path / ".goleaklint.toml").write_text("file-time-budget = 0.2\n")
    notes: list[str] = []
    assert lint_source(str(tmp_path / "slow.go"), SLOW.encode(), notes=notes) == []
    assert notes == [f"analysis of {tmp_path / 'slow.go'} stopped after 0.2 s in GL003 blocking-send; "
                     "the findings up to then are reported (--file-time-budget raises the limit)"]
