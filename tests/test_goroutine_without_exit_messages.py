"""GL011's advice where the loop has a way out that does not leave it: a plain `break`
in a `select` (a done or ctx case meant to stop) leaves only the select, so "add a
ctx.Done() exit" would be wrong advice; the message names the break instead."""

from __future__ import annotations

import os

from goleaklint import engine

FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                      "testdata", "goroutine_without_exit")


def _findings(name: str) -> dict[int, tuple[str, str]]:
    with open(os.path.join(FOLDER, name), "rb") as handle:
        source = handle.read()
    found = engine.analyze_source(name, source, ("GL011",), {})
    return {f.line: (f.severity.value, f.message) for f in found.findings}


def test_a_break_in_a_select_is_named_instead_of_asking_for_a_done_exit() -> None:
    severity, message = _findings("select_break.go")[12]
    assert "the `break` at line 16 leaves only the select" in message and message.endswith("return instead")
    assert "ctx.Done()" not in message and severity == "warning"


def test_a_break_of_a_switch_keeps_the_done_advice() -> None:
    _, message = _findings("select_break.go")[41]
    assert message.endswith("add a ctx.Done() exit") and "break" not in message


def test_a_wait_on_a_root_context_names_the_caller_and_the_guard() -> None:
    """A goroutine waiting only on ctx.Done(), started for a context.Background() by a
    function of the file: the message names the caller and says to guard the start."""
    path = os.path.join("library", "engine", "engine.go")
    with open(os.path.join(FOLDER, path), "rb") as handle:
        source = handle.read()
    found = [f for f in engine.analyze_source(path, source, ("GL011",), {}).findings]
    assert len(found) == 1
    message = found[0].message
    assert message.startswith("goroutine waits only on `ctx.Done()`; Engine.Run (line ")
    assert "passes context.Background()" in message and message.endswith("start it only if ctx.Done() != nil")
    assert found[0].severity.value == "warning"
