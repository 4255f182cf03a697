"""`goleaklint lsp`, driven over stdio by a minimal LSP client sending real JSON-RPC
messages (Content-Length framed), as an editor does."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time

import pytest

from integration import BIN, FIXED, LEAKY, env, run, write

pytest.importorskip("pygls")

# How long a message that must come may take: a guard against a hung server, not a
# speed limit (benchmarks/lsp.py measures latency); a loaded machine can take many seconds.
WAIT = 60.0
MORE = "\nfunc watchMore(conn *amqp.Connection) {\n\tconn.NotifyClose(make(chan *amqp.Error))\n}\n"


class Client:
    def __init__(self, cwd: str) -> None:
        self.process = subprocess.Popen([os.path.join(BIN, "goleaklint"), "lsp"], cwd=cwd, env=env(),
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        self.backlog: list[dict] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if not line:
                return
            self.inbox.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def send_raw(self, data: bytes) -> None:
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict | None = None) -> None:
        self.send({"method": method, "params": params} if params is not None else {"method": method})

    def request(self, method: str, params: dict | None = None) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.expect(lambda m: m.get("id") == self.next_id and "method" not in m)

    def expect(self, wanted, timeout: float = WAIT) -> dict:
        """The first message, received or yet to come, for which wanted(message) holds;
        the others stay for later calls."""
        for message in self.backlog:
            if wanted(message):
                self.backlog.remove(message)
                return message
        deadline = time.monotonic() + timeout
        while True:
            message = self.inbox.get(timeout=max(0.0, deadline - time.monotonic()))
            if wanted(message):
                return message
            self.backlog.append(message)

    def diagnostics(self, uri: str, timeout: float = WAIT) -> dict:
        return self.expect(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                           and m["params"]["uri"] == uri, timeout)["params"]


@pytest.fixture
def client(tmp_path):
    started = Client(str(tmp_path))
    yield started
    if started.process.poll() is None:
        started.process.kill()
    started.process.wait(timeout=WAIT)


def test_diagnostics_on_open_change_save_and_close(client: Client, tmp_path) -> None:
    path = str(tmp_path / "main.go")
    write(path, LEAKY)  # on disk, for didSave; the server lints the buffer, not the file
    uri = "file://" + path
    reply = client.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + str(tmp_path),
                                          "capabilities": {}})
    capabilities = reply["result"]["capabilities"]
    assert capabilities["textDocumentSync"]["openClose"] is True
    assert reply["result"]["serverInfo"]["name"] == "goleaklint"
    client.notify("initialized", {})

    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "go", "version": 1, "text": LEAKY}})
    published = client.diagnostics(uri)
    assert published["version"] == 1
    (found,) = published["diagnostics"]
    assert found["code"] == "GL002" and found["source"] == "goleaklint"
    assert found["severity"] == 1 and "unbuffered channel passed to NotifyClose" in found["message"]
    column = LEAKY.splitlines()[5].index("conn.NotifyClose")
    assert found["range"]["start"] == {"line": 5, "character": column}

    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": FIXED}]})
    assert client.diagnostics(uri) == {"uri": uri, "version": 2, "diagnostics": []}

    # A burst of edits: whatever is published comes in version order and ends with the
    # last text; nothing older follows it.
    for version, text in ((3, LEAKY), (4, FIXED), (5, LEAKY)):
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": text}]})
    versions = []
    while not versions or versions[-1] != 5:
        published = client.diagnostics(uri)
        versions.append(published["version"])
    assert versions == sorted(set(versions)) and len(published["diagnostics"]) == 1
    with pytest.raises(queue.Empty):
        client.diagnostics(uri, timeout=1.0)

    # Incremental edit (a range) making the channel buffered; then save relints at once.
    line = LEAKY.splitlines()[5]
    at = line.index("*amqp.Error)") + len("*amqp.Error")
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 6}, "contentChanges": [
        {"range": {"start": {"line": 5, "character": at}, "end": {"line": 5, "character": at}}, "text": ", 1"}]})
    assert client.diagnostics(uri)["diagnostics"] == []
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri)["diagnostics"] == []

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri)["diagnostics"] == []

    assert client.request("shutdown")["result"] is None
    client.notify("exit")
    assert client.process.wait(timeout=WAIT) == 0


def test_columns_count_utf16_units_and_config_is_honoured(client: Client, tmp_path) -> None:
    write(str(tmp_path / "quiet" / ".goleaklint.toml"), 'ignore = ["GL002"]\n')
    # A configured baseline hides recorded findings in the editor too.
    write(str(tmp_path / "legacy" / "main.go"), LEAKY)
    write(str(tmp_path / "legacy" / ".goleaklint.toml"), 'baseline = "baseline.json"\n')
    assert run(["goleaklint", "check", "--write-baseline", "baseline.json", "."],
               str(tmp_path / "legacy")).returncode == 0
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})
    text = LEAKY.replace("\treturn conn", "\t/* ü😋 */ return conn")
    for folder in ("quiet", "loud"):
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": f"file://{tmp_path}/{folder}/main.go", "languageId": "go", "version": 1, "text": text}})
    assert client.diagnostics(f"file://{tmp_path}/quiet/main.go")["diagnostics"] == []
    legacy = f"file://{tmp_path}/legacy/main.go"
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": legacy, "languageId": "go", "version": 1, "text": LEAKY}})
    assert client.diagnostics(legacy)["diagnostics"] == []
    client.notify("textDocument/didChange", {"textDocument": {"uri": legacy, "version": 2},
                                             "contentChanges": [{"text": LEAKY + MORE}]})
    assert [d["range"]["start"]["line"] for d in client.diagnostics(legacy)["diagnostics"]] == [9]
    (found,) = client.diagnostics(f"file://{tmp_path}/loud/main.go")["diagnostics"]
    prefix = text.splitlines()[5].split("conn.")[0]
    assert len(prefix.encode("utf-16-le")) // 2 == len(prefix) + 1 == 18  # 😋 is 2 UTF-16 units
    assert found["range"]["start"] == {"line": 5, "character": 18}


LOCKED = """\
package main

import (
	"context"
	"sync"

	amqp "github.com/rabbitmq/amqp091-go"
)

type conn struct {
	m      sync.Mutex
	closes []chan error
}

func (c *conn) wait(ctx context.Context) error {
	ch := make(chan error)
	c.m.Lock()
	c.closes = append(c.closes, ch)
	c.m.Unlock()
	select {
	case err := <-ch:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
"""
BLOCK = """
func (c *conn) shutdown{i}(err error) {{
	c.m.Lock()
	defer c.m.Unlock()
	for _, ch := range c.closes {{
		ch <- err
	}}
}}

func watch{i}(conn *amqp.Connection) chan *amqp.Error {{
	return conn.NotifyClose(make(chan *amqp.Error))
}}
"""


def large(blocks: int = 600) -> str:
    """A file with 2 findings per block, that takes a while to lint."""
    return LOCKED + "".join(BLOCK.format(i=i) for i in range(blocks))


def initialize(client: Client, root) -> None:
    client.request("initialize", {"processId": None, "rootUri": f"file://{root}", "capabilities": {}})
    client.notify("initialized", {})


def open_document(client: Client, uri: str, text: str, version: int = 1) -> None:
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "go", "version": version, "text": text}})


def change(client: Client, uri: str, version: int, text: str) -> None:
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                             "contentChanges": [{"text": text}]})


def test_a_long_lint_neither_blocks_shutdown_nor_publishes_stale_results(client: Client, tmp_path) -> None:
    initialize(client, tmp_path)
    uri = f"file://{tmp_path}/main.go"
    open_document(client, uri, large())
    change(client, uri, 2, LEAKY)
    # The large version was being linted, or waiting, when version 2 came: its result
    # is never published.
    published = client.diagnostics(uri)
    assert published["version"] == 2 and [d["code"] for d in published["diagnostics"]] == ["GL002"]

    change(client, uri, 3, large())
    client.next_id += 1
    client.send({"id": client.next_id, "method": "shutdown"})
    first = client.expect(lambda m: m.get("id") == client.next_id or m.get("method") == "textDocument/publishDiagnostics")
    assert first == {"jsonrpc": "2.0", "id": client.next_id, "result": None}  # before any diagnostics
    refused = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": 0, "character": 0}})
    assert refused["error"]["code"] == -32600  # InvalidRequest, as the protocol asks
    change(client, uri, 4, LEAKY)  # a notification after shutdown is dropped
    client.notify("exit")
    assert client.process.wait(timeout=WAIT) == 0
    assert not [m for m in client.backlog if m.get("method") == "textDocument/publishDiagnostics"]


def test_exit_without_shutdown_exits_1(client: Client, tmp_path) -> None:
    initialize(client, tmp_path)
    client.notify("exit")
    assert client.process.wait(timeout=WAIT) == 1


def test_malformed_messages_and_bad_params_do_not_stop_the_server(client: Client, tmp_path) -> None:
    initialize(client, tmp_path)
    uri = f"file://{tmp_path}/main.go"
    body = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": f"file://{tmp_path}/lost.go", "languageId": "go", "version": 1, "text": LEAKY}}}).encode()
    client.send_raw(b"Content-Length: twelve\r\n\r\n" + body)  # cannot be framed: skipped
    client.send_raw(b"Content-Length: 1\r\n\r\n{")  # not JSON
    client.send({"id": 41})  # no method, no result
    client.send({})
    client.send_raw(b"Content-Length: 2\r\n\r\n[]")
    reply = client.request("textDocument/hover", {"textDocument": 5, "position": "start"})
    assert reply["error"]["code"] == -32602  # InvalidParams
    # A lone surrogate (legal in JSON, not in UTF-8) does not stop the file being linted.
    open_document(client, uri, LEAKY.replace("func watch", "// \ud800\nfunc watch"))
    (found,) = client.diagnostics(uri)["diagnostics"]
    assert found["code"] == "GL002" and found["range"]["start"]["line"] == 6
    assert client.request("shutdown")["result"] is None
    client.notify("exit")
    assert client.process.wait(timeout=WAIT) == 0


def apply(text: str, edits: list[dict]) -> str:
    """The text after LSP TextEdits (positions in UTF-16 units; these files are ASCII)."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    at = lambda p: offsets[p["line"]] + p["character"]  # noqa: E731
    for edit in sorted(edits, key=lambda e: at(e["range"]["start"]), reverse=True):
        text = text[: at(edit["range"]["start"])] + edit["newText"] + text[at(edit["range"]["end"]):]
    return text


def test_hover_rule_link_and_ignore_action(client: Client, tmp_path) -> None:
    from goleaklint.rules import BY_CODE

    initialize(client, tmp_path)
    uri = f"file://{tmp_path}/main.go"
    open_document(client, uri, LEAKY)
    (found,) = client.diagnostics(uri)["diagnostics"]
    assert found["codeDescription"]["href"] == BY_CODE["GL002"].help_uri  # the docs/rules page

    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": found["range"]["start"]})
    shown = hover["result"]["contents"]
    assert shown["kind"] == "markdown" and "GL002 unbuffered-notify-channel" in shown["value"]
    assert BY_CODE["GL002"].doc.strip().splitlines()[0] in shown["value"]
    nothing = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                    "position": {"line": 0, "character": 0}})
    assert nothing["result"] is None

    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": found["range"], "context": {"diagnostics": [found]}})["result"]
    (ignore,) = [a for a in actions if "goleaklint:ignore" in a["title"]]
    assert ignore["kind"] == "quickfix" and ignore["diagnostics"][0]["code"] == "GL002"
    fixed = apply(LEAKY, ignore["edit"]["changes"][uri])
    assert "\t//goleaklint:ignore GL002 <reason>\n\treturn conn.NotifyClose" in fixed
    change(client, uri, 2, fixed)
    assert client.diagnostics(uri) == {"uri": uri, "version": 2, "diagnostics": []}


def test_fix_code_actions(client: Client, tmp_path) -> None:
    initialize(client, tmp_path)
    uri = f"file://{tmp_path}/main.go"
    open_document(client, uri, LEAKY)
    (found,) = client.diagnostics(uri)["diagnostics"]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": found["range"], "context": {"diagnostics": [found]}})["result"]
    fix, ignore = actions
    assert fix["kind"] == "quickfix" and fix["isPreferred"] is True and "unsafe" not in fix["title"]
    assert fix["title"] == "Fix GL002: give the channel a buffer of one"
    assert "isPreferred" not in ignore or not ignore["isPreferred"]
    assert apply(LEAKY, fix["edit"]["changes"][uri]) == FIXED
    change(client, uri, 2, FIXED)
    assert client.diagnostics(uri)["diagnostics"] == []
    # An unsafe fix is offered too, not preferred, and applies as the CLI would.
    server = "package main\n\nimport \"net/http\"\n\nvar s = &http.Server{Addr: \":80\"}\n"
    change(client, uri, 3, server)
    (found,) = client.diagnostics(uri)["diagnostics"]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": found["range"], "context": {"diagnostics": [found]}})["result"]
    fix = actions[0]
    assert "unsafe" in fix["title"] and not fix.get("isPreferred")
    assert apply(server, fix["edit"]["changes"][uri]) == (
        'package main\n\nimport (\n\t"net/http"\n\t"time"\n)\n\n'
        'var s = &http.Server{Addr: ":80", ReadHeaderTimeout: 10 * time.Second}\n')


def test_the_editor_skips_what_the_cli_excludes(client: Client, tmp_path) -> None:
    write(str(tmp_path / ".goleaklint.toml"), 'exclude = ["gen/*.go"]\n')
    initialize(client, tmp_path)
    for path in ("gen/main.go", "vendor/x/main.go", "sub/main.go"):
        write(str(tmp_path / path), LEAKY)
        open_document(client, f"file://{tmp_path}/{path}", LEAKY)
    assert client.diagnostics(f"file://{tmp_path}/gen/main.go")["diagnostics"] == []
    assert client.diagnostics(f"file://{tmp_path}/vendor/x/main.go")["diagnostics"] == []
    assert len(client.diagnostics(f"file://{tmp_path}/sub/main.go")["diagnostics"]) == 1
    listed = run(["goleaklint", "check", "--format", "json", "."], str(tmp_path))
    assert [f["path"] for f in json.loads(listed.stdout)["findings"]] == ["sub/main.go"]


def test_range_edits_give_the_diagnostics_of_a_fresh_open(client: Client, tmp_path) -> None:
    """The server re-parses only what an edit changed; after every edit its diagnostics
    are those of the same text opened afresh."""
    import random

    initialize(client, tmp_path)
    text = large(8)
    uri = f"file://{tmp_path}/main.go"
    open_document(client, uri, text)
    client.diagnostics(uri)
    pick = random.Random(7)
    for version in range(2, 26):
        start = pick.randrange(len(text))
        end = min(len(text), start + pick.choice((0, 0, 1, 5, 40)))
        new = pick.choice(("", "\n", "}", "x", "ü😋", "\tc.m.Unlock()\n", "go func() {\n"))

        def position(i: int) -> dict:
            line_start = text.rfind("\n", 0, i) + 1
            return {"line": text.count("\n", 0, i), "character": len(text[line_start:i].encode("utf-16-le")) // 2}

        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
            {"range": {"start": position(start), "end": position(end)}, "text": new}]})
        text = text[:start] + new + text[end:]
        fresh = f"file://{tmp_path}/fresh{version}.go"
        open_document(client, fresh, text)
        edited = client.diagnostics(uri)
        assert edited["version"] == version
        expected = json.dumps(client.diagnostics(fresh)["diagnostics"]).replace(fresh, uri)
        assert edited["diagnostics"] == json.loads(expected)


def test_related_information_points_at_the_lines_a_message_cites(client: Client, tmp_path) -> None:
    initialize(client, tmp_path)
    uri = f"file://{tmp_path}/main.go"
    text = large(1).replace("return conn.NotifyClose(make(chan *amqp.Error))",
                            "errs := make(chan *amqp.Error)\n\treturn conn.NotifyClose(errs)")
    open_document(client, uri, text)
    lines = text.splitlines()
    by_code = {d["code"]: d for d in client.diagnostics(uri)["diagnostics"]}
    cited = {code: [(r["location"]["uri"], lines[r["location"]["range"]["start"]["line"]].strip(), r["message"])
                    for r in d["relatedInformation"]] for code, d in by_code.items()}
    assert cited == {
        "GL004": [(uri, "c.m.Lock()", "`c.m` locked here"),
                  (uri, "defer c.m.Unlock()", "`c.m` unlocked only by this defer")],
        "GL002": [(uri, "errs := make(chan *amqp.Error)", "`errs` made here, unbuffered")],
    }
    for code, found in by_code.items():  # the message cites the same lines
        assert all(f"line {r['location']['range']['start']['line'] + 1}" in found["message"]
                   for r in found["relatedInformation"])


def test_config_notes_are_shown_once(client: Client, tmp_path) -> None:
    """A config file the server skips (owned by another user) is said in a
    window/showMessage, as `goleaklint check` says it on stderr: once, not per edit."""
    os.makedirs(tmp_path / ".git")
    config = tmp_path / ".goleaklint.toml"
    write(str(config), 'select = ["GL000"]\n')
    os.chown(config, 4242, 4242)
    uri = "file://" + str(tmp_path / "main.go")
    client.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + str(tmp_path),
                                  "capabilities": {}})
    client.notify("initialized", {})
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "go", "version": 1, "text": LEAKY}})
    assert len(client.diagnostics(uri)["diagnostics"]) == 1  # the skipped config selects nothing
    shown = client.expect(lambda m: m.get("method") == "window/showMessage")["params"]
    assert shown == {"type": 2, "message": f"goleaklint: note: {config}: ignored: owned by uid 4242, "
                                           "not by you or root"}
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": LEAKY + MORE}]})
    assert len(client.diagnostics(uri)["diagnostics"]) == 2
    assert not [m for m in client.backlog if m.get("method") == "window/showMessage"]
    client.request("shutdown")
    assert not [m for m in client.backlog if m.get("method") == "window/showMessage"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_edits_and_lines_are_those_pygls_gives(encoding: str) -> None:
    """The server makes an edit without writing the document again line by line, and
    reads only the lines it needs: the text and the lines are those of pygls's
    TextDocument, after edits anywhere (past the end of a line or of the text, backwards,
    at the end, in astral characters) of texts with and without other line breaks."""
    import random

    from lsprotocol import types as lsp
    from pygls.workspace.position_codec import PositionCodec
    from pygls.workspace.text_document import TextDocument

    from goleaklint.lsp import applied, lines_of

    codec = PositionCodec(lsp.PositionEncodingKind(encoding))
    pick = random.Random(11)
    pieces = ["func f() {\n", "\tx := 1\n", "}\n", "// ü😋 é\n", "", "\n", "a", "😋", "\r\n", "\u2028", "\x0c"]
    checked = fast = 0
    for _ in range(400):
        text = "".join(pick.choice(pieces) for _ in range(pick.randrange(0, 12)))
        ours, theirs = text, TextDocument("file:///t.go", text, 1, position_codec=codec)
        for _ in range(4):
            lines = len(text.splitlines()) + 2

            def at() -> lsp.Position:
                return lsp.Position(line=pick.randrange(lines), character=pick.randrange(6))

            change = lsp.TextDocumentContentChangePartial(range=lsp.Range(start=at(), end=at()),
                                                          text=pick.choice(pieces))
            made = applied(ours, change, codec)
            theirs.apply_change(change)
            if made is not None:
                fast += 1
                assert made == theirs.source
            ours = theirs.source
            assert list(lines_of(ours)) == list(theirs.lines)
            view = lines_of(ours)
            assert [view[i] for i in range(-len(view), len(view))] == list(theirs.lines) * 2
            checked += 1
    assert fast > checked // 40  # the fast path is taken, not only the fallback


def test_the_worker_collects_only_what_came_since_its_last_collection_but_every_full_th(monkeypatch) -> None:
    """The lint worker's collections of cycles run when it is idle; what survives one
    is frozen, so the next reads only what came since (an edit after a pause waits
    for it: the whole heap of a large file took 0.2 s). The first only freezes;
    every FULL-th reads the whole heap again."""
    import gc

    from goleaklint import lsp

    calls: list[str] = []
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append("collect") or 0)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))

    class Idle:
        def poll(self, timeout: float) -> bool:
            return False

    collections = [0]
    rounds = []
    for _ in range(lsp.FULL + 1):
        calls.clear()
        assert lsp._collect_when_idle(Idle(), 1, collections) == 0
        rounds.append(tuple(calls))
    assert rounds[0] == ("freeze",)
    assert rounds[1:lsp.FULL - 1] == [("collect", "freeze")] * (lsp.FULL - 2)
    assert rounds[lsp.FULL - 1] == ("unfreeze", "collect", "freeze")
    assert rounds[lsp.FULL] == ("collect", "freeze")
    assert lsp._collect_when_idle(Idle(), 0, collections) == 1  # nothing ran since: nothing to do
