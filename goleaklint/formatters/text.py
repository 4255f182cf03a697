"""`path:line:col: severity: message (GL002 name)`: vim's default errorformat reads it."""

from __future__ import annotations

from goleaklint.engine import ScanResult


def render(result: ScanResult, root: str = ".") -> str:
    lines = [
        f"{f.path}:{f.line}:{f.column}: {f.severity.value}: {f.message} ({f.rule} {f.name})"
        for f in result.findings
    ]
    return "".join(line + "\n" for line in lines)


def summary(result: ScanResult) -> str:
    """The one-line summary printed on stderr after the findings."""
    n = len(result.findings)
    parts = [f"{n} finding{'s' if n != 1 else ''} in {result.files} file"
             f"{'s' if result.files != 1 else ''} ({result.seconds:.2f}s)"]
    if result.errors:
        parts.append(f"{len(result.errors)} error{'s' if len(result.errors) != 1 else ''}: scan incomplete")
    if result.notes:
        parts.append(f"{len(result.notes)} file{'s' if len(result.notes) != 1 else ''} only partly parsed")
    return "; ".join(parts)
