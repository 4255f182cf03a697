"""Channel, lock and loop analysis shared by GL003, GL004 and GL011.

Everything here works inside one function body (or one file for field receivers),
starting from nodes a query found; walks are iterative and do not enter function
literals unless said so, since a literal runs at another time (or in a goroutine).
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Iterator, NamedTuple

from goleaklint.analysis.cfg import (
    ends_program,
    has_endless_header,
    loop_exits,
    never_returns,
)
from goleaklint.syntax import (
    FUNCTION_TYPES,
    ancestors,
    arguments,
    assignments,
    call_name,
    enclosing_function,
    imports,
    last_binding_before,
    make_channel,
    per_file,
    statements,
    text,
    walk,
)

# A receive from a channel with such a name is a way out: `<-done`, `<-s.stopCh`,
# `<-ctx.Done()`, `<-quit`, `<-t.C`, `<-time.After(d)`.
EXIT_NAME = re.compile(
    r"(?i)(done|stop|quit|exit|clos|cancel|shutdown|die|dying|kill|abort|term|ctx|context"
    r"|finish|timeout|deadline|expire|halt|ticker|timer|after|tick)"
)
TIMER_CALLS = {"After", "Tick", "Done"}
LOOP_BREAKABLE = ("for_statement", "expression_switch_statement", "type_switch_statement",
                  "select_statement")
LOCKS = {"Lock", "RLock"}
UNLOCKS = {"Unlock", "RUnlock"}


def line(node: Any) -> int:
    return node.start_point[0] + 1


def strip_parens(node: Any) -> Any:
    while node is not None and node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node


# --- select ------------------------------------------------------------------------


def enclosing_select(send: Any) -> Any | None:
    """The select_statement whose case `send` is (`case ch <- v:`), else None."""
    parent = send.parent
    if parent is not None and parent.type == "communication_case":
        if parent.child_by_field_name("communication") == send:
            return parent.parent
    return None


def received_channel(node: Any) -> Any | None:
    """For `<-x` (a unary receive) or a select case's receive_statement, the x."""
    if node is None:
        return None
    if node.type == "receive_statement":
        node = node.child_by_field_name("right")
    node = strip_parens(node)
    if node is not None and node.type == "unary_expression":
        operator = node.child_by_field_name("operator")
        if operator is not None and operator.type == "<-":
            return strip_parens(node.child_by_field_name("operand"))
    return None


def is_exit_channel(channel: Any, source: bytes) -> bool:
    """`ctx.Done()`, `time.After(d)`, `t.C`, `done`, `s.stopCh`, `quit`: a channel a
    select waits on to give up rather than for data."""
    if channel is None:
        return False
    if channel.type == "call_expression":
        _, name = call_name(channel, source)
        return name in TIMER_CALLS or EXIT_NAME.search(name) is not None
    if channel.type == "selector_expression":
        field = channel.child_by_field_name("field")
        name = text(source, field) if field is not None else ""
        if name == "C":  # time.Timer / time.Ticker
            return True
        return EXIT_NAME.search(name) is not None
    if channel.type == "identifier":
        return EXIT_NAME.search(text(source, channel)) is not None
    return False


class SelectExit(NamedTuple):
    kind: str  # "default" or "receive"
    node: Any  # the default_case or the case's receive_statement
    label: str  # `default`, `<-ctx.Done()`


def select_exits(select: Any, source: bytes, *, besides: Any = None) -> list[SelectExit]:
    """The cases of select (other than the one holding `besides`) through which it can
    stop waiting without a partner: `default`, and receives from done/ctx/timer channels."""
    exits = []
    for case in select.named_children:
        if case.type == "default_case":
            exits.append(SelectExit("default", case, "default"))
        elif case.type == "communication_case":
            communication = case.child_by_field_name("communication")
            if communication is None or communication == besides:
                continue
            channel = received_channel(communication)
            if channel is not None and is_exit_channel(channel, source):
                exits.append(SelectExit("receive", communication, f"<-{text(source, channel)}"))
    return exits


# --- locks -------------------------------------------------------------------------


class Held(NamedTuple):
    mutex: str  # `c.mu`
    lock: Any  # the `c.mu.Lock()` call
    method: str  # Lock or RLock
    deferred_unlock: Any | None  # the `defer c.mu.Unlock()` statement, if one follows


def _lock_call(statement: Any, source: bytes) -> tuple[str, str] | None:
    """(method, mutex) for a statement `x.Lock()`, `x.RUnlock()` ..."""
    if statement.type != "expression_statement" or not statement.named_children:
        return None
    call = statement.named_children[0]
    if call.type != "call_expression" or arguments(call):
        return None
    function = call.child_by_field_name("function")
    if function is None or function.type != "selector_expression":
        return None
    mutex, method = call_name(call, source)
    if method in LOCKS or method in UNLOCKS:
        return method, mutex
    return None


def _deferred_unlock(statement: Any, source: bytes) -> str | None:
    if statement.type != "defer_statement" or not statement.named_children:
        return None
    call = statement.named_children[0]
    if call.type == "call_expression":
        mutex, method = call_name(call, source)
        if method in UNLOCKS and not arguments(call):
            return mutex
    return None


def _ends_path(statement_list: Any, source: bytes, stop: Any) -> bool:
    """Whether the block ends in a way that never reaches the code after `stop` (a
    statement list enclosing it): return, panic-like call, or a continue of a loop
    that encloses `stop`."""
    body = [c for c in statement_list.named_children if c.type != "comment"]
    if not body:
        return False
    last = body[-1]
    if last.type == "return_statement":
        return True
    if last.type == "expression_statement" and last.named_children:
        call = last.named_children[0]
        if never_returns(call, source):
            return True
    if last.type == "continue_statement":
        for parent in ancestors(last):
            if parent == stop:
                return True
            if parent.type == "for_statement":
                return False
    return False


def _released_inside(statement: Any, source: bytes, stop: Any) -> set[str]:
    """Mutexes unlocked somewhere inside a compound statement on a path that goes on
    to the code after it (an unlock followed by `return` does not count)."""
    released = set()
    for node in walk(statement, into_functions=False):
        if node.type != "expression_statement":
            continue
        found = _lock_call(node, source)
        if found is None or found[0] not in UNLOCKS:
            continue
        block = node.parent
        if block is not None and _ends_path(block, source, stop):
            continue
        released.add(found[1])
    return released


def held_locks(node: Any, source: bytes) -> list[Held]:
    """The mutexes certainly held when `node` runs, from `x.Lock()`/`x.RLock()`
    statements earlier in the same function on every path to node, with no
    `x.Unlock()` between. Function literals are a boundary: their body runs later.
    A lock taken in only one branch before node is not certain, so not returned."""
    held: list[Held] = []
    released: set[str] = set()
    child = node
    for parent in ancestors(node):
        if parent.type in FUNCTION_TYPES:
            break
        if parent.type in ("statement_list", "block"):
            ends, events = _lock_events(parent, source)
            for method, mutex, statement in reversed(
                    events[:bisect.bisect_right(ends, child.start_byte)]):
                if method in UNLOCKS or method == "released":
                    released.add(mutex)
                elif mutex not in released and all(h.mutex != mutex for h in held):
                    held.append(Held(mutex, statement.named_children[0], method,
                                     _deferred_after(statement, mutex, source)))
        child = parent
    return held


@per_file
def _lock_events(block: Any, source: bytes) -> tuple[list[int], list[tuple[str, str, Any]]]:
    """(method, mutex, statement) for each lock and unlock statement of block, and
    ("released", mutex, statement) for each mutex a compound statement unlocks on a
    path that goes on; with the statements' end bytes (for bisect). Once per block
    and file, so that many sends in one function do not each re-read the function."""
    ends, events = [], []
    for statement in block.named_children:
        if statement.type == "comment":
            continue
        found = _lock_call(statement, source)
        if found is not None:
            found_events = [(found[0], found[1], statement)]
        else:
            found_events = [("released", mutex, statement)
                            for mutex in sorted(_released_inside(statement, source, block))]
        for event in found_events:
            ends.append(statement.end_byte)
            events.append(event)
    return ends, events


def _deferred_after(lock_statement: Any, mutex: str, source: bytes) -> Any | None:
    sibling = lock_statement.next_named_sibling
    while sibling is not None and sibling.type == "comment":
        sibling = sibling.next_named_sibling
    if sibling is not None and _deferred_unlock(sibling, source) == mutex:
        return sibling
    return None


# --- loops -------------------------------------------------------------------------


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


# --- channel origin ----------------------------------------------------------------


class Origin(NamedTuple):
    kind: str  # field, param, package, range, local, unknown
    name: str  # the channel expression's text
    binding: Any | None = None  # the target node of the last binding, for local
    value: Any | None = None  # the bound value, for local
    function: Any | None = None  # the function whose body holds the binding


def parameter_names(func: Any, source: bytes) -> set[str]:
    names = set()
    for field in ("receiver", "parameters", "result"):
        params = func.child_by_field_name(field)
        if params is None or params.type != "parameter_list":
            continue
        for decl in params.named_children:
            for name in decl.children_by_field_name("name"):
                names.add(text(source, name))
    return names


def parameter_at(func: Any, index: int, source: bytes) -> str | None:
    """The name of func's index-th parameter (`a, b int` are two), None for a
    variadic one or past the end."""
    params = func.child_by_field_name("parameters")
    names: list[str | None] = []
    for decl in params.named_children if params is not None else []:
        if decl.type == "variadic_parameter_declaration":
            names.append(None)
            continue
        if decl.type != "parameter_declaration":
            continue
        found = [text(source, n) for n in decl.children_by_field_name("name")]
        names.extend(found or [None])
    return names[index] if index < len(names) else None


def _range_bound(name: str, node: Any, source: bytes) -> Any | None:
    for parent in ancestors(node):
        if parent.type in FUNCTION_TYPES and parent.type != "func_literal":
            return None
        if parent.type == "for_statement":
            clause = next((c for c in parent.named_children if c.type == "range_clause"), None)
            left = clause.child_by_field_name("left") if clause is not None else None
            if left is not None and any(text(source, n) == name for n in left.named_children):
                return clause
    return None


@per_file
def package_names(root: Any, source: bytes) -> set[str]:
    """Names declared by top-level `var` declarations of the file (shared per file:
    do not modify)."""
    names = set()
    for decl in root.named_children:
        if decl.type != "var_declaration":
            continue
        for node in walk(decl):
            if node.type == "var_spec":
                names |= {text(source, n) for n in node.children_by_field_name("name")}
    return names


def channel_origin(channel: Any, source: bytes, root: Any) -> Origin:
    """Where a sent-on channel comes from, as far as this file shows."""
    channel = strip_parens(channel)
    name = text(source, channel)
    if channel.type == "selector_expression":
        binding = last_binding_before(name, channel, source)
        if binding is not None:
            target, value = binding
            return Origin("local", name, target, value, enclosing_function(target))
        operand = channel.child_by_field_name("operand")
        if operand is not None and operand.type == "identifier":
            if _is_package_qualifier(text(source, operand), root, source):
                return Origin("package", name)
        return Origin("field", name)
    if channel.type != "identifier":
        return Origin("unknown", name)
    binding = last_binding_before(name, channel, source)
    if binding is not None:
        target, value = binding
        return Origin("local", name, target, value, enclosing_function(target))
    if _range_bound(name, channel, source) is not None:
        return Origin("range", name)
    func = enclosing_function(channel)
    while func is not None:
        if name in parameter_names(func, source):
            return Origin("param", name, function=func)
        func = enclosing_function(func)
    if name in package_names(root, source):
        return Origin("package", name)
    return Origin("unknown", name)


def _is_package_qualifier(name: str, root: Any, source: bytes) -> bool:
    return name in imports(root, source)


def channel_capacity(value: Any, source: bytes) -> int | None:
    """The capacity of `make(chan T, n)`: 0 unbuffered, n for an integer literal,
    None when it is not a literal (`len(xs)`, a variable) or value is not a make."""
    made = make_channel(value, source)
    if made is None:
        return None
    args = arguments(value)
    if len(args) < 2:
        return 0
    try:
        return int(text(source, args[1]).strip(), 0)
    except ValueError:
        return None


def receives_from(scope: Any, name: str, source: bytes) -> list[Any]:
    """Every receive of `name` inside scope (function literals included): the `<-name`
    unary expression, the select case's receive_statement, or the range_clause.
    Shared per file: do not modify."""
    return _receives_by_name(scope, source).get(name, [])


@per_file
def _receives_by_name(scope: Any, source: bytes) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for node in walk(scope):
        if node.type == "range_clause":
            right = strip_parens(node.child_by_field_name("right"))
            if right is not None:
                found.setdefault(text(source, right), []).append(node)
        elif node.type in ("unary_expression",):
            channel = received_channel(node)
            if channel is not None:
                parent = node.parent
                found.setdefault(text(source, channel), []).append(
                    parent if parent.type == "receive_statement" else node)
    return found


def in_loop(node: Any, stop: Any) -> Any | None:
    """The nearest for_statement between node and stop (exclusive)."""
    for parent in ancestors(node):
        if parent == stop or parent.type in FUNCTION_TYPES:
            return None
        if parent.type == "for_statement":
            return parent
    return None


def received_before(send: Any, name: str, source: bytes) -> Any | None:
    """A receive of `name` earlier than send in the same function (or, for a send in a
    function literal, in a function around it): the send gives back a token taken
    there (`mem := <-w.memMu ... w.memMu <- mem`, `<-c.mu; defer func() { c.mu <- x }()`)."""
    func = enclosing_function(send)
    for _ in range(3):  # the function, and the literal's parents; deeper is not a token
        if func is None:
            break
        body = func.child_by_field_name("body")
        if body is not None:
            for receive in receives_from(body, name, source):
                if receive.start_byte >= send.start_byte:
                    break  # in source order: the rest come later too
                if receive.end_byte <= send.start_byte and receive.type != "range_clause":
                    return receive
        if func.type != "func_literal":
            break
        func = enclosing_function(func)
    return None


# --- how many sends can one run make -----------------------------------------------

UNBOUNDED = 1 << 30
_MAX_DEPTH = 100  # nesting deeper than this counts as unbounded (and stays off the stack)


def max_sends(body: Any, name: str, source: bytes, depth: int = 0) -> int:
    """The most sends to `name` one run of body can make, along any path: sends in
    the two arms of an if (or the cases of a switch) count once, a branch that returns
    does not add to what follows, and a send in a loop makes it UNBOUNDED. A function
    literal's sends count as if it ran once (in a loop: UNBOUNDED)."""
    if depth > _MAX_DEPTH:
        return UNBOUNDED
    fall, done = _flow(statements(body) if body.type == "block" else [body], name, source, depth)
    return min(UNBOUNDED, max(fall if fall is not None else 0, done))


def _flow(stmts: list[Any], name: str, source: bytes, depth: int) -> tuple[int | None, int]:
    """(sends on the paths that reach the end or None if none does, most sends on
    the paths that left early)."""
    acc: int | None = 0
    done = 0
    for stmt in stmts:
        if acc is None:
            break
        fall, left = _statement(stmt, name, source, depth + 1)
        done = max(done, acc + left)
        acc = None if fall is None else acc + fall
    return acc, done


def _branches(arms: list[tuple[int | None, int]]) -> tuple[int | None, int]:
    falls = [f for f, _ in arms if f is not None]
    return (max(falls) if falls else None), max((d for _, d in arms), default=0)


def _statement(stmt: Any, name: str, source: bytes, depth: int) -> tuple[int | None, int]:
    kind = stmt.type
    if depth > _MAX_DEPTH:
        return UNBOUNDED, UNBOUNDED
    if kind == "send_statement":
        here = int(text(source, strip_parens(stmt.child_by_field_name("channel"))) == name)
        return here + _inner_sends(stmt, name, source, depth), 0
    if kind == "return_statement":
        return None, _inner_sends(stmt, name, source, depth)
    if kind == "expression_statement" and stmt.named_children:
        call = stmt.named_children[0]
        if never_returns(call, source):
            return None, _inner_sends(stmt, name, source, depth)
    if kind == "block":
        return _flow(statements(stmt), name, source, depth)
    if kind == "labeled_statement":
        inner = [c for c in stmt.named_children if c.type != "label_name"]
        return _flow(inner, name, source, depth)
    if kind == "if_statement":
        arms = []
        for field in ("consequence", "alternative"):
            arm = stmt.child_by_field_name(field)
            arms.append(_statement(arm, name, source, depth) if arm is not None else (0, 0))
        return _branches(arms)
    if kind in ("expression_switch_statement", "type_switch_statement", "select_statement"):
        arms = []
        for case in stmt.named_children:
            if case.type not in ("expression_case", "type_case", "default_case",
                                 "communication_case"):
                continue
            body = [c for c in case.named_children if c.type == "statement_list"]
            stmts = statements(case) if body else []
            communication = case.child_by_field_name("communication")
            if communication is not None:
                stmts = [communication] + stmts
            arms.append(_flow(stmts, name, source, depth))
        if not any(c.type == "default_case" for c in stmt.named_children) and kind != "select_statement":
            arms.append((0, 0))
        return _branches(arms) if arms else (0, 0)
    if kind == "for_statement":
        return (UNBOUNDED, UNBOUNDED) if _inner_sends(stmt, name, source, depth) else (0, 0)
    return _inner_sends(stmt, name, source, depth), 0


def _inner_sends(node: Any, name: str, source: bytes, depth: int) -> int:
    """Sends to name inside node other than node itself; UNBOUNDED when one sits in a
    loop inside node. A function literal's body is counted path by path, once."""
    count = 0
    for inner in walk(node, into_functions=False):
        if inner.type == "func_literal":
            body = inner.child_by_field_name("body")
            sends = max_sends(body, name, source, depth + 1) if body is not None else 0
        elif inner.type == "send_statement" and text(
            source, strip_parens(inner.child_by_field_name("channel"))
        ) == name:
            sends = 1
        else:
            continue
        if sends and any(p.type == "for_statement" for p in _between(inner, node)):
            return UNBOUNDED
        count += sends
    return min(count, UNBOUNDED)


def _between(node: Any, top: Any) -> Iterator[Any]:
    for parent in ancestors(node):
        if parent == top:
            return
        yield parent


def field_makes(matches: list, source: bytes) -> dict[str, list[Any]]:
    """Field name -> the `make(chan ...)` calls assigned to it (`x.f = make(...)` or
    `T{f: make(...)}`), from query matches capturing @field and @make."""
    found: dict[str, list[Any]] = {}
    for _, captures in matches:
        if "make" in captures and "field" in captures:
            field = text(source, captures["field"][0])
            found.setdefault(field, []).append(captures["make"][0])
    return found


def sized_capacity(make: Any, source: bytes) -> bool:
    """`make(chan T, len(xs))`, `make(chan T, n)`: a capacity computed from the number
    of senders or jobs, which the author sized so that no send waits."""
    return channel_capacity(make, source) is None and make_channel(make, source) is not None


def sends_after_binding(binding: Any, name: str, source: bytes) -> int:
    """max_sends over the statements from the binding of `name` to the end of the
    block it is made in: a channel made inside a loop is a new channel each time."""
    statement = next((a for a in ancestors(binding) if a.parent is not None
                      and a.parent.type in ("statement_list", "block")), None)
    if statement is None:
        return UNBOUNDED
    siblings = [c for c in statement.parent.named_children
                if c.start_byte >= statement.start_byte and c.type != "comment"]
    fall, done = _flow(siblings, name, source, 0)
    return min(UNBOUNDED, max(fall if fall is not None else 0, done))


class Receiver(NamedTuple):
    verdict: str  # "owned", "gives-up", "unseen"
    receive: Any | None = None  # the receive that proves it, or the skippable one
    exit: SelectExit | None = None  # the select case the receiver can leave through


def _goroutine_body(node: Any) -> Any | None:
    """The function literal node runs in, if it is not the outer function."""
    func = enclosing_function(node)
    return func if func is not None and func.type == "func_literal" else None


def local_receiver(function: Any, send: Any, name: str, source: bytes) -> Receiver:
    """How the function that made channel `name` receives from it, seen from a send
    in a goroutine it starts: `owned` when some receive nothing can skip (a `for
    range`, a plain `<-name`), `gives-up` when every receive is a select case next to a
    done/ctx/timer case that leaves (exit: that SelectExit), `skipped` when the plain
    receives all come after a `return` that can run once the goroutine started (exit:
    that return), `unseen` when it does not receive."""
    body = function.child_by_field_name("body")
    if body is None:
        return Receiver("unseen")
    sender = _goroutine_body(send)
    go = sender.parent.parent if sender is not None and sender.parent is not None else None
    if go is not None and go.type != "go_statement":
        go = None
    return _receiver_after_go(body, function, sender, go, name, source)


def receiver_after_go(function: Any, go: Any, name: str, source: bytes) -> Receiver:
    """local_receiver for a channel handed to a goroutine as an argument
    (`go fetch(url, results)`): the goroutine's sends happen after `go`."""
    body = function.child_by_field_name("body")
    if body is None:
        return Receiver("unseen")
    return _receiver_after_go(body, function, None, go, name, source)


def _receiver_after_go(body: Any, function: Any, sender: Any, go: Any, name: str,
                       source: bytes) -> Receiver:
    giving_up = skipped = None
    for receive in receives_from(body, name, source):
        if sender is not None and _goroutine_body(receive) == sender:
            continue
        select = receive.parent.parent if receive.type == "receive_statement" else None
        if select is not None and select.type == "select_statement":
            exits = [e for e in select_exits(select, source, besides=receive)
                     if _leaves(e, select, source)]
            if exits:
                giving_up = giving_up or Receiver("gives-up", receive, exits[0])
                continue
        early = _return_between(go, receive, function, name, source) if go is not None else None
        if early is None:
            return Receiver("owned", receive)
        skipped = skipped or Receiver("skipped", receive, early)
    return giving_up or skipped or Receiver("unseen")


def _return_between(go: Any, receive: Any, function: Any, name: str, source: bytes) -> Any | None:
    """A `return` of function that can run after the go statement and before the
    receive: inside a statement that follows the go statement (or one of the blocks
    around it) in the same statement list, and before the receive in the source. A
    return in a select case that received from `name` has taken the value: no skip."""
    if enclosing_function(receive) != function:
        return None
    node = go
    while node is not None and node != function:
        parent = node.parent
        if parent is not None and parent.type in ("statement_list", "block"):
            # the returns of the statements after node: those starting after it
            starts, returns = _returns_in(parent, source)
            for inner in returns[bisect.bisect_left(starts, node.end_byte):]:
                if inner.end_byte > receive.start_byte:
                    break
                if not _after_receiving(inner, name, source):
                    return inner
        node = parent
    return None


@per_file
def _returns_in(block: Any, source: bytes) -> tuple[list[int], list[Any]]:
    """The return statements inside block outside function literals, in source order,
    and their start bytes (for bisect)."""
    returns = [n for n in walk(block, into_functions=False) if n.type == "return_statement"]
    return [r.start_byte for r in returns], returns


def _after_receiving(node: Any, name: str, source: bytes) -> bool:
    """Whether node sits in a select case that received from channel `name`."""
    for parent in ancestors(node):
        if parent.type == "communication_case":
            channel = received_channel(parent.child_by_field_name("communication"))
            if channel is not None and text(source, channel) == name:
                return True
        if parent.type in FUNCTION_TYPES:
            return False
    return False


def _leaves(exit: SelectExit, select: Any, source: bytes) -> bool:
    """Whether waking up through this case ends the wait for good: the select is not
    in a loop, or the case's body returns or breaks out."""
    if in_loop(select, None) is None:
        return True
    case = exit.node if exit.kind == "default" else exit.node.parent
    for node in walk(case, into_functions=False):
        if node.type in ("return_statement", "goto_statement"):
            return True
        if node.type == "break_statement" and any(c.type == "label_name" for c in node.children):
            return True
        if never_returns(node, source):
            return True
    return False


class FieldReceiver(NamedTuple):
    verdict: str  # "perpetual", "gives-up", "one-shot", "unseen"
    receive: Any | None = None
    exit: Any | None = None  # the statement through which the receiver loop ends


@per_file
def classify_receive(receive: Any, source: bytes) -> FieldReceiver:
    """What one receive of a channel says about its receiver's life: `perpetual` for a
    receiver loop that cannot end (a `for {}` or `for range x.f` with no return, break,
    goto or panic out of it); `gives-up` for a loop that can end other than because of
    what it received (`exit` is the first such way out: a `<-done` case that leaves, a
    return); `one-shot` for a receive that takes one value (outside any loop, once per
    iteration of a loop over something else, or in a loop that ends on the value
    itself: a stop signal, `!ok`, a nil sentinel)."""
    if receive.type == "unary_expression" and receive.parent.type == "receive_statement":
        receive = receive.parent
    if receive.type == "range_clause":
        loop = receive.parent
    else:
        select = receive.parent.parent if receive.type == "receive_statement" else None
        if select is not None and select.type == "select_statement":
            # a `default` that leaves is a drain of what is pending, not a stop
            exits = [e for e in select_exits(select, source, besides=receive)
                     if e.kind != "default" and _leaves(e, select, source)
                     and not _leaves_when_none_left(e, source)
                     and not _case_ends_program(e, source)]
            if exits and in_loop(select, None) is None:
                # a one-shot wait for a reply that can time out: whether the reply
                # send blocks depends on a buffer made elsewhere
                return FieldReceiver("one-shot", receive)
            if exits:
                return FieldReceiver("gives-up", receive, exits[0].node)
        loop = in_loop(receive, None)
        if loop is None or not has_endless_header(loop):
            return FieldReceiver("one-shot", receive)
    all_exits = loop_exits(loop, source)
    if not all_exits:
        return FieldReceiver("perpetual", receive)
    exits = [e for e in all_exits
             if not _ends_on_value(e, receive, source) and not ends_program(e, source)
             and not _handed_stop(e, loop, source) and not _ends_on_input(e, loop, source)
             and not _when_none_left(e, loop, source) and not _drains(e, receive)]
    if not exits:
        return FieldReceiver("one-shot", receive)
    return FieldReceiver("gives-up", receive, exits[0])


def field_receiver(receives: list[Any], send: Any, source: bytes) -> FieldReceiver:
    """How the file receives from a struct field channel (`receives`: the `<-x.f` and
    `range x.f` nodes of the field sent on, found anywhere in the file), seen from a
    send: `perpetual` if any receive is, else the first `gives-up`, else `one-shot`,
    else `unseen` (no receive in the file). Receives in the sending function itself
    are a request/reply or a token, not the receiver."""
    sender = enclosing_function(send)
    found = [classify_receive(r, source) for r in receives
             if sender is None or enclosing_function(r) != sender]
    for verdict in ("perpetual", "gives-up", "one-shot"):
        match = next((f for f in found if f.verdict == verdict), None)
        if match is not None:
            return match
    return FieldReceiver("unseen")


# `len(x) == 0` is covered by the first form; no `len(...)` form: `[^)]*` after each
# `len(` made the search quadratic on nested `len(x[len(...` conditions.
_NONE_LEFT = re.compile(r"(==|<=)\s*0\b|\b0\s*(==|>=)")


def _when_none_left(exit: Any, loop: Any, source: bytes) -> bool:
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


def _leaves_when_none_left(exit: SelectExit, source: bytes) -> bool:
    """A select case that leaves only under `if active == 0` (see _when_none_left)."""
    case = exit.node.parent
    leaving = [n for n in walk(case, into_functions=False)
               if n.type in ("return_statement", "goto_statement", "break_statement")]
    return bool(leaving) and all(_when_none_left(n, case, source) for n in leaving)


def _drains(exit: Any, receive: Any) -> bool:
    """An exit in the `default` of the receive's own select: the loop takes what is
    pending and leaves, it is a drain, not a receiver that stops."""
    select = receive.parent.parent if receive.type == "receive_statement" else None
    return select is not None and any(
        a.type == "default_case" and a.parent == select for a in ancestors(exit)
    )


def received_names(receive: Any, source: bytes) -> set[str]:
    """The variables a receive binds: `v, ok := <-ch`, `case m = <-ch:`, `for x := range`."""
    holder = receive
    if receive.type == "unary_expression":
        holder = receive.parent.parent if receive.parent is not None else None
        if holder is None or holder.type not in ("short_var_declaration", "assignment_statement"):
            return set()
    left = holder.child_by_field_name("left")
    if left is None:
        return set()
    return {text(source, n) for n in left.named_children} - {"_"}


def _ends_on_value(exit: Any, receive: Any, source: bytes) -> bool:
    """Whether a loop exit is taken because of the value received: unconditionally in
    a select case receiving the same channel (it is a stop signal), or under an `if`
    or `switch` testing what was received (`!ok`, `msg == nil`, `case 2:`)."""
    names = received_names(receive, source)
    channel = received_channel(receive) if receive.type != "range_clause" else None
    wanted = text(source, channel) if channel is not None else None
    case = receive.parent if receive.type == "receive_statement" else None
    if case is not None:  # `case s := <-ch: state = s`: state holds the value too, and
        # so does what is computed from it (`finished, ok := a.register(s)`)
        for target, value, statement in assignments(case):
            right = value if value is not None else statement.child_by_field_name("right")
            if right is not None and set(re.findall(r"\w+", text(source, right))) & names:
                names.add(text(source, target))
    for parent in ancestors(exit):
        if parent == case:
            return True
        if parent.type == "communication_case" and wanted is not None:
            other = received_channel(parent.child_by_field_name("communication"))
            if other is not None and text(source, other) == wanted:
                return True
        if parent.type in ("if_statement", "expression_switch_statement") and names:
            field = "condition" if parent.type == "if_statement" else "value"
            condition = parent.child_by_field_name(field)
            words = set(re.findall(r"\w+", text(source, condition))) if condition else set()
            if words & names:
                return True
        if parent.type == "for_statement" or parent.type in FUNCTION_TYPES:
            return False
    return False


# --- buffers of channels kept in fields and containers -----------------------------


class Kept(NamedTuple):
    capacity: int | None  # the literal buffer, UNBOUNDED when sized from the work, None unknown
    node: Any  # the make, or the stored value whose buffer is unknown


def container_key(channel: Any, source: bytes, depth: int = 0) -> str | None:
    """The name a channel is kept under in its file: the field of `s.events`, the
    container of `c.awaiting[id]`, and the same for a local bound to one of those
    (`rc := c.awaiting[id]`) or a range variable over one (`for _, ch := range c.chans`,
    `for _, call := range cm.calls { call.errs <- err }` gives `errs`)."""
    channel = strip_parens(channel)
    if channel is None or depth > 4:
        return None
    if channel.type == "selector_expression":
        field = channel.child_by_field_name("field")
        return text(source, field) if field is not None else None
    if channel.type == "index_expression":
        return container_key(channel.child_by_field_name("operand"), source, depth + 1)
    if channel.type != "identifier":
        return None
    name = text(source, channel)
    binding = last_binding_before(name, channel, source)
    if binding is not None:
        value = _bound_value(binding)
        if value is None or value.type not in ("selector_expression", "index_expression",
                                               "identifier"):
            return None
        return container_key(value, source, depth + 1)
    clause = _range_bound(name, channel, source)
    if clause is not None:
        return container_key(clause.child_by_field_name("right"), source, depth + 1)
    return None


def kept_buffers(matches: list, source: bytes) -> dict[str, list[Kept]]:
    """Key (field or container name, see container_key) -> the buffers of what the file
    stores under it: `x.f = v`, `m[k] = v`, `x.f = append(x.f, v)`, `T{f: v}`,
    `T{f: []chan X{v}}`, where v is a make or a local bound to one; any other stored
    value is unknown (a caller's channel). From query matches capturing @store_value
    with @store_to (an assignment's single target) or @store_key (a keyed element)."""
    found: dict[str, list[Kept]] = {}
    for _, captures in matches:
        if "store_value" not in captures:
            continue
        if "store_key" in captures:
            key = text(source, captures["store_key"][0])
        elif "store_to" in captures:
            key = container_key(captures["store_to"][0], source)
        else:
            continue
        if key is None:
            continue
        kept = list(_stored(captures["store_value"][0], key, source, 0))
        if kept:
            found.setdefault(key, []).extend(kept)
    return found


def _stored(value: Any, key: str, source: bytes, depth: int) -> Iterator[Kept]:
    value = strip_parens(value)
    if value is None or depth > 4:
        return
    if value.type == "nil":
        return  # a reset, not a channel that can fill
    if value.type == "selector_expression":
        field = value.child_by_field_name("field")
        if field is not None and text(source, field) == key:
            return  # `ret.next = me.next`: a channel of the same family moves around
    if make_channel(value, source) is not None:
        capacity = channel_capacity(value, source)
        yield Kept(UNBOUNDED if capacity is None else capacity, value)
        return
    if value.type == "call_expression" and call_name(value, source) == ("", "make"):
        return  # `c.awaiting = make(map[int]chan T)`: the registry, not a channel in it
    if value.type == "call_expression" and call_name(value, source)[1] == "append":
        args = arguments(value)
        if any(a.type == "variadic_argument" for a in args):
            yield Kept(None, value)
            return
        for arg in args[1:]:
            yield from _stored(arg, key, source, depth + 1)
        return
    if value.type == "composite_literal":
        kind = value.child_by_field_name("type")
        body = value.child_by_field_name("body")
        if kind is None or body is None or "chan" not in text(source, kind):
            return  # a struct value: its own fields are keyed elements of their own
        for element in body.named_children:
            if element.type == "keyed_element":  # `{0: ch}`: the value is the last part
                element = element.named_children[-1] if element.named_children else None
            if element is not None and element.type == "literal_element" and element.named_children:
                yield from _stored(element.named_children[0], key, source, depth + 1)
        return
    if value.type == "identifier":
        binding = last_binding_before(text(source, value), value, source)
        if binding is not None and binding[1] is not None:
            yield from _stored(binding[1], key, source, depth + 1)
            return
    yield Kept(None, value)


def sends_per_channel(send: Any, name: str, source: bytes) -> int:
    """The most sends one run of the sending function makes on the channel value
    `name` names: max_sends over the function body, or over the body of the loop that
    ranges over the channels (`for _, ch := range chans { ch <- v }` sends once to
    each)."""
    base = name.split(".", 1)[0]
    scope = None
    for parent in ancestors(send):
        if parent.type in FUNCTION_TYPES:
            scope = parent.child_by_field_name("body")
            break
        if parent.type == "for_statement":
            clause = next((c for c in parent.named_children if c.type == "range_clause"), None)
            left = clause.child_by_field_name("left") if clause is not None else None
            if left is not None and any(text(source, n) == base for n in left.named_children):
                scope = parent.child_by_field_name("body")
                break
    return max_sends(scope, name, source) if scope is not None else UNBOUNDED


def one_value_per_run(send: Any, channel: Any, source: bytes) -> bool:
    """Whether each run of the sending function sends to channel values no other run
    sends to, so a buffer covering one run's sends cannot fill: a field replaced
    after the send (`me.next <- v; me.next = next`), a field of an object made in this
    function (`w := &watcher{...}; w.events <- e`), or a reply channel taken from a
    registry that this function retires: it closes the channel, deletes from a map, or
    resets the registry (`for _, w := range s.waiters { w <- st }; s.waiters = nil`,
    `rc := c.awaiting[id]; delete(c.awaiting, id); rc <- r`). A long-lived channel (a
    field of the receiver, a listener that stays registered) gets every run's sends."""
    channel = strip_parens(channel)
    name = text(source, channel)
    func = enclosing_function(send)
    body = func.child_by_field_name("body") if func is not None else None
    if body is None:
        return False
    for target, _, _ in assignments(body):
        if target.start_byte > send.end_byte and text(source, target) == name:
            return True  # replaced after the send: the next run sends elsewhere
    if channel.type == "selector_expression":
        base = strip_parens(channel.child_by_field_name("operand"))
    else:
        base = channel
    if base is None or base.type != "identifier":
        return False
    registries = set()
    binding = last_binding_before(text(source, base), base, source)
    if binding is not None:
        value = strip_parens(_bound_value(binding))
        if value is not None and value.type == "unary_expression":
            value = strip_parens(value.child_by_field_name("operand"))
        if value is not None and value.type == "composite_literal" and base != channel:
            return True  # a fresh object: its channels are new
        if value is not None and value.type == "index_expression":
            registries.add(text(source, value.child_by_field_name("operand")))
    else:
        clause = _range_bound(text(source, base), base, source)
        if clause is None:
            return False
        registries.add(text(source, strip_parens(clause.child_by_field_name("right"))))
    for local in list(registries):  # `watchers := c.watchers[k]; for _, ch := range watchers`
        found = last_binding_before(local, send, source) if "." not in local else None
        if found is not None and found[1] is not None and found[1].type == "index_expression":
            registries.add(text(source, found[1].child_by_field_name("operand")))
    return _retires(body, name, registries, source)


def _retires(body: Any, name: str, registries: set[str], source: bytes) -> bool:
    for node in walk(body, into_functions=False):
        if node.type == "call_expression":
            operand, called = call_name(node, source)
            args = arguments(node)
            if not operand and called == "delete":
                return True
            if not operand and called == "close" and args and text(source, args[0]) == name:
                return True
        elif node.type == "assignment_statement":
            left = node.child_by_field_name("left")
            for target in left.named_children if left is not None else []:
                if target.type == "index_expression":
                    target = target.child_by_field_name("operand")
                if text(source, target) in registries:
                    return True
    return False


def _bound_value(binding: tuple[Any, Any | None]) -> Any | None:
    """The value of a binding, and for `v, ok := m[k]` (or `<-ch`, `x.(T)`) the one
    expression on the right."""
    target, value = binding
    if value is not None:
        return value
    statement = target.parent.parent if target.parent is not None else None
    right = statement.child_by_field_name("right") if statement is not None else None
    if right is not None and len(right.named_children) == 1:
        return right.named_children[0]
    return None


def _handed_stop(exit: Any, loop: Any, source: bytes) -> bool:
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


def _ends_on_input(exit: Any, loop: Any, source: bytes) -> bool:
    """An exit taken because of a data value the same loop received on another of its
    channels (`case s := <-ends: if finished, _ := a.record(s); finished { break }`):
    the senders end the loop themselves (the last one reports). Not a stop signal
    (`<-quit`, `<-ctx.Done()`) and not an error (`case err := <-errc`)."""
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
    if not names or any("err" in n.lower() for n in names):
        return False
    return _ends_on_value(exit, communication, source)


def _case_ends_program(exit: SelectExit, source: bytes) -> bool:
    """A select case that leaves only by panicking (`case <-t.done: panic("unexpected")`):
    the process ends, nothing is left blocked."""
    case = exit.node.parent
    leaving = [n for n in walk(case, into_functions=False)
               if n.type in ("return_statement", "goto_statement", "break_statement")]
    calls = [n for n in walk(case, into_functions=False)
             if n.type == "call_expression" and ends_program(n, source)]
    return not leaving and bool(calls)
