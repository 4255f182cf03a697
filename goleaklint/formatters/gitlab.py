"""GitLab Code Quality: a JSON array of issues (`artifacts: reports: codequality:`).
Paths are relative to the source root, as GitLab matches them against the repository;
fingerprints are line-independent (rule, path, function, flagged text), so a finding
moved by an edit above it is the same issue in the merge request widget."""

from __future__ import annotations

import json
import os

from goleaklint.engine import ScanResult
from goleaklint.model import fingerprints

# GitLab's scale is info, minor, major, critical, blocker.
SEVERITY = {"error": "major", "warning": "minor", "note": "info"}


def relative(path: str, root: str) -> str:
    """path relative to root with forward slashes (as given when it lies outside)."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return (path if rel.startswith(os.pardir) else rel).replace(os.sep, "/")


def render(result: ScanResult, root: str = ".") -> str:
    issues = [
        {
            "type": "issue",
            "description": f"{f.message} ({f.rule} {f.name})",
            "check_name": f"goleaklint/{f.rule}",
            "categories": ["Bug Risk"],
            "severity": SEVERITY[f.severity.value],
            "fingerprint": fingerprint,
            "location": {"path": relative(f.path, root),
                         "lines": {"begin": f.line, "end": max(f.line, f.end_line)}},
        }
        for f, fingerprint in zip(result.findings,
                                  fingerprints(result.findings, lambda p: relative(p, root)))
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
