"""`goleaklint lsp`: a language server on stdin/stdout publishing findings as diagnostics.

Linting runs in a worker process, so the protocol loop always answers (`shutdown`
too) while a large file is analysed. The worker keeps each open document's syntax
tree and re-parses only the part an edit changed; after an edit that changes no token
(a comment, a blank line, indentation) it moves the previous version's findings to
their new lines instead of analysing the file again (`incremental`), and analyses it in
full after any other edit. Edits queue per document: only the
newest version waiting is linted, and a result for a version the editor has since
changed is dropped, never published. The buffer's text is analysed, not the file on
disk. Each document is governed by the config file nearest to it (rules, options,
`exclude` and the default excludes, per-file-ignores, severities, `include-generated`,
`baseline`), as `goleaklint check` would be (`project.lint_source`).

Hovering a finding shows its rule's documentation; code actions apply the finding's
fix (the preferred action when the fix is safe; an unsafe one says so in its title)
and insert a `//goleaklint:ignore` comment for it (`code_actions` is where more
actions go).
Needs the `lsp` extra: `pip install 'goleaklint[lsp]'`.

pygls handles the requests, but not the stdio framing: `_frames` and
`GoleaklintServer.receive` keep serving after malformed input, answer requests with
invalid params and requests after `shutdown` with errors, and end with exit code 1 on
`exit` without `shutdown`, as the protocol asks.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import multiprocessing
import os
import re
import sys
import threading
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Callable, Iterator, Sequence
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import to_fs_path

from goleaklint import __version__, baseline, incremental, parsing
from goleaklint.config import ConfigError
from goleaklint.model import Finding, Span
from goleaklint.project import lint_source
from goleaklint.rules import BY_CODE, UnknownRuleError

log = logging.getLogger("goleaklint.lsp")

_SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "note": lsp.DiagnosticSeverity.Information,
}
_INVALID_REQUEST = -32600


# --- the analysis (runs in the worker process) ---------------------------------------


def analyze(path: str, source: bytes, parse: Callable[[bytes], Any] = parsing.parse,
            workspace: str | None = None, notes: list[str] | None = None,
            state: incremental.State | None = None) -> list[Finding]:
    """The findings `goleaklint check` would report for path if it held source.
    `parse(source)` gives the syntax tree's root; `workspace` is the folder excludes
    are relative to when no config file governs path; `notes` gets the notes the CLI
    would print about the config and the analysis (see `lint_source`); `state` is the
    document's, for an incremental analysis."""
    return lint_source(path, source, parse, workspace, notes, state)


def utf8(text: str) -> bytes:
    """The document's text as UTF-8. A lone surrogate (which JSON can carry) becomes
    U+FFFD: one UTF-16 unit either way, so positions stay those the editor counts."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text).encode("utf-8")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Job:
    uri: str
    version: int | None
    path: str
    text: str | None  # None: the document was closed
    workspace: str | None = None


@dataclass
class Outcome:
    uri: str
    version: int | None
    findings: list[Finding]
    error: str | None = None
    notes: list[str] = field(default_factory=list)


def _work(conn) -> None:
    """The worker process: lint each job it is sent, keeping every open document's
    (source, tree) for the next, incremental parse. Ends when the server goes away.
    The cyclic garbage collector runs while no job waits (see `_collect_when_idle`)."""
    os.dup2(2, 1)  # stdout carries the protocol: nothing may print there
    documents: dict[str, tuple[bytes, Any]] = {}
    states: dict[str, incremental.State] = {}
    gc.disable()
    unswept, collections = 0, [0]
    while True:
        unswept = _collect_when_idle(conn, unswept, collections)
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        if job.text is None:
            documents.pop(job.uri, None)
            states.pop(job.uri, None)
            continue

        def parse(source: bytes) -> Any:
            tree = parsing.parse_tree(source, documents.get(job.uri))
            documents[job.uri] = (source, tree)
            return tree.root_node

        notes: list[str] = []
        try:
            outcome = Outcome(job.uri, job.version,
                              analyze(job.path, utf8(job.text), parse, job.workspace, notes,
                                      states.setdefault(job.uri, incremental.State())), notes=notes)
        except (ConfigError, UnknownRuleError, baseline.BaselineError) as exc:
            outcome = Outcome(job.uri, job.version, [], f"goleaklint: {exc}")
        except Exception as exc:  # one document must not stop the server
            documents.pop(job.uri, None)
            states.pop(job.uri, None)
            outcome = Outcome(job.uri, job.version, [],
                              f"goleaklint: internal error on {job.path}: {type(exc).__name__}: {exc}")
        try:
            conn.send(outcome)
        except (EOFError, OSError):
            return


# A collection of the worker's heap (the trees, names and findings of a large file)
# took 0.1-0.25 s, and it freed nothing (each version's garbage is freed as it is
# dropped, by reference counts): run in the middle of an analysis, it delayed the
# diagnostics. It runs after IDLE seconds without a job, or before a job once JOBS
# ran without one; what survives it is frozen (`gc.freeze`), so that the next ones
# read only what came since, as an edit after a pause would wait for them (the
# first only freezes the heap). Every FULL-th collection reads the whole heap again
# (a cycle of frozen objects left unreachable is freed only then).
IDLE = 0.5
JOBS = 50
FULL = 20


def _collect_when_idle(conn, unswept: int, collections: list[int] | None = None) -> int:
    """Collect garbage if no job comes within IDLE seconds or unswept jobs reached
    JOBS; the count of jobs since the last collection. collections: [how many so far]."""
    if unswept and (unswept >= JOBS or not conn.poll(IDLE)):
        count = collections if collections is not None else [0]
        if count[0] % FULL == FULL - 1:
            gc.unfreeze()
            gc.collect()
        elif count[0]:  # the first only freezes: the heap of a large file's first analysis
            gc.collect()
        gc.freeze()
        count[0] += 1
        return 0
    return unswept + 1


class Linter:
    """Hands jobs to the worker process, one at a time, from a thread of its own; a
    job waiting for a document is replaced by a newer one for that document."""

    def __init__(self, deliver: Callable[[Outcome], None]) -> None:
        self.deliver = deliver
        self.pending: dict[str, Job] = {}
        self.wake = threading.Condition()
        self.stopped = False
        self._start()
        threading.Thread(target=self._dispatch, name="goleaklint-dispatch", daemon=True).start()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded process
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child,), name="goleaklint-lint", daemon=True)
        self.process.start()
        child.close()

    def submit(self, job: Job) -> None:
        with self.wake:
            self.pending.pop(job.uri, None)  # the stale version is never linted
            self.pending[job.uri] = job
            self.wake.notify()

    def stop(self) -> None:
        with self.wake:
            self.stopped = True
            self.wake.notify()
        self.process.kill()

    def _dispatch(self) -> None:
        while True:
            with self.wake:
                while not self.pending and not self.stopped:
                    self.wake.wait()
                if self.stopped:
                    return
                job = self.pending.pop(next(iter(self.pending)))
            try:
                self.conn.send(job)
                if job.text is None:
                    continue
                outcome = self.conn.recv()
            except (EOFError, OSError):
                if self.stopped:
                    return
                self.process.join()
                self.deliver(Outcome(job.uri, job.version, [], "goleaklint: the lint worker stopped "
                                     f"(exit code {self.process.exitcode}) on {job.path}; restarted it"))
                self._start()
                continue
            self.deliver(outcome)


# --- the protocol (runs in the server process) ---------------------------------------


def _frames(stream: BinaryIO) -> Iterator[bytes | str]:
    """The bodies of Content-Length framed messages, until the end of the stream. A
    header that cannot frame a body yields a str saying why; reading goes on at the
    next header, even when it comes glued to the unframed body (which has no newline)."""
    while True:
        length: int | None = None
        problem = ""
        seen = False
        while True:
            line = stream.readline()
            if not line:
                return
            if not line.strip():
                if seen:
                    break
                continue
            seen = True
            at = line.lower().rfind(b"content-length:")
            name, _, value = line[max(at, 0):].partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value) if value.strip().isdigit() else None
                problem = "" if length is not None else f"invalid Content-Length {value.strip()!r}"
        if length is None:
            yield problem or "message without Content-Length"
            continue
        body = stream.read(length)
        if len(body) < length:
            return
        yield body


# The line breaks other than \n that `str.splitlines` counts, and so pygls's lines.
_OTHER_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


class Lines(Sequence[str]):
    """The lines of a text whose only line break is \n, as `TextDocument.lines` gives
    them (`str.splitlines(True)`), each found when asked: splitting a 75,000-line
    document took 10-15 ms per edit, and an edit or the diagnostics read a few lines.
    Past a few lines asked, the text is split once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.count = text.count("\n") + (not text.endswith("\n") and text != "")
        self.asked = 0
        self.split: list[str] | None = None

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return self.text.splitlines(True)[i]
        if i < 0:
            i += self.count
        if not 0 <= i < self.count:
            raise IndexError(i)
        if self.split is not None:
            return self.split[i]
        self.asked += 1
        if self.asked > 16:
            self.split = self.text.splitlines(True)
            return self.split[i]
        start = self.start(i)
        end = self.text.find("\n", start)
        return self.text[start:end + 1 if end >= 0 else len(self.text)]

    def start(self, line: int) -> int:
        """The offset of line (0-based, < len(self)) in the text: from a guess by the
        mean line length, the line breaks counted to it (in C), then found one by one."""
        text = self.text
        at = len(text) * line // self.count
        before = text.count("\n", 0, at)
        if before < line:
            for _ in range(line - before):
                at = text.find("\n", at) + 1
            return at
        for _ in range(before - line + 1):
            at = text.rfind("\n", 0, at)
        return at + 1


def lines_of(text: str) -> Sequence[str]:
    """The lines of text as pygls counts them (`TextDocument.lines`)."""
    return tuple(text.splitlines(True)) if any(b in text for b in _OTHER_BREAKS) else Lines(text)


def applied(text: str, change: lsp.TextDocumentContentChangePartial, codec) -> str | None:
    """text with change made, as pygls makes it (`TextDocument.apply_change`, which
    writes every line of the document again: 45 ms for 75,000 lines); None where
    this does not show to give the same text: a line break other than \n in text, a
    range that ends before it starts or at or past the end of the text."""
    start, end = change.range.start, change.range.end
    if (start.line, start.character) > (end.line, end.character) or any(b in text for b in _OTHER_BREAKS):
        return None
    lines = Lines(text)
    if end.line >= len(lines):
        return None

    def offset(at: lsp.Position) -> int:
        line = lines[at.line]
        column = codec.position_from_client_units([line], lsp.Position(line=0, character=at.character))
        return lines.start(at.line) + column.character

    return text[:offset(start)] + change.text + text[offset(end):]


class _Protocol(LanguageServerProtocol):
    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams):
        """pygls's, with each change made by `applied` where it can."""
        for change in params.content_changes:
            document = self.workspace.text_documents.get(unquote(params.text_document.uri))
            text = applied(document.source, change, document.position_codec) \
                if document is not None and isinstance(change, lsp.TextDocumentContentChangePartial) else None
            if text is None:
                self.workspace.update_text_document(params.text_document, change)
            else:
                document.apply_change(lsp.TextDocumentContentChangeWholeDocument(text=text))
                document.version = params.text_document.version
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None


class GoleaklintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("goleaklint", __version__, protocol_cls=_Protocol)
        self.linter: Linter | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.shut_down = False
        self.published: dict[str, list[tuple[Finding, lsp.Diagnostic]]] = {}
        self.last_error: str | None = None
        self.noted: set[str] = set()  # notes shown to the user
        self.finished: asyncio.Future | None = None

    # Serving: our own reading loop around pygls' message handling.

    def serve(self, stdin: BinaryIO, stdout: BinaryIO) -> int:
        """Serve until `exit` or the end of stdin; returns the exit code."""
        self.protocol.set_writer(StdoutWriter(stdout))
        try:
            return asyncio.run(self._serve(stdin))
        finally:
            if self.linter is not None:
                self.linter.stop()

    async def _serve(self, stdin: BinaryIO) -> int:
        self.loop = asyncio.get_running_loop()
        self.finished = self.loop.create_future()

        def read() -> None:
            try:
                for frame in _frames(stdin):
                    self.post(self.receive, frame)
            finally:  # the end of input, or stdin failed: either way, stop
                self.post(self.finish)

        threading.Thread(target=read, name="goleaklint-read", daemon=True).start()
        return await self.finished

    def post(self, callback: Callable, *args: Any) -> None:
        """Run callback(*args) on the protocol loop (from another thread)."""
        try:
            self.loop.call_soon_threadsafe(callback, *args)
        except RuntimeError:  # the loop has ended: the server is exiting
            pass

    def finish(self) -> None:
        """`exit` or the end of input: 0 after `shutdown`, else 1."""
        if not self.finished.done():
            self.finished.set_result(0 if self.shut_down else 1)

    def receive(self, frame: bytes | str) -> None:
        if isinstance(frame, str):
            log.error("goleaklint lsp: skipped a message: %s", frame)
            return
        try:
            message = json.loads(frame)
        except ValueError as exc:
            log.error("goleaklint lsp: skipped a message that is not JSON: %s", exc)
            return
        if not isinstance(message, dict) or message.get("jsonrpc") != "2.0":
            log.error("goleaklint lsp: skipped a message that is not JSON-RPC 2.0: %.200s", frame)
            return
        method = message.get("method")
        request = "id" in message and method is not None
        if method == lsp.EXIT:
            self.finish()
            return
        if self.shut_down and method is not None:
            if request:
                self.reply_error(message["id"], _INVALID_REQUEST, f"{method}: the server is shut down")
            return
        try:
            structured = self.protocol.structure_message(message)
        except JsonRpcException as exc:
            if request:
                error = exc.to_response_error()
                self.reply_error(message["id"], error.code, f"{method}: invalid params")
            else:
                log.error("goleaklint lsp: skipped %s: cannot read it", method or "a message")
            return
        try:
            self.protocol.handle_message(structured)
        except Exception:  # one message must not stop the server
            log.exception("goleaklint lsp: failed to handle %s", method or "a message")

    def reply_error(self, msg_id: Any, code: int, message: str) -> None:
        self.protocol._send_response(msg_id, error=lsp.ResponseError(code=code, message=message))

    # Linting.

    def lint(self, uri: str) -> None:
        document = self.workspace.text_documents.get(uri)
        if document is None or self.shut_down:
            return
        if self.linter is None:
            self.linter = Linter(lambda outcome: self.post(self.publish, outcome))
        self.linter.submit(Job(uri, document.version, document.path, document.source, self.folder_of(document.path)))

    def folder_of(self, path: str) -> str | None:
        """The workspace folder holding path (the innermost), else the root."""
        folders = [f.uri for f in self.workspace.folders.values()]
        paths = [os.path.abspath(to_fs_path(uri) or uri) for uri in folders]
        inside = [p for p in paths if path == p or path.startswith(p.rstrip(os.sep) + os.sep)]
        return max(inside, key=len) if inside else self.workspace.root_path

    def forget(self, uri: str) -> None:
        self.published.pop(uri, None)
        if self.linter is not None:
            self.linter.submit(Job(uri, None, "", None))

    def publish(self, outcome: Outcome) -> None:
        if outcome.error and outcome.error != self.last_error:
            self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=outcome.error))
        self.last_error = outcome.error
        for note in outcome.notes:  # each once a session, not after every edit
            if note not in self.noted:
                self.noted.add(note)
                self.window_show_message(lsp.ShowMessageParams(
                    type=lsp.MessageType.Warning, message=f"goleaklint: note: {note}"))
        document = self.workspace.text_documents.get(outcome.uri)
        if self.shut_down or document is None or document.version != outcome.version:
            return  # closed, or edited since: a newer run is on its way
        lines = lines_of(document.source)
        published = [(f, diagnostic(f, lines, document.position_codec, outcome.uri)) for f in outcome.findings]
        self.published[outcome.uri] = published
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=outcome.uri, diagnostics=[d for _, d in published], version=document.version))

    def findings_at(self, uri: str, start: lsp.Position, end: lsp.Position) -> list[tuple[Finding, lsp.Diagnostic]]:
        """The published findings whose range meets start..end."""
        def key(p: lsp.Position) -> tuple[int, int]:
            return p.line, p.character
        return [(f, d) for f, d in self.published.get(uri, [])
                if key(d.range.start) <= key(end) and key(start) <= key(d.range.end)]


def _position(lines: list[str], line: int, byte_column: int, codec) -> lsp.Position:
    """LSP position of a 1-based line and byte column, in the negotiated encoding."""
    if line - 1 >= len(lines):
        return lsp.Position(line=len(lines), character=0)
    text = lines[line - 1]
    characters = len(utf8(text)[: byte_column - 1].decode("utf-8", "ignore"))
    return codec.position_to_client_units(lines, lsp.Position(line=line - 1, character=characters))


def _range(lines: list[str], span: Span, codec) -> lsp.Range:
    return lsp.Range(start=_position(lines, span.line, span.column, codec),
                     end=_position(lines, span.end_line, span.end_column, codec))


def diagnostic(finding: Finding, lines: list[str], codec, uri: str = "") -> lsp.Diagnostic:
    span = Span(finding.line, finding.column, finding.end_line, finding.end_column)
    return lsp.Diagnostic(
        range=_range(lines, span, codec),
        message=finding.message,
        severity=_SEVERITY[finding.severity.value],
        code=finding.rule,
        code_description=lsp.CodeDescription(href=BY_CODE[finding.rule].help_uri),
        source="goleaklint",
        related_information=[
            lsp.DiagnosticRelatedInformation(
                location=lsp.Location(uri=uri, range=_range(lines, at, codec)), message=what)
            for at, what in finding.related] or None,
    )


# --- code actions --------------------------------------------------------------------

_IGNORE_LINE = re.compile(r"^(\s*//\s?goleaklint:ignore\s+)(\S+)")


def ignore_edit(finding: Finding, lines: list[str]) -> lsp.TextEdit:
    """Insert `//goleaklint:ignore CODE <reason>` on its own line above the finding (a
    directive covers its line and the next); when the line above already holds a
    directive, add the code to it instead, which keeps that directive covering."""
    row = finding.line - 1
    above = _IGNORE_LINE.match(lines[row - 1]) if 0 < row <= len(lines) else None
    if above:
        at = lsp.Position(line=row - 1, character=len(above.group(0)))
        return lsp.TextEdit(range=lsp.Range(start=at, end=at), new_text="," + finding.rule)
    text = lines[row] if row < len(lines) else ""
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    at = lsp.Position(line=row, character=0)
    return lsp.TextEdit(range=lsp.Range(start=at, end=at),
                        new_text=f"{indent}//goleaklint:ignore {finding.rule} <reason>\n")


def fix_action(uri: str, finding: Finding, found: lsp.Diagnostic, lines: list[str],
               codec) -> lsp.CodeAction:
    """The finding's fix as a quick fix, preferred when it is safe (`--fix` applies it)."""
    fix = finding.fix
    edits = [lsp.TextEdit(range=_range(lines, Span(e.line, e.column, e.end_line, e.end_column), codec),
                          new_text=e.content) for e in fix.edits]
    unsafe = " (unsafe: check the behaviour)" if fix.applicability != "safe" else ""
    return lsp.CodeAction(
        title=f"Fix {finding.rule}: {fix.message}{unsafe}",
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[found],
        is_preferred=fix.applicability == "safe",
        edit=lsp.WorkspaceEdit(changes={uri: edits}),
    )


def code_actions(uri: str, finding: Finding, found: lsp.Diagnostic, lines: list[str],
                 codec=None) -> list[lsp.CodeAction]:
    """The actions offered for one finding: its fix, if any, then the suppression."""
    actions = []
    if finding.fix is not None and codec is not None:
        actions.append(fix_action(uri, finding, found, lines, codec))
    if finding.rule != "GL000":  # a suppression problem is fixed in the directive itself
        actions.append(lsp.CodeAction(
            title=f"Ignore {finding.rule} here with //goleaklint:ignore",
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[found],
            edit=lsp.WorkspaceEdit(changes={uri: [ignore_edit(finding, lines)]}),
        ))
    return actions


server = GoleaklintServer()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: GoleaklintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: GoleaklintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: GoleaklintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: GoleaklintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    ls.forget(params.text_document.uri)
    ls.text_document_publish_diagnostics(
        lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(lsp.SHUTDOWN)
def shutdown(ls: GoleaklintServer, *_: Any) -> None:
    ls.shut_down = True
    if ls.linter is not None:
        ls.linter.stop()


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: GoleaklintServer, params: lsp.HoverParams) -> lsp.Hover | None:
    codes = dict.fromkeys(f.rule for f, _ in ls.findings_at(params.text_document.uri, params.position, params.position))
    if not codes:
        return None
    return lsp.Hover(contents=lsp.MarkupContent(
        kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(BY_CODE[code].page() for code in codes)))


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
def code_action(ls: GoleaklintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
    uri = params.text_document.uri
    document = ls.workspace.text_documents.get(uri)
    if document is None:
        return None
    lines = lines_of(document.source)
    return [action for finding, found in ls.findings_at(uri, params.range.start, params.range.end)
            for action in code_actions(uri, finding, found, lines, document.position_codec)] or None


def main() -> None:
    code = server.serve(sys.stdin.buffer, sys.stdout.buffer)
    sys.stdout.flush()
    sys.stderr.flush()
    # Not sys.exit: the reading thread is blocked in stdin, and the interpreter's
    # shutdown would wait for (or abort on) the lock it holds.
    os._exit(code)
