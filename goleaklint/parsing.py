"""The only module that imports tree-sitter: parse Go, compile and run queries."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any, Iterator

import tree_sitter_go
from tree_sitter import Language, Parser, Query, QueryCursor, QueryError

GO = Language(tree_sitter_go.language())
_parser = Parser(GO)
# The grammar's field ids by name: `node.child_by_field_id(FIELD.operand)` is
# `node.child_by_field_name("operand")` without finding the name among the grammar's
# fields on every call (an eighth of the cost), for the lookups made most often.
FIELD = SimpleNamespace(**{GO.field_name_for_id(i): i for i in range(1, GO.field_count + 1)})

__all__ = ["FIELD", "QueryError", "parse", "parse_tree", "changed_range", "compile_query", "matches", "matches_around",
           "captures", "first_error"]

BOM = b"\xef\xbb\xbf"


def _blank_bom(source: bytes) -> bytes:
    return b"   " + source[3:] if source.startswith(BOM) else source


def parse(source: bytes) -> Any:
    """Parse Go source; returns the root node. A UTF-8 byte-order mark is blanked to
    spaces so that byte offsets (and so columns) stay those of the file."""
    return _go126_new(_blank_bom(source), _parser.parse(_blank_bom(source))).root_node


# `new(` where Go names a function: the builtin or a package's own `func new`.
_NEW_CALL = re.compile(rb"(?<![\w.])new\s*\(")


def _go126_new(source: bytes, tree: Any) -> Any:
    """The tree of a file that uses Go 1.26's `new(expr)` (`new("")`, `new(0)`), which
    the pinned grammar reads only as `new(Type)`: each `new` whose call did not parse
    is read as a plain function name of the same length (`_nw`, so byte offsets stay
    those of the file), its argument as an expression. Kept when that leaves fewer
    syntax errors (a file may have others); any other file keeps its own tree."""
    if not tree.root_node.has_error or b"new" not in source:
        return tree
    changed = bytearray(source)
    for m in _NEW_CALL.finditer(source):
        node = tree.root_node.descendant_for_byte_range(m.start(), m.start() + 3)
        call = node.parent if node is not None and node.type == "identifier" else None
        arguments = call.child_by_field_name("arguments") if call is not None and call.type == "call_expression" else None
        if arguments is None or arguments.has_error or call.has_error or node.parent.type == "ERROR":
            changed[m.start():m.start() + 3] = b"_nw"
    if changed == source:
        return tree
    repaired = _parser.parse(bytes(changed))
    before, after = (sum(1 for _ in _error_nodes(t.root_node)) for t in (tree, repaired))
    return repaired if after < before else tree


def parse_tree(source: bytes, old: tuple[bytes, Any] | None = None) -> Any:
    """Parse Go source into a tree (its `root_node` is what `parse` returns). `old` is
    an earlier (source, tree) of the same document: the difference between the two
    sources is given to tree-sitter as one edit, so only the changed part is parsed
    again. The edit comes from the bytes, whatever edits the editor sent."""
    source = _blank_bom(source)
    if old is None:
        return _go126_new(source, _parser.parse(source))
    before, tree = old
    before = _blank_bom(before)
    start, old_end, new_end = changed_range(before, source)
    tree = tree.copy()  # the caller's tree stays valid for its own source
    tree.edit(start, old_end, new_end, _point(before, start), _point(before, old_end),
              _point(source, new_end))
    return _go126_new(source, _parser.parse(source, tree))


def changed_range(before: bytes, after: bytes) -> tuple[int, int, int]:
    """(start, old end, new end): the bytes before[start:old end] became
    after[start:new end], and the rest is the same."""
    start = _common_prefix(before, after)
    # The common suffix may not reach into the common prefix of either source.
    tail = _common_suffix(before, after, min(len(before), len(after)) - start)
    return start, len(before) - tail, len(after) - tail


def _common_prefix(a: bytes, b: bytes, chunk: int = 4096) -> int:
    """Length of the longest common prefix of a and b (chunks compare in C)."""
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i : i + chunk] == b[i : i + chunk]:
        i += chunk
    end = min(i + chunk, n)
    while i < end and a[i] == b[i]:
        i += 1
    return min(i, n)


def _common_suffix(a: bytes, b: bytes, limit: int) -> int:
    """Length of the longest common suffix of a and b, at most limit: blocks of
    shrinking sizes compare in C, without reversed copies of the sources (a byte
    at a time from Python, the last block cost 12 ms)."""
    i, end_a, end_b = 0, len(a), len(b)
    for size in (4096, 64, 1):
        while i + size <= limit and a[end_a - i - size:end_a - i] == b[end_b - i - size:end_b - i]:
            i += size
    return i


def _point(source: bytes, offset: int) -> tuple[int, int]:
    """(row, byte column) of a byte offset, as tree-sitter counts them."""
    row = source.count(b"\n", 0, offset)
    return row, offset - (source.rfind(b"\n", 0, offset) + 1)


def compile_query(text: str) -> Query:
    return Query(GO, text)


# Patterns start at most this many tree levels below the node searched. Real Go code is
# nowhere near it; a machine-made file that nests calls tens of thousands deep makes
# tree-sitter's matcher slow down steeply (19 s at 32,000 nested `len(` calls) and drop
# matches past some depth anyway. Above this depth nothing is matched, at once.
MAX_START_DEPTH = 20000


def matches(query: Query, node: Any) -> list[tuple[int, dict[str, list[Any]]]]:
    cursor = QueryCursor(query)
    cursor.set_max_start_depth(MAX_START_DEPTH)
    return cursor.matches(node)


def captures(query: Query, node: Any) -> dict[str, list[Any]]:
    """The nodes under node (node included) each capture of query takes."""
    cursor = QueryCursor(query)
    cursor.set_max_start_depth(MAX_START_DEPTH)
    return cursor.captures(node)


def matches_around(query: Query, node: Any, ranges: list[tuple[int, int]]
                   ) -> list[tuple[int, dict[str, list[Any]]]]:
    """The matches of query in node whose outermost node overlaps one of the byte
    ranges (sorted, not overlapping), each once, as `matches` orders them. Only the
    parts of the tree around the ranges are visited."""
    cursor = QueryCursor(query)
    cursor.set_max_start_depth(MAX_START_DEPTH)
    seen: set[tuple] = set()
    found = []
    for start, end in ranges:
        cursor.set_byte_range(start, end)
        for index, captures in cursor.matches(node):
            key = (index, *(n.id for nodes in captures.values() for n in nodes))
            if key not in seen:
                seen.add(key)
                found.append((index, captures))
    return found


def first_error(root: Any) -> Any | None:
    """The first ERROR or MISSING node, or None when the file parsed cleanly."""
    return next(_error_nodes(root), None)


def _error_nodes(root: Any) -> Iterator[Any]:
    """The ERROR and MISSING nodes of a tree (those inside an ERROR too), in source order."""
    if not root.has_error:
        return
    cursor = root.walk()
    while True:
        node = cursor.node
        if node.is_error or node.is_missing:
            yield node
        if node.has_error and cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return
