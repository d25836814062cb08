"""Strategies for catalogs: a plan year's actions, measures and windows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ranham.model import (
    ActionPlan,
    Catalog,
    Tier,
)
from ranham.periods import PeriodCode
from ranham.strategies._entities import (
    TIERS,
    ActionDraft,
    _check_tiers,
    action_drafts,
    plans,
)
from ranham.strategies._values import (
    DEFAULT_YEARS,
    _check_range,
    _check_years,
    catalog_windows,
    maybe_extensions,
    slugs,
)

__all__ = ["catalogs", "draw_catalog"]

# --- catalogs ------------------------------------------------------------------------------------


def catalogs(
    *,
    plan: ActionPlan | None = None,
    years: Sequence[int] = DEFAULT_YEARS,
    schemes: Sequence[Sequence[PeriodCode]] | None = None,
    tiers: Sequence[Tier] = TIERS,
    min_actions: int = 1,
    max_actions: int = 3,
    max_measures_per_period: int = 2,
) -> st.SearchStrategy[Catalog]:
    """Catalogs: a plan year's actions with their measures and the windows of its periods.

    ``plan`` fixes the plan (else one is drawn from ``years`` and ``schemes``, see
    :func:`plans`); the catalog year is one of the plan's. Action ids, measure ids and
    ``(tier, number)`` are unique; half of the catalogs use the readable ids of the spec
    (``2022-kabkota-1``, ``2022-kabkota-1-b04-1``), the rest arbitrary slugs. Shrinks to one
    ``kabkota`` action with one measure in a one-period plan.
    """
    chosen = _check_tiers(tiers)
    _check_range("min_actions", min_actions, "max_actions", max_actions)
    if max_measures_per_period < 1:
        raise InvalidArgument(
            f"max_measures_per_period= must be >= 1 (got {max_measures_per_period!r})."
        )
    if plan is not None:
        if not isinstance(plan, ActionPlan):
            raise InvalidArgument(f"plan= must be an ActionPlan (got {plan!r}).")
        plan_strategy: st.SearchStrategy[ActionPlan] = st.just(plan)
        year_pool = tuple(plan.years)
    else:
        year_pool = _check_years(years)
        plan_strategy = plans(schemes=schemes, years=year_pool)
    return _catalogs(
        plan_strategy, year_pool, chosen, min_actions, max_actions, max_measures_per_period
    )


@st.composite
def _catalogs(
    draw: st.DrawFn,
    plan_strategy: st.SearchStrategy[ActionPlan],
    years: tuple[int, ...],
    tiers: tuple[Tier, ...],
    min_actions: int,
    max_actions: int,
    max_measures: int,
) -> Catalog:
    plan = draw(plan_strategy)
    year = draw(st.sampled_from([y for y in sorted(set(years)) if y in plan.years]))
    return draw_catalog(draw, plan, year, tiers, None, min_actions, max_actions, max_measures)


def draw_catalog(
    draw: st.DrawFn,
    plan: ActionPlan,
    year: int,
    tiers: Sequence[Tier],
    agencies: Sequence[str] | None,
    min_actions: int,
    max_actions: int,
    max_measures: int,
) -> Catalog:
    """Draw a catalog of ``plan`` for ``year``; ``kl`` actions name codes of ``agencies``."""
    windows = draw(catalog_windows(plan, year=year))
    drafts: list[ActionDraft] = (
        draw(
            st.lists(
                action_drafts(plan, tiers, agencies, max_measures),
                min_size=min_actions,
                max_size=max_actions,
            )
        )
        if tiers
        else []
    )
    size = len(drafts)
    total = sum(d.size for d in drafts)
    if not draw(st.booleans()):  # readable ids, as in format.md
        per_tier: Counter[Tier] = Counter()
        numbers = []
        for draft in drafts:
            per_tier[draft.tier] += 1
            numbers.append(per_tier[draft.tier])
        action_ids = [f"{year}-{d.tier.value}-{n}" for d, n in zip(drafts, numbers, strict=True)]
        measure_ids = [
            [
                f"{action_id}-{code.value.lower()}-{k}"
                for code, texts_ in draft.descriptions
                for k in range(1, len(texts_) + 1)
            ]
            for action_id, draft in zip(action_ids, drafts, strict=True)
        ]
    else:
        numbers = draw(st.lists(st.integers(1, 2**53), min_size=size, max_size=size, unique=True))
        action_ids = draw(st.lists(slugs(), min_size=size, max_size=size, unique=True))
        pool = iter(draw(st.lists(slugs(), min_size=total, max_size=total, unique=True)))
        measure_ids = [[next(pool) for _ in range(d.size)] for d in drafts]
    built = tuple(
        draft.build(action_id, number, ids)
        for draft, action_id, number, ids in zip(
            drafts, action_ids, numbers, measure_ids, strict=True
        )
    )
    return Catalog(
        plan=plan,
        year=year,
        windows=windows,
        actions=built,
        extensions=draw(maybe_extensions()),
    )
