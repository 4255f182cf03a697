"""Behaviour of the channel, lock and loop analysis shared by GL003, GL004, GL011."""

from __future__ import annotations

import pytest

from goleaklint import parsing
from goleaklint.analysis import channels, locks
from goleaklint.analysis.names import parameter_at
from goleaklint.rules import blocking_send_receivers as receivers
from goleaklint.rules import send_under_lock_buffers as buffers
from goleaklint.syntax import walk


def parse(body: str, extra: str = "") -> tuple[bytes, object]:
    source = f"package p\n\n{extra}\nfunc f(param chan int) {{\n{body}\n}}\n".encode()
    root = parsing.parse(source)
    assert not root.has_error, source.decode()
    return source, root


def sends(root) -> list:
    return [n for n in walk(root) if n.type == "send_statement"]


def held(body: str, extra: str = "") -> list[list[str]]:
    source, root = parse(body, extra)
    return [[h.mutex for h in locks.held_locks(s, source)] for s in sends(root)]


# --- held_locks ----------------------------------------------------------------------


def test_lock_then_send_then_unlock() -> None:
    assert held("mu.Lock()\nch <- 1\nmu.Unlock()\nch <- 2") == [["mu"], []]


def test_defer_unlock_holds_to_the_end() -> None:
    source, root = parse("c.mu.Lock()\ndefer c.mu.Unlock()\nfor _, x := range xs {\nif x {\nch <- 1\n}\n}")
    [lock] = locks.held_locks(sends(root)[0], source)
    assert (lock.mutex, lock.method) == ("c.mu", "Lock")
    assert lock.deferred_unlock is not None and lock.deferred_unlock.type == "defer_statement"


def test_rlock_and_embedded_mutex() -> None:
    assert held("rw.RLock()\nch <- 1\nrw.RUnlock()") == [["rw"]]
    assert held("s.Lock()\nch <- 1") == [["s"]]


def test_unlock_before_return_does_not_release_the_fallthrough_path() -> None:
    assert held("mu.Lock()\nif bad {\nmu.Unlock()\nreturn\n}\nch <- 1") == [["mu"]]


def test_unlock_in_a_branch_that_falls_through_releases() -> None:
    assert held("mu.Lock()\nif bad {\nmu.Unlock()\n} else {\nmu.Unlock()\n}\nch <- 1") == [[]]


def test_unlock_of_a_shadowing_name_releases_another_mutex() -> None:
    # the if-initializer's `s` is the parent: its unlock leaves the outer s.mu held
    assert held("s.mu.Lock()\nif s := s.parent; s != nil {\ns.mu.Lock()\ns.mu.Unlock()\n}\nch <- 1",
                "var s *T\n") == [["s.mu"]]
    assert held("s.mu.Lock()\nif p := s.parent; p != nil {\np.mu.Unlock()\n}\ns.mu.Unlock()\nch <- 1",
                "var s *T\n") == [[]]


def test_lock_in_one_branch_only_is_not_certain() -> None:
    assert held("if shared {\nmu.Lock()\n}\nch <- 1") == [[]]
    assert held("if shared {\nmu.Lock()\nch <- 1\n}") == [["mu"]]


def test_function_literal_is_a_boundary() -> None:
    assert held("mu.Lock()\ndefer mu.Unlock()\ngo func() {\nch <- 1\n}()") == [[]]


def test_lock_with_arguments_is_not_a_mutex() -> None:
    assert held("db.Lock(ctx)\nch <- 1") == [[]]


# --- select ---------------------------------------------------------------------------


def test_select_exits() -> None:
    source, root = parse(
        "select {\ncase ch <- 1:\ncase <-ctx.Done():\ncase <-t.C:\ncase v := <-data:\n_ = v\n}"
    )
    send = sends(root)[0]
    select = channels.enclosing_select(send)
    assert select is not None and select.type == "select_statement"
    labels = [e.label for e in channels.select_exits(select, source, besides=send)]
    assert labels == ["<-ctx.Done()", "<-t.C"]


def test_select_default_is_an_exit() -> None:
    source, root = parse("select {\ncase ch <- 1:\ndefault:\n}")
    send = sends(root)[0]
    exits = channels.select_exits(channels.enclosing_select(send), source, besides=send)
    assert [e.kind for e in exits] == ["default"]


def test_a_send_in_a_case_body_is_not_the_case() -> None:
    source, root = parse("select {\ncase <-in:\nch <- 1\n}")
    assert channels.enclosing_select(sends(root)[0]) is None


@pytest.mark.parametrize("expr,exit", [
    ("ctx.Done()", True), ("time.After(d)", True), ("t.C", True), ("s.stopCh", True),
    ("quit", True), ("done", True), ("jobs", False), ("s.requests", False),
])
def test_is_exit_channel(expr: str, exit: bool) -> None:
    source, root = parse(f"<-{expr}")
    unary = next(n for n in walk(root) if n.type == "unary_expression")
    assert channels.is_exit_channel(channels.received_channel(unary), source) is exit


# --- sends per run ----------------------------------------------------------------------


@pytest.mark.parametrize("body,count", [
    ("out <- 1", 1),
    ("out <- 1\nout <- 2", 2),
    ("if a {\nout <- 1\n} else {\nout <- 2\n}", 1),
    ("if a {\nout <- 1\nreturn\n}\nout <- 2", 1),
    ("switch {\ncase a:\nout <- 1\ncase b:\nout <- 2\n}", 1),
    ("for _, x := range xs {\nout <- x\n}", buffers.UNBOUNDED),
    ("go func() {\nif err != nil {\nout <- err\nreturn\n}\nout <- nil\n}()", 1),
    ("for range xs {\ngo func() { out <- 1 }()\n}", buffers.UNBOUNDED),
    ("other <- 1", 0),
    # another channel of the same name (analysis/names): a closure parameter, a local
    ("func(out chan int) {\nout <- 1\n}(param)", 0),
    ("out <- 1\nif a {\nout := make(chan int, 1)\nout <- 2\n}", 1),
])
def test_max_sends(body: str, count: int) -> None:
    source, root = parse(body, "var out chan int\n")
    func = next(n for n in walk(root) if n.type == "function_declaration")
    out = next(n for n in walk(root) if n.type == "identifier" and n.text == b"out")  # the package's
    assert buffers.max_sends(func.child_by_field_name("body"), out, source) == count


# --- loops --------------------------------------------------------------------------------


# --- origins and receivers ------------------------------------------------------------------


@pytest.mark.parametrize("body,kind", [
    ("s.ch <- 1", "field"),
    ("param <- 1", "param"),
    ("global <- 1", "package"),
    ("ch := make(chan int)\nch <- 1", "local"),
    ("for _, c := range cs {\nc <- 1\n}", "range"),
    ("other <- 1", "package"),  # declared by another file of the package
    ("(<-make(chan chan int)) <- 1", "unknown"),
])
def test_channel_origin(body: str, kind: str) -> None:
    source, root = parse(body, "var global = make(chan int)\n")
    send = sends(root)[-1]
    origin = channels.channel_origin(send.child_by_field_name("channel"), source, root)
    assert origin.kind == kind


def field_verdict(loop: str) -> receivers.FieldReceiver:
    extra = f"func (s *T) loop() {{\n{loop}\n}}\n"
    source, root = parse("s.rec <- 1", extra)
    receives = [n for n in walk(root) if n.type in ("unary_expression", "range_clause")
                and "s.rec" in source[n.start_byte:n.end_byte].decode()]
    return receivers.field_receiver(receives, sends(root)[0], source)


def test_field_receiver_verdicts() -> None:
    assert field_verdict("for r := range s.rec {\n_ = r\n}").verdict == "perpetual"
    assert field_verdict("for {\nr := <-s.rec\n_ = r\n}").verdict == "perpetual"
    gives_up = field_verdict("for {\nr := <-s.rec\nif err := w(r); err != nil {\nreturn\n}\n}")
    assert gives_up.verdict == "gives-up" and gives_up.exit.type == "return_statement"
    done = field_verdict("for {\nselect {\ncase r := <-s.rec:\n_ = r\ncase <-s.done:\nreturn\n}\n}")
    assert done.verdict == "gives-up" and done.exit.type == "receive_statement"
    assert field_verdict("r := <-s.rec\n_ = r").verdict == "one-shot"
    # ends because of what it received: the sender is what stops it
    assert field_verdict("for {\nr, ok := <-s.rec\nif !ok {\nreturn\n}\n_ = r\n}").verdict == "one-shot"
    assert field_verdict("for {\nselect {\ncase <-s.rec:\nreturn\ncase <-t.C:\n}\n}").verdict == "one-shot"
    assert field_verdict("x := 1\n_ = x").verdict == "unseen"


def local_verdict(receive: str) -> receivers.Receiver:
    source, root = parse(f"done := make(chan int)\ngo func() {{\ndone <- 1\n}}()\n{receive}")
    send = sends(root)[0]
    func = next(n for n in walk(root) if n.type == "function_declaration")
    return receivers.local_receiver(func, send, send.child_by_field_name("channel"), source)


def test_local_receiver_verdicts() -> None:
    assert local_verdict("<-done").verdict == "owned"
    assert local_verdict("for v := range done {\n_ = v\n}").verdict == "owned"
    timeout = local_verdict("select {\ncase <-done:\ncase <-ctx.Done():\nreturn\n}")
    assert timeout.verdict == "gives-up" and timeout.exit.label == "<-ctx.Done()"
    # in a loop whose other case does not leave, it comes back for the value
    assert local_verdict("for {\nselect {\ncase <-done:\nreturn\ncase <-t.C:\n}\n}").verdict == "owned"
    assert local_verdict("use(done)").verdict == "unseen"
    # a receive from another `done` (an if-initializer's) is not this channel's
    assert local_verdict("if done := other; done != nil {\n<-done\n}").verdict == "unseen"


def test_received_before_finds_a_token_taken_earlier() -> None:
    source, root = parse("tok := <-s.sem\ndefer func() {\ns.sem <- tok\n}()")
    send = sends(root)[0]
    assert channels.received_before(send, send.child_by_field_name("channel"), source) is not None
    source, root = parse("s.sem <- tok\n<-s.sem")
    send = sends(root)[0]
    assert channels.received_before(send, send.child_by_field_name("channel"), source) is None
    # the token taken from another `s` (a closure parameter) is not this one's
    source, root = parse("func(s *T) {\n<-s.sem\n}(t)\ns.sem <- tok", "var s *T\n")
    send = sends(root)[0]
    assert channels.received_before(send, send.child_by_field_name("channel"), source) is None


def test_sends_after_binding_counts_from_the_make_in_its_block() -> None:
    # made anew in each iteration: one send per channel, although the send is in a loop
    source, root = parse("for _, x := range xs {\nout := make(chan int, 1)\nout <- x\nuse(out)\n}")
    binding = next(n for n in walk(root) if n.type == "identifier"
                   and source[n.start_byte:n.end_byte] == b"out")
    assert buffers.sends_after_binding(binding, source) == 1
    source, root = parse("out := make(chan int, 1)\nfor _, x := range xs {\nout <- x\n}")
    binding = next(n for n in walk(root) if n.type == "identifier"
                   and source[n.start_byte:n.end_byte] == b"out")
    assert buffers.sends_after_binding(binding, source) == buffers.UNBOUNDED


def test_local_receiver_skipped_by_an_early_return() -> None:
    skipped = local_verdict("if err != nil {\nreturn\n}\n<-done")
    assert skipped.verdict == "skipped" and skipped.exit.type == "return_statement"
    # `return <-done` is the receive itself, not a return before it
    assert local_verdict("if ok {\nuse(1)\n}\nreturn <-done").verdict == "owned"


def test_parameter_at_counts_grouped_names() -> None:
    source = b"package p\n\nfunc w(a, b chan int, c string, rest ...int) {}\n"
    func = parsing.parse(source).named_children[1]
    names = [parameter_at(func, i) for i in range(5)]
    assert [n.text.decode() if n is not None else None for n in names] == ["a", "b", "c", None, None]


def test_receiver_after_go_for_a_named_worker() -> None:
    source, root = parse(
        "done := make(chan int)\ngo work(done)\nselect {\ncase <-done:\ncase <-ctx.Done():\nreturn\n}"
    )
    func = next(n for n in walk(root) if n.type == "function_declaration")
    go = next(n for n in walk(root) if n.type == "go_statement")
    done = next(n for n in walk(root) if n.type == "identifier" and n.text == b"done")
    receiver = receivers.receiver_after_go(func, go, done, source)
    assert receiver.verdict == "gives-up" and receiver.exit.label == "<-ctx.Done()"


# --- container_key / one_value_per_run (GL004 buffers kept in fields and registries) --


def _first_send(body: str, extra: str = "") -> tuple[bytes, object]:
    source, root = parse(body, extra)
    return source, sends(root)[0]


@pytest.mark.parametrize("body, key", [
    ("s.events <- 1", "events"),
    ("rc := c.awaiting[id]\nrc <- 1", "awaiting"),
    ("rc, ok := c.awaiting[id]\nif ok {\nrc <- 1\n}", "awaiting"),
    ("for _, w := range s.waiters {\nw <- 1\n}", "waiters"),
    ("ws := c.watchers[k]\nfor _, w := range ws {\nw <- 1\n}", "watchers"),
    ("for _, call := range cm.calls {\ncall.errs <- 1\n}", "errs"),
    ("ch := make(chan int)\nch <- 1", None),
    ("param <- 1", None),
])
def test_container_key(body: str, key: str | None) -> None:
    source, send = _first_send(body)
    assert buffers.container_key(send.child_by_field_name("channel"), source) == key


@pytest.mark.parametrize("body, expected", [
    ("rc := c.awaiting[id]\ndelete(c.awaiting, id)\nrc <- 1", True),
    ("for _, w := range s.waiters {\nw <- 1\n}\ns.waiters = nil", True),
    ("for _, ch := range ws {\nch <- 1\nclose(ch)\n}", True),
    ("s.next <- 1\ns.next = fresh", True),
    ("w := &watcher{}\nw.events <- 1", True),
    ("for _, l := range s.listeners {\nl <- 1\n}", False),
    ("s.events <- 1", False),
    ("rc := c.awaiting[id]\nrc <- 1", False),
])
def test_one_value_per_run(body: str, expected: bool) -> None:
    source, send = _first_send(body)
    channel = send.child_by_field_name("channel")
    assert buffers.one_value_per_run(send, channel, source) is expected


def test_sends_per_channel_counts_one_per_ranged_channel() -> None:
    source, send = _first_send("for _, ch := range chans {\nch <- 1\n}")
    assert buffers.sends_per_channel(send, source) == 1
    source, send = _first_send("for {\ns.events <- 1\n}")
    assert buffers.sends_per_channel(send, source) == buffers.UNBOUNDED


# --- receives_ending_in -----------------------------------------------------------------


def ending_in(root, source: bytes, word: str) -> dict:
    """What GL004 read of the whole file's receives_by_name: the entries whose channel
    is word after its last `.`."""
    return {name: found for name, found in channels.receives_by_name(root, source).items()
            if name.rsplit(".", 1)[-1] == word}


def test_the_receives_ending_in_a_name_are_those_of_the_whole_file_index() -> None:
    """receives_ending_in finds from where a name occurs what the index of every
    receive of the file holds for it: the same receives, in the same order, for
    fields, package variables, parenthesised and dereferenced channels, select cases
    and ranges; a call or an index ending in the name, or a selector broken across a
    line (`s.\\n\\tevents`, whose text has more than the name after the dot), is not one."""
    source, root = parse(
        "\tv := <-s.events\n\tselect {\n\tcase x := <-(s.events):\n\t\t_ = x\n\tcase <-ready:\n\t}\n"
        "\tfor range (*p).events {\n\t}\n\t<-s.events()\n\t<-m[s.events]\n\t<-s.\n\t\tevents\n"
        "\tfor e := range t.inner.events {\n\t\t_ = e\n\t}\n\t_ = <-ready\n\tgo func() { <-s.events }()\n\t_ = v",
        "var ready chan int\n\nvar s, t, p, m = x()\n")
    words = {w for name in channels.receives_by_name(root, source) if (w := name.rsplit(".", 1)[-1]).isidentifier()}
    assert {"events", "ready"} <= words
    for word in words | {"inner", "s", "missing"}:
        expected = ending_in(root, source, word)
        assert list(channels.receives_ending_in(root, source, word).items()) == list(expected.items()), word
    assert [len(found) for found in ending_in(root, source, "events").values()] == [3, 1, 1]


@pytest.mark.parametrize("stem", ["send_under_lock", "blocking_send", "goroutine_without_exit"])
def test_the_receives_ending_in_each_name_of_the_fixtures_are_those_of_the_index(stem: str) -> None:
    import glob
    import os
    for path in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "testdata", stem, "*.go"))):
        with open(path, "rb") as handle:
            source = handle.read()
        root = parsing.parse(source)
        for word in {name.rsplit(".", 1)[-1] for name in channels.receives_by_name(root, source)} - {""}:
            if not word.isidentifier():
                continue  # what GL004 asks for: a field or a variable
            assert list(channels.receives_ending_in(root, source, word).items()) == \
                list(ending_in(root, source, word).items()), (path, word)


@pytest.mark.parametrize("stem", ["blocking_send", "send_under_lock", "goroutine_without_exit"])
def test_the_select_statements_found_from_the_keyword_are_those_a_walk_finds(stem: str) -> None:
    """GL003 finds a file's selects from where `select` occurs: the same statements, in
    the same order, as a query over the whole tree (nested selects, `select {}`, the
    word in names, comments and strings too)."""
    import glob
    import os
    from goleaklint.rules import blocking_send
    from goleaklint.syntax import descendants
    sources = [b"package p\n\nfunc f(selector int) {\n\t// select\n\t_ = \"select\"\n\tselect {\n\tcase <-a:\n"
               b"\t\tselect {\n\t\tdefault:\n\t\t}\n\t}\n\tselect {}\n}\n"]
    for path in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "testdata", stem, "*.go"))):
        with open(path, "rb") as handle:
            sources.append(handle.read())
    for source in sources:
        root = parsing.parse(source)
        assert blocking_send._selects(root, source) == descendants(root, ("select_statement",))
    root = parsing.parse(sources[0])
    assert len(blocking_send._selects(root, sources[0])) == 3
