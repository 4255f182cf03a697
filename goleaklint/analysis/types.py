"""The type an expression is declared with, where the source states it, without a build.

`Types(names).of(expr)` reads parameters and results, `var` declarations (of an anonymous
struct type too: `var g struct{ hub *Hub }`), `:=` from a
typed value, struct fields (embedded ones included), composite literals, `make` (a
channel's literal capacity included), `new`, conversions to a type of the package,
method values, results of the package's functions and methods (interface methods
included), range and receive variables, and a small table of library constructors
and methods (`FUNCTIONS`, `METHODS`). What another file of the package declares
comes from its facts (`Types.package`, analysis/package.py). What the source does not
state stays unknown (None): each rule decides what unknown means.
"""

from __future__ import annotations

import fnmatch
from functools import lru_cache
from dataclasses import dataclass, field, replace
from typing import Any

from goleaklint.parsing import FIELD
from goleaklint.analysis.names import LOCAL, MEMBER, PACKAGE, UNIVERSE, Names, _key, declaring_statement
from goleaklint.syntax import file_memo, package_name, text
from goleaklint.syntax import named as occurrences


@dataclass(frozen=True)
class GoType:
    """A Go type as the source writes it. kind: named, pointer, chan, slice, array, map,
    func, struct, interface, param (a type parameter). A named type has its package's
    import path ("" for this package, "builtin" for predeclared names) and name. A
    channel made here carries its capacity: 0 unbuffered, n for a literal, None when
    computed (`make(chan T, len(xs))`) or not made here (made is False)."""

    kind: str
    path: str = ""
    name: str = ""
    elem: "GoType | None" = None
    key: "GoType | None" = None
    results: tuple["GoType | None", ...] = ()
    made: bool = False
    capacity: int | None = None
    # An anonymous struct type's fields as (name, type, embedded?): `var g struct{ hub *Hub }`.
    fields: tuple[tuple[str, "GoType | None", bool], ...] = ()

    def deref(self) -> "GoType":
        return self.elem if self.kind == "pointer" and self.elem is not None else self

    def is_named(self, path: str, *names: str) -> bool:
        """Whether this is (a pointer to) the named type path.Name for one of names;
        path may be a family of import paths (see `family`)."""
        base = self.deref()
        return base.kind == "named" and base.name in names and (
            base.path == path or family(base.path) == path)

    def __str__(self) -> str:
        if self.kind == "named":
            return f"{package_name(self.path)}.{self.name}" if self.path not in ("", "builtin") else self.name
        if self.kind == "pointer":
            return f"*{self.elem}"
        if self.kind in ("chan", "slice"):
            return ("chan " if self.kind == "chan" else "[]") + str(self.elem)
        if self.kind == "map":
            return f"map[{self.key}]{self.elem}"
        return self.kind

    def to_dict(self) -> dict:
        data: dict[str, Any] = {"kind": self.kind}
        for name in ("path", "name", "made"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        if self.made:
            data["capacity"] = self.capacity
        for name in ("elem", "key"):
            if getattr(self, name) is not None:
                data[name] = getattr(self, name).to_dict()
        if self.results:
            data["results"] = [r.to_dict() if r is not None else None for r in self.results]
        if self.fields:
            data["fields"] = [[n, k.to_dict() if k is not None else None, e] for n, k, e in self.fields]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "GoType":
        return cls(
            kind=data["kind"], path=data.get("path", ""), name=data.get("name", ""),
            elem=cls.from_dict(data["elem"]) if "elem" in data else None,
            key=cls.from_dict(data["key"]) if "key" in data else None,
            results=tuple(cls.from_dict(r) if r is not None else None for r in data.get("results", ())),
            made=data.get("made", False), capacity=data.get("capacity"),
            fields=tuple((n, cls.from_dict(k) if k is not None else None, e) for n, k, e in data.get("fields", ())),
        )


def named(path: str, name: str) -> GoType:
    return GoType("named", path, name)


def pointer(elem: GoType | None) -> GoType | None:
    return GoType("pointer", elem=elem) if elem is not None else None


BOOL, INT, STRING, ERROR = named("builtin", "bool"), named("builtin", "int"), \
    named("builtin", "string"), named("builtin", "error")


# --- the library table --------------------------------------------------------------

# Import path patterns -> the family name the table uses.
FAMILIES = {
    "net/http": "net/http",
    "database/sql": "database/sql",
    "context": "context",
    "time": "time",
    "github.com/jmoiron/sqlx": "sqlx",
    "github.com/jackc/pgx": "pgx",
    "github.com/jackc/pgx/v[0-9]": "pgx",
    "github.com/jackc/pgx/v[0-9]/pgxpool": "pgxpool",
    "github.com/jackc/pgx/pgxpool": "pgxpool",
    "github.com/streadway/amqp": "amqp",
    "github.com/rabbitmq/amqp091-go": "amqp",
    "github.com/gomodule/redigo/redis": "redigo",
    "github.com/garyburd/redigo/redis": "redigo",
    "github.com/go-redis/redis": "go-redis",
    "github.com/go-redis/redis/v[0-9]": "go-redis",
    "github.com/redis/go-redis/v[0-9]": "go-redis",
    "gopkg.in/redis.v[0-9]": "go-redis",
    "google.golang.org/grpc": "grpc",
    "xorm.io/xorm": "xorm",
    "github.com/go-xorm/xorm": "xorm",
}


@lru_cache(maxsize=4096)
def family(path: str) -> str:
    """The family an import path belongs to ("pgx" for github.com/jackc/pgx/v5), or
    the path itself."""
    if path in FAMILIES:
        return FAMILIES[path]
    return next((f for pattern, f in FAMILIES.items() if fnmatch.fnmatchcase(path, pattern)), path)


_ROWS = ("*database/sql.Rows", "error")
_XROWS = ("*@.Rows", "error")
_RESPONSE = ("*@.Response", "error")
# (family, function) -> results. `@` is the called package's own import path, `^` the
# path it sits in (pgxpool's pgx); a name without a dot is predeclared.
FUNCTIONS: dict[tuple[str, str], tuple[str, ...]] = {
    **{("net/http", f): _RESPONSE for f in ("Get", "Head", "Post", "PostForm")},
    **{("golang.org/x/net/context/ctxhttp", f): ("*net/http.Response", "error")
       for f in ("Do", "Get", "Head", "Post", "PostForm")},
    ("net/http", "NewRequest"): ("*@.Request", "error"),
    ("net/http", "NewRequestWithContext"): ("*@.Request", "error"),
    ("database/sql", "Open"): ("*@.DB", "error"),
    ("database/sql", "OpenDB"): ("*@.DB",),
    **{("context", f): ("@.Context", "@.CancelFunc")
       for f in ("WithCancel", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause")},
    ("context", "WithCancelCause"): ("@.Context", "@.CancelCauseFunc"),
    ("context", "Background"): ("@.Context",),
    ("context", "TODO"): ("@.Context",),
    **{("net/http/httptest", f): ("*@.Server",)
       for f in ("NewServer", "NewTLSServer", "NewUnstartedServer")},
    **{(p, "NewFlagSet"): ("*@.FlagSet",) for p in ("flag", "github.com/spf13/pflag")},
    **{("runtime", f): ("int",) for f in ("NumCPU", "GOMAXPROCS", "NumGoroutine")},
    ("time", "NewTicker"): ("*@.Ticker",),
    ("time", "NewTimer"): ("*@.Timer",),
    ("time", "AfterFunc"): ("*@.Timer",),
    **{("sqlx", f): ("*@.DB", "error") for f in ("Open", "Connect", "ConnectContext")},
    **{("sqlx", f): ("*@.DB",) for f in ("MustOpen", "MustConnect", "NewDb")},
    ("pgx", "Connect"): ("*@.Conn", "error"),
    ("pgx", "ConnectConfig"): ("*@.Conn", "error"),
    **{("pgxpool", f): ("*@.Pool", "error") for f in ("Connect", "ConnectConfig", "New", "NewWithConfig")},
    **{("amqp", f): ("*@.Connection", "error") for f in ("Dial", "DialTLS", "DialConfig")},
    **{("redigo", f): ("@.Conn", "error") for f in ("Dial", "DialContext", "DialURL")},
    ("redigo", "NewPool"): ("*@.Pool",),
    ("go-redis", "NewClient"): ("*@.Client",),
    ("go-redis", "NewFailoverClient"): ("*@.Client",),
    ("go-redis", "NewClusterClient"): ("*@.ClusterClient",),
    ("go-redis", "NewRing"): ("*@.Ring",),
    ("go-redis", "NewUniversalClient"): ("@.UniversalClient",),
    **{("grpc", f): ("*@.ClientConn", "error") for f in ("Dial", "DialContext", "NewClient")},
}

# (family, receiver type name, method) -> results.
METHODS: dict[tuple[str, str, str], tuple[str, ...]] = {
    **{("net/http", "Client", m): _RESPONSE for m in ("Do", "Get", "Head", "Post", "PostForm")},
    **{("database/sql", t, m): _ROWS for t in ("DB", "Tx", "Conn", "Stmt")
       for m in ("Query", "QueryContext")},
    **{("database/sql", t, m): ("*@.Row",) for t in ("DB", "Tx", "Conn", "Stmt")
       for m in ("QueryRow", "QueryRowContext")},
    ("database/sql", "DB", "Begin"): ("*@.Tx", "error"),
    ("database/sql", "DB", "BeginTx"): ("*@.Tx", "error"),
    ("database/sql", "Conn", "BeginTx"): ("*@.Tx", "error"),
    ("database/sql", "DB", "Conn"): ("*@.Conn", "error"),
    **{("database/sql", t, m): ("*@.Stmt", "error") for t in ("DB", "Tx", "Conn")
       for m in ("Prepare", "PrepareContext")},
    **{("sqlx", t, m): _ROWS for t in ("DB", "Tx", "Conn", "Stmt") for m in ("Query", "QueryContext")},
    **{("sqlx", t, m): _XROWS for t in ("DB", "Tx", "Conn", "Stmt", "NamedStmt")
       for m in ("Queryx", "QueryxContext", "NamedQuery", "NamedQueryContext")},
    **{("sqlx", t, m): ("*@.Tx", "error") for t in ("DB", "Conn") for m in ("Beginx", "BeginTxx")},
    ("sqlx", "DB", "MustBegin"): ("*@.Tx",),
    **{("sqlx", t, m): ("*database/sql.Stmt", "error") for t in ("DB", "Tx", "Conn")
       for m in ("Prepare", "PrepareContext")},
    **{("sqlx", t, m): ("*@.Stmt", "error") for t in ("DB", "Tx", "Conn")
       for m in ("Preparex", "PreparexContext")},
    **{("sqlx", t, m): ("*@.NamedStmt", "error") for t in ("DB", "Tx", "Conn")
       for m in ("PrepareNamed", "PrepareNamedContext")},
    **{("pgx", t, "Query"): ("@.Rows", "error") for t in ("Conn", "Tx")},
    ("pgx", "Conn", "Begin"): ("@.Tx", "error"),
    ("pgxpool", "Pool", "Query"): ("^.Rows", "error"),
    ("pgxpool", "Conn", "Query"): ("^.Rows", "error"),
    ("pgxpool", "Pool", "Acquire"): ("*@.Conn", "error"),
    ("pgxpool", "Pool", "Begin"): ("^.Tx", "error"),
    ("net/http/httptest", "Server", "Client"): ("*^.Client",),
    ("amqp", "Connection", "Channel"): ("*@.Channel", "error"),
    ("redigo", "Pool", "Get"): ("@.Conn",),
    ("redigo", "Pool", "GetContext"): ("@.Conn", "error"),
    # xorm reads every row into the slice and closes them itself
    **{("xorm", t, "Query"): ("[]map[string][]byte", "error") for t in ("Engine", "EngineGroup", "Session")},
}

# (family, name) -> the type of a package-level variable.
VARIABLES: dict[tuple[str, str], str] = {
    ("net/http", "DefaultClient"): "*@.Client",
}


def _spec(spec: str, path: str) -> GoType:
    if spec.startswith("*"):
        return GoType("pointer", elem=_spec(spec[1:], path))
    if spec.startswith("[]"):
        return GoType("slice", elem=_spec(spec[2:], path))
    if spec.startswith("map["):
        key, _, elem = spec[4:].partition("]")
        return GoType("map", key=_spec(key, path), elem=_spec(elem, path))
    where, dot, name = spec.rpartition(".")
    if not dot:
        return named("builtin", name)
    if where == "@":
        where = path
    elif where == "^":
        where = path.rsplit("/", 1)[0]
    return named(where, name)


def library_results(path: str, function: str) -> tuple[GoType, ...] | None:
    """The results of the library function path.function, if the table has it."""
    specs = FUNCTIONS.get((family(path), function))
    return tuple(_spec(s, path) for s in specs) if specs is not None else None


def library_method(receiver: GoType, method: str) -> tuple[GoType, ...] | None:
    base = receiver.deref()
    if base.kind != "named":
        return None
    specs = METHODS.get((family(base.path), base.name, method))
    return tuple(_spec(s, base.path) for s in specs) if specs is not None else None


# --- the analysis -------------------------------------------------------------------

_LITERALS = {"int_literal": INT, "float_literal": named("builtin", "float64"),
             "interpreted_string_literal": STRING, "raw_string_literal": STRING,
             "rune_literal": named("builtin", "rune"), "true": BOOL, "false": BOOL,
             "imaginary_literal": named("builtin", "complex128")}
_MAX_DEPTH = 24


@dataclass
class Types:
    """Declared types for one file; built through `types_for` (or `ctx.types`)."""

    names: Names
    # The package facts (analysis/package.py) of the file's siblings; None: this file alone.
    package: Any = None
    _decls: dict[tuple[int, int], GoType | None] = field(default_factory=dict)
    _busy: set[tuple[int, int]] = field(default_factory=set)
    _structs: dict[tuple[int, int], list] = field(default_factory=dict)  # struct_fields by body

    @property
    def source(self) -> bytes:
        return self.names.source

    # --- expressions ----------------------------------------------------------------

    def of(self, expr: Any | None, depth: int = 0) -> GoType | None:
        """The declared type of expr, or None when the source does not state it."""
        if expr is None or depth > _MAX_DEPTH:
            return None
        kind = expr.type
        if kind in _LITERALS:
            return _LITERALS[kind]
        if kind == "parenthesized_expression":
            return self.of(expr.named_children[0] if expr.named_children else None, depth + 1)
        if kind == "identifier":
            binding = self.names.resolve(expr)
            if binding.kind in (LOCAL, PACKAGE) and binding.decl is not None:
                return self.declared(binding.decl, depth + 1)
            if binding.kind == UNIVERSE and binding.name in ("true", "false"):
                return BOOL
            if binding.kind == PACKAGE and self.package is not None:
                return self._sibling_value(binding.name)
            if binding.kind == MEMBER:
                return self._member(binding.path, binding.name)
            return None
        if kind == "selector_expression":
            return self._selector(expr, depth)
        if kind == "call_expression":
            results = self.results(expr, depth)
            return results[0] if results is not None and len(results) == 1 else None
        if kind == "composite_literal":
            return self.type_node(expr.child_by_field_id(FIELD.type))
        if kind == "unary_expression":
            operator = expr.child_by_field_id(FIELD.operator)
            inner = self.of(expr.child_by_field_id(FIELD.operand), depth + 1)
            op = operator.type if operator is not None else ""
            if op == "&":
                return pointer(inner)
            if op in ("*", "<-") and inner is not None and inner.kind in ("pointer", "chan"):
                return inner.elem
            return inner if op in ("-", "+", "^") else (BOOL if op == "!" else None)
        if kind == "index_expression":
            inner = self.of(expr.child_by_field_id(FIELD.operand), depth + 1)
            if inner is not None and inner.deref().kind in ("slice", "array", "map"):
                return inner.deref().elem
            return None
        if kind == "slice_expression":
            return self.of(expr.child_by_field_id(FIELD.operand), depth + 1)
        if kind == "type_assertion_expression":
            return self.type_node(expr.child_by_field_id(FIELD.type))
        if kind == "func_literal":
            return GoType("func", results=self._results_of(expr))
        if kind == "binary_expression":
            operator = expr.child_by_field_id(FIELD.operator)
            if operator is not None and operator.type in ("==", "!=", "<", "<=", ">", ">=", "&&", "||"):
                return BOOL
            return self.of(expr.child_by_field_id(FIELD.left), depth + 1)
        return None

    def _selector(self, expr: Any, depth: int) -> GoType | None:
        resolved = self.names.qualified(expr)
        if resolved is not None:  # a package's variable or function
            return self._member(*resolved)
        operand = expr.child_by_field_id(FIELD.operand)
        name_node = expr.child_by_field_id(FIELD.field)
        if name_node is None:
            return None
        base = self.of(operand, depth + 1)
        if base is None:
            return None
        member = text(self.source, name_node)
        found = self.field(base, member)
        if found is not None:
            return found
        results = self.method_results(base, member)
        return GoType("func", results=results) if results is not None else None

    def _member(self, path: str, name: str) -> GoType | None:
        """The type of an imported package's variable or function, from the table."""
        spec = VARIABLES.get((family(path), name))
        if spec is not None:
            return _spec(spec, path)
        results = library_results(path, name)
        return GoType("func", results=results) if results is not None else None

    def _sibling_value(self, name: str) -> GoType | None:
        """The type of a package-level variable or function another file declares."""
        declared, kind = self.package.var(name)
        if declared:
            return _from_dict(kind)
        results = self.package.function(name)
        return GoType("func", results=_results(results)) if results is not None else None

    def results(self, call: Any, depth: int = 0) -> tuple[GoType | None, ...] | None:
        """The result types of a call (a conversion has one), None when unknown."""
        function = call.child_by_field_id(FIELD.function)
        while function is not None and function.type == "parenthesized_expression" and function.named_children:
            function = function.named_children[0]
        if function is None or depth > _MAX_DEPTH:
            return None
        args = call.child_by_field_id(FIELD.arguments)
        arguments = list(args.named_children) if args is not None else []
        if function.type == "identifier":
            binding = self.names.resolve(function)
            name = binding.name
            if binding.kind == UNIVERSE:
                return self._builtin(name, arguments, depth)
            if binding.kind == MEMBER:
                return library_results(binding.path, name)
            if binding.kind == PACKAGE and binding.decl is not None:
                holder = binding.decl.parent
                if holder.type == "function_declaration":
                    return self._results_of(holder)
                if holder.type in ("type_spec", "type_alias"):
                    return (named("", name),)  # a conversion to a type of this package
            if binding.kind == PACKAGE and binding.decl is None and self.package is not None:
                results = self.package.function(name)
                if results is not None:
                    return _results(results)
                if self.package.type(name) is not None:
                    return (named("", name),)
        if function.type == "selector_expression":
            resolved = self.names.qualified(function)
            if resolved is not None:
                return library_results(*resolved)
            field_node = function.child_by_field_id(FIELD.field)
            base = self.of(function.child_by_field_id(FIELD.operand), depth + 1)
            if base is not None and field_node is not None:
                member = text(self.source, field_node)
                found = self.method_results(base, member)
                # a field holding a function: `c.get(u)` with `get func(string) (T, error)`
                return found if found is not None else self.func_results(self.field(base, member))
            return None
        if function.type == "func_literal":
            return self._results_of(function)
        if function.type in ("pointer_type", "qualified_type", "channel_type", "slice_type",
                             "map_type", "array_type", "generic_type", "parenthesized_type"):
            converted = self.type_node(function)
            return (converted,) if converted is not None else None
        return self.func_results(self.of(function, depth + 1))

    def func_results(self, kind: GoType | None) -> tuple[GoType | None, ...] | None:
        """The results of calling a value of type kind: a func type, or a type of the
        package declared as one (`type getter func(string) (*http.Response, error)`)."""
        if kind is None:
            return None
        if kind.kind == "func":
            return kind.results or None
        if kind.kind != "named" or kind.path != "":
            return None
        spec = self._spec(kind)
        if spec is not None:
            body = spec.child_by_field_id(FIELD.type)
            return (self._results_of(body) or None) if body is not None and body.type == "function_type" else None
        facts = self._sibling_type(kind)
        return _results(facts["func"]) or None if facts and "func" in facts else None

    def _builtin(self, name: str, arguments: list[Any], depth: int) -> tuple[GoType | None, ...] | None:
        if name == "make" and arguments:
            made = self.type_node(arguments[0])
            if made is not None and made.kind == "chan":
                capacity: int | None = 0
                if len(arguments) > 1:
                    try:
                        capacity = int(text(self.source, arguments[1]).strip().replace("_", ""), 0)
                    except ValueError:
                        capacity = None
                made = replace(made, made=True, capacity=capacity)
            return (made,)
        if name == "new" and arguments:
            return (pointer(self.type_node(arguments[0])),)
        if name in ("len", "cap", "copy"):
            return (INT,)
        if name == "append" and arguments:
            return (self.of(arguments[0], depth + 1),)
        if name == "recover":
            return (named("builtin", "any"),)
        if name in UNIVERSE_TYPE_NAMES and arguments:
            return (named("builtin", name),)  # a conversion: int(x)
        return None

    # --- declarations ---------------------------------------------------------------

    def declared(self, decl: Any, depth: int = 0) -> GoType | None:
        """The type of the variable, parameter, result or function the identifier decl
        declares."""
        key = _key(decl)
        if key in self._decls:
            return self._decls[key]
        if key in self._busy or depth > _MAX_DEPTH:
            return None  # `var a = b; var b = a`: not Go, but not a hang either
        self._busy.add(key)
        try:
            found = self._declared(decl, depth)
        finally:
            self._busy.discard(key)
        self._decls[key] = found
        return found

    def _declared(self, decl: Any, depth: int) -> GoType | None:
        statement = declaring_statement(decl)
        if statement is None:
            return None
        kind = statement.type
        if kind == "function_declaration":
            return GoType("func", results=self._results_of(statement))
        if kind == "parameter_declaration":
            return self.type_node(statement.child_by_field_id(FIELD.type))
        if kind == "variadic_parameter_declaration":
            elem = self.type_node(statement.child_by_field_id(FIELD.type))
            return GoType("slice", elem=elem) if elem is not None else None
        if kind in ("var_spec", "const_spec"):
            stated = statement.child_by_field_id(FIELD.type)
            if stated is not None:
                return self.type_node(stated)
            targets = list(statement.children_by_field_id(FIELD.name))
            value = statement.child_by_field_id(FIELD.value)
            return self._from_values(targets, decl, list(value.named_children) if value else [], depth)
        if kind in ("short_var_declaration", "range_clause", "receive_statement"):
            left = statement.child_by_field_id(FIELD.left)
            targets = list(left.named_children) if left is not None else []
            right = statement.child_by_field_id(FIELD.right)
            if kind == "short_var_declaration":
                values = list(right.named_children) if right is not None else []
                return self._from_values(targets, decl, values, depth)
            index = next((i for i, t in enumerate(targets) if _key(t) == _key(decl)), -1)
            if kind == "receive_statement":
                if index == 1:
                    return BOOL
                received = self.of(right, depth + 1)
                return received if index == 0 else None
            return self._ranged(self.of(right, depth + 1), index)
        return None

    def _from_values(self, targets: list[Any], decl: Any, values: list[Any], depth: int) -> GoType | None:
        index = next((i for i, t in enumerate(targets) if _key(t) == _key(decl)), -1)
        if index < 0:
            return None
        if len(values) == len(targets):
            return self.of(values[index], depth + 1)
        if len(values) == 1:
            value = values[0]
            while value.type == "parenthesized_expression" and value.named_children:
                value = value.named_children[0]
            if value.type == "call_expression":
                results = self.results(value, depth + 1)
                if results is not None and len(results) == len(targets):
                    return results[index]
            elif value.type == "type_assertion_expression" or (
                    value.type == "index_expression" and len(targets) == 2):
                return self.of(value, depth + 1) if index == 0 else BOOL
            elif value.type == "unary_expression" and len(targets) == 2:
                return self.of(value, depth + 1) if index == 0 else BOOL
        return None

    def _ranged(self, over: GoType | None, index: int) -> GoType | None:
        if over is None:
            return None
        over = over.deref()
        if over.kind == "chan":
            return over.elem if index == 0 else None
        if over.kind in ("slice", "array"):
            return INT if index == 0 else over.elem
        if over.kind == "map":
            return over.key if index == 0 else over.elem
        if over.is_named("builtin", "string"):
            return INT if index == 0 else named("builtin", "rune")
        return None

    def _results_of(self, func: Any) -> tuple[GoType | None, ...]:
        """The result types of a function declaration, method or literal."""
        result = func.child_by_field_id(FIELD.result)
        if result is None:
            return ()
        if result.type != "parameter_list":
            return (self.type_node(result),)
        found: list[GoType | None] = []
        for decl in result.named_children:
            if decl.type != "parameter_declaration":
                continue
            kind = self.type_node(decl.child_by_field_id(FIELD.type))
            found += [kind] * max(1, len(decl.children_by_field_id(FIELD.name)))
        return tuple(found)

    # --- type expressions, fields and methods ---------------------------------------

    def type_node(self, node: Any | None) -> GoType | None:
        """The GoType a type expression writes."""
        if node is None:
            return None
        kind = node.type
        if kind in ("type_identifier", "identifier"):
            binding = self.names.resolve(node)
            if binding.kind == UNIVERSE:
                return named("builtin", binding.name)
            if binding.kind == LOCAL and binding.decl is not None and \
                    binding.decl.parent.type == "type_parameter_declaration":
                return GoType("param", name=binding.name)
            if binding.kind in (LOCAL, PACKAGE):
                return named("", binding.name)
            if binding.kind == MEMBER:
                return named(binding.path, binding.name)
            return None
        if kind == "qualified_type":
            resolved = self.names.qualified(node)
            return named(*resolved) if resolved is not None else None
        if kind == "pointer_type":
            return pointer(self.type_node(node.named_children[0] if node.named_children else None))
        if kind in ("generic_type", "parenthesized_type", "type_elem"):
            inner = node.child_by_field_id(FIELD.type) or (node.named_children[0] if node.named_children else None)
            return self.type_node(inner)
        if kind == "channel_type":
            return GoType("chan", elem=self.type_node(node.child_by_field_id(FIELD.value)))
        if kind in ("slice_type", "array_type", "implicit_length_array_type"):
            return GoType("slice" if kind == "slice_type" else "array",
                          elem=self.type_node(node.child_by_field_id(FIELD.element)))
        if kind == "map_type":
            return GoType("map", key=self.type_node(node.child_by_field_id(FIELD.key)),
                          elem=self.type_node(node.child_by_field_id(FIELD.value)))
        if kind == "function_type":
            return GoType("func", results=self._results_of(node))
        if kind == "struct_type":
            return GoType("struct", fields=tuple(self.struct_fields(node)))
        if kind == "interface_type":
            return GoType("interface")
        return None

    def _spec(self, kind: GoType) -> Any | None:
        """The type_spec of a type declared in this file."""
        base = kind.deref()
        if base.kind != "named" or base.path != "":
            return None
        decl = self.names.top.get(base.name)
        spec = decl.parent if decl is not None else None
        return spec if spec is not None and spec.type == "type_spec" else None

    def struct_fields(self, body: Any) -> list[tuple[str, GoType | None, bool]]:
        """(name, type, embedded?) of the fields of a struct_type node (of this file:
        each struct is read once, as `x.f` asks for its fields at every use)."""
        known = self._structs.get(_key(body))
        if known is not None:
            return list(known)
        holder = next((c for c in body.named_children if c.type == "field_declaration_list"), None)
        fields = []
        for decl in holder.named_children if holder is not None else ():
            if decl.type != "field_declaration":
                continue
            kind = self.type_node(decl.child_by_field_id(FIELD.type))
            names = decl.children_by_field_id(FIELD.name)
            if names:
                fields += [(text(self.source, n), kind, False) for n in names]
            elif kind is not None:
                fields.append((kind.deref().name, kind, True))
        self._structs[_key(body)] = fields
        return list(fields)

    def declares_field(self, kind: GoType, name: str) -> bool:
        """Whether a struct type of this file declares field `name` itself (not promoted)."""
        return any(field_name == name and not embedded for field_name, _, embedded in self._fields(kind))

    def interface_methods(self, body: Any) -> dict[str, tuple[GoType | None, ...]]:
        """Method name -> results of the methods an interface_type node spells out."""
        found = {}
        for elem in body.named_children:
            name = elem.child_by_field_name("name") if elem.type == "method_elem" else None
            if name is not None:
                found.setdefault(text(self.source, name), self._results_of(elem))
        return found

    def fields(self, kind: GoType) -> list[tuple[str, GoType | None, bool]]:
        """(name, type, embedded?) of a struct type of this package, in declaration order."""
        return self._fields(kind)

    def _fields(self, kind: GoType) -> list[tuple[str, GoType | None, bool]]:
        """(name, type, embedded?) of a struct type of this package, or of an anonymous
        struct type."""
        if kind.deref().kind == "struct":
            return list(kind.deref().fields)
        spec = self._spec(kind)
        if spec is not None:
            body = spec.child_by_field_name("type")
            return self.struct_fields(body) if body is not None and body.type == "struct_type" else []
        facts = self._sibling_type(kind)
        return [(name, _from_dict(field_type), embedded)
                for name, field_type, embedded in facts.get("fields", ())] if facts else []

    def is_interface(self, kind: GoType | None) -> bool:
        """Whether kind is an interface type of this package (declared in any file)."""
        spec = self._spec(kind) if kind is not None else None
        if spec is not None:
            body = spec.child_by_field_name("type")
            return body is not None and body.type == "interface_type"
        facts = self._sibling_type(kind) if kind is not None else None
        return bool(facts) and "methods" in facts

    def asserted(self, ident: Any, func: Any) -> bool:
        """Whether the variable ident names is the operand of a type assertion
        (`v.(string)`) or a type switch (`switch v.(type)`) in func: Go allows both only
        on an interface value, so its type is an interface whatever call produced it."""
        for use in self.names.uses(ident, func) if func is not None else ():
            holder = use.parent
            while holder is not None and holder.type == "parenthesized_expression":
                use, holder = holder, holder.parent
            if holder is None:
                continue
            if holder.type == "type_assertion_expression" and holder.child_by_field_id(FIELD.operand) == use or \
                    holder.type == "type_switch_statement" and holder.child_by_field_id(FIELD.value) == use:
                return True
        return False

    def _sibling_type(self, kind: GoType) -> dict | None:
        """The facts of a named type another file of the package declares."""
        base = kind.deref()
        if self.package is None or base.kind != "named" or base.path != "" \
                or base.name in self.names.top:
            return None
        return self.package.type(base.name)

    def field(self, kind: GoType, name: str, depth: int = 0) -> GoType | None:
        """The type of field `name` of a struct type of this package, promoted fields
        of embedded structs included."""
        if depth > 4:
            return None
        fields = self._fields(kind)
        for field_name, field_type, _ in fields:
            if field_name == name:
                return field_type
        for _, field_type, embedded in fields:
            if embedded and field_type is not None:
                found = self.field(field_type, name, depth + 1)
                if found is not None:
                    return found
        return None

    def method_results(self, kind: GoType, name: str, depth: int = 0) -> tuple[GoType | None, ...] | None:
        """The results of method `name` on kind: a method of this package (an
        interface's included), one of the library table, or one promoted from an
        embedded field."""
        if depth > 4:
            return None
        base = kind.deref()
        if base.kind != "named":
            return None
        if base.path != "":
            return library_method(base, name)
        method = self.names.method(base.name, name)
        if method is not None:
            return self._results_of(method)
        spec = self._spec(base)
        body = spec.child_by_field_name("type") if spec is not None else None
        if body is not None and body.type == "interface_type":
            found = self.interface_methods(body).get(name)
            if found is not None:
                return found
        if self.package is not None:  # methods of a type may be declared in any file
            results = self.package.method(base.name, name)
            if results is None:
                results = (self._sibling_type(base) or {}).get("methods", {}).get(name)
            if results is not None:
                return _results(results)
        for _, field_type, embedded in self._fields(base):
            if embedded and field_type is not None:
                found = self.method_results(field_type, name, depth + 1)
                if found is not None:
                    return found
        return None

    def method_holder(self, kind: GoType | None, name: str, depth: int = 0, siblings: bool = True) -> str | None:
        """The name of the type of this package whose method `name` a call on a value of
        kind runs: kind's own (declared in any file of the package), or one promoted
        from an embedded field. None when kind is unknown, of another package, an
        interface (the method run is not shown) or has no such method: a same-named
        method of another type of the package is not the one called. siblings=False:
        only what this file declares is read (no other file is opened)."""
        base = kind.deref() if kind is not None else None
        if base is None or base.kind != "named" or base.path != "" or depth > 4:
            return None
        if self.names.method(base.name, name) is not None:
            return base.name
        if not siblings and self._spec(base) is None:
            return None
        if siblings and self.package is not None and self.package.declaring(f"{base.name}.{name}"):
            return base.name
        for _, field_type, embedded in self._fields(base):
            if embedded and field_type is not None:
                found = self.method_holder(field_type, name, depth + 1, siblings)
                if found is not None:
                    return found
        return None

    def called(self, call: Any) -> Any | None:
        """The function_declaration or method_declaration of this file that call runs:
        `f(x)` with f a package-level function this file declares (a local func value
        of that name is another), `v.m(x)` with v's declared type a named type of the
        package (or a pointer to one, or one embedding it: `method_holder`) whose method
        m this file declares (a same-named method of another type is another). None
        when the file does not show it."""
        function = call.child_by_field_id(FIELD.function) if call.type == "call_expression" else None
        while function is not None and function.type == "parenthesized_expression" and function.named_children:
            function = function.named_children[0]
        if function is None:
            return None
        if function.type == "identifier":
            binding = self.names.resolve(function)
            decl = binding.decl if binding.kind == PACKAGE else None
            return decl.parent if decl is not None and decl.parent.type == "function_declaration" else None
        field_node = function.child_by_field_id(FIELD.field) if function.type == "selector_expression" else None
        if field_node is None:
            return None
        name = text(self.source, field_node)
        holder = self.method_holder(self.of(function.child_by_field_id(FIELD.operand)), name, siblings=False)
        return self.names.method(holder, name) if holder is not None else None


    def calls_of(self, func: Any) -> list[Any]:
        """The calls of this file that run the function or method declaration func
        (see `called`: `s.m()` with s of another type, of another package's or of a
        type the file does not show is not one), in source order. The file's bytes
        say where its name occurs (`named`); the types say which occurrence is a call
        of func."""
        name = func.child_by_field_name("name")
        if name is None:
            return []
        found = []
        for node in occurrences(self.names.root, self.source, text(self.source, name)):
            called = node.parent if node.type == "field_identifier" else node
            while called is not None and called.parent is not None and called.parent.type == "parenthesized_expression":
                called = called.parent
            call = called.parent if called is not None else None
            if call is not None and call.type == "call_expression" and \
                    call.child_by_field_id(FIELD.function) == called and self.called(call) == func:
                found.append(call)
        return found


def _from_dict(data: dict | None) -> GoType | None:
    return GoType.from_dict(data) if data is not None else None


def _results(data: list) -> tuple[GoType | None, ...]:
    return tuple(_from_dict(r) for r in data)


UNIVERSE_TYPE_NAMES = frozenset(
    "bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune "
    "string uint uint8 uint16 uint32 uint64 uintptr any".split()
)

def types_for(names: Names) -> Types:
    """The file's Types, kept in the file's memo like its Names, typed with the facts
    of the other files of its package when the file's path is known."""
    memo = file_memo(names.source)
    found = memo.get(Types)
    # Names learn their package facts once the file's path is known: a Types made before
    # (for the editor server's summaries of an edit) is made again with them.
    if found is None or found.names is not names or found.package is not names.facts:
        found = memo[Types] = Types(names, names.facts)
    return found
