"""The composite GitHub Action (action.yml), run the way a runner runs it.

The test parses action.yml, checks its structure, and executes each `run:` step with
bash as a runner does (`bash --noprofile --norc -eo pipefail FILE`), in a simulated
runner environment: GITHUB_ACTION_PATH is this checkout; RUNNER_TEMP, GITHUB_WORKSPACE
and each step's GITHUB_OUTPUT are temporary. `${{ }}` expressions in `env:` are
evaluated from the inputs and earlier steps' outputs. Substitutions, honestly:
- the `uses:` steps are not run: setup-python's `python-path` output is this test's
  own interpreter, and upload-sarif is only checked for the inputs it is given;
- the install step does run for real (a fresh venv, `pip install "$GITHUB_ACTION_PATH"`
  from the package index), once per test session.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import yaml

from integration import FIXED, LEAKY, ROOT, env, git_repo, readme_snippet, write

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def load_action() -> dict:
    with open(os.path.join(ROOT, "action.yml"), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


class Runner:
    """Runs an action's `run:` steps like a GitHub runner (composite, bash)."""

    def __init__(self, action: dict, temp: str, workspace: str, python: str) -> None:
        self.action, self.temp, self.workspace = action, temp, workspace
        self.outputs: dict[str, dict[str, str]] = {"python": {"python-path": python}}
        self.count = 0

    def evaluate(self, value: str, inputs: dict[str, str]) -> str:
        def one(match: re.Match) -> str:
            parts = match.group(1).split(".")
            if parts[0] == "inputs" and len(parts) == 2:
                if parts[1] in inputs:
                    return inputs[parts[1]]
                return str(self.action["inputs"][parts[1]].get("default", ""))
            if parts[0] == "steps" and parts[2] == "outputs" and len(parts) == 4:
                return self.outputs.get(parts[1], {}).get(parts[3], "")
            raise AssertionError(f"the test runner cannot evaluate {match.group(0)}")
        return EXPRESSION.sub(one, str(value))

    def step(self, name: str, inputs: dict[str, str]) -> subprocess.CompletedProcess:
        (step,) = [s for s in self.action["runs"]["steps"] if s["name"] == name]
        self.count += 1
        script = os.path.join(self.temp, f"step{self.count}.sh")
        output = os.path.join(self.temp, f"output{self.count}")
        write(script, step["run"])
        write(output, "")
        step_env = {
            **env(),
            "GITHUB_ACTION_PATH": ROOT,
            "GITHUB_WORKSPACE": self.workspace,
            "RUNNER_TEMP": self.temp,
            "GITHUB_OUTPUT": output,
            "GITHUB_ACTIONS": "true",
            "CI": "true",
        }
        step_env.update({k: self.evaluate(v, inputs) for k, v in step.get("env", {}).items()})
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                              cwd=self.workspace, env=step_env, capture_output=True, text=True)
        with open(output, encoding="utf-8") as handle:
            pairs = [line.split("=", 1) for line in handle.read().splitlines() if line]
        if "id" in step:
            self.outputs[step["id"]] = dict(pairs)
        return done

    def scan(self, **inputs: str) -> tuple[subprocess.CompletedProcess, dict, subprocess.CompletedProcess]:
        """The scan and the final fail step; their results and the action's outputs."""
        scan = self.step("Scan", inputs)
        assert scan.returncode == 0, scan.stderr  # the scan step never fails the job itself
        outputs = {name: self.evaluate(spec["value"], inputs)
                   for name, spec in self.action["outputs"].items()}
        return scan, outputs, self.step("Fail on findings", inputs)


def test_action_structure() -> None:
    action = load_action()
    assert set(action["inputs"]) == {"paths", "args", "fail-on", "sarif-file", "upload", "category"}
    assert action["inputs"]["upload"]["default"] == "true"
    assert set(action["outputs"]) == {"sarif-file", "findings", "exit-code"}
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert uses == ["actions/setup-python@v5", "github/codeql-action/upload-sarif@v4"]
    assert steps[0]["with"]["update-environment"] is False
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], f"{step['name']}: inputs must come through env:"
    install = next(s for s in steps if s["name"] == "Install goleaklint")
    assert '"$RUNNER_TEMP/goleaklint-venv"' in install["run"] and '"$GITHUB_ACTION_PATH"' in install["run"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"] == {"sarif_file": "${{ steps.scan.outputs.sarif-file }}",
                              "category": "${{ inputs.category }}"}
    assert "inputs.upload == 'true'" in upload["if"]
    # Annotations and upload happen before the job fails.
    names = [s["name"] for s in steps]
    assert names.index("Scan") < names.index("Upload SARIF to code scanning") < names.index("Fail on findings")
    assert names[-1] == "Fail on findings"


@pytest.fixture(scope="module")
def runner(tmp_path_factory) -> Runner:
    temp = str(tmp_path_factory.mktemp("runner-temp"))
    workspace = str(tmp_path_factory.mktemp("workspace"))
    git_repo(workspace, {"cmd/watch/main.go": LEAKY})
    action_runner = Runner(load_action(), temp, workspace, sys.executable)
    install = action_runner.step("Install goleaklint", {})
    assert install.returncode == 0, install.stdout + install.stderr
    return action_runner


def test_scan_annotates_writes_sarif_and_fails_last(runner: Runner) -> None:
    scan, outputs, final = runner.scan()
    assert scan.stdout.startswith("::error file=cmd/watch/main.go,line=6,"), scan.stdout
    assert outputs == {"sarif-file": "goleaklint.sarif", "findings": "1", "exit-code": "1"}
    sarif = json.loads(open(os.path.join(runner.workspace, "goleaklint.sarif")).read())
    (result,) = sarif["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "cmd/watch/main.go", "uriBaseId": "%SRCROOT%"}
    assert final.returncode == 1 and "::error title=goleaklint::1 findings" in final.stdout


def test_fail_on_and_paths(runner: Runner) -> None:
    scan, outputs, final = runner.scan(**{"fail-on": "never"})
    assert outputs["exit-code"] == "1" and final.returncode == 0
    scan, outputs, final = runner.scan(**{"paths": "cmd/watch/main.go nothing-here"})
    assert outputs["exit-code"] == "2" and final.returncode == 2  # a missing path is an error
    scan, outputs, final = runner.scan(**{"args": "--ignore GL002", "sarif-file": "out.sarif"})
    assert outputs == {"sarif-file": "out.sarif", "findings": "0", "exit-code": "0"}
    assert final.returncode == 0


def test_inputs_are_never_run_as_code(runner: Runner) -> None:
    scan, outputs, final = runner.scan(args='$(touch pwned) `touch pwned2`; touch pwned3',
                                       paths="$(touch pwned4)")
    assert not [n for n in os.listdir(runner.workspace) if n.startswith("pwned")]
    assert outputs["exit-code"] == "2" and final.returncode == 2


def test_clean_code_passes(runner: Runner) -> None:
    write(os.path.join(runner.workspace, "cmd/watch/main.go"), FIXED)
    scan, outputs, final = runner.scan()
    assert (scan.stdout, outputs["findings"], outputs["exit-code"], final.returncode) == ("", "0", "0", 0)
    sarif = json.loads(open(os.path.join(runner.workspace, "goleaklint.sarif")).read())
    assert sarif["runs"][0]["results"] == []


def test_example_workflow_uses_the_action_as_documented() -> None:
    path = os.path.join(ROOT, ".github", "workflows", "goleaklint.yml")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert readme_snippet("github-workflow") == text
    workflow = yaml.safe_load(text)
    (job,) = workflow["jobs"].values()
    assert job["permissions"]["security-events"] == "write"
    step = next(s for s in job["steps"] if s.get("uses", "").startswith("goleaklint/goleaklint@"))
    assert set(step.get("with", {})) <= set(load_action()["inputs"])
