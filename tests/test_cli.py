"""The command line as users meet it: formats, exit codes, selection, config,
suppressions, stdin, generated files and broken Go."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner
from sarif_kit.validate import validation_errors

from goleaklint.cli import cli

LEAKY = textwrap.dedent("""\
    package main

    import amqp "github.com/rabbitmq/amqp091-go"

    func watch(conn *amqp.Connection) {
    \tclosed := make(chan *amqp.Error)
    \tconn.NotifyClose(closed)
    }
    """)
CLEAN = LEAKY.replace("make(chan *amqp.Error)", "make(chan *amqp.Error, 1)")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A tiny Go module in a temp dir, which becomes the current directory."""
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "watch.go").write_text(LEAKY)
    (tmp_path / "svc" / "ok.go").write_text(CLEAN.replace("func watch", "func watchOK"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args, input=None):
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_text_format_is_vim_errorformat_compatible(project) -> None:
    code, out, err = run("check", ".")
    assert code == 1
    lines = out.splitlines()
    assert lines == [
        "svc/watch.go:7:2: error: [*] unbuffered channel `closed` (made at line 6) passed to "
        "NotifyClose blocks the sender forever once nobody receives; give it a buffer: "
        "make(chan T, 1) (GL002 unbuffered-notify-channel)"
    ]
    # vim's default errorformat %f:%l:%c:%m
    assert re.fullmatch(r"[^:]+:\d+:\d+: .+", lines[0])
    assert "1 finding in 2 files" in err


def test_json_format(project) -> None:
    code, out, _ = run("check", "--format", "json", "svc")
    assert code == 1
    doc = json.loads(out)
    assert set(doc) >= {"version", "findings", "errors", "stats"}
    (finding,) = doc["findings"]
    assert finding == {
        "rule": "GL002", "name": "unbuffered-notify-channel", "severity": "error",
        "confidence": "high", "path": "svc/watch.go", "line": 7, "column": 2,
        "end_line": 7, "end_column": 26, "message": finding["message"],
        "fix": finding["fix"],
    }
    assert finding["fix"]["applicability"] == "safe"
    assert doc["errors"] == [] and doc["stats"]["files"] == 2


def test_sarif_output_validates_against_the_schema(project) -> None:
    code, out, _ = run("check", "--format", "sarif", "-o", "out.sarif", ".")
    assert code == 1 and out == ""
    log = json.loads((project / "out.sarif").read_text())
    assert validation_errors(log) == []
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "goleaklint" and driver["version"]
    rule_ids = [r["id"] for r in driver["rules"]]
    (result,) = run_["results"]
    assert result["ruleId"] == "GL002" and rule_ids[result["ruleIndex"]] == "GL002"
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "svc/watch.go", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 7 and location["region"]["startColumn"] == 2
    assert "primaryLocationLineHash" not in result.get("partialFingerprints", {})
    assert result["partialFingerprints"]["goleaklint/v1"]
    gl002 = driver["rules"][result["ruleIndex"]]
    assert gl002["help"]["markdown"].startswith("## What it does")
    assert gl002["properties"]["precision"] == "high"


def test_sarif_with_no_findings_has_empty_results(project) -> None:
    (project / "svc" / "watch.go").write_text(CLEAN)
    code, out, _ = run("check", "--format", "sarif", ".")
    assert code == 0
    log = json.loads(out)
    assert log["runs"][0]["results"] == []
    assert validation_errors(log) == []


def test_sarif_uri_is_relative_to_git_root(project) -> None:
    subprocess.run(["git", "init", "-q"], check=True)
    os.chdir("svc")
    _, out, _ = run("check", "--format", "sarif", ".")
    uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert uri["artifactLocation"]["uri"] == "svc/watch.go"


def test_github_format_escapes(project) -> None:
    (project / "svc" / "a,b%.go").write_text(LEAKY)
    code, out, _ = run("check", "--format", "github", ".")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("::error file=svc/a%2Cb%25.go,line=7,col=2,")
    assert "title=GL002 unbuffered-notify-channel::unbuffered channel" in lines[0]
    assert lines[1].startswith("::error file=svc/watch.go,line=7,col=2,")


@pytest.mark.parametrize(
    "fail_on, expected", [("error", 1), ("warning", 1), ("note", 1)]
)
def test_fail_on_at_or_above(project, fail_on, expected) -> None:
    assert run("check", "--fail-on", fail_on, ".")[0] == expected


def test_fail_on_note_counts_gl000(project) -> None:
    (project / "svc" / "watch.go").write_text(CLEAN + "\n//goleaklint:ignore GL002 stale\n")
    code, out, _ = run("check", ".")
    assert code == 0 and "GL000" in out  # a note does not fail by default
    assert run("check", "--fail-on", "note", ".")[0] == 1


def test_clean_tree_exits_zero(project) -> None:
    (project / "svc" / "watch.go").write_text(CLEAN)
    code, out, err = run("check", ".")
    assert (code, out) == (0, "")
    assert "0 findings" in err


@pytest.mark.parametrize("selector", ["GL002", "GL0", "unbuffered-notify-channel", "gl002"])
def test_select_by_code_prefix_or_name(project, selector) -> None:
    assert run("check", "--select", selector, ".")[0] == 1


@pytest.mark.parametrize("selector", ["GL002", "GL0", "unbuffered-notify-channel"])
def test_ignore_by_code_prefix_or_name(project, selector) -> None:
    code, out, _ = run("check", "--ignore", selector, ".")
    assert (code, out) == (0, "")


def test_unknown_rule_is_a_usage_error(project) -> None:
    code, _, err = run("check", "--select", "GL999", ".")
    assert code == 2
    assert "unknown rule 'GL999'" in err


def test_missing_path_is_reported_and_exits_2(project) -> None:
    code, out, err = run("check", "svc", "nope")
    assert code == 2
    assert "GL002" in out  # the rest of the scan is still done
    assert "goleaklint: error: nope: path does not exist" in err


def test_stdin_filename(project) -> None:
    code, out, _ = run("check", "--stdin-filename", "pkg/x.go", "-", input=LEAKY)
    assert code == 1
    assert out.startswith("pkg/x.go:7:2: error:")
    code, out, _ = run("check", "--stdin-filename", "x.go", input="package x\n")
    assert (code, out) == (0, "")


def test_stdin_through_the_installed_entry_point(project) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "goleaklint", "check", "--stdin-filename", "x.go", "-"],
        input=b"package x\n", capture_output=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"0 findings in 1 file" in proc.stderr


def test_generated_files_are_skipped_unless_asked(project) -> None:
    header = "// Code generated by mockgen. DO NOT EDIT.\n\n"
    (project / "svc" / "watch.go").write_text(header + LEAKY)
    assert run("check", ".")[0] == 0
    assert run("check", "--include-generated", ".")[0] == 1
    # The marker only counts before the package clause.
    (project / "svc" / "watch.go").write_text(LEAKY + "\n" + header)
    assert run("check", ".")[0] == 1


def test_default_excludes_apply_below_roots_only(project) -> None:
    for folder in ("vendor/lib", "testdata", ".hidden", "_examples"):
        (project / folder).mkdir(parents=True)
        (project / folder / "x.go").write_text(LEAKY)
    (project / "svc" / "watch.go").write_text(CLEAN)
    assert run("check", ".")[0] == 0
    assert run("check", "vendor/lib")[0] == 1  # named directly
    code, out, _ = run("check", "--no-default-excludes", ".")
    assert code == 1 and len(out.splitlines()) == 4


@pytest.mark.parametrize("pattern", ["./...", "...", "svc/..."])
def test_go_package_patterns(project, pattern) -> None:
    code, out, _ = run("check", pattern)
    assert code == 1 and out.startswith("svc/watch.go:7:2:")


def test_exclude_glob(project) -> None:
    assert run("check", "--exclude", "svc/watch.go", ".")[0] == 0
    assert run("check", "--exclude", "svc", ".")[0] == 0
    assert run("check", "--exclude", "*.go", ".")[0] == 0


def test_syntax_error_keeps_the_intact_functions(project) -> None:
    broken = LEAKY + "\nfunc broken( {\n\tif x := ; {\n}\n"
    (project / "svc" / "watch.go").write_text(broken)
    code, out, err = run("check", "--format", "json", ".")
    doc = json.loads(out)
    assert code == 1
    assert [f["line"] for f in doc["findings"]] == [7]
    assert doc["notes"][0]["path"] == "svc/watch.go"
    assert "syntax error" in doc["notes"][0]["message"]
    assert "goleaklint: note: svc/watch.go:" in err
    code, out, _ = run("check", "--format", "sarif", ".")
    log = json.loads(out)
    assert validation_errors(log) == []
    (note,) = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "note" and "syntax error" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "svc/watch.go"


def test_go_1_26_new_with_an_expression_is_no_syntax_error(project) -> None:
    """Go 1.26 lets `new` take an expression (`new("")`, `new(len(b))`), which the pinned
    grammar reads only as `new(Type)`: such files are analysed whole, with no note, and a
    real syntax error beside them is still named."""
    go126 = LEAKY.replace("\tconn.NotifyClose(closed)\n",
                          "\tname, size := new(\"amqp\"), new(len(\"ab\") + 1)\n\t_, _ = name, size\n"
                          "\tconn.NotifyClose(closed)\n")
    (project / "svc" / "watch.go").write_text(go126)
    code, out, err = run("check", "--format", "json", ".")
    doc = json.loads(out)
    assert code == 1 and doc["notes"] == [] and "syntax error" not in err
    assert [(f["rule"], f["line"]) for f in doc["findings"]] == [("GL002", 9)]
    (project / "svc" / "watch.go").write_text(go126 + "\nfunc broken( {\n")
    doc = json.loads(run("check", "--format", "json", ".")[1])
    assert [f["line"] for f in doc["findings"]] == [9]
    assert "syntax error at 12:" in doc["notes"][0]["message"]


def test_suppression_is_honoured_in_every_format(project) -> None:
    source = LEAKY.replace("conn.NotifyClose(closed)",
                           "conn.NotifyClose(closed) //goleaklint:ignore GL002 lives forever")
    (project / "svc" / "watch.go").write_text(source)
    for fmt in ("text", "json", "sarif", "github"):
        code, out, _ = run("check", "--format", fmt, ".")
        assert code == 0, fmt
        if fmt == "sarif":  # the rules' metadata names GL002; no result may
            assert json.loads(out)["runs"][0]["results"] == []
        else:
            assert "GL002" not in out.replace('"GL002"', ""), fmt


def test_config_file_and_cli_precedence(project) -> None:
    (project / ".goleaklint.toml").write_text('ignore = ["GL002"]\nfail-on = "error"\n')
    assert run("check", ".")[0] == 0
    # CLI wins: --select brings the rule back... but ignore from config still applies
    # only when the CLI does not give its own --ignore.
    assert run("check", "--ignore", "GL000", ".")[0] == 1
    # A nested directory finds the config going up.
    os.chdir("svc")
    assert run("check", ".")[0] == 0


def test_pyproject_section(project) -> None:
    (project / "pyproject.toml").write_text('[tool.goleaklint]\nselect = ["GL000"]\n')
    assert run("check", ".")[0] == 0


@pytest.mark.parametrize(
    "content, message",
    [
        ("select = [", "invalid TOML"),
        ('colour = "red"', "unknown key 'colour'"),
        ('select = ["GL999"]', "unknown rule 'GL999'"),
        ('fail-on = "fatal"', "fail-on must be one of"),
        ('min-confidence = "sure"', "min-confidence must be one of high, medium, low"),
        ("select = 3", "select must be a list"),
        ('[rules.GL002]\nspeed = 1', "unknown option 'speed' for GL002"),
        ('[rules.GL998]\nx = 1', "[rules.GL998]: unknown rule"),
    ],
)
def test_bad_config_is_a_clear_error(project, content, message) -> None:
    (project / ".goleaklint.toml").write_text(content)
    code, out, err = run("check", ".")
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err
    assert err.startswith("goleaklint: error: ")


def test_explicit_config_flag(project) -> None:
    (project / "strict.toml").write_text('select = ["GL000"]\n')
    assert run("check", "--config", "strict.toml", ".")[0] == 0
    code, _, err = run("check", "--config", "missing.toml", ".")
    assert code == 2 and "cannot read" in err


def test_rules_and_explain() -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert re.search(r"^GL002\s+unbuffered-notify-channel\s+error\s+high\s+\S", out, re.M)
    code, out, _ = run("explain", "GL002")
    assert code == 0
    assert "## Why is this bad?" in out and "NotifyClose" in out
    assert run("explain", "unbuffered-notify-channel")[1] == out
    code, _, err = run("explain", "GL999")
    assert code == 2 and "unknown rule" in err


def test_help_teaches() -> None:
    code, out, _ = run("check", "--help")
    assert code == 0
    for flag in ("--format", "--select", "--fail-on", "--stdin-filename", "//goleaklint:ignore"):
        assert flag in out


def test_the_readme_example_shows_every_rule(repo_root, monkeypatch) -> None:
    from goleaklint.rules import ALL_RULES

    monkeypatch.chdir(repo_root)
    code, out, _ = run("check", "--no-cache", "--format", "json", "examples/")
    assert code == 1
    findings = json.loads(out)["findings"]
    assert {f["rule"] for f in findings} == {rule.code for rule in ALL_RULES} - {"GL000"}
    notifier = [f["line"] for f in findings if f["path"] == "examples/notifier/main.go"]
    assert notifier == [20, 33]  # both unbuffered registrations, despite `defer conn.Close()`


SAMPLER = textwrap.dedent("""\
    package svc

    import "time"

    // Never returns, but nothing shows it started more than once: low.
    func startSampler() {
    \tgo func() {
    \t\tfor {
    \t\t\ttime.Sleep(time.Second)
    \t\t}
    \t}()
    }

    func register(f func()) {}

    func setUp() { register(startSampler) }
    """)


def test_low_confidence_finding_is_hidden_unless_asked(tmp_path, monkeypatch) -> None:
    """A finding whose harm rests on repetition the code does not show (lifetime.runs_again)
    is not shown by default; the summary counts it, and --min-confidence low shows it."""
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "sampler.go").write_text(SAMPLER)
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check", "--select", "GL011", ".")
    assert (code, out) == (0, "")
    assert "1 of low confidence not shown (--min-confidence low)" in err
    code, out, err = run("check", "--select", "GL011", "--min-confidence", "low", ".")
    assert code == 1
    assert out.splitlines() == [
        "svc/sampler.go:7:2: warning: goroutine never returns: its `for {}` loop at line 8 runs until the "
        "process exits; add a ctx.Done() exit (GL011 goroutine-without-exit, low confidence)"]
    assert "of low confidence not shown" not in err


POLLER_TEST = textwrap.dedent("""\
    package svc

    import (
    \t"net/http"
    \t"os"
    \t"strings"
    \t"testing"
    )

    func TestPages(t *testing.T) {
    \tfor _, url := range strings.Fields(os.Getenv("PAGES")) {
    \t\tres, err := http.Get(url)
    \t\tif err != nil {
    \t\t\tt.Fatal(err)
    \t\t}
    \t\thead := make([]byte, 2)
    \t\tres.Body.Read(head)
    \t}
    }
    """)


def test_test_files_left_unchecked_for_hidden_findings_are_counted(tmp_path, monkeypatch) -> None:
    """By default (findings of low confidence hidden) GL008 is not run on a test file
    where all it can find is of low confidence; the summary says how many test files
    were left unchecked, and --min-confidence low checks them (the cache of the default
    run does not stand in for that)."""
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "pages_test.go").write_text(POLLER_TEST)
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check", "--select", "GL008", ".")
    assert (code, out) == (0, "")
    assert "1 test file not checked for findings of low confidence (--min-confidence low)" in err
    code, out, err = run("check", "--select", "GL008", "--min-confidence", "low", ".")
    assert code == 1
    assert out.splitlines() == [
        "svc/pages_test.go:12:15: error: `res.Body` from http.Get is never closed: call res.Body.Close() "
        "before the iteration ends (GL008 body-not-closed, low confidence)"]
    assert "not checked" not in err and "not shown" not in err
