"""Shared by the integration tests: a leaky Go file, running the CLI as users do, and
the README snippets (so the documented commands are the ones the tests run)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(sys.executable)  # the venv running the tests has `goleaklint`

LEAKY = """\
package main

import amqp "github.com/rabbitmq/amqp091-go"

func watch(conn *amqp.Connection) chan *amqp.Error {
	return conn.NotifyClose(make(chan *amqp.Error))
}
"""
FIXED = LEAKY.replace("make(chan *amqp.Error)", "make(chan *amqp.Error, 1)")


def env() -> dict[str, str]:
    """The environment with this venv's `goleaklint` first on PATH, and git that works
    in a throwaway repo without the user's config."""
    return {
        **os.environ,
        "PATH": BIN + os.pathsep + os.environ.get("PATH", ""),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
    }


def run(args: list[str], cwd: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=kwargs.pop("env", None) or env(),
                          capture_output=True, text=True, **kwargs)


def bash(script: str, cwd: str, **kwargs) -> subprocess.CompletedProcess:
    return run(["bash", "-euo", "pipefail", "-c", script], cwd, **kwargs)


def git_repo(path: str, files: dict[str, str]) -> None:
    """A git repo at path with files committed on branch main."""
    os.makedirs(path, exist_ok=True)
    for name, text in files.items():
        write(os.path.join(path, name), text)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "init"]):
        done = run(["git", *args], path)
        assert done.returncode == 0, done.stderr


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def readme_snippet(name: str) -> str:
    """The fenced block right after `<!-- snippet: name -->` in README.md."""
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    found = re.search(rf"<!-- snippet: {re.escape(name)} -->\s*```[\w-]*\n(.*?)```", readme, re.S)
    assert found, f"README.md has no snippet {name!r}"
    return found.group(1)
