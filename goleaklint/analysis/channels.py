"""Channel facts that GL003 and GL004 (and GL011) share: select cases and the
channels that make a select give up, where a sent-on channel comes from (through
analysis/names), its capacity, and its receives.

Everything here works inside one function body (or one file for field receivers),
starting from nodes a query found; walks are iterative and do not enter function
literals unless said so, since a literal runs at another time (or in a goroutine).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator, NamedTuple

from goleaklint import parsing
from goleaklint.parsing import FIELD
from goleaklint.analysis.names import LOCAL, PACKAGE, declaring_statement, names_for, parameter_at
from goleaklint.syntax import (
    arguments,
    call_name,
    descendants,
    enclosing_function,
    in_loop,
    make_channel,
    named,
    per_file,
    text,
    walk,
    within,
)


# A receive from a channel with such a name is a way out: `<-done`, `<-s.stopCh`,
# `<-ctx.Done()`, `<-quit`, `<-t.C`, `<-time.After(d)`.
EXIT_NAME = re.compile(
    r"(?i)(done|stop|quit|exit|clos|cancel|shutdown|die|dying|kill|abort|term|ctx|context"
    r"|finish|timeout|deadline|expire|halt|ticker|timer|after|tick)"
)


TIMER_CALLS = {"After", "Tick", "Done"}


# A case on such a channel ends the wait at a deadline: `<-t.C`, `<-time.After(d)`,
# `<-timeout`, `<-deadlineTimer.C`.
DEADLINE = re.compile(r"(?i)(\.C$|\bAfter\(|\bTick\(|timer|timeout|deadline)")


# A function named for the end of its object's life: it runs once per life.
ENDING = re.compile(r"(?i)^(close|stop|shutdown|exit|quit|terminate|destroy|dispose|kill|abort|halt|teardown)")


def line(node: Any) -> int:
    return node.start_point[0] + 1


def strip_parens(node: Any) -> Any:
    while node is not None and node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node


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
        node = node.child_by_field_id(FIELD.right)
    node = strip_parens(node)
    if node is not None and node.type == "unary_expression":
        operator = node.child_by_field_id(FIELD.operator)
        if operator is not None and operator.type == "<-":
            return strip_parens(node.child_by_field_id(FIELD.operand))
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


def _same_slot(a: Any, b: Any, source: bytes) -> bool:
    """Whether a and b are the same variable (analysis/names), or the same field path
    of the same struct type (field_owner; a type the file does not state matches):
    a same-named local of another function, or field of another type, is another."""
    if a is None or b is None or text(source, a) != text(source, b):
        return False
    if a.type == "identifier" and b.type == "identifier":
        return names_for(source, a).same_variable(a, b)
    if a.type == b.type == "selector_expression":
        return same_owner(a, b, source)
    return True  # another expression (`m[k]`): by its text, as before


def receiver_reports(select: Any, send: Any, source: bytes, root: Any) -> list[SelectExit]:
    """The receive cases of a send's select on a channel that the call handed the
    sent channel returns (`out, errc := stage(in)`, `s.sorter, s.errc = sort(s.in)`,
    then `case s.in <- v: case err := <-s.errc:`): the receiver's own report, which it
    makes when it fails or is cancelled, so the send has a way out when it stops."""
    sent = strip_parens(send.child_by_field_name("channel"))
    if sent is None:
        return []
    found = []
    for case in select.named_children:
        communication = case.child_by_field_name("communication") if case.type == "communication_case" else None
        channel = received_channel(communication) if communication is not None and communication != send else None
        if channel is None or channel.type not in ("identifier", "selector_expression"):
            continue
        name = text(source, channel)
        last = channel.child_by_field_name("field") if channel.type == "selector_expression" else channel
        for ident in named(root, source, text(source, last)):
            target = ident if ident.parent is None or ident.parent.type != "selector_expression" else ident.parent
            left = target.parent
            statement = left.parent if left is not None and left.type == "expression_list" else None
            if statement is None or statement.type not in ("assignment_statement", "short_var_declaration") or \
                    statement.child_by_field_name("left") != left or not _same_slot(target, channel, source):
                continue
            right = statement.child_by_field_name("right").named_children
            call = strip_parens(right[0]) if len(right) == 1 else None
            if call is not None and call.type == "call_expression" and \
                    any(_same_slot(strip_parens(a), sent, source) for a in arguments(call)):
                found.append(SelectExit("receive", communication, f"<-{name}"))
                break
    return found


class Origin(NamedTuple):
    kind: str  # field, param, package, range, local, unknown
    name: str  # the channel expression's text
    binding: Any | None = None  # the target node of the last binding, for local
    value: Any | None = None  # the bound value, for local
    function: Any | None = None  # the function whose body holds the binding


def channel_origin(channel: Any, source: bytes, root: Any = None) -> Origin:
    """Where a sent-on channel comes from, as far as this file shows: the last
    assignment before it in its function (local), a range variable, a parameter, a
    package variable or another package's, or a field set elsewhere."""
    channel = strip_parens(channel)
    name = text(source, channel)
    names = names_for(source, channel, root)
    binding = names.reaching(channel, channel) if channel.type in (
        "identifier", "selector_expression") else None
    if binding is not None:
        target, value = binding
        return Origin("local", name, target, value, enclosing_function(target))
    if channel.type == "selector_expression":
        operand = channel.child_by_field_name("operand")
        if names.import_path(operand) is not None:
            return Origin("package", name)
        return Origin("field", name)
    if channel.type != "identifier":
        return Origin("unknown", name)
    resolved = names.resolve(channel)
    if resolved.kind == PACKAGE:
        return Origin("package", name)
    statement = declaring_statement(resolved.decl) if resolved.kind == LOCAL else None
    if statement is not None and statement.type == "range_clause":
        return Origin("range", name)
    if statement is not None and statement.type in ("parameter_declaration",
                                                    "variadic_parameter_declaration"):
        return Origin("param", name, function=enclosing_function(statement))
    return Origin("unknown", name)


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
    return receives_by_name(scope, source).get(name, [])


def receive_channel(receive: Any) -> Any | None:
    """The channel a receive listed by receives_from takes from: the range's operand,
    or the x of `<-x`."""
    if receive.type == "range_clause":
        return strip_parens(receive.child_by_field_name("right"))
    return received_channel(receive)


def same_channel(a: Any, b: Any, source: bytes) -> bool:
    """Whether two expressions name the same variable or field path (`ch`, `s.out`,
    `m[k]`): the same text from a base that names the same entity (analysis/names; a
    path not starting from a name, `f().ch`, is given the benefit)."""
    a, b = strip_parens(a), strip_parens(b)
    return a is not None and b is not None and text(source, a) == text(source, b) and \
        names_for(source, a).same_base(a, b)


def field_owner(channel: Any, source: bytes) -> str | None:
    """The named type whose field the channel expression is (`s.ch` with s declared
    `*server`: "server"; `ticker.C` with `ticker := time.NewTicker(d)`: "time.Ticker",
    another package's type by its path); None when it is not a field or the file does
    not state the operand's type."""
    from goleaklint.analysis.types import types_for
    channel = strip_parens(channel)
    if channel is None or channel.type != "selector_expression":
        return None
    return owner_name(types_for(names_for(source, channel)).of(channel.child_by_field_name("operand")))


def owner_name(kind: Any) -> str | None:
    """The named type kind is (or points to), written as field_owner names it; None
    for any other type, or None."""
    base = kind.deref() if kind is not None else None
    if base is None or base.kind != "named":
        return None
    return f"{base.path}.{base.name}" if base.path else base.name


def same_owner(a: Any, b: Any, source: bytes) -> bool:
    """Whether the fields a and b (`s.stop`, `p.stop`) belong to one struct type
    (field_owner), or the file does not state the type of one of them: a same-named
    field of another type is another channel."""
    return len({field_owner(a, source), field_owner(b, source)} - {None}) <= 1


def receives_of(scope: Any, channel: Any, source: bytes) -> list[Any]:
    """The receives inside scope (as receives_from) of the variable or field path the
    expression channel names (`ch`, `s.results`), through analysis/names: a `<-ch` of
    a shadowing `ch` (an `if ch := ...` initializer, a closure parameter) is another
    channel."""
    channel = strip_parens(channel)
    return [r for r in receives_from(scope, text(source, channel), source)
            if same_channel(channel, receive_channel(r), source)]


@lru_cache(maxsize=1)
def _receives_query() -> Any:
    return parsing.compile_query('[(range_clause) (unary_expression operator: "<-")] @node')


@per_file
def receives_by_name(scope: Any, source: bytes) -> dict[str, list[Any]]:
    """Channel expression (as written) -> its receives inside scope (see receives_from).
    Shared per file: do not modify. The candidates are found by a query run only
    around the `<-` and `range` of scope's text, which each of them holds (a walk of
    every node of a large file from Python cost GL004 half a second; a query over
    all of it, a third of a parse, which the editor server pays after every edit)."""
    near = sorted((at, at + len(word)) for word in (b"<-", b"range")
                  for at in _occurrences(source, word, scope.start_byte, scope.end_byte))
    nodes = {captures["node"][0] for _, captures in parsing.matches_around(_receives_query(), scope, near)}
    found: dict[str, list[Any]] = {}
    for node in sorted(nodes - {scope}, key=lambda n: (n.start_byte, -n.end_byte)):  # as `walk` orders them
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


@per_file
def receives_ending_in(root: Any, source: bytes, word: str) -> dict[str, list[Any]]:
    """The entries of `receives_by_name(root, source)` (the whole file) whose channel,
    as written, is word after its last `.` (`s.events`, `(*p).events` and `events`
    for "events"), in the same order. Found from where the word occurs (`named`):
    every receive of a large file cost the editor server a query per `<-` and
    `range` after each edit. Shared per file: do not modify."""
    found = []
    for ident in named(root, source, word):
        channel = ident  # the channel ends with the word: ident or an ancestor ending there
        while channel is not None and channel.end_byte == ident.end_byte and channel.type != "source_file":
            holder = channel.parent
            while holder is not None and holder.type == "parenthesized_expression":
                holder = holder.parent
            if holder is not None and holder.type == "range_clause" and \
                    strip_parens(holder.child_by_field_name("right")) == channel:
                found.append((holder, channel, holder))
            elif holder is not None and holder.type == "unary_expression" and received_channel(holder) == channel:
                parent = holder.parent
                found.append((holder, channel, parent if parent.type == "receive_statement" else holder))
            channel = channel.parent
    receives: dict[str, list[Any]] = {}
    for _, channel, receive in sorted(found, key=lambda f: (f[0].start_byte, -f[0].end_byte)):  # as `walk` orders them
        name = text(source, channel)
        if name.rsplit(".", 1)[-1] == word:
            receives.setdefault(name, []).append(receive)
    return receives


def _occurrences(source: bytes, word: bytes, start: int, end: int) -> Iterator[int]:
    """Where word starts in source[start:end] (a plain search: fast)."""
    at = source.find(word, start, end)
    while at >= 0:
        yield at
        at = source.find(word, at + 1, end)


def received_before(send: Any, channel: Any, source: bytes) -> Any | None:
    """A receive of the channel (the expression sent on) earlier than send in the same function (or, for a send in a
    function literal, in a function around it): the send gives back a token taken
    there (`mem := <-w.memMu ... w.memMu <- mem`, `<-c.mu; defer func() { c.mu <- x }()`)."""
    func = enclosing_function(send)
    for _ in range(3):  # the function, and the literal's parents; deeper is not a token
        if func is None:
            break
        body = func.child_by_field_name("body")
        if body is not None:
            for receive in receives_of(body, channel, source):
                if receive.start_byte >= send.start_byte:
                    break  # in source order: the rest come later too
                if receive.end_byte <= send.start_byte and receive.type != "range_clause":
                    return receive
        if func.type != "func_literal":
            break
        func = enclosing_function(func)
    return None


def sized_capacity(make: Any, source: bytes) -> bool:
    """`make(chan T, len(xs))`, `make(chan T, n)`: a capacity computed from the number
    of senders or jobs, which the author sized so that no send waits."""
    return channel_capacity(make, source) is None and make_channel(make, source) is not None


def parameter_of(origin: Origin, source: bytes) -> tuple[Any, int | None]:
    """The declared function whose parameter origin (channel_origin, kind param) names,
    and that parameter's index (None when origin is no parameter of a declared function)."""
    function = origin.function
    if function is None or function.type not in ("function_declaration", "method_declaration"):
        return function, None
    index = next((i for i in range(64) if (p := parameter_at(function, i)) is None or
                  text(source, p) == origin.name), None)
    if index is None or parameter_at(function, index) is None:
        return function, None
    return function, index


def handed_makes(origin: Origin, types: Any, source: bytes, root: Any, depth: int = 2,
                 closures: bool = False) -> list[Any]:
    """The `make(chan ...)` calls of the channels the file's callers (types.calls_of)
    hand in as the parameter origin names, each bound to a local of the caller just for
    that call (`results := make(chan R, 1); go u.release(results)`, outside any loop),
    following a caller's own parameter to its callers, depth calls up (with closures,
    also from a call in a function literal of that caller: `wg.Wrap(func() {
    n.worker(ch) })`, which may run more than once); empty when a caller hands in
    anything else or there is no caller."""
    function, index = parameter_of(origin, source)
    if index is None:
        return []
    found = []
    for call in types.calls_of(function):
        args = arguments(call)
        arg = strip_parens(args[index]) if index < len(args) else None
        if arg is None or arg.type != "identifier":
            return []
        handed = channel_origin(arg, source, root)
        if handed.kind == "local" and make_channel(handed.value, source) is not None and \
                not in_loop(handed.value) and enclosing_function(handed.value) == enclosing_function(call):
            found.append(handed.value)
        elif depth > 1 and handed.kind == "param" and (
                handed.function == enclosing_function(call) or closures and within(call, handed.function)):
            more = handed_makes(handed, types, source, root, depth - 1, closures)
            if not more:
                return []
            found += more
        else:
            return []
    return found


def undeclared_call(value: Any, source: bytes, files: Any) -> str | None:
    """The text of value (`src.Packets()`) when it is a call of a method or of another
    package's function that none of files ((source, root) pairs: the package) declares:
    a channel another module makes, whose buffer the code does not show. None otherwise."""
    value = strip_parens(value)
    function = value.child_by_field_name("function") if value is not None and value.type == "call_expression" \
        else None
    if function is None or function.type != "selector_expression":
        return None  # a builtin (`append`, `make`) or a function of the package
    callee = call_name(value, source)[1]
    if not callee or any(text(other, node.child_by_field_name("name")) == callee for other, root in files
                         for node in descendants(root, ("function_declaration", "method_declaration"))):
        return None
    return text(source, function) + "()"


def joined(go: Any, func: Any, starter: Any, source: bytes) -> bool:
    """Whether the starter, after the go statement, waits for something the goroutine (its
    function func) does on its way out: `wg.Wait()` for its `wg.Done()`, or a receive from (or range
    over) a channel it sends to or closes; the same variable or field path
    (analysis/channels.same_channel: a shadowing `wg` or `done` is another)."""
    channels, groups = [], []
    for node in walk(func):
        if node.type == "send_statement":
            channels.append(node.child_by_field_name("channel"))
        elif node.type == "call_expression":
            function = strip_parens(node.child_by_field_name("function"))
            args = arguments(node)
            if function is not None and function.type == "selector_expression" and \
                    text(source, function.child_by_field_name("field")) == "Done":
                groups.append(function.child_by_field_name("operand"))
            elif call_name(node, source) == ("", "close") and len(args) == 1:
                channels.append(args[0])
    if not channels and not groups:
        return False
    for node in walk(starter, into_functions=False):
        if node.start_byte < go.end_byte:
            continue
        waited, among = None, channels
        if node.type == "call_expression":
            function = strip_parens(node.child_by_field_name("function"))
            if function is not None and function.type == "selector_expression" and \
                    text(source, function.child_by_field_name("field")) == "Wait":
                waited, among = function.child_by_field_name("operand"), groups
        elif node.type == "range_clause":
            waited = node.child_by_field_name("right")
        else:
            waited = received_channel(node)
        if waited is not None and any(same_channel(waited, signal, source) for signal in among):
            return True
    return False
