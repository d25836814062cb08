"""The JSON objects of ``ranham score`` and ``ranham eligibility``, exactly as ``scoring.md`` shows.

Scores and percentages are strings with ``places`` decimals, ``null`` where undefined; keys come
in the order of ``scoring.md``; tiers in the order ``kl``, ``provinsi``, ``kabkota``; institutions
and decisions by code. The same inputs always give the same object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ranham.periods import ReportingPeriod
from ranham.words import Lang

if TYPE_CHECKING:  # pragma: no cover
    from ranham.rules.eligibility import Eligibility
    from ranham.rules.scoring import Scores

__all__ = ["eligibility_json", "scores_json"]


def _ruleset(scores: Scores) -> dict[str, str]:
    return {"id": scores.ruleset.id, "version": scores.ruleset.version}


def scores_json(
    scores: Scores, *, by_action: bool = False, period: ReportingPeriod | None = None
) -> dict[str, Any]:
    """The JSON object of ``ranham score`` (see :meth:`~ranham.rules.Scores.to_json`)."""
    periods = scores.periods if period is None else (period,)
    r = scores.round
    tiers = []
    for tier in scores.tiers:
        target = scores.target(tier)
        tiers.append(
            {
                "tier": tier.value,
                "periods": {str(p): r(scores.tier_period(tier, p)) for p in periods},
                "annual": r(scores.tier_annual(tier)),
                "participation": {str(p): r(scores.participation(tier, p)) for p in periods},
                "target": r(target),
                "target_met": scores.target_met(tier),
                "achieved": scores.achieved_targets(tier),
                "targets": scores.targets(tier),
                "achievement_ratio": r(scores.ratio(tier)),
            }
        )
    institutions = []
    for code in scores.codes:
        item: dict[str, Any] = {
            "code": code,
            "tier": scores.institution(code).tier.value,
            "periods": {str(p): r(scores.institution_period(code, p)) for p in periods},
            "annual": r(scores.institution_annual(code)),
            "achieved": scores.achieved_count(code),
            "targets": len(scores.assigned(code)),
        }
        if by_action:
            item["actions"] = [
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
) -> dict[str, Any]:
    """The JSON object of ``ranham eligibility``; ``tier`` keeps one tier's decisions only."""
    return {
        "ruleset": _ruleset(result.scores),
        "year": result.scores.year,
        "decisions": [
            {
                "code": d.code,
                "tier": d.tier.value,
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
        ],
    }
