"""The pre-commit hook, run by the real pre-commit (from PyPI, in the dev extra).

pre-commit installs hooks from a git repo's committed HEAD, so the test commits a copy
of this working tree in a temporary repo, then runs `pre-commit try-repo` on a
throwaway Go project: it fails with the finding, and passes once the file is fixed.
The README's .pre-commit-config.yaml snippet is run too, with `repo:`/`rev:` pointed at
that copy. Building the hook's virtualenv takes ~10 s per store; try-repo always uses a
fresh store, the config run reuses one per test session (PRE_COMMIT_HOME).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from integration import BIN, FIXED, LEAKY, ROOT, env, git_repo, readme_snippet, run, write

PRE_COMMIT = os.path.join(BIN, "pre-commit")
FINDING = re.compile(r"^main\.go:6:\d+: error: \[\*\] unbuffered channel passed to NotifyClose.*GL002", re.M)


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> tuple[str, str]:
    """A git repo holding this working tree (committed or not) at HEAD; its path and rev."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: pre-commit installs hooks from git")
    copy = str(tmp_path_factory.mktemp("hook-repo"))
    for name in filter(None, listed.stdout.split("\0")):
        if os.path.isfile(os.path.join(ROOT, name)):
            os.makedirs(os.path.join(copy, os.path.dirname(name)), exist_ok=True)
            shutil.copy2(os.path.join(ROOT, name), os.path.join(copy, name))
    git_repo(copy, {})
    rev = run(["git", "rev-parse", "HEAD"], copy).stdout.strip()
    return copy, rev


@pytest.fixture(scope="session")
def pre_commit_env(tmp_path_factory) -> dict[str, str]:
    return {**env(), "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
            "PRE_COMMIT_COLOR": "never"}


def test_try_repo_fails_on_a_leak_and_passes_once_fixed(hook_repo, pre_commit_env, tmp_path) -> None:
    repo, _ = hook_repo
    project = str(tmp_path / "project")
    git_repo(project, {"main.go": LEAKY, "vendor/dep/dep.go": LEAKY.replace("package main", "package dep")})

    done = run([PRE_COMMIT, "try-repo", repo, "goleaklint", "--all-files"], project, env=pre_commit_env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "goleaklint" in done.stdout and "Failed" in done.stdout
    assert FINDING.search(done.stdout), done.stdout
    assert "vendor/" not in done.stdout  # the manifest's exclude, as the go tool skips vendor/

    write(os.path.join(project, "main.go"), FIXED)
    done = run([PRE_COMMIT, "try-repo", repo, "goleaklint", "--all-files"], project, env=pre_commit_env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^goleaklint\.+Passed$", done.stdout, re.M), done.stdout


def test_readme_config_snippet_works_as_copied(hook_repo, pre_commit_env, tmp_path) -> None:
    repo, rev = hook_repo
    snippet = readme_snippet("pre-commit-config")
    # The one substitution: the published repository becomes the local copy. The rev is
    # the snippet's own (`main`, a branch the copy has, as the published repo does).
    config = re.sub(r"repo: \S+", f"repo: {repo}", snippet)
    assert config != snippet and "rev: main" in config
    project = str(tmp_path / "project")
    git_repo(project, {"main.go": LEAKY, ".pre-commit-config.yaml": config})

    done = run([PRE_COMMIT, "run", "--all-files"], project, env=pre_commit_env)
    assert done.returncode == 1 and FINDING.search(done.stdout), done.stdout + done.stderr
    write(os.path.join(project, "main.go"), FIXED)
    done = run([PRE_COMMIT, "run", "--all-files"], project, env=pre_commit_env)
    assert done.returncode == 0, done.stdout + done.stderr

    # The README's advice: `pre-commit autoupdate` pins the branch to its newest commit.
    done = run([PRE_COMMIT, "autoupdate"], project, env=pre_commit_env)
    assert done.returncode == 0, done.stdout + done.stderr
    with open(os.path.join(project, ".pre-commit-config.yaml"), encoding="utf-8") as handle:
        assert f"rev: {rev}" in handle.read()
    done = run([PRE_COMMIT, "run", "--all-files"], project, env=pre_commit_env)
    assert done.returncode == 0 and "mutable reference" not in done.stdout + done.stderr, done.stdout


def test_one_invocation_for_all_files(hook_repo, pre_commit_env, tmp_path) -> None:
    """require_serial: pre-commit would otherwise split the files into one batch per CPU,
    each rewriting the same cache file and printing its own summary."""
    repo, rev = hook_repo
    project = str(tmp_path / "project")
    files = {f"pkg{i}/main.go": LEAKY.replace("package main", f"package pkg{i}") for i in range(30)}
    config = f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: goleaklint\n"
    git_repo(project, {**files, ".pre-commit-config.yaml": config})
    done = run([PRE_COMMIT, "run", "--all-files"], project, env=pre_commit_env)
    assert done.returncode == 1, done.stdout + done.stderr
    summaries = re.findall(r"^\d+ findings? in \d+ files?.*$", done.stdout, re.M)
    assert len(summaries) == 1 and summaries[0].startswith("30 findings in 30 files"), done.stdout
