"""The composite GitHub Action (action.yml) and the README's workflow, run the way a
runner runs them.

`Runner` executes a job's steps in order in a simulated runner: each `run:` step with
bash as a runner does (`bash --noprofile --norc -eo pipefail FILE`), with its own
GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files; `if:` conditions and `${{ }}` expressions
are evaluated (the subset of GitHub's expression language these files use: `==`,
`!=`, `&&`, `||`, `!`, parentheses, strings, the inputs/steps/github contexts and the
status functions); a failing step skips the rest unless it has `continue-on-error`.
Substitutions, honestly:
- `actions/checkout` is not run: the workspace is a git repo the test made;
- `actions/setup-python`'s `python-path` output is this test's own interpreter;
- `github/codeql-action/upload-sarif` is not run: the simulation checks its inputs and
  the file it would upload (the SARIF 2.1.0 schema), then succeeds or fails as the test
  says a token would;
- the install step does run for real (a fresh venv, `pip install "$GITHUB_ACTION_PATH"`
  from the package index), once per test session.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field

import pytest
import yaml
from sarif_kit.validate import validation_errors

from integration import FIXED, LEAKY, ROOT, env, git_repo, readme_snippet, run, write

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
TOKEN = re.compile(r"\s*(?:('(?:[^']|'')*')|(==|!=|&&|\|\||!|\(|\))|([A-Za-z_][\w.\-]*)(\(\))?)")
REPOSITORY = "octo/service"


def load_action() -> dict:
    with open(os.path.join(ROOT, "action.yml"), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@dataclass
class Step:
    name: str
    outcome: str  # success, failure or skipped
    conclusion: str
    stdout: str = ""
    stderr: str = ""
    outputs: dict[str, str] = field(default_factory=dict)


@dataclass
class Job:
    steps: list[Step]
    summary: str
    uploads: list[dict]
    contexts: dict = field(default_factory=dict)  # the steps context at the end

    @property
    def succeeded(self) -> bool:
        return all(step.conclusion != "failure" for step in self.steps)

    def step(self, name: str) -> Step:
        (found,) = [s for s in self.steps if s.name == name]
        return found

    @property
    def stdout(self) -> str:
        return "".join(step.stdout for step in self.steps)


class Expressions:
    """GitHub's expression language, the part these files use. Values are strings or
    booleans; `==` compares strings case-insensitively, as GitHub does."""

    def __init__(self, contexts: dict, status: dict[str, bool]) -> None:
        self.contexts, self.status = contexts, status

    def lookup(self, name: str):
        value = self.contexts
        for part in name.split("."):
            value = value.get(part, "") if isinstance(value, dict) else ""
        return value

    def evaluate(self, text: str):
        tokens = [m for m in TOKEN.finditer(text) if m.group(0).strip()]
        assert "".join(m.group(0) for m in tokens).strip() == text.strip(), f"cannot parse {text!r}"
        self.tokens, self.at = [m.groups() for m in tokens], 0
        value = self.either()
        assert self.at == len(self.tokens), f"cannot parse {text!r}"
        return value

    def peek(self, op: str) -> bool:
        if self.at < len(self.tokens) and self.tokens[self.at][1] == op:
            self.at += 1
            return True
        return False

    def either(self):
        value = self.both()
        while self.peek("||"):
            right = self.both()
            value = value if truthy(value) else right
        return value

    def both(self):
        value = self.compare()
        while self.peek("&&"):
            right = self.compare()
            value = right if truthy(value) else value
        return value

    def compare(self):
        value = self.unary()
        for op in ("==", "!="):
            if self.peek(op):
                right = self.unary()
                same = str(value).lower() == str(right).lower()
                return same if op == "==" else not same
        return value

    def unary(self):
        if self.peek("!"):
            return not truthy(self.unary())
        if self.peek("("):
            value = self.either()
            assert self.peek(")")
            return value
        string, _, name, call = self.tokens[self.at]
        self.at += 1
        if string is not None:
            return string[1:-1].replace("''", "'")
        if call:
            return self.status[name]
        if name in ("true", "false"):
            return name == "true"
        return self.lookup(name)

    def substitute(self, value) -> str:
        def one(match: re.Match) -> str:
            result = self.evaluate(match.group(1))
            return ("true" if result else "false") if isinstance(result, bool) else str(result)
        return EXPRESSION.sub(one, str(value))


def truthy(value) -> bool:
    return bool(value)


class Runner:
    """Runs workflow jobs and this composite action like a GitHub runner (bash)."""

    def __init__(self, temp: str, python: str) -> None:
        self.temp, self.python, self.count = temp, python, 0
        self.installed = False

    def event(self, workspace: str, name: str, payload: dict) -> dict[str, str]:
        path = os.path.join(self.temp, f"event{self.count}.json")
        write(path, json.dumps(payload))
        return {"GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": path, "GITHUB_REPOSITORY": REPOSITORY,
                "GITHUB_WORKSPACE": workspace, "GITHUB_ACTOR": "octocat"}

    def run_steps(self, steps: list[dict], contexts: dict, step_env: dict[str, str], cwd: str,
                  uses) -> Job:
        done: list[Step] = []
        summary, uploads = [], []
        contexts = {**contexts, "steps": dict(contexts.get("steps", {}))}
        for spec in steps:
            failed = any(s.conclusion == "failure" for s in done)
            expressions = Expressions(contexts, {"success": not failed, "failure": failed,
                                                 "always": True, "cancelled": False})
            condition = str(spec.get("if", "success()"))
            condition = EXPRESSION.sub(r"\1", condition)
            if not re.search(r"\b(success|failure|always|cancelled)\(\)", condition):
                condition = f"success() && ({condition})"
            name = spec.get("name") or spec.get("uses") or spec.get("run", "")[:30]
            if not truthy(expressions.evaluate(condition)):
                step = Step(name, "skipped", "skipped")
            else:
                self.count += 1
                output = os.path.join(self.temp, f"output{self.count}")
                summary_file = os.path.join(self.temp, f"summary{self.count}")
                write(output, "")
                write(summary_file, "")
                variables = {**step_env, "GITHUB_OUTPUT": output, "GITHUB_STEP_SUMMARY": summary_file}
                variables.update({k: expressions.substitute(v) for k, v in spec.get("env", {}).items()})
                if spec.get("name") == "Install goleaklint" and self.installed:
                    rc, stdout, stderr, outputs = 0, "", "", {}  # done once per session
                elif "run" in spec:
                    script = os.path.join(self.temp, f"step{self.count}.sh")
                    write(script, spec["run"])
                    ran = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                                         cwd=cwd, env=variables, capture_output=True, text=True)
                    rc, stdout, stderr, outputs = ran.returncode, ran.stdout, ran.stderr, {}
                else:
                    with_ = {k: expressions.substitute(v) for k, v in spec.get("with", {}).items()}
                    rc, stdout, stderr, outputs, inner = uses(spec["uses"], with_, variables)
                    summary.append(inner.summary if inner else "")
                    uploads.extend(inner.uploads if inner else [])
                    if spec["uses"].startswith("github/codeql-action/upload-sarif@"):
                        uploads.append(with_)
                with open(output, encoding="utf-8") as handle:
                    outputs.update(line.split("=", 1) for line in handle.read().splitlines() if line)
                with open(summary_file, encoding="utf-8") as handle:
                    summary.append(handle.read())
                outcome = "success" if rc == 0 else "failure"
                conclusion = "success" if spec.get("continue-on-error") else outcome
                step = Step(name, outcome, conclusion, stdout, stderr, outputs)
            done.append(step)
            if "id" in spec:
                contexts["steps"][spec["id"]] = {"outputs": step.outputs, "outcome": step.outcome,
                                                 "conclusion": step.conclusion}
        return Job(done, "".join(summary), uploads, contexts["steps"])

    def action(self, inputs: dict[str, str], step_env: dict[str, str], cwd: str,
               upload_allowed: bool = True) -> tuple[Job, dict[str, str]]:
        """This repository's action.yml with these inputs: its job and its outputs."""
        action = load_action()
        given = {name: str(inputs.get(name, spec.get("default", "")))
                 for name, spec in action["inputs"].items()}
        assert set(inputs) <= set(given), f"unknown inputs {set(inputs) - set(given)}"

        def uses(target: str, with_: dict, variables: dict):
            if target.startswith("actions/setup-python@"):
                return 0, "", "", {"python-path": self.python}, None
            if target.startswith("github/codeql-action/upload-sarif@"):
                path = os.path.join(cwd, with_["sarif_file"])
                log = json.loads(open(path, encoding="utf-8").read())
                assert validation_errors(log) == []
                # upload-sarif ignores its category input when the SARIF has one.
                assert log["runs"][0]["automationDetails"]["id"] == with_["category"].rstrip("/") + "/"
                if upload_allowed:
                    return 0, "Uploading results\n", "", {}, None
                return 1, "", "::error::Resource not accessible by integration\n", {}, None
            raise AssertionError(f"the test runner cannot run {target}")

        contexts = {"inputs": given, "github": {"event_name": step_env["GITHUB_EVENT_NAME"]}}
        job = self.run_steps(action["runs"]["steps"], contexts,
                             {**env(), **step_env, "GITHUB_ACTION_PATH": ROOT, "RUNNER_TEMP": self.temp,
                              "GITHUB_ACTIONS": "true", "CI": "true"}, cwd, uses)
        outputs = {name: Expressions({"steps": job.contexts}, {}).substitute(spec["value"])
                   for name, spec in action["outputs"].items()}
        return job, outputs

    def workflow(self, text: str, event_name: str, payload: dict, cwd: str,
                 upload_allowed: bool = True) -> Job:
        """A workflow file's only job, with this repository standing for goleaklint/goleaklint."""
        workflow = yaml.safe_load(text)
        (job,) = workflow["jobs"].values()
        step_env = self.event(cwd, event_name, payload)

        def uses(target: str, with_: dict, variables: dict):
            if target.startswith("actions/checkout@"):
                return 0, "", "", {}, None
            if target.startswith("goleaklint/goleaklint@"):
                inner, outputs = self.action(with_, step_env, cwd, upload_allowed)
                return (0 if inner.succeeded else 1, inner.stdout, "", outputs, inner)
            raise AssertionError(f"the test runner cannot run {target}")

        contexts = {"github": {"event_name": event_name, "repository": REPOSITORY, "event": payload}}
        return self.run_steps(job["steps"], contexts, {**env(), **step_env}, cwd, uses)


PUSH = {"ref": "refs/heads/main", "repository": {"full_name": REPOSITORY}}


@pytest.fixture(scope="module")
def runner(tmp_path_factory) -> Runner:
    temp = str(tmp_path_factory.mktemp("runner-temp"))
    action_runner = Runner(temp, sys.executable)
    (install,) = [s for s in load_action()["runs"]["steps"] if s["name"] == "Install goleaklint"]
    job = action_runner.run_steps(
        [install], {"steps": {"python": {"outputs": {"python-path": sys.executable}}}},
        {**env(), "GITHUB_ACTION_PATH": ROOT, "RUNNER_TEMP": temp}, temp, None)
    assert job.succeeded, job.steps[0].stdout + job.steps[0].stderr
    action_runner.installed = True
    return action_runner


def scan(runner: Runner, workspace: str, upload_allowed: bool = True, event: str = "push",
         payload: dict | None = None, **inputs: str) -> tuple[Job, dict[str, str]]:
    return runner.action(inputs, runner.event(workspace, event, payload or PUSH), workspace,
                         upload_allowed)


def sarif_of(workspace: str, name: str = "goleaklint.sarif") -> dict:
    with open(os.path.join(workspace, name), encoding="utf-8") as handle:
        return json.load(handle)


def test_action_structure() -> None:
    action = load_action()
    assert set(action["inputs"]) == {"paths", "args", "fail-on", "annotate", "sarif-file", "upload",
                                     "category"}
    assert action["inputs"]["fail-on"]["default"] == ""  # the config's fail-on governs
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    uses = [s["uses"] for s in steps if "uses" in s]
    # The current major versions (setup-python@v5 runs on the deprecated Node 20).
    assert uses == ["actions/setup-python@v6", "github/codeql-action/upload-sarif@v4"]
    assert steps[0]["with"]["update-environment"] is False
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], f"{step['name']}: inputs must come through env:"
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["continue-on-error"] is True
    names = [s["name"] for s in steps]
    assert names.index("Scan") < names.index("Upload SARIF to code scanning") < names.index("Fail on findings")
    assert names[-1] == "Fail on findings"


@pytest.fixture
def workspace(tmp_path) -> str:
    path = str(tmp_path / "workspace")
    git_repo(path, {"cmd/watch/main.go": LEAKY})
    return path


def test_readme_workflow_runs_verbatim(runner: Runner, workspace: str) -> None:
    text = readme_snippet("github-workflow")
    workflow = yaml.safe_load(text)
    (job_spec,) = workflow["jobs"].values()
    assert job_spec["permissions"]["security-events"] == "write"
    assert [s["uses"].split("@")[0] for s in job_spec["steps"]] == ["actions/checkout", "goleaklint/goleaklint"]
    assert job_spec["steps"][0]["uses"] == "actions/checkout@v6"

    job = runner.workflow(text, "push", PUSH, workspace)
    assert not job.succeeded
    assert job.stdout.startswith("::error file=cmd/watch/main.go,line=6,"), job.stdout
    assert "::error title=goleaklint::1 findings, some at or above the config's fail-on" in job.stdout
    (upload,) = job.uploads
    assert upload == {"sarif_file": "goleaklint.sarif", "category": "goleaklint"}
    assert "| GL002 | unbuffered-notify-channel | 1 |" in job.summary
    assert "cmd/watch/main.go:6 | GL002 | error | unbuffered channel" in job.summary
    assert "SARIF report: `goleaklint.sarif`" in job.summary and "SARIF uploaded to code scanning" in job.summary

    write(os.path.join(workspace, "cmd/watch/main.go"), FIXED)
    job = runner.workflow(text, "push", PUSH, workspace)
    assert job.succeeded, job.stdout
    assert sarif_of(workspace)["runs"][0]["results"] == []
    assert "No findings in 1 file." in job.summary


def test_readme_workflow_on_a_pull_request_from_a_fork(runner: Runner, workspace: str) -> None:
    base = run(["git", "rev-parse", "HEAD"], workspace).stdout.strip()
    write(os.path.join(workspace, "cmd/other/main.go"), LEAKY)
    for args in (["add", "-A"], ["commit", "-q", "-m", "pr"]):
        assert run(["git", *args], workspace).returncode == 0
    fork = {"pull_request": {"head": {"repo": {"full_name": "someone/service"}},
                             "base": {"repo": {"full_name": REPOSITORY}, "sha": base}}}
    job = runner.workflow(readme_snippet("github-workflow"), "pull_request", fork, workspace,
                          upload_allowed=False)
    assert not job.succeeded and job.uploads == []  # fails on the findings, not on the upload
    # `annotate: changed`: only the file the pull request added.
    assert re.findall(r"^::error file=([^,]+)", job.stdout, re.M) == ["cmd/other/main.go"]
    assert "::notice title=goleaklint::SARIF not uploaded to code scanning" in job.stdout
    assert "**2 findings**" in job.summary and "1 of 2." in job.summary


def test_example_workflow_is_the_readme_snippet() -> None:
    path = os.path.join(ROOT, ".github", "workflows", "goleaklint.yml")
    with open(path, encoding="utf-8") as handle:
        assert readme_snippet("github-workflow") == handle.read()


def test_a_token_that_cannot_upload_never_fails_the_job(runner: Runner, workspace: str) -> None:
    write(os.path.join(workspace, "cmd/watch/main.go"), FIXED)
    job, outputs = scan(runner, workspace, upload_allowed=False)
    upload = job.step("Upload SARIF to code scanning")
    assert (upload.outcome, upload.conclusion) == ("failure", "success")
    assert job.succeeded and outputs["exit-code"] == "0"
    final = job.step("Fail on findings")
    assert "::warning title=goleaklint::the SARIF upload to code scanning failed" in final.stdout
    assert "Dependabot" in final.stdout and "Not uploaded:" in job.summary


def test_pull_request_from_a_fork_skips_the_upload(runner: Runner, workspace: str) -> None:
    fork = {"pull_request": {"head": {"repo": {"full_name": "someone/service"}, "sha": "0" * 40},
                             "base": {"repo": {"full_name": REPOSITORY}, "sha": "1" * 40}}}
    job, outputs = scan(runner, workspace, upload_allowed=False, event="pull_request", payload=fork)
    assert job.step("Upload SARIF to code scanning").outcome == "skipped"
    final = job.step("Fail on findings")
    assert "::notice title=goleaklint::SARIF not uploaded to code scanning" in final.stdout
    assert final.conclusion == "failure" and outputs["exit-code"] == "1"  # the finding still counts
    job, _ = scan(runner, workspace, upload_allowed=False, event="pull_request", payload=fork,
                  **{"fail-on": "never"})
    assert job.succeeded


def test_fail_on_defaults_to_the_config(runner: Runner, workspace: str) -> None:
    write(os.path.join(workspace, ".goleaklint.toml"), 'fail-on = "error"\n')
    cancel = ("package main\n\nimport \"context\"\n\nfunc run(p context.Context) error {\n"
              "\tctx, _ := context.WithCancel(p)\n\treturn ctx.Err()\n}\n")
    write(os.path.join(workspace, "cmd/watch/main.go"), cancel)  # a GL009 warning
    job, outputs = scan(runner, workspace)
    assert outputs == {"sarif-file": "goleaklint.sarif", "findings": "1", "exit-code": "0"}
    assert job.succeeded and "::warning file=cmd/watch/main.go,line=6," in job.stdout
    job, outputs = scan(runner, workspace, **{"fail-on": "warning"})
    assert outputs["exit-code"] == "1" and not job.succeeded
    assert "some at or above fail-on warning" in job.step("Fail on findings").stdout


def test_args_and_paths_follow_shell_quoting(runner: Runner, workspace: str) -> None:
    write(os.path.join(workspace, "my dir/x.go"), LEAKY)
    job, outputs = scan(runner, workspace)
    assert outputs["findings"] == "2"
    job, outputs = scan(runner, workspace, args='--exclude "my dir"')
    assert outputs["findings"] == "1" and "my dir" not in job.stdout
    job, outputs = scan(runner, workspace, args="--select GL0\n--exclude 'my dir'\n", paths='"my dir" cmd')
    assert outputs["findings"] == "1"
    job, outputs = scan(runner, workspace, paths='"my dir"')
    assert outputs["findings"] == "1" and "file=my dir/x.go" in job.stdout
    job, outputs = scan(runner, workspace, paths="cmd nothing-here")
    assert outputs["exit-code"] == "2" and not job.succeeded  # a missing path is an error
    assert "the scan failed (exit 2)" in job.step("Fail on findings").stdout
    assert "**The scan failed** (exit 2)" in job.summary
    job, outputs = scan(runner, workspace, args='--exclude "my dir')
    assert outputs["exit-code"] == "2" and not job.succeeded
    assert "::error title=goleaklint::input `args`: No closing quotation" in job.stdout
    job, outputs = scan(runner, workspace, args="--format json")
    assert outputs["exit-code"] == "2" and "--format is set by the action" in job.stdout


def test_inputs_are_never_run_as_code(runner: Runner, workspace: str) -> None:
    job, outputs = scan(runner, workspace, args='$(touch pwned) `touch pwned2`; touch pwned3',
                        paths="$(touch pwned4)")
    assert not [n for n in os.listdir(workspace) if n.startswith("pwned")]
    assert outputs["exit-code"] == "2" and not job.succeeded


def test_summary_counts_annotations_github_does_not_show(runner: Runner, workspace: str) -> None:
    funcs = "".join(f"\nfunc watch{i}(conn *amqp.Connection) chan *amqp.Error {{\n"
                    f"\treturn conn.NotifyClose(make(chan *amqp.Error))\n}}\n" for i in range(12))
    write(os.path.join(workspace, "cmd/watch/main.go"), LEAKY + funcs)
    job, outputs = scan(runner, workspace)
    assert outputs["findings"] == "13"
    assert len(re.findall(r"^::error file=", job.step("Scan").stdout, re.M)) == 13
    assert "**13 findings** in 1 file: 13 errors." in job.summary
    assert "| GL002 | unbuffered-notify-channel | 13 |" in job.summary
    assert "…and 3 more" in job.summary
    assert "GitHub shows only 10 annotations of each type per step: 3 error annotations not shown" in job.summary


def test_annotate_only_lines_the_pull_request_changed(runner: Runner, workspace: str) -> None:
    base = run(["git", "rev-parse", "HEAD"], workspace).stdout.strip()
    write(os.path.join(workspace, "cmd/other/main.go"), LEAKY)
    for args in (["add", "-A"], ["commit", "-q", "-m", "pr"]):
        assert run(["git", *args], workspace).returncode == 0
    pull = {"pull_request": {"head": {"repo": {"full_name": REPOSITORY}},
                             "base": {"repo": {"full_name": REPOSITORY}, "sha": base}}}
    job, outputs = scan(runner, workspace, event="pull_request", payload=pull, annotate="changed")
    annotations = re.findall(r"^::error file=([^,]+)", job.step("Scan").stdout, re.M)
    assert annotations == ["cmd/other/main.go"]
    assert outputs["findings"] == "2" and len(sarif_of(workspace)["runs"][0]["results"]) == 2
    assert "Annotated only findings on lines this pull request changed: 1 of 2." in job.summary
    job, _ = scan(runner, workspace, annotate="changed")  # a push: every finding
    assert len(re.findall(r"^::error file=", job.step("Scan").stdout, re.M)) == 2
