"""Config files as a user meets them: found from each scanned path, the nearest one
governing its files, excludes and per-file-ignores anchored at the config's folder,
extend-select/extend-ignore, severity overrides, the search stopping at the repository
root, other users' files skipped, and every bad value a clear error (exit 2). Run
through the installed `goleaklint` (and the editor server over JSON-RPC)."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from integration import BIN, LEAKY, env, run, write

TEST_FILE = LEAKY.replace("func watch", "func watchTest")


def check(cwd, *args: str) -> subprocess.CompletedProcess:
    return run(["goleaklint", "check", "--no-cache", *args], str(cwd))


def found(done: subprocess.CompletedProcess) -> list[tuple[str, str, str]]:
    """(path, rule, severity) of each JSON finding."""
    return [(f["path"], f["rule"], f["severity"]) for f in json.loads(done.stdout)["findings"]]


@pytest.fixture
def repo(tmp_path):
    """A repository (a `.git` folder) with a leak at the top and one in sub/."""
    root = tmp_path / "repo"
    os.makedirs(root / ".git")
    write(str(root / "main.go"), LEAKY)
    write(str(root / "sub" / "ledger.go"), LEAKY)
    return root


def test_config_is_found_from_the_scanned_path_not_the_cwd(repo, tmp_path) -> None:
    write(str(repo / ".goleaklint.toml"), 'ignore = ["GL002"]\nformat = "json"\n')
    done = check(tmp_path, "repo")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["findings"] == []  # format too comes from repo's config


def test_the_nearest_config_governs_its_files(repo) -> None:
    write(str(repo / ".goleaklint.toml"), 'fail-on = "error"\n')
    write(str(repo / "sub" / ".goleaklint.toml"), 'ignore = ["GL002"]\n')
    for cwd, target in ((repo, "."), (repo / "sub", ".."), (repo.parent, "repo")):
        done = check(cwd, "--format", "json", target)
        assert done.returncode == 1
        assert [p for p, _, _ in found(done)] == [os.path.normpath(os.path.join(target, "main.go"))]


@pytest.mark.parametrize("where", ["root", "sub", "absolute", "outside"])
def test_excludes_are_anchored_at_the_config_folder(repo, where) -> None:
    write(str(repo / ".goleaklint.toml"), 'exclude = ["sub/ledger.go"]\nformat = "json"\n')
    write(str(repo / "other" / "sub" / "ledger.go"), LEAKY)  # not the anchored one
    cwd, target = {"root": (repo, "."), "sub": (repo / "sub", ".."),
                   "absolute": (repo / "sub", str(repo)), "outside": (repo.parent, "repo")}[where]
    paths = sorted(os.path.relpath(os.path.join(cwd, p), repo) for p, _, _ in found(check(cwd, target)))
    assert paths == ["main.go", "other/sub/ledger.go"]


def test_exclude_patterns_have_gitignore_semantics(repo) -> None:
    write(str(repo / "sub" / "keep.go"), LEAKY)
    write(str(repo / ".goleaklint.toml"), 'exclude = ["sub/*.go", "!sub/keep.go", "/main.go"]\n')
    done = check(repo, ".")
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == ["sub/keep.go"]


def test_config_excludes_apply_to_an_explicitly_named_file(repo) -> None:
    # pre-commit names each staged file: the config's excludes must still hold.
    write(str(repo / ".goleaklint.toml"), 'exclude = ["sub/"]\n')
    assert check(repo, "sub/ledger.go", "main.go").stdout.startswith("main.go:")
    assert check(repo, "sub/ledger.go").returncode == 0


def test_per_file_ignores_from_config_and_cli(repo) -> None:
    write(str(repo / "main_test.go"), TEST_FILE)
    write(str(repo / ".goleaklint.toml"),
          'format = "json"\n[per-file-ignores]\n"*_test.go" = ["GL002"]\n"sub/" = ["unbuffered-notify-channel"]\n')
    assert found(check(repo, ".")) == [("main.go", "GL002", "error")]
    assert found(check(repo, "--per-file-ignores", "main.go:GL0", ".")) == []
    code = check(repo, "--per-file-ignores", "main.go", ".")
    assert code.returncode == 2 and "expected GLOB:CODES" in code.stderr


def test_extend_select_and_extend_ignore(repo) -> None:
    write(str(repo / ".goleaklint.toml"), 'select = ["GL001"]\nformat = "json"\n')
    assert found(check(repo, ".")) == []
    assert len(found(check(repo, "--extend-select", "GL002", "."))) == 2
    write(str(repo / ".goleaklint.toml"), 'extend-ignore = ["GL002"]\n')
    assert check(repo, ".").returncode == 0
    assert check(repo, "--ignore", "GL000", ".").returncode == 0  # extend-ignore survives --ignore


def test_severity_override_changes_findings_and_the_exit_code(repo) -> None:
    write(str(repo / ".goleaklint.toml"), '[rules.GL002]\nseverity = "note"\n')
    done = check(repo, "--format", "json", ".")
    assert done.returncode == 0  # fail-on warning: notes do not fail
    assert found(done) == [("main.go", "GL002", "note"), ("sub/ledger.go", "GL002", "note")]
    assert check(repo, "--fail-on", "note", ".").returncode == 1
    assert ": note: " in check(repo, ".").stdout
    sarif = json.loads(check(repo, "--format", "sarif", ".").stdout)["runs"][0]
    assert {r["level"] for r in sarif["results"]} == {"note"}


def test_search_stops_at_the_repository_root(repo, tmp_path) -> None:
    write(str(tmp_path / ".goleaklint.toml"), 'select = ["GL000"]\n')  # above the repository
    assert check(repo, ".").returncode == 1
    assert check(repo / "sub", ".").returncode == 1
    os.rmdir(repo / ".git")
    assert check(repo, ".").returncode == 0


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_another_users_config_is_ignored_with_a_note(repo) -> None:
    config = repo / "sub" / ".goleaklint.toml"
    write(str(config), 'select = ["GL000"]\n')
    os.chown(config, 4242, 4242)
    done = check(repo, ".")
    assert done.returncode == 1 and "sub/ledger.go:" in done.stdout
    assert f"goleaklint: note: {config}: ignored: owned by uid 4242" in done.stderr
    os.chown(config, os.getuid(), os.getgid())  # yours: it counts
    assert check(repo, ".").stdout.startswith("main.go:")


def test_broken_pyproject_is_an_error_naming_it(repo) -> None:
    write(str(repo / ".goleaklint.toml"), 'select = ["GL000"]\n')
    write(str(repo / "sub" / "pyproject.toml"), "[tool.black\nline-length = 3\n")
    for cwd, target in ((repo / "sub", "."), (repo, ".")):
        done = check(cwd, target)
        assert done.returncode == 2 and done.stdout == ""
        assert f"{repo / 'sub' / 'pyproject.toml'}: invalid TOML" in done.stderr
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name, content, message", [
    (".goleaklint.toml", "exclude = [1]", "exclude must be a list of strings, not an array holding 1"),
    (".goleaklint.toml", 'select = ["GL0", true]', "select must be a list of strings"),
    (".goleaklint.toml", "jobs = true", "jobs must be an integer, not a boolean"),
    (".goleaklint.toml", "quiet = 1", "quiet must be a boolean, not an integer"),
    (".goleaklint.toml", "rules = 3", "rules must be a table, not an integer"),
    (".goleaklint.toml", "[rules]\nGL005 = 1", "rules.GL005 must be a table, not an integer"),
    (".goleaklint.toml", "[rules.GL005]\nconstructors = [1]",
     "[rules.GL005]: constructors must be a list of strings, not an array holding 1"),
    (".goleaklint.toml", "[rules.GL005]\ngrpc-methods = \"yes\"", "grpc-methods must be a boolean"),
    (".goleaklint.toml", "[rules.GL004]\nlarge-buffer = 1.5", "large-buffer must be an integer, not a float"),
    (".goleaklint.toml", '[rules.GL006]\nseverity = "fatal"', "severity must be one of error, warning, note"),
    (".goleaklint.toml", '[per-file-ignores]\n"*_test.go" = "GL008"', "must be a list of strings"),
    (".goleaklint.toml", '[per-file-ignores]\n"*_test.go" = ["GL999"]', "unknown rule 'GL999'"),
    (".goleaklint.toml", 'extend-select = ["XY1"]', "extend-select: unknown rule 'XY1'"),
    (".goleaklint.toml", 'file-time-budget = "1m"', "file-time-budget must be a number, not a string"),
    (".goleaklint.toml", "file-time-budget = -1", "file-time-budget must be 0 (no limit) or more seconds"),
    (".goleaklint.toml", "file-time-budget = nan", "file-time-budget must be 0 (no limit) or more seconds"),
    (".goleaklint.toml", "sarif-category = 3", "sarif-category must be a string, not an integer"),
    (".goleaklint.toml", 'sarif-category = "/"', "sarif-category: the SARIF category must not be empty"),
    ("pyproject.toml", 'tool = "x"', "tool must be a table, not a string"),
    ("pyproject.toml", "[tool]\ngoleaklint = 5", "[tool] goleaklint must be a table, not an integer"),
    ("pyproject.toml", "[tool.goleaklint]\nexclude = [1]", "exclude must be a list of strings"),
])
def test_every_key_and_option_element_is_type_checked(repo, name, content, message) -> None:
    write(str(repo / name), content + "\n")
    done = check(repo, ".")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"goleaklint: error: {repo / name}")
    assert message in done.stderr and "Traceback" not in done.stderr


def test_sarif_category_from_config_and_cli(repo) -> None:
    write(str(repo / ".goleaklint.toml"), 'sarif-category = "leaks/go"\n')
    automation = [json.loads(done.stdout)["runs"][0]["automationDetails"]["id"] for done in (
        check(repo, "--format", "sarif", "."),
        check(repo, "--format", "sarif", "--sarif-category", "other", "."))]
    assert automation == ["leaks/go/", "other/"]


def test_exit_zero_and_fail_on_never(repo) -> None:
    assert check(repo, ".").returncode == 1
    assert check(repo, "--exit-zero", ".").returncode == 0
    assert check(repo, "--fail-on", "never", ".").returncode == 0
    write(str(repo / ".goleaklint.toml"), 'exit-zero = true\n')
    assert check(repo, ".").returncode == 0
    write(str(repo / ".goleaklint.toml"), 'fail-on = "never"\n')
    assert check(repo, ".").returncode == 0
    assert check(repo, "--fail-on", "error", ".").returncode == 1
    assert check(repo, "--exit-zero", "nothing-here").returncode == 2  # errors still fail


def test_stdin_uses_the_config_nearest_to_its_name(repo, tmp_path) -> None:
    write(str(repo / "sub" / ".goleaklint.toml"), 'exclude = ["ledger.go"]\n')
    for name, expected in (("repo/sub/ledger.go", 0), ("repo/sub/other.go", 1), ("repo/main.go", 1)):
        done = run(["goleaklint", "check", "--stdin-filename", name], str(tmp_path), input=LEAKY)
        assert done.returncode == expected, name


def _lsp_diagnostics(cwd, uri: str, text: str) -> list[dict]:
    """Open one document in `goleaklint lsp` over JSON-RPC; its published diagnostics."""
    def frame(message: dict) -> bytes:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    process = subprocess.Popen([os.path.join(BIN, "goleaklint"), "lsp"], cwd=str(cwd), env=env(),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    process.stdin.write(frame({"id": 1, "method": "initialize", "params": {
        "processId": None, "rootUri": None, "capabilities": {}}}))
    process.stdin.write(frame({"method": "initialized", "params": {}}))
    process.stdin.write(frame({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "go", "version": 1, "text": text}}}))
    process.stdin.flush()
    try:
        while True:
            headers = {}
            while (line := process.stdout.readline()) not in (b"\r\n", b""):
                key, _, value = line.decode().partition(":")
                headers[key.strip().lower()] = value.strip()
            assert line, "the server closed its output"
            message = json.loads(process.stdout.read(int(headers["content-length"])))
            if message.get("method") == "textDocument/publishDiagnostics":
                return message["params"]["diagnostics"]
    finally:
        process.kill()
        process.wait()


def test_the_editor_server_applies_the_same_excludes_and_ignores(repo, tmp_path) -> None:
    pytest.importorskip("pygls")
    write(str(repo / ".goleaklint.toml"),
          'exclude = ["sub/"]\n[per-file-ignores]\n"*_test.go" = ["GL002"]\n[rules.GL002]\nseverity = "note"\n')
    os.makedirs(repo / "vendor" / "lib")
    for relative, expected in (("sub/ledger.go", 0), ("vendor/lib/x.go", 0), ("main_test.go", 0),
                               ("main.go", 1)):
        diagnostics = _lsp_diagnostics(tmp_path, f"file://{repo}/{relative}", LEAKY)
        assert len(diagnostics) == expected, relative
    assert diagnostics[0]["severity"] == 3  # Information: the configured note
