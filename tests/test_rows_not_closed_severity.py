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
    # read to the end without Close; a Close after the loop; a statement closed at the end;
    # two more Closes after loops
    assert [severities[line] for line in (14, 80, 119, 306, 325)] == ["warning"] * 5


def test_rows_closed_without_defer_warn_only_for_a_call_that_runs_other_code() -> None:
    severities = _severities()
    # namesScannedThenClosed: only the rows' own Scan runs in the loop before a Close whose
    # error it reads (namesScannedThenDropped, which drops it, is reported at line 325)
    assert not set(range(86, 108)) & set(severities)


def test_sequential_queries_on_one_variable_closed_one_by_one_are_not_reported() -> None:
    severities = _severities()
    # twoCounts: each query's rows closed before the next, on every path
    assert not set(range(230, 253)) & set(severities)


def test_the_panic_only_warnings_stay_out_of_tests() -> None:
    with open(FIXTURE, "rb") as handle:
        source = handle.read()
    found = engine.analyze_source("panic_only_test.go", source, ("GL001",), {})
    assert sorted(f.line for f in found.findings) == [31, 49, 272]


def test_rows_of_a_transaction_leak_only_until_it_ends_a_warning() -> None:
    path = os.path.join(os.path.dirname(FIXTURE), "transaction.go")
    with open(path, "rb") as handle:
        found = engine.analyze_source("transaction.go", handle.read(), ("GL001",), {})
    # line 71: another statement runs on the transaction while the rows are open; the
    # transaction that countInTx commits itself closes its rows (not reported); line 11
    # and the other silent ones are left open only by error returns, after which the
    # caller (or the function's deferred Rollback) ends the transaction; 88 returns a
    # nil error with the rows open, 103 runs tx.Exec after them, 123 leaves them open
    # for the next iteration's query, 171 begins a transaction it never ends
    assert {f.line: f.severity.value for f in found.findings} == {
        29: "error", 71: "warning", 88: "warning", 103: "warning", 123: "warning", 171: "warning"}


def test_a_helper_that_leaves_them_open_on_an_error_return_is_named() -> None:
    path = os.path.join(os.path.dirname(FIXTURE), "partial_helpers.go")
    with open(path, "rb") as handle:
        found = engine.analyze_source("partial_helpers.go", handle.read(), ("GL001",), {})
    assert [(f.line, f.severity.value, f.message) for f in found.findings] == [
        (28, "error", "rows `rows` from db.QueryContext are passed to scanNames, which leaves them open on an "
                      "error return; defer rows.Close() after the error check")]


def _findings(name: str) -> dict[int, tuple[str, str]]:
    path = os.path.join(os.path.dirname(FIXTURE), name)
    with open(path, "rb") as handle:
        found = engine.analyze_source(name, handle.read(), ("GL001",), {})
    return {f.line: (f.severity.value, f.message) for f in found.findings}


def test_rows_of_a_statement_prepared_on_a_transaction_are_the_transactions() -> None:
    found = _findings("tx_statement.go")
    # tx.Prepare: left open only by error returns, which the caller answers by ending the
    # transaction: silent; tx.Stmt, then Commit: silent; db.Prepare: an error, the rows
    # hold a connection of the pool
    assert {line: severity for line, (severity, _) in found.items()} == {61: "error"}
    assert "transaction" not in found[61][1]


def test_pgx_rows_that_scan_closes_on_failure_are_not_named_as_leaking_there() -> None:
    found = _findings("pgx_scan.go")
    # only the panic-path warning is left where every other exit reads them to the end
    assert found[14][0] == "warning" and "panics" in found[14][1]
    assert found[30][0] == "warning" and "panics" in found[30][1]
    # the other exit of the loop is named, not the return after the failed Scan (line 56)
    assert found[48][0] == "error" and "line 59;" in found[48][1] and "56" not in found[48][1]
    # database/sql rows stay open when Scan fails
    assert found[84][0] == "error" and "line 92" in found[84][1]


def test_the_advice_fits_the_error_check() -> None:
    found = _findings("advice.go")
    assert found[7][1].endswith("; check err, then defer res.Close()")  # err never checked
    assert found[23][1].endswith("; defer res.Close() after the error check")  # checked later
    assert found[42][1].endswith("; defer res.Close() after the error check")
