"""``ranham trend`` and ``ranham eligibility --previous``, run in-process."""

from __future__ import annotations

import csv
import io as text_io
import json

import pytest

from ranham import io
from ranham.cli import main
from ranham.rules import evaluate_years
from ranham.rules.cases import SHIPPED_CASES
from tests.rules._years import NEW, OLD, moved

LOOK_BACK = "ranham-2021-2025/look-back"


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    """The Bekasi case as 2021, 2022 and 2023, 33.73 listed as Kota Sorong (re-coded in 2023)."""
    folder = tmp_path_factory.mktemp("years")
    base = io.load(SHIPPED_CASES / "bekasi-2022.json")
    paths = {}
    for year in (2021, 2022, 2023):
        path = folder / f"{year}.json"
        io.dump(moved(base, year, recode=True), path)
        paths[year] = str(path)
    return paths


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_trend_json_is_the_library_object_whatever_the_order(capsys, years):
    status, out, _ = run(capsys, "trend", years[2023], years[2021], years[2022], "--format", "json")
    assert status == 0
    data = json.loads(out)
    expected = evaluate_years([io.load(p) for p in years.values()]).to_json()
    assert data == json.loads(json.dumps(expected))
    assert data["years"] == [2021, 2022, 2023]
    assert list(data) == ["ruleset", "years", "missing_year", "national", "tiers", "institutions"]
    assert data["national"]["change"]["2021"] is None


def test_trend_of_one_code_follows_the_recoded_city(capsys, years):
    status, out, _ = run(capsys, "trend", *years.values(), "--code", OLD, "--format", "json")
    assert status == 0
    (city,) = json.loads(out)["institutions"]
    assert city["code"] == NEW
    assert city["listed_as"] == {"2021": OLD, "2022": OLD, "2023": NEW}
    assert city["annual"] == {"2021": "100.00", "2022": "100.00", "2023": "100.00"}
    assert city["change"] == {"2021": None, "2022": "0.00", "2023": "0.00"}
    assert city["plan"] == "100.00"


@pytest.mark.parametrize(
    ("lang", "word", "plan"), [("en", "Annual score", "Plan"), ("id", "Nilai tahunan", "Rencana")]
)
def test_trend_table_in_both_languages(capsys, years, lang, word, plan):
    status, out, _ = run(capsys, "trend", *years.values(), "--lang", lang)
    assert status == 0
    lines = out.splitlines()
    assert "2021-2023" in lines[0]
    assert lines[2] == word
    assert lines[3].split() == ["2021", "2022", "2023", plan]


def test_trend_csv_has_a_row_per_subject_and_figure(capsys, years):
    status, out, _ = run(capsys, "trend", *years.values(), "--format", "csv")
    assert status == 0
    rows = list(csv.reader(text_io.StringIO(out)))
    assert rows[0] == ["subject", "figure", "2021", "2022", "2023", "plan"]
    assert rows[1][:2] == ["national", "annual"]
    assert any(r[:2] == [NEW, "change"] for r in rows)


def test_trend_explains_a_name_across_years(capsys, years):
    status, out, _ = run(capsys, "trend", *years.values(), "--explain", f"S({NEW},PLAN)")
    assert status == 0
    assert out.startswith("rule set ranham-2021-2025/default")
    assert f"S({NEW},2021)" in out


@pytest.mark.parametrize(
    "extra", [["--code", "nobody"], ["--explain", "Z(1)"], ["--ruleset", "x/none"]]
)
def test_trend_refuses_what_it_cannot_do_with_exit_2(capsys, years, extra):
    status, out, err = run(capsys, "trend", *years.values(), *extra)
    assert status == 2
    assert out == ""
    assert err.startswith("ranham: ")
    assert "Traceback" not in err


def test_trend_refuses_two_datasets_of_one_year(capsys, years):
    status, _, err = run(capsys, "trend", years[2022], years[2022])
    assert status == 2
    assert "2022" in err


def test_eligibility_without_the_previous_years_names_them_and_exits_2(capsys, years):
    status, out, err = run(capsys, "eligibility", years[2023], "--ruleset", LOOK_BACK)
    assert status == 2
    assert out == ""
    assert "2022" in err
    assert "--previous" in err


def test_eligibility_with_the_previous_year_judges_the_look_back_criteria(capsys, years):
    status, out, _ = run(
        capsys,
        "eligibility",
        years[2023],
        "--ruleset",
        LOOK_BACK,
        "--previous",
        years[2022],
        "--format",
        "json",
    )
    assert status == 0
    data = json.loads(out)
    assert data["years"] == [2022, 2023]
    city = next(d for d in data["decisions"] if d["code"] == NEW)
    ids = [c["id"] for c in city["criteria"]]
    assert ids[-2:] == ["previous-year-score", "consistent-reporting"]
    previous = city["criteria"][-2]
    assert previous["passed"] is True
    assert previous["observed"] == "100.00 in 2022"
