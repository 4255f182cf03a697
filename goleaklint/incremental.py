"""The editor server's analysis of one document, version after version.

An edit inside functions that changes no token of the Go code (a comment or a blank
line added, removed or rewritten, indentation) cannot change what the rules decide:
the findings of the previous version are moved to their new lines instead of
analysing the file again. Any other edit inside the bodies of functions is analysed
declaration by declaration (see the section below); everything else, and every case
where this cannot be shown to give what a full analysis gives, is analysed in full.
The findings are moved when:

- the edit changes no token: the tokens (leaves of the syntax tree other than
  comments) of the changed lines, widened to whole comments, are the same before and
  after; the changed bytes outside comments are indentation, line ends or blank
  lines; the declarations there parse without errors;
- the comments there that the edit changed, added or moved hold plain words only:
  some rules search the file's text, and would read `.f`, `f:`, `x =`, `//go:build
  ignore`, a `/* */` or a trigger word;
- the edit is in functions, methods, types, consts, vars or comments between them,
  not in the package clause or the imports (a comment in an import block decides
  whether a fix adds an import);
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

import bisect
import dataclasses
import itertools
import math
import os
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from goleaklint import engine, parsing, release, syntax
from goleaklint.analysis import gomod
from goleaklint.analysis.package import forget_folder, go_files, imports_unchanged
from goleaklint.analysis.names import UNIVERSE_NAMES, names_for
from goleaklint.analysis.ownership import function_key, ownership_of
from goleaklint.model import Edit, Finding, Fix, Rule, Span, position
from goleaklint.rules import BY_CODE
from goleaklint.syntax import child_index_after, declared, derive, file_memo, has_word, note_declared
from goleaklint.syntax import previous as previous_version

@dataclass(slots=True)
class Top:
    """A top-level node of the file (a declaration or a comment); moved in place."""

    start: int
    end: int
    first: int  # 1-based lines
    last: int
    kind: str
    name: bytes  # a function's or method's name, else b""
    signature: bytes  # a function's text up to its body
    names: frozenset[bytes]  # the names it mentions that others can share (`_names`)
    present: frozenset[str]  # the rules with a candidate (a match not only gathered) in it
    keys: tuple[tuple[str, frozenset[bytes]], ...] = ()  # per rule gathering matches: their names
    flow: frozenset[bytes] = frozenset()  # with a candidate of a rule reading channels: `_channel_names`
    links: tuple[tuple[str, frozenset[tuple[bytes, bytes]]], ...] = ()  # per rule with `Rule.links`: name pairs

    def keys_of(self, code: str) -> frozenset[bytes]:
        return next((k for c, k in self.keys if c == code), frozenset())

    def links_of(self, code: str) -> frozenset[tuple[bytes, bytes]]:
        return next((k for c, k in self.links if c == code), frozenset())


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
    tops: list[Top] = field(default_factory=list)  # empty: no declaration-wise analysis
    active: tuple[str, ...] = ()  # the rules the file triggered
    packaged: int = 0  # how many of result's findings, at its end, the package checks gave
    declaration_runs: int = 0  # versions analysed declaration by declaration (the tests read it)
    known: tuple = ()  # with tops: `_known` of source
    index: "_Index | None" = None  # of tops, when kept from the last analysis by declaration
    factless: frozenset[str] = frozenset()  # rules with a package check whose facts on the file are empty
    # per rule with a package check: (source, seen, gathered, reads, facts) of its last run by
    # declaration, on this source (the next edit's run on the version before it may be the same)
    restricted: dict[str, tuple] = field(default_factory=dict)
    # per rule with `Rule.needs`: (source, holding, read, reached) of `_may_report` on this source
    reach: dict[str, tuple] = field(default_factory=dict)
    # with tops: the callee words (`Rule.callee_words`) a type alias of the file names, by words asked
    typed: dict[frozenset[bytes], set[bytes]] = field(default_factory=dict)


def analyze(state: State, path: str, source: bytes, root: Any, rules: list[Rule],
            settings: engine.Settings, budget: float = 0) -> engine.FileResult:
    """The FileResult `engine.analyze_source` gives for source, with the findings of
    the package checks folded in (and their facts left out, so `engine.scan_results`
    adds nothing); computed from state when the edit allows. state is updated."""
    try:
        return _analyze(state, path, source, root, rules, settings, budget)
    finally:
        # What was computed for this version (its Names, ownership, ...) is the
        # previous version's after the next edit: keep its memo the newest, so that
        # the memo of the version before (read last, to compare) is the one dropped.
        file_memo(source)


def _analyze(state: State, path: str, source: bytes, root: Any, rules: list[Rule],
             settings: engine.Settings, budget: float) -> engine.FileResult:
    if state.source and source != state.source:
        derive(source, state.source, *parsing.changed_range(state.source, source))
    codes = tuple(rule.code for rule in rules)
    key = (path, codes, repr(sorted(settings.rule_options.items())))
    old_source = state.source
    folder = _folder(path)
    if folder != state.folder:  # a file there changed, perhaps in place: read them again
        forget_folder(os.path.dirname(path) or ".")
    result = _moved(state, key, path, source, root, folder)
    if result is not None:
        state.source, state.root = source, root
        state.result = dataclasses.replace(result, directives=[])
        _retop(state, old_source, source, root)
        if state.tops:  # for the next code edit: what it derives from this version
            _carry(source, root, codes, settings.rule_options)
        return result
    with engine._collector_paused():  # once, not per rule: each resumption can cost a full pass
        result = _declarations(state, key, path, source, root, rules, settings, folder)
    if result is not None:
        state.declaration_runs += 1
        return result
    found: dict[str, list] = {}
    started = time.perf_counter()
    result = engine.analyze_source(path, source, codes, settings.rule_options, root=root, budget=budget,
                                   matches=found, alone=True)
    took = time.perf_counter() - started
    state.checked = bool(result.findings)
    package, errors = engine.package_findings([result], rules, settings)
    state.packaged = len(package)
    result.findings += package
    result.errors += errors
    state.factless = frozenset(code for code in codes if BY_CODE[code].package_check is not None
                               and not result.facts.get(code))
    result.facts = {k: v for k, v in result.facts.items() if k not in BY_CODE}
    state.full_runs += 1
    state.key, state.source, state.root = key, source, root
    state.result = result if not result.stopped and not result.errors else None
    state.folder = folder
    state.active = tuple(found)
    # A file analysed in full quickly is analysed in full after a code edit too: the
    # tops cost a fifth of a full analysis.
    state.tops, state.known, state.index, state.typed = [], (), None, {}
    state.restricted, state.reach = {}, {}
    if state.result is not None and took >= DECLARATIONS_FROM:
        state.known = _known(source, root)
        state.tops = _tops_of(root, source, found, state.known, settings.rule_options)
        state.index = _Index.of(state.tops)  # here rather than in the first code edit
    return result


# The seconds of a full analysis from which a file's code edits are analysed
# declaration by declaration.
DECLARATIONS_FROM = 0.1


def _folder(path: str) -> dict[str, tuple[int, int]]:
    """The other Go files of path's folder (those the go tool reads:
    `go_files`) with their size and modification time."""
    folder = os.path.dirname(path) or "."
    names = go_files(folder)
    unreadable = {"": (-1, -1)}  # never equal to a later look
    found = {}
    for name in names if names is not None else ():
        if name != os.path.basename(path):
            try:
                stat = os.stat(os.path.join(folder, name))
            except OSError:
                return unreadable
            found[name] = (stat.st_size, stat.st_mtime_ns)
    return found if names is not None else unreadable


def _moved(state: State, key: tuple, path: str, source: bytes, root: Any,
           folder: dict[str, tuple[int, int]]) -> engine.FileResult | None:
    """The previous result moved to source, or None when source needs a full analysis."""
    previous = state.result
    if previous is None or state.key != key or folder != state.folder or \
            ("go.mod" in previous.facts and not gomod.unchanged(previous.facts["go.mod"])) or \
            ("imports" in previous.facts and not imports_unchanged(previous.facts["imports"])):
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
    `.f` and `f:`, for `x =`, `//go:build ignore`, `/* */` and their trigger words),
    but for those before the first changed leaf and after the last (a license header
    next to an added comment line is read as before)."""
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
    # The comments before the first change and after the last, each the same text in
    # the same place among the tokens, read as they did.
    old_leaves = [(n.type, old[n.start_byte:n.end_byte]) for n in before]
    new_leaves = [(n.type, new[n.start_byte:n.end_byte]) for n in after]
    same = next((i for i, (a, b) in enumerate(zip(old_leaves, new_leaves)) if a != b),
                min(len(old_leaves), len(new_leaves)))
    limit = min(len(old_leaves), len(new_leaves)) - same
    tail = next((i for i in range(limit) if old_leaves[-1 - i] != new_leaves[-1 - i]), limit)
    for source, leaves in ((old, before[same:len(before) - tail]), (new, after[same:len(after) - tail])):
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
    """The first child of node that ends after byte."""
    index = child_index_after(node, byte)
    return node.child(index) if index < node.child_count else None


def _tops(root: Any, low: int, high: int) -> list[Any]:
    """The top-level nodes that meet the bytes low..high."""
    found = []
    node = _first_child_for_byte(root, max(low - 1, 0))
    while node is not None and node.start_byte <= high:
        found.append(node)
        node = node.next_sibling
    return found


# The top-level nodes inside which an edit that changes no token leaves the findings
# as they were: not the package clause or the imports (a comment in an import block
# decides whether a fix adds an import).
_MOVABLE = ("function_declaration", "method_declaration", "type_declaration", "const_declaration",
            "var_declaration", "comment")


def _mover(old_root: Any, old: bytes, new: bytes, start: int, old_end: int, new_end: int
           ) -> tuple[Callable[[Finding], Finding | None], Callable[[int], int | None]] | None:
    """A function giving a finding of old its place in new, and one giving a line of
    old its number in new; None when the edit touched a top-level node other than
    those of _MOVABLE. The first gives None
    for a finding with a place in a top-level node the edit touched (its snippet,
    message or fix may read the changed text) or whose message cites a line there. The
    others are on lines before the edit, which stay, or after it, which move by the
    lines it added."""
    tops = _tops(old_root, start, old_end)
    if any(top.type not in _MOVABLE for top in tops):
        return None
    touched = [(top.start_point[0] + 1, top.end_point[0] + 1) for top in tops]
    low = min([first for first, _ in touched], default=position(old, start)[0])
    high = max([last for _, last in touched], default=position(old, old_end)[0])
    lines = new.count(b"\n", start, new_end) - old.count(b"\n", start, old_end)
    shift = new_end - old_end

    def line(number: int) -> int | None:
        return number if number < low else number + lines if number > high else None

    # Messages are fitted to a length limit (the first of their wordings that fits),
    # so one citing lines may be worded otherwise when a line it cites gets another
    # count of digits; or, when the edit removed lines, when one it left out does (a
    # longer wording may fit now; with lines added, the ones that did not fit still
    # do not).
    total = old.count(b"\n") + 1
    shorter = any(max(high + 1, 10 ** k) <= min(total, 10 ** k - lines - 1)
                  for k in range(1, len(str(total)) + 1)) if lines < 0 else False

    def renumber(text: str) -> str | None:
        """text with the lines it cites moved; None when one is a changed line."""
        if shorter and _LINES.search(text):
            return None
        numbers = [int(n) for found in _LINES.findall(text) for n in _NUMBER.findall(found)]
        cited = [line(n) for n in numbers]
        if None in cited or any(len(str(a)) != len(str(b)) for a, b in zip(numbers, cited)):
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


# --- declaration by declaration -----------------------------------------------------
#
# An edit inside the bodies of functions and methods (or of comments between
# declarations) is analysed again only where it can change a finding. Each rule says
# what it reads outside the declaration of a candidate (`Rule.outside`); the rule runs
# again, with its query matches restricted to them, on the declarations the edit
# touched and those these dependencies connect to them ("dirty"), and sees the matches
# of its gathered patterns in the declarations that share a name with a dirty one
# (what it gathers over the file; their candidates are left out). The other declarations keep their findings, moved by the lines the edit
# added. A rule with a package check must gather the same facts before and after the
# edit (compared on the declarations it saw, lines moved), or the file is analysed in
# full; so is any edit of the package clause, imports, types, vars or consts, of a
# function's name or signature, one that adds or removes a declaration or a syntax
# error, or one that changes which rules the file triggers.

_FUNCTIONS = ("function_declaration", "method_declaration")


def _top(node: Any, source: bytes, known: tuple[frozenset[bytes], frozenset[bytes]],
         found: dict[str, list]) -> Top:
    """node as a Top; found: the matches of each rule in it."""
    name = signature = b""
    if node.type in _FUNCTIONS:
        named = node.child_by_field_name("name")
        name = source[named.start_byte:named.end_byte] if named is not None else b""
        body = node.child_by_field_name("body")
        signature = source[node.start_byte:body.start_byte if body is not None else node.end_byte]
    placed = _names(node, source, *known) if node.type != "comment" else []
    keys, links = [], []
    for code, matches in found.items():
        rule = BY_CODE[code]
        if (_matches_steps(rule.outside) or "channel matches" in rule.outside) and matches:
            keys.append((code, frozenset(_within(placed, [
                n for _, captures in matches for capture, nodes in captures.items()
                if not rule.keys or capture in rule.keys for node in nodes
                for n in (rule.key_nodes(capture, node) if rule.key_nodes is not None else (node,))]))))
        if rule.links and matches:
            one, other = rule.links
            links.append((code, frozenset(
                (a, b) for _, captures in matches if one in captures and other in captures
                for a in _within(placed, captures[one]) for b in _within(placed, captures[other]))))
    present = frozenset(code for code, matches in found.items()
                        if any(i not in BY_CODE[code].gathered for i, _ in matches))
    flow = frozenset(_channel_names(node, placed) | ({name} - {b""})) \
        if any({"channels", "channel matches"} & set(BY_CODE[c].outside) for c in present) else frozenset()
    return Top(node.start_byte, node.end_byte, node.start_point[0] + 1, node.end_point[0] + 1, node.type,
               name, signature, frozenset(n for _, n in placed) | ({name} - {b""}), present, tuple(keys), flow,
               tuple(links))


def _moved_top(top: Top, shift: int, lines: int) -> Top:
    top.start, top.end, top.first, top.last = top.start + shift, top.end + shift, top.first + lines, top.last + lines
    return top


def _within(placed: list[tuple[int, bytes]], nodes: list[Any]) -> set[bytes]:
    """The names of placed ((start byte, name), sorted) inside nodes."""
    starts = [at for at, _ in placed]
    found = set()
    for node in nodes:
        found.update(n for _, n in placed[bisect.bisect_left(starts, node.start_byte):
                                         bisect.bisect_left(starts, node.end_byte)])
    return found


def _known(source: bytes, root: Any) -> tuple[frozenset[bytes], frozenset[bytes]]:
    """The file's imported package names, and its package-level names and methods."""
    names = names_for(source, root)
    declared = {n.encode() for n in names.top} | {
        source[n.start_byte:n.end_byte] for decl in root.children if decl.type == "method_declaration"
        for n in [decl.child_by_field_name("name")] if n is not None}
    return frozenset(p.encode() for p in names.imported()), frozenset(declared)


def _tops_of(root: Any, source: bytes, found: dict[str, list],
             known: tuple[frozenset[bytes], frozenset[bytes]], rule_options: dict[str, dict]) -> list[Top]:
    """The file's top-level nodes, with the matches of each rule (found) in them;
    known: `_known` of the file. The matches are kept for the next edits (`_keep_all`)."""
    nodes = root.children
    starts = [n.start_byte for n in nodes]
    located: list[dict[str, list]] = [{} for _ in nodes]
    for code, matches in found.items():
        for match in matches:
            node = next(iter(match[1].values()))[0]
            at = bisect.bisect_right(starts, node.start_byte) - 1
            if at >= 0:
                located[at].setdefault(code, []).append(match)
    _keep_all(nodes, located, source, found, rule_options)
    return [_top(n, source, known, m) for n, m in zip(nodes, located)]


def _found(node: Any, codes: tuple[str, ...], source: bytes, rule_options: dict[str, dict]) -> dict[str, list]:
    """The matches of each rule of codes in node."""
    return {c: _rule_matches(c, [node], source, rule_options) for c in codes if BY_CODE[c].check is not None}


def _rule_matches(code: str, nodes: list[Any], source: bytes, rule_options: dict[str, dict]) -> list:
    """The matches of rule code's query in nodes, found as the engine finds them (a
    rule with anchors: around them only). Kept in the file's memo per node: a rule
    with a package check reads the previous version's again (`_declarations`)."""
    query = engine._rule_query(code)
    unanchored = bool(engine._unanchored((code,), rule_options))
    memo = file_memo(source)
    found = []
    ranges: list[tuple[int, int]] | None = None
    for node in nodes:
        key = (_rule_matches, code, node, unanchored)
        matches = memo.get(key)
        if matches is None:
            if not unanchored and ranges is None:
                ranges = _anchor_ranges(code, source, node.parent)
            near = None if unanchored else _near(ranges, node)
            matches = memo[key] = _node_matches(code, query, node, source, near) if near != [] else []
        found += matches
    return found


def _anchor_ranges(code: str, source: bytes, root: Any) -> list[tuple[int, int]]:
    """`engine.anchor_ranges(code, source)`; after an edit (`syntax.derive`), those of
    the version before (when known) away from the change, moved, and those of the
    top-level nodes around it found again: a search of the whole file, each anchor
    then tested, cost up to 8 ms per rule after every edit."""
    memo = file_memo(source)
    found = memo.get((_anchor_ranges, code))
    if found is None:
        found = _derived_anchor_ranges(code, source, root)
        found = memo[_anchor_ranges, code] = found if found is not None else engine.anchor_ranges(code, source)
    return found


def _carry(source: bytes, root: Any, codes: tuple[str, ...], rule_options: dict[str, dict]) -> None:
    """`syntax.carry`, with the trigger counts and anchor ranges of source taken from
    the version before where it has them."""
    syntax.carry(source, root)
    kept = previous_version(source)
    if kept is None:
        return
    if (_trigger_hits, codes) in kept[0]:
        _trigger_hits(codes, source)
    for code in codes:
        if (_anchor_ranges, code) in kept[0]:
            _anchor_ranges(code, source, root)


def _trigger_hits(codes: tuple[str, ...], source: bytes) -> set[int] | None:
    """The indexes of the words of `engine._triggers(codes)` that occur in source, from
    their counts, kept in the file's memo; after an edit (`syntax.derive`), from the
    counts of the version before (when known), less the hits that meet the change
    there, plus those that meet it in source: a search of the whole file cost 4 ms
    after every edit. None without an automaton (the engine then searches)."""
    automaton, words, _ = engine._triggers(codes)
    if automaton is None:
        return None
    memo = file_memo(source)
    counts = memo.get((_trigger_hits, codes))
    if counts is None:
        noted = memo.get(previous_version)
        kept = previous_version(source)
        before = kept[0].get((_trigger_hits, codes)) if kept is not None and noted is not None else None
        if before is not None:
            old, start, old_end, new_end = noted
            counts = list(before)
            for sign, text, end in ((-1, old, old_end), (1, source, new_end)):
                for i, at in _hits_meeting(automaton, words, text, start, end):
                    counts[i] += sign
        else:
            counts = [0] * len(words)
            for i, _, _ in automaton.find_matches_as_indexes(source, overlapping=True):
                counts[i] += 1
        memo[_trigger_hits, codes] = counts
    return {i for i, count in enumerate(counts) if count > 0}


def _hits_meeting(automaton: Any, words: tuple[bytes, ...], text: bytes, start: int, end: int
                  ) -> list[tuple[int, int]]:
    """(word index, place) of the hits of automaton in text that meet text[start:end]:
    that end after start and start before end (with start == end, those that span
    it). The others lie wholly before start or from end on, the same in both versions."""
    reach = max(len(w) for w in words)
    low = max(0, start - reach + 1)
    return [(i, a + low) for i, a, b in automaton.find_matches_as_indexes(text[low:end + reach - 1],
                                                                           overlapping=True)
            if a + low < end and b + low > start]


def _derived_anchor_ranges(code: str, source: bytes, root: Any) -> list[tuple[int, int]] | None:
    """The anchor ranges of source from those of the version it was derived from: the
    anchors that start in the top-level nodes meeting the change, and in the one
    before and the one after (which the edit left as they were), are found and
    tested again; those outside hold the same bytes and are tested on what lies
    around them in those nodes, so their test gives what it gave. None when the
    previous ranges are not known, or one crosses where the search starts or ends."""
    noted = file_memo(source).get(previous_version)
    kept = previous_version(source)
    ranges = kept[0].get((_anchor_ranges, code)) if kept is not None and noted is not None else None
    automaton = engine._anchor_automaton(code)
    if ranges is None or automaton is None or root is None:
        return None
    old, start, old_end, new_end = noted
    first = child_index_after(root, start)
    last = child_index_after(root, new_end)
    low = root.child(first - 1).start_byte if first > 0 else 0
    high = root.child(last + 1).end_byte if last + 1 < root.child_count else len(source)
    shift = new_end - old_end
    if any(a < low < b or a < high - shift < b for a, b in ranges):
        return None
    rule = BY_CODE[code]
    reach = max(len(word) for word in rule.anchors)
    found = [(a + low, b + low) for _, a, b in automaton.find_matches_as_indexes(source[low:high + reach],
                                                                                 overlapping=True)
             if a + low < high]
    if rule.anchored is not None:
        found = [(a, b) for a, b in found if rule.anchored(source, a, b)]
    merged: list[tuple[int, int]] = []
    for a, b in [r for r in ranges if r[1] <= low] + sorted(found) + \
            [(a + shift, b + shift) for a, b in ranges if a >= high - shift]:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _near(ranges: list[tuple[int, int]], node: Any) -> list[tuple[int, int]]:
    """The anchor ranges (sorted, not overlapping) that meet node."""
    at = bisect.bisect_right(ranges, (node.start_byte, math.inf))
    near = ranges[max(at - 1, 0):bisect.bisect_left(ranges, (node.end_byte, -1))]
    return [(a, b) for a, b in near if a < node.end_byte and b > node.start_byte]


def _node_matches(code: str, query: Any, node: Any, source: bytes, near: list[tuple[int, int]] | None) -> list:
    """The matches of query in node (a top-level node), around the byte ranges near
    unless None. Kept across versions by node's text (`_keep`): a declaration the
    edit did not touch is the same subtree, moved, and its matches are found again in
    the new tree by their places, at a fraction of a query's cost (which was most of
    what re-running a rule on a declaration cost). A node with a syntax error is
    queried each time (error recovery depends on what is around it)."""
    if node.has_error:
        return parsing.matches(query, node) if near is None else parsing.matches_around(query, node, near)
    start = node.start_byte
    text = source[start:node.end_byte]
    key = (code, None if near is None else tuple((a - start, b - start) for a, b in near))
    kept = _kept_matches.get(text, {}).get(key)
    if isinstance(kept, tuple):  # the nodes the full analysis found: as places, now they are wanted
        kept = _kept_matches[text][key] = _places(*kept)
    if kept is not None:
        return [(index, {name: [_node_at(node, start + a, start + b, kind) for a, b, kind in places]
                         for name, places in captures.items()}) for index, captures in kept]
    matches = parsing.matches(query, node) if near is None else parsing.matches_around(query, node, near)
    _keep(text, key, start, matches)
    return matches


def _keep(text: bytes, key: tuple, start: int, matches: list) -> None:
    """Keep matches (of the query key says, in a top-level node whose text is text,
    starting at byte start) as places relative to the node."""
    if text not in _kept_matches and len(_kept_matches) >= _TEXTS_KEPT:
        _kept_matches.clear()
    _kept_matches.setdefault(text, {})[key] = _places(start, matches)


def _places(start: int, matches: list) -> list:
    """matches with their nodes as (start, end, kind), the bytes counted from start."""
    return [(index, {name: [(n.start_byte - start, n.end_byte - start, n.type) for n in nodes]
                     for name, nodes in captures.items()}) for index, captures in matches]


def _keep_all(nodes: list[Any], located: list[dict[str, list]], source: bytes, codes: Any,
              rule_options: dict[str, dict]) -> None:
    """Keep the matches of the rules codes that a full analysis found in each
    top-level node (located): the same as its own query gives (the engine's query
    over the file finds each match inside one top-level node, in the same order), so
    that the first edits do not query every declaration they re-run the rules on.
    Only nodes with matches are kept: the rules are re-run on their candidates and
    on the nodes whose matches they gather. They are kept as found, and made places
    when first wanted (making them all cost a fifth of a full analysis)."""
    ranges = {}
    for code in codes:
        if BY_CODE[code].check is not None:
            ranges[code] = None if engine._unanchored((code,), rule_options) else engine.anchor_ranges(code, source)
            if ranges[code] is not None:
                file_memo(source)[_anchor_ranges, code] = ranges[code]
    for node, found in zip(nodes, located):
        if not found or node.has_error:
            continue
        start = node.start_byte
        text = source[start:node.end_byte]
        for code, matches in found.items():
            if code in ranges:
                near = None if ranges[code] is None else _near(ranges[code], node)
                if text not in _kept_matches and len(_kept_matches) >= _TEXTS_KEPT:
                    _kept_matches.clear()
                _kept_matches.setdefault(text, {})[
                    code, None if near is None else tuple((a - start, b - start) for a, b in near)] = (start, matches)


def _node_at(top: Any, start: int, end: int, kind: str) -> Any:
    """The node of kind spanning exactly start..end under top (where a query captured
    one: the lowest of that kind and span, as in the tree-sitter-go grammar a node
    never has a child of its own kind and span)."""
    node = top.descendant_for_byte_range(start, end)
    while node.type != kind or node.start_byte != start or node.end_byte != end:
        node = node.parent
    return node


# A top-level node's text -> (rule, anchor ranges in it) -> its matches, as places (or
# as (start, matches) of the full analysis, made places when wanted).
_kept_matches: dict[bytes, dict[tuple, list]] = {}
_TEXTS_KEPT = 50000


def _split(old_tops: list[Top], nodes: list[Any], start: int, old_end: int, new_end: int
           ) -> tuple[int, int, int] | None:
    """(first, old stop, new stop): old_tops[first:old stop] became nodes[first:new
    stop], the top-level nodes the edit of old[start:old_end] into new[start:new_end]
    touched; the others are the same nodes, moved. None when they do not line up."""
    first = bisect.bisect_left([t.end for t in old_tops], start)
    old_stop = bisect.bisect_right([t.start for t in old_tops], old_end)
    shift = new_end - old_end
    new_stop = len(nodes) - (len(old_tops) - old_stop)
    if new_stop < first or first > len(nodes):
        return None
    for i in (first - 1, ):
        if i >= 0 and (nodes[i].start_byte, nodes[i].end_byte, nodes[i].type) != \
                (old_tops[i].start, old_tops[i].end, old_tops[i].kind):
            return None
    for i in range(new_stop, len(nodes)):
        j = i - new_stop + old_stop
        if (nodes[i].start_byte, nodes[i].end_byte, nodes[i].type) != \
                (old_tops[j].start + shift, old_tops[j].end + shift, old_tops[j].kind):
            return None
    if any(n.start_byte < start and n.end_byte < start for n in nodes[first:new_stop]):
        return None
    return first, old_stop, new_stop


def _retop(state: State, old: bytes, source: bytes, root: Any) -> None:
    """state.tops for source after an edit that changed no token: the untouched ones
    moved, the touched ones given their new places (what they mention is the same)."""
    if not state.tops:
        return
    start, old_end, new_end = parsing.changed_range(old, source)
    nodes = root.children
    split = _split(state.tops, nodes, start, old_end, new_end)
    if split is None:
        state.tops = []
        return
    first, old_stop, new_stop = split
    shift, lines = new_end - old_end, source.count(b"\n", start, new_end) - old.count(b"\n", start, old_end)
    declarations = [t for t in state.tops[first:old_stop] if t.kind != "comment"]
    touched = []
    for node in nodes[first:new_stop]:
        if node.type == "comment":
            touched.append(Top(node.start_byte, node.end_byte, node.start_point[0] + 1, node.end_point[0] + 1,
                               node.type, b"", b"", frozenset(), frozenset()))
        elif not declarations or declarations[0].kind != node.type:
            state.tops = []
            return
        else:
            top = declarations.pop(0)
            top.start, top.end, top.first, top.last = \
                node.start_byte, node.end_byte, node.start_point[0] + 1, node.end_point[0] + 1
            touched.append(top)
    if declarations:
        state.tops = []
        return
    if [t.kind for t in touched] != [t.kind for t in state.tops[first:old_stop]] and state.index is not None:
        # a comment added or removed: the declarations' indexes moved (only they are indexed)
        old_places = [i for i in range(first, old_stop) if state.tops[i].kind != "comment"]
        mapping = dict(zip(old_places, [first + k for k, t in enumerate(touched) if t.kind != "comment"]))
        moved = new_stop - old_stop
        state.index = state.index.moved(lambda i: i if i < first else mapping[i] if i < old_stop else i + moved)
    if any(t.kind == "type_declaration" for t in touched):
        state.typed = {}  # a comment in it: the text is read
    state.tops = state.tops[:first] + touched + [_moved_top(t, shift, lines) for t in state.tops[old_stop:]]


@lru_cache(maxsize=1)
def _names_query() -> Any:
    return parsing.compile_query(
        "[(identifier) (field_identifier) (type_identifier)] @name\n"
        "(selector_expression operand: (identifier) @operand field: (field_identifier) @member)\n"
        "(qualified_type package: (package_identifier) name: (type_identifier) @member)\n"
        "(parameter_declaration name: (identifier) @bound)\n"
        "(variadic_parameter_declaration name: (identifier) @bound)\n"
        "(short_var_declaration left: (expression_list (identifier) @bound))\n"
        "(var_spec name: (identifier) @bound)\n"
        "(const_spec name: (identifier) @bound)\n"
        "(range_clause left: (expression_list (identifier) @bound))\n"
        "(receive_statement left: (expression_list (identifier) @bound))\n"
        "(type_switch_statement alias: (expression_list (identifier) @bound))\n"
        "(labeled_statement label: (label_name) @bound)")


def _names(node: Any, source: bytes, packages: frozenset[bytes], declared: frozenset[bytes]
           ) -> list[tuple[int, bytes]]:
    """The names node mentions that another declaration can share: fields, methods,
    functions and package-level names; left out are types (their declarations are
    not functions: an edit there is analysed in full), the names it binds itself
    (unless the file declares them at package level), the imported packages it
    names with their members (`http.Get`), predeclared names (unless the file
    declares them) and the blank identifier `_`, which names nothing (it was left out
    only where the declaration binds it: `_, err := f()`, not `_ = f()`)."""
    text = lambda n: source[n.start_byte:n.end_byte]  # noqa: E731
    found: list[Any] = []
    bound, members, selectors = set(), set(), []
    # by match: a selector's operand and member are paired only there (the captures
    # of nested selectors, `time.After(time.Minute)`, come in another order)
    for _, captures in parsing.matches(_names_query(), node):
        found += captures.get("name", [])
        bound.update(text(n) for n in captures.get("bound", []))
        if "operand" in captures:
            selectors.append((captures["operand"][0], captures["member"][0]))
        elif "member" in captures:  # a qualified type's name
            members.add(captures["member"][0].start_byte)
    for operand, member in selectors:
        if text(operand) in packages and text(operand) not in bound:
            members.add(member.start_byte)
    names = []
    for n in found:
        word = text(n)
        if n.type == "type_identifier" or n.start_byte in members or \
                (n.type == "identifier" and word not in declared and (word in bound or word in packages)):
            continue
        if word.decode("ascii", "replace") in UNIVERSE_NAMES and word not in declared or word == b"_":
            continue
        names.append((n.start_byte, word))
    return sorted(names)


def _declarations(state: State, key: tuple, path: str, source: bytes, root: Any, rules: list[Rule],
                  settings: engine.Settings, folder: dict[str, tuple[int, int]]) -> engine.FileResult | None:
    """The result for source, from state, re-running the rules only on the
    declarations an edit inside functions can change the findings of; None when the
    edit needs a full analysis."""
    previous, old, old_root = state.result, state.source, state.root
    if previous is None or not state.tops or state.key != key or source == old or \
            folder != state.folder or \
            ("go.mod" in previous.facts and not gomod.unchanged(previous.facts["go.mod"])) or \
            ("imports" in previous.facts and not imports_unchanged(previous.facts["imports"])):
        return None
    start, old_end, new_end = parsing.changed_range(old, source)
    nodes = root.children
    split = _split(state.tops, nodes, start, old_end, new_end)
    if split is None:
        return None
    first, old_stop, new_stop = split
    old_tops = state.tops
    touched_old, touched = old_tops[first:old_stop], nodes[first:new_stop]
    if any(t.kind not in _FUNCTIONS + ("comment",) for t in touched_old) or \
            any(n.type not in _FUNCTIONS + ("comment",) or n.has_error for n in touched) or \
            any(old_root.children[i].has_error for i in range(first, old_stop)):
        return None
    # The file's imports and package-level names: those of old, as the edit touched
    # functions and comments only, and each function keeps its name (checked below).
    known = state.known or _known(old, old_root)
    codes = key[1]
    active = engine.triggered(codes, path, source, settings.rule_options, _trigger_hits(codes, source),
                              lambda code: _anchor_ranges(code, source, root))
    if active != state.active:
        return None
    new_signatures = [_top(n, source, known, _found(n, active, source, settings.rule_options)) for n in touched]
    if [(t.kind, t.name, t.signature) for t in touched_old] != \
            [(t.kind, t.name, t.signature) for t in new_signatures]:
        return None  # a declaration added, removed, renamed or given another signature
    mover = _mover(old_root, old, source, start, old_end, new_end)
    if mover is None:
        return None
    move, line = mover
    fine = _fine_line(old, source, start, old_end, new_end)
    lines = source.count(b"\n", start, new_end) - old.count(b"\n", start, old_end)
    shift = new_stop - old_stop
    tops = old_tops[:first] + new_signatures + old_tops[old_stop:]  # words and names of the new text
    changed = list(range(first, new_stop))
    # The comment above a declaration is read by some rules (`//goleaklint:` aside).
    after = [new_stop] if new_stop < len(tops) and any(t.kind == "comment" for t in touched_old) else []
    mentioned = set().union(*(t.names for t in touched_old + new_signatures))
    if state.index is not None and shift == 0:
        index = state.index
        for i in changed:
            index.replace(i, old_tops[i], tops[i])
    else:
        index = _Index.of(tops)
    state.index = None  # until state.tops are tops
    by_text = index.by_text()
    note_declared(source, root, lambda kind, name: [i for i in by_text.get(name, ()) if tops[i].kind == kind])
    functions = len(index.functions)
    summaries_changed = _summaries(old, old_root, touched_old) != _summaries(source, root, new_signatures)
    local: list[Finding] = []
    dirty_of: dict[str, set[int]] = {}
    old_keys = {code: set().union(*(t.keys_of(code) for t in touched_old)) for code in active}
    old_channels = set().union(*(_flow(old_root.children[i], old, known) for i in range(first, old_stop)))
    flows: dict[int, set[bytes]] = {}

    def channels(indexes: set[int]) -> set[bytes]:
        """The names in the channel operations, stores and bindings of tops[indexes]
        (and of the changed ones before the edit), and their own names."""
        for i in indexes:
            if i not in flows:
                flows[i] = set(tops[i].flow) if tops[i].flow or i not in changed and not tops[i].present \
                    else _flow(nodes[i], source, known) | ({tops[i].name} - {b""})
        return set().union(*(flows[i] for i in indexes)) | old_channels

    # A callee word in a type alias may give a result type another name.
    words = {w for code in active for w in BY_CODE[code].callee_words}
    typed = state.typed.get(frozenset(words))  # the type declarations are those the last time
    if typed is None:
        typed = state.typed[frozenset(words)] = {
            w for w in words if any(re.search(rb"=[^\n]*\b%s\b" % re.escape(w), old[t.start:t.end])
                                    for t in old_tops if t.kind == "type_declaration")}  # an alias
    # Where the findings before the edit are: (finding, the index of its top after the
    # edit, None for a changed one).
    findings = previous.findings[:len(previous.findings) - state.packaged]
    firsts = [t.first for t in old_tops]
    placed = []
    for finding in findings:
        # the spans of the tops on the finding's line only (a declaration and a
        # comment can share it): all of them cost more than the rest of the bookkeeping
        last = bisect.bisect_right(firsts, finding.line) - 1
        near = list(itertools.takewhile(lambda i: old_tops[i].last >= finding.line, range(last, -1, -1)))
        at = _top_at(_spans(old_root.children, near), finding.line, finding.column)
        if at is None:
            return None
        placed.append((finding, at if at < first else at + shift if at >= old_stop else None))
    reported = {(f.rule, at) for f, at in placed}
    reach: dict[str, tuple] = {}
    may_report = _may_report(tops, index, old, source, new_stop, new_end - old_end,
                             state.reach if shift == 0 else {}, changed, reach)
    plan = {}
    for code in active:
        rule = BY_CODE[code]
        if rule.check is not None:
            live = (lambda i, rule=rule: (rule.code, i) in reported or may_report(rule, i)) if rule.needs else None
            plan[code] = _dependents(code, rule.outside, tops, index, changed, after, mentioned,
                                     old_keys[code], channels, summaries_changed, typed, live)
    # Each rule runs on its share of the file (twice with a package check: before and
    # after the edit; a declaration read for its gathered matches only costs about a
    # tenth of one checked); past FULL_FROM of the whole, a full analysis costs little more.
    if sum((len(dirty) + len(gathered) / 10) * (1 + (BY_CODE[code].package_check is not None))
           for code, (dirty, gathered, _) in plan.items()) > FULL_FROM * functions * max(1, len(plan)):
        return None
    # A rule whose facts on the file were empty, and are empty on the declarations it
    # saw after the edit, gives the package check empty facts again: the others kept
    # theirs (empty), and those it saw had none before either (a candidate's facts
    # are those a full analysis gives it, and those gave none). It is not run on the
    # version before the edit to compare them.
    factless = set(state.factless)
    runs: dict[str, tuple] = {}
    for code, (dirty, gathered, reads) in plan.items():
        rule = BY_CODE[code]
        dirty_of[code] = dirty
        seen = dirty | gathered
        result = _restricted(path, source, root, nodes, sorted(seen), code, settings, gathered, reads)
        if result is None:
            return None
        if rule.package_check is not None:
            runs[code] = (source, tuple(sorted(seen)), frozenset(gathered), frozenset(reads), result.facts.get(code))
        spans = _spans(nodes, seen)
        for finding in result.findings:
            at = _top_at(spans, finding.line, finding.column)
            if at is None:
                return None  # a finding outside the declarations the rule saw
            if at in dirty:
                local.append(finding)
        if rule.package_check is not None and result.facts.get(code):
            factless.discard(code)
        if rule.package_check is not None and code not in factless:
            old_seen = [i if i < first else i - shift for i in sorted(seen) if not first <= i < new_stop] + \
                list(range(first, old_stop))
            old_gathered = {i if i < first else i - shift for i in gathered}  # none of them changed
            # the last edit's run of the rule on this version, when it saw the same (the
            # next edit in the same function, typically)
            kept = state.restricted.get(code)
            if kept is not None and kept[0] is old and \
                    kept[1:4] == (tuple(sorted(old_seen)), frozenset(old_gathered), frozenset(reads)):
                facts = kept[4]
            else:
                before = _restricted(path, old, old_root, old_root.children, sorted(old_seen), code, settings,
                                     old_gathered, reads)
                if before is None:
                    return None
                facts = before.facts.get(code)
            if not _same_facts(facts, result.facts.get(code), fine):
                return None
    for finding, new_at in placed:
        if new_at is None or new_at in dirty_of.get(finding.rule, ()):
            continue
        moved = move(finding)
        if moved is None:
            return None
        local.append(moved)
    package = [move(f) for f in previous.findings[len(previous.findings) - state.packaged:]]
    if None in package:
        return None
    local.sort(key=Finding.sort_key)
    # The syntax errors are in the declarations the edit did not touch: the first is
    # the one before, moved (unless it shares a line with the edit).
    notes = [engine.syntax_note(path, at, n.column) for n in previous.notes for at in [line(n.line)]
             if at is not None]
    if len(notes) != len(previous.notes):
        notes = engine.syntax_notes(path, root)
    result = engine.FileResult(path, findings=local + package, facts=dict(previous.facts), notes=notes)
    if local or engine.wants_directives(codes, source):
        result.directives = engine.directives(source, root)
    state.checked = bool(local)
    state.source, state.root, state.packaged, state.known, state.index = source, root, len(package), known, index
    state.factless = frozenset(factless)
    state.restricted, state.reach = runs, reach
    state.result = dataclasses.replace(result, directives=[])
    state.tops = old_tops[:first] + new_signatures + [
        _moved_top(t, new_end - old_end, lines) for t in old_tops[old_stop:]]
    return result


def _summaries(source: bytes, root: Any, tops: list[Top]) -> list[str]:
    """What each function of tops does with each of its parameters (the ownership
    summaries the rules read of a callee, combined over its calls)."""
    owners = ownership_of(root, source)
    found = []
    for top in tops:
        if top.kind in _FUNCTIONS:
            funcs = declared(root, source, top.name.decode("utf-8", "replace"), top.kind)
            func = next((f for f in funcs if f.start_byte == top.start), funcs[0] if funcs else None)
            key = function_key(func, source) if func is not None else None
            if key is None:
                continue
            found.append(key)
            count = max((sum(max(1, len(d.children_by_field_name("name")))
                             for d in f.child_by_field_name("parameters").named_children)
                         for f in owners.functions.get(key, ()) if f.child_by_field_name("parameters")),
                        default=0)
            found += [owners.effect(key, i, release._parameter_uses) for i in range(count + 1)]
    return found


def _fine_line(old: bytes, new: bytes, start: int, old_end: int, new_end: int) -> Callable[[int], int | None]:
    """A line of old -> its number in new; None for a line the edit changed."""
    low, high = position(old, start)[0], position(old, old_end)[0]
    lines = new.count(b"\n", start, new_end) - old.count(b"\n", start, old_end)
    return lambda n: n if n < low else n + lines if n > high else None


@dataclass
class _Index:
    """Where in the tops to look: the functions, and for each rule the tops with a
    candidate, and those with gathered names; the functions mentioning each name, the
    functions of each name, and for each rule the tops whose gathered matches hold
    each name. Kept from one version to the next (`replace`)."""

    functions: list[int]
    candidates: dict[str, set[int]]
    keyed: dict[str, set[int]]
    mentions: dict[bytes, set[int]]
    by_name: dict[bytes, list[int]]
    keys: dict[str, dict[bytes, set[int]]]

    texts: dict[str, list[int]] | None = None

    def by_text(self) -> dict[str, list[int]]:
        """by_name with the names as `syntax.text` gives them."""
        if self.texts is None:
            self.texts = {}
            for name, found in self.by_name.items():
                self.texts.setdefault(name.decode("utf-8", "replace"), []).extend(found)
            for found in self.texts.values():
                found.sort()
        return self.texts

    @classmethod
    def of(cls, tops: list[Top]) -> "_Index":
        index = cls([], {}, {}, {}, {}, {})
        for i, top in enumerate(tops):
            if top.kind in _FUNCTIONS:
                index.functions.append(i)
                index.by_name.setdefault(top.name, []).append(i)
            index._add(i, top)
        return index

    def _add(self, i: int, top: Top) -> None:
        for code in top.present:
            self.candidates.setdefault(code, set()).add(i)
        for code, names in top.keys:
            self.keyed.setdefault(code, set()).add(i)
            keys = self.keys.setdefault(code, {})
            for name in names:
                keys.setdefault(name, set()).add(i)
        if top.kind in _FUNCTIONS:
            for name in top.names:
                self.mentions.setdefault(name, set()).add(i)

    def moved(self, place: Callable[[int], int]) -> "_Index":
        """This index with each top's index i at place(i) (in order: places keep it)."""
        def each(found: dict) -> dict:
            return {key: {place(i) for i in indexes} for key, indexes in found.items()}
        return _Index([place(i) for i in self.functions], each(self.candidates), each(self.keyed),
                      each(self.mentions), {name: [place(i) for i in found] for name, found in self.by_name.items()},
                      {code: each(keys) for code, keys in self.keys.items()},
                      None if self.texts is None else {name: [place(i) for i in found]
                                                       for name, found in self.texts.items()})

    def replace(self, i: int, old: Top, new: Top) -> None:
        """tops[i] became new, of old's kind and name."""
        for code in old.present:
            self.candidates[code].discard(i)
        for code, names in old.keys:
            self.keyed[code].discard(i)
            for name in names:
                self.keys[code][name].discard(i)
        if old.kind in _FUNCTIONS:
            for name in old.names:
                self.mentions[name].discard(i)
        self._add(i, new)


def _dependents(code: str, outside: tuple[str, ...], tops: list[Top], index: _Index,
                changed: list[int], after: list[int],
                mentioned: set[bytes], old_keys: set[bytes],
                channels: Callable[[set[int]], set[bytes]], summaries_changed: bool, typed: set[bytes],
                live: Callable[[int], bool] | None = None) -> tuple[set[int], set[int], set[bytes]]:
    """(dirty, gathered): the declarations whose findings of rule code the edit of
    tops[changed] (the declaration after a changed comment: tops[after]) can change,
    and the others whose gathered matches the rule must see for them (a check
    judges each candidate on its own: it reads the tree, and of the matches of other
    declarations only those of its gathered patterns). The declarations whose
    behaviour changed for the rule are the changed ones and, when it reads callees'
    bodies, their callers up to DEPTH calls up (at any depth when it reads what
    callees do with their arguments and that changed: callers combine it over any
    number of calls); the rule's other dependencies (`Rule.outside`) lead from them
    to the dirty ones."""
    def candidate(i: int) -> bool:
        return code in tops[i].present

    candidates = index.candidates.get(code, set())
    depth = DEPTH if "callees" in outside else 1 if "callees:1" in outside else 0
    unbounded = summaries_changed and "summaries" in outside
    words = BY_CODE[code].callee_words
    # a callee is read for its body when its signature holds one of the rule's words
    read = (lambda i: True) if unbounded or not words or typed.intersection(words) else \
        (lambda i: any(has_word(tops[i].signature, w) for w in words))
    affected, wanted, level = set(changed), {tops[i].name for i in changed if tops[i].name and read(i)}, 0
    while wanted and (unbounded or level < depth):
        callers = {i for name in wanted for i in index.mentions.get(name, ()) if i not in affected}
        affected |= callers
        wanted = {tops[i].name for i in callers if read(i)}
        level += 1
    dirty = set(changed) | set(after) | {i for i in affected if candidate(i)}
    if "callers" in outside:  # the functions they call, DEPTH calls down
        by_name = index.by_name
        frontier, reached = set(affected), set(affected)
        for _ in range(CALLER_DEPTH):
            names = set().union(*(tops[i].names for i in frontier)) | (mentioned if frontier == affected else set())
            frontier = {i for w in names for i in by_name.get(w, ()) if i not in reached}
            reached |= frontier
        dirty |= {i for i in reached if candidate(i)}
    keyed = index.keyed.get(code, set())
    keys = index.keys.get(code, {})
    steps = _matches_steps(outside)

    sources = {tops[i].name for i in candidates}
    links: dict[bytes, set[bytes]] = {}  # both ways, each name to those its links reach
    for i in keyed if steps > 1 else ():
        for a, b in tops[i].links_of(code):
            if b in sources:
                links.setdefault(a, set()).add(b)
                links.setdefault(b, set()).add(a)

    def linked(names: set[bytes]) -> set[bytes]:
        """names with those a match links them to (`Rule.links`: a name and the
        declaration with a candidate its value comes from), either way."""
        for _ in range(steps - 1):
            names = names.union(*(links.get(name, ()) for name in names))
        return names

    # The candidates left, which the check can report: only they need what the
    # affected ones share (the channel names of a hundred callers cost tens of ms).
    pending = {i for i in candidates if i not in dirty and (live is None or live(i))}
    shared: set[bytes] = set()  # what the dirty ones read outside through
    if pending and "names" in outside:
        shared |= set(mentioned).union(*(tops[i].names for i in affected))
    if pending and (steps or "channel matches" in outside):
        shared |= linked(old_keys.union(*(tops[i].keys_of(code) for i in affected)))
    if pending and "channels" in outside:
        # Only names a pending candidate reads through count (its flow): an affected
        # declaration none of whose names is one (its channel names are among them)
        # adds none, and is not read for its channel names (a query pass each).
        through = set().union(*(tops[i].flow for i in pending))
        shared |= channels({i for i in affected if not through.isdisjoint(tops[i].names)})
    if shared and {"channels", "channel matches"} & set(outside):
        dirty |= {i for i in pending if tops[i].flow & shared}  # what a candidate reads through
    elif shared:
        dirty |= {i for i in pending if tops[i].names & shared}
    if pending and "names" in outside and any(tops[i].kind == "method_declaration" for i in changed):
        # a method is reached through values of its type, and type names are no names
        # here: any candidate can read it (GL006 reads the Accept of a listener's type)
        dirty |= pending
    if live is not None:  # a candidate the check cannot report keeps its findings: none
        dirty = {i for i in dirty if i in changed or i in after or live(i)}
    gathered: set[int] = set()
    reads: set[bytes] = set()
    if steps:
        reads = linked(set().union(*(tops[i].names for i in dirty)))
        gathered = {i for name in reads for i in keys.get(name, ())}
    elif "channel matches" in outside:
        reads = channels(dirty) | {tops[i].name for i in dirty}
        gathered = {i for name in reads for i in keys.get(name, ())}
    return dirty, gathered - dirty, reads


def _may_report(tops: list[Top], index: _Index, old: bytes, source: bytes, new_stop: int,
                shift: int, kept: dict[str, tuple] | None = None, changed: Any = (),
                found: dict[str, tuple] | None = None) -> Callable[[Rule, int], bool]:
    """may_report(rule, i): whether tops[i] (of source, after the edit; those from
    new_stop on kept from old, where they start shift bytes earlier) holds one of the
    words of `Rule.needs`, or a declaration that mentions its name does, up to
    `Rule.needs_callers` calls up through functions whose name the file declares once
    (any word of a declaration counts as a mention: a call through any operand does).
    kept: what `found` got for old, whose tops were tops at the same indexes but for
    tops[changed] (the edit's); what it gives for source goes to found: when none of
    those tops held a word or was read for its words, before or after the edit, the
    tops holding the words and the names reached are those of old (a search of the
    whole file cost 6 ms per edit)."""
    by_rule: dict[str, tuple[set[int], set[bytes]]] = {}

    def text(j: int) -> bytes:
        t = tops[j]
        return old[t.start:t.end] if j >= new_stop else source[t.start:t.end]

    def reach(rule: Rule) -> tuple[set[int], set[bytes]]:
        """The tops holding a word of rule.needs, and the names their callers reach."""
        before = (kept or {}).get(rule.code)
        if before is not None and before[0] is old and \
                not any(i in before[2] or any(w in text(i) for w in rule.needs) for i in changed):
            if found is not None:
                found[rule.code] = (source,) + before[1:]
            return before[1], before[3]
        starts = [t.start + shift if j >= new_stop else t.start for j, t in enumerate(tops)]
        holding = set()
        for word in rule.needs:
            at = source.find(word)
            while at >= 0:
                holding.add(bisect.bisect_right(starts, at) - 1)
                at = source.find(word, at + 1)
        reached: set[bytes] = set()
        level, read = holding, set(holding)
        for _ in range(rule.needs_callers):
            mentioned = set().union(*(_words(text(j)) for j in level)) - reached
            reached |= mentioned
            level = {j for name in mentioned for j in index.by_name.get(name, ()) if len(index.by_name[name]) == 1}
            read |= level
        if found is not None:
            found[rule.code] = (source, holding, read, reached)
        return holding, reached

    def may_report(rule: Rule, i: int) -> bool:
        if rule.code not in by_rule:
            by_rule[rule.code] = reach(rule)
        holding, reached = by_rule[rule.code]
        return i in holding or tops[i].name in reached and len(index.by_name.get(tops[i].name, ())) == 1

    return may_report


def _words(text: bytes) -> frozenset[bytes]:
    """The words of text (every name it mentions, and more), kept by text."""
    found = _words_of.get(text)
    if found is None:
        if len(_words_of) >= _FLOWS_KEPT:
            _words_of.clear()
        found = _words_of[text] = frozenset(_WORD.findall(text))
    return found


_words_of: dict[bytes, frozenset[bytes]] = {}
# Bytes of names, any byte past ASCII included: in Go code a name ends at an ASCII byte.
_WORD = re.compile(rb"(?:[A-Za-z0-9_]|[\x80-\xff])+")


def _matches_steps(outside: tuple[str, ...]) -> int:
    """How many matches apart a rule reads (`Rule.outside` "matches", "matches:2"); 0: none."""
    return max((int(o.partition(":")[2] or 1) for o in outside if o.partition(":")[0] == "matches"), default=0)


@lru_cache(maxsize=1)
def _channels_query() -> Any:
    return parsing.compile_query(
        '(send_statement) @op\n(unary_expression operator: "<-") @op\n(range_clause) @op\n'
        "(call_expression function: (identifier) @_f (#any-of? @_f \"make\" \"close\" \"cap\" \"len\")) @op\n"
        "(assignment_statement) @op\n(short_var_declaration) @op\n(var_spec) @op\n(keyed_element) @op")


def _flow(node: Any, source: bytes, known: tuple[frozenset[bytes], frozenset[bytes]]) -> frozenset[bytes]:
    """`_channel_names` of node (a top-level node) with `_names` of it, kept by its
    text: a declaration with a candidate whose rules do not read channels has no
    flow in its Top, and an edit asks for it in tens of them (each a query pass)."""
    key = (source[node.start_byte:node.end_byte], known)
    found = _flows.get(key)
    if found is None:
        if len(_flows) >= _FLOWS_KEPT:
            _flows.clear()
        found = _flows[key] = frozenset(_channel_names(node, _names(node, source, *known)))
    return found


_flows: dict[tuple, frozenset[bytes]] = {}
_FLOWS_KEPT = 20000


def _channel_names(node: Any, placed: list[tuple[int, bytes]]) -> set[bytes]:
    """The names (of placed, see `_names`) node mentions in channel operations
    (sends, receives, ranges, make, close, cap and len) and in stores and bindings
    (where a channel comes from, or is kept)."""
    found = parsing.captures(_channels_query(), node).get("op", [])
    return _within(placed, found) if found else set()


# From this share of the file's functions seen by the rules on average, a full
# analysis costs little more than re-running them there (each on its own share).
FULL_FROM = 0.1

# How many calls away the rules read a function's body: GL004, GL008 and GL011
# follow callees two calls down; GL004 and GL011 callers two and three calls up.
DEPTH = 2
CALLER_DEPTH = 3


def _restricted(path: str, source: bytes, root: Any, nodes: list[Any], seen: list[int], code: str,
                settings: engine.Settings, gathered: set[int], reads: set[bytes]) -> engine.FileResult | None:
    """Rule code run on source with its query matches restricted to nodes[seen], and
    in nodes[gathered] to the matches of its gathered patterns whose keys hold a name
    of reads (what the others read: a declaration is gathered for the matches keyed
    by such a name, and its other matches matter to them as little as those of a
    declaration not gathered)."""
    found = []
    for i in seen:
        if i in gathered:
            found += _gathered_matches(code, nodes[i], source, settings.rule_options, reads)
        else:
            found += _rule_matches(code, [nodes[i]], source, settings.rule_options)
    result = engine.FileResult(path)
    with engine._collector_paused():
        engine._run_rules(result, source, root, {code: found}, settings.rule_options, False, [], alone=True)
    return None if result.errors else result


def _gathered_matches(code: str, node: Any, source: bytes, rule_options: dict[str, dict],
                      reads: set[bytes]) -> list:
    """The matches of rule code's gathered patterns in node (a top-level node) whose
    keys hold a name of reads (`_keyed`), as `_rule_matches` finds them. The words of
    each match's keys are kept with its places by node's text (`_node_matches`), so
    that only the matches wanted are found again in the tree: a rule gathering over
    hundreds of declarations wants a few of their matches."""
    rule = BY_CODE[code]
    unanchored = bool(engine._unanchored((code,), rule_options))
    memo = file_memo(source)
    matches = memo.get((_rule_matches, code, node, unanchored))
    if matches is not None or node.has_error:
        if matches is None:
            matches = _rule_matches(code, [node], source, rule_options)
        return [m for m in matches if m[0] in rule.gathered and _keyed(rule, m[1], source, reads)]
    near = None
    if not unanchored:
        near = _near(_anchor_ranges(code, source, node.parent), node)
        if near == []:
            return []
    start = node.start_byte
    text = source[start:node.end_byte]
    key = (code, None if near is None else tuple((a - start, b - start) for a, b in near))
    kept = _kept_matches.get(text, {})
    words = kept.get((_gathered_matches, key))
    places = kept.get(key)
    if isinstance(places, tuple):
        # The nodes the full analysis found (in its tree, the same text at another
        # place): their key words are read there, and only the matches wanted are
        # found in this tree.
        first, matches = places
        if words is None:
            words = kept[_gathered_matches, key] = [_key_words(rule, m, source, start - first) for m in matches]
        return [(index, {name: [_node_at(node, n.start_byte - first + start, n.end_byte - first + start, n.type)
                                for n in found] for name, found in captures.items()})
                for (index, captures), held in zip(matches, words)
                if held is not None and not reads.isdisjoint(held)]
    if words is None or places is None:
        matches = _rule_matches(code, [node], source, rule_options)
        if text in _kept_matches:  # not when the cache was cleared meanwhile
            _kept_matches[text][_gathered_matches, key] = [_key_words(rule, m, source) for m in matches]
        return [m for m in matches if m[0] in rule.gathered and _keyed(rule, m[1], source, reads)]
    return [(index, {name: [_node_at(node, start + a, start + b, kind) for a, b, kind in found]
                     for name, found in captures.items()})
            for (index, captures), held in zip(places, words) if held is not None and not reads.isdisjoint(held)]


def _key_words(rule: Rule, match: tuple[int, dict[str, list[Any]]], source: bytes,
               shift: int = 0) -> frozenset[bytes] | None:
    """The words of the key captures of a match of a gathered pattern (see `_keyed`);
    None for a match of another pattern. shift: where the match's nodes' bytes lie
    in source, from theirs (nodes of another version's tree)."""
    if match[0] not in rule.gathered:
        return None
    words: set[bytes] = set()
    for capture, nodes in match[1].items():
        if not rule.keys or capture in rule.keys:
            for node in nodes:
                for keyed in rule.key_nodes(capture, node) if rule.key_nodes is not None else (node,):
                    words.update(_WORD.findall(source, keyed.start_byte + shift, keyed.end_byte + shift))
    return frozenset(words)


def _keyed(rule: Rule, captures: dict[str, list[Any]], source: bytes, reads: set[bytes]) -> bool:
    """Whether a word of the key captures of a match (`Rule.keys`, `Rule.key_nodes`)
    is one of reads: the names of the match's keys are among its words."""
    for capture, nodes in captures.items():
        if not rule.keys or capture in rule.keys:
            for node in nodes:
                for keyed in rule.key_nodes(capture, node) if rule.key_nodes is not None else (node,):
                    if not reads.isdisjoint(_WORD.findall(source, keyed.start_byte, keyed.end_byte)):
                        return True
    return False


def _spans(nodes: list[Any], indexes: Any) -> list[tuple[tuple[int, int], tuple[int, int], int]]:
    """(start, end, index) of nodes[indexes], sorted; places as 1-based (line, column):
    a declaration and the comment after it can share a line."""
    return sorted(((n.start_point[0] + 1, n.start_point[1] + 1), (n.end_point[0] + 1, n.end_point[1] + 1), i)
                  for i in indexes for n in [nodes[i]])


def _top_at(spans: list[tuple[tuple[int, int], tuple[int, int], int]], line: int, column: int) -> int | None:
    """The index of the span (see _spans) holding the place (line, column)."""
    place = (line, column)
    at = bisect.bisect_right(spans, (place, (math.inf, 0), 0)) - 1
    return spans[at][2] if at >= 0 and place < spans[at][1] else None


def _same_facts(old: Any, new: Any, line: Callable[[int], int | None]) -> bool:
    """Whether the facts new are old with the lines moved as line says. A number is
    taken for a line: equal ones must be lines before the edit (or the edit added no
    lines), others must be a line after it, moved; texts may cite lines."""
    if isinstance(old, bool) or isinstance(new, bool) or old is None or new is None:
        return old == new and type(old) is type(new)
    if isinstance(old, int) and isinstance(new, int):
        return line(old) == new
    if isinstance(old, str) and isinstance(new, str):
        if old == new and not _LINES.search(old):
            return True
        cited = [line(int(n)) for found in _LINES.findall(old) for n in _NUMBER.findall(found)]
        if None in cited:
            return False
        numbers = iter(cited)
        return _LINES.sub(lambda found: _NUMBER.sub(lambda _: str(next(numbers)), found.group(0)), old) == new
    if isinstance(old, (list, tuple)) and isinstance(new, (list, tuple)):
        return len(old) == len(new) and all(_same_facts(a, b, line) for a, b in zip(old, new))
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same_facts(old[k], new[k], line) for k in old)
    return old == new and type(old) is type(new)
