"""The control-flow graph and the answers built on it: calls that never return and
loops that can end."""

from __future__ import annotations

import pytest

from goleaklint import parsing
from goleaklint.analysis import cfg, lifetime
from goleaklint.syntax import walk


def parse(body: str) -> tuple[bytes, object]:
    source = (f"package p\n\nimport (\n\t\"log\"\n\t\"os\"\n\t\"runtime\"\n)\n\n"
              f"func f(ch chan int, t *testing.T) {{\n{body}\n}}\n").encode()
    root = parsing.parse(source)
    assert not root.has_error, source.decode()
    return source, root


def loop_of(body: str) -> tuple[bytes, object]:
    source, root = parse(body)
    return source, next(n for n in walk(root) if n.type == "for_statement")


def graph_of(body: str) -> tuple[bytes, cfg.CFG]:
    source, root = parse(body)
    func = next(n for n in walk(root) if n.type == "function_declaration")
    return source, cfg.build(func, source)


def reachable(graph: cfg.CFG) -> set[int]:
    seen, todo = {graph.entry}, [graph.entry]
    while todo:
        for edge in graph.blocks[todo.pop()].edges:
            if edge.to not in seen:
                seen.add(edge.to)
                todo.append(edge.to)
    return seen


def reached_steps(body: str) -> list[str]:
    source, graph = graph_of(body)
    live = reachable(graph)
    steps = sorted((s.node for b, _, s in graph.steps() if b.index in live and s.kind == "stmt"),
                   key=lambda n: n.start_byte)
    return [source[n.start_byte:n.end_byte].decode() for n in steps]


@pytest.mark.parametrize("call,never", [
    ("panic(err)", True), ("os.Exit(1)", True), ("log.Fatalf(\"x\")", True),
    ("t.Fatal(err)", True), ("t.FailNow()", True), ("t.Skip()", True),
    ("runtime.Goexit()", True), ("logger.Panicf(\"x\")", True),
    ("s.Exit()", False), ("log.Printf(\"x\")", False), ("fatal(err)", False),
    ("syscall.Exit(1)", False),  # not imported here: some other `syscall`
])
def test_never_returns(call: str, never: bool) -> None:
    source, root = parse(call)
    node = next(n for n in walk(root) if n.type == "call_expression")
    assert cfg.never_returns(node, source) is never


def test_a_local_named_like_a_package_or_panic_is_not_it() -> None:
    source, root = parse("os := exiter{}\nos.Exit(1)\npanic := func(error) {}\npanic(nil)")
    calls = [n for n in walk(root) if n.type == "call_expression"]
    assert not any(cfg.never_returns(c, source) for c in calls)


def test_goroutine_ending_calls_do_not_end_the_program() -> None:
    source, root = parse("runtime.Goexit()\nt.FailNow()\npanic(1)")
    calls = [n for n in walk(root) if n.type == "call_expression"]
    assert [cfg.ends_program(c, source) for c in calls] == [False, False, True]


@pytest.mark.parametrize("body,endless", [
    ("for {\n}", True), ("for i := 0; ; i++ {\n}", True), ("for i := 0; i < 3; i++ {\n}", False),
    ("for ok {\n}", False), ("for range ch {\n}", False),
])
def test_has_endless_header(body: str, endless: bool) -> None:
    _, loop = loop_of(body)
    assert cfg.has_endless_header(loop) is endless


@pytest.mark.parametrize("inner,exits", [
    ("x := <-ch\n_ = x", 0),
    ("if err != nil {\nreturn\n}", 1),
    ("select {\ncase <-ch:\nbreak\n}", 0),  # leaves the select only
    ("select {\ncase <-ch:\nbreak outer\n}", 1),
    ("switch {\ncase a:\nbreak\n}", 0),
    ("if a {\nbreak\n}", 1),
    ("for {\nreturn\n}", 1),  # a return anywhere leaves the goroutine
    ("for {\nbreak\n}", 0),  # leaves the inner loop only
    ("for {\ncontinue outer\n}", 0),  # continues this very loop
    ("panic(err)", 1),
    ("log.Fatal(err)", 1),
    ("go func() {\nreturn\n}()", 0),
    ("goto done", 1),
])
def test_loop_exits(inner: str, exits: int) -> None:
    source, loop = loop_of(f"outer:\nfor {{\n{inner}\n}}\ndone:\nreturn")
    assert len(cfg.loop_exits(loop, source)) == exits


def test_labeled_continue_of_an_outer_loop_leaves_the_inner_one() -> None:
    source, root = parse("outer:\nfor range ch {\nfor {\ncontinue outer\n}\n}")
    inner = [n for n in walk(root) if n.type == "for_statement"][1]
    assert cfg.loop_exits(inner, source) and cfg.loop_can_end(inner, source)


def test_a_loop_left_only_by_panicking_cannot_end() -> None:
    source, loop = loop_of("for {\nif x {\npanic(x)\n}\n}")
    assert not cfg.loop_can_end(loop, source)
    assert len(cfg.loop_exits(loop, source)) == 1


def test_code_after_return_and_never_returning_calls_is_unreachable() -> None:
    assert reached_steps("a()\nif x {\nreturn\nb()\n}\nc()\nt.Fatal(x)\nd()") == ["a()", "c()"]


def test_switch_falls_through_and_defaults() -> None:
    body = "switch x {\ncase 1:\na()\nfallthrough\ncase 2:\nb()\n}\nc()"
    assert reached_steps(body) == ["a()", "b()", "c()"]


def test_select_without_cases_blocks_forever() -> None:
    assert reached_steps("a()\nselect {}\nb()") == ["a()"]


def test_goto_reaches_its_label() -> None:
    assert reached_steps("goto end\na()\nend:\nb()") == ["b()"]


def test_endless_loop_without_exit_never_reaches_what_follows() -> None:
    assert reached_steps("for {\na()\n}\nb()") == ["a()"]
    assert reached_steps("for {\nif x {\nbreak\n}\n}\nb()") == ["b()"]


# --- code that runs once per run of a process ------------------------------------------

ACTIONS = b"""package tool

import (
	"github.com/spf13/cobra"
	urfave "github.com/urfave/cli/v2"
	kingpin "gopkg.in/alecthomas/kingpin.v2"
	other "example.com/cli"
)

func a(c *urfave.Context) error                { return nil }
func b(cmd *cobra.Command, args []string)       {}
func c(ctx *kingpin.ParseContext) error         { return nil }
func d(c *other.Context) error                  { return nil }
func e(cmd *cobra.Command)                      {}
func f(c urfave.Context) error                  { return nil }
"""


def test_command_actions_are_told_by_their_parameters_types_through_imports() -> None:
    from goleaklint.analysis.names import names_for
    root = parsing.parse(ACTIONS)
    names = names_for(ACTIONS, root, root)
    found = {f.child_by_field_name("name").text.decode(): lifetime.command_action(f, names, ACTIONS)
             for f in walk(root) if f.type == "function_declaration"}
    # an alias keeps the package; another package's Context, a missing args parameter
    # and a value instead of a pointer are no actions
    assert found == {"a": True, "b": True, "c": True, "d": False, "e": False, "f": False}


METHOD_ACTIONS = b"""package tool

import (
	"github.com/choria-io/fisk"
	kingpin "gopkg.in/alecthomas/kingpin.v2"
)

type cmd struct{}

func (c *cmd) a(_ *fisk.ParseContext) error    { return nil }
func (c *cmd) b(pc *kingpin.ParseContext) error { return nil }
func (c *cmd) d(n int) error                    { return nil }
"""


def test_command_actions_may_be_methods_of_the_commands_type() -> None:
    from goleaklint.analysis.names import names_for
    root = parsing.parse(METHOD_ACTIONS)
    names = names_for(METHOD_ACTIONS, root, root)
    found = {f.child_by_field_name("name").text.decode(): lifetime.command_action(f, names, METHOD_ACTIONS)
             for f in walk(root) if f.type == "method_declaration"}
    assert found == {"a": True, "b": True, "d": False}


ONCE = b"""package tool

import "github.com/urfave/cli"

func action(c *cli.Context) error {
	fetch()
	for i := 0; i < 3; i++ {
		poll()
	}
	return nil
}

func fetch() { get() }
func poll()  { get() }
func get()   {}
func Exported() {}
"""


def test_runs_once_follows_unexported_callers_outside_loops() -> None:
    from goleaklint.analysis.names import names_for
    root = parsing.parse(ONCE)
    names = names_for(ONCE, root, root)
    body = {f.child_by_field_name("name").text.decode(): f.child_by_field_name("body")
            for f in walk(root) if f.type == "function_declaration"}
    once = {name: lifetime.runs_once(node, names, root, ONCE) for name, node in body.items()}
    # get is called by fetch (once) and by poll (in a loop): not once
    assert once == {"action": True, "fetch": True, "poll": False, "get": False, "Exported": False}


LOOPS = b"""package p

type names chan string

func f(xs []string, m map[string]int, n int, ch <-chan string, ns names, s string, next func() bool) {
	for _, x := range xs {
		_ = x // slice
	}
	for k := range m {
		_ = k // map
	}
	for i := 0; i < n; i++ {
		_ = i // count
	}
	for c := range s {
		_ = c // string
	}
	for k, v := range unknown() {
		_, _ = k, v // two variables: no channel
	}
	for v := range ch {
		_ = v // channel
	}
	for v := range ns {
		_ = v // a named type of the package: not known
	}
	for v := range unknown() {
		_ = v // not known
	}
	for next() {
		_ = 0 // condition alone
	}
	for {
		_ = 0 // endless
	}
	for i := 0; ; i++ {
		_ = i // no condition
	}
	for {
		for _, x := range xs {
			_ = x // a slice inside an endless loop
		}
	}
}
"""


def test_repeats_tells_loops_over_collections_and_counts_from_loops_without_a_bound() -> None:
    from goleaklint.analysis.names import names_for
    root = parsing.parse(LOOPS)
    names = names_for(LOOPS, root, root)
    comments = [n for n in walk(root) if n.type == "comment"]
    found = {c.text.decode()[3:]: cfg.repeats(c.prev_named_sibling, names) for c in comments}
    assert found == {"slice": False, "map": False, "count": False, "string": False, "two variables: no channel": False,
                     "channel": True, "a named type of the package: not known": True, "not known": True,
                     "condition alone": True, "endless": True, "no condition": True,
                     "a slice inside an endless loop": True}
