"""Property test: mutated fixtures never crash a rule, every finding lies inside the
file, and SARIF stays schema-valid. The long run is fuzz/run.py."""

from __future__ import annotations

import os
import random

from fuzzing import check_one, fixture_sources, mutate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = fixture_sources(ROOT)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(SOURCES) - 1), st.integers(0, len(SOURCES) - 1), st.randoms())
def test_mutated_fixtures_never_crash(first: int, second: int, rng: random.Random) -> None:
    check_one(mutate(rng, SOURCES[first], SOURCES[second]))
