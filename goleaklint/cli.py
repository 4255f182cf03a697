"""Command line: `goleaklint check`, `goleaklint rules`, `goleaklint explain`.

Exit codes, the same for every command and format:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  usage error, bad config, unreadable input or an internal error
130  interrupted (Ctrl-C)
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import json
import os
import subprocess
import sys
import time
import traceback

import click

from goleaklint import __version__, baseline, changes, engine, fixes
from goleaklint.config import CONFIDENCES, FAIL_ON, FORMATS, ConfigError
from goleaklint.files import write_file
from goleaklint.formatters import FORMATTERS
from goleaklint.formatters import text as text_format
from goleaklint.formatters.text import printable, summary
from goleaklint.model import Severity
from goleaklint.project import Project
from goleaklint.rules import ALL_RULES, BY_CODE, BY_NAME, UnknownRuleError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def _split(values: tuple[str, ...] | None) -> list[str] | None:
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _per_file_ignores(values: tuple[str, ...]) -> dict[str, list[str]] | None:
    """`--per-file-ignores GLOB:CODES` values as the config's table."""
    table: dict[str, list[str]] = {}
    for value in values:
        pattern, colon, codes = value.rpartition(":")
        if not colon or not pattern:
            fail(f"--per-file-ignores {value!r}: expected GLOB:CODES, e.g. '*_test.go:GL008'")
        table.setdefault(pattern, []).extend(_split((codes,)) or [])
    return table or None


def source_root() -> str:
    """The git top level around the current directory, else the current directory."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            capture_output=True, text=True, timeout=10, check=False,
        )
        if top.returncode == 0 and top.stdout.strip():
            return top.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return os.getcwd()


def progress_bar(files: list[str]):
    """A progress bar on stderr, only for a terminal and only once a scan has run for a
    second: machine-read output and quick runs stay clean."""
    stream = sys.stderr
    if not files or not stream.isatty():
        return None
    started = time.monotonic()
    state: dict = {"done": 0, "bar": None}

    def advance(n: int) -> None:
        state["done"] += n
        bar = state["bar"]
        if bar is None:
            if time.monotonic() - started < 1.0:
                return
            bar = click.progressbar(length=len(files), label="scanning", file=stream,
                                    show_pos=True, show_eta=True)
            bar.__enter__()
            bar.update(state["done"])
            state["bar"] = bar
        else:
            bar.update(n)
        if state["done"] >= len(files):
            bar.__exit__(None, None, None)

    return advance


def fail(message: str) -> None:
    click.echo(f"goleaklint: error: {printable(message)}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="goleaklint")
def cli() -> None:
    """Find goroutine and resource leak patterns in Go source.

    \b
    Examples:
      goleaklint check ./...                  scan the current module
      goleaklint check --select GL001,GL008 . only these rules
      goleaklint check --format sarif -o goleaklint.sarif .
      goleaklint rules                        list the rules
      goleaklint explain GL002                a rule's documentation
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(FORMATS),
              help="Output format for stdout (default: text).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the output to FILE instead of stdout.")
@click.option("--sarif-output", type=click.Path(dir_okay=False),
              help="Also write SARIF to FILE (whatever --format prints).")
@click.option("--json-output", type=click.Path(dir_okay=False),
              help="Also write JSON to FILE (whatever --format prints).")
@click.option("--sarif-category", metavar="NAME",
              help="Code scanning category written in SARIF (runAutomationDetails; default: goleaklint).")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rules: codes (GL002), prefixes (GL0) or names, comma separated.")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Skip these rules (codes, prefixes or names, comma separated).")
@click.option("--extend-select", multiple=True, metavar="CODES",
              help="Add these rules to the selection (config's or the default).")
@click.option("--extend-ignore", multiple=True, metavar="CODES",
              help="Skip these rules too, on top of the ignore list.")
@click.option("--per-file-ignores", multiple=True, metavar="GLOB:CODES",
              help="Skip rules in matching files, e.g. '*_test.go:GL008,GL009' (repeatable).")
@click.option("--fail-on", type=click.Choice(FAIL_ON),
              help="Exit 1 when a finding of this severity or higher is reported "
                   "(default: warning; never: exit 0 with findings).")
@click.option("--min-confidence", type=click.Choice(CONFIDENCES),
              help="Report findings of at least this confidence (default: medium; low also "
                   "shows those whose harm the code does not show, e.g. a goroutine that "
                   "leaks only if its starter runs more than once).")
@click.option("--exit-zero", is_flag=True, default=None,
              help="Exit 0 even when findings are reported (scan errors still exit 2).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Config file (default: nearest .goleaklint.toml or pyproject.toml [tool.goleaklint]).")
@click.option("--statistics", is_flag=True, default=None,
              help="Also print the number of findings per rule (on stderr).")
@click.option("-q", "--quiet", is_flag=True, default=None,
              help="Print only findings and errors: no summary, notes or progress bar.")
@click.option("--color/--no-color", default=None,
              help="Colour the text output (default: on a terminal, unless NO_COLOR is set).")
@click.option("--show-source", is_flag=True, default=None,
              help="Show each finding's source line with a caret under it (text format).")
@click.option("--stdin-filename", metavar="PATH",
              help="Read the source from stdin and report it as PATH (for editors).")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Skip files and folders matching GLOB (repeatable).")
@click.option("--no-default-excludes", "no_default_excludes", is_flag=True, default=None,
              help="Also scan vendor/, testdata/ and hidden folders below the given paths.")
@click.option("--include-generated", is_flag=True, default=None,
              help="Also scan files marked '// Code generated ... DO NOT EDIT.'.")
@click.option("-j", "--jobs", type=click.IntRange(min=0),
              help="Worker processes (default 0: one per core).")
@click.option("--cache-dir", type=click.Path(file_okay=False),
              help="Where to keep results of unchanged files (default: .goleaklint_cache).")
@click.option("--no-cache", is_flag=True, default=None, help="Analyse every file, keep no cache.")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error and stop.")
@click.option("--file-time-budget", type=click.FloatRange(min=0), metavar="SECONDS",
              help="Stop analysing a file after SECONDS, with a note (default 60; 0: no limit).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Hide the findings recorded in FILE (see --write-baseline).")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record all current findings in FILE, then hide them (exit 0).")
@click.option("--new-from-rev", metavar="REV",
              help="Only report findings on lines changed since git revision REV.")
@click.option("--fix", "apply_fixes", is_flag=True,
              help="Apply safe fixes to the files, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Also apply (with --fix or --diff) fixes that change behaviour.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the fixes as a unified diff and write nothing (exit 1 if any).")
def check(paths, output_format, output, sarif_output, json_output, sarif_category, select, ignore,
          extend_select, extend_ignore, per_file_ignores, fail_on, min_confidence, exit_zero, config_file,
          statistics, quiet, color, show_source, stdin_filename, exclude, no_default_excludes,
          include_generated,
          jobs, cache_dir, no_cache, debug, file_time_budget, baseline_file, write_baseline,
          new_from_rev, apply_fixes, unsafe_fixes, show_diff) -> None:
    """Scan Go files under PATHS (default: the current directory) for leaks.

    \b
    Suppress a finding with a comment on its line or the line above:
      //goleaklint:ignore GL002 reason it is safe
      //nolint:goleaklint // reason
    """
    if _one_shot:
        # A check run from the command line keeps its cyclic collector off: what the
        # scan keeps, its results, holds no cycles (a serial scan collects every
        # COLLECT_EVERY files, engine._collector_held), and the collector's full passes
        # over them took 0.45 s of the parent's CPU in a whole-corpus scan on two
        # processes. The process ends with the command.
        gc.disable()
    cli_values = {
        "format": output_format, "sarif-output": sarif_output, "json-output": json_output,
        "select": _split(select), "ignore": _split(ignore), "fail-on": fail_on,
        "min-confidence": min_confidence,
        "exit-zero": exit_zero, "statistics": statistics, "quiet": quiet, "color": color,
        "show-source": show_source,
        "extend-select": _split(extend_select), "extend-ignore": _split(extend_ignore),
        "per-file-ignores": _per_file_ignores(per_file_ignores),
        "exclude": list(exclude) or None,
        "default-excludes": False if no_default_excludes else None,
        "include-generated": include_generated, "jobs": jobs, "cache-dir": cache_dir,
        "cache": False if no_cache else None, "baseline": baseline_file,
        "new-from-rev": new_from_rev, "sarif-category": sarif_category,
        "file-time-budget": file_time_budget,
    }
    try:
        project = Project(cli_values, config_file)
        run = project.run_config([stdin_filename] if stdin_filename else list(paths))
        values = project.values(run)
    except (ConfigError, UnknownRuleError) as exc:
        fail(str(exc))
    # File names from the CLI are relative to the current directory, from a config to its folder.
    sarif_output = sarif_output or run.path_value("sarif-output")
    json_output = json_output or run.path_value("json-output")
    baseline_file = baseline_file or run.path_value("baseline")
    new_from_rev = values["new-from-rev"]
    chosen_format = values["format"]
    quiet = values["quiet"]
    # --exit-zero and --fail-on never: findings never fail the run.
    threshold = (None if values["exit-zero"] or values["fail-on"] == "never"
                 else Severity(values["fail-on"]))
    sarif_category = values["sarif-category"]
    if sarif_category is not None:
        from goleaklint.formatters.sarif import automation_id
        try:
            automation_id(sarif_category)
        except ValueError as exc:
            fail(str(exc))

    stdin = None
    if stdin_filename is not None:
        if [p for p in paths if p != "-"]:
            fail("--stdin-filename reads from stdin: give no paths (or '-')")
        stdin = (stdin_filename, sys.stdin.buffer.read())
    elif "-" in paths:
        fail("reading from stdin needs --stdin-filename PATH")
    if (apply_fixes or show_diff) and write_baseline:
        fail("--fix and --diff do not go with --write-baseline: fix first, then record")

    try:
        result = project.scan(list(paths) or ["."], stdin, None if quiet else progress_bar,
                              jobs=values["jobs"],
                              cache_dir=values["cache-dir"] if values["cache"] else None,
                              debug=debug, file_budget=values["file-time-budget"])
    except ConfigError as exc:  # a config file below the current directory
        fail(str(exc))
    _, capped = engine.capped_jobs(values["jobs"], len(result.paths))
    for note in dict.fromkeys([] if quiet else project.notes + ([capped] if capped else [])):
        click.echo(f"goleaklint: note: {printable(note)}", err=True)
    result = dataclasses.replace(result, unsafe_fixes=unsafe_fixes)
    result, stale = narrow(result, baseline_file, write_baseline, new_from_rev)
    outcome = None
    if apply_fixes or show_diff:
        result, outcome = run_fixes(result, project, stdin, unsafe_fixes,
                                    not show_diff and stdin is None, (baseline_file, new_from_rev))
        if show_diff or stdin is not None:
            if show_diff:
                click.echo("".join(fixes.unified_diff(p, outcome.original[p], outcome.fixed[p])
                                   for p in sorted(outcome.fixed)), nl=False)
            else:  # the fixed source, as ruff prints it for editors
                sys.stdout.buffer.write(outcome.fixed.get(result.paths[0], stdin[1]))
                sys.stdout.flush()
            click.echo(fix_note(outcome, len(result.findings), show_diff), err=True)
            if result.errors or outcome.reverted:
                sys.exit(EXIT_ERROR)
            if show_diff:
                sys.exit(EXIT_FINDINGS if outcome.fixed else EXIT_CLEAN)
            sys.exit(EXIT_FINDINGS if threshold is not None
                     and engine.fail_threshold(result.findings, threshold) else EXIT_CLEAN)
    # Only SARIF and GitLab write paths relative to the source root: ask git just for them.
    root = source_root() if chosen_format in ("sarif", "gitlab") or sarif_output else "."
    formatters = {**FORMATTERS, "sarif": functools.partial(
        FORMATTERS["sarif"], **({"category": sarif_category} if sarif_category else {}))}
    # NO_COLOR (no-color.org) turns off colour unless the CLI or config asks for it.
    colored = values["color"] if values["color"] is not None else (
        not os.environ.get("NO_COLOR") and sys.stdout.isatty())
    if chosen_format == "text":
        sources = read_sources(result, stdin) if values["show-source"] else None
        rendered = text_format.render(result, root, color=bool(colored and not output), sources=sources)
    else:
        rendered = formatters[chosen_format](result, root)
    if output:
        write_or_fail(output, rendered)
    else:
        click.echo(rendered, nl=False, color=True if colored else None)
    for extra_format, extra_path in (("sarif", sarif_output), ("json", json_output)):
        if extra_path:
            write_or_fail(extra_path, formatters[extra_format](result, root))
    if stale and not quiet:
        click.echo(f"goleaklint: note: {stale} baseline entr{'ies' if stale != 1 else 'y'} "
                   f"matched nothing (fixed?); --write-baseline {baseline_file} prunes them",
                   err=True)
    for problem in result.errors:
        where = f"{problem.path}: " if problem.path else ""
        click.echo(f"goleaklint: error: {printable(where + problem.message)}", err=True)
    for note in [] if quiet else result.notes:
        where = (f"{note.path}:{note.line}:{note.column}: " if note.line
                 else f"{note.path}: " if note.path else "")
        click.echo(f"goleaklint: note: {printable(where + note.message)}", err=True)
    if values["statistics"]:
        click.echo(text_format.statistics(result), err=True, nl=False)
    if outcome is not None and not quiet:
        click.echo(fix_note(outcome, len(result.findings), False), err=True)
    if not quiet:
        click.echo(summary(result), err=True)
    if result.errors or (outcome is not None and outcome.reverted):
        sys.exit(EXIT_ERROR)
    failed = threshold is not None and engine.fail_threshold(result.findings, threshold)
    sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


def run_fixes(result: engine.ScanResult, project: Project, stdin, unsafe: bool,
              write: bool, narrowing: tuple) -> tuple[engine.ScanResult, fixes.Outcome]:
    """Apply fixes pass by pass (writing the files when `write`); the scan of the fixed
    code and what was done."""
    state = {"result": result}

    def read(path: str) -> bytes | None:
        if stdin is not None:
            return stdin[1]
        try:
            with open(path, "rb") as handle:
                return handle.read()
        except OSError:
            return None

    def relint(sources: dict[str, bytes]):
        current = project.relint(state["result"], sources)
        state["result"], _ = narrow(current, narrowing[0], None, narrowing[1])
        return state["result"].findings

    outcome, _ = fixes.fix_findings(result.findings, read, relint, unsafe)
    if write:
        for path, source in sorted(outcome.fixed.items()):
            write_or_fail(path, source)
    for path in outcome.reverted:
        click.echo(f"goleaklint: error: {path}: some fixes were not applied: the result would "
                   "not parse (please report this)", err=True)
    return state["result"], outcome


def fix_note(outcome: fixes.Outcome, remaining: int, diff_only: bool) -> str:
    counts = ", ".join(f"{rule}: {n}" for rule, n in sorted(outcome.applied.items()))
    files = len(outcome.fixed)
    return (f"goleaklint: {'would fix' if diff_only else 'fixed'} {outcome.count} finding"
            f"{'s' if outcome.count != 1 else ''}{f' ({counts})' if counts else ''} in {files} "
            f"file{'s' if files != 1 else ''}; {remaining} remaining")


def read_sources(result: engine.ScanResult, stdin: tuple[str, bytes] | None) -> dict[str, bytes]:
    """The bytes of each file with findings (for --show-source); unreadable ones are left out."""
    sources = {}
    for path in sorted({f.path for f in result.findings}):
        if stdin is not None:
            sources[path] = stdin[1]
            continue
        try:
            with open(path, "rb") as handle:
                sources[path] = handle.read()
        except OSError:
            pass
    return sources


def write_or_fail(path: str, text: str | bytes) -> None:
    try:
        write_file(path, text)
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")


def narrow(result: engine.ScanResult, baseline_file: str | None, write_baseline: str | None,
           new_from_rev: str | None) -> tuple[engine.ScanResult, int]:
    """Apply --write-baseline, --baseline and --new-from-rev to a scan's findings; also
    return how many baseline entries matched nothing."""
    findings, stale = result.findings, 0
    try:
        if write_baseline:
            write_or_fail(write_baseline, baseline.render(findings, write_baseline))
            click.echo(f"goleaklint: recorded {len(findings)} finding"
                       f"{'s' if len(findings) != 1 else ''} in {write_baseline}", err=True)
            findings = []
        elif baseline_file:
            findings, stale = baseline.without_recorded(
                findings, baseline.load(baseline_file), baseline_file, result.paths)
        if new_from_rev:
            findings = changes.only_changed(findings, new_from_rev)
    except (baseline.BaselineError, changes.ChangesError) as exc:
        fail(str(exc))
    return dataclasses.replace(result, findings=findings), stale


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              help="text (default) or json: a list of rules with their options and docs page.")
def list_rules(output_format: str) -> None:
    """List every rule: code, name, severity, confidence, fix (safe: --fix applies it,
    unsafe: only --unsafe-fixes) and what it finds."""
    if output_format == "json":
        click.echo(json.dumps([
            {"code": rule.code, "name": rule.name, "severity": rule.severity.value,
             "confidence": rule.confidence.value, "fix": rule.fix or None, "summary": rule.summary,
             "tags": list(rule.tags), "options": rule.options, "url": rule.help_uri}
            for rule in ALL_RULES], indent=2))
        return
    width = max(len(rule.name) for rule in ALL_RULES)
    for rule in ALL_RULES:
        click.echo(f"{rule.code}  {rule.name:<{width}}  {rule.severity.value:<7}  "
                   f"{rule.confidence.value:<6}  {rule.fix or '-':<6}  {rule.summary}")


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Print a rule's documentation (RULE is a code like GL002 or a name)."""
    found = BY_CODE.get(rule.upper()) or BY_NAME.get(rule)
    if found is None:
        fail(f"unknown rule {rule!r} (see `goleaklint rules`)")
    click.echo(found.page(), nl=False)


@cli.command("lsp")
def language_server() -> None:
    """Run the language server on stdin/stdout: diagnostics for open Go files
    (needs the lsp extra: pip install 'goleaklint[lsp]')."""
    try:
        from goleaklint import lsp
    except ImportError as exc:
        fail(f"goleaklint lsp needs pygls ({exc.name} is missing): pip install 'goleaklint[lsp]'")
    lsp.main()


# Set by `main`: this process runs one command and exits (not so for the commands
# tests run in their own process, nor for an embedder's).
_one_shot = False


def main() -> None:
    global _one_shot
    _one_shot = True
    try:
        _main()
    finally:
        # What is left is frozen, so that the collection at interpreter exit does not
        # go over it all (a scan's results).
        gc.freeze()


def _main() -> None:
    try:
        cli.main(prog_name="goleaklint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("goleaklint: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # a bug: exit 2, never 1 (which says "findings")
        if "--debug" in sys.argv[1:]:
            traceback.print_exc()
        click.echo(f"goleaklint: internal error: {type(exc).__name__}: {exc}"
                   + ("" if "--debug" in sys.argv[1:] else " (--debug shows the traceback)"),
                   err=True)
        sys.exit(EXIT_ERROR)
