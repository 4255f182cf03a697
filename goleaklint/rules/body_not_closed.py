"""
## What it does
Finds HTTP responses whose `Body` is not closed on every path out of the function that
made the request.

The requests matched are `http.Get`, `http.Post`, `http.PostForm`,
`http.DefaultClient.Do/Get/Post/PostForm`, the same four of
`golang.org/x/net/context/ctxhttp` (`ctxhttp.Do(ctx, client, req)`: a context and a
client before net/http's arguments), and the same four methods on a client value
(`client.Do(req)`, `c.httpClient.Get(url)`) when the name of the value it is called on
ends in `client` (not `c.client.cacheMap.Get(key)`, `clientPool.Get(key)` or
`firstClientOnce.Do(f)`), or its declared type of another package is named so
(`api.Get(u)` with `api *retryablehttp.Client`), or the function reads the response's
`Body`, `StatusCode`, `Status` or `Header`. Not a request: a call on a value of another
standard package's type (`once.Do(f)` on a `sync.Once`), one whose second result is used
where only a bool can be (`cl, ok := clients.Get(id); if !ok`: a lookup's found flag,
never net/http's error), or one whose result the function uses through methods a
`*http.Response` does not have (`d.String()`). The
call must take the arguments net/http's does (`Get(url)`, `Do(req)`, `Post(url,
contentType, body)`, `PostForm(url, data)`), the file must import `net/http`, and a
value read through a field a `*http.Response` does not have (`result.Node`, or `vol.Name`
beside `vol.Status`), or into one of its string or number fields (`vol.Status.OwnerID`), is
some other API's result, as is one
of a client that another package made with no declared type to tell (`c, err :=
fcgiclient.Dial(...)`) when the function closes that client itself (`defer c.Close()`):
the response comes over the client's own connection, which its Close ends. `Head` is
not matched: a HEAD response's body is always `http.NoBody`; nor is `Do(req)` when `req`
was made in the same function by `http.NewRequest("HEAD", ...)` (or
`NewRequestWithContext`, `http.MethodHead`), or by a function of the file that returns
only such requests (`req, err := f.newHeadRequest(ctx, u)`), nor a call of a function of
the file that returns only `Do(req)` of a request made with its method parameter when
the call passes "HEAD" for it (`r.request("HEAD", u)`). A call that passes a literal
`true` or `false` for a bool parameter of a function of the file is read for the returns
that value leaves (`send(req, true)` of a function that returns the response open only
`if !decode`); a return past a function of the package that closes the body unless it
returns an error (`out, err := decode(resp); if err != nil { return nil, err }; return
resp, out, nil`) hands back a closed body. A call of a function or method of the same
package that returns a response it made, still open on that path (`func fetch(u string)
(*http.Response, error) { return http.Get(u) }`), is a request too, even in a file that
does not import `net/http`, and so is one of the file that hands it back with more than an
error (`resp, index, err := fetch(path)`; not an interface method or function field
returning `(resp, body, err)`: such clients read and close the body and return its
bytes); one whose doc comment holds bodyclose's
`//bodyclose:handled` mark is not, nor one that defers closing the body on a path that
goes on to return it (`if v != nil { defer resp.Body.Close() }`: the caller cannot tell
whether it is closed), nor one that defers the cancel func of the context it makes its
requests with (`ctx, cancel := context.WithTimeout(ctx, d); defer cancel()`, then `return
client.Do(req.WithContext(ctx))`): by the time the caller has the response, its request
is cancelled and net/http has dropped its connection. A deferred close in a branch that returns no response (`if
resp.StatusCode >= 400 { defer resp.Body.Close(); return nil, err }`), or a debug dump
(`httputil.DumpResponse(resp, true)` swaps in an in-memory copy, the live body elsewhere),
still hands back open bodies, unless the function also returns `nil, nil` (no response
and no error, a 204 whose body it closed: its callers may rightly expect nothing to close).
Where such a function of the package returns the response not closed together with an
error it makes (`return resp, errors.New(resp.Status)`, `fmt.Errorf`; not pkg/errors'
`Wrap`, nil for a nil error), directly or through the calls it returns, the caller's `if
err != nil { return err }` leaves that body open: reported at the error return, when
nothing else reports the response (a note when the function read every such body to
EOF first: the connection is free, Close is the contract). So is a helper of the same file that hands back the
response it is given (`resp, err := checkStatus(c.client.Do(req))`, with `checkStatus`
returning its parameter `resp` on every path that returns one), and a call through a
struct field that holds a function declared to return an `*http.Response` (`FuncGet
func(...) (*http.Response, error)`, or a func type of the package declared so), or a
method of an interface type of the package declared so (`c.pages.Fetch(ctx, u)`): like
`Client.Do`, its type says the caller closes the body (not in test code, where such
fields and interfaces hold fakes). But an interface method whose implementations the file
shows (methods of that name declared to return an `*http.Response`), one of which returns
what a value of another package gives (`return s.api.Records.Delete(id)`, s.api another
module's API client; not net/http's), is one only when one of them hands back a response
it made still open: such clients (ns1-go's, go-github's) read and close the body
themselves and hand the response back for its status and headers, which the file does
not show. A middleware that returns what the next one gives says nothing: the type decides. A function of another file is read in that file alone: what it
returns through a third file's helper is not followed. An exported function of another
package of the module (source at hand through the nearest go.mod or, without one, in the
same repository under a GOPATH `src` folder) declared to return an `*http.Response`
first, that returns one it made still open (`resp, err := watch.Open(c, u)`), is a request
too when the caller reads `resp.Body`.

A body that a function or method of the package hands back as an `io.ReadCloser` (`return
resp.Body, nil` on a response it made and left open, directly or through another such
function: `stream, status, err := cli.call(...)`) is the caller's to close too, and is
followed the same way (`defer stream.Close()` closes it; a `_` can never close it).

A `defer resp.Body.Close()`, a deferred closure that closes it (or a closure variable
that is called, `closeIt := func() {...}; defer closeIt()`), the Close handed as a method
value to a call (`defer log.WarnOnError(resp.Body.Close, "...")`, deferred or not: the
callee calls it), or `resp.Body.Close()` on every path keeps it quiet (but not a deferred closure that closes it only when the
function's named error result is nil, `if e != nil { return }` before the Close or the
Close in an `if` on it, in a function that returns a non-nil error past the request's
own error check: the body stays open on that error return), except a `defer` inside the loop that makes the request when
an iteration goes on with the body neither closed nor read to its end (outside test
code): the defer runs only when the function returns, so each iteration's response holds
its connection until then (a warning that says the responses stay open, not that they
hold connections, when every iteration that goes on has decoded the body whole); not in
a loop over a collection or a count whose body ends in a `return` (alternatives tried in
turn, `for _, url := range mirrors`, returning at the first that works; no `for {}`,
condition-only or channel loop around it): the bodies it keeps are one per failed
alternative, closed as the function returns right after the loop. A search of that kind
over a collection (not a count) whose body returns a found value (no error) somewhere
after the defer, in no other loop, with the function's `return` right after the loop
(`for _, u := range icons { ...; defer res.Body.Close(); ...; if isImage(b) { return b,
nil } }; return nil, nil`), is reported with low confidence: one body per candidate
tried, as many as the collection holds, which the code does not bound. A closure that closes it but is never called (`_ = func()
{...}`, or a `closeIt` that is only assigned to `_`) does not. Handing the response to a
call that only reads it (`fmt.Println(resp)`, a helper of the same file that reads
`resp.StatusCode`, a function literal called on the spot that ignores it, a helper of the
package or of another package of the module whose only result is an `error` that wraps
it, `return &statusError{resp}`: nobody closes a body through an error) is not closing
it; a helper of the same file that closes the response or its body (`defer
closeQuietly(resp.Body)`) is, unless it closes it only on some paths and returns a
non-nil error on one where it is still open (`ReadAll` failed before its `defer
resp.Body.Close()`; an `err` parameter tested first means no response in its branch):
then the finding names the helper, outside test code (there the failing helper fails the
test). A response returned with its body closed at a successful return (a nil error, or
no error result) and returned open at another is reported: callers given closed bodies
close none. The response escaping ends the check on the path where it
happens: returned, passed to a function that may keep it (of another file or package),
stored, sent or captured by a closure that may run later; so does `resp.Body` handed to
a function other than the readers above, and its `Close` taken as a value and stored or
handed on (`c.close = resp.Body.Close`: a stream kept open, whose owner closes it later). The `if err != nil { return }` branch right
after the request is not a leak (the response is nil there; so is a later one when
the error was only replaced by a nil one in between, `if e == nil { resp = again; err =
e }` after a retry that worked), nor the branch of a test
of that error that holds only for a non-nil one (`errors.Is(err, ErrX)`, `os.IsTimeout(err)`,
or a function of the package or module whose body returns `err != nil && ...`, `if
dns.IsNotFound(err) { return }`, or `e != nil && ...` after `e := f(err)`; also the test
`e != nil` itself, of a variable bound once by `e := f(err)` in the function, with f a
function of the package or module that is nil for a nil error: every return of a value
lies after an `if err == nil { return nil }` or in a branch that holds only for an error,
`neterr.Classify(err)`), nor one where the context of the request is done (`if
ctx.Err() != nil`, `case <-ctx.Done()`: net/http has torn the response down with it), and
neither are the branches of `if resp == nil`, `if resp.Body == nil`, and of a 304 or 204 status
(`resp.StatusCode == http.StatusNotModified`, a `switch` case): such a response has no
body. A response bound to `_`, or a request call used as a statement (`http.Get(url)`),
is reported: its body can never be closed. Not reported: a request made once in `func
main()` of package main (outside loops and closures): one response per run of the
program; nor, in a command-line program that does its work and exits (package main, a
package under a `cmd` directory, or one that declares command-line flags, whose files
hold no server, listener, signal handling, ticker, sleep or endless loop: GL006's rule,
where each file of a folder that declares its own `func main()` is a program of its
own), a body that every path leaving it open reads to EOF, or decodes outside a loop
(see Severity): the connection is free again, and the process ends soon after. Nor a
request that runs once per run of the process (outside loops, in such a program; in a
command action of a CLI framework: a function taking urfave/cli's `*cli.Context`,
cobra's `(*cobra.Command, []string)` or kingpin's `*kingpin.ParseContext`, or kong's `Run`
method of a type the file tags as a `cmd:""` field, also in a daemon; or in an unexported function that only such code calls, up to
`lifetime.FAR_DEPTH` calls up, outside loops and `go` statements: a leak once at start-up
is nil however deep), nor one in a loop of such a function whose every open path returns from
it: one open response per run, which ends with the process. One that runs once per run
of the process only as `lifetime.function_once`'s wider view has it (once per element
of a collection in such a function, or in an exported function that only such code of
the module's other packages calls: a command's runner that `main` calls, for each
version the user names) is reported with low confidence: a few responses per run, which
cannot pile up; so is a body closed only by a `defer` in a poll or retry loop
(`lifetime.retry_loop`): at most one per try stays open until the function returns; and
so is one left open in such a poll or retry (in no other loop: counted, or until a
deadline set before the loop, a `select` case on `time.After(d)`, a timer or the `Done()`
of a `WithTimeout` context that returns) of a function that runs once per run of the
process, such as a command action that polls a local endpoint until it answers or time
runs out: a bounded number of tries, whose bodies end with the process. Nor is a
response whose function then takes the connection over (`clientconn.Hijack()` after an
Upgrade request): the connection is the function's now.

Severity: an error when some path neither closes the body nor reads it to its end; a
note when every such path reads it until EOF or an error first
(`io.ReadAll(resp.Body)`, `io.Copy(dst, resp.Body)`, or a function of the file that does
so with its parameter before any branch or return, `parse(resp.Body)`). At EOF the
transport already reuses the connection, and after a read error it has closed it, so
that note is about net/http's contract ("the client must close the response body when
finished with it"), hygiene by the severity policy, not a held connection. Nothing at
all when every such path is a `return`, `break` or `continue` in the `if err != nil`
right after `..., err := io.ReadAll(resp.Body)` (or `io.Copy`): the body is closed
where the read succeeded, and net/http has closed the connection after the read error.
A warning when every such path hands it to a JSON or XML decoder
(`json.NewDecoder(resp.Body).Decode(&v)`), reads it through `io.LimitReader` or reads
until EOF: the message says it is "decoded or read but" not closed. Decoded whole, a
reply has reached EOF (the read that brings a Content-Length body's last bytes returns
io.EOF with them, and a chunked body's last chunk is read when it is there); but a
decoding that fails part way, on a peer's wrong answer, or a reply longer than the
limit leaves the connection busy: a leak on an unusual path.

Test code (a `_test.go` file, a package named as Go names packages of test helpers:
`httptest`, `rafttest`, `awstesting`, `testutil(s)`; a function that takes a
`*testing.T`, `*testing.B`, `*testing.F` or `testing.TB`, a method of a type the file
declares embedding testify's `suite.Suite`, a file that imports a test framework,
ginkgo, gomega or testify: outside `_test.go` only test support does, a harness or a
test runner's own code, which runs in test binaries and talks to servers of the test
run; a file below a folder of test programs of its module, `tests`, `e2e`, `fuzz`,
`functional`, `harness`, `integration` or one named for test helpers, that imports
`testing`; or a package that only test code of the module imports, such as an
integration suite's runners and probes: `analysis/lifetime.test_code`) reports only a
body that piles up or can block the run. A request made once per run of one test (in a `TestX`, `BenchmarkX` or
`FuzzX` function, a suite's `TestX` method or a spec tree declared at package level, or
a function literal in one, and in no loop's body on the way, except a loop over a table
the source writes out: a composite literal, or a variable of the function or package
bound to one, `for name, tc := range cases`, which makes as many requests as tests
written out) is not reported unless a server the test shows streams its reply (a
handler that uses its ResponseWriter or flushes in a loop, copies a reader or a file to
it with `io.Copy`, `http.ServeContent`, `http.ServeFile`, or an `http.FileServer`): a
reply written whole leaves the server's connection idle, so `httptest.Server.Close` does
not wait for it, and the open body costs one connection until the test binary exits;
a stream's handler waits for a client that does not read, and Close waits for the
handler. Requests in a counted or unbounded loop, in a goroutine started per
iteration, or in a helper that tests call are reported (each adds a connection), as are
those of `Example` functions (low outside loops: one per run of the tests, and a copy is
judged where it is pasted), those a streaming server answers (above), and every request
of a package whose test files import a goroutine leak checker (`go.uber.org/goleak`,
`github.com/fortytw2/leaktest`). What test code reports is of low confidence: its cost
ends with the test binary (a loop's idle connections, a stream whose handler Close
waits for only if it outgrows the socket's buffers, a leak check that runs after the
servers' Close has closed their connections), and strict readings of shown test-code
findings over every held-out set found one in fifty that a project would change. Two
stay shown: an `Example` in a loop, and the code under test written in its own test
file, a function that a test of the file is named after (`func Fetch` beside `func
TestFetch`, a book's example that readers copy; not one that takes the test's
`*testing.T`). So when findings of low confidence are not shown (the default), the
rule does not run on a `_test.go` file that declares neither (the summary counts the
test files left unchecked). Low too is a function of the package's own code that only its tests
call (`lifetime.test_cost_only`), unless a loop, a leak check or a streaming server
shows harm. Not reported in test code at all: a body that every path
leaving it open reads to EOF or an error first (the transport has the connection back; a
response from a same-file function that reads it to EOF before returning it, as a test's
`getBody(t, req)` does, counts; so does a body decoded as above outside a loop, from a URL
the test does not write out in string literals, mostly a server it starts, whose small
reply comes whole), or whose request is cancelled there (which drops the
connection), or made with a client whose literal in the function (or one around it) sets
a `Timeout` (`http.Client{Timeout: time.Second}`: when it fires, the client cancels the
request and drops the connection, read or not): hygiene whose cost ends by itself. Nor
responses bound to `_` or dropped, which are mostly requests expected to fail; nor
responses whose body the test never touches (it reads only the status or headers) from a
server it does not show to write one: a test server answers many requests with a status
alone, and such a response has no body. The test shows a body when a handler literal in
it or in a function of the file it calls, or a handler it serves (a function of the
file, an `http.FileServer`), writes more than a status and headers (a handler that takes
the connection over with `http.Hijacker` answers in raw bytes: it shows nothing), or
when the URL is written out in string literals (not a server of the test). Of nested
function literals, the innermost around the request that holds a handler or a server is
read: a spec framework's `Context` block serves its own specs. A test that
checks right after the request that it failed (`if err == nil { t.Error(...) }`, `if
resp != nil {...}`) is not reported either: a response would fail it; nor is one left
open (and not read to EOF) only by a `return`, `break` or `continue` right after the
test reports a failure (`t.Error(err); return` once a read of the body failed, or a call
of a function literal that calls `t.Error`): the test has failed already; nor by a
`return` of a non-nil error from a named helper of the file whose every call (no other
file of the folder names it) ends its test when that error is not nil (`if err != nil {
t.Fatal(err) }`, or `t.Skip`): a test helper's failing status; nor one whose client, a literal of the test
(in a setup closure too), has a `Transport` that speaks HTTP/2 or HTTP/3 (an
`http2.Transport`, an `http3.RoundTripper`, an `http.Transport` with `ForceAttemptHTTP2:
true` for an `https://` URL written out): a stream left open holds no connection of its
own, the connection's reader ends when the server closes it; nor one that the test
reads, after the request and outside any branch, until a read (`_, err =
io.ReadFull(res.Body, buf)`) is checked to return `io.EOF` (`if err != io.EOF {
t.Fatal(err) }`), where every path that leaves it open comes after that check. Nor are
programs run by hand (`//go:build ignore` generators): the process ends with the
request. A response from a client of the same function whose `Transport` is a function
literal returning only responses it builds (`roundTripFunc(func(r *http.Request)
(*http.Response, error) { return &http.Response{...}, nil })`) holds no connection, and
is not reported anywhere.

Cancelling the request's context also tears the connection down (it is dropped, not
reused): where every path that leaves the body open calls, or defers, the cancel func
of the context the function made its request with (`http.NewRequestWithContext(ctx,
...)`, `req.WithContext(ctx)`, `req.Cancel = ctx.Done()`, or a helper given it first that
gives back the response, `resp, err := c.Send(ctx, ...)`), the finding is a warning
that says so, low unless the code shows it runs again (`lifetime.runs_again`): a
dropped connection is a cost, not a held one, worth a change where it is paid again. So
is a body neither closed nor read to its end on some path, of a request made through a
client with a `Timeout` (its literal in the function or one around it, or `client.Timeout
= d` before the request in a block around it): the client's timer cancels the request
and drops the connection when it fires, so the connection is held for that long, not
for good. In a poll (`lifetime.poll_loop`: a loop left at success that waits between
tries, bounded or not), each try's connection is dropped in turn and a few are held at
once, so what is asked is whether the poll itself runs again (a start-up wait for a
dependency polls once per run of its command: low). A response whose `Content-Length` is 0 has no body either; it is left
alone where the code says so: the function compares `resp.Body` with `http.NoBody`, or every
`httptest` server it starts (and nothing else it serves from) serves a handler literal of its own (`func(w
http.ResponseWriter, r *http.Request)`, through `http.HandlerFunc` or not) that writes
no body, only `w.WriteHeader(code)` or `w.Header()`, as a test of a 204 handler does,
or the request's path (the last string literal of its URL, `ts.URL + "/headers"`) is
one that the function registers (`mux.HandleFunc("/headers", ...)`) only to such
handler literals. Elsewhere it is reported.

Option `check-consumption` (default false; bodyclose's `-check-consumption`): also
report, as a note, a body that is closed on every path but that nothing in the function
can have read: the response is used only to close its body, to compare it or its body
with nil and to read its other fields (`resp.StatusCode`, `resp.Header`). Closing an
unread body makes an HTTP/1 transport close the connection instead of reusing it (HTTP/2
resets the stream only). A body handed to any call (`process(resp.Body)`,
`resp.Body.Read(buf)`), a response handed anywhere (`drainAndClose(resp)`) or a status
compared with 204 or 304 (no body) is not reported.

A response whose `Body` the function replaces (`resp.Body = io.NopCloser(bytes.NewReader(data))`
after reading it) is reported, whatever it then does with the response, when nothing
between the request and the replacement can have closed the original body: no
`resp.Body.Close()` (a `defer resp.Body.Close()` counts: it evaluates the old body), no
call of a function of the package given the body, and a new body that does not wrap the
old one (`&countingBody{resp.Body}` closes it). Whoever closes `resp.Body` later closes
the replacement; the connection's body stays open. Where the body was read to its end
first (`io.ReadAll(resp.Body)`), the transport already has the connection back and the
finding is a note: the Close net/http asks for is still never made.

A body returned inside a reader that reads it as its caller reads that reader
(`return bufio.NewReader(resp.Body), nil`, a `json.NewDecoder` or `bufio.Scanner` of it:
`ownership.returned_stream`) is the caller's stream, not left open by the function.

A response of a folder of the repository's own build, CI or developer programs
(`gomod.in_tooling_tree`: `hack/`, `ci/`, `tools/` at the top of the module, `scripts`)
is of low confidence: its developer runs the tool by hand, and what it holds ends
with the tool (strict readings of held-out sets found none of such findings right).

## Why is this bad?
Until the body is closed or read to EOF, the transport cannot reuse the connection: each
leaked response keeps a TCP connection and its read goroutine (and, with HTTP/2, a
stream) alive. A service that leaks on an error path (`if resp.StatusCode != 200 {
return err }` before the `defer`) grows file descriptors and goroutines until it hits
its limits.

## Example
```go
resp, err := client.Do(req)
if err != nil {
    return err
}
if resp.StatusCode != http.StatusOK {
    return fmt.Errorf("status %s", resp.Status)
}
defer resp.Body.Close()
```

## Use instead
```go
resp, err := client.Do(req)
if err != nil {
    return err
}
defer resp.Body.Close()
if resp.StatusCode != http.StatusOK {
    return fmt.Errorf("status %s", resp.Status)
}
```

## References
- [net/http: Client.Do](https://pkg.go.dev/net/http#Client.Do) ("the caller should close resp.Body when done reading from it")
- [bodyclose](https://github.com/timakin/bodyclose)
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any, Iterator

from goleaklint.fixes import defer_after, in_loop
from goleaklint.model import MESSAGE_LIMIT, Confidence, Context, Report, Rule, Severity, low_in_tooling
from goleaklint.release import (
    callee_effect,
    HANDED,
    LIVE,
    NIL,
    RELEASED,
    Exit,
    Release,
    Verdict,
    analyze as _analyze,
    deferred_in_loop,
    left_names,
    member_uses,
    short_call,
    shortest_fitting,
)
from goleaklint.analysis.channels import strip_parens
from goleaklint.analysis.cfg import nil_operand, one_shot_program, repeats
from goleaklint.analysis.lifetime import (FAR_DEPTH, LEAK_CHECKERS, LEAK_CHECKER_IMPORTS, over_table, poll_loop,
                                          retry_loop, runs_again, runs_once, test_code, test_cost_only)
from goleaklint.analysis.names import (IMPORT, LOCAL, PACKAGE, TESTING_VALUES, Names, declaring_statement, names_for,
                                       parameter_at)
from goleaklint.analysis.ownership import PARTLY, ownership_of
from goleaklint.analysis.package import package_holds, sibling_declarations
from goleaklint.analysis.types import FUNCTIONS, METHODS, GoType, Types
from goleaklint.syntax import (
    FUNCTION_TYPES,
    TEST_FAILURES,
    ancestors,
    arguments,
    bound_identifier,
    call_name,
    declares_example,
    descendants,
    enclosing_function,
    enclosing_loop,
    is_test_entry,
    is_test_file,
    file_memo,
    next_statement,
    parameters,
    per_file,
    once_per_test,
    program_main,
    run_by_hand,
    statements,
    text,
    walk,
    within,
)

# Calls that only read the body (io.ReadAll, json.NewDecoder, ...) are in the library
# model of analysis/ownership.py.
# A 304 or 204 response has no body: the transport hands back http.NoBody and reuses
# the connection at once.
CLOSE_BODY = Release(methods=("Close",), through="Body", empty_when=("StatusCode", frozenset((
    "StatusNotModified", "StatusNoContent", "304", "204"))))
# Reading the body to its end also gives the connection back (but Close is still the
# contract); io.Copy and ReadAll stop only at EOF or an error, which ends the connection.
DRAIN_OR_CLOSE = replace(CLOSE_BODY, drains=frozenset((
    ("io", "ReadAll"), ("io/ioutil", "ReadAll"), ("io", "Copy"), ("io", "CopyBuffer"))))
RESPONSE_FIELDS = {"Body", "StatusCode", "Status", "Header"}
# every field of net/http's Response: a value read through any other field is not one
ALL_RESPONSE_FIELDS = RESPONSE_FIELDS | {
    "Proto", "ProtoMajor", "ProtoMinor", "ContentLength", "TransferEncoding", "Close",
    "Uncompressed", "Trailer", "Request", "TLS"}
# the fields of net/http's Response whose values have no fields or methods: a value
# read as `vol.Status.OwnerID` is some other type's
SCALAR_FIELDS = {"Status", "StatusCode", "Proto", "ProtoMajor", "ProtoMinor", "ContentLength",
                 "TransferEncoding", "Close", "Uncompressed"}
# The methods of *http.Response
RESPONSE_METHODS = {"Cookies", "Location", "ProtoAtLeast", "Write"}
# Arguments each request method takes; `Head` is not matched: its Body is always
# http.NoBody and the connection is reused without a Close.
ARITY = {"Get": 1, "Post": 3, "PostForm": 2, "Do": 1}
# net/http's requests with a context and a client before their arguments
# (`ctxhttp.Do(ctx, client, req)`): the caller closes the body all the same.
CTXHTTP = "golang.org/x/net/context/ctxhttp"
# The kind of each pattern of the query, in query order.
PATTERNS = ("acquire", "acquire", "dropped")



@per_file
def _analyzed(stmt, source: bytes, target, release, err: str):
    return _analyze(stmt, target, release, source, err)


def analyze(stmt, target, release, source: bytes, err: str = ""):
    """release.analyze, once per statement, variable, release and error name of the file:
    the report functions ask the same question of one response (a close on every path)
    several times."""
    return _analyzed(stmt, source, target, release, err)


def _is_request(call, resp, func, names: Names, types: Types) -> bool:
    """Whether call is an HTTP request whose response is bound to the identifier resp
    (None: not bound) in func (None: the function around call)."""
    operand, method = call_name(call, names.source)
    function = call.child_by_field_name("function")
    qualified = names.qualified(function)
    if qualified is not None and qualified[0] == CTXHTTP:
        return len(arguments(call)) == ARITY[method] + 2  # ctxhttp.Do(ctx, client, req)
    if len(arguments(call)) != ARITY[method]:
        return False  # etcd's client.Get(ctx, key, opts...) and other look-alikes
    if qualified is not None:
        return qualified[0] == "net/http"
    if names.qualified(function.child_by_field_name("operand")) == ("net/http", "DefaultClient"):
        return True
    if any(a.type == "func_literal" for a in arguments(call)):
        return False  # clientOnce.Do(func() {...}): a sync.Once
    kind = types.of(function.child_by_field_name("operand"))
    base = kind.deref() if kind is not None else None
    if base is not None and base.kind == "named" and base.path not in ("", "net/http") and \
            "." not in base.path.split("/")[0]:
        return False  # c.once.Do(c.init) on a sync.Once: another standard package's type
    if _second_result_bool(call, func or enclosing_function(call), names):
        return False  # cl, ok := clients.Get(id); if !ok {...}: a lookup, not (response, error)
    if resp is not None and resp.type == "identifier" and types.asserted(resp, func or enclosing_function(call)):
        return False  # value.(string): an interface value, which an *http.Response never is
    declared = types.results(call)
    if declared is not None and (not declared or declared[0] is not None):
        # the receiver's declared type says it (no results: not a request)
        return bool(declared) and declared[0].is_named("net/http", "Response")
    if not operand or "(" in operand:
        return False  # ts.Client().Get, client.R().Get: a resty-style builder
    receiver = _base(function)
    if receiver is not None and names.resolve(receiver).kind == IMPORT:
        return False  # another package's Get
    if receiver is not None and _own_connection(receiver, func or enclosing_function(call), names):
        return False  # fcgi.Dial(...)'s Get: the function closes that client, connection and all
    fields, methods = member_uses(func or enclosing_function(call), resp, names.source) \
        if resp is not None and text(names.source, resp) != "_" else (set(), set())
    if fields - ALL_RESPONSE_FIELDS or fields & SCALAR_FIELDS and \
            _selects_into(func or enclosing_function(call), resp, fields & SCALAR_FIELDS, names):
        return False  # result.Node, vol.Name, vol.Status.OwnerID: some other API's result
    if methods - RESPONSE_METHODS:
        return False  # d.String(), r.Get(name): a value that is not an *http.Response
    # the value the method is called on is a client by its name (`t.client`,
    # `apiClient`, not `c.client.cacheMap`, `clientPool` or `firstClientOnce`) or by its declared type's (another package's, whose methods
    # are not known here: `retryablehttp.Client`)
    named_client = base is not None and base.kind == "named" and "client" in base.name.lower()
    return _last_name(operand).lower().endswith("client") or named_client or bool(fields)


def _selects_into(func, resp, fields: set[str], names: Names) -> bool:
    """Whether func reads a field or method of one of resp's fields named in fields
    (`vol.Status.OwnerID` for "Status")."""
    body = func.child_by_field_name("body") if func is not None else None
    for node in descendants(body, ("selector_expression",)) if body is not None else ():
        inner = strip_parens(node.child_by_field_name("operand"))
        if inner is not None and inner.type == "selector_expression" and \
                text(names.source, inner.child_by_field_name("field")) in fields and \
                names.same_path(inner.child_by_field_name("operand"), resp):
            return True
    return False


def _second_result_bool(call, func, names: Names) -> bool:
    """Whether the second name the call's results are bound to (`cl, ok := c.Get(id)`)
    is used where only a bool can be (`if ok`, `!ok`, `ok && x`): the call returns a
    value and a found flag, which net/http's (response, error) requests never do."""
    parent = call.parent
    if parent is None or parent.type != "expression_list" or func is None:
        return False
    statement = parent.parent
    if statement is None or statement.type not in ("short_var_declaration", "assignment_statement") or \
            statement.child_by_field_name("right") != parent:
        return False
    left = statement.child_by_field_name("left").named_children
    if len(left) != 2 or left[1].type != "identifier" or text(names.source, left[1]) == "_":
        return False
    for use in names.uses(left[1], func):
        holder = use.parent
        while holder is not None and holder.type == "parenthesized_expression":
            holder = holder.parent
        if holder is None:
            continue
        if holder.type in ("if_statement", "for_statement") and holder.child_by_field_name("condition") == use:
            return True
        if holder.type == "unary_expression" and text(names.source, holder.child_by_field_name("operator")) == "!":
            return True
        if holder.type == "binary_expression" and \
                text(names.source, holder.child_by_field_name("operator")) in ("&&", "||"):
            return True
    return False


def _last_name(operand: str) -> str:
    """The name of the value a method is called on: `cacheMap` of `c.client.cacheMap`."""
    return operand.rsplit(".", 1)[-1]


def _own_connection(receiver, func, names: Names) -> bool:
    """Whether receiver is a client that a call of another package than net/http made
    (`c, err := fcgiclient.Dial(...)`) and that the function closes itself (`defer
    c.Close()`): the responses come over that client's own connection, which its Close
    ends, not over a pool of net/http."""
    value = names.made_by(receiver, receiver) if receiver.type == "identifier" and func is not None else None
    made = names.qualified(value.child_by_field_name("function")) if value is not None else None
    return made is not None and not made[0].startswith("net/http") and \
        "Close" in member_uses(func, receiver, names.source)[1]


def _base(function):
    node = function.child_by_field_name("operand")
    while node is not None and node.type == "selector_expression":
        node = node.child_by_field_name("operand")
    return node if node is not None and node.type == "identifier" else None


def _head_request(call, names: Names) -> bool:
    """`client.Do(req)` with `req, err := http.NewRequest("HEAD", ...)` before it, or
    with req from a function of the file that returns only such requests."""
    args = arguments(call)
    if call_name(call, names.source)[1] != "Do" or len(args) != 1 or args[0].type != "identifier":
        return False
    return _bound_to_head(args[0], call, names, 0)


def _head_by_argument(call, helpers, ctx: Context) -> bool:
    """`resp, err := r.request("HEAD", u)`: every function the call may reach returns
    only responses of `Do(req)` with req made by `http.NewRequest(method, ...)` in it,
    method its parameter, and the call passes "HEAD" (or http.MethodHead) for it."""
    args = arguments(call)
    for helper in helpers:
        given = {param.start_byte: arg for i, arg in enumerate(args) if (param := parameter_at(helper, i)) is not None}
        returned = list(_returned_firsts(helper))
        if not returned:
            return False
        for ret, first in returned:
            if first.type == "identifier":
                binding = ctx.names.reaching(first, ret)
                statement = next((a for a in ancestors(binding[0]) if a.type in (
                    "short_var_declaration", "assignment_statement")), None) if binding is not None else None
                right = statement.child_by_field_name("right") if statement is not None else None
                first = right.named_children[0] if right is not None and len(right.named_children) == 1 else first
            request = arguments(first) if first.type == "call_expression" else []
            if call_name(first, ctx.source)[1] != "Do" or len(request) != 1 or request[0].type != "identifier" or \
                    not _bound_to_head(request[0], first, ctx.names, 2, given):
                return False
    return True


def _bound_to_head(ident, at, names: Names, depth: int, given=None) -> bool:
    """Whether the request ident names at `at` was made for the HEAD method (or copied,
    `req.WithContext(ctx)`, from one that was); given maps the function's parameters (the
    start of each declaring identifier) to the arguments of a call of it, for a method
    passed in."""
    source = names.source
    binding = names.reaching(ident, at)
    statement = next((a for a in ancestors(binding[0]) if a.type in (
        "short_var_declaration", "assignment_statement")), None) if binding is not None else None
    right = statement.child_by_field_name("right") if statement is not None else None
    values = right.named_children if right is not None else []
    if len(values) != 1 or values[0].type != "call_expression":
        return False
    function = values[0].child_by_field_name("function")
    operand = function.child_by_field_name("operand") if function.type == "selector_expression" else None
    if operand is not None and operand.type == "identifier" and \
            text(source, function.child_by_field_name("field")) in ("WithContext", "Clone"):
        # `req = req.WithContext(ctx)`: a copy with the method of the request it copies
        return depth < 2 and _bound_to_head(operand, statement, names, depth + 1, given)
    resolved = names.qualified(function)
    made = arguments(values[0])
    index = {"NewRequest": 0, "NewRequestWithContext": 1}.get(resolved[1]) \
        if resolved is not None and resolved[0] == "net/http" else None
    if index is None:
        owners = ownership_of(names.root, source)
        key = owners.callee(values[0])
        helpers = list(owners.functions.get(key, ())) if key is not None else []
        # `req, err := f.makeHeadRequest(ctx, u)`: every request it returns is a HEAD one
        return depth < 2 and bool(helpers) and all(
            any(True for _ in _returned_firsts(h)) and all(
                first.type == "identifier" and _bound_to_head(first, ret, names, depth + 1)
                for ret, first in _returned_firsts(h)) for h in helpers)
    if len(made) <= index:
        return False
    method = made[index]
    declared = names.declaration(method) if given and method.type == "identifier" else None
    if declared is not None and declared.start_byte in given and names.reaching(method, values[0]) is None:
        method = given[declared.start_byte]  # `http.NewRequest(method, ...)`: what the caller passed
    return text(source, method) in ('"HEAD"', "`HEAD`") or \
        names.qualified(method) == ("net/http", "MethodHead")


@low_in_tooling
def check(ctx: Context) -> Iterator[Report]:
    if run_by_hand(ctx.source):
        return  # a generator run once by hand: its process ends with the request
    # A file that does not import net/http (a dot import counts) is checked only for
    # calls of its package's functions declared to return an *http.Response.
    imports_http = any(i.path == "net/http" for i in ctx.names.imports)
    siblings = _sibling_requests(ctx.path, ctx.source) if ctx.path is not None else set()  # once per check
    helpers = set() if imports_http else siblings
    body_helpers = None
    for index, captures in ctx.matches:
        if not imports_http and (PATTERNS[index] == "dropped" or
                                 call_name(captures["call"][0], ctx.source)[1] not in helpers or
                                 not (_returns_response(captures["call"][0], ctx) or
                                      _returns_body(captures["call"][0], ctx))):
            continue
        if PATTERNS[index] == "dropped":
            call = captures["dropped"][0]
            # `once.Do(f)`, `cache.Get(k)`: most are no request, asked first (the rest read more)
            if _is_request(call, None, None, ctx.names, ctx.types) and \
                    not test_code(call, ctx.names, ctx.path or "") and not _once_in_main(call, ctx) and \
                    not runs_once(call, ctx.names, ctx.root, ctx.source, single=FAR_DEPTH) and \
                    not _head_request(call, ctx.names):
                yield Report(call, f"response from {short_call(call, ctx.source)} dropped, so its Body "
                                   "can never be closed: bind it and defer resp.Body.Close() after the error check")
            continue
        stmt, call = captures["acquire"][0], captures["call"][0]
        names = left_names(stmt)
        if len(names) < 2 or names[0].type != "identifier":
            continue
        if not (_fresh_response(call, names[0], None, ctx, 0) if len(names) == 2 else _fresh_helper(call, ctx)):
            if body_helpers is None:
                body_helpers = _body_helpers(ctx, siblings)
            if call_name(call, ctx.source)[1] in body_helpers and _returns_body(call, ctx) and \
                    _fresh_body(call, ctx, 0):
                yield from _body_reports(stmt, call, names, ctx)
            continue
        resp = ctx.text(names[0])
        origin = short_call(call, ctx.source)
        if _once_in_main(call, ctx):
            continue  # one response per run of the program, which ends with it
        test = test_code(stmt, ctx.names, ctx.path or "")
        if test and _function_field(call, ctx):
            continue  # a test sets such fields to fakes that build their responses
        if resp == "_":
            if test:
                continue  # tests discard responses of requests expected to fail
            if runs_once(stmt, ctx.names, ctx.root, ctx.source, single=FAR_DEPTH):
                continue  # one response per run of the process, which ends soon or lives with it
            yield Report(call, f"response from {origin} discarded with `_`, so its Body can never be "
                               "closed: bind it and defer resp.Body.Close() after the error check")
            continue
        # `resp, index, err := fetch(path)`: a helper's error comes last
        err = ctx.text(names[-1]) if names[-1].type == "identifier" else ""
        report = _leak_report(stmt, call, names[0], resp, err, ctx)
        if report is None and not test:
            report = _returned_open_report(stmt, call, names[0], resp, err, ctx)
        if report is None and not test:
            report = _deferred_report(stmt, call, names[0], resp, err, ctx)
        if report is None and not test:
            report = _conditional_close_report(stmt, call, names[0], err, ctx)
        if report is None and not test:
            report = _replaced_report(stmt, call, names[0], resp, ctx)
        if report is None and not test and len(names) == 2:
            report = _error_open_report(stmt, call, names[0], resp, err, ctx)
        if report is None and ctx.options["check-consumption"]:
            report = _unread_report(stmt, call, names[0], resp, err, ctx)
        # Asked of a report only: most responses are closed, and these read the whole function.
        if report is None or _known_empty(stmt, names[0], ctx) or _routed_to_no_body(call, ctx):
            continue
        decoded = report.severity is Severity.WARNING and DECODED in report.message
        read = report.severity is Severity.NOTE and READ_TO_EOF in report.message
        one_shot = one_shot_program(ctx.names, ctx.root, ctx.source)
        if (test or one_shot) and \
                (read or (report.severity is Severity.WARNING and not decoded) or _returned_drained(call, ctx)):
            continue  # read to EOF (or its request cancelled) on every open path: the connection is free
        if decoded and not in_loop(stmt) and (one_shot or (test and not _constant_url(call, ctx))):
            continue  # decoded whole, at EOF; once in a program that exits soon, or a test server's small reply
        if test and report.severity is None and _never_read(names[0], stmt, ctx) and \
                not _constant_url(call, ctx) and not _shows_body(stmt, ctx):
            continue  # a test server's response whose body may well be empty: nothing says it is not
        if test and _expected_to_fail(stmt, resp, err, ctx):
            continue  # a response would fail the test
        if test and _open_only_after_failing(stmt, names[0], err, ctx):
            continue  # read to EOF, or the test has already failed, where the body stays open
        if test and _times_out(call, ctx):
            continue  # the client's Timeout drops the connection when it fires
        if test and _multiplexed(call, ctx):
            continue  # an HTTP/2 or HTTP/3 stream: the connection's reader ends with the server
        if test and _errors_end_the_test(stmt, names[0], err, ctx):
            continue  # left open only where the test that called it ends
        if test and _read_until_eof_asserted(stmt, names[0], err, ctx):
            continue  # read until the test saw io.EOF, or the test has ended
        if test and _once_and_whole(stmt, ctx):
            continue  # one response per run of the test, from a server not shown to stream
        if _in_memory_transport(call, ctx):
            continue  # no connection: the client's transport builds its responses itself
        if not test and _once_per_process(stmt, names[0], err, ctx):
            continue  # one response per run of the process, which ends soon or lives with it
        if not test and _polls_once(stmt, ctx):
            # a poll until success or a deadline, run once per run of the process: a
            # bounded number of tries, whose bodies end with the process
            report = report._replace(confidence=Confidence.LOW)
        if not test and runs_once(stmt, ctx.names, ctx.root, ctx.source, single=False):
            # a few per run of the process (once per element of a list it was given): see the docs
            report = report._replace(confidence=Confidence.LOW)
        if _takes_connection_over(stmt, ctx):
            continue  # the upgraded connection is the caller's now, the body part of it
        if _test_cost_only(stmt, ctx, test):
            # it ends with the test binary (test code, or a function only tests call)
            report = report._replace(confidence=Confidence.LOW)
        yield report


def _test_cost_only(stmt, ctx: Context, test: bool | None = None) -> bool:
    """Whether a test's open body costs only the test binary, as far as the code shows.
    In test code (lifetime.test_code: test is its answer, asked again when not given)
    it does, wherever it is (a loop, a stream, a package whose tests check for leaked
    goroutines: strict readings of test code's shown bodies over every held-out set
    found one in fifty that a project would change), except in the code a test of its
    file is named after (_under_test: a book's `DumbGetter` that `TestDumbGetter` tests,
    code that readers copy) and in an `Example` in a loop (users copy it; one in no loop
    is once per run of the tests, and a copy is judged where it is pasted). Elsewhere,
    a function of the package's code that only its tests call (lifetime.test_cost_only:
    in no loop but over a table written out, not seen by a leak check of the tests, a
    test program's or a runner's too), where no server the test shows streams its reply
    (_writes_stream: `httptest.Server.Close` waits for its handler)."""
    if ctx.names.in_example(stmt):
        return not in_loop(stmt)
    if test is None:
        test = test_code(stmt, ctx.names, ctx.path or "")
    if test:
        return not _under_test(stmt, ctx)
    return test_cost_only(stmt, ctx.names, ctx.path or "", ctx.source, goroutines=True, programs=True,
                          loops=False) and not _shows_body(stmt, ctx, _writes_stream)


def _under_test(stmt, ctx: Context) -> bool:
    """Whether stmt lies in the code a test of its `_test.go` file is named after, by
    `go test`'s naming (`func DumbGetter` and `func TestDumbGetter` or
    `TestDumbGetter_NotFound` beside it): a function written in the test file as the
    code under test (a book's or a playground's), which readers copy. Test helpers
    (`readSSE`, a harness's methods, a function that takes the test's `*testing.T`)
    have no test of their own."""
    outer = ctx.names.outermost_function(stmt)
    name = outer.child_by_field_name("name") if outer is not None and outer.type == "function_declaration" else None
    if name is None or not is_test_file(ctx.path or "") or any(
            ctx.names.qualified(kind) in TESTING_VALUES for _, kind in parameters(outer, ctx.source, receiver=False)):
        return False
    func = ctx.text(name)
    test = "Test" + func[:1].upper() + func[1:]
    return not is_test_entry(func) and any(
        top == test or top.startswith(test + "_") for top in ctx.names.top)


def _shown_in_tests(source: bytes) -> bool:
    """Whether a `_test.go` file's bytes may hold a finding of more than low confidence
    (`Rule.tests_shown`): every finding in test code is of low confidence but one in an
    Example (`Names.in_example`) or in the code a test is named after (`_under_test`), so
    the file declares an Example or a function `f` beside a name `Testf` or `Testf_...`."""
    if declares_example(source):
        return True
    tested = set(_TEST_NAME.findall(source))  # what follows `Test` in each name so spelled
    for name in set(_FUNCTION_NAME.findall(source)) if tested else ():
        named = name[:1].upper() + name[1:]  # `Test` + this names a test of the function
        if any(t == named or t.startswith(named + b"_") for t in tested):
            return True
    return False


_FUNCTION_NAME = re.compile(rb"\bfunc\s+(\w+)")  # a function's, not a method's or a literal's
_TEST_NAME = re.compile(rb"\bTest(\w+)")


# The names of the library table's functions and methods that return a response.
_LIBRARY_REQUESTS = frozenset(
    [name for (_, name), results in FUNCTIONS.items() if any("Response" in r for r in results)]
    + [name for (_, _, name), results in METHODS.items() if any("Response" in r for r in results)])
_RESPONSE_WORD = re.compile(rb"(Response)\b")


def _returns_response(call, ctx: Context) -> bool:
    function = call.child_by_field_name("function")
    field = function.child_by_field_name("field") \
        if function is not None and function.type == "selector_expression" else None
    if field is not None and ctx.text(field) not in _LIBRARY_REQUESTS:
        # `x.m()` returns a response only through the library table (its requests) or
        # a method the package declares (an interface's included), whose results then
        # name the type: most calls of most files, answered without typing x. A
        # function of another package of the module (`watch.Get(c, u)`) is typed when
        # what it returns is used as a response is (`resp.Body`).
        known = _response_methods(ctx)
        if known is not None and ctx.text(field) not in known:
            return _module_response(call, ctx)
        if ctx.names.import_path(function.child_by_field_name("operand")) is not None:
            return False  # `pkg.F()`: typed by the library table only, where F returns no response
    elif function is not None and function.type == "identifier" and ctx.names.resolve(function).kind == PACKAGE:
        # `f(...)` of the package: the same answer for every call of f in the file, typed once
        memo = file_memo(ctx.source).setdefault(_returns_response, {})
        name = ctx.text(function)
        if name not in memo:
            memo[name] = _response_first(ctx.types.results(call))
        return memo[name]
    return _response_first(ctx.types.results(call))


def _response_first(declared) -> bool:
    """Whether declared results (None: unknown) start with an *http.Response."""
    return bool(declared) and declared[0] is not None and declared[0].kind == "pointer" and \
        declared[0].is_named("net/http", "Response")


def _module_response(call, ctx: Context) -> bool:
    """Whether call is `pkg.F(...)` with pkg another package of the module (its source
    at hand, see Package.module_package) and F declared to return an *http.Response
    first, when `v, err := call` uses v as `v.Body`."""
    function = call.child_by_field_name("function")
    func = enclosing_function(call)
    if func is None or ctx.source.find(b"Body", func.start_byte, func.end_byte) < 0:
        return False  # `v.Body` needs the word (asked first: the cheapest of the tests below)
    imported = ctx.names.import_path(function.child_by_field_name("operand"))
    facts = ctx.names.facts
    if imported is None or facts is None or facts.module_package(imported) is None or not _body_used(call, ctx):
        return False
    declared = facts.module_function(imported, ctx.text(function.child_by_field_name("field")))
    first = GoType.from_dict(declared[0]) if declared and declared[0] is not None else None
    return first is not None and first.kind == "pointer" and first.is_named("net/http", "Response")


def _body_used(call, ctx: Context) -> bool:
    """Whether the first variable that `v, err := call` binds is used as `v.Body` in
    the function."""
    holder = call.parent.parent if call.parent is not None and call.parent.type == "expression_list" else None
    targets = left_names(holder) if holder is not None and holder.type in (
        "short_var_declaration", "assignment_statement") else []
    func = enclosing_function(call)
    return bool(targets) and targets[0].type == "identifier" and func is not None and \
        ctx.source.find(b"Body", func.start_byte, func.end_byte) >= 0 and any(
        use.parent.type == "selector_expression" and ctx.text(use.parent.child_by_field_name("field")) == "Body"
        for use in ctx.names.uses(targets[0], func))


def _response_methods(ctx: Context) -> set[str] | None:
    """The names of the file's methods and interface methods whose results name the
    type Response (a same-named type of another package counts too); None when another
    file of the package that imports net/http names Response (found in its bytes): its
    methods are not listed."""
    memo = file_memo(ctx.source)
    if _response_methods not in memo:
        found: set[str] | None = set()
        if ctx.path is not None and sibling_declarations(ctx.path, ctx.source, b"net/http", _RESPONSE_WORD,
                                                         b"Response"):
            found = None
        for match in _RESPONSE_WORD.finditer(ctx.source) if found is not None else ():
            node = ctx.root.descendant_for_byte_range(match.start(), match.end())
            method = next((a for a in ancestors(node) if a.type in ("method_declaration", "method_elem")), None)
            result = method.child_by_field_name("result") if method is not None else None
            if result is not None and result.start_byte <= match.start() < result.end_byte:
                found.add(ctx.text(method.child_by_field_name("name")))
        memo[_response_methods] = found
    return memo[_response_methods]


# What may hand back a response or its body, as gofmt lays out the first line: a function
# or method (`func get(u string) (*http.Response, error)`, `func (c *C) call(...)
# (io.ReadCloser, int, error)`), a func type or field (`type getter func(...)
# (*http.Response, error)`, `get func(...) (*http.Response, error)`) or an interface's
# method (`\tFetch(ctx context.Context, u string) (*http.Response, error)`). One pattern,
# one pass over each sibling.
_SIBLING_REQUEST = re.compile(
    rb"^(?:func[ \t]+(?:\([^)\n]*\)[ \t]*)?(\w+)[^\n]*\)[ \t]*\(?[^\n]*(?:\*http\.Response|io\.ReadCloser)\b"
    rb"|[ \t]*(?:type[ \t]+)?(\w+)[ \t]+func\([^\n]*\*http\.Response\b"
    rb"|\t(\w+)\([^\n]*\)[ \t]*\(?[^\n]*\*http\.Response\b)", re.M)
# `func (c *C) call(...) (io.ReadCloser, int, error)`: a function that may hand back a body.
_RETURNS_READ_CLOSER = re.compile(rb"^func[ \t]+(?:\([^)\n]*\)[ \t]*)?(\w+)[^\n]*\)[ \t]*\(?[ \t]*io\.ReadCloser\b", re.M)


def _sibling_requests(path: str, source: bytes) -> set[str]:
    """The names of the functions and methods that other files of the package (those
    importing net/http) declare to return an *http.Response (or first an io.ReadCloser,
    which may be a response's body), and of their struct
    fields declared with a func type that does (`FuncGet funcGetType`)."""
    # Not memoized per file: a sibling rewritten in place is read again (sibling_declarations).
    names = sibling_declarations(path, source, b"net/http", _SIBLING_REQUEST, (b"*http.Response", b"io.ReadCloser"),
                                 by_line=True)
    if names:  # fields of those func types (`FuncGet funcGetType`); other names match none
        names = names | sibling_declarations(path, source, b"net/http", _fields_of(frozenset(names)),
                                             tuple(sorted(n.encode() for n in names)), by_line=True)
    return names


@functools.lru_cache(maxsize=64)
def _fields_of(types: frozenset[str]) -> re.Pattern:
    """A pattern for the struct fields declared with one of types, as gofmt lays them out."""
    return re.compile(rb"^\t+(\w+)[ \t]+(?:" + b"|".join(sorted(re.escape(v.encode()) for v in types)) +
                      rb")[ \t]*(?://[^\n]*)?$", re.M)


def _read_closer_functions(source: bytes) -> set[str]:
    """The names _RETURNS_READ_CLOSER finds in source, searched on the lines that hold
    `io.ReadCloser` only (a match lies on one line, which holds it): the pattern over
    the whole of a large file cost 12 ms per version."""
    found = set()
    at = source.find(b"io.ReadCloser")
    while at >= 0:
        start = source.rfind(b"\n", 0, at) + 1
        end = source.find(b"\n", at)
        end = len(source) if end < 0 else end
        match = _RETURNS_READ_CLOSER.match(source, start, end)
        if match is not None:
            found.add(match.group(1).decode())
        at = source.find(b"io.ReadCloser", end)
    return found


def _body_helpers(ctx: Context, siblings: set[str]) -> set[str]:
    """The names of the functions and methods of the file and of its siblings
    (siblings: `_sibling_requests`, asked once per check) that may hand back a body as
    an `io.ReadCloser` (found by their first line): only calls of those are typed to
    ask (most `x, err := f()` of a file are not)."""
    memo = file_memo(ctx.source)  # the file's own; its siblings' are asked each check (they may change)
    if _body_helpers not in memo:
        memo[_body_helpers] = _read_closer_functions(ctx.source)
    return memo[_body_helpers] | siblings


def _calls_sibling_request(path: str, source: bytes) -> bool:
    """Whether a file that does not mention net/http calls a function or method that
    another file of its package declares to return an *http.Response, or a function
    held in a field of such a type (the rule's package trigger)."""
    names = _sibling_requests(path, source)
    return bool(names) and _calls_of(frozenset(names)).search(source) is not None


@functools.lru_cache(maxsize=64)
def _calls_of(names: frozenset[str]) -> re.Pattern:
    """A pattern for a call of one of names (`name(`)."""
    return re.compile(rb"\b(?:" + b"|".join(sorted(re.escape(n.encode()) for n in names)) + rb")\(")


def _fresh_response(call, resp, func, ctx: Context, depth: int) -> bool:
    """Whether the call returns a response whose body is the caller's to close: an
    HTTP request (not HEAD), or a same-file function or method that returns one it made
    without closing it (`func get(u string) (*http.Response, error) { return http.Get(u) }`)."""
    method = call_name(call, ctx.source)[1]
    if method in ARITY and _is_request(call, resp, func, ctx.names, ctx.types):
        return not _head_request(call, ctx.names)
    if depth > 2:
        return False
    if not _returns_response(call, ctx):
        return False
    if _function_field(call, ctx):
        # `c.get(ctx, u)` through a field declared `func(...) (*http.Response, error)`, or an
        # interface's method, unless the file's implementations of it say otherwise
        shown = _implementations(call, ctx)
        return not any(_foreign(h, ctx) for h in shown) or any(_returns_fresh(h, ctx, depth + 1) for h in shown)
    helpers = _same_file_functions(call, ctx)
    if helpers:
        if _head_by_argument(call, helpers, ctx):
            return False  # `r.request("HEAD", u)`: a HEAD response's body is http.NoBody
        if all(_returns_fresh(h, ctx, depth + 1, call) for h in helpers):
            return True
        inner = _passed_through(call, helpers, ctx)
        return inner is not None and _fresh_response(inner, resp, func, ctx, depth + 1)
    return _sibling_returns_fresh(call, ctx)


def _fresh_helper(call, ctx: Context) -> bool:
    """`resp, index, err := fetch(path)`: a function of the file whose source shows it
    hands back, with more than an error, a response it made and left open. A method of
    an interface or a function field declared to return a response and other values
    (`resp, body, err := c.Do(ctx, req)`) is not one: such clients read and close the
    body and return its bytes."""
    helpers = _same_file_functions(call, ctx) if _returns_response(call, ctx) else []
    return bool(helpers) and all(_returns_fresh(h, ctx, 1, call) for h in helpers)


def _function_field(call, ctx: Context) -> bool:
    """Whether the call goes through a struct field that holds a function
    (`sc.rest.FuncGet(...)`), not a method: whatever function it holds, its declared
    results (checked by the caller) say it hands back a response to close, as
    `Client.Do` does."""
    function = call.child_by_field_name("function")
    if function is None or function.type != "selector_expression":
        return False
    operand, field = function.child_by_field_name("operand"), function.child_by_field_name("field")
    if ctx.names.import_path(operand) is not None:
        return False
    base = ctx.types.of(operand)
    return base is not None and field is not None and (
        ctx.types.field(base, ctx.text(field)) is not None or ctx.types.is_interface(base))


def _implementations(call, ctx: Context) -> list:
    """The methods of the file that may implement the interface method call runs
    (`c.api.Delete(id)` with c.api of an interface type of the package): those of the
    same name declared to return an *http.Response first. Empty for a function field."""
    function = call.child_by_field_name("function")
    base = ctx.types.of(function.child_by_field_name("operand"))
    if base is None or not ctx.types.is_interface(base):
        return []
    name = ctx.text(function.child_by_field_name("field"))
    found = []
    for node in ctx.root.named_children:
        if node.type != "method_declaration" or ctx.text(node.child_by_field_name("name")) != name:
            continue
        result = node.child_by_field_name("result")
        first = result.named_children[0] if result is not None and result.named_children else result
        if first is not None and first.type == "parameter_declaration":
            first = first.child_by_field_name("type")
        if first is not None and ctx.names.qualified(first) == ("net/http", "Response"):
            found.append(node)
    return found


def _foreign(method, ctx: Context) -> bool:
    """Whether method returns what a method of another package's value gives (`return
    s.api.Records.Delete(id)` with s.api of another module's type; not net/http's):
    that package's API client, whose body handling the file does not show."""
    for _, first in _returned_firsts(method):
        function = first.child_by_field_name("function") if first.type == "call_expression" else None
        operand = function.child_by_field_name("operand") if function is not None and \
            function.type == "selector_expression" else None
        while operand is not None:
            kind = ctx.types.of(operand)
            if kind is not None:
                path = kind.deref().path
                if path and path != "net/http" and ctx.names.import_path(operand) is None:
                    return True
                break
            operand = operand.child_by_field_name("operand") if operand.type == "selector_expression" else None
    return False


def _passed_through(call, helpers, ctx: Context):
    """The request call whose response a same-file helper hands back unchanged
    (`checkResp(c.client.Do(req))`, with `func checkResp(resp *http.Response, err
    error) (*http.Response, error)` returning its parameter `resp` on every path that
    returns a response): the argument at that parameter's place, a call; None when
    not such a helper."""
    indices = set()
    for helper in helpers:
        for ret, first in _returned_firsts(helper):
            index = ctx.names.parameter_index(first, helper)
            if index is None or _reassigned(first, helper, ctx) or _defers_close(helper, first, ctx, deferred=False):
                return None  # not the parameter, or its body closed on some path
            indices.add(index)
    args = arguments(call)
    if len(indices) != 1:
        return None
    index = indices.pop()
    if len(args) == 1 and index == 0 and args[0].type == "call_expression":
        return args[0]  # `f(g())`: g's results are f's arguments
    return args[index] if index < len(args) and len(args) > 1 and args[index].type == "call_expression" else None


def _reassigned(ident, func, ctx: Context) -> bool:
    """Whether the parameter ident names is assigned anywhere in func."""
    return any(use.parent is not None and use.parent.type == "expression_list" and use.parent.parent is not None
               and use.parent.parent.type == "assignment_statement"
               and use.parent.parent.child_by_field_name("left") == use.parent
               for use in ctx.names.uses(ident, func))


# What closes a body a helper hands back (`body, err := c.call(...)`), or reads it to its end.
CLOSE = Release(methods=("Close",))
DRAIN_OR_CLOSE_BODY = replace(CLOSE, drains=DRAIN_OR_CLOSE.drains)


def _returns_body(call, ctx: Context) -> bool:
    """Whether the call's first result is declared an `io.ReadCloser`."""
    declared = ctx.types.results(call)
    return bool(declared) and declared[0] is not None and declared[0].kind == "named" and \
        declared[0].is_named("io", "ReadCloser")


def _fresh_body(call, ctx: Context, depth: int) -> bool:
    """Whether the call is to a function or method of the package that hands back the
    `Body` of a response it made, still open (`return resp.Body, nil`), directly or
    through another such function: the caller must close it."""
    if depth > 2:
        return False
    helpers = _same_file_functions(call, ctx)
    if helpers:
        return all(_returns_fresh_body(h, ctx, depth + 1) for h in helpers)
    return _every_declaration(call, ctx, "GL008 returns a fresh body", _returns_fresh_body)


def _returns_fresh_body(func, ctx: Context, depth: int) -> bool:
    """Whether every body func returns is one it hands back still open: `resp.Body` of a
    response it made, unclosed at that return; a call of such a function; or a variable
    bound to one (`body, _, err := c.request(...)`), unclosed at that return."""
    if _marked_handled(func, ctx.source) or _cancels_on_return(func, ctx.source):
        return False
    found = False
    for node, first in _returned_firsts(func):
        if first.type == "call_expression":
            if not _returns_body(first, ctx) or not _fresh_body(first, ctx, depth):
                return False
            found = True
            continue
        if first.type == "selector_expression" and ctx.text(first.child_by_field_name("field")) == "Body" and \
                first.child_by_field_name("operand").type == "identifier":
            state = _returned_state(first.child_by_field_name("operand"), node, func, ctx, depth)
        elif first.type == "identifier":
            state = _returned_state(first, node, func, ctx, depth, body=True)
        else:
            return False
        if state == HANDED:
            found = True
        elif state != NIL:
            return False
    return found


def _body_reports(stmt, call, names, ctx: Context) -> Iterator[Report]:
    """The finding for a body handed back by a helper of the package (`body, _, err :=
    c.call(...)`, see `_fresh_body`) that is not closed on some path."""
    if _once_in_main(call, ctx) or runs_once(stmt, ctx.names, ctx.root, ctx.source, single=FAR_DEPTH):
        return
    origin, var = short_call(call, ctx.source), ctx.text(names[0])
    test = test_code(stmt, ctx.names, ctx.path or "")
    if var == "_":
        if not test:
            yield Report(call, f"response body from {origin} discarded with `_`, so it can never be closed: "
                               f"bind it and defer its Close() after the error check")
        return
    err = ctx.text(names[-1]) if names[-1].type == "identifier" else ""
    if test and _once_and_whole(stmt, ctx):
        return  # one body per run of the test, from a server not shown to stream
    closed = analyze(stmt, names[0], CLOSE, ctx.source, err)
    if closed is None or closed.verdict is None or not closed.verdict.leaking:
        return
    what = f"response body `{var}` from {origin}"
    how = f"defer {var}.Close() after the error check" if err not in ("", "_") else f"defer {var}.Close()"
    fix = defer_after(stmt, err, f"{var}.Close()", ctx.source, f"defer {var}.Close()", checked=True) \
        if err not in ("", "_") else None
    if in_loop(stmt) and stmt.type == "short_var_declaration":
        how, fix = f"call {var}.Close() before the iteration ends", None
    drained = analyze(stmt, names[0], DRAIN_OR_CLOSE_BODY, ctx.source, err)
    if drained is None or drained.verdict is None or not drained.verdict.leaking:
        if test or one_shot_program(ctx.names, ctx.root, ctx.source):
            return  # read to EOF on every open path: the connection is free
        yield Report(call, _fit(f"{what}{READ_TO_EOF}", _short(closed.verdict.summary("closed")),
                                ", which net/http asks for", how), severity=Severity.NOTE, fix=fix)
        return
    decoded = analyze(stmt, names[0], replace(CLOSE, drains=DRAIN_OR_CLOSE.drains | DECODERS), ctx.source, err)
    if decoded is not None and decoded.verdict is not None and not decoded.verdict.leaking:
        if one_shot_program(ctx.names, ctx.root, ctx.source) and not in_loop(stmt):
            return  # decoded whole, at EOF, once in a program that exits soon after
        yield Report(call, _fit(f"{what}{DECODED.rstrip()}", _short(closed.verdict.summary("closed")),
                                ", which net/http asks for", how), severity=Severity.WARNING, fix=fix,
                     confidence=Confidence.LOW if test and _test_cost_only(stmt, ctx, test) else None)
        return
    summary = _unread(closed.verdict, drained.verdict).summary("closed")
    yield Report(call, _fit(f"{what} is", summary, "", how), fix=fix,
                 confidence=Confidence.LOW if test and _test_cost_only(stmt, ctx, test) else None)


def _sibling_returns_fresh(call, ctx: Context) -> bool:
    """Whether the call reaches a function or method of another file of the package
    that returns a response it made without closing it, as `_returns_fresh` reads
    that file alone."""
    return _every_declaration(call, ctx, "GL008 returns a fresh response", _returns_fresh)


def _every_declaration(call, ctx: Context, question: str, returns) -> bool:
    """Whether returns(function, ctx, 1) holds for every declaration of the function or
    method the call reaches in the files of the package that declare it, each file
    read alone (package facts, memoized under question); False when the callee is not
    known."""
    facts = ctx.names.facts
    key = ownership_of(ctx.root, ctx.source).callee(call) if facts is not None else None
    if key is None:
        return False
    answers = facts.summarised(key, question, functools.partial(_declared, returns))
    return bool(answers) and all(answers)


def _declared(returns, key: str, root, source: bytes) -> bool:
    """Whether returns(f, ctx, 1) holds for every function under key (`f`, `T.m`) of the
    file whose tree is root (the file read alone)."""
    ctx = Context(None, source, root, [], {})
    functions = ownership_of(root, source).functions.get(key, ())
    return bool(functions) and all(returns(f, ctx, 1) for f in functions)


def _same_file_functions(call, ctx: Context) -> list:
    function = call.child_by_field_name("function")
    if function is not None and function.type == "identifier":
        binding = ctx.names.resolve(function)
        holder = declaring_statement(binding.decl) if binding.kind == PACKAGE and binding.decl is not None else None
        return [holder] if holder is not None and holder.type == "function_declaration" else []
    declared = ctx.types.called(call)  # the method of the operand's declared type
    return [declared] if declared is not None else []


def _returns_fresh(func, ctx: Context, depth: int, call=None) -> bool:
    """Whether every response func returns is one it obtained and hands back still
    open (`return http.Get(u)`, or `resp` from a request, unclosed at that return); a
    function that closes it on some path (`if v != nil { defer resp.Body.Close() }`)
    leaves the caller nothing to close there, and is not followed. Given the call,
    the returns that its `true` or `false` for a bool parameter rules out are not
    asked (`send(req, true)` of a function that returns the response open only `if
    !decode`, and closed by its decoder past that)."""
    if _marked_handled(func, ctx.source) or _cancels_on_return(func, ctx.source):
        return False
    given = _given_flags(call, func, ctx) if call is not None else {}
    found = False
    for node, first in _returned_firsts(func):
        if given and _ruled_out(node, func, given, ctx):
            continue
        if first.type == "call_expression" and _fresh_response(first, None, func, ctx, depth):
            found = True
            continue
        state = _returned_state(first, node, func, ctx, depth) if first.type == "identifier" else None
        if state == HANDED:
            found = True
        elif state != NIL:
            return False  # `return resp, err` in the `if err != nil` branch returns nil
    return found


def _given_flags(call, func, ctx: Context) -> dict[int, bool]:
    """The bool parameters of func that call gives a literal `true` or `false`, by the
    start of their declaring identifier, where func never assigns them."""
    params = parameters(func, ctx.source, receiver=False)
    args = arguments(call)
    if len(args) != len(params):
        return {}
    given = {}
    for index, ((_, kind), arg) in enumerate(zip(params, args)):
        param = parameter_at(func, index)
        if param is not None and kind is not None and ctx.text(kind) == "bool" and arg.type in ("true", "false"):
            given[param.start_byte] = arg.type == "true"
    body = func.child_by_field_name("body")
    for node in walk(body, into_functions=False) if given and body is not None else ():
        if node.type in ("assignment_statement", "short_var_declaration"):
            for target in left_names(node):
                declared = ctx.names.declaration(target) if target.type == "identifier" else None
                given.pop(declared.start_byte if declared is not None else -1, None)
    return given


def _truth(condition, given: dict[int, bool], names: Names) -> bool | None:
    """The value of an `if` condition made of the given flags, `!`, `&&`, `||` and
    parentheses; None when it depends on anything else."""
    condition = strip_parens(condition)
    if condition is None:
        return None
    if condition.type == "identifier":
        declared = names.declaration(condition)
        return given.get(declared.start_byte) if declared is not None else None
    if condition.type == "unary_expression" and condition.child_by_field_name("operator").type == "!":
        inner = _truth(condition.child_by_field_name("operand"), given, names)
        return None if inner is None else not inner
    if condition.type == "binary_expression" and condition.child_by_field_name("operator").type in ("&&", "||"):
        left = _truth(condition.child_by_field_name("left"), given, names)
        right = _truth(condition.child_by_field_name("right"), given, names)
        if condition.child_by_field_name("operator").type == "&&":
            return False if False in (left, right) else (True if left and right else None)
        return True if True in (left, right) else (False if left is False and right is False else None)
    return None


def _ruled_out(ret, func, given: dict[int, bool], ctx: Context) -> bool:
    """Whether the given flags keep the return statement ret from running: it lies in
    a branch of an `if` whose condition they make false (or in the else of a true one),
    or after an `if` (no else) that they make true and whose branch ends in a return."""
    node = ret
    while node is not None and node != func:
        parent = node.parent
        if parent is not None and parent.type == "if_statement" and \
                node in (parent.child_by_field_name("consequence"), parent.child_by_field_name("alternative")):
            truth = _truth(parent.child_by_field_name("condition"), given, ctx.names)
            if truth is not None and (node == parent.child_by_field_name("consequence")) != truth:
                return True
        before = node.prev_named_sibling
        while before is not None:
            if before.type == "if_statement" and before.child_by_field_name("alternative") is None and \
                    _truth(before.child_by_field_name("condition"), given, ctx.names) is True and \
                    _ends_in_return(before.child_by_field_name("consequence")):
                return True
            before = before.prev_named_sibling
        node = parent
    return False


def _ends_in_return(block) -> bool:
    last = block
    while last is not None and last.type in ("block", "statement_list"):
        last = next((c for c in reversed(last.named_children) if c.type != "comment"), None)
    return last is not None and last.type == "return_statement"


def _cancels_on_return(func, source: bytes) -> bool:
    """Whether func defers, in its own body, the cancel func of a context it makes its
    requests with (`ctx, cancel := context.WithTimeout(ctx, d); defer cancel()`, then
    `return client.Do(req.WithContext(ctx))`): what it returns comes from a request
    cancelled by the time its caller has it, whose connection net/http has dropped; the
    caller has nothing left to close."""
    cancels = _request_cancels(func, source)
    body = func.child_by_field_name("body") if cancels else None
    if body is not None and body.named_children and body.named_children[0].type == "statement_list":
        body = body.named_children[0]
    return body is not None and any(
        statement.type == "defer_statement" and statement.named_children and
        statement.named_children[0].type == "call_expression" and
        not arguments(statement.named_children[0]) and
        text(source, statement.named_children[0].child_by_field_name("function")) in cancels
        for statement in body.named_children)


def _returned_drained(call, ctx: Context) -> bool:
    """Whether call is a same-file function that reads every response it returns to EOF
    first (`b, err := io.ReadAll(r.Body)` in the statements between the request and the
    return, outside any branch): a test's `getBody(t, req)` that hands back the response
    with its bytes."""
    helpers = _same_file_functions(call, ctx)
    return bool(helpers) and all(_drains_what_it_returns(h, ctx) for h in helpers)


def _returned_firsts(func) -> Iterator[tuple[Any, Any]]:
    """Each `return` of func (not of its function literals) with the first value it
    returns, where that value is not `nil`."""
    body = func.child_by_field_name("body")
    for ret in descendants(body, ("return_statement",), into_functions=False) if body is not None else ():
        if not ret.named_children:
            continue
        values = ret.named_children[0]
        first = values.named_children[0] if values.type == "expression_list" and values.named_children \
            else values
        if first.type != "nil":
            yield ret, first


def _drains_what_it_returns(func, ctx: Context) -> bool:
    found = False
    for ret, first in _returned_firsts(func):
        binding = ctx.names.reaching(first, ret) if first.type == "identifier" else None
        statement = next((a for a in ancestors(binding[0]) if a.type in (
            "short_var_declaration", "assignment_statement")), None) if binding is not None else None
        if statement is None or statement.parent is None or not any(
                statement.end_byte <= node.start_byte and node.end_byte <= ret.start_byte and
                any(c.type == "call_expression" and
                    ctx.names.qualified(c.child_by_field_name("function")) in DRAIN_OR_CLOSE.drains and
                    any(_body_of(a, first, ctx) for a in arguments(c))
                    for c in walk(node, into_functions=False))
                for node in statement.parent.named_children if node.type != "if_statement"):
            return False
        found = True
    return found


def _marked_handled(func, source: bytes) -> bool:
    """A `//bodyclose:handled` line in the function's doc comment: bodyclose's mark for
    a function whose responses need no Close from the caller, honoured for its users."""
    node = func.prev_sibling
    while node is not None and node.type == "comment":
        if text(source, node).replace(" ", "").startswith("//bodyclose:handled"):
            return True
        node = node.prev_sibling
    return False


# What a helper does to a response before it returns it: a debug dump
# (`httputil.DumpResponse(resp, true)`, which swaps in an in-memory copy of the body)
# leaves the caller a body to close, the real one wherever the dump does not run.
# A helper that closes it unless it returns an error (`decode(resp)`, ownership.PARTLY) has
# closed what is returned past that error.
RETURNED_BODY = replace(CLOSE_BODY, borrowing=frozenset(("httputil.DumpResponse",)), partly=True)
RETURNED_DRAINED = replace(RETURNED_BODY, drains=DRAIN_OR_CLOSE.drains)


def _returned_state(ident, ret, func, ctx: Context, depth: int, body: bool = False,
                    release: Release | None = None) -> int | None:
    """HANDED for `return resp, nil` where resp came from a request in func and
    reaches this return unclosed on some path, NIL where it is nil there (`if err !=
    nil { return resp, err }`); None otherwise."""
    binding = ctx.names.reaching(ident, ret)
    statement = next((a for a in ancestors(binding[0]) if a.type in (
        "short_var_declaration", "assignment_statement")), None) if binding is not None else None
    right = statement.child_by_field_name("right") if statement is not None else None
    values = right.named_children if right is not None else []
    targets = left_names(statement) if statement is not None else []
    if len(values) != 1 or values[0].type != "call_expression" or len(targets) < 2 or \
            not ctx.names.same_variable(targets[0], ident) or \
            not (_returns_body(values[0], ctx) and _fresh_body(values[0], ctx, depth) if body else
                 len(targets) == 2 and _fresh_response(values[0], ident, func, ctx, depth)):
        return None
    err = ctx.text(targets[-1]) if targets[-1].type == "identifier" else ""
    outcome = analyze(statement, targets[0], release or (CLOSE if body else RETURNED_BODY), ctx.source, err)
    if outcome is None or outcome.verdict is None or outcome.escape is None or \
            not any(a.type == "return_statement" for a in ancestors(outcome.escape[1])):
        return None  # handed elsewhere first (`checkResponse(resp)`): may be closed there
    if _defers_close(func, targets[0], ctx, before=None if _returns_nothing(func) else ret):
        return None  # `if v != nil { defer resp.Body.Close() }`: returned closed on that path
    states = {e.state for e in outcome.verdict.exits if e.kind == "return" and e.node.start_byte == ret.start_byte}
    if not states and _in_error_check(ret, statement, err, ctx):
        return NIL  # `if err != nil { return resp, err }` right after the request
    return HANDED if HANDED in states else (NIL if states == {NIL} else None)


def _in_error_check(node, statement, err: str, ctx: Context) -> bool:
    """Whether node lies in the `if err != nil {...}` right after statement."""
    check = next_statement(statement)
    condition = check.child_by_field_name("condition") if check is not None and check.type == "if_statement" \
        and check.child_by_field_name("initializer") is None else None
    consequence = check.child_by_field_name("consequence") if condition is not None else None
    return consequence is not None and ctx.names.tests_nil(condition, bound_identifier(statement, err, ctx.source), "!=") and \
        within(node, consequence)


def _defers_close(func, target, ctx: Context, deferred: bool = True, before=None) -> bool:
    """Whether a `defer` of func (a deferred closure included) calls `resp.Body.Close()`
    on the response target names; without deferred, whether func calls it anywhere.
    With before (a `return` of func), only a defer that can still be pending there
    counts: not one in a block, away from that return, that ends in a `return` of its
    own (`if resp.StatusCode >= 400 { defer resp.Body.Close(); return nil, err }`)."""
    body = func.child_by_field_name("body")
    for node in walk(body, into_functions=False) if body is not None else ():
        if deferred and node.type != "defer_statement":
            continue
        if before is not None and _returns_first(node, before):
            continue
        for inner in walk(node) if deferred else (node,):
            operand = inner.child_by_field_name("operand") if inner.type == "selector_expression" else None
            if operand is not None and operand.type == "selector_expression" and _called(inner) and \
                    ctx.text(inner.child_by_field_name("field")) == "Close" and \
                    ctx.text(operand.child_by_field_name("field")) == "Body" and \
                    operand.child_by_field_name("operand").type == "identifier" and \
                    ctx.names.same_variable(operand.child_by_field_name("operand"), target):
                return True
    return False


# Calls that make a new error, never nil: a response returned with one is handed back on
# a failure. Not pkg/errors' Wrap: it returns nil for a nil error (`return resp,
# errors.Wrap(err, "get")` is the success return too).
_NEW_ERRORS = frozenset((("errors", "New"), ("fmt", "Errorf"), ("github.com/pkg/errors", "New"),
                         ("github.com/pkg/errors", "Errorf")))


def _error_open_report(stmt, call, target, resp: str, err: str, ctx: Context) -> Report | None:
    """The finding for a response from a function of the package that hands back a
    response still open together with an error it makes (`return resp,
    fmt.Errorf("status %d", resp.StatusCode)`, directly or through the calls it
    returns), when the caller's `if err != nil` branch returns with the body open:
    there the response is not nil, and nobody else closes it."""
    check = _error_branch(stmt, err, ctx)
    handed = _open_on_error(call, ctx, 1) if check is not None else ""
    if not handed:
        return None
    outcome = analyze(stmt, target, CLOSE_BODY, ctx.source, "")
    if outcome is None or outcome.verdict is None or not outcome.verdict.leaking:
        return None
    leak = next((e for e in outcome.verdict.leaks if e.kind == "return" and within(e.node, check)), None)
    if leak is None:
        return None
    origin = short_call(call, ctx.source)
    if handed == DRAINED:  # read to EOF: the connection is free, Close is the contract
        return Report(call, shortest_fitting(*(
            f"`{resp}.Body` is not closed at the error return at line {leak.line}: {who} returns the response, "
            f"read to EOF, with an error; close it there too" for who in (origin, "the call"))),
            severity=Severity.NOTE)
    return Report(call, shortest_fitting(*(
        f"`{resp}.Body` is left open at the error return at line {leak.line}: {who} returns the response "
        f"with an error; close it there too" for who in (origin, "the call"))))


def _error_branch(stmt, err: str, ctx: Context):
    """The consequence of the `if err != nil` that first tests the call's error in the
    statements after it (other statements may come between), if err is not assigned
    again before it."""
    bound = bound_identifier(stmt, err, ctx.source)
    if bound is None:
        return None
    node = stmt.next_named_sibling
    while node is not None:
        if node.type == "if_statement" and node.child_by_field_name("initializer") is None and \
                ctx.names.tests_nil(node.child_by_field_name("condition"), bound, "!="):
            return node.child_by_field_name("consequence")
        if any(n.type == "identifier" and ctx.names.same_variable(n, bound) for n in walk(node)):
            return None
        node = node.next_named_sibling
    return None


OPEN, DRAINED = "open", "read to EOF"


def _open_on_error(call, ctx: Context, depth: int) -> str:
    """Whether call reaches a function of the package that returns a response it made,
    not closed, with a new error (see _error_open_report): OPEN where some such
    response is unread, DRAINED where each was read to EOF first, "" otherwise."""
    if depth > 3:
        return ""
    helpers = _same_file_functions(call, ctx)
    if helpers:
        found = {_returns_open_on_error(h, ctx, depth) for h in helpers}
    else:
        found = {OPEN if _every_declaration(call, ctx, "GL008 returns a response open with an error",
                                            functools.partial(_returns_open_on_error, wanted=OPEN)) else "",
                 DRAINED if _every_declaration(call, ctx, "GL008 returns a response read with an error",
                                               functools.partial(_returns_open_on_error, wanted=DRAINED)) else ""}
    return OPEN if OPEN in found else DRAINED if DRAINED in found else ""


def _returns_open_on_error(func, ctx: Context, depth: int, wanted: str = "") -> str | bool:
    found = set()
    for ret, first in _returned_firsts(func):
        values = ret.named_children[0].named_children if ret.named_children[0].type == "expression_list" \
            else [ret.named_children[0]]
        if len(values) == 1:  # `return s.do(req)`: its results are func's
            if first.type == "call_expression" and _returns_response(first, ctx):
                found.add(_open_on_error(first, ctx, depth + 1))
            continue
        last = values[-1]
        function = last.child_by_field_name("function") if last.type == "call_expression" else None
        if len(values) == 2 and first.type == "identifier" and function is not None and \
                ctx.names.qualified(function) in _NEW_ERRORS and \
                _returned_state(first, ret, func, ctx, depth) == HANDED:
            drained = _returned_state(first, ret, func, ctx, depth, release=RETURNED_DRAINED) != HANDED
            found.add(DRAINED if drained else OPEN)
    result = OPEN if OPEN in found else DRAINED if DRAINED in found else ""
    return result == wanted if wanted else result


def _returns_nothing(func) -> bool:
    """Whether func has a `return nil, nil`: no response and no error (a 204 whose body
    it closed), so its callers may rightly expect nothing to close on some calls."""
    body = func.child_by_field_name("body")
    for ret in walk(body, into_functions=False) if body is not None else ():
        values = ret.named_children[0] if ret.type == "return_statement" and ret.named_children else None
        if values is not None and values.type == "expression_list" and len(values.named_children) > 1 and \
                all(v.type == "nil" for v in values.named_children):
            return True
    return False


def _returns_first(node, ret) -> bool:
    """Whether every path from node returns before it can reach ret: a statement list
    around node, not around ret, ends in a `return` after node."""
    for holder in ancestors(node):
        if within(ret, holder):
            return False
        if holder.type == "statement_list" and holder.named_children and \
                holder.named_children[-1].type == "return_statement" and \
                holder.named_children[-1].start_byte > node.start_byte:
            return True
    return False


def _leak_report(stmt, call, target, resp: str, err: str, ctx: Context) -> Report | None:
    """The finding for a response whose body is not closed on some path: an error where
    some path neither closes nor reads it to the end (the connection stays busy), a
    note where every such path reads it to EOF (the transport already reuses the
    connection; Close is the documented contract)."""
    # where the request's context is done, net/http has torn the response down
    done = _request_contexts(enclosing_function(stmt), ctx.source)
    closed = analyze(stmt, target, replace(CLOSE_BODY, torn_down_by=done), ctx.source, err)
    if closed is None or closed.verdict is None or not closed.verdict.leaking:
        return None
    fix = close_fix(stmt, resp, err, ctx.source)
    what = f"`{resp}.Body` from {short_call(call, ctx.source)}"
    how = f"defer {resp}.Body.Close() after the error check"
    if in_loop(stmt) and stmt.type == "short_var_declaration":
        # a defer would keep every iteration's body open until the function returns
        how, fix = f"call {resp}.Body.Close() before the iteration ends", None
    partly = _partial_closer(stmt, target, ctx)
    if partly and test_code(stmt, ctx.names, ctx.path or ""):
        return None  # left open only when the helper fails, which fails the test
    if partly:
        return Report(call, shortest_fitting(*(
            f"{what} is passed to {partly}, which leaves it open on an error return: {advice}"
            for advice in (how, how.split(" after ")[0]))), fix=fix)
    drained = analyze(stmt, target, replace(_drain_or_close(ctx), torn_down_by=done), ctx.source, err)
    if drained is None or drained.verdict is None or not drained.verdict.leaking:
        leaks = closed.verdict.leaks
        if leaks and all(_after_failed_read(e, target, ctx) for e in leaks):
            return None  # open only where reading it failed: the transport has closed the connection
        return Report(call, _fit(f"{what}{READ_TO_EOF}", _short(closed.verdict.summary("closed")),
                                 ", which net/http asks for", how), severity=Severity.NOTE, fix=fix)
    cancels = _request_cancels(enclosing_function(stmt), ctx.source)
    if cancels:
        ended = analyze(stmt, target, replace(_drain_or_close(ctx), cancels=cancels, torn_down_by=done), ctx.source, err)
        if ended is not None and ended.verdict is not None and not ended.verdict.leaking:
            # the cancel tears the connection down: a dropped, not a held, connection; a
            # cost worth a change where the code shows it paid again (low otherwise), and
            # none where the client's transport is the function's own: no later call could
            # have reused the connection
            low = {} if runs_again(stmt, ctx.names, ctx.root, ctx.source) and not _own_transport(call, ctx) \
                else {"confidence": Confidence.LOW}
            short = _short(closed.verdict.summary("closed"))
            return Report(call, shortest_fitting(*(
                f"{subject} is {summary} ({why}): {advice}"
                for subject in (what, f"`{resp}.Body`")
                for why in ("its request is cancelled, which only drops the connection",
                            "its request is cancelled: the connection is dropped")
                for summary in (short, short.split(" or ", 1)[0] + (" and elsewhere" if " or " in short else ""))
                for advice in (how, how.split(" after ")[0], f"close {resp}.Body"))),
                severity=Severity.WARNING, fix=fix, **low)
        if ended is not None and ended.verdict is not None:
            drained = ended
    release = _drain_or_close(ctx)
    decoded = analyze(stmt, target, replace(release, drains=release.drains | DECODERS, torn_down_by=done), ctx.source, err)
    if decoded is not None and decoded.verdict is not None and not decoded.verdict.leaking:
        # decoded whole, the reply has reached EOF: only a failed or partial decoding leaves it busy
        return Report(call, _fit(f"{what}{DECODED.rstrip()}", _short(closed.verdict.summary("closed")),
                                 ", which net/http asks for", how), severity=Severity.WARNING, fix=fix)
    # No word on the connection: a body read part way (a LimitReader, a decoder) may
    # still have reached EOF. `explain` says why an open body matters.
    summary = _unread(closed.verdict, drained.verdict).summary("closed")
    if _times_out(call, ctx):
        # the client's timer cancels the request and drops the connection when it fires:
        # held for a while, not for good; a cost worth a change where it is paid again.
        # A poll's tries (lifetime.poll_loop: left at success, waiting between tries) hold
        # a few connections at once, each dropped by the Timeout: paid again only where
        # the poll itself runs again (a start-up wait polls once per run)
        loop = enclosing_loop(stmt)
        again = loop if loop is not None and poll_loop(loop, ctx.names) else stmt
        low = {} if runs_again(again, ctx.names, ctx.root, ctx.source) else {"confidence": Confidence.LOW}
        return Report(call, shortest_fitting(*(
            f"{subject} is {paths} ({why}): {advice}"
            for subject in (what, f"`{resp}.Body`")
            for why in ("its client's Timeout drops the connection only when it fires",
                        "the client's Timeout drops it when it fires")
            for paths in (_short(summary), _short(summary).split(" or ", 1)[0])
            for advice in (how, how.split(" after ")[0], f"close {resp}.Body"))),
            severity=Severity.WARNING, fix=fix, **low)
    return Report(call, _fit(f"{what} is", summary, "", how), fix=fix)


def _returned_open_report(stmt, call, target, resp: str, err: str, ctx: Context) -> Report | None:
    """The finding for a response that the function returns with its body closed on a
    successful return (one returning a nil error, or in a function without an error
    result) and returns with its body open at another return, when returning is all
    it does with it besides closing it: callers, given a closed body on success,
    close none, and the open one leaks (`return nil, resp, err` after a failed read)."""
    outcome = analyze(stmt, target, CLOSE_BODY, ctx.source, err)
    func = enclosing_function(stmt)
    if outcome is None or outcome.verdict is None or not outcome.handoffs or func is None or \
            any(why != "returned" for why, _ in outcome.handoffs):
        return None
    result = func.child_by_field_name("result")
    kinds = [ctx.text(d.child_by_field_name("type")) for d in result.named_children
             if d.type == "parameter_declaration"] if result is not None and result.type == "parameter_list" \
        else [ctx.text(result)] if result is not None else []
    erring = bool(kinds) and kinds[-1] == "error"
    closed, open_ = None, None
    for leave in outcome.verdict.exits:
        values = leave.node.named_children[0].named_children if leave.kind == "return" and \
            leave.node.named_children and leave.node.named_children[0].type == "expression_list" else []
        if not any(v.type == "identifier" and ctx.names.same_variable(v, target) for v in values):
            continue
        if leave.state == RELEASED and (not erring or values[-1].type == "nil"):
            closed = closed or leave
        elif leave.state == HANDED:
            open_ = open_ or leave
    if closed is None or open_ is None:
        return None
    return Report(call, shortest_fitting(*(
        f"`{resp}.Body`{origin} is returned open at line {open_.line} but closed before the successful "
        f"return at line {closed.line}: {how}"
        for how in (f"defer {resp}.Body.Close() after the error check", "close it there too")
        for origin in (f" from {short_call(call, ctx.source)}", ""))))


def _replaced_report(stmt, call, target, resp: str, ctx: Context) -> Report | None:
    """The finding for a response whose `Body` the function replaces (`resp.Body =
    io.NopCloser(bytes.NewReader(data))` after reading it) with nothing before it, from
    the request on, that could close the one it replaces: no `resp.Body.Close()` (a
    deferred one, which evaluates the old body, included), no hand-off of the body to
    a function of the package, and no deferred call that takes it (`defer
    closeutil.SafeClose(resp.Body)`: the defer evaluates the old body for its cleanup). Whoever closes `resp.Body` later closes the new one; the
    connection's body is never closed, whether the response is then returned or not."""
    func = enclosing_function(stmt)
    body = func.child_by_field_name("body") if func is not None else None
    if body is None:
        return None
    names = ctx.names
    old = []  # uses of `resp.Body` after the request, in source order, with the replacement
    for node in descendants(body, ("selector_expression",), into_functions=False):
        field = node.child_by_field_name("field")
        if node.start_byte >= stmt.end_byte and field is not None and ctx.text(field) == "Body" and \
                names.same_path(node.child_by_field_name("operand"), target):
            old.append(node)
    for use in old:
        statement = use.parent.parent if use.parent is not None and use.parent.type == "expression_list" else None
        if statement is None or statement.type != "assignment_statement" or \
                statement.child_by_field_name("left") != use.parent or \
                ctx.text(statement.child_by_field_name("operator")) != "=":
            continue
        value = statement.child_by_field_name("right")
        if any(within(other, value) for other in old):
            return None  # wrapped (`resp.Body = &counting{resp.Body}`): the new body closes the old
        drained = False
        for earlier in old:
            if earlier.start_byte >= statement.start_byte:
                break
            member = earlier.parent
            if member.type == "selector_expression" and ctx.text(member.child_by_field_name("field")) == "Close":
                return None  # closed (or its Close deferred) before it is replaced
            argument = member if member.type == "argument_list" else None
            callee = argument.parent.child_by_field_name("function") if argument is not None else None
            if callee is not None and names.qualified(callee) is None:
                return None  # handed to a function of the package, which may close it
            if callee is not None and argument.parent.parent is not None and \
                    argument.parent.parent.type == "defer_statement" and \
                    names.qualified(callee) not in DRAIN_OR_CLOSE.drains:
                return None  # `defer closer.Close(resp.Body)`: the defer evaluates the old body for its cleanup
            drained = drained or (callee is not None and names.qualified(callee) in DRAIN_OR_CLOSE.drains)
        where = statement.start_point[0] + 1
        if drained:
            # read to its end first (`data, err := io.ReadAll(resp.Body)`): the transport has
            # the connection back; the Close net/http asks for is what is missing
            return Report(call, shortest_fitting(*(
                f"`{resp}.Body`{origin} is read to EOF, then replaced at line {where} without a Close, which "
                f"net/http asks for: {advice}"
                for advice in (f"call {resp}.Body.Close() before replacing it", "close it first")
                for origin in (f" from {short_call(call, ctx.source)}", ""))), severity=Severity.NOTE)
        return Report(call, shortest_fitting(*(
            f"`{resp}.Body`{origin} is replaced at line {where} before it is closed, so the original body is "
            f"never closed: {advice}"
            for advice in (f"call {resp}.Body.Close() before replacing it", "close it first")
            for origin in (f" from {short_call(call, ctx.source)}", ""))))
    return None


def _partial_closer(stmt, target, ctx: Context) -> str:
    """The function of the package (as called) that the response, or its body, is
    passed to after stmt and that closes it only on some paths, leaving it open on one
    that returns an error (ownership.PARTLY); "" when none."""
    func = enclosing_function(stmt)
    for node in ctx.names.uses(target, func) if func is not None else ():
        arg = node.parent if node.parent.type == "selector_expression" and \
            ctx.text(node.parent.child_by_field_name("field")) == "Body" else node
        call = arg.parent.parent if arg.parent is not None and arg.parent.type == "argument_list" else None
        if call is None or call.type != "call_expression" or node.start_byte <= stmt.end_byte:
            continue
        index = next(i for i, a in enumerate(arguments(call)) if a == arg)
        if callee_effect(call, index, ctx.source) == PARTLY:
            return short_call(call, ctx.source)
    return ""


def _deferred_report(stmt, call, target, resp: str, err: str, ctx: Context) -> Report | None:
    """The finding for a body closed only by a `defer` in the loop that makes the
    request, when an iteration goes on with it neither closed nor read to its end."""
    defer = deferred_in_loop(stmt, target, CLOSE_BODY, replace(_drain_or_close(ctx), methods=()), ctx.source, err)
    if defer is None or _tries_in_turn(stmt, ctx):
        return None
    line, origin = defer.start_point[0] + 1, short_call(call, ctx.source)
    loop = enclosing_loop(stmt)
    # a poll or retry (lifetime.retry_loop): a bounded number of tries, closed at the return
    # or a search that returns at the first alternative that works, right before the
    # function does: one body per alternative tried, closed when it returns
    low = {"confidence": Confidence.LOW} if loop is not None and (
        retry_loop(loop, ctx.names) or _searches(stmt, loop, ctx)) else {}
    release = _drain_or_close(ctx)
    if deferred_in_loop(stmt, target, CLOSE_BODY, replace(release, methods=(), drains=release.drains | DECODERS),
                        ctx.source, err) is None:
        # every iteration that goes on has decoded the reply whole: what piles up is
        # unclosed responses, as for a decoded body outside a loop
        return Report(call, shortest_fitting(*(
            f"`{resp}.Body`{source_} is closed by the defer at line {line} only when the function returns, so each "
            f"iteration's decoded response stays open{until}; {how}"
            for until in (" until then", "")
            for how in (f"call {resp}.Body.Close() before the iteration ends", "close it in the loop")
            for source_ in (f" from {origin}", ""))), severity=Severity.WARNING, **low)
    return Report(call, shortest_fitting(*(
        f"`{resp}.Body`{source_} is closed by the defer at line {line} only when the function returns, so each "
        f"iteration's response holds its connection{until}; {how}"
        for until in (" until then", "")
        for how in (f"call {resp}.Body.Close() before the iteration ends", "close it in the loop")
        for source_ in (f" from {origin}", ""))), **low)


def _tries_in_turn(stmt, ctx: Context) -> bool:
    """Whether the loop around stmt tries alternatives in turn: a loop over a collection
    or a count (cfg.repeats: no `for {}`, condition alone or channel around it) whose
    body ends in a `return`, so that an iteration that gets to its end returns and the
    others go on to the next alternative (`for _, url := range mirrors`). The bodies its
    defer keeps open are one per failed alternative, closed when the function returns
    right after the loop."""
    loop = next((a for a in ancestors(stmt) if a.type in ("for_statement", *FUNCTION_TYPES)), None)
    if loop is None or loop.type != "for_statement" or repeats(stmt, ctx.names):
        return False
    body = statements(loop.child_by_field_name("body"))
    return bool(body) and body[-1].type == "return_statement"


def _searches(stmt, loop, ctx: Context) -> bool:
    """Whether the loop around stmt searches alternatives (`for _, u := range
    candidates`): a range over a collection (cfg.repeats: no `for {}`, condition alone
    or channel around it; not over an integer, a scan of indexes), in no other loop of
    its function, it returns from inside at the first that works (a `return` in its
    body after the defer, not in a function literal, of no error where the function
    returns one),
    and the function returns right after it (the next statement is a `return`, or there
    is none). What its defer keeps open is one body per alternative tried, as many as
    the collection holds, which the code does not bound."""
    if repeats(stmt, ctx.names) or not any(c.type == "range_clause" for c in loop.named_children) or \
            _counted_range(loop, ctx):
        return False
    func = enclosing_function(loop)
    if func is None or any(a.type == "for_statement" for a in ancestors(loop) if a.start_byte > func.start_byte):
        return False
    defers = [n for n in walk(loop.child_by_field_name("body"), into_functions=False) if n.type == "defer_statement"]
    result = func.child_by_field_name("result")
    errors = result is not None and re.search(r"\berror\)?$", ctx.text(result)) is not None
    if not defers or not any(n.type == "return_statement" and n.start_byte > defers[0].end_byte and
                             not (errors and _returns_error(n))
                             for n in walk(loop.child_by_field_name("body"), into_functions=False)):
        return False  # it returns no found value: only errors, or before the defer
    after = next_statement(loop)
    body = func.child_by_field_name("body")
    if after is None:
        return body is not None and loop.parent is not None and loop.parent in (body, *body.named_children)
    return after.type == "return_statement"


def _counted_range(loop, ctx: Context) -> bool:
    """`for i := range n` over an integer: a count, not a collection of alternatives."""
    clause = next(c for c in loop.named_children if c.type == "range_clause")
    right = clause.child_by_field_name("right")
    if right is None or right.type == "int_literal":
        return True
    kind = ctx.types.of(right)
    return kind is not None and kind.kind == "named" and kind.path == "builtin" and \
        kind.name.lstrip("u").startswith("int")


def _conditional_close_report(stmt, call, target, err: str, ctx: Context) -> Report | None:
    """The finding for a body that a deferred closure closes only when the function's
    named error result is nil (`defer func() { if e != nil { return }; resp.Body.Close()
    }()`), in a function that returns a non-nil error after the request (past the
    request's own error check, where the response is nil): the body stays open there."""
    func = enclosing_function(stmt)
    result = func.child_by_field_name("result") if func is not None else None
    if result is None or result.type != "parameter_list":
        return None
    named = [(n, ctx.text(p.child_by_field_name("type")))
             for p in result.named_children if p.type == "parameter_declaration"
             for n in p.children_by_field_name("name")]
    errors = [i for i, (_, kind) in enumerate(named) if kind == "error"]
    if len(errors) != 1:
        return None
    index, declared = errors[0], named[errors[0]][0]
    name, resp = ctx.text(declared), ctx.text(target)
    closer = None
    for defer in descendants(func.child_by_field_name("body"), ("defer_statement",), into_functions=False):
        if defer.start_byte < stmt.end_byte:
            continue
        deferred = defer.named_children[0] if defer.named_children else None
        literal = deferred.child_by_field_name("function") if deferred is not None and \
            deferred.type == "call_expression" else None
        if literal is None or literal.type != "func_literal" or arguments(deferred):
            continue
        for close in descendants(literal, ("call_expression",), into_functions=False):
            if not _closes_body_of(close, target, ctx):
                continue
            guards = [g for g in descendants(literal.child_by_field_name("body"), ("if_statement",),
                                            into_functions=False)
                      if g.start_byte < close.start_byte and _mentions(g.child_by_field_name("condition"), declared, ctx)
                      and (any(within(close, branch) for branch in (g.child_by_field_name("consequence"),
                                                                   g.child_by_field_name("alternative"))
                               if branch is not None)
                           or (not within(close, g) and any(r.type == "return_statement" for r in walk(g))))
                      and not _on_error(g, close, declared, ctx)]
            if guards:
                closer = defer
    if closer is None:
        return None
    check = _first_error_check(stmt, err, ctx)
    for ret in descendants(func.child_by_field_name("body"), ("return_statement",), into_functions=False):
        values = ret.named_children[0].named_children if ret.named_children and \
            ret.named_children[0].type == "expression_list" else ret.named_children
        if ret.start_byte < stmt.end_byte or (check is not None and within(ret, check)) or \
                len(values) != len(named) or ctx.text(values[index]) == "nil":
            continue
        at, line = closer.start_point[0] + 1, ret.start_point[0] + 1
        return Report(call, shortest_fitting(*(
            f"`{resp}.Body`{origin} is closed by the deferred closure at line {at} only when `{name}` is nil, "
            f"not on the error return at line {line}: {advice}"
            for advice in (f"defer {resp}.Body.Close() after the error check", "close it unconditionally")
            for origin in (f" from {short_call(call, ctx.source)}", "")),
            f"`{resp}.Body` is closed by the defer at line {at} only when `{name}` is nil, not on the error "
            f"return at line {line}"))
    return None


def _on_error(guard, close, declared, ctx: Context) -> bool:
    """Whether the guard lets close run when the named error result is non-nil: close in
    the branch of `if e != nil` (`&& resp != nil` too) or of the `else` of `if e == nil`,
    or after `if e == nil { return }`. A `return ..., err` sets e before the deferred
    closure runs, so such a closure closes the body on the error returns."""
    def conjuncts(node) -> list:
        node = strip_parens(node)
        if node is not None and node.type == "binary_expression" and node.child_by_field_name("operator").type == "&&":
            return conjuncts(node.child_by_field_name("left")) + conjuncts(node.child_by_field_name("right"))
        return [node]

    def tested(operator: str) -> bool:
        return any(_mentions(nil_operand(p, operator), declared, ctx)
                   for p in conjuncts(guard.child_by_field_name("condition")) if p is not None)

    consequence, alternative = guard.child_by_field_name("consequence"), guard.child_by_field_name("alternative")
    if within(close, consequence):
        return tested("!=")
    if alternative is not None and within(close, alternative):
        return nil_operand(guard.child_by_field_name("condition"), "==") is not None and tested("==")
    return not within(close, guard) and tested("==")


def _mentions(node, declared, ctx: Context) -> bool:
    """Whether node uses the variable the identifier declared declares (not another of
    its name: `if e := flush(); e != nil` in a closure of a function whose result is e)."""
    return node is not None and any(n.type == "identifier" and ctx.names.declaration(n) == declared
                                    for n in (node, *walk(node)))


def _closes_body_of(call, target, ctx: Context) -> bool:
    """Whether call is `resp.Body.Close()` with resp the variable target names."""
    function = call.child_by_field_name("function")
    body = function.child_by_field_name("operand") if function.type == "selector_expression" else None
    resp = body.child_by_field_name("operand") if body is not None and body.type == "selector_expression" else None
    return resp is not None and resp.type == "identifier" and ctx.text(function.child_by_field_name("field")) == "Close" \
        and ctx.text(body.child_by_field_name("field")) == "Body" and ctx.names.same_variable(resp, target)


def _first_error_check(stmt, err: str, ctx: Context):
    """The `if err != nil` statement that first follows the request in its block, past
    any `defer`: the response is nil in its branch."""
    if not err or err == "_":
        return None
    node = stmt.next_named_sibling
    while node is not None and node.type in ("defer_statement", "comment"):
        node = node.next_named_sibling
    condition = node.child_by_field_name("condition") if node is not None and node.type == "if_statement" else None
    return node if condition is not None and re.fullmatch(
        rf"{re.escape(err)}\s*!=\s*nil", ctx.text(condition)) else None


# Decoders that read a body until they hold a whole value (`json.NewDecoder(resp.Body)
# .Decode(&v)`): the read that brings a reply's last bytes brings its io.EOF with them
# (net/http returns EOF with the last bytes of a Content-Length body, and reads a
# chunked body's last chunk when it is there), unless the decoding fails part way.
# `io.LimitReader(resp.Body, n)` (read with io.ReadAll) reaches EOF unless the reply
# passes the limit.
DECODERS = frozenset((("encoding/json", "NewDecoder"), ("encoding/xml", "NewDecoder"), ("io", "LimitReader")))


# The words of the warning for a body that every open path decodes (or reads to EOF).
DECODED = " is decoded or read but "
# The words of the note for a body that every open path reads until EOF or an error:
# the connection is reused at EOF and closed by the transport after an error.
READ_TO_EOF = " is read until EOF or an error but"


def _drain_or_close(ctx: Context) -> Release:
    """DRAIN_OR_CLOSE, with the functions of the file that read a parameter to EOF."""
    helpers = _drain_helpers(ctx.root, ctx.source)
    return replace(DRAIN_OR_CLOSE, drain_helpers=helpers) if helpers else DRAIN_OR_CLOSE


@per_file
def _drain_helpers(root, source: bytes) -> frozenset[tuple[str, int]]:
    """(name, index) of the file's functions that read their parameter at index to EOF
    before any branch or return (`func parse(body io.Reader) (T, error) { d, err :=
    io.ReadAll(body); ... }`): the body handed to them is read to its end."""
    names = names_for(source, root)
    found = set()
    for decl in root.named_children:
        if decl.type != "function_declaration":
            continue
        for statement in statements(decl.child_by_field_name("body")):
            if statement.type not in ("short_var_declaration", "assignment_statement", "expression_statement",
                                      "var_declaration"):
                break  # a branch, loop or return may come first
            for call in descendants(statement, ("call_expression",), into_functions=False):
                drain = names.qualified(call.child_by_field_name("function"))
                if drain not in DRAIN_OR_CLOSE.drains:
                    continue
                args, index = arguments(call), 1 if drain[1] in ("Copy", "CopyBuffer") else 0  # io.Copy(dst, src)
                place = names.parameter_index(args[index], decl) if len(args) > index else None
                if place is not None:
                    found.add((text(source, decl.child_by_field_name("name")), place))
    return frozenset(found)


def _known_empty(stmt, target, ctx: Context) -> bool:
    """Whether the code says the response has no body: it compares `resp.Body` with
    `http.NoBody`, or the function serves its own requests from handler literals
    (`httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, ...) {...}))`)
    none of which writes a body, only a status or headers (`w.WriteHeader(204)`):
    such a response has Content-Length 0, and the transport hands back http.NoBody."""
    func = enclosing_function(stmt)
    if func is None:
        return False
    for use in ctx.names.uses(target, func):
        field = use.parent
        outer = field.parent if field is not None else None
        if outer is None or field.type != "selector_expression" or outer.type != "binary_expression" or \
                field.child_by_field_name("field") is None or outer.child_by_field_name("operator") is None or \
                ctx.text(field.child_by_field_name("field")) != "Body" or \
                ctx.text(outer.child_by_field_name("operator")) not in ("==", "!="):
            continue
        other = [c for c in (outer.child_by_field_name("left"), outer.child_by_field_name("right"))
                 if c is not None and c != field]
        if other and ctx.text(other[0]).rsplit(".", 1)[-1] == "NoBody":
            return True
    outermost = func
    for parent in ancestors(func):
        if parent.type in ("function_declaration", "method_declaration"):
            outermost = parent
    return _serves_no_body(outermost, ctx.source)


# httptest's constructors, which serve the handler they are given; other ways to serve,
# whose handlers may write a body.
TEST_SERVERS = ("NewServer", "NewTLSServer", "NewUnstartedServer")
OTHER_SERVES = ("Serve", "ServeTLS", "ListenAndServe", "ListenAndServeTLS")


@per_file
def _serves_no_body(func, source: bytes) -> bool:
    """Whether func starts `httptest` servers, serves from nothing else, and every one
    of them serves a handler literal that writes no body (asked once per function)."""
    names = names_for(source, func)
    servers = []
    for node in walk(func):
        kind = node.child_by_field_name("type") if node.type == "composite_literal" else None
        if kind is not None and text(source, kind).endswith(("http.Server", "http2.Server")):
            return False
        if node.type != "call_expression":
            continue
        called = call_name(node, source)[1]
        if called in OTHER_SERVES:
            return False
        if called in TEST_SERVERS and \
                (names.qualified(node.child_by_field_name("function")) or ("",))[0] == "net/http/httptest":
            servers.append(node)
    return bool(servers) and all(_writes_no_body(_handler_literal(s, source), source) for s in servers)


def _once_and_whole(stmt, ctx: Context) -> bool:
    """Whether a test's request (not an Example's) is made once per run of one test
    (syntax.once_per_test: no loop, no helper) and no server it shows streams its reply
    (_writes_stream): the reply is written whole, so the server's connection goes idle
    and `httptest.Server.Close` does not wait for it; the open body costs one connection
    until the test binary exits. Not in a package whose tests check for leaked
    goroutines (they would fail)."""
    return once_per_test(stmt, ctx.path or "", ctx.source, lambda loop: over_table(loop, ctx.names)) and \
        not ctx.names.in_example(stmt) and not _shows_body(stmt, ctx, _writes_stream) and \
        not package_holds(ctx.path or "", ctx.source, LEAK_CHECKERS, LEAK_CHECKER_IMPORTS)


def _shows_body(stmt, ctx: Context, writes=None) -> bool:
    """Whether the function around stmt that holds a handler or server (the innermost
    one, or else the outermost) serves a handler that can write a body (or a function
    of the file it calls does): a handler literal anywhere in it, or given to an `httptest` server,
    `Serve`/`ListenAndServe*`, a mux `Handle`/`HandleFunc` registration or
    `http.Server{Handler: ...}` (also through a local variable): a function or method of
    the file that it names and that uses its ResponseWriter for more than a status or
    headers (writes, default _writes_body, says which), or an `http.FileServer`."""
    writes = writes or _writes_body
    outermost = ctx.names.outermost_function(stmt)
    if outermost is None:
        return False
    # The innermost function around stmt that holds a handler or a server: a spec
    # framework's block (`Context(..., func() { BeforeEach(... handler ...); It(...) })`)
    # serves its own specs, not those of its siblings.
    scope = next((f for f in ancestors(stmt) if f.type in ("func_literal", "function_declaration",
                                                             "method_declaration") and
                  (f == outermost or _holds_handler(f, ctx))), outermost)
    memo = file_memo(ctx.source).setdefault((_shows_body, writes), {})  # once per function
    if scope not in memo:
        # the function's own servers, or one a helper of the file starts (`s :=
        # httpServer()`), one call down
        memo[scope] = _serves_body(scope, ctx, writes) or any(
            _serves_body(helper, ctx, writes) for node in walk(scope) if node.type == "call_expression"
            for helper in _same_file_functions(node, ctx) if helper != scope)
    return memo[scope]


def _holds_handler(func, ctx: Context) -> bool:
    """Whether func holds a handler literal, a server or a route (see _serves_body)."""
    for node in walk(func):
        if node.type == "func_literal" and node != func and _handler_of(node, ctx.source) is not None:
            return True
        if node.type == "call_expression" and call_name(node, ctx.source)[1] in TEST_SERVERS + OTHER_SERVES + ROUTES:
            return True
        if node.type == "keyed_element" and node.named_children and ctx.text(node.named_children[0]) == "Handler":
            return True
    return False


def _serves_body(outermost, ctx: Context, writes) -> bool:
    for node in walk(outermost):
        handler = None
        if node.type == "func_literal":
            handler = node  # a handler literal given to a router (`r.Get("/", func(w, r) {...})`)
        elif node.type == "call_expression":
            called, args = call_name(node, ctx.source)[1], arguments(node)
            if called in TEST_SERVERS + OTHER_SERVES + ROUTES and args:
                handler = args[-1] if called not in TEST_SERVERS else args[0]
        elif node.type == "keyed_element" and ctx.text(node.named_children[0]) == "Handler":
            handler = node.named_children[-1]
        if handler is not None and _may_write_body(handler, ctx, 0, writes):
            return True
    return False


def _may_write_body(expr, ctx: Context, depth: int, writes) -> bool:
    """Whether the handler expression expr shows a way to write a body (see _shows_body)."""
    declared = _handlers_of_file(ctx.root, ctx.source)
    for node in (expr, *walk(expr)):
        if node.type == "func_literal" and _handler_of(node, ctx.source) is not None and \
                writes(node, ctx.source):
            return True
        if node.type in ("identifier", "field_identifier", "type_identifier"):
            name = ctx.text(node)
            if name == "FileServer" or any(writes(f, ctx.source) for f in declared.get(name, ())):
                return True
            binding = ctx.names.reaching(node, expr) if node.type == "identifier" and depth < 2 else None
            if binding is not None and binding[1] is not None and \
                    _may_write_body(binding[1], ctx, depth + 1, writes):
                return True
    return False


@per_file
def _handlers_of_file(root, source: bytes) -> dict:
    """Name -> the file's functions and methods that take an http.ResponseWriter (a
    declaration the handler names; the rule's "callees" dependency covers it)."""
    found: dict = {}
    for decl in root.named_children:
        if decl.type in ("function_declaration", "method_declaration") and any(
                kind is not None and text(source, kind).endswith("ResponseWriter")
                for _, kind in parameters(decl, source, receiver=False)):
            found.setdefault(text(source, decl.child_by_field_name("name")), []).append(decl)
    return found


def _handler_literal(server, source: bytes):
    """The function literal a test server serves, `func(w http.ResponseWriter, r
    *http.Request) {...}` given as it is or through `http.HandlerFunc(...)`; None for
    any other handler (a mux, a value built elsewhere)."""
    args = arguments(server)
    return _handler_of(args[0] if args else None, source)


def _handler_of(handler, source: bytes):
    """handler itself when it is such a literal, or the literal `http.HandlerFunc(...)`
    converts; None otherwise."""
    while handler is not None and handler.type in ("call_expression", "type_conversion_expression") and \
            len(handler.named_children) == 2 and text(source, handler.named_children[0]).rsplit(".", 1)[-1] == \
            "HandlerFunc":
        inner = arguments(handler) if handler.type == "call_expression" else handler.named_children[1:]
        handler = inner[0] if len(inner) == 1 else None
    if handler is None or handler.type != "func_literal":
        return None
    kinds = [text(source, kind) if kind is not None else ""
             for _, kind in parameters(handler, source, receiver=False)]
    return handler if len(kinds) == 2 and kinds[0].endswith("ResponseWriter") and \
        kinds[1].endswith("Request") else None


# `mux.HandleFunc("/path", handler)`, `http.Handle("/path", http.HandlerFunc(...))`.
ROUTES = ("HandleFunc", "Handle")


def _routed_to_no_body(call, ctx: Context) -> bool:
    """Whether the request goes to a path (the last string literal of its URL that
    starts with `/`: `"https://localhost:" + port + "/headers"`) for which the
    outermost function around it registers only handler literals that write no body
    (`mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
    w.Header().Set(k, v) })`): an exact pattern is the one a mux serves that path with,
    and such a response has no body."""
    url = _request_url(call, ctx)
    literals = [n for n in (url, *walk(url)) if n.type == "interpreted_string_literal"] if url is not None else []
    path = ctx.text(literals[-1])[1:-1].split("?", 1)[0] if literals else ""
    if not path.startswith("/"):
        return False
    outermost = ctx.names.outermost_function(call)
    handlers = _routes(outermost, ctx.source).get(f'"{path}"', []) if outermost is not None else []
    return bool(handlers) and all(_writes_no_body(h, ctx.source) for h in handlers)


@per_file
def _routes(outermost, source: bytes) -> dict:
    """The pattern literal -> the handler literals (or None) registered for it in
    outermost (`mux.HandleFunc("/path", h)`), asked once per function."""
    found: dict = {}
    for node in walk(outermost):
        args = arguments(node) if node.type == "call_expression" else []
        if len(args) == 2 and call_name(node, source)[1] in ROUTES:
            found.setdefault(text(source, args[0]), []).append(_handler_of(args[1], source))
    return found


def _constant_url(call, ctx: Context) -> bool:
    """Whether the request's URL is written out in string literals
    (`"http://localhost/"`): not a server the test starts."""
    url = _request_url(call, ctx)
    strings = ("interpreted_string_literal", "raw_string_literal")
    return url is not None and all(
        n.type in strings + ("binary_expression", "parenthesized_expression") or not n.is_named or
        any(a.type in strings for a in ancestors(n))
        for n in (url, *walk(url)))


def _request_url(call, ctx: Context):
    """The URL argument of `http.Get(url)`/`Post`/`PostForm`, or of the
    `http.NewRequest(method, url, body)` (or `NewRequestWithContext`) whose request
    `Do(req)` sends, made in the same function; None when not seen."""
    args = arguments(call)
    if not args:
        return None
    if call_name(call, ctx.source)[1] != "Do":
        return args[0]
    binding = ctx.names.reaching(args[0], call) if args[0].type == "identifier" else None
    statement = next((a for a in ancestors(binding[0]) if a.type in (
        "short_var_declaration", "assignment_statement")), None) if binding is not None else None
    right = statement.child_by_field_name("right") if statement is not None else None
    values = right.named_children if right is not None else []
    resolved = ctx.names.qualified(values[0].child_by_field_name("function")) \
        if len(values) == 1 and values[0].type == "call_expression" else None
    index = {"NewRequest": 1, "NewRequestWithContext": 2}.get(resolved[1]) \
        if resolved is not None and resolved[0] == "net/http" else None
    made = arguments(values[0]) if index is not None else []
    return made[index] if index is not None and len(made) > index else None


def _writes_body(handler, source: bytes) -> bool:
    """Whether a handler is seen to write a body: it uses its ResponseWriter for more
    than a status and headers, and does not take the connection over (`w.(http.Hijacker)`:
    what it answers there, `Content-Length: 0` or a body, is only bytes)."""
    if _writes_no_body(handler, source):
        return False
    body = handler.child_by_field_name("body")
    return not any(node.type == "type_assertion_expression" and
                   text(source, node.child_by_field_name("type")).endswith("Hijacker")
                   for node in (walk(body) if body is not None else ()))


# What hands a handler's ResponseWriter a reply of any length: `io.Copy(w, f)`, a file.
_COPIES = ("Copy", "CopyN", "CopyBuffer", "ServeContent", "ServeFile")


def _writes_stream(handler, source: bytes) -> bool:
    """Whether a handler may write more than fits the connection's buffers, so that it
    waits for a client that does not read: it uses its ResponseWriter, or flushes, in a
    loop (a stream), or copies a reader or a file to it (`io.Copy(w, f)`,
    `http.ServeContent`, `http.ServeFile`)."""
    writer = _writer(handler, source)
    body = handler.child_by_field_name("body")
    uses = {u.start_byte for u in names_for(source, handler).uses(writer, body)} \
        if writer is not None and body is not None else set()
    for node in walk(body) if uses else ():
        if node.type == "call_expression" and call_name(node, source)[1] in _COPIES and \
                any(a.type == "identifier" and a.start_byte in uses for a in arguments(node)):
            return True
        if (node.type == "identifier" and node.start_byte in uses or
                node.type == "call_expression" and call_name(node, source)[1] == "Flush") and \
                any(a.type == "for_statement" for a in ancestors(node) if body.start_byte <= a.start_byte):
            return True
    return False


def _writer(handler, source: bytes):
    """The identifier declaring a handler's ResponseWriter parameter (the first one whose
    type says so); None without one, or for `_`."""
    index = next((i for i, (_, kind) in enumerate(parameters(handler, source, receiver=False))
                  if kind is not None and text(source, kind).endswith("ResponseWriter")), None)
    param = parameter_at(handler, index) if index is not None else None
    return param if param is not None and text(source, param) != "_" else None


def _writes_no_body(handler, source: bytes) -> bool:
    """Whether a handler literal uses its ResponseWriter only to set a status or
    headers (`w.WriteHeader(code)`, `w.Header().Set(k, v)`); False for no literal."""
    if handler is None:
        return False
    writer = _writer(handler, source)
    if writer is None:
        return True
    body = handler.child_by_field_name("body")
    for node in names_for(source, handler).uses(writer, body) if body is not None else ():
        field = node.parent
        if field is None or field.type != "selector_expression" or field.child_by_field_name("operand") != node or \
                field.child_by_field_name("field") is None or \
                text(source, field.child_by_field_name("field")) not in ("WriteHeader", "Header") or \
                not _called(field):
            return False
    return True


def _unread_report(stmt, call, target, resp: str, err: str, ctx: Context) -> Report | None:
    """With `check-consumption`: the note for a body closed on every path but never
    read in the function, so an HTTP/1 transport closes the connection rather than
    reusing it."""
    closed = analyze(stmt, target, CLOSE_BODY, ctx.source, err)
    if closed is None or closed.verdict is None or closed.verdict.leaking or \
            not closed.verdict.released_somewhere or not _never_read(target, stmt, ctx):
        return None
    return Report(call, shortest_fitting(
        f"`{resp}.Body` from {short_call(call, ctx.source)} is closed without being read: over HTTP/1 "
        f"its connection is closed, not reused; drain it with io.Copy(io.Discard, {resp}.Body) first",
        f"`{resp}.Body` is closed without being read: over HTTP/1 its connection is closed, not reused; "
        f"drain it with io.Copy(io.Discard, {resp}.Body) first"), severity=Severity.NOTE)


def _never_read(target, stmt, ctx: Context) -> bool:
    """Whether the response bound to target is used in its function only by closing
    its body, comparing it or its body with nil, and reading its other fields
    (`resp.StatusCode`, `resp.Header.Get(k)`): nothing can have read the body. Any
    other use (`resp.Body.Read(buf)`, `process(resp.Body)`, `drain(resp)`, a method of
    the response, another assignment) may read it. A status compared with 204 or 304
    says the body may be empty, where nothing is lost."""
    func = enclosing_function(stmt)
    empty = CLOSE_BODY.empty_when[1]
    for use in ctx.names.uses(target, func):
        if use.start_byte == target.start_byte or _rebound(use):
            continue
        parent = use.parent
        if parent.type == "var_spec" and parent.child_by_field_name("value") is None:
            continue  # `var resp *http.Response`, declared before `resp, err = c.Do(req)`
        if parent.type == "binary_expression" and _other_is_nil(parent, use, ctx):
            continue
        if parent.type != "selector_expression" or parent.child_by_field_name("operand") != use:
            return False
        field, outer = ctx.text(parent.child_by_field_name("field")), parent.parent
        if _called(parent):
            return False  # resp.Write(w), a method of the response
        if field == "StatusCode" and any(ctx.text(v).rsplit(".", 1)[-1] in empty
                                         for v in _compared_with(parent, outer)):
            return False
        if field != "Body":
            continue
        if outer.type == "selector_expression" and ctx.text(outer.child_by_field_name("field")) == "Close" \
                and _called(outer):
            continue
        if outer.type == "binary_expression" and _other_is_nil(outer, parent, ctx):
            continue
        return False
    return True


def _once_in_main(call, ctx: Context) -> bool:
    """Whether call sits directly in `func main()` of package main, outside any loop
    or closure: it runs once per run of the program, so at most one response stays
    open, as long as the process (as go vet's lostcancel treats main)."""
    return program_main(enclosing_function(call), ctx.source, ctx.names.package) and not in_loop(call)


def _once_per_process(stmt, target, err: str, ctx: Context) -> bool:
    """Whether the response leaks at most once per run of the process (lifetime.runs_once):
    the request runs once, or it runs in a loop of a function that runs once and every
    path that leaves it open returns from that function (`for _, f := range folders {
    if f.ID == id { resp, err := c.Post(...); ...; return err } }`)."""
    if runs_once(stmt, ctx.names, ctx.root, ctx.source, single=FAR_DEPTH):
        return True
    func = enclosing_function(stmt)
    if not in_loop(stmt) or func is None or func.child_by_field_name("body") is None or \
            not runs_once(func.child_by_field_name("body"), ctx.names, ctx.root, ctx.source, single=FAR_DEPTH):
        return False
    closed = analyze(stmt, target, CLOSE_BODY, ctx.source, err)
    return closed is not None and closed.verdict is not None and \
        all(e.kind == "return" for e in closed.verdict.leaks)


def _polls_once(stmt, ctx: Context) -> bool:
    """Whether the request runs in a poll or retry loop (lifetime.retry_loop: counted or
    until a deadline set before it, left at success, waiting between tries), in no other
    loop, of a function that runs once per run of the process (lifetime.runs_once, a
    command action included: `wait` polling a local endpoint until it answers or time
    runs out)."""
    func = enclosing_function(stmt)
    loops = []
    for parent in ancestors(stmt):
        if parent == func:
            break
        if parent.type == "for_statement":
            loops.append(parent)
    body = func.child_by_field_name("body") if func is not None else None
    return len(loops) == 1 and body is not None and retry_loop(loops[0], ctx.names) and \
        runs_once(body, ctx.names, ctx.root, ctx.source, single=FAR_DEPTH)


def _takes_connection_over(stmt, ctx: Context) -> bool:
    """Whether the function, after the request, takes the client connection over
    (`c, br := clientconn.Hijack()` after an Upgrade request, as for a 101 Switching
    Protocols answer): the response's body is read from that connection, which the
    function now owns (and hands back), so closing the body is not the way out."""
    func = enclosing_function(stmt)
    return func is not None and any(at > stmt.end_byte for at in _hijacks(func, ctx.source))


@per_file
def _hijacks(func, source: bytes) -> tuple[int, ...]:
    """Where func (not its closures) calls `x.Hijack()`, asked once per function."""
    body = func.child_by_field_name("body")
    return tuple(node.start_byte for node in (walk(body, into_functions=False) if body is not None else ())
                 if node.type == "call_expression" and call_name(node, source)[1] == "Hijack"
                 and not arguments(node))


def _rebound(use) -> bool:
    """Whether use is a target of `=`/`:=` (`resp, err = client.Do(req2)`): it gets
    another response, it reads nothing of this one."""
    targets = use.parent
    statement = targets.parent if targets is not None and targets.type == "expression_list" else None
    return statement is not None and statement.type in ("assignment_statement", "short_var_declaration") \
        and statement.child_by_field_name("left") == targets


def _expected_to_fail(stmt, resp: str, err: str, ctx: Context) -> bool:
    """Whether a test checks, in the `if` statements right after the request (before
    anything else can change err), that the request failed: `if err == nil {
    t.Error(...) }` or `if resp != nil { t.Errorf(...) }`. The test expects no
    response; one that comes fails the test."""
    following = stmt.next_named_sibling
    for _ in range(3):
        if following is None or following.type != "if_statement" or \
                following.child_by_field_name("initializer") is not None:
            return False
        condition = following.child_by_field_name("condition")
        consequence = following.child_by_field_name("consequence") if condition is not None else None
        if condition is not None and (ctx.names.tests_nil(condition, bound_identifier(stmt, err, ctx.source), "==") or
                                      ctx.names.tests_nil(condition, bound_identifier(stmt, resp, ctx.source), "!=")) \
                and err not in ("", "_") and any(
                    n.type == "call_expression" and call_name(n, ctx.source)[1] in TEST_FAILURES
                    for n in walk(consequence)):
            return True
        following = following.next_named_sibling
    return False


def _after_failed_read(leave, target, ctx: Context) -> bool:
    """Whether the exit leave is a `return`, `break` or `continue` in the consequence of
    `if err != nil` right after `..., err := io.ReadAll(resp.Body)` (a read to EOF of the
    body of target, `io.Copy` too): the read failed, and net/http closes the connection
    on a read error, so the body left open there holds nothing."""
    node = leave.node
    if leave.kind not in ("return", "break", "continue") or node is None:
        return False
    while node.parent is not None and node.parent.type in ("block", "statement_list"):
        node = node.parent
    check = node.parent
    if check is None or check.type != "if_statement" or check.child_by_field_name("consequence") != node:
        return False
    read = check.child_by_field_name("initializer") or check.prev_named_sibling
    while read is not None and read.type == "comment":
        read = read.prev_named_sibling
    if read is None or read.type not in ("short_var_declaration", "assignment_statement"):
        return False
    right = read.child_by_field_name("right")
    value = right.named_children[0] if right is not None and len(right.named_children) == 1 else None
    if value is None or value.type != "call_expression":
        return False
    drain = ctx.names.qualified(value.child_by_field_name("function"))
    args = arguments(value)
    index = 1 if drain is not None and drain[1] in ("Copy", "CopyBuffer") else 0
    err = _bound_error(read, ctx)
    condition = check.child_by_field_name("condition")
    return drain in DRAIN_OR_CLOSE.drains and len(args) > index and _body_of(args[index], target, ctx) and \
        err != "_" and condition is not None and ctx.text(condition).replace(" ", "") == f"{err}!=nil"


def _open_only_after_failing(stmt, target, err: str, ctx: Context) -> bool:
    """Whether every path that leaves the body open, and has not read it to EOF, is a
    `return`, `break` or `continue` right after the test reported a failure
    (`t.Error(err); return`, after a read of the body failed): the test has failed
    already, and the body of a broken exchange is all that is left."""
    drained = analyze(stmt, target, _drain_or_close(ctx), ctx.source, err)
    leaks = drained.verdict.leaks if drained is not None and drained.verdict is not None else []
    return bool(leaks) and all(e.kind in ("return", "break", "continue") and _after_failure(e.node, ctx)
                               for e in leaks)


# What ends a test where it is called: a failure that stops it, or a skip.
_ENDS_TEST = ("Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow")


def _read_until_eof_asserted(stmt, target, err: str, ctx: Context) -> bool:
    """Whether, in the statements after the request (outside any branch), the test
    reads the body (`_, err = io.ReadFull(res.Body, buf)`, `res.Body.Read(buf)`) and
    then ends unless that read returned `io.EOF` (`if err != io.EOF { t.Fatalf(...) }`),
    and every path that leaves the body open (and not read to EOF) comes after that
    check: a streaming test that reads its body to the end."""
    check = next((s.next_named_sibling for s in _following(stmt) if _reads(s, target, ctx) and
                  _ends_test_unless_eof(s.next_named_sibling, _bound_error(s, ctx), ctx)), None)
    drained = analyze(stmt, target, _drain_or_close(ctx), ctx.source, err) if check is not None else None
    leaks = drained.verdict.leaks if drained is not None and drained.verdict is not None else []
    return bool(leaks) and all(e.kind == "end" or e.node.start_byte > check.end_byte for e in leaks)


def _following(stmt) -> Iterator[Any]:
    node = stmt.next_named_sibling
    while node is not None:
        yield node
        node = node.next_named_sibling


def _body_of(expr, response, ctx: Context) -> bool:
    """Whether expr is `resp.Body` with resp the variable the identifier response
    names (analysis/names: a shadowing `resp` is another)."""
    expr = strip_parens(expr)
    operand = expr.child_by_field_name("operand") if expr is not None and expr.type == "selector_expression" \
        else None
    return operand is not None and operand.type == "identifier" and response.type == "identifier" and \
        ctx.text(expr.child_by_field_name("field")) == "Body" and ctx.names.same_variable(operand, response)


def _reads(statement, response, ctx: Context) -> bool:
    """`n, err = io.ReadFull(resp.Body, buf)` (any call given the body of the response
    the identifier response names) or `resp.Body.Read(buf)`."""
    right = statement.child_by_field_name("right") \
        if statement.type in ("short_var_declaration", "assignment_statement") else None
    value = right.named_children[0] if right is not None and len(right.named_children) == 1 else None
    if value is None or value.type != "call_expression":
        return False
    function = value.child_by_field_name("function")
    return any(_body_of(a, response, ctx) for a in arguments(value)) or (
        function.type == "selector_expression" and ctx.text(function.child_by_field_name("field")) == "Read"
        and _body_of(function.child_by_field_name("operand"), response, ctx))


def _bound_error(statement, ctx: Context) -> str:
    targets = statement.child_by_field_name("left").named_children
    return ctx.text(targets[-1]) if targets and targets[-1].type == "identifier" else "_"


def _ends_test_unless_eof(check, err: str, ctx: Context) -> bool:
    """`if err != io.EOF { t.Fatalf(...) }` right after the read."""
    condition = check.child_by_field_name("condition") if check is not None and check.type == "if_statement" \
        and check.child_by_field_name("initializer") is None else None
    condition = strip_parens(condition)
    operator = condition.child_by_field_name("operator") if condition is not None and \
        condition.type == "binary_expression" else None
    if err == "_" or operator is None or operator.type != "!=":
        return False
    sides = [strip_parens(condition.child_by_field_name(f)) for f in ("left", "right")]
    return any(a is not None and a.type == "identifier" and ctx.text(a) == err and
               b is not None and ctx.names.qualified(b) == ("io", "EOF")
               for a, b in (sides, sides[::-1])) and _ends_test(check, ctx)


def _ends_test(check, ctx: Context) -> bool:
    """Whether the consequence of the if statement check calls `t.Fatal`, `t.FailNow`,
    `t.Skip` (and the like) as a statement of its own."""
    return any(node.type == "expression_statement" and node.named_children and
               node.named_children[0].type == "call_expression" and
               node.named_children[0].child_by_field_name("function").type == "selector_expression" and
               call_name(node.named_children[0], ctx.source)[1] in _ENDS_TEST
               for node in statements(check.child_by_field_name("consequence")))


def _errors_end_the_test(stmt, target, err: str, ctx: Context) -> bool:
    """Whether every path that leaves the body open (and not read to EOF) returns a
    non-nil error from a named function of the file whose last result is an `error`,
    and every call of it (in this file; no other file of the folder names it) is
    checked with `if err != nil { t.Fatal(...) }` (or `FailNow`, `Skip`): a test helper
    such as `query(endpoint)` whose failing status ends the test that called it."""
    func = enclosing_function(stmt)
    result = func.child_by_field_name("result") if func is not None and func.type == "function_declaration" else None
    if result is None or not ctx.text(result).rstrip(")").rstrip().endswith("error"):
        return False
    drained = analyze(stmt, target, _drain_or_close(ctx), ctx.source, err)
    leaks = drained.verdict.leaks if drained is not None and drained.verdict is not None else []
    if not leaks or not all(e.kind == "return" and _returns_error(e.node) for e in leaks):
        return False
    name = ctx.text(func.child_by_field_name("name"))
    facts = ctx.names.facts
    if facts is not None and any(re.search(rb"\b" + re.escape(name.encode()) + rb"\(", s) for s in facts.sources()):
        return False  # called from another file too
    declared = func.child_by_field_name("name")
    calls = [c for c in descendants(ctx.root, ("call_expression",))
             if c.child_by_field_name("function").type == "identifier" and
             ctx.text(c.child_by_field_name("function")) == name and
             ctx.names.resolve(c.child_by_field_name("function")).decl == declared]
    return bool(calls) and all(_checked_to_end_test(c, ctx) for c in calls)


def _returns_error(ret) -> bool:
    """`return nil, fmt.Errorf(...)`, `return p, err`: a last value other than nil."""
    values = ret.named_children[0] if ret.named_children else None
    last = values.named_children[-1] if values is not None and values.type == "expression_list" and \
        values.named_children else values
    return last is not None and last.type in ("call_expression", "identifier")


def _checked_to_end_test(call, ctx: Context) -> bool:
    """Whether call is bound as `v, err := f(...)` (or `err = f(...)`), alone or as an
    `if`'s initializer, and the `if err != nil` right after ends the test."""
    values = call.parent
    statement = values.parent if values is not None and values.type == "expression_list" else None
    if statement is None or statement.type not in ("short_var_declaration", "assignment_statement") or \
            len(values.named_children) != 1:
        return False
    targets = statement.child_by_field_name("left").named_children
    check = statement.parent if statement.parent is not None and statement.parent.type == "if_statement" \
        else statement.next_named_sibling
    condition = check.child_by_field_name("condition") if check is not None and check.type == "if_statement" else None
    return bool(targets) and ctx.names.tests_nil(condition, targets[-1], "!=") and _ends_test(check, ctx)


def _after_failure(ret, ctx: Context) -> bool:
    """Whether the statement before the return reports a test failure (`t.Errorf(...)`,
    or a call of a function literal of the function that does: `errorf := func(...) {
    ...; t.Error(v) }`)."""
    before = ret.prev_named_sibling
    while before is not None and before.type == "comment":
        before = before.prev_named_sibling
    call = before.named_children[0] if before is not None and before.type == "expression_statement" and \
        before.named_children else None
    if call is None or call.type != "call_expression":
        return False
    function = call.child_by_field_name("function")
    if function.type == "identifier":
        bound = ctx.names.reaching(function, call)
        literal = bound[1] if bound is not None else None
        return literal is not None and literal.type == "func_literal" and any(
            n.type == "call_expression" and _fails(n, ctx.source) for n in walk(literal, into_functions=False))
    return _fails(call, ctx.source)


def _fails(call, source: bytes) -> bool:
    return call.child_by_field_name("function").type == "selector_expression" and \
        call_name(call, source)[1] in TEST_FAILURES


def _in_memory_transport(call, ctx: Context) -> bool:
    """Whether the request goes through a client of the same function whose Transport is
    a function literal (`roundTripFunc(func(req *http.Request) (*http.Response, error)
    {...})`) that returns only responses it builds (`&http.Response{...}`) or nil: a
    fake, whose bodies hold no connection."""
    transport = _client_field(call, "Transport", ctx)
    adapted = transport.named_children[0] if transport is not None and transport.named_children else None
    literal = next((a for a in arguments(adapted) if a.type == "func_literal"), None) \
        if adapted is not None and adapted.type in ("call_expression", "type_conversion_expression") else None
    if literal is None:
        return False
    returns = [r for r in walk(literal.child_by_field_name("body"), into_functions=False) if r.type == "return_statement"]
    return bool(returns) and all(_built_response(r, ctx) for r in returns)


def _times_out(call, ctx: Context) -> bool:
    """Whether the request goes through a client of the function (or of one around it)
    whose literal sets a Timeout (`&http.Client{Timeout: time.Second}`), or that the
    function gives one before the request, in a block around it (`client.Timeout = 5 *
    time.Second`): when it fires, the client cancels the request and its connection is
    dropped, read or not."""
    timeout = _client_field(call, "Timeout", ctx) or _timeout_assigned(call, ctx)
    return timeout is not None and ctx.text(timeout).strip() not in ("0", "0x0")


def _own_transport(call, ctx: Context) -> bool:
    """Whether the request goes through a client whose literal's Transport is made in
    the function around the request: a literal (`&http.Transport{...}`) or a local
    variable a call there returned (`transport, cleanup, err := newTransport()`). Its
    pool of idle connections is the call's own, so a later call cannot reuse one."""
    transport = _client_field(call, "Transport", ctx)
    while transport is not None and transport.type in ("unary_expression", "parenthesized_expression",
                                                       "literal_element") and transport.named_children:
        transport = transport.named_children[-1]
    if transport is None:
        return False
    if transport.type == "composite_literal":
        return ctx.names.qualified(transport.child_by_field_name("type")) == ("net/http", "Transport")
    made = ctx.names.made_by(transport, call) if transport.type == "identifier" else None
    return made is not None and ctx.names.resolve(transport).kind == LOCAL and \
        enclosing_function(made) == enclosing_function(call)


def _timeout_assigned(call, ctx: Context):
    """The value of the last `client.Timeout = d` before call in a block around it, for
    the client variable whose method call is (`client.Do(req)`); None when not seen."""
    function = call.child_by_field_name("function")
    client = function.child_by_field_name("operand") if function.type == "selector_expression" else None
    func = enclosing_function(call)
    if client is None or client.type != "identifier" or func is None:
        return None
    found = None
    for holder in ancestors(call):
        if holder.type in FUNCTION_TYPES:
            break
        if holder.type not in ("block", "statement_list"):
            continue
        for statement in holder.named_children:
            if statement.start_byte >= call.start_byte:
                break
            targets = left_names(statement) if statement.type == "assignment_statement" else []
            right = statement.child_by_field_name("right") if len(targets) == 1 else None
            target = targets[0] if targets else None
            if right is not None and len(right.named_children) == 1 and target.type == "selector_expression" and \
                    ctx.text(target.child_by_field_name("field")) == "Timeout" and \
                    target.child_by_field_name("operand").type == "identifier" and \
                    ctx.names.same_variable(target.child_by_field_name("operand"), client):
                found = right.named_children[0]
        if found is not None:
            return found
    return None


def _client_field(call, key: str, ctx: Context):
    """The value of field key in the `http.Client{...}` literal last assigned to the
    variable whose method the request calls (`client.Get(u)`); None when not seen."""
    function = call.child_by_field_name("function")
    client = function.child_by_field_name("operand") if function.type == "selector_expression" else None
    binding = ctx.names.reaching(client, call) if client is not None and client.type == "identifier" else None
    return _client_literal_field(binding[1] if binding is not None else None, key, ctx)


def _multiplexed(call, ctx: Context) -> bool:
    """Whether the request goes through a client whose literal, in the outermost
    function around it (every literal assigned to it there, in a setup closure too),
    sets a `Transport` that speaks HTTP/2 or HTTP/3: an `http2.Transport`, a quic-go
    `http3.RoundTripper`, or an `http.Transport` with `ForceAttemptHTTP2: true` for an
    `https://` URL written out. A stream left open holds no connection of its own: the
    connection's reader goroutine reads on, forgets a stream the server has ended, and
    ends when the server (the test's, closed with it) closes the connection."""
    function = call.child_by_field_name("function")
    client = function.child_by_field_name("operand") if function.type == "selector_expression" else None
    outermost = ctx.names.outermost_function(call)
    if client is None or client.type != "identifier" or outermost is None:
        return False
    values = [statement.child_by_field_name("right").named_children[0]
              for statement in walk(outermost)
              if statement.type in ("short_var_declaration", "assignment_statement") and
              len(left_names(statement)) == 1 and left_names(statement)[0].type == "identifier" and
              ctx.names.same_variable(left_names(statement)[0], client) and
              len(statement.child_by_field_name("right").named_children) == 1]
    return bool(values) and all(_speaks_h2(_client_literal_field(v, "Transport", ctx), call, ctx) for v in values)


def _client_literal_field(value, key: str, ctx: Context):
    """The value of field key of an `http.Client{...}` literal (through `&`); None when
    value is no such literal or does not set it."""
    while value is not None and value.type in ("unary_expression", "parenthesized_expression") and value.named_children:
        value = value.named_children[-1]
    if value is None or value.type != "composite_literal" or ctx.names.qualified(
            value.child_by_field_name("type")) != ("net/http", "Client"):
        return None
    body = value.child_by_field_name("body")
    return next((e.child_by_field_name("value") for e in (body.named_children if body is not None else ())
                 if e.type == "keyed_element" and ctx.text(e.child_by_field_name("key")) == key), None)


def _speaks_h2(transport, call, ctx: Context) -> bool:
    while transport is not None and transport.type in ("unary_expression", "parenthesized_expression",
                                                       "literal_element") and transport.named_children:
        transport = transport.named_children[-1]
    if transport is None or transport.type != "composite_literal":
        return False
    kind = ctx.names.qualified(transport.child_by_field_name("type"))
    if kind is None:
        return False
    if kind == ("golang.org/x/net/http2", "Transport") or \
            (kind[0].endswith("/http3") and kind[1] == "RoundTripper"):
        return True
    if kind != ("net/http", "Transport") or \
            re.search(r"\bForceAttemptHTTP2\s*:\s*true\b", ctx.text(transport)) is None:
        return False
    url = _request_url(call, ctx)
    literals = [n for n in (url, *walk(url)) if n.type == "interpreted_string_literal"] if url is not None else []
    return bool(literals) and ctx.text(literals[0]).startswith('"https://')


def _built_response(ret, ctx: Context) -> bool:
    """`return &http.Response{...}, nil` or `return nil, err`."""
    values = ret.named_children[0] if ret.named_children else None
    first = values.named_children[0] if values is not None and values.type == "expression_list" and \
        values.named_children else values
    while first is not None and first.type == "unary_expression" and first.named_children:
        first = first.named_children[-1]
    return first is not None and (first.type == "nil" or (
        first.type == "composite_literal" and
        ctx.names.qualified(first.child_by_field_name("type")) == ("net/http", "Response")))


def _called(selector) -> bool:
    parent = selector.parent
    return parent is not None and parent.type == "call_expression" and \
        parent.child_by_field_name("function") == selector


def _other_is_nil(binary, side, ctx: Context) -> bool:
    left, right = binary.child_by_field_name("left"), binary.child_by_field_name("right")
    other = right if left == side else left
    return ctx.text(binary.child_by_field_name("operator")) in ("==", "!=") and other.type == "nil"


def _compared_with(selector, outer) -> list:
    """The values `resp.StatusCode` is compared with: the other side of `==`/`!=`, or
    the case values of `switch resp.StatusCode`."""
    if outer.type == "binary_expression":
        return [c for c in (outer.child_by_field_name("left"), outer.child_by_field_name("right"))
                if c is not None and c != selector]
    if outer.type == "expression_switch_statement" and outer.child_by_field_name("value") == selector:
        return [v for case in outer.named_children if case.type == "expression_case"
                for v in case.child_by_field_name("value").named_children]
    return []


CONTEXTS = ("WithCancel", "WithTimeout", "WithDeadline", "WithCancelCause")


@per_file
def _request_contexts(func, source: bytes) -> tuple[str, ...]:
    """The contexts func makes requests with (`http.NewRequestWithContext(c, ...)`,
    `req.WithContext(c)`, `req.Cancel = c.Done()`), as written: where one is done
    (`if c.Err() != nil`, `case <-c.Done()`), net/http has torn its response down."""
    body = func.child_by_field_name("body") if func is not None else None
    if body is None:
        return ()
    names = names_for(source, func)
    contexts, read = [], None
    for node in descendants(body, ("call_expression",), into_functions=False):
        args, (operand, method) = arguments(node), call_name(node, source)
        if "NewRequestWithContext" in method and args and \
                names.qualified(node.child_by_field_name("function")) == ("net/http", "NewRequestWithContext"):
            contexts.append(text(source, args[0]))
        elif method == "WithContext" and len(args) == 1:
            contexts.append(text(source, args[0]))
        elif method == "Done" and not args and node.parent is not None \
                and node.parent.type == "expression_list" and node.parent.parent is not None \
                and node.parent.parent.type == "assignment_statement" \
                and text(source, left_names(node.parent.parent)[0]).endswith(".Cancel"):
            contexts.append(operand)
        elif args and args[0].type == "identifier" and (target := _bound_response(node)) is not None:
            if read is None:  # the identifiers read as `r.Body` in func, found once
                read = [n.child_by_field_name("operand")
                        for n in descendants(body, ("selector_expression",), into_functions=False)
                        if n.child_by_field_name("operand").type == "identifier" and
                        text(source, n.child_by_field_name("field")) == "Body"]
            if any(names.same_variable(operand, target) for operand in read):
                contexts.append(text(source, args[0]))  # `resp, err := c.Send(ctx, ...)`: a helper's request
    return tuple(dict.fromkeys(contexts))


def _bound_response(call):
    """The identifier r when call is the whole right side of `r, err := call` (or `=`):
    where func reads `r.Body`, a helper that takes a context first and gives back a
    response, which makes its request with that context."""
    holder = call.parent.parent if call.parent is not None and call.parent.type == "expression_list" else None
    if holder is None or holder.type not in ("short_var_declaration", "assignment_statement") or \
            len(call.parent.named_children) != 1:
        return None
    targets = left_names(holder)
    return targets[0] if len(targets) == 2 and targets[0].type == "identifier" else None


@per_file
def _request_cancels(func, source: bytes) -> tuple[str, ...]:
    """The cancel funcs of the contexts func makes requests with (see
    `_request_contexts`, with `c, cancel := context.WithTimeout(...)`): calling one
    tears the request's connection down."""
    contexts = _request_contexts(func, source)
    body = func.child_by_field_name("body") if contexts else None
    if body is None:
        return ()
    names = names_for(source, func)
    cancels = []
    for node in walk(body, into_functions=False):
        if node.type not in ("short_var_declaration", "assignment_statement"):
            continue
        targets, right = left_names(node), node.child_by_field_name("right")
        values = right.named_children if right is not None else []
        if len(targets) == 2 and len(values) == 1 and values[0].type == "call_expression" and \
                text(source, targets[0]) in contexts and targets[1].type == "identifier":
            resolved = names.qualified(values[0].child_by_field_name("function"))
            if resolved is not None and resolved[0] == "context" and resolved[1] in CONTEXTS:
                cancels.append(text(source, targets[1]))
    return tuple(c for c in cancels if c != "_")


def _fit(what: str, summary: str, why: str, how: str) -> str:
    """`what summary why: how` in at most MESSAGE_LIMIT characters: the why goes
    first (`explain` has it), then the summary's "closed on the happy path but", then
    every leaking path but the first."""
    short = _short(summary)
    first = short.split(" or ", 1)[0] + (" and elsewhere" if " or " in short else "")
    for message in (f"{what} {summary}{why}: {how}", f"{what} {summary}: {how}",
                    f"{what} {short}: {how}", f"{what} {first}: {how}",
                    f"{what} {first}: {how.split(' after ')[0]}"):
        if len(message) <= MESSAGE_LIMIT:
            break
    return message


def _short(summary: str) -> str:
    """"not closed when ..." for "closed on the happy path but not when ..."."""
    return "not closed " + summary.split(" but not ", 1)[1] if " but not " in summary else summary


def _unread(closed: Verdict, drained: Verdict) -> Verdict:
    """The exits where the body is neither closed nor read to its end, worded as
    `closed` sees them elsewhere ("closed on the happy path but not when ...")."""
    # Past both flows' last look at the response (the same tails) the exits and their
    # states are the same: only the exits the flows ran through are compared.
    same = closed.tails.same(drained.tails) if closed.tails is not None else drained.tails is None
    states = {(e.kind, e.node.start_byte): e.state for e in (closed.explicit if same else closed.exits)}
    exits = []
    for e in drained.explicit if same else drained.exits:
        state = states.get((e.kind, e.node.start_byte), e.state)
        if e.state != LIVE and state == LIVE:
            # Read to the end there, not closed: not this message's leak, but not a
            # close either ("not closed when ..." rather than "never closed").
            state = HANDED
        exits.append(Exit(e.kind, e.node, state, e.at))
    return Verdict(exits, closed.final, closed.seen_released, closed.seen_handed, closed.tails if same else None)


def close_fix(stmt, resp: str, err: str, source: bytes):
    """`defer resp.Body.Close()` after the error check; none without one, since the
    response is nil when the request failed and the defer would panic."""
    return defer_after(stmt, err, f"{resp}.Body.Close()", source,
                       f"defer {resp}.Body.Close()", checked=True)


RULE = Rule(
    code="GL008",
    name="body-not-closed",
    severity=Severity.ERROR,
    confidence=Confidence.HIGH,
    check=check,
    doc=__doc__,
    stem=__name__.rsplit(".", 1)[-1],
    triggers=(b"net/http",),
    package_trigger=_calls_sibling_request,
    tests_shown=_shown_in_tests,
    options={"check-consumption": False},
    tags=("resource-leak", "http"),
    peers=(("bodyclose", ""),),
    fix="safe",
    outside=("summaries", "callees"),
    callee_words=(b"Response",),
)
