"""The editor server's latency, measured over JSON-RPC on stdio like an editor.

    python benchmarks/lsp.py [--source DIR] [--edits N] [--command CMD...]

Builds two Go files from real code under --source (whole files concatenated, generated
and test files left out): one of 75,000 lines and one of 1,000. For each, opens it in
`goleaklint lsp`, then makes --edits small edits one after another, each waiting for
its diagnostics, and reports the time from sending `didChange` to receiving that
version's diagnostics: first comment edits (a comment line inserted at a spread of
places, which change no token: the server moves the previous findings), then code
edits (`_ = 0` added as the first statement of functions at a spread of places,
which the server analyses in full). Then, three
times on a fresh server: opens the large file, edits it, waits half a second (past any
debounce: the edit is being linted then) and sends `shutdown`, and reports how long
the answer took (`--shutdown-only` measures just that).

Goals (issue 14): diagnostics within 500 ms after an edit of the 75,000-line file and
within 50 ms for the 1,000-line file; `shutdown` answered within 100 ms.
`--command` runs another server (e.g. an older checkout, for before/after numbers).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import queue

DEFAULT_SOURCE = "/usr/share/gocode/src/go.etcd.io"


def go_file(root: str, lines: int) -> str:
    """Whole non-generated, non-test Go files under root, concatenated until `lines`
    lines; the text is cut at the last line ending after that many lines."""
    parts, count = [], 0
    for folder, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".go") or name.endswith("_test.go"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as handle:
                text = handle.read()
            if "DO NOT EDIT" in text[:1000]:
                continue
            parts.append(text)
            count += text.count("\n")
            if count >= lines:
                return "".join("".join(parts).splitlines(keepends=True)[:lines])
    raise SystemExit(f"not enough Go code under {root} for {lines} lines")


class Server:
    def __init__(self, command: list[str], cwd: str) -> None:
        self.process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if not line:
                return
            self.inbox.put((time.perf_counter(), json.loads(stream.read(length))))

    def send(self, message: dict) -> float:
        """Send a message; the time its writing began."""
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        started = time.perf_counter()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return started

    def wait_for(self, wanted, timeout: float = 120.0) -> float:
        """The time the first message for which wanted(message) holds arrived."""
        deadline = time.monotonic() + timeout
        while True:
            at, message = self.inbox.get(timeout=max(0.0, deadline - time.monotonic()))
            if wanted(message):
                return at

    def request(self, method: str, params: dict | None = None) -> float:
        """Seconds until the answer."""
        self.next_id += 1
        sent = self.send({"id": self.next_id, "method": method, "params": params})
        ident = self.next_id
        return self.wait_for(lambda m: m.get("id") == ident and "method" not in m) - sent

    def start(self, root: str) -> None:
        self.request("initialize", {"processId": None, "rootUri": f"file://{root}", "capabilities": {}})
        self.send({"method": "initialized", "params": {}})

    def diagnostics(self, uri: str, version: int) -> float:
        return self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == uri and m["params"].get("version") == version)

    def open(self, uri: str, text: str) -> float:
        sent = self.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "go", "version": 1, "text": text}}})
        return self.diagnostics(uri, 1) - sent

    def edit(self, uri: str, version: int, line: int, text: str | None = None) -> float:
        """Insert a line before `line` (default: a comment); the time sent."""
        at = {"line": line, "character": 0}
        return self.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": at, "end": at}, "text": text or f"// edit {version}\n"}]}})

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def after_edits(command: list[str], folder: str, text: str, edits: int
                ) -> tuple[float, list[float], list[float]]:
    """Seconds to the first diagnostics, and from each comment edit and each code edit
    to its diagnostics."""
    server = Server(command, folder)
    try:
        server.start(folder)
        uri = f"file://{folder}/big.go"
        opened = server.open(uri, text)
        doc = text.split("\n")
        comments, code = [], []
        for version in range(2, edits + 2):
            line = len(doc) * (version - 1) // (edits + 1)
            doc.insert(line, f"// edit {version}")
            sent = server.edit(uri, version, line)
            comments.append(server.diagnostics(uri, version) - sent)
        for n in range(1, edits + 1):
            version = edits + 1 + n
            functions = [i for i, line in enumerate(doc) if line.startswith("func ") and line.rstrip().endswith("{")]
            line = functions[len(functions) * n // (edits + 1)] + 1
            doc.insert(line, "\t_ = 0")
            sent = server.edit(uri, version, line, "\t_ = 0\n")
            code.append(server.diagnostics(uri, version) - sent)
        return opened, comments, code
    finally:
        server.close()


def shutdown_during_lint(command: list[str], folder: str, text: str) -> float:
    server = Server(command, folder)
    try:
        server.start(folder)
        uri = f"file://{folder}/big.go"
        server.open(uri, text)
        server.edit(uri, 2, text.count("\n") // 2)
        time.sleep(0.5)
        return server.request("shutdown")
    finally:
        server.close()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", default=DEFAULT_SOURCE, help="folder of Go code (default: %(default)s)")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--shutdown-only", action="store_true")
    parser.add_argument("--command", nargs=argparse.REMAINDER,
                        default=[os.path.join(os.path.dirname(sys.executable), "goleaklint"), "lsp"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for lines, goal in ((75_000, 0.5), (1_000, 0.05)) if not args.shutdown_only else ():
            text = go_file(args.source, lines)
            opened, comments, code = after_edits(args.command, folder, text, args.edits)
            print(f"{lines:>6}-line file: first diagnostics {ms(opened)}; after a comment edit: median "
                  f"{ms(statistics.median(comments))}, max {ms(max(comments))}; after a code edit: median "
                  f"{ms(statistics.median(code))}, max {ms(max(code))}; {len(comments)} edits of each "
                  f"(goal {ms(goal)})")
        text = go_file(args.source, 75_000)
        answers = [shutdown_during_lint(args.command, folder, text) for _ in range(3)]
        print(f"shutdown during a lint of the 75,000-line file: answered in "
              f"{', '.join(ms(a) for a in answers)} (goal 100 ms)")


if __name__ == "__main__":
    main()
