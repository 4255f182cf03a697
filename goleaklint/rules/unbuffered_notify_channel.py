"""
## What it does
Finds unbuffered channels handed to a `Notify*` registration call. That is any
function or method named `Notify*` that takes a channel, such as amqp's `NotifyClose`,
`NotifyCancel`, `NotifyBlocked`, `NotifyReturn`, `NotifyPublish`, `NotifyFlow`,
`NotifyConfirm`, and `signal.Notify`.

It reports a `make(chan T)` written inline as the argument, and a variable or struct
field that was assigned `make(chan T)` (no capacity, or capacity 0) earlier in the same
function. A channel whose origin it cannot see (a parameter, a field set in another
function) is left alone.

Two registrations are safe and stay silent (except for `signal.Notify`, which drops
signals whatever the reader does):
- the channel is drained until the library closes it: a `for range` over the channel
  (or over the call's result) that no `break`, `return` or `goto` leaves, anywhere in
  the function, goroutines included;
- the receiver was closed earlier in the same function, after its last assignment
  (`conn.Close()`, or the connection a `ch := conn.Channel()` came from): amqp closes a
  channel registered on a closed connection or channel at once, without sending;
- the registration is followed in the same block by `conn.Close()` on the same receiver,
  with no statement in between that uses it: nothing can be sent before the Close.

The channel's origin is seen in the same function or, for a plain name that no local or
parameter shadows, in a package-level `var ch = make(chan T)` of the same file that the
file never assigns again. An inline `make(chan os.Signal)` passed to `signal.Notify` is
left alone: nobody can receive from it, so it only swallows the signals (an idiom).

`NotifyPublish` and `NotifyConfirm` get one confirmation per publish: a buffer of 1 is
not enough when several publishes can be unconfirmed at once, so the advice there is a
buffer for every outstanding publish.

Test files are checked like any other: a test that hangs on a blocked send is a real
cost.

## Why is this bad?
The library sends on these channels from its own goroutine, often while holding its
own locks. With no buffer, each send waits until your reader takes the value. Once the
reader has returned (a loop that exited on `done`, a consumer that died on an error),
the send blocks forever: amqp091's connection shutdown wedged exactly so, holding the
connection's mutex and blocking every other caller. `signal.Notify` does not block but
drops the signal instead, so a signal that arrives before you receive is lost.

## Example
```go
closed := make(chan *amqp.Error)
conn.NotifyClose(closed)
```

## Use instead
```go
closed := make(chan *amqp.Error, 1)
conn.NotifyClose(closed)
```
Give the channel room for every value the library may send after your reader stops
(amqp sends at most one close error per registered channel).

## References
- [amqp091-go: NotifyClose](https://pkg.go.dev/github.com/rabbitmq/amqp091-go#Connection.NotifyClose)
- [os/signal: Notify](https://pkg.go.dev/os/signal#Notify)
- [go vet: sigchanyzer](https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/sigchanyzer)
"""

from __future__ import annotations

from typing import Any, Iterator

from goleaklint.analysis.cfg import loop_exits
from goleaklint.model import Confidence, Context, Edit, Fix, Report, Rule, Severity
from goleaklint.syntax import (FUNCTION_TYPES, ancestors, arguments, assignments, binding_of,
                               call_name, enclosing_function, last_binding_before, make_channel,
                               parameters, text, walk)


CONFIRMS = ("NotifyPublish", "NotifyConfirm")


def _message(operand: str, notify: str, channel: str) -> str:
    """One sentence: what is passed where, what follows, and the buffer to give it."""
    if operand == "signal" and notify == "Notify":
        return (f"{channel} passed to signal.Notify loses signals sent while nobody receives; "
                "give it a buffer: make(chan os.Signal, 1)")
    fix = ("buffer it for all unconfirmed publishes" if notify in CONFIRMS
           else "give it a buffer: make(chan T, 1)")
    return f"{channel} passed to {notify} blocks the sender forever once nobody receives; {fix}"


def check(ctx: Context) -> Iterator[Report]:
    package_channels: dict[str, Any] | None = None
    for _, captures in ctx.matches:
        call = captures["call"][0]
        operand, notify = call_name(call, ctx.source)
        signal = operand == "signal" and notify == "Notify"
        if not signal and (_registered_after_close(call, operand, ctx.source)
                           or _closed_right_after(call, operand, ctx.source)):
            continue
        seen: set[str] = set()
        for arg in arguments(call):
            if ctx.text(arg) in seen:  # NotifyConfirm(ch, ch): one finding
                continue
            seen.add(ctx.text(arg))
            made = make_channel(arg, ctx.source)
            if made is not None:
                # nobody can ever receive from an inline channel: signal.Notify then only
                # swallows the signals (an idiom); a library sender blocks for good
                if not made[1] and not signal and not _drained(call, "", ctx.source):
                    yield Report(call, _message(operand, notify, "unbuffered channel"),
                                 fix=buffer_fix(arg, notify, ctx.source))
                continue
            if arg.type not in ("identifier", "selector_expression"):
                continue
            name = ctx.text(arg)
            binding = last_binding_before(name, call, ctx.source)
            if binding is None and arg.type == "identifier" and not _parameter(name, call, ctx.source):
                if package_channels is None:
                    package_channels = _package_channels(ctx.root, ctx.source)
                binding = package_channels.get(name)
            if binding is None:
                continue
            target, value = binding
            made = make_channel(value, ctx.source)
            if made is not None and not made[1] and not (not signal and _drained(call, name, ctx.source)):
                channel = f"unbuffered channel `{name}` (made at line {target.start_point[0] + 1})"
                yield Report(call, _message(operand, notify, channel), fix=buffer_fix(value, notify, ctx.source),
                             related=((value, f"`{name}` made here, unbuffered"),))


def _parameter(name: str, node: Any, source: bytes) -> bool:
    """Whether name is a parameter (or receiver, or named result) of a function around node."""
    for func in ancestors(node):
        if func.type in FUNCTION_TYPES:
            if any(param == name for param, _ in parameters(func, source)):
                return True
            result = func.child_by_field_name("result")
            if result is not None and result.type == "parameter_list" and any(
                    text(source, n) == name for d in result.named_children
                    for n in d.children_by_field_name("name")):
                return True
    return False


def _package_channels(root: Any, source: bytes) -> dict[str, tuple[Any, Any]]:
    """Package variables of this file made by `var ch = make(chan T)` and never assigned
    again in the file: name -> (name node, make call)."""
    found: dict[str, tuple[Any, Any]] = {}
    for decl in root.named_children:
        if decl.type != "var_declaration":
            continue
        for spec in walk(decl):
            if spec.type != "var_spec":
                continue
            names = spec.children_by_field_name("name")
            value = spec.child_by_field_name("value")
            values = value.named_children if value is not None else []
            for target, made in zip(names, values):
                if make_channel(made, source) is not None:
                    found[text(source, target)] = (target, made)
    for target, _, statement in assignments(root):
        if statement.type == "assignment_statement":
            found.pop(text(source, target), None)
    return found


def _outermost_function(node: Any) -> Any | None:
    outer = None
    for parent in ancestors(node):
        if parent.type in FUNCTION_TYPES:
            outer = parent
    return outer


def _drained(call: Any, name: str, source: bytes) -> bool:
    """Whether a `for range` that nothing leaves reads the registered channel: ranging
    over the call itself, over the variable its result is bound to, or over `name`."""
    func = _outermost_function(call)
    if func is None:
        return False
    names = {name} if name else set()
    bound = binding_of(call)
    if bound is not None and bound[0].type == "identifier":
        names.add(text(source, bound[0]))
    for loop in walk(func):
        if loop.type != "for_statement":
            continue
        header = next((c for c in loop.named_children if c.type == "range_clause"), None)
        right = header.child_by_field_name("right") if header is not None else None
        if right is None:
            continue
        if (right.start_byte, right.end_byte) != (call.start_byte, call.end_byte) and \
                text(source, right) not in names:
            continue
        if not loop_exits(loop, source, never_returning=False):
            return True
    return False


def _registered_after_close(call: Any, operand: str, source: bytes) -> bool:
    """`c.Close()` earlier in the same function on the receiver, or on the connection
    the receiver came from (`ch, err := c.Channel()`), and after the last binding of
    that name (a reconnect loop closes the old connection, then dials a new one)."""
    if not operand or "(" in operand:
        return False
    since = {operand: _bound_at(operand, call, source)}
    binding = last_binding_before(operand, call, source)
    statement = next((a for a in ancestors(binding[0]) if a.type in (
        "short_var_declaration", "assignment_statement")), None) if binding is not None else None
    right = statement.child_by_field_name("right") if statement is not None else None
    values = right.named_children if right is not None else []
    if len(values) == 1 and values[0].type == "call_expression":
        origin, method = call_name(values[0], source)
        if method == "Channel" and origin and "(" not in origin:
            since[origin] = _bound_at(origin, call, source)
    func = enclosing_function(call)
    body = func.child_by_field_name("body") if func is not None else None
    for node in walk(body, into_functions=False) if body is not None else ():
        if node.start_byte >= call.start_byte:
            break
        if node.type == "call_expression" and not arguments(node):
            receiver, method = call_name(node, source)
            deferred = node.parent is not None and node.parent.type == "defer_statement"
            if (method == "Close" and receiver in since and node.start_byte > since[receiver]
                    and not deferred):  # a deferred Close runs at return, not before
                return True
    return False


def _closed_right_after(call: Any, operand: str, source: bytes) -> bool:
    """`conn.NotifyClose(ch)` followed in the same block by `conn.Close()` with no statement
    in between that names conn: nothing can be sent before the Close, and amqp closes the
    registered channels on Close without sending."""
    statement = call.parent
    if not operand or "(" in operand or statement is None or statement.type != "expression_statement":
        return False
    root = operand.split(".")[0]
    following = statement.next_named_sibling
    while following is not None:
        inner = following.named_children[0] if following.named_children else None
        if following.type == "return_statement" and inner is not None and inner.named_child_count == 1:
            inner = inner.named_children[0]  # return conn.Close()
        elif following.type != "expression_statement":
            inner = None
        if inner is not None and inner.type == "call_expression" and not arguments(inner) and \
                call_name(inner, source) == (operand, "Close"):
            return True
        if following.type != "comment" and any(
                n.type == "identifier" and text(source, n) == root for n in walk(following)):
            return False
        following = following.next_named_sibling
    return False


def _bound_at(name: str, position: Any, source: bytes) -> int:
    binding = last_binding_before(name, position, source)
    return binding[0].end_byte if binding is not None else -1


def buffer_fix(make: Any, notify: str, source: bytes) -> Fix | None:
    """`make(chan T)` -> `make(chan T, 1)` where a function makes it. Not for
    NotifyPublish and NotifyConfirm: they send once per published message, so no fixed
    size is known to be enough; nor for a package-level channel, which other code of the
    package may use as a rendezvous."""
    if notify in ("NotifyPublish", "NotifyConfirm") or enclosing_function(make) is None:
        return None
    args = arguments(make)
    if len(args) == 1:
        edit = Edit.at(source, args[0].end_byte, args[0].end_byte, ", 1")
    else:  # make(chan T, 0)
        edit = Edit.at(source, args[1].start_byte, args[1].end_byte, "1")
    return Fix("give the channel a buffer of one", "safe", (edit,))


RULE = Rule(
    code="GL002",
    name="unbuffered-notify-channel",
    severity=Severity.ERROR,
    confidence=Confidence.HIGH,
    check=check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    triggers=(b"Notify",),
    tags=("goroutine-leak", "deadlock", "concurrency"),
    fix="safe",
)
