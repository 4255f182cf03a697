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
from goleaklint.syntax import arguments, call_name

CONTEXT_PATHS = ("context", "golang.org/x/net/context")


def check(ctx: Context) -> Iterator[Report]:
    for _, captures in ctx.matches:
        stmt, call = captures["acquire"][0], captures["call"][0]
        operand, name = call_name(call, ctx.source)
        resolved = ctx.names.qualified(call.child_by_field_name("function"))
        if resolved is None or resolved[0] not in CONTEXT_PATHS:
            continue  # a local named `context` is not the package
        names = left_names(stmt)
        if len(names) != 2 or names[1].type != "identifier":
            continue
        cancel = ctx.text(names[1])
        origin = f"{operand}.{name}"
        if cancel == "_":
            yield Report(call, f"the cancel function of {origin} is discarded with `_`: the "
                               "context and its resources live until the parent is cancelled",
                         fix=bind_fix(stmt, names[1], ctx))
            continue
        args = arguments(call)
        done_of = tuple(ctx.text(n) for n in (names[0], args[0] if args else None)
                        if n is not None and n.type in ("identifier", "selector_expression"))
        release = Release(call=True, done_of=done_of)
        summary = leak_message(analyze(stmt, names[1], release, ctx.source), "called")
        if summary:
            yield Report(call, f"`{cancel}` from {origin} is {summary}; the context and its "
                               f"resources live until the parent is cancelled (defer {cancel}())",
                         fix=defer_after(stmt, "", f"{cancel}()", ctx.source, f"defer {cancel}()"))


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
