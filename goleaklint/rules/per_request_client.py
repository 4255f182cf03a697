"""
## What it does
Finds long-lived clients built inside a request handler or a loop body instead of once.
These are gRPC, Google Cloud, Redis, SQL, AMQP, Kafka and MongoDB clients and HTTP transports.

Constructors (option `constructors`): `grpc.Dial`, `grpc.DialContext`,
`grpc.NewClient`; any `New*Client` of a `cloud.google.com/go/...` package;
`redis.NewClient`, `redis.NewClusterClient`, `redis.NewPool`; `sql.Open`, `sqlx.Open`,
`sqlx.Connect`, `gorm.Open`; `amqp.Dial`, `amqp.DialConfig` (also as `amqp091`);
`kafka.NewWriter`, `kafka.NewReader`; `mongo.Connect`. Composite literals (option
`literals`): `&redis.Pool{...}` and `&http.Transport{...}` / `http.Transport{...}`.
Packages are named as they are usually imported; aliases (`rpc "google.golang.org/grpc"`)
are resolved through the file's imports. An entry whose package part holds a `/` is a
glob on the import path (`cloud.google.com/go/*.New*Client`).

A `&http.Client{...}` alone is not matched: without its own `Transport` it shares
`http.DefaultTransport` and its connection pool, and costs one small struct. An
`&http.Client{Transport: &http.Transport{...}}` is reported, at the transport, unless its
`Dial`/`DialContext`/`DialTLS`/`DialTLSContext` is a function literal that calls no
`Dial...` function: such a transport hands out in-memory conns (as
`httputil.DumpRequestOut` does) and owns no sockets.

A handler (option `handler-params`) is a function or function literal with a parameter
of type `http.ResponseWriter`, `*http.Request`, `*gin.Context`, `echo.Context` or
`*fiber.Ctx`; with `grpc-methods` (default on) also a method shaped like a gRPC server
method, `(ctx context.Context, req *XRequest) (*XResponse, error)`. One that takes a
`*http.Request` but no `http.ResponseWriter` (a `RoundTrip` method) runs per request
too; the message names it by its parameter, not as a handler.

Options, in `[rules.GL005]` of the config (setting any option makes the rule read every
file, since the built-in prefilter only knows the default names):
```toml
[rules.GL005]
constructors = ["grpc.Dial", "vault.NewClient", "example.com/internal/*.Dial"]
literals = ["http.Transport", "http.Client"]
handler-params = ["*http.Request", "http.ResponseWriter", "*connect.Request"]
grpc-methods = true
```
A configured list replaces the default one. `handler-params` entries are types, with
`*` for a pointer.

It stays silent when the client is kept: returned (a constructor or factory), stored in
a struct field (but not a field of a local built in the same function that is itself not
kept: `proxy.Transport = &http.Transport{...}` on a per-request proxy), map, slice, channel or package variable (lazy initialisation), handed to
a method of the receiver (`s.register(conn)`, `s.pool.Add(conn)`), assigned
to a variable declared outside the loop (reconnect loops), handed to a goroutine (an
argument of the `go` call, or used by a `go func` literal that loops or that cuts
itself loose from the request with `context.Background()`: that goroutine owns it for
as long as it runs), or built in a function
literal passed to `once.Do` (a `sync.Once` whose name says so) or `sync.OnceValue`. Loops in `main` and `init` and
package-level `var` blocks are start-up code and never reported. `_test.go` files are
skipped: a test's clients live as long as the test.

## Why is this bad?
These clients own TCP connections, TLS sessions and background goroutines (gRPC's
keepalive and resolver goroutines, go-redis's pool reaper, a Transport's idle
connections with their read and write loops). Built per request and not closed, each
request leaks them: goroutines and sockets grow with traffic until the process runs out
of memory or file descriptors. Built per request and closed, every request still pays
DNS, dial and TLS handshake and never reuses a connection. A `defer client.Close()` lowers
the message to "created and closed per request"; it is still reported.

## Example
```go
func handle(w http.ResponseWriter, r *http.Request) {
	client, err := pubsub.NewClient(r.Context(), project)
	if err != nil { ... }
	client.Topic("events").Publish(r.Context(), msg)
}
```

## Use instead
```go
type server struct{ pubsub *pubsub.Client }

func (s *server) handle(w http.ResponseWriter, r *http.Request) {
	s.pubsub.Topic("events").Publish(r.Context(), msg)
}

func main() {
	client, err := pubsub.NewClient(ctx, project) // once, shared by all requests
	...
	http.Handle("/", &server{pubsub: client})
}
```

## References
- [grpc-go: reuse a ClientConn](https://github.com/grpc/grpc-go/blob/master/Documentation/anti-patterns.md)
- [net/http: Clients and Transports are safe for concurrent use and should be reused](https://pkg.go.dev/net/http#Client)
- [Google Cloud Go: create clients once and reuse them](https://cloud.google.com/go/docs/reference)
- [database/sql: Open should be called just once](https://pkg.go.dev/database/sql#Open)
"""

from __future__ import annotations

import fnmatch
from typing import Any, Iterator

from goleaklint.model import Confidence, Context, Report, Rule, Severity
from goleaklint.analysis.names import Names, assigned_to, names_for
from goleaklint.syntax import (
    FUNCTION_TYPES,
    ancestors,
    assignments,
    call_name,
    field_name,
    function_name,
    is_test_file,
    name_matches,
    parameters,
    start_up,
    text,
    walk,
)

CONSTRUCTORS = [
    "grpc.Dial", "grpc.DialContext", "grpc.NewClient",
    "cloud.google.com/go/*.New*Client",
    "redis.NewClient", "redis.NewClusterClient", "redis.NewPool",
    "sql.Open", "sqlx.Open", "sqlx.Connect", "gorm.Open",
    "amqp.Dial", "amqp.DialConfig", "amqp091.Dial", "amqp091.DialConfig",
    "kafka.NewWriter", "kafka.NewReader",
    "mongo.Connect",
]
LITERALS = ["redis.Pool", "http.Transport"]
HANDLER_PARAMS = ["http.ResponseWriter", "*http.Request", "*gin.Context", "echo.Context", "*fiber.Ctx"]
ONCE_FUNCS = ("OnceFunc", "OnceValue", "OnceValues")
CLOSERS = ("Close", "CloseIdleConnections", "Disconnect")


def _type_matches(kind: Any, source: bytes, names: Names, patterns: list[str]) -> bool:
    resolved = names.qualified(kind)
    if resolved is None:
        return False
    pointer = kind.type == "pointer_type"
    wanted = [p.lstrip("*") for p in patterns if p.startswith("*") == pointer]
    return name_matches(resolved[0], resolved[1], wanted)


def _is_grpc_method(func: Any, source: bytes, names: Names) -> bool:
    if func.type != "method_declaration":
        return False
    params = parameters(func, source, receiver=False)
    result = func.child_by_field_name("result")
    results = [d.child_by_field_name("type") for d in result.named_children] if (
        result is not None and result.type == "parameter_list") else []
    if len(params) != 2 or len(results) != 2:
        return False
    (_, ctx_type), (_, req_type) = params
    if not _type_matches(ctx_type, source, names, ["context.Context"]):
        return False
    if req_type is None or req_type.type != "pointer_type" or not text(source, req_type).endswith("Request"):
        return False
    return (results[0] is not None and results[0].type == "pointer_type"
            and results[1] is not None and text(source, results[1]) == "error")


def _handler(func: Any, source: bytes, names: Names, options: dict) -> str | None:
    """What makes func a request handler, or None."""
    for _, kind in parameters(func, source, receiver=False):
        if kind is not None and _type_matches(kind, source, names, options["handler-params"]):
            return f"it takes {text(source, kind)}"
    if options["grpc-methods"] and _is_grpc_method(func, source, names):
        return "a gRPC server method"
    return None


def runs_once(call: Any, source: bytes) -> bool:
    """`once.Do(f)` (a sync.Once, by its name) or `sync.OnceValue(f)`: f runs once."""
    operand, name = call_name(call, source)
    return name in ONCE_FUNCS or (name == "Do" and "once" in operand.lower())


def _describe(func: Any, source: bytes, why: str) -> str:
    name = function_name(func, source)
    shown = f"`{name}`" if name else f"the function literal at line {func.start_point[0] + 1}"
    if why.endswith("Request") and not any(
            kind is not None and text(source, kind).endswith("ResponseWriter")
            for _, kind in parameters(func, source, receiver=False)):
        # a request but no response to write: client-side code (a RoundTrip), not a handler
        return f"{shown} (it takes a {why.removeprefix('it takes ')})"
    return f"handler {shown}" if name else f"the handler literal at line {func.start_point[0] + 1}"


def _where(node: Any, source: bytes, names: Names, options: dict):
    """(handler function, why, innermost loop) around node; None when node runs once."""
    loop = None
    current = node
    while current.parent is not None:
        current = current.parent
        if current.type == "for_statement" and loop is None:
            loop = current
        if current.type not in FUNCTION_TYPES:
            continue
        if current.type == "func_literal":
            args = current.parent
            if args is not None and args.type == "argument_list":
                if runs_once(args.parent, source):
                    return None
        why = _handler(current, source, names, options)
        if why is not None:
            return current, why, loop
        if current.type != "func_literal":
            if loop is not None and not start_up(current, source):
                return current, None, loop
            return None
    return None


def _value(node: Any, source: bytes, receiver: str) -> Any:
    """The expression that carries the constructed value: through `&`, parentheses, an
    enclosing composite literal (a Transport inside a Client) and wrapping calls. It stops
    at an argument of `append` or of a method of the receiver, which keep the value."""
    expr = node
    while expr.parent is not None:
        parent = expr.parent
        if parent.type in ("unary_expression", "parenthesized_expression", "literal_element",
                           "keyed_element", "literal_value", "composite_literal"):
            expr = parent
        elif parent.type == "argument_list" and not _keeps(parent.parent, source, receiver):
            expr = parent.parent
        else:
            return expr
    return expr


def _keeps(call: Any, source: bytes, receiver: str) -> bool:
    """`append(xs, c)` and `s.register(c)` / `s.pool.Add(c)` on the receiver keep c."""
    operand, called = call_name(call, source)
    return called == "append" or bool(receiver and operand.split(".")[0] == receiver)


def _declared_in(name: str, scope: Any, before: Any, source: bytes) -> Any | None:
    """The `:=`/`var` statement declaring name inside scope before `before`, if any."""
    found = None
    for target, _, statement in assignments(scope):
        if target.start_byte >= before.start_byte:
            break
        if statement.type != "assignment_statement" and text(source, target) == name:
            found = statement
    return found


def _kept(target: Any, statement: Any, func: Any, loop: Any, source: bytes, depth: int = 0) -> bool:
    """Whether assigning to target keeps the value beyond this request or iteration."""
    if target.type == "selector_expression":
        return depth > 2 or not _field_of_fresh_local(target, statement, func, loop, source, depth)
    if target.type != "identifier":
        return target.type != "blank_identifier" and text(source, target) != "_"
    if statement.type != "assignment_statement":
        return False
    declared = None
    scope = func
    while scope is not None and declared is None:
        body = scope.child_by_field_name("body")
        declared = _declared_in(text(source, target), body, statement, source) if body else None
        scope = next((a for a in ancestors(scope) if a.type in FUNCTION_TYPES), None)
    if declared is None:
        return text(source, target) != "_"  # a package variable (or parameter)
    return loop is not None and not (loop.start_byte <= declared.start_byte < loop.end_byte)


def _fresh(value: Any | None, source: bytes) -> bool:
    """Whether value builds a new object: `T{...}`, `&T{...}`, `new(T)` or a package's
    `New...` constructor (`httputil.NewSingleHostReverseProxy(u)`)."""
    while value is not None and value.type in ("unary_expression", "parenthesized_expression"):
        value = value.named_children[-1] if value.named_children else None
    if value is None:
        return False
    if value.type == "composite_literal":
        return True
    if value.type != "call_expression":
        return False
    function = value.child_by_field_name("function")
    if function.type == "identifier":
        return text(source, function) == "new"
    operand, name = call_name(value, source)
    return function.type == "selector_expression" and "." not in operand and name.startswith("New")


def _field_of_fresh_local(target: Any, statement: Any, func: Any, loop: Any, source: bytes, depth: int) -> bool:
    """`proxy.Transport = ...` where proxy is a local built in this function (a literal or
    a `New...` call) that itself is not kept: the field dies with the local."""
    root = target
    while root.type == "selector_expression":
        root = root.child_by_field_name("operand")
    if root.type != "identifier":
        return False
    name = text(source, root)
    body = func.child_by_field_name("body")
    declared = None
    for bound, value, declaration in assignments(body) if body is not None else ():
        if bound.start_byte >= statement.start_byte:
            break
        if text(source, bound) == name and declaration.type != "assignment_statement":
            declared = value
    if declared is None or not _fresh(declared, source):
        return False
    return not _escapes(declared, func, loop, source, depth + 1)[0]


def _goroutine_keeps(use: Any, source: bytes) -> bool:
    """Whether use hands the value to a goroutine that keeps it: an argument of the
    `go` call, or a use inside a `go func() {...}()` literal that loops or that cuts
    itself loose from the request (`sub.Receive(context.Background(), ...)`)."""
    holder = use.parent
    if holder.type == "argument_list" and holder.parent.parent is not None and holder.parent.parent.type == "go_statement":
        return True
    for node in ancestors(use):
        if node.type == "func_literal":
            call = node.parent
            if call is not None and call.type == "call_expression" and call.parent.type == "go_statement":
                names = names_for(source, node)
                return any(n.type == "for_statement" or (
                    n.type == "call_expression" and names.qualified(n.child_by_field_name("function"))
                    in (("context", "Background"), ("context", "TODO"))) for n in walk(node))
    return False


def _uses(target: Any, func: Any, after: Any, source: bytes) -> Iterator[Any]:
    """The uses after `after` of the variable target names."""
    for node in names_for(source, target).uses(target, func):
        if node.start_byte > after.end_byte:
            yield node


def _receiver(func: Any, source: bytes) -> str:
    """The receiver name of the method that func is or sits in, or ``."""
    method = func if func.type == "method_declaration" else next(
        (a for a in ancestors(func) if a.type == "method_declaration"), None)
    if method is None:
        return ""
    params = parameters(method, source)
    return params[0][0] if params else ""


def _escapes(expr: Any, func: Any, loop: Any, source: bytes, depth: int = 0) -> tuple[bool, str | None]:
    """(kept beyond the request/iteration?, the identifier of the local variable holding it)."""
    receiver = _receiver(func, source)
    parent = expr.parent
    if parent is None:
        return False, None
    if parent.type == "argument_list":  # stopped by _value: appended or kept by the receiver
        return True, None
    if parent.type == "expression_list" and parent.parent is not None and parent.parent.type == "return_statement":
        return True, None
    if parent.type == "send_statement":
        return True, None
    bound = assigned_to(expr)
    if bound is None:
        return False, None
    target, statement = bound
    if _kept(target, statement, func, loop, source, depth):
        return True, None
    if target.type != "identifier":
        return False, None
    for use in _uses(target, func, statement, source):
        if _goroutine_keeps(use, source):
            return True, target
        holder = use.parent
        if holder.type in ("literal_element", "send_statement"):
            return True, target
        if holder.type == "argument_list" and _keeps(holder.parent, source, receiver):
            return True, target
        if holder.type == "expression_list":
            stmt = holder.parent
            if stmt.type == "return_statement":
                return True, target
            if stmt.type == "assignment_statement" and holder == stmt.child_by_field_name("right"):
                again = assigned_to(use)
                if again is not None and _kept(again[0], stmt, func, loop, source, depth):
                    return True, target
    return False, target


def _closed(target: Any | None, func: Any, source: bytes) -> bool:
    """Whether func calls a closing method on the variable target declares."""
    if target is None:
        return False
    for use in names_for(source, target).uses(target, func):
        selector = use.parent
        call = selector.parent if selector.type == "selector_expression" else None
        if call is not None and call.type == "call_expression" \
                and call.child_by_field_name("function") == selector \
                and text(source, selector.child_by_field_name("field")) in CLOSERS:
            return True
    return False


_DIAL_FIELDS = ("Dial", "DialContext", "DialTLS", "DialTLSContext")


def _in_memory(literal: Any, source: bytes) -> bool:
    """Whether a Transport literal dials through a function literal that never calls a
    `Dial...` function: it hands out an in-memory conn (a pipe, a recorder, as
    httputil.DumpRequestOut does), so it owns no sockets."""
    body = literal.child_by_field_name("body")
    dialers = []
    for element in body.named_children if body is not None else ():
        key = element.child_by_field_name("key") if element.type == "keyed_element" else None
        if key is not None and text(source, key) in _DIAL_FIELDS:
            dialers.append(element.child_by_field_name("value"))
    if not dialers:
        return False
    for value in dialers:
        func = value.named_children[0] if value is not None and value.named_children else None
        if func is None or func.type != "func_literal":
            return False
        if any(n.type == "call_expression" and call_name(n, source)[1].startswith("Dial")
               for n in walk(func)):
            return False
    return True


# The kind of each pattern of the rule's query, in query order: matches are routed
# by pattern index.
PATTERNS = ("call", "literal")


def check(ctx: Context) -> Iterator[Report]:
    if is_test_file(ctx.path):
        return
    names = ctx.names
    if not names.imported():
        return
    constructors, literals = ctx.options["constructors"], ctx.options["literals"]
    calls, literal_types = _Names(constructors), _Names(literals)
    for index, captures in ctx.matches:
        if PATTERNS[index] == "call":
            node = captures["call"][0]
            function = node.child_by_field_name("function")
            field = function.child_by_field_name("field") if function is not None else None
            if field is None or not calls.may_match(ctx.source[field.start_byte : field.end_byte]):
                continue
            resolved = names.qualified(function)
            if resolved is None or not name_matches(*resolved, constructors):
                continue
            what = f"`{ctx.text(function)}`"
        else:
            node = captures["literal"][0]
            kind = node.child_by_field_name("type")
            name = kind.child_by_field_name("name") if kind is not None else None
            if name is None or not literal_types.may_match(ctx.source[name.start_byte : name.end_byte]):
                continue
            resolved = names.qualified(kind)
            if resolved is None or not name_matches(*resolved, literals):
                continue
            if _in_memory(node, ctx.source):
                continue
            what = f"`{ctx.text(kind)}{{...}}`"
        place = _where(node, ctx.source, names, ctx.options)
        if place is None:
            continue
        func, why, loop = place
        value = _value(node, ctx.source, _receiver(func, ctx.source))
        kept, holder = _escapes(value, func, loop, ctx.source)
        if kept:
            continue
        closed = _closed(holder, func, ctx.source)
        if why is not None:
            where = _describe(func, ctx.source, why)
            if closed:
                message = (f"{what} creates and closes a client per request in {where}; build it "
                           "once and share it to reuse its connections")
            else:
                message = (f"{what} creates a client on every request in {where} and never closes "
                           "it; build it once and share it")
        else:
            where = f"the loop at line {loop.start_point[0] + 1}"
            if closed:
                message = (f"{what} creates and closes a client on every iteration of {where}; "
                           "build it once before the loop and reuse it")
            else:
                message = (f"{what} creates a client on every iteration of {where} and never "
                           "closes it; build it once before the loop")
        yield Report(node, message)


class _Names:
    """A quick first test on the called name alone, before resolving the package."""

    def __init__(self, patterns: list[str]) -> None:
        names = [p.rpartition(".")[2] for p in patterns]
        self.exact = {n.encode() for n in names if not any(c in n for c in "*?[")}
        self.globs = [n for n in names if any(c in n for c in "*?[")]

    def may_match(self, name: bytes) -> bool:
        if name in self.exact:
            return True
        return any(fnmatch.fnmatchcase(name.decode("utf-8", "replace"), g) for g in self.globs)


RULE = Rule(
    code="GL005",
    name="per-request-client",
    severity=Severity.WARNING,
    confidence=Confidence.MEDIUM,
    check=check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    # For each default constructor, the rarer of two words its use must contain: the
    # called name as gofmt writes it (`Dial(`) or its package in the import path
    # (aliases keep the path). Configured options lift the prefilter (engine).
    triggers=(b"Dial(", b"DialContext(", b"NewClient(", b"NewClusterClient(", b"NewPool(",
              b"Pool{", b"cloud.google.com/go/", b"sql", b"gorm", b"amqp", b"kafka",
              b"Connect(", b"Transport{"),
    # Every match the check reads names a default constructor or literal type as the
    # field of a selector (`grpc.Dial`, `redis.Pool{`), and each holds one of these.
    anchors=(b"Dial", b"Open", b"Connect", b"Client", b"Pool", b"NewWriter", b"NewReader",
             b"Transport"),
    anchored=lambda source, start, end: field_name(source, start, end, whole=False),
    options={
        "constructors": CONSTRUCTORS,
        "literals": LITERALS,
        "handler-params": HANDLER_PARAMS,
        "grpc-methods": True,
    },
    tags=("goroutine-leak", "connection-leak", "performance"),
    outside=(),
)
