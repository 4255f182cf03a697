"""One JSON document: version, findings, errors, notes, stats."""

from __future__ import annotations

import json

from goleaklint import __version__
from goleaklint.engine import ScanResult


def render(result: ScanResult, root: str = ".") -> str:
    document = {
        "version": __version__,
        "findings": [f.to_dict() for f in result.findings],
        "errors": [e.to_dict() for e in result.errors],
        "notes": [n.to_dict() for n in result.notes],
        "stats": {"files": result.files, "seconds": round(result.seconds, 3)},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
