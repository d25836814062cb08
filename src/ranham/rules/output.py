"""The JSON objects of ``ranham score`` and ``ranham eligibility``, exactly as ``scoring.md`` shows.

Scores and percentages are strings with ``places`` decimals, ``null`` where undefined; keys come
in the order of ``scoring.md`` (plus each institution's ``name`` after its ``code``); tiers in the
order ``kl``, ``provinsi``, ``kabkota``; institutions and decisions by code. The same inputs always
give the same object. The types of the objects are in :mod:`ranham.rules._json_types`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ranham.model import Tier
from ranham.periods import ReportingPeriod
from ranham.rules._json_types import (
    ActionScoreJson,
    DecisionJson,
    EligibilityJson,
    InstitutionScoreJson,
    RuleSetRefJson,
    ScoresJson,
    TierName,
    TierScoreJson,
)
from ranham.words import Lang

if TYPE_CHECKING:  # pragma: no cover
    from ranham.rules._eligibility import Eligibility
    from ranham.rules.scoring import Scores

__all__ = ["eligibility_json", "scores_json"]


_TIER_NAMES: dict[Tier, TierName] = {
    Tier.KL: "kl",
    Tier.PROVINCE: "provinsi",
    Tier.REGENCY_CITY: "kabkota",
}


def _ruleset(scores: Scores) -> RuleSetRefJson:
    return {"id": scores.ruleset.id, "version": scores.ruleset.version}


def scores_json(
    scores: Scores,
    *,
    by_action: bool = False,
    period: ReportingPeriod | None = None,
    tier: Tier | None = None,
) -> ScoresJson:
    """The JSON object of ``ranham score`` (see :meth:`~ranham.rules.Scores.to_json`).

    ``tier`` keeps that tier's item of ``tiers`` and its institutions only; the national
    figures and the overall counts stay those of every tier.
    """
    periods = scores.periods if period is None else (period,)
    r = scores.round
    tiers: list[TierScoreJson] = []
    for each in scores.tiers:
        if tier is not None and each is not tier:
            continue
        target = scores.target(each)
        tiers.append(
            {
                "tier": _TIER_NAMES[each],
                "periods": {str(p): r(scores.tier_period(each, p)) for p in periods},
                "annual": r(scores.tier_annual(each)),
                "participation": {str(p): r(scores.participation(each, p)) for p in periods},
                "target": r(target),
                "target_met": scores.target_met(each),
                "achieved": scores.achieved_targets(each),
                "targets": scores.targets(each),
                "achievement_ratio": r(scores.ratio(each)),
            }
        )
    institutions: list[InstitutionScoreJson] = []
    for code in scores.codes if tier is None else scores.members(tier):
        institution = scores.institution(code)
        item: InstitutionScoreJson = {
            "code": code,
            "name": institution.name,
            "tier": _TIER_NAMES[institution.tier],
            "periods": {str(p): r(scores.institution_period(code, p)) for p in periods},
            "annual": r(scores.institution_annual(code)),
            "achieved": scores.achieved_count(code),
            "targets": len(scores.assigned(code)),
        }
        if by_action:
            actions: list[ActionScoreJson] = [
                {
                    "action": action.id,
                    "periods": {
                        str(p): r(scores.action_period(code, action.id, p)) for p in periods
                    },
                    "annual": r(scores.action_annual(code, action.id)),
                    "achieved": scores.achieved(code, action.id),
                }
                for action in scores.assigned(code)
            ]
            item["actions"] = actions
        institutions.append(item)
    return {
        "ruleset": _ruleset(scores),
        "year": scores.year,
        "periods": [str(p) for p in periods],
        "national": {
            "periods": {str(p): r(scores.national_period(p)) for p in periods},
            "annual": r(scores.national()),
        },
        "tiers": tiers,
        "institutions": institutions,
        "achieved": scores.achieved_targets(),
        "targets": scores.targets(),
        "achievement_ratio": r(scores.ratio()),
    }


def eligibility_json(
    result: Eligibility, *, lang: Lang = "en", tier: str | None = None
) -> EligibilityJson:
    """The JSON object of ``ranham eligibility``; ``tier`` keeps one tier's decisions only."""
    scores = result.scores
    decisions: list[DecisionJson] = [
        {
            "code": d.code,
            "name": scores.institution(d.code).name,
            "tier": _TIER_NAMES[d.tier],
            "eligible": d.eligible,
            "rank": d.rank,
            "criteria": [
                {
                    "id": c.criterion.value,
                    "passed": c.passed,
                    "observed": c.observed.text(lang),
                    "required": c.required.text(lang),
                }
                for c in d.criteria
            ],
        }
        for d in result.decisions
        if tier is None or d.tier.value == tier
    ]
    return {"ruleset": _ruleset(scores), "year": scores.year, "decisions": decisions}
