"""
## What it does
Finds network clients, servers and pools that wait with no bound: no dial, read or request
timeout.

It reports:
- redigo `redis.Dial`, `redis.DialContext`, `redis.DialURL` with none of the options
  `DialConnectTimeout`, `DialReadTimeout`, `DialWriteTimeout` (options passed as
  `opts...` are trusted);
- `pool.Get()` where `pool` is a redigo `redis.Pool{...}` literal in the same package
  (any file of the directory) with `Wait: true` and a non-zero `MaxActive`; the pool is
  recognised by the name it is stored under (a variable, a field, or a function that
  returns the literal and whose result is assigned); of low confidence when the pool's
  `Dial` function sets `DialReadTimeout` on its connections: a holder's commands end,
  so it gives its connection back unless it waits on something else meanwhile;
- `&http.Client{...}` / `http.Client{...}` / `new(http.Client)` without `Timeout`, unless `Timeout` is assigned
  later in the same function (also through a variable it is copied to: `client = proxyClient;
  client.Timeout = t`) or, for a package-level variable, in any function of the package
  (`var htc = new(http.Client)`, then `htc.Timeout = d` in a Start method), the client is handed to another function to configure (not
  one of the package that only sends requests through it, `c.Head(u)`, or hands it to
  such functions: ownership summaries; a server handed to one that only serves it is
  reported the same way), its
  `Transport` is not visibly a transport without `ResponseHeaderTimeout` (a transport that
  dials through the program's own function, `Dial: d.socketDial` or a function literal,
  connects where that code decides, often a unix socket: it is given the benefit), or every request
  sent in the file through the name it is kept under (`client.Do`, `s.hc.Do`, the
  variable a factory's result is assigned to, or the factory's call, `n.client().Do`) is
  a `Do(req)` with a request made with a context (`NewRequestWithContext`, `WithContext`,
  also in a function of the file that returns only such requests) or whose `Cancel`
  channel the function sets before (`req.Cancel = ctx.Done()`), also when the client
  variable is handed to functions of the file that send through it only such requests
  (a watchdog's `probe(ctx, client, addr)` with a per-request deadline); for a client
  kept in unexported fields (`s.hc`, in any file of the package), a field handed on
  beside a context its function derives with `context.WithTimeout` or `WithDeadline`
  (`verify(timeoutCtx, s.hc, data)`), or beside a request made with one, or put in one
  (`context.WithValue(timeoutCtx, oauth2.HTTPClient, s.hc)`, oauth2's way of taking a
  client) counts as such a request: the requests made with that context end with it;
  so does, one call level up, a context that is a parameter of an unexported function
  which no other file names when every call of it hands one derived so (`fetch(ctx, url)`
  in a retry callback after `ctx, cancel := context.WithTimeout(ctx, d)`), and a request
  that is such a function's unchanged parameter (`p.send(req)`) when every call of it
  hands a request made with a context; a client kept in a package-level variable
  (`var assetClient = &http.Client{...}`) counts as bounded when every use of it in the
  package's files (one send at least) is such a `Do(req)` or hand-off;
  a `Transport` assigned after the literal in the same function (`client.Transport =
  &http.Transport{ResponseHeaderTimeout: d}`) counts as the keyed one when the function
  builds it; an empty literal (`&http.Server{}`, `&http.Client{}`) kept in a field of a
  struct type that the file assigns another literal or another value's field
  (`m.server = &http.Server{...}` before serving) is a placeholder: low confidence;
  one declared into a local variable that every path of its function assigns another
  value before any other mention of it (`srv := http.Server{}`, then `srv =
  http.Server{...}` in each branch of an if/else) is not reported: the value assigned is
  the one judged;
  Not a default made for a caller that passed no client (`if client == nil { client =
  &http.Client{} }`, or the `else` of `if hc != nil { c.client = hc }`), nor a default kept in a field of a struct type that a function of
  the file sets from its parameter (a setter `func (p *Pusher) Client(c HTTPDoer)
  *Pusher { p.client = c }`, a functional option) or whose client's `Timeout` a function
  of the file sets (`func (r *Store) SetTimeout(d time.Duration) { r.client.Timeout = d }`;
  also for a client bound to a local variable that the function then keeps in such a
  field, `return &Store{client: client}`): the caller who wants a timeout passes a client
  with one, or sets it. Nor a client kept in a field that the file hands only to a
  library's configuration given a request timeout in the same function (`cfg.Client =
  &o.client` beside `cfg.HarvestTimeout = d`, or `Config{Client: c, Timeout: d}`; not a
  dial, connect, idle, keep-alive or handshake timeout), its other uses only setting it
  or closing idle connections; nor one handed straight to a function of another package
  (`client.WithHTTPClient(&http.Client{})`) when every call the file makes on a value of
  a type of that package (one at least) passes a context that its function derives with
  `context.WithTimeout` or `WithDeadline`: the library makes the requests, each bounded
  (also a client that its function only configures and keeps in a field of a composite
  literal, `aws.Config{HTTPClient: c}`, while it returns a value of a type of another
  package, `func (d *driver) s3Client() (*s3.Client, error)`: that package's calls);
  nor one that makes its one request on the spot, unkept, with a request made with a
  context (`(&http.Client{}).Do(req)` after `http.NewRequestWithContext(ctx, ...)`), nor one
  handed, unkept, to a function of another package beside a `context.Context` parameter
  of its function, in a library's package (`meta.GetTask(ctx, &http.Client{})`; not
  `context.WithValue`): that context bounds the requests, as it bounds the default
  client's, and its deadline is the library user's to choose (an application's own
  context may have none);
  nor one kept in fields whose every use copies it and sets a Timeout on the copy (`c :=
  *f.base; c.Timeout = d`); nor a zero client returned beside an error (`return http.Client{}, err` in the branch
  of `if err != nil`), which no request goes through, nor one whose every field the
  function copies from another client later (`*c = *base`, the caller's Timeout too);
  of low confidence a client kept as a field value of a struct literal of a type the
  file declares (`&Measurer{HTTPClient: &http.Client{}}`) when no file of the package
  selects that field other than to assign it, nor, for an exported field, any file of
  the module that imports the package (outside a module its readers are not known):
  no request is seen going through it;
- a keyed literal of a struct type the file declares that leaves out an unexported
  field of type `http.Client` (a value: `&netAPI{url: u}` with `client http.Client`)
  when the file sends requests through that field of such a value (`a.client.Do(req)`),
  not all of them a `Do(req)` with a request made with a context, and no file of the
  package assigns the field, sets one of its fields (`a.client.Timeout = d`) or hands it
  to a call (`configure(&a.client)`): those requests go through the zero client, which
  has no Timeout. An exported field is the user's to set, and a literal assigned to
  `_` (`var _ Backend = &rest{}`) only checks that the type implements an interface;
- `http.Get`, `http.Head`, `http.Post`, `http.PostForm` and `http.DefaultClient.<method>`
  (the default client has no timeout), except `DefaultClient.Do(req)` with a request made
  by `NewRequestWithContext` or `req.WithContext(ctx)` (also by a function of the file
  that returns only such requests), or after `req.Cancel = ctx.Done()`:
  the context can bound it; so can the caller's, where req is a parameter of the
  function, unchanged (`func DoRequest(req *http.Request)`): not reported when every
  call of the function in the file (one at least) hands it such a request, of low
  confidence when the file does not call it (its callers, elsewhere, choose the
  deadline, as a `Dial` wrapper's do). Where
  the function copies the response's body out (`io.Copy(file, resp.Body)`: a download),
  the advice is a Transport with `ResponseHeaderTimeout`, as a `Client.Timeout` bounds the
  whole transfer and would cut a slow download short;
  neither clients nor these calls in a file whose string literals hold a long poll's URL
  (`longpoll`, `wait_for_change`, `?wait=true`, `?watch=true`, `/events?since=`): the
  server holds such requests open by design, and a bound shorter than the poll breaks them;
- `&http.Server{...}` / `http.Server{...}` without `ReadHeaderTimeout` or `ReadTimeout`,
  unless one is assigned later in the same function (of a package-level variable, in any
  function of the package) or the server is handed to another
  function (a `new(http.Server)` kept in a variable counts as a literal with no fields set;
  one returned at once is a default for the caller to configure), or its function serves
  it only on loopback or unix listeners it opens (`ln, _ := net.Listen("tcp",
  "127.0.0.1:0")`; `srv.Serve(ln)`, also from a goroutine), or the file serves it only
  on such listeners, also kept in fields (`f.ln, err = net.Listen(...)` in another
  method) or handed with it to a function of the file that serves one on the other
  (`go serveOn(srv, ln)`; of a variable that takes several servers, the calls each
  literal reaches), or it serves
  (`srv.Serve(x)` in its function) a listener of a type the package declares whose
  `Accept` receives its connections from a channel: a TCP mux whose own accept loop read
  the first request before handing the connection over, so a header timeout on this
  server bounds nothing (the deadline belongs where the mux reads), or it is a field value
  of a struct literal of a QUIC package (an import path with a `quic` or `http3` segment:
  `http09.Server{Server: &http.Server{...}}`), which serves its requests from QUIC streams
  over UDP and takes only the address, TLS config and handler from it, or it is a debug
  server its user turns on: its `Addr` names `debug`, `pprof` or a profiler and it is made
  only inside `if addr != ""` of that address (so is `ListenAndServe*` on such an address,
  `if args.HTTPDebug != "" { go http.ListenAndServe(args.HTTPDebug, h) }`), or a debug
  endpoint: it serves http.DefaultServeMux (no `Handler`, nil or `http.DefaultServeMux`)
  on an `Addr` that names `debug`, `pprof` or a profiler, or in a file that imports
  `net/http/pprof` or `expvar` from a function or file so named (`serveProfiling`,
  `debug.go`; the import alone is not enough: a program may serve its API on that mux),
  or from a function named for the profiler in a file that puts no other handler on that
  mux (`func startPprof() { srv := &http.Server{Addr: ":6060"} ...}`),
  or its `Handler` is a local `http.NewServeMux()` on which the code registers only
  pprof's or expvar's handlers (or `/debug/` paths), or a router of another package
  (`r := chi.NewMux()`) whose every route the function adds is a `/debug/` path literal
  (`r.Route("/debug", ...)`): whoever reaches it can take CPU
  profiles and traces, which cost more than slow headers; nor one whose `Handler` (and
  `Addr`) are parameters of its unexported function when every call of that function in
  the file (no other file names it) hands it a local mux of operations endpoints only (as
  for `ListenAndServe` below) or a loopback address: `go startHTTPServer(ctx, addr, mux)`
  for the metrics and the probes, and for an admin mux on `net.JoinHostPort("localhost",
  port)`;
  `http.ListenAndServe`, `ListenAndServeTLS`, `Serve` and `ServeTLS` (the server they make has
  no timeouts), except a debug endpoint: one serving http.DefaultServeMux (a nil handler) in
  a file that imports `net/http/pprof` or `expvar`, or on an address or listener whose
  expression names `debug`, `pprof` or a profiler (`cfg.Debug.Addr`, `opts.ProfilerAddr`,
  also passed to a `go func(addr string) {...}(...)` literal), or from a function named
  for the profiler (`func pprof() { go http.ListenAndServe(":6060", nil) }`) in a file that registers no
  other handler on that mux. `ListenAndServe*` not when the address is a loopback literal (`"localhost:6060"`, `"127.0.0.1:..."`, `"[::1]:..."`): only local
  processes can reach a debug endpoint there; `Serve*` not on a listener the function
  binds to `net.Listen("unix", ...)` or to `net.Listen` on such an address, and a server
  literal not when its `Addr` is one (for all three also `"localhost:" + port`,
  `fmt.Sprintf("127.0.0.1:%d", port)`, `fmt.Sprintf("%s:%d", args.Bind, port)` where a
  flag of the package defaults that host to loopback, `net.JoinHostPort("localhost", port)`, a
  package-level `flag.String` whose default is one, a literal or a constant of the file,
  a variable or field the file's `flag.StringVar(&opts.Addr, name, "127.0.0.1:...", usage)`
  sets (for a field of a struct type of the package, `cmd.Args.Addr`, also such a call on
  that field in another file of the package: `fs.StringVar(&cmdArgs.Addr, ...)`), `args.Addr` of a local literal of flag defaults, or a parameter of an unexported
  function of the file that each of its calls hands such an address, `go echo(opts.Addr)`);
  nor `ListenAndServe*`/`Serve*` of a local `http.NewServeMux()` on which the code
  registers only operations endpoints (`mux.Handle(p, h)`/`HandleFunc` with h from
  promhttp, expvar or net/http/pprof, or on a `/metrics`, `/healthz`, `/livez`,
  `/readyz`, `/ready`, `/liveness`, `/readiness`, `/startup`, `/ping` or `/debug/...`
  path literal, and calls that hand the mux
  to a function named `Handle...`, `Register...`, `Add...`, `Install...`, `Route...`,
  `Enable...` or `Mount...` for `Metrics`, `Health`, `Pprof` or `Debug`, such as
  `HandleMetricsHealth(mux, s)` or `RoutePprof(mux)`, or to another package's function
  beside one such path literal where it mounts its pages, `zpages.Handle(mux, "/debug")`): on a
  listener of its own, its clients are the operators' scrapers and probes, also under
  middleware (`h := cors.Handler(metrics.Middleware(mux))`: a call of one argument, not a
  function of the file that registers handlers itself); a mux that
  also serves the API, or is handed to any other function, is reported. Nor a health-check
  library's handler (a package whose path ends in `healthcheck`, `health` or `healthz`:
  `http.ListenAndServe(addr, s.Handler)` with a `healthcheck.Handler` field), a probe port
  as a mux of probe paths is. Nor
  http.DefaultServeMux (a nil handler) served in a file whose every `http.Handle`/`HandleFunc`
  (one at least) registers such an endpoint (`http.Handle(c.Path, promhttp.Handler())`
  then `http.ListenAndServe(addr, nil)`: a metrics agent), as for pprof; likewise a server
  literal that serves that mux (no `Handler`: `&http.Server{Addr: addr}`) where the file
  registers only health probes there (`http.HandleFunc("/healthz", h)`, `/readyz`: a
  daemon's probe port; a metrics server literal is reported, as projects bound those). A library's
  shortcut is a note (outside package main): an exported method whose
  `ListenAndServe*`/`Serve*` gets the method's own address or listener parameter (or a
  local made from it by one call, `address := resolveAddress(addr)`) and the receiver's
  handler (`engine.Handler()`, the receiver itself), as gin's `Engine.Run`, or an
  exported function or method that gets them with its own `http.Handler` parameter; and
  an `http.Server` literal of an exported function or method whose `Handler` is or wraps
  its `http.Handler` parameter and that it only serves and shuts down (a TLS server
  beside an HTTP/3 one in quic-go's `http3.ListenAndServe`; not a server it returns or
  stores): users who need timeouts build an http.Server with that handler; and, as a note
  of low confidence, a server literal of an exported function outside package main (or of a
  function literal in one) whose statement hands the function's own variadic parameter
  on, spread (`app.NewHost(&http.Server{Addr: addr}).Configure(opts...)`): a
  framework's runner, whose timeouts the caller's configurators may set;
  no server at all in a file built only for WebAssembly (`//go:build wasm`, `js` or
`wasip1`, or a `_wasm.go`, `_js.go` file), where net.Listen gives no socket a remote client
reaches, nor in a file that opens the user's web browser (`openBrowser(url)`, a
  browser package's `open.Start(url)`, or one of a package named `browser`, the module's
  own `internal/browser`): a tool's local UI, whose one client is that browser; nor a
  server served only on a listener of a type the package declares whose `Accept` returns
  no connection (`return nil, errors.New(...)`: a stub handed to `Serve` to reach the
  server's internals), which serves no client;
- `net.Dial` on a `tcp`, `tcp4` or `tcp6` network (a string literal, or a variable bound
  to one in the function; a network taken from a parameter, field or config is as often a
  unix socket, and `unix`, `udp` and `ip` have no handshake to wait for), as a note: the
  OS bounds the connect (about two minutes on Linux), so it is slow failure rather than a
  hang. Not inside an exported function or method named `Dial...` without a
  `context.Context` parameter (`rpc.Dial`, `smtp.Dial`, a proxy's `Dialer.Dial`): such an
  API has net.Dial's own contract and its caller chooses the deadline; a `DialContext` that
  drops its context is reported. Nor to a loopback address (as for servers above:
  `fmt.Sprintf("127.0.0.1:%d", port)`, a port probe), which answers at once with a
  connection or a refusal. Nor in a goroutine that nobody waits for: a `go func()
  {...}()` literal that sends nothing, closes nothing and calls no `Done()`, or an
  unexported function or method whose every use in the package is a `go f()` statement or
  a call in such a literal (a reconnect loop, a periodic health probe): an unreachable
  host delays only its own retry. Where the function (or one around it) takes a
  `context.Context`, the advice is a `net.Dialer`'s `DialContext` with it: the caller's
  deadline is the bound it expects (low confidence in `package main`, a program's own
  function: a hand-run tool or benchmark). Without one, the finding is shown only where a
  dead host holds up others: a dial in a loop of a function that accepts connections (a
  proxy's accept loop) or that serves a peer (a connection or request parameter: a loop
  over backends for each client), or where a caller in its package (outside `package
  main`) takes a `context.Context` that the dial drops (`Connect(ctx, hostPort)` calling
  `newOutbound(hostPort)`); elsewhere (a CLI's one connect, a per-connection helper) it
  is low confidence, as the OS bounds the wait for its one caller.

Packages are resolved through the file's imports, so aliases are seen and a package's
own unqualified names (net/http defining `Client`) are not. A client literal inside a
struct literal counts as configured when `x.field.Timeout` is assigned later or `x` is
handed to a function (functional options).

Client findings (`http.Get` & co, the default client, client literals) are not reported
in a command-line program that makes its requests and exits: `package main`, or a package
under a `cmd` directory (a subcommand, a command's internal package), whose files
hold nothing that keeps a process running (a server or listener, a wait for signals:
`signal.NotifyContext`, or `signal.Notify` of a channel that not only a clean-up goroutine
started on the spot receives once, `go func() { <-sigs; cancel() }()`, a
ticker, a sleep between polls, `select {}`, or in the file itself a `for {}` that nothing
leaves; an `httptest.NewServer` serves from a goroutine nobody waits on and does not
count; where the file declares `func main()`, a sibling that declares one too is another
program, run on its own), nor in a package that declares command-line flags at its top
level (`url = flag.String("url", ...)`: only a program parses them, so it is a program's
own package, as the shared code of a repository's generators is) and whose files hold
nothing that keeps a process running; nor in a command action of a CLI framework (a
function taking urfave/cli's `*cli.Context`, cobra's `(*cobra.Command, []string)` or
kingpin's `*kingpin.ParseContext`, kong's `Run` method of a type the file tags as a `cmd:""`
field, in any package) or in an unexported function that only
such actions call, outside loops and `go` statements (`etcdctl check datascale` reading
the server's metrics). Nor a request (`http.Get` & co, the default client's; not a client
literal, whose requests may run long after the command made it) that runs only in
commands: every path up to it starts at a command action or a command of the program's
table (`lifetime.function_once`'s commands view), through any number of calls, the
module's other packages, loops over a collection or a count (`egctl` once per pod),
goroutines that their starter waits for (`wg.Wait()` for their `wg.Done()`), and a
function handed to a command builder of the module that calls it only in the action it
builds or returns (`CmdBuilder(cmd, RunAppsGetLogs, "logs", ...)`, `command.New("diag",
short, long, Run)`); not from main, init or set-up
code, not from a request handler or a function value handed elsewhere. Its user sees a
stall and interrupts it; a daemon keeps its findings; outside a program's own package (main, or under `cmd`), which the code does
not show to be a daemon's or a command's, they are of low confidence where a request
(`http.Get` & co and the default client's: not a client literal, made once and used
anywhere) runs once per run of the process outside
loops of its function: set-up code that main, init or a command action calls through
any number of calls (also from the module's other packages, or in a bounded loop), not
in a goroutine (`go join(pool)`, whose stall nobody sees): one stalled request holds one
goroutine, seen as a start-up or a command that does not finish, and nothing piles up.

A `//nolint:noctx` on the line of an `http.Get`-style finding, and a `//nolint:gosec` on
that of a server finding (gosec's G112 and G114 report the same), suppress it; so does
gosec's own marker, `//#nosec` bare or naming the gosec rule (`#nosec G112` on an
`http.Server` literal, `#nosec G114` on `http.ListenAndServe` & co, the IDs before a
`-- justification`), on the line or the line above.

Skipped: `_test.go` files (tests call `http.Get` on an `httptest` server and `net.Dial`
on a local listener, and a hung test is stopped by `go test -timeout`), test helper
packages (a folder named `*test`, `*tester`, `*testing`, `testutil`, `testsuites`, `testhelpers`, `testenv`,
such as `httptest`, and, below a module's go.mod (or GOPATH's last `src`), everything under such a folder or under
a `tests`, `fuzz`, `e2e`, `functional`, `harness` or `integration` folder: an integration suite's fake
servers and probes, a functional test harness driving members it controls; a module of
its own below such a folder of another module counts too, `test/e2e/mock/go.mod`),
example programs (below a module's go.mod, or in GOPATH mode below the last `src`, under
a folder whose name ends in `example`, `examples`, `demo` or `demos`, such as
`examples/webhook` or `contrib/raftexample`, the module's own
folder included when it lies inside another module (`examples/go.mod` beside the
library's): code that shows a library's use, run by hand rather than exposed to strangers),
other test support files (any file that imports `testing`, ginkgo,
gomega or testify: an acceptance-test harness, an integration cluster, an e2e suite, a
test runner's own coordination server), and programs run by hand
(`//go:build ignore`, `generate` or `none`, alone or ANDed with other tags, or the old
`// +build ignore`: table generators that download their input; or a `package main` file
whose comment above the package clause says to run it with `go run <that file>`, a probe
run from its source).

Of low confidence: `ListenAndServe*`/`Serve*` of promhttp's, expvar's or pprof's handler
itself (`http.ListenAndServe(addr, promhttp.Handler())`: a metrics port, whose clients
are scrapers, though some readers still want its header bound); a server served only on listeners that a function of another package
of the module returns as a value of a type its file declares whose `Accept` receives the
connections from a channel (`streamnet.Listen(host, proto)`, also through a function of the
file that returns its result: streams of a peer-to-peer host, handed over by the host's
own handler), whose message speaks of a connection rather than a socket; a file server of the folder the program runs in
(`http.FileServer(http.Dir("."))`, or of `os.Getwd()`: a tool serving the files where
its user starts it, by hand); a server literal whose `Handler` is a local
`http.NewServeMux()` that its function only keeps in a composite literal (`return
&WebServer{srv, mux}`), in a file that imports net/http/pprof or expvar and whose every
`Handle`/`HandleFunc` call (one at least) registers a debug endpoint (a `/debug/` path, a
handler of those packages): the file's debug web server, to which other files may add
handlers that the rule does not read; and every finding in a folder of its module named for a
demonstration, an example or teaching material by one of its words (`cmd/demo-server`,
`example_client`, `codelab`, `tutorial`, `quickstart`) or for a
bug's reproducer (`internal/cmd/issue-908`, `repro`), or
for the repository's own build, CI, maintenance and developer programs (`build`, `ci`, `hack`,
`devtools`, or `scripts` among its words: `cmd/authelia-scripts`; the `tools` or `t` folder
at the top of its module: `tools/loadgen`, `t/cmd`; a `tools/go.mod` module at the top of
its repository) or in a mage build script (`//go:build mage`), which its developers,
operators or its CI run, or for test doubles (a
mock or a fake among the words of a folder, `internal/mocks`, `devtools/mockslack`, or of
the file's name, `server_mock.go`), which tests point the code at,
and in a `package main` file whose comment above the package clause tells to run its own
package with `go run` (`go run github.com/x/tool/cmd/mdot --prog f`, `go run .`): a
developer's tool run from its source.

Confidence is medium: the missing bound is certain, but a bound set where the rule cannot
see it (per-request contexts made in another file, a transport configured elsewhere)
makes it harmless, and in examples, command-line tools and servers on localhost or a
unix socket a missing timeout costs little; on the Debian corpus about half of the
sampled findings were of that kind (docs/precision/GL006.md). A finding in an exported
function of an application's package (an `internal` one, or one of a module with a
command in its root folder or under `cmd` whose example programs do not name it:
`lifetime.library_api` says no, so nothing outside the module calls it) that no file of
the module calls, tests included (`lifetime.never_called`; a method of a type that
nothing makes too; a call from a generator run by hand, `//go:build ignore`, counts for
none), is of low confidence: the code waits only once a change calls it; so
is one in test code that only the module's tests run (`lifetime.test_only`: a file built
only with a test tag such as `//go:build integration`, or an `internal` package that only
tests import): it waits in a test run only. A function taking a test library's handle for
the test (`t testing.TestingT`: `Names.takes_test_handle`) runs in a test and is not reported.

## Why is this bad?
A call with no deadline waits as long as the peer lets it. A server that stops
answering (or a half-open TCP connection after a network fault) parks the goroutine
forever, together with whatever it holds: a pooled connection, a lock, the request of an
upstream caller. Under load these pile up until the process runs out of memory or file
descriptors. An `http.Server` without `ReadHeaderTimeout` lets any client hold a
goroutine and a socket open by sending headers slowly (Slowloris). A redigo pool with
`Wait: true` blocks `Get()` until a connection is free: with every connection held by a
caller that itself waits, nobody ever returns one, and dial timeouts do not help since
`Get` never reaches dial.

## Example
```go
c, err := redis.Dial("tcp", addr)
resp, err := http.Get(url)
srv := &http.Server{Addr: ":8080", Handler: mux}
```

## Use instead
```go
c, err := redis.Dial("tcp", addr,
	redis.DialConnectTimeout(time.Second),
	redis.DialReadTimeout(time.Second),
	redis.DialWriteTimeout(time.Second))
client := &http.Client{Timeout: 10 * time.Second}
resp, err := client.Get(url)
// for long downloads, bound the wait for the headers instead of the whole transfer:
download := &http.Client{Transport: &http.Transport{ResponseHeaderTimeout: 10 * time.Second}}
srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
conn, err := pool.GetContext(ctx) // with a deadline on ctx
```

## References
- [net/http: Client.Timeout](https://pkg.go.dev/net/http#Client)
- [The complete guide to Go net/http timeouts (Cloudflare)](https://blog.cloudflare.com/the-complete-guide-to-golang-net-http-timeouts/)
- [redigo: DialOption](https://pkg.go.dev/github.com/gomodule/redigo/redis#DialOption)
- [redigo: Pool.GetContext](https://pkg.go.dev/github.com/gomodule/redigo/redis#Pool.GetContext)
- [gosec G114: net/http serve function without timeouts](https://github.com/securego/gosec)
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from typing import Any, Iterable, Iterator

from goleaklint.analysis.cfg import cfg_of, nil_operand, one_shot_program
from goleaklint.analysis.lifetime import PackageFiles, first_result, library_package, never_called, runs_once, test_only
from goleaklint.analysis.gomod import in_demo_named_tree, in_test_or_example_tree, in_tooling_tree
from goleaklint.fixes import add_import, add_key, import_name
from goleaklint.release import shortest_fitting
from goleaklint.model import Confidence, Context, Fix, Report, Rule, Severity, Span, span_of
from goleaklint.analysis.channels import strip_parens
from goleaklint.analysis.names import (LOCAL, PACKAGE, UNKNOWN, Names, assigned_to, declaring_statement, names_for,
                                       package_groups, parameter_at)
from goleaklint.analysis.ownership import ESCAPES, READS, ownership_of
from goleaklint.analysis.package import file_source, parsed
from goleaklint.analysis.types import types_for
from goleaklint.syntax import (
    ancestors,
    build_requires,
    has_word,
    arguments,
    assignments,
    call_name,
    descendants,
    enclosing_function,
    function_name,
    FUNCTION_TYPES,
    LINE_COMMENT,
    in_program,
    is_test_file,
    named,
    parameters,
    root_of,
    run_by_hand,
    run_from_source,
    statements,
    TEST_FRAMEWORKS,
    test_support_name,
    text,
    walk,
)

REDIS_TIMEOUTS = ("DialConnectTimeout", "DialReadTimeout", "DialWriteTimeout")
HTTP_GETTERS = ("Get", "Head", "Post", "PostForm")
SERVE_FUNCTIONS = ("ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS")


def _is_redigo(path: str) -> bool:
    return "redigo" in path


def _keys(literal: Any, source: bytes) -> dict[str, Any]:
    """Field name -> value node of a keyed composite literal."""
    body = literal.child_by_field_name("body")
    keys = {}
    for element in body.named_children if body is not None else ():
        if element.type == "keyed_element":
            key, value = element.child_by_field_name("key"), element.child_by_field_name("value")
            if key is not None:
                keys[text(source, key)] = value
    return keys


def _literal_of(value: Any) -> Any | None:
    """The composite literal in `T{...}`, `&T{...}` or a literal_element around them, or
    the `new(T)` call (a literal with no fields set)."""
    while value is not None and value.type in ("literal_element", "unary_expression", "parenthesized_expression"):
        value = value.named_children[-1] if value.named_children else None
    return value if value is not None and _type_of(value) is not None else None


def _type_of(literal: Any) -> Any | None:
    """The type node of a composite literal or of a `new(T)` call."""
    if literal.type == "composite_literal":
        return literal.child_by_field_name("type")
    if literal.type == "call_expression" and literal.child_by_field_name("function").type == "identifier":
        args = literal.child_by_field_name("arguments")
        if args is not None and args.named_child_count == 1 and literal.child_by_field_name("function").text == b"new":
            return args.named_children[0]
    return None


def _holder(literal: Any) -> tuple[Any, Any] | None:
    """(target, statement) when the literal (or &literal) is assigned or declared."""
    if literal.type == "composite_literal" and literal.parent is not None and literal.parent.type == "unary_expression":
        literal = literal.parent
    return assigned_to(literal)


def _outermost(literal: Any, source: bytes) -> tuple[Any, str]:
    """The outermost literal expression around literal (through `&` and enclosing
    composite literals) and the field path from it: `&S{c: &http.Client{}}` -> (S, ".c")."""
    expr, path = literal, ""
    while expr.parent is not None:
        parent = expr.parent
        if parent.type in ("unary_expression", "parenthesized_expression", "literal_value", "composite_literal"):
            expr = parent
        elif parent.type == "literal_element" and parent.parent is not None and parent.parent.type == "keyed_element":
            key = parent.parent.child_by_field_name("key")
            if key is None or key == parent:
                break
            path = f".{text(source, key)}{path}"
            expr = parent.parent
        elif parent.type in ("literal_element", "keyed_element"):
            expr = parent
        else:
            break
    while expr.type in ("literal_element", "keyed_element", "literal_value"):
        expr = expr.parent
    return expr, path


def _field_of(target: Any, holder: Any, path: str, names: Names) -> bool:
    """Whether target is the field path (".Transport", ".c.Timeout") of the variable or
    field path holder names (`same_expression`): `client.Transport` of `client`, not of a
    shadowing one."""
    for field in reversed(path.split(".")[1:]):
        name = target.child_by_field_name("field") if target.type == "selector_expression" else None
        if name is None or text(names.source, name) != field:
            return False
        target = target.child_by_field_name("operand")
    return names.same_expression(target, holder)


def _nil_fallback(literal: Any, source: bytes) -> bool:
    """`if client == nil { client = &http.Client{} }`: a default for a caller that gave
    no client of its own; the caller who wants a timeout passes one. So is the else
    branch of `if hc != nil { c.client = hc } else { c.client = &http.Client{} }`, the
    same target given the caller's client when there is one."""
    held = _holder(literal)
    statement = held[1] if held is not None else None
    if statement is None or statement.type != "assignment_statement":
        return False
    block = statement.parent.parent if statement.parent is not None and statement.parent.type == "statement_list" \
        else None
    branch = block.parent if block is not None else None
    if branch is None or branch.type != "if_statement" or len(statements(block)) != 1:
        return False
    condition = branch.child_by_field_name("condition")
    names = names_for(source, literal)
    if branch.child_by_field_name("alternative") == block:
        given = statements(branch.child_by_field_name("consequence"))
        left = given[0].child_by_field_name("left") if len(given) == 1 and \
            given[0].type == "assignment_statement" else None
        right = given[0].child_by_field_name("right") if left is not None else None
        if left is None or right is None or len(left.named_children) != 1 or len(right.named_children) != 1:
            return False
        value, tested = right.named_children[0], nil_operand(condition, "!=")
        return names.same_expression(left.named_children[0], held[0]) and value.type == "identifier" and \
            tested is not None and tested.type == "identifier" and names.same_variable(tested, value)
    if branch.child_by_field_name("consequence") != block or branch.child_by_field_name("alternative") is not None:
        return False
    tested = nil_operand(condition, "==")
    return tested is not None and names.same_expression(tested, held[0])


def _returned_with_error(literal: Any, source: bytes) -> bool:
    """`return http.Client{}, err` in the branch of `if err != nil`, or beside an error
    made there (`fmt.Errorf(...)`): a zero value no request goes through."""
    expr = literal.parent if literal.parent is not None and literal.parent.type == "unary_expression" else literal
    values = expr.parent
    if values is None or values.type != "expression_list" or values.parent is None or \
            values.parent.type != "return_statement" or values.named_children[-1] == expr:
        return False
    last = values.named_children[-1]
    if last.type == "call_expression":
        return call_name(last, source)[1] in ("Errorf", "New", "Wrap", "Wrapf")
    if last.type != "identifier":
        return False
    names = names_for(source, last)
    return any(a.type == "if_statement" and a.child_by_field_name("condition") is not None and
               (tested := nil_operand(a.child_by_field_name("condition"), "!=")) is not None and
               tested.type == "identifier" and names.same_variable(tested, last) and
               a.child_by_field_name("consequence").start_byte <= values.start_byte <
               a.child_by_field_name("consequence").end_byte for a in ancestors(values))


def _configured_later(literal: Any, fields: tuple[str, ...], source: bytes) -> bool:
    """Whether the variable holding literal (or the struct literal it sits in), or a
    variable it is copied to (`client = proxyClient; client.Timeout = t`), gets one of
    fields assigned, or every field (`*client = *base`, a copy of the caller's), or is
    handed to another function (to configure it), later in the same function."""
    outer, path = _outermost(literal, source)
    bound = _holder(outer)
    func = enclosing_function(literal)
    if bound is None or func is None:
        return False
    holder = bound[0]
    body = func.child_by_field_name("body")
    if body is None:
        return False
    names = names_for(source, holder)
    # the variables it is copied to after the literal (`client = proxyClient`), and from where
    aliases = [(holder, literal)] + [
        (target, statement) for target, value, statement in assignments(body)
        if not path and statement.start_byte > literal.end_byte and target.type == "identifier" and
        value is not None and value.type == "identifier" and names.same_expression(value, holder)]
    for target, _, statement in assignments(body):
        if any(statement.start_byte > after.end_byte and _field_of(target, alias, f"{path}.{f}", names)
               for alias, after in aliases for f in fields):
            return True
        # `*client = *base`: every field copied from another value, its Timeout included
        pointee = target.named_children[-1] if not path and target.type == "unary_expression" and \
            text(source, target).startswith("*") and target.named_children else None
        if pointee is not None and any(statement.start_byte > after.end_byte and
                                       names.same_expression(pointee, alias) for alias, after in aliases):
            return True
    for node in walk(body):
        if node.start_byte <= literal.end_byte or node.type != "argument_list":
            continue
        for index, arg in enumerate(node.named_children):
            if arg.type == "unary_expression" and arg.named_children:
                arg = arg.named_children[-1]
            if names.same_expression(arg, holder) and not _only_used(node.parent, index, source):
                return True
    return False


def _handed_to_users(literal: Any, source: bytes) -> bool:
    """Whether the variable holding literal is handed, later in its function, to a
    function of the package that only sends through it (_only_used): the requests sent
    there are not the ones whose contexts _bounded_by_contexts reads."""
    bound = _holder(literal)
    func = enclosing_function(literal)
    body = func.child_by_field_name("body") if func is not None else None
    if bound is None or body is None or bound[0].type != "identifier":
        return False
    names = names_for(source, bound[0])
    return any(use.parent is not None and use.parent.type == "argument_list" and use.start_byte > literal.end_byte
               and _only_used(use.parent.parent, use.parent.named_children.index(use), source)
               for use in names.uses(bound[0], func))


def _users_send_with_contexts(literal: Any, source: bytes) -> bool:
    """Whether the client variable is handed to a function of the file (`check(ctx,
    client, addr)`), and both that function, through its parameter, and the client's own
    function send only `Do(req)` calls whose request carries a context
    (_carries_context), handing it nowhere else."""
    bound = _holder(literal)
    func = enclosing_function(literal)
    if bound is None or func is None or bound[0].type != "identifier":
        return False
    names = names_for(source, bound[0])
    types = types_for(names)
    found = handed = False
    for use in names.uses(bound[0], func):
        if use.start_byte <= literal.end_byte or use.parent is None:
            continue
        if use.parent.type == "selector_expression":  # `client.Do(req)` in its own function
            call = use.parent.parent
            method = text(source, use.parent.child_by_field_name("field"))
            if call is None or call.type != "call_expression" or \
                    not (method == "Do" and _carries_context(call, source) or method == "CloseIdleConnections"):
                return False
            continue
        if use.parent.type != "argument_list":
            return False
        handed = True
        callee = types.called(use.parent.parent)
        parameter = parameter_at(callee, use.parent.named_children.index(use)) if callee is not None else None
        body = callee.child_by_field_name("body") if callee is not None else None
        if body is None or parameter is None:
            return False
        for node in names.uses(parameter, body):
            selector = node.parent
            call = selector.parent if selector is not None and selector.type == "selector_expression" else None
            if call is None or call.type != "call_expression" or call.child_by_field_name("function") != selector:
                return False  # handed on or stored: not shown here
            method = text(source, selector.child_by_field_name("field"))
            if method == "Do" and _carries_context(call, source):
                found = True
            elif method != "CloseIdleConnections":
                return False
    return handed and found


# Methods that use a client or a server as it is, configuring nothing.
USING_METHODS = frozenset(("Get", "Head", "Post", "PostForm", "Do", "CloseIdleConnections",
                           "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS", "Shutdown", "Close"))


def _only_used(call: Any, index: int, source: bytes) -> bool:
    """Whether the call hands its index-th argument to a function of the package that
    only sends requests or serves through it (`determineAction(client, u)` calling
    `client.Head(u)`), also through the functions it hands it to (ownership summaries):
    such a callee configures nothing, so no timeout is set there."""
    owners = ownership_of(root_of(call), source)
    key = owners.callee(call) if call is not None and call.type == "call_expression" else None
    return key is not None and owners.effect(key, index, _using_uses) == READS


def _using_uses(source: bytes):
    """The ownership classifier for a client or server parameter: a call of one of
    USING_METHODS on it reads it, a hand-off to a function of the package is followed,
    anything else (a field set, a value stored, returned or handed elsewhere) escapes."""
    def uses(func: Any, ident: Any):
        names = names_for(source, func)
        owners = ownership_of(root_of(func), source)
        for use in names.uses(ident, func):
            if use == ident:
                continue
            parent = use.parent
            if parent is not None and parent.type == "selector_expression" and \
                    parent.child_by_field_name("operand") == use and parent.parent is not None and \
                    parent.parent.type == "call_expression" and \
                    parent.parent.child_by_field_name("function") == parent and \
                    text(source, parent.child_by_field_name("field")) in USING_METHODS:
                yield READS, None
                continue
            if parent is not None and parent.type == "argument_list":
                key = owners.callee(parent.parent)
                if key is not None:
                    yield None, (key, parent.named_children.index(use))
                    continue
            yield ESCAPES, None
    return uses


def _transport_bounded(value: Any, source: bytes, names: Names) -> bool:
    """False only when the client's transport is visibly an http.Transport literal
    without ResponseHeaderTimeout; a transport built elsewhere is given the benefit."""
    literal = _literal_of(value)
    if literal is None and value is not None:
        expr = value.named_children[-1] if value.type == "literal_element" and value.named_children else value
        if expr.type == "identifier":
            binding = names.reaching(expr, expr)
            if binding is not None:
                literal = _literal_of(binding[1])
                if literal is not None and _configured_later(literal, ("ResponseHeaderTimeout",), source):
                    return True
    if literal is None:
        return True
    resolved = names.qualified(_type_of(literal))
    if resolved is None or resolved != ("net/http", "Transport"):
        return True
    return "ResponseHeaderTimeout" in _keys(literal, source) or _custom_dial(literal, source, names)


def _transport_set_later(literal: Any, source: bytes, names: Names) -> bool:
    """Whether the function assigns the client's Transport after the literal (`client :=
    &http.Client{}`, then `client.Transport = &http.Transport{...}`), and every transport
    it assigns there is bounded as a keyed one would be (_transport_bounded)."""
    outer, path = _outermost(literal, source)
    bound = _holder(outer)
    func = enclosing_function(literal)
    body = func.child_by_field_name("body") if func is not None else None
    if bound is None or body is None:
        return False
    holder = bound[0]
    values = [value for target, value, statement in assignments(body)
              if statement.start_byte > literal.end_byte and _field_of(target, holder, f"{path}.Transport", names)]
    # a transport the function builds (`&http.Transport{...}`, or a variable bound to
    # one): a value handed in (`client.Transport = tripper`) bounds what its maker chose
    return bool(values) and all(value is not None and _built_transport(value, names) and
                                _transport_bounded(value, source, names) for value in values)


def _built_transport(value: Any, names: Names) -> bool:
    """Whether value is a literal, or a variable bound to one where it is used."""
    if _literal_of(value) is not None:
        return True
    binding = names.reaching(value, value) if value.type == "identifier" else None
    return binding is not None and binding[1] is not None and _literal_of(binding[1]) is not None


def _plain(value: Any | None) -> Any | None:
    """The expression inside a literal_element (a keyed value)."""
    if value is not None and value.type == "literal_element" and value.named_children:
        return value.named_children[0]
    return value


def _carries_context(call: Any, source: bytes, index: int | None = None, callers: bool = True) -> bool:
    """Whether `Do(req)` gets a request made with a context, or whose `Cancel` channel is
    set before the call (`req.Cancel = ctx.Done()`, the older way): either can bound it.
    index: the request is the call's index-th argument of any number. With callers, also
    a request that is an unchanged parameter of an unexported function that every call
    of it hands such a request (_callers_hand: `g.probe(req)` after `req, err :=
    g.newRequest(timeoutCtx, ...)`), one call level up."""
    args = arguments(call)
    if index is None and len(args) != 1 or index is not None and index >= len(args):
        return False
    arg = args[index or 0]
    if arg.type == "identifier" and _cancel_set(arg, call, source):
        return True
    if callers and arg.type == "identifier" and \
            _callers_hand(arg, call, source, lambda c, at: _carries_context(c, source, at, callers=False)):
        return True
    if arg.type == "identifier":
        binding = names_for(source, arg).reaching(arg, arg)
        arg = binding[1] if binding is not None else None
        if binding is not None and arg is None:  # req, err := http.NewRequestWithContext(...)
            statement = binding[0].parent.parent
            right = statement.child_by_field_name("right") if statement is not None else None
            arg = right.named_children[0] if right is not None and right.named_children else None
    if arg is not None and arg.type == "call_expression" and \
            call_name(arg, source)[1] not in ("WithContext", "NewRequestWithContext", "Clone"):
        return _made_with_context(arg, source)
    return arg is not None and arg.type == "call_expression"


def _callers_hand(arg: Any, at: Any, source: bytes, fits) -> bool:
    """Whether arg is a parameter of the declared function around at that the function
    does not assign before it, the function is unexported and no other file of the
    package names it, and every call of it in the file (one at least: analysis/types'
    calls_of, methods too) satisfies fits(call, index of the parameter): what its callers
    hand it, one call level up (`tryFetch` deriving `ctx` with a deadline before
    `fetch(ctx, url)`, which hands the client on beside it)."""
    names = names_for(source, arg)
    func = enclosing_function(at)
    index = names.parameter_index(arg, func) \
        if func is not None and func.type in ("function_declaration", "method_declaration") else None
    if index is None or names.reaching(arg, at) not in (None, (names.resolve(arg).decl, None)):
        return False
    name = text(source, func.child_by_field_name("name"))
    package = PackageFiles.for_file(source, root_of(at), names)
    if not name[:1].islower() or any(
            has_word(package.sources[index], name.encode()) and
            named(package.file(index)[0], package.sources[index], name)  # not a comment's word
            for index in range(1, len(package.sources))):
        return False
    declared = parameters(func, source, receiver=False)
    calls = types_for(names).calls_of(func)
    return bool(calls) and all(len(arguments(c)) == len(declared) and fits(c, index) for c in calls)


def _callers_request(call: Any, ctx: Context) -> bool | None:
    """Whether `Do(req)` sends the request its function is given, unchanged: req is a
    parameter that the function does not assign (`func DoRequest(req *http.Request, ...)
    { r, err := http.DefaultClient.Do(req) }`). Its context is the caller's, whose
    deadline bounds the request (as a `Dial` wrapper's caller chooses its own): True when
    the file does not call the function (its callers are elsewhere), None when every
    call of it in the file (one at least) hands it a request made with a context
    (_carries_context: `c.do(req)` after `req, err := http.NewRequestWithContext(ctx,
    ...)`), False otherwise (a caller's request without one is the stall)."""
    args = arguments(call)
    if len(args) != 1 or args[0].type != "identifier":
        return False
    func = enclosing_function(call)
    index = ctx.names.parameter_index(args[0], func) \
        if func is not None and func.type in ("function_declaration", "method_declaration") else None
    if index is None or ctx.names.reaching(args[0], call) not in (None, (ctx.names.resolve(args[0]).decl, None)):
        return False
    name = func.child_by_field_name("name")
    calls = [c for c in descendants(ctx.root, ("call_expression",))
             if call_name(c, ctx.source)[1] == ctx.text(name)]
    if not calls:
        return True
    if all(_carries_context(c, ctx.source, index) for c in calls):
        return None
    return False


def _made_with_context(call: Any, source: bytes) -> bool:
    """Whether call runs a function of the file (`newGitHubRequest(ctx, url)`) whose every
    return of a request returns one made there with a context (`req, err :=
    http.NewRequestWithContext(ctx, ...)`, then `return req, nil`), nil aside."""
    names = names_for(source, call)
    func = types_for(names).called(call)
    body = func.child_by_field_name("body") if func is not None else None
    if body is None:
        return False
    found = False
    for ret in descendants(body, ("return_statement",), into_functions=False):
        values = ret.named_children[0].named_children if ret.named_children and \
            ret.named_children[0].type == "expression_list" else ret.named_children
        if not values or text(source, values[0]) == "nil":
            continue
        binding = names.reaching(values[0], values[0]) if values[0].type == "identifier" else None
        made = binding[1] if binding is not None else None
        if binding is not None and made is None:  # req, err := http.NewRequestWithContext(...)
            statement = binding[0].parent.parent if binding[0].parent is not None else None
            right = statement.child_by_field_name("right") if statement is not None and \
                statement.type in ("short_var_declaration", "assignment_statement") else None
            made = right.named_children[0] if right is not None and right.named_children else None
        if made is None or made.type != "call_expression" or \
                call_name(made, source)[1] not in ("WithContext", "NewRequestWithContext", "Clone"):
            return False
        found = True
    return found


def _cancel_set(request: Any, call: Any, source: bytes) -> bool:
    """Whether `<request>.Cancel = ...` is assigned, in the function around call, before it."""
    func = enclosing_function(call)
    body = func.child_by_field_name("body") if func is not None else None
    if body is None:
        return False
    names = names_for(source, request)
    return any(statement.end_byte <= call.start_byte and _field_of(target, request, ".Cancel", names)
               for target, _, statement in assignments(body))


def _client_names(literal: Any, source: bytes, bound_to: dict[str, set[str]]) -> set[str]:
    """The last names a client literal is kept under: `client` for `client := &http.Client{}`,
    `hc` for `s.hc = ...` or `&T{hc: &http.Client{}}`, and for a literal returned by `f`,
    the names `f()` is assigned to in this file (`var c = f()`) and `f()` itself, whose
    result may be used at once (`n.client().Do(req)`)."""
    expr = literal.parent if literal.parent is not None and literal.parent.type == "unary_expression" else literal
    parent = expr.parent
    if parent is not None and parent.type == "literal_element" and parent.parent.type == "keyed_element":
        key = parent.parent.child_by_field_name("key")
        return {text(source, key)} if key is not None and key != parent else set()
    if parent is not None and parent.type == "expression_list" and parent.parent.type == "return_statement":
        func = enclosing_function(literal)
        name = function_name(func, source).rsplit(".", 1)[-1] if func is not None else ""
        return bound_to.get(name, set()) | {name + "()"} if name else set()
    bound = _holder(literal)
    return {_last_name(text(source, bound[0]))} if bound is not None else set()


def _bounded_by_contexts(literal: Any, uses: dict[str, list[bool]], source: bytes,
                         bound_to: dict[str, set[str]]) -> bool:
    """Whether every request sent through the names the client is kept under, in this
    file, or through a local copy of such a package-level variable (`c := secureClient`,
    `c = insecureClient`: _local_copies), is a `Do(req)` with a request made with a
    context (there is at least one)."""
    kept = _client_names(literal, source, bound_to)
    sent = [carries for name in kept | _local_copies(literal, kept, source) for carries in uses.get(name, ())]
    return bool(sent) and all(sent)


def _local_copies(literal: Any, kept: set[str], source: bytes) -> set[str]:
    """The locals of the file that a `:=` or `=` sets to a package-level variable
    holding the client literal (one of the names kept), as a proxy handler picks one of
    two clients before its `c.Do(req)`."""
    bound = _holder(literal)
    if bound is None or bound[0].type != "identifier" or enclosing_function(literal) is not None:
        return set()
    names = names_for(source, bound[0])
    copies = set()
    for statement in descendants(root_of(literal), ("short_var_declaration", "assignment_statement")):
        left, right = statement.child_by_field_name("left"), statement.child_by_field_name("right")
        if left is None or right is None or len(left.named_children) != 1 or len(right.named_children) != 1:
            continue
        target, value = left.named_children[0], right.named_children[0]
        if target.type == "identifier" and value.type == "identifier" and text(source, value) in kept and \
                names.resolve(value).kind == PACKAGE and names.resolve(target).kind == LOCAL:
            copies.add(text(source, target))
    return copies


_LOOPBACK = ("localhost:", "127.0.0.1:", "[::1]:")
_LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def _loopback(address: Any | None, source: bytes) -> bool:
    """Whether address is a string literal of a loopback address (a pprof or debug
    endpoint on localhost:6060): only local processes can reach it."""
    return (address is not None and address.type in ("interpreted_string_literal", "raw_string_literal")
            and text(source, address).strip('"`').startswith(_LOOPBACK))


def _constant(value: Any, source: bytes, names: Names) -> Any:
    """The literal a package-level constant of this file is declared with
    (`const defaultAddr = "localhost:6060"`), or value itself."""
    binding = names.resolve(value) if value.type == "identifier" else None
    spec = declaring_statement(binding.decl) if binding is not None and binding.kind == PACKAGE and \
        binding.decl is not None else None
    if spec is None or spec.type != "const_spec":
        return value
    values = spec.child_by_field_name("value")
    return values.named_children[0] if values is not None and len(values.named_children) == 1 else value


def _local_address(address: Any | None, source: bytes, names: Names, depth: int = 2) -> bool:
    """Whether a listen address is a loopback literal, a variable bound to one in the
    function, `"localhost:" + port`, `*addr` where addr is a package-level
    `flag.String(name, "localhost:...", usage)` or a variable of the function bound to one, a variable or field that the file's
    `flag.StringVar(&opts.Addr, name, "127.0.0.1:...", usage)` sets, or `args.Addr` where
    args is bound to a literal whose Addr is one of these (flag defaults): by default
    only local processes reach it. Also a parameter of an unexported function that every
    call of it in the file (one at least; no other file names it) hands such an address
    (`go serve(opts.Addr)`), depth calls up."""
    if address is None:
        return False
    if address.type in ("identifier", "selector_expression") and _flag_var_default(address, source, names):
        return True
    if address.type == "identifier" and depth and _local_by_callers(address, source, names, depth):
        return True
    if address.type == "binary_expression":
        return _local_address(address.child_by_field_name("left"), source, names)
    if address.type == "call_expression":  # fmt.Sprintf("127.0.0.1:%d", port), net.JoinHostPort("localhost", p)
        args = arguments(address)
        function = address.child_by_field_name("function")
        if names.qualified(function) == ("fmt", "Sprintf") and len(args) > 1 and \
                text(source, args[0]).strip('"`').startswith("%s:") and args[1].type in ("identifier", "selector_expression"):
            return _flag_var_default(args[1], source, names, host=True)  # the host a flag defaults to loopback
        if names.qualified(function) == ("fmt", "Sprintf") and args:
            return _loopback(args[0], source)
        if names.qualified(function) == ("net", "JoinHostPort") and len(args) == 2 and \
                args[0].type in ("interpreted_string_literal", "raw_string_literal"):
            return text(source, args[0]).strip('"`') in _LOOPBACK_HOSTS
        return False
    if address.type == "unary_expression" and address.named_children:  # *flagValue
        pointer = address.named_children[0]
        binding = names.resolve(pointer) if pointer.type == "identifier" else None
        declared = binding.decl if binding is not None and binding.kind == PACKAGE else None
        spec = declaring_statement(declared) if declared is not None else None
        value = spec.child_by_field_name("value") if spec is not None and spec.type == "var_spec" else None
        call = value.named_children[0] if value is not None and value.named_children else None
        if declared is None and pointer.type == "identifier":  # `addr := flag.String(...)` in the function
            binding = _only_binding(pointer, names)
            call = binding[1] if binding is not None else None
        args = arguments(call) if call is not None and call.type == "call_expression" else []
        return (names.qualified(call.child_by_field_name("function")) == ("flag", "String")
                and len(args) == 3 and _loopback(_constant(args[1], source, names), source)) if args else False
    if address.type == "selector_expression":  # args.Addr, args bound to a literal with defaults
        operand = address.child_by_field_name("operand")
        binding = _only_binding(operand, names) if operand.type == "identifier" else None
        literal = _literal_of(binding[1]) if binding is not None and binding[1] is not None else None
        if literal is None or literal.type != "composite_literal":
            return False
        value = _keys(literal, source).get(text(source, address.child_by_field_name("field")))
        return _local_address(_plain(value), source, names)
    if address.type == "identifier":
        binding = _only_binding(address, names)
        address = binding[1] if binding is not None else None
    if address is not None and address.type == "binary_expression":
        address = address.child_by_field_name("left")
    if address is not None and address.type in ("interpreted_string_literal", "raw_string_literal") \
            and text(source, address).strip('"`') == "localhost:":
        return True
    return _loopback(address, source)


_FLAG_PACKAGES = ("flag", "github.com/spf13/pflag")


def _flag_var_default(target: Any, source: bytes, names: Names, host: bool = False) -> bool:
    """Whether target (`addr`, `options.Addr`: the same variable) is set by
    `flag.StringVar(&target, name, value, usage)` (pflag's too, `StringVarP` with its
    shorthand, or the method of a FlagSet, `fs := flag.NewFlagSet(...)`) in the file, or,
    for a field of a struct type of the package (`cmd.Args.Bind`), by such a call on
    that field of a value of that type in any file of the package (`&cmdArgs.Bind` in
    the function that parses the flags), and value is a loopback address (host: a
    loopback host, `"127.0.0.1"`, that the address is made from)."""
    found = _flag_default(target, source, names)
    if found is None:
        return False
    value, where = found
    if host:
        return value.type == "interpreted_string_literal" and text(where, value).strip('"') in _LOOPBACK_HOSTS
    return _loopback(value, where)


def _flag_default(target: Any, source: bytes, names: Names) -> tuple[Any, bytes] | None:
    """(value, its file's source) of the flag default that sets target (see _flag_var_default)."""
    for flagged, default in _string_vars(names.root, source, names):
        if names.same_expression(flagged, target):
            return _constant(default, source, names), source
    owner = _package_type(target.child_by_field_name("operand"), names) \
        if target.type == "selector_expression" else None
    if owner is None:
        return None
    field = text(source, target.child_by_field_name("field"))
    package = PackageFiles.for_file(source, names.root, names)
    for index, other in enumerate(package.sources):
        if index == 0 or b"StringVar" not in other or not has_word(other, field.encode()):
            continue
        root, other_names = package.file(index)
        for flagged, default in _string_vars(root, other, other_names):
            if flagged.type == "selector_expression" and text(other, flagged.child_by_field_name("field")) == field \
                    and _package_type(flagged.child_by_field_name("operand"), other_names) == owner:
                return _constant(default, other, other_names), other
    return None


def _package_type(operand: Any, names: Names) -> str | None:
    """The name of the struct type of this package that operand's declared type is (or
    points to)."""
    kind = types_for(names).of(operand)
    base = kind.deref() if kind is not None else None
    return base.name if base is not None and base.kind == "named" and base.path == "" else None


def _string_vars(root: Any, source: bytes, names: Names) -> Iterator[tuple[Any, Any]]:
    """(flagged variable, default value) of the file's `flag.StringVar(&v, name, value,
    usage)` calls (pflag's, `StringVarP`, a FlagSet's method)."""
    for call in descendants(root, ("call_expression",)):
        args = arguments(call)
        function = call.child_by_field_name("function")
        if len(args) not in (4, 5) or args[0].type != "unary_expression" or not args[0].named_children or \
                function.type != "selector_expression" or \
                text(source, function.child_by_field_name("field")) != ("StringVarP" if len(args) == 5 else "StringVar"):
            continue
        resolved = names.qualified(function)
        kind = types_for(names).of(function.child_by_field_name("operand")) if resolved is None else None
        if resolved is not None and resolved[0] in _FLAG_PACKAGES or \
                kind is not None and any(kind.is_named(path, "FlagSet") for path in _FLAG_PACKAGES):
            yield args[0].named_children[0], args[-2]


def _local_by_callers(ident: Any, source: bytes, names: Names, depth: int) -> bool:
    """Whether ident is a parameter, never assigned, of an unexported function declared
    in the file that only the file names, whose every call (one at least) hands it a
    local address (_local_address): `go httpserver(options.ListenAddr)`."""
    binding = names.resolve(ident)
    decl = binding.decl
    func = enclosing_function(decl) if binding.kind == LOCAL and decl is not None else None
    index = names.parameter_index(ident, func) if func is not None and func.type == "function_declaration" else None
    if index is None or names.reaching(ident, ident) not in (None, (decl, None)):
        return False
    name = text(source, func.child_by_field_name("name"))
    declared = parameters(func, source, receiver=False)
    facts = names.facts
    if not name[:1].islower() or \
            any(has_word(sibling, name.encode()) for sibling in (facts.sources() if facts is not None else ())):
        return False
    calls = 0
    for node in named(names.root, source, name):
        if node.type != "identifier" or node.start_byte == func.child_by_field_name("name").start_byte:
            continue  # a field of that name, or the declaration
        call = node.parent
        if call is None or call.type != "call_expression" or call.child_by_field_name("function") != node:
            return False  # handed on as a value: its callers are not seen
        args = arguments(call)
        if len(args) != len(declared) or not _local_address(args[index], source, names, depth - 1):
            return False
        calls += 1
    return calls > 0


def _only_binding(ident: Any, names: Names) -> tuple[Any, Any | None] | None:
    """The (target, value) of the one assignment to the local variable ident names in its
    function; None when it is assigned more than once (`if ... { a = x } else { a = y }`)."""
    binding = names.reaching(ident, ident)
    func = enclosing_function(binding[0]) if binding is not None else None
    body = func.child_by_field_name("body") if func is not None else None
    if body is None:
        return None
    name = text(names.source, ident)
    count = sum(1 for target, _, _ in assignments(body)
                if text(names.source, target) == name and names.same_variable(target, binding[0]))
    return binding if count == 1 else None


def _local_listener(listener: Any, source: bytes, names: Names) -> bool:
    """Whether listener is a variable bound in the function to `net.Listen("unix", ...)`,
    `net.ListenUnix`, or to `net.Listen(network, address)` on a local address (see _local_address)."""
    if listener.type != "identifier":
        return False
    binding = _only_binding(listener, names)
    if binding is None:
        return False
    statement = binding[0].parent.parent if binding[0].parent is not None else None
    right = statement.child_by_field_name("right") if statement is not None and statement.type in (
        "short_var_declaration", "assignment_statement") else None
    call = right.named_children[0] if right is not None and right.named_children else None
    if call is not None and call.type == "call_expression" and names.calls(call, "net", ("ListenUnix",)):
        return True  # a socket file: only local processes allowed to open it connect
    if call is None or call.type != "call_expression" or not names.calls(call, "net", ("Listen",)):
        return False
    args = arguments(call)
    if len(args) != 2:
        return False
    network = _network(args[0], source)
    return network in ("unix", "unixpacket") or _local_address(args[1], source, names)


def _serves_local_listener(literal: Any, source: bytes, names: Names) -> bool:
    """Whether the server literal is held in a variable that its function serves only
    on local listeners (`srv.Serve(ln)` with `ln := net.Listen("tcp", "127.0.0.1:0")`,
    see _local_listener), also from a goroutine it starts."""
    bound = _holder(literal)
    func = names.outermost_function(literal)
    body = func.child_by_field_name("body") if func is not None and bound is not None else None
    if body is None or bound[0].type != "identifier":
        return False
    served = [call for call in descendants(body, ("call_expression",))
              if call.child_by_field_name("function").type == "selector_expression"
              and call_name(call, source) in ((text(source, bound[0]), "Serve"), (text(source, bound[0]), "ServeTLS"))
              and names.same_base(call.child_by_field_name("function").child_by_field_name("operand"), bound[0])]
    return bool(served) and all(arguments(call) and _local_listener(arguments(call)[0], source, names)
                                for call in served)


# The dial functions of net.Dialer and of proxy dialers: any other function a transport
# dials through is the program's own (a unix socket, a pipe, a tunnel to a fixed address).
_LIBRARY_DIALS = ("Dial", "DialContext", "DialTLS", "DialTLSContext")


def _custom_dial(transport: Any, source: bytes, names: Names) -> bool:
    """Whether an http.Transport literal dials through a function of the program's own:
    a function literal, a function of this package, or a method not named like
    net.Dialer's (`Dial: d.socketDial`). Where such a transport connects, and what
    bounds it, is that code's business, as for a transport built elsewhere."""
    keys = _keys(transport, source)
    for key in _LIBRARY_DIALS:
        value = _plain(keys.get(key))
        if value is None:
            continue
        if value.type == "func_literal":
            return True
        if value.type == "identifier" and names.resolve(value).kind == PACKAGE:
            return True
        if value.type == "selector_expression" and names.qualified(value) is None and \
                text(source, value.child_by_field_name("field")) not in _LIBRARY_DIALS:
            return True
    return False


def _literal_report(literal: Any, ctx: Context, names: Names,
                    uses: dict[str, list[bool]], bound_to: dict[str, set[str]]) -> Report | None:
    resolved = names.qualified(_type_of(literal))
    if resolved is None:
        return None
    path, name = resolved
    keys = _keys(literal, ctx.source)
    if literal.type == "call_expression" and _holder(literal) is None:
        return None  # a bare `return new(http.Server)`: the caller sets its fields
    if not keys and _replaced_before_use(literal, ctx):
        return None  # `srv := http.Server{}`, then `srv = http.Server{...}` on every path: that one is judged
    if (path, name) == ("net/http", "Client"):
        if "Timeout" in keys or _configured_later(literal, ("Timeout",), ctx.source) or \
                _set_in_package(literal, ("Timeout",), ctx):
            return None
        if not keys and _returned_with_error(literal, ctx.source):
            return None  # a zero value beside the error, which the caller checks first
        if "Transport" in keys and _transport_bounded(keys["Transport"], ctx.source, names):
            return None
        if "Transport" not in keys and _transport_set_later(literal, ctx.source, names):
            return None  # `client.Transport = &http.Transport{ResponseHeaderTimeout: d}` before its requests
        if _bounded_by_contexts(literal, uses, ctx.source, bound_to) and not _handed_to_users(literal, ctx.source) \
                or _users_send_with_contexts(literal, ctx.source) or _fields_send_with_contexts(literal, ctx) \
                or _variable_sends_with_contexts(literal, ctx) or _copied_with_timeout(literal, ctx):
            return None
        if _handed_with_timeout(literal, ctx) or _library_calls_time_out(literal, ctx):
            return None  # the library's requests are bounded: a timeout set beside it, or on each call's context
        if _sent_once_with_context(literal, ctx.source) or _handed_beside_context(literal, ctx):
            return None  # its one request, or the function it is handed to, takes a context that bounds it
        if _nil_fallback(literal, ctx.source) or _long_polls(ctx) or \
                _run_as_program(literal, ctx):
            return None
        if _replaceable_default(literal, ctx):
            return None  # the caller who wants a bound sets a client of its own
        return Report(literal, "http.Client without Timeout waits forever for a server that stops answering; "
                      "set Timeout, or ResponseHeaderTimeout on its Transport for long downloads",
                      fix=timeout_fix(literal, "Timeout", "30", ctx),
                      # kept in a field nothing reads: no request goes through it
                      confidence=Confidence.LOW if _unread_field(literal, ctx) else None)
    if (path, name) == ("net/http", "Server"):
        fields = ("ReadHeaderTimeout", "ReadTimeout")
        if any(f in keys for f in fields) or _configured_later(literal, fields, ctx.source) or \
                _set_in_package(literal, fields, ctx):
            return None
        if _local_address(_plain(keys.get("Addr")), ctx.source, names) or _local_ui(ctx) or \
                _serves_local_listener(literal, ctx.source, names) or _wasm_build(ctx):
            return None
        if _serves_unix_sockets(literal, ctx):
            return None  # only local processes that may open the socket file reach it
        if _serves_handed_connections(literal, ctx):
            return None  # their requests were read before they reached this server
        if _debug_server(literal, keys, ctx) or _opt_in_debug(keys.get("Addr"), literal, ctx):
            return None  # pprof and expvar for the developers, or a debug server its user turns on
        if _serves_default_mux(keys, literal, ctx) and _probes_default_mux(ctx):
            return None  # the health probes' endpoints, all the file puts on http.DefaultServeMux
        if _callers_serve_operations(literal, keys, ctx):
            return None  # metrics and probes, or an admin mux on localhost, as its callers hand them
        if _kept_by_quic_server(literal, ctx.source, names):
            return None  # served over UDP streams, not TCP connections
        # a debug web server the file builds: the mux may get other handlers in other files
        debug_file = _debug_file_mux(_plain(keys.get("Handler")), literal, ctx)
        listeners = _served_listeners(literal, ctx)
        # served only on streams of another transport (libp2p's): no socket of its own
        streams = bool(listeners) and all(_listener_origin(listener, ctx) == "streams" for listener in listeners)
        options = _configured_by_callers_options(literal, ctx)
        return Report(literal, f"http.Server without ReadHeaderTimeout or ReadTimeout lets a slow client hold "
                      f"a goroutine and a {'connection' if streams else 'socket'} as long as it likes (Slowloris); "
                      "set ReadHeaderTimeout",
                      fix=timeout_fix(literal, "ReadHeaderTimeout", "10", ctx),
                      # the library's shortcut for the caller's handler, as http.ListenAndServe is, or
                      # a framework's runner configured by the caller's options
                      severity=Severity.NOTE if options or _serves_callers_handler(literal, keys.get("Handler"), ctx)
                      else None,
                      confidence=Confidence.LOW if streams or debug_file or options or
                      _serves_working_directory(keys.get("Handler"), ctx) else None)
    return None


def timeout_fix(literal: Any, key: str, seconds: str, ctx: Context) -> Fix | None:
    """Unsafe: `key: <seconds> * time.Second` in the literal, importing time if needed.
    A request or header read that took longer now fails: the bound is a guess."""
    name = import_name(ctx.root, ctx.source, "time")
    edits = add_key(literal, key, f"{seconds} * {name or 'time'}.Second", ctx.source)
    if edits is None:
        return None
    if name is None:
        if any(n.type == "identifier" and ctx.text(n) == "time" for n in walk(ctx.root)):
            return None  # a variable named time would shadow the package
        added = add_import(ctx.root, ctx.source, "time")
        if added is None:
            return None
        edits = [added] + edits
    return Fix(f"set {key}: {seconds} * time.Second", "unsafe", tuple(edits))


def _replaceable_default(literal: Any, ctx: Context) -> bool:
    """Whether a client literal kept in a field of a struct type (`&Pusher{client:
    &http.Client{}}`, `p.client = &http.Client{}`) is a default that the package lets its
    caller replace: a function of the file assigns that field of a value of the same type
    from one of its parameters, or from a parameter of a function around it (a setter
    `func (p *Pusher) Client(c HTTPDoer) *Pusher { p.client = c }`, a functional option
    `func(f *fetcher) { f.hc = c }`), or sets the Timeout of the client in that field (`func
    (r *Store) SetTimeout(d time.Duration) { r.client.Timeout = d }`). The caller who wants a
    bound passes its own client or sets one. A literal bound to a local variable counts
    with the fields the function then gives that variable to (`return &Store{client:
    client}`)."""
    kept = _kept_in_fields(literal, ctx)
    if not kept:
        return False
    for statement in descendants(ctx.root, ("assignment_statement",)):
        left, right = statement.child_by_field_name("left"), statement.child_by_field_name("right")
        if left is None or right is None or len(left.named_children) != 1 or len(right.named_children) != 1:
            continue
        target, value = left.named_children[0], right.named_children[0]
        if target.type != "selector_expression":
            continue
        operand, field = target.child_by_field_name("operand"), ctx.text(target.child_by_field_name("field"))
        if (field == "Timeout" and operand.type == "selector_expression" and
                (_parameter_type(operand.child_by_field_name("operand"), ctx),
                 ctx.text(operand.child_by_field_name("field"))) in kept):
            return True  # the kept client's Timeout is set through its owner: `r.client.Timeout = d`
        if value.type == "identifier" and (_parameter_type(operand, ctx), field) in kept and \
                _parameter_type(value, ctx) is not None:
            return True
    return False


def _placeholder(literal: Any, ctx: Context) -> bool:
    """Whether an empty client or server literal (`&http.Server{}`, no field set) is kept
    in a field of a struct type (_kept_in_fields) that a function of the file assigns
    again (`mod.server = &http.Server{Addr: a, ...}` before serving, `r.c.httpClient =
    r.http`): a placeholder that the value assigned there replaces; that value is the one
    judged."""
    if _keys(literal, ctx.source):
        return False
    kept = _kept_in_fields(literal, ctx)
    if not kept:
        return False
    for target, value, statement in assignments(ctx.root):
        if statement.start_byte <= literal.start_byte < statement.end_byte or target.type != "selector_expression":
            continue
        replacement = _literal_of(value) if value is not None else None
        # another literal (judged where it is), or a value kept elsewhere (`r.http`); not a
        # local variable, which may hold this one (`c := &http.Client{}; r.client = c`)
        if not (replacement is not None or
                value is not None and value.type == "selector_expression"):
            continue
        if (_operand_type(target.child_by_field_name("operand"), ctx),
                ctx.text(target.child_by_field_name("field"))) in kept:
            return True
    return False


def _replaced_before_use(literal: Any, ctx: Context) -> bool:
    """Whether an empty literal declared into a local variable (`srv := http.Server{}`,
    `var c = &http.Client{}`) is assigned another value (`srv = http.Server{...}`, in
    each branch of an if/else) on every path of its function before any other mention
    of the variable: a zero placeholder, never used; the value assigned is the one judged."""
    held = _holder(literal)
    func = enclosing_function(literal)
    if held is None or func is None or held[0].type != "identifier" or \
            held[1].type not in ("short_var_declaration", "var_spec"):
        return False
    variable = held[0]
    mentions = [use for use in ctx.names.uses(variable, func) if use.start_byte > literal.end_byte]

    def replaces(step: Any) -> bool:  # `v = value`, value not mentioning v
        node = step.node
        if step.kind != "stmt" or node.type != "assignment_statement" or ctx.text(node.child(1)) != "=":
            return False
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        return len(left.named_children) == 1 and left.named_children[0].type == "identifier" and \
            ctx.names.same_variable(left.named_children[0], variable) and \
            not any(right.start_byte <= m.start_byte < right.end_byte for m in mentions)

    replaced = False

    def visit(step: Any) -> bool | None:
        nonlocal replaced
        if replaces(step):
            replaced = True
            return False
        if any(step.node.start_byte <= m.start_byte < step.node.end_byte for m in mentions):
            return True  # read (or handed on) before it is replaced
        return None

    graph = cfg_of(func, ctx.source)
    start = next(((block.index, i) for block, i, step in graph.steps()
                  if step.node.start_byte <= literal.start_byte < step.node.end_byte and step.kind == "stmt"), None)
    if start is None or not mentions:
        return False
    return not graph.walk(start, visit) and replaced


def _handed_request(call: Any, client: Any, source: bytes, callers: bool = True) -> bool | None:
    """For a call that hands the client (the argument client) on: True when a context
    beside it is one its function derives with a deadline (`verify(timeoutCtx, c.hc,
    ...)`), or, with callers, a parameter of an unexported function whose every call
    hands it one (_callers_hand: `fetch(ctx, url)` in a function that first derives `ctx,
    cancel := context.WithTimeout(ctx, d)`), or a request beside it was made there with such a context
    (`trace.DoRequest(ctx, c.hc, req)` after `req, err :=
    http.NewRequestWithContext(timeoutCtx, ...)`), or it is put in such a context
    (`context.WithValue(timeoutCtx, oauth2.HTTPClient, c.hc)`, oauth2's way of taking a
    client): the requests made with that context end with it. None otherwise: a caller's
    context may have no deadline, and a function handed the client may set it up."""
    args = arguments(call)
    names = names_for(source, call)
    statement = call
    while statement.parent is not None and statement.parent.type not in ("block", "statement_list"):
        statement = statement.parent
    if len(args) == 3 and args[2] == client and \
            names.qualified(call.child_by_field_name("function")) == ("context", "WithValue"):
        return _timed(args[0], statement, names) or None  # `c = context.WithValue(c, ...)`: c before
    for arg in args:
        if arg == client or arg.type != "identifier":
            continue
        if _timed(arg, statement, names) or callers and _callers_hand(
                arg, call, source, lambda c, at: _timed(arguments(c)[at], c, names)):
            return True  # a deadline its function, or every caller of it, derives
        made = names.made_by(arg, statement)
        if made is not None and call_name(made, source)[1] == "NewRequestWithContext" and \
                arguments(made) and _timed(arguments(made)[0], made, names):
            return True
    return None


def _kept_in_fields(literal: Any, ctx: Context) -> set[tuple[str, str]]:
    """The (struct type, field) pairs that keep the client literal: the field it is a
    keyed value of or is assigned to (see _owner_type), or, for a literal bound to a
    local variable, the fields that variable is then given to (`client := &http.Client{}`,
    then `return &Store{client: client}` or `s.client = client`)."""
    owner = _owner_type(literal, ctx)
    if owner is not None:
        return {(owner, n) for n in _client_names(literal, ctx.source, {}) if n}
    held = _holder(literal)
    if held is None or held[0].type != "identifier":
        return set()
    func = enclosing_function(literal)
    kept = set()
    for use in ctx.names.uses(held[0], func) if func is not None else ():
        parent = use.parent
        if use.start_byte <= literal.end_byte or parent is None:
            continue
        if parent.type == "literal_element" and parent.parent is not None and parent.parent.type == "keyed_element":
            key = parent.parent.child_by_field_name("key")
            outer = parent.parent.parent.parent if parent.parent.parent is not None else None
            if key is not None and key != parent and outer is not None and outer.type == "composite_literal":
                kept.add((_base_type(outer.child_by_field_name("type"), ctx), ctx.text(key)))
        elif parent.type == "expression_list" and parent.parent.type == "assignment_statement":
            bound = assigned_to(use)
            target = bound[0] if bound is not None else None
            if target is not None and target.type == "selector_expression":
                owner = _parameter_type(target.child_by_field_name("operand"), ctx)
                if owner is not None:
                    kept.add((owner, ctx.text(target.child_by_field_name("field"))))
    return kept


# A timeout field of a library's configuration that bounds its requests: not one that
# bounds only the dial, the handshake or an idle connection.
_REQUEST_TIMEOUT = re.compile(r"(?!Dial|Connect|Idle|KeepAlive|TLSHandshake|Handshake|ExpectContinue)\w*Timeout")


def _handed_with_timeout(literal: Any, ctx: Context) -> bool:
    """Whether the client literal, kept in a field of a struct type (_kept_in_fields), is
    handed to a library's configuration that the same function gives a request timeout
    (`cfg.Client = &nr.client` beside `cfg.HarvestTimeout = d`, or `Config{Client: c,
    Timeout: d}`), and every other use of that field in the file only sets it or closes
    its idle connections: the library bounds each request it makes with that timeout."""
    kept = _kept_in_fields(literal, ctx)
    fields = {f for _, f in kept}
    handed = False
    for sel in descendants(ctx.root, ("selector_expression",)) if kept else ():
        if ctx.text(sel.child_by_field_name("field")) not in fields or \
                (_operand_type(sel.child_by_field_name("operand"), ctx), ctx.text(sel.child_by_field_name("field"))) \
                not in kept:
            continue
        node = sel.parent if sel.parent is not None and sel.parent.type == "unary_expression" else sel
        parent = node.parent
        if parent is None:
            return False
        if parent.type == "selector_expression" and ctx.text(parent.child_by_field_name("field")) == \
                "CloseIdleConnections":
            continue
        if parent.type == "expression_list" and parent.parent is not None and \
                parent.parent.type == "assignment_statement":
            statement = parent.parent
            if parent == statement.child_by_field_name("left"):
                continue  # the field set
            targets = statement.child_by_field_name("left").named_children
            target = targets[0] if len(targets) == 1 and len(parent.named_children) == 1 else None
            if target is None or target.type != "selector_expression":
                return False
            func = enclosing_function(statement)
            body = func.child_by_field_name("body") if func is not None else None
            owner = ctx.text(target.child_by_field_name("operand"))
            if body is None or not any(
                    t.type == "selector_expression" and ctx.text(t.child_by_field_name("operand")) == owner and
                    _REQUEST_TIMEOUT.fullmatch(ctx.text(t.child_by_field_name("field")))
                    for t, _, _ in assignments(body)):
                return False
            handed = True
            continue
        if parent.type == "literal_element" and parent.parent is not None and parent.parent.type == "keyed_element":
            keyed = parent.parent
            values = keyed.parent
            if keyed.named_children[-1] != parent or values is None or not any(
                    c.type == "keyed_element" and _REQUEST_TIMEOUT.fullmatch(ctx.text(c.named_children[0]))
                    for c in values.named_children):
                return False
            handed = True
            continue
        return False
    return handed


def _library_calls_time_out(literal: Any, ctx: Context) -> bool:
    """Whether the client literal is handed straight to a function of another package
    (a client library's option, `client.WithHTTPClient(&http.Client{...})`) and every
    call the file makes on a value of a type of that package (`d.client.ContainerList(ctx,
    ...)`, one at least) takes as its first argument a context that its function derives
    with `context.WithTimeout` or `WithDeadline`: each request the library makes with the
    client has a bound."""
    node = literal.parent if literal.parent is not None and literal.parent.type == "unary_expression" else literal
    call = node.parent.parent if node.parent is not None and node.parent.type == "argument_list" else None
    resolved = ctx.names.qualified(call.child_by_field_name("function")) if call is not None else \
        _configures_result(literal, ctx)
    if resolved is None or resolved[0] == "net/http":
        return False
    made = False
    for use in descendants(ctx.root, ("call_expression",)):
        function = use.child_by_field_name("function")
        if function.type != "selector_expression":
            continue
        kind = ctx.types.of(function.child_by_field_name("operand"))
        base = kind.deref() if kind is not None else None
        if base is None or base.kind != "named" or base.path != resolved[0]:
            continue
        args = arguments(use)
        if not args or not _timed_context(args[0], use, ctx):
            return False
        made = True
    return made


def _bare_expression(literal: Any) -> Any:
    """The literal with the `&` and parentheses around it: `(&http.Client{})`."""
    node = literal
    while node.parent is not None and node.parent.type in ("unary_expression", "parenthesized_expression"):
        node = node.parent
    return node


def _sent_once_with_context(literal: Any, source: bytes) -> bool:
    """Whether the client literal makes its one request on the spot, unkept, with a
    request made with a context (`(&http.Client{}).Do(req)` after `req, err :=
    http.NewRequestWithContext(ctx, ...)`): that context bounds the request, as it
    bounds the default client's."""
    node = _bare_expression(literal)
    selector = node.parent
    call = selector.parent if selector is not None and selector.type == "selector_expression" and \
        selector.child_by_field_name("operand") == node else None
    return call is not None and call.type == "call_expression" and \
        text(source, selector.child_by_field_name("field")) == "Do" and _carries_context(call, source)


def _handed_beside_context(literal: Any, ctx: Context) -> bool:
    """Whether the client literal is handed, unkept, to a function of another package
    beside a `context.Context` that is a parameter of its function, in a library's
    package (`lifetime.library_package`): `ecsmetadata.GetTaskV4(ctx, &http.Client{})`.
    The function makes its requests with the library user's context, whose deadline is
    theirs to choose, as for a request made with it (_carries_context). Not in an
    application, whose own contexts may have no deadline (a manager's, alive until
    shutdown), nor `context.WithValue`, whose client serves requests made later, nor a
    function of net/http."""
    node = _bare_expression(literal)
    call = node.parent.parent if node.parent is not None and node.parent.type == "argument_list" else None
    resolved = ctx.names.qualified(call.child_by_field_name("function")) if call is not None else None
    func = enclosing_function(literal)
    if resolved is None or resolved[0] in ("context", "net/http") or func is None or \
            func.type not in ("function_declaration", "method_declaration"):
        return False
    if not any(arg != node and arg.type == "identifier" and ctx.names.declared_in(arg, func, "parameters") and
               (kind := ctx.types.of(arg)) is not None and kind.is_named("context", "Context")
               for arg in arguments(call)):
        return False
    return library_package(PackageFiles.of(ctx)) is True


def _unread_field(literal: Any, ctx: Context) -> bool:
    """Whether the client literal is the value of a field of a struct literal of a type
    the file declares (`&Measurer{HTTPClient: &http.Client{}}`) that no code reads: no
    file of the package selects the field other than to assign it (`mx.HTTPClient`), nor,
    for an exported field, any file of the module that imports the package (outside a
    module an exported field's readers are not known). No request goes through it."""
    node = literal.parent if literal.parent is not None and literal.parent.type == "unary_expression" else literal
    element = node.parent
    keyed = element.parent if element is not None and element.type == "literal_element" else None
    if keyed is None or keyed.type != "keyed_element" or keyed.child_by_field_name("key") == element:
        return False
    key = keyed.child_by_field_name("key")
    outer = keyed.parent.parent if keyed.parent is not None else None
    kind = outer.child_by_field_name("type") if outer is not None and outer.type == "composite_literal" else None
    if kind is None or kind.type != "type_identifier" or ctx.text(kind) not in ctx.names.top:
        return False
    field = ctx.text(key).strip()
    if not field.isidentifier():
        return False
    facts = ctx.names.facts
    sources = [ctx.source, *(facts.sources() if facts is not None else ())]
    if any(_reads_field(source, field) for source in sources):
        return False
    if field[:1].islower():
        return True
    found = facts.importers() if facts is not None else None
    if found is None:
        return False
    for path in found[1]:
        source = file_source(path)
        if source is None or _reads_field(source, field):
            return False
    return True


def _reads_field(source: bytes, field: str) -> bool:
    """Whether the file selects field (`x.field`) other than as the target of an
    assignment (a type's `pkg.Field` is a qualified type, not a selection)."""
    if field.encode() not in source:
        return False
    for node in descendants(parsed(source), ("selector_expression",)):
        if text(source, node.child_by_field_name("field")) != field:
            continue
        holder = node.parent
        if holder is not None and holder.type == "expression_list" and holder.parent is not None and \
                holder.parent.type == "assignment_statement" and holder == holder.parent.child_by_field_name("left"):
            continue
        return True
    return False


def _configures_result(literal: Any, ctx: Context) -> tuple[str, str] | None:
    """(package, name) of the first result type of the client literal's function, a named
    type of another package (`func (d *driver) s3Client() (*s3.Client, error)`), when the
    literal is bound to a local variable that the function only configures (`c.Transport =
    t`) and keeps as a field value of a composite literal (`aws.Config{HTTPClient: c}`):
    the client is the library value's that the function returns, which makes the
    requests."""
    held = _holder(literal)
    func = enclosing_function(literal)
    if held is None or held[0].type != "identifier" or func is None or func.type == "func_literal":
        return None
    for use in ctx.names.uses(held[0], func):
        if use == held[0]:
            continue
        parent = use.parent
        if parent.type == "selector_expression" and parent.parent is not None and \
                parent.parent.type == "expression_list" and parent.parent.parent is not None and \
                parent.parent.parent.type == "assignment_statement" and \
                parent.parent == parent.parent.parent.child_by_field_name("left"):
            continue  # `c.Transport = t`
        if parent.type == "literal_element" and parent.parent is not None and parent.parent.type == "keyed_element" \
                and parent.parent.child_by_field_name("key") != parent:
            continue  # `Config{HTTPClient: c}`
        return None
    result = first_result(func)
    return ctx.names.qualified(result) if result is not None and result.type == "qualified_type" else None


def _timed_context(arg: Any, call: Any, ctx: Context) -> bool:
    """Whether arg is a variable bound, where call reads it, by `ctx, cancel :=
    context.WithTimeout(...)` (or `WithDeadline`)."""
    return _timed(arg, call, ctx.names)


def _timed(arg: Any, call: Any, names: Names) -> bool:
    """_timed_context in the file of names."""
    if arg.type != "identifier":
        return False
    binding = names.reaching(arg, call)
    if binding is None:
        return False
    value = binding[1]
    if value is None:  # ctx, cancel := context.WithTimeout(...)
        statement = binding[0].parent.parent if binding[0].parent is not None else None
        right = statement.child_by_field_name("right") if statement is not None and \
            statement.type in ("short_var_declaration", "assignment_statement") else None
        value = right.named_children[0] if right is not None and right.named_children else None
    return value is not None and value.type == "call_expression" and \
        names.qualified(value.child_by_field_name("function")) in (("context", "WithTimeout"),
                                                                        ("context", "WithDeadline"))


def _operand_type(operand: Any, ctx: Context) -> str | None:
    """The name of the package's own struct type of operand (`o` in `o.client`): a
    receiver or parameter (_parameter_type), or a value whose type the file shows."""
    found = _parameter_type(operand, ctx)
    if found is not None:
        return found
    kind = ctx.types.of(operand)
    base = kind.deref() if kind is not None else None
    return base.name if base is not None and base.kind == "named" and base.path == "" else None


def _base_type(kind: Any | None, ctx: Context) -> str | None:
    """`Pusher` for the type node of `*Pusher`, `Pusher` or `push.Pusher`."""
    shown = ctx.text(kind).lstrip("*&").strip() if kind is not None else ""
    return shown.rsplit(".", 1)[-1] or None


def _parameter_type(ident: Any, ctx: Context) -> str | None:
    """The base type of the receiver or parameter ident names, in the function around
    it or the functions around that; None when ident is not one."""
    statement = ctx.names.declaring(ident)
    holder = statement.parent if statement is not None else None
    if statement is None or statement.type not in ("parameter_declaration", "variadic_parameter_declaration") or \
            holder.parent is None or holder == holder.parent.child_by_field_name("result"):
        return None  # not a parameter, or a named result
    return _base_type(statement.child_by_field_name("type"), ctx)


def _owner_type(literal: Any, ctx: Context) -> str | None:
    """The struct type whose field keeps the client literal: the composite literal it is
    a keyed value of, or the type of `x` in `x.field = literal` (a receiver or parameter,
    or a variable bound to `&T{...}`)."""
    outer, path = _outermost(literal, ctx.source)
    if path:
        outer = outer.named_children[-1] if outer.type == "unary_expression" and outer.named_children else outer
        return _base_type(outer.child_by_field_name("type"), ctx) if outer.type == "composite_literal" else None
    held = _holder(literal)
    if held is None or held[0].type != "selector_expression":
        return None  # a local variable: no caller can reach it
    operand = held[0].child_by_field_name("operand")
    found = _parameter_type(operand, ctx)
    if found is not None or operand.type != "identifier":
        return found
    binding = ctx.names.reaching(operand, operand)
    value = _literal_of(binding[1]) if binding is not None and binding[1] is not None else None
    return _base_type(value.child_by_field_name("type"), ctx) \
        if value is not None and value.type == "composite_literal" else None


def _serves_unix_sockets(literal: Any, ctx: Context) -> bool:
    """Whether every listener the file serves the server on (`srv.Serve(l)`,
    `d.serve.Serve(d.listener)`: the same variable, or a field of the same name as one
    that keeps it, `_server_fields`) is a unix
    socket: bound in the file, directly or wrapped in a struct literal (`&credListener{l}`),
    to `net.Listen("unix", ...)`, `net.ListenUnix`, or a call given a socket path (an
    argument that names a socket: `GetListener(dirs.AgentSocket, m)`, `"/run/x.sock"`)
    and no `"tcp"` network, or to `net.Listen` on a loopback address (`"127.0.0.1:0"`).
    Only local processes reach it (for a socket file, those allowed to open it)."""
    listeners = _served_listeners(literal, ctx)
    return bool(listeners) and all(_unix_listener(listener, ctx, 5) for listener in listeners)


def _served_listeners(literal: Any, ctx: Context) -> list[Any]:
    """The listener expressions the file serves the server literal on (see
    _serves_unix_sockets), also through a function of the file it is handed to with
    its listener."""
    held = _holder(literal)
    holder = held[0] if held is not None else None
    fields = _server_fields(literal, holder, ctx)
    if holder is None and not fields:
        return []
    listeners = []

    def mine(operand: Any, call: Any) -> bool:
        if holder is not None and holder.type == "identifier" and operand.type == "identifier" and \
                ctx.names.same_variable(operand, holder):
            # a variable that takes several servers: the calls this literal reaches
            reached = ctx.names.reaching(operand, call)
            return reached is None or reached[1] is None or _literal_of(reached[1]) == literal
        return operand.type == "selector_expression" and ctx.text(operand.child_by_field_name("field")) in fields

    for call in descendants(ctx.root, ("call_expression",)):
        function = call.child_by_field_name("function")
        args = arguments(call)
        if function.type == "selector_expression" and args and \
                ctx.text(function.child_by_field_name("field")) in ("Serve", "ServeTLS"):
            if mine(function.child_by_field_name("operand"), call):
                listeners.append(args[0])
            continue
        # handed with its listener to a function of the file that serves one on the
        # other: `go startHTTP(srv, ln)` with `func startHTTP(s *http.Server, l net.Listener) { s.Serve(l) }`
        served = _serving_parameters(call, ctx) if any(mine(a, call) for a in args) else None
        if served is not None and len(args) > max(served) and mine(args[served[0]], call):
            listeners.append(args[served[1]])
    return listeners


def _server_fields(literal: Any, holder: Any | None, ctx: Context) -> set[str]:
    """The names of the fields that keep the server literal: the field it is assigned
    to (`d.srv = &http.Server{}`) or is the keyed value of (`&T{srv: &http.Server{}}`),
    or, for a literal bound to a local variable, the fields its function then gives that
    variable to (`srv := &http.Server{}; l.srv = srv`)."""
    if holder is not None and holder.type == "selector_expression":
        return {ctx.text(holder.child_by_field_name("field"))}
    if holder is None:
        node = literal
        while node.parent is not None and node.parent.type in ("unary_expression", "parenthesized_expression"):
            node = node.parent
        keyed = node.parent.parent if node.parent is not None and node.parent.type == "literal_element" else None
        if keyed is None or keyed.type != "keyed_element" or keyed.named_children[-1] != node.parent:
            return set()
        key = keyed.named_children[0]
        key = key.named_children[0] if key.type == "literal_element" and key.named_children else key
        return {ctx.text(key)} if key.type in ("identifier", "field_identifier") else set()
    func = enclosing_function(literal)
    fields = set()
    for use in ctx.names.uses(holder, func) if holder.type == "identifier" and func is not None else ():
        bound = assigned_to(use) if use.start_byte > literal.end_byte else None
        if bound is not None and bound[0].type == "selector_expression":
            fields.add(ctx.text(bound[0].child_by_field_name("field")))
    return fields


def _single_call(statement: Any) -> Any | None:
    """The one call on the right of `a, b = f(...)` (or `:=`), else None."""
    right = statement.child_by_field_name("right") if statement.type in (
        "short_var_declaration", "assignment_statement") else None
    values = right.named_children if right is not None else []
    return values[0] if len(values) == 1 and values[0].type == "call_expression" else None


def _serving_parameters(call: Any, ctx: Context) -> tuple[int, int] | None:
    """(server's index, listener's index) when call runs a function of the file that
    serves one of its parameters on another (`s.Serve(l)`, `s.ServeTLS(l, ...)`)."""
    func = ctx.types.called(call)
    if func is None:
        return None
    params = [name for name, _ in parameters(func, ctx.source, receiver=False)]
    for inner in descendants(func, ("call_expression",)):
        function = inner.child_by_field_name("function")
        args = arguments(inner)
        if function.type == "selector_expression" and args and \
                ctx.text(function.child_by_field_name("field")) in ("Serve", "ServeTLS"):
            server, listener = ctx.text(function.child_by_field_name("operand")), ctx.text(args[0])
            if server in params and listener in params:
                return params.index(server), params.index(listener)
    return None


_SOCKET = re.compile(r"(?i)sock")


def _unix_listener(expr: Any, ctx: Context, depth: int) -> bool:
    """Whether expr (a listener variable, field or the call making it) is a unix socket
    or a loopback address by what binds it in the file (see _serves_unix_sockets)."""
    if depth == 0 or expr is None:
        return False
    while expr.type in ("unary_expression", "parenthesized_expression", "literal_element") and expr.named_children:
        expr = expr.named_children[-1]
    if expr.type == "composite_literal":  # a wrapper: `&ucredListener{Listener: l}`
        body = expr.child_by_field_name("body")
        inner = [e.child_by_field_name("value") if e.type == "keyed_element" else e
                 for e in (body.named_children if body is not None else ())]
        return len(inner) == 1 and _unix_listener(inner[0], ctx, depth - 1)
    if expr.type == "call_expression":
        if ctx.names.calls(expr, "net", ("ListenUnix",)):
            return True
        args = arguments(expr)
        networks = [_network(a, ctx.source) for a in args]
        if ctx.names.calls(expr, "net", ("Listen",)):  # a unix socket, or a loopback address
            return bool(networks) and networks[0] in ("unix", "unixpacket") or \
                len(args) == 2 and _local_address(args[1], ctx.source, ctx.names)
        # a tcp network and then a loopback address: `lc.Listen(ctx, "tcp", "127.0.0.1:0")`
        # of a net.ListenConfig, `tls.Listen("tcp", "localhost:0", config)`
        if any(n is not None and n.startswith("tcp") and i + 1 < len(args) and
               _local_address(args[i + 1], ctx.source, ctx.names) for i, n in enumerate(networks)):
            return True
        return not any(n is not None and n.startswith("tcp") for n in networks) and \
            any(_SOCKET.search(ctx.text(a)) for a in args)
    if expr.type in ("identifier", "selector_expression"):
        values = _bound_values(expr, ctx)
        return bool(values) and all(_unix_listener(value, ctx, depth - 1) for value in values)
    return False


def _bound_values(expr: Any, ctx: Context) -> list[Any | None]:
    """What binds a listener variable or field in the file: for a variable, the value of
    its only binding (the one call on the right of `l, err := f(...)`), or else the call
    it last took (`l, err = net.ListenUnix(...)` after its declaration); for a field,
    every value assigned to a field of that name."""
    if expr.type == "identifier":
        handed = _handed_arguments(expr, ctx)
        if handed is not None:
            return handed
        binding = _only_binding(expr, ctx.names)
        if binding is None:
            return [ctx.names.made_by(expr, expr)]
        if binding[1] is not None:
            return [binding[1]]
        statement = binding[0].parent.parent if binding[0].parent is not None else None
        return [_single_call(statement) if statement is not None else None]
    field = ctx.text(expr.child_by_field_name("field"))
    return [value if value is not None else _single_call(statement)
            for target, value, statement in assignments(ctx.root)
            if target.type == "selector_expression" and ctx.text(target.child_by_field_name("field")) == field]


def _handed_arguments(ident: Any, ctx: Context) -> list[Any | None] | None:
    """For a parameter, never assigned, of an unexported function or method the file
    declares: the arguments that the file's calls of it hand it (`go p.serve(l)` with l
    bound to `net.Listen("tcp", "127.0.0.1:0")`), [None] when the file does not call it
    or names it other than in calls; None for any other identifier."""
    binding = ctx.names.resolve(ident)
    decl = binding.decl if binding.kind == LOCAL else None
    func = enclosing_function(decl) if decl is not None else None
    index = ctx.names.parameter_index(ident, func) \
        if func is not None and func.type in ("function_declaration", "method_declaration") else None
    if index is None or ctx.names.reaching(ident, ident) not in (None, (decl, None)):
        return None
    name = ctx.text(func.child_by_field_name("name"))
    declared = parameters(func, ctx.source, receiver=False)
    facts = ctx.names.facts
    if not name[:1].islower() or \
            any(has_word(sibling, name.encode()) for sibling in (facts.sources() if facts is not None else ())):
        return [None]  # exported, or named in another file of the package: callers not seen
    calls = ctx.types.calls_of(func)
    if not calls or len(calls) != sum(1 for _ in named(ctx.root, ctx.source, name)) - 1:
        return [None]  # not called, or named other than in calls: a value handed on
    handed = [arguments(call) for call in calls]
    return [args[index] if len(args) == len(declared) else None for args in handed]


# The packages whose listeners are sockets (net.Listen, tls.Listen, tls.NewListener).
_SOCKET_PACKAGES = ("net", "crypto/tls")


def _listener_origin(expr: Any, ctx: Context, depth: int = 5) -> str | None:
    """What expr (a listener variable, field or the call making it) listens on, by what
    binds it in the file: "socket" for net's and crypto/tls's listeners and a call given
    a `tcp` or `unix` network; "streams" for a function of another package of the module
    (source at hand) that returns a listener of a type its file declares whose `Accept`
    receives its connections from a channel (`gostream.Listen(host, proto)`: streams of a
    peer-to-peer host handed over by the host's own handler), also through a function of
    the file that returns its result; None when the file does not show it (a parameter,
    a method's result, another module's function)."""
    if depth == 0 or expr is None:
        return None
    while expr.type in ("unary_expression", "parenthesized_expression", "literal_element") and expr.named_children:
        expr = expr.named_children[-1]
    if expr.type == "call_expression":
        resolved = ctx.names.qualified(expr.child_by_field_name("function"))
        if resolved is None:  # a function of the file: what it returns
            func = ctx.types.called(expr)
            results = [r.named_children[0] if r.type == "expression_list" and r.named_children else r
                       for ret in (descendants(func, ("return_statement",), into_functions=False)
                                   if func is not None else ())
                       for r in ret.named_children[:1]]
            origins = {_listener_origin(r, ctx, depth - 1) for r in results if r.type != "nil"}
            return origins.pop() if len(origins) == 1 else None
        if resolved[0] in _SOCKET_PACKAGES or \
                any((_network(a, ctx.source) or "").startswith(("tcp", "unix")) for a in arguments(expr)):
            return "socket"
        facts = ctx.names.facts
        if facts is None or facts.module_package(resolved[0]) is None:
            return None
        found = facts.summarised(f"{resolved[0]}:{resolved[1]}", "GL006 channel listener", _returns_channel_listener,
                                 holds=b"Accept()")
        return "streams" if found and all(found) else None
    if expr.type in ("identifier", "selector_expression"):
        origins = {_listener_origin(value, ctx, depth - 1) for value in _bound_values(expr, ctx)}
        return origins.pop() if len(origins) == 1 else None
    return None


def _returns_channel_listener(key: str, root: Any, source: bytes) -> bool:
    """Whether the function `key` of this file (read alone) returns, wherever it returns
    a value, a `&T{...}` (directly or through the variable bound to it) of a type T of
    the file whose `Accept` receives the connection it returns from a channel."""
    owners = ownership_of(root, source)
    channel = _channel_listeners([source])
    values = [r.named_children[0] if r.type == "expression_list" and r.named_children else r
              for func in owners.functions.get(key, ())
              for ret in descendants(func, ("return_statement",), into_functions=False)
              for r in ret.named_children[:1]]
    found = False
    for value in values:
        if value.type == "nil":
            continue
        if value.type == "identifier":
            bound = owners.names.reaching(value, value)
            value = bound[1] if bound is not None else None
        while value is not None and value.type in ("unary_expression", "parenthesized_expression") and \
                value.named_children:
            value = value.named_children[-1]
        kind = value.child_by_field_name("type") if value is not None and value.type == "composite_literal" else None
        if kind is None or text(source, kind).encode() not in channel:
            return False
        found = True
    return found


def _serves_working_directory(handler: Any | None, ctx: Context) -> bool:
    """Whether the handler is, or wraps, `http.FileServer(http.Dir(d))` of the directory
    the program runs in (`"."`, or d bound to `os.Getwd()`): a tool serving the files
    where its user starts it, by hand."""
    for call in _walk_calls(handler):
        if not ctx.names.calls(call, "net/http", ("FileServer",)) or len(arguments(call)) != 1:
            continue
        folder = strip_parens(arguments(call)[0])
        if folder is None or folder.type != "call_expression" or \
                not ctx.names.calls(folder, "net/http", ("Dir",)) or len(arguments(folder)) != 1:
            continue
        where = strip_parens(arguments(folder)[0])
        if where is not None and where.type in ("interpreted_string_literal", "raw_string_literal") and \
                ctx.text(where).strip('"`') in (".", "./"):
            return True
        made = ctx.names.made_by(where, where) if where is not None and where.type == "identifier" else None
        if made is not None and ctx.names.calls(made, "os", ("Getwd",)):
            return True
    return False


def _walk_calls(node: Any | None) -> list[Any]:
    if node is None:
        return []
    return ([node] if node.type == "call_expression" else []) + descendants(node, ("call_expression",))


def _serves_handed_connections(literal: Any, ctx: Context) -> bool:
    """Whether the server is served (`srv.Serve(x)` in its function) on a listener of a
    type this package declares whose `Accept` hands over connections received from a
    channel (`case conn := <-ln.ch:`): the program's own accept loop sent them there,
    after reading their first request to choose a protocol (a TCP mux). The slow read
    happens before this server sees the connection, so a header timeout here bounds
    nothing; the deadline belongs where the connections are first read. Likewise a
    listener whose `Accept` never returns a connection (`return nil, errors.New(...)`):
    `Serve` then returns at once, and no client ever reaches the server."""
    held = _holder(literal)
    func = enclosing_function(literal)
    if held is None or func is None:
        return False
    facts = ctx.names.facts
    sources = [ctx.source] + (facts.sources() if facts is not None else [])
    for call in descendants(func, ("call_expression",)):
        function = call.child_by_field_name("function")
        args = arguments(call)
        if function.type != "selector_expression" or len(args) != 1 or \
                ctx.text(function.child_by_field_name("field")) not in ("Serve", "ServeTLS") or \
                not ctx.names.same_path(function.child_by_field_name("operand"), held[0]):
            continue
        listener = _last_name(ctx.text(args[0])).encode()
        for kind in _channel_listeners(sources, idle=True):
            declared = re.compile(rb"\b" + re.escape(listener) + rb"\s+\*?" + kind + rb"\b|\b" +
                                  re.escape(listener) + rb"\s*:?=\s*(?:&?" + kind + rb"\{|new" + kind + rb"\()", re.I)
            if any(declared.search(source) for source in sources):
                return True
    return False


# An import path segment of a QUIC implementation or of its HTTP/3 server (quic-go,
# quic-go/http3, an h2quic).
_QUIC = re.compile(r"(?i)quic|^http3$")


def _kept_by_quic_server(literal: Any, source: bytes, names: Names) -> bool:
    """Whether the server literal is a field value of a struct literal whose type comes
    from a QUIC package (`http09.Server{Server: &http.Server{...}}`, an import path with
    a `quic` or `http3` segment): that server reads its requests from QUIC streams over
    UDP, with only Addr, TLSConfig and Handler taken from the http.Server; no slow TCP
    client reaches it, and net/http's header timeout would bound nothing."""
    node = literal.parent
    while node is not None and node.type in ("unary_expression", "parenthesized_expression", "literal_element",
                                             "keyed_element", "literal_value"):
        node = node.parent
    if node is None or node.type != "composite_literal":
        return False
    resolved = names.qualified(node.child_by_field_name("type"))
    return resolved is not None and any(_QUIC.search(part) for part in resolved[0].split("/"))


# `func (ln *chanListener) Accept() (net.Conn, error) {` and its body up to the closing
# brace at the line's start (gofmt's layout).
_ACCEPT = re.compile(rb"^func\s*\(\s*(?:\w+\s+)?\*?(\w+)\s*\)\s*Accept\(\)\s*\(net\.Conn,\s*error\)\s*\{(.*?)^\}",
                     re.M | re.S)


def _channel_listeners(sources: list[bytes], idle: bool = False) -> set[bytes]:
    """The types whose Accept method receives the connection it returns from a channel
    (idle: also those whose every `return` gives no connection, `return nil, err`: a stub
    handed to `Serve` only to get at the server's internals, which serves no client)."""
    return {m.group(1) for source in sources if b"Accept()" in source for m in _ACCEPT.finditer(source)
            if b"<-" in m.group(2) or idle and _NO_CONNECTION.fullmatch(m.group(2))}


# An Accept body whose only statements are returns of no connection.
_NO_CONNECTION = re.compile(rb"(?:\s*return\s+nil\s*,[^\n]*\n)+\s*")


# A long poll's URL: the server holds the request open until something happens.
_LONG_POLL = re.compile(rb'"[^"\n]*(?:long_?poll|wait_for_change|[?&](?:wait|watch)=true|/events\?since=)', re.I)


def _long_polls(ctx: Context) -> bool:
    """Whether a string literal of the file is a long poll's URL (`longpoll`,
    `wait_for_change`, `?wait=true`, `?watch=true`, `/events?since=`): a server that
    holds requests open by design, where a Timeout or a header timeout shorter than the
    poll would break the client, and no bound is the intended behaviour."""
    return _LONG_POLL.search(ctx.source) is not None


_COPIES = ("Copy", "CopyN", "CopyBuffer")


def _default_client_message(call: Any, shown: str, source: bytes) -> str:
    """The finding for a request through http.DefaultClient. Where the function copies
    the response's body out (`io.Copy(file, resp.Body)`: a download, which may take
    long), the advice names the transport's header timeout: a Client.Timeout bounds
    the whole transfer and would cut a slow download short."""
    why = f"{shown} uses http.DefaultClient, which has no Timeout and waits forever on a stalled server"
    if _downloads(call, source):
        advice = "for this download, use a Transport with ResponseHeaderTimeout"
        return shortest_fitting(f"{why}; {advice}", f"{shown} has no timeout and waits forever on a stalled "
                                                    f"server; {advice}")
    return f"{why}; use a client with Timeout or ResponseHeaderTimeout"


def _downloads(call: Any, source: bytes) -> bool:
    """Whether the response of call (`resp, err := call`) has its Body copied by
    io.Copy, CopyN or CopyBuffer, in the same function, to a writer that is not a
    local buffer (`&buf`), io.Discard or os.Stderr: to a file, a pipe, a hash; and not
    in the branch of a failed status (`if resp.StatusCode != http.StatusOK {
    io.Copy(os.Stdout, resp.Body) }`), where what is copied is the server's error text."""
    held = assigned_to(call)
    func = enclosing_function(call)
    if held is None or func is None:
        return False
    response, names = held[0], names_for(source, call)
    for node in descendants(func, ("call_expression",)):
        args = arguments(node)
        if call_name(node, source) in (("io", c) for c in _COPIES) and len(args) > 1 and \
                _field_of(strip_parens(args[1]), response, ".Body", names) and args[0].type != "unary_expression" and \
                not text(source, args[0]).endswith((".Discard", "os.Stderr")) and \
                not _memory_buffer(args[0], source) and not _failed_status_branch(node, response, names):
            return True
    return False


def _failed_status_branch(node: Any, response: Any, names: Names) -> bool:
    """Whether node lies in the body of an `if` that tests the response's status for a
    failure: `response.StatusCode != x`, `>= x` or `> x`."""
    for parent in ancestors(node):
        if parent.type in FUNCTION_TYPES:
            return False
        condition = parent.child_by_field_name("condition") if parent.type == "if_statement" else None
        consequence = parent.child_by_field_name("consequence") if condition is not None else None
        if consequence is None or not consequence.start_byte <= node.start_byte < consequence.end_byte:
            continue
        test = strip_parens(condition)
        operator = test.child_by_field_name("operator") if test.type == "binary_expression" else None
        if operator is not None and text(names.source, operator) in ("!=", ">=", ">") and \
                _field_of(test.child_by_field_name("left"), response, ".StatusCode", names):
            return True
    return False


def _memory_buffer(writer: Any, source: bytes) -> bool:
    """Whether writer is a variable bound to a new in-memory buffer (`buf :=
    new(strings.Builder)`, `var b bytes.Buffer`): an error text read, not a download."""
    if writer.type != "identifier":
        return False
    binding = names_for(source, writer).reaching(writer, writer)
    if binding is None:
        return False
    value = binding[1]
    if value is None:  # `var b bytes.Buffer`
        declared = binding[0].parent
        kind = declared.child_by_field_name("type") if declared is not None and declared.type == "var_spec" else None
        return kind is not None and text(source, kind).endswith(("Buffer", "Builder"))
    literal = _literal_of(value)
    return literal is not None and text(source, _type_of(literal)).endswith(("Buffer", "Builder"))


def _call_report(call: Any, ctx: Context, names: Names) -> Report | None:
    function = call.child_by_field_name("function")
    operand = function.child_by_field_name("operand")
    if operand.type == "selector_expression":  # http.DefaultClient.Get(...)
        resolved = names.qualified(operand)
        if resolved == ("net/http", "DefaultClient"):
            if _carries_context(call, ctx.source) or _long_polls(ctx) or \
                    _run_as_program(call, ctx, commands=True):
                return None
            callers = _callers_request(call, ctx)
            if callers is None:
                return None  # every caller's request carries a context
            return Report(call, _default_client_message(call, ctx.text(function), ctx.source),
                          confidence=Confidence.LOW if callers else _once_confidence(call, ctx))
        return None
    resolved = names.qualified(function)
    if resolved is None:
        return None
    path, name = resolved
    shown = ctx.text(function)
    if _is_redigo(path) and name in ("Dial", "DialContext", "DialURL"):
        args = arguments(call)
        if any(a.type == "variadic_argument" for a in args):
            return None
        used = {call_name(a, ctx.source)[1] for a in args if a.type == "call_expression"}
        if used & set(REDIS_TIMEOUTS):
            return None
        return Report(call, f"{shown} without {', '.join(REDIS_TIMEOUTS[:-1])} or {REDIS_TIMEOUTS[-1]} "
                      "blocks forever on a dead or slow Redis; pass the Dial*Timeout options")
    if path == "net/http" and name in HTTP_GETTERS:
        if _long_polls(ctx) or _run_as_program(call, ctx, commands=True):
            return None
        return Report(call, _default_client_message(call, shown, ctx.source), confidence=_once_confidence(call, ctx))
    if path == "net/http" and name in SERVE_FUNCTIONS:
        args = arguments(call)
        if name.startswith("Listen") and args and _local_address(args[0], ctx.source, names):
            return None
        if not name.startswith("Listen") and args and _local_listener(args[0], ctx.source, names):
            return None
        if _local_ui(ctx) or _wasm_build(ctx):
            return None  # the browser it opens is its client; no socket under WebAssembly
        if len(args) > 1 and args[1].type == "nil" and _debug_endpoint(args[0], ctx):
            return None  # pprof and expvar for the developers
        if name.startswith("Listen") and args and _opt_in_debug(args[0], call, ctx):
            return None  # a debug server its user turns on for a session
        if len(args) > 1 and (_operations_mux(args[-1], call, ctx, wrapped=True) or
                              args[-1].type == "nil" and _operations_default_mux(ctx) or
                              _health_checks(args[-1], ctx)):
            return None  # metrics and health checks for the operators' scrapers, on a listener of their own
        message = (f"{shown} runs an http.Server without timeouts that slow clients can hold open forever; "
                   "use an http.Server with ReadHeaderTimeout")
        if len(args) > 1 and _thin_wrapper(call, args[0], args[-1], ctx):
            return Report(call, message, severity=Severity.NOTE)  # the library's documented shortcut
        if len(args) > 1 and (_serves_working_directory(args[-1], ctx) or _operations_value(args[-1], ctx) or
                              not name.startswith("Listen") and _listener_origin(args[0], ctx) == "streams"):
            # a hand-run tool's file server, a metrics port's one handler, or streams of another transport
            return Report(call, message, confidence=Confidence.LOW)
        return Report(call, message)
    if path == "net" and name == "Dial":
        args = arguments(call)
        network = _network(args[0], ctx.source) if args else None
        if network is None or not network.startswith("tcp"):  # unix, udp, ip: no handshake
            return None
        if _dial_wrapper(call, ctx.source):
            return None
        if len(args) > 1 and _local_address(args[1], ctx.source, names):
            return None  # loopback answers at once, with a connection or a refusal
        if _in_background(call, ctx):
            return None  # a slow connect delays only the goroutine's own retry
        context = _context_parameter(call, ctx.source)
        if context:  # the function has a context the dial ignores: that is the bound to use
            advice = f"use a net.Dialer's DialContext({context}, ...)"
            # a library's caller expects its deadline to bound the call; a program's own
            # function (package main: a hand-run tool, a benchmark) is its author's choice
            return Report(call, shortest_fitting(
                f"{shown} ignores {context}, so an unreachable host blocks the caller until the OS gives up "
                f"(about two minutes on Linux); {advice}",
                f"{shown} ignores {context}: an unreachable host blocks until the OS gives up; {advice}"),
                severity=Severity.NOTE, confidence=Confidence.LOW if names.package == "main" else None)
        # the OS bounds the wait: shown only where one dead target holds up others (a dial
        # repeated in a loop that accepts connections, or that serves a peer)
        return Report(call, f"{shown} has no timeout, so an unreachable host blocks the caller until the OS "
                      "gives up (about two minutes on Linux); use net.DialTimeout", severity=Severity.NOTE,
                      confidence=None if _dial_holds_up_peers(call, ctx) or _caller_drops_context(call, ctx)
                      else Confidence.LOW)
    return None


# The handlers an operations endpoint serves: Prometheus metrics, expvar, net/http/pprof.
_OPERATIONS_PACKAGES = ("github.com/prometheus/client_golang/prometheus/promhttp", "expvar", "net/http/pprof")
# The paths of health checks, metrics and debug handlers (`/metrics`, `/healthz`, `/debug/pprof/`).
_OPERATIONS_PATH = re.compile(
    r"^/(?:metrics|healthz?|livez|readyz|ready|liveness|readiness|startup|ping|debug(?:/.*)?)/?$")
_DEBUG_PATH = re.compile(r"^/debug(?:/.*)?/?$")
# A function of the program that registers such handlers on a mux it is handed
# (`etcdhttp.HandleMetricsHealth(mux, s)`, `grpcproxy.HandleHealth(mux, c)`).
_OPERATIONS_REGISTRAR = re.compile(
    r"^(?:Handle|Register|Add|Install|Route|Enable|Mount)\w*(?:Metrics|Health|Pprof|PProf|Debug)\w*$")


def _unwrapped(handler: Any, call: Any, ctx: Context, depth: int = 3) -> tuple[Any, list[Any]]:
    """The handler under middleware: for a call (`cors.Handler(mux)`, `withLogging(mux)`),
    or a local bound to one before call, that takes one argument, an identifier, the
    handler that argument names, again (a few levels); with the wrapping calls. Not a
    function of the file that registers handlers itself (`.Handle`/`.HandleFunc` in its
    body): that one adds routes rather than wrapping them."""
    handler = strip_parens(handler)
    wrappers = []
    for _ in range(depth):
        wrapper = handler
        if handler is not None and handler.type == "identifier":
            wrapper = ctx.names.made_by(handler, call)
        args = arguments(wrapper) if wrapper is not None and wrapper.type == "call_expression" else []
        if len(args) != 1 or args[0].type != "identifier":
            break
        declared = ctx.types.called(wrapper)
        body = declared.child_by_field_name("body") if declared is not None else None
        if body is not None and any(call_name(c, ctx.source)[1] in ("Handle", "HandleFunc")
                                    for c in descendants(body, ("call_expression",))):
            break
        wrappers.append(wrapper)
        handler = args[0]
    return handler, wrappers


def _operations_mux(handler: Any, call: Any, ctx: Context, debug: bool = False, wrapped: bool = False) -> bool:
    """Whether handler is a local `http.NewServeMux()` on which the code registers only
    operations endpoints: `mux.Handle(p, h)`/`mux.HandleFunc(p, h)` with h from promhttp,
    expvar or net/http/pprof, or with a metrics, health or debug path literal (`/metrics`,
    `/healthz`), and calls that hand the mux to a function named for registering such
    handlers (`HandleMetrics(mux, ...)`, `HandleHealth(mux, c)`). Served on its own
    listener, its clients are the operators' scrapers and probes, not strangers. With
    debug, only debug endpoints count (net/http/pprof's or expvar's handlers, `/debug/`
    paths): profiles for the developers, which whoever reaches them can use to cost
    the process far more than a slow header; then the mux may also be a router package's
    (`r := chi.NewMux()`) whose every route the function adds is a `/debug/` path
    literal (`r.Route("/debug", ...)`, `r.Get("/debug/gc", h)`). With wrapped, also the
    mux under middleware (_unwrapped: `h := cors.Handler(metricsMiddleware(mux))`), whose
    use as the wrapper's argument serves it through that wrapper."""
    wrappers: list[Any] = []
    if wrapped:
        handler, wrappers = _unwrapped(handler, call, ctx)
    handler = strip_parens(handler)
    found = _new_serve_mux(handler, call, ctx, router=debug) \
        if handler is not None and handler.type == "identifier" else None
    if found is None:
        return False
    decl = ctx.names.resolve(handler).decl
    scope = enclosing_function(decl) if decl is not None else None
    if scope is None:
        return False
    registered = False
    for use in ctx.names.uses(handler, scope):
        if use.start_byte in (handler.start_byte, found[0].start_byte):
            continue
        parent = use.parent
        if parent.type == "selector_expression" and parent.parent is not None and \
                parent.parent.type == "call_expression" and \
                parent.parent.child_by_field_name("function") == parent:
            args = arguments(parent.parent)
            if ctx.text(parent.child_by_field_name("field")) in ("Handle", "HandleFunc"):
                if len(args) != 2 or not _operations_handler(args[0], args[1], ctx, debug):
                    return False
            elif not debug or not args or args[0].type not in ("interpreted_string_literal", "raw_string_literal") \
                    or not _DEBUG_PATH.match(ctx.text(args[0]).strip('"`')):
                return False  # another method (`mux.ServeHTTP`) or a route of another path
        elif parent.type == "argument_list" and parent.parent in wrappers:
            continue  # served through the middleware
        elif parent.type == "argument_list" and parent.parent is not None and parent.parent.type == "call_expression":
            if not _mounts_operations(parent.parent, use, ctx, debug) and \
                    (debug or not _OPERATIONS_REGISTRAR.match(call_name(parent.parent, ctx.source)[1])):
                return False
        else:
            return False  # handed on, wrapped or served elsewhere
        registered = True
    return registered


def _mounts_operations(call: Any, mux: Any, ctx: Context, debug: bool = False) -> bool:
    """Whether call hands the mux to another package's function beside a path literal of
    operations (debug: of debug) endpoints, where that function mounts its handlers
    (`zpages.Handle(mux, "/debug")`): the mux gets only such endpoints from it."""
    resolved = ctx.names.qualified(call.child_by_field_name("function"))
    paths = [a for a in arguments(call) if a.type in ("interpreted_string_literal", "raw_string_literal")]
    return resolved is not None and resolved[0] != "net/http" and len(arguments(call)) == 2 and len(paths) == 1 and \
        (_DEBUG_PATH if debug else _OPERATIONS_PATH).match(ctx.text(paths[0]).strip('"`')) is not None


def _callers_serve_operations(literal: Any, keys: dict[str, Any], ctx: Context) -> bool:
    """Whether the server literal's `Handler` (and `Addr`) are parameters of its
    unexported function, which only this file's calls mention (no sibling file names
    it), and every such call (one at least) hands it, for the handler, a local
    `http.NewServeMux()` of only operations endpoints (_operations_mux: `/metrics`, the
    probes' `/liveness`, `/readiness`, `/startup`), or, for the address, a loopback one
    (`net.JoinHostPort("localhost", port)`): a helper that serves the operators'
    scrapers and probes, and an admin mux on localhost."""
    func = enclosing_function(literal)
    handler, address = _plain(keys.get("Handler")), _plain(keys.get("Addr"))
    if func is None or func.type != "function_declaration" or handler is None or handler.type != "identifier":
        return False
    name = ctx.text(func.child_by_field_name("name"))
    if not name[:1].islower():
        return False
    declared = parameters(func, ctx.source, receiver=False)
    places = {}
    for key, value in (("handler", handler), ("address", address)):
        index = ctx.names.parameter_index(value, func) if value is not None else None
        if index is not None:
            places[key] = index
    if "handler" not in places:
        return False
    facts = ctx.names.facts
    if any(has_word(sibling, name.encode()) for sibling in (facts.sources() if facts is not None else ())):
        return False
    calls = 0
    for node in named(ctx.root, ctx.source, name):
        if node.start_byte == func.child_by_field_name("name").start_byte:
            continue
        call = node.parent
        if call is None or call.type != "call_expression" or call.child_by_field_name("function") != node:
            return False  # handed on as a value: its callers are not seen
        args = arguments(call)
        if len(args) != len(declared):
            return False
        if not (_operations_mux(args[places["handler"]], call, ctx) or
                "address" in places and _local_address(args[places["address"]], ctx.source, ctx.names)):
            return False
        calls += 1
    return calls > 0


def _operations_default_mux(ctx: Context) -> bool:
    """Whether the file registers handlers on http.DefaultServeMux (`http.Handle`,
    `http.HandleFunc`) and all of them are operations endpoints (_operations_handler):
    `http.Handle("/metrics", promhttp.Handler())` before `http.ListenAndServe(addr,
    nil)`, a metrics agent's own listener."""
    registered = _default_mux_registrations(ctx)
    return bool(registered) and all(len(args) == 2 and _operations_handler(args[0], args[1], ctx)
                                    for args in registered)


# The paths of health probes, whose handlers answer a fixed status (no metrics: projects
# do bound their metrics servers, submariner #1948).
_PROBE_PATH = re.compile(r"^/(?:healthz?|livez|readyz|ready|liveness|readiness|startup|ping)/?$")


def _probes_default_mux(ctx: Context) -> bool:
    """Whether the file registers handlers on http.DefaultServeMux and all of them are
    health probes on a path literal (`http.HandleFunc("/healthz", h)`, `/readyz`): a
    daemon's probe port, whose client is the kubelet."""
    registered = _default_mux_registrations(ctx)
    return bool(registered) and all(
        len(args) == 2 and args[0].type in ("interpreted_string_literal", "raw_string_literal") and
        _PROBE_PATH.match(ctx.text(args[0]).strip('"`')) is not None for args in registered)


def _default_mux_registrations(ctx: Context) -> list[list[Any]]:
    """The arguments of the file's `http.Handle` and `http.HandleFunc` calls."""
    return [arguments(call) for call in descendants(ctx.root, ("call_expression",))
            if ctx.names.qualified(call.child_by_field_name("function")) in (("net/http", "Handle"),
                                                                             ("net/http", "HandleFunc"))]


def _operations_handler(path: Any, handler: Any, ctx: Context, debug: bool = False) -> bool:
    if path.type in ("interpreted_string_literal", "raw_string_literal") and \
            (_DEBUG_PATH if debug else _OPERATIONS_PATH).match(text(ctx.source, path).strip('"`')):
        return True
    handler = strip_parens(handler)
    if not debug and path.type not in ("interpreted_string_literal", "raw_string_literal") and \
            handler.type == "identifier" and _metrics_parameter(handler, ctx):
        return True  # on the path its caller names: another literal path is another endpoint
    function = handler.child_by_field_name("function") if handler.type == "call_expression" else handler
    resolved = ctx.names.qualified(function) if function is not None else None
    return resolved is not None and resolved[0] in (DEBUG_PACKAGES if debug else _OPERATIONS_PACKAGES)


# The last element of a health-check library's import path (`.../healthcheck`, `.../health`).
_HEALTH_PACKAGE = re.compile(r"(?i)^(?:go-?)?health(?:checks?|z)?(?:-go)?$")


def _health_checks(handler: Any, ctx: Context) -> bool:
    """Whether the handler served is a health-check library's (its type, or the function
    that makes it, belongs to a package named for health checks: `healthcheck.Handler`,
    `healthcheck.NewHandler()`): it answers liveness and readiness probes only, for the
    kubelet, as a mux of probe paths does (_probes_default_mux)."""
    handler = strip_parens(handler)
    function = handler.child_by_field_name("function") if handler.type == "call_expression" else None
    resolved = ctx.names.qualified(function) if function is not None else None
    kind = ctx.types.of(handler) if resolved is None else None
    path = resolved[0] if resolved is not None else kind.deref().path if kind is not None else ""
    last = [part for part in path.split("/") if not re.fullmatch(r"v\d+", part)][-1:] if path else []
    return bool(last) and path.count("/") >= 1 and _HEALTH_PACKAGE.match(last[0]) is not None


def _operations_value(handler: Any, ctx: Context) -> bool:
    """Whether the handler served is itself one of promhttp's, expvar's or net/http/pprof's
    (`http.ListenAndServe(addr, promhttp.Handler())`): a metrics port of its own."""
    handler = strip_parens(handler)
    function = handler.child_by_field_name("function") if handler.type == "call_expression" else None
    resolved = ctx.names.qualified(function) if function is not None else None
    return resolved is not None and resolved[0] in _OPERATIONS_PACKAGES


# The Prometheus client, whose registries hold a program's metrics.
_PROMETHEUS = "github.com/prometheus/client_golang/prometheus"


def _metrics_parameter(handler: Any, ctx: Context) -> bool:
    """Whether handler is a parameter of a function that is also handed a registry of the
    Prometheus client (`func Serve(reg *prometheus.Registry, l net.Listener, path string,
    h http.Handler)`): the function serves its caller's metrics, whose handler it
    registers."""
    func = enclosing_function(handler)
    if func is None or func.type not in ("function_declaration", "method_declaration"):
        return False
    declared = parameters(func, ctx.source, receiver=False)
    if ctx.names.parameter_index(handler, func) is None:
        return False
    return any(kind is not None and (resolved := ctx.names.qualified(kind)) is not None and
               resolved[0] == _PROMETHEUS for _, kind in declared)


def _thin_wrapper(call: Any, address: Any, handler: Any, ctx: Context) -> bool:
    """Whether call is the body of a library's shortcut: an exported method that hands
    its own address or listener parameter (or a local made from it, `address :=
    resolveAddress(addr)`) and its receiver's handler (`engine.Handler()`, the receiver
    itself) to http.ListenAndServe*/Serve*, as gin's `Engine.Run` does, or an exported
    function or method (outside package main) that hands them its own address or
    listener and its `http.Handler` parameter. Its users who need timeouts build their
    own http.Server with that handler, as its docs say."""
    method = enclosing_function(call)
    if method is None or method.type not in ("method_declaration", "function_declaration") or \
            not ctx.text(method.child_by_field_name("name"))[:1].isupper() or ctx.names.package == "main":
        return False
    handler = strip_parens(handler)
    if handler.type == "call_expression" and not arguments(handler):
        handler = handler.child_by_field_name("function")
        handler = handler.child_by_field_name("operand") if handler.type == "selector_expression" else None
    if handler is None or not (ctx.names.declared_in(handler, method, "receiver") or
                               ctx.names.declared_in(handler, method, "parameters") and
                               ctx.types.of(handler) is not None and
                               ctx.types.of(handler).is_named("net/http", "Handler")):
        return False
    address = strip_parens(address)
    if address.type == "identifier" and not ctx.names.declared_in(address, method, "parameters"):
        found = ctx.names.reaching(address, call)
        made = strip_parens(found[1]) if found is not None and found[1] is not None else None
        address = made if made is not None and made.type == "call_expression" and len(arguments(made)) == 1 else None
        address = strip_parens(arguments(address)[0]) if address is not None else None
    return address is not None and ctx.names.declared_in(address, method, "parameters")


def _serves_callers_handler(literal: Any, handler: Any | None, ctx: Context) -> bool:
    """Whether the server literal is a library's shortcut for serving the caller's
    handler, as `http.ListenAndServe(addr, handler)` is: it lies in an exported function
    or method outside package main that takes an `http.Handler` parameter, its `Handler`
    is or wraps that parameter (`http.HandlerFunc(func(w, r) { ...; handler.ServeHTTP(w,
    r) })`), and the variable it is kept in is only served and shut down there
    (`srv.Serve(l)`, in a goroutine too): not returned or stored, so no server value of
    the library's is made. A caller who needs timeouts serves that handler on an
    http.Server of its own."""
    func = enclosing_function(literal)
    held = _holder(literal)
    if handler is None or func is None or held is None or held[0].type != "identifier" or \
            func.type not in ("function_declaration", "method_declaration") or ctx.names.package == "main" or \
            not ctx.text(func.child_by_field_name("name"))[:1].isupper():
        return False
    own = {name for name, kind in parameters(func, ctx.source, receiver=False)
           if name not in ("", "_") and ctx.names.qualified(kind) == ("net/http", "Handler")}
    if not any(n.type == "identifier" and ctx.text(n) in own and ctx.names.resolve(n).kind == LOCAL
               for n in (handler, *walk(handler))):
        return False
    for use in ctx.names.uses(held[0], func):
        if use.start_byte == held[0].start_byte:
            continue
        field = use.parent
        if field is None or field.type != "selector_expression" or field.child_by_field_name("operand") != use or \
                field.parent is None or field.parent.type != "call_expression" or \
                ctx.text(field.child_by_field_name("field")) not in _SERVER_METHODS:
            return False
    return True


def _configured_by_callers_options(literal: Any, ctx: Context) -> bool:
    """Whether the server literal is a framework's runner for its caller's options: it
    lies in an exported function or method outside package main (or in a function
    literal of one, `func Addr(addr string, opts ...host.Configurator) Runner { return
    func(app *Application) error {...} }`), and the statement holding it hands that
    function's own variadic parameter on, spread (`app.NewHost(&http.Server{Addr:
    addr}).Configure(opts...).ListenAndServe()`): the caller's configurators, which
    the rule does not read, may set its timeouts, as a framework's documented
    configuration does."""
    outer = enclosing_function(literal)
    while outer is not None and outer.type == "func_literal":
        outer = enclosing_function(outer)
    if outer is None or outer.type not in ("function_declaration", "method_declaration") or \
            ctx.names.package == "main" or not ctx.text(outer.child_by_field_name("name"))[:1].isupper():
        return False
    declared = outer.child_by_field_name("parameters")
    if declared is None or not any(p.type == "variadic_parameter_declaration" for p in declared.named_children):
        return False
    statement = literal
    while statement.parent is not None and not statement.type.endswith("_statement"):
        statement = statement.parent
    return any(arg.type == "variadic_argument" and arg.named_children and
               (holder := ctx.names.declaring(arg.named_children[0])) is not None and
               holder.type == "variadic_parameter_declaration" and holder.parent == declared
               for arg in walk(statement))


# What a shortcut does with the server it makes: serve it, and stop it.
_SERVER_METHODS = ("Serve", "ServeTLS", "ListenAndServe", "ListenAndServeTLS", "Close", "Shutdown")


def _context_parameter(call: Any, source: bytes) -> str:
    """The name of a context.Context parameter of the function around call (or of a
    function around that), "" when there is none or it is blank."""
    func = enclosing_function(call)
    while func is not None:
        for name, kind in parameters(func, source, receiver=False):
            if name not in ("", "_") and kind is not None and text(source, kind).endswith("context.Context"):
                return name
        func = enclosing_function(func)
    return ""


def _network(arg: Any, source: bytes) -> str | None:
    """The network of a net.Dial: a string literal, or a variable last bound to one
    (`network := "tcp"`); None when it is not visible (a parameter, a field, a call)."""
    if arg.type == "identifier":
        binding = names_for(source, arg).reaching(arg, arg)
        arg = binding[1] if binding is not None else None
    if arg is None or arg.type not in ("interpreted_string_literal", "raw_string_literal"):
        return None
    return text(source, arg).strip('"`')


def _dial_wrapper(call: Any, source: bytes) -> bool:
    """Whether call sits in an exported function or method named `Dial...` with no
    context.Context parameter (`rpc.Dial`, `smtp.Dial`, a `Dialer.Dial`): an API with
    net.Dial's own contract, whose caller picks the deadline (a `DialTimeout` sibling, its
    own conn). A `DialContext` that drops its context is still reported."""
    func = enclosing_function(call)
    while func is not None and func.type == "func_literal":
        func = enclosing_function(func)
    if func is None:
        return False
    name = function_name(func, source).rsplit(".", 1)[-1]
    if not name.startswith("Dial"):
        return False
    return not any(kind is not None and text(source, kind).endswith("context.Context")
                   for _, kind in parameters(func, source, receiver=False))


def _in_background(call: Any, ctx: Context) -> bool:
    """Whether the dial runs only in goroutines that nobody waits for: in a `go func()
    {...}()` literal that sends nothing, closes nothing and calls no `Done()` (a
    WaitGroup's), or in an unexported function or method of the package whose every use
    is a `go f(...)` statement or a call in such a literal (a reconnect loop, a health
    probe started per interval). An unreachable host then delays only that goroutine's
    own retry; no caller is blocked. Not one that serves a peer: it takes a connection or
    a request (a parameter typed `...Conn`, `...Request`, `ResponseWriter`), or is started
    in a function that accepts connections (the peer waits for the dial)."""
    func = enclosing_function(call)
    if func is None:
        return False
    if func.type == "func_literal":
        return _unwaited_goroutine(func, ctx.source)
    name = ctx.text(func.child_by_field_name("name"))
    if not name or name[0].isupper() or name in ("main", "init") or _serves_peer(func, ctx.source):
        return False
    started = False
    for node in named(ctx.root, ctx.source, name):
        if node.parent is not None and node.parent.type in ("function_declaration", "method_declaration") and \
                node.parent.child_by_field_name("name") == node:
            continue
        called = node.parent if node.parent is not None and node.parent.type == "selector_expression" and \
            node.parent.child_by_field_name("field") == node else node
        use = called.parent
        if use is None or use.type != "call_expression" or use.child_by_field_name("function") != called:
            return False  # a function value handed on: who runs it, and how, is not shown
        around = enclosing_function(use)
        if use.parent is not None and use.parent.type == "go_statement" and _accepts(around, ctx.source):
            return False
        if not (use.parent is not None and use.parent.type == "go_statement" or around == func or
                around is not None and around.type == "func_literal" and _unwaited_goroutine(around, ctx.source)):
            return False
        started = True
    if not started:
        return False
    word = re.escape(name.encode())
    mentioned = re.compile(rb"\b" + word + rb"\b")
    declared = re.compile(rb"^func\s*(?:\([^)]*\)\s*)?" + word + rb"\s*[\[(]", re.M)
    run = re.compile(rb"\bgo\s+(?:[\w.]+\.)?" + word + rb"\s*\(")
    facts = ctx.names.facts
    for source in facts.sources() if facts is not None else ():
        source = LINE_COMMENT.sub(b"", source)
        if len(mentioned.findall(source)) != len(declared.findall(source)) + len(run.findall(source)):
            return False  # used in a sibling other than by its declaration or a go statement
    return True


def _dial_holds_up_peers(call: Any, ctx: Context) -> bool:
    """Whether the dial runs in a loop of a function that accepts connections (a proxy's
    accept loop: each new client waits behind a dead upstream) or that serves a peer (a
    connection or request parameter: a loop over backends where a dead one delays every
    new client). A single dial elsewhere (a CLI's one connect, a per-connection helper)
    waits at most the OS connect timeout, for its own caller only."""
    func = enclosing_function(call)
    if func is None or not (_accepts(func, ctx.source) or _serves_peer(func, ctx.source)):
        return False
    return any(node.type == "for_statement" for node in ancestors(call) if func.start_byte < node.start_byte)


def _caller_drops_context(call: Any, ctx: Context) -> bool:
    """Whether the declared function around the dial is called, in a file of its package
    outside package main, from a function that takes a `context.Context` (`Connect(ctx,
    hostPort)` calling `newOutboundConnection(hostPort)`): its caller's deadline is the
    bound the dial drops."""
    func = enclosing_function(call)
    name = ctx.text(func.child_by_field_name("name")) if func is not None and func.type in (
        "function_declaration", "method_declaration") else ""
    if not name or ctx.names.package == "main":
        return False
    package = PackageFiles.of(ctx)
    for index, source in enumerate(package.sources):
        if not has_word(source, name.encode()):
            continue
        root, _ = package.file(index)
        for node in named(root, source, name):
            called = node.parent if node.parent is not None and node.parent.type == "selector_expression" and \
                node.parent.child_by_field_name("field") == node else node
            use = called.parent
            if use is not None and use.type == "call_expression" and use.child_by_field_name("function") == called \
                    and _context_parameter(use, source):
                return True
    return False


def _unwaited_goroutine(literal: Any, source: bytes) -> bool:
    """Whether a function literal is started by a go statement (`go func() {...}()`), not
    to serve a peer (see _in_background), and its body tells nobody when it ends: no
    send, no `close`, no `Done()` call."""
    call = literal.parent
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != literal or \
            call.parent is None or call.parent.type != "go_statement":
        return False
    if _serves_peer(literal, source) or _accepts(enclosing_function(call), source):
        return False
    body = literal.child_by_field_name("body")
    if body is None or descendants(body, ("send_statement",)):
        return False
    return not any(call_name(node, source)[1] in ("close", "Done") for node in descendants(body, ("call_expression",)))


_PEER_TYPES = re.compile(r"(?:Conn|Request|ResponseWriter)$")


def _serves_peer(func: Any, source: bytes) -> bool:
    """Whether func takes a connection or a request (a parameter typed `net.Conn`,
    `*tls.Conn`, `*http.Request`, `http.ResponseWriter`): work for a peer who waits."""
    return any(kind is not None and _PEER_TYPES.search(text(source, kind))
               for _, kind in parameters(func, source, receiver=False))


def _accepts(func: Any | None, source: bytes) -> bool:
    """Whether func accepts connections (`l.Accept()`, `AcceptTCP`): what it starts serves them."""
    return func is not None and any(call_name(node, source)[1].startswith("Accept")
                                    for node in descendants(func, ("call_expression",)))


# --- redigo pools with Wait: true (a package-level check) --------------------------


def _pool_names(literal: Any, source: bytes) -> tuple[list[str], list[str]]:
    """(names the pool is stored under, functions that return it)."""
    expr = literal.parent if literal.parent is not None and literal.parent.type == "unary_expression" else literal
    parent = expr.parent
    if parent is not None and parent.type == "literal_element" and parent.parent.type == "keyed_element":
        key = parent.parent.child_by_field_name("key")
        return [text(source, key)], []
    if parent is not None and parent.type == "expression_list" and parent.parent.type == "return_statement":
        func = enclosing_function(literal)
        name = function_name(func, source).rsplit(".", 1)[-1] if func is not None else ""
        return [], [name] if name else []
    bound = _holder(literal)
    if bound is None:
        return [], []
    return [_last_name(text(source, bound[0]))], []


def _last_name(expression: str) -> str:
    return expression.rsplit(".", 1)[-1]


def _waiting_pool(literal: Any, source: bytes, names: Names) -> bool:
    resolved = names.qualified(literal.child_by_field_name("type"))
    if resolved is None or not _is_redigo(resolved[0]) or resolved[1] != "Pool":
        return False
    keys = _keys(literal, source)
    wait = keys.get("Wait")
    active = keys.get("MaxActive")
    return (wait is not None and text(source, wait).strip() == "true"
            and active is not None and text(source, active).strip() not in ("0", "0x0"))



def _read_timeout_dial(literal: Any, source: bytes, names: Names) -> bool:
    """Whether the pool literal's `Dial` function sets a read timeout on the connections
    it makes (`redis.Dial(..., redis.DialReadTimeout(d))`): every command a holder runs
    on one ends, so a holder gives its connection back."""
    dial = _keys(literal, source).get("Dial")
    calls = descendants(dial, ("call_expression",)) if dial is not None else ()
    return any((q := names.qualified(c.child_by_field_name("function"))) is not None and
               _is_redigo(q[0]) and q[1] == "DialReadTimeout" for c in calls)


# Packages whose functions open a URL in the user's web browser.
BROWSER_PACKAGES = frozenset({"cmd/internal/browser", "github.com/pkg/browser",
                              "github.com/skratchdot/open-golang/open", "github.com/toqueteos/webbrowser"})
_OPENS_BROWSER = re.compile(rb"(?i)\b(?:open|launch|start)_?browser\s*\(")


def _local_ui(ctx: Context) -> bool:
    """Whether the file opens the user's web browser (`openBrowser(url)`, a function of a
    browser package such as `open.Start(url)`, or of one named `browser`, a module's own
    `internal/browser`): the server it starts is a tool's local UI, whose one client is
    that browser."""
    if _OPENS_BROWSER.search(LINE_COMMENT.sub(b"", ctx.source)):
        return True
    return any(path in BROWSER_PACKAGES or path.rsplit("/", 1)[-1] == "browser" and "/" in path
               for path in ctx.names.imported().values())  # also a module's own, `.../internal/browser`


DEBUG_PACKAGES = frozenset({"net/http/pprof", "expvar"})
_DEBUG_WORD = re.compile(r"(?i)debug|pprof|profil")
# A function so named serves the profiler (`debug` alone may name a debug UI or API).
_PROFILER_WORD = re.compile(r"(?i)pprof|profil")


def _debug_server(literal: Any, keys: dict[str, Any], ctx: Context) -> bool:
    """Whether a server literal serves http.DefaultServeMux (no `Handler`, nil,
    `http.DefaultServeMux` or a variable bound to it) as a debug endpoint: its `Addr` names one (`cfg.Debug.Addr`),
    or the file imports net/http/pprof or expvar and the function or the file that
    starts it is named for one (`serveProfiling`, `debug.go`). An import alone is not
    enough here: a program that serves its API on that mux may import pprof beside it.
    Also one of a function named for the profiler (`startPprof`) in a file that puts no
    other handler on that mux (_profiler_function), as for `ListenAndServe(addr, nil)`."""
    handler = _plain(keys.get("Handler"))
    if handler is not None and _operations_mux(handler, literal, ctx, debug=True):
        return True  # a mux of its own with pprof's or expvar's handlers only
    if not _serves_default_mux(keys, literal, ctx):
        return False
    if "Addr" in keys and _DEBUG_WORD.search(ctx.text(keys["Addr"])):
        return True
    func = ctx.names.outermost_function(literal)
    named = os.path.basename(ctx.path or "") + " " + (function_name(func, ctx.source) if func is not None else "")
    return any(i.path in DEBUG_PACKAGES for i in ctx.names.imports) and _DEBUG_WORD.search(named) is not None or \
        _profiler_function(literal, ctx)


def _serves_default_mux(keys: dict[str, Any], literal: Any, ctx: Context) -> bool:
    """Whether a server literal serves http.DefaultServeMux: no `Handler`, nil,
    `http.DefaultServeMux` or a variable bound to it (`mux := http.DefaultServeMux`),
    and no `srv.Handler = h` later in its function."""
    if _configured_later(literal, ("Handler",), ctx.source):
        return False
    handler = _plain(keys.get("Handler"))
    if handler is not None and handler.type == "identifier":
        found = ctx.names.reaching(handler, literal)
        handler = strip_parens(found[1]) if found is not None and found[1] is not None else handler
    return handler is None or handler.type == "nil" or ctx.names.qualified(handler) == ("net/http", "DefaultServeMux")


def _new_serve_mux(handler: Any, at: Any, ctx: Context, router: bool = False) -> tuple[Any, Any] | None:
    """(name, value) of the binding of identifier handler that reaches at, when its value
    is `http.NewServeMux()`: a mux the function made itself (router: or any call's
    result, a router package's `chi.NewMux()`)."""
    found = ctx.names.reaching(handler, at)
    value = strip_parens(found[1]) if found is not None and found[1] is not None else None
    if value is None or value.type != "call_expression" or not router and \
            ctx.names.qualified(value.child_by_field_name("function")) != ("net/http", "NewServeMux"):
        return None
    return found


def _debug_file_mux(handler: Any | None, literal: Any, ctx: Context) -> bool:
    """Whether a server literal's Handler is a local `http.NewServeMux()` that its function
    only keeps in a composite literal (`&WebServer{srv, mux}`), registering nothing on it,
    in a file that imports net/http/pprof or expvar and whose every handler registration
    (`x.Handle(p, h)`, `x.HandleFunc(p, h)`, one at least) is a debug endpoint (a `/debug/`
    path, a handler of those packages): the file's debug web server, to which other files
    may add handlers that the rule does not see."""
    if handler is None or handler.type != "identifier" or \
            not any(i.path in DEBUG_PACKAGES for i in ctx.names.imports):
        return False
    found = _new_serve_mux(handler, literal, ctx)
    if found is None:
        return False
    scope = enclosing_function(found[0])
    for use in ctx.names.uses(handler, scope) if scope is not None else ():
        if use.start_byte not in (handler.start_byte, found[0].start_byte) and use.parent.type != "literal_element":
            return False  # registered on, handed on or served here: _operations_mux reads those
    registered = False
    for call in descendants(ctx.root, ("call_expression",)):
        function = call.child_by_field_name("function")
        if function.type != "selector_expression" or \
                ctx.text(function.child_by_field_name("field")) not in ("Handle", "HandleFunc"):
            continue
        args = arguments(call)
        if len(args) != 2 or not _operations_handler(args[0], args[1], ctx, debug=True):
            return False
        registered = True
    return registered


def _profiler_function(node: Any, ctx: Context) -> bool:
    """Whether node lies in a function named for the profiler (`pprof`, `startProfiling`)
    in a file that registers no handler on http.DefaultServeMux but debug ones: the mux
    it serves there holds the profiler's handlers, which another file imports."""
    func = ctx.names.outermost_function(node)
    return func is not None and func.type != "func_literal" and \
        _PROFILER_WORD.search(ctx.text(func.child_by_field_name("name"))) is not None and \
        all(len(args) == 2 and _operations_handler(args[0], args[1], ctx, debug=True)
            for args in _default_mux_registrations(ctx))


def _debug_endpoint(where: Any, ctx: Context) -> bool:
    """Whether a server of http.DefaultServeMux (a nil handler) is a debug endpoint: the
    file imports net/http/pprof or expvar (which register their handlers there), the
    function that serves it is named for the profiler (`startPprof`) and the file
    registers no other handler on that mux, or the address or listener it serves names one (`config.Debug.Addr`, `pprofListener`,
    `opts.ProfilerAddr`, also through the parameter of a `go func(addr string)
    {...}(cfg.Debug.Addr)` literal).
    Profiles and counters for the program's developers, not a service for strangers."""
    if any(i.path in DEBUG_PACKAGES for i in ctx.names.imports):  # blank imports too
        return True
    if _profiler_function(where, ctx):
        return True  # `func pprof() { go http.ListenAndServe(":6060", nil) }`, the file adding no other handler
    if where.type == "identifier":
        literal = enclosing_function(where)
        call = literal.parent if literal is not None and literal.type == "func_literal" else None
        if call is not None and call.type == "call_expression" and call.child_by_field_name("function") == literal:
            params = literal.child_by_field_name("parameters")
            declared = [n for d in params.named_children for n in d.children_by_field_name("name")] \
                if params is not None else []
            binding = ctx.names.resolve(where)  # the literal's parameter, not a local of its name
            index = next((i for i, n in enumerate(declared) if binding.kind == LOCAL and binding.decl == n), None)
            passed = arguments(call)
            if index is not None and len(passed) == len(declared):
                where = passed[index]
    return _DEBUG_WORD.search(ctx.text(where)) is not None


def _opt_in_debug(address: Any | None, at: Any, ctx: Context) -> bool:
    """Whether a listen address names a debug endpoint (`args.HTTPDebug`, `cfg.PprofAddr`)
    and at runs only where it is set: inside `if address != ""` (or `len(address) > 0`)
    of the same expression. A debug server its user turns on by giving it an address,
    for a session of their own, not a service for strangers."""
    address = _plain(address)
    if address is None or address.type not in ("identifier", "selector_expression") or \
            _DEBUG_WORD.search(ctx.text(address)) is None:
        return False
    shown = ctx.text(address)
    for node in ancestors(at):
        if node.type in FUNCTION_TYPES and node.type != "func_literal":
            return False
        condition = node.child_by_field_name("condition") if node.type == "if_statement" else None
        condition = strip_parens(condition) if condition is not None else None
        if condition is None or condition.type != "binary_expression" or \
                not _inside(at, node.child_by_field_name("consequence")):
            continue
        left, right = condition.child_by_field_name("left"), condition.child_by_field_name("right")
        operator = ctx.text(condition.child_by_field_name("operator"))
        if operator == "!=" and {ctx.text(left), ctx.text(right)} == {shown, '""'}:
            return True
        if operator == ">" and ctx.text(left) == f"len({shown})" and ctx.text(right) == "0":
            return True
    return False


def _inside(node: Any, block: Any | None) -> bool:
    return block is not None and block.start_byte <= node.start_byte and node.end_byte <= block.end_byte


def _zero_client_fields(ctx: Context) -> dict[str, set[str]]:
    """Struct type name -> its unexported fields of type `http.Client` (a value, not a
    pointer), for the struct types this file declares: a literal that leaves such a
    field out keeps the zero client, which has no Timeout."""
    # Such a field's type names `Client`: the fields are found from where the file's
    # bytes hold the word, not by a pass over the whole tree (most files hold none).
    found: dict[str, set[str]] = {}
    at = ctx.source.find(b"Client")
    while at >= 0:
        node = ctx.root.descendant_for_byte_range(at, at + len(b"Client"))
        at = ctx.source.find(b"Client", at + 1)
        if node is None or node.type != "type_identifier" or ctx.text(node) != "Client":
            continue
        field = next((a for a in ancestors(node) if a.type == "field_declaration"), None)
        declared = field.child_by_field_name("type") if field is not None else None
        if declared is None or declared.type != "qualified_type" or \
                ctx.names.qualified(declared) != ("net/http", "Client"):
            continue
        for spec in ancestors(field):  # each struct type declared around the field
            name, kind = spec.child_by_field_name("name"), spec.child_by_field_name("type")
            if spec.type != "type_spec" or name is None or kind is None or kind.type != "struct_type" or \
                    not kind.start_byte <= field.start_byte < kind.end_byte:
                continue
            for ident in field.children_by_field_name("name"):
                if ctx.text(ident)[:1].islower():
                    found.setdefault(ctx.text(name), set()).add(ctx.text(ident))
    return found


def _field_uses(owner: str, field: str, package: PackageFiles) -> Iterator[tuple[int, Any, bytes, Names]]:
    """(file index, selector, source, names) for each `x.field` in the package's files
    where x is of the struct type owner, or of a type the file does not state."""
    for index, source in enumerate(package.sources):
        if not has_word(source, field.encode()):
            continue
        root, names = package.file(index)
        types = types_for(names)
        for ident in named(root, source, field):
            selector = ident.parent
            if selector is None or selector.type != "selector_expression" or \
                    selector.child_by_field_name("field") != ident:
                continue
            kind = types.of(selector.child_by_field_name("operand"))
            base = kind.deref() if kind is not None else None
            if base is not None and base.kind == "named" and (base.path != "" or base.name != owner):
                continue  # a field of the same name on another type
            yield index, selector, source, names


def _field_set(owner: str, field: str, package: PackageFiles, literal: Any = None) -> bool:
    """Whether a file of the package gives the field of the struct type owner a client or
    configures it: an assignment to `x.field` or to one of its fields (`x.field.Timeout =
    d`), or `x.field` or `&x.field` handed to a call (a function that may set it up); x
    of that type, or of a type the file does not state. Given the client literal, not
    the assignment of that literal itself (`x.field = &http.Client{...}`)."""
    for index, selector, source, _ in _field_uses(owner, field, package):
        holder = selector.parent
        while holder is not None and holder.type in ("unary_expression", "parenthesized_expression"):
            holder = holder.parent
        if holder is not None and holder.type == "argument_list" and \
                (holder != selector.parent or _handed_request(holder.parent, selector, source) is None):
            return True  # not a send: a request handed on with it (`DoRequest(ctx, x.field, req)`)
        target = selector
        if holder is not None and holder.type == "selector_expression" and \
                holder.child_by_field_name("operand") == selector:
            target = holder  # `x.field.Timeout`
        left = target.parent
        if left is not None and left.type == "expression_list" and left.parent is not None and \
                left.parent.type == "assignment_statement" and left.parent.child_by_field_name("left") == left \
                and not (index == 0 and target == selector and literal is not None and
                         _holder(literal) is not None and _holder(literal)[0] == selector):
            return True
    return False


def _sent_through(owner: str, field: str, ctx: Context, at: tuple[Any, bytes, Names] | None = None) -> list[bool]:
    """For each request the file (at: another file's root, source and names) sends
    through the field of a value of the struct type owner (`a.hc.Do(req)`, `a.hc.Get(u)`;
    a value of a type the file does not state counts): whether it is a `Do(req)` with a
    request made with a context."""
    root, source, names = at if at is not None else (ctx.root, ctx.source, ctx.names)
    types = types_for(names)
    sent = []
    for ident in named(root, source, field):
        selector = ident.parent
        method = selector.parent if selector is not None and selector.type == "selector_expression" else None
        handed = method is not None and method.type == "argument_list" and selector.child_by_field_name("field") == ident
        call = method.parent if method is not None and method.type == "selector_expression" else None
        if not handed and (call is None or call.type != "call_expression" or
                           call.child_by_field_name("function") != method or
                           text(source, method.child_by_field_name("field")) not in ("Do",) + HTTP_GETTERS):
            continue
        kind = types.of(selector.child_by_field_name("operand"))
        base = kind.deref() if kind is not None else None
        if base is not None and base.kind == "named" and (base.path != "" or base.name != owner):
            continue
        if handed:  # `verify(timeoutCtx, a.hc, ...)`: handed on with a deadline
            sent += [True] if _handed_request(method.parent, selector, source) else []
            continue
        sent.append(text(source, method.child_by_field_name("field")) == "Do" and _carries_context(call, source))
    return sent


def _fields_send_with_contexts(literal: Any, ctx: Context) -> bool:
    """Whether the client literal is kept in unexported fields of a struct type
    (_kept_in_fields: `Client{hc: &http.Client{...}}`), which no file of the package
    sets again or hands to a call (_field_set), and every request the package's files
    send through them (one at least, in any file) is a `Do(req)` with a request made
    with a context: the callers' contexts bound them, as _bounded_by_contexts has it
    for one file."""
    kept = _kept_in_fields(literal, ctx)
    if not kept or any(owner is None or not field[:1].islower() for owner, field in kept):
        return False
    package = PackageFiles.of(ctx)
    sent: list[bool] = []
    for owner, field in kept:
        if _field_set(owner, field, package, literal):
            return False
        for index in range(len(package.sources)):
            if has_word(package.sources[index], field.encode()):
                root, names = package.file(index)
                sent += _sent_through(owner, field, ctx, (root, package.sources[index], names))
    return bool(sent) and all(sent)


def _copied_with_timeout(literal: Any, ctx: Context) -> bool:
    """Whether the client literal is kept in fields of a struct type (_kept_in_fields:
    `&Fetcher{base: &http.Client{}}`) whose every use in the package's files (one at
    least), other than the literal's own assignment, copies the client into a local
    variable that its function then gives a Timeout (`c := *f.base; c.Timeout = d`):
    no request goes through the literal itself, only through copies with a bound."""
    kept = _kept_in_fields(literal, ctx)
    if not kept or any(owner is None for owner, _ in kept):
        return False
    package = PackageFiles.of(ctx)
    held = _holder(literal)
    copies = 0
    for owner, field in kept:
        for _, selector, source, names in _field_uses(owner, field, package):
            if held is not None and held[0] == selector:
                continue  # `x.field = &http.Client{}` itself
            copy = selector.parent
            if copy is None or copy.type != "unary_expression" or not source[copy.start_byte:].startswith(b"*"):
                return False
            bound = assigned_to(copy)
            func = enclosing_function(copy)
            body = func.child_by_field_name("body") if func is not None else None
            if bound is None or bound[0].type != "identifier" or body is None:
                return False
            target = bound[0]
            if not any(statement.start_byte > bound[1].end_byte and
                       text(source, left) == f"{text(source, target)}.Timeout" and
                       names.same_base(left, target)
                       for left, _, statement in assignments(body)):
                return False
            copies += 1
    return copies > 0


def _package_variable_mentions(literal: Any, ctx: Context) -> list[tuple[bytes, Any]] | None:
    """(source, identifier) of every mention, in the package's files, of the
    package-level variable whose value literal is (`var htc = new(http.Client)`), its
    declaration left out; None when literal is not such a variable's value. The package
    resolves each mention: a local or an import of the same name is left out."""
    held = _holder(literal)
    if held is None or held[0].type != "identifier" or enclosing_function(literal) is not None:
        return None
    name = ctx.text(held[0])
    package = PackageFiles.of(ctx)
    found = []
    for index, source in enumerate(package.sources):
        if not has_word(source, name.encode()):
            continue
        root, names = package.file(index)
        found += [(source, ident) for ident in named(root, source, name)
                  if ident.type == "identifier" and not (ident == held[0] and index == 0) and
                  names.resolve(ident).kind in ((PACKAGE,) if index == 0 else (PACKAGE, UNKNOWN))]
    return found


def _set_in_package(literal: Any, fields: tuple[str, ...], ctx: Context) -> bool:
    """Whether a function of the package assigns one of fields of the package-level
    variable whose value literal is (`htc.Timeout = 10 * time.Second` in a Start method
    for `var htc = new(http.Client)`): it is configured field by field, as a local
    configured later in its function is (_configured_later)."""
    for source, ident in _package_variable_mentions(literal, ctx) or ():
        selector = ident.parent
        if selector.type != "selector_expression" or selector.child_by_field_name("operand") != ident or \
                text(source, selector.child_by_field_name("field")) not in fields:
            continue
        targets = selector.parent
        if targets is not None and targets.type == "expression_list" and targets.parent is not None and \
                targets.parent.type == "assignment_statement" and \
                targets.parent.child_by_field_name("left") == targets:
            return True
    return False


def _variable_sends_with_contexts(literal: Any, ctx: Context) -> bool:
    """Whether the client literal is the value of a package-level variable (`var
    httpClient = &http.Client{...}`) and every use of that variable in the package's
    files (one send at least) is a `Do(req)` with a request made with a context
    (_carries_context), a `CloseIdleConnections()`, or a hand-off beside a context or a
    request bounded by a deadline (_handed_request: `ctxhttp.Do(ctx, httpClient, req)`
    where the function, or every caller of it, derives ctx with `context.WithTimeout`):
    each request ends with its deadline. Any other use (assigned, stored, handed on
    otherwise) may configure it or send unbounded requests."""
    mentions = _package_variable_mentions(literal, ctx)
    if mentions is None:
        return False
    sent = False
    for source, ident in mentions:
        parent = ident.parent
        if parent.type == "selector_expression" and parent.child_by_field_name("operand") == ident:
            call = parent.parent
            method = text(source, parent.child_by_field_name("field"))
            if call is None or call.type != "call_expression" or call.child_by_field_name("function") != parent:
                return False
            if method == "Do" and _carries_context(call, source):
                sent = True
            elif method != "CloseIdleConnections":
                return False
        elif parent.type == "argument_list" and _handed_request(parent.parent, ident, source):
            sent = True
        else:
            return False
    return sent


def _zero_client_reports(ctx: Context) -> Iterator[Report]:
    """A keyed literal of a struct type of this file that leaves out an unexported
    `http.Client` field (`&netAPI{url: u}` with `client http.Client`): the requests the
    file sends through that field (`a.client.Do(req)`) go through the zero client, which
    has no Timeout. Not when no request of the file goes through it, when every one is a
    `Do(req)` with a request made with a context, or when a file of the package sets the
    field or hands it to a call (_field_set)."""
    fields = _zero_client_fields(ctx)
    if not fields or _long_polls(ctx):
        return
    package = PackageFiles.of(ctx)
    for literal in descendants(ctx.root, ("composite_literal",)):
        kind = literal.child_by_field_name("type")
        if kind is None or kind.type != "type_identifier" or ctx.text(kind) not in fields:
            continue
        body = literal.child_by_field_name("body")
        elements = [e for e in body.named_children if e.type != "comment"] if body is not None else []
        if any(e.type != "keyed_element" for e in elements):
            continue  # positional: every field is given
        held = _holder(literal)
        if held is not None and ctx.text(held[0]) == "_":
            continue  # `var _ Backend = &rest{}`: a check that the type implements an interface
        keys = _keys(literal, ctx.source)
        for field in sorted(fields[ctx.text(kind)] - set(keys)):
            sent = _sent_through(ctx.text(kind), field, ctx)
            if not sent or all(sent) or _field_set(ctx.text(kind), field, package) or \
                    _run_as_program(literal, ctx):
                continue
            report = Report(literal, shortest_fitting(
                f"`{ctx.text(kind)}{{...}}` leaves `{field}` the zero http.Client, which has no Timeout and waits "
                "forever for a server that stops answering; give it one with Timeout",
                f"`{ctx.text(kind)}{{...}}` leaves `{field}` the zero http.Client, with no Timeout: a stalled "
                "server hangs its requests; set one"))
            if never_called(ctx.names.outermost_function(literal), package) or test_only(ctx.path or "", ctx.names):
                report = report._replace(confidence=Confidence.LOW)
            yield report


# A file named for a test double (`server_mock.go`, `mock_oidc.go`, `fakes.go`): narrower than
# the folder words of gomod.in_tooling_tree (`mockslack`), so that `mockingbird.go` is not one.
_DOUBLE_FILE = re.compile(r"(?i)(?:^|[-_.])(?:mocks?|fakes?)(?:[-_.]|$)")


def _test_double_file(path: str) -> bool:
    """Whether the file is named for a mock or a fake: a test double the tests point the
    code at, whose stall ends with the test that uses it."""
    return _DOUBLE_FILE.search(os.path.basename(path)[:-3]) is not None


# The tags of WebAssembly's builds, and its file names.
_WASM_TAGS = ("wasm", "js", "wasip1")
_WASM_FILE = re.compile(r"_(?:js_wasm|wasip1_wasm|wasm|js|wasip1)\.go$")


def _wasm_build(ctx: Context) -> bool:
    """Whether the file is built only for WebAssembly: named `_wasm.go`, `_js.go` or
    `_wasip1.go`, or its `//go:build` expression, with no `||`, requires `wasm`, `js`
    or `wasip1`. There net.Listen gives no socket that a remote client reaches (js
    fakes the network in the process, wasip1 has no Listen), so a server's missing
    header timeout waits on nobody."""
    return _WASM_FILE.search(os.path.basename(ctx.path or "")) is not None or \
        build_requires(ctx.source, _WASM_TAGS.__contains__)


def _skipped(path: str, source: bytes) -> bool:
    """Tests, test helper packages (httptest, testutil, and what lies below them or
    below a `tests`, `fuzz` or `e2e` folder) and programs run by hand
    (`//go:build ignore` generators, or the old `// +build ignore`)."""
    if is_test_file(path):
        return True
    folder = os.path.basename(os.path.dirname(path))
    if test_support_name(folder):
        return True
    if in_test_or_example_tree(path):
        return True
    return run_by_hand(source, path)


# The kind of each pattern of the rule's query, in query order: matches are routed
# by pattern index.
PATTERNS = ("call", "call", "literal", "literal", "get", "bind", "bind", "bind", "bind", "use")


def check(ctx: Context) -> Iterator[Report]:
    if _skipped(ctx.path, ctx.source):
        return
    names = ctx.names
    if any(path == "testing" or path.startswith(TEST_FRAMEWORKS) for path in names.imported().values()):
        return  # test support code outside _test.go
    uses: dict[str, list[bool]] = defaultdict(list)
    bound_to: dict[str, set[str]] = defaultdict(set)
    bindings: set[tuple[str, str]] = set()
    for index, captures in ctx.matches:
        kind = PATTERNS[index]
        if kind == "bind":
            callee = call_name(captures["bind_call"][0], ctx.source)[1]
            target = _last_name(ctx.text(captures["bind_target"][0]))
            bound_to[callee].add(target)
            bindings.add((target, callee))
        if kind == "use":
            call = captures["use"][0]
            function = call.child_by_field_name("function")
            method = ctx.text(function.child_by_field_name("field"))
            receiver = _last_name(ctx.text(function.child_by_field_name("operand")))
            uses[receiver].append(method == "Do" and _carries_context(call, ctx.source))
    pools, factories, gets, bounded = [], [], [], []
    for index, captures in ctx.matches:
        kind = PATTERNS[index]
        if kind in ("use", "bind"):
            continue
        if kind == "get":
            call = captures["get"][0]
            operand = call.child_by_field_name("function").child_by_field_name("operand")
            gets.append((_last_name(ctx.text(operand)), tuple(span_of(call)), ctx.text(operand)))
            continue
        if kind == "literal":
            literal = captures["literal"][0]
            if _waiting_pool(literal, ctx.source, names):
                kept_as, returned_by = _pool_names(literal, ctx.source)
                line = literal.start_point[0] + 1
                pools += [(n, line) for n in kept_as]
                factories += [(f, line) for f in returned_by]
                if _read_timeout_dial(literal, ctx.source, names):
                    bounded.append(line)
                continue
            node = literal
            report = _literal_report(literal, ctx, names, uses, bound_to)
        else:
            node = captures["call"][0]
            report = _call_report(node, ctx, names)
        if report is not None and kind == "literal" and _placeholder(node, ctx):
            report = report._replace(confidence=Confidence.LOW)  # replaced before it serves or sends
        if report is not None and never_called(names.outermost_function(node), PackageFiles.of(ctx), by_hand=True):
            report = report._replace(confidence=Confidence.LOW)  # dead code, or a generator's: it waits only once a change calls it
        if report is not None and (in_demo_named_tree(ctx.path) or in_tooling_tree(ctx.path) or
                                   _test_double_file(ctx.path or "") or run_from_source(ctx.source, ctx.path or "") or
                                   build_requires(ctx.source, lambda tag: tag == "mage")):
            report = report._replace(confidence=Confidence.LOW)  # a demonstration or a developer's tool, run by hand
        if report is not None and names.takes_test_handle(node):
            continue  # a test kit's helper that takes the test's handle (`t testing.TestingT`): it waits in a test
        if report is not None and test_only(ctx.path or "", names):
            report = report._replace(confidence=Confidence.LOW)  # test support: it waits in a test run only
        if report is not None:
            yield report
    yield from _zero_client_reports(ctx)
    if gets or pools or factories or bindings:
        ctx.facts.update(pools=pools, factories=factories, gets=gets, bindings=sorted(bindings),
                         package=names.package, bounded_pools=bounded)


def package_check(facts_by_path: dict[str, Any], options: dict[str, Any]) -> Iterable[tuple[str, Report]]:
    for paths in package_groups(facts_by_path):
        waiting: dict[str, tuple[str, int]] = {}
        factories: dict[str, tuple[str, int]] = {}
        bounded: set[tuple[str, int]] = set()
        for path in paths:
            facts = facts_by_path[path]
            bounded.update((path, line) for line in facts.get("bounded_pools", ()))
            for name, line in facts.get("pools", ()):
                waiting.setdefault(name, (path, line))
            for name, line in facts.get("factories", ()):
                factories.setdefault(name, (path, line))
        for path in paths:
            for name, callee in facts_by_path[path].get("bindings", ()):
                if callee in factories:
                    waiting.setdefault(name, factories[callee])
        if not waiting:
            continue
        for path in paths:
            for name, span, operand in facts_by_path[path].get("gets", ()):
                if name not in waiting:
                    continue
                where, line = waiting[name]
                at = f"line {line}" if where == path else f"{os.path.basename(where)}:{line}"
                yield path, Report(
                    Span(*span),
                    f"{operand}.Get() on a redis.Pool with Wait: true ({at}) waits without a deadline "
                    "once MaxActive connections are out; use GetContext with a deadline",
                    # its connections' reads time out: a holder gives its connection back
                    confidence=Confidence.LOW if (where, line) in bounded else None,
                )


RULE = Rule(
    code="GL006",
    name="missing-timeout",
    severity=Severity.WARNING,
    confidence=Confidence.MEDIUM,
    check=check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    # redigo and net/http by import path (aliases keep it), net.Dial by its name, and
    # `.Get()` for the package check's pool lookups.
    triggers=(b"redigo", b"net/http", b"Dial(", b".Get()"),
    tests_by_bytes=True,
    package_check=package_check,
    tags=("goroutine-leak", "timeout", "availability"),
    # noctx reports http.Get & co and Client.Get & co; gosec G112/G114 the servers (a
    # `#nosec G112` the literals, `#nosec G114` the serve functions: suppressions.py)
    peers=(("noctx", r"^[\w.]+\.(?:Get|Head|Post|PostForm) (?:uses|has) "), ("gosec", r"http\.Server without"),
           ("gosec:G112", r"^http\.Server without"), ("gosec:G114", r" runs an http\.Server without")),
    fix="unsafe",
    # matches:2: a factory's client, `var c = newClient()`, then `c.Do(req)`; callees: the
    # functions a client is handed to, which may only send through it (_only_used)
    outside=("matches:2", "callees", "callers", "names"),
    links=("bind_target", "bind_callee"),
    gathered=(4, 5, 6, 7, 8, 9),
)


def _run_as_program(node: Any, ctx: Context, commands: bool = False) -> bool:
    """Whether node belongs to a one-shot program (see cfg.one_shot_program), or runs
    once per run of its process (lifetime.runs_once: a CLI framework's command action, code
    only such actions call), or (commands: a request, which stalls where it is made)
    runs only in commands its user started: every path up to it, also from the module's
    other packages and through bounded loops (once per pod of a listing), starts at a
    command action and passes no `go` statement that its starter does not wait for
    (runs_once's commands view). A stall there is one the user watches and interrupts.
    Not for a client: the requests it makes may run at any time after (a daemon's
    `run` command makes a client once and polls through it forever)."""
    return one_shot_program(ctx.names, ctx.root, ctx.source) or \
        runs_once(node, ctx.names, ctx.root, ctx.source) or commands and \
        runs_once(node, ctx.names, ctx.root, ctx.source, programs=False, single=False, watched=True, commands=True)


def _once_confidence(node: Any, ctx: Context) -> Confidence | None:
    """LOW for a request of the default client that runs once per run of its process,
    outside a program that exits (_run_as_program) or a command action: set-up code that
    main, init or a command calls, also through the module's other packages, in a
    bounded loop (lifetime.function_once's wider view), outside loops of its own
    function. One stalled request there holds one goroutine, which a daemon shows as a
    start-up that does not finish and a command as a stall its user interrupts: nothing
    piles up, and whether the wait matters rests on what the code does not show. Not one
    in a goroutine (`go join(pool)` from main): a stall there is nobody's to see. Not in
    a program's own package (package main, or under `cmd`) that keeps running: a daemon,
    whose start-up nobody watches at a terminal."""
    if in_program(ctx.path or "", ctx.names.package):
        return None
    return Confidence.LOW if runs_once(node, ctx.names, ctx.root, ctx.source, programs=False, single=False,
                                       watched=True) else None
