"""`path:line:col: severity: message (GL002 name)`: vim's default errorformat reads it.
A finding that `--fix` can fix has `[*] ` before its message, as in ruff."""

from __future__ import annotations

from goleaklint.engine import ScanResult


def _fixable(finding, unsafe: bool) -> bool:
    return finding.fix is not None and (finding.fix.applicability == "safe" or unsafe)


def render(result: ScanResult, root: str = ".") -> str:
    lines = [
        f"{f.path}:{f.line}:{f.column}: {f.severity.value}: "
        f"{'[*] ' if _fixable(f, result.unsafe_fixes) else ''}{f.message} ({f.rule} {f.name})"
        for f in result.findings
    ]
    return "".join(line + "\n" for line in lines)


def summary(result: ScanResult) -> str:
    """The one-line summary printed on stderr after the findings."""
    n = len(result.findings)
    parts = [f"{n} finding{'s' if n != 1 else ''} in {result.files} file"
             f"{'s' if result.files != 1 else ''} ({result.seconds:.2f}s)"]
    fixable = sum(_fixable(f, result.unsafe_fixes) for f in result.findings)
    hidden = sum(_fixable(f, True) for f in result.findings) - fixable
    if fixable or hidden:
        flag = "--fix --unsafe-fixes" if result.unsafe_fixes else "--fix"
        more = f" ({hidden} more with --unsafe-fixes)" if hidden else ""
        parts.append(f"{fixable} fixable with {flag}{more}")
    if result.errors:
        parts.append(f"{len(result.errors)} error{'s' if len(result.errors) != 1 else ''}: scan incomplete")
    partly = len({n.path for n in result.notes if n.line})  # syntax errors have a place
    if partly:
        parts.append(f"{partly} file{'s' if partly != 1 else ''} only partly parsed")
    return "; ".join(parts)
