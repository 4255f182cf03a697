"""Which module a file belongs to, and which of its folders set it apart (examples,
test programs), as the editor sees them change."""

from __future__ import annotations

from goleaklint.analysis import gomod


def test_module_path_folders_follow_a_go_mod_created_mid_session(tmp_path):
    """A module whose path names a samples folder (`github.com/org/sdk/samples/x`) with
    no module around it is a sample program; once a go.mod appears around it (the user
    runs `go mod init` at the top in the editor), its folders between the two modules
    decide, and `x` is not a samples folder. The answer is not kept from before."""
    module = tmp_path / "repo" / "x"
    module.mkdir(parents=True)
    (module / "go.mod").write_text("module github.com/org/sdk/samples/x\n\ngo 1.22\n")
    path = str(module / "main.go")
    assert gomod.in_example_tree(path)
    (tmp_path / "repo" / "go.mod").write_text("module github.com/org/app\n\ngo 1.22\n")
    assert not gomod.in_example_tree(path)


TICK = """package poll

import "time"

func Wait(done func() bool) {
\tfor range time.Tick(time.Second) {
\t\tif done() {
\t\t\treturn
\t\t}
\t}
}
"""


def test_a_vendor_mod_counts_as_the_go_mod(tmp_path, monkeypatch):
    """A repository that keeps a `vendor.mod` instead of a go.mod (docker/cli's layout:
    the same syntax, copied to go.mod only to build) has the module path, the go
    version and the requirements it states; a go.mod beside it wins, and a folder
    holding one is a nested module that the module's walk leaves out."""
    import json

    from click.testing import CliRunner

    from goleaklint.analysis.package import module_folders
    from goleaklint.cli import cli

    repo = tmp_path / "cli"
    (repo / "cli" / "poll").mkdir(parents=True)
    (repo / "vendor.mod").write_text("module github.com/docker/cli\n\ngo 1.23.0\n\n"
                                     "require (\n\tgithub.com/spf13/cobra v1.8.1\n)\n")
    (repo / "cli" / "poll" / "poll.go").write_text(TICK)
    (repo / "tools").mkdir()
    (repo / "tools" / "vendor.mod").write_text("module example.com/tools\n")
    path = str(repo / "cli" / "poll" / "poll.go")
    assert gomod.module_of(str(repo / "cli" / "poll")) == (str(repo), "github.com/docker/cli")
    assert gomod.required(path, "github.com/spf13/cobra") == (1, 8, 1)
    assert gomod.collects_unstopped_timers(path)
    # time.Tick in a function that returns: collected since Go 1.23, which vendor.mod states
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--no-cache", "--min-confidence", "low",
                                      "--select", "GL010", "."], catch_exceptions=False)
    assert json.loads(result.stdout)["findings"] == []
    (repo / "vendor.mod").write_text("module github.com/docker/cli\n\ngo 1.22\n")
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--no-cache", "--min-confidence", "low",
                                      "--select", "GL010", "."], catch_exceptions=False)
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["GL010"]
    (repo / "go.mod").write_text("module example.com/other\n\ngo 1.22\n")
    assert gomod.module_of(str(repo)) == (str(repo), "example.com/other")
    assert str(repo / "cli") in module_folders(str(repo)) and str(repo / "tools") not in module_folders(str(repo))
