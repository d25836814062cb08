"""Expert test cases: every shipped case passes; malformed cases are refused clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from ranham import io
from ranham.cases import SHIPPED_CASES, case_files, load_case, run_cases

from . import make_case_data

CASES = SHIPPED_CASES
SHIPPED = case_files([CASES])


def test_cases_are_shipped_for_the_published_figures_and_every_parameter():
    names = {path.stem for path in SHIPPED}
    assert {"published-national-b04-2022", "published-achievement-2021", "threshold-79995"} <= names
    for parameter in (
        "basis-verified",
        "basis-claimed",
        "late-accept",
        "late-reject",
        "missing-period-zero",
        "missing-period-exclude",
        "achieved-min-100",
        "achieved-min-80",
        "places-0",
        "places-3",
    ):
        assert f"param-{parameter}" in names
    for situation in ("allegation-cutoff", "late-report", "returned-report", "default"):
        assert f"eligibility-{situation}" in names
    for criterion in ("reported-on-time", "all-verified", "annual-score", "no-allegation"):
        assert f"eligibility-only-{criterion}" in names


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_case_passes(path):
    (result,) = run_cases([path])
    assert result.error is None
    assert result.mismatches == ()
    assert result.checked >= 2


@pytest.mark.parametrize("name", sorted(make_case_data.FILES))
def test_the_generated_datasets_are_what_the_generator_builds(name):
    build, _ = make_case_data.FILES[name]
    assert io.load(CASES / name) == build(), (
        f"run python tests/rules/make_case_data.py to regenerate {name}"
    )


def _case(tmp_path: Path, body: str, name: str = "case.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


HEAD = f'''name = "n"
ruleset = "ranham-2021-2025/default"
dataset = "{(CASES / "bekasi-2022.json").as_posix()}"
'''


def test_a_mismatch_comes_with_the_explanation_of_the_actual_value(tmp_path):
    path = _case(tmp_path, HEAD + '[expected]\n"S(32.16)" = "44.45"\n"S(33.73)" = "100.00"\n')
    (result,) = run_cases([path])
    assert result.error is None
    assert not result.passed
    (mismatch,) = result.mismatches
    assert (mismatch.quantity, mismatch.expected, mismatch.actual) == ("S(32.16)", "44.45", "44.44")
    assert mismatch.explanation.quantity == "S(32.16)"
    assert mismatch.explanation.rounded == "44.44"


def test_values_compare_as_json_shows_them(tmp_path):
    body = HEAD + '[expected]\n"rank(kemensos)" = 1\n"eligible(kemensos)" = true\n'
    body += '"S(32.16,2022-B12)" = "null"\n"rank(32.16)" = "null"\n'
    assert run_cases([_case(tmp_path, body)])[0].passed
    wrong_type = HEAD + '[expected]\n"eligible(kemensos)" = 1\n"S(kemensos)" = "91.670"\n'
    result = run_cases([_case(tmp_path, wrong_type)])[0]
    assert [m.quantity for m in result.mismatches] == ["eligible(kemensos)", "S(kemensos)"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('name = "n"\n', "ruleset: is required"),
        (HEAD + '[expected]\n"S(32.16)" = "44.44"\ncolour = "red"\n', "is not a quantity name"),
        (HEAD + 'colour = 1\n[expected]\n"S(32.16)" = "44.44"\n', "colour: is not a key of a case"),
        (HEAD + "[expected]\n", "expected: must be a table with at least one"),
        (HEAD + '[expected]\n"S(32.16)" = 44.44\n', "write a score as a string"),
        (HEAD + '[expected]\n"S(32.99)" = "1.00"\n', "lists no institution '32.99'"),
        (HEAD.replace("bekasi-2022.json", "nope.json") + '[expected]\n"N" = "1.00"\n', "nope.json"),
        (HEAD.replace("/default", "/nope") + '[expected]\n"N" = "1.00"\n', "no shipped rule set"),
        ("name = ", "is not valid TOML"),
        (HEAD.replace('name = "n"', 'name = " "') + '[expected]\n"N" = "1.00"\n', "name: must be"),
        (HEAD + 'source = 1\n[expected]\n"N" = "1.00"\n', "source: must be a string"),
        (
            HEAD.replace('ruleset = "ranham-2021-2025/default"', "ruleset = 1")
            + '[expected]\n"N" = "1"\n',
            "ruleset: must be",
        ),
        ('name = "n"\nruleset = "x/y"\ndataset = 3\n[expected]\n"N" = "1"\n', "dataset: must be"),
        (HEAD + '[expected]\n"N" = [1]\n', "must be a score string"),
    ],
)
def test_malformed_cases_say_what_is_wrong(tmp_path, body, message):
    (result,) = run_cases([_case(tmp_path, body)])
    assert result.error is not None
    assert message in result.error
    assert str(tmp_path / "case.toml") in result.error


def test_an_invalid_dataset_is_reported_with_its_issues(tmp_path):
    (tmp_path / "bad.json").write_text('{"kind": "dataset", "schema_version": "1.0"}')
    body = HEAD.replace((CASES / "bekasi-2022.json").as_posix(), "bad.json")
    (result,) = run_cases([_case(tmp_path, body + '[expected]\n"N" = "1.00"\n')])
    assert "missing-field" in (result.error or "")


def test_a_directory_gives_its_own_toml_files_only(tmp_path):
    _case(tmp_path, HEAD + '[expected]\n"S(32.16)" = "44.44"\n', "a.toml")
    (tmp_path / "rulesets").mkdir()
    _case(tmp_path / "rulesets", "not a case", "r.toml")
    (tmp_path / "data.json").write_text("{}")
    assert [p.name for p in case_files([tmp_path])] == ["a.toml"]
    results = run_cases([tmp_path, tmp_path / "missing.toml"])
    assert [r.passed for r in results] == [True, False]
    assert "cannot be read" in (results[1].error or "")


def test_an_inline_dataset_may_use_toml_dates(tmp_path):
    inline = (CASES / "example-inline-dataset.toml").read_text(encoding="utf-8")
    inline = inline.replace('"2022-04-28"', "2022-04-28").replace(
        '"2022-04-29T10:15:00+07:00"', "2022-04-29T10:15:00+07:00"
    )
    inline += (
        '\n[[dataset.allegations]]\ninstitution = "33.73"\n'
        'reported_on = 2022-06-01\nreference = "A-1"\n'
    )
    case = load_case(_case(tmp_path, inline))
    assert case.dataset.allegations[0].reported_on.isoformat() == "2022-06-01"
    assert run_cases([tmp_path / "case.toml"])[0].passed
    naive = inline.replace("2022-04-29T10:15:00+07:00", "2022-04-29T10:15:00")
    (result,) = run_cases([_case(tmp_path, naive)])
    assert "naive-timestamp" in (result.error or "")
