"""Worker processes and exit codes: workers never outlive the scan, a crash is exit 2."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from goleaklint import cli as cli_module
from goleaklint import engine
from goleaklint.rules import ALL_RULES

LEAK = "package x\n\nfunc f(conn *amqp.Connection) {\n\tconn.NotifyClose(make(chan *amqp.Error))\n}\n"
CPUS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
two_cpus = pytest.mark.skipif(CPUS < 2, reason="needs two CPUs for a pool")


@pytest.fixture
def many(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i in range(60):
        (tmp_path / f"f{i}.go").write_text(LEAK)
    return tmp_path


def children(pid: int) -> set[int]:
    found = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as handle:
            found |= {int(p) for p in handle.read().split()}
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@two_cpus
@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads /proc")
def test_workers_exit_when_the_main_process_is_killed(tmp_path) -> None:
    for i in range(3000):
        (tmp_path / f"f{i}.go").write_text(LEAK)
    proc = subprocess.Popen(
        [sys.executable, "-m", "goleaklint", "check", "--no-cache", "-j", "2", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    for _ in range(600):
        workers = children(proc.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.05)
    assert len(workers) >= 2, "the pool never started"
    proc.kill()  # the main process only, as the OOM killer or a supervisor would
    proc.wait()
    for _ in range(300):  # a reader such as `| wc` gets its end of file
        if not any(alive(p) for p in workers):
            break
        time.sleep(0.1)
    try:
        assert not any(alive(p) for p in workers)
    finally:
        for p in workers:
            if alive(p):
                os.kill(p, signal.SIGKILL)
    assert proc.stdout.read() is not None


def test_an_internal_crash_exits_2(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "a.go").write_text(LEAK)

    def crash(result, root):
        raise RuntimeError("formatter bug")

    monkeypatch.setitem(cli_module.FORMATTERS, "json", crash)
    monkeypatch.setattr(sys, "argv", ["goleaklint", "check", "--no-cache", "--format", "json",
                                      str(tmp_path)])
    with pytest.raises(SystemExit) as exited:
        cli_module.main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "goleaklint: internal error: RuntimeError: formatter bug" in err
    assert "Traceback" not in err


@two_cpus
def test_jobs_are_capped_and_the_cap_is_said(many, monkeypatch) -> None:
    started = []
    real = engine.ProcessPoolExecutor

    def recorded(workers, **kwargs):
        started.append(workers)
        return real(workers, **kwargs)

    monkeypatch.setattr(engine, "ProcessPoolExecutor", recorded)
    result = CliRunner().invoke(cli_module.cli, ["check", "--no-cache", "-j", "2000", "."])
    assert result.exit_code == 1
    cpus = engine.available_cpus()
    assert started == [min(cpus, 60)]
    assert (f"goleaklint: note: --jobs 2000 capped at {min(cpus, 60)}: {cpus} CPUs available, "
            "60 files to scan") in result.stderr
    assert result.stdout.count("GL002") == 60


def test_jobs_within_the_limits_say_nothing(many) -> None:
    result = CliRunner().invoke(cli_module.cli, ["check", "--no-cache", "-j", "1", "."])
    assert "capped" not in result.stderr


@two_cpus
def test_the_pool_is_gone_when_the_scan_returns(many) -> None:
    """Workers left to the garbage collector were shut down at interpreter exit, racing
    it: now and then a `Bad file descriptor` traceback."""
    settings = engine.Settings(jobs=2)
    result = engine.scan(["."], ALL_RULES, settings)
    assert len(result.findings) == 60
    assert multiprocessing.active_children() == []
