"""`path:line:col: severity: message (GL002 name)`: vim's default errorformat reads it.
A finding that `--fix` can fix has `[*] ` before its message, as in ruff."""

from __future__ import annotations

import re
from collections import Counter

import click

import unicodedata

from goleaklint.engine import ScanResult
from goleaklint.model import Finding


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(value: str) -> str:
    """value with control characters escaped (`\\n`, `\\x1b`) and the undecodable bytes
    of a file name (surrogate-escaped) written as `\\xff`: one finding, one line,
    whatever a file name or the source holds."""
    if value.isprintable():
        return value
    out = []
    for char in value:
        code = ord(char)
        if char.isprintable() or (code > 0x9f and not 0xd800 <= code <= 0xdfff
                                  and unicodedata.category(char) not in ("Cc", "Zl", "Zp")):
            out.append(char)
        elif 0xdc80 <= code <= 0xdcff:
            out.append(f"\\x{code - 0xdc00:02x}")
        else:
            out.append(_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"))
    return "".join(out)


def _fixable(finding, unsafe: bool) -> bool:
    return finding.fix is not None and (finding.fix.applicability == "safe" or unsafe)


def render(result: ScanResult, root: str = ".", color: bool = False,
           sources: dict[str, bytes] | None = None) -> str:
    """The findings, one per line; `color`: ANSI colours for a terminal; `sources`
    (path -> bytes): each finding's line with a caret under it (--show-source)."""
    out = []
    for f in result.findings:
        low = ", low confidence" if f.confidence.value == "low" else ""
        where, severity, rule = (f"{printable(f.path)}:{f.line}:{f.column}:", f.severity.value,
                                 f"({f.rule} {f.name}{low})")
        if color:
            where = click.style(where, bold=True)
            severity = click.style(severity, fg=_STYLE[severity], bold=True)
            rule = click.style(rule, dim=True)
        out.append(f"{where} {severity}: {'[*] ' if _fixable(f, result.unsafe_fixes) else ''}"
                   f"{printable(f.message)} {rule}")
        if sources is not None and f.path in sources:
            out.extend(excerpt(sources[f.path], f))
    return "".join(line + "\n" for line in out)


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
    tests = f"{result.unchecked} test file{'s' if result.unchecked != 1 else ''} not checked for"
    if result.hidden:
        more = f" and {tests} more" if result.unchecked else ""
        parts.append(f"{result.hidden} of low confidence not shown{more} (--min-confidence low)")
    elif result.unchecked:
        parts.append(f"{tests} findings of low confidence (--min-confidence low)")
    if result.errors:
        parts.append(f"{len(result.errors)} error{'s' if len(result.errors) != 1 else ''}: scan incomplete")
    partly = len({n.path for n in result.notes if n.line})  # syntax errors have a place
    if partly:
        parts.append(f"{partly} file{'s' if partly != 1 else ''} only partly parsed")
    return "; ".join(parts)


_STYLE = {"error": "red", "warning": "yellow", "note": "cyan"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _printable(text: str) -> str:
    """Source text for a terminal: control characters (but tab) as \\xNN."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def excerpt(source: bytes, finding: Finding) -> list[str]:
    """The finding's line under a gutter with its number, and a caret under the flagged
    part (`^` at the column, `~` to its end on that line); tabs are kept, so the caret
    lines up in any tab width."""
    lines = source.splitlines()
    if not 1 <= finding.line <= len(lines):
        return []
    raw = lines[finding.line - 1]
    start = max(finding.column - 1, 0)
    end = finding.end_column - 1 if finding.end_line == finding.line else len(raw)
    before = _printable(raw[:start].decode("utf-8", "replace"))
    width = len(_printable(raw[start:end].decode("utf-8", "replace")))
    gutter = len(str(finding.line))
    pad = "".join(c if c == "\t" else " " for c in before)
    return [f" {finding.line} | {_printable(raw.decode('utf-8', 'replace'))}".rstrip(),
            f" {'':>{gutter}} | {pad}^{'~' * (width - 1)}"]


def statistics(result: ScanResult) -> str:
    """Findings counted per rule, most first: `count  code  name  severity`."""
    counts = Counter((f.rule, f.name) for f in result.findings)
    width = len(str(max(counts.values(), default=0)))
    return "".join(f"{n:>{width}}  {rule}  {name}\n"
                   for (rule, name), n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
