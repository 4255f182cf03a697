"""GL001's severity follows the consequence (README): an error where a path the code
takes leaves the rows open, a warning where only a panic does."""

from __future__ import annotations

import os

from goleaklint import engine

FIXTURE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                       "testdata", "rows_not_closed", "panic_only.go")


def _severities() -> dict[int, str]:
    with open(FIXTURE, "rb") as handle:
        source = handle.read()
    found = engine.analyze_source("panic_only.go", source, ("GL001",), {})
    return {f.line: f.severity.value for f in found.findings}


def test_a_return_or_break_out_of_the_loop_is_an_error() -> None:
    severities = _severities()
    assert severities[31] == "error" and severities[49] == "error"


def test_a_leak_only_on_a_panic_is_a_warning() -> None:
    severities = _severities()
    # read to the end without Close; a Close after the loop; a statement closed at the end
    assert [severities[line] for line in (14, 79, 93, 279)] == ["warning"] * 4


def test_sequential_queries_on_one_variable_closed_one_by_one_are_not_reported() -> None:
    severities = _severities()
    # twoCounts: each query's rows closed before the next, on every path
    assert not set(range(204, 229)) & set(severities)


def test_the_panic_only_warnings_stay_out_of_tests() -> None:
    with open(FIXTURE, "rb") as handle:
        source = handle.read()
    found = engine.analyze_source("panic_only_test.go", source, ("GL001",), {})
    assert sorted(f.line for f in found.findings) == [31, 49, 246]


def test_rows_of_a_transaction_leak_only_until_it_ends_a_warning() -> None:
    path = os.path.join(os.path.dirname(FIXTURE), "transaction.go")
    with open(path, "rb") as handle:
        found = engine.analyze_source("transaction.go", handle.read(), ("GL001",), {})
    # line 70: another statement runs on the transaction while the rows are open; the
    # transaction that countInTx commits itself closes its rows (not reported)
    assert {f.line: f.severity.value for f in found.findings} == {11: "warning", 28: "error", 70: "warning"}


def test_a_helper_that_leaves_them_open_on_an_error_return_is_named() -> None:
    path = os.path.join(os.path.dirname(FIXTURE), "partial_helpers.go")
    with open(path, "rb") as handle:
        found = engine.analyze_source("partial_helpers.go", handle.read(), ("GL001",), {})
    assert [(f.line, f.severity.value, f.message) for f in found.findings] == [
        (28, "error", "rows `rows` from db.QueryContext are passed to scanNames, which leaves them open on an "
                      "error return; defer rows.Close() after the error check")]
