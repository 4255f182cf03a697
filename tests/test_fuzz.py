"""Property test: mutated fixtures never crash a rule, every finding lies inside the
file, and SARIF stays schema-valid. The long run is fuzz/run.py."""

from __future__ import annotations

import os
import random

import pytest
from fuzzing import check_one, damage, fixture_sources, mutate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goleaklint import parsing
from goleaklint.rules import ALL_RULES, query_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = fixture_sources(ROOT)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(SOURCES) - 1), st.integers(0, len(SOURCES) - 1), st.randoms())
def test_mutated_fixtures_never_crash(first: int, second: int, rng: random.Random) -> None:
    check_one(mutate(rng, SOURCES[first], SOURCES[second]))


RULES = [rule for rule in ALL_RULES if rule.check is not None]


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_every_rule_survives_error_laden_trees(rule) -> None:
    """Each rule on its own fixtures, damaged until tree-sitter returns ERROR and
    MISSING nodes: no crash, and the rule did meet candidates in broken trees."""
    sources = fixture_sources(ROOT, rule.stem)
    query = parsing.compile_query(query_text(rule))
    rng = random.Random(rule.code)
    broken_with_candidates = 0
    for i in range(80):
        source = damage(rng, sources[i % len(sources)])
        root = parsing.parse(source)
        if not root.has_error:
            continue
        check_one(source, (rule.code,))
        if parsing.matches(query, root) and (
                not rule.triggers or any(t in source for t in rule.triggers)):
            broken_with_candidates += 1
    assert broken_with_candidates >= 20


def test_go_statement_broken_around_its_call() -> None:
    """`go` inside an ERROR holding two calls: GL003 read the first one's (absent)
    arguments and raised AttributeError."""
    check_one(b"package p\n\nfunc WriteExpr({buf.(go String()WriteExpr()\n<-\n")
