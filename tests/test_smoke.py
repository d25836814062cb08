"""Smoke tests: the installed package works, end to end, in a few seconds.

``tests/test_release.py`` runs this file against the built wheel, installed in a fresh virtual
environment (``make test``); ``make test-full`` runs the whole suite there instead. So these
tests use only what a user of the wheel has: the public API, the ``ranham`` script next to the
interpreter, the package data, and the Hypothesis entry point. Each proves one thing the wheel
could get wrong while ``src/`` is fine: a module or data file left out, a broken entry point, a
schema not generated, a strategy not registered.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ranham
from ranham import io
from ranham.rules import load_ruleset, shipped_rulesets
from ranham.rules.cases import SHIPPED_CASES

SPEC = Path(__file__).parent / "data" / "spec"
SCRIPT = Path(sys.executable).parent / ("ranham.exe" if sys.platform == "win32" else "ranham")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, check=False, timeout=300
    )


def test_the_command_line_validates_scores_and_prints_schemas() -> None:
    version = _cli("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"ranham {ranham.__version__}")
    checked = _cli(
        "validate", *(str(SPEC / f"{k}.json") for k in ("catalog", "report")), "--format", "json"
    )
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["summary"]["errors"] == 0
    schema = _cli("schema", "dataset")
    assert schema.returncode == 0, schema.stderr
    assert json.loads(schema.stdout)["$id"].endswith("/schema/1.0/dataset.schema.json")
    scored = _cli("score", str(SHIPPED_CASES / "bekasi-2022.json"), "--format", "json")
    assert scored.returncode == 0, scored.stderr
    missing = _cli("validate", str(SPEC / "missing.json"))  # could not run as asked
    assert missing.returncode == 2
    assert "Traceback" not in missing.stdout + missing.stderr


def test_one_validate_score_eligibility_round() -> None:
    for kind in ("catalog", "report", "dataset", "forum"):
        assert ranham.validate(SPEC / f"{kind}.json").valid
    dataset = io.load(SHIPPED_CASES / "bekasi-2022.json")
    assert io.loads(io.dumps(dataset)) == dataset
    scores = ranham.score(dataset)
    assert scores.shown("S(32.16,2022-B04)") == "66.67"
    decision = ranham.eligibility(dataset).decision("32.16")
    assert decision.eligible is False
    assert ranham.explain(scores, "S(32.16,2022-B04)") is not None


def test_the_package_data_is_installed() -> None:
    assert "ranham-2021-2025/default" in shipped_rulesets()
    assert load_ruleset("ranham-2021-2025/default").years == (2021, 2025)
    assert len(list(SHIPPED_CASES.glob("*.toml"))) > 1


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    report=st.from_type(ranham.Report),
    dataset=st.from_type(ranham.Dataset),
    forum=st.from_type(ranham.Forum),
)
def test_from_type_draws_valid_documents(
    report: ranham.Report, dataset: ranham.Dataset, forum: ranham.Forum
) -> None:
    # the Hypothesis entry point of the wheel registers the strategies
    for document in (report, dataset, forum):
        assert ranham.validate(io.dumps(document)).valid
