"""
## What it does
Finds context cancel functions that are discarded with `_` or not called on every path.

It follows the cancel function of `context.WithCancel`, `WithTimeout`, `WithDeadline`,
`WithCancelCause`, `WithTimeoutCause` and `WithDeadlineCause` through the function
that created it.

A `defer cancel()`, a deferred closure that calls it, or a `cancel()` on every path to
every `return` and to the end of the function keeps it quiet. So does handing the
function on, on the paths where that happens: returning it, passing it to another
call (`context.AfterFunc`, `time.AfterFunc(d, cancel)`, a helper of another file),
storing it in a field or map, or using it in a goroutine or another closure that may
call it later; also a closure made before it is assigned (`var cancel ...; w.hook =
func() { cancel() }`, then `ctx, cancel = context.WithCancel(p)`), kept rather than run on
the spot, deferred or started: it calls whichever function the variable holds when it
runs, which any later call may do. A closure that calls it, handed to a call (`t.Cleanup(func() { cancel() })`),
registers the release: the function is not reported even where that registration is
conditional (`if c, ok := t.(cleanupper); ok`), though not on the error returns
before it (below). A helper of the same file counts for what it does: calling the function
releases it, only reading it does not. Paths that end in `panic`,
`os.Exit`, `log.Fatal` or `t.Fatal`/`t.FailNow`/`t.Skip` are not leaks, and neither are
paths that waited for `<-parent.Done()` or `<-ctx.Done()` (the derived context is
cancelled by then). `_ = cancel` quiets `go vet` but not this rule: it cancels
nothing (suppress a deliberate leak with `//goleaklint:ignore GL009 <reason>`).
The `var _, cancel = context.WithCancel(...)` form is followed like `:=` and `=`.

A cancel function kept in an unexported struct field or package variable (`w.cancel =
cancel`, `&worker{cancel: cancel}`, `s.ctx, s.cancel = context.WithCancel(p)`) is
reported when no file of its folder mentions that field or variable otherwise: then
nothing in the package can ever call it (gosec G118). Other files of the folder are read
from disk for this, tests included; a field read through another type that declares a
field of the same name does not count. Exported fields and variables are left alone
(another package may call them). Where the function storing it runs once per process
(`lifetime.function_once`: `main`, set-up code and what only they call) and the fields'
types have no method that ends them (`Close`, `Stop`, `Shutdown`, `Terminate`,
`Release`, `Cancel`, exported or not), the finding is of low confidence: such a value
is made once and lives, with its context, as long as the process. A type with such a
method that does not call the function is meant to end and does not: every
close-and-recreate leaves a context behind. A field's context whose parent is
`context.Background()`/`TODO()` (a root: it registers the child nowhere) is of low
confidence too: all that an uncalled cancel keeps is what waits on `Done()`, and how
many owners a process makes, which decides whether that piles up, is not shown.

So is a field whose every call in the package (other than assignments, every file of
the folder read as above) sits in the branch of an `if` that requires an error (`if err
:= f(g.ctx); err != nil { g.cancel(err) }`, `if err != nil && p.cancelOnError`), when
its type has a method that ends its work (`Wait`, or one of the names above, with a
body that does something) and the parent is not a root context: a task group whose
tasks all succeed, or a value closed without an error, leaves its context registered
with the parent (its timer running, for a deadline). A nil check, an unconditional
call or a hand-off anywhere counts as a release.

Not reported: a `WithTimeout(ctx, 0)` (or a negative constant, `-time.Second`) or a
`WithDeadline` of `time.Time{}`, `time.Unix(0, 0)` (a literal instant before 2001),
`time.Now()` or `time.Now().Add(-d)` with a constant `d`, which the context package
cancels at once; a `WithTimeout`/`WithDeadline` in a `_test.go` function that names
`DeadlineExceeded` after it (the test drives its call into the deadline and checks it,
so the timer has fired before the test ends); and in
`func main()` of package main, a cancel left uncalled only where main returns or ends
(the program ends with it), as `go vet` does; and a function that returns the context it derives from its own
context parameter (`func annotate(ctx context.Context) context.Context { ctx, _ =
context.WithTimeout(ctx, d); return ctx }`) when its file never calls it in a loop: the
child ends with the caller's context (a request's, cancelled once it is served), one
per call. The same holds where every path that leaves the cancel function uncalled
returns a value made to keep the derived context (`return &stream{cmd: cmd}, nil` with
`cmd := exec.CommandContext(ctx, ...)`, or the context in a composite value, directly
or through a local): what it returns runs on in that context, and a deferred cancel
would end it; where it is reported (called in a loop), the advice is to call the cancel
function when what it returns is done. Called in a loop under one parent (a per-attempt
timeout), the children pile up until their deadlines, and that is reported. So is a function literal of that
shape, whose signature gives back a context alone (`func(ctx context.Context)
context.Context`, a hook handed to a library that wraps or replays contexts): it
cannot return a cancel function, and its caller owns the parent.

Nor a `WithCancel`/`WithCancelCause` of a request's context, outside loops: `r.Context()`
(also through `context.WithValue`) of a parameter of the function declared `*http.Request`
or `grpc.ServerStream`, its cancel discarded or kept where nothing calls it: the server
cancels that context when the handler returns or the RPC ends, and the child with it,
which holds no timer; one per request. A deadline's timer runs on until it fires, so a
`WithTimeout` of it stays reported, as do children made per turn of a loop (per message
of a long stream). Nor a `WithTimeout`/`WithDeadline` whose cancel is discarded outside
loops in an example program of its module (`gomod.in_example_tree`, `examples/`, `demo`):
one timer, which its deadline ends, in code that shows a library's use.

Nor a cancel function left uncalled only on paths where the context is already done:
inside an `if` on `ctx.Err() != nil` of the derived context, or on an error that a
call given the derived context returned, compared with `context.DeadlineExceeded`
(`err == context.DeadlineExceeded`, `errors.Is(err, context.DeadlineExceeded)`): the
deadline has fired (or a parent's, which cancels the child too), and the context
package has already cancelled it, as after `<-ctx.Done()`. Nor the cancel function of a
`WithTimeout`/`WithDeadline` context lost only where it is reassigned in the branch of
`if _, ok := d.Deadline(); !ok` on that context (nothing assigning it in between): such a
context always has a deadline, so the branch never runs while it is held. One lost only
where it is reassigned in the branch of `if _, ok := p.Deadline(); ok` on its parent p
(`ctx, cancel = context.WithDeadline(p, d)`, a tighter deadline) is of low confidence:
there the parent's deadline ends the lost child soon enough. Nor a `WithTimeout` or
`WithDeadline` whose cancel function is discarded in code that runs once per process
outside any loop (`func main()` of a program, an `init`, a command action, or a
goroutine literal that main starts, such as its own shutdown handler): one timer
that ends at its deadline.

A cancel function that every iteration of a loop calls (a statement of the loop's body calls
it, defers it or starts a goroutine that calls it, `for _, s := range list { go run(s)
}`, with no return, break, continue or goto before it), lost only at exits that follow
the loop, is lost only if the loop runs no iteration, which the code does not show can
happen: the finding is of low confidence and says so. So is one whose parent is a local
context the same function made with `context.With...` and whose cancel function it calls
on every path, deferred or not (`ctx, shutdown := context.WithCancel(...)`, `shutdown()`
before it returns): cancelling the parent releases the child by the time the function
ends.

Nor is a cancel function left uncalled only by returns that answer a call which gave
neither a value nor an error (`r, err := send(ctx)`, then, where `err` is nil, `if r ==
nil { return nil, errors.New("invalid state") }`): Go's convention rules that path out.

Where the function hands the cancel function on (stores or returns it) on some paths
and leaks it on others, the advice is to call it on the leaking paths: a `defer` would
cancel the context that was handed on. So it is in a loop, where a `defer` would wait
for the function's end, and where the derived context itself is stored (in a field, a
composite value such as `&Conn{ctx: ctx}`, a package variable or a channel): it outlives
the function there, so the advice is to call cancel when what keeps it is done.

The message says what is true while cancel is not called: a `WithTimeout`/`WithDeadline`
context can live (its timer, its link to the parent) until the deadline; a `WithCancel`
one ends only when its parent is cancelled (a cancellable parent keeps it linked until
then; the rule does not know what the callers pass), and with a
`context.Background()`/`TODO()`/`WithoutCancel` parent (also through `WithValue`)
nothing ever cancels it (whatever waits on its
`Done()` waits forever).

A `WithCancel`/`WithCancelCause` of `context.Background()`, `TODO()` or
`WithoutCancel` (in the call, also through `WithValue`, or through a local variable bound
to one before, in a block around the call and outside its loop: `ctx :=
context.Background()`, then `context.WithCancel(ctx)`) holds nothing while nothing waits on it: a root parent
keeps no list of children, so the lost context is garbage. Such a cancel function,
discarded or not called on some path, is reported only where, before that path leaves,
the context reached something that may wait on its `Done()`: a goroutine (`go f(ctx)`,
a `go func() {...}()` that reads it), a field, a package variable, a composite value or
a channel; the message names the line. A root held in a package variable (`var bg =
context.Background()`) is not followed: the variable may change. One that reached none of
them is still reported, as a `note` (a contract broken with nothing held yet), where the
function calls or hands on the cancel function on some path and loses it only at returns
of an error (its last result is `error`, returned not `nil`), each after the context was
used: a constructor that keeps the context on success (`return &hook{ctx: ctx, cancel:
cancel}, nil`) and gives up after the checks it handed the context to. These are the
paths `go vet`'s lostcancel reports; the advice is to call cancel on them. Not in test
code, whose cost ends with the test.

A closure that calls the cancel function, handed to a call, covers only the paths that
reach or skip its registration: where every leaking exit is a return before it (an error
return that gives up first), the function is reported as above.

Test code (a `_test.go` file, a package named as Go names packages of test helpers,
`httptest`, `rafttest`, `awstesting`, `testutil(s)`; a function that takes a `*testing.T`,
`*testing.B`, `*testing.F` or `testing.TB`, a method of a type the file declares embedding
testify's `suite.Suite` or holding a testing value) reports only what outlasts the test or
piles up: not a lost cancel of a
`WithTimeout`/`WithDeadline` context (its deadline ends it, one timer), nor of a child of
`t.Context()` (cancelled when the test ends); a child of `Background()`/`TODO()` as above
(reported where a goroutine or a field has it); a child of any other parent only when it
is made in a loop or in a helper (a function other than a `Test`, `Benchmark`, `Fuzz` or
`Example` function and its literals). `go vet`'s lostcancel reports them all, but `go
test` does not run it. What test code (here as `analysis/lifetime.test_code` reads it:
also a package that only test code of the module imports, a file below a folder of test
programs) reports is of low confidence where the code confines its cost to the test
binary (`lifetime.test_cost_only`, the answer every rule asks of test code: run in a
test or test support, not an `Example` nor a plain function
of a `_test.go` file, which may be the code under test; in no loop's body on the way
other than one over a table written out; in a package whose tests do not check for
leaked goroutines): a helper's child of its caller's context ends when that context
does, and a harness's when the harness stops. Made in a loop, children pile up under one
parent: shown.

The package must be imported as `context` (or `golang.org/x/net/context`).

## Why is this bad?
A derived context stays registered with its parent until it is cancelled: its timer
(for the deadline variants) and its entry in the parent's children map live on, and so
does every goroutine waiting on its `Done()` channel. Calling cancel only on the
success path leaks all of that on each error return; with a long-lived parent (a
server's base context) it is a memory leak that grows with the error rate.

## Example
```go
ctx, cancel := context.WithTimeout(parent, time.Second)
v, err := fetch(ctx)
if err != nil {
    return err
}
cancel()
```

## Use instead
```go
ctx, cancel := context.WithTimeout(parent, time.Second)
defer cancel()
v, err := fetch(ctx)
if err != nil {
    return err
}
```

## References
- [context: WithCancel](https://pkg.go.dev/context#WithCancel) ("Canceling this context releases resources associated with it")
- [go vet: lostcancel](https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/lostcancel)
"""

from __future__ import annotations

import os
import re
from typing import Any, Iterable, Iterator

from goleaklint.analysis.cfg import conjuncts, nil_operand
from goleaklint.analysis.channels import strip_parens
from goleaklint.analysis.gomod import in_example_tree
from goleaklint.analysis.lifetime import PackageFiles, ends, function_once, runs_once, test_cost_only
from goleaklint.analysis.names import LOCAL, PACKAGE, TESTING_VALUES, names_for, package_groups
from goleaklint.analysis.package import folder_files, parsed
from goleaklint.analysis.types import ERROR, types_for
from goleaklint.fixes import called_in_loop, defer_after, free_name, in_loop
from goleaklint.model import (Confidence, Context, Edit, Fix, Report, Rule,
                              Severity, Span, span_of)
from goleaklint.release import Release, analyze, leak_message, left_names, shortest_fitting, skipped_loop
from goleaklint.syntax import (ancestors, arguments, assignments, call_name, descendants, enclosing_function,
                              is_test_entry, is_test_file, named, program_main, statements, text, within)

CONTEXT_PATHS = ("context", "golang.org/x/net/context")


def check(ctx: Context) -> Iterator[Report]:
    for _, captures in ctx.matches:
        stmt, call = captures["acquire"][0], captures["call"][0]
        operand, name = call_name(call, ctx.source)
        if not _from_context(call, ctx):
            continue  # a local named `context` is not the package
        names = stmt.children_by_field_name("name") if stmt.type == "var_spec" else left_names(stmt)
        if len(names) != 2:
            continue
        args = arguments(call)
        if _already_expired(name, args, ctx):
            continue  # cancelled at once by the context package: nothing stays registered
        if _waits_out_deadline(name, stmt, ctx):
            continue  # the test asserts the deadline passed: the timer has fired by then
        origin = f"{operand}.{name}"
        consequence = _consequence(name, args, ctx)
        test = ctx.names.in_test_code(stmt)
        if test and ("Cancel" not in name or _test_context(args[0] if args else None, ctx)):
            continue  # the deadline or the test's end ends it: hygiene whose cost ends by itself
        if "Cancel" in name and not in_loop(stmt) and _request_context(args[0] if args else None, stmt, ctx):
            continue  # no timer, and the server cancels the request's context, and it, as the request ends
        if ctx.text(names[1]) == "_" and "Cancel" not in name and not in_loop(stmt) and \
                in_example_tree(ctx.path or ""):
            continue  # one timer of an example program, which its deadline ends
        if names[1].type not in ("identifier", "blank_identifier"):
            _remember_store(ctx, call, [names[1]], "", origin, consequence)
            continue
        cancel = ctx.text(names[1])
        returned = _returned(stmt, names[0], ctx)
        if returned and _per_caller(stmt, args[0] if args else None, ctx):
            continue  # the caller's context bounds what it gets back, once per call
        root = "Cancel" in name and _is_root(args[0] if args else None, ctx)
        if test and not root and not in_loop(stmt) and _test_entry(stmt, ctx):
            continue  # one child of the test's own context, which ends with the test
        if cancel == "_" and "Cancel" not in name and runs_once(stmt, ctx.names, ctx.root, ctx.source, programs=False):
            continue  # one timer, in code that runs once per process: it ends at its deadline
        if cancel == "_":
            waiter = _waiter(stmt, names[0], None, ctx) if root else None
            if root and waiter is None:
                continue  # a child of Background() that nothing waits on holds nothing
            if waiter is not None:
                consequence += f" ({waiter})"
            # A function that returns the context cannot defer its cancel (that would cancel
            # what it returns): its caller must get the cancel function too.
            advice = "return it with the context for the caller to call" if returned \
                else "bind it and defer the call"
            yield Report(call, shortest_fitting(
                f"the cancel function of {origin} is discarded with `_`, so {consequence}; {advice}",
                f"the cancel function is discarded with `_`, so {consequence}; {advice}"),
                fix=None if returned else bind_fix(stmt, names[1], ctx), confidence=_test_cost_confidence(call, ctx))
            continue
        done_of = tuple(ctx.text(n) for n in (names[0], args[0] if args else None)
                        if n is not None and n.type in ("identifier", "selector_expression"))
        release = Release(call=True, done_of=done_of)
        statement = stmt.parent if stmt.type == "var_spec" else stmt  # the var_declaration
        outcome = analyze(statement, names[1], release, ctx.source)
        if outcome is None and ctx.names.resolve(names[1]).kind == PACKAGE:
            _remember_store(ctx, call, [names[1]], cancel, origin, consequence)
            continue
        verdict = outcome.verdict if outcome is not None else None
        if verdict is None or _ends_program(stmt, outcome, ctx) or _registered_cleanup(outcome, verdict, ctx):
            continue
        if verdict.leaking and _kept_closure_calls(stmt, names[1], ctx):
            continue  # a closure made before calls whichever function the variable holds when it runs
        if verdict.leaking and all(e.kind == "return" and _defensive(e.node, ctx) for e in verdict.leaks):
            continue  # lost only where a callee broke its contract: a value and an error both nil
        if verdict.leaking and all(e.kind == "return" and _already_done(e.node, names[0], ctx) for e in verdict.leaks):
            continue  # lost only where the context is done already: the context package cancelled it
        if verdict.leaking and "Cancel" not in name and all(
                e.kind == "reassign" and _without_deadline(e.node, stmt, names[0], ctx) for e in verdict.leaks):
            continue  # reassigned only where the context has no deadline, which this one always has
        if root and verdict.leaking:
            waiter = _waiter(stmt, names[0], verdict.leaks, ctx)
            if waiter is None:
                if not test and _lost_on_errors(stmt, names[0], verdict, ctx):
                    # kept or called on the way that succeeds, lost where it fails: the
                    # contract go vet checks, with nothing held yet (a note)
                    brief = leak_message(outcome, "called", brief=True)
                    yield Report(call, shortest_fitting(
                        f"`{cancel}` from {origin} is {brief}, so nothing ever cancels the context; "
                        f"call {cancel}() on those error paths",
                        f"`{cancel}` is {brief}, so nothing ever cancels the context; call {cancel}() on "
                        "those error paths"),
                        severity=Severity.NOTE, confidence=_test_cost_confidence(call, ctx))
                continue  # a child of Background() that nothing waits on yet holds nothing
            consequence += f" ({waiter})"
        # lost only where it returns a value that runs on in the context (`&stream{cmd: cmd}`)
        holder = verdict.leaking and all(e.kind == "return" and _returns_holder(stmt, names[0], e.node, ctx)
                                         for e in verdict.leaks)
        if holder and _per_caller(stmt, args[0] if args else None, ctx):
            continue  # the caller's context bounds what it gets back, once per call
        if verdict.leaking and (loop := skipped_loop(verdict.leaks, names[1], release, ctx.source)) is not None:
            # every turn of the loop calls it: lost only if the loop runs no iteration, which the
            # code does not show can happen (a goroutine's call may still be running after)
            yield Report(call, shortest_fitting(
                f"`{cancel}` from {origin} is not called if the loop at line {loop.start_point[0] + 1} "
                f"runs no iteration, so {consequence} then; call {cancel}() on that path",
                f"`{cancel}` is not called if the loop at line {loop.start_point[0] + 1} runs no iteration, "
                f"so {consequence} then; call {cancel}() on that path"), confidence=Confidence.LOW)
            continue
        if not verdict.leaking:
            if not verdict.released_somewhere and outcome.handoffs:
                _remember_store(ctx, call, [n for _, n in outcome.handoffs], cancel, origin, consequence)
            continue
        if verdict.handed_somewhere or in_loop(stmt):
            # kept by someone on other paths (a defer would cancel it there too), or made
            # per iteration (a defer would wait for the function's end)
            advice, fix = f"call {cancel}() on those paths", None
        elif returned:
            advice, fix = f"return {cancel} with the context for the caller to call", None
        elif holder:
            # what it returns runs on in the context: a defer would cancel it
            advice, fix = f"call {cancel}() when what it returns is done", None
        elif (line := _stored_line(stmt, names[0], ctx)) is not None:
            # the context outlives the function in what holds it: a defer would cancel it
            advice, fix = f"call {cancel}() when what keeps the context (line {line}) is done", None
        else:
            advice = f"defer {cancel}()"
            fix = defer_after(stmt, "", f"{cancel}()", ctx.source, advice)
        # LOW: released with its parent by the function's end, or lost only where the parent
        # has a deadline (`if _, ok := parent.Deadline(); ok { ctx, cancel = ... }`), which ends it
        confidence = Confidence.LOW if _parent_cancelled(args[0] if args else None, stmt, ctx) or (
            args and args[0].type in ("identifier", "selector_expression") and all(
                e.kind == "reassign" and _without_deadline(e.node, stmt, args[0], ctx, has=True)
                for e in verdict.leaks)) else _test_cost_confidence(call, ctx)
        full, brief = leak_message(outcome, "called"), leak_message(outcome, "called", brief=True)
        yield Report(call, shortest_fitting(
            f"`{cancel}` from {origin} is {full}, so {consequence}; {advice}",
            f"`{cancel}` from {origin} is {brief}, so {consequence}; {advice}",
            f"`{cancel}` is {brief}, so {consequence}; {advice}",
            f"`{cancel}` is {brief}; {advice}"), fix=fix, confidence=confidence)


def _kept_closure_calls(stmt, var, ctx: Context) -> bool:
    """Whether a function literal made before stmt, and kept rather than run on the spot
    (not `func() {...}()`, nor deferred, nor started with `go`), calls the variable var
    that stmt assigns (`WatchFunc: func(...) { cancel(err) }`, then `ctx, cancel =
    context.WithCancel(p)`): the literal reads the variable when it runs, so any call
    after stmt may cancel this context; the code does not show that it is left uncalled."""
    func = ctx.names.outermost_function(stmt)
    if func is None:
        return False
    for use in ctx.names.uses(var, func):
        call = use.parent
        if use.start_byte >= stmt.start_byte or call is None or call.type != "call_expression" or \
                call.child_by_field_name("function") != use:
            continue
        literal = next((a for a in ancestors(use) if a.type == "func_literal"), None)
        if literal is None or literal.end_byte > stmt.start_byte:
            continue
        holder = literal.parent
        if holder is not None and holder.type == "call_expression" and holder.child_by_field_name("function") == literal:
            continue  # run on the spot (or deferred, or in a goroutine), not kept for later
        return True
    return False


def _test_cost_confidence(call, ctx: Context) -> Confidence | None:
    """LOW for test code whose cost the code confines to the test binary
    (lifetime.test_cost_only): asked of a report only, as most candidates are not
    reported and the question reads the module's index."""
    return Confidence.LOW if test_cost_only(call, ctx.names, ctx.path or "", ctx.source, goroutines=True) else None


def _returned(stmt, derived, ctx: Context) -> bool:
    """Whether the function of stmt returns the context it derives (`return ctx`, or
    `return ctx, nil`), so that a deferred cancel would cancel what it hands back."""
    func = enclosing_function(stmt)
    if func is None or derived.type != "identifier":
        return False
    binding = ctx.names.resolve(derived)
    return binding.decl is not None and any(
        value.type == "identifier" and ctx.names.resolve(value).decl == binding.decl
        for ret in descendants(func, ("return_statement",), into_functions=False)
        for values in ret.named_children for value in
        (values.named_children if values.type == "expression_list" else [values]))


def _returns_holder(stmt, derived, ret, ctx: Context) -> bool:
    """Whether the return statement ret returns a value made to keep the context stmt derives:
    a composite value (`&SendStream{cmd: cmd}`, directly or through a local bound to it)
    holding the context or a local bound to the only result of a call given it (`cmd :=
    exec.CommandContext(ctx, ...)`): what it returns runs on in that context, which a
    deferred cancel would end."""
    func = enclosing_function(stmt)
    if func is None or derived.type != "identifier":
        return False
    decl = ctx.names.resolve(derived).decl

    def holds(value, at, depth: int) -> bool:
        if value is None or depth > 3:
            return False
        if value.type == "unary_expression":
            return holds(value.child_by_field_name("operand"), at, depth)
        if value.type == "composite_literal":
            body = value.child_by_field_name("body")
            return body is not None and any(
                holds(element, at, depth + 1) for element in descendants(body, ("identifier",)))
        if value.type != "identifier" or ctx.names.resolve(value).kind != LOCAL:
            return False
        if decl is not None and ctx.names.resolve(value).decl == decl:
            return depth > 0  # the context itself, returned bare, is _returned's
        found = ctx.names.reaching(value, at)
        holder = next((a for a in ancestors(found[0]) if a.type in ("short_var_declaration", "assignment_statement")),
                      None) if found is not None else None
        if found is None or found[1] is None or holder is None or holder.start_byte < stmt.end_byte:
            return False
        made = found[1]
        if made.type == "call_expression":  # kept in a composite value, not returned bare (an error)
            return depth > 0 and len(left_names(holder)) == 1 and decl is not None and any(
                a.type == "identifier" and ctx.names.resolve(a).decl == decl for a in arguments(made))
        return holds(made, holder, depth + 1)

    return any(holds(value, ret, 0) for values in ret.named_children[:1] for value in
               (values.named_children[:1] if values.type == "expression_list" else [values]))


def _per_caller(stmt, parent, ctx: Context) -> bool:
    """Whether the function derives the context it returns from a context parameter and
    this file never calls it in a loop: the child ends when the caller's context does
    (a per-request context its caller cancels when done), and each call makes one.
    Called in a loop under one parent (a per-attempt timeout), children pile up until
    their deadlines, so that is still reported."""
    func = enclosing_function(stmt)
    if parent is None or parent.type != "identifier" or func is None:
        return False
    if not ctx.names.declared_in(parent, func):
        return False
    if func.type == "func_literal":
        # a callback whose signature gives back a context alone (`func(ctx context.Context)
        # context.Context`, a replay or wrap hook): it cannot hand a cancel function over,
        # and whoever calls it owns the parent
        result = func.child_by_field_name("result")
        return result is not None and ctx.names.qualified(result) in (
            (path, "Context") for path in CONTEXT_PATHS)
    return not called_in_loop(func, ctx.root, ctx.source)


# The parameters whose `Context()` is one request's: a handler's `*http.Request` (cancelled
# when ServeHTTP returns) and a gRPC server stream (cancelled when the RPC ends).
_REQUESTS = (("net/http", "Request"), ("google.golang.org/grpc", "ServerStream"))


def _request_context(parent, stmt, ctx: Context) -> bool:
    """Whether parent is `r.Context()` (also wrapped in `context.WithValue`) of a
    parameter r of the function around stmt declared `*http.Request` or
    `grpc.ServerStream`: the server cancels that context when the request or the RPC
    ends, and every child with it, one per call."""
    parent = strip_parens(parent)
    if parent is None or parent.type != "call_expression":
        return False
    if _from_context(parent, ctx):
        args = arguments(parent)
        return call_name(parent, ctx.source)[1] == "WithValue" and bool(args) and \
            _request_context(args[0], stmt, ctx)
    function = parent.child_by_field_name("function")
    if arguments(parent) or function is None or function.type != "selector_expression" or \
            ctx.text(function.child_by_field_name("field")) != "Context":
        return False
    operand = function.child_by_field_name("operand")
    holder = ctx.names.declaring(operand)
    if holder is None or holder.type != "parameter_declaration" or \
            holder.parent is None or holder.parent.parent != enclosing_function(stmt):
        return False
    kind = holder.child_by_field_name("type")
    if kind is not None and kind.type == "pointer_type":
        kind = kind.named_children[0] if kind.named_children else None
    return kind is not None and ctx.names.qualified(kind) in _REQUESTS


def _from_context(call, ctx: Context) -> bool:
    """Whether call is a function of the context package (resolved through the imports)."""
    resolved = ctx.names.qualified(call.child_by_field_name("function"))
    return resolved is not None and resolved[0] in CONTEXT_PATHS


def _is_root(parent, ctx: Context) -> bool:
    """`context.Background()`, `context.TODO()` or `context.WithoutCancel(p)`, also
    wrapped in `context.WithValue` or bound to a local variable before (`ctx :=
    context.Background()`, then `context.WithCancel(ctx)`; _root_local): a parent that
    is never cancelled."""
    if parent is not None and parent.type == "identifier":
        return _root_local(parent, ctx)
    if parent is None or parent.type != "call_expression" or not _from_context(parent, ctx):
        return False
    _, name = call_name(parent, ctx.source)
    args = arguments(parent)
    if name == "WithValue" and args:
        return _is_root(args[0], ctx)
    return (name in ("Background", "TODO") and not args) or name == "WithoutCancel"


def _root_local(ident, ctx: Context) -> bool:
    """Whether the local variable ident holds a root context (see _is_root) where it is
    used: the last assignment before its statement binds one, in a block around that
    statement (not a branch beside it) and outside any loop that the statement runs in
    and the assignment does not (which may bind it again on the next turn)."""
    names = ctx.names
    if names.resolve(ident).kind != LOCAL:
        return False  # a package variable may change
    position = next((a for a in ancestors(ident) if a.type in (
        "short_var_declaration", "assignment_statement", "var_spec", "expression_statement")), ident)
    found = names.reaching(ident, position)
    value = found[1] if found is not None else None
    holder = next((a for a in ancestors(found[0]) if a.type in (
        "short_var_declaration", "assignment_statement", "var_spec")), None) if found is not None else None
    if value is None or holder is None or holder.parent is None or not within(position, holder.parent):
        return False
    for loop in ancestors(position):
        if loop == holder.parent:
            break
        if loop.type == "for_statement":
            return False
    return value.type != "identifier" and _is_root(value, ctx)


def _parent_cancelled(parent, stmt, ctx: Context) -> bool:
    """Whether the parent context is a local variable that the same function binds
    from a context.With... call (not WithValue) and whose cancel function it calls on
    every path, deferred or not, handing it nowhere (`ctx, shutdown :=
    context.WithCancel(...)`, then `shutdown()` before each return): cancelling the
    parent cancels stmt's child and releases it, by the time the function ends."""
    names = ctx.names
    if parent is None or parent.type != "identifier" or names.resolve(parent).kind != LOCAL:
        return False
    found = names.reaching(parent, stmt)
    holder = next((a for a in ancestors(found[0]) if a.type in ("short_var_declaration", "assignment_statement")),
                  None) if found is not None else None
    right = holder.child_by_field_name("right") if holder is not None else None
    value = right.named_children[0] if right is not None and len(right.named_children) == 1 else None
    if holder is None or value is None or value.type != "call_expression" or not _from_context(value, ctx) or \
            not call_name(value, ctx.source)[1].startswith("With") or call_name(value, ctx.source)[1] == "WithValue" \
            or enclosing_function(holder) != enclosing_function(stmt):
        return False
    bound = left_names(holder)
    if len(bound) != 2 or bound[1].type != "identifier" or ctx.text(bound[1]) == "_":
        return False
    outcome = analyze(holder, bound[1], Release(call=True), ctx.source)
    verdict = outcome.verdict if outcome is not None else None
    return verdict is not None and not verdict.leaking and not verdict.handed_somewhere


def _without_deadline(node, stmt, derived, ctx: Context, has: bool = False) -> bool:
    """Whether node sits in the branch of `if _, ok := d.Deadline(); !ok` where d is the
    derived context (the same variable or field path, `o.ctx`), which nothing assigns
    between stmt and that `if`: the branch runs only when d has no deadline, and the
    WithTimeout or WithDeadline context of stmt always has one. With has, of `if _, ok :=
    d.Deadline(); ok`: the branch runs only when d has a deadline."""
    func = enclosing_function(stmt)
    body = func.child_by_field_name("body") if func is not None else None
    for guard in ancestors(node):
        if guard.type in ("func_literal", "function_declaration", "method_declaration"):
            return False
        if guard.type != "if_statement" or not within(node, guard.child_by_field_name("consequence")):
            continue
        init, condition = guard.child_by_field_name("initializer"), guard.child_by_field_name("condition")
        left = left_names(init) if init is not None and init.type == "short_var_declaration" else []
        right = init.child_by_field_name("right") if left else None
        call = right.named_children[0] if right is not None and len(right.named_children) == 1 else None
        function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" \
            else None
        tested = strip_parens(condition)  # `ok`, or `!ok` without has
        if not has:
            negated = tested is not None and tested.type == "unary_expression" and \
                ctx.text(tested.child_by_field_name("operator")) == "!"
            tested = strip_parens(tested.child_by_field_name("operand")) if negated else None
        if len(left) != 2 or function is None or function.type != "selector_expression" or arguments(call) or \
                ctx.text(function.child_by_field_name("field")) != "Deadline" or \
                not ctx.names.same_path(function.child_by_field_name("operand"), derived) or \
                tested is None or tested.type != "identifier" or left[1].type != "identifier" or \
                not ctx.names.same_variable(tested, left[1]):
            continue
        return body is not None and not any(
            stmt.end_byte <= statement.start_byte < guard.start_byte and ctx.names.same_path(target, derived)
            for target, _, statement in assignments(body))
    return False


def _consequence(name: str, args: list, ctx: Context) -> str:
    """What is true of the context while its cancel function is not called."""
    if "Cancel" not in name:
        return "it can live until the deadline"
    if _is_root(args[0] if args else None, ctx):
        return "nothing ever cancels it"
    # The parent may be cancellable or not (a caller may pass Background()): either
    # way only its cancellation ends the child.
    return "only its parent can end it"


def _defensive(ret, ctx: Context) -> bool:
    """Whether the return is the defensive answer to a call that returned neither a value
    nor an error: it sits in `if v == nil` (or the first operand of an `||` there), v was
    bound with err by one call (`v, err = next.Do(ctx, req)`), and err is nil there (the
    `else` of `if err != nil`, or after an `if err != nil` that returns)."""
    for guard in ancestors(ret):
        if guard.type in ("func_literal", "function_declaration", "method_declaration"):
            return False
        if guard.type == "if_statement" and within(ret, guard.child_by_field_name("consequence")):
            condition = guard.child_by_field_name("condition")
            while condition.type in ("parenthesized_expression", "binary_expression") and condition.named_children \
                    and (condition.type == "parenthesized_expression" or
                         ctx.text(condition.child_by_field_name("operator")) == "||"):
                condition = condition.named_children[0]
            value = nil_operand(condition, "==")
            if value is None or value.type != "identifier":
                continue
            bound = ctx.names.reaching(value, guard)
            statement = next((a for a in ancestors(bound[0]) if a.type in (
                "short_var_declaration", "assignment_statement")), None) if bound is not None else None
            targets = left_names(statement) if statement is not None else []
            right = statement.child_by_field_name("right") if statement is not None else None
            if len(targets) != 2 or right is None or len(right.named_children) != 1 or \
                    right.named_children[0].type != "call_expression" or targets[1].type != "identifier":
                return False
            return _error_nil_at(guard, statement, targets[1], ctx)
    return False


def _already_done(ret, derived, ctx: Context) -> bool:
    """Whether ret sits in the branch of an `if` whose condition says the derived context
    is done: `derived.Err() != nil`, or an error compared with context.DeadlineExceeded
    (`==`, `errors.Is`) that is `derived.Err()` or was bound by a call given the derived
    context (`if err := srv.Shutdown(ctx); ... err == context.DeadlineExceeded`)."""
    if derived.type != "identifier":
        return False
    context = ctx.names.resolve(derived).decl
    if context is None:
        return False
    for guard in ancestors(ret):
        if guard.type in ("func_literal", "function_declaration", "method_declaration"):
            return False
        if guard.type == "if_statement" and within(ret, guard.child_by_field_name("consequence")) and \
                any(_says_done(part, context, guard, ctx) for part in conjuncts(guard.child_by_field_name("condition"))):
            return True
    return False


def _says_done(condition, context, guard, ctx: Context) -> bool:
    """`c.Err() != nil`, or an error of the context (see _already_done) compared with
    `context.DeadlineExceeded` by `==` or `errors.Is`."""
    if condition.type == "binary_expression":
        operator = condition.child_by_field_name("operator").type
        left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
        if operator == "!=" and ctx.text(right) == "nil":
            return _context_error(left, context, ctx)
        sides = [left, right]
    elif condition.type == "call_expression" and ctx.names.qualified(
            condition.child_by_field_name("function")) == ("errors", "Is"):
        operator, sides = "==", arguments(condition)
    else:
        return False
    if operator != "==" or len(sides) != 2:
        return False
    exceeded = [s for s in sides if s.type == "selector_expression" and
                ctx.names.qualified(s) in ((path, "DeadlineExceeded") for path in CONTEXT_PATHS)]
    error = next((s for s in sides if s not in exceeded), None)
    if not exceeded or error is None:
        return False
    if _context_error(error, context, ctx):
        return True
    bound = ctx.names.reaching(error, guard) if error.type == "identifier" else None
    statement = next((a for a in ancestors(bound[0]) if a.type in (
        "short_var_declaration", "assignment_statement")), None) if bound is not None else None
    right = statement.child_by_field_name("right") if statement is not None else None
    calls = [v for v in right.named_children if v.type == "call_expression"] if right is not None else []
    return any(a.type == "identifier" and ctx.names.resolve(a).decl == context
               for call in calls for a in arguments(call))


def _context_error(node, context, ctx: Context) -> bool:
    """`c.Err()` of the context whose declaration is context."""
    if node is None or node.type != "call_expression" or arguments(node):
        return False
    function = node.child_by_field_name("function")
    if function.type != "selector_expression" or ctx.text(function.child_by_field_name("field")) != "Err":
        return False
    operand = function.child_by_field_name("operand")
    return operand.type == "identifier" and ctx.names.resolve(operand).decl == context


def _error_nil_at(node, bound, err, ctx: Context) -> bool:
    """Whether the variable err (an identifier bound by the statement bound) is nil where
    node is: node is in the `else` of `if err != nil`, or follows (in a statement list
    between bound and node) an `if err != nil` whose branch returns; an `err` the `if`
    declares (`if err := check(); err != nil`) is another variable."""
    for guard in ancestors(node):
        if guard.type in ("func_literal", "function_declaration", "method_declaration"):
            return False
        if guard.type == "if_statement" and guard.start_byte > bound.start_byte and \
                within(node, guard.child_by_field_name("alternative")) and \
                ctx.names.tests_nil(guard.child_by_field_name("condition"), err, "!="):
            return True
        if guard.type in ("statement_list", "block"):
            for before in guard.named_children:
                if before.start_byte >= node.start_byte:
                    break
                consequence = before.child_by_field_name("consequence") if before.type == "if_statement" else None
                steps = statements(consequence) if consequence is not None else []
                if before.start_byte > bound.end_byte and steps and steps[-1].type == "return_statement" and \
                        ctx.names.tests_nil(before.child_by_field_name("condition"), err, "!="):
                    return True
    return False


def _test_context(parent, ctx: Context) -> bool:
    """`t.Context()` of a test's `*testing.T` (B, F, TB): cancelled when the test ends."""
    if parent is None or parent.type != "call_expression" or arguments(parent):
        return False
    function = parent.child_by_field_name("function")
    if function.type != "selector_expression" or ctx.text(function.child_by_field_name("field")) != "Context":
        return False
    owner = ctx.types.of(function.child_by_field_name("operand"))
    return owner is not None and any(owner.is_named("testing", kind) for _, kind in TESTING_VALUES)


def _test_entry(stmt, ctx: Context) -> bool:
    """Whether stmt is in a test, benchmark, fuzz target or example itself (its subtests'
    literals included), not in a helper that many tests may call."""
    func = ctx.names.outermost_function(stmt)
    return func is not None and func.type == "function_declaration" and is_test_file(ctx.path or "") and \
        is_test_entry(ctx.text(func.child_by_field_name("name")))


def _waiter(stmt, derived, leaks, ctx: Context) -> str | None:
    """Where the derived context went, before one of the leaking exits (any, when leaks
    is None), that may wait on its `Done()` after the function moves on: a goroutine
    (`go f(ctx)`, a `go func() {...}()` that reads it), a field, a composite value, a
    package variable or a channel. A child of `Background()` that reached none of them
    holds nothing when its cancel function is lost: nothing registered it."""
    func = enclosing_function(stmt)
    if func is None or derived.type != "identifier" or ctx.text(derived) == "_":
        return None
    ends = [e.node.end_byte if e.kind in ("end", "scope") else e.node.start_byte for e in leaks or ()]
    for use in ctx.names.uses(derived, func):
        if use.start_byte < stmt.end_byte or (leaks is not None and not any(use.start_byte < end for end in ends)):
            continue
        line = use.start_point[0] + 1
        if any(a.type == "go_statement" and a.start_byte >= stmt.end_byte for a in ancestors(use)):
            return f"the goroutine of line {line} has it"
        if _stored(use, ctx):
            return f"it is stored at line {line}"
    return None


def _lost_on_errors(stmt, derived, verdict, ctx: Context) -> bool:
    """Whether a child of a root context, called or handed on on some path, is lost only
    at returns of an error (the function's last result is `error`, returned not `nil`),
    each after the derived context was used (handed to a call, read by a literal): the
    paths that go vet's lostcancel reports, where a callee may have kept it."""
    func = enclosing_function(stmt)
    results = ctx.types._results_of(func) if func is not None else ()
    if not results or results[-1] != ERROR or derived.type != "identifier" or ctx.text(derived) == "_" or \
            not (verdict.released_somewhere or verdict.handed_somewhere):
        return False
    uses = [u.start_byte for u in ctx.names.uses(derived, func) if u.start_byte >= stmt.end_byte]
    for leak in verdict.leaks:
        if leak.kind != "return":
            return False
        values = leak.node.named_children
        values = values[0].named_children if values and values[0].type == "expression_list" else values
        if not values or ctx.text(values[-1]) == "nil" or not any(u < leak.node.start_byte for u in uses):
            return False
    return True


def _stored_line(stmt, derived, ctx: Context) -> int | None:
    """The line where the derived context is stored (a field, a composite value, a
    package variable, a channel) after stmt, if it is: it outlives the function there."""
    func = enclosing_function(stmt)
    if func is None or derived.type != "identifier" or ctx.text(derived) == "_":
        return None
    return next((use.start_point[0] + 1 for use in ctx.names.uses(derived, func)
                 if use.start_byte >= stmt.end_byte and _stored(use, ctx)), None)


def _stored(use, ctx: Context) -> bool:
    """Whether this use of a variable puts its value where it outlives the statement: a
    field or package variable, a composite value, a channel."""
    node = use
    while node.parent is not None and node.parent.type in ("parenthesized_expression", "unary_expression"):
        node = node.parent
    parent = node.parent
    if parent is None:
        return False
    if parent.type in ("literal_element", "keyed_element"):
        return not _stored_at(node)
    if parent.type == "send_statement":
        return parent.child_by_field_name("value") == node
    if parent.type == "expression_list" and parent.parent is not None and \
            parent.parent.type == "assignment_statement" and parent == parent.parent.child_by_field_name("right"):
        targets, values = left_names(parent.parent), parent.named_children
        target = targets[values.index(node)] if len(targets) == len(values) and node in values else None
        return target is not None and (target.type in ("selector_expression", "index_expression") or
                                       target.type == "identifier" and ctx.names.resolve(target).kind == PACKAGE)
    return False


def _registered_cleanup(outcome, verdict, ctx: Context) -> bool:
    """Whether the function hands a closure that calls the cancel function to a call
    (`t.Cleanup(func() { cancel() })`, also behind a type assertion on t): it registered
    the release with whoever runs the callback, so the paths that skip the registration
    (an interface the value lacks) are a deliberate choice, not a forgotten cancel. Not
    so where every leaking exit is a return before the registration (an error return
    that gives up before it gets there)."""
    leaks = verdict.leaks if verdict.leaking else []
    for _, use in outcome.handoffs:
        parent = use.parent
        if parent is None or parent.type != "call_expression" or parent.child_by_field_name("function") != use:
            continue  # not a call of the cancel function
        literal = next((a for a in ancestors(use) if a.type == "func_literal"), None)
        if literal is not None and literal.parent is not None and literal.parent.type == "argument_list":
            return not leaks or not all(e.kind == "return" and e.node.end_byte <= literal.start_byte for e in leaks)
    return False


def _already_expired(name: str, args: list, ctx: Context) -> bool:
    """`WithTimeout(ctx, 0)` (or a negative literal) and `WithDeadline(ctx, time.Time{})`:
    the context is cancelled at once and removed from its parent."""
    if len(args) < 2:
        return False
    bound = ctx.text(args[1]).replace(" ", "")
    if name.startswith("WithTimeout"):
        return bound == "0" or _NEGATIVE.fullmatch(bound) is not None
    if name.startswith("WithDeadline"):
        # the zero time, an early Unix time, now, or now moved back by a constant: already past
        return bound in ("time.Time{}", "time.Now()") or _EARLY_UNIX.fullmatch(bound) is not None or \
            re.fullmatch(r"time\.Now\(\)\.Add\((.*)\)", bound) is not None and \
            _NEGATIVE.fullmatch(bound[len("time.Now().Add("):-1]) is not None
    return False


# `time.Unix(0, 0)`, `time.UnixMilli(0)`: a literal instant before 2001.
_EARLY_UNIX = re.compile(r"time\.Unix\(\d{1,9},\d+\)|time\.Unix(Milli|Micro)\(0\)")


def _waits_out_deadline(name: str, stmt, ctx: Context) -> bool:
    """A `_test.go` function that, after deriving a `WithTimeout`/`WithDeadline`
    context, names `DeadlineExceeded` (`require.Equal(t, codes.DeadlineExceeded,
    status.Code(err))`): the test drives its call into the deadline and checks it, so
    the deadline has passed (and the context package cancelled the context) before the
    test ends."""
    if "Cancel" in name or not is_test_file(ctx.path or ""):
        return False
    func = ctx.names.outermost_function(stmt)
    return func is not None and any(
        stmt.end_byte < node.start_byte < func.end_byte
        for node in named(ctx.root, ctx.source, "DeadlineExceeded"))


# A negative constant duration: `-1`, `-time.Second`, `-5*time.Minute`, `time.Duration(-1)`.
_NEGATIVE = re.compile(r"-(\d+(\.\d+)?|time\.[A-Z]\w*)(\*(\d+(\.\d+)?|time\.[A-Z]\w*))*|time\.Duration\(-\d+\)")


def _ends_program(stmt, outcome, ctx: Context) -> bool:
    """In `func main()` of package main, a return (or the end of main) ends the program,
    and with it every context: only a leak on another way out (a loop) counts."""
    if not program_main(enclosing_function(stmt), ctx.source, ctx.names.package):
        return False
    kinds = outcome.verdict.leak_kinds if outcome is not None and outcome.verdict is not None else set()
    return kinds <= {"return", "end"}


# --- a cancel function kept where nothing calls it --------------------------------------
# A target is ("field", owner type or "", name) or ("var", "", name).


def _remember_store(ctx: Context, call: Any, uses: list[Any], shown: str, origin: str,
                    consequence: str) -> None:
    """shown: the cancel function's name (or "" for none)."""
    """When every use hands the cancel function to an unexported field or package
    variable that this file never reads, leave the package check a fact: it reports
    the call unless another file of the folder mentions one of them."""
    targets = []
    for use in uses:
        if use.type == "identifier" and _stored_at(use):
            continue  # the key of `T{cancel: cancel}` names the field
        target = _store_target(use, ctx)
        if target is None or not (target[2][:1].islower() or target[2][:1] == "_"):
            return  # kept somewhere else, or reachable from other packages
        if target not in targets:
            targets.append(target)
    if not targets:
        return
    reads = [read for t in targets for read in _reads_here(t, ctx)]
    package = PackageFiles.of(ctx)
    # Called only on an error (`if err != nil { g.cancel(err) }`) by a type with a method
    # that ends its work (`Wait`, `Close`, ...): a run without an error leaves it uncalled.
    kind, owner, name = targets[0]
    ending = ends(owner, package.sources, also=("Wait",)) if len(targets) == 1 and kind == "field" and owner \
        and not consequence.startswith("nothing") else None
    if reads and (ending is None or not all(_on_error(read, ctx.source) for read in reads)):
        return
    where = " and ".join(f"package variable `{n}`" if kind == "var" else
                         f"field `{owner + '.' if owner else ''}{n}`" for kind, owner, n in targets)
    how = "call it on shutdown" if all(t[0] == "var" for t in targets) else "call it when its owner stops"
    subjects = [f"`{shown}` from {origin}", f"`{shown}`"] if shown else \
        [f"{origin}'s cancel function", "the cancel function"]
    message = shortest_fitting(*(f"{subject} is kept in {where}, never called in the package, "
                                 f"so {consequence}; {how}" for subject in subjects))
    # the message when the package calls it only on errors, `{at}` for the first such call
    on_error = [f"{subject} is kept in {where}, called only on an error ({{at}}), so otherwise {consequence}; "
                f"call it in {owner}.{ending} too" for subject in subjects] + [
        f"field `{owner}.{name}` is called only on an error ({{at}}), so otherwise {consequence}; "
        f"call it in {owner}.{ending} too"] if ending is not None else None
    here = min(read.start_point[0] + 1 for read in reads) if reads else None
    # Stored by a function that runs once per process into a field of a type with no
    # method that ends it (`lifetime.LIFECYCLE`): one context that lives as the process does.
    func = ctx.names.outermost_function(call)
    fields = all(kind == "field" for kind, _, _ in targets)
    low = fields and all(owner and not ends(owner, package.sources, meant=False) for _, owner, _ in targets) \
        and func is not None and function_once(func, package) or \
        fields and consequence.startswith("nothing") or \
        test_cost_only(call, ctx.names, ctx.path or "", ctx.source, goroutines=True)
    ctx.facts.setdefault("stores", []).append([list(span_of(call)), [list(t) for t in targets], message, low,
                                               on_error, here])
    ctx.facts["package"] = ctx.names.package


def _store_target(node: Any, ctx: Context) -> tuple[str, str, str] | None:
    """Where a use of the cancel function (or the left side of the acquisition) puts
    it: `x.f = cancel`, `T{f: cancel}`, `pkgVar = cancel`; None for anything else."""
    while node.parent is not None and node.parent.type in ("parenthesized_expression",
                                                           "type_conversion_expression"):
        node = node.parent
    parent = node.parent
    if parent is not None and parent.type == "literal_element":
        keyed = parent.parent
        if keyed is None or keyed.type != "keyed_element" or keyed.named_children[-1] != parent:
            return None
        key = keyed.named_children[0]
        key = key.named_children[0] if key.type == "literal_element" and key.named_children else key
        literal = keyed.parent.parent if keyed.parent is not None else None
        kind = literal.child_by_field_name("type") if literal is not None and \
            literal.type == "composite_literal" else None
        if key.type not in ("identifier", "field_identifier") or kind is None or kind.type != "type_identifier":
            return None
        return "field", ctx.text(kind), ctx.text(key)
    if parent is not None and parent.type == "expression_list" and parent.parent is not None and \
            parent.parent.type == "assignment_statement" and parent == parent.parent.child_by_field_name("right"):
        left = left_names(parent.parent)
        values = parent.named_children
        if len(left) != len(values):
            return None
        node = left[next(i for i, v in enumerate(values) if v == node)]
    if node.type == "selector_expression":
        owner = ctx.types.of(node.child_by_field_name("operand"))
        base = owner.deref() if owner is not None else None
        name = base.name if base is not None and base.kind == "named" and base.path == "" else ""
        return "field", name, ctx.text(node.child_by_field_name("field"))
    if node.type == "identifier" and ctx.names.resolve(node).kind == PACKAGE:
        return "var", "", ctx.text(node)
    return None


def _stored_at(node: Any) -> bool:
    """Whether node is written, not read: an assignment's target or a literal's key."""
    parent = node.parent
    if parent is not None and parent.type == "literal_element":
        keyed = parent.parent
        return keyed is not None and keyed.type == "keyed_element" and keyed.named_children[0] == parent
    if parent is not None and parent.type == "expression_list" and parent.parent is not None and \
            parent.parent.type == "assignment_statement":
        return parent == parent.parent.child_by_field_name("left")
    return parent is not None and parent.type == "var_spec"


def _reads_here(target: tuple[str, str, str], ctx: Context) -> list[Any]:
    """Where this file reads the field or variable (a call, a method value, a nil check,
    a hand-off): the selector or identifier (_field_reads for a field)."""
    kind, owner, name = target
    if kind == "field":
        return _field_reads(ctx.root, ctx.source, ctx.types, owner, name)
    return [ident for ident in named(ctx.root, ctx.source, name) if ident.type == "identifier" and
            not _stored_at(ident) and ctx.names.resolve(ident).kind == PACKAGE]


def _field_reads(root: Any, source: bytes, types: Any, owner: str, name: str) -> list[Any]:
    """The selectors `x.name` of a file other than assignments to the field; one through
    a known other type that declares a field of that name itself does not count."""
    found = []
    for ident in named(root, source, name):
        node = ident.parent
        if ident.type != "field_identifier" or node.type != "selector_expression" or \
                node.child_by_field_name("field") != ident or _stored_at(node):
            continue
        seen = types.of(node.child_by_field_name("operand"))
        base = seen.deref() if seen is not None else None
        if owner and base is not None and base.kind == "named" and base.path == "" and \
                base.name != owner and types.declares_field(base, name):
            continue
        found.append(node)
    return found


# An error variable by its name: `err`, `werr`, `errRead`, `readErr`, `lastError`.
_ERROR_NAME = re.compile(r"(?i)^\w*err$|^err\w*$|\w*error$")


def _on_error(read: Any, source: bytes) -> bool:
    """Whether the read is a call of the function (`g.cancel(err)`) inside the branch
    of an `if` whose condition requires an error (`err != nil`, also `&&` another
    condition), in the same function: it runs only when something failed."""
    call = read.parent
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != read:
        return False
    for node in ancestors(read):
        if node.type in ("func_literal", "function_declaration", "method_declaration"):
            return False
        if node.type == "if_statement" and within(read, node.child_by_field_name("consequence")) and any(
                (operand := nil_operand(c, "!=")) is not None and operand.type == "identifier" and
                _ERROR_NAME.match(text(source, operand)) for c in conjuncts(node.child_by_field_name("condition"))):
            return True
    return False


def _error_calls(source: bytes, owner: str, name: str) -> tuple[bool, int | None]:
    """Of another file of the package: whether every read of the field `owner.name`
    (_field_reads) is a call on an error (_on_error), and the first one's line."""
    root = parsed(source)
    reads = _field_reads(root, source, types_for(names_for(source, root)), owner, name)
    if not all(_on_error(read, source) for read in reads):
        return False, None
    return True, min((read.start_point[0] + 1 for read in reads), default=None)


def package_check(facts_by_path: dict[str, Any], options: dict[str, Any]) -> Iterable[tuple[str, Report]]:
    """Report a stored cancel function unless a file of its folder other than the one
    storing it mentions the field (`.f`) or the variable (`f`) other than in a plain
    assignment. The other files are read from disk, all of them (tests, other build
    tags): the engine gives facts only of files that create contexts, and a file that
    only calls `w.cancel()` need not. A folder that cannot be read reports nothing."""
    for paths in package_groups(facts_by_path):
        for path in paths:
            stores = facts_by_path[path].get("stores", [])
            others = folder_files(os.path.dirname(path) or ".") if stores else None
            if others is None:
                continue
            own = os.path.basename(path)
            for span, targets, message, low, on_error, here in stores:
                mentioning = [(file, source) for file, source in others if file != own and
                              any(_mentions(source, kind, name) for kind, _, name in targets)]
                at = f"line {here}" if here is not None else None
                if mentioning and on_error is not None:
                    for file, source in mentioning:
                        only, line = _error_calls(source, targets[0][1], targets[0][2])
                        if not only:
                            break
                        if at is None and line is not None:
                            at = f"line {line} of {file}"
                    else:
                        mentioning = []
                if mentioning or at is not None and on_error is None:
                    continue
                shown = message if at is None else shortest_fitting(*(m.format(at=at) for m in on_error))
                yield path, Report(Span(*span), shown, confidence=Confidence.LOW if low else None)


def _mentions(source: bytes, kind: str, name: str) -> bool:
    prefix = rb"\." if kind == "field" else rb"(?<![\w.])"
    return re.search(prefix + re.escape(name.encode()) + rb"\b(?!\s*=[^=])", source) is not None


def bind_fix(stmt, blank, ctx: Context) -> Fix | None:
    """`ctx, _ := context.WithX(...)` -> `ctx, cancel := ...` and `defer cancel()`, with
    the first free name of cancel, cancel2, ...; only for `:=` (a `=` would need a
    declaration)."""
    if stmt.type != "short_var_declaration":
        return None
    name = free_name(stmt, ctx.source, "cancel")
    deferred = defer_after(stmt, "", f"{name}()", ctx.source, "")
    if deferred is None:
        return None
    rename = Edit.at(ctx.source, blank.start_byte, blank.end_byte, name)
    return Fix(f"bind the cancel function to `{name}` and defer {name}()", "safe",
               (rename,) + deferred.edits)


RULE = Rule(
    code="GL009",
    name="cancel-not-called",
    severity=Severity.WARNING,
    confidence=Confidence.HIGH,
    check=check,
    package_check=package_check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    triggers=(b"WithCancel", b"WithTimeout", b"WithDeadline"),
    anchors=(b"WithCancel", b"WithTimeout", b"WithDeadline"),  # in each pattern's call
    tags=("resource-leak", "context"),
    peers=(("govet", ""), ("gosec", "")),  # go vet lostcancel, gosec G118
    fix="safe",
    outside=("summaries", "names"),
)
