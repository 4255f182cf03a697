"""The layers keep to their places: a rule module reads the semantic layer
(goleaklint/analysis/), never another rule's module; code that serves one rule sits
beside it (`rules/<stem>_<part>.py`, imported by rules/<stem>.py alone)."""

from __future__ import annotations

import ast
from pathlib import Path

RULES = Path(__file__).resolve().parent.parent / "goleaklint" / "rules"
PENDING: set[tuple[str, str, str]] = set()


def test_no_rule_module_imports_another_rules_module() -> None:
    found = []
    for path in sorted(RULES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("goleaklint.rules."):
                continue
            other = node.module.rsplit(".", 1)[1]
            if other.startswith(path.stem + "_"):
                continue  # the rule's own helper module
            found += [(path.stem, other, alias.name) for alias in node.names
                      if (path.stem, other, alias.name) not in PENDING]
    assert found == []


def test_analysis_imports_no_rule() -> None:
    analysis = RULES.parent / "analysis"
    for path in sorted(analysis.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "goleaklint.rules" not in text, path.name
