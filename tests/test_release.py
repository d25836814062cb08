"""Release hygiene: the sdist and the wheel hold what they must, and the wheel passes the tests.

``python -m build --no-isolation`` (the project's interpreter and the hatchling of the test extra,
no build environment fetched for each run) makes both distributions. Their contents are checked
against the source tree: every file of the package (modules and package data: rule sets, expert
cases, region tables with their attribution, the 2025 Aksi 1 matrix, the forum record) is in the
wheel, and nothing else is (no tests, documentation, virtual environment or bytecode). Then the
wheel is installed into a fresh virtual environment and tests run against the installed package,
not ``src/``: the smoke tests of ``tests/test_smoke.py`` (import, entry point, schemas, package
data, one validate/score round, ``st.from_type``) under ``make test``; the whole suite and the
doctests of the tutorial and how-to pages under ``make test-full`` (``RANHAM_WHEEL_SUITE=full``),
to run before a release. The whole suite runs against ``src/`` in the same ``make test`` and the
wheel holds exactly those files (checked below), so what only the installed wheel can get wrong is
what the smoke tests check; the second full run doubled the time of ``make test``.

The fresh environment is a plain ``venv`` (no system site packages, no pip of its own), into
which the project's pip (``pip --python``) installs the wheel with its ``hypothesis`` and
``sheets`` extras and the test tools (pytest, jsonschema) from the package index, as a user's
``pip install`` would. This needs the index (or pip's local
mirror) but tests exactly what users get, dependency resolution included. ``tests/``,
``examples/`` (which ``tests/test_examples.py`` runs) and ``docs/`` are copied to a temporary
directory, as the sdist holds them but without ``src/``, together with the pytest configuration
of ``pyproject.toml``, and the tests run from there, outside the source tree, so nothing can
import ``src/ranham`` by accident. The Sphinx configuration and extensions are not collected
(Sphinx is a documentation dependency, not a test one).

The same environment then shows the wheel's ``hypothesis`` entry point at work: every public type
registered for ``st.from_type`` and drawn, ``ranham.strategies`` imported only when a strategy
is drawn, nothing registered under ``HYPOTHESIS_NO_PLUGINS``. The distributions and the
environment are made once for the module, on one pytest-xdist worker (``xdist_group``).

These tests take a minute or more and are marked ``slow``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import ranham

# One worker builds the distributions and the environment once for every test here
# (make test runs pytest-xdist with --dist loadgroup).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("release")]

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "ranham"

REQUIRED_DATA = (
    "ranham/py.typed",
    "ranham/rules/rulesets/ranham-2021-2025/default.toml",
    "ranham/rules/cases/published-national-b04-2022.toml",
    "ranham/rules/cases/published-achievement-2021.toml",
    "ranham/reference/data/regions/kepmendagri-2022.csv",
    "ranham/reference/data/regions/kepmendagri-2025.csv",
    "ranham/reference/data/regions/diff-2022-2025.csv",
    "ranham/reference/data/regions/ATTRIBUTION.md",
    "ranham/reference/data/actions/2025-kabkota-aksi-1.json",
    "ranham/reference/data/forums/forum-koordinasi-ranham-2022.json",
)
"""Package data named by the release checklist (the comparison below covers every file)."""


def _clean_env() -> dict[str, str]:
    """The environment for child processes, without anything that points into the repository."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _run(args: list[str], *, cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        check=False,
        cwd=cwd,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _tail(done: subprocess.CompletedProcess[str], size: int = 6000) -> str:
    return f"\n--- stdout ---\n{done.stdout[-size:]}\n--- stderr ---\n{done.stderr[-size:]}"


def _source_files() -> set[str]:
    """Every file of the package in the source tree, as ``ranham/...`` (no bytecode)."""
    return {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """``(sdist, wheel)`` built by ``python -m build``."""
    out = tmp_path_factory.mktemp("dist")
    done = _run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        cwd=out,
        timeout=900,
    )
    assert done.returncode == 0, "python -m build failed (hatchling is in the test extra)" + (
        _tail(done)
    )
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


def test_wheel_holds_the_package_and_nothing_else(dists: tuple[Path, Path]) -> None:
    _, wheel = dists
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        attribution = archive.read("ranham/reference/data/regions/ATTRIBUTION.md").decode()
        dist_info = {
            n.split("/", 1)[1]: n for n in names if n.split("/", 1)[0].endswith(".dist-info")
        }
        metadata = Parser().parsestr(archive.read(dist_info["METADATA"]).decode())
        entry_points = archive.read(dist_info["entry_points.txt"]).decode()
        license_text = archive.read(dist_info["licenses/LICENSE"]).decode()
    package = {n for n in names if n.startswith("ranham/")}
    assert package == _source_files()
    for required in REQUIRED_DATA:
        assert required in names
    rulesets = {p.relative_to(PACKAGE.parent).as_posix() for p in PACKAGE.rglob("*.toml")}
    assert rulesets <= names
    assert len(rulesets) > 1
    assert not [n for n in names if n.endswith(".pyc") or "__pycache__" in n]
    tops = {n.split("/", 1)[0] for n in names}
    assert tops == {"ranham", f"ranham-{ranham.__version__}.dist-info"}
    assert "Cahya DSN" in attribution
    assert "MIT" in attribution
    assert "MIT" in license_text
    assert metadata["Name"] == "ranham"
    assert metadata["Version"] == ranham.__version__
    assert metadata["Requires-Python"] == ">=3.11"
    required = {
        re.split(r"[ ;<>=!~\[]", r, maxsplit=1)[0] for r in metadata.get_all("Requires-Dist")
    }
    assert {"attrs", "cattrs", "python-dateutil", "orjson"} <= required
    assert re.search(r"^ranham = ranham\.cli:run$", entry_points, re.M)
    assert "[hypothesis]" in entry_points
    assert "ranham._hypothesis_hook" in entry_points


def test_sdist_holds_sources_tests_and_docs_but_no_build_output(dists: tuple[Path, Path]) -> None:
    sdist, _ = dists
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for required in ("pyproject.toml", "LICENSE", "README.md", "CHANGELOG.md", "PKG-INFO"):
        assert required in names
    assert {f"src/{name}" for name in _source_files()} <= names
    assert "tests/test_release.py" in names
    assert any(n.startswith("docs/") for n in names)
    assert any(n.startswith("examples/") for n in names)
    forbidden = (".venv/", "dist/", "docs/_build/", ".git/", ".hypothesis/", ".mypy_cache/")
    assert not [n for n in names if n.startswith(forbidden)]
    assert not [n for n in names if n.endswith(".pyc") or "__pycache__" in n]


@pytest.fixture(scope="module")
def installed(dists: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel, its ``hypothesis`` and ``sheets`` extras, pytest and
    jsonschema installed by pip from the index; its ``python``."""
    _, wheel = dists
    env_dir = tmp_path_factory.mktemp("installed") / "venv"
    # No pip inside (ensurepip took 6 s): the project's pip installs into it with --python.
    venv.EnvBuilder(with_pip=False, clear=True).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    done = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            f"{wheel}[hypothesis,sheets]",  # the sheets extra: tests/sheets and its how-to
            "pytest",
            "jsonschema",
        ],
        cwd=env_dir.parent,
    )
    assert done.returncode == 0, "pip could not install the wheel" + _tail(done)
    return python


def test_installed_wheel_passes_the_test_suite(installed: Path, tmp_path: Path) -> None:
    python = installed
    env_dir = python.parent.parent

    work = tmp_path / "work"
    work.mkdir()
    skip = shutil.ignore_patterns("__pycache__", "_build", "schema")
    for folder in ("tests", "examples", "docs"):  # as the sdist holds them, without src/
        shutil.copytree(ROOT / folder, work / folder, ignore=skip)
    shutil.copy2(ROOT / "pyproject.toml", work / "pyproject.toml")  # the pytest configuration
    shutil.copy2(ROOT / "README.md", work / "README.md")  # its samples are checked
    shutil.copy2(ROOT / "conftest.py", work / "conftest.py")  # the Hypothesis profiles

    where = _run([str(python), "-c", "import ranham; print(ranham.__file__)"], cwd=work)
    assert where.returncode == 0, _tail(where)
    location = Path(where.stdout.strip()).resolve()
    assert location.is_relative_to(env_dir.resolve())
    assert not location.is_relative_to(ROOT.resolve())

    script = env_dir / ("Scripts" if os.name == "nt" else "bin") / "ranham"
    version = _run([str(script), "--version"], cwd=work)
    assert version.returncode == 0, _tail(version)
    assert version.stdout.strip() == f"ranham {ranham.__version__}"
    schema = _run([str(script), "schema", "report"], cwd=work)
    assert schema.returncode == 0, _tail(schema)
    assert json.loads(schema.stdout)["$id"].endswith("/schema/1.0/report.schema.json")

    full = os.environ.get("RANHAM_WHEEL_SUITE", "smoke") == "full"
    selection = ["tests", "docs", "--ignore=docs/_ext", "--ignore=docs/conf.py"]
    tests = _run(
        [
            str(python),
            "-m",
            "pytest",
            *(selection if full else ["tests/test_smoke.py"]),
            "-q",
            "-m",
            "not slow",
            "-p",
            "no:cacheprovider",
            "--import-mode=importlib",
            "--continue-on-collection-errors",
        ],
        cwd=work,
        timeout=1800,
    )
    assert tests.returncode == 0, "the test suite fails against the installed wheel" + _tail(tests)
    assert re.search(r"^\d+ passed", tests.stdout.splitlines()[-1]), _tail(tests)  # not 0 run


# The hypothesis entry point of the installed wheel: every public type is registered for
# st.from_type when Hypothesis loads its plugins, without importing ranham.strategies until a
# strategy is drawn, and nothing is registered under HYPOTHESIS_NO_PLUGINS.
ENTRY_POINT_SCRIPT = r"""
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
if len(sys.argv) > 1:  # draw only these
    classes = [getattr(ranham, n) for n in sys.argv[1:]]
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


def _entry_point_run(python: Path, *draw: str, **env: str) -> dict[str, object]:
    environment = {k: v for k, v in _clean_env().items() if not k.startswith("HYPOTHESIS")}
    environment.update(env)
    done = subprocess.run(
        [str(python), "-c", ENTRY_POINT_SCRIPT, *draw],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
        cwd="/",
        timeout=300,
    )
    assert done.returncode == 0, _tail(done)
    parsed: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return parsed


def test_the_wheel_registers_every_public_type_through_the_entry_point(installed: Path) -> None:
    found = _entry_point_run(installed)
    public = sorted(n for n in ranham.__all__ if isinstance(getattr(ranham, n), type))
    assert str(found["ranham_file"]).startswith(str(installed.parent.parent))
    assert found["entry_points"] == [["ranham._hypothesis_hook:_hypothesis_setup_hook", "ranham"]]
    assert found["strategies_imported_by_hook"] is False
    assert found["registered"] == public
    assert found["failed"] == {}
    assert found["drawn"] == public
    assert found["strategies_imported_after"] is True

    # Without plugins nothing is registered, and a Report cannot be drawn. (Only the Report is
    # tried: Hypothesis would infer strategies for the simpler types, slowly, from their fields.)
    off = _entry_point_run(installed, "Report", HYPOTHESIS_NO_PLUGINS="1")
    assert off["registered"] == []
    assert off["strategies_imported_after"] is False
    assert off["drawn"] == [], off
    assert "Report" in off["failed"], off
