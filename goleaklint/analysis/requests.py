"""What runs once per request: a request handler, known by its parameters
(`http.ResponseWriter`, `*http.Request`, a gin/echo/fiber context), a gRPC server
method (`(ctx context.Context, *XRequest) (*XResponse, error)`) or a GraphQL resolver's
method; and what runs once per connection (a `net.Conn`, an SSH session parameter). GL005 reports clients
made there; GL010 reports tickers a handler starts."""

from __future__ import annotations

from typing import Any

from goleaklint.analysis.names import Names, receiver_type
from goleaklint.syntax import name_matches, parameters, text

# The parameter types of a request handler (GL005's default `handler-params`).
HANDLER_PARAMS = ["http.ResponseWriter", "*http.Request", "*gin.Context", "echo.Context", "*fiber.Ctx"]


def type_matches(kind: Any, source: bytes, names: Names, patterns: list[str]) -> bool:
    """Whether the type node kind names an imported type one of patterns matches
    (`*http.Request`, `cloud.google.com/go/*.Client`: a leading `*` for a pointer)."""
    resolved = names.qualified(kind)
    if resolved is None:
        return False
    pointer = kind.type == "pointer_type"
    wanted = [p.lstrip("*") for p in patterns if p.startswith("*") == pointer]
    return name_matches(resolved[0], resolved[1], wanted)


def grpc_method(func: Any, source: bytes, names: Names) -> bool:
    """A method shaped as a gRPC server method: `(context.Context, *XRequest)
    (*XResponse, error)`."""
    if func.type != "method_declaration":
        return False
    params = parameters(func, source, receiver=False)
    result = func.child_by_field_name("result")
    results = [d.child_by_field_name("type") for d in result.named_children] if (
        result is not None and result.type == "parameter_list") else []
    if len(params) != 2 or len(results) != 2:
        return False
    (_, ctx_type), (_, req_type) = params
    if not type_matches(ctx_type, source, names, ["context.Context"]):
        return False
    if req_type is None or req_type.type != "pointer_type" or not text(source, req_type).endswith("Request"):
        return False
    return (results[0] is not None and results[0].type == "pointer_type"
            and results[1] is not None and text(source, results[1]) == "error")


def handler(func: Any, source: bytes, names: Names, options: dict) -> str | None:
    """What makes func a request handler, or None."""
    for _, kind in parameters(func, source, receiver=False):
        if kind is not None and type_matches(kind, source, names, options["handler-params"]):
            return f"it takes {text(source, kind)}"
    if options["grpc-methods"] and grpc_method(func, source, names):
        return "a gRPC server method"
    return None


# The parameter types of a function that serves one connection or session: it runs once
# per connection (a server's accept loop, an SSH server's session handler).
CONNECTION_PARAMS = ["net.Conn", "*net.TCPConn", "*net.UnixConn", "*websocket.Conn", "ssh.Session", "ssh.Channel",
                     "*ssh.ServerConn", "ssh.ConnMetadata"]


def serves_connection(func: Any, source: bytes, names: Names) -> str | None:
    """The parameter type (as written) that makes func (a declaration or a literal) serve
    one connection or session (CONNECTION_PARAMS), or None."""
    for _, kind in parameters(func, source, receiver=False):
        if kind is not None and type_matches(kind, source, names, CONNECTION_PARAMS):
            return text(source, kind)
    return None


def graphql_resolver(func: Any, source: bytes, names: Names) -> bool:
    """A method of a GraphQL resolver type (gqlgen's layout: a receiver type named
    `Resolver` or `...Resolver`, such as `mutationResolver`) taking a context.Context
    first: the server calls it once per query or mutation that asks for its field."""
    if func.type != "method_declaration" or not receiver_type(func, source).endswith("Resolver"):
        return False
    params = parameters(func, source, receiver=False)
    return bool(params) and params[0][1] is not None and \
        type_matches(params[0][1], source, names, ["context.Context"])


def grpc_stream_method(func: Any, source: bytes, names: Names) -> bool:
    """A method shaped as a streaming gRPC server method: `(*XRequest, X_YServer) error`
    (server streaming) or `(X_YServer) error` (client or bidirectional streaming)."""
    if func.type != "method_declaration":
        return False
    params = parameters(func, source, receiver=False)
    result = func.child_by_field_name("result")
    results = [d.child_by_field_name("type") for d in result.named_children] if (
        result is not None and result.type == "parameter_list") else [result]
    if len(results) != 1 or results[0] is None or text(source, results[0]) != "error" or \
            not 1 <= len(params) <= 2 or params[-1][1] is None or not text(source, params[-1][1]).endswith("Server"):
        return False
    request = params[0][1] if len(params) == 2 else None
    return len(params) == 1 or (request is not None and request.type == "pointer_type" and
                                text(source, request).endswith("Request"))


def serves_requests(func: Any, source: bytes, names: Names) -> bool:
    """Whether func is a request handler by its parameters (the rule's default
    handler-params), a gRPC server method (streaming too) or a GraphQL resolver's
    method: it runs once per request."""
    return handler(func, source, names, {"handler-params": HANDLER_PARAMS, "grpc-methods": True}) is not None or \
        grpc_stream_method(func, source, names) or graphql_resolver(func, source, names)
