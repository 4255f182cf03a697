"""analysis/types.py on its own: declared types where the source states them, the
library table, and unknown where it does not."""

from __future__ import annotations

import textwrap

from goleaklint import parsing
from goleaklint.analysis.names import Names
from goleaklint.analysis.types import GoType, Types
from goleaklint.syntax import walk


def types_of(go: str) -> tuple[Types, object]:
    source = textwrap.dedent(go).encode()
    root = parsing.parse(source)
    assert not root.has_error, go
    return Types(Names(root, source)), root


def last_use(root, name: str):
    return [n for n in walk(root) if n.type == "identifier" and n.text == name.encode()][-1]


def shown(types: Types, root, *names: str) -> list[str | None]:
    found = []
    for name in names:
        kind = types.of(last_use(root, name))
        found.append(str(kind) if kind is not None else None)
    return found


def test_library_constructors_and_methods() -> None:
    types, root = types_of("""\
        package p

        import (
        	"context"
        	"database/sql"
        	"net/http"
        	"time"

        	"github.com/jmoiron/sqlx"
        	amqp "github.com/rabbitmq/amqp091-go"
        )

        func f(db *sql.DB, c *http.Client, x *sqlx.DB, req *http.Request) {
        	rows, err := db.Query("q")
        	resp, _ := http.Get("u")
        	r2, _ := c.Do(req)
        	_, cancel := context.WithTimeout(context.Background(), time.Second)
        	t := time.NewTicker(time.Second)
        	xr, _ := x.Queryx("q")
        	sr, _ := x.Query("q")
        	conn, _ := amqp.Dial("u")
        	d, _ := sql.Open("pg", "")
        	use(rows, err, resp, r2, cancel, t, xr, sr, conn, d, http.DefaultClient)
        }
    """)
    assert shown(types, root, "rows", "err", "resp", "r2", "cancel", "t", "xr", "sr", "conn", "d") == [
        "*sql.Rows", "error", "*http.Response", "*http.Response", "context.CancelFunc",
        "*time.Ticker", "*sqlx.Rows", "*sql.Rows", "*amqp091.Connection", "*sql.DB"]
    client = [n for n in walk(root) if n.type == "selector_expression"][-1]
    assert str(types.of(client)) == "*http.Client"
    rows = types.of(last_use(root, "rows"))
    assert rows.is_named("database/sql", "Rows") and not rows.is_named("database/sql", "Row")
    assert types.of(last_use(root, "xr")).is_named("sqlx", "Rows")  # by family


def test_a_local_named_like_a_package_is_not_the_package() -> None:
    types, root = types_of("""\
        package p

        func f(http *Fake) {
        	resp, err := http.Get("u")
        	use(resp, err)
        }
    """)
    assert types.of(last_use(root, "resp")) is None


def test_make_new_composites_conversions_and_fields() -> None:
    types, root = types_of("""\
        package p

        import "os"

        type Base struct{ done chan struct{} }

        type Server struct {
        	*Base
        	sig    chan os.Signal
        	events []chan int
        }

        func (s *Server) Events() []chan int { return s.events }

        type ID int

        func f(s *Server, n int) {
        	a := make(chan int)
        	b := make(chan int, 4)
        	c := make(chan int, n)
        	p := new(Server)
        	q := &Server{}
        	id := ID(3)
        	sig := s.sig
        	done := s.done
        	evs := s.Events()
        	m := s.Events
        	for _, e := range evs {
        		use(e)
        	}
        	v, ok := <-b
        	use(a, b, c, p, q, id, sig, done, evs, m, v, ok)
        }
    """)
    a, b, c = (types.of(last_use(root, n)) for n in "abc")
    assert (a.kind, a.made, a.capacity) == ("chan", True, 0)
    assert (b.capacity, c.capacity, c.made) == (4, None, True)
    assert shown(types, root, "p", "q", "id", "sig", "done", "evs", "e", "v", "ok") == [
        "*Server", "*Server", "ID", "chan os.Signal", "chan struct", "[]chan int", "chan int",
        "int", "bool"]
    assert types.of(last_use(root, "m")).kind == "func"


def test_same_package_functions_results_and_unknown() -> None:
    types, root = types_of("""\
        package p

        import "database/sql"

        var pool *sql.DB

        func open() (*sql.DB, error) { return nil, nil }

        func f(x Unknown) {
        	db, err := open()
        	rows, _ := pool.Query("q")
        	y := x.Field
        	z := other()
        	use(db, err, rows, y, z)
        }
    """)
    assert shown(types, root, "db", "err", "rows", "y", "z") == [
        "*sql.DB", "error", "*sql.Rows", None, None]


def test_go_type_round_trips_through_json() -> None:
    kind = GoType("chan", elem=GoType("named", "os", "Signal"), made=True, capacity=0)
    assert GoType.from_dict(kind.to_dict()) == kind
    results = GoType("func", results=(GoType("pointer", elem=GoType("named", "net/http", "Response")), None))
    assert GoType.from_dict(results.to_dict()) == results


def test_called_finds_the_declaration_a_call_runs_by_declared_type() -> None:
    types, root = types_of("""\
        package p

        type A struct{}
        type B struct{}

        func (a *A) run() {}
        func (b *B) run() {}
        func helper() {}

        func use(a *A, b B, other interface{ run() }) {
        	a.run()
        	b.run()
        	other.run()
        	helper()
        	helper := func() {}
        	helper()
        }
        """)
    calls = [n for n in walk(root) if n.type == "call_expression"]
    called = [types.called(c) for c in calls]
    shown = [(d.type, d.child_by_field_name("receiver").text.decode() if d.type == "method_declaration" else "")
             if d is not None else None for d in called]
    # a.run is A's, b.run B's (a same-named method of another type is another); the
    # interface's and the local func value's calls run nothing this file declares
    assert shown == [("method_declaration", "(a *A)"), ("method_declaration", "(b *B)"), None,
                     ("function_declaration", ""), None]


def test_fields_of_an_anonymous_struct_type() -> None:
    types, root = types_of("""\
        package p

        var globals struct {
        	hub   *Hub
        	inner struct{ count int }
        }

        type Hub struct{ unreg chan int }

        func f() {
        	h := globals.hub
        	c := globals.inner.count
        	u := h.unreg
        	_, _, _ = h, c, u
        }
        """)
    assert shown(types, root, "h", "c", "u") == ["*Hub", "int", "chan int"]
    kind = types.of(last_use(root, "globals"))
    assert GoType.from_dict(kind.to_dict()) == kind


def test_asserted_only_where_the_variable_is_asserted_or_switched_on() -> None:
    types, root = types_of("""\
        package p

        func f(get func() (any, error), use func(any)) {
        	a, _ := get()
        	_ = len(a.(string))
        	b, _ := get()
        	switch v := (b).(type) {
        	case int:
        		_ = v
        	}
        	c, _ := get()
        	use(c)
        	{
        		c := 1
        		var x any = c
        		_ = x.(int)
        	}
        }
        """)
    func = next(n for n in walk(root) if n.type == "function_declaration")
    first = {name: next(n for n in walk(root) if n.type == "identifier" and n.text == name.encode())
             for name in ("a", "b", "c")}
    assert [types.asserted(first[n], func) for n in ("a", "b", "c")] == [True, True, False]
