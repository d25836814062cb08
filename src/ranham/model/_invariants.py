"""The cross-field rules of the format, each written once as a predicate.

A *cross-field* rule relates several members (a report's ``status`` and its ``history``, a
catalog's windows and its plan's periods, a report's entries and the catalog's actions). Each
has one predicate here: a pure function of domain values that yields a :class:`Problem` for
every offence it finds — the issue code, the message key of the validator's catalog, the path
(relative to the object the predicate was given), the issue's parameters and the constructor's
message. Three callers read the same predicates:

- the entities' ``__attrs_post_init__`` raise the first problem (:func:`refuse`);
- the careful walk of :mod:`ranham.validation` turns every problem into an issue, passing
  ``None`` for a value that is missing or broken in the document (the predicate then stays
  silent about exactly what it cannot judge);
- the fast path builds the entities (so it runs the constructors' checks) and calls the
  predicates for what it checks beyond one entity (a report against a catalog, the warnings).

The rules themselves are listed, with their codes, in the design page
(``docs/explanation/design.md``). Field-level checks (types, patterns, bounds) live in
:mod:`ranham.model._checks`; the on-time rule lives in :func:`ranham.periods.timing`.

>>> from datetime import datetime, timezone
>>> from ranham.model import ReportStatus, StatusChange
>>> at = datetime(2022, 5, 2, tzinfo=timezone.utc)
>>> verified = StatusChange(status=ReportStatus.VERIFIED, at=at)
>>> [(p.key, p.field) for p in workflow([verified], ReportStatus.VERIFIED)]
[('invalid-transition.step', 'history.0.status')]
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Final, NoReturn, Protocol

import attrs

from ranham.errors import InvariantError, TransitionError
from ranham.model._checks import Pattern
from ranham.model.enums import Addressee, InstitutionKind, ReportStatus, Tier
from ranham.periods import PeriodCode, ReportingPeriod, period_days

__all__ = [
    "ALLOWED_TRANSITIONS",
    "UNKNOWN",
    "ActionMeasures",
    "ChangeLike",
    "EntryLike",
    "MeasureLike",
    "Problem",
    "assessments",
    "assigned",
    "declared_counts",
    "duplicates",
    "entry_references",
    "follow_up_order",
    "institution_fits_kind",
    "listed",
    "measure_periods",
    "not_before",
    "refuse",
    "refuse_if",
    "report_period",
    "responsible_by_tier",
    "responsible_listed",
    "target_group_in_plan",
    "window_keys",
    "window_order",
    "workflow",
    "year_in_plan",
]

Path = tuple[str | int, ...]

ALLOWED_TRANSITIONS: Mapping[ReportStatus, frozenset[ReportStatus]] = MappingProxyType(
    {
        ReportStatus.DRAFT: frozenset({ReportStatus.SUBMITTED}),
        ReportStatus.SUBMITTED: frozenset({ReportStatus.RETURNED, ReportStatus.VERIFIED}),
        ReportStatus.RETURNED: frozenset({ReportStatus.SUBMITTED}),
        ReportStatus.VERIFIED: frozenset(),
    }
)
"""For each status, the statuses a report may change to next."""

_AGENCY_KINDS = frozenset({InstitutionKind.MINISTRY, InstitutionKind.AGENCY})
_LOCAL_KINDS = frozenset({InstitutionKind.REGENCY, InstitutionKind.CITY})


@attrs.frozen
class Problem:
    """One offence against a cross-field rule.

    ``code`` is the issue code of ``format.md``, ``key`` the message key of the validator's
    catalog (``window-invalid.early``), ``path`` where the offence lies below the object the
    predicate was given, ``params`` the issue's parameters, ``text`` the constructor's message
    (``{field}`` stands for the dotted path), ``where`` the validator's anchor (``container`` for
    a member that is missing), ``warning`` whether the format makes it a warning, which no
    constructor refuses, and ``related`` the path of another member the issue names (the first
    of two repeated ids, the change before one out of order), relative to the same object.
    """

    code: str
    key: str
    path: Path
    params: Mapping[str, Any]
    text: str
    where: str = "value"
    warning: bool = False
    related: Path | None = None

    def under(self, *prefix: str | int) -> Problem:
        """The same problem seen from an object ``prefix`` above."""
        related = None if self.related is None else (*prefix, *self.related)
        return attrs.evolve(self, path=(*prefix, *self.path), related=related)

    @property
    def field(self) -> str:
        """The dotted path (``history.2.status``), as :class:`InvariantError` carries it."""
        return ".".join(map(str, self.path))

    def error(self) -> InvariantError:
        """The constructor's exception for this problem."""
        field = self.field
        message = self.text.replace("{field}", field)
        if self.code == "invalid-transition":
            return TransitionError(message, field=field)
        return InvariantError(message, code=self.code, field=field)


def refuse(problems: Iterable[Problem], *prefix: str | int) -> None:
    """Raise the first problem that is not a warning (seen from ``prefix``); else return."""
    for problem in problems:
        if not problem.warning:
            _raise(problem.under(*prefix) if prefix else problem)


def refuse_if(problem: Problem | None, *prefix: str | int) -> None:
    """Raise ``problem`` (seen from ``prefix``) unless it is ``None`` or a warning."""
    if problem is not None and not problem.warning:
        _raise(problem.under(*prefix) if prefix else problem)


def _raise(problem: Problem) -> NoReturn:
    raise problem.error()


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


# --- generic ------------------------------------------------------------------------------------


def not_before(first: str, first_value: Any, second: str, second_value: Any) -> Problem | None:
    """``second`` must not come before ``first`` (a plan's years, a forum's dates).

    Values are years or dates; ``None`` (unknown) is never judged.
    """
    if first_value is None or second_value is None or not second_value < first_value:
        return None
    other, got = _iso(first_value), _iso(second_value)
    return Problem(
        "invalid-value",
        "invalid-value.before",
        (second,),
        {"field": second, "other": first, "other_value": other, "got": got},
        f"'{second}' must not be before '{first}' ({other}) (got {got}).",
    )


def duplicates(
    values: Sequence[Hashable],
    where: Callable[[int], Path],
    text: str | Callable[[Any], str],
    key: str = "",
    params: Callable[[Any], dict[str, Any]] | None = None,
) -> list[Problem]:
    """``duplicate-id`` for every value that an earlier one repeats.

    ``where(i)`` is the path of ``values[i]``; ``text`` the constructor's message (``{got}``
    stands for the value's ``repr``) or a function of the value giving it; ``key`` the
    validator's message key, with ``params(value)`` its parameters (by default
    ``duplicate-id.value``, naming the path's last member and the value). Each problem is
    ``related`` to the value's first occurrence, which the validator names.
    """
    if len(set(values)) == len(values):
        return []
    out = []
    first: dict[Hashable, int] = {}
    for index, value in enumerate(values):
        earlier = first.setdefault(value, index)
        if earlier == index:
            continue
        path = where(index)
        found = params(value) if params is not None else {"field": path[-1], "got": value}
        message = text.replace("{got}", repr(value)) if isinstance(text, str) else text(value)
        out.append(
            Problem(
                "duplicate-id",
                key or "duplicate-id.value",
                path,
                found,
                message,
                related=where(earlier),
            )
        )
    return out


# --- plan and catalog ---------------------------------------------------------------------------


def year_in_plan(year: int, start: int, end: int) -> Problem | None:
    """A catalog's year lies within its plan's years."""
    if start <= year <= end:
        return None
    return Problem(
        "year-outside-plan",
        "year-outside-plan",
        ("year",),
        {"got": year, "start": start, "end": end},
        f"'year' must be within the plan's years {start}–{end} (got {year}).",
    )


def window_keys(periods: Sequence[PeriodCode], keys: Collection[str]) -> Iterator[Problem]:
    """A catalog's ``windows`` has one key per period of the plan, and no other.

    ``keys`` are the keys as written (period code values).
    """
    allowed = ", ".join(c.value for c in periods)
    names = {c.value for c in periods}
    for key in keys:
        if key not in names:
            yield Problem(
                "window-invalid",
                "window-invalid.extra",
                ("windows", key),
                {"period": key, "allowed": allowed},
                f"'windows' must hold one window for each period of the plan ({allowed}) "
                f"(got one for {key}).",
            )
    for code in periods:
        if code.value not in keys:
            yield Problem(
                "window-invalid",
                "window-invalid.missing",
                ("windows", code.value),
                {"period": code.value},
                f"'windows' must hold one window for each period of the plan ({allowed}) "
                f"(none for {code.value}).",
                "container",
            )


def window_order(
    periods: Sequence[PeriodCode],
    year: int | None,
    windows: Mapping[PeriodCode, tuple[date, date] | None],
) -> Iterator[Problem]:
    """Each window of a catalog opens no earlier than its period and after the one before.

    Taken in the plan's period order whatever the order of the keys; a window that is ``None``
    (unknown) breaks the chain, and a ``year`` of ``None`` leaves the first days unjudged.
    """
    previous: tuple[PeriodCode, date] | None = None
    for code in periods:
        window = windows.get(code)
        if window is None:
            previous = None
            continue
        opens, closes = window
        where = ("windows", code.value)
        first_day = period_days(code, periods, year)[0] if year is not None else None
        if closes < opens:
            yield Problem(
                "window-invalid",
                "window-invalid.reversed",
                where,
                {"period": code.value, "opens": opens.isoformat(), "closes": closes.isoformat()},
                f"'windows.{code}.closes' must not be before 'opens' ({opens.isoformat()}) "
                f"(got {closes.isoformat()}).",
            )
        elif first_day is not None and opens < first_day:
            yield Problem(
                "window-invalid",
                "window-invalid.early",
                where,
                {
                    "period": code.value,
                    "opens": opens.isoformat(),
                    "first_day": first_day.isoformat(),
                },
                f"'windows.{code}' must open no earlier than the first day of its period "
                f"({first_day.isoformat()}) (got {opens.isoformat()}).",
            )
        elif previous is not None and previous[1] >= opens:
            yield Problem(
                "window-invalid",
                "window-invalid.overlap",
                where,
                {
                    "period": code.value,
                    "opens": opens.isoformat(),
                    "previous": previous[0].value,
                    "previous_closes": previous[1].isoformat(),
                },
                f"'windows.{code}' must open after the {previous[0]} window closes "
                f"({previous[1].isoformat()}) (got {opens.isoformat()}).",
            )
        previous = (code, closes)


def responsible_by_tier(
    tier: Tier, responsible: Sequence[str], given: bool = True
) -> Problem | None:
    """A ``kl`` action lists who is responsible; a regional action lists no one.

    ``given`` is whether the member is written (the validator points at the action when not).
    """
    if tier is Tier.KL and not responsible:
        return Problem(
            "responsible-invalid",
            "responsible-invalid.missing",
            ("responsible",),
            {},
            "'responsible' must list at least one ministry or agency for a kl action (got none).",
            "value" if given else "container",
        )
    if tier is not Tier.KL and responsible:
        return Problem(
            "responsible-invalid",
            "responsible-invalid.regional",
            ("responsible",),
            {"tier": tier.value},
            f"'responsible' must be empty for a {tier.value} action, which every autonomous "
            f"institution of its tier carries out (got {tuple(responsible)!r}).",
        )
    return None


def target_group_in_plan(group: str, plan_groups: Collection[str]) -> Problem | None:
    """An action's target group is one of its plan's (values as written: ``perempuan``)."""
    if group in plan_groups:
        return None
    return Problem(
        "target-group-not-in-plan",
        "target-group-not-in-plan",
        ("target_group",),
        {"got": group, "allowed": ", ".join(sorted(plan_groups))},
        f"'{{field}}' must be one of the plan's target groups ({', '.join(plan_groups)}) "
        f"(got {group}).",
    )


def measure_periods(
    periods: Sequence[PeriodCode], measures: Sequence[tuple[int, PeriodCode | None]]
) -> Iterator[Problem]:
    """An action's measures name periods of the plan and cover every one of them.

    ``measures`` holds each measure's index and period (``None``: unknown). Coverage is judged
    only when every period is known and of the plan (one defect, one issue).
    """
    allowed = ", ".join(map(str, periods))
    covered: set[PeriodCode] = set()
    complete = True
    for index, period in measures:
        if period is None:
            complete = False
        elif period not in periods:
            complete = False
            yield Problem(
                "period-mismatch",
                "period-mismatch.plan",
                ("measures", index, "period"),
                {"got": period.value, "allowed": allowed},
                f"'{{field}}' must be one of the plan's periods ({allowed}) (got {period.value}).",
            )
        else:
            covered.add(period)
    if complete:
        missing = [str(code) for code in periods if code not in covered]
        if missing:
            yield Problem(
                "missing-period-measures",
                "missing-period-measures",
                ("measures",),
                {"missing": ", ".join(missing)},
                "'{field}' must hold a measure for every period of the plan "
                f"(none for {', '.join(missing)}).",
            )


# --- institutions -------------------------------------------------------------------------------


def institution_fits_kind(
    code: str | None,
    kind: InstitutionKind,
    pattern: Pattern,
    parent: str | None,
    parent_given: bool,
    autonomous: bool | None,
    parent_known: bool = True,
) -> Iterator[Problem]:
    """An institution's code fits its kind, its parent and its autonomy.

    A regency or city names its province as parent, and only a regency or city may be
    administrative (``autonomous: false``).

    ``pattern`` is the code pattern of the kind (``ranham.model.institution.CODE_PATTERNS``);
    a ``code`` of ``None`` is unknown; ``parent_given`` says whether the member is written at
    all and ``parent_known`` whether its value is usable.
    """
    fits = code is not None and pattern.ok(code)
    if code is not None and not fits:
        yield Problem(
            "code-kind-mismatch",
            "code-kind-mismatch",
            ("code",),
            {"got": code, "kind": kind.value, "expected": pattern.name},
            f"'code' must be {pattern.expected} for kind {kind.value} (got {code!r}).",
        )
    if kind in _LOCAL_KINDS:
        if not parent_given:
            yield Problem(
                "parent-mismatch",
                "parent-mismatch.missing",
                ("parent",),
                {"kind": kind.value, "expected": code[:2] if fits and code else "PP"},
                f"'parent' must be the province code {code[:2] if code else 'PP'!r} that begins "
                f"the code {code!r} (got None).",
                "container",
            )
        elif fits and isinstance(parent, str) and code is not None and parent != code[:2]:
            yield Problem(
                "parent-mismatch",
                "parent-mismatch.wrong",
                ("parent",),
                {"expected": code[:2], "code": code, "got": parent},
                f"'parent' must be the province code {code[:2]!r} that begins the code {code!r} "
                f"(got {parent!r}).",
            )
        return
    if parent_given and parent_known:
        yield Problem(
            "parent-mismatch",
            "parent-mismatch.forbidden",
            ("parent",),
            {"kind": kind.value, "got": parent},
            f"'parent' must be absent for a {kind.value} (got {parent!r}).",
        )
    if autonomous is False:
        yield Problem(
            "invalid-value",
            "invalid-value.autonomous",
            ("autonomous",),
            {"kind": kind.value},
            f"'autonomous' may be False only for a kabupaten or kota (got False for a "
            f"{kind.value}).",
        )


# --- reports ------------------------------------------------------------------------------------


def transition_problem(before: ReportStatus, after: ReportStatus) -> str | None:
    """Why ``before → after`` is refused, or ``None`` when the workflow allows it."""
    allowed = ALLOWED_TRANSITIONS[before]
    if after in allowed:
        return None
    if not allowed:
        return f"a {before.value} report is final and cannot become {after.value}"
    options = " or ".join(sorted(s.value for s in allowed))
    return f"a {before.value} report can become {options}, not {after.value}"


_ABSENT: Final = object()

UNKNOWN: Final = object()
"""A member that a document writes but that cannot be read (the validator's stand-ins)."""


class ChangeLike(Protocol):
    """A status change as the workflow rule reads it.

    A ``StatusChange``, or the validator's stand-in, whose ``None`` is unknown.
    """

    @property
    def status(self) -> ReportStatus | None: ...
    @property
    def at(self) -> datetime | None: ...


class MeasureLike(Protocol):
    """A measure entry as the report rules read it.

    Its ``measure`` id and its ``assessment`` (``None``: absent; :data:`UNKNOWN`: written but
    unreadable).
    """

    @property
    def measure(self) -> str | None: ...
    @property
    def assessment(self) -> object: ...


class EntryLike(Protocol):
    """An action entry as the report rules read it (``None`` items are unreadable)."""

    @property
    def action(self) -> str | None: ...
    @property
    def measures(self) -> Sequence[MeasureLike | None]: ...


def workflow(
    history: Sequence[ChangeLike | None], status: ReportStatus | None
) -> Iterator[Problem]:
    """A report's history follows the workflow, in time order, and ends in its ``status``.

    The predicate reads the entities themselves (``report.history``); the validator passes
    stand-ins whose ``status`` or ``at`` is ``None`` when unknown, or ``None`` for a change that
    is no object. An unknown change breaks the chain, and ``status`` is compared only when every
    change is known. A ``history-order`` problem is ``related`` to the time of the change it
    comes before.
    """
    before: ReportStatus | None = ReportStatus.DRAFT
    previous: tuple[int, datetime] | None = None
    complete = True
    for index, change in enumerate(history):
        if change is None:
            before = previous = None
            complete = False
            continue
        after, at = change.status, change.at
        if after is None:
            complete = False
        elif before is not None and after not in ALLOWED_TRANSITIONS[before]:
            allowed = ALLOWED_TRANSITIONS[before]
            yield Problem(
                "invalid-transition",
                "invalid-transition.step" if allowed else "invalid-transition.final",
                ("history", index, "status"),
                {
                    "before": before.value,
                    "after": after.value,
                    **(
                        {"allowed": " or ".join(sorted(s.value for s in allowed))}
                        if allowed
                        else {}
                    ),
                },
                f"'history.{index}.status': {transition_problem(before, after)}.",
            )
        before = after
        if at is None:
            previous = None
            continue
        if previous is not None and at < previous[1]:
            yield Problem(
                "history-order",
                "history-order",
                ("history", index, "at"),
                {"got": at.isoformat(), "previous": previous[1].isoformat()},
                f"'history.{index}.at' must not be before the change before it "
                f"({previous[1].isoformat()}) (got {at.isoformat()}).",
                related=("history", previous[0], "at"),
            )
        previous = (index, at)
    if complete and status is not None and before is not None and status is not before:
        yield Problem(
            "invalid-transition",
            "invalid-transition.status",
            ("status",),
            {"expected": before.value, "got": status.value},
            f"'status' must be the status of the last change in 'history' ({before.value}) "
            f"(got {status.value}).",
        )


def assessments(
    status: ReportStatus | None, entries: Sequence[EntryLike | None]
) -> Iterator[Problem]:
    """A verified report assesses every measure; a draft or submitted one assesses none.

    Reads ``report.entries`` (or the validator's stand-ins: ``None`` for an item that is no
    object). A returned report may carry assessments or not.
    """
    if status is ReportStatus.VERIFIED:
        must = True
    elif status is ReportStatus.DRAFT or status is ReportStatus.SUBMITTED:
        must = False
    else:
        return
    for e_index, entry in enumerate(entries):
        if entry is None:
            continue
        for m_index, measure in enumerate(entry.measures):
            if measure is None:
                continue
            assessment = measure.assessment
            if must and assessment is None:
                yield Problem(
                    "assessment-missing",
                    "assessment-missing",
                    ("entries", e_index, "measures", m_index, "assessment"),
                    {"measure": measure.measure if measure.measure is not None else "?"},
                    "'{field}' must be present on every measure of a verified report "
                    f"(missing for measure {measure.measure!r}).",
                    "container",
                )
            elif not must and assessment is not None and assessment is not UNKNOWN:
                assert status is not None
                yield Problem(
                    "assessment-unexpected",
                    "assessment-unexpected",
                    ("entries", e_index, "measures", m_index, "assessment"),
                    {"status": status.value},
                    "'{field}' must be absent until the report is verified or returned "
                    f"(the report is {status.value}).",
                )


def report_period(
    period: ReportingPeriod, periods: Sequence[PeriodCode] | None, year: int | None
) -> Problem | None:
    """A report's period is a period of its catalog's plan, in the catalog's year."""
    if periods is not None and period.code not in periods:
        return Problem(
            "period-mismatch",
            "period-mismatch.plan",
            ("period",),
            {"got": period.code.value, "allowed": ", ".join(c.value for c in periods)},
            f"'{{field}}' must be one of the catalog's periods "
            f"({', '.join(f'{year}-{c.value}' for c in periods)}) (got {period}).",
        )
    if year is not None and period.year != year:
        allowed = ", ".join(f"{year}-{c.value}" for c in periods or ())
        return Problem(
            "period-mismatch",
            "period-mismatch.report",
            ("period",),
            {"got": str(period), "allowed": allowed or str(year)},
            f"'{{field}}' must be one of the catalog's periods ({allowed or year}) (got {period}).",
        )
    return None


@attrs.frozen
class ActionMeasures:
    """What a report's references need of one action.

    ``measures`` maps each measure id to its period (``None``: unknown); ``complete`` says
    whether every measure id is known, so that an id missing from ``measures`` is surely not
    the action's. (The validator's view of an action has the same two attributes.)
    """

    measures: Mapping[str, PeriodCode | None]
    complete: bool = True


def entry_references(
    institution: str,
    period: ReportingPeriod | None,
    entries: Sequence[EntryLike | None],
    actions: Mapping[str, Any],
    assigned: Callable[[str], bool] | None,
    owners: Mapping[str, str],
    complete: bool,
) -> Iterator[Problem]:
    """A report's entries name assigned actions, and measures of those, of its period.

    Every action is one of the catalog's assigned to the report's institution, every measure
    one of that action's, of the report's period.

    ``actions`` maps action ids to :class:`ActionMeasures`; ``assigned(action_id)`` says
    whether an action is the institution's (``None``: unknown, not judged); ``owners`` maps every
    measure id of the catalog to its action; ``complete`` says whether every action id is
    known, so that an unknown id is surely not the catalog's.
    """
    code = None if period is None else period.code
    for e_index, entry in enumerate(entries):
        if entry is None:
            continue
        action_id = entry.action
        if action_id is None:
            continue
        action = actions.get(action_id)
        if action is None:
            if complete:
                yield Problem(
                    "unknown-reference",
                    "unknown-reference.action",
                    ("entries", e_index, "action"),
                    {"got": action_id},
                    f"'{{field}}' must be an action assigned to {institution} "
                    f"(got {action_id!r}, not in the catalog).",
                )
            continue
        if assigned is not None and not assigned(action_id):
            yield Problem(
                "not-assigned",
                "not-assigned",
                ("entries", e_index, "action"),
                {"action": action_id, "institution": institution},
                f"'{{field}}' must be an action assigned to {institution} "
                f"(got {action_id!r}, assigned to others).",
            )
        periods = action.measures
        for m_index, measure in enumerate(entry.measures):
            if measure is None:
                continue
            measure_id = measure.measure
            measure_period = periods.get(measure_id, _ABSENT)
            if measure_period is code or measure_id is None:
                continue  # the usual case: a measure of the report's period
            where = ("entries", e_index, "measures", m_index, "measure")
            if measure_period is _ABSENT:
                owner = owners.get(measure_id)
                if owner is None and not action.complete:
                    continue  # it may be a measure of this action whose id is broken
                yield Problem(
                    "unknown-reference",
                    "unknown-reference.measure"
                    if owner is None
                    else "unknown-reference.other-action",
                    where,
                    {"got": measure_id, "action": action_id}
                    | ({} if owner is None else {"owner": owner}),
                    f"'{{field}}' must be a measure of action {action_id} (got {measure_id!r}).",
                )
                continue
            if period is not None and measure_period is not None:
                yield Problem(
                    "period-mismatch",
                    "period-mismatch.measure",
                    where,
                    {
                        "got": measure_id,
                        "measure_period": measure_period.value,
                        "period": str(period),
                    },
                    f"'{{field}}' must be a measure of period {period.code} "
                    f"(got {measure_id!r}, a measure of {measure_period}).",
                )


# --- datasets -----------------------------------------------------------------------------------


def assigned(
    action_tier: Tier | None,
    responsible: Collection[str] | None,
    code: str,
    tier: Tier | None,
    autonomous: bool | None,
) -> bool:
    """Whether an action is assigned to an institution (``True`` when it cannot be judged).

    A ``kl`` action is assigned to the ministries and agencies its ``responsible`` lists; a
    regional action to every *autonomous* institution of its tier. ``None`` is unknown.
    """
    if action_tier is None or tier is None:
        return True
    if action_tier is Tier.KL:
        return responsible is None or code in responsible
    if autonomous is None:
        return True
    return action_tier is tier and autonomous


def listed(code: str, codes: Collection[str], path: Path) -> Problem | None:
    """A report or allegation names an institution the dataset lists."""
    if code in codes:
        return None
    return Problem(
        "unknown-reference",
        "unknown-reference.institution",
        path,
        {"got": code},
        f"'{{field}}' must be a listed institution (got {code!r}).",
    )


def responsible_listed(
    responsible: Sequence[str], agencies: Collection[str], uncertain: Collection[str] = ()
) -> Iterator[Problem]:
    """Every code a ``kl`` action names as responsible is a listed ministry or agency.

    ``uncertain`` holds listed codes whose kind is unknown (not judged).
    """
    for index, code in enumerate(responsible):
        if code not in agencies and code not in uncertain:
            yield Problem(
                "responsible-invalid",
                "responsible-invalid.unlisted",
                ("responsible", index),
                {"got": code},
                f"'{{field}}' must be a listed ministry or agency (got {code!r}).",
            )


# --- forums -------------------------------------------------------------------------------------


def follow_up_order(start: date | None, days: Iterable[date | None]) -> Iterator[Problem]:
    """A recommendation's follow-ups are in date order, none before the forum ``start``.

    An unknown day (``None``) breaks the chain; without ``start`` only the order is judged.
    """
    previous: date | None = None
    for index, on in enumerate(days):
        if on is None:
            previous = None
            continue
        where = ("follow_ups", index, "on")
        if start is not None and on < start:
            yield Problem(
                "follow-up-order",
                "follow-up-order.start",
                where,
                {"got": on.isoformat(), "start": start.isoformat()},
                f"'{{field}}' must not be before the forum started ({start.isoformat()}) "
                f"(got {on.isoformat()}).",
            )
        elif previous is not None and on < previous:
            yield Problem(
                "follow-up-order",
                "follow-up-order.previous",
                where,
                {"got": on.isoformat(), "previous": previous.isoformat()},
                f"'{{field}}' must not be before the follow-up before it "
                f"({previous.isoformat()}) (got {on.isoformat()}).",
            )
        previous = on


def declared_counts(
    counts: Mapping[Addressee, int], declared: Mapping[Addressee, int | None]
) -> Iterator[Problem]:
    """A forum lists no more recommendations for an addressee than it declared.

    More is ``declared-exceeded``; fewer is the warning ``recommendations-incomplete``.

    A declared count of ``None`` is unknown.
    """
    for addressee in Addressee:
        count, limit = counts[addressee], declared[addressee]
        if limit is None or count == limit:
            continue
        params = {"addressee": addressee.value, "count": count, "declared": limit}
        where = ("declared", addressee.value)
        if count > limit:
            yield Problem(
                "declared-exceeded",
                "declared-exceeded",
                where,
                params,
                f"'declared.{addressee.value}' must be at least the number of recommendations "
                f"listed for it ({count}) (got {limit}).",
            )
        else:
            yield Problem(
                "recommendations-incomplete",
                "recommendations-incomplete",
                where,
                params,
                f"'declared.{addressee.value}' declares {limit} recommendations and lists {count}.",
                warning=True,
            )
