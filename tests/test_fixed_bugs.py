"""benchmarks/fixed_bugs.py: how a fixed bug is judged found and silent after its fix,
and how the table counts them, on a small repository of our own (no fetched code)."""

import importlib.util
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("fixed_bugs", os.path.join(ROOT, "benchmarks", "fixed_bugs.py"))
fixed_bugs = importlib.util.module_from_spec(_spec)
sys.modules["fixed_bugs"] = fixed_bugs
_spec.loader.exec_module(fixed_bugs)

LEAKY = b"""package poll

import "time"

func helper() {}

func Poll(stop chan struct{}) {
	t := time.NewTicker(time.Second)
	for {
		select {
		case <-t.C:
			helper()
		case <-stop:
			return
		}
	}
}
"""

FIXED = LEAKY.replace(b"\tt := time.NewTicker(time.Second)\n", b"\tt := time.NewTicker(time.Second)\n\tdefer t.Stop()\n")


def bug(**changes):
    fields = dict(id="poll-1", repo="example/poll", fix="HEAD", path="poll.go", function="Poll", line=8,
                  rule="GL010", description="ticker never stopped", link="https://example.invalid/1")
    fields.update(changes)
    return fixed_bugs.Bug(**fields)


def finding(line, rule="GL010"):
    return {"rule": rule, "line": line, "message": "m"}


def test_found_inside_the_function_and_silent_when_the_fixed_function_has_none():
    outcome = fixed_bugs.judge(bug(line=99), LEAKY, [finding(14)], FIXED, [])
    assert outcome.found and outcome.silent_after


def test_a_finding_of_another_rule_or_in_another_function_far_from_the_line_is_not_found():
    outcome = fixed_bugs.judge(bug(line=16), LEAKY, [finding(8, "GL003"), finding(5)], FIXED, [])
    assert not outcome.found


def test_a_finding_near_the_recorded_line_counts_even_outside_the_function():
    outcome = fixed_bugs.judge(bug(function="Gone", line=7), LEAKY, [finding(5)], FIXED, [])
    assert outcome.found


def test_a_finding_left_in_the_fixed_function_is_not_silent():
    outcome = fixed_bugs.judge(bug(), LEAKY, [finding(8)], FIXED, [finding(9), finding(5)])
    assert outcome.found and not outcome.silent_after
    assert [f["line"] for f in outcome.after] == [9]


def test_when_the_fix_deletes_the_function_the_recorded_line_stands_for_the_site():
    renamed = FIXED.replace(b"func Poll(", b"func Watch(")
    assert not fixed_bugs.judge(bug(), LEAKY, [finding(8)], renamed, [finding(10)]).silent_after
    assert fixed_bugs.judge(bug(), LEAKY, [finding(8)], renamed, [finding(14)]).silent_after
    assert fixed_bugs.judge(bug(), LEAKY, [finding(8)], None, []).silent_after


STARTER = b"""package poll

func (p *Poller) Start() {
	go p.run()
	go helper()
}

func (p *Poller) run() {
	for range p.ch {
	}
}
"""


def test_a_finding_on_a_go_statement_that_starts_the_function_is_at_the_site():
    # a goroutine rule may report at the start of the goroutine that runs the function
    outcome = fixed_bugs.judge(bug(function="run", line=9), STARTER, [finding(4)], STARTER, [finding(4)])
    assert outcome.found and not outcome.silent_after
    # a go statement starting another function is not the site
    assert not fixed_bugs.judge(bug(function="run", line=9), STARTER, [finding(5)], STARTER, []).found


def test_report_counts_each_rule_and_all_bugs():
    outcomes = [
        fixed_bugs.Outcome(bug(id="a"), True, True, [finding(8)], []),
        fixed_bugs.Outcome(bug(id="b", repo="example/other"), False, True, [], []),
        fixed_bugs.Outcome(bug(id="c", rule="GL008"), True, False, [finding(8, "GL008")], [finding(9, "GL008")]),
        fixed_bugs.Outcome(bug(id="d"), False, False, [], [], "no repository example/poll"),
    ]
    text = fixed_bugs.report(outcomes, details=True)
    assert "| GL008 | 1 | 1 | 1 of 1 (100%) | 0 of 1 (0%) | 0 of 1 (0%) |" in text
    assert "| GL010 | 2 | 2 | 1 of 2 (50%) | 2 of 2 (100%) | 1 of 1 (100%) |" in text
    assert "| **all** | 3 | 2 | 2 of 3 (67%) | 2 of 3 (67%) | 1 of 2 (50%) |" in text
    assert "not judged d: no repository example/poll" in text
    assert "miss  b GL010 poll.go:8 Poll: ticker never stopped" in text
    assert "after c GL008 poll.go:9: m" in text


def git(folder, *args):
    subprocess.run(["git", "-C", folder, "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
                   check=True, capture_output=True)


def test_evaluate_scans_the_parent_and_the_fix_of_a_clone(tmp_path):
    repo = tmp_path / "mirrors" / "example" / "poll"
    repo.mkdir(parents=True)
    git(str(repo), "init", "-q")
    (repo / "svc" / "poll").mkdir(parents=True)
    (repo / "svc" / "go.mod").write_text("module example.invalid/svc\n\ngo 1.21\n")
    (repo / "svc" / "poll" / "poll.go").write_bytes(LEAKY)
    git(str(repo), "add", ".")
    git(str(repo), "commit", "-q", "-m", "leak")
    (repo / "svc" / "poll" / "poll.go").write_bytes(FIXED)
    git(str(repo), "commit", "-q", "-am", "fix")
    work = tmp_path / "work"
    work.mkdir()
    outcomes = fixed_bugs.evaluate([bug(path="svc/poll/poll.go"), bug(id="missing", repo="example/absent")],
                                   str(tmp_path / "mirrors"), str(work))
    assert (outcomes[0].found, outcomes[0].silent_after, outcomes[0].error) == (True, True, "")
    assert outcomes[0].before[0]["line"] == 8
    assert outcomes[1].error.startswith("no repository example/absent")
    # the nearest go.mod above the package goes with it (a rule may read the module's Go version)
    assert (work / "poll-1" / "before" / "svc" / "go.mod").exists()


@pytest.mark.parametrize("name", ["owner+name/repo", "owner/name", "name"])
def test_git_dir_layouts(tmp_path, name):
    (tmp_path / name).mkdir(parents=True)
    assert fixed_bugs.git_dir(str(tmp_path), "owner/name") == str(tmp_path / name)


def test_write_package_brings_the_module_packages_the_file_imports(tmp_path):
    repo = tmp_path / "repo"
    (repo / "svc" / "poll").mkdir(parents=True)
    (repo / "svc" / "dbx").mkdir(parents=True)
    (repo / "svc" / "other").mkdir(parents=True)
    git(str(repo), "init", "-q")
    (repo / "svc" / "go.mod").write_text("module example.invalid/svc\n\ngo 1.21\n")
    (repo / "svc" / "poll" / "poll.go").write_text(
        'package poll\n\nimport (\n\t"fmt"\n\n\t"example.invalid/svc/dbx"\n)\n\nfunc P() { fmt.Println(dbx.X) }\n')
    (repo / "svc" / "dbx" / "dbx.go").write_text("package dbx\n\nvar X = 1\n")
    (repo / "svc" / "dbx" / "dbx_test.go").write_text("package dbx\n")
    (repo / "svc" / "other" / "other.go").write_text("package other\n")
    git(str(repo), "add", ".")
    git(str(repo), "commit", "-q", "-m", "one")
    dest = tmp_path / "out"
    fixed_bugs.write_package(str(repo), "HEAD", "svc/poll/poll.go", str(dest))
    written = sorted(str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file())
    assert written == ["svc/dbx/dbx.go", "svc/go.mod", "svc/poll/poll.go"]


def test_write_package_lays_out_a_repository_without_go_mod_as_gopath_does(tmp_path):
    """No go.mod (GOPATH era): the file's package and the packages of its repository
    that it imports go where GOPATH puts them, under src/<the import path the file's
    imports give the repository> (a renamed repository keeps its old path there)."""
    repo = tmp_path / "repo"
    (repo / "pkg" / "ctl").mkdir(parents=True)
    (repo / "pkg" / "watch").mkdir(parents=True)
    git(str(repo), "init", "-q")
    (repo / "pkg" / "ctl" / "ctl.go").write_text(
        'package ctl\n\nimport "example.invalid/team/oldname/pkg/watch"\n\nfunc C() { watch.W() }\n')
    (repo / "pkg" / "watch" / "watch.go").write_text("package watch\n\nfunc W() {}\n")
    git(str(repo), "add", ".")
    git(str(repo), "commit", "-q", "-m", "one")
    dest = tmp_path / "out"
    text, under = fixed_bugs.write_package(str(repo), "HEAD", "pkg/ctl/ctl.go", str(dest), "team/newname")
    assert under == "src/example.invalid/team/oldname" and text is not None
    written = sorted(str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file())
    assert written == ["src/example.invalid/team/oldname/pkg/ctl/ctl.go",
                       "src/example.invalid/team/oldname/pkg/watch/watch.go"]
