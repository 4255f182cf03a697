"""The editor server's analysis of one document, version after version.

An edit inside functions that changes no token of the Go code (a comment or a blank
line added, removed or rewritten, indentation) cannot change what the rules decide:
the findings of the previous version are moved to their new lines instead of
analysing the file again. Every other edit, and every case where this cannot be
shown to give what a full analysis gives, is analysed in full:

- the edit changes no token: the tokens (leaves of the syntax tree other than
  comments) of the changed lines, widened to whole comments, are the same before and
  after; the changed bytes outside comments are indentation, line ends or blank
  lines; the declarations there parse without errors;
- the comments there hold plain words only: some rules search the file's text, and
  would read `.f`, `f:`, `x =`, `//go:build ignore`, a `/* */` or a trigger word;
- the edit is in functions, methods or comments between them (a comment in an
  import block decides whether a fix adds an import);
- no finding has a place in a top-level declaration the edit touched (its snippet,
  message or fix may read the changed text), no message cites a line there, and no
  message citing lines gets numbers of another length (messages are fitted to a
  length limit); the lines they cite are renumbered;
- the rules, their options and the path are the same, the last analysis finished
  without errors or a time budget stop, and the files of the folder and the go.mod
  the rules read are unchanged on disk.

The findings kept are those before suppression, package checks included
(`engine.package_findings`); the suppression directives are read again each time.
`tests/test_incremental.py` applies random edits to the fixtures and compares each
version's findings with a full analysis.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from goleaklint import engine, parsing
from goleaklint.analysis import gomod
from goleaklint.model import Edit, Finding, Fix, Rule, Span, position
from goleaklint.rules import BY_CODE

@dataclass
class State:
    """What the previous analysis of one document leaves for the next."""

    key: tuple = ()  # the path, rules and options analysed with
    source: bytes = b""
    root: Any = None
    result: engine.FileResult | None = None  # with the package findings, before suppression
    folder: dict[str, tuple[int, int]] = field(default_factory=dict)  # Go files there: (size, mtime)
    checked: bool = False  # the rule checks found something (the engine then reads directives)
    full_runs: int = 0  # how many versions were analysed in full (the tests read it)


def analyze(state: State, path: str, source: bytes, root: Any, rules: list[Rule],
            settings: engine.Settings, budget: float = 0) -> engine.FileResult:
    """The FileResult `engine.analyze_source` gives for source, with the findings of
    the package checks folded in (and their facts left out, so `engine.scan_results`
    adds nothing); computed from state when the edit allows. state is updated."""
    codes = tuple(rule.code for rule in rules)
    key = (path, codes, repr(sorted(settings.rule_options.items())))
    result = _moved(state, key, path, source, root)
    if result is not None:
        state.source, state.root = source, root
        state.result = dataclasses.replace(result, directives=[])
        return result
    result = engine.analyze_source(path, source, codes, settings.rule_options, root=root, budget=budget)
    state.checked = bool(result.findings)
    package, errors = engine.package_findings([result], rules, settings)
    result.findings += package
    result.errors += errors
    result.facts = {k: v for k, v in result.facts.items() if k not in BY_CODE}
    state.full_runs += 1
    state.key, state.source, state.root = key, source, root
    state.result = result if not result.stopped and not result.errors else None
    state.folder = _folder(path)
    return result


def _folder(path: str) -> dict[str, tuple[int, int]]:
    """The Go files of path's folder with their size and modification time."""
    folder = os.path.dirname(path) or "."
    found = {}
    try:
        for entry in os.scandir(folder):
            if entry.name.endswith(".go") and entry.name != os.path.basename(path):
                stat = entry.stat()
                found[entry.name] = (stat.st_size, stat.st_mtime_ns)
    except OSError:
        return {"": (-1, -1)}  # unreadable: never equal to a later look
    return found


def _moved(state: State, key: tuple, path: str, source: bytes, root: Any) -> engine.FileResult | None:
    """The previous result moved to source, or None when source needs a full analysis."""
    previous = state.result
    if previous is None or state.key != key or _folder(path) != state.folder or \
            ("go.mod" in previous.facts and not gomod.unchanged(previous.facts["go.mod"])):
        return None
    findings = list(previous.findings)
    if source != state.source:
        start, old_end, new_end = parsing.changed_range(state.source, source)
        triggers = {t for code in key[1] for t in BY_CODE[code].triggers}
        if not _same_tokens(state.root, root, state.source, source, start, old_end, new_end, triggers):
            return None
        mover = _mover(state.root, state.source, source, start, old_end, new_end)
        if mover is None:
            return None
        move, line = mover
        findings = [move(finding) for finding in findings]
        notes = [(line(n.line), n.column) for n in previous.notes]  # syntax errors only: nothing stopped
        if None in findings or any(at is None for at, _ in notes):
            return None
        previous = dataclasses.replace(previous, notes=[engine.syntax_note(path, *at) for at in notes])
    result = dataclasses.replace(previous, findings=findings, directives=[])
    if state.checked or engine.wants_directives(key[1], source):
        result.directives = engine.directives(source, root)
    return result


def _same_tokens(old_root: Any, new_root: Any, old: bytes, new: bytes,
                 start: int, old_end: int, new_end: int, triggers: set[bytes]) -> bool:
    """Whether old and new, the same outside old[start:old_end] / new[start:new_end],
    hold the same tokens, laid out alike, and the rules cannot read the comments that
    changed: the tokens of the changed lines, widened to the comments that reach out
    of them, are compared; the declarations there parse cleanly; the changed bytes
    outside comments are indentation, line ends or blank lines (a space between two
    tokens changes what the rules' text searches see: `s. f` is not `s.f`); and
    the comments there hold plain words only (the rules search the text of a file for
    `.f` and `f:`, for `x =`, `//go:build ignore`, `/* */` and their trigger words)."""
    low = old.rfind(b"\n", 0, start) + 1
    high = old.find(b"\n", old_end)
    high = len(old) if high < 0 else high
    shift = (new_end - old_end)
    while True:
        before, after = _leaves(old_root, low, high), _leaves(new_root, low, high + shift)
        wider_low = min([low] + [n.start_byte for n in before + after if n.type == "comment"])
        wider_high = max([high] + [n.end_byte for n in before if n.type == "comment"] +
                         [n.end_byte - shift for n in after if n.type == "comment"])
        if (wider_low, wider_high) == (low, high):
            break
        low, high = wider_low, wider_high
    if any(n.is_error or n.is_missing or n.type == "ERROR" for n in before + after):
        return False
    for root, end in ((old_root, high), (new_root, high + shift)):
        around = root.descendant_for_byte_range(low, end)
        if around is None or around.has_error and around != root:
            return False
        if around == root and any(top.has_error for top in _tops(root, low, end)):
            return False
    if [(n.type, old[n.start_byte:n.end_byte]) for n in before if n.type != "comment"] != \
            [(n.type, new[n.start_byte:n.end_byte]) for n in after if n.type != "comment"]:
        return False
    for source, leaves in ((old, before), (new, after)):
        for comment in leaves:
            if comment.type == "comment":
                words = source[comment.start_byte:comment.end_byte]
                if not _PLAIN.match(words) or any(t in words for t in triggers):
                    return False
    return _layout_only(before, start, old_end) and _layout_only(after, start, new_end)


def _layout_only(leaves: list[Any], start: int, end: int) -> bool:
    """Whether the bytes start..end lie outside the code of each line: none is
    between the first and the last token of a line (comments aside)."""
    lines: dict[int, list[int]] = {}
    for leaf in leaves:
        if leaf.type != "comment":
            for row in {leaf.start_point[0], leaf.end_point[0]}:
                span = lines.setdefault(row, [leaf.start_byte, leaf.end_byte])
                span[0], span[1] = min(span[0], leaf.start_byte), max(span[1], leaf.end_byte)
    return not any(first < end and start < last if start < end else first < start < last
                   for first, last in lines.values())


# A comment the rules cannot read anything in: `//` and plain words.
_PLAIN = re.compile(rb"//[\w \t,;!?'\"-]*\Z")


def _leaves(root: Any, low: int, high: int) -> list[Any]:
    """The leaves of the tree that end after low and start at or before high, in
    order: found from the first one on, so the cost is that of the part of the tree
    between low and high, not of the file."""
    node = _first_child_for_byte(root, low)
    while node is not None and node.child_count:
        node = _first_child_for_byte(node, low) or node.children[0]
    found = []
    while node is not None and node.start_byte <= high:
        if node.child_count:
            node = node.children[0]
            continue
        found.append(node)
        while node is not None and node.next_sibling is None:
            node = node.parent
        node = node.next_sibling if node is not None else None
    return found


def _first_child_for_byte(node: Any, byte: int) -> Any | None:
    """The first child of node that ends after byte, by bisection (Node's
    first_child_for_byte can crash, the cursor's finds nothing between children)."""
    low, high = 0, node.child_count
    while low < high:
        middle = (low + high) // 2
        if node.child(middle).end_byte > byte:
            high = middle
        else:
            low = middle + 1
    return node.child(low) if low < node.child_count else None


def _tops(root: Any, low: int, high: int) -> list[Any]:
    """The top-level nodes that meet the bytes low..high."""
    found = []
    node = _first_child_for_byte(root, max(low - 1, 0))
    while node is not None and node.start_byte <= high:
        found.append(node)
        node = node.next_sibling
    return found


def _mover(old_root: Any, old: bytes, new: bytes, start: int, old_end: int, new_end: int
           ) -> tuple[Callable[[Finding], Finding | None], Callable[[int], int | None]] | None:
    """A function giving a finding of old its place in new, and one giving a line of
    old its number in new; None when the edit touched a top-level node other than a
    function, a method or a comment (a comment in an import block decides whether a
    fix adds an import, one in a type may sit among its fields). The first gives None
    for a finding with a place in a top-level node the edit touched (its snippet,
    message or fix may read the changed text) or whose message cites a line there. The
    others are on lines before the edit, which stay, or after it, which move by the
    lines it added."""
    tops = _tops(old_root, start, old_end)
    if any(top.type not in ("function_declaration", "method_declaration", "comment") for top in tops):
        return None
    touched = [(top.start_point[0] + 1, top.end_point[0] + 1) for top in tops]
    low = min([first for first, _ in touched], default=position(old, start)[0])
    high = max([last for _, last in touched], default=position(old, old_end)[0])
    lines = new.count(b"\n", start, new_end) - old.count(b"\n", start, old_end)
    shift = new_end - old_end

    def line(number: int) -> int | None:
        return number if number < low else number + lines if number > high else None

    # Messages are fitted to a length limit, so one citing lines may be worded
    # otherwise when a line it cites, or one it left out, gets another count of digits.
    total = old.count(b"\n") + 1
    longer = any(max(high + 1, 10 ** k - lines) <= min(total, 10 ** k - 1) if lines > 0 else
                 max(high + 1, 10 ** k) <= min(total, 10 ** k - lines - 1)
                 for k in range(1, len(str(total)) + 1)) if lines else False

    def renumber(text: str) -> str | None:
        """text with the lines it cites moved; None when one is a changed line."""
        if longer and _LINES.search(text):
            return None
        cited = [line(int(n)) for found in _LINES.findall(text) for n in _NUMBER.findall(found)]
        if None in cited:
            return None
        numbers = iter(cited)
        return _LINES.sub(lambda found: _NUMBER.sub(lambda _: str(next(numbers)), found.group(0)), text)

    def span(at: Span) -> Span | None:
        first, last = line(at.line), line(at.end_line)
        return None if first is None or last is None else Span(first, at.column, last, at.end_column)

    def move(finding: Finding) -> Finding | None:
        where = span(Span(finding.line, finding.column, finding.end_line, finding.end_column))
        message = renumber(finding.message)
        related = tuple((span(at), renumber(what)) for at, what in finding.related)
        if where is None or message is None or any(at is None or what is None for at, what in related):
            return None
        fix = finding.fix
        if fix is not None:
            if any(line(e.line) is None or line(e.end_line) is None for e in fix.edits):
                return None
            fix = Fix(fix.message, fix.applicability, tuple(
                Edit(e.start + shift, e.end + shift, e.content, e.line + lines, e.column,
                     e.end_line + lines, e.end_column) if e.line > high else e for e in fix.edits))
        return dataclasses.replace(finding, line=where.line, column=where.column, end_line=where.end_line,
                                   end_column=where.end_column, message=message, related=related, fix=fix)

    return move, line


# How messages cite lines of the file: `line 12`, `line 12 or 15 or 20` (another
# file's line is cited as `name.go:12`).
_LINES = re.compile(r"\blines? \d+(?:(?: or |, | and )\d+)*\b")
_NUMBER = re.compile(r"\d+")
