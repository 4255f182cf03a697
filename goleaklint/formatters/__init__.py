"""Output formats: pure functions of a scan result (and, for SARIF, the source root)."""

from goleaklint.formatters import github, json_format, sarif, text

FORMATTERS = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
}
