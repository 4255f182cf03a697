"""Fixes as users meet them: each rule's `fix_*.go` fixtures become their `.go.fixed`
golden files under `--fix --unsafe-fixes` (byte for byte), the fixed code parses, is
gofmt-clean and has lost the fixed findings without gaining any; and the command line
(`--fix`, `--unsafe-fixes`, `--diff`, `[*]`, exit codes, SARIF and JSON fixes)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap

import pytest
from click.testing import CliRunner
from sarif_kit.validate import validation_errors

from goleaklint import engine, fixes, parsing
from goleaklint.cli import cli
from goleaklint.rules import ALL_RULES, BY_CODE

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTDATA = os.path.join(ROOT, "testdata")
FIXTURES = sorted(
    os.path.relpath(os.path.join(dirpath, name), TESTDATA)
    for dirpath, _, names in os.walk(TESTDATA)
    for name in names
    if name.startswith("fix_") and name.endswith(".go")
)


def _rule_of(fixture: str):
    stem = fixture.split(os.sep)[0]
    return next(r for r in ALL_RULES if r.stem == stem)


def fix_source(path: str, source: bytes, rules, unsafe: bool = True) -> tuple[bytes, list, list]:
    """(fixed source, findings before, findings after) for one file alone."""
    settings = engine.Settings(default_excludes=False, include_generated=True)
    before = engine.scan([], rules, settings, stdin=(path, source))
    state = {"result": before}

    def relint(sources):
        state["result"] = engine.relint(state["result"], sources, settings)
        return state["result"].findings

    outcome, after = fixes.fix_findings(before.findings, lambda p: source, relint, unsafe)
    return outcome.fixed.get(before.paths[0], source), before.findings, after


def test_every_rule_with_fixes_has_a_golden_fixture() -> None:
    covered = {_rule_of(f).code for f in FIXTURES}
    assert covered == {r.code for r in ALL_RULES if r.fix}
    for fixture in FIXTURES:
        assert os.path.isfile(os.path.join(TESTDATA, fixture + ".fixed")), fixture


@pytest.mark.parametrize("fixture", FIXTURES)
def test_fix_matches_golden(fixture: str) -> None:
    rule = _rule_of(fixture)
    with open(os.path.join(TESTDATA, fixture), "rb") as handle:
        source = handle.read()
    with open(os.path.join(TESTDATA, fixture + ".fixed"), "rb") as handle:
        golden = handle.read()
    fixed, before, after = fix_source(fixture, source, [rule, BY_CODE["GL000"]])
    assert fixed.decode() == golden.decode()
    assert fixed != source, "the fixture has nothing to fix"
    assert parsing.first_error(parsing.parse(fixed)) is None
    # Every finding left has no fix (the fixer got to the end), and none is new.
    assert [f for f in after if f.fix is not None] == []
    assert {f.fingerprint for f in after} <= {f.fingerprint for f in before}
    assert len(after) < len(before)


@pytest.mark.parametrize("fixture", FIXTURES)
def test_fix_adds_no_finding_of_any_rule(fixture: str) -> None:
    with open(os.path.join(TESTDATA, fixture + ".fixed"), "rb") as handle:
        golden = handle.read()
    with open(os.path.join(TESTDATA, fixture), "rb") as handle:
        source = handle.read()
    settings = engine.Settings(default_excludes=False, include_generated=True)
    before = engine.scan([], ALL_RULES, settings, stdin=(fixture, source)).findings
    after = engine.scan([], ALL_RULES, settings, stdin=(fixture, golden)).findings
    # Fingerprints do not depend on lines, which the fixes move.
    assert {f.fingerprint for f in after} <= {f.fingerprint for f in before}


@pytest.mark.skipif(shutil.which("gofmt") is None, reason="gofmt is not installed")
def test_golden_files_are_gofmt_clean() -> None:
    goldens = [os.path.join(TESTDATA, f + ".fixed") for f in FIXTURES]
    proc = subprocess.run(["gofmt", "-l", *goldens], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "", f"not gofmt-clean:\n{proc.stdout}"


# --- the command line ---------------------------------------------------------------

LEAKY = textwrap.dedent("""\
    package svc

    import (
    \t"context"
    \t"net/http"
    )

    func get(parent context.Context, url string) error {
    \tctx, _ := context.WithCancel(parent)
    \treq, err := http.NewRequestWithContext(ctx, "GET", url, nil)
    \tif err != nil {
    \t\treturn err
    \t}
    \tresp, err := http.DefaultClient.Do(req)
    \tif err != nil {
    \t\treturn err
    \t}
    \t_ = resp.Status
    \treturn nil
    }

    var client = &http.Client{}
    """)


def run(*args, input=None):
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "svc.go").write_text(LEAKY)
    os.chmod(tmp_path / "svc.go", 0o644)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_marks_fixable_findings_and_counts_them(project) -> None:
    code, out, err = run("check", "--no-cache", ".")
    assert code == 1
    lines = out.splitlines()
    assert [line.split(": ", 2)[2].startswith("[*] ") for line in lines] == [True, True, False]
    assert "2 fixable with --fix (1 more with --unsafe-fixes)" in err
    _, out, _ = run("check", "--no-cache", "--unsafe-fixes", ".")
    assert all(": [*] " in line for line in out.splitlines())


def test_diff_prints_and_writes_nothing(project) -> None:
    code, out, err = run("check", "--no-cache", "--diff", ".")
    assert code == 1
    assert (project / "svc.go").read_text() == LEAKY
    assert out.splitlines()[:2] == ["--- a/svc.go", "+++ b/svc.go"]
    assert "+\tctx, cancel := context.WithCancel(parent)" in out
    assert "+\tdefer cancel()" in out and "+\tdefer resp.Body.Close()" in out
    assert "Timeout" not in out  # unsafe
    assert "would fix 2 findings (GL008: 1, GL009: 1) in 1 file; 1 remaining" in err


def test_fix_writes_safe_fixes_and_reports_what_remains(project) -> None:
    code, out, err = run("check", "--no-cache", "--fix", ".")
    assert code == 1  # the GL006 warning remains
    fixed = (project / "svc.go").read_text()
    assert "defer cancel()" in fixed and "Timeout" not in fixed
    assert os.stat(project / "svc.go").st_mode & 0o777 == 0o644
    assert [line.split(": ")[0] for line in out.splitlines()] == ["svc.go:24:15"]
    assert "fixed 2 findings (GL008: 1, GL009: 1) in 1 file; 1 remaining" in err
    assert run("check", "--no-cache", "--fix", ".")[0] == 1
    assert (project / "svc.go").read_text() == fixed  # nothing more to do
    # Nothing left at or above --fail-on: exit 0, as ruff.
    assert run("check", "--no-cache", "--fix", "--fail-on", "error", ".")[0] == 0


def test_unsafe_fixes_adds_timeout_and_time_import(project) -> None:
    code, out, err = run("check", "--no-cache", "--fix", "--unsafe-fixes", ".")
    assert code == 0 and out == ""
    fixed = (project / "svc.go").read_text()
    assert '\t"net/http"\n\t"time"\n)' in fixed
    assert "var client = &http.Client{Timeout: 30 * time.Second}" in fixed
    assert "fixed 3 findings" in err
    assert run("check", "--no-cache", ".")[0] == 0


def test_fix_from_stdin_prints_the_fixed_source(project) -> None:
    code, out, err = run("check", "--fix", "--stdin-filename", "svc.go", input=LEAKY)
    assert code == 1
    assert "defer cancel()" in out and out.startswith("package svc")
    assert (project / "svc.go").read_text() == LEAKY


def test_fix_with_write_baseline_is_a_usage_error(project) -> None:
    code, _, err = run("check", "--fix", "--write-baseline", "b.json", ".")
    assert code == 2 and "--write-baseline" in err


def test_sarif_and_json_carry_fixes(project) -> None:
    _, out, _ = run("check", "--no-cache", "--format", "sarif", ".")
    log = json.loads(out)
    assert validation_errors(log) == []
    results = log["runs"][0]["results"]
    gl009 = next(r for r in results if r["ruleId"] == "GL009")
    (change,) = gl009["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "svc.go"
    rename, insert = change["replacements"]
    assert rename["deletedRegion"] == {"startLine": 9, "startColumn": 7, "endLine": 9, "endColumn": 8}
    assert rename["insertedContent"] == {"text": "cancel"}
    assert insert["deletedRegion"]["startLine"] == 10 and insert["insertedContent"] == {
        "text": "\tdefer cancel()\n"}
    gl006 = next(r for r in results if r["ruleId"] == "GL006")
    assert "(unsafe)" in gl006["fixes"][0]["description"]["text"]
    _, out, _ = run("check", "--no-cache", "--format", "json", ".")
    fix = next(f for f in json.loads(out)["findings"] if f["rule"] == "GL009")["fix"]
    assert fix["applicability"] == "safe" and fix["edits"][0]["content"] == "cancel"


def test_rules_lists_the_fix_column() -> None:
    _, out, _ = run("rules")
    rows = {line.split()[0]: line.split()[4] for line in out.splitlines()}
    assert rows["GL002"] == "safe" and rows["GL006"] == "unsafe" and rows["GL011"] == "-"


# --- the fixer's rules ----------------------------------------------------------------


def _finding(fix, fingerprint: str = "f", path: str = "a.go"):
    from goleaklint.model import Confidence, Finding, Severity

    return Finding("GL002", "unbuffered-notify-channel", Severity.ERROR, Confidence.HIGH,
                   path, 1, 1, 1, 2, "m", fingerprint=fingerprint, fix=fix)


def test_overlapping_edits_wait_for_the_next_pass() -> None:
    from goleaklint.model import Edit, Fix

    source = b"package p\n"
    first = Fix("a", "safe", (Edit.at(source, 0, 7, "package"),))
    inside = Fix("b", "safe", (Edit.at(source, 3, 5, "xx"),))
    same_point = Fix("c", "safe", (Edit.at(source, 0, 0, "// c\n"),))
    after = Fix("d", "safe", (Edit.at(source, 9, 9, "\n"),))
    assert fixes.choose([inside, first, after, after]) == [first, after]
    assert fixes.choose([same_point, first]) in ([same_point], [first])  # same insertion point
    assert fixes.choose([same_point, inside]) == [same_point, inside]


def test_a_fix_that_would_break_the_syntax_is_not_written() -> None:
    from goleaklint.model import Edit, Fix

    source = b"package p\n\nfunc f() {}\n"
    broken = Fix("x", "safe", (Edit.at(source, len(source) - 2, len(source) - 1, ""),))
    outcome, left = fixes.fix_findings([_finding(broken)], lambda p: source,
                                       lambda sources: [], unsafe=False)
    assert outcome.fixed == {} and outcome.reverted == ["a.go"] and outcome.count == 0


def test_unsafe_fixes_wait_for_the_flag_and_a_fix_is_not_applied_twice() -> None:
    from goleaklint.model import Edit, Fix

    source = b"package p\n"
    add = Fix("x", "unsafe", (Edit.at(source, len(source), len(source), "\n// x\n"),))
    outcome, _ = fixes.fix_findings([_finding(add)], lambda p: source, lambda s: [], unsafe=False)
    assert outcome.count == 0
    # A relint that keeps reporting the same finding (same fingerprint) does not make
    # the fixer apply its fix again and again.
    again = lambda sources: [_finding(Fix("x", "unsafe", (Edit.at(sources["a.go"], 0, 0, "//\n"),)))]  # noqa: E731
    outcome, _ = fixes.fix_findings([_finding(add)], lambda p: source, again, unsafe=True)
    assert outcome.count == 1 and outcome.passes == 1
    assert outcome.fixed["a.go"] == b"package p\n\n// x\n"
