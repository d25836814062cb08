"""Explanation nodes of the eligibility criteria: the reports, windows and allegations."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from ranham.errors import UnknownNameError
from ranham.model import ReportStatus
from ranham.periods import ReportingPeriod, Timing
from ranham.rules._eligibility import CriterionResult, allegation_window
from ranham.rules.node import Node
from ranham.rules.numbers import fixed
from ranham.rules.quantities import name
from ranham.rules.ruleset import Criterion
from ranham.rules.scoring import Scores
from ranham.rules.texts import Message

if TYPE_CHECKING:  # pragma: no cover
    from ranham.rules._explain import _Explainer

__all__ = ["FACTS", "criterion_node"]


Facts: TypeAlias = tuple[dict[str, str], tuple[Node, ...]]
"""The parameters a criterion used and the nodes of the facts it rests on."""


def _on_time_facts(explainer: _Explainer, code: str) -> Facts:
    return {}, tuple(_on_time(explainer, code, p) for p in explainer.s.periods)


def _verified_facts(explainer: _Explainer, code: str) -> Facts:
    return {}, tuple(_verified(explainer, code, p) for p in explainer.s.periods)


def _annual_facts(explainer: _Explainer, code: str) -> Facts:
    scores = explainer.s
    params = {
        "annual_score_min": fixed(scores.ruleset.eligibility.annual_score_min, scores.places) or "",
        "places": str(scores.places),
    }
    return params, (explainer.institution_annual(code),)


def _allegation_facts(explainer: _Explainer, code: str) -> Facts:
    params = {"allegation_cutoff": str(explainer.s.ruleset.eligibility.allegation_cutoff)}
    return params, _allegations(explainer, code)


def _previous_facts(explainer: _Explainer, code: str) -> Facts:
    scores = explainer.s
    minimum = scores.ruleset.eligibility.previous_year_score_min
    params = {
        "previous_year_score_min": fixed(minimum, scores.places) or "",
        "places": str(scores.places),
    }
    year = scores.year - 1
    if year < scores.dataset.catalog.plan.start_year:
        return params, ()
    return params, (_year_annual(explainer, year, code),)


def _year_annual(explainer: _Explainer, year: int, code: str) -> Node:
    """``S(CODE,YEAR)`` of an earlier year, with that year's own explanation below it."""
    from ranham.rules._explain import _Explainer

    other = explainer.s.history[year]
    if other.ruleset != explainer.s.ruleset:
        other = Scores(dataset=other.dataset, ruleset=explainer.s.ruleset)
    listed = other.listed(code)
    if listed is None or listed not in other.codes:
        return Node(
            quantity=name("S", code, year),
            value=None,
            step="cycle",
            why=Message("cycle.absent", {"year": year}),
        )
    below = _Explainer(other).institution_annual(listed)
    return Node(
        quantity=name("S", code, year),
        value=below.value,
        rounded=below.rounded,
        step="cycle",
        why=Message("look-back.previous", {"year": year}),
        children=(below,),
    )


def _consistent_facts(explainer: _Explainer, code: str) -> Facts:
    from ranham.rules._explain import _Explainer

    scores = explainer.s
    n = scores.ruleset.eligibility.consistent_years or 1
    params = {"consistent_years": str(n)}
    first = scores.dataset.catalog.plan.start_year
    nodes: list[Node] = []
    for year in range(max(first, scores.year - n + 1), scores.year + 1):
        other = scores if year == scores.year else scores.history[year]
        listed = other.listed(code)
        quantity = name("reported-on-time", code, year)
        if listed is None or listed not in other.codes:
            nodes.append(
                Node(
                    quantity=quantity,
                    value=False,
                    step="criterion",
                    why=Message("look-back.unlisted", {"year": year}),
                )
            )
            continue
        inner = _Explainer(other) if other is not scores else explainer
        periods = tuple(_on_time(inner, listed, p) for p in other.periods)
        nodes.append(
            Node(
                quantity=quantity,
                value=all(p.value for p in periods),
                step="criterion",
                why=Message("look-back.year", {"year": year}),
                children=periods,
            )
        )
    return params, tuple(nodes)


FACTS: dict[Criterion, Callable[[_Explainer, str], Facts]] = {
    Criterion.REPORTED_ON_TIME: _on_time_facts,
    Criterion.ALL_VERIFIED: _verified_facts,
    Criterion.ANNUAL_SCORE: _annual_facts,
    Criterion.NO_ALLEGATION: _allegation_facts,
    Criterion.PREVIOUS_YEAR_SCORE: _previous_facts,
    Criterion.CONSISTENT_REPORTING: _consistent_facts,
}
"""The registry of criterion explanations: each criterion's parameters and facts. A criterion
without an entry is refused with :class:`~ranham.errors.UnknownNameError`."""


def criterion_node(explainer: _Explainer, code: str, result: CriterionResult) -> Node:
    """The node of one criterion for ``code``, with the facts it rests on as children."""
    criterion = result.criterion
    facts = FACTS.get(criterion)
    if facts is None:
        raise UnknownNameError(f"no explanation is registered for the criterion {criterion!r}.")
    params, children = facts(explainer, code)
    return Node(
        quantity=name(criterion.value, code),
        value=result.passed,
        step="criterion",
        params=params,
        why=Message(
            "criterion.value",
            {"observed": result.observed, "required": result.required},
        ),
        children=children,
    )


def _on_time(explainer: _Explainer, code: str, period: ReportingPeriod) -> Node:
    scores = explainer.s
    catalog = scores.dataset.catalog
    report = scores.dataset.report(code, period)
    quantity = name("on_time", code, period)
    if report is None:
        return Node(
            quantity=quantity,
            value=False,
            step="criterion",
            why=Message("on-time.missing", {"period": str(period)}),
        )
    window = catalog.windows[report.period.code]
    at = report.submitted_at
    if at is None:
        return Node(
            quantity=quantity,
            value=False,
            step="criterion",
            why=Message("on-time.never", {"period": str(period), "status": report.status.value}),
        )
    timing = window.timing(at, catalog.plan.tz)
    ok = timing is Timing.ON_TIME
    return Node(
        quantity=quantity,
        value=ok,
        step="criterion",
        why=Message(
            "on-time.value",
            {
                "day": at.astimezone(catalog.plan.tz).date().isoformat(),
                "timing": Message(f"timing.{timing.value}"),
                "opens": window.opens.isoformat(),
                "closes": window.closes.isoformat(),
            },
        ),
    )


def _verified(explainer: _Explainer, code: str, period: ReportingPeriod) -> Node:
    report = explainer.s.dataset.report(code, period)
    quantity = name("verified", code, period)
    if report is None:
        return Node(
            quantity=quantity,
            value=False,
            step="criterion",
            why=Message("verified.missing", {"period": str(period)}),
        )
    ok = report.status is ReportStatus.VERIFIED
    return Node(
        quantity=quantity,
        value=ok,
        step="criterion",
        why=Message("verified.value", {"status": report.status.value}),
    )


def _allegations(explainer: _Explainer, code: str) -> tuple[Node, ...]:
    scores = explainer.s
    start, end = allegation_window(scores)
    found = sorted(
        scores.dataset.allegations_against(code), key=lambda a: (a.reported_on, a.reference)
    )
    nodes = []
    for allegation in found:
        counts = start <= allegation.reported_on <= end
        nodes.append(
            Node(
                quantity=name("allegation", code, allegation.reference),
                value=counts,
                step="criterion",
                why=Message(
                    "allegation.counts" if counts else "allegation.ignored",
                    {
                        "reference": allegation.reference,
                        "day": allegation.reported_on.isoformat(),
                        "start": start.isoformat(),
                        "end": end.isoformat(),
                    },
                ),
            )
        )
    return tuple(nodes)
