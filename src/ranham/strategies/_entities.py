"""Strategies for the entities that documents are made of: plans, actions, institutions, …"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ranham.model import (
    Action,
    ActionPlan,
    FrozenMap,
    Institution,
    InstitutionKind,
    JsonValue,
    SuccessMeasure,
    TargetGroup,
    Tier,
)
from ranham.periods import PeriodCode, zone
from ranham.strategies._values import (
    _KIND_ORDER,
    _REGIONAL,
    DEFAULT_YEARS,
    INDONESIAN_ZONES,
    _agency_codes,
    _check_members,
    _check_years,
    institution_codes,
    maybe_extensions,
    period_codes,
    period_schemes,
    pick,
    pick_some,
    slugs,
    texts,
)

__all__ = [
    "TIERS",
    "ActionDraft",
    "action_drafts",
    "actions",
    "institutions",
    "plans",
    "success_measures",
]

TIERS: tuple[Tier, ...] = (Tier.REGENCY_CITY, Tier.PROVINCE, Tier.KL)
"""Every tier, regencies and cities first (examples shrink to the spec's kabkota action)."""


@cache
def _optional(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    """``None`` or a value; shrinks to ``None`` (an omitted optional field)."""
    return st.one_of(st.none(), strategy)


# --- plans and actions ---------------------------------------------------------------------------


def plans(
    *,
    schemes: Sequence[Sequence[PeriodCode]] | None = None,
    years: Sequence[int] = DEFAULT_YEARS,
    target_groups: Sequence[TargetGroup] | None = None,
    timezones: Sequence[str] = INDONESIAN_ZONES,
) -> st.SearchStrategy[ActionPlan]:
    """Action plans whose years lie within ``years``.

    ``schemes`` lists the period schemes to choose from (any month-ordered set of codes when
    ``None``); ``target_groups`` the groups a plan takes a non-empty subset of; ``timezones``
    the IANA zones. Shrinks to a one-year plan with one period (``B04``) and one target group.
    """
    values = _check_years(years)
    groups = tuple(TargetGroup) if target_groups is None else tuple(target_groups)
    _check_members("target_groups", groups, TargetGroup)
    scheme_list = None if schemes is None else tuple(tuple(s) for s in schemes)
    if scheme_list is not None:
        if not scheme_list:
            raise InvalidArgument("schemes= must hold at least one scheme (got none).")
        for scheme in scheme_list:
            _check_members("schemes", scheme, PeriodCode)
            months = [c.month for c in scheme]
            if months != sorted(set(months)):
                raise InvalidArgument(
                    f"each scheme must be in month order without repeats (got {scheme!r})."
                )
    zones = tuple(timezones)
    if not zones:
        raise InvalidArgument("timezones= must hold at least one zone name (got none).")
    for name in zones:
        try:
            zone(name)
        except ValueError as error:
            raise InvalidArgument(f"timezones= holds {name!r}: {error}") from None
    return _plans(scheme_list, tuple(sorted(set(values))), groups, zones)


@st.composite
def _plans(
    draw: st.DrawFn,
    schemes: tuple[tuple[PeriodCode, ...], ...] | None,
    years: tuple[int, ...],
    groups: tuple[TargetGroup, ...],
    zones: tuple[str, ...],
) -> ActionPlan:
    scheme = draw(period_schemes() if schemes is None else st.sampled_from(schemes))
    start = pick(draw, years)
    end = pick(draw, [y for y in years if y >= start])
    chosen = pick_some(draw, groups, min_size=1)
    return ActionPlan(
        id=draw(st.one_of(st.just(f"ranham-{start}-{end}"), slugs())),
        title=draw(
            st.one_of(
                st.just(f"Rencana Aksi Nasional Hak Asasi Manusia Tahun {start}-{end}"), texts()
            )
        ),
        legal_basis=draw(
            st.one_of(st.sampled_from(("Perpres 53/2021", "Perpres 75/2015")), texts())
        ),
        start_year=start,
        end_year=end,
        target_groups=tuple(chosen),
        periods=scheme,
        timezone=draw(st.sampled_from(zones)),
    )


def success_measures(
    *, scheme: Sequence[PeriodCode] | None = None
) -> st.SearchStrategy[SuccessMeasure]:
    """Success measures (*ukuran keberhasilan*) of a period of ``scheme`` (any code if None)."""
    return st.builds(
        SuccessMeasure, id=slugs(), period=period_codes(scheme=scheme), description=texts()
    )


def _check_tiers(tiers: Sequence[Tier]) -> tuple[Tier, ...]:
    values = tuple(dict.fromkeys(tiers))
    _check_members("tiers", values, Tier)
    return values


def actions(
    *,
    plan: ActionPlan | None = None,
    tiers: Sequence[Tier] = TIERS,
    agencies: Sequence[str] | None = None,
    max_measures_per_period: int = 2,
) -> st.SearchStrategy[Action]:
    """Actions (*Aksi HAM*) that fit ``plan`` (a drawn plan when ``None``).

    The target group is one of the plan's; every period of the plan has 1 to
    ``max_measures_per_period`` measures. A ``kl`` action names one or more ministries or
    agencies, taken from ``agencies`` when given; a regional action names none.
    """
    chosen = _check_tiers(tiers)
    if plan is not None and not isinstance(plan, ActionPlan):
        raise InvalidArgument(f"plan= must be an ActionPlan (got {plan!r}).")
    if max_measures_per_period < 1:
        raise InvalidArgument(
            f"max_measures_per_period= must be >= 1 (got {max_measures_per_period!r})."
        )
    pool = None if agencies is None else tuple(agencies)
    if pool is not None and not pool and Tier.KL in chosen:
        chosen = tuple(t for t in chosen if t is not Tier.KL)
        if not chosen:
            raise InvalidArgument("tiers=(Tier.KL,) needs at least one code in agencies=.")
    plan_strategy = plans() if plan is None else st.just(plan)
    return _actions(plan_strategy, chosen, pool, max_measures_per_period)


@st.composite
def _actions(
    draw: st.DrawFn,
    plan_strategy: st.SearchStrategy[ActionPlan],
    tiers: tuple[Tier, ...],
    agencies: tuple[str, ...] | None,
    max_measures: int,
) -> Action:
    plan = draw(plan_strategy)
    draft = draw(action_drafts(plan, tiers, agencies, max_measures))
    ids = draw(st.lists(slugs(), min_size=draft.size + 1, max_size=draft.size + 1, unique=True))
    number = draw(st.integers(1, 2**53))
    return draft.build(ids[0], number, ids[1:])


@attrs.frozen
class ActionDraft:
    """Everything of an action but its id, number and measure ids (decided by the catalog)."""

    tier: Tier
    target_group: TargetGroup
    title: str
    intended_result: str | None
    success_criteria: str | None
    responsible: tuple[str, ...]
    descriptions: tuple[tuple[PeriodCode, tuple[str, ...]], ...]
    extensions: FrozenMap[str, JsonValue]

    @property
    def size(self) -> int:
        """How many measures the action has."""
        return sum(len(texts) for _, texts in self.descriptions)

    def build(self, action_id: str, number: int, measure_ids: Sequence[str]) -> Action:
        """The action, with ``measure_ids`` given to its measures in period order."""
        ids = iter(measure_ids)
        return Action(
            id=action_id,
            tier=self.tier,
            number=number,
            target_group=self.target_group,
            title=self.title,
            intended_result=self.intended_result,
            success_criteria=self.success_criteria,
            responsible=self.responsible,
            measures=tuple(
                SuccessMeasure(id=next(ids), period=code, description=text)
                for code, texts in self.descriptions
                for text in texts
            ),
            extensions=self.extensions,
        )


@cache
def _text_lists(max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(texts(), min_size=1, max_size=max_size)


@cache
def _agency_lists() -> st.SearchStrategy[list[str]]:
    return st.lists(_agency_codes(), min_size=1, max_size=3, unique=True)


@st.composite
def action_drafts(
    draw: st.DrawFn,
    plan: ActionPlan,
    tiers: Sequence[Tier],
    agencies: Sequence[str] | None,
    max_measures: int,
) -> ActionDraft:
    """Draw the free parts of an action of ``plan``; ``kl`` actions name ``agencies``.

    ``agencies=None`` draws any ministry codes; an empty ``agencies`` turns a ``kl`` draw into
    the next tier of ``tiers`` (the choices drawn are the same either way, so an agency that
    shrinks away shifts nothing).
    """
    tier = draw(st.sampled_from(tuple(tiers)))
    named = pick_some(draw, agencies or ("",), min_size=1, max_size=3)
    responsible: tuple[str, ...] = ()
    if tier is Tier.KL and agencies is None:
        responsible = tuple(draw(_agency_lists()))
    elif tier is Tier.KL and agencies:
        responsible = tuple(named)
    elif tier is Tier.KL:
        others = [t for t in tiers if t is not Tier.KL]
        tier = others[0] if others else Tier.REGENCY_CITY
    # Descriptions for every code, used or not, so that shrinking the plan's scheme does not
    # shift the draws that follow.
    drawn = {code: tuple(draw(_text_lists(max_measures))) for code in PeriodCode}
    return ActionDraft(
        tier=tier,
        target_group=pick(draw, plan.target_groups),
        title=draw(texts()),
        intended_result=draw(_optional(texts())),
        success_criteria=draw(_optional(texts())),
        responsible=responsible,
        descriptions=tuple((code, drawn[code]) for code in plan.periods),
        extensions=draw(maybe_extensions()),
    )


# --- institutions --------------------------------------------------------------------------------

_NAME_PREFIX = {
    InstitutionKind.MINISTRY: "Kementerian",
    InstitutionKind.AGENCY: "Badan",
    InstitutionKind.PROVINCE: "Provinsi",
    InstitutionKind.REGENCY: "Kabupaten",
    InstitutionKind.CITY: "Kota",
}
_PLACES = ("Bekasi", "Sosial", "Jawa Barat", "Jayapura", "Samarinda", "Kepulauan Seribu")


def institutions(
    *, kinds: Sequence[InstitutionKind] | None = None, autonomous: bool | None = None
) -> st.SearchStrategy[Institution]:
    """Institutions (*pelaksana*) whose code fits their kind and parent.

    ``kinds`` limits the kinds (regencies first by default, so examples shrink to one);
    ``autonomous=False`` draws only administrative regencies and cities (as in DKI Jakarta),
    ``True`` only autonomous institutions, ``None`` both.
    """
    chosen = _KIND_ORDER if kinds is None else tuple(dict.fromkeys(kinds))
    _check_members("kinds", chosen, InstitutionKind)
    if autonomous is False:
        chosen = tuple(k for k in chosen if k in _REGIONAL)
        if not chosen:
            raise InvalidArgument("autonomous=False needs kabupaten or kota in kinds=.")
    return _institution_choice(chosen, autonomous)


@cache
def _institution_choice(
    kinds: tuple[InstitutionKind, ...], autonomous: bool | None
) -> st.SearchStrategy[Institution]:
    return st.one_of(*(_institutions(kind, autonomous) for kind in kinds))


@cache
def _names(kind: InstitutionKind) -> st.SearchStrategy[str]:
    prefix = _NAME_PREFIX[kind]
    return st.one_of(st.sampled_from([f"{prefix} {place}" for place in _PLACES]), texts())


@st.composite
def _institutions(draw: st.DrawFn, kind: InstitutionKind, autonomous: bool | None) -> Institution:
    code = draw(institution_codes(kind=kind))
    regional = kind in _REGIONAL
    name = draw(_names(kind))
    if regional and autonomous is None:
        flag = draw(st.sampled_from((True, False)))
    else:
        flag = True if autonomous is None else autonomous
    return Institution(
        code=code,
        kind=kind,
        name=name,
        parent=code[:2] if regional else None,
        autonomous=flag,
    )
