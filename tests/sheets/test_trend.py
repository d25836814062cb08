"""Trend workbooks: ``ranham trend --format xlsx``, every figure equal to ``--format json``'s."""

from __future__ import annotations

import io as stdio
import json
from datetime import UTC, datetime
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from ranham import io
from ranham.cli import main
from ranham.errors import UnknownNameError
from ranham.rules import evaluate_years
from ranham.rules.cases import SHIPPED_CASES
from ranham.sheets import write_trend_workbook
from tests.rules._years import NEW, OLD, moved, year_series

AT = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
YEARS = (2021, 2022, 2023)
TIER_SHEETS = {
    "en": ("K-L", "Provinces", "Regencies-cities"),
    "id": ("K-L", "Provinsi", "Kabupaten-Kota"),
}


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    """The Bekasi case as 2021-2023, with 33.73 listed as Kota Sorong (re-coded in 2023)."""
    folder = tmp_path_factory.mktemp("trend")
    base = io.load(SHIPPED_CASES / "bekasi-2022.json")
    out = []
    for year in YEARS:
        path = folder / f"{year}.json"
        io.dump(moved(base, year, recode=True), path)
        out.append(str(path))
    return out


def run(capsys, *args):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _number(shown):
    return None if shown is None else float(Decimal(shown))


def _rows(sheet):
    return {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}


def check_against_json(book, data, lang="en"):
    """Every figure of the workbook is the number of the JSON output's rounded figure."""
    years = [str(y) for y in data["years"]]
    n = len(years)
    sheet = book["National" if lang == "en" else "Nasional"]
    rows = _rows(sheet)
    national = data["national"]
    row = rows["national"]
    assert list(row[2 : 2 + n]) == [_number(national["annual"][y]) for y in years]
    assert row[2 + n] == _number(national["plan"])
    assert list(row[3 + n : 3 + 2 * n]) == [_number(national["change"][y]) for y in years]
    for tier in data["tiers"]:
        row = rows[tier["tier"]]
        figures = [tier["annual"][y] for y in years] + [tier["plan"]]
        figures += [tier["change"][y] for y in years]
        figures += [tier["participation"][y] for y in years]
        figures += [tier["achievement_ratio"][y] for y in years]
        assert list(row[2:]) == [_number(f) for f in figures]
    assert set(rows) == {"national"} | {t["tier"] for t in data["tiers"]}
    by_code = {item["code"]: item for item in data["institutions"]}
    seen = set()
    for tier_sheet in TIER_SHEETS[lang]:
        if tier_sheet not in book.sheetnames:
            continue
        for code, row in _rows(book[tier_sheet]).items():
            item = by_code[code]
            figures = [item["annual"][y] for y in years] + [item["plan"]]
            figures += [item["change"][y] for y in years]
            assert list(row[2 : 3 + 2 * n]) == [_number(f) for f in figures]
            seen.add(code)
    assert seen == set(by_code)


def test_every_figure_equals_the_json_output(capsys, paths, tmp_path):
    status, out, _ = run(capsys, "trend", *paths, "--format", "json")
    assert status == 0
    data = json.loads(out)
    target = tmp_path / "trend.xlsx"
    status, _, err = run(
        capsys, "trend", *paths, "--format", "xlsx", "--out", str(target), "--lang", "en"
    )
    assert status == 0
    assert str(target) in err
    book = openpyxl.load_workbook(target)
    tiers = ["K-L", "Provinces", "Regencies-cities"]
    assert book.sheetnames == ["National", *tiers, "Charts", "About"]
    check_against_json(book, data)
    cell = book["National"]["C2"]
    assert cell.data_type == "n"
    assert cell.number_format == "0.00"
    regencies = _rows(book["Regencies-cities"])
    assert regencies[NEW][-1] == OLD  # listed as its old code in 2021 and 2022
    assert regencies["32.16"][-1] is None


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(year_series(min_years=1, max_years=3, recode=True))
def test_every_figure_equals_the_json_output_for_any_series(series):
    cycles = evaluate_years(series)
    out = stdio.BytesIO()
    write_trend_workbook(cycles, out, lang="en", at=AT)
    book = openpyxl.load_workbook(stdio.BytesIO(out.getvalue()))
    check_against_json(book, json.loads(json.dumps(cycles.to_json())))


def test_the_line_chart_has_one_series_per_tier_and_the_nation(paths):
    cycles = evaluate_years(io.load(p) for p in paths)
    out = stdio.BytesIO()
    write_trend_workbook(cycles, out, lang="en", at=AT)
    book = openpyxl.load_workbook(stdio.BytesIO(out.getvalue()))
    sheet = book["Charts"]
    (chart,) = sheet._charts
    assert chart.tagname == "lineChart"
    titles = [s.tx.strRef.f for s in chart.series]
    values = [s.val.numRef.f for s in chart.series]
    assert titles == [f"'Charts'!{c}1" for c in "BCDE"]
    assert values == [f"'Charts'!${c}$2:${c}$4" for c in "BCDE"]
    assert {s.cat.numRef.f for s in chart.series} == {"'Charts'!$A$2:$A$4"}
    header = [c.value for c in sheet[1]]
    assert header == ["Year", "National", "K/L", "Provinces", "Regencies/cities"]
    data = cycles.to_json()
    columns = [data["national"], *data["tiers"]]
    for row, year in enumerate(YEARS, start=2):
        assert sheet.cell(row=row, column=1).value == year
        for column, subject in enumerate(columns, start=2):
            shown = subject["annual"][str(year)]
            assert sheet.cell(row=row, column=column).value == _number(shown)


def test_a_code_adds_its_sheet_and_its_line(capsys, paths, tmp_path):
    target = tmp_path / "sorong.xlsx"
    argv = ["trend", *paths, "--code", OLD, "--format", "xlsx", "--out", str(target)]
    status, _, _ = run(capsys, *argv, "--lang", "en")
    assert status == 0
    status, out, _ = run(capsys, "trend", *paths, "--code", OLD, "--format", "json")
    (city,) = json.loads(out)["institutions"]
    book = openpyxl.load_workbook(target)
    assert "Institution" in book.sheetnames
    rows = list(book["Institution"].iter_rows(min_row=2, values_only=True))
    for row, year in zip(rows, YEARS, strict=False):
        assert row[:4] == (NEW, "Kota Sorong", year, city["listed_as"][str(year)])
        assert row[4:] == (_number(city["annual"][str(year)]), _number(city["change"][str(year)]))
    assert rows[-1][2] == "Plan"
    assert rows[-1][4] == _number(city["plan"])
    (chart,) = book["Charts"]._charts
    assert len(chart.series) == 5
    assert chart.series[-1].val.numRef.f == "'Charts'!$F$2:$F$4"
    assert book["Charts"]["F1"].value == "96.71 Kota Sorong"


def test_an_unknown_code_writes_nothing(capsys, paths, tmp_path):
    target = tmp_path / "none.xlsx"
    argv = ["trend", *paths, "--code", "99.99", "--format", "xlsx", "--out", str(target)]
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert "99.99" in err
    assert not target.exists()
    cycles = evaluate_years(io.load(p) for p in paths)
    with pytest.raises(UnknownNameError):
        write_trend_workbook(cycles, target, code="99.99")
    assert not target.exists()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_format_xlsx_needs_out(capsys, paths, lang):
    status, out, err = run(capsys, "trend", *paths, "--format", "xlsx", "--lang", lang)
    assert status == 2
    assert out == ""
    assert "--out" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("where", ["missing/trend.xlsx", "."])
def test_an_unwritable_out_is_a_clear_error(capsys, paths, tmp_path, where):
    target = tmp_path / where
    argv = ["trend", *paths, "--format", "xlsx", "--out", str(target), "--lang", "en"]
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.startswith(f"ranham: cannot write the workbook {target} (")
    assert "Traceback" not in err
    assert "internal error" not in err


def test_labels_are_indonesian_by_default_and_english_on_request(paths):
    cycles = evaluate_years(io.load(p) for p in paths)
    names = {}
    for lang in ("id", "en"):
        out = stdio.BytesIO()
        kwargs = {} if lang == "id" else {"lang": "en"}
        names[lang] = write_trend_workbook(cycles, out, at=AT, **kwargs)
        book = openpyxl.load_workbook(stdio.BytesIO(out.getvalue()))
        check_against_json(book, json.loads(json.dumps(cycles.to_json())), lang)
        first = book.worksheets[0]
        header = [c.value for c in first[1]]
        plan, change = ("Rencana", "Perubahan 2022") if lang == "id" else ("Plan", "Change 2022")
        assert header[:6] == [
            ("Kode" if lang == "id" else "Code"),
            header[1],
            "2021",
            "2022",
            "2023",
            plan,
        ]
        assert change in header
        assert first.freeze_panes == "A2"
        assert first.auto_filter.ref.startswith("A1:")
    assert names["id"] == ("Nasional", "K-L", "Provinsi", "Kabupaten-Kota", "Grafik", "Tentang")
    assert names["en"] == ("National", "K-L", "Provinces", "Regencies-cities", "Charts", "About")


def test_the_about_sheet_and_the_same_bytes(capsys, paths, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764763200")
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for target in (first, second):
        assert (
            run(capsys, "trend", *paths, "--format", "xlsx", "--out", str(target), "--lang", "en")[
                0
            ]
            == 0
        )
    assert first.read_bytes() == second.read_bytes()
    about = {
        row[0]: row[1] for row in openpyxl.load_workbook(first)["About"].iter_rows(values_only=True)
    }
    assert about["Rule set (id)"] == "ranham-2021-2025/default"
    assert about["Years"] == "2021, 2022, 2023"
    assert about["missing_year"] == "exclude"
    assert about["Made at"] == "2025-12-03T12:00:00Z"
    import hashlib
    from pathlib import Path

    for path, year in zip(paths, YEARS, strict=True):
        assert (
            about[f"Input digest {year} (SHA-256)"]
            == hashlib.sha256(Path(path).read_bytes()).hexdigest()
        )
