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
call it later. A helper of the same file counts for what it does: calling the function
releases it, only reading it does not. Paths that end in `panic`,
`os.Exit`, `log.Fatal` or `t.Fatal`/`t.FailNow`/`t.Skip` are not leaks, and neither are
paths that waited for `<-parent.Done()` or `<-ctx.Done()` (the derived context is
cancelled by then). `_ = cancel` quiets `go vet` but not this rule: it cancels
nothing (suppress a deliberate leak with `//goleaklint:ignore GL009 <reason>`).
The `var _, cancel = context.WithCancel(...)` form is followed like `:=` and `=`.

Not reported: a `WithTimeout(ctx, 0)` (or a negative literal) or a
`WithDeadline(ctx, time.Time{})`, which the context package cancels at once; and in
`func main()` of package main, a cancel left uncalled only where main returns or ends
(the program ends with it), as `go vet` does.

The message says what is true while cancel is not called: a `WithTimeout`/`WithDeadline`
context can live (its timer, its link to the parent) until the deadline; a `WithCancel`
one stays linked to a cancellable parent until that parent ends, and with a
`context.Background()`/`TODO()` parent nothing ever cancels it (whatever waits on its
`Done()` waits forever).

The package must be imported as `context` (or `golang.org/x/net/context`). Reported in
`_test.go` files too, as `go vet`'s lostcancel does.

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

from typing import Iterator

from goleaklint.fixes import defer_after, free_name
from goleaklint.model import Confidence, Context, Edit, Fix, Report, Rule, Severity
from goleaklint.release import Release, analyze, leak_message, left_names
from goleaklint.syntax import arguments, call_name, enclosing_function, function_name

CONTEXT_PATHS = ("context", "golang.org/x/net/context")


def check(ctx: Context) -> Iterator[Report]:
    for _, captures in ctx.matches:
        stmt, call = captures["acquire"][0], captures["call"][0]
        operand, name = call_name(call, ctx.source)
        if not _from_context(call, ctx):
            continue  # a local named `context` is not the package
        names = stmt.children_by_field_name("name") if stmt.type == "var_spec" else left_names(stmt)
        if len(names) != 2 or names[1].type not in ("identifier", "blank_identifier"):
            continue
        args = arguments(call)
        if _already_expired(name, args, ctx):
            continue  # cancelled at once by the context package: nothing stays registered
        cancel = ctx.text(names[1])
        origin = f"{operand}.{name}"
        consequence = _consequence(name, args, ctx)
        if cancel == "_":
            yield Report(call, f"the cancel function of {origin} is discarded with `_`, so {consequence}; "
                               "bind it and defer the call",
                         fix=bind_fix(stmt, names[1], ctx))
            continue
        args = arguments(call)
        done_of = tuple(ctx.text(n) for n in (names[0], args[0] if args else None)
                        if n is not None and n.type in ("identifier", "selector_expression"))
        release = Release(call=True, done_of=done_of)
        statement = stmt.parent if stmt.type == "var_spec" else stmt  # the var_declaration
        outcome = analyze(statement, names[1], release, ctx.source)
        if _ends_program(stmt, outcome, ctx):
            continue
        summary = leak_message(outcome, "called")
        if summary:
            yield Report(call, f"`{cancel}` from {origin} is {summary}, so {consequence}; defer {cancel}()",
                         fix=defer_after(stmt, "", f"{cancel}()", ctx.source, f"defer {cancel}()"))


def _from_context(call, ctx: Context) -> bool:
    """Whether call is a function of the context package (resolved through the imports)."""
    resolved = ctx.names.qualified(call.child_by_field_name("function"))
    return resolved is not None and resolved[0] in CONTEXT_PATHS


def _is_root(parent, ctx: Context) -> bool:
    """`context.Background()` or `context.TODO()`: a parent that is never cancelled."""
    if parent is None or parent.type != "call_expression":
        return False
    _, name = call_name(parent, ctx.source)
    return _from_context(parent, ctx) and name in ("Background", "TODO") and not arguments(parent)


def _consequence(name: str, args: list, ctx: Context) -> str:
    """What is true of the context while its cancel function is not called."""
    if "Cancel" not in name:
        return "it can live until the deadline"
    if _is_root(args[0] if args else None, ctx):
        return "nothing ever cancels it"
    return "a cancellable parent keeps it"


def _already_expired(name: str, args: list, ctx: Context) -> bool:
    """`WithTimeout(ctx, 0)` (or a negative literal) and `WithDeadline(ctx, time.Time{})`:
    the context is cancelled at once and removed from its parent."""
    if len(args) < 2:
        return False
    bound = ctx.text(args[1]).replace(" ", "")
    if name.startswith("WithTimeout"):
        return bound in ("0", "-1") or (bound.startswith("-") and bound[1:2].isdigit())
    if name.startswith("WithDeadline"):
        return bound == "time.Time{}"
    return False


def _ends_program(stmt, outcome, ctx: Context) -> bool:
    """In `func main()` of package main, a return (or the end of main) ends the program,
    and with it every context: only a leak on another way out (a loop) counts."""
    func = enclosing_function(stmt)
    if func is None or func.type != "function_declaration" or function_name(func, ctx.source) != "main":
        return False
    if ctx.names.package != "main":
        return False
    leaks = outcome.verdict.leaks if outcome is not None and outcome.verdict is not None else []
    return all(e.kind in ("return", "end") for e in leaks)


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
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    triggers=(b"WithCancel", b"WithTimeout", b"WithDeadline"),
    tags=("resource-leak", "context"),
    fix="safe",
)
