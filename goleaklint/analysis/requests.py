"""What runs once per request: a request handler, known by its parameters
(`http.ResponseWriter`, `*http.Request`, a gin/echo/fiber context) or a gRPC server
method (`(ctx context.Context, *XRequest) (*XResponse, error)`). GL005 reports clients
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


def graphql_resolver(func: Any, source: bytes, names: Names) -> bool:
    """A method of a GraphQL resolver type (gqlgen's layout: a receiver type named
    `Resolver` or `...Resolver`, such as `mutationResolver`) taking a context.Context
    first: the server calls it once per query or mutation that asks for its field."""
    if func.type != "method_declaration" or not receiver_type(func, source).endswith("Resolver"):
        return False
    params = parameters(func, source, receiver=False)
    return bool(params) and params[0][1] is not None and \
        type_matches(params[0][1], source, names, ["context.Context"])


def serves_requests(func: Any, source: bytes, names: Names) -> bool:
    """Whether func is a request handler by its parameters (the rule's default
    handler-params), a gRPC server method or a GraphQL resolver's method: it runs once
    per request."""
    return handler(func, source, names, {"handler-params": HANDLER_PARAMS, "grpc-methods": True}) is not None or \
        graphql_resolver(func, source, names)
