"""SARIF as GitHub code scanning reads it (docs.github.com, "SARIF support for code
scanning"), checked on the CLI's real output and against the SARIF 2.1.0 schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sarif_kit.validate import validation_errors

from goleaklint.model import Severity
from goleaklint.rules import ALL_RULES, BY_CODE
from integration import ROOT, run, write

# GL004: a send under a lock whose select has a stop case is a warning, a bare one an
# error. Both are results of one error-level rule (shown: the receiver can stop on an
# error).
RELAY = """\
package relay

import "sync"

type Relay struct {
	mu     sync.Mutex
	notify chan int
	stop   chan struct{}
}

func (r *Relay) Send(v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	select {
	case r.notify <- v:
	case <-r.stop:
	}
}

func (r *Relay) Post(v int) {
	r.mu.Lock()
	r.notify <- v
	r.mu.Unlock()
}

func (r *Relay) run(out func(int) error) {
	for v := range r.notify {
		if err := out(v); err != nil {
			return
		}
	}
}
"""


def sarif_of(cwd: str, *args: str) -> tuple[int, dict]:
    done = run(["goleaklint", "check", "--no-cache", "--format", "sarif", *args], cwd)
    assert done.returncode in (0, 1), done.stderr
    log = json.loads(done.stdout)
    assert validation_errors(log) == []
    return done.returncode, log


@pytest.fixture
def relay(tmp_path) -> str:
    write(str(tmp_path / "relay.go"), RELAY)
    return str(tmp_path)


def test_every_result_states_its_own_level(relay) -> None:
    _, log = sarif_of(relay, "--select", "GL004", ".")
    (run_,) = log["runs"]
    (rule,) = run_["tool"]["driver"]["rules"]
    assert rule["defaultConfiguration"] == {"level": "error"}
    levels = {r["locations"][0]["physicalLocation"]["region"]["startLine"]: r.get("level")
              for r in run_["results"]}
    # Without `level`, a reader takes the rule's default (SARIF 3.27.10): the warning
    # on line 15 would be read as an error.
    assert levels == {15: "warning", 22: "error"}


def test_rules_carry_what_code_scanning_reads(relay) -> None:
    _, log = sarif_of(relay, ".")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [rule.code for rule in ALL_RULES]
    for descriptor in rules:
        rule = BY_CODE[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert 0 < len(descriptor["shortDescription"]["text"]) <= 1024
        full = descriptor["fullDescription"]["text"]
        assert 0 < len(full) <= 1024, rule.code
        assert full.startswith(descriptor["shortDescription"]["text"].rstrip("."))
        assert descriptor["help"]["markdown"] == descriptor["help"]["text"] == rule.help
        assert descriptor["help"]["markdown"].startswith("## What it does")
        # The whole documentation, longer than GitHub shows as a description, is in help.
        assert "## Why is this bad?" in descriptor["help"]["markdown"]
        uri = descriptor["helpUri"]
        assert uri == f"https://github.com/goleaklint/goleaklint/blob/main/docs/rules/{rule.code}.md"
        assert os.path.isfile(os.path.join(ROOT, "docs", "rules", f"{rule.code}.md"))
        properties = descriptor["properties"]
        assert properties["precision"] == rule.confidence.value
        assert properties["precision"] in {"very-high", "high", "medium", "low"}
        # GitHub's key is the literal "problem.severity" (its examples and CodeQL's
        # output), with "recommendation" for what SARIF calls a note.
        assert properties["problem.severity"] == {
            Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "recommendation",
        }[rule.severity]
        assert properties["tags"] == list(rule.tags) and all(isinstance(t, str) for t in rule.tags)
        assert "security" not in properties["tags"]  # not security results: no security-severity


def test_long_documentation_is_clipped_at_a_sentence() -> None:
    from goleaklint.formatters.sarif import full_description

    long_rules = [rule for rule in ALL_RULES if len(" ".join(rule.doc.split())) > 1024]
    assert long_rules  # most rules' docs are longer than GitHub shows
    for rule in ALL_RULES:
        text = full_description(rule)
        assert len(text) <= 1024 and text.endswith((".", "…")), rule.code
        assert text.startswith(rule.summary.rstrip("."))


def test_run_automation_details_category(relay) -> None:
    _, log = sarif_of(relay, ".")
    assert log["runs"][0]["automationDetails"] == {"id": "goleaklint/"}
    _, log = sarif_of(relay, "--sarif-category", "monorepo/api", ".")
    assert log["runs"][0]["automationDetails"] == {"id": "monorepo/api/"}
    done = run(["goleaklint", "check", "--sarif-category", "/", "."], relay)
    assert done.returncode == 2 and "category must not be empty" in done.stderr
    assert "Traceback" not in done.stderr


def test_sarif_output_file_gets_the_category_too(relay) -> None:
    done = run(["goleaklint", "check", "--no-cache", "--sarif-output", "out.sarif",
                "--sarif-category", "go", "."], relay)
    assert done.returncode == 1, done.stderr
    log = json.loads(open(os.path.join(relay, "out.sarif"), encoding="utf-8").read())
    assert log["runs"][0]["automationDetails"] == {"id": "go/"}


def test_rule_docs_are_current() -> None:
    done = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "rule_docs.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_rule_docs_check_finds_stale_missing_and_extra_pages(tmp_path, monkeypatch) -> None:
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    try:
        import rule_docs
    finally:
        sys.path.pop(0)
    monkeypatch.setattr(rule_docs, "DOCS", str(tmp_path))
    assert rule_docs.main([]) == 0
    assert rule_docs.differences() == []
    page = tmp_path / "GL002.md"
    assert page.read_text(encoding="utf-8").endswith(BY_CODE["GL002"].help)
    page.write_text(page.read_text(encoding="utf-8").replace("unbuffered", "buffered"), encoding="utf-8")
    (tmp_path / "GL003.md").unlink()
    (tmp_path / "GL099.md").write_text("old rule", encoding="utf-8")
    assert rule_docs.differences() == [
        "docs/rules/GL099.md: not generated by this script",
        "docs/rules/GL002.md: out of date",
        "docs/rules/GL003.md: missing",
    ]
    assert rule_docs.main(["--check"]) == 1


def test_explain_prints_the_rule_page() -> None:
    done = run(["goleaklint", "explain", "GL004"], ROOT)
    assert done.returncode == 0
    with open(os.path.join(ROOT, "docs", "rules", "GL004.md"), encoding="utf-8") as handle:
        assert handle.read().endswith(done.stdout)
    assert "## Options\n- `large-buffer` (default: 100)" in done.stdout
