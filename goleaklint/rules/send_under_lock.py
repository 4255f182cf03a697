"""
## What it does
Finds channel sends made while a `sync.Mutex` or `sync.RWMutex` is held in the same function.

A send counts as under the lock when it comes after `x.Lock()` or `x.RLock()` on every
path through the function, with no `x.Unlock()`/`x.RUnlock()` in between, or anywhere
after `x.Lock(); defer x.Unlock()`. Sends inside loops and nested blocks of the locked
region count. A send in a `select` with a `default` never waits and is not reported;
one in a `select` with a timer or deadline case (`<-t.C`, `<-time.After(d)`,
`<-timeout`) waits until the deadline at most and is not reported either; one with a
`<-done`/`<-ctx.Done()` case is reported as a warning (the wait ends, but everyone
else waits until then; of low confidence when nothing in the package but the sending
function locks that mutex (a field of the same declared type, or of a type not
shown): the lock only serialises that function's own calls, each bound for the same
receiver); so is a case on the error channel that the call handed the sent
channel returned (`s.out, s.errc = sort(s.in)`, then `case s.in <- v: case err :=
<-s.errc:`): the stage reports there when it fails or is cancelled. A bare send in a
loop that can go round without a bound (a poll loop run until its context ends), under
a lock its function takes before that loop and holds to its end (`defer mu.Unlock()`),
on a mutex nothing else in the package locks, is of low confidence too: the other
lockers are the next runs of that function, which wait for the whole run whatever the
receiver does, so unlocking before the send frees none of them (a receiver that stops
leaves the send itself blocked: GL003's finding).

A finding is shown (at the rule's confidence) only when the code shows that the send
can wait for good with the lock held:
- a lock cycle: a receiver of the channel takes a mutex of the lock's name (its write
  side, for a read lock; an embedded mutex locked through a plain name, `s.Lock()`, is
  another one on a value of another type of the package: `hb.Lock()` in a monitor's
  `Stop`), itself or through the functions of its file it calls, between two receives (a
  receiver in another file of the package too, of the field of the send's struct type):
  in the loop it receives in (`for k := range c.updates { c.mu.Lock() ...
  }`), or after a receive outside any loop (`<-s.pending; s.forget()`, called again for
  the next value);
- a receiver that can stop receiving while senders still come: its loop returns on an
  error or leaves through a `<-ctx.Done()`/done case, or its one select outside any loop
  can take another case (`case <-ctx.Done(): return ctx.Err()`) on a channel that may be
  unbuffered (a buffered one keeps the value it left). A receiver that stops only
  through a channel the send's select waits on too does not count, nor one that closes
  the channel on its way out (`defer c.closeWrite()`: the sender ends with the close),
  nor one whose every stop closes the channel too (`close(w.done); close(w.ping)` in
  `Stop`: a send waiting then panics, the deferred unlock runs),
  nor any when the sender is a goroutine started right there that nobody waits for
  (`go func() { q.mu.Lock(); ...; ch <- v }()`), nor a receiver loop in the send's file
  that stops on its own only under `if !ok` of a case on a field of a struct type of the
  package (`case e, ok := <-s.events: if !ok { return }`) whose every close in the
  package is a statement of the sending function after the send (`s.stop <- true;
  close(s.events)` in `Stop`), the package otherwise only making it, sending on it,
  comparing it or setting it to nil: it cannot leave before it takes the send;
- no receiver in the file or the package of a channel the package makes (it is handed
  out: `Subscribe` returns it), and another function closes it under the write side of
  the lock: a subscriber leaves through that unsubscribe, which waits for the lock the
  blocked sender holds.
The receivers are the receives of the field the channel is kept in (also through a
method that returns it: `range b.Notify()`, and in the package's other files; not a
same-named field of another declared type, of this package or another: `<-t.C` of a
`*time.Timer` is no receiver of `c.proxy.C`; nor, for a field of a type of this
package, one of a local an imported package's function returns: `ticker :=
clock.NewTicker(d)`, then `<-ticker.C`), of a
channel made in the function (and the function of the file it is handed to), of each
channel the file registers where the send takes it from, and of the channel each
caller of the file hands in for a parameter (two calls up). Any other send under a
lock that the rule reports is a finding of low confidence (hidden unless
`--min-confidence low`): a dedicated receiver loop that never needs the lock, a
caller's channel, a channel of another package: whether it stalls rests on a receiver
the code does not show. So is a send on a field the file stores a channel in that a
call of a method or another package's function the package does not declare returns
(`q.src = source.Packets()`): its buffer is not shown, and the message says the send
waits "once any buffer it has is full".

A send into a buffered channel is reported with its buffer in the message, unless
the rule can show the buffer has room:
- a channel made in the same function with a literal capacity at least the number of
  sends one run can make (sends in the two arms of an `if` count once, a send in a
  loop is unbounded);
- a channel kept in a field or a registry (`s.f`, `c.pending[id]`, `for _, w := range
  s.waiters`, `call.errs` of a ranged call) when every channel the file stores there
  (`x.f = make(...)`, `m[k] = ch`, `x.f = append(x.f, ch)`, `T{f: ch}`, with `ch` a
  local made with a buffer, or a parameter for which every call of the file hands in
  such a local, made outside loops: `func (n *N) register(ch chan error) { n.pending[id]
  = ch }` called with `ch := make(chan error, 1)`; a removal, `x.f = append(x.f[:i],
  x.f[i+1:]...)`, stores none) has a literal buffer at least the sends one run makes to
  it, and each run sends to a different channel: a reply channel the function retires
  (it closes it, calls `delete`, or resets the registry: `s.waiters = nil`; the range
  variable may be copied first: `for _, r := range rs { req := r; ... }`; or it deletes
  the object holding it from the registry its senders find it in, also in a loop that
  binds the next one each turn: `for w := q.next(); w != nil; w = q.next() {
  delete(q.workers, w); w.task <- t }`), a field
  replaced after the send (`s.next <- v; s.next = fresh`), a field of an object
  made in the function, the reply channel of a request a select case of the function
  took from a queue and that it closes after the send (`case req := <-m.reqs: req.result
  <- nil; close(req.result)`: no other receiver got that request), or the reply channel of a request handed in as a parameter
  (`req.recvChan <- r`) when every channel the file stores there is made with the
  object that carries it (`&request{recvChan: make(chan response, 1)}`). A listener that stays registered, or a field of the receiver,
  is one long-lived channel that every call fills: reported, unless its buffer is at
  least `large-buffer` (default 100) times what one run sends (a test server's
  `make(chan T, 1000000)` record of requests: the author sized it never to fill).
  A send made once per life of a flag set under a lock held at the send (the same
  one, or an outer one such as a kicker mutex) (`if !p.closed {
  p.closed = true; p.closeC <- x }`, also as one operand of `&&`, or after `if p.closed {
  return }`), with nothing in the file setting the flag back, has room in any buffer of
  its sends (a reset on receiving from the channel, in the receive's case or a function
  called there, clears a pending signal: at most one is buffered); so does a
  send in the function given to `sync.Once.Do`, or in a function named for the end
  of its object's life (`Close`, `Stop`, `Exit`, `destroy`: once per life).
  A registry that also holds a channel from elsewhere (a parameter some caller fills
  otherwise, another package's) is unknown;
- a channel kept in a field or registry where every channel the file stores there is
  a reply channel whose maker waits for it with a plain receive, not in a `select`
  that can give up (`errCh := make(chan error); d.waiters = append(d.waiters,
  waiter{errCh: errCh}); return <-errCh`): the receiver is there, buffered or not;
- a field channel this file stores nothing in, when the package's other files store
  in it only channels with a literal buffer (`verifyCh: make(chan T, 64)`, read from
  their text, through one `v.f = r.g` hop; a size named by an integer constant of the
  package counts as its value) at least the sends one run makes, and each run sends to
  a different channel (a field replaced after the send: `v.notifyCh <- v; v.notifyCh =
  nil`), or that buffer is at least `large-buffer` times the sends; otherwise the
  message names that buffer and where it is made (`buffer 4 in store.go:16`);
- the first send into a buffered channel made earlier in the same run: the channel, or
  the object literal that holds it (`f = &future{acquire: make(chan unit, 1)}; f.acquire
  <- unit{}`), bound in the same loop body (or function body) as the send, with no send
  on it in between and none after it under the same lock (or in a function literal run
  there: a goroutine started after the send cannot come first);
- a send after `if len(ch) >= cap(ch) { ...; return }` in the locked region (or inside
  `if len(ch) < cap(ch) { ... }`), when every send on that channel in the file holds a
  mutex of the lock's name, itself or through its caller (see below): no other sender
  can take the slot the check found;
- a buffered field channel whose every send in the file sits right in `if len(ch) == 0 {`
  (or `if len(ch) < cap(ch) {`): a send never comes to a full buffer; and a token pool,
  a field channel that the function making it fills right away with as many values as
  its buffer holds (`b := &baton{ch: make(chan struct{}, 1)}; b.ch <- struct{}{}`): a
  later send gives back a token taken before, so it finds room; and a send followed
  right away by `close(ch)` of the same channel (a second send would panic), the file's
  only send on the channels of that list, each made with room for one
  (`for _, s := range p.stops { s <- struct{}{}; close(s) }`; a re-slice `p.stops =
  p.stops[:0]` keeps no new channel). A send once per life of
  a flag, of its object or of a `sync.Once` (above) has room in a buffer made in another
  file of the package too;
- a channel parameter that every caller of the file hands a buffer made for that call,
  with room for what one call sends (`results := make(chan R, 1); go u.release(results)`);
- a capacity computed from the work (`make(chan T, len(xs))`, `make(chan T, n)`, in
  this function or stored in the field anywhere in the file), which the author sized
  so that no send waits; not for a listener taken from a registry (`for _, l := range
  s.listeners { l.c <- v }`) that stays registered: its buffer was sized for what its
  maker knew of, and every later broadcast goes into it.

Registries may be package-level variables too (`waiters = append(waiters, ch)`,
ranged and reset to nil under the lock). Buffers are read only from stores into the
send's own struct type when the file shows both types (a same-named field of another
type keeps other channels; a type defined from another, `type internalTimer Timer`,
counts as that one). A field this file stores nothing in, whose every channel the
package's other files make as a reply channel that the maker then waits for with a
plain receive (`req := &request{c: make(chan T)}; w.c <- req; return <-req.c`), is not
reported either: the requester is there to take the reply.

A send that can give up (its `select` has a done, context or deadline case) and then
waits for an acknowledgement before the unlock (`case p.wrTx <- b: n := <-p.wrRx`) is
not reported: the lock serialises that exchange, and the way out bounds the wait.

Nor is a send to a channel of a registry whose every channel is made by the function
that registers it and handed to a goroutine it starts (`in := make(chan T);
subs.chans[tag] = in; go subs.buffer(in, out)`), when each such worker never takes a
mutex of the lock's name and stops only on channels that a function of the file closes
under that lock while it retires the registry (`close(subs.closed)` with `delete`s or
`close`s of the registered channels): a stopped worker is never sent to.

Nor is a send to a field whose every channel stored in the file is the result of a
function of the package that makes a buffered channel, starts a goroutine and returns
the channel (`inCh := make(chan Event, 1024); go q.stream(); return inCh`, stored as
`conf.EventCh = outCh`), when that goroutine never locks a mutex of the lock's name: the
package's own queue, drained by its own goroutine, which the send fills only once that
stage is a full buffer behind; such a lock keeps the events in the order of the state it
guards. Nor is a send on a channel of an unexported element type of the package
(`chan<- result`: only the package can make one) that every `make` of the package gives
a literal buffer of at least the sends one run makes to it, when it is answered once:
the send is the last statement before a return, or one per entry of a registry the loop
ranges over and replaces or deletes right after (`for id, ch := range c.inflight { ch
<- r; c.inflight[id] = make(chan<- result, 1) }`): a reply channel that gets one value.

Nor is a send in one arm of an `if` whose other arm sends on the same channel in a
`select` with a `default` (`if o.blocking { o.ch <- v } else { select { case o.ch <- v:
default: } }`): the receiver chose to be waited for, and the others are dropped. Nor
is a send under a read lock into a field channel that every store of the file makes
with a literal buffer of more than one slot (`events: make(chan E, 10)`): the other
readers go on, and writers wait only once the receiver has fallen a whole buffer
behind.

Nor is a send under a mutex that is a variable of the function (`var mu sync.Mutex`,
used only by its own `Lock`/`Unlock` calls) locked nowhere else: every other locker is
a goroutine of the same call at the same site, bound for the same send; nor the first
value sent on a channel made after the lock and handed to a call just before the send
(`c.poll = make(chan T); start(c.poll); c.poll <- first`): only the callee has it.

A send that gives back a token received from the same channel earlier in the function
(`<-s.sem ... s.sem <- token`) is not reported either, nor a send on the channel
parameter of a Prometheus-style `Collect`/`Describe` method (the registry drains it
concurrently for the whole call), nor a new subscriber's first value: a send on a
channel parameter that the locked region has just handed to a registry (`c.subs[ch] =
true` or `c.reg.register(ch)`, then `ch <- c.state`), where the lock orders that value
before every later broadcast; nor, in such a file, a broadcast under a mutex of the
same name to the channels of a registry (`c.state = s; for ch := range c.subs { ch <-
s }`): the lock keeps every subscriber's states in order, and a subscriber is expected
to receive until it unsubscribes. Nor is a send on a field (or package variable)
that a receiver loop of the file, in another function, takes whenever it waits: the
loop never takes a mutex of the lock's name (itself, or through the functions and
methods of its receiver that it calls, two calls deep), and it stops receiving only
on what it receives (a quit value, `!ok`) or on a channel the send's `select` waits
on too (`case <-s.closeC:` on both sides), or on a stop made holding the same mutex in
a critical section that sets a flag the send tests under the lock to a value the test
excludes (`if c.running { c.add <- e }` and `c.stop <- struct{}{}; c.running = false`
in Stop: the flag is true only while the loop runs, and unlocking first would break
that). Nor is a send on a field of an entry taken from a map field and deleted after
the send, when every store in that map puts there a channel its storing function then
receives bare with nothing between that can wait (`s.acks[id] = &ackable{m, ch};
s.mu.Unlock(); ok := <-ch`): the one send finds its receiver waiting. The receiver loop may be that of a goroutine
the file starts on the field (`go cr.process(cr.input)`, a method of the operand's
type), over the parameter it is handed (`for v := range input`), or of a goroutine that
a function of the file handed the field starts on its parameter (`sub.out =
relay(sub.in)`, where relay's goroutine keeps `case v, ok := <-in:` in its select), also
when another file of the package declares that function and the file shows no receive
of the field (`debouncer(reload, res.reloadConfig, d, l)`, its goroutine's endless
`case cfg, ok := <-reload:` loop). Such a lock keeps an order (deltas sent in
the order of the versions it guards) or pairs a check with a `close`, and the send
cannot wedge the other lockers for good. A receiver that takes the lock while it
handles a value, or that can leave (on its own stop channel, on an error), keeps the
finding. Several sends on one channel in one locked region
give one finding, at the first.

Options: `large-buffer` (int, default 100): a long-lived field channel whose literal
buffer is at least this many times the sends one run of the locked code makes is
taken as sized never to fill.

A channel that a function of the file closes under a mutex held at the send (the
same field or registry: `for _, c := range n.errs { close(c) }`, `close(r.c)`) has a
lock that keeps that close off the send: unlocking first would add a send on a closed
channel. Such a send is not reported when its `select` has a done case (the listener
can leave), nor when every channel kept there is a caller's (`n.errs = append(n.errs,
c)` with `c` a parameter of `NotifyError`: the library delivers to the caller's
notification channels, and their buffer and draining are the caller's), unless a
method of the same type takes that mutex for work with no channel in it (no send,
receive, `close` or `chan`, no mention of the registry or of the sending and locking
functions: `Publish` counting publishings under the confirms' mutex), outside a
function named for the end of its object's life: then a listener that is not drained
stalls an unrelated operation, and the message names it (so it does for a caller's
listener with no close under the lock: "stalls `NewTask` until a receive"). Otherwise the
message names the close and asks for a way out for the send instead of an unlock; it is
a warning unless a receiver of the same field in the file takes the lock itself. A close
that `_close_guard` cannot tie to the send from this file alone, in another file of the
package (the same field of the same declared type: `close(db.writeCh)` in `db.go`) or
through a method (`close(e.watchers[id].ch.Get())` for a send on `w.ch.Get()`, operands
of one declared type), under a mutex of the lock's name, changes the advice the same way:
never "unlock first" where unlocking would race a close; and such a send to a caller's
channels with no unrelated operation on the lock is not reported either. A registry
keyed by channel (`s.events[ch] = true`, ranged as `for ch := range s.events`) keeps its
keys: a parameter stored as a key is a caller's channel.

When the sending goroutine's own loop receives the channel too (`case err := <-s.errs:`
beside `s.errs <- errConnected`), the advice is a default case, not an unlock: the
goroutine that would wait on a full buffer is one of its receivers, and an unlock would
not free it.

A send with no way out (no other case) in a function or method of the file that a
caller of the same file calls with a lock held, directly or through one more call
(`c.mu.Lock(); c.update()` where update calls `m.closeMonitor()`, which sends), is
reported at the send with the caller's lock: the function's name must be declared
once in the file, and a `go f()` or `defer f()` call does not count, nor a call of
another package's function or of a method of a value whose declared type is another
package's (`db.rocksdb.Flush(o)` with `rocksdb *gorocksdb.DB`). When the call is
to a function named for needing the lock (Go's `...Locked` convention), the advice is a
buffer or a done case, not an unlock before the call. A send on a
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
wedges the whole type: every later call that needs the mutex waits behind it.

## Example
```go
func (c *Cache) Touch(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.updates <- key // blocks with c.mu held until apply receives
}

func (c *Cache) apply() {
	for key := range c.updates {
		c.mu.Lock() // waits for Touch, which waits for this loop: a deadlock
		c.entries[key]++
		c.mu.Unlock()
	}
}
```

## Use instead
```go
func (c *Cache) Touch(key string) {
	c.mu.Lock()
	c.touched++
	c.mu.Unlock()
	c.updates <- key // the lock is free while the send waits
}
```
Copy what you need under the lock, unlock, then send; or make the send non-blocking
with a `select` and `default` (or a done case), or give each channel a buffer the
sender can never fill.

## References
- [Go memory model: channel and lock](https://go.dev/ref/mem)
- [GoBench: blocking bugs in Go (CGO 2021)](https://github.com/timmyyuan/gobench)
- [Tu et al., Understanding Real-World Concurrency Bugs in Go (ASPLOS 2019)](https://songlh.github.io/paper/go-study.pdf)
"""

from __future__ import annotations

import os
import re
from typing import Any, Iterator

from goleaklint.analysis.channels import (
    DEADLINE,
    ENDING,
    channel_capacity,
    channel_origin,
    enclosing_select,
    handed_makes,
    parameter_of,
    field_owner,
    is_exit_channel,
    line,
    received_before,
    received_channel,
    receive_channel,
    receives_ending_in,
    receiver_reports,
    select_exits,
    receives_from,
    receives_of,
    same_channel,
    sized_capacity,
    strip_parens,
    undeclared_call,
)
from goleaklint.analysis.cfg import conjuncts, repeats
from goleaklint.analysis.locks import UNLOCKS, flag_guard, held_locks, opens_guard, other_lockers, stopped_under_flag
from goleaklint.analysis.receivers import (gives_up, only_made, stop_channels, stop_closes_sent, stop_receives,
                                          stopping_exits)
from goleaklint.rules.send_under_lock_buffers import (
    PACKAGE_KEY,
    max_sends,
    UNBOUNDED,
    container_key,
    container_site,
    KeptBuffers,
    Kept,
    from_registry,
    one_value_per_run,
    package_stores,
    queue_of,
    queued,
    sends_after_binding,
    sends_per_channel,
)
from goleaklint.analysis.package import folder_files, integer_constant, package_clause, parsed
from goleaklint.model import Confidence, Context, Report, Rule, Severity
from goleaklint.analysis.names import (IMPORT, LOCAL, PACKAGE, UNIVERSE, declaring_statement, names_for, parameter_at,
                                      range_clause, receiver_type)
from goleaklint.analysis.types import types_for
from goleaklint.analysis.lifetime import PackageFiles, function_once
from goleaklint.fixes import in_loop
from goleaklint.syntax import (FUNCTION_TYPES, ancestors, arguments, assignments, call_name, descendants, file_memo,
                               enclosing_function, enclosing_loop, has_word, is_test_file, make_channel, named,
                               next_statement, statements, text, walk)


def _buffer(send, channel, ctx: Context, kept: KeptBuffers, large: int, locks: list) -> tuple[bool, str]:
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
        sends = sends_after_binding(origin.binding, ctx.source)
        if sends <= capacity:
            return True, ""
        return False, _note(origin.name, capacity, made, sends)
    if _reply_channel(send, channel, ctx):
        return True, ""  # one answer into a reply channel the package makes with room for it
    if origin.kind == "param":
        handed = handed_makes(origin, ctx.types, ctx.source, ctx.root)
        sends = max_sends(origin.function.child_by_field_name("body"), channel, ctx.source) \
            if handed and origin.function is not None and origin.function.child_by_field_name("body") else UNBOUNDED
        if handed and all((channel_capacity(m, ctx.source) or 0) >= sends for m in handed):
            return True, ""  # each caller hands in a fresh buffer with room for what one call sends
    queue = queue_of(channel, ctx.source)
    replies = queued(queue, ctx.root, ctx.source) if queue is not None else []
    if replies and all(k.capacity is not None and _waited_for(k.node, ctx.source) for k in replies):
        return True, ""  # taken from a queue of reply channels whose makers wait for the reply
    key = container_key(channel, ctx.source)
    accessed = _accessed_field(channel, ctx) if key is None else None
    if accessed is not None:  # `x.GetChannel()`: the buffers stored in the field it returns
        made = [k for k in kept.get(accessed, []) if k.capacity is not None]
        smallest = min(made, key=lambda k: k.capacity) if made and len(made) == len(kept.get(accessed)) else None
        return False, _note(origin.name, smallest.capacity, smallest.node, sends_per_channel(send, ctx.source)) \
            if smallest is not None and 0 < smallest.capacity < UNBOUNDED else ""
    if key is not None and key.startswith(PACKAGE_KEY) and key not in kept:
        kept[key] = package_stores(key, ctx.root, ctx.source)
    stored = kept.get(key, []) if key is not None else []
    sibling_note = ""
    if not stored and strip_parens(channel).type == "selector_expression" and key is not None:
        made = _sibling_capacity(key, ctx)  # a field whose channels the package's other files make
        capacity, where = made if made is not None else (0, "")
        sends = sends_per_channel(send, ctx.source)
        if capacity and sends <= capacity and one_value_per_run(send, channel, ctx.source):
            return True, ""
        if capacity and sends < UNBOUNDED and capacity >= large * sends:
            return True, ""  # one long-lived queue, sized far beyond what a run sends
        if capacity and sends <= capacity and (_once_per_life(send, locks, ctx)[0] or _emptied_first(send, channel, ctx)):
            return True, ""  # as below: sent once per life, or only into room the lock keeps
        if capacity:
            sibling_note = _note(origin.name, capacity, where, sends)
        if _sibling_replies(key, _owners(channel, ctx), ctx):
            return True, ""  # the requester's reply channel, and the requester waits for it
    stored = _of_operand_type(stored, channel, ctx)
    if _registered_workers(send, channel, call_name(locks[0], ctx.source)[0], stored, ctx):
        return True, ""  # each registered channel's own worker takes every value
    if stored and all(k.capacity is not None or _pipeline_stage(k.node, call_name(locks[0], ctx.source)[0], ctx)
                               for k in stored) and \
            any(k.capacity is None for k in stored):
        return True, ""  # the package's own buffered stage, drained by its goroutine
    if not stored or any(k.capacity is None for k in stored):
        return False, sibling_note  # a caller's channel, or none seen here: its buffer is unknown
    if any(k.capacity == UNBOUNDED for k in stored):
        # `make(chan T, n)`: sized from the work by the author; but a listener taken from
        # a registry gets every later broadcast, which its maker's work does not bound
        listener = from_registry(channel, ctx.source) and not one_value_per_run(send, channel, ctx.source)
        return not listener, ""
    if all(_waited_for(k.node, ctx.source) for k in stored):
        return True, ""  # a reply channel whose maker waits for the reply
    smallest = min(stored, key=lambda k: k.capacity)
    if not smallest.capacity:
        return False, ""
    sends = sends_per_channel(send, ctx.source)
    if sends <= smallest.capacity and one_value_per_run(send, channel, ctx.source):
        return True, ""  # a fresh channel each run (a reply channel): room for all
    once, guarded = _once_per_life(send, locks, ctx)
    if sends <= smallest.capacity and once:
        return True, ""  # sent once per life of a flag or of the object: room for it
    if sends <= smallest.capacity and _request_reply(channel, send, stored, ctx):
        return True, ""  # the reply channel of a request handed in: its own buffer per request
    if sends < UNBOUNDED and smallest.capacity >= large * sends:
        return True, ""  # one long-lived queue, sized far beyond what a run sends
    if sends <= smallest.capacity and _emptied_first(send, channel, ctx):
        return True, ""  # `if len(ch) == 0 { ch <- v }` at every send: never into a full buffer
    if sends <= smallest.capacity and _last_send(send, channel, key, ctx):
        return True, ""  # `ch <- v; close(ch)`, the only send on them: room for the one value
    if sends <= smallest.capacity and all(_token_pool(k.node, channel, ctx) for k in stored):
        return True, ""  # a pool filled when made: a send gives back a token taken before
    return False, _note(origin.name, smallest.capacity, smallest.node, sends, guarded)


def _once_per_life(send, locks: list, ctx: Context) -> tuple[bool, bool]:
    """(once, guarded): whether send runs at most once per life of a flag set under the
    lock (the flag may be held under any of the locks held: a kicker mutex around the
    cache's), of its object (`Close`, `Stop`) or of a sync.Once; guarded when a flag
    guards it that the file can reset."""
    guard = next((g for g in (flag_guard(send, lock, ctx.source) for lock in locks) if g is not None), None)
    once = guard is not None and not guard[1] or _in_ending(send, ctx) or _in_once(send, ctx)
    return once, guard is not None


def _emptied_first(send, channel, ctx: Context) -> bool:
    """Whether every send of the file on the channel's field (this one included) sits
    right in `if len(ch) == 0 {` or `if len(ch) < cap(ch) {`: for a buffered channel,
    a check that leaves room before the send; no send of the file fills it unchecked
    (see also _room_checked)."""
    channel = strip_parens(channel)
    if channel is None or channel.type != "selector_expression":
        return False
    field = ctx.text(channel.child_by_field_name("field"))
    memo, key = file_memo(ctx.source), (_emptied_first, field)
    if key not in memo:  # once per field: its sends share the answer
        sends = [n for n in descendants(ctx.root, ("send_statement",))
                 if _field_name(n.child_by_field_name("channel"), ctx) == field]
        memo[key] = bool(sends) and all(_checked_before(n, ctx) for n in sends)
    return memo[key]


def _last_send(send, channel, key: str, ctx: Context) -> bool:
    """Whether the send is followed right away by `close(ch)` of the same channel (a
    second send would panic) and is the file's only send on the channels kept under
    key: each channel then gets this one value."""
    after = next_statement(send)
    call = after.named_children[0] if after is not None and after.type == "expression_statement" and \
        after.named_children else None
    if call is None or call.type != "call_expression" or call_name(call, ctx.source) != ("", "close") or \
            len(arguments(call)) != 1 or strip_parens(arguments(call)[0]).type != "identifier" or \
            strip_parens(channel).type != "identifier" or \
            not ctx.names.same_variable(strip_parens(arguments(call)[0]), strip_parens(channel)):
        return False
    return all(n == send or container_key(n.child_by_field_name("channel"), ctx.source) != key
               for n in descendants(ctx.root, ("send_statement",)))


def _field_name(node, ctx: Context) -> str | None:
    node = strip_parens(node)
    return ctx.text(node.child_by_field_name("field")) if node is not None and \
        node.type == "selector_expression" else None


def _checked_before(send, ctx: Context) -> bool:
    """`if len(ch) == 0 { ch <- v }` / `if len(ch) < cap(ch) { ... }`: the send is a
    statement of the consequence of an if whose condition checks the same channel's room."""
    block = send.parent.parent if send.parent is not None and send.parent.type == "statement_list" else send.parent
    test = block.parent if block is not None and block.type == "block" else None
    if test is None or test.type != "if_statement" or test.child_by_field_name("consequence") != block:
        return False
    channel = send.child_by_field_name("channel")
    for condition in conjuncts(test.child_by_field_name("condition")):
        condition = strip_parens(condition)
        if condition is None or condition.type != "binary_expression":
            continue
        operator = ctx.text(condition.child_by_field_name("operator"))
        left, right = strip_parens(condition.child_by_field_name("left")), \
            strip_parens(condition.child_by_field_name("right"))
        if left is None or right is None or left.type != "call_expression" or \
                ctx.text(left.child_by_field_name("function")) != "len" or len(arguments(left)) != 1 or \
                not same_channel(arguments(left)[0], channel, ctx.source):
            continue
        if operator == "==" and ctx.text(right) == "0":
            return True
        if operator == "<" and right.type == "call_expression" and ctx.text(right.child_by_field_name("function")) \
                == "cap" and len(arguments(right)) == 1 and same_channel(arguments(right)[0], channel, ctx.source):
            return True
    return False


def _token_pool(make, channel, ctx: Context) -> bool:
    """Whether the function that makes the channel fills its whole buffer right away
    (`b := &baton{ch: make(chan struct{}, 1)}; b.ch <- struct{}{}`): a pool of tokens,
    where a later send gives back one taken before and finds room (only a give-back
    without a take could wait)."""
    capacity = channel_capacity(make, ctx.source)
    func = enclosing_function(make)
    body = func.child_by_field_name("body") if func is not None else None
    field = _field_name(channel, ctx)
    if not capacity or body is None or field is None:
        return False
    fills = [n for n in statements(body) if n.type == "send_statement" and n.start_byte > make.end_byte and
             _field_name(n.child_by_field_name("channel"), ctx) == field]
    return len(fills) == capacity


def _pipeline_stage(value, mutex: str, ctx: Context) -> bool:
    """Whether a stored value is the channel a function of the package returns after
    making it with a buffer and starting a goroutine (`inCh := make(chan Event, 1024);
    go q.stream(); return inCh`, stored as `conf.EventCh = coalesced(conf.EventCh, ...)`
    or through `out, err := newStage(...)`), when that function's file never locks a
    mutex of the lock's name: the package's own queue, drained by its own goroutine,
    so the send waits only once that stage is a full buffer behind. Such a lock keeps
    the events in the order of the state it guards."""
    call = strip_parens(value)
    if call is not None and call.type == "identifier":
        binding = ctx.names.reaching(call, call)
        target = binding[0] if binding is not None else None
        left = target.parent if target is not None else None
        statement = left.parent if left is not None and left.type == "expression_list" else None
        right = statement.child_by_field_name("right") if statement is not None and \
            statement.type in ("short_var_declaration", "assignment_statement") else None
        if right is None or right.named_child_count != 1 or left.named_children[0] != target:
            return False
        call = strip_parens(right.named_children[0])
    callee = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if callee is None or callee.type != "identifier" or ctx.names.resolve(callee).kind != PACKAGE:
        return False
    name = ctx.text(callee)
    found = (0, ctx.names.function(name), ctx.source, ctx.names) if ctx.names.function(name) is not None \
        else PackageFiles.of(ctx).function(name)
    if found is None:
        return False
    _, function, source, names = found
    body = function.child_by_field_name("body")
    started = descendants(body, ("go_statement",), into_functions=False) if body is not None else []
    if not started or any(_stage_locks(go, mutex.rsplit(".", 1)[-1], names) for go in started):
        return False
    returns = descendants(body, ("return_statement",), into_functions=False)
    results = [r.named_children[0] for r in returns if r.named_children]
    first = [r.named_children[0] if r.type == "expression_list" else r for r in results]
    returned = [r for r in first if text(source, r) != "nil"]
    if len({text(source, r) for r in returned}) != 1 or len(results) != len(returns) or \
            not all(r.type == "identifier" and names.same_variable(r, returned[0]) for r in returned):
        return False
    made = [v for t, v, _ in assignments(body) if v is not None and t.type == "identifier"
            and names.same_variable(t, returned[0])]
    return len(made) == 1 and bool((make_channel(made[0], source) or (False, False))[1])


def _reply_channel(send, channel, ctx: Context) -> bool:
    """A channel of an unexported element type of this package (`chan<- result`: only
    the package can make one), which the package's every `make` gives a literal buffer
    of at least the sends one run makes to it, answered once: the send is the last
    thing before a return (`ch <- result{err: errClosed}; return false`), or one per
    entry of a registry it ranges over that it replaces or deletes right after (`for
    id, ch := range c.inflight { ch <- r; c.inflight[id] = make(chan<- result, 1) }`).
    Each such channel is a reply channel that gets one value: its buffer holds it."""
    kind = types_for(ctx.names).of(channel)
    element = kind.elem.deref() if kind is not None and kind.kind == "chan" and kind.elem is not None else None
    if element is None or element.kind != "named" or element.path != "" or not element.name[:1].islower():
        return False
    facts = ctx.names.facts
    capacities = [_make_capacities(source, element.name)
                  for source in [ctx.source] + (facts.sources() if facts is not None else [])]
    if any(c is None for c in capacities) or not any(capacities):
        return False
    capacity = min(c for found in capacities for c in found)
    if sends_per_channel(send, ctx.source) > capacity:
        return False
    following = next_statement(send)
    if following is not None and following.type == "return_statement" and not in_loop(send):
        return True
    loop = next((a for a in ancestors(send) if a.type == "for_statement" or a.type in FUNCTION_TYPES), None)
    clause = next((c for c in loop.named_children if c.type == "range_clause"), None) \
        if loop is not None and loop.type == "for_statement" else None
    left = clause.child_by_field_name("left") if clause is not None else None
    if left is None or len(left.named_children) != 2 or not ctx.names.same_variable(left.named_children[1], channel):
        return False
    registry, key = strip_parens(clause.child_by_field_name("right")), left.named_children[0]

    def entry(target, index) -> bool:  # `registry[key]`: the ranged map, by the ranged key
        index = strip_parens(index)
        return target is not None and index is not None and index.type == "identifier" and \
            ctx.names.same_expression(strip_parens(target), registry) and ctx.names.same_variable(index, key)
    for node in walk(loop.child_by_field_name("body")):
        if node.start_byte < send.end_byte:
            continue
        targets = node.child_by_field_name("left").named_children if node.type == "assignment_statement" else []
        if len(targets) == 1 and targets[0].type == "index_expression" and \
                entry(targets[0].child_by_field_name("operand"), targets[0].child_by_field_name("index")):
            return True
        deleted = arguments(node) if node.type == "call_expression" and \
            call_name(node, ctx.source) == ("", "delete") else []
        if len(deleted) == 2 and entry(deleted[0], deleted[1]):
            return True
    return False


def _make_capacities(source: bytes, element: str) -> list[int] | None:
    """The literal buffers of every `make(chan T, n)` (any direction, `*T` too) of the
    element type in source; None when one has no buffer or one that is not a literal."""
    found = []
    pattern = rb"make\(\s*(?:chan\s*(?:<-\s*)?|<-\s*chan\s*)\*?" + re.escape(element.encode()) + \
        rb"\s*(?:,\s*([^()]*?)\s*)?\)"
    for match in re.finditer(pattern, source):
        size = match.group(1)
        if size is None or not size.isdigit() or int(size) < 1:
            return None
        found.append(int(size))
    return found


def _stage_locks(go, mutex: str, names) -> bool:
    """Whether the goroutine a stage starts (`go f(...)`, `go q.stream()`, a literal)
    may lock a mutex whose name ends in mutex, itself (not in goroutines it starts in
    turn): the body of the literal, or of the function or method of the stage's file
    that the call runs (`types.called`); True when it is not found."""
    source = names.source
    call = next((c for c in go.named_children if c.type == "call_expression"), None)
    called = strip_parens(call.child_by_field_name("function")) if call is not None else None
    if called is not None and called.type == "func_literal":
        declared = called
    else:
        declared = types_for(names).called(call) if call is not None else None
    bodies = [declared.child_by_field_name("body")] if declared is not None else []
    if not bodies or None in bodies:
        return True
    for body in bodies:
        inner = descendants(body, ("go_statement",))
        for node in descendants(body, ("call_expression",)):
            operand, name = call_name(node, source)
            if name in ("Lock", "RLock") and operand.rsplit(".", 1)[-1] == mutex and \
                    not any(g.start_byte <= node.start_byte < g.end_byte for g in inner):
                return True
    return False


def _of_operand_type(stored: list, channel, ctx: Context) -> list:
    """The stores into a field of the send's own struct type, when the file shows both
    types: `T{f: ch}`, `x.f = ch` or `x.f[k] = ch` for another named type of this
    package keeps a same-named field of that type, whose buffer says nothing of this one. A type
    defined from another (`type internalTimer Timer`) counts as that one too."""
    owners = _owners(channel, ctx)
    if not owners:
        return stored
    types = types_for(ctx.names)
    kept = []
    for k in stored:
        site = k.site
        held = container_site(site, ctx.source) if site is not None and site.type == "index_expression" else site
        if held is not None and held.type == "selector_expression":  # `x.f = v`, `x.f[k] = v`
            kind = types.of(held.child_by_field_name("operand"))
        elif site is not None and site.type == "identifier":  # the key of `T{f: v}`
            literal = next((a for a in ancestors(site) if a.type == "composite_literal"), None)
            kind = types.type_node(literal.child_by_field_name("type")) if literal is not None else None
        else:
            kind = None
        name = _local_named(kind)
        if name is None or name in owners:
            kept.append(k)
    return kept


def _owners(channel, ctx: Context) -> set:
    """The names of the struct type whose field the channel is kept in (`t.c` with t a
    `*timer`, `ch := t.chans[tag]`: container_site): the named type of this package,
    and the type it is defined from (`type internalTimer Timer`); empty when the type
    is not known."""
    site = container_site(channel, ctx.source)
    if site is None or site.type != "selector_expression":
        return set()
    types = types_for(ctx.names)
    wanted = _local_named(types.of(site.child_by_field_name("operand")))
    if wanted is None:
        return set()
    decl = ctx.names.top.get(wanted)
    spec = decl.parent if decl is not None and decl.parent.type == "type_spec" else None
    underlying = _local_named(types.type_node(spec.child_by_field_name("type"))) if spec is not None else None
    return {wanted, underlying} - {None}


def _local_named(kind) -> str | None:
    """The name of a (pointer to a) named type of this package, else None."""
    base = kind.deref() if kind is not None else None
    return base.name if base is not None and base.kind == "named" and base.path == "" else None


MESSAGE_LIMIT = 160


def _held_by_caller(send, channel, ctx: Context, depth: int = 2) -> tuple[list, object]:
    """The locks a caller holds when it calls the function that sends (a function or
    method of this file, each call resolved by the declared type of its receiver:
    `Types.calls_of`), up to `depth` calls away (`c.Lock(); d.update(c)` where update
    calls `h.closeMonitor()`, which sends): (held, the locked call), or ([], None). A
    send on a parameter is the caller's channel and is left alone."""
    origin = channel_origin(channel, ctx.source, ctx.root)
    if origin.kind == "param":
        return [], None
    function = enclosing_function(send)
    for _ in range(depth):
        if function is None or function.type not in ("function_declaration", "method_declaration"):
            return [], None
        callers = []
        for call in ctx.types.calls_of(function):
            if enclosing_function(call) == function \
                    or call.parent is not None and call.parent.type in ("go_statement", "defer_statement"):
                continue  # `go f()` runs without the lock; `defer f()` may run after the unlock
            held = held_locks(call, ctx.source)
            if held:
                return held, call
            callers.append(enclosing_function(call))
        function = callers[0] if len(callers) == 1 else None
    return [], None


def _waited_for(make, source: bytes) -> bool:
    """Whether the function that makes this channel then waits for it with a plain
    receive (`errChan := make(chan error); ...; return <-errChan`, or `req :=
    &request{c: make(...)}; ...; resp := <-req.c`), not in a select that can give up:
    the maker of a reply channel is there to take the reply."""
    parent = make.parent
    name = None
    if parent is not None and parent.type == "expression_list" and parent.parent is not None and \
            parent.parent.type in ("short_var_declaration", "assignment_statement"):
        left = parent.parent.child_by_field_name("left").named_children
        index = parent.named_children.index(make)
        anchor = left[index] if index < len(left) else None
        name = text(source, anchor) if anchor is not None else None
    elif parent is not None and parent.type == "literal_element" and parent.parent is not None and \
            parent.parent.type == "keyed_element":
        key = text(source, parent.parent.named_children[0])
        holder = parent.parent.parent.parent  # literal_value -> composite_literal
        while holder is not None and holder.type in ("composite_literal", "unary_expression"):
            holder = holder.parent
        if holder is not None and holder.type == "expression_list" and len(holder.named_children) == 1 and \
                holder.parent is not None and holder.parent.type == "short_var_declaration":
            name = f"{text(source, holder.parent.child_by_field_name('left'))}.{key}"
            anchor = holder.parent.child_by_field_name("left").named_children[0]
    func = enclosing_function(make)
    body = func.child_by_field_name("body") if func is not None else None
    if name is None or body is None:
        return False
    names = names_for(source, make)  # a receive of a shadowing variable of the same name is of another channel
    return any(r.type in ("unary_expression", "range_clause") and r.start_byte > make.end_byte and
               enclosing_function(r) == func and names.same_base(anchor, receive_channel(r))
               for r in receives_from(body, name, source))


def _sibling_replies(field: str, owners: set, ctx: Context) -> bool:
    """Whether the package's other files store in the field only reply channels whose
    maker waits for them with a plain receive (`req := &request{c: make(chan T)}; w.c
    <- req; resp := <-req.c`, see _waited_for), and store at least one: the field this
    file only sends on is a requester's reply channel, and the requester is there.
    owners: the names the send's struct type goes by (empty when unknown); a literal
    of another type of the package keeps a same-named field of its own."""
    facts = ctx.names.facts
    seen = False
    for source in facts.sources() if facts is not None else []:
        if not has_word(source, field.encode()):
            continue
        root = parsed(source)
        for ident in named(root, source, field):
            value = _field_store(ident)
            if value is None:
                continue
            literal = next((a for a in ancestors(ident) if a.type == "composite_literal"), None)
            kind = literal.child_by_field_name("type") if literal is not None else None
            if owners and kind is not None and kind.type == "type_identifier" and text(source, kind) not in owners:
                continue
            if make_channel(value, source) is None or not _waited_for(value, source):
                return False
            seen = True
    return seen


def _field_store(ident):
    """The value stored by `T{field: v}` or `x.field = v` when ident is that field's
    name there, else None."""
    parent = ident.parent
    if parent is not None and parent.type == "literal_element" and parent.parent is not None and \
            parent.parent.type == "keyed_element" and parent.parent.named_children[0] == parent:
        value = parent.parent.named_children[-1]
        return value.named_children[0] if value != parent and value.named_children else None
    if parent is None or parent.type != "selector_expression" or parent.child_by_field_name("field") != ident:
        return None
    targets = parent.parent
    statement = targets.parent if targets is not None else None
    if targets is None or targets.type != "expression_list" or statement is None or \
            statement.type != "assignment_statement" or statement.child_by_field_name("left") != targets:
        return None
    values = statement.child_by_field_name("right").named_children
    index = targets.named_children.index(parent)
    return values[index] if len(values) == len(targets.named_children) else None


_FIELD_STORE = r"(?:\.{0}[ \t]*=(?!=)|^[ \t]*{0}[ \t]*:(?!=))[ \t]*([^\n;]*)"
_MAKE_CAPACITY = re.compile(r"make\(\s*chan\b[^,\n]*(?:,\s*(\w+))?\s*\)\s*,?\s*(?://.*)?$")
_OTHER_FIELD = re.compile(r"^[A-Za-z_][\w.]*\.(\w+)\s*(?://.*)?$")


def _sibling_capacity(field: str, ctx: Context, hops: int = 1) -> tuple[int, str] | None:
    """(the smallest literal buffer, where it is made as `file.go:line`) of the channels
    the package's other files store in `field` (`verifyCh: make(chan *verifyFuture, 64)`,
    or `v.notifyCh = r.verifyCh` and then verifyCh's), read from their text; a size
    named by an integer constant of the package (`make(chan T, defaultSize)`) counts
    as its value. None when a store is anything else (a parameter, an unbuffered make, a
    computed size) or there is none."""
    files = [(name, src) for name, src in folder_files(os.path.dirname(ctx.path) or ".") or []
             if name != os.path.basename(ctx.path) and package_clause(src) == ctx.names.package]
    found: list[tuple[int, str] | None] = []
    for file, source in files:
        for match in re.finditer(_FIELD_STORE.format(re.escape(field)).encode(), source, re.M):
            value = match.group(1).decode("utf-8", "replace").strip()
            if value in ("nil", "nil,"):
                continue
            made = _MAKE_CAPACITY.search(value)
            other = _OTHER_FIELD.match(value.rstrip(","))
            if made is not None and value.startswith("make("):
                size = made.group(1) or "0"
                capacity = int(size) if size.isdigit() else _constant(size, ctx)
                where = f"{file}:{source.count(NEWLINE, 0, match.start(1)) + 1}"
                found.append((capacity, where) if capacity is not None else None)
            elif other is not None and hops:
                found.append(_sibling_capacity(other.group(1), ctx, hops - 1))
            else:
                return None
    return min(found) if found and None not in found else None  # type: ignore[type-var]


NEWLINE = b"\n"


def _constant(name: str, ctx: Context) -> int | None:
    """The integer literal a constant of the package is declared with (this file's or,
    through the package facts, a sibling's)."""
    own = integer_constant(ctx.names.top.get(name), ctx.source)
    facts = ctx.names.facts
    return own if own is not None or facts is None else facts.constant(name)


def _request_reply(channel, send, stored: list, ctx: Context) -> bool:
    """`req.recvChan <- r` where req is a parameter of the sending function (not its
    receiver) and every channel the file stores in that field is made with the object
    that carries it (`&request{recvChan: make(chan response, 1)}`): each request brings
    its own reply buffer, so one run's sends go to a buffer no other request fills."""
    channel = strip_parens(channel)
    operand = strip_parens(channel.child_by_field_name("operand")) if channel.type == "selector_expression" else None
    func = enclosing_function(send)
    if operand is None or operand.type != "identifier" or func is None:
        return False
    binding = ctx.names.resolve(operand)
    statement = declaring_statement(binding.decl) if binding.kind == LOCAL else None
    if statement is None or statement.type != "parameter_declaration" or \
            statement.parent != func.child_by_field_name("parameters"):
        return False  # a local, the receiver, or a parameter of a function around the literal
    return all(k.node.parent is not None and k.node.parent.type == "literal_element" and
               k.node.parent.parent is not None and k.node.parent.parent.type == "keyed_element"
               for k in stored)


def _in_ending(send, ctx: Context) -> bool:
    """Whether send is in a function or method named for the end of its object's life
    (`Close`, `Stop`, `Exit`, `destroy`): it runs once per life."""
    func = enclosing_function(send)
    name = func.child_by_field_name("name") if func is not None else None
    return name is not None and ENDING.search(ctx.text(name)) is not None


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


_INSTANT = {"append", "len", "cap", "delete", "copy"}


def _registered_waiter(send, channel, ctx: Context) -> bool:
    """Whether the send's channel is a field (`entry.ch`) of an entry the sending function
    takes from a map field (`entry := s.waiting[id]`) and deletes from it after the send
    in the same block (`delete(s.waiting, id)`), and every store in a map field of that
    name and type in the file (`s.waiting[k] = &waiter{m, ch}`, by key or position) puts
    there a local channel its function then receives bare (`<-ch`, no select) later in the
    same block, with nothing between that can wait (assignments, builtins, unlocks): the
    entry's one send finds its registrant waiting, or on its way with nothing to stop it."""
    channel = strip_parens(channel)
    entry = strip_parens(channel.child_by_field_name("operand")) if channel.type == "selector_expression" else None
    binding = ctx.names.resolve(entry) if entry is not None and entry.type == "identifier" else None
    statement = declaring_statement(binding.decl) if binding is not None and binding.kind == LOCAL and \
        binding.decl is not None else None
    values = statement.child_by_field_name("right").named_children \
        if statement is not None and statement.type == "short_var_declaration" else []
    taken = strip_parens(values[0]) if len(values) == 1 else None
    registry = strip_parens(taken.child_by_field_name("operand")) if taken is not None and \
        taken.type == "index_expression" else None
    if registry is None or registry.type != "selector_expression":
        return False
    field = ctx.text(channel.child_by_field_name("field"))
    block = send.parent
    if not any(call_name(c, ctx.source) == ("", "delete") and arguments(c) and
               ctx.names.same_path(arguments(c)[0], registry) and c.start_byte > send.end_byte
               for c in descendants(block, ("call_expression",), into_functions=False)):
        return False  # the entry stays: a second send would find nobody waiting
    name, owner = ctx.text(registry.child_by_field_name("field")), field_owner(registry, ctx.source)
    stores = 0
    for store in descendants(ctx.root, ("assignment_statement",)):
        left, right = store.child_by_field_name("left"), store.child_by_field_name("right")
        target = strip_parens(left.named_children[0]) if left is not None and len(left.named_children) == 1 else None
        held = strip_parens(target.child_by_field_name("operand")) if target is not None and \
            target.type == "index_expression" else None
        if held is None or held.type != "selector_expression" or \
                ctx.text(held.child_by_field_name("field")) != name or \
                len({owner, field_owner(held, ctx.source)} - {None}) > 1:
            continue
        stored = _literal_field(right.named_children[0] if len(right.named_children) == 1 else None, field, ctx)
        if stored is None or stored.type != "identifier" or not _waits_next(store, stored, ctx):
            return False
        stores += 1
    return stores > 0


def _literal_field(value, field: str, ctx: Context):
    """The expression a struct literal (`&waiter{m, ch}`, `waiter{ch: ch}`) gives field,
    by key or by its position among the declared fields of the literal's type."""
    value = strip_parens(value)
    if value is not None and value.type == "unary_expression" and ctx.text(value).startswith("&"):
        value = strip_parens(value.child_by_field_name("operand"))
    body = value.child_by_field_name("body") if value is not None and value.type == "composite_literal" else None
    if body is None:
        return None
    elements = [e for e in body.named_children if e.type in ("keyed_element", "literal_element")]
    keyed = [e for e in elements if e.type == "keyed_element"]
    for element in keyed:
        parts = element.named_children
        if len(parts) == 2 and ctx.text(parts[0]) == field:
            return strip_parens(parts[1].named_children[0] if parts[1].named_children else parts[1])
    kind = ctx.types.type_node(value.child_by_field_name("type"))
    names = [f[0] for f in ctx.types.fields(kind)] if kind is not None and not keyed else []
    if field not in names or len(names) != len(elements):
        return None
    element = elements[names.index(field)]
    return strip_parens(element.named_children[0] if element.named_children else element)


def _waits_next(store, stored, ctx: Context) -> bool:
    """Whether a bare receive of the variable stored (`<-ch`, `v := <-ch`) follows store
    in its block with only statements that cannot wait between (see _registered_waiter)."""
    following = store.next_named_sibling
    while following is not None:
        if following.type != "comment":
            receive = following.named_children[-1] if following.type in ("expression_statement",
                                                                          "short_var_declaration",
                                                                          "assignment_statement") and \
                following.named_children else None
            receive = receive.named_children[0] if receive is not None and receive.type == "expression_list" and \
                len(receive.named_children) == 1 else receive
            got = received_channel(receive) if receive is not None and receive.type == "unary_expression" else None
            if got is not None and strip_parens(got).type == "identifier" and \
                    ctx.names.same_variable(strip_parens(got), stored):
                return True
            if following.type not in ("expression_statement", "short_var_declaration", "assignment_statement",
                                      "inc_statement", "dec_statement") or any(
                    n.type == "unary_expression" and received_channel(n) is not None or
                    n.type == "call_expression" and call_name(n, ctx.source)[1] not in UNLOCKS and
                    call_name(n, ctx.source) not in {("", b) for b in _INSTANT} for n in walk(following)):
                return False
        following = following.next_named_sibling
    return False


def _note(name: str, capacity: int, made, sends: int, guarded: bool = False) -> str:
    """The buffer and why it can fill: made is the make (a node) or, in another file,
    where it is (`pebble_db.go:106`)."""
    if sends >= UNBOUNDED:
        why = "a loop can fill it"
    elif sends > capacity:
        why = f"{sends} sends can fill it"
    elif guarded:  # only calls that find the flag unset send, and it can be reset
        why = "repeated calls add to it"
    else:  # a long-lived channel: every call sends into the same buffer
        why = "every call adds to it"
    at = f"in {made}" if isinstance(made, str) else f"at line {line(made)}"
    return f" (buffer {capacity} {at}: {why})"


def _ready_receiver(send, channel, lock, exits, ctx: Context) -> bool:
    """Whether a receiver loop of the file, in another function, takes what the send
    offers whenever it waits: it receives from the same field (or package variable),
    never takes a mutex of the lock's name (itself, or through the functions of the
    file it calls), and stops receiving only on what it receives or on a channel the
    send's select also waits on (`case <-c.stop:` on both sides), or on a stop made
    under the same lock with the flag the send tests (`if c.running { c.add <- e }`,
    and `c.stop <- struct{}{}; c.running = false` in Stop: analysis/locks). The lock then
    keeps an order, pairs a check with a close or keeps the flag true to the loop's life;
    it cannot wedge the others for good."""
    channel = strip_parens(channel)
    if channel.type == "selector_expression":
        field = ctx.text(channel.child_by_field_name("field"))
        receives = [r for name, found in receives_ending_in(ctx.root, ctx.source, field).items()
                    if "." in name for r in found] + _worker_receives(channel, ctx)
    elif channel.type == "identifier" and ctx.names.resolve(channel).kind == PACKAGE:
        receives = receives_ending_in(ctx.root, ctx.source, ctx.text(channel)).get(ctx.text(channel), [])
    else:
        return False  # a local or a parameter: the caller's receiver, unknown here
    waits = {e.label.removeprefix("<-").rsplit(".", 1)[-1] for e in exits if e.kind == "receive"}
    for receive in receives:
        func = enclosing_function(receive)
        if func is None or func == enclosing_function(send) or not _same_owner(channel, receive, ctx):
            continue
        stops = stop_channels(receive, ctx.source)
        if stops is None or any(s.rsplit(".", 1)[-1] not in waits for s in stops) and not stopped_under_flag(
                send, stop_receives(receive, ctx.source), ctx.source, lambda word: _package_files(ctx, word)):
            continue  # (a stop made with the flag the send tests, under the same lock: not stopped yet)
        if not _takes_lock(func, lock.mutex, ctx, 2, locker=lock.lock):
            return True
    if channel.type == "selector_expression" and not receives:
        for receive, func, source in _sibling_relay_receives(channel, ctx):
            stops = stop_channels(receive, source)
            if stops is None or any(s.rsplit(".", 1)[-1] not in waits for s in stops):
                continue
            if not _takes_lock(func, lock.mutex, ctx, 2, source=source):
                return True
    return False


def _sibling_relay_receives(channel, ctx: Context) -> list:
    """(receive, function declaration, its file's bytes) for the receives of the
    parameter that a plain call of this file hands the field to (`debouncer(reload,
    res.reloadConfig, d, l)`, the send's operand type) when another file of the
    package declares that function (`func debouncer(body ..., reload <-chan
    reloadEvent, ...)`): there, or in the goroutine it starts."""
    field = ctx.text(channel.child_by_field_name("field"))
    owner = _operand_type(channel, ctx.names)
    if owner is None:
        return []
    memo = file_memo(ctx.source)
    key = (_sibling_relay_receives, field, owner)
    if key in memo:
        return memo[key]
    found: list = []
    memo[key] = found
    calls = []
    for ident in named(ctx.root, ctx.source, field):
        arg, holder = ident.parent, ident.parent.parent if ident.parent is not None else None
        if arg.type != "selector_expression" or arg.child_by_field_name("field") != ident or \
                holder is None or holder.type != "argument_list" or holder.parent.type != "call_expression" or \
                holder.parent.parent is not None and holder.parent.parent.type == "go_statement" or \
                _operand_type(arg, ctx.names) != owner:
            continue
        function = strip_parens(holder.parent.child_by_field_name("function"))
        if function is None or function.type != "identifier" or ctx.types.called(holder.parent) is not None or \
                ctx.names.resolve(function).kind == LOCAL:
            continue
        calls.append((ctx.text(function), [a for a in holder.named_children if a.type != "comment"].index(arg)))
    if not calls:
        return found
    own = os.path.basename(ctx.path)
    for name, source in folder_files(os.path.dirname(ctx.path) or ".") or []:
        if name == own or name.endswith("_test.go") or package_clause(source) != ctx.names.package:
            continue
        for function, index in calls:
            if f"func {function}(".encode() not in source:
                continue
            root = parsed(source)
            decl = next((d for d in root.named_children if d.type == "function_declaration" and
                         text(source, d.child_by_field_name("name")) == function), None)
            param = parameter_at(decl, index) if decl is not None else None
            body = decl.child_by_field_name("body") if param is not None else None
            if body is not None:
                found += [(r, enclosing_function(r), source) for r in receives_of(body, param, source)]
    return found


def _receives(send, channel, kept: KeptBuffers, ctx: Context) -> list:
    """The receives of the file, outside the sending function, that take what the send
    offers: those of the field it is kept in (`<-x.f` of the same struct type, and of
    the parameter a goroutine started on the field is handed: _worker_receives), also
    through a method of the file that returns the field (`for a := range
    b.Notify()`, `stop := h.Monitor(); go watch(stop)`); of a channel made in the
    function, there (in a goroutine it starts, or a function of the file it is handed
    to); of the channels the file stores in the registry the send takes it from (`for
    _, ch := range s.subs`, `ch := s.chans[id]`), each in the function that makes it; of
    a parameter, the channel each caller of the file hands in, in that caller."""
    channel = strip_parens(channel)
    sender = enclosing_function(send)
    found = []
    if channel.type == "selector_expression":
        field = ctx.text(channel.child_by_field_name("field"))
        found += [r for name, rs in receives_ending_in(ctx.root, ctx.source, field).items() if "." in name
                  for r in rs if _same_owner(channel, r, ctx)] + _worker_receives(channel, ctx)
        found += _accessor_receives(channel, field, ctx)
    origin = channel_origin(channel, ctx.source, ctx.root)
    if origin.kind == "local" and make_channel(origin.value, ctx.source) is not None:
        found += _made_receives(origin.value, ctx)
    elif origin.kind == "param":
        found += _handed_receives(origin, ctx)
    key = container_key(channel, ctx.source) if channel.type != "selector_expression" else None
    for stored in kept.get(key, []) if key is not None else []:
        if make_channel(stored.node, ctx.source) is not None:
            found += _made_receives(stored.node, ctx)
        elif stored.node.type == "identifier":
            stored_origin = channel_origin(stored.node, ctx.source, ctx.root)
            if stored_origin.kind == "param":
                found += _handed_receives(stored_origin, ctx)
    return [r for r in found if enclosing_function(r) != sender]


def _stops(receive, source: bytes, buffered: bool, waits: set, field: str | None, lasting, files=None) -> bool:
    """Whether the receiver of `receive` can stop taking values while senders come
    (analysis/receivers.gives_up): not a one-shot wait on a buffered channel (the buffer
    keeps what it left), not a stop through a channel the send's select waits on too
    (waits: their last names), not a receiver loop that leaves only through done cases
    when lasting(receive) says it runs once per process (it stops at shutdown; lasting
    None: not known, as in another file), and not a receiver that closes the field on
    its way out (`defer c.NotifyClose()` where NotifyClose runs `close(c.write)`), nor one
    whose every stop closes the field too (`close(w.done); close(w.ping)` in Stop:
    analysis/receivers.stop_closes_sent, files: _package_files): the sender then ends
    with that close instead of waiting."""
    looped = receive.type == "range_clause" or enclosing_loop(receive, None) is not None
    if buffered and not looped:
        return False
    way = gives_up(receive, source)
    if way is None:
        return False
    if looped and stop_channels(receive, source) and (lasting is None or lasting(receive)):
        return False  # it leaves only through done cases, when the process ends
    left = received_channel(way) if way.type in ("receive_statement", "unary_expression") else None
    if left is not None and text(source, left).rsplit(".", 1)[-1] in waits:
        return False
    return field is None or not _closes_on_exit(enclosing_function(receive), field, source) and \
        not (files is not None and looped and stop_closes_sent(receive, field, source, files))


def _stops_after_send(send, receive, ctx: Context) -> bool:
    """Whether the receiver loop around receive (in the send's file) stops on its own
    only once a field channel of a struct type of the package is closed (`case e, ok :=
    <-s.events: if !ok { return }`), and every close of that field in the package is a
    statement of the sending function after the send (`s.stop <- true;
    close(s.events)` in Stop); besides, the package only makes it, sends on it, compares
    it or sets it to nil: the receiver cannot stop before it takes the send."""
    if receive.type == "unary_expression" and receive.parent is not None and receive.parent.type == "receive_statement":
        receive = receive.parent
    loop = receive.parent if receive.type == "range_clause" else enclosing_loop(receive, None)
    exits = stopping_exits(loop, receive, ctx.source) if loop is not None else []
    sender = enclosing_function(send)

    def allowed(selector, source: bytes) -> bool:
        outer = strip_parens(selector).parent
        if outer is not None and outer.type == "send_statement" and outer.child_by_field_name("channel") == selector:
            return True  # a value, not the close the receiver waits for
        if outer is not None and outer.type == "binary_expression" and \
                any(c.type == "nil" for c in outer.named_children):
            return True
        statement = outer.parent if outer is not None and outer.type == "expression_list" else None
        right = statement.child_by_field_name("right") if statement is not None and \
            statement.type == "assignment_statement" and outer == statement.child_by_field_name("left") else None
        if right is not None and [c.type for c in right.named_children] == ["nil"]:
            return True
        call = outer.parent if outer is not None and outer.type == "argument_list" else None
        return source is ctx.source and call is not None and call_name(call, source) == ("", "close") and \
            enclosing_function(call) == sender and call.start_byte > send.end_byte and \
            call.parent is not None and call.parent.type == "expression_statement"

    for exit in exits:
        case = next((a for a in ancestors(exit) if a.type == "communication_case" or a == loop), None)
        taken = case.child_by_field_name("communication") if case is not None and case != loop else None
        left = taken.child_by_field_name("left") if taken is not None and taken.type == "receive_statement" else None
        targets = left.named_children if left is not None else []
        channel = strip_parens(received_channel(taken)) if taken is not None else None
        owner = field_owner(channel, ctx.source) if channel is not None else None
        if len(targets) != 2 or owner is None or "." in owner or targets[1].type != "identifier" or \
                not _under_not(exit, case, targets[1], ctx) or \
                not only_made(ctx.text(channel.child_by_field_name("field")),
                              _package_files(ctx, ctx.text(channel.child_by_field_name("field"))), allowed):
            return False
    return bool(exits)


def _under_not(exit, case, ok, ctx: Context) -> bool:
    """Whether exit lies under `if !ok` within case, ok being the variable the case's
    receive declares (analysis/names: a shadowing `ok` is another variable)."""
    for parent in ancestors(exit):
        if parent == case:
            return False
        condition = strip_parens(parent.child_by_field_name("condition")) if parent.type == "if_statement" else None
        operand = strip_parens(condition.child_by_field_name("operand")) if condition is not None and \
            condition.type == "unary_expression" and ctx.text(condition.child_by_field_name("operator")) == "!" \
            else None
        if operand is not None and operand.type == "identifier" and ctx.names.same_variable(operand, ok):
            return True
    return False


def _package_files(ctx: Context, word: str) -> list:
    """(source, root, names) of the file and of its package's other files that hold word."""
    facts = ctx.names.facts
    return [(ctx.source, ctx.root, ctx.names)] + [
        (other, tree, names_for(other, tree, tree)) for other in (facts.sources() if facts is not None else ())
        if has_word(other, word.encode()) for tree in [parsed(other)]]


def _runs_once(receive, ctx: Context) -> bool:
    """Whether the declared function around a receive (around the goroutine it runs in)
    runs once per process (analysis/lifetime.function_once): a service's worker."""
    outer = ctx.names.outermost_function(receive)
    return outer is not None and outer.type in ("function_declaration", "method_declaration") and \
        function_once(outer, PackageFiles.of(ctx))


def _closes_on_exit(func, field: str, source: bytes) -> bool:
    """Whether func defers a `close(x.field)`, itself or through a method of its file
    that it calls in the deferred statement (function literals included: `once.Do`)."""
    body = func.child_by_field_name("body") if func is not None else None
    if body is None:
        return False
    root = func
    while root.parent is not None:
        root = root.parent
    methods = {text(source, m.child_by_field_name("name")): m for m in root.named_children
               if m.type == "method_declaration"}
    for defer in descendants(body, ("defer_statement",), into_functions=False):
        scopes = [defer]
        for call in descendants(defer, ("call_expression",)):
            function = strip_parens(call.child_by_field_name("function"))
            name = function.child_by_field_name("field") if function is not None and \
                function.type == "selector_expression" else None
            if name is not None and text(source, name) in methods:
                scopes.append(methods[text(source, name)])
        for scope in scopes:
            for call in descendants(scope, ("call_expression",)):
                args = arguments(call)
                if call_name(call, source) == ("", "close") and len(args) == 1 and \
                        text(source, args[0]).rsplit(".", 1)[-1] == field:
                    return True
    return False


def _lone_goroutine(lock_call) -> bool:
    """Whether the lock is taken in a function literal that a `go` statement starts
    right there (`go func() { q.mu.Lock(); ...; ch <- v }()`): no caller waits for that
    sender, and the lock it holds stalls only what the code shows taking it."""
    func = enclosing_function(lock_call)
    call = func.parent if func is not None and func.type == "func_literal" else None
    return call is not None and call.type == "call_expression" and call.parent is not None and \
        call.parent.type == "go_statement"


def _known_buffered(channel, kept: KeptBuffers, ctx: Context) -> bool:
    """Whether every channel the send can reach is made with a buffer: a local made
    with one, or a field or registry whose every store in the file (or, when the file
    stores none, in the package's other files) is a make with a buffer."""
    origin = channel_origin(channel, ctx.source, ctx.root)
    if origin.kind == "local" and make_channel(origin.value, ctx.source) is not None:
        capacity = channel_capacity(origin.value, ctx.source)
        return capacity is None or capacity > 0  # a size computed from the work counts as a buffer
    key = container_key(channel, ctx.source)
    stored = kept.get(key, []) if key is not None else []
    if stored:
        return all(k.capacity for k in stored)
    if key is not None and strip_parens(channel).type == "selector_expression":
        made = _sibling_capacity(key, ctx)
        return made is not None and made[0] > 0
    return False


def _sibling_receives(channel, ctx: Context) -> list:
    """(receive, source) of each receive from a field of the send's field name (`<-x.f`,
    `range x.f`) in the package's other files."""
    channel = strip_parens(channel)
    if channel.type != "selector_expression":
        return []
    field = ctx.text(channel.child_by_field_name("field"))
    facts = ctx.names.facts
    found = []
    for source in facts.sources() if facts is not None else []:
        if has_word(source, field.encode()):
            found += [(r, source) for name, rs in receives_ending_in(parsed(source), source, field).items()
                      if "." in name for r in rs]
    return found


def _accessor_receives(channel, field: str, ctx: Context) -> list:
    """The receives of what a method of the file that returns the field (`func (b *B)
    Notify() <-chan T { return b.notifyCh }`, of the send's struct type where the file
    shows both: _returned_field) hands out: `<-x.Notify()`, `range x.Notify()`, or a
    local bound to it (`stop := h.Notify()`) and what it is handed to (_local_receives)."""
    owners = _owners(channel, ctx)
    found = []
    for method in ctx.root.named_children:
        if method.type != "method_declaration" or _returned_field(method, ctx) != field or \
                owners and receiver_type(method, ctx.source) not in owners:
            continue
        name = ctx.text(method.child_by_field_name("name"))
        for ident in named(ctx.root, ctx.source, name):
            selector = ident.parent
            call = selector.parent if selector is not None and selector.type == "selector_expression" else None
            if call is None or call.type != "call_expression" or arguments(call):
                continue
            holder = call.parent
            while holder is not None and holder.type == "parenthesized_expression":
                holder = holder.parent
            if holder is not None and holder.type == "range_clause":
                found.append(holder)
            elif holder is not None and holder.type == "unary_expression" and received_channel(holder) == call:
                found.append(holder.parent if holder.parent.type == "receive_statement" else holder)
            elif holder is not None and holder.type == "expression_list" and holder.named_child_count == 1 and \
                    holder.parent is not None and holder.parent.type == "short_var_declaration":
                target = holder.parent.child_by_field_name("left").named_children[0]
                found += _local_receives(enclosing_function(call), target, ctx)
    return found


def _returned_field(method, ctx: Context) -> str | None:
    """The field a method without parameters returns on every return (`func (ch
    *EventChannel) GetChannel() chan T { return ch.channel }`), else None."""
    body = method.child_by_field_name("body")
    if body is None or _param_count(method):
        return None
    returned = []
    for statement in descendants(body, ("return_statement",), into_functions=False):
        values = statement.named_children[0].named_children \
            if statement.named_children and statement.named_children[0].type == "expression_list" \
            else statement.named_children
        if len(values) != 1:
            return None
        returned.append(strip_parens(values[0]))
    fields = {ctx.text(r.child_by_field_name("field")) if r.type == "selector_expression" else None
              for r in returned}
    return fields.pop() if len(fields) == 1 else None


def _accessed_field(channel, ctx: Context) -> str | None:
    """For a channel given by a method call without arguments (`w.eventChannel.GetChannel()`),
    the field that method of the file returns (_returned_field; the method of the
    operand's declared type where the file shows it), else None."""
    channel = strip_parens(channel)
    if channel.type != "call_expression" or arguments(channel):
        return None
    method = ctx.types.called(channel)
    return _returned_field(method, ctx) if method is not None and method.type == "method_declaration" else None


def _param_count(function) -> int:
    """How many parameters a function or method declares."""
    params = function.child_by_field_name("parameters")
    return sum(1 for p in params.named_children if p.type != "comment") if params is not None else 0


def _local_receives(func, target, ctx: Context, depth: int = 1) -> list:
    """The receives of the local variable declared at target, in func (its goroutines
    included), and in the functions of the file it is handed to (`go s.watch(ch)`,
    `s.loop(ch)`: the receives of that parameter there), depth calls deep."""
    body = func.child_by_field_name("body") if func is not None else None
    if body is None:
        return []
    found = receives_of(body, target, ctx.source)
    for ident in ctx.names.uses(target, func) if depth else ():
        holder = ident.parent
        if holder is None or holder.type != "argument_list" or holder.parent is None:
            continue
        callee = ctx.types.called(holder.parent)
        index = [a for a in holder.named_children if a.type != "comment"].index(ident)
        param = parameter_at(callee, index) if callee is not None else None
        if param is not None:
            found += _local_receives(callee, param, ctx, depth - 1)
    return found


def _made_receives(made, ctx: Context) -> list:
    """The receives of the variable a `make(chan ...)` is bound to (`ch := make(chan
    T)`), in the function that makes it and where it is handed (_local_receives)."""
    holder = made.parent
    statement = holder.parent if holder is not None and holder.type == "expression_list" else None
    if statement is None or statement.type not in ("short_var_declaration", "assignment_statement", "var_spec"):
        return []
    targets = statement.child_by_field_name("left").named_children if statement.type != "var_spec" \
        else statement.children_by_field_name("name")
    index = holder.named_children.index(made)
    target = targets[index] if index < len(targets) and len(targets) == holder.named_child_count else None
    if target is None or target.type != "identifier":
        return []
    return _local_receives(enclosing_function(made), target, ctx)


def _handed_receives(origin, ctx: Context, depth: int = 2) -> list:
    """The receives of the channels the file's callers hand in as the parameter
    origin names (`rChan := make(chan T); go u.release(rChan); select { case r :=
    <-rChan: ... }`), each in its caller; a caller's own parameter is followed to its
    callers in turn, depth calls up."""
    function, index = parameter_of(origin, ctx.source)
    if index is None:
        return []
    found = []
    for call in ctx.types.calls_of(function):
        args = arguments(call)
        arg = strip_parens(args[index]) if index < len(args) else None
        caller = enclosing_function(call)
        if arg is None or arg.type != "identifier" or caller is None:
            continue
        found += receives_of(caller.child_by_field_name("body"), arg, ctx.source)
        handed = channel_origin(arg, ctx.source, ctx.root)
        if depth > 1 and handed.kind == "param" and handed.function == caller:
            found += _handed_receives(handed, ctx, depth - 1)
    return found


def _stall(send, channel, held: list, exits, kept: KeptBuffers, ctx: Context) -> str | None:
    """What the code shows of a send that waits for good with the lock held, or None:
    "cycle" when a receiver (see _receives; or a receive of the field of the same
    struct type in the package's other files) takes a mutex of the lock's name (its write
    side, for a read lock), itself or through the functions of its file it calls,
    between two receives: in the loop it receives in, or after a receive outside any
    loop (`<-s.ch; s.delete()`, called again for the next value); "retired" when the
    file shows no receiver of a channel the package makes (it is handed out, not a
    caller's or another package's) and another function of the package closes it under
    the write side of the lock (an unsubscribe): the receiver leaves through that
    function, which waits for the sender; "stops" when a receiver can stop
    receiving (a return on an error, a `<-ctx.Done()` case, a one-shot select that can
    take another case when the channel may be unbuffered: analysis/receivers.gives_up;
    in this file, or a receive of the field of the same struct type in the package's
    other files: _stops) other than through a channel the send's select waits on too,
    unless the sender is a goroutine of its own that nobody waits for (_lone_goroutine)."""
    lock = held[0]
    waits = {e.label.removeprefix("<-").rsplit(".", 1)[-1] for e in exits if e.kind == "receive"}
    methods = ("Lock",) if lock.method == "RLock" else ("Lock", "RLock")
    buffered = _known_buffered(channel, kept, ctx)
    receives = _receives(send, channel, kept, ctx)
    elsewhere = _sibling_receives(channel, ctx)
    owners = _owners(channel, ctx)
    # a receiver in the package's other files counts when it receives from the field
    # of the send's struct type (a same-named field of another type, or unknown: not this one)
    theirs = [(r, source) for r, source in elsewhere if field_owner(receive_channel(r), source) in owners]
    for receive, source in [(r, None) for r in receives] + theirs:
        loop = receive.parent if receive.type == "range_clause" else enclosing_loop(receive, None)
        region = loop if loop is not None else enclosing_function(receive)
        after = receive.end_byte if loop is None else 0
        if region is not None and _takes_lock(region, lock.mutex, ctx, 2, methods, after, source, lock.lock):
            return "cycle"
    field = ctx.text(strip_parens(channel).child_by_field_name("field")) \
        if strip_parens(channel).type == "selector_expression" else None
    candidates = [(r, ctx.source, lambda r: _runs_once(r, ctx)) for r in receives
                  if not _stops_after_send(send, r, ctx)] + [(r, source, None) for r, source in theirs]
    if not _lone_goroutine(held[0].lock) and any(
            _stops(receive, source, buffered, waits, field, lasting, lambda word: _package_files(ctx, word))
            for receive, source, lasting in candidates):
        return "stops"
    stored = _registered(channel, kept, ctx)
    if receives or elsewhere or any(k.capacity is None for k in stored):
        return None  # a receiver to judge, or a channel from elsewhere (a caller's, another package's)
    if stored and all(next(_goes_with(k.node, ctx), None) is not None for k in stored):
        return None  # each one's receiver is a goroutine its maker starts with it, not a subscriber
    guard = _close_guard(channel, held, False, ctx, write=True)
    if guard is not None and enclosing_function(guard) != enclosing_function(send) or \
            guard is None and _close_elsewhere(channel, held, ctx, write=True, besides=enclosing_function(send)):
        return "retired"
    return None


def _worker_receives(channel, ctx: Context) -> list:
    """The receives of the goroutines the file starts on the field (`go
    cr.processInput(ctx, cr.inputChan)`): those of the parameter it is handed to, in the
    one function or method of the file of that name, when the go statement's operand is
    of the send's operand type (`for ci := range inputChan`)."""
    field = ctx.text(channel.child_by_field_name("field"))
    owner = _operand_type(channel, ctx.names)
    found = []
    for go in descendants(ctx.root, ("go_statement",)):
        call = next((c for c in go.named_children if c.type == "call_expression"), None)
        function = strip_parens(call.child_by_field_name("function")) if call is not None else None
        if function is None or function.type not in ("identifier", "selector_expression"):
            continue
        name = ctx.text(function.child_by_field_name("field") if function.type == "selector_expression" else function)
        kind = types_for(ctx.names).of(function.child_by_field_name("operand")) \
            if function.type == "selector_expression" else None
        wanted = kind.deref().name if kind is not None else None  # the method of that type
        for index, arg in enumerate(arguments(call)):
            arg = strip_parens(arg)
            if arg.type != "selector_expression" or ctx.text(arg.child_by_field_name("field")) != field or \
                    owner is None or _operand_type(arg, ctx.names) != owner:
                continue
            declared = [d for d in ctx.root.named_children if d.type in ("function_declaration", "method_declaration")
                        and ctx.text(d.child_by_field_name("name")) == name and
                        (function.type == "identifier") == (d.type == "function_declaration") and
                        (wanted is None or receiver_type(d, ctx.source) == wanted)]
            param = parameter_at(declared[0], index) if len(declared) == 1 else None
            body = declared[0].child_by_field_name("body") if param is not None else None
            if body is not None:
                found += [r for r in receives_of(body, param, ctx.source)
                          if enclosing_function(r) == declared[0]]
    return found + _relay_receives(field, owner, ctx) if owner is not None else found


def _relay_receives(field: str, owner: str, ctx: Context) -> list:
    """The receives in the functions of the file that a field of the owner type is
    handed to by a plain call (`sub.out = relay(sub.in)`): of that parameter, there or
    in the goroutine it starts. Once per file, field and type: every send asks."""
    memo = file_memo(ctx.source)
    key = (_relay_receives, field, owner)
    if key in memo:
        return memo[key]
    found = []
    for ident in named(ctx.root, ctx.source, field):
        arg, holder = ident.parent, ident.parent.parent if ident.parent is not None else None
        if arg.type != "selector_expression" or arg.child_by_field_name("field") != ident or \
                holder is None or holder.type != "argument_list" or \
                holder.parent.parent is not None and holder.parent.parent.type == "go_statement" or \
                _operand_type(arg, ctx.names) != owner:
            continue
        callee = ctx.types.called(holder.parent)
        index = [a for a in holder.named_children if a.type != "comment"].index(arg)
        param = parameter_at(callee, index) if callee is not None else None
        if param is not None:
            found += receives_of(callee.child_by_field_name("body"), param, ctx.source)
    memo[key] = found
    return found


def _registered_workers(send, channel, mutex: str, stored: list, ctx: Context) -> bool:
    """`buffer := subs.chans[tag]; buffer <- msg` where every channel the file registers
    there is made by the registering function and handed to a goroutine it starts
    there (`in := make(chan T); subs.chans[tag] = in; go subs.buffer(in, out)`): each
    registered channel has its own worker. Not reported when every worker takes what
    the send offers whenever it waits: it never takes a mutex of the lock's name, and
    the only channels it stops on are closed under that lock by a function that also
    retires the registry (deletes from it, resets it or closes what it holds), so no
    send can reach a worker that has stopped."""
    if not stored or not from_registry(channel, ctx.source):
        return False
    for kept in stored:
        worker = _worker_of(kept.node, ctx)
        if worker is None or _takes_lock(worker[0], mutex, ctx, 2):
            return False
        receives = receives_of(worker[0].child_by_field_name("body"), worker[1], ctx.source)
        if not receives:
            return False
        for receive in receives:
            stops = stop_channels(receive, ctx.source)
            if stops is None or any(not _closed_with_registry(stop, mutex, kept.site, ctx) for stop in stops):
                return False
    return True


def _worker_of(made, ctx: Context):
    """(function, parameter identifier) of the goroutine that the function making a channel
    (`in := make(chan T)`) starts with it (`go s.buffer(in, out)`, a method or function
    of the file declared once by that name), or None."""
    for call, index in _goes_with(made, ctx):
        callee = ctx.types.called(call)
        param = parameter_at(callee, index) if callee is not None else None
        if param is not None:
            return callee, param
    return None


def _goes_with(made, ctx: Context) -> Iterator[tuple[Any, int]]:
    """(call, argument index) of each `go` statement of the function making a channel
    (`in := make(chan T)`) that hands the goroutine that local (`go v.Run(in, &wg)`)."""
    binding = made.parent.parent if made.parent is not None and made.parent.type == "expression_list" else None
    if binding is None or binding.type != "short_var_declaration":
        return
    left = binding.child_by_field_name("left").named_children
    if len(left) != 1:
        return
    home = enclosing_function(made)
    for node in walk(home.child_by_field_name("body"), into_functions=False) if home is not None else ():
        call = node.named_children[0] if node.type == "go_statement" and node.named_children else None
        if call is None or call.type != "call_expression":
            continue
        args = [a for a in call.child_by_field_name("arguments").named_children if a.type != "comment"]
        index = next((i for i, a in enumerate(args) if a.type == "identifier"
                      and ctx.names.same_variable(a, left[0])), None)
        if index is not None:
            yield call, index


def _closed_with_registry(stop: str, mutex: str, site, ctx: Context) -> bool:
    """Whether a function of the file closes the stop channel (`close(subs.closed)`)
    with a mutex of the lock's name held, and retires the registry that `site` stores
    into (`subs.chans[tag]`) in the same function."""
    registry = site.child_by_field_name("operand") if site is not None and site.type == "index_expression" else None
    if registry is None:
        return False
    field = ctx.text(registry).rsplit(".", 1)[-1]
    wanted = stop.rsplit(".", 1)[-1]
    for node in walk(ctx.root):
        if node.type != "call_expression" or call_name(node, ctx.source) != ("", "close"):
            continue
        args = arguments(node)
        if not args or ctx.text(args[0]).rsplit(".", 1)[-1] != wanted or \
                not any(_same_mutex(h.mutex, mutex) for h in held_locks(node, ctx.source)):
            continue
        func = enclosing_function(node)
        body = func.child_by_field_name("body") if func is not None else None
        for inner in walk(body, into_functions=False) if body is not None else ():
            if inner.type == "call_expression" and call_name(inner, ctx.source)[1] in ("delete", "close") and \
                    any(ctx.text(a).rsplit(".", 1)[-1] == field or _names_field(a, field, ctx)
                        for a in arguments(inner)[:1]):
                return True
    return False


def _names_field(node, field: str, ctx: Context) -> bool:
    """`ch` bound by a range over `x.field` (`for tag, ch := range subs.chans`)."""
    if node.type != "identifier":
        return False
    for parent in ancestors(node):
        if parent.type == "for_statement":
            clause = next((c for c in parent.named_children if c.type == "range_clause"), None)
            right = clause.child_by_field_name("right") if clause is not None else None
            left = clause.child_by_field_name("left") if clause is not None else None
            if right is not None and ctx.text(right).rsplit(".", 1)[-1] == field and \
                    any(n.type == "identifier" and ctx.names.same_variable(n, node) for n in left.named_children):
                return True
    return False


def _takes_lock(func, mutex: str, ctx: Context, depth: int, methods: tuple = ("Lock", "RLock"),
                after: int = 0, source: bytes | None = None, locker=None) -> bool:
    """Whether func (a function, or a loop: its body) locks a mutex of this name (`c.mu`,
    or for an embedded or plain mutex any `x.Lock()` on a plain name) with one of
    methods, itself (after the byte offset `after`) or through a function or method of
    its file it calls (`types.called`), up to depth calls away. Goroutines
    it starts do not count: they do not hold up its receive. source: func's file when
    it is another file of the package (default: the analysed one). With locker (the held
    lock's call), a plain name of another type of the package (`hb.Lock()` for a held
    `sub.Lock()`) locks another embedded mutex (analysis/locks.other_lockers; in the
    analysed file only)."""
    body = func.child_by_field_name("body")
    if body is None:
        return False
    types = ctx.types if source is None else types_for(names_for(source, body))
    source = ctx.source if source is None else source
    started = [n for n in walk(body) if n.type == "go_statement"]
    for node in walk(body):
        if node.type != "call_expression" or node.start_byte < after or \
                any(g.start_byte <= node.start_byte < g.end_byte for g in started):
            continue
        operand, name = call_name(node, source)
        if name in methods and not arguments(node) and operand and _same_mutex(operand, mutex) and \
                not (locker is not None and source is ctx.source and other_lockers(locker, node, ctx.names)):
            return True
        callee = types.called(node) if depth and name else None
        if callee is not None and callee != func and \
                _takes_lock(callee, mutex, ctx, depth - 1, methods, source=None if source is ctx.source else source,
                            locker=locker):
            return True
    return False


def _same_mutex(a: str, b: str) -> bool:
    """`l.mu` and `c.mu`: the same field whatever the receiver is named; two plain
    names (an embedded mutex `c.Lock()`, a package mutex) may be the same mutex too."""
    if "." in a and "." in b:
        return a.rsplit(".", 1)[1] == b.rsplit(".", 1)[1]
    return "." not in a and "." not in b


def _first_value(send, channel, lock, ctx: Context) -> bool:
    """`c.mu.Lock(); c.reg.register(ch); ch <- c.state`: a channel parameter handed to a
    registry (a call or a store) in the locked region before the send gets its first
    value there. The lock orders that value before every later broadcast to the
    registered channels; unlocking first could deliver a stale state after a newer
    one. The broadcasts themselves are still reported."""
    channel = strip_parens(channel)
    origin = channel_origin(channel, ctx.source, ctx.root)
    if origin.kind != "param" or channel.type != "identifier" or origin.function != enclosing_function(send):
        return False
    body = origin.function.child_by_field_name("body")
    for node in walk(body, into_functions=False):
        if node.start_byte <= lock.lock.end_byte:
            continue
        if node.start_byte >= send.start_byte:
            break
        if node.type != "identifier" or not ctx.names.same_variable(node, channel):
            continue
        parent = node.parent
        if parent is not None and parent.type == "argument_list":
            return True  # `c.reg.register(ch)`, `append(c.subs, ch)`
        if parent is not None and parent.type == "index_expression" and parent.parent is not None and \
                parent.parent.type == "expression_list" and parent.parent.parent is not None and \
                parent.parent.parent.type == "assignment_statement" and \
                parent.parent == parent.parent.parent.child_by_field_name("left"):
            return True  # `c.subs[ch] = struct{}{}`
    return False


def _close_guard(channel, held: list, by_caller: bool, ctx: Context, write: bool = False):
    """The `close(x)` of the file, run with a lock held, that closes what the send's
    channel is kept under (the same field or registry: `close(f.c)` for `f.c`, `for _, c
    := range ch.closes { close(c) }` for a send ranged over `ch.closes`), under a mutex
    held at the send (any mutex when the lock is a caller's: the chain of callers may
    hold more than the one found). Such a lock is the guard that keeps the close off
    the send: unlocking before the send would let it panic on a closed channel. With
    write, only a close under the write side (`Lock`) counts."""
    key = container_key(channel, ctx.source)
    if key is None:
        return None
    owners = _owners(channel, ctx)
    for ident in named(ctx.root, ctx.source, "close"):
        call = ident.parent
        if call is None or call.type != "call_expression" or call.child_by_field_name("function") != ident:
            continue
        args = arguments(call)
        if len(args) != 1 or container_key(args[0], ctx.source) != key:
            continue
        if owners and _owners(args[0], ctx) and not owners & _owners(args[0], ctx):
            continue  # the same-named field of another type
        around = [a for a in held_locks(call, ctx.source) if not write or a.method == "Lock"]
        if around and (by_caller or any(_same_mutex(a.mutex, h.mutex) for a in around for h in held)):
            return call
    return None


def _close_elsewhere(channel, held: list, ctx: Context, write: bool = False,
                     besides=None) -> tuple[str, str] | None:
    """(what is closed, where: `line N` or `file.go:N`) for a `close(x)` that runs under a
    mutex of a held lock's name and closes the send's channel as `_close_guard` cannot
    see it: in another file of the package (kept under the same field or registry), or
    through a method (`close(e.watchers[id].ch.Get())` for `w.ch.Get() <- v`: the same
    method, without arguments, on operands of one declared type). With write, only a
    close under the write side (`Lock`) counts; besides: a function whose closes do not
    count."""
    key = container_key(channel, ctx.source)
    method = _method_operand(channel, ctx.names, ctx.source)
    owner = _operand_type(channel, ctx.names)  # a same-named field of another type is another channel
    if key is None and method is None:
        return None
    own = os.path.basename(ctx.path)
    files = [(own, ctx.source)] + [(name, source) for name, source in folder_files(os.path.dirname(ctx.path) or ".") or []
                                   if name != own and not name.endswith("_test.go")
                                   and package_clause(source) == ctx.names.package]
    for name, source in files:
        if b"close(" not in source or (key is not None and method is None and not has_word(source, key.encode())):
            continue
        root = ctx.root if name == own else parsed(source)
        names = ctx.names if name == own else names_for(source, root)
        for ident in named(root, source, "close"):
            call = ident.parent
            args = arguments(call) if call is not None and call.type == "call_expression" and \
                call.child_by_field_name("function") == ident else []
            if len(args) != 1:
                continue
            same = (name != own and key is not None and container_key(args[0], source) == key and
                    owner is not None and _operand_type(args[0], names) == owner) or \
                (method is not None and _method_operand(args[0], names, source) == method) or \
                (name == own and key is not None and _deleted_then_closed(args[0], key, channel, ctx))
            around = held_locks(call, source) if same and (besides is None or name != own or
                                                           enclosing_function(call) != besides) else []
            if any(_same_mutex(a.mutex, h.mutex) and (not write or a.method == "Lock") for a in around for h in held):
                return text(source, args[0]), (f"line {line(call)}" if name == own else f"{name}:{line(call)}")
    return None


def _operand_type(channel, names) -> str | None:
    """The declared type of the value a field channel belongs to (`*writeDB` for
    `db.writeCh`), as text, or None."""
    channel = strip_parens(channel)
    operand = channel.child_by_field_name("operand") if channel is not None and \
        channel.type == "selector_expression" else None
    kind = types_for(names).of(operand) if operand is not None else None
    return str(kind.deref()) if kind is not None else None


def _deleted_then_closed(closed, key: str, channel, ctx: Context) -> bool:
    """`delete(fs.events, ch); close(ch)`: the closed variable is a key taken out of the
    registry the send's channel ranges over (`for ch := range fs.events`), of the same
    declared type, by the function that closes it."""
    func = enclosing_function(closed)
    clause = range_clause(strip_parens(channel), ctx.source) if strip_parens(channel).type == "identifier" else None
    registry = _operand_type(clause.child_by_field_name("right"), ctx.names) if clause is not None else None
    if closed.type != "identifier" or func is None or registry is None:
        return False
    for ident in named(func, ctx.source, "delete"):
        call = ident.parent
        args = arguments(call) if call is not None and call.type == "call_expression" else []
        if len(args) == 2 and ctx.names.resolve(ident).kind == UNIVERSE and \
                container_key(args[0], ctx.source) == key and _operand_type(args[0], ctx.names) == registry and \
                ctx.names.same_variable(strip_parens(args[1]), closed):
            return True
    return False


def _method_operand(channel, names, source: bytes) -> tuple[str, str] | None:
    """(method, the operand's declared type) for a channel given by a method call without
    arguments (`w.ch.Get()`), else None."""
    channel = strip_parens(channel)
    function = channel.child_by_field_name("function") if channel is not None and \
        channel.type == "call_expression" and not arguments(channel) else None
    if function is None or function.type != "selector_expression":
        return None
    kind = types_for(names).of(function.child_by_field_name("operand"))
    return (text(source, function.child_by_field_name("field")), str(kind)) if kind is not None else None


def _needs_the_lock(call, ctx: Context) -> bool:
    """Whether the call made with the lock held is to a function named for needing it
    (`checkConditionsLocked`, Go's convention): unlocking before it is no fix."""
    function = strip_parens(call.child_by_field_name("function"))
    if function is not None and function.type == "selector_expression":
        function = function.child_by_field_name("field")
    return function is not None and ctx.text(function).endswith("Locked")


def _callers_channels(stored: list, ctx: Context) -> bool:
    """Whether every channel the file keeps where the send's channel comes from is a
    parameter handed in (`ch.closes = append(ch.closes, c)` in `NotifyClose(c chan
    *Error)`): the caller's own notification channel, whose buffer and draining the
    library leaves to it."""
    return bool(stored) and all(
        k.capacity is None and k.node.type == "identifier" and
        channel_origin(k.node, ctx.source, ctx.root).kind == "param" for k in stored)


def _registered(channel, kept: KeptBuffers, ctx: Context) -> list:
    """What the file keeps where the send's channel comes from, of the send's own type
    (_of_operand_type); for a range over a registry keyed by channel (`for ch := range
    s.events`), the keys it stores (`s.events[ch] = true`), not the values."""
    stored = _of_operand_type(kept.get(container_key(channel, ctx.source), []), channel, ctx)
    channel = strip_parens(channel)
    clause = range_clause(channel, ctx.source) if channel.type == "identifier" else None
    left = clause.child_by_field_name("left") if clause is not None else None
    if left is None or not left.named_children or not ctx.names.same_variable(left.named_children[0], channel):
        return stored
    return [Kept(None, k.site.child_by_field_name("index"), k.site) if k.site is not None
            and k.site.type == "index_expression" else k for k in stored]


def _library_channel(channel, kept: KeptBuffers, ctx: Context) -> bool:
    """Whether the file stores where the send's channel comes from a channel that a call
    of a function the package does not declare returns (`q.src = source.Packets()`)."""
    stored = [k for k in _registered(channel, kept, ctx) if k.capacity is None]
    if not stored:
        return False
    facts = ctx.names.facts
    files = [(ctx.source, ctx.root)] + [(other, parsed(other)) for other in (facts.sources() if facts else ())]
    return any(undeclared_call(k.node, ctx.source, files) for k in stored)


def _locking_receiver(channel, mutex: str, send, ctx: Context) -> bool:
    """Whether a function of the file other than the sender's receives from the same
    field and takes a mutex of the lock's name: it can need the lock to come back for
    the next value, and the sender holds it."""
    channel = strip_parens(channel)
    if channel.type != "selector_expression":
        return False
    field = ctx.text(channel.child_by_field_name("field"))
    for name, found in receives_ending_in(ctx.root, ctx.source, field).items():
        if "." not in name:
            continue
        for receive in found:
            func = enclosing_function(receive)
            if func is not None and func != enclosing_function(send) and _same_owner(channel, receive, ctx) and \
                    _takes_lock(func, mutex, ctx, 2):
                return True
    return False


def _same_owner(channel, receive, ctx: Context) -> bool:
    """Whether a receive may take from the field the send's channel is kept in: False
    only when the file shows both struct types and they differ (a same-named field of
    another type)."""
    ours, theirs = _owners(channel, ctx), _owners(receive_channel(receive), ctx)
    if ours and theirs:
        return bool(ours & theirs)
    if ours and _imported_value(receive_channel(receive), ctx):
        return False  # another package's value: it cannot be of this package's type
    # a field of another package's type, or of this package's against another's:
    # the declared types, where both are known (`c.pp.C` of a *pollon.Proxy is no `t.C`
    # of a *time.Timer)
    kinds = [_operand_kind(c, ctx) for c in (channel, receive_channel(receive))]
    return None in kinds or kinds[0] == kinds[1]


def _imported_value(channel, ctx: Context) -> bool:
    """Whether the field's operand is a local bound to what an imported package's
    function returns (`ticker := clock.NewTicker(d)`, then `<-ticker.C`): the file
    imports that package, which so cannot import this one nor return its types."""
    site = container_site(channel, ctx.source) if channel is not None else None
    operand = strip_parens(site.child_by_field_name("operand")) if site is not None and \
        site.type == "selector_expression" else None
    if operand is None or operand.type != "identifier":
        return False
    binding = ctx.names.reaching(operand, operand)
    value = strip_parens(binding[1]) if binding is not None and binding[1] is not None else None
    function = value.child_by_field_name("function") if value is not None and value.type == "call_expression" \
        else None
    package = strip_parens(function.child_by_field_name("operand")) if function is not None and \
        function.type == "selector_expression" else None
    resolved = ctx.names.resolve(package) if package is not None and package.type == "identifier" else None
    return resolved is not None and resolved.kind == IMPORT


def _operand_kind(channel, ctx: Context) -> tuple[str, str] | None:
    """(import path, name) of the named type (or pointer to it) whose field the channel
    is kept in, where the file states it; else None."""
    site = container_site(channel, ctx.source) if channel is not None else None
    if site is None or site.type != "selector_expression":
        return None
    kind = types_for(ctx.names).of(site.child_by_field_name("operand"))
    base = kind.deref() if kind is not None else None
    return (base.path, base.name) if base is not None and base.kind == "named" else None


def _one_site_local(lock, ctx: Context) -> bool:
    """Whether the mutex is a variable of the function around the send (`var mu
    sync.Mutex`), used only by `mu.Lock()`/`mu.Unlock()` calls (its address never
    taken, never handed on), with this lock its only `Lock`/`RLock`: every other
    locker is a goroutine of the same call running this same locked code, bound for
    the same send, so the lock stalls nobody that the channel would not."""
    mutex = lock.lock.child_by_field_name("function").child_by_field_name("operand")
    if mutex is None or mutex.type != "identifier":
        return False
    binding = ctx.names.resolve(mutex)
    home = enclosing_function(binding.decl) if binding.kind == LOCAL and binding.decl is not None else None
    if home is None or not _new_mutex(binding.decl, ctx):
        return False  # a parameter or receiver, or a copy of a mutex from elsewhere
    locks = 0
    for use in ctx.names.uses(binding.decl, home):
        if use == binding.decl:
            continue
        call = use.parent.parent if use.parent is not None and use.parent.type == "selector_expression" else None
        if call is None or call.type != "call_expression" or arguments(call):
            return False  # `&mu`, `f(mu)`, `mu.TryLock()`
        method = ctx.text(use.parent.child_by_field_name("field"))
        if method in ("Lock", "RLock"):
            locks += 1
        elif method not in ("Unlock", "RUnlock"):
            return False
    return locks == 1


def _locked_only_here(lock, ctx: Context) -> bool:
    """Whether the held mutex is a field (`s.mu`) that nothing in the package locks but
    the function around this lock (no other `Lock`/`RLock` of a mutex of that name, in
    the file or in the package's other files): the lock only serialises that
    function's calls, each bound for the same receiver."""
    mutex = lock.mutex
    if "." not in mutex:
        return False
    holder = ctx.names.outermost_function(lock.lock)
    owner = _operand_type(lock.lock.child_by_field_name("function").child_by_field_name("operand"), ctx.names)
    field = mutex.rsplit(".", 1)[1].encode()
    facts = ctx.names.facts
    files = [(ctx.source, ctx.root, ctx.names)] + [
        (other, tree, names_for(other, tree, tree)) for other in (facts.sources() if facts else [])
        if has_word(other, field) for tree in [parsed(other)]]
    for source, root, names in files:
        for call in descendants(root, ("call_expression",)):
            operand, name = call_name(call, source)
            if name not in ("Lock", "RLock", "TryLock", "TryRLock") or arguments(call) or not operand or \
                    not _same_mutex(operand, mutex):
                continue
            if source is ctx.source and ctx.names.outermost_function(call) == holder:
                continue
            other = _operand_type(call.child_by_field_name("function").child_by_field_name("operand"), names)
            if owner is None or other is None or other == owner:
                return False  # (a same-named mutex of another declared type is another one)
    return holder is not None


def _held_for_the_run(send, lock, ctx: Context) -> bool:
    """Whether the lock is held to the end of its function (`defer mu.Unlock()`) across a
    loop around the send that can go round without a bound (`cfg.repeats`: a `for {}`
    polling until its context ends), taken before that loop: the lock spans the whole
    run, and another locker waits for the run to end, not for this send's receive."""
    if lock.deferred_unlock is None or not repeats(send, ctx.names):
        return False
    outer = None
    for parent in ancestors(send):
        if parent.type in FUNCTION_TYPES:
            break
        if parent.type == "for_statement":
            outer = parent
    return outer is not None and lock.lock.end_byte <= outer.start_byte and \
        enclosing_function(lock.lock) == enclosing_function(send)


def _subscribed_under(lock, ctx: Context) -> bool:
    """Whether the file gives a new subscriber its first value under a mutex of the
    lock's name (see _first_value): then the lock orders the states every subscriber
    gets, the first one and each broadcast after it (`c.state = s; for ch := range
    c.subs { ch <- s }`), and unlocking before a broadcast could deliver an older state
    after a newer one."""
    for index, captures in ctx.matches:
        if PATTERNS[index] != "send":
            continue
        other = captures["send"][0]
        for held in held_locks(other, ctx.source):
            if _same_mutex(held.mutex, lock.mutex) and _first_value(other, captures["_channel"][0], held, ctx):
                return True
    return False


def _handed_fresh(send, channel, lock, ctx: Context) -> bool:
    """`c.mu.Lock(); c.poll = make(chan T); start(c.poll); c.poll <- first`: a channel
    made after the lock and handed to a call just before the send (statements of the
    same block), with nothing sent on it in between: only the callee has it, to
    receive from, and the send hands it its first value."""
    channel = strip_parens(channel)
    if channel.type not in ("identifier", "selector_expression") or send.parent is None or \
            send.parent.type != "statement_list":
        return False
    handed = False
    statement = send.prev_named_sibling  # read back from the send: it stops at the first
    while statement is not None and statement.start_byte > lock.lock.end_byte:  # send or store
        if statement.type in ("assignment_statement", "short_var_declaration"):
            targets = statement.child_by_field_name("left").named_children
            values = statement.child_by_field_name("right").named_children
            index = next((i for i, t in enumerate(targets) if same_channel(t, channel, ctx.source)), None)
            if index is not None:
                return handed and len(values) == len(targets) and \
                    make_channel(values[index], ctx.source) is not None
        for node in (statement, *walk(statement, into_functions=False)):
            if node.type == "send_statement" and same_channel(node.child_by_field_name("channel"), channel, ctx.source):
                return False
            if node.type == "argument_list" and any(same_channel(a, channel, ctx.source) for a in node.named_children):
                handed = True
        statement = statement.prev_named_sibling
    return False


def _new_mutex(decl, ctx: Context) -> bool:
    """Whether the local variable declared at decl is a mutex of its own: `var mu
    sync.Mutex`, or one bound to `sync.Mutex{}`, `&sync.Mutex{}` or `new(sync.Mutex)`."""
    statement = declaring_statement(decl)
    if statement is None or statement.type not in ("var_spec", "short_var_declaration"):
        return False
    value = statement.child_by_field_name("value" if statement.type == "var_spec" else "right")
    if value is None:
        return statement.type == "var_spec"
    if len(value.named_children) != 1:
        return False
    made = value.named_children[0]
    if made.type == "unary_expression":
        made = made.child_by_field_name("operand")
    return made is not None and (made.type == "composite_literal" or (
        made.type == "call_expression" and call_name(made, ctx.source) == ("", "new")))


def _other_locker(lock, send, channel, ctx: Context):
    """A function of the file (a method of the same type), other than the one that locks
    at `lock` and the one that sends, that takes a mutex of the lock's name (its write
    lock, `Lock`, when `lock` is an `RLock`: readers do not wait for each other) for work
    with no channel in it (no send, receive, `close` or `chan`, no mention of where the
    channel is kept, no call of either function:
    `Publish` counting under the confirms' mutex): a caller's notification channel
    that is not drained then stalls an operation that has nothing to do with it. Not
    one whose locked section sets the flag that the send's guard requires (`x.open =
    true` before `if !x.open { return }`; locks.opens_guard): it ran before the send."""
    holder, sender = (ctx.names.outermost_function(n) for n in (lock.lock, send))
    names = {ctx.text(name) for f in (holder, sender) if f is not None
             for name in [f.child_by_field_name("name")] if name is not None}  # a package-level literal has none
    if holder is None or any(ENDING.search(name) for name in names):
        return None  # a shutdown's broadcast: once per life
    owner = receiver_type(holder, ctx.source) if holder.type == "method_declaration" else ""
    key = container_key(channel, ctx.source)
    registry = key.removeprefix(PACKAGE_KEY).encode() if key is not None else None
    methods = ("Lock",) if lock.method == "RLock" else ("Lock", "RLock")
    for declaration in ctx.root.named_children:
        if declaration.type not in ("function_declaration", "method_declaration") or \
                declaration in (holder, sender) or owner and (declaration.type != "method_declaration"
                                                               or receiver_type(declaration, ctx.source) != owner):
            continue
        body = declaration.child_by_field_name("body")
        locks = [c for c in descendants(body, ("call_expression",), into_functions=False)
                 if call_name(c, ctx.source)[1] in methods and not arguments(c)
                 and _same_mutex(call_name(c, ctx.source)[0], lock.mutex)] if body is not None else []
        if not locks or opens_guard(send, lock.lock, locks, ctx.source):
            continue  # no locker, or one that sets the flag the send waits for: it ran before
        shown = ctx.source[declaration.child_by_field_name("parameters").start_byte:body.end_byte]
        words = [b"close", b"chan", *(n.encode() for n in names)] + ([registry] if registry else [])
        if b"<-" not in shown and not any(has_word(shown, word) for word in words):
            return declaration
    return None


def _first_into_fresh(send, channel, ctx: Context) -> bool:
    """Whether send is the first send into a buffered channel made earlier in the same
    run of its function: the channel (`ch`, `s.f`) or the object it is a field of (`f
    := &future{acquire: make(chan unit, 1)}`) was bound last by a statement of the same
    loop body (or function body) as the send, to a `make` with a buffer, and no send on
    that channel comes between. The buffer holds that first value. A later send in a
    goroutine started after it (`go func() { ... }()`) cannot come first."""
    channel = strip_parens(channel)
    func = enclosing_function(send)
    made = None
    bound = ctx.names.reaching(channel, send) if func is not None else None
    if bound is not None and bound[1] is not None:
        made = strip_parens(bound[1])
    elif channel.type == "selector_expression" and func is not None:
        operand = strip_parens(channel.child_by_field_name("operand"))
        bound = ctx.names.reaching(operand, send)
        value = strip_parens(bound[1]) if bound is not None and bound[1] is not None else None
        if value is not None and value.type == "unary_expression":
            value = strip_parens(value.child_by_field_name("operand"))
        body = value.child_by_field_name("body") if value is not None and value.type == "composite_literal" else None
        field = ctx.text(channel.child_by_field_name("field"))
        for element in body.named_children if body is not None else ():
            if element.type == "keyed_element" and len(element.named_children) == 2 and \
                    ctx.text(element.named_children[0]) == field:
                made = strip_parens(element.named_children[1])
                if made is not None and made.type == "literal_element" and made.named_children:
                    made = made.named_children[0]
    if made is None or not (make_channel(made, ctx.source) or (False, False))[1] or \
            channel_capacity(made, ctx.source) == 0:
        return False
    target = bound[0]

    def scope(node):
        return next((a for a in ancestors(node) if a.type == "for_statement" or a.type in FUNCTION_TYPES), None)

    if scope(target) != scope(send) or target.start_byte > send.start_byte:
        return False
    held = held_locks(send, ctx.source)
    for other in descendants(func, ("send_statement",)):
        if other == send or other.start_byte < target.end_byte or \
                not ctx.names.same_path(other.child_by_field_name("channel"), channel):
            continue
        if other.start_byte < send.start_byte:
            return False  # not the first send into it
        if enclosing_function(other) != func and not _lone_goroutine(other) or \
                any(a.lock == h.lock for a in held_locks(other, ctx.source) for h in held):
            return False  # a later send of the same locked region (or a literal run in it): one finding
    return True


def _own_receive(send, channel, ctx: Context):
    """A receive of the sent channel in the loop around the send, in the same function
    (`case err := <-sub.errs:` beside `sub.errs <- errConnected`): the goroutine that
    would wait on a full buffer is one of its receivers, so an unlock would not free it."""
    func = enclosing_function(send)
    loop = enclosing_loop(send, func)
    if loop is None:
        return None
    return next((r for r in receives_of(loop, channel, ctx.source) if enclosing_function(r) == func), None)


def _room_checked(send, channel, held: list, ctx: Context) -> bool:
    """Whether the locked region checks the buffer before the send: an `if len(ch) >=
    cap(ch)` (or `==`) that leaves the function, a statement of a block around the
    send, between the lock and the send, or `if len(ch) < cap(ch) { ... ch <- v }`
    around it; and every send of the file on that field or variable is made under a
    mutex of the lock's name (held there or by its caller). No other sender fills the
    slot the check found."""
    lock = held[0]
    checked = False
    for holder in ancestors(send):
        if holder.type in FUNCTION_TYPES:
            break
        if holder.type == "for_statement":
            return False  # more than one send after the check
        if holder.type == "if_statement" and holder.child_by_field_name("consequence") is not None and \
                holder.child_by_field_name("consequence").start_byte <= send.start_byte and \
                _compares_room(holder.child_by_field_name("condition"), channel, ("<",), ctx):
            checked = True
        for sibling in holder.named_children if holder.type in ("block", "statement_list") else ():
            if lock.lock.end_byte <= sibling.start_byte and sibling.end_byte <= send.start_byte and \
                    sibling.type == "if_statement" and \
                    _compares_room(sibling.child_by_field_name("condition"), channel, (">=", "=="), ctx) and \
                    descendants(sibling.child_by_field_name("consequence"), ("return_statement",)):
                checked = True
        if holder.start_byte < lock.lock.start_byte:
            break  # the block that holds the lock too
    if not checked:
        return False
    key = container_key(channel, ctx.source)
    for other in descendants(ctx.root, ("send_statement",)):
        target = other.child_by_field_name("channel")
        same = container_key(target, ctx.source) == key if key is not None else ctx.names.same_path(target, channel)
        if other != send and same and \
                not any(_same_mutex(h.mutex, lock.mutex)
                        for h in held_locks(other, ctx.source) or _held_by_caller(other, target, ctx)[0]):
            return False
    return True


def _compares_room(condition, channel, operators: tuple, ctx: Context) -> bool:
    """`len(ch) op cap(ch)` with op one of operators, ch the send's channel."""
    condition = strip_parens(condition)
    if condition is None or condition.type != "binary_expression" or \
            condition.child_by_field_name("operator").type not in operators:
        return False
    sides = [strip_parens(condition.child_by_field_name(f)) for f in ("left", "right")]
    for side, builtin in zip(sides, ("len", "cap")):
        args = arguments(side) if side is not None and side.type == "call_expression" else []
        function = side.child_by_field_name("function") if side is not None and side.type == "call_expression" else None
        if function is None or function.type != "identifier" or ctx.text(function) != builtin or \
                ctx.names.resolve(function).kind != UNIVERSE or len(args) != 1 or \
                not ctx.names.same_path(args[0], channel):
            return False
    return True


def _chosen_blocking(send, channel, ctx: Context) -> bool:
    """A send in one arm of an `if` whose other arm sends on the same channel in a
    `select` with a `default` (`if o.blocking { o.ch <- v } else { select { case o.ch <-
    v: default: } }`): the receiver chose to be waited for, the others are dropped."""
    node = send
    for parent in ancestors(send):
        if parent.type in FUNCTION_TYPES or parent.type == "for_statement":
            return False
        if parent.type == "if_statement":
            arms = [parent.child_by_field_name("consequence"), parent.child_by_field_name("alternative")]
            other = next((a for a in arms if a is not None and a != node), None)
            if node in arms and other is not None:
                return any(s.type == "send_statement" and same_channel(s.child_by_field_name("channel"), channel,
                                                                        ctx.source)
                           and (select := enclosing_select(s)) is not None
                           and any(c.type == "default_case" for c in select.named_children)
                           for s in descendants(other, ("send_statement",), into_functions=False))
        node = parent
    return False


def _spacious_buffer(channel, kept: KeptBuffers, ctx: Context) -> bool:
    """A field channel that every store of the file makes with a literal buffer of more
    than one slot (`events: make(chan E, 10)`): under a read lock the other senders go
    on, and writers wait only once the receiver has fallen a whole buffer behind."""
    channel = strip_parens(channel)
    key = container_key(channel, ctx.source)
    stored = _of_operand_type(kept.get(key, []), channel, ctx) if key is not None else []
    return channel.type == "selector_expression" and bool(stored) and \
        all(k.capacity is not None and 1 < k.capacity < UNBOUNDED for k in stored)


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
    kept: KeptBuffers | None = None  # built on the first send under a lock: most files have none
    reported: set[tuple[int, str]] = set()
    for index, captures in ctx.matches:
        if PATTERNS[index] != "send":
            continue
        send = captures["send"][0]
        channel = captures["_channel"][0]
        select = enclosing_select(send)
        exits = select_exits(select, ctx.source, besides=send) if select is not None else []
        if any(e.kind == "default" or DEADLINE.search(e.label.removeprefix("<-")) for e in exits):
            continue  # never waits, or waits until a deadline at most
        if select is not None:  # the receiver's own error report is a way out too
            exits += [e for e in receiver_reports(select, send, ctx.source, ctx.root)
                      if all(e.node != x.node for x in exits)]
        held = held_locks(send, ctx.source)
        call = None
        if not held and not exits:
            held, call = _held_by_caller(send, channel, ctx)
        if not held:
            continue
        name = ctx.text(channel)
        if received_before(send, channel, ctx.source) is not None:
            continue  # gives back a token it took from the same channel
        if _collector_channel(send, channel, ctx):
            continue
        if _first_value(send, channel, held[0], ctx):
            continue  # the lock orders a new subscriber's first value before the broadcasts
        if from_registry(channel, ctx.source) and _subscribed_under(held[0], ctx):
            continue  # ... and the broadcasts after it: unlocking would reorder the states
        if _handed_fresh(send, channel, held[0], ctx):
            continue  # the first value for the callee that was just handed the new channel
        if _handshake(send, exits, held[0], ctx):
            continue  # the lock serialises a send/acknowledge exchange that can give up
        if _ready_receiver(send, channel, held[0], exits, ctx):
            continue  # the receiver never needs the lock and never leaves first
        if not exits and _registered_waiter(send, channel, ctx):
            continue  # each entry's one send finds its registrant waiting on it
        if call is None and _one_site_local(held[0], ctx):
            continue  # a local mutex locked only here: its other lockers wait for this send anyway
        if _chosen_blocking(send, channel, ctx):
            continue  # the other arm drops: blocking is the receiver's own choice
        if _first_into_fresh(send, channel, ctx):
            continue  # the first value into a buffer made just before: there is room
        if _room_checked(send, channel, held, ctx):
            continue  # `if len(ch) >= cap(ch) { return }` under the lock: the send never waits
        key = (held[0].lock.start_byte, name)
        if key in reported:
            continue  # one finding per channel per locked region
        reported.add(key)
        if kept is None:
            kept = KeptBuffers([(PATTERNS[i], c) for i, c in ctx.matches if PATTERNS[i] != "send"],
                                ctx.source)
        safe, note = _buffer(send, channel, ctx, kept, ctx.options["large-buffer"], [h.lock for h in held])
        if safe:
            continue
        lock = held[0]
        # an RLock holder blocks writers (and the readers queued behind a writer)
        who = "writers" if lock.method == "RLock" else "other lockers"
        related_other = ()
        if lock.method == "RLock" and call is None and _spacious_buffer(channel, kept, ctx):
            continue  # writers wait only once the receiver is a whole buffer behind
        guard = _close_guard(channel, held, False, ctx)
        severity = Severity.WARNING if exits else None
        advice = short = "unlock first"
        elsewhere = _close_elsewhere(channel, held, ctx) if guard is None else None
        if elsewhere is not None:  # unlocking would race that close: ask for a way out instead
            closed, where = elsewhere
            advice = f"`close({closed})` at {where} needs the lock too: give the send a done case"
            short = f"`close({closed})` needs the lock too: add a done case"
        elif call is not None and _needs_the_lock(call, ctx):
            advice, short = "the callee needs the lock: add a buffer or a done case", "add a buffer or a done case"
        own = _own_receive(send, channel, ctx) if call is None and elsewhere is None and guard is None else None
        if own is not None:  # the sender is a receiver too: unlocking would not free it
            advice = f"its own loop receives it (line {line(own)}): give the send a default case"
            short = "its own loop receives it: add a default case"
        if guard is not None or call is not None and _close_guard(channel, held, True, ctx) is not None:
            key = container_key(channel, ctx.source)
            if exits:
                continue  # a listener that can leave: the lock only guards the close
            other = _other_locker(lock, send, channel, ctx)
            if other is None and _callers_channels(_registered(channel, kept, ctx), ctx):
                continue  # the caller's channel: the lock only guards the close
            if other is not None:
                who = f"`{ctx.text(other.child_by_field_name('name'))}`"
                related_other = ((other.child_by_field_name("name"), "locks the same mutex"),)
        elif _callers_channels(_registered(channel, kept, ctx), ctx):
            # a caller's listener: name the unrelated operation it stalls, when there is one
            other = _other_locker(lock, send, channel, ctx)
            if other is None and elsewhere is not None:
                continue  # the caller's channel: the lock only guards the close
            if other is not None:
                who = f"`{ctx.text(other.child_by_field_name('name'))}`"
                related_other = ((other.child_by_field_name("name"), "locks the same mutex"),)
        if guard is not None:
            closed = ctx.text(arguments(guard)[0])
            advice = f"`close({closed})` at line {line(guard)} needs the lock too: give the send a done case"
            short = f"`close({closed})` needs the lock too: add a done case"  # the related locations have the lines
            if not _locking_receiver(channel, lock.mutex, send, ctx):
                severity = Severity.WARNING  # it waits only while a receiver keeps away
        # shown when the code shows the wait can last: a receiver that needs the lock
        # or can stop receiving; otherwise the stall rests on a receiver the code does not show
        stall = _stall(send, channel, held, exits, kept, ctx)
        confidence = None if stall else Confidence.LOW
        if exits and _locked_only_here(lock, ctx):
            confidence = Confidence.LOW  # the lock serialises this function's own calls, and the send can give up
        elif call is None and stall == "stops" and _held_for_the_run(send, lock, ctx) and \
                _locked_only_here(lock, ctx):
            confidence = Confidence.LOW  # the other lockers wait for the whole run, not for this send
        unseen = _library_channel(channel, kept, ctx)
        if unseen:  # another module makes it: whether it has a buffer, and so whether the send waits, is not shown
            confidence = Confidence.LOW
        locked = (lock.lock, f"`{lock.mutex}` locked here")
        unlocked = (lock.deferred_unlock, f"`{lock.mutex}` unlocked only by this defer") \
            if lock.deferred_unlock is not None else None
        verb = "read-locked" if lock.method == "RLock" else "locked"
        wait = f"until a receiver or `{exits[0].label}` comes" if exits else "until a receive"
        wait += " once any buffer it has is full" if unseen else ""
        if call is not None:
            message = (f"send on `{name}` runs under `{lock.mutex}` ({verb} at line {line(lock.lock)}, "
                       f"then the call at line {line(call)}){note} and stalls {who} {wait}; "
                       + ("unlock before the call" if guard is None and advice == "unlock first" else advice))
            if len(message) > MESSAGE_LIMIT and note:
                capacity = re.match(r" \(buffer (\d+)", note)
                message = message.replace(note, "").replace(
                    f" {wait}; ", f" {wait} once its buffer of {capacity.group(1)} is full; " if capacity else f" {wait}; ")
            if len(message) > MESSAGE_LIMIT:
                message = message.replace(advice, short)
            if len(message) > MESSAGE_LIMIT:  # the related locations keep the lock's line
                capacity = re.match(r" \(buffer (\d+)", note)
                full = f" once its buffer of {capacity.group(1)} is full" if capacity else f" {wait}"
                tiny = "its close needs the lock too: add a done case" if short.startswith("`close(") else \
                    "unlock before the call" if guard is None and advice == "unlock first" else short
                for through in (f" (through the call at line {line(call)})", ""):
                    message = f"send on `{name}` under `{lock.mutex}`{through} stalls {who}{full}; {tiny}"
                    if len(message) <= MESSAGE_LIMIT:
                        break
            related = (locked, (call, "the call made with the lock held")) + related_other
            if guard is not None:
                related += ((guard, "closed under the lock here"),)
            yield Report(send, message, severity, related, confidence=confidence)
            continue
        # the defer and the buffer details only where they fit the one-line limit
        # the buffer before the lock's line: "until a receive" holds only once the buffer is full
        # without the note, a buffered send still says when it waits: once the buffer is full
        capacity = re.match(r" \(buffer (\d+)", note)
        full = f" once its buffer of {capacity.group(1)} is full" if capacity else ""
        # the last resort keeps the buffer and drops what the related locations show
        tiny = "its close needs the lock too: add a done case" if short.startswith("`close(") else short
        for defer, detail, says, at, when in (
                (unlocked, note, advice, True, ""), (None, note, advice, True, ""),
                (None, note, short, True, ""), (None, note, short, False, ""),
                (unlocked, "", advice, True, full), (None, "", advice, True, full),
                (None, "", short, True, full), (None, "", short, False, full), (None, "", tiny, False, full)):
            until = f", unlocked by the defer at line {line(defer[0])}" if defer else ""
            where = f" ({verb} at line {line(lock.lock)}{until})" if at else ""
            message = f"send on `{name}` under `{lock.mutex}`{where}{detail} stalls {who} {wait}{when}; {says}"
            if len(message) <= MESSAGE_LIMIT:
                break
        related = ((locked, defer) if defer else (locked,)) + related_other
        if guard is not None:
            related += ((guard, "closed under the lock here"),)
        yield Report(send, message, severity, related, confidence=confidence)


RULE = Rule(
    code="GL004",
    name="send-under-lock",
    severity=Severity.ERROR,
    confidence=Confidence.MEDIUM,
    check=check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    triggers=(b"Lock()",),
    requires=(b"<-",),  # every finding is at a send
    tests_by_bytes=True,
    options={"large-buffer": 100},
    tags=("goroutine-leak", "deadlock", "concurrency"),
    outside=("callees", "callers", "channel matches", "channels"),
    needs=(b"Lock",),  # held_locks, in the sending function or a caller's (_held_by_caller: 2 up)
    needs_callers=2,
    gathered=(1, 2),
    keys=("store_to", "store_key"),
)
