"""The only module that imports tree-sitter: parse Go, compile and run queries."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import tree_sitter_go
from tree_sitter import Language, Parser, Query, QueryCursor, QueryError

GO = Language(tree_sitter_go.language())
_parser = Parser(GO)

__all__ = ["QueryError", "parse", "compile_query", "matches", "comments", "first_error"]

BOM = b"\xef\xbb\xbf"


def parse(source: bytes) -> Any:
    """Parse Go source; returns the root node. A UTF-8 byte-order mark is blanked to
    spaces so that byte offsets (and so columns) stay those of the file."""
    if source.startswith(BOM):
        source = b"   " + source[3:]
    return _parser.parse(source).root_node


def compile_query(text: str) -> Query:
    return Query(GO, text)


def pattern_starts(query: Query) -> list[int]:
    return [query.start_byte_for_pattern(i) for i in range(query.pattern_count)]


def matches(query: Query, node: Any) -> list[tuple[int, dict[str, list[Any]]]]:
    return QueryCursor(query).matches(node)


@lru_cache(maxsize=1)
def _comment_query() -> Query:
    return Query(GO, "(comment) @comment")


def comments(root: Any) -> list[Any]:
    return QueryCursor(_comment_query()).captures(root).get("comment", [])


def first_error(root: Any) -> Any | None:
    """The first ERROR or MISSING node, or None when the file parsed cleanly."""
    if not root.has_error:
        return None
    cursor = root.walk()
    while True:
        node = cursor.node
        if node.is_error or node.is_missing:
            return node
        if node.has_error and cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return None
