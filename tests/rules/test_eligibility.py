"""Incentive eligibility: the properties of issue 5 and the rules of scoring.md, rechecked
directly against the reports, windows and allegations."""

from __future__ import annotations

import itertools
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ranham import io
from ranham.errors import UnknownNameError
from ranham.model import ReportStatus, Tier
from ranham.rules import Criterion, Eligibility, eligibility, score
from ranham.rules.cases import SHIPPED_CASES
from ranham.rules.numbers import round_half_up

from ._data import THRESHOLDS, datasets, evolve_eligibility, evolve_scoring, rulesets

CASES = SHIPPED_CASES


def eligible(result: Eligibility) -> set[str]:
    return {d.code for d in result.decisions if d.eligible}


def _holds(result: Eligibility, code: str, criterion: Criterion) -> bool:
    """The criterion recomputed from the data, independently of ``ranham.rules.eligibility``."""
    scores = result.scores
    dataset = scores.dataset
    catalog = dataset.catalog
    reports = [dataset.report(code, p) for p in catalog.periods]
    if criterion is Criterion.REPORTED_ON_TIME:
        return all(
            r is not None and r.is_on_time(catalog.windows[r.period.code], catalog.plan.tz)
            for r in reports
        )
    if criterion is Criterion.ALL_VERIFIED:
        return all(r is not None and r.status is ReportStatus.VERIFIED for r in reports)
    rules = scores.ruleset.eligibility
    if criterion is Criterion.ANNUAL_SCORE:
        annual = scores.institution_annual(code)
        return annual is not None and round_half_up(annual, scores.places) >= rules.annual_score_min
    cutoff = rules.allegation_cutoff
    end = date(catalog.year + 1, cutoff.month, cutoff.day)
    return not any(
        date(catalog.year, 1, 1) <= a.reported_on <= end for a in dataset.allegations_against(code)
    )


@given(datasets(), rulesets())
def test_an_eligible_institution_meets_every_enabled_criterion(dataset, ruleset):
    result = score(dataset, ruleset).eligibility()
    assert [d.code for d in result.decisions] == sorted(result.scores.codes)
    for decision in result.decisions:
        assert [c.criterion for c in decision.criteria] == list(ruleset.eligibility.criteria)
        for c in decision.criteria:
            assert c.passed == _holds(result, decision.code, c.criterion), c.criterion
        assert decision.eligible == all(c.passed for c in decision.criteria)
        assert decision.tier is result.scores.institution(decision.code).tier


@given(datasets(), rulesets(), st.data())
def test_disabling_a_criterion_never_makes_an_eligible_institution_ineligible(
    dataset, ruleset, data
):
    criteria = ruleset.eligibility.criteria
    if not criteria:
        return
    dropped = data.draw(st.sampled_from(criteria))
    fewer = evolve_eligibility(ruleset, criteria=tuple(c for c in criteria if c is not dropped))
    before = eligible(score(dataset, ruleset).eligibility())
    assert before <= eligible(score(dataset, fewer).eligibility())


@given(datasets(), rulesets(), THRESHOLDS, THRESHOLDS)
def test_raising_the_minimum_annual_score_never_adds_eligible_institutions(
    dataset, ruleset, low, high
):
    low, high = min(low, high), max(low, high)
    at_low = eligible(
        score(dataset, evolve_eligibility(ruleset, annual_score_min=low)).eligibility()
    )
    at_high = eligible(
        score(dataset, evolve_eligibility(ruleset, annual_score_min=high)).eligibility()
    )
    assert at_high <= at_low


@given(datasets(), rulesets())
def test_ranks_are_a_permutation_per_tier_following_exact_scores(dataset, ruleset):
    result = score(dataset, ruleset).eligibility()
    scores = result.scores
    for tier in Tier:
        ranked = [d for d in result.decisions if d.tier is tier and d.eligible]
        assert sorted(d.rank for d in ranked) == list(range(1, len(ranked) + 1))
        in_order = sorted(ranked, key=lambda d: d.rank)
        assert [d.rank for d in result.ranked(tier)] == [d.rank for d in in_order]
        for higher, lower in itertools.pairwise(in_order):
            a, b = scores.institution_annual(higher.code), scores.institution_annual(lower.code)
            if a is None:
                assert b is None
                assert higher.code < lower.code
            elif b is not None:
                assert a > b or (a == b and higher.code < lower.code)
    assert all(d.rank is None for d in result.decisions if not d.eligible)


def test_the_spec_example_for_bekasi():
    result = eligibility(io.load(CASES / "bekasi-2022.json"))
    decision = result.decision("32.16")
    assert not decision.eligible
    assert [(c.criterion.value, c.passed) for c in decision.criteria] == [
        ("reported-on-time", False),
        ("all-verified", False),
        ("annual-score", False),
        ("no-allegation", False),
    ]
    assert [c.observed.text("id") for c in decision.criteria] == [
        "2 dari 3 periode tepat waktu",
        "2 dari 3 periode terverifikasi",
        "44.44",
        "1 dugaan pelanggaran",
    ]
    assert result.value("eligible(32.16)") is False
    assert result.value("rank(32.16)") is None
    assert result.shown("S(32.16)") == "44.44"
    with pytest.raises(UnknownNameError, match="only institutions with assigned actions"):
        result.decision("31.71")
    with pytest.raises(UnknownNameError, match="is not judged"):
        result.value("eligible(31.71)")


def test_an_undefined_score_is_observed_as_undefined():
    result = eligibility(io.load(CASES / "eligibility-2022.json"))
    annual = next(
        c for c in result.decision("kemenkes").criteria if c.criterion is Criterion.ANNUAL_SCORE
    )
    assert (annual.passed, annual.observed.text("en"), annual.observed.text("id")) == (
        False,
        "undefined",
        "tidak terdefinisi",
    )


def test_the_79995_boundary_is_eligible_with_two_places():
    dataset = io.load(CASES / "threshold-2022.json")
    result = eligibility(dataset)
    assert result.scores.value("S(33.73)") == Fraction(15999, 200)
    assert result.decision("33.73").eligible
    places_3 = evolve_scoring(result.ruleset, places=3)
    assert not eligibility(dataset, places_3).decision("33.73").eligible
