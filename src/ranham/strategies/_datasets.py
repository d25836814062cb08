"""Strategies for datasets: a catalog year with its institutions, reports and allegations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ranham.model import (
    ActionPlan,
    Allegation,
    Catalog,
    Dataset,
    Institution,
    InstitutionKind,
    Report,
    ReportStatus,
    TargetGroup,
    Tier,
    is_assigned,
)
from ranham.periods import PeriodCode, ReportingPeriod, Timing
from ranham.strategies._catalogs import draw_catalog
from ranham.strategies._entities import (
    TIERS,
    _check_tiers,
    _plans,
    institutions,
    plans,
)
from ranham.strategies._reports import (
    STATUSES,
    TIMINGS,
    _check_statuses,
    _check_timings,
    draw_report,
)
from ranham.strategies._values import (
    _KIND_ORDER,
    DEFAULT_YEARS,
    INDONESIAN_ZONES,
    _check_members,
    _check_range,
    _check_sizes,
    _check_years,
    maybe_extensions,
    pick,
    texts,
)

__all__ = ["clean_datasets", "datasets"]

# --- datasets ------------------------------------------------------------------------------------


def datasets(
    *,
    plan: ActionPlan | None = None,
    years: Sequence[int] = DEFAULT_YEARS,
    schemes: Sequence[Sequence[PeriodCode]] | None = None,
    tiers: Sequence[Tier] = TIERS,
    kinds: Sequence[InstitutionKind] | None = None,
    min_institutions: int = 1,
    max_institutions: int = 4,
    min_actions: int = 1,
    max_actions: int = 4,
    min_reports: int = 0,
    max_reports: int = 6,
    statuses: Sequence[ReportStatus] = STATUSES,
    timings: Sequence[Timing] = TIMINGS,
    max_allegations: int = 2,
) -> st.SearchStrategy[Dataset]:
    """Datasets: one catalog year, its institutions, their reports and allegations.

    Every cross-reference is intact: ``kl`` actions name listed ministries and agencies,
    reports name listed institutions and periods of the catalog (at most one per institution
    and period), entries name actions assigned to the institution (regional actions only for
    autonomous institutions), allegations name listed institutions. Institutions are of
    ``kinds`` (by default every kind of ``tiers``); reports are drawn as by :func:`reports`.
    ``min_actions`` is not reached when ``tiers`` is only ``kl`` and no ministry was drawn.

    ``plan`` fixes the plan (e.g. :data:`ranham.reference.RANHAM_2021_2025`, for datasets that
    the shipped rule set scores); the year is then one of its years within ``years``.

    Shrinks to one regency, one ``kabkota`` action with one measure, no report.
    """
    values = _check_years(years)
    chosen_tiers = _check_tiers(tiers)
    if kinds is None:
        chosen_kinds = tuple(k for k in _KIND_ORDER if k.tier in chosen_tiers)
    else:
        chosen_kinds = tuple(dict.fromkeys(kinds))
        _check_members("kinds", chosen_kinds, InstitutionKind)
    _check_range("min_institutions", min_institutions, "max_institutions", max_institutions)
    _check_range("min_actions", min_actions, "max_actions", max_actions)
    _check_range("min_reports", min_reports, "max_reports", max_reports)
    _check_sizes(max_allegations=max_allegations)
    if min_reports and not min_institutions:
        raise InvalidArgument("min_reports= needs min_institutions >= 1.")
    if plan is None:
        plans(schemes=schemes, years=values)  # checks the knobs now
    elif not isinstance(plan, ActionPlan):
        raise InvalidArgument(f"plan= must be an ActionPlan (got {plan!r}).")
    elif not set(values) & set(plan.years):
        raise InvalidArgument(f"years= holds none of the plan's years ({plan.years}).")
    options = _DatasetOptions(
        plan=plan,
        years=tuple(sorted(set(values))),
        schemes=None if schemes is None else tuple(tuple(s) for s in schemes),
        tiers=chosen_tiers,
        kinds=chosen_kinds,
        institutions=(min_institutions, max_institutions),
        actions=(min_actions, max_actions),
        reports=(min_reports, max_reports),
        statuses=_check_statuses(statuses),
        timings=_check_timings(timings),
        max_allegations=max_allegations,
    )
    return _datasets(options)


@attrs.frozen(kw_only=True)
class _DatasetOptions:
    """The checked knobs of :func:`datasets` (plus one that the corruptions use)."""

    plan: ActionPlan | None
    years: tuple[int, ...]
    schemes: tuple[tuple[PeriodCode, ...], ...] | None
    tiers: tuple[Tier, ...]
    kinds: tuple[InstitutionKind, ...]
    institutions: tuple[int, int]
    actions: tuple[int, int]
    reports: tuple[int, int]
    statuses: tuple[ReportStatus, ...]
    timings: tuple[Timing, ...]
    max_allegations: int
    min_measure_entries: int = 0
    complete: bool = False
    min_allegations: int = 0


@st.composite
def _datasets(draw: st.DrawFn, options: _DatasetOptions) -> Dataset:
    # Every list below has bounds fixed by the knobs, and every choice among drawn things is
    # made with ``pick``, so that shrinking one part (an institution, a period) leaves the
    # draws of the other parts where they were: examples shrink to one of everything.
    plan = options.plan
    if plan is None:
        plan = draw(_plans(options.schemes, options.years, tuple(TargetGroup), INDONESIAN_ZONES))
    year = pick(draw, [y for y in options.years if y in plan.years])
    low, high = options.institutions
    listed: list[Institution] = (
        draw(_institution_lists(options.kinds, low, high)) if options.kinds else []
    )
    agencies = [i.code for i in listed if i.tier is Tier.KL]
    tiers = options.tiers
    if tiers == (Tier.KL,) and not agencies:
        tiers = ()
    low_actions, high_actions = options.actions
    catalog = draw_catalog(
        draw, plan, year, tiers, agencies, low_actions if tiers else 0, high_actions, 2
    )
    periods = catalog.periods
    reports_: list[Report] = []
    if listed:
        low_reports, high_reports = options.reports
        if options.min_measure_entries:
            busy = [i for i in listed if any(is_assigned(a, i) for a in catalog.actions)]
            if busy:
                reports_.append(
                    draw(
                        _dataset_reports(
                            catalog,
                            busy,
                            periods,
                            options.statuses,
                            options.timings,
                            1,
                            options.complete,
                        )
                    )
                )
        # Two reports for one institution and period: the later one stays. (Refusing the
        # repeat instead would trap the shrinker: a report could not move to a period that an
        # emptier report holds.)
        drawn = draw(
            st.lists(
                _dataset_reports(
                    catalog,
                    listed,
                    periods,
                    options.statuses,
                    options.timings,
                    0,
                    options.complete,
                ),
                min_size=max(0, min(low_reports, len(listed) * len(periods)) - len(reports_)),
                max_size=high_reports,
            )
        )
        first = {_report_key(r) for r in reports_}  # the one with a measure entry, if asked
        kept = {_report_key(r): r for r in reports_}
        for report in drawn:
            if _report_key(report) not in first:
                kept[_report_key(report)] = report
        reports_ = list(kept.values())
        assume(len(reports_) >= min(low_reports, len(listed) * len(periods)))
    allegations_: list[Allegation] = []
    if listed:
        allegations_ = draw(
            st.lists(
                st.builds(
                    Allegation,
                    institution=_CHOICES.map(lambda n: listed[n % len(listed)].code),
                    reported_on=st.dates(date(year, 1, 1), date(year, 12, 31)),
                    reference=st.one_of(
                        st.integers(1, 9999).map(lambda n: f"ADU-{year}-{n:04d}"), texts()
                    ),
                ),
                min_size=options.min_allegations,
                max_size=options.max_allegations,
                unique_by=_allegation_key,  # the same case recorded twice is duplicate-id
            )
        )
    return Dataset(
        catalog=catalog,
        institutions=tuple(listed),
        reports=tuple(reports_),
        allegations=tuple(allegations_),
        extensions=draw(maybe_extensions()),
    )


_CHOICES = st.integers(0, 255)


def _report_key(report: Report) -> tuple[str, ReportingPeriod]:
    return (report.institution, report.period)


def _allegation_key(allegation: Allegation) -> tuple[str, str]:
    return (allegation.institution, allegation.reference)


def _institution_code(institution: Institution) -> str:
    return institution.code


@cache
def _institution_lists(
    kinds: tuple[InstitutionKind, ...], low: int, high: int
) -> st.SearchStrategy[list[Institution]]:
    return st.lists(
        institutions(kinds=kinds), min_size=low, max_size=high, unique_by=_institution_code
    )


@st.composite
def _dataset_reports(
    draw: st.DrawFn,
    catalog: Catalog,
    listed: Sequence[Institution],
    periods: Sequence[ReportingPeriod],
    statuses: tuple[ReportStatus, ...],
    timings: tuple[Timing, ...],
    min_measure_entries: int,
    complete: bool = False,
) -> Report:
    """One report of a listed institution for a period of the catalog (one span to shrink)."""
    institution = pick(draw, listed)
    period = pick(draw, periods)
    return draw_report(
        draw, catalog, institution, period, statuses, timings, 3, min_measure_entries, complete
    )


def clean_datasets(
    *,
    statuses: Sequence[ReportStatus] = STATUSES,
    min_reports: int = 0,
    min_measure_entries: int = 0,
    min_allegations: int = 0,
) -> st.SearchStrategy[Dataset]:
    """Datasets that validate without any issue (every report on time and complete)."""
    options = _DatasetOptions(
        plan=None,
        years=tuple(DEFAULT_YEARS),
        schemes=None,
        tiers=TIERS,
        kinds=_KIND_ORDER,
        institutions=(1, 4),
        actions=(1, 4),
        reports=(min_reports, 6),
        statuses=_check_statuses(statuses),
        timings=(Timing.ON_TIME,),
        max_allegations=2,
        min_measure_entries=min_measure_entries,
        complete=True,
        min_allegations=min_allegations,
    )
    return _datasets(options)
