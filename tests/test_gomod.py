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
