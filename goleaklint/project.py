"""A run over files that different config files govern.

Each file is governed by its nearest config (see `Project.config_for`), merged with the
command line's values (`config.merge`). A config's `exclude` and `per-file-ignores`
patterns are anchored at its folder, the command line's at the current directory.
Files are scanned in groups, one per config, and the results joined. The command line
and the editor server both go through here, so they agree on what is scanned.
"""

from __future__ import annotations

import dataclasses
import os
import time
from typing import TYPE_CHECKING, Any, Callable

from goleaklint import baseline, engine, parsing
from goleaklint.analysis import package
from goleaklint.config import (Config, Patterns, config_in, is_repository_root, load, merge,
                               per_file_ignores)
from goleaklint.model import Confidence, Finding, Rule, Severity
from goleaklint.rules import ALL_RULES, resolve, select

if TYPE_CHECKING:  # imported by the editor's analysis that uses it, not by every CLI run
    from goleaklint import incremental


class Project:
    def __init__(self, cli: dict[str, Any] | None = None, config_file: str | None = None) -> None:
        self.cli = {key: value for key, value in (cli or {}).items() if value is not None}
        self.explicit = load(config_file) if config_file else None
        self.notes: list[str] = []
        self.engine_options: dict[str, Any] = {}  # engine.Settings fields of the run
        self._configs: dict[str, Config] = {}  # folder -> its nearest config
        self._loaded: dict[str | None, Config] = {}
        self._values: dict[str | None, dict[str, Any]] = {}
        self._matchers: dict[str | None, tuple[Patterns, list[tuple[Patterns, set[str]]]]] = {}
        for key in ("select", "ignore", "extend-select", "extend-ignore"):
            resolve(self.cli.get(key) or [])  # an unknown code fails before the scan
        cwd = os.getcwd()
        self.cli_exclude = Patterns(cwd, self.cli.get("exclude", []))
        self.cli_ignores = [(Patterns(cwd, [pattern]), resolve(codes)) for pattern, codes in
                            per_file_ignores(self.cli.get("per-file-ignores", {}),
                                             "--per-file-ignores").items()]

    # --- which config, which values --------------------------------------------------

    def config_for(self, folder: str) -> Config:
        """The config governing the files in folder: its own config file, else its
        parent folder's config, up to the repository root (each folder looked at once)."""
        if self.explicit is not None:
            return self.explicit
        config = self._configs.get(folder)  # as spelled: discovery asks per file
        if config is not None:
            return config
        spelled, folder = folder, os.path.abspath(folder)
        config = self._configs.get(folder)
        if config is None:
            path = config_in(folder, self.notes)
            parent = os.path.dirname(folder)
            if path is None and parent != folder and not is_repository_root(folder):
                config = self.config_for(parent)
            else:
                if path not in self._loaded:
                    self._loaded[path] = load(path)
                config = self._loaded[path]
            self._configs[folder] = config
        self._configs[spelled] = config
        return config

    def run_config(self, paths: list[str]) -> Config:
        """The config for settings of the whole run (format, outputs, fail-on, ...):
        --config, else the current directory's, else the first scanned path's."""
        config = self.config_for(os.getcwd())
        if config.path is None and paths:
            first = paths[0]
            config = self.config_for(first if os.path.isdir(first) else os.path.dirname(first) or ".")
        return config

    def values(self, config: Config) -> dict[str, Any]:
        if config.path not in self._values:
            self._values[config.path] = merge(config.values, self.cli)
        return self._values[config.path]

    def rules(self, config: Config) -> list[Rule]:
        values = self.values(config)
        chosen = select((values["select"] or ["ALL"]) + values["extend-select"],
                        values["ignore"] + values["extend-ignore"])
        return [dataclasses.replace(rule, severity=Severity(config.severities[rule.code]))
                if rule.code in config.severities else rule for rule in chosen]

    # --- what is scanned -------------------------------------------------------------

    def _patterns(self, config: Config) -> tuple[Patterns, list[tuple[Patterns, set[str]]]]:
        if config.path not in self._matchers:
            ignores = [(Patterns(config.folder, [pattern]), resolve(codes))
                       for pattern, codes in config.values.get("per-file-ignores", {}).items()]
            self._matchers[config.path] = (Patterns(config.folder, config.values.get("exclude", [])),
                                           ignores + self.cli_ignores)
        return self._matchers[config.path]

    def skip(self, path: str, is_dir: bool) -> bool:
        """Whether discovery skips path: default excludes (folders only) and the
        patterns of the config governing the folder that holds path, and the CLI's."""
        config = self.config_for(os.path.dirname(path) or ".")
        if is_dir and self.values(config)["default-excludes"]:
            name = os.path.basename(os.path.normpath(path))
            if name[:1] in "._" or name in engine.DEFAULT_EXCLUDED_DIRS:
                return True
        return self._patterns(config)[0].match(path, is_dir) or self.cli_exclude.match(path, is_dir)

    def excluded(self, path: str, workspace: str | None = None) -> bool:
        """Whether a file opened alone (stdin, an editor) is one a scan of its project
        would skip: its folders are checked from the governing config's folder (else
        the editor's workspace folder, the repository root, the current directory) down."""
        config = self.config_for(os.path.dirname(path) or ".")
        top = config.folder if config.path else workspace or _repository_root(path) or os.getcwd()
        relative = os.path.relpath(os.path.abspath(path), top)
        if not relative.startswith(os.pardir):
            parts = relative.split(os.sep)[:-1]
            for depth in range(1, len(parts) + 1):
                if self.skip(os.path.join(top, *parts[:depth]), True):
                    return True
        return self.skip(path, False)

    # --- the scan --------------------------------------------------------------------

    def scan(self, paths: list[str], stdin: tuple[str, bytes] | None = None,
             progress: Callable[[list[str]], Any] | None = None,
             **engine_options: Any) -> engine.ScanResult:
        """Scan paths (or one source from stdin), each group of files with its config.
        `engine_options` are `engine.Settings` fields of the run (jobs, cache_dir, ...)."""
        started = time.perf_counter()
        self.engine_options = engine_options
        listing: dict[str, list[str]] = {}  # the folders discovery walked (package.listing_held)
        if stdin is not None:
            files, problems = [] if self.excluded(stdin[0]) else [os.path.normpath(stdin[0])], []
        else:
            files, problems = engine.discover(paths, engine.Settings(), self.skip, listing)
        groups: dict[str | None, list[str]] = {}
        for path in files:
            groups.setdefault(self.config_for(os.path.dirname(path) or ".").path, []).append(path)
        advance = progress(files) if progress is not None else None
        results = []
        with package.listing_held(listing):
            for config_path, group in groups.items():
                config = self._loaded.get(config_path) if self.explicit is None else self.explicit
                rules, settings = self.prepare(config)
                source = (group[0], stdin[1]) if stdin is not None else None
                if source is not None and not settings.include_generated and engine.is_generated(source[1]):
                    continue
                file_results = list(engine.iter_results(group, rules, settings, source, advance))
                findings, errors, notes, count = engine.scan_results(file_results, rules, settings)
                kept, hidden = self.finish(findings, config)
                results.append(engine.ScanResult(kept, errors, notes, count, 0.0, rules, group,
                                                 file_results, hidden=hidden))
        # Every rule the run's own config selects is listed (SARIF), findings or not.
        return _join(results, problems, time.perf_counter() - started,
                     self.rules(self.run_config(paths)))

    def relint(self, result: engine.ScanResult, sources: dict[str, bytes]) -> engine.ScanResult:
        """result with the files in sources (path -> new bytes) analysed again, each
        group of files with its config (`engine.relint`, for the fixer)."""
        groups: dict[str | None, list[engine.FileResult]] = {}
        for file_result in result.results:
            config = self.config_for(os.path.dirname(file_result.path) or ".")
            groups.setdefault(config.path, []).append(file_result)
        parts = []
        for config_path, file_results in groups.items():
            config = self._loaded.get(config_path) if self.explicit is None else self.explicit
            rules, settings = self.prepare(config)
            paths = [r.path for r in file_results]
            part = engine.relint(engine.ScanResult([], [], [], len(paths), 0.0, rules, paths, file_results),
                                 sources, settings)
            kept, hidden = self.finish(part.findings, config)
            parts.append(dataclasses.replace(part, findings=kept, hidden=hidden))
        scanned = {r.path for r in result.results}
        joined = _join(parts, [e for e in result.errors if e.path not in scanned], result.seconds,
                       result.rules)
        return dataclasses.replace(joined, unsafe_fixes=result.unsafe_fixes)

    def prepare(self, config: Config) -> tuple[list[Rule], engine.Settings]:
        """The rules and engine settings for the files config governs."""
        values = self.values(config)
        settings = engine.Settings(
            include_generated=values["include-generated"], low_shown=values["min-confidence"] == "low",
            rule_options=config.rule_options, **self.engine_options)
        return self.rules(config), settings

    def finish(self, findings: list[Finding], config: Config) -> tuple[list[Finding], int]:
        """Per-file-ignores dropped, severity overrides applied, findings below the
        config's min-confidence left out; and how many were left out for that."""
        ignores = self._patterns(config)[1]
        least = Confidence(self.values(config)["min-confidence"]).rank
        kept, hidden = [], 0
        for finding in findings:
            if any(finding.rule in codes and patterns.match(finding.path) for patterns, codes in ignores):
                continue
            if finding.confidence.rank < least:
                hidden += 1
                continue
            severity = config.severities.get(finding.rule)
            kept.append(dataclasses.replace(finding, severity=Severity(severity)) if severity else finding)
        return kept, hidden


def _repository_root(path: str) -> str | None:
    directory = os.path.dirname(os.path.abspath(path))
    while True:
        if is_repository_root(directory):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _join(results: list[engine.ScanResult], problems: list[engine.Problem],
          seconds: float, run_rules: list[Rule]) -> engine.ScanResult:
    """One result from the results of several groups of files (disjoint paths)."""
    rules: dict[str, Rule] = {rule.code: rule for rule in run_rules}
    for result in results:
        for rule in result.rules:
            rules.setdefault(rule.code, rule)
    return engine.ScanResult(
        findings=sorted((f for r in results for f in r.findings), key=Finding.sort_key),
        errors=problems + [e for r in results for e in r.errors],
        notes=[n for r in results for n in r.notes],
        files=sum(r.files for r in results),
        seconds=seconds,
        rules=[rules[rule.code] for rule in ALL_RULES if rule.code in rules],
        paths=sorted(p for r in results for p in r.paths),
        results=[file_result for r in results for file_result in r.results],
        hidden=sum(r.hidden for r in results),
        unchecked=sum(engine.UNSHOWN in f.facts for r in results for f in r.results),
    )


def lint_source(path: str, source: bytes, parse: Callable[[bytes], Any] | None = None,
                workspace: str | None = None, notes: list[str] | None = None,
                state: incremental.State | None = None) -> list[Finding]:
    """The findings `goleaklint check` reports for path if it held source, with the
    config nearest to path: excludes (from its folder, else from `workspace`), rules,
    options, per-file-ignores, severities, the time budget and the configured baseline.
    `parse(source)` gives the syntax tree's root when the caller keeps one (the editor
    server). `notes` gets what the CLI would print as notes about the config files
    (one owned by another user, skipped) and an analysis stopped by the time budget.
    `state`, kept per document by the caller, lets an edit that changes no token reuse
    the previous version's findings (see `incremental`).
    Raises ConfigError, UnknownRuleError or BaselineError."""
    project = Project()
    try:
        return _lint_source(project, path, source, parse, workspace, notes, state)
    finally:
        if notes is not None:
            notes[:0] = project.notes


def _lint_source(project: Project, path: str, source: bytes, parse: Callable[[bytes], Any] | None,
                 workspace: str | None, notes: list[str] | None,
                 state: incremental.State | None) -> list[Finding]:
    if project.excluded(path, workspace):
        return []
    config = project.config_for(os.path.dirname(path) or ".")
    rules, settings = project.prepare(config)
    if not settings.include_generated and engine.is_generated(source):
        return []
    codes = tuple(rule.code for rule in rules)
    root = parse(source) if parse is not None else None
    budget = project.values(config)["file-time-budget"]
    if state is not None:
        from goleaklint import incremental

        result = incremental.analyze(state, path, source, root if root is not None else parsing.parse(source),
                                     rules, settings, budget)
    else:
        result = engine.analyze_source(path, source, codes, settings.rule_options, root=root, budget=budget)
    if result.stopped and notes is not None:
        notes.append(result.notes[-1].message)
    findings = project.finish(engine.scan_results([result], rules, settings)[0], config)[0]
    recorded = config.path_value("baseline")
    if recorded:
        findings, _ = baseline.without_recorded(findings, baseline.load(recorded), recorded, [path])
    return findings
