"""GL004 on a channel that a function of the file closes under the same lock: the lock
is the guard that keeps the close off the send, so the message must not tell the user
to unlock first (that would add a send on a closed channel)."""

from __future__ import annotations

import os

from goleaklint import engine

FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                      "testdata", "send_under_lock")


def _findings(name: str) -> dict[int, tuple[str, str]]:
    with open(os.path.join(FOLDER, name), "rb") as handle:
        source = handle.read()
    found = engine.analyze_source(name, source, ("GL004",), {})
    return {f.line: (f.severity.value, f.message) for f in found.findings}


def test_a_guarded_close_changes_the_advice_not_the_stall() -> None:
    severity, message = _findings("close_guard.go")[144]
    assert "stalls other lockers until a receive" in message
    assert "unlock" not in message and "`close(r.c)` needs the lock too: add a done case" in message
    assert "(buffer 1 at line 125: every call adds to it)" in message  # it waits once that is full
    # the accepting side never takes the lock: the send waits only while it keeps away
    assert severity == "warning"


def test_a_guarded_send_whose_receiver_takes_the_lock_stays_an_error() -> None:
    severity, message = _findings("checked_close.go")[74]
    assert severity == "error" and "unlock" not in message


def test_an_unguarded_send_still_says_unlock_first() -> None:
    severity, message = _findings("checked_close.go")[53]
    assert severity == "error" and message.endswith("; unlock first")


def test_the_callers_notify_channels_and_a_listener_with_a_done_case_are_left_alone() -> None:
    # the close of the caller's channels and of a done listener's channel needs the lock
    assert sorted(_findings("close_guard.go")) == [144]
