"""Output formats: pure functions of a scan result (and, for SARIF, the source root)."""

from goleaklint.formatters import github, gitlab, json_format, junit, sarif, text

FORMATTERS = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "junit": junit.render,
}
