"""
## What it does
Finds goroutines whose body loops forever with no way out.

That is a `go func() { ... }()`, or `go f()` / `go s.f()` where `f` is a function
literal variable or a function or method declared in the same file (methods matched
by name when the file declares only one method of that name), whose body contains a
`for { ... }` loop with no condition and no `return`, no `break` or `goto` out of the
loop, no `panic`/`os.Exit`/`log.Fatal`/`runtime.Goexit` inside it, and no call that
panics on an error it is handed (`conn := runtimex.Try1(l.Accept())`, `must(err)`,
`PanicOnError(err, "read")`, a function of the file that panics) when the goroutine's
function defers a recover (`defer func() { recover() }()`, a deferred call named for
it, `defer runtimex.CatchLogAndIgnorePanic(...)`, or a function of the file calling
`recover`): a closed connection or listener fails the call, and the recovered panic
ends the goroutine. A `select` case on
`<-ctx.Done()` that only logs and loops again is not a way out.

It also finds a goroutine whose `for range` loop, with no `return` or `break`, ranges over
a channel that nothing closes: a ticker's or timer's `C` (`Stop` does not close it; a
`*time.Ticker` or `*time.Timer` parameter or field is known by its declared type),
`time.Tick(d)`, or a `make(chan T)` of the same function that is never closed and never
leaves it (only sent to, received from or ranged over; a channel handed to
`signal.Notify` leaves it, and a goroutine ranging over signals is a handler meant to
live as long as the process), or an unexported field channel (`for j := range p.jobs`)
that no file of the folder does anything with but send, receive, range, take its
`len`/`cap` or set to a new `make(chan ...)`: nothing in the package closes it. The other
files are read from disk for this, tests included; comments are ignored, strings are not.
An exported field channel of a type of the package (`for c := range m.proxy.Ch`) is
reported the same way only when the package also sends on it and the type has a `Close`,
`Stop` or `Shutdown` method, which the message names: the package feeds the channel and
ends the value, so closing it is the package's job, not its users' (a type without such a
method, or a channel only its users send on, is left to them), and the goroutine outlives
every value closed, which is evidence enough (as for a ticker a `Close` stops).
Such a data channel's range (not a timer's) is reported too when its every way out (a
`return` or `break`) runs only after another value arrives and is not decided by that
value: it sits under an `if`, `switch` or select case that does not name the range's
variables (`for m := range s.out { if !s.isOpen() { break } ... }`). Once the senders
stop, it waits forever. Not when the exit tests the received value (`if m == nil {
return }`: a stop value the senders send), nor when a function named for the end of
the value's life (`Close`, `Stop`) sends on the field (it wakes the loop to leave).
A ticker's or timer's range (`for range t.C` in a goroutine literal) is reported the
same way when the function that starts the goroutine stops that ticker itself (`defer
t.Stop()`, outside the goroutine): after the Stop no tick comes, and a way out that
runs only on a tick (`if r.stopping() { return }`) is never reached. Not when the
starter waits for the goroutine's end first (`wg.Wait()` for its `wg.Done()`, or a
receive from a channel it sends to or closes). So is a goroutine literal that, before
anything that can return, waits on a plain receive from its starter's ticker or timer
(`<-t.C`, `v := <-t.C`, not a `select`) that the starter stops itself outside the
goroutine (`defer t.Stop()`): when the Stop comes before the timer fires, nothing ever
arrives. The Stop scopes the timer, and the goroutine, to one call of the starter, so
this one is reported even where the package does not show the start repeating.

A goroutine literal whose first statement waits only on `<-ctx.Done()` (a plain receive,
or a `select` without `default` whose every case receives from it), where `ctx` is a
parameter of the declared function starting it that this function neither rebinds nor
compares (`if ctx.Done() != nil { go ... }`), is reported when a function of the same file
calls that function with `context.Background()` or `context.TODO()` there (`func (e
*Engine) Run() error { return e.RunContext(context.Background()) }`): their `Done()` is
nil, so for every such call the goroutine blocks forever. It is shown where that call runs
again (`analysis/lifetime.runs_again`), of low confidence elsewhere and in test code whose
cost the code confines to the test binary (`lifetime.test_cost_only`), and not reported
where it runs once per process.

Silent for other `for range ch` loops (they end when the channel is closed), loops with a
condition, loops that return on an error or on a done channel, and goroutines that can
return before they reach the loop (`if !enabled { return }`). A `for range
time.Tick(d)` (or `time.NewTicker(d).C`) goroutine started outside a loop is not reported
either: that ticker can never be stopped, so its author meant the loop to run as long as the
process (the use staticcheck's SA1015 allows, in an endless function). Goroutines meant to
live as long as the process are not reported: started from `main` or `init`, inside
a `once.Do(func() {...})` (a `sync.Once` whose name says so) or `sync.OnceFunc`, behind
a guard of their own (inside `if atomic.CompareAndSwap...(...)`, after an early
`if v != nil { return }` on a package-level variable the function then sets, or after
`if x, ok := m[k]; ok { return x }` on a package-level map it then stores the key in:
one per key, kept by the map for the life of the process), topped up to a bound by a
package-level counter (`for workers < limit { go worker(); workers++ }`: the process
starts at most that many), or
anywhere in a program (`package main`, or a package under a `cmd` directory, Go's
layout for commands) outside a loop: a command sets its goroutines up once and they end
with it. A goroutine a program starts inside a loop is reported.

Here and below, a loop over a collection or a count is not "a loop" (`for _, l := range
cfg.Listen`, `for k := range m` with m a map, `for i := 0; i < n; i++`, `for i := range
n`): it starts one goroutine per element each time its function runs, so the function
around it decides whether the start repeats, as for a go statement outside any loop. A
`for {}`, a loop on a condition alone, or a range over a channel, a function or a value
whose type the source does not state (with one iteration variable) can go round without
end, and a go statement in one is started again and again. Test files are not
checked: a test binary's goroutines end with it. In other test code (test support: a
function taking a `*testing.T`, a package named for test helpers or that only test code
imports; `analysis/lifetime.test_code`), a goroutine that waits between its turns (a
range over a channel or a ticker, a receive, a send or a select without `default`) is of
low confidence where the code confines it to the test binary (`lifetime.test_cost_only`:
not started in a loop's body other than one over a table written out, nor in a package
whose tests check for leaked goroutines with goleak, a leak check of their own or
`leaktest.Check` in the same test): idle, it neither hangs nor fails a test. One with no such wait may spin (an
`Accept` loop that goes on after its listener is closed burns a CPU for the rest of the
run) and stays shown.

A goroutine ranging over the `C` of a ticker or timer kept in a field (`for range
c.ticker.C`) is reported wherever it is started when the file stops that field's ticker on
a value of the same type (`c.ticker.Stop()` in a release method): the ticker's life ends
there and the goroutine's does not, so it outlives the value it serves.

A goroutine leaks only if the code that starts it runs more than once, so it is not
reported either when the package shows that its start runs once per process
(`analysis/lifetime`, the answer every rule asks): the function starting it (not in a
loop or a function literal) is a CLI framework's command action (cobra's `Run`,
urfave/cli's, kingpin's, kong's), or changes the whole process
(`os.Exit`, `flag.Parse`, `os.Setenv`, `os.Chdir`, `signal.Notify`,
`debug.SetGCPercent`, directly or through a function of the package, such as a
command's `exitWithError`: set-up code or a command's run); it is a
method of an unexported type called only on package-level variables (the value lives as
long as the process); or it is unexported and the package only hands it to `Do` of a
package-level `sync.Once`, calls it in a package-level variable's initialiser (`var
cache = newCache()`), or calls it from such functions (up to five callers up), never
in a loop or a function literal (one called on the spot, `go func() { ... }()`, counts
as the function around it; one that is itself a command action counts as one). An
exported function, or an exported method of an exported type, counts when the
package's every call of it is in a program's set-up code (main, init, or a function
that changes the process), or when the module's other packages call it (their non-test
files, outside test and example folders, read from disk for this) and every call, in
its package and in theirs, runs once by these rules or sits in a program (package
main, or under `cmd`) outside a loop: a service's constructor that only its daemon's
set-up calls. Library users outside the module are not seen, so a function the module
never calls, or one the module's example programs name (a library's API), is not
counted as once; but a caller on the way up that nothing in the module calls, an
exported function of an application's package (an entry point for an embedding app),
adds no run. The other files of the package are read for the callers. A goroutine that registers for the process's signals itself (its body calls
`signal.Notify`, or a function of its file that does) is a signal handler, and is not
reported. A `Once` kept in a field runs once per value, so that start is still reported.
Nor does a start once per process keep a loop whose stop case only `break`s out of its
`select` from being reported: its author meant it to stop, and it does not.

Nor is it reported when the package does not show the start running more than once:
only a start the package shows repeating, a value the goroutine outlives, or a stop the
loop misses is a leak the code states. A select case that only waits for a signal and
ends in a plain `break` (`case <-s.done: break`) is such a stop: it leaves the select,
not the loop, and the goroutine goes on after it was told to stop, however often it
is started. Reported are a go statement in a loop or in a function literal (a
callback), one serving a value whose type has a method that ends it (`Close`, `Stop`,
`Shutdown`, `Terminate`, `Release`, `Cancel`, exported or not: the receiver of the
method it runs or starts it from, or the type of this package its starting function
returns), and one whose starting function the package's other code mentions in a loop,
in a function literal or as a value (`mux.HandleFunc("/", s.serve)`), or calls from a
function it mentions so (up to three callers up; a method's mention counts when the
source states the receiver's type). An application's constructor, a checker
registered at start-up or a debug detector that only another package starts (once)
is meant to run as long as the process, and the package cannot tell it from a
library's per-call constructor: neither is reported.

Of those reported, one is shown by default only where the code shows its start
repeating (`analysis/lifetime.runs_again`, the answer GL005 and GL010 ask too): started
per request (an HTTP handler, a gRPC or GraphQL method) or per connection (a `net.Conn`
or SSH session parameter), in a loop that can go round without a bound, from a function
that a caller in the module calls so (a few callers up, other packages included), by
exported API of a library (a package, not under `internal`, of a module with no command
in its root folder or under `cmd`, or a function or type its example programs name), or
serving a value whose `Close`/`Stop` does something but does not end it: in a library's
package, or a test helper's (a library's users, or the tests, may close one and make
another), and in an application's package where its code shows a function that makes
such a value (one that returns it) running again, per request or in a loop (a
constructor that only its commands call makes one per process); or where it shows its
own broken stop (a `break` that leaves only the select, a ticker its starter stops, a
field's ticker stopped on release). The others (a start in a callback, a value handed
on, a loop over start-up configuration, a type whose `Stop` does nothing) are reported
with low confidence, shown with `--min-confidence low`: a goroutine started once lives
as long as the process and piles nothing up. So is one whose only evidence is a library's
API (its users may call it again) when it serves only values of the package's types none
of which declares a method that ends it (`Close`, `Stop`, ...: `lifetime.ends`), the
receiver of the method it runs or of its starter, the type its starter returns, or a value
whose methods it calls: a value with no way to stop it is meant to live as long as the
process keeps it, and a leak needs users who make many, which the code does not show.

The message says what the loop does forever only as far as the code shows it: a
`select` with a `default` case spins, one with a timer case (`time.After`, a ticker)
keeps waking, a plain receive blocks once nobody sends; a `time.After(d)` or
`time.NewTimer(d)` made before the loop, and neither made again nor `Reset` in it,
fires once, so it does not keep the loop waking; a `range` inside the loop may be
over a slice, so it is not called a receive, and a send, receive or select later in the
loop is named instead of it. Where a plain `break` in a `select` of the loop (a done or
ctx case meant to stop) leaves only the select, the advice names that `break` and says
to return instead, rather than to add a ctx.Done() exit the loop may already have.

## Why is this bad?
A goroutine that cannot return holds its stack, and everything it references, until
the process exits. A worker `for { job := <-jobs; ... }` blocks forever on the receive
once the producer is gone; a poller `for { time.Sleep(d); poll() }` keeps running after
its owner was closed, and each new owner starts another one. They show up as a
goroutine count that only grows (`runtime.NumGoroutine`, pprof's goroutine profile)
and as `goleak` failures in tests.

## Example
```go
func (c *Cache) start() {
	go func() {
		t := time.NewTicker(time.Minute)
		for {
			<-t.C
			c.evict()
		}
	}()
}
```

## Use instead
```go
func (c *Cache) start(ctx context.Context) {
	go func() {
		t := time.NewTicker(time.Minute)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				c.evict()
			case <-ctx.Done():
				return
			}
		}
	}()
}
```
Give every long-lived goroutine a way to stop (a context, a done channel, or a
channel its owner closes and it ranges over), and have the owner wait for it.

## References
- [Go blog: Pipelines and cancellation](https://go.dev/blog/pipelines)
- [uber-go/goleak](https://github.com/uber-go/goleak)
- [Go Code Review Comments: Goroutine Lifetimes](https://go.dev/wiki/CodeReviewComments#goroutine-lifetimes)
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from goleaklint.analysis.cfg import has_endless_header, loop_exits, repeats
from goleaklint.analysis.lifetime import (
    PackageFiles,
    changes_process,
    ends,
    function_once,
    mentions,
    once_per_package,
    process_lifetime,
    result_type,
    runs_again,
    test_cost_only,
)
from goleaklint.analysis.names import LOCAL, PACKAGE, Names, declaring_statement, names_for, receiver_type
from goleaklint.analysis.package import folder_sources
from goleaklint.analysis.types import types_for
from goleaklint.fixes import in_loop
from goleaklint.analysis.channels import ENDING, field_owner, joined, line, received_channel, same_channel, strip_parens
from goleaklint.model import Confidence, Context, Report, Rule, Severity, Span, span_of
from goleaklint.release import shortest_fitting
from goleaklint.analysis.locks import flag_guard, held_locks
from goleaklint.syntax import (
    FUNCTION_TYPES,
    LINE_COMMENT,
    ancestors,
    arguments,
    assignments,
    call_name,
    declared,
    descendants,
    enclosing_function,
    function_name,
    has_word,
    in_program,
    is_test_file,
    make_channel,
    start_up,
    statements,
    text,
    walk,
    within,
)


def _declared(root: Any, source: bytes, name: str, method: bool) -> Any | None:
    """The one top-level function (or method) of this file called name."""
    found = declared(root, source, name, "method_declaration" if method else "function_declaration")
    return found[0] if len(found) == 1 else None


def first_wait(loop: Any, source: bytes) -> Any | None:
    """The first place the loop body blocks on a channel: a receive, a send or a select;
    failing those, the first range (over a slice or a channel: the code does not say)."""
    body = loop.child_by_field_name("body")
    if body is None:
        return None
    ranged = None
    for node in walk(body, into_functions=False):
        if node.type in ("select_statement", "send_statement"):
            return node
        if received_channel(node) is not None:
            return node
        if node.type == "range_clause" and ranged is None:
            ranged = node
    return ranged


# The kind of each pattern of the rule's query, in query order: matches are routed
# by pattern index.
PATTERNS = ("literal", "callee", "method")


def _target(kind: str, captures: dict, ctx: Context) -> Any | None:
    """The function the go statement runs, when this file shows its body."""
    if kind == "literal":
        return captures["literal"][0]
    if kind == "callee":
        callee = captures["callee"][0]
        binding = ctx.names.resolve(callee)
        if binding.kind == LOCAL:  # a parameter (a function passed in) or a variable
            assigned = ctx.names.reaching(callee, callee)
            value = assigned[1] if assigned is not None else None
            return value if value is not None and value.type == "func_literal" else None
        declaration = declaring_statement(binding.decl) if binding.kind == PACKAGE and binding.decl is not None else None
        return declaration if declaration is not None and declaration.type == "function_declaration" else None
    call = captures["method"][0].parent.parent
    return ctx.types.called(call)  # the method of the operand's declared type


def _endless_loops(func: Any, source: bytes) -> Iterator[tuple[Any, str | None]]:
    """(loop, why its range never ends): `for {}` loops (why None), and `for range` over a
    channel that nothing closes."""
    body = func.child_by_field_name("body")
    if body is None:
        return
    for node in descendants(body, ("for_statement",), into_functions=False):
        if has_endless_header(node):
            yield node, None
            continue
        header = next((c for c in node.named_children if c.type == "range_clause"), None)
        channel = header.child_by_field_name("right") if header is not None else None
        why = _never_closed(channel, source) if channel is not None else None
        if why is not None:
            yield node, why


def _later_value_exit(loop: Any, exits: list[Any], source: bytes, timers: bool = False) -> Any | None:
    """The first way out of a range over a data channel (not a timer's) when every way
    out runs only after another value arrives and is not decided by that value: each
    sits under an `if`, `switch` or select case whose condition does not name the
    range's variables (`ws := remote.socket(); if ws == nil { break }`). A sentinel the
    senders send (`if msg == nil { return }`, `switch m.kind`) or a one-value wait (an
    unconditional return) is an end the senders control: None."""
    header = next((c for c in loop.named_children if c.type == "range_clause"), None)
    channel = header.child_by_field_name("right") if header is not None else None
    if channel is None or channel.type not in ("identifier", "selector_expression") or (
            channel.type == "selector_expression" and
            (text(source, channel.child_by_field_name("field")) == "C") != timers):
        return None
    left = header.child_by_field_name("left")
    values = {text(source, n) for n in walk(left) if n.type == "identifier"} - {"_"} if left is not None else set()
    for exit in exits:
        if exit.type not in ("return_statement", "break_statement"):
            return None
        conditions = []
        for holder in ancestors(exit):
            if holder == loop:
                break
            if holder.type in ("if_statement", "expression_switch_statement", "type_switch_statement"):
                for field in ("condition", "initializer", "value"):
                    part = holder.child_by_field_name(field)
                    if part is not None:
                        conditions.append(part)
            elif holder.type == "communication_case":
                conditions.append(holder.child_by_field_name("communication"))
        if not conditions or any(
                values & {text(source, n) for n in (part, *walk(part)) if n.type == "identifier"}
                for part in conditions if part is not None):
            return None
    return exits[0]


def _stopped_by_starter(loop: Any, exits: list[Any], go: Any, func: Any, source: bytes) -> tuple[Any, Any] | None:
    """(the first way out, the Stop call) for a goroutine literal whose range over a
    ticker's or timer's `t.C` leaves only after another tick, as `_later_value_exit`
    reads it, while the function that starts it stops that ticker (`defer t.Stop()`,
    `t.Stop()`, outside the goroutine): after the Stop no tick comes, and the goroutine
    waits forever. None otherwise."""
    if func.type != "func_literal" or not exits:
        return None
    later = _later_value_exit(loop, exits, source, timers=True)
    header = next((c for c in loop.named_children if c.type == "range_clause"), None)
    channel = header.child_by_field_name("right") if header is not None else None
    timer = channel.child_by_field_name("operand") if channel is not None and \
        channel.type == "selector_expression" else None
    if later is None or timer is None or timer.type != "identifier":
        return None
    stop = _starter_stops(timer, channel, go, func, source)
    return (later, stop) if stop is not None else None


def _starter_stops(timer: Any, channel: Any, go: Any, func: Any, source: bytes) -> Any | None:
    """The `t.Stop()` call of the function that starts the goroutine literal func, outside
    it, on the starter's own ticker or timer t (the operand of the goroutine's `t.C`);
    None when there is none, or when the starter waits for the goroutine to end first."""
    names = names_for(source, timer)
    binding = names.reaching(timer, channel)
    starter = enclosing_function(go)
    if binding is None or starter is None or not within(binding[0], starter) or within(binding[0], func):
        return None
    if joined(go, func, starter, source):
        return None  # the starter waits for the goroutine to end before it stops the ticker
    for use in names.uses(binding[0], starter):
        selector = use.parent
        call = selector.parent if selector is not None and selector.type == "selector_expression" else None
        if call is not None and call.type == "call_expression" and not within(call, func) and \
                call.child_by_field_name("function") == selector and \
                text(source, selector.child_by_field_name("field")) == "Stop":
            return call
    return None


def _stopped_wait(func: Any, go: Any, source: bytes) -> tuple[Any, Any] | None:
    """(the receive, the Stop call) for a goroutine literal whose body, before anything
    that can return, waits on a plain receive from its starter's ticker or timer
    (`<-t.C`, `v := <-t.C`), while the starter stops that timer itself outside the
    goroutine (`defer t.Stop()`): when the Stop comes first, no value ever comes and
    the goroutine waits forever. None otherwise."""
    body = func.child_by_field_name("body") if func.type == "func_literal" else None
    statements = next((c for c in body.named_children if c.type == "statement_list"), body) \
        if body is not None else None
    for stmt in statements.named_children if statements is not None else ():
        wait = stmt
        if stmt.type in ("short_var_declaration", "assignment_statement"):
            right = stmt.child_by_field_name("right")
            wait = right.named_children[0] if right is not None and len(right.named_children) == 1 else None
        elif stmt.type == "expression_statement":
            wait = stmt.named_children[0] if stmt.named_children else None
        channel = received_channel(wait) if wait is not None else None
        if channel is not None:
            timer = channel.child_by_field_name("operand") if channel.type == "selector_expression" else None
            why = _never_closed(channel, source) if timer is not None and timer.type == "identifier" else None
            stop = _starter_stops(timer, channel, go, func, source) if why is not None and \
                why.endswith(STOPPED) else None
            return (wait, stop) if stop is not None else None
        if stmt.type == "return_statement" or any(
                True for _ in descendants(stmt, ("return_statement", "select_statement", "send_statement"),
                                          into_functions=False)) or received_channel(stmt) is not None:
            return None
    return None


def _returns_before(func: Any, loop: Any) -> bool:
    """Whether the function has a `return` before the loop (`if !enabled { return }`):
    then it does return on some path, and only when it reaches the loop does it not."""
    return any(node.start_byte < loop.start_byte for node in
               descendants(func.child_by_field_name("body"), ("return_statement",), into_functions=False))


TICKS = "nothing closes a `time.Tick` channel"
# The end of the why of a range over a ticker's or timer's `t.C`.
STOPPED = " (Stop does not)"
# The why of a range over `time.NewTicker(d).C`: like time.Tick, nothing keeps the ticker
# to stop it, so its author meant the loop to run as long as the process.
UNKEPT = "nothing closes the `C` of an unkept `time.NewTicker`"


def _never_closed(channel: Any, source: bytes) -> str | None:
    """Why nothing ever closes the ranged channel, or None when it may be closed: a
    ticker's or timer's `C` (Stop does not close it), `time.Tick(d)`, or a local
    `make(chan T)` that is never closed and never leaves its function (only sent to,
    received from or ranged over). A channel handed to signal.Notify is not one: a
    goroutine ranging over signals is a handler meant to live as long as the process."""
    names = names_for(source, channel)
    if channel.type == "call_expression":
        tick = names.qualified(channel.child_by_field_name("function")) == ("time", "Tick")
        return TICKS if tick else None
    if channel.type == "selector_expression" and text(source, channel.child_by_field_name("field")) != "C":
        field = text(source, channel.child_by_field_name("field"))
        declared = types_for(names).of(channel)  # a channel, not a slice or map field
        if declared is None or declared.deref().kind != "chan" or not only_used_as_channel(source, field):
            return None
        if field[:1].islower() or field[:1] == "_":
            return f"{FIELD}{field}"  # decided by the package check: do other files close it?
        # An exported field of a type of this package: decided by the package check too,
        # which also asks for the type's Close (or Stop, Shutdown) and a send of the package
        owner = types_for(names).of(channel.child_by_field_name("operand"))
        base = owner.deref() if owner is not None else None
        if base is not None and base.kind == "named" and base.path == "":
            return f"{FIELD}{field}{OWNED}{base.name}"
        return None
    if channel.type == "selector_expression" and text(source, channel.child_by_field_name("field")) == "C":
        operand = channel.child_by_field_name("operand")
        if operand.type == "call_expression" and \
                names.qualified(operand.child_by_field_name("function")) == ("time", "NewTicker"):
            return UNKEPT
        binding = names.reaching(operand, channel)
        value = binding[1] if binding is not None else None
        made_by = names.qualified(value.child_by_field_name("function")) if (
            value is not None and value.type == "call_expression") else None
        declared = types_for(names).of(operand) if made_by is None else None
        if made_by in (("time", "NewTicker"), ("time", "NewTimer")) or (
                declared is not None and declared.deref().is_named("time", "Ticker", "Timer")):
            return f"nothing closes `{text(source, channel)}`{STOPPED}"
        return None
    if channel.type != "identifier":
        return None
    binding = names.reaching(channel, channel)
    if binding is None or make_channel(binding[1], source) is None:
        return None
    home = enclosing_function(binding[0])
    for node in names.uses(binding[0], home):
        if node == binding[0]:
            continue
        holder = node.parent
        if holder.type == "send_statement" and holder.child_by_field_name("channel") == node:
            continue
        if holder.type == "unary_expression" or holder.type == "range_clause":
            continue  # a receive, or a range over it
        return None  # closed, handed on, stored or rebound: someone else may close it
    return f"nothing closes `{text(source, channel)}`"


# The why of a range over an unexported field channel that this file never closes,
# followed by the field's name: the package check decides from the other files.
FIELD = "field:"
# Between an exported field's name and its type's in that why (`field:Ch@Proxy`).
OWNED = "@"
# The ending methods of an exported field's type that the package check looks for, and
# the longest one, which the message is fitted with before the check names the one found.
_OWNER_ENDINGS = ("Close", "Stop", "Shutdown")
_ALLOWED_BEFORE = re.compile(rb"(?:\brange\s+|<-\s*|\b(?:len|cap)\(\s*)[\w.\[\]()]*$")
_ALLOWED_AFTER = re.compile(rb"\s*(?:<-|\)|=\s*make\(\s*chan\b)")


def only_used_as_channel(source: bytes, field: str) -> bool:
    """Whether every mention of the field (`.field`, or `field:` in a literal) in source
    only sends to it, receives from it, ranges over it, takes its len or cap, or sets it
    to a new `make(chan ...)`: nothing closes it, hands it on or sets it from elsewhere."""
    name = re.escape(field.encode())
    source = LINE_COMMENT.sub(b"", source)
    for match in re.finditer(rb"\." + name + rb"\b", source):
        before = source[max(0, match.start() - 80):match.start()]
        before = before[before.rfind(b"\n") + 1:]
        after = source[match.end():match.end() + 40]
        if not (_ALLOWED_BEFORE.search(before + b"x") or _ALLOWED_AFTER.match(after)):
            return False
        if re.match(rb"\s*\)", after) and not re.search(rb"\b(?:len|cap)\([\w.\[\]()]*$", before):
            return False  # an argument of some other call: close(x.f), f(x.f)
    for match in re.finditer(rb"(?<![\w.])" + name + rb"\s*:(?!=)", source):
        if not re.match(rb"\s*make\(\s*chan\b", source[match.end():match.end() + 40]):
            return False  # `field: ch` in a literal: ch comes from elsewhere
    return True


def _wakes(channel: Any, source: bytes, loop: Any) -> bool:
    """A timer's channel that fires again and again in the loop: `time.After(d)`,
    `time.Tick(d)`, `t.C`, or a name bound to one. A `time.After(d)` or `time.NewTimer(d)`
    made before the loop, and neither made again nor `Reset` in it, fires once."""
    names = names_for(source, channel)
    if channel.type == "identifier":
        binding = names.reaching(channel, channel)
        value = binding[1] if binding is not None else None
        if value is None or value.type not in ("call_expression", "selector_expression"):
            return False
        if value.type == "call_expression" and _fires_once(value, channel, loop, source):
            return False
        channel = value
    if channel.type == "selector_expression":
        if text(source, channel.child_by_field_name("field")) != "C":
            return False
        timer = channel.child_by_field_name("operand")
        binding = names.reaching(timer, channel) if timer.type == "identifier" else None
        made = binding[1] if binding is not None else None
        return made is None or made.type != "call_expression" or \
            not _fires_once(made, timer, loop, source)
    if channel.type == "call_expression":
        return names.qualified(channel.child_by_field_name("function")) in (("time", "After"), ("time", "Tick"))
    return False


def _fires_once(made: Any, timer: Any, loop: Any, source: bytes) -> bool:
    """Whether the call made, bound to the variable the identifier timer names, is a
    one-shot timer (`time.After(d)`, `time.NewTimer(d)`) made before the loop that the
    loop neither makes again (assigns that variable; a shadowing one is another) nor
    re-arms (`timer.Reset(d)`)."""
    names = names_for(source, made)
    if names.qualified(made.child_by_field_name("function")) not in (("time", "After"), ("time", "NewTimer")):
        return False
    if loop.start_byte <= made.start_byte < loop.end_byte:
        return False
    if any(target.type == "identifier" and names.same_variable(target, timer) for target, _, _ in assignments(loop)):
        return False
    return not any(function.type == "selector_expression" and text(source, function.child_by_field_name("field")) ==
                   "Reset" and names.same_path(function.child_by_field_name("operand"), timer)
                   for call in descendants(loop, ("call_expression",))
                   for function in [call.child_by_field_name("function")])


def _recovered_on_close(loop: Any, func: Any, root: Any, source: bytes) -> bool:
    """Whether the goroutine ends when the channel it blocks on first, a send, is
    closed: it defers a function that calls recover, and the file closes that channel
    (`close(x)` of the same variable, or of the same field of the same type, as a
    Close method does): the send panics and the recover ends the goroutine."""
    wait = first_wait(loop, source)
    body = func.child_by_field_name("body")
    if wait is None or wait.type != "send_statement" or body is None or not any(
            s.type == "defer_statement" and any(
                n.type == "call_expression" and call_name(n, source) == ("", "recover") for n in walk(s))
            for s in statements(body)):
        return False
    channel = strip_parens(wait.child_by_field_name("channel"))
    for call in descendants(root, ("call_expression",)):
        closed = arguments(call)
        closed = strip_parens(closed[0]) if len(closed) == 1 and call_name(call, source) == ("", "close") else None
        if closed is None:
            continue
        if same_channel(closed, channel, source) or (
                closed.type == channel.type == "selector_expression" and
                text(source, closed.child_by_field_name("field")) == text(source, channel.child_by_field_name("field"))
                and field_owner(closed, source) not in (None, "") and
                field_owner(closed, source) == field_owner(channel, source)):
            return True
    return False


# `defer runtimex.CatchLogAndIgnorePanic(...)`, `defer util.Recover()`, `defer recoverPanic(log)`
_RECOVERING = re.compile(r"(?i)recover|catch\w*panic|ignore\w*panic")
# `runtimex.Try1(conn.Read(buf))`, `must(err)`, `PanicOnError(err, "accept")`
_PANICS_ON_ERROR = re.compile(r"^(?i:must|try)\d*$|^(?i:must|try)[A-Z0-9_]|^(?i:panic)(On|If)")


def _panics_out(loop: Any, func: Any, root: Any, source: bytes) -> bool:
    """Whether the loop ends through a panic its goroutine recovers: the function defers
    a recover (`defer func() { recover() }()`, a call named for it, `defer
    runtimex.CatchLogAndIgnorePanic(l, "serve")`, or a function of the file that calls
    recover) and the loop hands an error to a call that panics on it (`conn :=
    runtimex.Try1(l.Accept())`, `must(err)`, `PanicOnError(err, "read")`, or a function
    of the file that panics): once the connection or listener is closed, the I/O call
    fails, the panic leaves the loop and the deferred recover ends the goroutine."""
    body = func.child_by_field_name("body")
    if body is None or not _defers_recover(body, root, source):
        return False
    for call in descendants(loop, ("call_expression",), into_functions=False):
        qualifier, name = call_name(call, source)
        args = [strip_parens(a) for a in arguments(call)]
        handed_error = any(a is not None and (a.type == "call_expression" or (
            a.type == "identifier" and "err" in text(source, a).lower())) for a in args)
        if not handed_error:
            continue
        if _PANICS_ON_ERROR.search(name):
            return True
        if not qualifier and _file_function_calls(root, source, name, "panic"):
            return True
    return False


def _file_function_calls(root: Any, source: bytes, name: str, builtin: str) -> bool:
    """Whether the file declares a function name whose body calls the builtin (`panic`,
    `recover`) itself."""
    callee = _declared(root, source, name, False) if name else None
    return callee is not None and any(call_name(n, source) == ("", builtin) for n in descendants(
        callee, ("call_expression",), into_functions=False))


def _defers_recover(body: Any, root: Any, source: bytes) -> bool:
    """Whether a function body defers a recover: a deferred literal calling `recover()`,
    a deferred call named for it, or a deferred function of the file that calls it."""
    for statement in statements(body):
        if statement.type != "defer_statement":
            continue
        calls = [n for n in walk(statement) if n.type == "call_expression"]
        if any(call_name(n, source) == ("", "recover") for n in calls):
            return True
        deferred = next((n for n in statement.named_children if n.type == "call_expression"), None)
        if deferred is None:
            continue
        qualifier, name = call_name(deferred, source)
        if name and _RECOVERING.search(name):
            return True
        if not qualifier and _file_function_calls(root, source, name, "recover"):
            return True
    return False


def _idles(loop: Any, never_closed: str | None, source: bytes) -> bool:
    """Whether the endless loop waits between its turns: a range over a channel or a
    ticker, or a `for {}` whose first wait is a receive, a send or a select without a
    `default` (first_wait). A loop with no such wait, or one that spins in a select's
    default, may burn a CPU once what it calls fails at once (an `Accept` on a closed
    listener), which costs every test after it."""
    if never_closed is not None:
        return True
    wait = first_wait(loop, source)
    return wait is not None and wait.type != "range_clause" and not (
        wait.type == "select_statement" and any(c.type == "default_case" for c in wait.named_children))


def _what_blocks(loop: Any, source: bytes) -> str:
    """What the endless loop does forever, stated only as far as the code shows it."""
    wait = first_wait(loop, source)
    if wait is None:
        return "runs until the process exits"
    at = f"line {line(wait)}"
    if wait.type == "select_statement":
        cases = [c for c in wait.named_children if c.type in ("communication_case", "default_case")]
        if any(c.type == "default_case" for c in cases):
            return f"spins in the select at {at}"
        received = [received_channel(c.child_by_field_name("communication")) for c in cases]
        if any(r is not None and _wakes(r, source, loop) for r in received):
            return f"keeps waking in the select at {at}"
        return f"waits in the select at {at} forever once nothing arrives"
    if wait.type == "send_statement":
        channel = text(source, wait.child_by_field_name("channel"))
        return f"blocks on the send to `{channel}` at {at} once nobody receives"
    if wait.type == "range_clause":
        return f"runs the range at {at} again and again"  # a slice or a channel: not known
    channel = received_channel(wait)
    name = text(source, channel) if channel is not None else "a channel"
    if channel is not None and _wakes(channel, source, loop):
        return f"keeps waking on `<-{name}` at {at}"
    return f"blocks on `<-{name}` at {at} once nobody sends"


def _started_once(go: Any, target: Any, ctx: Context) -> bool:
    """Whether the goroutine is started once per process (see _once_per_process), or
    handles the process's signals itself (its body calls signal.Notify, or a function of
    this file that does)."""
    if changes_process(target, ctx.source, ctx.names) or _flag_started(go, ctx):
        return True
    start = enclosing_function(go)  # in a function literal: a callback may run any number of times
    return not repeats(go, ctx.names) and start is not None and start.type != "func_literal" and \
        function_once(start, PackageFiles.of(ctx))


def _flag_started(go: Any, ctx: Context) -> bool:
    """`arbiter.Lock(); if !arbiter.started { arbiter.started = true; go arbiter.tick() }`:
    a go statement behind a flag of a package-level variable, set under the lock held
    there and never set back in the file (flag_guard): it runs once per process."""
    for held in held_locks(go, ctx.source):
        guard = flag_guard(go, held.lock, ctx.source)
        base = guard.node if guard is not None and not guard.reset else None
        while base is not None and base.type == "selector_expression":
            base = base.child_by_field_name("operand")
        if base is not None and base.type == "identifier" and ctx.names.resolve(base).kind == PACKAGE:
            return True
    return False


# How far up the same-package callers are followed to find a start that repeats.
CALLER_DEPTH = 3


def _starts_again(go: Any, target: Any, ctx: Context) -> bool:
    """Whether the package shows that the goroutine can be started more than once per
    process, or outlives a value meant to end before it: the go statement is in a loop
    or a function literal (a callback), the value it serves (the receiver of the method
    it runs or starts it, or the type its starting function returns) has a method that
    ends it (`lifetime.LIFECYCLE`), or the starting function is mentioned in a loop, in a function
    literal or as a value (not called on the spot), or called from a function that is
    (up to CALLER_DEPTH callers up). A start that only other packages show is not
    enough: a goroutine started once, by a program's set-up, is meant to run as long
    as the process."""
    start = enclosing_function(go)
    if repeats(go, ctx.names) or start is None or start.type == "func_literal":
        return True
    package = PackageFiles.of(ctx)
    owners = {_owner(target, ctx.source), _owner(start, ctx.source)} - {""}
    if any(ends(owner, package.sources, meant=False) for owner in owners):
        return True
    return _mentioned_again(start, 0, package)


def _outlives_ticker(loop: Any, never_closed: str | None, ctx: Context) -> bool:
    """Whether the loop ranges over the `C` of a ticker or timer kept in a field
    (`for range t.ticker.C`) that the file stops on a value of the same type
    (`t.ticker.Stop()` in a Close): the ticker's life ends there, the loop's does not,
    so the goroutine outlives the value it serves, however often it is started."""
    if never_closed is None or not never_closed.endswith(STOPPED):
        return False
    clause = next((c for c in loop.named_children if c.type == "range_clause"), None)
    channel = clause.child_by_field_name("right") if clause is not None else None
    ticker = channel.child_by_field_name("operand") if channel is not None and \
        channel.type == "selector_expression" else None
    if ticker is None or ticker.type != "selector_expression":
        return False
    types = types_for(ctx.names)
    owner = types.of(ticker.child_by_field_name("operand"))
    field = ctx.text(ticker.child_by_field_name("field"))
    if owner is None or owner.deref().kind != "named":
        return False
    for call in descendants(ctx.root, ("call_expression",)):
        stop = call.child_by_field_name("function")
        held = stop.child_by_field_name("operand") if stop.type == "selector_expression" else None
        if held is None or held.type != "selector_expression" or ctx.text(stop.child_by_field_name("field")) != "Stop" \
                or ctx.text(held.child_by_field_name("field")) != field:
            continue
        other = types.of(held.child_by_field_name("operand"))
        if other is not None and other.deref() == owner.deref():
            return True
    return False


def _owner(func: Any, source: bytes) -> str:
    """The type a function serves: a method's receiver type, or the named type of this
    package a function returns first (`func NewX() *X`); "" when there is none."""
    return receiver_type(func, source) if func.type == "method_declaration" else result_type(func, source)


def _of_type(operand: Any, owner: str, names: Names) -> bool:
    """Whether the source states that operand is a value of (a pointer to) this
    package's type owner."""
    kind = types_for(names).of(operand) if operand is not None else None
    return kind is not None and kind.deref().kind == "named" and kind.deref().path == "" and \
        kind.deref().name == owner


def _mentioned_again(func: Any, at: int, package: "PackageFiles", depth: int = 0) -> bool:
    """Whether the package (its non-test files) mentions the declared function in a
    loop, in a function literal or as a value (a callback, a method value), or calls it
    from a function it mentions so (up to CALLER_DEPTH callers up)."""
    source = package.sources[at]
    if start_up(func, source):
        return False
    name = text(source, func.child_by_field_name("name"))
    method = func.type == "method_declaration"
    owner = receiver_type(func, source) if method else ""
    for index, other in enumerate(package.sources):
        if not has_word(other, name.encode()):
            continue
        root, other_names = package.file(index)
        for mention in mentions(root, other, other_names, func if index == at else None, name, method) or ():
            expr = mention.parent if method else mention
            if method and not _of_type(expr.child_by_field_name("operand"), owner, other_names):
                continue  # a method of the same name on another type, or on one not known
            holder = expr.parent
            if holder.type == "argument_list" and once_per_package(holder.parent, other, other_names):
                continue
            if holder.type != "call_expression" or holder.child_by_field_name("function") != expr or \
                    in_loop(holder):
                return True
            caller = enclosing_function(holder)
            if caller is None or caller == func:
                continue  # a package-level initialiser, or recursion
            if caller.type == "func_literal" or (
                    depth < CALLER_DEPTH and _mentioned_again(caller, index, package, depth + 1)):
                return True
    return False


def _topped_up(go: Any, ctx: Context) -> bool:
    """`for workers < limit { go worker(); workers++ }` with `workers` a package-level
    counter: the loop tops a pool up to a bound, and as the counter outlives the call,
    the process starts at most that many workers, each meant to live as long as it."""
    loop = next((a for a in ancestors(go) if a.type == "for_statement" or a.type in FUNCTION_TYPES), None)
    condition = next((c for c in loop.named_children if c.type == "binary_expression"), None) \
        if loop is not None and loop.type == "for_statement" else None
    if condition is None or ctx.text(condition.child_by_field_name("operator")) not in ("<", "<=", "!="):
        return False
    counter = condition.child_by_field_name("left")
    if counter.type != "identifier" or ctx.names.resolve(counter).kind != PACKAGE:
        return False
    increments = (n.named_children[0] for n in walk(loop.child_by_field_name("body"), into_functions=False)
                  if n.type == "inc_statement")
    return any(n.type == "identifier" and ctx.names.same_variable(n, counter) for n in increments)


def _unstoppable_value(go, func, ctx: Context) -> bool:
    """Whether the goroutine serves only values of this package's types, none of which
    declares a method that ends it (`ends`: `Close`, `Stop`, ...): the receiver of the
    method it runs and of the function starting it, the type that function returns, and
    the values whose methods the goroutine calls (`s.update()`). Such a value offers its
    users no way to stop it, so its goroutine is meant to live as long as the process
    keeps the value: a library's constructor of it leaks only if its users make many,
    which the code does not show. False when no such type is known."""
    starter = enclosing_function(go)
    kinds = set()
    for declared_func in (func, starter):
        if declared_func is not None and declared_func.type == "method_declaration":
            kinds.add(receiver_type(declared_func, ctx.source))
    if starter is not None and starter.type == "function_declaration":
        kinds.add(result_type(starter, ctx.source))
    body = func.child_by_field_name("body")
    types = types_for(ctx.names)
    for call in descendants(body, ("call_expression",), into_functions=False) if body is not None else ():
        function = strip_parens(call.child_by_field_name("function"))
        operand = strip_parens(function.child_by_field_name("operand")) \
            if function is not None and function.type == "selector_expression" else None
        kind = types.of(operand) if operand is not None and operand.type == "identifier" else None
        base = kind.deref() if kind is not None else None
        if base is not None and base.kind == "named" and base.path == "":
            kinds.add(base.name)
    kinds.discard("")
    sources = PackageFiles.of(ctx).sources
    return bool(kinds) and not any(ends(kind, sources, meant=False) for kind in kinds)


def check(ctx: Context) -> Iterator[Report]:
    if is_test_file(ctx.path):
        return
    program = in_program(ctx.path, ctx.names.package)
    for index, captures in ctx.matches:
        go = captures["go"][0]
        func = _target(PATTERNS[index], captures, ctx)
        if func is None or func.type not in FUNCTION_TYPES:
            continue
        if process_lifetime(go, ctx.source) or (program and not repeats(go, ctx.names)) or _topped_up(go, ctx):
            continue
        rooted = _waits_on_root(func, go, ctx) if PATTERNS[index] == "literal" else None
        if rooted is not None:
            # Its own evidence: a context that is never done, passed by the file itself.
            wait, caller = rooted
            outer = enclosing_function(caller)
            if not repeats(caller, ctx.names) and outer is not None and outer.type != "func_literal" and \
                    function_once(outer, PackageFiles.of(ctx)):
                rooted = None  # the call passing the root runs once per process
        if rooted is not None:
            outer = enclosing_function(caller)
            passer = function_name(outer, ctx.source) if outer.type != "func_literal" else f"the literal at line {line(outer)}"
            root = call_name(_root_argument(caller, ctx), ctx.source)[1]
            low = None if runs_again(caller, ctx.names, ctx.root, ctx.source) and not \
                test_cost_only(go, ctx.names, ctx.path or "", ctx.source, goroutines=True) else Confidence.LOW
            wait_text = text(ctx.source, wait)
            yield Report(go, shortest_fitting(*(
                f"goroutine waits only on `{wait_text}`; {who} passes context.{root}(), {never}, so each call "
                "leaks it; start it only if ctx.Done() != nil"
                for who, never in ((f"{passer} (line {line(caller)})", "which is never done"),
                                   (f"{passer} (line {line(caller)})", "never done"),
                                   (f"line {line(caller)}", "never done")))),
                confidence=low)
            continue
        waits = _stopped_wait(func, go, ctx.source)
        if waits is not None:
            # The starter's Stop scopes the timer, and the goroutine waiting on it, to one
            # call: left waiting after that call, it leaks even if the call runs once.
            if _started_once(go, func, ctx):
                continue
            wait, stop = waits
            deferred = "the deferred " if stop.parent is not None and stop.parent.type == "defer_statement" else ""
            yield Report(go, shortest_fitting(
                f"goroutine can wait forever: it waits on `{text(ctx.source, wait)}` at line {line(wait)}, and "
                f"{deferred}`{text(ctx.source, stop)}` at line {line(stop)} keeps it from firing when it comes "
                "first; add a done channel closed with the Stop",
                f"goroutine can wait forever on `{text(ctx.source, wait)}` (line {line(wait)}) once "
                f"`{text(ctx.source, stop)}` at line {line(stop)} comes first: add a done channel"))
            continue
        for loop, never_closed in _endless_loops(func, ctx.source):
            exits = loop_exits(loop, ctx.source)
            later = _later_value_exit(loop, exits, ctx.source) if exits and never_closed is not None else None
            stopped = _stopped_by_starter(loop, exits, go, func, ctx.source) \
                if later is None and never_closed is not None and never_closed.endswith(STOPPED) else None
            if exits and later is None and stopped is None:
                continue
            if _returns_before(func, loop) or (never_closed is None and (
                    _recovered_on_close(loop, func, ctx.root, ctx.source) or
                    _panics_out(loop, func, ctx.root, ctx.source))):
                break  # it can return before the loop, or end on a close: "never returns" would be false
            if never_closed in (TICKS, UNKEPT) and not repeats(go, ctx.names):
                break  # a ticker nothing can stop: a loop meant for the process's life
            # A `break` in a select of the loop (a stop case that leaves only the select)
            # shows the author meant it to stop: once per process or not, it does not.
            meant_to_stop = never_closed is None and _stop_case_break(loop)
            if _started_once(go, func, ctx) and not meant_to_stop:
                break
            # Its own evidence: a stop that does not stop it (a `break` leaving only the
            # select, the starter's Stop of its ticker, a field's ticker stopped on release).
            # So is an exported field channel left open by its type's Close (the package check
            # drops the finding where the type has no such method): the goroutine outlives the value.
            own = meant_to_stop or stopped is not None or _outlives_ticker(loop, never_closed, ctx) or (
                never_closed is not None and never_closed.startswith(FIELD) and OWNED in never_closed)
            if not own and not _starts_again(go, func, ctx):
                break
            # Without its own evidence, a leak only if the code shows the start repeating.
            low = None if own or runs_again(go, ctx.names, ctx.root, ctx.source, lifecycle=True) else Confidence.LOW
            if low is None and not own and _unstoppable_value(go, func, ctx) and \
                    not runs_again(go, ctx.names, ctx.root, ctx.source, lifecycle=True, api=False):
                low = Confidence.LOW  # a library's value with no stop: how many its users make is not shown
            if low is None and _idles(loop, never_closed, ctx.source) and \
                    test_cost_only(go, ctx.names, ctx.path or "", ctx.source, goroutines=True):
                low = Confidence.LOW  # one idle goroutine per test, ending with the test binary
            wheres = [f"at line {line(loop)}"]
            if func.type != "func_literal":  # with the function's name first, if it fits
                wheres.insert(0, f"at line {line(loop)} (in {function_name(func, ctx.source)})")
            if never_closed is not None and never_closed.startswith(FIELD):
                field, _, owner = never_closed[len(FIELD):].partition(OWNED)
                # an exported field: its type's ending method (named by the package check)
                # does not close it either, and is where to close it
                ending = f"`{owner}.{_OWNER_ENDINGS[-1]}`"
                if later is not None:
                    if _sent_on_ending(ctx.source, field):
                        break
                    if owner:
                        messages = [f"goroutine can wait forever: its range loop {where} needs one more value to "
                                    f"exit (line {line(later)}); nothing in the package closes field `{field}`, "
                                    f"not even {ending}: close it there" for where in wheres]
                    else:
                        messages = [f"goroutine can wait forever: its range loop {where} needs one more value to "
                                    f"exit (line {line(later)}); nothing in the package closes field `{field}`: "
                                    f"{advice}" for advice in ("close it when done or add a ctx.Done() exit",
                                                               "close it when done") for where in wheres]
                    messages.append(f"goroutine can wait forever: range loop at line {line(loop)} needs one more "
                                    f"value to exit; nothing in the package closes `{field}`: close it when done")
                elif owner:
                    messages = [f"goroutine never returns: its range loop {where} has no return or break "
                                f"and nothing in the package closes field `{field}`, not even {ending}: close it "
                                "there" for where in wheres]
                    messages.append(f"goroutine never returns: range loop at line {line(loop)}; nothing in the "
                                    f"package closes field `{field}`, not even {ending}: close it there")
                else:
                    messages = [f"goroutine never returns: its range loop {where} has no return or break "
                                f"and nothing in the package closes field `{field}`; add a ctx.Done() exit"
                                for where in wheres]
                ctx.facts.setdefault("ranges", []).append(
                    [list(span_of(go)), field, shortest_fitting(*messages), later is not None, low is not None,
                     owner])
                ctx.facts["package"] = ctx.names.package
                break
            if stopped is not None:
                exit, stop = stopped
                channel = next(c for c in loop.named_children if c.type == "range_clause").child_by_field_name("right")
                deferred = "the deferred " if stop.parent is not None and stop.parent.type == "defer_statement" else ""
                messages = [f"goroutine can wait forever: its range loop {where} leaves only on a tick (line "
                            f"{line(exit)}), and {deferred}`{text(ctx.source, stop)}` at line {line(stop)} ends "
                            f"the ticks; {advice}"
                            for advice in ("add a done channel closed with the Stop", "add a done channel")
                            for where in wheres]
                messages += [f"goroutine can wait forever: its range loop {where} leaves only on a tick "
                             f"(line {line(exit)}); {deferred}`{text(ctx.source, stop)}` at line {line(stop)} "
                             "ends them: add a done channel" for where in wheres]
                messages.append(f"goroutine can wait forever: range loop at line {line(loop)} leaves only on a "
                                f"tick of `{text(ctx.source, channel)}`, stopped at line {line(stop)}: add a "
                                "done channel")
            elif later is not None:
                messages = [f"goroutine can wait forever: its range loop {where} needs one more value to "
                            f"exit (line {line(later)}) and {never_closed}; {advice}"
                            for advice in ("close it when done or add a ctx.Done() exit", "close it when done")
                            for where in wheres]
            elif never_closed is not None:
                messages = [f"goroutine never returns: its range loop {where} has no return or break "
                            f"{out}and {never_closed}; {advice}" for where in wheres
                            for out, advice in _advice(loop, ctx.source)]
            else:
                advices = _advice(loop, ctx.source)
                messages = [f"goroutine never returns: its `for {{}}` loop {where} "
                            f"{_what_blocks(loop, ctx.source)}; {advice}" for where in wheres
                            for _, advice in advices]
                if advices[-1][0]:  # a break in a select: said alone, if the rest is too long
                    messages.append(f"goroutine never returns: {advices[-1][1].split(' leaves')[0]} leaves only the "
                                    f"select, and its `for {{}}` loop at line {line(loop)} goes round again: "
                                    "return instead")
            yield Report(go, shortest_fitting(*messages), confidence=low)
            break


def _waits_on_root(literal: Any, go: Any, ctx: Context) -> tuple[Any, Any] | None:
    """(the wait, a call) when the goroutine literal first waits, before anything else,
    only on `<-ctx.Done()` (a plain receive, or a `select` without `default` whose every
    case receives from it) of a context parameter of the declared function starting it,
    which that function never rebinds nor compares (`if ctx.Done() != nil`), and a
    function of this file calls the starter with `context.Background()` or `TODO()` there:
    their Done channel is nil, so for every such call the goroutine blocks forever."""
    starter = enclosing_function(go)
    body = literal.child_by_field_name("body")
    first = next(iter(statements(body)), None)
    if starter is None or starter.type not in ("function_declaration", "method_declaration") or first is None:
        return None
    if first.type == "expression_statement":
        waits = [first.named_children[0]] if first.named_children else []
    elif first.type == "select_statement":
        waits = [c.child_by_field_name("communication") for c in first.named_children
                 if c.type in ("communication_case", "default_case")]
    else:
        return None
    done = [received_channel(w) for w in waits]
    if not done or any(d is None or d.type != "call_expression" or arguments(d) for d in done):
        return None  # a default case, another channel, or not a receive
    operands = [d.child_by_field_name("function") for d in done]
    if any(o.type != "selector_expression" or text(ctx.source, o.child_by_field_name("field")) != "Done" or
           o.child_by_field_name("operand").type != "identifier" for o in operands):
        return None
    idents = [o.child_by_field_name("operand") for o in operands]
    decl = ctx.names.resolve(idents[0]).decl
    params = starter.child_by_field_name("parameters")
    if decl is None or params is None or not within(decl, params) or \
            any(ctx.names.resolve(i).decl != decl for i in idents):
        return None
    index = ctx.names.parameter_index(idents[0], starter)
    if index is None or any(t.type == "identifier" and ctx.names.same_variable(t, idents[0])
                            for t, _, _ in assignments(starter.child_by_field_name("body"))):
        return None
    for compared in descendants(starter, ("binary_expression",), into_functions=False):
        if any(ctx.names.same_variable(i, idents[0]) for side in compared.named_children
               if side.type in ("identifier", "call_expression")
               for i in [side] + descendants(side, ("identifier",))) and \
                text(ctx.source, compared.child_by_field_name("operator")) in ("==", "!="):
            return None  # `if ctx.Done() != nil`, `if ctx == context.Background()`: a guard
    method = starter.type == "method_declaration"
    owner = receiver_type(starter, ctx.source) if method else ""
    called = text(ctx.source, starter.child_by_field_name("name"))
    for call in descendants(ctx.root, ("call_expression",)):
        function = call.child_by_field_name("function")
        outer = enclosing_function(call)
        if outer is None or outer == starter or within(call, starter):
            continue
        if method:
            if function.type != "selector_expression" or \
                    text(ctx.source, function.child_by_field_name("field")) != called or \
                    not _of_type(function.child_by_field_name("operand"), owner, ctx.names):
                continue
        elif function.type != "identifier" or text(ctx.source, function) != called or \
                ctx.names.resolve(function).kind != PACKAGE:
            continue
        arg = arguments(call)[index] if index < len(arguments(call)) else None
        if arg is not None and _root_call(arg, ctx):
            return done[0], call
    return None


def _root_call(node: Any, ctx: Context) -> bool:
    """`context.Background()` or `context.TODO()`, by the file's imports."""
    if node.type != "call_expression" or arguments(node):
        return False
    resolved = ctx.names.qualified(node.child_by_field_name("function"))
    return resolved in (("context", "Background"), ("context", "TODO"))


def _root_argument(call: Any, ctx: Context) -> Any:
    return next(a for a in arguments(call) if _root_call(a, ctx))


def _stop_case_break(loop: Any) -> bool:
    """Whether the loop's body has a select case that only waits for a signal (`case
    <-done:`, the value unused) and whose statements end in a plain `break`: meant to
    stop the loop, it leaves only the select."""
    body = loop.child_by_field_name("body")
    for node in descendants(body, ("break_statement",), into_functions=False) if body is not None else ():
        statements = node.parent
        case = statements.parent if statements is not None and statements.type == "statement_list" else None
        communication = case.child_by_field_name("communication") \
            if case is not None and case.type == "communication_case" else None
        if not node.named_children and statements.named_children[-1] == node and \
                communication is not None and communication.type == "receive_statement" and \
                communication.child_by_field_name("left") is None and within(case, body):
            return True
    return False


def _advice(loop: Any, source: bytes) -> list[tuple[str, str]]:
    """(qualifier of "no return or break", advice) for an endless loop's message: when a
    plain `break` in the loop's body sits in a `select` (a done or ctx case that means to
    stop), it leaves only the select, and the loop goes round again: say so, longest
    first; otherwise add a ctx.Done() exit."""
    body = loop.child_by_field_name("body")
    for node in descendants(body, ("break_statement",), into_functions=False) if body is not None else ():
        if node.named_children:
            continue  # a labeled break leaves what its label names
        target = next(a for a in ancestors(node) if a.type in (
            "for_statement", "select_statement", "expression_switch_statement", "type_switch_statement"))
        if target.type == "select_statement" and within(target, body):
            at = f"the `break` at line {line(node)}"
            return [("out of it ", f"{at} leaves only the select, not the loop: return instead"),
                    ("out of it ", f"{at} leaves only the select: return instead")]
    return [("", "add a ctx.Done() exit")]


def _statement_start(source: bytes, start: int, end: int) -> bool:
    """Whether a statement can start at byte start: only spaces, tabs and carriage
    returns lie between it and a line's start, a `;`, a `{`, a `:` or a comment's end.
    (`go` in comments and strings mostly follows a word: "we go to", "ago".)"""
    at = start - 1
    while at >= 0 and source[at] in b" \t\r":
        at -= 1
    return at < 0 or source[at] in b"\n;{:" or source[at - 1:at + 1] == b"*/"


_FUNC_NAME = re.compile(rb"^func\s*(?:\([^)]*\)\s*)?(\w+)", re.M)


def _sent_on_ending(source: bytes, field: str) -> bool:
    """Whether a function of source named for the end of its object's life (`Close`,
    `Stop`: ENDING) sends on the field (`c.requests <- stop`): it wakes the range loop
    so that the loop's way out, taken on the next value, is taken then."""
    source = LINE_COMMENT.sub(b"", source)
    for send in re.finditer(rb"\." + re.escape(field.encode()) + rb"\s*<-", source):
        header = None
        for header in _FUNC_NAME.finditer(source, 0, send.start()):
            pass
        if header is not None and ENDING.search(header.group(1).decode()):
            return True
    return False


def package_check(facts_by_path: dict[str, Any], options: dict[str, Any]) -> Iterator[tuple[str, Report]]:
    """A goroutine ranging over an unexported field channel is reported when no other
    file of its folder does anything with the field but send, receive, range or make it
    (the files are read from disk, tests included; an unreadable folder reports nothing)."""
    for path, facts in sorted(facts_by_path.items()):
        ranges = facts.get("ranges", [])
        others = folder_sources(path) if ranges else None
        if others is None:
            continue
        for span, field, message, *later in ranges:
            if all(only_used_as_channel(source, field) for source in others) and \
                    not (later and later[0] and any(_sent_on_ending(source, field) for source in others)):
                owner = later[2] if len(later) > 2 else ""
                if owner:
                    ending = _owner_ending(others, owner, field)
                    if ending is None:
                        continue
                    message = message.replace(f"`{owner}.{_OWNER_ENDINGS[-1]}`", f"`{owner}.{ending}`")
                low = len(later) > 1 and later[1]
                yield path, Report(Span(*span), message, confidence=Confidence.LOW if low else None)


def _owner_ending(sources: list[bytes], owner: str, field: str) -> str | None:
    """For an exported channel field of type owner that no file of the package closes:
    the name of owner's ending method (`func (p *Proxy) Close() error`: Close, Stop or
    Shutdown) when the type has one and a file of the package sends on the field (the
    package feeds the channel and ends the value, so the close is the package's to do,
    not its users'). None otherwise: a user may be the one meant to close it."""
    method = re.compile(rb"^func\s*\(\s*\w*\s*\*?\s*" + re.escape(owner.encode()) +
                        rb"\s*\)\s*(" + b"|".join(e.encode() for e in _OWNER_ENDINGS) + rb")\s*\(", re.M)
    send = re.compile(rb"\." + re.escape(field.encode()) + rb"\s*<-")
    found = next((m.group(1).decode() for source in sources for m in method.finditer(source)), None)
    return found if found is not None and any(send.search(source) for source in sources) else None


RULE = Rule(
    code="GL011",
    name="goroutine-without-exit",
    severity=Severity.WARNING,
    confidence=Confidence.MEDIUM,
    check=check,
    package_check=package_check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    # Every finding needs an endless loop in this file: `for {` or `for init; ; post {`.
    # or a range over a ticker's channel, time.Tick, or a channel made in this file;
    # or a goroutine's plain receive from a timer's channel (`<-t.C` ending its line);
    # or a root context passed to the function starting a goroutine that waits on it.
    triggers=(b"for {", b"for{", b"; ;", b";;", b".C {", b"time.Tick(", b"make(chan", b".C\n", b".C\r",
              b"context.Background()", b"context.TODO()", b"range "),
    # and a go statement: the keyword `go` before the call, with what can follow it.
    requires=(b"go ", b"go\t", b"go\n", b"go\r", b"go(", b"go[", b"go/"),
    # Each match is a go statement, and the keyword starts it.
    anchors=(b"go ", b"go\t", b"go\n", b"go\r", b"go(", b"go[", b"go/"),
    anchored=_statement_start,
    tests_by_bytes=True,
    tags=("goroutine-leak", "concurrency"),
    outside=("callees", "callers", "names"),
)
