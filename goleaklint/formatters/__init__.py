"""Output formats: pure functions of a scan result (and, for SARIF, the source root)."""

import importlib

from goleaklint.formatters import github, gitlab, json_format, text


def _imported(name: str):
    """The render function of the formatter module name, imported when that format is
    written: sarif-om and attrs (SARIF), ElementTree and uuid (JUnit) are a fifth of
    the CLI's start-up, which every other format would pay for."""

    def render(result, root: str = ".", **options) -> str:
        return importlib.import_module(f"goleaklint.formatters.{name}").render(result, root, **options)

    return render


FORMATTERS = {
    "text": text.render,
    "json": json_format.render,
    "sarif": _imported("sarif"),
    "github": github.render,
    "gitlab": gitlab.render,
    "junit": _imported("junit"),
}
