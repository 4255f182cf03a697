"""The one answer to "is this finding's cost confined to tests?" (lifetime.test_code,
test_support, test_cost_only), as a user meets it: a test-support package's leak is
hidden by default, the same code in production stays shown."""

from __future__ import annotations

import json
import textwrap

from click.testing import CliRunner

from goleaklint.cli import cli

# A wait that gives up and leaves its goroutine blocked on the send (GL003).
WAIT = textwrap.dedent("""\
    package {package}

    import "time"

    type Reporter interface {{
    \tErrorf(format string, args ...interface{{}})
    }}

    func Soon(r Reporter, d time.Duration, f func()) {{
    \tdone := make(chan struct{{}})
    \tgo func() {{
    \t\tf()
    \t\tdone <- struct{{}}{{}}
    \t}}()
    \tselect {{
    \tcase <-done:
    \tcase <-time.After(d):
    \t\tr.Errorf("not done within %v", d)
    \t}}
    }}
    """)


def write(root, path: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


def levels(root, monkeypatch) -> dict[str, str]:
    """{folder of the finding's file: confidence} of GL003's findings under root."""
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--no-cache", "--min-confidence", "low",
                                      "--select", "GL003", "."], catch_exceptions=False)
    return {f["path"].rsplit("/", 1)[0]: f["confidence"] for f in json.loads(result.stdout)["findings"]}


def test_a_package_that_only_test_code_imports_is_test_support(tmp_path, monkeypatch) -> None:
    write(tmp_path, "go.mod", "module example.com/m\n\ngo 1.21\n")
    # internal/check: only the module's tests and a test harness (it imports testing) import it
    write(tmp_path, "internal/check/check.go", WAIT.format(package="check"))
    write(tmp_path, "svc/svc_test.go", 'package svc\n\nimport _ "example.com/m/internal/check"\n')
    write(tmp_path, "internal/harness/harness.go",
          'package harness\n\nimport (\n\t"testing"\n\n\t_ "example.com/m/internal/check"\n)\n\n'
          'func Start(t *testing.T) {}\n')
    # internal/worker: the module's production code imports it
    write(tmp_path, "internal/worker/worker.go", WAIT.format(package="worker"))
    write(tmp_path, "svc/svc.go", 'package svc\n\nimport _ "example.com/m/internal/worker"\n')
    # integration/flows: a folder of test programs that only the suite's tests import
    write(tmp_path, "integration/flows/flows.go", WAIT.format(package="flows"))
    # internal/integration/notify: named like a test folder, but production code imports
    # it through its parent package
    write(tmp_path, "internal/integration/notify/notify.go", WAIT.format(package="notify"))
    write(tmp_path, "internal/integration/integration.go",
          'package integration\n\nimport _ "example.com/m/internal/integration/notify"\n')
    write(tmp_path, "cmd/server/main.go", 'package main\n\nimport _ "example.com/m/internal/integration"\n\n'
                                          'func main() {}\n')
    # internal/assert: only a _test.go file imports it; internal/unused: nothing does
    write(tmp_path, "internal/assert/assert.go", WAIT.format(package="assert"))
    write(tmp_path, "api/api_test.go", 'package api\n\nimport _ "example.com/m/internal/assert"\n')
    write(tmp_path, "internal/unused/unused.go", WAIT.format(package="unused"))
    write(tmp_path, "internal/unused/unused_test.go",
          'package unused_test\n\nimport _ "example.com/m/internal/unused"\n')  # its own tests do not count
    found = levels(tmp_path, monkeypatch)
    assert found == {"internal/check": "low", "internal/worker": "medium", "integration/flows": "low",
                     "internal/integration/notify": "medium", "internal/assert": "low", "internal/unused": "medium"}


def test_a_test_that_checks_for_leaked_goroutines_keeps_it_shown(tmp_path, monkeypatch) -> None:
    write(tmp_path, "go.mod", "module example.com/m\n\ngo 1.21\n")
    write(tmp_path, "internal/check/check.go", WAIT.format(package="check"))
    write(tmp_path, "internal/harness/harness.go",
          'package harness\n\nimport (\n\t"testing"\n\n\t_ "example.com/m/internal/check"\n)\n\n'
          'func Start(t *testing.T) {}\n')
    write(tmp_path, "internal/check/main_test.go", textwrap.dedent("""\
        package check

        import (
        \t"testing"

        \t"go.uber.org/goleak"
        )

        func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
        """))
    assert levels(tmp_path, monkeypatch) == {"internal/check": "medium"}
