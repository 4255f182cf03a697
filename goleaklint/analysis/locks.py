"""Which mutexes are held where, and what a flag set under a lock guards: shared by
GL004 (a send under a lock), GL003 (a send behind a once-flag) and GL011 (a goroutine
started once behind a flag).

- `held_locks(node)`: the mutexes certainly held when node runs (`x.Lock()` earlier in
  the function on every path, no unlock between; an unlock on another `x`, a
  shadowing local or a closure parameter, is another mutex: analysis/names).
- `flag_guard(send, lock)`: the flag (`x.closed`) a statement runs behind, set under
  the lock by the same function, and whether the file ever sets it back.
- `opens_guard(send, lock, locks)`: whether another function's critical section sets
  the flag a send's guard requires (`x.open = true`): it ran before the send.
"""

from __future__ import annotations

import bisect
from typing import Any, Callable, NamedTuple

from goleaklint.analysis.cfg import conjuncts, never_returns
from goleaklint.analysis.channels import same_channel, strip_parens
from goleaklint.analysis.names import names_for
from goleaklint.analysis.receivers import answers_stop
from goleaklint.analysis.types import types_for
from goleaklint.syntax import (
    FUNCTION_TYPES,
    ancestors,
    arguments,
    assignments,
    call_name,
    descendants,
    enclosing_function,
    per_file,
    statements,
    text,
    walk,
)


LOCKS = {"Lock", "RLock"}


UNLOCKS = {"Unlock", "RUnlock"}


class Held(NamedTuple):
    mutex: str  # `c.mu`
    lock: Any  # the `c.mu.Lock()` call
    method: str  # Lock or RLock
    deferred_unlock: Any | None  # the `defer c.mu.Unlock()` statement, if one follows
    key: tuple = ()  # the mutex's text and what its base name resolves to (_mutex_key)


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


def _released_inside(statement: Any, source: bytes, stop: Any) -> list[tuple[str, Any]]:
    """(mutex, unlock statement) for the unlocks somewhere inside a compound statement
    on a path that goes on to the code after it (an unlock followed by `return` does
    not count)."""
    released = []
    for node in descendants(statement, ("expression_statement",), into_functions=False):
        found = _lock_call(node, source)
        if found is None or found[0] not in UNLOCKS:
            continue
        block = node.parent
        if block is not None and _ends_path(block, source, stop):
            continue
        released.append((found[1], node))
    return released


def _mutex_key(statement: Any, mutex: str, names: Any) -> tuple:
    """The identity of the mutex a lock or unlock statement (`c.mu.Lock()`) calls on:
    its text and what its base name resolves to (analysis/names), so that an unlock
    on another `c` (a shadowing local, a closure parameter) is another mutex."""
    call = statement.named_children[0]
    base = call.child_by_field_name("function").child_by_field_name("operand")
    while base is not None and base.type in ("selector_expression", "parenthesized_expression"):
        base = base.child_by_field_name("operand") if base.type == "selector_expression" else \
            (base.named_children[0] if base.named_children else None)
    return mutex, names.resolve(base).identity() if base is not None and base.type == "identifier" else None


def held_locks(node: Any, source: bytes) -> list[Held]:
    """The mutexes certainly held when `node` runs, from `x.Lock()`/`x.RLock()`
    statements earlier in the same function on every path to node, with no
    `x.Unlock()` between. Function literals are a boundary: their body runs later.
    A lock taken in only one branch before node is not certain, so not returned."""
    held: list[Held] = []
    released: set[tuple] = set()
    names = names_for(source, node)
    child = node
    for parent in ancestors(node):
        if parent.type in FUNCTION_TYPES:
            break
        if parent.type in ("statement_list", "block"):
            ends, events = _lock_events(parent, source)
            for method, mutex, statement in reversed(
                    events[:bisect.bisect_right(ends, child.start_byte)]):
                key = _mutex_key(statement, mutex, names)
                if method in UNLOCKS or method == "released":
                    released.add(key)
                elif key not in released and all(h.key != key for h in held):
                    held.append(Held(mutex, statement.named_children[0], method,
                                     _deferred_after(statement, mutex, source, names), key))
        child = parent
    return held


@per_file
def _lock_events(block: Any, source: bytes) -> tuple[list[int], list[tuple[str, str, Any]]]:
    """(method, mutex, statement) for each lock and unlock statement of block, and
    ("released", mutex, unlock statement) for each unlock inside a compound statement
    on a path that goes on; with the (block's) statements' end bytes (for bisect). Once per block
    and file, so that many sends in one function do not each re-read the function."""
    ends, events = [], []
    for statement in block.named_children:
        if statement.type == "comment":
            continue
        found = _lock_call(statement, source)
        if found is not None:
            found_events = [(found[0], found[1], statement)]
        else:
            found_events = [("released", mutex, unlock)
                            for mutex, unlock in _released_inside(statement, source, block)]
        for event in found_events:
            ends.append(statement.end_byte)
            events.append(event)
    return ends, events


def _deferred_after(lock_statement: Any, mutex: str, source: bytes, names: Any) -> Any | None:
    sibling = lock_statement.next_named_sibling
    while sibling is not None and sibling.type == "comment":
        sibling = sibling.next_named_sibling
    if sibling is not None and _deferred_unlock(sibling, source) == mutex and \
            _mutex_key(sibling, mutex, names) == _mutex_key(lock_statement, mutex, names):
        return sibling
    return None


class Guard(NamedTuple):
    flag: str  # the flag as written: `x.closed`
    reset: bool  # the file sets it back (see flag_guard)
    node: Any = None  # the flag expression


def flag_guard(send: Any, lock: Any, source: bytes, any_guard: bool = False) -> Guard | None:
    """(flag, reset, node) when the statement send (a send, a go statement) runs only
    while a flag held under the lock taken at `lock` is unset, and the function sets
    it: after the lock, the send sits in `if !x.closed { ... }` or follows `if x.closed
    { return }`, and the function sets `x.closed = true` after the lock. reset: the
    file also sets that field (or variable) to something else (`x.closed = false`), so
    the send can happen again; otherwise it happens once per life of the flag.
    any_guard: ("", False, None) when any check after the lock can stop the send (it
    follows an `if ... { return }`)."""
    func = enclosing_function(send)
    body = func.child_by_field_name("body") if func is not None else None
    if body is None:
        return None
    flags = []
    node = send
    for parent in ancestors(send):
        if parent == func:
            break
        if parent.type == "if_statement" and parent.start_byte > lock.end_byte:
            consequence = parent.child_by_field_name("consequence")
            if consequence is not None and consequence.start_byte <= send.start_byte < consequence.end_byte:
                for condition in conjuncts(parent.child_by_field_name("condition")):
                    if condition.type == "unary_expression" and \
                            text(source, condition.child_by_field_name("operator")) == "!":
                        flags.append(strip_parens(condition.child_by_field_name("operand")))
        if parent.type == "statement_list":
            starts, leaving = _leaving_ifs(parent, source)
            for before in leaving[bisect.bisect_right(starts, lock.end_byte):bisect.bisect_left(starts, node.start_byte)]:
                if any_guard:
                    return Guard("", False)
                flags.append(strip_parens(before.child_by_field_name("condition")))
        node = parent
    for flag in flags:
        if flag is None or flag.type not in ("identifier", "selector_expression"):
            continue
        if any(value is not None and same_channel(target, flag, source) and text(source, value) == "true"
               and target.start_byte > lock.end_byte for target, value, _ in assignments(body)):
            channel = send.child_by_field_name("channel") if send.type == "send_statement" else None
            return Guard(text(source, flag), _ever_reset(flag, source, strip_parens(channel)), flag)
    return None


@per_file
def _leaving_ifs(holder: Any, source: bytes) -> tuple[list[int], list[Any]]:
    """(starts, statements): the `if ... { return }` statements without an else of a
    statement list, listed once per list rather than once per send in it."""
    found = [s for s in holder.named_children if s.type == "if_statement" and
             s.child_by_field_name("alternative") is None and
             _always_leaves(s.child_by_field_name("consequence"), source)]
    return [s.start_byte for s in found], found


def _always_leaves(block: Any, source: bytes) -> bool:
    """Whether the block's last statement returns (or never returns)."""
    stmts = statements(block)
    last = stmts[-1] if stmts else None
    if last is None:
        return False
    if last.type == "return_statement":
        return True
    call = last.named_children[0] if last.type == "expression_statement" and last.named_children else None
    return never_returns(call, source)


def _ever_reset(flag: Any, source: bytes, channel: Any = None) -> bool:
    """Whether the file assigns the flag anything but `true` (`x.closed = false`); a
    field is matched by its name whatever the operand, unless the file shows the
    operand is of another struct type. A reset made on receiving from
    the channel sent on (in the receive's select case or statement list, or in a
    function of the file called there) does not count: it clears a pending signal, so
    at most one is ever in the buffer. Nor does a package-level variable's declaration
    (`var started bool`): it gives the flag its first value, before any set."""
    root = flag
    while root.parent is not None:
        root = root.parent
    field = text(source, flag.child_by_field_name("field")) if flag.type == "selector_expression" else None
    name = text(source, flag)
    scopes = [root] + [n for n in walk(root) if n.type == "func_literal"]
    clearing = _clearing_scopes(root, channel, source) if channel is not None else []
    owner = _owner_type(flag, source) if field is not None else None
    for target, value, statement in (a for scope in scopes for a in assignments(scope)):
        if statement.type == "var_spec" and enclosing_function(statement) is None:
            continue
        if target.type == "selector_expression" and field is not None:
            same = text(source, target.child_by_field_name("field")) == field and \
                (owner is None or _owner_type(target, source) in (owner, None))
        else:
            same = text(source, target) == name and same_channel(target, flag, source)
        if same and (value is None or text(source, value) != "true") and \
                not any(c.start_byte <= target.start_byte < c.end_byte for c in clearing):
            return True
    return False


def _owner_type(field: Any, source: bytes) -> str | None:
    """The name of the named type of this package whose field `x.f` is (x's declared
    type, or a pointer to it); None when the file does not say."""
    kind = types_for(names_for(source, field)).of(field.child_by_field_name("operand"))
    base = kind.deref() if kind is not None else None
    return base.name if base is not None and base.kind == "named" and base.path == "" else None


def _clearing_scopes(root: Any, channel: Any, source: bytes) -> list[Any]:
    """Where a receive of `channel` has just happened: the select case or statement
    list holding each receive (of the same name; a field of another declared struct
    type is another channel), and the functions of the file called from there
    (Types.called: a same-named method of another type is not one)."""
    wanted = text(source, channel).rsplit(".", 1)[-1]
    types = types_for(names_for(source, root, root))
    owner = _owner_type(channel, source) if channel.type == "selector_expression" else None
    scopes = []
    for node in walk(root):
        if node.type != "unary_expression" or text(source, node.child_by_field_name("operator")) != "<-":
            continue
        operand = strip_parens(node.child_by_field_name("operand"))
        if operand is None or text(source, operand).rsplit(".", 1)[-1] != wanted:
            continue
        if owner is not None and operand.type == "selector_expression" and \
                _owner_type(operand, source) not in (owner, None):
            continue
        holder = next((a for a in ancestors(node) if a.type in ("communication_case", "statement_list")), None)
        if holder is not None:
            scopes.append(holder)
    called = {(d.start_byte, d.end_byte) for d in (types.called(n) for scope in scopes for n in walk(scope)
                                                   if n.type == "call_expression") if d is not None}
    return scopes + [d for d in root.named_children if (d.start_byte, d.end_byte) in called]


def locker_type(call: Any, names: Any) -> Any | None:
    """The named type whose mutex a lock call on a plain name takes (`sub.Lock()` with
    sub a `*pullSubscription` embedding `sync.Mutex`: pullSubscription), or None when
    the call locks a field (`c.mu.Lock()`) or the file does not state the type."""
    function = call.child_by_field_name("function") if call.type == "call_expression" else None
    operand = strip_parens(function.child_by_field_name("operand")) \
        if function is not None and function.type == "selector_expression" else None
    if operand is None or operand.type != "identifier":
        return None
    kind = types_for(names).of(operand)
    kind = kind.deref() if kind is not None else None
    return kind if kind is not None and kind.kind == "named" and kind.path == "" else None


def other_lockers(a: Any, b: Any, names: Any) -> bool:
    """Whether two lock calls on plain names (embedded mutexes: `sub.Lock()`, `hb.Lock()`)
    lock values of two different named types of the package: two different mutexes."""
    first, second = locker_type(a, names), locker_type(b, names)
    return first is not None and second is not None and first.name != second.name


def _flag_tests(condition: Any, source: bytes, negate: bool) -> list[tuple[Any, bool, str]]:
    """(flag, equal, value) for a condition that holds (negate: fails) only when the
    field flag equals value (equal) or differs from it: `x.running` gives (x.running,
    True, "true"), `!x.running` (x.running, False, "true"), `x.state == stopped`
    (x.state, True, "stopped"). Other conditions give nothing."""
    condition = strip_parens(condition)
    if condition is None:
        return []
    if condition.type == "unary_expression" and text(source, condition.child_by_field_name("operator")) == "!":
        return _flag_tests(condition.child_by_field_name("operand"), source, not negate)
    if condition.type == "selector_expression":
        return [(condition, not negate, "true")]
    operator = condition.child_by_field_name("operator") if condition.type == "binary_expression" else None
    left = strip_parens(condition.child_by_field_name("left")) if operator is not None else None
    right = strip_parens(condition.child_by_field_name("right")) if operator is not None else None
    if operator is not None and operator.type in ("==", "!=") and left is not None and \
            left.type == "selector_expression" and right is not None and \
            right.type in ("identifier", "true", "false", "int_literal", "interpreted_string_literal"):
        return [(left, (operator.type == "==") != negate, text(source, right))]
    return []


def _disjuncts(condition: Any) -> list[Any]:
    condition = strip_parens(condition)
    operator = condition.child_by_field_name("operator") if condition is not None and \
        condition.type == "binary_expression" else None
    if operator is not None and operator.type == "||":
        return _disjuncts(condition.child_by_field_name("left")) + _disjuncts(condition.child_by_field_name("right"))
    return [condition] if condition is not None else []


def guarding_flags(node: Any, lock: Any, source: bytes) -> list[tuple[Any, bool, str]]:
    """The flag tests (see _flag_tests) that node runs behind, checked after the lock
    call: an `if` whose consequence holds node (each `&&` operand), one whose `else`
    holds it (its condition failed), and an `if ... { return }` before it (each `||`
    operand failed)."""
    func = enclosing_function(node)
    found: list[tuple[Any, bool, str]] = []
    child = node
    for parent in ancestors(node):
        if parent == func:
            break
        if parent.type == "if_statement" and parent.start_byte > lock.end_byte:
            condition = parent.child_by_field_name("condition")
            if parent.child_by_field_name("consequence") == child:
                found += [t for c in conjuncts(condition) for t in _flag_tests(c, source, False)]
            elif parent.child_by_field_name("alternative") == child and len(conjuncts(condition)) == 1:
                found += [t for c in _disjuncts(condition) for t in _flag_tests(c, source, True)]
        if parent.type in ("statement_list", "block"):
            starts, leaving = _leaving_ifs(parent, source)
            for before in leaving[bisect.bisect_right(starts, lock.end_byte):bisect.bisect_left(starts, child.start_byte)]:
                found += [t for c in _disjuncts(before.child_by_field_name("condition"))
                          for t in _flag_tests(c, source, True)]
        child = parent
    return found


def opens_guard(send: Any, lock: Any, locks: list[Any], source: bytes) -> bool:
    """Whether one of the lock calls locks (another function's, of the same mutex) starts
    a critical section that sets a flag the send's guard after the lock call `lock`
    requires, to the value required, where the flag's zero value fails that test
    (`x.open = true` for a send behind `if !x.open { return }`): the send is reached
    only after that section ran, so a send stuck under the lock cannot stall it."""
    if enclosing_function(lock) != enclosing_function(send):
        return False
    tests = [(flag, value) for flag, equal, value in guarding_flags(send, lock, source)
             if equal and (value == "true" or value.isdigit() and int(value) != 0 or
                           value[:1] in "\"`" and len(value) > 2)]
    for call in locks if tests else ():
        func = enclosing_function(call)
        body = func.child_by_field_name("body") if func is not None else None
        for target, value, statement in assignments(body) if body is not None else ():
            if value is not None and statement.type == "assignment_statement" and \
                    target.type == "selector_expression" and \
                    any(_same_field(target, source, flag, source) and text(source, value).strip() == wanted
                        for flag, wanted in tests) and \
                    any(h.lock == call for h in held_locks(statement, source)):
                return True
    return False


def _mutex_field(held: Held) -> Any | None:
    """The selector a held mutex is (`c.runningMu` of `c.runningMu.Lock()`), or None
    for a plain name (an embedded mutex)."""
    function = held.lock.child_by_field_name("function")
    operand = strip_parens(function.child_by_field_name("operand")) if function is not None else None
    return operand if operand is not None and operand.type == "selector_expression" else None


def _same_field(a: Any, a_source: bytes, b: Any, b_source: bytes) -> bool:
    """Whether two selectors name a field of the same name of the same struct type
    (a type the files do not state matches any)."""
    return text(a_source, a.child_by_field_name("field")) == text(b_source, b.child_by_field_name("field")) and \
        len({_owner_type(a, a_source), _owner_type(b, b_source)} - {None}) <= 1


def _stop_sites(stop: str, owner: str | None, files: Callable[[str], list]) -> list[tuple[Any, bytes]]:
    """(statement, source) for each send on, or close of, a field named stop in the
    package (of the struct type owner, when the files state it), other than a receiver
    loop's answer to a stop it took."""
    sites = []
    for source, root, _ in files(stop):
        for node in descendants(root, ("call_expression", "send_statement")):
            if node.type == "send_statement":
                if answers_stop(node, stop, source):
                    continue
                target = node.child_by_field_name("channel")
            else:
                target = arguments(node)[0] if call_name(node, source) == ("", "close") and \
                    len(arguments(node)) == 1 else None
            target = strip_parens(target) if target is not None else None
            if target is not None and target.type == "selector_expression" and \
                    text(source, target.child_by_field_name("field")) == stop and \
                    len({owner, _owner_type(target, source)} - {None}) <= 1:
                sites.append((node if node.type == "send_statement" else node.parent, source))
    return sites


def _settings_with(site: Any, held: Held, source: bytes) -> list[tuple[Any, str]]:
    """(field, value) for the `x.f = v` statements made while the lock held at site is
    still held (the same lock call, no unlock between) in the block of site or one
    around it, before or after it: the critical section that holds the stop."""
    func = enclosing_function(site)
    body = func.child_by_field_name("body") if func is not None else None
    found = []
    for target, value, statement in (assignments(body) if body is not None else []):
        if value is None or statement.type != "assignment_statement" or target.type != "selector_expression" or \
                statement.parent is None or not (statement.parent.start_byte <= site.start_byte < statement.parent.end_byte):
            continue
        if any(h.lock == held.lock for h in held_locks(statement, source)):
            found.append((target, text(source, value).strip()))
    return found


def stopped_under_flag(send: Any, stops: list[Any], source: bytes, files: Callable[[str], list]) -> bool:
    """Whether the send cannot outlive its receiver by a lock protocol: it runs holding
    a mutex field (`c.mu`), behind a flag field tested under it (`if c.running {`, `if
    !c.running { return }`), and every stop of the receiver in the package (a send on,
    or close of, the fields stops, the selectors of its stop cases in the send's file) is
    made holding a mutex field of the same name and type in a critical section that sets
    that flag to a value the send's test excludes (`c.stop <- struct{}{}; c.running =
    false`, either order). A sender that holds the lock and sees the flag then comes
    before every stop: the receiver is still there. files(word): (source, root, names)
    of the package's files holding word."""
    held = [h for h in held_locks(send, source) if _mutex_field(h) is not None]
    if not held or not stops or any(s.type != "selector_expression" for s in stops):
        return False
    for lock in held:
        tests = guarding_flags(send, lock.lock, source)
        if not tests:
            continue
        ok = True
        for stop in stops:
            sites = _stop_sites(text(source, stop.child_by_field_name("field")), _owner_type(stop, source), files)
            if not sites:
                ok = False
            for site, other in sites:
                mine = [h for h in held_locks(site, other) if _mutex_field(h) is not None and
                        _same_field(_mutex_field(h), other, _mutex_field(lock), source)]
                if not mine or not any(
                        _same_field(target, other, flag, source) and (value != expected if equal else value == expected)
                        for target, value in _settings_with(site, mine[0], other)
                        for flag, equal, expected in tests):
                    ok = False
                    break
            if not ok:
                break
        if ok:
            return True
    return False
