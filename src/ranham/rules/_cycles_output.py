"""The JSON object of ``ranham trend`` (documented in the reference, "JSON output")."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ranham.model import Tier
from ranham.rules.numbers import fixed_change
from ranham.rules.scoring import TIERS

if TYPE_CHECKING:  # pragma: no cover
    from ranham.rules.cycles import Cycles

__all__ = ["cycles_json"]


def _by_year(
    cycles: Cycles, of: Callable[[int], Fraction | None], *, change: bool = False
) -> dict[str, str | None]:
    if change:
        return {str(y): fixed_change(of(y), cycles.places) for y in cycles.years}
    return {str(y): cycles.round(of(y)) for y in cycles.years}


def cycles_json(cycles: Cycles, *, code: str | None = None) -> dict[str, Any]:
    """Years, nation, tiers and institutions across years; ``code`` keeps one institution."""
    out: dict[str, Any] = {
        "ruleset": {"id": cycles.ruleset.id, "version": cycles.ruleset.version},
        "years": list(cycles.years),
        "missing_year": cycles.missing_year.value,
    }
    if code is None:
        out["national"] = {
            "annual": _by_year(cycles, cycles.national),
            "change": _by_year(cycles, cycles.national_change, change=True),
            "plan": cycles.round(cycles.national_plan()),
        }
        tiers = [t for t in TIERS if any(cycles.by_year[y].members(t) for y in cycles.years)]
        out["tiers"] = [_tier(cycles, tier) for tier in tiers]
    codes = cycles.codes if code is None else (cycles._key(code),)
    out["institutions"] = [_institution(cycles, key) for key in codes]
    return out


def _tier(cycles: Cycles, tier: Tier) -> dict[str, Any]:
    return {
        "tier": tier.value,
        "annual": _by_year(cycles, lambda y: cycles.tier_annual(tier, y)),
        "change": _by_year(cycles, lambda y: cycles.tier_change(tier, y), change=True),
        "plan": cycles.round(cycles.tier_plan(tier)),
        "participation": _by_year(cycles, lambda y: cycles.participation(tier, y)),
        "achievement_ratio": _by_year(cycles, lambda y: cycles.ratio(tier, y)),
    }


def _institution(cycles: Cycles, key: str) -> dict[str, Any]:
    annual = cycles.trajectory(key)  # the same values as annual() and change(), read once
    places = cycles.places
    change: dict[str, str | None] = {}
    for year in cycles.years:
        now, before = annual.get(year), annual.get(year - 1)
        change[str(year)] = (
            None if now is None or before is None else fixed_change(now - before, places)
        )
    return {
        "code": key,
        "tier": cycles.tier_of(key).value,
        "listed_as": {str(y): cycles.listed(key, y) for y in cycles.years},
        "annual": {str(y): cycles.round(annual.get(y)) for y in cycles.years},
        "change": change,
        "plan": cycles.round(cycles.plan_score(key)),
    }
