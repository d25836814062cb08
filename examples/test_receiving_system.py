"""Property tests of the intake service in ``receiving_system.py``, drawn by ``ranham.strategies``.

The laws a receiving system relies on, checked on datasets that Hypothesis draws:

1. A report of a valid dataset D, sent by its own institution, is accepted against D (with its
   kind and schema version, as a file), and the stored year is a valid dataset that holds it
   (format.md: "valid against D, put into D, D stays valid").
2. The same report sent by another institution is refused with the local code
   ``x-wrong-sender`` and stores nothing.
3. Anything that is not a report is refused, whatever it is, and nothing is stored.

Run it with ``pytest examples/test_receiving_system.py``.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ranham import Dataset, io
from ranham.strategies import datasets

sys.path.insert(0, str(Path(__file__).parent))
from receiving_system import Intake

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _intake(year: Dataset) -> Intake:
    return Intake(sqlite3.connect(":memory:"), attrs.evolve(year, reports=()))


@SETTINGS
@given(datasets(min_reports=1), st.data())
def test_a_report_of_the_year_is_accepted_and_the_year_stays_valid(
    year: Dataset, data: st.DataObject
) -> None:
    report = data.draw(st.sampled_from(year.reports))
    intake = _intake(year)
    receipt = intake.receive(report.institution, io.dumps(report))
    assert receipt.accepted, receipt.lines("en")
    stored = intake.stored()
    assert io.loads(io.dumps(stored)) == stored  # valid again when read back
    assert stored.reports == (report,)
    assert stored.report(report.institution, report.period) == report


@SETTINGS
@given(datasets(min_reports=1, min_institutions=2), st.data())
def test_another_sender_is_refused(year: Dataset, data: st.DataObject) -> None:
    report = data.draw(st.sampled_from(year.reports))
    others = [i.code for i in year.institutions if i.code != report.institution]
    assume(others)
    intake = _intake(year)
    receipt = intake.receive(data.draw(st.sampled_from(others)), io.dumps(report))
    assert not receipt.accepted
    assert "x-wrong-sender" in [issue.code for issue in receipt.issues]
    assert intake.stored().reports == ()


@SETTINGS
@given(datasets(max_reports=0), st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_anything_else_is_refused(year: Dataset, body: bytes) -> None:
    intake = _intake(year)
    receipt = intake.receive("32.16", body)
    assert not receipt.accepted
    assert receipt.issues
    assert intake.stored().reports == ()
