"""Who owns a value handed to a call: the callee only reads it, releases it, or keeps it.

Two sources answer:

- A library model of calls that only read their arguments (`fmt.Println(resp)`,
  `io.ReadAll(resp.Body)`, `sqlx.StructScan(rows, &v)`, ...): handing a resource to
  them leaves it with the caller, who must still release it.
- Summaries of the functions and methods declared in the package: what each does
  with each parameter, computed to a fixed point over their calls to each other
  (`a(rows)` calling `b(rows)` calling `rows.Close()` releases them). A function of
  another file of the package is summarised in its own file (analysis/package.py),
  over the calls it makes within that file; so is an exported function of another
  package of the same module (`db.ScanFirstValue(rows, &v)`), whose source is at hand.

A call that is neither is an escape: the callee may keep the value, so its owner is
somewhere else. The summary of one use is the caller's business (release.py decides
what a use does); this module combines them over the call graph.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable, Iterable, Iterator

from goleaklint.analysis.names import PACKAGE, UNIVERSE, names_for, receiver_type
from goleaklint.analysis.types import types_for
from goleaklint.syntax import declared, file_memo, generic_call, text

# What a function does with a parameter, from least to most taken over.
# PARTLY: released on some paths, left open on one that returns an error (see
# release._open_on_error): the caller still owns it when the call fails.
READS, PARTLY, RELEASES, STORES, RETURNS, ESCAPES = \
    "reads", "releases on some paths", "releases", "stores", "returns", "escapes"
RANK = {READS: 0, PARTLY: 1, RELEASES: 1, STORES: 2, RETURNS: 2, ESCAPES: 3}

# Package functions that only read their arguments (every argument, unless indices are
# given). Wrapping readers (`json.NewDecoder(resp.Body)`, `bufio.NewScanner`) read
# through the value for as long as the caller uses the wrapper, which stays local or
# escapes on its own account. Not httputil.DumpResponse: with body=true it drains and
# closes the body, swapping in a copy.
READ_ONLY_PACKAGES = {"fmt", "log", "errors", "strings", "bytes", "strconv", "unicode/utf8"}
READ_ONLY_FUNCTIONS = {
    ("io", "ReadAll"), ("io/ioutil", "ReadAll"), ("io", "Copy"), ("io", "CopyN"),
    ("io", "CopyBuffer"), ("io", "ReadFull"), ("io", "ReadAtLeast"), ("io", "LimitReader"),
    ("encoding/json", "NewDecoder"), ("encoding/xml", "NewDecoder"), ("encoding/csv", "NewReader"),
    ("bufio", "NewReader"), ("bufio", "NewReaderSize"), ("bufio", "NewScanner"),
    ("github.com/jmoiron/sqlx", "StructScan"),
    ("reflect", "TypeOf"), ("reflect", "ValueOf"),
    # Its Close does not close the reader it wraps.
    ("io", "NopCloser"), ("io/ioutil", "NopCloser"),
}
# Of those, the readers that read through the value later, as their caller reads them:
# one returned straight away (`return bufio.NewReader(resp.Body), nil`) hands the value,
# inside it, to the caller, who reads it as a stream.
STREAMING_READERS = {
    ("encoding/json", "NewDecoder"), ("encoding/xml", "NewDecoder"), ("encoding/csv", "NewReader"),
    ("bufio", "NewReader"), ("bufio", "NewReaderSize"), ("bufio", "NewScanner"), ("io", "LimitReader"),
}
READ_ONLY_BUILTINS = {"len", "cap", "print", "println"}
# Methods that only read their arguments, by the receiver's declared type: a
# transaction's copy of a statement (`tx.Stmt(stmt)`) is closed with the transaction,
# and the statement it copies stays the caller's to close.
READ_ONLY_METHODS = {("database/sql", "Tx"): {"Stmt", "StmtContext"}}
# Wrappers whose Close closes the reader they wrap (`http.MaxBytesReader(w, r.Body, n)`):
# handing the resource to them hands it on, unless nothing keeps the wrapper.
CLOSING_WRAPPERS = {("net/http", "MaxBytesReader")}


def reads_only(call: Any, source: bytes) -> bool:
    """Whether a call is to a library function that only reads its arguments (the
    package resolved through the file's imports; a local `fmt` is not fmt)."""
    function = call.child_by_field_name("function")
    if function is None:
        return False
    names = names_for(source, call)
    if function.type == "identifier":
        return text(source, function) in READ_ONLY_BUILTINS and \
            names.resolve(function).kind == UNIVERSE
    resolved = names.qualified(function)
    if resolved is None:
        return function.type == "selector_expression" and _read_only_method(function, names)
    path, name = resolved
    if (path, name) in CLOSING_WRAPPERS:
        return _discarded(call, source)
    return path in READ_ONLY_PACKAGES or (path, name) in READ_ONLY_FUNCTIONS


def returned_stream(call: Any, source: bytes) -> bool:
    """Whether call makes a reader of STREAMING_READERS over its argument and the
    function returns it as it is made (`return bufio.NewReader(resp.Body), nil`)."""
    function = call.child_by_field_name("function")
    node = call
    while node.parent is not None and node.parent.type == "parenthesized_expression":
        node = node.parent
    holder = node.parent.parent if node.parent is not None and node.parent.type == "expression_list" \
        else node.parent
    return holder is not None and holder.type == "return_statement" and function is not None and \
        names_for(source, call).qualified(function) in STREAMING_READERS


def _read_only_method(function: Any, names: Any) -> bool:
    """Whether `v.m` is a method of READ_ONLY_METHODS, v's declared type known."""
    method = text(names.source, function.child_by_field_name("field"))
    if not any(method in methods for methods in READ_ONLY_METHODS.values()):
        return False
    kind = types_for(names).of(function.child_by_field_name("operand"))
    return kind is not None and any(kind.is_named(path, name) and method in methods
                                    for (path, name), methods in READ_ONLY_METHODS.items())


def _discarded(call: Any, source: bytes) -> bool:
    """Whether nothing keeps the call's result: a statement, or assigned to `_`."""
    parent = call.parent
    if parent is not None and parent.type == "expression_statement":
        return True
    holder = parent.parent if parent is not None and parent.type == "expression_list" else None
    if holder is None or holder.type != "assignment_statement" or \
            holder.child_by_field_name("right") != parent:
        return False
    left = holder.child_by_field_name("left")
    targets = left.named_children if left is not None else []
    return len(targets) == len(parent.named_children) and all(text(source, t) == "_" for t in targets)


# --- same-file summaries ------------------------------------------------------------------

# (callee key, parameter index): `f` for a function, `T.m` for the method m of type T.
Param = tuple[str, int]
# How one use of a parameter was classified: an effect, or a hand-off to a same-file call.
Use = tuple[str, Param | None]


class Ownership:
    """The same-file functions of one file and, on demand, what each does with each
    parameter. `classify(func, param_ident)` yields the uses of a parameter as
    (effect, None) or (None, (callee key, index)) for a hand-off to a same-file call."""

    def __init__(self, root: Any, source: bytes) -> None:
        self.root = root
        self.source = source
        self.names = names_for(source, root, root)
        self.functions = _Functions(root, source)
        self.summaries: dict[Param, str] = {}

    def callee(self, call: Any) -> str | None:
        """The key of the same-package function or method a call reaches: `f(x)` with f
        the package-level function; `T.m` for `v.m(x)` with v's declared type T of the
        package (or a pointer to it, or a type embedding T) whose method m is declared
        (a value of unknown type, of another package's type or of an interface type
        reaches no method of the package here, whatever its name); or `path:F` for
        `pkg.F(x)` with pkg another package of the file's module."""
        function = generic_call(call) or call.child_by_field_name("function")
        if function is None:
            return None
        facts = self.names.facts
        if function.type in ("identifier", "type_identifier"):
            key = text(self.source, function)
            binding = self.names.resolve(function)
            if binding.kind != PACKAGE:
                return None
            if key in self.functions or (binding.decl is None and facts is not None
                                         and facts.declaring(key)):
                return key
            return None
        if function.type == "selector_expression":
            operand = function.child_by_field_name("operand")
            field = function.child_by_field_name("field")
            if operand is None or field is None:
                return None
            imported = self.names.import_path(operand)
            if imported is not None:
                # `db.ScanFirst(rows)` with db another package of the module: `path:Name`
                name = text(self.source, field)
                return f"{imported}:{name}" if facts is not None and name[:1].isupper() and \
                    facts.module_package(imported) is not None else None
            name = text(self.source, field)
            types = types_for(self.names)
            holder = types.method_holder(types.of(operand), name)
            key = f"{holder}.{name}" if holder is not None else None
            if key is not None and (key in self.functions or (facts is not None and facts.declaring(key))):
                return key
        return None

    def effect(self, key: str, index: int,
               classify_for: Callable[[bytes], Callable[[Any, Any], Iterable[Use]]]) -> str:
        """What the same-package function `key` does with its index-th argument, over
        every function it hands the value to (a fixed point: effects only grow).
        classify_for(source) classifies the uses of a parameter in that file. A
        function of another file of the package is summarised in that file (with the
        functions of that file only)."""
        classify = classify_for(self.source)
        facts = self.names.facts
        param = (key, index)
        if param in self.summaries:
            return self.summaries[param]
        own: dict[Param, str] = {}
        deps: dict[Param, list[Param]] = {}
        todo = [param]
        while todo:
            current = todo.pop()
            if current in own or current in self.summaries:
                continue
            effect, follow = READS, []
            for func, ident in self._parameter(*current):
                if ident is None:
                    effect = ESCAPES  # a variadic or unnamed parameter: not followed
                    continue
                for kind, handed in classify(func, ident):
                    if handed is not None:
                        follow.append(handed)
                        todo.append(handed)
                    elif RANK[kind] > RANK[effect]:
                        effect = kind
            if current[0] not in self.functions:
                found = facts.effect(*current, classify_for) if facts is not None else None
                effect = found if found is not None else ESCAPES
            own[current], deps[current] = effect, follow
        changed = True
        while changed:
            changed = False
            for current, follow in deps.items():
                for handed in follow:
                    other = self.summaries.get(handed, own.get(handed, ESCAPES))
                    if RANK[other] > RANK[own[current]]:
                        own[current] = other
                        changed = True
        self.summaries.update(own)
        return self.summaries[param]

    def parameter_type(self, key: str, index: int) -> str | None:
        """The type the function `key` declares its index-th parameter with, as written
        (`*sql.Rows`), also for a function of another file or package (see `callee`);
        None when unknown or not the same under every declaration of key."""
        if key not in self.functions:
            facts = self.names.facts
            return facts.parameter_type(key, index) if facts is not None else None
        found = set()
        for func in self.functions[key]:
            ident = _parameter_of(func, index)
            kind = ident.parent.child_by_field_name("type") if ident is not None else None
            found.add(text(self.source, kind) if kind is not None else None)
        return found.pop() if len(found) == 1 else None

    def parameter_names(self, key: str, index: int) -> list[tuple[Any, Any | None]]:
        """(function, identifier declaring its index-th parameter) for each function of
        this file under key (none for another file's); the identifier is None when the
        parameter is variadic or unnamed."""
        return self._parameter(key, index) if key in self.functions else []

    def literal_effect(self, literal: Any, index: int,
                       classify_for: Callable[[bytes], Callable[[Any, Any], Iterable[Use]]]) -> str:
        """What a function literal called on the spot (`func(b io.ReadCloser) {...}(resp.Body)`)
        does with its index-th argument, following its hand-offs to same-package functions."""
        ident = _parameter_of(literal, index)
        if ident is None:
            return ESCAPES
        effect = READS
        for kind, handed in classify_for(self.source)(literal, ident):
            if handed is not None:
                kind = self.effect(handed[0], handed[1], classify_for)
            if RANK[kind] > RANK[effect]:
                effect = kind
        return effect

    def _parameter(self, key: str, index: int) -> list[tuple[Any, Any | None]]:
        """(function, identifier declaring its index-th parameter) for each function
        under key; None when the parameter is variadic or has no name."""
        return [(func, _parameter_of(func, index)) for func in self.functions.get(key, ())]

    def facts(self) -> dict[str, dict[str, str]]:
        """The summaries computed so far as plain data: {"f": {"0": "reads"}}."""
        out: dict[str, dict[str, str]] = {}
        for (key, index), effect in sorted(self.summaries.items()):
            out.setdefault(key, {})[str(index)] = effect
        return out


def _parameter_of(func: Any, index: int) -> Any | None:
    """The identifier declaring func's index-th parameter; None when it is variadic or
    has no name."""
    params = func.child_by_field_name("parameters")
    names: list[Any | None] = []
    for decl in params.named_children if params is not None else ():
        if decl.type == "variadic_parameter_declaration":
            names.append(None)
            break
        if decl.type != "parameter_declaration":
            continue
        idents = decl.children_by_field_name("name")
        names.extend(idents if idents else [None])
    return names[index] if index < len(names) else (names[-1] if names and names[-1] is None else None)


def function_key(func: Any, source: bytes) -> str | None:
    """The key of a function or method declaration: `f`, or `T.m` for a method of T."""
    name = func.child_by_field_name("name")
    if name is None:
        return None
    if func.type != "method_declaration":
        return text(source, name)
    receiver = receiver_type(func, source)
    return f"{receiver}.{text(source, name)}" if receiver else None


class _Functions(Mapping):
    """The functions of a file with a body, by key (`f`, `T.m` for a method), found
    when asked (`syntax.declared`): a pass over the top level of a large file cost
    the editor server 8 ms after every edit, where a few keys are asked."""

    def __init__(self, root: Any, source: bytes) -> None:
        self.root, self.source = root, source
        self.found: dict[str, list[Any]] = {}

    def __getitem__(self, key: str) -> list[Any]:
        found = self.found.get(key)
        if found is None and ":" in key:
            found = []  # a function of another package
        if found is None:
            receiver, method, name = key.rpartition(".")
            found = self.found[key] = [
                node for node in declared(self.root, self.source, name,
                                          "method_declaration" if method else "function_declaration")
                if node.child_by_field_name("body") is not None and (
                    not method or receiver_type(node, self.source) == receiver)]
        if not found:
            raise KeyError(key)
        return found

    def _all(self) -> list[str]:
        keys = []
        for node in self.root.named_children:
            if node.type in ("function_declaration", "method_declaration"):
                key = function_key(node, self.source)
                if key is not None and key not in keys and key in self:
                    keys.append(key)
        return keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def ownership_of(root: Any, source: bytes) -> Ownership:
    """One Ownership per file, kept in the file's memo."""
    memo = file_memo(source)
    found = memo.get(Ownership)
    if found is None or found.root != root:
        found = memo[Ownership] = Ownership(root, source)
    return found
