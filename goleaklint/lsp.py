"""`goleaklint lsp`: a small language server (stdio) publishing findings as diagnostics.

Open and save lint at once; edits lint once typing pauses for DEBOUNCE_SECONDS. The
buffer's text is analysed, not the file on disk. Each document uses the config file
nearest to it (rules, options, excludes, per-file-ignores, severities, `baseline`),
as `goleaklint check` does (`project.lint_source`). Needs the `lsp` extra:
`pip install 'goleaklint[lsp]'`.
"""

from __future__ import annotations

import asyncio

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from goleaklint import __version__, baseline
from goleaklint.config import ConfigError
from goleaklint.model import Finding
from goleaklint.project import lint_source
from goleaklint.rules import UnknownRuleError

DEBOUNCE_SECONDS = 0.3
_SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "note": lsp.DiagnosticSeverity.Information,
}


class GoleaklintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("goleaklint", __version__)
        self.pending: dict[str, asyncio.TimerHandle] = {}

    def lint_later(self, uri: str) -> None:
        self.cancel(uri)
        self.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE_SECONDS, self.lint, uri)

    def cancel(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def lint(self, uri: str) -> None:
        self.cancel(uri)
        document = self.workspace.get_text_document(uri)
        try:
            findings = analyze(document.path, document.source.encode("utf-8"))
        except (ConfigError, UnknownRuleError, baseline.BaselineError) as exc:
            self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"goleaklint: {exc}"))
            findings = []
        diagnostics = [diagnostic(f, document) for f in findings]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version))


def analyze(path: str, source: bytes) -> list[Finding]:
    """The findings `goleaklint check --stdin-filename path` would report for source."""
    return lint_source(path, source)


def _position(lines, line: int, byte_column: int, codec) -> lsp.Position:
    """LSP position of a 1-based line and byte column, in the negotiated encoding."""
    if line - 1 >= len(lines):
        return lsp.Position(line=len(lines), character=0)
    text = lines[line - 1]
    characters = len(text.encode("utf-8")[: byte_column - 1].decode("utf-8", "ignore"))
    return codec.position_to_client_units(lines, lsp.Position(line=line - 1, character=characters))


def diagnostic(finding: Finding, document) -> lsp.Diagnostic:
    lines, codec = document.lines, document.position_codec
    return lsp.Diagnostic(
        range=lsp.Range(start=_position(lines, finding.line, finding.column, codec),
                        end=_position(lines, finding.end_line, finding.end_column, codec)),
        message=finding.message,
        severity=_SEVERITY[finding.severity.value],
        code=finding.rule,
        source="goleaklint",
    )


server = GoleaklintServer()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: GoleaklintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: GoleaklintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.lint_later(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: GoleaklintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: GoleaklintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    ls.cancel(params.text_document.uri)
    ls.text_document_publish_diagnostics(
        lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


def main() -> None:
    server.start_io()
