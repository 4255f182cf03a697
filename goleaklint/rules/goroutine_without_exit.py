"""
## What it does
Finds goroutines whose body loops forever with no way out.

That is a `go func() { ... }()`, or `go f()` / `go s.f()` where `f` is a function
literal variable or a function or method declared in the same file (methods matched
by name when the file declares only one method of that name), whose body contains a
`for { ... }` loop with no condition and no `return`, no `break` or `goto` out of the
loop, no `panic`/`os.Exit`/`log.Fatal`/`runtime.Goexit` inside it. A `select` case on
`<-ctx.Done()` that only logs and loops again is not a way out.

Silent for `for range ch` loops (they end when the channel is closed), loops with a
condition, and loops that return on an error or on a done channel. Goroutines started
from `main` or `init` are reported as notes: there the loop is often the program's
life. Test files are not checked: a test binary's goroutines end with it.

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

from typing import Any, Iterator

from goleaklint.analysis.cfg import has_endless_header, loop_exits
from goleaklint.analysis.names import LOCAL, PACKAGE
from goleaklint.analysis.channels import is_exit_channel, line, received_channel
from goleaklint.model import Confidence, Context, Report, Rule, Severity
from goleaklint.syntax import (
    FUNCTION_TYPES,
    enclosing_function,
    function_name,
    is_test_file,
    text,
    walk,
)


def _declared(root: Any, source: bytes, name: str, method: bool) -> Any | None:
    """The one top-level function (or method) of this file called name."""
    kind = "method_declaration" if method else "function_declaration"
    found = [
        decl for decl in root.named_children
        if decl.type == kind and text(source, decl.child_by_field_name("name")) == name
    ]
    return found[0] if len(found) == 1 else None


def first_wait(loop: Any, source: bytes) -> Any | None:
    """The first place the loop body blocks on a channel: a receive, a send or a select."""
    body = loop.child_by_field_name("body")
    if body is None:
        return None
    for node in walk(body, into_functions=False):
        if node.type in ("select_statement", "send_statement"):
            return node
        if received_channel(node) is not None:
            return node
        if node.type == "range_clause":
            return node
    return None


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
        if binding.kind != PACKAGE:
            return None
        return _declared(ctx.root, ctx.source, ctx.text(callee), method=False)
    return _declared(ctx.root, ctx.source, ctx.text(captures["method"][0]), method=True)


def _endless_loops(func: Any) -> Iterator[Any]:
    body = func.child_by_field_name("body")
    if body is None:
        return
    for node in walk(body, into_functions=False):
        if node.type == "for_statement" and has_endless_header(node):
            yield node


def _what_blocks(loop: Any, source: bytes) -> str:
    wait = first_wait(loop, source)
    if wait is None:
        return "it runs until the process exits"
    at = f"line {line(wait)}"
    if wait.type == "select_statement":
        return f"it waits in the select at {at} forever once nothing arrives"
    if wait.type == "send_statement":
        channel = text(source, wait.child_by_field_name("channel"))
        return f"it blocks on the send to `{channel}` at {at} once nobody receives"
    channel = received_channel(wait)
    if channel is None and wait.type == "range_clause":
        channel = wait.child_by_field_name("right")
    name = text(source, channel) if channel is not None else "a channel"
    if channel is not None and is_exit_channel(channel, source) and (
        channel.type == "call_expression" or name.endswith(".C") or "tick" in name.lower()
    ):
        return f"it keeps waking on `<-{name}` at {at} and never stops"
    return f"it blocks on `<-{name}` at {at} forever once nobody sends"


def check(ctx: Context) -> Iterator[Report]:
    if is_test_file(ctx.path):
        return
    for index, captures in ctx.matches:
        go = captures["go"][0]
        func = _target(PATTERNS[index], captures, ctx)
        if func is None or func.type not in FUNCTION_TYPES:
            continue
        for loop in _endless_loops(func):
            if loop_exits(loop, ctx.source):
                continue
            starter = enclosing_function(go)
            name = function_name(starter, ctx.source) if starter is not None else ""
            lifetime = name in ("main", "init") and starter.type == "function_declaration"
            where = f"at line {line(loop)}"
            if func.type != "func_literal":
                where += f" (in {function_name(func, ctx.source)})"
            message = (
                f"goroutine never returns: its `for {{}}` loop {where} has no return, "
                f"break or exit case, so {_what_blocks(loop, ctx.source)}"
            )
            if lifetime:
                message += f"; started from {name}, so this may be the program's life"
            yield Report(go, message, Severity.NOTE if lifetime else None)
            break


RULE = Rule(
    code="GL011",
    name="goroutine-without-exit",
    severity=Severity.WARNING,
    confidence=Confidence.MEDIUM,
    check=check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    # Every finding needs an endless loop in this file: `for {` or `for init; ; post {`.
    triggers=(b"for {", b"for{", b"; ;", b";;"),
    tags=("goroutine-leak", "concurrency"),
)
