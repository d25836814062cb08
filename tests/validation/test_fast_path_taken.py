"""The fast path is taken (issue 19): valid documents never reach the careful walk.

The fast check-and-build pass and the careful walk agree on every document
(``test_fast_path.py``); nothing there fails if the fast pass quietly hands every document to
the careful walk, which would be a performance regression with the same answers. These tests
fail then: a valid document of every kind, with and without warnings, and generated datasets,
are settled by the fast path alone (:func:`tests.validation._paths.took_fast_path`, the one
place to adapt when ``FAST_PATH`` becomes an argument). Kills ``check_fast`` returning ``None``
(or raising ``Bail``) for a valid document, and ``if FAST_PATH:`` turned off.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from ranham import io
from ranham.strategies import datasets, reports
from ranham.validation import catalog_view, validate
from tests.conftest import examples

from ._paths import took_fast_path, validate_on

SPEC = Path(__file__).parent.parent / "data" / "spec"


@pytest.mark.parametrize("kind", ["catalog", "report", "dataset", "forum"])
@pytest.mark.parametrize("given_as", ["path", "bytes", "dict"])
def test_the_spec_examples_are_settled_by_the_fast_path(
    monkeypatch: pytest.MonkeyPatch, kind: str, given_as: str
) -> None:
    path = SPEC / f"{kind}.json"
    source: Any = {
        "path": path,
        "bytes": path.read_bytes(),
        "dict": json.loads(path.read_text()),
    }[given_as]
    assert took_fast_path(monkeypatch, source)


def test_a_report_with_a_warning_against_a_catalog_is_settled_by_the_fast_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = json.loads((SPEC / "report.json").read_text())
    report["history"][0]["at"] = "2022-05-06T10:00:00+07:00"  # late
    view = catalog_view(SPEC / "catalog.json")  # the catalog is walked here, not below
    assert validate(report, catalog=view).codes == ("late-submission",)
    assert took_fast_path(monkeypatch, report, catalog=view)


def test_an_invalid_document_is_explained_by_the_careful_walk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the witness itself: it says "no" when the careful walk ran
    report = json.loads((SPEC / "report.json").read_text())
    report["status"] = "done"
    assert not took_fast_path(monkeypatch, report)
    assert not took_fast_path(monkeypatch, copy.deepcopy(report))


def test_both_paths_give_a_valid_document_its_entity() -> None:
    # issue 14: every valid document comes back built, whichever path proved it valid
    careful = validate_on("careful", SPEC / "report.json")
    fast = validate_on("fast", SPEC / "report.json")
    assert careful.valid
    assert careful.document is not None
    assert careful.document == fast.document


@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dataset=datasets())
def test_generated_datasets_are_settled_by_the_fast_path(dataset: Any) -> None:
    # law: every valid document the strategies draw is proved valid by the fast path
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert took_fast_path(monkeypatch, io.dumps(dataset))


@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_generated_reports_are_settled_by_the_fast_path(report: Any) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert took_fast_path(monkeypatch, io.dumps(report))
