"""GitHub Actions workflow commands: one annotation per finding, error and note."""

from __future__ import annotations

from goleaklint.engine import ScanResult

_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(result: ScanResult, root: str = ".") -> str:
    out = []
    for f in result.findings:
        props = (f"file={_property(f.path)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},"
                 f"title={_property(f.rule + ' ' + f.name)}")
        out.append(f"::{_LEVEL[f.severity.value]} {props}::{_data(f.message)}")
    for e in result.errors:
        where = f"file={_property(e.path)}," if e.path else ""
        out.append(f"::error {where}title=goleaklint::{_data(e.message)}")
    for n in result.notes:
        where = f"file={_property(n.path)}," if n.path else ""
        if n.line:
            where += f"line={n.line},col={n.column},"
        out.append(f"::notice {where}title=goleaklint::{_data(n.message)}")
    return "".join(line + "\n" for line in out)
