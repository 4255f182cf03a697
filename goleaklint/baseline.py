"""Baselines for adopting goleaklint on old code: record today's findings once
(`--write-baseline FILE`), then report only findings not in the record (`--baseline FILE`).

Findings are matched by fingerprint, never by line: rule, path, enclosing function,
normalised source of the flagged expression and occurrence index, the recipe of SARIF's
`partialFingerprints` but with the path relative to the baseline file's folder, so the
same baseline works from any working directory. Moving code, or adding lines above it,
does not resurrect a recorded finding; a second identical finding in a function is new.
"""

from __future__ import annotations

import json
import os

from goleaklint import model
from goleaklint.model import Finding

FORMAT_VERSION = 1


class BaselineError(Exception):
    pass


def _rebase(baseline_path: str):
    base = os.path.dirname(os.path.abspath(baseline_path))
    return lambda path: os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")


def fingerprints(findings: list[Finding], baseline_path: str) -> list[str]:
    """The baseline fingerprint of each finding (sorted, as a scan returns them)."""
    return model.fingerprints(findings, _rebase(baseline_path))


def render(findings: list[Finding], baseline_path: str) -> str:
    """The baseline document recording `findings` (line and message only help reviewers)."""
    rebase = _rebase(baseline_path)
    entries = [
        {"fingerprint": fp, "rule": f.rule, "path": rebase(f.path), "function": f.function,
         "line": f.line, "message": f.message}
        for f, fp in zip(findings, fingerprints(findings, baseline_path))
    ]
    document = {"goleaklint-baseline": FORMAT_VERSION, "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load(baseline_path: str) -> dict[str, str]:
    """The fingerprints recorded in a baseline file, with the path each was found in."""
    try:
        with open(baseline_path, encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {baseline_path}: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"baseline {baseline_path} is not JSON: {exc}") from None
    if not isinstance(document, dict) or document.get("goleaklint-baseline") != FORMAT_VERSION:
        raise BaselineError(f"{baseline_path} is not a goleaklint baseline "
                            f"(written by --write-baseline, format {FORMAT_VERSION})")
    try:
        return {entry["fingerprint"]: entry.get("path", "") for entry in document["findings"]}
    except (KeyError, TypeError):
        raise BaselineError(f"baseline {baseline_path}: every finding needs a fingerprint") from None


def without_recorded(findings: list[Finding], recorded: dict[str, str], baseline_path: str,
                     scanned: list[str]) -> tuple[list[Finding], int]:
    """The findings not in the baseline, and how many entries for the `scanned` files
    matched nothing (fixed code; entries for files not scanned this time don't count)."""
    rebase = _rebase(baseline_path)
    current = fingerprints(findings, baseline_path)
    kept = [f for f, fp in zip(findings, current) if fp not in recorded]
    scanned_paths = {rebase(path) for path in scanned}
    stale = {fp for fp, path in recorded.items() if path in scanned_paths} - set(current)
    return kept, len(stale)
