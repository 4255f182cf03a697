"""One parametrized test walks every folder of testdata/: the folder's rule must
report exactly the findings its fixtures expect, no more and no fewer."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from fixtures import expectations

from goleaklint import engine
from goleaklint.rules import ALL_RULES, BY_CODE

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTDATA = os.path.join(ROOT, "testdata")
STEMS = sorted(d for d in os.listdir(TESTDATA) if os.path.isdir(os.path.join(TESTDATA, d)))
# Rules whose messages follow the message policy (README): one sentence of at most 160
# characters that says what is wrong and how to fix it. Every rule, once reworked.
CONCISE_RULES = {"GL001", "GL002", "GL003", "GL004", "GL005", "GL006", "GL007", "GL008", "GL009", "GL010", "GL011"}
MESSAGE_LIMIT = 160


def _message_problem(message: str) -> str | None:
    if len(message) > MESSAGE_LIMIT:
        return f"{len(message)} characters"
    if re.search(r"[.:]\s+[A-Z]", message) or message.endswith("."):
        return "more than one sentence"
    return None


def _go_files(folder: str) -> list[str]:
    return sorted(
        os.path.join(dirpath, name)
        for dirpath, _, names in os.walk(folder)
        for name in names
        if name.endswith(".go")
    )


@pytest.mark.parametrize("stem", STEMS)
def test_fixture_folder(stem: str, monkeypatch) -> None:
    monkeypatch.chdir(TESTDATA)
    rule = next((r for r in ALL_RULES if r.stem == stem), None)
    assert rule is not None, f"testdata/{stem} belongs to no rule"
    files = _go_files(stem)
    assert files, f"testdata/{stem} has no .go fixtures"
    expected = []
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as handle:
            expected += expectations(path, handle.read())
    codes = {rule.code, "GL000"} | {e.code for e in expected}
    unknown = codes - set(BY_CODE)
    assert not unknown, f"fixtures name unknown codes {unknown}"
    assert any(not e.todo and e.code == rule.code for e in expected), "no positive case"
    selected = [r for r in ALL_RULES if r.code in codes]
    settings = engine.Settings(default_excludes=False, include_generated=True)
    result = engine.scan([stem], selected, settings)
    assert not result.errors, result.errors

    problems = []
    unmatched = list(result.findings)
    for want in (e for e in expected if not e.todo):
        hit = next((f for f in unmatched if want.matches(f)), None)
        if hit is None:
            problems.append(f"missing: {want}")
        else:
            unmatched.remove(hit)
    for todo in (e for e in expected if e.todo):
        hit = next((f for f in unmatched if todo.matches(f)), None)
        if hit is not None:
            problems.append(f"todo now reported, turn it into a want: {todo}: {hit.message}")
            unmatched.remove(hit)
    for finding in unmatched:
        problems.append(f"noisy: {finding.path}:{finding.line}:{finding.column}: "
                        f"{finding.rule} {finding.message}")
    for finding in result.findings:
        problem = _message_problem(finding.message) if finding.rule in CONCISE_RULES else None
        if problem is not None:
            problems.append(f"message policy ({problem}): {finding.path}:{finding.line}: {finding.message}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("stem", [r.stem for r in ALL_RULES if r.tests_shown is not None])
def test_test_files_left_out_only_where_every_finding_is_hidden(stem: str, monkeypatch) -> None:
    """A scan that shows no finding of low confidence leaves a rule out of the test
    files where its `tests_shown` says all it finds is of low confidence: on the rule's
    fixtures it shows what a full scan shows above low confidence, in test files and
    (a package check's facts of test files left out) elsewhere."""
    monkeypatch.chdir(TESTDATA)
    rule = next(r for r in ALL_RULES if r.stem == stem)
    files = _go_files(stem)
    tests = [p for p in files if p.endswith("_test.go")]
    assert tests, f"testdata/{stem} has no test file to leave out"

    def shown(low_shown: bool) -> tuple[list[tuple], int]:
        settings = engine.Settings(default_excludes=False, include_generated=True, low_shown=low_shown)
        result = engine.scan([stem], [rule], settings)
        return [(f.path, f.line, f.message, f.confidence) for f in result.findings if f.confidence.value != "low"], \
            sum(engine.UNSHOWN in r.facts for r in result.results)

    everything, none_left = shown(True)
    found, left = shown(False)
    assert found == everything
    assert none_left == 0 and 0 < left <= len(tests)


ALL_FIXTURES = [os.path.relpath(p, TESTDATA) for stem in STEMS for p in _go_files(os.path.join(TESTDATA, stem))]


@pytest.mark.parametrize("fixture", ALL_FIXTURES)
def test_fixture_parses_cleanly(fixture: str) -> None:
    from goleaklint import parsing

    with open(os.path.join(TESTDATA, fixture), "rb") as handle:
        root = parsing.parse(handle.read())
    bad = parsing.first_error(root)
    assert bad is None, f"{fixture}:{bad.start_point[0] + 1}: syntax error in a fixture"


@pytest.mark.skipif(shutil.which("gofmt") is None, reason="gofmt is not installed")
def test_fixtures_are_gofmt_clean() -> None:
    proc = subprocess.run(["gofmt", "-l", TESTDATA], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "", f"not gofmt-clean:\n{proc.stdout}"
