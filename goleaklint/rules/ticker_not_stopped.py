"""
## What it does
Finds tickers and timers that are not stopped on every path, and `time.Tick` calls in
functions that return.

For `t := time.NewTicker(d)` and `t := time.NewTimer(d)` (or `=`, or `var t =
time.NewTicker(d)` in a function, alone or in a `var (...)` group) it follows `t` through the
function: a `defer t.Stop()`, a deferred closure that stops it, or `t.Stop()` on every
path to every `return` and to the end of the function keeps it quiet. A timer that has
fired needs no Stop, so a receive from `t.C` (`<-t.C`, the `case <-t.C:` of a
`select`, or a receive from a variable assigned `t.C`) counts as releasing a timer (not
a ticker, which fires again). Handing the ticker on ends the check on the path where it
happens: returned, passed to a call that may keep it, stored in a field (the struct's
owner stops it), sent, or used in a goroutine or closure. A helper of the same file
that stops its parameter counts as stopping it; passing it to a call that only reads
it (`fmt.Println(t)`) does not.

`time.Tick(d)` returns only the channel, so its ticker can never be stopped; nor can
that of `time.NewTicker(d).C`. They are reported except in `main` and `init` (and
function literals inside them), at package level, and in a function that never
returns: the call sits inside, or before, an endless `for` (`for { ... }`,
`for range time.Tick(d)`) that no `return` or `break` leaves. `for range t.C` never
ends by itself either, as a ticker's channel is never closed.

A timer is reported only where pending timers pile up: a path on which the loop that
made it goes round again (a `continue`, the end of the loop's body) or its variable gets
a new timer while it still runs. One left pending only where the function returns (or
leaves the loop) fires once and is gone, at most one per call. Timers are also left
alone when the function `Reset`s them (a re-armed timer belongs to a loop that lives as
long as its goroutine) and in `_test.go` files (a pending timer there lives as long as a
test). In a `_test.go` file, a ticker or `time.Tick` made once in a test function (`TestX`,
`BenchmarkX`, `FuzzX`, `ExampleX`, a suite's `TestX` method, a spec tree declared at package
level, or a goroutine or closure of one, in no loop's body) costs one ticker per run of the
test binary, and ends with it: not reported. A `time.Tick(d)`
returned directly (a wrapper of the time API) is its caller's business. Code of a
package (not package main) that only its tests reach is left alone too: an unexported
function, or a method of an unexported type, that the package's other files name only
inside functions reached the same way (never in an exported function, `init` or a
package-level variable), and that a `_test.go` file names: only a test binary runs it.

What test code still reports (`analysis/lifetime.test_code`: a `_test.go` file, a
test-support package such as `testutils` or `rafttest` or one that only test code of the
module imports, a function taking a `*testing.T`, a method of a type holding one; not an
`Example`, which users copy) is a `note` whose message says the ticker keeps firing until
the test binary exits: it wakes the runtime, but neither hangs nor fails a test, and its
cost ends with the test binary (the README's severity policy: hygiene). It is of low
confidence where the code confines that cost to a handful per test
(`lifetime.test_cost_only`, the answer every rule asks of test code: in a test or test
support, not a plain function of a `_test.go` file, which may be the code under test, and
in no loop's body on the way other than one over a table the source writes out, which
makes as many as the tests written out): a helper that tests call, a test server's method.
One made per turn of any other loop piles up while the test runs, and is shown.

Nor is one reported in a function after whose every call the process ends: each use of
its name in the package is a call in one file followed in its block, through plain
statements, by `panic`, `log.Fatal`, `os.Exit` and the like, in a function with no
`recover` (a profiler that returns only on error, whose starter then panics).

A ticker made outside any loop of a function that runs once per process is not
reported (`analysis/lifetime`, the answer every rule asks: `main`, `init`, a CLI
command action, a function only such code calls, `go record(done)` from `main`'s body
included, up through the module's other packages for an exported one, such as a
service's constructor that only a command's set-up calls; a loop over a collection
counts as once per element): at most one outlives the function, a loop that returns
only when the process shuts down, and the process's end stops it. Nor is a ticker, timer or `time.Tick` made outside a loop's body (a loop's header
counts as outside) anywhere in a program (`package main`, or a package under a `cmd`
directory; not its tests) in a declared function that its file never mentions inside a
loop: a command runs its actions once, a watch loop or a profiler until the process
exits, as GL011 holds for goroutines. One made in a loop, or in a function the file
calls in a loop or names inside a request handler (a function taking
`http.ResponseWriter` or `*http.Request`, or a gRPC method: it runs once per request, as
`go stream(done)` in a handler does), is reported.

Outside test code, a ticker or `time.Tick` is shown by default only where the code shows
its function running more than once (`analysis/lifetime.runs_again`, the answer GL005
and GL011 ask too): made in a loop that can go round without a bound, per request (an
HTTP handler, a gRPC method, streaming too, or a GraphQL resolver's method) or per
connection (a `net.Conn` or SSH session parameter), in a function that a caller in the
module calls so (a few callers up, other packages included), or in exported API of a
library (a package, not under `internal`, of a module with no command in its root folder
or under `cmd`, or a function or type its example programs name); or where it paces a wait that
returns when its work is done (a `break`, or a `return` of no error, that no select case
on another channel holds: `for range time.Tick(d) { if ready() { break } }`), which its
callers run again for the next piece of work (outside programs). Elsewhere (a component made once
at start-up, whose loop returns at shutdown; a callback) it is reported with low
confidence, shown with `--min-confidence low`: one ticker per process piles nothing up.
A `Close` or `Stop` of the owner that ends the loop but not its ticker is no evidence
here: it ends the loop it is meant to end.

Where the function hands the ticker on (stores it in a struct, returns it) on some paths
and leaks it on others, the advice is to stop it on the leaking paths: a `defer` in a
constructor would stop the ticker its struct keeps. So it is in a loop, where a `defer`
would wait for the function's end.

Not reported in a module built with Go 1.23 or later (the `go` line of the nearest
go.mod, unless it sets `godebug asynctimerchan=1`): since Go 1.23 the garbage collector
recovers an unreferenced ticker or timer that was never stopped, so nothing leaks. A
module's go line is a lower bound for every program that uses it. Files without a
go.mod (GOPATH mode) and under `testdata` get the old behaviour.

A `defer t.Stop()` evaluates `t` when the defer runs: after `t = time.NewTicker(d)`
replaces the ticker (a reset in a loop), the deferred call still stops the old one, and
the new ticker is reported, naming the earlier defer.

A `//nolint:staticcheck` on the line of a `time.Tick` finding suppresses it: staticcheck's
SA1015 reports the same leak.

## Why is this bad?
A ticker that is not stopped keeps firing: before Go 1.23 (and in modules whose go.mod
says an older version) the runtime holds it (and anything its channel keeps alive)
forever, even after nothing references it, and every tick costs a wake-up. A function that creates a ticker or uses `time.Tick` per call
(per request, per retry) adds one more each time. An unstopped timer lives until it
fires, which for long timeouts in a loop is a leak of its own.

## Example
```go
func poll(ctx context.Context) error {
    t := time.NewTicker(time.Second)
    for {
        select {
        case <-ctx.Done():
            return ctx.Err()
        case <-t.C:
            check()
        }
    }
}
```

## Use instead
```go
func poll(ctx context.Context) error {
    t := time.NewTicker(time.Second)
    defer t.Stop()
    for {
        select {
        case <-ctx.Done():
            return ctx.Err()
        case <-t.C:
            check()
        }
    }
}
```

## References
- [time: NewTicker](https://pkg.go.dev/time#NewTicker) ("Stop the ticker to release associated resources")
- [time: Tick](https://pkg.go.dev/time#Tick)
- [staticcheck SA1015](https://staticcheck.dev/docs/checks/#SA1015): using time.Tick in a way that will leak
"""

from __future__ import annotations

import bisect
import os
import re
from typing import Any, Iterator

from goleaklint.analysis.cfg import ends_process, loop_can_end, loop_exits
from goleaklint.analysis.gomod import collects_unstopped_timers
from goleaklint.analysis.lifetime import runs_again, runs_once, test_code, test_cost_only
from goleaklint.analysis.names import PACKAGE, names_for
from goleaklint.analysis.package import folder_files
from goleaklint.fixes import called_in_loop, defer_after, in_loop
from goleaklint.model import Confidence, Context, Fix, Report, Rule, Severity
from goleaklint.release import Release, analyze, leak_message, left_names, member_uses, shortest_fitting
from goleaklint.analysis.requests import serves_requests
from goleaklint.syntax import (
    FUNCTION_TYPES,
    LINE_COMMENT,
    ancestors,
    descendants,
    has_word,
    call_name,
    enclosing_function,
    in_program,
    once_per_test,
    is_test_file,
    named,
    per_file,
    start_up,
    statements,
    text,
    walk,
)

# `for range t.C` never ends by itself: the channel of a ticker or timer is never closed.
STOP_TICKER = Release(methods=("Stop",), endless_range="C")
STOP_TIMER = Release(methods=("Stop",), receive=True, endless_range="C")


# The kind of each pattern of the rule's query, in query order: matches are routed
# by pattern index.
PATTERNS = ("acquire", "acquire", "acquire", "tick", "tick")


def check(ctx: Context) -> Iterator[Report]:
    if collects_unstopped_timers(ctx.path):
        return  # Go 1.23+: an unreferenced ticker or timer is collected without Stop
    names = ctx.names

    def from_time(call) -> bool:
        resolved = names.qualified(call.child_by_field_name("function"))
        return resolved is not None and resolved[0] == "time"

    for index, captures in ctx.matches:
        if PATTERNS[index] == "tick":
            call = captures["tick"][0]
            _, name = call_name(call, ctx.source)
            returned = call.parent is not None and call.parent.type in ("expression_list", "return_statement") \
                and next((a for a in ancestors(call) if a.type != "expression_list"), None).type == "return_statement"
            if from_time(call) and not returned and not _lives_forever(call, ctx.source) and \
                    not _once_in_program(call, ctx) and not _once_per_test(call, ctx) and \
                    not _process_ends_after(call, ctx) and not _only_tests_reach(call, ctx):
                what, advice = ("time.Tick's ticker", "use time.NewTicker and defer its Stop") \
                    if name == "Tick" else ("a ticker never bound to a name", "keep the *time.Ticker and Stop it when done")
                test = _test_hygiene(call, ctx)
                message = f"{what} can never be stopped and this function returns, so each call leaks a ticker; {advice}"
                if test:
                    message = shortest_fitting(*(
                        f"{what} can never be stopped{returns}, so each call leaks {one} until the test binary "
                        f"exits; {advice}" for returns, one in ((" and this function returns", "a ticker"),
                                                                (" and this function returns", "one"), ("", "one"))))
                yield Report(call, message, severity=Severity.NOTE if test else None,
                             confidence=_test_confidence(call, ctx) if test else _unless_repeated(call, ctx, _bound(call)))
            continue
        stmt, call = captures["acquire"][0], captures["call"][0]
        _, func = call_name(call, ctx.source)
        left = left_names(stmt)
        if stmt.type == "var_spec":
            # `var t = time.NewTicker(d)`: followed from the declaration, a statement of its block
            left = stmt.children_by_field_name("name")
            stmt = stmt.parent.parent if stmt.parent.type == "var_spec_list" else stmt.parent
            if enclosing_function(stmt) is None:
                continue  # a package-level ticker lives as long as the process
        if not from_time(call) or len(left) != 1 or left[0].type != "identifier" \
                or ctx.text(left[0]) == "_":
            continue
        what = "ticker" if func == "NewTicker" else "timer"
        if what == "timer" and (is_test_file(ctx.path) or "Reset" in member_uses(
                enclosing_function(stmt), left[0], ctx.source)[1]):
            continue
        release = STOP_TICKER if what == "ticker" else STOP_TIMER
        outcome = analyze(stmt, left[0], release, ctx.source)
        if not leak_message(outcome, "stopped"):
            continue
        if what == "timer" and not _piles_up(outcome.verdict):
            continue  # left pending only as the function returns: it fires once and is gone
        if _once_per_process(stmt, ctx) or _once_in_program(stmt, ctx):
            continue  # one ticker per run of the process, not one per call
        if _process_ends_after(stmt, ctx):
            continue  # its only return ends the process
        if _once_per_test(stmt, ctx) or _only_tests_reach(stmt, ctx):
            continue  # one ticker per run of one test, or only a test binary runs it
        var = ctx.text(left[0])
        why = "keeps firing" if what == "ticker" else "lives until it fires"
        earlier = _earlier_deferred_stop(stmt, left[0], ctx.source)
        fix = stop_fix(stmt, var, ctx.source)
        if earlier:
            # the deferred call's receiver was evaluated before this ticker existed
            yield Report(call, shortest_fitting(*(
                f"{what} `{var}`{origin} is not stopped by the `defer {var}.Stop()` at line {earlier}, "
                f"which stops the earlier {what}, so it {why}; use defer func() {{ {var}.Stop() }}()"
                for origin in (f" from time.{func}", "")),
                f"{what} `{var}` is not stopped by the `defer {var}.Stop()` at line {earlier}, which stops "
                f"the earlier {what}; use defer func() {{ {var}.Stop() }}()"), fix=fix, confidence=_unless_repeated(stmt, ctx, left[0]))
            continue
        if outcome.verdict.handed_somewhere or in_loop(stmt):
            # kept by its new owner on other paths (a defer would stop it there too), or
            # made per iteration (a defer would wait for the function's end)
            advice, fix = f"call {var}.Stop() on those paths", None
        else:
            advice = f"defer {var}.Stop()"
        full, brief = leak_message(outcome, "stopped"), leak_message(outcome, "stopped", brief=True)
        if what == "timer" and not in_loop(stmt):
            # only a replacement piles up here: a deferred Stop would come too late
            advice, fix = f"call {var}.Stop() before it is replaced", None
        elif full.startswith("never") and fix is None and in_loop(stmt):
            advice = f"call {var}.Stop() before the loop goes round again"  # "those paths" would name none
        test = _test_hygiene(call, ctx)
        low = _test_confidence(call, ctx) if test else _unless_repeated(stmt, ctx, left[0])
        if test and what == "ticker":
            why += " until the test binary exits"
        yield Report(call, shortest_fitting(
            f"{what} `{var}` from time.{func} is {full}, so it {why}; {advice}",
            f"{what} `{var}` from time.{func} is {brief}, so it {why}; {advice}",
            f"{what} `{var}` is {brief}, so it {why}; {advice}",
            f"{what} `{var}` is {brief}; {advice}"), fix=fix, severity=Severity.NOTE if test else None, confidence=low)


def _unless_repeated(node: Any, ctx: Context, var: Any = None) -> Confidence | None:
    """LOW when the code does not show node running more than once per process
    (lifetime.runs_again), nor the ticker serving a wait (_waits): one ticker left
    running by a component made once costs one wake-up per period until the process
    exits, nothing piles up. (In a program a wait runs once per run, as far as the code
    shows.)"""
    waits = not in_program(ctx.path or "", ctx.names.package) and _waits(node, var, ctx)
    return None if waits or runs_again(node, ctx.names, ctx.root, ctx.source) else Confidence.LOW


def _waits(node: Any, var: Any, ctx: Context) -> bool:
    """Whether the ticker made at node (bound to the identifier var, if any) paces a
    wait or retry loop, which ends on a condition of its own: a loop of its function
    that ranges over it or uses var is left by a `break` or a `return` of work done
    (_done_return) that no select case on another channel holds (`for range
    time.Tick(d) { if ready() { break } }`). Such a
    function returns when its work is done, to be called for the next one; a loop left
    only through a done or close channel's case returns at its owner's shutdown."""
    func = enclosing_function(node)
    body = func.child_by_field_name("body") if func is not None else None
    decl = ctx.names.resolve(var).decl if var is not None else None
    uses = [i for i in named(ctx.root, ctx.source, ctx.text(var)) if ctx.names.resolve(i).decl == decl] \
        if decl is not None else []

    def uses_it(scope: Any) -> bool:
        return any(scope.start_byte <= i.start_byte < scope.end_byte for i in uses)

    for loop in descendants(body, ("for_statement",), into_functions=False) if body is not None else ():
        header = next((c for c in loop.named_children if c.type in ("range_clause", "for_clause")), None)
        ranges = header is not None and header.start_byte <= node.start_byte < header.end_byte
        if not ranges and not uses_it(loop):
            continue
        for exit in loop_exits(loop, ctx.source, never_returning=False):
            if exit.type != "break_statement" and not _done_return(exit):
                continue
            case = next((a for a in ancestors(exit) if a == loop or a.type == "communication_case"), loop)
            if case == loop or ranges or uses_it(case.child_by_field_name("communication") or case):
                return True
    return False


def _test_hygiene(node: Any, ctx: Context) -> bool:
    """Whether node is test code other than an Example (which users copy): a `_test.go`
    file, a test-support package, a function taking a `*testing.T` (lifetime.test_code);
    not a test program (package main), which is no test binary.
    A ticker left running there wakes the test binary once per period until it exits,
    but it neither hangs nor fails a test: a note."""
    return test_code(node, ctx.names, ctx.path or "") and not ctx.names.in_example(node) and \
        ctx.names.package != "main"  # a test program's ticker ends with it, not with a test binary


def _test_confidence(node: Any, ctx: Context) -> Confidence | None:
    """LOW for a test's ticker whose cost the code confines to the test binary
    (lifetime.test_cost_only: run in a test, in no loop on the way but over a table
    written out): a handful made per test wake the runtime until the binary exits, and
    no test hangs or fails for them."""
    return Confidence.LOW if test_cost_only(node, ctx.names, ctx.path or "", ctx.source) else None


def _once_per_process(stmt: Any, ctx: Context) -> bool:
    """Whether stmt runs once per process (lifetime.runs_once: outside any loop of a
    function that runs once, a bounded loop of a caller or a `go` statement included):
    at most one ticker outlives it, and the process's end stops that one."""
    return runs_once(stmt, ctx.names, ctx.root, ctx.source, programs=False, single=False)


def _once_in_program(stmt: Any, ctx: Context) -> bool:
    """Whether stmt is made once per run of a program (`package main`, or a package
    under `cmd`; not its tests): outside a loop, in a declared function that its file
    never mentions inside a loop (a command's action, a watch loop that runs until the
    process exits)."""
    func = enclosing_function(stmt)
    if func is None or func.type == "func_literal" or _in_loop_body(stmt) or is_test_file(ctx.path) or \
            not in_program(ctx.path, ctx.names.package):
        return False
    return not called_in_loop(func, ctx.root, ctx.source) and not _called_per_request(func, ctx)


def _called_per_request(func: Any, ctx: Context) -> bool:
    """Whether the file names the declared function func (the package's function, as
    the names resolve) inside a request handler (`go play(track)` in an
    `addTrack(w http.ResponseWriter, r *http.Request)`): it runs once per request."""
    decl = func.child_by_field_name("name")
    if decl is None or func.type != "function_declaration":
        return False
    for mention in named(ctx.root, ctx.source, text(ctx.source, decl)):
        if mention == decl or mention.type != "identifier" or ctx.names.resolve(mention).kind != PACKAGE:
            continue
        if any(serves_requests(outer, ctx.source, ctx.names)
               for outer in ancestors(mention) if outer.type in FUNCTION_TYPES):
            return True
    return False


def _once_per_test(node: Any, ctx: Context) -> bool:
    """Whether node is made once per run of one test (see syntax.once_per_test)."""
    return once_per_test(node, ctx.path or "", ctx.source)


# A top-level declaration's first line (gofmt's layout) and, for a function, its receiver
# type and name.
_TOP_LEVEL = re.compile(rb"^(func|type|var|const|import)\b", re.M)
_DECLARED_FUNC = re.compile(rb"func\s*(?:\(\s*\w*\s*\*?\s*(\w+)[^)]*\)\s*)?(\w+)")


def _only_tests_reach(node: Any, ctx: Context) -> bool:
    """Whether the declared function or method around node (not in a `_test.go` file or
    package main) is reached only from the package's tests: the unexported function, or
    the unexported type of the method, is named in the package's other code only inside
    functions that are themselves reached that way (at most four calls deep), never in an
    exported function, `init`, or a package-level variable, and a `_test.go` file of the
    folder names one of them. Nothing but a test binary runs it, and a test binary's
    tickers end with it. (Code that nothing names at all stays reported.)"""
    func = enclosing_function(node)
    while func is not None and func.type == "func_literal":
        func = enclosing_function(func)
    if func is None or is_test_file(ctx.path) or ctx.names.package == "main":
        return False
    if func.type == "method_declaration":
        receiver = _DECLARED_FUNC.match(ctx.source, func.start_byte)
        start = receiver.group(1) if receiver is not None else None
    else:
        start = ctx.text(func.child_by_field_name("name")).encode()
    if not start:
        return False
    facts = ctx.names.facts
    sources = [LINE_COMMENT.sub(b"", source) for source in [ctx.source] + (facts.sources() if facts else [])]
    seen: set[bytes] = set()
    if _reached(start, sources, 4, seen):
        return False
    tests = [LINE_COMMENT.sub(b"", source) for name, source in folder_files(os.path.dirname(ctx.path) or ".") or ()
             if name.endswith("_test.go")]
    return any(re.search(rb"\b" + re.escape(name) + rb"\b", source) for name in seen for source in tests)


def _reached(name: bytes, sources: list[bytes], depth: int, seen: set[bytes]) -> bool:
    """Whether code outside the tests may run what name (an unexported function, or the
    unexported type of a method) declares: see _only_tests_reach. Textual, on gofmt's
    layout: a mention belongs to the last top-level declaration above it."""
    if name[:1].isupper() or name in (b"main", b"init") or depth == 0:
        return True
    if name in seen:
        return False
    seen.add(name)
    word = re.compile(rb"\b" + re.escape(name) + rb"\b")
    for source in sources:
        tops = list(_TOP_LEVEL.finditer(source))
        starts = [top.start() for top in tops]
        for mention in word.finditer(source):
            index = bisect.bisect_right(starts, mention.start()) - 1
            if index < 0:
                return True
            top = tops[index]
            kind = top.group(1)
            if kind == b"type":
                continue  # a type's declaration makes no value and runs nothing
            if kind != b"func":
                return True  # a package-level variable or constant
            if b"\n" not in source[top.start():mention.start()]:
                continue  # the function's own signature: its name, receiver or parameters
            declared = _DECLARED_FUNC.match(source, top.start())
            if declared is None or _reached(declared.group(1) or declared.group(2), sources, depth - 1, seen):
                return True
    return False


def _process_ends_after(node: Any, ctx: Context) -> bool:
    """Whether node sits in a declared function after whose every call the process ends:
    each use of its name in the package is a call in this file, followed in its block
    (by plain statements only) by a call that ends the process (`err := profile();
    log.Println(err); panic(err)`), in a function that recovers nothing. The function's
    return is the process's end, so what it leaves running dies with it."""
    func = enclosing_function(node)
    if func is None or func.type not in ("function_declaration", "method_declaration"):
        return False
    declared = func.child_by_field_name("name")
    name = ctx.text(declared)
    facts = ctx.names.facts
    if any(has_word(other, name.encode()) for other in (facts.sources() if facts is not None else ())):
        return False  # called elsewhere in the package too
    uses = [n for n in named(ctx.root, ctx.source, name) if n != declared]
    return bool(uses) and all(_ends_process_after_call(use, ctx) for use in uses)


_PLAIN_STATEMENTS = ("expression_statement", "short_var_declaration", "assignment_statement", "var_declaration")


def _ends_process_after_call(use: Any, ctx: Context) -> bool:
    """Whether use names the function of a call (`f(...)`, `x.f(...)`) whose statement is
    followed, through plain statements, by a call that ends the process."""
    callee = use.parent if use.parent is not None and use.parent.type == "selector_expression" else use
    call = callee.parent
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != callee:
        return False
    statement = call.parent
    if statement is not None and statement.type == "expression_list":
        statement = statement.parent
    if statement is None or statement.type not in _PLAIN_STATEMENTS or \
            statement.parent is None or statement.parent.type != "statement_list":
        return False
    caller = enclosing_function(statement)
    if caller is None or has_word(ctx.text(caller).encode(), b"recover"):
        return False
    after = statement.next_named_sibling
    while after is not None and after.type in _PLAIN_STATEMENTS + ("comment",):
        if after.type == "expression_statement" and after.named_children and \
                ends_process(after.named_children[0], ctx.source):
            return True
        if any(n.type in ("return_statement", "func_literal") for n in walk(after)):
            return False
        after = after.next_named_sibling
    return False


def _in_loop_body(node: Any) -> bool:
    """Whether node runs on every iteration of a loop of its function: in a loop's body,
    not in the header (`for t := range time.NewTicker(d).C` makes one ticker)."""
    for parent in ancestors(node):
        if parent.type in FUNCTION_TYPES:
            return False
        body = parent.child_by_field_name("body") if parent.type == "for_statement" else None
        if body is not None and body.start_byte <= node.start_byte < body.end_byte:
            return True
    return False


def _piles_up(verdict: Any) -> bool:
    """Whether a timer left pending on some path is followed, while it still runs, by
    another: its loop goes round again (a `continue`, the end of the loop's body) or its
    variable gets a new timer. One left pending only where the function returns (or
    leaves the loop) fires once and is gone, so nothing accumulates."""
    return any(e.kind in ("continue", "reassign", "reacquire") or
               (e.kind == "scope" and e.node.parent is not None and e.node.parent.type == "for_statement")
               for e in verdict.leaks)


def stop_fix(stmt: Any, var: str, source: bytes) -> Fix | None:
    """`defer var.Stop()` after `var := time.NewTicker(d)` in a function that returns
    (a defer in a function that never returns would never run)."""
    func = enclosing_function(stmt)
    if stmt.type != "short_var_declaration" or func is None or not _defers_run(func, source):
        return None
    return defer_after(stmt, "", f"{var}.Stop()", source, f"defer {var}.Stop()")


@per_file
def _defers_run(func: Any, source: bytes) -> bool:
    """Whether a defer in func can run: it returns, or does not end in an endless loop
    (asked once per function, not once per ticker)."""
    body = func.child_by_field_name("body")
    last = (statements(body) or [None])[-1]
    endless = last is not None and last.type == "for_statement" and \
        not loop_can_end(last, source)
    return not endless or any(n.type == "return_statement" for n in walk(body, into_functions=False))


def _earlier_deferred_stop(stmt: Any, target: Any, source: bytes) -> int:
    """The line of a `defer var.Stop()` before a plain `var = time.NewTicker(...)` (target:
    var), of the same variable: the deferred call's receiver was evaluated then, so it
    stops the old value only."""
    if stmt.type != "assignment_statement":
        return 0
    func = enclosing_function(stmt)
    body = func.child_by_field_name("body") if func is not None else None
    names = names_for(source, target)
    for node in walk(body, into_functions=False) if body is not None else ():
        if node.start_byte >= stmt.start_byte:
            break
        if node.type == "defer_statement":
            call = next((c for c in node.named_children if c.type == "call_expression"), None)
            function = call.child_by_field_name("function") if call is not None else None
            if function is not None and function.type == "selector_expression" \
                    and call_name(call, source)[1] == "Stop" \
                    and names.same_path(function.child_by_field_name("operand"), target):
                return node.start_point[0] + 1
    return 0


def _lives_forever(call: Any, source: bytes) -> bool:
    """main, init, package level, or inside/before an endless loop nothing leaves."""
    func = enclosing_function(call)
    if func is None:
        return True
    outer = func
    for parent in ancestors(call):
        if parent.type in ("function_declaration", "method_declaration"):
            outer = parent
    if start_up(outer, source):
        return True
    for parent in ancestors(call):
        if parent.type in FUNCTION_TYPES:
            break
        if parent.type == "for_statement" and _endless(parent, call, source):
            return True
    body = func.child_by_field_name("body")
    statement = next((a for a in ancestors(call) if a.parent is not None
                      and a.parent.parent is not None and a.parent.parent == body), None)
    if statement is None:
        return False
    after = statement.next_named_sibling
    between = [statement]
    while after is not None:
        if after.type == "for_statement" and _endless(after, call, source):
            return not any(n.type == "return_statement"
                           for s in between for n in walk(s, into_functions=False))
        between.append(after)
        after = after.next_named_sibling
    return False


def _endless(loop: Any, call: Any, source: bytes) -> bool:
    """A for with no condition (or ranging over the Tick call) that no return leaves
    and no break ends."""
    header = next((c for c in loop.named_children if c.type not in ("block", "comment")), None)
    if header is not None:
        right = header.child_by_field_name("right") if header.type == "range_clause" else None
        ranges_over_call = right is not None and \
            right.start_byte <= call.start_byte and call.end_byte <= right.end_byte
        bound = _bound(call)
        if right is None or not (ranges_over_call or bound is not None and
                                 names_for(source, right).same_path(right, bound) or _tick_channel(right, source)):
            return False
    return not loop_exits(loop, source, never_returning=False)


def _tick_channel(expr: Any, source: bytes) -> bool:
    """Whether expr is a local bound to `time.Tick(d)` (another ticker's channel, which is
    never closed either: `for range tick` ends only through break or return)."""
    if expr.type != "identifier":
        return False
    names = names_for(source, expr)
    binding = names.reaching(expr, expr)
    value = binding[1] if binding is not None else None
    if value is None or value.type != "call_expression":
        return False
    resolved = names.qualified(value.child_by_field_name("function"))
    return resolved is not None and resolved[0] == "time" and call_name(value, source)[1] == "Tick"


_DONE_VALUES = ("nil", "true", "false", "interpreted_string_literal", "raw_string_literal", "int_literal")


def _done_return(node: Any) -> bool:
    """A `return` of work done: no values, or a last value that is `nil`, a boolean or
    a literal (`return nil`, `return v, nil`); not an error (`return err`,
    `return ctx.Err()`), which a loop meant to run until shutdown returns."""
    if node.type != "return_statement":
        return False
    values = node.named_children[0].named_children if node.named_children and \
        node.named_children[0].type == "expression_list" else node.named_children
    return not values or values[-1].type in _DONE_VALUES


def _bound(call: Any) -> Any | None:
    """The identifier `tick` of `tick := time.Tick(d)`, or None."""
    values = call.parent
    stmt = values.parent if values is not None else None
    if stmt is None or stmt.type not in ("short_var_declaration", "assignment_statement") \
            or values.named_child_count != 1:
        return None
    left = stmt.child_by_field_name("left")
    return left.named_children[0] if left is not None and left.named_child_count == 1 and \
        left.named_children[0].type == "identifier" else None


def _bound(call: Any) -> Any | None:
    """`tick` in `tick := time.Tick(d)`."""
    values = call.parent
    stmt = values.parent if values is not None else None
    if stmt is None or stmt.type not in ("short_var_declaration", "assignment_statement") \
            or values.named_child_count != 1:
        return None
    left = stmt.child_by_field_name("left")
    return left.named_children[0] if left is not None and left.named_child_count == 1 else None


RULE = Rule(
    code="GL010",
    name="ticker-not-stopped",
    severity=Severity.WARNING,
    confidence=Confidence.MEDIUM,
    check=check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    triggers=(b"NewTicker", b"NewTimer", b"Tick("),
    anchors=(b"NewTimer", b"Tick"),  # the name of each pattern's call (NewTicker holds Tick)
    tags=("resource-leak", "timer"),
    peers=(("staticcheck", r"^time\.Tick's"),),  # SA1015: time.Tick outside an endless function
    fix="safe",
    outside=("summaries", "callers"),  # callers: who calls a function (_once_per_process)
)
