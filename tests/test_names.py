"""analysis/names.py on its own: Go's scopes (the spec's "Declarations and scope"
cases), imports, and the questions built on resolution."""

from __future__ import annotations

import textwrap

import pytest

from goleaklint import parsing
from goleaklint.analysis.names import (IMPORT, LOCAL, PACKAGE, UNIVERSE, UNKNOWN, Names, names_for,
                                       assigned_to, package_groups)
from goleaklint.syntax import test_support_name as support_name
from goleaklint.syntax import walk


def names_of(go: str) -> tuple[Names, object, bytes]:
    source = textwrap.dedent(go).encode()
    root = parsing.parse(source)
    assert not root.has_error, go
    return Names(root, source), root, source


def uses(root, name: str, kinds=("identifier", "type_identifier", "package_identifier")) -> list:
    return [n for n in walk(root) if n.type in kinds and n.text == name.encode()]


def decl_lines(names: Names, root, name: str) -> list:
    """For each occurrence of name: (kind, line of its declaration or None)."""
    found = []
    for ident in uses(root, name):
        binding = names.resolve(ident)
        found.append((binding.kind, binding.decl.start_point[0] + 1 if binding.decl is not None else None))
    return found


def test_block_scopes_redeclaration_and_shadowing() -> None:
    names, root, _ = names_of("""\
        package p

        func f(a int) {
        	x := 1
        	x, y := 2, 3
        	{
        		x := x + 1
        		use(x)
        	}
        	use(x, y)
        }
    """)
    # x := 1 (4); x, y := re-uses it (4); x := x + 1 declares (7) and reads the outer (4)
    assert decl_lines(names, root, "x") == [
        (LOCAL, 4), (LOCAL, 4), (LOCAL, 7), (LOCAL, 4), (LOCAL, 7), (LOCAL, 4)]
    assert decl_lines(names, root, "a")[0] == (LOCAL, 3)


def test_implicit_blocks_of_if_for_switch_select() -> None:
    names, root, _ = names_of("""\
        package p

        var v = 0

        func f(ch chan int, xs []int) {
        	if v := 1; v > 0 {
        		use(v)
        	} else {
        		use(v)
        	}
        	for v := 0; v < 3; v++ {
        		use(v)
        	}
        	for _, v := range xs {
        		use(v)
        	}
        	switch v := 2; v {
        	case 1:
        		use(v)
        	}
        	select {
        	case v := <-ch:
        		use(v)
        	default:
        		use(v)
        	}
        	use(v)
        }
    """)
    lines = [line for _, line in decl_lines(names, root, "v")]
    # the package v (3); if (6); for clause (11); range (14); switch (17); select case (22);
    # the default case and the end see the package v again
    assert lines == [3, 6, 6, 6, 6, 11, 11, 11, 11, 14, 14, 17, 17, 17, 22, 22, 3, 3]
    kinds = [kind for kind, _ in decl_lines(names, root, "v")]
    assert kinds[0] == PACKAGE and kinds[-1] == PACKAGE and kinds[-2] == PACKAGE


def test_type_switch_alias_in_every_clause_default_included() -> None:
    names, root, _ = names_of("""\
        package p

        func f(x any) {
        	switch v := x.(type) {
        	case int:
        		use(v)
        	default:
        		use(v)
        	}
        }
    """)
    assert decl_lines(names, root, "v") == [(LOCAL, 4), (LOCAL, 4), (LOCAL, 4)]


def test_function_literal_parameters_results_and_type_parameters() -> None:
    names, root, _ = names_of("""\
        package p

        var ch = make(chan int)

        func f[T any](in T) (ch chan T) {
        	go func(ch chan int) {
        		ch <- 1
        	}(nil)
        	var zero T
        	use(zero, in)
        	return ch
        }

        func g() { ch <- 1 }
    """)
    assert decl_lines(names, root, "ch") == [
        (PACKAGE, 3), (LOCAL, 5), (LOCAL, 6), (LOCAL, 6), (LOCAL, 5), (PACKAGE, 3)]
    t_uses = decl_lines(names, root, "T")
    assert t_uses[0] == (LOCAL, 5) and all(kind == LOCAL and line == 5 for kind, line in t_uses)


def test_local_named_like_a_package_is_a_local() -> None:
    names, root, _ = names_of("""\
        package p

        import (
        	"context"
        	h "net/http"
        	. "strings"
        	_ "embed"
        )

        func f(http *h.Client, context string) {
        	http.Get(context)
        }

        func g(ctx context.Context) { h.Get("x"); Trim("", "") }
    """)
    assert [b.kind for b in map(names.resolve, uses(root, "http"))] == [LOCAL, LOCAL]
    assert [b.kind for b in map(names.resolve, uses(root, "context"))] == [LOCAL, LOCAL, IMPORT]
    calls = [n for n in walk(root) if n.type == "call_expression"]
    resolved = [names.qualified(c.child_by_field_name("function")) for c in calls]
    assert resolved == [None, ("net/http", "Get"), None]
    qualified = [n for n in walk(root) if n.type == "qualified_type"]
    assert [names.qualified(q) for q in qualified] == [("net/http", "Client"), ("context", "Context")]
    assert names.imported() == {"context": "context", "h": "net/http"}
    trim = uses(root, "Trim")[0]
    assert names.resolve(trim).kind == UNKNOWN  # the dot import may declare it


def test_package_level_universe_and_other_files() -> None:
    names, root, _ = names_of("""\
        package p

        type T struct{}

        func (T) len() int { return 0 }

        func f() {
        	x := make([]T, len(helper()))
        	_ = x
        }
    """)
    assert names.resolve(uses(root, "make")[0]).kind == UNIVERSE
    assert names.resolve(uses(root, "len")[0]).kind == UNIVERSE  # a method is not in scope
    helper = names.resolve(uses(root, "helper")[0])
    assert helper.kind == PACKAGE and helper.decl is None  # another file of the package
    assert decl_lines(names, root, "T")[1] == (PACKAGE, 3)
    assert names.package == "p"
    assert names.method("T", "len") is not None


def test_reaching_assignment_respects_shadowing() -> None:
    names, root, _ = names_of("""\
        package p

        func f(s *S) {
        	ch := make(chan int, 1)
        	if ch := make(chan int); ch != nil {
        		_ = ch
        	}
        	s.notify = make(chan int)
        	func(ch chan int) {
        		use(ch)
        	}(nil)
        	use(ch, s.notify)
        }
    """)
    last_use = uses(root, "ch")[-1]
    target, value = names.reaching(last_use, last_use)
    assert target.start_point[0] + 1 == 4 and value.text.endswith(b"1)")
    param_use = uses(root, "ch")[-2]
    assert names.reaching(param_use, param_use) is None  # the closure's parameter
    notify = [n for n in walk(root) if n.type == "selector_expression"][-1]
    target, _ = names.reaching(notify, notify)
    assert target.start_point[0] + 1 == 8


def test_assigned_to_and_package_groups() -> None:
    names, root, _ = names_of("""\
        package p

        func f() {
        	a, err := g()
        	var b = h()
        	_, _ = a, b
        }
    """)
    calls = [n for n in walk(root) if n.type == "call_expression"]
    assert [assigned_to(c)[0].text for c in calls] == [b"a", b"b"]
    groups = package_groups({"x/a.go": {"package": "x"}, "x/a_test.go": {"package": "x_test"},
                             "x/b.go": {"package": "x"}, "y/c.go": {"package": "x"}})
    assert groups == [["x/a.go", "x/b.go"], ["x/a_test.go"], ["y/c.go"]]


def test_linear_on_many_functions() -> None:
    """Every question on a file of many small functions touches only its function and
    the file's top-level index, which is built once."""
    body = "".join(f"func f{i}(x int) int {{ y := x; return y + g{i} }}\n" for i in range(3000))
    names, root, _ = names_of("package p\n\n" + body)
    ys = uses(root, "y")
    assert all(names.resolve(y).kind == LOCAL for y in ys)
    assert names.resolve(uses(root, "g7")[0]).kind == PACKAGE
    assert len(names._blocks) <= 3001  # one index per function body (and g7's block), none rebuilt


def test_in_test_code_by_file_parameter_or_suite() -> None:
    names, root, _ = names_of("""\
        package p

        import (
        	tst "testing"

        	"github.com/stretchr/testify/suite"
        )

        type S struct {
        	suite.Suite
        }

        type P struct{ suite int }

        func helper(tb tst.TB) { mark1() }

        func bench(x int, b *tst.B) { func() { mark2() }() }

        func (s *S) Ctx() { mark3() }

        func (p *P) Ctx() { mark4() }

        func plain(t *T) { mark5() }
        """)
    found = {n.text.decode(): names.in_test_code(n) for n in walk(root)
             if n.type == "identifier" and n.text.startswith(b"mark")}
    assert found == {"mark1": True, "mark2": True, "mark3": True, "mark4": False, "mark5": False}
    names.path = "/src/p/p_test.go"
    assert all(names.in_test_code(n) for n in uses(root, "mark5"))


def test_in_test_code_of_test_support_packages() -> None:
    """A package named as Go names packages of test helpers is test code throughout;
    importing testing or a test framework alone is not enough."""
    for header, support in (
            ("package rafttest", True), ("package awstesting", True), ("package testutils", True),
            ("package test", True), ("package latest_version", False), ("package server", False),
            ('package server\n\nimport "testing"\n\nvar _ = testing.Testing', False),
            ('package suite\n\nimport "github.com/onsi/gomega"\n\nvar _ = gomega.Expect', False)):
        names, root, _ = names_of(header + "\n\nfunc run(x int) { mark() }\n")
        marks = [n for n in walk(root) if n.type == "identifier" and n.text == b"mark"]
        assert [names.in_test_code(n) for n in marks] == [support], header


@pytest.mark.parametrize("name, support", [
    ("testutil", True), ("internal/testing", True), ("e2etest", True), ("httptest", True),
    ("grpc_testing", True), ("test", True), ("tests", True), ("e2eTest", True), ("testutil/fake", True),
    ("tests_common", True), ("awstesting", True), ("my_test", True), ("internal/testenv", True),
    ("common/testtool", True), ("testtools/mock", True),
    ("attestation", False), ("manifest", False), ("testament", False), ("testify", False),
    ("latest_version", False), ("contestant", False), ("server", False), ("greatest_hits", False), ("", False),
    ("test_project", False), ("test_a_finding_0", False),
])
def test_test_support_names_are_told_by_whole_words(name: str, support: bool) -> None:
    """A test word counts at the end of the name (a whole word, or the end of the last
    word: Go's `httptest`) or, but for plain `test`, as another whole word (split at
    separators and case changes); never inside a word."""
    assert support_name(name) is support


def test_a_version_derived_by_an_edit_in_a_body_declares_what_a_fresh_listing_does() -> None:
    """The editor server's next version takes the previous one's package-level names and
    methods when the edit lies inside one function body (`Names._scan_moved`); edits
    anywhere else list them again. Either way they are those a fresh Names lists, in
    the new tree, version after version (a broken declaration elsewhere included)."""
    from goleaklint.analysis import names as module
    from goleaklint.syntax import derive, file_memo

    text = textwrap.dedent("""\
        package p

        import (
        \tctx "context"
        \t"sync"
        )

        var started = false

        type T struct{ mu sync.Mutex }

        func (t *T) Run(c ctx.Context) {
        \tt.mu.Lock()
        }

        func helper() int {
        \treturn 1
        }

        func (t *T) Stop() {
        }

        func broken( {
        """)
    edits = [("\treturn 1", "\tx := 2\n\treturn x"), ("\tt.mu.Lock()", "\tt.mu.Lock()\n\tdefer t.mu.Unlock()"),
             ("func helper() int", "func helper2() int"), ("\treturn x", "\treturn x + 1"),
             ("var started = false", "var started, stopped = false, true"), ("\tx := 2", "\tx := 3")]
    source = text.encode()
    tree = parsing.parse_tree(source)
    names = Names(tree.root_node, source)
    file_memo(source)[Names] = names
    names.top
    moved = []
    for old, new in edits:
        text = text.replace(old, new)
        before, source = source, text.encode()
        derive(source, before, *parsing.changed_range(before, source))
        tree = parsing.parse_tree(source, (before, tree))
        names = file_memo(source)[Names] = Names(tree.root_node, source)
        fresh = Names(tree.root_node, source)
        fresh._scan_all()
        assert dict(names.top) == dict(fresh.top) and names.top.keys() == fresh.top.keys()
        assert {k: names._methods[k] for k in names._methods} == fresh._methods
        assert (names.imports, names.package) == (fresh.imports, fresh.package)
        assert names.method("T", "Run") == fresh.method("T", "Run")
        moved.append(isinstance(names._top, module._Moved))
    assert moved == [True, True, False, True, False, True]  # the edits inside bodies


def test_a_derived_version_s_names_are_freed_when_dropped_and_list_again_alike() -> None:
    """A version's Names derived from the one before (`_scan_moved`) holds no reference
    to itself: dropped from the file's memo, it is freed at once, with no collection
    of cycles (the editor server's worker collects rarely: a collection of a large
    file's heap took 0.2 s). Its listing made again when a moved node is not found
    (`_Moved.again`) is a fresh listing of the file."""
    import gc
    import weakref

    from goleaklint.syntax import derive, file_memo, forget

    text = "package p\n\nvar v = 1\n\nfunc (t *T) m() {}\n\nfunc f() int {\n\treturn 1\n}\n"
    source = text.encode()
    tree = parsing.parse_tree(source)
    file_memo(source)[Names] = Names(tree.root_node, source)
    file_memo(source)[Names].top
    edited = text.replace("\treturn 1", "\tx := 2\n\treturn x").encode()
    derive(edited, source, *parsing.changed_range(source, edited))
    root = parsing.parse_tree(edited, (source, tree)).root_node
    names = file_memo(edited)[Names] = Names(root, edited)
    fresh = Names(root, edited)
    fresh._scan_all()
    from goleaklint.analysis.names import _Moved
    assert isinstance(names.top, _Moved)
    assert dict(names.top.again()) == dict(fresh.top)
    assert dict(names._methods.again()) == dict(fresh._methods)
    held = weakref.ref(names)
    enabled = gc.isenabled()
    gc.disable()
    try:
        del names
        forget(edited)
        assert held() is None
    finally:
        if enabled:
            gc.enable()


def test_a_version_after_comment_edits_anywhere_declares_what_a_fresh_listing_does() -> None:
    """Comment lines added between declarations are derived from the version before
    (`_between_comments`), and so is any edit the caller knows changed no token
    (same_tokens: a comment in a struct or a const block, indentation): the names,
    methods, imports and package are those a fresh Names lists, version after
    version; an edit that opens a comment swallowing declarations is listed again."""
    from goleaklint.analysis import names as module
    from goleaklint.syntax import derive, file_memo

    text = textwrap.dedent("""\
        package p

        import "sync"

        type T struct {
        \tmu sync.Mutex
        }

        const (
        \tA = 1
        \tB = 2
        )

        func (t *T) Run() {
        \tt.mu.Lock()
        }

        func helper() int {
        \treturn 1
        }
        """)
    edits = [  # (old, new, same tokens, derived)
        ("\nconst (", "\n// a comment\nconst (", True, True),
        ("\nconst (", "\n// another\nconst (", False, True),
        ("\tmu sync.Mutex", "\t// the lock\n\tmu sync.Mutex", True, True),
        ("\tB = 2", "\t// two\n\tB = 2", True, True),
        ("\tB = 2", "\t\tB = 2", True, True),
        ("\nfunc helper", "\n/* open\nfunc helper", False, False),
    ]
    source = text.encode()
    tree = parsing.parse_tree(source)
    file_memo(source)[Names] = Names(tree.root_node, source)
    file_memo(source)[Names].top
    for old, new, same, derived in edits:
        assert old in text
        text = text.replace(old, new, 1)
        before, source = source, text.encode()
        derive(source, before, *parsing.changed_range(before, source))
        tree = parsing.parse_tree(source, (before, tree))
        names = file_memo(source)[Names] = Names(tree.root_node, source)
        assert names._scan_moved(same_tokens=same) == derived, (old, new)
        if not derived:
            names._scan_all()
        fresh = Names(tree.root_node, source)
        fresh._scan_all()
        assert isinstance(names._top, module._Moved) == derived
        assert dict(names.top) == dict(fresh.top) and names.top.keys() == fresh.top.keys(), (old, new)
        assert {k: names._methods[k] for k in names._methods} == fresh._methods
        assert (names.imports, names.package) == (fresh.imports, fresh.package)


def test_analysed_file_keeps_its_path_while_siblings_are_read(tmp_path):
    """A rule that reads many sibling files' facts in the middle of a file must still
    see the file's package facts afterwards: the analysed file's memo (its Names, which
    carry its path) is never dropped for a sibling's, so a finding does not depend on
    how many files an earlier answer happened to read (a rebuilt Names has no path, and
    then no package facts: "is this a library's package?" turns unknown)."""
    from goleaklint.model import Context
    from goleaklint.syntax import file_memo, forget

    path = tmp_path / "a.go"
    source = b"package p\n\nfunc f() {}\n"
    path.write_bytes(source)
    root = parsing.parse_tree(source).root_node
    ctx = Context(str(path), source, root, [], {})
    assert ctx.names.path == str(path)
    siblings = [f"package p\n\nfunc g{i}() {{}}\n".encode() for i in range(5)]
    for sibling in siblings:
        file_memo(sibling)["read"] = True
    assert names_for(source, root, root=root).path == str(path)
    for sibling in siblings:
        forget(sibling)
    forget(source)
    assert names_for(source, root, root=root).path is None
