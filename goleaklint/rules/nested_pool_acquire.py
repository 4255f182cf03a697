"""
## What it does
Finds calls that take a second connection from a pool while the caller still holds one.
The callee is a function of the same package that acquires from the same pool, directly
or through further calls.

An acquisition is `P.Get()` (redigo), `P.GetContext(ctx)`, `P.Conn(ctx)` (`*sql.DB`) or
`P.Acquire(ctx)` (pgxpool) whose result is stored in a variable that the function
releases with `Close` or `Release` (options `acquire-methods`, `release-methods`); the
release requirement keeps `sync.Pool.Get()` and other getters out. A release counts for
the variable it names through Go's scopes and for the value last assigned to it there: a
shadowing `conn := other.Get()` or a later `conn = ...` is another connection. A same-package
helper that returns an acquisition (`func (s *Store) conn() redis.Conn { return
s.pool.Get() }`) acquires too, for its callers, when some caller binds its result and
releases it: `c := s.conn(); defer c.Close()` holds a connection from `Store.pool`, and
a callee that calls `s.conn()` takes another. The connection is held
from the acquisition to a release that every later path passes (a `Close` in the same or
an enclosing block), or to the end of the function after a `defer c.Close()`.

While it is held, every call of a function of the same package (`f(...)`, or `r.m(...)`
on a receiver or parameter of a same-package type) is followed through the package's
call graph, across all files of the directory (an external `x_test` package is kept
apart), to an acquisition from the same pool. Pools are compared by the expression they
are reached through; for a field of a receiver or parameter, the variable is replaced by
its type (`s.pool` in a method of `*Store` is `Store.pool`), while a bare variable keeps
its name (`src` and `dst`, both `*sql.DB`, are two pools). Calls inside
function literals (goroutines, callbacks) are not followed. In test code (`lifetime.test_code`)
a holder is a low-confidence finding: a test makes its calls one after another, so its
second acquisition waits only on a pool capped at one connection, and a test that
deadlocks on its pool hangs its suite, which its authors would have seen. So when
findings of low confidence are not shown (the default), the rule does not read
`_test.go` files (the summary counts them): their holders are test code, and the
package's own code cannot call what they declare.

Not seen (yet): a call chain whose middle function, or a holder through a helper, sits
in a file that contains none of `Get()`, `GetContext(`, `Conn(`, `Acquire(`, `Release()`
(such files are not parsed for this rule: reading every file that closes something
would triple the rule's time); methods and pools reached through a field of another
type (`v.store.audit()`). In a package none of whose files calls an acquire method,
nothing is read at all.

Options, in `[rules.GL007]` of the config: `acquire-methods` and `release-methods`
(lists of method names; `Get` must take no argument, `GetContext`, `Conn` and `Acquire`
at least one). Setting any option makes the rule read every file. To treat
`database/sql` transactions and open result sets as held connections too:
```toml
[rules.GL007]
acquire-methods = ["Get", "GetContext", "Conn", "Acquire", "BeginTx", "QueryContext"]
release-methods = ["Close", "Release", "Commit", "Rollback"]
```

## Why is this bad?
A pool with a cap (`MaxActive` with `Wait: true`, `SetMaxOpenConns`, pgxpool's
`MaxConns`) hands out at most N connections. When N callers each hold one and each
waits for a second, nobody ever returns one: all of them, and every later caller, wait
forever. The incident behind this rule reached 1.4 M goroutines and a wall of
CLOSE_WAIT sockets; dial timeouts do not help because the wait happens before dial.

## Example
```go
func MessageList(ctx context.Context) ([]Message, error) {
	conn, err := pool.GetContext(ctx)
	if err != nil { return nil, err }
	defer conn.Close()
	ids, _ := redis.Strings(conn.Do("LRANGE", "messages", 0, -1))
	for _, id := range ids {
		m, _ := message(ctx, id) // takes a second connection from pool
		...
	}
}
```

## Use instead
```go
func MessageList(ctx context.Context) ([]Message, error) {
	conn, err := pool.GetContext(ctx)
	if err != nil { return nil, err }
	defer conn.Close()
	...
	m, _ := messageWith(conn, id) // pass the held connection down
}
```
Or release the first connection before calling.

## References
- [redigo: Pool.Wait and MaxActive](https://pkg.go.dev/github.com/gomodule/redigo/redis#Pool)
- [database/sql: SetMaxOpenConns](https://pkg.go.dev/database/sql#DB.SetMaxOpenConns)
- [pgxpool: Pool.Acquire](https://pkg.go.dev/github.com/jackc/pgx/v5/pgxpool#Pool.Acquire)
"""

from __future__ import annotations

import bisect
import os
import re
from collections import defaultdict, deque
from typing import Any, Iterable, Iterator

from goleaklint.model import Confidence, Context, Report, Rule, Severity, Span, span_of
from goleaklint.analysis.names import assigned_to, package_groups
from goleaklint.analysis.lifetime import test_code
from goleaklint.analysis.package import package_holds
from goleaklint.release import shortest_fitting
from goleaklint.syntax import ancestors, arguments, call_name, function_name, parameters, text, within

ACQUIRE_METHODS = ["Get", "GetContext", "Conn", "Acquire"]
RELEASE_METHODS = ["Close", "Release"]


def _type_name(kind: Any, source: bytes) -> str:
    """`T` for `T`, `*T` and `T[X]`; `pkg.T` for another package's type."""
    while kind is not None and kind.type in ("pointer_type", "generic_type"):
        kind = kind.child_by_field_name("type") or (kind.named_children[-1] if kind.named_children else None)
    if kind is None or kind.type not in ("type_identifier", "qualified_type"):
        return ""
    return text(source, kind)


def _statement(node: Any) -> Any:
    """The statement node is part of (its ancestor directly inside a statement list)."""
    current = node
    while current.parent is not None and current.parent.type not in ("statement_list", "block"):
        current = current.parent
    return current


class _Function:
    """What one function declaration does with pools, from the file's captured calls."""

    def __init__(self, func: Any, source: bytes, names: Any) -> None:
        self.node = func
        self.names = names
        self.key = function_name(func, source)
        self.types: dict[str, str] = {}
        for name, kind in parameters(func, source):
            if name:
                self.types[name] = _type_name(kind, source)
        # (call node, operand text, called name), outside and inside function literals
        self.calls: list[tuple[Any, str, str]] = []
        self.literal_calls: list[tuple[Any, str, str]] = []

    def typed(self, call: Any) -> bool:
        """Whether the operand of call (`s.pool.Get()`, `s.get()`) starts from a
        parameter of this function (or its receiver), whose type `types` gives: a local
        of the same name (`for _, s := range shards`) is another variable (Names)."""
        function = call.child_by_field_name("function")
        root = function.child_by_field_name("operand") if function is not None else None
        while root is not None and root.type == "selector_expression":
            root = root.child_by_field_name("operand")
        statement = self.names.declaring(root) if root is not None and root.type == "identifier" else None
        return statement is not None and statement.type in ("parameter_declaration",
                                                            "variadic_parameter_declaration") and \
            statement.parent is not None and statement.parent.parent == self.node

    def pool_key(self, operand: str, call: Any) -> str:
        """`s.pool` with s a `*Store` is `Store.pool`: the field of any Store. A bare
        parameter keeps its name: `src` and `dst` of one type are different pools."""
        root, dot, rest = operand.partition(".")
        if rest and self.types.get(root) and self.typed(call):
            return f"{self.types[root]}{dot}{rest}"
        return operand

    def callee(self, operand: str, name: str, call: Any) -> str | None:
        """The package-level key a call may reach: `f` or `Type.m`."""
        if not operand:
            return name or None
        kind = self.types.get(operand, "")
        return f"{kind}.{name}" if kind and "." not in kind and self.typed(call) else None


def _acquire_shape(name: str, argc: int) -> bool:
    """redigo's Get() takes nothing; GetContext, Conn and Acquire take a context (which
    keeps accessors like `ws.Conn()` out); configured names take anything."""
    if name == "Get":
        return argc == 0
    if name in ("GetContext", "Conn", "Acquire"):
        return argc > 0
    return True


def _releases_of(variable: Any, release_calls: list[tuple[Any, Any, bool]], names: Any
                 ) -> list[tuple[Any, bool]]:
    """The (call, deferred) releases of the connection bound to variable: calls on the
    same variable (not one that shadows it) that the binding reaches (not a value
    assigned to it later)."""
    found = []
    for call, receiver, deferred in release_calls:
        if not names.same_variable(receiver, variable):
            continue
        reaching = names.reaching(receiver, call)
        if reaching is not None and reaching[0].start_byte == variable.start_byte:
            found.append((call, deferred))
    return found


def _analyze(fn: _Function, source: bytes, options: dict, names: Any) -> tuple[list, list, list]:
    """(acquisitions, held calls, returned acquisitions) of one function. A variable
    bound to a call of a same-package function and released here is held too, through
    that function (`c := s.conn(); defer c.Close()`): the package check keeps it when
    the function returns an acquisition (`return s.pool.Get()`)."""
    acquire, release = set(options["acquire-methods"]), set(options["release-methods"])
    release_calls: list[tuple[Any, Any, bool]] = []  # (call, its operand, deferred)
    for call, operand, name in fn.calls + fn.literal_calls:
        receiver = call.child_by_field_name("function").child_by_field_name("operand") \
            if name in release and operand else None
        if receiver is not None and receiver.type == "identifier":
            deferred = any(a.type == "defer_statement" for a in _until(call, fn.node))
            release_calls.append((call, receiver, deferred))
    releases: dict[tuple[int, int], list[tuple[Any, bool]]] = {}
    acquisitions, returned = [], []
    for call, operand, name in fn.calls:
        direct = name in acquire and operand and _acquire_shape(name, len(arguments(call)))
        if direct and _returned(call):
            returned.append((fn.pool_key(operand, call), operand, name, call.start_point[0] + 1))
            continue
        if not release_calls:
            continue  # nothing is released here, so nothing is held (most functions)
        via = "" if direct else fn.callee(operand, name, call)
        if not direct and via is None:
            continue
        bound = assigned_to(call)
        variable = bound[0] if bound is not None and bound[0].type == "identifier" else None
        mine = _releases_of(variable, release_calls, names) if variable is not None else []
        if not mine:
            continue
        releases[(call.start_byte, call.end_byte)] = mine
        acquisitions.append((call, variable, fn.pool_key(operand, call) if direct else "", operand, name, via))
    held_calls = []
    for call, operand, name in fn.calls if acquisitions else ():
        callee = fn.callee(operand, name, call)
        if callee is None:
            continue
        for acq, variable, pool, acquired_from, _, via in acquisitions:
            if call.start_byte <= acq.end_byte or not within(call, _statement(acq).parent):
                continue
            if _released_before(releases[(acq.start_byte, acq.end_byte)], acq, call):
                continue
            held_calls.append((callee, pool, acquired_from, acq.start_point[0] + 1, tuple(span_of(call)), via))
    acquired = [(pool, operand, name, call.start_point[0] + 1)
                for call, _, pool, operand, name, via in acquisitions if not via]
    return acquired, held_calls, returned


def _returned(call: Any) -> bool:
    """`return pool.Get()`, `return s.db.Conn(ctx)`: the call is a returned value."""
    parent = call.parent
    if parent is not None and parent.type == "expression_list":
        parent = parent.parent
    return parent is not None and parent.type == "return_statement"


def _until(node: Any, stop: Any) -> Iterator[Any]:
    for parent in ancestors(node):
        if parent == stop:
            return
        yield parent


def _released_before(releases: list[tuple[Any, bool]], acquisition: Any, call: Any) -> bool:
    """A non-deferred release between acquisition and call, in a block around call."""
    for release, deferred in releases:
        if deferred or not (acquisition.end_byte < release.start_byte < call.start_byte):
            continue
        if within(call, _statement(release).parent):
            return True
    return False


# The kind of each pattern of the rule's query, in query order: matches are routed
# by pattern index.
PATTERNS = ("call", "call", "func", "func", "literal")


def check(ctx: Context) -> Iterator[Report]:
    declarations, literals, calls = [], [], []
    for index, captures in ctx.matches:
        if PATTERNS[index] == "call":
            calls.append(captures["call"][0])
        elif PATTERNS[index] == "func":
            declarations.append(captures["func"][0])
        else:
            literals.append(captures["literal"][0])
    declarations.sort(key=lambda n: n.start_byte)
    starts = [d.start_byte for d in declarations]
    ends = [d.end_byte for d in declarations]
    literal_ranges: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for literal in literals:
        literal_ranges[bisect.bisect_right(starts, literal.start_byte) - 1].append(
            (literal.start_byte, literal.end_byte))
    functions: dict[int, _Function] = {}
    source = ctx.source
    for call in calls:  # every call of the file: the loop is kept plain
        at = call.start_byte
        index = bisect.bisect_right(starts, at) - 1
        if index < 0 or call.end_byte > ends[index]:
            continue  # a package-level var initialiser
        fn = functions.get(index)
        if fn is None:
            fn = functions[index] = _Function(declarations[index], source, ctx.names)
        ranges = literal_ranges.get(index)
        in_literal = ranges is not None and any(start <= at < end for start, end in ranges)
        (fn.literal_calls if in_literal else fn.calls).append((call, *call_name(call, source)))
    facts: dict[str, Any] = {}
    pooled = set(ctx.options["acquire-methods"]) | set(ctx.options["release-methods"])
    for fn in functions.values():
        # Nothing is acquired, released or returned from a pool without a call of one
        # of these names (most functions): then only the calls it makes are its facts.
        if any(name in pooled for _, _, name in fn.calls) or \
                any(name in pooled for _, _, name in fn.literal_calls):
            acquired, held, returned = _analyze(fn, ctx.source, ctx.options, ctx.names)
        else:
            acquired, held, returned = [], [], []
        callees = sorted({c for c in (fn.callee(o, n, c) for c, o, n in fn.calls) if c})
        if not (callees or acquired or held or returned):
            continue  # an entry with nothing in it is no entry to the package check
        entry = facts.setdefault(fn.key, {"acquires": [], "calls": [], "held": [], "returns": []})
        if held and test_code(fn.node, ctx.names, ctx.path):
            entry["test"] = True
        entry["acquires"] += acquired
        entry["calls"] = sorted(set(entry["calls"]) | set(callees))
        entry["held"] += held
        entry["returns"] += returned
    ctx.facts["functions"] = facts
    ctx.facts["package"] = ctx.names.package
    yield from ()


def _chain(start: str, pool: str, functions: dict[str, tuple[str, dict]],
           helpers: set[str]) -> list[str] | None:
    """The shortest call path from start to a function that acquires from pool, or to
    a helper (a function whose returned acquisition some caller holds and releases)
    that returns one from pool."""
    queue = deque([[start]])
    seen = {start}
    while queue:
        path = queue.popleft()
        entry = functions.get(path[-1])
        if entry is None:
            continue
        if _acquisition(entry[1], pool, path[-1] in helpers) is not None:
            return path
        for callee in entry[1]["calls"]:
            if callee not in seen:
                seen.add(callee)
                queue.append(path + [callee])
    return None


def _acquisition(entry: dict, pool: str, helper: bool) -> list | None:
    """(pool, operand, method, line) of the function's acquisition from pool, or of
    the one it returns when it is a helper."""
    found = [a for a in entry["acquires"] + (entry["returns"] if helper else []) if a[0] == pool]
    return found[0] if found else None


def package_check(facts_by_path: dict[str, Any], options: dict[str, Any]) -> Iterable[tuple[str, Report]]:
    for paths in package_groups(facts_by_path):
        functions: dict[str, tuple[str, dict]] = {}
        for path in paths:
            for key, entry in facts_by_path[path].get("functions", {}).items():
                if key in functions:  # the same name in files for other build tags
                    merged = functions[key][1]
                    entry = {**{k: merged.get(k, []) + entry.get(k, []) for k in ("acquires", "calls", "held", "returns")},
                             "test": merged.get("test", False) and entry.get("test", False)}
                # Facts cached by an earlier release may lack the helper fields.
                entry = {**entry, "returns": entry.get("returns", []),
                         "held": [(*h, "")[:6] for h in entry["held"]]}
                functions[key] = (path, entry)
        # Functions returning an acquisition that a caller binds and releases: they hand
        # out connections (sync.Pool getters and other accessors have no such caller).
        helpers = {held[5] for _, entry in functions.values() for held in entry["held"]
                   if held[5] and functions.get(held[5]) and functions[held[5]][1]["returns"]}
        for key in sorted(functions):
            path, entry = functions[key]
            seen = set()
            for callee, pool, operand, held_line, span, via in entry["held"]:
                span = tuple(span)  # facts are JSON: the span comes back as a list
                if via:  # held through a helper: its returned acquisition names the pool
                    if via not in helpers:
                        continue
                    pool, operand = functions[via][1]["returns"][0][:2]
                if (span, pool) in seen:
                    continue
                chain = _chain(callee, pool, functions, helpers)
                if chain is None:
                    continue
                seen.add((span, pool))
                where, inner = functions[chain[-1]]
                _, inner_operand, method, inner_line = _acquisition(inner, pool, chain[-1] in helpers)
                place = f"line {inner_line}" if where == path else f"{os.path.basename(where)}:{inner_line}"
                yield path, Report(Span(*span), _message(key, operand, held_line, chain,
                                                         f"{inner_operand}.{method}", place),
                                   confidence=Confidence.LOW if entry.get("test") else None)


def _message(holder: str, operand: str, held_line: int, chain: list[str], inner: str,
             place: str) -> str:
    """One sentence: who holds which connection, which call takes a second one where,
    and the fix. When that is too long, the parts go in this order: the middle of a long
    chain, the types of methods, the holder's name (the finding sits in it), the
    acquiring call, and the chain but its last step."""
    def shown(steps: list[str], short: bool) -> str:
        return " → ".join("…" if s == "…" else f"`{s.rsplit('.', 1)[-1] if short else s}`"
                          for s in steps)

    elided = chain[:1] + ["…"] + chain[-1:] if len(chain) > 2 else chain
    forms = [(f"`{holder}` holds", chain, False, True), (f"`{holder}` holds", elided, False, True),
             (f"`{holder}` holds", elided, True, True), ("holds", elided, True, True),
             ("holds", elided, True, False), ("holds", chain[-1:], True, False)]
    candidates = [
        f"{who} a connection from `{operand}` (line {held_line}) while {shown(steps, short)} "
        f"takes another ({f'`{inner}`, ' if detail else ''}{place}); pass it down or release it first"
        for who, steps, short, detail in forms]
    return shortest_fitting(*candidates)


# A call of a default acquire method in the shape the check takes (`_acquire_shape`):
# `Get()`, `GetContext(`, `Conn(` or `Acquire(` with an argument; spaces and comments
# may come between the tokens.
_SPACE = rb"(?:\s|/\*.*?\*/|//[^\n]*)*"
_ACQUISITION = re.compile(rb"\bGet" + _SPACE + rb"\(" + _SPACE + rb"\)"
                          rb"|\b(?:GetContext|Conn|Acquire)" + _SPACE + rb"\((?!" + _SPACE + rb"\))", re.S)
# The words each of its matches starts with.
_STARTS = (b"Get", b"Conn", b"Acquire")


def _pool_in_package(path: str, source: bytes) -> bool:
    """Whether the file or another file of its package calls an acquire method: every
    finding ends at an acquisition of the package (its package check chains calls to
    one), so without any, no file's facts can count (the rule's package requirement)."""
    return package_holds(path, source, _ACQUISITION, _STARTS)


RULE = Rule(
    code="GL007",
    name="nested-pool-acquire",
    severity=Severity.ERROR,
    confidence=Confidence.MEDIUM,
    check=check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    triggers=(b"Get()", b"GetContext(", b"Conn(", b"Acquire(", b"Release()"),
    package_requires=_pool_in_package,
    options={"acquire-methods": ACQUIRE_METHODS, "release-methods": RELEASE_METHODS},
    package_check=package_check,
    # A holder in a `_test.go` file is of low confidence (test code), and a `_test.go`
    # file's facts serve only such holders: the package's own code cannot call what its
    # test files declare.
    tests_shown=lambda source: False,
    tags=("deadlock", "goroutine-leak", "connection-pool"),
    outside=(),
)
