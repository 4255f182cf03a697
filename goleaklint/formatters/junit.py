"""JUnit XML, which CI systems (GitLab, Jenkins, Azure Pipelines, CircleCI) show as test
results: one test suite `goleaklint`, one failed test case per finding (class name =
the file, name = rule and position), one errored test case per file the scan could not
do, and one passing test case when there is nothing to report."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from goleaklint.engine import ScanResult

# Characters XML 1.0 cannot hold (control characters, lone surrogates): written as \uXXXX.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render(result: ScanResult, root: str = ".") -> str:
    suite = ET.Element("testsuite", name="goleaklint", time=f"{result.seconds:.3f}")
    for f in result.findings:
        case = ET.SubElement(suite, "testcase", classname=_clean(f.path),
                             name=_clean(f"{f.rule} {f.name} at {f.line}:{f.column}"))
        failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f.rule)
        failure.text = _clean(f"{f.path}:{f.line}:{f.column}: {f.severity.value}: {f.message}")
    for e in result.errors:
        case = ET.SubElement(suite, "testcase", classname=_clean(e.path or "goleaklint"),
                             name="scan")
        ET.SubElement(case, "error", message=_clean(e.message))
    if not result.findings and not result.errors:
        ET.SubElement(suite, "testcase", classname="goleaklint",
                      name=f"no findings in {result.files} file{'s' if result.files != 1 else ''}")
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(len(result.findings)))
    suite.set("errors", str(len(result.errors)))
    suites = ET.Element("testsuites", name="goleaklint", tests=suite.get("tests"),
                        failures=suite.get("failures"), errors=suite.get("errors"))
    suites.append(suite)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
