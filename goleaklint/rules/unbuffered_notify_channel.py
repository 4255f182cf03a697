"""
## What it does
Finds unbuffered channels handed to a `Notify*` registration call. That is any
function or method named `Notify*` that takes a channel, such as amqp's `NotifyClose`,
`NotifyCancel`, `NotifyBlocked`, `NotifyReturn`, `NotifyPublish`, `NotifyFlow`,
`NotifyConfirm`, and `signal.Notify`.
A function of the package (or module), or a method called on a variable of a type of
the package, that declares the parameter receive-only (`func Notify(abort <-chan
struct{})`), or, declared in the same file, only receives from it, waits on the channel
and registers nothing: it is left alone. The package's own registration declared in the
same file (a method of a type of the package, called on a variable or a field of that
type) blocks only where the file sends on the channel outside a `select`: when it
shows no such send of the channel's element type (its sends select on a quit
channel), the finding is of low confidence, shown only with `--min-confidence low`. So
is one handed to a method of a type of another package of the module (its source at
hand; an external `_test` package's package under test included) whose declaring file
shows no such send.

It reports a `make(chan T)` written inline as the argument, and a variable or struct
field that was assigned `make(chan T)` (no capacity, or capacity 0) earlier in the same
function. A channel whose origin it cannot see (a parameter, a field set in another
function) is left alone.

These registrations are safe and stay silent (except for `signal.Notify`, which drops
signals whatever the reader does):
- the channel is drained until the library closes it: a `for range` over the channel
  (or over the call's result) that no `break`, `return` or `goto` leaves, anywhere in
  the function, goroutines included;
- an inline channel whose `NotifyClose` registration is received from at once, outside a
  `select` (`err := <-conn.NotifyClose(make(chan *amqp.Error))`): amqp sends at most one
  close error on it, then closes it, and the receive waits for that;
- the receiver was closed earlier in the same function, after its last assignment
  (`conn.Close()`, or the connection a `ch := conn.Channel()` came from): amqp closes a
  channel registered on a closed connection or channel at once, without sending;
- the registration is followed in the same block by `conn.Close()` on the same receiver,
  with no statement in between that uses it: nothing can be sent before the Close;
- amqp091's `NotifyRecoveryCancel` (on a `Connection` or `Channel` of
  github.com/rabbitmq/amqp091-go): the library only closes that channel; and its
  `NotifyClose` when the nearest go.mod requires amqp091 v1.12.0 or later (not a
  pre-release), whose shutdown sends the close error with select/default, else from a
  goroutine that gives up after 5 s. An older or unknown release, and streadway/amqp,
  block. From v1.13.0 amqp091 waits 5 s for each listener of its other notifications
  (`NotifyBlocked`, `NotifyFlow`, `NotifyCancel`, `NotifyReturn`, `NotifyPublish`,
  `NotifyConfirm`), then drops the value: reported with low confidence, as a stall;
- a package's own registration (also one declared in another file of the package) that
  stores the channel in a field of its receiver (`c.closes = append(c.closes, ch)`) and
  otherwise only returns or closes it, when the declaring file never sends on that
  field's channels (it only closes them), or sends only in a select with a `default` or
  a `<-time.After(...)` case: no listener can block it;
- a `NotifyPublish`/`NotifyConfirm` registration is followed in the same block by a Close
  of the channel or of its connection, with no `Publish*` on the channel and the channel
  handed nowhere in between: confirmations answer publishes only;
- a `NotifyPublish`/`NotifyConfirm` channel that the function itself receives from once
  per publish it can cause: the publishes on the registered channel (a local variable
  handed nowhere but to print calls) are counted, in goroutines too, against the
  receives that run whenever the function gets that far (not in a branch, a `select` or
  a closure), each multiplied by the length of a `for range` over a literal around it.

The channel's origin is seen in the same function or, for a plain name that no local or
parameter shadows, in a package-level `var ch = make(chan T)` of the same file that the
file never assigns again. An inline `make(chan os.Signal)` passed to `signal.Notify` is
left alone: nobody can receive from it, so it only swallows the signals (an idiom). So is
a signal channel that the function only receives from to throw the signals away (`case
<-sigCh:` with an empty body, `for range sigCh {}`), besides registering and stopping it:
Notify alone suppresses the signals' default action, and a dropped one loses nothing.

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

import re
from typing import Any, Iterator

from goleaklint.analysis import gomod
from goleaklint.analysis.cfg import loop_exits
from goleaklint.analysis.channels import field_owner, received_channel
from goleaklint.analysis.names import PACKAGE, Names, assigned_to, declaring_statement, names_for, range_clause
from goleaklint.analysis.ownership import ownership_of
from goleaklint.analysis.types import types_for
from goleaklint.model import Confidence, Context, Edit, Fix, Report, Rule, Severity
from goleaklint.release import shortest_fitting
from goleaklint.syntax import (ancestors, arguments, call_name, file_memo, make_channel, named, per_file, starts_word,
                               statements, text, walk)


CONFIRMS = ("NotifyPublish", "NotifyConfirm")

AMQP091 = "github.com/rabbitmq/amqp091-go"
# amqp091 registrations that only ever close the channel, never send on it.
CLOSE_ONLY = ("NotifyRecoveryCancel",)
# The amqp091 release from which a registration's sender cannot block: since v1.12.0
# (rabbitmq/amqp091-go#339) Connection.shutdown and Channel.shutdown send a close
# error with select/default and, when nobody is ready, from a goroutine that gives up
# after 5 s.
BOUNDED_SINCE = {"NotifyClose": (1, 12, 0)}
# Since v1.13.0 the other notifications wait at most 5 s for each listener, then drop
# the value: an unbuffered listener nobody reads stalls the reader, it does not wedge it.
STALLS_SINCE = {notify: (1, 13, 0) for notify in ("NotifyBlocked", "NotifyFlow", "NotifyCancel", "NotifyReturn",
                                                  "NotifyPublish", "NotifyConfirm")}


def _message(signal: bool, notify: str, channel: str, stalls: bool = False) -> str:
    """One sentence: what is passed where, what follows, and the buffer to give it.
    stalls: the library waits a while for each listener, then drops the value."""
    if signal:
        return (f"{channel} passed to signal.Notify loses signals sent while nobody receives; "
                "give it a buffer: make(chan os.Signal, 1)")
    fix = ("buffer it for all unconfirmed publishes" if notify in CONFIRMS
           else "give it a buffer: make(chan T, 1)")
    if stalls:
        return f"{channel} passed to {notify} stalls amqp's reader 5 s per notification once nobody receives; {fix}"
    return f"{channel} passed to {notify} blocks the sender forever once nobody receives; {fix}"


# The kind of each pattern of the rule's query, in query order.
PATTERNS = ("call", "call", "alias")


def check(ctx: Context) -> Iterator[Report]:
    names = ctx.names
    for index, captures in ctx.matches:
        if PATTERNS[index] == "alias":
            for call, value in _alias_calls(captures["alias"][0], names):
                notify = ctx.text(value.child_by_field_name("field"))
                yield from _registration(call, notify, names.qualified(value) == ("os/signal", "Notify"), ctx)
            continue
        call = captures["call"][0]
        _, notify = call_name(call, ctx.source)
        signal = names.calls(call, "os/signal", ("Notify",))
        if not signal and (_registered_after_close(call, names) or _closed_right_after(call, names)
                           or _closed_before_publish(call, notify, names) or _library_never_blocks(call, notify, ctx)):
            continue
        yield from _registration(call, notify, signal, ctx)


def _alias_calls(stmt: Any, names: Names) -> Iterator[tuple[Any, Any]]:
    """(call, `pkg.NotifyX` value) for each call through the name `f := pkg.NotifyX`
    binds, in its function (not after another assignment to it)."""
    left = stmt.child_by_field_name("left")
    value = stmt.child_by_field_name("right").named_children[0]
    target = left.named_children[0] if left is not None and left.named_child_count == 1 else None
    func = names.enclosing_function(stmt)
    if target is None or target.type != "identifier" or func is None:
        return
    for node in walk(func.child_by_field_name("body")):
        function = node.child_by_field_name("function") if node.type == "call_expression" else None
        if function is None or function.type != "identifier" or not names.same_variable(function, target):
            continue
        binding = names.reaching(function, node)
        if binding is not None and binding[1] is not None and \
                (binding[1].start_byte, binding[1].end_byte) == (value.start_byte, value.end_byte):
            yield node, value


def _registration(call: Any, notify: str, signal: bool, ctx: Context) -> Iterator[Report]:
    """The findings for the channels handed to one registration call."""
    names = ctx.names
    seen: set[str] = set()
    for index, arg in enumerate(arguments(call)):
        if ctx.text(arg) in seen:  # NotifyConfirm(ch, ch): one finding
            continue
        seen.add(ctx.text(arg))
        own = None if signal else _own_callee(call, names)
        if own is not None and (_only_received(own, index, names) or
                                _own_sends(own, index, names) in ("none", "bounded")):
            continue  # the package's own Notify(abort <-chan struct{}), or one whose listeners cannot block
        # The package's own registration, declared in this file, blocks only where the
        # file sends bare: a send in a select with a quit case leaves the harm unshown;
        # so does a method of another package of the module, where its file sends.
        confidence = Confidence.LOW if own is not None and own in ownership_of(names.root, names.source).functions \
            and not any(_bare_sends(own, index, names)) or not signal and _module_sends_in_select(call, index, names) \
            else None
        stalls = not signal and _library_release(call, notify, STALLS_SINCE, ctx)
        if stalls:
            confidence = Confidence.LOW  # a stall of seconds per value: harm the code does not show
        made = make_channel(arg, ctx.source)
        if made is not None:
            # nobody can ever receive from an inline channel: signal.Notify then only
            # swallows the signals (an idiom); a library sender blocks for good
            if not made[1] and not signal and not _drained(call, None, names) and \
                    not _receives_every_confirmation(call, None, notify, names) and \
                    not _received_at_once(call, notify):
                yield Report(call, _message(signal, notify, "unbuffered channel", stalls),
                             fix=buffer_fix(arg, notify, ctx.source), confidence=confidence)
            continue
        if arg.type not in ("identifier", "selector_expression"):
            continue
        name = ctx.text(arg)
        binding = names.reaching(arg, call) or _package_binding(arg, ctx)
        if binding is None:
            continue
        target, value = binding
        made = make_channel(value, ctx.source)
        if made is not None and not made[1] and not (not signal and (
                _drained(call, arg, names) or _receives_every_confirmation(call, arg, notify, names))) \
                and not (signal and _only_swallowed(call, arg, names)):
            message = shortest_fitting(
                _message(signal, notify, f"unbuffered channel `{name}` (made at line {target.start_point[0] + 1})",
                         stalls),
                _message(signal, notify, f"unbuffered channel `{name}`", stalls))
            yield Report(call, message, fix=buffer_fix(value, notify, ctx.source),
                         related=((value, f"`{name}` made here, unbuffered"),), confidence=confidence)


def _library_never_blocks(call: Any, notify: str, ctx: Context) -> bool:
    """`conn.NotifyRecoveryCancel(c)` on an amqp091 Connection or Channel (the library
    closes the channel, it never sends on it), and `NotifyClose` when the go.mod requires
    an amqp091 release whose shutdown cannot block on a listener (BOUNDED_SINCE). An
    older or unknown release still blocks; so does streadway/amqp."""
    return _amqp091(call, ctx) and (notify in CLOSE_ONLY or _library_release(call, notify, BOUNDED_SINCE, ctx))


def _amqp091(call: Any, ctx: Context) -> bool:
    """Whether call is a method of an amqp091 Connection or Channel."""
    function = call.child_by_field_name("function")
    if function is None or function.type != "selector_expression":
        return False
    kind = types_for(ctx.names).of(function.child_by_field_name("operand"))
    kind = kind.deref() if kind is not None else None
    return kind is not None and kind.kind == "named" and kind.path == AMQP091 and kind.name in ("Connection", "Channel")


def _library_release(call: Any, notify: str, since: dict, ctx: Context) -> bool:
    """Whether call is amqp091's notify and the go.mod requires at least the release
    since[notify]."""
    release = since.get(notify)
    version = gomod.required(ctx.path, AMQP091) if release is not None and _amqp091(call, ctx) else None
    return version is not None and version >= release


def _own_sends(key: str, index: int, names: Names) -> str | None:
    """How the package's registration `key` and its file send on the listeners its
    index-th parameter is stored with (see _registered_sends), read in the file that
    declares it (this one or a sibling)."""
    answers = _declared_answers(key, f"GL002 sends on parameter {index}", lambda local, root, source, _:
                                _registered_sends(local, root, source, index), names)
    return answers[0] if answers and all(a == answers[0] for a in answers) else None


def _bare_sends(key: str, index: int, names: Names) -> list:
    """_sends_bare of the function `key`'s index-th parameter, asked of each file that
    declares it (this one, a sibling, or a file of another package of the module)."""
    return _declared_answers(key, f"GL002 sends bare {index}", lambda local, root, source, declared:
                             _sends_bare(local, index, declared), names)


def _declared_answers(key: str, question: str, ask: Any, names: Names) -> list:
    """ask(local key, root, source, names) of the file declaring the function `key`:
    this one (once per file and question) when it declares it, else each declaring
    file of the package or module (package facts: `summarised`); [] when none is known."""
    if key in ownership_of(names.root, names.source).functions:
        memo, asked = file_memo(names.source), (_declared_answers, key, question)
        if asked not in memo:  # once per registration: a file may call it many times
            memo[asked] = ask(key, names.root, names.source, names)
        return [memo[asked]]
    facts = names.facts
    if facts is None:
        return []
    return facts.summarised(key, question, lambda local, root, source: ask(local, root, source,
                                                                            ownership_of(root, source).names))


def _registered_sends(key: str, root: Any, source: bytes, index: int) -> str | None:
    """For a registration that stores its index-th parameter in a field of its receiver
    (`c.closes = append(c.closes, ch)`) and otherwise only returns or closes it: "none" when the
    file never sends on that field's channels but closes them, "bounded" when every send
    selects with a default or a `time.After` case, "blocks" when one can wait forever;
    None when it does anything else with the channel or the field, or neither sends on
    nor closes its channels."""
    names = names_for(source, root)
    found = ownership_of(root, source).parameter_names(key, index)
    if not found or any(ident is None for _, ident in found):
        return None
    fields: set[tuple[str, str | None]] = set()  # (field, owner type)
    for func, ident in found:
        for use in names.uses(ident, func):
            if use == ident:
                continue
            field = _stored_in(use, source)
            if field is not None:
                fields.add(field)
            elif not _returned_or_closed(use, source):
                return None
    if not fields:
        return None
    fate = None  # neither sent on nor closed here: its senders are elsewhere
    for node in walk(root):
        if node.type == "selector_expression" and _in_fields(node, fields, source) and \
                not _field_use_known(node, source):
            return None  # copied or handed on: its senders are elsewhere
        if node.type == "send_statement" and _to_field(node.child_by_field_name("channel"), fields, names, source):
            if not _bounded(node, names):
                return "blocks"
            fate = "bounded"
        elif node.type == "call_expression" and text(source, node.child_by_field_name("function")) == "close" and \
                len(arguments(node)) == 1 and _to_field(arguments(node)[0], fields, names, source):
            fate = fate or "none"
    return fate


def _returned_or_closed(use: Any, source: bytes) -> bool:
    """`return ch` or `close(ch)`: neither sends."""
    holder = use.parent
    if holder is None or holder.parent is None:
        return False
    if holder.type == "expression_list":
        return holder.parent.type == "return_statement"
    return holder.type == "argument_list" and text(source, holder.parent.child_by_field_name("function") or
                                                   holder.parent) == "close"


def _field_of(node: Any | None, source: bytes) -> tuple[str, str | None] | None:
    """`x.f` or `x.f[k]`: f, and the struct type it is a field of (field_owner; None
    when the file does not state it)."""
    if node is not None and node.type == "index_expression":
        node = node.child_by_field_name("operand")
    if node is None or node.type != "selector_expression":
        return None
    return text(source, node.child_by_field_name("field")), field_owner(node, source)


def _in_fields(node: Any | None, fields: set, source: bytes) -> bool:
    """Whether node (`x.f`, `x.f[k]`) is one of fields: the same name, of the same
    struct type (a same-named field of another type is another; an unstated type
    matches)."""
    found = _field_of(node, source)
    return found is not None and any(name == found[0] and None in (owner, found[1]) or (name, owner) == found
                                     for name, owner in fields)


def _stored_in(use: Any, source: bytes) -> tuple[str, str | None] | None:
    """The field a registration stores the parameter in: `x.f = append(x.f, use)`,
    `x.f = use`, `x.f[k] = use`."""
    holder = use.parent
    if holder is not None and holder.type == "argument_list" and holder.parent is not None and \
            text(source, holder.parent.child_by_field_name("function") or holder.parent) == "append":
        holder = holder.parent.parent
    if holder is None or holder.type != "expression_list" or holder.parent is None or \
            holder.parent.type != "assignment_statement" or holder.parent.child_by_field_name("right") != holder:
        return None
    targets = holder.parent.child_by_field_name("left").named_children
    return _field_of(targets[0], source) if len(targets) == 1 else None


def _field_use_known(node: Any, source: bytes) -> bool:
    """Whether a use of the listeners' field is one whose sends _registered_sends
    sees: assigned, appended to, ranged over, measured, indexed to close or send, or
    another value's field of the same name (`c.closes` read through a path)."""
    holder = node.parent
    if holder is not None and holder.type == "index_expression":
        node, holder = holder, holder.parent
    if holder is None:
        return False
    if holder.type == "selector_expression":
        return True  # `x.closes.m`: a path through it, not the listeners
    if holder.type == "expression_list" and holder.parent is not None and \
            holder.parent.type == "assignment_statement" and holder.parent.child_by_field_name("left") == holder:
        return True
    if holder.type == "range_clause" and holder.child_by_field_name("right") == node:
        return True
    if holder.type == "send_statement" and holder.child_by_field_name("channel") == node:
        return True
    if holder.type == "argument_list" and holder.parent is not None:
        called = text(source, holder.parent.child_by_field_name("function") or holder.parent)
        return called in ("len", "cap", "close", "delete") or \
            (called == "append" and holder.named_children and holder.named_children[0] == node)
    return False


def _to_field(channel: Any, fields: set, names: Names, source: bytes) -> bool:
    """Whether a channel expression (sent on, closed) is one of the listeners in fields:
    `x.f[k]`, or c ranging over x.f, or a literal's parameter it is handed to
    (`go func(c chan T) { c <- v }(c)`)."""
    while channel is not None and channel.type == "parenthesized_expression":
        channel = channel.named_children[0] if channel.named_children else None
    if channel is None:
        return False
    if _in_fields(channel, fields, source):
        return True
    for _ in range(2):
        if channel is None or channel.type != "identifier":
            return False
        clause = range_clause(channel, source)
        if clause is not None:
            return _in_fields(clause.child_by_field_name("right"), fields, source)
        channel = _literal_argument(channel, names)
    return False


def _literal_argument(ident: Any, names: Names) -> Any | None:
    """For a parameter of a function literal called on the spot, the argument it gets."""
    parameter = names.declaring(ident)
    literal = parameter.parent.parent if parameter is not None and parameter.parent is not None else None
    position = names.parameter_index(ident, literal) if literal is not None and literal.type == "func_literal" else None
    call = literal.parent if position is not None else None
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != literal:
        return None
    given = arguments(call)
    return given[position] if position < len(given) else None


def _bounded(send: Any, names: Names) -> bool:
    """Whether a send cannot wait forever: a case of a select with a default or a
    `<-time.After(...)` case."""
    case = send.parent
    select = case.parent if case is not None and case.type == "communication_case" else None
    if select is None:
        return False
    for other in select.named_children:
        if other.type == "default_case":
            return True
        if other.type == "communication_case":
            received = received_channel(other.child_by_field_name("communication"))
            if received is not None and received.type == "call_expression" and \
                    names.calls(received, "time", ("After",)):
                return True
    return False


def _received_at_once(call: Any, notify: str) -> bool:
    """`err := <-conn.NotifyClose(make(chan *amqp.Error))`: a receive of the call's
    result, outside a `select` (whose other case may win), waits for the one close error
    amqp sends on the channel before closing it."""
    parent = call.parent
    while parent is not None and parent.type == "parenthesized_expression":
        parent = parent.parent
    return notify == "NotifyClose" and parent is not None and parent.type == "unary_expression" and \
        parent.child_by_field_name("operator") is not None and parent.child_by_field_name("operator").type == "<-" \
        and parent.parent is not None and parent.parent.type != "receive_statement"


def _own_callee(call: Any, names: Names) -> str | None:
    """The ownership key of the function of the package (or module) the call runs, or
    None for a library's (`conn.NotifyClose`: the package facts are not asked)."""
    function = call.child_by_field_name("function")
    if function is None or function.type == "selector_expression" and \
            not _own_type(function.child_by_field_name("operand"), names):
        return None
    if function.type == "identifier" and names.resolve(function).kind != PACKAGE:
        return None
    return ownership_of(names.root, names.source).callee(call)


def _only_received(key: str, index: int, names: Names) -> bool:
    """Whether the package's function `key` declares its index-th parameter
    receive-only (`abort <-chan struct{}`) or, declared in this file, only receives
    from it (`<-abort`, `case <-abort:`, `for range abort`): it waits on the channel,
    it does not register it for sends."""
    owners = ownership_of(names.root, names.source)
    declared = owners.parameter_type(key, index)
    if declared is not None and declared.replace(" ", "").startswith("<-chan"):
        return True
    found = owners.parameter_names(key, index)
    if not found or any(ident is None for _, ident in found):
        return False
    for func, ident in found:
        for use in names.uses(ident, func):
            holder = use.parent
            while holder is not None and holder.type == "parenthesized_expression":
                holder = holder.parent
            if use == ident or (holder is not None and (received_channel(holder) == use or (
                    holder.type == "range_clause" and holder.child_by_field_name("right") == use))):
                continue
            return False
    return True


def _sends_bare(key: str, index: int, names: Names) -> bool:
    """Whether this file sends, outside a `select`, on a channel of the type of the
    package function `key`'s index-th parameter (`ch <- v` over the registered
    listeners): what blocks once nobody receives."""
    declared = ownership_of(names.root, names.source).parameter_type(key, index)
    if declared is None:
        return False
    element = _element(declared.replace(" ", "").removeprefix("chan<-").removeprefix("<-chan").removeprefix("chan"))
    types = types_for(names)
    for node in walk(names.root):
        if node.type == "send_statement" and node.parent is not None and node.parent.type != "communication_case":
            kind = types.of(node.child_by_field_name("channel"))
            if kind is not None and kind.kind == "chan" and _element(str(kind.elem).replace(" ", "")) == element:
                return True
    return False


def _element(written: str) -> str:
    """A channel's element type as compared: `interface{}` and `any` are one type (which
    a declared type prints as `interface`)."""
    return "interface" if written in ("interface{}", "any") else written


def _module_sends_in_select(call: Any, index: int, names: Names) -> bool:
    """Whether call runs a method of a type of another package of the module
    (`ctx.registry.NotifyExitHopHtlc(..., hodlChan, ...)` with registry an
    `*invoices.InvoiceRegistry`, its source at hand) whose declaring file sends on no
    channel of its index-th parameter's type outside a `select` (see _sends_bare):
    its sends select on a quit channel, so nothing shows one can block."""
    function = call.child_by_field_name("function")
    facts = names.facts
    if function is None or function.type != "selector_expression" or facts is None:
        return False
    kind = types_for(names).of(function.child_by_field_name("operand"))
    base = kind.deref() if kind is not None else None
    if base is None or base.kind != "named" or base.path in ("", "builtin") or \
            facts.module_package(base.path) is None:
        return False
    key = f"{base.path}:{base.name}.{text(names.source, function.child_by_field_name('field'))}"
    found = _bare_sends(key, index, names)
    return bool(found) and not any(found)


def _own_type(operand: Any, names: Names) -> bool:
    """Whether operand is a value declared with a named type of this file's package
    (`w *watcher`, `ctx.registry` of a field declared `*registry`), not a package name."""
    if operand is None or operand.type == "identifier" and names.resolve(operand).kind == PACKAGE:
        return False
    kind = types_for(names).of(operand)
    if kind is None or kind.deref().kind != "named":
        return False
    return kind.deref().path == ""


def _package_binding(arg: Any, ctx: Context) -> tuple[Any, Any] | None:
    """(name, value) for a package-level `var ch = make(...)` of this file that no
    function of the file assigns again."""
    if arg.type != "identifier":
        return None
    binding = ctx.names.resolve(arg)
    if binding.kind != PACKAGE or binding.decl is None:
        return None
    spec = declaring_statement(binding.decl)
    value = spec.child_by_field_name("value") if spec is not None and spec.type == "var_spec" else None
    targets = list(spec.children_by_field_name("name")) if spec is not None else []
    values = list(value.named_children) if value is not None else []
    if len(values) != len(targets):
        return None
    index = next(i for i, t in enumerate(targets) if t.start_byte == binding.decl.start_byte)
    for ident in named(ctx.root, ctx.source, binding.name):
        left = ident.parent
        if left is not None and left.type == "expression_list" and left.parent is not None and \
                left.parent.type == "assignment_statement" and left.parent.child_by_field_name("left") == left \
                and ctx.names.resolve(ident).same(binding):
            return None  # assigned again somewhere: which value reaches the call is not known here
    return binding.decl, values[index]


def _only_swallowed(call: Any, arg: Any, names: Names) -> bool:
    """Whether the function receives from the signal channel only to throw the signals
    away (`case <-sigCh:` with an empty body, `for range sigCh {}`) and does nothing else
    with it but register and stop it: signal.Notify alone suppresses the signals' default
    action, so a signal dropped while nobody receives loses nothing the code wanted."""
    func = names.outermost_function(call)
    if func is None:
        return False
    swallowed = False
    for node in walk(func):
        if node.type not in ("identifier", "selector_expression") or not names.same_path(node, arg):
            continue
        holder = node.parent
        statement = holder.parent if holder.type == "expression_list" else None
        if statement is not None and statement.type in ("short_var_declaration", "assignment_statement") and \
                statement.child_by_field_name("left") == holder and make_channel(
                    (statement.child_by_field_name("right").named_children or [None])[0], names.source):
            continue  # where it is made
        if holder.type == "argument_list" and names.qualified(holder.parent.child_by_field_name("function")) in (
                ("os/signal", "Notify"), ("os/signal", "Stop"), ("os/signal", "Reset")):
            continue
        case = holder.parent.parent if holder.type == "unary_expression" and \
            holder.parent.type == "receive_statement" else None
        if case is not None and case.type == "communication_case" and \
                holder.parent.child_by_field_name("left") is None and \
                not any(c.type == "statement_list" and c.named_children for c in case.named_children):
            swallowed = True
            continue
        if holder.type == "range_clause" and holder.child_by_field_name("left") is None and \
                not statements(holder.parent.child_by_field_name("body")):
            swallowed = True
            continue
        if node.type == "selector_expression" and node.parent.type == "selector_expression":
            continue  # a part of a longer path
        return False
    return swallowed


def _drained(call: Any, arg: Any | None, names: Names) -> bool:
    """Whether a `for range` that nothing leaves reads the registered channel: ranging
    over the call itself, over the variable its result is bound to, or over arg."""
    func = names.outermost_function(call)
    if func is None:
        return False
    wanted = [arg] if arg is not None else []
    bound = assigned_to(call)
    if bound is not None and bound[0].type == "identifier":
        wanted.append(bound[0])
    for loop in walk(func):
        if loop.type != "for_statement":
            continue
        header = next((c for c in loop.named_children if c.type == "range_clause"), None)
        right = header.child_by_field_name("right") if header is not None else None
        if right is None:
            continue
        if (right.start_byte, right.end_byte) != (call.start_byte, call.end_byte) and \
                not any(names.same_path(right, w) for w in wanted):
            continue
        if not loop_exits(loop, names.source, never_returning=False):
            return True
    return False


def _receives_every_confirmation(call: Any, arg: Any | None, notify: str, names: Names) -> bool:
    """Whether, after a `NotifyPublish`/`NotifyConfirm` registration, the function itself
    receives from the channel (or the call's result) at least once per publish that can
    be confirmed: it counts the `Publish*` calls on the registered channel anywhere in the
    function (its goroutines included) and the receives `<-confirms` that run every time
    the function gets past them (not in a branch, a select or a closure), each times the
    elements of a `for range` over a literal around it. A publish or receive in any other
    loop, or the channel handed or stored anywhere (where it may be published on), and
    the count is not known: False."""
    if notify not in CONFIRMS:
        return False
    func = names.outermost_function(call)
    holders = [held for held, _ in _holders(call, names)]
    if func is None or not holders or holders[0].type != "identifier" or \
            names.reaching(holders[0], call) is None:
        return False  # a parameter or field: other code may publish on it
    wanted = [arg] if arg is not None else []
    bound = assigned_to(call)
    if bound is not None and bound[0].type == "identifier":
        wanted.append(bound[0])
    publishes = receives = 0
    for node in walk(func):
        if node.type in ("identifier", "selector_expression") and names.same_path(node, holders[0]):
            holder = node.parent
            if holder.type != "selector_expression" or holder.child_by_field_name("operand") != node \
                    or holder.parent is None or holder.parent.type != "call_expression":
                if not (holder.type in ("expression_list", "short_var_declaration", "assignment_statement")
                        and node.start_byte < call.start_byte) and not _printed(node, names):
                    return False  # handed on or stored: published on elsewhere, perhaps
                continue
            if call_name(holder.parent, names.source)[1].startswith("Publish"):
                times = _times(holder.parent, func, loops_only=True)
                if times is None:
                    return False
                publishes += times
        elif node.type == "unary_expression" and node.start_byte > call.end_byte and \
                names.source[node.start_byte:node.start_byte + 2] == b"<-" and \
                any(names.same_path(node.child_by_field_name("operand"), w) for w in wanted):
            receives += _times(node, func, loops_only=False) or 0
    return receives >= publishes


# Calls that only format or log their arguments (`t.Fatalf("...: %v", ch, err)`).
_PRINTS = re.compile(r"(Fatal|Error|Log|Print|Panic|Skip|Sprint|Fprint|Errorf)\w*")


def _printed(node: Any, names: Names) -> bool:
    """Whether node is an argument of a call that only formats or logs it."""
    args = node.parent
    call = args.parent if args is not None and args.type == "argument_list" else None
    return call is not None and call.type == "call_expression" and \
        _PRINTS.fullmatch(call_name(call, names.source)[1]) is not None


def _times(node: Any, func: Any, loops_only: bool) -> int | None:
    """How many times node runs each time func runs past it: the product of the lengths
    of the `for range` literals around it; None where a loop of another kind is around
    it, and (unless loops_only) 0 where it may not run: in a branch, a case, a closure
    or after a `&&`/`||`."""
    times = 1
    child = node
    for parent in ancestors(node):
        if parent == func:
            return times
        if parent.type == "for_statement":
            header = next((c for c in parent.named_children if c.type == "range_clause"), None)
            right = header.child_by_field_name("right") if header is not None else None
            body = right.named_children[-1] if right is not None and right.type == "composite_literal" \
                and right.named_children else None
            if body is None or body.type != "literal_value":
                return None
            if child != right:
                times *= body.named_child_count
        elif not loops_only and (
                parent.type in ("func_literal", "expression_switch_statement", "type_switch_statement",
                                "select_statement", "communication_case") or
                (parent.type == "binary_expression" and child == parent.child_by_field_name("right") and
                 parent.child_by_field_name("operator").type in ("&&", "||")) or
                (parent.type == "if_statement" and child not in (parent.child_by_field_name("initializer"),
                                                                  parent.child_by_field_name("condition")))):
            return 0
        child = parent
    return times


def _holders(call: Any, names: Names) -> list[tuple[Any, int]]:
    """The registration's receiver and the connection it came from (`ch, err :=
    c.Channel()`), each with where its last binding before the call ends."""
    function = call.child_by_field_name("function")
    operand = function.child_by_field_name("operand") if function.type == "selector_expression" else None
    if operand is None or operand.type not in ("identifier", "selector_expression"):
        return []
    since = [(operand, _bound_at(operand, call, names))]
    binding = names.reaching(operand, call)
    statement = next((a for a in ancestors(binding[0]) if a.type in (
        "short_var_declaration", "assignment_statement")), None) if binding is not None else None
    right = statement.child_by_field_name("right") if statement is not None else None
    values = right.named_children if right is not None else []
    if len(values) == 1 and values[0].type == "call_expression":
        method = call_name(values[0], names.source)[1]
        inner = values[0].child_by_field_name("function")
        origin = inner.child_by_field_name("operand") if inner.type == "selector_expression" else None
        if method == "Channel" and origin is not None and origin.type in ("identifier", "selector_expression"):
            since.append((origin, _bound_at(origin, call, names)))
    return since


def _registered_after_close(call: Any, names: Names) -> bool:
    """`c.Close()` earlier in the same function on the receiver, or on the connection
    the receiver came from (`ch, err := c.Channel()`), and after the last binding of
    that name (a reconnect loop closes the old connection, then dials a new one)."""
    since = _holders(call, names)
    if not since:
        return False
    func = names.enclosing_function(call)
    body = func.child_by_field_name("body") if func is not None else None
    for node in _closes(body, names.source) if body is not None else ():
        if node.start_byte >= call.start_byte:
            break
        receiver = node.child_by_field_name("function").child_by_field_name("operand")
        if any(names.same_path(receiver, held) and node.start_byte > bound for held, bound in since):
            return True
    return False


@per_file
def _closes(body: Any, source: bytes) -> list[Any]:
    """The `x.Close()` calls of a function body that are not deferred (a deferred Close
    runs at return, not before), in source order; listed once per function."""
    found = []
    for node in walk(body, into_functions=False):
        if node.type != "call_expression" or arguments(node):
            continue
        function = node.child_by_field_name("function")
        if function.type == "selector_expression" and call_name(node, source)[1] == "Close" and \
                not (node.parent is not None and node.parent.type == "defer_statement"):
            found.append(node)
    return found


def _closed_right_after(call: Any, names: Names) -> bool:
    """`conn.NotifyClose(ch)` followed in the same block by `conn.Close()` with no statement
    in between that names conn: nothing can be sent before the Close, and amqp closes the
    registered channels on Close without sending."""
    statement = call.parent
    function = call.child_by_field_name("function")
    operand = function.child_by_field_name("operand") if function.type == "selector_expression" else None
    if operand is None or operand.type not in ("identifier", "selector_expression") or \
            statement is None or statement.type != "expression_statement":
        return False
    root = operand
    while root.type == "selector_expression":
        root = root.child_by_field_name("operand")
    if root.type != "identifier":
        return False
    following = statement.next_named_sibling
    while following is not None:
        inner = following.named_children[0] if following.named_children else None
        if following.type == "return_statement" and inner is not None and inner.named_child_count == 1:
            inner = inner.named_children[0]  # return conn.Close()
        elif following.type != "expression_statement":
            inner = None
        closed = inner.child_by_field_name("function") if inner is not None and \
            inner.type == "call_expression" and not arguments(inner) else None
        if closed is not None and closed.type == "selector_expression" and \
                call_name(inner, names.source)[1] == "Close" and \
                names.same_path(closed.child_by_field_name("operand"), operand):
            return True
        if following.type != "comment" and any(
                n.type == "identifier" and names.same_variable(n, root) for n in walk(following)):
            return False
        following = following.next_named_sibling
    return False


def _closed_before_publish(call: Any, notify: str, names: Names) -> bool:
    """`ch.NotifyConfirm(c)` / `NotifyPublish(c)` followed in the same block by a Close of
    ch or of the connection it came from, with no `Publish*` on ch and ch handed nowhere
    in between: confirmations answer publishes only, and Close closes the registered
    channels without sending."""
    holders = [held for held, _ in _holders(call, names)]
    statement = call.parent
    if notify not in CONFIRMS or not holders or statement is None or \
            statement.type != "expression_statement":
        return False
    channel = holders[0]
    following = statement.next_named_sibling
    while following is not None:
        for node in walk(following):
            if node.type == "call_expression":
                function = node.child_by_field_name("function")
                operand = function.child_by_field_name("operand") if function.type == "selector_expression" else None
                method = call_name(node, names.source)[1]
                if operand is not None and method == "Close" and not arguments(node) and \
                        any(names.same_path(operand, held) for held in holders):
                    return True
                if operand is not None and method.startswith("Publish") and names.same_path(operand, channel):
                    return False
            elif node.type in ("identifier", "selector_expression") and names.same_path(node, channel):
                holder = node.parent
                if holder.type != "selector_expression" or holder.child_by_field_name("operand") != node \
                        or holder.parent is None or holder.parent.type != "call_expression":
                    return False  # handed on, stored or rebound: a publish may follow elsewhere
        following = following.next_named_sibling
    return False


def _bound_at(expr: Any, position: Any, names: Names) -> int:
    binding = names.reaching(expr, position)
    return binding[0].end_byte if binding is not None else -1


def buffer_fix(make: Any, notify: str, source: bytes) -> Fix | None:
    """`make(chan T)` -> `make(chan T, 1)` where a function makes it. Not for
    NotifyPublish and NotifyConfirm: they send once per published message, so no fixed
    size is known to be enough; nor for a package-level channel, which other code of the
    package may use as a rendezvous."""
    if notify in ("NotifyPublish", "NotifyConfirm") or names_for(source, make).enclosing_function(make) is None:
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
    anchors=(b"Notify",),  # each pattern's name starts with it
    anchored=lambda source, start, end: starts_word(source, start),
    tags=("goroutine-leak", "deadlock", "concurrency"),
    fix="safe",
    outside=("names",),
)
