"""Property-testing a report importer against ranham: a file to copy and adapt.

The scenario: a province's IT office imports the harmonised RANHAM report files that its
regencies and cities send into its own database, one row per reported success measure. Its
importer must (1) keep every measure of every valid report, (2) never lose the institution,
the period or the verifier's verdict, and (3) refuse every broken file with the same issue code
that ``ranham validate`` gives, so that the people who fix the files see one story.

Instead of a handful of hand-written example files, the tests below draw hundreds of valid
reports and datasets from ``ranham.strategies`` (or simply ``st.from_type(ranham.Report)``,
which works as soon as ranham is installed), and documents broken in one known way from
``corrupted()``. Replace ``import_report`` with your own importer and keep the properties.

Run it with ``pytest examples/test_with_ranham_strategies.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ranham
from ranham import io
from ranham.strategies import CORRUPTION_KINDS, corrupted, datasets, documents
from ranham.validation import CODES

# --- the system under test (yours goes here) -----------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One row of the province's table: one reported success measure."""

    institution: str
    period: str
    action: str
    measure: str
    claimed: bool
    met: bool | None  # the verifier's verdict, None until assessed


class Refused(Exception):
    """The importer refuses a file; ``codes`` are the issue codes shown to the submitter."""

    def __init__(self, codes: list[str]) -> None:
        super().__init__(", ".join(codes))
        self.codes = codes


def import_report(content: bytes | dict[str, Any]) -> list[Row]:
    """Check a report file with ranham, then turn it into rows."""
    result = ranham.validate(content)
    if not result.valid:
        raise Refused([issue.code for issue in result.errors])
    if isinstance(content, bytes):
        report = io.loads(content, kind=ranham.Report)
    else:
        report = io.from_dict(content, kind=ranham.Report)
    return [
        Row(
            institution=report.institution,
            period=str(report.period),
            action=entry.action,
            measure=measure.measure,
            claimed=measure.claimed,
            met=None if measure.assessment is None else measure.assessment.met,
        )
        for entry in report.entries
        for measure in entry.measures
    ]


# --- the properties ------------------------------------------------------------------------------


@given(st.from_type(ranham.Report))
def test_every_reported_measure_becomes_one_row(report):
    rows = import_report(io.dumps(report))
    assert len(rows) == sum(len(entry.measures) for entry in report.entries)
    assert {(row.institution, row.period) for row in rows} <= {
        (report.institution, str(report.period))
    }


@given(st.from_type(ranham.Report))
def test_verified_reports_keep_every_verdict(report):
    rows = import_report(io.to_dict(report))
    if report.status is ranham.ReportStatus.VERIFIED:
        assert all(row.met is not None for row in rows)


@settings(max_examples=25, deadline=None)
@given(datasets(statuses=[ranham.ReportStatus.VERIFIED], max_reports=4))
def test_every_report_of_a_dataset_imports(dataset):
    for report in dataset.reports:
        rows = import_report(io.to_dict(report))
        assert {row.action for row in rows} <= {a.id for a in dataset.catalog.actions}


@settings(max_examples=25, deadline=None)
@given(documents("report", warnings=False))
def test_documents_as_json_import_too(document):
    assert isinstance(import_report(document), list)


# Every way ranham can break a report file with an error (this importer refuses errors and keeps
# warnings), except too-large (this importer reads files of any size; pass max_size= to
# ranham.validate if yours has a limit).
REPORT_CODES = [
    code
    for code, kinds in CORRUPTION_KINDS.items()
    if "report" in kinds and CODES[code].value == "error" and code != "too-large"
]


@pytest.mark.parametrize("code", REPORT_CODES)
@settings(max_examples=5, deadline=None)
@given(data=st.data())
def test_a_broken_report_is_refused_with_ranham_s_code(code, data):
    # A valid report broken in exactly one way; ranham promises the code of that one defect.
    corruption = data.draw(corrupted(code=code, kinds=["report"]))
    with pytest.raises(Refused) as refused:
        import_report(corruption.content)
    assert corruption.code in refused.value.codes
