"""Fixes: the syntax-tree helpers the rules build their edits with, and the fixer that
applies them (`--fix`, `--unsafe-fixes`, `--diff`).

Edits are minimal text replacements written the way gofmt prints Go (tabs, the
indentation of the enclosing block, imports in their group), so a fixed file is
gofmt-clean when the original was, without running the Go toolchain. A helper that
cannot place an edit that way returns None, and the rule offers no fix.

The fixer applies the non-overlapping fixes of one pass, lints the changed files again
and repeats until no fix is left (at most MAX_PASSES passes). A fix whose finding
comes back is not applied twice, and a file that parsed cleanly and would not parse
after a pass keeps its previous text.

The semantic core answers what it can: `analysis.names` which imports the file has,
`analysis.cfg` which calls never return. Where the error check of a call ends and which
name is free are small syntax questions answered here.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Iterable

from goleaklint import parsing
from goleaklint.model import Edit, Finding, Fix
from goleaklint.analysis.cfg import never_returning_statement
from goleaklint.analysis.names import names_for
from goleaklint.syntax import (ancestors, bound_identifier, enclosing_function, in_loop, named, next_statement,
                               statements, text, walk)

MAX_PASSES = 8
INDENT = "\t"


# --- where code goes ---------------------------------------------------------------


def line_start(source: bytes, offset: int) -> int:
    return source.rfind(b"\n", 0, offset) + 1


def indentation(source: bytes, node: Any) -> str | None:
    """The tabs before node when node starts its line, else None."""
    start = line_start(source, node.start_byte)
    prefix = source[start : node.start_byte]
    if prefix.strip(b" \t"):
        return None
    return prefix.decode()


def _newline(source: bytes, offset: int) -> str:
    end = source.find(b"\n", offset)
    return "\r\n" if end > 0 and source[end - 1 : end] == b"\r" else "\n"


def insert_line_after(source: bytes, node: Any, line: str, indent: str) -> Edit | None:
    """An edit adding `line` (indented by `indent`) on a line of its own after the line
    node ends on; None when code (not just a comment) follows node on that line."""
    end = source.find(b"\n", node.end_byte)
    rest = source[node.end_byte : end if end >= 0 else len(source)].strip()
    if rest and not rest.startswith(b"//"):
        return None
    newline = _newline(source, node.end_byte)
    if end < 0:
        return Edit.at(source, len(source), len(source), newline + indent + line + newline)
    return Edit.at(source, end + 1, end + 1, indent + line + newline)


def statement_in_block(node: Any) -> Any | None:
    """node itself when it is a statement of a block (not an if header or a case)."""
    parent = node.parent
    return node if parent is not None and parent.type in ("statement_list", "block") else None


def called_in_loop(func: Any, root: Any, source: bytes) -> bool:
    """Whether the file names the declared function func inside a loop (a call, a method
    value handed on): it then runs once per iteration, not once per run of its caller."""
    decl = func.child_by_field_name("name")
    return any(in_loop(n) for n in named(root, source, text(source, decl)) if n != decl)


def _ends_flow(block: Any, source: bytes) -> bool:
    """Whether the last statement of block leaves it for good (return, panic, ...)."""
    stmts = statements(block)
    if not stmts:
        return False
    last = stmts[-1]
    if last.type in ("return_statement", "goto_statement", "break_statement",
                     "continue_statement"):
        return True
    return never_returning_statement(last, source)


def after_error_check(stmt: Any, err: str, source: bytes) -> Any | None:
    """Where a release belongs after `x, err := f()`: the `if err != nil { return ... }`
    right after it, or stmt itself when the error is `_` or never read again. None
    when the error is read some other way (the resource may be nil after it)."""
    if err == "_" or not err:
        return stmt
    names = names_for(source, stmt)
    bound = bound_identifier(stmt, err, source)
    following = next_statement(stmt)
    if bound is not None and following is not None and following.type == "if_statement" and \
            following.child_by_field_name("initializer") is None and \
            names.tests_nil(following.child_by_field_name("condition"), bound, "!=") and \
            _ends_flow(following.child_by_field_name("consequence"), source):
        return following
    func = enclosing_function(stmt)
    body = func.child_by_field_name("body") if func is not None else None
    for node in walk(body) if body is not None else ():
        if node.start_byte >= stmt.end_byte and node.type == "identifier" and \
                (bound is None and text(source, node) == err or bound is not None and names.same_variable(node, bound)):
            return None
    return stmt


def defer_after(stmt: Any, err: str, call: str, source: bytes, message: str,
                checked: bool = False) -> Fix | None:
    """The safe fix `defer <call>` on the line after stmt's error check (or after stmt
    when there is none, unless `checked` asks for one), at stmt's indentation; None when
    stmt is not a statement of a block, sits in a loop, or the spot cannot be found."""
    if statement_in_block(stmt) is None or in_loop(stmt):
        return None
    indent = indentation(source, stmt)
    anchor = after_error_check(stmt, err, source)
    if indent is None or anchor is None or (checked and anchor == stmt):
        return None
    edit = insert_line_after(source, anchor, f"defer {call}", indent)
    return Fix(message, "safe", (edit,)) if edit is not None else None


def add_key(literal: Any, key: str, value: str, source: bytes) -> list[Edit] | None:
    """Edits adding `key: value` as the last element of a keyed composite literal: inline
    in a one-line literal, else on its own line before the closing brace, with the
    values of the key-value lines above it re-aligned as gofmt aligns them. None for
    positional elements, comments inside a multi-line literal, or unusual layout."""
    body = literal.child_by_field_name("body")
    if body is None or body.type != "literal_value":
        return None
    elements = [c for c in body.named_children if c.type != "comment"]
    if any(e.type != "keyed_element" for e in elements):
        return None
    close = body.end_byte - 1
    if body.start_point[0] == body.end_point[0]:
        if not elements:
            return [Edit.at(source, body.start_byte + 1, close, f"{key}: {value}")]
        last = elements[-1]
        return [Edit.at(source, last.end_byte, last.end_byte, f", {key}: {value}")]
    if any(c.type == "comment" and c.start_point[0] > body.start_point[0] for c in walk(body)):
        return None
    closing_indent = source[line_start(source, close) : close].decode()
    if closing_indent.strip(" \t") or any(indentation(source, e) is None for e in elements):
        return None
    indent = indentation(source, elements[-1]) if elements else closing_indent + INDENT
    if elements and (source[elements[-1].end_byte : elements[-1].end_byte + 1] != b"," or
                     elements[-1].end_point[0] + 1 != literal.end_point[0]):
        return None  # no trailing comma, or a blank line before the brace: keep it simple
    section: list[Any] = []
    for element in reversed(elements):
        if element.start_point[0] != element.end_point[0]:
            break
        if section and element.end_point[0] + 1 != section[-1].start_point[0]:
            break
        section.append(element)
    width = max([len(key)] + [len(text(source, e.named_children[0])) for e in section]) + 2
    edits = []
    for element in section:
        colon = next(c for c in element.children if c.type == ":")
        value_node = element.named_children[-1]
        gap = " " * (width - len(text(source, element.named_children[0])) - 1)
        if source[colon.end_byte : value_node.start_byte].decode() != gap:
            edits.append(Edit.at(source, colon.end_byte, value_node.start_byte, gap))
    at = line_start(source, close)
    newline = _newline(source, close)
    pad = " " * (width - len(key) - 1) if section else " "
    edits.append(Edit.at(source, at, at, f"{indent}{key}:{pad}{value},{newline}"))
    return edits


# --- names and imports ---------------------------------------------------------------


def free_name(node: Any, source: bytes, base: str) -> str:
    """base, or base2, base3, ...: the first name that no identifier of the top-level
    function around node spells, so the new variable shadows nothing it reads."""
    outer = node
    for parent in ancestors(node):
        if parent.type in ("function_declaration", "method_declaration", "func_literal"):
            outer = parent
    used = {text(source, n) for n in walk(outer) if n.type == "identifier"}
    if base not in used:
        return base
    n = 2
    while f"{base}{n}" in used:
        n += 1
    return f"{base}{n}"


def _standard(path: str) -> bool:
    return "." not in path.split("/")[0]


def import_name(root: Any, source: bytes, path: str) -> str | None:
    """The name the file imports path under, or None when it does not."""
    imported = names_for(source, root, root).imported()
    return next((name for name, p in imported.items() if p == path), None)


def add_import(root: Any, source: bytes, path: str) -> Edit | None:
    """An edit importing the standard package path where gofmt and goimports put it:
    sorted into the group of standard imports of the last import declaration, or a
    group of its own before the others; a lone `import "x"` becomes a group."""
    decls = [d for d in root.named_children if d.type == "import_declaration"]
    quoted = f'"{path}"'
    if not decls:
        package = next((c for c in root.named_children if c.type == "package_clause"), None)
        if package is None:
            return None
        newline = _newline(source, package.end_byte)
        return Edit.at(source, package.end_byte, package.end_byte,
                       f"{newline}{newline}import {quoted}")
    decl = decls[-1]
    group = next((c for c in decl.named_children if c.type == "import_spec_list"), None)
    if group is None:  # import "fmt"
        spec = next((c for c in decl.named_children if c.type == "import_spec"), None)
        if spec is None or any(c.type == "comment" for c in walk(decl)):
            return None
        existing = text(source, spec)
        spec_path = text(source, spec.child_by_field_name("path")).strip('"`')
        newline = _newline(source, decl.end_byte)
        if _standard(spec_path):
            lines = sorted([existing, quoted], key=lambda s: s.split()[-1])
            body = newline.join(INDENT + line for line in lines)
        else:
            body = f"{INDENT}{quoted}{newline}{newline}{INDENT}{existing}"
        return Edit.at(source, decl.start_byte, decl.end_byte,
                       f"import ({newline}{body}{newline})")
    specs = [c for c in group.named_children if c.type == "import_spec"]
    if not specs or any(indentation(source, s) != INDENT for s in specs):
        return None
    groups: list[list[Any]] = [[specs[0]]]
    for previous, spec in zip(specs, specs[1:]):
        if spec.start_point[0] == previous.end_point[0] + 1 and not any(
                c.type == "comment" and previous.end_byte < c.start_byte < spec.start_byte
                for c in group.named_children):
            groups[-1].append(spec)
        else:
            groups.append([spec])

    def spec_path(spec: Any) -> str:
        return text(source, spec.child_by_field_name("path")).strip('"`')

    newline = _newline(source, group.start_byte)
    standard = next((g for g in groups if all(_standard(spec_path(s)) for s in g)), None)
    if standard is None:
        first = line_start(source, specs[0].start_byte)
        return Edit.at(source, first, first, f"{INDENT}{quoted}{newline}{newline}")
    following = next((s for s in standard if spec_path(s) > path), None)
    if following is not None:
        at = line_start(source, following.start_byte)
        return Edit.at(source, at, at, f"{INDENT}{quoted}{newline}")
    end = source.find(b"\n", standard[-1].end_byte)
    rest = source[standard[-1].end_byte : end].strip()
    if end < 0 or (rest and not rest.startswith(b"//")):
        return None
    return Edit.at(source, end + 1, end + 1, f"{INDENT}{quoted}{newline}")


# --- applying fixes --------------------------------------------------------------------


def _overlaps(a: Edit, b: Edit) -> bool:
    return a.start == b.start or (a.start < b.end and b.start < a.end)


def choose(fixes: Iterable[Fix]) -> list[Fix]:
    """Fixes whose edits overlap neither each other nor an earlier chosen fix's, in
    source order; the same fix offered by two findings counts once."""
    chosen: list[Fix] = []
    taken: list[Edit] = []
    for fix in sorted(set(fixes), key=lambda f: min(e.start for e in f.edits)):
        if any(_overlaps(e, t) for e in fix.edits for t in taken):
            continue
        chosen.append(fix)
        taken.extend(fix.edits)
    return chosen


def apply(source: bytes, fixes: Iterable[Fix]) -> bytes:
    """source with the (non-overlapping) edits of fixes made."""
    edits = sorted((e for f in fixes for e in f.edits), key=lambda e: e.start, reverse=True)
    for e in edits:
        source = source[: e.start] + e.content.encode() + source[e.end :]
    return source


def applicable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (finding.fix.applicability == "safe" or unsafe)


@dataclass
class Outcome:
    """What the fixer did: the fixed text of each changed file, how many fixes it
    applied (by rule), and files it left alone because a pass broke their syntax."""

    fixed: dict[str, bytes] = field(default_factory=dict)
    original: dict[str, bytes] = field(default_factory=dict)
    applied: dict[str, int] = field(default_factory=dict)
    reverted: list[str] = field(default_factory=list)
    passes: int = 0

    @property
    def count(self) -> int:
        return sum(self.applied.values())


def fix_findings(findings: list[Finding], read, relint, unsafe: bool) -> tuple[Outcome, list[Finding]]:
    """Apply fixes pass by pass. `read(path)` gives a file's bytes; `relint(sources)`
    lints the changed files (path -> bytes) with every other file as it was and
    returns all findings. Returns the outcome and the findings left."""
    outcome = Outcome()
    done: set[tuple[str, str]] = set()  # (rule, fingerprint) of findings fixed once
    while outcome.passes < MAX_PASSES:
        by_path: dict[str, list[Finding]] = {}
        for f in findings:
            if applicable(f, unsafe) and (f.rule, f.fingerprint) not in done:
                by_path.setdefault(f.path, []).append(f)
        changed = False
        for path, items in by_path.items():
            before = outcome.fixed.get(path)
            if before is None:
                before = read(path)
                if before is None:
                    continue
            chosen = choose(f.fix for f in items)
            after = apply(before, chosen)
            if after == before:
                continue
            if parsing.first_error(parsing.parse(before)) is None and \
                    parsing.first_error(parsing.parse(after)) is not None:
                outcome.reverted.append(path)
                done.update((f.rule, f.fingerprint) for f in items)
                continue
            outcome.original.setdefault(path, before)
            outcome.fixed[path] = after
            for f in items:
                if f.fix in chosen:
                    done.add((f.rule, f.fingerprint))
            for fix, rule in {f.fix: f.rule for f in items if f.fix in chosen}.items():
                outcome.applied[rule] = outcome.applied.get(rule, 0) + 1
            changed = True
        if not changed:
            break
        outcome.passes += 1
        findings = relint(dict(outcome.fixed))
    outcome.fixed = {p: s for p, s in outcome.fixed.items() if s != outcome.original.get(p)}
    return outcome, findings


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    lines = difflib.unified_diff(
        before.decode("utf-8", "replace").splitlines(keepends=True),
        after.decode("utf-8", "replace").splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)
