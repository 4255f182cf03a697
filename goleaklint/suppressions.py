"""Suppression comments, read from the syntax tree's comment nodes.

    //goleaklint:ignore GL002 reason why this is fine
    //goleaklint:ignore GL003,blocking-send reason
    //nolint:goleaklint // reason        (golangci-lint style; also //nolint:all, bare //nolint)
    //nolint:noctx // reason             (a peer linter that reports the same problem)
    //#nosec G112 -- reason              (gosec's own marker: bare, or naming gosec rules)

A directive covers findings on its own line and on the line below it. A `//nolint`
naming other linters covers the findings that one of them reports too: each rule lists
its peers (`Rule.peers`: a golangci-lint linter and the findings of the rule, by message,
that it reports as well), so `//nolint:noctx` on an `http.Get` line covers GL006 there,
and `//nolint:errcheck` covers nothing of ours. gosec's `#nosec` reads as gosec's
`//nolint`: bare it covers what `//nolint:gosec` covers; with rule IDs (`#nosec G112
G114 -- reason`, the IDs before the `--`) it names pseudo-linters `gosec:G112`, which a
rule lists among its peers for the findings that gosec rule reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from goleaklint.model import Finding, Span

_IGNORE = re.compile(r"^//\s?goleaklint:ignore\b(?P<rest>.*)$")
# golangci-lint's reading: `//nolint`, also with spaces after the slashes and after the
# colon or commas (`// nolint: gosec`, `//nolint:noctx, gosec`).
_NOLINT = re.compile(r"^//\s*nolint(?::\s*(?P<linters>[\w-]+(?:\s*,\s*[\w-]+)*))?\b")
# gosec's reading: a comment whose text starts with `#nosec` (`//#nosec`, `// #nosec G112`,
# `/* #nosec G401 */`); the rule IDs are the G-numbers before a `--` justification.
_NOSEC = re.compile(r"^(?://|/\*)\s*#nosec\b(?P<rest>.*)$", re.S)
_GOSEC_ID = re.compile(r"\bG\d{3}\b")
_CODE_LIKE = re.compile(r"^(GL\d+|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)$")


@dataclass
class Directive:
    span: Span
    kind: str  # "ignore" or "nolint"
    codes: frozenset[str] | None  # None: every goleaklint rule
    reason: str
    problems: list[str] = field(default_factory=list)
    linters: frozenset[str] = frozenset()  # a //nolint's other linters (peers of our rules)

    def to_dict(self) -> dict:
        return {"span": list(self.span), "kind": self.kind, "reason": self.reason,
                "codes": None if self.codes is None else sorted(self.codes),
                "problems": self.problems, "linters": sorted(self.linters)}

    @classmethod
    def from_dict(cls, data: dict) -> "Directive":
        codes = None if data["codes"] is None else frozenset(data["codes"])
        return cls(Span(*data["span"]), data["kind"], codes, data["reason"], data["problems"],
                   frozenset(data.get("linters", ())))

    def covers(self, finding: Finding, peers: tuple[tuple[str, str], ...] = ()) -> bool:
        """Whether the directive suppresses finding; peers: the rule's (linter, message
        regexp) pairs, for a //nolint that names other linters."""
        if finding.line not in (self.span.line, self.span.line + 1):
            return False
        if self.codes is None or finding.rule in self.codes or finding.name in self.codes:
            return True
        return any(linter in self.linters and re.search(pattern, finding.message) for linter, pattern in peers)


def parse_directive(comment: str, span: Span, known: set[str]) -> Directive | None:
    """Turn one comment's text into a Directive, or None when it is not one of ours.
    `known` holds every rule code and name, to flag typos."""
    comment = comment.rstrip()
    m = _IGNORE.match(comment)
    if m:
        rest = m.group("rest").split("//", 1)[0].strip()
        words = rest.split(None, 1)
        codes: list[str] = []
        if words and all(_CODE_LIKE.match(c) for c in words[0].split(",") if c):
            codes = [c for c in words[0].split(",") if c]
            words = words[1:]
        reason = words[0].strip() if words else ""
        directive = Directive(span, "ignore", frozenset(codes), reason)
        if not codes:
            directive.problems.append("names no rule (write //goleaklint:ignore GLxxx reason)")
        unknown = sorted(c for c in codes if c not in known)
        if unknown:
            directive.problems.append(f"names unknown rule {', '.join(unknown)}")
        if not reason:
            directive.problems.append("gives no reason")
        return directive
    m = _NOSEC.match(comment)
    if m:
        ids = _GOSEC_ID.findall(re.split(r"-{2,}", m.group("rest"), maxsplit=1)[0])
        return Directive(span, "nolint", frozenset(), "",
                         linters=frozenset(f"gosec:{i}" for i in ids) if ids else frozenset({"gosec"}))
    m = _NOLINT.match(comment)
    if m:
        linters = m.group("linters")
        if linters is None or {"all", "goleaklint"} & {linter.strip() for linter in linters.split(",")}:
            return Directive(span, "nolint", None, "")
        return Directive(span, "nolint", frozenset(), "",
                         linters=frozenset(linter.strip() for linter in linters.split(",")))
    return None
