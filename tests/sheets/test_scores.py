"""Score workbooks: every figure a number equal to the JSON output's, charts and an about sheet."""

from __future__ import annotations

import io as stdio
from datetime import UTC, datetime
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from ranham.rules import score
from ranham.sheets import distribution, made_at, write_score_workbook
from tests.rules._data import datasets, rulesets
from tests.sheets._helpers import BEKASI

AT = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def _book(scores, **kwargs):
    out = stdio.BytesIO()
    write_score_workbook(scores, out, at=AT, **kwargs)
    return openpyxl.load_workbook(stdio.BytesIO(out.getvalue())), out.getvalue()


def _number(shown):
    return None if shown is None else float(Decimal(shown))


def _check_against_json(scores, book, lang="en"):
    data = scores.to_json()
    periods = data["periods"]
    national = book["National" if lang == "en" else "Nasional"]
    rows = {row[0]: row for row in national.iter_rows(min_row=2, values_only=True)}
    for tier in data["tiers"]:
        row = rows[tier["tier"]]
        figures = [*(tier["periods"][p] for p in periods), tier["annual"], tier["target"]]
        for value, shown in zip(row[2 : 2 + len(figures)], figures, strict=True):
            assert value == _number(shown)
            assert shown is None or isinstance(value, float | int)
        assert row[-2:] == (tier["achieved"], tier["targets"])
    row = rows["national"]
    figures = [*(data["national"]["periods"][p] for p in periods), data["national"]["annual"]]
    assert list(row[2 : 2 + len(figures)]) == [_number(f) for f in figures]
    by_code = {item["code"]: item for item in data["institutions"]}
    seen = 0
    for sheet in book.worksheets[1:]:
        if sheet.title in ("Charts", "About", "Grafik", "Tentang"):
            continue
        for row in sheet.iter_rows(min_row=2, values_only=True):
            item = by_code[row[0]]
            figures = [*(item["periods"][p] for p in periods), item["annual"]]
            assert list(row[2 : 2 + len(figures)]) == [_number(f) for f in figures]
            count = 2 + len(figures)
            assert row[count : count + 2] == (item["achieved"], item["targets"])
            seen += 1
    assert seen == len(data["institutions"])


def test_every_figure_is_a_number_equal_to_the_json_output():
    scores = score(BEKASI)
    book, _ = _book(scores, lang="en")
    _check_against_json(scores, book)
    cell = book["National"]["C2"]
    assert cell.data_type == "n"
    assert cell.number_format == "0.00"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(), rulesets())
def test_every_figure_equals_the_json_output_for_any_dataset_and_rule_set(dataset, ruleset):
    scores = score(dataset, ruleset)
    book, _ = _book(scores, eligibility=scores.eligibility(), lang="en")
    _check_against_json(scores, book)
    expected = "0." + "0" * scores.places if scores.places else "0"
    cell = book["National"]["C2"]
    if cell.value is not None:
        assert cell.number_format == expected


def test_eligibility_columns_follow_the_decisions():
    scores = score(BEKASI)
    result = scores.eligibility()
    book, _ = _book(scores, eligibility=result, lang="en")
    decisions = {d["code"]: d for d in result.to_json()["decisions"]}
    sheet = book["Regencies-cities"]
    header = [c.value for c in sheet[1]]
    assert header[-2:] == ["Eligible", "Rank"]
    for row in sheet.iter_rows(min_row=2, values_only=True):
        decision = decisions[row[0]]
        assert row[-2] == ("Yes" if decision["eligible"] else "No")
        assert row[-1] == decision["rank"]
        for criterion in decision["criteria"]:
            column = header.index(criterion["id"])
            assert row[column] == ("Yes" if criterion["passed"] else "No")


def test_sheets_have_a_frozen_header_filters_and_fitting_widths():
    book, _ = _book(score(BEKASI), lang="id")
    assert book.sheetnames[:2] == ["Nasional", "K-L"]
    sheet = book["Kabupaten-Kota"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    assert sheet.column_dimensions["B"].width >= len("Kabupaten Bekasi")


def test_the_chart_sheet_has_two_bar_charts_and_the_distribution():
    scores = score(BEKASI)
    out = stdio.BytesIO()
    write_score_workbook(scores, out, at=AT, lang="en")
    names = __import__("zipfile").ZipFile(stdio.BytesIO(out.getvalue())).namelist()
    assert sum(1 for n in names if n.startswith("xl/charts/chart")) == 2
    counts = distribution(scores)
    for tier, bins in counts.items():
        shown = [scores.round(scores.institution_annual(c)) for c in scores.members(tier)]
        assert sum(bins) == sum(1 for s in shown if s is not None)
        assert len(bins) == 10


def test_a_hundred_falls_in_the_last_bin_and_undefined_scores_are_not_counted():
    scores = score(BEKASI)
    counts = distribution(scores)
    shown = {c: scores.round(scores.institution_annual(c)) for c in scores.codes}
    for tier, bins in counts.items():
        expected = [0] * 10
        for code in scores.members(tier):
            if shown[code] is not None:
                expected[min(int(Decimal(shown[code]) // 10), 9)] += 1
        assert bins == expected


def test_the_about_sheet_says_what_made_the_workbook():
    book, _ = _book(score(BEKASI), lang="en", digest="abc123")
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True)}
    assert about["Rule set (id)"] == "ranham-2021-2025/default"
    assert about["Input digest (SHA-256)"] == "abc123"
    assert about["Made at"] == "2026-12-03T12:00:00Z"
    assert about["Year"] == 2022


def test_the_same_inputs_and_time_give_the_same_bytes(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764763200")
    assert made_at() == datetime(2025, 12, 3, 12, 0, tzinfo=UTC)
    scores = score(BEKASI)
    first, second = stdio.BytesIO(), stdio.BytesIO()
    write_score_workbook(scores, first)
    write_score_workbook(scores, second)
    assert first.getvalue() == second.getvalue()


@pytest.mark.parametrize("value", ["", "not-a-number", "99999999999999999999"])
def test_a_bad_source_date_epoch_falls_back_to_now(monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert abs((made_at() - datetime.now(tz=UTC)).total_seconds()) < 3600
