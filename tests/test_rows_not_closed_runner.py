"""GL001 reads the function that runs a callback (`runTests(t, func(dbt *DBTest) {...})`):
a statement the callback prepares (in a loop: a test's single statement is not reported) on
the database the runner opens and closes is not reported. The editor server must re-run GL001 on the callback when the runner changes."""

from __future__ import annotations

import os

from goleaklint import engine, incremental, parsing
from goleaklint.rules import ALL_RULES

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "testdata", "rows_not_closed", "sql_test.go")
RULES = list(ALL_RULES)


def _gl001_lines(result: engine.FileResult) -> list[int]:
    findings = engine.scan_results([result], RULES, engine.Settings())[0]
    return sorted(f.line for f in findings if f.rule == "GL001")


def test_the_runner_losing_its_close_reports_the_callback_in_the_editor(monkeypatch) -> None:
    monkeypatch.setattr(incremental, "FULL_FROM", 2)
    with open(FIXTURE, encoding="utf-8") as handle:
        text = handle.read()
    assert "\tdefer db.Close()\n\tfor _, test := range tests {" in text
    edited = text.replace("\tdefer db.Close()\n\tfor _, test := range tests {", "\t_ = db\n\tfor _, test := range tests {")
    prepared = text.splitlines().index('\t\t\tstmt, err := dbt.db.Prepare(q)') + 1
    state, tree = incremental.State(), None
    seen = []
    for version in (text, edited, text):
        source = version.encode()
        tree = parsing.parse_tree(source, tree)
        got = incremental.analyze(state, FIXTURE, source, tree.root_node, RULES, engine.Settings())
        full = engine.analyze_source(FIXTURE, source, tuple(r.code for r in RULES), {})
        assert _gl001_lines(got) == _gl001_lines(full)
        seen.append(prepared in _gl001_lines(full))
        tree = (source, tree)
    assert seen == [False, True, False]
