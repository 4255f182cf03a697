"""
## What it does
Finds HTTP responses whose `Body` is not closed on every path out of the function that
made the request.

The requests matched are `http.Get`, `http.Post`, `http.PostForm`,
`http.DefaultClient.Do/Get/Post/PostForm`, and the same four methods on a client value
(`client.Do(req)`, `c.httpClient.Get(url)`) when the receiver's name contains `client`
or the function reads the response's `Body`, `StatusCode`, `Status` or `Header`. The
call must take the arguments net/http's does (`Get(url)`, `Do(req)`, `Post(url,
contentType, body)`, `PostForm(url, data)`), the file must import `net/http`, and a
response whose other fields are read (`result.Node`) is some other client's. `Head` is
not matched: a HEAD response's body is always `http.NoBody`; nor is `Do(req)` when `req`
was made in the same function by `http.NewRequest("HEAD", ...)` (or
`NewRequestWithContext`, `http.MethodHead`).

A `defer resp.Body.Close()`, a deferred closure that closes it, or `resp.Body.Close()`
on every path keeps it quiet. Reading the body (`io.ReadAll(resp.Body)`,
`json.NewDecoder(resp.Body)`, `io.Copy(dst, resp.Body)`) is not closing it, and
neither is handing the response to a call that only reads it (`fmt.Println(resp)`, a
helper of the same file that reads `resp.StatusCode`). A helper of the same file that
closes the body counts as closing it. The response escaping ends the check on the path
where it happens: returned, passed to a function that may keep it (of another file or
package), stored, sent or captured by a closure; so does `resp.Body` handed to a
function other than the readers above. The `if err != nil { return }` branch right
after the request is not a leak (the response is nil there), and neither is the branch
of `if resp == nil` or `if resp.Body == nil`. A response bound to `_` is reported: its body can never be closed.

Reported in `_test.go` files too (an open body can make `httptest.Server.Close` wait),
except responses bound to `_` there, which are mostly requests expected to fail.

## Why is this bad?
Until the body is closed, the transport cannot reuse the connection: each leaked
response keeps a TCP connection and its read goroutine (and, with HTTP/2, a stream)
alive. A service that leaks on an error path (`if resp.StatusCode != 200 { return
err }` before the `defer`) grows file descriptors and goroutines until it hits its
limits.

## Example
```go
resp, err := client.Do(req)
if err != nil {
    return err
}
if resp.StatusCode != http.StatusOK {
    return fmt.Errorf("status %s", resp.Status)
}
defer resp.Body.Close()
```

## Use instead
```go
resp, err := client.Do(req)
if err != nil {
    return err
}
defer resp.Body.Close()
if resp.StatusCode != http.StatusOK {
    return fmt.Errorf("status %s", resp.Status)
}
```

## References
- [net/http: Client.Do](https://pkg.go.dev/net/http#Client.Do) ("the caller should close resp.Body when done reading from it")
- [bodyclose](https://github.com/timakin/bodyclose)
"""

from __future__ import annotations

from typing import Iterator

from goleaklint.fixes import defer_after
from goleaklint.model import Confidence, Context, Report, Rule, Severity
from goleaklint.release import (
    Release,
    analyze,
    leak_message,
    left_names,
    member_uses,
    short_call,
)
from goleaklint.analysis.names import IMPORT, Names
from goleaklint.analysis.types import Types
from goleaklint.syntax import ancestors, arguments, call_name, enclosing_function, is_test_file, text

# Calls that only read the body (io.ReadAll, json.NewDecoder, ...) are in the library
# model of analysis/ownership.py.
CLOSE_BODY = Release(methods=("Close",), through="Body")
RESPONSE_FIELDS = {"Body", "StatusCode", "Status", "Header"}
# Arguments each request method takes; `Head` is not matched: its Body is always
# http.NoBody and the connection is reused without a Close.
ARITY = {"Get": 1, "Post": 3, "PostForm": 2, "Do": 1}


def _is_request(call, resp, func, names: Names, types: Types) -> bool:
    """Whether call is an HTTP request whose response is bound to the identifier resp."""
    operand, method = call_name(call, names.source)
    if len(arguments(call)) != ARITY[method]:
        return False  # etcd's client.Get(ctx, key, opts...) and other look-alikes
    function = call.child_by_field_name("function")
    if names.qualified(function) is not None:
        return names.qualified(function)[0] == "net/http"
    if names.qualified(function.child_by_field_name("operand")) == ("net/http", "DefaultClient"):
        return True
    declared = types.results(call)
    if declared and declared[0] is not None:  # the receiver's declared type says it
        return declared[0].is_named("net/http", "Response")
    if not operand or "(" in operand:
        return False  # ts.Client().Get, client.R().Get: a resty-style builder
    receiver = _base(function)
    if receiver is not None and names.resolve(receiver).kind == IMPORT:
        return False  # another package's Get
    fields = member_uses(func, resp, names.source)[0] if text(names.source, resp) != "_" else set()
    if fields and not fields & RESPONSE_FIELDS:
        return False  # result.Node: some other client's result
    return "client" in operand.lower() or bool(fields)


def _base(function):
    node = function.child_by_field_name("operand")
    while node is not None and node.type == "selector_expression":
        node = node.child_by_field_name("operand")
    return node if node is not None and node.type == "identifier" else None


def _head_request(call, names: Names) -> bool:
    """`client.Do(req)` with `req, err := http.NewRequest("HEAD", ...)` before it."""
    source = names.source
    args = arguments(call)
    if call_name(call, source)[1] != "Do" or len(args) != 1 or args[0].type != "identifier":
        return False
    binding = names.reaching(args[0], call)
    statement = next((a for a in ancestors(binding[0]) if a.type in (
        "short_var_declaration", "assignment_statement")), None) if binding is not None else None
    right = statement.child_by_field_name("right") if statement is not None else None
    values = right.named_children if right is not None else []
    if len(values) != 1 or values[0].type != "call_expression":
        return False
    resolved = names.qualified(values[0].child_by_field_name("function"))
    made = arguments(values[0])
    index = {"NewRequest": 0, "NewRequestWithContext": 1}.get(resolved[1]) \
        if resolved is not None and resolved[0] == "net/http" else None
    if index is None or len(made) <= index:
        return False
    method = made[index]
    return text(source, method) in ('"HEAD"', "`HEAD`") or \
        names.qualified(method) == ("net/http", "MethodHead")


def check(ctx: Context) -> Iterator[Report]:
    if not any(i.path == "net/http" for i in ctx.names.imports):  # a dot import too
        return
    for _, captures in ctx.matches:
        stmt, call = captures["acquire"][0], captures["call"][0]
        names = left_names(stmt)
        if len(names) != 2 or names[0].type != "identifier":
            continue
        resp = ctx.text(names[0])
        if not _is_request(call, names[0], enclosing_function(stmt), ctx.names, ctx.types) or \
                _head_request(call, ctx.names):
            continue
        origin = short_call(call, ctx.source)
        if resp == "_":
            if is_test_file(ctx.path):
                continue  # tests discard responses of requests expected to fail
            yield Report(call, f"response from {origin} discarded with `_`: its Body can never "
                               "be closed and its connection is not reused")
            continue
        err = ctx.text(names[1]) if names[1].type == "identifier" else ""
        summary = leak_message(analyze(stmt, names[0], CLOSE_BODY, ctx.source, err), "closed")
        if summary:
            yield Report(call, f"`{resp}.Body` from {origin} is {summary}; an open body keeps "
                               f"its connection (defer {resp}.Body.Close() after the error check)",
                         fix=close_fix(stmt, resp, err, ctx.source))


def close_fix(stmt, resp: str, err: str, source: bytes):
    """`defer resp.Body.Close()` after the error check; none without one, since the
    response is nil when the request failed and the defer would panic."""
    return defer_after(stmt, err, f"{resp}.Body.Close()", source,
                       f"defer {resp}.Body.Close()", checked=True)


RULE = Rule(
    code="GL008",
    name="body-not-closed",
    severity=Severity.ERROR,
    confidence=Confidence.HIGH,
    check=check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    triggers=(b"net/http",),
    tags=("resource-leak", "http"),
    fix="safe",
)
