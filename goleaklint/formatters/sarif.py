"""SARIF 2.1.0 built from sarif-om objects and serialized by jschema-to-python,
the way the sarif-om authors intend. URIs are relative to the source root
(`%SRCROOT%`); no timestamps or absolute paths, so the same input gives the same bytes."""

from __future__ import annotations

import json
import os
from urllib.parse import quote

import sarif_om as om
from jschema_to_python.to_json import to_json

from goleaklint import __version__
from goleaklint.engine import ScanResult
from goleaklint.model import doc_sections

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/goleaklint/goleaklint"
FINGERPRINT_KEY = "goleaklint/v1"


def _uri(path: str, root: str) -> tuple[str, str | None]:
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    if relative.startswith(".."):
        return "file://" + quote(os.path.abspath(path).replace(os.sep, "/")), None
    return quote(relative.replace(os.sep, "/")), "%SRCROOT%"


def _location(path: str, root: str, line: int = 0, column: int = 0,
              end_line: int = 0, end_column: int = 0) -> om.Location:
    uri, base = _uri(path, root)
    region = None
    if line:
        region = om.Region(start_line=line, start_column=column,
                           end_line=end_line or line, end_column=end_column or column)
    return om.Location(physical_location=om.PhysicalLocation(
        artifact_location=om.ArtifactLocation(uri=uri, uri_base_id=base), region=region))


def _fixes(f, root: str) -> list[om.Fix] | None:
    """A finding's fix as SARIF `fixes`: one artifactChange of replacements; a region
    whose end is its start is an insertion point."""
    if f.fix is None:
        return None
    uri, base = _uri(f.path, root)
    replacements = [om.Replacement(
        deleted_region=om.Region(start_line=e.line, start_column=e.column,
                                 end_line=e.end_line, end_column=e.end_column),
        inserted_content=om.ArtifactContent(text=e.content) if e.content else None,
    ) for e in f.fix.edits]
    return [om.Fix(description=om.Message(text=f"{f.fix.message} ({f.fix.applicability})"),
                   artifact_changes=[om.ArtifactChange(
                       artifact_location=om.ArtifactLocation(uri=uri, uri_base_id=base),
                       replacements=replacements)])]


def _descriptor(rule) -> om.ReportingDescriptor:
    doc = rule.doc.strip()
    properties = om.PropertyBag()
    properties.precision = rule.confidence.value
    properties.tags = list(rule.tags)
    what = " ".join(doc_sections(rule.doc).get("What it does", "").split())
    return om.ReportingDescriptor(
        id=rule.code,
        name=rule.name,
        short_description=om.MultiformatMessageString(text=rule.summary),
        full_description=om.MultiformatMessageString(text=what),
        help=om.MultiformatMessageString(text=doc, markdown=doc),
        default_configuration=om.ReportingConfiguration(level=rule.severity.value),
        properties=properties,
    )


def render(result: ScanResult, root: str = ".") -> str:
    index = {rule.code: i for i, rule in enumerate(result.rules)}
    results = []
    for f in result.findings:
        results.append(om.Result(
            rule_id=f.rule,
            rule_index=index.get(f.rule, -1),
            level=f.severity.value,
            message=om.Message(text=f.message),
            locations=[_location(f.path, root, f.line, f.column, f.end_line, f.end_column)],
            partial_fingerprints={FINGERPRINT_KEY: f.fingerprint} if f.fingerprint else None,
            fixes=_fixes(f, root),
        ))
    notifications = [
        om.Notification(level="error", message=om.Message(text=e.message),
                        locations=[_location(e.path, root)] if e.path else None)
        for e in result.errors
    ] + [
        om.Notification(level="note", message=om.Message(text=n.message),
                        locations=[_location(n.path, root, n.line, n.column)])
        for n in result.notes
    ]
    run = om.Run(
        tool=om.Tool(driver=om.ToolComponent(
            name="goleaklint",
            version=__version__,
            semantic_version=__version__,
            information_uri=INFORMATION_URI,
            rules=[_descriptor(rule) for rule in result.rules],
        )),
        invocations=[om.Invocation(
            execution_successful=not result.errors,
            tool_execution_notifications=notifications or None,
        )],
        results=results,
    )
    log = om.SarifLog(version="2.1.0", schema_uri=SCHEMA, runs=[run])
    document = json.loads(to_json(log))
    # jschema-to-python drops properties equal to their schema default, and an empty
    # results list is one; code scanning wants `results: []` to mean "scanned, clean".
    document["runs"][0].setdefault("results", [])
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
