"""Strategies for the parts of reports, datasets and forums: entries, changes, follow-ups, …"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ranham.model import (
    Action,
    ActionEntry,
    Addressee,
    Allegation,
    Assessment,
    Declared,
    Evidence,
    EvidenceKind,
    FollowUp,
    FollowUpStatus,
    MeasureEntry,
    Recommendation,
    ReportStatus,
    StatusChange,
    Theme,
)
from ranham.periods import PeriodCode
from ranham.strategies._entities import _optional
from ranham.strategies._values import (
    DEFAULT_YEARS,
    _check_members,
    _check_years,
    dates,
    http_urls,
    institution_codes,
    links,
    maybe_extensions,
    slugs,
    texts,
    timestamps,
)

__all__ = [
    "action_entries",
    "allegations",
    "assessments",
    "declared_counts",
    "draw_action_entry",
    "draw_measure_entry",
    "draw_recommendation",
    "evidence_items",
    "follow_ups",
    "measure_entries",
    "recommendations",
    "status_changes",
]


# --- report parts --------------------------------------------------------------------------------


@cache
def evidence_items() -> st.SearchStrategy[Evidence]:
    """Supporting evidence (*data dukung*): kind, title, an optional URL, letterhead, signature."""
    return st.builds(
        Evidence,
        kind=st.sampled_from(EvidenceKind),
        title=texts(),
        uri=_optional(http_urls()),
        letterhead=st.booleans(),
        signed=st.booleans(),
    )


@cache
def assessments() -> st.SearchStrategy[Assessment]:
    """A verifier's assessments: administrative and substantive verdicts, an optional note."""
    return st.builds(
        Assessment,
        administrative=st.booleans(),
        substantive=st.booleans(),
        note=_optional(texts()),
    )


def measure_entries(
    *, measure: str | None = None, assessed: bool | None = None
) -> st.SearchStrategy[MeasureEntry]:
    """Measure entries for ``measure`` (a drawn id if ``None``).

    ``assessed=True`` always adds the verifier's assessment, ``False`` never, ``None`` either.
    """
    ids = slugs() if measure is None else st.just(measure)
    return _measure_entries(ids, assessed)


@st.composite
def _measure_entries(
    draw: st.DrawFn, ids: st.SearchStrategy[str], assessed: bool | None
) -> MeasureEntry:
    return draw_measure_entry(draw, draw(ids), assessed)


@cache
def _evidence_lists() -> st.SearchStrategy[list[Evidence]]:
    return st.lists(evidence_items(), max_size=2)


def draw_measure_entry(draw: st.DrawFn, measure: str, assessed: bool | None) -> MeasureEntry:
    """Draw a measure entry for ``measure`` (see :func:`measure_entries`)."""
    if assessed is None:
        assessed = draw(st.booleans())
    return MeasureEntry(
        measure=measure,
        claimed=draw(st.booleans()),
        narrative=draw(_optional(texts())),
        evidence=tuple(draw(_evidence_lists())),
        assessment=draw(assessments()) if assessed else None,
    )


def action_entries(
    *,
    action: Action | None = None,
    period: PeriodCode | None = None,
    assessed: bool | None = None,
) -> st.SearchStrategy[ActionEntry]:
    """Action entries: for ``action``'s measures of ``period`` when given, else drawn ids.

    ``assessed`` is as for :func:`measure_entries`, for every measure entry.
    """
    if action is not None and not isinstance(action, Action):
        raise InvalidArgument(f"action= must be an Action (got {action!r}).")
    if action is not None and period is not None and not action.measures_for(period):
        raise InvalidArgument(f"action {action.id!r} has no measure for period {period}.")
    return _action_entries(action, period, assessed)


@st.composite
def _action_entries(
    draw: st.DrawFn, action: Action | None, period: PeriodCode | None, assessed: bool | None
) -> ActionEntry:
    if action is None:
        action_id = draw(slugs())
        measure_ids = draw(st.lists(slugs(), max_size=3, unique=True))
    else:
        action_id = action.id
        if period is None:
            codes = tuple(dict.fromkeys(m.period for m in action.measures))
            period = draw(st.sampled_from(codes))
        own = [m.id for m in action.measures_for(period)]
        measure_ids = draw(st.lists(st.sampled_from(own), unique=True))
    return draw_action_entry(draw, action_id, measure_ids, assessed)


def draw_action_entry(
    draw: st.DrawFn, action_id: str, measure_ids: Sequence[str], assessed: bool | None
) -> ActionEntry:
    """Draw an entry for ``action_id`` with one measure entry for each of ``measure_ids``."""
    return ActionEntry(
        action=action_id,
        measures=tuple(draw_measure_entry(draw, m, assessed) for m in measure_ids),
        extensions=draw(maybe_extensions()),
    )


def status_changes(
    *, statuses: Sequence[ReportStatus] | None = None, years: Sequence[int] = DEFAULT_YEARS
) -> st.SearchStrategy[StatusChange]:
    """Single workflow steps (a report's history is drawn by :func:`~ranham.strategies.reports`)."""
    chosen = tuple(ReportStatus) if statuses is None else tuple(statuses)
    _check_members("statuses", chosen, ReportStatus)
    return st.builds(
        StatusChange,
        status=st.sampled_from(chosen),
        at=timestamps(years=years),
        by=_optional(st.one_of(st.sampled_from(("tim-verifikator-2", "admin")), texts())),
        note=_optional(texts()),
    )


# --- datasets and forums -------------------------------------------------------------------------


def allegations(
    *, institution: str | None = None, years: Sequence[int] = DEFAULT_YEARS
) -> st.SearchStrategy[Allegation]:
    """Alleged violation cases against ``institution`` (drawn if ``None``); no personal data."""
    codes = institution_codes() if institution is None else st.just(institution)
    values = _check_years(years)
    reference = st.one_of(
        st.builds(lambda y, n: f"ADU-{y}-{n:04d}", st.sampled_from(values), st.integers(1, 9999)),
        texts(),
    )
    return st.builds(
        Allegation, institution=codes, reported_on=dates(years=values), reference=reference
    )


def follow_ups(*, after: date | None = None) -> st.SearchStrategy[FollowUp]:
    """Follow-ups (*tindak lanjut*) dated on or after ``after`` (any date in the default years)."""
    days = dates() if after is None else st.integers(0, 730).map(lambda n: after + timedelta(n))
    return st.builds(
        FollowUp,
        on=days,
        status=st.sampled_from(FollowUpStatus),
        note=_optional(texts()),
        links=st.lists(links(), max_size=2).map(tuple),
    )


def recommendations(
    *,
    start: date | None = None,
    addressees: Sequence[Addressee] | None = None,
    max_follow_ups: int = 3,
) -> st.SearchStrategy[Recommendation]:
    """A forum's recommendations, with follow-ups in date order on or after ``start``."""
    chosen = tuple(Addressee) if addressees is None else tuple(addressees)
    _check_members("addressees", chosen, Addressee)
    starts = dates() if start is None else st.just(start)
    return _recommendations(starts, chosen, max_follow_ups, slugs())


@st.composite
def _recommendations(
    draw: st.DrawFn,
    starts: st.SearchStrategy[date],
    addressees: tuple[Addressee, ...],
    max_follow_ups: int,
    ids: st.SearchStrategy[str],
) -> Recommendation:
    return draw_recommendation(
        draw, draw(ids), draw(st.sampled_from(addressees)), draw(starts), max_follow_ups, 0
    )


def draw_recommendation(
    draw: st.DrawFn,
    rec_id: str,
    addressee: Addressee,
    start: date,
    max_follow_ups: int,
    min_follow_ups: int,
) -> Recommendation:
    """Draw a recommendation whose follow-ups are dated on or after ``start``."""
    gaps = draw(st.lists(st.integers(0, 120), min_size=min_follow_ups, max_size=max_follow_ups))
    follow = []
    day = start
    for gap in gaps:
        day += timedelta(days=gap)
        follow.append(
            FollowUp(
                on=day,
                status=draw(st.sampled_from(FollowUpStatus)),
                note=draw(_optional(texts())),
                links=tuple(draw(st.lists(links(), max_size=2))),
            )
        )
    due = draw(st.one_of(st.none(), st.integers(0, 730).map(lambda n: start + timedelta(n))))
    return Recommendation(
        id=rec_id,
        addressee=addressee,
        theme=draw(st.sampled_from(Theme)),
        text=draw(texts()),
        due=due,
        follow_ups=tuple(follow),
        extensions=draw(maybe_extensions()),
    )


def declared_counts(*, max_count: int = 20) -> st.SearchStrategy[Declared]:
    """How many recommendations a forum declared for each addressee (0 to ``max_count``)."""
    return st.builds(
        Declared, panranham=st.integers(0, max_count), pelaksana=st.integers(0, max_count)
    )
