"""The types of the JSON objects of ``ranham score`` and ``ranham eligibility``.

:meth:`Scores.to_json <ranham.rules.Scores.to_json>` returns a :class:`ScoresJson` and
:meth:`Eligibility.to_json <ranham.rules.Eligibility.to_json>` an :class:`EligibilityJson`, so
a dashboard that reads them type-checks under ``mypy --strict`` without a cast:

>>> from ranham import io
>>> from ranham.rules import ScoresJson, score
>>> from ranham.rules.cases import SHIPPED_CASES
>>> data: ScoresJson = score(io.load(SHIPPED_CASES / "bekasi-2022.json")).to_json()
>>> [(i["code"], i["name"], i["annual"]) for i in data["institutions"]][:2]
[('32', 'Jawa Barat', '50.00'), ('32.16', 'Kabupaten Bekasi', '44.44')]

Scores and percentages are :data:`Figure` values: strings with the rule set's ``places``
decimals (``"74.81"``), or ``None`` (JSON ``null``) where the quantity is undefined. Per-period
maps are keyed by the period as written (``"2022-B04"``), in plan order.

``name`` (of an institution in ``institutions`` and of a decision in ``decisions``) is an
addition to the shapes of ``scoring.md``, which has no field for it: the institution's name as
the dataset lists it, right after ``code``. Every other key is exactly ``scoring.md``'s.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypeAlias, TypedDict

__all__ = [
    "ActionScoreJson",
    "CriterionJson",
    "DecisionJson",
    "EligibilityJson",
    "Figure",
    "InstitutionScoreJson",
    "NationalJson",
    "RuleSetRefJson",
    "ScoresJson",
    "TierName",
    "TierScoreJson",
]

Figure: TypeAlias = str | None
"""A score or percentage as JSON shows it: ``places`` decimals, or ``None`` when undefined."""

TierName: TypeAlias = Literal["kl", "provinsi", "kabkota"]
"""A tier as JSON writes it."""


class RuleSetRefJson(TypedDict):
    """The rule set that produced a result: ``{"id": ..., "version": ...}``."""

    id: str
    version: str


class NationalJson(TypedDict):
    """``national``: ``N(p)`` for each period and ``N``."""

    periods: dict[str, Figure]
    annual: Figure


class TierScoreJson(TypedDict):
    """One item of ``tiers``: the tier means, participation, target and achievement ratio."""

    tier: TierName
    periods: dict[str, Figure]
    annual: Figure
    participation: dict[str, Figure]
    target: Figure
    target_met: bool | None
    achieved: int
    targets: int
    achievement_ratio: Figure


class ActionScoreJson(TypedDict):
    """One item of an institution's ``actions`` (``by_action=True``, ``--by action``)."""

    action: str
    periods: dict[str, Figure]
    annual: Figure
    achieved: bool


class InstitutionScoreJson(TypedDict):
    """One item of ``institutions``: an institution's period and annual scores.

    ``actions`` is present only when the actions were asked for (``by_action=True``).
    """

    code: str
    name: str
    tier: TierName
    periods: dict[str, Figure]
    annual: Figure
    achieved: int
    targets: int
    actions: NotRequired[list[ActionScoreJson]]


class ScoresJson(TypedDict):
    """The JSON object of ``ranham score`` (:meth:`ranham.rules.Scores.to_json`)."""

    ruleset: RuleSetRefJson
    year: int
    periods: list[str]
    national: NationalJson
    tiers: list[TierScoreJson]
    institutions: list[InstitutionScoreJson]
    achieved: int
    targets: int
    achievement_ratio: Figure


class CriterionJson(TypedDict):
    """One criterion of a decision; ``observed`` and ``required`` are text for people."""

    id: str
    passed: bool
    observed: str
    required: str


class DecisionJson(TypedDict):
    """One item of ``decisions``; ``rank`` is the rank within the tier when eligible."""

    code: str
    name: str
    tier: TierName
    eligible: bool
    rank: int | None
    criteria: list[CriterionJson]


class EligibilityJson(TypedDict):
    """The JSON object of ``ranham eligibility`` (:meth:`ranham.rules.Eligibility.to_json`)."""

    ruleset: RuleSetRefJson
    year: int
    years: NotRequired[list[int]]
    """Only when a look-back criterion is enabled: every year the decisions read, oldest first."""
    decisions: list[DecisionJson]
