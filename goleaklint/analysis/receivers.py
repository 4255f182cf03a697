"""How a receiving loop stops: the channels whose select cases it leaves through
(`stop_channels`), and the exits that do not count as stopping (it leaves on the value
received, on a stop it hands back, when no sender is left, or drains and goes).
Shared by GL003 (is anyone left to receive?) and GL004 (is the receiver a worker the
locker can stop? can it stop taking values while senders come: `gives_up`)."""

from __future__ import annotations

import re
from typing import Any

from goleaklint.analysis.cfg import ends_program, loop_exits
from goleaklint.analysis.channels import is_exit_channel, received_channel, same_channel, strip_parens
from goleaklint.analysis.names import names_for
from goleaklint.syntax import FUNCTION_TYPES, ancestors, assignments, enclosing_loop, text, walk, within


def stop_channels(receive: Any, source: bytes) -> set[str] | None:
    """The channels (as written) whose select cases the receiver loop of `receive`
    stops through, other than on what it received (a stop value, `!ok`), once no
    sender is left, or by ending the program: empty for a loop that never stops on its
    own; None when it is not in a loop or can stop some other way (a return on a
    write error, a break after a count)."""
    if receive.type == "unary_expression" and receive.parent.type == "receive_statement":
        receive = receive.parent
    loop = receive.parent if receive.type == "range_clause" else enclosing_loop(receive, None)
    if loop is None:
        return None
    found = set()
    for exit in stopping_exits(loop, receive, source):
        case = next((a for a in ancestors(exit) if a.type == "communication_case" or a == loop), None)
        channel = received_channel(case.child_by_field_name("communication")) \
            if case is not None and case != loop else None
        if channel is None:
            return None
        found.add(text(source, channel))
    return found


def stopping_exits(loop: Any, receive: Any, source: bytes) -> list[Any]:
    """The exits of the receiver loop around `receive` through which it stops taking
    values on its own: not on what it received (a stop value, `!ok`), not a stop it
    hands back, not once no sender is left, not a drain, not the end of the program."""
    return [exit for exit in loop_exits(loop, source)
            if not (ends_on_value(exit, receive, source) or ends_program(exit, source) or
                    handed_stop(exit, loop, source) or when_none_left(exit, loop, source) or
                    drains(exit, receive) or within(receive, exit))]


def gives_up(receive: Any, source: bytes) -> Any | None:
    """How the receiver of `receive` can stop taking values while senders still come
    (the node of that way out), or None: for a receive in a loop, an exit of the loop
    other than on what it received (a return on an error, a `<-ctx.Done()` case that
    leaves; see stopping_exits); for a receive outside any loop, as a case of a select,
    another case of that select (`case <-ctx.Done(): return ctx.Err()`): the one value
    it waited for can be abandoned. A plain receive outside a loop takes its value."""
    if receive.type == "unary_expression" and receive.parent.type == "receive_statement":
        receive = receive.parent
    loop = receive.parent if receive.type == "range_clause" else enclosing_loop(receive, None)
    if loop is not None:
        exits = stopping_exits(loop, receive, source)
        return exits[0] if exits else None
    select = receive.parent.parent if receive.type == "receive_statement" else None
    if select is None or select.type != "select_statement":
        return None
    for case in select.named_children:  # a done case, or another result taken first
        communication = case.child_by_field_name("communication") if case.type == "communication_case" else None
        if communication is not None and communication != receive and received_channel(communication) is not None:
            return communication
    return None


def drains(exit: Any, receive: Any) -> bool:
    """An exit in the `default` of the receive's own select: the loop takes what is
    pending and leaves, it is a drain, not a receiver that stops."""
    select = receive.parent.parent if receive.type == "receive_statement" else None
    return select is not None and any(
        a.type == "default_case" and a.parent == select for a in ancestors(exit)
    )


def received_variables(receive: Any, source: bytes) -> list[Any]:
    """The identifiers of the variables a receive sets: `v, ok := <-ch`, `case m =
    <-ch:`, `for x := range`."""
    holder = receive
    if receive.type == "unary_expression":
        holder = receive.parent.parent if receive.parent is not None else None
        if holder is None or holder.type not in ("short_var_declaration", "assignment_statement"):
            return []
    left = holder.child_by_field_name("left")
    if left is None:
        return []
    return [n for n in left.named_children if n.type == "identifier" and text(source, n) != "_"]


def received_names(receive: Any, source: bytes) -> set[str]:
    """The names of received_variables."""
    return {text(source, n) for n in received_variables(receive, source)}


def mentions(node: Any, variables: list[Any], source: bytes) -> bool:
    """Whether node uses one of the variables the identifiers in variables name
    (through analysis/names: a shadowing one in between, a field of that name, is not)."""
    if node is None or not variables:
        return False
    names = names_for(source, node)
    wanted = {text(source, v) for v in variables}
    found = {names.resolve(v).identity() for v in variables}
    return any(n.type == "identifier" and text(source, n) in wanted and names.resolve(n).identity() in found
               for n in (node, *walk(node)))


def ends_on_value(exit: Any, receive: Any, source: bytes) -> bool:
    """Whether a loop exit is taken because of the value received: unconditionally in
    a select case receiving the same channel (it is a stop signal), or under an `if`
    or `switch` testing what was received (`!ok`, `msg == nil`, `case 2:`)."""
    variables = received_variables(receive, source)
    channel = received_channel(receive) if receive.type != "range_clause" else None
    case = receive.parent if receive.type == "receive_statement" else None
    if case is not None:  # `case s := <-ch: state = s`: state holds the value too, and
        # so does what is computed from it (`finished, ok := a.register(s)`)
        for target, value, statement in assignments(case):
            right = value if value is not None else statement.child_by_field_name("right")
            if target.type == "identifier" and mentions(right, variables, source):
                variables.append(target)
    for parent in ancestors(exit):
        if parent == case:
            return True
        if parent.type == "communication_case" and channel is not None:
            other = received_channel(parent.child_by_field_name("communication"))
            if other is not None and same_channel(other, channel, source):
                return True
        if parent.type in ("if_statement", "expression_switch_statement") and variables:
            field = "condition" if parent.type == "if_statement" else "value"
            if mentions(parent.child_by_field_name(field), variables, source):
                return True
        if parent.type == "for_statement" or parent.type in FUNCTION_TYPES:
            return False
    return False


def handed_stop(exit: Any, loop: Any, source: bytes) -> bool:
    """An exit in a select case that sends on a stop channel (`case t.stopChan <- true:
    return`): the loop leaves because its owner asked it to and took the answer, so
    the owner knows nothing receives after that."""
    for parent in ancestors(exit):
        if parent == loop:
            return False
        if parent.type == "communication_case":
            communication = parent.child_by_field_name("communication")
            if communication is not None and communication.type == "send_statement":
                channel = strip_parens(communication.child_by_field_name("channel"))
                return is_exit_channel(channel, source)
    return False


# `len(` made the search quadratic on nested `len(x[len(...` conditions.
_NONE_LEFT = re.compile(r"(==|<=)\s*0\b|\b0\s*(==|>=)")


def when_none_left(exit: Any, loop: Any, source: bytes) -> bool:
    """An exit under `if active == 0` (or `len(pending) == 0`): the loop counts its
    senders and leaves only when none is left to send."""
    for parent in ancestors(exit):
        if parent == loop:
            return False
        if parent.type == "if_statement":
            condition = parent.child_by_field_name("condition")
            if condition is not None and _NONE_LEFT.search(text(source, condition)):
                return True
    return False
