"""Strategies for reports that fit a catalog and an institution, with a workflow history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta, tzinfo

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ranham.model import (
    Action,
    ActionEntry,
    Catalog,
    Institution,
    InstitutionKind,
    Report,
    ReportStatus,
    StatusChange,
    Tier,
    is_assigned,
)
from ranham.periods import PeriodCode, ReportingPeriod, Timing, Window
from ranham.strategies._catalogs import catalogs
from ranham.strategies._entities import (
    _optional,
    institutions,
)
from ranham.strategies._parts import (
    draw_action_entry,
)
from ranham.strategies._values import (
    _check_members,
    _check_sizes,
    instant_on,
    maybe_extensions,
    pick,
    pick_some,
    texts,
    utc_offsets,
)

__all__ = ["STATUSES", "TIMINGS", "draw_report", "reports", "reports_with_entries"]

STATUSES: tuple[ReportStatus, ...] = tuple(ReportStatus)
"""Every report status, ``draft`` first (reports shrink to a draft)."""

TIMINGS: tuple[Timing, ...] = (Timing.ON_TIME, Timing.LATE, Timing.EARLY)
"""Every timing of a first submission, on time first (reports shrink to an on-time one)."""


# --- reports -------------------------------------------------------------------------------------


def _check_statuses(statuses: Sequence[ReportStatus]) -> tuple[ReportStatus, ...]:
    values = tuple(dict.fromkeys(statuses))
    _check_members("statuses", values, ReportStatus)
    return values


def _check_timings(timings: Sequence[Timing]) -> tuple[Timing, ...]:
    values = tuple(dict.fromkeys(timings))
    _check_members("timings", values, Timing)
    return values


def reports(
    *,
    catalog: Catalog | None = None,
    institution: Institution | None = None,
    period: PeriodCode | ReportingPeriod | None = None,
    statuses: Sequence[ReportStatus] = STATUSES,
    timings: Sequence[Timing] = TIMINGS,
    max_entries: int = 3,
) -> st.SearchStrategy[Report]:
    """Reports that fit ``catalog`` and ``institution`` (both drawn when ``None``).

    The report is for ``period`` (a period of the catalog's year; drawn when ``None``) and ends
    in one of ``statuses``. Its history follows the workflow (``draft → submitted``, any number
    of ``returned → submitted`` rounds, then ``returned`` or ``verified``), in time order, and
    its first submission is early, on time or late against the period's window in the plan's
    time zone, as drawn from ``timings``. Entries name actions assigned to the institution and
    measures of the period; assessments are present on every measure of a verified report, may
    be on a returned one and are absent otherwise.

    Shrinks to a draft report without entries for the catalog's first period.
    """
    chosen_statuses = _check_statuses(statuses)
    chosen_timings = _check_timings(timings)
    _check_sizes(max_entries=max_entries)
    if catalog is not None and not isinstance(catalog, Catalog):
        raise InvalidArgument(f"catalog= must be a Catalog (got {catalog!r}).")
    if institution is not None and not isinstance(institution, Institution):
        raise InvalidArgument(f"institution= must be an Institution (got {institution!r}).")
    code: PeriodCode | None = None
    if isinstance(period, ReportingPeriod):
        if catalog is not None and period not in catalog.periods:
            raise InvalidArgument(f"period= {period} is not a period of the catalog.")
        code = period.code
    elif period is not None:
        if not isinstance(period, PeriodCode):
            raise InvalidArgument(f"period= must be a PeriodCode or ReportingPeriod ({period!r}).")
        if catalog is not None and period not in catalog.plan.periods:
            raise InvalidArgument(f"period= {period} is not a period of the catalog's plan.")
        code = period
    catalogs_ = catalogs() if catalog is None else st.just(catalog)
    if catalog is None and code is not None:
        catalogs_ = catalogs(schemes=[(code,)])
    return _reports(catalogs_, institution, code, chosen_statuses, chosen_timings, max_entries)


@st.composite
def _reports(
    draw: st.DrawFn,
    catalogs_: st.SearchStrategy[Catalog],
    institution: Institution | None,
    code: PeriodCode | None,
    statuses: tuple[ReportStatus, ...],
    timings: tuple[Timing, ...],
    max_entries: int,
) -> Report:
    catalog = draw(catalogs_)
    if institution is None:
        institution = draw(institutions_for(catalog))
    if code is None:
        code = pick(draw, catalog.plan.periods)
    period = ReportingPeriod(catalog.year, code)
    return draw_report(draw, catalog, institution, period, statuses, timings, max_entries, 0)


def institutions_for(catalog: Catalog) -> st.SearchStrategy[Institution]:
    """Institutions for reports on ``catalog``: any, or a ministry its ``kl`` actions name."""
    named = tuple(dict.fromkeys(code for a in catalog.actions for code in a.responsible))
    if not named:
        return institutions()
    return st.one_of(institutions(), agencies_named(named))


def agencies_named(codes: Sequence[str]) -> st.SearchStrategy[Institution]:
    """A ministry or agency with one of ``codes``."""
    return st.builds(
        lambda index, kind, name: Institution(code=codes[index], kind=kind, name=name),
        st.integers(0, len(codes) - 1),
        st.sampled_from((InstitutionKind.MINISTRY, InstitutionKind.AGENCY)),
        st.one_of(st.sampled_from(_AGENCY_NAMES), texts()),
    )


_AGENCY_NAMES = ("Kementerian Sosial", "Kementerian Kesehatan", "Badan Nasional Penanggulangan")


def draw_report(
    draw: st.DrawFn,
    catalog: Catalog,
    institution: Institution,
    period: ReportingPeriod,
    statuses: Sequence[ReportStatus],
    timings: Sequence[Timing],
    max_entries: int,
    min_measure_entries: int,
    complete: bool = False,
) -> Report:
    """Draw a report of ``institution`` on ``catalog`` for ``period``.

    ``min_measure_entries`` (0 or 1) asks for at least one measure entry when the institution
    has an assigned action. ``complete`` lists every measure of the period of every assigned
    action (so that no ``incomplete-report`` warning applies), whatever ``max_entries`` says.
    """
    status = draw(st.sampled_from(tuple(statuses)))
    assigned = [a for a in catalog.actions if is_assigned(a, institution)]
    want = 1 if (min_measure_entries and assigned) else 0
    chosen: list[Action] = (
        assigned
        if complete
        else pick_some(
            draw, assigned, min_size=min(want, max_entries), max_size=max(max_entries, want)
        )
    )
    assessed = {
        ReportStatus.VERIFIED: True,
        ReportStatus.RETURNED: None,
    }.get(status, False)
    entries: list[ActionEntry] = []
    for index, action in enumerate(chosen):
        own = [m.id for m in action.measures_for(period.code)]
        ids = (
            own
            if complete
            else pick_some(draw, own, min_size=1 if index < want else 0, max_size=max(4, len(own)))
        )
        entries.append(draw_action_entry(draw, action.id, ids, assessed))
    history = draw_history(
        draw, status, catalog.windows[period.code], catalog.plan.tz, tuple(timings)
    )
    return Report(
        institution=institution.code,
        period=period,
        status=status,
        history=history,
        entries=tuple(entries),
        extensions=draw(maybe_extensions()),
    )


_GAPS = st.integers(0, 30 * 86400)
_CLOCKS = st.times()
_BY = st.one_of(st.sampled_from(("tim-verifikator-2", "admin-sapa-ham")), texts())


def draw_history(
    draw: st.DrawFn,
    status: ReportStatus,
    window: Window,
    plan_tz: tzinfo,
    timings: tuple[Timing, ...],
) -> tuple[StatusChange, ...]:
    """Draw a workflow history that ends in ``status``, first submitted as ``timings`` allows."""
    if status is ReportStatus.DRAFT:
        return ()
    rounds = draw(st.integers(0, 2))
    steps = [ReportStatus.SUBMITTED]
    steps += [ReportStatus.RETURNED, ReportStatus.SUBMITTED] * rounds
    if status is not ReportStatus.SUBMITTED:
        steps.append(status)
    timing = draw(st.sampled_from(timings))
    if timing is Timing.ON_TIME:
        day = draw(st.dates(window.opens, window.closes))
    elif timing is Timing.EARLY:
        day = window.opens - timedelta(days=draw(st.integers(1, 30)))
    else:
        day = window.closes + timedelta(days=draw(st.integers(1, 90)))
    at = instant_on(day, draw(_CLOCKS), plan_tz, draw(utc_offsets()), timing, window)
    changes = []
    for index, step in enumerate(steps):
        if index:
            gap = timedelta(seconds=draw(_GAPS))
            at = (at + gap).astimezone(draw(utc_offsets()))
        changes.append(
            StatusChange(status=step, at=at, by=draw(_optional(_BY)), note=draw(_optional(texts())))
        )
    return tuple(changes)


# --- reports that a corruption family needs -------------------------------------------------


def reports_with_entries(statuses: Sequence[ReportStatus]) -> st.SearchStrategy[Report]:
    """Reports (any catalog) in ``statuses`` with at least one measure entry."""
    return _reports_with_entries(_check_statuses(statuses))


@st.composite
def _reports_with_entries(draw: st.DrawFn, statuses: tuple[ReportStatus, ...]) -> Report:
    catalog = draw(catalogs())
    action = catalog.actions[0]
    if action.tier is Tier.KL:
        institution = draw(agencies_named(action.responsible))
    elif action.tier is Tier.PROVINCE:
        institution = draw(institutions(kinds=(InstitutionKind.PROVINCE,)))
    else:
        kinds = (InstitutionKind.REGENCY, InstitutionKind.CITY)
        institution = draw(institutions(kinds=kinds, autonomous=True))
    period = pick(draw, catalog.periods)
    return draw_report(draw, catalog, institution, period, statuses, (Timing.ON_TIME,), 3, 1)
