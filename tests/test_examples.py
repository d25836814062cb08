"""Every script in examples/ runs and prints what its scenario promises.

Each ``examples/*.py`` script runs in a subprocess with the project's interpreter, from a
temporary directory (so it depends on nothing but the installed package), and must exit with
status 0 and print the lines its scenario is about; those lines are checked against the library's
own answer where there is one, not against a copy of the output. Each ``examples/test_*.py``
file runs through pytest in a subprocess and must pass.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from ranham import Dataset, eligibility, score
from ranham.reference import example_dataset

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCRIPTS = sorted(p for p in EXAMPLES.glob("*.py") if not p.name.startswith("test_"))
TEST_FILES = sorted(EXAMPLES.glob("test_*.py"))


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "RANHAM_LANG")}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        args, check=False, cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def _check_report(out: str) -> None:
    assert re.search(
        r"^Validation of laporan-32\.16-2022-B04\.json against the catalog: valid, 0 errors",
        out,
        re.M,
    )
    assert re.search(r"\(legacy export\): NOT valid, [1-9]\d* errors", out)
    assert "naive-timestamp /history/0/at" in out
    assert 'tidak memiliki selisih UTC (ditemukan "2022-04-29T10:15:00")' in out


@cache
def _demo_dataset() -> Dataset:
    """The dataset the scripts use (the demo's), made once for both checks that need it."""
    return example_dataset(year=2022, seed=1)


def _check_scores(out: str) -> None:
    scores = score(_demo_dataset())
    result = scores.to_json()
    assert f"National figure N = {scores.shown('N')} (exact {scores.value('N')})" in out
    national = result["national"]
    row = re.search(r"^National\s+(.*)$", out, re.M)
    assert row is not None
    assert row.group(1).split()[:4] == [*national["periods"].values(), national["annual"]]
    for tier, label in (("kl", "K/L"), ("provinsi", "Provinces"), ("kabkota", "Regencies")):
        data = next(t for t in result["tiers"] if t["tier"] == tier)
        line = next(line for line in out.splitlines() if line.startswith(label))
        assert f"{data['achieved']}/{data['targets']}" in line
        assert data["annual"] in line


def _check_explanation(out: str) -> None:
    decision = eligibility(_demo_dataset()).decision("32.16")
    assert not decision.eligible
    assert out.splitlines()[0] == "Kabupaten Bekasi (32.16) tidak layak menerima insentif 2022."
    for criterion in decision.criteria:
        mark = "✓" if criterion.passed else "✗"
        assert (
            f"{mark} {criterion.criterion.value}: teramati {criterion.observed.text('id')}; "
            f"disyaratkan {criterion.required.text('id')}"
        ) in out
    assert "eligible(32.16) = tidak" in out
    assert "aturan ranham-2021-2025/default, versi 1" in out


def _check_intake(out: str) -> None:
    assert "valid, from its institution: diterima" in out
    assert "sent by another regency: ditolak" in out
    assert "/institution x-wrong-sender: Laporan ini untuk" in out
    assert "broken JSON: ditolak, 1 masalah" in out
    assert "/entries incomplete-report:" in out
    assert re.search(r"^Dashboard: national figure N = \d+\.\d\d$", out, re.M)


CHECKS: dict[str, Callable[[str], None]] = {
    "build_and_validate_report.py": _check_report,
    "score_dataset.py": _check_scores,
    "explain_ineligible.py": _check_explanation,
    "receiving_system.py": _check_intake,
}
"""What each script must print; a new script needs an entry here."""


def test_every_script_has_a_check() -> None:
    assert {p.name for p in SCRIPTS} == set(CHECKS)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_is_a_documented_scenario_with_main(script: Path) -> None:
    tree = ast.parse(script.read_text(encoding="utf-8"))
    docstring = ast.get_docstring(tree)
    assert docstring is not None
    assert f"python examples/{script.name}" in docstring
    functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert "main" in functions


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_runs_and_prints_its_result(script: Path, tmp_path: Path) -> None:
    done = _run([sys.executable, str(script)], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    CHECKS[script.name](done.stdout)


def test_explain_ineligible_refuses_an_institution_that_is_not_judged(tmp_path: Path) -> None:
    done = _run([sys.executable, str(EXAMPLES / "explain_ineligible.py"), "31.01"], cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout.startswith("31.01 tidak dinilai:")


@pytest.mark.slow
@pytest.mark.parametrize("test_file", TEST_FILES, ids=lambda p: p.name)
def test_example_test_file_passes(
    test_file: Path, tmp_path: Path, pytestconfig: pytest.Config
) -> None:
    # The example's own @settings win; the rest follow this run's Hypothesis profile (the
    # repository's conftest.py registers it, and the child pytest finds the same rootdir).
    profile = pytestconfig.getoption("hypothesis_profile", None)
    chosen = [f"--hypothesis-profile={profile}"] if profile else []
    done = _run(
        [sys.executable, "-m", "pytest", str(test_file), "-q", "-p", "no:cacheprovider", *chosen],
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert re.search(r"\d+ passed", done.stdout)


def test_the_receiving_system_type_checks_without_casts() -> None:
    """A consumer of ranham's public API passes ``mypy --strict`` as written (issue 14)."""
    pytest.importorskip("mypy")
    files = [EXAMPLES / "receiving_system.py", EXAMPLES / "test_receiving_system.py"]
    assert all("cast(" not in f.read_text(encoding="utf-8") for f in files)
    done = _run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *map(str, files)],
        cwd=EXAMPLES.parent,
    )
    assert done.returncode == 0, done.stdout + done.stderr
