"""Small helpers over tree-sitter-go nodes shared by the rules.

They read node attributes only (type, children, fields), so they do not import
tree-sitter; `parsing.py` stays the only module that does. Walks are iterative:
deeply nested Go must never hit Python's recursion limit.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from typing import Any, Callable, Iterator, TypeVar

from goleaklint import parsing
from goleaklint.parsing import FIELD

FUNCTION_TYPES = ("function_declaration", "method_declaration", "func_literal")

_F = TypeVar("_F", bound=Callable[..., Any])
# The memos of the files being analysed, newest first, as (source object, memo): the
# file a rule works on, a sibling whose facts it reads meanwhile (analysis/package.py),
# and for a function of another package of the module, a file of that package whose
# function the first one calls.
_memos: list[tuple[bytes, dict]] = []
_FILES_KEPT = 3
# The source of the file being analysed (`pin`), whose memo is never dropped for a
# sibling's: its Names carry the file's path, which a rebuilt Names would not know.
_pinned: list[bytes] = []


def file_memo(source: bytes) -> dict:
    """The memo of the file whose bytes are the object source: what is computed once
    per file (its Names, Types, ownership summaries, per_file answers) lives here.
    Memos of the last three files are kept, and the analysed file's always, so reading
    siblings' facts in the middle of a file does not throw the file's away."""
    for i, (held, memo) in enumerate(_memos):
        if held is source:
            if i:
                _memos.insert(0, _memos.pop(i))
            return memo
    memo: dict = {}
    _memos.insert(0, (source, memo))
    while len(_memos) > _FILES_KEPT:
        last = len(_memos) - 1
        del _memos[last - 1 if _pinned and _memos[last][0] is _pinned[0] else last]
    return memo


def pin(source: bytes) -> None:
    """Keep the memo of source, the file being analysed, until `forget(source)`."""
    if not _pinned or _pinned[0] is not source:
        _pinned[:] = [source]


def forget(source: bytes) -> None:
    """Drop the memo of source (a sibling read for its facts, or the analysed file)."""
    _memos[:] = [(held, memo) for held, memo in _memos if held is not source]
    if _pinned and _pinned[0] is source:
        _pinned.clear()


def per_file(fn: _F) -> _F:
    """Memoise `fn(node, source, *args)` while one file is analysed, so that what a
    rule asks once per candidate (the bindings of a function, the receives of a body)
    is computed once per file: the cost stays linear in the file, not in candidates
    times function size. Results are shared: callers must not modify them. The memo
    is the file's `file_memo`. Nodes compare equal only within one tree, so a reparse
    never gets stale answers."""

    @functools.wraps(fn)
    def memoised(node: Any, source: bytes, *args: Any) -> Any:
        memo = _memos[0][1] if _memos and _memos[0][0] is source else file_memo(source)
        key = (fn, node, *args)
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = fn(node, source, *args)
            return value

    return memoised  # type: ignore[return-value]


_WORD = frozenset(bytes([c]) for c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_NAME_KINDS = ("identifier", "field_identifier", "type_identifier", "package_identifier", "label_name")


def named(root: Any, source: bytes, name: str) -> list[Any]:
    """The identifiers (also field, type, package identifiers and labels) of the file
    whose text is name, in source order. A regular expression finds where name occurs
    and the tree says what is there, so asking costs a scan of the bytes, not a walk of
    the tree (which, for each of many names, costs the whole file each time).
    Memoised per file and name."""
    memo = file_memo(source)
    key = (named, root, name)
    found = memo.get(key)
    if found is None:
        found = memo[key] = []
        word = name.encode()
        for start in _word_starts(source, word, memo):
            end = start + len(word)
            node = root.descendant_for_byte_range(start, end)
            if node is not None and node.start_byte == start and node.end_byte == end \
                    and node.type in _NAME_KINDS:
                found.append(node)
    return found


def word_starts(source: bytes, word: bytes) -> list[int]:
    """Where word (of ASCII letters, digits and `_`) occurs in source as a whole word,
    in order; memoised per file, and after an edit found from the version before
    (`derive`) but around the change. Shared: do not modify."""
    return _word_starts(source, word, file_memo(source))


def within(node: Any, holder: Any | None) -> bool:
    """Whether node's bytes lie within holder's (never when holder is None)."""
    return holder is not None and holder.start_byte <= node.start_byte and node.end_byte <= holder.end_byte


def child_index_after(node: Any, byte: int) -> int:
    """The index of the first child of node that ends after byte (node.child_count when
    none does), by bisection: Node's first_child_for_byte can crash, and the cursor's
    finds nothing between children."""
    low, high = 0, node.child_count
    while low < high:
        middle = (low + high) // 2
        if node.child(middle).end_byte > byte:
            high = middle
        else:
            low = middle + 1
    return low


def derive(source: bytes, old: bytes, start: int, old_end: int, new_end: int) -> None:
    """Note that source is old with old[start:old_end] replaced by source[start:new_end]
    (the editor server's next version of a file): where `named` found a word in old,
    away from the change, it is in source too, moved by the change's length; only the
    changed part is searched again. Nothing is noted when old's memo is gone."""
    kept = next((memo for held, memo in _memos if held is old), None)
    if kept is not None and source is not old:
        file_memo(source)[derive] = (kept.setdefault(_word_starts, {}), start, old_end, new_end)
        file_memo(source)[previous] = (old, start, old_end, new_end)


# What keeps something per version derived from the version before (`derive`):
# carry(source, root) brings it forward, when the version before has it.
_carriers: list[Callable[[bytes, Any], None]] = []


def carried(fn: _F) -> _F:
    """Register fn(source, root) with `carry`."""
    _carriers.append(fn)
    return fn


def carry(source: bytes, root: Any) -> None:
    """For a version derived from the one before (`derive`) by an edit that changed no
    token, which nothing analyses (the editor server moves the findings): bring
    forward from the version before what is derived from version to version (word
    places, names, ...), where it has them. Else the next code edit would find
    nothing to derive from, and compute them for the whole file, for both versions."""
    for fn in _carriers:
        fn(source, root)


@carried
def _carry_words(source: bytes, root: Any) -> None:
    lineage = file_memo(source).get(derive)
    for word in list(lineage[0]) if lineage is not None else ():
        _word_starts(source, word, file_memo(source))


def previous(source: bytes) -> tuple[dict, int, int, int] | None:
    """(memo, start, old end, new end): the memo of the version source was derived
    from (`derive`), while it is kept, and the change; else None."""
    noted = file_memo(source).get(previous)
    if noted is None:
        return None
    old, start, old_end, new_end = noted
    memo = next((memo for held, memo in _memos if held is old), None)
    return None if memo is None else (memo, start, old_end, new_end)


def _word_starts(source: bytes, word: bytes, memo: dict) -> list[int]:
    """Where word occurs in source as a whole word (see `has_word`), memoised in memo
    (source's); from the previous version's when one was noted (`derive`)."""
    starts = memo.setdefault(_word_starts, {})
    found = starts.get(word)
    if found is not None:
        return found
    lineage = memo.get(derive)
    pattern = re.compile(re.escape(word))  # a plain search: fast
    if lineage is not None and word in lineage[0] and all(bytes([c]) in _WORD for c in word):
        # A hit of a word of word bytes cannot overlap another, so those away from the
        # change stay as they were: hits whose bytes or neighbours meet it are searched again.
        before, start, old_end, new_end = lineage
        size = len(word)
        found = [at for at in before[word] if at + size < start]
        found += [at for m in pattern.finditer(source, max(0, start - size), new_end + 1 + size)
                  if start - size <= (at := m.start()) < new_end + 1 and _whole(source, at, size)]
        found += [at + new_end - old_end for at in before[word] if at - 1 >= old_end]
    else:
        found = [m.start() for m in pattern.finditer(source) if _whole(source, m.start(), len(word))]
    starts[word] = found
    return found


def _whole(source: bytes, start: int, size: int) -> bool:
    return source[start - 1:start] not in _WORD and source[start + size:start + size + 1] not in _WORD


def declared(root: Any, source: bytes, name: str, kind: str) -> list[Any]:
    """The top-level declarations of type kind (`function_declaration`,
    `method_declaration`) named name, in source order. Memoised per file: one pass over
    the top level answers every name (asking `named` costs a scan of the file's bytes
    per name, which the editor server pays again after each edit)."""
    memo = file_memo(source)
    key = (declared, root)
    index = memo.get(key)
    if index is None:
        index = memo[key] = {}
        for decl in root.children:
            if decl.type in ("function_declaration", "method_declaration"):
                ident = decl.child_by_field_name("name")
                if ident is not None:
                    index.setdefault((decl.type, text(source, ident)), []).append(decl)
    return index.get((kind, name), [])


class _Declared:
    """`declared`'s index of a file whose top-level declarations the caller knows by
    name: each (kind, name) asked is found from the indexes find gives."""

    def __init__(self, root: Any, find: Callable[[str, str], list[int]]) -> None:
        self.root, self.find, self.found = root, find, {}

    def get(self, key: tuple[str, str], default: Any = None) -> Any:
        found = self.found.get(key)
        if found is None:
            found = self.found[key] = [self.root.child(i) for i in self.find(*key)]
        return found or default


def note_declared(source: bytes, root: Any, find: Callable[[str, str], list[int]]) -> None:
    """Let `declared` answer for root (source's tree) from find(kind, name): the
    indexes among root's children of the top-level declarations of that kind and name,
    in source order (the editor server keeps them from one version to the next: one
    pass over the top level of a large file cost 5 ms after every edit)."""
    file_memo(source).setdefault((declared, root), _Declared(root, find))


def has_word(source: bytes, word: bytes) -> bool:
    """Whether word (a name) occurs in source as a whole word, as `\\bword\\b` would find
    it: a plain search for the word, each hit then checked before it (a pattern that
    starts with `\\b` is tried at every byte, 25 times slower on a large file)."""
    if word[:1] not in _WORD or word[-1:] not in _WORD:  # a Unicode name: the boundaries differ
        return re.search(rb"\b" + re.escape(word) + rb"\b", source) is not None
    for match in re.finditer(re.escape(word) + rb"\b", source):
        if source[match.start() - 1:match.start()] not in _WORD:
            return True
    return False


def _word_byte(byte: int) -> bool:
    return byte >= 0x80 or bytes([byte]) in _WORD  # past ASCII: a letter of a Unicode name


def starts_word(source: bytes, start: int) -> bool:
    """Whether source[start:] starts a word: no letter, digit or `_` comes right before."""
    return start == 0 or not _word_byte(source[start - 1])


def called(source: bytes, end: int) -> bool:
    """Whether the name that source[:end] ends in, or goes on into, is called: `(`
    follows it (white space may come between; a comment, which also passes)."""
    while end < len(source) and _word_byte(source[end]):
        end += 1
    while end < len(source) and source[end] in b" \t\r\n":
        end += 1
    return end < len(source) and source[end] in b"(/"


def field_name(source: bytes, start: int, end: int, whole: bool = True) -> bool:
    """Whether the bytes source[start:end] lie in the name of a selector's field
    (`x.Name`, `pkg.Name`: a `.` comes before the name, white space and comments may
    come between), and with whole, are that whole name. A test on the bytes alone,
    before parsing."""
    if whole and end < len(source) and _word_byte(source[end]):
        return False
    at = start - 1
    while at >= 0 and _word_byte(source[at]):
        if whole:
            return False
        at -= 1
    while at >= 0:
        if source[at] in b" \t\r\n":
            at -= 1
        elif source[at - 1:at + 1] == b"*/" and source.rfind(b"/*", 0, at - 1) >= 0:
            at = source.rfind(b"/*", 0, at - 1) - 1
        else:
            break
    return at >= 0 and source[at] == ord(".")


def text(source: bytes, node: Any) -> str:
    return source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def root_of(node: Any) -> Any:
    """The root of the tree node is in (its source file)."""
    while node.parent is not None:
        node = node.parent
    return node


def walk(node: Any, *, into_functions: bool = True) -> Iterator[Any]:
    """Every descendant of node (not node itself), in source order. With
    into_functions=False, function literals are yielded but not entered. The two
    loops, with the stack's methods held and reversed copies of `children`, cost
    about 40% less than one loop asking into_functions at each node."""
    stack = node.children[::-1]
    pop, push = stack.pop, stack.extend
    if into_functions:
        while stack:
            current = pop()
            yield current
            push(current.children[::-1])
        return
    while stack:
        current = pop()
        yield current
        if current.type != "func_literal":
            push(current.children[::-1])


@functools.lru_cache(maxsize=None)
def _kinds_query(kinds: tuple[str, ...]) -> Any:
    return parsing.compile_query("[" + " ".join(f"({kind})" for kind in kinds) + "] @node")


def descendants(node: Any, kinds: tuple[str, ...], *, into_functions: bool = True) -> list[Any]:
    """The descendants of node (not node itself) whose type is one of kinds (named
    node types), in the order of `walk`, which this is for when few nodes are wanted:
    a query finds them without visiting every node in Python (a walk of a function
    costs about ten times as much). With into_functions=False, nothing inside a
    function literal is given."""
    wanted = kinds if into_functions or "func_literal" in kinds else (*kinds, "func_literal")
    found = []
    skip_to = -1  # the end of the function literal last left out
    for _, captures in parsing.matches(_kinds_query(wanted), node):
        current = captures["node"][0]
        if current.start_byte < skip_to or current.id == node.id:
            continue
        if not into_functions and current.type == "func_literal":
            skip_to = current.end_byte
        if current.type in kinds:
            found.append(current)
    return found


def ancestors(node: Any) -> Iterator[Any]:
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def in_loop(node: Any) -> bool:
    """Whether node sits in a loop of its own function: a defer there runs only when the
    function returns, so one per iteration piles up."""
    return enclosing_loop(node) is not None


def enclosing_loop(node: Any, stop: Any = None) -> Any | None:
    """The nearest for_statement around node in its own function, below stop (a node
    around node, exclusive) when given."""
    for parent in ancestors(node):
        if parent == stop or parent.type in FUNCTION_TYPES:
            return None
        if parent.type == "for_statement":
            return parent
    return None


def enclosing_function(node: Any) -> Any | None:
    """The nearest function declaration, method or function literal around node."""
    for parent in ancestors(node):
        if parent.type in FUNCTION_TYPES:
            return parent
    return None


def function_name(func: Any, source: bytes) -> str:
    """`Name`, `Recv.Name` for methods, `` for function literals."""
    if func.type == "function_declaration":
        return text(source, func.child_by_field_name("name"))
    if func.type == "method_declaration":
        name = text(source, func.child_by_field_name("name"))
        recv = func.child_by_field_name("receiver")
        types = [n for n in walk(recv) if n.type == "type_identifier"] if recv else []
        return f"{text(source, types[0])}.{name}" if types else name
    return ""


def call_name(call: Any, source: bytes) -> tuple[str, str]:
    """For a call_expression, (operand text, called name): `db.Query(...)` gives
    ("db", "Query"), `a.b.C()` gives ("a.b", "C"), `f()` gives ("", "f")."""
    function = call.child_by_field_id(FIELD.function)
    if function is None:
        return "", ""
    if function.type == "selector_expression":
        operand = function.child_by_field_id(FIELD.operand)
        field = function.child_by_field_id(FIELD.field)
        return text(source, operand), text(source, field) if field else ""
    return "", text(source, function)


def arguments(call: Any) -> list[Any]:
    """The arguments of a call, and the one of a generic call `f[T](x)` (see generic_call)."""
    if call.type == "type_conversion_expression":
        operand = call.child_by_field_id(FIELD.operand)
        return [operand] if operand is not None and generic_call(call) is not None else []
    args = call.child_by_field_id(FIELD.arguments)
    return list(args.named_children) if args is not None else []


def generic_call(node: Any) -> Any | None:
    """`f[T](x)` with one argument parses as a conversion to the generic type `f[T]`:
    the node naming f (a type_identifier, or a qualified_type for `pkg.F[T](x)`), or
    None when node is no such expression. A conversion to a generic type looks the
    same; callers decide by what the name declares."""
    if node.type != "type_conversion_expression":
        return None
    kind = node.child_by_field_id(FIELD.type)
    if kind is None or kind.type != "generic_type":
        return None
    return kind.child_by_field_id(FIELD.type)


def statements(block: Any) -> list[Any]:
    """The statements of a block (tree-sitter-go 0.25 nests them in statement_list)."""
    if block is None:
        return []
    for child in block.named_children:
        if child.type == "statement_list":
            return [c for c in child.named_children if c.type != "comment"]
    return [c for c in block.named_children if c.type != "comment"]



def next_statement(node: Any) -> Any | None:
    """The named sibling after node, past comments: the statement that follows it in
    its block (None at the block's end)."""
    node = node.next_named_sibling
    while node is not None and node.type == "comment":
        node = node.next_named_sibling
    return node

# `//go:build ignore` (or `generate` or `none`, alone or ANDed with other tags:
# `//go:build !cgo && upgrade && ignore`, the old `// +build !cgo,upgrade,ignore`) above
# the package clause: a program run by hand (`go run gen.go`), built from this file alone.
_RUN_BY_HAND = re.compile(rb"^//(?:go:build [^|\n]*?|\s*\+build (?:\S*,)?)(?<![!\w])(?:ignore|generate|none)"
                          rb"(?:\s*&&[^|\n]*|,\S*)?\s*$", re.M)


# A `//go:build` line (before the package clause) and the tags of its expression.
_BUILD_LINE = re.compile(rb"^//go:build ([^\n]*)$", re.M)
_TAG = re.compile(r"(!?)\s*([\w.]+)")


def build_requires(source: bytes, wanted: Callable[[str], bool]) -> bool:
    """Whether the file's `//go:build` expression, with no `||`, requires a tag that
    wanted accepts (`//go:build integration`, `//go:build js && wasm`): a plain build
    for other targets leaves the file out."""
    package = source.find(b"\npackage ")
    found = _BUILD_LINE.search(source, 0, package if package >= 0 else len(source))
    expression = found.group(1).decode(errors="replace") if found is not None else "||"
    return "||" not in expression and any(not negated and wanted(tag) for negated, tag in _TAG.findall(expression))

# A program's doc comment that tells how to run it from its source: `go run prober.go`.
_GO_RUN = re.compile(rb"^//\s*(?:\$\s*)?go run (?:[^\n]*\s)?(?:\./)?([\w.-]+\.go)\b", re.M)


def run_by_hand(source: bytes, path: str = "") -> bool:
    """Whether the file is a program run by hand: a `//go:build ignore` generator, or a
    `package main` file whose comment above the package clause says to run it with
    `go run <this file>` (a probe or tool run from its source, not a service)."""
    package = source.find(b"\npackage ")
    head = package if package >= 0 else len(source)
    if _RUN_BY_HAND.search(source, 0, head) is not None:
        return True
    name = os.path.basename(path).encode()
    return bool(name) and source.startswith(b"main", package + 9) and \
        any(m.group(1) == name for m in _GO_RUN.finditer(source, 0, head))


# A program's doc comment (`//` lines or a `/* */` block) that tells how to run it with
# `go run` and its package: an import path or a relative one (`go run
# github.com/x/tool/cmd/mdot --prog f`, `go run ./cmd/mdot`, `go run .`).
_GO_RUN_PACKAGE = re.compile(rb"(?:^|[\s`$])go run (?:-\S+\s+)*([\w.~/-]+)")


def run_from_source(source: bytes, path: str) -> bool:
    """Whether a `package main` file's comment above the package clause tells to run its
    own package with `go run` (the last element of the path given is the file's folder,
    or the path is `.`): a developer's tool run from its source, as a rule, though a
    daemon's authors may document a local run the same way."""
    package = source.find(b"\npackage ")
    if package < 0 or not source.startswith(b"main", package + 9):
        return False
    folder = os.path.basename(os.path.dirname(os.path.abspath(path))).encode()
    return any(m.group(1).rstrip(b"/") in (b".", folder) or m.group(1).rstrip(b"/").endswith(b"/" + folder)
               for m in _GO_RUN_PACKAGE.finditer(source, 0, package))


def is_test_file(path: str) -> bool:
    return path.endswith("_test.go")


def declares_example(source: bytes) -> bool:
    """Whether a `_test.go` file's bytes may declare an `Example` function (`Names.in_example`),
    asked without parsing it: the rules that judge an Example as production code keep such a
    file when they skip test files (`Rule.tests_shown`)."""
    return b"func Example" in source


# The words of Go's names for packages and folders of test helpers.
_TEST_WORDS = ("test", "tests", "tester", "testing", "testutil", "testutils", "testsuite", "testsuites",
               "testhelper", "testhelpers", "testenv", "testtool", "testtools")
# Where a name or path splits into words: any run of characters other than letters and
# digits (`/`, `_`, `-`, `.`), and a lower-case letter or digit followed by an upper-case
# letter (`TestHelpers`).
_WORD_BREAK = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")


def test_support_name(name: str) -> bool:
    """Whether a package or folder name (or a path of them) is one Go gives packages of
    test helpers: it ends in a test word, a whole word (`e2e_test`, `grpc_testing`,
    `internal/testing`) or the end of its last word, as Go names the helpers of a
    package after it (`httptest`, `iotest`, `rafttest`, `awstesting`, `e2etest`); or
    another of its words is a test word other than plain `test` (`testutil/fake`,
    `tests_common`). A word that merely holds one is not (`attestation`, `testament`,
    `latest_version`), and a leading `test_` names the thing itself (a checkout
    `test_project`). A last word of the form `<stem>test` is read as such a compound
    even when it is an English word (`latest`, `contest`): telling the two apart takes a
    dictionary."""
    words = [w.lower() for w in _WORD_BREAK.split(name) if w]
    return bool(words) and (words[-1].endswith(_TEST_WORDS) or any(w in _TEST_WORDS[1:] for w in words[:-1]))


# The import paths of test frameworks: outside `_test.go`, only test support imports them
# (a harness, an e2e suite, a test runner's own code), which runs in test binaries.
TEST_FRAMEWORKS = ("github.com/onsi/ginkgo", "github.com/onsi/gomega", "github.com/stretchr/testify")


def is_test_entry(name: str) -> bool:
    """Whether name is a test, benchmark, fuzz target or example's by `go test`'s rule:
    the prefix alone, or followed by anything but a lower-case letter (`TestX`, not
    `Testify`)."""
    return any(name.startswith(entry) and (name == entry or not name[len(entry)].islower())
               for entry in ("Test", "Benchmark", "Fuzz", "Example"))


def once_per_test(node: Any, path: str, source: bytes, table: Callable[[Any], bool] | None = None) -> bool:
    """Whether node, in a `_test.go` file, is made once per run of one test: in a test
    function (`TestX`, `BenchmarkX`, `FuzzX`, `ExampleX`, a suite's `TestX` method) or a
    spec tree declared at package level (`var _ = Describe(...)`), or a function literal
    in one, and in no loop's body on the way (a loop, or a table of subtests, makes one
    per case; with table, a loop for which it holds counts as once, as a table of cases
    written out is so many tests written out). A helper that tests call is not one test."""
    if not is_test_file(path):
        return False
    outer = None
    for parent in ancestors(node):
        body = parent.child_by_field_name("body") if parent.type == "for_statement" else None
        if body is not None and body.start_byte <= node.start_byte < body.end_byte and \
                (table is None or not table(parent)):
            return False
        if parent.parent is not None and parent.parent.type == "source_file":
            outer = parent
    if outer is None:
        return False
    if outer.type == "var_declaration":
        return True
    if outer.type not in ("function_declaration", "method_declaration"):
        return False
    return is_test_entry(text(source, outer.child_by_field_name("name")))


# A `//` comment to the end of its line, for searches of a file's bytes that must not
# count what comments mention.
LINE_COMMENT = re.compile(rb"//[^\n]*")

# What a test calls to report a failure (`t.Errorf(...)`, `b.Fatal(...)`).
TEST_FAILURES = ("Error", "Errorf", "Fatal", "Fatalf", "Fail", "FailNow")


def in_program(path: str, package: str) -> bool:
    """`package main`, or a package under a `cmd` directory (where Go puts commands)."""
    folders = os.path.dirname(os.path.abspath(path)).split(os.sep)
    return package == "main" or "cmd" in folders


def start_up(func: Any | None, source: bytes) -> bool:
    """Whether func is a top-level `func main()` or `func init()`: the code a program runs
    once, as it starts (init in any package; main by its name, whatever the package)."""
    return func is not None and func.type == "function_declaration" and \
        text(source, func.child_by_field_name("name")) in ("main", "init")


def program_main(func: Any | None, source: bytes, package: str) -> bool:
    """Whether func is `func main()` of package main: its return ends the program."""
    return func is not None and func.type == "function_declaration" and package == "main" and \
        text(source, func.child_by_field_name("name")) == "main"


def bound_identifier(statement: Any, name: str, source: bytes) -> Any | None:
    """The identifier named name among the targets of a `:=`, `=` or `var` statement
    (`err` of `rows, err := db.Query(q)`); None when none is, or name is `_` or empty."""
    if not name or name == "_":
        return None
    left = statement.child_by_field_name("left")
    targets = left.named_children if left is not None else statement.children_by_field_name("name")
    return next((t for t in targets if t.type == "identifier" and text(source, t) == name), None)


def assignments(scope: Any) -> Iterator[tuple[Any, Any | None, Any]]:
    """(target, value, statement) for every `:=`, `=` and `var` binding inside scope,
    not entering function literals. value is None when it is not one-to-one
    (`a, b := f()`) or absent (`var x T`)."""
    for node in descendants(scope, ("short_var_declaration", "assignment_statement", "var_spec"),
                            into_functions=False):
        if node.type in ("short_var_declaration", "assignment_statement"):
            if node.type == "assignment_statement":
                operator = node.child_by_field_id(FIELD.operator)
                if operator is not None and operator.type != "=":
                    continue
            left = node.child_by_field_id(FIELD.left)
            right = node.child_by_field_id(FIELD.right)
            targets = list(left.named_children) if left is not None else []
            values = list(right.named_children) if right is not None else []
        elif node.type == "var_spec":
            targets = list(node.children_by_field_id(FIELD.name))
            value = node.child_by_field_id(FIELD.value)
            values = list(value.named_children) if value is not None else []
        else:
            continue
        for i, target in enumerate(targets):
            yield target, values[i] if len(values) == len(targets) else None, node


def make_channel(node: Any | None, source: bytes) -> tuple[bool, bool] | None:
    """For `make(chan T[, n])`: (True, buffered?), where buffered is False only for no
    capacity or a literal 0; also for a type of the file declared as a channel type
    (`type Series chan T`, `make(Series, 2)`). None when node is not a make of a channel."""
    if node is None or node.type != "call_expression":
        return None
    _, name = call_name(node, source)
    args = arguments(node)
    if name != "make" or not args or args[0].type != "channel_type" and not _channel_named(args[0], source):
        return None
    if len(args) < 2:
        return True, False
    capacity = text(source, args[1]).strip()
    return True, capacity not in ("0", "0x0", "00")


def _channel_named(kind: Any, source: bytes) -> bool:
    """Whether kind is a type name the file declares as a channel type (`type Series
    chan T`, or a chain of such names), as analysis/names resolves it."""
    from goleaklint.analysis.names import names_for  # the semantic layer sits above this module

    seen = 0
    while kind is not None and kind.type == "type_identifier" and seen < 4:
        decl = names_for(source, kind).resolve(kind).decl
        spec = decl.parent if decl is not None else None
        if spec is None or spec.type != "type_spec":
            return False
        kind = spec.child_by_field_name("type")
        seen += 1
    return kind is not None and kind.type == "channel_type"


def package_name(path: str) -> str:
    """The name an unaliased import of path binds: its last element (`.../v9` and
    `gopkg.in/redis.v5` -> the name before the version), without `go-`/`-go`."""
    parts = path.split("/")
    name = parts[-1]
    if len(parts) > 1 and name.startswith("v") and name[1:].isdigit():
        name = parts[-2]
    if path.startswith("gopkg.in/"):
        name = name.split(".v")[0]
    return name.removeprefix("go-").removesuffix("-go").replace("-", "")


def name_matches(path: str, name: str, patterns: list[str]) -> bool:
    """Whether the package-level name `path`.`name` is one of patterns: `pkg.Name` names
    the package by its usual name (`redis.NewClient` matches any import path whose
    package_name is redis, aliased or not); a pattern whose package part has a `/` is
    matched as a glob against the import path (`cloud.google.com/go/*.New*Client`)."""
    for pattern in patterns:
        package, _, wanted = pattern.rpartition(".")
        if not fnmatch.fnmatchcase(name, wanted):
            continue
        if "/" in package:
            if fnmatch.fnmatchcase(path, package):
                return True
        elif package == package_name(path):
            return True
    return False


def parameters(func: Any, source: bytes, *, receiver: bool = True) -> list[tuple[str, Any]]:
    """(name, type node) of a function's parameters (and its receiver first, if
    asked); unnamed parameters have name ``."""
    fields = ([FIELD.receiver] if receiver else []) + [FIELD.parameters]
    result = []
    for field in fields:
        plist = func.child_by_field_id(field)
        if plist is None:
            continue
        for decl in plist.named_children:
            if decl.type not in ("parameter_declaration", "variadic_parameter_declaration"):
                continue
            kind = decl.child_by_field_id(FIELD.type)
            names = decl.children_by_field_id(FIELD.name)
            for name in names or [None]:
                result.append((text(source, name) if name is not None else "", kind))
    return result
