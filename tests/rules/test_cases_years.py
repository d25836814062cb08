"""Expert cases across years: ``datasets = [...]`` instead of ``dataset``."""

from __future__ import annotations

import pytest

from ranham import io
from ranham.cases import load_case, run_cases
from ranham.errors import RuleSetError
from ranham.rules import evaluate_years
from ranham.rules.cases import SHIPPED_CASES
from tests.rules._years import NEW, moved


@pytest.fixture
def folder(tmp_path):
    base = io.load(SHIPPED_CASES / "bekasi-2022.json")
    for year in (2022, 2023):
        io.dump(moved(base, year, recode=True), tmp_path / f"{year}.json")
    return tmp_path


def _case(folder, expected: str, datasets: str = '["2023.json", "2022.json"]') -> str:
    path = folder / "case.toml"
    path.write_text(
        'name = "across years"\nruleset = "ranham-2021-2025/default"\n'
        f"datasets = {datasets}\n[expected]\n{expected}\n",
        encoding="utf-8",
    )
    return str(path)


def test_a_case_across_years_checks_names_across_years(folder):
    series = [io.load(folder / f"{y}.json") for y in (2022, 2023)]
    cycles = evaluate_years(series)
    names = [f"S({NEW},PLAN)", "change(2023)", "N(2022)", "T(kl,2023)", "S(32.16,2023-B04)"]
    expected = "\n".join(f'"{n}" = "{cycles.shown(n) or "null"}"' for n in names)
    (result,) = run_cases([_case(folder, expected)])
    assert result.error is None
    assert result.passed
    assert result.checked == len(names)


def test_a_mismatch_across_years_comes_with_its_explanation(folder):
    (result,) = run_cases([_case(folder, '"N(PLAN)" = "1.00"')])
    (mismatch,) = result.mismatches
    assert mismatch.explanation.quantity == "N(PLAN)"
    assert [c.quantity for c in mismatch.explanation.children] == ["N(2022)", "N(2023)"]


def test_a_case_names_dataset_or_datasets_not_both(folder):
    path = _case(folder, '"N(2022)" = "1.00"')
    text = (folder / "case.toml").read_text(encoding="utf-8")
    both = text.replace("datasets =", 'dataset = "2022.json"\ndatasets =')
    (folder / "case.toml").write_text(both, encoding="utf-8")
    with pytest.raises(RuleSetError, match="not both"):
        load_case(path)


@pytest.mark.parametrize("datasets", ["[]", '"2022.json"'])
def test_datasets_must_be_a_list_of_files(folder, datasets):
    with pytest.raises(RuleSetError, match="list of dataset files"):
        load_case(_case(folder, '"N(2022)" = "1.00"', datasets))


def test_a_name_across_years_is_refused_in_a_case_of_one_year(folder):
    path = folder / "one.toml"
    path.write_text(
        'name = "one"\nruleset = "ranham-2021-2025/default"\ndataset = "2022.json"\n'
        '[expected]\n"N(PLAN)" = "1.00"\n',
        encoding="utf-8",
    )
    (result,) = run_cases([path])
    assert not result.passed
    assert "PLAN" in (result.error or "")
