"""How a receiving loop stops: the channels whose select cases it leaves through
(`stop_channels`), and the exits that do not count as stopping (it leaves on the value
received, on a stop it hands back, when no sender is left, or drains and goes).
Shared by GL003 (is anyone left to receive?) and GL004 (is the receiver a worker the
locker can stop? can it stop taking values while senders come: `gives_up`)."""

from __future__ import annotations

import re
from typing import Any, Callable

from goleaklint.analysis.cfg import (NEVER_RETURNING_FUNCTIONS, conjuncts, ends_program, has_endless_header, loop_exits,
                                     never_returning_statement, never_returns, nil_operand)
from goleaklint.analysis.channels import field_owner, is_exit_channel, received_channel, same_channel, same_owner, strip_parens
from goleaklint.analysis.names import names_for
from goleaklint.syntax import (FUNCTION_TYPES, ancestors, arguments, assignments, call_name, descendants, enclosing_loop,
                               statements, text, walk, within)


def stop_channels(receive: Any, source: bytes) -> set[str] | None:
    """The channels (as written) whose select cases the receiver loop of `receive`
    stops through, other than on what it received (a stop value, `!ok`), once no
    sender is left, or by ending the program: empty for a loop that never stops on its
    own; None when it is not in a loop or can stop some other way (a return on a
    write error, a break after a count)."""
    found = stop_receives(receive, source)
    return {text(source, channel) for channel in found} if found is not None else None


def stop_receives(receive: Any, source: bytes) -> list[Any] | None:
    """stop_channels as the channel expressions of the cases (`p.stop` of `case <-p.stop:`)."""
    if receive.type == "unary_expression" and receive.parent.type == "receive_statement":
        receive = receive.parent
    loop = receive.parent if receive.type == "range_clause" else enclosing_loop(receive, None)
    if loop is None:
        return None
    found = []
    for exit in stopping_exits(loop, receive, source):
        case = next((a for a in ancestors(exit) if a.type == "communication_case" or a == loop), None)
        channel = received_channel(case.child_by_field_name("communication")) \
            if case is not None and case != loop else None
        if channel is None:
            return None
        found.append(strip_parens(channel))
    return found


def stopping_exits(loop: Any, receive: Any, source: bytes) -> list[Any]:
    """The exits of the receiver loop around `receive` through which it stops taking
    values on its own: not on what it received (a stop value, `!ok`), not a stop it
    hands back, not once no sender is left, not a drain, not the end of the program."""
    return [exit for exit in loop_exits(loop, source)
            if not (ends_on_value(exit, receive, source) or ends_program(exit, source) or
                    handed_stop(exit, loop, source) or when_none_left(exit, loop, source) or
                    drains(exit, receive) or within(receive, exit) or waits_again(exit, loop, source) or
                    on_timer_close(exit, loop, source) or after_fatal_check(exit, loop, source))]


def after_fatal_check(exit: Any, loop: Any, source: bytes) -> bool:
    """An exit under an `if` that holds only for a non-nil error (`err != nil`,
    `errors.Is(err, context.DeadlineExceeded)`, `errors.As(err, &t)`) that an earlier
    statement of the same block, with no assignment of err in between, already ended
    the program or goroutine on (`if err != nil { log.Panic(...) }`, a call that never
    returns, analysis/cfg): the exit is never taken."""
    test = next((a for a in ancestors(exit) if a.type == "if_statement" or a == loop), None)
    if test is None or test == loop or test.parent is None:
        return False
    names = names_for(source, test)
    errors = []
    for part in conjuncts(test.child_by_field_name("condition")):
        operand = nil_operand(part, "!=")
        if operand is None and part.type == "call_expression" and \
                any(names.calls(part, path, ("Is", "As")) for path in ("errors", "github.com/pkg/errors")) and \
                arguments(part) and (len(arguments(part)) < 2 or strip_parens(arguments(part)[1]).type != "nil"):
            operand = strip_parens(arguments(part)[0])
        if operand is not None and operand.type == "identifier":
            errors.append(operand)
    for error in errors:
        earlier = test.prev_named_sibling
        while earlier is not None:
            targets = [t for t, _, _ in assignments(earlier)]
            if earlier.type in ("short_var_declaration", "assignment_statement"):
                targets += earlier.child_by_field_name("left").named_children
            if any(t.type == "identifier" and names.same_variable(t, error) for t in targets):
                break  # set again: the check before it says nothing of this value
            consequence = earlier.child_by_field_name("consequence") if earlier.type == "if_statement" else None
            operand = nil_operand(earlier.child_by_field_name("condition"), "!=") if consequence is not None else None
            if operand is not None and operand.type == "identifier" and names.same_variable(operand, error) and \
                    earlier.child_by_field_name("initializer") is None and \
                    any(_never_returns(s, names, source) for s in statements(consequence)):
                return True
            earlier = earlier.prev_named_sibling
    return False


_LOGGER_ENDS = {"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}


def _never_returns(statement: Any, names: Any, source: bytes) -> bool:
    """never_returning_statement, or a call of another package's function named as a
    logger's that never returns (`log.Panic(...)` of a project's logging package), as
    analysis/cfg takes a method so named on any value."""
    if never_returning_statement(statement, source):
        return True
    call = strip_parens(statement.named_children[0]) if statement.type == "expression_statement" and \
        statement.named_children else None
    function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if function is None or function.type != "selector_expression":
        return False
    path = names.import_path(strip_parens(function.child_by_field_name("operand")))
    return path is not None and path not in NEVER_RETURNING_FUNCTIONS and \
        text(source, function.child_by_field_name("field")) in _LOGGER_ENDS


def closed_test(exit: Any, loop: Any, source: bytes) -> tuple[Any, bool] | None:
    """The receive whose close the `if` around exit (inside loop) tests: `if !ok` of
    `v, ok := <-ch` (by_ok True), `if v == nil` of `v = <-ch` (or `case v = <-ch:`),
    the receive in the same block as the `if` or the case's communication: (the
    received channel, by_ok), or None."""
    test = next((a for a in ancestors(exit) if a.type == "if_statement" or a == loop), None)
    if test is None or test == loop:
        return None
    condition = strip_parens(test.child_by_field_name("condition"))
    if condition is not None and condition.type == "unary_expression" and \
            condition.child_by_field_name("operator").type == "!":
        tested, by_ok = strip_parens(condition.child_by_field_name("operand")), True
    else:
        tested, by_ok = nil_operand(condition, "=="), False
    if tested is None or tested.type != "identifier":
        return None
    holder = test.parent.parent if test.parent is not None and test.parent.type == "statement_list" else test.parent
    candidates = [holder.child_by_field_name("communication")] if holder is not None and \
        holder.type == "communication_case" else []
    candidates.append(test.prev_named_sibling)
    for receive in candidates:
        if receive is None or receive.type not in ("receive_statement", "short_var_declaration",
                                                   "assignment_statement"):
            continue
        left, right = receive.child_by_field_name("left"), receive.child_by_field_name("right")
        targets = left.named_children if left is not None and left.type == "expression_list" else [left]
        values = right.named_children if right is not None and right.type == "expression_list" else [right]
        value = strip_parens(values[0]) if len(values) == 1 and values[0] is not None else None
        received = strip_parens(received_channel(value)) if value is not None and value.type == "unary_expression" \
            else None
        index = 1 if by_ok else 0
        if received is not None and len(targets) > index and targets[index] is not None and \
                names_for(source, tested).same_variable(targets[index], tested):
            return received, by_ok
    return None


def on_timer_close(exit: Any, loop: Any, source: bytes) -> bool:
    """An exit under `if !ok` of `_, ok := <-t.C` where t is a time.Ticker or time.Timer
    (the types the file states, analysis/types), in the case's communication or the
    statement before the `if`: the runtime never closes a timer's channel (Stop does not
    either), so that exit is never taken."""
    test = closed_test(exit, loop, source)
    channel = test[0] if test is not None and test[1] else None
    return channel is not None and channel.type == "selector_expression" and \
        field_owner(channel, source) in ("time.Ticker", "time.Timer") and \
        text(source, channel.child_by_field_name("field")) == "C"


def waits_again(exit: Any, loop: Any, source: bytes) -> bool:
    """Whether a break or continue out of the receiver's loop takes the goroutine back
    to it through an endless loop around it in the same function (`for { ...; inner:
    for { select { case <-t.C: break inner } } }`): it leaves one wait, not the
    receiver, unless the outer loop's body goes on to a return after the left statement."""
    if exit.type == "continue_statement":
        return True  # loop_exits lists a continue only when it goes round an enclosing loop
    if exit.type != "break_statement":
        return False
    label = next((text(source, c) for c in exit.children if c.type == "label_name"), None)
    target = loop if label is None else next(
        (a for a in ancestors(exit) if a.type == "labeled_statement" and
         any(c.type == "label_name" and text(source, c) == label for c in a.children)), None)
    if target is None or target.type == "labeled_statement" and not within(loop, target):
        return False
    outer = enclosing_loop(target, None)
    if outer is None or not has_endless_header(outer):
        return False
    later = target.next_named_sibling
    while later is not None and within(later, outer):
        if never_returns(later, source) or any(n.type in ("return_statement", "goto_statement", "break_statement")
                                               for n in walk(later, into_functions=False)):
            return False
        later = later.next_named_sibling
    return True


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


def answers_stop(send, field: str, source: bytes) -> bool:
    """Whether send is in a select case that received from a field of the same name
    (`case <-s.stop: s.stop <- struct{}{}`): the answer of a stop handshake. A field of
    that name of another struct type than the sent one's (field_owner) is another
    channel; a type the file does not state matches."""
    case = next((a for a in ancestors(send) if a.type in ("communication_case",) + FUNCTION_TYPES), None)
    taken = received_channel(case.child_by_field_name("communication")) \
        if case is not None and case.type == "communication_case" else None
    if taken is None or taken.type != "selector_expression" or text(source, taken.child_by_field_name("field")) != field:
        return False
    sent = strip_parens(send.child_by_field_name("channel")) if send.type == "send_statement" else None
    return sent is None or sent.type != "selector_expression" or same_owner(taken, sent, source)


def stop_closes_sent(receive: Any, sent: str, source: bytes, files: Callable[[str], list]) -> bool:
    """Whether every way the receiver loop of `receive` stops is a case on a field
    (`case <-w.done: return`, or a case that sets the flag it leaves on: exit_cases)
    whose every stop in the package (a close of it, or a send on it other than the
    loop's own answer to a stop handshake; a same-named field of another struct type the
    files state is another field) closes a field named sent too, in the same block or
    in a later statement of an enclosing block of its function (`close(w.done);
    close(w.ping)` in Stop; `if async { w.done <- x; w.wg.Wait() }; close(w.ping)`): once the receiver has left, the
    channel sent on is closed, so a send waiting then is released (it panics, send on
    closed channel); it does not block forever. files(word): (source, root, names) of
    the package's files that hold word (the receiver's own among them). Shared by GL003
    (the send is not left blocked) and GL004 (nor is the lock it holds). An exit under
    `if w.conn == nil` counts the same when every assignment of nil (or of a value not
    shown one to one) to that field in the package closes the channel sent on after it
    (`w.conn = nil; close(w.comms)`)."""
    loop = enclosing_loop(receive, None)
    exits = stopping_exits(loop, receive, source) if loop is not None else []
    if not exits:
        return False
    stops = set()
    cleared = set()  # (field, owner) of `if w.conn == nil { return }`
    for exit in exits:
        cases = exit_cases(exit, loop, source)
        field = _nil_tested(exit, loop, source) if not cases else None
        if field is not None:
            cleared.add((text(source, field.child_by_field_name("field")), field_owner(field, source)))
            continue
        if not cases:
            return False
        for case in cases:
            taken = case.child_by_field_name("communication")
            channel = strip_parens(received_channel(taken)) if taken is not None else None
            if channel is None or channel.type != "selector_expression":
                return False
            stops.add((text(source, channel.child_by_field_name("field")), field_owner(channel, source)))

    def closes(node, field: str, source: bytes, owner: Any) -> bool:
        call = node.named_children[0] if node.type in ("expression_statement", "defer_statement") and \
            node.named_children else None
        target = arguments(call)[0] if call is not None and call.type == "call_expression" and \
            call_name(call, source) == ("", "close") and len(arguments(call)) == 1 else None
        target = strip_parens(target) if target is not None else None
        return target is not None and target.type == "selector_expression" and \
            text(source, target.child_by_field_name("field")) == field and \
            field_owner(target, source) in (owner, None)

    for stop, owner in stops:
        found = 0
        for other, root, _ in files(stop):
            for node in descendants(root, ("call_expression", "send_statement")):
                if node.type == "send_statement":
                    if answers_stop(node, stop, other):
                        continue  # the loop's answer to a stop it took
                    target = node.child_by_field_name("channel")
                else:
                    target = arguments(node)[0] if call_name(node, other) == ("", "close") and \
                        len(arguments(node)) == 1 else None
                target = strip_parens(target) if target is not None else None
                if target is None or target.type != "selector_expression" or \
                        text(other, target.child_by_field_name("field")) != stop or \
                        len({owner, field_owner(target, other)} - {None}) > 1:
                    continue  # another field, or a same-named field of another struct type
                statement = node if node.type == "send_statement" else node.parent
                if statement is None or not _closes_after(statement, lambda s: closes(s, sent, other, owner)):
                    return False
                found += 1
        if not found:
            return False
    for field, owner in cleared:  # every `w.conn = nil` of the package closes the channel sent on after it
        found = 0
        for other, root, _ in files(field):
            for statement in descendants(root, ("assignment_statement",)):
                left, right = statement.child_by_field_name("left"), statement.child_by_field_name("right")
                pairs = zip(left.named_children, right.named_children) if left is not None and right is not None \
                    and len(left.named_children) == len(right.named_children) else \
                    ((t, None) for t in (left.named_children if left is not None else []))
                for target, value in pairs:
                    target = strip_parens(target)
                    if target is not None and target.type == "selector_expression" and \
                            text(other, target.child_by_field_name("field")) == field and \
                            len({owner, field_owner(target, other)} - {None}) <= 1:
                        break
                else:
                    continue
                if value is not None and value.type != "nil":
                    continue  # a new value: the loop goes on
                if not _closes_after(statement, lambda s: closes(s, sent, other, owner)):
                    return False
                found += 1
        if not found:
            return False
    return True


def _nil_tested(exit: Any, loop: Any, source: bytes) -> Any | None:
    """The field (`w.conn`) the `if` around a loop's exit compares with nil by `==`
    (`if w.conn == nil { return }`), when that is all the if tests; else None."""
    test = next((a for a in ancestors(exit) if a.type == "if_statement" or a == loop), None)
    operand = nil_operand(test.child_by_field_name("condition"), "==") if test is not None and test != loop else None
    operand = strip_parens(operand) if operand is not None else None
    return operand if operand is not None and operand.type == "selector_expression" and \
        operand.child_by_field_name("field") is not None else None


def exit_cases(exit: Any, loop: Any, source: bytes) -> list[Any]:
    """The select cases of loop that its exit stands for: the case the exit is in, or,
    for an exit under an `if` testing a flag (`if gameOver { break }` after the select),
    each case of the loop that sets that flag to true (`case <-l.quit: gameOver =
    true`). Empty when neither."""
    case = next((a for a in ancestors(exit) if a.type == "communication_case" or a == loop), None)
    if case is not None and case != loop:
        return [case]
    test = next((a for a in ancestors(exit) if a.type == "if_statement" or a == loop), None)
    flag = strip_parens(test.child_by_field_name("condition")) if test is not None and test != loop else None
    if flag is None or flag.type != "identifier":
        return []
    names = names_for(source, loop)
    return [c for c in descendants(loop, ("communication_case",), into_functions=False)
            if any(t.type == "identifier" and names.same_variable(t, flag) and v is not None and
                   text(source, v) == "true" for t, v, _ in assignments(c))]


def _closes_after(statement: Any, closes: Callable[[Any], bool]) -> bool:
    """Whether a statement of statement's block, or a statement after the one holding
    it in an enclosing block of the same function, closes (closes(statement))."""
    block = statement.parent
    if block is None or block.type not in ("block", "statement_list"):
        return False
    if any(closes(s) for s in block.named_children):
        return True
    while block.parent is not None and block.parent.type not in FUNCTION_TYPES:
        if any(s.type == "return_statement" for s in block.named_children):
            return False  # it may leave before the later statements
        holder, block = block, block.parent
        if block.type in ("block", "statement_list"):
            if any(closes(s) for s in block.named_children if s.start_byte > holder.start_byte):
                return True
    return False


def only_made(field: str, files: list, allow: Callable[[Any, bytes], bool] | None = None) -> bool:
    """Whether every mention of the field in files ((source, root, names) of a package)
    is a receive from it (`<-x.field`), its declaration, its setting to a fresh
    `make(...)` (keyed in a composite literal or assigned), or a use allow(selector,
    source) accepts: nothing else closes it, sends on it or hands it on."""
    from goleaklint.syntax import named
    for source, root, _ in files:
        for ident in named(root, source, field):
            parent = ident.parent
            if ident.type == "field_identifier" and parent is not None and parent.type == "field_declaration":
                continue
            if ident.type == "field_identifier" and parent is not None and parent.type == "selector_expression":
                outer = strip_parens(parent).parent
                if outer is not None and outer.type == "unary_expression" and \
                        source[outer.start_byte:outer.start_byte + 2] == b"<-":
                    continue
                statement = outer.parent if outer is not None and outer.type == "expression_list" else None
                if statement is not None and statement.type == "assignment_statement" and \
                        outer == statement.child_by_field_name("left") and _makes(statement.child_by_field_name("right"), source):
                    continue
                if allow is not None and allow(parent, source):
                    continue
                return False
            element = parent.parent if parent is not None and parent.type == "literal_element" else parent
            if element is not None and element.type == "keyed_element" and _makes(element.named_children[-1], source):
                continue
            return False
    return True


def _makes(value: Any, source: bytes) -> bool:
    """Whether value (an expression list or literal element of one value) is `make(...)`."""
    while value is not None and value.type in ("expression_list", "literal_element") and \
            len(value.named_children) == 1:
        value = value.named_children[0]
    return value is not None and value.type == "call_expression" and call_name(value, source) == ("", "make")
