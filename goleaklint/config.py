"""Configuration: `.goleaklint.toml`, or `[tool.goleaklint]` in `pyproject.toml`.

Each scanned file is governed by the config nearest to it: the search goes up from
the file's folder (at each level `.goleaklint.toml` before `pyproject.toml`) and stops
at the repository root, the folder holding `.git`. A config file owned by another user
(not you, not root) is skipped with a note. `--config FILE` names one for every file.
Keys are the CLI's long flags without the dashes; the CLI wins over the file
(`merge`, the one place where the two meet).

    select = ["GL0"]
    ignore = ["GL003"]
    extend-select = []      # added to select (or to the default, all rules)
    extend-ignore = []      # added to ignore
    exclude = ["internal/legacy/"]      # gitignore patterns, anchored at this file's folder
    fail-on = "error"       # or "never"
    min-confidence = "medium"   # "low" also shows findings whose harm the code does not show
    include-generated = false
    default-excludes = true
    jobs = 2                # default: one process per core
    cache = true            # false: like --no-cache
    cache-dir = ".goleaklint_cache"
    sarif-output = "goleaklint.sarif"   # file names are relative to this file's folder
    sarif-category = "goleaklint"       # code scanning category (runAutomationDetails)
    baseline = ".goleaklint-baseline.json"
    file-time-budget = 60   # seconds of analysis per file (0: no limit)

    [per-file-ignores]      # gitignore patterns, anchored here -> codes, prefixes or names
    "*_test.go" = ["GL008"]

    [rules.GL001]          # per-rule options, by code or name
    extra-methods = ["QueryAll"]
    [rules.GL006]
    severity = "note"      # every rule takes `severity`
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from typing import Any

import pathspec

from goleaklint.rules import BY_CODE, BY_NAME, UnknownRuleError, resolve

# key -> the kind of value it takes (see _KINDS)
KEYS: dict[str, str] = {
    "select": "list of strings",
    "ignore": "list of strings",
    "extend-select": "list of strings",
    "extend-ignore": "list of strings",
    "exclude": "list of strings",
    "per-file-ignores": "table",
    "fail-on": "string",
    "min-confidence": "string",
    "exit-zero": "boolean",
    "format": "string",
    "statistics": "boolean",
    "quiet": "boolean",
    "color": "boolean",
    "show-source": "boolean",
    "include-generated": "boolean",
    "default-excludes": "boolean",
    "jobs": "integer",
    "cache": "boolean",
    "cache-dir": "string",
    "sarif-output": "string",
    "sarif-category": "string",
    "json-output": "string",
    "baseline": "string",
    "new-from-rev": "string",
    "file-time-budget": "number",
    "rules": "table",
}
# Keys that a file's own config decides (the rest are settings of the whole run).
PER_FILE_KEYS = ("select", "ignore", "extend-select", "extend-ignore", "exclude",
                 "per-file-ignores", "include-generated", "default-excludes", "min-confidence", "rules")
DEFAULTS: dict[str, Any] = {
    "select": None, "ignore": [], "extend-select": [], "extend-ignore": [], "exclude": [],
    "per-file-ignores": {}, "fail-on": "warning", "min-confidence": "medium", "exit-zero": False, "format": "text",
    "statistics": False, "quiet": False, "color": None, "show-source": False,
    "include-generated": False, "default-excludes": True, "jobs": 0, "cache": True,
    "cache-dir": ".goleaklint_cache", "sarif-output": None, "sarif-category": None,
    "json-output": None, "baseline": None, "new-from-rev": None, "file-time-budget": 60.0,
}
# CLI values of these keys add to the config's instead of replacing them.
ADDITIVE = ("extend-select", "extend-ignore")
FAIL_ON = ("error", "warning", "note", "never")
SEVERITIES = ("error", "warning", "note")
CONFIDENCES = ("high", "medium", "low")
FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")
CONFIG_NAMES = (".goleaklint.toml", "pyproject.toml")

_TOML_TYPES = {str: "a string", bool: "a boolean", int: "an integer", float: "a float",
               list: "an array", dict: "a table"}
_KINDS = {
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "list of strings": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "table": lambda v: isinstance(v, dict),
}


class ConfigError(Exception):
    pass


def _describe(value: Any) -> str:
    if isinstance(value, list):
        odd = next((x for x in value if not isinstance(x, str)), None)
        if odd is not None:
            return f"an array holding {odd!r} ({_TOML_TYPES.get(type(odd), type(odd).__name__)})"
    return _TOML_TYPES.get(type(value), type(value).__name__)


def _check_kind(where: str, key: str, kind: str, value: Any) -> None:
    if not _KINDS[kind](value):
        article = "an" if kind[0] in "aeiou" else "a"
        raise ConfigError(f"{where}: {key} must be {article} {kind}, not {_describe(value)}")


class Patterns:
    """gitignore-style patterns (pathspec) anchored at a folder. A path outside the
    folder is matched only by patterns without a slash, which match at any depth."""

    def __init__(self, base: str, patterns: list[str]) -> None:
        self.base = os.path.abspath(base)
        self.patterns = list(patterns)
        self.spec = pathspec.GitIgnoreSpec.from_lines(self.patterns) if self.patterns else None

    def match(self, path: str, is_dir: bool = False) -> bool:
        if self.spec is None:
            return False
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, self.base)
        if relative == os.curdir:
            return False
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            relative = absolute.lstrip(os.sep)
        relative = relative.replace(os.sep, "/")
        return self.spec.match_file(relative + "/" if is_dir else relative)


@dataclass
class Config:
    path: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)  # code -> severity override

    @property
    def folder(self) -> str:
        """Where this config's relative names and patterns are anchored."""
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    def path_value(self, key: str) -> str | None:
        """A file name from the config, relative to the config file's folder."""
        value = self.values.get(key)
        if value is None or self.path is None:
            return value
        return os.path.join(self.folder, value)


def is_repository_root(directory: str) -> bool:
    return os.path.exists(os.path.join(directory, ".git"))


def _owner(path: str) -> int | None:
    """The owner of path when it is neither you nor root (None otherwise)."""
    if not hasattr(os, "getuid"):
        return None
    owner = os.stat(path).st_uid
    return None if owner in (0, os.getuid()) else owner


def _is_config(path: str, notes: list[str] | None) -> bool:
    """Whether path is a config file to use. Another user's file could switch rules
    off or redirect outputs: it is skipped with a note (and never parsed strictly)."""
    if not os.path.isfile(path):
        return False
    pyproject = os.path.basename(path) == "pyproject.toml"
    owner = _owner(path)
    if owner is None:
        return not pyproject or _pyproject_section(path) is not None
    if pyproject:
        try:
            if _pyproject_section(path) is None:
                return False
        except ConfigError:
            return False
    if notes is not None:
        notes.append(f"{path}: ignored: owned by uid {owner}, not by you or root")
    return False


def config_in(directory: str, notes: list[str] | None = None) -> str | None:
    """The config file in directory itself (`.goleaklint.toml` first), if any."""
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if _is_config(candidate, notes):
            return candidate
    return None


def find_config(start: str, notes: list[str] | None = None) -> str | None:
    """The config file nearest to the folder start, going up to the repository root.
    Files owned by another user are skipped (a note is added to notes)."""
    directory = os.path.abspath(start)
    while True:
        found = config_in(directory, notes)
        parent = os.path.dirname(directory)
        if found or parent == directory or is_repository_root(directory):
            return found
        directory = parent


def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _pyproject_section(path: str, data: dict | None = None) -> dict | None:
    """The [tool.goleaklint] table of a pyproject.toml, or None. A file that is not
    TOML, or whose `tool` or `tool.goleaklint` is not a table, is an error: skipping it
    would let a parent folder's config apply in its place."""
    if data is None:
        data = _read_toml(path)
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: tool must be a table, not {_describe(tool)}")
    section = tool.get("goleaklint")
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool] goleaklint must be a table, not {_describe(section)}")
    return section


def load(path: str | None) -> Config:
    """Read and validate a config file; path None gives the empty config."""
    if path is None:
        return Config()
    data = _read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        data = _pyproject_section(path, data) or {}
        where = f"{path} [tool.goleaklint]"
    else:
        where = path
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
        _check_kind(where, key, KEYS[key], value)
        values[key] = value
    for key in ("select", "ignore", "extend-select", "extend-ignore"):
        try:
            resolve(values.get(key, []))
        except UnknownRuleError as exc:
            raise ConfigError(f"{where}: {key}: {exc}") from None
    if values.get("fail-on", "warning") not in FAIL_ON:
        raise ConfigError(f"{where}: fail-on must be one of {', '.join(FAIL_ON)}")
    if values.get("min-confidence", "medium") not in CONFIDENCES:
        raise ConfigError(f"{where}: min-confidence must be one of {', '.join(CONFIDENCES)}")
    if values.get("jobs", 0) < 0:
        raise ConfigError(f"{where}: jobs must be 0 (all cores) or more")
    if values.get("format", "text") not in FORMATS:
        raise ConfigError(f"{where}: format must be one of {', '.join(FORMATS)}")
    if not 0 <= values.get("file-time-budget", 0) < float("inf"):
        raise ConfigError(f"{where}: file-time-budget must be 0 (no limit) or more seconds")
    if "sarif-category" in values:
        from goleaklint.formatters.sarif import automation_id  # the formatter imports the engine

        try:
            automation_id(values["sarif-category"])
        except ValueError as exc:
            raise ConfigError(f"{where}: sarif-category: {exc}") from None
    values["per-file-ignores"] = per_file_ignores(values.get("per-file-ignores", {}), where)
    options, severities = _rule_options(values.pop("rules", {}), where)
    return Config(path, values, options, severities)


def per_file_ignores(table: dict, where: str) -> dict[str, list[str]]:
    """Validate a `per-file-ignores` table: pattern -> codes, prefixes or names."""
    for pattern, codes in table.items():
        _check_kind(where, f"per-file-ignores {pattern!r}", "list of strings", codes)
        try:
            resolve(codes)
        except UnknownRuleError as exc:
            raise ConfigError(f"{where}: per-file-ignores {pattern!r}: {exc}") from None
    return table


def _option_kind(default: Any) -> str:
    if isinstance(default, list):
        return "list of strings"
    return {bool: "boolean", int: "integer", str: "string"}[type(default)]


def _rule_options(table: dict, where: str) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    options: dict[str, dict[str, Any]] = {}
    severities: dict[str, str] = {}
    for selector, settings in table.items():
        rule = BY_CODE.get(selector) or BY_NAME.get(selector)
        if rule is None:
            raise ConfigError(f"{where}: [rules.{selector}]: unknown rule")
        if not isinstance(settings, dict):
            raise ConfigError(f"{where}: rules.{selector} must be a table, not {_describe(settings)}")
        for key, value in settings.items():
            if key == "severity":
                if value not in SEVERITIES:
                    raise ConfigError(f"{where}: [rules.{selector}] severity must be one of "
                                      f"{', '.join(SEVERITIES)}")
                severities[rule.code] = value
                continue
            if key not in rule.options:
                known = ", ".join(sorted(rule.options) + ["severity"])
                raise ConfigError(
                    f"{where}: [rules.{selector}]: unknown option {key!r} for {rule.code} "
                    f"(its options: {known})"
                )
            _check_kind(f"{where}: [rules.{selector}]", key, _option_kind(rule.options[key]), value)
            options.setdefault(rule.code, {})[key] = value
    return options, severities


def merge(file_values: dict[str, Any], cli_values: dict[str, Any]) -> dict[str, Any]:
    """Every key's value for a run: the CLI's where given, else the config file's, else
    the default. `extend-*` from both add up; `exclude` and `per-file-ignores` stay
    with their anchors (see `Patterns`), so only the file's are here."""
    merged = {**DEFAULTS, **file_values}
    for key, value in cli_values.items():
        if value is None or key in ("exclude", "per-file-ignores"):
            continue
        merged[key] = merged[key] + value if key in ADDITIVE else value
    return merged
