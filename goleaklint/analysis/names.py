"""What a name means: Go's scopes over one file's syntax tree.

`Names(root, source).resolve(ident)` answers, for an identifier (or type name), where
it is declared, following the Go spec's blocks: the universe, the package (top-level
declarations of this file, and of the package's other files, which this file cannot
see), the file (imports, with aliases; dot and blank imports), each function (receiver,
type parameters, parameters, named results), each block and the implicit blocks of
`if`, `for`, `switch`, `select` and their clauses, and function literals. A local that
shadows a package name is a local; `x := x` reads the outer x.

The work is lazy and linear: the top-level declarations are listed on the first
question that reaches the package block, each statement list is indexed (name -> its
first declaration in the list) on the first question that crosses it, each function's
assignments on the first `reaching` question inside it. Answers for a file with
100,000 functions cost what one function costs, times 100,000.

Package-level declarations of the files of one package (same folder, same package
clause: an external `_test` package is another package) are merged by the package
checks through the per-file facts (`package_groups`).
"""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Mapping

from goleaklint.parsing import FIELD
from goleaklint.syntax import (FUNCTION_TYPES, assignments, carried, child_index_after, descendants, file_memo,
                               is_test_entry, package_name, parameters, previous, test_support_name, text)

LOCAL, PACKAGE, IMPORT, UNIVERSE, UNKNOWN = "local", "package", "import", "universe", "unknown"
MEMBER = "member"  # a name of a dot-imported package

UNIVERSE_NAMES = frozenset(
    "bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune "
    "string uint uint8 uint16 uint32 uint64 uintptr any comparable "
    "true false iota nil "
    "append cap clear close complex copy delete imag len make max min new panic print "
    "println real recover".split()
)

_HEADERS = ("if_statement", "for_statement", "expression_switch_statement",
            "type_switch_statement")
_LISTS = ("statement_list", "block")
_DECLARING = ("short_var_declaration", "var_spec", "const_spec", "range_clause",
              "receive_statement", "parameter_declaration", "variadic_parameter_declaration",
              "type_parameter_declaration", "type_spec", "type_alias", "type_switch_statement",
              "function_declaration")


@dataclass(frozen=True)
class Binding:
    """What an identifier names. kind: LOCAL (decl is the declaring identifier inside a
    function), PACKAGE (a package-level name; decl is its identifier when this file
    declares it, None when another file of the package does), IMPORT (an imported
    package; path is its import path), MEMBER (a name of the one dot-imported package,
    path; the package's files do not declare it), UNIVERSE (a predeclared name),
    UNKNOWN (one of several dot imports, or the package, may declare it; or `_`)."""

    kind: str
    name: str
    decl: Any | None = None
    path: str = ""

    def identity(self) -> tuple:
        """Equal for two bindings exactly when `same` holds."""
        return self.kind, self.name, ("decl", _key(self.decl)) if self.decl is not None else ("path", self.path)

    def same(self, other: "Binding") -> bool:
        """Whether two bindings are the same entity."""
        if self.kind != other.kind or self.name != other.name:
            return False
        if self.decl is not None or other.decl is not None:
            return self.decl is not None and other.decl is not None and \
                _key(self.decl) == _key(other.decl)
        return self.path == other.path


def _key(node: Any) -> tuple[int, int]:
    return node.start_byte, node.end_byte


def _strip(node: Any) -> Any:
    while node is not None and node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node


def declared_names(node: Any) -> list[Any]:
    """The identifiers a statement (or spec) declares in the block around it: `:=`,
    `var`, `const` and `type` declarations, range and select receives with `:=`."""
    kind = node.type
    if kind == "short_var_declaration" or (
        kind in ("range_clause", "receive_statement") and any(c.type == ":=" for c in node.children)
    ):
        left = node.child_by_field_id(FIELD.left)
        return [c for c in left.named_children if c.type == "identifier"] if left else []
    if kind in ("var_declaration", "const_declaration", "type_declaration"):
        specs = []
        for child in node.named_children:
            if child.type in ("var_spec_list", "const_spec_list"):
                specs += child.named_children
            else:
                specs.append(child)
        return [n for spec in specs if spec.type in ("var_spec", "const_spec", "type_spec", "type_alias")
                for n in spec.children_by_field_id(FIELD.name)]
    return []


_SIGNATURE_FIELDS = (FIELD.receiver, FIELD.type_parameters, FIELD.parameters, FIELD.result)


def _signature_names(func: Any) -> Iterable[Any]:
    for field in _SIGNATURE_FIELDS:
        params = func.child_by_field_id(field)
        if params is None or params.type not in ("parameter_list", "type_parameter_list"):
            continue
        for decl in params.named_children:
            yield from decl.children_by_field_id(FIELD.name)


def declaring_statement(decl: Any) -> Any | None:
    """The node that declares the identifier decl: a `:=`, var/const spec, range clause,
    select receive, parameter, type parameter, type spec or type switch."""
    for parent in _ancestors(decl):
        if parent.type in _DECLARING:
            return parent
        if parent.type in ("block", "statement_list", "source_file"):
            return None
    return None


def _ancestors(node: Any) -> Iterable[Any]:
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


@dataclass(frozen=True)
class Import:
    name: str  # the local name; "." for a dot import, "_" for a blank one
    path: str


class Names:
    """Name resolution for one file. Build it through `names_for` (or `ctx.names`) so
    that every rule and helper shares one instance per file."""

    def __init__(self, root: Any, source: bytes) -> None:
        self.root = root
        self.source = source
        self._top: dict[str, Any] | None = None
        self._methods: dict[tuple[str, str], Any] = {}
        self._imports: list[Import] = []
        self._package = ""
        self._blocks: dict[tuple[int, int], dict[str, tuple[int, Any]]] = {}
        self._signatures: dict[tuple[int, int], dict[str, Any]] = {}
        self._resolved: dict[tuple[int, int], Binding] = {}
        self._identifiers: dict[tuple[int, int], dict[str, list[Any]]] = {}
        self._uses: dict[tuple, dict[tuple, list[Any]]] = {}
        self._path: tuple[Any, list[Any]] | None = None
        self._assigned: dict[tuple[int, int], dict[str, list[tuple[int, Any, Any]]]] = {}
        # The file's path, when known (the engine's Context sets it): its package facts
        # are read from the other files of its folder.
        self.path: str | None = None

    @property
    def facts(self) -> Any | None:
        """The package facts of the file (analysis/package.py), None without a path."""
        if self.path is None:
            return None
        from goleaklint.analysis.package import package_of
        return package_of(self.path, self.package, self.source)

    # --- the file's own declarations ------------------------------------------------

    def _scan(self) -> None:
        if not self._scan_moved():
            self._scan_all()

    def _scan_moved(self, same_tokens: bool = False) -> bool:
        """Take the declarations of the version this one was derived from (the editor
        server's previous version, `syntax.derive`) when the edit lies inside the body
        of one function or method, which parses without errors before and after it: the
        other top-level declarations are the same text, parsed from the same state (the
        end of a complete declaration), so the same names are declared, in the same
        places or moved by the edit's length (`_Moved`). Listing them took 20 ms per
        edit of a 75,000-line file. Also when the edit only added comment lines between
        declarations, or the caller knows it changed no token (same_tokens)."""
        noted = previous(self.source)
        old = noted[0].get(Names) if noted is not None else None
        if old is None or old._top is None or \
                isinstance(old._top, _Moved) and len(old._top.edits) >= _Moved.EDITS:
            return False
        _, start, old_end, new_end = noted
        before, after = old.root, self.root
        if not (same_tokens or _in_one_body(before, after, start, old_end, new_end) or
                _between_comments(before, after, start, old_end, new_end)):
            return False
        edit = (old_end, new_end - old_end)
        root, source = self.root, self.source

        def listed(which: str) -> Callable[[], Mapping]:
            """A listing of the file's declarations, made when asked: by another Names,
            as a reference to this one would make a cycle that keeps a version's
            names alive (in the editor server, until a collection of its heap, which
            took 0.2 s) after it was dropped."""
            def again() -> Mapping:
                fresh = Names(root, source)
                fresh._scan_all()
                return getattr(fresh, which)
            return again

        self._top = _Moved.of(old._top, after, edit, listed("_top"))
        self._methods = _Moved.of(old._methods, after, edit, listed("_methods"))  # type: ignore[assignment]
        self._imports, self._package = old._imports, old._package
        return True

    def _scan_all(self) -> None:
        self._methods, self._imports = {}, []
        top: dict[str, Any] = {}
        for decl in self.root.named_children:
            kind = decl.type
            if kind == "function_declaration":
                name = decl.child_by_field_id(FIELD.name)
                if name is not None:
                    top.setdefault(text(self.source, name), name)
            elif kind == "method_declaration":
                name = decl.child_by_field_id(FIELD.name)
                receiver = receiver_type(decl, self.source)
                if name is not None and receiver:
                    self._methods.setdefault((receiver, text(self.source, name)), decl)
            elif kind in ("var_declaration", "const_declaration", "type_declaration"):
                for name in declared_names(decl):
                    top.setdefault(text(self.source, name), name)
            elif kind == "import_declaration":
                self._imports += _imports(decl, self.source)
            elif kind == "package_clause":
                ident = next((c for c in decl.named_children if c.type == "package_identifier"), None)
                self._package = text(self.source, ident) if ident is not None else ""
        self._top = top

    @property
    def top(self) -> dict[str, Any]:
        """Package-level name -> its declaring identifier, for this file."""
        if self._top is None:
            self._scan()
        return self._top  # type: ignore[return-value]

    @property
    def package(self) -> str:
        """The package clause's name (`x`, or `x_test` for an external test package)."""
        self.top
        return self._package

    @property
    def imports(self) -> list[Import]:
        self.top
        return self._imports

    def imported(self) -> dict[str, str]:
        """Local package name -> import path (dot and blank imports left out)."""
        return {i.name: i.path for i in self.imports if i.name not in (".", "_")}

    def method(self, receiver: str, name: str) -> Any | None:
        """The method_declaration of `receiver.name` in this file (receiver: the type's name)."""
        self.top
        return self._methods.get((receiver, name))

    def function(self, name: str) -> Any | None:
        """The function_declaration of a package-level function of this file."""
        ident = self.top.get(name)
        return ident.parent if ident is not None and ident.parent.type == "function_declaration" else None

    # --- resolution -----------------------------------------------------------------

    def ancestors(self, node: Any) -> list[Any]:
        """The ancestors of node, nearest first. Found by one descent from the root: a
        walk up through `parent` costs the depth at each step (quadratic in deep code)."""
        if self._path is not None and self._path[0] == node:
            return self._path[1]
        start, end = node.start_byte, node.end_byte
        # The descent starts at the nearest ancestor of the node asked before that also
        # holds this one (strictly larger: an ancestor, not node or below it). Questions
        # come function by function: most of the way down is the same.
        top, above = self.root, []
        for i, held in enumerate(self._path[1] if self._path is not None and end > start else ()):
            if held.start_byte <= start and end <= held.end_byte and held.end_byte - held.start_byte > end - start:
                top, above = held, self._path[1][i + 1:]
                break
        cursor = top.walk()
        path: list[Any] = []
        current = cursor.node  # each read of cursor.node makes a new Node: read once per step
        while current != node:
            path.append(current)
            if cursor.goto_first_child_for_byte(start) is None:
                return list(_ancestors(node))  # node is not in this tree
            current = cursor.node
            while not (current.start_byte <= start and end <= current.end_byte):
                if not cursor.goto_next_sibling():
                    return list(_ancestors(node))
                current = cursor.node
        path.reverse()
        path += above
        self._path = (node, path)
        return path

    def enclosing_function(self, node: Any) -> Any | None:
        return next((a for a in self.ancestors(node) if a.type in FUNCTION_TYPES), None)

    def outermost_function(self, node: Any) -> Any | None:
        return next((a for a in reversed(self.ancestors(node)) if a.type in FUNCTION_TYPES), None)

    def in_test_code(self, node: Any) -> bool:
        """Whether node is test code: the file is a `_test.go` file or belongs to a
        package named as Go names packages of test helpers (`httptest`, `iotest`,
        `rafttest`, `awstesting`, `testutils`), a function around node takes a
        `*testing.T`, `*testing.B`, `*testing.F` or `testing.TB` (a test helper beside
        production code) or a test library's `TestingT` (`testing_value`), or it is a method of a type declared in the file that embeds
        a testify suite or holds a testing value (`tester *testing.T`). The rules ask
        the wider `lifetime.test_code`.
        Rules report there only what outlasts the test. An import of `testing` or of a
        test framework alone is not enough: production code may call `testing.Testing()`,
        and a framework's own code (ginkgo's, gomega's) imports the framework."""
        if (self.path or "").endswith("_test.go") or test_support_name(self.package):
            return True
        return self.takes_test_handle(node) or any(
            func.type == "method_declaration" and self.test_type(receiver_type(func, self.source))
            for func in self.ancestors(node))

    def takes_test_handle(self, node: Any) -> bool:
        """Whether a function around node takes a test's handle (`testing_value`: a
        `*testing.T`, `testing.TB`, a test library's `TestingT`): it runs inside a test."""
        return any(testing_value(self.qualified(kind))
                   for func in self.ancestors(node) if func.type in FUNCTION_TYPES
                   for _, kind in parameters(func, self.source, receiver=False))

    def in_example(self, node: Any) -> bool:
        """Whether node lies in an Example function of a `_test.go` file (`func
        ExampleClient_Do()`): documentation that users copy, judged as production code
        by the rules that report less in tests."""
        outer = self.outermost_function(node)
        name = outer.child_by_field_name("name") if outer is not None and \
            outer.type == "function_declaration" else None
        return (self.path or "").endswith("_test.go") and name is not None and \
            is_test_entry(text(self.source, name)) and text(self.source, name).startswith("Example")

    def test_type(self, name: str) -> bool:
        """Whether this file declares the struct type name embedding testify's
        `suite.Suite` (its methods run inside a test: `s.T()` is the *testing.T), or
        with a field of a testing type (a harness embedding `*testing.T`, a test
        server's `tester *testing.T`): its methods run in the test that made it."""
        ident = self.top.get(name)
        spec = ident.parent if ident is not None else None
        kind = spec.child_by_field_name("type") if spec is not None and spec.type == "type_spec" else None
        fields = next((c for c in kind.named_children if c.type == "field_declaration_list"), None) \
            if kind is not None and kind.type == "struct_type" else None
        return fields is not None and any(
            f.type == "field_declaration" and (
                self.qualified(f.child_by_field_name("type")) in TESTING_VALUES or
                f.child_by_field_name("name") is None and
                self.qualified(f.child_by_field_name("type")) == ("github.com/stretchr/testify/suite", "Suite"))
            for f in fields.named_children)

    def resolve(self, ident: Any) -> Binding:
        """What the identifier (or type_identifier, or package_identifier) ident names."""
        key = _key(ident)
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = self._resolve(ident)
        return found

    def _resolve(self, ident: Any) -> Binding:
        name = text(self.source, ident)
        if name == "_":
            return Binding(UNKNOWN, name)
        if ident.type != "package_identifier":
            decl = self._local(ident, name)
            if decl is not None:
                return Binding(LOCAL, name, decl)
        return self._global(name)

    def declaration(self, ident: Any) -> Any | None:
        """The identifier that declares the local ident names (a parameter, a `:=`, ...);
        None for package-level, imported and predeclared names."""
        name = text(self.source, ident)
        return self._local(ident, name) if name != "_" else None

    def _global(self, name: str) -> Binding:
        decl = self.top.get(name)
        if decl is not None:
            return Binding(PACKAGE, name, decl)
        for imported in self._imports:
            if imported.name == name:
                return Binding(IMPORT, name, path=imported.path)
        if name in UNIVERSE_NAMES:
            return Binding(UNIVERSE, name)
        dots = [i for i in self._imports if i.name == "."]
        if dots:
            # The package's other files do not declare it: the one dot import does.
            facts = self.facts
            if len(dots) == 1 and facts is not None and not facts.declares(name):
                return Binding(MEMBER, name, path=dots[0].path)
            if facts is None or not facts.declares(name):
                return Binding(UNKNOWN, name)
        return Binding(PACKAGE, name)  # declared by another file of the package

    def _local(self, ident: Any, name: str) -> Any | None:
        child = ident
        for node in self.ancestors(ident):
            kind = node.type
            found = None
            if kind in _LISTS:
                found = self._in_list(node, child, ident, name)
            elif kind in _HEADERS:
                found = self._in_header(node, child, ident, name)
            elif kind == "communication_case":
                comm = node.child_by_field_id(FIELD.communication)
                if comm is not None:
                    found = self._declares(comm, ident, name)
            elif kind in FUNCTION_TYPES:
                found = self._in_signature(node, name)
                if found is None and kind != "func_literal":
                    return None
            elif kind == "type_spec":
                found = next((n for n in _signature_names(node) if text(self.source, n) == name), None)
            elif kind == "source_file":
                return None
            if found is not None:
                return found
            child = node
        return None

    def _in_list(self, holder: Any, child: Any, ident: Any, name: str) -> Any | None:
        """The first declaration of name in the statement list holder, as seen from its
        statement child: Go's `:=` re-uses a name declared earlier in the same block."""
        key = _key(holder)
        index = self._blocks.get(key)
        if index is None:
            index = self._blocks[key] = {}
            for stmt in holder.named_children:
                for decl in declared_names(stmt):
                    index.setdefault(text(self.source, decl), (stmt.start_byte, decl))
        entry = index.get(name)
        if entry is None or entry[0] > child.start_byte:
            return None
        if entry[0] < child.start_byte:
            return entry[1]
        # declared by the statement holding ident: only ident itself is that variable
        return ident if any(_key(n) == _key(ident) for n in declared_names(child)) else None

    def _in_signature(self, func: Any, name: str) -> Any | None:
        """The first identifier of func's receiver, type parameters, parameters and
        results that declares name, from an index of them made on the first question."""
        key = _key(func)
        index = self._signatures.get(key)
        if index is None:
            index = self._signatures[key] = {}
            for decl in _signature_names(func):
                index.setdefault(text(self.source, decl), decl)
        return index.get(name)

    def _in_header(self, node: Any, child: Any, ident: Any, name: str) -> Any | None:
        found = None
        init = node.child_by_field_id(FIELD.initializer)
        if init is not None:
            found = self._declares(init, ident, name)
        for clause in node.named_children:
            if clause.type == "for_clause":
                init = clause.child_by_field_id(FIELD.initializer)
                if init is not None:
                    found = self._declares(init, ident, name) or found
            elif clause.type == "range_clause":
                found = self._declares(clause, ident, name) or found
        if node.type == "type_switch_statement":
            alias = node.child_by_field_id(FIELD.alias)
            if alias is not None and _key(alias) == _key(child):
                return ident if ident.type == "identifier" else None
            if alias is not None and child.type in ("type_case", "default_case"):
                found = next((n for n in alias.named_children if text(self.source, n) == name), found)
        return found

    def _declares(self, stmt: Any, ident: Any, name: str) -> Any | None:
        """The identifier stmt declares under name, as seen from ident: a statement
        holding ident declares it only when ident is one of its declared names."""
        names = declared_names(stmt)
        if stmt.start_byte <= ident.start_byte < stmt.end_byte:
            return ident if any(_key(n) == _key(ident) for n in names) else None
        return next((n for n in names if text(self.source, n) == name), None)

    # --- questions built on resolution ----------------------------------------------

    def same_variable(self, a: Any, b: Any) -> bool:
        """Whether two identifiers name the same entity."""
        if text(self.source, a) != text(self.source, b):
            return False
        return self.resolve(a).same(self.resolve(b))

    def uses(self, ident: Any, func: Any) -> list[Any]:
        """The identifiers inside func (its literals included) that name the same entity
        as ident, in source order. Each function's identifiers are listed once."""
        key = _key(func)
        index = self._identifiers.get(key)
        if index is None:
            index = self._identifiers[key] = {}
            for node in descendants(func, ("identifier",)):
                index.setdefault(text(self.source, node), []).append(node)
        name = text(self.source, ident)
        groups = self._uses.get((key, name))
        if groups is None:  # resolved once per function and name, not once per question
            groups = self._uses[key, name] = {}
            for node in index.get(name, []):
                groups.setdefault(self.resolve(node).identity(), []).append(node)
        return list(groups.get(self.resolve(ident).identity(), []))

    def calls_of(self, ident: Any, func: Any) -> list[Any] | None:
        """The calls in func (its literals included) of the variable ident declares
        (`cancel()`, `start()`), or None when it is used any other way (handed on,
        stored): then it may run elsewhere."""
        calls = []
        for use in self.uses(ident, func):
            if use == ident:
                continue
            call = use.parent
            if call is None or call.type != "call_expression" or call.child_by_field_name("function") != use:
                return None
            calls.append(call)
        return calls

    def same_path(self, a: Any, b: Any) -> bool:
        """Whether two expressions name the same variable or field path: the same text
        (`ch`, `s.conn`) from a base identifier that names the same entity."""
        a, b = _strip(a), _strip(b)
        if a is None or b is None or text(self.source, a) != text(self.source, b):
            return False
        base_a, base_b = _base(a), _base(b)
        return base_a is not None and base_b is not None and \
            self.resolve(base_a).same(self.resolve(base_b))

    def same_base(self, a: Any, b: Any) -> bool:
        """Whether the field paths a and b (`client`, `s.hc.Timeout`, `m[k].ch`) start
        from the same variable: a shadowing `client := ...` in a block is another one.
        A path that does not start from a name (`f().ch`) is given the benefit: True."""
        while a is not None and a.type in ("selector_expression", "index_expression", "parenthesized_expression"):
            a = a.child_by_field_name("operand") or (a.named_children[0] if a.named_children else None)
        while b is not None and b.type in ("selector_expression", "index_expression", "parenthesized_expression"):
            b = b.child_by_field_name("operand") or (b.named_children[0] if b.named_children else None)
        if a is None or b is None or a.type != "identifier" or b.type != "identifier":
            return True
        return self.resolve(a).same(self.resolve(b))

    def declared_in(self, ident: Any, func: Any, field: str = "parameters") -> bool:
        """Whether the identifier names one of func's parameters (field "parameters"),
        its receiver ("receiver") or its named results ("result"): a local of the same
        name is not."""
        binding = self.resolve(ident) if ident is not None and ident.type == "identifier" else None
        statement = declaring_statement(binding.decl) if binding is not None and binding.kind == LOCAL else None
        return statement is not None and statement.parent == func.child_by_field_name(field)

    def import_path(self, ident: Any | None) -> str | None:
        """The import path when ident (an identifier or package_identifier) names an
        imported package here, None when it names anything else (a local `http`)."""
        if ident is None or ident.type not in ("identifier", "package_identifier"):
            return None
        name = text(self.source, ident)
        if not any(i.name == name for i in self.imports):
            return None  # no import has the name: nothing to resolve (most operands are locals)
        binding = self.resolve(ident)
        return binding.path if binding.kind == IMPORT else None

    def qualified(self, node: Any | None) -> tuple[str, str] | None:
        """For `pkg.Name` (a selector_expression, a qualified_type, maybe generic, or a
        pointer to one) where pkg names an imported package: (import path, Name)."""
        if node is None:
            return None
        node = _strip(node)
        if node is not None and node.type == "pointer_type":
            node = node.named_children[0] if node.named_children else None
        if node is not None and node.type == "generic_type":  # connect.Request[T]
            node = node.child_by_field_id(FIELD.type)
        if node is None:
            return None
        if node.type in ("identifier", "type_identifier"):
            if not any(i.name == "." for i in self.imports):
                return None
            binding = self.resolve(node)  # `Get` with net/http dot-imported
            return (binding.path, binding.name) if binding.kind == MEMBER else None
        if node.type == "qualified_type":
            package, name = node.child_by_field_id(FIELD.package), node.child_by_field_id(FIELD.name)
        elif node.type == "selector_expression":
            package, name = node.child_by_field_id(FIELD.operand), node.child_by_field_id(FIELD.field)
        else:
            return None
        if package is None or name is None:
            return None
        path = self.import_path(package)
        return (path, text(self.source, name)) if path is not None else None

    def calls(self, call: Any, path: str, names: Iterable[str]) -> bool:
        """Whether call is `pkg.Name(...)` with pkg an import of path and Name in names."""
        resolved = self.qualified(call.child_by_field_name("function")) if call.type == "call_expression" else None
        return resolved is not None and resolved[0] == path and resolved[1] in set(names)

    def reaching(self, expr: Any, position: Any) -> tuple[Any, Any | None] | None:
        """The last (target, value) assigned to the variable or field path expr names
        (`ch`, `s.notify`) before position, in the function around position or the
        functions around that; value is None when the assignment is not one-to-one.
        A target counts when its base identifier names the same entity as expr's
        (a shadowing `:=` in a block is another variable)."""
        expr = _strip(expr)
        base = _base(expr)
        if base is None:
            return None
        wanted = text(self.source, expr)
        binding = self.resolve(base)
        for func in self.ancestors(position):
            if func.type not in FUNCTION_TYPES:
                continue
            found = self._last_assignment(func, wanted, position.start_byte, binding)
            if found is not None:
                return found
        return None

    def made_by(self, expr: Any, position: Any) -> Any | None:
        """The call whose result the variable expr names last took before position
        (`tx, err := db.Begin()` gives `db.Begin()`, the one call of a many-valued
        assignment included); None when that value is no call or not seen."""
        found = self.reaching(expr, position)
        if found is None:
            return None
        target, value = found
        holder = target.parent.parent if target.parent is not None and target.parent.type == "expression_list" \
            else None
        right = holder.child_by_field_name("right") if holder is not None and value is None and \
            holder.type in ("short_var_declaration", "assignment_statement") else None
        if right is not None and len(right.named_children) == 1:
            value = right.named_children[0]
        return value if value is not None and value.type == "call_expression" else None

    def _last_assignment(self, func: Any, wanted: str, before: int, binding: Binding
                         ) -> tuple[Any, Any | None] | None:
        key = _key(func)
        index = self._assigned.get(key)
        if index is None:
            index = self._assigned[key] = {}
            body = func.child_by_field_name("body")
            for target, value, _ in assignments(body) if body is not None else ():
                index.setdefault(text(self.source, target), []).append((target.start_byte, target, value))
        entries = index.get(wanted, [])
        i = bisect.bisect_left(entries, before, key=lambda e: e[0])
        for _, target, value in reversed(entries[:i]):
            base = _base(target)
            if base is not None and self.resolve(base).same(binding):
                return target, value
        return None

    def declaring(self, ident: Any) -> Any | None:
        """The statement that declares the local ident names (`declaring_statement` of
        its declaration: a `:=`, var spec, parameter, range clause, ...); None when ident
        names no local."""
        binding = self.resolve(ident) if ident is not None and ident.type == "identifier" else None
        return declaring_statement(binding.decl) if binding is not None and binding.kind == LOCAL else None

    def same_expression(self, a: Any, b: Any) -> bool:
        """Whether a and b are the same expression (text) starting from the same variable
        (`same_base`): `client`, `s.hc.Transport`, and also `m[k].ch`, which `same_path`
        does not compare; one that does not start from a name (`f().ch`) is given the
        benefit."""
        return text(self.source, a) == text(self.source, b) and self.same_base(a, b)

    def tests_nil(self, condition: Any, ident: Any, operator: str) -> bool:
        """Whether condition compares the variable the identifier ident names with nil by
        operator (`err != nil`, `nil == err`, through parentheses: cfg.nil_operand), a shadowing `err`
        (`if err := check(); err != nil`) another variable."""
        from goleaklint.analysis.cfg import nil_operand  # cfg reads names
        operand = nil_operand(condition, operator) if condition is not None else None
        return operand is not None and operand.type == "identifier" and ident is not None and \
            ident.type == "identifier" and self.same_variable(operand, ident)

    def parameter_index(self, ident: Any, func: Any) -> int | None:
        """The place among func's parameters (numbered as `parameter_at` does) of the
        one ident names; None when it names none of them (a local of the same name)."""
        binding = self.resolve(ident) if ident is not None and ident.type == "identifier" else None
        if binding is None or binding.kind != LOCAL:
            return None
        return next((i for i, name in enumerate(_parameter_names(func))
                     if name is not None and _key(name) == _key(binding.decl)), None)


# What a test, benchmark or fuzz target is handed (`t *testing.T`, `tb testing.TB`).
TESTING_VALUES = frozenset((("testing", "T"), ("testing", "B"), ("testing", "F"), ("testing", "TB")))
# The interface a test library declares for the `*testing.T` its functions take (testify's
# `assert.TestingT`, a test kit's own `testing.TestingT`): named so by Go's convention.
TEST_HANDLE = "TestingT"


def testing_value(resolved: tuple[str, str] | None) -> bool:
    """Whether a parameter's resolved type (import path, name) is a test's handle: one of
    the testing package's (TESTING_VALUES), or a test library's interface standing for
    it (TEST_HANDLE): a function taking one runs inside a test."""
    return resolved is not None and (resolved in TESTING_VALUES or resolved[1] == TEST_HANDLE)


def _base(expr: Any | None) -> Any | None:
    """The identifier a field path starts from: `s` in `s.a.b`, `ch` in `ch`."""
    while expr is not None and expr.type == "selector_expression":
        expr = _strip(expr.child_by_field_name("operand"))
    return expr if expr is not None and expr.type == "identifier" else None


def assigned_to(expr: Any) -> tuple[Any, Any] | None:
    """(target, statement) when expr is a value of a `:=`, `=` or `var` statement:
    the target at the same position, or the first one for `c, err := f()`."""
    values = expr.parent
    if values is None or values.type != "expression_list":
        return None
    statement = values.parent
    if statement is None or statement.type not in (
        "short_var_declaration", "assignment_statement", "var_spec"
    ):
        return None
    if statement.type == "var_spec":
        targets = statement.children_by_field_name("name")
    else:
        left = statement.child_by_field_name("left")
        targets = left.named_children if left is not None else []
    if statement.type != "var_spec" and statement.child_by_field_name("right") != values:
        return None  # expr is on the left
    right = values.named_children
    if not targets or expr not in right:
        return None
    index = right.index(expr) if len(right) == len(targets) else 0
    return targets[index], statement


def receiver_type(method: Any, source: bytes) -> str:
    """`T` for a method on `T`, `*T` or `T[K]`; "" when there is none."""
    receiver = method.child_by_field_id(FIELD.receiver)
    decl = receiver.named_children[0] if receiver is not None and receiver.named_children else None
    kind = decl.child_by_field_id(FIELD.type) if decl is not None else None
    while kind is not None and kind.type in ("pointer_type", "generic_type", "parenthesized_type"):
        kind = kind.child_by_field_id(FIELD.type) or (kind.named_children[0] if kind.named_children else None)
    return text(source, kind) if kind is not None and kind.type == "type_identifier" else ""


def _imports(decl: Any, source: bytes) -> list[Import]:
    specs = [c for c in decl.named_children if c.type == "import_spec"]
    for group in decl.named_children:
        if group.type == "import_spec_list":
            specs += [c for c in group.named_children if c.type == "import_spec"]
    found = []
    for spec in specs:
        path_node = spec.child_by_field_id(FIELD.path)
        if path_node is None:
            continue
        path = text(source, path_node).strip('"`')
        name_node = spec.child_by_field_id(FIELD.name)
        name = text(source, name_node) if name_node is not None else package_name(path)
        found.append(Import(name, path))
    return found


class _Moved(Mapping):
    """Names.top (or the methods) of a version derived from an earlier one by edits
    inside function bodies: each node kept as its place in the earlier version
    (start, end, type), moved by the edits since, and found in this version's tree
    when asked. Should one not be found there, the file's declarations are listed
    again (`again` gives the mapping listed), and answer from then on."""

    EDITS = 32  # past this many edits since, the declarations are listed again

    def __init__(self, root: Any, places: dict, edits: tuple[tuple[int, int], ...],
                 again: Callable[[], Mapping]) -> None:
        self.root, self.places, self.edits, self.again = root, places, edits, again
        self.found: dict = {}
        self.listed: Mapping | None = None

    @classmethod
    def of(cls, nodes: Mapping, root: Any, edit: tuple[int, int], again: Callable[[], Mapping]) -> "_Moved":
        """nodes (of the earlier version) after edit: (old end, shift)."""
        if isinstance(nodes, _Moved):
            return cls(root, nodes.places, nodes.edits + (edit,), again)
        return cls(root, {k: (n.start_byte, n.end_byte, n.type) for k, n in nodes.items()}, (edit,), again)

    def __getitem__(self, key: Any) -> Any:
        node = self.found.get(key)
        if node is not None:
            return node
        if self.listed is not None:
            return self.listed[key]
        start, end, kind = self.places[key]
        for at, shift in self.edits:
            start, end = start + shift * (start >= at), end + shift * (end >= at)
        node = self.root.descendant_for_byte_range(start, end)
        while node is not None and node.type != kind and (node.start_byte, node.end_byte) == (start, end):
            node = node.parent
        if node is None or node.type != kind or (node.start_byte, node.end_byte) != (start, end):
            self.listed = self.again()
            return self.listed[key]
        self.found[key] = node
        return node

    def __contains__(self, key: object) -> bool:
        return key in self.places

    def __iter__(self) -> Iterator:
        return iter(self.places)

    def __len__(self) -> int:
        return len(self.places)


def _in_one_body(before: Any, after: Any, start: int, old_end: int, new_end: int) -> bool:
    """Whether the edit of before's bytes start..old_end into after's start..new_end
    lies inside the body of one function or method, which parses without errors
    before and after it."""
    index = child_index_after(before, start)
    if index == before.child_count or before.child(index).start_byte > start or \
            before.child_count != after.child_count:
        return False
    for decl, end in ((before.child(index), old_end), (after.child(index), new_end)):
        body = decl.child_by_field_name("body") if decl.type in ("function_declaration",
                                                                 "method_declaration") else None
        if body is None or decl.has_error or not body.start_byte < start <= end < body.end_byte:
            return False
    return True


def _between_comments(before: Any, after: Any, start: int, old_end: int, new_end: int) -> bool:
    """Whether the top-level nodes the edit meets, before and after it, are comments
    only (a comment line added between declarations), and the others are as many: the
    declarations are the same, moved (a `/*` that swallowed some would leave fewer)."""
    counts = []
    for root, end in ((before, old_end), (after, new_end)):
        index, met = child_index_after(root, start), 0
        while index < root.child_count:
            node = root.child(index)
            if node.start_byte >= end:  # after the change (with none, one it is inserted before)
                break
            if node.type != "comment":
                return False
            index, met = index + 1, met + 1
        counts.append(root.child_count - met)
    return counts[0] == counts[1]


@carried
def _carry_names(source: bytes, root: Any) -> None:
    """`syntax.carry`: the declarations of a version after one that listed them, moved
    (the edit changed no token)."""
    kept = previous(source)
    old = kept[0].get(Names) if kept is not None else None
    if old is not None and old._top is not None:
        names = names_for(source, root, root)
        if names._top is None and not names._scan_moved(same_tokens=True):
            names._scan_all()


# --- one instance per file --------------------------------------------------------

def names_for(source: bytes, node: Any, root: Any = None) -> Names:
    """The file's Names, built on first use and kept in the file's memo while the same
    source object is analysed (rules, release.py and the context share it). node: any
    node of the tree; root, when the caller has it, also tells a new parse of the same
    bytes apart."""
    memo = file_memo(source)
    names = memo.get(Names)
    if names is not None and (root is None or names.root == root):
        return names
    if root is None:
        root = node
        while root.parent is not None:
            root = root.parent
    names = memo[Names] = Names(root, source)
    return names


def declaration_of(ident: Any, source: bytes) -> Any | None:
    """The identifier declaring the local variable ident names; None for package-level
    and imported names (see Names.declaration)."""
    return names_for(source, ident).declaration(ident)


# --- packages: the files of one folder with one package clause ---------------------


def package_groups(facts_by_path: dict[str, Any]) -> list[list[str]]:
    """The paths of facts_by_path grouped by package: same folder and same package
    clause (facts["package"]), so an external `_test` package is apart."""
    groups: dict[tuple[str, str], list[str]] = {}
    for path in sorted(facts_by_path):
        clause = facts_by_path[path].get("package", "")
        groups.setdefault((os.path.dirname(path), clause), []).append(path)
    return list(groups.values())


def range_clause(ident: Any, source: bytes) -> Any | None:
    """The range clause that declares the variable ident names, if one does."""
    binding = names_for(source, ident).resolve(ident)
    statement = declaring_statement(binding.decl) if binding.kind == LOCAL else None
    return statement if statement is not None and statement.type == "range_clause" else None


def parameter_at(func: Any, index: int) -> Any | None:
    """The identifier declaring func's index-th parameter (`a, b int` are two), None for
    a variadic one, an unnamed one or past the end."""
    names = _parameter_names(func)
    return names[index] if index < len(names) else None


def _parameter_names(func: Any) -> list[Any | None]:
    """The identifiers declaring func's parameters, one per place; None for a variadic
    or unnamed one."""
    params = func.child_by_field_name("parameters")
    names: list[Any | None] = []
    for decl in params.named_children if params is not None else []:
        if decl.type == "variadic_parameter_declaration":
            names.append(None)
            continue
        if decl.type != "parameter_declaration":
            continue
        names.extend(decl.children_by_field_name("name") or [None])
    return names
