"""GL004's view of a send under a lock: whether the channel's buffer covers every send
one run can make (`max_sends`, `sends_after_binding`, `KeptBuffers`,
`one_value_per_run`). Which mutexes are held at the send: analysis/locks.py."""

from __future__ import annotations

from typing import Any, Iterator, NamedTuple

from goleaklint.analysis.cfg import never_returns
from goleaklint.analysis.channels import channel_capacity, channel_origin, handed_makes, same_channel, strip_parens
from goleaklint.analysis.locks import held_locks
from goleaklint.analysis.names import PACKAGE, names_for, range_clause
from goleaklint.analysis.types import types_for
from goleaklint.syntax import (
    FUNCTION_TYPES,
    ancestors,
    arguments,
    assignments,
    call_name,
    descendants,
    enclosing_function,
    make_channel,
    named,
    next_statement,
    root_of,
    statements,
    text,
    walk,
)


UNBOUNDED = 1 << 30


_MAX_DEPTH = 100  # nesting deeper than this counts as unbounded (and stays off the stack)


def max_sends(body: Any, channel: Any, source: bytes, depth: int = 0) -> int:
    """The most sends to the channel the expression `channel` names (analysis/names: a
    shadowing one of the same name is another) one run of body can make, along any path: sends in
    the two arms of an if (or the cases of a switch) count once, a branch that returns
    does not add to what follows, and a send in a loop makes it UNBOUNDED. A function
    literal's sends count as if it ran once (in a loop: UNBOUNDED)."""
    if depth > _MAX_DEPTH:
        return UNBOUNDED
    fall, done = _flow(statements(body) if body.type == "block" else [body], channel, source, depth)
    return min(UNBOUNDED, max(fall if fall is not None else 0, done))


def _flow(stmts: list[Any], channel: Any, source: bytes, depth: int) -> tuple[int | None, int]:
    """(sends on the paths that reach the end or None if none does, most sends on
    the paths that left early)."""
    acc: int | None = 0
    done = 0
    for stmt in stmts:
        if acc is None:
            break
        fall, left = _statement(stmt, channel, source, depth + 1)
        done = max(done, acc + left)
        acc = None if fall is None else acc + fall
    return acc, done


def _branches(arms: list[tuple[int | None, int]]) -> tuple[int | None, int]:
    falls = [f for f, _ in arms if f is not None]
    return (max(falls) if falls else None), max((d for _, d in arms), default=0)


def _statement(stmt: Any, channel: Any, source: bytes, depth: int) -> tuple[int | None, int]:
    kind = stmt.type
    if depth > _MAX_DEPTH:
        return UNBOUNDED, UNBOUNDED
    if kind == "send_statement":
        here = int(same_channel(stmt.child_by_field_name("channel"), channel, source))
        return here + _inner_sends(stmt, channel, source, depth), 0
    if kind == "return_statement":
        return None, _inner_sends(stmt, channel, source, depth)
    if kind == "expression_statement" and stmt.named_children:
        call = stmt.named_children[0]
        if never_returns(call, source):
            return None, _inner_sends(stmt, channel, source, depth)
    if kind == "block":
        return _flow(statements(stmt), channel, source, depth)
    if kind == "labeled_statement":
        inner = [c for c in stmt.named_children if c.type != "label_name"]
        return _flow(inner, channel, source, depth)
    if kind == "if_statement":
        arms = []
        for field in ("consequence", "alternative"):
            arm = stmt.child_by_field_name(field)
            arms.append(_statement(arm, channel, source, depth) if arm is not None else (0, 0))
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
            arms.append(_flow(stmts, channel, source, depth))
        if not any(c.type == "default_case" for c in stmt.named_children) and kind != "select_statement":
            arms.append((0, 0))
        return _branches(arms) if arms else (0, 0)
    if kind == "for_statement":
        return (UNBOUNDED, UNBOUNDED) if _inner_sends(stmt, channel, source, depth) else (0, 0)
    return _inner_sends(stmt, channel, source, depth), 0


def _inner_sends(node: Any, channel: Any, source: bytes, depth: int) -> int:
    """Sends to channel inside node other than node itself; UNBOUNDED when one sits in a
    loop inside node. A function literal's body is counted path by path, once."""
    count = 0
    for inner in walk(node, into_functions=False):
        if inner.type == "func_literal":
            body = inner.child_by_field_name("body")
            sends = max_sends(body, channel, source, depth + 1) if body is not None else 0
        elif inner.type == "send_statement" and same_channel(inner.child_by_field_name("channel"), channel, source):
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


def sends_after_binding(binding: Any, source: bytes, channel: Any = None) -> int:
    """max_sends over the statements from the binding (the target of `ch :=
    make(...)`) to the end of the block it is made in: a channel made inside a loop is
    a new channel each time. channel: the expression sent on when it is not the bound
    name itself (`w.wake` of `w := e.Value.(*waiter)`)."""
    statement = next((a for a in ancestors(binding) if a.parent is not None
                      and a.parent.type in ("statement_list", "block")), None)
    if statement is None:
        return UNBOUNDED
    siblings = [c for c in statement.parent.named_children
                if c.start_byte >= statement.start_byte and c.type != "comment"]
    fall, done = _flow(siblings, binding if channel is None else channel, source, 0)
    return min(UNBOUNDED, max(fall if fall is not None else 0, done))


class Kept(NamedTuple):
    capacity: int | None  # the literal buffer, UNBOUNDED when sized from the work, None unknown
    node: Any  # the make, or the stored value whose buffer is unknown
    site: Any = None  # where it is stored: the key of `T{f: v}`, the target of `x.f = v`


# The key of a package-level variable that holds channels (`waiters = append(waiters,
# ch)`): apart from field names, which are keys of their own.
PACKAGE_KEY = "var "


def container_key(channel: Any, source: bytes) -> str | None:
    """The name a channel is kept under in its file: the field of `s.events`, the
    container of `c.awaiting[id]`, a package-level variable (PACKAGE_KEY and its name),
    and the same for a local bound to one of those (`rc := c.awaiting[id]`) or a range
    variable over one (`for _, ch := range c.chans`, `for _, call := range cm.calls {
    call.errs <- err }` gives `errs`)."""
    site = container_site(channel, source)
    if site is None:
        return None
    if site.type == "selector_expression":
        field = site.child_by_field_name("field")
        return text(source, field) if field is not None else None
    return PACKAGE_KEY + text(source, site)


def container_site(channel: Any, source: bytes, depth: int = 0) -> Any | None:
    """Where container_key's name is read: the selector (`s.events`, `c.awaiting` of
    `rc := c.awaiting[id]`) or the package-level identifier; None when there is none."""
    channel = strip_parens(channel)
    if channel is None or depth > 4:
        return None
    if channel.type == "selector_expression":
        return channel if channel.child_by_field_name("field") is not None else None
    if channel.type == "index_expression":
        return container_site(channel.child_by_field_name("operand"), source, depth + 1)
    if channel.type != "identifier":
        return None
    names = names_for(source, channel)
    if names.resolve(channel).kind == PACKAGE:
        return channel
    binding = names.reaching(channel, channel)
    if binding is not None:
        value = _bound_value(binding)
        if value is None:
            assigned = _ranged_into(channel, source)  # `var req T; for k, req = range m {...}`
            return container_site(assigned.child_by_field_name("right"), source, depth + 1) \
                if assigned is not None else None
        if value.type not in ("selector_expression", "index_expression", "identifier"):
            return None
        return container_site(value, source, depth + 1)
    clause = range_clause(channel, source)
    if clause is not None:
        return container_site(clause.child_by_field_name("right"), source, depth + 1)
    return None


class KeptBuffers:
    """Key (field or container name, see container_key) -> the buffers of what the file
    stores under it: `x.f = v`, `m[k] = v`, `x.f = append(x.f, v)`, `T{f: v}`,
    `T{f: []chan X{v}}`, where v is a make or a local bound to one; any other stored
    value is unknown (a caller's channel). stores: (pattern kind, captures) of the query
    patterns capturing @store_value with @store_to (kind "store_to": an assignment's
    single target) or @store_key (kind "store_key": a keyed element). A key's stores
    are read when it is first asked for: a file stores under many keys no send uses.
    Holds a key (`in`) when something stored under it was found."""

    def __init__(self, stores: list[tuple[str, dict]], source: bytes) -> None:
        self.source = source
        self.stores: dict[str, list[tuple[Any, Any]]] = {}
        self.found: dict[str, list[Kept]] = {}
        for kind, captures in stores:
            site = captures["store_key" if kind == "store_key" else "store_to"][0]
            key = text(source, site) if kind == "store_key" else container_key(site, source)
            if key is not None:
                self.stores.setdefault(key, []).append((captures["store_value"][0], site))

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self.found:
            self.found[key] = [k._replace(site=site) for value, site in self.stores.get(key, ())
                               for k in _stored(value, key, self.source, 0)]
        return self.found[key] or default

    def __contains__(self, key: str) -> bool:
        return bool(self.get(key))

    def __setitem__(self, key: str, kept: list[Kept]) -> None:
        self.found[key] = kept


def package_stores(key: str, root: Any, source: bytes) -> list[Kept]:
    """The buffers of what the file stores in a package-level variable (key from
    container_key: PACKAGE_KEY and its name), by assignment or in its declaration."""
    found: list[Kept] = []
    for ident in named(root, source, key[len(PACKAGE_KEY):]):
        holder = ident.parent
        statement = holder.parent if holder is not None and holder.type == "expression_list" else holder
        if statement is None or statement.type not in ("assignment_statement", "var_spec"):
            continue
        if statement.type == "assignment_statement":
            operator = statement.child_by_field_name("operator")
            targets = statement.child_by_field_name("left").named_children
            value = statement.child_by_field_name("right")
            if operator is None or operator.type != "=" or ident not in targets:
                continue  # `x += ...`, or a use on the right
        else:
            targets = statement.children_by_field_name("name")
            value = statement.child_by_field_name("value")
        values = value.named_children if value is not None else []
        if len(values) == len(targets):
            found.extend(_stored(values[targets.index(ident)], key, source, 0))
        elif values:
            found.append(Kept(None, statement))  # `a, b = f()`: unknown
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
    if value.type == "slice_expression" and _own_slice(value, key, source):
        return  # `c.pool = c.pool[:0]`: the same channels, fewer of them
    if make_channel(value, source) is not None:
        capacity = channel_capacity(value, source)
        yield Kept(UNBOUNDED if capacity is None else capacity, value)
        return
    if value.type == "call_expression" and call_name(value, source) == ("", "make"):
        return  # `c.awaiting = make(map[int]chan T)`: the registry, not a channel in it
    if value.type == "call_expression" and call_name(value, source)[1] == "append":
        args = arguments(value)
        spread = [a for a in args[1:] if a.type == "variadic_argument"]
        if any(not _own_elements(a, key, source) for a in spread):
            yield Kept(None, value)
            return
        for arg in args[1:]:
            if arg not in spread:
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
        names = names_for(source, value)
        binding = names.reaching(value, value)
        if binding is not None and binding[1] is not None:
            yield from _stored(binding[1], key, source, depth + 1)
            return
        origin = channel_origin(value, source, root_of(value)) if binding is None else None
        handed = handed_makes(origin, types_for(names), source, root_of(value)) \
            if origin is not None and origin.kind == "param" else []
        if handed:  # `func (n *N) store(ch chan error) { n.pending[id] = ch }`: what each caller makes
            for made in handed:
                yield from _stored(made, key, source, depth + 1)
            return
    yield Kept(None, value)


def _own_elements(spread: Any, key: str, source: bytes) -> bool:
    """Whether a spread argument of an append is a slice of the same field
    (`m.subs = append(m.subs[:i], m.subs[i+1:]...)`, a removal): no new channel."""
    return _own_slice(strip_parens(spread.named_children[0]) if spread.named_children else None, key, source)


def _own_slice(inner: Any, key: str, source: bytes) -> bool:
    """Whether inner is the field key itself or a slice of it (`c.pool[:0]`)."""
    while inner is not None and inner.type == "slice_expression":
        inner = strip_parens(inner.child_by_field_name("operand"))
    field = inner.child_by_field_name("field") if inner is not None and inner.type == "selector_expression" else None
    return field is not None and text(source, field) == key


def queue_of(channel: Any, source: bytes) -> Any | None:
    """The queue a local channel was taken from (`l.syncWaiters` of `errC :=
    <-l.syncWaiters`); None for any other channel."""
    channel = strip_parens(channel)
    if channel is None or channel.type != "identifier":
        return None
    binding = names_for(source, channel).reaching(channel, channel)
    value = strip_parens(_bound_value(binding)) if binding is not None else None
    operator = value.child_by_field_name("operator") if value is not None and value.type == "unary_expression" else None
    return value.child_by_field_name("operand") if operator is not None and operator.type == "<-" else None


def queued(queue: Any, root: Any, source: bytes) -> list[Kept]:
    """The channels the file sends into queue (`l.syncWaiters <- syncErr`), as _stored
    reads them: sends into the same container (container_key) of the same declared
    struct type, when both are known (a same-named field of another type is another)."""
    key = container_key(queue, source)
    if key is None:
        return []
    types = types_for(names_for(source, root, root))
    owner = _owner_kind(queue, types)
    found: list[Kept] = []
    for send in descendants(root, ("send_statement",)):
        target = strip_parens(send.child_by_field_name("channel"))
        value = send.child_by_field_name("value")
        if target is None or value is None or target.type not in ("selector_expression", "identifier") or \
                container_key(target, source) != key:
            continue
        other = _owner_kind(target, types)
        if owner is None or other is None or owner == other:
            found.extend(_stored(value, key, source, 0))
    return found


def _owner_kind(site: Any, types: Any) -> Any | None:
    """The declared struct type holding the field of a selector (`l` of `l.waiters`),
    without pointers; None when not a selector or not known."""
    site = strip_parens(site)
    kind = types.of(site.child_by_field_name("operand")) if site.type == "selector_expression" else None
    return kind.deref() if kind is not None else None


def sends_per_channel(send: Any, source: bytes) -> int:
    """The most sends one run of the sending function makes on the channel value send
    sends on: max_sends over the function body, or over the body of the loop that
    ranges over the channels (`for _, ch := range chans { ch <- v }` sends once to
    each), or that binds them anew each turn (`for w := next(); w != nil; w = next()`)."""
    channel = strip_parens(send.child_by_field_name("channel"))
    base = channel
    while base is not None and base.type == "selector_expression":
        base = strip_parens(base.child_by_field_name("operand"))
    names = names_for(source, send)
    base = copied_from(base, names) if base is not None and base.type == "identifier" else base
    scope = None
    for parent in ancestors(send):
        if parent.type in FUNCTION_TYPES:
            scope = parent.child_by_field_name("body")
            break
        if parent.type == "for_statement":
            clause = next((c for c in parent.named_children if c.type in ("range_clause", "for_clause")), None)
            if clause is not None and clause.type == "for_clause":  # `for w := next(); w != nil; w = next()`
                left = clause.child_by_field_name("update")
                left = left.child_by_field_name("left") if left is not None and \
                    left.type == "assignment_statement" else None
            else:
                left = clause.child_by_field_name("left") if clause is not None else None
            if left is not None and base is not None and base.type == "identifier" and \
                    any(n.type == "identifier" and names.same_variable(n, base) for n in left.named_children):
                scope = parent.child_by_field_name("body")
                break
    if base is not None and base.type == "identifier" and unlinked(base, send, names) is not None:
        binding = names.reaching(base, base)  # each turn takes another element off the list
        return sends_after_binding(binding[0], source, channel) if binding is not None else UNBOUNDED
    return max_sends(scope, channel, source) if scope is not None else UNBOUNDED


def list_element(value: Any) -> Any | None:
    """The identifier e of `e.Value.(*T)` (a container/list element's value), else None."""
    value = strip_parens(value) if value is not None else None
    if value is None or value.type != "type_assertion_expression":
        return None
    field = strip_parens(value.child_by_field_name("operand"))
    if field is None or field.type != "selector_expression" or \
            field.child_by_field_name("field") is None or field.child_by_field_name("field").text != b"Value":
        return None
    element = strip_parens(field.child_by_field_name("operand"))
    return element if element is not None and element.type == "identifier" else None


def unlinked(base: Any, send: Any, names: Any, element: bool = False) -> Any | None:
    """The `l.Remove(e)` (l a container/list List) that takes the element base was read
    from (`w := e.Value.(*waiter)`; element: base is e itself) off its list, in the same
    function: before send, or right after it while the lock held at the send is still
    held (`e.Value.(*slot).reply <- r; l.Remove(e)` in one hold): nobody finds that
    object on the list again, so it gets only the sends that follow, or this one."""
    if element:
        value = base
    else:
        binding = names.reaching(base, base)
        value = strip_parens(_bound_value(binding)) if binding is not None else None
        while value is not None and value.type in ("type_assertion_expression", "selector_expression"):
            value = strip_parens(value.child_by_field_name("operand"))
    func = enclosing_function(send)
    body = func.child_by_field_name("body") if func is not None else None
    if value is None or value.type != "identifier" or body is None:
        return None
    types = types_for(names)
    for call in descendants(body, ("call_expression",), into_functions=False):
        if call.start_byte >= send.start_byte and not _next_in_hold(send, call, names.source):
            continue
        function = call.child_by_field_name("function")
        args = arguments(call)
        if function is None or function.type != "selector_expression" or len(args) != 1 or \
                text(names.source, function.child_by_field_name("field")) != "Remove":
            continue
        removed = strip_parens(args[0])
        kind = types.of(function.child_by_field_name("operand"))
        if removed is not None and removed.type == "identifier" and names.same_variable(removed, value) and \
                kind is not None and kind.is_named("container/list", "List"):
            return call
    return None


def _next_in_hold(send: Any, call: Any, source: bytes) -> bool:
    """Whether call is the statement right after send (`ch <- v; l.Remove(e)`) and a
    lock held at the send is still held there: no other run of the locked code gets in
    between."""
    after = next_statement(send)
    if after is None or after.type != "expression_statement" or not after.named_children or \
            after.named_children[0] != call:
        return False
    at_send = {h.lock.start_byte for h in held_locks(send, source)}
    return any(h.lock.start_byte in at_send for h in held_locks(call, source))


def one_value_per_run(send: Any, channel: Any, source: bytes) -> bool:
    """Whether each run of the sending function sends to channel values no other run
    sends to, so a buffer covering one run's sends cannot fill: a field replaced
    after the send (`me.next <- v; me.next = next`), a field of an object made in this
    function (`w := &watcher{...}; w.events <- e`), or a reply channel taken from a
    registry that this function retires: it closes the channel, deletes from a map (or
    deletes the object holding it, as a key: `delete(q.workers, w)`), or resets the registry (`for _, w := range s.waiters { w <- st }; s.waiters = nil`,
    `rc := c.awaiting[id]; delete(c.awaiting, id); rc <- r`), or the reply channel of a
    request this run took from a queue and closes (`case req := <-m.reqs: req.result
    <- nil; close(req.result)`). A long-lived channel (a
    field of the receiver, a listener that stays registered) gets every run's sends."""
    channel = strip_parens(channel)
    func = enclosing_function(send)
    body = func.child_by_field_name("body") if func is not None else None
    if body is None:
        return False
    names = names_for(source, channel)
    for target, _, _ in assignments(body):
        if target.start_byte > send.end_byte and names.same_expression(target, channel):
            return True  # replaced after the send: the next run sends elsewhere
    if channel.type == "selector_expression":
        base = strip_parens(channel.child_by_field_name("operand"))
    else:
        base = channel
    element = list_element(base)
    if element is not None and unlinked(element, send, names, element=True) is not None:
        return True  # `e.Value.(*slot).reply <- r; l.Remove(e)`: the element leaves its list
    if base is None or base.type != "identifier":
        return False
    base = copied_from(base, names)  # `req := r` of `for _, r := range rs`
    if _deleted_key(body, base, names) or unlinked(base, send, names) is not None:
        return True  # `delete(q.workers, w); w.ch <- t`: taken out of the registry that finds it
    registries: dict[str, Any] = {}
    binding = names.reaching(base, base)
    if binding is None and _taken_from_queue(base, names) and base != channel:
        # a request taken from a queue (`case req := <-m.requests:`): no other run
        # receives the same value; answered once and closed here, its reply channel
        # gets no other send
        return _retires(body, channel, {}, names)
    if binding is not None:
        value = strip_parens(_bound_value(binding))
        if value is not None and value.type == "unary_expression":
            value = strip_parens(value.child_by_field_name("operand"))
        if value is not None and value.type == "composite_literal" and base != channel:
            return True  # a fresh object: its channels are new
        if value is not None and value.type == "index_expression":
            registry = value.child_by_field_name("operand")
            registries[text(source, registry)] = registry
    else:
        clause = range_clause(base, source)
        if clause is None:
            return False
        registry = strip_parens(clause.child_by_field_name("right"))
        registries[text(source, registry)] = registry
    for local in list(registries.values()):  # `watchers := c.watchers[k]; for _, ch := range watchers`
        found = names.reaching(local, send) if local.type == "identifier" else None
        if found is not None and found[1] is not None and found[1].type == "index_expression":
            registry = found[1].child_by_field_name("operand")
            registries[text(source, registry)] = registry
    return _retires(body, channel, registries, names)


def _taken_from_queue(base: Any, names: Any) -> bool:
    """Whether the local base is bound by a select case's receive (`case req := <-q:`)."""
    statement = names.declaring(base)
    return statement is not None and statement.type == "receive_statement" and \
        statement.parent is not None and statement.parent.type == "communication_case"


def _deleted_key(body: Any, base: Any, names: Any) -> bool:
    """Whether body deletes the variable base names as a key of a map (`delete(q.workers,
    w)`): the object leaves the registry its senders find it in."""
    for node in walk(body, into_functions=False):
        if node.type == "call_expression" and call_name(node, names.source) == ("", "delete"):
            args = arguments(node)
            key = strip_parens(args[1]) if len(args) == 2 else None
            if key is not None and key.type == "identifier" and names.same_variable(key, base):
                return True
    return False


def copied_from(ident: Any, names: Any) -> Any:
    """The variable a local is a plain copy of (`req := r`, a few hops), else ident."""
    for _ in range(3):
        binding = names.reaching(ident, ident)
        value = strip_parens(binding[1]) if binding is not None else None
        if value is None or value.type != "identifier":
            break
        ident = value
    return ident


def from_registry(channel: Any, source: bytes) -> bool:
    """Whether the channel (or the object whose field it is) was taken from a registry:
    a range variable over one (`for _, l := range s.listeners { l.c <- v }`), or bound
    to an element of one (`ch := s.subs[id]`), or an element itself (`s.subs[id] <- v`)."""
    channel = strip_parens(channel)
    base = strip_parens(channel.child_by_field_name("operand")) if channel.type == "selector_expression" else channel
    if base is not None and base.type == "index_expression":
        return True
    if base is None or base.type != "identifier":
        return False
    if range_clause(base, source) is not None:
        return True
    binding = names_for(source, base).reaching(base, base)
    value = strip_parens(_bound_value(binding)) if binding is not None else None
    return value is not None and value.type == "index_expression"


def _ranged_into(ident: Any, source: bytes) -> Any | None:
    """The last range clause before ident in its function that assigns (`=`, not `:=`)
    the variable ident names: `for k, req = range db.requests { break }; req <- r`."""
    names = names_for(source, ident)
    func = enclosing_function(ident)
    body = func.child_by_field_name("body") if func is not None else None
    found = None
    for clause in walk(body, into_functions=False) if body is not None else ():
        if clause.start_byte >= ident.start_byte:
            break
        if clause.type != "range_clause":
            continue
        left, right = clause.child_by_field_name("left"), clause.child_by_field_name("right")
        if left is not None and right is not None and b":=" not in source[left.end_byte:right.start_byte] \
                and any(n.type == "identifier" and names.same_variable(n, ident) for n in left.named_children):
            found = clause
    return found


def _retires(body: Any, channel: Any, registries: dict[str, Any], names: Any) -> bool:
    """Whether body deletes from a map, closes channel, or assigns to one of the
    registries (text -> the expression naming it), of the same variables."""
    source = names.source
    for node in walk(body, into_functions=False):
        if node.type == "call_expression":
            operand, called = call_name(node, source)
            args = arguments(node)
            if not operand and called == "delete":
                return True
            if not operand and called == "close" and args and names.same_expression(args[0], channel):
                return True
        elif node.type == "assignment_statement":
            left = node.child_by_field_name("left")
            for target in left.named_children if left is not None else []:
                if target.type == "index_expression":
                    target = target.child_by_field_name("operand")
                registry = registries.get(text(source, target))
                if registry is not None and names.same_base(target, registry):
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
