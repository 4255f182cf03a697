"""SARIF 2.1.0 built from sarif-om objects, for GitHub code scanning and other readers.

URIs are relative to the source root (`%SRCROOT%`); no timestamps or absolute paths,
so the same input gives the same bytes. Each part of the log has its own function
(`_uri`, `_location`, `_result`, `_descriptor`) so that a change to one (URI encoding,
result fixes) stays in one place.

The objects are sarif-om's, but they are serialized here, not by jschema-to-python:
its `to_json` drops every property equal to its schema default, and `result.level`'s
default is `warning`. A result without `level` takes the level of its rule's
`defaultConfiguration` (SARIF §3.27.10), so a warning-level finding of an error rule
(GL004's select with a done case) was read as an error. `_plain` keeps the same
omissions except for `level`, which is always written.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any
from urllib.parse import quote

import attr
import sarif_om as om

from goleaklint import __version__
from goleaklint.engine import ScanResult
from goleaklint.formatters.json_format import valid_unicode
from goleaklint.model import INFORMATION_URI, Rule, Severity, doc_sections

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "goleaklint/v1"
CATEGORY = "goleaklint"
# GitHub code scanning shows at most this much of shortDescription/fullDescription.
DESCRIPTION_LIMIT = 1024
# GitHub's `problem.severity` for non-security rules: error, warning or recommendation.
PROBLEM_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "recommendation"}
# Written even when equal to the schema default: see the module docstring.
ALWAYS_WRITTEN = {"level"}


def _plain(value: Any) -> Any:
    """sarif-om objects as JSON data under their schema names: unset (None) and
    schema-default properties left out, except ALWAYS_WRITTEN ones; extra attributes
    of a property bag kept as they are."""
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if not attr.has(type(value)):
        return value
    out: dict[str, Any] = {}
    fields = attr.fields(type(value))
    for field in fields:
        item = getattr(value, field.name)
        default = field.default.factory() if isinstance(field.default, attr.Factory) else field.default
        if item is None or (item == default and field.name not in ALWAYS_WRITTEN):
            continue
        out[field.metadata.get("schema_property_name", field.name)] = _plain(item)
    names = {field.name for field in fields}
    out.update({key: _plain(item) for key, item in vars(value).items() if key not in names})
    return out


def _uri(path: str, root: str) -> tuple[str, str | None]:
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):  # not `..dots.go`
        return "file://" + _quote(os.path.abspath(path)), None
    return _quote(relative), "%SRCROOT%"


def _quote(path: str) -> str:
    """A path as a URI reference: its bytes percent-encoded (a name that is not UTF-8
    keeps its bytes, through surrogateescape)."""
    return quote(path.replace(os.sep, "/").encode("utf-8", "surrogateescape"))


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


def _clip(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """text cut to at most `limit` characters, at the end of a sentence if one fits."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    end = cut.rfind(". ")
    return cut[: end + 1] if end > 0 else cut.rstrip() + "…"


def full_description(rule: Rule) -> str:
    """The first paragraphs of 'What it does' and 'Why is this bad?', within GitHub's
    limit; the whole documentation goes to `help`."""
    sections = doc_sections(rule.doc)
    paragraphs = [sections.get(name, "").strip().split("\n\n")[0]
                  for name in ("What it does", "Why is this bad?")]
    return _clip(" ".join(" ".join(p.split()) for p in paragraphs if p.strip()))


def _descriptor(rule: Rule) -> om.ReportingDescriptor:
    properties = om.PropertyBag(tags=list(rule.tags))
    properties.precision = rule.confidence.value
    setattr(properties, "problem.severity", PROBLEM_SEVERITY[rule.severity])
    return om.ReportingDescriptor(
        id=rule.code,
        name=rule.name,
        short_description=om.MultiformatMessageString(text=_clip(rule.summary)),
        full_description=om.MultiformatMessageString(text=full_description(rule)),
        help=om.MultiformatMessageString(text=rule.help, markdown=rule.help),
        help_uri=rule.help_uri,
        default_configuration=om.ReportingConfiguration(level=rule.severity.value),
        properties=properties,
    )


def _result(f, rule_index: int, root: str) -> om.Result:
    # A finding less sure than its rule (shown with --min-confidence low) says so.
    properties = None
    if f.confidence.value == "low":
        properties = om.PropertyBag()
        properties.precision = "low"
    return om.Result(
        rule_id=f.rule,
        rule_index=rule_index,
        level=f.severity.value,
        message=om.Message(text=f.message),
        locations=[_location(f.path, root, f.line, f.column, f.end_line, f.end_column)],
        partial_fingerprints={FINGERPRINT_KEY: f.fingerprint} if f.fingerprint else None,
        fixes=_fixes(f, root),
        properties=properties,
    )


def automation_id(category: str) -> str:
    """runAutomationDetails.id: GitHub reads everything before the last '/' as the
    analysis category; a trailing '/' means "this category, no run id"."""
    category = category.strip().strip("/")
    if not category:
        raise ValueError("the SARIF category must not be empty")
    if re.search(r"[\x00-\x1f]", category):
        raise ValueError("the SARIF category must not contain control characters")
    return category + "/"


def render(result: ScanResult, root: str = ".", category: str = CATEGORY) -> str:
    index = {rule.code: i for i, rule in enumerate(result.rules)}
    notifications = [
        om.Notification(level="error", message=om.Message(text=e.message),
                        locations=[_location(e.path, root)] if e.path else None)
        for e in result.errors
    ] + [
        om.Notification(level="note", message=om.Message(text=n.message),
                        locations=[_location(n.path, root, n.line, n.column)] if n.path else None)
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
        automation_details=om.RunAutomationDetails(id=automation_id(category)),
        invocations=[om.Invocation(
            execution_successful=not result.errors,
            tool_execution_notifications=notifications or None,
        )],
        # An empty list means "scanned, clean" to code scanning: always written.
        results=[_result(f, index.get(f.rule, -1), root) for f in result.findings],
    )
    log = om.SarifLog(version="2.1.0", schema_uri=SCHEMA, runs=[run])
    return valid_unicode(json.dumps(_plain(log), indent=2, ensure_ascii=False)) + "\n"
