"""
## What it does
Finds long-lived clients built inside a request handler or a loop body instead of once.
These are gRPC, Google Cloud, Redis, SQL, AMQP, Kafka and MongoDB clients and HTTP transports.
An HTTP transport (`&http.Transport{...}` or the `Clone()` of an `*http.Transport`) is also
reported where any function or method of a library builds it on every call and drops it.

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
`httputil.DumpRequestOut` does) and owns no sockets. Not when the literal returns a
connection its function dialled before (`conn, err := net.Dial(...)`, then `return
conn, nil`): the transport keeps that socket in its pool. Nor is a transport built per
request or per iteration that turns keep-alives off (`DisableKeepAlives: true`, in its
literal or set later, or requests of the function that ask to close their connection,
`req.Close = true`): it keeps no connection, and a shared one would reuse none either
(a proxy whose dialer pins each request's target builds one per request on purpose).

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
as long as it runs; not a goroutine that makes it itself, which uses and drops it as a
function would: `go func() { conn, _ := p.dial(ctx, a); ... }()` per peer), or built in a function
literal passed to `once.Do` (a `sync.Once` whose name says so) or `sync.OnceValue`. Loops in `main` and `init` and
package-level `var` blocks are start-up code and never reported. In a loop whose
constructor call takes a variable the loop declares (`for _, host := range seeds {
grpc.Dial(host) }`), each turn builds a client for another target: one that is closed
in the turn is not reported, and one left open is, with the advice to close it when the
turn is done with it (one client cannot serve all the targets). `_test.go` files are
skipped: a test's clients live as long as the test.

A factory that returns the client or transport it builds (`func httpCli() *http.Client
{ return &http.Client{Transport: &http.Transport{...}} }`, or a declared function or
method returning a constructor's client, `return grpc.DialContext(ctx, addr)`) keeps
nothing itself; its transport or client is reported when a function of the file calls it and uses what one call
returns for one request and drops it (not kept as above, not closed, not used in a
loop, not in `main`, `init` or test code, a function literal counting as the declared
function around it): each call of that caller leaves a pool behind. A caller that
keeps it (`s.client = httpCli()`) builds it once. Two factories deep (a function of
the file that calls the factory and returns the transport it gets, changed or wrapped:
`t := baseTransport(); t.ResponseHeaderTimeout = d; return t`), the finding is at the call
of that second factory in each function of the file that drops what it returns, as
above, unless the second factory turns keep-alives off. In a program (`package main`, a
package under `cmd`) a factory's transport is reported only through callers that the
code shows running again (`analysis/lifetime.function_again`: a request handler, a loop
without a bound), and then shown. A function of another package of the
module (its source at hand through the nearest go.mod), whose name holds `Client`,
`Transport`, `Dial`, `Pool`, `Connect` or `Open`, is read the same way: when it builds a
transport that keeps connections alive and returns it (or a client on it) on every call,
keeping it nowhere else (`httpx.NewClient(opts)`), a call of it in a handler or loop body
is reported as a constructor's is.

A connection pool made on every call of a function (the findings that say so) piles up
only if the function runs again, so it is shown by default only where the code shows
that (`analysis/lifetime.runs_again`, the answer GL010 and GL011 ask too): the function,
or a caller in the module a few calls up (other packages included), serves requests (an
HTTP handler, a gRPC method, a GraphQL resolver's method) or a connection, or is called
in a loop that can go round without a bound (not one that sleeps an hour or more on
every turn that calls it, `for { _ = tryUpdate(ctx); time.Sleep(time.Hour) }`: servers
close one call's idle connection long before the next), or it is exported API of a
library (a package, not under `internal`, of a module with no command in its root folder
or under `cmd`, or a function or type its example programs name). Otherwise it is reported with
low confidence, shown with `--min-confidence low`. A factory's caller keeps what it gets
also when a function literal of it (a retry callback) assigns it to the caller's own
variable, which the caller then keeps. What test code outside `_test.go` files makes
(`analysis/lifetime.test_code`: a function taking a `*testing.T`, a package named for
test helpers or that only test code imports, an e2e suite's runner) is of low confidence
too when it closes it after each use (a readiness poll that opens and closes a handle per
try: each turn pays a connection's set-up, nothing piles up) or where the code confines
its cost to the test binary (`lifetime.test_cost_only`: not made in a loop's body other
than one over a table written out, nor in a package whose tests check for leaked
goroutines, which a transport's idle connections would fail).

A transport built in a declared function or method, outside handlers and loops, is
reported when nothing keeps it past the call (as above; also not a closure that captures
it, nor a method of another value or a function of the package whose result is dropped, as
a setter's is: `cfg.WithHTTPClient(c)`, `register(t)`), the
function never closes it (`CloseIdleConnections`, also on a local it is copied to, `txp =
ht`), it keeps connections alive (no
`DisableKeepAlives: true`; no `IdleConnTimeout` of 30 seconds or less, whereas
`http.DefaultTransport` keeps an idle connection 90 s; no dialer that sets an absolute
deadline on each connection, `conn.SetDeadline(time.Now().Add(d))`, in a function
literal or a function of the file it names or calls; no request of the function that
asks for the connection to close after the response, `req.Close = true`, `Close: true` in
an `http.Request` literal, or a `Connection: close` header), and no loop after it in the function uses it or a client built
on it (a batch or a poller uses one transport for many requests). Each call then leaves
a pool whose idle connections stay open, never reused, until they time out (never, for a
literal without `IdleConnTimeout`) or the server closes them. Nor is it reported in an
unexported function or method that no other file of the package names, whose every call
runs in a `select` case on a timer or ticker that comes around an hour or more apart
(the case re-arms it with `t.Reset(24 * time.Hour)`, `t` is `time.NewTicker(d)` with
such a constant `d`, or the case waits on `time.After(d)`), as a daily report's is:
servers close idle connections within minutes, so each call's pool is gone before the
next call builds one. A field of a value receiver does not keep it: the receiver is a copy made for each call (`func (r Request) Do()`
caching `r.transport` caches nothing), unless the method hands the copy on whole. Not
reported in `main`, `init`, function literals (how often they run is not visible), test
code, or programs (`package main`, a package under `cmd`), whose functions mostly run
once. No finding at all is reported where the client is built once per run of the
process, outside loops: in a program that does its work and exits, in a CLI framework's
command action (a function taking urfave/cli's `*cli.Context`, cobra's `(*cobra.Command,
[]string)`, kingpin's `*kingpin.ParseContext`, kong's `Run` method of a type the file tags as a
`cmd:""` field), or in an unexported function that only
such code calls.

## Why is this bad?
These clients own TCP connections, TLS sessions and background goroutines (gRPC's
keepalive and resolver goroutines, go-redis's pool reaper, a Transport's idle
connections with their read and write loops). Built per request and not closed, each
request leaks them: goroutines and sockets grow with traffic until the process runs out
of memory or file descriptors. Built per request and closed, every request still pays
DNS, dial and TLS handshake and never reuses a connection. A `defer client.Close()` lowers
the message to "created and closed per request", of low confidence: nothing leaks, and
what the set-up costs rests on a request rate the code does not show.

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
import re
from typing import Any, Iterator

from goleaklint.model import Confidence, Context, Report, Rule, Severity
from goleaklint.analysis.lifetime import PackageFiles, at_least_an_hour, constant_duration, function_again, once_call, runs_again, test_code, \
    test_cost_only, runs_once as once_per_process
from goleaklint.analysis.names import Names, assigned_to, declaring_statement, names_for
from goleaklint.analysis.ownership import ownership_of
from goleaklint.analysis.package import folder_sources, package_clause
from goleaklint.release import short_call, shortest_fitting
from goleaklint.analysis.requests import HANDLER_PARAMS, handler
from goleaklint.syntax import (
    FUNCTION_TYPES,
    ancestors,
    arguments,
    descendants,
    enclosing_function,
    in_program,
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
    within,
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
CLOSERS = ("Close", "CloseIdleConnections", "Disconnect")
BUILTINS = ("print", "println", "panic", "copy", "delete", "close", "clear")


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
                if once_call(args.parent, source):
                    return None
        why = handler(current, source, names, options)
        if why is not None:
            return current, why, loop
        if current.type != "func_literal":
            if loop is not None and not start_up(current, source):
                return current, None, loop
            return None
    return None


def _value(node: Any, source: bytes, receiver: Any | None) -> Any:
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


def _keeps(call: Any, source: bytes, receiver: Any | None) -> bool:
    """`append(xs, c)` and `s.register(c)` / `s.pool.Add(c)` on the receiver keep c, and
    so does a method of another value or a function of the package whose result is
    dropped (`cfg.WithHTTPClient(c)`, `t.RegisterProtocol("unix", c)`, `register(c)`): a
    setter puts c where it may outlive the call. Not a function of an imported package
    (`http2.ConfigureTransport(t)`) or a builtin."""
    _, called = call_name(call, source)
    function = call.child_by_field_name("function")
    names = names_for(source, call)
    base = _base_of(function.child_by_field_name("operand")) if function.type == "selector_expression" else None
    if called == "append" or (receiver is not None and base is not None and names.declaration(base) == receiver):
        return True
    if call.parent is None or call.parent.type != "expression_statement":
        return False
    if function.type == "identifier":
        return called not in BUILTINS
    return function.type == "selector_expression" and names.import_path(base) is None


def _base_of(path: Any | None) -> Any | None:
    """The identifier a field path or call chain starts from: `s` in `s.pool.Add`."""
    while path is not None and path.type in ("selector_expression", "call_expression", "index_expression",
                                             "parenthesized_expression"):
        path = path.child_by_field_name("operand") or path.child_by_field_name("function") or \
            (path.named_children[0] if path.named_children else None)
    return path if path is not None and path.type == "identifier" else None


def _kept(target: Any, statement: Any, func: Any, loop: Any, source: bytes, depth: int = 0) -> bool:
    """Whether assigning to target keeps the value beyond this request or iteration."""
    if target.type == "selector_expression":
        return depth > 2 or not _field_of_fresh_local(target, statement, func, loop, source, depth)
    if target.type != "identifier":
        return target.type != "blank_identifier" and text(source, target) != "_"
    if statement.type != "assignment_statement":
        return False
    declared = names_for(source, target).declaration(target)
    if declared is None or _parameter(declared):
        return text(source, target) != "_"  # a package variable, or a parameter
    return loop is not None and not (loop.start_byte <= declared.start_byte < loop.end_byte)


def _parameter(decl: Any) -> bool:
    """Whether the identifier decl declares a parameter, receiver or named result."""
    statement = declaring_statement(decl)
    return statement is not None and statement.type in ("parameter_declaration", "variadic_parameter_declaration")


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
    a `New...` call, also `repo, err := remote.NewRepository(u)`) that itself is not kept,
    or the value receiver of the method (a copy made for each call) that the method never
    hands on whole: the field dies with the local."""
    root = target
    while root.type == "selector_expression":
        root = root.child_by_field_name("operand")
    if root.type != "identifier":
        return False
    if _value_receiver(root, func, source):
        return not _copy_handed_on(root, func, source)
    decl = names_for(source, root).declaration(root)
    declaration = declaring_statement(decl) if decl is not None else None
    if declaration is None or declaration.type not in ("short_var_declaration", "var_spec") or \
            not (func.start_byte <= decl.start_byte and declaration.end_byte <= statement.start_byte):
        return False
    declared = next((value if value is not None else _only_call(declaration)
                     for bound, value in _bindings(declaration) if bound == decl), None)
    if declared is None or not _fresh(declared, source):
        return False
    return not _escapes(declared, func, loop, source, depth + 1)[0]


def _bindings(declaration: Any) -> Iterator[tuple[Any, Any | None]]:
    """(target, value) for each name a `:=` or var spec declares; value is None when the
    statement is not one-to-one."""
    if declaration.type == "var_spec":
        targets, values = declaration.children_by_field_name("name"), declaration.child_by_field_name("value")
    else:
        left, values = declaration.child_by_field_name("left"), declaration.child_by_field_name("right")
        targets = left.named_children if left is not None else []
    right = values.named_children if values is not None else []
    for i, target in enumerate(targets):
        yield target, right[i] if len(right) == len(targets) else None


def _only_call(declaration: Any) -> Any | None:
    """The one call on the right of `a, err := f(...)`."""
    right = declaration.child_by_field_name("right") if declaration.type == "short_var_declaration" else None
    values = right.named_children if right is not None else []
    return values[0] if len(values) == 1 and values[0].type == "call_expression" else None


def _value_receiver(ident: Any, func: Any, source: bytes) -> bool:
    """Whether the identifier ident names the receiver of the method func, declared as a
    value, not a pointer."""
    if func.type != "method_declaration":
        return False
    receiver = func.child_by_field_name("receiver")
    declaration = receiver.named_children[0] if receiver is not None and receiver.named_children else None
    kind = declaration.child_by_field_name("type") if declaration is not None else None
    return kind is not None and kind.type != "pointer_type" and \
        names_for(source, ident).declaration(ident) in declaration.children_by_field_name("name")


def _copy_handed_on(receiver: Any, func: Any, source: bytes) -> bool:
    """Whether the method uses its receiver other than through its fields and methods
    (`return r`, `&r`, `keep(r)`): then the copy, with what its fields hold, may outlive
    the call."""
    declared = func.child_by_field_name("receiver")
    for use in names_for(source, receiver).uses(receiver, func):
        parent = use.parent
        if within(use, declared):
            continue
        if parent is None or parent.type != "selector_expression" or parent.child_by_field_name("operand") != use:
            return True
    return False


def _goroutine_keeps(use: Any, source: bytes, made: Any) -> bool:
    """Whether use hands the value (bound by the statement made) to a goroutine that
    keeps it: an argument of the `go` call, or a use inside a `go func() {...}()` literal
    that loops or that cuts itself loose from the request (`sub.Receive(context.Background(),
    ...)`), the value made before it (a goroutine that makes the value itself is where it
    is used and dropped, as a function would be)."""
    holder = use.parent
    if holder.type == "argument_list" and holder.parent.parent is not None and holder.parent.parent.type == "go_statement":
        return True
    for node in ancestors(use):
        if node.type == "func_literal":
            call = node.parent
            if call is not None and call.type == "call_expression" and call.parent.type == "go_statement":
                if node.start_byte <= made.start_byte < node.end_byte:
                    return False
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


def _receiver(func: Any, source: bytes) -> Any | None:
    """The identifier declaring the receiver of the method that func is or sits in."""
    method = func if func.type == "method_declaration" else next(
        (a for a in ancestors(func) if a.type == "method_declaration"), None)
    receiver = method.child_by_field_name("receiver") if method is not None else None
    declaration = receiver.named_children[0] if receiver is not None and receiver.named_children else None
    found = declaration.children_by_field_name("name") if declaration is not None else []
    return found[0] if found else None


# What `_escapes` says of a value the function returns (a kept value: true).
RETURNED = "returned"


def _escapes(expr: Any, func: Any, loop: Any, source: bytes, depth: int = 0) -> tuple[bool | str, Any | None]:
    """(kept beyond the request/iteration? RETURNED when kept by being returned, the
    identifier of the local variable holding it)."""
    receiver = _receiver(func, source)
    parent = expr.parent
    if parent is None:
        return False, None
    if parent.type == "argument_list":  # stopped by _value: appended or kept by the receiver
        return True, None
    if parent.type == "expression_list" and parent.parent is not None and parent.parent.type == "return_statement":
        return RETURNED, None
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
    own = enclosing_function(statement)
    for use in _uses(target, func, statement, source):
        if _goroutine_keeps(use, source, statement):
            return True, target
        closure = enclosing_function(use)
        if closure is not None and closure != own and closure.type == "func_literal" and not (
                closure.parent.type == "call_expression" and closure.parent.child_by_field_name("function") == closure):
            return True, target  # captured by a closure, which may outlive the call
        holder = use.parent
        if holder.type == "send_statement":
            return True, target
        if holder.type == "selector_expression" and not (
                holder.parent.type == "call_expression" and holder.parent.child_by_field_name("function") == holder):
            # a method value or a field handed on (`&api{do: client.Do}`) keeps the value
            kept = depth > 2 or _escapes(_value(holder, source, receiver), func, loop, source, depth + 1)[0]
            if kept:
                return kept, target
            continue
        carried = _value(use, source, receiver)  # `&http.Client{Transport: tr}`, `wrap(tr)`
        if carried is not use:
            kept = depth > 2 or _escapes(carried, func, loop, source, depth + 1)[0]
            if kept:
                return kept, target
            continue
        if holder.type == "argument_list" and _keeps(holder.parent, source, receiver):
            return True, target
        if holder.type == "expression_list":
            stmt = holder.parent
            if stmt.type == "return_statement":
                return RETURNED, target
            if stmt.type in ("assignment_statement", "short_var_declaration") and \
                    holder == stmt.child_by_field_name("right"):
                again = assigned_to(use)
                if again is not None and _kept(again[0], stmt, func, loop, source, depth):
                    return True, target
                if again is not None and again[0].type == "identifier" and len(holder.named_children) == 1 \
                        and depth <= 2:
                    # copied to another local (`transport = defaultTransport`): kept if that is
                    kept = _escapes(use, func, loop, source, depth + 1)[0]
                    if kept:
                        return kept, target
    return False, target


def _closed(target: Any | None, func: Any, source: bytes, depth: int = 0, after: Any | None = None) -> bool:
    """Whether func calls a closing method on the variable target declares, or on a
    local it is copied to (`txp = ht`, then `defer txp.CloseIdleConnections()`)."""
    if target is None:
        return False
    for use in names_for(source, target).uses(target, func):
        copy = assigned_to(use) if depth < 2 else None
        if copy is not None and copy[0].type == "identifier" and copy[0] != target \
                and len(use.parent.named_children) == 1 \
                and _closed(copy[0], func, source, depth + 1, copy[1]):
            return True
        if after is not None and use.start_byte < after.end_byte:
            continue  # a close of what the copy's variable held before
        selector = use.parent
        if selector.type == "type_assertion_expression":  # `t.(*http.Transport).CloseIdleConnections()`
            selector = selector.parent
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
               for n in walk(func)) or _dialled_outside(func, source):
            return False
    return True


def _dialled_outside(func: Any, source: bytes) -> bool:
    """Whether the dial function literal names a variable of its enclosing function set
    by a `Dial...` call (`nc, err := net.Dial(...)`, then `return nc, nil`): it hands
    out that socket, which the transport then keeps in its pool."""
    names = names_for(source, func)
    for ident in walk(func):
        if ident.type != "identifier":
            continue
        decl = names.resolve(ident).decl
        statement = declaring_statement(decl) if decl is not None and not within(decl, func) else None
        right = statement.child_by_field_name("right") if statement is not None and \
            statement.type == "short_var_declaration" else None
        value = right.named_children[0] if right is not None and right.named_children else None
        if value is not None and value.type == "call_expression" and call_name(value, source)[1].startswith("Dial"):
            return True
    return False


# The kind of each pattern of the rule's query, in query order: matches are routed
# by pattern index.
PATTERNS = ("call", "literal", "clone")


def check(ctx: Context) -> Iterator[Report]:
    if is_test_file(ctx.path):
        return
    names = ctx.names
    if not names.imported():
        return
    constructors, literals = ctx.options["constructors"], ctx.options["literals"]
    calls, literal_types = _Names(constructors), _Names(literals)
    relayed: set[int] = set()  # calls already reported as dropping a relayed transport
    for index, captures in ctx.matches:
        if PATTERNS[index] == "call":
            node = captures["call"][0]
            function = node.child_by_field_name("function")
            field = function.child_by_field_name("field") if function is not None else None
            if field is None:
                continue
            resolved = names.qualified(function) \
                if calls.may_match(ctx.source[field.start_byte : field.end_byte]) else None
            if resolved is None or not name_matches(*resolved, constructors):
                if not _module_factory(node, ctx):
                    continue
                resolved = None
            what = f"`{ctx.text(function)}`"
        elif PATTERNS[index] == "clone":
            node = captures["clone"][0]
            function = node.child_by_field_name("function")
            if arguments(node) or not name_matches("net/http", "Transport", literals) or \
                    "net/http" not in names.imported().values() or \
                    not _transport(function.child_by_field_name("operand"), ctx):
                continue
            shown = short_call(node, ctx.source)
            what = f"`{shown}`" if shown.endswith(")") else f"`{shown}()`"
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
        per_call = place is None and (PATTERNS[index] == "clone" or resolved == ("net/http", "Transport"))
        # A constructor in a declared function that may run per call: reported through the
        # callers of the factory that returns it, if they drop what it makes
        factory = place is None and not per_call and PATTERNS[index] == "call" and \
            _per_call(node, ctx) is not None
        # In a program (whose functions mostly run once), a factory's transport only
        # where a caller that drops it runs again (a request handler's)
        program = (per_call or factory) and _per_call(node, ctx) is None and \
            _per_call(node, ctx, programs=True) is not None
        if per_call or factory:
            func = _per_call(node, ctx, programs=program)
            if func is None:
                continue
            place = func, None, None
        if place is None:
            continue
        func, why, loop = place
        value = _value(node, ctx.source, _receiver(func, ctx.source))
        kept, holder = _escapes(value, func, loop, ctx.source)
        if program and kept != RETURNED:
            continue
        if kept:
            callers = _factory_callers(value, func, ctx, program) if per_call or factory else None
            if callers and not _without_keep_alives(node, value, func, ctx):
                package = PackageFiles.of(ctx)
                repeated = any(function_again(c, package) if c.type != "func_literal" else
                               runs_again(c, names, ctx.root, ctx.source) for c in callers)
                yield Report(node, _factory_message(what, func, callers, ctx),
                             confidence=None if repeated and not _test_cost(node, False, ctx) else Confidence.LOW)
            if per_call and not _without_keep_alives(node, value, func, ctx):
                # two factories deep: reported where the pool is dropped, once per call
                for call, relay, caller in _relayed(value, func, ctx, program):
                    if call.start_byte not in relayed:
                        relayed.add(call.start_byte)
                        yield _relay_report(call, func, relay, caller, ctx)
            continue
        if factory:
            continue  # not returned: judged where it is built only for transports (above)
        closed = _closed(holder, func, ctx.source)
        if closed and loop is not None and _per_iteration_target(node, loop, ctx):
            continue  # each turn opens and closes a client for another target
        if per_call:
            if closed or _without_keep_alives(node, value, func, ctx) or _reused_in_loop(value, func, ctx):
                continue  # no idle connection is left behind, or one call uses it many times
            if _called_hourly_at_most(func, ctx):
                continue  # the server has closed one call's idle connection before the next call
            message = _per_call_message(what, value, func, ctx)
        else:
            # a transport is a connection pool, not a client
            pool = PATTERNS[index] == "clone" or resolved == ("net/http", "Transport")
            if pool and _without_keep_alives(node, value, func, ctx, reuse=True):
                continue  # keep-alives off: it keeps no connection, and a shared one would reuse none
            made = ("makes", "a new connection pool") if pool else ("creates", "a client")
            if why is not None:
                where = _describe(func, ctx.source, why)
                if closed:
                    message = (f"{what} {made[0]} and closes {made[1]} per request in {where}; build it "
                               "once and share it to reuse its connections")
                else:
                    message = shortest_fitting(
                        f"{what} {made[0]} {made[1]} on every request in {where} and never closes it; "
                        "build it once and share it",
                        f"{what} {made[0]} {made[1].replace('a new ', 'a ')} per request in {where} and never "
                        "closes it; build it once and share it",
                        f"{what} {made[0]} {made[1].replace('a new ', 'a ')} per request in {where}, never "
                        "closed; build it once and share it")
            else:
                where = f"the loop at line {loop.start_point[0] + 1}"
                if closed:
                    message = (f"{what} {made[0]} and closes {made[1]} on every iteration of {where}; "
                               "build it once before the loop and reuse it")
                elif _per_iteration_target(node, loop, ctx):
                    # each turn builds it for another target: one cannot serve them all
                    message = (f"{what} {made[0]} {made[1]} on every iteration of {where} and never "
                               "closes it; close it when the iteration is done with it")
                else:
                    message = (f"{what} {made[0]} {made[1]} on every iteration of {where} and never "
                               "closes it; build it once before the loop")
        if once_per_process(node, names, ctx.root, ctx.source):
            continue  # one client per run of the process (lifetime.runs_once)
        # a pool per call piles up only if the code shows the function running again
        # (a loop that sleeps an hour a turn is no evidence: the server has closed the
        # idle connection of one call's pool before the next call makes one)
        # closed after each use, nothing leaks: each request pays a set-up, a cost that
        # rests on a request rate the code does not show
        low = closed or per_call and not runs_again(node, names, ctx.root, ctx.source, paced=True) or \
            _test_cost(node, closed, ctx)
        yield Report(node, message, confidence=Confidence.LOW if low else None)


def _test_cost(node: Any, closed: bool, ctx: Context) -> bool:
    """Whether the pools node makes are test code's (lifetime.test_code; `_test.go`
    files are skipped) whose cost ends with the test binary: closed after each use
    (each turn or call pays a connection's set-up, nothing piles up), or left open where
    lifetime.test_cost_only holds (in no loop, in a package whose tests check for no
    leaked goroutines: a transport's idle connections keep two each)."""
    return test_code(node, ctx.names, ctx.path or "") and not ctx.names.in_example(node) and (
        closed or test_cost_only(node, ctx.names, ctx.path or "", ctx.source, goroutines=True))


def _per_iteration_target(node: Any, loop: Any, ctx: Context) -> bool:
    """Whether the arguments of the constructor call node name a variable the loop
    declares (its range or clause variables, or a local of its body): `for _, host :=
    range seeds { grpc.Dial(host) }` dials another target on each turn."""
    call = node if node.type == "call_expression" else None
    args = call.child_by_field_name("arguments") if call is not None else None
    if args is None:
        return False
    for ident in descendants(args, ("identifier",)):
        decl = ctx.names.resolve(ident).decl
        if decl is not None and loop.start_byte <= decl.start_byte < loop.end_byte:
            return True
    return False


def _module_factory(call: Any, ctx: Context) -> bool:
    """Whether call reaches a function of another package of the module (whose source
    is at hand) that builds a new HTTP transport on every call and returns it, or a
    client on it, keeping nothing (`httpx.NewClient(opts)`), as that package's file,
    read alone, says (`_returns_new_transport`)."""
    function = call.child_by_field_name("function")
    operand = function.child_by_field_name("operand") if function is not None and \
        function.type == "selector_expression" else None
    if operand is None or ctx.names.import_path(operand) is None:
        return False  # only `pkg.F(...)` reaches another package's function (callee's `path:F`)
    facts = ctx.names.facts
    key = ownership_of(ctx.root, ctx.source).callee(call) if facts is not None else None
    if key is None or ":" not in key:
        return False
    # A function that builds a transport names its type (`&http.Transport{`, `t *http.Transport`).
    answers = facts.summarised(key, "GL005 returns a new transport", _builds_transports, holds=b"Transport")
    return bool(answers) and all(answers)


def _builds_transports(key: str, root: Any, source: bytes) -> bool:
    ctx = Context(None, source, root, [], {})
    functions = ownership_of(root, source).functions.get(key, ())
    return bool(functions) and all(_returns_new_transport(f, ctx) for f in functions)


def _returns_new_transport(func: Any, ctx: Context) -> bool:
    """Whether func builds an HTTP transport (`&http.Transport{...}`, the `Clone()` of
    one) that keeps connections alive, and every transport it builds is returned, alone
    or in what it returns (`&http.Client{Transport: t}`), not kept anywhere else (a
    cache, a package variable) nor built in a function literal (`once.Do`)."""
    found = False
    receiver = _receiver(func, ctx.source)
    for node in descendants(func, ("composite_literal", "call_expression")):
        if node.type == "composite_literal":
            kind = node.child_by_field_name("type")
            if kind is None or ctx.names.qualified(kind) != ("net/http", "Transport") or \
                    _in_memory(node, ctx.source):
                continue
        else:
            function = node.child_by_field_name("function")
            if function is None or function.type != "selector_expression" or arguments(node) or \
                    ctx.text(function.child_by_field_name("field")) != "Clone" or \
                    not _transport(function.child_by_field_name("operand"), ctx):
                continue
        value = _value(node, ctx.source, receiver)
        if enclosing_function(node) != func or _escapes(value, func, None, ctx.source)[0] != RETURNED or \
                _without_keep_alives(node, value, func, ctx):
            return False
        found = True
    return found


def _transport(operand: Any, ctx: Context) -> bool:
    """Whether operand is an *http.Transport (whose `Clone()` makes a new one)."""
    kind = ctx.types.of(operand)
    return kind is not None and kind.kind == "pointer" and kind.is_named("net/http", "Transport")


def _per_call(node: Any, ctx: Context, programs: bool = False) -> Any | None:
    """The function or method around node when node runs once per call of it and its
    callers may call it per request: a declared function (not a literal, whose calls are
    not visible), not `main` or `init`, not test code, and not in a program (`package
    main` or under `cmd`), whose functions mostly run once, unless programs."""
    func = enclosing_function(node)
    if func is None or func.type == "func_literal" or start_up(func, ctx.source):
        return None
    if test_code(node, ctx.names, ctx.path or "") or \
            not programs and in_program(ctx.path or "", ctx.names.package):
        return None
    return func


def _targets(value: Any, func: Any, names: Names) -> list[Any]:
    """The variables or field paths value is kept under in func: its target (`tr`,
    `r.transport`) and the targets of later assignments that take it (`client :=
    &http.Client{Transport: tr}`), each as its target node."""
    bound = assigned_to(value)
    if bound is None or not _path(bound[0], names):
        return []
    found = [bound[0]]
    body = func.child_by_field_name("body")
    for target, taken, statement in assignments(body) if body is not None else ():
        if statement.start_byte > value.end_byte and taken is not None and _path(target, names) and \
                any(_mentions(taken, kept, func, names) for kept in found):
            found.append(target)
    return found


def _path(node: Any, names: Names) -> bool:
    """Whether node is a variable or a field path from one (`tr`, `r.transport`), not `_`."""
    return node.type in ("identifier", "selector_expression") and names.source[node.start_byte:node.end_byte] != b"_"


def _mentions(scope: Any, kept: Any, func: Any, names: Names) -> bool:
    """Whether scope (a node inside func) uses the variable or field path kept names."""
    if kept.type == "identifier":
        return any(scope.start_byte <= use.start_byte < scope.end_byte for use in names.uses(kept, func))
    return any(names.same_path(node, kept)
               for node in (scope, *descendants(scope, ("selector_expression",))))


def _reused_in_loop(value: Any, func: Any, ctx: Context) -> bool:
    """Whether a loop after value, in func, uses the transport or a client built on it:
    the call uses its transport for many requests (a batch, a poller), not for one."""
    kept = _targets(value, func, ctx.names)
    return bool(kept) and any(loop.start_byte > value.end_byte and
                              any(_mentions(loop, k, func, ctx.names) for k in kept)
                              for loop in descendants(func, ("for_statement",)))


def _without_keep_alives(node: Any, value: Any, func: Any, ctx: Context, reuse: bool = False) -> bool:
    """Whether the transport leaves no idle connection behind for long, in its literal or
    set later on the variable it is assigned to (`tr.DisableKeepAlives = true`):
    `DisableKeepAlives: true`; an `IdleConnTimeout` of at most `_SHORT_IDLE` seconds; a
    dialer that puts an absolute deadline on each connection (`conn.SetDeadline(
    time.Now().Add(d))`); or, in func, requests that ask to close the connection after
    the response (`req.Close = true`, a `Connection: close` header). reuse: only what
    would keep a shared transport from reusing connections too (keep-alives off,
    requests that close theirs)."""
    settings = []
    body = node.child_by_field_name("body") if node.type == "composite_literal" else None
    for element in body.named_children if body is not None else ():
        key = element.child_by_field_name("key") if element.type == "keyed_element" else None
        if key is not None:
            settings.append((ctx.text(key), element.child_by_field_name("value")))
    bound = assigned_to(value)
    statements = func.child_by_field_name("body")
    for target, taken, _ in assignments(statements) if statements is not None else ():
        field = target.child_by_field_name("field") if target.type == "selector_expression" else None
        if bound is not None and field is not None and _method_of(target, bound[0], ctx.text(field), ctx.names):
            settings.append((ctx.text(field), taken))
    for key, setting in settings:
        setting = setting.named_children[0] if setting is not None and setting.type == "literal_element" and \
            setting.named_children else setting
        if setting is None:
            continue
        if key == "DisableKeepAlives" and setting.type == "true":
            return True
        if reuse:
            continue
        if key == "IdleConnTimeout":
            seconds = constant_duration(setting, ctx.names)
            if seconds is not None and 0 < (seconds[0] if seconds[1] else seconds[0] * 1e-9) <= _SHORT_IDLE:
                return True
        if key in _DIAL_FIELDS and _sets_deadline(setting, ctx):
            return True
    return statements is not None and _closes_after_response(statements, ctx)


# An idle connection that its transport closes within this many seconds is gone before it
# matters (http.DefaultTransport keeps one 90 s).
_SHORT_IDLE = 30.0


def _sets_deadline(dialer: Any, ctx: Context) -> bool:
    """Whether a dial function (a literal, a function of the file, or a call of one that
    returns it: `TimeoutDialer(c, rw)`) sets a deadline from the clock on the connection
    it dials (`conn.SetDeadline(time.Now().Add(rw))`): the connection ends then, idle or not."""
    if dialer.type == "call_expression":
        dialer = dialer.child_by_field_name("function")
    if dialer.type == "identifier":
        dialer = ctx.names.function(ctx.text(dialer))
    if dialer is None or dialer.type not in ("func_literal", "function_declaration"):
        return False
    for call in descendants(dialer, ("call_expression",)):
        function = call.child_by_field_name("function")
        if function.type == "selector_expression" and ctx.text(function.child_by_field_name("field")) == "SetDeadline" \
                and any(n.type == "call_expression" and ctx.names.qualified(n.child_by_field_name("function")) ==
                        ("time", "Now") for a in arguments(call) for n in walk(a)):
            return True
    return False


def _closes_after_response(body: Any, ctx: Context) -> bool:
    """Whether the function asks for its requests' connections to be closed after the
    response: `req.Close = true`, a request literal that sets it (`&http.Request{...,
    Close: true}`), or a `Connection: close` header (`req.Header.Set("Connection", "close")`)."""
    for target, taken, _ in assignments(body):
        if target.type == "selector_expression" and ctx.text(target.child_by_field_name("field")) == "Close" and \
                taken is not None and taken.type == "true":
            return True
    for literal in descendants(body, ("composite_literal",)):
        fields = literal.child_by_field_name("body")
        if ctx.names.qualified(literal.child_by_field_name("type")) == ("net/http", "Request") and any(
                element.type == "keyed_element" and ctx.text(element.child_by_field_name("key")) == "Close" and
                ctx.text(element.child_by_field_name("value")) == "true" for element in fields.named_children):
            return True
    for call in descendants(body, ("call_expression",)):
        function = call.child_by_field_name("function")
        values = [ctx.text(a).strip('"`').lower() for a in arguments(call)]
        if function.type == "selector_expression" and ctx.text(function.child_by_field_name("field")) in \
                ("Set", "Add") and ctx.text(function.child_by_field_name("operand")).endswith("Header") and \
                values == ["connection", "close"]:
            return True
    return False


def _method_of(selector: Any | None, value: Any, field: str, names: Names) -> bool:
    """Whether selector is `x.field` with x the variable or field path value names
    (`t.Reset` of the timer t, not of another t declared in a nested block)."""
    return selector is not None and selector.type == "selector_expression" and \
        text(names.source, selector.child_by_field_name("field")) == field and \
        names.same_path(selector.child_by_field_name("operand"), value)


def _paced(call: Any, func: Any, ctx: Context) -> bool:
    """Whether call runs in the case of a `select` on a timer or ticker `t.C` that
    comes around an hour or more apart: the case re-arms the timer with `t.Reset(d)`,
    or `t` is `time.NewTicker(d)`, with a constant d of an hour or more (a one-off
    trigger of another case, such as a config change, may run it sooner); or on
    `time.After(d)` with such a d."""
    case = next((a for a in ancestors(call) if a.type == "communication_case" or a.type in FUNCTION_TYPES), None)
    if case is None or case.type != "communication_case" or not case.named_children or \
            case.named_children[0].type != "receive_statement":
        return False
    received = case.named_children[0].named_children[-1]
    operand = received.named_children[0] if received.type == "unary_expression" and received.named_children else None
    if operand is not None and operand.type == "call_expression" and \
            ctx.names.qualified(operand.child_by_field_name("function")) == ("time", "After"):
        return len(arguments(operand)) == 1 and at_least_an_hour(arguments(operand)[0], ctx.names)
    if operand is None or operand.type != "selector_expression" or \
            ctx.text(operand.child_by_field_name("field")) != "C":
        return False
    timer, names = operand.child_by_field_name("operand"), ctx.names
    resets = [c for c in descendants(case, ("call_expression",))
              if _method_of(c.child_by_field_name("function"), timer, "Reset", names)]
    if any(len(arguments(c)) == 1 and at_least_an_hour(arguments(c)[0], ctx.names) for c in resets):
        return True
    made = [taken for target, taken, _ in assignments(func) if names.same_path(target, timer)]
    return len(made) == 1 and made[0] is not None and made[0].type == "call_expression" and \
        names.qualified(made[0].child_by_field_name("function")) == ("time", "NewTicker") and \
        len(arguments(made[0])) == 1 and at_least_an_hour(arguments(made[0])[0], ctx.names) and \
        not any(_method_of(c.child_by_field_name("function"), timer, "Reset", names)
                for c in descendants(func, ("call_expression",)))


def _called_hourly_at_most(func: Any, ctx: Context) -> bool:
    """Whether every call of func, an unexported function or method that no other file
    of the package names, is paced an hour or more apart (`_paced`): each call's idle
    connection is gone, closed by the server, before the next call makes a pool."""
    name = ctx.text(func.child_by_field_name("name")) if func.child_by_field_name("name") is not None else ""
    if not name or not name[0].islower() or name == "_" or ctx.path is None:
        return False
    word = re.compile(rb"\b" + re.escape(name.encode()) + rb"\b")
    others = folder_sources(ctx.path)
    if others is None or any(word.search(other) and package_clause(other) == package_clause(ctx.source)
                             for other in others):
        return False
    calls, mentions = [], 0
    for node in _named(func, ctx):
        mentions += 1
        call = node.parent.parent if node.parent.type == "selector_expression" else node.parent
        if call is not None and call.type == "call_expression" and \
                within(node, call.child_by_field_name("function")):
            calls.append(call)
    # every mention but the declaration's is a call in a function (no value `s.send` handed on)
    return bool(calls) and mentions == len(calls) + 1 and all(
        enclosing is not None and _paced(call, enclosing, ctx) for call in calls
        for enclosing in [enclosing_function(call)])


def _named(func: Any, ctx: Context) -> Iterator[Any]:
    """The names in the file that mean the function or method func, its declaration's
    included: identifiers that resolve to a function; for a method, every field name
    `x.name` (whose value's type is not followed here)."""
    declared = func.child_by_field_name("name")
    name = ctx.text(declared) if declared is not None else ""
    method = func.type == "method_declaration"
    for node in descendants(ctx.root, ("field_identifier",) if method else ("identifier",)):
        if ctx.text(node) == name and (method or ctx.names.resolve(node).decl == declared):
            yield node


def _factory_callers(value: Any, func: Any, ctx: Context, program: bool = False) -> list[Any] | None:
    """The functions of the file that call func, a factory returning the client value
    builds (`return &http.Client{Transport: &http.Transport{...}}`), each time to use what
    one call returns and drop it (`_drops`). A caller that keeps it (`s.client =
    newClient()`) builds it once: None when no caller drops it. In a program, only
    callers that run again (`_again`)."""
    if not _returned_alone(value) or not _declared_name(func, ctx):
        return None
    callers = []
    for call, caller, home in _calls_of(func, ctx, program):
        if _drops(call, caller, home, ctx) and caller not in callers and _again(caller, ctx, program):
            callers.append(caller)
    return callers or None


def _returned_alone(value: Any) -> bool:
    """Whether value is the one result of a return statement (`return &http.Transport{...}`)."""
    return value.parent is not None and value.parent.type == "expression_list" and \
        value.parent.parent is not None and value.parent.parent.type == "return_statement" and \
        len(value.parent.named_children) == 1


def _declared_name(func: Any, ctx: Context) -> str:
    declared = func.child_by_field_name("name")
    name = ctx.text(declared) if declared is not None else ""
    return "" if name == "_" else name


def _again(caller: Any, ctx: Context, program: bool) -> bool:
    """Whether caller may count as a factory's caller: anywhere outside programs; in a
    program, where the code shows it running again (lifetime.function_again: a request
    handler, a loop without a bound)."""
    return not program or bool(function_again(caller, PackageFiles.of(ctx)))


def _calls_of(func: Any, ctx: Context, programs: bool = False) -> Iterator[tuple[Any, Any, Any]]:
    """The calls of func in the file, each with the declared function it runs in (a
    function literal counting as the declared function around it) and the function whose
    variables take its result (the literal itself, or the declared function): calls in
    `main`, `init`, test code, programs (unless programs) and func itself left out."""
    declared = func.child_by_field_name("name")
    for node in _named(func, ctx):
        if node == declared:
            continue
        call = node.parent.parent if node.parent.type == "selector_expression" else node.parent
        if call is None or call.type != "call_expression" or not within(node, call.child_by_field_name("function")):
            continue
        scope = enclosing_function(call)
        caller = _per_call(call, ctx, programs) if scope is not None and scope.type != "func_literal" else \
            next((a for a in ancestors(scope) if a.type in FUNCTION_TYPES and a.type != "func_literal"), None) \
            if scope is not None else None
        if caller is None or scope == func or (scope.type == "func_literal" and (
                start_up(caller, ctx.source) or test_code(call, ctx.names, ctx.path or "") or
                not programs and in_program(ctx.path or "", ctx.names.package))):
            continue
        # in a literal, the declared function around it: a variable it assigns may be
        # the function's (`conn, err = f()` in a retry callback, then `s.conn = conn`)
        yield call, caller, caller if scope.type == "func_literal" else scope


def _drops(call: Any, caller: Any, home: Any, ctx: Context) -> bool:
    """Whether caller uses what call returns for one request and drops it: it neither
    keeps the result (as `_escapes` reads it: returned, stored, handed to a goroutine or
    to a method of the receiver), closes it, nor uses it in a loop (one pool for a batch
    of requests), and runs more often than hourly."""
    result = _value(call, ctx.source, _receiver(home, ctx.source))
    kept, holder = _escapes(result, home, None, ctx.source)
    return not (kept or _closed(holder, home, ctx.source) or _reused_in_loop(result, home, ctx) or
                _called_hourly_at_most(caller, ctx))


def _relayed(value: Any, func: Any, ctx: Context, program: bool = False) -> list[tuple[Any, Any, Any]]:
    """Where a transport that func builds and returns (`return &http.Transport{...}`)
    comes back through a second factory of the file and is dropped: each (call, relay,
    caller) with relay a declared function that calls func and returns what it gets
    (alone, or in a value it returns: `return &authTripper{next: t}`), changed or not,
    leaving its keep-alives on, and caller a function of the file that calls relay and
    drops its result (`_drops`), without asking for the connection to be closed."""
    if not _returned_alone(value) or not _declared_name(func, ctx):
        return []
    found = []
    for inner, relay, home in _calls_of(func, ctx, program):
        if home != relay or not _declared_name(relay, ctx):
            continue
        result = _value(inner, ctx.source, _receiver(relay, ctx.source))
        if _escapes(result, relay, None, ctx.source)[0] != RETURNED or \
                _without_keep_alives(inner, result, relay, ctx):
            continue
        for call, caller, outer in _calls_of(relay, ctx, program):
            if caller in (func, relay) or not _drops(call, caller, outer, ctx) or not _again(caller, ctx, program) or \
                    _without_keep_alives(call, _value(call, ctx.source, _receiver(outer, ctx.source)), outer, ctx):
                continue
            found.append((call, relay, caller))
    return found


def _factory_message(what: str, func: Any, callers: list[Any], ctx: Context) -> str:
    name = function_name(func, ctx.source)
    first = f"`{function_name(callers[0], ctx.source)}`"
    more = f" (and {len(callers) - 1} more)" if len(callers) > 1 else ""
    return shortest_fitting(
        f"{what} makes a new connection pool on every call of `{name}`; {first}{more} uses it for "
        "one request and drops it, never closed: build it once and share it",
        f"{what} makes a new connection pool on every call of `{name}`; {first}{more} drops it "
        "unclosed: build it once and share it",
        f"{what} makes a new pool on each call of `{name}`; {first}{more} drops it unclosed: "
        "build it once and share it",
        f"{what} makes a new connection pool on every call of `{name}`, whose callers drop it; "
        "build it once and share it")


def _relay_report(call: Any, func: Any, relay: Any, caller: Any, ctx: Context) -> Report:
    """The finding at call, in caller, of relay, which returns the transport that func
    builds: shown where caller runs again (lifetime.function_again)."""
    inner, middle, outer = (function_name(f, ctx.source) for f in (func, relay, caller))
    message = shortest_fitting(
        f"`{middle}` returns a new connection pool built by `{inner}` on every call; "
        f"`{outer}` drops it unclosed: build it once and share it",
        f"`{middle}` returns a new connection pool on every call; `{outer}` drops it unclosed: "
        "build it once and share it")
    repeated = function_again(caller, PackageFiles.of(ctx))
    return Report(call, message,
                  confidence=None if repeated and not _test_cost(call, False, ctx) else Confidence.LOW)


def _per_call_message(what: str, value: Any, func: Any, ctx: Context) -> str:
    name = function_name(func, ctx.source)
    bound = assigned_to(value)
    kept = ""  # what a field of a value receiver does not do
    if bound is not None and bound[0].type == "selector_expression":
        root = bound[0]
        while root.type == "selector_expression":
            root = root.child_by_field_name("operand")
        if root.type == "identifier" and _value_receiver(root, func, ctx.source):
            kept = f" (`{ctx.text(root)}` is a copy: `{ctx.text(bound[0])}` keeps nothing)"
    if kept:
        return shortest_fitting(
            f"{what} makes a new connection pool on every call of `{name}`{kept}; build it once and share it",
            f"{what} makes a new connection pool on every call of `{name}`{kept}")
    return shortest_fitting(
        f"{what} makes a new connection pool on every call of `{name}` and never closes it: its idle "
        "connections stay open, unused; build the transport once and share it",
        f"{what} makes a new connection pool on every call of `{name}` and never closes it; "
        "build the transport once and share it")


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
    # (aliases keep the path); a factory of another package of the module holds
    # `Client(` or `Transport(`. Configured options lift the prefilter (engine).
    triggers=(b"Dial(", b"DialContext(", b"Client(", b"Transport(", b"NewPool(",
              b"Pool{", b"cloud.google.com/go/", b"sql", b"gorm", b"amqp", b"kafka",
              b"Connect(", b"Transport{", b"Clone()"),
    # Every match the check reads names a default constructor or literal type as the
    # field of a selector (`grpc.Dial`, `redis.Pool{`), and each holds one of these.
    anchors=(b"Dial", b"Open", b"Connect", b"Client", b"Pool", b"NewWriter", b"NewReader",
             b"Transport", b"Clone"),
    anchored=lambda source, start, end: field_name(source, start, end, whole=False),
    tests_by_bytes=True,
    options={
        "constructors": CONSTRUCTORS,
        "literals": LITERALS,
        "handler-params": HANDLER_PARAMS,
        "grpc-methods": True,
    },
    tags=("goroutine-leak", "connection-leak", "performance"),
    outside=("callers",),  # a factory's callers decide whether it is reported (_factory_callers)
)
