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

from typing import Iterator

from goleaklint.model import Confidence, Context, Report, Rule, Severity
from goleaklint.syntax import arguments, call_name, last_binding_before, make_channel


def _consequence(operand: str, notify: str) -> str:
    if operand == "signal" and notify == "Notify":
        return "signal.Notify does not wait: signals that arrive while nobody receives are dropped"
    return "the sender blocks forever once nobody receives"


def check(ctx: Context) -> Iterator[Report]:
    for _, captures in ctx.matches:
        call = captures["call"][0]
        operand, notify = call_name(call, ctx.source)
        why = _consequence(operand, notify)
        seen: set[str] = set()
        for arg in arguments(call):
            if ctx.text(arg) in seen:  # NotifyConfirm(ch, ch): one finding
                continue
            seen.add(ctx.text(arg))
            made = make_channel(arg, ctx.source)
            if made is not None:
                if not made[1]:
                    yield Report(
                        call,
                        f"unbuffered channel passed to {notify}: {why}; "
                        "give it a buffer (make(chan T, 1))",
                    )
                continue
            if arg.type not in ("identifier", "selector_expression"):
                continue
            name = ctx.text(arg)
            binding = last_binding_before(name, call, ctx.source)
            if binding is None:
                continue
            target, value = binding
            made = make_channel(value, ctx.source)
            if made is not None and not made[1]:
                yield Report(
                    call,
                    f"unbuffered channel `{name}` (made at line {target.start_point[0] + 1}) "
                    f"passed to {notify}: {why}; give it a buffer (make(chan T, 1))",
                )


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
)
