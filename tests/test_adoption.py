"""Several outputs from one run, baselines and --new-from-rev, run as a user runs them:
the installed CLI in a throwaway folder or git repo, with the README's commands."""

from __future__ import annotations

import json
import os

from integration import FIXED, LEAKY, bash, git_repo, readme_snippet, run, write

SECOND_LEAK = """
func watchBlocked(conn *amqp.Connection) {
	blocked := make(chan amqp.Blocking)
	conn.NotifyBlocked(blocked)
}
"""


def test_one_run_writes_sarif_and_json_besides_stdout(tmp_path) -> None:
    write(str(tmp_path / "main.go"), LEAKY)
    done = bash(readme_snippet("several-outputs"), str(tmp_path))
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=main.go,line=6,"), done.stdout
    sarif = json.loads((tmp_path / "goleaklint.sarif").read_text())
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "GL002"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    document = json.loads((tmp_path / "goleaklint.json").read_text())
    assert [(f["rule"], f["path"], f["line"]) for f in document["findings"]] == [("GL002", "main.go", 6)]
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".goleaklint-")]


def test_extra_outputs_from_config_are_relative_to_it(tmp_path) -> None:
    write(str(tmp_path / "src" / "main.go"), LEAKY)
    write(str(tmp_path / ".goleaklint.toml"), 'sarif-output = "out/goleaklint.sarif"\n')
    os.mkdir(tmp_path / "out")
    done = run(["goleaklint", "check", "."], str(tmp_path / "src"))
    assert done.returncode == 1 and "main.go:6:" in done.stdout
    assert json.loads((tmp_path / "out" / "goleaklint.sarif").read_text())["runs"][0]["results"]


def test_unwritable_extra_output_is_an_error(tmp_path) -> None:
    write(str(tmp_path / "main.go"), FIXED)
    done = run(["goleaklint", "check", "--json-output", "missing/dir/x.json", "."], str(tmp_path))
    assert done.returncode == 2 and "cannot write missing/dir/x.json" in done.stderr


def _baseline_check(cwd: str):
    return bash(readme_snippet("use-baseline"), cwd)


def test_baseline_hides_recorded_findings_but_not_new_ones(tmp_path) -> None:
    repo = str(tmp_path)
    legacy = LEAKY + SECOND_LEAK
    write(os.path.join(repo, "legacy.go"), legacy)
    done = bash(readme_snippet("write-baseline"), repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "recorded 2 findings in .goleaklint-baseline.json" in done.stderr
    recorded = json.loads((tmp_path / ".goleaklint-baseline.json").read_text())["findings"]
    assert [(e["rule"], e["path"], e["function"], e["line"]) for e in recorded] == [
        ("GL002", "legacy.go", "watch", 6), ("GL002", "legacy.go", "watchBlocked", 11)]

    done = _baseline_check(repo)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr

    # Moving code (lines added above it) does not resurrect recorded findings.
    moved = legacy.replace("package main\n", "package main\n\n// Package main watches.\n\n")
    write(os.path.join(repo, "legacy.go"), moved)
    assert _baseline_check(repo).returncode == 0

    # The same baseline works from another directory with other path spellings.
    os.mkdir(tmp_path / "sub")
    done = run(["goleaklint", "check", "--baseline", "../.goleaklint-baseline.json", ".."],
               str(tmp_path / "sub"))
    assert (done.returncode, done.stdout) == (0, ""), done.stdout

    # A new leak, and a second identical one in a recorded function, are reported.
    grown = moved.replace(
        "\treturn conn.NotifyClose(make(chan *amqp.Error))\n",
        "\tconn.NotifyClose(make(chan *amqp.Error))\n\treturn conn.NotifyClose(make(chan *amqp.Error))\n",
    ) + "\nfunc watchAgain(conn *amqp.Connection) {\n\tconn.NotifyClose(make(chan *amqp.Error))\n}\n"
    write(os.path.join(repo, "legacy.go"), grown)
    done = _baseline_check(repo)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert len(lines) == 2, done.stdout
    # Occurrence 0 keeps the recorded fingerprint; the second in order is the new one.
    assert lines[0].startswith("legacy.go:10:") and lines[1].startswith("legacy.go:19:"), lines

    # The config key does the same; a fixed finding leaves a stale entry, noted on stderr.
    write(os.path.join(repo, "legacy.go"), moved.replace("make(chan amqp.Blocking)", "make(chan amqp.Blocking, 1)"))
    write(os.path.join(repo, ".goleaklint.toml"), 'baseline = ".goleaklint-baseline.json"\n')
    done = run(["goleaklint", "check", ".."], str(tmp_path / "sub"))
    assert (done.returncode, done.stdout) == (0, "")
    assert "1 baseline entry matched nothing" in done.stderr
    # Scanning some files only (as pre-commit does) counts only their entries.
    write(os.path.join(repo, "other.go"), FIXED)
    done = run(["goleaklint", "check", "other.go"], repo)
    assert (done.returncode, done.stdout) == (0, "") and "matched nothing" not in done.stderr


def test_a_broken_baseline_is_an_error(tmp_path) -> None:
    write(str(tmp_path / "main.go"), LEAKY)
    write(str(tmp_path / "base.json"), '{"findings": []}')
    done = run(["goleaklint", "check", "--baseline", "base.json", "."], str(tmp_path))
    assert done.returncode == 2 and "not a goleaklint baseline" in done.stderr
    done = run(["goleaklint", "check", "--baseline", "nothing.json", "."], str(tmp_path))
    assert done.returncode == 2 and "cannot read baseline nothing.json" in done.stderr


def test_new_from_rev_reports_only_changed_lines(tmp_path) -> None:
    repo = str(tmp_path / "repo")
    git_repo(repo, {"old.go": LEAKY + SECOND_LEAK, "pkg/other.go": LEAKY})
    assert run(["git", "update-ref", "refs/remotes/origin/main", "HEAD"], repo).returncode == 0

    assert bash(readme_snippet("new-from-rev"), repo).returncode == 0

    changed = (LEAKY + SECOND_LEAK).replace(
        "\tconn.NotifyBlocked(blocked)\n",
        "\tconn.NotifyBlocked(blocked)\n\tconn.NotifyClose(make(chan *amqp.Error))\n")
    write(os.path.join(repo, "old.go"), "// Package main.\n" + changed)      # unstaged edit
    write(os.path.join(repo, "pkg", "new.go"), LEAKY)                        # untracked file
    os.rename(os.path.join(repo, "pkg", "other.go"), os.path.join(repo, "pkg", "renamed.go"))
    assert run(["git", "add", "pkg/other.go", "pkg/renamed.go"], repo).returncode == 0  # staged rename

    done = bash(readme_snippet("new-from-rev"), repo)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        line for line in done.stdout.splitlines()
        if line.startswith(("old.go:13:", "pkg/new.go:6:"))
    ] and len(done.stdout.splitlines()) == 2, done.stdout

    # From a subfolder, paths relative to it are still matched to git's.
    done = run(["goleaklint", "check", "--format", "json", "--new-from-rev", "origin/main", "."],
               os.path.join(repo, "pkg"))
    assert [f["path"] for f in json.loads(done.stdout)["findings"]] == ["new.go"]

    done = run(["goleaklint", "check", "--new-from-rev", "no-such-rev", "."], repo)
    assert done.returncode == 2 and "goleaklint: error: git rev-parse" in done.stderr
    # A file outside any repository cannot be diffed: an error, never a silent drop.
    write(str(tmp_path / "loose" / "main.go"), LEAKY)
    done = run(["goleaklint", "check", "--new-from-rev", "HEAD", "."], str(tmp_path / "loose"))
    assert done.returncode == 2 and "not a git repository" in done.stderr

    # Each file is diffed in its own repository, and a name with a space is matched.
    other = str(tmp_path / "other")
    git_repo(other, {"base.go": "package main\n"})
    write(os.path.join(other, "with space.go"), LEAKY)
    assert run(["git", "add", "with space.go"], other).returncode == 0
    done = run(["goleaklint", "check", "--format", "json", "--new-from-rev", "HEAD", "repo", "other"],
               str(tmp_path))
    assert sorted(f["path"] for f in json.loads(done.stdout)["findings"]) == [
        "other/with space.go", "repo/old.go", "repo/pkg/new.go"], done.stdout
