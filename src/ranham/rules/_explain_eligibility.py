"""Explanation nodes of the eligibility criteria: the reports, windows and allegations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ranham.model import ReportStatus
from ranham.periods import ReportingPeriod, Timing
from ranham.rules.eligibility import CriterionResult, allegation_window
from ranham.rules.node import Node
from ranham.rules.numbers import fixed
from ranham.rules.quantities import name
from ranham.rules.ruleset import Criterion
from ranham.rules.texts import Message

if TYPE_CHECKING:  # pragma: no cover
    from ranham.rules.explain import _Explainer

__all__ = ["criterion_node"]


def criterion_node(explainer: _Explainer, code: str, result: CriterionResult) -> Node:
    """The node of one criterion for ``code``, with the facts it rests on as children."""
    scores = explainer.s
    criterion = result.criterion
    params: dict[str, str] = {}
    if criterion is Criterion.REPORTED_ON_TIME:
        children = tuple(_on_time(explainer, code, p) for p in scores.periods)
    elif criterion is Criterion.ALL_VERIFIED:
        children = tuple(_verified(explainer, code, p) for p in scores.periods)
    elif criterion is Criterion.ANNUAL_SCORE:
        rules = scores.ruleset.eligibility
        params = {
            "annual_score_min": fixed(rules.annual_score_min, scores.places) or "",
            "places": str(scores.places),
        }
        children = (explainer.institution_annual(code),)
    else:
        params = {"allegation_cutoff": str(scores.ruleset.eligibility.allegation_cutoff)}
        children = _allegations(explainer, code)
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
