"""Dispatch by registries: every name and criterion has its handler, and no other is guessed.

Before, ``Scores._by_name``, ``_Explainer.quantity``, ``Eligibility.value``, ``decide`` and
``criterion_node`` ended in an ``else`` that read any other name as the last case (issue 15).
"""

from __future__ import annotations

import re

import pytest

from ranham import io
from ranham.errors import PeriodError, RanhamError, UnknownChoiceError, UnknownNameError
from ranham.model import Tier
from ranham.rules import CYCLE_QUANTITIES, Criterion, Quantity, score
from ranham.rules import eligibility as eligibility_of
from ranham.rules.cases import SHIPPED_CASES
from ranham.rules.quantities import CYCLE_FORMS, FORMS

BEKASI = SHIPPED_CASES / "bekasi-2022.json"


@pytest.fixture(scope="module")
def scores():
    return score(io.load(BEKASI))


def _registered():
    from ranham.rules._eligibility import DECISION_QUANTITIES, JUDGES
    from ranham.rules._explain import EXPLAINERS
    from ranham.rules._explain_eligibility import FACTS
    from ranham.rules.scoring import QUANTITIES

    return QUANTITIES, DECISION_QUANTITIES, JUDGES, EXPLAINERS, FACTS


def _forms(forms):
    found = set()
    for form in forms:
        function, _, rest = form.partition("(")
        found.add((function, rest.count(",") + 1 if rest else 0))
    return found


def test_every_form_of_one_year_has_a_value_and_an_explanation():
    quantities, decisions, _, explainers, _ = _registered()
    assert set(quantities) | set(decisions) == _forms(FORMS)
    assert set(explainers) == _forms(FORMS)


def test_every_criterion_has_a_judge_and_an_explanation():
    _, _, judges, _, facts = _registered()
    assert set(judges) == set(Criterion)
    assert set(facts) == set(Criterion)


def test_every_form_across_years_is_registered():
    assert {(f, n) for f, n, kind in CYCLE_QUANTITIES if kind != "period"} == _forms(CYCLE_FORMS)


@pytest.mark.parametrize(
    "quantity",
    [Quantity("bogus", ("kl",)), Quantity("target_met", ()), Quantity("rank", ("32.16", "x"))],
)
def test_a_name_outside_the_registry_is_refused_not_read_as_another(scores, quantity):
    with pytest.raises(UnknownNameError):
        scores.value(quantity)
    with pytest.raises(UnknownNameError):
        scores.eligibility().value(quantity)


def test_the_explainer_refuses_a_name_outside_its_registry(scores):
    from ranham.rules._explain import _Explainer

    with pytest.raises(UnknownNameError):
        _Explainer(scores).quantity(Quantity("bogus", ("32.16",)))


def test_a_criterion_without_a_judge_is_refused(monkeypatch):
    judges = _registered()[2]
    monkeypatch.delitem(judges, Criterion.NO_ALLEGATION)
    with pytest.raises(UnknownNameError, match="no-allegation"):
        score(io.load(BEKASI)).eligibility()


def test_a_criterion_without_an_explanation_is_refused(monkeypatch, scores):
    from ranham.rules import explain

    facts = _registered()[4]
    monkeypatch.delitem(facts, Criterion.ANNUAL_SCORE)
    with pytest.raises(UnknownNameError, match="annual-score"):
        explain(score(io.load(BEKASI)), "eligible(32.16)")


# -- the error kinds of issue 15 --------------------------------------------------------------


def test_ranked_with_a_text_that_is_no_tier_is_a_value_error_of_ranham():
    result = eligibility_of(io.load(BEKASI))
    with pytest.raises(UnknownChoiceError, match="'x' is not a tier") as caught:
        result.ranked("x")
    # a ranham error, and both builtins: Tier("x") is a ValueError, an unknown name a LookupError
    assert isinstance(caught.value, RanhamError)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, UnknownNameError)
    assert [d.code for d in result.ranked("kabkota")] == [
        d.code for d in result.ranked(Tier.REGENCY_CITY)
    ]


@pytest.mark.parametrize(
    "call",
    [
        lambda scores: scores.eligibility().ranked("KL"),
        lambda scores: scores.to_json(tier="x"),
        lambda scores: scores.eligibility().to_json(tier="x"),
        lambda scores: scores.tier_annual("x"),
        lambda scores: scores.tier_period("provinces", "2022-B04"),
    ],
    ids=["ranked", "scores-json", "eligibility-json", "tier-annual", "tier-period"],
)
def test_every_text_that_is_no_tier_raises_the_same_error(scores, call):
    with pytest.raises(UnknownChoiceError, match="is not a tier; the tiers are kl, provinsi"):
        call(scores)


def test_a_tier_in_a_quantity_name_is_still_an_unknown_quantity(scores):
    with pytest.raises(UnknownNameError, match=re.escape("T(x)")) as caught:
        scores.value("T(x)")
    assert type(caught.value) is UnknownNameError


@pytest.mark.parametrize("period", ["2022-B4", "garbage", "2022-B05"])
def test_a_malformed_period_raises_the_public_period_error(scores, period):
    with pytest.raises(PeriodError) as caught:
        scores.institution_period("32.16", period)
    assert type(caught.value) is PeriodError
    assert isinstance(caught.value, RanhamError)
    assert isinstance(caught.value, ValueError)


def test_a_well_formed_period_of_another_year_is_an_unknown_name(scores):
    with pytest.raises(UnknownNameError) as caught:
        scores.institution_period("32.16", "2023-B04")
    assert type(caught.value) is UnknownNameError


def test_a_malformed_period_in_a_name_is_still_an_unknown_quantity(scores):
    with pytest.raises(UnknownNameError, match="2022-B4"):
        scores.value("S(32.16,2022-B4)")
