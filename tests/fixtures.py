"""Read analysistest-style expectations from Go fixtures.

    rows, err := db.Query(q) // want GL001
    rows, err := db.Query(q) // want GL001 "not closed when .* returns" GL000
    t := time.NewTicker(d)   // todo GL010 stored through an interface, not seen yet
    go s.loop()              // want GL011:low

`want` lists the findings a line must have (code, optionally a regexp the message
must match); `todo` marks a known miss: the line must stay silent for that code until
someone teaches the rule and turns it into a `want`. A finding of low confidence (not
shown unless `--min-confidence low`) is wanted as `GLxxx:low`; a plain `GLxxx` wants
one that is shown by default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"//\s*(want|todo)\s+(.*)$")
_TOKEN = re.compile(r'(GL\d{3})(:low)?(?:\s+"((?:[^"\\]|\\.)*)")?')


@dataclass
class Expectation:
    path: str
    line: int
    code: str
    pattern: str | None
    todo: bool = False
    low: bool = False

    def matches(self, finding) -> bool:
        return (
            finding.path == self.path
            and finding.line == self.line
            and finding.rule == self.code
            and (finding.confidence.value == "low") == self.low
            and (self.pattern is None or re.search(self.pattern, finding.message) is not None)
        )

    def __str__(self) -> str:
        kind = "todo" if self.todo else "want"
        pattern = f' "{self.pattern}"' if self.pattern else ""
        return f"{self.path}:{self.line}: {kind} {self.code}{':low' if self.low else ''}{pattern}"


def expectations(path: str, text: str) -> list[Expectation]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        mark = _MARK.search(line)
        if not mark:
            continue
        kind, rest = mark.groups()
        if kind == "todo":
            code = rest.split()[0]
            found.append(Expectation(path, number, code, None, todo=True))
            continue
        for code, low, pattern in _TOKEN.findall(rest):
            found.append(Expectation(path, number, code, pattern or None, low=bool(low)))
    return found
