"""What a rule is, what it reports, and how sure it is."""

from __future__ import annotations

import enum
import functools
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, NamedTuple

from goleaklint.analysis.gomod import in_tooling_tree
from goleaklint.analysis.names import names_for
from goleaklint.analysis.types import types_for
from goleaklint.syntax import pin

INFORMATION_URI = "https://github.com/goleaklint/goleaklint"
# Each rule's page, generated from its docstring by scripts/rule_docs.py.
DOCS_URI = INFORMATION_URI + "/blob/main/docs/rules"


class Severity(enum.Enum):
    """How bad the problem is if the finding is true."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "note": 1}[self.value]


class Confidence(enum.Enum):
    """How sure a syntax-only check is that the finding is true (SARIF `precision`)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"high": 3, "medium": 2, "low": 1}[self.value]


class Span(NamedTuple):
    """A 1-based source range; columns count bytes, as Go tools print them."""

    line: int
    column: int
    end_line: int
    end_column: int


def span_of(node: Any) -> Span:
    (row, col), (end_row, end_col) = node.start_point, node.end_point
    return Span(row + 1, col + 1, end_row + 1, end_col + 1)


class Edit(NamedTuple):
    """Replace the bytes [start, end) of a file with `content` (an insertion when
    start == end). Lines and columns (1-based, bytes) locate it for SARIF and editors."""

    start: int
    end: int
    content: str
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def at(cls, source: bytes, start: int, end: int, content: str) -> "Edit":
        line, column = position(source, start)
        end_line, end_column = position(source, end)
        return cls(start, end, content, line, column, end_line, end_column)


def position(source: bytes, offset: int) -> tuple[int, int]:
    """1-based line and byte column of a byte offset."""
    return source.count(b"\n", 0, offset) + 1, offset - (source.rfind(b"\n", 0, offset) + 1) + 1


class Fix(NamedTuple):
    """A fix for one finding: what it does, whether `--fix` applies it (safe) or only
    `--unsafe-fixes` (unsafe: it changes behaviour a reviewer should look at), and
    its edits, which never overlap each other."""

    message: str
    applicability: str  # "safe" or "unsafe"
    edits: tuple[Edit, ...]

    def to_dict(self) -> dict:
        return {"message": self.message, "applicability": self.applicability,
                "edits": [e._asdict() for e in self.edits]}

    @classmethod
    def from_dict(cls, data: dict) -> "Fix":
        return cls(data["message"], data["applicability"],
                   tuple(Edit(**e) for e in data["edits"]))


# The message policy (README): one sentence of at most this many characters.
MESSAGE_LIMIT = 160


class Report(NamedTuple):
    """What a rule's check yields: where (a syntax node or a Span), what, optionally a
    severity other than the rule's default for this one finding, the places its
    message cites, as (node or Span, what is there) pairs (the editor links to them),
    a fix, and a confidence other than the rule's (LOW: the harm depends on something
    the code does not show, such as the function running more than once; such findings
    are shown only with `--min-confidence low`)."""

    at: Any
    message: str
    severity: Severity | None = None
    related: tuple[tuple[Any, str], ...] = ()
    fix: Fix | None = None
    confidence: Confidence | None = None


@dataclass(slots=True)
class Finding:
    rule: str
    name: str
    severity: Severity
    confidence: Confidence
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    # Line-independent identity: enclosing function and the flagged source text,
    # hashed with the rule, path and occurrence index (baselines, SARIF fingerprints).
    function: str = ""
    snippet: str = ""
    fingerprint: str = ""
    related: tuple[tuple[Span, str], ...] = ()  # places the message cites, in this file
    fix: Fix | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.message)

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        fix = data.get("fix")
        return cls(**{**data, "severity": Severity(data["severity"]),
                      "confidence": Confidence(data["confidence"]),
                      "related": tuple((Span(*span), what) for span, what in data.get("related", ())),
                      "fix": Fix.from_dict(fix) if fix else None})

    def to_dict(self, full: bool = False) -> dict:
        extra = {"function": self.function, "snippet": self.snippet,
                 "fingerprint": self.fingerprint,
                 "related": [[list(span), what] for span, what in self.related]} if full else {}
        return extra | {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.value,
            "confidence": self.confidence.value,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "fix": self.fix.to_dict() if self.fix is not None else None,
        }


@dataclass
class Context:
    """Everything a rule's check may read for one file. Checks are pure: they read
    this and yield `Report`s; they never print, raise on odd code, or keep state."""

    path: str
    source: bytes
    root: Any
    matches: list[tuple[int, dict[str, list[Any]]]]
    options: dict[str, Any]
    facts: dict[str, Any] = field(default_factory=dict)
    # Whether the package checks will read the facts of this file only (the editor
    # server checks a file on its own): facts that only other files' checks read can
    # be left out.
    alone: bool = False

    def text(self, node: Any) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    @property
    def names(self) -> Any:
        """The file's name resolution (goleaklint.analysis.names), built on first use."""
        names = names_for(self.source, self.root, root=self.root)
        names.path = self.path
        pin(self.source)
        return names

    @property
    def types(self) -> Any:
        """The file's declared types (goleaklint.analysis.types), built on first use."""
        return types_for(self.names)


Check = Callable[[Context], Iterable[Report]]
PackageCheck = Callable[[dict[str, Any], dict[str, Any]], Iterable[tuple[str, Report]]]


def low_in_tooling(check: Check) -> Check:
    """check, its reports of low confidence in a folder of the repository's developer
    programs (`gomod.in_tooling_tree`, test doubles apart): a developer's tool, run by
    hand, and what it holds ends with the tool (GL001, GL008). The folder is looked up
    at the first report: most files the rules check report nothing."""
    @functools.wraps(check)
    def lowered(ctx: Context) -> Iterable[Report]:
        tooling = None
        for report in check(ctx):
            if tooling is None:
                tooling = in_tooling_tree(ctx.path or "", doubles=False)
            yield report._replace(confidence=Confidence.LOW) if tooling else report
    return lowered


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    confidence: Confidence
    check: Check | None
    doc: str = ""
    stem: str = ""
    # Raw byte strings of which at least one must occur in a file for the rule to run
    # on it; empty means the rule runs on every file. A rule whose options are set in
    # the config runs on every file: a configured name must not be missed.
    triggers: tuple[bytes, ...] = ()
    # Raw byte strings of which at least one must also occur (every finding of GL004
    # is at a send: `<-`); empty means no such condition. Options set in the config
    # lift it too.
    requires: tuple[bytes, ...] = ()
    # Whether a file whose bytes hold none of the triggers must be checked all the
    # same, from what the other files of its folder declare: `package_trigger(path,
    # source)` (GL008: the file calls a sibling's function that returns a response).
    package_trigger: Callable[[str, bytes], bool] | None = None
    # Whether a file that the triggers (and required words, anchors) select is worth
    # the check all the same, from its package: `package_requires(path, source)` false
    # means nothing of the file can count (GL007: no file of the package acquires from
    # a pool, so its package check reports nothing whatever the file holds). Options
    # set in the config lift it too.
    package_requires: Callable[[str, bytes], bool] | None = None
    # Whether the check, on a `_test.go` file, reads nothing but the path and the bytes
    # (it reports nothing in tests, or gathers only what the bytes say): a test file
    # that triggers only such rules is not parsed (a third of the bytes the rules
    # trigger on are tests).
    tests_by_bytes: bool = False
    # For a rule whose findings in a `_test.go` file are all of low confidence except
    # where the file's bytes say they may not be: whether they say so of this file
    # (`tests_shown(source)`). A scan that shows no finding of low confidence
    # (min-confidence medium or high) leaves the rule out of a test file this says no
    # to and that holds no suppression directive (engine.analyze_source): GL008 spent a
    # fifth of a whole-corpus scan on tests to find two findings of low confidence. A
    # rule with a package check may have it only where a test file's facts serve
    # findings in test files alone (GL007: code outside tests cannot call what test
    # files declare).
    tests_shown: Callable[[bytes], bool] | None = None
    # Raw byte strings of which one lies in the outermost node of every query match
    # the check reads, where `anchored(source, start, end)` (when given) accepts the
    # one found at source[start:end]; and the check finds nothing without a match. The rule's
    # query then runs only around them (a full pass costs about a third of a parse),
    # and with `anchored` the rule runs only on a file where one is accepted. Options
    # set in the config lift this too.
    anchors: tuple[bytes, ...] = ()
    anchored: Callable[[bytes, int, int], bool] | None = None
    # Per-rule options with their defaults; the config's [rules.GLxxx] table sets them.
    options: dict[str, Any] = field(default_factory=dict)
    # Rules that need a whole package (directory): `check` stores per-file facts in
    # ctx.facts, then `package_check(facts_by_path, options)` yields (path, Report).
    package_check: PackageCheck | None = None
    # What the check reads outside the top-level declaration of a candidate (a query
    # match), besides the package clause, imports, types, vars, consts and function
    # signatures of the file: "summaries", what this file's functions that the
    # declaration calls do with their arguments (analysis/ownership.py); "callees",
    # the bodies of the functions it calls and of theirs ("callees:1": of the
    # former only); "callers", the declarations that call it, and theirs, three calls
    # up; "names", any declaration that mentions a field, method, function or
    # package-level name the declaration mentions; "matches", the matches of the
    # rule's query elsewhere that mention such a name (what it gathers over the file;
    # "matches:2": and those that mention a name these link it to, see `links`);
    # "channel matches", those that mention a name the declaration uses in a channel
    # operation or a store to a field, or its own name; "channels", the channel
    # operations and stores to fields elsewhere that mention such a name. The editor server re-runs a rule after an edit inside functions
    # only on the declarations these connect to the edit. A check judges each candidate
    # on its own: of other declarations it reads the tree, and only the matches of its
    # gathered patterns (the others are left out there).
    outside: tuple[str, ...] = ("callees", "callers", "names")
    # With "callees": words one of which the signature of a callee must hold for its
    # body to matter to a caller (GL008 follows only functions whose results name
    # `Response`); empty: any callee's.
    callee_words: tuple[bytes, ...] = ()
    # Words one of which the top-level declaration of every candidate the check reports
    # holds, or one that calls it, up to `needs_callers` calls up through functions
    # whose name the file declares once (GL004: a lock, its own or a caller's); the
    # check gives no facts for the others. The editor server does not re-run the rule
    # on a candidate with none of them, where it found nothing before.
    needs: tuple[bytes, ...] = ()
    needs_callers: int = 0
    # The indexes of the query's patterns whose matches are only gathered (read for
    # other candidates), never a finding's candidate.
    gathered: tuple[int, ...] = ()
    # The captures whose names key what the check gathers from matches ("matches",
    # "channel matches"); empty: every capture.
    keys: tuple[str, ...] = ()
    # With keys: key_nodes(capture, node) gives the nodes of a key capture whose names
    # the check reads (GL003 reads of the arguments a call hands to a function only
    # their fields); None: the whole capture.
    key_nodes: Callable[[str, Any], list[Any]] | None = None
    # With "matches:2": two captures of a match, a name and the function its value
    # comes from (a declaration with a candidate), which the check follows to the
    # matches of the other (GL006: the variable a factory's result is bound to, and
    # the factory, whose client the variable's uses judge).
    links: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    # golangci-lint linters that report the same problem as some findings of this rule,
    # as (linter, regexp those findings' messages match): a `//nolint:<linter>` on the
    # line is the author's decision about them too (suppressions.py).
    peers: tuple[tuple[str, str], ...] = ()
    # Whether some findings come with a fix that --fix applies ("safe") or only
    # --unsafe-fixes ("unsafe"); "" when the rule has no fixes.
    fix: str = ""

    @property
    def summary(self) -> str:
        """The first sentence under 'What it does', on one line."""
        section = " ".join(doc_sections(self.doc).get("What it does", "").split())
        return section.split(". ")[0].rstrip(".") + "." if section else ""

    @property
    def help(self) -> str:
        """The documentation: the docstring and the options with their defaults
        (`explain`, the docs/rules pages, SARIF help, editor hovers)."""
        text = self.doc.strip() + "\n"
        if self.options:
            text += "\n## Options\n" + "".join(
                f"- `{key}` (default: {default!r})\n" for key, default in self.options.items())
        return text

    @property
    def help_uri(self) -> str:
        return f"{DOCS_URI}/{self.code}.md"

    def page(self) -> str:
        """The rule's documentation page: title, severity, confidence and fix, then `help`."""
        fix = {"safe": " Fix: safe, applied by `--fix` where offered.",
               "unsafe": " Fix: unsafe, applied by `--fix --unsafe-fixes` where offered."}
        return (f"# {self.code} {self.name}\n\n"
                f"Severity: {self.severity.value}. Confidence: {self.confidence.value}."
                f"{fix.get(self.fix, '')}\n\n" + self.help)


def fingerprints(findings: list[Finding], path_of: Callable[[str], str] = str) -> list[str]:
    """Line-independent identities of sorted findings: rule, path (as `path_of` gives
    it), enclosing function, normalised flagged text and occurrence index, hashed.
    Moving code or adding lines above it does not change them; a second identical
    finding in the same function gets its own."""
    seen: dict[tuple, int] = {}
    out = []
    for f in findings:
        # Package-level findings have no snippet; their messages cite lines, which must
        # not change the fingerprint.
        key = (f.rule, path_of(f.path), f.function, f.snippet or re.sub(r"\d+", "#", f.message))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        out.append(hashlib.blake2b(f"{key}{occurrence}".encode(), digest_size=16).hexdigest())
    return out


_HEADING = re.compile(r"^## (.+?)\s*$", re.M)


def doc_sections(doc: str) -> dict[str, str]:
    """Split a rule docstring into its '## Heading' sections."""
    parts = _HEADING.split(doc)
    return {parts[i].strip(): parts[i + 1].strip("\n") for i in range(1, len(parts) - 1, 2)}
