"""Rule sets at their bounds, their defaults and the values their errors show (issue 19).

Each test names the mutation of :mod:`ranham.rules.ruleset` it kills.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ranham.errors import RuleSetError
from ranham.model import Tier
from ranham.rules import (
    Basis,
    Criterion,
    EligibilityRules,
    Late,
    MissingPeriod,
    MonthDay,
    RuleSet,
    ScoringRules,
    load_ruleset,
)
from ranham.rules.numbers import MAX_PLACES


def _ruleset(**changes: Any) -> RuleSet:
    fields: dict[str, Any] = {
        "id": "p/default",
        "version": "1",
        "plan": "p",
        "years": (2021, 2025),
    }
    fields.update(changes)
    return RuleSet(**fields)


def _refused(location: str, **changes: Any) -> str:
    with pytest.raises(RuleSetError) as caught:
        _ruleset(**changes)
    assert caught.value.location == location
    assert isinstance(caught.value, ValueError)
    return str(caught.value)


# --- years ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("years", [(1, 1), (9999, 9999), (1, 9999), (2022, 2022)])
def test_years_from_1_to_9999_and_a_single_year_are_accepted(years: tuple[int, int]) -> None:
    # kills `1 <= y <= 9999` -> `1 < y` / `y < 9999`, and `years[0] > years[1]` -> `>=`
    rules = _ruleset(years=years)
    assert (rules.first_year, rules.last_year) == years
    assert rules.covers(years[0])
    assert rules.covers(years[1])


@pytest.mark.parametrize("years", [(0, 2025), (2021, 10000), (0, 0), (10000, 10000), (2025, 2021)])
def test_years_0_10000_and_reversed_years_are_refused(years: tuple[int, int]) -> None:
    message = _refused("years", years=years)
    assert message == (
        "years: must be [FIRST, LAST], two years with FIRST <= LAST, both included, such as "
        f"[2021, 2025] (got {list(years)})."
    )


@given(first=st.integers(1, 9999), length=st.integers(0, 30), year=st.integers(0, 10000))
def test_a_rule_set_covers_exactly_its_years_both_included(
    first: int, length: int, year: int
) -> None:
    # law (scoring.md): years = [FIRST, LAST], both included; kills `<=` -> `<` in covers()
    last = min(first + length, 9999)
    rules = _ruleset(years=(first, last))
    assert rules.covers(year) == (first <= year <= last)


# --- targets --------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2021, 2025])
def test_a_target_for_the_first_and_the_last_year_covered_is_accepted(year: int) -> None:
    # kills `first_year <= year <= last_year` -> `<` on either side
    rules = _ruleset(targets={year: {Tier.KL: 75}})
    assert rules.target(year, Tier.KL) == 75
    assert rules.target(year, Tier.PROVINCE) is None


@pytest.mark.parametrize("year", [2020, 2026])
def test_a_target_for_a_year_not_covered_is_refused_with_the_years_shown(year: int) -> None:
    message = _refused(f"targets.{year}", targets={year: {Tier.KL: 75}})
    assert message == (
        f"targets.{year}: must be a year the rule set covers, 2021 to 2025 (got {year})."
    )


def test_the_parameter_keys_put_the_target_years_between_scoring_and_eligibility() -> None:
    rules = _ruleset(targets={2023: {Tier.KL: 60}, 2022: {Tier.PROVINCE: 65}})
    assert rules.parameter_keys == (
        "scoring.basis",
        "scoring.late",
        "scoring.missing_period",
        "scoring.achieved_min",
        "scoring.places",
        "targets.2022",
        "targets.2023",
        "eligibility.criteria",
        "eligibility.annual_score_min",
        "eligibility.allegation_cutoff",
    )
    assert rules.missing_sources == rules.parameter_keys
    assert rules.parameters() == {
        "scoring.basis": "verified",
        "scoring.late": "accept",
        "scoring.missing_period": "zero",
        "scoring.achieved_min": "100.00",
        "scoring.places": 2,
        "targets.2022": {"provinsi": "65.00"},
        "targets.2023": {"kl": "60.00"},
        "eligibility.criteria": [
            "reported-on-time",
            "all-verified",
            "annual-score",
            "no-allegation",
        ],
        "eligibility.annual_score_min": "80.00",
        "eligibility.allegation_cutoff": "09-17",
    }


def test_a_source_for_an_unknown_parameter_lists_the_parameters() -> None:
    message = _refused('sources."targets.2024"', sources={"targets.2024": "Perpres"})
    assert message.endswith(
        "names no parameter of this rule set; the parameters are: scoring.basis, scoring.late, "
        "scoring.missing_period, scoring.achieved_min, scoring.places, eligibility.criteria, "
        "eligibility.annual_score_min, eligibility.allegation_cutoff."
    )


# --- places and thresholds ------------------------------------------------------------------------


@pytest.mark.parametrize("places", [0, 1, MAX_PLACES])
def test_places_from_0_to_the_maximum_are_accepted(places: int) -> None:
    # kills `0 <= places <= MAX_PLACES` -> `<` on either side
    assert ScoringRules(places=places).places == places


@pytest.mark.parametrize("places", [-1, MAX_PLACES + 1])
def test_places_beyond_the_bounds_are_refused_with_the_bounds_shown(places: int) -> None:
    with pytest.raises(RuleSetError) as caught:
        ScoringRules(places=places)
    assert str(caught.value) == (
        f"scoring.places: must be a whole number of decimals from 0 to 10 (got {places})."
    )


def test_a_threshold_with_exactly_places_decimals_is_accepted() -> None:
    # kills `needed > places` -> `needed >= places`
    rules = _ruleset(
        scoring=ScoringRules(places=MAX_PLACES, achieved_min=Fraction(1, 10**MAX_PLACES)),
        eligibility=EligibilityRules(annual_score_min=Fraction(99_9999_9999, 10**MAX_PLACES)),
    )
    assert rules.eligibility.annual_score_min == Fraction(99_9999_9999, 10**10)
    assert ScoringRules(places=1, achieved_min=Fraction(1, 5)).achieved_min == Fraction(1, 5)


@pytest.mark.parametrize(("threshold", "accepted"), [(0, True), (100, True), (-1, False)])
def test_thresholds_from_0_to_100_included(threshold: int, accepted: bool) -> None:
    # kills `0 <= value <= 100` -> `<` on either side
    if accepted:
        assert ScoringRules(achieved_min=threshold).achieved_min == threshold
    else:
        with pytest.raises(RuleSetError, match=r"from 0 to 100 \(got -1\)"):
            ScoringRules(achieved_min=threshold)


def test_a_threshold_above_100_shows_the_value_with_its_decimals() -> None:
    with pytest.raises(RuleSetError) as caught:
        ScoringRules(achieved_min=Fraction(10001, 100))
    assert str(caught.value) == (
        "scoring.achieved_min: must be a number from 0 to 100 (got 100.01)."
    )


def test_a_threshold_with_too_many_decimals_says_what_to_write() -> None:
    with pytest.raises(RuleSetError) as caught:
        _ruleset(eligibility=EligibilityRules(annual_score_min=Fraction(80125, 1000)))
    assert str(caught.value) == (
        "eligibility.annual_score_min: must have at most scoring.places = 2 decimals, because "
        "it is compared with a score rounded to 2 decimals (got 80.125); write 80.13 or raise "
        "scoring.places."
    )


def test_a_threshold_that_never_ends_is_shown_as_a_fraction() -> None:
    with pytest.raises(RuleSetError) as caught:
        ScoringRules(places=2, achieved_min=Fraction(200, 3))
    assert "(got 200/3); write 66.67 or raise scoring.places." in str(caught.value)


def test_a_float_threshold_is_refused_with_its_value() -> None:
    with pytest.raises(RuleSetError) as caught:
        ScoringRules(achieved_min=0.5)
    assert str(caught.value) == (
        "scoring.achieved_min: must be an exact number from 0 to 100: an int, Fraction or "
        "Decimal, never a float (got 0.5)."
    )


# --- defaults -------------------------------------------------------------------------------------


def test_the_defaults_of_the_rule_set_classes() -> None:
    # kills a changed default value in ScoringRules, EligibilityRules or RuleSet
    scoring = ScoringRules()
    assert scoring.basis is Basis.VERIFIED
    assert scoring.late is Late.ACCEPT
    assert scoring.missing_period is MissingPeriod.ZERO
    assert scoring.achieved_min == 100
    assert type(scoring.achieved_min) is Fraction
    assert scoring.places == 2
    rules = EligibilityRules()
    assert rules.criteria == (
        Criterion.REPORTED_ON_TIME,
        Criterion.ALL_VERIFIED,
        Criterion.ANNUAL_SCORE,
        Criterion.NO_ALLEGATION,
    )
    assert rules.annual_score_min == 80
    assert type(rules.annual_score_min) is Fraction
    assert rules.allegation_cutoff == MonthDay(9, 17)
    ruleset = _ruleset()
    assert ruleset.scoring == ScoringRules()
    assert ruleset.eligibility == EligibilityRules()
    assert ruleset.targets == {}
    assert ruleset.sources == {}
    assert ruleset.origin == ""


def test_the_shipped_default_differs_from_the_class_defaults_only_by_its_data() -> None:
    shipped = load_ruleset("ranham-2021-2025/default")
    assert attrs.evolve(shipped, targets={}, sources={}) == _ruleset(
        id=shipped.id, version=shipped.version, plan=shipped.plan, years=shipped.years
    )


# --- other error texts ----------------------------------------------------------------------------


def test_the_errors_of_criteria_show_what_was_given() -> None:
    twice = (Criterion.ANNUAL_SCORE, Criterion.ANNUAL_SCORE)
    with pytest.raises(RuleSetError) as caught:
        EligibilityRules(criteria=twice)
    assert str(caught.value) == (
        "eligibility.criteria: must name each criterion once (got annual-score, annual-score)."
    )
    with pytest.raises(RuleSetError) as caught:
        EligibilityRules(criteria=("annual-score",))  # type: ignore[arg-type]
    assert str(caught.value) == (
        'eligibility.criteria: must be a list of criterion ids ("reported-on-time", '
        '"all-verified", "annual-score", "no-allegation", "previous-year-score", '
        "\"consistent-reporting\") (got ('annual-score',))."
    )


def test_the_errors_of_the_enums_list_the_choices() -> None:
    with pytest.raises(RuleSetError) as caught:
        ScoringRules(basis="claimed")  # type: ignore[arg-type]
    assert str(caught.value) == ('scoring.basis: must be "verified" or "claimed" (got "claimed").')
    with pytest.raises(RuleSetError, match=r'^scoring.missing_period: must be "zero" or "exclude"'):
        ScoringRules(missing_period="zero")  # type: ignore[arg-type]


def test_the_errors_of_id_plan_and_version_show_the_value() -> None:
    assert _refused("plan", plan="P", id="P/x") == (
        'plan: must be a plan id such as "ranham-2021-2025" (got "P").'
    )
    assert _refused("id", id="q/default") == (
        'id: must be PLAN/NAME with PLAN the rule set\'s plan ("p") and NAME a slug, such as '
        '"p/default" (got "q/default").'
    )
    assert _refused("version", version=" ") == (
        "version: must be a non-blank string of at most 64 printable characters (no line "
        'breaks or control characters), such as "1" (got " ").'
    )
