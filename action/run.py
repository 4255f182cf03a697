"""The GitHub Action's two script steps (action.yml), run with the Python of the venv
the action installs goleaklint into.

    run.py scan     one scan: annotations, SARIF, the job summary, the step's outputs
    run.py finish   the upload's outcome in the summary, then fail the job per fail-on

Inputs come from the environment (INPUT_*), never pasted into a script. Neither step
lets a bad input run as code: `paths` and `args` are split with shell rules (shlex),
not by a shell.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shlex
import subprocess
import sys
from collections import Counter

from goleaklint.changes import ChangesError, only_changed
from goleaklint.engine import Problem, ScanResult
from goleaklint.formatters import github
from goleaklint.model import Finding
from goleaklint.rules import BY_CODE

FAIL_ON = ("", "error", "warning", "note", "never")
ANNOTATE = ("all", "changed")
# GitHub shows at most 10 annotations of each type (error, warning, notice) per step.
ANNOTATIONS_PER_TYPE = 10
FIRST_FINDINGS = 10
# The action decides these; in `args` they would break what it reads and writes.
OWN_OPTIONS = ("--format", "-o", "--output", "--sarif-output", "--json-output")
ANNOTATION_TYPE = {"error": "error", "warning": "warning", "note": "notice"}


class InputError(Exception):
    pass


def _split(name: str, value: str) -> list[str]:
    try:
        return shlex.split(value)
    except ValueError as exc:
        raise InputError(f"input `{name}`: {exc} (quote with \"...\" or '...', as in a shell)") from None


def _own_option(arg: str) -> str | None:
    for option in OWN_OPTIONS:
        if arg == option or arg.startswith(option + "=") or (option == "-o" and arg.startswith("-o")
                                                              and not arg.startswith("--")):
            return option
    return None


def _output(values: dict[str, str]) -> None:
    with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as handle:
        for key, value in values.items():
            handle.write(f"{key}={value}\n")


def _summary(text: str) -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)


def _cell(text: str) -> str:
    """Text safe in a markdown table cell and free of HTML."""
    text = " ".join(str(text).split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _event() -> dict:
    path = os.environ.get("GITHUB_EVENT_PATH")
    if not path or not os.path.isfile(path):
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return {}


def _fork_pull_request(event: dict) -> bool:
    pull = event.get("pull_request") or {}
    head = ((pull.get("head") or {}).get("repo") or {}).get("full_name")
    base = ((pull.get("base") or {}).get("repo") or {}).get("full_name") or os.environ.get("GITHUB_REPOSITORY")
    return bool(head and base and head != base)


def _base_commit(event: dict) -> str | None:
    """The pull request's base commit, fetched if the checkout does not have it."""
    sha = ((event.get("pull_request") or {}).get("base") or {}).get("sha")
    if not sha:
        return None
    def have() -> bool:
        return subprocess.run(["git", "cat-file", "-e", f"{sha}^{{commit}}"],
                              capture_output=True).returncode == 0
    if not have():
        subprocess.run(["git", "fetch", "--quiet", "--no-tags", "--depth=1", "origin", sha],
                       capture_output=True)
    return sha if have() else None


def _load(path: str) -> ScanResult | None:
    """The scan as goleaklint's JSON output has it (rules are not in it)."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    names = {field.name for field in dataclasses.fields(Finding)}
    findings = [Finding.from_dict({k: v for k, v in f.items() if k in names}) for f in data["findings"]]
    problems = [{k: v for k, v in p.items() if k in ("path", "message", "line", "column")}
                for p in data["errors"] + data["notes"]]
    errors, notes = problems[: len(data["errors"])], problems[len(data["errors"]):]
    return ScanResult(findings, [Problem(**p) for p in errors], [Problem(**p) for p in notes],
                      data["stats"]["files"], data["stats"]["seconds"], [])


def _annotation_counts(result: ScanResult) -> Counter:
    counts = Counter(ANNOTATION_TYPE[f.severity.value] for f in result.findings)
    counts["error"] += len(result.errors)
    counts["notice"] += len(result.notes)
    return counts


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _report(result: ScanResult, annotated: ScanResult, annotate_note: str, sarif_file: str,
            category: str) -> str:
    lines = ["## goleaklint\n"]
    severities = Counter(f.severity.value for f in result.findings)
    if result.findings:
        by = ", ".join(_plural(severities[s], s) for s in ("error", "warning", "note") if severities[s])
        lines.append(f"**{_plural(len(result.findings), 'finding')}** in "
                     f"{_plural(result.files, 'file')}: {by}.\n")
        lines.append("| rule | name | findings |\n|---|---|---|")
        for code, n in sorted(Counter(f.rule for f in result.findings).items()):
            name = BY_CODE[code].name if code in BY_CODE else ""
            lines.append(f"| {_cell(code)} | {_cell(name)} | {n} |")
        lines.append(f"\nFirst findings:\n\n| where | rule | severity | message |\n|---|---|---|---|")
        for f in result.findings[:FIRST_FINDINGS]:
            lines.append(f"| {_cell(f.path)}:{f.line} | {_cell(f.rule)} | {f.severity.value} | "
                         f"{_cell(f.message)} |")
        more = len(result.findings) - FIRST_FINDINGS
        if more > 0:
            lines.append(f"\n…and {more} more: in this step's log and in the SARIF report.")
    else:
        lines.append(f"No findings in {_plural(result.files, 'file')}.")
    if result.errors:
        lines.append(f"\n**The scan is incomplete**: {_plural(len(result.errors), 'error')}, "
                     f"e.g. {_cell(result.errors[0].path)}: {_cell(result.errors[0].message)}")
    if annotate_note:
        lines.append(f"\n{annotate_note}")
    hidden = {kind: n - ANNOTATIONS_PER_TYPE for kind, n in _annotation_counts(annotated).items()
              if n > ANNOTATIONS_PER_TYPE}
    if hidden:
        parts = ", ".join(f"{n} {kind}" for kind, n in sorted(hidden.items()))
        lines.append(f"\nGitHub shows only {ANNOTATIONS_PER_TYPE} annotations of each type per step: "
                     f"{parts} annotation{'s' if sum(hidden.values()) != 1 else ''} "
                     "not shown on the diff (they are in this step's log and in the SARIF report).")
    if sarif_file:
        lines.append(f"\nSARIF report: `{_cell(sarif_file)}` (code scanning category `{_cell(category)}`).")
    return "\n".join(lines) + "\n"


def scan() -> int:
    env = os.environ
    sarif_file = env.get("INPUT_SARIF_FILE", "goleaklint.sarif")
    category = env.get("INPUT_CATEGORY", "goleaklint")
    fail_on = env.get("INPUT_FAIL_ON", "").strip()
    annotate = env.get("INPUT_ANNOTATE", "all").strip() or "all"
    try:
        paths = _split("paths", env.get("INPUT_PATHS", "")) or ["."]
        args = _split("args", env.get("INPUT_ARGS", ""))
        if fail_on not in FAIL_ON:
            raise InputError(f"input `fail-on`: {fail_on!r} is not one of error, warning, note, never")
        if annotate not in ANNOTATE:
            raise InputError(f"input `annotate`: {annotate!r} is not one of all, changed")
        for arg in args:
            if _own_option(arg):
                raise InputError(f"input `args`: {_own_option(arg)} is set by the action; "
                                 "use the `sarif-file` input for the SARIF report")
    except InputError as exc:
        print(f"::error title=goleaklint::{github._data(str(exc))}")
        _output({"findings": "0", "exit-code": "2", "upload": "false"})
        return 0

    json_file = os.path.join(env.get("RUNNER_TEMP", "."), "goleaklint.json")
    for stale in (sarif_file, json_file):
        if os.path.isfile(stale):
            os.unlink(stale)
    event = _event()
    base = _base_commit(event) if annotate == "changed" else None
    command = [sys.executable, "-m", "goleaklint", "check", "--format", "github",
               "--sarif-output", sarif_file, "--sarif-category", category, "--json-output", json_file]
    if fail_on:
        command += ["--fail-on", fail_on]
    sys.stdout.flush()
    done = subprocess.run([*command, *args, "--", *paths],
                          stdout=subprocess.DEVNULL if base else None)
    result = _load(json_file)
    annotated, annotate_note = result, ""
    if result is not None and annotate == "changed":
        if base is None:
            annotate_note = ("Annotated every finding: `annotate: changed` needs a pull request "
                             "whose base commit can be fetched.")
            if event.get("pull_request"):
                print("::warning title=goleaklint::cannot fetch the pull request's base commit; "
                      "annotating every finding")
        else:
            try:
                kept = only_changed(result.findings, base)
            except ChangesError as exc:
                print(f"::warning title=goleaklint::{github._data(str(exc))}; annotating every finding")
                kept = result.findings
            annotated = dataclasses.replace(result, findings=kept)
            print(github.render(annotated), end="")
            annotate_note = (f"Annotated only findings on lines this pull request changed: "
                             f"{len(kept)} of {len(result.findings)}.")

    wrote_sarif = os.path.isfile(sarif_file)
    upload, upload_note = env.get("INPUT_UPLOAD", "true") == "true" and wrote_sarif, ""
    if upload and _fork_pull_request(event):
        upload, upload_note = False, "fork"
    _output({
        "sarif-file": sarif_file if wrote_sarif else "",
        "findings": str(len(result.findings)) if result else "0",
        "exit-code": str(done.returncode if result is not None or done.returncode else 2),
        "upload": "true" if upload else "false",
        "upload-skipped": upload_note,
    })
    if result is not None:
        _summary(_report(result, annotated, annotate_note, sarif_file if wrote_sarif else "", category))
    return 0


def finish() -> int:
    env = os.environ
    code, findings = env.get("EXIT_CODE", "2"), env.get("FINDINGS", "0")
    fail_on = env.get("FAIL_ON", "").strip()
    outcome, skipped = env.get("UPLOAD_OUTCOME", ""), env.get("UPLOAD_SKIPPED", "")
    if skipped == "fork":
        message = ("SARIF not uploaded to code scanning: the token of a pull request from a fork "
                   "cannot write security events. The findings are in the annotations and in this summary.")
        print(f"::notice title=goleaklint::{message}")
        _summary(f"\n{message}\n")
    elif outcome == "success":
        _summary("\nSARIF uploaded to code scanning.\n")
    elif outcome == "failure":
        message = ("the SARIF upload to code scanning failed (see the upload step's log). The token "
                   "may not be allowed to upload: pull requests from Dependabot, a private repository "
                   "without code scanning (GitHub Advanced Security), or a job without "
                   "`security-events: write`. The job does not fail for this.")
        print(f"::warning title=goleaklint::{message}")
        _summary(f"\nNot uploaded: {message}\n")
    threshold = f"fail-on {fail_on}" if fail_on else "the config's fail-on (default warning)"
    if code == "0":
        print(f"goleaklint: {findings} findings, none at or above {threshold}")
        return 0
    if code == "1":
        print(f"::error title=goleaklint::{findings} findings, some at or above {threshold}; "
              "see the annotations and the job summary")
        return 1
    print(f"::error title=goleaklint::the scan failed (exit {code}); see the Scan step's log")
    _summary(f"\n**The scan failed** (exit {code}): see the Scan step's log.\n")
    return 2


if __name__ == "__main__":
    steps = {"scan": scan, "finish": finish}
    if len(sys.argv) != 2 or sys.argv[1] not in steps:
        sys.exit(f"usage: {sys.argv[0]} scan|finish")
    sys.exit(steps[sys.argv[1]]())
