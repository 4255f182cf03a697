"""
## What it does
Finds `*sql.Rows` and `*sql.Stmt` values that are not closed on every path out of the
function that opened them.

It follows the variable bound by `rows, err := x.Query(...)` (and the other methods
below) through its function: a `defer rows.Close()`, a deferred closure that closes it,
or a `rows.Close()` on every path to every `return` and to the end of the function
keeps it quiet. So does handing the value on, on the paths where that happens:
returning it (directly or inside a struct), passing it to a function that may keep or
close it (a function of the package, in this file or another, that closes it or reads it
in a `for v.Next()` loop, or one whose code is not seen), storing it in a field, map or
slice, sending it on a channel, or capturing it in a goroutine or closure. Calls that
only read the rows do not hand them on (`sqlx.StructScan(rows, &v)`, `fmt.Println(rows)`,
a helper of the package that only calls `Scan` or `Columns` or reads one row with
`if rows.Next()`, also when called with type arguments, `columns[T](rows)`, or such an
exported function of another package of the same module, found through the go.mod above
(`db.ScanFirstValue(rows, &v)`); the message then names it: "passed to readOne, which
reads them but never calls Close"). A helper that closes them (or reads them to the end)
on some paths but returns a non-nil error on one where they are still open (`return nil,
err` after a failed `Scan` inside its `for rows.Next()`) does not close them for the
caller either: "passed to scanAll, which leaves them open on an error return"),
nor does any call inside the body of `for rows.Next() { ... }` (`scan(rows)`, a scan
function of another package): the loop reads the rows again right after it. Nor does a
function of the package (or module) that gives back what it is handed (`stmt :=
inTx(tx, prepared)`, where `tx.Stmt(prepared)` only copies the statement into the
transaction) when the caller's variables that take its result are neither closed nor
handed on: the caller still holds the statement, and nothing closes it. The
branch of the usual `if err != nil { return }` right after the call is not a leak:
the rows are nil there (also where the test is `if e := f(err); e != nil`, with f a
function of the package or module that is nil for a nil error: every other `return`
of it lies under `errors.As(err, ...)` or `err != nil`); so is a later `if err != nil` that only statements binding the
error together with the rows' variable reach (a fallback query, `rows, err =
db.Query(q2)`, in a retry loop): the last call to fail left it nil. Rows that a `for rows.Next() { ... }` loop reads to the end are
closed by `Next` itself; a `break` or `return` out of that loop is still a leak.
Likewise the branch of `if rows.Next() { ... }` where `Next` returned false (going on
after `if rows.Next() { t.Fatal(...) }`) has closed rows. Rows of pgx v4 and v5 (declared
`pgx.Rows`, as `conn.Query` and `pool.Query` return them) close themselves when `Scan`
or `Values` fails: the branch of `if err := rows.Scan(...); err != nil` (or of the `if
err != nil` right after `err = rows.Scan(...)` or `vals, err := rows.Values()`) has
nothing open; database/sql's rows stay open there. database/sql's rows (declared `*sql.Rows`
or sqlx's) watch the context of their query and close themselves once it is done
(`Rows.awaitDone`): where the function makes that context itself (`ctx, cancel :=
context.WithTimeout(parent, d)`, then `db.QueryContext(ctx, ...)`), a call of `cancel`
closes them, and `defer cancel()` closes them at every return and on a panic; the rows of
a loop's iterations still stay open until then. Not the cancel of another context than
the one the query is given, nor pgx's rows, which do not watch it.

Rows or a statement acquired in a loop and closed only by a `defer` in that loop (a
deferred closure too) are reported when some path goes on to the next iteration with them
still open (the iteration's end, a `continue`, the next acquisition; rows that a `for
rows.Next()` loop reads to the end are closed already): the defer runs only when the
function returns, so each iteration's rows keep their connection (a pgx pool smaller than
the loop hangs) and each statement stays prepared until then. Not in test code (a test may
fill the pool on purpose), nor on a database/sql transaction.

Reported as warnings, by the severity policy (README), because they leak only when a
panic is recovered (net/http recovers a handler's): rows that every path closes only by
reading them to the end (database/sql and pgx close them when `Next` returns false), and
a `Close` that every path reaches without `defer` (reported at the `Close`), when a call
that may panic runs while they are open. Builtins, `fmt`, `log`, `strings`, `strconv`,
`bytes`, `errors` and the value's own `Next`, `Err`, `Close`, `Columns` do not count;
`Scan` does (it may call a `Scanner`), except for rows the function closes itself
without `defer` and reads the error of that `Close` (`if err := rows.Close(); err !=
nil`, which `defer rows.Close()` would drop): there only a call that runs other code of
the program (a callback, a helper, a conversion that may panic) is a reason to defer
the `Close`, not the rows' own `Scan`, `ScanStruct` or `StructScan`. Nor are rows of a
database/sql transaction
reported for a panic: one that skips the transaction's end leaves its connection held
whether the rows are closed or not, and one that runs it closes them. Not reported in
`_test.go` files (a panic ends the test binary), in `main` or `init`, for a value
declared in a loop (a defer there waits for the function), with `NextResultSet`, or
when a `defer` closes it. They are of low confidence where nothing can recover that
panic: no non-test file of the module calls `recover()` and the function runs only in
goroutines its package starts (`lifetime.only_in_own_goroutines`: every call of it is in
a `go` statement or in such a function, never in an exported one, a request handler or a
function value handed on), so the panic ends the process and the connection with it;
and where they are acquired once per run of the process (`lifetime.runs_once`, the wider
view of `function_once`: outside loops of a function that only set-up code such as a
command's action calls, also from the module's other packages), so a recovered panic
leaves one connection held, which cannot pile up. They are of low confidence, too, where nothing that runs while they are open shows a
cause for a panic (an explicit `panic(...)`, a call of a function received as a parameter,
such as a callback or an iterator's `yield`, which runs the caller's code, or a type
assertion without `, ok`; a `for rows.Next()` loop is read whole) and either the function
never closes them itself, leaving them to `Next` (the usual plain loop of scans and
appends: the harm rests on a panic in code out of sight, a `Scanner` or a helper), or
closes them itself on several paths
(`_ = rows.Close()` in the loop's error branch and again after the loop) or goes on with
other work after the Close (a call that is not formatting, logging or their own method:
another query, a helper), closing by hand by design, which frees the connection for what
follows where a defer would hold it; or their declared
type is none of database/sql's, sqlx's or pgx's (a driver's own statement on one
connection, `c.Prepare(q)` returning the package's `*Stmt`: no pool's connection to keep).
Nor is a `Close` without `defer` of a variable that several
queries of the function bind one after the other (`rows, err = conn.Query(...)` again
after `rows.Close()`): closing each before the next query is what frees its connection
(on a single connection the next query cannot start while rows are open), and a defer
would hold every one of them until the function returns.

A statement prepared on a transaction (`tx.Prepare`) is closed with the transaction, so
it is not reported when the function commits or rolls back that receiver (`tx.Commit()`,
`tx.Rollback()`, deferred or not) or when the receiver is named like one (`tx`, `txn`,
or ending in `Tx`/`Txn`, as `s.readTx`; not `ctx`): the transaction that must end is what to check.

Rows of a `database/sql` or sqlx transaction (a receiver declared `*sql.Tx`/`*sqlx.Tx`,
or, with no declared type, one made by a `Begin` call (`tx, err := db.Begin()`) or committed
or rolled back in the function, never one only named like one: a query builder named `tx`
is none; in a file that imports
database/sql or sqlx and no pgx), also those of a statement prepared on one (`stmt, err :=
tx.Prepare(...)`, then `stmt.Query(...)`), are closed when it commits or rolls back, and hold no
connection of the pool: their leaks are warnings that say so ("closed only when Next()
returns false or the transaction ends", "(the transaction's end closes them then)"). They are not reported where the function itself (a closure included) commits
or rolls back that transaction and runs nothing else on it after the query: the end it
gives the transaction closes them. Nor where they are left open only by returns of an
error (`return err`, `return nil, fmt.Errorf("scan: %w", err)` in the branch of `if err
!= nil`, `errors.New(...)`) on a transaction that the caller ends (a parameter, a field,
or a local bound to one, `tx := m.Tx`) or that the function commits or rolls back (`defer tx.Rollback()`), and no statement
runs on the transaction (`tx.Exec`, `tx.Query`, other than `Commit` and `Rollback`)
while they may be open, after their reading began and outside their `for rows.Next()`
loop: the caller, told of the error, rolls the transaction back, which closes them, as
goose and most migration runners do. Still reported: a return of a nil error or of a
value that may be nil (`return name, err` after a `Scan`), which hands the transaction
back with the rows open, a query on the transaction after they were left open (drivers
fail it while the rows are unread: MySQL's "busy buffer", pgx's "conn busy"), and rows
left open by a loop's iteration. pgx's transactions do not close their rows.

Rows read with `Query()` without arguments (the next result of a batch sent before,
`br.Query()`) from a results object whose `Close` the function defers are closed by
that Close, which closes every result the batch gave out; the object must be a local
bound to a call that is not a `Prepare` (a statement's `Close` leaves its rows open).

A statement prepared on a `*sql.DB` that the same function closes (`defer db.Close()`),
or that a callback gets through its parameter from a function of the same file that
opens the databases it hands out and defers their Close (`runTests(t, func(dbt *DBTest)
{...})`), is closed with the database's connections. A `Prepare` whose result type is not known
to be a statement is only followed in files that import a SQL package (query engines
have `Prepare` methods of their own).

In such a file, rows or a statement whose variable is only blank-assigned (`_ = rows`)
are reported whatever the receiver's type.

Rows or a statement bound to `_` can never be closed and are reported in files that
import a SQL package (a path containing `sql`, `gorm`, `pgx`, `xorm`, `go-pg`, `bun`,
`upper/db`), except in `_test.go` files, where they are mostly queries expected to fail;
in other test code (an e2e suite's steps, `lifetime.test_code`) with low confidence, as
its other findings there.

Matched methods (the receiver's type is not known without a build, so the names
decide unless the declared type of the receiver says what the call returns: `*sql.Rows`,
`*sqlx.Rows`, `pgx.Rows`, `*sql.Stmt`, `*sqlx.Stmt`, `*sqlx.NamedStmt`, also for
receivers declared in another file of the package; only when the call binds two values,
as in `rows, err :=`): `Query`,
`QueryContext`, `Queryx`, `QueryxContext`, `NamedQuery`, `NamedQueryContext` (rows;
database/sql, sqlx, pgx) and `Prepare`, `PrepareContext`, `Preparex`,
`PreparexContext`, `PrepareNamed`, `PrepareNamedContext` (statements), and any chain
ending in `.Rows()` with no arguments (gorm: `db.Table(t).Select("max(x)").Rows()`).
So is any other method whose name holds `Query` or `Rows` (`stmt.QueryRows(ctx)`,
`w.SelectRows(q)`) when its declared results are `(T, error)` with T those rows, or a
type of the package with `Next`, `Scan` and `Close` methods (an interface's included):
the package's own rows, wrapping a driver's.
`QueryRow` and `QueryRowx` are not matched: their `Scan` closes the row. Nor is a call
whose declared result is a slice or a map (xorm's `Engine.Query` and `Session.Query`
read every row into one and close them), nor one (of a method of the package or module,
in any file) declared to return a named type of another library that is no SQL package
(its import path holds none of the words above) and no package of the module:
`*bigquery.RowIterator` from a querier's `Query(ctx, q)` pages through an API and has no
`Close`; a type of `database/sql/driver`, of a driver or of the module's own packages
stays rows. Nor are
package functions (`modload.Query(...)`), nor a result the function never uses as rows
(`Next`, `Scan`, `Close`, `Columns`, `Err`, `StructScan`, ...) or as a statement
(`Exec`, `Query`, `QueryRow`, `Get`, `Select`, `Close`, ...), unless it passes it to a
function of the package or module that declares that parameter `*sql.Rows`, `*sqlx.Rows`,
`pgx.Rows` (or a statement type).

Option `extra-methods` (a list of method names) adds names that return something to
close, such as a driver's own query method. Files are only read when they contain
`Query`, `Prepare`, `Rows` or one of the extra names.

Nor are rows or statements in test code whose test sets a mock's expectation of the same
method (`mockSQL.EXPECT().Query("SELECT 1").Return(rows, nil)`, gomock and mockery): the
mock answers with what the test gave it, and no pool is behind it.

Tests that expect a failure are not reported where the leak needs the test to fail
first: a query or preparation followed by `if err == nil { t.Error(...) }`, and rows
whose every leak comes after `if rows.Next() { t.Errorf(...) }` (only failure reports in
the branch) or testify's `require.False(t, rows.Next())` (or `assert.False`): the test
asserts that Next returned false, which closed them.

In test code (a `_test.go` file, a test-support package, a function that takes a
`*testing.T`; not an `Example` function, which users copy) rows are reported only on a
database the test does not close itself (a package-wide or shared one, a helper's
parameter), and a statement only when prepared in a loop (database/sql gives its
connection back after each execution), and then with low confidence: what they hold
ends with the test binary, and harm before that (a pool the tests share filled up, so
that a later test hangs) rests on the pool's size and the tests' order, which the code
does not show. Strict readings of 30 such findings over nine held-out sets (rows in
loops, in helpers that two tests call, on shared pools) found none that a project would
change. Rows on a database the function (or the test around its closure) closes, `db :=
openTestDB(t); defer db.Close()`, cost no other test anything and are not reported.
So when findings of low confidence are not shown (the default), the rule does not run
on a `_test.go` file that declares no `Example` (the summary counts the test files left
unchecked).

Rows or a statement of production code acquired once per run of the process
(`lifetime.runs_once`: outside loops of a function that runs once per process, such as
`main`, a CLI command's action, or a benchmark's or a script's step that only `main`
calls) are of low confidence: the one left open ends with the process, which the error
usually ends at once (`log.Fatal`). Not in a folder of example programs (`examples`),
which users copy into code that runs many times, except directly in `func main()`
outside loops: once per run of the program, whose end closes them (a copy is judged
where it is pasted).

Rows or a statement in a folder of the repository's own build, CI or developer
programs (`gomod.in_tooling_tree`: `hack/`, `ci/`, `scripts`, `tools/` at the top of
the module) are of low confidence: its developer runs the tool by hand, and what it
holds ends with the tool.

The message names the paths that leak and how to fix (rows that only `Next` closes
are "closed only when rows.Next() returns false, not when the loop returns at line N"): `defer v.Close()` after the error
check (where nothing checks the error before it is bound again or returned, "check err,
then defer v.Close()"; where it is never read, "defer v.Close()"), or, for a value declared in a loop, where a defer would keep every iteration's
value open until the function returns, a `Close` before the iteration ends. For rows
discarded with `_` it suggests the `Exec` method when no row is read. A value the function
closes only right before a call that never returns (`stmt.Close(); t.Fatal(err)`) is
said to be closed only before that call, not "never closed". A message that
would be longer than 160 characters names only the first leaking exit.

## Why is this bad?
An open `*sql.Rows` holds its connection until it is closed or fully iterated; a
return out of the `rows.Next()` loop, an error branch or a single-row `if rows.Next()`
keeps it forever. An open `*sql.Stmt` keeps its prepared statement on every connection
it was prepared on, on the server too, until it is closed. In one incident a `GetMax` helper used gorm's `.Rows()` with
`if rows.Next() { rows.Scan(&max) }` and no `Close`: each call pinned a pooled
connection, the pool of 10 was gone after about 100 calls per instance, and goroutines
piled up waiting for a connection for two weeks before anyone found it.

## Example
```go
rows, err := db.Table("jobs").Select("max(id)").Rows()
if err != nil {
    return 0, err
}
if rows.Next() {
    rows.Scan(&max)
}
return max, nil
```

## Use instead
```go
rows, err := db.Table("jobs").Select("max(id)").Rows()
if err != nil {
    return 0, err
}
defer rows.Close()
if rows.Next() {
    rows.Scan(&max)
}
return max, rows.Err()
```
For a single value, `QueryRow(...).Scan(&v)` closes by itself.

## References
- [database/sql: Rows.Close](https://pkg.go.dev/database/sql#Rows.Close)
- [Go database/sql tutorial: retrieving result sets](https://go.dev/doc/database/querying)
- [sqlclosecheck](https://github.com/ryanrolds/sqlclosecheck), [rowserrcheck](https://github.com/jingyugao/rowserrcheck)
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from goleaklint.analysis.cfg import cfg_of, never_returns
from goleaklint.analysis.gomod import in_example_tree
from goleaklint.analysis.lifetime import PackageFiles, only_in_own_goroutines, runs_once, test_code
from goleaklint.analysis.names import LOCAL, PACKAGE, UNIVERSE, declaring_statement, names_for
from goleaklint.analysis.types import types_for
from goleaklint.analysis.ownership import PARTLY, READS, ownership_of
from goleaklint.fixes import after_error_check, defer_after, in_loop
from goleaklint.model import Confidence, Context, Report, Rule, Severity, low_in_tooling
from goleaklint.release import (
    Release,
    analyze,
    callee_effect,
    deferred_in_loop,
    leak_message,
    left_names,
    member_uses,
    short_call,
    shortest_fitting,
)
from goleaklint.syntax import (FUNCTION_TYPES, TEST_FAILURES, ancestors, arguments, call_name, called, descendants,
                               declares_example, enclosing_function,
                               field_name, is_test_file, per_file, program_main, starts_word, statements,
                               text, walk)

ROWS_METHODS = ("Query", "QueryContext", "Queryx", "QueryxContext", "NamedQuery",
                "NamedQueryContext")
STMT_METHODS = ("Prepare", "PrepareContext", "Preparex", "PreparexContext", "PrepareNamed",
                "PrepareNamedContext")
# `_, err := x.Query(...)` is only read as discarded rows in a file importing a SQL
# package: influx's, serf's and containerd's Query/Prepare return other things.
_SQL_PACKAGE = re.compile(r"sql|gorm|pgx|xorm|go-pg|/bun$|upper/db")
# A parameter declared as database/sql's, sqlx's or pgx's rows or statement (not
# database/sql/driver's, whose values a driver's own code holds).
_SQL_PARAMETER = re.compile(r"\*?(?:sql|sqlx)\.(?:Rows|Stmt|NamedStmt)|pgx\.Rows")
# database/sql, sqlx and pgx rows record an error only when Next returns false (closing
# them) or they are closed (a cancelled context): where `rows.Err() != nil` they are closed.
CLOSE_ROWS = Release(methods=("Close",), exhausting="Next", exhausting_too=("NextResultSet",), erred="Err")
# pgx v4 and v5 rows close themselves when Scan or Values fails (baseRows.Scan and Values
# report an error only through fatal, which closes them, or once closed; poolRows closes
# too): the branch where its error is set has nothing open.
CLOSE_PGX_ROWS = replace(CLOSE_ROWS, failing=("Scan", "Values"))
CLOSE_STMT = Release(methods=("Close",))
# Methods of rows and statements: a variable used with none of them is something else
# (`rev, err := modload.Query(...)` returns a revision).
ROWS_USES = {"Next", "Scan", "Close", "Columns", "ColumnTypes", "Err", "NextResultSet",
             "StructScan", "MapScan", "SliceScan", "Values", "RawValues", "FieldDescriptions",
             "CommandTag", "Conn"}
STMT_USES = {"Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext",
             "Close", "Get", "GetContext", "Select", "SelectContext", "Queryx", "QueryRowx",
             "MustExec", "Unsafe"}


@low_in_tooling
def check(ctx: Context) -> Iterator[Report]:
    extra = tuple(ctx.options.get("extra-methods", ()))
    names, types = ctx.names, ctx.types
    sql_file = any(_SQL_PACKAGE.search(path) for path in names.imported().values())
    for _, captures in ctx.matches:
        stmt, call = captures["acquire"][0], captures["call"][0]
        operand, method = call_name(call, ctx.source)
        own_rows = False
        if method == "Rows":
            if arguments(call):
                continue
        elif method not in ROWS_METHODS + STMT_METHODS + extra:
            own_rows = _OWN_QUERY.search(method) is not None and \
                len(left_names(stmt)) == 2 and _own_rows(types.results(call), types)
            if not own_rows:
                continue
        left = left_names(stmt)
        function = call.child_by_field_name("function")
        receiver = function.child_by_field_name("operand") if function.type == "selector_expression" else None
        if len(left) != 2 or left[0].type != "identifier" or names.import_path(receiver) is not None:
            continue  # a package's function (`modload.Query`), not a method
        is_stmt = method in STMT_METHODS
        what = "statement" if is_stmt else "rows"
        origin = short_call(call, ctx.source)
        target = left[0]
        var = ctx.text(target)
        declared = types.results(call)
        if declared and declared[0] is not None and declared[0].kind in ("slice", "map", "array"):
            continue  # the rows read into a value (xorm's Query): nothing left open
        if var == "_" and not is_test_file(ctx.path) and sql_file:
            exec_call = _EXEC.get(method) if operand and "(" not in operand else None
            instead = "bind it and defer its Close()" if is_stmt or exec_call is None else \
                f"use {operand}.{exec_call} if no row is read, or bind them and defer their Close()"
            yield Report(call, f"{what} from {origin} {'is' if is_stmt else 'are'} discarded "
                               f"with `_` and can never be closed; {instead}",
                         confidence=Confidence.LOW if _test_cost_ends(stmt, ctx) else None)
            continue
        if var == "_":
            continue
        typed = own_rows or bool(declared) and declared[0] is not None and \
            _closable(declared[0], is_stmt)
        if method not in extra and not typed:
            if is_stmt and not sql_file:
                continue  # influx's and others' Prepare return other things
            _, methods = member_uses(enclosing_function(stmt), target, ctx.source)
            if not methods & (STMT_USES if is_stmt else ROWS_USES) and not (
                    sql_file and _only_blank_assigned(target, enclosing_function(stmt), names)) and \
                    not _passed_as(target, enclosing_function(stmt), is_stmt, names, ctx.source):
                continue
        if not typed and declared and declared[0] is not None and \
                _without_close(declared[0], target, enclosing_function(stmt), types, ctx.source):
            continue  # a result type of the package that has no Close: nothing to close
        if not typed and method not in extra and declared and declared[0] is not None and \
                _foreign_result(declared[0], names):
            continue  # another library's result (`*bigquery.RowIterator`): not rows of a SQL package
        if is_stmt and _transaction(receiver, enclosing_function(stmt), ctx.source):
            continue  # closed when the transaction commits or rolls back
        if is_stmt and _closes_database(receiver, enclosing_function(stmt), types, ctx.source):
            continue  # closing the DB closes its connections and their statements
        if not is_stmt and method != "Rows" and not arguments(call) and \
                not (types.of(receiver) is not None and _closable(types.of(receiver), True)) and \
                _deferred_close(receiver, enclosing_function(stmt), names, ctx.source):
            continue  # the next result of a batch whose deferred Close closes every result it gave
        err = ctx.text(left[1]) if left[1].type == "identifier" else ""
        if _mocked(method, names.outermost_function(stmt), ctx.source) and test_code(stmt, names, ctx.path or ""):
            continue  # the test's mock answers the query with what the test gave it: no connection
        if _expected_to_fail(stmt, left[1], names, ctx.source):
            continue  # a test of a query that must fail: success is already a failure
        release = CLOSE_STMT if is_stmt else CLOSE_PGX_ROWS if typed and _pgx_rows(declared[0]) else CLOSE_ROWS
        if not is_stmt and typed and _sql_rows(declared[0]):
            cancels = _query_cancels(call, names, ctx.source)
            release = replace(release, cancels=cancels) if cancels else release
        outcome = analyze(stmt, target, release, ctx.source, err)
        if not is_stmt and outcome is not None and outcome.verdict is not None and \
                _asserted_exhausted(target, outcome.verdict, names, ctx.source):
            continue
        blank = (typed or sql_file) and outcome is not None and \
            _only_blank_assigned(target, enclosing_function(stmt), names)
        # Too long a message names only the first leaking exit, then leaves out the
        # call (the finding points at it), then where the defer goes.
        func = enclosing_function(stmt)
        stopping = _closed_before_stop(stmt, target, names, ctx.source)
        summaries = {(brief, caller): leak_message(outcome, "closed", brief, stopping,
                                                   "" if is_stmt else f"{caller}Next() returns false")
                     for brief in (False, True) for caller in (var + ".", "")}
        if summaries[False, var + "."] == "never closed" and _drained(target, func, names):
            summaries = dict.fromkeys(summaries, "closed only when sqlx.StructScan reads them to the "
                                                 "end, not when it fails")
        reader = _reader(target, func, names, ctx.source) \
            if not is_stmt and summaries[False, var + "."] == "never closed" else ""
        if reader:  # it may call Next, which closes them when it returns false: not "never"
            summaries = dict.fromkeys(summaries, f"passed to {reader}, which reads them but never calls Close")
        partly = _reader(target, func, names, ctx.source, PARTLY) \
            if not reader and summaries[False, var + "."] == "never closed" else ""
        if partly:
            summaries = dict.fromkeys(summaries, f"passed to {partly}, which leaves them open on an error return")
        if blank:
            summaries = dict.fromkeys(summaries, "never closed (`_ = " + var + "` only silences the compiler)")
        summary = summaries[False, var + "."]
        # Rows of a database/sql transaction close when it commits or rolls back: a
        # leak lasts until then, and costs no connection of the pool.
        # Rows of a statement prepared on a transaction belong to that transaction.
        transaction = _prepared_on(receiver, names, ctx.source) or receiver
        tx_rows = not is_stmt and not blank and _sql_transaction(transaction, func, types, names, ctx.source)
        on_tx = bool(summary) and tx_rows
        if on_tx and _ends_transaction(transaction, stmt, func, ctx.source):
            continue  # its Commit or Rollback closes them, and nothing else runs on it first
        if on_tx and _ended_after_error(transaction, stmt, target, outcome.verdict, func, names, ctx.source):
            continue  # left open only on error returns, after which the transaction's end closes them
        until = " (the transaction's end closes them then)" if on_tx else ""
        if on_tx and summary.startswith("closed only when"):
            # "or the transaction ends" says the same in fewer words, so that the paths fit
            summaries = {(brief, caller): leak_message(outcome, "closed", brief, stopping,
                                                       f"{caller}Next() returns false or the transaction ends")
                         for brief, caller in summaries}
            until = ""
        message = shortest_fitting(*(
            f"{what} `{var}`{source} {'is' if is_stmt else 'are'} {summaries[brief, caller]}{until}; "
            f"{_advice(stmt, var, checked, names, ctx.source)}"
            for brief, source, checked, caller in (
                (False, f" from {origin}", err, var + "."), (True, f" from {origin}", err, var + "."),
                (True, "", err, var + "."), (True, "", err, ""), (True, "", "", ""))))
        # Rows of a database/sql transaction hold no connection of the pool of their own;
        # a test may hold one per iteration on purpose (to fill the pool), and ends soon.
        deferred = deferred_in_loop(stmt, target, release, replace(release, methods=()), ctx.source, err) \
            if not summary and outcome is not None and outcome.verdict is not None and \
            not test_code(stmt, names, ctx.path or "") and not _sql_transaction(transaction, func, types, names, ctx.source) \
            else None
        if summary and test_code(stmt, names, ctx.path or "") and not names.in_example(stmt) and (
                not in_loop(stmt) if is_stmt else
                _closes_database(receiver, func, types, ctx.source, runner=False)):
            continue  # a test's statement holds no connection; its own pool is no other test's
        if summary:
            yield Report(call, message, severity=Severity.WARNING if on_tx else None,
                         confidence=Confidence.LOW if _test_cost_ends(stmt, ctx)
                         or _once_per_run(stmt, ctx) or _once_in_main(stmt, func, ctx) else None,
                         fix=close_fix(stmt, var, err, ctx.source))
        elif deferred is not None:
            line = deferred.start_point[0] + 1
            held = "each iteration's statement stays prepared" if is_stmt else \
                "each iteration's rows hold a connection"
            yield Report(call, shortest_fitting(*(
                f"{what} `{var}`{source_} {'is' if is_stmt else 'are'} closed by the defer at line {line} only when "
                f"the function returns, so {held} until then; {how}"
                for how in (f"call {var}.Close() before the iteration ends", f"close {'it' if is_stmt else 'them'} in the loop")
                for source_ in (f" from {origin}", ""))))
        elif not blank and outcome is not None and not is_test_file(ctx.path) and not tx_rows:
            # A panic that skips the end of the rows' transaction leaves its connection
            # held whether or not they are closed; one that runs it closes them.
            # A driver's own statement or rows (a declared type that is none of database/sql's,
            # sqlx's or pgx's) hold no connection of a pool that a panic could leave checked out.
            pooled = typed or method in extra or not declared or declared[0] is None
            if not _defers_call(func, release.cancels, ctx.source):  # a panic runs it too, closing them
                yield from _open_on_panic(stmt, call, target, outcome, what, origin, err, names, ctx.source, ctx,
                                          pooled, release.cancels)


def _once_per_run(stmt, ctx: Context, single: bool = True) -> bool:
    """Whether production rows or a statement are acquired once per run of the process
    (lifetime.runs_once: outside loops of a function that runs once per process, such as
    a benchmark or a script that main calls, whose errors end the process): one left
    open ends with it. Not in test code (see _test_cost_ends), nor in examples, which
    users copy into code that runs many times."""
    names = ctx.names
    return not test_code(stmt, names, ctx.path or "") and not in_example_tree(ctx.path or "") and \
        runs_once(stmt, names, ctx.root, ctx.source, programs=False, single=single)


def _once_in_main(stmt, func, ctx: Context) -> bool:
    """Whether stmt sits directly in `func main()` of package main, outside any loop or
    closure: once per run of the program, whose end closes what it left open (as go vet's
    lostcancel treats main). Examples' too: a copy is judged where it is pasted."""
    return program_main(func, ctx.source, ctx.names.package) and not in_loop(stmt)


def _unrecovered(func, names, source: bytes, ctx: Context) -> bool:
    """Whether a panic in func ends the process: func runs only in goroutines its
    package starts (lifetime.only_in_own_goroutines: no net/http handler below it) and
    no non-test file of the module calls recover() (Package.recovers)."""
    facts = names.facts
    return facts is not None and only_in_own_goroutines(func, PackageFiles.for_file(source, ctx.root, names)) and \
        facts.recovers() is False


def _test_cost_ends(stmt, ctx: Context) -> bool:
    """Whether rows or a statement are test code's (lifetime.test_code, not an
    Example's, which users copy): what they hold ends with the test binary, and harm
    before that (a pool the tests share filled up, so a later test hangs) rests on the
    pool's size and the tests' order, which the code does not show. Strict readings of
    30 such findings over nine held-out sets (in loops, in helpers two tests call, on
    shared pools) found none that a project would change."""
    return not ctx.names.in_example(stmt) and test_code(stmt, ctx.names, ctx.path or "")

def _open_on_panic(stmt, call, target, outcome, what: str, origin: str, err: str, names,
                   source: bytes, ctx: Context, pooled: bool = True,
                   cancels: tuple[str, ...] = ()) -> Iterator[Report]:
    """A warning for rows or a statement that every path the code can take closes, but
    not a panic: rows closed only by `Next` running out (at the call), or a `Close`
    that is not deferred (at the Close), with a call that may panic while they are open.
    Of low confidence where nothing can recover the panic, where the value is opened once
    per run of the process, or where the harm rests on a panic the code does not show a
    cause for (_panic_source) and the function leaves the rows to Next, closes the value
    itself on several paths or goes on with other work after the Close (explicit closing
    by design), or the value is a driver's own (not pooled)."""
    verdict = outcome.verdict
    func = enclosing_function(stmt)
    if verdict is None or verdict.leaking or outcome.handoffs or func is None or in_loop(stmt) or \
            _process_entry(func, names, source):
        return
    var = text(source, target)
    uses = [u for u in names.uses(target, func) if u.start_byte > stmt.end_byte]
    if any(_deferred(u, func) or call_name(u.parent.parent, source)[1:] == ("NextResultSet",)
           for u in uses if u.parent.type == "selector_expression" and u.parent.parent.type == "call_expression"):
        return  # closed by a defer; or more result sets, which Next does not close
    closes = [u.parent.parent for u in uses if u.parent.type == "selector_expression"
              and u.parent.parent.type == "call_expression" and enclosing_function(u) == func
              and text(source, u.parent.child_by_field_name("field")) == "Close"]
    # Rows the function closes itself and whose Close error it reads (which a plain
    # `defer rows.Close()` would drop): their own Scan is no reason to defer the Close.
    own = _DRIVER_ONLY | (_SCANS if what == "rows" and any(_result_read(c, source) for c in closes) else set())
    risky = [c for node in verdict.live_steps if node is not None for c in _walk_with(node)
             if c.type == "call_expression" and not _safe_call(c, target, names, source, own)
             and text(source, c.child_by_field_name("function")) not in cancels]  # a cancel closes them
    if not risky:
        return
    if closes and _rebound_by_query(stmt, target, func, names, source):
        return  # sequential queries on one variable, each closed before the next
    loop = _exhausting_loop(risky, target, names, source)
    where = f"the loop at line {loop.start_point[0] + 1}" if loop is not None else \
        _lines("a call", risky)
    are = "is" if what == "statement" else "are"
    advice = _advice(stmt, var, err, names, source)
    steps = [s for s in verdict.live_steps if s is not None]
    # A loop the open value runs through is read whole: a branch that panics
    # (`if err != nil { panic(err) }`) ends its path, so no live step reaches it.
    loops = [a.end_byte for s in steps for a in _ancestors_until(s, func) if a.type == "for_statement"]
    shown = _panic_source(func, stmt.end_byte, max([c.start_byte for c in closes] + [s.end_byte for s in steps] +
                                                   loops), names)
    # A panic the code shows no cause for is a judgement on code out of sight (a Scanner,
    # a helper): the harm rests on it where nothing else says the Close matters, rows left
    # to Next (the usual plain loop) or closed by hand by design.
    confidence = Confidence.LOW if _unrecovered(func, names, source, ctx) or _once_per_run(stmt, ctx, single=False) or \
        not shown and (not closes or len(closes) > 1 or not pooled or
                       closes and _works_after(max(closes, key=lambda c: c.start_byte), func, target, names, source)) \
        else None
    if not closes and verdict.exhausted:
        yield Report(call, shortest_fitting(*(
            f"{what} `{var}`{source_} {are} closed only when {var}.Next() returns false, "
            f"not if {where} panics; {advice}" for source_ in (f" from {origin}", ""))),
            severity=Severity.WARNING, confidence=confidence, fix=close_fix(stmt, var, err, source))
    elif closes:
        line = stmt.start_point[0] + 1
        yield Report(closes[0], shortest_fitting(*(
            f"{what} `{var}`{source_} {are} closed here, but not if {where} panics first; {advice}"
            for source_ in (f" from {origin} at line {line}", f" from line {line}"))),
            severity=Severity.WARNING, confidence=confidence, related=((call, f"`{var}` is opened here"),))


def _panic_source(func, start: int, end: int, names) -> bool:
    """Whether the code of func between start and end (from the acquisition to the last
    `Close`, or to the end of the code that runs while the value is open) shows a cause
    for a panic: an explicit `panic(...)`, a call of a function that func receives as a
    parameter (a callback, an iterator's `yield`: the caller's code, which func cannot
    vouch for), or a type assertion without `, ok` (`v.(string)`). Closures defined
    there are not looked into: they may never run."""
    for node in walk(func.child_by_field_name("body"), into_functions=False):
        if not start <= node.start_byte < end:
            continue
        if node.type == "type_assertion_expression" and not _comma_ok(node):
            return True
        function = node.child_by_field_name("function") if node.type == "call_expression" else None
        if function is None or function.type != "identifier":
            continue
        binding = names.resolve(function)
        if binding.kind == UNIVERSE and binding.name == "panic":
            return True
        holder = names.declaring(function)
        if holder is not None and holder.type in ("parameter_declaration", "variadic_parameter_declaration"):
            return True
    return False


def _works_after(close, func, target, names, source: bytes) -> bool:
    """Whether func goes on with other work after the Close (a call in a later statement
    of a block around it that is not formatting, logging or the value's own method, as
    _safe_call reads them: another query, a helper, a send): the Close frees the
    connection before that work, which a defer would hold it through."""
    statement = close
    while statement is not None and statement != func:
        holder = statement.parent
        if holder is not None and holder.type in ("block", "statement_list"):
            later = [n for sibling in holder.named_children if sibling.start_byte > statement.end_byte
                     for n in _walk_with(sibling)]
            if any(n.type == "call_expression" and not _safe_call(n, target, names, source) for n in later):
                return True
        statement = holder
    return False


def _comma_ok(assertion) -> bool:
    """Whether a type assertion binds its `ok` (`v, ok := x.(T)`), which cannot panic."""
    values = assertion.parent
    statement = values.parent if values is not None and values.type == "expression_list" else None
    if statement is None or len(values.named_children) != 1:
        return False
    left = statement.child_by_field_name("left") if statement.type in (
        "short_var_declaration", "assignment_statement") else None
    names = statement.children_by_field_name("name") if statement.type == "var_spec" else []
    return left is not None and len(left.named_children) == 2 or len(names) == 2


def _result_read(call, source: bytes) -> bool:
    """Whether the code reads the result of call (`if err := rows.Close(); err != nil`,
    `return rows.Close()`), not dropping it (`rows.Close()`, `_ = rows.Close()`)."""
    holder = call.parent
    if holder is None or holder.type == "expression_statement":
        return False
    statement = holder.parent if holder.type == "expression_list" else None
    left = statement.child_by_field_name("left") if statement is not None and \
        statement.type == "assignment_statement" and statement.child_by_field_name("right") == holder else None
    return left is None or any(text(source, n) != "_" for n in left.named_children)


def _rebound_by_query(stmt, target, func, names, source: bytes) -> bool:
    """Whether another statement of func than stmt binds target's variable to the
    result of a query or a preparation (`rows, err = conn.Query(...)`)."""
    for use in names.uses(target, func):
        other = use.parent.parent if use.parent is not None and use.parent.type == "expression_list" else None
        if other is None or other == stmt or other.type not in ("assignment_statement", "short_var_declaration") or \
                not left_names(other) or left_names(other)[0] != use:
            continue
        right = other.child_by_field_name("right")
        values = right.named_children if right is not None else []
        if len(values) == 1 and values[0].type == "call_expression" and \
                call_name(values[0], source)[1] in ROWS_METHODS + STMT_METHODS:
            return True
    return False


def _walk_with(node) -> Iterator:
    yield node
    yield from walk(node, into_functions=False)


def _deferred(node, func) -> bool:
    """Whether node lies in a defer or go statement of func (a deferred closure too)."""
    return any(a.type in ("defer_statement", "go_statement") for a in _ancestors_until(node, func))


def _ancestors_until(node, stop) -> Iterator:
    node = node.parent
    while node is not None and node != stop:
        yield node
        node = node.parent


def _safe_call(call, target, names, source: bytes, own=frozenset()) -> bool:
    """Calls not worth a warning about a panic: builtins and conversions to predeclared
    types (`append`, `len`, `string(b)`), formatting and string functions (`fmt`
    recovers a panicking String method), and the value's own methods in own (by
    default those that run only driver code: `Next`, `Err`, `Close`; not `Scan`, which
    may call a Scanner of ours)."""
    function = call.child_by_field_name("function")
    if function is None:
        return True
    if function.type == "identifier":
        return names.resolve(function).kind == UNIVERSE
    qualified = names.qualified(function)
    if qualified is not None:
        return qualified[0] in _NO_PANIC_PACKAGES
    if function.type == "selector_expression":
        operand = function.child_by_field_name("operand")
        return text(source, function.child_by_field_name("field")) in (own or _DRIVER_ONLY) and \
            operand.type == "identifier" and names.same_variable(operand, target)
    return False


_DRIVER_ONLY = {"Next", "Err", "Close", "Columns", "ColumnTypes", "NextResultSet"}
# The rows' own reading methods: driver code and the destinations' Scan methods.
_SCANS = {"Scan", "ScanStruct", "StructScan", "MapScan", "SliceScan", "Values", "RawValues"}

_NO_PANIC_PACKAGES = {"fmt", "log", "errors", "strings", "bytes", "strconv", "unicode/utf8"}


def _exhausting_loop(calls, target, names, source: bytes):
    """The `for v.Next() {}` loop every risky call runs in, or None."""
    for call in calls:
        loop = next((a for a in _ancestors_until(call, None) if a.type == "for_statement"), None)
        condition = loop.named_children[0] if loop is not None and loop.named_children else None
        if condition is not None and condition.type == "call_expression" and \
                call_name(condition, source)[1] == "Next":
            operand = condition.child_by_field_name("function").child_by_field_name("operand")
            if operand is not None and operand.type == "identifier" and names.same_variable(operand, target) and \
                    all(loop.start_byte <= c.start_byte < loop.end_byte for c in calls):
                return loop
    return None


def _lines(what: str, nodes) -> str:
    first, last = min(n.start_point[0] for n in nodes) + 1, max(n.start_point[0] for n in nodes) + 1
    return f"{what} at line {first}" if first == last else f"{what} at lines {first}-{last}"


def _process_entry(func, names, source: bytes) -> bool:
    """`func main()` of package main and `func init()`: a panic there ends the process."""
    return (func.type == "function_declaration" and text(source, func.child_by_field_name("name")) == "init") or \
        program_main(func, source, names.package)


# What to call instead of a query whose rows are discarded.
_EXEC = {"Query": "Exec", "QueryContext": "ExecContext", "Queryx": "Exec",
         "QueryxContext": "ExecContext", "NamedQuery": "NamedExec",
         "NamedQueryContext": "NamedExecContext"}


def _advice(stmt, var: str, err: str, names, source: bytes) -> str:
    """How to fix: a defer after the error check (or, when nothing checks the error
    before it is bound again or returned, a check first), or, in a loop, where a defer would
    keep every iteration's value open until the function returns, a Close per turn."""
    if in_loop(stmt) and stmt.type == "short_var_declaration":
        return f"call {var}.Close() before the iteration ends"
    if err in ("", "_"):
        return f"defer {var}.Close()"
    anchor = after_error_check(stmt, err, source)
    if anchor == stmt:
        return f"defer {var}.Close()"  # the error is never read
    if anchor is not None or _checked_later(stmt, left_names(stmt)[1], names):
        return f"defer {var}.Close() after the error check"
    return f"check {err}, then defer {var}.Close()"


def _checked_later(stmt, err, names) -> bool:
    """Whether the first mention, after stmt in its block, of the error err declares or
    assigns checks it: in an `if` or `case` condition (`if err != nil`), or as an
    argument of a call (`require.NoError(t, err)`, `checkErr(err)`); not when it is bound
    again first (`err = rows.Scan(...)`) or only returned."""
    following = _next_statement(stmt)
    while following is not None:
        for node in walk(following, into_functions=False):
            if node.type == "identifier" and names.same_variable(node, err):
                if node.parent is not None and node.parent.type == "argument_list":
                    return True
                child = node
                for holder in ancestors(node):
                    if (holder.type, child) in (("if_statement", holder.child_by_field_name("condition")),
                                                ("expression_case", holder.child_by_field_name("value"))):
                        return True
                    if holder == following or holder.type in ("assignment_statement", "short_var_declaration",
                                                               "return_statement"):
                        break
                    child = holder
                return False
        following = _next_statement(following)
    return False


def _next_statement(stmt):
    """The statement that runs after stmt: its next sibling or, at the end of an `if`
    or `switch` branch, the statement after the one around it (not out of a loop, whose
    next turn comes first, nor out of the function)."""
    lists = ("block", "statement_list")
    while stmt is not None:
        if stmt.next_named_sibling is not None:
            return stmt.next_named_sibling
        node = stmt.parent
        while node is not None and (node.type in lists or node.parent is None or node.parent.type not in lists):
            if node.type in ("for_statement", *FUNCTION_TYPES):
                return None
            node = node.parent
        if node is None or node.type in ("for_statement", *FUNCTION_TYPES):
            return None
        stmt = node
    return None


def _closed_before_stop(stmt, target, names, source: bytes) -> str:
    """When the function calls `v.Close()` on the variable target declares, after the
    acquisition and outside function literals, the call that stops the function after
    it (`stmt.Close(); t.Fatal(err)`: "t.Fatal"; "a fatal call" when not next to it),
    else "". When no path out is released, such Close calls sit on paths that stop."""
    func = enclosing_function(stmt)
    for use in names.uses(target, func) if func is not None else ():
        selector = use.parent
        call = selector.parent if selector is not None else None
        if use.start_byte > stmt.end_byte and selector.type == "selector_expression" and \
                call is not None and call.type == "call_expression" and \
                call.child_by_field_name("function") == selector and \
                text(source, selector.child_by_field_name("field")) == "Close" and enclosing_function(use) == func:
            after = call.parent.next_named_sibling if call.parent is not None else None
            stop = after.named_children[0] if after is not None and after.type == "expression_statement" \
                and after.named_children else None
            if never_returns(stop, source):
                return text(source, stop.child_by_field_name("function"))
            return "a fatal call"
    return ""


def _expected_to_fail(stmt, err, names, source: bytes) -> bool:
    """`ns, err = db.PrepareNamed("invalid sql")` followed by `if err == nil {
    t.Error(...) }` (err: the identifier bound): the test expects no statement, and one
    that is made only leaks in a failing test."""
    following = stmt.next_named_sibling
    while following is not None and following.type == "comment":
        following = following.next_named_sibling
    if following is None or following.type != "if_statement" or \
            not names.tests_nil(following.child_by_field_name("condition"), err, "=="):
        return False
    return any(node.type == "call_expression" and call_name(node, source)[1] in TEST_FAILURES
               and call_name(node, source)[0] for node in walk(following.child_by_field_name("consequence")))


# testify's checks that a value is false (`require.False(t, rows.Next())`).
_ASSERTS_FALSE = {(f"github.com/stretchr/testify/{package}", "False") for package in ("assert", "require")}


def _asserted_exhausted(target, verdict, names, source: bytes) -> bool:
    """`if rows.Next() { t.Errorf("unexpected row") }`, `require.False(t, rows.Next())`:
    a test asserts that Next returns false, which closes the rows. When every leak
    comes after such an assertion, the rows stay open only in a test that already
    fails."""
    func = enclosing_function(target)
    asserted = []
    for node in names.uses(target, func) if func is not None else ():
        call = node.parent.parent if node.parent is not None and node.parent.type == "selector_expression" else None
        test = call.parent if call is not None and call.type == "call_expression" else None
        check = test.parent if test is not None and test.type == "argument_list" else None
        if check is not None and call_name(call, source)[1] == "Next" and \
                names.qualified(check.child_by_field_name("function")) in _ASSERTS_FALSE and \
                check.parent is not None and check.parent.type == "expression_statement":
            asserted.append(check.parent)  # `require.False(t, rows.Next())`: false closed them
            continue
        if test is None or test.type != "if_statement" or test.child_by_field_name("condition") != call \
                or call_name(call, source)[1] != "Next":
            continue
        reports = statements(test.child_by_field_name("consequence"))
        if reports and all(r.type == "expression_statement" and r.named_children and
                           r.named_children[0].type == "call_expression" and
                           call_name(r.named_children[0], source)[0] and
                           call_name(r.named_children[0], source)[1] in TEST_FAILURES for r in reports):
            asserted.append(test)  # the branch only reports the failure
    if not asserted or not verdict.leaking:
        return False
    leaks = verdict.leaks  # listed only when needed: a long function has many
    return all(
        any(t.end_byte <= e.node.start_byte or (e.kind in ("end", "scope") and t.end_byte <= e.node.end_byte)
            for t in asserted) for e in leaks)


def _reader(target, func, names, source: bytes, effect: str = READS) -> str:
    """The first function of the package (of this file or another) that the value is
    passed to and that only reads it (`readOne(rows)`), or with effect PARTLY closes it
    only on some paths, as called; "" when none."""
    for node in names.uses(target, func) if func is not None else ():
        call = node.parent.parent if node.parent.type == "argument_list" else None
        if call is None or call.type != "call_expression" or node.start_byte <= target.end_byte:
            continue
        index = next(i for i, a in enumerate(arguments(call)) if a == node)
        if callee_effect(call, index, source) == effect:
            operand, name = call_name(call, source)
            return f"{operand}.{name}" if operand and "(" not in operand else name
    return ""


def _passed_as(target, func, is_stmt: bool, names, source: bytes) -> bool:
    """Whether the value is passed to a function of the package (or of another package
    of the module) that declares that parameter as rows (`*sql.Rows`, `pgx.Rows`) or,
    for a statement, as a statement: the callee's signature says what it is."""
    wanted = ("Stmt", "NamedStmt") if is_stmt else ("Rows",)
    owners = ownership_of(names.root, source) if func is not None else None
    for node in names.uses(target, func) if owners is not None else ():
        call = node.parent.parent if node.parent.type == "argument_list" else None
        key = owners.callee(call) if call is not None and call.type == "call_expression" else None
        if key is None or node.start_byte <= target.end_byte:
            continue
        declared = owners.parameter_type(key, next(i for i, a in enumerate(arguments(call)) if a == node))
        if declared is not None and _SQL_PARAMETER.fullmatch(declared.replace(" ", "")) and \
                declared.rsplit(".", 1)[-1] in wanted:
            return True
    return False


def _drained(target, func, names) -> bool:
    """Whether the rows are handed to `sqlx.StructScan`, which reads them to the end
    (closing them) unless a row fails to scan."""
    for node in names.uses(target, func) if func is not None else ():
        holder = node.parent
        call = holder.parent if holder is not None and holder.type == "argument_list" else None
        if call is not None and names.qualified(call.child_by_field_name("function")) == \
                ("github.com/jmoiron/sqlx", "StructScan"):
            return True
    return False


def _only_blank_assigned(target, func, names) -> bool:
    """Whether every use of the variable target names, after it, is `_ = v`."""
    found = False
    for node in names.uses(target, func) if func is not None else ():
        if node.start_byte <= target.end_byte:
            continue
        holder = node.parent
        statement = holder.parent if holder.type == "expression_list" else None
        left = statement.child_by_field_name("left") if statement is not None and \
            statement.type == "assignment_statement" and statement.child_by_field_name("right") == holder else None
        if left is None or len(left.named_children) != 1 or left.named_children[0].type != "identifier" \
                or left.named_children[0].text != b"_" or len(holder.named_children) != 1:
            return False
        found = True
    return found


def _sql_transaction(receiver, func, types, names, source: bytes) -> bool:
    """Whether rows come from a database/sql (or sqlx) transaction, whose end closes
    them: a receiver declared `*sql.Tx`/`*sqlx.Tx`, or, with no declared type, one
    made by a `Begin` call (`Begin`, `BeginTx`, `Beginx`, `MustBegin`, ...) or committed or
    rolled back in the function, in a file that imports database/sql or sqlx and no pgx
    (pgx's transactions do not close their rows). Never its name: a query builder
    named `tx` is no transaction."""
    kind = types.of(receiver) if receiver is not None else None
    if kind is not None:
        return kind.is_named("database/sql", "Tx") or kind.is_named("sqlx", "Tx")
    imported = names.imported().values()
    made = names.made_by(receiver, receiver) if receiver is not None and receiver.type == "identifier" else None
    begun = made is not None and call_name(made, source)[1].startswith(("Begin", "MustBegin"))
    _, methods = member_uses(func, receiver, source) if receiver is not None and not begun and \
        "(" not in text(source, receiver) else (set(), set())
    return (begun or bool(methods & {"Commit", "Rollback"})) and not any("pgx" in path for path in imported) and \
        any(path == "database/sql" or path.endswith("/sqlx") for path in imported)


def _prepared_on(receiver, names, source: bytes):
    """What the statement receiver names was prepared on: `tx` when the last assignment
    to it before the call is `stmt, err := tx.Prepare(...)` (or `tx.Stmt(s)`); else None."""
    value = names.made_by(receiver, receiver) if receiver is not None and receiver.type == "identifier" else None
    if value is None or call_name(value, source)[1] not in STMT_METHODS + ("Stmt", "StmtContext"):
        return None
    function = value.child_by_field_name("function")
    return function.child_by_field_name("operand") if function.type == "selector_expression" else None


def _ends_transaction(receiver, stmt, func, source: bytes) -> bool:
    """Whether the function (its closures included) commits or rolls back the
    transaction the rows came from, which closes them, and after the query uses the
    transaction for nothing else (another query on it while the rows are open may
    fail)."""
    if receiver is None or receiver.type != "identifier":
        return False
    outermost = func
    for parent in ancestors(func):
        if parent.type in ("function_declaration", "method_declaration", "func_literal"):
            outermost = parent
    ends = False
    for start, method in _selections(outermost, receiver, names_for(source, receiver)):
        if method in ("Commit", "Rollback"):
            ends = True
        elif start > stmt.end_byte:
            return False
    return ends


def _ended_after_error(transaction, stmt, target, verdict, func, names, source: bytes) -> bool:
    """Whether rows of a transaction that the caller ends (a parameter, a field; one the
    function begins must be committed or rolled back in it) are left open only by
    returns of an error (`return err`, `return nil, fmt.Errorf(...)`), after which the
    caller rolls the transaction back, closing them, and no statement runs on the
    transaction while they may be open (`tx.Exec` after `if rows.Next() {...}`: drivers
    fail a query on a connection whose rows are unread). A return of a nil error hands
    the transaction back with the rows open."""
    base = transaction
    while base is not None and base.type == "selector_expression":
        base = base.child_by_field_name("operand")
    if verdict is None or base is None or base.type != "identifier" or not verdict.leaks or \
            any(e.kind != "return" or not _error_return(e.node, func, names, source) for e in verdict.leaks):
        return False
    declared = names.declaration(base)
    statement = declaring_statement(declared) if declared is not None else None
    outermost = names.outermost_function(stmt) or func
    if statement is not None and transaction == base and \
            statement.type not in ("parameter_declaration", "variadic_parameter_declaration") and \
            not _bound_to_other(declared, statement) and \
            not any(m in ("Commit", "Rollback") for _, m in _selections(outermost, transaction, names)):
        return False  # begun here and never ended: the transaction itself stays open
    return not _used_while_open(transaction, stmt, target, func, names, source)


def _bound_to_other(declared, statement) -> bool:
    """Whether a local is declared (by statement) bound to a field or another variable
    (`tx := m.Tx`): it names a transaction begun, and ended, elsewhere."""
    if statement.type != "short_var_declaration":
        return False
    targets = statement.child_by_field_name("left").named_children
    values = statement.child_by_field_name("right").named_children
    at = [t.start_byte for t in targets].index(declared.start_byte) if len(targets) == len(values) else -1
    return at >= 0 and values[at].type in ("selector_expression", "identifier")


def _error_return(ret, func, names, source: bytes) -> bool:
    """Whether a return statement of func, whose last result is declared `error`,
    returns an error there: `errors.New(...)` or `fmt.Errorf(...)`, or a value naming
    a variable `e` in the branch of an `if e != nil` (`return nil, fmt.Errorf("scan:
    %w", err)`); not `return name, err` after a Scan that may have succeeded."""
    result = func.child_by_field_name("result")
    kinds = [p.child_by_field_name("type") for p in result.named_children if p.type == "parameter_declaration"] \
        if result is not None and result.type == "parameter_list" else [result]
    values = next((c.named_children for c in ret.named_children if c.type == "expression_list"), [])
    if not kinds or kinds[-1] is None or text(source, kinds[-1]) != "error" or not values:
        return False
    value = values[-1]
    if value.type == "call_expression" and \
            names.qualified(value.child_by_field_name("function")) in (("errors", "New"), ("fmt", "Errorf")):
        return True
    named = [n for n in _walk_with(value) if n.type == "identifier"]
    child = ret
    for holder in ancestors(ret):
        if holder == func:
            break
        condition = holder.child_by_field_name("condition") if holder.type == "if_statement" else None
        if condition is not None and child == holder.child_by_field_name("consequence") and \
                condition.type == "binary_expression" and text(source, condition.child_by_field_name("right")) == "nil" \
                and text(source, condition.child_by_field_name("operator")) == "!=" and \
                any(names.same_variable(condition.child_by_field_name("left"), n) for n in named):
            return True
        child = holder
    return False


def _used_while_open(transaction, stmt, target, func, names, source: bytes) -> bool:
    """Whether a path from the acquisition reaches a use of the transaction (`tx.Exec`,
    not `Commit` or `Rollback`) before the rows are closed or `Next` has returned false,
    after their reading began and outside their own `for v.Next()` loop (statements
    prepared before the reading, or run while the loop reads, are the code's design,
    not what a leak leaves)."""
    graph = cfg_of(func, source)
    start = next(((b.index, i) for b, i, step in graph.steps() if step.node == stmt), None)
    read = min((u.start_byte for u in names.uses(target, func) if u.start_byte > stmt.end_byte), default=None)
    if start is None or read is None:
        return start is None

    def mine(node) -> bool:
        return node is not None and node.type == "identifier" and names.same_variable(node, target)

    def closes(node) -> bool:
        return any(n.type == "call_expression" and call_name(n, source)[1] == "Close" and
                   mine(n.child_by_field_name("function").child_by_field_name("operand"))
                   for n in _walk_with(node) if n.child_by_field_name("function") is not None and
                   n.child_by_field_name("function").type == "selector_expression")

    def used(node) -> bool:
        for n in _walk_with(node):
            operand = n.child_by_field_name("operand") if n.type == "selector_expression" else None
            if operand is not None and n.start_byte > read and names.same_path(operand, transaction) and \
                    text(source, n.child_by_field_name("field")) not in ("Commit", "Rollback") and \
                    _exhausting_loop([n], target, names, source) is None:
                return True
        return False

    def visit(step) -> bool | None:
        if step.node == stmt:
            return False  # acquired again: another value
        if step.kind != "leave" and step.node is not None:
            if used(step.node):
                return True
            if closes(step.node):
                return False
        return None

    def follow(edge) -> bool:
        condition = None if edge.test is None or edge.truth is not False else \
            edge.test.child_by_field_name("condition") if edge.test.type == "if_statement" else \
            edge.test.named_children[0] if edge.test.type == "for_statement" else None
        return not (condition is not None and condition.type == "call_expression" and
                    call_name(condition, source)[1] == "Next" and
                    mine(condition.child_by_field_name("function").child_by_field_name("operand")))  # closed

    return graph.walk((start[0], start[1] + 1), visit, follow)  # from the step after the acquisition


@per_file
def _selections(func, variable, names) -> list[tuple[int, str]]:
    """(start byte, m) of each `x.m` in func (its closures included) with x the variable
    the identifier variable names (a same-named one in another scope is another)."""
    found = []
    for use in names.uses(variable, func):
        field = use.parent.child_by_field_name("field") if use.parent is not None and \
            use.parent.type == "selector_expression" and use.parent.child_by_field_name("operand") == use else None
        if field is not None:
            found.append((use.parent.start_byte, text(names.source, field)))
    return found


# A method of the package's own driver or wrapper that runs a query (`QueryRows`,
# `QueryAll`, `SelectRows`), and whose declared results are a rows type of the package:
_OWN_QUERY = re.compile(r"Query|Rows")


def _called_method(source: bytes, start: int, end: int) -> bool:
    """Whether the anchor at source[start:end] may be in the name of a method the
    check reads, from the bytes alone: a selector's field, called, that starts with
    the anchor when it is a `Prepare` one (`BeforePreparePlug` is none of them)."""
    return field_name(source, start, end, whole=False) and called(source, end) and \
        (starts_word(source, start) or not source.startswith(b"Prepare", start))


def _own_rows(declared, types) -> bool:
    """Whether declared results are `(T, error)` with T the rows of database/sql, sqlx or
    pgx, or a type of this package that has `Next`, `Scan` and `Close` methods (an
    interface's included): the package's own rows, wrapping a driver's, which its
    `Close` frees."""
    if not declared or len(declared) != 2 or declared[0] is None or declared[1] is None or \
            not declared[1].is_named("builtin", "error"):
        return False
    if _closable(declared[0], False):
        return True  # a wrapper's `QueryRows(...) (*sql.Rows, error)`
    kind = declared[0].deref()
    return kind.kind == "named" and kind.path == "" and all(
        types.method_results(declared[0], name) is not None for name in ("Next", "Scan", "Close"))


def _without_close(kind, target, func, types, source: bytes) -> bool:
    """Whether kind is a type of this package that the package shows (a method the
    function calls on target resolves on it) with no `Close` method, nor an embedded
    field that could bring one: rows of the package's own that hold nothing to close."""
    base = kind.deref()
    if base.kind != "named" or base.path != "" or func is None:
        return False
    _, methods = member_uses(func, target, source)
    if not any(types.method_results(kind, m) is not None for m in methods):
        return False  # the type's methods are not shown
    if any(embedded for _, _, embedded in types.fields(kind)):
        return False
    return types.method_results(kind, "Close") is None


def _foreign_result(kind, names) -> bool:
    """Whether a declared result type is a named type of a package that is neither a SQL
    package (`_SQL_PACKAGE`: database/sql/driver's, a driver's) nor one of this module
    (whose own rows wrap a driver's): another library's value (`*bigquery.RowIterator`,
    an API's response), which a method named `Query` returns without any rows to close."""
    base = kind.deref()
    if base.kind != "named" or base.path in ("", "builtin") or _SQL_PACKAGE.search(base.path):
        return False
    found = names.facts.module() if names.facts is not None else None
    return found is not None and base.path != found[1] and not base.path.startswith(found[1] + "/")


def _pgx_rows(kind) -> bool:
    """Whether a declared type is the rows of pgx v4 or v5, which Scan closes when it fails."""
    return kind is not None and kind.is_named("pgx", "Rows") and \
        re.search(r"/v[45]$", kind.deref().path) is not None


def _sql_rows(kind) -> bool:
    """Whether a declared type is the rows of database/sql (or sqlx's, which embed them)."""
    return kind is not None and (kind.is_named("database/sql", "Rows") or kind.is_named("sqlx", "Rows"))


def _query_cancels(call, names, source: bytes) -> tuple[str, ...]:
    """The cancel func of the context a query runs with (its first argument), where the
    function binds that context with its cancel (`ctx, cancel := context.WithTimeout(parent,
    d)`): database/sql's rows watch their query's context (Rows.awaitDone) and close
    themselves once it is done, so calling such a cancel, or deferring it, closes them.
    Not the cancel of a parent of it: the query's argument must resolve to that binding."""
    args = arguments(call)
    binding = names.resolve(args[0]) if args and args[0].type == "identifier" else None
    statement = declaring_statement(binding.decl) if binding is not None and binding.kind == LOCAL and \
        binding.decl is not None else None
    if statement is None or statement.type != "short_var_declaration" or statement.end_byte > call.start_byte:
        return ()
    targets, right = left_names(statement), statement.child_by_field_name("right")
    values = right.named_children if right is not None else []
    if len(targets) != 2 or len(values) != 1 or values[0].type != "call_expression" or \
            targets[0] != binding.decl or targets[1].type != "identifier" or text(source, targets[1]) == "_":
        return ()
    results = types_for(names).results(values[0]) or ()
    cancel = results[1] if len(results) == 2 else None  # the types table's context.With* results
    return (text(source, targets[1]),) if cancel is not None and \
        cancel.is_named("context", "CancelFunc", "CancelCauseFunc") else ()


def _defers_call(func, functions: tuple[str, ...], source: bytes) -> bool:
    """Whether func defers a call of one of the named functions (`defer cancel()`)."""
    body = func.child_by_field_name("body") if func is not None and functions else None
    for defer in descendants(body, ("defer_statement",), into_functions=False) if body is not None else ():
        call = defer.named_children[0] if defer.named_children else None
        function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
        if function is not None and function.type == "identifier" and text(source, function) in functions:
            return True
    return False


def _closable(kind, is_stmt: bool) -> bool:
    """Whether a declared type is one of the rows or statements this rule follows."""
    if is_stmt:
        return kind.is_named("database/sql", "Stmt") or kind.is_named("sqlx", "Stmt", "NamedStmt")
    return kind.is_named("database/sql", "Rows") or kind.is_named("sqlx", "Rows") or \
        kind.is_named("pgx", "Rows")


def _closes_database(receiver, func, types, source: bytes, runner: bool = True) -> bool:
    """Whether the function closes the receiver a statement was prepared on (`db.Close()`,
    deferred or not): a `*sql.DB` closes its connections, and their statements with
    them, as does a driver's connection. A `*sql.Conn` only goes back to the pool.
    With runner, a callback's runner that opens and closes the database counts too."""
    if receiver is None or func is None:
        return False
    kind = types.of(receiver)
    if kind is not None and (kind.is_named("database/sql", "Conn") or kind.is_named("sqlx", "Conn")):
        return False
    operand = text(source, receiver)
    while func is not None and "(" not in operand:
        if "Close" in member_uses(func, receiver, source)[1]:
            return True
        # A subtest's closure (`t.Run(name, func(t *testing.T) {...})`): the test that
        # runs it closes the database after it.
        if runner and func.type == "func_literal" and _runner_closes(func, receiver, source):
            return True
        func = enclosing_function(func) if func.type == "func_literal" else None
    return False


def _mocked(method: str, func, source: bytes) -> bool:
    """Whether func sets a mock's expectation of the method (`m.EXPECT().Query(...)`,
    gomock's and mockery's generated mocks): the call is answered by the mock."""
    if func is None or source.find(b"EXPECT", func.start_byte, func.end_byte) < 0:
        return False  # most functions: no walk of their calls
    for call in descendants(func, ("call_expression",)):
        function = call.child_by_field_name("function")
        operand = function.child_by_field_name("operand") if function.type == "selector_expression" else None
        if operand is not None and operand.type == "call_expression" and \
                text(source, function.child_by_field_name("field")) == method and \
                call_name(operand, source)[1] == "EXPECT" and not arguments(operand):
            return True
    return False


def _deferred_close(receiver, func, names, source: bytes) -> bool:
    """Whether func defers `receiver.Close()`, receiver a local bound to the result of
    a call that does not prepare a statement (a statement's Close leaves its rows open)."""
    if receiver is None or func is None or receiver.type != "identifier":
        return False
    binding = names.reaching(receiver, receiver)
    statement = binding[0].parent.parent if binding is not None and binding[0].parent is not None else None
    right = statement.child_by_field_name("right") if statement is not None and \
        statement.type in ("short_var_declaration", "assignment_statement") else None
    value = right.named_children[0] if right is not None and len(right.named_children) == 1 else None
    if value is None or value.type != "call_expression" or call_name(value, source)[1] in STMT_METHODS:
        return False
    for defer in descendants(func.child_by_field_name("body"), ("defer_statement",), into_functions=False):
        call = defer.named_children[0] if defer.named_children else None
        function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
        if function is not None and function.type == "selector_expression" and not arguments(call) and \
                text(source, function.child_by_field_name("field")) == "Close" and \
                names.same_variable(function.child_by_field_name("operand"), receiver):
            return True
    return False


def _runner_closes(literal, receiver, source: bytes) -> bool:
    """A callback handed its database through a parameter (`runTests(t, func(dbt
    *DBTest) { dbt.db.Prepare(...) })`) by a function of the same file that opens the
    databases it hands out (`db, err := sql.Open(...)`) and defers their Close: they
    are closed, with their statements, once the callback has run."""
    base = receiver
    while base is not None and base.type == "selector_expression":
        base = base.child_by_field_name("operand")
    args = literal.parent
    names = names_for(source, literal)
    if base is None or base.type != "identifier" or args is None or args.type != "argument_list" or \
            not names.declared_in(base, literal):
        return False
    callee = args.parent.child_by_field_name("function")
    binding = names.resolve(callee) if callee is not None and callee.type == "identifier" else None
    runner = binding.decl.parent if binding is not None and binding.kind == PACKAGE and binding.decl is not None \
        else None
    if runner is None or runner.type != "function_declaration":
        return False
    body = runner.child_by_field_name("body") if runner is not None else None
    opened, closed = set(), set()
    for node in walk(body, into_functions=False) if body is not None else ():
        if node.type in ("short_var_declaration", "assignment_statement"):
            right = node.child_by_field_name("right")
            values = right.named_children if right is not None else []
            if len(values) == 1 and values[0].type == "call_expression" and \
                    call_name(values[0], source)[1] in ("Open", "Connect", "MustConnect", "MustOpen"):
                opened.add(text(source, left_names(node)[0]))
        elif node.type == "defer_statement":
            call = next((c for c in node.named_children if c.type == "call_expression"), None)
            if call is not None and call_name(call, source)[1] == "Close":
                closed.add(call_name(call, source)[0])
    return bool(opened) and opened <= closed


def _transaction(receiver, func, source: bytes) -> bool:
    """Whether the receiver of a Prepare is a transaction: committed or rolled back in
    the function, or named like one."""
    operand = text(source, receiver) if receiver is not None else ""
    last = operand.rsplit(".", 1)[-1]
    if last.lower() in ("tx", "txn") or last.endswith(("Tx", "Txn")):
        return True
    _, methods = member_uses(func, receiver, source) if operand and "(" not in operand else (set(), set())
    return bool(methods & {"Commit", "Rollback"})


def close_fix(stmt, var: str, err: str, source: bytes):
    """`defer var.Close()` after the error check of the call (or after the call)."""
    return defer_after(stmt, err, f"{var}.Close()", source, f"defer {var}.Close()")


RULE = Rule(
    code="GL001",
    name="rows-not-closed",
    severity=Severity.ERROR,
    confidence=Confidence.HIGH,
    check=check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    triggers=(b"Query", b"Prepare", b"Rows"),
    # Every match the check reads calls one of its methods, or a method of the
    # package's own whose name holds `Query` or `Rows` (`QueryRows`).
    anchors=tuple(m.encode() for m in (*ROWS_METHODS, *STMT_METHODS, "Rows")),
    anchored=lambda source, start, end: _called_method(source, start, end),
    # In a `_test.go` file, only an Example's findings are of more than low confidence
    # (`_test_cost_ends`; the other reports skip test files).
    tests_shown=declares_example,
    options={"extra-methods": []},
    tags=("resource-leak", "database"),
    peers=(("sqlclosecheck", ""),),  # it reports rows and statements left open
    fix="safe",
    outside=("summaries", "callees:1"),
)
