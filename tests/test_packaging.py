"""The package as PyPI would get it: `pip wheel .` builds (in an isolated environment,
with the oldest setuptools that pyproject.toml allows, so that the bound is known to
accept the license expression), and the wheel carries the license, the metadata users
and PyPI read, the queries and the command."""

from __future__ import annotations

import email
import os
import re
import subprocess
import sys
import tomllib
import zipfile

import pytest

from integration import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as handle:
        (backend,) = tomllib.load(handle)["build-system"]["requires"]
    oldest = re.fullmatch(r"setuptools>=(\d+)", backend).group(1)
    constraints = out / "constraints.txt"
    constraints.write_text(f"setuptools=={oldest}.*\n")
    # pip's isolated build environment honours PIP_CONSTRAINT too.
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                           "--wheel-dir", str(out), ROOT], capture_output=True, text=True,
                          env={**os.environ, "PIP_CONSTRAINT": str(constraints)})
    assert done.returncode == 0, done.stderr
    (name,) = [n for n in os.listdir(out) if n.endswith(".whl")]
    assert name.startswith("goleaklint-") and name.endswith("-py3-none-any.whl")
    return zipfile.ZipFile(out / name)


def _metadata(wheel: zipfile.ZipFile) -> email.message.Message:
    (path,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return email.message_from_bytes(wheel.read(path))


def test_wheel_metadata(wheel) -> None:
    meta = _metadata(wheel)
    assert meta["License-Expression"] == "MIT"
    assert meta["Requires-Python"] == ">=3.11"
    classifiers = meta.get_all("Classifier")
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert not [c for c in classifiers if c.startswith("License ::")]  # the expression says it
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    assert {"Homepage", "Documentation", "Issues", "Source"} <= set(urls)
    assert all(u.startswith("https://github.com/goleaklint/goleaklint") for u in urls.values())
    assert any(r.startswith("pathspec") for r in meta.get_all("Requires-Dist"))


def test_wheel_carries_the_license_queries_and_command(wheel) -> None:
    names = wheel.namelist()
    (license_file,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    text = wheel.read(license_file).decode()
    assert text.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in text
    with open(os.path.join(ROOT, "LICENSE"), encoding="utf-8") as handle:
        assert handle.read() == text
    assert _metadata(wheel)["License-File"] == "LICENSE"
    from goleaklint.rules import ALL_RULES
    stems = {rule.stem for rule in ALL_RULES if rule.check is not None}
    assert {f"goleaklint/queries/{stem}.scm" for stem in stems} <= set(names)
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert "goleaklint = goleaklint.cli:main" in wheel.read(entry_points).decode()
