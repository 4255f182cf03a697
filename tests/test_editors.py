"""The README's editor recipes, run by the real editors where installed: Vim (`:make`
with the errorformat; the nvim-lint errorformat through getqflist, as nvim-lint calls
it), Emacs (the flymake backend, through flymake itself) and VS Code's problem matcher
(its regexp run by Node, the JavaScript engine VS Code uses). A missing editor skips
its test."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from integration import LEAKY, readme_snippet, run, write

# An error (GL002) and a note (GL000: a suppression without a reason).
SAMPLE = LEAKY + """
func quiet(conn *amqp.Connection) {
	//goleaklint:ignore GL002
	conn.NotifyClose(make(chan *amqp.Error, 1))
}
"""
EXPECTED = [(6, 9, "error", "[*] unbuffered channel passed to NotifyClose"),  # [*]: --fix fixes it
            (10, 2, "note", "suppression gives no reason")]


def needs(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        pytest.skip(f"{program} is not installed")
    return found


def test_vim_make_fills_the_quickfix_list(tmp_path) -> None:
    vim = needs("vim")
    write(str(tmp_path / "main.go"), SAMPLE)
    write(str(tmp_path / "go.vim"), readme_snippet("vim"))
    done = run([vim, "-N", "-u", "NONE", "-i", "NONE", "-es", "main.go", "-c", "source go.vim",
                "-c", "silent make!", "-c", 'call writefile([json_encode(getqflist())], "qf.json")',
                "-c", "qa!"], str(tmp_path), timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    items = json.loads((tmp_path / "qf.json").read_text())
    assert [(i["lnum"], i["col"], i["type"], i["valid"]) for i in items] == [
        (6, 9, "e", 1), (10, 2, "n", 1)]
    assert items[0]["text"].startswith(EXPECTED[0][3]) and items[0]["text"].endswith("(GL002 unbuffered-notify-channel)")


def test_nvim_lint_errorformat_on_stdin_output(tmp_path) -> None:
    vim = needs("vim")
    write(str(tmp_path / "main.go"), SAMPLE)
    efm = re.search(r'from_errorformat\(\s*"([^"]+)"', readme_snippet("nvim-lint")).group(1)
    write(str(tmp_path / "efm.txt"), efm)
    script = ("let lines = systemlist('goleaklint check --stdin-filename main.go', readfile('main.go'))\n"
              "let items = getqflist({'lines': lines, 'efm': readfile('efm.txt')[0]}).items\n"
              "call writefile([json_encode(items)], 'qf.json')\n")
    write(str(tmp_path / "drive.vim"), script)
    done = run([vim, "-N", "-u", "NONE", "-i", "NONE", "-es", "-c", "source drive.vim", "-c", "qa!"],
               str(tmp_path), timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    items = [i for i in json.loads((tmp_path / "qf.json").read_text()) if i["valid"]]
    assert [(i["lnum"], i["col"], i["type"]) for i in items] == [(6, 9, "e"), (10, 2, "n")]


def test_emacs_flymake_backend(tmp_path) -> None:
    emacs = needs("emacs")
    write(str(tmp_path / "main.go"), SAMPLE)
    write(str(tmp_path / "goleaklint-flymake.el"), readme_snippet("emacs-flymake"))
    write(str(tmp_path / "drive.el"), """
(load (expand-file-name "goleaklint-flymake.el"))
(find-file "main.go")
(goleaklint-flymake-setup)          ; what go-mode-hook runs
(flymake-start)
(let ((deadline (+ (float-time) 30)))
  (while (and (not (flymake-diagnostics)) (< (float-time) deadline))
    (accept-process-output nil 0.1)))
(dolist (d (sort (flymake-diagnostics)
                 (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
  (let ((beg (flymake-diagnostic-beg d)))
    (princ (format "%d\\t%d\\t%s\\t%s\\n" (line-number-at-pos beg)
                   (- beg (save-excursion (goto-char beg) (line-beginning-position)) -1)
                   (flymake-diagnostic-type d) (flymake-diagnostic-text d)))))
""")
    done = run([emacs, "--batch", "-Q", "-l", "drive.el"], str(tmp_path), timeout=60)
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    # Emacs counts characters; the sample is ASCII, so they equal goleaklint's byte columns.
    assert [(int(r[0]), int(r[1]), r[2]) for r in rows] == [(6, 9, ":error"), (10, 2, ":note")]
    assert [r[3].startswith(e[3]) for r, e in zip(rows, EXPECTED)] == [True, True]


def test_vscode_problem_matcher(tmp_path) -> None:
    node = needs("node")
    write(str(tmp_path / "main.go"), SAMPLE)
    tasks = json.loads(readme_snippet("vscode-tasks"))
    (task,) = tasks["tasks"]
    assert task["command"] == "goleaklint check ."
    output = run(task["command"].split(), str(tmp_path)).stdout
    pattern = task["problemMatcher"]["pattern"]
    script = """
const [pattern, output] = JSON.parse(require("fs").readFileSync(0, "utf8"));
const re = new RegExp(pattern.regexp);
const problems = output.split("\\n").map((line) => re.exec(line)).filter(Boolean).map((m) =>
  ({file: m[pattern.file], line: +m[pattern.line], column: +m[pattern.column],
    severity: m[pattern.severity], message: m[pattern.message], code: m[pattern.code]}));
process.stdout.write(JSON.stringify(problems));
"""
    done = run([node, "-e", script], str(tmp_path), input=json.dumps([pattern, output]), timeout=60)
    assert done.returncode == 0, done.stderr
    problems = json.loads(done.stdout)
    assert [(p["file"], p["line"], p["column"], p["severity"], p["code"]) for p in problems] == [
        ("main.go", 6, 9, "error", "GL002"), ("main.go", 10, 2, "note", "GL000")]
    assert problems[0]["message"].startswith(EXPECTED[0][3]) and not problems[0]["message"].endswith("(GL002 unbuffered-notify-channel)")
