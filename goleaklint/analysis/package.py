"""What the other files of a package declare: the package facts a file is analysed with.

Go's package block spans every file of a package (one folder, one package clause; an
external `_test` package is another package, and a non-test file does not see the
declarations of `_test.go` files). A file alone cannot type `c := newClient()` when
newClient is declared in a sibling, so each file is analysed with its siblings'
facts: the result types of their functions and methods, the fields of their struct
types (embedded ones included), the methods of their interfaces, the types of their
package-level variables, the names they declare, and what their functions do with
their parameters (analysis/ownership.py). Answers are plain data (`GoType.to_dict`).

Siblings are read from disk, whether the scan was given the whole folder, one file
(pre-commit) or an editor's buffer: the findings of a file never depend on how it was
handed over. Nothing is read before the file asks a question it cannot answer alone,
so a file whose candidates need no package facts pays nothing. Then a quick pass
over the siblings' bytes (`index`, regular expressions over gofmt's layout) tells
which sibling declares the name asked about, and only that sibling is parsed, with
its function bodies cut out (`skeleton`; when the cut does not parse cleanly, the
whole file is parsed). Ownership summaries parse the declaring sibling whole.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import re
import stat
from typing import Any, Iterator

from ahocorasick_rs import BytesAhoCorasick

from goleaklint import parsing
from goleaklint.analysis import gomod
from goleaklint.analysis.names import Names, _signature_names
from goleaklint.syntax import LINE_COMMENT, forget, text

_FUNC = re.compile(rb"^func\b", re.M)
_CLOSE = re.compile(rb"^\}[ \t]*(?://[^\n]*)?\r?$", re.M)
_COMMENT = re.compile(rb"^[ \t]*//[^\n]*\n", re.M)
_CLAUSE = re.compile(rb"^package[ \t]+([A-Za-z_][A-Za-z0-9_]*)", re.M)


def skeleton(source: bytes) -> bytes | None:
    """source without the bodies of its top-level functions (and without its comment lines); None when the layout is not gofmt's."""
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
    return _COMMENT.sub(b"", b"".join(parts))


def package_clause(source: bytes) -> str:
    match = _CLAUSE.search(source)
    return match.group(1).decode() if match else ""


# Top-level declarations of gofmt'd source, found in the raw bytes: `func f`,
# `func (r *T) m`, `type T`, `var v`, `const c`, and the names of grouped blocks.
# Each is searched in "\n" + source: a pattern that starts with a newline where it
# would start with a multi-line `^` finds the same (over the corpus: 9.7 s -> 3.6 s).
_TOP = re.compile(rb"\n(?:func[ \t]+(?:\([^)\n]*?(\w+)(?:\[[^\]\n]*\])?\)[ \t]*)?(\w+)"
                  rb"|(type|var|const)[ \t]+(\w+))")
_GROUP = re.compile(rb"\n(type|var|const)[ \t]*\(\r?\n(.*?)(?<=\n)\)", re.S)
_MEMBER = re.compile(rb"^\t(\w+(?:[ \t]*,[ \t]*\w+)*)", re.M)


def index(source: bytes) -> dict[str, Any]:
    """The names a file declares at package level, by kind, read from its bytes
    without parsing: the quick pass that tells which sibling to ask."""
    functions, methods, types, values = set(), set(), set(), set()
    lines = b"\n" + source
    for match in _TOP.finditer(lines):
        receiver, name, keyword, declared = match.groups()
        if name is not None:
            (methods.add(f"{receiver.decode()}.{name.decode()}") if receiver is not None
             else functions.add(name.decode()))
        elif declared is not None:
            (types if keyword == b"type" else values).add(declared.decode())
    for group in _GROUP.finditer(lines):
        into = types if group.group(1) == b"type" else values
        for member in _MEMBER.finditer(group.group(2)):
            into.update(n.strip().decode() for n in member.group(1).split(b","))
    return {"package": package_clause(source), "functions": functions, "methods": methods,
            "types": types,
            "values": values}


class FileFacts:
    """The package-level facts of one file, answered on demand from its top-level
    declarations (parsed without function bodies, see `skeleton`) as plain data:
    results as lists of `GoType.to_dict()` (None for a type not stated)."""

    def __init__(self, source: bytes) -> None:
        from goleaklint.analysis.types import Types  # types reads package facts from here

        cut = skeleton(source)
        root = parsing.parse(cut) if cut is not None else None
        if root is None or root.has_error:
            cut, root = source, parsing.parse(source)
        self.names = _TopLevelNames(root, cut)
        self.types = Types(self.names)
        self.source = cut

    def function(self, name: str) -> list | None:
        decl = self.names.function(name)
        return self._results(decl) if decl is not None else None

    def method(self, receiver: str, name: str) -> list | None:
        decl = self.names.method(receiver, name)
        return self._results(decl) if decl is not None else None

    def _results(self, decl: Any) -> list:
        self.names.scope = decl
        return [_dict(r) for r in self.types._results_of(decl)]

    def type(self, name: str) -> dict | None:
        ident = self.names.top.get(name)
        spec = ident.parent if ident is not None else None
        if spec is None or spec.type not in ("type_spec", "type_alias"):
            return None
        self.names.scope = spec
        return _type_facts(spec, self.types)

    def constant(self, name: str) -> int | None:
        """The value of a package-level constant declared with an integer literal
        (`defaultWriteChSize = 1024`), else None."""
        return integer_constant(self.names.top.get(name), self.source)

    def var(self, name: str) -> tuple[bool, dict | None]:
        ident = self.names.top.get(name)
        statement = ident.parent if ident is not None else None
        if statement is None or statement.type not in ("var_spec", "const_spec"):
            return False, None
        if statement.type == "const_spec":
            return True, None  # constants hold no resource: declared, untyped
        self.names.scope = statement
        return True, _dict(self.types.declared(ident))


def integer_constant(ident: Any, source: bytes) -> int | None:
    """The value of the constant ident declares when its spec gives it an integer
    literal (`const n = 1024`, `n int = 1 << 10` is not read), else None."""
    spec = ident.parent if ident is not None else None
    if spec is None or spec.type != "const_spec":
        return None
    names = spec.children_by_field_name("name")
    values = spec.child_by_field_name("value")
    values = values.named_children if values is not None else []
    if ident not in names or len(values) != len(names):
        return None
    value = values[names.index(ident)]
    if value.type != "int_literal":
        return None
    try:
        return int(text(source, value).replace("_", ""), 0)
    except ValueError:
        return None


class _TopLevelNames(Names):
    """Names for the top-level declarations only. In a signature or a type, the only
    local names are the type parameters of the declaration (`scope`) being read."""

    scope: Any = None

    def _local(self, ident: Any, name: str) -> Any | None:
        scope = self.scope
        if scope is None or scope.child_by_field_name("type_parameters") is None:
            return None
        return next((n for n in _signature_names(scope) if text(self.source, n) == name), None)


def _dict(kind: Any) -> dict | None:
    return kind.to_dict() if kind is not None else None


def _type_facts(spec: Any, types: Any) -> dict:
    """{"fields": [[name, type, embedded]...]} for a struct, {"methods": {name:
    results}} for an interface, {"func": results} for a func type, {"alias": type}
    for an alias, {} otherwise."""
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
    if body.type == "function_type":
        return {"func": [_dict(r) for r in types._results_of(body)]}
    return {}


# --- the package of a file --------------------------------------------------------

# path -> ((size, mtime_ns), index): what each file read declares. Its bytes are read
# again for the few files asked in detail, rather than kept for all.
_indexes: dict[str, tuple[tuple[int, int], dict]] = {}
# (path, version) -> FileFacts of the files asked in detail, the most recent last.
_details: dict[tuple, FileFacts] = {}
# (path, version, question) -> answer (plain data).
_answers: dict[tuple, Any] = {}
# (file, its version, function key, parameter index[, "type"]) -> ownership effect
# (or the parameter's declared type), None when not known.
_effects: dict[tuple, Any] = {}
_MEMO_FILES, _DETAILED_FILES = 4096, 16


@functools.lru_cache(maxsize=32)
def parsed(source: bytes) -> Any:
    """The syntax tree of a file read whole, for the last 32 asked about: the files of
    a folder are analysed one after another (the engine parses each through here), and
    each asks about the same siblings (who calls a function, what it does with a
    parameter), so a file is parsed once whether it is analysed or read as a sibling
    first. Shared: the trees are never modified."""
    return parsing.parse(source)


# The files the scan read ahead: path -> ((size, mtime_ns), bytes). A worker reads its
# batch of files (a folder's, mostly) before it analyses them (engine.reading_ahead), and
# the readers of siblings below take their bytes from here: without it, a scan of the
# whole corpus opened every file 2.3 times.
_ahead: dict[str, tuple[tuple[int, int], bytes]] = {}
# folder -> its mtime_ns, taken once while files are held (`sibling_declarations`).
_stamps: dict[str, int] = {}
# folder -> its go_files, listed once while files are held.
_listed: dict[str, list[str] | None] = {}
# folder -> its go_files as the scan's discovery listed them (`listing_held`).
_discovered: dict[str, list[str]] = {}


@contextlib.contextmanager
def listing_held(listing: dict[str, list[str]]) -> Iterator[None]:
    """Within (a scan, its worker processes forked in it): `go_files` gives the
    listing discovery made of a folder (`engine.discover`), instead of listing the
    folder again for each batch of its files (a folder of the Debian corpus can hold
    thousands)."""
    _discovered.clear()
    _discovered.update(listing)
    try:
        yield
    finally:
        _discovered.clear()


def read_ahead(files: dict[str, tuple[tuple[int, int], bytes]]) -> None:
    """Hold files (path -> ((size, mtime_ns), bytes), as the scan read them) for the
    readers of siblings, in place of those held before."""
    _ahead.clear()
    _ahead.update(files)
    _stamps.clear()
    _listed.clear()
    _holding.clear()


# module root -> (import path -> the non-test files of the module importing it, the
# module's folders, its commands' folders): who imports a package, read once per module and process (the
# result cache records the folders and files an answer read, so it notices changes;
# a long editor session may miss a caller added elsewhere until it restarts).
_module_imports: dict[str, tuple[dict[str, list[str]], list[str], list[str]]] = {}
_MAIN_CLAUSE = re.compile(rb"^package\s+main\b", re.M)
# module root -> (its non-test files that call recover(), None until asked: `_recovering`;
# all its non-test files, read with _module_imports).
_module_recovers: dict[str, tuple[list[str] | None, list[str]]] = {}
# module root -> a digest of its folders (as module_folders walks them) with their [size,
# mtime_ns], taken once per module and process (`_module_digest`).
_module_folders: dict[str, str] = {}
_RECOVER = re.compile(rb"\brecover\(\s*\)")
# (module root, word) -> the module's non-test files that name word (Package.mentioning)
_module_mentions: dict[tuple[str, str], list[str]] = {}
# module root -> method name -> a file for each method so named its non-test files
# declare (Package.method_declarers)
_module_methods: dict[str, dict[bytes, list[str]]] = {}
_METHOD = re.compile(rb"^func\s*\([^)]*\)\s*(\w+)\s*[\[(]", re.M)
_IMPORT_BLOCK = re.compile(rb"^import\s*\((.*?)\)", re.M | re.S)
_IMPORT_LINE = re.compile(rb"^import\s+(?:[\w.]+\s+)?\"([^\"]+)\"", re.M)
_QUOTED = re.compile(rb"\"([^\"\s]+)\"")
_FIRST_DECLARATION = re.compile(rb"^(?:func|type|var|const)\b", re.M)


def read_file(path: str, size: int = -1) -> tuple[os.stat_result, bytes]:
    """The stat of the file at path, taken before its bytes are read, and its bytes (its
    first size bytes, when size >= 0), by plain system calls: the buffered file object
    of `open` cost more than reading a Go file of usual size (a scan opens about
    90,000). Raises OSError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        parts, got = [], 0
        while size < 0 or got < size:
            part = os.read(fd, size - got if size >= 0 else max(info.st_size + 1 - got, 1 << 16))
            if not part:
                break
            parts.append(part)
            got += len(part)
        return info, parts[0] if len(parts) == 1 else b"".join(parts)
    finally:
        os.close(fd)


def file_source(path: str) -> bytes | None:
    """The bytes of a Go file of the module (as the scan read it, when held)."""
    held = _held(path)
    if held is not None:
        return held[1]
    try:
        return read_file(path)[1]
    except OSError:
        return None


# path -> the bytes a file was analysed from where they are not the file's on disk:
# the fixer's fixed sources (`engine.relint`), while its package checks run.
_analysed: dict[str, bytes] = {}


@contextlib.contextmanager
def analysed_from(sources: dict[str, bytes]) -> Iterator[None]:
    """Within: `analysed_source` gives sources' bytes for their paths."""
    held = dict(_analysed)
    _analysed.update(sources)
    try:
        yield
    finally:
        _analysed.clear()
        _analysed.update(held)


def analysed_source(path: str) -> bytes | None:
    """The bytes the file at path was analysed from (`analysed_from`, else the file's
    on disk), for a package check that reads a file again; None when it cannot be read."""
    held = _analysed.get(path)
    if held is not None:
        return held
    try:
        return read_file(path)[1]
    except OSError:
        return None


# module root -> {import path: the folders of the `_test.go` files importing it}, read
# once per module and process when first asked (`test_imported`).
_module_tested: dict[str, dict[str, set[str]]] = {}


def test_imported(path: str) -> bool:
    """Whether a `_test.go` file of another folder of the module of the file at path
    (under the folder of the go.mod governing it, as `_module_index` walks it) imports
    the package of that file (its own folder's external tests do not count). Read from
    disk once per module and process, when first asked."""
    found = gomod.module_of(os.path.dirname(os.path.abspath(path)))
    if found is None:
        return False
    root, module = found
    relative = os.path.relpath(os.path.dirname(os.path.abspath(path)), root)
    import_path = module if relative == "." else module + "/" + relative.replace(os.sep, "/")
    tested = _module_tested.get(root)
    if tested is None:
        tested = _module_tested[root] = {}
        for folder in module_folders(root):
            for name in go_files(folder) or ():
                header = _header(os.path.join(folder, name)) if name.endswith("_test.go") else None
                if header is None:
                    continue
                paths = {m.group(1) for m in _IMPORT_LINE.finditer(header)}
                for block in _IMPORT_BLOCK.finditer(header):
                    paths |= {m.group(1) for m in _QUOTED.finditer(block.group(1))}
                for imported in paths:
                    tested.setdefault(imported.decode("utf-8", "replace"), set()).add(folder)
    own = os.path.normpath(os.path.dirname(os.path.abspath(path)))
    return any(os.path.normpath(folder) != own for folder in tested.get(import_path, ()))


# A folder the worker processes of one scan share (set by `engine._init_worker`): a
# module's index, built by one of them, is read there by the others (a module's folders
# go to both workers of a scan: a third of the indexes were built twice). Pickles: the
# folder is the scan's own, private and new (not a cache, which may come with a checkout).
_shared: list[str | None] = [None]


def _module_index(root: str) -> tuple[dict[str, list[str]], list[str], list[str]]:
    """(import path -> the module's non-test files that import it, the module's
    folders, the folders of its commands: `package main` outside test and example
    trees, `Package.library`): every folder under root the go command builds (no vendor, testdata,
    hidden or `_` folder, no nested module), each file's imports read by their text."""
    held = _module_imports.get(root)
    if held is not None:
        return held
    kept = os.path.join(_shared[0], hashlib.blake2b(root.encode(), digest_size=12).hexdigest()) \
        if _shared[0] is not None else None
    try:
        with open(kept, "rb") as handle:  # type: ignore[arg-type]
            importers, folders, commands, files = pickle.load(handle)
    except (OSError, TypeError, pickle.PickleError, EOFError, ValueError):
        pass
    else:
        _module_trees.setdefault(root, folders)
        _module_recovers[root] = (None, files)
        held = _module_imports[root] = (importers, folders, commands)
        return held
    importers = {}
    folders: list[str] = []
    commands: list[str] = []
    files: list[str] = []
    for folder in module_folders(root):
        folders.append(folder)
        for name in go_files(folder) or ():
            if name.endswith("_test.go"):
                continue
            path = os.path.join(folder, name)
            header = _header(path)
            if header is None:
                continue
            files.append(path)
            if (not commands or commands[-1] != folder) and _MAIN_CLAUSE.search(header) and \
                    not gomod.in_test_or_example_tree(path):
                commands.append(folder)
            paths = {m.group(1) for m in _IMPORT_LINE.finditer(header)}
            for block in _IMPORT_BLOCK.finditer(header):
                paths |= {m.group(1) for m in _QUOTED.finditer(block.group(1))}
            for imported in paths:
                importers.setdefault(imported.decode("utf-8", "replace"), []).append(path)
    held = _module_imports[root] = (importers, folders, commands)
    _module_recovers[root] = (None, files)
    if kept is not None:
        try:
            with open(kept + f".{os.getpid()}", "wb") as handle:
                pickle.dump((importers, folders, commands, files), handle, pickle.HIGHEST_PROTOCOL)
            os.replace(kept + f".{os.getpid()}", kept)  # whole or not there
        except OSError:
            pass
    return held


def _header(path: str) -> bytes | None:
    """The bytes of the Go file at path before its first top-level declaration (the
    package clause and imports: the whole file when it declares nothing), read only as
    far as that (most of a module's bytes lie in a few large generated files); None
    when it cannot be read."""
    held = _held(path)
    try:
        if held is not None:
            source = held[1]
        else:
            source = read_file(path, _HEAD)[1]
            end = _FIRST_DECLARATION.search(source)
            while end is None or end.end() >= len(source):  # `\b` needs the byte after it
                more = read_file(path, 2 * len(source))[1]  # rarely: a header past _HEAD
                if len(more) == len(source):
                    break
                source = more
                end = _FIRST_DECLARATION.search(source)
    except OSError:
        return None
    end = _FIRST_DECLARATION.search(source)
    return source[:end.start()] if end is not None else source


def _module_files(root: str) -> tuple[list[str] | None, list[str]]:
    """_module_recovers' entry of the module at root, its index read first if no answer
    of this process has read it yet (a scan of one rule may ask for mentions first)."""
    _module_index(root)
    return _module_recovers[root]


def _recovering(root: str) -> list[str]:
    """The non-test files of the module at root (`_module_index` read) that call
    `recover()`, read once per module and process when first asked."""
    holding, files = _module_files(root)
    if holding is None:
        holding = []
        for path in files:
            source = file_source(path) or b""
            if b"recover(" in source and _RECOVER.search(LINE_COMMENT.sub(b"", source)):
                holding.append(path)
        _module_recovers[root] = (holding, files)
    return holding


# module root -> its folders, as `module_folders` walks them, once per module and process.
_module_trees: dict[str, list[str]] = {}


def module_folders(root: str) -> list[str]:
    """Every folder under the module root that the go command builds (no vendor,
    testdata, hidden or `_` folder, no nested module), walked once per process.
    Shared: do not modify."""
    held = _module_trees.get(root)
    if held is None:
        held = _module_trees[root] = []
        for folder, subfolders, _ in os.walk(root):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "_")) and
                                   d not in ("vendor", "testdata") and
                                   not gomod.module_file(os.path.join(folder, d)))
            held.append(folder)
    return held


def _module_digest(root: str) -> str:
    """A digest of the module's folders with their versions (`_module_folders`), taken
    once per module and process: what a result that read the module's index records for
    the result cache (`MODULE_MARK`), one entry instead of every folder of the module
    (those were 10 of the 15.7 MB of the whole corpus's cache)."""
    held = _module_folders.get(root)
    if held is None:
        held = _module_folders[root] = _folders_stamp(root)
    return held


def _folders_stamp(root: str) -> str:
    """A digest of the module's folders with their versions, taken now."""
    versions: dict[str, list[int]] = {}
    for folder in module_folders(root):
        _record(versions, folder)
    return hashlib.blake2b(repr(sorted(versions.items())).encode(), digest_size=12).hexdigest()


# The key under which a result records the digest of a module's folders (`_module_digest`)
# in `imports_used`: the mark and the module's root (no path starts with a NUL byte).
MODULE_MARK = "\0module:"


def _held(path: str) -> tuple[tuple[int, int], bytes] | None:
    return _ahead.get(os.path.normpath(path)) if _ahead else None


def go_files(folder: str) -> list[str] | None:
    """The names of the Go files of folder that the go tool reads (not starting with
    `.` or `_`; tests and every package clause included), in name order; None when the
    folder cannot be read. The one listing every reader of a package's files uses.
    While a scan's batch is held (`read_ahead`), a folder is listed once, as it was
    then, or while the scan's discovery listing is held (`listing_held`), as that
    listed it. Shared: do not modify."""
    if _discovered:
        found = _discovered.get(folder)
        if found is not None:
            return found
    if _ahead and folder in _listed:
        return _listed[folder]
    try:
        found = sorted(n for n in os.listdir(folder) if n.endswith(".go") and not n.startswith((".", "_")))
    except OSError:
        found = None
    if _ahead:
        _listed[folder] = found
    return found


def _file_index(path: str) -> tuple[dict | None, tuple[int, int] | None]:
    """(index, (size, mtime_ns)) of the file at path, remembered while it is unchanged;
    (None, None) when it cannot be read or is not Go source."""
    held = _held(path)
    if held is None:
        try:
            stat = os.stat(path)
        except OSError:
            return None, None
    version = held[0] if held is not None else (stat.st_size, stat.st_mtime_ns)
    memo = _indexes.get(path)
    if memo is not None and memo[0] == version:
        return memo[1], version
    if held is not None:
        source = held[1]
    else:
        try:
            source = read_file(path)[1]
        except OSError:
            return None, None
    if b"\0" in source:
        return None, None
    found = index(source)
    if len(_indexes) >= _MEMO_FILES:
        _indexes.clear()
        _answers.clear()
    _indexes[path] = (version, found)
    return found, version


def _source(path: str, version: tuple[int, int]) -> bytes | None:
    """The bytes of a file indexed at version; None when it has changed since."""
    held = _held(path)
    if held is not None and held[0] == version:
        return held[1]
    try:
        stat, source = read_file(path)
    except OSError:
        return None
    return source if (stat.st_size, stat.st_mtime_ns) == version else None


def _ask(path: str, question: str, *args: str) -> Any:
    """FileFacts(path).question(*args) for a file already indexed, remembered; None
    when the file changed since it was indexed (or cannot be read now: the memo of
    indexes may have been emptied since, when it grew full)."""
    memo = _indexes.get(path)
    version = memo[0] if memo is not None else _file_index(path)[1]
    if version is None:
        return None
    key = (path, version, question, *args)
    if key in _answers:
        return _answers[key]
    facts = _details.pop((path, version), None)
    if facts is None:
        source = _source(path, version)
        if source is None:
            return None
        facts = FileFacts(source)
    _details[(path, version)] = facts
    while len(_details) > _DETAILED_FILES:
        del _details[next(iter(_details))]
    answer = _answers[key] = getattr(facts, question)(*args)
    return answer


def unchanged(path: str, stamp: str) -> bool:
    """Whether the siblings a result of the file at path was computed with are still
    the same files, unchanged (for the result cache; stamp: `siblings_used`)."""
    current: dict[str, list[int]] = {}
    for sibling in Package(path, "").siblings_of():
        _record(current, sibling)
    return _stamp(current) == stamp


def _stamp(siblings: dict[str, list[int]]) -> str:
    """A digest of the names of siblings (files of one folder) and their versions
    ([size, mtime_ns], [] for one that cannot be read)."""
    listed = sorted((os.path.basename(sibling), version) for sibling, version in siblings.items())
    return hashlib.blake2b(repr(listed).encode(), digest_size=12).hexdigest()


_current: list[Any] = [None]
# True while the summary of a function of another package of the module is computed
# with its package's files: that package's own facts do not reach further packages.
_summarising = [False]


def _record(files: dict[str, list[int]], path: str) -> None:
    """Keep path's (size, mtime_ns) in files, [] when it cannot be read."""
    try:
        stat = os.stat(path)
        files[path] = [stat.st_size, stat.st_mtime_ns]
    except OSError:
        files[path] = []


def package_of(path: str, clause: str, source: bytes) -> "Package":
    """The Package of the file at path being analysed (source: its bytes), made anew
    for each analysis: its siblings may have changed since the last one."""
    package = _current[0]
    if package is None or package.source is not source or package.path != path:
        package = _current[0] = Package(path, clause, source)
    return package


def imports_used(path: str, source: bytes) -> dict[str, list[int]] | None:
    """The files of other packages of the module that the analysis of source (the
    file at path) read for summaries, with their (size, mtime_ns); None when none."""
    package = _current[0]
    if package is None or package.path != path or package.source is not source or not package.imports:
        return None
    return package.imports


def imports_unchanged(files: Any, digests: dict[str, str] | None = None) -> bool:
    """Whether the files `imports_used` recorded are still the same (for the result
    cache). The folder of each such package is recorded too: its (size, mtime_ns)
    moves when a file is added to it, removed or renamed; so is a digest of a module's
    folders (`MODULE_MARK`), taken again here, or once per module and scan with
    digests (a dict the caller keeps for one scan)."""
    if not isinstance(files, dict):
        return False
    for file, version in files.items():
        if file.startswith(MODULE_MARK):
            root = file[len(MODULE_MARK):]
            current = digests.get(root) if digests is not None else None
            if current is None:
                current = _folders_stamp(root)
                if digests is not None:
                    digests[root] = current
            if current != version:
                return False
            continue
        try:
            stat = os.stat(file)
        except OSError:
            if version:
                return False
            continue
        if [stat.st_size, stat.st_mtime_ns] != version:
            return False
    return True


def siblings_used(path: str, source: bytes) -> str | None:
    """A digest of the siblings the analysis of source (the file at path) read for
    facts, or that `package_holds` found holding nothing, with their (size, mtime_ns),
    for `unchanged`; None when it asked for no package facts. A digest, not the list:
    each file of a folder of n files lists the other n - 1, which a scan sends to its
    parent and keeps in its cache (5 MB of the whole corpus's 10)."""
    package = _current[0]
    found = None
    if package is not None and package.path == path and package.source is source \
            and package._read is not None:
        found = package.siblings
    gated = _gated[0]
    if gated is not None and gated[0] == path and gated[1] is source:
        found = {**gated[2], **(found or {})}
    return _stamp(found) if found is not None else None


@functools.lru_cache(maxsize=None)
def _finder(words: tuple[bytes, ...]) -> BytesAhoCorasick:
    return BytesAhoCorasick(words)


def _holds(source: bytes, pattern: re.Pattern, starts: tuple[bytes, ...]) -> bool:
    """pattern.search(source) is not None, for a pattern each of whose matches starts
    with one of the words starts: tried only where one is, all found in one pass (the
    pattern's own search, or one for a pattern of the words, is four times slower)."""
    return any(pattern.match(source, start) is not None
               for _, start, _ in _finder(starts).find_matches_as_indexes(source, overlapping=True))


# The last file that `package_holds` found none of whose siblings holds a match:
# (path, its bytes, {sibling: [size, mtime_ns]}).
_gated: list[Any] = [None]
# (folder, tests too, pattern) -> ({file: [size, mtime_ns]}, the files holding a match)
# of the folder's go_files (`_test.go` ones only with tests too), while a batch is held.
_holding: dict[tuple, tuple[dict[str, list[int]], set[str]]] = {}


def package_holds(path: str, source: bytes, pattern: re.Pattern, starts: tuple[bytes, ...],
                  tests: bool = False) -> bool:
    """Whether source (the file at path) or one of the files a Package of it reads
    (`Package.siblings_of`: the other Go files of its folder, `_test.go` ones only for
    a test file or with tests; of any package clause) holds a match of pattern, each of whose
    matches starts with one of the words starts. When none does, the
    siblings' versions are kept for `siblings_used`: the answer holds for the result
    cache only while they are unchanged. A sibling that cannot be read holds none."""
    if _holds(source, pattern, starts):
        return True
    folder = os.path.dirname(path) or "."
    own = os.path.basename(path)
    test = own.endswith("_test.go") or tests
    key = (folder, test, pattern.pattern)
    found = _holding.get(key) if _ahead else None
    if found is None:
        versions: dict[str, list[int]] = {}
        holding: set[str] = set()
        for name in go_files(folder) or ():
            if not (test or not name.endswith("_test.go")):
                continue
            sibling = os.path.join(folder, name)
            held = _held(sibling)
            if held is not None:
                version, other = held[0], held[1]
            else:
                try:
                    info = os.stat(sibling)
                except OSError:
                    versions[sibling] = []
                    continue
                version = (info.st_size, info.st_mtime_ns)
                other = _source(sibling, version)
            versions[sibling] = list(version)
            if other is not None and _holds(other, pattern, starts):
                holding.add(sibling)
        found = (versions, holding)
        if _ahead:
            _holding[key] = found
    versions, holding = found
    mine = os.path.join(folder, own)
    if holding - {mine}:
        return True
    # The result cache compares the siblings a Package of the file reads (a non-test
    # file's: no `_test.go` ones): a test sibling asked with tests is not kept, so an
    # edit of one alone leaves such an answer as it was until the file is analysed again.
    _gated[0] = (path, source, {sibling: version for sibling, version in versions.items() if sibling != mine
                                and (own.endswith("_test.go") or not sibling.endswith("_test.go"))})
    return False


class Package:
    """The package facts of the file at `path` whose package clause is `clause`: what
    the other files of its folder with the same clause declare (for a file that is not
    a test, the `_test.go` files left out), the first file in name order winning.
    Siblings are indexed on the first question, and parsed only when they declare
    what is asked."""

    def __init__(self, path: str, clause: str, source: bytes = b"") -> None:
        self.path = path
        self.clause = clause
        self.source = source
        self._read: list[tuple[str, dict]] | None = None  # (sibling, its index)
        # Every sibling listed, with the (size, mtime_ns) it had: a cached result that
        # used these facts is valid only while they are unchanged.
        self.siblings: dict[str, list[int]] = {}
        # Likewise the files of other packages of the module read for summaries
        # (`imported_effect`), [] for one that could not be read.
        self.imports: dict[str, list[int]] = {}
        # (root, module path) of the file's module, once asked; the folders of the
        # packages of it asked for (module_package), and the files declaring a function
        # of one (_declaring)
        self._module: tuple[str, str] | None | bool = False
        self._folders: dict[str, str | None] = {}
        self._declared: dict[str, list[str]] = {}

    def siblings_of(self) -> list[str]:
        folder = os.path.dirname(self.path) or "."
        own = os.path.basename(self.path)
        test = own.endswith("_test.go")
        return [os.path.join(folder, name) for name in go_files(folder) or ()
                if name != own and (test or not name.endswith("_test.go"))]

    @property
    def read(self) -> list[tuple[str, dict]]:
        if self._read is None:
            self._read = []
            for sibling in self.siblings_of() if self.clause else ():
                found, version = _file_index(sibling)
                self.siblings[sibling] = list(version) if version is not None else []
                if found is not None and found["package"] == self.clause:
                    self._read.append((sibling, found))
        return self._read

    def sources(self) -> list[bytes]:
        """The bytes of the siblings, as they were when indexed (one changed since is
        left out), for questions the index does not answer (who mentions a name)."""
        found = []
        for sibling, _ in self.read:
            version = self.siblings.get(sibling)
            source = _source(sibling, tuple(version)) if version else None  # type: ignore[arg-type]
            if source is not None:
                found.append(source)
        return found

    def _first(self, kind: str, name: str, question: str, *args: str) -> Any:
        for sibling, found in self.read:
            if name in found[kind]:
                answer = _ask(sibling, question, *args)
                if answer is not None:
                    return answer
        return None

    def declares(self, name: str) -> bool:
        return any(name in found[kind] for _, found in self.read
                   for kind in ("functions", "types", "values"))

    def function(self, name: str) -> list | None:
        return self._first("functions", name, "function", name)

    def method(self, receiver: str, name: str) -> list | None:
        return self._first("methods", f"{receiver}.{name}", "method", receiver, name)

    def type(self, name: str) -> dict | None:
        return self._first("types", name, "type", name)

    def constant(self, name: str) -> int | None:
        """The integer literal a package-level constant of a sibling is declared with."""
        return self._first("values", name, "constant", name)

    def var(self, name: str) -> tuple[bool, dict | None]:
        """(declared?, its type) of a package-level variable or constant."""
        found = self._first("values", name, "var", name)
        return tuple(found) if found is not None else (False, None)  # type: ignore[return-value]

    def declaring(self, key: str) -> list[str]:
        """The siblings declaring the function `key`, or for `T.m` the method m of T."""
        kind = "methods" if "." in key else "functions"
        return [s for s, found in self.read if key in found[kind]]

    def _module_of(self) -> tuple[str, str] | None:
        """(root folder, module path) of the module (or GOPATH repository) of this
        file, found once; None outside one."""
        if self._module is False:
            mine = os.path.dirname(os.path.abspath(self.path))
            self._module = gomod.module_of(mine) or gomod.gopath_repository(mine)
        return self._module  # type: ignore[return-value]

    def module(self) -> tuple[str, str] | None:
        """(root folder, module path) of the file's module (or GOPATH repository); None
        outside one."""
        return self._module_of()

    def module_package(self, import_path: str) -> str | None:
        """The folder of the package import_path when it is another package of this
        file's module (the go.mod above it names the module path it starts with; without
        one, of its repository under a GOPATH `src` folder, `gomod.gopath_repository`),
        else None: its source is at hand, where other modules' is not."""
        if _summarising[0]:
            return None  # a package's summary reads its own files, not further packages
        if import_path in self._folders:  # a file's calls of other packages ask again and again
            return self._folders[import_path]
        own = os.path.dirname(os.path.abspath(self.path))
        found = self._module_of()
        if found is None:
            return None
        root, module = found
        if import_path != module and not import_path.startswith(module + "/"):
            self._folders[import_path] = None
            return None
        gomod_path = gomod.module_file(root) or os.path.join(root, "go.mod")
        if gomod_path not in self.imports:
            _record(self.imports, gomod_path)
        folder = os.path.join(root, *import_path[len(module):].split("/"))
        # the file's own folder holds another package only for an external test package
        # (`package invoices_test` beside `package invoices`)
        other = os.path.normpath(folder) != os.path.normpath(own) or self.clause.endswith("_test")
        found = self._folders[import_path] = folder if other else None
        return found

    def importers(self, path: str | None = None) -> tuple[str, list[str]] | None:
        """(the import path of this package, or of the module's package of the file at
        path, the files of the module's other packages that import it, set-aside
        folders left in); None outside a module. A digest of the module's folders and every
        such file is recorded for the result cache: a caller added or changed anywhere
        in the module is noticed."""
        if _summarising[0]:
            return None
        own = os.path.dirname(os.path.abspath(path or self.path))
        found = self._module_of()
        if found is None:
            return None
        root, module = found
        relative = os.path.relpath(own, root)
        if relative.startswith(".."):
            return None
        import_path = module if relative == "." else module + "/" + relative.replace(os.sep, "/")
        importers = _module_index(root)[0]
        self._record_folders(root)
        files = [f for f in importers.get(import_path, ()) if os.path.dirname(f) != own]
        for file in files:
            _record(self.imports, file)
        return import_path, files

    def library(self, path: str | None = None, words: tuple[str, ...] = ()) -> bool | None:
        """Whether the file's package (or the module's package of the file at path) is a
        library's, whose exported API users the module does not show call any number of
        times: the package is not under an `internal` folder of its module, and the
        module is not an application (`application`; a library may keep tools and test
        programs elsewhere), or its example programs import the package and, given words
        (a function's name, a method's type), one of them names one (an application's
        package that also serves an SDK's examples is a library's only for what they
        use). None outside a known module."""
        found = self.importers(path)  # also records the module's folders for the result cache
        if found is None:
            return None
        root, _ = self._module  # type: ignore[misc]
        relative = os.path.relpath(os.path.dirname(os.path.abspath(path or self.path)), root).split(os.sep)
        if "internal" in relative:
            return False
        return not self.application() or self.in_examples(path, words)

    def application(self) -> bool:
        """Whether the file's module is an application's: a `package main` in its root
        folder or under a `cmd` folder (outside test and example trees); False outside
        a known module."""
        if self.importers() is None:
            return False
        root = self._module[0]  # type: ignore[index]
        return any(os.path.normpath(folder) == os.path.normpath(root) or
                   "cmd" in os.path.relpath(folder, root).split(os.sep) for folder in _module_index(root)[2])

    def in_examples(self, path: str | None = None, words: tuple[str, ...] = ()) -> bool:
        """Whether the module's example programs (`gomod.in_example_tree`) import the
        file's package (or the module's package of the file at path) and, given words,
        name one of them: they show its users calling it."""
        found = self.importers(path)
        return found is not None and any(gomod.in_example_tree(file) and (not words or any(
            re.search(rb"\b" + re.escape(word.encode()) + rb"\b", file_source(file) or b"") for word in words))
            for file in found[1])

    def recovers(self) -> bool | None:
        """Whether a non-test file of the module (as `_module_index` walks it) calls
        `recover()`; None outside a module. Without one, a panic that no net/http
        handler's recover catches ends the process. The files read are recorded for the
        result cache: those holding the call, or every one when none does."""
        if _summarising[0]:
            return None
        found = self._module_of()
        if found is None:
            return None
        root = found[0]
        self._record_folders(root)
        holding, files = _recovering(root), _module_files(root)[1]
        for path in holding or files:
            self.record(path)
        return bool(holding)

    def mentioning(self, word: str) -> list[str] | None:
        """The non-test files of the module (as `_module_index` walks it) that name word
        other than in a function's or method's declaration (`func (m *M) word(`) or a
        line comment: a call, a method value; None outside a module. Read once per module and word;
        the files read are recorded for the result cache (those naming it, or every one
        when none does)."""
        if _summarising[0]:
            return None
        found = self._module_of()
        if found is None:
            return None
        root = found[0]
        self._record_folders(root)
        key = (root, word)
        if key not in _module_mentions:
            use = re.compile(rb"\b" + re.escape(word.encode()) + rb"\b")
            declared = re.compile(rb"^func\s*(?:\([^)]*\)\s*)?" + re.escape(word.encode()) + rb"\b", re.M)
            found = []
            for file in _module_files(root)[1]:
                source = file_source(file) or b""
                if word.encode() not in source:
                    continue
                source = LINE_COMMENT.sub(b"", source)
                headers = {m.end() for m in declared.finditer(source)}
                if any(m.end() not in headers for m in use.finditer(source)):
                    found.append(file)
            _module_mentions[key] = found
        holding = _module_mentions[key]
        for path in holding or _module_files(root)[1]:
            self.record(path)
        return holding

    def method_declarers(self, word: str) -> int | None:
        """How many methods named word the module's non-test files declare (`func (r
        *R) word(`); None outside a module. The module's method names are read once per
        module (`_module_methods`); the declaring files are recorded for the result
        cache."""
        if _summarising[0] or self.importers() is None:
            return None
        root = self._module[0]  # type: ignore[index]
        if root not in _module_methods:
            declared: dict[bytes, list[str]] = {}
            for file in _module_files(root)[1]:
                for found in _METHOD.finditer(file_source(file) or b""):
                    declared.setdefault(found.group(1), []).append(file)
            _module_methods[root] = declared
        files = _module_methods[root].get(word.encode(), [])
        for path in files:
            self.record(path)
        return len(files)

    def _record_folders(self, root: str) -> None:
        """Record the module's folders (for the result cache): a file added to or removed
        from one moves its version."""
        self.imports[MODULE_MARK + root] = _module_digest(root)

    def record(self, path: str) -> None:
        """Record a file of another package read for an answer (for the result cache)."""
        if path not in self.imports:
            _record(self.imports, path)

    def module_function(self, import_path: str, name: str) -> list | None:
        """The results of the exported function name of import_path when that is
        another package of the module (see `module_package`), as `function` gives them,
        with the types that package declares named by its import path; None when not
        known."""
        if not name[:1].isupper() or self.module_package(import_path) is None:
            return None
        declaring, local = self._declaring(f"{import_path}:{name}")
        for file in declaring:
            answer = _ask(file, "function", local)
            if answer is not None:
                return [_qualified(r, import_path) for r in answer]
        return None

    def _declaring(self, key: str) -> tuple[list[str], str]:
        """(the files declaring the function `key`, its key there): siblings (see
        `declaring`), or for `path:F` (`path:T.m`, the method m of T) the files of that
        other package of the module (see `module_package`) that declare it, recorded for
        the result cache."""
        if ":" not in key:
            return self.declaring(key), key
        path, name = key.rsplit(":", 1)
        if key in self._declared and not _summarising[0]:
            return self._declared[key], name
        folder = self.module_package(path)
        declaring = []
        if folder is not None:
            _record(self.imports, folder)  # a file added there is noticed
        for name_ in go_files(folder) or () if folder is not None else ():
            if name_.endswith("_test.go"):
                continue
            file = os.path.join(folder, name_)
            found, version = _file_index(file)
            self.imports[file] = list(version) if version is not None else []
            if found is not None and name in found["methods" if "." in name else "functions"]:
                declaring.append(file)
        if not _summarising[0]:
            self._declared[key] = declaring
        return declaring, name

    def _each_declaring(self, key: str, question: tuple, answer: Any) -> Iterator[Any]:
        """answer(ownership of the file, its key there) for each file declaring the
        function `key` (see `_declaring`), read whole and alone, remembered under
        question; answers that are None are left out."""
        from goleaklint.analysis.ownership import ownership_of
        declaring, local = self._declaring(key)
        other = ":" in key  # another package of the module: read with its own files
        for sibling in declaring:
            indexed = _indexes.get(sibling)
            version = indexed[0] if indexed is not None else _file_index(sibling)[1]
            if version is None:
                continue
            # Another package's answer also depends on the files of its folder.
            folder = os.path.dirname(sibling)
            memo = (sibling, version, local, *question, *(
                (f, *v) for f, v in sorted(self.imports.items()) if other and os.path.dirname(f) == folder))
            if memo not in _effects:
                source = _source(sibling, version)
                if source is None:
                    continue
                saved, nested = _current[0], other and not _summarising[0]
                try:
                    owners = ownership_of(parsed(source), source)
                    if nested:
                        # What the function hands on to a function of another file of
                        # its package is followed there, as in the file's own package
                        # (whose facts become the current ones until it is done).
                        owners.names.path, _summarising[0] = sibling, True
                    found = answer(owners, local) if local in owners.functions else None
                    read = _current[0]
                    if nested and read is not None and read.path == sibling:
                        self.imports.update(read.siblings)
                finally:
                    if nested:
                        _summarising[0] = False
                    _current[0] = saved
                    forget(source)  # the analysed file's memo stays
                if len(_effects) >= _MEMO_FILES:
                    _effects.clear()
                _effects[memo] = found
            if _effects[memo] is not None:
                yield _effects[memo]

    def effect(self, key: str, index: int, classify_for: Any) -> str | None:
        """What the function `key` of a sibling does with its index-th parameter
        (analysis/ownership.py), summarised in the sibling's own file; None when no
        sibling declares it. A key `path:F` names the function F of another package
        of the module (see `module_package`), summarised in the file declaring it."""
        from goleaklint.analysis.ownership import RANK
        found = None
        for effect in self._each_declaring(key, (index,), lambda owners, local: owners.effect(
                local, index, classify_for)):
            if found is None or RANK[effect] > RANK[found]:
                found = effect
        return found

    def parameter_type(self, key: str, index: int) -> str | None:
        """The type the function `key` (see `effect`) declares its index-th parameter
        with, as written (`*sql.Rows`); None when not known or not the same in every
        declaring file."""
        found = set(self._each_declaring(key, (index, "type"), lambda owners, local: owners.parameter_type(
            local, index)))
        return found.pop() if len(found) == 1 else None

    def summarised(self, key: str, question: str, summarise: Any, holds: bytes = b"") -> list:
        """summarise(local key, root, source) of each file declaring the function
        `key` (see `_declaring`: a sibling, or for `path:F` a file of that other package
        of the module), computed on that file alone (without package facts of its
        own) and remembered under question: what a rule needs to know of a function
        it cannot see (`does it return a response it leaves open?`), as plain data.
        A file whose bytes do not hold `holds` (what summarise looks for is written
        with it) answers False without being parsed."""
        found = []
        declaring, local = self._declaring(key)
        for sibling in declaring:
            indexed = _indexes.get(sibling)
            version = indexed[0] if indexed is not None else _file_index(sibling)[1]
            if version is None:
                continue
            memo = (sibling, version, question, local)
            if memo not in _answers:
                source = _source(sibling, version)
                if source is None:
                    continue
                if holds not in source:
                    _answers[memo] = False
                else:
                    try:
                        _answers[memo] = summarise(local, parsed(source), source)
                    finally:
                        forget(source)  # the analysed file's memo stays
            found.append(_answers[memo])
        return found


# (folder, its mtime_ns, word, pattern, hint) -> {file name: (package clause, names)}.
# A file's imports come before its first other declaration: a file whose first _HEAD
# bytes reach one without holding the word does not import it.
_HEAD = 4096
_DECLARATION = re.compile(rb"^(?:func|type|var|const)\b", re.M)
_declared_by_folder: dict[tuple, dict[str, tuple[str, frozenset[str]]]] = {}


def _qualified(data: dict | None, path: str) -> dict | None:
    """A type (as `GoType.to_dict` gives it) read in the package path, its own named
    types (path "") named by path: `*Event` of package watch is `*watch.Event` here."""
    if data is None:
        return None
    found = dict(data)
    if found["kind"] == "named" and not found.get("path"):
        found["path"] = path
    for name in ("elem", "key"):
        if name in found:
            found[name] = _qualified(found[name], path)
    if "results" in found:
        found["results"] = [_qualified(r, path) for r in found["results"]]
    return found


def forget_folder(folder: str) -> None:
    """Drop what `sibling_declarations` remembers of folder: a file there was changed
    in place (its mtime moved, not the folder's). The editor server tells."""
    for key in [k for k in _declared_by_folder if k[0] == folder]:
        del _declared_by_folder[key]


def sibling_declarations(path: str, source: bytes, word: bytes, pattern: re.Pattern,
                         hint: bytes | tuple[bytes, ...] = b"", by_line: bool = False) -> set[str]:
    """What pattern's group captures (the one that matched, of several alternatives) in
    the other files of the package of the file at path (source: its bytes) that import
    word (an import path), of those that
    hold hint (bytes every match of pattern holds, or a tuple of which every match
    holds one: a search for them is much faster
    than the pattern's, whose matches start at a line's start): a prefilter that tells,
    without parsing, whether a file can call something its siblings declare. Read once
    per folder while the folder's entries stay the same (its mtime); a sibling edited
    in place is read again only then (or after `forget_folder`), which at worst leaves
    a file unchecked. by_line: each match of pattern lies on one line, from its start
    (`^` under re.M), and holds one of hint: only the lines holding one are tried (the
    pattern over whole files cost a second over the corpus's folders)."""
    folder = os.path.dirname(path) or "."
    stamp = _stamps.get(folder)
    if stamp is None:
        try:
            stamp = os.stat(folder).st_mtime_ns
        except OSError:
            return set()
        if _ahead:  # a scan's batch: the folder is taken as it was when read
            _stamps[folder] = stamp
    key = (folder, stamp, word, pattern.pattern, hint)
    declared = _declared_by_folder.get(key)
    if declared is None:
        declared = {}
        for name in go_files(folder) or ():
            held = _held(os.path.join(folder, name))
            try:
                if held is not None:
                    other = held[1]
                    if other.find(word, 0, _HEAD) < 0 and (word not in other or _DECLARATION.search(other, 0, _HEAD)):
                        continue  # most files: past their imports without the word (generated ones: large)
                else:
                    other = read_file(os.path.join(folder, name), _HEAD)[1]
                    if word not in other and _DECLARATION.search(other):
                        continue  # past its imports without the word: most files, half read
                    if len(other) == _HEAD:
                        other = read_file(os.path.join(folder, name))[1]
            except OSError:
                continue
            if word in other:
                hints = hint if isinstance(hint, tuple) else (hint,)
                found = _by_line(pattern, other, hints) if by_line else \
                    pattern.finditer(other) if any(h in other for h in hints) else ()
                names = frozenset(m.group(m.lastindex or 0).decode() for m in found)
                if names:  # a file declaring none adds none: most folders then hold none
                    declared[name] = (package_clause(other), names)
        if len(_declared_by_folder) >= _MEMO_FILES:
            _declared_by_folder.clear()
        _declared_by_folder[key] = declared
    if not declared:
        return set()
    own, clause = os.path.basename(path), package_clause(source)
    test = own.endswith("_test.go")
    return {n for name, (other, names) in declared.items()
            if name != own and other == clause and (test or not name.endswith("_test.go")) for n in names}


def _by_line(pattern: re.Pattern, source: bytes, hints: tuple[bytes, ...]) -> list[re.Match]:
    """pattern.finditer(source) for a pattern whose matches each lie on one line, from
    its start, and hold one of hints: the pattern is tried at the start of each line
    holding a hint, in order."""
    starts = set()
    for hint in hints:
        at = source.find(hint)
        while at >= 0:
            starts.add(source.rfind(b"\n", 0, at) + 1)
            end = source.find(b"\n", at)
            at = source.find(hint, end + 1) if end >= 0 else -1
    return [m for m in (pattern.match(source, start) for start in sorted(starts)) if m is not None]


# The Go files of the folder read last, with the name, size and mtime of each file:
# the files of a folder are analysed (and their package checks run) one after another.
_folder_read: list[Any] = [None]


def folder_files(folder: str) -> list[tuple[str, bytes]] | None:
    """The Go files of folder that the go tool reads (names not starting with `.` or
    `_`; tests and every package clause included), as (name, bytes) in name order, read
    once while the folder's files keep their names, sizes and mtimes; None when the
    folder cannot be read. The one reader of whole folders: rules that must see every
    use of an unexported name in the package (GL003, GL009, GL011) read through it."""
    names = go_files(folder)
    try:
        stats = [(name, os.stat(os.path.join(folder, name))) for name in names or ()]
    except OSError:
        return None
    if names is None:
        return None
    stamp = [(name, info.st_size, info.st_mtime_ns) for name, info in stats if stat.S_ISREG(info.st_mode)]
    held = _folder_read[0]
    if held is not None and held[0] == folder and held[1] == stamp:
        return held[2]
    files = []
    try:
        for name, size, mtime in stamp:
            held = _held(os.path.join(folder, name))
            if held is not None and held[0] == (size, mtime):
                files.append((name, held[1]))
                continue
            files.append((name, read_file(os.path.join(folder, name))[1]))
    except OSError:
        return None
    _folder_read[0] = (folder, stamp, files)
    return files


def folder_sources(path: str) -> list[bytes] | None:
    """The bytes of every other Go file in the folder of path (`folder_files`), for
    package checks that must see every use of an unexported name; None when the
    folder cannot be read."""
    files = folder_files(os.path.dirname(path) or ".")
    own = os.path.basename(path)
    return None if files is None else [source for name, source in files if name != own]
