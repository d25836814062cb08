"""Evaluation across years: the laws of ``scoring.md`` ("Across years") and their edges."""

from __future__ import annotations

import functools
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ranham import io
from ranham.errors import CycleError, MissingYearsError, UnknownNameError
from ranham.model import Tier
from ranham.rules import (
    SINGLE_YEAR,
    Criterion,
    CycleRules,
    MissingYear,
    evaluate_years,
    explain,
    score,
)
from ranham.rules.cases import SHIPPED_CASES
from ranham.rules.numbers import fixed_change
from tests.conftest import examples
from tests.rules._data import evolve_eligibility, rulesets
from tests.rules._years import NEW, OLD, moved, year_series

FAST = settings(max_examples=examples(30), deadline=None)
TIERS = (Tier.KL, Tier.PROVINCE, Tier.REGENCY_CITY)


def _with_cycle(ruleset, missing_year):
    return attrs.evolve(ruleset, cycle=CycleRules(missing_year=missing_year))


# -- the laws -------------------------------------------------------------------------------


@FAST
@given(year_series(recode=True), rulesets(), st.sampled_from(tuple(MissingYear)))
def test_every_per_year_figure_equals_scoring_that_year_alone(series, ruleset, missing_year):
    ruleset = _with_cycle(ruleset, missing_year)
    cycles = evaluate_years(series, ruleset)
    for dataset in series:
        year = dataset.catalog.year
        alone = score(dataset, ruleset)
        assert cycles.value(f"N({year})") == alone.national()
        for tier in TIERS:
            assert cycles.value(f"T({tier.value},{year})") == alone.tier_annual(tier)
            assert cycles.value(f"ratio({tier.value},{year})") == alone.ratio(tier)
        for code in alone.codes:
            assert cycles.value(f"S({code},{year})") == alone.institution_annual(code)
            assert cycles.shown(f"S({code},{year})") == alone.shown(f"S({code})")
            for period in alone.periods:
                assert cycles.value(f"S({code},{period})") == alone.institution_period(code, period)


@FAST
@given(year_series(min_years=2), rulesets(), st.sampled_from(tuple(MissingYear)))
def test_the_plan_period_score_lies_between_the_annual_scores_it_averages(
    series, ruleset, missing_year
):
    cycles = evaluate_years(series, _with_cycle(ruleset, missing_year))
    for code in cycles.codes:
        counted = [cycles.annual(code, y) for y in cycles.counted_years(code)]
        defined = [a for a in counted if a is not None]
        plan = cycles.plan_score(code)
        if not defined:
            assert plan is None
            continue
        low = min(defined)
        if missing_year is MissingYear.ZERO and len(defined) < len(counted):
            low = Fraction(0)  # a counted year without a score counts as 0
        assert plan is not None
        assert low <= plan <= max(defined)
    for tier in TIERS:
        annual = [cycles.tier_annual(tier, y) for y in cycles.years]
        defined = [a for a in annual if a is not None]
        plan = cycles.tier_plan(tier)
        if defined:
            assert plan is not None
            assert (0 if missing_year is MissingYear.ZERO else min(defined)) <= plan
            assert plan <= max(defined)
        else:
            assert plan is None


@FAST
@given(year_series(min_years=2, recode=True), rulesets(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_of_the_datasets(series, ruleset, random):
    shuffled = list(series)
    random.shuffle(shuffled)
    assert evaluate_years(shuffled, ruleset).to_json() == evaluate_years(series, ruleset).to_json()


@FAST
@given(year_series(min_years=2, recode=True), rulesets())
def test_a_recoded_institution_has_one_trajectory(series, ruleset):
    cycles = evaluate_years(series, ruleset)
    assert OLD not in cycles.codes
    listed = [d for d in series if d.catalog.year <= 2022 and OLD in _scored(d, ruleset)]
    listed += [d for d in series if d.catalog.year >= 2023 and NEW in _scored(d, ruleset)]
    if not listed:
        return
    assert NEW in cycles.codes
    for dataset in listed:
        year = dataset.catalog.year
        code = OLD if year <= 2022 else NEW
        alone = score(dataset, ruleset).institution_annual(code)
        assert cycles.annual(NEW, year) == alone
        assert cycles.annual(OLD, year) == alone  # the old code names the same trajectory
    trajectory = cycles.to_json(code=OLD)["institutions"]
    assert [i["code"] for i in trajectory] == [NEW]
    assert {y for y, c in trajectory[0]["listed_as"].items() if c is not None} == {
        str(d.catalog.year) for d in listed
    }


def _scored(dataset, ruleset):
    return score(dataset, ruleset).codes


@FAST
@given(year_series(min_years=2), rulesets())
def test_change_is_the_exact_difference_of_consecutive_years(series, ruleset):
    cycles = evaluate_years(series, ruleset)
    for year in cycles.years:
        national = cycles.national_change(year)
        if year - 1 not in cycles.years:
            assert national is None
            continue
        now, before = cycles.national(year), cycles.national(year - 1)
        expected = None if now is None or before is None else now - before
        assert national == expected
        assert cycles.shown(f"change({year})") == fixed_change(expected, cycles.places)
        for code in cycles.codes:
            a, b = cycles.annual(code, year), cycles.annual(code, year - 1)
            assert cycles.change(code, year) == (None if a is None or b is None else a - b)


def test_change_rounds_negative_halves_away_from_zero_and_never_shows_minus_zero():
    assert fixed_change(Fraction(-1, 200), 2) == "-0.01"  # -0.005
    assert fixed_change(Fraction(-3, 200), 2) == "-0.02"  # -0.015
    assert fixed_change(Fraction(3, 200), 2) == "0.02"
    assert fixed_change(Fraction(-1, 300), 2) == "0.00"
    assert fixed_change(Fraction(0), 0) == "0"
    assert fixed_change(None, 2) is None


@settings(max_examples=examples(60), deadline=None)
@given(st.fractions(min_value=-100, max_value=100), st.integers(0, 3))
def test_a_change_and_its_opposite_show_as_opposites(value, places):
    shown, opposite = fixed_change(value, places), fixed_change(-value, places)
    assert shown is not None
    assert opposite is not None
    assert shown.lstrip("-") == opposite.lstrip("-")
    assert not shown.startswith("-") or not opposite.startswith("-")
    assert set(shown.lstrip("-")) != set("0.") or not shown.startswith("-")


# -- explanations --------------------------------------------------------------------------


@settings(max_examples=examples(20), deadline=None)
@given(year_series(min_years=2, recode=True))
def test_every_name_across_years_explains_to_its_value(series):
    cycles = evaluate_years(series)
    years = cycles.years
    names = [f"N({y})" for y in years] + [f"change({y})" for y in years] + ["N(PLAN)"]
    for tier in TIERS:
        t = tier.value
        names += [f"T({t},PLAN)"] + [f"{f}({t},{y})" for y in years for f in ("T", "ratio")]
        names += [f"participation({t},{y})" for y in years] + [f"change({t},{y})" for y in years]
    for code in cycles.codes:
        names += [f"S({code},PLAN)"] + [f"S({code},{y})" for y in years]
        names += [f"change({code},{y})" for y in years]
    for name in names:
        node = cycles.explain(name)
        assert explain(cycles, name) == node
        assert node.value == cycles.value(name), name
        assert node.rounded == cycles.shown(name), name
        assert node.ruleset is not None


def test_an_annual_score_across_years_explains_down_to_the_measures():
    series = [moved(_example(), year, recode=True) for year in (2022, 2023)]
    cycles = evaluate_years(series)
    node = cycles.explain(f"S({NEW},2022)")
    below = [n.quantity for n in node.walk()]
    assert f"S({OLD})" in below  # that year's own tree, under the code it listed then
    assert any(q.startswith("met(") for q in below)


@functools.cache
def _example():
    """The shipped Bekasi 2022 case: six scored institutions, 33.73 among them."""
    return io.load(SHIPPED_CASES / "bekasi-2022.json")


def test_names_that_are_not_quantities_across_years_are_refused():
    cycles = evaluate_years([moved(_example(), 2022)])
    for name in ("S(33.73)", "N", "change(kl,2022-B04)", "S(nobody,2022)", "N(2019)", "Z(1)"):
        with pytest.raises(UnknownNameError):
            cycles.value(name)


# -- refusals ------------------------------------------------------------------------------


def test_datasets_that_are_not_the_years_of_one_plan_are_refused():
    base = _example()
    with pytest.raises(CycleError, match="2022"):
        evaluate_years([moved(base, 2022), moved(base, 2022)])
    with pytest.raises(CycleError):
        evaluate_years([])
    other = attrs.evolve(
        base, catalog=attrs.evolve(base.catalog, plan=attrs.evolve(base.catalog.plan, id="other"))
    )
    with pytest.raises(CycleError, match="different plans"):
        evaluate_years([base, moved(other, 2023)])


def test_a_dataset_listing_an_old_code_and_its_new_code_is_refused():
    base = moved(_example(), 2022, recode=True)
    both = attrs.evolve(
        base,
        institutions=(
            *base.institutions,
            attrs.evolve(
                next(i for i in base.institutions if i.code == OLD), code=NEW, parent="96"
            ),
        ),
    )
    # the year is the dataset's (a survivor of make mutate passed year=None to the listing)
    with pytest.raises(CycleError, match=f"the 2022 dataset lists both {OLD} and {NEW}"):
        evaluate_years([both])


# -- look-back criteria ----------------------------------------------------------------------


def _look_back(ruleset, *criteria, minimum=Fraction(50), years=2):
    rules = ruleset.eligibility
    return evolve_eligibility(
        ruleset,
        criteria=(*rules.criteria, *criteria),
        previous_year_score_min=minimum if Criterion.PREVIOUS_YEAR_SCORE in criteria else None,
        consistent_years=years if Criterion.CONSISTENT_REPORTING in criteria else None,
    )


def test_judging_a_look_back_criterion_without_the_years_it_needs_names_them():
    base = _example()
    ruleset = _look_back(score(base).ruleset, Criterion.CONSISTENT_REPORTING, years=3)
    cycles = evaluate_years([moved(base, 2024)], ruleset)
    with pytest.raises(MissingYearsError, match="2022, 2023") as caught:
        cycles.eligibility(2024)
    assert caught.value.years == (2022, 2023)
    with pytest.raises(MissingYearsError) as one_year:
        score(moved(base, 2024), ruleset).eligibility()
    assert one_year.value.years == (2022, 2023)


def test_years_before_the_plan_fail_the_criterion_and_say_so():
    base = _example()
    ruleset = _look_back(score(base).ruleset, Criterion.PREVIOUS_YEAR_SCORE, minimum=Fraction(0))
    result = evaluate_years([moved(base, 2021)], ruleset).eligibility(2021)
    for decision in result.decisions:
        looked = decision.criteria[-1]
        assert looked.criterion is Criterion.PREVIOUS_YEAR_SCORE
        assert not looked.passed
        assert "2020" in looked.observed.text("en")
        assert "2021" in looked.observed.text("id")


@FAST
@given(year_series(min_years=2, recode=True), rulesets(), st.sampled_from([0, 50, 80]))
def test_previous_year_score_holds_exactly_when_last_years_rounded_score_meets_the_minimum(
    series, ruleset, minimum
):
    ruleset = _look_back(ruleset, Criterion.PREVIOUS_YEAR_SCORE, minimum=Fraction(minimum))
    cycles = evaluate_years(series, ruleset)
    for year in cycles.years:
        if year - 1 >= 2021 and year - 1 not in cycles.years:
            with pytest.raises(MissingYearsError):
                cycles.eligibility(year)
            continue
        for decision in cycles.eligibility(year).decisions:
            result = next(
                c for c in decision.criteria if c.criterion is Criterion.PREVIOUS_YEAR_SCORE
            )
            before = None
            if year - 1 in cycles.years and decision.code in _codes_then(cycles, year - 1):
                before = cycles.annual(decision.code, year - 1)
            shown = cycles.round(before)
            assert result.passed == (shown is not None and Fraction(shown) >= minimum)


def _codes_then(cycles, year):
    from ranham.rules._recoding import canonical

    return {c for c in cycles.codes if cycles.listed(c, year) is not None} | {
        code for code in cycles.scores(year).codes if canonical(code) in cycles.codes
    }


@FAST
@given(year_series(min_years=2, max_years=3, recode=True), st.integers(1, 3))
def test_consistent_reporting_holds_exactly_when_on_time_in_each_of_the_years(series, n):
    ruleset = attrs.evolve(
        score(series[0]).ruleset,
        eligibility=attrs.evolve(
            score(series[0]).ruleset.eligibility,
            criteria=(Criterion.REPORTED_ON_TIME, Criterion.CONSISTENT_REPORTING),
            consistent_years=n,
        ),
    )
    cycles = evaluate_years(series, ruleset)
    for year in cycles.years:
        needed = [y for y in range(year - n + 1, year) if y >= 2021]
        if any(y not in cycles.years for y in needed):
            with pytest.raises(MissingYearsError):
                cycles.eligibility(year)
            continue
        for decision in cycles.eligibility(year).decisions:
            on_time, consistent = (c.passed for c in decision.criteria)
            if year - n + 1 < 2021:
                assert not consistent
                continue
            expected = all(
                _on_time_alone(cycles, decision.code, y) for y in range(year - n + 1, year + 1)
            )
            assert consistent == expected
            if n == 1:
                assert consistent == on_time


def _on_time_alone(cycles, code, year):
    listed = cycles.listed(code, year)
    if listed is None:
        return False
    alone = score(cycles.scores(year).dataset)  # the default rule set: one year alone
    return alone.eligibility().decision(listed).criteria[0].passed


def test_look_back_decisions_explain_with_each_years_facts():
    base = _example()
    ruleset = _look_back(
        score(base).ruleset,
        Criterion.PREVIOUS_YEAR_SCORE,
        Criterion.CONSISTENT_REPORTING,
        years=2,
    )
    cycles = evaluate_years([moved(base, y, recode=True) for y in (2022, 2023)], ruleset)
    result = cycles.eligibility(2023)
    node = explain(result, f"eligible({NEW})")
    quantities = [n.quantity for n in node.walk()]
    assert f"previous-year-score({NEW})" in quantities
    assert f"S({NEW},2022)" in quantities
    assert f"reported-on-time({NEW},2022)" in quantities
    assert f"reported-on-time({NEW},2023)" in quantities
    assert f"S({OLD})" in quantities  # 2022's own explanation, under the code it listed


def test_default_criteria_are_the_four_of_one_year():
    assert SINGLE_YEAR == (
        Criterion.REPORTED_ON_TIME,
        Criterion.ALL_VERIFIED,
        Criterion.ANNUAL_SCORE,
        Criterion.NO_ALLEGATION,
    )
