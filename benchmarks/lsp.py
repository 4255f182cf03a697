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

    def cpu(self) -> tuple[float, float]:
        """CPU seconds (user and system) used so far by the server and by its lint
        worker (its child started by multiprocessing), read from /proc; 0.0 where they
        cannot be read (not Linux, the worker not started yet). Counted in clock ticks."""
        def used(pid: int) -> float:
            try:
                with open(f"/proc/{pid}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            except (OSError, ValueError, IndexError):
                return 0.0

        worker = 0.0
        try:
            with open(f"/proc/{self.process.pid}/task/{self.process.pid}/children") as handle:
                children = [int(c) for c in handle.read().split()]
        except (OSError, ValueError):
            children = []
        for child in children:
            try:
                with open(f"/proc/{child}/cmdline", "rb") as handle:
                    if b"spawn_main" in handle.read():
                        worker += used(child)
            except OSError:
                pass
        return used(self.process.pid), worker

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def after_edits(command: list[str], folder: str, text: str, edits: int
                ) -> tuple[float, list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Seconds to the first diagnostics, and for each comment edit and each code edit:
    (seconds from the edit to its diagnostics, CPU seconds of the server and of its
    lint worker meanwhile)."""
    server = Server(command, folder)
    try:
        server.start(folder)
        uri = f"file://{folder}/big.go"
        opened = server.open(uri, text)
        doc = text.split("\n")
        comments, code = [], []

        def timed(version: int, line: int, inserted: str | None) -> tuple[float, float, float]:
            before = server.cpu()
            sent = server.edit(uri, version, line, inserted)
            took = server.diagnostics(uri, version) - sent
            after = server.cpu()
            return took, after[0] - before[0], after[1] - before[1]

        for version in range(2, edits + 2):
            line = len(doc) * (version - 1) // (edits + 1)
            doc.insert(line, f"// edit {version}")
            comments.append(timed(version, line, None))
        for n in range(1, edits + 1):
            version = edits + 1 + n
            functions = [i for i, line in enumerate(doc) if line.startswith("func ") and line.rstrip().endswith("{")]
            line = functions[len(functions) * n // (edits + 1)] + 1
            doc.insert(line, "\t_ = 0")
            code.append(timed(version, line, "\t_ = 0\n"))
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


def summary(edits: list[tuple[float, float, float]]) -> str:
    """Median and max of the times to diagnostics, and the median CPU per edit of the
    lint worker and of the server (to 10 ms: counted in clock ticks)."""
    took = [t for t, _, _ in edits]
    return (f"median {ms(statistics.median(took))}, max {ms(max(took))} (CPU per edit, median: worker "
            f"{ms(statistics.median(w for _, _, w in edits))}, server {ms(statistics.median(s for _, s, _ in edits))})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", default=DEFAULT_SOURCE, help="folder of Go code (default: %(default)s)")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--shutdown-only", action="store_true")
    parser.add_argument("--command", nargs=argparse.REMAINDER,
                        default=[os.path.join(os.path.dirname(sys.executable), "goleaklint"), "lsp"])
    args = parser.parse_args()
    print("load average: %.2f %.2f %.2f" % os.getloadavg())
    with tempfile.TemporaryDirectory() as folder:
        for lines, goal in ((75_000, 0.5), (1_000, 0.05)) if not args.shutdown_only else ():
            text = go_file(args.source, lines)
            opened, comments, code = after_edits(args.command, folder, text, args.edits)
            print(f"{lines:>6}-line file: first diagnostics {ms(opened)}; after a comment edit: "
                  f"{summary(comments)}; after a code edit: {summary(code)}; {len(comments)} edits of "
                  f"each (goal {ms(goal)})")
        text = go_file(args.source, 75_000)
        answers = [shutdown_during_lint(args.command, folder, text) for _ in range(3)]
        print(f"shutdown during a lint of the 75,000-line file: answered in "
              f"{', '.join(ms(a) for a in answers)} (goal 100 ms)")
    print("load average: %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
