"""The scan engine: parallel determinism, the result cache and its invalidation."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest
from click.testing import CliRunner

from goleaklint import cache as cache_module
from goleaklint import engine, parsing
from goleaklint.cli import cli
from goleaklint.model import Context, span_of
from goleaklint.rules import ALL_RULES

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """Many copies of every fixture, enough to go parallel."""
    src = os.path.join(ROOT, "testdata")
    for i in range(6):
        shutil.copytree(src, tmp_path / "src" / f"copy{i}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args):
    result = CliRunner().invoke(cli, ["check", "--no-default-excludes", *args],
                                catch_exceptions=False)
    return result.exit_code, result.stdout


def _without_timing(json_text: str) -> dict:
    doc = json.loads(json_text)
    doc["stats"].pop("seconds")
    return doc


def test_jobs_do_not_change_output(tree, monkeypatch) -> None:
    monkeypatch.setattr(engine, "PARALLEL_THRESHOLD", 2)  # really use the pool
    outputs = {}
    for jobs in ("1", "2", "3"):
        for fmt in ("json", "sarif"):
            code, out = run("--no-cache", "--jobs", jobs, "--format", fmt, "src")
            assert code == 1
            outputs[jobs, fmt] = out
    assert outputs["1", "sarif"] == outputs["2", "sarif"] == outputs["3", "sarif"]
    docs = [_without_timing(outputs[j, "json"]) for j in ("1", "2", "3")]
    assert docs[0] == docs[1] == docs[2]
    assert len(docs[0]["findings"]) > 6


def test_one_pass_trigger_search_runs_the_rules_a_search_per_trigger_runs(tmp_path, monkeypatch
                                                                          ) -> None:
    """The rules' triggers are found in one pass (an Aho-Corasick automaton); a rule
    still runs on a file exactly when one of its own triggers occurs in it (and one of
    the words it requires), also where triggers overlap (`.Get()` in `Get()`,
    `time.Tick(` in `Tick(`), and the findings are those of a search per trigger."""
    codes = tuple(rule.code for rule in ALL_RULES)
    source = b"package p\n\nfunc f() { go g(time.Tick(d)); mu.Lock(); pool.Get() }\n"
    active = engine.triggered(codes, "p.go", source, {})
    assert {"GL006", "GL007", "GL010", "GL011"} <= set(active)
    assert "GL004" not in active  # Lock() but no send: GL004 reports only sends
    assert "GL002" not in active and "GL000" not in active  # GL000 has no check
    assert "GL002" in engine.triggered(codes, "p.go", source, {"GL002": {"names": ["X"]}})
    assert "GL011" not in engine.triggered(codes, "p.go", source.replace(b"go g", b"g"), {})
    for dirpath, _, names in os.walk(os.path.join(ROOT, "testdata")):
        for name in names:
            if name.endswith(".go"):
                path = os.path.join(dirpath, name)
                with open(path, "rb") as handle:
                    source = handle.read()
                expected = tuple(r.code for r in ALL_RULES if r.check is not None and ((
                    not r.triggers or any(t in source for t in r.triggers)) and (
                    not r.requires or any(w in source for w in r.requires)) and (
                    r.anchored is None or any(r.anchored(source, m.start(), m.end()) for w in r.anchors
                                              for m in re.finditer(re.escape(w), source))) and (
                    r.package_requires is None or r.package_requires(path, source))
                    or (r.package_trigger is not None and r.package_trigger(path, source))))
                assert engine.triggered(codes, path, source, {}) == expected, name
    (tmp_path / "testdata").mkdir()
    shutil.copytree(os.path.join(ROOT, "testdata"), tmp_path / "testdata" / "all")
    monkeypatch.chdir(tmp_path)
    _, with_automaton = run("--no-cache", "-j", "1", "--format", "json", "testdata")
    monkeypatch.setattr(engine, "BytesAhoCorasick", None)
    engine._triggers.cache_clear()
    try:
        _, without = run("--no-cache", "-j", "1", "--format", "json", "testdata")
    finally:
        engine._triggers.cache_clear()
    assert _without_timing(with_automaton) == _without_timing(without)
    assert len(_without_timing(without)["findings"]) > 100


def test_a_rule_with_anchors_reports_what_a_whole_file_pass_reports() -> None:
    """A rule with anchors has its query run only around them: on every fixture it
    gets a part of the matches of a pass over the whole file, in the same order, and
    reports exactly the same from them (so every match the check reads holds an anchor)."""
    anchored = [r for r in ALL_RULES if r.anchors]
    assert {"GL001", "GL002", "GL005", "GL009", "GL010", "GL011"} <= {r.code for r in anchored}
    reported = 0
    for dirpath, _, names in os.walk(os.path.join(ROOT, "testdata")):
        for name in sorted(n for n in names if n.endswith(".go")):
            path = os.path.join(dirpath, name)
            with open(path, "rb") as handle:
                source = handle.read()
            root = parsing.parse(source)
            for rule in anchored:
                query = engine._rule_query(rule.code)
                whole = parsing.matches(query, root)
                around = parsing.matches_around(query, root, engine.anchor_ranges(rule.code, source))
                ids = [(i, tuple(n.id for v in c.values() for n in v)) for i, c in whole]
                kept = [(i, tuple(n.id for v in c.values() for n in v)) for i, c in around]
                assert kept == [m for m in ids if m in set(kept)], (rule.code, name)

                def reports(matches):
                    ctx = Context(path, source, root, matches, dict(rule.options))
                    return [(tuple(span_of(r.at)), r.message) for r in rule.check(ctx)]

                expected = reports(whole)
                assert reports(around) == expected, (rule.code, name)
                reported += len(expected)
    assert reported > 100


def test_go_statement_anchor_skips_go_in_prose() -> None:
    """GL011 runs on a file only where `go` can start a statement: after a line's
    indentation, `;`, `{`, `:` or a comment, not "we go to" in a comment."""
    codes = tuple(rule.code for rule in ALL_RULES)
    prose = b"package p\n\n// we go to the loop\nfunc f() {\n\tfor {\n\t}\n}\n"
    assert "GL011" not in engine.triggered(codes, "p.go", prose, {})
    for statement in (b"\n\tgo f()", b"; go f()", b"{ go f() }", b"case <-c: go f()", b"/* x */ go f()"):
        assert "GL011" in engine.triggered(codes, "p.go", prose + statement, {}), statement


def test_sql_and_notify_anchors_skip_names_their_checks_never_read() -> None:
    """GL001 runs on a file only where one of its methods is called (`Prepare` at the
    start of the name), GL002 only where a name starts with `Notify`: a file holding
    neither is not parsed for them."""
    codes = tuple(rule.code for rule in ALL_RULES)
    head = b"package p\n\nfunc f() {\n"
    for body in (b"p.BeforePreparePlug(x)", b"n := len(d.Rows)", b"u := r.URL.RawQuery", b"<-w.CloseNotify()",
                 b"x := _SigNotify"):
        active = engine.triggered(codes, "p.go", head + body + b"\n}\n", {})
        assert "GL001" not in active and "GL002" not in active, body
    for body, code in ((b"s, err := db.Prepare /* c */ (q)", "GL001"), (b"r, err := db.Query(\n\t\tq)", "GL001"),
                       (b"r, err := s.queryRows (q)", "GL001"), (b"rows := x.Rows()", "GL001"),
                       (b"signal.Notify(\n\t\tc, os.Interrupt)", "GL002"), (b"n := signal.Notify", "GL002")):
        assert code in engine.triggered(codes, "p.go", head + body + b"\n}\n", {}), body


def test_repeated_runs_are_byte_identical(tree) -> None:
    first = run("--no-cache", "--format", "sarif", "src")[1]
    assert run("--no-cache", "--format", "sarif", "src")[1] == first
    assert str(tree) not in first  # no absolute temp paths in SARIF


def _scan(settings):
    return engine.scan(["src"], ALL_RULES, settings)


def _counting(monkeypatch):
    calls = []
    original = engine.analyze_source

    def counted(path, *args, **kwargs):
        calls.append(path)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(engine, "analyze_source", counted)
    return calls


def test_warm_cache_analyses_nothing_and_gives_the_same_findings(tree, monkeypatch) -> None:
    settings = engine.Settings(default_excludes=False, cache_dir=str(tree / "cache"), jobs=1)
    cold = _scan(settings)
    calls = _counting(monkeypatch)
    warm = _scan(settings)
    assert calls == []
    assert warm.findings == cold.findings and warm.notes == cold.notes
    assert (tree / "cache" / ".gitignore").read_text().endswith("*\n")


def test_cache_invalidation_on_content_change(tree, monkeypatch) -> None:
    settings = engine.Settings(default_excludes=False, cache_dir=str(tree / "cache"), jobs=1)
    before = _scan(settings)
    target = tree / "src" / "copy0" / "unbuffered_notify_channel" / "amqp.go"
    target.write_text(target.read_text().replace("make(chan *amqp.Error)", "make(chan *amqp.Error, 9)"))
    calls = _counting(monkeypatch)
    after = _scan(settings)
    assert calls == ["src/copy0/unbuffered_notify_channel/amqp.go"]
    assert len(after.findings) < len(before.findings)


def test_touched_but_unchanged_file_is_not_reanalysed(tree, monkeypatch) -> None:
    settings = engine.Settings(default_excludes=False, cache_dir=str(tree / "cache"), jobs=1)
    _scan(settings)
    target = tree / "src" / "copy1" / "unbuffered_notify_channel" / "amqp.go"
    os.utime(target, ns=(1, 1))
    calls = _counting(monkeypatch)
    _scan(settings)
    assert calls == []


def test_cache_invalidation_on_config_change(tree, monkeypatch) -> None:
    settings = engine.Settings(default_excludes=False, cache_dir=str(tree / "cache"), jobs=1)
    _scan(settings)
    calls = _counting(monkeypatch)
    engine.scan(["src"], [r for r in ALL_RULES if r.code == "GL002"], settings)
    assert calls  # another rule selection is another cache
    calls.clear()
    _scan(engine.Settings(default_excludes=False, cache_dir=str(tree / "cache"), jobs=1,
                          include_generated=True))
    assert calls


def test_cache_invalidation_on_version_change(tree, monkeypatch) -> None:
    settings = engine.Settings(default_excludes=False, cache_dir=str(tree / "cache"), jobs=1)
    _scan(settings)
    monkeypatch.setattr(cache_module, "__version__", "99.0.0")
    calls = _counting(monkeypatch)
    _scan(settings)
    assert calls


def test_corrupt_cache_is_ignored(tree) -> None:
    settings = engine.Settings(default_excludes=False, cache_dir=str(tree / "cache"), jobs=1)
    cold = _scan(settings)
    for dirpath, _, names in os.walk(tree / "cache"):
        for name in names:
            if name.endswith(".json"):
                with open(os.path.join(dirpath, name), "w") as handle:
                    handle.write("{not json")
    assert _scan(settings).findings == cold.findings


def test_cli_cache_flags(tree) -> None:
    run("--cache-dir", "c1", "src")
    assert (tree / "c1").is_dir()
    run("--no-cache", "--cache-dir", "c2", "src")
    assert not (tree / "c2").exists()
    run("src")
    assert (tree / ".goleaklint_cache").is_dir()


@pytest.mark.parametrize("select", ["GL009", "GL000,GL009"])
def test_a_package_check_finding_is_suppressed_in_a_file_where_nothing_else_is_found(
        tmp_path, monkeypatch, select) -> None:
    # GL009 reports a stored cancel from its package check, after every file is
    # analysed; its directive must be read even when GL000 is not selected.
    shutil.copytree(os.path.join(os.path.dirname(__file__), "..", "testdata", "cancel_not_called", "stored"),
                    tmp_path / "stored")
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "stored" / "stored.go"
    lines = path.read_text().split("\n")
    assert "ctx, cancel := context.WithCancel(parent)" in lines[17]
    lines[17] = lines[17].split(" // want")[0] + " //goleaklint:ignore GL009 the worker lives as long as the process"
    path.write_text("\n".join(lines))
    rules = [r for r in ALL_RULES if r.code in select.split(",")]
    found = engine.scan(["stored"], rules, engine.Settings()).findings
    assert (os.path.join("stored", "stored.go"), 18) not in [(f.path, f.line) for f in found]
    assert any(f.path == os.path.join("stored", "stored.go") for f in found)  # the others stay


def test_a_test_file_left_unparsed_gets_what_its_parsed_analysis_gets() -> None:
    """A `_test.go` file that triggers only rules reading nothing but the path and the
    bytes of a test (`Rule.tests_by_bytes`) is not parsed: on every fixture, taken as a
    test file, what those rules give without a tree (findings, package facts, errors)
    is what they give with one."""
    flagged = tuple(r.code for r in ALL_RULES if r.tests_by_bytes)
    assert {"GL003", "GL004", "GL005", "GL006", "GL011"} <= set(flagged)
    unparsed = 0
    for dirpath, _, names in os.walk(os.path.join(ROOT, "testdata")):
        for name in sorted(n for n in names if n.endswith(".go")):
            with open(os.path.join(dirpath, name), "rb") as handle:
                source = handle.read()
            path = os.path.join(dirpath, name[:-3].removesuffix("_test") + "_test.go")
            active = engine.triggered(flagged, path, source, {})
            unparsed += engine._by_bytes(flagged, path, source, active)
            alone = engine.analyze_source(path, source, flagged, {})
            parsed = engine.analyze_source(path, source, flagged, {}, root=parsing.parse(source))
            assert (alone.to_dict() | {"notes": []}) == (parsed.to_dict() | {"notes": []}), name
    assert unparsed > 50
