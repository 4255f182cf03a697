"""The release/escape analysis on its own: paths, escapes, scopes. No rule involved."""

from __future__ import annotations

import textwrap

import pytest

from goleaklint import parsing
from goleaklint.analysis.names import declaration_of
from goleaklint.release import Release, analyze
from goleaklint.syntax import walk

CLOSE = Release(methods=("Close",))
BODY = Release(methods=("Close",), through="Body", borrowing=frozenset({"io.ReadAll"}))
CANCEL = Release(call=True)
TIMER = Release(methods=("Stop",), receive=True)


def outcome(body: str, release: Release = CLOSE, marker: str = "acquire(", index: int = 0):
    """Analyze the first statement containing `marker` in `func f()`; the resource is
    the index-th name on its left."""
    source = ("package p\n\nfunc f() {\n" + textwrap.indent(textwrap.dedent(body), "\t")
              + "}\n").encode()
    root = parsing.parse(source)
    assert not root.has_error, source.decode()
    stmt = next(n for n in walk(root)
                if n.type in ("short_var_declaration", "assignment_statement")
                and marker.encode() in source[n.start_byte:n.end_byte])
    left = stmt.child_by_field_name("left").named_children
    err = left[1].text.decode() if len(left) > 1 and index == 0 else ""
    return analyze(stmt, left[index], release, source, err_name=err)


def leaks(body: str, release: Release = CLOSE, **kw) -> list[tuple[str, int]]:
    result = outcome(body, release, **kw)
    assert result is not None and result.escape is None, result
    return [(e.kind, e.line) for e in result.verdict.leaks]


def summary(body: str, release: Release = CLOSE, verb: str = "closed", **kw) -> str:
    return outcome(body, release, **kw).verdict.summary(verb)


# --- paths --------------------------------------------------------------------------


def test_deferred_close_releases_every_path() -> None:
    assert leaks("""
        r, err := acquire()
        if err != nil {
            return
        }
        defer r.Close()
        if x {
            return
        }
        use(1)
    """) == []


def test_never_closed() -> None:
    assert leaks("""
        r, err := acquire()
        if err != nil {
            return
        }
        r.Next()
    """) == [("end", 10)]
    assert summary("""
        r, err := acquire()
        r.Next()
    """) == "never closed"


def test_error_guard_is_not_a_leak_but_a_later_error_branch_is() -> None:
    body = """
        r, err := acquire()
        if err != nil {
            return
        }
        if err = r.Err(); err != nil {
            return
        }
        r.Close()
    """
    assert leaks(body) == [("return", 10)]
    assert summary(body) == "closed on the happy path but not when the function returns at line 10"


def test_early_return_in_loop() -> None:
    body = """
        r, err := acquire()
        if err != nil {
            return
        }
        for r.Next() {
            if bad() {
                return
            }
        }
        r.Close()
    """
    assert summary(body) == "closed on the happy path but not when the loop returns at line 11"


def test_close_in_one_branch_only() -> None:
    assert leaks("""
        r, _ := acquire()
        if x {
            r.Close()
        }
    """) == [("end", 9)]
    assert leaks("""
        r, _ := acquire()
        if x {
            r.Close()
        } else {
            r.Close()
        }
    """) == []


def test_close_inside_a_loop_body_is_not_every_path() -> None:
    assert leaks("""
        r, _ := acquire()
        for i := 0; i < n; i++ {
            r.Close()
        }
    """) == [("end", 9)]


def test_deferred_closure_releases() -> None:
    assert leaks("""
        r, _ := acquire()
        defer func() {
            if err := r.Close(); err != nil {
                log(err)
            }
        }()
        return
    """) == []


def test_deferred_closure_that_does_not_release() -> None:
    assert leaks("""
        r, _ := acquire()
        defer func() { log(r.Err()) }()
    """) == [("end", 7)]


def test_terminating_calls_end_the_path() -> None:
    assert leaks("""
        r, _ := acquire()
        if x {
            panic("no")
        }
        if y {
            t.Fatalf("no")
        }
        r.Close()
    """) == []


def test_switch_and_select_cases() -> None:
    assert leaks("""
        r, _ := acquire()
        switch x {
        case 1:
            r.Close()
        default:
            r.Close()
        }
    """) == []
    assert leaks("""
        r, _ := acquire()
        switch x {
        case 1:
            r.Close()
        }
    """) == [("end", 10)]
    assert leaks("""
        r, _ := acquire()
        select {
        case <-a:
            r.Close()
        case <-b:
            return
        }
    """) == [("return", 10)]


def test_break_out_of_infinite_loop() -> None:
    assert leaks("""
        r, _ := acquire()
        for {
            if done() {
                break
            }
        }
        r.Close()
    """) == []
    assert leaks("""
        r, _ := acquire()
        for {
            work(1)
        }
    """) == []


def test_labeled_break_and_continue() -> None:
    assert leaks("""
    outer:
        for _, q := range qs {
            r, err := acquire(q)
            if err != nil {
                continue
            }
            for r.Next() {
                if bad() {
                    continue outer
                }
            }
            r.Close()
        }
    """) == [("continue", 13)]


def test_declared_in_loop_body_and_not_closed() -> None:
    assert leaks("""
        for _, q := range qs {
            r, _ := acquire(q)
            r.Next()
        }
    """) == [("scope", 8)]


def test_assigned_in_loop_is_overwritten_by_the_next_iteration() -> None:
    assert leaks("""
        var r *Rows
        for _, q := range qs {
            r, _ = acquire(q)
            r.Next()
        }
    """) == [("reacquire", 7), ("end", 10)]


def test_reassigned_before_release() -> None:
    assert leaks("""
        r, _ := acquire()
        r, _ = other()
        defer r.Close()
    """) == [("reassign", 6)]


def test_nil_check_branches() -> None:
    assert leaks("""
        r, err := acquire()
        if r != nil {
            defer r.Close()
        }
        if err != nil {
            return
        }
    """) == []


def test_goto_is_followed() -> None:
    rows = Release(methods=("Close",), exhausting="Next")
    loop = """
        r, _ := acquire()
    again:
        if r.Next() {
            if x {
                goto out
            }
            goto again
        }
        return
    out:
        use(1)
    """
    assert leaks(loop, rows) == [("end", 16)]  # only the jump to `out` skips the exhaustion
    assert leaks(loop.replace("goto out", "goto again"), rows) == []


def test_goto_out_of_the_variables_block_is_undecidable() -> None:
    assert outcome("""
        if y {
            r, _ := acquire()
            if x {
                goto out
            }
            r.Close()
        }
    out:
        use(1)
    """) is None


# --- escapes -------------------------------------------------------------------------


@pytest.mark.parametrize("use, why", [
    ("return r, nil", "returned"),
    ("return &wrapper{rows: r}", "composite"),
    ("consume(r)", "passed to consume"),
    ("s.rows = r", "assigned"),
    ("ch <- r", "sent on a channel"),
    ("go func() { r.Next() }()", "captured"),
    ("keep := r\n_ = keep", "assigned"),
    ("for _, x := range []*Rows{r} {\nx.Close()\n}", "composite"),
    ("return r.Close", "method value"),
])
def test_escapes(use: str, why: str) -> None:
    result = outcome(f"r, _ := acquire()\n{use}\n")
    assert result.escape is not None and why in result.escape[0]


def test_method_calls_are_not_escapes() -> None:
    assert leaks("""
        r, _ := acquire()
        for r.Next() {
            r.Scan(&x)
        }
        fmt.Println(r.Err())
    """) == [("end", 10)]


def test_blank_assignment_releases_nothing() -> None:
    # `_ = cancel` silences go vet's lostcancel, but the context still leaks.
    assert leaks("r, _ := acquire()\n_ = r\n") == [("end", 6)]


def test_borrowing_call_and_field_handle() -> None:
    assert leaks("""
        resp, err := acquire()
        if err != nil {
            return
        }
        data, _ := io.ReadAll(resp.Body)
        use(data)
    """, BODY) == [("end", 11)]
    assert outcome("""
        resp, _ := acquire()
        drain(resp.Body)
    """, BODY).escape is not None
    assert leaks("""
        resp, _ := acquire()
        defer resp.Body.Close()
        log(resp.StatusCode)
    """, BODY) == []


def test_shadowed_name_is_another_variable() -> None:
    # The inner r is closed, the outer one never.
    assert leaks("""
        r, _ := acquire()
        if x {
            r, _ := other()
            defer r.Close()
            consume(r)
        }
    """) == [("end", 11)]
    # Passing the inner r does not hand on the outer one: still a verdict, no escape.


def test_shadowing_parameter_of_closure() -> None:
    assert leaks("""
        r, _ := acquire()
        f := func(r *Rows) { consume(r) }
        f(nil)
        r.Close()
    """) == []


def test_variable_of_enclosing_function_is_left_alone() -> None:
    source = b"package p\n\nfunc f() {\n\tvar r *Rows\n\tfunc() {\n\t\tr, _ = acquire()\n\t}()\n}\n"
    root = parsing.parse(source)
    stmt = next(n for n in walk(root) if n.type == "assignment_statement")
    assert analyze(stmt, stmt.child_by_field_name("left").named_children[0], CLOSE, source) is None


# --- the other kinds of release -------------------------------------------------------


def test_cancel_called_only_on_success() -> None:
    body = """
        ctx, cancel := acquire(parent)
        v, err := fetch(ctx)
        if err != nil {
            return
        }
        cancel()
        use(v)
    """
    assert leaks(body, CANCEL, index=1) == [("return", 8)]


def test_cancel_deferred() -> None:
    assert leaks("""
        ctx, cancel := acquire(parent)
        defer cancel()
        fetch(ctx)
    """, CANCEL, index=1) == []


def test_timer_released_by_firing_in_select_case() -> None:
    assert leaks("""
        t := acquire(d)
        select {
        case <-t.C:
        case <-done:
            t.Stop()
        }
    """, TIMER) == []


# --- scopes ---------------------------------------------------------------------------


def _ident_at(source: bytes, root, needle: bytes, occurrence: int):
    found = [n for n in walk(root) if n.type == "identifier" and n.text == needle]
    return found[occurrence]


def test_declaration_of_follows_block_scopes() -> None:
    source = textwrap.dedent("""\
        package p

        func f(a int) {
        	x := 1
        	x, y := 2, 3
        	if x := a; x > 0 {
        		use(x)
        	}
        	for _, x := range xs {
        		use(x)
        	}
        	use(x, y)
        }
    """).encode()
    root = parsing.parse(source)
    xs = [n for n in walk(root) if n.type == "identifier" and n.text == b"x"]
    first = xs[0]
    decl = [declaration_of(n, source) for n in xs]
    lines = [d.start_point[0] + 1 if d is not None else None for d in decl]
    # x := 1 (4); x, y := (5) re-uses it; if-x (6) twice; range-x (9); last use -> line 4
    assert lines == [4, 4, 6, 6, 6, 9, 9, 4]
    assert decl[0] == first
    a = _ident_at(source, root, b"a", 1)
    assert declaration_of(a, source).parent.type == "parameter_declaration"


def test_go_statement_call_releases() -> None:
    assert leaks("""
        ctx, cancel := acquire(parent)
        use(ctx)
        go cancel()
    """, CANCEL, index=1) == []


def test_done_of_parent_releases_a_derived_context() -> None:
    derived = Release(call=True, done_of=("parent",))
    assert leaks("""
        ctx, cancel := acquire(parent)
        for {
            select {
            case <-parent.Done():
                return
            case v := <-results(ctx):
                use(v)
            }
        }
    """, derived, index=1) == []


@pytest.mark.parametrize("condition", [
    "err != nil",
    "(err != nil)",
    "err != nil || r == nil",
    "err != nil && !isTemporary(err)",
    "!(err == nil)",
])
def test_error_checks_that_imply_nil(condition: str) -> None:
    assert leaks(f"""
        r, err := acquire()
        if {condition} {{
            return
        }}
        defer r.Close()
    """) == []


def test_error_check_that_does_not_imply_nil() -> None:
    # With `||`, the branch also runs for a live r whose status is bad.
    assert leaks("""
        r, err := acquire()
        if err != nil || r.Status != 200 {
            return
        }
        defer r.Close()
    """) == [("return", 7)]


def test_flag_matched_with_the_error_implies_nil_only_past_the_match() -> None:
    # Past `if (err != nil) != want { return }`, want holds only where err is not nil;
    # the first return leaves a live r where err is nil and want is true.
    assert leaks("""
        r, err := acquire()
        if (err != nil) != want {
            return
        }
        if want {
            return
        }
        defer r.Close()
    """) == [("return", 7)]
    # Another statement between them: the flag says nothing of err any more.
    assert leaks("""
        r, err := acquire()
        if want != (err != nil) {
            return
        }
        want = retry
        if want {
            return
        }
        defer r.Close()
    """) == [("return", 7), ("return", 11)]
    # An `==` match says the opposite: want is true where err is nil.
    assert leaks("""
        r, err := acquire()
        if (err != nil) == want {
            return
        }
        if want {
            return
        }
        defer r.Close()
    """) == [("return", 7), ("return", 10)]


def test_success_branch_form() -> None:
    assert leaks("""
        r, err := acquire()
        if err == nil {
            defer r.Close()
        }
        use(1)
    """) == []


def test_err_tested_later_again_is_not_the_guard() -> None:
    assert leaks("""
        r, err := acquire()
        if err != nil {
            return
        }
        err = r.Err()
        if err != nil {
            return
        }
        r.Close()
    """) == [("return", 11)]


def test_switch_on_the_error() -> None:
    assert leaks("""
        r, err := acquire()
        switch {
        case err != nil:
            return
        case r.Status != 200:
            r.Close()
            return
        }
        defer r.Close()
    """) == []
    assert leaks("""
        r, err := acquire()
        switch {
        case err != nil:
            return
        case r.Status != 200:
            return
        }
        defer r.Close()
    """) == [("return", 10)]


def test_grouped_var_declaration_shadows() -> None:
    source = b"package p\n\nfunc f() {\n\tx := 1\n\t{\n\t\tvar (\n\t\t\tx = 2\n\t\t)\n\t\tuse(x)\n\t}\n}\n"
    root = parsing.parse(source)
    uses = [n for n in walk(root) if n.type == "identifier" and n.text == b"x"]
    assert declaration_of(uses[-1], source).start_point[0] + 1 == 7


def test_acquired_in_if_initializer() -> None:
    source = textwrap.dedent("""\
        package p

        func f() {
        	if r, err := acquire(); err == nil {
        		r.Next()
        	}
        	use(1)
        }
    """).encode()
    root = parsing.parse(source)
    stmt = next(n for n in walk(root) if n.type == "short_var_declaration")
    result = analyze(stmt, stmt.child_by_field_name("left").named_children[0], CLOSE, source, "err")
    assert [(e.kind, e.line) for e in result.verdict.leaks] == [("scope", 6)]


def test_error_check_after_a_retry_loop() -> None:
    assert leaks("""
        var r *Rows
        var err error
        for i := 0; i < 3; i++ {
            r, err = acquire()
            if err == nil {
                break
            }
        }
        if err != nil {
            return
        }
        defer r.Close()
    """) == []


def test_shadowed_err_in_if_initializer_is_not_the_guard() -> None:
    assert leaks("""
        r, err := acquire()
        if err != nil {
            return
        }
        if err := check(); err != nil {
            return
        }
        defer r.Close()
    """) == [("return", 10)]


ROWS = Release(methods=("Close",), exhausting="Next")


def test_if_next_false_branch_is_exhausted() -> None:
    # `if r.Next() { fatal }`: going on means Next returned false, which closes r.
    assert leaks("""
        r, err := acquire()
        if err != nil {
            return
        }
        if r.Next() {
            t.Fatal("unexpected row")
        }
        use(r.Err())
    """, ROWS) == []
    # `if !r.Next() { return }`: the rows read on stay open.
    assert leaks("""
        r, err := acquire()
        if err != nil {
            return
        }
        if !r.Next() {
            return
        }
        r.Scan()
    """, ROWS) == [("end", 13)]
    # A branch that goes on with Next true leaves them open.
    assert leaks("""
        r, err := acquire()
        if err != nil {
            return
        }
        if r.Next() {
            t.Log("a row")
        }
    """, ROWS) == [("end", 12)]


def test_deferred_closure_before_a_reassignment_releases_the_new_value() -> None:
    body = """
        t := make()
        defer func() { t.Stop() }()
        t.Stop()
        t = acquire()
        use(t.C)
    """
    stop = Release(methods=("Stop",))
    assert leaks(body, stop) == []
    # A deferred method call binds the old value: the new one is not stopped.
    assert leaks(body.replace("defer func() { t.Stop() }()", "defer t.Stop()"), stop) == [("end", 10)]


# --- hand-offs per path and ownership -------------------------------------------------


def test_hand_off_ends_the_check_on_its_own_path_only() -> None:
    assert summary("""
        r, err := acquire()
        if err != nil {
            return
        }
        if x {
            keep(r)
            return
        }
        use(1)
    """) == "not closed when the function ends at line 14"


def test_hand_off_in_a_loop_of_its_own_silences_the_function() -> None:
    result = outcome("""
        r, _ := acquire()
        for _, f := range hooks {
            f(r)
        }
    """)
    assert result.escape is not None and result.verdict is None


def test_release_on_a_joined_path_is_not_never() -> None:
    assert summary("""
        r, _ := acquire()
        if x {
            r.Close()
        }
        use(1)
    """) == "closed on some paths but not when the function ends at line 10"


def test_library_calls_that_only_read_are_not_hand_offs() -> None:
    source = ("package p\n\nimport \"fmt\"\n\nfunc f() {\n\tr, _ := acquire()\n"
              "\tfmt.Println(r)\n}\n").encode()
    root = parsing.parse(source)
    stmt = next(n for n in walk(root) if n.type == "short_var_declaration")
    result = analyze(stmt, stmt.child_by_field_name("left").named_children[0], CLOSE, source)
    assert result.escape is None and [e.kind for e in result.verdict.leaks] == ["end"]


def helper_outcome(helpers: str, body: str, release: Release = CLOSE):
    source = f"package p\n\n{helpers}\n\nfunc f() {{\n{body}\n}}\n".encode()
    root = parsing.parse(source)
    assert not root.has_error, source.decode()
    func = root.named_children[-1]
    stmt = next(n for n in walk(func) if n.type == "short_var_declaration")
    return analyze(stmt, stmt.child_by_field_name("left").named_children[0], release, source)


@pytest.mark.parametrize("helpers, leaks", [
    ("func done(r *Rows) { r.Close() }", False),
    ("func done(r *Rows) { defer func() { r.Close() }() }", False),
    ("func done(r *Rows) { finish(r) }\nfunc finish(r *Rows) { r.Close() }", False),
    ("func done(r *Rows) { log(r.Err()) }", True),
    ("func done(r *Rows) { show(r) }\nfunc show(r *Rows) { _ = r.Err() }", True),
    ("func done(r *Rows) { done(r) }", True),  # recursion that never closes
    ("func done(r *Rows) { global = r }", False),  # stored: someone else's now
    ("func done(rs ...*Rows) {}", False),  # variadic: not followed
])
def test_same_file_helpers(helpers: str, leaks: bool) -> None:
    result = helper_outcome(helpers, "r, _ := acquire()\ndone(r)")
    assert bool(result.verdict.leaks) is leaks


def test_method_helper_that_calls_the_cancel_func() -> None:
    helpers = "func (s *S) stop(cancel func()) { cancel() }"
    result = helper_outcome(helpers, "ctx, cancel := acquire()\ns.stop(cancel)\n_ = ctx".replace(
        "ctx, cancel", "cancel, ctx"), CANCEL)
    assert result.verdict.leaks == []


def test_a_fired_timer_is_not_called_stopped() -> None:
    assert summary("""
        t := acquire(d)
        select {
        case <-t.C:
        case <-done:
        }
        use(1)
    """, TIMER, verb="stopped") == "never stopped"
