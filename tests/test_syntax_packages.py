"""syntax.py helpers for package-qualified names: package_name, name_matches, parameters;
and analysis/names' qualified names and assigned_to on the same source."""

from __future__ import annotations

import pytest

from goleaklint import parsing
from goleaklint.analysis.names import Names, assigned_to
from goleaklint.syntax import name_matches, package_name, parameters, walk

SOURCE = b'''package p

import (
	"net/http"

	rpc "google.golang.org/grpc"
	"github.com/redis/go-redis/v9"
)

func (s *Server) handle(w http.ResponseWriter, r *http.Request, opts ...rpc.DialOption) {
	rpc.Dial("x")
	http := 3
	_ = redis.NewClient(nil)
	local.Dial("y")
}
'''


@pytest.mark.parametrize("path, name", [
    ("net/http", "http"),
    ("github.com/redis/go-redis/v9", "redis"),
    ("github.com/go-redis/redis/v8", "redis"),
    ("gopkg.in/redis.v5", "redis"),
    ("github.com/segmentio/kafka-go", "kafka"),
    ("github.com/gomodule/redigo/redis", "redis"),
])
def test_package_name(path: str, name: str) -> None:
    assert package_name(path) == name


def test_qualified_resolves_aliases_and_ignores_locals() -> None:
    root = parsing.parse(SOURCE)
    names = Names(root, SOURCE)
    calls = [n for n in walk(root) if n.type == "call_expression"]
    resolved = [names.qualified(c.child_by_field_name("function")) for c in calls]
    assert resolved == [
        ("google.golang.org/grpc", "Dial"),
        ("github.com/redis/go-redis/v9", "NewClient"),
        None,  # local is not an import
    ]


def test_name_matches_by_package_name_or_path_glob() -> None:
    assert name_matches("google.golang.org/grpc", "Dial", ["grpc.Dial"])
    assert not name_matches("google.golang.org/grpc", "Dial", ["grpc.DialContext"])
    assert name_matches("cloud.google.com/go/pubsub", "NewClient", ["cloud.google.com/go/*.New*Client"])
    assert name_matches("cloud.google.com/go/monitoring/apiv3", "NewMetricClient",
                        ["cloud.google.com/go/*.New*Client"])
    assert not name_matches("example.com/pubsub", "NewClient", ["cloud.google.com/go/*.New*Client"])


def test_parameters_with_receiver_and_variadic() -> None:
    root = parsing.parse(SOURCE)
    method = next(n for n in walk(root) if n.type == "method_declaration")
    params = [(name, SOURCE[k.start_byte:k.end_byte].decode()) for name, k in parameters(method, SOURCE)]
    assert params == [("s", "*Server"), ("w", "http.ResponseWriter"), ("r", "*http.Request"),
                      ("opts", "rpc.DialOption")]
    assert [n for n, _ in parameters(method, SOURCE, receiver=False)] == ["w", "r", "opts"]


def test_assigned_to() -> None:
    source = b'''package p

func f() {
	c, err := dial()
	a, b := one(), two()
	var v = three()
	s.x = four()
	g(five())
}
'''
    root = parsing.parse(source)
    calls = {source[n.start_byte:n.end_byte].decode(): n for n in walk(root) if n.type == "call_expression"}

    def target(call: str):
        bound = assigned_to(calls[call])
        return source[bound[0].start_byte:bound[0].end_byte].decode() if bound else None

    assert [target(c) for c in ("dial()", "one()", "two()", "three()", "four()", "five()")] == [
        "c", "a", "b", "v", "s.x", None]
