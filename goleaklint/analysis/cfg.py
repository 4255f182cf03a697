"""Control flow of one Go function, built from its syntax tree, and the questions
every rule asks of it: "does this call return?" and "can this loop end?".

`cfg_of(func)` builds the graph once per function (function literals are functions of
their own) and keeps it while the same file is analysed. A `Block` holds `Step`s, the
statement-level nodes in the order they run, and `Edge`s to its successors:

- "stmt": a simple statement (assignment, call, send, `go`, `defer`, `var`, ...).
- "noreturn": a call statement that never returns (`panic`, `os.Exit`, `t.Fatal`,
  ...): its block has no successor.
- "return": a return statement; its block goes to the exit block.
- "cond": the condition of an `if` or a `for`; the edges out carry `test` (the if or
  for statement) and `truth`.
- "range": the range clause of a `for ... range` loop; `truth=False` is the way out
  when the ranged value is exhausted.
- "eval": a switch's tag or a type switch's value.
- "case": an `expression_case`, `type_case` or `default_case` being selected.
- "comm": a select case's send or receive (`communication_case`).
- "jump": `break`, `continue` or `goto`; `target` is the statement jumped to (the loop,
  switch or select left or continued, or the labeled statement of a goto).
- "leave": the end of a statement list or of an `if` with an initializer, reached by
  falling off it: the variables it declares end there.

Expressions are not split (`&&`, `||` and function literals stay inside one step).
The graph is linear in the function's size.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from goleaklint.analysis.names import UNIVERSE, names_for
from goleaklint.parsing import FIELD
from goleaklint.syntax import (FUNCTION_TYPES, LINE_COMMENT, ancestors, call_name, descendants,
                               enclosing_function, file_memo, in_program, per_file, text, walk)

# --- calls that never return ---------------------------------------------------------

_GLOG = {"Fatal", "Fatalf", "Fatalln", "FatalDepth", "Exit", "Exitf", "Exitln", "ExitDepth"}
_LOGRUS = {"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}
# Package functions after which control never comes back, by import path.
NEVER_RETURNING_FUNCTIONS = {
    "os": {"Exit"},
    "runtime": {"Goexit"},
    "syscall": {"Exit"},
    "log": {"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"},
    "github.com/golang/glog": _GLOG,
    "k8s.io/klog": _GLOG,
    "k8s.io/klog/v2": _GLOG,
    "github.com/sirupsen/logrus": _LOGRUS,
}
_NEVER_RETURNING_NAMES = {"panic"}.union(*NEVER_RETURNING_FUNCTIONS.values())
# Methods that never return whatever the receiver: testing's t/b/f (`Fatal*`, `FailNow`,
# `Skip*`) and loggers (`log.Logger`, logrus, zap: `Fatal*`, `Panic*`).
NEVER_RETURNING_METHODS = {"Fatal", "Fatalf", "Fatalln", "FailNow", "Skip", "Skipf", "SkipNow",
                           "Panic", "Panicf", "Panicln"}


def never_returns(call: Any, source: bytes) -> bool:
    """Whether the call_expression ends the goroutine or the program: `panic(...)`
    (the predeclared one), a package function of the table (the package resolved
    through its import, so a local variable named `log` is not the package), or a
    method of NEVER_RETURNING_METHODS on a value."""
    if call is None or call.type != "call_expression":
        return False
    function = _strip(call.child_by_field_id(FIELD.function))
    if function is None:
        return False
    if function.type == "identifier":
        return text(source, function) == "panic" and \
            names_for(source, call).resolve(function).kind == UNIVERSE
    if function.type != "selector_expression":
        return False
    name = text(source, function.child_by_field_id(FIELD.field))
    if name not in _NEVER_RETURNING_NAMES and name not in NEVER_RETURNING_METHODS:
        return False
    names = names_for(source, call)
    path = names.import_path(_strip(function.child_by_field_id(FIELD.operand)))
    if path is not None:
        return name in NEVER_RETURNING_FUNCTIONS.get(path, ())
    return name in NEVER_RETURNING_METHODS


# The never-returning calls that end only the goroutine, not the process.
_GOROUTINE_ONLY = {"Goexit", "FailNow", "Skip", "Skipf", "SkipNow"}


def ends_program(call: Any, source: bytes) -> bool:
    """A call that never returns and takes the process down (panic, os.Exit,
    log.Fatal, ...), unlike runtime.Goexit or t.FailNow, which end one goroutine."""
    return never_returns(call, source) and call_name(call, source)[1] not in _GOROUTINE_ONLY


def ends_process(call: Any, source: bytes) -> bool:
    """ends_program without the doubt about `x.Fatal(...)` on a value, which is
    `testing.T`'s (ending one test goroutine) as often as a logger's: `panic`, a package
    function of the table that ends the process (`log.Panic`, `os.Exit`), or a `Panic*`
    method (loggers only; testing has none)."""
    if not ends_program(call, source):
        return False
    function = _strip(call.child_by_field_name("function"))
    if function.type == "identifier":
        return True
    name = text(source, function.child_by_field_name("field"))
    return name.startswith("Panic") or \
        names_for(source, call).import_path(_strip(function.child_by_field_name("operand"))) is not None


def _strip(node: Any) -> Any:
    while node is not None and node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node


def conjuncts(condition: Any) -> list[Any]:
    """The operands of a condition's chain of `&&` (`!h.sent && h.client` gives both),
    else the condition itself: each holds where the whole does."""
    condition = _strip(condition)
    operator = condition.child_by_field_name("operator") if condition is not None and \
        condition.type == "binary_expression" else None
    if operator is not None and operator.type == "&&":
        return conjuncts(condition.child_by_field_name("left")) + conjuncts(condition.child_by_field_name("right"))
    return [condition] if condition is not None else []


def nil_operand(condition: Any, operator: str) -> Any | None:
    """The expression a condition compares with nil by operator ("!=" or "=="): `x` of
    `x != nil`, `nil != x`, `(x != nil)`; None for any other condition."""
    condition = _strip(condition)
    found = condition.child_by_field_name("operator") if condition is not None and \
        condition.type == "binary_expression" else None
    if found is None or found.type != operator:
        return None
    left, right = _strip(condition.child_by_field_name("left")), _strip(condition.child_by_field_name("right"))
    if left is None or right is None or (left.type == "nil") == (right.type == "nil"):
        return None
    return right if left.type == "nil" else left


def never_returning_statement(stmt: Any, source: bytes) -> bool:
    """An expression statement made of a call that never returns."""
    if stmt.type != "expression_statement" or not stmt.named_children:
        return False
    return never_returns(_strip(stmt.named_children[0]), source)


# --- the graph ---------------------------------------------------------------------------


@dataclass
class Step:
    kind: str
    node: Any
    target: Any = None  # for "jump": the statement jumped to


@dataclass
class Edge:
    to: int
    test: Any = None  # the if/for/switch/select statement or case clause deciding it
    truth: bool | None = None


@dataclass
class Block:
    index: int
    steps: list[Step] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


@dataclass
class CFG:
    func: Any
    blocks: list[Block]
    entry: int = 0
    exit: int = 1

    _earliest: list[float] | None = field(default=None, repr=False)
    _predecessors: list[list[int]] | None = field(default=None, repr=False)

    def steps(self):
        """(block, position, step) for every step, block by block."""
        for block in self.blocks:
            for i, step in enumerate(block.steps):
                yield block, i, step

    def reachable(self, starts: Iterable[int]) -> set[int]:
        """The blocks reachable from starts (themselves included)."""
        seen: set[int] = set()
        todo = list(starts)
        while todo:
            index = todo.pop()
            if index not in seen:
                seen.add(index)
                todo.extend(e.to for e in self.blocks[index].edges)
        return seen

    def reaching(self, targets: Iterable[int]) -> set[int]:
        """The blocks from which one of targets can be reached (themselves included)."""
        predecessors = self.predecessors()
        seen: set[int] = set()
        todo = list(targets)
        while todo:
            index = todo.pop()
            if index not in seen:
                seen.add(index)
                todo.extend(predecessors[index])
        return seen

    def walk(self, start: tuple[int, int], visit: Callable[[Step], bool | None],
             follow: Callable[[Edge], bool] | None = None) -> bool:
        """Walks the steps on every path from start (block index, position), entering
        each (block, position) once: visit(step) gives None to go on, False to end that
        path at the step, True to end the walk; at a block's end the walk takes the
        edges follow accepts (all without it). True when a visit ended the walk."""
        seen: set[tuple[int, int]] = set()
        todo = [start]
        while todo:
            at = todo.pop()
            if at in seen:
                continue
            seen.add(at)
            block = self.blocks[at[0]]
            for step in block.steps[at[1]:]:
                answer = visit(step)
                if answer:
                    return True
                if answer is not None:
                    break
            else:
                todo.extend((edge.to, 0) for edge in block.edges if follow is None or follow(edge))
        return False

    def predecessors(self) -> list[list[int]]:
        if self._predecessors is None:
            self._predecessors = [[] for _ in self.blocks]
            for block in self.blocks:
                for edge in block.edges:
                    self._predecessors[edge.to].append(block.index)
        return self._predecessors

    def earliest(self) -> list[float]:
        """For each block, the smallest source position (see `position`) of the steps
        of the blocks reachable from it, itself included; infinity when they have none.
        A block whose earliest position lies after the last use of a variable reaches
        no use of it. Linear: blocks are taken by increasing position, and each marks
        the blocks that reach it and have no smaller position yet."""
        if self._earliest is None:
            earliest = [math.inf] * len(self.blocks)
            own = sorted((min(position(s) for s in b.steps), b.index) for b in self.blocks if b.steps)
            predecessors = self.predecessors()
            for start, index in own:
                if earliest[index] <= start:
                    continue
                todo = [index]
                while todo:
                    current = todo.pop()
                    if earliest[current] <= start:
                        continue  # it and the blocks reaching it have a smaller one
                    earliest[current] = start
                    todo.extend(predecessors[current])
            self._earliest = earliest
        return self._earliest


def position(step: Step) -> int:
    """Where a step lies in the source: its start, or for a "leave" the end of what it
    leaves (the leave of a statement list comes after its statements)."""
    return step.node.end_byte - 1 if step.kind == "leave" else step.node.start_byte


_BREAKABLE = ("for_statement", "expression_switch_statement", "type_switch_statement",
              "select_statement")


@dataclass
class _Frame:
    node: Any
    label: str
    breaks: int
    continues: int | None  # None for switch and select


class _Builder:
    def __init__(self, source: bytes) -> None:
        self.source = source
        self.blocks: list[Block] = [Block(0), Block(1)]
        self.frames: list[_Frame] = []
        self.labels: dict[str, tuple[int, Any]] = {}
        self.gotos: list[tuple[int, str]] = []

    def new(self) -> int:
        self.blocks.append(Block(len(self.blocks)))
        return len(self.blocks) - 1

    def link(self, a: int | None, b: int, test: Any = None, truth: bool | None = None) -> None:
        if a is not None:
            self.blocks[a].edges.append(Edge(b, test, truth))

    def add(self, block: int | None, kind: str, node: Any, target: Any = None) -> int:
        if block is None:  # code after a return or a jump: a block nothing reaches
            block = self.new()
        self.blocks[block].steps.append(Step(kind, node, target))
        return block

    def statement_list(self, holder: Any, cur: int | None) -> int | None:
        for stmt in holder.named_children:
            if stmt.type != "comment":
                cur = self.statement(stmt, cur)
        if cur is not None:
            cur = self.add(cur, "leave", holder)
        return cur

    def block(self, block: Any, cur: int | None) -> int | None:
        holder = next((c for c in block.named_children if c.type == "statement_list"), None)
        return self.statement_list(holder if holder is not None else block, cur)

    def statement(self, stmt: Any, cur: int | None, label: str = "") -> int | None:
        kind = stmt.type
        if kind == "return_statement":
            cur = self.add(cur, "return", stmt)
            self.link(cur, 1)
            return None
        if kind == "expression_statement" and never_returning_statement(stmt, self.source):
            self.add(cur, "noreturn", stmt)
            return None
        if kind == "block":
            return self.block(stmt, cur)
        if kind == "if_statement":
            return self.if_statement(stmt, cur)
        if kind == "for_statement":
            return self.for_statement(stmt, cur, label)
        if kind in ("expression_switch_statement", "type_switch_statement", "select_statement"):
            return self.cases(stmt, cur, label)
        if kind == "labeled_statement":
            name_node = stmt.child_by_field_name("label")
            name = text(self.source, name_node) if name_node is not None else ""
            target = self.new()
            self.link(cur, target)
            self.labels[name] = (target, stmt)
            inner = next((c for c in stmt.named_children if c.type not in ("label_name", "comment")), None)
            return target if inner is None else self.statement(inner, target, name)
        if kind in ("break_statement", "continue_statement"):
            return self.jump(stmt, cur)
        if kind == "goto_statement":
            label = next((c for c in stmt.named_children if c.type == "label_name"), None)
            cur = self.add(cur, "jump", stmt)
            if label is not None:
                self.gotos.append((cur, text(self.source, label)))
            return None
        if kind == "fallthrough_statement":
            return cur  # the switch links the end of its case to the next one
        if kind == "empty_statement":
            return cur
        return self.add(cur, "stmt", stmt)

    def jump(self, stmt: Any, cur: int | None) -> None:
        label_node = next((c for c in stmt.named_children if c.type == "label_name"), None)
        label = text(self.source, label_node) if label_node is not None else ""
        is_break = stmt.type == "break_statement"
        for frame in reversed(self.frames):
            if label and frame.label != label:
                continue
            if not is_break and frame.continues is None:
                continue
            cur = self.add(cur, "jump", stmt, frame.node)
            self.link(cur, frame.breaks if is_break else frame.continues)
            return None
        self.add(cur, "jump", stmt)  # a jump with no target: broken code
        return None

    def if_statement(self, stmt: Any, cur: int | None) -> int | None:
        init = stmt.child_by_field_name("initializer")
        if init is not None:
            cur = self.add(cur, "stmt", init)
        cur = self.add(cur, "cond", stmt.child_by_field_name("condition") or stmt)
        after = self.new()
        then = self.new()
        self.link(cur, then, stmt, True)
        consequence = stmt.child_by_field_name("consequence")
        end = self.block(consequence, then) if consequence is not None else then
        self.link(end, after)
        alternative = stmt.child_by_field_name("alternative")
        if alternative is None:
            self.link(cur, after, stmt, False)
        else:
            other = self.new()
            self.link(cur, other, stmt, False)
            if alternative.type == "if_statement":
                end = self.if_statement(alternative, other)
            else:
                end = self.block(alternative, other)
            self.link(end, after)
        if init is not None:
            self.add(after, "leave", stmt)
        return after

    def for_statement(self, stmt: Any, cur: int | None, label: str) -> int:
        header = next((c for c in stmt.named_children if c.type not in ("block", "comment")), None)
        condition = update = None
        if header is not None and header.type == "for_clause":
            init = header.child_by_field_name("initializer")
            if init is not None:
                cur = self.add(cur, "stmt", init)
            condition = header.child_by_field_name("condition")
            update = header.child_by_field_name("update")
        elif header is not None and header.type != "range_clause":
            condition = header
        head = self.new()
        self.link(cur, head)
        after = self.new()
        body = self.new()
        if header is not None and header.type == "range_clause":
            self.add(head, "range", header)
            self.link(head, body, stmt, True)
            self.link(head, after, stmt, False)
        elif condition is not None:
            self.add(head, "cond", condition)
            self.link(head, body, stmt, True)
            self.link(head, after, stmt, False)
        else:
            self.link(head, body, stmt, True)
        step = self.new() if update is not None else head
        if update is not None:
            self.add(step, "stmt", update)
            self.link(step, head)
        self.frames.append(_Frame(stmt, label, after, step))
        block = stmt.child_by_field_name("body")
        end = self.block(block, body) if block is not None else body
        self.frames.pop()
        self.link(end, step)
        return after

    def cases(self, stmt: Any, cur: int | None, label: str) -> int:
        init = stmt.child_by_field_name("initializer")
        if init is not None:
            cur = self.add(cur, "stmt", init)
        value = stmt.child_by_field_name("value")
        if value is not None:
            cur = self.add(cur, "eval", value)
        if cur is None:
            cur = self.new()
        after = self.new()
        self.frames.append(_Frame(stmt, label, after, None))
        clauses = [c for c in stmt.named_children
                   if c.type in ("expression_case", "type_case", "communication_case", "default_case")]
        bodies = [self.new() for _ in clauses]
        for clause, body in zip(clauses, bodies):
            test = self.new()
            self.link(cur, test, clause)
            communication = clause.child_by_field_name("communication")
            if communication is not None:
                self.add(test, "comm", communication)
            else:
                self.add(test, "case", clause)
            self.link(test, body)
        falls = None
        for i, (clause, body) in enumerate(zip(clauses, bodies)):
            self.link(falls, body)
            holder = next((c for c in clause.named_children if c.type == "statement_list"), None)
            stmts = [c for c in holder.named_children if c.type != "comment"] if holder is not None else []
            end = self.statement_list(holder, body) if holder is not None else body
            falls = None
            if stmts and stmts[-1].type == "fallthrough_statement" and i + 1 < len(clauses):
                falls = end
            else:
                self.link(end, after)
        self.frames.pop()
        if stmt.type != "select_statement" and not any(c.type == "default_case" for c in clauses):
            self.link(cur, after)
        return after


def build(func: Any, source: bytes) -> CFG:
    """The control-flow graph of a function_declaration, method_declaration or
    func_literal (its body only; nested function literals are not entered)."""
    builder = _Builder(source)
    body = func.child_by_field_name("body")
    end = builder.block(body, 0) if body is not None else 0
    builder.link(end, 1)
    for block, name in builder.gotos:
        target = builder.labels.get(name)
        if target is not None:
            builder.link(block, target[0])
            builder.blocks[block].steps[-1].target = target[1]
    return CFG(func, builder.blocks)


# build(func), once per function while the same source is analysed.
cfg_of = per_file(build)


# --- loops ---------------------------------------------------------------------------


def _inside(node: Any, outer: Any) -> bool:
    return outer.start_byte <= node.start_byte and node.end_byte <= outer.end_byte


def has_endless_header(loop: Any) -> bool:
    """`for { ... }` or `for i := 0; ; i++ { ... }`: no condition and no range."""
    if loop.type != "for_statement":
        return False
    for child in loop.named_children:
        if child.type == "for_clause" and child.child_by_field_name("condition") is None:
            continue
        if child.type not in ("block", "comment"):
            return False
    return True


def loop_exits(loop: Any, source: bytes, *, never_returning: bool = True) -> list[Any]:
    """The statements in a for_statement's body that leave it, in source order: a
    return, a break or continue aimed at it or at an enclosing statement, a goto to a
    label outside it, and (with never_returning) the calls that never return (the
    call_expression of such a statement).
    Function literals are not entered."""
    func = enclosing_function(loop)
    if func is None:
        return []
    graph = cfg_of(func, source)
    body = loop.child_by_field_name("body")
    if body is None:
        return []
    found = []
    for _, _, step in graph.steps():
        node = step.node
        if not _inside(node, body):
            continue
        if step.kind == "return":
            found.append(node)
        elif step.kind == "noreturn" and never_returning:
            found.append(_strip(node.named_children[0]))  # the call
        elif step.kind == "jump":
            target = step.target
            if target is None:
                continue
            if node.type == "goto_statement":
                if not _inside(target, body):
                    found.append(node)
            elif node.type == "break_statement" and target.start_byte <= loop.start_byte \
                    and loop.end_byte <= target.end_byte:
                found.append(node)  # breaks out of this loop or an enclosing statement
            elif node.type == "continue_statement" and _inside(loop, target) and \
                    (target.start_byte, target.end_byte) != (loop.start_byte, loop.end_byte):
                found.append(node)  # continues an enclosing loop
    found.sort(key=lambda n: n.start_byte)
    return found


def repeats(node: Any, names: Any) -> bool:
    """Whether node sits in a loop of its own function that can go round without a bound
    the code states: a `for {}`, a loop on a condition alone, a range over a channel, a
    function or a value whose type the source does not state. A loop over a collection
    or a count runs once per element (`for _, x := range xs`, `for k := range m` with m
    a map, `for i := 0; i < n; i++`, `for i := range n`; two iteration variables rule a
    channel out): what a call in it starts is many of a kind, started as often as the
    function runs, and the function decides whether that start repeats."""
    for parent in ancestors(node):
        if parent.type in FUNCTION_TYPES:
            return False
        if parent.type == "for_statement" and not _bounded(parent, names):
            return True
    return False


def _bounded(loop: Any, names: Any) -> bool:
    """A loop over a collection or a count (see `repeats`)."""
    from goleaklint.analysis.types import types_for  # types imports names, as cfg does; keep the import order
    header = next((c for c in loop.named_children if c.type in ("for_clause", "range_clause")), None)
    if header is None:
        return False
    if header.type == "for_clause":
        return header.child_by_field_name("condition") is not None and \
            header.child_by_field_name("update") is not None
    left = header.child_by_field_name("left")
    if left is not None and len(left.named_children) == 2:
        return True
    kind = types_for(names).of(header.child_by_field_name("right"))
    return kind is not None and (kind.deref().kind in ("slice", "array", "map") or (
        kind.kind == "named" and kind.path == "builtin" and kind.name != "error"))


def leaves_after(send: Any, loop: Any) -> bool:
    """Whether the statements after send in its block reach a `return`, `goto` or a
    `break` out of loop (a bare one with no switch or select around it inside the loop)
    with no `continue` on the way (`connChan <- nil; conn.Close(); break`)."""
    between = [a for a in ancestors(send) if a.start_byte > loop.start_byte]
    switched = any(a.type in ("expression_switch_statement", "type_switch_statement", "select_statement")
                   for a in between)
    following = send.next_named_sibling
    while following is not None:
        if following.type in ("return_statement", "goto_statement") or (
                following.type == "break_statement" and (not switched or following.named_children)):
            return True
        if any(n.type == "continue_statement" for n in (following, *walk(following))):
            return False
        following = following.next_named_sibling
    return False


def loop_can_end(loop: Any, source: bytes) -> bool:
    """Whether control can leave a for_statement other than by a call that never
    returns: through its condition, the end of its range, or a jump out of it."""
    return not has_endless_header(loop) or bool(loop_exits(loop, source, never_returning=False))


# --- programs that end by themselves ---------------------------------------------------

# What keeps a program running: a server or listener, signal handling, an endless loop,
# a ticker. A program without any makes its requests and exits. `httptest.NewServer`
# serves from a goroutine the program never waits on: it does not keep it running.
_KEEPS_RUNNING = re.compile(
    rb"ListenAndServe|\.Serve(?:TLS)?\(|\bListen(?:TCP|UDP|Unix|Packet)?\(|\.Accept\(|(?<!httptest\.)NewServer\(|"
    rb"signal\.NotifyContext|\bselect\s*\{\s*\}|\bTick\(|NewTicker\(")
# `signal.Notify(ch, ...)`: a wait for the end, unless only a clean-up goroutine receives
# from ch (_waits_for_signals).
_NOTIFY = re.compile(rb"\bsignal\.Notify\(")
# A sleep: between polls in a sibling; in the file itself only inside a loop (outside
# one it is a pause, a rate limit, and the program goes on to its end).
_SLEEP = re.compile(rb"\bSleep\(")
_MAIN = re.compile(rb"^func main\(\)", re.M)


# A package-level flag of the process's FlagSet (`url = flag.String("url", ...)` in a
# `var` block, or `var url = flag.String(...)`).
_PACKAGE_FLAG = re.compile(rb"^(?:var[ \t]+|\t)\w+(?:[ \t]+\S+)?[ \t]*=[ \t]*flag\.[A-Z]\w*\(", re.M)


def one_shot_program(names: Any, root: Any, source: bytes) -> bool:
    """Whether the file belongs to a command-line program that does its work and exits:
    `package main`, a package under a `cmd` directory (a subcommand such as `tool
    version --check`, a command's internal package), or a package that declares
    command-line flags at its top level (`url = flag.String("url", ...)`: only a program
    parses them, so it is a program's own package, as the shared code of a repository's
    generators is), whose files (this one and its
    siblings) hold nothing that keeps a process running (a server or listener, a wait
    for signals: `signal.NotifyContext`, or `signal.Notify` of a channel that not only a
    clean-up goroutine receives, `_waits_for_signals`; a ticker or a sleep between polls (in this file a `Sleep` inside a loop:
    one outside loops is a pause), or in this file a `for {}` that nothing
    leaves). When this file declares `func main()`, a sibling that declares one too is
    another program (each run with `go run <file>`, as a folder of examples is) and is
    not read. Its user sees a stall and interrupts it, and what it holds ends with it; a
    daemon keeps its findings."""
    memo = file_memo(source)
    if one_shot_program not in memo:
        memo[one_shot_program] = _one_shot(names, root, source)
    return memo[one_shot_program]


def _one_shot(names: Any, root: Any, source: bytes) -> bool:
    program = names.package == "main" or (names.path is not None and in_program(names.path, names.package))
    facts = names.facts
    siblings = facts.sources() if facts is not None else []
    if not program and not any(_PACKAGE_FLAG.search(s) for s in [source, *siblings]):
        return False
    if _MAIN.search(source):
        siblings = [s for s in siblings if not _MAIN.search(s)]
    if any(_KEEPS_RUNNING.search(LINE_COMMENT.sub(b"", s)) for s in [source, *siblings]) or \
            any(_NOTIFY.search(LINE_COMMENT.sub(b"", s)) and _waits_for_signals(s) for s in [source, *siblings]) or \
            any(_SLEEP.search(LINE_COMMENT.sub(b"", s)) for s in siblings) or _polls(root, source):
        return False
    return not any(has_endless_header(loop) and not loop_can_end(loop, source)
                   for loop in descendants(root, ("for_statement",)))


def _waits_for_signals(source: bytes) -> bool:
    """Whether a `signal.Notify(ch, ...)` of the file keeps its process running: ch is
    not a local variable, or something other than a goroutine started on the spot
    receives from it, outside loops (`<-sigs` in main waits for the end; a `for range
    sigs` reloads; a channel handed on or kept may be waited on anywhere). A channel that
    only `go func() { <-sigs; cleanup(); os.Exit(1) }()` receives from is a command's
    clean-up on interrupt, which waits for nothing, and a channel made in the call
    (`signal.Notify(make(chan os.Signal, 1), os.Interrupt)`), which nothing can receive
    from, only keeps the signals from stopping the process while a child runs."""
    from goleaklint.analysis.package import parsed  # package reads names, not cfg
    root = parsed(source)
    for call in descendants(root, ("call_expression",)):
        if call_name(call, source) != ("signal", "Notify"):
            continue
        args = call.child_by_field_name("arguments")
        channel = args.named_children[0] if args is not None and args.named_children else None
        func = enclosing_function(call)
        if channel is not None and channel.type == "call_expression" and \
                call_name(channel, source) == ("", "make"):
            continue  # `signal.Notify(make(chan os.Signal, 1), ...)`: nobody receives, the signals are ignored
        if channel is None or channel.type != "identifier" or func is None:
            return True
        for node in names_for(source, channel).uses(channel, func):
            if node == channel:
                continue
            parent = node.parent
            if parent.type == "var_spec" or parent.type == "expression_list" and \
                    parent.parent.type == "short_var_declaration" and parent == parent.parent.child_by_field_name("left"):
                continue  # its declaration
            literal = enclosing_function(node)
            started = literal.parent if literal is not None and literal.type == "func_literal" else None
            if parent.type == "unary_expression" and text(source, parent.child_by_field_name("operator")) == "<-" and \
                    started is not None and started.type == "call_expression" and started.parent is not None and \
                    started.parent.type == "go_statement" and not any(
                        a.type == "for_statement" for a in ancestors(node) if a.start_byte > literal.start_byte):
                continue  # received once by a clean-up goroutine
            return True
    return False


def _polls(root: Any, source: bytes) -> bool:
    """Whether the file calls a `Sleep` inside a loop (a poll; comments and strings do
    not count)."""
    for match in _SLEEP.finditer(source):
        node = root.descendant_for_byte_range(match.start(), match.start() + 1)
        if node is not None and node.type in ("field_identifier", "identifier") and \
                any(a.type == "for_statement" for a in ancestors(node)):
            return True
    return False
