"""Output channels cannot be forged or broken by file names and source text, and
`-o` writes into what it is given."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading

import pytest

LEAK = "package x\n\nfunc f(conn *amqp.Connection) {\n\tconn.NotifyClose(make(chan *amqp.Error))\n}\n"


def run(cwd, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "goleaklint", "check", "--no-cache", *args],
                          cwd=cwd, capture_output=True)


def test_github_mode_cannot_be_forged_from_a_file_name(tmp_path) -> None:
    name = "a\n::warning title=X::forged\n.go"
    (tmp_path / name).write_text(LEAK)
    (tmp_path / (name + "x.go")).write_bytes(b"\0")  # a note on stderr names it too
    done = run(tmp_path, "--format", "github", ".")
    for stream in (done.stdout, done.stderr):
        lines = stream.decode().splitlines()
        assert not [line for line in lines if line.startswith("::warning title=X")], lines


def test_text_mode_escapes_control_characters(tmp_path) -> None:
    (tmp_path / "a\nb.go").write_text(LEAK)
    done = run(tmp_path, ".")
    assert done.stdout.decode().splitlines()[0].startswith("a\\nb.go:4:2: error:")


@pytest.mark.parametrize("form", ["sarif", "json"])
def test_names_that_are_not_utf8(tmp_path, form) -> None:
    name = b"caf\xe9.go"
    with open(os.path.join(os.fsencode(tmp_path), name), "w") as out:
        out.write(LEAK)
    done = run(tmp_path, "--format", form, ".")
    assert done.returncode == 1, done.stderr
    document = json.loads(done.stdout.decode("utf-8"))  # valid UTF-8
    if form == "sarif":
        (result,) = document["runs"][0]["results"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "caf%E9.go"
    else:
        assert document["findings"][0]["path"].encode("utf-8", "surrogateescape") == name
    for option in ("-o", "--sarif-output", "--json-output"):
        done = run(tmp_path, option, "out.txt", ".")
        assert done.returncode == 1 and b"Traceback" not in done.stderr


def test_sarif_uri_of_a_name_starting_with_two_dots(tmp_path) -> None:
    (tmp_path / "..dots.go").write_text(LEAK)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    done = run(tmp_path, "--format", "sarif", ".")
    (result,) = json.loads(done.stdout)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "..dots.go", "uriBaseId": "%SRCROOT%"}


def test_output_keeps_mode_hard_links_and_symlinks(tmp_path) -> None:
    (tmp_path / "a.go").write_text(LEAK)
    kept = tmp_path / "kept.json"
    kept.write_text("old")
    kept.chmod(0o644)
    os.link(kept, tmp_path / "other-name.json")
    target = tmp_path / "target.json"
    target.write_text("old")
    (tmp_path / "link.json").symlink_to(target)
    for out in ("kept.json", "link.json", "new.json"):
        assert run(tmp_path, "--format", "json", "-o", out, "a.go").returncode == 1
    assert stat.S_IMODE(kept.stat().st_mode) == 0o644
    assert (tmp_path / "other-name.json").read_text() == kept.read_text() != "old"
    assert (tmp_path / "link.json").is_symlink() and target.read_text() != "old"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o666 & ~umask


def test_output_to_a_fifo_and_a_process_substitution(tmp_path) -> None:
    (tmp_path / "a.go").write_text(LEAK)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    assert run(tmp_path, "--format", "json", "-o", "fifo", "a.go").returncode == 1
    reader.join(60)
    assert json.loads(got[0])["findings"] and stat.S_ISFIFO(os.stat(fifo).st_mode)
    read_end, write_end = os.pipe()  # what `-o >(cat)` hands over: /dev/fd/N
    proc = subprocess.Popen([sys.executable, "-m", "goleaklint", "check", "--no-cache",
                             "--format", "json", "-o", f"/dev/fd/{write_end}", "a.go"],
                            cwd=tmp_path, pass_fds=(write_end,), stderr=subprocess.PIPE)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        assert json.loads(pipe.read())["findings"]
    assert proc.wait(60) == 1, proc.stderr.read()
