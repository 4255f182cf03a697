"""GL003's view of a channel's receiver: does the function that made an unbuffered
channel receive from it on every path (`local_receiver`), and does the receiver loop
of a field channel live as long as its senders (`field_receiver`)."""

from __future__ import annotations

import bisect
import re
from typing import Any, NamedTuple

from goleaklint.analysis.cfg import ends_process, ends_program, has_endless_header, loop_exits, never_returns
from goleaklint.analysis.channels import (
    SelectExit,
    field_owner,
    enclosing_select,
    is_exit_channel,
    received_channel,
    receive_channel,
    receives_of,
    same_channel,
    select_exits,
    strip_parens,
)
from goleaklint.analysis.names import names_for
from goleaklint.analysis.receivers import (
    after_fatal_check,
    drains,
    ends_on_value,
    handed_stop,
    mentions,
    on_timer_close,
    received_names,
    waits_again,
    when_none_left,
)
from goleaklint.analysis.types import types_for
from goleaklint.syntax import (
    FUNCTION_TYPES,
    ancestors,
    arguments,
    call_name,
    descendants,
    enclosing_function,
    enclosing_loop,
    per_file,
    text,
    walk,
    within,
)


def field_makes(matches: list[dict], source: bytes) -> dict[str, list[Any]]:
    """Field name -> the `make(chan ...)` calls assigned to it (`x.f = make(...)` or
    `T{f: make(...)}`), from the captures of query patterns capturing @field and @make."""
    found: dict[str, list[Any]] = {}
    for captures in matches:
        field = text(source, captures["field"][0])
        found.setdefault(field, []).append(captures["make"][0])
    return found


class Receiver(NamedTuple):
    verdict: str  # "owned", "gives-up", "loop-ends", "skipped", "races", "unseen"
    receive: Any | None = None  # the receive that proves it, or the skippable one
    exit: Any | None = None  # the SelectExit it can leave through, the loop that ends, or the return


def _goroutine_body(node: Any) -> Any | None:
    """The function literal node runs in, if it is not the outer function."""
    func = enclosing_function(node)
    return func if func is not None and func.type == "func_literal" else None


def local_receiver(function: Any, send: Any, channel: Any, source: bytes, final: Any = None) -> Receiver:
    """How the function that made the channel (the expression `channel`, resolved
    through analysis/names) receives from it, seen from a send
    in a goroutine it starts: `owned` when some receive nothing can skip (a `for
    range`, a plain `<-name`), `gives-up` when every receive is a select case next to a
    done/ctx/timer case that leaves (exit: that SelectExit), `loop-ends` when such a
    case goes on but the loop around the select can end by its condition (exit: the
    loop, _waits_in_ending_loop), `skipped` when the plain
    receives all come after a `return` that can run once the goroutine started (exit:
    that return), `races` when the only receive is a case of a select outside any loop
    next to a receive from another channel (exit: that case's SelectExit: once it goes
    first, the function goes on and never receives again), `unseen` when it does not
    receive. A select exit for which final(exit) holds is no way out (see
    receiver_after_go)."""
    body = function.child_by_field_name("body")
    if body is None:
        return Receiver("unseen")
    sender = _goroutine_body(send)
    go = sender.parent.parent if sender is not None and sender.parent is not None else None
    if go is not None and go.type != "go_statement":
        go = None
    return _receiver_after_go(body, function, sender, go, channel, source, final)


def receiver_after_go(function: Any, go: Any, channel: Any, source: bytes, final: Any = None) -> Receiver:
    """local_receiver for a channel handed to a goroutine as an argument
    (`go fetch(url, results)`): the goroutine's sends happen after `go`. A select exit
    for which final(exit) holds is no way out: its value comes only after the sender's
    last send on the channel (the sender's end signal)."""
    body = function.child_by_field_name("body")
    if body is None:
        return Receiver("unseen")
    return _receiver_after_go(body, function, None, go, channel, source, final)


def _receiver_after_go(body: Any, function: Any, sender: Any, go: Any, channel: Any,
                       source: bytes, final: Any = None) -> Receiver:
    giving_up = skipped = racing = None
    ended = []  # loops that can end early, with a receive after them
    for receive in receives_of(body, channel, source):
        if sender is not None and _goroutine_body(receive) == sender:
            continue
        if any(within(receive, loop) for loop in ended):
            continue  # that loop may end: the receive after it is the one that counts
        select = receive.parent.parent if receive.type == "receive_statement" else None
        if select is not None and select.type == "select_statement":
            exits = [e for e in select_exits(select, source, besides=receive)
                     if _leaves(e, select, source) and not _case_ends_program(e, source, _ends_run)
                     and not (final is not None and final(e)) and not _waits_on_leaving(e, channel, function, source)]
            if exits and _received_later(select, exits, body, function, channel, source):
                continue  # the cases go on to a receive after the select: it takes the value
            if exits:
                giving_up = giving_up or Receiver("gives-up", receive, exits[0])
                continue
            loop = _waits_in_ending_loop(select, receive, source, final, go)
            if loop is not None:
                if not _received_after(loop, body, function, channel, source):
                    giving_up = giving_up or Receiver("loop-ends", receive, loop)
                else:
                    ended.append(loop)  # received again after the loop: that receive is judged
                continue
            other = _racing_case(select, receive, source)
            if other is not None:
                racing = racing or Receiver("races", receive, other)
                continue
        # after a loop that can end early, the return nearest the receive: the first
        # ones may sit in branches that exclude the goroutine's
        early = _return_between(go, receive, function, source, any(receive.start_byte >= loop.end_byte
                                                                      for loop in ended)) if go is not None else None
        if early is None:
            return Receiver("owned", receive)
        skipped = skipped or Receiver("skipped", receive, early)
    return giving_up or skipped or racing or Receiver("unseen")


def _received_later(select: Any, exits: list, body: Any, function: Any, channel: Any, source: bytes) -> bool:
    """Whether every way out of select goes on (no `return`, `goto` or call that never
    returns in the case) to a receive from the channel after it, in the function's own
    body, with no `return` in between (`case <-closing: err = ErrClosed` and then `for
    i := 0; i < n; i++ { <-errCh }`): a sender is drained there, not left behind."""
    for exit in exits:
        case = exit.node if exit.kind == "default" else exit.node.parent
        if any(n.type in ("return_statement", "goto_statement") or never_returns(n, source)
               for n in walk(case, into_functions=False)):
            return False
    return any(later.start_byte >= select.end_byte and enclosing_function(later) == function and
               _return_between(select, later, function, source) is None
               for later in receives_of(body, channel, source))


def _waits_on_leaving(exit: Any, channel: Any, function: Any, source: bytes) -> bool:
    """Whether the case that leaves receives from the channel itself before it goes
    (`case <-ctx.Done(): if running { <-finished }; return`), with no way out of the
    case before that receive: it waits for the sender still at work, so that sender
    finds its receiver."""
    case = exit.node if exit.kind == "default" else exit.node.parent
    waits = [r for r in receives_of(case, channel, source) if enclosing_function(r) == function and r != exit.node] \
        if case is not None else []
    return bool(waits) and not any(n.type in ("return_statement", "goto_statement") or never_returns(n, source)
                                   for n in walk(case, into_functions=False) if n.start_byte < waits[0].start_byte)


def _received_after(loop: Any, body: Any, function: Any, channel: Any, source: bytes) -> bool:
    """Whether the function receives from the channel again after the loop, in its own
    body (a first loop that checks for an early error and gives up when nothing is
    ready, then a last one that waits for every remaining result): the loop ending
    strands no sender; a return that skips the later receive may."""
    return any(later.start_byte >= loop.end_byte and enclosing_function(later) == function
               for later in receives_of(body, channel, source))


def _racing_case(select: Any, receive: Any, source: bytes) -> SelectExit | None:
    """The first case of select, outside any loop, other than the receive's own, that
    receives from another channel (`case <-readyChan:`) and does not end the program:
    when it goes first, the select is over without the value."""
    if enclosing_loop(select, None) is not None:
        return None
    for case in select.named_children:
        communication = case.child_by_field_name("communication") if case.type == "communication_case" else None
        channel = received_channel(communication) if communication is not None and communication != receive \
            else None
        if channel is None:
            continue
        exit = SelectExit("receive", communication, f"<-{text(source, channel)}")
        if not _case_ends_program(exit, source, _ends_run):
            return exit
    return None


def _waits_in_ending_loop(select: Any, receive: Any, source: bytes, final: Any = None,
                          go: Any = None) -> Any | None:
    """The loop around a select whose other cases go on without the value (`case
    <-time.After(d):` that checks and waits again), when the loop can end by its own
    condition: a time or other call (`for endTime.After(time.Now())`), a counter it
    steps (`for i := 0; i < 3; i++`), or a name the loop sets outside the receiving
    case (`done = true` in the timer case). Once it ends, nothing receives. Not a loop
    that counts the values received against the number of senders `go` starts
    (_counts_senders)."""
    if not any(not _case_ends_program(e, source, _ends_run) and not (final is not None and final(e))
               for e in select_exits(select, source, besides=receive)):
        return None  # (a case of the sender's end signal: it has no sends left)
    loop = enclosing_loop(select, None)
    if loop is None:
        return None
    if has_endless_header(loop):
        return loop if _left_without_value(loop, select, receive, source) else None
    clause = next((c for c in loop.named_children if c.type in ("for_clause", "range_clause")), None)
    if clause is not None and clause.type == "range_clause":
        return None
    condition = clause.child_by_field_name("condition") if clause is not None else next(
        (c for c in loop.named_children if c.type not in ("block", "comment")), None)
    if condition is None:
        return None
    if clause is not None and clause.child_by_field_name("update") is not None:
        return loop
    if go is not None and _counts_senders(loop, condition, receive, go, source):
        return None
    if any(n.type == "call_expression" for n in (condition, *walk(condition, into_functions=False))):
        return loop
    case = receive.parent
    words = [n for n in (condition, *walk(condition)) if n.type == "identifier"]
    for node in walk(loop.child_by_field_name("body"), into_functions=False):
        if node.type in ("assignment_statement", "inc_statement", "dec_statement") and not within(node, case):
            target = node.child_by_field_name("left") if node.type == "assignment_statement" else node
            if target is not None and mentions(target, words, source):
                return loop
    return None


def _counts_senders(loop: Any, condition: Any, receive: Any, go: Any, source: bytes) -> bool:
    """Whether a loop runs until it has one received value per sender (`for
    len(results) < len(epnts) { if idx < len(epnts) { go transact(..., out); idx++ }
    select { case r := <-out: results = append(results, r) case <-ticker.C: } }`):
    its condition compares a count that the receiving case steps once per value, and
    nothing else in the loop changes (`len(results)`, `n` with `n++`), with a bound,
    and the goroutine is started only under a test against that same bound (in the
    loop, or by a loop over the collection whose `len` it is). The loop cannot end
    before every goroutine started has delivered."""
    condition = strip_parens(condition)
    if condition is None or condition.type != "binary_expression":
        return False
    operator = condition.child_by_field_name("operator")
    left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
    if operator is None or left is None or right is None:
        return False
    op = text(source, operator)
    if op in (">", ">="):
        left, right = right, left
    elif op not in ("<", "!="):
        return False
    left = strip_parens(left)
    counted = left
    if left.type == "call_expression" and text(source, left.child_by_field_name("function")) == "len" \
            and len(arguments(left)) == 1:
        counted = strip_parens(arguments(left)[0])
    if counted is None or counted.type != "identifier":
        return False
    case = receive.parent
    if case is None or case.type != "communication_case":
        return False
    steps = [n for n in walk(loop.child_by_field_name("body"), into_functions=False)
             if n.type in ("assignment_statement", "inc_statement", "dec_statement", "short_var_declaration")
             and mentions(n.child_by_field_name("left") if n.type != "inc_statement" and
                          n.type != "dec_statement" else n.named_children[0], [counted], source)]
    holder = steps[0].parent if len(steps) == 1 else None
    if holder is not None and holder.type == "statement_list":
        holder = holder.parent
    if holder != case:
        return False  # stepped once, in the receiving case itself (not under an `if`)
    step = steps[0]
    if step.type == "assignment_statement":
        value = strip_parens(step.child_by_field_name("right").named_children[0]) \
            if step.child_by_field_name("right") is not None and step.child_by_field_name("right").named_children \
            else None
        if counted is left or value is None or value.type != "call_expression" or \
                text(source, value.child_by_field_name("function")) != "append" or len(arguments(value)) != 2:
            return False
    elif step.type != "inc_statement" or counted is not left:
        return False
    bound = text(source, strip_parens(right))
    for parent in ancestors(go):
        if parent == loop or parent.type in FUNCTION_TYPES:
            break
        if parent.type == "if_statement":
            test = strip_parens(parent.child_by_field_name("condition"))
            if test is not None and test.type == "binary_expression" and \
                    text(source, test.child_by_field_name("operator")) == "<" and \
                    text(source, strip_parens(test.child_by_field_name("right"))) == bound and \
                    within(go, parent.child_by_field_name("consequence")):
                index = strip_parens(test.child_by_field_name("left"))
                return within(parent, loop) and index is not None and index.type == "identifier" and any(
                    n.type == "inc_statement" and mentions(n.named_children[0], [index], source)
                    for n in walk(parent.child_by_field_name("consequence"), into_functions=False))
    starter = enclosing_loop(go, None)
    if starter is not None and not within(loop, starter) and starter.end_byte <= loop.start_byte:
        clause = next((c for c in starter.named_children if c.type == "range_clause"), None)
        over = strip_parens(clause.child_by_field_name("right")) if clause is not None else None
        return over is not None and bound == f"len({text(source, over)})"
    return False


def _left_without_value(loop: Any, select: Any, receive: Any, source: bytes) -> bool:
    """Whether an endless loop around the select (`for { select { case err := <-errc:
    ...; default: }; ...; if done { break } }`) can be left outside the select (a
    `return`, a `break` out of it), on a test that names nothing the receiving case
    sets: what the goroutine sends after that has no receiver."""
    case = receive.parent
    sets = {text(source, n) for n in walk(case, into_functions=False) if n.type == "identifier" and
            n.parent is not None and n.parent.type == "expression_list" and
            n.parent.parent is not None and n.parent.parent.type in (
                "assignment_statement", "short_var_declaration", "receive_statement")}
    for exit in loop_exits(loop, source, never_returning=False):
        if within(exit, select) or exit.type not in ("return_statement", "break_statement"):
            continue
        tests = [a.child_by_field_name("condition") for a in ancestors(exit) if a.type == "if_statement"
                 and within(a, loop)]
        if not any(n.type == "identifier" and text(source, n) in sets
                   for t in tests if t is not None for n in (t, *walk(t))):
            return True
    return False


# `t.Fatal(...)`, `s.T().FailNow()`: a test helper failing its test (the operand names
# a testing value); `x.Fatal` on anything else may be a logger that returns to a caller.
_TEST_VALUE = re.compile(r"^(t|b|tb|f)$|\.T\(\)$")


def _ends_run(call: Any, source: bytes) -> bool:
    """A call that ends the process (ends_process), or fails the test that runs the
    code (`s.T().Fatal(...)`): the run is over or already failed, nothing waits on
    what is left blocked."""
    if ends_process(call, source):
        return True
    operand, name = call_name(call, source)
    return name in ("Fatal", "Fatalf", "FailNow") and _TEST_VALUE.search(operand) is not None


def _return_between(go: Any, receive: Any, function: Any, source: bytes, last: bool = False) -> Any | None:
    """A `return` of function that can run after the go statement and before the
    receive: inside a statement that follows the go statement (or one of the blocks
    around it) in the same statement list, and before the receive in the source. A
    return in a select case that received from the same channel has taken the value:
    no skip. last: the last such return before the receive, not the first."""
    if enclosing_function(receive) != function:
        return None
    return _return_after(go, receive, function, source, 0, last)


def _return_after(node: Any, receive: Any, function: Any, source: bytes, depth: int,
                  last: bool = False) -> Any | None:
    """_return_between from node up; a local function literal (`start := func() { go
    ... }`) runs where it is called: the returns after each of its calls, not after the
    literal, can skip the receive. A return of another function literal that node is
    in (a callback handed to a call) ends that literal, not function: it skips nothing."""
    chosen = None
    while node is not None and node != function:
        parent = node.parent
        if parent is not None and parent.type == "func_literal" and depth < 4:
            calls = _local_calls(parent, function, source)
            if calls is not None:
                found = [r for call in calls for r in [_return_after(call, receive, function, source, depth + 1, last)]
                         if r is not None]
                return (max if last else min)(found, key=lambda r: r.start_byte) if found else None
        if parent is not None and parent.type in ("statement_list", "block"):
            # the returns of the statements after node: those starting after it
            starts, returns = _returns_in(parent, source)
            for inner in returns[bisect.bisect_left(starts, node.end_byte):]:
                if inner.end_byte > receive.start_byte:
                    break
                if enclosing_function(inner) != function:
                    continue  # a callback's return (`each(xs, func(x T) bool { go ...; return true })`) ends one call
                if not _after_receiving(inner, receive, source):
                    if not last:
                        return inner
                    chosen = inner if chosen is None or inner.start_byte > chosen.start_byte else chosen
        node = parent
    return chosen


def _local_calls(literal: Any, function: Any, source: bytes) -> list | None:
    """The calls in function of a literal bound to a local name (`start := func() {...}`)
    when every use of that name is such a call; None otherwise (handed on, stored)."""
    bound = literal.parent.parent if literal.parent is not None and literal.parent.type == "expression_list" else None
    if bound is None or bound.type != "short_var_declaration":
        return None
    left = bound.child_by_field_name("left")
    if left is None or len(left.named_children) != 1 or len(literal.parent.named_children) != 1:
        return None
    return names_for(source, literal).calls_of(left.named_children[0], function)


@per_file
def _returns_in(block: Any, source: bytes) -> tuple[list[int], list[Any]]:
    """The return statements inside block outside function literals, in source order,
    and their start bytes (for bisect)."""
    returns = [n for n in walk(block, into_functions=False) if n.type == "return_statement"]
    return [r.start_byte for r in returns], returns


def _after_receiving(node: Any, receive: Any, source: bytes) -> bool:
    """Whether node sits in a select case that received from the channel receive takes
    from (the same variable or field path, through analysis/names)."""
    for parent in ancestors(node):
        if parent.type == "communication_case":
            channel = received_channel(parent.child_by_field_name("communication"))
            wanted = receive_channel(receive)
            if channel is not None and wanted is not None and same_channel(channel, wanted, source):
                return True
        if parent.type in FUNCTION_TYPES:
            return False
    return False


def _leaves(exit: SelectExit, select: Any, source: bytes) -> bool:
    """Whether waking up through this case ends the wait for good: the select is not
    in a loop, or the case's body returns or breaks out."""
    if enclosing_loop(select, None) is None:
        return True
    case = exit.node if exit.kind == "default" else exit.node.parent
    loop = enclosing_loop(select, None)
    for node in walk(case, into_functions=False):
        if node.type in ("return_statement", "goto_statement", "break_statement") and \
                on_timer_close(node, loop, source):
            continue  # `case _, ok := <-t.C: if !ok { return }`: a timer's channel is never closed
        if node.type in ("return_statement", "goto_statement"):
            return True
        if node.type == "break_statement" and any(c.type == "label_name" for c in node.children) and \
                not waits_again(node, loop, source):
            return True
        if never_returns(node, source):
            return True
    return False


class FieldReceiver(NamedTuple):
    verdict: str  # "perpetual", "gives-up", "one-shot", "unseen"
    receive: Any | None = None
    exit: Any | None = None  # the statement through which the receiver loop ends


@per_file
def classify_receive(receive: Any, source: bytes, quiet: tuple = ()) -> FieldReceiver:
    """What one receive of a channel says about its receiver's life: `perpetual` for a
    receiver loop that cannot end (a `for {}` or `for range x.f` with no return, break,
    goto or panic out of it); `gives-up` for a loop that can end other than because of
    what it received (`exit` is the first such way out: a `<-done` case that leaves, a
    return); `one-shot` for a receive that takes one value (outside any loop, once per
    iteration of a loop over something else, or in a loop that ends on the value
    itself: a stop signal, `!ok`, a nil sentinel). The select cases of quiet (their
    communications) are no way out: they cannot fire while the receiver runs."""
    if receive.type == "unary_expression" and receive.parent.type == "receive_statement":
        receive = receive.parent
    if receive.type == "range_clause":
        loop = receive.parent
    else:
        select = receive.parent.parent if receive.type == "receive_statement" else None
        if select is not None and select.type == "select_statement":
            # a `default` that leaves is a drain of what is pending, not a stop
            exits = [e for e in select_exits(select, source, besides=receive)
                     if e.kind != "default" and e.node not in quiet and _leaves(e, select, source)
                     and not _leaves_when_none_left(e, source)
                     and not _case_ends_program(e, source)]
            if exits and (enclosing_loop(select, None) is None or _bounded(enclosing_loop(select, None))
                          or _after_request(enclosing_loop(select, None), source)):
                # a one-shot wait for a reply that can time out, a bounded wait for n
                # of them (`for i := 0; i < n; i++`), or a wait for what a request
                # just handed over produces: a per-call wait, called again for the
                # next ones; whether the send blocks meanwhile depends on a buffer
                # made elsewhere
                return FieldReceiver("one-shot", receive)
            if exits:
                # name a way out that can strand a sender: a goroutine's end signal last
                exits.sort(key=lambda e: _end_of_goroutine(e, source))
                return FieldReceiver("gives-up", receive, exits[0].node)
        loop = enclosing_loop(receive, None)
        if loop is None or not has_endless_header(loop):
            return FieldReceiver("one-shot", receive)
    all_exits = loop_exits(loop, source)
    if not all_exits:
        return FieldReceiver("perpetual", receive)
    exits = [e for e in all_exits
             if not ends_on_value(e, receive, source) and not ends_program(e, source)
             and not handed_stop(e, loop, source) and not _ends_on_input(e, loop, source)
             and not when_none_left(e, loop, source) and not drains(e, receive)
             and not within(receive, e) and not waits_again(e, loop, source)  # `return <-t.last`: leaves with the value
             and not _not_put_back(e, loop, receive, source) and not on_timer_close(e, loop, source)
             and not after_fatal_check(e, loop, source)
             and not any(a.type == "communication_case" and a.child_by_field_name("communication") in quiet
                         for a in ancestors(e))]
    if not exits:
        return FieldReceiver("one-shot", receive)
    case = next((a for a in ancestors(exits[0]) if a.type == "communication_case" or a == loop), None)
    taken = case.child_by_field_name("communication") if case is not None and case != loop else None
    if taken is not None and taken.type == "receive_statement" and taken.child_by_field_name("left") is None:
        return FieldReceiver("gives-up", receive, taken)  # `case <-s.quit: ...; return`: that case stops it
    return FieldReceiver("gives-up", receive, exits[0])


def _not_put_back(exit: Any, loop: Any, receive: Any, source: bytes) -> bool:
    """An exit taken only on what a call that is handed the receiver itself returns
    (`for fn := range w.task { fn(); if ok := w.pool.revertWorker(w); !ok { return } }`,
    `if err := p.put(w); err != nil { return }`), the receiver being the value whose
    field channel the loop receives from: a worker that puts itself back where its
    senders take it from (an idle queue, a registry) and leaves only when that fails.
    A sender reaches it only through that place, from which it was taken for the
    send, so none finds it once it has left."""
    channel = strip_parens(receive_channel(receive) if receive.type == "range_clause"
                           else received_channel(receive))
    owner = strip_parens(channel.child_by_field_name("operand")) \
        if channel is not None and channel.type == "selector_expression" else None
    if owner is None or owner.type != "identifier":
        return False
    names = names_for(source, owner)
    for parent in ancestors(exit):
        if parent == loop or parent.type in FUNCTION_TYPES:
            return False
        if parent.type != "if_statement":
            continue
        condition = parent.child_by_field_name("condition")
        initializer = parent.child_by_field_name("initializer")
        for piece in (initializer, condition):
            for call in (n for n in walk(piece, into_functions=False) if n.type == "call_expression") \
                    if piece is not None else ():
                if not any(strip_parens(a) is not None and strip_parens(a).type == "identifier"
                           and names.same_variable(strip_parens(a), owner) for a in arguments(call)):
                    continue
                if piece is condition:
                    return True
                bound = [n for n in walk(piece.child_by_field_name("left") or piece, into_functions=False)
                         if n.type == "identifier"] if piece.type in (
                             "short_var_declaration", "assignment_statement") else []
                if bound and mentions(condition, bound, source):
                    return True
    return False


_DEFERRED_CLOSE = re.compile(rb"defer\s+close\(\s*([\w.]+)\s*\)")


def _end_of_goroutine(exit: SelectExit, source: bytes) -> bool:
    """Whether the case waits on a goroutine's end signal: a channel that a goroutine
    closes by `defer close(h.done)` in its function literal: the same variable, or a
    field of that name (of the same struct type, where the file states both). The
    receiver leaves once that goroutine has returned, and the senders may be that very
    goroutine (a callback it runs), which sends nothing after it."""
    channel = strip_parens(received_channel(exit.node)) if exit.kind != "default" else None
    if channel is None or channel.type not in ("identifier", "selector_expression") or b"defer" not in source:
        return False
    name = text(source, channel).rsplit(".", 1)[-1]
    root = exit.node
    while root.parent is not None:
        root = root.parent
    for match in _DEFERRED_CLOSE.finditer(source):
        if match.group(1).decode(errors="replace").rsplit(".", 1)[-1] != name:
            continue
        closed = strip_parens(root.descendant_for_byte_range(match.start(1), match.end(1)))
        while closed is not None and closed.parent is not None and closed.parent.type in (
                "selector_expression", "parenthesized_expression") and closed.parent.end_byte <= match.end(1):
            closed = closed.parent
        if closed is not None and not _same_signal(closed, channel, source):
            continue
        literal = enclosing_function(root.descendant_for_byte_range(match.start(), match.end()))
        go = literal.parent.parent if literal is not None and literal.type == "func_literal" and \
            literal.parent is not None else None
        if go is not None and go.type == "go_statement":
            return True
    return False


def _same_signal(closed: Any, channel: Any, source: bytes) -> bool:
    """Whether a closed channel is the one received from: the same variable, or fields
    of one name whose struct types are the same where the file states both (a local
    and a field of its name are given the benefit)."""
    if closed.type == "identifier" and channel.type == "identifier":
        return same_channel(closed, channel, source)
    if closed.type == "selector_expression" and channel.type == "selector_expression":
        owners = {field_owner(closed, source), field_owner(channel, source)}
        return None in owners or len(owners) == 1
    return True


def field_receiver(receives: list[Any], send: Any, source: bytes) -> FieldReceiver:
    """How the file receives from a struct field channel (`receives`: the `<-x.f` and
    `range x.f` nodes of the field sent on, found anywhere in the file), seen from a
    send: `perpetual` if any receive is, else the first `gives-up`, else `one-shot`,
    else `unseen` (no receive in the file). Receives in the sending function itself
    are a request/reply or a token, not the receiver."""
    sender = enclosing_function(send)
    found = [classify_receive(r, source) for r in receives
             if sender is None or enclosing_function(r) != sender]
    found = [settle(f, receives, source) for f in found]
    for verdict in ("perpetual", "gives-up", "one-shot"):
        match = next((f for f in found if f.verdict == verdict), None)
        if match is not None:
            return match
    return FieldReceiver("unseen")


def settle(receiver: FieldReceiver, receives: list[Any], source: bytes) -> FieldReceiver:
    """A receiver that gives up, read again with the field's other receives in the
    file: `one-shot` when receiving goes on after it stops (a caller's later receive,
    a receive after the loop or in a deferred drain, or a shutdown that every way out
    calls and that receives from the field)."""
    if receiver.verdict != "gives-up":
        return receiver
    if _received_after_call(receiver.receive, receives, source) or _receives_again(receiver, receives) or \
            _drained_on_exit(receiver, receives, source):
        return receiver._replace(verdict="one-shot")
    return receiver


def _loop_and_function(receiver: FieldReceiver) -> tuple[Any, Any]:
    """The loop a receiver's receive waits in (the `for` of a range clause) and the
    outermost function holding it; either None when there is none."""
    loop = enclosing_loop(receiver.receive, None) if receiver.receive.type != "range_clause" \
        else receiver.receive.parent
    return loop, _outermost(receiver.receive)


def _drained_on_exit(receiver: FieldReceiver, receives: list[Any], source: bytes) -> bool:
    """Whether every way out of a receiver loop that gives up comes after a call to a
    function or method of the file (another one) that receives from the same field
    (`case <-ctx.Done(): s.stopSupervisor(); return`, where stopSupervisor's wait takes
    `<-s.notifyServiceDone`): what is sent while it shuts down is still taken. Calls
    are followed to what they run (`types.called`), one call deep."""
    loop, function = _loop_and_function(receiver)
    if loop is None or function is None:
        return False
    holders = {holder for r in receives if (holder := _outermost(r)) is not None and holder != function
               and holder.type in ("function_declaration", "method_declaration")}
    if not holders:
        return False
    types = types_for(names_for(source, loop))
    draining = [call for call in walk(loop, into_functions=False)
                if call.type == "call_expression" and types.called(call) in holders]
    exits = loop_exits(loop, source, never_returning=False)
    return bool(draining) and bool(exits) and all(
        any(_followed_by(call, exit, function) for call in draining) for exit in exits)


def _after_request(loop: Any, source: bytes) -> bool:
    """Whether the function or method around loop sends its caller's input on to
    another goroutine before the loop (a bare send, outside the loop, of a value that
    names one of its parameters: `h.messageChan <- data`): the loop waits for what
    that request produces, once per call, as a reply wait does. A signal that names
    no parameter (`w.ready <- struct{}{}` before a worker's loop) is not a request."""
    function = enclosing_function(loop)
    body = function.child_by_field_name("body") if function is not None and \
        function.type in ("function_declaration", "method_declaration") else None
    if body is None:
        return False
    params = function.child_by_field_name("parameters")
    inputs = [n for d in params.named_children for n in d.children_by_field_name("name")] if params is not None else []
    for send in walk(body, into_functions=False):
        if send.start_byte >= loop.start_byte:
            break
        if send.type != "send_statement" or enclosing_select(send) is not None:
            continue
        value = send.child_by_field_name("value")
        if mentions(value, inputs, source):
            return True
    return False


def _bounded(loop: Any) -> bool:
    """A counted loop (`for i := 0; i < n; i++`): it waits for a known number of
    values, not for as long as they come."""
    return any(child.type == "for_clause" and child.child_by_field_name("condition") is not None
               for child in loop.named_children)


def _receives_again(receiver: FieldReceiver, receives: list[Any]) -> bool:
    """Whether the function of a receiver loop that gives up receives from the same
    field again after the loop, or in a deferred drain: what is sent once it left is
    still taken."""
    loop, function = _loop_and_function(receiver)
    if loop is None or function is None:
        return False
    exit_case = receiver.exit.parent if receiver.exit is not None and \
        receiver.exit.type == "receive_statement" else None
    for other in receives:
        if exit_case is not None and within(other, exit_case) and other != receiver.exit:
            return True  # `case <-stop: return <-t.last`
        if other.start_byte >= loop.start_byte and other.end_byte <= loop.end_byte:
            continue
        if _outermost(other) != function:
            continue
        if other.start_byte >= loop.end_byte or any(a.type == "defer_statement" for a in ancestors(other)):
            return True
    return False


def _outermost(node: Any) -> Any | None:
    """The function declaration or method around node (through function literals)."""
    found = None
    for parent in ancestors(node):
        if parent.type in FUNCTION_TYPES:
            found = parent
    return found


def _received_after_call(receive: Any, receives: list[Any], source: bytes) -> bool:
    """Whether a function of the file that calls the one holding `receive`
    (`d.initHeartbeat(addr)`, through `types.called`) receives from the channel in a
    statement after that call: the callee stopping is not the end of receiving
    (`initHeartbeat` times out, then its caller's loop goes on receiving `d.term`)."""
    func = enclosing_function(receive)
    name = text(source, func.child_by_field_name("name")) if func is not None and \
        func.type in ("function_declaration", "method_declaration") else ""
    if not name:
        return False
    types = types_for(names_for(source, receive))
    for other in receives:
        caller = enclosing_function(other)
        if caller is None or caller == func:
            continue
        for call in descendants(caller, ("call_expression",), into_functions=False):
            if call.start_byte >= other.start_byte:
                break
            function = strip_parens(call.child_by_field_name("function"))
            if function.type == "selector_expression":
                function = function.child_by_field_name("field")
            if function is not None and text(source, function) == name and types.called(call) == func and \
                    _followed_by(call, other, caller):
                return True
    return False


def _followed_by(node: Any, later: Any, stop: Any) -> bool:
    """Whether `later` sits in a statement after the one holding node, in the same
    statement list or an enclosing one (up to stop), with no return anywhere after node
    before it: control always goes on from node to it."""
    child = node
    for parent in ancestors(node):
        if parent == stop or parent.type in FUNCTION_TYPES:
            return False
        if parent.type == "statement_list":
            for sibling in parent.named_children:
                if sibling.end_byte <= node.start_byte:
                    continue
                if sibling.start_byte <= later.start_byte < sibling.end_byte and sibling.start_byte >= child.end_byte:
                    return True
                if any(n.type == "return_statement" and n.start_byte > node.end_byte
                       for n in walk(sibling, into_functions=False)):
                    return False
        child = parent
    return False


# `len(x) == 0` is covered by the first form; no `len(...)` form: `[^)]*` after each
def _leaves_when_none_left(exit: SelectExit, source: bytes) -> bool:
    """A select case that leaves only under `if active == 0` (see when_none_left)."""
    case = exit.node.parent
    leaving = [n for n in walk(case, into_functions=False)
               if n.type in ("return_statement", "goto_statement", "break_statement")]
    return bool(leaving) and all(when_none_left(n, case, source) for n in leaving)


def _ends_on_input(exit: Any, loop: Any, source: bytes) -> bool:
    """An exit taken because of a data value the same loop received on another of its
    channels (`case s := <-ends: if finished, _ := a.record(s); finished { break }`):
    the senders end the loop themselves (the last one reports), or its close (`!ok`,
    for an error channel too). Not a stop signal (`<-quit`, `<-ctx.Done()`) and not an
    error value (`case err := <-errc: if err != nil`)."""
    case = next((a for a in ancestors(exit) if a.type == "communication_case"
                 or a == loop), None)
    if case is None or case == loop:
        return False
    communication = case.child_by_field_name("communication")
    if communication is None or communication.type != "receive_statement":
        return False
    channel = received_channel(communication)
    if channel is None or is_exit_channel(channel, source):
        return False
    names = received_names(communication, source)
    if not names:
        return False
    closed = _closed_variables(communication, source)
    if closed and _under_condition_on(exit, loop, closed, source):
        return True  # `case err, ok := <-w.Errors: if !ok { return }`: its senders closed it
    if any("err" in n.lower() for n in names):
        return False
    return ends_on_value(exit, communication, source)


def _case_ends_program(exit: SelectExit, source: bytes, ending: Any = ends_program) -> bool:
    """A select case that leaves only by panicking (`case <-t.done: panic("unexpected")`):
    the process ends, nothing is left blocked. ending: which calls count as ending it."""
    case = exit.node if exit.kind == "default" else exit.node.parent
    leaving = [n for n in walk(case, into_functions=False)
               if n.type in ("return_statement", "goto_statement", "break_statement")]
    calls = [n for n in walk(case, into_functions=False)
             if n.type == "call_expression" and ending(n, source)]
    return not leaving and bool(calls)


class Abandon(NamedTuple):
    receive: Any  # the receive of the loop that stops receiving
    exit: Any  # the return or break that leaves the loop


def abandoning_loop(function: Any, sender: Any, channel: Any, source: bytes, names: Any,
                    final: Any = None) -> Abandon | None:
    """The receive loop of `function` that can leave while the goroutine `sender` (the
    function literal of a go statement of function) still sends on the channel the
    expression `channel` names: the only receive of it outside sender is in a loop after the go statement,
    with a return or break out of it that is not taken on the channel's close (`!ok`),
    when no sender is left (`if active == 0`) or by ending the program. Silent when
    anything else can receive: another receive (after the loop, in a deferred drain, in
    another goroutine), or a use of the channel other than the sender, the receive and
    `close`. An exit in a select case for which final(its SelectExit) holds is no way
    out: its value comes only after the sender's last send."""
    body = function.child_by_field_name("body")
    go = sender.parent.parent if sender.parent is not None else None
    if body is None or go is None or go.type != "go_statement":
        return None
    receives = [r for r in receives_of(body, channel, source) if not within(r, sender)]
    if len(receives) != 1 or enclosing_function(receives[0]) != function:
        return None
    receive = receives[0]
    loop = receive.parent if receive.type == "range_clause" else enclosing_loop(receive, function)
    if loop is None or loop.start_byte < go.end_byte:
        return None
    if not _only_sender_and_receiver(function, sender, receive, source, names):
        return None
    closed = _closed_variables(receive, source)
    found = []
    for exit in loop_exits(loop, source):
        if exit.type == "call_expression" and ends_program(exit, source):
            continue
        if when_none_left(exit, loop, source) or _under_condition_on(exit, loop, closed, source) or \
                after_fatal_check(exit, loop, source):
            continue
        if final is not None and _in_final_case(exit, loop, source, final):
            continue
        if exit.type in ("return_statement", "break_statement", "goto_statement"):
            found.append(exit)
    # an exit taken on what was received (`if ev.Err != nil { return }`) may come only with
    # the sender's last value: name one that does not wait for a value when there is one
    exit = next((e for e in found if not ends_on_value(e, receive, source)), found[0] if found else None)
    return Abandon(receive, exit) if exit is not None else None


def _in_final_case(exit: Any, loop: Any, source: bytes, final: Any) -> bool:
    """Whether exit lies in a receive case of a select of loop for which final holds."""
    for parent in ancestors(exit):
        if parent == loop:
            return False
        communication = parent.child_by_field_name("communication") if parent.type == "communication_case" else None
        channel = received_channel(communication) if communication is not None else None
        if channel is not None:
            return final(SelectExit("receive", communication, f"<-{text(source, channel)}"))
    return False


def _closed_variables(receive: Any, source: bytes) -> list[Any]:
    """The `ok` of `v, ok := <-ch`: an exit tested on it is taken when the senders closed."""
    holder = receive if receive.type == "receive_statement" else receive.parent
    if holder is not None and holder.type == "expression_list":
        holder = holder.parent
    left = holder.child_by_field_name("left") if holder is not None and holder.type in (
        "short_var_declaration", "assignment_statement", "receive_statement") else None
    targets = left.named_children if left is not None else []
    return [targets[1]] if len(targets) == 2 and targets[1].type == "identifier" and \
        text(source, targets[1]) != "_" else []


def _under_condition_on(exit: Any, loop: Any, variables: list[Any], source: bytes) -> bool:
    for parent in ancestors(exit):
        if parent == loop:
            return False
        if parent.type == "if_statement" and variables and \
                mentions(parent.child_by_field_name("condition"), variables, source):
            return True
    return False


def _only_sender_and_receiver(function: Any, sender: Any, receive: Any, source: bytes,
                              names: Any) -> bool:
    """Whether every use of the channel receive takes from in function after its binding is inside the
    sender, inside the receive, or `close(name)`: nothing else can receive."""
    ident = receive.child_by_field_name("right") if receive.type == "range_clause" else None
    channel = ident if ident is not None else received_channel(receive)
    if channel is None or channel.type != "identifier":
        return False
    for use in names.uses(channel, function):
        if within(use, sender) or within(use, receive):
            continue
        parent = use.parent
        if parent is not None and parent.type == "var_spec" or (
                parent is not None and parent.type == "expression_list" and parent.parent is not None
                and parent.parent.type == "short_var_declaration"
                and parent == parent.parent.child_by_field_name("left")):
            continue  # the binding
        if parent is not None and parent.type == "argument_list" and parent.parent is not None \
                and text(source, parent.parent.child_by_field_name("function")) == "close":
            continue
        return False
    return True
