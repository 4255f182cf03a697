"""The editor server's incremental analysis gives exactly what a full analysis gives:
random edits (comment lines added, rewritten and removed, blank lines, indentation,
comments at the end of a line, duplicated, deleted and swapped lines, renamed
identifiers) applied one after another to the fixtures, each version analysed from
the previous one's state and in full, and the findings compared field by field."""

from __future__ import annotations

import glob
import os
import random
import re

import pytest

from goleaklint import engine, incremental, parsing
from goleaklint.rules import ALL_RULES

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = list(ALL_RULES)
SETTINGS = engine.Settings()
FIXTURES = sorted(glob.glob(os.path.join(ROOT, "testdata", "*", "**", "*.go"), recursive=True))


def comparable(result: engine.FileResult) -> list[tuple]:
    findings = engine.scan_results([result], RULES, SETTINGS)[0]
    return [(f.rule, f.severity, f.line, f.column, f.end_line, f.end_column, f.message, f.function,
             f.snippet, f.fingerprint, f.related, f.fix) for f in findings]


def edit(text: str, rng: random.Random) -> str:
    """One random edit: most change no token (what incremental analysis reuses), the
    others change the code (what it must notice)."""
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    line = lines[at]
    kind = rng.randrange(12)
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
    else:
        names = re.findall(r"\b[a-z]\w*\b", text)
        if names and line.startswith("\t"):
            lines[at] = re.sub(rf"\b{re.escape(rng.choice(names))}\b", rng.choice(names), line, count=1)
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(3))
def test_incremental_analysis_equals_a_full_one(seed: int) -> None:
    rng = random.Random(seed)
    versions = reused = 0
    for path in rng.sample(FIXTURES, 10):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        state = incremental.State()
        tree = None
        for step in range(10):
            source = text.encode()
            tree = parsing.parse_tree(source, tree)
            runs = state.full_runs
            got = incremental.analyze(state, path, source, tree.root_node, RULES, SETTINGS)
            full = engine.analyze_source(path, source, tuple(r.code for r in RULES), {})
            assert comparable(got) == comparable(full), f"{path} after {step} edits:\n{text}"
            versions += 1
            reused += state.full_runs == runs
            tree = (source, tree)
            text = edit(text, rng)
    assert reused >= versions // 4  # the findings were moved, not only recomputed


def test_a_comment_moves_the_findings_and_a_code_edit_analyses_again(tmp_path) -> None:
    path = tmp_path / "a.go"
    source = (b'package a\n\nimport "context"\n\nfunc f() int {\n\treturn 1\n}\n\n'
              b'func g(p context.Context) {\n\tctx, _ := context.WithCancel(p)\n\t_ = ctx\n}\n')
    path.write_bytes(source)
    state = incremental.State()
    first = incremental.analyze(state, str(path), source, parsing.parse(source), RULES, SETTINGS)
    assert [(f.rule, f.line) for f in first.findings] == [("GL009", 10)]
    for changed, again in ((source.replace(b"\treturn 1", b"\t// one\n\treturn 1"), False),
                           (source.replace(b"\treturn 1", b"\t// one\n\treturn 1 // two"), False),
                           (source.replace(b"\treturn 1", b"\treturn 2"), True)):
        runs = state.full_runs
        got = incremental.analyze(state, str(path), changed, parsing.parse(changed), RULES, SETTINGS)
        assert state.full_runs == runs + again
        full = engine.analyze_source(str(path), changed, tuple(r.code for r in RULES), {})
        assert comparable(got) == comparable(full)
        assert [(f.rule, f.line) for f in got.findings] == [("GL009", 11 if b"one" in changed else 10)]
