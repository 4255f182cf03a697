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


def _findings_in_package(name: str) -> dict[int, tuple[str, str]]:
    path = os.path.join(FOLDER, name)
    with open(path, "rb") as handle:
        found = engine.analyze_source(path, handle.read(), ("GL004",), {})
    return {f.line: (f.severity.value, f.message) for f in found.findings}


def test_a_buffer_made_in_another_file_is_named_and_measured() -> None:
    found = _findings_in_package("sibling_const_send.go")
    # 1024 slots (a constant of the package) for one send per call: sized never to fill
    assert 14 not in found
    # 4 slots: every call adds to them, and the message says where they are made
    assert "(buffer 4 in sibling_const.go:16: every call adds to it)" in found[21][1]


def test_the_first_value_into_a_fresh_buffer_or_a_checked_one_is_not_reported() -> None:
    found = _findings("room.go")
    assert not {27, 31, 72, 81} & set(found)  # fresh buffer of 1; token handed back unlocked; len/cap checks
    assert {41, 52, 94, 105} <= set(found)  # 41: a second send into it follows under the lock


def test_a_close_in_another_file_or_through_a_method_is_a_guard_too() -> None:
    found = _findings_in_package("close_sibling.go")
    assert "unlock" not in found[20][1] and "`close(db.writeCh)` needs the lock too" in found[20][1]
    assert found[27][1].endswith("; unlock first")  # acks is closed after the unlock
    assert "unlock" not in found[44][1] and "`close(fs.feeds[id].Chan())` needs the lock too" in found[44][1]
    # a helper named for needing the lock: no "unlock before the call"
    assert found[69][1].endswith("; add a buffer or a done case") and "unlock" not in found[69][1]


def test_a_callers_listener_names_the_operation_it_stalls() -> None:
    severity, message = _findings("callers_listener.go")[30]
    assert "stalls `newTask` until a receive" in message and severity == "error"


def test_a_registered_channel_closed_under_the_lock_is_not_unlock_first() -> None:
    found = _findings("map_key_registry.go")
    assert 31 not in found  # the callers' channels, keys of the registry: the lock guards the close
    assert "unlock" not in found[89][1] and "`close(ch)` at line 82 needs the lock too" in found[89][1]
    assert found[59][1].endswith("; unlock first")  # deleted, never closed
    assert "stalls `Add` until a receive" in found[116][1]  # a caller's channel stalls an unrelated operation


def test_a_worker_that_ranges_over_its_parameter_until_the_close_is_ready() -> None:
    found = _findings("worker_param.go")
    assert 42 not in found and 71 in found  # the second worker takes the lock the sender holds


def _confidences(name: str) -> dict[int, str]:
    path = os.path.join(FOLDER, name)
    with open(path, "rb") as handle:
        found = engine.analyze_source(path, handle.read(), ("GL004",), {})
    return {f.line: f.confidence.value for f in found.findings}


def test_shown_only_where_the_code_shows_the_stall() -> None:
    found = _confidences("stall_evidence.go")
    # a lock cycle (in the receiving loop, after a one-shot receive, through an accessor),
    # a receiver that can stop (on an error, a one-shot select), an unsubscribe that
    # closes under the write lock: shown at the rule's confidence
    for line in (39, 65, 121, 151, 235, 314):
        assert found[line] == "medium", line
    # a reader that takes only the read side, a one-shot receiver of a buffered
    # long-lived field, callers' channels, a channel the sender closes itself, a sender
    # that is a goroutine of its own, a receiver that closes the channel on its way out: low
    for line in (95, 200, 255, 275, 395, 429):
        assert found[line] == "low", line
    # a fresh buffer of one per call, a worker out of the registry before its one send
    assert 171 not in found and 357 not in found


def test_a_buffer_reached_through_a_method_is_named() -> None:
    severity, message = _findings("accessor_buffer.go")[45]
    assert "once its buffer of 10 is full" in message
    assert "unlock" not in message and message.endswith("needs the lock too: add a done case")


def test_a_send_through_a_call_keeps_the_buffer_and_the_advice_within_one_line() -> None:
    # the stage's own error report is a way out (stage_report.go's feed is not reported);
    # the other send's long message drops the lock's line (a related location) first
    found = _findings("stage_report.go")
    assert len(found) == 1
    severity, message = next(iter(found.values()))
    assert len(message) <= 160 and severity == "warning"
    assert "once its buffer of 100 is full" in message and "(through the call at line" in message
    assert message.endswith("; its close needs the lock too: add a done case")
