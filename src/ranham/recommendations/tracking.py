"""Status, overdue, coverage and summaries of forum recommendations.

The rules are ``format.md``'s: a recommendation's status is that of its last follow-up (``open``
when it has none); as of a date *d* it is **overdue** when *d* is after its ``due`` date and its
status is ``open`` or ``in_progress``. The status is the record's latest: to ask what was overdue
on a past date, first drop the follow-ups recorded after it with :func:`as_recorded_on`.

>>> from datetime import date
>>> from ranham.model import FollowUpStatus
>>> from ranham.recommendations import coverage, summarize
>>> from ranham.reference.forums import bekasi_2022
>>> forum = bekasi_2022()
>>> [(str(c.addressee), c.listed, c.declared, c.complete) for c in coverage(forum).values()]
[('panranham', 4, 8, False), ('pelaksana', 2, 6, False)]
>>> summary = summarize([forum], as_of=date(2025, 1, 1))
>>> summary.recommendations, summary.by_status[FollowUpStatus.OPEN], summary.overdue
(6, 6, 0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from datetime import date, datetime
from typing import Any

import attrs

from ranham.errors import ArgumentTypeError, InvariantError
from ranham.model import (
    Addressee,
    Catalog,
    FollowUpStatus,
    Forum,
    FrozenMap,
    Recommendation,
    Theme,
)
from ranham.recommendations._links import ResolvedLink, recommendation_links, ruleset_ids_for

__all__ = [
    "Coverage",
    "ForumTracking",
    "Summary",
    "Tracked",
    "as_recorded_on",
    "coverage",
    "is_overdue",
    "overdue",
    "status",
    "summarize",
    "track",
]

_PENDING = (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS)


def _check_day(value: object, name: str) -> None:
    if type(value) is not date:
        hint = " (use its .date())" if isinstance(value, datetime) else ""
        raise ArgumentTypeError(
            f"'{name}' must be a datetime.date such as date(2023, 12, 31) "
            f"(got {type(value).__name__}: {value!r}){hint}."
        )


def status(recommendation: Recommendation) -> FollowUpStatus:
    """The status of the last follow-up; ``open`` when there is none."""
    return recommendation.status


def is_overdue(recommendation: Recommendation, as_of: date) -> bool:
    """Whether ``as_of`` is after the due date and the status is ``open`` or ``in_progress``.

    A recommendation without a due date is never overdue.
    """
    _check_day(as_of, "as_of")
    return recommendation.is_overdue(as_of)


def overdue(forum: Forum, as_of: date) -> tuple[Recommendation, ...]:
    """The recommendations of ``forum`` that are overdue on ``as_of``, in forum order."""
    _check_day(as_of, "as_of")
    return tuple(rec for rec in forum.recommendations if rec.is_overdue(as_of))


def as_recorded_on(forum: Forum, day: date) -> Forum:
    """``forum`` as its record stood on ``day``: every follow-up dated after ``day`` dropped.

    ``overdue(as_recorded_on(forum, d), d)`` answers "what was overdue on *d*, as far as was
    recorded then"; ``overdue(forum, d)`` judges *d* by the latest status instead.
    """
    _check_day(day, "day")
    recommendations = tuple(
        attrs.evolve(rec, follow_ups=tuple(f for f in rec.follow_ups if f.on <= day))
        for rec in forum.recommendations
    )
    return attrs.evolve(forum, recommendations=recommendations)


@attrs.frozen(kw_only=True)
class Coverage:
    """How many recommendations are listed for one addressee, against how many were declared."""

    addressee: Addressee
    listed: int
    declared: int

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.listed <= self.declared:
            raise InvariantError(
                f"'listed' must be from 0 to 'declared' ({self.declared}) (got {self.listed}).",
                code="declared-exceeded",
                field="listed",
            )

    @property
    def complete(self) -> bool:
        """Every declared recommendation is listed."""
        return self.listed == self.declared

    @property
    def missing(self) -> int:
        """How many declared recommendations are not listed (their text is not known)."""
        return self.declared - self.listed

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready ``dict``."""
        return {
            "addressee": self.addressee.value,
            "listed": self.listed,
            "declared": self.declared,
            "complete": self.complete,
        }


def coverage(forum: Forum) -> FrozenMap[Addressee, Coverage]:
    """Listed and declared recommendations for every addressee, in the format's order.

    ``listed`` never exceeds ``declared``: a :class:`~ranham.Forum` refuses that
    (``declared-exceeded``).
    """
    return FrozenMap(
        (a, Coverage(addressee=a, listed=len(forum.listed(a)), declared=forum.declared[a]))
        for a in Addressee
    )


@attrs.frozen(kw_only=True)
class Tracked:
    """Where one recommendation stands: its status, last follow-up, overdue flag and links."""

    forum: str
    """The forum's id."""
    recommendation: Recommendation
    status: FollowUpStatus
    last_follow_up: date | None
    """The date of the last follow-up; ``None`` when there is none."""
    overdue: bool | None
    """Overdue on the ``as_of`` date; ``None`` when no date was given."""
    links: tuple[ResolvedLink, ...] = ()

    @property
    def id(self) -> str:
        """The recommendation's id."""
        return self.recommendation.id

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready ``dict`` (codes and ISO dates; ``null`` where nothing is known)."""
        rec = self.recommendation
        return {
            "forum": self.forum,
            "id": rec.id,
            "addressee": rec.addressee.value,
            "theme": rec.theme.value,
            "text": rec.text,
            "status": self.status.value,
            "due": None if rec.due is None else rec.due.isoformat(),
            "last_follow_up": None
            if self.last_follow_up is None
            else self.last_follow_up.isoformat(),
            "overdue": self.overdue,
            "links": [link.to_json() for link in self.links],
        }


@attrs.frozen(kw_only=True)
class ForumTracking:
    """One forum followed up: coverage per addressee and where each recommendation stands."""

    forum: Forum
    as_of: date | None
    coverage: FrozenMap[Addressee, Coverage]
    recommendations: tuple[Tracked, ...]

    @property
    def overdue(self) -> tuple[Tracked, ...]:
        """The overdue recommendations (none when no ``as_of`` date was given)."""
        return tuple(t for t in self.recommendations if t.overdue)

    @property
    def links(self) -> tuple[ResolvedLink, ...]:
        """Every resolved link, in document order."""
        return tuple(link for t in self.recommendations for link in t.links)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready ``dict``."""
        forum = self.forum
        return {
            "id": forum.id,
            "title": forum.title,
            "start_date": forum.start_date.isoformat(),
            "end_date": forum.end_date.isoformat(),
            "location": forum.location,
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "coverage": [c.to_json() for c in self.coverage.values()],
            "recommendations": [t.to_json() for t in self.recommendations],
        }


def track(
    forum: Forum,
    *,
    as_of: date | None = None,
    catalog: Catalog | None = None,
    rulesets: Collection[str] | None = None,
) -> ForumTracking:
    """Coverage, status, overdue flag and resolved links of every recommendation of ``forum``.

    ``catalog`` and ``rulesets`` are passed on to :func:`~ranham.recommendations.links`.
    """
    if as_of is not None:
        _check_day(as_of, "as_of")
    ids = ruleset_ids_for((forum,), rulesets)
    tracked = tuple(
        Tracked(
            forum=forum.id,
            recommendation=rec,
            status=rec.status,
            last_follow_up=rec.follow_ups[-1].on if rec.follow_ups else None,
            overdue=None if as_of is None else rec.is_overdue(as_of),
            links=recommendation_links(forum.id, rec, catalog=catalog, ids=ids),
        )
        for rec in forum.recommendations
    )
    return ForumTracking(
        forum=forum, as_of=as_of, coverage=coverage(forum), recommendations=tracked
    )


@attrs.frozen(kw_only=True)
class Summary:
    """Counts over one or more forums; each breakdown counts every recommendation exactly once.

    ``by_addressee``, ``by_theme`` and ``by_status`` hold every value of the format (zeros
    included) in the format's order, so their keys never depend on the data. ``coverage`` sums
    listed and declared recommendations over the forums. ``overdue`` is ``None`` when no
    ``as_of`` date was given.
    """

    forums: int
    recommendations: int
    as_of: date | None
    by_addressee: FrozenMap[Addressee, int]
    by_theme: FrozenMap[Theme, int]
    by_status: FrozenMap[FollowUpStatus, int]
    coverage: FrozenMap[Addressee, Coverage]
    overdue: int | None

    @property
    def pending(self) -> int:
        """Recommendations still ``open`` or ``in_progress``."""
        return sum(self.by_status[s] for s in _PENDING)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready ``dict``: breakdowns as objects keyed by code."""
        return {
            "forums": self.forums,
            "recommendations": self.recommendations,
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "by_addressee": {k.value: v for k, v in self.by_addressee.items()},
            "by_theme": {k.value: v for k, v in self.by_theme.items()},
            "by_status": {k.value: v for k, v in self.by_status.items()},
            "coverage": [c.to_json() for c in self.coverage.values()],
            "overdue": self.overdue,
        }


def summarize(forums: Forum | Iterable[Forum], *, as_of: date | None = None) -> Summary:
    """Counts by addressee, theme and status (and overdue, given ``as_of``) over ``forums``.

    ``forums`` is one :class:`~ranham.Forum` or any iterable of them; a forum given twice is
    counted twice.
    """
    if as_of is not None:
        _check_day(as_of, "as_of")
    chosen = (forums,) if isinstance(forums, Forum) else tuple(forums)
    recs = [rec for forum in chosen for rec in forum.recommendations]
    addressees = Counter(rec.addressee for rec in recs)
    themes = Counter(rec.theme for rec in recs)
    statuses = Counter(rec.status for rec in recs)
    declared = Counter({a: sum(f.declared[a] for f in chosen) for a in Addressee})
    return Summary(
        forums=len(chosen),
        recommendations=len(recs),
        as_of=as_of,
        by_addressee=FrozenMap((a, addressees[a]) for a in Addressee),
        by_theme=FrozenMap((t, themes[t]) for t in Theme),
        by_status=FrozenMap((s, statuses[s]) for s in FollowUpStatus),
        coverage=FrozenMap(
            (a, Coverage(addressee=a, listed=addressees[a], declared=declared[a]))
            for a in Addressee
        ),
        overdue=None if as_of is None else sum(rec.is_overdue(as_of) for rec in recs),
    )
