"""Is a resource acquired in a function released on every path out of it, or handed on?

The shared analysis behind GL001 (rows), GL008 (response bodies), GL009 (cancel funcs)
and GL010 (tickers). A rule names the acquisition (the statement binding the resource to
a variable) and describes what releases it (`Release`); `analyze` answers with an
`Outcome`: how the resource escapes (returned, passed on, stored, captured), or else a
`Verdict` listing the exits of the function and whether the resource is still live at
each. None means the code is beyond this model (goto, a variable of an enclosing
function, a named result), and rules stay silent.

The model is intra-procedural and small. A flow over the statements of the enclosing
function (sequence, if/else, for with break/continue and labels, switch and select cases,
return, defer, terminating calls such as panic and t.Fatal) tracks one value:

    UNREACHABLE < NIL < HANDED < RELEASED < LIVE

NIL means there is nothing to release yet (before the acquisition, or in the branch
of `if err != nil` / `if v == nil` where the resource is nil). A join takes the maximum,
so LIVE means "unreleased on some path". A `defer` that releases makes the rest of the
function RELEASED. Function literals are separate functions: a variable they capture
escapes, except in a deferred closure, which counts as a release when it releases.
Names are resolved through Go's block scopes, so a shadowing `:=` or parameter is a
different variable.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterator

from goleaklint.analysis import ownership
from goleaklint.analysis.cfg import cfg_of, never_returning_statement, nil_operand
from goleaklint.analysis.names import declaration_of, names_for
from goleaklint.analysis.ownership import ownership_of, reads_only, returned_stream
from goleaklint.fixes import in_loop
from goleaklint.model import MESSAGE_LIMIT
from goleaklint.parsing import FIELD
from goleaklint.syntax import (
    FUNCTION_TYPES,
    ancestors,
    arguments,
    bound_identifier,
    call_name,
    descendants,
    enclosing_function,
    generic_call,
    next_statement,
    per_file,
    root_of,
    statements,
    text,
    walk,
    within,
)

# HANDED: passed on to an owner elsewhere on this path (returned, stored, handed to a
# call that may keep it): no longer this function's to release, but not released.
UNREACHABLE, NIL, HANDED, RELEASED, LIVE = -1, 0, 1, 2, 3



@dataclass(frozen=True)
class Release:
    """What releases the resource held by a variable `v`, and what merely borrows it.

    methods:  `v.Close()`; with `through` set, `v.Body.Close()`.
    through:  a field of v that holds the closable part (`Body` of an http.Response).
    call:     calling v itself releases it (`cancel()`).
    receive:  receiving from `v.C` releases it (a fired time.Timer needs no Stop).
    borrowing: calls (`pkg.Func` or `Func`) that read an argument without taking it
              over, so passing the resource to them is not an escape.
    exhausting: a method whose false result releases: leaving `for v.Next() {}` through
              its condition, and the branch of `if v.Next()` / `if !v.Next()` where it
              returned false (sql.Rows closes itself when Next returns false).
    exhausting_too: further methods whose false result releases like exhausting's
              (`NextResultSet`); also through a local bool that only they and `true` set:
              `for more { ...; more = v.NextResultSet() }` ends where the last returned false.
    done_of:  contexts (source text) whose `<-ctx.Done()` means the resource is released
              (a derived context is cancelled with its parent).
    torn_down_by: contexts (source text) whose being done releases it: `<-ctx.Done()`, and
              the branch where `ctx.Err() != nil` holds (net/http tears a response down
              with its request's context).
    endless_range: a channel field of v that is never closed, so `for range v.C` ends
              only through break or return (a ticker's C).
    drains:   library calls (import path, name) that read `v.<through>` to its end
              (`io.ReadAll(resp.Body)`); counted as releases only where asked.
    drain_helpers: (name, index) of functions of the file that read their parameter at
              index to its end (`parse(resp.Body)`), counted as drains.
    cancels:  names of functions whose call releases it, also when deferred before the
              acquisition (a cancel func of the context its request was made with).
    empty_when: (field, values): in the branch where `v.field == value` holds there is
              nothing to release (`resp.StatusCode == http.StatusNotModified`: no body).
    failing:  methods that release v when they return an error: the branch of `if err :=
              v.Scan(...); err != nil` (or of the `if` right after `err = v.Scan(...)`,
              `vals, err := v.Values()`: the error is the last result) where the error is
              set (pgx's rows close themselves when Scan or Values fails).
    erred:    a method whose error says v is released already: the branch where `v.Err()
              != nil` (also through `if err := v.Err(); err != nil`) holds (rows record
              an error only when Next returned false or they were closed).
    partly:   a function of the package that releases v on some paths and leaves it
              open on one returning an error (ownership.PARTLY) releases it too: asked
              where the function goes on past that error (what it returns after
              `out, err := decode(resp); if err != nil { return nil, err }`).
    """

    methods: tuple[str, ...] = ()
    through: str = ""
    call: bool = False
    receive: bool = False
    borrowing: frozenset[str] = frozenset()
    exhausting: str = ""
    exhausting_too: tuple[str, ...] = ()
    done_of: tuple[str, ...] = ()
    torn_down_by: tuple[str, ...] = ()
    endless_range: str = ""
    drains: frozenset[tuple[str, str]] = frozenset()
    drain_helpers: frozenset[tuple[str, int]] = frozenset()
    cancels: tuple[str, ...] = ()
    empty_when: tuple[str, frozenset[str]] | None = None
    failing: tuple[str, ...] = ()
    erred: str = ""
    partly: bool = False


@dataclass(frozen=True)
class Exit:
    """A way out of the resource's reach: a return, the function's end, leaving the
    block that declares the variable, a loop jump out of that block, or a reassignment."""

    kind: str  # "return", "end", "scope", "break", "continue", "reassign", "reacquire"
    node: Any
    state: int
    at: tuple[int, int] = field(default=(0, 0), compare=False)  # (block, step) in the graph

    @property
    def line(self) -> int:
        if self.kind in ("end", "scope"):
            return self.node.end_point[0] + 1
        return self.node.start_point[0] + 1

    def describe(self) -> str:
        line = self.line
        if self.kind == "return":
            where = "the loop" if in_loop(self.node) else "the function"
            return f"{where} returns at line {line}"
        if self.kind == "end":
            return f"the function ends at line {line}"
        if self.kind == "scope":
            if self.node.parent is not None and self.node.parent.type == "for_statement":
                return f"the loop iteration ends at line {line}"
            return f"its block ends at line {line}"
        if self.kind == "continue":
            return f"the loop continues at line {line}"
        if self.kind == "break":
            return f"it breaks out at line {line}"
        if self.kind == "reassign":
            return f"it is reassigned at line {line}"
        return f"it is acquired again at line {line}"


class Verdict:
    """The exits of the function and the resource's state at each. The flow lists the
    exits it ran through (`explicit`); past the resource's last use it stops and leaves
    `tails`, whose exits are listed only when asked for, so that a verdict costs the
    size of the resource's uses, not of the function (`leaking`, `released_somewhere`,
    `handed_somewhere` and `leak_kinds` do not list them)."""

    def __init__(self, exits: list[Exit] | None = None, final: tuple | None = None,
                 seen_released: bool = False, seen_handed: bool = False,
                 tails: "_Tails | None" = None, exhausted: bool = False,
                 released_explicitly: bool = False,
                 live_steps: "list[Any] | Callable[[], list[Any]] | None" = None) -> None:
        self.explicit = list(exits or ())
        # The way the function normally finishes: its last top-level statement (a
        # return) or its end. Released there means "closed on the happy path".
        self.final = final
        # Released, or handed on, on some path that later joins a leaking one.
        self.seen_released = seen_released
        self.seen_handed = seen_handed
        self.tails = tails
        # Whether the exhausting method released it on some path (`for rows.Next()` ran
        # out), and whether the code releases it itself anywhere (a call or a defer).
        self.exhausted = exhausted
        self.released_explicitly = released_explicitly
        # The code the flow ran while it was live (not deferred-released): what a panic
        # there would leave open.
        self._live_steps = live_steps
        self._exits: list[Exit] | None = None
        self._leaks: list[Exit] | None = None

    @property
    def exits(self) -> list[Exit]:
        """Every exit, in the order of the flow's blocks."""
        if self._exits is None:
            self._exits = self.explicit if self.tails is None else \
                sorted(self.explicit + self.tails.exits(), key=lambda e: e.at)
        return self._exits

    @property
    def live_steps(self) -> list[Any]:
        """The code the flow ran while the resource was live (not deferred-released):
        what a panic there would leave open. Listed when asked for."""
        if callable(self._live_steps):
            self._live_steps = self._live_steps()
        return list(self._live_steps or ())

    @property
    def leaks(self) -> list[Exit]:
        if self._leaks is None:
            found = [e for e in self.explicit if e.state == LIVE]
            if self.tails is not None:
                found = sorted(found + self.tails.exits(LIVE), key=lambda e: e.at)
            self._leaks = sorted(found, key=lambda e: e.line)
        return self._leaks

    def _has(self, state: int) -> bool:
        return any(e.state == state for e in self.explicit) or \
            (self.tails is not None and self.tails.has(state))

    @property
    def leaking(self) -> bool:
        """Whether leaks is not empty."""
        return self._has(LIVE)

    @property
    def leak_kinds(self) -> set[str]:
        """The kinds of the leaking exits."""
        kinds = {e.kind for e in self.explicit if e.state == LIVE}
        return kinds | self.tails.kinds(LIVE) if self.tails is not None else kinds

    @property
    def released_somewhere(self) -> bool:
        return self.seen_released or self._has(RELEASED)

    @property
    def handed_somewhere(self) -> bool:
        return self.seen_handed or self._has(HANDED)

    def summary(self, verb: str, brief: bool = False, stopping: str = "", exhausting: str = "") -> str:
        """"never closed" / "closed on the happy path but not when the loop returns at
        line 12"; empty when nothing leaks. brief names only the first leaking exit
        ("... at line 12 and 3 other exits"), for messages that must stay short.
        stopping: the call (`t.Fatal`) before which the function releases it, on paths
        that never reach an exit (`stmt.Close(); t.Fatal(err)`), where "never" would be
        false. exhausting: how the exhausting method releases it ("rows.Next() returns
        false"), for "closed only when ..." when nothing else does."""
        if not self.leaking:
            return ""
        if exhausting and self.exhausted and not self.released_explicitly and not self.handed_somewhere:
            leaks = self.leaks
            paths = _paths(leaks[:1]) + _more(len(leaks) - 1) if brief else _paths(leaks)
            return f"{verb} only when {exhausting}, not when {paths}"
        if not self.released_somewhere and not self.handed_somewhere and \
                self.leak_kinds <= {"end", "return", "scope"} and not stopping:
            return f"never {verb}"
        leaks = self.leaks
        paths = _paths(leaks[:1]) + _more(len(leaks) - 1) if brief else _paths(leaks)
        if not self.released_somewhere and not self.handed_somewhere and \
                self.leak_kinds <= {"end", "return", "scope"}:
            return f"{verb} only before {stopping}, not when {paths}"
        if not self.released_somewhere:
            return f"not {verb} when {paths}"
        happy = any(e.state == RELEASED and (e.kind == "end" or _key(e.node) == self.final)
                    for e in self.explicit) or \
            (self.tails is not None and RELEASED in (self.tails.state_at("end"), self.tails.state_at("final")))
        where = "on the happy path" if happy else "on some paths"
        return f"{verb} {where} but not when {paths}"


def _more(count: int) -> str:
    return f" and {count} other exit{'s' if count > 1 else ''}" if count else ""


def _paths(leaks: list[Exit]) -> str:
    """"the loop returns at line 12 or 15 or when the function ends at line 20"."""
    grouped: dict[str, list[int]] = {}
    for e in leaks:
        grouped.setdefault(e.describe().rsplit(" ", 1)[0], []).append(e.line)
    parts = [f"{what} {' or '.join(str(n) for n in lines[:3])}" + (" ..." if len(lines) > 3 else "")
             for what, lines in grouped.items()]
    return " or when ".join(parts)


# --- helpers ------------------------------------------------------------------------


def _key(node: Any) -> tuple[int, int, str]:
    return node.start_byte, node.end_byte, node.type


def _strip(node: Any) -> Any:
    while node is not None and node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node


def _switched_on(ident: Any) -> Any | None:
    """The `switch v.F {` whose tag is a field of the identifier v, or None."""
    node = ident.parent
    while node is not None and node.type == "parenthesized_expression":
        node = node.parent
    if node is None or node.type != "selector_expression" or \
            _key(_strip(node.child_by_field_name("operand"))) != _key(ident):
        return None
    while node.parent is not None and node.parent.type == "parenthesized_expression":
        node = node.parent
    switch = node.parent
    if switch is not None and switch.type == "expression_switch_statement" and \
            _key(switch.child_by_field_name("value")) == _key(node):
        return switch
    return None


# --- where names occur: each function is walked once, not once per resource ------------


@dataclass
class _Occurrences:
    """The identifiers of one function (function literals included), by name, in source
    order; the receives `<-X.Done()` by the text of X; and the function's own steps by
    the byte range they cover, so that a resource's flow runs only the steps that
    mention it."""

    nodes: dict[str, list[Any]]
    starts: dict[str, list[int]]
    done: dict[str, list[int]]
    step_starts: list[int]
    step_ends: list[int]
    step_at: list[tuple[int, int]]  # (block, position) of each ranged step
    structural: dict[int, list[int]]  # block -> positions of return/jump/leave/noreturn steps
    switches: list[Any]  # `switch {` statements without a tag, outside function literals
    switch_starts: list[int]
    errs: dict[str, list[int]] = field(default_factory=dict)  # the calls `X.Err()` by the text of X
    resolved: dict[str, dict[tuple, list[Any]]] = field(default_factory=dict)

    def of(self, var: "_Variable") -> list[Any]:
        """The identifiers naming var's variable, in source order: the identifiers of
        its name are resolved once per function, not once per variable of that name."""
        groups = self.resolved.get(var.name)
        if groups is None:
            groups = self.resolved[var.name] = {}
            for node in self.nodes.get(var.name, ()):
                decl = declaration_of(node, var.source)
                if decl is not None:
                    groups.setdefault(_key(decl), []).append(node)
        return groups.get(_key(var.decl), [])

    def within(self, name: str, start: int, end: int) -> list[Any]:
        """The identifiers named `name` starting in [start, end)."""
        starts = self.starts.get(name)
        if not starts:
            return []
        return self.nodes[name][bisect_left(starts, start):bisect_left(starts, end)]

    def steps_at(self, positions: list[int], into: dict[int, set[int]]) -> None:
        """Adds to `into` (block -> positions) the steps whose range holds a position."""
        for position in positions:
            at = bisect_right(self.step_starts, position) - 1
            if at >= 0 and position < self.step_ends[at]:
                block, i = self.step_at[at]
                into.setdefault(block, set()).add(i)


_STRUCTURAL = ("return", "jump", "leave", "noreturn")


@per_file
def _occurrences(func: Any, source: bytes) -> _Occurrences:
    nodes: dict[str, list[Any]] = {}
    done: dict[str, list[int]] = {}
    errs: dict[str, list[int]] = {}
    for node in descendants(func, ("identifier", "unary_expression", "call_expression")):
        if node.type == "identifier":
            nodes.setdefault(text(source, node), []).append(node)
        elif node.type == "call_expression":
            if not _has_arguments(node):
                receiver, method = call_name(node, source)
                if method == "Err" and receiver:  # `ctx.Err() != nil`: tested where ctx is done
                    errs.setdefault(receiver, []).append(node.start_byte)
        elif node.type == "unary_expression":
            operator = node.child_by_field_id(FIELD.operator)
            operand = _strip(node.child_by_field_id(FIELD.operand))
            if operator is not None and operator.type == "<-" and operand is not None \
                    and operand.type == "call_expression" and not _has_arguments(operand):
                receiver, method = call_name(operand, source)
                if method == "Done":
                    done.setdefault(receiver, []).append(node.start_byte)
    ranged: list[tuple[int, int, int, int]] = []
    structural: dict[int, list[int]] = {}
    for block in cfg_of(func, source).blocks:
        for i, step in enumerate(block.steps):
            if step.kind in _STRUCTURAL:
                structural.setdefault(block.index, []).append(i)
            own = step.node.child_by_field_id(FIELD.value) if step.kind == "case" else step.node
            if own is not None and step.kind not in ("leave", "jump", "noreturn"):
                ranged.append((own.start_byte, own.end_byte, block.index, i))
    ranged.sort()
    body = func.child_by_field_id(FIELD.body)
    switches = [node for node in descendants(body, ("expression_switch_statement",), into_functions=False)
                if node.child_by_field_id(FIELD.value) is None] \
        if body is not None else []
    return _Occurrences(nodes, {name: [n.start_byte for n in found] for name, found in nodes.items()},
                        done, [r[0] for r in ranged], [r[1] for r in ranged],
                        [(r[2], r[3]) for r in ranged], structural, switches,
                        [node.start_byte for node in switches], errs)


@dataclass
class _Shape:
    """Where control goes in one function, shared by the flows of all its resources: the
    exits (returns and the end) of each block, the blocks from which each kind of exit
    can be reached, and the blocks the entry reaches."""

    graph: Any
    exits_in: dict[int, list[tuple[int, str, Any]]]  # block -> (step, kind, node)
    reaching: dict[str, set[int]]  # "return", "end", "final", "exit" -> blocks
    live: set[int]
    broken: bool  # a jump with no target that the entry reaches: broken code


@per_file
def _shape(func: Any, source: bytes) -> _Shape:
    graph = cfg_of(func, source)
    body = func.child_by_field_name("body")
    holder = next((c for c in body.named_children if c.type == "statement_list"), body)
    final = _top_level(func, source)[0]
    exits_in: dict[int, list[tuple[int, str, Any]]] = {}
    found: dict[str, list[int]] = {"return": [], "end": [], "final": []}
    for block, i, step in graph.steps():
        if step.kind == "return":
            exits_in.setdefault(block.index, []).append((i, "return", step.node))
            found["return"].append(block.index)
            if _key(step.node) == final:
                found["final"].append(block.index)
        elif step.kind == "leave" and _key(step.node) == _key(holder):
            exits_in.setdefault(block.index, []).append((i, "end", body))
            found["end"].append(block.index)
    reaching = {kind: graph.reaching(blocks) for kind, blocks in found.items()}
    reaching["exit"] = reaching["return"] | reaching["end"]
    live = graph.reachable([graph.entry])
    broken = any(step.kind == "jump" and step.target is None
                 for block, _, step in graph.steps() if block.index in live)
    return _Shape(graph, exits_in, reaching, live, broken)


class _Tails:
    """Where a resource's flow stopped following it: blocks from which no step that
    could change its state (a use of the variable, one of its releases, the end of its
    scope) can be reached, with the state it enters them in. Every exit reachable from
    such a block gets that state (the highest, where several reach it); they are listed
    only when asked for."""

    def __init__(self, states: dict[int, int], shape: _Shape) -> None:
        self.states = states
        self.shape = shape

    def same(self, other: "_Tails | None") -> bool:
        return other is not None and other.shape is self.shape and other.states == self.states

    def state_at(self, kind: str) -> int:
        """The state of the exit of a kind ("end", "final") that the tails reach."""
        reaching = self.shape.reaching[kind]
        return max((s for b, s in self.states.items() if b in reaching), default=UNREACHABLE)

    def kinds(self, state: int) -> set[str]:
        """The kinds of the exits reached in `state` (LIVE, the highest)."""
        return {kind for kind in ("return", "end") if any(
            s == state and b in self.shape.reaching[kind] for b, s in self.states.items())}

    def has(self, state: int) -> bool:
        """Whether some exit is reached in `state` (and in no higher one)."""
        reaching = self.shape.reaching["exit"]
        if not any(s == state and b in reaching for b, s in self.states.items()):
            return False
        if all(s <= state for s in self.states.values()):
            return True
        return any(e.state == state for e in self.exits())

    def exits(self, least: int = NIL) -> list[Exit]:
        """The exits reached in `least` or higher, with their state. Each block is
        walked once: from the tails in decreasing state, a block already reached by a
        higher one keeps its state, and so do the blocks after it."""
        blocks = self.shape.graph.blocks
        reached: dict[int, int] = {}
        for start, state in sorted(self.states.items(), key=lambda t: -t[1]):
            if state < least:
                break
            todo = [start]
            while todo:
                index = todo.pop()
                if index not in reached:
                    reached[index] = state
                    todo.extend(e.to for e in blocks[index].edges)
        return [Exit(kind, node, reached[index], (index, i))
                for index in sorted(reached) for i, kind, node in self.shape.exits_in.get(index, ())
                if reached[index] > NIL]


_FIRST_NAME = re.compile(r"\w+")


# --- the tracked variable -----------------------------------------------------------


class _Variable:
    """The variable bound at the acquisition, with memoized name resolution."""

    def __init__(self, ident: Any, decl: Any, source: bytes) -> None:
        self.name = text(source, ident)
        self.decl = decl
        self.source = source
        self._cache: dict[int, bool] = {}
        # Names bound to v.C (`timeout = t.C`): receiving from them receives from v.C.
        self.channels: set[str] = set()

    def is_(self, node: Any | None) -> bool:
        node = _strip(node)
        if node is None or node.type != "identifier" or text(self.source, node) != self.name:
            return False
        if node.start_byte not in self._cache:
            decl = declaration_of(node, self.source)
            self._cache[node.start_byte] = decl is not None and _key(decl) == _key(self.decl)
        return self._cache[node.start_byte]


def releases(node: Any, var: _Variable, release: Release, helpers: bool = True) -> bool:
    """Whether node (a call or a receive) releases var's resource; with helpers, a call
    of a same-file function that releases its parameter counts."""
    if node.type == "type_conversion_expression":
        return helpers and generic_call(node) is not None and _helper_releases(node, var, release)
    if node.type == "call_expression":
        function = _strip(node.child_by_field_id(FIELD.function))
        if function is None:
            return False
        if release.call and var.is_(function):
            return True
        if release.cancels and function.type == "identifier" and \
                text(var.source, function) in release.cancels:
            return True
        if function.type == "identifier" and not var.is_(function):
            literal = _bound_literal(function, var.source)
            if literal is not None and _closure_releases(literal, var, release):
                return True  # `closeIt := func() { resp.Body.Close() }; defer closeIt()`
        if helpers and _helper_releases(node, var, release):
            return True
        if release.methods and any(_method_value(a, var, release) for a in arguments(node)):
            return True  # `defer logger.WarnOnError(resp.Body.Close, "...")`: the callee calls it
        if release.drains and any(_is_through(a, var, release) or (not release.through and var.is_(a))
                                  for a in arguments(node)) and \
                names_for(var.source, node).qualified(function) in release.drains:
            return True
        if release.drain_helpers and function.type == "identifier" and any(
                (text(var.source, function), i) in release.drain_helpers
                for i, a in enumerate(arguments(node)) if _is_through(a, var, release)):
            return True
        if function.type == "selector_expression" and release.methods:
            field_node = function.child_by_field_id(FIELD.field)
            if field_node is None or text(var.source, field_node) not in release.methods:
                return False
            operand = _strip(function.child_by_field_id(FIELD.operand))
            if release.through:
                return (operand is not None and operand.type == "selector_expression"
                        and text(var.source, operand.child_by_field_id(FIELD.field)) == release.through
                        and var.is_(operand.child_by_field_id(FIELD.operand)))
            return var.is_(operand)
    if node.type == "unary_expression" and (release.done_of or release.torn_down_by):
        operator = node.child_by_field_id(FIELD.operator)
        operand = _strip(node.child_by_field_id(FIELD.operand))
        if operator is not None and operator.type == "<-" and operand is not None \
                and operand.type == "call_expression" and not _has_arguments(operand):
            receiver, method = call_name(operand, var.source)
            if method == "Done" and (receiver in release.done_of or receiver in release.torn_down_by):
                return True
    if node.type == "unary_expression" and release.receive:
        operator = node.child_by_field_id(FIELD.operator)
        operand = _strip(node.child_by_field_id(FIELD.operand))
        if operator is None or operator.type != "<-" or operand is None:
            return False
        if operand.type == "identifier" and text(var.source, operand) in var.channels:
            return True
        return (operand.type == "selector_expression"
                and text(var.source, operand.child_by_field_id(FIELD.field)) == "C"
                and var.is_(operand.child_by_field_id(FIELD.operand)))
    return False


def _helper_releases(call: Any, var: _Variable, release: Release) -> bool:
    """`closeRows(rows)`, `closeBody(resp.Body)`, `closeAll[T](rows)`: a same-file
    function that releases its parameter."""
    args = arguments(call)
    index = next((i for i, a in enumerate(args) if var.is_(a) or _is_through(a, var, release)), None)
    effect = callee_effect(call, index, var.source) if index is not None else None
    return effect == ownership.RELEASES or release.partly and effect == ownership.PARTLY


def _method_value(node: Any, var: _Variable, release: Release) -> bool:
    """Whether node is a release method of var taken as a value, not called
    (`resp.Body.Close`, `rows.Close`): the call it is handed to releases var with it."""
    node = _strip(node)
    if node is None or node.type != "selector_expression" or \
            text(var.source, node.child_by_field_id(FIELD.field)) not in release.methods:
        return False
    operand = _strip(node.child_by_field_id(FIELD.operand))
    return _is_through(operand, var, release) if release.through else var.is_(operand)


def _is_through(node: Any, var: _Variable, release: Release) -> bool:
    """Whether node is `v.<through>` (`resp.Body`)."""
    node = _strip(node)
    return bool(release.through) and node is not None and node.type == "selector_expression" \
        and text(var.source, node.child_by_field_id(FIELD.field)) == release.through \
        and var.is_(node.child_by_field_id(FIELD.operand))


def callee_effect(call: Any, index: int, source: bytes) -> str | None:
    """What the same-package function called (or a function literal called on the
    spot) does with its index-th argument (ownership.READS, RELEASES, ...); None when
    the call reaches no function of the package."""
    owners = ownership_of(root_of(call), source)
    function = _strip(call.child_by_field_name("function"))
    if function is not None and function.type == "func_literal":
        return owners.literal_effect(function, index, _parameter_uses)
    key = owners.callee(call)
    return None if key is None else owners.effect(key, index, _parameter_uses)


def _has_arguments(call: Any) -> bool:
    args = call.child_by_field_name("arguments")
    return args is not None and args.named_child_count > 0


_busy_literals: set[tuple] = set()


def _closure_releases(func_literal: Any, var: _Variable, release: Release) -> bool:
    key = _key(func_literal)
    if key in _busy_literals:
        return False  # a closure reaching itself through its variable
    _busy_literals.add(key)
    try:
        return any(releases(n, var, release) for n in walk(func_literal))
    finally:
        _busy_literals.discard(key)


def _bound_literal(ident: Any, source: bytes) -> Any | None:
    """The function literal a local variable is bound to where it is declared
    (`closeIt := func() {...}`), or None."""
    decl = declaration_of(ident, source)
    holder = decl.parent if decl is not None else None
    if holder is None or holder.type != "expression_list" or holder.parent is None or \
            holder.parent.type != "short_var_declaration":
        return None
    right = holder.parent.child_by_field_name("right")
    targets, values = holder.named_children, right.named_children if right is not None else []
    if len(targets) != len(values):
        return None
    value = _strip(values[next(i for i, t in enumerate(targets) if _key(t) == _key(decl))])
    return value if value is not None and value.type == "func_literal" else None


def _literal_fate(literal: Any, func: Any, source: bytes) -> str | None:
    """What becomes of a function literal in func: "called" when it runs right there
    (deferred, or called on the spot), "dropped" when nothing can run it (`_ =
    func() {...}`, or a variable never used), "local" when it is bound to a variable
    that is only ever called (`f()`, `defer f()`, `go f()`: those calls count where
    they are); None when it goes anywhere else (it may run at any time, or never)."""
    call = literal.parent
    if call is not None and call.type == "call_expression" and \
            _key(call.child_by_field_name("function")) == _key(literal):
        deferred = call.parent is not None and call.parent.type == "defer_statement"
        return "called" if deferred and _key(enclosing_function(literal)) == _key(func) else None
    statement, target = _assigned_to(literal)
    if statement is None or target is None or _key(enclosing_function(statement)) != _key(func):
        return None
    if text(source, target) == "_":
        return "dropped"
    if statement.type != "short_var_declaration":
        return None  # `f = func() {...}`: f may be read elsewhere before or after
    uses = [u for u in names_for(source, target).uses(target, func)
            if _key(u) != _key(target) and not _blank_assigned(u, source)]
    for use in uses:
        parent = use.parent
        if parent is None or parent.type != "call_expression" or \
                _key(parent.child_by_field_name("function")) != _key(use) or \
                _key(enclosing_function(use)) != _key(func):
            return None  # handed on, or called from a goroutine or callback
    return "local" if uses else "dropped"


def _blank_assigned(node: Any, source: bytes) -> bool:
    """`_ = closeIt`: a value assigned to the blank identifier, which is not a use."""
    holder = node.parent
    statement = holder.parent if holder is not None and holder.type == "expression_list" else None
    if statement is None or statement.type != "assignment_statement" or \
            _key(statement.child_by_field_name("right")) != _key(holder):
        return False
    targets = left_names(statement)
    values = holder.named_children
    return len(targets) == len(values) and \
        text(source, targets[[_key(v) for v in values].index(_key(node))]) == "_"


def _assigned_to(literal: Any) -> tuple[Any, Any] | tuple[None, None]:
    """(statement, identifier) when the function literal is the value assigned to an
    identifier by a `:=` or `=`."""
    holder = literal.parent
    while holder is not None and holder.type == "parenthesized_expression":
        holder = holder.parent
    statement = holder.parent if holder is not None and holder.type == "expression_list" else None
    if statement is None or statement.type not in ("assignment_statement", "short_var_declaration") \
            or _key(statement.child_by_field_name("right")) != _key(holder):
        return None, None
    left = statement.child_by_field_name("left")
    targets, values = left.named_children if left is not None else [], holder.named_children
    if len(targets) != len(values):
        return None, None
    target = targets[next(i for i, v in enumerate(values) if _key(v) == _key(_outer(literal, holder)))]
    return (statement, target) if target.type == "identifier" else (None, None)


@per_file
def _closure_names(func: Any, source: bytes, decl: Any) -> frozenset[str]:
    """The names of the variables bound to function literals that mention the variable
    decl declares (`closeIt := func() { resp.Body.Close() }`): their calls may release it."""
    found = set()
    for node in _occurrences(func, source).of(_Variable(decl, decl, source)):
        for parent in _ancestors_until(node, func):
            if parent.type == "func_literal":
                target = _assigned_to(parent)[1]
                if target is not None:
                    found.add(text(source, target))
    found.discard("_")
    return frozenset(found)


@per_file
def _variable_steps(func: Any, source: bytes, decl: Any) -> tuple[dict[int, frozenset[int]], int]:
    """(block -> positions of the steps that mention the variable decl declares, the
    start of the last such step), once per variable, not once per acquisition of it."""
    occurrences = _occurrences(func, source)
    found: dict[int, set[int]] = {}
    occurrences.steps_at([n.start_byte for n in occurrences.of(_Variable(decl, decl, source))], found)
    blocks = cfg_of(func, source).blocks
    last = max((blocks[b].steps[i].node.start_byte for b, positions in found.items() for i in positions),
               default=-1)
    return {block: frozenset(positions) for block, positions in found.items()}, last


@per_file
def _failure_checks(func: Any, source: bytes, decl: Any, method: str) -> list[int]:
    """The starts of the conditions of the `if` statements that test an error bound to
    `v.method(...)` (v the variable decl declares): in the if's initializer or in the
    statement right before it."""
    found = []
    for use in _occurrences(func, source).of(_Variable(decl, decl, source)):
        selector = use.parent
        call = selector.parent if selector is not None and selector.type == "selector_expression" else None
        if call is None or call.type != "call_expression" or \
                text(source, selector.child_by_field_name("field")) != method:
            continue
        binding = call.parent.parent if call.parent is not None and call.parent.type == "expression_list" else None
        if binding is None or binding.type not in ("assignment_statement", "short_var_declaration"):
            continue
        test = binding.parent if binding.parent is not None and binding.parent.type == "if_statement" and \
            binding.parent.child_by_field_name("initializer") == binding else binding.next_named_sibling
        condition = test.child_by_field_name("condition") if test is not None and test.type == "if_statement" else None
        if condition is not None:
            found.append(condition.start_byte)
    return found


@per_file
def _switched_values(func: Any, source: bytes, decl: Any) -> list[int]:
    """The starts of the case values of every `switch v.F {` on the variable decl declares."""
    found = []
    for use in _occurrences(func, source).of(_Variable(decl, decl, source)):
        switch = _switched_on(use)
        if switch is not None:
            found.extend(c.child_by_field_name("value").start_byte for c in switch.named_children
                         if c.type == "expression_case" and c.child_by_field_name("value"))
    return found


def _outer(node: Any, holder: Any) -> Any:
    """node's ancestor (or itself) that is a direct child of holder."""
    while node.parent is not None and _key(node.parent) != _key(holder):
        node = node.parent
    return node


# --- escapes -------------------------------------------------------------------------


def escape(func: Any, acquisition: Any, var: _Variable, release: Release) -> tuple[str, Any] | None:
    """(why, node) for the first use through which the resource leaves the function's
    hands after the acquisition: returned, passed to a call that may keep it, assigned
    or sent somewhere, or captured by a closure that is not a deferred one. None when
    it stays local."""
    return next(iter(escapes(func, acquisition, var, release)), None)


def escapes(func: Any, acquisition: Any, var: _Variable, release: Release) -> list[tuple[str, Any]]:
    """Every such use, in source order (from the start of the outermost loop around
    the acquisition: an earlier use in the loop body hands on the previous value)."""
    loop = _outermost_loop(acquisition, func)
    start = loop.start_byte if loop is not None else acquisition.end_byte
    body = func.child_by_field_name("body")
    if body is None:
        return []
    starts, found = _variable_escapes(func, var.source, var.decl, release)
    return [(why, node) for why, node in found[bisect_left(starts, start):bisect_left(starts, body.end_byte)]
            if not (node.start_byte >= acquisition.start_byte and node.end_byte <= acquisition.end_byte)]


@per_file
def _variable_escapes(func: Any, source: bytes, decl: Any, release: Release) -> tuple[list[int], list]:
    """(starts, [(why, use)]): every use of the variable decl declares that hands it
    on, once per variable (its acquisitions take the part after them)."""
    var = _Variable(decl, decl, source)
    found = [(why, node) for node in _occurrences(func, source).of(var)
             if (why := _escapes_through(node, func, var, release)) is not None]
    return [node.start_byte for _, node in found], found


# Releases and hand-offs a same-file helper may make of a parameter, whatever resource it
# holds: closing or stopping it (or its Body), calling it (a cancel func), or reading
# rows in a `for v.Next()` loop, which closes them at its end (`if v.Next()` reads one
# row and leaves the rest open).
_ANY_RELEASE = Release(methods=("Close", "Stop"), call=True)
_ANY_EXHAUSTING = Release(exhausting="Next")
_ANY_BODY_RELEASE = Release(methods=("Close",), through="Body")
_ANY_HANDOFF = Release(methods=("Close", "Stop"), through="Body")
_KIND_OF_ESCAPE = (("returned", ownership.RETURNS), ("assigned", ownership.STORES),
                   ("stored", ownership.STORES), ("sent", ownership.STORES))


def _parameter_uses(source: bytes):
    """The classifier ownership.effect needs: what each use of a parameter does. A
    release that leaves the parameter open on a path returning an error
    (`_open_on_error`) releases it only partly (the caller still owns it then), unless
    the function hands it to another function of the package, whose summary decides."""
    def uses(func: Any, ident: Any):
        found = list(_uses(func, ident))
        if any(kind == ownership.RELEASES for kind, _ in found) and all(h is None for _, h in found) and \
                _open_on_error(func, ident, source):
            found = [(ownership.PARTLY if kind == ownership.RELEASES else kind, h) for kind, h in found]
        return found

    def _uses(func: Any, ident: Any):
        var = _Variable(ident, ident, source)
        body = func.child_by_field_name("body")
        for node in _occurrences(func, source).within(var.name, body.start_byte, body.end_byte) \
                if body is not None else ():
            if not var.is_(node):
                continue
            calls = [a for a in _ancestors_until(node, func)][:3]
            if any(c.type == "call_expression" and (
                    releases(c, var, _ANY_RELEASE, False) or releases(c, var, _ANY_BODY_RELEASE, False)
                    or _loop_condition(c) and _exhausts(c, var, _ANY_EXHAUSTING))
                    for c in calls):
                yield ownership.RELEASES, None
                continue
            handed: list[tuple[str, int]] = []
            why = _escapes_through(node, func, var, _ANY_HANDOFF, handed.append)
            if handed:
                yield None, handed[0]
            elif why is None or (why == "stored in a composite value" and _in_returned_error(node, func, source)):
                yield ownership.READS, None
            else:
                yield next((k for w, k in _KIND_OF_ESCAPE if w in why), ownership.ESCAPES), None
    return uses


# What a helper may release its parameter with, followed over its paths (`_open_on_error`).
_ANY_PATH_RELEASE = Release(methods=("Close",), exhausting="Next", exhausting_too=("NextResultSet",))
_ANY_PATH_BODY_RELEASE = Release(methods=("Close",), through="Body")


def _open_on_error(func: Any, ident: Any, source: bytes) -> bool:
    """Whether func, whose last result is an error, returns a non-nil error (not the
    literal `nil`) on a path where its parameter ident is still unreleased, followed
    from the function's entry over its graph (`if err != nil { return nil, err }` before
    the `defer resp.Body.Close()`). Returning nil with it open is a success the caller
    goes on from (`check(resp)` closing it only when it fails leaves it to the caller)."""
    result = func.child_by_field_name("result")
    kinds = [d.child_by_field_name("type") for d in result.named_children
             if d.type == "parameter_declaration"] if result is not None and result.type == "parameter_list" \
        else [result]
    if not kinds or kinds[-1] is None or text(source, kinds[-1]) != "error":
        return False
    var = _Variable(ident, ident, source)
    body = func.child_by_field_name("body")
    uses = [node for node in _occurrences(func, source).within(var.name, body.start_byte, body.end_byte)
            if var.is_(node)] if body is not None else []
    if any(node.parent.type == "call_expression" or (node.parent.type == "selector_expression" and text(
            source, node.parent.child_by_field_name("field")) == "Stop") for node in uses):
        return False  # a cancel func or a ticker: their rules do not word such a helper
    through = any(node.parent.type == "selector_expression" and
                  text(source, node.parent.child_by_field_name("field")) == "Body" for node in uses)
    # `func check(resp *http.Response, err error) error { if err != nil { return err } ...`:
    # an error parameter tested at the top means no response in its branch.
    declared = func.child_by_field_name("parameters")
    err_ident = next((name for d in (declared.named_children if declared is not None else ())
                      if d.type == "parameter_declaration" and d.child_by_field_name("type") is not None and
                      text(source, d.child_by_field_name("type")) == "error"
                      for name in d.children_by_field_name("name") if text(source, name) != "_"), None)
    err = _Variable(err_ident, err_ident, source) if err_ident is not None else None
    guards = set()
    for stmt in statements(body) if err is not None else ():
        if any(err.is_(t) for t in left_names(stmt)) or \
                stmt.type == "if_statement" and stmt.child_by_field_name("initializer") is not None:
            break  # the error is another one from here on
        if stmt.type == "if_statement" and any(err.is_(n) for n in _walk_with_self(stmt.child_by_field_name("condition"))):
            guards.add(_key(stmt))
    flow = _Flow(ident, var, _ANY_PATH_BODY_RELEASE if through else _ANY_PATH_RELEASE, guards, err, False,
                 func, [])
    flow.initial = LIVE
    try:
        flow.run()
    except (_Undecidable, RecursionError):
        return False
    verdict = Verdict(list(flow.exits.values()), tails=_Tails(flow.tails, flow.shape) if flow.tails else None)
    for leak in verdict.leaks:
        values = leak.node.named_children[0].named_children \
            if leak.kind == "return" and leak.node.named_children and \
            leak.node.named_children[0].type == "expression_list" else []
        if values and values[-1].type != "nil":
            return True
    return False


def _in_returned_error(node: Any, func: Any, source: bytes) -> bool:
    """Whether node is a field of a composite literal that func, whose only result is
    an `error`, returns (`return &statusError{resp: resp}`): an error describes the
    value it holds, nobody closes a resource through it, so the caller still owns it."""
    result = func.child_by_field_name("result")
    if result is None or text(source, result).strip("() ") != "error":
        return False
    while node.parent is not None and node.parent.type in (
            "literal_element", "keyed_element", "literal_value", "composite_literal", "unary_expression",
            "parenthesized_expression"):
        node = node.parent
    holder = node.parent.parent if node.parent is not None and node.parent.type == "expression_list" else node.parent
    return holder is not None and holder.type == "return_statement" and _key(enclosing_function(holder)) == _key(func)


def _loop_condition(node: Any) -> bool:
    """Whether node is the condition of a `for` loop (`for c {`, `for i := 0; c; i++ {`)."""
    parent = node.parent
    if parent is not None and parent.type == "for_clause":
        return _key(parent.child_by_field_name("condition") or parent) == _key(node)
    return parent is not None and parent.type == "for_statement" and \
        _key(node) == _key(next((c for c in parent.named_children if c.type != "comment"), parent))


def _outermost_loop(node: Any, func: Any) -> Any | None:
    found = None
    for parent in _ancestors_until(node, func):
        if parent.type == "for_statement":
            found = parent
    return found


def _ancestors_until(node: Any, stop: Any) -> Iterator[Any]:
    parent = node.parent
    while parent is not None and _key(parent) != _key(stop):
        yield parent
        parent = parent.parent


def _escapes_through(ident: Any, func: Any, var: _Variable, release: Release,
                     follow: Any = None) -> str | None:
    """Why this use of the variable hands the resource on, or None. With `follow`, a
    hand-off to a same-file function is given to follow((callee key, index)) and is
    not an escape; without it, that function's summary decides."""
    for parent in _ancestors_until(ident, func):
        if parent.type == "func_literal":
            fate = _literal_fate(parent, func, var.source)
            if fate == "dropped":
                return None  # `_ = func() { resp.Body.Close() }`: never runs
            if fate is None:
                return "captured by a function literal"
    handle = ident
    parent = ident.parent
    if parent.type == "selector_expression" and _key(parent.child_by_field_id(FIELD.operand)) == _key(ident):
        field_node = parent.child_by_field_id(FIELD.field)
        name = text(var.source, field_node)
        called = parent.parent is not None and parent.parent.type == "call_expression" and \
            _key(parent.parent.child_by_field_id(FIELD.function)) == _key(parent)
        if name in release.methods and not called:
            return "its method value handed on"  # `return t.C, t.Stop`
        if not release.through or name != release.through:
            return None  # a method call or field read: v.Next(), v.StatusCode
        handle = parent
        outer = parent.parent
        if outer is not None and outer.type == "selector_expression" and \
                text(var.source, outer.child_by_field_id(FIELD.field)) in release.methods and \
                outer.parent is not None and outer.parent.type != "argument_list" and not (
                outer.parent.type == "call_expression" and
                _key(outer.parent.child_by_field_id(FIELD.function)) == _key(outer)):
            # `c.close = resp.Body.Close`: its owner closes it (handed to a call, it is a release)
            return "its method value handed on"
    node, wrapped = handle, False
    while node.parent is not None and node.parent.type in (
        "parenthesized_expression", "unary_expression", "literal_element", "keyed_element",
        "literal_value", "composite_literal", "type_assertion_expression",
        "type_conversion_expression",
    ) and generic_call(node.parent) is None:  # `f[T](v)` is a call (below), not a conversion
        if node.parent.type in ("type_assertion_expression", "type_conversion_expression") and \
                _key(node.parent.child_by_field_id(FIELD.operand)) != _key(node):
            return None
        if node.parent.type == "unary_expression":
            operator = node.parent.child_by_field_id(FIELD.operator)
            if operator is None or operator.type not in ("&", "*"):
                return None
        if node.parent.type not in ("parenthesized_expression", "type_assertion_expression",
                                    "type_conversion_expression"):
            wrapped = True  # `rwc, ok := resp.Body.(io.ReadWriteCloser)` is the same value
        node = node.parent
    parent = node.parent
    if parent is None:
        return None
    if wrapped:
        return "stored in a composite value"
    if parent.type == "argument_list" or generic_call(parent) is not None:
        call = parent.parent if parent.type == "argument_list" else parent
        if call.type == "type_conversion_expression":
            called = name = text(var.source, generic_call(call))
        else:
            operand, name = call_name(call, var.source)
            called = f"{operand}.{name}" if operand else name
        if called in release.borrowing or name in release.borrowing:
            return None
        if returned_stream(call, var.source):
            return "returned inside a reader"
        if reads_only(call, var.source) or _inside_exhausting_loop(call, func, var, release):
            return None
        index = next(i for i, a in enumerate(arguments(call)) if _key(a) == _key(node))
        if follow is not None:
            key = ownership_of(root_of(call), var.source).callee(call)
            if key is not None:
                follow((key, index))
                return None
        else:
            effect = callee_effect(call, index, var.source)
            if effect in (ownership.READS, ownership.PARTLY, ownership.RELEASES):
                return None
            if effect == ownership.RETURNS and _passed_through(call, func, var.source, release):
                return None
        return f"passed to {called or 'a call'}"
    if parent.type == "expression_list":
        holder = parent.parent
        if holder is None:
            return None
        if holder.type == "return_statement":
            return "returned"
        if holder.type in ("assignment_statement", "short_var_declaration"):
            right = holder.child_by_field_id(FIELD.right)
            if right is None or _key(right) != _key(parent):
                return None
            left = holder.child_by_field_id(FIELD.left)
            targets = left.named_children if left is not None else []
            values = parent.named_children
            index = next(i for i, v in enumerate(values) if _key(v) == _key(node))
            if len(targets) == len(values) and text(var.source, targets[index]) == "_":
                return None  # `_ = v` marks it used; it releases nothing
            return "assigned to another variable or field"
        if holder.type == "var_spec":
            return "assigned to another variable"
        return None
    if parent.type == "return_statement":
        return "returned"
    if parent.type == "send_statement" and _key(parent.child_by_field_id(FIELD.value)) == _key(node):
        return "sent on a channel"
    if parent.type in ("var_spec",):
        return "assigned to another variable"
    return None


_busy_pass_throughs: set[tuple] = set()


def _passed_through(call: Any, func: Any, source: bytes, release: Release) -> bool:
    """Whether call, to a function of the package that returns what it is handed
    (`stmt := txStmt(tx, prep)`), gives it back to locals of func that neither release
    nor hand on what they hold: the caller keeps the resource, and still owes its
    release (a release through the result, or a result handed on, stays a hand-off)."""
    holder = call.parent
    if holder is None or holder.type != "expression_list" or len(holder.named_children) != 1 or \
            holder.parent is None or holder.parent.type not in ("short_var_declaration", "assignment_statement") \
            or _key(holder.parent.child_by_field_id(FIELD.right)) != _key(holder) or _key(call) in _busy_pass_throughs:
        return False
    left = holder.parent.child_by_field_id(FIELD.left)
    targets = [t for t in (left.named_children if left is not None else []) if text(source, t) != "_"]
    if not targets or any(t.type != "identifier" for t in targets):
        return False
    _busy_pass_throughs.add(_key(call))
    try:
        return all(_stays_open(target, func, source, release) for target in targets)
    finally:
        _busy_pass_throughs.discard(_key(call))


def _stays_open(target: Any, func: Any, source: bytes, release: Release) -> bool:
    """Whether the local variable target declares is neither released nor handed on in func."""
    decl = declaration_of(target, source)
    if decl is None or _key(enclosing_function(decl)) != _key(func):
        return False  # a variable of another scope (a closure's, a package's) keeps it
    result = _Variable(decl, decl, source)
    for node in _occurrences(func, source).of(result):
        calls = [a for a in _ancestors_until(node, func)][:3]
        if any(c.type == "call_expression" and releases(c, result, release) for c in calls) or \
                _escapes_through(node, func, result, release) is not None:
            return False
    return True


def _inside_exhausting_loop(node: Any, func: Any, var: _Variable, release: Release) -> bool:
    """Whether node sits in the body of `for v.Next() { ... }`: a call there
    (`scan(rows)`, `scanUser(rows)` of another file) only borrows the value, which the
    loop reads again right after it."""
    if not release.exhausting:
        return False
    for parent in _ancestors_until(node, func):
        if parent.type == "func_literal":
            return False
        if parent.type == "for_statement":
            condition = next((c for c in parent.named_children
                              if c.type not in ("block", "for_clause", "range_clause", "comment")), None)
            body = parent.child_by_field_name("body")
            if body is not None and body.start_byte <= node.start_byte and condition is not None \
                    and _exhausts(condition, var, release):
                return True
    return False


def _exhausts(condition: Any, var: _Variable, release: Release) -> bool:
    """`v.Next()`, for the exhausting method Next (or one of exhausting_too); or, where
    the release names exhausting_too, a local bool that only `true` and such calls set
    (`more = v.NextResultSet()`): false where the last call returned false."""
    condition = _strip(condition)
    if condition is not None and condition.type == "identifier" and release.exhausting_too:
        return _exhausting_flag(condition, var, release)
    if condition is None or condition.type != "call_expression":
        return False
    function = condition.child_by_field_name("function")
    return (function is not None and function.type == "selector_expression"
            and text(var.source, function.child_by_field_name("field")) in (release.exhausting,
                                                                              *release.exhausting_too)
            and var.is_(function.child_by_field_name("operand")))


def _exhausting_flags(func: Any, var: _Variable, release: Release) -> set[str]:
    """The names that the function assigns an exhausting_too call of var to (`more =
    rows.NextResultSet()`): the flow must see the steps that test them."""
    if not release.exhausting_too or not any(m.encode() in var.source[func.start_byte:func.end_byte]
                                             for m in release.exhausting_too):
        return set()
    found = set()
    for node in walk(func, into_functions=False):
        if node.type in ("assignment_statement", "short_var_declaration"):
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left is not None and right is not None and len(left.named_children) == 1 and \
                    len(right.named_children) == 1 and left.named_children[0].type == "identifier" and \
                    _exhausts(right.named_children[0], var, release):
                found.add(text(var.source, left.named_children[0]))
    return found


def _exhausting_flag(flag: Any, var: _Variable, release: Release) -> bool:
    """Whether the identifier names a variable of its function that every assignment
    sets to `true` or to an exhausting call of var, at least one to such a call, and that
    nothing else writes (no `&flag`, no closure)."""
    decl = declaration_of(flag, var.source)
    func = enclosing_function(flag)
    if decl is None or func is None or _key(enclosing_function(decl)) != _key(func):
        return False
    name = text(var.source, flag)
    calls = 0
    for node in walk(func, into_functions=True):
        if node.type != "identifier" or text(var.source, node) != name or \
                _key(declaration_of(node, var.source) or node) != _key(decl):
            continue
        parent = node.parent
        if parent is not None and parent.type == "expression_list":
            parent = parent.parent
        if _key(enclosing_function(node)) != _key(func):
            return False  # a closure may set it
        if parent is not None and parent.type == "unary_expression" and \
                parent.child_by_field_name("operator").type == "&":
            return False
        if parent is None or parent.type not in ("assignment_statement", "short_var_declaration", "var_spec"):
            continue
        left = parent.child_by_field_name("left") or parent.child_by_field_name("name")
        if left is None or not (left.start_byte <= node.start_byte < left.end_byte):
            continue  # read on the right
        targets = left.named_children if left.type == "expression_list" else [left]
        right = parent.child_by_field_name("right") or parent.child_by_field_name("value")
        values = (right.named_children if right.type == "expression_list" else [right]) if right is not None else []
        if parent.type == "assignment_statement" and text(var.source, parent.child_by_field_name("operator")) != "=" \
                or len(values) != len(targets):
            return False
        starts = [t.start_byte for t in targets]
        value = _strip(values[starts.index(node.start_byte)]) if node.start_byte in starts else None
        if value is not None and value.type == "true":
            continue
        if value is not None and _exhausts(value, var, release):
            calls += 1
            continue
        return False
    return calls > 0


# --- the flow --------------------------------------------------------------------------


class _Undecidable(Exception):
    pass


# Steps that run no code of their own: a panic cannot start there (a call that never
# returns ends the path by itself).
_NOT_RUN = ("leave", "jump", "noreturn")


def _runs(step: Any) -> Any:
    """The code a step runs itself: a case clause's values, not its body (its own steps)."""
    return step.node.child_by_field_name("value") if step.kind == "case" else step.node


class _Flow:
    """The state of the tracked variable over the function's control-flow graph, from
    the acquisition on (before it there is nothing to release): block entry states are
    joined (max) until nothing changes, then one more pass records the state at every
    exit. Blocks from which no step that could change the state can be reached are not
    run: the state they are entered in is kept as a tail (`_Tails`)."""

    def __init__(self, acquisition: Any, var: _Variable, release: Release,
                 guards: set[tuple], err: _Variable | None, declared: bool, func: Any,
                 handoffs: list[tuple[str, Any]]) -> None:
        self.acquisition = acquisition
        self.handoffs = [node.start_byte for _, node in handoffs]  # in source order
        self.var = var
        self.release = release
        self.guards = guards  # the ifs and switches that test the acquisition's err
        self.err = err  # the error bound with the resource, None without one
        self.err_name = err.name if err is not None else ""
        # The statement list (or `if` with an initializer) declaring a `:=` variable;
        # leaving it ends the variable's life (the function body's end is reported as
        # the function's end instead).
        scope = acquisition.parent if declared else None
        block = scope.parent if scope is not None and scope.type == "statement_list" else scope
        if block is not None and block.parent is not None and block.parent.type in FUNCTION_TYPES:
            scope = None
        self.scope = scope
        body = func.child_by_field_name("body")
        holder = next((c for c in body.named_children if c.type == "statement_list"), body)
        self.body, self.body_end = body, _key(holder)
        self.shape = _shape(func, var.source)
        self.graph = self.shape.graph
        self.exits: dict[tuple, Exit] = {}
        self.initial = NIL  # the state at the acquisition; LIVE for a parameter followed from the entry
        self.tails: dict[int, int] = {}
        self.recording = False
        self.seen_released = self.seen_handed = False
        self.exhausted = False
        self.closes = False  # a release the code spells out runs on some path
        self.live: list[tuple[int, int, int]] = []  # (block, from, to): steps run while live
        # (block, step index, RELEASED or HANDED): where a live resource stopped being so
        self.marks: list[tuple[int, int, int]] = []
        self.at = (0, 0)  # the block and step being run
        self.exit_at: dict[tuple, tuple[int, int]] = {}
        self.mentioned: dict[int, frozenset[int]] = {}  # block -> steps naming the resource
        self.own: dict[int, frozenset[int]] = {}
        self.extra: dict[int, set[int]] = {}
        self.relevant: dict[int, list[int]] = {}  # block -> steps run, filled as blocks are run
        occurrences = _occurrences(func, var.source)
        self.structural = occurrences.structural
        self.last = self.relevant_steps(func, occurrences)
        self.earliest = self.graph.earliest()
        at: dict[int, set[int]] = {}
        occurrences.steps_at([acquisition.start_byte], at)
        self.start = next(iter(at), None)

    def relevant_steps(self, func: Any, occurrences: _Occurrences) -> float:
        """Finds, by block, the positions of its steps that can change the
        state: those that mention the variable (or an alias of its channel, a
        `<-ctx.Done()` of done_of, the error inside a guard, a switch on one of its
        fields). The flow runs only these and the returns, jumps and block ends: a
        resource costs the size of its uses and of the part of the graph it is followed
        through, not of every statement of its function. Returns the last source
        position of such a step or of the variable's scope: past it the state is settled."""
        own, last = _variable_steps(func, self.var.source, self.var.decl)
        found: dict[int, set[int]] = {}
        for name in {*self.var.channels, *self.release.cancels,
                     *_closure_names(func, self.var.source, self.var.decl)}:
            occurrences.steps_at(occurrences.starts.get(name, []), found)
        if self.release.empty_when is not None:  # `switch resp.StatusCode { case 304: ...`
            occurrences.steps_at(_switched_values(func, self.var.source, self.var.decl), found)
        for receiver in {*self.release.done_of, *self.release.torn_down_by}:
            occurrences.steps_at(occurrences.done.get(receiver, []), found)
        for receiver in self.release.torn_down_by:
            occurrences.steps_at(occurrences.errs.get(receiver, []), found)
        for method in (*self.release.failing, self.release.erred):  # `err != nil` after `err := v.Scan(...)`
            if method:
                occurrences.steps_at(_failure_checks(func, self.var.source, self.var.decl, method), found)
        if self.err_name:
            for start, end, _ in self.guards:
                named = occurrences.within(self.err_name, start, end)
                occurrences.steps_at([n.start_byte for n in named] + _ok_conditions(named, self.err, self.var.source)
                                     + _matched_flags(named, self.err, self.var.source), found)
            if self.guards:  # `if e != nil` of `e := f(err)` before the guard
                for name in _mapped_names(occurrences.within(self.err_name, self.acquisition.end_byte, func.end_byte),
                                          self.err, self.var.source):
                    for start, end, _ in self.guards:
                        occurrences.steps_at([n.start_byte for n in occurrences.within(name, start, end)], found)
        for flag in _exhausting_flags(func, self.var, self.release):  # `for more {`: more = v.NextResultSet()
            occurrences.steps_at(occurrences.starts.get(flag, []), found)
        self.own = own  # shared by the variable's acquisitions: not copied per resource
        self.extra = found
        blocks = self.graph.blocks
        last = max([last] + [blocks[b].steps[i].node.start_byte for b, positions in found.items() for i in positions])
        return max(last, self.scope.end_byte if self.scope is not None else -1)

    def live_steps(self) -> list[Any]:
        blocks = self.graph.blocks
        return [_runs(s) for block, start, end in self.live for s in blocks[block].steps[start:end]
                if s.kind not in _NOT_RUN]

    def mentions(self, index: int) -> frozenset[int]:
        """The positions of a block's steps that mention the resource (see relevant_steps)."""
        found = self.mentioned.get(index)
        if found is None:
            found = self.mentioned[index] = self.own.get(index, frozenset()).union(self.extra.get(index, ()))
        return found

    def positions(self, index: int) -> list[int]:
        """The steps of a block that the flow runs: those that mention the resource,
        and the returns, jumps and block ends."""
        found = self.relevant.get(index)
        if found is None:
            found = self.relevant[index] = sorted(self.mentions(index).union(self.structural.get(index, ())))
        return found

    def settled(self, index: int) -> bool:
        """Whether nothing after the entry to this block can change the state."""
        return self.earliest[index] > self.last

    def run(self) -> None:
        if self.shape.broken:
            raise _Undecidable  # a jump to nowhere: broken code
        blocks = self.graph.blocks
        start = self.start
        if start is None:  # not a step of the graph: from the function's entry, every block
            start, self.last = self.graph.entry, math.inf
        elif start not in self.shape.live or not self.reached(start):
            return  # dead code
        entry = {start: self.initial}
        # Nothing to release (NIL) stays so until the acquisition runs again: blocks
        # that cannot lead back to it are not entered with NIL.
        again = self.acquisition.start_byte if self.start is not None else math.inf
        todo = [start]
        while todo:  # states only grow over a 4-level lattice: this ends
            index = todo.pop()
            for edge, state in self.transfer(blocks[index], entry[index]):
                if state == NIL and self.earliest[edge.to] > again:
                    continue
                if self.settled(edge.to):
                    if state > self.tails.get(edge.to, NIL):
                        self.tails[edge.to] = state
                elif state > entry.get(edge.to, UNREACHABLE):
                    entry[edge.to] = state
                    todo.append(edge.to)
        self.recording = True
        for index in sorted(entry):
            for _ in self.transfer(blocks[index], entry[index]):
                pass
        self.seen_released = self.reaches_a_leak(RELEASED)
        self.seen_handed = self.reaches_a_leak(HANDED)

    def reached(self, start: int) -> bool:
        """Whether the entry reaches the acquisition's block with nothing to release
        in hand: only `for range v.C` of an earlier value ends no path, the graph
        knows the rest."""
        endless = [(b, i) for b, positions in self.own.items() for i in positions
                   if self.graph.blocks[b].steps[i].kind == "range" and
                   self.endless(self.graph.blocks[b].steps[i].node.child_by_field_name("right"))] \
            if self.release.endless_range else []
        if not endless:
            return True
        seen: set[int] = set()
        todo = [self.graph.entry]
        while todo:
            index = todo.pop()
            if index in seen:
                continue
            seen.add(index)
            last = self.graph.blocks[index].steps[-1] if self.graph.blocks[index].steps else None
            todo.extend(e.to for e in self.graph.blocks[index].edges
                        if self.refine(last, e, NIL) != UNREACHABLE)
        return start in seen

    def reaches_a_leak(self, state: int) -> bool:
        """Whether a path on which the resource became `state` goes on to an exit where
        it leaks on another path (the join hides it in that exit's state)."""
        starts = [(block, at) for block, at, kind in self.marks if kind == state]
        leaking = [self.exit_at[key] for key, e in self.exits.items() if e.state == LIVE]
        reaching = self.shape.reaching["exit"]
        live_tails = {b for b, s in self.tails.items() if s == LIVE and b in reaching}
        if not starts or not (leaking or live_tails):
            return False
        leaking_blocks = {b for b, _ in leaking}
        leaking_tails: set[int] | None = None  # the blocks whose exits leak past the tails
        seen: set[int] = set()
        todo = []
        for block, at in starts:
            if any(b == block and i >= at for b, i in leaking):
                return True
            todo.extend(e.to for e in self.graph.blocks[block].edges)
        while todo:
            index = todo.pop()
            if index in seen:
                continue
            seen.add(index)
            if index in leaking_blocks or index in live_tails:
                return True
            if self.settled(index) and live_tails and index in self.shape.exits_in:
                if leaking_tails is None:
                    leaking_tails = self.graph.reachable(live_tails)
                if index in leaking_tails:
                    return True
            todo.extend(e.to for e in self.graph.blocks[index].edges)
        return False

    def exit(self, kind: str, node: Any, state: int) -> None:
        if state <= UNREACHABLE or not self.recording:
            return
        key = (kind, _key(node))
        old = self.exits.get(key)
        if old is None or old.state < state:
            self.exits[key] = Exit(kind, node, state, self.at)
            self.exit_at[key] = self.at

    def transfer(self, block: Any, state: int) -> Iterator[tuple[Any, int]]:
        """The state on each edge out of the block, entered with `state`."""
        done = 0
        for i in self.positions(block.index):
            step = block.steps[i]
            if self.recording and state == LIVE:
                self.live.append((block.index, done, i + 1))
            done = i + 1
            self.at = (block.index, i)
            after = self.step(step, state)
            if self.recording and state == LIVE and (after == HANDED or (
                    after == RELEASED and self.explicit(step.node))):
                self.marks.append((block.index, i, after))
            if self.recording and state >= RELEASED and after == RELEASED and not self.closes \
                    and self.explicit(step.node):
                self.closes = True
            state = after
            if state == UNREACHABLE:
                return
        if self.recording and state == LIVE:
            self.live.append((block.index, done, len(block.steps)))
        last = len(block.steps) - 1
        if last < 0 or last not in self.mentions(block.index):
            for edge in block.edges:  # a condition not about the resource decides nothing
                yield edge, state
            return
        for edge in block.edges:
            # Rows that Next closes by running out are not marked: "never closed"
            # speaks of what the code does.
            refined = self.refine(block.steps[last], edge, state)
            if self.recording and state == LIVE and refined == RELEASED:
                self.exhausted = True
            yield edge, refined

    def step(self, step: Any, state: int) -> int:
        kind, node = step.kind, step.node
        if state == LIVE and self.handoffs and kind not in ("leave", "jump", "noreturn"):
            own = node.child_by_field_name("value") if kind == "case" else node
            if own is not None and self.hands_on(own):
                state = HANDED
        if kind == "stmt":
            if node.type == "defer_statement":
                call = next((c for c in node.named_children if c.type == "call_expression"), None)
                if call is not None:
                    function = call.child_by_field_name("function")
                    if releases(call, self.var, self.release) or (
                        function is not None and function.type == "func_literal"
                        and _closure_releases(function, self.var, self.release)
                    ):
                        return RELEASED if state == LIVE else state
                return state
            if node.type == "go_statement":  # `go cancel()`: called, if a little later
                call = next((c for c in node.named_children if c.type == "call_expression"), None)
                if call is not None and releases(call, self.var, self.release):
                    return RELEASED if state == LIVE else state
                return state
            return self.simple(node, state)
        if kind == "return":
            mentioned = self.at[1] in self.mentions(self.at[0])
            self.exit("return", node, self.effects(node, state) if mentioned else state)
            return state
        if kind in ("cond", "range", "eval"):
            return self.effects(node.child_by_field_name("right") if kind == "range" else node, state)
        if kind == "comm":
            return self.simple(node, state)
        if kind == "case":
            return self.case(node, state)
        if kind == "jump":
            return self.jump(step, state)
        if kind == "leave":
            if _key(node) == self.body_end:
                self.exit("end", self.body, state)
            elif self.scope is not None and _key(node) == _key(self.scope) and state >= RELEASED:
                shown = node.parent if node.type == "statement_list" and node.parent is not None \
                    and node.parent.type == "block" else node
                self.exit("scope", shown, state)
                return NIL
            return state
        return UNREACHABLE  # "noreturn": the path ends without leaking anything

    def explicit(self, node: Any) -> bool:
        """A release the code spells out (a call), not a timer that fired: "stopped
        on some paths" must mean a Stop."""
        return any(inner.type == "call_expression" and releases(inner, self.var, self.release)
                   for inner in _walk_with_self(node)) or node.type in ("defer_statement", "go_statement")

    def hands_on(self, node: Any) -> bool:
        """Whether an escaping use lies in node (a step's own statement or expression)."""
        at = bisect_left(self.handoffs, node.start_byte)
        return at < len(self.handoffs) and self.handoffs[at] < node.end_byte

    def case(self, clause: Any, state: int) -> int:
        values = clause.child_by_field_name("value") if clause.type == "expression_case" else None
        if values is None:
            return state
        state = self.effects(values, state)
        switch = clause.parent
        err = self.err if _key(switch) in self.guards else None
        tests = values.named_children
        if state == LIVE and switch.child_by_field_name("value") is None and tests and \
                all(self.implies_nil(t, True, err) for t in tests):
            return NIL
        tag = _strip(switch.child_by_field_name("value"))
        if state == LIVE and tag is not None and tests and all(self.empty(tag, t) for t in tests):
            return NIL  # switch resp.StatusCode { case http.StatusNotModified: ... }
        return state

    def jump(self, step: Any, state: int) -> int:
        target = step.target
        if target is None:
            raise _Undecidable  # a jump to nowhere: broken code
        if self.scope is None or state < RELEASED:
            return state
        if step.node.type == "goto_statement":
            if not (self.scope.start_byte <= target.start_byte < self.scope.end_byte):
                raise _Undecidable  # a goto out of the variable's block
            return state
        if target.start_byte < self.scope.start_byte <= self.scope.end_byte <= target.end_byte:
            self.exit("break" if step.node.type == "break_statement" else "continue", step.node, state)
            return NIL
        return state

    def refine(self, last: Any, edge: Any, state: int) -> int:
        """The state along an edge decided by a condition: nil in the branch where
        `v == nil` or the acquisition's `err != nil` holds, released where the
        exhausting method returned false, and no way out of an endless range."""
        if edge.truth is None or last is None or state == UNREACHABLE:
            return state
        test = edge.test
        if last.kind == "range":
            if not edge.truth and self.endless(last.node.child_by_field_name("right")):
                return UNREACHABLE
            return state
        if last.kind != "cond" or state != LIVE:
            return state
        condition = last.node
        if test.type == "for_statement":
            return RELEASED if not edge.truth and self.exhausts(condition) else state
        before = _previous_statement(test)
        err = self.err if _key(test) in self.guards or \
            before is not None and _key(before) in self.guards else None
        if self.implies_nil(condition, edge.truth, err):
            return NIL
        if self.release.torn_down_by and \
                _context_done(condition, edge.truth, self.release.torn_down_by, self.var.source):
            return RELEASED
        spent = self.exhausted_when(condition)  # `if rows.Next() { t.Fatal() }`
        if spent is not None and spent == edge.truth:
            return RELEASED
        if test.type == "if_statement" and any(
                method and self.failed(test, condition, edge.truth, method)
                for method in (*self.release.failing, self.release.erred)):
            return RELEASED
        return state

    def failed(self, test: Any, condition: Any, truth: bool, method: str) -> bool:
        """Whether `condition` being `truth` means the method returned an error:
        `err != nil` (true) or `err == nil` (false) for an err bound to `v.Scan(...)` by
        the if's initializer or by the statement right before the if."""
        err = nil_operand(condition, "!=" if truth else "==")  # `err != nil`, `nil != err`
        if err is None or err.type != "identifier":
            return False
        binding = test.child_by_field_name("initializer") or test.prev_named_sibling
        if binding is None or binding.type not in ("assignment_statement", "short_var_declaration"):
            return False
        left, right = binding.child_by_field_name("left"), binding.child_by_field_name("right")
        targets = left.named_children if left is not None else []
        values = right.named_children if right is not None else []
        if not targets or len(values) != 1 or targets[-1].type != "identifier" or \
                not names_for(self.var.source, err).same_variable(targets[-1], err):
            return False
        call = _strip(values[0])
        function = call.child_by_field_name("function") if call.type == "call_expression" else None
        return function is not None and function.type == "selector_expression" and \
            text(self.var.source, function.child_by_field_name("field")) == method and \
            self.var.is_(function.child_by_field_name("operand"))

    def effects(self, node: Any | None, state: int) -> int:
        """Releases anywhere in a simple statement or expression (not in closures,
        except a function literal called on the spot)."""
        if node is None or state == UNREACHABLE:
            return state
        for inner in _walk_with_self(node):
            if releases(inner, self.var, self.release):
                return RELEASED if state == LIVE else state
            if inner.type == "call_expression":
                function = inner.child_by_field_id(FIELD.function)
                if function is not None and function.type == "func_literal" and \
                        _closure_releases(function, self.var, self.release):
                    return RELEASED if state == LIVE else state
        return state

    def simple(self, stmt: Any, state: int) -> int:
        state = self.effects(stmt, state)
        if state == UNREACHABLE:
            return state
        if _key(stmt) == _key(self.acquisition):
            self.exit("reacquire", stmt, state if state == LIVE else UNREACHABLE)
            return LIVE
        if stmt.type in ("assignment_statement", "short_var_declaration"):
            left = stmt.child_by_field_id(FIELD.left)
            if left is not None and any(self.var.is_(t) for t in left.named_children):
                block = next((a for a in ancestors(stmt) if a.type == "block"), None)
                if stmt.type == "short_var_declaration" and block is not None and \
                        any(_key(t) == _key(self.var.decl) for t in left.named_children):
                    # the declaration again: the loop went round and the old variable
                    # went out of scope with its block, it was not reassigned
                    self.exit("scope", block, state if state == LIVE else UNREACHABLE)
                else:
                    self.exit("reassign", stmt, state if state == LIVE else UNREACHABLE)
                return NIL
        return state

    def implies_nil(self, condition: Any | None, truth: bool, err: _Variable | None) -> bool:
        """Whether `condition` being `truth` means the resource is nil: `v == nil`,
        `v.Body == nil`, and, for the check right after the acquisition, `err != nil`;
        or released already: `v.Err() != nil` (Release.erred); through `!`, `&&` and `||`."""
        condition = _strip(condition)
        if condition is None:
            return False
        if condition.type == "unary_expression":
            operator = condition.child_by_field_id(FIELD.operator)
            if operator is not None and operator.type == "!":
                return self.implies_nil(condition.child_by_field_id(FIELD.operand), not truth, err)
            return False
        if condition.type == "call_expression" and err:
            # `if !assert.NoError(t, err) { return }`: testify's check says err != nil
            called = names_for(self.var.source, condition).qualified(condition.child_by_field_id(FIELD.function))
            said = _ASSERTS_NIL.get(called)
            given = arguments(condition)
            if called in _MATCHES_ERROR:  # `errors.Is(err, sql.ErrNoRows)` holds only for a non-nil err
                return truth and len(given) == 2 and err.is_(given[0]) and \
                    _strip(given[1]) is not None and _strip(given[1]).type != "nil"
            if truth and said is None:  # `if dns.IsNotFound(err)`: a predicate true only for an error
                return any(err.is_(a) and true_only_for_error(condition, i, self.var.source)
                           for i, a in enumerate(given))
            return said is not None and said != truth and \
                any(err.is_(a) for a in given)
        if condition.type == "identifier" and err:
            # `if _, ok := err.(net.Error); ok`: an assertion holds only for a non-nil error
            return truth and (_asserts_error(condition, err, self.var.source) or
                              _matched_with_error(condition, err, self.var.source))
        if condition.type != "binary_expression":
            return False
        operator = condition.child_by_field_id(FIELD.operator)
        left = _strip(condition.child_by_field_id(FIELD.left))
        right = _strip(condition.child_by_field_id(FIELD.right))
        if operator is None or left is None or right is None:
            return False
        op = operator.type
        if op in ("&&", "||"):
            sides = (self.implies_nil(left, truth, err), self.implies_nil(right, truth, err))
            return any(sides) if (op == "&&") == truth else all(sides)
        if op in ("==", "!=") and self.empty(left, right):
            return (op == "==") == truth
        if err and op in ("==", "!=") and (op == "==") == truth and any(
                err.is_(a) and self.sentinel(b) for a, b in ((left, right), (right, left))):
            return True  # `err == sql.ErrNoRows`: the call failed, so it returned nil
        if op in ("==", "!=") and left.type == "nil":
            left, right = right, left  # `nil != err`, as `err != nil`
        if op not in ("==", "!=") or right.type != "nil":
            return False
        if self.release.through and left.type == "selector_expression" and \
                text(self.var.source, left.child_by_field_id(FIELD.field)) == self.release.through:
            left = left.child_by_field_id(FIELD.operand)  # `resp.Body == nil`
        if self.var.is_(left):
            return (op == "==") == truth
        if self.release.erred and left.type == "call_expression" and not _has_arguments(left) and \
                left.child_by_field_name("function").type == "selector_expression" and \
                text(self.var.source, left.child_by_field_name("function").child_by_field_name("field")) == \
                self.release.erred and self.var.is_(left.child_by_field_name("function").child_by_field_name("operand")):
            return (op == "!=") == truth  # `v.Err() != nil`: released already, nothing to close
        if err and err.is_(left):
            return (op == "!=") == truth
        if err and (op == "!=") == truth and _mapped_error(left, err, self.var.source) is not None:
            return True  # `if e := sqlutil.MapError(err); e != nil`: nil for a nil err, so the call failed
        return False

    def sentinel(self, node: Any) -> bool:
        """Whether node names a package-level error value, never nil: `sql.ErrNoRows`,
        `io.EOF`, or this package's `ErrClosed` / `errStopped`."""
        if node.type == "selector_expression":
            return names_for(self.var.source, node).qualified(node) is not None
        return node.type == "identifier" and text(self.var.source, node)[:3].lower() == "err" and \
            not (self.err is not None and self.err.is_(node)) and declaration_of(node, self.var.source) is None

    def empty(self, left: Any, right: Any) -> bool:
        """`v.StatusCode == http.StatusNotModified` (either way round): a comparison
        whose truth means there is nothing to release."""
        if self.release.empty_when is None:
            return False
        field_name, values = self.release.empty_when
        for tested, value in ((left, right), (right, left)):
            if tested.type == "selector_expression" and \
                    text(self.var.source, tested.child_by_field_name("field")) == field_name and \
                    self.var.is_(tested.child_by_field_name("operand")) and \
                    text(self.var.source, value).rsplit(".", 1)[-1] in values:
                return True
        return False

    def endless(self, ranged: Any | None) -> bool:
        ranged = _strip(ranged)
        return (bool(self.release.endless_range) and ranged is not None
                and ranged.type == "selector_expression"
                and text(self.var.source, ranged.child_by_field_name("field")) == self.release.endless_range
                and self.var.is_(ranged.child_by_field_name("operand")))

    def exhausted_when(self, condition: Any | None) -> bool | None:
        """The truth of an `if` condition that means the exhausting method returned
        false: False for `v.Next()`, True for `!v.Next()`; None for anything else."""
        condition = _strip(condition)
        if condition is not None and condition.type == "unary_expression":
            operator = condition.child_by_field_name("operator")
            if operator is not None and operator.type == "!":
                inner = self.exhausted_when(condition.child_by_field_name("operand"))
                return None if inner is None else not inner
            return None
        return False if self.exhausts(condition) else None

    def exhausts(self, condition: Any | None) -> bool:
        return bool(self.release.exhausting) and _exhausts(condition, self.var, self.release)

# testify's checks of an error that return whether it held: True where the check holding
# means the error is nil (`assert.NoError(t, err)`), False where it means it is not.
_MATCHES_ERROR = {(path, name) for path in ("errors", "github.com/pkg/errors") for name in ("Is", "As")}
_ASSERTS_NIL = {("github.com/stretchr/testify/assert", name): nil
                for names, nil in ((("NoError", "Nil"), True), (("Error", "NotNil"), False)) for name in names}


# Library predicates of an error that are false for nil (`os.IsNotExist(nil)` is false).
_ERROR_PREDICATES = frozenset(("os", name) for name in ("IsNotExist", "IsExist", "IsPermission", "IsTimeout"))


def true_only_for_error(call: Any, index: int, source: bytes) -> bool:
    """Whether call returns true only when its index-th argument is a non-nil error:
    `os.IsNotExist(err)`, or a function of the package or module whose body returns,
    after `var` declarations only, an expression that needs the parameter non-nil to
    hold (`return err != nil && errors.As(err, &e)`, `errors.Is(err, ErrGone)`)."""
    if index == 0 and len(arguments(call)) == 1 and \
            names_for(source, call).qualified(call.child_by_field_id(FIELD.function)) in _ERROR_PREDICATES:
        return True
    owners = ownership_of(root_of(call), source)
    key = owners.callee(call)
    if key is None:
        return False
    if key in owners.functions:
        return _predicate_of_error(key, owners.root, source, index)
    facts = owners.names.facts
    found = facts.summarised(key, f"true only for a non-nil parameter {index}",
                             lambda local, root, text_: _predicate_of_error(local, root, text_, index),
                             holds=b"return") if facts is not None else []
    return bool(found) and all(found)


def nil_only_for_error(call: Any, index: int, source: bytes) -> bool:
    """Whether call returns nil whenever its index-th argument is a nil error: a
    function of the package or module whose every `return` gives nil or lies in the
    branch of an `if` that holds only for a non-nil parameter (`if errors.As(err, &pe) {
    return &Error{...} }; return nil`), with the parameter never assigned."""
    owners = ownership_of(root_of(call), source)
    key = owners.callee(call)
    if key is None:
        return False
    if key in owners.functions:
        return _predicate_of_error(key, owners.root, source, index, "nil")
    facts = owners.names.facts
    found = facts.summarised(key, f"nil only for a nil parameter {index}",
                             lambda local, root, text_: _predicate_of_error(local, root, text_, index, "nil"),
                             holds=b"return") if facts is not None else []
    return bool(found) and all(found)


def _mapping(init: Any | None, err: "_Variable", source: bytes) -> Any | None:
    """The call of an `if` initializer `e := f(err)` that hands f the error err, whose
    result the condition may then test; None for any other initializer."""
    if init is None or init.type != "short_var_declaration":
        return None
    left, right = init.child_by_field_id(FIELD.left), init.child_by_field_id(FIELD.right)
    targets = left.named_children if left is not None else []
    values = right.named_children if right is not None else []
    call = _strip(values[0]) if len(targets) == 1 and len(values) == 1 else None
    if call is None or call.type != "call_expression" or \
            not any(err.is_(a) for a in arguments(call)):
        return None
    return call


def _mapped_error(tested: Any, err: "_Variable", source: bytes) -> Any | None:
    """The call that gives `tested` a value nil for a nil err (nil_only_for_error):
    `f(err)` itself, the `e` of an enclosing `if e := f(err); ...`, or a variable
    declared by `e := f(err)` before and never assigned again (_mapped_binding)."""
    call = tested if tested.type == "call_expression" else None
    if tested.type == "identifier":
        test = next((a for a in ancestors(tested) if a.type == "if_statement"), None)
        init = test.child_by_field_id(FIELD.initializer) if test is not None else None
        call = _mapping(init, err, source)
        declared = init.child_by_field_id(FIELD.left).named_children if call is not None else []
        if call is None or len(declared) != 1 or declared[0].type != "identifier" or \
                not names_for(source, tested).same_variable(declared[0], tested):
            call = _mapped_binding(tested, err, source)
        if call is None:
            return None
    if call is None:
        return None
    return call if any(err.is_(a) and nil_only_for_error(call, i, source)
                       for i, a in enumerate(arguments(call))) else None


def _mapped_binding(tested: Any, err: "_Variable", source: bytes) -> Any | None:
    """The call f(err) of the statement `e := f(err)` that declares the variable the
    identifier tested names, where nothing assigns that variable again; None otherwise."""
    decl = declaration_of(tested, source)
    statement = decl.parent.parent if decl is not None and decl.parent is not None and \
        decl.parent.type == "expression_list" else None
    call = _mapping(statement, err, source) if statement is not None and \
        statement.type == "short_var_declaration" else None
    if call is None:
        return None
    func = next((a for a in ancestors(statement) if a.type in (
        "func_literal", "function_declaration", "method_declaration")), None)
    for node in walk(func, into_functions=False) if func is not None else ():
        if node.type in ("assignment_statement", "short_var_declaration") and _key(node) != _key(statement):
            left = node.child_by_field_id(FIELD.left)
            if left is not None and any(t.type == "identifier" and text(source, t) == text(source, tested) and
                                        _key(declaration_of(t, source) or t) == _key(decl)
                                        for t in left.named_children):
                return None
    return call


def _mapped_names(named: list[Any], err: "_Variable", source: bytes) -> list[str]:
    """The names that statements `e := f(err)` declare at the given occurrences of err
    (f nil for a nil err, _mapped_binding): a later `e != nil` tests the error."""
    found = []
    for node in named:
        call = node.parent.parent if node.parent is not None and node.parent.type == "argument_list" else None
        values = call.parent if call is not None else None
        statement = values.parent if values is not None and values.type == "expression_list" else None
        left = statement.child_by_field_id(FIELD.left) if statement is not None and \
            statement.type == "short_var_declaration" else None
        if left is not None and len(left.named_children) == 1 and \
                _mapped_error(left.named_children[0], err, source) is not None:
            found.append(text(source, left.named_children[0]))
    return found


_PREDICATES_BUSY: set[tuple] = set()  # (source, key, index, falsy) being read: a recursive one is not


def _predicate_of_error(key: str, root: Any, source: bytes, index: int, falsy: str = "false") -> bool:
    busy = (id(source), key, index, falsy)
    if busy in _PREDICATES_BUSY:
        return False
    _PREDICATES_BUSY.add(busy)
    try:
        return _predicate_of_error_in(key, root, source, index, falsy)
    finally:
        _PREDICATES_BUSY.discard(busy)


def _predicate_of_error_in(key: str, root: Any, source: bytes, index: int, falsy: str) -> bool:
    functions = ownership_of(root, source).functions
    if key not in functions:
        return False
    for func in functions[key]:
        ident = ownership._parameter_of(func, index)
        body = func.child_by_field_id(FIELD.body)
        steps = [s for s in statements(body) if s.type != "comment"] if body is not None and ident is not None else []
        if not steps or steps[-1].type != "return_statement" or not steps[-1].named_children:
            return False
        if not _returns_only_for_error(body, _Variable(ident, ident, source), source, falsy):
            return False
    return True


def _returns_only_for_error(body: Any, param: _Variable, source: bytes, falsy: str = "false") -> bool:
    """Whether every `return` of body (ending in one) gives false or a value true only
    for a non-nil param (_needs_error), or lies in the branch of an `if` that holds only
    for one (`if err == context.Canceled || ...`, `if ue, ok := err.(*url.Error); ok`),
    with param never assigned: `return err != nil && errors.As(err, &e)` after `var`s,
    or `ok := errors.As(err, &e); return ok && e.Code == busy`. A return after a
    first `if err == nil { return nil }` of body runs only for a non-nil param."""
    flags, mapped = _error_flags(body, param, source)
    past = _past_nil_exit(body, param, source, falsy)
    for node in walk(body, into_functions=False):
        if node.type in ("assignment_statement", "short_var_declaration"):
            left = node.child_by_field_id(FIELD.left)
            if left is not None and any(param.is_(t) for t in left.named_children):
                return False
        if node.type != "return_statement":
            continue
        values = node.named_children[0] if node.named_children else None
        values = values.named_children if values is not None and values.type == "expression_list" else [values]
        if len(values) != 1 or values[0] is None:
            return False
        if _strip(values[0]).type == falsy or _needs_error(values[0], param, source, flags, mapped) or \
                node.start_byte >= past:
            continue
        if not any(a.type == "if_statement" and within(node, a.child_by_field_id(FIELD.consequence)) and (
                _needs_error(a.child_by_field_id(FIELD.condition), param, source, flags, mapped) or
                _asserted(a.child_by_field_id(FIELD.initializer), param, source) ==
                text(source, a.child_by_field_id(FIELD.condition)))
                for a in ancestors(node) if a.start_byte >= body.start_byte):
            return False
    return True


def _past_nil_exit(body: Any, param: _Variable, source: bytes, falsy: str) -> int:
    """Where the statements of body that run only for a non-nil param start: after a
    statement of its top level `if param == nil { return <falsy> }` (no else); the end
    of body when there is none."""
    for statement in statements(body):
        if statement.type != "if_statement" or statement.child_by_field_id(FIELD.alternative) is not None or \
                statement.child_by_field_id(FIELD.initializer) is not None or \
                not param.is_(nil_operand(statement.child_by_field_id(FIELD.condition), "==")):
            continue
        branch = statement.child_by_field_id(FIELD.consequence)
        last = branch
        while last is not None and last.type in ("block", "statement_list"):
            last = next((c for c in reversed(last.named_children) if c.type != "comment"), None)
        values = last.named_children[0] if last is not None and last.type == "return_statement" and \
            last.named_children else None
        values = values.named_children if values is not None and values.type == "expression_list" else [values]
        if len(values) == 1 and values[0] is not None and _strip(values[0]).type == falsy:
            return statement.end_byte
    return body.end_byte


def _error_flags(body: Any, param: _Variable, source: bytes) -> tuple[frozenset[str], frozenset[str]]:
    """The names that body binds once, and only once, to a value true only for a
    non-nil param (`ok := errors.As(err, &e)`), and those it binds once to a value nil
    for a nil param (`ne := neterr.Classify(err)`, nil_only_for_error), which `ne != nil`
    then tests."""
    bound: dict[str, int] = {}
    flags, mapped = set(), set()
    for node in walk(body, into_functions=False):
        if node.type not in ("assignment_statement", "short_var_declaration", "var_spec"):
            continue
        left = node.child_by_field_id(FIELD.left) if node.type != "var_spec" else None
        targets = left.named_children if left is not None else node.children_by_field_name("name")
        for target in targets:
            bound[text(source, target)] = bound.get(text(source, target), 0) + 1
        right = node.child_by_field_id(FIELD.right)
        values = right.named_children if right is not None and node.type == "short_var_declaration" else []
        if len(targets) == 1 and len(values) == 1 and _needs_error(values[0], param, source):
            flags.add(text(source, targets[0]))
        elif len(targets) == 1 and len(values) == 1 and _mapping(node, param, source) is not None and \
                any(param.is_(a) and nil_only_for_error(_strip(values[0]), i, source)
                    for i, a in enumerate(arguments(_strip(values[0])))):
            mapped.add(text(source, targets[0]))
    return frozenset(name for name in flags if bound[name] == 1), \
        frozenset(name for name in mapped if bound[name] == 1)


def _needs_error(expr: Any, param: _Variable, source: bytes, flags: frozenset[str] = frozenset(),
                 mapped: frozenset[str] = frozenset()) -> bool:
    """Whether expr can be true only when param is a non-nil error (flags: names bound
    to such a value, mapped: names bound to one nil for a nil param, _error_flags)."""
    expr = _strip(expr)
    if expr is None:
        return False
    if expr.type == "identifier":
        return text(source, expr) in flags
    if expr.type == "binary_expression":
        op = expr.child_by_field_id(FIELD.operator).type
        if op in ("&&", "||"):
            left, right = _strip(expr.child_by_field_id(FIELD.left)), _strip(expr.child_by_field_id(FIELD.right))
            sides = (_needs_error(left, param, source, flags, mapped),
                     _needs_error(right, param, source, flags, mapped))
            return any(sides) if op == "&&" else all(sides)
        if op == "==":  # `err == context.Canceled`: another package's error value, never nil
            left, right = _strip(expr.child_by_field_id(FIELD.left)), _strip(expr.child_by_field_id(FIELD.right))
            return any(a is not None and b is not None and param.is_(a) and
                       b.type == "selector_expression" and names_for(source, b).qualified(b) is not None
                       for a, b in ((left, right), (right, left)))
        tested = nil_operand(expr, "!=")  # a name of mapped is bound once in body: its text is the variable
        return param.is_(tested) or tested is not None and tested.type == "identifier" and text(source, tested) in mapped
    if expr.type == "call_expression":
        given = arguments(expr)
        called = names_for(source, expr).qualified(expr.child_by_field_id(FIELD.function))
        if not given or not param.is_(given[0]):
            return False
        if called in _MATCHES_ERROR:
            return len(given) == 2 and _strip(given[1]) is not None and _strip(given[1]).type != "nil"
        return called in _ERROR_PREDICATES and len(given) == 1
    return False


def _context_done(condition: Any | None, truth: bool, contexts: tuple[str, ...], source: bytes) -> bool:
    """Whether condition being truth means one of contexts is done: `ctx.Err() != nil`
    (or `== nil` false), through `!`, `&&` and `||`."""
    condition = _strip(condition)
    if condition is None:
        return False
    if condition.type == "unary_expression":
        operator = condition.child_by_field_id(FIELD.operator)
        return operator is not None and operator.type == "!" and \
            _context_done(condition.child_by_field_id(FIELD.operand), not truth, contexts, source)
    if condition.type != "binary_expression":
        return False
    op = condition.child_by_field_id(FIELD.operator).type
    left, right = _strip(condition.child_by_field_id(FIELD.left)), _strip(condition.child_by_field_id(FIELD.right))
    if left is None or right is None:
        return False
    if op in ("&&", "||"):
        sides = (_context_done(left, truth, contexts, source), _context_done(right, truth, contexts, source))
        return any(sides) if (op == "&&") == truth else all(sides)
    done = nil_operand(condition, "!=" if truth else "==")
    return done is not None and done.type == "call_expression" and not _has_arguments(done) and \
        call_name(done, source) in ((c, "Err") for c in contexts)


def _walk_with_self(node: Any) -> Iterator[Any]:
    yield node
    yield from walk(node, into_functions=False)


# --- the entry point ---------------------------------------------------------------------


def _error_variable(acquisition: Any, err_name: str, source: bytes) -> _Variable | None:
    """The error variable named err_name that the acquisition binds; None without one."""
    err_ident = bound_identifier(acquisition, err_name, source)
    return _Variable(err_ident, declaration_of(err_ident, source) or err_ident, source) \
        if err_ident is not None else None


def _error_guards(acquisition: Any, func: Any, err: _Variable | None, source: bytes,
                  var: _Variable | None = None) -> set[tuple]:
    """The `if` and `switch {}` statements that test the error bound with the resource
    before anything assigns that error again: where they see `err != nil`, the
    resource is nil (the check right after the call, and the one after a retry loop).
    A statement in a branch after it, or in the loop around it, that binds the error
    together with the resource's variable again (`rows, err = db.Query(q2)` in a
    fallback) keeps that so: the last call to fail left nil. (Outside a loop, one in the
    same block ends the resource's tracking there: the variable is reassigned.)"""
    if err is None:
        return set()
    guards: set[tuple] = set()
    if acquisition.parent is not None and acquisition.parent.type == "if_statement":
        guards.add(_key(acquisition.parent))  # `if rows, err := f(); err != nil {`
    body = func.child_by_field_id(FIELD.body)
    scope = _scope_of(err.decl, acquisition, body)
    loop = next((a for a in _ancestors_until(acquisition, func) if a.type == "for_statement"), None)
    skip_end = -1
    mapped: set[str] = set()  # `e := f(err)`, f nil for a nil err: `if e != nil` is a guard
    for node in _following(acquisition, scope):
        if node.start_byte < skip_end:
            continue  # in a branch that assigned err again and never falls through
        if node.type in ("assignment_statement", "short_var_declaration"):
            left = node.child_by_field_id(FIELD.left)
            if left is not None and any(err.is_(t) for t in left.named_children) and \
                    not _clears(node, err) and not _exclusive(node, acquisition) and \
                    not (var is not None and (node.parent != acquisition.parent or loop is not None and
                                              node.start_byte < loop.end_byte) and
                         any(var.is_(t) for t in left.named_children)) and \
                    not (var is not None and not any(var.is_(t) for t in left.named_children) and
                         _under_failure(node, guards, err, source)):
                branch = _leaving_branch(node, acquisition, scope)
                if branch is None:
                    return guards
                skip_end = branch.end_byte  # `err = refresh(); ...; break`: no later check sees it
        elif node.type == "if_statement":
            init = node.child_by_field_id(FIELD.initializer)
            left = init.child_by_field_id(FIELD.left) if init is not None else None
            if left is not None and any(err.is_(t) for t in left.named_children):
                return guards  # `if err = r.Err(); err != nil`: a new error
            condition = node.child_by_field_id(FIELD.condition)
            if condition is not None and any(err.is_(n) or n.type == "identifier" and text(source, n) in mapped and
                                             _mapped_error(n, err, source) is not None
                                             for n in _walk_with_self(condition)) or \
                    _asserted(init, err, source) is not None or _mapping(init, err, source) is not None:
                guards.add(_key(node))  # `if _, ok := err.(net.Error); ok`, `if e != nil` after `e := f(err)`, too
        if node.type == "short_var_declaration" and _mapping(node, err, source) is not None:
            mapped.update(_mapped_names([n for n in _walk_with_self(node) if err.is_(n)], err, source))
        elif node.type == "expression_switch_statement" and node.child_by_field_id(FIELD.value) is None:
            guards.add(_key(node))  # switch { case err != nil: ... }
    # Past the error's scope nothing names it; the `switch {` there are still guards.
    occurrences = _occurrences(func, source)
    guards.update(_key(s) for s in occurrences.switches[bisect_left(occurrences.switch_starts, scope.end_byte):])
    return guards


def _clears(assignment: Any, err: _Variable) -> bool:
    """`err = nil` (`if errors.Is(err, sql.ErrNoRows) { err = nil }`): the error is then
    either the call's or nil, so a later `err != nil` still means the call failed. So
    is `err = e` in the branch of an `if e == nil` (a retry's error, bound where it
    succeeded: `again, e := client.Do(req); if e == nil { resp = again; err = e }`)."""
    left, right = assignment.child_by_field_id(FIELD.left), assignment.child_by_field_id(FIELD.right)
    if not (assignment.type == "assignment_statement" and left is not None and right is not None and
            len(left.named_children) == 1 and err.is_(left.named_children[0]) and
            len(right.named_children) == 1):
        return False
    value = _strip(right.named_children[0])
    return value is not None and (value.type == "nil" or value.type == "identifier" and
                                  _nil_in_branch(value, assignment, err.source))


def _nil_in_branch(value: Any, at: Any, source: bytes) -> bool:
    """Whether the identifier value is nil at the statement at: it lies in the branch of
    an `if` whose condition holds only for a nil value (`v == nil`, or a chain of `&&`
    holding it), with nothing in that branch assigning value before at."""
    name = text(source, value)
    decl = declaration_of(value, source)
    for holder in ancestors(at):
        if holder.type in ("func_literal", "function_declaration", "method_declaration"):
            return False
        if holder.type != "if_statement":
            continue
        branch = holder.child_by_field_id(FIELD.consequence)
        if branch is None or not (branch.start_byte <= at.start_byte < branch.end_byte):
            continue
        conjuncts, pending = [], [holder.child_by_field_id(FIELD.condition)]
        while pending:
            part = _strip(pending.pop())
            if part is not None and part.type == "binary_expression" and \
                    part.child_by_field_id(FIELD.operator).type == "&&":
                pending += [part.child_by_field_id(FIELD.left), part.child_by_field_id(FIELD.right)]
            elif part is not None:
                conjuncts.append(part)
        tested = [nil_operand(c, "==") for c in conjuncts]
        if not any(t is not None and t.type == "identifier" and text(source, t) == name and
                   _key(declaration_of(t, source) or t) == _key(decl or value) for t in tested):
            continue
        return not any(
            node.type in ("assignment_statement", "short_var_declaration") and node.end_byte <= at.start_byte and
            any(t.type == "identifier" and text(source, t) == name and
                _key(declaration_of(t, source) or t) == _key(decl or value)
                for t in (node.child_by_field_id(FIELD.left).named_children
                          if node.child_by_field_id(FIELD.left) is not None else ()))
            for node in walk(branch, into_functions=False))
    return False


def _leaving_branch(node: Any, acquisition: Any, scope: Any) -> Any | None:
    """The branch (block) of an `if` that holds the statement node directly, not the
    acquisition, and ends in a jump that no statement after it in the error's scope
    follows: a `return`, or a `break` / `continue` of a `for` loop that holds both the
    acquisition and that scope (`if unauthorized { err = refresh(); ...; break }`: the
    error it assigns reaches no later check, the next iteration binds it again). None
    otherwise."""
    holder = node.parent
    if holder is not None and holder.type == "statement_list":
        holder = holder.parent
    if holder is None or holder.type != "block" or holder.parent is None or \
            holder.parent.type != "if_statement" or \
            holder.start_byte <= acquisition.start_byte < holder.end_byte:
        return None
    last = holder
    while last is not None and last.type in ("block", "statement_list"):
        last = next((c for c in reversed(last.named_children) if c.type != "comment"), None)
    if last is not None and last.type == "return_statement":
        return holder
    if last is None or last.type not in ("break_statement", "continue_statement") or \
            any(c.type == "label_name" for c in last.named_children):
        return None  # a labelled jump, a goto or a fall-through
    target = next((a for a in ancestors(last) if a.type in (
        "for_statement", "expression_switch_statement", "type_switch_statement", "select_statement",
        "func_literal", "function_declaration", "method_declaration")), None)
    if target is None or target.type != "for_statement" or \
            not (target.start_byte <= acquisition.start_byte < target.end_byte) or \
            not (target.start_byte <= scope.start_byte and scope.end_byte <= target.end_byte):
        return None
    return holder


def _asserted(init: Any | None, err: "_Variable", source: bytes) -> str | None:
    """The name of the `ok` that an `if` statement's initializer `x, ok := err.(T)` binds
    by asserting the type of the error err; None for any other initializer."""
    if init is None or init.type != "short_var_declaration":
        return None
    left = init.child_by_field_id(FIELD.left)
    right = init.child_by_field_id(FIELD.right)
    targets = left.named_children if left is not None else []
    values = right.named_children if right is not None else []
    if len(targets) != 2 or len(values) != 1 or targets[1].type != "identifier":
        return None
    value = _strip(values[0])
    if value is None or value.type != "type_assertion_expression":
        return None
    operand = _strip(value.child_by_field_name("operand"))
    if not err.is_(operand):
        return None
    return text(source, targets[1])


def _ok_conditions(named: list[Any], err: "_Variable", source: bytes) -> list[int]:
    """The start bytes of the conditions of the `if x, ok := err.(T); ok` and `if e :=
    f(err); e != nil` statements whose initializer names err at one of the given nodes:
    steps the flow must see."""
    found = []
    for node in named:
        init = node.parent.parent if node.parent is not None and \
            node.parent.type in ("type_assertion_expression", "argument_list") else None
        while init is not None and init.type not in ("short_var_declaration", "block", "if_statement"):
            init = init.parent
        statement = init.parent if init is not None and init.type == "short_var_declaration" else None
        if statement is not None and statement.type == "if_statement" and \
                statement.child_by_field_id(FIELD.initializer) == init and \
                (_asserted(init, err, source) or _mapping(init, err, source) is not None):
            condition = statement.child_by_field_id(FIELD.condition)
            if condition is not None:
                found.append(condition.start_byte)
    return found


def _if_of(condition: Any) -> Any | None:
    """The `if` statement whose condition holds the node, reached from it through
    parentheses, `!`, `&&` and `||` only; None when there is none."""
    node = condition
    while node.parent is not None and node.parent.type in ("parenthesized_expression", "unary_expression",
                                                           "binary_expression"):
        node = node.parent
    statement = node.parent
    if statement is None or statement.type != "if_statement" or \
            statement.child_by_field_id(FIELD.condition) != node:
        return None
    return statement


def _asserts_error(condition: Any, err: "_Variable", source: bytes) -> bool:
    """Whether the identifier condition is the `ok` of its `if` statement's `x, ok :=
    err.(T)` (a type assertion holds only for a non-nil interface value), reached from
    the condition through parentheses, `!`, `&&` and `||` only."""
    statement = _if_of(condition)
    if statement is None:
        return False
    return _asserted(statement.child_by_field_id(FIELD.initializer), err, source) == text(source, condition)


def _previous_statement(node: Any) -> Any | None:
    before = node.prev_named_sibling
    while before is not None and before.type == "comment":
        before = before.prev_named_sibling
    return before


def _matched_flags(named: list[Any], err: "_Variable", source: bytes) -> list[int]:
    """The start bytes of the flags in the condition of the `if` right after an `if
    (err != nil) != want { return }` whose condition names err at one of the given
    nodes (`_matched_with_error`): steps the flow must see."""
    found = []
    for node in named:
        while node.parent is not None and node.parent.type in ("parenthesized_expression", "binary_expression"):
            node = node.parent
        guard = node.parent
        if guard is None or guard.type != "if_statement" or guard.child_by_field_id(FIELD.condition) != node:
            continue
        after = next_statement(guard)
        condition = after.child_by_field_id(FIELD.condition) if after is not None and \
            after.type == "if_statement" else None
        found += [n.start_byte for n in _walk_with_self(condition) if n.type == "identifier" and
                  _matched_with_error(n, err, source)] if condition is not None else []
    return found


def _matched_with_error(condition: Any, err: "_Variable", source: bytes) -> bool:
    """Whether the identifier condition (`want`) is, in its `if`, the flag that the `if`
    right before compared with the error and left on a mismatch (`if (err != nil) !=
    want { ...; return }`): past that, want holds only where err is not nil. The flag
    is reached from the condition through parentheses, `!`, `&&` and `||` only."""
    statement = _if_of(condition)
    if statement is None:
        return False
    guard = _previous_statement(statement)
    if guard is None or guard.type != "if_statement" or guard.child_by_field_id(FIELD.alternative) is not None:
        return False
    compared = _strip(guard.child_by_field_id(FIELD.condition))
    if compared is None or compared.type != "binary_expression" or \
            compared.child_by_field_id(FIELD.operator).type != "!=":
        return False
    sides = _strip(compared.child_by_field_id(FIELD.left)), _strip(compared.child_by_field_id(FIELD.right))
    for flag, failed in (sides, sides[::-1]):
        checked = nil_operand(failed, "!=") if failed is not None else None
        if flag is not None and flag.type == "identifier" and condition.type == "identifier" and \
                names_for(source, flag).same_variable(flag, condition) and err.is_(checked):
            break
    else:
        return False
    branch = guard.child_by_field_id(FIELD.consequence)
    while branch is not None and branch.type in ("block", "statement_list"):
        branch = next((c for c in reversed(branch.named_children) if c.type != "comment"), None)
    return branch is not None and branch.type in _JUMPS


def _under_failure(node: Any, guards: set[tuple], err: _Variable, source: bytes) -> bool:
    """Whether node lies in the body of a guard `if err != nil {` (or `if err != nil &&
    ... {`): an error replaced there (`err = uerr.Err`, `err = fmt.Errorf(...)`) is
    replaced only where the call failed and left the resource nil, so a later `err != nil`
    still says nil, and on the paths where it succeeded err is still nil. So too after a
    guard in its block that leaves where err is nil (`if err == nil || i == last { break }`
    in a retry loop): only a failed call goes on past it."""
    for holder in (node, *ancestors(node)):
        before = holder.prev_named_sibling
        while before is not None:
            if before.type == "if_statement" and _key(before) in guards and _leaves_unless_failed(before, err):
                return True
            before = before.prev_named_sibling
        if holder.type == "if_statement" and _key(holder) in guards:
            body = holder.child_by_field_id(FIELD.consequence)
            condition = _strip(holder.child_by_field_id(FIELD.condition))
            while condition is not None and condition.type == "binary_expression" and \
                    condition.child_by_field_id(FIELD.operator).type == "&&":
                condition = _strip(condition.child_by_field_id(FIELD.left))
            if body is not None and body.start_byte <= node.start_byte < body.end_byte and \
                    condition is not None and condition.type == "binary_expression" and \
                    condition.child_by_field_id(FIELD.operator).type == "!=" and \
                    err.is_(_strip(condition.child_by_field_id(FIELD.left))) and \
                    _strip(condition.child_by_field_id(FIELD.right)).type == "nil":
                return True
    return False


def _leaves_unless_failed(guard: Any, err: _Variable) -> bool:
    """Whether the `if` (with no else) leaves its block whenever err is nil: its condition
    is `err == nil`, or a chain of `||` holding it, and its branch ends in a jump."""
    if guard.child_by_field_id(FIELD.alternative) is not None:
        return False
    disjuncts, condition = [], [guard.child_by_field_id(FIELD.condition)]
    while condition:
        part = _strip(condition.pop())
        if part is not None and part.type == "binary_expression" and \
                part.child_by_field_id(FIELD.operator).type == "||":
            condition += [part.child_by_field_id(FIELD.left), part.child_by_field_id(FIELD.right)]
        elif part is not None:
            disjuncts.append(part)
    if not any(err.is_(nil_operand(d, "==")) for d in disjuncts if nil_operand(d, "==") is not None):
        return False
    branch = guard.child_by_field_id(FIELD.consequence)
    while branch is not None and branch.type in ("block", "statement_list"):
        branch = next((c for c in reversed(branch.named_children) if c.type != "comment"), None)
    return branch is not None and branch.type in _JUMPS


# Nodes whose children see a declaration made in them and nothing after them.
_SCOPES = ("statement_list", "block", "if_statement", "for_statement", "expression_switch_statement",
           "type_switch_statement", "expression_case", "type_case", "communication_case", "default_case")


def _scope_of(decl: Any, inside: Any, body: Any) -> Any:
    """The innermost block around decl (a declaring identifier) that holds `inside`,
    up to the function's body: past it the declared name means something else."""
    node = decl.parent if decl is not None else None
    while node is not None and _key(node) != _key(body):
        if node.type in _SCOPES and node.start_byte <= inside.start_byte and inside.end_byte <= node.end_byte:
            inner = body.start_byte <= node.start_byte and node.end_byte <= body.end_byte
            return node if inner else body  # a variable of an enclosing function
        node = node.parent
    return body


def _exclusive(a: Any, b: Any) -> bool:
    """Whether a and b lie in different branches of one if/else, switch or select, so
    no path runs both (`if t <= 0 { rsp, err = raw() } else { rsp, err = retry() }`)."""
    above_b = {_key(n): n for n in _ancestors_until(b, root_of(b))}
    child = a
    for parent in _ancestors_until(a, root_of(a)):
        if _key(parent) in above_b:
            if parent.type == "if_statement":
                branches = [parent.child_by_field_name("consequence"), parent.child_by_field_name("alternative")]
            elif parent.type in ("expression_switch_statement", "type_switch_statement", "select_statement"):
                branches = [c for c in parent.named_children if c.type in (
                    "expression_case", "type_case", "communication_case", "default_case")]
            else:
                return False
            b_branch = next((n for n in branches if n is not None and _key(n) in above_b), None)
            return b_branch is not None and _key(b_branch) != _key(child) and \
                any(n is not None and _key(n) == _key(child) for n in branches)
        child = parent
    return False


def _following(node: Any, stop: Any) -> Iterator[Any]:
    """The nodes after node and its descendants, in source order, up to the end of
    `stop` (an ancestor of node); function literals are yielded but not entered."""
    while node is not None and _key(node) != _key(stop):
        sibling = node.next_sibling
        while sibling is not None:
            yield sibling
            if sibling.type != "func_literal":
                yield from walk(sibling, into_functions=False)
            sibling = sibling.next_sibling
        node = node.parent


@dataclass
class Outcome:
    """What `analyze` found: the first use handing the resource on (why, node), if
    any, and the verdict on the paths (a hand-off ends the resource's life on its own
    path only)."""

    escape: tuple[str, Any] | None = None
    verdict: Verdict | None = None
    handoffs: list[tuple[str, Any]] = field(default_factory=list)


def analyze(acquisition: Any, target: Any, release: Release, source: bytes,
            err_name: str = "") -> Outcome | None:
    """Follow the resource bound to `target` (an identifier on the left of the
    `acquisition` statement, a `:=` or `=` in a statement list) through its function.
    err_name names the error variable bound alongside it, whose `!= nil` check right
    after the acquisition marks the branch where the resource is nil.

    None when the model cannot decide (a goto, a variable of an enclosing function or of
    the package, a named result, an acquisition outside a statement list)."""
    parent = acquisition.parent
    in_if_header = parent is not None and parent.type == "if_statement" and \
        _key(parent.child_by_field_name("initializer") or parent) == _key(acquisition)
    if parent is None or (parent.type not in ("statement_list", "block") and not in_if_header):
        return None
    func = enclosing_function(acquisition)
    if func is None or func.child_by_field_name("body") is None:
        return None
    decl = declaration_of(target, source)
    if decl is None:
        return None
    declared = _key(decl) == _key(target)
    if not declared:
        if enclosing_function(decl) is None or _key(enclosing_function(decl)) != _key(func):
            return None  # a captured variable: its life is the outer function's business
        if decl.parent is not None and decl.parent.type == "parameter_declaration":
            result = func.child_by_field_name("result")
            if result is not None and result.start_byte <= decl.start_byte < result.end_byte:
                return None  # a named result: a bare return hands it on
    var = _Variable(target, decl, source)
    if release.receive:
        var.channels = set(_channel_aliases(func, source, decl))
    handoffs = escapes(func, acquisition, var, release)
    if any(_in_other_loop(node, acquisition, func) for _, node in handoffs):
        # A hand-off in a loop of its own (`for _, f := range after { f(ctx, resp) }`)
        # may happen on every path through it: the graph cannot say the loop runs.
        return Outcome(escape=handoffs[0])
    err = _error_variable(acquisition, err_name, source)
    flow = _Flow(acquisition, var, release, _error_guards(acquisition, func, err, source, var),
                 err, declared, func, handoffs)
    try:
        flow.run()
    except (_Undecidable, RecursionError):  # RecursionError: absurdly deep nesting
        return None
    final, defers = _top_level(func, source)
    exits = list(flow.exits.values())
    tails = flow.tails
    if any(s.end_byte <= acquisition.start_byte and _deferred_closure_releases(s, var, release)
           for s in defers):
        # `defer func() { t.Stop() }()` before `t = ...`: the closure reads t when the
        # function returns, so it releases whatever t holds then.
        exits = [replace(e, state=RELEASED) if e.kind in ("return", "end") and e.state == LIVE
                 else e for e in exits]
        tails = {block: RELEASED if state == LIVE else state for block, state in tails.items()}
    return Outcome(escape=handoffs[0] if handoffs else None,
                   verdict=Verdict(exits, final, flow.seen_released, flow.seen_handed,
                                   _Tails(tails, flow.shape) if tails else None, flow.exhausted,
                                   flow.closes, flow.live_steps),
                   handoffs=handoffs)


@per_file
def _top_level(func: Any, source: bytes) -> tuple[tuple | None, list[Any]]:
    """(key of the last statement of func's body, its top-level `defer func() {...}()`
    and `defer f()`)."""
    stmts = statements(func.child_by_field_name("body"))
    defers = []
    for stmt in stmts:
        call = next((c for c in stmt.named_children if c.type == "call_expression"), None) \
            if stmt.type == "defer_statement" else None
        function = call.child_by_field_name("function") if call is not None else None
        if function is not None and function.type in ("func_literal", "identifier"):
            defers.append(stmt)  # `defer func() {...}()`, `defer cancel()`
    return (_key(stmts[-1]) if stmts else None), defers


def _in_other_loop(node: Any, acquisition: Any, func: Any) -> bool:
    return any(a.type == "for_statement" and not (a.start_byte <= acquisition.start_byte < a.end_byte)
               for a in _ancestors_until(node, func))


@per_file
def _channel_aliases(func: Any, source: bytes, decl: Any) -> frozenset[str]:
    """Names assigned v.C in the function (`timeout = t.C`), for the variable v decl declares."""
    var = _Variable(decl, decl, source)
    found = set()
    holders = {}
    for use in _occurrences(func, var.source).of(var):
        node = use.parent
        while node is not None and node.type in ("selector_expression", "parenthesized_expression",
                                                 "expression_list"):
            node = node.parent
        if node is not None and node.type in ("assignment_statement", "short_var_declaration") \
                and _key(enclosing_function(node)) == _key(func):
            holders[_key(node)] = node
    for node in holders.values():
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None or len(left.named_children) != len(right.named_children):
            continue
        for target, value in zip(left.named_children, right.named_children):
            value = _strip(value)
            if target.type == "identifier" and value.type == "selector_expression" and \
                    text(var.source, value.child_by_field_name("field")) == "C" and \
                    var.is_(value.child_by_field_name("operand")):
                found.add(text(var.source, target))
    return frozenset(found)


def deferred_in_loop(acquisition: Any, target: Any, release: Release, onward: Release, source: bytes,
                     err_name: str = "") -> Any | None:
    """The `defer` inside the loop that makes the resource (its own function's loop)
    that releases it (`defer rows.Close()`, a deferred closure), when some path from the
    acquisition goes on to the loop's next iteration with the resource still held:
    followed with `onward` (what else releases it on the way, such as `Next` running
    out or a read to EOF; not the defer), it reaches the iteration's end, a `continue`
    or the next acquisition. A defer runs only when the function returns, so every
    iteration holds its resource until then. None otherwise."""
    func = enclosing_function(acquisition)
    loop = next((a for a in ancestors(acquisition) if a.type in ("for_statement", *FUNCTION_TYPES)), None)
    decl = declaration_of(target, source)
    if func is None or loop is None or loop.type != "for_statement" or decl is None:
        return None
    var = _Variable(target, decl, source)
    defer = next((node for node in walk(loop.child_by_field_name("body"))
                  if node.type == "defer_statement" and node.start_byte > acquisition.end_byte
                  and _key(enclosing_function(node)) == _key(func)
                  and any(c.type == "call_expression" and releases(c, var, release) for c in walk(node))), None)
    if defer is None or _returns_after(defer, source):
        return None
    opened = analyze(acquisition, target, onward, source, err_name)
    if opened is None or opened.verdict is None:
        return None
    onward_exits = any(e.state == LIVE and (e.kind in ("continue", "reacquire", "reassign") or (
        e.kind == "scope" and _key(e.node.parent) == _key(loop))) for e in opened.verdict.exits)
    return defer if onward_exits else None


def _returns_after(defer: Any, source: bytes) -> bool:
    """Whether the statements after defer in its own block (a case clause's too) end in a
    `return` or a call that never returns, with no `break`, `continue` or `goto` among
    them: the function returns in the iteration that ran the defer, so the defer holds
    no iteration's resource past it (`case code >= 400: defer resp.Body.Close(); ...;
    return nil, err`)."""
    after = [c for c in defer.parent.named_children if c.start_byte > defer.end_byte and c.type != "comment"]
    if not after or not (after[-1].type == "return_statement" or never_returning_statement(after[-1], source)):
        return False
    return not any(n.type in ("break_statement", "continue_statement", "goto_statement")
                   for stmt in after for n in (stmt, *walk(stmt, into_functions=False)))


def _deferred_closure_releases(stmt: Any, var: _Variable, release: Release) -> bool:
    if stmt.type != "defer_statement":
        return False
    call = next((c for c in stmt.named_children if c.type == "call_expression"), None)
    function = call.child_by_field_name("function") if call is not None else None
    if function is not None and function.type == "identifier" and \
            text(var.source, function) in release.cancels:
        return True  # `defer cancel()` before the request: called on the way out
    return function is not None and function.type == "func_literal" and \
        _closure_releases(function, var, release)


# --- helpers for the rules built on this analysis ----------------------------------------


def left_names(stmt: Any) -> list[Any]:
    """The expressions on the left of a `:=` or `=` statement."""
    left = stmt.child_by_field_id(FIELD.left)
    return list(left.named_children) if left is not None else []


def member_uses(func: Any, target: Any, source: bytes) -> tuple[set[str], set[str]]:
    """(fields read, methods called) in func on the variable or field path the
    expression target names (`resp` gives ({"Body"}, ...), `rows` (..., {"Next"})); a
    variable of the same name that shadows it is another variable."""
    fields: set[str] = set()
    methods: set[str] = set()
    names = names_for(source, target)
    for node in _selectors(func, source).get(text(source, target), ()) if func is not None else ():
        operand = node.child_by_field_id(FIELD.operand)
        field_node = node.child_by_field_id(FIELD.field)
        if field_node is None or not names.same_path(operand, target):
            continue
        parent = node.parent
        called = parent is not None and parent.type == "call_expression" and \
            _key(parent.child_by_field_id(FIELD.function)) == _key(node)
        (methods if called else fields).add(text(source, field_node))
    return fields, methods


@per_file
def _selectors(func: Any, source: bytes) -> dict[str, list[Any]]:
    """The selector expressions in func's body (function literals included), by the
    text of their operand: each function is walked once, not once per resource."""
    found: dict[str, list[Any]] = {}
    body = func.child_by_field_id(FIELD.body)
    for node in descendants(body, ("selector_expression",)) if body is not None else ():
        operand = node.child_by_field_id(FIELD.operand)
        if operand is not None:
            found.setdefault(text(source, operand), []).append(node)
    return found


def leak_message(outcome: Outcome | None, verb: str, brief: bool = False, stopping: str = "",
                 exhausting: str = "") -> str:
    """The path part of a finding ("never closed", "closed on the happy path but not
    when ..."), or "" when there is nothing to report; brief, stopping, exhausting: see
    Verdict.summary."""
    if outcome is None or outcome.verdict is None:
        return ""
    return outcome.verdict.summary(verb, brief, stopping, exhausting)


_JUMPS = ("return_statement", "break_statement", "continue_statement", "goto_statement")


def skipped_loop(leaks: list[Exit], target: Any, release: Release, source: bytes) -> Any | None:
    """The loop (`for _, s := range list { go run(s) }`, with `run` a closure that calls
    `cancel`) whose every turn releases the resource bound to target, when each leaking
    exit follows it in a block around that exit: those exits leak only on the path where
    the loop runs no iteration, which the code does not show can happen. Every turn releases
    when a statement of the loop's body does so (called, deferred or started as a
    goroutine) with no return, break, continue or goto before it. None otherwise."""
    decl = declaration_of(target, source)
    func = enclosing_function(decl) if decl is not None else None
    if func is None or not leaks:
        return None
    var = _Variable(target, decl, source)
    found = None
    for leak in leaks:
        if leak.kind not in ("return", "end"):
            return None
        inner = leak.node if leak.kind == "return" else None
        loop = None
        for block in ancestors(leak.node) if inner is not None else [leak.node]:
            if _key(block) == _key(func):
                break
            if block.type != "statement_list" and not (block.type == "block" and inner is None):
                inner = block
                continue
            loop = next((s for s in reversed(_statements_of(block))
                         if s.type == "for_statement" and s.start_byte > decl.end_byte and
                         (inner is None or s.end_byte <= inner.start_byte) and _each_turn(s, var, release)), None)
            if loop is not None:
                break
            inner = block
        if loop is None or (found is not None and _key(found) != _key(loop)):
            return None
        found = loop
    return found


def _statements_of(block: Any) -> list[Any]:
    holder = next((c for c in block.named_children if c.type == "statement_list"), block)
    return list(holder.named_children)


def _each_turn(loop: Any, var: _Variable, release: Release) -> bool:
    """Whether a statement of the loop's body releases the resource with no jump before
    it (a loop with a condition or a range clause: `for {}` has no path that skips it)."""
    if not any(c.type in ("for_clause", "range_clause") or c.type.endswith("expression") or c.type == "identifier"
               for c in loop.named_children if _key(c) != _key(loop.child_by_field_name("body"))):
        return False
    for statement in _statements_of(loop.child_by_field_name("body")):
        if any(n.type in _JUMPS for n in _walk_with_self(statement)):
            return False
        calls = [c for c in statement.named_children if c.type == "call_expression"] \
            if statement.type in ("expression_statement", "go_statement", "defer_statement") else []
        if any(releases(c, var, release) for c in calls):
            return True
    return False


def shortest_fitting(*messages: str) -> str:
    """The first message (most detailed first) within the message policy's length,
    else the last one."""
    return next((m for m in messages if len(m) <= MESSAGE_LIMIT), messages[-1])


def short_call(call: Any, source: bytes) -> str:
    """`db.Query`, or `….Rows()` when the receiver is a long chain."""
    operand, name = call_name(call, source)
    if not operand:
        return name
    if "(" in operand or len(operand) > 30:
        return f"….{name}()"
    return f"{operand}.{name}"
