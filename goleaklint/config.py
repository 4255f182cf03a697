"""Configuration: `.goleaklint.toml`, or `[tool.goleaklint]` in `pyproject.toml`.

The nearest file going up from the current directory wins (at each level
`.goleaklint.toml` before `pyproject.toml`); `--config FILE` names one explicitly.
Keys are the CLI's long flags without the dashes; the CLI wins over the file.

    select = ["GL0"]
    ignore = ["GL003"]
    exclude = ["internal/legacy/**"]
    fail-on = "error"
    include-generated = false
    default-excludes = true
    jobs = 2                # default: one process per core
    cache = true            # false: like --no-cache
    cache-dir = ".goleaklint_cache"
    sarif-output = "goleaklint.sarif"   # file names are relative to this file's folder
    baseline = ".goleaklint-baseline.json"

    [rules.GL001]          # per-rule options, by code or name
    extra-methods = ["QueryAll"]
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from typing import Any

from goleaklint.rules import BY_CODE, BY_NAME, UnknownRuleError, resolve

# key -> expected Python type of its value
KEYS: dict[str, type | tuple[type, ...]] = {
    "select": list,
    "ignore": list,
    "exclude": list,
    "fail-on": str,
    "format": str,
    "include-generated": bool,
    "default-excludes": bool,
    "jobs": int,
    "cache": bool,
    "cache-dir": str,
    "sarif-output": str,
    "json-output": str,
    "baseline": str,
    "new-from-rev": str,
    "rules": dict,
}
FAIL_ON = ("error", "warning", "note")
FORMATS = ("text", "json", "sarif", "github")


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def path_value(self, key: str) -> str | None:
        """A file name from the config, relative to the config file's folder."""
        value = self.values.get(key)
        if value is None or self.path is None:
            return value
        return os.path.join(os.path.dirname(os.path.abspath(self.path)), value)


def find_config(start: str) -> str | None:
    directory = os.path.abspath(start)
    while True:
        candidate = os.path.join(directory, ".goleaklint.toml")
        if os.path.isfile(candidate):
            return candidate
        pyproject = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(pyproject) and _pyproject_section(pyproject) is not None:
            return pyproject
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _pyproject_section(path: str) -> dict | None:
    try:
        data = _read_toml(path)
    except ConfigError:
        return None
    section = data.get("tool", {}).get("goleaklint")
    return section if isinstance(section, dict) else None


def load(path: str | None) -> Config:
    """Read and validate a config file; path None gives the empty config."""
    if path is None:
        return Config()
    data = _read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("goleaklint", {})
        where = f"{path} [tool.goleaklint]"
    else:
        where = path
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
        expected = KEYS[key]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            name = expected.__name__ if isinstance(expected, type) else "/".join(t.__name__ for t in expected)
            raise ConfigError(f"{where}: {key} must be a {name}, not {type(value).__name__}")
        values[key] = value
    for key in ("select", "ignore"):
        try:
            resolve([str(v) for v in values.get(key, [])])
        except UnknownRuleError as exc:
            raise ConfigError(f"{where}: {key}: {exc}") from None
    if values.get("fail-on", "warning") not in FAIL_ON:
        raise ConfigError(f"{where}: fail-on must be one of {', '.join(FAIL_ON)}")
    if values.get("jobs", 0) < 0:
        raise ConfigError(f"{where}: jobs must be 0 (all cores) or more")
    if values.get("format", "text") not in FORMATS:
        raise ConfigError(f"{where}: format must be one of {', '.join(FORMATS)}")
    return Config(path, values, _rule_options(values.pop("rules", {}), where))


def _rule_options(table: dict, where: str) -> dict[str, dict[str, Any]]:
    options: dict[str, dict[str, Any]] = {}
    for selector, settings in table.items():
        rule = BY_CODE.get(selector) or BY_NAME.get(selector)
        if rule is None:
            raise ConfigError(f"{where}: [rules.{selector}]: unknown rule")
        if not isinstance(settings, dict):
            raise ConfigError(f"{where}: rules.{selector} must be a table")
        for key, value in settings.items():
            if key not in rule.options:
                known = ", ".join(sorted(rule.options)) or "none"
                raise ConfigError(
                    f"{where}: [rules.{selector}]: unknown option {key!r} for {rule.code} "
                    f"(its options: {known})"
                )
            default = rule.options[key]
            if type(value) is not type(default):
                raise ConfigError(
                    f"{where}: [rules.{selector}] {key} must be a {type(default).__name__}"
                )
        options.setdefault(rule.code, {}).update(settings)
    return options
