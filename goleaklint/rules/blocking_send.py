"""
## What it does
Finds channel sends that can block forever because their receiver can stop receiving.

A send `ch <- v` is checked when it is bare, or the only case of its `select`; a
`select` with a `default`, a `<-ctx.Done()`/`<-done`/timer case or any other case can
always go on, so it is never reported. Two patterns are reported, each with the lines
that show why:

- **A struct-field send whose receiver loop can end** (the logger incident): `w.rec <- r`
  where the file's receiver of `.rec` is a loop that can return, break out or stop
  through a `<-done`/`<-ctx.Done()` case, after which nothing receives (of several
  such cases the message names one other than a goroutine's end signal, a channel a
  goroutine closes by `defer close(h.done)`: the senders may run in that goroutine,
  and send nothing once it has ended). Receivers are
  matched by field name in the same file, or, when the file has none, in the other
  files of the same directory (package). Field names are not tied to their type, so a
  receiver of a same-named field of another type counts too (a struct may hold another
  type's channel: `metricsChannels{sent: c.sent}`). A receiver in another file counts
  only for a field that some file of the package makes (by name, or by position in a
  struct literal of a known type): a field it never makes holds a channel from
  elsewhere (set from a constructor's parameter, `Error: errChan`), of unknown origin,
  whose receiver is the caller's. A receiver loop that
  cannot end (`for range x.rec`, or a `for {}` with no way out) proves a live receiver;
  a loop that ends because of the value it received (a stop signal sent on the same
  channel, `!ok`, a nil sentinel), or only once no sender is left (`if active == 0 {
  return }`), is ended by the senders themselves, so it is not a reason either; nor is a loop whose function
  receives from the field again after it (`case <-stop: return <-t.last`, a later
  receive, a deferred drain), or whose every way out first calls a function or method
  of the file that receives from the field (`case <-ctx.Done(): s.shutdown(); return`,
  and shutdown's wait takes `<-s.finished`: what is sent meanwhile is taken); nor a
  counted wait for n values with a timeout (`for i := 0; i < n; i++ { select { ...
  case <-timeout: return } }`), nor a wait that follows a request the function hands
  on (a bare send of a value that names a parameter, `h.messages <- data`, before the
  loop): per-call waits, entered again for the next ones; nor is an exit decided by a data
  value the loop received on another of its channels (`case s := <-ends: finished :=
  record(s); if finished { break loop }`: the last sender ends it; a received error
  still counts), a stop handshake (`case t.stopChan <- true: return`: the owner asked
  and sends nothing after), or a case that only panics. Nor is a receiver whose way out
  takes it out of the registry the sender finds it in (`for _, s := range l.streams {
  s.complete <- true }`, and the case the loop leaves by deletes from `.streams`, itself
  or two calls deep): later sends do not find it; one that picked it up just before can
  still block, a race the rule leaves alone. Nor is one that leaves only on what a call
  handed the receiver itself returns (`fn(); if ok := w.pool.revertWorker(w); !ok {
  return }`, `if err := r.release(s); err != nil`): a worker that puts itself back
  where its senders take it from (an idle list) and leaves when that fails; a send
  reaches it only through that list, so none finds it once it has left. Nor is a send that comes right after the
  sender's own wait in a select bounded by a timer of the same duration as the one the
  receiver gives up on (`case <-s.after(s.timeout):` on both sides, the same field or
  field path, `.spec.Timeout`, or constant): the send comes no later than that wait
  ends; it misses the receiver only
  when the receiver started its wait first, which the rule does not try to tell. Nor is a function that stops
  receiving (an initial wait with a timeout) whose caller in the file receives the
  channel again in a statement after the call, with no return in between.
  A wake-up signal (`s.reset <- struct{}{}`) into a field made with a literal buffer
  in the file is reported the same way, once its buffer fills: a signal carries no
  data, so no request/reply exchange bounds how many are in flight.
  A field the file does not make counts as made with a buffer when the package's
  other files store in it (in a literal of the field's type, by assignment, or through
  a local of the storing function: `errChan := make(chan error, 1); return
  &manager{errChan: errChan}`) only channels made with a literal buffer (the message then
  says "once its buffer fills" and asks for no buffer). A field the package stores a
  channel in that a call of a method or another package's function it does not declare
  returns (`q.packets = src.Packets()`: a library makes it, buffer not shown) is low,
  and its message claims no buffer ("once any buffer it has fills"). A labelled break
  out of the receiver's inner loop that an endless outer loop runs again (`for { ...;
  inner: for { select { case <-t.C: break inner } } }`) does not stop the receiver.
  Not when it is sent once: by a
  goroutine, behind a flag the function sets (`if !c.kicked { c.kicked = true; ... }`)
  or an atomic one it takes (`if f.CompareAndSwap(0, 1) {`, `if f.Load() == 0 {
  f.Store(1); ... }`), inside a `sync.Once`'s `Do` (`l.closeOnce.Do(func() { l.close <-
  struct{}{} })`), or by a function named for the end of its object's life (`Close`,
  `Stop`).
- **The goroutine timeout leak**: `go func() { done <- r }()` where `done` is an
  unbuffered channel made in the same function, which receives from it only in a
  `select` that can return through another case first (`<-ctx.Done()`, `<-time.After`;
  a select whose other cases all go on to a receive after it, `case <-closing: err =
  ErrClosed` then `for i := 0; i < n; i++ { <-errCh }`, hands its senders to that
  receive, which only a `return` before it can skip: that return is named), or in a select whose other cases go on without the value, inside a loop that can
  end by its own condition (a deadline, `for time.Now().Before(end)`; a counter,
  `for i := 0; i < 3; i++`; a flag the loop sets outside the receiving case; or a `for {}`
  left by a `return` or `break` outside the select on a test of nothing the receiving
  case sets, `if !ok { break }` after polling with a `default` case; not a loop that
  runs until it has a value from every goroutine started, `for len(results) <
  len(eps)` whose receiving case appends each value, or `n++`, and whose starts are each
  tested against that bound and step their index, `if i < len(eps) { go f(i, out); i++
  }`, or made by a loop over `eps`) with no
  receive after it, or only after a `return` that can run once the goroutine has
  started (an error check between `go` and `<-done`), or in a select outside any loop
  next to a receive from another channel (`case <-readyChan:` beside `case err :=
  <-errChan:`), with no receive after it, when the goroutine sends once on every path
  and never names that other channel (one that closes `ready` itself may tie its send
  to the case taken): once the other case goes first, nothing receives. A case that ends the process (`panic`,
  `log.Panic`, `os.Exit`, `log.Fatal`), or fails the test that runs the code
  (`t.Fatal`, `s.T().FailNow()` in a test helper), is no such way out: nothing is left
  blocked that anyone waits for. The goroutine can also be a function of the same
  file handed the channel, `go fetch(url, done)`, that sends on it bare; or a callee
  the file does not show (a method, `go l.OnAccept(conn, ch)`, or another package's
  function) handed the channel, when the starter uses it for nothing but receiving a
  value (`case c := <-ch:`): nobody else holds it, so the goroutine is the sender (a
  close gives no value). A method the file shows is read: one that sends on the channel
  only in selects that can go on (`case out <- v: case <-m.quit:`), itself or through
  functions of the file it hands the channel to (two calls deep), and otherwise only
  closes it, is not reported; nor is a goroutine skipped by a return that runs the
  starter's deferred `close(q)` of a channel it handed the goroutine, which that goroutine
  (where the file shows it) receives from (`defer close(closeC); go c.receive(resC,
  closeC)`): it is told to stop, and its sends after a pick are judged on their own
  (below). Those findings are reported at the `go` statement. For either kind of
  goroutine, a way out on a channel that the goroutine (the literal, or the function
  of the file handed it) sends on or closes only in its deferred code, after its own
  sends (`defer func() { donec <- id }()`, `defer close(done)`), or right before a
  `return` (`errch <- err; return`), and that the starter
  otherwise only receives from (or hands to a `go` of that function), is the
  goroutine's end signal, not a way out: the goroutine that sent it has no send left
  (a drain loop `case <-msgc: case <-donec: return`); another way out of the same
  receiver is named instead (also for the buffered sends a loop abandons). When the goroutine may run twice at once (started in a
  loop, or the channel used by a second `go`), one run's end signal may come while
  another still sends: reported low. Nor is a way out one whose case hands the channel
  to a function of the file that receives from it before any `return` (`case
  <-ctx.Done(): e.shutdown(server, errc)`, which stops the server and then waits on
  `<-errc`), for a goroutine started once. A send the goroutine reaches only past a
  loop that the close of a local channel alone ends (`for v := range in`, a break on
  `!ok` or on `v == nil` of its receive), where the function closes that channel and
  then waits on the sent channel with no `return` between (`close(in); if err :=
  <-done; ...`), is taken by that wait. A receiver that leaves on `<-c.Done()` of a
  `context.WithCancel` whose every cancel is followed by `close(ch)` of the channel
  sent on (`cancel(); close(ch)`) leaves a waiting send to panic, not to block: reported
  low, as such. Nor is a send in a function literal that the function hands out only as
  a field of a struct literal (`readResult{f, err, gateDone}`), whose every call in the
  package (`res.readMore()`) is in the body of a declared function that closes, in its
  deferred code, the channel every other case of the receiver's select waits on
  (`defer close(sc.doneServing)`): while that caller can still call it, the receiver
  has not left.
- **A goroutine's last send to an API's caller**: a bare send on an unbuffered field
  (made so in the file) of the sender's own value (`h.err` in a method of `h`, `w.errc`
  in a literal; not `e.server.fwd.errc`, another value's, whose own loop may take it)
  that ends the goroutine sending it (the next statement is a
  `return` of the function a `go` of the file starts, or a `return false` of a method
  whose every call in the file is the condition of a `for h.readOne() {}` loop in such a
  function: the read error a read loop stops on), when every receive of the field in the
  file is a one-shot wait in an exported method of its type (`ReadEvent`, `Send`), no
  file of the package uses the field otherwise (a `return h.err`, a hand-off, another
  file naming it), and the type has a method that ends it (`Close`, `Stop`, ... with a
  body): the goroutine waits for its user's next call, and one who has closed the value
  makes none. Reported once per sending function. Not when the send runs only inside a
  select case receiving from a field of the same value that nothing in the package
  closes or sends on but those receiving methods (`case <-dms.drain:` in the loop,
  `close(dms.drain); return <-dms.done` in `Shutdown`): the goroutine gets there only
  once a receiver is on its way. Nor when it runs only under a test of a value ranged
  from a field of the same value against a non-zero literal (`for t := range p.tasks
  { if t.op == "stop" {`) whose field only the receiving methods set (`p.tasks <-
  &task{op: "stop"}` in `Shutdown`, which then receives): it answers the receiver's
  own message.
- **A send between quit checks**: a bare send on a channel parameter (`errCh <- err`)
  in a loop of a function that also takes a quit channel and returns when it arrives
  (`case <-quitCh: return`, a receive that keeps no value, in a select of the same
  loop): the caller stops the function through quitCh, and a caller that has quit
  stops receiving, so a send under way then blocks forever. Not when the function
  receives from the channel itself, nor when its quit case sends on it too (the caller
  receives after quitting), nor when every caller of the file hands in a channel made
  with a buffer computed from the work (`make(chan bool, opts.SelectionCount)`, also
  through a function literal of a caller: `wg.Wrap(func() { n.worker(work, resp) })`),
  as for the timeout leak. A send in a case of the select with the quit case that has
  nothing before it that can wait (no call but a builtin or an error constructor, no
  channel operation: `case m := <-in: if m.id == id { out <- m; return }`) blocks only if
  the caller quits in the instant between the pick and the send: a race the code does
  not show happening, of low confidence. Nor when every start of the function is a `go`
  handed a group it marks done after the send (`out <- v; wg.Done()`) and a channel only
  other goroutines of the file receive, whose loops stop only on channels the starter
  signals after `wg.Wait()` of that group: the receivers outlast every counted send.
- **A send before any receiver exists**: `errc := make(chan error); ... errc <- err` by
  the function that made the unbuffered channel, in its own body, with no use of the
  channel in between (no goroutine, closure or callee can hold it yet).
- **A returned channel that a caller drops**: `func Go(f func() error) chan error` whose
  goroutine sends on the unbuffered channel the function returns, when a caller in the
  same file (or in another file of the package that holds a `<-`) calls it as a
  statement or assigns the result to `_`, or receives from the call in a `select` case
  next to others (`case <-ping(a):` beside `case <-time.After(d):`): once another case
  goes first, nothing has the channel the call made. So is a caller that binds the
  result (`done := Go(f)`), uses it for nothing but receives, and receives only in a
  select that can leave through another case first, as for a local channel below.
  Low when the function holding that select runs once per process
  (`lifetime.function_once`: a daemon's `Run` that its command calls once): what
  one run leaves blocked ends with the process.
- **A field channel nothing receives from**: a bare send on an unexported field that
  the package makes unbuffered and otherwise names only in sends and makes (no
  receive, no `return x.f`, no `f: ch` from elsewhere), once every file of the
  folder has been read. Made with a buffer, it is reported when the send runs again
  and again (in a loop, or in an exported function or method, `func (rc *RowChannel)
  Push()`, other than a send made once): the buffer fills, and then each send blocks.
  Not a loop's answer on the channel of a request it has just received (`case r :=
  <-reg: switch msg := r.(type) { ... msg.errorChan <- err; continue }`) when every
  such answer ends the turn: each request brings its own channel and gets one value.
  A drain counts as no receive here: `select { case <-rc.data: default: }` outside any
  loop, the value dropped, takes at most one pending value without waiting (a
  non-blocking take that keeps the value, `case v := <-q.items: return v, true`, is
  a receiver its callers poll; so is one whose `default` does something, `default:
  return ErrBusy`, as a semaphore's try-take of a token).
- **More senders than receives**: goroutines started by the function that made an
  unbuffered channel (`go func() {...}()`, `go copyHalf(a, b, done)` with copyHalf a
  function of the file, a `time.AfterFunc` callback), outside loops, each sending on it
  exactly once on every path (a bare send under no branch or loop of its goroutine, a
  deferred one too), outnumber the function's plain receives (`<-done`, outside loops
  and selects), and the channel has no other use (no close, select, range or hand-off):
  once those receives are done, the other senders block forever. Reported at the last
  sender's start. Not in a program's function that runs once, nor in test code, as for
  the timeout leak.
- **Senders left behind by a receive loop that leaves early**: goroutines started by
  the function that made a local channel send on it more than once (a send in a loop,
  here or in a function of the file the goroutine hands the channel to; or, for an
  unbuffered channel, goroutines started in a loop), and the function's only receive
  is a loop after the `go` that can return or break (`if err := <-errc; err != nil {
  return err }`) other than on the channel's close (`!ok`) or once no sender is left.
  A buffer of constant size only delays it, so a send in a producer loop is reported
  too when it is unconditional; a buffer computed from the work (`len(tasks)`) is
  taken as sized for it. A second receive (after the loop, in a deferred drain) or any
  other use of the channel silences it.

Silent, on purpose (precision over recall; see the `todo` fixtures): sends on
parameters, package variables and channels of unknown origin (the caller owns the
receiver), fields whose receiver is in another file or is a one-shot wait (but for a
goroutine's last send, above), buffered
channels (a field made with a buffer in the file, other than for a signal; a local made with one: a full
buffer blocks too, but such channels are used as queues, semaphores and result
channels sized for their senders, such as `errc := make(chan error, len(tasks))`),
and sends that give back a token received from the same channel earlier
(`mem := <-s.mu ... s.mu <- mem`). Nor is a local channel whose receiving function ends
the program when it returns: `main`, or a command's action in a program
(`var eventsCommand = cli.Command{Action: func(...) error {...}}` in `package main` or
under `cmd/`), or in any package a CLI framework's command action (a function taking
urfave/cli's `*cli.Context`, cobra's `(*cobra.Command, []string)` or kingpin's
`*kingpin.ParseContext`); what is left blocked ends with the process. Nor, as for GL011, the
timeout leak of a goroutine that a program starts outside a loop: a program sets it
up once (a command's UI poller), and it ends with the process (unless the package
calls the function that starts it more than once, or calls it in a loop: `n.run(pid)`,
then `go func() { n.run(0) }()` leaves the first reader behind while the process goes on;
or calls it once from code that `analysis/lifetime` does not show running once per
process, such as an HTTP handler: a health check per request); nor one whose receiver
gives up on a channel the function hands to `signal.Notify` (`case <-quit:` after
`signal.Notify(quit, syscall.SIGTERM)`), or on the `Done()` of a context parameter
that every call in the package hands a context of `signal.NotifyContext` (`run(ctx)`
after `ctx, stop := signal.NotifyContext(...)`, of an unexported function or a method
of an unexported type, which no other package names): the process was asked to stop. Test files are not checked: a blocked send hangs
the test, and the test timeout reports it. In other test code (`analysis/lifetime.test_code`: a
function taking a `*testing.T`, a testify suite method, a test-support package, one that
only test code of the module imports, such as an `internal/assert`), a goroutine left
blocked on its send is of low confidence where the code confines it to the test binary
(`lifetime.test_cost_only`): it neither hangs, fails nor slows the test. Goroutines
started in a loop (other than over a table written out) pile up, and a package whose
tests check for leaked goroutines (goleak's `VerifyTestMain` or `VerifyNone`, a leak
check of its own, `leaktest.Check` in the same test) fails on one: both stay shown. Nor is a field send in an unexported
function or method that only the package's tests call (no other file of the package
names it): a hook the tests run on a live receiver. Nor is a field whose receiver loop
stops only when told to (a `<-ctx.Done()` or `<-stop` case) and whose every start in
its file is a goroutine that runs once per process (`analysis/lifetime`: from `init`, a
callback registered there, a package-level `sync.Once`, a program's set-up code, or a
function that only such code calls, the module's other packages included, such as a
job queue that only a daemon's main makes): it stops as the process shuts down. Nor is a field whose receiver loop stops only on the
cancellation of a context parameter of its function or method (`func (w *watcher)
Run(ctx context.Context)`, `case <-ctx.Done(): return`) that the package never calls:
exported and named nowhere in the package but where declared, or only handed to a
function of another package (`svcutil.AsService(s.handle, name)`): code outside the
package starts it and sets its life through that context (a service's, often the
process's), and the senders it leaves behind end with what that caller ends; a loop
the package starts itself, or that also stops on a channel of its own, is still
reported. A field whose receiver loop leaves only on the stop channel of a value it
stops itself (`case <-f.consumer.StopChan: exit = true` beside `case <-f.termChan:
f.consumer.Stop()`) is of low confidence: it leaves after a stop it asks for, and
whether a sender is still sending then rests on what else closes that channel. A field whose receiver loop's only way out is a case on a field of its own
receiver (`case <-s.closec:` in `func (s *Stream) loop()`) that the package closes or
sends to only in exported methods of the type (`func (s *Stream) Close() error {
close(s.closec) }`), which no code of the package calls on a value of the type, is a
note when the send is in an exported method of that type (or in an unexported one the
package calls only from exported methods, outside function literals: of the type, on their
receiver, or of another type of the package, such as the `Read` of a body wrapper the type
hands out): the send
blocks only if the type's user calls it after its own Close, a use of the API after
Close. That note has low confidence when the package is an application's (not a
library's API: `lifetime.library_api`) and only test code calls the exported stops
(`lifetime.only_tests_call`: no other file of the module, outside its test folders,
names them): in the program the receiver never stops; and when no send of the package
on the field waits on the stop channel in a select (`case s.writes <- w: case
<-s.stopped:` elsewhere shows that sends race the stop, and keeps it shown): a call
after Close is its caller's misuse, which the code does not show. A case whose
receiver leaves only when a channel it receives on is closed (`case r, ok := <-w.store:
if !ok { return }`), a field no file of the package closes, or a time.Ticker's or
time.Timer's `C`, which the runtime never closes, is no way out of it; nor is
a close of the stop channel in a constructor's deferred `if err != nil` cleanup of the
value it made, which no one has yet. So it is, whoever sends, when the stop is an unexported method named for the end
of the object's life, the whole name (`func (s *session) close()`), that the package
calls only as its owner's teardown: in a function or method itself so named (`DB.Close`
calls `db.s.close()`; not `closeWithError`, which a failing loop calls), or in a deferred
`if err != nil` cleanup of a value the function made (a failed constructor's: `s, err :=
newSession()`; not a method's cleanup of its own receiver): the send blocks only if the
package uses the value after tearing it down; of low confidence when no function that
tears it down runs again (`lifetime.function_again`: a teardown once per process, as it
ends). The loop may be a declared function that methods of the type hand their fields
(`queueHandler(m.queue, m.out, m.quit)` in `func (m *manager) queueHandler()`, every call
of the package handing the same field of its own receiver at that place): its
parameters stand for those fields. Calls whose receiver's type is not known are taken to be of
another type. A loop whose own method calls `defer s.Close()` (on a read error: the
peer that goes away stops it) or that another function of the package stops keeps the
warning. A loop that leaves when another channel it receives
from is closed (`case err, ok := <-w.Errors: if !ok { return }`) is ended by that
channel's senders, as for a data channel. Nor is a goroutine that also holds an end of
an `io.Pipe()` of the function: once the function leaves early, it blocks on the pipe
before its send, and a buffer would not free it.

Nor is the timeout leak of a goroutine whose receiver leaves through a channel of the
function that only the same goroutine sends on, past the loop around the send, while a
`return` follows the send (`errc <- err; return` in its loop, then `done <-
struct{}{}`): the receiver leaves through `done` only once the goroutine has finished
without sending on `errc`. So too where the receiver leaves through a local channel
whose one `close` comes right after `wg.Wait()` of a WaitGroup whose `Done` the goroutine
defers, after the loop that starts the goroutines (`go func() { wg.Wait(); close(done)
}()`), or ends the loop around its select only on such a channel (`case <-done: over =
true`), or leaves on the `Done()` of a context made by `c, cancel :=
context.WithCancel(context.Background())` whose one use of `cancel` is that statement
right after `wg.Wait()` (`wg.Wait(); cancel()`): it comes only once every one of them has finished; where several run, a return of
the receiver that skips its receive is named instead ("is skipped by the return at line
N"). A send in a loop that a `return`, `goto` or `break` out of
the loop follows in its block, with no `continue` on the way (`ready <- nil;
conn.Close(); break`), is sent once. A goroutine of a program (`go fetch(url, done)`,
`go w.Serve(ch)`) started by `main`, a command's action, or outside a loop by a function
called once, as for a local send.

Low confidence (shown with `--min-confidence low`), where the harm rests on what the
code does not show: a field send whose receiver loop's only way out is the `Done` of a
context handed to it by another package's code (a parameter of a function literal handed
to another package's function or method, `pool.GoCtx(func(ctx context.Context) {...})`,
or of a function whose every call is in such a literal and passes that context on; or of
a declared function whose calls in the file each pass a context parameter of their own
function, `go s.loop(ctx)` in `newServer(ctx)`, up to a function nothing in the package
shows running again, `lifetime.function_again`; not a context the package makes, a
`WithCancel` in a `Start`; or a context field of the loop's receiver that the package
sets only from a context parameter, `&poller{stopCtx: ctx}` in `newPoller(ctx)`), or the
`Done` of a package-level context (`case
<-mox.Shutdown.Done():`, shared by the whole process): that code ends it, as a rule
when the service or the process shuts down. So is a field send whose receiver loop's
every way out is a field of its own value (`case <-ec.done:`) that the package sends
on or closes only on the value of a package-level variable, which the same function
then sets anew (`cache.done <- true; cache = &Cache{...}`, or through a method of the
type that stops its receiver, `procCache.purge(); procCache = nil`): the process keeps
one such value and stops it only as it puts another in its place; a sender left on the
stopped one kept it from before. A goroutine handed a
channel (`go w.WatchForChanges(updates, errs)`) whose receiver, in the case it leaves
by, first calls a method of the same value (`w.StopWatching()`): told to stop, whether
its send then returns is not shown. A goroutine left blocked that the package shows
starts once per process (`lifetime.started_for_process`, or, for senders started in a
loop and left by a receive loop, a function that runs once: `lifetime.function_once`),
outside programs and outside a library's API (`lifetime.library_api`: an exported
function, or method of an exported type, of a package that is not main nor under
`internal` or `cmd`, of a module with no command in its root folder or under `cmd`, or
one its example programs name; any such package outside a known module: its users may
call it again): one goroutine per run of the process. An application's exported
function that its command calls once is such (the daemon's `Main` that `cmd/<name>`
calls), even when a function that nothing in the module calls (an entry point for an
app that embeds it) calls it too. In a program, so are the goroutines (one per element
of a collection too) of a function that only command actions of a CLI framework call,
or code they call (`lifetime.function_once`: `probeAll(hosts)` of a `check` and a
`status` command; a same-named method of another shape, called in a loop, is not a
call of it): the tool runs one command and exits. So is one started by a method named
for the end of its object's life (`Stop`, `Shutdown`) of a type whose makers show no
repetition (`lifetime.ends_single`: the daemon's `Stop`, called on a failed start and
at shutdown). A send whose receiver closes the channel on its way
out (`case <-quit: close(ch); return` in the receiver, or `defer close(ch)` in the
receiving function, or in a method of its type that calls it, `defer close(p.ch)` in
the `run` whose helper holds the receiver loop) does not block: once the receiver has
left, a send panics (send on closed channel), and the message says so (low). A
receiving case that leaves but first waits for the sender still at work (`case
<-ctx.Done(): if running { <-finished }; return`, no way out before that receive) is
no way out; nor is a loop that ends early when the function receives again after it
(a first loop that gives up when nothing is ready, a last one that waits for every
remaining result): a return before the last receive is then the way out named. A
goroutine started in a local function literal (`start := func() { go ... }`) starts
where that literal is called: only returns after its calls can skip the receive. A
field send in test code whose cost ends with the test binary is low, as a test
goroutine's is. In a program, a goroutine started in the very
loop that stops receiving (`case <-tick: go func() { check(); done <- struct{}{} }()`
beside `case <-ctx.Done(): return`) by a function the program runs once (a method
counted by the calls that fit its parameters, `lifetime.Shape`: another type's `Start()`
is not `k.Start(ctx)`): that loop starts no more once it leaves, so what it leaves
blocked is one run's. A goroutine of an unexported helper that only the package's
`_test.go` files call (as for a test hook, above), outside a program and a package
whose tests check for leaked goroutines: its cost ends with the test binary. A wake-up signal into a
buffered field whose every receiver asks for each value it waits for, sending the
value that holds the channel before its receive (`case c.wake <- s:`, then `case
<-s.resume:`): each signal answers a request, and a receiver that stops asks no more.
A field send behind a state check that returns (`if w.state == closed || w.state ==
closing { return }`, `if atomic.LoadUint32(&w.stopped) == 1 {`, `if w.closed.Load() {`)
when every stop of the receiver in the package (a close of its stop channel, or a send
on it other than the loop's own answer to a stop handshake) comes after setting that
state earlier in the same block (`w.state = closed; close(w.done)`,
`atomic.StoreUint32(&w.stopped, 1); ...; w.stop <- struct{}{}`): the send meets a
stopped receiver only if its caller races the stop (low).
Not at all when the send is made holding a mutex field behind a flag tested under it
(`if c.running { c.add <- e }`) and every stop of the receiver is made holding the same
mutex in a critical section that sets that flag to a value the test excludes
(`c.stop <- struct{}{}; c.running = false`, either order): no send can follow a stop.
A receiver loop left by a return in a case `case <-s.quit:` is named by that case
(`stops through <-s.quit`), the way out the return takes.

Not reported: a field send whose receiver loop stops only on fields (`case <-w.done:
return`, or a case that sets the flag it leaves on: `case <-w.quit: over = true` ...
`if over { break }`) that every stop in the package closes together with the channel
sent on (`close(w.done); close(w.ping)` in `Stop`, or later in an enclosing block: `if
async { w.quit <- x; w.wg.Wait() }; close(w.ping)`; a same-named field of another struct
type is another field): a send waiting when the receiver leaves is released (it panics, send on
closed channel); it does not block forever. Nor one whose receiver loop stops only
through cases on fields of the package's own struct types that the package only makes
and receives from (`done: make(chan struct{})`, never closed, sent on or handed on): that
way out never comes (a field of another package's type, `t.C`, is filled there); nor one
whose receiver's case hands the value whose field it waits on (`x` or `&x` for `<-x.done`)
to a function of the file that receives from that parameter's field (`case
<-ctx.Done(): drain(&ev)`, with `go func() { <-ev.done }()` in `drain`): the pending
send is taken on that way out too. A receiver in another file of a same-named field of
another struct type (as the files state the operands' types, and that type declares the
field itself, not through an embedded one) is another channel's, unless a file of the
package stores anything but a fresh `make(...)` in a field of that name (`s.out =
m.out`, `T{out: out}`: the channel may be shared). A
send outside loops (or in a deferred literal: `defer func() { r.exited <- x }()`) of a
declared function the package runs only through `go` statements of its file, none in a
loop, is one send per goroutine, which a buffer holds. Of a receiving loop's ways out,
the one named is one not taken on what was received (`if ev.Err != nil { return }` comes
with the sender's last value) when there is one; one under a test that holds only for a
non-nil error (`if errors.Is(err, context.DeadlineExceeded) { break }`) after an
`if err != nil` of the same block that never returns (`log.Panic(...)`) is never taken.
A return inside a callback handed to a call (`each(xs, func(x T) bool { go ...; return
true })`) ends that call of the callback: it skips no receive of the function.

Known problem: a receiver whose stop channel is closed only once every sender has
finished, by a protocol of the callers (a `Close` that waits for the writers before it
closes the session), is still reported: the source of the sender and receiver does not
show that order (as a note when the stop is the owner's teardown, above). Two goroutines that each wait, while handling a value, to send to the
other (through a callback carried in the value) are not found.

## Why is this bad?
An unbuffered send waits until a receiver takes the value. When the receiver has
returned (on an error, on shutdown, on a timeout), nothing will ever take it: the
sending goroutine blocks forever, with everything it holds. A logging middleware that
sent every request's record to a writer goroutine that had died on a write error
piled up 16,000 blocked request goroutines before the service stopped answering.
The timeout variant leaks one goroutine per timed-out call.

## Example
```go
func (w *logWriter) loop() {
	for r := range w.rec {
		if _, err := w.out.Write(r); err != nil {
			return // nothing receives from w.rec after this
		}
	}
}

func (w *logWriter) Log(r []byte) {
	w.rec <- r
}
```

## Use instead
```go
func (w *logWriter) Log(ctx context.Context, r []byte) error {
	select {
	case w.rec <- r:
		return nil
	case <-w.done: // closed by loop when it returns
		return errWriterGone
	case <-ctx.Done():
		return ctx.Err()
	}
}
```
For the timeout leak, give the result channel a buffer of one (`make(chan T, 1)`) so
the goroutine can always finish its single send.

## References
- [Go blog: Pipelines and cancellation](https://go.dev/blog/pipelines)
- [GoBench: blocking bugs in Go (CGO 2021)](https://github.com/timmyyuan/gobench)
- [Tu et al., Understanding Real-World Concurrency Bugs in Go (ASPLOS 2019)](https://songlh.github.io/paper/go-study.pdf)
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import posixpath
import re
from collections import Counter
from typing import Any, Iterator

from goleaklint.analysis.channels import (
    ENDING,
    SelectExit,
    select_exits,
    channel_capacity,
    channel_origin,
    enclosing_select,
    field_owner,
    owner_name,
    same_owner,
    handed_makes,
    parameter_of,
    line,
    received_before,
    receive_channel,
    received_channel,
    receives_of,
    same_channel,
    sized_capacity,
    strip_parens,
    undeclared_call,
)
from goleaklint.analysis.cfg import conjuncts, has_endless_header, leaves_after, loop_exits, nil_operand, repeats
from goleaklint.analysis.lifetime import (PackageFiles, Shape, command_action, ends, ends_single, function_again, function_once,
                                          leak_checked, library_api, mentions, method_mentions, once_call, only_tests_call,
                                          started_for_process,
                                          test_code, test_cost_only)
from goleaklint.analysis.requests import serves_requests
from goleaklint.analysis.locks import flag_guard, stopped_under_flag
from goleaklint.analysis.names import LOCAL, PACKAGE, declaring_statement, names_for, package_groups, parameter_at, range_clause, receiver_type
from goleaklint.analysis.receivers import (answers_stop, closed_test, ends_on_value, only_made, stop_channels,
                                          stop_closes_sent, stop_receives, stopping_exits)
from goleaklint import parsing
from goleaklint.analysis.package import analysed_source, folder_files, package_clause, parsed
from goleaklint.analysis.types import types_for
from goleaklint.rules.blocking_send_receivers import (
    abandoning_loop,
    classify_receive,
    field_makes,
    field_receiver,
    local_receiver,
    receiver_after_go,
    settle,
)
from goleaklint.release import Release, analyze, shortest_fitting
from goleaklint.fixes import indentation, statement_in_block
from goleaklint.model import Confidence, Context, Edit, Fix, Report, Rule, Severity, Span, span_of
from goleaklint.syntax import (FUNCTION_TYPES, LINE_COMMENT, ancestors, arguments, assignments, call_name, carried,
                               child_index_after, descendants, enclosing_function, enclosing_loop, file_memo,
                               has_word, in_program, is_test_file, make_channel, named, parameters, previous,
                               statements, text, walk, within, word_starts)


def _unbuffered_local(origin, send, channel, ctx: Context) -> Report | None:
    """The timeout leak: a goroutine sends on an unbuffered channel made by the
    function that starts it, which receives only in a select that can leave first."""
    capacity = channel_capacity(origin.value, ctx.source)
    if capacity != 0 or sized_capacity(origin.value, ctx.source):
        return _abandoned(origin, send, send, origin.name, ctx)  # else buffered: see the docs
    if _before_any_receiver(origin, send, channel, ctx):
        return Report(send, f"send on unbuffered `{origin.name}` blocks forever: nothing else has it yet "
                            f"(made at line {line(origin.binding)}); buffer it or start the receiver first",
                      severity=Severity.ERROR)
    if _ends_with_process(origin.function, ctx):
        return None
    receiver = local_receiver(origin.function, send, channel, ctx.source)
    if receiver.verdict == "unseen":
        return _returned(origin, send, ctx)
    if receiver.verdict == "races" and not _races_alone(send, channel, receiver.exit, origin, ctx):
        receiver = receiver._replace(verdict="owned")
    go = _goroutine_of(send, origin.function)
    once = None
    literal = enclosing_function(send)
    if receiver.verdict in ("gives-up", "loop-ends") and go is not None and not _deferred(send, literal):
        def final(exit):
            return _end_signal(exit, literal, origin.function, ctx) or \
                _drained_by_helper(exit, channel, go, origin.function, ctx)
        real = local_receiver(origin.function, send, channel, ctx.source, final)
        if real.verdict in ("gives-up", "loop-ends"):
            receiver = real  # named: a way out other than the goroutine's end signal
        elif _group_end(receiver, go, origin.function, ctx):
            # the end of every run (`wg.Wait(); close(done)`): no send is left after it, but a
            # return that skips the receive leaves the other runs' sends behind
            if real.verdict != "skipped" or not _runs_twice(go, receiver, origin.function, ctx):
                return None
            receiver = real
        elif not _runs_twice(go, receiver, origin.function, ctx):
            return None  # it leaves only on the goroutine's end signal, sent after its last send
        else:
            once = {"confidence": Confidence.LOW}  # another run's sends: overlapping runs are not shown
    if receiver.verdict == "owned":
        return _abandoned(origin, send, send, origin.name, ctx)
    if receiver.verdict in ("gives-up", "loop-ends", "skipped", "races") and (_feeds_pipe(origin, send, ctx) or
                                                        _program_goroutine(send, origin, ctx)):
        return None
    if receiver.verdict == "gives-up" and (_signalled(receiver.exit, origin.function, ctx) or
                                           _signal_context(receiver.exit, origin.function, ctx)):
        return None
    if receiver.verdict == "gives-up" and _exit_sent_only_after(send, receiver.exit, origin.function, ctx):
        return None
    if receiver.verdict == "gives-up" and go is None and _called_by_closer(send, receiver, origin.function, ctx):
        return None
    if receiver.verdict in ("gives-up", "loop-ends", "skipped", "races") and _sent_after_close(send, channel, origin, ctx):
        return None
    loop = enclosing_loop(receiver.receive, origin.function) if receiver.verdict == "gives-up" else None
    # a goroutine started in the loop that stops receiving: that loop starts no more once it
    # stops, so what it leaves blocked is one run's, as for _abandoned
    low = once or _once_low(go, ctx, origin.function if go is not None and loop is not None and within(go, loop)
                            else None, send=send)
    if receiver.verdict == "gives-up":
        how = f"{_gives_up(receiver.exit)} through `{receiver.exit.label}` at line {line(receiver.exit.node)}"
        closed = _closed_on_exit(_exit_case(receiver.exit), channel, origin.function, ctx)
        if closed is not None:
            return Report(send, _panic_message(f"unbuffered `{origin.name}`", line(receiver.receive), how,
                                               line(closed)), confidence=Confidence.LOW)
        stop = _cancel_then_close(receiver.exit, channel, origin.function, ctx)
        if stop is not None:
            cancel, closed = stop
            # dropping the close alone would leave it blocked: it must also give up with the receiver
            return Report(send, shortest_fitting(*(
                f"send on {kind}`{origin.name}` panics if sent after the cancel at line {line(cancel)} stops its "
                f"receiver (line {line(receiver.receive)}) and line {line(closed)} closes it; select on the context, "
                "drop the close" for kind in ("unbuffered ", ""))), confidence=Confidence.LOW)
        fix = "buffer it"
    elif receiver.verdict == "loop-ends":
        return Report(send, f"send on unbuffered `{origin.name}` blocks forever if the loop at line "
                            f"{line(receiver.exit)} ends before its receive (line {line(receiver.receive)}) "
                            "takes it; buffer it", **low)
    elif receiver.verdict == "skipped":
        how = f"is skipped by the return at line {line(receiver.exit)}"
        fix = "buffer it or receive before returning"
    elif receiver.verdict == "races":
        how = f"takes `{receiver.exit.label}` (line {line(receiver.exit.node)}) first and never receives again"
        fix = "buffer it"
    else:
        return None
    return Report(
        send,
        f"send on unbuffered `{origin.name}` blocks forever if its receiver (line "
        f"{line(receiver.receive)}) {how}; {fix}",
        **low,
    )


def _once_low(go, ctx: Context, function=None, send=None) -> dict:
    """Report arguments for a goroutine of test code whose cost ends with the test
    binary (lifetime.test_cost_only: in a test, in no loop but over a table written out,
    in a package whose tests do not check for leaked goroutines): left blocked, it
    neither hangs, fails nor slows a test (low). For a goroutine that the package shows starts once per process
    (lifetime.started_for_process: from main or init, set-up code, a function that
    runs once, followed into the module's callers), or, given the declared function
    that starts goroutines in a loop over a collection and leaves some behind, that
    function runs once (lifetime.function_once): what it leaves blocked is one run's,
    whose harm rests on a repetition the code does not show (low). Not in a library's
    API (lifetime.library_api), whose users may call it again. In a program (package
    main, or under `cmd`), where lifetime takes nearly every function to run once, as
    _program_goroutine judges: a function that the package does not call again, in a
    loop or from a request handler (_set_up_once), or that ends the program's one object
    of its type (lifetime.ends_single); or one that runs once per process, its
    goroutines started once per element of a collection at most (_command_run). A goroutine of a helper that only
    test code calls (_test_helper), in a package whose tests do not check for leaked
    goroutines, costs the test binary only, as a test's own goroutine (low)."""
    at = go if go is not None else send  # a function value started elsewhere: its send
    if at is not None and test_cost_only(at, ctx.names, ctx.path or "", ctx.source, goroutines=True):
        return {"confidence": Confidence.LOW}  # a test's goroutine: see the docs
    start = enclosing_function(go) if go is not None else None
    while start is not None and start.type == "func_literal":
        start = enclosing_function(start)
    if go is None or library_api(start, PackageFiles.of(ctx)) is not False:
        return {}  # a library's API: its users may call it again
    if _test_helper(go, ctx) and not leak_checked(go, ctx.names, ctx.path or "", ctx.source):
        return {"confidence": Confidence.LOW}  # run by tests only: see the docs
    if in_program(ctx.path, ctx.names.package):
        # as _program_goroutine: a function the program does not call again, in a loop
        # or from a request handler
        once = start is not None and ((_set_up_once(start, ctx) or ends_single(start, PackageFiles.of(ctx))) and (
            function is not None or enclosing_loop(go, start) is None) or
            not repeats(go, ctx.names) and _command_run(start, ctx))
    else:
        once = started_for_process(go, ctx) or function is not None and function.type in (
            "function_declaration", "method_declaration") and function_once(function, PackageFiles.of(ctx))
    return {"confidence": Confidence.LOW} if once else {}


def _command_run(function, ctx: Context) -> bool:
    """Whether a declared function of a program runs a single time per process
    (lifetime.function_once's single view): a CLI framework's command action, main, or
    a function that only such code calls, up to two calls up, outside loops and `go`
    statements (two commands may each call it once: the program runs one of them)."""
    return function is not None and function.type in ("function_declaration", "method_declaration") and \
        function_once(function, PackageFiles.of(ctx), single=True, watched=True)


def _test_helper(go, ctx: Context) -> bool:
    """Whether the go statement is in an unexported function of a non-test file of a
    package that is not a program (package main, a test tree's runner, ends with its
    process), which only the package's `_test.go` files call (_test_only): a helper of
    its tests."""
    return not in_program(ctx.path, ctx.names.package) and _test_only(go, ctx)


def _exit_sent_only_after(send, exit, function, ctx: Context) -> bool:
    """Whether the channel the receiver leaves through is a local of the function that
    only the send's own goroutine sends on, past the send's loop, while the send is
    followed by a `return` (`if err != nil { errChan <- err; return }` in a loop, then
    `doneChan <- struct{}{}`): a goroutine that sent on the channel returns, and never
    gets to the send the receiver leaves on, so the receiver takes the value. Not for a
    goroutine started in a loop, whose other runs may send on the exit channel first."""
    channel = strip_parens(received_channel(exit.node)) if exit.kind == "receive" else None
    goroutine = enclosing_function(send)
    if channel is None or channel.type != "identifier" or goroutine is None or goroutine.type != "func_literal" or \
            enclosing_loop(goroutine, function) is not None or \
            channel_origin(channel, ctx.source, ctx.root).kind != "local" or not _returns_after(send):
        return False  # (a goroutine started in a loop: another one's done may come first)
    loop = enclosing_loop(send, goroutine)
    sends = []
    for use in ctx.names.uses(channel, function):
        holder = use.parent
        if holder is not None and holder.type == "expression_list":
            holder = holder.parent
        if holder is not None and holder.type == "send_statement" and holder.child_by_field_name("channel") == use:
            sends.append(holder)
        elif holder is not None and (holder.type == "unary_expression" or holder.type in (
                "short_var_declaration", "assignment_statement", "var_spec") and
                within(use, holder.child_by_field_name("left") or holder.child_by_field_name("name"))):
            continue  # its making, or a receive
        else:
            return False  # handed on or closed: someone else may end the wait
    return bool(sends) and all(enclosing_function(s) == goroutine and s.start_byte > send.end_byte and
                               not within(s, loop) for s in sends)


def _called_by_closer(send, receiver, function, ctx: Context) -> bool:
    """Whether the send is in a function literal that the function hands out only as a
    field of a struct literal (`readResult{f, err, gateDone}`, by position or by key),
    and every call of that field in the package (`res.readMore()`) is in the body of a
    declared function that closes, in its deferred code, the field channel every other
    case of the receiver's select waits on (`defer close(sc.doneServing)`): the caller
    is the receiver's only way out, and cannot have taken it while it still calls."""
    literal = enclosing_function(send)
    statement = literal.parent.parent if literal.type == "func_literal" and literal.parent is not None else None
    if statement is None or statement.type != "short_var_declaration" or \
            len(statement.child_by_field_name("left").named_children) != 1:
        return False
    select = enclosing_select(receiver.receive)
    cases = [c for c in select.named_children if c.type == "communication_case" and
             not within(receiver.receive, c)] if select is not None else []
    exits = {strip_parens(received_channel(c.child_by_field_name("communication"))) for c in cases}
    owners = {field_owner(e, ctx.source) for e in exits} - {None} if None not in exits else set()
    if not cases or None in exits or any(e.type != "selector_expression" for e in exits) or \
            len({ctx.text(e.child_by_field_name("field")) for e in exits}) != 1 or len(owners) > 1:
        return False  # the exits are not one field, of one struct type (field_owner)
    stop = ctx.text(next(iter(exits)).child_by_field_name("field"))
    name = statement.child_by_field_name("left").named_children[0]
    fields, kinds = set(), set()
    for use in ctx.names.uses(name, function):
        if use.start_byte == name.start_byte:
            continue
        element = use.parent
        holder = element.parent if element is not None and element.type == "literal_element" else None
        keyed = holder is not None and holder.type == "keyed_element" and holder.named_children[-1] == element
        composite = (holder.parent if keyed else holder) if holder is not None else None
        composite = composite.parent if composite is not None and composite.type == "literal_value" else None
        kind = ctx.types.type_node(composite.child_by_field_name("type")) if composite is not None and \
            composite.type == "composite_literal" else None
        kinds.add(owner_name(kind))
        if keyed:
            fields.add(ctx.text(holder.named_children[0]).strip())
            continue
        known = ctx.types.fields(kind) if kind is not None else []
        elements = [c for c in holder.named_children if c.type != "comment"] if holder is not None else []
        if not known or len(known) != len(elements):
            return False  # handed on another way: other callers
        fields.add(known[elements.index(element)][0])
    if len(fields) != 1 or any(has_word(o, next(iter(fields)).encode()) for o in PackageFiles.of(ctx).sources[1:]):
        return False
    field = next(iter(fields))
    # the calls of that field of the literals' type (a same-named field of another
    # struct type, field_owner, is another function); an unknown type may be it
    calls = [n for n in descendants(ctx.root, ("call_expression",)) if (lambda f: f is not None and
             f.type == "selector_expression" and ctx.text(f.child_by_field_name("field")) == field and
             (None in kinds or field_owner(f, ctx.source) in kinds | {None}))(n.child_by_field_name("function"))]
    owner = next(iter(owners), None)
    for call in calls:
        caller = enclosing_function(call)
        if caller is None or caller.type not in ("function_declaration", "method_declaration") or not any(
                a.type == "defer_statement" and (_sets_off_own(c, stop, ctx.source, owner) if owner is not None
                                                 else _sets_off(c, stop, ctx.source))
                for a in statements(caller.child_by_field_name("body"))
                for c in descendants(a, ("call_expression",), into_functions=False)) or \
                any(a.type == "go_statement" for a in ancestors(call) if within(a, caller)):
            return False
    return bool(calls)


def _sent_after_close(send, channel, origin, ctx: Context) -> bool:
    """Whether the goroutine gets to the send only past a loop of its own body that it
    leaves, other than by returning, only once a local channel is closed (`for v := range
    in`, or breaks under `!ok` or `v == nil` of the loop's receive of it), and the
    function that made the sent channel closes that channel once, outside the goroutine,
    and then receives from the sent channel in a plain receive with no `return` between:
    by the time the send runs, that receive is what waits for it (`close(rows); if err :=
    <-done; err != nil`), whatever the select before the close gave up on."""
    goroutine = enclosing_function(send)
    function = origin.function
    sent = strip_parens(channel)
    if goroutine is None or goroutine.type != "func_literal" or function is None or \
            sent is None or sent.type != "identifier":
        return False
    steps = statements(goroutine.child_by_field_name("body"))
    top = next((i for i, step in enumerate(steps) if within(send, step)), None)
    for step in steps[:top or 0]:
        loop = step.named_children[-1] if step.type == "labeled_statement" and step.named_children else step
        gate = _close_gate(loop, ctx) if loop.type == "for_statement" else None
        if gate is not None and _closed_then_received(gate, sent, goroutine, function, ctx):
            return True
    return False


def _close_gate(loop, ctx: Context) -> Any | None:
    """The channel identifier whose close alone ends loop other than by a return: the
    channel of `for v := range ch`, or, for an endless loop, the one channel whose
    receive (`v, ok := <-ch`, `case v = <-ch:`) every break out of the loop tests for
    the close (`!ok`, `v == nil`) in the `if` around it."""
    clause = next((c for c in loop.named_children if c.type in ("for_clause", "range_clause")), None)
    if clause is not None and clause.type == "range_clause":
        ranged = strip_parens(clause.child_by_field_name("right"))
        if ranged is None or ranged.type != "identifier" or any(
                e.type != "return_statement" for e in loop_exits(loop, ctx.source)):
            return None
        return ranged
    if not has_endless_header(loop):
        return None
    gate = None
    for exit in loop_exits(loop, ctx.source):
        if exit.type == "return_statement":
            continue
        tested = _closed_test(exit, loop, ctx) if exit.type == "break_statement" else None
        if tested is None or gate is not None and not ctx.names.same_variable(tested, gate):
            return None
        gate = tested
    return gate


def _closed_test(exit, loop, ctx: Context) -> Any | None:
    """The channel, a local, of the receive that the `if` around exit tests for a close
    (receivers.closed_test)."""
    test = closed_test(exit, loop, ctx.source)
    return test[0] if test is not None and test[0].type == "identifier" else None


def _closed_then_received(gate, sent, goroutine, function, ctx: Context) -> bool:
    """Whether function closes the channel gate once, in a statement of its own outside
    goroutine, that a plain receive from the sent channel follows in the same block
    with no `return` between (the receive may start the statement after it: `if err :=
    <-done; err != nil`)."""
    binding = ctx.names.resolve(gate)
    if binding is None or binding.kind != LOCAL or binding.decl is None or not within(binding.decl, function):
        return False
    closes = []
    for use in ctx.names.uses(gate, function):
        call = use.parent.parent if use.parent is not None and use.parent.type == "argument_list" else None
        if call is not None and call_name(call, ctx.source) == ("", "close"):
            closes.append(call)
    if len(closes) != 1 or within(closes[0], goroutine) or closes[0].parent.type != "expression_statement":
        return False
    step = closes[0].parent.next_named_sibling
    while step is not None:
        if step.type == "comment":
            step = step.next_named_sibling
            continue
        returns = [n for n in (step, *walk(step, into_functions=False)) if n.type == "return_statement"]
        for node in (step, *walk(step, into_functions=False)):
            received = strip_parens(received_channel(node)) if node.type == "unary_expression" else None
            if received is not None and received.type == "identifier" and ctx.names.same_variable(received, sent) \
                    and not any(a.type in ("communication_case", "select_statement") for a in ancestors(node)
                                if within(a, step)) and \
                    all(r.start_byte > node.start_byte or within(node, r) for r in returns):
                return True
        if returns:
            return False
        step = step.next_named_sibling
    return False


def _returns_after(send) -> bool:
    """Whether the statements after send in its block reach a `return` with no `break`
    or `continue` on the way; for a send that is a select case (`case errc <- err:`),
    those of its case, then those after the select (`select { case errc <- err: case
    <-ctx.Done(): }; return`)."""
    following = send.next_named_sibling
    while following is not None:
        if following.type == "return_statement":
            return True
        if any(n.type in ("continue_statement", "break_statement", "goto_statement")
               for n in (following, *walk(following))):
            return False
        following = following.next_named_sibling
    case = send.parent
    if case is not None and case.type == "communication_case" and case.child_by_field_name("communication") == send \
            and case.parent is not None and case.parent.type == "select_statement":
        return _returns_after(case.parent)
    return False


def _races_alone(send, channel, exit, origin, ctx: Context) -> bool:
    """Whether the goroutine that sends on the local channel sends once on every path
    (_sure_sender) and never names the channel of the select case that races its
    receive: a goroutine that closes or feeds that channel (`close(ready)` on success,
    `errc <- err` on failure) may tie its send to the case the receiver takes."""
    start = _sure_sender(channel, origin.function, ctx)
    other = received_channel(exit.node)
    literal = _sending_literal(send)
    if start is None or other is None or literal is None:
        return False
    base = strip_parens(other)
    while base is not None and base.type in ("selector_expression", "call_expression", "index_expression"):
        base = strip_parens(base.child_by_field_name("operand") or base.child_by_field_name("function"))
    if base is None or base.type != "identifier":
        return False
    return not any(n.type == "identifier" and ctx.names.same_variable(n, base) for n in walk(literal))


# Statements under which a send may not run: a goroutine holding one is no sure sender.
_CONDITIONAL = frozenset(("if_statement", "for_statement", "expression_switch_statement",
                          "type_switch_statement", "select_statement"))


def _outnumbered(origin, ctx: Context) -> Report | None:
    """More goroutines than receives: goroutines started by the function that made an
    unbuffered channel (`go func() {...}()`, `go half(a, b, done)` with half a function
    of the file, a `time.AfterFunc` callback), each sending on it exactly once on every
    path, outnumber the function's plain receives (`<-done`, outside loops and selects),
    and nothing else uses the channel: once the receives are done, the other senders
    block forever. Reported at the last sender's start."""
    function = origin.function
    if function is None or origin.binding is None or channel_capacity(origin.value, ctx.source) != 0 or \
            _ends_with_process(function, ctx):
        return None
    senders, receives = [], []
    for use in ctx.names.uses(origin.binding, function):
        if use == origin.binding:
            continue
        start = _sure_sender(use, function, ctx)
        if start is not None:
            senders.append(start)
        elif _plain_receive(use, function):
            receives.append(use)
        else:
            return None  # closed, ranged, selected on, handed on or sent on elsewhere
    if not receives or len(senders) <= len(receives):
        return None
    last = senders[-1]
    if (in_program(ctx.path, ctx.names.package) and _set_up_once(function, ctx)) or \
            test_code(last, ctx.names, ctx.path or ""):
        return None  # as for the timeout leak: set up once, it ends with the process or the test
    where = ", ".join(str(line(s)) for s in senders)
    times = "once" if len(receives) == 1 else f"{len(receives)} times"
    kind = "goroutines"  # a time.AfterFunc callback runs in a goroutine of its own
    return Report(last, shortest_fitting(
        f"{len(senders)} {kind} (lines {where}) each send once on unbuffered `{origin.name}`, received only "
        f"{times} (line {line(receives[0])}): the other sends block forever; buffer it",
        f"{len(senders)} {kind} each send once on unbuffered `{origin.name}`, received only {times} "
        f"(line {line(receives[0])}): the other sends block forever; buffer it"),
        related=tuple((s, "a sender") for s in senders[:-1]) + ((receives[0], "the receive"),))


def _sure_sender(use, function, ctx: Context):
    """The start (a go statement, or a `time.AfterFunc` call) of a goroutine of function
    that sends on `use` exactly once on every path (a bare send, in no branch or loop of
    its own; in a deferred literal too): the goroutine literal, or a function of the
    file it runs with the channel as an argument. None otherwise."""
    parent = use.parent
    if parent is not None and parent.type == "send_statement" and parent.child_by_field_name("channel") == use:
        literal = _sending_literal(parent)
        start = _literal_start(literal, function, ctx) if literal is not None else None
        if start is None or enclosing_loop(start, function) is not None or len(ctx.names.uses(use, literal)) != 1:
            return None  # started in a loop, or the goroutine also uses the channel otherwise
        return start
    if parent is None or parent.type != "argument_list" or parent.parent is None or \
            parent.parent.parent is None or parent.parent.parent.type != "go_statement":
        return None
    go = parent.parent.parent
    callee = parent.parent.child_by_field_name("function")
    binding = ctx.names.resolve(callee) if callee is not None and callee.type == "identifier" else None
    worker = binding.decl.parent if binding is not None and binding.kind == PACKAGE and binding.decl is not None \
        else None
    index = parent.named_children.index(use)
    param = parameter_at(worker, index) if worker is not None and worker.type == "function_declaration" else None
    if param is None or enclosing_loop(go, function) is not None or enclosing_function(go) != function:
        return None
    uses = [u for u in ctx.names.uses(param, worker) if u != param]
    if len(uses) != 1 or uses[0].parent is None or uses[0].parent.type != "send_statement" or \
            uses[0].parent.child_by_field_name("channel") != uses[0] or _sending_literal(uses[0].parent) is None:
        return None
    return go


def _sending_literal(send):
    """The function (literal or declaration) whose every run sends `send` once: the send
    is bare and under no branch or loop up to it, counting a deferred literal's body as
    its function's."""
    if not _bare(send):
        return None
    node = send.parent
    while node is not None:
        if node.type in _CONDITIONAL:
            return None
        if node.type == "func_literal" and node.parent is not None and node.parent.type == "call_expression" and \
                node.parent.parent is not None and node.parent.parent.type == "defer_statement":
            node = node.parent.parent
        elif node.type in FUNCTION_TYPES:
            return node
        node = node.parent
    return None


def _literal_start(literal, function, ctx: Context):
    """The go statement running a literal (`go func() {...}()`), or the `time.AfterFunc`
    call it is the callback of, in function itself."""
    call = literal.parent.parent if literal.parent is not None and literal.parent.type == "argument_list" \
        else literal.parent
    if call is None or call.type != "call_expression" or enclosing_function(call) != function:
        return None
    if call.child_by_field_name("function") == literal and call.parent is not None and \
            call.parent.type == "go_statement":
        return call.parent
    if literal.parent.type == "argument_list" and ctx.names.calls(call, "time", ("AfterFunc",)):
        return call
    return None


def _plain_receive(use, function) -> bool:
    """`<-ch` by function itself, outside loops and selects."""
    parent = use.parent
    if parent is None or parent.type != "unary_expression" or parent.child_by_field_name("operand") != use or \
            enclosing_function(use) != function or enclosing_loop(use, function) is not None:
        return False
    operator = parent.child_by_field_name("operator")
    return operator is not None and operator.type == "<-" and \
        not any(a.type in ("select_statement", "communication_case") for a in ancestors(parent))


def _feeds_pipe(origin, send, ctx: Context) -> bool:
    """Whether the sending goroutine also holds an end of an `io.Pipe()` made by the
    function (`pr, pw := io.Pipe(); go func() { io.Copy(gz, in); pw.Close(); results
    <- r }()`): once the function leaves early, nothing reads the pipe, the goroutine
    blocks on it before its send, and a buffer on the channel would not free it."""
    literal = enclosing_function(send)
    body = origin.function.child_by_field_name("body") if origin.function is not None else None
    if literal is None or literal.type != "func_literal" or body is None:
        return False
    for declaration in descendants(body, ("short_var_declaration",), into_functions=False):
        right = declaration.child_by_field_name("right")
        call = strip_parens(right.named_children[0]) if right is not None and right.named_child_count == 1 else None
        if call is None or call.type != "call_expression" or not ctx.names.calls(call, "io", ("Pipe",)):
            continue
        for end in declaration.child_by_field_name("left").named_children:
            if any(literal.start_byte <= use.start_byte < literal.end_byte
                   for use in ctx.names.uses(end, origin.function)):
                return True
    return False


def _abandoned(origin, call, send, shown: str, ctx: Context) -> Report | None:
    """Goroutines that send more than once on a local channel (a send in a loop, or,
    unbuffered, goroutines started in a loop) whose receive loop can leave early:
    the sends left wait forever. `call` is the send, or the call in the goroutine that
    hands the channel to the function sending on it; `shown` the name sent on."""
    capacity = channel_capacity(origin.value, ctx.source)
    if sized_capacity(origin.value, ctx.source) and not _constant_capacity(origin.value, ctx) \
            or origin.function is None or _ends_with_process(origin.function, ctx):
        return None
    go = _goroutine_of(call, origin.function)
    if go is None:
        return None
    repeats = _sends_in_loop(send, capacity != 0) or \
        (capacity == 0 and enclosing_loop(go, origin.function) is not None)
    if not repeats:
        return None
    sender = enclosing_function(call)
    final = functools.partial(_end_signal, sender=sender, starter=origin.function, ctx=ctx) \
        if enclosing_loop(go, origin.function) is None else None
    found = abandoning_loop(origin.function, sender, origin.binding, ctx.source, ctx.names, final)
    if found is None:
        return None
    kind = "unbuffered " if capacity == 0 else ""
    when = "" if capacity == 0 else " once its buffer fills"
    return Report(send, f"send on {kind}`{shown}` blocks forever{when} after the receiving loop (line "
                        f"{line(found.receive)}) leaves at line {line(found.exit)}; keep receiving or "
                        "select on a done channel",
                  related=((found.receive, "the receiving loop"), (found.exit, "it leaves here")),
                  **_once_low(go, ctx, origin.function))


def _ends_with_process(function, ctx: Context) -> bool:
    """A function whose return ends the program, so that nothing is left blocked: `main`
    of a program, or a command's action in one (a function literal in a package-level
    table, `var eventsCommand = cli.Command{Action: func(...) error {...}}`), or in any
    package a CLI framework's command action (lifetime.command_action)."""
    if function is not None and command_action(function, ctx.names, ctx.source):
        return True
    if function is None or not in_program(ctx.path, ctx.names.package):
        return False
    if function.type == "function_declaration":
        return ctx.text(function.child_by_field_name("name")) == "main"
    return function.type == "func_literal" and function.parent is not None and \
        function.parent.type == "literal_element" and enclosing_function(function.parent) is None and \
        function.parent.parent is not None and function.parent.parent.type == "keyed_element"


def _signalled(exit, function, ctx: Context) -> bool:
    """Whether the receiver gives up on a channel the function hands to
    `signal.Notify` (`case <-quit:` after `signal.Notify(quit, syscall.SIGTERM)`): the
    process was asked to stop, and what is left blocked ends with it."""
    channel = received_channel(exit.node) if exit.kind != "default" else None
    channel = strip_parens(channel) if channel is not None else None
    body = function.child_by_field_name("body") if function is not None else None
    if channel is None or channel.type != "identifier" or body is None:
        return False
    for call in descendants(body, ("call_expression",), into_functions=False):
        if ctx.names.calls(call, "os/signal", ("Notify",)):
            args = [a for a in call.child_by_field_name("arguments").named_children if a.type != "comment"]
            if args and same_channel(args[0], channel, ctx.source):
                return True
    return False


def _signal_context(exit, function, ctx: Context) -> bool:
    """Whether the receiver gives up on the `Done()` of a context parameter of its
    declared function (unexported, or a method of an unexported type: no other package
    names it) that every call of the package hands a context made by
    `signal.NotifyContext` (`ctx, stop := signal.NotifyContext(...)`, then `run(ctx)`,
    one call at least): it gives up once the process is asked to stop, as for
    _signalled."""
    channel = strip_parens(received_channel(exit.node)) if exit.kind == "receive" else None
    function_node = channel.child_by_field_name("function") if channel is not None and \
        channel.type == "call_expression" else None
    operand = function_node.child_by_field_name("operand") if function_node is not None and \
        function_node.type == "selector_expression" else None
    if operand is None or operand.type != "identifier" or ctx.text(function_node.child_by_field_name("field")) != \
            "Done" or function is None or function.type not in ("function_declaration", "method_declaration"):
        return False
    binding = ctx.names.resolve(operand)
    position = next((i for i in range(len(parameters(function, ctx.source, receiver=False)))
                     if parameter_at(function, i) is not None and binding.decl is not None and
                     parameter_at(function, i).start_byte == binding.decl.start_byte), None)
    name = ctx.text(function.child_by_field_name("name"))
    method = function.type == "method_declaration"
    if position is None or not (name[:1].islower() or method and receiver_type(function, ctx.source)[:1].islower()):
        return False
    package = PackageFiles.of(ctx)
    shape = Shape.of(function, ctx.source) if method else None
    calls = 0
    for index, other in enumerate(package.sources):
        if not has_word(other, name.encode()):
            continue
        root, names = package.file(index)
        found = mentions(root, other, names, function if index == 0 else None, name, method, shape)
        for node in found if found is not None else [None]:
            called = node.parent if method and node is not None else node
            call = called.parent if called is not None else None
            if call is None or call.type != "call_expression" or call.child_by_field_name("function") != called:
                return False  # handed on, or the name used another way: other callers unseen
            args = arguments(call)
            argument = strip_parens(args[position]) if position < len(args) else None
            made = names.made_by(argument, call) if argument is not None and argument.type == "identifier" else None
            if made is None or not names.calls(made, "os/signal", ("NotifyContext",)):
                return False
            calls += 1
    return calls > 0


def _program_goroutine(send, origin, ctx: Context) -> bool:
    """A goroutine of a program (`package main`, or a package under `cmd/`) started
    outside a loop: as for GL011, a program sets such a goroutine up once, and what it
    leaves blocked ends with the process (a command's UI poller, a notify-socket
    reader). Goroutines started in a loop are still reported."""
    if not in_program(ctx.path, ctx.names.package):
        return False
    go = _goroutine_of(send, origin.function)
    return go is not None and enclosing_loop(go, origin.function) is None and _set_up_once(origin.function, ctx)


def _set_up_once(function, ctx: Context) -> bool:
    """Whether a program runs function once: the package calls it at most once and
    outside a loop (`_called_again`), and not from a request handler of the file
    (`analysis/requests`: a function taking an `http.ResponseWriter` or `*http.Request`,
    a gRPC method), which runs once per request."""
    if _called_again(function, ctx):
        return False
    if function is None or function.type not in ("function_declaration", "method_declaration"):
        return True
    for node in named(ctx.root, ctx.source, ctx.text(function.child_by_field_name("name"))):
        called = node.parent if node.type == "field_identifier" else node
        call = called.parent if called is not None else None
        caller = enclosing_function(call) if call is not None and call.type == "call_expression" and \
            call.child_by_field_name("function") == called else None
        if caller is not None and serves_requests(caller, ctx.source, ctx.names):
            return False
    return True


def _called_again(function, ctx: Context) -> bool:
    """Whether the package's files name the declared function or method in a call more
    than once (`n.run(pid)`, then `go func() { n.run(0) }()`), or this file calls it in a
    loop (`for _, host := range hosts { go func() { run(host) }() }`): the program sets
    up its goroutine more than once, and the first one left blocked does not end with
    the process. A same-named function of another type counts too."""
    calls = _calls(function, ctx)
    return calls is None or calls > 1


def _calls(function, ctx: Context) -> int | None:
    """How many calls of the declared function or method the package's files show
    (see _called_again); None for a call in a loop of this file; 0 for a function
    literal."""
    if function is None or function.type not in ("function_declaration", "method_declaration"):
        return 0
    if function.type == "method_declaration":  # the calls that can be this method (lifetime.Shape)
        package, word = PackageFiles.of(ctx), ctx.text(function.child_by_field_name("name"))
        shape, found = Shape.of(function, ctx.source), 0
        for index, source in enumerate(package.sources):
            if not has_word(source, word.encode()):
                continue
            root, names = package.file(index)
            uses = mentions(root, source, names, function if index == 0 else None, word, True, shape)
            if uses is None:
                break  # the name is used another way too: count as below
            calls = [use.parent.parent for use in uses if use.parent.parent is not None and
                     use.parent.parent.type == "call_expression"]
            if index == 0 and any(a.type == "for_statement" for call in calls for a in ancestors(call)):
                return None
            found += len(calls)
        else:
            return found
    for node in named(ctx.root, ctx.source, ctx.text(function.child_by_field_name("name"))):
        called = node.parent if node.type == "field_identifier" else node
        call = called.parent if called is not None else None
        if call is not None and call.type == "call_expression" and call.child_by_field_name("function") == called \
                and any(a.type == "for_statement" for a in ancestors(call)):
            return None
    name = re.escape(ctx.text(function.child_by_field_name("name")).encode())
    called = re.compile(rb"(?<![\w])" + name + rb"\s*\(")
    declared = re.compile(rb"^func\s*(?:\([^)]*\)\s*)?" + name + rb"\s*[\[(]", re.M)
    facts = ctx.names.facts
    return sum(len(called.findall(source)) - len(declared.findall(source))
               for source in [ctx.source] + (facts.sources() if facts is not None else []))


def _helper(origin, send, spawned: list, ctx: Context) -> Report | None:
    """A function of this file that sends on its parameter in a loop, called from a
    goroutine (`go func() { produce(ctx, ch) }()`) with a local channel of the function
    that starts it, whose receive loop can leave early: reported at the send."""
    function = origin.function
    if function is None or function.type != "function_declaration":
        return None
    name = ctx.text(function.child_by_field_name("name"))
    index = ctx.names.parameter_index(strip_parens(send.child_by_field_name("channel")), function)
    if index is None:
        return None
    for literal in spawned:
        for call in walk(literal, into_functions=False):
            callee = call.child_by_field_name("function") if call.type == "call_expression" else None
            if callee is None or callee.type != "identifier" or ctx.text(callee) != name or \
                    ctx.names.resolve(callee).kind != PACKAGE:
                continue  # another function, or a local func variable named like it
            args = [a for a in call.child_by_field_name("arguments").named_children if a.type != "comment"]
            argument = args[index] if index < len(args) else None
            if argument is None or argument.type != "identifier":
                continue
            outer = channel_origin(argument, ctx.source, ctx.root)
            if outer.kind != "local" or make_channel(outer.value, ctx.source) is None or \
                    outer.function != enclosing_function(literal.parent):
                continue
            report = _abandoned(outer, call, send, origin.name, ctx)
            if report is not None:
                return report
    return None


def _quit_between_sends(origin, send, ctx: Context) -> Report | None:
    """A bare send on a channel parameter (`errCh <- err`) in a loop of a function that
    also takes a quit channel and leaves when it arrives (`case <-quitCh: return` in a
    select of the same loop): the caller asks it to stop through quitCh, and a caller
    that quits stops receiving, so a send under way then blocks forever. Reported at the
    send; the function watches quitCh only between its sends."""
    function = origin.function
    if function is None or function.type not in ("function_declaration", "method_declaration"):
        return None
    loop = enclosing_loop(send, function)
    body = function.child_by_field_name("body")
    channel = strip_parens(send.child_by_field_name("channel"))
    if loop is None or body is None or receives_of(body, channel, ctx.source):
        return None  # not in a loop, or the function receives from it too
    for select in descendants(loop, ("select_statement",), into_functions=False):
        if enclosing_loop(select, function) != loop:
            continue
        for case in select.named_children:
            communication = case.child_by_field_name("communication") if case.type == "communication_case" else None
            quit = received_channel(communication) if communication is not None and \
                communication.child_by_field_name("left") is None else None  # `case <-quit:`: a signal
            if quit is None or quit.type != "identifier" or ctx.names.same_variable(quit, channel) or \
                    within(send, case) or not any(s.type == "return_statement" for s in statements(case)):
                continue
            if any(ctx.names.same_path(s.child_by_field_name("channel"), channel)
                   for s in descendants(case, ("send_statement",), into_functions=False)):
                continue  # it sends on the channel as it quits: the caller receives after quit
            quit_origin = channel_origin(quit, ctx.source, ctx.root)
            if quit_origin.kind != "param" or quit_origin.function != function:
                continue
            if test_code(send, ctx.names, ctx.path or ""):
                return None  # asked last: it may read the module's index
            if _receivers_outlast_senders(origin, send, ctx):
                return None  # the caller stops the receivers only once every sender is done
            makes = handed_makes(origin, ctx.types, ctx.source, ctx.root, closures=True)
            if makes and all(sized_capacity(m, ctx.source) and not _constant_capacity(m, ctx) for m in makes):
                return None  # as _abandoned: every caller sized its buffer for the work it hands out
            # a send right after its own case's pick blocks only if the caller quits in
            # that instant: a race the code does not show happening
            low = {"confidence": Confidence.LOW} if _sent_on_pick(send, select, ctx) else {}
            return Report(send, shortest_fitting(
                f"send on `{origin.name}` blocks forever once the caller stops receiving after "
                f"`{ctx.text(quit)}` (line {line(communication)}), which the loop checks only between sends; "
                f"select on `<-{ctx.text(quit)}` here too",
                f"send on `{origin.name}` blocks forever once the caller quits through `{ctx.text(quit)}` "
                f"(line {line(communication)}); select on `<-{ctx.text(quit)}` here too"), **low)
    return None


def _receivers_outlast_senders(origin, send, ctx: Context) -> bool:
    """Whether every start of the sending function in the file is a `go` (`go
    worker(jobs, out, quit, wg)`) handed a group the function marks done after the send
    (`out <- v; wg.Done()`, or a deferred Done) and a local channel of the starter that
    only goroutines of the file's functions receive (`go reader(out, stop, ...)`),
    each of whose receive loops stops only through channel parameters the starter
    signals (a send on, or close of, the channel it hands there) after a `wg.Wait()` of
    that group earlier in an enclosing block: the receivers stay until every counted
    send has been taken, so a sender that quits late strands nothing."""
    function, index = parameter_of(origin, ctx.source)
    if index is None:
        return False
    groups = set()  # parameter indices of the groups marked done after the send
    for i, param in enumerate(_parameters(function)):
        if param is None:
            continue
        for use in ctx.names.uses(param, function):
            call = use.parent.parent if use.parent.type == "selector_expression" else None
            if call is not None and call.type == "call_expression" and \
                    ctx.text(use.parent.child_by_field_name("field")) == "Done" and \
                    (call.start_byte > send.end_byte or _deferred(call, function)):
                groups.add(i)
    calls = ctx.types.calls_of(function)
    if not groups or not calls:
        return False
    for call in calls:
        given = arguments(call)
        channel = strip_parens(given[index]) if index < len(given) else None
        starter = enclosing_function(call)
        waited = [strip_parens(given[i]) for i in groups if i < len(given)]
        if call.parent is None or call.parent.type != "go_statement" or channel is None or \
                channel.type != "identifier" or starter is None or \
                not waited or any(w is None or w.type != "identifier" for w in waited):
            return False
        for use in ctx.names.uses(channel, starter):
            holder = use.parent.parent if use.parent is not None and use.parent.type == "argument_list" else None
            if holder == call:
                continue
            if use.parent.type == "expression_list" and use.parent.parent is not None and \
                    use.parent.parent.type in ("short_var_declaration", "assignment_statement") and \
                    use.parent == use.parent.parent.child_by_field_name("left"):
                continue  # its making
            receiver = ctx.types.called(holder) if holder is not None and holder.parent is not None and \
                holder.parent.type == "go_statement" else None
            if receiver is None or not _stopped_after_wait(receiver, holder, arguments(holder).index(use), waited,
                                                           starter, ctx):
                return False
    return True


def _stopped_after_wait(receiver, go_call, index: int, waited: list, starter, ctx: Context) -> bool:
    """Whether the receive loops of receiver's index-th parameter stop only through
    channel parameters whose arguments at go_call the starter sends on or closes only
    after a `.Wait()` of one of the waited groups (see _receivers_outlast_senders)."""
    param = parameter_at(receiver, index)
    if param is None:
        return False
    receives = [u for u in ctx.names.uses(param, receiver) if u.start_byte != param.start_byte]
    if not receives:
        return False
    for use in receives:
        receive = use.parent if use.parent.type == "unary_expression" and received_channel(use.parent) == use else \
            use.parent if use.parent.type == "range_clause" else None
        stops = stop_receives(receive, ctx.source) if receive is not None else None
        if stops is None:
            return False
        for stop in stops:
            binding = ctx.names.resolve(stop) if stop.type == "identifier" else None
            at = next((i for i, p in enumerate(_parameters(receiver)) if p is not None and
                       binding is not None and binding.decl == p), None)
            signal = strip_parens(arguments(go_call)[at]) if at is not None and at < len(arguments(go_call)) else None
            if signal is None or signal.type != "identifier":
                return False
            for other in ctx.names.uses(signal, starter):
                parent = other.parent
                statement = parent if parent.type == "send_statement" and \
                    parent.child_by_field_name("channel") == other else \
                    parent.parent.parent if parent.type == "argument_list" and \
                    call_name(parent.parent, ctx.source) == ("", "close") else None
                if statement is None:
                    continue  # its making, or handed to the receivers
                if not any(_waits_before(w, statement, starter, ctx) for w in waited):
                    return False
    return True


def _parameters(function) -> list:
    """The identifiers declaring function's parameters in order (None for an unnamed or
    variadic one: analysis/names.parameter_at)."""
    params = function.child_by_field_name("parameters")
    total = sum(max(1, len(d.children_by_field_name("name"))) for d in (params.named_children if params else [])
                if d.type in ("parameter_declaration", "variadic_parameter_declaration"))
    return [parameter_at(function, i) for i in range(total)]


def _waits_before(group, statement, starter, ctx: Context) -> bool:
    """Whether a `group.Wait()` statement comes before statement in a block around it."""
    for use in ctx.names.uses(group, starter):
        call = use.parent.parent if use.parent.type == "selector_expression" else None
        holder = call.parent if call is not None and call.type == "call_expression" else None
        if holder is not None and holder.type == "expression_statement" and \
                ctx.text(use.parent.child_by_field_name("field")) == "Wait" and \
                holder.end_byte <= statement.start_byte and holder.parent is not None and \
                within(statement, holder.parent):
            return True
    return False


# Calls that cannot wait: builtins and error constructors.
_INSTANT_CALLS = {("", n) for n in ("len", "cap", "append", "copy", "make", "new", "min", "max", "delete")} | \
    {("errors", "New"), ("fmt", "Errorf")}


def _sent_on_pick(send, select, ctx: Context) -> bool:
    """Whether send sits in a case of select (the one with the quit case) with nothing
    that can wait or take long between the pick and the send: no call other than a
    builtin or an error constructor, no channel operation, in the case's code up to the
    send (conditions, earlier statements, the value sent). The caller can quit while the
    sender is past its select only in that instant."""
    case = next((a for a in ancestors(send) if a.parent == select), None)
    if case is None or case.type != "communication_case":
        return False
    on_way = [send]  # what runs between the pick and the send, on the send's path
    for holder in ancestors(send):
        if holder == case:
            break
        if holder.type == "if_statement":
            on_way.append(holder.child_by_field_name("condition"))
        for sibling in holder.named_children if holder.type in ("block", "statement_list") else ():
            if sibling.end_byte > send.start_byte:
                break
            leaves = sibling.type == "if_statement" and sibling.child_by_field_name("alternative") is None and \
                any(s.type in ("return_statement", "break_statement", "continue_statement")
                    for s in statements(sibling.child_by_field_name("consequence"))[-1:])
            on_way.append(sibling.child_by_field_name("condition") if leaves else sibling)
    for node in (n for top in on_way if top is not None for n in (top, *walk(top))):
        if node.type in ("go_statement", "func_literal") or node.type == "send_statement" and node != send or \
                received_channel(node) is not None and node.type == "unary_expression" or \
                node.type == "call_expression" and call_name(node, ctx.source) not in _INSTANT_CALLS:
            return False
    return True


def _constant_capacity(make, ctx: Context) -> bool:
    """`make(chan T, bufSize)` with bufSize a package-level constant of this file: a
    fixed buffer, not one sized for the senders."""
    args = [a for a in make.child_by_field_name("arguments").named_children if a.type != "comment"]
    size = strip_parens(args[1]) if len(args) > 1 else None
    if size is None or size.type != "identifier":
        return False
    decl = ctx.names.resolve(size).decl
    return decl is not None and decl.parent is not None and decl.parent.type == "const_spec" \
        and enclosing_function(decl) is None


def _sends_in_loop(send, unconditionally: bool) -> bool:
    """Whether send sits in a loop of its function and can run again: the statement
    after it is not a return or break; with unconditionally, no `if`, `switch` or
    `select` between the loop and the send either (a buffer of one holds a send that
    happens once, `if err != nil { errc <- err }`, however the loop turns)."""
    loop = enclosing_loop(send, enclosing_function(send))
    if loop is None:
        return False
    if leaves_after(send, loop):
        return False
    return not unconditionally or not any(
        a.type in ("if_statement", "expression_switch_statement", "type_switch_statement",
                   "select_statement") for a in ancestors(send) if a.start_byte > loop.start_byte)


def _returned_message(name: str, function: str, where: str) -> str:
    return (f"send on unbuffered `{name}` blocks forever when a caller drops the channel {function} "
            f"returns ({where}); buffer it")


def _selected_message(name: str, function: str, where: str) -> str:
    return (f"send on unbuffered `{name}` blocks forever when the select at {where} takes another case "
            f"than the channel {function} returns; buffer it")


def _waiting_callers(ctx: Context) -> dict[str, tuple[int, str, bool]]:
    """Function name -> (line, how, once) of a select of this file that stops waiting for the
    channel a call of it returned: `done := Go(f)` and then, as for a local channel
    (local_receiver), only receives in a select that can leave through another case
    first; `done` used for nothing else. The value sent then has no taker. once: the
    function holding the select runs once per process (lifetime.function_once)."""
    memo = file_memo(ctx.source)  # once per file: the editor server runs the check twice per edit
    if _waiting_callers in memo:
        return memo[_waiting_callers]
    found: dict[str, tuple[int, str, bool]] = {}
    memo[_waiting_callers] = found
    selects = _selects(ctx.root, ctx.source)
    at = 0
    while at < len(selects):
        # the selects of one top-level declaration, whose answers its text decides
        top = selects[at]
        while top.parent is not None and top.parent.parent is not None:
            top = top.parent
        group = list(itertools.takewhile(lambda s: s.start_byte < top.end_byte, selects[at:]))
        at += len(group)
        text = ctx.source[top.start_byte:top.end_byte]
        kept = _waits_kept.get(text) if not top.has_error else None
        if kept is None:
            first = top.start_point[0]
            kept = [(name, line - first, how) for name, line, how in _waits(group, ctx)]
            if not top.has_error:
                if len(_waits_kept) >= _WAITS_KEPT:
                    _waits_kept.clear()
                _waits_kept[text] = kept
        for name, line_in, how in kept:
            if name in found:
                continue
            where = top.start_point[0] + line_in
            select = next((s for s in group if s.start_point[0] + 1 == where), None)
            function = ctx.names.outermost_function(select) if select is not None else None
            # the waiting function runs once per process (a daemon's Run from main):
            # what it leaves blocked is one run's, gone with the process (low)
            once = function is not None and function.type in ("function_declaration", "method_declaration") \
                and function_once(function, PackageFiles.of(ctx))
            found[name] = (where, how, once)
    return found


# A top-level declaration's text -> what `_waits` gives for its selects (lines counted
# from its first): all they read is in it (the channel's binding and uses are in the
# select's function, the rest is syntax), so an edit elsewhere leaves it as it was.
_waits_kept: dict[bytes, list[tuple[str, int, str]]] = {}
_WAITS_KEPT = 5000


def _waits(selects: list, ctx: Context) -> Iterator[tuple[str, int, str]]:
    """(function name, line, how) for each select of selects that stops waiting for
    the channel a call of the function returned (see `_waiting_callers`)."""
    for select in selects:
        if not select_exits(select, ctx.source):
            continue
        for case in select.named_children:
            channel = received_channel(case.child_by_field_name("communication")) \
                if case.type == "communication_case" else None
            if channel is None or channel.type != "identifier":
                continue
            binding = ctx.names.reaching(channel, channel)
            value = strip_parens(binding[1]) if binding is not None and binding[1] is not None else None
            callee = value.child_by_field_name("function") if value is not None and \
                value.type == "call_expression" else None
            function = enclosing_function(select)
            if callee is None or callee.type != "identifier" or function is None or \
                    enclosing_function(binding[0]) != function:
                continue
            uses = [u for u in ctx.names.uses(channel, function) if u != binding[0]]
            if not all(received_channel(u.parent) == u for u in uses):
                continue  # handed on, stored, closed or returned: another may receive
            receiver = receiver_after_go(function, None, channel, ctx.source)
            if receiver.verdict == "gives-up":
                how = f"{_gives_up(receiver.exit)} through `{receiver.exit.label}`"
                yield ctx.text(callee), line(receiver.receive.parent.parent), how


def _selects(root, source: bytes) -> list:
    """The file's select statements in source order (`descendants(root,
    ("select_statement",))`), found from where the keyword occurs: a query over a
    large file cost the editor server tens of ms per run of the rule."""
    found = []
    for at in word_starts(source, b"select"):
        keyword = root.descendant_for_byte_range(at, at + 6)
        if keyword is not None and keyword.type == "select" and keyword.parent is not None and \
                keyword.parent.type == "select_statement":
            found.append(keyword.parent)
    return found


def _waiting_message(name: str, function: str, where: str, how: str) -> str:
    """The message for a send on the channel a caller's select stops waiting for."""
    return shortest_fitting(*(f"send on unbuffered `{name}` blocks forever if the select at {where} {way} "
                              f"before it takes the channel {function} returns; buffer it"
                              for way in (how, how.split(" through ")[0] + " through another case",
                                          how.split(" through ")[0])))


def _other_cases(case) -> bool:
    """Whether the select of a case has another case (a default too) that can go first."""
    return case.parent is not None and any(
        c != case and c.type in ("communication_case", "default_case") for c in case.parent.named_children)


def _returned(origin, send, ctx: Context) -> Report | None:
    """A goroutine started by a function that returns the unbuffered channel it sends
    on (`func Go(f func() error) chan error`): the send waits for the caller, and a
    caller that drops the result never receives. Callers in this file are read here,
    the package's other files in the package pass."""
    function = origin.function
    if function is None or function.type != "function_declaration" or \
            _goroutine_of(send, function) is None or not _returns(function, origin.binding, ctx):
        return None
    name = ctx.text(function.child_by_field_name("name"))
    dropped = ctx.facts.get("dropped", {}).get(name)
    selected = ctx.facts.get("selected", {}).get(name)
    if dropped is not None:
        return Report(send, _returned_message(origin.name, name, f"line {dropped}"))
    if selected is not None:
        return Report(send, _selected_message(origin.name, name, f"line {selected}"))
    waiting = ctx.facts.get("waiting", {}).get(name)
    if waiting is not None:
        return Report(send, _waiting_message(origin.name, name, f"line {waiting[0]}", waiting[1]),
                      confidence=Confidence.LOW if len(waiting) > 2 and waiting[2] else None)
    ctx.facts.setdefault("returned_sends", []).append((tuple(span_of(send)), origin.name, name))
    return None


def _goroutine_of(send, function):
    """The go statement of function that runs the literal holding send, if it is one."""
    literal = enclosing_function(send)
    go = literal.parent.parent if literal is not None and literal.type == "func_literal" \
        and literal.parent is not None else None
    if go is not None and go.type == "go_statement" and enclosing_function(go) == function:
        return go
    return None


def _returns(function, variable, ctx: Context) -> bool:
    """Whether every return of function (outside its literals) gives back the variable
    the identifier `variable` names (through analysis/names: a shadowing one is another)."""
    body = function.child_by_field_name("body")
    returns = [n for n in walk(body, into_functions=False) if n.type == "return_statement"] \
        if body is not None else []
    if variable is None or variable.type != "identifier":
        return False
    firsts = [r.named_children[0] if r.named_children else None for r in returns]
    firsts = [f.named_children[0] if f is not None and f.type == "expression_list" and f.named_children else f
              for f in firsts]
    return bool(returns) and all(f is not None and f.type == "identifier" and ctx.names.same_variable(f, variable)
                                 for f in firsts)


def _before_any_receiver(origin, send, channel, ctx: Context) -> bool:
    """A send by the function that made the channel, in its own body, with no use of
    the channel between the make and the send: no goroutine, closure or callee can
    hold it yet, so nothing can be receiving (`errc := make(chan error); errc <- err`)."""
    if enclosing_function(send) != origin.function or channel.type != "identifier":
        return False
    return not any(origin.binding.end_byte <= use.start_byte < send.start_byte
                   for use in ctx.names.uses(channel, origin.function))


def _named_worker(go, callee, ctx: Context) -> Iterator[Report]:
    """`go fetch(url, results)` with fetch a function of this file that sends bare on
    the parameter it got `results` as, and `results` an unbuffered channel made by
    the caller, which can stop receiving: reported at the go statement."""
    name = ctx.text(callee)
    binding = ctx.names.resolve(callee)  # a local function value of that name is another
    worker = binding.decl.parent if binding.kind == PACKAGE and binding.decl is not None else None
    if worker is None or worker.type != "function_declaration":
        return
    call = callee.parent  # the matched call: in a broken file `go` may hold others first
    arguments = call.child_by_field_name("arguments") if call is not None else None
    for index, arg in enumerate(arguments.named_children if arguments is not None else []):
        if arg.type != "identifier":
            continue
        origin = channel_origin(arg, ctx.source, ctx.root)
        if origin.kind != "local" or channel_capacity(origin.value, ctx.source) != 0:
            continue
        param = parameter_at(worker, index)
        body = worker.child_by_field_name("body")
        if param is None or body is None:
            continue
        sends = [n for n in walk(body) if n.type == "send_statement"
                 and _names_param(n.child_by_field_name("channel"), param, ctx)
                 and _bare(n)]
        param = ctx.text(param)
        if not sends:
            continue
        receiver = receiver_after_go(origin.function, go, arg, ctx.source)
        if _left_with_process(go, origin, ctx):
            continue  # as _unbuffered_local: the process ends with its receiver
        low = _once_low(go, ctx)
        if receiver.verdict in ("gives-up", "loop-ends") and not any(_deferred(s, worker) for s in sends):
            final = functools.partial(_end_signal, sender=worker, starter=origin.function, ctx=ctx)
            real = receiver_after_go(origin.function, go, arg, ctx.source, final=final)
            if real.verdict in ("gives-up", "loop-ends"):
                receiver = real  # named: a way out other than the worker's end signal
            elif not _runs_twice(go, receiver, origin.function, ctx):
                continue  # it leaves only on the worker's end signal, sent after its last send
            else:
                low = {"confidence": Confidence.LOW}  # another run's sends: overlapping runs are not shown
        if receiver.verdict == "gives-up":
            exit = receiver.exit
            how = f"{_gives_up(exit)} through `{exit.label}` at line {line(exit.node)}"
        elif receiver.verdict == "loop-ends":
            how = f"waits in a loop (line {line(receiver.exit)}) that can end first"
        elif receiver.verdict == "skipped" and not _told_to_stop(go, origin.function, worker, ctx):
            how = f"is skipped by the return at line {line(receiver.exit)}"
        else:
            continue
        yield Report(
            go,
            f"{name} sends on unbuffered `{origin.name}` (as `{param}`, line {line(sends[0])}) and "
            f"blocks forever if its receiver (line {line(receiver.receive)}) {how}; buffer it",
            **low,
        )


def _end_signal(exit, sender, starter, ctx: Context) -> bool:
    """Whether the select exit receives a local channel of the starter that is the
    goroutine's end signal: the goroutine's function (sender: the literal go runs, or a
    function of the file that go hands the channel to) sends on it or closes it only
    from its deferred code (`defer func() { donec <- id }()`, `defer close(done)`),
    after every other statement, and the starter otherwise only receives from it or
    hands it to a `go` of the same function. A receiver that leaves when it comes has
    taken the goroutine's last word: that goroutine has no send left."""
    if _cancelled_after_wait(exit, sender, starter, ctx) is not None:
        return True
    channel = strip_parens(received_channel(exit.node)) if exit.kind == "receive" else None
    binding = ctx.names.resolve(channel) if channel is not None and channel.type == "identifier" else None
    if binding is None or binding.kind != LOCAL or binding.decl is None or not within(binding.decl, starter):
        return False  # (a channel of an outer function: its other uses are not read)
    signalled = False
    for use in ctx.names.uses(channel, starter):
        parent = use.parent
        statement = parent.parent if parent is not None and parent.type == "expression_list" else None
        call = parent.parent if parent is not None and parent.type == "argument_list" else None
        if within(use, sender):
            if not _deferred_signal(use, sender, ctx) and not _returning_send(use, sender):
                return False
            signalled = True
        elif parent.type == "unary_expression" and received_channel(parent) == use or statement is not None and \
                statement.type in ("short_var_declaration", "var_spec", "assignment_statement") and \
                within(use, statement.child_by_field_name("left") or statement.child_by_field_name("name")):
            continue  # a receive, or its making
        elif call is not None and call.parent is not None and call.parent.type == "go_statement" and \
                ctx.types.called(call) == sender:
            param = parameter_at(sender, parent.named_children.index(use))
            uses = [u for u in ctx.names.uses(param, sender) if u.start_byte != param.start_byte] \
                if param is not None else []
            if not uses or not all(_deferred_signal(u, sender, ctx) for u in uses):
                return False
            signalled = True
        elif call is not None and _closed_after_wait(call, sender, ctx):
            signalled = True  # `wg.Wait(); close(done)`: only once the goroutine has finished
        else:
            return False  # handed on, sent on or closed elsewhere: someone else may end the wait
    return signalled


def _group_end(receiver, go, starter, ctx: Context) -> bool:
    """Whether the receiver leaves (through the select exit it gives up on, or by the
    loop around its select ending) on a local channel whose only close is
    `_closed_after_wait`'s, after the loop that starts the goroutine go: it comes once
    every run has finished."""
    if receiver.verdict == "gives-up":
        nodes = [receiver.exit.node] if getattr(receiver.exit, "kind", None) == "receive" else []
    elif receiver.verdict == "loop-ends" and receiver.receive is not None and receiver.receive.parent is not None:
        select = receiver.receive.parent.parent  # `for !done { select { case <-finished: done = true ...`
        nodes = [c.child_by_field_name("communication") for c in select.named_children
                 if c.type == "communication_case"] if select is not None and select.type == "select_statement" else []
    else:
        nodes = []
    loop = enclosing_loop(go, starter)
    literal = _go_literal(go)
    for node in nodes:
        channel = strip_parens(received_channel(node)) if node is not None else None
        cancel = _cancelled_after_wait(SelectExit("receive", node, ""), literal, starter, ctx) if literal is not None else None
        if cancel is not None and (loop is None or cancel.start_byte > loop.end_byte):
            return True
        if channel is None or channel.type != "identifier" or literal is None:
            continue
        closes = [use.parent.parent for use in ctx.names.uses(channel, starter)
                  if use.parent is not None and use.parent.type == "argument_list"]
        if len(closes) == 1 and _closed_after_wait(closes[0], literal, ctx) and \
                (loop is None or closes[0].start_byte > loop.end_byte):
            return True
    return False


def _go_literal(go):
    """The function literal a `go func() {...}()` statement runs, else None."""
    call = go.named_children[0] if go is not None and go.named_children else None
    function = strip_parens(call.child_by_field_name("function")) if call is not None and \
        call.type == "call_expression" else None
    return function if function is not None and function.type == "func_literal" else None


def _closed_after_wait(call, sender, ctx: Context) -> bool:
    """Whether call is `close(done)` as the statement right after `wg.Wait()`, with
    wg a WaitGroup whose `Done` the sender defers at its top level (`defer wg.Done()`):
    the close comes only after the sender has run its last statement."""
    if call_name(call, ctx.source) != ("", "close"):
        return False
    return _after_wait(call, sender, ctx)


def _after_wait(call, sender, ctx: Context) -> bool:
    """Whether the call is a statement right after `wg.Wait()`, with wg a WaitGroup whose
    `Done` the sender defers at its top level: it runs only after the sender has run its
    last statement."""
    statement = call.parent
    if statement is None or statement.type != "expression_statement":
        return False
    before = statement.prev_named_sibling
    while before is not None and before.type == "comment":
        before = before.prev_named_sibling
    wait = strip_parens(before.named_children[0]) if before is not None and \
        before.type == "expression_statement" and before.named_children else None
    function = wait.child_by_field_name("function") if wait is not None and wait.type == "call_expression" else None
    if function is None or function.type != "selector_expression" or arguments(wait) or \
            ctx.text(function.child_by_field_name("field")) != "Wait":
        return False
    group = function.child_by_field_name("operand")
    body = sender.child_by_field_name("body")
    for step in statements(body) if body is not None else ():
        done = step.named_children[0] if step.type == "defer_statement" and step.named_children else None
        function = done.child_by_field_name("function") if done is not None and done.type == "call_expression" else None
        if function is not None and function.type == "selector_expression" and not arguments(done) and \
                ctx.text(function.child_by_field_name("field")) == "Done" and \
                ctx.text(function.child_by_field_name("operand")) == ctx.text(group) and \
                ctx.names.same_base(function.child_by_field_name("operand"), group):
            return True
    return False


def _drained_by_helper(exit, channel, go, starter, ctx: Context) -> bool:
    """Whether the select case exit leaves through hands the local channel to a function
    of the file (`case <-ctx.Done(): e.shutdown(server, errc); return`), called as a
    statement of the case before any `return`, whose body receives from that parameter
    with a plain `<-p` statement before any `return` (it stops the server, then waits
    for its result): the one goroutine's value is taken on that way out too. Not for a
    goroutine started in a loop: one receive takes one sender's value."""
    channel = strip_parens(channel)
    if channel is None or channel.type != "identifier" or enclosing_loop(go, starter) is not None:
        return False
    for step in statements(_exit_case(exit)):
        if step.type == "return_statement":
            return False
        call = strip_parens(step.named_children[0]) if step.type == "expression_statement" else None
        if call is None or call.type != "call_expression":
            continue
        callee = ctx.types.called(call)
        for index, argument in enumerate(arguments(call)):
            argument = strip_parens(argument)
            if argument.type != "identifier" or not ctx.names.same_variable(argument, channel) or callee is None:
                continue
            param = parameter_at(callee, index)
            if param is not None and _receives_first(callee, param, ctx):
                return True
    return False


def _field_drained_on_exit(receiver, field: str, ctx: Context) -> bool:
    """Whether the select case the field's receiver leaves through hands the value
    whose field it receives (`x` or `&x` for `<-x.done`) to a function of the file,
    called as a statement of the case before any `return`, that receives from that
    parameter's field (`<-p.done`, in a goroutine it starts too): the value still to
    come is taken on that way out as well."""
    channel = strip_parens(receive_channel(receiver.receive)) if receiver.receive is not None else None
    operand = strip_parens(channel.child_by_field_name("operand")) if channel is not None and \
        channel.type == "selector_expression" and ctx.text(channel.child_by_field_name("field")) == field else None
    case = next((a for a in ancestors(receiver.exit) if a.type == "communication_case"), None) \
        if operand is not None and operand.type == "identifier" and receiver.exit is not None else None
    for step in statements(case) if case is not None else ():
        if step.type == "return_statement":
            return False
        call = strip_parens(step.named_children[0]) if step.type == "expression_statement" else None
        callee = ctx.types.called(call) if call is not None and call.type == "call_expression" else None
        for index, argument in enumerate(arguments(call) if callee is not None else ()):
            argument = strip_parens(argument)
            if argument.type == "unary_expression" and ctx.text(argument).startswith("&"):
                argument = strip_parens(argument.named_children[0])
            param = parameter_at(callee, index) if argument.type == "identifier" and \
                ctx.names.same_variable(argument, operand) else None
            body = callee.child_by_field_name("body") if param is not None else None
            for node in walk(body) if body is not None else ():
                taken = strip_parens(received_channel(node)) if node.type == "unary_expression" else None
                base = strip_parens(taken.child_by_field_name("operand")) if taken is not None and \
                    taken.type == "selector_expression" else None
                if base is not None and base.type == "identifier" and \
                        ctx.text(taken.child_by_field_name("field")) == field and ctx.names.same_variable(base, param):
                    return True
    return False


def _receives_first(function, param, ctx: Context) -> bool:
    """Whether a statement of function's body is a plain receive `<-param` with no
    `return` in the statements before it."""
    for step in statements(function.child_by_field_name("body")):
        expression = strip_parens(step.named_children[0]) if step.type == "expression_statement" else None
        received = strip_parens(received_channel(expression)) if expression is not None and \
            expression.type == "unary_expression" else None
        if received is not None and received.type == "identifier" and ctx.names.same_variable(received, param):
            return True
        if step.type == "return_statement" or any(n.type == "return_statement"
                                                   for n in walk(step, into_functions=False)):
            return False
    return False


def _returning_send(use, function) -> bool:
    """Whether use is the channel of a send of function's own body that a `return`
    follows (`errch <- err; return`): the function's last send on that path."""
    parent = use.parent
    return parent.type == "send_statement" and parent.child_by_field_name("channel") == use and \
        enclosing_function(parent) == function and _returns_after(parent)


def _deferred_signal(use, function, ctx: Context) -> bool:
    """Whether use is the channel of a send, or of a `close`, run from a defer of
    function."""
    parent = use.parent
    if parent.type == "send_statement" and parent.child_by_field_name("channel") == use:
        return _deferred(parent, function)
    call = parent.parent if parent.type == "argument_list" else None
    return call is not None and call_name(call, ctx.source) == ("", "close") and _deferred(call, function)


def _deferred(node, function) -> bool:
    """Whether node runs in a `defer` of function (its own, or a deferred literal's), in
    no goroutine of its own."""
    for parent in ancestors(node):
        if parent == function or parent.type == "go_statement":
            return False
        if parent.type == "defer_statement":
            return enclosing_function(parent) == function
    return False


def _runs_twice(go, receiver, starter, ctx: Context) -> bool:
    """Whether the goroutine go starts may run twice at once, so that one run's end
    signal can come while another still sends: go is in a loop of the starter, or the
    channel the receiver leaves on is used by more than one `go` statement."""
    if enclosing_loop(go, starter) is not None:
        return True
    exit = receiver.exit
    channel = strip_parens(received_channel(exit.node)) if getattr(exit, "kind", None) == "receive" else None
    if channel is None or channel.type != "identifier":
        return False
    starts = {n.start_byte for use in ctx.names.uses(channel, starter) for n in ancestors(use)
              if n.type == "go_statement" and within(n, starter)}
    return len(starts) > 1


def _handed_worker(go, ctx: Context) -> Iterator[Report]:
    """`go l.OnAccept(conn, ch)` or `go other.Serve(ch)`: a goroutine whose callee this
    file does not show (a method, or a function of another package) handed an
    unbuffered channel made by the starter, which uses the channel for nothing else but
    receiving a value from it (`case c := <-ch:`). Nobody else holds the channel, so the
    goroutine is its sender; when the receive gives up first, its send blocks forever.
    A method the file shows counts only when it may send bare (_may_send_bare).
    Reported at the go statement."""
    call = go.named_children[0] if go.named_children else None
    function = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    arguments = call.child_by_field_name("arguments") if function is not None else None
    if function is None or function.type != "selector_expression" or arguments is None:
        return
    callee = ctx.text(function.child_by_field_name("field"))
    for arg in arguments.named_children:
        if arg.type != "identifier":
            continue
        origin = channel_origin(arg, ctx.source, ctx.root)
        if origin.kind != "local" or origin.function is None or enclosing_function(go) != origin.function or \
                make_channel(origin.value, ctx.source) is None or channel_capacity(origin.value, ctx.source) != 0:
            continue
        if not all(use == arg or use == origin.binding or _receives_value(use) is not None
                   for use in ctx.names.uses(arg, origin.function)):
            continue  # closed, sent on or handed on elsewhere: the goroutine may not be its sender
        shown = ctx.types.called(call)
        if shown is not None and not _may_send_bare(shown, arguments.named_children.index(arg), ctx):
            continue  # the method the file shows sends only in selects that can go on
        receiver = receiver_after_go(origin.function, go, arg, ctx.source)
        if receiver.verdict not in ("gives-up", "loop-ends", "skipped") or \
                _receives_value(receiver.receive) is None:
            continue
        if _left_with_process(go, origin, ctx):
            continue  # as _unbuffered_local: the process ends with its receiver
        low = _once_low(go, ctx)
        if receiver.verdict == "gives-up":
            exit = receiver.exit
            if _stops_worker_first(exit, function.child_by_field_name("operand"), ctx):
                low = {"confidence": Confidence.LOW}  # told to stop: whether its send then returns is not shown
            watched = received_channel(exit.node) if exit.kind == "receive" else None
            while watched is not None and watched.type in ("call_expression", "selector_expression"):
                watched = watched.child_by_field_name("function" if watched.type == "call_expression" else "operand")
            if watched is not None and any(same_channel(a, watched, ctx.source) for a in arguments.named_children):
                continue  # the goroutine gets what the receiver gives up on (quit, ctx): it can give up too
            how = f"{_gives_up(exit)} through `{exit.label}` at line {line(exit.node)}"
        elif receiver.verdict == "loop-ends":
            how = f"waits in a loop (line {line(receiver.exit)}) that can end first"
        elif _told_to_stop(go, origin.function, shown, ctx):
            continue  # the return closes a channel the goroutine selects on: it leaves too
        else:
            how = f"is skipped by the return at line {line(receiver.exit)}"
        if shown is None and _cancels_handed(call, ctx):
            continue  # its context is cancelled on every way out: a worker that selects on it leaves
        yield Report(go, shortest_fitting(
            f"`{callee}` gets unbuffered `{origin.name}` to send a value on, and blocks forever if its "
            f"receiver (line {line(receiver.receive)}) {how}; buffer it",
            f"`{callee}` gets unbuffered `{origin.name}` to send on and blocks forever if its receiver "
            f"(line {line(receiver.receive)}) {how.split(' through ')[0]} first; buffer it"), **low)
        return


def _cancels_handed(call, ctx: Context) -> bool:
    """Whether the goroutine's call gets a context (`go d.Run(ctx, updates)`) whose
    cancel function the starter binds with it (`ctx, cancel := context.WithCancel(...)`)
    and calls on every path out of the starter (release.analyze, as GL009 reads it)."""
    for arg in arguments(call):
        kind = ctx.types.of(arg) if arg.type == "identifier" else None
        if kind is None or not kind.is_named("context", "Context"):
            continue
        binding = ctx.names.resolve(arg)
        statement = declaring_statement(binding.decl) if binding.kind == LOCAL and binding.decl is not None else None
        left = statement.child_by_field_name("left") if statement is not None and \
            statement.type == "short_var_declaration" else None
        targets = left.named_children if left is not None else []
        if len(targets) != 2 or targets[0] != binding.decl or targets[1].type != "identifier":
            continue
        cancel = ctx.types.of(targets[1])
        if cancel is None or not cancel.is_named("context", "CancelFunc", "CancelCauseFunc"):
            continue
        outcome = analyze(statement, targets[1], Release(call=True), ctx.source)
        if outcome is not None and outcome.escape is None and outcome.verdict is not None and \
                not outcome.verdict.leaking:
            return True
    return False


def _told_to_stop(go, starter, worker, ctx: Context) -> bool:
    """Whether the starter defers `close(q)` of a channel it hands the goroutine (`defer
    close(closeC); go c.receive(resC, closeC)`), which the worker function (when the
    file shows it) receives from: every return of the starter tells the goroutine to
    stop. Its bare sends after a pick are reported on their own (_quit_between_sends)."""
    call = go.named_children[0] if go.named_children else None
    handed = [a for a in arguments(call) if a.type == "identifier"] if call is not None else []
    body = starter.child_by_field_name("body") if starter is not None else None
    for defer in descendants(body, ("defer_statement",), into_functions=False) if body is not None else ():
        closing = defer.named_children[0] if defer.named_children else None
        closed = arguments(closing) if closing is not None and closing.type == "call_expression" and \
            call_name(closing, ctx.source) == ("", "close") else []
        for index, arg in enumerate(arguments(call) if closed else ()):
            if arg not in handed or not ctx.names.same_variable(arg, closed[0]):
                continue
            param = parameter_at(worker, index) if worker is not None else None
            if worker is None or param is not None and receives_of(worker.child_by_field_name("body"), param,
                                                                      ctx.source):
                return True
    return False


def _left_with_process(go, origin, ctx: Context) -> bool:
    """Whether the goroutine's starter ends the program when it returns (`main`, a
    command's action: _ends_with_process), or the goroutine is a program's, started
    outside a loop by a function called once (_program_goroutine)."""
    return _ends_with_process(origin.function, ctx) or (
        in_program(ctx.path, ctx.names.package) and enclosing_loop(go, origin.function) is None and
        _set_up_once(origin.function, ctx))


def _stops_worker_first(exit, worker, ctx: Context) -> bool:
    """Whether the case the receiver leaves through first calls a method of the value
    whose method the goroutine runs (`go w.Watch(updates)` ... `case <-ctx.Done():
    w.StopWatching(); return`): the worker is told to stop."""
    case = exit.node.parent if exit.kind == "receive" and exit.node is not None else None
    if case is None or case.type != "communication_case" or worker is None:
        return False
    shown = ctx.text(strip_parens(worker))
    return any(n.type == "call_expression" and n.child_by_field_name("function").type == "selector_expression" and
               ctx.text(strip_parens(n.child_by_field_name("function").child_by_field_name("operand"))) == shown
               for n in walk(case))


def _may_send_bare(func, index: int, ctx: Context, depth: int = 2) -> bool:
    """Whether the function or method func of the file may send bare (`_bare`) on its
    index-th parameter: it does, or hands the parameter to a function it does not show
    (or one that may, up to depth calls away), or uses it any other way than in sends
    and `close`."""
    param = parameter_at(func, index)
    if param is None or func.child_by_field_name("body") is None:
        return True
    for use in ctx.names.uses(param, func):
        parent = use.parent
        if use.start_byte == param.start_byte:
            continue
        if parent.type == "send_statement" and parent.child_by_field_name("channel") == use:
            if _bare(parent):
                return True
            continue
        call = parent.parent if parent.type == "argument_list" else None
        if call is not None and call_name(call, ctx.source) == ("", "close"):
            continue
        callee = ctx.types.called(call) if call is not None and depth else None
        if callee is None or _may_send_bare(callee, parent.named_children.index(use), ctx, depth - 1):
            return True
    return False


def _receives_value(use) -> Any | None:
    """The receive of `use` that keeps the value received (`v := <-ch`, `case v := <-ch:`,
    `x = <-ch`, `f(<-ch)`): a data value, which only a send gives, not a close."""
    node = use.parent if use is not None and use.type == "identifier" else use
    if node is None:
        return None
    if node.type == "receive_statement":
        return node if node.child_by_field_name("left") is not None else None
    if node.type != "unary_expression" or received_channel(node) is None:
        return None
    holder = node.parent
    while holder is not None and holder.type == "parenthesized_expression":
        holder = holder.parent
    if holder is not None and holder.type == "receive_statement":
        return holder if holder.child_by_field_name("left") is not None else None
    if holder is None or holder.type in ("expression_statement", "communication_case"):
        return None
    return node


def _exit_case(exit) -> Any:
    """The select case (or default) a SelectExit leaves through."""
    return exit.node if exit.kind == "default" else exit.node.parent


def _closed_on_exit(case, channel, function, ctx: Context) -> Any | None:
    """The `close(ch)` of the channel sent on that runs when its receiver leaves through
    case: in the case itself (`case <-quit: close(ch); return`) or deferred by the
    receiving function (`defer close(ch)`). A send after it panics, it does not block."""
    found = next((n for n in walk(case, into_functions=False) if _closes(n, channel, ctx)), None) \
        if case is not None else None
    if found is None and function is not None:
        found = next((n for n in _deferred_closes(function, ctx) if _closes(n, channel, ctx)), None)
    return found


def _closed_by_runner(receive, channel, ctx: Context) -> Any | None:
    """The `defer close(x.f)` of the field sent on in the method that holds the receiver
    (its literal's declared function) or in a method of the same type of the file that
    calls it (`func (p *P) run() { defer close(p.interrupt); ... p.display(ctx) }`, the
    receiver loop in a goroutine of display): once the receiver stops, that method
    returns and closes the channel, so a send then panics rather than blocks."""
    method = next((a for a in ancestors(receive) if a.type in ("method_declaration", "function_declaration")), None)
    if method is None or method.type != "method_declaration":
        return None
    owner, name = receiver_type(method, ctx.source), ctx.text(method.child_by_field_name("name"))
    runners = [method]
    for mention in method_mentions(ctx.root, ctx.source, ctx.names, owner, name) or ():
        call = mention.parent.parent
        caller = next((a for a in ancestors(call) if a.type in FUNCTION_TYPES), None)
        if call is not None and call.type == "call_expression" and caller is not None and \
                caller.type == "method_declaration" and receiver_type(caller, ctx.source) == owner:
            runners.append(caller)
    return next((n for runner in runners for n in _deferred_closes(runner, ctx) if _closes(n, channel, ctx)), None)


def _closes(call, channel, ctx: Context) -> bool:
    """Whether call is `close(ch)` of the channel sent on (_same_closed)."""
    given = arguments(call) if call is not None and call.type == "call_expression" else []
    return len(given) == 1 and ctx.text(call.child_by_field_name("function")) == "close" and \
        _same_closed(given[0], channel, ctx)


def _cancel_then_close(exit, channel, function, ctx: Context) -> tuple[Any, Any] | None:
    """(cancel call, close call) when the receiver leaves through `<-c.Done()` of a
    context the function made with `c, cancel := context.WithCancel(...)`, and every
    call of cancel in the function (its literals included) is a statement followed in
    its block, with no `return` between, by `close(ch)` of the channel sent on: the
    code that stops the receiver closes the channel right after, so a send still
    waiting then panics rather than blocks."""
    made = _cancel_context(exit, ctx)
    if made is None or function is None:
        return None
    found = None
    for called in ctx.names.calls_of(made[0], function) or [None]:
        if called is None or called.parent is None or called.parent.type != "expression_statement":
            return None  # deferred or never called: not always followed by the close
        closed = _closes_after(called.parent, channel, ctx)
        if closed is None:
            return None
        found = found or (called, closed)
    return found


def _cancel_context(exit, ctx: Context) -> tuple[Any, Any] | None:
    """(cancel identifier, making call) when the exit receives `<-c.Done()` of a local
    context made by `c, cancel := context.WithCancel(parent)`."""
    call = strip_parens(received_channel(exit.node)) if getattr(exit, "kind", None) == "receive" else None
    done = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    context = strip_parens(done.child_by_field_name("operand")) if done is not None and \
        done.type == "selector_expression" and ctx.text(done.child_by_field_name("field")) == "Done" else None
    binding = ctx.names.resolve(context) if context is not None and context.type == "identifier" else None
    statement = declaring_statement(binding.decl) if binding is not None and binding.kind == LOCAL and \
        binding.decl is not None else None
    if statement is None or statement.type != "short_var_declaration":
        return None
    targets = statement.child_by_field_name("left").named_children
    values = statement.child_by_field_name("right").named_children
    made = strip_parens(values[0]) if len(values) == 1 else None
    if len(targets) != 2 or made is None or made.type != "call_expression" or \
            not ctx.names.calls(made, "context", ("WithCancel", "WithCancelCause")):
        return None
    return targets[1], made


def _cancelled_after_wait(exit, sender, starter, ctx: Context) -> Any | None:
    """The one call of cancel when the exit receives `<-c.Done()` of a context the
    starter made with `c, cancel := context.WithCancel(context.Background())` and that
    call is the statement right after `wg.Wait()` of a WaitGroup the sender defers `Done`
    on (`_after_wait`): the context ends only once every sender has finished, as a done
    channel closed there does."""
    made = _cancel_context(exit, ctx)
    parent = arguments(made[1]) if made is not None else []
    if made is None or starter is None or len(parent) != 1 or parent[0].type != "call_expression" or \
            not ctx.names.calls(parent[0], "context", ("Background", "TODO")):
        return None
    calls = ctx.names.calls_of(made[0], starter)
    if calls is None or len(calls) != 1 or not _after_wait(calls[0], sender, ctx):
        return None  # handed on, called twice or elsewhere: it may come earlier
    return calls[0]


def _closes_after(statement, channel, ctx: Context) -> Any | None:
    """The `close(ch)` statement of the channel that follows statement in its block
    with no `return` between."""
    step = statement.next_named_sibling
    while step is not None:
        call = step.named_children[0] if step.type == "expression_statement" and step.named_children else None
        if _closes(call, channel, ctx):
            return call
        if step.type == "return_statement" or any(n.type == "return_statement"
                                                   for n in walk(step, into_functions=False)):
            return None
        step = step.next_named_sibling
    return None


def _deferred_closes(function, ctx: Context) -> list:
    """The `close(x)` calls that a function defers, outside its literals (once per
    function): `defer close(x)`, and a statement `close(x)` of a deferred literal's own
    body (`defer func() { w.Stop(); close(x) }()`) with no wait before it: after a
    `wg.Wait()` or a channel operation the close may never come (a sender blocked in
    the group keeps the Wait, and the close, from happening)."""
    memo, key = file_memo(ctx.source), (_deferred_closes, function.start_byte)
    if key not in memo:
        body = function.child_by_field_name("body")
        calls = [n.named_children[0] for n in descendants(body, ("defer_statement",), into_functions=False)
                 if n.named_children and n.named_children[0].type == "call_expression"] if body is not None else []
        found = []
        for call in calls:
            literal = call.child_by_field_name("function")
            if literal is not None and literal.type == "func_literal" and not arguments(call):
                for step in statements(literal.child_by_field_name("body")):
                    if any(n.type == "send_statement" or received_channel(n) is not None or
                           n.type == "call_expression" and call_name(n, ctx.source)[1] == "Wait"
                           for n in walk(step, into_functions=False)):
                        break
                    if step.type == "expression_statement" and step.named_children[0].type == "call_expression":
                        found.append(step.named_children[0])
            else:
                found.append(call)
        memo[key] = [c for c in found if ctx.text(c.child_by_field_name("function")) == "close"]
    return memo[key]


def _same_closed(closed, channel, ctx: Context) -> bool:
    """Whether the closed expression is the channel sent on: the same variable, or a
    field of the same name of the same struct type where the file states both."""
    closed, channel = strip_parens(closed), strip_parens(channel)
    if closed is None or channel is None:
        return False
    if closed.type == "selector_expression" and channel.type == "selector_expression":
        return ctx.text(closed.child_by_field_name("field")) == ctx.text(channel.child_by_field_name("field")) and \
            same_owner(closed, channel, ctx.source)
    return same_channel(closed, channel, ctx.source)


def _panic_message(name: str, receive: int, how: str, closed: int) -> str:
    """A send whose receiver closes the channel on its way out: it panics, it does not
    block."""
    return shortest_fitting(*(
        f"send on {name} panics (send on closed channel) once its receiver (line {receive}) {stop}, closing it "
        f"at line {closed}; {fix}"
        for stop in (how, how.split(" through ")[0])
        for fix in ("let only the sender close it, or select on a done channel", "select on a done channel")))


def _gives_up(exit) -> str:
    """How the receiving select leaves through exit: it `returns` when the case does or
    the select ends its function's body; otherwise it `gives up` and goes on without
    the value."""
    case = exit.node if exit.kind == "default" else exit.node.parent
    if any(n.type == "return_statement" for n in walk(case, into_functions=False)):
        return "returns"
    select = case.parent
    following = select.next_named_sibling
    while following is not None and following.type == "comment":
        following = following.next_named_sibling
    block = select.parent.parent if select.parent is not None and select.parent.type == "statement_list" else None
    ends = following is None and block is not None and block.parent is not None and \
        block.parent.type in ("function_declaration", "method_declaration", "func_literal")
    return "returns" if ends else "gives up"


def _bare(send) -> bool:
    """A send that is not one case among others of a select."""
    select = enclosing_select(send)
    return select is None or not any(
        c.type == "default_case"
        or (c.type == "communication_case" and c.child_by_field_name("communication") != send)
        for c in select.named_children
    )


def _how(receiver, ctx: Context) -> str:
    """How a receiver that gives up stops, with the line of its way out."""
    exit = receiver.exit
    if exit.type == "receive_statement":
        return f"stops through `{ctx.text(exit).removeprefix('case ')}` at line {line(exit)}"
    return f"leaves at line {line(exit)}"


def _owner_stop(receiver, ctx: Context) -> tuple[str, str, bool, bool] | None:
    """(type, method, internal, low) when the receiver loop's only way out is a case on a
    field of its own method's receiver (`case <-s.closec:` in `func (s *Stream) loop()`)
    that the package closes or sends to only in exported methods of that type (`Close`;
    the loop's own answer in that case, a stop handshake `case <-s.stop: s.stop <-
    struct{}{}; return`, is no stop), which no code of the package calls on a value of the type (a loop's own `defer
    s.Close()` on a read error stops it from inside, and keeps the finding): the send
    then blocks only when the type's user calls the sending method after its own Close.
    internal when the package does call them, but each such method is named for the end
    of the object's life (`func (s *session) close()`) and each call is the teardown of
    its owner: in a function or method itself so named (`DB.Close` calls `db.s.close()`),
    or in a deferred cleanup that runs on an error (`defer func() { if err != nil {
    s.close() } }()` in the constructor that made it): the send then blocks only when the
    package uses the value after tearing it down (low when no function tearing it down
    runs again: `lifetime.function_again`). The stop channel may be a parameter of a
    declared function that stands for such a field (_param_field). low when no such method is internal
    and only test code calls them (`lifetime.only_tests_call`: in the program the
    receiver never stops), or when no send of the package on the field races that stop
    in a select (_stop_raced): a send after Close is then its caller's misuse, which the
    code does not show. None otherwise."""
    if receiver.exit is None or receiver.exit.type != "receive_statement" or \
            len(_stop_channels(receiver.receive, ctx) or ()) != 1:
        return None
    channel = strip_parens(received_channel(receiver.exit))
    method = next((a for a in ancestors(receiver.receive) if a.type == "method_declaration"), None)
    if channel is not None and channel.type == "identifier":
        owner, field = _param_field(channel, ctx) or ("", "")
    elif channel is None or channel.type != "selector_expression" or method is None or \
            not _own_receiver(channel.child_by_field_name("operand"), method, ctx.names):
        return None
    else:
        owner, field = receiver_type(method, ctx.source), ctx.text(channel.child_by_field_name("field"))
    if not owner:
        return None
    files = _package_files(ctx, field)
    stoppers = set()
    for source, root, names in files:
        for node in descendants(root, ("call_expression", "send_statement")):
            target = node.child_by_field_name("channel") if node.type == "send_statement" else \
                (arguments(node)[0] if call_name(node, source) == ("", "close") and len(arguments(node)) == 1 else None)
            target = strip_parens(target) if target is not None else None
            if target is None or target.type != "selector_expression" or \
                    text(source, target.child_by_field_name("field")) != field:
                continue
            if node.type == "send_statement" and answers_stop(node, field, source):
                continue  # the loop's answer to the stop it took (`case <-s.stop: s.stop <- struct{}{}`)
            stopper = next((a for a in ancestors(node) if a.type in ("method_declaration", "function_declaration")), None)
            operand = target.child_by_field_name("operand")
            if stopper is not None and stopper.type == "method_declaration" and \
                    receiver_type(stopper, source) == owner and _own_receiver(operand, stopper, names):
                name = text(source, stopper.child_by_field_name("name"))
                if not name[:1].isupper() and not ENDING.fullmatch(name):
                    return None  # the package stops it itself
                stoppers.add(name)
                continue
            if _teardown(target, stopper, source, names):
                continue  # a failed construction's cleanup: no one has the value yet
            kind = types_for(names).of(operand)
            if kind is None or kind.is_named("", owner):
                return None  # maybe, or surely, a value of the type stopped from elsewhere
    if not stoppers:
        return None
    internal, again = False, False
    callers = {id(f[0]): f for stopper in sorted(stoppers) for f in _package_files(ctx, stopper)}
    for source, root, names in callers.values():
        types = types_for(names)
        for node in descendants(root, ("selector_expression",)):
            if text(source, node.child_by_field_name("field")) not in stoppers:
                continue
            operand = node.child_by_field_name("operand")
            caller = next((a for a in ancestors(node) if a.type in ("method_declaration", "function_declaration")), None)
            own = caller is not None and caller.type == "method_declaration" and \
                receiver_type(caller, source) == owner and _own_receiver(operand, caller, names)
            kind = types.of(operand)
            private = not text(source, node.child_by_field_name("field"))[:1].isupper()
            if own or (kind is None and private) or (kind is not None and kind.is_named("", owner)):
                if not all(ENDING.fullmatch(stopper) for stopper in stoppers) or \
                        not _teardown(node, caller, source, names):
                    return None  # the package stops it itself
                internal = True
                again = again or caller is None or \
                    function_again(caller, _package_of(source, root, names, ctx)) is not None
    if not internal and not all(stopper[:1].isupper() for stopper in stoppers):
        return None  # an unexported stop that only a method value hands on
    tests_only = not internal and all(only_tests_call(s, owner, PackageFiles.of(ctx)) for s in stoppers)
    sent = strip_parens(receive_channel(receiver.receive))
    sent = ctx.text(sent.child_by_field_name("field")) if sent is not None and sent.type == "selector_expression" \
        else (_param_field(sent, ctx) or ("", ""))[1] if sent is not None and sent.type == "identifier" else ""
    return owner, min(stoppers), internal, tests_only or internal and not again or not _stop_raced(sent, field, ctx)


def _param_field(ident, ctx: Context) -> tuple[str, str] | None:
    """(type, field) when ident is a parameter of a declared function (not a method)
    that every call of the package, one at least, hands the same field of the own
    receiver of a method of one type at that place (`queueHandler(m.queue, m.out,
    m.quit)` in `func (m *manager) queueHandler()`): a helper loop given its owner's
    channels, which stops as that field does. None when the function's name is used
    any other way (a value handed on) or a call hands something else."""
    binding = ctx.names.resolve(ident)
    function = enclosing_function(ident)
    if binding is None or binding.kind != LOCAL or function is None or function.type != "function_declaration":
        return None
    index = next((i for i in itertools.count() if parameter_at(function, i) in (None, binding.decl)), None)
    if parameter_at(function, index) is None:
        return None  # a local of the function, not a parameter
    name = ctx.text(function.child_by_field_name("name"))
    found = set()
    for source, root, names in _package_files(ctx, name):
        for node in descendants(root, ("identifier",)):
            if text(source, node) != name or node.parent is None or node == function.child_by_field_name("name"):
                continue
            call = node.parent
            if call.type != "call_expression" or call.child_by_field_name("function") != node or \
                    names.resolve(node).kind != PACKAGE:
                return None  # a value handed on, or another name
            given = arguments(call)
            argument = strip_parens(given[index]) if index < len(given) else None
            method = next((a for a in ancestors(call) if a.type in ("method_declaration", "function_declaration")), None)
            if argument is None or argument.type != "selector_expression" or method is None or \
                    method.type != "method_declaration" or \
                    not _own_receiver(argument.child_by_field_name("operand"), method, names):
                return None
            found.add((receiver_type(method, source), text(source, argument.child_by_field_name("field"))))
    return found.pop() if len(found) == 1 else None


def _package_of(source: bytes, root, names, ctx: Context) -> PackageFiles:
    """The PackageFiles of a file of the analysed file's package (one of _package_files),
    with the analysed file among its siblings."""
    package = PackageFiles.of(ctx)
    if source is ctx.source:
        return package
    return PackageFiles(source, root, names, [ctx.source] + [s for s in package.sources[1:] if s != source],
                        package.path, package.facts)


def _stop_raced(sent: str, stop: str, ctx: Context) -> bool:
    """Whether a file of the package sends on a field named sent in a select that also
    waits on a field named stop (`case s.writes <- w: case <-s.stopped:`): the package
    itself expects sends racing the stop, so a bare one among them is the gap."""
    for source, root, _ in _package_files(ctx, sent):
        for send in descendants(root, ("send_statement",)):
            channel = strip_parens(send.child_by_field_name("channel"))
            field = channel.child_by_field_name("field") if channel is not None and \
                channel.type == "selector_expression" else None
            select = send.parent.parent if send.parent is not None and send.parent.type == "communication_case" \
                else None
            if field is None or text(source, field) != sent or select is None:
                continue
            for case in select.named_children:
                waited = received_channel(case.child_by_field_name("communication")) \
                    if case.type == "communication_case" else None
                if waited is not None and waited.type == "selector_expression" and \
                        text(source, waited.child_by_field_name("field")) == stop:
                    return True
    return False


def _stop_channels(receive, ctx: Context) -> set[str] | None:
    """receivers.stop_channels of the receive, less the channels of the cases that leave
    only once their own channel is closed (`case r, ok := <-w.store: if !ok { return }`,
    or `<-in` of a helper function that its owner's methods hand `w.store`: _param_field)
    where no file of the package closes a field of that name: such a case never stops
    the loop."""
    found = stop_channels(receive, ctx.source)
    loop = enclosing_loop(receive, None) if found else None
    if loop is None:
        return found
    kept = set()
    for exit in stopping_exits(loop, receive, ctx.source):
        case = next((a for a in ancestors(exit) if a.type == "communication_case" or a == loop), None)
        taken = case.child_by_field_name("communication") if case is not None and case != loop else None
        channel = received_channel(taken)
        if channel is None:
            return found
        field = ctx.text(channel.child_by_field_name("field")) if channel.type == "selector_expression" else \
            (_param_field(channel, ctx) or ("", ""))[1] if channel.type == "identifier" else ""
        if not (field and taken.type == "receive_statement" and taken.child_by_field_name("left") is not None and
                ends_on_value(exit, taken, ctx.source) and
                not any(re.search(rb"\bclose\(\s*[\w.]+\." + field.encode() + rb"\s*\)", LINE_COMMENT.sub(b"", source))
                        for source, _, _ in _package_files(ctx, field))):
            kept.add(ctx.text(channel))
    return kept


def _teardown(node, caller, source: bytes, names) -> bool:
    """Whether node (`x.close`, a method named for the end of its object's life) is the
    teardown of its owner: in a declared function or method itself so named (the whole
    name: `Close`, not `closeWithError`, which error paths call), outside function
    literals (`db.s.close()` in `func (db *DB) Close()`), or in a deferred function
    literal's `if err != nil` on a local the function made (`s, err := newSession()`;
    `defer func() { if err != nil { s.close() } }()`: a failed construction's cleanup; a
    method's deferred cleanup of its own receiver on an error is a loop that ends)."""
    name = caller.child_by_field_name("name") if caller is not None else None
    literal = next((a for a in ancestors(node) if a.type == "func_literal"), None)
    if literal is None:
        return name is not None and bool(ENDING.fullmatch(text(source, name)))
    deferred = literal.parent is not None and literal.parent.type == "call_expression" and \
        literal.parent.parent is not None and literal.parent.parent.type == "defer_statement"
    operand = strip_parens(node.child_by_field_name("operand"))
    binding = names.resolve(operand) if operand is not None and operand.type == "identifier" else None
    body = caller.child_by_field_name("body") if caller is not None else None
    made_here = binding is not None and binding.kind == LOCAL and body is not None and \
        body.start_byte <= binding.decl.start_byte < body.end_byte and \
        not literal.start_byte <= binding.decl.start_byte < literal.end_byte
    return deferred and made_here and any(
        a.type == "if_statement" and _error_check(a.child_by_field_name("condition"), source)
        for a in ancestors(node) if literal.start_byte <= a.start_byte)


def _error_check(condition, source: bytes) -> bool:
    """Whether the condition is `err != nil` for an error-named variable (`err`, `werr`)."""
    operand = nil_operand(condition, "!=")
    return operand is not None and operand.type == "identifier" and \
        re.fullmatch(r"\w*[eE]rr\w*", text(source, operand)) is not None


def _package_files(ctx: Context, word: str, shape: re.Pattern | None = None) -> list:
    """(source, root, names) of the file and of its package's siblings that hold word
    (and a match of shape, when given: the others are not parsed)."""
    facts = ctx.names.facts
    return [(ctx.source, ctx.root, ctx.names)] + [
        (other, tree, names_for(other, tree, tree)) for other in (facts.sources() if facts is not None else ())
        if word.encode() in other and (shape is None or shape.search(other)) for tree in [parsed(other)]]


def _api_only(send, owner: str, ctx: Context) -> bool:
    """Whether send is in an exported method of owner, or in an unexported one that the
    package calls only in exported methods, outside function literals: on the receiver
    of a method of owner (`s.sendData(...)` in `func (s *Stream) LogRequest`), or on any
    value in a method of another type (`bl.s.sendData(...)` in `func (bl *bodyLogger)
    Read`, the body LogRequest wraps); a goroutine of the package may run after Close:
    only the package's user runs it."""
    sender = next((a for a in ancestors(send) if a.type in ("method_declaration", "function_declaration")), None)
    if sender is None or sender.type != "method_declaration" or receiver_type(sender, ctx.source) != owner:
        return False
    name = ctx.text(sender.child_by_field_name("name"))
    if name[:1].isupper():
        return True
    calls = 0
    word = name.encode()
    for source, root, names in _package_files(ctx, name, re.compile(rb"\." + _GAP + re.escape(word) + rb"\b")):
        for at in (m.start() for m in re.finditer(re.escape(word), source)):
            node = root.descendant_for_byte_range(at, at + len(word))
            if node is None or node.type != "field_identifier" or text(source, node) != name or \
                    node.parent is None or node.parent.type != "selector_expression":
                continue
            caller = next((a for a in ancestors(node) if a.type in FUNCTION_TYPES), None)
            if caller is None or caller.type != "method_declaration" or \
                    not text(source, caller.child_by_field_name("name"))[:1].isupper() or \
                    receiver_type(caller, source) == owner and \
                    not _own_receiver(node.parent.child_by_field_name("operand"), caller, names):
                return False
            calls += 1
    return calls > 0


def _own_receiver(operand, method, names) -> bool:
    """Whether operand is the receiver parameter of method."""
    receiver = method.child_by_field_name("receiver")
    decl = receiver.named_children[0] if receiver is not None and receiver.named_children else None
    name = decl.child_by_field_name("name") if decl is not None else None
    binding = names.resolve(operand) if operand is not None and operand.type == "identifier" else None
    return name is not None and binding is not None and binding.kind == LOCAL and \
        binding.decl.start_byte == name.start_byte


def _after_close_message(name: str, owner, where: str, exit: str, exit_line: int) -> str:
    """The note for a send that blocks only after its owner's Close (_owner_stop)."""
    return shortest_fitting(*(
        f"send on `{name}` blocks forever if called after {closer}, which stops its receiver ({where}){through}; {how}"
        for closer in (f"{owner[0]}.{owner[1]}", owner[1])
        for through in (f" through `{exit}` at line {exit_line}", "")
        for how in ("select on a done channel", "select on it too")))


def _message(name: str, field: str, where: str, how: str) -> str:
    return f"send on `{name}` blocks forever if its receiver ({where}) {how}; select on a done channel or buffer it"


def _field(name: str, send, ctx: Context, makes: dict, receives: dict) -> Report | None:
    """The logger incident: a bare send on a struct field whose receiver loop can end.
    A field with no receiver in this file is left to the package pass."""
    field = name.rsplit(".", 1)[-1]
    owner = field_owner(send.child_by_field_name("channel"), ctx.source)
    if owner is not None:  # a same-named field of another struct type of the file is another field
        receives = {**receives, field: [r for r in receives.get(field, [])
                                        if field_owner(receive_channel(r), ctx.source) in (owner, None)]}
    made = [m for m in makes.get(field, []) if make_channel(m, ctx.source) is not None]
    buffered = any(make_channel(m, ctx.source)[1] for m in made)
    if not [r for r in receives.get(field, []) if not _drain(r)] and field[:1].islower():
        ctx.facts.setdefault("unreceived", []).append((tuple(span_of(send)), name, field))
        if _repeated(send, ctx):
            ctx.facts.setdefault("repeats", []).append(tuple(span_of(send)))
        ctx.facts["folder"], ctx.facts["quiet_uses"] = _folder(ctx.path)
    capacities = [channel_capacity(m, ctx.source) for m in made]
    if buffered and (None in capacities or 0 in capacities or not _signal(send, ctx) or _sent_once(send, ctx)):
        return None  # sized from the work, data, or one send per goroutine: see the docs
    if not made and owner is not None and (not _signal(send, ctx) or _sent_once(send, ctx)) and \
            _buffered_elsewhere(field, owner, ctx):
        return None  # as above, for a field the package's other files make with a buffer
    receiver = _firing(field_receiver(receives.get(field, []), send, ctx.source), receives.get(field, []), ctx)
    if receiver.verdict == "unseen" and not buffered:
        method = next((a for a in ancestors(send) if a.type in ("method_declaration", "function_declaration")), None)
        sender = receiver_type(method, ctx.source) if method is not None and method.type == "method_declaration" else ""
        memo, key = file_memo(ctx.source), (_api_only, method.start_byte if method is not None else -1)
        if sender and key not in memo:  # once per sending method: its sends share the answer
            memo[key] = _api_only(send, sender, ctx)
        ctx.facts.setdefault("sends", []).append((tuple(span_of(send)), name, field, sender, bool(memo.get(key)),
                                                  _declaring_owner(send.child_by_field_name("channel"), ctx)))
    if receiver.verdict == "one-shot" and made and not buffered and owner is not None:
        return _last_send(name, field, owner, send, receives.get(field, []), ctx)
    if receiver.verdict != "gives-up" or _stopped_with_process(receiver, ctx) or _run_by_caller(receiver, ctx) or \
            _leaves_registry(receiver, send, ctx) or _same_timeout(receiver, send, ctx) or \
            _stop_closes_sent(receiver, field, ctx) or _never_stopped(receiver, ctx) or \
            _field_drained_on_exit(receiver, field, ctx) or _stopped_under_flag(send, receiver, ctx):
        return None  # _stop_closes_sent: the stop closes the channel sent on too, a send waiting is released
    where = f"line {line(receiver.receive)}"
    case = receiver.exit.parent if receiver.exit is not None and receiver.exit.type == "receive_statement" else None
    closed = _closed_on_exit(case, send.child_by_field_name("channel"), enclosing_function(receiver.receive), ctx) \
        if case is not None else None
    if closed is None and case is not None:
        closed = _closed_by_runner(receiver.receive, send.child_by_field_name("channel"), ctx)
    if closed is not None:
        return Report(send, _panic_message(f"`{name}`", line(receiver.receive), _how(receiver, ctx), line(closed)),
                      confidence=Confidence.LOW)
    message = _message(name, field, where, _how(receiver, ctx))
    elsewhere = not made and owner is not None and _buffered_elsewhere(field, owner, ctx)
    unseen = _made_unseen(field, owner, ctx) if not made else None
    owner = _owner_stop(receiver, ctx)
    if owner is not None and (owner[2] or _api_only(send, owner[0], ctx)):
        # only a use after the type's own Close: hygiene of its API
        return Report(send, _after_close_message(name, owner, where, ctx.text(receiver.exit), line(receiver.exit)),
                      severity=Severity.NOTE, confidence=Confidence.LOW if owner[3] else None,
                      related=((receiver.receive, f"the receiver of `.{field}`"),
                               (receiver.exit, "the receiver can stop here")))
    if unseen is not None:  # a library's channel: whether and how much it buffers is not shown
        message = message.replace(" or buffer it", "")
        for buffer in (f"its buffer (if `{unseen}` gives it one)", "any buffer it has"):
            shown = message.replace(" blocks forever if", f" blocks forever once {buffer} fills if")
            if len(shown) <= 160:
                break
        message = shown
    elif elsewhere:
        message = message.replace(" or buffer it", "").replace(" blocks forever if", " blocks forever once its buffer "
                                                                                     "fills if")
    if buffered:
        capacity, made_at = min(zip(capacities, made), key=lambda c: c[0])
        message = message.replace(" or buffer it", "")
        for buffer in (f"buffer ({capacity}, line {line(made_at)})", f"buffer of {capacity}"):
            shown = message.replace(" blocks forever if", f" blocks forever once its {buffer} fills if")
            if len(shown) <= 160:
                break
        message = shown
    # stopped by a caller the code does not show, mostly at shutdown: see _ended_by_caller
    low = {"confidence": Confidence.LOW} if unseen is not None or _ended_by_caller(receiver, ctx) or \
        _process_wide_stop(receiver, ctx) or _replaced_when_stopped(receiver, ctx) or \
        _stops_itself(receiver, ctx) or \
        buffered and _requested(receives.get(field, []), send, ctx) or _state_guarded(send, receiver.exit, ctx) or \
        test_cost_only(send, ctx.names, ctx.path or "", ctx.source, goroutines=True) else {}  # as _once_low
    return Report(send, message,
                  related=((receiver.receive, f"the receiver of `.{field}`"), (receiver.exit, "the receiver can stop here")),
                  **low)


def _last_send(name: str, field: str, owner: str, send, receives: list, ctx: Context) -> Report | None:
    """A goroutine's last send (`h.err <- err; return false`, the read error it stops on)
    on an unbuffered field of a type with a method that ends it (`Close`, ...), whose
    every receive in the package is a one-shot wait in an exported method of that type
    (`ReadEvent`): it waits for its user to call one of them, forever if none comes (a
    user who closed the value calls none). Reported once per sending function."""
    operand = strip_parens(send.child_by_field_name("channel")).child_by_field_name("operand")
    function = enclosing_function(send)
    if operand is None or operand.type != "identifier" or function.type == "method_declaration" and \
            not ctx.names.declared_in(operand, function, "receiver"):
        return None  # another value's channel (`e.server.fwd.errc`): its own loop may take it
    go = _ending_goroutine(send, ctx)
    methods: list[str] = []
    for receive in receives:
        method = next((a for a in ancestors(receive) if a.type in FUNCTION_TYPES), None)
        title = ctx.text(method.child_by_field_name("name")) if method is not None and \
            method.type == "method_declaration" else ""
        if not title[:1].isupper() or receiver_type(method, ctx.source) != owner or \
                classify_receive(receive, ctx.source).verdict != "one-shot":
            return None
        if title not in methods:
            methods.append(title)
    if go is None or not methods or not ends(owner, PackageFiles.of(ctx).sources) or \
            _other_field_uses(field, ctx) or any(
                other.start_byte < send.start_byte and
                ctx.names.same_path(other.child_by_field_name("channel"), send.child_by_field_name("channel"))
                and _ending_goroutine(other, ctx) is not None
                for other in descendants(function, ("send_statement",), into_functions=False)):
        return None  # (reported at the first such send of the function)
    if _triggered_by_receiver(send, function, owner, methods, ctx) or _answers_own_message(send, owner, methods, ctx):
        return None  # only a receiver's own call sets the send off: it is there to take it
    callers = " or ".join(f"{owner}.{m}" for m in methods[:2]) + (" (or another)" if len(methods) > 2 else "")
    return Report(send, shortest_fitting(
        f"send on unbuffered `{name}`, the last of the goroutine started at line {line(go)}, waits for a call of "
        f"{callers} to receive it, forever if none comes; buffer it",
        f"send on unbuffered `{name}`, its goroutine's last, waits for a call of {callers} to receive it, "
        f"forever if none comes; buffer it"),
        related=tuple((r, f"a receiver of `.{field}`") for r in receives[:2]))


def _triggered_by_receiver(send, function, owner: str, methods: list[str], ctx: Context) -> bool:
    """Whether the send runs only inside a select case that receives from a field of the
    same value (`case <-dms.drain:`, the send further down) that nothing in the package
    closes or sends on but the receiving methods of the owner type (`Shutdown` does
    `close(dms.drain); return <-dms.done`): the goroutine reaches the send only after a
    receiver has started, and that receiver takes the value."""
    operand = strip_parens(send.child_by_field_name("channel")).child_by_field_name("operand")
    for case in ancestors(send):
        if case == function:
            return False
        if case.type != "communication_case":
            continue
        trigger = received_channel(case.child_by_field_name("communication"))
        if trigger is None or trigger.type != "selector_expression" or \
                not ctx.names.same_path(trigger.child_by_field_name("operand"), operand):
            continue
        if _only_in(ctx.text(trigger.child_by_field_name("field")), owner, methods, ctx,
                    ("call_expression", "send_statement"), _sets_off_own):
            return True
    return False


def _sets_off_own(node, field: str, source: bytes, owner: str) -> bool:
    """_sets_off for the field of owner: a same-named field of another struct type
    (field_owner) is another channel."""
    channel = _set_off(node, field, source)
    return channel is not None and field_owner(channel, source) in (owner, None)


def _answers_own_message(send, owner: str, methods: list[str], ctx: Context) -> bool:
    """Whether the send runs only under a test of a received value's field against a
    non-zero literal (`for t := range p.tasks { if t.op == "stop" { p.acks <- ...`),
    `t` taken from a field of the sender's own value, and only the receiving methods of
    the owner type give that field a value (`p.tasks <- &task{op: "stop"}` in
    `Shutdown`, which then receives `<-p.acks`): the send answers the receiver's own
    message, so a receiver is on its way."""
    operand = strip_parens(send.child_by_field_name("channel")).child_by_field_name("operand")
    function = enclosing_function(send)
    for branch in ancestors(send):
        if branch == function:
            return False
        condition = branch.child_by_field_name("condition") if branch.type == "if_statement" else None
        if condition is None or not within(send, branch.child_by_field_name("consequence")):
            continue
        condition = strip_parens(condition)
        sides = [strip_parens(side) for side in (condition.child_by_field_name("left"),
                                                 condition.child_by_field_name("right"))] \
            if condition.type == "binary_expression" and ctx.text(condition.child_by_field_name("operator")) == "==" \
            else []
        tested = next((side for side in sides if side is not None and side.type == "selector_expression"), None)
        value = next((side for side in sides if side is not None and side != tested), None)
        if tested is None or value is None or ctx.text(value) in ('""', "0", "false", "nil") or value.type not in (
                "interpreted_string_literal", "raw_string_literal", "int_literal", "true"):
            continue
        variable = strip_parens(tested.child_by_field_name("operand"))
        binding = ctx.names.resolve(variable) if variable.type == "identifier" else None
        ranged = range_clause(binding.decl, ctx.source) if binding is not None and binding.decl is not None else None
        source = strip_parens(ranged.child_by_field_name("right")) if ranged is not None else None
        if source is None or source.type != "selector_expression" or \
                not ctx.names.same_path(source.child_by_field_name("operand"), operand):
            continue
        if _only_in(ctx.text(tested.child_by_field_name("field")), owner, methods, ctx,
                    ("keyed_element", "assignment_statement", "literal_value"), _sets_field):
            return True
    return False


def _only_in(field: str, owner: str, methods: list[str], ctx: Context, kinds: tuple, sets) -> bool:
    """Whether the package's files set the field of owner (nodes of kinds for which
    sets(node, field, source, owner) holds) somewhere, and only in methods of owner."""
    found = [(node, source) for source, root, _ in _package_files(ctx, field)
             for node in descendants(root, kinds) if sets(node, field, source, owner)]
    return bool(found) and all(_in_method(node, owner, methods, source) for node, source in found)


def _sets_field(node, field: str, source: bytes, owner: str = "") -> bool:
    """Whether node gives a struct field of that name a value: a keyed element `op:
    "stop"`, an assignment to `x.op`, or a literal of unkeyed elements (any of which may
    be it). owner (of the channel sent on, not of this field) is not read."""
    if node.type == "keyed_element":
        return text(source, node.named_children[0]).strip() == field
    if node.type == "literal_value":
        return any(c.type == "literal_element" for c in node.named_children)
    left = node.child_by_field_name("left")
    return left is not None and any(t.type == "selector_expression" and
                                    text(source, t.child_by_field_name("field")) == field for t in left.named_children)


def _sets_off(node, field: str, source: bytes) -> bool:
    """Whether node is `close(x.field)` or a send on `x.field`."""
    return _set_off(node, field, source) is not None


def _set_off(node, field: str, source: bytes):
    """The channel `x.field` that node closes or sends on, else None."""
    if node.type == "send_statement":
        channel = strip_parens(node.child_by_field_name("channel"))
    elif call_name(node, source) == (None, "close") or text(source, node.child_by_field_name("function")) == "close":
        channel = strip_parens(arguments(node)[0]) if arguments(node) else None
    else:
        return None
    return channel if channel is not None and channel.type == "selector_expression" and \
        text(source, channel.child_by_field_name("field")) == field else None


def _in_method(node, owner: str, methods: list[str], source: bytes) -> bool:
    """Whether node lies in one of methods of owner, outside any function literal."""
    method = enclosing_function(node)
    return method is not None and method.type == "method_declaration" and \
        receiver_type(method, source) == owner and text(source, method.child_by_field_name("name")) in methods


def _ending_goroutine(send, ctx: Context):
    """The go statement that starts the goroutine a send ends, or None: the statement
    after the send is a `return` of a function started by `go` (a literal, or a
    function or method of the file), or a `return false` of one whose every call in the
    file is the condition of a `for` loop (`for h.readOne() {}`) in such a function."""
    after = send.next_named_sibling
    while after is not None and after.type == "comment":
        after = after.next_named_sibling
    function = enclosing_function(send)
    if after is None or after.type != "return_statement" or function is None:
        return None
    started = _started_by_go(function, ctx)
    if started is not None or function.type == "func_literal":
        return started
    title = ctx.text(function.child_by_field_name("name"))
    if ctx.text(after).replace(" ", "") != "returnfalse" or any(
            has_word(source, title.encode()) for source in PackageFiles.of(ctx).sources[1:]):
        return None  # not a loop's condition, or called from another file too
    loops = []
    for node in named(ctx.root, ctx.source, title):
        called = node.parent if node.type == "field_identifier" else node
        call = called.parent
        if call is None or call.type != "call_expression" or call.child_by_field_name("function") != called:
            continue
        loop = call.parent
        if loop is None or loop.type != "for_statement" or loop.named_children[0] != call:  # `for f() {`
            return None  # called elsewhere: its `false` may not end a goroutine
        loops.append(loop)
    starts = [_started_by_go(enclosing_function(loop), ctx) for loop in loops]
    return starts[0] if starts and None not in starts else None


def _started_by_go(function, ctx: Context):
    """The go statement that runs function: `go func() {...}()` for a literal, a
    `go f()` / `go x.f()` of the file for a declared one; None if there is none."""
    if function is None:
        return None
    if function.type == "func_literal":
        call = function.parent
        return call.parent if call is not None and call.type == "call_expression" and \
            call.child_by_field_name("function") == function and call.parent is not None and \
            call.parent.type == "go_statement" else None
    return next((go for go in _go_statements(function, ctx) if _starts(go, function, ctx)), None)


def _other_field_uses(field: str, ctx: Context) -> bool:
    """Whether the package uses the field other than to make, send on or receive from it
    here (`return h.err`, `close(h.err)`, a hand-off): another file that names it, or a
    selector of this file in any other place."""
    package = PackageFiles.of(ctx)
    pattern = re.compile(rb"\." + re.escape(field.encode()) + rb"\b")
    if any(pattern.search(source) for source in package.sources[1:]):
        return True
    for ident in named(ctx.root, ctx.source, field):
        node = ident.parent
        if ident.type != "field_identifier" or node.type != "selector_expression":
            continue
        parent = strip_parens(node).parent
        if parent.type == "send_statement" and parent.child_by_field_name("channel") == node:
            continue
        if parent.type == "unary_expression" and ctx.text(parent).startswith("<-"):
            continue
        if parent.type == "expression_list" and parent.parent is not None and \
                parent.parent.type == "assignment_statement" and parent == parent.parent.child_by_field_name("left"):
            continue
        return True
    return False


def _never_stopped(receiver, ctx: Context) -> bool:
    """Whether every way the receiver loop stops on its own is a select case that never
    fires while it runs (_never_fires): the loop keeps receiving."""
    receive = receiver.receive
    if receive is not None and receive.type == "unary_expression" and receive.parent is not None and \
            receive.parent.type == "receive_statement":
        receive = receive.parent
    loop = receive.parent if receive is not None and receive.type == "range_clause" else \
        enclosing_loop(receive, None) if receive is not None else None
    exits = stopping_exits(loop, receive, ctx.source) if loop is not None else []
    for exit in exits:
        case = next((a for a in ancestors(exit) if a.type == "communication_case" or a == loop), None)
        taken = case.child_by_field_name("communication") if case is not None and case != loop else None
        if taken is None or not _never_fires(taken, ctx):
            return False
    return bool(exits)


def _firing(receiver, receives: list, ctx: Context):
    """The receiver with its way out picked again past select cases that cannot fire
    while it runs (_never_fires), so the message names one that can; unchanged when
    none is left (_never_stopped then holds)."""
    quiet, found = (), receiver
    while found.verdict == "gives-up" and found.exit is not None and found.exit.type == "receive_statement" and \
            _never_fires(found.exit, ctx):
        quiet += (found.exit,)
        found = settle(classify_receive(receiver.receive, ctx.source, quiet), receives, ctx.source)
    return found if found.verdict == "gives-up" else receiver


def _never_fires(taken, ctx: Context) -> bool:
    """Whether a select case receiving a field of a struct type of the package (`case
    <-p.done:`, the file stating p's type) cannot fire while its function runs: no file
    of the package closes, sends on or hands the field anywhere (`_field_only_made`; a
    field of another package's type is filled there), or only that function itself
    closes it on that value, right before it returns (`close(t.abort); return`)."""
    channel = strip_parens(received_channel(taken))
    owner = field_owner(channel, ctx.source) if channel is not None else None
    if channel is None or owner is None or "." in owner:
        return False
    function = enclosing_function(taken)

    def closed_here(selector, source: bytes) -> bool:
        call = selector.parent.parent if selector.parent is not None else None
        return source is ctx.source and call is not None and call.type == "call_expression" and \
            call_name(call, source) == ("", "close") and call.parent.type == "expression_statement" and \
            enclosing_function(call) == function and _returns_after(call.parent) and \
            ctx.names.same_path(selector.child_by_field_name("operand"), channel.child_by_field_name("operand"))
    field = ctx.text(channel.child_by_field_name("field"))
    return only_made(field, _package_files(ctx, field), closed_here)


def _field_only_made(field: str, ctx: Context) -> bool:
    """Whether the package only makes the field and receives from it (receivers.only_made)."""
    return only_made(field, _package_files(ctx, field))


def _stop_closes_sent(receiver, sent: str, ctx: Context) -> bool:
    """analysis/receivers.stop_closes_sent for a receiver loop that can stop."""
    return receiver.exit is not None and \
        stop_closes_sent(receiver.receive, sent, ctx.source, lambda word: _package_files(ctx, word))


def _stopped_under_flag(send, receiver, ctx: Context) -> bool:
    """analysis/locks.stopped_under_flag for the receiver loop's stop cases."""
    stops = stop_receives(receiver.receive, ctx.source) if receiver.receive is not None else None
    return bool(stops) and stopped_under_flag(send, stops, ctx.source, lambda word: _package_files(ctx, word))


def _state_guarded(send, exit, ctx: Context) -> bool:
    """Whether the sending function returns before the send when a field holds a value
    that every stop of the receiver in the package (a close of its stop channel, or a
    send on it other than the loop's own answer) sets first, earlier in the same block
    (`if w.state == closed { return }` ... `w.queue <- m`, and `w.state = closed;
    close(w.done)`; `if atomic.LoadUint32(&w.stopped) == 1 { return }` and
    `atomic.StoreUint32(&w.stopped, 1); ...; w.stop <- struct{}{}`; `if w.closed.Load()
    { return }` and `w.closed.Store(true)`): a send after the stop then needs a caller
    racing the stop, which the code does not show."""
    channel = strip_parens(received_channel(exit)) if exit is not None and exit.type == "receive_statement" \
        else None
    if channel is None or channel.type != "selector_expression":
        return False
    stop = ctx.text(channel.child_by_field_name("field"))
    stops = []  # per stop, the (field, value) settings before it
    for source, root, _ in _package_files(ctx, stop):
        for node in descendants(root, ("call_expression", "send_statement")):
            if node.type == "send_statement":
                target = node.child_by_field_name("channel")
                if answers_stop(node, stop, source):
                    continue  # the loop's answer to a stop it took
            else:
                target = arguments(node)[0] if call_name(node, source) == ("", "close") and \
                    len(arguments(node)) == 1 else None
            target = strip_parens(target) if target is not None else None
            if target is None or target.type != "selector_expression" or \
                    text(source, target.child_by_field_name("field")) != stop:
                continue
            statement = node if node.type == "send_statement" else node.parent
            block = statement.parent if statement is not None else None
            if block is None or block.type not in ("block", "statement_list"):
                return False
            settings = set()
            for before in block.named_children:
                if before.start_byte >= statement.start_byte:
                    break
                settings |= _field_settings(before, source)
            if not settings:
                return False  # a stop with no state set first
            stops.append(settings)
    function = enclosing_function(send)
    body = function.child_by_field_name("body") if function is not None else None
    if not stops or body is None:
        return False
    for guard in descendants(body, ("if_statement",), into_functions=False):
        consequence = guard.child_by_field_name("consequence")
        if guard.end_byte > send.start_byte or within(send, guard) or consequence is None or \
                not any(s.type == "return_statement" for s in statements(consequence)):
            continue
        tested, pending = set(), [guard.child_by_field_name("condition")]
        while pending:
            condition = strip_parens(pending.pop())
            operator = condition.child_by_field_name("operator") if condition is not None and \
                condition.type == "binary_expression" else None
            if operator is not None and operator.type == "||":
                pending += [condition.child_by_field_name("left"), condition.child_by_field_name("right")]
            elif operator is not None and operator.type == "==":
                state = _state_field(condition.child_by_field_name("left"), ctx.source)
                if state is not None:
                    tested.add((state, ctx.text(condition.child_by_field_name("right")).strip()))
            elif condition is not None and _state_field(condition, ctx.source) is not None:
                tested.add((_state_field(condition, ctx.source), "true"))  # `if w.closed {`
        if all(settings & tested for settings in stops):
            return True
    return False


def _field_settings(statement, source: bytes) -> set:
    """The (field, value) pairs a statement sets: `x.f = v`, `atomic.StoreUint32(&x.f,
    v)`, `x.f.Store(v)`."""
    if statement.type == "assignment_statement":
        left, right = statement.child_by_field_name("left"), statement.child_by_field_name("right")
        if left is not None and right is not None and len(left.named_children) == 1 == len(right.named_children) \
                and left.named_children[0].type == "selector_expression" and \
                text(source, statement).split("=", 1)[0].rstrip()[-1:] not in "+-*/%&|^<>:":
            return {(text(source, left.named_children[0].child_by_field_name("field")),
                     text(source, right).strip())}
        return set()
    call = statement.named_children[0] if statement.type == "expression_statement" and statement.named_children \
        else None
    if call is None or call.type != "call_expression":
        return set()
    given = arguments(call)
    operand, name = call_name(call, source)
    if name.startswith("Store") and operand == "atomic" and len(given) == 2:
        field = _state_field(given[0], source, address=True)
        return {(field, text(source, given[1]).strip())} if field is not None else set()
    function = call.child_by_field_name("function")
    if name == "Store" and len(given) == 1 and function.type == "selector_expression":
        field = _state_field(function.child_by_field_name("operand"), source)
        return {(field, text(source, given[0]).strip())} if field is not None else set()
    return set()


def _state_field(node, source: bytes, address: bool = False) -> str | None:
    """The field a state test or setting names: `x.f`, `atomic.LoadUint32(&x.f)`,
    `x.f.Load()` (`&x.f` when address)."""
    node = strip_parens(node)
    if node is not None and address and node.type == "unary_expression" and \
            text(source, node).startswith("&"):
        node = strip_parens(node.child_by_field_name("operand"))
    elif node is not None and node.type == "call_expression":
        operand, name = call_name(node, source)
        given = arguments(node)
        function = node.child_by_field_name("function")
        if name.startswith("Load") and operand == "atomic" and len(given) == 1:
            return _state_field(given[0], source, address=True)
        if name == "Load" and not given and function.type == "selector_expression":
            return _state_field(function.child_by_field_name("operand"), source)
        return None
    if node is None or node.type != "selector_expression":
        return None
    return text(source, node.child_by_field_name("field"))


def _requested(receives: list, send, ctx: Context) -> bool:
    """Whether every receiver of the field (outside the sending function) asks for each
    value it waits for: before its receive from `q.f`, in the same turn of its loop, it
    sends q itself on another channel (`case b.wake <- q:`, then `case <-q.resume:`).
    The sender answers the request it was handed, and a receiver that stops asks no
    more, so a buffer holds the answer that may be pending; that a sender answers one
    request twice is not shown (low)."""
    sender = enclosing_function(send)
    asked = False
    for receive in receives:
        function = enclosing_function(receive)
        if function is None or function == sender:
            continue
        channel = receive_channel(receive)
        operand = strip_parens(channel.child_by_field_name("operand")) \
            if channel is not None and channel.type == "selector_expression" else None
        loop = enclosing_loop(receive, function)
        scope = (loop or function).child_by_field_name("body")
        if operand is None or operand.type != "identifier" or scope is None or not any(
                request.end_byte <= receive.start_byte and request.child_by_field_name("value") is not None and
                same_channel(request.child_by_field_name("value"), operand, ctx.source)
                for request in descendants(scope, ("send_statement",), into_functions=False)):
            return False
        asked = True
    return asked


def _buffered_elsewhere(field: str, owner: str, ctx: Context) -> bool:
    """Whether the package's other files store channels in the field of the type owner,
    and every one is made with a literal buffer: in a keyed literal of that type
    (`errChan: make(chan error, 1)`; a literal of another type is another field), by an
    assignment (`m.errChan = make(...)`), or through a local of the storing function made
    so (`errChan := make(chan error, 1); return &manager{errChan: errChan}`)."""
    memo, key = file_memo(ctx.source), (_buffered_elsewhere, field, owner)
    if key not in memo:
        files = _package_files(ctx, field, _store_shape(field))[1:]
        capacities = [channel_capacity(value, source) if value is not None else None
                      for source, value in _field_stores(field, owner, files)]
        memo[key] = bool(capacities) and None not in capacities and 0 not in capacities
    return memo[key]


def _store_shape(field: str) -> re.Pattern:
    """What the bytes of a file that stores in the field hold (`field:` or `.field =`,
    comments between): a file without it has no store for _field_stores to find."""
    return re.compile(re.escape(field.encode()) + _GAP + rb"[:=]")


# What may come between two tokens: spaces and comments, taken whole (possessive: a
# comment read in parts would be tried every way, exponential in a run of comment lines).
_GAP = rb"(?:\s|/\*(?:[^*]|\*(?!/))*\*/|//[^\n]*)*+"


def _field_stores(field: str, owner: str | None, files: list, typed: bool = False) -> list:
    """(source, value) of each store in the field of the type owner in files (None when
    a local's value is not seen), as _buffered_elsewhere describes; with typed, an
    assignment to the field of a value of another known type (field_owner) is none."""
    stores = []
    for source, root, names in files:
        for node in _store_nodes(field, source, root):
            value = _stored_value(node, field, source)
            if value is None:
                continue
            if node.type == "keyed_element":
                literal = node.parent.parent if node.parent is not None else None
                kind = literal.child_by_field_name("type") if literal is not None and \
                    literal.type == "composite_literal" else None
                if kind is not None and owner is not None and text(source, kind) != owner:
                    continue
            elif typed and owner is not None and \
                    field_owner(node.child_by_field_name("left").named_children[0], source) not in (owner, None):
                continue
            if value.type == "identifier":
                binding = names.reaching(value, value)
                value = strip_parens(binding[1]) if binding is not None and binding[1] is not None else None
            stores.append((source, value))
    return stores


def _store_nodes(field: str, source: bytes, root) -> list:
    """The keyed elements and assignments around each place the bytes hold the field's
    name, in source order: where a store in it can be, without a pass over the whole tree."""
    held: dict[int, Any] = {}
    word = field.encode()
    at = source.find(word)
    while at >= 0:
        leaf = root.descendant_for_byte_range(at, at + len(word))
        at = source.find(word, at + 1)
        node = next((a for a in ancestors(leaf) if a.type in ("keyed_element", "assignment_statement")), None) \
            if leaf is not None else None
        if node is not None:
            held.setdefault(node.start_byte, node)
    return sorted(held.values(), key=lambda n: n.start_byte)


def _stored_value(node, field: str, source: bytes):
    """The value a keyed element `field: v` or an assignment `x.field = v` (one to one)
    stores in the field; None when node stores nothing in it."""
    if node.type == "keyed_element":
        parts = node.named_children
        if len(parts) != 2 or text(source, parts[0]) != field:
            return None
        return strip_parens(parts[1].named_children[0] if parts[1].named_children else None)
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left is None or right is None or len(left.named_children) != 1 or len(right.named_children) != 1:
        return None
    target = left.named_children[0]
    name = target.child_by_field_name("field") if target.type == "selector_expression" else None
    operator = node.child_by_field_name("operator")
    if name is None or text(source, name) != field or operator is not None and operator.type != "=":
        return None
    return strip_parens(right.named_children[0])


def _made_unseen(field: str, owner: str | None, ctx: Context) -> str | None:
    """The call (its text) when the package stores in the field a channel that a call
    returns whose function or method the package does not declare (`q.packets =
    src.Packets()`, a library's channel): how it is made, and its buffer, is not shown."""
    stores = _field_stores(field, owner, _package_files(ctx, field, _store_shape(field)), typed=True)
    if not any(value is not None and value.type == "call_expression" for _, value in stores):
        return None
    declared = [(source, root) for source, root, _ in _package_files(ctx, "func")]
    return next((call for source, value in stores
                 for call in [undeclared_call(value, source, declared)] if call is not None), None)


def _leaves_registry(receiver, send, ctx: Context) -> bool:
    """A sender that finds its receivers in a registry (`for _, s := range l.streams {
    s.complete <- true }`), and a receiver whose way out takes it out of that registry
    first (the case it leaves by deletes from `.streams`, itself or through the
    functions and methods of the file it calls, two calls deep): a later send does not
    find it. The delete is taken to run on the way out when the case reaches it."""
    channel = strip_parens(send.child_by_field_name("channel"))
    operand = strip_parens(channel.child_by_field_name("operand")) if channel.type == "selector_expression" else None
    clause = range_clause(operand, ctx.source) if operand is not None and operand.type == "identifier" else None
    registry = strip_parens(clause.child_by_field_name("right")) if clause is not None else None
    if registry is None or registry.type != "selector_expression" or receiver.exit.parent is None:
        return False
    return _deletes(receiver.exit.parent, ctx.text(registry.child_by_field_name("field")), ctx, 2)


def _same_timeout(receiver, send, ctx: Context) -> bool:
    """A receiver that gives up on a timer of some duration (`timeout :=
    s.after(s.timeout)`, `case <-timeout:`), and a send that comes right after the
    sender's own wait in a select bounded by a timer of the same duration (`case
    <-s.after(s.timeout):`): the send comes at most that long after the sender starts
    waiting, so the two miss each other only when the receiver started its wait first."""
    exit = receiver.exit
    duration = _timer_duration(received_channel(exit), ctx) if exit.type == "receive_statement" else None
    before = send.prev_named_sibling
    while before is not None and before.type == "comment":
        before = before.prev_named_sibling
    if duration is None or before is None or before.type != "select_statement" or \
            any(c.type == "default_case" for c in before.named_children):
        return False
    return any(_timer_duration(received_channel(c.child_by_field_name("communication")), ctx) == duration
               for c in before.named_children if c.type == "communication_case")


def _timer_duration(channel, ctx: Context) -> str | None:
    """The duration of a timer channel (`time.After(d)`, `s.getAfterChan(s.timeout)`,
    or a local bound to one) when it names the same thing in any function: a field
    path (`.timeout`, `.spec.Timeout`, whatever the receiver is called) or an
    expression of constants and package-level names (`5 * time.Second`)."""
    channel = strip_parens(channel)
    if channel is not None and channel.type == "identifier":
        binding = ctx.names.reaching(channel, channel)
        channel = strip_parens(binding[1]) if binding is not None and binding[1] is not None else None
    if channel is None or channel.type != "call_expression":
        return None
    args = arguments(channel)
    if len(args) != 1 or "after" not in call_name(channel, ctx.source)[1].lower():
        return None
    duration = root = strip_parens(args[0])
    while root.type == "selector_expression":
        root = strip_parens(root.child_by_field_name("operand"))
    if root != duration and root.type == "identifier" and ctx.names.import_path(root) is None:
        return ctx.text(duration)[len(ctx.text(root)):]  # `.spec.Timeout`, whatever the receiver is called
    if any(n.type == "identifier" and ctx.names.resolve(n).kind == LOCAL for n in walk(duration)):
        return None
    return ctx.text(duration)


def _deletes(node, field: str, ctx: Context, depth: int) -> bool:
    """Whether node deletes from a map kept in `field` (`delete(s.owner.streams, k)`),
    itself or through a function or method of the file that it calls (`types.called`),
    up to depth calls away."""
    body = node.child_by_field_name("body") if node.type in ("function_declaration", "method_declaration") else node
    for call in descendants(body, ("call_expression",), into_functions=False) if body is not None else []:
        operand, name = call_name(call, ctx.source)
        args = arguments(call)
        if (operand, name) == ("", "delete") and args and strip_parens(args[0]).type == "selector_expression" \
                and ctx.text(strip_parens(args[0]).child_by_field_name("field")) == field:
            return True
        if depth and name and name != "delete":
            found = ctx.types.called(call)
            if found is not None and found != node and _deletes(found, field, ctx, depth - 1):
                return True
    return False


def _stopped_with_process(receiver, ctx: Context) -> bool:
    """A receiver loop that stops only when its owner tells it to (a `<-ctx.Done()` or
    `<-stop` case), whose every start in the file is a goroutine the package shows runs
    once per process (from init, a package-level Once, a program's set-up code): it
    is told to stop as the process shuts down, and what blocks then ends with it."""
    if receiver.exit is None or receiver.exit.type != "receive_statement":
        return False
    function = enclosing_function(receiver.receive)
    if function is None:
        return False
    if function.type == "func_literal":
        go = function.parent.parent if function.parent is not None else None
        starts = [go] if go is not None and go.type == "go_statement" else []
    else:
        starts = [go for go in _go_statements(function, ctx) if _starts(go, function, ctx)]
    return bool(starts) and all(started_for_process(go, ctx) for go in starts)


def _ended_by_caller(receiver, ctx: Context) -> bool:
    """A receiver loop whose only way out is the Done of a context that code the
    package does not show hands it: a parameter of a function literal handed to a
    function or method of another package (`pool.GoCtx(func(ctx context.Context) {...})`),
    or of a declared function whose callers hand it down (_handed_down), or a context
    field of the loop's receiver set only from a parameter (_handed_context_field). That code
    ends it, as a rule with the service or the process: whether a sender is left
    behind rests on what the code does not show."""
    if receiver.exit is None or receiver.exit.type != "receive_statement":
        return False
    function = enclosing_function(receiver.receive)
    receives = stop_receives(receiver.receive, ctx.source)
    stops = {ctx.text(c) for c in receives} if receives is not None else None  # stop_channels
    contexts = _context_parameters(function, ctx) if function is not None else {}
    if stops and function is not None and function.type == "method_declaration" and \
            all(_handed_context_field(c, function, ctx) for c in receives):
        return True
    if not stops or not set(contexts) >= {s.removesuffix(".Done()") for s in stops} or \
            not all(s.endswith(".Done()") for s in stops):
        return False
    if function.type == "func_literal":
        return _handed_on(function, ctx)
    contexts = {name: index for name, index in contexts.items() if f"{name}.Done()" in stops}
    return function.type in ("function_declaration", "method_declaration") and \
        bool(ctx.types.calls_of(function)) and _handed_down(function, contexts, ctx, HANDED_DEPTH)


def _handed_context_field(stop, method, ctx: Context) -> bool:
    """Whether stop (as written) is the Done of a context field of the method's receiver
    (`s.shutdownCtx.Done()`) that the package only sets from a context parameter of the
    function setting it (`&Service{shutdownCtx: ctx}` in `NewService(ctx context.Context)`,
    or `s.shutdownCtx = ctx`), once at least: a context its caller made and ends, as a
    parameter handed down (_ended_by_caller)."""
    done = stop.child_by_field_name("function") if stop.type == "call_expression" and not arguments(stop) else None
    holder = done.child_by_field_name("operand") if done is not None and done.type == "selector_expression" and \
        ctx.text(done.child_by_field_name("field")) == "Done" else None
    if holder is None or holder.type != "selector_expression" or \
            not ctx.names.declared_in(holder.child_by_field_name("operand"), method, "receiver"):
        return False
    field = ctx.text(holder.child_by_field_name("field"))
    sets = 0
    for source, root, names in _package_files(ctx, field):
        for node in named(root, source, field):
            parent = node.parent
            element = parent.parent if parent is not None and parent.type == "literal_element" else None
            statement = parent.parent.parent if parent is not None and parent.parent is not None and \
                parent.parent.type == "expression_list" else None
            if node.type == "identifier" and element is not None and element.type == "keyed_element" and \
                    element.child_by_field_name("key") == parent:
                value = strip_parens(element.child_by_field_name("value"))  # `&Service{shutdownCtx: ctx}`
                value = strip_parens(value.named_children[0]) if value.type == "literal_element" and \
                    value.named_children else value
            elif node.type == "field_identifier" and parent.type == "selector_expression" and \
                    statement is not None and statement.type == "assignment_statement" and \
                    parent.parent == statement.child_by_field_name("left"):
                targets = statement.child_by_field_name("left").named_children
                values = statement.child_by_field_name("right").named_children
                if len(targets) != len(values):
                    return False
                value = strip_parens(values[targets.index(parent)])  # `s.shutdownCtx = ctx`
            else:
                continue  # a read
            function = enclosing_function(value)
            decl = names.resolve(value).decl if value.type == "identifier" else None
            params = function.child_by_field_name("parameters") if function is not None else None
            kind = next((p.child_by_field_name("type") for p in ancestors(decl) if p.type == "parameter_declaration"),
                        None) if decl is not None and params is not None and within(decl, params) else None
            if kind is None or names.qualified(kind) != ("context", "Context"):
                return False  # a context made here (`context.WithCancel`), or another value
            sets += 1
    return sets > 0


def _process_wide_stop(receiver, ctx: Context) -> bool:
    """A receiver loop whose every way out is the Done of a package-level context, of
    this package or another (`case <-mox.Shutdown.Done():`): a context shared by the
    whole process, cancelled as it shuts down; a sender left then ends with it."""
    loop = enclosing_loop(receiver.receive, None) if receiver.exit is not None else None
    exits = stopping_exits(loop, receiver.receive, ctx.source) if loop is not None else []
    for exit in exits:
        case = next((a for a in ancestors(exit) if a.type == "communication_case" or a == loop), None)
        taken = case.child_by_field_name("communication") if case is not None and case != loop else None
        channel = strip_parens(received_channel(taken)) if taken is not None else None
        function = strip_parens(channel.child_by_field_name("function")) \
            if channel is not None and channel.type == "call_expression" else None
        if function is None or function.type != "selector_expression" or arguments(channel) or \
                ctx.text(function.child_by_field_name("field")) != "Done":
            return False
        holder = strip_parens(function.child_by_field_name("operand"))
        if holder.type == "identifier":
            if ctx.names.resolve(holder).kind != PACKAGE:
                return False
        elif holder.type == "selector_expression":
            operand = strip_parens(holder.child_by_field_name("operand"))
            if operand.type != "identifier" or ctx.names.import_path(operand) is None:
                return False
        else:
            return False
    return bool(exits)


def _replaced_when_stopped(receiver, ctx: Context) -> bool:
    """A receiver loop whose every way out is a field of its own value (`case <-ec.done:`)
    that the package sends on or closes only on the value of a package-level variable,
    which the same function then sets anew (`cache.done <- true; cache = &Cache{...}`),
    itself or through a method of the type that stops its receiver (`procCache.purge();
    procCache = nil`): the process keeps one such value in that variable and stops it
    only as it puts another in its place, so a sender left on the stopped one is one
    that kept it from before, a use the code does not show (low)."""
    stops = stop_receives(receiver.receive, ctx.source) if receiver.exit is not None else None
    method = enclosing_function(receiver.receive)
    while method is not None and method.type == "func_literal":
        method = enclosing_function(method)
    if not stops or method is None or method.type != "method_declaration" or any(
            s.type != "selector_expression" or
            not ctx.names.declared_in(s.child_by_field_name("operand"), method, "receiver") for s in stops):
        return False
    owner, package = receiver_type(method, ctx.source), PackageFiles.of(ctx)
    stoppers, replaced = set(), 0
    for field in {ctx.text(s.child_by_field_name("field")) for s in stops}:
        for source, root, names in _package_files(ctx, field):
            for node in descendants(root, ("call_expression", "send_statement")):
                channel = _set_off(node, field, source)
                if channel is None:
                    continue
                holder, operand = enclosing_function(node), channel.child_by_field_name("operand")
                if holder is not None and holder.type == "method_declaration" and holder != method and \
                        receiver_type(holder, source) == owner and names.declared_in(operand, holder, "receiver"):
                    stoppers.add(text(source, holder.child_by_field_name("name")))
                    continue
                if not _replaced_after(node, operand, names, package):
                    return False
                replaced += 1
    for name in stoppers:
        for source, root, names in _package_files(ctx, name):
            for node in named(root, source, name):
                if node.parent.type == "method_declaration":
                    continue
                call = node.parent.parent if node.type == "field_identifier" else None
                if call is None or call.type != "call_expression" or not _replaced_after(
                        call, node.parent.child_by_field_name("operand"), names, package):
                    return False
                replaced += 1
    return replaced > 0


def _replaced_after(node, operand, names, package) -> bool:
    """Whether the identifier operand names a package-level variable that the declared
    function holding node assigns after it (`cache = &Cache{...}`, `procCache = nil`)
    (names: the file's)."""
    function = enclosing_function(node)
    return function is not None and function.type in ("function_declaration", "method_declaration") and \
        operand is not None and operand.type == "identifier" and names.resolve(operand).kind == PACKAGE and \
        package.package_variable(text(names.source, operand)) and any(
            a.start_byte > node.end_byte and len(a.child_by_field_name("left").named_children) == 1 and
            names.same_variable(a.child_by_field_name("left").named_children[0], operand)
            for a in descendants(function, ("assignment_statement",), into_functions=False))


HANDED_DEPTH = 3


def _handed_down(function, contexts: dict, ctx: Context, depth: int) -> bool:
    """Whether the context parameters of a declared function (name -> index) come from
    code that ends them with the service or the process: every call of it in the file
    passes, for each, a context parameter of a function literal that another package
    runs (`pool.GoCtx(func(ctx context.Context) { s.watch(ctx) })`), or one of the
    calling declared function's own (`go s.loop(ctx)` in `NewServer(ctx)`, also from a
    literal in it), itself handed down so, up to depth calls up; a function the file
    does not call hands on its caller's context when the package shows nothing that
    runs it again (`lifetime.function_again`: no loop, request handler or library API
    on the way up): a daemon's or a service's context, cancelled as it stops. A context
    the package makes (`context.WithCancel(...)` in a `Start`) is not handed down."""
    calls = ctx.types.calls_of(function)
    if not calls:
        return function_again(function, PackageFiles.of(ctx)) is None
    if depth <= 0:
        return False
    for call in calls:
        args = arguments(call)
        literal = enclosing_function(call)
        given = _context_parameters(literal, ctx) if literal is not None and literal.type == "func_literal" else {}
        if given and _handed_on(literal, ctx) and all(
                index < len(args) and any(n.type == "identifier" and ctx.text(n) in given and
                                          ctx.names.resolve(n).decl == given[ctx.text(n)]
                                          for n in (args[index], *walk(args[index])))
                for index in contexts.values()):
            continue
        outer = ctx.names.outermost_function(call)
        if outer is None or outer.type not in ("function_declaration", "method_declaration"):
            return False
        theirs = _context_parameters(outer, ctx)
        parameters_node = outer.child_by_field_name("parameters")
        passed = {}
        for index in contexts.values():
            arg = strip_parens(args[index]) if index < len(args) else None
            decl = ctx.names.resolve(arg).decl if arg is not None and arg.type == "identifier" else None
            if decl is None or not within(decl, parameters_node) or ctx.text(arg) not in theirs:
                return False  # a context made or derived here, a field's, or another value
            passed[ctx.text(arg)] = theirs[ctx.text(arg)]
        if not _handed_down(outer, passed, ctx, depth - 1):
            return False
    return True


def _stops_itself(receiver, ctx: Context) -> bool:
    """A receiver loop whose way out is the stop channel of a value it stops itself:
    the case it leaves through (or each case that sets the flag it leaves on: `case
    <-f.consumer.StopChan: exit = true` ... `if exit { break }`) receives a field of x,
    a value the loop holds (a field path, not its own receiver), and another case of the
    loop calls a method of x named for the end of its life (`case <-f.termChan:
    f.consumer.Stop()`). It leaves after the stop it asks for on that other case, which
    its owner sends as it stops too: whether a sender is left rests on what the code
    does not show (what else closes x's channel)."""
    exit, receive = receiver.exit, receiver.receive
    if exit is None or receive is None:
        return False
    loop = receive.parent if receive.type == "range_clause" else enclosing_loop(receive, None)
    if loop is None:
        return False
    if exit.type == "receive_statement":
        cases = [exit.parent]
    else:
        test = next((a for a in ancestors(exit) if a.type == "if_statement" or a == loop), None)
        flag = strip_parens(test.child_by_field_name("condition")) if test is not None and test != loop else None
        if flag is None or flag.type != "identifier":
            return False
        cases = [case for case in descendants(loop, ("communication_case",), into_functions=False)
                 if any(t.type == "identifier" and ctx.names.same_variable(t, flag) and v is not None and
                        ctx.text(v) == "true" for t, v, _ in assignments(case))]
    for case in cases or [None]:
        channel = received_channel(case.child_by_field_name("communication")) if case is not None else None
        operand = strip_parens(channel.child_by_field_name("operand")) \
            if channel is not None and channel.type == "selector_expression" else None
        if operand is None or operand.type != "selector_expression":
            return False  # a channel of the receiver's own value, not of a value it holds
        owner = ctx.text(operand)
        if not any(n.type == "call_expression" and not within(n, case) and
                   n.child_by_field_name("function").type == "selector_expression" and
                   ENDING.match(ctx.text(n.child_by_field_name("function").child_by_field_name("field"))) and
                   ctx.text(strip_parens(n.child_by_field_name("function").child_by_field_name("operand"))) == owner
                   for n in walk(loop.child_by_field_name("body"), into_functions=False)):
            return False
    return True


def _context_parameters(function, ctx: Context) -> dict:
    """The context.Context parameters of a function: name -> its declaring identifier
    (a declared function's: name -> its index among the parameters)."""
    found = {}
    plist = function.child_by_field_name("parameters")
    index = 0
    for decl in plist.named_children if plist is not None else ():
        if decl.type not in ("parameter_declaration", "variadic_parameter_declaration"):
            continue
        idents = decl.children_by_field_name("name") or [None]
        for ident in idents:
            if ident is not None and ctx.names.qualified(decl.child_by_field_name("type")) == ("context", "Context"):
                found[ctx.text(ident)] = ident if function.type == "func_literal" else index
            index += 1
    return found


def _handed_on(literal, ctx: Context) -> bool:
    """Whether a function literal is an argument of a call of another package's
    function or method (not one the package declares): that package runs it."""
    holder = literal.parent
    call = holder.parent if holder is not None and holder.type == "argument_list" else None
    callee = strip_parens(call.child_by_field_name("function")) if call is not None else None
    if callee is None:
        return False
    if callee.type == "identifier":
        return ctx.names.resolve(callee).kind not in (LOCAL, PACKAGE)
    if callee.type != "selector_expression":
        return False
    operand = strip_parens(callee.child_by_field_name("operand"))
    if operand.type == "identifier" and ctx.names.import_path(operand) is not None:
        return True
    kind = ctx.types.of(operand)
    base = kind.deref() if kind is not None else None
    return base is not None and base.kind == "named" and base.path != ""


def _run_by_caller(receiver, ctx: Context) -> bool:
    """A receiver loop whose only way out is the cancellation of a context parameter of
    its function or method (`func (w *watcher) Run(ctx context.Context)` with `case
    <-ctx.Done(): return`) that the package never calls: exported and named nowhere in
    the package but where declared, or only handed to another package's function
    (`svcutil.AsService(s.handle, name)`). Code outside the package starts it and sets
    its life through that context (a service's, often the process's), and the senders
    it leaves behind end with what that caller ends."""
    if receiver.exit is None or receiver.exit.type != "receive_statement":
        return False
    function = enclosing_function(receiver.receive)
    if function is None or function.type not in ("function_declaration", "method_declaration"):
        return False
    name = ctx.text(function.child_by_field_name("name"))
    contexts = {f"{n}.Done()" for n, kind in parameters(function, ctx.source)
                if ctx.names.qualified(kind) == ("context", "Context")}
    stops = stop_channels(receiver.receive, ctx.source)
    if not contexts or not stops or not stops <= contexts:
        return False
    if function.type == "method_declaration":
        return _method_run_by_caller(function, name, ctx)
    handed = False
    for node in named(ctx.root, ctx.source, name):
        if node.type == "type_identifier" or node.parent is not None and node.parent.type in (
                "function_declaration", "method_declaration", "method_elem", "method_spec") and \
                node.parent.child_by_field_name("name") == node:
            continue  # a declaration
        if not _handed_out(node, ctx):
            return False
        handed = True
    if not handed and not name[:1].isupper():
        return False  # unexported and never named: dead code, or started some other way
    word = re.compile(rb"\b" + re.escape(name.encode()) + rb"\b")
    declared = re.compile(rb"^func\s*(?:\([^)]*\)\s*)?" + re.escape(name.encode()) + rb"\s*[\[(]", re.M)
    facts = ctx.names.facts
    for source in facts.sources() if facts is not None else []:
        source = LINE_COMMENT.sub(b"", source)
        if len(word.findall(source)) != len(declared.findall(source)):
            return False
    return True


def _method_run_by_caller(method, name: str, ctx: Context) -> bool:
    """_run_by_caller for a method: every mention of the name in the package's files
    that may run this method hands it to another package's function (in this file), and
    an unexported one is mentioned at least once. Not such a mention (analysis/types): a
    declaration (the method's, an interface's method, a struct field), or a selector on
    a value of an imported type or of another concrete type of the package
    (`e.tracker.Start()`); a call on an interface value may run it."""
    owner = receiver_type(method, ctx.source)
    handed = False
    for source, root, names in _package_files(ctx, name):
        types = types_for(names)
        for node in named(root, source, name):
            parent = node.parent
            if node.type != "field_identifier" or parent is None or parent.type in (
                    "method_declaration", "method_elem", "method_spec", "field_declaration"):
                continue  # a declaration, or not a method's name
            if parent.type != "selector_expression":
                return False  # `{Start: ...}`: used another way
            kind = types.of(parent.child_by_field_name("operand"))
            base = kind.deref() if kind is not None else None
            if base is not None and base.kind == "named" and (base.path or (
                    not types.is_interface(kind) and types.method_holder(kind, name) != owner)):
                continue  # another type's method
            if source is not ctx.source or not _handed_out(node, ctx):
                return False
            handed = True
    return handed or name[:1].isupper()


def _handed_out(node, ctx: Context) -> bool:
    """Whether the name is a function value handed straight to a function of another
    package (`svcutil.AsService(s.handle, ...)`, `pkg.Go(run)`)."""
    value = node.parent if node.parent is not None and node.parent.type == "selector_expression" and \
        node.parent.child_by_field_name("field") == node else node
    call = value.parent.parent if value.parent is not None and value.parent.type == "argument_list" else None
    callee = strip_parens(call.child_by_field_name("function")) if call is not None else None
    if callee is None or callee.type != "selector_expression":
        return False
    operand = strip_parens(callee.child_by_field_name("operand"))
    return operand.type == "identifier" and ctx.names.import_path(operand) is not None


def _go_statements(function, ctx: Context) -> list:
    """The go statements of the file that call a function of the declared one's name
    (`go run()`, `go s.run()`): found where the name occurs (`named`, a search of the
    bytes), not by a walk of the file for each receiver."""
    found = []
    for node in named(ctx.root, ctx.source, ctx.text(function.child_by_field_name("name"))):
        called = node.parent if node.type == "field_identifier" else node
        while called.parent is not None and called.parent.type == "parenthesized_expression":
            called = called.parent
        call = called.parent
        if call is not None and call.type == "call_expression" and call.child_by_field_name("function") == called \
                and call.parent is not None and call.parent.type == "go_statement":
            found.append(call.parent)
    return found


def _starts(go, function, ctx: Context) -> bool:
    """Whether the go statement may run the declared function or method (`go s.run(ctx)`
    with `s` of the method's type, or of a type the file does not show)."""
    call = next((c for c in go.named_children if c.type == "call_expression"), None)
    called = strip_parens(call.child_by_field_name("function")) if call is not None else None
    name = ctx.text(function.child_by_field_name("name"))
    if called is None or function.type == "function_declaration":
        return called is not None and called.type == "identifier" and ctx.text(called) == name and \
            ctx.names.resolve(called).decl == function.child_by_field_name("name")
    if called.type != "selector_expression" or ctx.text(called.child_by_field_name("field")) != name:
        return False
    operand = ctx.types.of(called.child_by_field_name("operand"))
    return operand is None or operand.deref().kind != "named" or \
        operand.deref().name == receiver_type(function, ctx.source)


def _test_only(send, ctx: Context) -> bool:
    """Whether the send sits in an unexported function or method that the package's
    tests call and no non-test file of the package names but to declare it (`func (s
    *Supervisor) panic() { s.control <- panicSupervisor{} }`, called only from a
    _test.go file): a hook for the tests, which run it on a live receiver. Comments do
    not count as uses."""
    function = enclosing_function(send)
    while function is not None and function.type == "func_literal":
        function = enclosing_function(function)
    if function is None:
        return False
    name = ctx.text(function.child_by_field_name("name"))
    if not name[:1].islower() and name[:1] != "_":
        return False
    word = re.escape(name.encode())
    use = re.compile(rb"\." + word + rb"\b" if function.type == "method_declaration" else
                     rb"(?<![\w.])" + word + rb"\b(?!\s*\()|(?<![\w.])(?<!func )" + word + rb"\s*\(")
    if not os.path.basename(ctx.path).startswith((".", "_")) and use.search(LINE_COMMENT.sub(b"", ctx.source)) and \
            package_clause(ctx.source) == ctx.names.package:
        return False  # the file itself uses it (most): the folder, one of whose files it is, need not be read
    files = folder_files(os.path.dirname(ctx.path) or ".")
    if files is None:
        return False
    tested = False
    for file_name, source in files:
        if name.encode() not in source:
            continue  # no use without the name (most files): no comments to strip
        if file_name.endswith("_test.go"):
            tested = tested or use.search(LINE_COMMENT.sub(b"", source)) is not None
        elif package_clause(source) == ctx.names.package and use.search(LINE_COMMENT.sub(b"", source)):
            return False
    return tested


def _signal(send, ctx: Context) -> bool:
    """A wake-up signal, `ch <- struct{}{}`: it carries no data, so no request/reply
    exchange bounds how many are in flight; each call that has news sends one."""
    value = strip_parens(send.child_by_field_name("value"))
    return value is not None and re.fullmatch(r"struct\s*\{\s*\}\s*\{\s*\}", ctx.text(value)) is not None


def _repeated(send, ctx: Context) -> bool:
    """A send that runs again and again: in a loop, or in an exported function or method
    (any caller, any number of times) that does not send only once (_sent_once). Not
    a send in a loop on the channel of a request the loop has just received, that ends
    the turn (_answers_request): one send per request, and each request has its own."""
    if _sent_once(send, ctx):
        return False
    function = enclosing_function(send)
    name = function.child_by_field_name("name") if function is not None else None
    loop = enclosing_loop(send, function)
    if loop is not None:
        return not _answers_request(send, loop, ctx)
    return name is not None and ctx.text(name)[:1].isupper()


def _answers_request(send, loop, ctx: Context) -> bool:
    """`case r := <-b.registry: switch msg := r.(type) { case *epochReg: ... msg.errorChan
    <- err; continue }`: a send on a field of a value that the loop receives from a
    channel each time round (`case msg := <-reqs:`, `msg := <-reqs`, or a type switch or
    assertion of one), where every send on that field of it ends the turn (nothing but a
    `continue` or `return` follows it up to the loop's body). Each value received is a
    new request that carries its own channel, and it is answered once."""
    channel = strip_parens(send.child_by_field_name("channel"))
    operand = channel.child_by_field_name("operand") if channel is not None and \
        channel.type == "selector_expression" else None
    body = loop.child_by_field_name("body")
    if operand is None or body is None or not _received_each_turn(operand, body, ctx):
        return False
    shown = ctx.text(channel)
    return all(_ends_turn(other, body) for other in descendants(body, ("send_statement",), into_functions=False)
               if ctx.text(strip_parens(other.child_by_field_name("channel"))) == shown)


def _received_each_turn(operand, body, ctx: Context) -> bool:
    """Whether operand is a local the loop body binds to a value received from a channel
    (through at most two type switches or assertions)."""
    for _ in range(3):
        operand = strip_parens(operand)
        if operand is None or operand.type != "identifier":
            return False
        binding = ctx.names.resolve(operand)
        decl = binding.decl
        if binding.kind != LOCAL or decl is None or not within(decl, body):
            return False
        holder = decl.parent.parent if decl.parent.type == "expression_list" else decl.parent
        if holder.type == "type_switch_statement":
            operand = holder.child_by_field_name("value")
            continue
        right = holder.child_by_field_name("right") if holder.type in ("receive_statement", "short_var_declaration") \
            else None
        if right is not None and right.type == "expression_list":
            right = right.named_children[0] if len(right.named_children) == 1 else None
        right = strip_parens(right)
        if right is not None and right.type == "type_assertion_expression":
            operand = right.child_by_field_name("operand")
            continue
        return right is not None and received_channel(right) is not None
    return False


def _ends_turn(statement, body) -> bool:
    """Whether nothing but a `continue` or `return` follows statement in the turn of the
    loop whose body is body (a case of a switch or select ends it)."""
    node = statement
    while node != body and node.parent is not None:
        parent = node.parent
        if parent.type == "statement_list":
            following = [s for s in parent.named_children if s.start_byte >= node.end_byte and s.type != "comment"]
            if following:
                return following[0].type in ("continue_statement", "return_statement")
        node = parent
    return node == body


def _sent_once(send, ctx: Context) -> bool:
    """A send that a goroutine makes once, not in a loop (`go func() { s.errc <- run() }()`);
    one behind a flag the function sets (`if !c.kicked { c.kicked = true; c.kick <- ... }`:
    one pending until the receiver clears it), or an atomic flag (_atomic_guard); one
    in a `sync.Once`'s Do; or one in a function named for an ending (`Close`, `Stop`:
    once per life); or one (outside loops, maybe in a deferred literal) of a declared
    function that the package calls only through `go` statements of this file, none in
    a loop: once per goroutine. A buffer holds it."""
    literal = enclosing_function(send)
    holder = literal.parent if literal is not None and literal.type == "func_literal" else None
    if holder is not None and holder.type == "argument_list" and enclosing_loop(send, literal) is None and \
            once_call(holder.parent, ctx.source, ctx.names):
        return True  # `l.closeOnce.Do(func() { l.close <- struct{}{} })`: once per Once
    name = literal.child_by_field_name("name") if literal is not None else None
    if name is not None and ENDING.search(ctx.text(name)):
        return True
    parameters = literal.child_by_field_name("parameters") if literal is not None else None
    if parameters is not None and (flag_guard(send, parameters, ctx.source) is not None or
                                   _atomic_guard(send, literal, ctx)):
        return True
    go = literal.parent.parent if literal is not None and literal.type == "func_literal" \
        and literal.parent is not None else None
    if go is not None and go.type == "defer_statement" and enclosing_loop(send, literal) is None:
        literal = enclosing_function(go)  # `defer func() { r.done <- x }()`: once per run of the function
        go = None
    if literal is not None and literal.type in ("function_declaration", "method_declaration") and \
            enclosing_loop(send, literal) is None:
        started = _go_statements(literal, ctx)  # every call is a `go` of this file, none in a loop
        return bool(started) and _calls(literal, ctx) == len(started)
    return go is not None and go.type == "go_statement" and enclosing_loop(send, literal) is None


_UNSET = re.compile(r"(?P<flag>[\w.]+)\.Load\(\)\s*==\s*(?:0|false)|!\s*(?P<not>[\w.]+)\.Load\(\)")
_TAKEN = re.compile(r"(?P<flag>[\w.]+)\.CompareAndSwap\(\s*(?:0|false)\s*,\s*(?:1|true)\s*\)")


def _atomic_guard(send, function, ctx: Context) -> bool:
    """Whether the send runs behind an atomic flag that the function takes: inside `if
    f.CompareAndSwap(0, 1) {`, or `if f.Load() == 0 {` (`!f.Load()`) whose block stores
    `f.Store(1)` (`true`) before the send. One is pending until the flag is cleared, as
    for flag_guard."""
    for holder in ancestors(send):
        if holder == function:
            return False
        consequence = holder.child_by_field_name("consequence") if holder.type == "if_statement" else None
        if consequence is None or not within(send, consequence):
            continue
        for condition in conjuncts(holder.child_by_field_name("condition")):
            shown = ctx.text(condition)
            if _TAKEN.fullmatch(shown):
                return True
            unset = _UNSET.fullmatch(shown)
            flag = unset and (unset.group("flag") or unset.group("not"))
            if flag and any(re.fullmatch(rf"{re.escape(flag)}\.Store\(\s*(?:1|true)\s*\)", ctx.text(call))
                            for call in descendants(consequence, ("call_expression",))
                            if call.end_byte <= send.start_byte):
                return True
    return False


# Every way a field channel can be received from, handed out or replaced, by name: a
# `.f` that is not sent on or given a make, and an `f:` key not given a make. The keys
# are found in the bytes read backwards (a colon not of `:=`, then the name reversed,
# whose last character, its first, starts a name): a search that starts at a colon
# skips to the next one, where one for a name tries every word (3.5x slower).
_SELECTOR_USE = re.compile(rb"\.([a-z_]\w*)\b(?!\s*<-|\s*=\s*make\()")
_KEY_USE_REVERSED = re.compile(rb":(?<!=:)\s*(\w*[a-z_])(?!\w)")
_MADE_KEY_REVERSED = re.compile(rb"\(ekam\s*:\s*(\w*[a-z_])(?!\w)")  # `f: make(`, whose key is no use


def _field_uses(source: bytes) -> list[str]:
    return sorted(name.decode() for name in _use_counts(source))


def _use_counts(source: bytes) -> Counter:
    """How many times source uses each field name (see _field_uses)."""
    source = LINE_COMMENT.sub(b"", source)
    found = Counter(_SELECTOR_USE.findall(source))
    backwards = source[::-1]
    keys = Counter(_KEY_USE_REVERSED.findall(backwards))
    keys.subtract(_MADE_KEY_REVERSED.findall(backwards))
    found.update({key[::-1]: count for key, count in keys.items() if count > 0})
    return found


def _file_field_uses(ctx: Context) -> list[str]:
    """_field_uses of the analysed file, once per version of it (the editor server
    runs the rule on each). After an edit (`syntax.derive`), counted from the counts
    of the version before: those of the top-level nodes meeting the change and of the
    one before and after it are taken away and counted again. No use reaches past a
    top-level node (none starts with `<-`, `=`, `:` or `make(`), so the counts add up."""
    memo = file_memo(ctx.source)
    if _field_uses not in memo:
        counts = _derived_use_counts(ctx)
        counts = memo[_use_counts] = counts if counts is not None else _use_counts(ctx.source)
        memo[_field_uses] = sorted(name.decode() for name, count in counts.items() if count > 0)
    return memo[_field_uses]


def _derived_use_counts(ctx: Context) -> Counter | None:
    noted = file_memo(ctx.source).get(previous)
    kept = previous(ctx.source)
    counts = kept[0].get(_use_counts) if kept is not None and noted is not None else None
    if counts is None:
        return None
    old, start, old_end, new_end = noted
    root = ctx.root
    first, last = child_index_after(root, start), child_index_after(root, new_end)
    low = root.child(first - 1).start_byte if first > 0 else 0
    high = root.child(last + 1).end_byte if last + 1 < root.child_count else len(ctx.source)
    counts = counts.copy()
    counts.subtract(_use_counts(old[low:high - (new_end - old_end)]))
    counts.update(_use_counts(ctx.source[low:high]))
    return counts


@carried
def _carry_use_counts(source: bytes, root: Any) -> None:
    """`syntax.carry`: the field uses of a version after one that counted them."""
    kept = previous(source)
    if kept is not None and _use_counts in kept[0]:
        _file_field_uses(Context(None, source, root, [], {}))


# The files of the folder last read (folder_files) and what _folder made of them.
_folder_memo: list = [None, None]


def _folder(path: str) -> tuple[list[str], list[str]]:
    """The Go files of path's folder that hold a `<-` (test files too: they can receive
    from a field), and the field uses (_field_uses) in the others, which no check reads."""
    files = folder_files(os.path.dirname(path) or ".")
    if files is None:
        return [os.path.basename(path), ""], []  # "": unreadable, never read
    if _folder_memo[0] is not files:
        names, uses = [], set()
        for name, source in files:
            if b"<-" in source:
                names.append(name)
            else:
                uses.update(_field_uses(source))
        _folder_memo[:] = [files, (names, sorted(uses))]
    return _folder_memo[1]


def _unreceived(facts_by_path: dict, paths: list[str], folder: list[str]
                ) -> Iterator[tuple[str, Report]]:
    """Sends on an unexported field channel that no file of the package receives from,
    hands out or replaces (only sends and makes name it), made unbuffered: when every
    Go file of the folder with a `<-` was analysed (the others were read for uses),
    nothing can ever take the value. A buffered one is left alone: a buffer may hold
    every send (`done: make(chan error, 1)` sent once and never read). folder: the
    paths of facts_by_path in the folder of paths."""
    read = {posixpath.basename(p) for p in folder}
    uses: set[str] | None = None
    for path in paths:
        facts = facts_by_path[path]
        if not facts.get("unreceived") or not set(facts.get("folder", [])) <= read:
            continue
        if uses is None:
            uses = set().union(*(facts_by_path[p].get("field_uses", []) for p in folder))
        for span, name, field in facts["unreceived"]:
            if field in facts.get("quiet_uses", []) or field in uses:
                continue
            drains = [(p, facts_by_path[p]["drains"][field]) for p in paths
                      if field in facts_by_path[p].get("drains", {})]
            if not any(field in facts_by_path[p].get("made", []) for p in paths):
                continue  # no make: a positional literal can set it
            buffered = any(field in facts_by_path[p].get("buffered", []) for p in paths)
            if buffered and list(span) not in facts.get("repeats", []):
                continue  # a buffer may hold every send
            when = " once its buffer fills" if buffered else ""
            if drains:
                where = f"line {drains[0][1]}" if drains[0][0] == path else \
                    f"{posixpath.basename(drains[0][0])}:{drains[0][1]}"
                yield path, Report(Span(*span), f"send on `{name}` blocks forever{when}: only a one-value drain "
                                                f"({where}) receives from `.{field}`; receive from it or drop the send")
                continue
            yield path, Report(Span(*span), f"send on `{name}` blocks forever{when}: nothing in the package "
                                            f"receives from `.{field}`; receive from it or drop the send")


def _drain(receive) -> bool:
    """A receive that takes at most one pending value, without waiting, and drops it:
    `select { case <-rc.data: default: }` outside any loop, the `default` empty. It
    clears what is there once; it is no receiver that senders can count on. A `default`
    that does something (`return nil, ErrBusy`) makes it a try-take: the value's being
    there decides what the code does (a token of a semaphore, taken per request)."""
    statement = receive.parent if receive.type == "unary_expression" else receive
    case = statement.parent if statement is not None and statement.type == "receive_statement" \
        and statement.child_by_field_name("left") is None else None
    if case is None or case.type != "communication_case" or case.child_by_field_name("communication") != statement:
        return False
    defaults = [c for c in case.parent.named_children if c.type == "default_case"]
    return bool(defaults) and not any(c.type != "comment" for d in defaults for c in d.named_children) and \
        enclosing_loop(case.parent) is None


def _drained_fields(receives: dict, ctx: Context) -> dict[str, int]:
    """Field -> the line of its first drain (_drain), for the fields that this file
    names, other than in sends and makes, only in drains: to the package pass, such a
    field has no receiver here."""
    found = {}
    source = None
    for field, nodes in receives.items():
        if not nodes or not all(_drain(n) for n in nodes):
            continue
        source = source if source is not None else LINE_COMMENT.sub(b"", ctx.source)
        uses = re.findall(rb"\." + re.escape(field.encode()) + rb"\b(?!\s*<-|\s*=\s*make\()", source)
        if len(uses) == len(nodes):
            found[field] = line(nodes[0])
    return found


def _param_receives(captures: dict, top: dict, ctx: Context) -> Iterator[tuple[str, list]]:
    """(field, receives) for each field channel a call hands to a function of this
    file (top: the file's package-level names): the receives of that function from
    the parameter (`drain(t.events, stop)`: drain's `<-ch`)."""
    callee = captures["passed_callee"][0]
    if ctx.text(callee) not in top:
        return  # most calls: not of a function of this file (resolve gives it no declaration)
    fields = _passed_fields(captures["passed_arguments"][0])
    if not fields:
        return
    binding = ctx.names.resolve(callee)  # a local func value of that name is another
    callee = binding.decl.parent if binding.kind == PACKAGE and binding.decl is not None else None
    body = callee.child_by_field_name("body") if callee is not None and callee.type == "function_declaration" \
        else None
    if body is None:
        return
    for index, field in fields:
        param = parameter_at(callee, index)
        yield ctx.text(field), receives_of(body, param, ctx.source) if param is not None else []


def _passed_fields(arguments) -> list[tuple[int, Any]]:
    """(index, field name) of each argument that is a field (`t.events`) of a call's
    argument list."""
    passed = [a for a in arguments.named_children if a.type != "comment"]
    fields = [(index, argument.child_by_field_name("field")) for index, argument in enumerate(passed)
              if argument.type == "selector_expression"]
    return [(index, field) for index, field in fields if field is not None and field.type == "field_identifier"]


def _key_nodes(capture: str, node) -> list:
    """The nodes of a capture whose names the check reads (`Rule.key_nodes`): of the
    arguments handed to a function of the file, only their fields (`_param_receives`);
    of a goroutine's function literal, the functions it calls by name (`_helper`)."""
    if capture == "passed_arguments":
        return [field for _, field in _passed_fields(node)]
    if capture == "spawn_literal":
        return [call.child_by_field_name("function") for call in walk(node, into_functions=False)
                if call.type == "call_expression" and call.child_by_field_name("function").type == "identifier"]
    return [node]


def _sent_elsewhere(field: str, ctx: Context) -> bool:
    """Whether another file of the package may send on a field of this name (`.field <-`
    in its bytes): only then does the package check read this file's receiver of it."""
    memo, key = file_memo(ctx.source), (_sent_elsewhere, field)
    if key not in memo:
        facts = ctx.names.facts
        send = re.compile(rb"\." + re.escape(field.encode()) + rb"\s*<-")
        memo[key] = any(other is not ctx.source and send.search(other)
                        for other in (facts.sources() if facts is not None else ()))
    return memo[key]


# `\bmake\(\s*chan\b` with the word boundary tested behind the literal: a pattern that
# starts with `\b` is tried at every byte, one that starts with a literal skips to it (15x).
_MAKE_CHAN = re.compile(rb"make\((?<=\bmake\()\s*chan\b")


def _made_by_position(ctx: Context) -> list[str]:
    """The fields that a struct literal of the file makes a channel into by position
    (`&T{m, make(chan X)}`: the second field of T, by T's declaration in the package);
    "*" for one whose type or fields are not known."""
    found = set()
    for match in _MAKE_CHAN.finditer(ctx.source):
        node = ctx.root.descendant_for_byte_range(match.start(), match.start() + 1)
        element = node.parent.parent if node is not None and node.parent is not None else None
        if element is None or element.type != "literal_element" or element.parent is None or \
                element.parent.type != "literal_value":
            continue
        literal = element.parent.parent
        kind = ctx.types.type_node(literal.child_by_field_name("type")) if literal is not None and \
            literal.type == "composite_literal" else None
        fields = [name for name, _, _ in ctx.types.fields(kind)] if kind is not None else []
        index = [c for c in element.parent.named_children if c.type != "comment"].index(element)
        found.add(fields[index] if index < len(fields) else "*")
    return sorted(found)


def _file_facts(ctx: Context, makes: dict, receives: dict) -> None:
    """What other files of the package need: this file's buffered fields and the
    fields it receives from (whose receivers the package check summarises only when
    another file sends on one, `_receivers`: left out when the package check reads
    this file alone)."""
    ctx.facts["made"] = sorted(field for field, made in makes.items()
                               if any(make_channel(m, ctx.source) for m in made))
    ctx.facts["buffered"] = sorted(
        field for field, made in makes.items()
        if any((make_channel(m, ctx.source) or (False, False))[1] for m in made)
    )
    ctx.facts["received"] = sorted(field for field, nodes in receives.items() if nodes) if not ctx.alone else []
    ctx.facts["made_by_position"] = _made_by_position(ctx)
    ctx.facts["package"] = ctx.names.package


def _summary(field: str, nodes: list, ctx: Context) -> list:
    """The file's receivers of field (its receives, nodes) as the package check reads
    them: one perpetual receiver, or each receiver's verdict, line and way out."""
    perpetual = next((node for node in nodes if classify_receive(node, ctx.source).verdict == "perpetual"), None)
    if perpetual is not None:  # all the package check reads of the field here: its other receives are not read
        return [("perpetual", line(classify_receive(perpetual, ctx.source).receive), "")]
    summary = []
    for node in nodes:
        receiver = _firing(settle(classify_receive(node, ctx.source), nodes, ctx.source), nodes, ctx)
        if receiver.verdict == "gives-up" and (_stopped_with_process(receiver, ctx) or
                                               _run_by_caller(receiver, ctx) or
                                               _stop_closes_sent(receiver, field, ctx) or
                                               _never_stopped(receiver, ctx)):
            receiver = receiver._replace(verdict="perpetual")
        how = _how(receiver, ctx) if receiver.verdict == "gives-up" else ""
        owner = _owner_stop(receiver, ctx) if receiver.verdict == "gives-up" and \
            _sent_elsewhere(field, ctx) else None
        closer = (owner[0], owner[1], owner[2], ctx.text(receiver.exit), line(receiver.exit), owner[3]) \
            if owner else None
        low = receiver.verdict == "gives-up" and (_ended_by_caller(receiver, ctx) or
                                                  _process_wide_stop(receiver, ctx) or
                                                  _stops_itself(receiver, ctx))
        summary.append((receiver.verdict, line(receiver.receive), how, closer, low))
    return json.loads(json.dumps(summary))  # as the facts of a file kept plain data


def _field_copied(field: str, paths: list) -> bool:
    """Whether a file of the package stores in a field of that name anything but a
    fresh `make(...)` (`s.out = m.out`, `T{out: out}` with a parameter): the channel may
    then be shared between types. Read from the files' syntax trees (_store_nodes)."""
    for path in paths:
        source = analysed_source(path)
        for node in _store_nodes(field, source, parsed(source)) if source is not None else ():
            value = _stored_value(node, field, source)
            if value is not None and (value.type != "call_expression" or call_name(value, source) != ("", "make")):
                return True
    return False


def _positional_types(paths: list) -> set:
    """The names of the types the package's files build with positional composite
    literals (`&T{q, addr}`): which channel such a value's field holds is not read."""
    found = set()
    for path in paths:
        source = analysed_source(path)
        for literal in descendants(parsed(source), ("composite_literal",)) if source is not None else ():
            kind, body = literal.child_by_field_name("type"), literal.child_by_field_name("body")
            first = next((e for e in body.named_children if e.type != "comment"), None) if body is not None else None
            if kind is not None and kind.type == "type_identifier" and first is not None and \
                    first.type == "literal_element":
                found.add(text(source, kind))
    return found


def _declaring_owner(channel, ctx: Context) -> str | None:
    """field_owner of the field channel `x.f` when that struct type of the package
    declares f itself; None when f is promoted from an embedded type, or unknown."""
    owner = field_owner(channel, ctx.source) if channel is not None else None
    channel = strip_parens(channel)
    kind = ctx.types.of(channel.child_by_field_name("operand")) if owner is not None else None
    if kind is None or not ctx.types.declares_field(kind.deref(), ctx.text(channel.child_by_field_name("field"))):
        return None
    return owner


def _receivers(path: str, field: str, facts_by_path: dict, options: dict, held: dict, owner=None) -> list:
    """The summary (`_summary`) of the receivers of field in the file at path, when its
    facts say it receives from field: computed here, for the few fields another file
    sends on, from the file read again (as the scan analysed it, `analysed_source`)
    instead of for every received field of every file during the scan (a third of
    the rule's time). held: the files read so far, path -> (context, receives). owner:
    (the sent field's struct type when the sending file states it, the types built
    positionally); a receive of the same-named field of another type the file states
    (not one built positionally) is another channel."""
    if field not in facts_by_path[path].get("received", ()):
        return []
    if path not in held:
        source = analysed_source(path)
        if source is None:
            held[path] = None
        else:
            root = parsed(source)
            ctx = Context(path, source, root, parsing.matches(_own_query(), root), options)
            held[path] = (ctx, _receives(ctx))
    if held[path] is None:
        return []
    ctx, receives = held[path]
    nodes = [r for r in receives.get(field, []) if owner is None or
             _declaring_owner(receive_channel(r), ctx) in (owner[0], None) or
             _declaring_owner(receive_channel(r), ctx) in owner[1]]
    return _summary(field, nodes, ctx)


@functools.lru_cache(maxsize=None)
def _own_query() -> Any:
    from goleaklint.rules import query_text  # the rule registry imports this module
    return parsing.compile_query(query_text(RULE))


def _receives(ctx: Context) -> dict[str, list]:
    """field -> the file's receives from it: `<-x.field` and the receives of a function
    of the file that a call hands `x.field` to (`_param_receives`)."""
    receives: dict[str, list] = {}
    top = None
    for index, captures in ctx.matches:
        if PATTERNS[index] == "receive":
            field = ctx.text(captures["received_field"][0])
            receives.setdefault(field, []).append(captures["receive"][0])
        elif PATTERNS[index] == "passed":
            top = ctx.names.top if top is None else top
            for field, found in _param_receives(captures, top, ctx):
                receives.setdefault(field, []).extend(found)
    return receives


# The kind of each pattern of the rule's query, in query order: matches are routed
# by pattern index.
PATTERNS = ("send", "receive", "receive", "make", "make", "go", "dropped", "dropped", "passed", "spawn", "selected",
            "go_handed")


def check(ctx: Context) -> Iterator[Report]:
    uses = _file_field_uses(ctx)
    ctx.facts["field_uses"] = uses
    if is_test_file(ctx.path):
        return
    makes = field_makes([c for i, c in ctx.matches if PATTERNS[i] == "make"], ctx.source)
    receives = _receives(ctx)
    _file_facts(ctx, makes, receives)
    drains = _drained_fields(receives, ctx)
    if drains:
        ctx.facts["drains"] = drains
        ctx.facts["field_uses"] = [field for field in uses if field not in drains]
    spawned = [c["spawn_literal"][0] for i, c in ctx.matches if PATTERNS[i] == "spawn"]
    dropped = ctx.facts["dropped"] = {}
    selected = ctx.facts["selected"] = {}
    for index, captures in ctx.matches:
        if PATTERNS[index] == "dropped":
            dropped.setdefault(ctx.text(captures["dropped_callee"][0]), line(captures["dropped"][0]))
        elif PATTERNS[index] == "selected" and _other_cases(captures["selected"][0]):
            selected.setdefault(ctx.text(captures["selected_callee"][0]), line(captures["selected"][0].parent))
    ctx.facts["waiting"] = _waiting_callers(ctx)
    outnumbered: set[int] = set()
    for index, captures in ctx.matches:
        if PATTERNS[index] == "go":
            yield from _named_worker(captures["go"][0], captures["go_callee"][0], ctx)
            yield from _outnumbered_once(captures["go"][0], outnumbered, ctx)
        elif PATTERNS[index] == "go_handed":
            yield from _handed_worker(captures["go"][0], ctx)
        if PATTERNS[index] != "send":
            continue
        send = captures["send"][0]
        channel = captures["_channel"][0]
        if not _bare(send):
            continue  # another case (a default, a done channel, more work) can go first
        name = ctx.text(channel)
        if received_before(send, channel, ctx.source) is not None:
            continue  # gives back a token taken from the same channel
        origin = channel_origin(channel, ctx.source, ctx.root)
        if origin.kind == "field" and _test_only(send, ctx):
            continue  # a hook that only the package's tests call, on a live receiver
        report = None
        if origin.kind == "local" and make_channel(origin.value, ctx.source) is not None:
            report = _unbuffered_local(origin, send, strip_parens(channel), ctx)
            if report is None and origin.binding is not None and origin.binding.start_byte not in outnumbered:
                outnumbered.add(origin.binding.start_byte)
                report = _outnumbered(origin, ctx)
        elif origin.kind == "field":
            report = _field(name, send, ctx, makes, receives)
        elif origin.kind == "param" and channel.type == "identifier":
            report = _helper(origin, send, spawned, ctx) or _quit_between_sends(origin, send, ctx)
        if report is not None:
            yield report._replace(fix=select_fix(send, ctx))


def _outnumbered_once(go, seen: set[int], ctx: Context) -> Iterator[Report]:
    """_outnumbered for the local channels a `go f(..., ch)` hands its function, once
    per channel of the file."""
    call = go.named_children[0] if go.named_children else None
    arguments_ = call.child_by_field_name("arguments") if call is not None and call.type == "call_expression" \
        else None
    for arg in arguments_.named_children if arguments_ is not None else []:
        if arg.type != "identifier":
            continue
        origin = channel_origin(arg, ctx.source, ctx.root)
        if origin.kind != "local" or origin.binding is None or origin.binding.start_byte in seen or \
                make_channel(origin.value, ctx.source) is None:
            continue
        seen.add(origin.binding.start_byte)
        report = _outnumbered(origin, ctx)
        if report is not None:
            yield report


def select_fix(send, ctx: Context) -> Fix | None:
    """Unsafe: `ch <- v` -> `select { case ch <- v: case <-ctx.Done(): return ctx.Err() }`
    when the function returns just an error and a context.Context parameter is in
    scope. The caller now gets ctx.Err() where it used to wait."""
    func = enclosing_function(send)
    result = func.child_by_field_name("result") if func is not None else None
    indent = indentation(ctx.source, send)
    if result is None or ctx.text(result) != "error" or indent is None or \
            statement_in_block(send) is None or send.start_point[0] != send.end_point[0]:
        return None
    for scope in [func] + [a for a in ancestors(func) if a.type in (
            "function_declaration", "method_declaration", "func_literal")]:
        name = next((n for n, kind in parameters(scope, ctx.source)
                     if n not in ("", "_") and ctx.names.qualified(kind) == ("context", "Context")), None)
        if name is not None:
            break
    else:
        return None
    shown = ctx.text(send)
    replacement = (f"select {{\n{indent}case {shown}:\n{indent}case <-{name}.Done():\n"
                   f"{indent}\treturn {name}.Err()\n{indent}}}")
    return Fix(f"wrap the send in a select on {name}.Done()", "unsafe",
               (Edit.at(ctx.source, send.start_byte, send.end_byte, replacement),))


def _names_param(channel, param, ctx: Context) -> bool:
    """Whether channel is the parameter whose declaring identifier is param."""
    if channel is None or channel.type != "identifier":
        return False
    binding = ctx.names.resolve(channel)
    return binding.kind == LOCAL and binding.decl.start_byte == param.start_byte


def package_check(facts_by_path: dict, options: dict) -> Iterator[tuple[str, Report]]:
    """Field sends with no receiver in their own file, judged by the receivers in the
    other files of the same directory (package); sends on a returned channel, by the
    callers in the other files that drop it (files that hold a `<-`: the others are
    not read)."""
    folders: dict[str, list[str]] = {}
    for path in facts_by_path:
        folders.setdefault(posixpath.dirname(path), []).append(path)
    held: dict = {}
    for paths in package_groups(facts_by_path):
        yield from _unreceived(facts_by_path, paths, folders[posixpath.dirname(paths[0])])
        for path in paths:
            for span, name, function in facts_by_path[path].get("returned_sends", []):
                dropped = next(((p, facts_by_path[p]["dropped"][function]) for p in paths
                                if function in facts_by_path[p].get("dropped", {})), None)
                selected = next(((p, facts_by_path[p]["selected"][function]) for p in paths
                                 if function in facts_by_path[p].get("selected", {})), None)
                if dropped is not None:
                    where = f"{posixpath.basename(dropped[0])}:{dropped[1]}"
                    yield path, Report(Span(*span), _returned_message(name, function, where))
                elif selected is not None:
                    where = f"{posixpath.basename(selected[0])}:{selected[1]}"
                    yield path, Report(Span(*span), _selected_message(name, function, where))
                else:
                    waiting = next(((p, facts_by_path[p]["waiting"][function]) for p in paths
                                    if function in facts_by_path[p].get("waiting", {})), None)
                    if waiting is not None:
                        where = f"{posixpath.basename(waiting[0])}:{waiting[1][0]}"
                        yield path, Report(Span(*span), _waiting_message(name, function, where, waiting[1][1]),
                                           confidence=Confidence.LOW if len(waiting[1]) > 2 and waiting[1][2] else None)
            loose = None
            for span, name, field, *api in facts_by_path[path].get("sends", []):
                others = [p for p in paths if p != path]
                if any(field in facts_by_path[p].get("buffered", []) for p in others):
                    continue
                if not any(field in facts_by_path[p].get("made", []) or
                           {field, "*"} & set(facts_by_path[p].get("made_by_position", ())) for p in paths):
                    continue  # no file of the package makes it: a channel from elsewhere, of unknown origin
                owner = api[2] if len(api) > 2 and not _field_copied(field, paths) else None
                if owner is not None and loose is None:
                    loose = _positional_types(paths)
                owner = (owner, loose) if owner is not None and owner not in loose else None
                found = [(p, r) for p in others for r in _receivers(p, field, facts_by_path, options, held, owner)]
                if not found or any(r[0] == "perpetual" for _, r in found):
                    continue
                giving_up = next(((p, r) for p, r in found if r[0] == "gives-up"), None)
                if giving_up is None:
                    continue
                other, (_, receive_line, how, *closer) = giving_up
                where = f"{posixpath.basename(other)}:{receive_line}"
                owner = closer[0] if closer else None
                low = {"confidence": Confidence.LOW} if closer[1:2] == [True] else {}
                if owner and (owner[2] or api and api[0] == owner[0] and api[1]):
                    # only a use after the type's own Close (_owner_stop): hygiene of its API
                    tests_only = Confidence.LOW if owner[5:6] == [True] else None  # see _owner_stop
                    yield path, Report(Span(*span), _after_close_message(name, owner, where, owner[3], owner[4]),
                                       severity=Severity.NOTE, confidence=tests_only)
                    continue
                yield path, Report(Span(*span), _message(name, field, where, how), **low)


RULE = Rule(
    code="GL003",
    name="blocking-send",
    severity=Severity.WARNING,
    confidence=Confidence.MEDIUM,
    check=check,
    package_check=package_check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    triggers=(b"<-",),
    key_nodes=_key_nodes,  # with keys, below
    tests_by_bytes=True,
    tags=("goroutine-leak", "concurrency"),
    fix="unsafe",
    outside=("callees:1", "channel matches"),
    gathered=(1, 2, 3, 4, 6, 7, 8, 9, 10),
    keys=("received_field", "field", "dropped_callee", "passed_arguments", "spawn_literal", "selected_callee"),
)
