"""
## What it does
Finds channel sends made while a `sync.Mutex` or `sync.RWMutex` is held in the same function.

A send counts as under the lock when it comes after `x.Lock()` or `x.RLock()` on every
path through the function, with no `x.Unlock()`/`x.RUnlock()` in between, or anywhere
after `x.Lock(); defer x.Unlock()`. Sends inside loops and nested blocks of the locked
region count. A send in a `select` with a `default` never waits and is not reported;
one in a `select` with a `<-done`/`<-ctx.Done()`/timer case is reported as a warning
(the wait ends, but everyone else waits until then).

A send into a buffered channel is reported with its buffer in the message, unless
the rule can show the buffer has room:
- a channel made in the same function with a literal capacity at least the number of
  sends one run can make (sends in the two arms of an `if` count once, a send in a
  loop is unbounded);
- a channel kept in a field or a registry (`s.f`, `c.pending[id]`, `for _, w := range
  s.waiters`, `call.errs` of a ranged call) when every channel the file stores there
  (`x.f = make(...)`, `m[k] = ch`, `x.f = append(x.f, ch)`, `T{f: ch}`, with `ch` a
  local made with a buffer) has a literal buffer at least the sends one run makes to
  it, and each run sends to a different channel: a reply channel the function retires
  (it closes it, calls `delete`, or resets the registry: `s.waiters = nil`), a field
  replaced after the send (`s.next <- v; s.next = fresh`), or a field of an object
  made in the function. A listener that stays registered, or a field of the receiver,
  is one long-lived channel that every call fills: reported, unless its buffer is at
  least `large-buffer` (default 100) times what one run sends (a test server's
  `make(chan T, 1000000)` record of requests: the author sized it never to fill).
  A send made once per life of a flag set under the same lock (`if !p.closed {
  p.closed = true; p.closeC <- x }`, or after `if p.closed { return }`), with nothing
  in the file setting the flag back, has room in any buffer of its sends; so does a
  send in the function given to `sync.Once.Do`.
  A registry that also holds a channel from elsewhere (a parameter) is unknown;
- a capacity computed from the work (`make(chan T, len(xs))`, `make(chan T, n)`, in
  this function or stored in the field anywhere in the file), which the author sized
  so that no send waits.

A send that can give up (its `select` has a done, context or deadline case) and then
waits for an acknowledgement before the unlock (`case p.wrTx <- b: n := <-p.wrRx`) is
not reported: the lock serialises that exchange, and the way out bounds the wait.

A send that gives back a token received from the same channel earlier in the function
(`<-s.sem ... s.sem <- token`) is not reported either, nor a send on the channel
parameter of a Prometheus-style `Collect`/`Describe` method (the registry drains it
concurrently for the whole call). Nor is a send that follows a check returning
instead (`if l.closing { return }`) when every `close` of the channel in the file runs
in another function under a mutex of the same name, and a receiver loop of the file
that never takes that mutex keeps receiving: the lock keeps the close from slipping
between the check and the send, and unlocking first would risk a send on a closed
channel. Several sends on one channel in one locked region
give one finding, at the first.

Options: `large-buffer` (int, default 100): a long-lived field channel whose literal
buffer is at least this many times the sends one run of the locked code makes is
taken as sized never to fill.

A send with no way out (no other case) in a function or method of the file that a
caller of the same file calls with a lock held, directly or through one more call
(`c.mu.Lock(); c.update()` where update calls `m.closeMonitor()`, which sends), is
reported at the send with the caller's lock: the function's name must be declared
once in the file, and a `go f()` or `defer f()` call does not count. A send on a
parameter is the caller's channel and is left alone.

Any method call `x.Lock()`/`x.RLock()`/`x.Unlock()`/`x.RUnlock()` with no arguments is
read as a mutex operation. A lock taken in only one branch before the send, a lock
held by a caller in another file, and sends in a function literal (it runs later, or
in another goroutine) are not reported. Test files are not checked: tests
of locking code send under locks on purpose.

## Why is this bad?
An unbuffered send waits until a receiver takes the value. While it waits, the
mutex stays locked, so every other goroutine that needs the mutex waits too, often
including the very receiver that would have freed the sender. One slow or gone listener
wedges the whole type: amqp clients that sent close notifications to every registered
channel under the connection's mutex hung every later call once one listener had
returned.

## Example
```go
func (c *Conn) shutdown(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, ch := range c.closes {
		ch <- err // blocks with c.mu held until every listener receives
	}
}
```

## Use instead
```go
func (c *Conn) shutdown(err error) {
	c.mu.Lock()
	closes := c.closes
	c.closes = nil
	c.mu.Unlock()
	for _, ch := range closes {
		select {
		case ch <- err:
		default: // the listener has a buffer of 1 or is gone: never wait
		}
	}
}
```
Copy what you need under the lock, unlock, then send; or make the send non-blocking
with a `select` and `default`, or give each channel a buffer the sender can never fill.

## References
- [Go memory model: channel and lock](https://go.dev/ref/mem)
- [GoBench: blocking bugs in Go (CGO 2021)](https://github.com/timmyyuan/gobench)
- [Tu et al., Understanding Real-World Concurrency Bugs in Go (ASPLOS 2019)](https://songlh.github.io/paper/go-study.pdf)
"""

from __future__ import annotations

from typing import Iterator

from goleaklint.analysis.channels import (
    channel_capacity,
    channel_origin,
    enclosing_select,
    is_exit_channel,
    line,
    received_before,
    received_channel,
    select_exits,
    receives_from,
    sized_capacity,
    strip_parens,
)
from goleaklint.rules.blocking_send_receivers import classify_receive, in_loop
from goleaklint.rules.send_under_lock_buffers import (
    UNBOUNDED,
    container_key,
    held_locks,
    kept_buffers,
    flag_guard,
    one_value_per_run,
    sends_after_binding,
    sends_per_channel,
)
from goleaklint.model import Confidence, Context, Report, Rule, Severity
from goleaklint.analysis.names import UNIVERSE
from goleaklint.syntax import arguments, call_name, enclosing_function, is_test_file, make_channel, named, walk


def _buffer(send, channel, ctx: Context, kept: dict, large: int, lock) -> tuple[bool, str]:
    """(cannot block, note) from the channel's buffer: a local made in this function
    with room for every send a run can make; or, for a channel kept in a field or a
    container, buffers made in the file (every one stored there) with room for the
    sends one run of this function makes to it; or a capacity computed from the work."""
    origin = channel_origin(channel, ctx.source, ctx.root)
    if origin.kind == "local" and make_channel(origin.value, ctx.source) is not None:
        made = origin.value
        if sized_capacity(made, ctx.source):
            return True, ""
        capacity = channel_capacity(made, ctx.source) or 0
        if not capacity:
            return False, ""
        sends = sends_after_binding(origin.binding, origin.name, ctx.source)
        if sends <= capacity:
            return True, ""
        return False, _note(origin.name, capacity, made, sends)
    key = container_key(channel, ctx.source)
    stored = kept.get(key, []) if key is not None else []
    if not stored or any(k.capacity is None for k in stored):
        return False, ""  # a caller's channel, or none seen: its buffer is unknown
    if any(k.capacity == UNBOUNDED for k in stored):
        return True, ""  # `make(chan T, n)`: sized from the work by the author
    smallest = min(stored, key=lambda k: k.capacity)
    if not smallest.capacity:
        return False, ""
    sends = sends_per_channel(send, origin.name, ctx.source)
    if sends <= smallest.capacity and one_value_per_run(send, channel, ctx.source):
        return True, ""  # a fresh channel each run (a reply channel): room for all
    guard = flag_guard(send, lock, ctx.source)
    if guard is not None and not guard[1] and sends <= smallest.capacity:
        return True, ""  # sent once ever, behind a flag set under the lock: room for it
    if sends <= smallest.capacity and _in_once(send, ctx):
        return True, ""  # the function given to sync.Once.Do: one run ever
    if sends < UNBOUNDED and smallest.capacity >= large * sends:
        return True, ""  # one long-lived queue, sized far beyond what a run sends
    return False, _note(origin.name, smallest.capacity, smallest.node, sends, guard is not None)


MESSAGE_LIMIT = 160


def _held_by_caller(send, channel, ctx: Context, depth: int = 2) -> tuple[list, object]:
    """The locks a caller holds when it calls the function that sends (a function or
    method of this file whose name nothing else in the file declares), up to `depth`
    calls away (`c.Lock(); d.update(c)` where update calls `h.closeMonitor()`, which
    sends): (held, the locked call), or ([], None). A send on a parameter is the
    caller's channel and is left alone."""
    origin = channel_origin(channel, ctx.source, ctx.root)
    if origin.kind == "param":
        return [], None
    function = enclosing_function(send)
    for _ in range(depth):
        if function is None or function.type not in ("function_declaration", "method_declaration"):
            return [], None
        name = ctx.text(function.child_by_field_name("name"))
        occurrences = named(ctx.root, ctx.source, name)
        if sum(1 for n in occurrences if n.parent.type in ("function_declaration", "method_declaration")
               and n.parent.parent == ctx.root and n.parent.child_by_field_name("name") == n) != 1:
            return [], None
        callers = []
        for node in occurrences:
            if ctx.source[node.end_byte:node.end_byte + 1] != b"(":
                continue
            call = node.parent.parent if node.parent is not None \
                and node.parent.type == "selector_expression" else node.parent
            if call is None or call.type != "call_expression" or enclosing_function(call) == function \
                    or call.parent is not None and call.parent.type in ("go_statement", "defer_statement"):
                continue  # `go f()` runs without the lock; `defer f()` may run after the unlock
            held = held_locks(call, ctx.source)
            if held:
                return held, call
            callers.append(enclosing_function(call))
        function = callers[0] if len(callers) == 1 else None
    return [], None


def _in_once(send, ctx: Context) -> bool:
    """Whether send runs in the function literal given to `once.Do` (sync.Once): the
    locked code runs once per Once."""
    func = enclosing_function(send)
    call = func.parent.parent if func is not None and func.type == "func_literal" \
        and func.parent is not None else None
    return call is not None and call.type == "call_expression" and \
        ctx.text(call.child_by_field_name("function")).endswith(".Do")


def _handshake(send, exits, lock, ctx: Context) -> bool:
    """A send that can give up (its select has a done, context or deadline case) and
    then waits for an acknowledgement (`case p.wrTx <- b: n := <-p.wrRx`) while the
    lock is held: the lock serialises the handshake, and the way out bounds the wait."""
    if not exits:
        return False
    func = enclosing_function(send)
    body = func.child_by_field_name("body") if func is not None else None
    if body is None:
        return False
    for node in walk(body, into_functions=False):
        if node.start_byte < send.end_byte:
            continue
        if node.type == "call_expression" and ctx.text(node.child_by_field_name("function")) in (
                f"{lock.mutex}.Unlock", f"{lock.mutex}.RUnlock"):
            return False
        channel = received_channel(node) if node.type == "unary_expression" else None
        if channel is not None and not is_exit_channel(channel, ctx.source):
            return True  # the acknowledgement: a receive of data, not a way out
    return False


def _note(name: str, capacity: int, made, sends: int, guarded: bool = False) -> str:
    if sends >= UNBOUNDED:
        why = "a loop can fill it"
    elif sends > capacity:
        why = f"{sends} sends can fill it"
    elif guarded:  # only calls that find the flag unset send, and it can be reset
        why = "repeated calls add to it"
    else:  # a long-lived channel: every call sends into the same buffer
        why = "every call adds to it"
    return f" (buffer {capacity} at line {line(made)}: {why})"


def _checked_before_close(send, channel, lock, ctx: Context) -> bool:
    """The lock pairs a check with the close of the channel: after the lock the send
    follows a check that can return instead (`if l.closing { return }`), and every
    `close(ch)` of the channel in the file runs in another function, under a mutex
    of the same name
    (`l.mu.Lock(); if l.closing { return }; l.ch <- m` while Close closes `l.ch` under
    `l.mu`), and a receiver loop of the file keeps receiving without that lock
    (_free_receiver). Unlocking before the send would let the close slip between the
    check and the send: a send on a closed channel panics."""
    if flag_guard(send, lock.lock, ctx.source, any_guard=True) is None:
        return False
    closes = [c for c in _closes(ctx.root, ctx)
              if _same_place(strip_parens(arguments(c)[0]), channel, ctx)]
    if any(enclosing_function(c) == enclosing_function(send) for c in closes):
        return False  # a sender that closes what it sent to (a shutdown): the lock is its own
    if not _free_receiver(send, channel, lock.mutex, ctx):
        return False  # the receiver may itself wait for the lock: the send can deadlock
    return bool(closes) and all(any(_same_place_text(h.mutex, lock.mutex) for h in held_locks(c, ctx.source))
                                for c in closes)


def _free_receiver(send, channel, mutex: str, ctx: Context) -> bool:
    """Whether the file has a receiver loop of the channel, in another function, that
    does not stop on its own (it ends only on what it receives, or never) and never
    takes a mutex of the same name itself: it goes on receiving while the sender
    holds the lock."""
    name = ctx.text(strip_parens(channel))
    for receive in receives_from(ctx.root, name, ctx.source):
        func = enclosing_function(receive)
        if func is None or func == enclosing_function(send) or \
                classify_receive(receive, ctx.source).verdict not in ("perpetual", "one-shot") or \
                in_loop(receive, func) is None:
            continue
        locks = [n for n in walk(func) if n.type == "call_expression" and
                 call_name(n, ctx.source)[1] in ("Lock", "RLock") and
                 _same_place_text(call_name(n, ctx.source)[0], mutex)]
        if not locks:
            return True
    return False


def _closes(root, ctx: Context) -> list:
    """The calls of the builtin close in the file."""
    return [n for n in walk(root) if n.type == "call_expression" and len(arguments(n)) == 1 and
            (f := n.child_by_field_name("function")).type == "identifier" and ctx.text(f) == "close"
            and ctx.names.resolve(f).kind == UNIVERSE]


def _same_place(node, channel, ctx: Context) -> bool:
    """`l.ch` and `c.ch`: the same field (whatever the receiver is named); else the same name."""
    return _same_place_text(ctx.text(node), ctx.text(strip_parens(channel)))


def _same_place_text(a: str, b: str) -> bool:
    if "." in a and "." in b:
        return a.rsplit(".", 1)[1] == b.rsplit(".", 1)[1]
    return a == b


def _collector_channel(send, channel, ctx: Context) -> bool:
    """`func (c *C) Collect(ch chan<- prometheus.Metric)`: the registry drains `ch` in
    its own goroutine for the whole call, so sends there do not wait on the caller."""
    func = enclosing_function(send)
    if func is None or func.type != "method_declaration":
        return False
    if ctx.text(func.child_by_field_name("name")) not in ("Collect", "Describe"):
        return False
    origin = channel_origin(channel, ctx.source, ctx.root)
    return origin.kind == "param" and origin.function == func


# The kind of each pattern of the rule's query, in query order: matches are routed
# by pattern index.
PATTERNS = ("send", "store_to", "store_key")


def check(ctx: Context) -> Iterator[Report]:
    if is_test_file(ctx.path):
        return
    kept: dict | None = None  # built on the first send under a lock: most files have none
    reported: set[tuple[int, str]] = set()
    for index, captures in ctx.matches:
        if PATTERNS[index] != "send":
            continue
        send = captures["send"][0]
        channel = captures["_channel"][0]
        select = enclosing_select(send)
        exits = select_exits(select, ctx.source, besides=send) if select is not None else []
        if any(e.kind == "default" for e in exits):
            continue
        held = held_locks(send, ctx.source)
        call = None
        if not held and not exits:
            held, call = _held_by_caller(send, channel, ctx)
        if not held:
            continue
        name = ctx.text(channel)
        if received_before(send, name, ctx.source) is not None:
            continue  # gives back a token it took from the same channel
        if _collector_channel(send, channel, ctx):
            continue
        if _handshake(send, exits, held[0], ctx):
            continue  # the lock serialises a send/acknowledge exchange that can give up
        if _checked_before_close(send, channel, held[0], ctx):
            continue  # the lock keeps a close from slipping between the check and the send
        key = (held[0].lock.start_byte, name)
        if key in reported:
            continue  # one finding per channel per locked region
        reported.add(key)
        if kept is None:
            kept = kept_buffers([(PATTERNS[i], c) for i, c in ctx.matches if PATTERNS[i] != "send"],
                                ctx.source)
        safe, note = _buffer(send, channel, ctx, kept, ctx.options["large-buffer"], held[0].lock)
        if safe:
            continue
        lock = held[0]
        locked = (lock.lock, f"`{lock.mutex}` locked here")
        unlocked = (lock.deferred_unlock, f"`{lock.mutex}` unlocked only by this defer") \
            if lock.deferred_unlock is not None else None
        # an RLock holder blocks writers (and the readers queued behind a writer)
        who = "writers" if lock.method == "RLock" else "other lockers"
        verb = "read-locked" if lock.method == "RLock" else "locked"
        wait = f"until a receiver or `{exits[0].label}` comes" if exits else "until a receive"
        if call is not None:
            message = (f"send on `{name}` runs under `{lock.mutex}` ({verb} at line {line(lock.lock)}, "
                       f"then the call at line {line(call)}){note} and stalls {who} {wait}; unlock before the call")
            if len(message) > MESSAGE_LIMIT:
                message = message.replace(note, "")
            yield Report(send, message, None, (locked, (call, "the call made with the lock held")))
            continue
        # the defer and the buffer details only where they fit the one-line limit
        for defer, detail in ((unlocked, note), (None, note), (unlocked, ""), (None, "")):
            until = f", unlocked by the defer at line {line(defer[0])}" if defer else ""
            message = (f"send on `{name}` under `{lock.mutex}` ({verb} at line {line(lock.lock)}{until})"
                       f"{detail} stalls {who} {wait}; unlock first")
            if len(message) <= MESSAGE_LIMIT:
                break
        related = (locked, defer) if defer else (locked,)
        yield Report(send, message, Severity.WARNING if exits else None, related)


RULE = Rule(
    code="GL004",
    name="send-under-lock",
    severity=Severity.ERROR,
    confidence=Confidence.MEDIUM,
    check=check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    triggers=(b"Lock()",),
    options={"large-buffer": 100},
    tags=("goroutine-leak", "deadlock", "concurrency"),
)
