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
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict | None = None) -> None:
        self.send({"method": method, "params": params} if params is not None else {"method": method})

    def request(self, method: str, params: dict | None = None) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.expect(lambda m: m.get("id") == self.next_id and "method" not in m)

    def expect(self, wanted, timeout: float = 10.0) -> dict:
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

    def diagnostics(self, uri: str, timeout: float = 10.0) -> dict:
        return self.expect(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                           and m["params"]["uri"] == uri, timeout)["params"]


@pytest.fixture
def client(tmp_path):
    started = Client(str(tmp_path))
    yield started
    if started.process.poll() is None:
        started.process.kill()
    started.process.wait(timeout=10)


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

    # A burst of edits is linted once, after typing pauses, on the last text.
    for version, text in ((3, LEAKY), (4, FIXED), (5, LEAKY)):
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": text}]})
    published = client.diagnostics(uri)
    assert published["version"] == 5 and len(published["diagnostics"]) == 1
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
    assert client.process.wait(timeout=10) == 0


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
