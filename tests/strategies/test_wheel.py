"""The built wheel's ``hypothesis`` entry point, in a fresh virtual environment.

How the environment is made (fast, and offline once the build backend is cached): the wheel is
built with ``python -m build --wheel`` (without build isolation when ``hatchling`` is
installed here, else in the usual isolated environment, which pip fills from the package
index); the fresh venv is created ``--without-pip``; this interpreter's pip installs the wheel
into it (``pip --python VENV install --no-deps``); and the runtime dependencies (attrs, cattrs,
python-dateutil, orjson, Hypothesis) are made visible through a ``.pth`` file that points at a
directory of links to this venv's installed packages — every one except ``ranham`` itself, its
editable-install hooks and the ``.pth`` files, so the only ``ranham`` the fresh venv can import,
and the only ``hypothesis`` entry point it can find, are the wheel's.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, os, sys
from importlib.metadata import entry_points

import hypothesis
from hypothesis import HealthCheck, given, settings, strategies as st
from hypothesis.strategies._internal.types import _global_type_lookup

import ranham

out = {
    "ranham_file": ranham.__file__,
    "entry_points": [(ep.value, ep.dist.name) for ep in entry_points(group="hypothesis")],
    "strategies_imported_by_hook": "ranham.strategies" in sys.modules,
}
classes = [getattr(ranham, n) for n in ranham.__all__ if isinstance(getattr(ranham, n), type)]
out["registered"] = sorted(c.__name__ for c in classes if c in _global_type_lookup)
drawn, failed = [], {}
def run(kind):
    @settings(max_examples=3, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(st.from_type(kind))
    def check(value):
        assert isinstance(value, kind), (kind, value)
    check()
for kind in classes:
    try:
        run(kind)
        drawn.append(kind.__name__)
    except Exception as error:
        failed[kind.__name__] = f"{type(error).__name__}: {str(error)[:200]}"
out["drawn"] = sorted(drawn)
out["failed"] = failed
out["strategies_imported_after"] = "ranham.strategies" in sys.modules
print(json.dumps(out))
"""


def _build_wheel(outdir: Path) -> Path:
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(outdir)]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-isolation")
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=300)
    (wheel,) = outdir.glob("ranham-*.whl")
    return wheel


def _dependencies(target: Path) -> Path:
    """Links to this venv's installed packages, except ranham and its editable hooks."""
    site = Path(sysconfig.get_paths()["purelib"])
    target.mkdir()
    for entry in site.iterdir():
        name = entry.name.lower()
        if (
            name.startswith(("ranham", "_editable_impl_ranham", "__editable__"))
            or entry.suffix == ".pth"
            or name == "__pycache__"
        ):
            continue
        (target / entry.name).symlink_to(entry)
    return target


def _run(python: Path, **env: str) -> dict[str, object]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HYPOTHESIS")}
    environment.pop("PYTHONPATH", None)
    environment.update(env)
    result = subprocess.run(
        [str(python), "-c", SCRIPT],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
        cwd="/",
        timeout=120,
    )
    parsed: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return parsed


@pytest.mark.slow
def test_the_wheel_registers_every_public_type_through_the_entry_point(tmp_path):
    wheel = _build_wheel(tmp_path / "dist")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--disable-pip-version-check", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    deps = _dependencies(tmp_path / "deps")
    (Path(site) / "ranham_test_dependencies.pth").write_text(f"{deps}\n")

    found = _run(python)
    import ranham

    public = sorted(n for n in ranham.__all__ if isinstance(getattr(ranham, n), type))
    assert str(found["ranham_file"]).startswith(str(env_dir))
    assert found["entry_points"] == [["ranham._hypothesis_hook:_hypothesis_setup_hook", "ranham"]]
    assert found["strategies_imported_by_hook"] is False
    assert found["registered"] == public
    assert found["failed"] == {}
    assert found["drawn"] == public
    assert found["strategies_imported_after"] is True

    off = _run(python, HYPOTHESIS_NO_PLUGINS="1")
    assert off["registered"] == []
    assert off["strategies_imported_after"] is False
    assert "Report" in off["failed"], off
