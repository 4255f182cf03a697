"""What the other files of a package declare: the package facts a file is analysed with.

Go's package block spans every file of a package (one folder, one package clause; an
external `_test` package is another package, and a non-test file does not see the
declarations of `_test.go` files). A file alone cannot type `c := newClient()` when
newClient is declared in a sibling, so each file is analysed with its siblings'
`exports`: the result types of their functions and methods, the fields of their
struct types (embedded ones included), the methods of their interfaces, the types of
their package-level variables, and the names they declare. Exports are plain data
(`GoType.to_dict`), so they can be pickled and cached.

Siblings are read from disk, whether the scan was given the whole folder, one file
(pre-commit) or an editor's buffer: the findings of a file never depend on how it was
handed over. They are read lazily, on the first question the file itself cannot
answer, so a file whose candidates need no package facts pays nothing. Exports come
from a quick pass: function bodies are cut out of the bytes (gofmt'd code closes a
top-level body with `}` at column 0) and only the rest is parsed; when the cut does
not parse cleanly, the whole file is parsed instead.
"""

from __future__ import annotations

import os
import re
from typing import Any

from goleaklint import parsing
from goleaklint.analysis.names import Names, declared_names, receiver_type
from goleaklint.syntax import forget, text

_FUNC = re.compile(rb"^func\b", re.M)
_CLOSE = re.compile(rb"^\}[ \t]*(?://[^\n]*)?\r?$", re.M)
_DOC = re.compile(rb"^//[^\n]*\n", re.M)
_CLAUSE = re.compile(rb"^package[ \t]+([A-Za-z_][A-Za-z0-9_]*)", re.M)


def skeleton(source: bytes) -> bytes | None:
    """source without the bodies of its top-level functions (and without whole-line
    comments at column 0); None when the layout is not gofmt's."""
    parts, pos = [], 0
    for match in _FUNC.finditer(source):
        start = match.start()
        if start < pos:
            continue
        line, body = start, -1
        while True:
            end = source.find(b"\n", line)
            if end < 0:
                return None
            stripped = source[line:end].rstrip()
            if stripped.endswith(b"{"):
                body = end
                break
            following = source[end + 1:end + 2]
            if (line == start and stripped.endswith(b"}")) or following not in (b"\t", b" ", b")"):
                break  # a one-line function, or a declaration without a body
            line = end + 1
        if body < 0:
            continue
        close = _CLOSE.search(source, body)
        if close is None:
            return None
        parts += [source[pos:body], b"\n}"]
        pos = close.end()
    parts.append(source[pos:])
    return _DOC.sub(b"", b"".join(parts))


def package_clause(source: bytes) -> str:
    match = _CLAUSE.search(source)
    return match.group(1).decode() if match else ""


def exports(source: bytes) -> dict[str, Any]:
    """What one file declares at package level, as plain data."""
    from goleaklint.analysis.types import Types  # types reads package facts from here

    cut = skeleton(source)
    root = parsing.parse(cut) if cut is not None else None
    if root is None or root.has_error:
        cut, root = source, parsing.parse(source)
    return _exports(root, cut, Types(Names(root, cut)))


def _dict(kind: Any) -> dict | None:
    return kind.to_dict() if kind is not None else None


def _exports(root: Any, source: bytes, types: Any) -> dict[str, Any]:
    functions: dict[str, list] = {}
    methods: dict[str, list] = {}
    declared: dict[str, dict] = {}
    variables: dict[str, dict | None] = {}
    for decl in root.named_children:
        kind = decl.type
        if kind == "function_declaration":
            name = decl.child_by_field_name("name")
            if name is not None:
                functions.setdefault(text(source, name), [_dict(r) for r in types._results_of(decl)])
        elif kind == "method_declaration":
            name = decl.child_by_field_name("name")
            receiver = receiver_type(decl, source)
            if name is not None and receiver:
                methods.setdefault(f"{receiver}.{text(source, name)}",
                                   [_dict(r) for r in types._results_of(decl)])
        elif kind == "type_declaration":
            for spec in decl.named_children:
                name = spec.child_by_field_name("name")
                if name is None or spec.type not in ("type_spec", "type_alias"):
                    continue
                declared.setdefault(text(source, name), _type_facts(spec, types))
        elif kind in ("var_declaration", "const_declaration"):
            for name in declared_names(decl):
                variables.setdefault(text(source, name), _dict(types.declared(name)))
    return {"package": package_clause(source), "functions": functions, "methods": methods,
            "types": declared, "vars": variables}


def _type_facts(spec: Any, types: Any) -> dict:
    """{"fields": [[name, type, embedded]...]} for a struct, {"methods": {name:
    results}} for an interface, {"alias": type} for an alias, {} otherwise."""
    body = spec.child_by_field_name("type")
    if spec.type == "type_alias":
        return {"alias": _dict(types.type_node(body))}
    if body is None:
        return {}
    if body.type == "struct_type":
        return {"fields": [[name, _dict(kind), embedded]
                           for name, kind, embedded in types.struct_fields(body)]}
    if body.type == "interface_type":
        return {"methods": {name: [_dict(r) for r in results]
                            for name, results in types.interface_methods(body).items()}}
    return {}


# --- the package of a file --------------------------------------------------------

_exports_memo: dict[str, tuple[tuple[int, int], dict]] = {}
# (sibling, its version, function key, parameter index) -> ownership effect.
_effects: dict[tuple, str] = {}
_MEMO_FILES = 4096


def _file_exports(path: str) -> tuple[dict | None, tuple[int, int] | None]:
    """(exports, (size, mtime_ns)) of the file at path, remembered while it is unchanged;
    (None, None) when it cannot be read or is not Go source."""
    try:
        stat = os.stat(path)
    except OSError:
        return None, None
    version = (stat.st_size, stat.st_mtime_ns)
    memo = _exports_memo.get(path)
    if memo is not None and memo[0] == version:
        return memo[1], version
    try:
        with open(path, "rb") as handle:
            source = handle.read()
    except OSError:
        return None, None
    if b"\0" in source:
        return None, None
    found = exports(source)
    if len(_exports_memo) >= _MEMO_FILES:
        _exports_memo.clear()
    _exports_memo[path] = (version, found)
    return found, version


def unchanged(path: str, siblings: dict[str, list[int]]) -> bool:
    """Whether the siblings a result of the file at path was computed with are still
    the same files, unchanged (for the result cache)."""
    if sorted(siblings) != Package(path, "").siblings_of():
        return False
    for sibling, version in siblings.items():
        try:
            stat = os.stat(sibling)
        except OSError:
            return not version
        if [stat.st_size, stat.st_mtime_ns] != version:
            return False
    return True


_current: list[Any] = [None]


def package_of(path: str, clause: str, source: bytes) -> "Package":
    """The Package of the file at path being analysed (source: its bytes), made anew
    for each analysis: its siblings may have changed since the last one."""
    package = _current[0]
    if package is None or package.source is not source or package.path != path:
        package = _current[0] = Package(path, clause, source)
    return package


def siblings_used(path: str, source: bytes) -> dict[str, list[int]] | None:
    """The siblings the analysis of source (the file at path) read for facts, with
    their (size, mtime_ns); None when it asked for no package facts."""
    package = _current[0]
    if package is None or package.path != path or package.source is not source \
            or package._merged is None:
        return None
    return package.siblings


class Package:
    """The package facts of the file at `path` whose package clause is `clause`: the
    merged exports of the other files of its folder with the same clause (for a file
    that is not a test, the `_test.go` files left out). Read on first use."""

    def __init__(self, path: str, clause: str, source: bytes = b"") -> None:
        self.path = path
        self.clause = clause
        self.source = source
        self._merged: dict[str, dict] | None = None
        self._read: list[str] = []  # the siblings of the package, in folder order
        # The siblings read, with the (size, mtime_ns) they had: a cached result that
        # used these facts is valid only while they are unchanged.
        self.siblings: dict[str, list[int]] = {}

    def siblings_of(self) -> list[str]:
        folder = os.path.dirname(self.path) or "."
        own = os.path.basename(self.path)
        try:
            entries = sorted(os.listdir(folder))
        except OSError:
            return []
        test = own.endswith("_test.go")
        return [os.path.join(folder, name) for name in entries
                if name.endswith(".go") and name != own and (test or not name.endswith("_test.go"))
                and not name.startswith((".", "_"))]

    @property
    def merged(self) -> dict[str, dict]:
        if self._merged is None:
            merged: dict[str, dict] = {"functions": {}, "methods": {}, "types": {}, "vars": {}}
            if self.clause:
                for sibling in self.siblings_of():
                    found, version = _file_exports(sibling)
                    self.siblings[sibling] = list(version) if version is not None else []
                    if found is None or found["package"] != self.clause:
                        continue
                    self._read.append(sibling)
                    for part, table in merged.items():
                        for name, value in found[part].items():
                            table.setdefault(name, value)
            self._merged = merged
        return self._merged

    def declaring(self, key: str) -> list[str]:
        """The siblings declaring the function `key`, or for `.m` a method named m."""
        self.merged
        found = []
        for sibling in self._read:
            facts = _exports_memo[sibling][1]
            if key[:1] == "." and any(m.endswith(key) for m in facts["methods"]) or \
                    key in facts["functions"]:
                found.append(sibling)
        return found

    def effect(self, key: str, index: int, classify_for: Any) -> str | None:
        """What the function `key` of a sibling does with its index-th parameter
        (analysis/ownership.py), summarised in the sibling's own file; None when no
        sibling declares it."""
        from goleaklint.analysis.ownership import RANK, ownership_of
        found = None
        for sibling in self.declaring(key):
            memo = (sibling, tuple(self.siblings[sibling]), key, index)
            effect = _effects.get(memo)
            if effect is None:
                try:
                    with open(sibling, "rb") as handle:
                        source = handle.read()
                except OSError:
                    return None
                try:
                    owners = ownership_of(parsing.parse(source), source)
                    effect = owners.effect(key, index, classify_for) \
                        if key in owners.functions else None
                finally:
                    forget(source)  # the analysed file's memo stays
                if effect is None:
                    continue
                if len(_effects) >= _MEMO_FILES:
                    _effects.clear()
                _effects[memo] = effect
            if found is None or RANK[effect] > RANK[found]:
                found = effect
        return found

    def declares(self, name: str) -> bool:
        merged = self.merged
        return any(name in merged[part] for part in ("functions", "types", "vars"))

    def function(self, name: str) -> list | None:
        return self.merged["functions"].get(name)

    def method(self, receiver: str, name: str) -> list | None:
        return self.merged["methods"].get(f"{receiver}.{name}")

    def type(self, name: str) -> dict | None:
        return self.merged["types"].get(name)

    def var(self, name: str) -> tuple[bool, dict | None]:
        """(declared?, its type) of a package-level variable or constant."""
        table = self.merged["vars"]
        return name in table, table.get(name)
