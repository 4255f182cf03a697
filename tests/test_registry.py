"""Stems, queries, docs and fixtures line up for every rule in the registry."""

from __future__ import annotations

import importlib
import os
import re

import pytest

from goleaklint import parsing
from goleaklint.model import doc_sections
from goleaklint.rules import ALL_RULES, query_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECTIONS = ["What it does", "Why is this bad?", "Example", "Use instead", "References"]


def test_codes_are_unique_and_in_order() -> None:
    codes = [rule.code for rule in ALL_RULES]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"GL\d{3}", code) for code in codes)
    names = [rule.name for rule in ALL_RULES]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)+", name) for name in names)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_stem_lines_up(rule) -> None:
    assert rule.stem and os.path.isfile(os.path.join(ROOT, "goleaklint", "rules", f"{rule.stem}.py"))
    assert os.path.isdir(os.path.join(ROOT, "testdata", rule.stem)), "no testdata folder"
    sections = doc_sections(rule.doc)
    assert list(sections) == SECTIONS, f"doc headings are {list(sections)}"
    assert all(sections[s].strip() for s in SECTIONS)
    assert rule.summary.endswith(".") and len(rule.summary) < 120
    if rule.check is not None:
        query = parsing.compile_query(query_text(rule))
        assert query.pattern_count > 0
        names = {query.capture_name(j) for j in range(query.capture_count)}
        assert names, "a query must capture what it reports"


def test_every_query_file_belongs_to_a_rule() -> None:
    stems = {rule.stem for rule in ALL_RULES if rule.check is not None}
    files = {f[:-4] for f in os.listdir(os.path.join(ROOT, "goleaklint", "queries")) if f.endswith(".scm")}
    assert files == stems


def test_all_queries_compile_together() -> None:
    # The engine runs the selected rules' queries as one combined query.
    text = "\n".join(query_text(rule) for rule in ALL_RULES if rule.check is not None)
    assert parsing.compile_query(text).pattern_count > 0


@pytest.mark.parametrize("rule", [r for r in ALL_RULES if r.check is not None], ids=lambda r: r.code)
def test_pattern_kinds_line_up_with_the_query(rule) -> None:
    """A rule whose query has patterns of several kinds routes matches by pattern index
    through its PATTERNS table: one kind per pattern, and each kind names a capture (or,
    for `bind`, the prefix of captures) of its pattern."""
    module = importlib.import_module(f"goleaklint.rules.{rule.stem}")
    text = query_text(rule)
    query = parsing.compile_query(text)
    kinds = getattr(module, "PATTERNS", None)
    if kinds is None:
        starts = [query.start_byte_for_pattern(i) for i in range(query.pattern_count)] + [len(text.encode())]
        shapes = {tuple(sorted(set(re.findall(r"@([a-z]\w*)", text.encode()[starts[i]:starts[i + 1]].decode()))))
                  for i in range(query.pattern_count)}
        assert len(shapes) == 1, "patterns of several kinds: route them with a PATTERNS table"
        return
    assert len(kinds) == query.pattern_count
    source = text.encode()
    starts = [query.start_byte_for_pattern(i) for i in range(query.pattern_count)] + [len(source)]
    for i, kind in enumerate(kinds):
        pattern = source[starts[i]:starts[i + 1]].decode()
        assert re.search(rf"@{kind}\b", pattern) or re.search(rf"@{kind}_", pattern), (i, kind)
