"""One JSON document: version, findings, errors, notes, stats."""

from __future__ import annotations

import json
import re

from goleaklint import __version__
from goleaklint.engine import ScanResult

_SURROGATE = re.compile("[\ud800-\udfff]")


def render(result: ScanResult, root: str = ".") -> str:
    document = {
        "version": __version__,
        "findings": [f.to_dict() for f in result.findings],
        "errors": [e.to_dict() for e in result.errors],
        "notes": [n.to_dict() for n in result.notes],
        "stats": {"files": result.files, "seconds": round(result.seconds, 3)},
    }
    return valid_unicode(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def valid_unicode(text: str) -> str:
    """JSON text with the lone surrogates that undecodable file-name bytes become
    (surrogateescape) written as `\\udcff` escapes: the document stays valid UTF-8, and
    a reader decoding with surrogateescape gets the name's bytes back."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
