"""The editor server's incremental analysis gives exactly what a full analysis gives:
random edits (comment lines added, rewritten and removed, blank lines, indentation,
comments at the end of a line, duplicated, deleted and swapped lines, renamed
identifiers, statements copied into a function, early returns, another signature, a
function copied under a new name, a block left unclosed) applied one after another to
the fixtures, each version analysed from the previous one's state and in full, and the
findings compared field by field."""

from __future__ import annotations

import glob
import os
import random
import re

import pytest

from goleaklint import engine, incremental, parsing, syntax
from goleaklint.rules import ALL_RULES, BY_CODE

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = list(ALL_RULES)
SETTINGS = engine.Settings()
FIXTURES = sorted(glob.glob(os.path.join(ROOT, "testdata", "*", "**", "*.go"), recursive=True))


def comparable(result: engine.FileResult) -> list[tuple]:
    findings = engine.scan_results([result], RULES, SETTINGS)[0]
    return [(f.rule, f.severity, f.line, f.column, f.end_line, f.end_column, f.message, f.function,
             f.snippet, f.fingerprint, f.related, f.fix) for f in findings]


def lint(state: incremental.State, path, source: bytes) -> engine.FileResult:
    """What the editor server gives for source, the next version of the file at path."""
    return incremental.analyze(state, str(path), source, parsing.parse(source), RULES, SETTINGS)


def lint_one_declaration(state: incremental.State, path, source: bytes) -> engine.FileResult:
    """lint, asserting that the edit was analysed by declaration (once), not in full."""
    runs = state.declaration_runs
    got = lint(state, path, source)
    assert state.declaration_runs == runs + 1
    return got


def full_analysis(path, source: bytes) -> engine.FileResult:
    return engine.analyze_source(str(path), source, tuple(r.code for r in RULES), {})


@pytest.fixture
def by_declaration(monkeypatch) -> None:
    """The files here are small: without this, every code edit would re-analyse the
    whole file (any share of a few functions is large, and a full analysis takes no time)."""
    monkeypatch.setattr(incremental, "FULL_FROM", 2)
    monkeypatch.setattr(incremental, "DECLARATIONS_FROM", 0)


def edit(text: str, rng: random.Random) -> str:
    """One random edit: most change no token (what incremental analysis reuses), the
    others change the code (what it must notice)."""
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    line = lines[at]
    kind = rng.randrange(17)
    if kind == 0:
        words = rng.choice(("an edit", "see s.done and quit: x = y", "//go:build ignore", "Lock() it"))
        lines.insert(at, line[: len(line) - len(line.lstrip())] + "// " + words)
    elif kind == 1:
        lines.insert(at, "")
    elif kind == 2 and line.lstrip().startswith("//"):
        lines[at] = line + " more words"
    elif kind == 3 and line.lstrip().startswith("//") and not line.lstrip().startswith("//goleaklint"):
        del lines[at]
    elif kind == 4 and line.strip() and not line.lstrip().startswith("//"):
        lines[at] = line + " // a comment at the end"
    elif kind == 5 and line.startswith("\t"):
        lines[at] = "\t" + line  # indentation
    elif kind == 6 and line.startswith("\t"):
        lines.insert(at, line)  # a statement twice
    elif kind == 7 and line.startswith("\t") and not line.rstrip().endswith(("{", "}")):
        del lines[at]
    elif kind == 8 and 0 < at and line.startswith("\t") and lines[at - 1].startswith("\t"):
        lines[at - 1], lines[at] = line, lines[at - 1]
    elif kind == 10 and not line.strip() and at > 3:
        lines.insert(at, "var _ = 1")  # a declaration between two others
    elif kind == 11:
        lines.append('func added() {\n\tconn.NotifyClose(make(chan *amqp.Error))\n}')
    elif kind == 12 and line.startswith("\t"):
        # a statement of the file (of another function, likely) copied into a body
        statements = [s for s in lines if s.startswith("\t") and not s.rstrip().endswith(("{", "}"))]
        lines.insert(at, line[: len(line) - len(line.lstrip())] + rng.choice(statements).lstrip())
    elif kind == 13 and line.startswith("\t") and not line.lstrip().startswith(("case", "default")):
        lines.insert(at, line[: len(line) - len(line.lstrip())] + rng.choice(("return", "_ = 0", "panic(0)")))
    elif kind == 14 and line.startswith("func "):  # another signature
        lines[at] = re.sub(r"^(func (?:\([^)]*\) )?\w+(?:\[[^\]]*\])?\()", r"\1extra int, ", line)
    elif kind == 15:
        starts = [i for i, s in enumerate(lines) if s.startswith("func ") and s.endswith("{")]
        if starts:
            first = rng.choice(starts)
            last = next((i for i in range(first, len(lines)) if lines[i] == "}"), first)
            copy = lines[first:last + 1]
            copy[0] = re.sub(r"^func (\([^)]*\) )?(\w+)", lambda m: f"func {m.group(1) or ''}{m.group(2)}Copy", copy[0])
            lines[last + 1:last + 1] = [""] + copy
    elif kind == 16 and line.startswith("\t") and line.rstrip().endswith("{"):
        del lines[at]  # a block opened nowhere: a syntax error in a function
    else:
        names = re.findall(r"\b[a-z]\w*\b", text)
        if names and line.startswith("\t"):
            lines[at] = re.sub(rf"\b{re.escape(rng.choice(names))}\b", rng.choice(names), line, count=1)
    return "\n".join(lines)


# Each fixture is edited in one of SHARES groups, picked by its name; a seed edits a group.
SHARES = 16


def share(seed: int) -> list[tuple[str, random.Random]]:
    """The fixtures of seed's group, each with the random source of its edits: both
    come from the seed and the fixture's own name, so a fixture added or changed
    leaves the others' edits as they were."""
    names = [os.path.relpath(path, ROOT) for path in FIXTURES]
    return [(path, random.Random(f"{seed} {name}")) for path, name in zip(FIXTURES, names)
            if random.Random(name).randrange(SHARES) == seed % SHARES]


@pytest.mark.parametrize("seed", range(SHARES))
@pytest.mark.usefixtures("by_declaration")
def test_incremental_analysis_equals_a_full_one(seed: int) -> None:
    versions = reused = declarations = 0
    for path, rng in share(seed):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        state = incremental.State()
        tree = None
        for step in range(10):
            source = text.encode()
            tree = parsing.parse_tree(source, tree)
            runs, declaration_runs = state.full_runs, state.declaration_runs
            got = incremental.analyze(state, path, source, tree.root_node, RULES, SETTINGS)
            full = full_analysis(path, source)
            assert comparable(got) == comparable(full), f"{path} after {step} edits:\n{text}"
            versions += 1
            reused += state.full_runs == runs
            declarations += state.declaration_runs > declaration_runs
            tree = (source, tree)
            text = edit(text, rng)
    assert reused >= versions // 4  # the findings were moved, not only recomputed
    assert declarations >= versions // 20  # code edits re-analysed by declaration


@pytest.mark.usefixtures("by_declaration")
def test_a_comment_moves_the_findings_and_a_code_edit_analyses_only_its_function(tmp_path) -> None:
    path = tmp_path / "a.go"
    source = (b'package a\n\nimport "context"\n\nfunc f() int {\n\treturn 1\n}\n\n'
              b'func g(p context.Context) {\n\tctx, _ := context.WithCancel(p)\n\t_ = ctx\n}\n')
    path.write_bytes(source)
    state = incremental.State()
    first = lint(state, path, source)
    assert [(f.rule, f.line) for f in first.findings] == [("GL009", 10)]
    for changed, how, line in (
            (source.replace(b"\treturn 1", b"\t// one\n\treturn 1"), "moved", 11),
            (source.replace(b"\treturn 1", b"\t// one\n\treturn 1 // two"), "moved", 11),
            (source.replace(b"\treturn 1", b"\t// one\n\treturn 2"), "declarations", 11),
            (source.replace(b"\treturn 1", b"\tx := 2\n\treturn x"), "declarations", 11),
            (source.replace(b"\t_ = ctx", b"\t_ = ctx\n\t_ = 1"), "declarations", 10),
            (source.replace(b"func f() int", b"func f(n int) int"), "full", 10),
            (source.replace(b'"context"', b'"context"\n\t_ "fmt"'), "full", 11)):
        runs, declaration_runs = state.full_runs, state.declaration_runs
        got = lint(state, path, changed)
        assert (state.full_runs - runs, state.declaration_runs - declaration_runs) == \
            {"moved": (0, 0), "declarations": (0, 1), "full": (1, 0)}[how], changed
        full = full_analysis(path, changed)
        assert comparable(got) == comparable(full)
        assert [(f.rule, f.line) for f in got.findings] == [("GL009", line)]


@pytest.mark.usefixtures("by_declaration")
def test_a_comment_next_to_a_license_header_or_in_a_type_moves_the_findings(tmp_path) -> None:
    path = tmp_path / "a.go"
    source = (b"// Copyright (c) 2026 The Authors.\n// Licensed under the MIT license (see LICENSE).\n\n"
              b'package a\n\nimport "context"\n\ntype server struct {\n\tname string\n\tdone chan struct{}\n}\n\n'
              b"const (\n\tfirst = iota\n\tsecond\n)\n\n"
              b"func g(p context.Context) {\n\tctx, _ := context.WithCancel(p)\n\t_ = ctx\n}\n")
    path.write_bytes(source)
    state = incremental.State()
    first = lint(state, path, source)
    assert [(f.rule, f.line) for f in first.findings] == [("GL009", 19)]
    for changed, how, line in (
            (source.replace(b"// Licensed", b"// an edit\n// Licensed"), "moved", 20),
            (source.replace(b"\tdone chan", b"\t// an edit\n\tdone chan"), "moved", 20),
            (source.replace(b"\tsecond", b"\t// an edit\n\tsecond"), "moved", 20),
            (source.replace(b"\tdone chan", b"\t// see s.done\n\tdone chan"), "full", 20),
            (source.replace(b'"context"', b'"context" // an edit'), "full", 19)):
        state = incremental.State()
        lint(state, path, source)
        runs = state.full_runs
        got = lint(state, path, changed)
        assert state.full_runs - runs == {"moved": 0, "full": 1}[how], changed
        assert comparable(got) == comparable(full_analysis(path, changed))
        assert [(f.rule, f.line) for f in got.findings] == [("GL009", line)]


USES_FETCH = (b"package a\n\nfunc use(u string) error {\n\tresp, err := fetch(u)\n\tif err != nil {\n"
              b"\t\treturn err\n\t}\n\t_ = resp.Status\n\treturn nil\n}\n")


def test_a_sibling_rewritten_in_place_is_read_again(tmp_path) -> None:
    # GL008 checks a file that does not import net/http only when a sibling declares a
    # function returning a response; an editor saving the sibling in place leaves the
    # folder's modification time as it was.
    path, sibling = tmp_path / "a.go", tmp_path / "b.go"
    path.write_bytes(USES_FETCH)
    sibling.write_bytes(b"package a\n\nfunc other() {}\n")
    state = incremental.State()
    first = lint(state, path, USES_FETCH)
    assert first.findings == []
    stamp = os.stat(tmp_path).st_mtime_ns
    with open(sibling, "r+b") as handle:
        handle.write(b'package a\n\nimport "net/http"\n\nfunc fetch(u string) (*http.Response, error) {\n'
                     b"\treturn http.Get(u)\n}\n")
    assert os.stat(tmp_path).st_mtime_ns == stamp
    got = lint(state, path, USES_FETCH)
    assert [(f.rule, f.line) for f in got.findings] == [("GL008", 4)]


def test_a_file_the_go_tool_ignores_does_not_force_a_full_analysis(tmp_path) -> None:
    path, ignored = tmp_path / "a.go", tmp_path / "_scratch.go"
    path.write_bytes(USES_FETCH)
    ignored.write_bytes(b"package a\n")
    state = incremental.State()
    lint(state, path, USES_FETCH)
    ignored.write_bytes(b"package a\n\nfunc later() {}\n")
    changed = USES_FETCH.replace(b"\treturn nil", b"\t// done\n\treturn nil")
    runs = state.full_runs
    lint(state, path, changed)
    assert state.full_runs == runs  # the findings were moved


LOCKED_SEND = (b'package a\n\nimport "sync"\n\nfunc g() {\n\t_ = 0\n}\n\ntype s struct {\n\tmu sync.Mutex\n'
               b"\tch chan int\n}\n\nfunc (x *s) f() {\n\tx.mu.Lock()\n\tx.ch <- 1\n\tx.mu.Unlock()\n}\n")


def test_a_cited_line_that_keeps_its_count_of_digits_is_moved(tmp_path) -> None:
    # The comment pushes the lines after it past line 9: the message's line 15 becomes
    # 16, as long as before, so the message is worded as before.
    path = tmp_path / "a.go"
    path.write_bytes(LOCKED_SEND)
    state = incremental.State()
    first = lint(state, path, LOCKED_SEND)
    assert [(f.rule, f.line) for f in first.findings] == [("GL004", 16)] and "line 15" in first.findings[0].message
    changed = LOCKED_SEND.replace(b"\t_ = 0", b"\t// a note\n\t_ = 0")
    runs = state.full_runs
    got = lint(state, path, changed)
    assert state.full_runs == runs
    full = full_analysis(path, changed)
    assert comparable(got) == comparable(full)
    assert "line 16" in got.findings[0].message


PROBER = (b'package a\n\nimport (\n\t"errors"\n\t"time"\n)\n\ntype prober struct {\n\tquit chan bool\n}\n\n'
          b"func newProber() *prober {\n\tp := &prober{quit: make(chan bool)}\n\tgo p.run()\n\treturn p\n}\n\n"
          b"func (p *prober) run() {\n\tif err := p.probe(); err != nil {\n\t\treturn\n\t}\n\t<-p.quit\n}\n\n"
          b"func (p *prober) probe() error {\n\tfor {\n\t\tselect {\n\t\tcase <-time.After(time.Minute):\n"
          b'\t\t\treturn errors.New("timeout")\n\t\tcase <-p.quit:\n\t\t\treturn nil\n\t\t}\n\t}\n}\n\n'
          b"func (p *prober) Stop() {\n\tp.quit <- true\n}\n")


@pytest.mark.usefixtures("by_declaration")
def test_a_receive_after_nested_package_selectors_is_read_again(tmp_path) -> None:
    # The receive `case <-p.quit` comes after `time.After(time.Minute)` and
    # `errors.New`: the declaration's names must still hold `quit` (selectors are
    # paired with their package by match), or the edit of newProber re-checks Stop
    # without the receiver that gives up, and the finding is lost.
    path = tmp_path / "a.go"
    path.write_bytes(PROBER)
    state = incremental.State()
    first = lint(state, path, PROBER)
    assert [(f.rule, f.line) for f in first.findings] == [("GL003", 37)]
    changed = PROBER.replace(b"\tgo p.run()\n", b"\tgo p.run()\n\t_ = 0\n")
    got = lint_one_declaration(state, path, changed)
    full = full_analysis(path, changed)
    assert comparable(got) == comparable(full)
    assert [(f.rule, f.line) for f in got.findings] == [("GL003", 38)]


SHARED_LINE = (b'package a\n\nimport "net/http"\n\ntype metadata struct {\n\thc *http.Client\n}\n\n'
               b"var defaultMetadata = &metadata{hc: &http.Client{}} // the client of the whole process\n\n"
               b"func (c *metadata) get(req *http.Request) (*http.Response, error) {\n\treturn c.hc.Do(req)\n}\n\n"
               b"func one() int {\n\treturn 1\n}\n")


@pytest.mark.usefixtures("by_declaration")
def test_a_finding_on_the_line_of_a_comment_is_not_reported_twice(tmp_path) -> None:
    # The declaration and the comment after it share line 9: the finding there belongs
    # to the declaration, which the edit of get (through `hc`) has checked again.
    path = tmp_path / "a.go"
    path.write_bytes(SHARED_LINE)
    state = incremental.State()
    first = lint(state, path, SHARED_LINE)
    assert [(f.rule, f.line) for f in first.findings] == [("GL006", 9)]
    changed = SHARED_LINE.replace(b"\treturn c.hc.Do(req)", b"\t_ = 0\n\treturn c.hc.Do(req)")
    got = lint_one_declaration(state, path, changed)
    assert [(f.rule, f.line) for f in got.findings] == [("GL006", 9)]


FACTORY = (b'package a\n\nimport (\n\t"context"\n\t"net/http"\n)\n\nvar pipelineClient = newPipelineClient()\n\n'
           b"func newPipelineClient() *http.Client {\n\treturn &http.Client{Transport: &http.Transport{}}\n}\n\n"
           b"func send(ctx context.Context, req *http.Request) (*http.Response, error) {\n"
           b"\treturn pipelineClient.Do(req.WithContext(ctx))\n}\n\nfunc one() int {\n\treturn 1\n}\n")


@pytest.mark.usefixtures("by_declaration")
def test_a_factory_s_client_is_followed_to_its_uses_and_back(tmp_path) -> None:
    # GL006 reads two matches apart: the factory's client is bound to
    # pipelineClient, whose uses decide. An edit of the factory must see the uses;
    # one of a use must check the factory again.
    path = tmp_path / "a.go"
    path.write_bytes(FACTORY)
    state = incremental.State()
    first = lint(state, path, FACTORY)
    assert first.findings == []  # every request carries the caller's context
    factory_edited = FACTORY.replace(b"\treturn &http.Client", b"\t_ = 0\n\treturn &http.Client")
    use_edited = factory_edited.replace(b"req.WithContext(ctx)", b"req")
    for changed, line in ((factory_edited, None), (use_edited, 12)):
        got = lint_one_declaration(state, path, changed)
        assert [(f.rule, f.line) for f in got.findings] == ([("GL006", line)] if line else [])


def test_the_names_a_declaration_shares_leave_out_the_blank_identifier() -> None:
    """`_` names nothing: assigned to (`_ = f()`) or bound (`_, err := f()`), it links a
    declaration to no other."""
    source = b"package a\n\nfunc f() {\n\t_ = g()\n}\n\nfunc k() {\n\t_, err := h()\n\t_ = err\n}\n"
    root = parsing.parse(source)
    known = incremental._known(source, root)
    assert [[name for _, name in incremental._names(node, source, *known)] for node in root.children[1:]] == \
        [[b"f", b"g"], [b"k", b"h"]]


def test_the_channel_names_kept_by_declaration_text_are_those_of_its_file() -> None:
    """The same text of a declaration mentions other shared names in another file: `ch`
    is an imported package in one (not shared), a name of another declaration in the
    other. What is kept by the text (`_flow`) is what is computed afresh, in either order."""
    function = b"func f() {\n\tch <- 1\n}\n"
    sources = (b'package a\n\nimport ch "example.com/ch"\n\n' + function,
               b"package a\n\n" + function)
    expected = []
    for source in sources:
        root = parsing.parse(source)
        known = incremental._known(source, root)
        node = root.children[-1]
        expected.append(frozenset(incremental._channel_names(node, incremental._names(node, source, *known))))
    assert expected[0] != expected[1]
    for order in (sources, sources[::-1]):
        for source in order:
            root = parsing.parse(source)
            assert incremental._flow(root.children[-1], source, incremental._known(source, root)) == \
                expected[sources.index(source)]


@pytest.mark.usefixtures("by_declaration")
def test_package_facts_that_appear_or_vanish_after_edits_elsewhere_are_noticed(tmp_path) -> None:
    """A rule with a package check whose facts on the file are empty is not run on the
    version before a code edit to compare them, as long as they stay empty; when an
    edit gives it facts (GL009: a cancel kept in a field, which the package check
    reports when nothing calls it), the versions are compared again, and the findings
    are always those of a full analysis."""
    path = tmp_path / "a.go"
    template = ("package a\n\nimport \"context\"\n\ntype S struct{{ cancel context.CancelFunc }}\n\n"
                "func (s *S) start(p context.Context) {{\n\tctx, cancel := context.WithCancel(p)\n"
                "\t_ = cancel\n{store}\tgo run(ctx)\n}}\n\nfunc run(ctx context.Context) {{ <-ctx.Done() }}\n\n"
                "func other() int {{\n\treturn {n}\n}}\n")
    rules = [rule for rule in RULES if rule.code == "GL009"]  # alone: no other rule's facts change
    state = incremental.State()
    seen = []
    for store, n in (("", 1), ("", 2), ("\ts.cancel = cancel\n", 2), ("\ts.cancel = cancel\n", 3), ("", 3),
                     ("", 4)):
        source = template.format(store=store, n=n).encode()
        path.write_bytes(source)
        runs = state.declaration_runs
        got = incremental.analyze(state, str(path), source, parsing.parse(source), rules, SETTINGS)
        full = engine.analyze_source(str(path), source, ("GL009",), {})
        assert comparable(got) == comparable(full), source.decode()
        seen.append(("declarations" if state.declaration_runs > runs else "full",
                     [(f.line, f.message[:40]) for f in got.findings]))
    never, kept = ([(8, f"`cancel` from context.WithCancel is {how}")] for how in ("neve", "kept"))
    assert seen == [("full", never), ("declarations", never), ("full", kept), ("declarations", kept),
                    ("full", never), ("declarations", never)]


def places(matches: list) -> list:
    return [(index, {name: [(n.id, n.start_byte, n.end_byte, n.type) for n in nodes]
                     for name, nodes in captures.items()}) for index, captures in matches]


@pytest.mark.parametrize("seed", range(4))
def test_matches_kept_by_declaration_text_are_the_nodes_a_query_finds(seed: int) -> None:
    """After an edit, a rule re-run on a declaration the edit did not touch finds its
    query matches again by their places, kept by the declaration's text from the full
    analysis or an earlier version: they are the very nodes of the new tree a query
    gives (not only their places), in the same order, for every rule, also where a
    node has a parent of the same span (a call that is a whole statement)."""
    rng = random.Random(seed)
    codes = tuple(rule.code for rule in RULES if rule.check is not None)
    for path in rng.sample(FIXTURES, 40):
        with open(path, "rb") as handle:
            source = handle.read()
        root = parsing.parse(source)
        found: dict[str, list] = {}
        engine.analyze_source(path, source, codes, {}, root=root, matches=found, alone=True)
        incremental._tops_of(root, source, found, incremental._known(source, root), {})
        edited = b"// an edit moves every declaration\n" + source
        new_root = parsing.parse(edited)
        for node in new_root.children:
            for code in found:
                kept = incremental._rule_matches(code, [node], edited, {})
                query = engine._rule_query(code)
                if BY_CODE[code].anchors:
                    near = [(a, b) for a, b in engine.anchor_ranges(code, edited)
                            if a < node.end_byte and b > node.start_byte]
                    fresh = parsing.matches_around(query, node, near) if near else []
                else:
                    fresh = parsing.matches(query, node)
                assert places(kept) == places(fresh), (path, code, node.start_point)


@pytest.mark.usefixtures("by_declaration")
def test_a_send_no_lock_can_reach_is_not_re_run_and_one_a_caller_s_lock_reaches_is(tmp_path, monkeypatch) -> None:
    """GL004 reports a send only under a lock, its function's or a caller's up to two
    calls up (`Rule.needs`). After an edit that its channel ties to a send (a receive
    from the same field), the send is analysed again only where a lock can reach it,
    or where it was reported before (the lock that reached it may be gone); the
    findings are always those of a full analysis."""
    path = tmp_path / "hub.go"
    rules = [rule for rule in RULES if rule.code == "GL004"]
    seen: list[set[bytes]] = []
    dependents = incremental._dependents

    def recorded(code, outside, tops, *args):
        dirty, gathered, reads = dependents(code, outside, tops, *args)
        seen.append({tops[i].name for i in dirty})
        return dirty, gathered, reads

    monkeypatch.setattr(incremental, "_dependents", recorded)
    head = ("package a\n\nimport \"sync\"\n\ntype hub struct {\n\tmu     sync.Mutex\n\tevents chan int\n}\n\n"
            "func (h *hub) size() int {\n\th.mu.Lock()\n\tdefer h.mu.Unlock()\n\treturn len(h.events)\n}\n\n"
            "func (h *hub) send(v int) {\n\th.events <- v\n}\n\n")
    drain = "func (h *hub) drain() int {{\n{extra}\treturn <-h.events\n}}\n"
    locked = "\nfunc (h *hub) stateChanged() {{\n{lock}\th.update()\n{unlock}}}\n\nfunc (h *hub) update() {{\n\th.send(1)\n}}\n"
    held = {"lock": "\th.mu.Lock()\n", "unlock": "\th.mu.Unlock()\n"}
    free = {"lock": "", "unlock": ""}
    versions = [  # (text, the declarations GL004 is re-run on: None, all)
        (head + drain.format(extra=""), None),
        (head + drain.format(extra="\t_ = 0\n"), {b"drain"}),  # no lock reaches send
        (head + drain.format(extra="\t_ = 0\n") + locked.format(**free), None),
        (head + drain.format(extra="") + locked.format(**free), {b"drain"}),
        (head + drain.format(extra="") + locked.format(**held), {b"stateChanged", b"send"}),  # two calls up
        (head + drain.format(extra="\t_ = 0\n") + locked.format(**held), {b"drain", b"send"}),
        (head + drain.format(extra="\t_ = 0\n") + locked.format(**free), {b"stateChanged", b"send"}),  # reported
    ]
    reported = []
    state = incremental.State()
    for source, rerun in versions:
        source = source.encode()
        path.write_bytes(source)
        seen.clear()
        got = incremental.analyze(state, str(path), source, parsing.parse(source), rules, SETTINGS)
        full = engine.analyze_source(str(path), source, ("GL004",), {})
        assert comparable(got) == comparable(full), source.decode()
        assert seen == ([rerun] if rerun is not None else []), source.decode()
        reported.append(len(full.findings))
    assert reported == [0, 0, 0, 0, 1, 1, 0]


def test_a_call_handing_a_field_to_a_function_is_keyed_by_the_field_only() -> None:
    """GL003 reads of a call `go consume(limit, t.events)` only the receives of the
    function from the parameter a field is handed to: the editor server gathers such
    a call for the declarations that use `events` (`Rule.key_nodes`), not for those
    that mention `limit` or `consume`."""
    source = (b"package a\n\nvar limit = 1\n\ntype T struct{ events chan int }\n\n"
              b"func (t *T) start() {\n\tgo consume(limit, t.events)\n}\n\n"
              b"func consume(n int, ch chan int) {\n\tfor range ch {\n\t}\n}\n\n"
              b"func (t *T) send() {\n\tt.events <- limit\n}\n")
    root = parsing.parse(source)
    found: dict[str, list] = {}
    engine.analyze_source("a.go", source, ("GL003",), {}, root=root, matches=found, alone=True)
    tops = incremental._tops_of(root, source, found, incremental._known(source, root), {})
    assert [top.keys_of("GL003") for top in tops if top.name == b"start"] == [frozenset({b"events"})]


@pytest.mark.parametrize("seed", range(3))
def test_anchor_ranges_after_an_edit_are_those_of_a_search_of_the_whole_file(seed: int) -> None:
    """After an edit, a rule's anchor ranges (where its query runs) are taken from the
    version before away from the change and found again around it: they are what a
    search of the whole new text finds and accepts, also when the edit adds, removes
    or breaks anchors (`go `, `.Dial`, `.Query`, in code and in comments)."""
    rng = random.Random(seed)
    codes = [rule.code for rule in RULES if rule.anchors]
    lines = ["\tgo f(x.Dial, y.Query) // go Rows", "\t_ = 0", "", "\t// x.Prepare(", "\tgo", "\tx.\n\tDial()"]
    for path in rng.sample(FIXTURES, 25):
        with open(path, "rb") as handle:
            old = handle.read()
        text = old.decode().split("\n")
        at = rng.choice([i for i, line in enumerate(text) if line.startswith("\t")] or [len(text) - 1])
        if rng.random() < 0.5:
            text.insert(at, rng.choice(lines))
        else:
            del text[at]
        new = "\n".join(text).encode()
        old_root = parsing.parse(old)
        for code in codes:
            incremental._anchor_ranges(code, old, old_root)
        syntax.derive(new, old, *parsing.changed_range(old, new))
        root = parsing.parse(new)
        for code in codes:
            assert incremental._derived_anchor_ranges(code, new, root) == \
                engine.anchor_ranges.__wrapped__(code, new), (path, code, at)


@pytest.mark.parametrize("seed", range(3))
def test_field_uses_after_an_edit_are_those_of_the_whole_text(seed: int) -> None:
    """GL003's field uses (`.f` not sent on or given a make, `f:` keys) after an edit
    are counted from the version before and the top-level nodes around the change:
    they are those of the whole new text, also when the edit adds or removes a use, a
    `<-` or `= make(` after one, or a comment over one."""
    from goleaklint.model import Context
    from goleaklint.rules import blocking_send
    rng = random.Random(seed)
    lines = ["\tx.events <- 1", "\t_ = y.jobs", "\ts.done = make(chan int)", "\t// z.comment", "\tw := T{key: v}",
             "\t<-", "\t_ = 0"]
    for path in rng.sample(FIXTURES, 30):
        with open(path, "rb") as handle:
            old = handle.read()
        text = old.decode().split("\n")
        at = rng.choice([i for i, line in enumerate(text) if line.startswith("\t")] or [len(text) - 1])
        if rng.random() < 0.6:
            text.insert(at, rng.choice(lines))
        else:
            del text[at]
        new = "\n".join(text).encode()
        blocking_send._file_field_uses(Context(str(path), old, parsing.parse(old), [], {}))
        syntax.derive(new, old, *parsing.changed_range(old, new))
        ctx = Context(str(path), new, parsing.parse(new), [], {})
        assert blocking_send._derived_use_counts(ctx) is not None
        assert blocking_send._file_field_uses(ctx) == blocking_send._field_uses(new), (path, at)


@pytest.mark.parametrize("seed", range(3))
def test_trigger_words_after_an_edit_are_those_of_a_search_of_the_whole_file(seed: int) -> None:
    """After an edit, which trigger words of the rules a file holds is counted from
    the version before and the bytes around the change: it is what a search of the
    whole new text finds, also when the edit adds, removes, splits or joins a trigger
    (`<-`, `go `, `for {`, `net/http`, `WithCancel`), and the rules triggered are
    those of a whole search."""
    rng = random.Random(seed)
    codes = tuple(rule.code for rule in RULES)
    lines = ["\tgo f() // for {", "\t<-ch", "\t_ = 0", "", "\t// net/http", "\tfor {", "\tctx.WithCancel",
             "\tfor", " {", "\t<", "-"]
    automaton, words, _ = engine._triggers(codes)
    for path in rng.sample(FIXTURES, 25):
        with open(path, "rb") as handle:
            old = handle.read()
        versions = [old]
        for _ in range(3):
            text = versions[-1].decode().split("\n")
            at = rng.randrange(len(text))
            choice = rng.random()
            if choice < 0.4:
                text.insert(at, rng.choice(lines))
            elif choice < 0.7 and text[at]:
                cut = rng.randrange(len(text[at]))
                text[at] = text[at][:cut] + text[at][cut + 1:]  # one byte less: a word split or joined
            else:
                del text[at]
            versions.append("\n".join(text).encode())
        incremental._trigger_hits(codes, versions[0])
        for before, after in zip(versions, versions[1:]):
            syntax.derive(after, before, *parsing.changed_range(before, after))
            root = parsing.parse(after)
            got = incremental._trigger_hits(codes, after)
            assert got == {i for i, _, _ in automaton.find_matches_as_indexes(after, overlapping=True)}, path
            assert engine.triggered(codes, path, after, {}, got,
                                    lambda code: incremental._anchor_ranges(code, after, root)) == \
                engine.triggered(codes, path, after, {}), path
            syntax.file_memo(after)  # the newest memo, as the editor server keeps it


@pytest.mark.parametrize("seed", range(3))
def test_gathered_matches_are_a_rule_s_matches_keyed_by_the_names_read(seed: int) -> None:
    """A declaration a rule gathers from gives the matches of its gathered patterns
    whose keys hold a name read (`Rule.keys`, `Rule.key_nodes`): the same nodes, in
    the same order, as filtering all its matches, whether its matches and their key
    words were kept by its text from the full analysis, an earlier version, or not."""
    rng = random.Random(seed)
    codes = tuple(rule.code for rule in RULES if rule.gathered)
    for path in rng.sample(FIXTURES, 30):
        with open(path, "rb") as handle:
            source = handle.read()
        root = parsing.parse(source)
        found: dict[str, list] = {}
        engine.analyze_source(path, source, tuple(r.code for r in RULES if r.check is not None), {}, root=root,
                              matches=found, alone=True)
        incremental._tops_of(root, source, found, incremental._known(source, root), {})
        words = sorted(set(re.findall(rb"[A-Za-z_]\w*", source)))
        for step in range(3):
            edited = b"// an edit moves every declaration\n" * (step + 1) + source
            new_root = parsing.parse(edited)
            for node in new_root.children:
                for code in codes:
                    reads = set(rng.sample(words, min(len(words), rng.choice((1, 5, 50)))))
                    rule = BY_CODE[code]
                    got = incremental._gathered_matches(code, node, edited, {}, reads)
                    every = incremental._rule_matches(code, [node], edited, {})
                    wanted = [m for m in every if m[0] in rule.gathered and
                              incremental._keyed(rule, m[1], edited, reads)]
                    assert places(got) == places(wanted), (path, code, node.start_point)


@pytest.mark.usefixtures("by_declaration")
def test_declarations_found_from_the_kept_index_are_those_of_the_top_level(tmp_path) -> None:
    """After an edit analysed by declaration, the rules find a file's functions by
    name (`syntax.declared`, the ownership summaries' functions) from the indexes the
    editor server keeps: the same nodes a pass over the new tree's top level finds."""
    from goleaklint.analysis.ownership import function_key, ownership_of
    checked = 0
    for path in FIXTURES[::7]:
        with open(path, "rb") as handle:
            source = handle.read()
        if source.count(b"\nfunc ") < 3:
            continue
        state = incremental.State()
        lint(state, path, source)
        at = source.index(b"{\n", source.index(b"\nfunc ")) + 2
        edited = source[:at] + b"\t_ = 0\n" + source[at:]
        root = parsing.parse(edited)
        runs = state.declaration_runs
        incremental.analyze(state, path, edited, root, RULES, SETTINGS)
        if state.declaration_runs == runs:
            continue
        # (a sibling read meanwhile can push the file's memo out: it is built again)
        checked += isinstance(syntax.file_memo(edited).get((syntax.declared, root)), syntax._Declared)
        eager: dict[tuple[str, str], list] = {}
        for decl in root.children:
            if decl.type in ("function_declaration", "method_declaration"):
                ident = decl.child_by_field_name("name")
                if ident is not None:
                    eager.setdefault((decl.type, syntax.text(edited, ident)), []).append(decl)
        for (kind, name), nodes in eager.items():
            assert [n.id for n in syntax.declared(root, edited, name, kind)] == [n.id for n in nodes], (path, name)
        assert syntax.declared(root, edited, "no such name", "function_declaration") == []
        functions = ownership_of(root, edited).functions
        assert sorted(functions) == sorted({function_key(n, edited) for nodes in eager.values() for n in nodes
                                            if n.child_by_field_name("body")} - {None})
        for nodes in eager.values():
            for key in {function_key(n, edited) for n in nodes} - {None}:
                assert [n.id for n in functions.get(key, ())] == \
                    [n.id for n in nodes if n.child_by_field_name("body") is not None and
                     function_key(n, edited) == key], (path, key)
    assert checked >= 3


@pytest.mark.usefixtures("by_declaration")
def test_the_callee_words_a_type_alias_names_are_read_again_after_a_comment_in_it(tmp_path) -> None:
    """Which callee words (`Rule.callee_words`) a type alias names is kept from one
    code edit to the next (the types do not change then); a comment edit inside a
    type declaration, whose text is searched, makes it be read again."""
    path = tmp_path / "a.go"
    head = "package a\n\nimport \"net/http\"\n\ntype (\n\tT = int{comment}\n)\n\n"
    body = ("func get(c *http.Client) *http.Response {{\n{extra}\tr, _ := c.Get(\"x\")\n\treturn r\n}}\n\n"
            "func use(c *http.Client) {{\n\tr := get(c)\n\t_ = r\n}}\n")
    state = incremental.State()
    # (the comment in the alias, the code edit, what is kept: None, nothing)
    for comment, extra, kept in (("", "", None), ("", "\t_ = 0\n", set()), (" // a Response", "\t_ = 0\n", None),
                                 (" // a Response", "", {b"Response"})):
        source = (head.format(comment=comment) + body.format(extra=extra)).encode()
        path.write_bytes(source)
        got = incremental.analyze(state, str(path), source, parsing.parse(source), RULES, SETTINGS)
        assert comparable(got) == comparable(full_analysis(path, source))
        aliases = [source[n.start_byte:n.end_byte] for n in parsing.parse(source).children
                   if n.type == "type_declaration"]
        assert list(state.typed.values()) == ([kept] if kept is not None else []), (comment, extra)
        for words, typed in state.typed.items():
            assert typed == {w for w in words if any(re.search(rb"=[^\n]*\b%s\b" % w, a) for a in aliases)}


def test_selects_that_stop_waiting_kept_by_declaration_text_are_those_found_again() -> None:
    """GL003's selects that stop waiting for a returned channel (`_waiting_callers`)
    are kept by the text of their top-level declaration: after an edit that moves
    the declarations (lines added above them, one rewritten), they are what the file
    gives with nothing kept, lines included."""
    from goleaklint.model import Context
    from goleaklint.rules import blocking_send
    checked = 0
    for path in FIXTURES:
        with open(path, "rb") as handle:
            source = handle.read()
        if b"select" not in source:
            continue
        first = blocking_send._waiting_callers(Context(path, source, parsing.parse(source), [], {}))
        checked += bool(first)
        for edited in (b"// one\n// two\n" + source, source.replace(b"select {", b"select {\n\t// case", 1)):
            kept = blocking_send._waiting_callers(Context(path, edited, parsing.parse(edited), [], {}))
            blocking_send._waits_kept.clear()
            fresh = blocking_send._waiting_callers(Context(path, edited + b"\n", parsing.parse(edited + b"\n"), [], {}))
            assert kept == fresh, path
            if edited.startswith(b"// one"):
                assert kept == {name: (line + 2, how, once) for name, (line, how, once) in first.items()}, path
    assert checked >= 2


@pytest.mark.usefixtures("by_declaration")
def test_a_comment_edit_carries_forward_what_the_next_code_edit_derives(tmp_path) -> None:
    """After an edit that changes no token (the findings are moved, nothing analysed),
    what a code edit derives from the version before is brought forward
    (`syntax.carry`): the word places, names, field uses, trigger counts and anchor
    ranges of the new version, each what a fresh computation gives; the code edit
    after it then gives the findings of a full analysis."""
    from goleaklint.analysis.names import Names
    from goleaklint.model import Context
    from goleaklint.rules import blocking_send
    codes = tuple(rule.code for rule in RULES)
    automaton, _, _ = engine._triggers(codes)
    carried = 0
    for path in FIXTURES[::5]:
        with open(path, "rb") as handle:
            source = handle.read()
        if b"\nfunc " not in source or b"<-" not in source:
            continue
        state = incremental.State()
        tree = parsing.parse_tree(source)
        incremental.analyze(state, path, source, tree.root_node, RULES, SETTINGS)
        # what the code edits read, as an edit by declaration finds it
        blocking_send._file_field_uses(Context(path, source, tree.root_node, [], {}))
        incremental._trigger_hits(codes, source)
        syntax.word_starts(source, b"select")
        at = source.index(b"\nfunc ") + 1
        commented = source[:at] + b"// a comment\n" + source[at:]
        tree = parsing.parse_tree(commented, (source, tree))
        runs = state.full_runs
        incremental.analyze(state, path, commented, tree.root_node, RULES, SETTINGS)
        if state.full_runs != runs or not state.tops:
            continue
        memo = syntax.file_memo(commented)
        if memo.get(Names) is None:
            continue
        carried += 1
        fresh = Names(tree.root_node, commented)
        fresh._scan_all()
        assert dict(memo[Names].top) == dict(fresh.top), path
        assert memo[blocking_send._use_counts] == blocking_send._use_counts(commented), path
        assert memo[syntax._word_starts][b"select"] == \
            [m.start() for m in re.finditer(rb"\bselect\b", commented)], path
        assert incremental._trigger_hits(codes, commented) == \
            {i for i, _, _ in automaton.find_matches_as_indexes(commented, overlapping=True)}, path
        for code in codes:
            if (incremental._anchor_ranges, code) in memo:
                assert memo[incremental._anchor_ranges, code] == engine.anchor_ranges.__wrapped__(code, commented)
        body = commented.index(b"{\n", commented.index(b"\nfunc ")) + 2
        edited = commented[:body] + b"\t_ = 0\n" + commented[body:]
        tree = parsing.parse_tree(edited, (commented, tree))
        got = incremental.analyze(state, path, edited, tree.root_node, RULES, SETTINGS)
        assert comparable(got) == comparable(full_analysis(path, edited)), path
    assert carried >= 3


@pytest.mark.usefixtures("by_declaration")
def test_a_second_edit_in_a_function_reuses_the_facts_the_first_gave(monkeypatch) -> None:
    """A rule with a package check runs on the version before an edit too, to compare
    its facts; when the last edit's run on that version saw the same declarations (a
    second edit in the same function), its facts are taken instead of running again.
    The findings are those of a full analysis either way."""
    calls: list[bool] = []
    restricted = incremental._restricted
    state = incremental.State()

    def counted(path, source, *args):
        calls.append(source is state.source)  # a run on the version before the edit
        return restricted(path, source, *args)

    monkeypatch.setattr(incremental, "_restricted", counted)
    reused = 0
    for path in FIXTURES:
        with open(path, "rb") as handle:
            source = handle.read()
        if b"<-" not in source or source.count(b"\nfunc ") < 2:
            continue
        state = incremental.State()
        lint(state, path, source)
        at = source.index(b"{\n", source.index(b"\nfunc ")) + 2
        befores = []
        for extra in (b"\t_ = 0\n", b"\t_ = 0\n\t_ = 1\n", b"\t_ = 2\n"):
            edited = source[:at] + extra + source[at:]
            calls.clear()
            runs = state.declaration_runs
            got = lint(state, path, edited)
            assert comparable(got) == comparable(full_analysis(path, edited)), path
            if state.declaration_runs == runs:
                break
            befores.append(sum(calls))
        if len(befores) == 3 and befores[0]:
            assert befores[1] < befores[0] and befores[2] < befores[0], (path, befores)
            reused += 1
    assert reused >= 3


@pytest.mark.usefixtures("by_declaration")
def test_the_locks_a_rule_needs_kept_from_the_last_edit_are_those_found_again(tmp_path) -> None:
    """What `Rule.needs` reaches (the declarations holding `Lock` and the names their
    callers reach, GL004) is kept from one code edit to the next when the edit did not
    touch a declaration holding the word or read for its words, and did not add one:
    after each of a series of edits (a lock added, removed, a call added, elsewhere)
    it is what a search of the whole new text finds, and the findings are those of a
    full analysis."""
    rule = BY_CODE["GL004"]
    path = tmp_path / "hub.go"
    text = ("package a\n\nimport \"sync\"\n\ntype hub struct {\n\tmu     sync.Mutex\n\tevents chan int\n"
            "\tother  chan int\n}\n\n"
            "func (h *hub) send(v int) {\n\th.events <- v\n}\n\n"
            "func (h *hub) locked() {\n\th.mu.Lock()\n\tdefer h.mu.Unlock()\n\th.relay()\n}\n\n"
            "func (h *hub) relay() {\n\th.send(1)\n}\n\n"
            "func (h *hub) ping() {\n\th.other <- 1\n}\n\n"
            "func (h *hub) drain() int {\n\treturn <-h.events\n}\n\n"
            "func (h *hub) idle() {\n\t_ = 0\n\t<-h.other\n}\n")
    edits = [("\t_ = 0\n", "\t_ = 1\n"), ("\t_ = 1\n", "\t_ = 2\n"), ("\t_ = 2\n", "\th.mu.Lock()\n"),
             ("\th.mu.Lock()\n", "\t_ = 3\n"), ("\t_ = 3\n", "\th.ping()\n"), ("\th.ping()\n", "\t_ = 4\n"),
             ("\th.relay()\n", "\th.relay()\n\th.idle()\n"), ("\t_ = 4\n", "\t_ = 5\n"),
             ("\t_ = 5\n", "\t_ = 6\n")]
    state = incremental.State()
    reused = 0
    for old, new in [(None, None)] + edits:
        if old is not None:
            assert old in text
            text = text.replace(old, new, 1)
        source = text.encode()
        path.write_bytes(source)
        kept = state.reach.get("GL004")
        got = incremental.analyze(state, str(path), source, parsing.parse(source), RULES, SETTINGS)
        assert comparable(got) == comparable(full_analysis(path, source)), text
        if "GL004" not in state.reach:
            continue
        reused += kept is not None and state.reach["GL004"][1] is kept[1]
        found: dict[str, tuple] = {}
        fresh = incremental._may_report(state.tops, incremental._Index.of(state.tops), source, source,
                                        len(state.tops), 0, None, (), found)
        fresh(rule, 0)
        assert state.reach["GL004"][1] == found["GL004"][1], text  # the tops holding `Lock`
        assert state.reach["GL004"][3] == found["GL004"][3], text  # the names reached
    assert reused >= 2


@pytest.mark.usefixtures("by_declaration")
def test_the_syntax_note_after_an_edit_by_declaration_is_that_of_a_full_analysis(tmp_path) -> None:
    """An edit analysed by declaration leaves the syntax errors where they were (the
    declarations it touched parse cleanly before and after): the note on the first is
    moved with its line; it is that of a full analysis, whether the edit is before the
    error, after it, or adds lines."""
    path = tmp_path / "a.go"
    text = ("package a\n\nfunc before(ch chan int) {\n\t_ = 0\n\tch <- 1\n}\n\nfunc broken() {\n\tx := (\n}\n\n"
            "func after(ch chan int) {\n\t_ = 1\n\t<-ch\n}\n")
    edits = [("\t_ = 0\n", "\t_ = 0\n\t_ = 2\n\t_ = 3\n"), ("\t_ = 1\n", "\t_ = 4\n"), ("\t_ = 2\n", ""),
             ("\t_ = 4\n", "\t_ = 4\n\n\t_ = 5\n")]
    state = incremental.State()
    for old, new in [(None, None)] + edits:
        if old is not None:
            text = text.replace(old, new, 1)
        source = text.encode()
        path.write_bytes(source)
        runs = state.declaration_runs
        got = incremental.analyze(state, str(path), source, parsing.parse(source), RULES, SETTINGS)
        full = full_analysis(path, source)
        assert [(n.line, n.column, n.message) for n in got.notes] == \
            [(n.line, n.column, n.message) for n in full.notes], text
        assert got.notes and (old is None or state.declaration_runs == runs + 1), text


@pytest.mark.usefixtures("by_declaration")
def test_the_index_moved_by_comment_edits_is_that_of_the_tops(tmp_path) -> None:
    """The index of the declarations (`_Index`) is made with the full analysis and
    kept through edits that change no token: when they add or remove a comment
    between declarations (the indexes after it move), or one before a declaration
    the edit touched, it is the index made afresh from the tops; a code edit after
    them gives the findings of a full analysis."""
    checked = 0
    for path in FIXTURES[::6]:
        with open(path, "rb") as handle:
            text = handle.read().decode()
        if text.count("\nfunc ") < 3:
            continue
        state = incremental.State()
        lint(state, path, text.encode())
        if state.index is None:
            continue
        first = text.index("\nfunc ") + 1
        second = text.index("\nfunc ", first) + 1
        for edited in (text[:second] + "// added\n" + text[second:],
                       text[:first] + "// one\n\n// two\n" + text[first:second] + "// added\n" + text[second:],
                       text[:first] + "// two\n" + text[first:second] + text[second:]):
            runs = state.full_runs
            lint(state, path, edited.encode())
            if state.full_runs != runs or state.index is None:
                break
            fresh = incremental._Index.of(state.tops)
            assert (state.index.functions, state.index.candidates, state.index.keyed, state.index.mentions,
                    state.index.by_name, state.index.keys) == \
                (fresh.functions, fresh.candidates, fresh.keyed, fresh.mentions, fresh.by_name, fresh.keys), path
            assert state.index.by_text() == fresh.by_text(), path
            checked += 1
        body = edited.index("{\n", edited.index("\nfunc ")) + 2
        coded = (edited[:body] + "\t_ = 0\n" + edited[body:]).encode()
        got = lint(state, path, coded)
        assert comparable(got) == comparable(full_analysis(path, coded)), path
    assert checked >= 6
