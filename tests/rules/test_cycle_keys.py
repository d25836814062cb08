"""The optional rule-set keys across years: ``[cycle]`` and the look-back parameters."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

import ranham.rules
from ranham.errors import RuleSetError
from ranham.rules import Criterion, MissingYear, load_ruleset, loads_ruleset

RULES = Path(ranham.rules.__file__).parent / "rulesets" / "ranham-2021-2025"
DEFAULT = (RULES / "default.toml").read_text()
SOURCES = "\n[sources]"


def _without_sources(text: str) -> str:
    return text[: text.index(SOURCES)]


BASE = _without_sources(DEFAULT)
CRITERIA = 'criteria = ["reported-on-time", "all-verified", "annual-score", "no-allegation"]'


def _with(criteria: str = "", eligibility: str = "", cycle: str = "") -> str:
    text = BASE
    if criteria:
        text = text.replace(CRITERIA, f'criteria = ["annual-score", {criteria}]')
    if eligibility:
        text = text.replace(
            'allegation_cutoff = "09-17"', f'allegation_cutoff = "09-17"\n{eligibility}'
        )
    return text + cycle


def test_a_rule_set_written_before_the_keys_stays_valid_with_the_defaults():
    rules = loads_ruleset(DEFAULT)
    assert rules.cycle is None
    assert rules.missing_year is MissingYear.EXCLUDE
    assert rules.eligibility.look_back == ()
    assert "cycle.missing_year" not in rules.parameter_keys


@pytest.mark.parametrize("value", ["exclude", "zero"])
def test_cycle_missing_year_is_read(value):
    rules = loads_ruleset(_with(cycle=f'\n[cycle]\nmissing_year = "{value}"\n'))
    assert rules.missing_year is MissingYear(value)
    assert rules.parameters()["cycle.missing_year"] == value
    assert "cycle.missing_year" in rules.parameter_keys


def test_an_empty_cycle_table_means_the_default():
    assert loads_ruleset(_with(cycle="\n[cycle]\n")).missing_year is MissingYear.EXCLUDE


@pytest.mark.parametrize(
    ("cycle", "location"),
    [
        ('\n[cycle]\nmissing_year = "drop"\n', "cycle.missing_year"),
        ("\n[cycle]\nmissing_year = 0\n", "cycle.missing_year"),
        ('\n[cycle]\nmissing_years = "zero"\n', "cycle.missing_years"),
        ('\ncycle = "zero"\n', "cycle"),
    ],
)
def test_a_bad_cycle_key_is_refused_at_its_location(cycle, location):
    text = _with(cycle=cycle) if cycle.startswith("\n[") else cycle.strip() + "\n" + BASE
    with pytest.raises(RuleSetError) as caught:
        loads_ruleset(text, name="mine.toml")
    assert caught.value.location == f"mine.toml: {location}"


def test_the_look_back_criteria_are_read_with_their_parameters():
    rules = loads_ruleset(
        _with(
            '"previous-year-score", "consistent-reporting"',
            "previous_year_score_min = 72.5\nconsistent_years = 3",
        )
    )
    assert rules.eligibility.look_back == (
        Criterion.PREVIOUS_YEAR_SCORE,
        Criterion.CONSISTENT_REPORTING,
    )
    assert rules.eligibility.previous_year_score_min == Fraction(145, 2)
    assert rules.eligibility.consistent_years == 3
    assert rules.parameters()["eligibility.previous_year_score_min"] == "72.50"


@pytest.mark.parametrize(
    ("criteria", "eligibility", "location", "words"),
    [
        ('"previous-year-score"', "", "eligibility.previous_year_score_min", "is required"),
        ('"consistent-reporting"', "", "eligibility.consistent_years", "is required"),
        ("", "consistent_years = 2", "eligibility.consistent_years", "not enabled"),
        ("", "previous_year_score_min = 80", "eligibility.previous_year_score_min", "not enabled"),
        ('"consistent-reporting"', "consistent_years = 0", "eligibility.consistent_years", "1 to"),
        (
            '"consistent-reporting"',
            "consistent_years = 2.0",
            "eligibility.consistent_years",
            "whole",
        ),
        ('"previous-year-score"', "previous_year_score_min = 101", "", "0 to 100"),
        ('"previous-year-score"', "previous_year_score_min = 1e-999999999", "", "digits"),
        ('"previous-year-score"', 'previous_year_score_min = "80"', "", "number"),
    ],
)
def test_look_back_parameters_are_required_exactly_with_their_criterion(
    criteria, eligibility, location, words
):
    with pytest.raises(RuleSetError, match=words) as caught:
        loads_ruleset(_with(criteria, eligibility), name="mine.toml")
    expected = location or "eligibility.previous_year_score_min"
    assert caught.value.location == f"mine.toml: {expected}"


def test_the_shipped_look_back_rule_set_enables_both_with_a_source_for_every_parameter():
    rules = load_ruleset("ranham-2021-2025/look-back")
    assert rules.eligibility.look_back == (
        Criterion.PREVIOUS_YEAR_SCORE,
        Criterion.CONSISTENT_REPORTING,
    )
    assert rules.missing_sources == ()
    assert "cycle.missing_year" in rules.sources
