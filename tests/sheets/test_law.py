"""The law of sheets.md: reading the form written from a report R gives R back."""

from __future__ import annotations

import io as stdio
import unicodedata
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ranham import io
from ranham.model import Dataset, Report, ReportStatus
from ranham.sheets import read_form, write_form
from ranham.strategies import datasets


def _holdable(text: str) -> bool:
    """Texts with control characters are outside the law (and XML holds no non-characters)."""
    return not any(
        unicodedata.category(c) in ("Cc", "Cs") or ord(c) in (0xFFFE, 0xFFFF) for c in text
    )


def _holdable_texts(value: Any) -> Any:
    """The same JSON value with every character a cell cannot hold replaced by ``x``."""
    if isinstance(value, str):
        return "".join(c if _holdable(c) else "x" for c in value)
    if isinstance(value, dict):
        return {k: _holdable_texts(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_holdable_texts(v) for v in value]
    return value


def _trim(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return {k: _trim(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_trim(v) for v in value]
    return value


def _expected_entries(dataset: Dataset, report: Report, *, assessments: bool) -> list[Any]:
    """R's entries as a form carries them: catalog order, no extensions, none without measures."""
    by_measure = {m["measure"]: m for e in io.to_dict(report)["entries"] for m in e["measures"]}
    entries = []
    for action in dataset.assigned_actions(report.institution):
        measures = []
        for measure in action.measures_for(report.period.code):
            entry = by_measure.get(measure.id)
            if entry is None:
                continue
            entry = {**entry, "evidence": entry.get("evidence", [])}
            if not assessments:
                entry.pop("assessment", None)
            measures.append(entry)
        if measures:
            entries.append({"action": action.id, "measures": measures})
    return _trim(entries)


@st.composite
def _dataset_and_report(draw: st.DrawFn) -> tuple[Dataset, Report]:
    drawn = draw(datasets(min_reports=1, max_reports=3, max_institutions=3))
    # texts with control characters are outside the law: keep the rest of each text
    dataset = io.from_dict(_holdable_texts(io.to_dict(drawn)), kind=Dataset)
    report = draw(st.sampled_from(dataset.reports))
    return dataset, report


def _write(dataset: Dataset, report: Report, *, verifier: bool) -> bytes:
    out = stdio.BytesIO()
    write_form(
        dataset,
        out,
        institution=report.institution,
        period=report.period,
        report=report,
        verifier=verifier,
    )
    return out.getvalue()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_dataset_and_report())
def test_reading_the_report_form_written_from_a_report_gives_it_back(case):
    dataset, report = case
    result = read_form(_write(dataset, report, verifier=False), dataset)
    assert result.valid, result.issues
    document = result.document
    assert document["status"] == "draft"
    assert document["history"] == []
    assert (document["institution"], document["period"]) == (
        report.institution,
        str(report.period),
    )
    assert document["entries"] == _expected_entries(dataset, report, assessments=False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_dataset_and_report())
def test_reading_the_verifier_form_written_from_a_decided_report_gives_it_back(case):
    dataset, report = case
    assume(report.status in (ReportStatus.VERIFIED, ReportStatus.RETURNED))
    at = report.history[-1].at
    result = read_form(_write(dataset, report, verifier=True), dataset, at=at)
    assert result.valid, result.issues
    document = result.document
    expected_history = io.to_dict(report)["history"][:-1]
    expected_history.append({"status": report.status.value, "at": io.format_timestamp(at)})
    assert document["status"] == report.status.value
    # the earlier history is carried verbatim (JSON in the identifying sheet), not trimmed
    assert document["history"] == expected_history
    assert document["entries"] == _expected_entries(dataset, report, assessments=True)
